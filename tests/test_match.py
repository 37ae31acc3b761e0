"""Matching signals: what makes a document the evidence, and what must not."""

from __future__ import annotations

from evidence_check.match import Words
from evidence_check.text import normalize


def score(phrase: str, text: str) -> float:
    return Words.of(normalize(text)).phrase_score(tuple(normalize(phrase).split()))


def test_long_and_short_forms_meet() -> None:
    """ "Arsitektur SPBE" in a map finds the printed long form, and the reverse."""
    title = "PERATURAN BUPATI NOMOR 1 TAHUN 2023 TENTANG ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK"
    assert score("Arsitektur SPBE", title) == 100
    assert (
        score("Arsitektur Sistem Pemerintahan Berbasis Elektronik", "Perbup Arsitektur SPBE") == 100
    )


def test_file_name_abbreviations_are_written_out() -> None:
    name = normalize("Indikator1a-Perbup_Ttg_ArsitekturSPBE_Th2O23", file_name=True)
    assert name == "indikator 1 a peraturan bupati tentang arsitektur spbe tahun 2023"


def test_ocr_slips_still_match() -> None:
    assert score("Manajemen Keamanan Informasi", "KEBIJAKAN MANAJEMEN KEAMANAN INFORMASl") >= 80
    assert score("Republik Indonesia", "REPUBLIK INOONESIA") >= 80
    assert normalize("TAHUN 2O23 P E R A T U R A N  B U P A T I") == "tahun 2023 peraturan bupati"


def test_sibling_topics_stay_far_below_the_near_threshold() -> None:
    """A regulation on Arsitektur SPBE is no near match for the Peta Rencana SPBE."""
    title = "PERATURAN BUPATI TENTANG ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK"
    assert score("Peta Rencana SPBE", title) < 60
    assert score("Tim Pelaksana Smart City", "KEPUTUSAN BUPATI TENTANG DEWAN SMART CITY") < 60
    assert score("Reviu Arsitektur SPBE", title) < 60


def test_words_of_a_phrase_must_stand_together() -> None:
    far = "ARSITEKTUR " + "kata " * 30 + "SPBE"
    assert score("Arsitektur SPBE", far) < 60
    assert score("Reviu Arsitektur SPBE", "LAPORAN REVIU KEBIJAKAN INTERNAL ARSITEKTUR SPBE") == 100


def test_city_regulations_count_as_regent_regulations() -> None:
    """A kota's Peraturan Wali Kota satisfies a map written for a Peraturan Bupati."""
    assert score("Peraturan Bupati", "PERATURAN WALI KOTA DENPASAR NOMOR 3 TAHUN 2022") == 100
    assert score("Peraturan Bupati", "Perwal 3 2022 SPBE") == 100


def test_one_ocr_slip_per_word_is_forgiven_two_are_another_word() -> None:
    """ "Pembahasan" (a discussion) is not "Pembiayaan" (financing): an invitation to discuss
    something must not nearly match a financing agreement."""
    assert score("Arsitektur SPBE", "ARSITEKTVR SPBE") >= 80
    assert score("Pembiayaan Smart City", "RAPAT PEMBAHASAN SMART CITY") < 60


def test_indonesian_titles_put_words_between_a_phrases_words() -> None:
    title = "LAPORAN REVIU ATAS KEBIJAKAN INTERNAL TENTANG ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK"
    assert score("Laporan Reviu Arsitektur SPBE", title) == 100


def test_word_order_inside_a_phrase_counts() -> None:
    """A security audit of an application is not the application audit (a sibling row)."""
    assert score("Audit Aplikasi SPBE", "LAPORAN AUDIT KEAMANAN SPBE PADA APLIKASI") < 60
    assert score("Audit Keamanan SPBE", "LAPORAN AUDIT KEAMANAN SPBE PADA APLIKASI") == 100
    assert score("Audit Aplikasi SPBE", "LAPORAN AUDIT APLIKASI SPBE TAHUN 2025") == 100
    # a word repeated later still finds its place after the previous word
    assert score("Tim Koordinasi SPBE", "TIM PENYUSUN SPBE DAN TIM KOORDINASI SPBE") == 100
