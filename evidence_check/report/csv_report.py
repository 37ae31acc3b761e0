"""The CSV report: the findings table (report/table.py) for spreadsheets, UTF-8 with a BOM.

The BOM makes Excel read Indonesian text as UTF-8; cells that a spreadsheet would run as a formula
(starting with = + - @, tab or carriage return) are defused with a leading apostrophe. Under
`--lang id` the separator is ";" and numbers have decimal commas, as an Indonesian Excel expects;
under `--lang en` it is "," with decimal points.
"""

from __future__ import annotations

import csv
import io

from evidence_check.models import AuditResult
from evidence_check.report import table
from evidence_check.report.view import build

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse(value: table.Cell, lang: str = "en") -> str:
    """The cell as text, with a leading apostrophe where a spreadsheet would see a formula."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(value).replace(".", ",") if lang == "id" else str(value)
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def render(result: AuditResult, lang: str = "id") -> str:
    view = build(result, lang)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "id" else ",", lineterminator="\r\n")
    writer.writerow(table.header(lang))
    for agency in view.agencies:
        for _, row in table.rows(agency):
            writer.writerow([defuse(cell, lang) for cell in row])
    return BOM + out.getvalue()
