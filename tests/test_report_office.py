"""The Excel and Word reports, opened back with openpyxl and python-docx and read cell by cell.

If these break, the coordinator's tracking sheet loses its filters or colours, or the Nota Dinas
that goes to an OPD lacks its addressee, its subject or the items to act on.
"""

from __future__ import annotations

import io

import docx
import openpyxl
from report_result import result

from evidence_check.report import Bundle, docx_report, xlsx_report
from evidence_check.report.view import select_agency


def _book(lang: str = "id") -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(xlsx_report.render(result(), lang)))


def test_xlsx_has_a_summary_sheet_and_one_sheet_per_agency() -> None:
    book = _book()
    assert book.sheetnames == [
        "Ringkasan",
        "Semua butir",
        "diskominfo",
        "bag-hukum",
        "bappeda",
        "dlh",
    ]
    assert _book("en").sheetnames[0] == "Summary"


def test_xlsx_summary_counts_per_agency_and_group_with_a_filter() -> None:
    sheet = _book()["Ringkasan"]
    assert sheet["A1"].value == "Audit data dukung: Evaluasi SPBE 2025"
    assert sheet["A3"].value == "Ringkasan: 1 lengkap · 4 lemah · 2 belum ada"
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5, max_row=9)]
    assert rows == [
        ["OPD", "Nama OPD", "Lengkap", "Lemah", "Belum ada", "Jumlah"],
        ["diskominfo", "Dinas Komunikasi dan Informatika", 0, 2, 1, 3],
        ["bag-hukum", "Bagian Hukum", 1, 0, 0, 1],
        ["bappeda", "Badan Perencanaan Pembangunan Daerah", 0, 2, 0, 2],
        ["dlh", "Dinas Lingkungan Hidup", 0, 0, 1, 1],
    ]
    assert sheet.auto_filter.ref == "A5:F9"
    groups = [[c.value for c in row] for row in sheet.iter_rows(min_row=11, max_row=14)]
    assert groups[0][0] == "Kelompok" and groups[1][:3] == ["Kebijakan Internal SPBE", None, 1]
    assert groups[3][:5] == ["Manajemen <SPBE>", None, 0, 1, 1]
    assert sheet.column_dimensions["B"].width == 60


def test_xlsx_agency_sheet_rows_colours_filter_and_widths() -> None:
    sheet = _book("en")["diskominfo"]
    header = [c.value for c in sheet[1]]
    assert header[:9] == [
        "Agency",
        "Agency name",
        "Indicator",
        "Group",
        "Item code",
        "Item",
        "Status",
        "Problems",
        "What to do",
    ]
    assert header[9:13] == ["Index gain", "Person in charge", "Deadline", "Led by"]
    assert header[13:] == [
        "File",
        "Page",
        "Score",
        "Year",
        "Snippet",
        "Suggested file name",
        "Other files",
        "Pinned file",
    ]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [r[6] for r in rows] == ["WEAK", "WEAK", "MISSING"]
    assert rows[0][13:17] == ["01. Diskominfo/Reviu Arsitektur 2019.pdf", 2, 88.0, 2019]
    assert rows[0][10] == "Head of Dinas Komunikasi dan Informatika"
    assert rows[0][8] == "Upload a current version (at most 2 years before the evaluation year)."
    assert [sheet.cell(r, 7).fill.fgColor.rgb for r in (2, 3, 4)] == [
        "00FFE082",
        "00FFE082",
        "00FFCDD2",
    ]
    assert sheet.auto_filter.ref == "A1:U4"
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["F"].width == 48


def test_xlsx_never_turns_a_file_name_into_a_formula() -> None:
    cell = _book()["diskominfo"]["N3"]
    assert cell.value == "=HYPERLINK(evil)|*peta*.pdf" and cell.data_type == "s"


def test_xlsx_complete_rows_follow_the_todo_and_carry_the_suggested_name() -> None:
    rows = list(_book()["bag-hukum"].iter_rows(min_row=2, values_only=True))
    assert rows == [
        (
            "bag-hukum",
            "Bagian Hukum",
            "SPBE-01",
            "Kebijakan Internal SPBE",
            "arsitektur-perbup",
            "Peraturan Bupati tentang Arsitektur SPBE (ditetapkan)",
            "LENGKAP",
            None,
            None,
            None,
            "Kepala Bagian Hukum",
            None,
            None,
            "03. Bagian Hukum/scan_0042.pdf",
            1,
            93.5,
            2023,
            "PERATURAN BUPATI MOJOSARI NOMOR 12 TAHUN 2023 TENTANG ARSITEKTUR SPBE",
            "SPBE-01-Perbup-ArsitekturSPBE-No12-2023.pdf",
            None,
            None,
        )
    ]


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.text.strip()]


def test_docx_all_agencies_bundle_has_one_memo_per_agency() -> None:
    rendered = docx_report.render(result(), "id")
    assert isinstance(rendered, Bundle)
    assert sorted(rendered.companions) == ["bag-hukum", "bappeda", "diskominfo", "dlh"]
    # Diskominfo coordinates: it gets its own to-do, not a memo to itself
    assert _paragraphs(rendered).count("NOTA DINAS") == 3
    assert _paragraphs(rendered).count("DAFTAR TINDAK LANJUT INTERNAL") == 1


def test_docx_memo_is_a_nota_dinas_from_the_coordinator_with_the_items_to_act_on() -> None:
    data = docx_report.render(select_agency(result(), "bappeda"), "id")
    assert not isinstance(data, Bundle)
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    texts = _paragraphs(data)
    assert texts[:2] == ["DINAS KOMUNIKASI DAN INFORMATIKA", "NOTA DINAS"]
    assert texts[2].startswith(
        "Berdasarkan pemeriksaan data dukung Evaluasi SPBE 2025 pada 12 Juni"
    )
    assert "0 butir lengkap, 2 butir lemah dan 0 butir yang belum ada" in texts[2]
    # no deadline in the settings: two weeks after the audit
    assert texts[2].endswith("paling lambat 26 Juni 2025:")
    assert texts[-4:] == [
        "Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih.",
        "Kepala Dinas Komunikasi dan Informatika,",
        "(nama lengkap)",
        "NIP. ....................",
    ]
    header, todo = document.tables[0], document.tables[1]
    fields = [(row.cells[0].text, row.cells[2].text) for row in header.rows]
    assert fields == [
        ("Kepada", "Yth. Kepala Badan Perencanaan Pembangunan Daerah"),
        ("Dari", "Kepala Dinas Komunikasi dan Informatika"),
        ("Tembusan", "Sekretaris Daerah"),
        ("Tanggal", "12 Juni 2025"),
        ("Nomor", "..................."),
        ("Sifat", "Segera"),
        ("Lampiran", "-"),
        ("Hal", "Tindak lanjut kelengkapan data dukung Evaluasi SPBE 2025"),
    ]
    rows = [[c.text for c in row.cells] for row in todo.rows]
    assert rows[0] == [
        "No.",
        "Kode butir",
        "Butir data dukung",
        "Status",
        "Masalah",
        "Yang perlu dilakukan",
        "Tambahan indeks",
    ]
    assert rows[1][:4] == [
        "1",
        "SC-01 · sk-tim",
        "Keputusan Bupati tentang Tim Pelaksana Smart City",
        "LEMAH",
    ]
    assert rows[1][4] == (
        "berkas hanya ditemukan di luar folder OPD pemiliknya\n"
        "Berkas: Lain-lain/IMG-20240612-WA0003.jpg (skor 90,0, hlm. 1, tahun 2024, salah folder)"
    )


def test_docx_coordinator_gets_an_internal_todo_not_a_memo_to_itself() -> None:
    data = docx_report.render(select_agency(result(), "diskominfo"), "id")
    document = docx.Document(io.BytesIO(data))
    texts = _paragraphs(data)
    assert "NOTA DINAS" not in texts and "DAFTAR TINDAK LANJUT INTERNAL" in texts
    fields = [row.cells[0].text for row in document.tables[0].rows]
    assert "Kepada" not in fields and "Dari" not in fields
    rows = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert rows[3][:4] == [
        "3",
        "SPBE-02 · keamanan-perbup",
        "Peraturan Bupati tentang Manajemen Keamanan Informasi",
        "BELUM ADA",
    ]
    assert rows[3][5] == "Unggah berkas untuk butir ini ke folder Dinas Komunikasi dan Informatika."


def test_docx_memo_for_an_agency_with_nothing_missing_asks_only_for_renames() -> None:
    document = docx.Document(
        io.BytesIO(docx_report.render(select_agency(result(), "bag-hukum"), "en"))
    )
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert texts[1] == "MEMORANDUM"
    assert texts[2] == (
        "The check of the supporting evidence for Evaluasi SPBE 2025 on 12 June 2025 found all 1 "
        "items led by Bagian Hukum complete. Thank you."
    )
    assert (
        texts[3]
        == "Please also rename the following files so that the evaluator can tell what they hold:"
    )
    renames = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert renames == [
        ["File", "Suggested file name"],
        ["03. Bagian Hukum/scan_0042.pdf", "SPBE-01-Perbup-ArsitekturSPBE-No12-2023.pdf"],
    ]
