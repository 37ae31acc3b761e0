"""A fixed AuditResult for the report tests, built in memory (never from an audit run).

It holds every status, several reasons, a file whose name says nothing, a document in the wrong
folder, an indicator without a group, and document-derived strings that try to break out of
HTML, Markdown, CSV cells and terminals. Change it and the gold files change: see test_report.py.
"""

from __future__ import annotations

import datetime as dt

from evidence_check.models import (
    Agency,
    AuditResult,
    Candidate,
    Coordinator,
    DocumentEntry,
    Evaluation,
    Evidence,
    Finding,
    Folder,
    Indicator,
    IndicatorScore,
    Kind,
    Problem,
    Projection,
    Reason,
    RegionSettings,
    Scope,
    Status,
    Waiver,
)

AGENCIES = (
    Agency(id="diskominfo", name="Dinas Komunikasi dan Informatika", aliases=("Diskominfo",)),
    Agency(id="bag-hukum", name="Bagian Hukum"),
    Agency(id="bappeda", name="Badan Perencanaan Pembangunan Daerah"),
    Agency(id="dlh", name="Dinas Lingkungan Hidup"),
)

PERBUP = Evidence(
    id="arsitektur-perbup",
    title="Peraturan Bupati tentang Arsitektur SPBE (ditetapkan)",
    kind=Kind.REGULATION,
    owners=("bag-hukum", "diskominfo"),
)
REVIU = Evidence(
    id="arsitektur-reviu",
    title="Laporan Reviu Kebijakan Arsitektur SPBE",
    kind=Kind.REPORT,
    owners=("diskominfo",),
    max_age_years=2,
)
PETA = Evidence(
    id="peta-perbup",
    title="Peraturan Bupati tentang Peta Rencana SPBE",
    kind=Kind.REGULATION,
    owners=("diskominfo", "bag-hukum"),
)
KEAMANAN = Evidence(
    id="keamanan-perbup",
    title="Peraturan Bupati tentang Manajemen Keamanan Informasi",
    kind=Kind.REGULATION,
    owners=("diskominfo",),
)
TIM = Evidence(
    id="sk-tim",
    title="Keputusan Bupati tentang Tim Pelaksana Smart City",
    kind=Kind.DECREE,
    owners=("bappeda",),
)
TRIWULAN = Evidence(
    id="laporan-triwulan",
    title="Laporan Monitoring Triwulan",
    kind=Kind.REPORT,
    owners=("bappeda", "dlh"),
    scope=Scope.EACH,
    min_count=2,
)

SPBE_01 = Indicator(
    id="SPBE-01",
    name="Kebijakan Internal Arsitektur SPBE",
    group="Kebijakan Internal SPBE",
    evidence=(PERBUP, REVIU),
)
SPBE_02 = Indicator(
    id="SPBE-02",
    name="Kebijakan Internal Peta Rencana SPBE",
    group="Kebijakan Internal SPBE",
    evidence=(PETA, KEAMANAN),
)
SC_01 = Indicator(id="SC-01", name="Tim Pelaksana Smart City", group=None, evidence=(TIM,))
LAP_01 = Indicator(
    id="LAP-01", name="Laporan triwulan", group="Manajemen <SPBE>", evidence=(TRIWULAN,)
)


def result() -> AuditResult:
    scan = Candidate(
        path="03. Bagian Hukum/scan_0042.pdf",
        agency="bag-hukum",
        score=93.46,
        page=1,
        snippet="PERATURAN BUPATI MOJOSARI NOMOR 12 TAHUN 2023 TENTANG ARSITEKTUR SPBE",
        year=2023,
    )
    old_review = Candidate(
        path="01. Diskominfo/Reviu Arsitektur 2019.pdf",
        agency="diskominfo",
        score=88.0,
        page=2,
        snippet='LAPORAN REVIU <script>alert("x")</script> & EVALUASI',
        year=2019,
        problems=(Reason.OUTDATED,),
    )
    draft = Candidate(
        path="=HYPERLINK(evil)|*peta*.pdf",
        agency=None,
        score=71.25,
        page=None,
        snippet="-RANCANGAN PERBUP PETA RENCANA SPBE",
        year=None,
        problems=(Reason.LOW_MATCH, Reason.DRAFT),
    )
    misplaced = Candidate(
        path="Lain-lain/IMG-20240612-WA0003.jpg",
        agency=None,
        score=90.0,
        page=1,
        snippet="KEPUTUSAN BUPATI MOJOSARI NOMOR 188/45/KPTS/2024 TENTANG TIM PELAKSANA SMART CITY",
        year=2024,
        problems=(Reason.MISPLACED,),
    )
    one_report = Candidate(
        path="02. Bappeda/Laporan TW1 \x1b[31m2025.pdf",
        agency="bappeda",
        score=100.0,
        page=1,
        snippet=None,
        year=2025,
    )
    return AuditResult(
        map_source="maps/test-map.yaml",
        evaluation=Evaluation(name="Evaluasi SPBE 2025", year=2025),
        generated_at="2025-06-12T09:30:00+07:00",
        tool_version="0.1.0",
        root="/data/evidence",
        findings=(
            _finding(SPBE_01, PERBUP, "bag-hukum", Status.COMPLETE, (), (scan,)),
            _finding(SPBE_01, REVIU, "diskominfo", Status.WEAK, (Reason.OUTDATED,), (old_review,)),
            _finding(
                SPBE_02, PETA, "diskominfo", Status.WEAK, (Reason.LOW_MATCH, Reason.DRAFT), (draft,)
            ),
            _finding(SPBE_02, KEAMANAN, "diskominfo", Status.MISSING, (), ()),
            _finding(SC_01, TIM, "bappeda", Status.WEAK, (Reason.MISPLACED,), (misplaced,)),
            _finding(LAP_01, TRIWULAN, "bappeda", Status.WEAK, (Reason.TOO_FEW,), (one_report,)),
            _finding(LAP_01, TRIWULAN, "dlh", Status.MISSING, (), ()),
        ),
        documents=(
            DocumentEntry(path=scan.path, agency="bag-hukum", state="processed", pages=4),
            DocumentEntry(
                path="01. Diskominfo/rusak.pdf",
                agency="diskominfo",
                state="processed",
                problems=(Problem(code=Reason.UNREADABLE, detail="corrupt"),),
            ),
            DocumentEntry(
                path="01. Diskominfo/Thumbs.db",
                agency="diskominfo",
                state="skipped",
                skip_reason="junk",
            ),
        ),
        folders=(
            Folder(name="01. Diskominfo", agency="diskominfo"),
            Folder(name="02. Bappeda", agency="bappeda"),
            Folder(name="03. Bagian Hukum", agency="bag-hukum"),
            Folder(name="Lain-lain", agency=None),
        ),
        agencies_without_folder=("dlh",),
        agencies=AGENCIES,
    )


def _finding(
    indicator: Indicator,
    evidence: Evidence,
    agency: str,
    status: Status,
    reasons: tuple[Reason, ...],
    documents: tuple[Candidate, ...],
) -> Finding:
    return Finding(
        indicator=indicator,
        evidence=evidence,
        agency=agency,
        status=status,
        reasons=reasons,
        documents=documents,
    )


# --- a Pemdi-shaped result (format 3): codes, gating, an external indicator, a waiver, a pin ---

PEMDI_AGENCIES = (
    Agency(id="diskominfo", name="Dinas Komunikasi dan Informatika", aliases=("Kominfo",)),
    Agency(id="inspektorat", name="Inspektorat Daerah", head="Inspektur"),
    Agency(id="dinkes", name="Dinas Kesehatan"),
)
TIM_L1 = Evidence(
    id="i4-l1-sk-tim",
    code="I4-L1-01",
    title="Keputusan Bupati tentang Tim Koordinasi Pemerintah Digital",
    kind=Kind.DECREE,
    owners=("diskominfo",),
    level=1,
)
TIM_L2 = Evidence(
    id="i4-l2-rapat",
    code="I4-L2-01",
    title="Notulen Rapat Tim Koordinasi",
    kind=Kind.MINUTES,
    owners=("diskominfo",),
    level=2,
)
TIM_L3 = Evidence(
    id="i4-l3-evaluasi",
    code="I4-L3-01",
    title="Laporan Evaluasi Tim Koordinasi",
    kind=Kind.REPORT,
    owners=("diskominfo", "inspektorat"),
    level=3,
)
AUDIT_L2 = Evidence(
    id="i9-l2-lha",
    code="I9-L2-01",
    title="Laporan Hasil Audit Pemerintah Digital",
    kind=Kind.REPORT,
    owners=("inspektorat",),
    level=2,
)
LAYANAN_L3 = Evidence(
    id="i20-l3-layanan",
    code="I20-L3-02",
    title="Laporan Layanan Kesehatan Digital",
    kind=Kind.REPORT,
    owners=("dinkes",),
    level=3,
)
I4 = Indicator(
    id="I4",
    name="Tim Koordinasi",
    group="Kebijakan",
    aspect="Kebijakan",
    weight=10,
    evidence=(TIM_L1, TIM_L2, TIM_L3),
)
I5 = Indicator(
    id="I5", name="Indeks SDI", group="Data", aspect="Data", weight=5, external="Indeks SDI"
)
I9 = Indicator(id="I9", name="Audit", group="Audit", aspect="Audit", weight=5, evidence=(AUDIT_L2,))
I20 = Indicator(
    id="I20", name="Layanan", group="Layanan", aspect="Layanan", weight=5, evidence=(LAYANAN_L3,)
)


def pemdi_result() -> AuditResult:
    sk = Candidate(
        path="01. Diskominfo/SK Tim 2026.pdf",
        agency="diskominfo",
        score=96.0,
        page=1,
        snippet="KEPUTUSAN BUPATI MOJOSARI TENTANG TIM KOORDINASI",
        year=2026,
    )
    evaluation_report = Candidate(
        path="05. Inspektorat/Evaluasi Tim.pdf",
        agency="inspektorat",
        score=91.0,
        page=1,
        snippet="LAPORAN EVALUASI TIM KOORDINASI",
        year=2026,
    )
    lha = Candidate(
        path="05. Inspektorat/LHA 2026.pdf",
        agency="inspektorat",
        score=100.0,
        page=1,
        snippet="LAPORAN HASIL AUDIT",
        year=2026,
        pinned=True,
    )
    waiver = Waiver(
        evidence="I20-L3-02",
        agency="dinkes",
        reason="layanan belum ada di daerah ini",
        by="Kabid Aptika",
        until=dt.date(2027, 6, 30),
    )
    findings = (
        Finding(indicator=I4, evidence=TIM_L1, agency="diskominfo", status=Status.COMPLETE,
                reasons=(), documents=(sk,)),
        Finding(indicator=I4, evidence=TIM_L2, agency="diskominfo", status=Status.MISSING,
                reasons=(), documents=()),
        Finding(indicator=I4, evidence=TIM_L3, agency="diskominfo", status=Status.WEAK,
                reasons=(Reason.GATED,), documents=(evaluation_report,), gated_by=2),
        Finding(indicator=I9, evidence=AUDIT_L2, agency="inspektorat", status=Status.COMPLETE,
                reasons=(), documents=(lha,)),
        Finding(indicator=I20, evidence=LAYANAN_L3, agency="dinkes", status=Status.WAIVED,
                reasons=(), documents=(), waiver=waiver),
    )  # fmt: skip
    projection = Projection(
        index=1.25,
        predikat="Kurang",
        predikat_name="Merintis",
        indicators=(
            IndicatorScore(
                indicator="I4", level=1.0, next_level=2, needs=("i4-l2-rapat@diskominfo",)
            ),
            IndicatorScore(indicator="I5", level=1.0, external=True, assumed="floor"),
            IndicatorScore(indicator="I9", level=2.0),
            IndicatorScore(indicator="I20", level=1.0),
        ),
        groups=(("aspect", "Kebijakan", 1.0), ("aspect", "Data", 1.0), ("aspect", "Audit", 2.0)),
        gains={"i4-l2-rapat@diskominfo": 0.1, "i4-l3-evaluasi@diskominfo": 0.0},
        unknown_weight=5.0,
    )
    return AuditResult(
        map_source="maps/spbe-2020.yaml",
        evaluation=Evaluation(name="Evaluasi Kinerja Pemerintah Digital 2027", year=2027,
                              revoked_by="PermenPANRB 8/2026"),
        generated_at="2026-12-03T09:30:00+07:00",
        tool_version="0.1.0",
        root="/data/Mojosari",
        findings=findings,
        documents=(
            DocumentEntry(path=sk.path, agency="diskominfo", state="processed", pages=2),
            DocumentEntry(path=lha.path, agency="inspektorat", state="processed", pages=9),
            DocumentEntry(path=evaluation_report.path, agency="inspektorat", state="processed", pages=3),
        ),
        folders=(
            Folder(name="01. Diskominfo", agency="diskominfo"),
            Folder(name="05. Inspektorat", agency="inspektorat"),
            Folder(name="07. Dinkes", agency="dinkes"),
        ),
        agencies_without_folder=(),
        agencies=PEMDI_AGENCIES,
        indicators=(I4, I5, I9, I20),
        projection=projection,
        ocr_available=True,
        region="Kabupaten Mojosari",
        region_settings=RegionSettings(
            region="Kabupaten Mojosari",
            coordinator=Coordinator(
                agency="diskominfo",
                office="Dinas Komunikasi dan Informatika Kabupaten Mojosari",
                title="Kepala Dinas Komunikasi dan Informatika",
                name="Drs. Budi Santoso",
                nip="197001011990031001",
                address="Jl. Raya Mojosari No. 1",
            ),
            deadline=dt.date(2027, 3, 31),
            waivers=(waiver,),
        ),
    )  # fmt: skip
