"""The read stage: workers, the persistent cache, and results that never depend on either."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from helpers import MAP, build_tree, docgen

from evidence_check.audit import audit
from evidence_check.evidence_map import parse_map
from evidence_check.models import Settings
from evidence_check.report import json_report

ARSITEKTUR = "Arsitektur Sistem Pemerintahan Berbasis Elektronik"
FILES = {
    "Bagian Hukum/perbup.pdf": docgen.Regulation(topic=ARSITEKTUR),
    "Diskominfo/ranperbup peta.pdf": docgen.Regulation(
        topic="Peta Rencana SPBE", draft=True, signed=False
    ),
    "Diskominfo/kosong.pdf": b"",
    "Bappeda/SK Dewan.docx": docgen.Regulation(topic="Dewan Smart City", form="KEPUTUSAN"),
    "DLH/rusak.pdf": b"%PDF-1.7\n1 0 obj <<",
}


def audit_json(root: Path, **settings: object) -> dict[str, object]:
    result = audit(parse_map(MAP, "map.yaml"), root, Settings(**settings))  # type: ignore[arg-type]
    data = json.loads(json_report.render(result))
    data.pop("generated_at")
    return data  # type: ignore[no-any-return]


def test_same_result_with_one_or_two_workers_with_and_without_cache(tmp_path: Path) -> None:
    """Parallel reading or a cache must never change what the audit says."""
    root = build_tree(tmp_path / "tree", FILES)
    cache = tmp_path / "cache"
    plain = audit_json(root, jobs=1)
    assert plain == audit_json(root, jobs=2)
    assert plain == audit_json(root, jobs=2, cache_dir=cache)  # cold: fills the cache
    assert plain == audit_json(root, jobs=1, cache_dir=cache)  # warm: reads it back
    assert plain["summary"] != {"complete": 0, "weak": 0, "missing": 0}


def test_warm_run_reads_nothing_again_and_notices_a_changed_file(tmp_path: Path) -> None:
    root = build_tree(tmp_path / "tree", FILES)
    cache = tmp_path / "cache"
    audit_json(root, cache_dir=cache)
    with sqlite3.connect(cache / "readings.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM readings").fetchone()[0] == len(FILES)
    perbup = root / "Bagian Hukum" / "perbup.pdf"
    docgen.write_pdf(docgen.Regulation(topic=ARSITEKTUR, signed=False, copy=False), perbup)
    changed = audit_json(root, cache_dir=cache)
    row = next(r for r in changed["requirements"] if r["evidence"] == "arsitektur-perbup")  # type: ignore[index, union-attr]
    assert row["reasons"] == ["unsigned"]


def test_deleting_or_damaging_the_cache_changes_nothing(tmp_path: Path) -> None:
    root = build_tree(tmp_path / "tree", FILES)
    cache = tmp_path / "cache"
    first = audit_json(root, cache_dir=cache)
    with sqlite3.connect(cache / "readings.sqlite3") as db:
        db.execute("UPDATE readings SET payload = x'00ff'")
    assert audit_json(root, cache_dir=cache) == first
    for item in cache.iterdir():
        item.unlink()
    assert audit_json(root, cache_dir=cache) == first


def test_a_file_that_hangs_the_reader_times_out_and_the_audit_goes_on(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """One pathological file becomes unreadable (timed out); every other file is still judged."""
    import helpers

    import evidence_check.reader as reader

    root = build_tree(tmp_path / "tree", FILES)
    (root / "Diskominfo" / "lambat.pdf").write_bytes(b"%PDF-1.4 slow")
    helpers.read_slowly.__wrapped__ = reader.read_one  # type: ignore[attr-defined]
    monkeypatch.setattr(reader, "read_one", helpers.read_slowly)
    data = audit_json(root, jobs=2, file_timeout_seconds=2)
    entry = next(d for d in data["documents"] if d["path"] == "Diskominfo/lambat.pdf")  # type: ignore[index, union-attr]
    assert (entry["problems"], entry["detail"]) == (["unreadable"], "timed out after 2 s")
    row = next(r for r in data["requirements"] if r["evidence"] == "arsitektur-perbup")  # type: ignore[index, union-attr]
    assert row["status"] == "complete"


def test_an_unchanged_tree_is_answered_without_reading_and_a_damaged_memo_is_ignored(
    tmp_path: Path, monkeypatch: Any
) -> None:
    import evidence_check.audit as audit_module

    root = build_tree(tmp_path / "tree", FILES)
    cache = tmp_path / "cache"
    first = audit_json(root, cache_dir=cache)

    def no_reading(*args: object, **kwargs: object) -> object:
        raise AssertionError("an unchanged tree was read again")

    with monkeypatch.context() as patch:
        patch.setattr(audit_module, "read_all", no_reading)
        assert audit_json(root, cache_dir=cache) == first
    with sqlite3.connect(cache / "readings.sqlite3") as db:
        db.execute("UPDATE results SET payload = x'00ff'")
    assert audit_json(root, cache_dir=cache) == first
    (root / "DLH" / "rusak.pdf").unlink()  # a change: the memo no longer answers
    changed = audit_json(root, cache_dir=cache)
    assert len(changed["documents"]) == len(first["documents"]) - 1  # type: ignore[arg-type]
