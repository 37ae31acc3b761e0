"""What the command line shows while it works, and how it guards a command: the progress line
on a terminal, and the translation of errors into exit codes. No audit logic lives here.
"""

from __future__ import annotations

import functools
import logging
import sys
import time
from collections.abc import Callable
from typing import Any, TypeVar

import click

from evidence_check.evidence_map import MapError
from evidence_check.messages import message
from evidence_check.reader import Progress

EXIT_OK, EXIT_GAPS, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("evidence_check")


def guarded(command: F) -> F:
    """Turn a map error into exit 2 and an unexpected exception into exit 3 with a clear line."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except MapError as exc:
            for line in exc.lines:
                click.echo(line, err=True)
            sys.exit(EXIT_USAGE)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:
            log.debug("internal error", exc_info=True)
            click.echo(
                f"evidence-check: internal error (a bug): {type(exc).__name__}: {exc}\n"
                "Please report it with the command you ran; run with -v for the details.",
                err=True,
            )
            sys.exit(EXIT_BUG)

    return run  # type: ignore[return-value]


class ProgressLine:
    """One self-rewriting line on a terminal's stderr: files, pages, OCR pages, time left."""

    def __init__(self, lang: str = "en") -> None:
        self.started = time.monotonic()
        self.last = 0.0
        self.lang = lang

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        finished = progress.done == progress.total
        if not finished and now - self.last < 0.2:
            return
        self.last = now
        elapsed = now - self.started
        left = elapsed / progress.done * (progress.total - progress.done) if progress.done else 0
        line = "\r" + message(
            "progress",
            self.lang,
            done=progress.done,
            total=progress.total,
            pages=progress.pages,
            ocr=progress.ocr_pages,
            left=f"{left:.0f}",
        )
        click.echo(line + ("\n" if finished else ""), err=True, nl=False)


def progress_line(machine_output: bool, lang: str = "en") -> ProgressLine | None:
    """A progress line only for a person at a terminal, never around JSON or with --quiet."""
    wanted = sys.stderr.isatty() and not machine_output and log.isEnabledFor(logging.WARNING)
    return ProgressLine(lang) if wanted else None
