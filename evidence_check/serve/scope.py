"""What of an audit a caller may see: the coordinator everything, an agency only its own part.

An agency sees the rows it owns (a shared row led by another agency too, as a self-check shows it)
and, of every row, only the files in its own folder; its documents and folders; not the region's
summary or projection, only the gain of each of its own rows. Nothing here reads or writes files.
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any

from evidence_check.models import AuditResult, DocumentEntry, Finding, Scope
from evidence_check.report.json_report import as_dict
from evidence_check.serve.access import Caller


def owns(finding: Finding, agency: str) -> bool:
    """Whether a row is on the agency's list: its `each` row, or a shared row it is an owner of."""
    if finding.evidence.scope is Scope.EACH:
        return finding.agency == agency
    return agency in finding.evidence.owners


def visible(result: AuditResult, caller: Caller) -> AuditResult:
    """The audit as the caller may see it: all of it for the coordinator."""
    agency = caller.agency
    if agency is None:
        return result
    findings = tuple(
        dataclasses.replace(f, documents=tuple(d for d in f.documents if d.agency == agency))
        for f in result.findings
        if owns(f, agency)
    )
    return dataclasses.replace(
        result,
        findings=findings,
        documents=tuple(d for d in result.documents if d.agency == agency),
        folders=tuple(f for f in result.folders if f.agency == agency),
        agencies_without_folder=tuple(a for a in result.agencies_without_folder if a == agency),
        self_check=agency,
        projection=None,
    )


def gains(result: AuditResult, caller: Caller) -> dict[str, float]:
    """Gains by "evidence@agency" of the rows the caller sees, from the region's projection."""
    if result.projection is None:
        return {}
    if caller.agency is None:
        return dict(result.projection.gains)
    mine = {f"{f.evidence.id}@{f.agency}" for f in result.findings if owns(f, caller.agency)}
    return {k: v for k, v in result.projection.gains.items() if k in mine}


def payload(result: AuditResult, caller: Caller) -> dict[str, Any]:
    """The audit JSON (the CLI's format) limited to the caller, each row with its gain."""
    out = as_dict(visible(result, caller))
    if caller.agency is not None:
        known = gains(result, caller)
        for row in out["requirements"]:
            row["gain"] = known.get(f"{row['evidence']}@{row['agency']}")
    return out


def document_id(path: str) -> str:
    """A stable id for a file in links, whatever characters its path holds."""
    return hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:20]


def documents(result: AuditResult, caller: Caller) -> dict[str, DocumentEntry]:
    """id -> the readable files the caller may open (processed, not inside an archive)."""
    return {
        document_id(d.path): d
        for d in visible(result, caller).documents
        if d.state == "processed" and "!/" not in d.path
    }
