"""The cache is never fatal: whatever state its file is in, the audit says what it says with no
cache, with one warning naming the file, and never writes a cache into the evidence folder.

If this breaks, a damaged, foreign, read-only, full or locked cache ends the audit as an
"internal error", or a cache folder inside ROOT puts files among the evidence.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from helpers import MAP, build_tree, docgen

from evidence_check import cache as cache_module
from evidence_check.audit import audit
from evidence_check.evidence_map import parse_map
from evidence_check.models import Settings
from evidence_check.report import json_report

ARSITEKTUR = "Arsitektur Sistem Pemerintahan Berbasis Elektronik"
AS_ROOT = os.geteuid() == 0


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return build_tree(
        tmp_path / "tree",
        {
            "Bagian Hukum/perbup.pdf": docgen.Regulation(topic=ARSITEKTUR),
            "Diskominfo/kosong.pdf": b"",
        },
    )


def audit_json(root: Path, cache_dir: Path | None) -> dict[str, Any]:
    settings = Settings(cache_dir=cache_dir, jobs=1, ocr=False)
    data = json.loads(json_report.render(audit(parse_map(MAP, "map.yaml"), root, settings)))
    data.pop("generated_at")
    return data  # type: ignore[no-any-return]


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def check_same_as_no_cache(
    root: Path, folder: Path, caplog: pytest.LogCaptureFixture, *, runs: int = 2
) -> list[str]:
    plain = audit_json(root, None)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="evidence_check"):
        for _ in range(runs):
            assert audit_json(root, folder) == plain
    return warnings(caplog)


def fill(root: Path, folder: Path) -> Path:
    audit_json(root, folder)
    return folder / "readings.sqlite3"


@pytest.mark.parametrize("damage", ["random-bytes", "truncated", "foreign-schema", "other-version"])
def test_a_damaged_or_foreign_cache_is_moved_aside_with_one_warning(
    root: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    folder = tmp_path / "cache"
    file = fill(root, folder)
    if damage == "random-bytes":
        file.write_bytes(os.urandom(64 * 1024))
    elif damage == "truncated":
        with sqlite3.connect(file) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        data = file.read_bytes()
        file.write_bytes(data[: len(data) // 2])
    elif damage == "foreign-schema":
        file.unlink()
        with sqlite3.connect(file) as db:
            db.execute("CREATE TABLE files (name TEXT, other BLOB)")
    else:
        with sqlite3.connect(file) as db:
            db.execute("UPDATE about SET value = '99' WHERE key = 'schema'")
        with sqlite3.connect(file) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if damage != "other-version":
        for extra in ("-wal", "-shm"):
            Path(f"{file}{extra}").unlink(missing_ok=True)
    said = check_same_as_no_cache(root, folder, caplog)
    assert len(said) == 1 and str(file) in said[0], said
    aside = [p.name for p in folder.iterdir() if ".broken-" in p.name]
    assert len(aside) == 1, "the damaged file is kept aside for a person to look at"
    with sqlite3.connect(file) as db:  # a fresh cache took its place and was filled
        assert db.execute("SELECT COUNT(*) FROM readings").fetchone()[0] >= 1


def test_a_cache_folder_that_cannot_be_made_is_one_warning(
    root: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    said = check_same_as_no_cache(root, blocker / "cache", caplog, runs=1)
    assert len(said) == 1 and "bukan-folder" in said[0], said
    assert blocker.read_text(encoding="utf-8").startswith("a file where")


@pytest.mark.skipif(AS_ROOT, reason="root writes read-only files")
def test_a_read_only_cache_is_ignored_with_one_warning(
    root: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "cache"
    file = fill(root, folder)
    file.chmod(0o444)
    folder.chmod(0o555)
    try:
        said = check_same_as_no_cache(root, folder, caplog, runs=1)
    finally:
        folder.chmod(0o755)
    assert len(said) == 1 and str(file) in said[0], said


def test_a_full_disk_under_the_cache_is_one_warning(
    root: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's own "database or disk is full", made by capping the file at its present size."""
    folder = tmp_path / "cache"
    connect = sqlite3.connect

    def full(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        db = connect(*args, **kwargs)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {max(pages, 1)}")
        return db

    monkeypatch.setattr(cache_module.sqlite3, "connect", full)
    said = check_same_as_no_cache(root, folder, caplog, runs=1)
    assert len(said) == 1 and "full" in said[0], said


def test_a_cache_locked_by_another_run_is_waited_for_then_left(
    root: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    file = fill(root, folder)
    monkeypatch.setattr(cache_module, "LOCK_WAIT_SECONDS", 1.0)  # 30 s in real runs
    holder = sqlite3.connect(file, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        (root / "Bagian Hukum" / "baru.pdf").write_bytes(b"")  # the tree changed: no memo
        started = time.monotonic()
        said = check_same_as_no_cache(root, folder, caplog, runs=1)
        seconds = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(said) == 1 and "locked" in said[0], said
    assert seconds < 10


def test_a_cache_released_while_waiting_is_used(root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    file = fill(root, folder)
    holder = sqlite3.connect(file, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    threading.Timer(1.0, lambda: holder.execute("ROLLBACK")).start()
    assert audit_json(root, folder) == audit_json(root, None)
    holder.close()


@pytest.mark.parametrize("how", ["--cache-dir", "XDG_CACHE_HOME"])
def test_a_cache_folder_inside_root_means_no_cache_and_one_warning(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    import subprocess
    import sys

    map_file = tmp_path / "map.yaml"
    map_file.write_text(MAP, encoding="utf-8")
    command = [sys.executable, "-m", "evidence_check", "audit", str(root), "--map", str(map_file)]
    env = {**os.environ, "HOME": str(tmp_path)}
    if how == "--cache-dir":
        command += ["--cache-dir", str(root / "Diskominfo" / ".cache")]
    else:
        env["XDG_CACHE_HOME"] = str(root / ".cache")
    before = sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 1, done.stderr
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) == before
    said = [line for line in done.stderr.splitlines() if "cache" in line]
    assert len(said) == 1 and "inside the evidence folder" in said[0], done.stderr
