"""Inline SVG of the audits kept over time (`TrendView`): the counts as stacked columns, one per
audit, and the projected index as a line above them.

Like charts.py: plain SVG markup, no script, no external file; labels are escaped here.
"""

from __future__ import annotations

from html import escape

from evidence_check.models import Status
from evidence_check.report.charts import COLOURS, WIDTH
from evidence_check.report.view import TrendView

_INDEX_HEIGHT = 90
_BARS_HEIGHT = 120
_LEFT = 40
_LABELS = 20
#: the width of one character of a label, to keep date labels from overlapping
_CHAR = 7


def trend_chart(trend: TrendView, index_label: str) -> str:
    points = trend.points
    step = (WIDTH - _LEFT) / len(points)
    has_index = any(index is not None for _, index, _ in points)
    top = _INDEX_HEIGHT + 10 if has_index else 0
    height = top + _BARS_HEIGHT + _LABELS
    parts = [
        f'<svg class="chart chart-trend" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(trend.title)}</title>",
    ]
    if has_index:
        parts.extend(_index_line(trend, step, index_label))
    most = max(t.total for _, _, t in points) or 1
    longest = max(len(date) for date, _, _ in points) * _CHAR + 12
    room = max(1, int((WIDTH - _LEFT) // longest))
    every = max(1, -(-len(points) // room))
    for number, (date, _, tally) in enumerate(points):
        left = _LEFT + number * step + step * 0.15
        width = step * 0.7
        bottom = float(top + _BARS_HEIGHT)
        for status in Status:
            count = tally.of(status)
            if not count:
                continue
            size = _BARS_HEIGHT * count / most
            bottom -= size
            parts.append(
                f'<rect x="{left:.1f}" y="{bottom:.1f}" width="{width:.1f}" height="{size:.1f}" '
                f'fill="{COLOURS[status]}" class="trend-{status.value}"><title>'
                f"{escape(date)}: {count} {status.value}</title></rect>"
            )
        if number % every == 0 or number == len(points) - 1:
            parts.append(
                f'<text x="{left + width / 2:.1f}" y="{top + _BARS_HEIGHT + 14}" '
                f'class="chart-label" text-anchor="middle">{escape(date)}</text>'
            )
    parts.append("</svg>")
    return "\n".join(parts)


def _index_line(trend: TrendView, step: float, label: str) -> list[str]:
    indexes = [index for _, index, _ in trend.points]
    high = max(5.0, *(i for i in indexes if i is not None))
    spots = [
        (_LEFT + n * step + step / 2, _INDEX_HEIGHT - _INDEX_HEIGHT * index / high + 5, index)
        for n, index in enumerate(indexes)
        if index is not None
    ]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in spots)
    out = [
        f'<text x="0" y="12" class="chart-label">{escape(label)}</text>',
        f'<polyline points="{line}" fill="none" stroke="#1565c0" stroke-width="2" '
        f'class="trend-index"></polyline>',
    ]
    for x, y, index in spots:
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#1565c0"></circle>')
        out.append(
            f'<text x="{x:.1f}" y="{y - 6:.1f}" class="chart-label trend-value" fill="#1565c0" '
            f'text-anchor="middle">'
            f"{index:.2f}</text>"
        )
    return out
