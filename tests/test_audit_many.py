"""audit-many: several regions in one run, each region's reports in its own folder, one summary."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner
from helpers import MAP, build_tree, docgen

from evidence_check.cli import main

ARSITEKTUR = "Arsitektur Sistem Pemerintahan Berbasis Elektronik"


def test_two_regions_get_their_own_reports_and_one_row_each_in_the_summary(
    tmp_path: Path,
) -> None:
    build_tree(tmp_path / "satu", {"Bagian Hukum/perbup.pdf": docgen.Regulation(topic=ARSITEKTUR)})
    build_tree(tmp_path / "dua", {"DLH/rusak.pdf": b"%PDF-1.7\n1 0 obj <<"})
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    (tmp_path / "regions.yaml").write_text(
        "- {name: kab-satu, root: satu, map: map.yaml}\n- {name: kota-dua, root: dua, map: map.yaml}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    args = ["audit-many", str(tmp_path / "regions.yaml"), "--output-dir", str(out)]
    done = CliRunner().invoke(main, [*args, "--no-cache", "--no-ocr"])
    assert done.exit_code == 1, done.output  # both have gaps
    for name in ("kab-satu", "kota-dua"):
        assert (out / name / "evidence-check.html").is_file()
    satu = json.loads((out / "kab-satu" / "evidence-check.json").read_text(encoding="utf-8"))
    with (out / "ringkasan.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["region"] for r in rows] == ["kab-satu", "kota-dua"]
    assert int(rows[0]["complete"]) == satu["summary"]["complete"] >= 1
    assert int(rows[1]["complete"]) == 0
    assert "kota-dua/evidence-check.html" in (out / "ringkasan.html").read_text(encoding="utf-8")


def test_every_problem_of_the_regions_file_is_told_and_nothing_is_read(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(
        '- {name: "a b", root: nowhere, colour: red}\n- 3\n', encoding="utf-8"
    )
    done = CliRunner().invoke(
        main, ["audit-many", str(tmp_path / "r.yaml"), "--output-dir", str(tmp_path / "o")]
    )
    assert done.exit_code == 2
    assert done.stderr.count("r.yaml: [") == 4, done.stderr
    assert not (tmp_path / "o").exists()
