"""The report view-model: a finished AuditResult as a person reads it, in one language.

Every writer for people renders from `build(result, lang)`: counts overall, per indicator group and
per agency, each agency's to-do list (weak before missing, each with what to do), the evidence
behind every finding, and file-name suggestions. It selects, orders and translates; it does not
escape, which is each writer's job for its own format.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from evidence_check.changes import narrow, new_problems
from evidence_check.messages import message, reason_text, status_label
from evidence_check.models import (
    AuditResult,
    Candidate,
    ChangeKind,
    Finding,
    Reason,
    RowChange,
    Status,
)
from evidence_check.report.naming import is_undescriptive, suggest_name

#: control characters, lone surrogates (undecodable file names) and bidi overrides, which could
#: hide or reorder text on a terminal or in a browser; shown as U+FFFD instead
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: the agency that coordinates the evaluation and signs the memos, when the map has it
COORDINATOR_ID = "diskominfo"


def clean(text: str) -> str:
    return _UNSAFE.sub("\ufffd", text)


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
    #: one decimal, as in the JSON result
    score: str
    page: int | None
    year: int | None
    snippet: str
    #: reason codes of this document's own problems
    problems: tuple[str, ...]
    #: a descriptive name when the file's own name says nothing (naming.py), else None
    suggested_name: str | None


@dataclass(frozen=True, kw_only=True)
class ItemView:
    indicator: str
    indicator_name: str
    group: str
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
    #: "dipimpin oleh ..." on a self-check's row led by another agency, else ""
    led_by: str
    #: how much the projected index would rise if this row alone were complete (scored maps)
    gain: float | None = None


@dataclass(frozen=True, kw_only=True)
class RenameView:
    path: str
    suggestion: str
    action: str


@dataclass(frozen=True, kw_only=True)
class AgencyView:
    id: str
    name: str
    tally: Tally
    #: weak rows first (nearest to done), then missing, map order within each
    todo: tuple[ItemView, ...]
    done: tuple[ItemView, ...]
    #: chosen documents with names that say nothing, once per file
    renames: tuple[RenameView, ...]
    #: rows a waiver takes off the list (neither to do nor complete), map order
    waived: tuple[ItemView, ...] = ()


@dataclass(frozen=True, kw_only=True)
class GroupView:
    name: str
    tally: Tally


@dataclass(frozen=True, kw_only=True)
class ScoreView:
    """The projected index: "Proyeksi indeks: 2.80 (Baik)" and its sub-scores."""

    line: str
    groups: tuple[tuple[str, float], ...]


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
    #: the agency that sends the memos (Diskominfo), by name
    coordinator: str
    #: the projected score, for maps that define scoring
    score: ScoreView | None = None

    @property
    def statuses(self) -> tuple[Status, ...]:
        """The statuses a report shows: `waived` only when a waiver is in force."""
        shown = (Status.COMPLETE, Status.WEAK, Status.MISSING)
        return (*shown, Status.WAIVED) if self.tally.waived else shown


def build(result: AuditResult, lang: str) -> ReportView:
    names = {a.id: clean(a.name) for a in result.agencies}
    date = long_date(result.generated_at, lang)
    groups: dict[str, list[Finding]] = {}
    by_agency: dict[str, list[Finding]] = {}
    for finding in result.findings:
        group = clean(finding.indicator.group or message("group.none", lang))
        groups.setdefault(group, []).append(finding)
        by_agency.setdefault(finding.agency, []).append(finding)
    order = [a.id for a in result.agencies]
    suggestions = _suggestions(result)
    rank = {a: index for index, a in enumerate(order)}
    agencies = sorted(by_agency, key=lambda a: rank.get(a, len(order)))
    # read once, not once per row: a map of 20,000 rows over 5,000 files must stay linear
    searchable = frozenset(d.path for d in result.documents if d.ocr_pages)
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
        tally=Tally.of_findings(result.findings),
        groups=tuple(GroupView(name=g, tally=Tally.of_findings(fs)) for g, fs in groups.items()),
        agencies=tuple(
            _agency(a, by_agency[a], result, names, suggestions, searchable, lang) for a in agencies
        ),
        notes=tuple(_notes(result, lang)),
        coordinator=names.get(COORDINATOR_ID) or message("memo.coordinator", lang),
        score=_score(result, lang),
    )


def _score(result: AuditResult, lang: str) -> ScoreView | None:
    projection = result.projection
    if projection is None:
        return None
    line = message(
        "score.line", lang, index=f"{projection.index:.2f}", predikat=projection.predikat or "-"
    )
    return ScoreView(line=line, groups=tuple((clean(n), v) for _, n, v in projection.groups))


def long_date(iso: str, lang: str) -> str:
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return clean(iso)
    month = message(f"month.{day.month}", lang)
    return message("date.long", lang, day=day.day, month=month, year=day.year)


def select_agency(result: AuditResult, agency: str) -> AuditResult:
    """The result narrowed to one agency's rows and files: what its to-do list is made from."""
    return dataclasses.replace(
        result,
        changes=narrow(result.changes, agency),
        findings=tuple(f for f in result.findings if f.agency == agency),
        documents=tuple(d for d in result.documents if d.agency == agency),
        folders=tuple(f for f in result.folders if f.agency == agency),
        agencies_without_folder=tuple(a for a in result.agencies_without_folder if a == agency),
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


def _agency(
    agency: str,
    findings: list[Finding],
    result: AuditResult,
    names: dict[str, str],
    suggestions: dict[str, str],
    searchable: frozenset[str],
    lang: str,
) -> AgencyView:
    items = [_item(f, result, names, suggestions, searchable, lang) for f in findings]
    gaps = [i for i in items if i.status in (Status.WEAK, Status.MISSING)]
    renames: dict[str, RenameView] = {}
    for item in items:
        for doc in item.documents:
            if doc.suggested_name and doc.path not in renames:
                name = doc.path.rsplit("/", 1)[-1]
                action = message("rename.action", lang, name=name, suggestion=doc.suggested_name)
                renames[doc.path] = RenameView(
                    path=doc.path, suggestion=doc.suggested_name, action=action
                )
    return AgencyView(
        id=clean(agency),
        name=names.get(agency, clean(agency)),
        tally=Tally.of_findings(findings),
        # what raises the projected index most first; then weak rows, nearest to done
        todo=tuple(sorted(gaps, key=lambda i: (-(i.gain or 0.0), i.status is Status.MISSING))),
        done=tuple(i for i in items if i.status is Status.COMPLETE),
        renames=tuple(renames.values()),
        waived=tuple(i for i in items if i.status is Status.WAIVED),
    )


def _item(
    finding: Finding,
    result: AuditResult,
    names: dict[str, str],
    suggestions: dict[str, str],
    searchable: frozenset[str],
    lang: str,
) -> ItemView:
    evidence = finding.evidence
    folder = names.get(finding.agency, clean(finding.agency))
    values = {
        "folder": folder,
        "years": evidence.max_age_years,
        "count": evidence.min_count,
        "level": finding.gated_by,
    }
    if finding.status is Status.MISSING:
        actions = [message("todo.missing", lang, folder=folder)]
    elif finding.waiver is not None:
        waiver = finding.waiver
        actions = [
            message("todo.waived", lang, reason=clean(waiver.reason), by=clean(waiver.by or "-"))
        ]
    else:
        actions = [message(f"action.{r.value}", lang, **values) for r in finding.reasons]
    for candidate in finding.documents:
        if candidate.amends:
            actions.append(message("action.amends", lang, amends=clean(candidate.amends)))
        if candidate.path in searchable:
            name = clean(candidate.path.rsplit("/", 1)[-1])
            actions.append(message("action.searchable", lang, name=name))
    led_by = ""
    if result.self_check and finding.agency != result.self_check:
        led_by = message("led_by", lang, agency=folder)
    gains = result.projection.gains if result.projection else {}
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
        documents=tuple(_document(c, suggestions.get(c.path)) for c in finding.documents),
        led_by=led_by,
        gain=gains.get(f"{evidence.id}@{finding.agency}"),
    )


def _document(candidate: Candidate, suggestion: str | None) -> DocumentView:
    return DocumentView(
        path=clean(candidate.path),
        score=f"{candidate.score:.1f}",
        page=candidate.page,
        year=candidate.year,
        snippet=clean(candidate.snippet or ""),
        problems=tuple(r.value for r in candidate.problems),
        suggested_name=suggestion,
    )


def _notes(result: AuditResult, lang: str) -> list[str]:
    notes = []
    unresolved = [clean(f.name) for f in result.folders if f.agency is None]
    if unresolved:
        notes.append(message("folders.unresolved", lang, names=", ".join(unresolved)))
    if result.agencies_without_folder:
        names = ", ".join(clean(a) for a in result.agencies_without_folder)
        notes.append(message("agencies.without_folder", lang, names=names))
    unreadable = [d for d in result.documents if d.problems]
    if unreadable:
        notes.append(message("problems", lang, count=len(unreadable)))
    skipped: dict[str, int] = {}
    for entry in result.documents:
        if entry.state == "skipped":
            key = entry.skip_reason or "?"
            skipped[key] = skipped.get(key, 0) + 1
    if skipped:
        detail = ", ".join(f"{clean(r)} {n}" for r, n in sorted(skipped.items()))
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
            then="-" if before is None else f"{before:.2f}",
            now="-" if after is None else f"{after:.2f}",
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
