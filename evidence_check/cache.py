"""The persistent cache of readings: SQLite in the user's cache folder, internal to the tool.

Entries are keyed by the file's content hash plus the reader version and the settings that change
text (OCR on or off); a file's size and modification time are the fast path to its hash. The cache
can be deleted at any time without changing any result. Two audits may share it: SQLite's WAL mode
and a busy timeout serialise their writes.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir

from evidence_check.models import Form, Problem, Reading, Reason

#: raise when reading or extraction changes what a file yields: old entries are then ignored
READER_VERSION = 1
#: entries written per transaction
BATCH = 200
#: keys per query (SQLite allows 999 parameters on old builds)
_CHUNK = 500
_SCHEMA = """
CREATE TABLE IF NOT EXISTS about (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, digest TEXT);
CREATE TABLE IF NOT EXISTS readings (key TEXT PRIMARY KEY, payload BLOB);
CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, payload BLOB);
CREATE TABLE IF NOT EXISTS layers (key TEXT PRIMARY KEY, payload BLOB);
"""
_NOTE = "internal cache of evidence-check: safe to delete at any time"


def default_cache_dir() -> Path:
    return Path(user_cache_dir("evidence-check", appauthor=False))


class Cache:
    """Readings by content key; `None` as folder gives a cache that remembers nothing."""

    def __init__(self, folder: Path | None) -> None:
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[tuple[str, int, int, str], tuple[str, bytes]]] = []
        if folder is None:
            return
        folder.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(folder / "readings.sqlite3", timeout=60, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        self._db.execute("INSERT OR REPLACE INTO about VALUES ('note', ?)", (_NOTE,))

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None

    def known(self, files: list[tuple[str, int, int]], tag: str) -> dict[int, Reading]:
        """Readings of the unchanged files among `files` (name, size, mtime), by position:
        a few queries for the whole tree, not two per file."""
        if self._db is None or not files:
            return {}
        keys = [_text(name) for name, _, _ in files]
        recorded: dict[str, tuple[int, int, str]] = {}
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for path, size, mtime, digest in self._db.execute(
                f"SELECT path, size, mtime_ns, digest FROM files WHERE path IN ({marks})", chunk
            ):
                recorded[path] = (size, mtime, digest)
        wanted: dict[str, list[int]] = {}
        for position, ((_, size, mtime), key) in enumerate(zip(files, keys, strict=True)):
            entry = recorded.get(key)
            if entry is not None and entry[:2] == (size, mtime):
                wanted.setdefault(reading_key(entry[2], tag), []).append(position)
        found: dict[int, Reading] = {}
        names = list(wanted)
        for start in range(0, len(names), _CHUNK):
            chunk = names[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for key, payload in self._db.execute(
                f"SELECT key, payload FROM readings WHERE key IN ({marks})", chunk
            ):
                reading = _load(payload)
                if reading is not None:
                    for position in wanted[key]:
                        found[position] = reading
        return found

    def put(
        self, name: str, size: int, mtime_ns: int, digest: str, key: str, payload: bytes
    ) -> None:
        """Remember an encoded reading (see `encode`) of the file `name` (an absolute path, or
        "archive!/member"); entries are written in batches."""
        if self._db is None:
            return
        self._pending.append(((_text(name), size, mtime_ns, digest), (key, payload)))
        if len(self._pending) >= BATCH:
            self.flush()

    def put_layers(self, key: str, payload: bytes) -> None:
        """Remember the OCR text layers of the reading `key` (encoded by `ocr.encode_layers`):
        written at once, as they come only from the slow files, the scans."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.execute("INSERT OR REPLACE INTO layers VALUES (?, ?)", (key, payload))
        except sqlite3.Error:
            pass  # the layers are a convenience: without them a scan is OCR'd once more

    def layers(self, key: str) -> bytes | None:
        """The OCR text layers kept with the reading `key` (see `ocr.decode_layers`)."""
        if self._db is None:
            return None
        row = self._db.execute("SELECT payload FROM layers WHERE key = ?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    def result(self, key: str) -> bytes | None:
        """A remembered audit result (see memo.py)."""
        if self._db is None:
            return None
        row = self._db.execute("SELECT payload FROM results WHERE key = ?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    def remember_result(self, key: str, payload: bytes) -> None:
        if self._db is None:
            return
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("INSERT OR REPLACE INTO results VALUES (?, ?)", (key, payload))

    def flush(self) -> None:
        if self._db is None or not self._pending:
            return
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", [f for f, _ in self._pending]
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO readings VALUES (?, ?)", [r for _, r in self._pending]
            )
        self._pending.clear()


def encode(reading: Reading) -> bytes:
    """A reading as the cache stores it (done in the worker that made it)."""
    return zlib.compress(json.dumps(_encode(reading)).encode("utf-8", "surrogatepass"), 3)


def _load(payload: bytes) -> Reading | None:
    try:
        return _decode(json.loads(zlib.decompress(payload)))
    except (ValueError, KeyError, TypeError, zlib.error):
        return None  # a damaged entry is a miss, never a wrong result


def reading_key(digest: str, settings_tag: str) -> str:
    return f"{digest}:{READER_VERSION}:{settings_tag}"


def _text(name: str) -> str:
    """A file name SQLite can store: undecodable bytes of a name kept as replacement marks."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _encode(reading: Reading) -> dict[str, Any]:
    data = dict(reading.__dict__)
    data["problem"] = (
        None if reading.problem is None else [reading.problem.code.value, reading.problem.detail]
    )
    data["title_form"] = reading.title_form.value
    return data


def _decode(data: dict[str, Any]) -> Reading:
    problem = data.pop("problem")
    data["problem"] = (
        None if problem is None else Problem(code=Reason(problem[0]), detail=problem[1])
    )
    data["title_form"] = Form(data["title_form"])
    for name in ("ocr_pages", "page_starts", "page_numbers"):
        data[name] = tuple(data[name])
    return Reading(**data)
