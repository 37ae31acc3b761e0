"""The submission package: the documents of every ready item copied out of ROOT into the
portal's layout (aspect / indicator / level), named `<code> - <descriptive name>`, scans made
searchable from the OCR layers the audit kept, and a manifest of what is there and what is not.

It works on the result of the one core `audit()` and reads ROOT only; it writes only into the
package folder, and there only its own files (an earlier package's files are replaced, never
anyone else's). The manifest itself is rendered by report/manifest.py; package_dir.py says when the package
folder may be written and removes an earlier package.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from evidence_check import searchable
from evidence_check.cache import Cache, default_cache_dir, reading_key
from evidence_check.extract import PICTURES, ocr
from evidence_check.messages import message, reason_text
from evidence_check.models import (
    AuditResult,
    Candidate,
    DocumentEntry,
    Finding,
    Status,
    TextLayer,
)
from evidence_check.package_dir import files_in
from evidence_check.reader import Progress
from evidence_check.report.naming import describe

log = logging.getLogger("evidence_check")

#: a folder or file name stays this short (Windows paths are limited to 260 characters)
MAX_NAME = 100
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10)}


@dataclass(frozen=True, kw_only=True)
class Line:
    """One manifest line: a packaged file, or a row with nothing packaged (and why)."""

    code: str
    indicator: str
    level: int | None
    title: str
    agency: str
    #: the row's status: complete, weak, missing, waived
    status: str
    #: the packaged file, relative to the package folder with "/"; "" when nothing was packaged
    file: str = ""
    #: the source file, relative to ROOT
    source: str = ""
    pages: int | None = None
    sha256: str = ""
    #: what was done: copied, ocr (text layer added), cut (pages of a bundle), picture (made a
    #: PDF), or failed (the file could not be packaged: `why` says why)
    done: str = ""
    #: the row's reason codes
    reasons: tuple[str, ...] = ()
    #: the reasons explained, in the package's language
    why: str = ""


@dataclass(frozen=True, kw_only=True)
class Package:
    """What `build` made: the manifest lines and the counts of the summary."""

    lines: tuple[Line, ...]
    #: rows complete and packaged
    ready: int
    #: rows weak or missing, and complete rows none of whose files could be packaged
    not_ready: int
    #: packaged files that got an OCR text layer
    ocr_files: int
    #: of those, files whose layer was not kept and needed OCR again (an older cache)
    reread_files: int = 0


@contextlib.contextmanager
def layer_cache(cache_dir: Path | None, *, no_cache: bool) -> Iterator[Path]:
    """Where the audit keeps the readings and OCR text layers the package reuses: the cache, or
    with `no_cache` a private one that lives only as long as this run."""
    if not no_cache:
        yield cache_dir or default_cache_dir()
        return
    with tempfile.TemporaryDirectory(prefix="evidence-check-package-") as folder:
        yield Path(folder)


def build(
    result: AuditResult,
    root: Path,
    out: Path,
    *,
    cache_dir: Path | None,
    ocr_tag: str,
    include_weak: bool = False,
    lang: str = "id",
    on_progress: Callable[[Progress], None] | None = None,
) -> Package:
    """Write the package of `result` (an audit of `root`) into `out`; the manifest is not
    written here (see report/manifest.py). `cache_dir` holds the OCR text layers of the audit's
    readings, keyed with `ocr_tag` like the readings."""
    entries = {d.path: d for d in result.documents}
    taken = {name.casefold() for name in files_in(out)}
    planned = list(_plan(result, include_weak, lang, taken))
    lines: list[Line] = []
    packed: set[int] = set()
    ocr_files = reread = 0
    total = sum(1 for _, _, c, _ in planned if c is not None)
    done = pages = ocr_pages = 0
    with Cache(cache_dir) as cache:
        for row, line, candidate, name in planned:
            if candidate is None:
                lines.append(line)
                continue
            try:
                made = _make(root, candidate, entries.get(candidate.path), cache, ocr_tag)
            except Exception as exc:  # a file gone or a library failing: the package goes on
                log.debug("packaging %s failed", candidate.path, exc_info=True)
                detail = f"{type(exc).__name__}: {exc}"[:300]
                lines.append(replace(line, source=candidate.path, done="failed", why=detail))
                continue
            target = f"{name}{made.suffix}"
            _write(made.data, out / PurePosixPath(target))
            lines.append(
                replace(line, file=target, source=candidate.path, pages=made.pages,
                        sha256=hashlib.sha256(made.data).hexdigest(), done="+".join(made.done))
            )  # fmt: skip
            packed.add(row)
            ocr_files += made.layered > 0
            reread += made.reread
            done, pages, ocr_pages = done + 1, pages + (made.pages or 0), ocr_pages + made.layered
            if on_progress is not None:
                on_progress(Progress(done=done, total=total, pages=pages, ocr_pages=ocr_pages))
    complete = {i for i, f in enumerate(result.findings) if f.status is Status.COMPLETE}
    return Package(
        lines=tuple(lines),
        ready=len(complete & packed),
        not_ready=sum(1 for f in result.findings if f.status in (Status.WEAK, Status.MISSING))
        + len(complete - packed),
        ocr_files=ocr_files,
        reread_files=reread,
    )


def _plan(
    result: AuditResult, include_weak: bool, lang: str, taken: set[str]
) -> Iterator[tuple[int, Line, Candidate | None, str]]:
    """Per row (by its index): its manifest line and, per document to package, the name to give
    it (without suffix); a row with nothing to package comes once, with no document."""
    for row, finding in enumerate(result.findings):
        line = _line(finding, lang)
        packaged = _documents(finding, include_weak)
        if not packaged:
            yield row, line, None, ""
            continue
        folder = _folder(finding)
        seen: set[tuple[str, tuple[int, int] | None]] = set()
        for candidate in packaged:
            if (candidate.path, page_range(candidate)) in seen:
                continue
            seen.add((candidate.path, page_range(candidate)))
            stem = _stem(finding, candidate, lang, len(seen) - 1)
            yield row, line, candidate, _unique(folder, stem, _suffix(candidate.path), taken)


def _documents(finding: Finding, include_weak: bool) -> tuple[Candidate, ...]:
    if finding.status is Status.COMPLETE:
        return finding.documents
    if finding.status is Status.WEAK and include_weak:
        return finding.documents[: max(1, finding.evidence.min_count)]
    return ()


def _line(finding: Finding, lang: str) -> Line:
    evidence = finding.evidence
    reasons = finding.reasons if finding.status is not Status.MISSING else ()
    why = "; ".join(reason_text(r, lang, level=finding.gated_by) for r in reasons)
    if finding.status is Status.MISSING:
        why = message("package.missing", lang)
    elif finding.status is Status.WAIVED and finding.waiver is not None:
        why = finding.waiver.reason
    return Line(
        code=evidence.code or f"{finding.indicator.id}-{evidence.id}",
        indicator=finding.indicator.id,
        level=evidence.level,
        title=evidence.title,
        agency=finding.agency,
        status=finding.status.value,
        reasons=tuple(r.value for r in reasons) or (("missing",) if not finding.documents else ()),
        why=why,
    )


def _folder(finding: Finding) -> str:
    indicator = finding.indicator
    parts = [indicator.aspect or indicator.group or "", indicator.id]
    if finding.evidence.level is not None:
        parts.append(f"Level {finding.evidence.level}")
    return "/".join(safe_name(p) for p in parts if p and safe_name(p))


def _stem(finding: Finding, candidate: Candidate, lang: str, index: int) -> str:
    evidence = finding.evidence
    code = evidence.code or f"{finding.indicator.id}-{evidence.id}"
    name = describe(title=evidence.title, snippet=candidate.snippet, year=candidate.year)
    stem = f"{code} - {name}" if name else code
    if evidence.scope.value == "each":
        stem += f" - {finding.agency}"
    if index:
        stem += f" ({index + 1})"
    if finding.status is Status.WEAK:
        stem += f" [{message('status.weak', lang)}]"
    return stem


def safe_name(text: str, limit: int = MAX_NAME) -> str:
    """A file or folder name Windows accepts: no reserved characters or device names, no trailing
    dot or space, at most `limit` characters."""
    text = _UNSAFE.sub("-", unicodedata.normalize("NFC", text).replace("/", " - "))
    text = " ".join(text.split())[:limit].strip(" .")
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    return text


def _unique(folder: str, stem: str, suffix: str, taken: set[str]) -> str:
    """`folder/stem`, numbered when another file (ours or anyone's) has that name already; case
    does not tell names apart (Windows)."""
    base = safe_name(stem, MAX_NAME - len(suffix))
    name, number = base, 1
    while f"{folder}/{name}{suffix}".casefold() in taken:
        number += 1
        name = f"{base} ({number})"
    taken.add(f"{folder}/{name}{suffix}".casefold())
    return f"{folder}/{name}" if folder else name


def _suffix(path: str) -> str:
    suffix = PurePosixPath(path).suffix.lower()
    return ".pdf" if suffix in PICTURES else suffix


@dataclass(frozen=True, kw_only=True)
class _Made:
    data: bytes
    suffix: str
    pages: int | None
    done: tuple[str, ...]
    layered: int = 0
    reread: int = 0


def _make(
    root: Path, candidate: Candidate, entry: DocumentEntry | None, cache: Cache, tag: str
) -> _Made:
    """The packaged file's bytes: a copy, or a searchable PDF (a scan, a picture, a part)."""
    data = _source_bytes(root, candidate.path)
    suffix = PurePosixPath(candidate.path).suffix.lower()
    part = page_range(candidate)
    ocr_pages = entry.ocr_pages if entry is not None else ()
    if suffix not in PICTURES and (suffix != ".pdf" or (not ocr_pages and part is None)):
        return _Made(
            data=data, suffix=suffix, pages=entry.pages if entry else None, done=("copied",)
        )
    layers, reread = _layers(data, ocr_pages, suffix in PICTURES, cache, tag)
    by_page = {layer.page: layer for layer in layers}
    if suffix in PICTURES:
        made = searchable.picture_pdf(data, by_page)
        done: tuple[str, ...] = ("picture",)
    else:
        made = searchable.searchable_pdf(data, by_page, part)
        done = ("cut",) if part is not None else ("copied",)
    if made.layered:
        done += ("ocr",)
    elif part is None and suffix == ".pdf":  # nothing to lay (blank scans): the file as it is
        made = searchable.Made(data=data, pages=made.pages, layered=0)
    return _Made(
        data=made.data,
        suffix=".pdf",
        pages=made.pages,
        done=done,
        layered=made.layered,
        reread=int(reread and made.layered > 0),
    )


def page_range(candidate: Candidate) -> tuple[int, int] | None:
    """The pages of a bundle's part that answer the row (first, last), or None for the whole
    file. Candidates carry `part` once bundles are read (the reading work); until then None."""
    part = getattr(candidate, "part", None)
    if part is None:
        return None
    first, last = part
    return int(first), int(last)


def _layers(
    data: bytes, ocr_pages: tuple[int, ...], picture: bool, cache: Cache, tag: str
) -> tuple[tuple[TextLayer, ...], bool]:
    """The OCR text layers the audit kept for this content; read again (and kept) only when a
    scan's text was cached without them. Also says whether that happened."""
    if not ocr_pages:
        return (), False
    key = reading_key(hashlib.sha256(data).hexdigest(), tag)
    payload = cache.layers(key)
    kept = ocr.decode_layers(payload) if payload is not None else None
    if kept is not None:
        return kept, False
    if not ocr.available():
        return (), False
    log.info("OCR once more for the word positions: the cache held only the text")
    layers = searchable.read_layers(data, ocr_pages, picture=picture)
    if layers:
        cache.put_layers(key, ocr.encode_layers(layers))
    return layers, True


def _source_bytes(root: Path, path: str) -> bytes:
    """A file under ROOT, or a member of a ZIP under ROOT (`folder/kiriman.zip!/member.pdf`)."""
    if "!/" not in path:
        return (root / PurePosixPath(path)).read_bytes()
    archive, member = path.split("!/", 1)
    with zipfile.ZipFile(root / PurePosixPath(archive)) as opened:
        return opened.read(member)


def _write(data: bytes, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_name(f".{destination.name}.part")
    temporary.write_bytes(data)
    os.replace(temporary, destination)
