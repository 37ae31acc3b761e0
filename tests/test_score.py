"""Score projection: levels are cumulative, the index follows the regulation's formula, and the
to-do rows carry the gain they would bring."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_check.evidence_map import MapError, load_map, parse_map
from evidence_check.models import Evidence, Finding, Indicator, Status
from evidence_check.score import project

REPO = Path(__file__).resolve().parents[1]

SPBE_LIKE = """\
version: 2
evaluation:
  name: Evaluasi SPBE 2025
  year: 2025
  scoring:
    method: weighted-levels
    scale: [1, 5]
    predikat:
      - {min: 4.2, label: Memuaskan}
      - {min: 3.5, label: Sangat Baik}
      - {min: 2.6, label: Baik}
      - {min: 1.8, label: Cukup}
      - {min: 0, label: Kurang}
agencies: [{id: kominfo, name: Diskominfo}]
indicators:
  - id: I1
    name: Arsitektur
    domain: Kebijakan Internal SPBE
    aspect: Kebijakan Internal Tata Kelola SPBE
    weight: 60
    evidence:
      - {id: a1, title: Rancangan, owners: [kominfo], level: 1, accept_draft: true}
      - {id: a2, title: Perbup, owners: [kominfo], level: 2}
      - {id: a3, title: Dokumen, owners: [kominfo], level: 3}
      - {id: a4, title: Reviu, owners: [kominfo], level: 4}
      - {id: a5, title: Perubahan, owners: [kominfo], level: 5}
  - id: I2
    name: Layanan
    domain: Layanan SPBE
    aspect: Layanan Publik Berbasis Elektronik
    weight: 40
    evidence:
      - {id: b2, title: Manual, owners: [kominfo], level: 2}
      - {id: b3, title: Laporan, owners: [kominfo], level: 3}
"""


def findings_for(evidence_map_text: str, complete: set[str]) -> tuple:  # type: ignore[type-arg]
    evidence_map = parse_map(evidence_map_text, "m.yaml")
    out = []
    for indicator in evidence_map.indicators:
        for evidence in indicator.evidence:
            status = Status.COMPLETE if evidence.id in complete else Status.MISSING
            out.append(finding(indicator, evidence, status))
    return evidence_map, tuple(out)


def finding(indicator: Indicator, evidence: Evidence, status: Status) -> Finding:
    return Finding(
        indicator=indicator,
        evidence=evidence,
        agency=evidence.owners[0],
        status=status,
        reasons=(),
        documents=(),
    )


def test_levels_are_cumulative_and_the_index_is_the_regulations_formula() -> None:
    """I1 has levels 1-4 complete but not 5: level 4; I2 lacks level 2, so its level 3 counts
    for nothing: level 1. Index = (4 x 60 + 1 x 40) / 100 = 2.8, predikat Baik."""
    evidence_map, findings = findings_for(SPBE_LIKE, {"a1", "a2", "a3", "a4", "b3"})
    projection = project(evidence_map, findings)
    assert projection is not None
    assert [(i.indicator, i.level, i.next_level, i.needs) for i in projection.indicators] == [
        ("I1", 4.0, 5, ("a5@kominfo",)),
        ("I2", 1.0, 2, ("b2@kominfo",)),
    ]
    assert projection.index == 2.8 and projection.predikat == "Baik"
    assert ("domain", "Layanan SPBE", 1.0) in projection.groups


def test_gains_say_what_each_row_adds_and_order_the_todo() -> None:
    """Fixing b2 lifts I2 from 1 to 3 (b3 is there): +2 x 40 / 100 = 0.8; a5 adds 0.6."""
    evidence_map, findings = findings_for(SPBE_LIKE, {"a1", "a2", "a3", "a4", "b3"})
    projection = project(evidence_map, findings)
    assert projection is not None
    assert projection.gains == {"a5@kominfo": 0.6, "b2@kominfo": 0.8}
    ordered = sorted(projection.gains, key=lambda k: -projection.gains[k])
    assert ordered == ["b2@kominfo", "a5@kominfo"]


def test_nothing_complete_is_the_floor_of_the_scale() -> None:
    """Level 1 reads "belum atau telah tersedia": a region with nothing is at level 1."""
    evidence_map, findings = findings_for(SPBE_LIKE, set())
    projection = project(evidence_map, findings)
    assert projection is not None and projection.index == 1.0 and projection.predikat == "Kurang"
    assert projection.gains["a1@kominfo"] == 0.0  # level 1 is the floor already
    assert projection.gains["a2@kominfo"] == 0.6


def test_dimension_mean_for_smart_city() -> None:
    text = """\
version: 2
evaluation:
  name: Smart City
  year: 2025
  scoring: {method: dimension-mean, scale: [1, 4], dimensions: {Baseline: 10, Output: 30}}
agencies: [{id: bappeda, name: Bappeda}]
indicators:
  - {id: B1, name: b1, group: Baseline, evidence: [{id: x1, title: x, owners: [bappeda]}]}
  - {id: O1, name: o1, group: Output, evidence: [{id: y1, title: y, owners: [bappeda]},
                                                   {id: y2, title: y, owners: [bappeda]}]}
"""
    evidence_map, findings = findings_for(text, {"x1", "y1"})
    projection = project(evidence_map, findings)
    assert projection is not None
    # Baseline 4.0 (all its rows), Output 1 + 3 x 1/2 = 2.5; (10 x 4 + 30 x 2.5) / 40 = 2.875
    assert projection.index == 2.88
    assert projection.groups == (("dimension", "Baseline", 4.0), ("dimension", "Output", 2.5))


def test_shipped_maps_load_and_spbe_weights_sum_to_100() -> None:
    spbe = load_map(REPO / "maps" / "spbe-2020.yaml")
    assert spbe.version == 3 and len(spbe.indicators) == 47
    assert spbe.evaluation.revoked_by == "PermenPANRB 8/2026"
    assert sum(i.weight or 0 for i in spbe.indicators) == pytest.approx(100.0)
    assert {i.domain for i in spbe.indicators} == {
        "Kebijakan Internal SPBE", "Tata Kelola SPBE", "Manajemen SPBE", "Layanan SPBE",
    }  # fmt: skip
    smart = load_map(REPO / "maps" / "smart-city.yaml")
    assert smart.evaluation.scoring is not None
    assert dict(smart.evaluation.scoring.dimensions) == {
        "Baseline": 10, "Output": 20, "Outcome": 30, "Impact": 20, "Quick Win": 20,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("version: 2", "version: 1"),
            'm.yaml: evaluation: key "scoring" needs format version 2 or later',
        ),
        (
            ("method: weighted-levels", "method: average"),
            'm.yaml: evaluation.scoring.method: expected one of weighted-levels, dimension-mean, got "average"',
        ),
        (
            ("    weight: 40\n", ""),
            'm.yaml: indicators[1]: missing key "weight" (the weighted-levels method needs it)',
        ),
        (
            ("scale: [1, 5]", "scale: [1, 3]"),
            "m.yaml: indicators[0].evidence[3].level: expected a level within the scale (at most 3), got 4",
        ),
        (
            ("weight: 60", "weight: -1"),
            "m.yaml: indicators[0].weight: expected a positive number, got -1",
        ),
        (
            ("{min: 0, label: Kurang}", "{min: 0}"),
            "m.yaml: evaluation.scoring.predikat: expected a list of {min: number, label: text}, got a list",
        ),
    ],
)
def test_format_2_errors_are_reported_verbatim(change: tuple[str, str], message: str) -> None:
    with pytest.raises(MapError) as caught:
        parse_map(SPBE_LIKE.replace(*change), "m.yaml")
    assert message in caught.value.lines
