"""Opening a file of the evidence tree without ever blocking: a file that became a named pipe or
a device after discovery is refused at once instead of hanging its reader.

The name is checked first (`stat`), then opened with O_NONBLOCK and checked again on the open
descriptor (`fstat`), so a file swapped in between is caught too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class NotRegularFile(OSError):
    """A name that is not (or no longer) a regular file."""


def kind(mode: int) -> str:
    """What a non-regular file is, for a person: "a named pipe", "a device", ..."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def check_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise NotRegularFile(f"{kind(mode)}, not a regular file: refused")


def open_regular(path: Path | str) -> BinaryIO:
    """Open a regular file for reading, never blocking; `NotRegularFile` for anything else."""
    check_regular(os.stat(path).st_mode)
    descriptor = os.open(path, _FLAGS)
    try:
        check_regular(os.fstat(descriptor).st_mode)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def reason(exc: OSError) -> str:
    """An OSError's one-line reason: a refusal as it is, otherwise the system's words."""
    if isinstance(exc, NotRegularFile):
        return str(exc)
    return exc.strerror or str(exc)
