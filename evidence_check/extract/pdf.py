"""PDF text per page with pypdfium2 (PDFium: fast, and never runs a document's JavaScript).

A page whose text layer is almost empty (50 visible characters or fewer) is a scan: with OCR on,
it is rendered at 300 dpi and read by Tesseract; pages with text keep their own.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from evidence_check.extract import ocr
from evidence_check.models import Extraction, Page, Problem, Reason
from evidence_check.text import visible

MIN_PAGE_CHARS = 50

OCR_SCALE = 300 / 72


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
    pages = []
    ocr_pages = []
    try:
        for index in range(len(document)):
            try:
                page = document[index]
            except pdfium.PdfiumError:
                # one damaged page: keep the text of the others
                pages.append(Page(number=index + 1, text="", has_text_layer=False))
                continue
            try:
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range()
                finally:
                    textpage.close()
                text = text.replace("\r\n", "\n").replace("\r", "\n")
                has_layer = visible(text) > MIN_PAGE_CHARS
                if not has_layer and use_ocr:
                    text = ocr.read_image(_render(page, 0), lambda p=page: _render(p, 180))  # type: ignore[misc]
                    ocr_pages.append(index + 1)
            finally:
                page.close()
            pages.append(Page(number=index + 1, text=text, has_text_layer=has_layer))
    finally:
        document.close()
    return Extraction(pages=tuple(pages), ocr_pages=tuple(ocr_pages))


def _render(page: pdfium.PdfPage, rotation: int) -> bytes:
    bitmap = page.render(scale=OCR_SCALE, grayscale=True, rotation=rotation)
    try:
        return ocr.pgm(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
    finally:
        bitmap.close()
