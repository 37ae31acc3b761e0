"""Writers: pure functions from a finished AuditResult to text or bytes. They never call the engine.

`WRITERS` is the registry that `--format` offers; `destination` checks where a report may go
(before the audit runs) and `write_output` writes it there. A writer whose report is several files
(DOCX: one memo per agency) returns a `Bundle`: the main file's bytes carrying its companions,
which `write_output` puts beside the main file only when asked (`--output-dir`).
"""

from __future__ import annotations

import importlib
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from evidence_check.models import AuditResult
from evidence_check.report import history_table, json_report, map_table, text_report
from evidence_check.report.bundle import Bundle

__all__ = [
    "BINARY_FORMATS",
    "SUFFIXES",
    "TODO_FORMATS",
    "WRITERS",
    "Destination",
    "OutputError",
    "destination",
    "file_name",
    "history_table",
    "map_table",
    "text_report",
    "write_output",
]

Writer = Callable[[AuditResult, str], str | bytes]


def _on_demand(module: str) -> Writer:
    """A writer imported when first used: openpyxl and python-docx cost a tenth of a second to
    import, which an audit that never writes Excel or Word should not pay."""

    def render(result: AuditResult, lang: str) -> str | bytes:
        writer: Writer = importlib.import_module(f"evidence_check.report.{module}").render
        return writer(result, lang)

    return render


WRITERS: dict[str, Writer] = {
    "text": text_report.render,
    "json": json_report.render,
    "markdown": _on_demand("markdown_report"),
    "html": _on_demand("html_report"),
    "csv": _on_demand("csv_report"),
    "xlsx": _on_demand("xlsx_report"),
    "docx": _on_demand("docx_report"),
}
SUFFIXES = {
    "text": ".txt",
    "json": ".json",
    "markdown": ".md",
    "html": ".html",
    "csv": ".csv",
    "xlsx": ".xlsx",
    "docx": ".docx",
}
#: the formats of one agency's to-do list (`evidence-check todo`)
TODO_FORMATS = ("text", "markdown", "docx", "xlsx")
#: formats that are not text and so never go to a terminal
BINARY_FORMATS = frozenset({"xlsx", "docx"})


def file_name(key: str, suffix: str, stem: str = "evidence-check") -> str:
    """`evidence-check-<key><suffix>`, with anything unsafe in a Windows file name replaced."""
    return f"{stem}-{re.sub(r'[^A-Za-z0-9._-]+', '-', key).strip('.-') or 'x'}{suffix}"


class OutputError(Exception):
    """A destination that cannot take the report: one line for a person, exit code 2."""


@dataclass(frozen=True)
class Destination:
    """Where one report goes: stdout (`file` None), or a regular file replaced atomically.

    `shown` is the name as the person gave it; `file` is the real file a link leads to, so the
    link itself is kept."""

    shown: str
    file: Path | None


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
)
#: what the check writes (and removes) to see that a folder takes a file and its disk is not full
_PROBE_BYTES = 64 * 1024


def destination(path: Path, root: Path | None = None) -> Destination:
    """Check a destination before the audit runs: `-`, `/dev/stdout` or a link to this process's
    stdout mean stdout; an existing name must be (or lead to) a regular file that may be replaced,
    outside the evidence folder `root`; its folder must take a new file. Raises `OutputError`."""
    shown = str(path)
    if shown == "-" or _is_stdout(path):
        return Destination(shown, None)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise OutputError(f"{shown}: a link to nothing: refused") from None
        info = None
    except OSError as exc:
        raise OutputError(f"{shown}: cannot be written: {exc.strerror or exc}") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
        link = " (through a link)" if os.path.islink(path) else ""
        raise OutputError(f"{shown}: {kind}{link}, not a regular file: refused")
    real = Path(os.path.realpath(path))
    if root is not None and real.is_relative_to(root.resolve()):
        raise OutputError(f"refusing to write {shown} inside the evidence folder {root}")
    if info is not None and not os.access(real, os.W_OK):
        raise OutputError(f"{shown}: the file is read-only: refused")
    _probe(real.parent, shown)
    return Destination(shown, real)


def _is_stdout(path: Path) -> bool:
    try:
        here, there = os.fstat(1), os.stat(path)
    except (OSError, ValueError):
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _probe(folder: Path, shown: str) -> None:
    """Write and remove a small file in the nearest existing folder: an unwritable folder or a
    full disk is said before the audit, not after it."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(f"{shown}: {existing} is not a folder: refused")
    try:
        handle, name = tempfile.mkstemp(dir=existing, prefix=".evidence-check-")
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write in {existing}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(b"\0" * _PROBE_BYTES)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write in {existing}: {exc.strerror or exc}") from None
    finally:
        Path(name).unlink(missing_ok=True)


def write_output(
    content: str | bytes, target: Destination | Path, *, companions: bool = False
) -> None:
    """Write a report to stdout or atomically to a file: a failed write keeps the old file and
    leaves no temporary file (`OutputError`).

    Text is written as UTF-8 exactly as rendered (no newline translation). A `Bundle`'s companions
    are written beside the main file only with `companions` (one `--output` is one file)."""
    if isinstance(target, Path):
        target = destination(target)
    if target.file is None:
        _write_stdout(content, target.shown)
        return
    _write_atomic(content, target.file, target.shown)
    if companions and isinstance(content, Bundle):
        for key, data in sorted(content.companions.items()):
            name = file_name(key, target.file.suffix, stem=target.file.stem)
            _write_atomic(data, target.file.with_name(name), name)


def _write_stdout(content: str | bytes, shown: str) -> None:
    data = content if isinstance(content, bytes) else content.encode("utf-8", "surrogateescape")
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(bytes(data))
        sys.stdout.buffer.flush()
    except OSError as exc:
        raise OutputError(f"{shown}: cannot be written: {exc.strerror or exc}") from None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _write_atomic(content: str | bytes, file: Path, shown: str) -> None:
    temporary = None
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".evidence-check-")
        data = content if isinstance(content, bytes) else content.encode("utf-8", "surrogateescape")
        with os.fdopen(handle, "wb") as out:
            out.write(bytes(data))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; a report is an ordinary file
        os.replace(temporary, file)
    except OSError as exc:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{shown}: cannot be written: {exc.strerror or exc}") from None
    except BaseException:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise
