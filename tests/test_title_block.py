"""The title block read from the page: the lines that name a document, never a body sentence nor
an e-signature banner; letter-spaced and hyphenated titles rejoined; the form read from its head."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from helpers import docgen

from evidence_check import title
from evidence_check.checks.form import detect_form
from evidence_check.extract import extract_file
from evidence_check.models import Form, Line, Page
from evidence_check.profile import read
from evidence_check.text import collapse, normalize

BANNER = (
    "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik "
    "yang diterbitkan oleh Balai Sertifikasi Elektronik (BSrE), BSSN."
)


def _pdf(path: Path, lines: list[tuple[str, float, str, str]], *, spacing: float = 0.0) -> Path:
    """A page of (text, size, style, align) lines, as a word processor sets a title page."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    for text, size, style, align in lines:
        pdf.set_font("Helvetica", style=style, size=size)
        pdf.set_char_spacing(spacing if text.startswith("PERATURAN") else 0.0)
        pdf.multi_cell(0, size * 0.6, text, align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


TITLE_PAGE = [
    ("BUPATI MOJOSARI", 14, "B", "C"),
    ("PROVINSI JAWA TIMUR", 14, "B", "C"),
    ("PERATURAN BUPATI MOJOSARI", 14, "B", "C"),
    ("NOMOR 7 TAHUN 2024", 12, "B", "C"),
    ("TENTANG", 12, "B", "C"),
    ("PETA RENCANA SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", 12, "B", "C"),
    ("Dengan rahmat Tuhan Yang Maha Esa", 11, "", "C"),
    (
        "Menimbang : bahwa untuk melaksanakan peta rencana perlu diatur dengan peraturan;",
        11,
        "",
        "L",
    ),
]


def test_the_layout_of_a_title_page_is_read_from_pdfium(tmp_path: Path) -> None:
    page = extract_file(_pdf(tmp_path / "p.pdf", TITLE_PAGE)).pages[0]
    first = page.lines[0]
    assert (first.text, first.size, first.bold, first.centred) == (
        "BUPATI MOJOSARI",
        14.0,
        True,
        True,
    )
    assert not page.lines[-1].centred and not page.lines[-1].bold
    reading = read(extract_file(tmp_path / "p.pdf"), "x")
    assert reading.title == (
        "bupati mojosari provinsi jawa timur peraturan bupati mojosari nomor 7 tahun 2024 "
        "tentang peta rencana spbe"
    )
    # "... tentang Peta Rencana" is a regulation, not a plan
    assert reading.title_form is Form.REGULATION


def test_an_e_signature_banner_above_the_title_is_not_the_title(tmp_path: Path) -> None:
    lines = [(BANNER, 7, "", "L"), *TITLE_PAGE]
    reading = read(extract_file(_pdf(tmp_path / "p.pdf", lines)), "x")
    assert reading.title.startswith("bupati mojosari provinsi jawa timur peraturan bupati")
    assert "sertifikat" not in reading.title
    assert reading.title_form is Form.REGULATION


def test_a_letter_spaced_title_is_rejoined(tmp_path: Path) -> None:
    lines = [("P E R A T U R A N   B U P A T I   M O J O S A R I", 14, "B", "C"), *TITLE_PAGE[3:]]
    reading = read(extract_file(_pdf(tmp_path / "p.pdf", lines)), "x")
    assert reading.title.startswith("peraturan bupati mojosari nomor 7 tahun 2024")
    spaced = [("PERATURAN BUPATI MOJOSARI", 14, "B", "C"), *TITLE_PAGE[3:]]
    reading = read(extract_file(_pdf(tmp_path / "s.pdf", spaced, spacing=4.0)), "x")
    assert reading.title.startswith("peraturan bupati mojosari nomor 7 tahun 2024")


def test_words_hyphenated_across_lines_are_rejoined() -> None:
    for mark in ("\ufffe", "\u00ad", "-"):
        page = Page(
            number=1,
            text=f"PERATURAN BUPATI MOJOSARI\nTENTANG\nARSITEKTUR SISTEM PEMERIN{mark}\nTAHAN "
            "BERBASIS ELEKTRONIK\nMenimbang : a. bahwa",
            has_text_layer=True,
        )
        assert normalize(title.block(page)).endswith("tentang arsitektur spbe"), mark
    doubled = Page(
        number=1, text="PERATURAN DAERAH\nTENTANG UNDANG-\nUNDANG\n", has_text_layer=True
    )
    assert collapse(title.block(doubled)).endswith("TENTANG UNDANG-UNDANG")
    assert normalize(title.block(doubled)).endswith("tentang undang undang")


def test_a_body_sentence_is_never_the_title_and_rancangan_there_is_no_draft(tmp_path: Path) -> None:
    minutes = docgen.Minutes(subject="Pembahasan Peraturan Bupati tentang Arsitektur SPBE")
    path = docgen.write_pdf(minutes, tmp_path / "notulen.pdf")
    reading = read(extract_file(path), "x")
    assert reading.title == "notulen rapat pembahasan peraturan bupati tentang arsitektur spbe"
    assert reading.title_form is Form.MINUTES
    assert reading.draft_marker is None
    body_draft = Page(
        number=1,
        text="NOTULEN RAPAT\nTIM KOORDINASI SPBE\nPada hari ini dibahas rancangan peraturan bupati "
        "tentang arsitektur yang akan ditetapkan bulan depan.",
        has_text_layer=True,
    )
    assert "rancangan" not in title.block(body_draft).casefold()


def test_minutes_of_a_meeting_on_a_draft_are_final_minutes(tmp_path: Path) -> None:
    minutes = docgen.Minutes(subject="Pembahasan Rancangan Peraturan Bupati Arsitektur SPBE")
    reading = read(extract_file(docgen.write_pdf(minutes, tmp_path / "n.pdf")), "x")
    assert reading.title_form is Form.MINUTES
    assert reading.draft_marker is None
    draft = docgen.Regulation(topic="Arsitektur SPBE", draft=True, signed=False)
    assert read(extract_file(docgen.write_pdf(draft, tmp_path / "d.pdf")), "x").draft_marker


def test_the_layout_sets_a_title_apart_from_a_sentence_in_title_case() -> None:
    lines = (
        Line(
            text="Laporan Kegiatan Penyusunan Dokumen Arsitektur SPBE Kabupaten",
            size=16,
            bold=True,
            centred=True,
        ),
        Line(text="Tahun Anggaran 2024", size=14, bold=True, centred=True),
        Line(
            text="Kegiatan ini dilaksanakan oleh dinas pada bulan Juni bersama seluruh perangkat",
            size=11,
        ),
    )
    page = Page(number=1, text="\n".join(x.text for x in lines), has_text_layer=True, lines=lines)
    assert title.block(page).splitlines() == [lines[0].text, lines[1].text]


def test_the_state_secretariats_copy_serial_above_a_perpres_is_no_decree() -> None:
    # OCR of a JDIH copy of Perpres 47/2023 (corpus/real): the stamp "SK No 161668 A" stands
    # above the emblem and the title; "SK" is Surat Keputusan in a file name, not here
    ocr = (
        "Menimbang\n\nSK No 161668 A\n\nPi\n3)\n\nPRESIDEN\nREPUBLIK INDONESIA\n\n"
        "PERATURAN PRESIDEN REPUBLIK INDONESIA\n\nNOMOR 47 TAHUN 2023\n\nTENTANG\n\n"
        "STRATEGI KEAMANAN SIBER NASIONAL\n\nDAN MANAJEMEN KRISIS SIBER\n\n"
        "DENGAN RAHMAT TUHAN YANG MAHA ESA\n"
    )
    head = title.block(Page(number=1, text=ocr, has_text_layer=False))
    assert "SK No" not in head
    assert detect_form(normalize(head), "") is Form.REGULATION
    decree = "SK No 12 Tahun 2024\nKEPUTUSAN BUPATI MOJOSARI\nTENTANG TIM SPBE\nMenimbang"
    assert (
        detect_form(normalize(title.block(Page(number=1, text=decree, has_text_layer=False))), "")
        is Form.DECREE
    )


def test_the_form_is_read_from_the_head_never_the_topic() -> None:
    assert detect_form(normalize("BUPATI MOJOSARI TENTANG PETA RENCANA SPBE"), "") is not Form.PLAN
    assert (
        detect_form(normalize("PERATURAN BUPATI TENTANG FORMAT NOTULEN RAPAT"), "")
        is Form.REGULATION
    )
    assert detect_form(normalize("RENCANA INDUK SPBE TAHUN 2024"), "") is Form.PLAN


def test_a_docx_title_block_is_read_from_its_paragraph_layout(tmp_path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    word = docx.Document()
    for text, bold in (
        (BANNER, False),
        ("KEPUTUSAN BUPATI MOJOSARI", True),
        ("NOMOR 188.45/12/HK/416-012/2024", True),
        ("TENTANG TIM PELAKSANA SMART CITY", True),
        ("Bahwa dalam rangka pelaksanaan smart city perlu dibentuk tim pelaksana di daerah", False),
    ):
        paragraph = word.add_paragraph()
        run = paragraph.add_run(text)
        run.bold, run.font.size = bold, Pt(14 if bold else 10)
        if bold:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    word.save(str(tmp_path / "sk.docx"))
    page = extract_file(tmp_path / "sk.docx").pages[0]
    assert page.lines[1] == Line(
        text="KEPUTUSAN BUPATI MOJOSARI", size=14.0, bold=True, centred=True
    )
    reading = read(extract_file(tmp_path / "sk.docx"), "x")
    assert reading.title_form is Form.DECREE
    assert reading.title.startswith("keputusan bupati mojosari nomor 188")
    assert reading.title.endswith("tentang tim pelaksana smart city")


def test_a_title_that_names_bsre_is_a_title_not_a_banner(tmp_path: Path) -> None:
    """A report on encryption and electronic certificates names BSrE in its title: dropping that
    line as an e-signature banner loses the document (I10/I11 evidence)."""
    from evidence_check.title import block

    lines = [
        Line(text="LAPORAN PENERAPAN ENKRIPSI DAN SERTIFIKAT ELEKTRONIK BSrE", size=16, bold=True),
        Line(text="PEMERINTAH KABUPATEN MOJOSARI TAHUN 2026", size=14, bold=True),
        Line(
            text="Laporan ini disusun untuk menggambarkan penerapan enkripsi pada layanan.", size=11
        ),
    ]
    assert block(
        Page(
            number=1, text="\n".join(x.text for x in lines), has_text_layer=True, lines=tuple(lines)
        )
    ).startswith("LAPORAN PENERAPAN ENKRIPSI DAN SERTIFIKAT ELEKTRONIK BSrE")
