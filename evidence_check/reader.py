"""The read stage: every file (and archive member) extracted and read once, in worker processes,
through the cache.

A pebble process pool reads the files with a wall-clock timeout and, on Linux, a memory cap set
in each worker; a worker that hangs or dies is replaced, its file becomes `unreadable` with the
reason, and the audit goes on. Small files travel in batches (fewer round trips); a batch that
fails is read again one file at a time, so only the file at fault is reported. The parent only
stats files, lists archives, asks the cache and stores what the workers encoded.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from evidence_check.archive import Entry, copy_member, is_archive, list_archive
from evidence_check.cache import Cache, encode, reading_key
from evidence_check.discover import is_junk
from evidence_check.extract import PICTURES, extract_file, ocr, supported_suffix
from evidence_check.models import Problem, Reading, Reason, SkippedFile, SourceFile
from evidence_check.profile import read

#: small files per worker task at most
BATCH_FILES = 16
#: files above this size (often scans to OCR) and pictures travel alone
BATCH_MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, kw_only=True)
class ReadOptions:
    """What a worker needs to read a file; `tag` is part of every cache key."""

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


@dataclass(frozen=True)
class Job:
    """One file to read: a file under ROOT, or member `member` of the archive `source.absolute`."""

    source: SourceFile
    #: the cache's name for it, with the size and modification time that make it unchanged
    key: str
    size: int
    mtime_ns: int
    member: int | None = None


#: digest, reading, the reading encoded for the cache, its OCR text layers encoded (b"": none)
Result = tuple[str, Reading, bytes, bytes]


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_one(path: Path, options: ReadOptions) -> tuple[str, Reading]:
    """Hash, extract and read one file: the work a worker does."""
    try:
        digest = file_digest(path)
    except OSError as exc:
        problem = Problem(code=Reason.UNREADABLE, detail=f"cannot open: {exc.strerror or exc}")
        return "", Reading(pages=0, problem=problem, content_key="path:" + path.name)
    return digest, read(extract_file(path, use_ocr=options.ocr), digest)


def read_jobs(
    jobs: list[tuple[Path, int | None]], scratch: str, options: ReadOptions
) -> list[Result]:
    """Read a batch in one worker task, each reading already encoded for the cache. A member is
    copied into the run's private folder first, and removed once read."""
    results = []
    seen = ocr.record(scratch)  # the OCR'd pages' text layers, for searchable copies
    for path, member in jobs:
        if member is None:
            digest, reading = read_one(path, options)
        else:
            copy = Path(scratch) / f"member-{os.getpid()}-{member}{_suffix(path, member)}"
            try:
                copy_member(path, member, copy)
                digest, reading = read_one(copy, options)
            finally:
                copy.unlink(missing_ok=True)
        results.append(
            (digest, reading, encode(reading), ocr.encode_layers(seen.take(reading.ocr_pages)))
        )
    return results


def _suffix(path: Path, member: int) -> str:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return PurePosixPath(archive.infolist()[member].filename).suffix.lower()


def _limit_memory(limit: int | None) -> None:
    if limit is None:
        return
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass  # no resource limits on this platform: the timeout still applies


def _failed(detail: str, key: str) -> Reading:
    return Reading(
        pages=0, problem=Problem(code=Reason.UNREADABLE, detail=detail), content_key="path:" + key
    )


def read_all(
    files: tuple[SourceFile, ...],
    options: ReadOptions,
    cache: Cache,
    jobs: int,
    on_progress: Callable[[Progress], None] | None = None,
) -> Iterator[Outcome]:
    """Yield an outcome for every file and archive member, from the cache where it can."""
    outcomes: list[Outcome] = []
    planned: list[Job] = []
    for source in files:
        planned_or_done = _plan(source)
        outcomes.extend(o for o in planned_or_done if isinstance(o, Outcome))
        planned.extend(j for j in planned_or_done if isinstance(j, Job))
    counter = _Counter(
        sum(1 for o in outcomes if o.reading is not None) + len(planned), on_progress
    )
    for outcome in outcomes:
        counter.count(outcome.reading)
        yield outcome
    cached = cache.known([(job.key, job.size, job.mtime_ns) for job in planned], options.tag)
    pending = []
    for position, job in enumerate(planned):
        if position in cached:
            counter.count(cached[position])
            yield Outcome(source=job.source, reading=cached[position])
        else:
            pending.append(job)
    for job, result in _run(pending, options, jobs):
        if isinstance(result, str):  # the worker failed: the file is unreadable, the audit goes on
            reading = _failed(result, job.source.path)
        else:
            digest, reading, payload, layers = result
            if digest:
                key = reading_key(digest, options.tag)
                cache.put(job.key, job.size, job.mtime_ns, digest, key, payload)
                if layers:
                    cache.put_layers(key, layers)
        counter.count(reading)
        yield Outcome(source=job.source, reading=reading)


def _plan(source: SourceFile) -> list[Outcome | Job]:
    """What reading a file takes: one job, or for an archive one job per member it will read."""
    try:
        stat = source.absolute.stat()
    except OSError as exc:
        return [
            Outcome(
                source=source, reading=_failed(f"cannot open: {exc.strerror or exc}", source.path)
            )
        ]
    key = os.path.abspath(source.absolute)
    if not is_archive(source.path):
        return [Job(source, key, stat.st_size, stat.st_mtime_ns)]
    entries, problem = list_archive(source.absolute, is_junk=is_junk, supported=supported_suffix)
    if problem is not None:
        return [
            Outcome(
                source=source,
                reading=Reading(pages=0, problem=problem, content_key="path:" + source.path),
            )
        ]
    planned: list[Outcome | Job] = [Outcome(source=source, archive_members=len(entries))]
    for entry in entries:
        inner = SourceFile(
            path=f"{source.path}!/{entry.name}",
            absolute=source.absolute,
            agency=source.agency,
            size=entry.size,
        )
        planned.append(_member(inner, entry, f"{key}!/{entry.name}", stat))
    return planned


def _member(inner: SourceFile, entry: Entry, key: str, stat: os.stat_result) -> Outcome | Job:
    if entry.skip_reason is not None:
        skipped = SkippedFile(
            path=inner.path, agency=inner.agency, reason=entry.skip_reason, detail=entry.detail
        )
        return Outcome(source=inner, skipped=skipped)
    if entry.encrypted:
        reading = _failed("encrypted inside the archive: a password is needed", inner.path)
        return Outcome(source=inner, reading=reading)
    return Job(inner, key, stat.st_size, stat.st_mtime_ns, member=entry.index)


class _Counter:
    def __init__(self, total: int, on_progress: Callable[[Progress], None] | None) -> None:
        self.total, self.on_progress = total, on_progress
        self.done = self.pages = self.ocr_pages = 0

    def count(self, reading: Reading | None) -> None:
        if reading is None:
            return
        self.done, self.pages = self.done + 1, self.pages + reading.pages
        self.ocr_pages += len(reading.ocr_pages)
        if self.on_progress is not None:
            self.on_progress(
                Progress(
                    done=self.done, total=self.total, pages=self.pages, ocr_pages=self.ocr_pages
                )
            )


def _batches(jobs: list[Job], workers: int) -> list[list[Job]]:
    """Small plain files in batches; archive members, pictures and big files (scans) alone."""
    alone = [[j] for j in jobs if j.member is not None or j.size > BATCH_MAX_BYTES or _picture(j)]
    small = [j for j in jobs if j.member is None and j.size <= BATCH_MAX_BYTES and not _picture(j)]
    size = max(1, min(BATCH_FILES, len(small) // (workers * 4)))
    return alone + [small[i : i + size] for i in range(0, len(small), size)]


def _picture(job: Job) -> bool:
    return job.source.path.lower().endswith(PICTURES)


def _run(jobs: list[Job], options: ReadOptions, workers: int) -> Iterator[tuple[Job, Result | str]]:
    """Read every job in the pool and yield its result or, when its worker timed out, died or
    failed, a one-line reason. Always in worker processes: only they can be stopped."""
    if not jobs:
        return
    from pebble import ProcessPool  # only a run with files to read needs the pool

    batches = _batches(jobs, workers)
    with (
        tempfile.TemporaryDirectory(prefix="evidence-check-") as scratch,
        ProcessPool(
            max_workers=min(workers, len(batches)),
            initializer=_limit_memory,
            initargs=(options.memory_bytes,),
        ) as pool,
    ):

        def schedule(batch: list[Job]) -> Any:
            work = [(job.source.absolute, job.member) for job in batch]
            return pool.schedule(
                read_jobs, args=(work, scratch, options), timeout=options.timeout_seconds
            )

        scheduled = [(batch, schedule(batch)) for batch in batches]
        for batch, future in scheduled:
            try:
                yield from zip(batch, future.result(), strict=True)
            except Exception as exc:
                if len(batch) == 1:
                    yield batch[0], _failure(exc, options.timeout_seconds)
                    continue
                for job in batch:  # read them one by one to find the file at fault
                    try:
                        yield job, schedule([job]).result()[0]
                    except Exception as inner:
                        yield job, _failure(inner, options.timeout_seconds)


def _failure(exc: BaseException, limit: float) -> str:
    if isinstance(exc, FutureTimeout):
        return f"timed out after {limit:.0f} s"
    from pebble import ProcessExpired

    if isinstance(exc, ProcessExpired):
        return f"the reader stopped ({_expired(exc)})"
    if isinstance(exc, MemoryError):
        return "too much memory needed: refused"
    return f"cannot be read: {type(exc).__name__}: {exc}"


def _expired(exc: Exception) -> str:
    code = getattr(exc, "exitcode", None)
    if code is not None and code < 0 and -code == 9:
        return "killed: out of memory?"
    return f"exit code {code}" if code is not None else str(exc)


def default_jobs() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1
