"""The probe corpora, held out from the tuning: scripts/probe_region.py (Kota Pasir Wangi) and
scripts/probe_kabupaten.py (Kabupaten Bukit Sago), each labelled from the domain notes before its
first audit, with variant trees that isolate one trap each. Every row must stay right except the
ones named in KNOWN_WRONG, with why; a row fixed leaves the list, a row that goes wrong fails."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
sys.path.insert(0, str(SCRIPTS))

import probe_kabupaten  # noqa: E402
import probe_region  # noqa: E402

#: (corpus, tree, item code): the rows still judged wrong, and why they are left
KNOWN_WRONG = {
    # the map gives I2-L1-01 no Renja phrase (an RKA reads "Rencana Kerja dan Anggaran ...
    # Dinas Komunikasi dan Informatika"), and no plan's body is read for the substance
    ("region", "variants", "I2-L1-01"),
    # "Rencana Aksi Pengamanan Informasi Pemerintah Digital": two words inside the phrase
    # "Rencana Aksi Pemerintah Digital" still match it (WINDOW_SLACK allows six)
    ("region", "variants", "I1-L1-01"),
    # six months of transactions for a 12-month item: no check of the period a report covers
    ("kabupaten", "tree", "I20-L1-02"),
    # a ZIP inside a ZIP is skipped (nested-archive, "unpack it"); its row stays missing
    ("kabupaten", "tree", "I3-L1-04"),
}
CORPORA: dict[str, ModuleType] = {"region": probe_region, "kabupaten": probe_kabupaten}


def _wrong(name: str, outdir: Path) -> set[tuple[str, str, str]]:
    wrong = set()
    for tree, labels in (("tree", "labels.json"), ("variants", "variants-labels.json")):
        result = outdir / f"{tree}.json"
        command = [sys.executable, "-m", "evidence_check", "audit", str(outdir / tree)]
        command += ["--format", "json", "--output", str(result), "--no-cache", "--no-history"]
        subprocess.run(command, check=False, capture_output=True, cwd=SCRIPTS.parent, timeout=900)
        document = json.loads(result.read_text())
        rows = {(r.get("code"), r["agency"]): r for r in document["requirements"]}
        for label in json.loads((outdir / labels).read_text()):
            row = rows.get((label["code"], label["agency"]))
            if (
                row is None
                or row["status"] not in label["accept"]
                or not set(label["reasons"]) <= set(row["reasons"])
            ):
                wrong.add((name, tree, label["code"]))
    return wrong


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_the_probe_regions_are_judged_as_their_labels_say(name: str, tmp_path: Path) -> None:
    CORPORA[name].main([str(tmp_path)])
    known = {row for row in KNOWN_WRONG if row[0] == name}
    assert _wrong(name, tmp_path) == known
