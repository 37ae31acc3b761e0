"""Map format 3 and the region settings: level gating, external indicators, assumed levels,
predikat names, waivers and pins (DESIGN.md, "Contract changes"; PermenPANRB 8/2026)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import build_tree, docgen

from evidence_check.audit import audit
from evidence_check.cli import main
from evidence_check.evidence_map import MapError, parse_map
from evidence_check.models import Pin, RegionSettings, Settings, Status
from evidence_check.region import SettingsError, check_against, load_settings

Minutes, Regulation, Report = docgen.Minutes, docgen.Regulation, docgen.Report

MAP3 = """\
version: 3
evaluation:
  name: Evaluasi Kinerja Pemerintah Digital 2027 Kabupaten Mojosari
  year: 2027
  scoring:
    method: weighted-levels
    scale: [1, 5]
    gating: true
    predikat:
      - {min: 4.0, label: Memuaskan, name: Unggul}
      - {min: 3.5, label: Sangat Baik, name: Melembaga}
      - {min: 2.5, label: Baik, name: Berkembang}
      - {min: 1.5, label: Cukup, name: Membangun}
      - {min: 0, label: Kurang, name: Merintis}
agencies:
  - {id: diskominfo, name: Dinas Komunikasi dan Informatika, aliases: [Diskominfo]}
  - {id: bappeda, name: Badan Perencanaan Pembangunan Daerah, aliases: [Bappeda]}
indicators:
  - id: I4
    name: Tingkat Kematangan Kolaborasi
    aspect: Penyelenggara
    weight: 60
    evidence:
      - id: i4-l1-sk
        code: I4-L1-01
        level: 1
        title: Keputusan Bupati tentang Tim Koordinasi Pemerintah Digital
        kind: decree
        owners: [diskominfo]
        keywords: [Tim Koordinasi Pemerintah Digital]
        must_include: [Keputusan]
      - id: i4-l2-notulen
        code: I4-L2-01
        level: 2
        title: Notulen Rapat Koordinasi Kolaborasi Antar Perangkat Daerah
        kind: minutes
        owners: [diskominfo]
        keywords: [Kolaborasi Antar Perangkat Daerah]
      - id: i4-l3-laporan
        code: I4-L3-01
        level: 3
        title: Laporan Kolaborasi Pemerintah Digital Seluruh Layanan
        kind: report
        owners: [bappeda, diskominfo]
        keywords: [Laporan Kolaborasi Pemerintah Digital]
        max_age_years: 2
  - id: I5
    name: Tingkat Kematangan Sumber Daya Data
    aspect: Data
    weight: 40
    external: Indeks SDI
"""

KOMINFO, BAPPEDA = "01. Diskominfo", "02. Bappeda"
SK = Regulation(topic="Tim Koordinasi Pemerintah Digital", form="KEPUTUSAN", year=2026)
REPORT = Report(title="Laporan Kolaborasi Pemerintah Digital Seluruh Layanan", period="TAHUN 2026")
MINUTES = Minutes(subject="Kolaborasi Antar Perangkat Daerah")


def run(root: Path, settings: RegionSettings | None = None) -> dict[str, tuple[str, ...]]:
    result = audit(
        parse_map(MAP3, "pemdi.yaml"), root, Settings(region=settings or RegionSettings())
    )
    return {
        f.evidence.code or "": (f.status.value, *(r.value for r in f.reasons))
        for f in result.findings
    }


def test_level_three_is_gated_while_level_two_is_missing(tmp_path: Path) -> None:
    """The portal rejects an item above an incomplete level ('otomatis ditolak'): calling it
    complete would send the OPD to the assessor with a row that is refused."""
    root = build_tree(
        tmp_path / "tree",
        {f"{KOMINFO}/SK Tim Koordinasi.pdf": SK, f"{BAPPEDA}/Laporan Kolaborasi 2026.pdf": REPORT},
    )
    result = audit(parse_map(MAP3, "pemdi.yaml"), root, Settings())
    rows = {f.evidence.code: f for f in result.findings}
    assert rows["I4-L1-01"].status is Status.COMPLETE
    assert rows["I4-L2-01"].status is Status.MISSING and rows["I4-L2-01"].gated_by is None
    gated = rows["I4-L3-01"]
    assert (gated.status, [r.value for r in gated.reasons], gated.gated_by) == (
        Status.WEAK,
        ["gated"],
        2,
    )
    assert result.projection is not None
    i4 = next(i for i in result.projection.indicators if i.indicator == "I4")
    assert (i4.level, i4.next_level) == (1.0, 2)
    # completing level 2 unlocks level 3 too: its gain counts both levels
    assert result.projection.gains["i4-l2-notulen@diskominfo"] == pytest.approx(1.2)


def test_with_level_two_in_place_level_three_counts(tmp_path: Path) -> None:
    root = build_tree(
        tmp_path / "tree",
        {
            f"{KOMINFO}/SK Tim Koordinasi.pdf": SK,
            f"{KOMINFO}/Notulen Kolaborasi.pdf": MINUTES,
            f"{BAPPEDA}/Laporan Kolaborasi 2026.pdf": REPORT,
        },
    )
    assert run(root) == {
        "I4-L1-01": ("complete",),
        "I4-L2-01": ("complete",),
        "I4-L3-01": ("complete",),
    }


def test_level_one_missing_gates_everything_above_and_keeps_the_floor(tmp_path: Path) -> None:
    """Under gating, level 1 is no longer reached through a higher level's evidence."""
    root = build_tree(
        tmp_path / "tree",
        {f"{KOMINFO}/Notulen Kolaborasi.pdf": MINUTES, f"{BAPPEDA}/Laporan Kolaborasi.pdf": REPORT},
    )
    result = audit(parse_map(MAP3, "pemdi.yaml"), root, Settings())
    rows = {f.evidence.code: f for f in result.findings}
    assert rows["I4-L2-01"].gated_by == 1 and rows["I4-L3-01"].gated_by == 1
    assert result.projection is not None
    assert result.projection.indicators[0].level == 1.0


def test_external_indicator_counts_at_the_floor_until_assumed(tmp_path: Path) -> None:
    """I5 is scored from the national Indeks SDI: no upload, and the index is a minimum."""
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/SK Tim Koordinasi.pdf": SK})
    evidence_map = parse_map(MAP3, "pemdi.yaml")
    floor = audit(evidence_map, root, Settings()).projection
    assert floor is not None
    i5 = next(i for i in floor.indicators if i.indicator == "I5")
    assert (i5.external, i5.assumed, i5.level) == (True, "floor", 1.0)
    assert floor.unknown_weight == 40
    given = audit(
        evidence_map, root, Settings(region=RegionSettings(assumed_levels=(("I5", 3.0),)))
    ).projection
    assert given is not None
    assert given.unknown_weight == 0
    assert given.index == pytest.approx((60 * 1 + 40 * 3) / 100)
    assert (given.predikat, given.predikat_name) == ("Cukup", "Membangun")


def test_cli_assume_and_json_format_2(tmp_path: Path) -> None:
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/SK Tim Koordinasi.pdf": SK})
    map_file = tmp_path / "pemdi.yaml"
    map_file.write_text(MAP3, encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["audit", str(root), "--map", str(map_file), "--format", "json", "--no-cache",
         "--assume", "I5=2,5"],
    )  # fmt: skip
    data = json.loads(result.stdout)
    assert data["format"] == 2
    assert data["evaluation"]["region"] == "Kabupaten Mojosari"
    assert [r["code"] for r in data["requirements"]] == ["I4-L1-01", "I4-L2-01", "I4-L3-01"]
    assert data["score"]["unknown_weight"] == 0
    i5 = next(i for i in data["score"]["indicators"] if i["indicator"] == "I5")
    assert (i5["external"], i5["assumed"], i5["level"]) == (True, "given", 2.5)
    bad = CliRunner().invoke(main, ["audit", str(root), "--map", str(map_file), "--assume", "I4=3"])
    assert bad.exit_code == 2
    assert "assumed_levels.I4: expected an external indicator of the map (I5)" in bad.stderr


def test_format_3_key_under_version_2_is_one_line_error() -> None:
    raw = MAP3.replace("version: 3", "version: 2").replace("    gating: true\n", "")
    raw = raw.replace("      - {min: 4.0, label: Memuaskan, name: Unggul}\n", "")
    with pytest.raises(MapError) as caught:
        parse_map(raw, "pemdi.yaml")
    assert 'pemdi.yaml: indicators[0].evidence[0]: key "code" needs format version 3 or later' in (
        caught.value.lines
    )
    assert 'pemdi.yaml: indicators[1]: key "external" needs format version 3 or later' in (
        caught.value.lines
    )


def test_screenshot_kind_and_duplicate_codes_are_checked() -> None:
    v2 = MAP3.replace("kind: report", "kind: screenshot").replace("version: 3", "version: 2")
    with pytest.raises(MapError) as caught:
        parse_map(v2, "m.yaml")
    assert (
        'm.yaml: indicators[0].evidence[2].kind: kind "screenshot" needs format version 3 or later'
        in caught.value.lines
    )
    twice = MAP3.replace("code: I4-L2-01", "code: I4-L1-01")
    with pytest.raises(MapError) as caught:
        parse_map(twice, "m.yaml")
    assert caught.value.lines == [
        'm.yaml: indicators[0].evidence[1].code: duplicate code "I4-L1-01" '
        "(first used at indicators[0].evidence[0].code)"
    ]
    external_with_evidence = MAP3.replace(
        "    external: Indeks SDI\n",
        "    external: Indeks SDI\n    evidence:\n      - {id: x, title: X, owners: [diskominfo]}\n",
    )
    with pytest.raises(MapError) as caught:
        parse_map(external_with_evidence, "m.yaml")
    assert caught.value.lines == [
        "m.yaml: indicators[1].evidence: expected no evidence: an external indicator is scored "
        "from its national index"
    ]


SETTINGS = """\
region: Kabupaten Mojosari
coordinator:
  agency: diskominfo
  office: Dinas Komunikasi dan Informatika Kabupaten Mojosari
  title: Kepala Dinas Komunikasi dan Informatika
  name: Drs. Budi Santoso, M.Si.
  nip: "19700101 199503 1 001"
deadline: 2027-03-31
assumed_levels: {I5: 2.5}
waivers:
  - {evidence: I4-L2-01, reason: "Belum ada kolaborasi lintas PD tahun ini", by: Kabid Aptika}
"""


def test_settings_file_under_root_is_read_and_listed_as_skipped(tmp_path: Path) -> None:
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/SK Tim Koordinasi.pdf": SK})
    (root / "evidence-check.yaml").write_text(SETTINGS, encoding="utf-8")
    map_file = tmp_path / "pemdi.yaml"
    map_file.write_text(MAP3, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["audit", str(root), "--map", str(map_file), "--format", "json", "--no-cache"]
    )
    data = json.loads(result.stdout)
    rows = {r["code"]: r for r in data["requirements"]}
    assert rows["I4-L2-01"]["status"] == "waived"
    assert rows["I4-L2-01"]["waiver"]["by"] == "Kabid Aptika"
    assert data["summary"]["waived"] == 1
    # a waived level does not hold level 3 back (it has no evidence: missing, not gated)
    assert rows["I4-L3-01"]["status"] == "missing"
    skipped = {d["path"]: d.get("skip_reason") for d in data["documents"]}
    assert skipped["evidence-check.yaml"] == "settings"
    assert data["score"]["unknown_weight"] == 0


def test_expired_waiver_is_ignored(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/SK Tim Koordinasi.pdf": SK})
    file = tmp_path / "s.yaml"
    file.write_text(SETTINGS.replace("by: Kabid Aptika}", "by: X, until: 2026-01-31}"), "utf-8")
    settings = load_settings(file)
    result = audit(
        parse_map(MAP3, "m.yaml"),
        root,
        Settings(region=settings),
        now=dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
    )
    assert {f.evidence.code: f.status for f in result.findings}["I4-L2-01"] is Status.MISSING
    assert "the waiver of I4-L2-01 ended on 2026-01-31 and is ignored" in caplog.text


def test_expired_pin_is_ignored_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    draft = Regulation(topic="Penetapan Tim Pelaksana", form="KEPUTUSAN")
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/berkas-tim.pdf": draft})
    file = tmp_path / "s.yaml"
    file.write_text(
        "pins:\n  - {file: '01. Diskominfo/berkas-tim.pdf', evidence: I4-L1-01, until: 2026-06-30}\n",
        "utf-8",
    )
    result = audit(
        parse_map(MAP3, "m.yaml"),
        root,
        Settings(region=load_settings(file)),
        now=dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
    )
    row = next(f for f in result.findings if f.evidence.code == "I4-L1-01")
    assert row.status is Status.MISSING and not row.documents
    assert "the pin of 01. Diskominfo/berkas-tim.pdf to I4-L1-01 ended on 2026-06-30" in caplog.text


def test_pinned_file_outside_the_owners_folder_is_misplaced(tmp_path: Path) -> None:
    """A pin says what a file is, not that it lies where the evaluator will look."""
    root = build_tree(tmp_path / "tree", {f"{BAPPEDA}/berkas.pdf": SK})
    file = tmp_path / "s.yaml"
    file.write_text(
        "pins:\n  - {file: '02. Bappeda\\berkas.pdf', evidence: I4-L1-01, note: SK Tim}\n",
        "utf-8",
    )
    settings = load_settings(file)
    assert (
        settings.pins[0].file == "02. Bappeda/berkas.pdf"
    )  # a Windows path, as discovery names it
    check_against(settings, parse_map(MAP3, "m.yaml"), root)
    result = audit(parse_map(MAP3, "m.yaml"), root, Settings(region=settings))
    row = next(f for f in result.findings if f.evidence.code == "I4-L1-01")
    assert row.status is Status.WEAK and [r.value for r in row.reasons] == ["misplaced"]
    assert row.documents[0].pinned


def test_pinned_file_that_is_not_read_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/SK.pdf": SK, f"{KOMINFO}/Thumbs.db": b"x"})
    settings = RegionSettings(
        source="s.yaml", pins=(Pin(file=f"{KOMINFO}/Thumbs.db", evidence="I4-L1-01"),)
    )
    audit(parse_map(MAP3, "m.yaml"), root, Settings(region=settings))
    assert "the pinned file 01. Diskominfo/Thumbs.db is not read in this audit" in caplog.text


def test_pinned_draft_stays_weak(tmp_path: Path) -> None:
    """A pin says which row a file answers; it never makes a draft final."""
    draft = Regulation(topic="Penetapan Tim Pelaksana", form="KEPUTUSAN", draft=True)
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/berkas-tim.pdf": draft})
    file = tmp_path / "s.yaml"
    file.write_text(
        "pins:\n  - {file: '01. Diskominfo/berkas-tim.pdf', evidence: I4-L1-01, note: SK Tim}\n",
        "utf-8",
    )
    settings = load_settings(file)
    check_against(settings, parse_map(MAP3, "m.yaml"), root)
    result = audit(parse_map(MAP3, "m.yaml"), root, Settings(region=settings))
    row = next(f for f in result.findings if f.evidence.code == "I4-L1-01")
    assert row.status is Status.WEAK and [r.value for r in row.reasons] == ["draft"]
    assert row.documents[0].pinned and row.documents[0].path == "01. Diskominfo/berkas-tim.pdf"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("deadline: besok\n", 's.yaml: deadline: expected a date such as 2027-03-31, got "besok"'),
        ("regio: X\n", 's.yaml: unknown key "regio" (expected one of: region, coordinator, '
         "deadline, assumed_levels, pins, waivers)"),
        ("waivers:\n  - {evidence: I4-L2-01}\n", 's.yaml: waivers[0]: missing key "reason"'),
        ("pins:\n  - {file: a.pdf, evidence: I9-L9-09}\n",
         's.yaml: pins[0].evidence: "I9-L9-09" is not an evidence id or code of the map'),
        ("pins:\n  - {file: tidak-ada.pdf, evidence: I4-L1-01}\n",
         's.yaml: pins[0].file: "tidak-ada.pdf" is not a file under the evidence folder'),
        ("assumed_levels: {I5: 7}\n", "s.yaml: assumed_levels.I5: expected a level from 1 to 5, got 7"),
        ("coordinator: {agency: dinkes}\n",
         's.yaml: coordinator.agency: "dinkes" is not an agency id of the map'),
        ("pins: {file: a.pdf}\n", "s.yaml: pins: expected a list, got a mapping"),
        ("pins:\n  - a.pdf\n", 's.yaml: pins[0]: expected a mapping, got "a.pdf"'),
        ("pins:\n  - {evidence: I4-L1-01}\n", 's.yaml: pins[0]: missing key "file"'),
        ("pins:\n  - {file: a.pdf, evidence: I4-L1-01, agency: dinkes}\n",
         's.yaml: pins[0].agency: "dinkes" is not an agency id of the map'),
        ("pins:\n  - {file: a.pdf, evidence: I4-L1-01, agency: bappeda}\n",
         's.yaml: pins[0].agency: "bappeda" is not an owner of I4-L1-01 (owners: diskominfo)'),
        ("pins:\n  - {file: a.pdf, evidence: I4-L1-01, until: besok}\n",
         's.yaml: pins[0].until: expected a date such as 2027-03-31, got "besok"'),
        ("pins:\n  - {file: a.pdf, evidence: I4-L1-01, pinned: yes}\n",
         's.yaml: pins[0]: unknown key "pinned" (expected one of: file, evidence, note, agency, until)'),
        ("waivers:\n  - {evidence: I9-L9-09, reason: x}\n",
         's.yaml: waivers[0].evidence: "I9-L9-09" is not an evidence id or code of the map'),
        ("waivers:\n  - {evidence: I4-L2-01, reason: x, agency: dinkes}\n",
         's.yaml: waivers[0].agency: "dinkes" is not an agency id of the map'),
        ("waivers:\n  - {evidence: i4-l2-notulen, reason: x, agency: bappeda}\n",
         's.yaml: waivers[0].agency: "bappeda" is not an owner of i4-l2-notulen (owners: diskominfo)'),
        ("waivers:\n  - {evidence: I4-L2-01, reason: x, until: 31-06-2027}\n",
         's.yaml: waivers[0].until: expected a date such as 2027-03-31, got "31-06-2027"'),
    ],
)  # fmt: skip
def test_settings_errors_are_one_line_each(tmp_path: Path, text: str, line: str) -> None:
    file = tmp_path / "s.yaml"
    file.write_text(text, "utf-8")
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(SettingsError) as caught:
        check_against(load_settings(file, "s.yaml"), parse_map(MAP3, "m.yaml"), tmp_path)
    assert caught.value.lines == [line]


def test_wrong_settings_file_exits_2_from_the_cli(tmp_path: Path) -> None:
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/SK.pdf": SK})
    (root / "evidence-check.yaml").write_text("deadline: [1\n", "utf-8")
    result = CliRunner().invoke(main, ["audit", str(root), "--map", "spbe-2020", "--no-cache"])
    assert result.exit_code == 2
    assert result.stderr.startswith(str(root / "evidence-check.yaml") + ":")
