"""Writers: pure functions from a finished AuditResult to text. They never call the engine.

`WRITERS` is the registry that `--format` offers; `write_output` owns the destination.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from evidence_check.models import AuditResult
from evidence_check.report import json_report, text_report

Writer = Callable[[AuditResult, str], str]

WRITERS: dict[str, Writer] = {
    "text": text_report.render,
    "json": json_report.render,
}
SUFFIXES = {"text": ".txt", "json": ".json"}


def write_output(content: str, destination: Path) -> None:
    """Write atomically: a failed write never leaves a half-written report behind."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=destination.parent, prefix=".evidence-check-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)
        os.replace(temporary, destination)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
