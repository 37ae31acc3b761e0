"""`evidence-check todo` and every report format through the command line, as a coordinator runs them.

If this breaks, an OPD gets someone else's list, a Nota Dinas lands inside the evidence folder,
or a format offered by --format fails to write its file.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner
from helpers import MAP, build_tree, docgen

from evidence_check.cli import main
from evidence_check.report import SUFFIXES, WRITERS


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("todo")
    topic = "Arsitektur Sistem Pemerintahan Berbasis Elektronik"
    root = build_tree(
        base / "tree",
        {
            "Bagian Hukum/perbup.pdf": docgen.Regulation(topic=topic),
            "Diskominfo/scan_0042.pdf": docgen.Regulation(topic="Peta Rencana SPBE", draft=True),
        },
    )
    map_file = base / "map.yaml"
    map_file.write_text(MAP, encoding="utf-8")
    return root, map_file


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def todo(tree: tuple[Path, Path], *args: str | Path) -> tuple[int, str, str]:
    root, map_file = tree
    return run("todo", root, *args, "--map", map_file, "--no-cache", "--jobs", "1")


def test_todo_prints_one_agency_s_list_in_indonesian(tree: tuple[Path, Path]) -> None:
    code, out, err = todo(tree, "bag-hukum")
    assert code == 1, err
    assert "== Bagian Hukum (bag-hukum) ==" in out
    assert "[LEMAH] SPBE-02 · peta-perbup · Peraturan Bupati tentang Peta Rencana SPBE" in out
    assert "(diskominfo) ==" not in out and "(bappeda) ==" not in out and "\x1b" not in out


def test_todo_holds_the_rows_where_the_agency_s_own_folder_holds_a_file(
    tree: tuple[Path, Path],
) -> None:
    """Bagian Hukum leads peta-perbup, but the draft lies in Diskominfo's folder: Diskominfo must
    hear of it (and rename its own file), though the JSON still says Bagian Hukum leads it."""
    code, out, err = todo(tree, "kominfo")  # an alias, as people type it
    assert code == 1, err
    assert "== Dinas Komunikasi dan Informatika (diskominfo) ==" in out
    assert (
        "[LEMAH] SPBE-02 · peta-perbup · Peraturan Bupati tentang Peta Rencana SPBE "
        "(dipimpin oleh Bagian Hukum)" in out
    )
    assert "scan_0042.pdf menjadi SPBE-02-Perbup-PetaRencanaSPBE-2023.pdf" in out


def test_todo_in_english_markdown(tree: tuple[Path, Path]) -> None:
    code, out, _ = todo(tree, "bappeda", "--format", "markdown", "--lang", "en")
    assert code == 1
    assert out.startswith("# Evidence audit: Evaluasi SPBE 2025\n")
    assert "## Badan Perencanaan Pembangunan Daerah (bappeda)" in out and "MISSING" in out


def test_todo_docx_goes_to_the_output_dir_as_that_agency_s_memo(
    tree: tuple[Path, Path], tmp_path: Path
) -> None:
    code, _, err = todo(tree, "bag-hukum", "--format", "docx", "--output-dir", tmp_path / "memo")
    assert code == 1, err
    assert [p.name for p in (tmp_path / "memo").iterdir()] == ["evidence-check-bag-hukum.docx"]
    document = docx.Document(tmp_path / "memo" / "evidence-check-bag-hukum.docx")
    letterhead, title = [p.text for p in document.paragraphs if p.text][:2]
    # the coordinator's office, with the region the audit found
    assert letterhead.startswith("DINAS KOMUNIKASI DAN INFORMATIKA") and title == "NOTA DINAS"
    header = document.tables[0]
    assert header.rows[0].cells[2].text == "Yth. Kepala Bagian Hukum"
    assert header.rows[1].cells[2].text == "Kepala Dinas Komunikasi dan Informatika"
    todo_rows = [row.cells[2].text for row in document.tables[1].rows[1:]]
    # its own row, then the row another agency leads whose candidate lies in its folder
    assert todo_rows == [
        "Peraturan Bupati tentang Peta Rencana SPBE",
        "Rancangan Peraturan Bupati tentang Arsitektur SPBE "
        "(dipimpin oleh Dinas Komunikasi dan Informatika)",
    ]


def test_todo_xlsx_to_a_file(tree: tuple[Path, Path], tmp_path: Path) -> None:
    target = tmp_path / "dlh.xlsx"
    code, _, _ = todo(tree, "dlh", "--format", "xlsx", "--output", target, "--lang", "en")
    assert code == 1
    book = openpyxl.load_workbook(io.BytesIO(target.read_bytes()))
    assert book.sheetnames == ["Summary", "All items", "dlh"]
    assert [c.value for c in book["dlh"]["G"]][1:] == ["MISSING"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nope",), '"nope" bukan id OPD'),
        (("dlh", "--format", "docx"), "beri --output BERKAS atau --output-dir FOLDER"),
        (("dlh", "--output", "a.txt", "--output-dir", "b"), "jangan keduanya"),
        (("nope", "--lang", "en"), '"nope" is not an agency id'),
    ],
)
def test_todo_usage_errors_exit_2(
    tree: tuple[Path, Path], args: tuple[str, ...], message: str
) -> None:
    code, _, err = todo(tree, *args)
    assert code == 2 and message in err


def test_todo_never_writes_inside_the_evidence_folder(tree: tuple[Path, Path]) -> None:
    root, _ = tree
    before = sorted(p.name for p in root.rglob("*"))
    code, _, err = todo(tree, "dlh", "--format", "docx", "--output-dir", root / "memo")
    assert code == 2 and "di dalam folder data dukung" in err
    assert sorted(p.name for p in root.rglob("*")) == before


def test_audit_writes_every_registered_format_to_the_output_dir(
    tree: tuple[Path, Path], tmp_path: Path
) -> None:
    """Each --format value must write its file; DOCX adds one memo per agency beside it."""
    root, map_file = tree
    formats = [arg for fmt in sorted(WRITERS) for arg in ("--format", fmt)]
    out = tmp_path / "reports"
    code, _, err = run(
        "audit", root, "--map", map_file, "--no-cache", *formats, "--output-dir", out
    )
    assert code == 1, err
    names = {p.name for p in out.iterdir()}
    assert {f"evidence-check{SUFFIXES[f]}" for f in WRITERS} <= names
    memos = {f"evidence-check-{a}.docx" for a in ("diskominfo", "bag-hukum", "bappeda", "dlh")}
    assert names - {f"evidence-check{SUFFIXES[f]}" for f in WRITERS} == memos
