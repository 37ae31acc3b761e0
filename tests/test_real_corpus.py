"""Real public regulations and reports (read-only): extraction and profile.

The corpus is found at $EVIDENCE_CHECK_CORPUS, else ../shared/corpus/real/ beside the clone;
without either the module is skipped with one line saying so, except under CI=true, where every
test fails instead (CI has the corpus: a silent skip there would hide a regression).

Generated documents are tidy; these have real layouts (SALINAN stamps, OCR noise, citations of
older laws, an image cover). A regulation whose own year is read from a cited law is judged
outdated; a final one taken for a draft is judged `draft`: both cost the region points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from helpers import NO_CORPUS, in_ci, real_corpus

from evidence_check.extract import extract_file
from evidence_check.models import Extraction, Form, Profile, SourceFile
from evidence_check.profile import locate, read

FOUND = real_corpus()
if FOUND is None and not in_ci():
    pytest.skip(NO_CORPUS, allow_module_level=True)
CORPUS = FOUND or Path("corpus-missing")


@dataclass(frozen=True)
class Regulation:
    file: str
    number: str
    topic: tuple[str, ...]
    year: int


REGULATIONS = [
    Regulation(
        "Peraturan BRIN 2 Tahun 2024.pdf",
        "NOMOR 2 TAHUN 2024",
        ("PEDOMAN MANAJEMEN PENGETAHUAN", "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK"),
        2024,
    ),
    Regulation(
        "Perpres 82 Tahun 2023.pdf",
        "NOMOR 82 TAHUN 2023",
        ("PERCEPATAN TRANSFORMASI DIGITAL", "KETERPADUAN LAYANAN"),
        2023,
    ),
    Regulation(
        "Perpres 47 Tahun 2023.pdf",
        "NOMOR 47 TAHUN 2023",
        ("STRATEGI KEAMANAN SIBER NASIONAL", "MANAJEMEN KRISIS SIBER"),
        2023,
    ),
    Regulation(
        "Peraturan Bappenas 16 Tahun 2020.pdf",
        "NOMOR 16 TAHUN 2020",
        ("MANAJEMEN DATA SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",),
        2020,
    ),
    Regulation(
        "PermenPANRB 5 Tahun 2020.pdf",
        "NOMOR 5 TAHUN 2020",
        ("PEDOMAN MANAJEMEN RISIKO", "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK"),
        2020,
    ),
]
SMART_CITY_REPORT = "Laporan Evaluasi Smart City 2022 Kab Malang.pdf"


def corpus_file(name: str) -> Path:
    assert FOUND is not None, NO_CORPUS
    path = CORPUS / name
    assert path.is_file(), f"the real corpus file is missing: {path}"
    return path


@cache
def extracted(name: str) -> Extraction:
    return extract_file(corpus_file(name))


@cache
def profiled(name: str) -> Profile:
    path = corpus_file(name)
    source = SourceFile(path=f"bag-hukum/{name}", absolute=path, agency=None, size=0)
    return locate(source, read(extracted(name), "digest-of-" + name))[0]


def ids(regulation: Regulation) -> str:
    return regulation.file.removesuffix(".pdf")


@pytest.mark.parametrize("regulation", REGULATIONS, ids=ids)
def test_regulation_first_page_has_its_number_and_topic(regulation: Regulation) -> None:
    """The title, number and topic are what matching reads; without them the file matches nothing."""
    extraction = extracted(regulation.file)
    assert extraction.problem is None, extraction.problem
    first = extraction.pages[0]
    assert first.number == 1
    assert first.has_text_layer
    one_line = " ".join(first.text.split())
    assert "PERATURAN" in one_line
    assert regulation.number in one_line
    for words in regulation.topic:
        assert words in one_line


@pytest.mark.parametrize("regulation", REGULATIONS, ids=ids)
def test_regulation_every_page_has_a_text_layer(regulation: Regulation) -> None:
    """Typed PDFs must not be sent to OCR or reported as scans."""
    extraction = extracted(regulation.file)
    assert len(extraction.pages) > 5
    assert all(page.has_text_layer for page in extraction.pages)


@pytest.mark.parametrize("regulation", REGULATIONS, ids=ids)
def test_regulation_profile_reads_as_a_final_ratified_regulation(regulation: Regulation) -> None:
    """A final, enacted regulation must be neither `draft` nor `unsigned`."""
    profile = profiled(regulation.file)
    assert profile.form is Form.REGULATION
    assert profile.reading.draft_marker is None
    assert profile.reading.ratified is True


@pytest.mark.parametrize("regulation", REGULATIONS, ids=ids)
def test_regulation_year_is_its_own_not_a_cited_laws(regulation: Regulation) -> None:
    """Each of these cites older laws (UUD 1945, Perpres 95/2018...); taking their year would
    mark a current regulation `outdated`."""
    opening = " ".join(page.text for page in extracted(regulation.file).pages[:2])
    cited = {int(y) for y in re.findall(r"Tahun\s+(\d{4})", opening)} - {regulation.year}
    assert cited, "the case needs a cited law of another year to mean anything"
    assert profiled(regulation.file).year == regulation.year


def test_regulation_profile_keeps_the_title_for_snippets() -> None:
    """The snippet shown beside a match is the printed title area, not the body."""
    profile = profiled("Peraturan BRIN 2 Tahun 2024.pdf")
    assert "NOMOR 2 TAHUN 2024" in profile.reading.title_display
    assert "Menimbang" not in profile.reading.title_display
    assert profile.reading.title_page == 1


def test_smart_city_report_with_an_image_cover_extracts_its_text_pages() -> None:
    """An image cover must not make the whole report unreadable or no-text."""
    extraction = extracted(SMART_CITY_REPORT)
    assert extraction.problem is None
    assert len(extraction.pages) == 15
    assert extraction.pages[0].has_text_layer is False
    text_pages = [page for page in extraction.pages if page.has_text_layer]
    assert len(text_pages) >= 10
    body = " ".join(" ".join(page.text for page in text_pages).split())
    assert "Hasil Evaluasi" in body
    assert "Baseline" in body


def test_smart_city_report_profile_builds_without_crashing() -> None:
    profile = profiled(SMART_CITY_REPORT)
    assert profile.readable
    assert profile.reading.pages == 15
    assert profile.reading.draft_marker is None
