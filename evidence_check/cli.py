"""The command line: options become one Settings, the core runs, a writer renders, an exit code.

Exit codes: 0 nothing to fix, 1 gaps found, 2 usage, map or output error, 3 internal error (a
bug), 130 stopped by SIGINT (Ctrl-C), 143 stopped by SIGTERM.
This is the only module that prints or exits (with console.py, its helper).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from evidence_check import __version__
from evidence_check.audit import audit, executor_for
from evidence_check.cache import default_cache_dir
from evidence_check.changes import read_baseline, with_changes
from evidence_check.console import EXIT_GAPS, EXIT_OK, guarded, plan_outputs, progress_line
from evidence_check.discover import discover, resolve_agency
from evidence_check.evidence_map import load_map, resolve_map
from evidence_check.history import History, default_history_dir
from evidence_check.messages import LANGUAGES, message, skip_label
from evidence_check.models import AuditResult, ChangeKind, EvidenceMap, RegionSettings, Settings
from evidence_check.reader import ReadOptions, default_jobs
from evidence_check.region import (
    check_against,
    find_settings,
    load_settings,
    parse_assume,
    with_assumed,
)
from evidence_check.regions import load_regions
from evidence_check.report import (
    BINARY_FORMATS,
    SUFFIXES,
    TODO_FORMATS,
    WRITERS,
    Destination,
    destination,
    file_name,
    history_table,
    map_table,
    summary_report,
    text_report,
    write_output,
)
from evidence_check.report.bundle import Bundle
from evidence_check.report.view import select_agency
from evidence_check.scaffold import init_tree

log = logging.getLogger("evidence_check")


class CommandError(click.ClickException):
    """A usage error of this tool's own, in the user's language: one line, exit code 2 (click's
    UsageError would wrap it in English "Usage:" and "Error:" lines)."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"evidence-check: {self.format_message()}", err=True)


def _load(map_option: str | None) -> EvidenceMap:
    path = resolve_map(map_option)
    return load_map(path, source=map_option or str(path))


def _map_key(map_option: str | None) -> str:
    """What makes two audits "of the same map" in the history store: the map file's real path."""
    return str(resolve_map(map_option).resolve())


def _baseline(
    option: str | None, store: History, root: Path, map_option: str | None
) -> dict[str, Any] | None:
    """The earlier result to compare with, read before the audit runs: a bad file fails fast."""
    if option is None:
        return None
    if option != "last":
        return read_baseline(Path(option))
    found = store.last(root, _map_key(map_option))
    if found is None and store.usable:
        log.warning("no earlier audit of %s with the map %s is kept: nothing to compare with",
                    root, map_option or "(default)")  # fmt: skip
    return found


def _between(
    result: AuditResult, baseline: dict[str, Any] | None, store: History, root: Path,
    map_option: str | None,
) -> AuditResult:  # fmt: skip
    """The result with its changes since the baseline; recorded, with the audits kept so far."""
    key = _map_key(map_option)
    result = with_changes(result, baseline)
    store.record(result, root, key)
    return dataclasses.replace(result, history=store.points(root, key))


def _outside(root: Path, *targets: Path | None, lang: str = "en") -> None:
    for target in targets:
        if target is not None and target.resolve().is_relative_to(root.resolve()):
            raise CommandError(message("cli.inside_root", lang, target=target, root=root))


def _agency_id(evidence_map: EvidenceMap, agency: str | None, hint: str, lang: str) -> str | None:
    """The agency id the user meant: an id, or a name or alias ("kominfo") that resolves to one;
    otherwise a usage error that lists the valid ids."""
    ids = [a.id for a in evidence_map.agencies]
    if agency is None or agency in ids:
        return agency
    resolved = resolve_agency(agency, evidence_map.agencies)
    if resolved is not None:
        return resolved
    raise CommandError(
        f"{hint}: "
        + message("cli.unknown_agency", lang, agency=agency, source=evidence_map.source,
                  ids=", ".join(ids))
    )  # fmt: skip


def _folder(root: Path, lang: str) -> None:
    """ROOT must be an existing folder: a usage error in the user's language otherwise."""
    if not root.is_dir():
        key = "cli.root_missing" if not root.exists() else "cli.root_not_folder"
        raise CommandError(message(key, lang, root=root))


def _color() -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _write(content: str | bytes, target: Destination, lang: str, *, companions: bool) -> None:
    """Write a report where it was planned and name on stderr every file written (with
    --output-dir, a DOCX bundle's memos too); a report on stdout is named nowhere."""
    write_output(content, target, companions=companions)
    if target.file is None:
        return
    written = [target.shown]
    if companions and isinstance(content, Bundle):
        main = Path(target.shown)
        written += [
            str(main.with_name(file_name(key, main.suffix, stem=main.stem)))
            for key in sorted(content.companions)
        ]
    for path in written:
        click.echo(message("cli.written", lang, path=path), err=True)


def _options(*decorators: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def apply(function: Any) -> Any:
        for decorator in reversed(decorators):
            function = decorator(function)
        return function

    return apply


def _destinations(file_help: str, dir_help: str) -> Callable[[Any], Any]:
    """--output FILE and --output-dir DIR, as `audit` and `todo` both take them."""
    return _options(
        click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help=file_help),
        click.option(
            "--output-dir", type=click.Path(file_okay=False, path_type=Path), help=dir_help
        ),
    )


# checked by the command (`_folder`), so that its error speaks the --lang of the command line
ROOT = click.argument("root", type=click.Path(path_type=Path))
MAP = click.option(
    "--map", "map_option", metavar="FILE|NAME",
    help="Requirements map: a path or a shipped map (pemdi, spbe-2020, smart-city). "
    "Default: ./requirements_map.yaml, else the shipped Pemdi map.",
)  # fmt: skip
#: `--ocr`: targeted (the default), every page of every scan, none
OCR_MODES = ("auto", "full", "off")
OCR = click.option(
    "--ocr", "ocr_mode", type=click.Choice(OCR_MODES), default="auto", show_default=True,
    help="auto: OCR the pages of scans the judgement reads; full: every page; off: no OCR.",
)  # fmt: skip
LANG = click.option("--lang", type=click.Choice(LANGUAGES), default="id", show_default=True)
READING = _options(
    click.option("--jobs", type=click.IntRange(min=1), default=None,
                 help="Worker processes for reading files.  [default: the number of CPUs]"),
    click.option("--scheduler", metavar="tcp://HOST:8786|local:N",
                 help="Read on a Dask cluster: a running dask-scheduler, or N local workers "
                 "(needs the 'dask' extra)."),
    click.option("--ship-bytes", is_flag=True,
                 help="With --scheduler: send the files to the workers instead of their paths."),
    click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
                 help="Where the cache of extracted text lives.  [default: the user's cache folder]"),
    click.option("--no-cache", is_flag=True, help="Neither use nor fill the cache."),
    OCR,
    click.option("--no-ocr", is_flag=True, help="Do not OCR scans and photos (--ocr off)."),
    click.option("--settings", "settings_file", type=click.Path(dir_okay=False, path_type=Path),
                 help="Region settings file.  [default: ROOT/evidence-check.yaml when present]"),
    click.option("--assume", multiple=True, metavar="INDICATOR=LEVEL",
                 help="Level of an external indicator (e.g. I5=2.5), for the projection; repeatable."),
    click.option("--deadline", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD",
                 help="Reply-by date of the to-do lists and memos.  [default: the settings file's]"),
    click.option("--baseline", metavar="FILE|last",
                 help="Compare with an earlier JSON result, or with the last audit of ROOT and this "
                 "map (last): the JSON gains 'changes' and every report opens with them."),
)  # fmt: skip
FAIL_ON = click.option(
    "--fail-on", type=click.Choice(["gaps", "regressed"]), default="gaps", show_default=True,
    help="What makes exit code 1: any gap, or only rows regressed since --baseline.",
)  # fmt: skip


def _settings(
    evidence_map: EvidenceMap, root: Path, reading: dict[str, Any], agency: str | None = None
) -> Settings:
    """The core's Settings from the reading options of the command line."""
    cache_dir = reading["cache_dir"]
    settings_path = find_settings(root, reading["settings_file"])
    region = load_settings(settings_path) if settings_path else RegionSettings()
    region = with_assumed(region, parse_assume(reading["assume"]))
    deadline: dt.datetime | None = reading.get("deadline")
    if deadline is not None:
        region = dataclasses.replace(region, deadline=deadline.date())
    check_against(region, evidence_map, None if agency else root)
    return Settings(
        agency=agency,
        jobs=reading["jobs"] or default_jobs(),
        cache_dir=None if reading["no_cache"] else cache_dir or default_cache_dir(),
        ocr=not reading["no_ocr"] and reading.get("ocr_mode") != "off",
        ocr_targeted=reading.get("ocr_mode", "auto") == "auto",
        region=region,
        scheduler=reading.get("scheduler"),
        ship_bytes=reading.get("ship_bytes", False),
    )


def _audit(
    evidence_map: EvidenceMap, root: Path, reading: dict[str, Any], **kw: Any
) -> AuditResult:
    """Run the core with the reading options of the command line."""
    settings = _settings(evidence_map, root, reading, kw.get("agency"))
    progress = progress_line(kw.get("machine", False), kw.get("lang", "en"))
    return audit(evidence_map, root, settings, on_progress=progress, executor=kw.get("executor"))


def _files_only(formats: tuple[str, ...], to_file: bool, lang: str) -> None:
    for fmt in formats:
        if fmt in BINARY_FORMATS and not to_file:
            raise CommandError(message("cli.file_format", lang, fmt=fmt))


def _echo(result: AuditResult, fmt: str, lang: str) -> None:
    if fmt == "text":
        click.echo(text_report.render(result, lang, color=_color()), nl=False)
    else:
        click.echo(WRITERS[fmt](result, lang), nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="evidence-check")
@click.option("-v", "--verbose", count=True, help="More diagnostics on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def main(verbose: int, quiet: bool) -> None:
    """Audit evaluation evidence (data dukung) folders before submission."""
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="evidence-check: %(message)s")


@main.command("audit")
@ROOT
@MAP
@click.option(
    "--agency", metavar="ID", help="ROOT is this agency's own folder (an OPD self-check)."
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(list(WRITERS)),
    help="Report format; repeat with --output-dir for several.  [default: text]",
)
@_destinations(
    "Write the report to FILE (one format) instead of stdout.",
    "Write every chosen format into DIR as evidence-check.<ext>.",
)
@LANG
@READING
@FAIL_ON
@click.option(
    "--no-history", is_flag=True, help="Neither read nor add to the audit history of ROOT."
)
@click.option(
    "--timings", is_flag=True, hidden=True, help="Seconds per stage on stderr (benchmarks)."
)
@guarded
def audit_command(root: Path, map_option: str | None, agency: str | None, formats: tuple[str, ...],
                  output: Path | None, output_dir: Path | None, lang: str, timings: bool,
                  fail_on: str, baseline: str | None, no_history: bool,
                  **reading: Any) -> None:  # fmt: skip
    """Audit the evidence tree ROOT (one folder per agency) against the map."""
    _folder(root, lang)
    evidence_map = _load(map_option)
    formats = formats or ("text",)
    agency = _agency_id(evidence_map, agency, "--agency", lang)
    if len(formats) > 1 and output_dir is None:
        raise CommandError(message("cli.several_formats", lang))
    _files_only(formats, output is not None or output_dir is not None, lang)
    _outside(root, output, output_dir, lang=lang)
    agencies = tuple(a.id for a in evidence_map.agencies)
    planned = plan_outputs(root, formats, output, output_dir, agencies)
    if fail_on == "regressed" and baseline is None:
        raise CommandError(message("cli.fail_on_baseline", lang))
    if no_history and baseline == "last":
        raise CommandError(message("cli.baseline_no_history", lang))
    with History(None if no_history else default_history_dir()) as store:
        previous = _baseline(baseline, store, root, map_option)
        result = _audit(
            evidence_map, root, reading, agency=agency, machine="json" in formats, lang=lang
        )
        result = _between(result, previous, store, root, map_option)
    for fmt, target in planned.items():
        if target is None:
            _echo(result, fmt, lang)
        else:
            _write(WRITERS[fmt](result, lang), target, lang, companions=output_dir is not None)
    if timings:
        pages = sum(d.pages or 0 for d in result.documents)
        click.echo(json.dumps({**result.timings, "pages": pages}), err=True)
    if fail_on == "regressed":
        regressed = result.changes is not None and bool(result.changes.of(ChangeKind.REGRESSED))
        sys.exit(EXIT_GAPS if regressed else EXIT_OK)
    sys.exit(EXIT_GAPS if result.has_gaps else EXIT_OK)


@main.command("todo")
@ROOT
@click.argument("agency_id", metavar="AGENCY_ID")
@MAP
@click.option(
    "--format",
    "fmt",
    type=click.Choice(TODO_FORMATS),
    default="text",
    show_default=True,
    help="docx: a Nota Dinas to sign and send; xlsx: a sheet to track.",
)
@_destinations(
    "Write the to-do list to FILE instead of stdout.",
    "Write it into DIR as evidence-check-AGENCY_ID.<ext>.",
)
@LANG
@READING
@guarded
def todo_command(root: Path, agency_id: str, map_option: str | None, fmt: str, output: Path | None,
                 output_dir: Path | None, lang: str, baseline: str | None,
                 **reading: Any) -> None:  # fmt: skip
    """Audit the whole tree ROOT and write the to-do list of one agency (AGENCY_ID: an id, or a
    name or alias such as "kominfo")."""
    _folder(root, lang)
    evidence_map = _load(map_option)
    agency_id = _agency_id(evidence_map, agency_id, "AGENCY_ID", lang) or agency_id
    if output is not None and output_dir is not None:
        raise CommandError(message("cli.output_both", lang))
    if output_dir is not None:
        output = output_dir / file_name(agency_id, SUFFIXES[fmt])
    _files_only((fmt,), output is not None, lang)
    _outside(root, output, lang=lang)
    target = plan_outputs(root, (fmt,), output, None)[fmt]
    # read, not recorded: one memo per agency after an audit would fill the history with copies
    with History(default_history_dir()) as store:
        previous = _baseline(baseline, store, root, map_option)
    result = select_agency(
        with_changes(_audit(evidence_map, root, reading, lang=lang), previous), agency_id
    )
    if not result.findings:  # nothing to ask of this agency: say so, write no empty memo
        name = evidence_map.agency(agency_id).name
        click.echo(message("cli.no_rows", lang, agency=name, id=agency_id), err=True)
        sys.exit(EXIT_OK)
    if target is not None:
        _write(WRITERS[fmt](result, lang), target, lang, companions=False)
    else:
        _echo(result, fmt, lang)
    sys.exit(EXIT_GAPS if result.has_gaps else EXIT_OK)


@main.command("history")
@click.argument("root", type=click.Path(file_okay=False, path_type=Path))
@click.option("--map", "map_option", metavar="FILE|NAME", help="Only the audits with this map.")
@LANG
@guarded
def history_command(root: Path, map_option: str | None, lang: str) -> None:
    """List the audits of ROOT kept in the user's data folder: date, map, counts, index."""
    key = _map_key(map_option) if map_option else None
    with History(default_history_dir()) as store:
        points = store.points(root, key)
    click.echo(history_table.render(points, str(root), lang), nl=False)


@main.command("package")
@ROOT
@MAP
@click.option(
    "--output-dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The package folder: new, empty, or an earlier package with --force.",
)
@click.option(
    "--include-weak", is_flag=True, help="Also package the documents of weak rows, marked as such."
)
@click.option("--force", is_flag=True, help="Replace the earlier package in --output-dir.")
@LANG
@READING
@guarded
def package_command(root: Path, map_option: str | None, output_dir: Path, include_weak: bool,
                    force: bool, lang: str, **reading: Any) -> None:  # fmt: skip
    """Audit ROOT and copy every ready item's documents into --output-dir as the portal asks:
    one folder per aspect/indicator/level, named by item code, scans made searchable."""
    from evidence_check.package import build, layer_cache
    from evidence_check.package_dir import MANIFEST_CSV, MANIFEST_XLSX, refusal, remove_earlier
    from evidence_check.report import manifest  # PDFium and openpyxl only for this command

    evidence_map = _load(map_option)
    refused = refusal(root, output_dir, force=force)
    if refused is not None:
        raise click.UsageError(refused)
    with layer_cache(reading["cache_dir"], no_cache=reading["no_cache"]) as cache_dir:
        # every page of a scan is made searchable: read them all (pages read before are kept)
        ocr_mode = "off" if reading["no_ocr"] or reading["ocr_mode"] == "off" else "full"
        result = _audit(evidence_map, root, {**reading, "cache_dir": cache_dir, "no_cache": False,
                                             "ocr_mode": ocr_mode})  # fmt: skip
        remove_earlier(output_dir)
        built = build(result, root, output_dir, cache_dir=cache_dir, include_weak=include_weak,
                      ocr_tag=ReadOptions(ocr=result.ocr_available).tag, lang=lang,
                      on_progress=progress_line(False))  # fmt: skip
    write_output(manifest.render_csv(built), output_dir / MANIFEST_CSV)
    write_output(manifest.render_xlsx(built), output_dir / MANIFEST_XLSX)
    if not result.ocr_available:
        click.echo(message("package.no_ocr", lang), err=True)
    if built.reread_files:
        click.echo(message("package.reread", lang, count=built.reread_files), err=True)
    click.echo(message("package.done", lang, folder=output_dir, ready=built.ready,
                       not_ready=built.not_ready, ocr=built.ocr_files))  # fmt: skip
    sys.exit(EXIT_GAPS if built.not_ready else EXIT_OK)


@main.command("audit-many")
@click.argument(
    "regions_file",
    metavar="REGIONS.yaml",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "--output-dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Each region's reports go to DIR/<name>/; DIR/ringkasan.csv and .html list them.",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(list(WRITERS)),
    help="Report formats of each region.  [default: json and html]",
)
@LANG
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for reading files.  [default: the number of CPUs]",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:8786|local:N",
    help="Read on a Dask cluster, one for every region (needs the 'dask' extra).",
)
@click.option(
    "--ship-bytes",
    is_flag=True,
    help="With --scheduler: send the files to the workers instead of their paths.",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the cache of extracted text lives.  [default: the user's cache folder]",
)
@click.option("--no-cache", is_flag=True, help="Neither use nor fill the cache.")
@OCR
@click.option("--no-ocr", is_flag=True, help="Do not OCR scans and photos (--ocr off).")
@guarded
def audit_many_command(regions_file: Path, output_dir: Path, formats: tuple[str, ...], lang: str,
                       **reading: Any) -> None:  # fmt: skip
    """Audit every region of REGIONS.yaml (name, root, optional map and settings) in one run."""
    formats = formats or ("json", "html")
    regions = load_regions(regions_file)
    planned = []
    for region in regions:  # every map and destination checked before anything is read
        evidence_map = _load(region.map_option)
        agencies = tuple(a.id for a in evidence_map.agencies)
        places = plan_outputs(region.root, formats, None, output_dir / region.name, agencies)
        planned.append((region, evidence_map, places))
    summary = {name: destination(output_dir / name) for name in SUMMARIES}
    rows: list[summary_report.Row] = []
    gaps = False
    shared = Settings(scheduler=reading["scheduler"], ship_bytes=reading["ship_bytes"])
    with executor_for(shared) as executor:
        for region, evidence_map, places in planned:
            options = {**reading, "settings_file": region.settings, "assume": ()}
            result = _audit(evidence_map, region.root, options, executor=executor, machine=True)
            for fmt, target in places.items():
                assert target is not None
                write_output(WRITERS[fmt](result, lang), target, companions=True)
            rows.append(summary_report.row(region.name, result))  # the result itself is let go
            gaps = gaps or result.has_gaps
    write_output(summary_report.render_csv(rows), summary["ringkasan.csv"])
    write_output(summary_report.render_html(rows), summary["ringkasan.html"])
    click.echo(f"{len(rows)} regions: reports in {output_dir}, summary in "
               f"{output_dir / 'ringkasan.csv'} and ringkasan.html")  # fmt: skip
    sys.exit(EXIT_GAPS if gaps else EXIT_OK)


SUMMARIES = ("ringkasan.csv", "ringkasan.html")


@main.command("list-files")
@ROOT
@MAP
@LANG
@guarded
def list_files_command(root: Path, map_option: str | None, lang: str) -> None:
    """Show what discovery finds under ROOT: agencies, files, and what is skipped and why."""
    _folder(root, lang)
    evidence_map = _load(map_option)
    found = discover(
        root, evidence_map.agencies, own_agency=None, max_bytes=Settings().max_file_bytes
    )
    for folder in found.folders:
        agency = folder.agency or message("list.unresolved", lang)
        click.echo(f"{message('list.folder', lang)} {folder.name!r} -> {agency}")
    if found.agencies_without_folder:
        names = ", ".join(found.agencies_without_folder)
        click.echo(message("agencies.without_folder", lang, names=names))
    click.echo(message("list.files", lang, count=len(found.files)))
    for source in found.files:
        click.echo(f"  {source.path}  [{source.agency or '-'}]")
    for skipped in found.skipped:
        detail = f": {skipped.detail}" if skipped.detail else ""
        reason = skip_label(skipped.reason, lang)
        click.echo(f"  {message('list.skipped', lang)} {skipped.path} ({reason}{detail})")


@main.command("init")
@click.argument("root", type=click.Path(file_okay=False, path_type=Path))
@MAP
@LANG
@guarded
def init_command(root: Path, map_option: str | None, lang: str) -> None:
    """Create ROOT with one folder per agency and a BACA-SAYA.txt of what belongs there.

    The only command that writes into ROOT: it creates what is missing, never overwrites."""
    created = init_tree(_load(map_option), root)
    for name in created.folders:
        click.echo(message("init.folder", lang, name=name))
    for name in created.files:
        click.echo(message("init.file", lang, name=name))
    click.echo(
        message("init.done", lang, folders=len(created.folders), existing=len(created.existing))
    )


@main.command("serve")
@ROOT
@MAP
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 0.0.0.0 for every network of the server.",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option(
    "--access",
    "access_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The access file of tokens, outside ROOT; created when missing.  "
    "[default: in the user's data folder]",
)
@click.option(
    "--allow-upload",
    is_flag=True,
    help="Let each agency upload files into its own folder (never overwriting).",
)
@click.option("--max-upload-mb", type=click.IntRange(min=1), default=50, show_default=True)
@click.option(
    "--upload-log",
    type=click.Path(dir_okay=False, path_type=Path),
    help="JSON lines, one per upload, outside ROOT.  [default: beside the access file]",
)
@LANG
@READING
@guarded
def serve_command(root: Path, map_option: str | None, host: str,
                  port: int, access_file: Path | None, allow_upload: bool, max_upload_mb: int,
                  upload_log: Path | None, lang: str, **reading: Any) -> None:  # fmt: skip
    """Serve the audit of ROOT in the browser: each agency sees and fixes only its own part."""
    try:
        from evidence_check.serve import run as serving
        from evidence_check.serve.access import AccessError
    except ImportError as exc:  # the optional extra
        raise click.UsageError(f"serve needs: pip install 'evidence-check[serve]' ({exc})") from exc
    evidence_map = _load(map_option)
    access_file = access_file or serving.default_path(root)
    upload_log = upload_log or serving.upload_log_path(access_file)
    for kept in (access_file, upload_log):  # tokens and the log never travel with the evidence
        if kept.resolve().is_relative_to(root.resolve()):
            raise click.UsageError(f"refusing to keep {kept} inside the evidence folder {root}")
    config = serving.ServeConfig(root=root, evidence_map=evidence_map, lang=lang,
                                 allow_upload=allow_upload, upload_log=upload_log,
                                 max_upload_bytes=max_upload_mb * 1024 * 1024)  # fmt: skip
    try:
        app, opened = serving.prepare(
            config, _settings(evidence_map, root, reading), access_file, progress_line(False)
        )
    except AccessError as exc:
        raise click.UsageError(str(exc)) from exc
    for line in serving.console_lines(opened, config, host, port):
        click.echo(line)
    serving.run(app, host, port)


@main.group("map")
def map_group() -> None:
    """Work with requirements maps."""


@map_group.command("check")
@click.argument("file")
@guarded
def map_check_command(file: str) -> None:
    """Validate a map: one line per error, exit code 2 when there is any."""
    evidence_map = _load(file)
    evidence = sum(len(i.evidence) for i in evidence_map.indicators)
    click.echo(message("map.ok", source=evidence_map.source, indicators=len(evidence_map.indicators),
                       evidence=evidence, agencies=len(evidence_map.agencies)))  # fmt: skip


@map_group.command("show")
@click.argument("file")
@LANG
@guarded
def map_show_command(file: str, lang: str) -> None:
    """The indicators, their evidence and owners as a readable table."""
    click.echo(map_table.render(_load(file), lang), nl=False)
