"""OCR of scans and photos, for real with Tesseract: a missing tool fails here, it is not skipped."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from helpers import build_tree, docgen, run_audit, statuses

from evidence_check.audit import audit
from evidence_check.evidence_map import parse_map
from evidence_check.extract import extract_file, ocr
from evidence_check.models import Settings
from evidence_check.profile import read

ARSITEKTUR = "Arsitektur Sistem Pemerintahan Berbasis Elektronik"


def test_tesseract_and_antiword_are_installed() -> None:
    assert ocr.available(), (
        "Tesseract with its Indonesian model is missing: run `make setup` "
        "(Debian: apt-get install tesseract-ocr tesseract-ocr-ind)"
    )
    assert shutil.which("antiword"), (
        "antiword is missing: run `make setup` (apt-get install antiword)"
    )


@pytest.mark.parametrize("rotate", [0, 90, 180])
def test_a_scan_is_read_upright_whatever_way_it_was_scanned(tmp_path: Path, rotate: int) -> None:
    scan = docgen.write_scan(
        docgen.Regulation(topic=ARSITEKTUR, year=2023), tmp_path / "scan.pdf", rotate=rotate
    )
    reading = read(extract_file(scan, use_ocr=True), "x")
    assert reading.ocr_pages == (1, 2, 3, 4)
    assert "NOMOR 12 TAHUN 2023" in reading.title_display
    assert (reading.text_year, reading.ratified, reading.draft_marker) == (2023, True, None)


def test_a_scanned_draft_is_still_a_draft(tmp_path: Path) -> None:
    draft = docgen.Regulation(topic=ARSITEKTUR, draft=True, signed=False)
    reading = read(extract_file(docgen.write_scan(draft, tmp_path / "d.pdf"), use_ocr=True), "x")
    assert reading.draft_marker == "rancangan"


def test_scans_and_photos_are_judged_like_their_text_twins(tmp_path: Path) -> None:
    twin = docgen.Regulation(
        topic=ARSITEKTUR, pages_of_articles=0
    )  # one page: a photo holds it all
    text = assert_rows(tmp_path / "text", {"Bagian Hukum/a.pdf": twin})
    scanned = build_tree(tmp_path / "scan", {})
    docgen.write_scan(twin, scanned / "Bagian Hukum" / "scan_0001.pdf")
    docgen.write_photo(twin, scanned / "Bagian Hukum" / "IMG-20240101-WA0001.jpg")
    assert statuses(run_audit(scanned))["arsitektur-perbup"] == text == ("complete",)


def assert_rows(root: Path, files: dict[str, docgen.Document]) -> tuple[str, ...]:
    return statuses(run_audit(build_tree(root, files)))["arsitektur-perbup"]


def test_a_blank_scan_stays_no_text(tmp_path: Path) -> None:
    blank = docgen.write_scan(
        None, tmp_path / "Perbup Arsitektur SPBE.pdf", pages=[docgen.blank_page()]
    )
    extraction = extract_file(blank, use_ocr=True)
    assert extraction.problem is not None and extraction.problem.code.value == "no-text"


def test_an_unchanged_tree_is_never_ocrd_again_and_full_reads_only_the_pages_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers import MAP

    root = build_tree(tmp_path / "tree", {})
    docgen.write_scan(docgen.Regulation(topic=ARSITEKTUR), root / "Bagian Hukum" / "scan_0042.pdf")
    settings = Settings(cache_dir=tmp_path / "cache")
    evidence_map = parse_map(MAP, "map.yaml")
    first = audit(evidence_map, root, settings)
    # auto: the title page and the closing page with its ratification block; 2 and 3 probed
    assert (first.documents[0].ocr_pages, first.documents[0].probed_pages) == ((1, 4), (2, 3))
    log = tmp_path / "pages-ocrd.txt"  # written by the reader processes
    real = ocr.read_pdf_page

    def counted(number: int, render: object) -> str:
        recording = ocr._RECORDING.get()
        if recording is None or number not in recording.known:
            with log.open("a") as out:
                out.write(f"{number}\n")
        return real(number, render)  # type: ignore[arg-type]

    def no_more_ocr(*args: object, **kwargs: object) -> str:
        raise AssertionError("OCR ran again on an unchanged file")

    monkeypatch.setattr(ocr, "_ocr", no_more_ocr)
    second = audit(evidence_map, root, settings)
    assert second.findings == first.findings
    monkeypatch.undo()
    monkeypatch.setattr(ocr, "read_pdf_page", counted)
    full = audit(evidence_map, root, dataclasses.replace(settings, ocr_targeted=False))
    assert (full.documents[0].ocr_pages, full.documents[0].probed_pages) == ((1, 2, 3, 4), ())
    assert log.read_text().split() == ["2", "3"]  # pages 1 and 4 come from the cache's pages
    assert statuses(full) == statuses(first)


def test_targeted_ocr_judges_a_scanned_tree_like_full_ocr(tmp_path: Path) -> None:
    """Decrees with annexes, an unsigned draft, a report, a bundle of minutes and attendance:
    the same rows, with fewer pages read in full."""
    root = build_tree(tmp_path / "tree", {})
    annex = [["LAMPIRAN KEPUTUSAN BUPATI MOJOSARI", "SUSUNAN KEANGGOTAAN TIM"]
             + [f"{i}. Nama Anggota {i} Jabatan Anggota" for i in range(1, 25)]] * 3  # fmt: skip
    decree = docgen.Regulation(topic="Tim Koordinasi SPBE", form="KEPUTUSAN", pages_of_articles=1)
    docgen.write_scan(docgen.Pages(decree.pages() + annex), root / "Bagian Hukum" / "sk.pdf")
    draft = docgen.Regulation(topic=ARSITEKTUR, draft=True, signed=False, pages_of_articles=3)
    docgen.write_scan(draft, root / "Bagian Hukum" / "perbup.pdf")
    report = docgen.Report(title="Laporan Evaluasi SPBE", period="TAHUN 2024")
    minutes = docgen.Minutes(subject="Rapat Koordinasi SPBE")
    bundle = docgen.Bundle([report, minutes, docgen.Attendance(subject="Rapat Koordinasi SPBE")])
    docgen.write_scan(bundle, root / "Diskominfo" / "data dukung.pdf")
    auto = run_audit(root)
    full = run_audit(root, ocr_targeted=False)
    assert statuses(auto) == statuses(full)
    assert sum(len(d.ocr_pages) for d in auto.documents) < sum(
        len(d.ocr_pages) for d in full.documents
    )
    assert {d.path: d.parts for d in auto.documents} == {d.path: d.parts for d in full.documents}


def test_a_scan_and_a_print_of_one_report_count_once(tmp_path: Path) -> None:
    """Two copies of TW I (one scanned) are not the two reports a min_count of 2 asks for."""
    first = docgen.Report(
        title="Laporan Monitoring Pelaksanaan Smart City",
        period="TRIWULAN I TAHUN 2025",
        signed_date="5 April 2025",
    )
    second = docgen.Report(
        title="Laporan Monitoring Pelaksanaan Smart City",
        period="TRIWULAN II TAHUN 2025",
        signed_date="5 Juli 2025",
    )
    root = build_tree(tmp_path / "tree", {"Bappeda/TW1.pdf": first})
    docgen.write_scan(first, root / "Bappeda" / "scan TW1.pdf")
    assert statuses(run_audit(root))["laporan-triwulan@bappeda"] == ("weak", "too-few")
    docgen.write_scan(second, root / "Bappeda" / "scan TW2.pdf")
    assert statuses(run_audit(root))["laporan-triwulan@bappeda"] == ("complete",)
