"""The committed samples/ tree audited with the shipped SPBE map: every row's status and reasons.

samples/ is made by scripts/make_samples.py; each file there was written to produce one outcome,
listed here. A row not listed must be missing. If you change the samples, change this table.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from evidence_check.audit import audit
from evidence_check.evidence_map import load_map
from evidence_check.models import AuditResult, Settings
from evidence_check.report import json_report

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"

EXPECTED = {
    # the enacted Perbup in Bagian Hukum, its 2024 review report in Diskominfo
    "spbe01-l1-rancangan": "complete",
    "spbe01-l2-perbup": "complete",
    "spbe01-l3-dokumen": "complete",
    "spbe01-l4-reviu": "complete",
    # only the draft: good for level 1, a draft for the rest
    "spbe02-l1-rancangan": "complete",
    "spbe02-l2-perbup": "weak draft",
    "spbe02-l3-dokumen": "weak draft",
    # a Word Perbup from 2019 with its title in a table: regulations do not expire
    "spbe03-l1-rancangan": "complete",
    "spbe03-l2-perbup": "complete",
    "spbe03-l3-lengkap": "complete",
    # the ratification block was never filled in
    "spbe04-l1-rancangan": "complete",
    "spbe04-l2-perbup": "weak unsigned",
    "spbe04-l3-lengkap": "weak unsigned",
    # uploaded by BPKAD
    "spbe05-l1-rancangan": "weak misplaced",
    "spbe05-l2-perbup": "weak misplaced",
    "spbe05-l3-lengkap": "weak misplaced",
    # a 0-byte placeholder
    "spbe06-l1-rancangan": "weak unreadable",
    "spbe06-l2-perbup": "weak unreadable",
    "spbe06-l3-lengkap": "weak unreadable",
    # a blank scan
    "spbe07-l1-rancangan": "weak no-text",
    "spbe07-l2-perbup": "weak no-text",
    "spbe07-l3-lengkap": "weak no-text",
    # named like the SMKI Perbup, holds the Tata Naskah Dinas Perbup
    "spbe08-l1-rancangan": "weak low-match",
    "spbe08-l2-perbup": "weak low-match",
    "spbe08-l3-lengkap": "weak low-match",
    # scan_0042.pdf: a scanned Perbup, read by OCR, judged like its text twin
    "spbe09-l1-rancangan": "complete",
    "spbe09-l2-perbup": "complete",
    "spbe09-l3-lengkap": "complete",
    # IMG-...-WA0003.jpg: a phone photo of the one-page Tim Koordinasi decree
    "spbe10-l1-rancangan": "complete",
    "spbe10-l2-keputusan": "complete",
    "spbe10-l3-tugas": "complete",
    # the Arsitektur Perbup sits in Bagian Hukum; these rows are Diskominfo's alone
    "spbe11-l1-konsep": "weak misplaced",
    "spbe11-l2-dokumen": "weak misplaced",
    "spbe11-l4-reviu": "complete",
    "spbe12-l1-konsep": "complete",
    "spbe12-l2-dokumen": "weak draft",
    # an Excel RKA, and a mixed PDF whose cover is a picture
    "spbe13-l1-rka-dpa": "complete",
    "spbe13-l2-rekap": "complete",
    # a PowerPoint and a legacy .doc
    "spbe14-l1-peta-proses-bisnis": "complete",
    "spbe15-l2-sop": "complete",
    # one notulen where two are asked for
    "spbe19-l2-notulen": "weak too-few",
    # a risk profile scanned upside down
    "spbe21-l2-profil-risiko": "complete",
    "spbe21-l3-pedoman": "complete",
    "spbe23-l3-pedoman": "complete",
    # in the unrecognised folder "Lain-lain"
    "spbe26-l2-rencana": "weak misplaced",
    "spbe26-l3-pedoman": "weak misplaced",
    # a 2021 audit report, two years allowed
    "spbe29-l1-laporan": "weak outdated",
}


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def result() -> AuditResult:
    assert SAMPLES.is_dir(), "samples/ is missing: run `make samples`"
    before = snapshot(SAMPLES)
    evidence_map = load_map(REPO / "maps" / "spbe-2020.yaml", source="requirements_map.yaml")
    outcome = audit(evidence_map, SAMPLES, Settings(jobs=2))
    assert snapshot(SAMPLES) == before, "the audit changed the evidence folder"
    return outcome


def test_every_row_has_its_expected_status_and_reasons(result: AuditResult) -> None:
    got = {
        f.evidence.id: " ".join([f.status.value, *(r.value for r in f.reasons)])
        for f in result.findings
    }
    expected = {key: EXPECTED.get(key, "missing") for key in got}
    assert got == expected


def test_every_status_and_reason_occurs(result: AuditResult) -> None:
    seen = {f.status.value for f in result.findings} | {
        r.value for f in result.findings for r in f.reasons
    }
    assert seen == {
        "complete", "weak", "missing", "unreadable", "no-text", "low-match", "misplaced",
        "draft", "unsigned", "outdated", "too-few",
    }  # fmt: skip


def test_scans_are_marked_and_every_file_is_accounted_for(result: AuditResult) -> None:
    documents = {d["path"]: d for d in json.loads(json_report.render(result))["documents"]}
    assert documents["01. DISKOMINFO/scan_0042.pdf"]["ocr_pages"] == [1, 2, 3, 4]
    assert documents["01. DISKOMINFO/IMG-20240612-WA0003.jpg"]["ocr_pages"] == [1]
    assert documents["02. Bappeda/Keterpaduan Rencana dan Anggaran SPBE 2025.pdf"]["ocr_pages"] == [
        1
    ]
    assert documents["01. DISKOMINFO/Thumbs.db"]["skip_reason"] == "junk"
    assert documents["catatan.txt"]["skip_reason"] == "unsupported"
    on_disk = {str(p.relative_to(SAMPLES).as_posix()) for p in SAMPLES.rglob("*") if p.is_file()}
    assert set(documents) == on_disk


def test_without_ocr_scans_are_no_text_with_a_hint(tmp_path: Path) -> None:
    """Without OCR a scan with a generic name hides what it is: its rows are never "missing" but
    weak/no-text, listing the unread scan (no score), since the evidence may be on disk."""
    evidence_map = load_map(REPO / "maps" / "spbe-2020.yaml")
    result = audit(evidence_map, SAMPLES, Settings(jobs=2, ocr=False))
    rows = {f.evidence.id: (f.status.value, [r.value for r in f.reasons]) for f in result.findings}
    assert rows["spbe09-l2-perbup"] == ("weak", ["no-text"])
    row = next(f for f in result.findings if f.evidence.id == "spbe09-l2-perbup")
    assert {c.score for c in row.documents} == {None}
    assert rows["spbe07-l2-perbup"] == ("weak", ["no-text"])
    scan = next(d for d in result.documents if d.path.endswith("scan_0042.pdf"))
    assert "OCR" in scan.problems[0].detail
