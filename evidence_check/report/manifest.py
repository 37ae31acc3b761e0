"""The package's manifest: one line per packaged file and per row with nothing packaged, as CSV
(`;`, UTF-8 with a BOM, as Excel in Indonesia opens it) and as an Excel sheet. Writers only render.
"""

from __future__ import annotations

import csv
import io

from evidence_check.package import Line, Package
from evidence_check.package_dir import COLUMNS


def _cells(line: Line) -> list[str]:
    values = {
        **line.__dict__,
        "level": "" if line.level is None else str(line.level),
        "pages": "" if line.pages is None else str(line.pages),
        "reasons": ", ".join(line.reasons),
    }
    return [str(values[column]) for column in COLUMNS]


def render_csv(package: Package) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_cells(line) for line in package.lines)
    return out.getvalue().encode("utf-8-sig")


#: column widths of the sheet, in characters
WIDTHS = {"title": 48, "file": 60, "source": 48, "sha256": 20, "why": 60, "done": 14}


def render_xlsx(package: Package) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "manifest"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in package.lines:
        sheet.append(_cells(line))
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"  # a file name starting with "=" never becomes a formula
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(column, 11)
    sheet.auto_filter.ref = sheet.dimensions
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
