"""Judgement: each requirement row becomes complete, weak (with reasons) or missing.

Implements "How a row is judged" of DESIGN.md: a matched document qualifies when it is readable,
in an owner's folder, final (unless the evidence is a draft by nature), recent enough and, for
regulations and decrees, ratified, and not revoked by another instrument in the tree; copies with
the same content count once.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from evidence_check.checks import screenshot
from evidence_check.checks.instrument import Region, designation, same_region
from evidence_check.match import Matcher, prepare
from evidence_check.models import (
    Candidate,
    Evaluation,
    Evidence,
    EvidenceMap,
    Finding,
    Form,
    Indicator,
    Kind,
    Pin,
    Profile,
    Reason,
    Scope,
    Status,
    Waiver,
)

#: how many judged candidates a weak row lists
MAX_LISTED = 5


@dataclass(frozen=True)
class Row:
    indicator: Indicator
    evidence: Evidence
    #: the row's agency: the lead owner (shared) or the owner (each)
    agency: str
    #: folders whose documents count for this row
    allowed: tuple[str, ...]


def rows(evidence_map: EvidenceMap, own_agency: str | None) -> Iterator[Row]:
    """Requirement rows in map order; with `own_agency`, only the rows that agency owns."""
    for indicator in evidence_map.indicators:
        for evidence in indicator.evidence:
            if own_agency is not None and own_agency not in evidence.owners:
                continue
            if evidence.scope is Scope.EACH:
                for owner in evidence.owners:
                    if own_agency in (None, owner):
                        yield Row(indicator, evidence, owner, (owner,))
            else:
                yield Row(indicator, evidence, evidence.owners[0], evidence.owners)


def document_problems(
    profile: Profile,
    evidence: Evidence,
    allowed: tuple[str, ...],
    evaluation: Evaluation,
    region: Region | None = None,
) -> tuple[Reason, ...]:
    """What keeps a matched document from qualifying for one row, in reason order."""
    found: set[Reason] = set()
    reading = profile.reading
    if reading.problem is not None:
        found.add(reading.problem.code)
    if profile.agency not in allowed:
        found.add(Reason.MISPLACED)
    # a neighbour's Perbup used as a template is never this region's (a province's or the
    # nation's instrument names no kabupaten or kota: no issuer)
    issuer = Region(*profile.issuer) if profile.issuer else None
    if region is not None and issuer is not None and not same_region(issuer, region):
        found.add(Reason.OTHER_REGION)
    if profile.readable:
        if reading.draft_marker is not None and not evidence.accept_draft:
            found.add(Reason.DRAFT)
        instrument = evidence.kind in (Kind.REGULATION, Kind.DECREE)
        # a draft is unsigned by nature: saying so twice would only blur the to-do
        if (
            instrument
            and not evidence.accept_draft
            and not reading.ratified
            and Reason.DRAFT not in found
        ):
            found.add(Reason.UNSIGNED)
        limit = evidence.max_age_years
        if (
            limit is not None
            and profile.year is not None
            and profile.year < evaluation.year - limit
        ):
            found.add(Reason.OUTDATED)
    return tuple(sorted(found, key=lambda r: r.rank))


def judge(
    evidence_map: EvidenceMap,
    profiles: Iterable[Profile],
    own_agency: str | None = None,
    timings: dict[str, float] | None = None,
    *,
    pins: tuple[Pin, ...] = (),
    waivers: tuple[Waiver, ...] = (),
    region: Region | None = None,
) -> tuple[Finding, ...]:
    """Judge every row; `timings` receives the seconds spent matching and judging.

    `pins` put a named file among a row's candidates whatever it says; `waivers` (already the ones
    in force) mark rows that do not apply. Level gating follows when the map's scoring asks for it.
    """
    documents = list(profiles)
    by_path = {p.path: p for p in documents}
    matcher = Matcher(evidence_map.thresholds, documents)
    match, near = evidence_map.thresholds.match, evidence_map.thresholds.near
    findings = []
    scored_cache: dict[str, list[tuple[Profile, float, Candidate]]] = {}
    places: dict[tuple[str, str], tuple[tuple[str, int], ...]] = {}
    started = time.perf_counter()
    chosen = list(rows(evidence_map, own_agency))
    for row in chosen:
        if row.evidence.id in scored_cache:
            continue
        query = prepare(row.evidence)
        scored = []
        for index, phrases in matcher.candidates(query).items():
            profile = documents[index]
            result = matcher.score(query, index, phrases)
            if result.score >= near:
                candidate = Candidate(
                    path=profile.path,
                    agency=profile.agency,
                    score=result.score,
                    page=result.page,
                    snippet=result.snippet,
                    year=profile.year,
                    part=profile.part,
                )
                scored.append((profile, result.score, candidate))
                if result.score >= match and result.where:
                    places[(row.evidence.id, _document_key(profile))] = result.where
        scored.sort(key=lambda item: (-item[1], item[0].path, item[0].part or (0, 0)))
        scored_cache[row.evidence.id] = scored
    for evidence_id, path in _sibling_losers(places):
        scored_cache[evidence_id] = [
            i for i in scored_cache[evidence_id] if _document_key(i[0]) != path
        ]
    matching = time.perf_counter() - started
    revoked = revocations(documents)
    for row in chosen:
        scored = _pinned(row, pins, by_path) + scored_cache[row.evidence.id]
        finding = _judge_row(row, scored, match, evidence_map.evaluation, region, revoked)
        waiver = next((w for w in waivers if _waives(w, finding)), None)
        if waiver is not None:
            finding = replace(finding, status=Status.WAIVED, reasons=(), waiver=waiver)
        findings.append(finding)
    scoring = evidence_map.evaluation.scoring
    if scoring is not None and scoring.gating:
        findings = gate(findings)
    if timings is not None:
        timings["match"] = matching
        timings["judge"] = time.perf_counter() - started - matching
    return tuple(findings)


def revocations(documents: list[Profile]) -> dict[str, str]:
    """{document key: the path of the file that revokes it}: an instrument whose form, number and
    year a revocation in the tree names ("Pencabutan Keputusan Bupati ... Nomor .../12/HK/2023") is
    no longer in force. An amendment revokes nothing; a revocation naming an instrument that is not
    in the tree changes nothing."""
    revoking: dict[tuple[str, str, int], str] = {}
    for profile in documents:
        named = designation(profile.revokes) if profile.revokes else None
        if named is not None:
            revoking.setdefault(named, profile.path)
    if not revoking:
        return {}
    out = {}
    for profile in documents:
        own = designation(profile.reading.title_display) if profile.reading.title_display else None
        by = revoking.get(own) if own is not None else None
        if by is not None and by != profile.path:
            out[_document_key(profile)] = by
    return out


def _document_key(profile: Profile) -> str:
    """A document's identity: its path, and its pages for a part of a bundle (each part is a
    document of its own)."""
    return profile.path if profile.part is None else f"{profile.path}#{profile.part}"


def _sibling_losers(
    places: dict[tuple[str, str], tuple[tuple[str, int], ...]],
) -> set[tuple[str, str]]:
    """(evidence, document) pairs a sibling requirement answers better.

    Siblings share a head in the document's title (the same word at the same place: "Audit",
    "Tim") and part where their next words differ: "Laporan Audit Keamanan Aplikasi SPBE" is the
    security audit's (Keamanan follows Audit), not the application audit's, and "SK Tim Asesor"
    never becomes the Tim Audit. The sibling whose words stand closer together wins: "Rencana
    Aksi Kolaborasi Antar Perangkat Daerah dalam Penyelenggaraan Pemerintah Digital" is the
    collaboration plan ("Rencana Kolaborasi", one word inside), not the "Rencana Aksi Pemerintah
    Digital" six words apart; between siblings as close, the one whose distinguishing word stands
    nearer the head. A phrase that the other merely extends, or one that shares no head, is no
    rival.
    """
    by_document: dict[str, list[tuple[str, tuple[tuple[str, int], ...]]]] = defaultdict(list)
    for (evidence_id, path), where in places.items():
        by_document[path].append((evidence_id, where))
    losers: set[tuple[str, str]] = set()
    for path, matched in by_document.items():
        for first, where_a in matched:
            for second, where_b in matched:
                if first >= second:
                    continue
                shared = 0
                while (
                    shared < min(len(where_a), len(where_b)) and where_a[shared] == where_b[shared]
                ):
                    shared += 1
                if shared == 0 or shared == min(len(where_a), len(where_b)):
                    continue
                gaps_a, gaps_b = _gaps(where_a), _gaps(where_b)
                place_a, place_b = where_a[shared][1], where_b[shared][1]
                if gaps_a != gaps_b:
                    losers.add((second if gaps_a < gaps_b else first, path))
                elif place_a != place_b:
                    losers.add((second if place_a < place_b else first, path))
    return losers


def _gaps(where: tuple[tuple[str, int], ...]) -> int:
    """How many words not of the phrase stand between its first and last matched word."""
    return where[-1][1] - where[0][1] + 1 - len(where)


def _waives(waiver: Waiver, finding: Finding) -> bool:
    evidence = finding.evidence
    return waiver.evidence in (evidence.id, evidence.code) and waiver.agency in (
        None,
        finding.agency,
    )


def _pinned(
    row: Row, pins: tuple[Pin, ...], by_path: dict[str, Profile]
) -> list[tuple[Profile, float, Candidate]]:
    """The files pinned to this row, as candidates that match fully (their quality still judged)."""
    out = []
    for pin in pins:
        profile = by_path.get(pin.file)
        if profile is None or pin.evidence not in (row.evidence.id, row.evidence.code):
            continue
        owners = row.evidence.owners
        owner = pin.agency or (profile.agency if profile.agency in owners else owners[0])
        if row.evidence.scope is Scope.EACH and owner != row.agency:
            continue
        reading = profile.reading
        candidate = Candidate(
            path=profile.path,
            agency=profile.agency,
            score=100.0,
            page=reading.title_page,
            snippet=reading.title_display or None,
            year=profile.year,
            pinned=True,
        )
        out.append((profile, 100.0, candidate))
    return out


def gate(findings: list[Finding]) -> list[Finding]:
    """Level gating (Pemdi): an item of level n+1 is rejected automatically while level n is not
    complete. A row that would count, or is weak for its own reasons, above the lowest incomplete
    level is weak with `gated` and `gated_by`; a row with nothing to show stays missing. A waived
    row does not hold its level back."""
    levels: dict[str, dict[int, bool]] = defaultdict(dict)
    for f in findings:
        if f.evidence.level is not None:
            done = f.status in (Status.COMPLETE, Status.WAIVED)
            held = levels[f.indicator.id]
            held[f.evidence.level] = held.get(f.evidence.level, True) and done
    out = []
    for f in findings:
        level = f.evidence.level
        incomplete = [n for n, done in levels[f.indicator.id].items() if not done]
        below = min((n for n in incomplete if level is not None and n < level), default=None)
        if below is None or f.status in (Status.MISSING, Status.WAIVED):
            out.append(f)
            continue
        reasons = tuple(sorted({*f.reasons, Reason.GATED}, key=lambda r: r.rank))
        out.append(replace(f, status=Status.WEAK, reasons=reasons, gated_by=below))
    return out


def screenshot_lacks(profile: Profile) -> tuple[str, ...]:
    """What a screenshot does not show (url, date, institution): without them it proves little."""
    reading = profile.reading
    if not reading.readable or profile.form is Form.REPORT:  # a report is judged as a report
        return ()
    return screenshot.lacks(f"{reading.title_display}\n{reading.excerpt}\n{reading.body}")


def same_document(a: Profile, b: Profile) -> bool:
    """Copies count once: the same content, or a scan and a print of one document (their texts
    differ by OCR slips, but their titles agree, with the same numbers, months and periods)."""
    first, second = a.reading, b.reading
    if first.content_key == second.content_key:
        return True
    # a word processor's page count is metadata, often wrong: copies across formats are told by
    # their content (title, numbers, year), page counts only between paginated files
    paginated = not (a.path.lower().endswith(_FLOWING) or b.path.lower().endswith(_FLOWING))
    if (
        not first.title
        or not second.title
        or a.year != b.year
        or (paginated and abs(first.pages - second.pages) > 1)
    ):
        return False
    title_a, title_b = _without_copy_marks(first.title), _without_copy_marks(second.title)
    if not paginated:  # a flowed text has no first page: its title area may run on into the body
        words = min(len(title_a.split()), len(title_b.split()))
        title_a, title_b = (" ".join(t.split()[:words]) for t in (title_a, title_b))
    if _distinguishing(title_a) != _distinguishing(title_b):
        return False
    return fuzz.ratio(title_a, title_b) >= SAME_TITLE


#: formats whose pages are flowed by the reader, not fixed in the file
_FLOWING = (".docx", ".doc", ".odt", ".rtf")
#: how alike two title areas must be for a scan and a print to be one document
SAME_TITLE = 92.0
_DISTINGUISHING = re.compile(
    r"\b(?:\d+|[ivx]+|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober"
    r"|november|desember|triwulan|semester)\b"
)


def _without_copy_marks(title: str) -> str:
    return " ".join(w for w in title.split() if w not in ("salinan", "copy", "asli"))


def _distinguishing(title: str) -> list[str]:
    """Numbers, roman numerals and months: what tells one quarterly report from the next."""
    return _DISTINGUISHING.findall(title)


def _judge_row(
    row: Row,
    scored: list[tuple[Profile, float, Candidate]],
    match: float,
    evaluation: Evaluation,
    region: Region | None,
    revoked: dict[str, str] | None = None,
) -> Finding:
    matched: list[Candidate] = []
    qualifying: list[Candidate] = []
    distinct: list[Profile] = []
    # an `each` row: another owner's documents belong to that owner's own row
    others = set(row.evidence.owners) - set(row.allowed)
    scored = [item for item in scored if item[2].pinned or item[0].agency not in others]
    seen_paths: set[str] = set()
    pinned_paths = {c.path for _, _, c in scored if c.pinned}
    for profile, score, candidate in scored:
        if profile.path in seen_paths:  # a pinned file is not judged a second time by its score
            continue
        seen_paths.add(profile.path)
        if score < match:
            continue
        problems = document_problems(profile, row.evidence, row.allowed, evaluation, region)
        lacks = screenshot_lacks(profile) if row.evidence.kind is Kind.SCREENSHOT else ()
        if lacks:
            problems = tuple(sorted({*problems, Reason.LOW_MATCH}, key=lambda r: r.rank))
        revoked_by = (revoked or {}).get(_document_key(profile))
        if revoked_by is not None:  # no longer in force: outdated, whatever its year
            problems = tuple(sorted({*problems, Reason.OUTDATED}, key=lambda r: r.rank))
        judged = replace(
            candidate, problems=problems, amends=profile.amends, lacks=lacks, revoked_by=revoked_by
        )
        matched.append(judged)
        if not problems:
            qualifying.append(judged)
            if not any(same_document(profile, seen) for seen in distinct):
                distinct.append(profile)
    # a near match that could not be read says so: rename it or not, the OPD must rescan it
    near = [
        replace(c, problems=_unread(profile))
        for profile, score, c in scored
        if score < match and c.path not in pinned_paths
    ]
    reasons: tuple[Reason, ...] = ()
    if len(distinct) >= row.evidence.min_count:
        status, listed = Status.COMPLETE, qualifying
    elif matched:
        found = {r for c in matched for r in c.problems}
        if 1 <= len(distinct) < row.evidence.min_count:
            found.add(Reason.TOO_FEW)
        ordered = tuple(sorted(found, key=lambda r: r.rank))
        status, reasons, listed = (
            Status.WEAK,
            ordered,
            (qualifying + [c for c in matched if c.problems])[:MAX_LISTED],
        )
    elif near:
        found = {r for c in near for r in c.problems} | {
            Reason.LOW_MATCH for c in near if not c.problems
        }
        ordered = tuple(sorted(found, key=lambda r: r.rank))
        status, reasons, listed = Status.WEAK, ordered, near[:MAX_LISTED]
    else:
        status, listed = Status.MISSING, []
    return Finding(
        indicator=row.indicator,
        evidence=row.evidence,
        agency=row.agency,
        status=status,
        reasons=reasons,
        documents=tuple(listed),
    )


def _unread(profile: Profile) -> tuple[Reason, ...]:
    """`unreadable` or `no-text` for a file with no text to judge, else nothing."""
    problem = profile.reading.problem
    return (problem.code,) if problem is not None else ()
