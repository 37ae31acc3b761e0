"""Rows that only look missing: a scan or picture in an owner's folder that could not be read.

Without OCR (turned off, or Tesseract not installed) a scanned Perbup has no text to match, so its
row would be `missing` although the evidence may well be on disk. This pass, run after judgement
when OCR was not used, makes such a row `weak` with the reason `no-text` and lists the unread files
(with no score): a person must look, or install OCR. It changes nothing else. (With OCR, a scan that
still has no text is blank or illegible, and the documents list says so.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from evidence_check.models import Candidate, Finding, Profile, Reason, Scope, Status

#: how many unread files a row lists (the banner gives the full count)
MAX_LISTED = 5


def unread_files(profiles: Iterable[Profile]) -> dict[str, list[Profile]]:
    """Agency id -> the files in its folder that open but have no readable text."""
    out: dict[str, list[Profile]] = {}
    for profile in profiles:
        problem = profile.reading.problem
        if profile.agency is not None and problem is not None and problem.code is Reason.NO_TEXT:
            out.setdefault(profile.agency, []).append(profile)
    return out


def mark_unread(findings: Iterable[Finding], profiles: Iterable[Profile]) -> tuple[Finding, ...]:
    """Every `missing` row whose owners' folders hold an unread file becomes weak/no-text."""
    unread = unread_files(profiles)
    out = []
    for finding in findings:
        if finding.status is not Status.MISSING:
            out.append(finding)
            continue
        evidence = finding.evidence
        folders = (finding.agency,) if evidence.scope is Scope.EACH else evidence.owners
        files = sorted((p for a in folders for p in unread.get(a, ())), key=lambda p: p.path)
        if not files:
            out.append(finding)
            continue
        documents = tuple(
            Candidate(
                path=p.path,
                agency=p.agency,
                score=None,
                page=None,
                snippet=None,
                year=p.year,
                problems=(Reason.NO_TEXT,),
            )
            for p in files[:MAX_LISTED]
        )
        out.append(
            replace(finding, status=Status.WEAK, reasons=(Reason.NO_TEXT,), documents=documents)
        )
    return tuple(out)
