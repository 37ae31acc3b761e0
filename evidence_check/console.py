"""What the command line shows while it works, and how it guards a command: the progress line
on a terminal, the translation of errors into exit codes, and SIGINT/SIGTERM as a prompt stop
(the reader ends its workers and scratch folders on the way out). No audit logic lives here.
"""

from __future__ import annotations

import functools
import logging
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from evidence_check.evidence_map import MapError
from evidence_check.executor import ClusterError
from evidence_check.messages import DEFAULT_LANGUAGE, LANGUAGES, message
from evidence_check.reader import Progress
from evidence_check.report import SUFFIXES, Destination, OutputError, destination, file_name

EXIT_OK, EXIT_GAPS, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
#: 128 + the signal's number, as shells report a command a signal stopped
EXIT_SIGINT, EXIT_SIGTERM = 128 + signal.SIGINT, 128 + signal.SIGTERM
F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("evidence_check")


class Stopped(BaseException):
    """A stop signal (SIGINT, SIGTERM) as an exception: like KeyboardInterrupt, no `except
    Exception` swallows it, and every `finally` on the way out runs (workers, scratch, cache)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: object) -> None:
    for other in (signal.SIGINT, signal.SIGTERM):  # a second Ctrl-C must not cut the clean-up
        signal.signal(other, signal.SIG_IGN)
    raise Stopped(signum)


def _catch_stops() -> dict[int, Any]:
    try:
        return {s: signal.signal(s, _stop) for s in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread (an embedding program): leave its handlers alone
        return {}


def guarded(command: F) -> F:
    """Turn a map or output error into exit 2, SIGINT into 130 and SIGTERM into 143 (one line in
    the report's language), and an unexpected exception into exit 3 with a clear line."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        lang = kwargs.get("lang")
        lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        previous = _catch_stops()
        try:
            return command(*args, **kwargs)
        except (Stopped, KeyboardInterrupt) as exc:
            signum = exc.signum if isinstance(exc, Stopped) else signal.SIGINT
            name = signal.Signals(signum).name
            click.echo(message("stopped", lang, signal=name), err=True)
            sys.exit(EXIT_SIGTERM if signum == signal.SIGTERM else EXIT_SIGINT)
        except MapError as exc:
            for line in exc.lines:
                click.echo(line, err=True)
            sys.exit(EXIT_USAGE)
        except (OutputError, ClusterError) as exc:
            click.echo(f"evidence-check: {exc}", err=True)
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
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

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


def plan_outputs(
    root: Path,
    formats: tuple[str, ...],
    output: Path | None,
    output_dir: Path | None,
    companions: tuple[str, ...] = (),
) -> dict[str, Destination | None]:
    """Every destination of a command, checked before the audit runs (`OutputError`): by format,
    None for the terminal. `--output` is one file; `--output-dir` holds `evidence-check.<ext>` and,
    for DOCX, one memo per agency of `companions` (agency ids)."""
    planned: dict[str, Destination | None] = {}
    for fmt in formats:
        if output_dir is not None:
            main = output_dir / f"evidence-check{SUFFIXES[fmt]}"
            planned[fmt] = destination(main, root)
            if fmt == "docx":
                for key in companions:
                    name = file_name(key, main.suffix, stem=main.stem)
                    destination(main.with_name(name), root)
        elif output is not None:
            planned[fmt] = destination(output, root)
        else:
            planned[fmt] = None
    return planned
