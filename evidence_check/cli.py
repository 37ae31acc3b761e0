"""The command line: options become one Settings, the core runs, a writer renders, an exit code.

Exit codes: 0 nothing to fix, 1 gaps found, 2 usage or map error, 3 internal error (a bug).
This is the only module that prints or exits.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from evidence_check import __version__
from evidence_check.audit import audit
from evidence_check.cache import default_cache_dir
from evidence_check.discover import discover
from evidence_check.evidence_map import MapError, load_map, resolve_map
from evidence_check.messages import LANGUAGES, message
from evidence_check.models import EvidenceMap, Settings
from evidence_check.reader import Progress, default_jobs
from evidence_check.report import (
    BINARY_FORMATS,
    SUFFIXES,
    TODO_FORMATS,
    WRITERS,
    file_name,
    text_report,
    write_output,
)
from evidence_check.report.view import select_agency

EXIT_OK, EXIT_GAPS, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("evidence_check")


def _guarded(command: F) -> F:
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

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.last = 0.0

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        finished = progress.done == progress.total
        if not finished and now - self.last < 0.2:
            return
        self.last = now
        elapsed = now - self.started
        left = elapsed / progress.done * (progress.total - progress.done) if progress.done else 0
        line = (
            f"\r{progress.done}/{progress.total} files · {progress.pages} pages · "
            f"{progress.ocr_pages} OCR · {left:.0f} s left "
        )
        click.echo(line + ("\n" if finished else ""), err=True, nl=False)


def _load(map_option: str | None) -> EvidenceMap:
    path = resolve_map(map_option)
    return load_map(path, source=map_option or str(path))


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root.resolve())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="evidence-check")
@click.option("-v", "--verbose", count=True, help="More diagnostics on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def main(verbose: int, quiet: bool) -> None:
    """Audit evaluation evidence (data dukung) folders before submission."""
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="evidence-check: %(message)s")


MAP_OPTION = click.option(
    "--map",
    "map_option",
    metavar="FILE|NAME",
    help="Requirements map: a path or a shipped map (spbe, smart-city). "
    "Default: ./requirements_map.yaml, else the shipped SPBE map.",
)
ROOT_ARGUMENT = click.argument(
    "root", type=click.Path(exists=True, file_okay=False, path_type=Path)
)


@main.command("audit")
@ROOT_ARGUMENT
@MAP_OPTION
@click.option(
    "--agency", metavar="ID", help="ROOT is this agency's own folder (an OPD self-check)."
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(sorted(WRITERS)),
    help="Report format; repeat with --output-dir for several.  [default: text]",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to FILE (one format) instead of stdout.",
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write every chosen format into DIR.",
)
@click.option("--lang", type=click.Choice(LANGUAGES), default="id", show_default=True)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for reading files.  [default: the number of CPUs]",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the cache of extracted text lives.  [default: the user's cache folder]",
)
@click.option("--no-cache", is_flag=True, help="Neither use nor fill the cache.")
@click.option("--no-ocr", is_flag=True, help="Do not OCR scans and photos.")
@click.option(
    "--timings", is_flag=True, hidden=True, help="Print seconds per stage on stderr (benchmarks)."
)
@_guarded
def audit_command(
    root: Path,
    map_option: str | None,
    agency: str | None,
    formats: tuple[str, ...],
    output: Path | None,
    output_dir: Path | None,
    lang: str,
    jobs: int | None,
    cache_dir: Path | None,
    no_cache: bool,
    no_ocr: bool,
    timings: bool,
) -> None:
    """Audit the evidence tree ROOT (one folder per agency) against the map."""
    evidence_map = _load(map_option)
    formats = formats or ("text",)
    if agency is not None and agency not in {a.id for a in evidence_map.agencies}:
        raise click.BadParameter(
            f'"{agency}" is not an agency id of {evidence_map.source}', param_hint="--agency"
        )
    if len(formats) > 1 and output_dir is None:
        raise click.UsageError("several --format values need --output-dir")
    for target in (output, output_dir):
        if target is not None and _inside(target, root):
            raise click.UsageError(f"refusing to write {target} inside the evidence folder {root}")
    for target in (cache_dir,):
        if target is not None and _inside(target, root):
            raise click.UsageError(
                f"refusing to keep the cache {target} inside the evidence folder {root}"
            )
    settings = Settings(
        agency=agency,
        jobs=jobs or default_jobs(),
        cache_dir=None if no_cache else cache_dir or default_cache_dir(),
        ocr=not no_ocr,
    )
    show = sys.stderr.isatty() and "json" not in formats and not log.isEnabledFor(logging.ERROR + 1)
    result = audit(evidence_map, root, settings, on_progress=ProgressLine() if show else None)
    for fmt in formats:
        rendered = WRITERS[fmt](result, lang)
        if output_dir is not None:
            write_output(rendered, output_dir / f"evidence-check{SUFFIXES[fmt]}")
        elif output is not None:
            write_output(rendered, output)
        else:
            click.echo(rendered, nl=False)
    if timings:
        pages = sum(d.pages or 0 for d in result.documents)
        click.echo(json.dumps({**result.timings, "pages": pages}), err=True)
    sys.exit(EXIT_GAPS if result.has_gaps else EXIT_OK)


@main.command("list-files")
@ROOT_ARGUMENT
@MAP_OPTION
@click.option("--lang", type=click.Choice(LANGUAGES), default="id", show_default=True)
@_guarded
def list_files_command(root: Path, map_option: str | None, lang: str) -> None:
    """Show what discovery finds under ROOT: agencies, files, and what is skipped and why."""
    evidence_map = _load(map_option)
    found = discover(
        root, evidence_map.agencies, own_agency=None, max_bytes=Settings().max_file_bytes
    )
    for folder in found.folders:
        agency = folder.agency or message("list.unresolved", lang)
        click.echo(f"{message('list.folder', lang)} {folder.name!r} -> {agency}")
    if found.agencies_without_folder:
        click.echo(
            message("agencies.without_folder", lang, names=", ".join(found.agencies_without_folder))
        )
    click.echo(message("list.files", lang, count=len(found.files)))
    for source in found.files:
        click.echo(f"  {source.path}  [{source.agency or '-'}]")
    for skipped in found.skipped:
        detail = f": {skipped.detail}" if skipped.detail else ""
        click.echo(f"  {message('list.skipped', lang)} {skipped.path} ({skipped.reason}{detail})")


@main.group("map")
def map_group() -> None:
    """Work with requirements maps."""


@map_group.command("check")
@click.argument("file")
@_guarded
def map_check_command(file: str) -> None:
    """Validate a map: one line per error, exit code 2 when there is any."""
    evidence_map = _load(file)
    click.echo(
        message(
            "map.ok",
            source=evidence_map.source,
            indicators=len(evidence_map.indicators),
            evidence=sum(len(i.evidence) for i in evidence_map.indicators),
            agencies=len(evidence_map.agencies),
        )
    )


@main.command("todo")
@ROOT_ARGUMENT
@click.argument("agency_id", metavar="AGENCY_ID")
@MAP_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(TODO_FORMATS),
    default="text",
    show_default=True,
    help="docx: a Nota Dinas to sign and send; xlsx: a sheet to track.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the to-do list to FILE instead of stdout.",
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write it into DIR as evidence-check-AGENCY_ID.<ext>.",
)
@click.option("--lang", type=click.Choice(LANGUAGES), default="id", show_default=True)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for reading files.  [default: the number of CPUs]",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the cache of extracted text lives.  [default: the user's cache folder]",
)
@click.option("--no-cache", is_flag=True, help="Neither use nor fill the cache.")
@click.option("--no-ocr", is_flag=True, help="Do not OCR scans and photos.")
@_guarded
def todo_command(
    root: Path,
    agency_id: str,
    map_option: str | None,
    fmt: str,
    output: Path | None,
    output_dir: Path | None,
    lang: str,
    jobs: int | None,
    cache_dir: Path | None,
    no_cache: bool,
    no_ocr: bool,
) -> None:
    """Audit the whole tree ROOT and write the to-do list of one agency (AGENCY_ID)."""
    evidence_map = _load(map_option)
    if agency_id not in {a.id for a in evidence_map.agencies}:
        raise click.BadParameter(
            f'"{agency_id}" is not an agency id of {evidence_map.source}', param_hint="AGENCY_ID"
        )
    if output is not None and output_dir is not None:
        raise click.UsageError("give either --output or --output-dir, not both")
    if output_dir is not None:
        output = output_dir / file_name(agency_id, SUFFIXES[fmt])
    if output is None and fmt in BINARY_FORMATS:
        raise click.UsageError(
            f"--format {fmt} makes a file: give --output FILE or --output-dir DIR"
        )
    for target in (output, cache_dir):
        if target is not None and _inside(target, root):
            raise click.UsageError(f"refusing to write {target} inside the evidence folder {root}")
    settings = Settings(
        jobs=jobs or default_jobs(),
        cache_dir=None if no_cache else cache_dir or default_cache_dir(),
        ocr=not no_ocr,
    )
    show = sys.stderr.isatty() and not log.isEnabledFor(logging.ERROR + 1)
    whole = audit(evidence_map, root, settings, on_progress=ProgressLine() if show else None)
    result = select_agency(whole, agency_id)
    if output is not None:
        write_output(WRITERS[fmt](result, lang), output)
    elif fmt == "text":
        color = sys.stdout.isatty()
        click.echo(text_report.render(result, lang, color=color), nl=False)
    else:
        click.echo(WRITERS[fmt](result, lang), nl=False)
    sys.exit(EXIT_GAPS if result.has_gaps else EXIT_OK)
