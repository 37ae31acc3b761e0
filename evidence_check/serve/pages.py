"""The pages' view-model: an agency's to-do list and the coordinator's overview, from report/view.

It reuses the report view-model (reasons in words, what to do) and adds what a page links to: each
finding's file by id, at its matched page. It selects and orders; the templates escape.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from evidence_check.messages import message
from evidence_check.models import AuditResult, Status
from evidence_check.report.plain import decimal
from evidence_check.report.view import DocumentView, ItemView, ReportView, Tally, build, clean
from evidence_check.serve.access import Caller
from evidence_check.serve.scope import documents, gains, owns, visible


@dataclass(frozen=True, kw_only=True)
class FileLink:
    document: DocumentView
    #: the id of `/berkas/ID`; None when the file cannot be opened (inside a ZIP archive)
    id: str | None
    #: a PDF: links open it at the matched page and show that page as a picture
    pdf: bool


@dataclass(frozen=True, kw_only=True)
class Row:
    item: ItemView
    #: the map's evidence id, which forms send (the item shows its portal code where it has one)
    evidence_id: str
    files: tuple[FileLink, ...]
    #: "(+0.12 indeks)" or ""
    gain: str
    #: the anchor of the row, for returning to it after an upload
    anchor: str


@dataclass(frozen=True, kw_only=True)
class AgencyPage:
    agency: str
    name: str
    #: the region audited ("Kabupaten Mojosari"), when the settings or the map say
    region: str
    report: ReportView
    todo: tuple[Row, ...]
    #: complete rows, then waived ones: nothing left to do
    done: tuple[Row, ...]


@dataclass(frozen=True, kw_only=True)
class AgencyLine:
    id: str
    name: str
    #: the counts of the agency's own list (shared rows count for each owner)
    tally: Tally


@dataclass(frozen=True, kw_only=True)
class Overview:
    region: str
    report: ReportView
    agencies: tuple[AgencyLine, ...]


def agency_page(result: AuditResult, agency: str, lang: str) -> AgencyPage:
    caller = Caller(agency=agency)
    report = build(visible(result, caller), lang)
    # the caller has one row per evidence item: its own `each` row, or the shared row
    gain = {key.rsplit("@", 1)[0]: value for key, value in gains(result, caller).items()}
    ids = {clean(d.path): i for i, d in documents(result, caller).items()}
    evidence_ids = {clean(f.evidence.label): f.evidence.id for f in result.findings}
    names = {a.id: clean(a.name) for a in result.agencies}
    leads = {f.evidence.id: f.agency for f in visible(result, caller).findings}
    rows = []
    for group in report.agencies:
        for item in (*group.todo, *group.done, *group.waived):
            evidence_id = evidence_ids.get(item.evidence, item.evidence)
            if item.led_by and item.status is Status.MISSING:
                # one document from any owner is enough: the page's form puts it in the caller's
                lead = names.get(leads.get(evidence_id, ""), "")
                action = message("serve.todo_shared", lang, lead=lead, folder=names.get(agency, ""))
                item = dataclasses.replace(item, actions=(action,))
            rows.append(_row(item, evidence_id, ids, gain, lang))
    todo = [r for r in rows if r.item.status in (Status.WEAK, Status.MISSING)]
    todo.sort(key=lambda r: (-gain.get(r.evidence_id, 0.0), r.item.status is Status.MISSING))
    return AgencyPage(
        agency=agency,
        name=names.get(agency, clean(agency)),
        region=clean(result.region or ""),
        report=report,
        todo=tuple(todo),
        done=tuple(r for r in rows if r.item.status in (Status.COMPLETE, Status.WAIVED)),
    )


def overview(result: AuditResult, lang: str) -> Overview:
    """Every agency of the map with the tally of its own list (shared rows count for each owner)."""
    lines = []
    for agency in result.agencies:
        tally = Tally.of_findings(f for f in result.findings if owns(f, agency.id))
        lines.append(AgencyLine(id=agency.id, name=clean(agency.name), tally=tally))
    return Overview(
        region=clean(result.region or ""), report=build(result, lang), agencies=tuple(lines)
    )


def _row(
    item: ItemView, evidence_id: str, ids: dict[str, str], gains: dict[str, float], lang: str
) -> Row:
    files = tuple(
        FileLink(document=d, id=ids.get(d.path), pdf=d.path.lower().endswith(".pdf"))
        for d in item.documents
    )
    gain = gains.get(evidence_id)
    shown = message("gain", lang, gain=decimal(gain, 2, lang)) if gain else ""
    return Row(
        item=item, evidence_id=evidence_id, files=files, gain=shown, anchor=f"butir-{evidence_id}"
    )
