"""The core entry point: `audit(evidence_map, root, settings) -> AuditResult`.

Runs discover -> extract -> profile -> match and judge, and returns data; it prints nothing and
never exits. The CLI is the only caller that talks to a person.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from evidence_check import __version__
from evidence_check.discover import discover
from evidence_check.extract import extract_file
from evidence_check.judge import judge
from evidence_check.models import AuditResult, DocumentEntry, EvidenceMap, Profile, Settings
from evidence_check.profile import build_profile


def audit(
    evidence_map: EvidenceMap, root: Path, settings: Settings, *, now: dt.datetime | None = None
) -> AuditResult:
    found = discover(
        root, evidence_map.agencies, own_agency=settings.agency, max_bytes=settings.max_file_bytes
    )
    profiles: list[Profile] = []
    entries: list[DocumentEntry] = []
    for source in found.files:
        extraction = extract_file(source.absolute)
        profiles.append(build_profile(source, extraction))
        entries.append(
            DocumentEntry(
                path=source.path,
                agency=source.agency,
                state="processed",
                pages=extraction.pages_total,
                ocr_pages=extraction.ocr_pages,
                problems=(extraction.problem,) if extraction.problem else (),
            )
        )
    entries += [
        DocumentEntry(
            path=s.path,
            agency=s.agency,
            state="skipped",
            skip_reason=s.reason,
            detail=s.detail or None,
        )
        for s in found.skipped
    ]
    stamp = (now or dt.datetime.now().astimezone()).isoformat(timespec="seconds")
    return AuditResult(
        map_source=evidence_map.source,
        evaluation=evidence_map.evaluation,
        generated_at=stamp,
        tool_version=__version__,
        root=str(root),
        findings=judge(evidence_map, profiles, settings.agency),
        documents=tuple(sorted(entries, key=lambda e: e.path)),
        folders=found.folders,
        agencies_without_folder=found.agencies_without_folder,
        agencies=evidence_map.agencies,
        self_check=settings.agency,
    )
