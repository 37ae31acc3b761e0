"""The Excel report: a summary sheet, the projection, a sheet of all rows and a sheet per agency.

Every table sheet has a filter, set column widths, coloured statuses, the person in charge and the
deadline, and prints landscape on A4, fitted to the page width with its header row repeated. Text
cells are always stored as text, so a file name starting with "=" never becomes a formula. The
workbook is written in openpyxl's write-only mode, row after row, so a map of 20,000 indicators
stays linear.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

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
    "gain": 9,
    "person": 26,
    "deadline": 16,
    "led_by": 24,
    "file": 44,
    "page": 6,
    "score": 7,
    "year": 7,
    "snippet": 60,
    "suggested_name": 40,
    "other_files": 30,
    "pinned": 30,
}
_WRAPPED = {"group", "requirement", "reasons", "action", "file", "snippet", "other_files", "pinned"}
_SHEET_UNSAFE = re.compile(r"[\[\]:*?/\\']")
#: openpyxl's paper size code of A4
A4 = "9"


def render(result: AuditResult, lang: str = "id") -> bytes:
    view = build(result, lang)
    book = Workbook(write_only=True)
    summary = book.create_sheet(message("sheet.summary", lang)[:31])
    _summary(summary, view, lang, changes_view(result, lang))
    used = {summary.title.lower()}
    if view.score is not None:
        score = book.create_sheet(_sheet_name(message("sheet.score", lang), used))
        _score(score, view, lang)
    everything = book.create_sheet(_sheet_name(message("sheet.all", lang), used))
    _table(everything, table.header(lang), [r for a in view.agencies for r in table.own_rows(a)])
    for agency in view.agencies:
        sheet = book.create_sheet(_sheet_name(agency.id, used))
        _table(sheet, table.header(lang), table.rows(agency))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(sheet: Any, value: object, **style: Any) -> WriteOnlyCell:
    """A cell with its style; a string stays a string (openpyxl would store "=..." as a formula)."""
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def _print_setup(sheet: Any, *, repeat: bool = True) -> None:
    """Landscape A4, fitted to one page wide, the header row repeated on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if repeat:
        sheet.print_title_rows = "1:1"


def _summary(sheet: Any, view: ReportView, lang: str, changes: ChangeView | None = None) -> None:
    for column, width in zip("ABCDEF", (16, 60, 11, 11, 11, 11), strict=True):
        sheet.column_dimensions[column].width = width
    _print_setup(sheet, repeat=False)
    sheet.append([_cell(sheet, f"{view.title}: {view.evaluation}", font=Font(bold=True, size=14))])
    sheet.append([_cell(sheet, view.generated)])
    for line in view.head_lines:  # the revocation and the banners, before anything else
        sheet.append([_cell(sheet, line, font=BOLD)])
    tally = view.tally
    counts = message(
        "summary", lang, complete=tally.complete, weak=tally.weak, missing=tally.missing
    )
    sheet.append([_cell(sheet, counts)])
    lines = len(view.head_lines) + _changes(sheet, changes)
    sheet.append([])
    rows = [([a.id, a.name], a.tally) for a in view.agencies]
    first = 5 + lines
    _tally_rows(
        sheet, [message("column.agency", lang), message("column.agency_name", lang)], rows, lang
    )
    sheet.auto_filter.ref = f"A{first}:F{first + len(rows)}"
    sheet.append([])
    groups = [([g.name, ""], g.tally) for g in view.groups]
    _tally_rows(sheet, [message("column.group", lang), ""], groups, lang)


def _score(sheet: Any, view: ReportView, lang: str) -> None:
    """The projection: the index line, each kind of sub-score under its heading, the externals."""
    score = view.score
    assert score is not None
    sheet.column_dimensions["A"].width = 70
    sheet.column_dimensions["B"].width = 12
    _print_setup(sheet, repeat=False)
    sheet.append([_cell(sheet, message("heading.score", lang), font=Font(bold=True, size=14))])
    sheet.append([_cell(sheet, score.line)])
    index = float(score.index.replace(",", "."))
    sheet.append(
        [_cell(sheet, message("column.index", lang)), _cell(sheet, index, number_format="0.00")]
    )
    for section in score.sections:
        sheet.append([])
        heads = (section.heading, message("column.index", lang))
        sheet.append([_cell(sheet, h, font=BOLD, fill=HEADER_FILL) for h in heads])
        for (name, _), value in zip(section.rows, section.values, strict=True):
            sheet.append([_cell(sheet, name), _cell(sheet, value, number_format="0.00")])
    if score.externals:
        sheet.append([])
        sheet.append([_cell(sheet, message("score.heading.external", lang), font=BOLD)])
        for line in score.externals:
            sheet.append([_cell(sheet, line)])


def _changes(sheet: Any, changes: ChangeView | None) -> int:
    """The change since the baseline audit (--baseline), under the summary sheet's title; the
    number of rows it took."""
    if changes is None:
        return 0
    rows: list[list[Any]] = [[], [_cell(sheet, changes.heading, font=BOLD)]]
    rows += [
        [_cell(sheet, line)] for line in (changes.counts, changes.tally, changes.index) if line
    ]
    for agency in changes.agencies:
        rows += [
            [_cell(sheet, agency.id), _cell(sheet, line)]
            for line in (*agency.done, *agency.new_problems)
        ]
    for row in rows:
        sheet.append(row)
    return len(rows)


def _tally_rows(
    sheet: Any, heads: list[str], rows: list[tuple[list[str], Tally]], lang: str
) -> None:
    """Append a table of counts under its header."""
    statuses = (Status.COMPLETE, Status.WEAK, Status.MISSING)
    labels = [*heads, *(message(f"tally.{s.value}", lang) for s in statuses)]
    labels.append(message("tally.total", lang))
    fills = [HEADER_FILL, HEADER_FILL, *(FILLS[s] for s in statuses), HEADER_FILL]
    sheet.append([_cell(sheet, v, font=BOLD, fill=f) for v, f in zip(labels, fills, strict=True)])
    for names, tally in rows:
        cells = [_cell(sheet, name) for name in names]
        sheet.append([*cells, tally.complete, tally.weak, tally.missing, tally.total])


def _table(sheet: Any, header: list[str], rows: Sequence[tuple[Status, list[table.Cell]]]) -> None:
    for index, column in enumerate(table.COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[column]
    sheet.freeze_panes = "A2"
    _print_setup(sheet)
    sheet.append([_cell(sheet, h, font=BOLD, fill=HEADER_FILL, alignment=WRAP) for h in header])
    wrapped = [column in _WRAPPED for column in table.COLUMNS]
    count = 0
    for status, values in rows:
        cells = []
        for index, value in enumerate(values):
            style: dict[str, Any] = {"alignment": WRAP} if wrapped[index] else {}
            if index == table.STATUS_COLUMN:
                style["fill"] = FILLS[status]
            cells.append(_cell(sheet, value, **style) if style or isinstance(value, str) else value)
        sheet.append(cells)
        count += 1
    last = get_column_letter(len(header))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"


def _sheet_name(agency: str, used: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\', unique ignoring case."""
    base = _SHEET_UNSAFE.sub("-", agency).strip() or "OPD"
    name, number = base[:31], 2
    while name.lower() in used:
        suffix = f"~{number}"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(name.lower())
    return name
