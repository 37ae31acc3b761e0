"""Helper programs (tesseract, antiword) die with the worker that runs them: on Linux each is
started with a parent-death signal, so a worker killed on timeout or with its run leaves no
program reading on (elsewhere their own time limits end them).
"""

from __future__ import annotations

import ctypes
import signal
import sys
from collections.abc import Callable

_PR_SET_PDEATHSIG = 1


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


_LIBC = _libc()


def _die_with_parent() -> None:  # runs in the child between fork and exec: no allocation
    if _LIBC is not None:
        _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def preexec() -> Callable[[], None] | None:
    """The `preexec_fn` for `subprocess.run` of a helper program."""
    return _die_with_parent if _LIBC is not None else None
