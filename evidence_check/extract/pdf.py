"""PDF text per page with pypdfium2 (PDFium: fast, and never runs a document's JavaScript).

A page whose text layer is almost empty (50 visible characters or fewer) is a scan: with OCR on,
it is rendered at 300 dpi and read by Tesseract; pages with text keep their own. The page count is
the pages actually read, never the document's own `/Count`: a page that cannot be loaded, or is too
large to render or OCR, is skipped with a line in `page_problems` and the others keep their text.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from evidence_check.extract import ocr
from evidence_check.models import Extraction, Page, Problem, Reason
from evidence_check.text import visible

MIN_PAGE_CHARS = 50

OCR_SCALE = 300 / 72
#: a page larger than this at 300 dpi (about four A0 sheets) is not rendered for OCR
MAX_RENDER_PIXELS = 200_000_000
#: a document listing pages that fail to load this many times in a row lies about its count
MAX_MISSING_IN_A_ROW = 1000


def extract(path: Path, *, use_ocr: bool = False) -> Extraction:
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            detail = "encrypted: a password is needed to open it"
        else:
            detail = f"not a readable PDF ({message})"
        return Extraction(problem=Problem(code=Reason.UNREADABLE, detail=detail))
    pages: list[Page] = []
    ocr_pages: list[int] = []
    problems: list[str] = []
    missing: list[int] = []
    in_a_row = 0
    try:
        listed = len(document)
        for index in range(listed):
            if in_a_row >= MAX_MISSING_IN_A_ROW:
                break
            try:
                page = document[index]
            except pdfium.PdfiumError:
                missing.append(index + 1)  # one damaged page: keep the text of the others
                in_a_row += 1
                continue
            in_a_row = 0
            try:
                read, by_ocr = _page(page, index + 1, use_ocr, problems)
            finally:
                page.close()
            pages.append(read)
            if by_ocr:
                ocr_pages.append(index + 1)
    finally:
        document.close()
    if missing:
        problems.append(_missing(missing, listed, stopped=in_a_row >= MAX_MISSING_IN_A_ROW))
    return Extraction(pages=tuple(pages), ocr_pages=tuple(ocr_pages), page_problems=tuple(problems))


def _page(
    page: pdfium.PdfPage, number: int, use_ocr: bool, problems: list[str]
) -> tuple[Page, bool]:
    """One page's text (by OCR for a scan, when on), and whether OCR gave it."""
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
    finally:
        textpage.close()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    has_layer = visible(text) > MIN_PAGE_CHARS
    if not has_layer and use_ocr:
        width, height = page.get_size()
        pixels = width * OCR_SCALE * height * OCR_SCALE
        if pixels > MAX_RENDER_PIXELS:
            problems.append(
                f"page {number} skipped: too large to render for OCR "
                f"({width / 72 * 25.4:.0f} x {height / 72 * 25.4:.0f} mm)"
            )
            return Page(number=number, text=text, has_text_layer=False), False
        try:
            text = ocr.read_image(_render(page, 0), lambda p=page: _render(p, 180))  # type: ignore[misc]
        except (pdfium.PdfiumError, MemoryError, OSError) as exc:
            problems.append(f"page {number} skipped: cannot be rendered for OCR ({exc})"[:200])
            return Page(number=number, text="", has_text_layer=False), False
        return Page(number=number, text=text, has_text_layer=False), True
    return Page(number=number, text=text, has_text_layer=has_layer), False


def _missing(missing: list[int], listed: int, *, stopped: bool) -> str:
    if stopped:
        first = missing[-MAX_MISSING_IN_A_ROW]
        return (
            f"the PDF says it has {listed} pages, but from page {first} on they cannot be "
            "loaded: reading stopped there"
        )
    shown = ", ".join(str(n) for n in missing[:10]) + (", ..." if len(missing) > 10 else "")
    return f"{len(missing)} damaged page(s) skipped: {shown}"


def _render(page: pdfium.PdfPage, rotation: int) -> bytes:
    bitmap = page.render(scale=OCR_SCALE, grayscale=True, rotation=rotation)
    try:
        return ocr.pgm(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
    finally:
        bitmap.close()
