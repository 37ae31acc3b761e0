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
from functools import partial
from pathlib import Path
from typing import Any, cast

from pebble import ProcessExpired, ProcessPool

from evidence_check.archive import Member, is_archive, read_archive
from evidence_check.cache import Cache, encode, reading_key
from evidence_check.discover import is_junk
from evidence_check.extract import extract_file, supported_suffix
from evidence_check.models import Problem, Reading, Reason, SkippedFile, SourceFile
from evidence_check.profile import read

#: files per worker task at most (fewer when the tree is small, to keep the workers busy)
BATCH_FILES = 16


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
class Outcome:
    """What the read stage says of one file or archive member: read, or skipped."""

    source: SourceFile
    reading: Reading | None = None
    skipped: SkippedFile | None = None
    #: for a ZIP archive itself: how many members it holds (they follow as outcomes of their own)
    archive_members: int | None = None


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


def read_zip(path: Path, options: ReadOptions) -> tuple[list[Member], Problem | None]:
    """Read every member of an archive (in a worker, like `read_one`)."""

    def member(target: Path) -> tuple[str, Reading]:
        return read_one(target, options)

    return read_archive(path, member, is_junk=is_junk, supported=supported_suffix)


def _archive_outcomes(
    source: SourceFile, members: list[Member], problem: Problem | None
) -> list[Outcome]:
    if problem is not None:
        reading = Reading(pages=0, problem=problem, content_key="path:" + source.path)
        return [Outcome(source=source, reading=reading)]
    outcomes = [Outcome(source=source, archive_members=len(members))]
    for item in members:
        inner = SourceFile(
            path=f"{source.path}!/{item.name}",
            absolute=source.absolute,
            agency=source.agency,
            size=item.size,
        )
        if item.reading is not None:
            outcomes.append(Outcome(source=inner, reading=item.reading))
        else:
            skipped = SkippedFile(
                path=inner.path,
                agency=source.agency,
                reason=item.skip_reason or "unsupported",
                detail=item.detail,
            )
            outcomes.append(Outcome(source=inner, skipped=skipped))
    return outcomes


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
) -> Iterator[Outcome]:
    """Yield an outcome for every file (and archive member), from the cache where it can."""
    counts = {"done": 0, "pages": 0, "ocr": 0}

    def report(reading: Reading | None) -> None:
        counts["done"] += 1
        if reading is not None:
            counts["pages"] += reading.pages
            counts["ocr"] += len(reading.ocr_pages)
        if on_progress is not None:
            on_progress(
                Progress(
                    done=counts["done"],
                    total=len(files),
                    pages=counts["pages"],
                    ocr_pages=counts["ocr"],
                )
            )

    pending: list[tuple[SourceFile, os.stat_result | None]] = []
    stated: list[tuple[SourceFile, os.stat_result]] = []
    for source in files:
        if is_archive(source.path):
            pending.append((source, None))
            continue
        try:
            stated.append((source, source.absolute.stat()))
        except OSError as exc:
            failed = _failed(source, f"cannot open: {exc.strerror or exc}")
            report(failed)
            yield Outcome(source=source, reading=failed)
    cached = cache.known(
        [(s.absolute, st.st_size, st.st_mtime_ns) for s, st in stated], options.tag
    )
    for position, (source, stat) in enumerate(stated):
        if position in cached:
            report(cached[position])
            yield Outcome(source=source, reading=cached[position])
        else:
            pending.append((source, stat))

    for (source, known), result in _run(pending, options, jobs):
        if isinstance(result, str):  # the worker failed: the file is unreadable, the audit goes on
            failed = _failed(source, result)
            report(failed)
            yield Outcome(source=source, reading=failed)
        elif known is None:
            members, problem = cast(tuple[list[Member], Problem | None], result)
            outcomes = _archive_outcomes(source, members, problem)
            report(outcomes[0].reading)
            yield from outcomes
        else:
            digest, reading, payload = cast(tuple[str, Reading, bytes], result)
            if digest:
                key = reading_key(digest, options.tag)
                cache.put(source.absolute, known.st_size, known.st_mtime_ns, digest, key, payload)
            report(reading)
            yield Outcome(source=source, reading=reading)


Task = tuple[SourceFile, "os.stat_result | None"]


def read_many(paths: list[Path], options: ReadOptions) -> list[tuple[str, Reading, bytes]]:
    """Read a batch of files in one worker task (fewer round trips between processes), each
    with its reading already encoded for the cache, so the parent stays light."""
    return [
        (digest, reading, encode(reading))
        for digest, reading in map(partial(read_one, options=options), paths)
    ]


def _run(tasks: list[Task], options: ReadOptions, jobs: int) -> Iterator[tuple[Task, object]]:
    """Run each task (a file: `read_one`; an archive: `read_zip`) and yield its result or, when
    the worker timed out, died or failed, a one-line reason.

    Files go to the workers in small batches; a batch that times out or kills its worker is run
    again one file at a time, so that only the file at fault is reported."""
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            try:
                if task[1] is None:
                    yield task, read_zip(task[0].absolute, options)
                else:
                    yield task, read_many([task[0].absolute], options)[0]
            except Exception as exc:  # a reader bug on one file must not stop the audit
                yield task, f"cannot be read: {type(exc).__name__}: {exc}"
        return
    files = [t for t in tasks if t[1] is not None]
    archives = [t for t in tasks if t[1] is None]
    size = max(1, min(BATCH_FILES, len(files) // (jobs * 4)))
    batches = [files[i : i + size] for i in range(0, len(files), size)] + [[a] for a in archives]
    with ProcessPool(
        max_workers=min(jobs, len(batches)),
        initializer=_limit_memory,
        initargs=(options.memory_bytes,),
    ) as pool:
        scheduled = [(batch, _schedule(pool, batch, options)) for batch in batches]
        for batch, future in scheduled:
            try:
                result = future.result()
            except Exception as exc:
                if len(batch) == 1:
                    yield batch[0], _failure(exc, _limit(batch[0], options))
                    continue
                for task in batch:  # find the file at fault
                    try:
                        yield task, _schedule(pool, [task], options).result()
                    except Exception as inner:
                        yield task, _failure(inner, _limit(task, options))
                continue
            if batch[0][1] is None:
                yield batch[0], result
            else:
                yield from zip(batch, result, strict=True)


def _limit(task: Task, options: ReadOptions) -> float:
    return options.timeout_seconds * (10 if task[1] is None else 1)


def _schedule(pool: ProcessPool, batch: list[Task], options: ReadOptions) -> Any:
    if batch[0][1] is None:
        return pool.schedule(
            read_zip, args=(batch[0][0].absolute, options), timeout=_limit(batch[0], options)
        )
    paths = [task[0].absolute for task in batch]
    return pool.schedule(
        read_many, args=(paths, options), timeout=options.timeout_seconds * len(batch)
    )


def _failure(exc: BaseException, limit: float) -> str:
    if isinstance(exc, FutureTimeout):
        return f"timed out after {limit:.0f} s"
    if isinstance(exc, ProcessExpired):
        return f"the reader stopped ({_expired(exc)})"
    if isinstance(exc, MemoryError):
        return "too much memory needed: refused"
    return f"cannot be read: {type(exc).__name__}: {exc}"


def _expired(exc: ProcessExpired) -> str:
    code = getattr(exc, "exitcode", None)
    if code is not None and code < 0 and -code == 9:
        return "killed: out of memory?"
    return f"exit code {code}" if code is not None else str(exc)


def default_jobs() -> int:
    return max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )
