"""Photos and scans saved as pictures: evidence documents whose text only OCR can read."""

from __future__ import annotations

from pathlib import Path

from evidence_check.models import Extraction, Page, Problem, Reason

SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff")


def extract(path: Path) -> Extraction:
    return Extraction(
        pages=(Page(number=1, text="", has_text_layer=False),),
        problem=Problem(code=Reason.NO_TEXT, detail="a picture: its text needs OCR"),
    )
