"""Extraction: text per page from each supported file, with failures returned as problems.

Extractors claim files by suffix; `extract_file` sniffs the bytes first so that a PDF saved as
.docx or a legacy .doc renamed .docx is read or reported for what it really is. Nothing here
raises for a bad file: it becomes an `Extraction` with a `Problem`.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import logging
import os
import zipfile
from pathlib import Path
from typing import Protocol

from evidence_check.extract import ocr
from evidence_check.models import Extraction, Problem, Reason

log = logging.getLogger(__name__)


class Extractor(Protocol):
    def __call__(self, path: Path, *, use_ocr: bool = False) -> Extraction: ...


PICTURES = (".jpg", ".jpeg", ".png", ".tif", ".tiff")
#: suffix -> "module.function" of its extractor: the single place that says which files are
#: evidence. Modules load on first use, in the workers that read: the parent never needs PDFium.
EXTRACTORS: dict[str, str] = {
    ".pdf": "pdf.extract",
    ".docx": "docx.extract",
    ".xlsx": "office.extract_xlsx",
    ".pptx": "office.extract_pptx",
    ".doc": "office.extract_doc",
    **{suffix: "image.extract" for suffix in PICTURES},
}


def extractor_for(suffix: str) -> Extractor:
    module, function = EXTRACTORS[suffix].split(".")
    found: Extractor = getattr(
        importlib.import_module(f"evidence_check.extract.{module}"), function
    )
    return found


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def supported_suffix(name: str) -> bool:
    return Path(name).suffix.lower() in EXTRACTORS


def unreadable(detail: str) -> Extraction:
    return Extraction(problem=Problem(code=Reason.UNREADABLE, detail=detail))


def extract_file(path: Path, *, use_ocr: bool = False, targeted: bool = False) -> Extraction:
    """Read one file; never raises for a broken, encrypted, empty or mislabelled file.
    `targeted`: of a scanned PDF, OCR in full only the pages the judgement reads."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        return unreadable(f"cannot open: {exc.strerror or exc}")
    if not head:
        return unreadable("empty file (0 bytes)")
    suffix = path.suffix.lower()
    extractor: Extractor
    if head.startswith(b"%PDF") or (suffix == ".pdf" and b"%PDF" in _peek(path)):
        extractor = extractor_for(".pdf")
    elif head.startswith(_OLE_MAGIC) and suffix != ".doc":
        return unreadable("a legacy Word/Office file (.doc/.xls) saved under a new name")
    elif head.startswith(b"PK") and (office := _office_kind(path)) not in (None, suffix):
        extractor = extractor_for(office)  # a Word, Excel or PowerPoint file under another name
    elif suffix in EXTRACTORS:
        extractor = extractor_for(suffix)
    else:
        return unreadable(f"a type evidence-check cannot read ({suffix or 'no extension'})")
    if targeted and extractor is extractor_for(".pdf"):  # only a PDF's pages are read in part
        from evidence_check.extract import pdf

        extractor = functools.partial(pdf.extract, targeted=True)
    try:
        extraction = extractor(path, use_ocr=use_ocr)
    except MemoryError:
        return unreadable("too much memory needed to read it: refused")
    except Exception as exc:  # a library failing on a hostile file must not stop the audit
        log.debug("extraction of %s failed", path, exc_info=True)
        return unreadable(_private(f"cannot be read: {type(exc).__name__}: {exc}", path)[:300])
    if extraction.problem is not None and str(path.parent) in extraction.problem.detail:
        problem = Problem(
            code=extraction.problem.code, detail=_private(extraction.problem.detail, path)
        )
        extraction = dataclasses.replace(extraction, problem=problem)
    if extraction.problem is None and not any(p.text.strip() for p in extraction.pages):
        no_text = Problem(code=Reason.NO_TEXT, detail=_no_text_detail(use_ocr))
        return dataclasses.replace(extraction, problem=no_text)
    return extraction


def _private(detail: str, path: Path) -> str:
    """A detail without the folders above the file: reports travel, folder names can tell much."""
    return detail.replace(str(path.parent) + os.sep, "").replace(str(path.parent), "")


def _no_text_detail(use_ocr: bool) -> str:
    if use_ocr:
        return "no readable text, even with OCR (a blank or unreadable scan?)"
    if not ocr.available():
        return (
            "no text layer, and OCR is not available: install tesseract-ocr and tesseract-ocr-ind"
        )
    return "no text layer (a scan) and OCR was turned off"


_OFFICE_PARTS = {
    "word/document.xml": ".docx",
    "xl/workbook.xml": ".xlsx",
    "ppt/presentation.xml": ".pptx",
}


def _office_kind(path: Path) -> str | None:
    """The Office format a ZIP package really is, by its main part; None for other ZIPs."""
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    return next((kind for part, kind in _OFFICE_PARTS.items() if part in names), None)


def _peek(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(1024)
