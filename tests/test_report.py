"""Writers against gold files, and the registry: what a person reads, byte for byte.

The gold files in tests/gold/ are rendered from the fixed in-memory result of report_result.py.
After an intended change to a writer, the catalogue or that result, rewrite them and review the
diff before committing:

    UPDATE_GOLD=1 .venv/bin/python -m pytest tests/test_report.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from report_result import result

from evidence_check.report import (
    BINARY_FORMATS,
    SUFFIXES,
    TODO_FORMATS,
    WRITERS,
    Bundle,
    OutputError,
    file_name,
    text_report,
    write_output,
)

GOLD = Path(__file__).parent / "gold"
UPDATE = os.environ.get("UPDATE_GOLD") == "1"

GOLD_CASES = [
    ("text", "id"),
    ("text", "en"),
    ("markdown", "id"),
    ("markdown", "en"),
    ("csv", "id"),
    ("csv", "en"),
    ("html", "id"),
    ("html", "en"),
    ("json", "id"),
]


@pytest.mark.parametrize(("fmt", "lang"), GOLD_CASES)
def test_report_matches_its_gold_file(fmt: str, lang: str) -> None:
    """Any change in what a coordinator reads must show up as a reviewed gold-file diff."""
    rendered = WRITERS[fmt](result(), lang)
    assert isinstance(rendered, str)
    gold = GOLD / f"report.{lang}{SUFFIXES[fmt]}"
    if UPDATE:
        gold.parent.mkdir(exist_ok=True)
        gold.write_bytes(rendered.encode("utf-8"))
    assert gold.exists(), f"no gold file {gold.name}: run UPDATE_GOLD=1 pytest {__file__}"
    expected = gold.read_bytes().decode("utf-8")
    assert rendered == expected, f"{gold.name} differs: review, then UPDATE_GOLD=1 to accept"


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_registered_format_renders_and_is_written(
    fmt: str, lang: str, tmp_path: Path
) -> None:
    """A format offered by --format must render the fixed result and land in its file."""
    rendered = WRITERS[fmt](result(), lang)
    assert isinstance(rendered, bytes) == (fmt in BINARY_FORMATS)
    assert rendered
    target = tmp_path / "out" / f"evidence-check{SUFFIXES[fmt]}"
    write_output(rendered, target)
    data = target.read_bytes()
    assert data == (rendered if isinstance(rendered, bytes) else rendered.encode("utf-8"))
    if isinstance(rendered, str) and fmt not in ("json", "csv"):
        assert "Evaluasi SPBE 2025" in rendered


def test_registry_and_suffixes_agree() -> None:
    """--format and --output-dir must offer and name the same formats."""
    assert set(WRITERS) == set(SUFFIXES)
    assert set(TODO_FORMATS).issubset(WRITERS) and BINARY_FORMATS.issubset(WRITERS)
    assert len(set(SUFFIXES.values())) == len(SUFFIXES)


def test_text_is_coloured_only_when_asked() -> None:
    """Colour codes in a file or a pipe are garbage; on a terminal they mark the statuses."""
    plain = text_report.render(result(), "id")
    coloured = text_report.render(result(), "id", color=True)
    assert "\x1b" not in plain
    assert "\x1b[1;33m[LEMAH]\x1b[0m" in coloured and "\x1b[1;31m[BELUM ADA]\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_text_neutralises_control_characters_from_file_names() -> None:
    """A file name carrying an escape sequence must not repaint the user's terminal."""
    plain = text_report.render(result(), "en")
    assert "02. Bappeda/Laporan TW1 \ufffd[31m2025.pdf" in plain


def test_text_lists_the_todo_weak_before_missing_with_what_to_do() -> None:
    lines = text_report.render(result(), "id").splitlines()
    start = lines.index("== Dinas Komunikasi dan Informatika (diskominfo) ==")
    heads = [line for line in lines[start:] if line.startswith("  [")][:3]
    assert heads == [
        "  [LEMAH] SPBE-01 · arsitektur-reviu · Laporan Reviu Kebijakan Arsitektur SPBE",
        "  [LEMAH] SPBE-02 · peta-perbup · Peraturan Bupati tentang Peta Rencana SPBE",
        "  [BELUM ADA] SPBE-02 · keamanan-perbup · Peraturan Bupati tentang Manajemen Keamanan Informasi",
    ]
    assert "      → Unggah versi terbaru (paling lama 2 tahun sebelum tahun evaluasi)." in lines


def test_write_output_writes_a_bundle_s_companions_beside_the_main_file(tmp_path: Path) -> None:
    """DOCX with --output-dir: the all-agencies memo plus one memo per agency."""
    bundle = Bundle(b"all", {"bag-hukum": b"one", "dlh": lambda: b"two"})
    write_output(bundle, tmp_path / "r.docx", companions=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "r-bag-hukum.docx",
        "r-dlh.docx",
        "r.docx",
    ]
    assert (tmp_path / "r-dlh.docx").read_bytes() == b"two"


def test_write_output_leaves_nothing_behind_when_it_fails(tmp_path: Path) -> None:
    """A failed write must not leave a half-written report or a temporary file."""
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "x").write_text("keep")
    with pytest.raises(OutputError):
        write_output("text", tmp_path / "taken")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_write_output_keeps_csv_line_ends(tmp_path: Path) -> None:
    write_output("a\r\nb\r\n", tmp_path / "x.csv")
    assert (tmp_path / "x.csv").read_bytes() == b"a\r\nb\r\n"


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("diskominfo", "evidence-check-diskominfo.docx"),
        ("a/b\\c:d", "evidence-check-a-b-c-d.docx"),
        ("..", "evidence-check-x.docx"),
    ],
)
def test_agency_file_names_are_safe_on_windows(key: str, name: str) -> None:
    """An agency id must never put a memo outside the output folder or fail on Windows."""
    assert file_name(key, ".docx") == name
