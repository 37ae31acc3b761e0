"""The read stage: every file (and archive member) extracted and read once, in worker processes,
through the cache.

An executor (executor.py: the local pebble pool, or a Dask cluster) reads the files with a
wall-clock timeout and, on Linux, a memory cap; a reader that hangs or dies is replaced, its file
becomes `unreadable` with the reason, and the audit goes on. Small files and the members of an archive travel in batches (fewer
round trips, one opening of the archive per batch); a batch that fails is read again one file at a
time, so only the file at fault is reported. The parent only stats files, lists archives, asks the
cache and stores what the workers encoded.

Stopping is prompt and clean: on any exception in the parent (SIGINT, SIGTERM) the queued work is
cancelled and the workers are ended at once; workers die with their parent (a parent-death signal
on Linux, a watchdog thread elsewhere); the run's scratch folder is locked while it lives, so a
later run removes the folders of killed runs and never another live run's.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from evidence_check.archive import (
    Entry,
    copy_member,
    escape_name,
    is_archive,
    list_archive,
    member_path,
)
from evidence_check.cache import Cache, encode, reading_key
from evidence_check.discover import is_junk
from evidence_check.extract import PICTURES, extract_file, ocr, supported_suffix
from evidence_check.models import Problem, Reading, Reason, SkippedFile, SourceFile
from evidence_check.opening import check_regular, open_regular
from evidence_check.opening import reason as os_reason
from evidence_check.profile import read

if TYPE_CHECKING:
    from evidence_check.executor import Executor, Known, Work

#: small files per worker task at most
BATCH_FILES = 16
#: files above this size (often scans to OCR) and pictures travel alone
BATCH_MAX_BYTES = 2 * 1024 * 1024
#: how often the parent, waiting for workers, hands the readings it has to the cache (seconds)
IDLE_SECONDS = 2.0
#: the run's scratch folder: `evidence-check-XXXXXXXX` in TMPDIR, holding a locked `.lock`
SCRATCH_PREFIX = "evidence-check-"
_LOCK = ".lock"


@dataclass(frozen=True, kw_only=True)
class ReadOptions:
    """What a worker needs to read a file; `tag` is part of every cache key."""

    ocr: bool = False
    #: with `ocr`: OCR in full only the pages of a scan the judgement reads (`--ocr auto`)
    targeted: bool = False
    timeout_seconds: float = 300.0
    memory_bytes: int | None = 2 * 1024**3

    @property
    def tag(self) -> str:
        return f"ocr={'off' if not self.ocr else 'auto' if self.targeted else 'on'}"


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
    #: the pages an earlier run OCR'd of this content, by OCR setting (see `ocr.setting`)
    known: Known = field(default_factory=dict)


#: digest, reading, the reading encoded for the cache, its OCR text layers encoded (b"": none),
#: the pages OCR'd in this run (for the cache's pages: a later run reads only the others)
Result = tuple[str, Reading, bytes, bytes, tuple[str, dict[int, ocr.KnownPage]]]


def file_digest(path: Path) -> str:
    """The content hash; opening never blocks, and a name that is no longer a regular file (a
    FIFO swapped in after discovery) is refused at once (`NotRegularFile`)."""
    digest = hashlib.sha256()
    with open_regular(path) as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_one(path: Path, options: ReadOptions) -> tuple[str, Reading]:
    """Hash, extract and read one file: the work a worker does."""
    try:
        digest = file_digest(path)
    except OSError as exc:
        problem = Problem(code=Reason.UNREADABLE, detail=f"cannot open: {os_reason(exc)}")
        return "", Reading(pages=0, problem=problem, content_key="path:" + path.name)
    extraction = extract_file(path, use_ocr=options.ocr, targeted=options.targeted)
    return digest, read(extraction, digest)


def read_jobs(jobs: Work, scratch: str, options: ReadOptions) -> list[Result]:
    """Read a batch in one worker task, each reading already encoded for the cache, with the
    pages an earlier run OCR'd of each file. A member is copied into the run's private folder
    first, and removed once read; each archive of the batch is opened once."""
    results = []
    seen = ocr.record(scratch)  # the OCR'd pages' text layers, for searchable copies
    archives: dict[Path, zipfile.ZipFile] = {}
    try:
        for path, member, known in jobs:
            seen.start(known.get(ocr.setting(), {}) if known else {})
            if member is None:
                digest, reading = read_one(path, options)
            else:
                digest, reading = _read_member(archives, path, member, scratch, options)
            layers = ocr.encode_layers(seen.take(reading.ocr_pages))
            fresh = (ocr.setting(), seen.read) if seen.read else ("", {})
            results.append((digest, reading, encode(reading), layers, fresh))
    finally:
        for archive in archives.values():
            archive.close()
    return results


def _read_member(
    archives: dict[Path, zipfile.ZipFile],
    path: Path,
    member: int,
    scratch: str,
    options: ReadOptions,
) -> tuple[str, Reading]:
    copy: Path | None = None
    try:
        if path not in archives:
            archives[path] = zipfile.ZipFile(open_regular(path))
        archive = archives[path]
        suffix = PurePosixPath(archive.infolist()[member].filename).suffix.lower()
        copy = Path(scratch) / f"member-{os.getpid()}-{member}{suffix}"
        copy_member(archive, member, copy)
        return read_one(copy, options)
    except (OSError, ValueError, zipfile.BadZipFile, EOFError, RuntimeError) as exc:
        detail = f"cannot be read: {type(exc).__name__}: {exc}"
        return "", _failed(detail[:300], f"{path.name}!/{member}")
    finally:
        if copy is not None:
            copy.unlink(missing_ok=True)


def _worker_start(limit: int | None, parent: int) -> None:
    """In each worker: die with the parent, and cap the memory."""
    _die_with(parent)
    if limit is None:
        return
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass  # no resource limits on this platform: the timeout still applies


_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """A worker whose parent is gone (SIGKILL, a crash) ends itself instead of reading on."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before the signal was armed
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass  # no prctl: the watchdog below
    threading.Thread(target=_watchdog, args=(parent,), daemon=True).start()


def _watchdog(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


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
    executor: Executor | None = None,
) -> Iterator[Outcome]:
    """Yield an outcome for every file and archive member, from the cache where it can; the rest
    is read on `executor` (default: a local pool of `jobs` processes)."""
    if executor is None:
        from evidence_check.executor import PoolExecutor

        executor = PoolExecutor(jobs)
    remove_abandoned()
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
    if options.ocr:
        pending = _with_known_pages(pending, cache)
    for job, result in _run(pending, options, executor, cache.flush):
        if isinstance(result, str):  # the worker failed: the file is unreadable, the audit goes on
            reading = _failed(result, job.source.path)
        else:
            digest, reading, payload, layers, (setting, fresh) = result
            if digest:
                key = reading_key(digest, options.tag)
                cache.put(job.key, job.size, job.mtime_ns, digest, key, payload)
                if layers:
                    cache.put_layers(key, layers)
                cache.put_pages(digest, setting, fresh)
        counter.count(reading)
        yield Outcome(source=job.source, reading=reading)


def _with_known_pages(jobs: list[Job], cache: Cache) -> list[Job]:
    """The jobs with the pages an earlier run (another OCR mode, or the same audit's first pass)
    OCR'd of their content: those are not OCR'd again."""
    digests = cache.digests([(job.key, job.size, job.mtime_ns) for job in jobs])
    pages = cache.pages(sorted(set(digests.values())))
    return [
        dataclasses.replace(job, known=pages[digests[i]])
        if i in digests and digests[i] in pages
        else job
        for i, job in enumerate(jobs)
    ]


def _plan(source: SourceFile) -> list[Outcome | Job]:
    """What reading a file takes: one job, or for an archive one job per member it will read."""
    try:
        stat = source.absolute.stat()
        check_regular(stat.st_mode)
    except OSError as exc:
        return [
            Outcome(source=source, reading=_failed(f"cannot open: {os_reason(exc)}", source.path))
        ]
    key = escape_name(os.path.abspath(source.absolute))
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
            path=member_path(source.path, entry.name),
            absolute=source.absolute,
            agency=source.agency,
            size=entry.size,
        )
        planned.append(_member(inner, entry, member_path(key, entry.name), stat))
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


def _batches(jobs: list[Job], workers: int, most: int = BATCH_FILES) -> list[list[Job]]:
    """Small files in batches of `most` at most, and an archive's small members in batches of
    their own (a worker opens the archive once per batch); pictures and big files (scans) alone."""
    # the size of the file or member itself (a member's Job.size is its archive's, for the cache)
    alone = [[j] for j in jobs if j.source.size > BATCH_MAX_BYTES or _picture(j)]
    groups: dict[Path | None, list[Job]] = {}
    for job in jobs:
        if job.source.size <= BATCH_MAX_BYTES and not _picture(job):
            groups.setdefault(None if job.member is None else job.source.absolute, []).append(job)
    small = sum(len(group) for group in groups.values())
    size = max(1, min(most, small // (workers * 4)))
    return alone + [
        group[i : i + size] for group in groups.values() for i in range(0, len(group), size)
    ]


def _picture(job: Job) -> bool:
    return job.source.path.lower().endswith(PICTURES)


def _run(
    jobs: list[Job],
    options: ReadOptions,
    executor: Executor,
    idle: Callable[[], None],
) -> Iterator[tuple[Job, Result | str]]:
    """Read every job on the executor and yield its result, as batches finish, or, when its
    reader timed out, died or failed, a one-line reason; a failed batch is read again one file
    at a time. `idle` is called every few seconds while the parent waits (the cache commits what
    it holds). On any exception (a stop signal, the caller giving up) the work is cancelled."""
    if not jobs:
        return
    from evidence_check.executor import failure

    batches = _batches(jobs, executor.workers, executor.batch_files)
    with executor.run(options, len(batches)) as run:
        try:

            def submit(batch: list[Job]) -> Any:
                return run.submit([(job.source.absolute, job.member, job.known) for job in batch])

            pending = {submit(batch): batch for batch in batches}
            while pending:
                done = run.finished(list(pending), IDLE_SECONDS)
                if not done:
                    idle()
                for future in done:
                    batch = pending.pop(future)
                    try:
                        results = run.result(future)
                    except Exception as exc:
                        if len(batch) == 1:
                            yield batch[0], failure(exc, options.timeout_seconds)
                            continue
                        for job in batch:  # read them one by one to find the file at fault
                            pending[submit([job])] = [job]
                        continue
                    yield from zip(batch, results, strict=True)
        except BaseException:
            run.stop()
            raise


@contextlib.contextmanager
def scratch_folder() -> Iterator[str]:
    """The run's private folder in TMPDIR, locked while the run lives and removed after it; the
    folders that killed runs left behind are removed first (`read_all`)."""
    folder = tempfile.mkdtemp(prefix=SCRATCH_PREFIX)
    lock = _lock(folder)
    try:
        yield folder
    finally:
        if lock is not None:
            lock.close()
        shutil.rmtree(folder, ignore_errors=True)


def _lock(folder: str) -> Any:
    """Hold `.lock` in the folder while the run lives. With flock it is written and locked under
    another name, then renamed, so a `.lock` that exists is always already held; on Windows the
    open file itself is the lock (an open file cannot be removed)."""
    try:
        import fcntl
    except ImportError:
        handle = open(os.path.join(folder, _LOCK), "w", encoding="ascii")  # noqa: SIM115
        handle.write(str(os.getpid()))
        handle.flush()
        return handle
    staged = os.path.join(folder, ".lock-new")
    handle = open(staged, "w", encoding="ascii")  # noqa: SIM115 - held for the run's lifetime
    handle.write(str(os.getpid()))
    handle.flush()
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # no locks here (some network drives): no `.lock`, so never taken as abandoned
        return handle
    os.replace(staged, os.path.join(folder, _LOCK))
    return handle


def remove_abandoned() -> None:
    """Remove the scratch folders of runs that are gone (killed), never a live run's."""
    try:
        entries = list(os.scandir(tempfile.gettempdir()))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(SCRATCH_PREFIX) and len(name) == len(SCRATCH_PREFIX) + 8):
            continue
        try:
            if not entry.is_dir(follow_symlinks=False) or entry.stat().st_uid != _uid():
                continue
        except OSError:
            continue
        if _abandoned(os.path.join(entry.path, _LOCK)):
            shutil.rmtree(entry.path, ignore_errors=True)


def _uid() -> int:
    return os.getuid() if hasattr(os, "getuid") else 0


def _abandoned(lock: str) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows: a live run holds its lock open, and an open file cannot go
        try:
            os.unlink(lock)
        except OSError:
            return False
        return True
    try:
        descriptor = os.open(lock, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False  # no lock: not ours, or a run that is just starting
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return False  # held: a live run (or its workers)
    finally:
        os.close(descriptor)
    return True


def default_jobs() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1
