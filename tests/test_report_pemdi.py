"""The Pemdi turn's facts in every human report, from an in-memory result (report_result.py).

If these break, a coordinator reads a revoked instrument's report without knowing, is told to
upload an external indicator, cannot find a row by its portal code, works on a gated row before
the level that blocks it, sees one predikat name of two, or loses track of waivers and pins.
"""

from __future__ import annotations

import csv
import io
import re

import docx
import openpyxl
import pytest
from report_result import pemdi_result, result

from evidence_check.report import WRITERS, docx_report, xlsx_report
from evidence_check.report.view import build, select_agency

HUMAN = ("text", "markdown", "html", "csv", "xlsx", "docx")
REVOKED = (
    "Instrumen ini telah dicabut oleh PermenPANRB 8/2026; audit untuk siklus 2027 memakai peta "
    "bawaan `pemdi`"
)


def text_of(fmt: str, lang: str = "id", agency: str | None = None) -> str:
    """Everything a person can read in a report, as one string (cells and paragraphs joined)."""
    subject = pemdi_result() if agency is None else select_agency(pemdi_result(), agency)
    rendered = WRITERS[fmt](subject, lang)
    if fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(bytes(rendered)))
        return "\n".join(
            str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value
        )
    if fmt == "docx":
        document = docx.Document(io.BytesIO(bytes(rendered)))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    text = str(rendered)
    return text.replace("&#x27;", "'").replace("\\`", "`").replace("&quot;", '"')


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "xlsx", "docx"])
def test_a_revoked_instrument_is_said_once_in_the_head(fmt: str) -> None:
    text = text_of(fmt, agency="diskominfo" if fmt == "docx" else None)  # docx: once per memo
    assert text.count(REVOKED) == 1
    assert text.index(REVOKED) < text.index("I4-L2-01")
    assert REVOKED not in WRITERS["text"](result(), "id")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "xlsx", "docx"])
def test_external_indicators_need_no_upload_and_make_the_index_a_minimum(fmt: str) -> None:
    text = text_of(fmt)
    assert "I5 Indeks SDI: tidak perlu unggah: dinilai dari Indeks SDI; level 1 (floor" in text
    assert "Proyeksi indeks minimal" in text
    assert "BELUM ADA] I5" not in text and "I5 · " not in text


@pytest.mark.parametrize("fmt", HUMAN)
def test_every_report_names_rows_by_their_portal_code(fmt: str) -> None:
    text = text_of(fmt)
    for code in ("I4-L2-01", "I4-L3-01"):
        assert code in text


@pytest.mark.parametrize("fmt", HUMAN)
def test_gated_rows_say_they_are_rejected_automatically(fmt: str) -> None:
    assert "otomatis ditolak: level 2 belum lengkap" in text_of(fmt)


def test_the_todo_puts_the_blocking_level_first() -> None:
    """I4-L3-01 is gated by level 2: working on it before I4-L2-01 is wasted effort."""
    todo = build(pemdi_result(), "id").agencies[0].todo
    assert [i.evidence for i in todo] == ["I4-L2-01", "I4-L3-01"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "xlsx", "docx"])
def test_predikat_has_both_names_and_the_index_a_decimal_comma(fmt: str) -> None:
    text = text_of(fmt)
    assert "1,25" in text and "Kurang (Merintis)" in text


@pytest.mark.parametrize("fmt", ["markdown", "html", "xlsx", "docx"])
def test_subscores_are_under_a_heading_that_says_their_level(fmt: str) -> None:
    text = text_of(fmt)
    assert "Indeks per aspek" in text and "Audit" in text


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "docx"])
def test_gains_of_todo_rows_in_indonesian(fmt: str) -> None:
    assert "+0,100 indeks" in text_of(fmt)


@pytest.mark.parametrize("fmt", HUMAN)
def test_waived_rows_are_shown_apart_with_reason_by_whom_and_until(fmt: str) -> None:
    text = text_of(fmt)
    assert "layanan belum ada di daerah ini" in text
    if fmt != "csv":
        assert "Kabid Aptika" in text and "30 Juni 2027" in text


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "csv", "xlsx"])
def test_pinned_documents_are_marked(fmt: str) -> None:
    text = text_of(fmt)
    if fmt in ("csv", "xlsx"):
        assert re.search(r"Berkas disematkan.*\n?.*", text)
        rows = [r for r in text.splitlines() if "I9-L2-01" in r]
        assert fmt == "xlsx" or rows[0].rstrip().endswith("05. Inspektorat/LHA 2026.pdf")
    else:
        assert re.search(r"LHA 2026\.pdf.{0,60}disematkan", text), text


def test_the_inspektorat_memo_goes_to_the_inspektur_from_the_coordinator_and_reply_by() -> None:
    data = docx_report.render(select_agency(pemdi_result(), "inspektorat"), "id")
    document = docx.Document(io.BytesIO(bytes(data)))
    paragraphs = [p.text for p in document.paragraphs if p.text]
    assert paragraphs[:3] == [
        "DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN MOJOSARI",
        "Jl. Raya Mojosari No. 1",
        "NOTA DINAS",
    ]
    fields = dict((r.cells[0].text, r.cells[2].text) for r in document.tables[0].rows)
    assert fields["Kepada"] == "Yth. Inspektur"
    assert fields["Dari"] == "Kepala Dinas Komunikasi dan Informatika"
    assert fields["Tembusan"] == "Sekretaris Daerah Kabupaten Mojosari"
    assert fields["Hal"].startswith("Tindak lanjut kelengkapan data dukung")
    assert "Perihal" not in fields
    assert any("paling lambat 31 Maret 2027" in p for p in paragraphs)
    assert paragraphs[-3:] == ["Kepala Dinas Komunikasi dan Informatika,", "Drs. Budi Santoso",
                               "NIP. 197001011990031001"]  # fmt: skip
    # the row Diskominfo leads whose candidate lies in the Inspektorat's folder is on its list
    rows = [[c.text for c in r.cells] for r in document.tables[1].rows]
    assert rows[1][1] == "I4 · I4-L3-01" and "dipimpin oleh" in rows[1][2]


def test_files_shared_by_several_rows_are_grouped_in_the_memo() -> None:
    base = pemdi_result()
    shared = base.findings[2].documents[0]
    findings = list(base.findings)
    findings[1] = findings[1].__class__(
        **{**findings[1].__dict__, "status": findings[2].status, "documents": (shared,)}
    )
    data = docx_report.render(select_agency(base.__class__(**{**base.__dict__,
                              "findings": tuple(findings)}), "inspektorat"), "id")  # fmt: skip
    document = docx.Document(io.BytesIO(bytes(data)))
    texts = [p.text for p in document.paragraphs]
    assert "Berkas berikut muncul pada beberapa butir; cukup diperbaiki sekali:" in texts
    grouped = [[c.text for c in r.cells] for r in document.tables[2].rows]
    assert grouped[1] == ["05. Inspektorat/Evaluasi Tim.pdf", "I4-L2-01, I4-L3-01"]
    todo = [[c.text for c in r.cells] for r in document.tables[1].rows]
    assert all("Evaluasi Tim.pdf" not in row[4] for row in todo)


def test_xlsx_has_all_rows_print_setup_person_in_charge_and_deadline() -> None:
    book = openpyxl.load_workbook(io.BytesIO(xlsx_report.render(pemdi_result(), "id")))
    assert book.sheetnames[:3] == ["Ringkasan", "Proyeksi", "Semua butir"]
    every = book["Semua butir"]
    header = [c.value for c in every[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in every.iter_rows(2)]
    # each row of the map once, even where two agencies see it on their lists
    assert sorted(r["Kode butir"] for r in rows) == [
        "I20-L3-02", "I4-L1-01", "I4-L2-01", "I4-L3-01", "I9-L2-01"]  # fmt: skip
    by_code = {r["Kode butir"]: r for r in rows}
    assert by_code["I9-L2-01"]["Penanggung jawab"] == "Inspektur"
    assert by_code["I4-L2-01"]["Batas waktu"] == "31 Maret 2027"
    for sheet in book:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert every.print_title_rows == "$1:$1"
    projection = [[c.value for c in row] for row in book["Proyeksi"].iter_rows()]
    assert ["Indeks", 1.25] in projection and ["Audit", 2.0] in projection


def test_csv_under_english_keeps_commas_and_points() -> None:
    text = str(WRITERS["csv"](pemdi_result(), "en"))
    rows = list(csv.reader(io.StringIO(text[1:])))
    gain = rows[0].index("Index gain")
    assert "0.1" in [r[gain] for r in rows[1:]]


def test_a_memo_to_the_sekretaris_daerah_has_no_tembusan_to_itself() -> None:
    import dataclasses

    from evidence_check.models import Agency
    from evidence_check.report.memo_view import memo_view

    base = pemdi_result()
    setda = Agency(id="setda", name="Sekretariat Daerah", head="Sekretaris Daerah")
    findings = (dataclasses.replace(base.findings[1], agency="setda"),)
    subject = dataclasses.replace(base, agencies=(*base.agencies, setda), findings=findings)
    agency = build(subject, "id").agencies[0]
    memo = memo_view(subject, agency, "id")
    assert (memo.to, memo.copy) == ("Yth. Sekretaris Daerah", "-")
    other = memo_view(pemdi_result(), build(pemdi_result(), "id").agencies[1], "id")
    assert (other.to, other.copy) == ("Yth. Inspektur", "Sekretaris Daerah Kabupaten Mojosari")
