"""The command line as a user meets it: exit codes, formats, where it writes, its messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import MAP, build_tree, docgen

from evidence_check import cli
from evidence_check.cli import main

ARSITEKTUR = "Arsitektur Sistem Pemerintahan Berbasis Elektronik"


@pytest.fixture
def tree(tmp_path: Path) -> tuple[Path, Path]:
    root = build_tree(
        tmp_path / "tree", {"Bagian Hukum/perbup.pdf": docgen.Regulation(topic=ARSITEKTUR)}
    )
    map_file = tmp_path / "map.yaml"
    map_file.write_text(MAP, encoding="utf-8")
    return root, map_file


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def test_audit_with_gaps_exits_1_and_prints_the_todo_in_indonesian(tree: tuple[Path, Path]) -> None:
    root, map_file = tree
    code, out, _ = run("audit", root, "--map", map_file)
    assert code == 1
    assert "BELUM ADA" in out and "Peraturan Bupati tentang Peta Rencana SPBE" in out
    assert "Ringkasan: 1 lengkap" in out


def test_english_output(tree: tuple[Path, Path]) -> None:
    root, map_file = tree
    code, out, _ = run("audit", root, "--map", map_file, "--lang", "en")
    assert code == 1 and "MISSING" in out and "Summary: 1 complete" in out


ONE_ROW_MAP = """\
version: 1
evaluation: {name: Evaluasi SPBE 2025, year: 2025}
agencies: [{id: bag-hukum, name: Bagian Hukum}]
indicators:
  - id: SPBE-01
    name: Arsitektur
    evidence:
      - {id: perbup, title: Perbup Arsitektur SPBE, kind: regulation, owners: [bag-hukum],
         keywords: [Arsitektur SPBE]}
"""


def test_nothing_to_fix_exits_0(tmp_path: Path, tree: tuple[Path, Path]) -> None:
    root, _ = tree
    only = tmp_path / "one.yaml"
    only.write_text(ONE_ROW_MAP, encoding="utf-8")
    code, out, err = run("audit", root, "--map", only)
    assert (code, err) == (0, ""), out
    assert "Tidak ada yang perlu diperbaiki." in out


def test_json_result_follows_the_contract(tree: tuple[Path, Path]) -> None:
    root, map_file = tree
    code, out, _ = run("audit", root, "--map", map_file, "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["format"] == 2 and data["map"] == str(map_file)
    assert set(data["summary"]) == {"complete", "weak", "missing", "waived"}
    row = data["requirements"][0]
    assert {k: row[k] for k in ("indicator", "evidence", "agency", "status", "reasons")} == {
        "indicator": "SPBE-01",
        "evidence": "arsitektur-perbup",
        "agency": "bag-hukum",
        "status": "complete",
        "reasons": [],
    }
    assert row["documents"][0]["path"] == "Bagian Hukum/perbup.pdf"
    assert data["documents"][0]["state"] == "processed" and data["documents"][0]["pages"] == 4


def test_output_file_and_refusal_inside_root(tree: tuple[Path, Path], tmp_path: Path) -> None:
    root, map_file = tree
    target = tmp_path / "out" / "audit.json"
    code, _, _ = run("audit", root, "--map", map_file, "--format", "json", "--output", target)
    assert code == 1 and json.loads(target.read_text())["format"] == 2
    before = sorted(p.name for p in root.rglob("*"))
    code, _, err = run("audit", root, "--map", map_file, "--output", root / "x.txt")
    assert code == 2 and "menolak menulis" in err and "di dalam folder data dukung" in err
    code, _, err = run("audit", root, "--map", map_file, "--output", root / "x.txt", "--lang", "en")
    assert code == 2 and "inside the evidence folder" in err
    assert sorted(p.name for p in root.rglob("*")) == before


def test_several_formats_go_to_an_output_dir(tree: tuple[Path, Path], tmp_path: Path) -> None:
    root, map_file = tree
    code, _, err = run("audit", root, "--map", map_file, "--format", "json", "--format", "text")
    assert code == 2 and "--output-dir" in err
    code, _, _ = run(
        "audit",
        root,
        "--map",
        map_file,
        "--format",
        "json",
        "--format",
        "text",
        "--output-dir",
        tmp_path / "reports",
    )
    assert code == 1
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == [
        "evidence-check.json",
        "evidence-check.txt",
    ]


def test_bad_map_gives_one_line_per_error_and_exit_2(
    tmp_path: Path, tree: tuple[Path, Path]
) -> None:
    root, _ = tree
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nevaluation: {name: X}\nagencies: []\nindicators: []\n")
    code, out, err = run("audit", root, "--map", bad)
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"{bad}: agencies: expected a non-empty list, got an empty list",
        f"{bad}: indicators: expected a non-empty list, got an empty list",
        f'{bad}: evaluation: missing key "year"',
    ]


def test_unknown_agency_for_self_check_is_a_usage_error(tree: tuple[Path, Path]) -> None:
    root, map_file = tree
    code, _, err = run("audit", root, "--map", map_file, "--agency", "nope", "--lang", "en")
    assert code == 2 and '"nope" is not an agency id' in err


def test_internal_error_exits_3_and_asks_for_a_report(
    tree: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, map_file = tree

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "audit", broken)
    code, _, err = run("audit", root, "--map", map_file)
    assert code == 3 and "internal error (a bug)" in err and "report" in err


def test_list_files_shows_agencies_and_skips(tree: tuple[Path, Path]) -> None:
    root, map_file = tree
    (root / "Bagian Hukum" / "Thumbs.db").write_bytes(b"x")
    (root / "Arsip Lama").mkdir()
    code, out, _ = run("list-files", root, "--map", map_file)
    assert code == 0
    assert "'Bagian Hukum' -> bag-hukum" in out and "'Arsip Lama' -> (tidak dikenali)" in out
    assert "Bagian Hukum/Thumbs.db (berkas sistem)" in out


def test_shipped_map_by_name(tree: tuple[Path, Path]) -> None:
    code, out, _ = run("map", "check", "spbe")
    assert code == 0 and "valid" in out
    code, _, err = run("map", "check", "no-such-map")
    assert code == 2 and "not a shipped map" in err
