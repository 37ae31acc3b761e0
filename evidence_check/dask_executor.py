"""The read stage on a Dask cluster (`--scheduler tcp://HOST:8786` or `--scheduler local:N`).

Each batch is one Dask task that reads its files out of the worker's own process
(batch_child.py), so that a reader past the time limit can be ended while the worker lives on: a
pebble process per worker when the worker may have children (the workers of `local:N` are
started so), else a child process per batch. The client keeps the cache (workers never
write it); files reach the workers by path (a shared filesystem, checked at the start) or, with
`--ship-bytes`, as bytes. Imported only when a scheduler is given.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
from distributed import Client, LocalCluster

from evidence_check.batch_child import read_batch, with_bytes
from evidence_check.executor import ClusterError, Run, Work
from evidence_check.reader import ReadOptions, Result

LOCAL = "local:"
QUIET = {"distributed.admin.tick.interval": "1s", "distributed.worker.profile.enabled": False}


@contextlib.contextmanager
def connect(scheduler: str, *, ship_bytes: bool = False) -> Iterator[DaskExecutor]:
    """A client of the scheduler at `tcp://...`, or of a LocalCluster of N worker processes
    (`local:N`) started here and closed on the way out, whatever happens."""
    # Dask's own start and stop notes are for -v only
    quiet = max(logging.WARNING, logging.getLogger().getEffectiveLevel())
    logging.getLogger("distributed").setLevel(quiet)
    # Dask's health checks, not needed for a batch run: the event-loop tick every 20 ms in the
    # client, scheduler and each nanny and worker, and each worker's statistical profiler every
    # 10 ms; together ~0.13 CPU-s a second on an idle local:2, a tenth of that without them
    # (docs/scale.md)
    dask.config.set(QUIET)
    cluster: LocalCluster | None = None
    try:
        if scheduler.startswith(LOCAL):
            workers = _count(scheduler)
            # workers that may have children: each keeps one pebble reader (batch_child.py)
            # and glibc's default trimming: Dask's MALLOC_TRIM_THRESHOLD_=65536 made the
            # readers' many small allocations slower (docs/scale.md)
            environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
            environ.pop("MALLOC_TRIM_THRESHOLD_", None)
            dask.config.set(
                {"distributed.worker.daemon": False, "distributed.nanny.pre-spawn-environ": environ}
            )
            # the first workers forked from this process, Dask already imported: 0.5 s less to
            # start on 2 cores, and 0.1 s less to stop, than fresh interpreters (docs/scale.md);
            # a worker replaced during the run (one was killed) starts fresh, as forking the
            # client while its threads work could copy a lock that one of them holds
            with dask.config.set({"distributed.worker.multiprocessing-method": _first_start()}):
                cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    memory_limit=0,  # each batch's child caps its own memory
                )
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=30)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the scheduler {scheduler}: {exc}") from exc
    try:
        yield DaskExecutor(client, ship_bytes=ship_bytes)
    finally:
        with contextlib.suppress(Exception):
            client.close()
        if cluster is not None:
            with contextlib.suppress(Exception):
                cluster.close()


def _first_start() -> str:
    """How the first workers of `local:N` start: forked where the system can fork."""
    import multiprocessing

    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def _count(scheduler: str) -> int:
    text = scheduler[len(LOCAL) :]
    if not text.isdigit() or int(text) < 1:
        raise ClusterError(f"--scheduler {scheduler}: give local:N with N workers, N >= 1")
    return int(text)


class DaskExecutor:
    """Batches as Dask tasks; cancelled together when the run stops."""

    #: a Dask task costs the client and scheduler some 4-5 ms of their own (a pool task far
    #: less): bigger batches, still at least four a worker (reader._batches)
    batch_files = 64

    def __init__(self, client: Client, *, ship_bytes: bool) -> None:
        self.client, self.ship_bytes = client, ship_bytes

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def check_root(self, root: Path) -> None:
        """The cluster must have workers, and every worker must see ROOT, unless the files
        travel as bytes."""
        where = str(root.resolve())
        seen: dict[str, bool] = self.client.run(os.path.isdir, where)
        if not seen:
            raise ClusterError("the Dask scheduler has no workers: start some (dask worker ...)")
        if self.ship_bytes:
            return
        blind = sorted(worker for worker, ok in seen.items() if not ok)
        if blind:
            raise ClusterError(
                f"{len(blind)} of {len(seen)} Dask workers cannot see {where} "
                f"({', '.join(blind[:3])}): share the folder at the same path, or use --ship-bytes"
            )

    @contextlib.contextmanager
    def run(self, options: ReadOptions, batches: int) -> Iterator[Run]:
        run = _DaskRun(self, options)
        try:
            yield run
        finally:
            run.stop()


class _DaskRun:
    def __init__(self, executor: DaskExecutor, options: ReadOptions) -> None:
        self.executor, self.options = executor, options
        self.futures: set[Any] = set()
        # each future says once that it is done (Dask's callback thread); waiting on all the
        # pending futures at every turn (distributed.wait) cost the client ~10 ms a batch
        self.done: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.ready: list[Any] = []  # done, not yet asked for

    def submit(self, work: Work) -> Any:
        shipped = (
            with_bytes(work)
            if self.executor.ship_bytes
            else [(path, member, known, None) for path, member, known in work]
        )
        future = self.executor.client.submit(read_batch, shipped, self.options, pure=False)
        self.futures.add(future)
        future.add_done_callback(self.done.put)
        return future

    def finished(self, futures: list[Any], seconds: float) -> list[Any]:
        if not self.ready:
            try:
                self.ready.append(self.done.get(timeout=seconds))
            except queue.Empty:
                return []
        while not self.done.empty():
            self.ready.append(self.done.get_nowait())
        asked = set(futures)
        done = [future for future in self.ready if future in asked]
        self.ready = [future for future in self.ready if future not in asked]
        return done

    def result(self, future: Any) -> list[Result]:
        self.futures.discard(future)
        results: list[Result] = future.result()
        future.release()
        return results

    def stop(self) -> None:
        if self.futures:
            with contextlib.suppress(Exception):
                self.executor.client.cancel(list(self.futures), force=True)
        self.futures.clear()
