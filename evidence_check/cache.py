"""The persistent cache of readings: SQLite in the user's cache folder, internal to the tool.

Entries are keyed by the file's content hash plus the reader version and the settings that change
text (OCR on or off); a file's size and modification time are the fast path to its hash. The cache
can be deleted at any time without changing any result. Two audits may share it: SQLite's WAL mode
and a busy timeout serialise their writes.

The cache is never fatal: a damaged, truncated or foreign file is moved aside (`.broken-<time>`),
a read-only, full or unwritable one, or one another run keeps locked past `LOCK_WAIT_SECONDS`, is
left alone; either way with one warning naming the file, and the run goes on as with no cache.
Readings are committed every `COMMIT_SECONDS` (and when the parent waits), so a killed run keeps
what it read.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import time
import zlib
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir

from evidence_check.models import Form, Problem, Reading, Reason

#: a page OCR'd earlier: its text, whether it was read turned 180 degrees, its text layer
KnownPage = tuple[str, bool, bytes]

#: raise when reading or extraction changes what a file yields: old entries are then ignored
READER_VERSION = 7
#: entries written per transaction at most
BATCH = 200
#: readings are committed at least this often (seconds)
COMMIT_SECONDS = 2.0
#: how long to wait for a cache another run holds locked before going on without it
LOCK_WAIT_SECONDS = 30.0
SCHEMA_VERSION = "1"
#: keys per query (SQLite allows 999 parameters on old builds)
_CHUNK = 500
_SCHEMA = """
CREATE TABLE IF NOT EXISTS about (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, digest TEXT);
CREATE TABLE IF NOT EXISTS readings (key TEXT PRIMARY KEY, payload BLOB);
CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, payload BLOB);
CREATE TABLE IF NOT EXISTS layers (key TEXT PRIMARY KEY, payload BLOB);
CREATE TABLE IF NOT EXISTS pages (
    digest TEXT, setting TEXT, page INTEGER, text TEXT, turned INTEGER, layer BLOB,
    PRIMARY KEY (digest, setting, page));
"""
_NOTE = "internal cache of evidence-check: safe to delete at any time"
#: what a cache of this schema must answer (a foreign or older file does not)
_PROBES = (
    "SELECT path, size, mtime_ns, digest FROM files LIMIT 1",
    "SELECT key, payload FROM readings LIMIT 1",
    "SELECT key, payload FROM results LIMIT 1",
)
#: SQLite's words for a file that is not (or no longer) a cache of ours: it is moved aside
_DAMAGED = (
    "not a database",
    "malformed",
    "no such table",
    "no such column",
    "foreign schema",
    "disk I/O error",  # a journal that does not belong to the file
)
log = logging.getLogger("evidence_check")


def default_cache_dir() -> Path:
    return Path(user_cache_dir("evidence-check", appauthor=False))


class Cache:
    """Readings by content key; `None` as folder gives a cache that remembers nothing."""

    def __init__(self, folder: Path | None) -> None:
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[tuple[str, int, int, str], tuple[str, bytes]]] = []
        self._committed = time.monotonic()
        self.file = None if folder is None else folder / "readings.sqlite3"
        if self.file is None:
            return
        try:
            self._open(self.file)
        except (sqlite3.Error, OSError) as exc:
            self._give_up(exc)
            if self.moved_aside:
                try:
                    self._open(self.file)  # a fresh cache in place of the damaged one
                except (sqlite3.Error, OSError) as again:
                    self._give_up(again)

    moved_aside = False

    def _open(self, file: Path) -> None:
        file.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(file, timeout=LOCK_WAIT_SECONDS, isolation_level=None)
        self._db = db
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(_SCHEMA)
        for probe in _PROBES:
            db.execute(probe).fetchall()
        schema = db.execute("SELECT value FROM about WHERE key = 'schema'").fetchone()
        if schema is not None and schema[0] != SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"foreign schema {schema[0]!r}")
        with db:
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT OR REPLACE INTO about VALUES ('note', ?)", (_NOTE,))
            db.execute("INSERT OR REPLACE INTO about VALUES ('schema', ?)", (SCHEMA_VERSION,))

    def _give_up(self, exc: BaseException) -> None:
        """Go on without the cache, with one warning; a damaged file is moved aside first."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        self._pending.clear()
        if self.file is None:
            return
        text = str(exc)
        if not self.moved_aside and any(words in text for words in _DAMAGED):
            aside = self.file.with_name(f"{self.file.name}.broken-{time.strftime('%Y%m%d%H%M%S')}")
            try:
                self.file.replace(aside)
                for extra in ("-wal", "-shm"):
                    Path(f"{self.file}{extra}").unlink(missing_ok=True)
            except OSError:
                pass
            else:
                self.moved_aside = True
                log.warning(
                    "the cache %s was damaged (%s): moved aside to %s", self.file, text, aside
                )
                return
        log.warning("the cache %s cannot be used (%s): going on without it", self.file, text)
        self.file = None  # one warning per run

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def known(self, files: list[tuple[str, int, int]], tag: str) -> dict[int, Reading]:
        """Readings of the unchanged files among `files` (name, size, mtime), by position:
        a few queries for the whole tree, not two per file."""
        if self._db is None or not files:
            return {}
        try:
            return self._known(self._db, files, tag)
        except sqlite3.Error as exc:
            self._give_up(exc)
            return {}

    def digests(self, files: list[tuple[str, int, int]]) -> dict[int, str]:
        """The content hashes of the unchanged files among `files` (name, size, mtime) that an
        earlier run read, by position."""
        if self._db is None or not files:
            return {}
        self.flush()
        try:
            return self._digests(self._db, files)
        except sqlite3.Error as exc:
            self._give_up(exc)
            return {}

    def _digests(self, db: sqlite3.Connection, files: list[tuple[str, int, int]]) -> dict[int, str]:
        keys = [_text(name) for name, _, _ in files]
        recorded: dict[str, tuple[int, int, str]] = {}
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for path, size, mtime, digest in db.execute(
                f"SELECT path, size, mtime_ns, digest FROM files WHERE path IN ({marks})", chunk
            ):
                recorded[path] = (size, mtime, digest)
        return {
            position: entry[2]
            for position, ((_, size, mtime), key) in enumerate(zip(files, keys, strict=True))
            if (entry := recorded.get(key)) is not None and entry[:2] == (size, mtime)
        }

    def _known(
        self, db: sqlite3.Connection, files: list[tuple[str, int, int]], tag: str
    ) -> dict[int, Reading]:
        wanted: dict[str, list[int]] = {}
        for position, digest in self._digests(db, files).items():
            wanted.setdefault(reading_key(digest, tag), []).append(position)
        found: dict[int, Reading] = {}
        names = list(wanted)
        for start in range(0, len(names), _CHUNK):
            chunk = names[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for key, payload in db.execute(
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
        if len(self._pending) >= BATCH or time.monotonic() - self._committed >= COMMIT_SECONDS:
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

    def pages(self, digests: list[str]) -> dict[str, dict[str, dict[int, KnownPage]]]:
        """The pages OCR'd of each content: digest -> OCR setting -> page -> its text, whether
        it was read turned, its text layer."""
        found: dict[str, dict[str, dict[int, KnownPage]]] = {}
        if self._db is None or not digests:
            return found
        try:
            for start in range(0, len(digests), _CHUNK):
                chunk = digests[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                for digest, setting, page, text, turned, layer in self._db.execute(
                    f"SELECT * FROM pages WHERE digest IN ({marks})", chunk
                ):
                    entry = (str(text), bool(turned), bytes(layer))
                    found.setdefault(digest, {}).setdefault(setting, {})[int(page)] = entry
        except sqlite3.Error as exc:
            self._give_up(exc)
            return {}
        return found

    def put_pages(self, digest: str, setting: str, pages: dict[int, KnownPage]) -> None:
        """Remember the pages OCR'd of a content under the OCR setting that read them: written
        at once, as they come only from the slow files, the scans."""
        if self._db is None or not pages:
            return
        rows = [
            (digest, setting, n, t, int(turned), layer) for n, (t, turned, layer) in pages.items()
        ]
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?)", rows)
        except sqlite3.Error:
            pass  # a convenience like the layers: without them a page is OCR'd once more

    def layers(self, key: str) -> bytes | None:
        """The OCR text layers kept with the reading `key` (see `ocr.decode_layers`)."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT payload FROM layers WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._give_up(exc)
            return None
        return bytes(row[0]) if row else None

    def result(self, key: str) -> bytes | None:
        """A remembered audit result (see memo.py)."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT payload FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._give_up(exc)
            return None
        return bytes(row[0]) if row else None

    def remember_result(self, key: str, payload: bytes) -> None:
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.execute("INSERT OR REPLACE INTO results VALUES (?, ?)", (key, payload))
        except sqlite3.Error as exc:
            self._give_up(exc)

    def flush(self) -> None:
        """Commit the readings held so far (also called while the reader waits for workers)."""
        self._committed = time.monotonic()
        if self._db is None or not self._pending:
            return
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                    [f for f, _ in self._pending],
                )
                self._db.executemany(
                    "INSERT OR REPLACE INTO readings VALUES (?, ?)", [r for _, r in self._pending]
                )
        except sqlite3.Error as exc:
            self._give_up(exc)
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
    data["parts"] = [_encode(part) for part in reading.parts]
    return data


def _decode(data: dict[str, Any]) -> Reading:
    problem = data.pop("problem")
    data["problem"] = (
        None if problem is None else Problem(code=Reason(problem[0]), detail=problem[1])
    )
    data["title_form"] = Form(data["title_form"])
    for name in ("ocr_pages", "page_starts", "page_numbers", "page_problems", "unread_pages"):
        data[name] = tuple(data[name])
    data["reread_pages"] = tuple((page, why) for page, why in data["reread_pages"])
    data["parts"] = tuple(_decode(part) for part in data["parts"])
    data["part"] = tuple(data["part"]) if data["part"] is not None else None
    return Reading(**data)
