"""The audit of an unchanged tree, remembered: when nothing that decides the result has changed
(the map, the settings, the tool, and every file's path, size and modification time), the last
result is given again, with a new timestamp, without reading or matching anything.

`fingerprint` says what decides the result; `encode` and `decode` keep findings and documents as
plain data (ids into the map, never pickled objects). The memo lives in the reading cache and can
be deleted with it at any time.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from typing import Any

from evidence_check import __version__
from evidence_check.cache import READER_VERSION
from evidence_check.models import (
    Candidate,
    Discovery,
    DocumentEntry,
    EvidenceMap,
    Finding,
    Problem,
    Reason,
    Status,
    Waiver,
)

#: raise when the memo's layout or anything the judgement depends on changes
MEMO_VERSION = 11


def fingerprint(evidence_map: EvidenceMap, found: Discovery, settings_tag: str) -> str:
    """Everything the result depends on, hashed: the map (its full value), the settings, the tool,
    every file with its size and time, every skipped file and every folder's agency."""
    digest = hashlib.sha256()
    for part in (
        f"memo {MEMO_VERSION} reader {READER_VERSION} tool {__version__} {settings_tag}",
        repr(evidence_map),
        *(f"{f.path}\0{f.agency}\0{f.size}\0{f.mtime_ns}" for f in found.files),
        *(f"{s.path}\0{s.agency}\0{s.reason}\0{s.detail}" for s in found.skipped),
        *(f"{f.name}\0{f.agency}" for f in found.folders),
    ):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\n")
    return digest.hexdigest()


def encode(
    findings: tuple[Finding, ...],
    documents: tuple[DocumentEntry, ...],
    waivers: tuple[Waiver, ...] = (),
    region: str | None = None,
) -> bytes:
    data = {
        "region": region,
        "findings": [
            [
                f.indicator.id,
                f.evidence.id,
                f.agency,
                f.status.value,
                [r.value for r in f.reasons],
                [
                    [
                        c.path,
                        c.agency,
                        c.score,
                        c.page,
                        c.snippet,
                        c.year,
                        [r.value for r in c.problems],
                        c.pinned,
                        c.amends,
                        list(c.lacks),
                        list(c.part) if c.part else None,
                        c.revoked_by,
                    ]
                    for c in f.documents
                ],
                f.gated_by,
                waivers.index(f.waiver) if f.waiver in waivers else None,
            ]
            for f in findings
        ],
        "documents": [
            [
                d.path,
                d.agency,
                d.state,
                d.pages,
                list(d.ocr_pages),
                [[p.code.value, p.detail] for p in d.problems],
                d.skip_reason,
                d.detail,
                [list(r) for r in d.reread_pages],
                [list(r) for r in d.parts],
                list(d.probed_pages),
            ]
            for d in documents
        ],
    }
    return zlib.compress(json.dumps(data).encode("utf-8", "surrogatepass"), 3)


def decode(
    payload: bytes, evidence_map: EvidenceMap, waivers: tuple[Waiver, ...] = ()
) -> tuple[tuple[Finding, ...], tuple[DocumentEntry, ...], str | None] | None:
    """The remembered findings, documents and region; None when the memo cannot be used."""
    try:
        data: dict[str, Any] = json.loads(zlib.decompress(payload))
        indicators = {i.id: i for i in evidence_map.indicators}
        findings = []
        for row in data["findings"]:
            indicator_id, evidence_id, agency, status, reasons, candidates, gated, waiver = row
            indicator = indicators[indicator_id]
            evidence = next(e for e in indicator.evidence if e.id == evidence_id)
            findings.append(
                Finding(
                    indicator=indicator,
                    evidence=evidence,
                    agency=agency,
                    status=Status(status),
                    reasons=tuple(Reason(r) for r in reasons),
                    documents=tuple(
                        Candidate(
                            path=c[0],
                            agency=c[1],
                            score=c[2],
                            page=c[3],
                            snippet=c[4],
                            year=c[5],
                            problems=tuple(Reason(r) for r in c[6]),
                            pinned=c[7],
                            amends=c[8],
                            lacks=tuple(c[9]),
                            part=(c[10][0], c[10][1]) if c[10] else None,
                            revoked_by=c[11],
                        )
                        for c in candidates
                    ),
                    gated_by=gated,
                    waiver=None if waiver is None else waivers[waiver],
                )
            )
        documents = tuple(
            DocumentEntry(
                path=d[0],
                agency=d[1],
                state=d[2],
                pages=d[3],
                ocr_pages=tuple(d[4]),
                problems=tuple(Problem(code=Reason(code), detail=detail) for code, detail in d[5]),
                skip_reason=d[6],
                detail=d[7],
                reread_pages=tuple((page, why) for page, why in d[8]),
                parts=tuple((first, last) for first, last in d[9]),
                probed_pages=tuple(d[10]),
            )
            for d in data["documents"]
        )
        return tuple(findings), documents, data["region"]
    except (ValueError, KeyError, TypeError, IndexError, StopIteration, zlib.error):
        return None  # a damaged or foreign memo is a miss, never a wrong result
