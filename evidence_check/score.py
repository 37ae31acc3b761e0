"""Score projection: the level each indicator reaches on complete evidence alone, the index and
its predikat, sub-scores per domain, aspect or dimension, and what each to-do row would add.

Levels are cumulative, as the regulation says ("Kriteria tingkat 2 telah terpenuhi dan ..."): the
projected level is the highest L whose evidence, and that of every level from 2 up to L, is
complete; level 1 is reached by its own evidence or by any higher level's, and is the floor of the
scale anyway ("belum atau telah tersedia"). An indicator whose evidence carries no levels scores
its share of complete rows along the scale. Weak evidence counts for nothing.

With level gating (Pemdi, `scoring.gating`) level 1 is no longer reached by a higher level's
evidence: the ladder stops at the first incomplete level. An external indicator (format 3) is
scored from its national index: its level is the one assumed (`--assume`, `assumed_levels`), else
the floor, and the weight counted at the floor makes the index a minimum. Waived rows do not apply:
they neither count nor hold a level back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from evidence_check.models import (
    EvidenceMap,
    Finding,
    Indicator,
    IndicatorScore,
    Method,
    Projection,
    Reason,
    Scoring,
    Status,
)


def row_key(finding: Finding) -> str:
    return f"{finding.evidence.id}@{finding.agency}"


def counts(finding: Finding) -> bool:
    """Complete evidence, or evidence that would be complete but for the level below (gated):
    the cumulative ladder below keeps the gate, and a to-do row's gain then shows what the
    blocking level's rows unlock."""
    return finding.status is Status.COMPLETE or (
        finding.status is Status.WEAK and finding.reasons == (Reason.GATED,)
    )


def indicator_level(
    indicator: Indicator,
    rows: list[Finding],
    complete: set[str],
    scale: tuple[int, int],
    gating: bool = False,
) -> IndicatorScore:
    low, high = scale
    by_level: dict[int, list[str]] = defaultdict(list)
    rows = [r for r in rows if r.status is not Status.WAIVED]
    for row in rows:
        if row.evidence.level is not None:
            by_level[row.evidence.level].append(row_key(row))
    if not by_level:
        keys = [row_key(r) for r in rows]
        share = sum(k in complete for k in keys) / len(keys) if keys else 0.0
        needs = tuple(k for k in keys if k not in complete)
        return IndicatorScore(
            indicator=indicator.id, level=round(low + (high - low) * share, 3), needs=needs
        )
    reached = 1 if by_level.get(1) and all(k in complete for k in by_level[1]) else 0
    next_level, needs = None, ()
    if gating and by_level.get(1) and not reached:
        needs = tuple(k for k in by_level[1] if k not in complete)
        return IndicatorScore(indicator=indicator.id, level=float(low), next_level=1, needs=needs)
    for level in range(2, max(by_level) + 1):
        keys = by_level.get(level, [])
        if all(k in complete for k in keys):
            reached = level if keys else reached
            continue
        next_level, needs = level, tuple(k for k in keys if k not in complete)
        break
    if next_level is None and reached < 1 and by_level.get(1):
        next_level, needs = 1, tuple(k for k in by_level[1] if k not in complete)
    return IndicatorScore(
        indicator=indicator.id, level=float(max(low, reached)), next_level=next_level, needs=needs
    )


def _index(scoring: Scoring, indicators: Iterable[Indicator], levels: dict[str, float]) -> float:
    chosen = list(indicators)
    if scoring.method is Method.DIMENSION_MEAN:
        weights = dict(scoring.dimensions)
        by_dimension: dict[str, list[float]] = defaultdict(list)
        for indicator in chosen:
            if indicator.group in weights:
                by_dimension[indicator.group].append(levels[indicator.id])
        total = sum(weights[d] for d in by_dimension)
        if not total:
            return 0.0
        return sum(weights[d] * sum(v) / len(v) for d, v in by_dimension.items()) / total
    total = sum(i.weight or 0.0 for i in chosen)
    if not total:
        return 0.0
    return sum(levels[i.id] * (i.weight or 0.0) for i in chosen) / total


def predikat(scoring: Scoring, index: float) -> str | None:
    return next((band.label for band in scoring.bands if index >= band.min - 1e-9), None)


def project(
    evidence_map: EvidenceMap,
    findings: tuple[Finding, ...],
    assumed: tuple[tuple[str, float], ...] = (),
) -> Projection | None:
    """The projection for a map with `evaluation.scoring`; None for a map without it."""
    scoring = evidence_map.evaluation.scoring
    if scoring is None:
        return None
    rows: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        rows[finding.indicator.id].append(finding)
    indicators = [i for i in evidence_map.indicators if i.id in rows or i.external]
    complete = {row_key(f) for f in findings if counts(f)}
    given = dict(assumed)

    def level_of(indicator: Indicator, done: set[str]) -> IndicatorScore:
        if indicator.external:
            known = given.get(indicator.id)
            return IndicatorScore(
                indicator=indicator.id,
                level=float(scoring.scale[0]) if known is None else known,
                external=True,
                assumed="floor" if known is None else "given",
            )
        return indicator_level(indicator, rows[indicator.id], done, scoring.scale, scoring.gating)

    scores = {i.id: level_of(i, complete) for i in indicators}
    levels = {k: v.level for k, v in scores.items()}
    index = _index(scoring, indicators, levels)
    gains: dict[str, float] = {}
    for finding in findings:
        key = row_key(finding)
        if key in complete:
            continue
        own = finding.indicator
        raised = level_of(own, complete | {key}).level
        if raised == levels[own.id]:
            gains[key] = 0.0
            continue
        gains[key] = round(_index(scoring, indicators, {**levels, own.id: raised}) - index, 4)
    band = next((b for b in scoring.bands if index >= b.min - 1e-9), None)
    return Projection(
        index=round(index, 2),
        predikat=band.label if band else None,
        predikat_name=band.name if band else None,
        unknown_weight=round(
            sum(i.weight or 0.0 for i in indicators if scores[i.id].assumed == "floor"), 4
        ),
        indicators=tuple(scores[i.id] for i in indicators),
        groups=_groups(scoring, indicators, levels),
        gains=gains,
    )


def _groups(
    scoring: Scoring, indicators: list[Indicator], levels: dict[str, float]
) -> tuple[tuple[str, str, float], ...]:
    out: list[tuple[str, str, float]] = []
    if scoring.method is Method.DIMENSION_MEAN:
        for dimension, _ in scoring.dimensions:
            members = [levels[i.id] for i in indicators if i.group == dimension]
            if members:
                out.append(("dimension", dimension, round(sum(members) / len(members), 2)))
        return tuple(out)
    for kind in ("domain", "aspect"):
        names: dict[str, list[Indicator]] = defaultdict(list)
        for indicator in indicators:
            name = getattr(indicator, kind)
            if name:
                names[name].append(indicator)
        for name, group in names.items():
            out.append((kind, name, round(_index(scoring, group, levels), 2)))
    return tuple(out)
