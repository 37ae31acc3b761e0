"""The files behind findings, as a caller may open them: the file itself, or one PDF page as PNG.

A file is offered only when the caller may see it (scope.py) and it really lies in the caller's
own folder once links are resolved; a PDF page is drawn with PDFium, as the reader reads them.
"""

from __future__ import annotations

import io
import mimetypes
from pathlib import Path

from evidence_check.models import AuditResult
from evidence_check.serve.access import Caller
from evidence_check.serve.scope import documents

#: the width a page picture is drawn at, enough to read a scan on a phone or a screen
PAGE_WIDTH = 1240


def find(result: AuditResult, root: Path, caller: Caller, doc: str) -> Path | None:
    """The path of the document with id `doc`, if the caller may open it."""
    entry = documents(result, caller).get(doc)
    if entry is None:
        return None
    real_root = root.resolve()
    path = (root / entry.path).resolve()
    head = entry.path.split("/", 1)[0]
    home = real_root if caller.agency is None else (root / head).resolve()
    # a link in the caller's folder may not lead to another folder's file
    inside = path.is_relative_to(home) and home.is_relative_to(real_root)
    return path if inside and path.is_file() else None


def media_type(path: Path) -> tuple[str, bool]:
    """The content type and whether a browser shows it (PDF, pictures) rather than saves it."""
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return kind, kind == "application/pdf" or kind.startswith("image/")


def page_picture(path: Path, number: int) -> bytes | None:
    """Page `number` (1-based) of a PDF as PNG; None when the page or the PDF cannot be drawn."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError:
        return None
    try:
        if not 1 <= number <= len(pdf):
            return None
        page = pdf[number - 1]
        scale = min(2.0, PAGE_WIDTH / (page.get_width() or 1))
        out = io.BytesIO()
        page.render(scale=scale).to_pil().save(out, format="PNG", optimize=True)
        return out.getvalue()
    finally:
        pdf.close()
