"""`evidence-check history`: the audits kept of one ROOT as a readable table, oldest first."""

from __future__ import annotations

from evidence_check.messages import message
from evidence_check.models import AuditPoint
from evidence_check.report.view import clean


def render(points: tuple[AuditPoint, ...], root: str, lang: str = "id") -> str:
    if not points:
        return message("history.none", lang, root=clean(root)) + "\n"
    rows = [
        (
            clean(p.generated_at),
            clean(p.map),
            str(p.complete),
            str(p.weak),
            str(p.missing),
            str(p.waived),
            "-" if p.index is None else f"{p.index:.2f}",
        )
        for p in points
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(7)]
    lines = [message("history.columns", lang)]
    for row in rows:
        left = [row[i].ljust(widths[i]) for i in (0, 1)]
        right = [row[i].rjust(widths[i]) for i in range(2, 7)]
        lines.append("  ".join(left + right))
    return "\n".join(lines) + "\n"
