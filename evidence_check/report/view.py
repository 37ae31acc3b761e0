"""The report view-model: a finished AuditResult as a person reads it, in one language.

Every writer for people renders from `build(result, lang)`: the banners that must come first, counts
overall, per indicator group and per agency, each agency's to-do list (what raises the index most
first, a gated row after the level that blocks it), its waived and complete rows, the evidence
behind every finding, the projection and file-name suggestions. It selects, orders, translates and
formats numbers (decimal commas in Indonesian); it does not escape, which is each writer's job.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from evidence_check.changes import narrow, new_problems
from evidence_check.messages import message, reason_label, reason_text, skip_label, status_label
from evidence_check.models import (
    AuditResult,
    Candidate,
    ChangeKind,
    DocumentEntry,
    Finding,
    Reason,
    RowChange,
    Status,
)
from evidence_check.report.banners import banners, revoked_line
from evidence_check.report.naming import is_undescriptive, suggest_name
from evidence_check.report.plain import clean as clean
from evidence_check.report.plain import decimal as decimal
from evidence_check.report.plain import long_date as long_date
from evidence_check.report.score_view import ScoreView, score_view

_GAPS = (Status.WEAK, Status.MISSING)


@dataclass(frozen=True, kw_only=True)
class Tally:
    complete: int = 0
    weak: int = 0
    missing: int = 0
    waived: int = 0

    @property
    def total(self) -> int:
        return self.complete + self.weak + self.missing + self.waived

    def of(self, status: Status) -> int:
        return int(getattr(self, status.name.lower()))

    @classmethod
    def of_findings(cls, findings: Iterable[Finding]) -> Tally:
        statuses = [f.status for f in findings]
        return cls(**{s.name.lower(): statuses.count(s) for s in Status})


@dataclass(frozen=True, kw_only=True)
class DocumentView:
    path: str
    #: one decimal, as the language writes it; "" for an unread file listed without a score
    score: str
    page: int | None
    year: int | None
    snippet: str
    #: this document's own problems, as short labels (never the codes)
    problems: tuple[str, ...]
    problem_codes: tuple[str, ...]
    #: a descriptive name when the file's own name says nothing (naming.py), else None
    suggested_name: str | None
    #: a pin in the region settings names this file for this row
    pinned: bool = False
    #: the agency whose folder holds the file
    agency: str | None = None
    #: the score as a number, for spreadsheets
    value: float | None = None


@dataclass(frozen=True, kw_only=True)
class ItemView:
    indicator: str
    indicator_name: str
    group: str
    #: the portal code of the item (I4-L1-02) where the map gives one, else its id
    evidence: str
    title: str
    status: Status
    status_label: str
    #: reason explanations, in reason order
    reasons: tuple[str, ...]
    reason_codes: tuple[str, ...]
    #: what to do, one sentence per reason (or the upload for a missing row)
    actions: tuple[str, ...]
    documents: tuple[DocumentView, ...]
    #: "dipimpin oleh ..." on a row another agency leads, else ""
    led_by: str
    #: how much the projected index would rise if this row alone were complete (scored maps)
    gain: float | None = None
    #: the gain as the language writes it ("+0,125 indeks"), "" without one
    gain_text: str = ""
    #: the capability level of the item, and the incomplete level that blocks it (gating)
    level: int | None = None
    gated_by: int | None = None
    #: the waiver in words ("... (diputuskan oleh ..., berlaku sampai ...)"), "" when not waived
    waiver: str = ""
    #: the row's agency id and the title of its head, the person in charge
    agency: str = ""
    person: str = ""
    #: the reply-by date of the region settings (or --deadline), written out; "" without one
    deadline: str = ""


@dataclass(frozen=True, kw_only=True)
class RenameView:
    path: str
    suggestion: str
    action: str


@dataclass(frozen=True, kw_only=True)
class AgencyView:
    id: str
    name: str
    #: the rows this agency leads
    tally: Tally
    #: its gaps: the rows it leads and those where its own folder holds a candidate file
    todo: tuple[ItemView, ...]
    done: tuple[ItemView, ...]
    #: rows that do not apply (waivers), shown apart
    waived: tuple[ItemView, ...] = ()
    #: chosen documents with names that say nothing, once per file
    renames: tuple[RenameView, ...] = ()
    #: the head's title, as a memo addresses it ("Inspektur", "Kepala Dinas ...")
    head: str = ""


@dataclass(frozen=True, kw_only=True)
class GroupView:
    name: str
    tally: Tally


@dataclass(frozen=True, kw_only=True)
class ReportView:
    lang: str
    title: str
    evaluation: str
    year: int
    map_source: str
    tool_version: str
    generated_at: str
    #: the audit's date written out ("29 November 2026")
    date: str
    #: "Dibuat ... oleh evidence-check ... dengan peta ..."
    generated: str
    tally: Tally
    groups: tuple[GroupView, ...]
    agencies: tuple[AgencyView, ...]
    #: unresolved folders, agencies without a folder, unreadable and skipped files
    notes: tuple[str, ...]
    #: the projected score, for maps that define scoring
    score: ScoreView | None = None
    #: what every report says first: OCR missing, a wrong ROOT or agency, an empty tree
    banners: tuple[str, ...] = ()
    #: "Instrumen ini telah dicabut oleh ...", for a map of a revoked instrument
    revoked: str = ""
    #: the region audited
    region: str = ""
    #: the reply-by date written out, "" without one
    deadline: str = ""

    @property
    def statuses(self) -> tuple[Status, ...]:
        """The statuses a report shows: `waived` only when a waiver is in force."""
        shown = (Status.COMPLETE, Status.WEAK, Status.MISSING)
        return (*shown, Status.WAIVED) if self.tally.waived else shown

    @property
    def head_lines(self) -> tuple[str, ...]:
        """What a report prints under its title: the revocation, then the banners."""
        return ((self.revoked,) if self.revoked else ()) + self.banners


def build(result: AuditResult, lang: str) -> ReportView:
    names = {a.id: clean(a.name) for a in result.agencies}
    date = long_date(result.generated_at, lang)
    deadline = result.region_settings.deadline
    deadline_text = long_date(deadline.isoformat(), lang) if deadline else ""
    groups: dict[str, list[Finding]] = {}
    by_agency: dict[str, list[Finding]] = {}
    touching: dict[str, list[Finding]] = {}
    for finding in result.findings:
        group = clean(finding.indicator.group or message("group.none", lang))
        groups.setdefault(group, []).append(finding)
        by_agency.setdefault(finding.agency, []).append(finding)
        if finding.status in _GAPS:
            for folder in {c.agency for c in finding.documents} - {None, finding.agency}:
                touching.setdefault(str(folder), []).append(finding)
    order = [a.id for a in result.agencies]
    if result.self_check is not None and result.focus is None:
        # an OPD checking its own folder: every row it owns is its own, whoever leads it
        by_agency, touching = {result.self_check: list(result.findings)}, {}
        listed = [result.self_check]
    elif result.focus is not None:
        listed = [result.focus]
    else:
        rank = {a: index for index, a in enumerate(order)}
        listed = sorted({*by_agency, *touching}, key=lambda a: (rank.get(a, len(order)), a))
    # read once, not once per row: a map of 20,000 rows over 5,000 files must stay linear
    context = _Context(
        result=result,
        names=names,
        heads={a.id: head_title(result, a.id, lang) for a in result.agencies},
        suggestions=_suggestions(result),
        searchable=frozenset(d.path for d in result.documents if d.ocr_pages),
        lang=lang,
        deadline=deadline_text,
    )
    agencies = tuple(_agency(a, by_agency.get(a, []), touching.get(a, []), context) for a in listed)
    return ReportView(
        lang=lang,
        title=message("title", lang),
        evaluation=clean(result.evaluation.name),
        year=result.evaluation.year,
        map_source=clean(result.map_source),
        tool_version=result.tool_version,
        generated_at=result.generated_at,
        date=date,
        generated=message(
            "generated", lang, date=date, version=result.tool_version, map=clean(result.map_source)
        ),
        tally=Tally.of_findings(f for f in result.findings if result.focus in (None, f.agency)),
        groups=tuple(GroupView(name=g, tally=Tally.of_findings(fs)) for g, fs in groups.items()),
        agencies=agencies,
        notes=tuple(_notes(result, lang)),
        score=score_view(result, lang),
        banners=banners(result, lang),
        revoked=revoked_line(result, lang),
        region=clean(result.region or ""),
        deadline=deadline_text,
    )


def head_title(result: AuditResult, agency_id: str, lang: str) -> str:
    """How a memo addresses an agency's head: the map's `head`, else "Kepala <name>"."""
    agency = next((a for a in result.agencies if a.id == agency_id), None)
    if agency is None:
        return message("memo.head_of", lang, agency=clean(agency_id))
    return (
        clean(agency.head)
        if agency.head
        else message("memo.head_of", lang, agency=clean(agency.name))
    )


def agency_rows(result: AuditResult, agency: str) -> tuple[Finding, ...]:
    """The rows on an agency's to-do list: those it leads, and the gaps where its own folder holds
    a candidate file (ownership in the JSON is unchanged)."""
    return tuple(
        f
        for f in result.findings
        if f.agency == agency
        or (f.status in _GAPS and any(c.agency == agency for c in f.documents))
    )


def select_agency(result: AuditResult, agency: str) -> AuditResult:
    """The result narrowed to one agency's rows and folder: what its to-do list is made from.

    The documents stay the whole tree's (an empty tree is still said to be empty); reports count
    only the agency's own files (`focus`)."""
    return dataclasses.replace(
        result,
        changes=narrow(result.changes, agency),
        findings=agency_rows(result, agency),
        folders=tuple(f for f in result.folders if f.agency == agency),
        agencies_without_folder=tuple(a for a in result.agencies_without_folder if a == agency),
        focus=agency,
    )


def _suggestions(result: AuditResult) -> dict[str, str]:
    """One descriptive name per chosen file with a name that says nothing.

    A file chosen for several rows takes its name from the first row asking for an enacted
    document, so a final Perbup is not named after the draft row it also serves.
    """
    out: dict[str, str] = {}
    for finding in sorted(result.findings, key=lambda f: f.evidence.accept_draft):
        for candidate in finding.documents:
            if candidate.path not in out and is_undescriptive(candidate.path):
                out[candidate.path] = suggest_name(
                    indicator=finding.indicator.id,
                    title=finding.evidence.title,
                    path=candidate.path,
                    snippet=candidate.snippet,
                    year=candidate.year,
                )
    return out


@dataclass(frozen=True)
class _Context:
    result: AuditResult
    names: dict[str, str]
    #: agency id -> its head's title, the person in charge
    heads: dict[str, str]
    suggestions: dict[str, str]
    #: files read with OCR, whose rows ask for a searchable copy
    searchable: frozenset[str]
    lang: str
    deadline: str


def _agency(
    agency: str, led: list[Finding], touched: list[Finding], context: _Context
) -> AgencyView:
    lang = context.lang
    items = [_item(f, agency, context) for f in led]
    # `touched` never holds a row the agency leads (build() leaves those out)
    others = [_item(f, agency, context) for f in touched]
    gaps = [i for i in items if i.status in _GAPS] + others
    renames: dict[str, RenameView] = {}
    for item in (*items, *others):
        for doc in item.documents:
            if doc.suggested_name and doc.path not in renames and doc.agency in (agency, None):
                name = doc.path.rsplit("/", 1)[-1]
                action = message("rename.action", lang, name=name, suggestion=doc.suggested_name)
                renames[doc.path] = RenameView(
                    path=doc.path, suggestion=doc.suggested_name, action=action
                )
    return AgencyView(
        id=clean(agency),
        name=context.names.get(agency, clean(agency)),
        tally=Tally.of_findings(led),
        todo=tuple(_todo_order(gaps)),
        done=tuple(i for i in items if i.status is Status.COMPLETE),
        waived=tuple(i for i in items if i.status is Status.WAIVED),
        renames=tuple(renames.values()),
        head=head_title(context.result, agency, lang),
    )


def _todo_order(gaps: list[ItemView]) -> list[ItemView]:
    """What raises the projected index most first, then weak rows (nearest to done); a gated row
    comes right after the last row of the level that blocks it, which must be done first.
    Linear but for the sort: a to-do of 20,000 rows is ordered at once."""
    ordered = sorted(gaps, key=lambda i: (-(i.gain or 0.0), i.status is Status.MISSING))
    # per indicator: levels of its ungated rows, ascending, with the last position at or below
    levels: dict[str, list[tuple[int, int]]] = {}
    for position, item in enumerate(ordered):
        if item.gated_by is None and item.level is not None:
            levels.setdefault(item.indicator, []).append((item.level, position))
    last: dict[str, tuple[list[int], list[int]]] = {}
    for indicator, pairs in levels.items():
        pairs.sort()
        running, highest = [], -1
        for _, position in pairs:
            highest = max(highest, position)
            running.append(highest)
        last[indicator] = ([level for level, _ in pairs], running)
    deferred: dict[int, list[ItemView]] = {}
    out: list[ItemView] = []
    for position, item in enumerate(ordered):
        if item.gated_by is not None and item.indicator in last:
            keys, running = last[item.indicator]
            below = bisect.bisect_right(keys, item.gated_by)
            blocker = running[below - 1] if below else -1
            if blocker > position:
                deferred.setdefault(blocker, []).append(item)
                continue
        out.append(item)
        out.extend(deferred.pop(position, ()))
    return out


def _item(finding: Finding, viewer: str, context: _Context) -> ItemView:
    result, lang = context.result, context.lang
    searchable = context.searchable
    evidence = finding.evidence
    names = context.names
    folder = names.get(finding.agency, clean(finding.agency))
    values = {
        "folder": folder,
        "years": evidence.max_age_years,
        "count": evidence.min_count,
        "level": finding.gated_by,
    }
    waiver_text = ""
    if finding.status is Status.MISSING:
        actions = [message("todo.missing", lang, folder=folder)]
    elif finding.waiver is not None:
        waiver = finding.waiver
        until = (
            long_date(waiver.until.isoformat(), lang)
            if waiver.until
            else message("waiver.open", lang)
        )
        by = clean(waiver.by or "-")
        waiver_text = message("waiver.line", lang, reason=clean(waiver.reason), by=by, until=until)
        actions = [message("todo.waived", lang, reason=clean(waiver.reason), by=by)]
    else:
        actions = [
            message(f"action.{r.value}", lang, **values)
            for r in finding.reasons
            # without an age limit only a revocation makes a document outdated: said per file
            if r is not Reason.OUTDATED or evidence.max_age_years is not None
        ]
    for candidate in finding.documents:
        if candidate.revoked_by:
            name, by = (clean(p.rsplit("/", 1)[-1]) for p in (candidate.path, candidate.revoked_by))
            actions.append(message("action.revoked", lang, name=name, by=by))
        if candidate.amends:
            actions.append(message("action.amends", lang, amends=clean(candidate.amends)))
        if candidate.path in searchable:
            name = clean(candidate.path.rsplit("/", 1)[-1])
            actions.append(message("action.searchable", lang, name=name))
    led_by = ""
    if finding.agency != viewer or (result.self_check and finding.agency != result.self_check):
        led_by = message("led_by", lang, agency=folder)
    gains = result.projection.gains if result.projection else {}
    gain = gains.get(f"{evidence.id}@{finding.agency}")
    return ItemView(
        indicator=clean(finding.indicator.id),
        indicator_name=clean(finding.indicator.name),
        group=clean(finding.indicator.group or message("group.none", lang)),
        evidence=clean(evidence.label),
        title=clean(evidence.title),
        status=finding.status,
        status_label=status_label(finding.status, lang),
        reasons=tuple(reason_text(r, lang, level=finding.gated_by) for r in finding.reasons),
        reason_codes=tuple(r.value for r in finding.reasons),
        actions=tuple(dict.fromkeys(actions)),
        documents=tuple(
            _document(c, context.suggestions.get(c.path), lang) for c in finding.documents
        ),
        led_by=led_by,
        gain=gain,
        gain_text=message("gain", lang, gain=decimal(gain, 3, lang)) if gain else "",
        level=evidence.level,
        gated_by=finding.gated_by,
        waiver=waiver_text,
        agency=clean(finding.agency),
        person=context.heads.get(finding.agency) or head_title(result, finding.agency, lang),
        deadline=context.deadline,
    )


def _document(candidate: Candidate, suggestion: str | None, lang: str) -> DocumentView:
    return DocumentView(
        # a document of a bundle shows its pages: "Data Dukung.pdf (hlm. 5-8)"
        path=clean(candidate.label),
        score="" if candidate.score is None else decimal(candidate.score, 1, lang),
        page=candidate.page,
        year=candidate.year,
        snippet=clean(candidate.snippet or ""),
        problems=tuple(reason_label(r.value, lang) for r in candidate.problems),
        problem_codes=tuple(r.value for r in candidate.problems),
        suggested_name=suggestion,
        pinned=candidate.pinned,
        agency=candidate.agency,
        value=None if candidate.score is None else round(candidate.score, 1),
    )


def document_bits(doc: DocumentView, lang: str) -> list[str]:
    """The facts of a listed file in words: score (or "belum terbaca"), page, year, pin, problems."""
    bits = [
        message("document.line", lang, score=doc.score)
        if doc.score
        else message("document.unread", lang)
    ]
    if doc.page is not None:
        bits.append(message("document.page", lang, page=doc.page))
    if doc.year is not None:
        bits.append(message("document.year", lang, year=doc.year))
    if doc.pinned:
        bits.append(message("document.pinned", lang))
    bits.extend(doc.problems)
    return bits


def own_documents(result: AuditResult) -> list[DocumentEntry]:
    """The files a report speaks of: all of them, or the focus agency's own."""
    return [d for d in result.documents if result.focus in (None, d.agency)]


def _notes(result: AuditResult, lang: str) -> list[str]:
    notes = []
    unresolved = [clean(f.name) for f in result.folders if f.agency is None]
    if unresolved:
        notes.append(message("folders.unresolved", lang, names=", ".join(unresolved)))
    if result.agencies_without_folder:
        names = ", ".join(clean(a) for a in result.agencies_without_folder)
        notes.append(message("agencies.without_folder", lang, names=names))
    documents = own_documents(result)
    unreadable = [d for d in documents if d.problems]
    if unreadable:
        notes.append(message("problems", lang, count=len(unreadable)))
    skipped: dict[str, int] = {}
    for entry in documents:
        if entry.state == "skipped":
            key = skip_label(entry.skip_reason or "other", lang)
            skipped[key] = skipped.get(key, 0) + 1
    if skipped:
        detail = ", ".join(f"{r} {n}" for r, n in sorted(skipped.items()))
        notes.append(message("skipped", lang, count=sum(skipped.values()), detail=detail))
    return notes


# --- since the baseline audit (changes.py) ---------------------------------------------------------
# A piece of its own, apart from `build`: every writer for people opens with it when the result
# carries changes (`--baseline`), through one small function of its own.


@dataclass(frozen=True, kw_only=True)
class AgencyChangeView:
    id: str
    name: str
    #: rows complete now that were weak or missing: "I4-L1-01 · Keputusan ..."
    done: tuple[str, ...]
    #: rows that got worse, each with its status and reasons now
    new_problems: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class ChangeView:
    #: "Perubahan sejak audit 26 November 2026"
    heading: str
    #: "2 selesai · 1 masalah baru · ..." or "Tidak ada perubahan ..."
    counts: str
    #: complete, weak and missing then and now
    tally: str
    #: the projected index then and now, for scored maps
    index: str | None
    #: agencies with something done or something new, in map order
    agencies: tuple[AgencyChangeView, ...]


def changes_view(result: AuditResult, lang: str) -> ChangeView | None:
    """The change since the baseline audit, per agency: done and new problems; None without one."""
    changes = result.changes
    if changes is None:
        return None
    names = {a.id: clean(a.name) for a in result.agencies}
    findings = {(f.evidence.id, f.agency): f for f in result.findings}
    problems = new_problems(changes.rows)
    resolved = changes.of(ChangeKind.RESOLVED)
    agencies = []
    order = [a.id for a in result.agencies]
    touched = {r.agency for r in (*resolved, *problems)}
    for agency in sorted(touched, key=lambda a: order.index(a) if a in order else len(order)):
        bad = []
        for row in problems:
            if row.agency == agency and row.after is not None:
                finding = findings.get((row.evidence, row.agency))
                level = finding.gated_by if finding else None
                texts = [reason_text(Reason(r), lang, level=level) for r in row.after.reasons]
                status = status_label(Status(row.after.status), lang)
                bad.append(
                    f"{_row_label(row)}: {status}" + (f" ({'; '.join(texts)})" if texts else "")
                )
        agencies.append(
            AgencyChangeView(
                id=clean(agency),
                name=names.get(agency, clean(agency)),
                done=tuple(_row_label(r) for r in resolved if r.agency == agency),
                new_problems=tuple(bad),
            )
        )
    kinds = {kind: len(changes.of(kind)) for kind in ChangeKind}
    counts = (
        message("changes.counts", lang, new=len(problems), **{k.value: n for k, n in kinds.items()})
        if changes.rows
        else message("changes.none", lang)
    )
    then = dict(changes.baseline_summary)
    now = Tally.of_findings(result.findings)
    tally = message(
        "changes.tally",
        lang,
        **{f"{s}_then": then.get(s, 0) for s in ("complete", "weak", "missing")},
        complete_now=now.complete,
        weak_now=now.weak,
        missing_now=now.missing,
    )
    index = None
    if result.projection is not None or changes.baseline_index is not None:
        before = changes.baseline_index
        after = result.projection.index if result.projection else None
        index = message(
            "changes.index",
            lang,
            then="-" if before is None else decimal(before, 2, lang),
            now="-" if after is None else decimal(after, 2, lang),
        )
    return ChangeView(
        heading=message("changes.heading", lang, date=long_date(changes.baseline, lang)),
        counts=counts,
        tally=tally,
        index=index,
        agencies=tuple(agencies),
    )


def _row_label(row: RowChange) -> str:
    return clean(f"{row.code or row.evidence} · {row.title}")


@dataclass(frozen=True, kw_only=True)
class TrendView:
    """The audits kept of this ROOT and map, for a chart of the index and counts over time."""

    title: str
    #: (short date, projected index or None, counts), oldest first
    points: tuple[tuple[str, float | None, Tally], ...]


def trend_view(result: AuditResult, lang: str) -> TrendView | None:
    """None until there is more than one audit to draw."""
    if len(result.history) < 2:
        return None
    days = [p.generated_at[:10] for p in result.history]
    # audits of one day are told apart by their time
    width = 16 if len(set(days)) < len(days) else 10
    points = tuple(
        (
            clean(p.generated_at[:width].replace("T", " ")),
            p.index,
            Tally(complete=p.complete, weak=p.weak, missing=p.missing, waived=p.waived),
        )
        for p in result.history
    )
    return TrendView(title=message("trend.heading", lang, count=len(points)), points=points)
