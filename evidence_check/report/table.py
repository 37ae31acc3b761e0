"""The flat table of findings that the CSV and Excel reports share: one row per requirement row.

Columns are translated headings; the best document fills the file columns and any further ones are
listed in the last column. Values are plain (str, int or None): each writer escapes them.
"""

from __future__ import annotations

from evidence_check.messages import message
from evidence_check.models import Status
from evidence_check.report.view import AgencyView, ItemView

COLUMNS = (
    "agency",
    "agency_name",
    "indicator",
    "group",
    "evidence",
    "requirement",
    "status",
    "reasons",
    "action",
    "gain",
    "person",
    "deadline",
    "led_by",
    "file",
    "page",
    "score",
    "year",
    "snippet",
    "suggested_name",
    "other_files",
    "pinned",
)
#: index of the status column, which Excel colours
STATUS_COLUMN = COLUMNS.index("status")

Cell = str | int | float | None


def header(lang: str) -> list[str]:
    return [message(f"column.{c}", lang) for c in COLUMNS]


def rows(agency: AgencyView) -> list[tuple[Status, list[Cell]]]:
    """The agency's rows: its to-do first (as ordered), then the waived and the complete ones."""
    items = (*agency.todo, *agency.waived, *agency.done)
    return [(item.status, _row(agency, item)) for item in items]


def own_rows(agency: AgencyView) -> list[tuple[Status, list[Cell]]]:
    """The rows the agency leads (each row of the map once, for a sheet of all rows)."""
    items = (*agency.todo, *agency.waived, *agency.done)
    return [(i.status, _row(agency, i)) for i in items if i.agency == agency.id]


def _row(agency: AgencyView, item: ItemView) -> list[Cell]:
    best = item.documents[0] if item.documents else None
    return [
        agency.id,
        agency.name,
        item.indicator,
        item.group,
        item.evidence,
        item.title,
        item.status_label,
        "; ".join(item.reasons) or item.waiver or None,
        " ".join(item.actions),
        item.gain,
        item.person,
        item.deadline or None,
        item.led_by or None,
        best.path if best else None,
        best.page if best else None,
        best.value if best else None,
        best.year if best else None,
        best.snippet or None if best else None,
        best.suggested_name if best else None,
        "; ".join(d.path for d in item.documents[1:]) or None,
        # a person's word in the settings file, shown apart from what the audit found
        "; ".join(d.path for d in item.documents if d.pinned) or None,
    ]
