"""Writers: pure functions from a finished AuditResult to text or bytes. They never call the engine.

`WRITERS` is the registry that `--format` offers; `write_output` owns the destination. A writer
whose report is several files (DOCX: one memo per agency) returns a `Bundle`: the main file's bytes
carrying its companions, which `write_output` puts beside the main file.
"""

from __future__ import annotations

import importlib
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from evidence_check.models import AuditResult
from evidence_check.report import history_table, json_report, map_table, text_report
from evidence_check.report.bundle import Bundle

__all__ = [
    "BINARY_FORMATS",
    "SUFFIXES",
    "TODO_FORMATS",
    "WRITERS",
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


def write_output(content: str | bytes, destination: Path) -> None:
    """Write atomically: a failed write never leaves a half-written report behind.

    Text is written as UTF-8 exactly as rendered (no newline translation); a `Bundle`'s
    companions are written beside `destination`.
    """
    _write_atomic(content, destination)
    if isinstance(content, Bundle):
        for key, data in sorted(content.companions.items()):
            name = file_name(key, destination.suffix, stem=destination.stem)
            _write_atomic(data, destination.with_name(name))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _write_atomic(content: str | bytes, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=destination.parent, prefix=".evidence-check-")
    try:
        if isinstance(content, bytes):
            with os.fdopen(handle, "wb") as out:
                out.write(bytes(content))
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.write(content)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; a report is an ordinary file
        os.replace(temporary, destination)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
