"""The read stage: every file extracted and read once, in worker processes, through the cache.

A pebble process pool runs one file per task with a wall-clock timeout, and a memory cap set in
each worker (Linux resource limits); a worker that hangs or dies is replaced and its file becomes
`unreadable` with the reason, and the audit goes on. The parent only stats files, asks the cache,
and collects small `Reading` values.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path

from pebble import ProcessExpired, ProcessPool

from evidence_check.cache import Cache, reading_key
from evidence_check.extract import extract_file
from evidence_check.models import Problem, Reading, Reason, SourceFile
from evidence_check.profile import read


@dataclass(frozen=True, kw_only=True)
class ReadOptions:
    """What a worker needs to read a file; part of every cache key."""

    ocr: bool = False
    timeout_seconds: float = 300.0
    memory_bytes: int | None = 2 * 1024**3

    @property
    def tag(self) -> str:
        return f"ocr={'on' if self.ocr else 'off'}"


@dataclass(frozen=True, kw_only=True)
class Progress:
    done: int
    total: int
    pages: int
    ocr_pages: int


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_one(path: Path, options: ReadOptions) -> tuple[str, Reading]:
    """Hash, extract and read one file: the work a worker does (also run in-process)."""
    try:
        digest = file_digest(path)
    except OSError as exc:
        problem = Problem(code=Reason.UNREADABLE, detail=f"cannot open: {exc.strerror or exc}")
        return "", Reading(pages=0, problem=problem, content_key="path:" + str(path))
    return digest, read(extract_file(path, use_ocr=options.ocr), digest)


def _limit_memory(limit: int | None) -> None:
    if limit is None:
        return
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass  # no resource limits on this platform: the timeout still applies


def _failed(source: SourceFile, detail: str) -> Reading:
    problem = Problem(code=Reason.UNREADABLE, detail=detail)
    return Reading(pages=0, problem=problem, content_key="path:" + source.path)


def read_all(
    files: tuple[SourceFile, ...],
    options: ReadOptions,
    cache: Cache,
    jobs: int,
    on_progress: Callable[[Progress], None] | None = None,
) -> Iterator[tuple[SourceFile, Reading]]:
    """Yield every file with its reading, from the cache where the content is known."""
    pending: list[tuple[SourceFile, int, int]] = []
    done = pages = ocr_pages = 0

    def report(reading: Reading) -> None:
        nonlocal done, pages, ocr_pages
        done, pages, ocr_pages = done + 1, pages + reading.pages, ocr_pages + len(reading.ocr_pages)
        if on_progress is not None:
            on_progress(Progress(done=done, total=len(files), pages=pages, ocr_pages=ocr_pages))

    for source in files:
        try:
            stat = source.absolute.stat()
        except OSError as exc:
            reading = _failed(source, f"cannot open: {exc.strerror or exc}")
            report(reading)
            yield source, reading
            continue
        digest = cache.digest(source.absolute, stat.st_size, stat.st_mtime_ns)
        cached = cache.get(reading_key(digest, options.tag)) if digest else None
        if cached is not None:
            report(cached)
            yield source, cached
        else:
            pending.append((source, stat.st_size, stat.st_mtime_ns))

    def store(item: tuple[SourceFile, int, int], digest: str, reading: Reading) -> Reading:
        if digest:
            source, size, mtime = item
            cache.put(
                source.absolute, size, mtime, digest, reading_key(digest, options.tag), reading
            )
        report(reading)
        return reading

    if jobs <= 1 or len(pending) <= 1:
        for item in pending:
            digest, reading = read_one(item[0].absolute, options)
            yield item[0], store(item, digest, reading)
        return
    with ProcessPool(
        max_workers=min(jobs, len(pending)),
        initializer=_limit_memory,
        initargs=(options.memory_bytes,),
    ) as pool:
        futures = [
            (
                item,
                pool.schedule(
                    read_one, args=(item[0].absolute, options), timeout=options.timeout_seconds
                ),
            )
            for item in pending
        ]
        for item, future in futures:
            try:
                digest, reading = future.result()
            except FutureTimeout:
                digest, reading = (
                    "",
                    _failed(item[0], f"timed out after {options.timeout_seconds:.0f} s"),
                )
            except ProcessExpired as exc:
                digest, reading = "", _failed(item[0], f"the reader stopped ({_expired(exc)})")
            except MemoryError:
                digest, reading = "", _failed(item[0], "too much memory needed: refused")
            except Exception as exc:  # a reader bug on one file must not stop the audit
                digest, reading = (
                    "",
                    _failed(item[0], f"cannot be read: {type(exc).__name__}: {exc}"),
                )
            yield item[0], store(item, digest, reading)


def _expired(exc: ProcessExpired) -> str:
    code = getattr(exc, "exitcode", None)
    if code is not None and code < 0 and -code == 9:
        return "killed: out of memory?"
    return f"exit code {code}" if code is not None else str(exc)


def default_jobs() -> int:
    return max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )
