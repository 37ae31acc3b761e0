"""Domain helpers that make a test case one line: build a tree of documents, audit it, compare."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import docgen

from evidence_check.audit import audit
from evidence_check.evidence_map import parse_map
from evidence_check.models import AuditResult, Settings

MAP = """\
version: 1
evaluation: {name: Evaluasi SPBE 2025, year: 2025}
agencies:
  - {id: diskominfo, name: Dinas Komunikasi dan Informatika, aliases: [Diskominfo, Kominfo]}
  - {id: bag-hukum, name: Bagian Hukum, aliases: [Hukum]}
  - {id: bappeda, name: Badan Perencanaan Pembangunan Daerah, aliases: [Bappeda]}
  - {id: dlh, name: Dinas Lingkungan Hidup, aliases: [DLH]}
indicators:
  - id: SPBE-01
    name: Kebijakan Internal Arsitektur SPBE
    evidence:
      - id: arsitektur-perbup
        title: Peraturan Bupati tentang Arsitektur SPBE
        kind: regulation
        owners: [bag-hukum, diskominfo]
        keywords: [Arsitektur SPBE, Arsitektur Sistem Pemerintahan Berbasis Elektronik]
        must_include: [Peraturan Bupati]
        max_age_years: null
      - id: arsitektur-rancangan
        title: Rancangan Peraturan Bupati tentang Arsitektur SPBE
        kind: regulation
        owners: [diskominfo]
        keywords: [Arsitektur SPBE]
        accept_draft: true
        level: 1
      - id: arsitektur-reviu
        title: Laporan Reviu Kebijakan Arsitektur SPBE
        kind: report
        owners: [diskominfo]
        keywords: [Reviu Arsitektur SPBE, Evaluasi Arsitektur SPBE]
        max_age_years: 2
  - id: SPBE-02
    name: Kebijakan Internal Peta Rencana SPBE
    evidence:
      - id: peta-perbup
        title: Peraturan Bupati tentang Peta Rencana SPBE
        kind: regulation
        owners: [bag-hukum, diskominfo]
        keywords: [Peta Rencana SPBE]
        must_include: [Peraturan Bupati]
  - id: SC-01
    name: Dewan dan Tim Pelaksana Smart City
    evidence:
      - id: sk-dewan
        title: Keputusan Bupati tentang Dewan Smart City
        kind: decree
        owners: [bappeda]
        keywords: [Dewan Smart City]
        must_include: [Keputusan]
      - id: sk-tim
        title: Keputusan Bupati tentang Tim Pelaksana Smart City
        kind: decree
        owners: [bappeda]
        keywords: [Tim Pelaksana Smart City]
        must_include: [Keputusan]
  - id: LAP-01
    name: Laporan triwulan
    evidence:
      - id: laporan-triwulan
        title: Laporan Monitoring Triwulan
        kind: report
        owners: [bappeda, dlh]
        scope: each
        keywords: [Laporan Monitoring Pelaksanaan Smart City]
        min_count: 2
        max_age_years: 1
"""

Content = docgen.Document | bytes


def build_tree(root: Path, files: dict[str, Content]) -> Path:
    """Write each document (a docgen document as PDF or DOCX by suffix, or raw bytes)."""
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif path.suffix == ".docx":
            docgen.write_docx(content, path)
        else:
            docgen.write_pdf(content, path)
    return root


def run_audit(
    root: Path, map_text: str = MAP, agency: str | None = None, *, ocr_targeted: bool = True
) -> AuditResult:
    settings = Settings(agency=agency, ocr_targeted=ocr_targeted)
    return audit(parse_map(map_text, "test-map.yaml"), root, settings)


def statuses(result: AuditResult) -> dict[str, tuple[str, ...]]:
    """{"evidence-id" or "evidence-id@agency": (status, *reasons)} for every row."""
    out: dict[str, tuple[str, ...]] = {}
    for finding in result.findings:
        key = finding.evidence.id
        if finding.evidence.scope.value == "each":
            key += "@" + finding.agency
        out[key] = (finding.status.value, *(r.value for r in finding.reasons))
    return out


def assert_status(
    tmp_path: Path, files: dict[str, Content], expect: dict[str, str], map_text: str = MAP
) -> AuditResult:
    """Audit a tree made of `files` and check rows: expect={"peta-perbup": "weak draft"}."""
    result = run_audit(build_tree(tmp_path / "tree", files), map_text)
    got = statuses(result)
    wanted = {key: tuple(value.split()) for key, value in expect.items()}
    seen = {key: got.get(key) for key in wanted}
    assert seen == wanted, f"rows {seen} != expected {wanted}"
    return result


def read_slowly(path: Path, options: object) -> object:
    """A reader that hangs on files called "lambat.pdf" (for the worker-timeout test)."""
    import time

    if path.name == "lambat.pdf":
        time.sleep(60)
    return read_slowly.__wrapped__(path, options)  # type: ignore[attr-defined]


REPOSITORY = Path(__file__).resolve().parents[1]
#: why real-corpus tests cannot run, in one line
NO_CORPUS = (
    "the real corpus is missing: set EVIDENCE_CHECK_CORPUS to its folder, "
    "or put it at ../shared/corpus/real/ beside the clone"
)


def real_corpus() -> Path | None:
    """The folder of real public regulations and reports: $EVIDENCE_CHECK_CORPUS, else
    ../shared/corpus/real/ beside the repository; None when neither is a folder."""
    given = os.environ.get("EVIDENCE_CHECK_CORPUS")
    candidate = Path(given) if given else REPOSITORY.parent / "shared" / "corpus" / "real"
    return candidate if candidate.is_dir() else None


def in_ci() -> bool:
    """CI has the corpus: there, a missing corpus is a failure, never a skip."""
    return os.environ.get("CI", "").lower() == "true"
