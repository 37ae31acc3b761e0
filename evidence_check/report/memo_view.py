"""Who writes to whom: the addressing of an agency's Nota Dinas, from the region settings and map.

The sender is the coordinator of the settings file (`coordinator`), else the map's `diskominfo`,
else its first agency; the recipient is the agency's head by the title the map gives (`head`). The
coordinator's own agency gets an internal to-do instead of a memo to itself. "Hal", "Tembusan" and
a reply-by date follow the current tata naskah dinas; files shared by several rows are grouped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from evidence_check.messages import message
from evidence_check.models import AuditResult
from evidence_check.report.plain import clean, long_date
from evidence_check.report.view import AgencyView, head_title

#: the agency that coordinates the evaluation when the settings name none
COORDINATOR_ID = "diskominfo"
#: days to reply when no deadline is set
REPLY_DAYS = 14


@dataclass(frozen=True, kw_only=True)
class MemoView:
    #: the coordinator's own agency: an internal to-do, no Kepada/Dari
    internal: bool
    #: the letterhead: the office (upper case) and its address
    letterhead: tuple[str, ...]
    to: str
    sender: str
    copy: str
    subject: str
    reply_by: str
    signatory_title: str
    signatory_name: str
    signatory_nip: str
    #: (file, item codes) of every file that appears in more than one to-do row
    shared_files: tuple[tuple[str, tuple[str, ...]], ...] = ()


def coordinator_id(result: AuditResult) -> str | None:
    settings = result.region_settings.coordinator
    ids = [a.id for a in result.agencies]
    if settings is not None and settings.agency:
        return settings.agency
    if COORDINATOR_ID in ids:
        return COORDINATOR_ID
    return ids[0] if ids else None


def memo_view(result: AuditResult, agency: AgencyView, lang: str) -> MemoView:
    settings = result.region_settings.coordinator
    own = coordinator_id(result)
    names = {a.id: clean(a.name) for a in result.agencies}
    region = clean(result.region or "")
    sender = clean(settings.title) if settings and settings.title else ""
    if not sender:
        sender = head_title(result, own, lang) if own else message("memo.coordinator", lang)
    office = clean(settings.office) if settings and settings.office else ""
    if not office:
        office = names.get(own or "", message("memo.coordinator", lang))
        office = f"{office} {region}".strip()
    letterhead = [office.upper()]
    if settings and settings.address:
        letterhead.append(clean(settings.address))
    deadline = result.region_settings.deadline
    if deadline is None:
        try:
            deadline = dt.date.fromisoformat(result.generated_at[:10]) + dt.timedelta(REPLY_DAYS)
        except ValueError:
            deadline = None
    reply_by = long_date(deadline.isoformat(), lang) if deadline else message("memo.blank", lang)
    evaluation = clean(result.evaluation.name)
    return MemoView(
        internal=agency.id == own,
        letterhead=tuple(letterhead),
        to=f"{message('memo.to_prefix', lang)} {agency.head}".strip(),
        sender=sender,
        copy=_copy(agency, region, lang),
        subject=message("memo.subject_value", lang, evaluation=evaluation),
        reply_by=reply_by,
        signatory_title=sender,
        signatory_name=clean(settings.name)
        if settings and settings.name
        else message("memo.signature_name", lang),
        signatory_nip=f"NIP. {clean(str(settings.nip))}"
        if settings and settings.nip
        else message("memo.signature_id", lang),
        shared_files=shared_files(agency),
    )


def _copy(agency: AgencyView, region: str, lang: str) -> str:
    """Tembusan: the Sekretaris Daerah, except on a memo to the Sekretaris Daerah."""
    if agency.head.startswith(message("memo.copy_value", lang, region="")):
        return "-"
    return message("memo.copy_value", lang, region=f" {region}" if region else "")


def shared_files(agency: AgencyView) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Files listed on more than one to-do row, with the rows' codes: one fix serves them all."""
    rows: dict[str, list[str]] = {}
    for item in agency.todo:
        for doc in item.documents:
            codes = rows.setdefault(doc.path, [])
            if item.evidence not in codes:
                codes.append(item.evidence)
    return tuple((path, tuple(codes)) for path, codes in rows.items() if len(codes) > 1)
