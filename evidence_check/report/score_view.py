"""The projection as people read it: the index and predikat line (a minimum when external
indicators sit at the floor), the sub-scores under headings that say their level (domain, aspect,
dimension), and one line per external indicator, which needs no upload."""

from __future__ import annotations

from dataclasses import dataclass

from evidence_check.messages import message
from evidence_check.models import AuditResult
from evidence_check.report.plain import clean, decimal


@dataclass(frozen=True, kw_only=True)
class ScoreSection:
    """Sub-scores of one kind, under a heading that says which level they are (domain, aspect)."""

    heading: str
    #: (name, value as the language writes it)
    rows: tuple[tuple[str, str], ...]
    #: the values as numbers, for spreadsheets
    values: tuple[float, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ScoreView:
    """The projected index: "Proyeksi indeks ...: 2,80 (Baik (Berkembang))" and its sub-scores."""

    line: str
    #: the index as the language writes it, two decimals
    index: str
    predikat: str
    #: the index is a minimum: external indicators were counted at the floor
    minimum: bool
    sections: tuple[ScoreSection, ...]
    #: one line per external indicator: nothing to upload, scored from a national index
    externals: tuple[str, ...] = ()
    #: (kind, name, value) of every sub-score, unformatted
    groups: tuple[tuple[str, float], ...] = ()


def score_view(result: AuditResult, lang: str) -> ScoreView | None:
    projection = result.projection
    if projection is None:
        return None
    predikat = projection.predikat or "-"
    if projection.predikat_name:
        predikat = f"{predikat} ({projection.predikat_name})"
    index = decimal(projection.index, 2, lang)
    minimum = projection.unknown_weight > 0
    if minimum:
        weight = decimal(projection.unknown_weight, 1, lang).removesuffix(",0").removesuffix(".0")
        line = message("score.minimum", lang, index=index, predikat=predikat, weight=weight)
    else:
        line = message("score.line", lang, index=index, predikat=predikat)
    sections: list[ScoreSection] = []
    for kind in ("domain", "aspect", "dimension"):
        members = [(clean(n), v) for k, n, v in projection.groups if k == kind]
        if members:
            sections.append(
                ScoreSection(
                    heading=message(f"score.heading.{kind}", lang),
                    rows=tuple((n, decimal(v, 2, lang)) for n, v in members),
                    values=tuple(v for _, v in members),
                )
            )
    indicators = {i.id: i for i in result.indicators}
    externals = []
    for score in projection.indicators:
        if not score.external:
            continue
        indicator = indicators.get(score.indicator)
        name = clean(indicator.name) if indicator else ""
        source = clean(indicator.external or "") if indicator and indicator.external else "-"
        level = decimal(score.level, 1, lang).removesuffix(",0").removesuffix(".0")
        assumed = message(
            "external.floor" if score.assumed == "floor" else "external.given", lang, level=level
        )
        externals.append(
            message(
                "external.line",
                lang,
                indicator=clean(score.indicator),
                name=name,
                source=source,
                assumed=assumed,
            )
        )
    return ScoreView(
        line=line,
        index=index,
        predikat=predikat,
        minimum=minimum,
        sections=tuple(sections),
        externals=tuple(externals),
        groups=tuple((clean(n), v) for _, n, v in projection.groups),
    )
