"""A batch read in a child process of its own, for executors whose workers cannot hold a pool
(Dask workers are daemonic: multiprocessing may not fork under them, a plain subprocess may).

`read_batch` starts `python -m evidence_check.batch_child`, sends it the batch (and, with
shipped bytes, the files themselves) on stdin and takes the readings back on stdout; past the
time limit the child is killed and `BatchTimeout` raised, so the caller's worker lives on. The
child caps its memory, dies with its parent and reads in a private scratch folder.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from evidence_check.executor import BatchDied, BatchTimeout, Work

if TYPE_CHECKING:
    from evidence_check.reader import ReadOptions, Result

#: (file name, archive member or None, the file's bytes or None: read it by its path)
Shipped = list[tuple[Path, int | None, bytes | None]]


def read_batch(work: Shipped, options: ReadOptions) -> list[Result]:
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
    for path, member in work:
        data = None if path in seen else path.read_bytes()
        seen.add(path)
        shipped.append((path, member, data))
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
    for index, (path, member, data) in enumerate(work):
        if data is not None:
            folder = scratch / f"shipped-{index}"
            folder.mkdir()
            placed[path] = folder / path.name
            placed[path].write_bytes(data)
        paths.append((placed.get(path, path), member))
    return paths


if __name__ == "__main__":
    _main()
