"""Bundles: one PDF holding several documents ("Data Dukung Indikator 10.pdf"), each judged as a
document of its own and counted for the row it answers; one long document is never cut up."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import build_tree, docgen, statuses

from evidence_check.audit import audit
from evidence_check.evidence_map import parse_map
from evidence_check.extract import extract_file
from evidence_check.models import Settings
from evidence_check.profile import read
from evidence_check.report import json_report, markdown_report

MAP = """\
version: 1
evaluation: {name: Evaluasi 2024, year: 2024}
agencies:
  - {id: bappeda, name: Badan Perencanaan Pembangunan Daerah, aliases: [Bappeda]}
indicators:
  - id: SC-01
    name: Tim Pelaksana Smart City
    evidence:
      - id: sk-tim
        title: Keputusan Bupati tentang Tim Pelaksana Smart City
        kind: decree
        owners: [bappeda]
        keywords: [Tim Pelaksana Smart City]
        must_include: [Keputusan]
      - id: notulen-rapat
        title: Notulen rapat Tim Pelaksana Smart City
        kind: minutes
        owners: [bappeda]
        keywords: [Rapat Tim Pelaksana Smart City]
      - id: laporan-monev
        title: Laporan Monitoring Smart City
        kind: report
        owners: [bappeda]
        keywords: [Laporan Monitoring Pelaksanaan Smart City]
"""

DECREE = docgen.Regulation(
    topic="Tim Pelaksana Smart City", form="KEPUTUSAN", pages_of_articles=0, year=2024,
    signed_date="2 Januari 2024",
)  # fmt: skip
MINUTES = docgen.Minutes(subject="Rapat Tim Pelaksana Smart City")
REPORT = docgen.Report(title="Laporan Monitoring Pelaksanaan Smart City")


def test_a_three_part_bundle_counts_each_part_for_its_own_row(tmp_path: Path) -> None:
    root = build_tree(
        tmp_path / "tree",
        {"Bappeda/Data Dukung Indikator 10.pdf": docgen.Bundle([DECREE, MINUTES, REPORT])},
    )
    result = audit(parse_map(MAP, "map.yaml"), root, Settings())
    assert statuses(result) == {
        "sk-tim": ("complete",),
        "notulen-rapat": ("complete",),
        "laporan-monev": ("complete",),
    }
    data = json.loads(json_report.render(result))
    parts = {
        row["evidence"]: (row["documents"][0]["path"], row["documents"][0]["part"])
        for row in data["requirements"]
    }
    path = "Bappeda/Data Dukung Indikator 10.pdf"
    assert parts == {
        "sk-tim": (path, {"first_page": 1, "last_page": 1}),
        "notulen-rapat": (path, {"first_page": 2, "last_page": 2}),
        "laporan-monev": (path, {"first_page": 3, "last_page": 4}),
    }
    (document,) = data["documents"]
    assert document["pages"] == 4
    assert [p["first_page"] for p in document["parts"]] == [1, 2, 3]
    assert f"{path} (hlm. 3-4)" in markdown_report.render(result, "id")


def test_the_minutes_on_page_six_of_a_bundle_are_found(tmp_path: Path) -> None:
    """The issue's case: minutes after five pages of something else never counted."""
    letter = docgen.Letter(subject="Tim Pelaksana Smart City")
    bundle = docgen.Bundle(
        [docgen.Regulation(topic="Dewan Smart City", form="KEPUTUSAN"), letter, MINUTES]
    )
    path = docgen.write_pdf(bundle, tmp_path / "Data Dukung Indikator 10.pdf")  # type: ignore[arg-type]
    reading = read(extract_file(path), "x")
    assert [p.part for p in reading.parts] == [(1, 4), (5, 5), (6, 6)]
    assert [p.title_form.value for p in reading.parts] == ["decree", "letter", "minutes"]


def test_one_long_regulation_is_not_split_at_its_chapters_or_annex(tmp_path: Path) -> None:
    regulation = docgen.Regulation(
        topic="Arsitektur SPBE", pages_of_articles=4, annex_with_blank_signature=True
    )
    path = docgen.write_pdf(regulation, tmp_path / "perbup.pdf")
    reading = read(extract_file(path), "x")
    assert reading.pages == 7
    assert reading.parts == ()
    assert reading.ratified


def test_a_report_with_a_running_header_is_one_document(tmp_path: Path) -> None:
    class Headed(docgen.Report):
        def pages(self) -> list[list[str]]:
            cover, body = super().pages()
            header = "LAPORAN MONITORING PELAKSANAAN SMART CITY TAHUN 2024"
            return [cover] + [[header, *body[i : i + 4]] for i in range(0, len(body), 4)]

    path = docgen.write_pdf(Headed(title=REPORT.title), tmp_path / "laporan.pdf")  # type: ignore[arg-type]
    reading = read(extract_file(path), "x")
    assert reading.pages >= 4
    assert reading.parts == ()


def test_a_scanned_bundle_is_split_from_its_ocr_text(tmp_path: Path) -> None:
    """Bundles are often scans: the heads are found in the OCR text, without any layout."""
    bundle = docgen.Bundle([DECREE, docgen.Attendance(subject="Rapat Tim Pelaksana Smart City")])
    scan = docgen.write_scan(bundle, tmp_path / "scan_0001.pdf")  # type: ignore[arg-type]
    reading = read(extract_file(scan, use_ocr=True), "x")
    assert reading.ocr_pages == (1, 2)
    assert [(p.part, p.title_form.value) for p in reading.parts] == [
        ((1, 1), "decree"),
        ((2, 2), "attendance"),
    ]


PLAN_COVER = docgen.Pages(
    [
        [
            "RENCANA KOLABORASI",
            "LINTAS PERANGKAT DAERAH",
            "TAHUN 2026",
            "PEMERINTAH KABUPATEN MOJOSARI",
        ],
        ["BAB I PENDAHULUAN", "Rincian rencana kolaborasi antar perangkat daerah " * 6],
    ]
)


def test_a_plan_after_a_closed_decree_is_a_part_of_its_own(tmp_path: Path) -> None:
    """A plan's cover page after a signed decree (and its annex) opens a document of its own."""
    bundle = docgen.Bundle(
        [docgen.Regulation(topic="Tim Koordinasi SPBE", form="KEPUTUSAN"), PLAN_COVER]
    )
    path = docgen.write_pdf(bundle, tmp_path / "Data Dukung Indikator 4.pdf")  # type: ignore[arg-type]
    reading = read(extract_file(path), "x")
    assert [p.title_form.value for p in reading.parts] == ["decree", "plan"]


def test_a_plans_own_section_cover_after_a_signed_foreword_is_not_a_split(tmp_path: Path) -> None:
    """A Renstra signs its foreword (name and NIP, no "ttd") and may open a section with a cover
    that names a plan: one document all the same."""
    renstra = docgen.Pages(
        [
            ["RENCANA STRATEGIS", "DINAS KOMUNIKASI DAN INFORMATIKA", "TAHUN 2025-2029"],
            ["KATA PENGANTAR", "Puji syukur kami panjatkan atas tersusunnya dokumen ini.",
             "Kepala Dinas,", "Ir. BUDI SANTOSO, M.T.", "NIP. 19770312 200312 1 007"],
            ["RENCANA KERJA", "TAHUN 2026", "DINAS KOMUNIKASI DAN INFORMATIKA"],
            ["BAB I PENDAHULUAN", "Isi rencana kerja tahunan dinas " * 8],
        ]
    )  # fmt: skip
    path = docgen.write_pdf(renstra, tmp_path / "Renstra.pdf")  # type: ignore[arg-type]
    assert len(read(extract_file(path), "x").parts) <= 1
