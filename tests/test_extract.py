"""Extraction: the text of each page, and a problem (never a crash) for a file that cannot be read.

A user sees extraction through the audit: text missed here is a requirement reported missing, and
an exception here is an audit that stops on one bad upload.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.oxml import parse_xml
from fpdf import FPDF
from PIL import Image

from evidence_check.extract import extract_file
from evidence_check.models import Extraction, Reason

sys.path.insert(0, str(Path(__file__).parents[1] / "scripts"))
import docgen

TOPIC = "Arsitektur Sistem Pemerintahan Berbasis Elektronik"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def regulation_pdf(path: Path) -> Path:
    return docgen.write_pdf(docgen.Regulation(topic=TOPIC, number="12", year=2023), path)


def assert_problem(extraction: Extraction, code: Reason) -> None:
    assert extraction.problem is not None, "a broken file was read as if it were fine"
    assert extraction.problem.code is code
    assert extraction.problem.detail.strip(), "the problem must say what is wrong"


# --- PDF -----------------------------------------------------------------------------------------


def test_pdf_text_comes_page_by_page(tmp_path: Path) -> None:
    """The page of a match is shown to the user; text on the wrong page sends them looking."""
    extraction = extract_file(regulation_pdf(tmp_path / "Perbup.pdf"))
    assert extraction.problem is None
    assert [p.number for p in extraction.pages] == [1, 2, 3, 4]
    assert all(p.has_text_layer for p in extraction.pages)
    first, *_, closing = extraction.pages
    assert "PERATURAN BUPATI MOJOSARI" in first.text
    assert "NOMOR 12 TAHUN 2023" in first.text
    assert TOPIC.upper() in first.text
    assert "Ditetapkan di" not in first.text
    assert "Ditetapkan di Mojosari" in closing.text
    assert "pada tanggal 4 Desember 2023" in closing.text
    assert "Pasal 1" in extraction.pages[1].text
    assert extraction.pages_total == 4


def test_pdf_with_docx_suffix_is_read_as_pdf(tmp_path: Path) -> None:
    """A PDF saved under a .docx name is still the document the evaluator will open."""
    wrong = tmp_path / "Perbup.docx"
    wrong.write_bytes(regulation_pdf(tmp_path / "Perbup.pdf").read_bytes())
    extraction = extract_file(wrong)
    assert extraction.problem is None
    assert [p.number for p in extraction.pages] == [1, 2, 3, 4]
    assert "NOMOR 12 TAHUN 2023" in extraction.pages[0].text


def test_image_only_pdf_page_has_no_text_layer_and_the_file_gets_no_text(tmp_path: Path) -> None:
    """A scan without OCR must be reported as no-text so the user knows to OCR or re-scan it."""
    picture = tmp_path / "scan.png"
    Image.new("RGB", (600, 800), "white").save(picture)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(picture), x=0, y=0, w=210)
    path = tmp_path / "Perbup scan.pdf"
    pdf.output(str(path))
    extraction = extract_file(path)
    assert [p.has_text_layer for p in extraction.pages] == [False]
    assert_problem(extraction, Reason.NO_TEXT)


def test_image_page_among_text_pages_is_marked_without_failing_the_file(tmp_path: Path) -> None:
    """A scanned cover before typed pages: the typed pages still count."""
    picture = tmp_path / "cover.png"
    Image.new("RGB", (300, 400), "white").save(picture)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(picture), x=0, y=0, w=210)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "LAPORAN HASIL REVIU ARSITEKTUR SPBE TAHUN 2024 " * 4)
    path = tmp_path / "Laporan.pdf"
    pdf.output(str(path))
    extraction = extract_file(path)
    assert extraction.problem is None
    assert [p.has_text_layer for p in extraction.pages] == [False, True]
    assert "LAPORAN HASIL REVIU" in extraction.pages[1].text


# --- broken inputs -------------------------------------------------------------------------------


def test_empty_file_is_unreadable(tmp_path: Path) -> None:
    """A 0-byte upload (a failed sync) must be flagged, not skipped or crash the audit."""
    path = tmp_path / "Perbup.pdf"
    path.write_bytes(b"")
    extraction = extract_file(path)
    assert_problem(extraction, Reason.UNREADABLE)
    assert extraction.pages == ()


@pytest.mark.parametrize("keep", [0.5, 0.2, 0.02])
def test_truncated_pdf_is_unreadable(tmp_path: Path, keep: float) -> None:
    """A half-downloaded PDF must become `unreadable` for its row, not an internal error."""
    whole = regulation_pdf(tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "Perbup.pdf"
    path.write_bytes(whole[: int(len(whole) * keep)])
    assert_problem(extract_file(path), Reason.UNREADABLE)


def test_random_bytes_named_pdf_are_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "Perbup.pdf"
    path.write_bytes(os.urandom(4096))
    assert_problem(extract_file(path), Reason.UNREADABLE)


def test_encrypted_pdf_is_unreadable_and_says_so(tmp_path: Path) -> None:
    """A password-protected upload cannot be scored by the evaluator either: the user must see it."""
    assert importlib.util.find_spec("cryptography") is not None, (
        "fpdf2 needs the `cryptography` package to write an encrypted PDF; install it in .venv"
    )
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "PERATURAN BUPATI MOJOSARI NOMOR 12 TAHUN 2023 TENTANG ARSITEKTUR SPBE")
    pdf.set_encryption(owner_password="pemilik", user_password="rahasia")
    path = tmp_path / "Perbup.pdf"
    pdf.output(str(path))
    extraction = extract_file(path)
    assert_problem(extraction, Reason.UNREADABLE)
    assert extraction.problem is not None
    assert "encrypted" in extraction.problem.detail


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    """Government PDFs often carry print/copy restrictions only; they open without a password."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "PERATURAN BUPATI MOJOSARI NOMOR 12 TAHUN 2023 TENTANG ARSITEKTUR SPBE")
    pdf.set_encryption(owner_password="pemilik")
    path = tmp_path / "Perbup.pdf"
    pdf.output(str(path))
    extraction = extract_file(path)
    assert extraction.problem is None
    assert "NOMOR 12 TAHUN 2023" in extraction.pages[0].text


def test_legacy_doc_renamed_docx_is_unreadable_and_named_as_such(tmp_path: Path) -> None:
    """The user must learn the file is an old .doc, so they re-save it rather than re-upload it."""
    path = tmp_path / "SK Tim SPBE.docx"
    path.write_bytes(OLE_MAGIC + os.urandom(2048))
    extraction = extract_file(path)
    assert_problem(extraction, Reason.UNREADABLE)
    assert extraction.problem is not None
    assert ".doc" in extraction.problem.detail


def test_zip_that_is_not_a_docx_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "Laporan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("foto/kegiatan.txt", "bukan dokumen Word")
    assert_problem(extract_file(path), Reason.UNREADABLE)


def test_random_bytes_named_docx_are_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "Laporan.docx"
    path.write_bytes(os.urandom(3000))
    assert_problem(extract_file(path), Reason.UNREADABLE)


def test_docx_with_broken_xml_is_unreadable(tmp_path: Path) -> None:
    """A damaged Word file (cut XML inside a valid ZIP) must not stop the audit."""
    path = tmp_path / "Laporan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document xmlns:w='x'><w:body><w:p>")
    assert_problem(extract_file(path), Reason.UNREADABLE)


def test_empty_docx_gets_no_text(tmp_path: Path) -> None:
    path = tmp_path / "Laporan.docx"
    WordDocument().save(str(path))
    assert_problem(extract_file(path), Reason.NO_TEXT)


# --- DOCX ----------------------------------------------------------------------------------------

_TEXT_BOX_RUN = """
<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
     xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
     xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
     xmlns:v="urn:schemas-microsoft-com:vml">
  <mc:AlternateContent>
    <mc:Choice Requires="wps">
      <w:drawing><wp:anchor><a:graphic><a:graphicData
          uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
        <wps:wsp><wps:txbx><w:txbxContent>
          <w:p><w:r><w:t>KOTAK TEKS: NOMOR 12 TAHUN 2023</w:t></w:r></w:p>
        </w:txbxContent></wps:txbx></wps:wsp>
      </a:graphicData></a:graphic></wp:anchor></w:drawing>
    </mc:Choice>
    <mc:Fallback>
      <w:pict><v:shape><v:textbox><w:txbxContent>
        <w:p><w:r><w:t>KOTAK TEKS: NOMOR 12 TAHUN 2023</w:t></w:r></w:p>
      </w:txbxContent></v:textbox></v:shape></w:pict>
    </mc:Fallback>
  </mc:AlternateContent>
</w:r>
"""


def word_file_with_everything(path: Path) -> Path:
    """Header, a paragraph anchoring a text box, a table, and a closing paragraph, in that order."""
    word = WordDocument()
    word.sections[0].header.paragraphs[0].text = "KOP SURAT DINAS KOMINFO"
    anchor = word.add_paragraph("PARAGRAF PEMBUKA")
    anchor._p.append(parse_xml(_TEXT_BOX_RUN))
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "SEL TABEL SATU"
    table.cell(1, 1).text = "SEL TABEL DUA"
    word.add_paragraph("PARAGRAF PENUTUP")
    word.save(str(path))
    return path


def test_docx_text_includes_header_table_cells_and_text_box(tmp_path: Path) -> None:
    """Title blocks typed in tables or text boxes are common; missing them loses the match."""
    extraction = extract_file(word_file_with_everything(tmp_path / "Perbup.docx"))
    assert extraction.problem is None
    (page,) = extraction.pages
    assert page.number is None
    assert page.has_text_layer
    for expected in (
        "KOP SURAT DINAS KOMINFO",
        "PARAGRAF PEMBUKA",
        "KOTAK TEKS: NOMOR 12 TAHUN 2023",
        "SEL TABEL SATU",
        "SEL TABEL DUA",
        "PARAGRAF PENUTUP",
    ):
        assert expected in page.text


def test_docx_text_is_in_document_order(tmp_path: Path) -> None:
    """The title area is the start of the text: a header or table out of order changes it."""
    text = extract_file(word_file_with_everything(tmp_path / "Perbup.docx")).pages[0].text
    order = [
        "KOP SURAT DINAS KOMINFO",
        "PARAGRAF PEMBUKA",
        "KOTAK TEKS",
        "SEL TABEL SATU",
        "SEL TABEL DUA",
        "PARAGRAF PENUTUP",
    ]
    positions = [text.index(piece) for piece in order]
    assert positions == sorted(positions), text


def test_text_box_with_fallback_is_read_once(tmp_path: Path) -> None:
    """Word stores a text box twice (drawing and VML fallback); copies would double-count."""
    text = extract_file(word_file_with_everything(tmp_path / "Perbup.docx")).pages[0].text
    assert text.count("KOTAK TEKS") == 1


def test_docgen_regulation_docx_reads_title_block_from_table_and_header(tmp_path: Path) -> None:
    regulation = docgen.Regulation(topic=TOPIC, number="7", year=2024)
    path = docgen.write_docx(
        regulation, tmp_path / "Perbup.docx", header="SALINAN SESUAI ASLI", table_rows=6
    )
    extraction = extract_file(path)
    assert extraction.problem is None
    text = extraction.pages[0].text
    assert text.startswith("SALINAN SESUAI ASLI\n")
    assert text.index("NOMOR 7 TAHUN 2024") < text.index(TOPIC.upper()) < text.index("Menimbang")
    assert "Ditetapkan di Mojosari" in text


def test_docx_page_headers_hold_the_header_text_and_words_watermark(tmp_path: Path) -> None:
    """The draft check reads a Word file's header and watermark: without them a DRAFT-marked
    DOCX passes as final. Word's watermark has its word only in v:textpath's `string`."""
    word = WordDocument()
    header = word.sections[0].header.paragraphs[0]
    header.text = "PEMERINTAH KABUPATEN MOJOSARI"
    header._p.append(
        parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            ' xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape>'
            '<v:textpath string="DRAFT"/></v:shape></w:pict></w:r>'
        )
    )
    word.add_paragraph("LAPORAN REVIU ARSITEKTUR SPBE")
    word.save(str(tmp_path / "Laporan.docx"))
    (page,) = extract_file(tmp_path / "Laporan.docx").pages
    assert page.headers == ("PEMERINTAH KABUPATEN MOJOSARI", "DRAFT")
    assert "LAPORAN REVIU" not in " ".join(page.headers)
