"""What every human report must say before its rows: the facts that make rows look wrong.

OCR off or missing while scans and pictures lie unread (with the rows they may answer and how to
install Tesseract on the audit's OS), a ROOT where no folder is an agency (and the folder inside it
that probably is ROOT), a self-check on another agency's folder, an empty tree; and the head line of
a map whose instrument was revoked.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath

from evidence_check.messages import CATALOGUE, message
from evidence_check.models import AuditResult, Reason


def banners(result: AuditResult, lang: str) -> tuple[str, ...]:
    out = []
    root = PurePath(result.root).name or result.root
    processed = [d for d in result.documents if d.state == "processed"]
    if not processed:
        out.append(message("banner.empty", lang, root=root))
    unread = {d.path for d in result.documents if any(p.code is Reason.NO_TEXT for p in d.problems)}
    if unread and not result.ocr_available:
        rows = sum(1 for f in result.findings if any(c.path in unread for c in f.documents))
        if result.ocr_requested:
            key = f"install.{result.platform}"
            install = message(key if key in CATALOGUE else "install.Linux", lang)
            out.append(
                message("banner.ocr.missing", lang, count=len(unread), rows=rows, install=install)
            )
        else:
            out.append(message("banner.ocr.off", lang, count=len(unread), rows=rows))
    # files but no agency folder: every file counts only as misplaced (an empty tree says so above)
    if result.self_check is None and processed and not any(f.agency for f in result.folders):
        if result.root_hint:
            out.append(message("banner.root", lang, root=root, hint=result.root_hint))
        else:
            out.append(message("banner.root_none", lang, root=root))
    own = result.self_check
    if own is not None and result.root_agency not in (None, own):
        names = {a.id: a.name for a in result.agencies}
        other = str(result.root_agency)
        out.append(
            message(
                "banner.agency",
                lang,
                root=root,
                other=names.get(other, other),
                other_id=other,
                agency=names.get(own, own),
                agency_id=own,
            )
        )
    return tuple(out)


def revoked_line(result: AuditResult, lang: str) -> str:
    """ "Instrumen ini telah dicabut oleh ...; audit untuk siklus N memakai peta bawaan `pemdi`"."""
    by = result.evaluation.revoked_by
    if not by:
        return ""
    try:
        cycle = dt.date.fromisoformat(result.generated_at[:10]).year + 1
    except ValueError:
        cycle = result.evaluation.year + 1
    return message("revoked", lang, by=by, cycle=cycle)
