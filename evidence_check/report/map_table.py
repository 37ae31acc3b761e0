"""`evidence-check map show`: a map's indicators, evidence and owners as a readable table."""

from __future__ import annotations

from evidence_check.messages import message
from evidence_check.models import EvidenceMap


def render(evidence_map: EvidenceMap, lang: str = "id") -> str:
    count = sum(len(i.evidence) for i in evidence_map.indicators)
    out = [
        message(
            "map.table.heading",
            lang,
            evaluation=evidence_map.evaluation.name,
            year=evidence_map.evaluation.year,
            indicators=len(evidence_map.indicators),
            evidence=count,
        ),
        message("map.table.columns", lang),
        "",
    ]
    for indicator in evidence_map.indicators:
        weight = (
            f" · {message('map.table.weight', lang, weight=f'{indicator.weight:g}')}"
            if indicator.weight
            else ""
        )
        group = f" · {indicator.group}" if indicator.group else ""
        out.append(f"{indicator.id} {indicator.name}{group}{weight}")
        if indicator.external:
            out.append("  " + message("map.table.external", lang, index=indicator.external))
        for evidence in indicator.evidence:
            age = "-" if evidence.max_age_years is None else f"{evidence.max_age_years}"
            level = "-" if evidence.level is None else str(evidence.level)
            owners = ", ".join(evidence.owners) + (
                " (each)" if evidence.scope.value == "each" else ""
            )
            out.append(
                f"  {evidence.label}: {evidence.title} | {evidence.kind.value} | {level} | {owners}"
                f" | {age} | {evidence.min_count}"
            )
        out.append("")
    return "\n".join(out).rstrip() + "\n"
