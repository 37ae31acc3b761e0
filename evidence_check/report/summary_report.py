"""The ringkasan of `audit-many`: one row per region (projected index, predikat, complete, weak,
missing), as CSV (UTF-8 with a BOM, for Excel) and as a small HTML page."""

from __future__ import annotations

import csv
import html
import io

from evidence_check.models import AuditResult
from evidence_check.report.csv_report import BOM, defuse

HEADER = ("region", "index", "predikat", "complete", "weak", "missing")


Row = tuple[str, str, str, int, int, int]


def row(name: str, result: AuditResult) -> Row:
    """A region's line: all that `audit-many` keeps of its result once its reports are written."""
    projection = result.projection
    index = f"{projection.index:.2f}" if projection is not None else ""
    predikat = (projection.predikat or "") if projection is not None else ""
    complete, weak, missing = (result.count_status(s) for s in ("complete", "weak", "missing"))
    return (name, index, predikat, complete, weak, missing)


def render_csv(rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for line in rows:
        writer.writerow([defuse(cell) for cell in line])
    return BOM + out.getvalue()


def render_html(rows: list[Row]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in HEADER)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td><a href="{html.escape(str(cell))}/evidence-check.html">{html.escape(str(cell))}</a></td>'
            if position == 0
            else f"<td>{html.escape(str(cell))}</td>"
            for position, cell in enumerate(line)
        )
        + "</tr>\n"
        for line in rows
    )
    return (
        '<!doctype html>\n<html lang="id"><head><meta charset="utf-8">'
        "<title>Ringkasan evidence-check</title>"
        "<style>body{font-family:sans-serif}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:.3em .6em}td:nth-child(n+2){text-align:right}</style>"
        f"</head><body><h1>Ringkasan: {len(rows)} wilayah</h1>\n"
        f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table></body></html>\n"
    )
