"""A batch read out of the calling process, with its time limit, for a Dask worker's task.

A worker that may have children (`distributed.worker.daemon: false`, as `--scheduler local:N`
starts them) keeps one pebble process of its own for all its tasks: past the limit that process
is ended and replaced, the worker lives on. A daemonic worker (multiprocessing may not fork under
it) starts `python -m evidence_check.batch_child` per batch instead, the batch on stdin and the
readings back on stdout, killed at the limit. Either reader caps its memory, dies with its parent
and reads in a private scratch folder; shipped bytes are written there first.
"""

from __future__ import annotations

import atexit
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidence_check.executor import BatchDied, BatchTimeout, Known, Work

if TYPE_CHECKING:
    from evidence_check.reader import ReadOptions, Result

#: (file name, archive member or None, the pages OCR'd before, the file's bytes or None: read it
#: by its path)
Shipped = list[tuple[Path, int | None, Known, bytes | None]]


def read_batch(work: Shipped, options: ReadOptions) -> list[Result]:
    """Read one batch within `options.timeout_seconds`, in the worker's own pool when it can
    have one, else in a child process of its own (`BatchTimeout`, `BatchDied`)."""
    import multiprocessing

    if multiprocessing.current_process().daemon:
        return read_in_child(work, options)
    return _read_pooled(work, options)


#: the worker's reader pool, by memory cap; and its scratch folder, kept while the worker lives
_POOLS: dict[int | None, Any] = {}
_SCRATCH: list[str] = []


def _read_pooled(work: Shipped, options: ReadOptions) -> list[Result]:
    from concurrent.futures import TimeoutError as FutureTimeout

    from pebble import ProcessExpired, ProcessPool

    from evidence_check.reader import _worker_start, read_jobs, scratch_folder

    if not _SCRATCH:
        held = scratch_folder()  # locked while this worker lives; a later run removes it after
        _SCRATCH.append(held.__enter__())
        atexit.register(held.__exit__, None, None, None)
    pool = _POOLS.get(options.memory_bytes)
    if pool is not None and not pool.active:  # a pool that broke is replaced, never reused
        _POOLS.pop(options.memory_bytes)
        pool = None
    if pool is None:
        pool = _POOLS[options.memory_bytes] = ProcessPool(
            max_workers=1,
            initializer=_worker_start,
            initargs=(options.memory_bytes, os.getpid()),
            context=multiprocessing_context(),
        )
        atexit.register(pool.stop)  # the worker closing ends its reader
    scratch = _SCRATCH[0]
    folder = Path(tempfile.mkdtemp(dir=scratch, prefix="batch-"))
    try:
        paths = _placed(work, folder)
        future = pool.schedule(
            read_jobs, args=(paths, scratch, options), timeout=options.timeout_seconds
        )
        try:
            results: list[Result] = future.result()
            return results
        except FutureTimeout:
            raise BatchTimeout(f"timed out after {options.timeout_seconds:.0f} s") from None
        except ProcessExpired as exc:
            raise BatchDied(getattr(exc, "exitcode", None)) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def multiprocessing_context() -> Any:
    """Fork where there is fork (the reader starts in milliseconds, without importing Dask
    again; the child only reads, it never touches the worker's threads' state), else spawn."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def read_in_child(work: Shipped, options: ReadOptions) -> list[Result]:
    """Read one batch in a fresh child process within `options.timeout_seconds`."""
    child = subprocess.Popen(
        [sys.executable, "-m", "evidence_check.batch_child"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    request = pickle.dumps((work, options, os.getpid()), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        answer, _ = child.communicate(request, timeout=options.timeout_seconds)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise BatchTimeout(f"timed out after {options.timeout_seconds:.0f} s") from None
    except BaseException:
        child.kill()
        child.wait()
        raise
    if child.returncode != 0 or not answer:
        raise BatchDied(child.returncode)
    results: list[Result] = pickle.loads(answer)
    return results


def with_bytes(work: Work) -> Shipped:
    """The batch with every file's bytes, each archive once (`--ship-bytes`)."""
    shipped: Shipped = []
    seen: set[Path] = set()
    for path, member, known in work:
        data = None if path in seen else path.read_bytes()
        seen.add(path)
        shipped.append((path, member, known, data))
    return shipped


def _main() -> None:
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a library that prints must not spoil the answer
    work, options, parent = pickle.load(sys.stdin.buffer)
    from evidence_check.reader import _worker_start, read_jobs, scratch_folder

    _worker_start(options.memory_bytes, parent)
    with scratch_folder() as scratch:
        paths = _placed(work, Path(scratch))
        results = read_jobs(paths, scratch, options)
    out.write(pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))
    out.flush()


def _placed(work: Shipped, scratch: Path) -> Work:
    """Shipped files written into the scratch folder under their own names; the others as given."""
    placed: dict[Path, Path] = {}
    paths: Work = []
    for index, (path, member, known, data) in enumerate(work):
        if data is not None:
            folder = scratch / f"shipped-{index}"
            folder.mkdir()
            placed[path] = folder / path.name
            placed[path].write_bytes(data)
        paths.append((placed.get(path, path), member, known))
    return paths


if __name__ == "__main__":
    _main()
