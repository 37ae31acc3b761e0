"""PDF text per page with pypdfium2 (PDFium: fast, and never runs a document's JavaScript)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from evidence_check.models import Extraction, Page, Problem, Reason

MIN_PAGE_CHARS = 50


def extract(path: Path) -> Extraction:
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
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range()
            finally:
                textpage.close()
                page.close()
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            visible = sum(1 for c in text if not c.isspace())
            pages.append(Page(number=index + 1, text=text, has_text_layer=visible > MIN_PAGE_CHARS))
    finally:
        document.close()
    return Extraction(pages=tuple(pages))
