"""The scanned documents of `bench/ocr.py --case documents`: whole regulations, decrees and reports
with their annexes, 5 to 16 pages each (16 PDFs, 133 pages), some unsigned, some drafts, one
bundle, one budget (DPA) whose body a row must read, as a kabupaten's OPDs scan them."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import docgen  # noqa: E402
from docgen import Minutes, Pages, Regulation, Report  # noqa: E402

REGION = docgen.REGION


def roster(head: list[str], rows: int, start: int = 1) -> list[str]:
    """An annex page: its head (only on the annex's first page), then a table of people."""
    return [*head, "No. Nama NIP Jabatan Dalam Tim"] + [
        f"{i}. Nama Pegawai {i} 19{70 + i % 20}0{i % 9 + 1}12 200{i % 9}01 1 00{i % 7} Anggota"
        for i in range(start, start + rows)
    ]


def annex(kind: str, number: str, year: int, topic: str, pages: int) -> list[list[str]]:
    head = [f"LAMPIRAN {kind}", f"NOMOR {number} TAHUN {year}", f"TENTANG {topic.upper()}", ""]
    out = [roster(head, 22)]
    for page in range(1, pages):
        out.append([f"- {page + 1} -", *roster([], 26, 23 + 26 * (page - 1))[1:]])
    return out


def regulation(topic: str, pages: int, *, annex_pages: int = 0, **kw: object) -> Pages:
    """A Perbup or Keputusan of `pages` pages, the last `annex_pages` of them its LAMPIRAN."""
    document = Regulation(topic=topic, pages_of_articles=pages - annex_pages - 2, **kw)  # type: ignore[arg-type]
    kind = f"{document.form} BUPATI {REGION}"
    extra = annex(kind, document.number, document.year, topic, annex_pages) if annex_pages else []
    return Pages(document.pages() + extra)


def report(title: str, pages: int, *, annex_pages: int = 0, **kw: object) -> Pages:
    """A Laporan: cover, chapters, the signed closing, then LAMPIRAN pages (documentation)."""
    cover, closing = Report(title=title, **kw).pages()  # type: ignore[arg-type]
    chapters = [
        [f"BAB {n}", f"BAGIAN {n}"]
        + [f"{n}.{k} Pelaksanaan {title.lower()} pada perangkat daerah berjalan sesuai rencana "
           "kerja dengan capaian yang dicatat setiap bulan oleh tim pelaksana." for k in range(1, 9)]
        for n in range(1, pages - annex_pages - 1)
    ]  # fmt: skip
    extra = [
        ["LAMPIRAN", f"DOKUMENTASI {title.upper()}"] + [f"Foto kegiatan {i}" for i in range(1, 8)]
        if n == 0
        else [f"Foto kegiatan {7 * n + i}" for i in range(1, 8)]
        for n in range(annex_pages)
    ]
    return Pages([cover, *chapters, closing, *extra])


def budget(pages: int) -> Pages:
    """A DPA: its title page, then pages of sub-activities, one of them the row's."""
    first = [
        "DOKUMEN PELAKSANAAN ANGGARAN",
        "SATUAN KERJA PERANGKAT DAERAH",
        f"PEMERINTAH KABUPATEN {REGION}",
        "TAHUN ANGGARAN 2026",
        "Urusan Pemerintahan : Komunikasi dan Informatika",
    ]
    body = [
        [f"Sub Kegiatan {n}.{k} Pengelolaan Layanan Perangkat Daerah Rp {n * 10 + k}.000.000"
         for k in range(1, 14)]
        for n in range(1, pages)
    ]  # fmt: skip
    body[-1].insert(3, "Sub Kegiatan Pengembangan Aplikasi Pemerintah Digital Rp 250.000.000")
    return Pages([first, *body])


@dataclass(frozen=True)
class Scan:
    folder: str
    name: str
    document: docgen.Document


def documents() -> list[Scan]:
    """The 16 PDFs (133 pages)."""
    decree = {"form": "KEPUTUSAN"}
    return [
        Scan("03. Bagian Hukum Setda", "perbup arsitektur.pdf",
             regulation("Arsitektur Pemerintah Digital", 9, annex_pages=4, year=2024)),
        Scan("03. Bagian Hukum Setda", "sk tim koordinasi.pdf",
             regulation("Tim Koordinasi Pemerintah Digital", 6, annex_pages=3, number="7",
                        year=2026, signed_date="12 Januari 2026", **decree)),
        Scan("03. Bagian Hukum Setda", "draft perbup manajemen data.pdf",
             regulation("Manajemen Data", 7, draft=True, signed=False, year=2026)),
        Scan("03. Bagian Hukum Setda", "perbup keamanan informasi.pdf",
             regulation("Keamanan Informasi", 9, annex_pages=3, year=2025,
                        signed_date="3 Maret 2025")),
        Scan("03. Bagian Hukum Setda", "sk tim audit tik.pdf",
             regulation("Tim Audit Teknologi Informasi dan Komunikasi", 5, annex_pages=2,
                        number="19", year=2026, signed=False, **decree)),
        Scan("01. DISKOMINFO", "perbup satu data.pdf",
             regulation("Satu Data Indonesia Tingkat Kabupaten", 16, annex_pages=9, year=2023)),
        Scan("01. DISKOMINFO", "sk csirt.pdf",
             regulation("Computer Security Incident Response Team", 8, annex_pages=5,
                        number="31", year=2025, signed_date="2 Mei 2025", **decree)),
        Scan("01. DISKOMINFO", "laporan manajemen layanan.pdf",
             report("Laporan Pelaksanaan Manajemen Layanan Digital", 10, annex_pages=3,
                    period="TAHUN 2026", signed_date="30 Juni 2026")),
        Scan("01. DISKOMINFO", "laporan keamanan.pdf",
             report("Laporan Penanganan Insiden Keamanan Siber", 7, annex_pages=2,
                    period="TAHUN 2026", signed_date="1 Juli 2026", draft=True)),
        Scan("01. DISKOMINFO", "data dukung rapat.pdf",
             Pages([*report("Laporan Evaluasi Pemerintah Digital", 5, period="TAHUN 2026",
                            signed_date="9 Juli 2026").pages(),
                    *Minutes(subject="Rapat Evaluasi Pemerintah Digital 2026").pages(),
                    *docgen.Attendance(subject="Rapat Evaluasi Pemerintah Digital 2026").pages(),
                    *docgen.Attendance(subject="Rapat Evaluasi Pemerintah Digital 2026").pages()])),
        Scan("02. Bappeda", "perbup peta rencana.pdf",
             regulation("Peta Rencana Pemerintah Digital Kabupaten 2025-2029", 10, annex_pages=6,
                        year=2025, signed_date="20 Februari 2025")),
        Scan("02. Bappeda", "laporan reviu.pdf",
             report("Laporan Reviu Tata Kelola Transformasi Digital Pemerintah", 6, annex_pages=1,
                    period="TAHUN 2025", signed_date="15 Desember 2025")),
        Scan("04. Inspektorat Daerah", "laporan audit tik.pdf",
             report("Laporan Hasil Audit Teknologi Informasi dan Komunikasi", 9, annex_pages=4,
                    period="TAHUN 2026", agency="INSPEKTORAT DAERAH",
                    signed_date="10 Agustus 2026")),
        Scan("05. BPKAD", "dpa diskominfo.pdf", budget(7)),
        Scan("06. Setda - Bagian Organisasi", "perbup sop.pdf",
             regulation("Standar Operasional Prosedur Layanan Digital", 8, annex_pages=5,
                        year=2024)),
        Scan("08. BKPSDM", "laporan kompetensi.pdf",
             report("Laporan Pengembangan Kompetensi Aparatur Pemerintah Digital", 8,
                    annex_pages=3, period="TAHUN 2026", agency="BADAN KEPEGAWAIAN DAN "
                    "PENGEMBANGAN SUMBER DAYA MANUSIA", signed_date="5 September 2026")),
    ]  # fmt: skip


def write_tree(root: Path) -> int:
    """The scans under ROOT, one folder per agency; their page count."""
    pages = 0
    for scan in documents():
        images = docgen.page_images(scan.document)
        docgen.write_scan(None, root / scan.folder / scan.name, pages=images)
        pages += len(images)
    return pages
