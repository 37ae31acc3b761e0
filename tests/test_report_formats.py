"""What each format must guarantee beyond its gold file: escaping, injection and self-containment.

A file name is written by whoever uploaded it; it must never run as a spreadsheet formula, become a
link or markup, or make the HTML dashboard fetch anything from the network.
"""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import pytest
from report_result import result

from evidence_check.report import csv_report, html_report, markdown_report


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=HYPERLINK(evil)", "'=HYPERLINK(evil)"),
        ("+1+1", "'+1+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Perbup 12.pdf", "Perbup 12.pdf"),
        (-2, "-2"),
        (93.5, "93.5"),
        (None, ""),
    ],
)
def test_csv_cells_that_a_spreadsheet_would_run_are_defused(value: object, cell: str) -> None:
    assert csv_report.defuse(value) == cell  # type: ignore[arg-type]


def test_csv_is_utf8_with_bom_and_its_rows_parse_back() -> None:
    """Excel on Windows needs the BOM to show "Peraturan Bupati" text and ✓ marks correctly."""
    text = csv_report.render(result(), "en")
    assert text.startswith("\ufeffAgency,Agency name,Indicator,")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert len(rows) == 1 + 7 and all(len(r) == len(rows[0]) for r in rows)
    by_evidence = {r[4]: r for r in rows[1:] if r[0] != "dlh"}
    file, snippet, suggested = (
        rows[0].index(h) for h in ("File", "Snippet", "Suggested file name")
    )
    assert by_evidence["peta-perbup"][file] == "'=HYPERLINK(evil)|*peta*.pdf"
    assert by_evidence["peta-perbup"][snippet] == "'-RANCANGAN PERBUP PETA RENCANA SPBE"
    assert (
        by_evidence["arsitektur-perbup"][suggested] == "SPBE-01-Perbup-ArsitekturSPBE-No12-2023.pdf"
    )
    assert by_evidence["arsitektur-reviu"][rows[0].index("Score")] == "88.0"


def test_csv_in_indonesian_uses_semicolons_and_decimal_commas() -> None:
    """An Indonesian Excel splits on ";" and reads "88,0" as a number; "88.0" would be text."""
    text = csv_report.render(result(), "id")
    assert text.startswith("\ufeffOPD;Nama OPD;Indikator;")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert all(len(r) == len(rows[0]) for r in rows)
    by_evidence = {r[4]: r for r in rows[1:] if r[0] != "dlh"}
    assert by_evidence["arsitektur-reviu"][rows[0].index("Skor")] == "88,0"
    assert by_evidence["arsitektur-perbup"][rows[0].index("Skor")] == "93,5"


def test_markdown_escapes_file_names_and_snippets() -> None:
    text = markdown_report.render(result(), "en")
    assert r"=HYPERLINK(evil)\|\*peta\*.pdf" in text
    assert r"\<script\>" in text and "<script>" not in text


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)


def test_html_escapes_every_document_derived_string() -> None:
    """A snippet holding <script> must show as text, never run."""
    page = html_report.render(result(), "id")
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; EVALUASI" in page
    assert "Manajemen &lt;SPBE&gt;" in page
    assert "\x1b" not in page


def test_html_is_one_self_contained_file() -> None:
    """The dashboard must open offline from a USB stick: no CDN, no script, no external file."""
    page = html_report.render(result(), "id")
    parser = _Tags()
    parser.feed(page)
    assert not {"script", "link", "iframe", "img", "object"} & set(parser.tags)
    assert not [a for a in parser.attributes if a[0] in ("src", "srcset")]
    assert "@import" not in page and "url(" not in page
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) == {"http://www.w3.org/2000/svg"}
    assert "default-src 'none'" in page
    assert "<style>" in page and "@media print" in page and "size: A4" in page


def test_html_has_the_three_charts_and_a_section_per_agency() -> None:
    page = html_report.render(result(), "en")
    parser = _Tags()
    parser.feed(page)
    assert parser.tags.count("svg") == 3
    assert parser.tags.count("rect") >= 3 + 5 + 6
    assert page.count('<section class="card agency"') == 4
    for heading in ("Summary", "By indicator group", "By agency", "To do"):
        assert f">{heading}</h" in page
    assert "suggested name: SPBE-01-Perbup-ArsitekturSPBE-No12-2023.pdf" in page
