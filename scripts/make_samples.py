"""Build samples/: the evidence tree of the fictional Kabupaten Mojosari for the Pemdi evaluation
(PermenPANRB 8/2026), for `make demo` and tests.

Every status and every reason code occurs in it (gated and other-region included), beside external
indicators (nothing to upload), screenshots of live systems, drafts accepted where the item asks for
one and refused where it says "Penetapan", decoys (lookalikes the assessors rejected, invitations,
attendance lists, photos of events) and office junk. The region's settings file sits at the root.
Usage: python scripts/make_samples.py samples
The tree is committed; run this only to change it (`make samples`), then update
tests/test_samples.py, which says what each row must be judged.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from docgen import (
    Attendance,
    Letter,
    Minutes,
    Plan,
    Regulation,
    Report,
    Screenshot,
    blank_page,
    page_images,
    write_docx,
    write_pdf,
    write_photo,
    write_scan,
    write_screenshot,
)

SPBE = "Sistem Pemerintahan Berbasis Elektronik"
PEMDI = "Pemerintah Digital"

KOMINFO = "01. DISKOMINFO"
BAPPEDA = "02. Bappeda"
HUKUM = "03. Bagian Hukum Setda"
INSPEKTORAT = "04. Inspektorat Daerah"
BPKAD = "05. BPKAD"
ORGANISASI = "06. Setda - Bagian Organisasi"
DLH = "07. DLH Kab Mojosari"
BKPSDM = "08. BKPSDM"
DPMPTSP = "09. DPMPTSP"

SETTINGS = """\
# Kabupaten Mojosari: what the map cannot know (evidence-check reads this file, never writes it).
region: Kabupaten Mojosari
coordinator:
  agency: diskominfo
  office: Dinas Komunikasi dan Informatika Kabupaten Mojosari
  title: Kepala Dinas Komunikasi dan Informatika
  name: Ir. BUDI SANTOSO, M.T.
  nip: "19770312 200312 1 007"
  address: Jl. Raya Mojosari No. 1, Mojosari, Jawa Timur 61382
deadline: 2027-03-31
# the national indices known so far (Indeks SDI 2026, SJIG 2026); EPSS (I7) and the SDI
# interoperability aspect (I18) are not out yet: they count at the floor, level 1
assumed_levels: {I5: 2.5, I6: 3}
"""


def build(root: Path) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    (root / "evidence-check.yaml").write_text(SETTINGS, encoding="utf-8")
    _diskominfo(root / KOMINFO)
    _bappeda(root / BAPPEDA)
    _others(root)
    (root / "catatan.txt").write_text("daftar berkas yang belum lengkap\n", encoding="utf-8")


def _diskominfo(folder: Path) -> None:
    # I4-L1-01 "Penetapan Tim Koordinasi": only the draft decree (refused: draft)
    write_pdf(
        Regulation(
            topic=f"Tim Koordinasi {PEMDI} Kabupaten Mojosari",
            form="KEPUTUSAN",
            year=2026,
            draft=True,
            signed=False,
            pages_of_articles=0,
        ),
        folder / "Indikator 4" / "Rancangan SK Tim Koordinasi Pemerintah Digital.pdf",
    )
    # I4-L1-03: minutes of a collaboration meeting between agencies, scanned, generic name (OCR)
    write_scan(
        Minutes(
            subject="Kolaborasi Antar Perangkat Daerah dalam Pengembangan Layanan Digital Terpadu",
            date="14 Juli 2026",
        ),
        folder / "scan_0042.pdf",
    )
    # I15-L1 and I1-L2-02: a SIAP Digital screenshot with URL, date and institution (complete)
    write_screenshot(
        Screenshot(system="SIAP Digital", heading="Arsitektur Proses Bisnis"),
        folder / "Screenshot SIAP Digital Proses Bisnis.png",
    )
    # I14-L1-01: a cropped capture of the PDN dashboard: no URL, no date (weak low-match)
    write_screenshot(
        Screenshot(
            system="Dasbor Pusat Data Nasional",
            heading="Pemanfaatan Pusat Data Nasional",
            url=None,
            date=None,
            rows=("Layanan aktif: 12 aplikasi", "Penyimpanan terpakai: 4 TB dari 10 TB"),
        ),
        folder / "Dasbor PDN.png",
    )
    # I10: a 2026 IKASANDI result (levels 1-2 complete; 4-5 gated while level 3 lacks verification)
    write_pdf(
        Report(
            title="Laporan Hasil Pengukuran IKASANDI (Instrumen Pengukuran Kematangan Keamanan "
            "Siber dan Sandi) Area Keamanan Siber",
            period="TAHUN 2026",
            signed_date="20 Agustus 2026",
        ),
        folder / "Keamanan" / "IKASANDI Keamanan Siber 2026.pdf",
    )
    # decoy: an Indeks KAMI result (the assessors rejected it for I10)
    write_pdf(
        Report(
            title="Laporan Hasil Penilaian Indeks Keamanan Informasi (Indeks KAMI)",
            period="TAHUN 2023",
            signed_date="11 Desember 2023",
        ),
        folder / "Keamanan" / "Indeks KAMI 2023.pdf",
    )
    # I12 level 1 complete: the incident register and the IKASANDI self-assessment
    write_pdf(
        Report(
            title="Laporan dan Register Penanganan Insiden Siber",
            period="SEMESTER I TAHUN 2026",
            signed_date="10 Juli 2026",
        ),
        folder / "Keamanan" / "Register Penanganan Insiden Siber Semester I 2026.pdf",
    )
    write_pdf(
        Report(
            title="Hasil Self-Assessment IKASANDI Area Penanganan Insiden Siber",
            period="TAHUN 2026",
            signed_date="20 Agustus 2026",
        ),
        folder / "Keamanan" / "IKASANDI Penanganan Insiden 2026.pdf",
    )
    # I12-L2-01: the CSIRT decree, its ratification block never filled in (unsigned)
    write_pdf(
        Regulation(
            topic="Pembentukan Tim Tanggap Insiden Siber (Computer Security Incident Response "
            "Team) Kabupaten Mojosari",
            form="KEPUTUSAN",
            number="61",
            year=2026,
            signed=False,
            copy=False,
            pages_of_articles=0,
        ),
        folder / "Keamanan" / "SK CSIRT Mojosari.pdf",
    )
    # I19-L1-01: the list of digital services with their SLA (the SLA document; it is not the
    # monitoring dashboard of I19-L1-02, which stays missing)
    write_pdf(
        Report(title="Daftar Layanan Digital dan Service Level Agreement", period="TAHUN 2026"),
        folder / "Daftar SLA Layanan Digital.pdf",
    )
    # I16-L1-02: named like the integration matrix, holds a training report (low-match)
    write_pdf(
        Report(title="Laporan Kegiatan Bimbingan Teknis Aplikasi Srikandi", period="TAHUN 2026"),
        folder / "Matriks Pemantauan Integrasi Aplikasi.pdf",
    )
    # I17-L1-01: a 0-byte placeholder (unreadable)
    (folder / "Portal Layanan Digital Mojosari.pdf").write_bytes(b"")
    # I8-L2-01: a neighbour's Perbup used as a template (other-region)
    write_pdf(
        Regulation(
            topic="Tata Kelola Pelindungan Data Pribadi di Lingkungan Pemerintah Kabupaten Sidoarjo",
            number="48",
            year=2025,
            signed_date="3 November 2025",
            region="SIDOARJO",
        ),
        folder / "I8 PDP" / "Perbup Sidoarjo Tata Kelola PDP (contoh).pdf",
    )
    # I8-L1-01: the baseline description, still a draft: accepted (the module asks for an uraian)
    write_pdf(
        Report(
            title="Uraian Kondisi Eksisting Tata Kelola Pelindungan Data Pribadi",
            period="TAHUN 2026",
            draft=True,
        ),
        folder / "I8 PDP" / "DRAFT Uraian Kondisi Eksisting Tata Kelola PDP.pdf",
    )
    # decoy: an invitation to a meeting about the evaluation
    write_pdf(
        Letter(subject=f"Persiapan Evaluasi Kinerja {PEMDI} Tahun 2026", date="2 Juni 2026"),
        folder / "Undangan rapat persiapan evaluasi.pdf",
    )
    # a legacy Word 97 file and office junk
    _copy_doc(folder / "SOP Pembangunan Aplikasi.doc")
    (folder / "Thumbs.db").write_bytes(b"\x00" * 64)
    (folder / "Indikator 4" / "~$ncangan SK Tim Koordinasi.docx").write_bytes(b"\x00" * 162)


def _bappeda(folder: Path) -> None:
    bappeda = "BADAN PERENCANAAN PEMBANGUNAN DAERAH"
    # I1-L1-01: the draft Peta Rencana (a draft is what the item asks for: complete)
    write_pdf(
        Plan(
            title=f"Peta Rencana {PEMDI} Kabupaten Mojosari Tahun 2025-2029",
            period="TAHUN 2026",
            agency=bappeda,
            draft=True,
        ),
        folder / "Rancangan Peta Rencana Pemerintah Digital 2025-2029.pdf",
    )
    # I1-L2-01 and I2-L1-01: the RPJMD
    write_pdf(
        Plan(
            title="Rencana Pembangunan Jangka Menengah Daerah Kabupaten Mojosari Tahun 2025-2029",
            period="TAHUN 2025",
            agency=bappeda,
        ),
        folder / "RPJMD 2025-2029.pdf",
    )
    # I1-L2-03: the Tim Koordinasi's planning consolidation
    write_pdf(
        Minutes(
            subject=f"Rapat Tim Koordinasi {PEMDI}: Penyusunan Substansi Rencana Aksi {PEMDI} "
            "dalam Renstra Perangkat Daerah",
            date="9 Juni 2026",
        ),
        folder / "Notulen penyusunan rencana aksi Pemdi.pdf",
    )
    # decoy: minutes of a meeting on the evaluation (rejected as a planning consolidation)
    write_pdf(
        Minutes(
            subject=f"Rapat Tim Koordinasi {PEMDI} Pembahasan Persiapan Evaluasi Kinerja {PEMDI}",
            date="3 Juni 2026",
        ),
        folder / "Notulen rapat evaluasi Pemdi 2026.pdf",
    )
    # I1-L2-04 and I1-L3-04: a mixed PDF whose cover is a picture
    _write_mixed(
        Report(
            title=f"Rekapitulasi Anggaran {PEMDI} Lintas Perangkat Daerah",
            period="TAHUN ANGGARAN 2026",
            agency=bappeda,
            signed_date="10 Februari 2026",
        ),
        folder / "Rekapitulasi Anggaran Pemerintah Digital 2026.pdf",
    )


def _others(root: Path) -> None:
    # Bagian Hukum: SPBE-era regulations; for Pemdi they are decoys (I1/I15 ask SIAP Digital, I5
    # is scored from the Indeks SDI)
    write_pdf(
        Regulation(
            topic=f"Arsitektur {SPBE}",
            number="12",
            year=2023,
            body_mentions=[f"Peta Rencana {SPBE}"],
        ),
        root / HUKUM / "Indikator1-Perbup-12-2023-ArsitekturSPBE.pdf",
    )
    write_docx(
        Regulation(topic="Manajemen Data", number="5", year=2019, signed_date="14 Maret 2019"),
        root / HUKUM / "Perbup 5 Th 2019 ttg Manajemen Data.docx",
        header="SALINAN",
        table_rows=4,
    )
    # Inspektorat: I9
    inspektorat = "INSPEKTORAT DAERAH"
    write_pdf(
        Regulation(
            topic=f"Tim Audit Keamanan dan Teknologi {PEMDI} Kabupaten Mojosari",
            form="KEPUTUSAN",
            number="12",
            year=2026,
            signed=False,
            copy=False,
            pages_of_articles=0,
        ),
        root / INSPEKTORAT / "SK Tim Audit Pemdi 2026.pdf",
    )
    write_pdf(  # decoy: the Tim Asesor's decree offered for the Tim Audit
        Regulation(
            topic=f"Tim Asesor Internal Evaluasi Kinerja {PEMDI} Kabupaten Mojosari",
            form="KEPUTUSAN",
            number="9",
            year=2026,
            pages_of_articles=0,
            signed_date="2 Juni 2026",
        ),
        root / INSPEKTORAT / "SK Tim Asesor Internal Pemdi 2026.pdf",
    )
    write_pdf(
        Report(
            title=f"Rencana Audit Keamanan dan Teknologi {PEMDI}",
            period="TAHUN 2024",
            agency=inspektorat,
            signed_date="15 Januari 2024",
        ),
        root / INSPEKTORAT / "Rencana Audit Keamanan dan Teknologi 2024.pdf",
    )
    write_pdf(
        Report(
            title=f"Laporan Hasil Audit Internal Keamanan dan Teknologi {PEMDI}",
            period="TAHUN 2026",
            agency=inspektorat,
            signed_date="30 September 2026",
        ),
        root / INSPEKTORAT / "LHA Audit Internal Pemdi 2026.pdf",
    )
    # BPKAD: the Excel budget with the application programme (I1-L2-04, I13-L1-02)
    _write_xlsx(root / BPKAD / "RKA DPA Belanja SPBE 2026.xlsx")
    # Bagian Organisasi: I15-L2-01 (PowerPoint); the level-3 map while level 2 is short (gated)
    _write_pptx(root / ORGANISASI / "Paparan Peta Proses Bisnis 2026.pptx")
    write_pdf(
        Plan(
            title="Peta Proses Bisnis Seluruh Layanan Prioritas Pemerintah Kabupaten Mojosari",
            period="TAHUN 2026",
            agency="BAGIAN ORGANISASI SEKRETARIAT DAERAH",
        ),
        root / ORGANISASI / "Peta Proses Bisnis Seluruh Layanan Prioritas 2026.pdf",
    )
    # DLH: an integration report uploaded by the wrong agency (misplaced); decoys
    write_pdf(
        Report(
            title="Laporan Pelaksanaan Integrasi Aplikasi Perizinan Lingkungan dengan Sistem OSS",
            period="TAHUN 2026",
            agency="DINAS LINGKUNGAN HIDUP",
        ),
        root / DLH / "Laporan Integrasi Aplikasi Perizinan Lingkungan 2026.pdf",
    )
    write_photo(
        Attendance(subject="Sosialisasi Smart City"),
        root / DLH / "Foto kegiatan sosialisasi.jpg",
        angle=8,
    )
    write_pdf(
        Letter(subject="Koordinasi Data Lingkungan Hidup"), root / DLH / "Undangan koordinasi.pdf"
    )
    # BKPSDM: I3 - the competency map (Word), a blank scan named like the microlearning report
    write_docx(
        Plan(
            title="Peta Kompetensi Digital Aparatur Sipil Negara Pemerintah Kabupaten Mojosari",
            period="TAHUN 2026",
            agency="BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        ),
        root / BKPSDM / "Peta Kompetensi Digital ASN 2026.docx",
        table_rows=2,
    )
    write_scan(None, root / BKPSDM / "Laporan Microlearning 2026.pdf", pages=[blank_page()])
    # DPMPTSP: I20 - two quarterly SKM Online reports where four are asked (too-few), the year's
    # transactions, the vulnerable groups' meeting, the follow-up; a general SKM (decoy)
    dpmptsp = "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU"
    for quarter, signed in (("I", "8 April 2026"), ("II", "7 Juli 2026")):
        write_pdf(
            Report(
                title=f"Laporan Hasil Survei Kepuasan Masyarakat Online Layanan Digital "
                f"Triwulan {quarter}",
                period="TAHUN 2026",
                agency=dpmptsp,
                signed_date=signed,
            ),
            root / DPMPTSP / f"SKM Online Layanan Digital TW {quarter} 2026.pdf",
        )
    write_pdf(
        Report(
            title="Rekap Jumlah Transaksi Layanan Digital Januari-Desember",
            period="TAHUN 2026",
            agency=dpmptsp,
        ),
        root / DPMPTSP / "Rekap Transaksi Layanan Digital 2026.pdf",
    )
    write_pdf(
        Minutes(
            subject="Pelibatan Kelompok Rentan (Penyandang Disabilitas, Lansia dan Perempuan) "
            "dalam Evaluasi Layanan Digital",
            date="21 Mei 2026",
        ),
        root / DPMPTSP / "Notulen Pelibatan Kelompok Rentan 2026.pdf",
    )
    write_pdf(
        Report(
            title="Laporan Tindak Lanjut Pengelolaan Kepuasan Pengguna",
            period="TAHUN 2026",
            agency=dpmptsp,
        ),
        root / DPMPTSP / "Laporan Tindak Lanjut Kepuasan Pengguna 2026.pdf",
    )
    write_pdf(
        Report(
            title="Laporan Survei Kepuasan Masyarakat terhadap Penyelenggaraan Pelayanan Publik",
            period="SEMESTER I TAHUN 2026",
            agency=dpmptsp,
        ),
        root / DPMPTSP / "Laporan SKM Pelayanan Publik 2026.pdf",
    )


def _write_mixed(report: Report, path: Path) -> None:
    """A cover page scanned as a picture, the rest with a text layer."""
    import pypdfium2 as pdfium

    text_version = write_pdf(report, path.with_suffix(".text.pdf"))
    cover = write_scan(None, path.with_suffix(".cover.pdf"), pages=page_images(report)[:1])
    merged = pdfium.PdfDocument.new()
    merged.import_pages(pdfium.PdfDocument(str(cover)))
    body = pdfium.PdfDocument(str(text_version))
    merged.import_pages(body, list(range(1, len(body))))
    merged.save(str(path))
    text_version.unlink()
    cover.unlink()


def _write_xlsx(path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "RKA SPBE"
    sheet.append(["RENCANA KERJA DAN ANGGARAN (RKA) BELANJA SPBE TAHUN 2026"])
    sheet.append(["Kode", "Program / Sub Kegiatan", "Pagu (Rp)"])
    sheet.append(["2.16.03", "Program Pengelolaan Aplikasi Informatika", 850_000_000])
    sheet.append(["2.16.03.1.02.03", "Pengembangan Aplikasi dan Proses Bisnis", 420_000_000])
    sheet.append(["2.16.02", "Pengelolaan Infrastruktur SPBE", 1_250_000_000])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def _write_pptx(path: Path) -> None:
    from pptx import Presentation

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text = "Peta Proses Bisnis Pemerintah Kabupaten Mojosari"
    slide.placeholders[1].text = "Bagian Organisasi Sekretariat Daerah, Tahun 2026"
    path.parent.mkdir(parents=True, exist_ok=True)
    deck.save(str(path))


def _copy_doc(path: Path) -> None:
    """A legacy Word 97 .doc, committed in scripts/fixtures (no tool here writes that format)."""
    source = Path(__file__).parent / "fixtures" / "sop-pembangunan-aplikasi.doc"
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, path)


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else "samples"))
