"""The Excel report: a summary sheet (per agency and per indicator group) and a sheet per agency.

Every sheet has a filter on its table, set column widths and coloured statuses. Text cells are
always stored as text, so a file name starting with "=" never becomes a formula.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from evidence_check.messages import message
from evidence_check.models import AuditResult, Status
from evidence_check.report import table
from evidence_check.report.view import ChangeView, ReportView, Tally, build, changes_view

#: light fills with dark text, readable in print and for colour-blind readers with the labels
FILLS = {
    Status.COMPLETE: PatternFill("solid", fgColor="C8E6C9"),
    Status.WEAK: PatternFill("solid", fgColor="FFE082"),
    Status.MISSING: PatternFill("solid", fgColor="FFCDD2"),
    Status.WAIVED: PatternFill("solid", fgColor="CFD8DC"),
}
HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
#: column widths of the agency sheets, in characters, by table column
WIDTHS = {
    "agency": 14,
    "agency_name": 28,
    "indicator": 11,
    "group": 30,
    "evidence": 20,
    "requirement": 48,
    "status": 11,
    "reasons": 40,
    "action": 48,
    "file": 44,
    "page": 6,
    "score": 7,
    "year": 7,
    "snippet": 60,
    "suggested_name": 40,
    "other_files": 30,
}
_WRAPPED = {"group", "requirement", "reasons", "action", "file", "snippet", "other_files"}
_SHEET_UNSAFE = re.compile(r"[\[\]:*?/\\']")


def render(result: AuditResult, lang: str = "id") -> bytes:
    view = build(result, lang)
    book = Workbook()
    summary = book.active
    summary.title = message("sheet.summary", lang)[:31]
    _summary(summary, view, lang, changes_view(result, lang))
    used = {summary.title.lower()}
    for agency in view.agencies:
        sheet = book.create_sheet(_sheet_name(agency.id, used))
        _table(sheet, table.header(lang), table.rows(agency))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _summary(
    sheet: Worksheet, view: ReportView, lang: str, changes: ChangeView | None = None
) -> None:
    sheet.append([f"{view.title}: {view.evaluation}"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([view.generated])
    tally = view.tally
    sheet.append(
        [message("summary", lang, complete=tally.complete, weak=tally.weak, missing=tally.missing)]
    )
    _changes(sheet, changes)
    sheet.append([])
    first = _tally_rows(
        sheet,
        [message("column.agency", lang), message("column.agency_name", lang)],
        [([a.id, a.name], a.tally) for a in view.agencies],
        lang,
    )
    sheet.auto_filter.ref = f"A{first}:F{sheet.max_row}"
    sheet.append([])
    _tally_rows(
        sheet,
        [message("column.group", lang), ""],
        [([g.name, ""], g.tally) for g in view.groups],
        lang,
    )
    for column, width in zip("ABCDEF", (16, 60, 11, 11, 11, 11), strict=True):
        sheet.column_dimensions[column].width = width


def _changes(sheet: Worksheet, changes: ChangeView | None) -> None:
    """The change since the baseline audit (--baseline), under the summary sheet's title."""
    if changes is None:
        return
    sheet.append([])
    sheet.append([changes.heading])
    sheet.cell(sheet.max_row, 1).font = BOLD
    for line in (changes.counts, changes.tally, changes.index):
        if line:
            sheet.append([line])
    for agency in changes.agencies:
        for line in (*agency.done, *agency.new_problems):
            sheet.append([agency.id, line])
            _as_text(sheet.cell(sheet.max_row, 2), line)


def _tally_rows(
    sheet: Worksheet, heads: list[str], rows: list[tuple[list[str], Tally]], lang: str
) -> int:
    """Append a table of counts; returns its header's row number."""
    statuses = (Status.COMPLETE, Status.WEAK, Status.MISSING)
    sheet.append([*heads, *(message(f"tally.{s.value}", lang) for s in statuses)])
    sheet.cell(sheet.max_row, 6, message("tally.total", lang))
    for index in range(1, 7):
        cell = sheet.cell(sheet.max_row, index)
        cell.font = BOLD
        cell.fill = FILLS[statuses[index - 3]] if 3 <= index <= 5 else HEADER_FILL
    for names, tally in rows:
        sheet.append([*names, tally.complete, tally.weak, tally.missing, tally.total])
        for index, value in enumerate(names, 1):
            _as_text(sheet.cell(sheet.max_row, index), value)
    return int(sheet.max_row) - len(rows)


def _table(
    sheet: Worksheet, header: list[str], rows: Sequence[tuple[Status, list[table.Cell]]]
) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
    for status, values in rows:
        sheet.append(values)
        line = sheet.max_row
        for index, value in enumerate(values, 1):
            cell = sheet.cell(line, index)
            _as_text(cell, value)
            if table.COLUMNS[index - 1] in _WRAPPED:
                cell.alignment = WRAP
        sheet.cell(line, table.STATUS_COLUMN + 1).fill = FILLS[status]
    last = get_column_letter(len(header))
    sheet.auto_filter.ref = f"A1:{last}{max(sheet.max_row, 1)}"
    sheet.freeze_panes = "A2"
    for index, column in enumerate(table.COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[column]


def _as_text(cell: object, value: table.Cell) -> None:
    """Keep a string a string: openpyxl would store "=..." as a formula."""
    if isinstance(value, str):
        cell.data_type = "s"  # type: ignore[attr-defined]


def _sheet_name(agency: str, used: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\', unique ignoring case."""
    base = _SHEET_UNSAFE.sub("-", agency).strip() or "OPD"
    name, number = base[:31], 2
    while name.lower() in used:
        suffix = f"~{number}"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(name.lower())
    return name
