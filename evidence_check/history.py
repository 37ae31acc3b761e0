"""The history store: every audit's JSON result, kept in the user's data folder (never inside ROOT).

One SQLite file (WAL mode, a busy timeout: concurrent audits take turns) keyed by the resolved ROOT
and map. It serves `--baseline last` and `evidence-check history`. The store is a convenience: one
that cannot be read or written logs one warning and the audit goes on without it.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
import zlib
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from evidence_check.changes import baseline_problem
from evidence_check.models import AuditPoint, AuditResult
from evidence_check.report import json_report

log = logging.getLogger("evidence_check")

#: audits of one ROOT and map whose whole result is kept (older ones keep only their counts)
KEEP_RESULTS = 20
_SCHEMA = """
CREATE TABLE IF NOT EXISTS audits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    root TEXT NOT NULL, map_key TEXT NOT NULL, map TEXT NOT NULL, generated_at TEXT NOT NULL,
    complete INTEGER, weak INTEGER, missing INTEGER, waived INTEGER, idx REAL,
    result BLOB);
CREATE INDEX IF NOT EXISTS audits_tree ON audits (root, map_key, id);
"""


def default_history_dir() -> Path:
    return Path(user_data_dir("evidence-check", appauthor=False))


#: how often opening a store that another audit is creating is tried (about 5 s in all)
_OPEN_ATTEMPTS = 14


def tree_key(root: Path) -> str:
    return str(root.resolve())


class History:
    """The store in `folder`, opened when first asked; every failure becomes one warning and an
    empty answer. `None` as folder gives a store that keeps nothing (`--no-history`)."""

    def __init__(self, folder: Path | None) -> None:
        self.path = Path(folder or ".") / "history.sqlite3"
        self._db: sqlite3.Connection | None = None
        self._opened = folder is None
        self._warned = False

    def _open(self) -> sqlite3.Connection | None:
        if not self._opened:
            self._opened = True
            for attempt in range(_OPEN_ATTEMPTS):
                try:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    db = self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                    # WAL persists in the file: only its first user switches (a switch wants the
                    # file alone, which another audit holding it open would refuse)
                    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                        db.execute("PRAGMA journal_mode=WAL")
                    db.executescript(_SCHEMA)
                    break
                except sqlite3.OperationalError as exc:
                    # two audits creating the store at once: the switch to WAL and the schema
                    # are refused (not waited for) while the other holds the new file
                    self.close()
                    if "locked" not in str(exc) or attempt == _OPEN_ATTEMPTS - 1:
                        self._fail("open", exc)
                        break
                    time.sleep(0.05 * (attempt + 1))
                except (OSError, sqlite3.Error) as exc:
                    self.close()
                    self._fail("open", exc)
                    break
        return self._db

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def usable(self) -> bool:
        """Whether the store has answered so far (after a failure it has warned once already)."""
        return self._open() is not None and not self._warned

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def last(self, root: Path, map_key: str) -> dict[str, Any] | None:
        """The newest kept result of this ROOT and map, as a JSON dict; None when there is none."""
        db = self._open()
        if db is None:
            return None
        try:
            row = db.execute(
                "SELECT result FROM audits WHERE root = ? AND map_key = ? AND result IS NOT NULL "
                "ORDER BY id DESC LIMIT 1",
                (tree_key(root), map_key),
            ).fetchone()
            if row is None:
                return None
            data = json.loads(zlib.decompress(row[0]))
        except (sqlite3.Error, zlib.error, ValueError) as exc:
            self._fail("read", exc)
            return None
        if baseline_problem(data):
            self._fail("read", ValueError("the kept result is damaged"))
            return None
        return data  # type: ignore[no-any-return]

    def record(self, result: AuditResult, root: Path, map_key: str) -> None:
        """Keep this audit (its JSON result without its changes) and drop the oldest results."""
        db = self._open()
        if db is None:
            return
        data = json_report.as_dict(result)
        data.pop("changes", None)
        blob = zlib.compress(json.dumps(data, ensure_ascii=True).encode("ascii"))
        index = result.projection.index if result.projection else None
        counts = [result.count_status(s) for s in ("complete", "weak", "missing", "waived")]
        tree = tree_key(root)
        try:
            with db:
                db.execute("BEGIN IMMEDIATE")
                db.execute(
                    "INSERT INTO audits (root, map_key, map, generated_at, complete, weak, "
                    "missing, waived, idx, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (tree, map_key, result.map_source, result.generated_at, *counts, index, blob),
                )
                db.execute(
                    "UPDATE audits SET result = NULL WHERE root = ? AND map_key = ? AND id NOT IN "
                    "(SELECT id FROM audits WHERE root = ? AND map_key = ? ORDER BY id DESC "
                    "LIMIT ?)",
                    (tree, map_key, tree, map_key, KEEP_RESULTS),
                )
        except sqlite3.Error as exc:
            self._fail("write", exc)

    def points(self, root: Path, map_key: str | None = None) -> tuple[AuditPoint, ...]:
        """The audits kept of ROOT (of one map, or all), oldest first."""
        db = self._open()
        if db is None:
            return ()
        query = "SELECT generated_at, map, complete, weak, missing, waived, idx FROM audits "
        query += "WHERE root = ?" + (" AND map_key = ?" if map_key else "") + " ORDER BY id"
        values = (tree_key(root), map_key) if map_key else (tree_key(root),)
        try:
            rows = db.execute(query, values).fetchall()
        except sqlite3.Error as exc:
            self._fail("read", exc)
            return ()
        return tuple(
            AuditPoint(
                generated_at=at,
                map=name,
                complete=complete,
                weak=weak,
                missing=missing,
                waived=waived or 0,
                index=index,
            )
            for at, name, complete, weak, missing, waived, index in rows
        )

    def _fail(self, action: str, exc: Exception) -> None:
        """One warning per run, whatever else fails after it."""
        if not self._warned:
            log.warning(
                "the audit history %s cannot be %s (%s); going on without it",
                self.path,
                {"open": "opened", "read": "read", "write": "written"}[action],
                exc,
            )
            self._warned = True
