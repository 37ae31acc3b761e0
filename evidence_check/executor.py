"""Where the read stage's batches run: one small interface and the local pebble pool behind it.

An executor starts a run, takes batches of files (`submit`), says which have finished
(`finished`), hands their results or raises what went wrong (`result`), and cancels everything at
once (`stop`). Batching, the per-file limits and the one-by-one retry of a failed batch live in
reader.py and serve every executor; the Dask one is in dask_executor.py (imported only with
`--scheduler`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures import wait as wait_futures
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from evidence_check.reader import ReadOptions, Result

#: the pages an earlier run OCR'd of a file: OCR setting -> page -> text, turned, text layer
Known = dict[str, dict[int, tuple[str, bool, bytes]]]
#: a batch as it travels: (file, archive member index or None, the pages OCR'd before)
Work = list[tuple[Path, int | None, Known]]


class ClusterError(Exception):
    """The cluster cannot do the run (unreachable, or a worker cannot see ROOT): a usage error."""


class BatchTimeout(Exception):
    """A batch ran past its time limit and its reader was ended."""


class BatchDied(Exception):
    """A batch's reader process ended without an answer (killed, out of memory, a crash)."""

    def __init__(self, exitcode: int | None) -> None:
        super().__init__(f"exit code {exitcode}")
        self.exitcode = exitcode


class Run(Protocol):
    """One read stage on an executor."""

    def submit(self, work: Work) -> Any: ...

    def finished(self, futures: list[Any], seconds: float) -> list[Any]: ...

    def result(self, future: Any) -> list[Result]: ...

    def stop(self) -> None: ...


class Executor(Protocol):
    """What reads the batches: the local pool or a cluster."""

    @property
    def workers(self) -> int: ...

    @property
    def batch_files(self) -> int:
        """Small files per batch at most."""
        ...

    def check_root(self, root: Path) -> None: ...

    def run(self, options: ReadOptions, batches: int) -> contextlib.AbstractContextManager[Run]: ...


class PoolExecutor:
    """The local pebble pool: `jobs` worker processes with a wall-clock timeout per batch and a
    memory cap in each worker; a worker that hangs or dies is replaced."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs

    @property
    def workers(self) -> int:
        return self.jobs

    @property
    def batch_files(self) -> int:
        from evidence_check.reader import BATCH_FILES

        return BATCH_FILES

    def check_root(self, root: Path) -> None:
        return None  # the workers are on this machine

    @contextlib.contextmanager
    def run(self, options: ReadOptions, batches: int) -> Iterator[Run]:
        from pebble import ProcessPool  # only a run with files to read needs the pool

        from evidence_check.reader import _worker_start, scratch_folder

        with scratch_folder() as scratch:
            pool = ProcessPool(
                max_workers=max(1, min(self.jobs, batches)),
                initializer=_worker_start,
                initargs=(options.memory_bytes, os.getpid()),
            )
            try:
                yield _PoolRun(pool, scratch, options)
                pool.close()  # type: ignore[no-untyped-call]
            except BaseException:  # a stop signal, or the caller gave up: end the workers now
                pool.stop()  # type: ignore[no-untyped-call]
                raise
            finally:
                with contextlib.suppress(Exception):
                    pool.join(timeout=5)


class _PoolRun:
    def __init__(self, pool: Any, scratch: str, options: ReadOptions) -> None:
        self.pool, self.scratch, self.options = pool, scratch, options

    def submit(self, work: Work) -> Any:
        from evidence_check.reader import read_jobs

        return self.pool.schedule(
            read_jobs, args=(work, self.scratch, self.options), timeout=self.options.timeout_seconds
        )

    def finished(self, futures: list[Any], seconds: float) -> list[Any]:
        return list(wait_futures(futures, seconds, FIRST_COMPLETED).done)

    def result(self, future: Any) -> list[Result]:
        return future.result()  # type: ignore[no-any-return]

    def stop(self) -> None:
        self.pool.stop()


def failure(exc: BaseException, limit: float) -> str:
    """The one-line reason a batch of one file failed, whatever executor ran it."""
    if isinstance(exc, FutureTimeout | BatchTimeout):
        return f"timed out after {limit:.0f} s"
    if isinstance(exc, BatchDied):
        return f"the reader stopped ({_exit(exc.exitcode)})"
    if type(exc).__name__ == "KilledWorker":  # Dask gave up on a task that killed its workers
        return "the reader stopped (its worker died)"
    from pebble import ProcessExpired

    if isinstance(exc, ProcessExpired):
        code = getattr(exc, "exitcode", None)
        return f"the reader stopped ({_exit(code) if code is not None else exc})"
    if isinstance(exc, MemoryError):
        return "too much memory needed: refused"
    return f"cannot be read: {type(exc).__name__}: {exc}"


def _exit(code: int | None) -> str:
    if code is not None and code < 0 and -code == 9:
        return "killed: out of memory?"
    return f"exit code {code}"
