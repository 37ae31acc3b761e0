"""A fixed AuditResult for the report tests, built in memory (never from an audit run).

It holds every status, several reasons, a file whose name says nothing, a document in the wrong
folder, an indicator without a group, and document-derived strings that try to break out of
HTML, Markdown, CSV cells and terminals. Change it and the gold files change: see test_report.py.
"""

from __future__ import annotations

from evidence_check.models import (
    Agency,
    AuditResult,
    Candidate,
    DocumentEntry,
    Evaluation,
    Evidence,
    Finding,
    Folder,
    Indicator,
    Kind,
    Problem,
    Reason,
    Scope,
    Status,
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
