"""Inline SVG charts for the HTML report: stacked bars of complete, weak and missing.

Plain SVG markup, no script and no external file, so the report stays one self-contained page
that prints. Labels arrive as plain text and are escaped here.
"""

from __future__ import annotations

from html import escape

from evidence_check.models import Status
from evidence_check.report.view import Tally

#: saturated bar colours; the report's badges use light tints of the same hues
COLOURS = {
    Status.COMPLETE: "#2e7d32",
    Status.WEAK: "#f9a825",
    Status.MISSING: "#c62828",
    Status.WAIVED: "#78909c",
}
#: the charts' own width: small enough that their 13 px labels stay legible on a phone
WIDTH = 560
_BAR = 20
_ROW = 50
_LABEL = 22
#: a label longer than this is cut with "…": at a phone's label size it would run off the chart
MAX_LABEL = 46


def stacked_bars(rows: list[tuple[str, Tally]], title: str) -> str:
    """One 100%-wide bar per row, split by status, with its label above it and its counts inside."""
    height = _ROW * len(rows) + 4
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, tally) in enumerate(rows):
        top = index * _ROW
        shown = label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"
        parts.append(
            f'<text x="0" y="{top + _LABEL - 4}" class="chart-label">{escape(shown)}</text>'
        )
        parts.extend(_segments(tally, top + _LABEL, _BAR))
    parts.append("</svg>")
    return "\n".join(parts)


def overall_bar(tally: Tally, title: str) -> str:
    """The whole audit as one thick bar."""
    parts = [
        f'<svg class="chart chart-overall" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} 36" width="100%" role="img" preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(title)}</title>",
        *_segments(tally, 0, 36),
        "</svg>",
    ]
    return "\n".join(parts)


def _segments(tally: Tally, top: int, height: int) -> list[str]:
    if not tally.total:
        return [f'<rect x="0" y="{top}" width="{WIDTH}" height="{height}" fill="#e0e0e0"></rect>']
    out, left = [], 0.0
    for status in Status:
        count = tally.of(status)
        if not count:
            continue
        width = WIDTH * count / tally.total
        out.append(
            f'<rect x="{left:.1f}" y="{top}" width="{width:.1f}" height="{height}" '
            f'fill="{COLOURS[status]}" class="bar-{status.value}"></rect>'
        )
        if width >= 28:
            out.append(
                f'<text x="{left + width / 2:.1f}" y="{top + height / 2 + 4:.1f}" '
                f'class="bar-count count-{status.value}" text-anchor="middle">{count}</text>'
            )
        left += width
    return out
