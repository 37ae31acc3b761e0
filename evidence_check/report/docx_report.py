"""The Word report: per agency a to-do memo in Nota Dinas form that the coordinator can sign and send.

A letterhead, then Kepada / Dari / Tembusan / Tanggal / Nomor / Sifat / Lampiran / Hal (the current
tata naskah dinas), the banners, an opening paragraph with the counts and the reply-by date, a table
of the weak and missing items with what to do and what each adds to the index, files shared by
several items once, the waived items, the projection, the files to rename, a closing line and the
coordinator's signature block (report/memo_view.py says who writes to whom). The coordinator's own
agency gets an internal to-do instead of a memo to itself. `render` gives every agency's memo in
one document and, when there are several agencies, each agency's memo as a companion file
(report.Bundle), made only when written. The to-do table's rows are written as WordprocessingML
directly: python-docx's per-cell calls made a 20,000-row table take minutes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from evidence_check.messages import message
from evidence_check.models import AuditResult, Status
from evidence_check.report.bundle import Bundle
from evidence_check.report.memo_view import MemoView, memo_view
from evidence_check.report.view import (
    AgencyView,
    ChangeView,
    ReportView,
    build,
    changes_view,
    document_bits,
)

#: cell shades of the status column, the same hues as the Excel and HTML reports
SHADES = {
    Status.COMPLETE: "C8E6C9",
    Status.WEAK: "FFE082",
    Status.MISSING: "FFCDD2",
    Status.WAIVED: "CFD8DC",
}
#: widths of the to-do table's columns: No., code, item, status, problems, what to do, gain
TODO_WIDTHS = (Cm(0.9), Cm(2.2), Cm(3.6), Cm(1.7), Cm(3.4), Cm(3.4), Cm(1.4))


def render(result: AuditResult, lang: str = "id") -> bytes:
    view = build(result, lang)
    memos = {a.id: memo_view(result, a, lang) for a in view.agencies}
    changes = changes_view(result, lang)
    main = _save(view, view.agencies, memos, changes)
    if len(view.agencies) < 2:
        return main
    return Bundle(
        main, {agency.id: _memo_of(view, agency, memos, changes) for agency in view.agencies}
    )


def _memo_of(
    view: ReportView, agency: AgencyView, memos: dict[str, MemoView], changes: ChangeView | None
) -> Callable[[], bytes]:
    return lambda: _save(view, (agency,), memos, changes)


def _save(
    view: ReportView,
    agencies: tuple[AgencyView, ...],
    memos: dict[str, MemoView],
    changes: ChangeView | None = None,
) -> bytes:
    document = _new_document(view)
    for index, agency in enumerate(agencies):
        if index:
            document.add_page_break()  # type: ignore[no-untyped-call]
        _memo(document, view, agency, memos[agency.id], changes)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _new_document(view: ReportView) -> DocumentObject:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.2))
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    properties = document.core_properties
    properties.title = message("memo.subject_value", view.lang, evaluation=view.evaluation)
    properties.author = "evidence-check"
    return document


def _memo(
    document: DocumentObject,
    view: ReportView,
    agency: AgencyView,
    memo: MemoView,
    changes: ChangeView | None = None,
) -> None:
    lang = view.lang
    for number, line in enumerate(memo.letterhead):
        head = document.add_paragraph()
        head.alignment = WD_ALIGN_PARAGRAPH.CENTER
        head.paragraph_format.space_after = Pt(0)
        run = head.add_run(line)
        run.bold, run.font.size = number == 0, Pt(13 if number == 0 else 9)
    _rule(document.add_paragraph())
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(message("memo.internal" if memo.internal else "memo.title", lang))
    run.bold, run.font.size = True, Pt(14)
    if memo.internal:
        fields = [("memo.date", view.date), ("memo.subject", memo.subject)]
    else:
        fields = [
            ("memo.to", memo.to),
            ("memo.from", memo.sender),
            ("memo.copy", memo.copy),
            ("memo.date", view.date),
            ("memo.number", message("memo.blank", lang)),
            ("memo.nature", message("memo.nature_value", lang)),
            ("memo.attachment", "-"),
            ("memo.subject", memo.subject),
        ]
    header = document.add_table(rows=0, cols=3)
    for key, value in fields:
        cells = header.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = message(key, lang), ":", value
    _widths(header, (Cm(3.2), Cm(0.5), Cm(12.8)))
    _rule(document.add_paragraph())
    for line in view.head_lines:
        paragraph = document.add_paragraph()
        paragraph.add_run(line).bold = True
    _changes(document, changes, agency.id, lang)
    tally = agency.tally
    counts = {"complete": tally.complete, "weak": tally.weak, "missing": tally.missing}
    key = "memo.internal_opening" if memo.internal else "memo.opening"
    if not agency.todo:
        key = "memo.nothing"
    document.add_paragraph(
        message(
            key,
            lang,
            evaluation=view.evaluation,
            date=view.date,
            agency=agency.name,
            reply_by=memo.reply_by,
            **counts,
        )
    )
    if agency.todo:
        _todo_table(document, agency, memo, lang)
    if memo.shared_files:
        _after_table(document.add_paragraph(message("memo.shared_files", lang)))
        shared = document.add_table(rows=1, cols=2, style="Table Grid")
        _head(shared.rows[0].cells, ["column.file", "memo.shared_items"], lang)
        for path, codes in memo.shared_files:
            cells = shared.add_row().cells
            cells[0].text, cells[1].text = path, ", ".join(codes)
        _small(shared)
    if agency.waived:
        _after_table(document.add_paragraph(message("heading.waived", lang) + ":"))
        waived = document.add_table(rows=1, cols=3, style="Table Grid")
        _head(
            waived.rows[0].cells, ["column.evidence", "column.requirement", "column.waiver"], lang
        )
        for item in agency.waived:
            cells = waived.add_row().cells
            cells[0].text, cells[1].text, cells[2].text = item.evidence, item.title, item.waiver
        _small(waived)
    _score(document, view)
    if agency.renames:
        _after_table(document.add_paragraph(message("memo.rename_intro", lang)))
        renames = document.add_table(rows=1, cols=2, style="Table Grid")
        _head(renames.rows[0].cells, ["column.file", "column.suggested_name"], lang)
        for rename in agency.renames:
            cells = renames.add_row().cells
            cells[0].text, cells[1].text = rename.path, rename.suggestion
        _small(renames)
    _after_table(document.add_paragraph(message("memo.closing", lang)))
    _signature(document, memo)


def _changes(document: DocumentObject, changes: ChangeView | None, agency: str, lang: str) -> None:
    """This agency's change since the baseline audit (--baseline): done, and new problems."""
    if changes is None:
        return
    own = next((a for a in changes.agencies if a.id == agency), None)
    document.add_paragraph(changes.heading + ":")
    if own is None:
        document.add_paragraph(message("changes.none", lang), style="List Bullet")
        return
    for key, lines in (("changes.done", own.done), ("changes.new_problems", own.new_problems)):
        for line in lines:
            document.add_paragraph(f"{message(key, lang)}: {line}", style="List Bullet")


def _todo_table(document: DocumentObject, agency: AgencyView, memo: MemoView, lang: str) -> None:
    heads = ["column.no", "column.evidence", "column.requirement", "column.status"]
    heads += ["column.reasons", "column.action", "column.gain"]
    grid = document.add_table(rows=1, cols=len(heads), style="Table Grid")
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    _head(grid.rows[0].cells, heads, lang)
    grouped = {path for path, _ in memo.shared_files}
    _small(grid)
    _widths(grid, TODO_WIDTHS)
    rows = []
    for number, item in enumerate(agency.todo, 1):
        problems = list(item.reasons)
        problems += [
            f"{message('column.file', lang)}: {d.path} ({', '.join(document_bits(d, lang))})"
            for d in item.documents
            if d.path not in grouped
        ]
        title = item.title + (f" ({item.led_by})" if item.led_by else "")
        values = [str(number), f"{item.indicator} · {item.evidence}", title, item.status_label]
        values += ["\n".join(problems) or "-", "\n".join(item.actions), item.gain_text]
        shades = [None, None, None, SHADES[item.status], None, None, None]
        cells = "".join(
            _cell_xml(value, width, shade)
            for value, width, shade in zip(values, TODO_WIDTHS, shades, strict=True)
        )
        rows.append(f"<w:tr>{cells}</w:tr>")
    table = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(rows)}</w:tbl>")
    for row in list(table):
        grid._tbl.append(row)


#: characters XML 1.0 cannot hold (python-docx refuses them too)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: the body of a table cell's run: black 9 pt, as `_small` sets on cells made by python-docx
_RUN_PROPERTIES = '<w:rPr><w:color w:val="000000"/><w:sz w:val="18"/></w:rPr>'


def _cell_xml(text: str, width: Cm, shade: str | None) -> str:
    """One table cell as WordprocessingML: its width, shading, and its text with line breaks."""
    properties = f'<w:tcW w:w="{round(width / 635)}" w:type="dxa"/>'
    if shade is not None:
        properties += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    parts = []
    for index, line in enumerate(_NOT_XML.sub("", text).split("\n")):
        if index:
            parts.append("<w:br/>")
        for number, piece in enumerate(line.split("\t")):
            if number:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    run = f"<w:r>{_RUN_PROPERTIES}{''.join(parts)}</w:r>"
    return f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p>{run}</w:p></w:tc>"


def _score(document: DocumentObject, view: ReportView) -> None:
    score = view.score
    if score is None:
        return
    heading = _after_table(document.add_paragraph())
    heading.add_run(message("heading.score", view.lang)).bold = True
    document.add_paragraph(score.line)
    for section in score.sections:
        grid = document.add_table(rows=1, cols=2, style="Table Grid")
        cells = grid.rows[0].cells
        for cell, text in zip(
            cells, (section.heading, message("column.index", view.lang)), strict=True
        ):
            cell.text = ""
            cell.paragraphs[0].add_run(text).bold = True
            _shade(cell, "DDE3EA")
        for name, value in section.rows:
            row = grid.add_row().cells
            row[0].text, row[1].text = name, value
        _small(grid)
        _widths(grid, (Cm(12.6), Cm(4.0)))
        document.add_paragraph()
    if score.externals:
        document.add_paragraph(message("score.heading.external", view.lang) + ":")
        for line in score.externals:
            document.add_paragraph(line, style="List Bullet")


def _signature(document: DocumentObject, memo: MemoView) -> None:
    lines = [memo.signatory_title + ",", "", "", "", memo.signatory_name, memo.signatory_nip]
    for line in lines:
        paragraph = document.add_paragraph(line)
        paragraph.paragraph_format.left_indent = Cm(9)
        paragraph.paragraph_format.space_after = Pt(0)


def _after_table(paragraph: Paragraph) -> Paragraph:
    paragraph.paragraph_format.space_before = Pt(10)
    return paragraph


def _head(cells: tuple[_Cell, ...] | list[_Cell], keys: list[str], lang: str) -> None:
    for cell, key in zip(cells, keys, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(message(key, lang))
        run.bold = True
        _shade(cell, "DDE3EA")


def _small(grid: Table) -> None:
    for row in grid.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
                    run.font.color.rgb = RGBColor(0, 0, 0)


def _widths(grid: Table, widths: tuple[Cm, ...]) -> None:
    """Word and LibreOffice lay a table out from its grid, so set the grid and every cell."""
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _shade(cell: _Cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _rule(paragraph: object) -> None:
    """A line under the memo's header, as on printed Nota Dinas forms."""
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    paragraph._p.get_or_add_pPr().append(border)  # type: ignore[attr-defined]
