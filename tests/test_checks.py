"""Document checks on the traps seen in real files (domain notes, "Traps seen in real files")."""

from __future__ import annotations

import pytest

from evidence_check.checks.draft import draft_marker
from evidence_check.checks.form import detect_form
from evidence_check.checks.instrument import designation
from evidence_check.checks.ratification import main_part, ratification_year
from evidence_check.checks.year import shown_year, title_year
from evidence_check.models import Form
from evidence_check.text import normalize


@pytest.mark.parametrize(
    ("title", "marker"),
    [
        (
            "RANCANGAN PERATURAN BUPATI MOJOSARI NOMOR TAHUN 2024 TENTANG PETA RENCANA SPBE",
            "rancangan",
        ),
        ("DRAFT LAPORAN REVIU ARSITEKTUR SPBE TAHUN 2024", "draft"),
        ("KEPUTUSAN BUPATI NOMOR KEP. XXX/.../2023 TENTANG TIM KOORDINASI SPBE", "NOMOR KEP. XXX"),
        ("KEPUTUSAN BUPATI NOMOR 188.45/ ... /HK/2024 TENTANG TIM", "NOMOR 188.45/ ..."),
        ("PERATURAN BUPATI NOMOR      TAHUN 2024 TENTANG SPBE", "NOMOR"),
        ("LAMPIRAN KEPUTUSAN BUPATI TANGGAL XX XXX 2023", "TANGGAL XX"),
        ("[LAMBANG] BUPATI MOJOSARI PERATURAN BUPATI", "[LAMBANG]"),
    ],
)
def test_drafts_are_recognised_by_their_title_area(title: str, marker: str) -> None:
    assert draft_marker(normalize(title), title, []) == marker


@pytest.mark.parametrize(
    "title",
    [
        "PERATURAN BUPATI MOJOSARI NOMOR 4 TAHUN 2023 TENTANG TATA CARA PENYUSUNAN RANCANGAN PERATURAN",
        "KEPUTUSAN BUPATI MOJOSARI NOMOR 188.45/123/HK/416-012/2024 TENTANG TIM KOORDINASI SPBE",
        "PERATURAN BUPATI NOMOR 5 TAHUN 2020 TENTANG KONSEP SMART CITY",
    ],
)
def test_final_documents_are_not_drafts(title: str) -> None:
    """A topic may speak of "rancangan" or "konsep"; a decree number has dots and slashes."""
    assert (
        draft_marker(normalize(title), title, ["- 2 -", "pasal 3", "draft tarif retribusi 20 ton"])
        is None
    )


def test_a_draft_watermark_in_page_headers_counts() -> None:
    assert draft_marker("peraturan bupati", "PERATURAN BUPATI", ["", "draft"]) == "draft"


def test_main_ratification_block_before_the_annex_counts_not_the_annex_templates() -> None:
    pages = [
        "PERATURAN BUPATI X NOMOR 3 TAHUN 2022",
        "Pasal 10 ... Ditetapkan di Mojosari pada tanggal 4 Desember 2022 BUPATI MOJOSARI, ttd",
        "LAMPIRAN PERATURAN BUPATI\nDitetapkan di ........ pada tanggal ........ KEPALA DINAS",
    ]
    assert main_part(pages) == 2
    assert ratification_year([normalize(p) for p in pages[:2]]) == 2022
    unsigned = [
        pages[0],
        "Pasal 10 ... Ditetapkan di Mojosari pada tanggal ........ BUPATI",
        pages[2],
    ]
    assert ratification_year([normalize(p) for p in unsigned[: main_part(unsigned)]]) is None


def test_ratification_dates_in_other_spellings_and_ocr_noise() -> None:
    for closing in (
        "Ditetapkan di : Mojosari Pada tanggal : 30-12-2025",
        "Ditetapkan di Jakarta pada tanggal 20 Juli2O23",
        "Ditetapkan di Mojosari Kabupaten Mojosari pada tanggal 1 Februari 2024",
    ):
        assert ratification_year([normalize(closing)]) is not None, closing


def test_a_documents_year_is_its_own_not_a_cited_laws() -> None:
    perbup = normalize(
        "PERATURAN BUPATI X NOMOR 12 TAHUN 2017 TENTANG SPBE SESUAI UU 23 TAHUN 2014"
    )
    assert title_year(perbup, instrument=True) == 2017
    report = normalize(
        "LAPORAN REVIU PERATURAN BUPATI NOMOR 12 TAHUN 2017 TENTANG ARSITEKTUR SPBE TAHUN 2024"
    )
    assert title_year(report, instrument=False) == 2024
    cited_only = normalize(
        "LAPORAN REVIU PERATURAN BUPATI NOMOR 12 TAHUN 2017 TENTANG ARSITEKTUR SPBE"
    )
    assert title_year(cited_only, instrument=False) is None
    decree = normalize("KEPUTUSAN BUPATI NOMOR 188.45/123/HK/416-012/2024 TENTANG TIM")
    assert title_year(decree, instrument=True) == 2024


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MyASN - Dasbor Instansional 12/11/2025 09:14", 2025),
        ("09:14  12/11/2025", 2025),
        ("Diakses 03-02-2024 pukul 10.02", 2024),
        ("dicetak 12.11.2026", 2026),
        ("2025-11-12 09:14", 2025),
        ("12/11/2024 lalu 05/01/2026", 2026),
        # numbers of instruments, amounts and impossible days or months are no dates
        ("Keputusan Bupati Nomor 100.3.3.2/118/HK/2024", None),
        ("Nomor 188.45/77/2026 tentang Tim", None),
        ("Nomor 188.45/3.4/HK/2025", None),
        ("Nomor 005/1.2/2024", None),
        ("Anggaran Rp 1.250.000 dan 12.500.2025", None),
        ("32/11/2025 dan 12/13/2025 dan 2025-13-01", None),
        ("12/11/25", None),
    ],
)
def test_a_screens_numeric_date_gives_its_year_and_numbers_do_not(
    text: str, expected: int | None
) -> None:
    """A screenshot dated only by its clock would never be outdated; a decree number read as a
    date would date a screenshot by the law it shows."""
    assert shown_year(text) == expected


@pytest.mark.parametrize(
    ("title", "form"),
    [
        (
            "SALINAN BUPATI MOJOSARI PERATURAN BUPATI MOJOSARI NOMOR 1 TAHUN 2024 TENTANG",
            Form.REGULATION,
        ),
        ("PERATURAN WALI KOTA DENPASAR NOMOR 3 TAHUN 2022 TENTANG", Form.REGULATION),
        ("KEPUTUSAN BUPATI MOJOSARI NOMOR 188.45/1/2024 TENTANG TIM", Form.DECREE),
        ("SURAT EDARAN BUPATI TENTANG PENGGUNAAN APLIKASI", Form.CIRCULAR),
        (
            "Nomor : 005/1/2024 Sifat : Penting Lampiran : - Hal : Undangan Rapat Perbup",
            Form.LETTER,
        ),
        ("DAFTAR HADIR RAPAT PENYUSUNAN PERATURAN BUPATI", Form.ATTENDANCE),
        ("NOTULEN RAPAT PEMBAHASAN RANCANGAN PERATURAN BUPATI", Form.MINUTES),
        ("LAPORAN HASIL REVIU ATAS PERATURAN BUPATI NOMOR 1 TAHUN 2020", Form.REPORT),
        ("LAPORAN AKHIR PENYUSUNAN MASTERPLAN SMART CITY KABUPATEN MOJOSARI", Form.PLAN),
        ("STANDAR OPERASIONAL PROSEDUR PEMBANGUNAN APLIKASI", Form.SOP),
    ],
)
def test_forms(title: str, form: Form) -> None:
    assert detect_form(normalize(title), "") is form


def test_form_from_the_name_when_there_is_no_text() -> None:
    assert detect_form("", normalize("Foto kegiatan rapat", file_name=True)) is Form.PHOTO
    assert detect_form("", normalize("Undangan rapat perbup", file_name=True)) is Form.LETTER
    assert detect_form("", normalize("Perbup Arsitektur SPBE", file_name=True)) is Form.REGULATION


def test_an_instruments_designation_is_read_as_printed_tolerant_of_ocr() -> None:
    """A revocation names the instrument it revokes by form, number and year: spacing and OCR
    slips must not hide it, and a Perda or another number must never be taken for it."""
    decree = designation("KEPUTUSAN BUPATI BUKIT SAGO NOMOR 100.3.3.2/12/HK/2023 TENTANG TIM")
    assert decree == designation("Keputusan Bupati Bukit Sago Nomor 100.3.3.2 / 12 / HK / 2O23")
    assert decree is not None and decree[2] == 2023
    perbup = designation("SALINAN BUPATI MOJOSARI PERATURAN BUPATI MOJOSARI NOMOR 5 TAHUN 2019")
    assert perbup == ("peraturan", "5", 2019)
    assert designation("Peraturan Daerah Nomor 5 Tahun 2019") != perbup
    assert designation("Peraturan Bupati Nomor 6 Tahun 2019") != perbup
    assert designation("LAPORAN MONITORING TAHUN 2024") is None
