"""Other office files: Excel workbooks (.xlsx, one page per sheet), PowerPoint decks (.pptx, one
page per slide) and legacy Word documents (.doc, through the antiword command).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from evidence_check.extract.helper import preexec
from evidence_check.models import Extraction, Page, Problem, Reason

MAX_CELLS = 200_000
ANTIWORD_TIMEOUT_SECONDS = 120


def extract_xlsx(path: Path, *, use_ocr: bool = False) -> Extraction:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    pages, cells = [], 0
    try:
        for number, sheet in enumerate(workbook.worksheets, start=1):
            lines = [sheet.title]
            for row in sheet.iter_rows(values_only=True):
                values = [str(v) for v in row if v is not None and str(v).strip()]
                cells += len(row)
                if values:
                    lines.append("\t".join(values))
                if cells > MAX_CELLS:
                    break
            pages.append(Page(number=number, text="\n".join(lines), has_text_layer=True))
            if cells > MAX_CELLS:
                break
    finally:
        workbook.close()
    return Extraction(pages=tuple(pages))


def extract_pptx(path: Path, *, use_ocr: bool = False) -> Extraction:
    from pptx import Presentation

    deck = Presentation(str(path))
    pages = []
    for number, slide in enumerate(deck.slides, start=1):
        lines: list[str] = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                lines.extend(p.text for p in shape.text_frame.paragraphs if p.text.strip())
            if getattr(shape, "has_table", False) and shape.has_table:
                for row in shape.table.rows:
                    lines.append("\t".join(cell.text for cell in row.cells))
        pages.append(Page(number=number, text="\n".join(lines), has_text_layer=True))
    return Extraction(pages=tuple(pages))


def extract_doc(path: Path, *, use_ocr: bool = False) -> Extraction:
    if shutil.which("antiword") is None:
        detail = (
            "a legacy Word .doc: install antiword (Debian: apt-get install antiword) to read it"
        )
        return Extraction(problem=Problem(code=Reason.UNREADABLE, detail=detail))
    done = subprocess.run(
        ["antiword", "-w", "0", str(path)],
        capture_output=True,
        timeout=ANTIWORD_TIMEOUT_SECONDS,
        preexec_fn=preexec(),  # the workers run no other threads on Linux
        check=False,
    )
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
        detail = f"antiword cannot read this .doc: {reason[0] if reason else done.returncode}"
        return Extraction(problem=Problem(code=Reason.UNREADABLE, detail=detail))
    text = done.stdout.decode("utf-8", "replace")
    return Extraction(pages=(Page(number=None, text=text, has_text_layer=True),))
