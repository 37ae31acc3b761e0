"""Probe corpus: the Pemdi 2026 evidence of a fictional KABUPATEN Bukit Sago (Sumatera Barat).

A second held-out probe (after scripts/probe_region.py), built to find where evidence-check's
judgement goes wrong on documents it was NOT tuned on. OPD folders named in yet other real styles
("1. Dinas Kominfo dan Persandian", "BAPPERIDA", "Inspektorat Kab. Bukit Sago", "ORTALA",
"Bag. Hukum & HAM"), and situations the two other corpora do not hold: an amendment of a decree
offered alone, a decree e-signed with a BSrE footer instead of "ttd", a scan rotated a quarter
turn, a very poor scan, a DOCX "Konsep" beside the final PDF, a "DRAF" (Indonesian spelling)
mark, last cycle's (2025) results for items of the current cycle, a report of "TAHUN 2025"
signed in 2026, minutes and a Berita Acara standing in for reports, six months of transactions
for a 12-month item, a ZIP (with a ZIP inside) holding evidence, a copy in two OPD folders, file
names in capitals, of digits only and very long, SPBE-era wording for Pemdi items, and a Renja
whose cover does not name the item that its body holds.

First audit (tool at the probe2 branch point): tree 23/28, variants 4/9. Wrong: a Renja
proving I13-L1-02 by its body (missing), a MyASN screenshot dated only "12/11/2025" (complete,
not outdated), six months of transactions for the 12-month I20-L1-02 (complete), a poor scan
named like I3-L1-03 (low-match, not no-text), a ZIP inside a ZIP (missing); variants: a
DISKOMINFOSANTIK folder (misplaced), a revoked Tim Koordinasi decree (complete), "DRAF" in a
DOCX page header and Word's DRAFT watermark (complete, not draft).

The expected status of each row was written down FROM THE DOMAIN NOTES (shared/domain/README.md,
pemdi_2026.md) before the audit was run: OUTDIR/labels.json, OUTDIR/variants-labels.json.

Usage: python scripts/probe_kabupaten.py OUTDIR
Then:  python -m evidence_check audit OUTDIR/tree --format json --output OUT.json \
           --no-cache --no-history
       python scripts/probe_kabupaten.py --score OUTDIR OUT.json
       (variants: audit OUTDIR/variants, then --score OUTDIR VAR.json variants-labels.json)
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
import zipfile
from pathlib import Path

import probe_labels
from docgen_real import (
    Instrument,
    Line,
    Meeting,
    Page,
    Paper,
    blank,
    body,
    render,
    title,
    write_docx,
    write_pages,
    write_pictures,
    write_scan,
    write_screenshot,
)
from PIL import Image, ImageFilter
from probe_labels import label

KAB = "BUKIT SAGO"
PROV = "SUMATERA BARAT"
BUPATI = "H. DATUK RAJO MANGKUTO, S.H., M.H."
PLACE = "Bukit Sago"

KOMINFO = "1. Dinas Kominfo dan Persandian"
BAPPERIDA = "BAPPERIDA"
INSPEKTORAT = "Inspektorat Kab. Bukit Sago"
BKPSDM = "BKPSDM"
ORTALA = "ORTALA"
HUKUM = "Bag. Hukum & HAM"
DPMPTSP = "DPMPTSP"

AGENCY_KOMINFO = "DINAS KOMUNIKASI, INFORMATIKA DAN PERSANDIAN"
BSRE_FOOTER = (
    "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang "
    "diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara"
)

# ---------------------------------------------------------------------------------------------
# Builders and writers for Bukit Sago


def decree(topic: str, number: str, year: int, signed: str, **kw: object) -> list[Page]:
    return Instrument(
        topic=topic,
        region=KAB,
        province=PROV,
        form=str(kw.pop("form", "KEPUTUSAN")),
        number=number,
        year=year,
        signed_date=signed,
        signer=str(kw.pop("signer", BUPATI)),
        **kw,  # type: ignore[arg-type]
    ).pages()


def esigned_footer(pages: list[Page]) -> list[Page]:
    """No wet signature: 'ttd' gone, a NIP under the name and the BSrE footer at the bottom."""
    out: list[Page] = []
    for page in pages:
        lines: Page = []
        for ln in page:
            if ln.text in ("ttd", "Ditandatangani secara elektronik"):
                continue
            lines.append(ln)
            if ln.text.startswith("Drs. ") and ln.bold:
                lines.append(Line("NIP. 19700514 199603 1 002", 11, False, "R"))
        out.append(lines)
    out[-1] = [*out[-1], blank(), blank(), Line(BSRE_FOOTER, 7, False, "C")]
    return out


def paper(
    heading: list[str],
    period: str,
    paragraphs: list[str],
    *,
    agency: str = AGENCY_KOMINFO,
    date: str = "Bukit Sago, 15 Juli 2026",
    signer_title: str = f"KEPALA {AGENCY_KOMINFO}",
    mark: str | None = None,
) -> list[Page]:
    return Paper(
        heading=heading,
        period=period,
        agency=agency,
        region=KAB,
        paragraphs=paragraphs,
        place_date=date,
        signer_title=signer_title,
        signer="YULIANDRI PUTRA, S.Kom., M.T.",
        nip="NIP. 19790323 200501 1 003",
        mark=mark,
    ).pages()


def meeting(sheet: str, subject: str, date: str, *, office: str = "SEKRETARIAT DAERAH") -> Page:
    pages = Meeting(
        sheet,
        subject,
        date=date,
        place="Aula Kantor Bupati Bukit Sago",
        chair="Asisten Administrasi Umum Sekretariat Daerah",
        region=KAB,
        office=office,
        office_code="ORG",
    ).pages()
    year = date.rsplit(" ", 1)[-1]
    return [
        Line(
            ln.text.replace("Lembah Hijau", "Bukit Sago")
            .replace("Jalan Pemuda Nomor 7", "Jalan Soekarno-Hatta Nomor 2")
            .replace("/ORG/2026", f"/ORG/{year}"),
            ln.size,
            ln.bold,
            ln.align,
        )
        for page in pages
        for ln in page
    ]


def write_rotated_scan(pages: list[Page], path: Path) -> Path:
    """A scan fed sideways: each page picture turned a quarter, on a landscape page."""
    pictures = [
        p.rotate(90, expand=True).filter(ImageFilter.GaussianBlur(0.5))
        for p in render(pages, dpi=150)
    ]
    return write_pictures(pictures, path, orientation="landscape")


def write_poor_scan(pages: list[Page], path: Path) -> Path:
    """A fax-quality scan: 45 dpi, blown up, blurred and speckled (a person can hardly read it)."""
    rng = random.Random(7)
    pictures = []
    for p in render(pages, dpi=45):
        big = p.resize((p.width * 3, p.height * 3), Image.Resampling.NEAREST)
        big = big.filter(ImageFilter.GaussianBlur(2.2)).convert("L")
        px = big.load()
        for _ in range(big.width * big.height // 25):
            x, y = rng.randrange(big.width), rng.randrange(big.height)
            px[x, y] = rng.choice((0, 90, 255))
        pictures.append(big)
    return write_pictures(pictures, path)


def word_watermark(path: Path, word: str) -> Path:
    """Word's own watermark (Design > Watermark): a VML text shape in the page header, no w:t."""
    shape = (
        '<w:r><w:pict><v:shape id="PowerPlusWaterMarkObject1" type="#_x0000_t136" '
        'style="position:absolute;width:468pt;height:117pt;rotation:315;z-index:-251654144" '
        'fillcolor="silver" stroked="f"><v:fill opacity=".5"/>'
        f'<v:textpath style="font-family:&quot;Calibri&quot;;font-size:1pt" string="{word}"/>'
        "</v:shape></w:pict></w:r>"
    )
    data = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(data) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename.startswith("word/header"):
                content = content.replace(b"<w:r><w:t>WATERMARK</w:t></w:r>", shape.encode())
            dst.writestr(item, content)
    path.write_bytes(out.getvalue())
    return path


def pdf_bytes(pages: list[Page]) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return write_pages(pages, Path(folder) / "x.pdf").read_bytes()


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def settings(tree: Path) -> None:
    tree.mkdir(parents=True, exist_ok=True)
    (tree / "evidence-check.yaml").write_text("region: Kabupaten Bukit Sago\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------


TIM_KOORDINASI_ROSTER = [
    "Pengarah : Bupati Bukit Sago",
    "Ketua : Sekretaris Daerah",
    "Sekretaris : Kepala Dinas Komunikasi, Informatika dan Persandian",
    "Anggota : Kepala BAPPERIDA, Inspektur, Kepala Bagian Organisasi",
]


def build(tree: Path) -> None:
    settings(tree)

    # --- I4 Kolaborasi ----------------------------------------------------------------------
    f = f"{ORTALA}/Kepbup Perubahan Kedua Tim Koordinasi SPBE 2026.pdf"
    write_pages(
        decree(
            "Perubahan Kedua atas Keputusan Bupati Bukit Sago Nomor 100.3.3.2/12/HK/2023 tentang "
            "Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik",
            "100.3.3.2/45/HK",
            2026,
            "2 Februari 2026",
            roster=TIM_KOORDINASI_ROSTER,
        ),
        tree / f,
    )
    label(
        "I4-L1-01",
        "diskominfo",
        "complete",
        "only the enacted 'Perubahan Kedua atas Keputusan Bupati ... tentang Tim Koordinasi SPBE' "
        "(2026, roster in the annex) is uploaded; tuned corpus rule: an enacted amendment "
        "qualifies like the base instrument; note 10: SPBE/Pemdi synonyms; the 2023 number in "
        "the title is the amended decree's",
        [f],
    )

    f = f"{ORTALA}/20260611_093512.pdf"
    write_scan(
        paper(
            ["RENCANA KOLABORASI LINTAS PERANGKAT DAERAH", "PEMERINTAH DIGITAL"],
            "TAHUN 2026",
            [
                "Rencana ini memuat substansi Rencana Aksi Nasional Pemerintah Digital dalam "
                "perencanaan: kolaborasi Dinas Kominfo dan Persandian, DPMPTSP dan Disdukcapil "
                "pada layanan perizinan terintegrasi.",
            ],
            agency="SEKRETARIAT DAERAH - BAGIAN ORGANISASI",
            signer_title="KEPALA BAGIAN ORGANISASI",
        ),
        tree / f,
    )
    label(
        "I4-L1-02",
        "bag-organisasi",
        "complete",
        "a scanned collaboration plan under a camera-style name of digits only; the content is "
        "what counts (note 4: names the RAN Pemdi substance)",
        [f],
    )

    f = f"{ORTALA}/BA Rapat Kolaborasi Antar PD Juni 2026.pdf"
    subj = "Rapat Kolaborasi Antar Perangkat Daerah Layanan Perizinan Terintegrasi"
    write_pages([meeting("BERITA ACARA", subj, "Kamis, 11 Juni 2026")], tree / f)
    label(
        "I4-L1-03",
        "bag-organisasi",
        "complete",
        "a Berita Acara of a 2026 collaboration meeting ('Pada hari ini ...', Pimpinan Rapat, "
        "Peserta): the item asks for meeting records, which a BA is",
        [f],
    )

    # --- I9 Audit ---------------------------------------------------------------------------
    f = f"{INSPEKTORAT}/Keputusan Sekda Tim Audit Keamanan dan Teknologi Pemdi (TTE).pdf"
    write_pages(
        esigned_footer(
            decree(
                "Tim Audit Keamanan dan Teknologi Pemerintah Digital",
                "800.1.2/31/SETDA",
                2026,
                "9 Maret 2026",
                issuer="SEKRETARIS DAERAH",
                signer="Drs. ERWIN SYAHPUTRA, M.Si.",
                roster=[
                    "Ketua : Inspektur Daerah",
                    "Anggota : Auditor Ahli Madya, Sandiman Diskominfo, Pranata Komputer",
                ],
            )
        ),
        tree / f,
    )
    label(
        "I9-L1-01",
        "inspektorat",
        "complete",
        "an enacted Keputusan Sekretaris Daerah on the Tim Audit (note 8: Penetapan), e-signed: "
        "no 'ttd', a NIP under the name and the BSrE/BSSN footer (fingerprints: e-signed ones "
        "mention BSrE/BSSN); 'Ditetapkan di ... pada tanggal ...' is there",
        [f],
    )

    rencana = paper(
        ["RENCANA AUDIT KEAMANAN DAN TEKNOLOGI", "PEMERINTAH DIGITAL"],
        "TAHUN 2026",
        [
            "Ruang lingkup: aplikasi layanan publik prioritas dan pusat data daerah.",
            "Jadwal: Juli - September 2026. Sumber daya: Tim Audit Keamanan dan Teknologi.",
        ],
        agency="INSPEKTORAT DAERAH",
        signer_title="INSPEKTUR DAERAH KABUPATEN BUKIT SAGO",
    )
    f1 = f"{INSPEKTORAT}/Rencana Audit Pemdi 2026 - konsep (revisi Bu Inspektur).docx"
    write_docx(
        paper(
            ["RENCANA AUDIT KEAMANAN DAN TEKNOLOGI", "PEMERINTAH DIGITAL"],
            "TAHUN 2026",
            ["[komentar: jadwal belum disepakati]", "Ruang lingkup: aplikasi layanan publik."],
            agency="INSPEKTORAT DAERAH",
            signer_title="INSPEKTUR DAERAH KABUPATEN BUKIT SAGO",
            mark="KONSEP",
        ),
        tree / f1,
        header="DRAF - BAHAN RAPAT",
    )
    f2 = f"{INSPEKTORAT}/Rencana Audit Pemdi 2026.pdf"
    write_pages(rencana, tree / f2)
    label(
        "I9-L1-02",
        "inspektorat",
        "complete",
        "the working DOCX 'konsep' (KONSEP mark, 'DRAF' page header, a comment) beside the final "
        "PDF of the same plan: the final one qualifies",
        [f1, f2],
    )

    f = f"{INSPEKTORAT}/Notulen Pembahasan LHA Keamanan SPBE 2026.pdf"
    write_pages(
        [
            meeting(
                "NOTULEN RAPAT",
                "Rapat Pembahasan Laporan Hasil Audit Internal Keamanan SPBE",
                "Senin, 5 Oktober 2026",
                office="INSPEKTORAT DAERAH",
            )
        ],
        tree / f,
    )
    label(
        "I9-L2-01",
        "inspektorat",
        "weak",
        "only the minutes of a meeting DISCUSSING the audit report; the item is the Laporan Hasil "
        "Audit itself (note 9: reject lookalikes, minutes offered for another item were rejected; "
        "fingerprints: Notulen vs Laporan)",
        [f],
        accept=("weak", "missing"),
    )

    # --- I10/I11/I12 Keamanan ----------------------------------------------------------------
    f = f"{KOMINFO}/Persandian/Hasil Pengukuran IKASANDI Area Keamanan Siber 2025.pdf"
    write_pages(
        paper(
            ["HASIL PENGUKURAN IKASANDI", "AREA KEAMANAN SIBER"],
            "TAHUN 2025",
            ["Nilai IKASANDI area Keamanan Siber Pemerintah Kabupaten Bukit Sago: 2,41."],
            date="Bukit Sago, 12 Desember 2025",
        ),
        tree / f,
    )
    label(
        "I10-L1-01",
        "diskominfo",
        "weak",
        "last cycle's IKASANDI (2025) for an item of 2026 (note 3: no older than about 12 months; "
        "map max_age 1 with year 2027)",
        [f],
        reasons=("outdated",),
    )

    f = f"{KOMINFO}/Persandian/Laporan Awal Kriptografi (scan).pdf"
    write_rotated_scan(
        paper(
            [
                "LAPORAN AWAL PENERAPAN TEKNOLOGI KRIPTOGRAFI",
                "DAN INVENTARISASI ASET YANG DIENKRIPSI",
            ],
            "TAHUN 2026",
            ["Aset yang dienkripsi: basis data kependudukan, surel dinas, dokumen TTE."],
        ),
        tree / f,
    )
    label(
        "I11-L1-01",
        "diskominfo",
        "complete",
        "the right report scanned a quarter turn sideways: a person reads it by turning the page "
        "(README: scans must be searchable, i.e. OCR'd; tool docs: OCR for scans)",
        [f],
    )

    f = f"{KOMINFO}/Persandian/LAPORAN PENANGANAN INSIDEN SIBER TAHUN 2025.PDF"
    write_pages(
        paper(
            ["LAPORAN PENANGANAN INSIDEN SIBER", "DAN REGISTER INSIDEN"],
            "TAHUN 2025",
            ["Register insiden Januari - Desember 2025: 14 insiden, 12 selesai ditangani."],
            date="Bukit Sago, 10 Februari 2026",
        ),
        tree / f,
    )
    label(
        "I12-L1-01",
        "diskominfo",
        "weak",
        "a report covering 'TAHUN 2025' signed in February 2026; the item asks Semester I 2026 "
        "(fingerprints: a report's year is its period, not its signing date); file name in "
        "capitals with .PDF",
        [f],
        reasons=("outdated",),
    )

    f = f"{KOMINFO}/Persandian/Hasil Self Assessment IKASANDI Penanganan Insiden 2026.pdf"
    write_pages(
        paper(
            ["HASIL SELF-ASSESSMENT IKASANDI", "AREA PENANGANAN INSIDEN SIBER"],
            "TAHUN 2026",
            ["Nilai self-assessment area Penanganan Insiden Siber: 2,1."],
            date="Bukit Sago, 20 Mei 2026",
        ),
        tree / f,
    )
    label(
        "I12-L1-02", "diskominfo", "complete", "true complete, 2026 IKASANDI self-assessment", [f]
    )

    # --- I16 Integrasi: DOCX konsep + final PDF; a 'DRAF' matrix -----------------------------
    integ = [
        "Integrasi aplikasi e-Perizinan dengan SIAK Disdukcapil dan OSS RBA melalui API.",
        "Matriks integrasi: 6 aplikasi, 4 telah terintegrasi.",
    ]
    f1 = f"{KOMINFO}/Aplikasi/Laporan Integrasi Aplikasi 2026 - Konsep rev2.docx"
    write_docx(
        paper(
            ["LAPORAN PELAKSANAAN INTEGRASI APLIKASI"],
            "TAHUN 2026",
            integ,
            mark="KONSEP",
        ),
        tree / f1,
        header="DRAF",
    )
    f2 = f"{KOMINFO}/Aplikasi/Laporan Integrasi Aplikasi 2026 FINAL.pdf"
    write_pages(paper(["LAPORAN PELAKSANAAN INTEGRASI APLIKASI"], "TAHUN 2026", integ), tree / f2)
    label(
        "I16-L1-01",
        "diskominfo",
        "complete",
        "DOCX konsep (DRAF header) beside the final PDF of the same report: the final qualifies",
        [f1, f2],
    )

    f = f"{KOMINFO}/Aplikasi/Matriks Pemantauan Integrasi Aplikasi.pdf"
    write_pages(
        paper(
            ["MATRIKS PEMANTAUAN INTEGRASI APLIKASI"],
            "TAHUN 2026",
            ["No | Aplikasi | Tersambung ke | Status"],
            mark="DRAF",
        ),
        tree / f,
    )
    label(
        "I16-L1-02",
        "diskominfo",
        "weak",
        "'DRAF' (the Indonesian spelling of Draft) stands above the title: a draft mark in the "
        "title area (notes: drafts accepted only where the item asks for one)",
        [f],
        reasons=("draft",),
    )

    # --- I17 portal: long capitals name with .PNG --------------------------------------------
    f = (
        f"{KOMINFO}/Layanan/SCREENSHOT PORTAL LAYANAN DIGITAL PEMERINTAH KABUPATEN BUKIT SAGO "
        "(PORTAL SAKATO) DIAMBIL TANGGAL 14 OKTOBER 2026 UNTUK DATA DUKUNG EVALUASI KINERJA "
        "PEMERINTAH DIGITAL INDIKATOR 17 LEVEL 1 FINAL.PNG"
    )
    write_screenshot(
        tree / f,
        heading=["Portal Layanan Digital Pemerintah Kabupaten Bukit Sago", "Portal SAKATO"],
        rows=["Perizinan Online", "Administrasi Kependudukan", "Pengaduan", "Kesehatan"],
        url="https://sakato.bukitsagokab.go.id",
        clock="14/10/2026 10:21",
    )
    label(
        "I17-L1-01",
        "diskominfo",
        "complete",
        "portal screenshot with URL, date and institution (note 6); a 200-character capitals name "
        "ending .PNG",
        [f],
    )

    f = f"{KOMINFO}/Infrastruktur/dashboard pdn.png"
    write_screenshot(
        tree / f,
        heading=["Dashboard Pusat Data Nasional Sementara", "Pemanfaatan Layanan IaaS"],
        rows=["vCPU terpakai 48", "RAM terpakai 192 GB", "Storage 4 TB"],
    )
    label(
        "I14-L1-01",
        "diskominfo",
        "weak",
        "PDNS dashboard screenshot cropped: no URL, no date, no institution name (note 6: "
        "screenshots need a URL, a date and the name of the institution)",
        [f],
        accept=("weak", "missing"),
    )

    # --- I1 planning: draft plan copied into two folders; SIAP screenshot in SPBE words ------
    plan = paper(
        ["RANCANGAN PETA RENCANA PEMERINTAH DIGITAL", "KABUPATEN BUKIT SAGO 2025-2029"],
        "TAHUN 2026",
        ["Memuat substansi Rencana Aksi Nasional Pemerintah Digital dalam perencanaan daerah."],
        agency="BADAN PERENCANAAN PEMBANGUNAN, RISET DAN INOVASI DAERAH",
        signer_title="KEPALA BAPPERIDA",
        mark="KONSEP",
    )
    f1 = f"{BAPPERIDA}/Rancangan Peta Rencana Pemdi 2025-2029.docx"
    f2 = f"{KOMINFO}/Perencanaan/Rancangan Peta Rencana Pemdi 2025-2029.docx"
    write_docx(plan, tree / f1)
    (tree / f2).parent.mkdir(parents=True, exist_ok=True)
    (tree / f2).write_bytes((tree / f1).read_bytes())
    label(
        "I1-L1-01",
        "bappeda",
        "complete",
        "I1-L1 asks for the rancangan (note 8); the same DOCX in BAPPERIDA and Diskominfo (both "
        "owners) counts once and is enough",
        [f1, f2],
    )

    f = f"{KOMINFO}/Perencanaan/SS SIAP Digital Arsitektur SPBE.png"
    write_screenshot(
        tree / f,
        heading=[
            "SIAP Digital - Arsitektur SPBE",
            "Pemerintah Kabupaten Bukit Sago",
            "Domain Arsitektur Layanan: 34 layanan terisi (sebagian)",
        ],
        rows=["Layanan Perizinan", "Layanan Kependudukan", "Layanan Kesehatan"],
        url="https://siapdigital.menpan.go.id/arsitektur/layanan",
        clock="02/09/2026 14:05",
    )
    label(
        "I1-L2-02",
        "diskominfo",
        "complete",
        "a SIAP Digital screenshot titled in SPBE words ('Arsitektur SPBE') with URL, date and "
        "institution (note 10: recognise SPBE/Pemdi synonyms; note 5: SIAP Digital is primary); "
        "I1-L1 is complete so not gated",
        [f],
    )

    # --- I2 manajemen layanan: 'Januari - Juni 2026' ------------------------------------------
    f = f"{ORTALA}/Laporan Manajemen Layanan Digital Jan-Jun 2026.pdf"
    write_pages(
        paper(
            ["LAPORAN PELAKSANAAN", "MANAJEMEN LAYANAN DIGITAL"],
            "PERIODE JANUARI - JUNI 2026",
            ["Pelaksanaan manajemen layanan digital pada 12 layanan prioritas."],
            agency="SEKRETARIAT DAERAH - BAGIAN ORGANISASI",
            signer_title="KEPALA BAGIAN ORGANISASI",
        ),
        tree / f,
    )
    label("I2-L1-02", "diskominfo", "complete", "the report of exactly the period asked", [f])

    # --- I13 Renja whose cover does not name the item ----------------------------------------
    f = f"{KOMINFO}/Perencanaan/RENJA 2026.pdf"
    renja_cover: Page = [
        title("RENCANA KERJA (RENJA)", 15),
        title(AGENCY_KOMINFO, 13),
        title("TAHUN 2026", 12),
        blank(),
        title(f"PEMERINTAH KABUPATEN {KAB}", 12),
    ]
    renja_body: Page = [
        title("BAB III TUJUAN, SASARAN, PROGRAM DAN KEGIATAN", 12),
        body("Program Aplikasi Informatika"),
        body(
            "Kegiatan Pengelolaan Aplikasi Informatika - Sub Kegiatan Pengembangan Aplikasi dan "
            "Proses Bisnis Pemerintahan Berbasis Elektronik: Rp 850.000.000"
        ),
        body("Sub Kegiatan Penyelenggaraan Persandian untuk Pengamanan Informasi: Rp 210.000.000"),
    ]
    write_pages([renja_cover, renja_body], tree / f)
    label(
        "I13-L1-02",
        "diskominfo",
        "complete",
        "a Renja whose body holds 'Sub Kegiatan Pengembangan Aplikasi ...' (note 4: search the "
        "budget or plan for the specific sub-activity; the cover never names it)",
        [f],
    )

    # --- I3 SDM: a ZIP (with a ZIP inside), an old MyASN screenshot, a poor scan -------------
    peta = paper(
        ["PETA KOMPETENSI DIGITAL", "APARATUR SIPIL NEGARA"],
        "TAHUN 2026",
        ["Pemetaan awal kompetensi digital 3.412 ASN Pemerintah Kabupaten Bukit Sago."],
        agency="BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        signer_title="KEPALA BKPSDM",
    )
    srikandi = paper(
        ["LAPORAN PEMANFAATAN APLIKASI SRIKANDI", "DAN REKAP PENGGUNA"],
        "SEMESTER I TAHUN 2026",
        ["Pengguna aktif Srikandi: 2.950 ASN pada 38 perangkat daerah."],
        agency="BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        signer_title="KEPALA BKPSDM",
    )
    micro = paper(
        ["LAPORAN PENGGUNAAN MICROLEARNING", "ASN KABUPATEN BUKIT SAGO"],
        "SEMESTER I TAHUN 2026",
        ["Modul microlearning diakses 1.204 ASN."],
        agency="BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        signer_title="KEPALA BKPSDM",
    )
    f = f"{BKPSDM}/Data Dukung I3 BKPSDM.zip"
    write_zip(
        tree / f,
        {
            "I3/Peta Kompetensi Digital ASN 2026.pdf": pdf_bytes(peta),
            "I3/Laporan Pemanfaatan Srikandi Smt I 2026.pdf": pdf_bytes(srikandi),
            "I3/lama/arsip.zip": zip_bytes(
                {"Laporan Microlearning Smt I 2026.pdf": pdf_bytes(micro)}
            ),
        },
    )
    label("I3-L1-01", "bkpsdm", "complete", "Peta Kompetensi inside a ZIP upload", [f])
    label("I3-L1-02", "bkpsdm", "complete", "Srikandi usage report inside the same ZIP", [f])
    label(
        "I3-L1-04",
        "bkpsdm",
        "complete",
        "microlearning report inside a ZIP inside the ZIP (the evidence is there); the tool "
        "skips nested archives ('unpack it'), which is its documented choice, but then a file "
        "named exactly like the item leaves the row missing, where an unread scan makes it weak",
        [f],
        accept=("complete", "weak"),
    )

    f = f"{BKPSDM}/SS MyASN Dasbor Instansional.png"
    write_screenshot(
        tree / f,
        heading=["MyASN - Dasbor Instansional", "Pemerintah Kabupaten Bukit Sago"],
        rows=["Jumlah ASN 3.412", "Profil lengkap 71%"],
        url="https://myasn.bkn.go.id/dashboard/instansi",
        clock="12/11/2025 09:14",
    )
    label(
        "I3-L1-05",
        "bkpsdm",
        "weak",
        "a MyASN screenshot dated 12/11/2025 (last cycle; map max_age 1): outdated",
        [f],
        reasons=("outdated",),
    )

    f = f"{BKPSDM}/Dokumentasi Komunitas Belajar Digital ASN 2026 (scan).pdf"
    subj_kb = "Pertemuan Komunitas Belajar Digital ASN"
    write_poor_scan([meeting("UNDANGAN", subj_kb, "Rabu, 8 April 2026", office="BKPSDM")], tree / f)
    label(
        "I3-L1-03",
        "bkpsdm",
        "weak",
        "a fax-quality scan (45 dpi, blurred, speckled) nobody can read: evaluators require "
        "searchable scans; named like the item, so weak with no-text rather than missing",
        [f],
        reasons=("no-text",),
        accept=("weak",),
    )

    # --- I19 SLA: a Standar Pelayanan naming SLA only in its annex ----------------------------
    f = f"{DPMPTSP}/Kep Kadis Standar Pelayanan DPMPTSP 2026.pdf"
    sp = decree(
        "Standar Pelayanan pada Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "500.16/21/DPMPTSP",
        2026,
        "6 Januari 2026",
        issuer="KEPALA DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
        signer="Drs. ANDRI FIRDAUS, M.M.",
    )
    sp.append(
        [
            Line("LAMPIRAN KEPUTUSAN KEPALA DINAS", 10),
            title("STANDAR PELAYANAN", 11),
            body("Komponen: persyaratan, sistem mekanisme dan prosedur, jangka waktu pelayanan, "),
            body("biaya/tarif, produk pelayanan, penanganan pengaduan saran dan masukan."),
            body("Jangka waktu penyelesaian izin usaha: 3 hari kerja."),
        ]
    )
    write_pages(sp, tree / f)
    label(
        "I19-L1-01",
        "diskominfo",
        "missing",
        "a Standar Pelayanan (service standard of an office, counter times) is not an SLA of "
        "digital services (note 9: reject lookalikes, read the kondisi)",
        [f],
        accept=("missing", "weak"),
    )

    # --- I20 Kepuasan -------------------------------------------------------------------------
    f = f"{DPMPTSP}/Laporan SKM Online TW III 2026.pdf"
    write_pages(
        paper(
            ["LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT ONLINE", "LAYANAN PERIZINAN DIGITAL"],
            "TRIWULAN III TAHUN 2026",
            ["Responden 1.128 pengguna aplikasi e-Perizinan; IKM 84,2."],
            agency="DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
            signer_title="KEPALA DPMPTSP",
            date="Bukit Sago, 7 Oktober 2026",
        ),
        tree / f,
    )
    f2 = f"{ORTALA}/Laporan SKM Online TW III 2026.pdf"
    (tree / f2).write_bytes((tree / f).read_bytes())
    label(
        "I20-L1-01",
        "dpmptsp",
        "complete",
        "online SKM of a digital service, the same file also in ORTALA (an owner): one document",
        [f, f2],
    )

    f = f"{DPMPTSP}/Rekap Transaksi Layanan Digital Jan-Jun 2026.pdf"
    write_pages(
        paper(
            ["REKAP JUMLAH TRANSAKSI LAYANAN DIGITAL"],
            "JANUARI - JUNI 2026",
            ["Januari 812; Februari 790; Maret 905; April 877; Mei 930; Juni 1.002."],
            agency="DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
            signer_title="KEPALA DPMPTSP",
        ),
        tree / f,
    )
    label(
        "I20-L1-02",
        "dpmptsp",
        "weak",
        "six months of transactions for an item of 12 months (note 7: '12-month transaction "
        "data' is a threshold the assessors check)",
        [f],
        accept=("weak",),
    )

    f = f"{ORTALA}/IMG_20250917_0001.pdf"
    subj_kr = "Pelibatan Kelompok Rentan dalam Pengelolaan Kepuasan Layanan Digital"
    write_scan(
        [
            meeting("UNDANGAN", subj_kr, "Rabu, 17 September 2025"),
            meeting("DAFTAR HADIR", subj_kr, "Rabu, 17 September 2025"),
            meeting("NOTULEN RAPAT", subj_kr, "Rabu, 17 September 2025"),
        ],
        tree / f,
    )
    label(
        "I20-L1-03",
        "bag-organisasi",
        "weak",
        "a scanned undangan + daftar hadir + notulen on vulnerable groups from September 2025 "
        "(last cycle, max_age 1); a phone-style name of digits. (First run: complete, but the "
        "builder had printed the invitation number '/ORG/2026' for a 2025 meeting; fixed in the "
        "builder, not the label: then the tool says outdated, right)",
        [f],
        reasons=("outdated",),
    )

    f = f"{DPMPTSP}/BA Tindak Lanjut Hasil SKM Layanan Digital 2026.pdf"
    write_pages(
        [
            meeting(
                "BERITA ACARA",
                "Rapat Tindak Lanjut Hasil Survei Kepuasan Layanan Digital",
                "Selasa, 13 Oktober 2026",
                office="DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
            )
        ],
        tree / f,
    )
    label(
        "I20-L1-04",
        "dpmptsp",
        "weak",
        "a Berita Acara of a meeting that agrees on follow-up stands in for the Laporan Tindak "
        "Lanjut (the follow-up done); note 9: lookalikes rejected (minutes for another item)",
        [f],
        accept=("weak", "missing"),
    )


def variants(tree: Path) -> None:
    settings(tree)

    # V1: DISKOMINFOSANTIK (Diskominfo Statistik dan Persandian, a real folder name)
    f = "DISKOMINFOSANTIK/Hasil Pengukuran IKASANDI Area Keamanan Siber 2026.pdf"
    write_pages(
        paper(
            ["HASIL PENGUKURAN IKASANDI", "AREA KEAMANAN SIBER"],
            "TAHUN 2026",
            ["Nilai IKASANDI area Keamanan Siber: 2,73."],
            agency="DINAS KOMUNIKASI, INFORMATIKA, STATISTIK DAN PERSANDIAN",
        ),
        tree / f,
    )
    label(
        "I10-L1-01",
        "diskominfo",
        "complete",
        "a current IKASANDI in a folder named DISKOMINFOSANTIK, the usual short name of a "
        "Dinas Komunikasi, Informatika, Statistik dan Persandian: the folder is Diskominfo's",
        [f],
    )

    # V2: the only Tim Koordinasi decree was revoked by a later one in the same folder
    f1 = f"{HUKUM}/Kepbup 188.45-12 2023 Tim Koordinasi SPBE.pdf"
    write_pages(
        decree(
            "Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik",
            "100.3.3.2/12/HK",
            2023,
            "16 Januari 2023",
            roster=TIM_KOORDINASI_ROSTER,
        ),
        tree / f1,
    )
    f2 = f"{HUKUM}/Kepbup 2026 Pencabutan.pdf"
    write_pages(
        decree(
            "Pencabutan Keputusan Bupati Bukit Sago Nomor 100.3.3.2/12/HK/2023 tentang Tim "
            "Koordinasi Sistem Pemerintahan Berbasis Elektronik",
            "100.3.3.2/60/HK",
            2026,
            "1 Juli 2026",
        ),
        tree / f2,
    )
    label(
        "I4-L1-01",
        "diskominfo",
        "weak",
        "the only Tim Koordinasi decree (2023) was revoked by a 2026 Kepbup in the same folder "
        "and no new Tim set: no decree in force (tuned corpus rule: a revocation is never the "
        "instrument it revokes; an assessor does not accept a revoked decree)",
        [f1, f2],
        accept=("weak", "missing"),
    )

    # V3: SPBE-era wording for the Pemdi incident report
    f = "1. Dinas Kominfo dan Persandian/Laporan Insiden Keamanan SPBE Smt I 2026.pdf"
    write_pages(
        paper(
            ["LAPORAN PENANGANAN INSIDEN KEAMANAN SPBE"],
            "SEMESTER I TAHUN 2026",
            ["Register insiden keamanan informasi Januari - Juni 2026: 6 insiden."],
        ),
        tree / f,
    )
    label(
        "I12-L1-01",
        "diskominfo",
        "complete",
        "the Semester I 2026 incident report titled in SPBE words ('Insiden Keamanan SPBE' for "
        "'Insiden Siber'); note 10: recognise SPBE/Pemdi synonyms",
        [f],
    )

    # V4: only the DOCX konsep of the integration report
    f = "1. Dinas Kominfo dan Persandian/Laporan Integrasi Aplikasi 2026 - Konsep rev2.docx"
    write_docx(
        paper(
            ["LAPORAN PELAKSANAAN INTEGRASI APLIKASI"],
            "TAHUN 2026",
            ["Integrasi aplikasi e-Perizinan dengan SIAK."],
            mark="KONSEP",
        ),
        tree / f,
        header="DRAF",
    )
    label(
        "I16-L1-01",
        "diskominfo",
        "weak",
        "only the DOCX konsep (KONSEP above the title, DRAF header): a draft",
        [f],
        reasons=("draft",),
    )

    # V5: the I16 matrix with DRAF in the page header only (DOCX), title clean
    f = "1. Dinas Kominfo dan Persandian/Matriks Pemantauan Integrasi Aplikasi 2026.docx"
    write_docx(
        paper(["MATRIKS PEMANTAUAN INTEGRASI APLIKASI"], "TAHUN 2026", ["No | Aplikasi | Status"]),
        tree / f,
        header="DRAF - belum final",
    )
    label(
        "I16-L1-02",
        "diskominfo",
        "weak",
        "'DRAF' in the page header only (judgement rules: draft markers count in the title area "
        "and page headers)",
        [f],
        reasons=("draft",),
    )

    # V6: Word's built-in DRAFT watermark (a header shape) on the I9 audit plan, title clean
    f = "Inspektorat Kab. Bukit Sago/Rencana Audit Keamanan dan Teknologi Pemdi 2026.docx"
    write_docx(
        paper(
            ["RENCANA AUDIT KEAMANAN DAN TEKNOLOGI", "PEMERINTAH DIGITAL"],
            "TAHUN 2026",
            ["Ruang lingkup: aplikasi layanan publik prioritas dan pusat data daerah."],
            agency="INSPEKTORAT DAERAH",
            signer_title="INSPEKTUR DAERAH KABUPATEN BUKIT SAGO",
        ),
        tree / f,
        header="WATERMARK",
    )
    word_watermark(tree / f, "DRAFT")
    label(
        "I9-L1-02",
        "inspektorat",
        "weak",
        "Word's own 'DRAFT' watermark (Design > Watermark, a shape in the page header) across "
        "every page: the document announces itself as a draft (README traps; notes: drafts "
        "only where the item asks)",
        [f],
        reasons=("draft",),
    )

    # V7: MyASN screenshot of last cycle, the clock as the other corpora print it (time first)
    f = "BKPSDM/SS MyASN Dasbor Instansional.png"
    write_screenshot(
        tree / f,
        heading=["MyASN - Dasbor Instansional", "Pemerintah Kabupaten Bukit Sago"],
        rows=["Jumlah ASN 3.412", "Profil lengkap 71%"],
        url="https://myasn.bkn.go.id/dashboard/instansi",
        clock="09:14  12/11/2025",
    )
    label(
        "I3-L1-05",
        "bkpsdm",
        "weak",
        "MyASN screenshot whose taskbar clock says 12/11/2025: last cycle (max_age 1)",
        [f],
        reasons=("outdated",),
    )

    # V8: intranet screenshot with a written 2025 date in the page itself
    f = "1. Dinas Kominfo dan Persandian/SS Jaringan Intra Pemerintah.png"
    write_screenshot(
        tree / f,
        heading=["Monitoring Jaringan Intra Pemerintah", "Pemerintah Kabupaten Bukit Sago"],
        rows=["Diakses 12 November 2025", "OPD tersambung 31 dari 38", "Bandwidth 1 Gbps"],
        url="https://jip.bukitsagokab.go.id/monitor",
        clock="10:02  12/11/2025",
    )
    label(
        "I14-L1-02",
        "diskominfo",
        "weak",
        "intranet screenshot dated 12 November 2025 on the page and in the clock: last cycle",
        [f],
        reasons=("outdated",),
    )

    # V9: a 26-byte placeholder PDF named exactly as the item (README traps: placeholder PDFs)
    f = "DPMPTSP/Laporan Tindak Lanjut Hasil Survei Kepuasan Layanan Digital 2026.pdf"
    (tree / f).parent.mkdir(parents=True, exist_ok=True)
    (tree / f).write_bytes(b"%PDF-1.4\n%placeholder\n%EOF")
    label(
        "I20-L1-04",
        "dpmptsp",
        "weak",
        "a placeholder PDF of 26 bytes under the item's exact name: unreadable (DESIGN: weak for "
        "'a file named like the requirement that cannot be read', reason unreadable)",
        [f],
        reasons=("unreadable",),
    )


def main(argv: list[str]) -> int:
    return probe_labels.main(argv, build, variants)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
