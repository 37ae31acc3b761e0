"""Build samples/: the evidence tree of the fictional Kabupaten Mojosari, for `make demo` and tests.

Every status and every reason code occurs in it, beside decoys (invitations, attendance lists,
photos of events) and office junk. Usage: python scripts/make_samples.py samples
The tree is committed; run this only to change it (`make samples`), then update
tests/test_samples.py, which says what each file must be judged.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from docgen import (
    Attendance,
    Letter,
    Minutes,
    Regulation,
    Report,
    blank_page,
    page_images,
    write_docx,
    write_pdf,
    write_photo,
    write_scan,
)

SPBE = "Sistem Pemerintahan Berbasis Elektronik"

HUKUM = "03. Bagian Hukum Setda"
KOMINFO = "01. DISKOMINFO"
BAPPEDA = "02. Bappeda"
INSPEKTORAT = "04. Inspektorat Daerah"
BPKAD = "05. BPKAD"
ORGANISASI = "06. Setda - Bagian Organisasi"
DLH = "07. DLH Kab Mojosari"


def build(root: Path) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)

    # SPBE-01: the enacted Perbup (complete), its review report (complete), an invitation (decoy)
    write_pdf(
        Regulation(
            topic=f"Arsitektur {SPBE}",
            number="12",
            year=2023,
            body_mentions=[f"Peta Rencana {SPBE}"],
        ),
        root / HUKUM / "Indikator1-Perbup-12-2023-ArsitekturSPBE.pdf",
    )
    write_pdf(
        Report(
            title=f"Laporan Hasil Reviu dan Evaluasi Kebijakan Internal Arsitektur {SPBE}",
            period="TAHUN 2024",
        ),
        root / KOMINFO / "Indikator 1" / "Laporan Reviu Kebijakan Arsitektur SPBE 2024.pdf",
    )
    write_pdf(
        Letter(subject=f"Pembahasan Reviu Peraturan Bupati tentang Arsitektur {SPBE}"),
        root / KOMINFO / "Indikator 1" / "Undangan rapat reviu arsitektur.pdf",
    )
    # SPBE-02: only the draft of the Perbup Peta Rencana (draft), with its drafting minutes
    write_pdf(
        Regulation(
            topic=f"Peta Rencana {SPBE} Tahun 2024-2026", year=2024, draft=True, signed=False
        ),
        root / KOMINFO / "Indikator 2" / "Ranperbup Peta Rencana SPBE.pdf",
    )
    write_pdf(
        Minutes(subject="Penyusunan Rancangan Peraturan Bupati tentang Peta Rencana SPBE"),
        root / KOMINFO / "Indikator 2" / "Notulen penyusunan ranperbup peta rencana.pdf",
    )
    write_pdf(
        Attendance(subject="Penyusunan Rancangan Peraturan Bupati tentang Peta Rencana SPBE"),
        root / KOMINFO / "Indikator 2" / "Daftar Hadir.pdf",
    )
    # SPBE-03: Perbup Manajemen Data as Word, in the right place, 2019 (regulations do not expire)
    write_docx(
        Regulation(topic="Manajemen Data", number="5", year=2019, signed_date="14 Maret 2019"),
        root / HUKUM / "Perbup 5 Th 2019 ttg Manajemen Data.docx",
        header="SALINAN",
        table_rows=4,
    )
    # SPBE-04: a Perbup whose ratification block was never filled in (unsigned)
    write_pdf(
        Regulation(
            topic="Pembangunan Aplikasi SPBE", number="7", year=2024, signed=False, copy=False
        ),
        root / KOMINFO / "Perbup Pembangunan Aplikasi SPBE.pdf",
    )
    # SPBE-05: the Pusat Data Perbup uploaded by the wrong agency (misplaced)
    write_pdf(
        Regulation(topic="Layanan Pusat Data", number="9", year=2022, signed_date="2 Agustus 2022"),
        root / BPKAD / "Perbup Layanan Pusat Data 2022.pdf",
    )
    # SPBE-06: a 0-byte placeholder named like the Perbup (unreadable)
    (root / KOMINFO / "Perbup Layanan Jaringan Intra.pdf").write_bytes(b"")
    # SPBE-07: a blank scan named like the Perbup (no-text)
    write_scan(None, root / KOMINFO / "Perbup Sistem Penghubung Layanan.pdf", pages=[blank_page()])
    # SPBE-08: a file named like the SMKI Perbup that holds another regulation (low-match)
    write_pdf(
        Regulation(
            topic="Tata Naskah Dinas di Lingkungan Pemerintah Kabupaten Mojosari",
            number="3",
            year=2021,
        ),
        root / KOMINFO / "Perbup Manajemen Keamanan Informasi.pdf",
    )
    # SPBE-09: the Audit TIK Perbup, scanned with a generic name (complete with OCR)
    write_scan(
        Regulation(topic="Audit Teknologi Informasi dan Komunikasi", number="15", year=2023),
        root / KOMINFO / "scan_0042.pdf",
    )
    # SPBE-10: the Tim Koordinasi SPBE decree, photographed on a desk (complete with OCR)
    tim = Regulation(
        topic=f"Pembentukan Tim Koordinasi {SPBE} Kabupaten Mojosari",
        form="KEPUTUSAN",
        number="45",
        year=2024,
        pages_of_articles=0,
        signed_date="8 Januari 2024",
    )
    write_photo(tim, root / KOMINFO / "IMG-20240612-WA0003.jpg")
    # SPBE-19: one notulen of the Tim Koordinasi where two meetings are asked for (too-few)
    write_pdf(
        Minutes(subject=f"Rapat Tim Koordinasi {SPBE} Triwulan I", date="12 Maret 2025"),
        root / KOMINFO / "Notulen Rapat Tim Koordinasi SPBE TW1 2025.pdf",
    )
    # SPBE-29: an infrastructure audit report from 2021 (outdated: 2 years allowed)
    write_pdf(
        Report(
            title=f"Laporan Hasil Audit Infrastruktur {SPBE}",
            period="TAHUN 2021",
            agency="INSPEKTORAT DAERAH",
            signed_date="20 Desember 2021",
        ),
        root / INSPEKTORAT / "LHA Infrastruktur SPBE 2021.pdf",
    )
    # SPBE-21: the risk register, rotated by the scanner (complete with OCR)
    write_scan(
        Report(title=f"Profil Risiko {SPBE} Manajemen Risiko SPBE", period="TAHUN 2025"),
        root / KOMINFO / "Manajemen Risiko" / "profil risiko scan.pdf",
        rotate=180,
    )
    # SPBE-13: a mixed PDF: a scanned cover (picture) and text pages
    mixed = Report(
        title="Laporan Keterpaduan Rencana dan Anggaran SPBE",
        period="TAHUN 2025",
        agency="BADAN PERENCANAAN PEMBANGUNAN DAERAH",
        signed_date="10 Februari 2025",
    )
    _write_mixed(mixed, root / BAPPEDA / "Keterpaduan Rencana dan Anggaran SPBE 2025.pdf")
    # Office formats: an Excel budget extract, a PowerPoint and a legacy .doc (SOP)
    _write_xlsx(root / BPKAD / "RKA DPA Belanja SPBE 2025.xlsx")
    _write_pptx(root / ORGANISASI / "Paparan Peta Proses Bisnis 2025.pptx")
    _copy_doc(root / KOMINFO / "SOP Pembangunan Aplikasi.doc")
    # decoys: a photo of an event, an attendance list, an invitation; junk and a stray file
    write_photo(
        Attendance(subject="Sosialisasi Smart City"),
        root / DLH / "Foto kegiatan sosialisasi.jpg",
        angle=8,
    )
    write_pdf(
        Letter(subject="Koordinasi Data Lingkungan Hidup"), root / DLH / "Undangan koordinasi.pdf"
    )
    (root / KOMINFO / "Thumbs.db").write_bytes(b"\x00" * 64)
    (root / KOMINFO / "~$rbup Peta Rencana.docx").write_bytes(b"\x00" * 162)
    (root / "Lain-lain").mkdir()
    write_pdf(
        Regulation(topic=f"Pedoman Manajemen Pengetahuan {SPBE}", number="21", year=2024),
        root / "Lain-lain" / "perbup manajemen pengetahuan.pdf",
    )
    (root / "catatan.txt").write_text("daftar berkas yang belum lengkap\n", encoding="utf-8")


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
    sheet.append(["RENCANA KERJA DAN ANGGARAN (RKA) BELANJA SPBE TAHUN 2025"])
    sheet.append(["Kode", "Program", "Pagu (Rp)"])
    sheet.append(["2.16.02", "Pengelolaan Aplikasi Informatika", 850_000_000])
    sheet.append(["2.16.03", "Pengelolaan Infrastruktur SPBE", 1_250_000_000])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def _write_pptx(path: Path) -> None:
    from pptx import Presentation

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text = "Peta Proses Bisnis Pemerintah Kabupaten Mojosari"
    slide.placeholders[1].text = "Bagian Organisasi Sekretariat Daerah, Tahun 2025"
    path.parent.mkdir(parents=True, exist_ok=True)
    deck.save(str(path))


def _copy_doc(path: Path) -> None:
    """A legacy Word 97 .doc, committed in scripts/fixtures (no tool here writes that format)."""
    source = Path(__file__).parent / "fixtures" / "sop-pembangunan-aplikasi.doc"
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, path)


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else "samples"))
