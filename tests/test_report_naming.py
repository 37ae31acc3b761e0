"""File-name advice: names that say nothing are spotted, and the suggested names describe the file.

If this breaks, an evaluator is left opening `scan_0042.pdf` to find the Perbup, or a well-named
file gets a pointless rename suggestion.
"""

from __future__ import annotations

import re

import pytest

from evidence_check.report.naming import (
    document_number,
    is_undescriptive,
    shorten_title,
    suggest_name,
)


@pytest.mark.parametrize(
    "path",
    [
        "scan_0042.pdf",
        "01. DISKOMINFO/IMG-20240612-WA0003.jpg",
        "DSC01234.JPG",
        "DSCN0001.jpg",
        "WhatsApp Image 2024-06-12 at 10.21.33.jpeg",
        "dokumen1.pdf",
        "Dokumen 2.docx",
        "New Document.docx",
        "12345.pdf",
        "2024-06-12.pdf",
        "scan_0042 (1).pdf",
        "Document - Copy.pdf",
        "CamScanner 06-12-2024 10.21.pdf",
        "PXL_20240612_102133.jpg",
        "Untitled.pdf",
    ],
)
def test_names_that_say_nothing_are_spotted(path: str) -> None:
    assert is_undescriptive(path)


@pytest.mark.parametrize(
    "path",
    [
        "Indikator1a-Perbup-ArsitekturSPBE.pdf",
        "Perbup 12 2023.pdf",
        "Foto kegiatan sosialisasi.jpg",
        "Undangan koordinasi.pdf",
        "scan/Perbup Arsitektur.pdf",
        "SK Tim Koordinasi.pdf",
        "Notulen Rapat TW1 2025.pdf",
    ],
)
def test_descriptive_names_are_left_alone(path: str) -> None:
    assert not is_undescriptive(path)


@pytest.mark.parametrize(
    ("title", "short"),
    [
        ("Peraturan Bupati tentang Arsitektur SPBE (ditetapkan)", "Perbup-ArsitekturSPBE"),
        ("Rancangan Peraturan Bupati tentang Layanan Pusat Data", "Ranperbup-LayananPusatData"),
        ("Keputusan Bupati tentang Tim Koordinasi SPBE", "Kepbup-TimKoordinasiSPBE"),
        (
            "Dokumen Peta Rencana SPBE (lampiran Perbup) dengan seluruh muatan: tata kelola",
            "DokumenPetaRencanaSPBE",
        ),
        (
            "Standar Operasional Prosedur pembangunan aplikasi yang memuat siklus",
            "SOPPembangunanAplikasi",
        ),
    ],
)
def test_requirement_titles_are_shortened_to_form_and_topic(title: str, short: str) -> None:
    assert shorten_title(title) == short


def test_suggestion_carries_indicator_requirement_number_and_year() -> None:
    name = suggest_name(
        indicator="SPBE-09",
        title="Peraturan Bupati tentang Manajemen Keamanan Informasi (ditetapkan)",
        path="01. DISKOMINFO/scan_0042.PDF",
        snippet="PERATURAN BUPATI MOJOSARI NOMOR 7 TAHUN 2023 TENTANG MANAJEMEN",
        year=2023,
    )
    assert name == "SPBE-09-Perbup-ManajemenKeamananInformasi-No7-2023.pdf"


def test_suggestion_without_a_number_uses_the_year_or_nothing() -> None:
    common = {"indicator": "SC 01", "title": "Keputusan Bupati tentang Dewan Smart City"}
    assert (
        suggest_name(**common, path="IMG_1.jpg", snippet="KEPUTUSAN BUPATI", year=2024)
        == "SC-01-Kepbup-DewanSmartCity-2024.jpg"
    )
    assert suggest_name(**common, path="x.pdf", snippet=None, year=None) == (
        "SC-01-Kepbup-DewanSmartCity.pdf"
    )


def test_suggestions_are_safe_file_names_whatever_the_map_says() -> None:
    """A suggestion must be usable on Windows: no slashes, colons, quotes or spaces."""
    name = suggest_name(
        indicator="A/B:C",
        title='Peraturan "Khusus" tentang Ékologi / Lingkungan * Hidup?',
        path="scan.pdf",
        snippet=None,
        year=None,
    )
    assert re.fullmatch(r"[A-Za-z0-9-]+\.pdf", name), name


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("PERATURAN BUPATI MOJOSARI NOMOR 12 TAHUN 2023 TENTANG", ("12", 2023)),
        ("Peraturan Daerah Nomor: 5a Tahun 2019", ("5A", 2019)),
        ("NOMOR ... TAHUN 2024", None),
        ("KEPUTUSAN NOMOR 188/45/KPTS/2024", None),
        (None, None),
    ],
)
def test_document_number_comes_from_the_title_snippet(
    snippet: str | None, expected: tuple[str, int] | None
) -> None:
    assert document_number(snippet) == expected
