"""A small region for the `serve` tests: a scored map, four agencies, and their folders.

Bagian Hukum holds the Perbup (complete, a row Diskominfo co-owns), Bappeda the decree on its Dewan
(complete), a draft of its monitoring report (weak) and not the decree on its Tim (missing, what
the tests upload), DLH its monitoring report, and Diskominfo a file nobody else may see.
"""

from __future__ import annotations

from pathlib import Path

from helpers import build_tree, docgen
from starlette.applications import Starlette

from evidence_check.audit import audit
from evidence_check.evidence_map import parse_map
from evidence_check.models import AuditResult, EvidenceMap, Settings
from evidence_check.serve.access import AccessFile
from evidence_check.serve.app import ServeConfig
from evidence_check.serve.run import prepare

SERVE_MAP = """\
version: 2
evaluation:
  name: Evaluasi SPBE 2025
  year: 2025
  scoring:
    method: weighted-levels
    scale: [1, 5]
    predikat:
      - {min: 3.5, label: Sangat Baik}
      - {min: 2.6, label: Baik}
      - {min: 0, label: Kurang}
agencies:
  - {id: diskominfo, name: Dinas Komunikasi dan Informatika, aliases: [Diskominfo, Kominfo]}
  - {id: bag-hukum, name: Bagian Hukum, aliases: [Hukum]}
  - {id: bappeda, name: Badan Perencanaan Pembangunan Daerah, aliases: [Bappeda]}
  - {id: dlh, name: Dinas Lingkungan Hidup, aliases: [DLH]}
indicators:
  - id: SPBE-01
    name: Kebijakan Internal Arsitektur SPBE
    domain: Kebijakan Internal
    weight: 50
    evidence:
      - id: arsitektur-perbup
        title: Peraturan Bupati tentang Arsitektur SPBE
        kind: regulation
        owners: [bag-hukum, diskominfo]
        keywords: [Arsitektur SPBE, Arsitektur Sistem Pemerintahan Berbasis Elektronik]
        must_include: [Peraturan Bupati]
        level: 2
  - id: SC-01
    name: Dewan dan Tim Pelaksana Smart City
    domain: Smart City
    weight: 50
    evidence:
      - id: sk-dewan
        title: Keputusan Bupati tentang Dewan Smart City
        kind: decree
        owners: [bappeda]
        keywords: [Dewan Smart City]
        must_include: [Keputusan]
        level: 2
      - id: sk-tim
        title: Keputusan Bupati tentang Tim Pelaksana Smart City
        kind: decree
        owners: [bappeda]
        keywords: [Tim Pelaksana Smart City]
        must_include: [Keputusan]
        level: 3
      - id: laporan-monitoring
        title: Laporan Monitoring Pelaksanaan Smart City
        kind: report
        owners: [bappeda, dlh]
        scope: each
        keywords: [Laporan Monitoring Pelaksanaan Smart City]
        level: 4
"""

PERBUP = docgen.Regulation(topic="Arsitektur Sistem Pemerintahan Berbasis Elektronik")
SK_DEWAN = docgen.Regulation(
    topic="Pembentukan Dewan Smart City Kabupaten Mojosari", form="KEPUTUSAN"
)
SK_TIM = docgen.Regulation(
    topic="Pembentukan Tim Pelaksana Smart City Kabupaten Mojosari", form="KEPUTUSAN"
)
LAPORAN_DLH = docgen.Report(
    title="Laporan Monitoring Pelaksanaan Smart City", agency="DINAS LINGKUNGAN HIDUP"
)
LAPORAN_BAPPEDA_DRAFT = docgen.Report(
    title="Laporan Monitoring Pelaksanaan Smart City",
    agency="BADAN PERENCANAAN PEMBANGUNAN DAERAH",
    draft=True,
)
SECRET = docgen.Letter(subject="Rahasia Diskominfo Anggaran Server")


def evidence_map() -> EvidenceMap:
    return parse_map(SERVE_MAP, "serve-map.yaml")


def region(tmp_path: Path) -> Path:
    """The evidence tree under tmp_path/tree."""
    return build_tree(
        tmp_path / "tree",
        {
            "02. Bagian Hukum/Perbup 12 2023 Arsitektur SPBE.pdf": PERBUP,
            "03. Bappeda/SK Dewan Smart City.pdf": SK_DEWAN,
            "03. Bappeda/Draf Laporan Monitoring.pdf": LAPORAN_BAPPEDA_DRAFT,
            "04. DLH/Laporan Monitoring Smart City 2024.pdf": LAPORAN_DLH,
            "01. Diskominfo/Undangan rahasia anggaran.pdf": SECRET,
        },
    )


def sk_tim_pdf(path: Path) -> Path:
    return docgen.write_pdf(SK_TIM, path)


def make_app(
    tmp_path: Path, *, allow_upload: bool = True, max_upload_bytes: int | None = None
) -> tuple[Starlette, AccessFile, ServeConfig]:
    """(app, access file, config) over a fresh region; the audit reads in this process."""
    root = region(tmp_path)
    config = ServeConfig(
        root=root,
        evidence_map=evidence_map(),
        allow_upload=allow_upload,
        upload_log=tmp_path / "private" / "unggahan.jsonl",
        **({"max_upload_bytes": max_upload_bytes} if max_upload_bytes else {}),
    )
    settings = Settings(jobs=1, cache_dir=tmp_path / "cache", ocr=False)
    app, opened = prepare(config, settings, tmp_path / "private" / "akses.yaml")
    return app, opened, config


def audit_again(config: ServeConfig) -> AuditResult:
    return audit(config.evidence_map, config.root, Settings(jobs=1, ocr=False))


def tokens(opened: AccessFile) -> dict[str, str]:
    return {"coordinator": opened.access.coordinator, **dict(opened.access.agencies)}
