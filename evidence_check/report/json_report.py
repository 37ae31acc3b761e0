"""The JSON audit result (DESIGN.md, "The audit result"): a versioned, deterministic contract."""

from __future__ import annotations

import json
from typing import Any

from evidence_check.models import (
    AuditResult,
    Candidate,
    ChangeKind,
    Changes,
    DocumentEntry,
    Finding,
    RowChange,
    RowState,
)

# History of FORMAT_VERSION:
# 1: the first contract (DESIGN.md). Fields may be added; renaming or removing one raises it.
#    Added since, within format 1: "score" and each requirement's "gain" (maps with scoring),
#    "ocr_available", "self_check", and each document's "detail" (its problem in words, or
#    what a ZIP archive holds); "problems" lists reason codes as DESIGN.md says.
# 2: raised once for the Pemdi turn (PermenPANRB 8/2026), because a consumer of format 1 could
#    misread it: a row's status may be "waived" (a new status, counted in summary.waived) and its
#    reasons may hold "other-region" and "gated" (new codes of a closed set). Added with it: each
#    row's "code" (the portal item code) and "gated_by"; a row document's "pinned", "amends", "lacks" (and, from
#    bundles, "part"); "evaluation.region" and "evaluation.revoked_by"; "score.unknown_weight",
#    "score.predikat_name" and each score indicator's "external" and "assumed"; a row document's
#    "score" is null for an unread scan or picture listed on a row that would otherwise be missing
#    (OCR off or not installed: the row is weak/no-text). docs/json-contract.md is the reference.
#    Top-level "changes" (only with --baseline): the baseline's generated_at, summary and index,
#    and the rows resolved, regressed, changed, added and removed since, each with "from" and "to".
#    Within format 2: a document's "reread_pages" (pages whose lying text layer was read by OCR,
#    with the reason) and "parts" (a bundle's documents, by first and last page); "probed_pages"
#    (`--ocr auto`: scanned pages of which only the head lines were read); a row document's
#    "revoked_by" (the file in the tree that revokes that instrument; it is then "outdated").
FORMAT_VERSION = 2


def render(result: AuditResult, lang: str = "id") -> str:
    return json.dumps(as_dict(result), ensure_ascii=True, indent=2) + "\n"


def as_dict(result: AuditResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "tool_version": result.tool_version,
        "generated_at": result.generated_at,
        "map": result.map_source,
        "evaluation": {
            "name": result.evaluation.name,
            "year": result.evaluation.year,
            "region": result.region,
            "revoked_by": result.evaluation.revoked_by,
        },
        "self_check": result.self_check,
        "ocr_available": result.ocr_available,
        "summary": {
            "complete": result.count_status("complete"),
            "weak": result.count_status("weak"),
            "missing": result.count_status("missing"),
            "waived": result.count_status("waived"),
        },
        "score": _score(result),
        "requirements": [_finding(f, result) for f in result.findings],
        "documents": [_document(d) for d in result.documents],
        "folders": [{"name": f.name, "agency": f.agency} for f in result.folders],
        "agencies_without_folder": list(result.agencies_without_folder),
    }
    if result.changes is not None:
        out["changes"] = _changes(result.changes)
    return out


def _changes(changes: Changes) -> dict[str, Any]:
    return {
        "baseline": changes.baseline,
        "baseline_summary": dict(changes.baseline_summary),
        "baseline_index": changes.baseline_index,
        **{kind.value: [_row_change(r) for r in changes.of(kind)] for kind in ChangeKind},
    }


def _row_change(change: RowChange) -> dict[str, Any]:
    return {
        "indicator": change.indicator,
        "evidence": change.evidence,
        "code": change.code,
        "agency": change.agency,
        "from": _state(change.before),
        "to": _state(change.after),
    }


def _state(state: RowState | None) -> dict[str, Any] | None:
    return None if state is None else {"status": state.status, "reasons": list(state.reasons)}


def _score(result: AuditResult) -> dict[str, Any] | None:
    projection = result.projection
    if projection is None:
        return None
    return {
        "index": projection.index,
        "predikat": projection.predikat,
        "predikat_name": projection.predikat_name,
        # the weight of external indicators counted at the floor: the index is then a minimum
        "unknown_weight": projection.unknown_weight,
        "groups": [{"kind": k, "name": n, "index": v} for k, n, v in projection.groups],
        "indicators": [
            {
                "indicator": i.indicator,
                "level": i.level,
                "next_level": i.next_level,
                "needs": list(i.needs),
                "external": i.external,
                "assumed": i.assumed,
            }
            for i in projection.indicators
        ],
    }


def _finding(finding: Finding, result: AuditResult) -> dict[str, Any]:
    evidence = finding.evidence
    gains = result.projection.gains if result.projection else {}
    waiver = finding.waiver
    return {
        "indicator": finding.indicator.id,
        "evidence": evidence.id,
        "code": evidence.code,
        "agency": finding.agency,
        "status": finding.status.value,
        "reasons": [r.value for r in finding.reasons],
        "documents": [_candidate(c) for c in finding.documents],
        "title": evidence.title,
        "kind": evidence.kind.value,
        "owners": list(evidence.owners),
        "level": evidence.level,
        "gain": gains.get(f"{evidence.id}@{finding.agency}"),
        "gated_by": finding.gated_by,
        "waiver": None
        if waiver is None
        else {
            "reason": waiver.reason,
            "by": waiver.by,
            "until": waiver.until.isoformat() if waiver.until else None,
        },
    }


def _candidate(candidate: Candidate) -> dict[str, Any]:
    return {
        "path": candidate.path,
        "agency": candidate.agency,
        "score": None if candidate.score is None else round(candidate.score, 1),
        "page": candidate.page,
        "snippet": candidate.snippet,
        "year": candidate.year,
        "problems": [r.value for r in candidate.problems],
        "pinned": candidate.pinned,
        "amends": candidate.amends,
        # the file in the tree that revokes this instrument (then it is "outdated")
        "revoked_by": candidate.revoked_by,
        # a screenshot: what it does not show of url, date, institution
        "lacks": list(candidate.lacks),
        # a document of a bundle: the file's path, and its pages within it
        "part": (
            None
            if candidate.part is None
            else {"first_page": candidate.part[0], "last_page": candidate.part[1]}
        ),
    }


def _document(entry: DocumentEntry) -> dict[str, Any]:
    if entry.state == "skipped":
        out: dict[str, Any] = {
            "path": entry.path,
            "agency": entry.agency,
            "state": "skipped",
            "skip_reason": entry.skip_reason,
        }
        if entry.detail:
            out["detail"] = entry.detail
        return out
    out = {
        "path": entry.path,
        "agency": entry.agency,
        "state": entry.state,
        "pages": entry.pages,
        "ocr_pages": list(entry.ocr_pages),
        # the reason codes (unreadable, no-text), with the free detail in "detail" (DESIGN.md)
        "problems": [p.code.value for p in entry.problems],
        # pages whose text layer was not language, read again like scans (OCR)
        "reread_pages": [{"page": page, "reason": why} for page, why in entry.reread_pages],
    }
    if entry.parts:
        out["parts"] = [{"first_page": first, "last_page": last} for first, last in entry.parts]
    if entry.probed_pages:  # --ocr auto: scanned pages of which only the head lines were read
        out["probed_pages"] = list(entry.probed_pages)
    details = [p.detail for p in entry.problems] + ([entry.detail] if entry.detail else [])
    if details:
        out["detail"] = "; ".join(details)
    return out
