"""The core entry point: `audit(evidence_map, root, settings) -> AuditResult`.

Runs discover -> read (extract, in workers, through the cache) -> locate -> match and judge, and
returns data; it prints nothing and never exits. The CLI is the only caller that talks to a person.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import platform
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from evidence_check import __version__, memo
from evidence_check.cache import Cache
from evidence_check.checks.instrument import Region, parse_region
from evidence_check.discover import discover, inner_root, resolve_agency
from evidence_check.executor import ClusterError, Executor
from evidence_check.extract import ocr
from evidence_check.judge import gate, judge
from evidence_check.models import (
    AuditResult,
    Discovery,
    DocumentEntry,
    EvidenceMap,
    Finding,
    Form,
    Profile,
    Settings,
    SkippedFile,
    SourceFile,
    Status,
)
from evidence_check.profile import locate
from evidence_check.reader import Progress, ReadOptions, read_all
from evidence_check.region import active_pins, active_waivers, audited_region
from evidence_check.score import project
from evidence_check.unread import mark_unread

log = logging.getLogger("evidence_check")


def usable_cache_dir(folder: Path | None, root: Path) -> Path | None:
    """The cache folder, unless it lies inside ROOT (never write into the evidence): then no cache,
    with one warning."""
    if folder is None:
        return None
    if folder.resolve().is_relative_to(root.resolve()):
        log.warning("the cache folder %s is inside the evidence folder: no cache this run", folder)
        return None
    return folder


@contextlib.contextmanager
def executor_for(settings: Settings) -> Iterator[Executor | None]:
    """The cluster `settings.scheduler` names, open while the block runs; None: the local pool.
    Dask is imported only here, only with a scheduler."""
    if settings.scheduler is None:
        yield None
        return
    try:
        from evidence_check.dask_executor import connect
    except ImportError as exc:
        raise ClusterError(
            f"--scheduler needs Dask: pip install 'evidence-check[dask]' ({exc})"
        ) from exc
    with connect(settings.scheduler, ship_bytes=settings.ship_bytes) as executor:
        yield executor


def audit(
    evidence_map: EvidenceMap,
    root: Path,
    settings: Settings,
    *,
    now: dt.datetime | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    executor: Executor | None = None,
) -> AuditResult:
    """Audit ROOT; the read stage runs on `executor`, else on the cluster of
    `settings.scheduler` (opened and closed here), else on the local pool."""
    if executor is None and settings.scheduler is not None:
        with executor_for(settings) as opened:
            return audit(
                evidence_map, root, settings, now=now, on_progress=on_progress, executor=opened
            )
    if executor is not None:
        executor.check_root(root)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    found = discover(
        root, evidence_map.agencies, own_agency=settings.agency, max_bytes=settings.max_file_bytes
    )
    options = ReadOptions(
        ocr=settings.ocr and ocr.available(),
        targeted=settings.ocr and settings.ocr_targeted,
        timeout_seconds=settings.file_timeout_seconds,
        memory_bytes=settings.file_memory_bytes,
    )
    timings["discover"] = time.perf_counter() - started
    started = time.perf_counter()
    moment = now or dt.datetime.now().astimezone()
    stamp = moment.isoformat(timespec="seconds")
    waivers, expired = active_waivers(settings.region, moment.date())
    pins, expired_pins = active_pins(settings.region, moment.date())
    ended = [(f"the waiver of {w.evidence}", w.until) for w in expired]
    ended += [(f"the pin of {p.file} to {p.evidence}", p.until) for p in expired_pins]
    for what, until in ended:
        log.warning("%s: %s ended on %s and is ignored", settings.region.source, what, until)
    readable = {f.path for f in found.files}
    for pin in pins:  # a file skipped (junk, too large ...) or outside a self-check
        if pin.file.split("!/")[0] not in readable:
            log.warning(
                "%s: the pinned file %s is not read in this audit and answers nothing",
                settings.region.source,
                pin.file,
            )
    cache_dir = usable_cache_dir(settings.cache_dir, root)
    cache = Cache(cache_dir)
    tag = f"{options.tag} agency={settings.agency} region={settings.region!r} waivers={waivers!r}"
    tag += f" pins={pins!r}"
    key = memo.fingerprint(evidence_map, found, tag)
    remembered = cache.result(key)
    known = memo.decode(remembered, evidence_map, waivers) if remembered is not None else None
    if known is not None:  # nothing that decides the result has changed since the last audit
        cache.close()
        timings["read"] = time.perf_counter() - started
        region = audited_region(settings.region, evidence_map.evaluation) or known[2]
        return _result(
            evidence_map, root, settings, found, *known[:2], stamp, options.ocr, timings, region
        )

    def judged(profiles: list[Profile]) -> tuple[tuple[Finding, ...], str | None]:
        region = audited_region(settings.region, evidence_map.evaluation) or usual_issuer(profiles)
        findings = judge(
            evidence_map,
            profiles,
            settings.agency,
            timings,
            pins=pins,
            waivers=waivers,
            region=parse_region(region),
        )
        return findings, region

    try:
        read = _read(found.files, options, cache, settings.jobs, on_progress, executor)
        timings["read"] = time.perf_counter() - started
        findings, region = judged(read.profiles)
        again = _bodies_to_read(read.profiles, findings) if options.targeted else set()
        if again:  # a row is still open and a document's body, partly read, may answer it
            started = time.perf_counter()
            whole = dataclasses.replace(options, targeted=False)
            files = tuple(f for f in found.files if f.path in again)
            more = _read(files, whole, cache, settings.jobs, on_progress, executor)
            read = read.replaced(again, more)
            timings["read"] += time.perf_counter() - started
            findings, region = judged(read.profiles)
    finally:
        cache.close()
    entries = [
        *read.entries,
        *(
            DocumentEntry(
                path=s.path,
                agency=s.agency,
                state="skipped",
                skip_reason=s.reason,
                detail=s.detail or None,
            )
            for s in (*found.skipped, *read.skipped)
        ),
    ]
    profiles = read.profiles
    if not options.ocr:  # a scan nobody could read may be the evidence: never say "missing"
        findings = mark_unread(findings, profiles)
        scoring = evidence_map.evaluation.scoring
        if scoring is not None and scoring.gating:  # a row made weak above may now be gated
            findings = tuple(gate(list(findings)))
    documents = tuple(sorted(entries, key=lambda e: e.path))
    if cache.file is not None:  # a cache that failed this run is not tried again
        with Cache(cache_dir) as memo_cache:
            memo_cache.remember_result(key, memo.encode(findings, documents, waivers, region))
    return _result(
        evidence_map,
        root,
        settings,
        found,
        findings,
        documents,
        stamp,
        options.ocr,
        timings,
        region,
    )


@dataclass(frozen=True)
class _Read:
    """What the read stage gave the audit: the documents' profiles, the files' entries, the
    archive members skipped."""

    profiles: list[Profile]
    entries: list[DocumentEntry]
    skipped: list[SkippedFile]

    def replaced(self, paths: set[str], other: _Read) -> _Read:
        """This read with the files `paths` (and their archive members) as `other` read them."""

        def kept(path: str) -> bool:
            return path.split("!/")[0] not in paths

        profiles = [p for p in self.profiles if kept(p.path)] + other.profiles
        profiles.sort(key=lambda p: (p.path, p.part or (0, 0)))
        return _Read(
            profiles=profiles,
            entries=[e for e in self.entries if kept(e.path)] + other.entries,
            skipped=[s for s in self.skipped if kept(s.path)] + other.skipped,
        )


def _read(
    files: tuple[SourceFile, ...],
    options: ReadOptions,
    cache: Cache,
    jobs: int,
    on_progress: Callable[[Progress], None] | None,
    executor: Executor | None,
) -> _Read:
    profiles: list[Profile] = []
    entries: list[DocumentEntry] = []
    skipped: list[SkippedFile] = []
    for outcome in read_all(files, options, cache, jobs, on_progress, executor):
        source, reading = outcome.source, outcome.reading
        if outcome.skipped is not None:
            skipped.append(outcome.skipped)
        elif reading is None:
            detail = f"a ZIP archive of {outcome.archive_members} files, read as if unpacked"
            entries.append(
                DocumentEntry(
                    path=source.path, agency=source.agency, state="processed", detail=detail
                )
            )
        else:
            profiles.extend(locate(source, reading))
            entries.append(
                DocumentEntry(
                    path=source.path,
                    agency=source.agency,
                    state="processed",
                    pages=reading.pages or None,
                    ocr_pages=reading.ocr_pages,
                    probed_pages=reading.unread_pages,
                    problems=(reading.problem,) if reading.problem else (),
                    reread_pages=reading.reread_pages,
                    parts=tuple(p.part for p in reading.parts if p.part is not None),
                    detail="; ".join(reading.page_problems) or None,
                )
            )
    profiles.sort(key=lambda p: (p.path, p.part or (0, 0)))
    return _Read(profiles, entries, skipped)


def _bodies_to_read(profiles: list[Profile], findings: tuple[Finding, ...]) -> set[str]:
    """The files (archives for their members) to read again in full: those holding a document
    whose body must confirm what it is (no title, a budget) with pages only probed, while a row
    is still open. A decided audit reads nothing more."""
    if all(f.status in (Status.COMPLETE, Status.WAIVED) for f in findings):
        return set()
    return {p.path.split("!/")[0] for p in profiles if p.reading.body and p.reading.unread_pages}


def usual_issuer(profiles: list[Profile]) -> str | None:
    """The region most regulations and decrees of the tree were issued by: the audited region
    when neither the settings nor the map name it."""
    issued = Counter(
        str(Region(*p.issuer))
        for p in profiles
        if p.issuer is not None and p.form in (Form.REGULATION, Form.DECREE)
    )
    return issued.most_common(1)[0][0] if issued else None


def _result(
    evidence_map: EvidenceMap,
    root: Path,
    settings: Settings,
    found: Discovery,
    findings: tuple[Finding, ...],
    documents: tuple[DocumentEntry, ...],
    stamp: str,
    ocr_available: bool,
    timings: dict[str, float],
    region: str | None,
) -> AuditResult:
    # a self-check sees only its own rows: a projection of the whole region would mislead
    projection = (
        project(evidence_map, findings, settings.region.assumed_levels)
        if settings.agency is None
        else None
    )
    return AuditResult(
        map_source=evidence_map.source,
        evaluation=evidence_map.evaluation,
        generated_at=stamp,
        tool_version=__version__,
        root=str(root),
        findings=findings,
        documents=documents,
        folders=found.folders,
        agencies_without_folder=found.agencies_without_folder,
        agencies=evidence_map.agencies,
        indicators=evidence_map.indicators,
        self_check=settings.agency,
        projection=projection,
        ocr_available=ocr_available,
        timings=timings,
        region=region,
        region_settings=settings.region,
        ocr_requested=settings.ocr,
        platform=platform.system(),
        root_agency=resolve_agency(root.resolve().name, evidence_map.agencies),
        root_hint=_root_hint(root, evidence_map, settings, found),
    )


def _root_hint(
    root: Path, evidence_map: EvidenceMap, settings: Settings, found: Discovery
) -> str | None:
    """For a whole-tree audit where no folder became an agency: the folder ROOT probably is."""
    if settings.agency is not None or any(f.agency for f in found.folders):
        return None
    return inner_root(root, evidence_map.agencies)
