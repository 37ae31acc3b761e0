"""Pages whose text layer lies (a broken font map, private-use glyphs, control characters) are
read by OCR like scans; otherwise their title reads as nothing and the region loses the row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import build_tree, docgen, run_audit, statuses

from evidence_check.extract import extract_file
from evidence_check.extract.language import lying
from evidence_check.profile import read
from evidence_check.report import json_report

PERBUP = docgen.Regulation(
    topic="Arsitektur Sistem Pemerintahan Berbasis Elektronik", pages_of_articles=0
)


@pytest.mark.parametrize("private_use", [False, True], ids=["shifted-letters", "private-use"])
def test_a_garbage_layer_page_is_reread_by_ocr(tmp_path: Path, private_use: bool) -> None:
    path = docgen.write_lying_pdf(PERBUP, tmp_path / "perbup.pdf", private_use=private_use)
    extraction = extract_file(path, use_ocr=True)
    assert [page for page, _ in extraction.reread_pages] == [1]
    assert extraction.ocr_pages == (1,)
    reading = read(extraction, "x")
    assert "peraturan bupati mojosari nomor 12 tahun 2023" in reading.title
    assert reading.ratified


def test_the_json_lists_reread_pages_with_the_reason_and_the_row_counts(tmp_path: Path) -> None:
    root = build_tree(tmp_path / "tree", {})
    docgen.write_lying_pdf(PERBUP, root / "Bagian Hukum" / "Perbup Arsitektur SPBE.pdf")
    result = run_audit(root)
    assert statuses(result)["arsitektur-perbup"] == ("complete",)
    (document,) = json.loads(json_report.render(result))["documents"]
    assert document["reread_pages"][0]["page"] == 1
    assert "font map" in document["reread_pages"][0]["reason"]


def test_without_ocr_a_lying_layer_is_no_text_not_garbage_text(tmp_path: Path) -> None:
    path = docgen.write_lying_pdf(PERBUP, tmp_path / "perbup.pdf")
    extraction = extract_file(path, use_ocr=False)
    assert extraction.problem is not None and extraction.problem.code.value == "no-text"
    assert extraction.reread_pages


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(
            line for page in docgen.Regulation(topic="Arsitektur SPBE").pages() for line in page
        ),
        "\n".join(docgen.Attendance(subject="Rapat Tim SPBE").pages()[0]),
        "NO NAMA NIP JABATAN\n"
        + "1 Ir. Budi Santoso, M.T. 19770312 200312 1 007 Kepala Bidang\n" * 20,
        "Rp 1.250.000 2.500.000 3.000.000 12/05/2024 Rp.1000 45% (12)\n" * 20,
        "The annual report of the regional government on information systems and data.\n" * 8,
    ],
    ids=["regulation", "attendance", "roster", "figures", "english"],
)
def test_real_text_is_language(text: str) -> None:
    """Re-reading good pages by OCR would cost minutes and lose text."""
    assert lying(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "\x01\x02\x03\x04 \x05\x06" * 40,
        "(cid:12)(cid:45)(cid:3) " * 30,
        "PERATURAN BUPATI Ã©Ã¨ â€™Ã¢ " * 30,
        "3(5$785$1 %83$7, 02-26$5, 12025 7$+81 " * 10,
        "QHUDWXUDQ EXSDWL PRMRVDUL QRPRU WDKXQ WHQWDQJ DUVLWHNWXU VLVWHP " * 5,
    ],
    ids=["controls", "cid", "mojibake", "shifted-symbols", "shifted-letters"],
)
def test_garbage_is_not_language(text: str) -> None:
    assert lying(text) is not None
