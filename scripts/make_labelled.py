"""Build the labelled corpus: the evidence of a fictional Kabupaten Lembah Hijau, with labels.

Two trees under OUTDIR, each with its `evidence-check.yaml` (region: Kabupaten Lembah Hijau):
- `pemdi/`: the 2026 Pemdi evidence (PermenPANRB 8/2026, the default map), one folder per OPD as
  kabupaten name them ("01. Diskominfo", "02. Bappeda Kab Lembah Hijau", ...) plus a file
  dropped at the root;
- `spbe-2025/`: last cycle's SPBE archive (map `spbe-2020`): the regulation traps (revocation,
  neighbour's Perbup, letter-spaced, hyphenated and e-signed titles, an unsigned decree), the
  audit siblings and a copy in two formats.
and `labels.json`: for each labelled row, by the map's item `code` (Pemdi: I{n}-L{level}-{seq:02d},
items numbered in the domain file's order per level) or evidence id (spbe-2020), the agency, the
expected status (`accept` lists more than one where an assessor's "tidak tepat" may be shown as
either weak or missing), the reasons it must include, the trap it tests and why. The labels come
from the domain notes (shared/domain/pemdi_2026.md: what the assessors accepted and rejected), not
from what the tool does. Everything is deterministic; the tree takes a few seconds to make.
Usage: python scripts/make_labelled.py OUTDIR
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from docgen_real import (
    Instrument,
    Meeting,
    Paper,
    body,
    title,
    write_angled_photo,
    write_bundle,
    write_docx,
    write_event_photo,
    write_garbage_layer,
    write_pages,
    write_scan,
    write_screenshot,
)

REGION = "Kabupaten Lembah Hijau"
YEAR = 2026  # the evaluation cycle of the Pemdi tree's evidence
SPBE_YEAR = 2025

KOMINFO = "01. Diskominfo"
BAPPEDA = "02. Bappeda Kab Lembah Hijau"
ORGANISASI = "03. Bag. Organisasi"
HUKUM = "04. Setda Bagian Hukum"
INSPEKTORAT = "05. Inspektorat Daerah"
BKPSDM = "06. BKPSDM"
DPMPTSP = "07. DPMPTSP"
BPKAD = "08. BPKAD"


@dataclass(frozen=True)
class Label:
    code: str
    agency: str
    status: str
    trap: str
    why: str
    files: Sequence[str] = ()
    reasons: Sequence[str] = ()
    accept: Sequence[str] = ()
    tree: str = "pemdi"

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {"tree": self.tree}
        out["evidence" if self.tree == "spbe" else "code"] = self.code
        out |= {"agency": self.agency, "status": self.status}
        if self.accept:
            out["accept"] = list(self.accept)
        if self.reasons:
            out["reasons"] = list(self.reasons)
        out |= {"trap": self.trap, "why": self.why, "files": list(self.files)}
        return out


@dataclass
class Corpus:
    root: Path
    labels: list[Label] = field(default_factory=list)

    def label(
        self,
        code: str,
        agency: str,
        status: str,
        trap: str,
        why: str,
        files: Sequence[str] = (),
        *,
        reasons: Sequence[str] = (),
        accept: Sequence[str] = (),
        tree: str = "pemdi",
    ) -> None:
        self.labels.append(Label(code, agency, status, trap, why, files, reasons, accept, tree))


NOT_COMPLETE = ("weak", "missing")


def kak_paragraphs(topic: str) -> list[str]:
    return [
        f"Dokumen ini memuat {topic} di lingkungan Pemerintah Kabupaten Lembah Hijau.",
        "Ruang lingkup meliputi seluruh perangkat daerah yang menyelenggarakan layanan digital, "
        "dengan koordinasi Dinas Komunikasi dan Informatika.",
        "Hasil pelaksanaan dan kendala dicatat sebagai bahan perbaikan pada periode berikutnya.",
    ]


# ---------------------------------------------------------------------------------------------
# The Pemdi tree


def pemdi(c: Corpus) -> None:
    root = c.root / "pemdi"
    (root).mkdir(parents=True, exist_ok=True)
    (root / "evidence-check.yaml").write_text(f"region: {REGION}\n", encoding="utf-8")
    i1_tata_kelola(c, root)
    i2_manajemen(c, root)
    i3_sdm(c, root)
    i4_kolaborasi(c, root)
    i8_pdp(c, root)
    i9_audit(c, root)
    i10_i11_i12_keamanan(c, root)
    i13_i14_teknologi(c, root)
    i15_i16_keterpaduan(c, root)
    i17_portal(c, root)
    i19_i20_pengguna(c, root)


def i1_tata_kelola(c: Corpus, root: Path) -> None:
    path = f"{BAPPEDA}/Rancangan Peta Rencana Pemdi 2025-2029.pdf"
    write_pages(
        Paper(
            ("PETA RENCANA PEMERINTAH DIGITAL", "KABUPATEN LEMBAH HIJAU"),
            period="TAHUN 2025-2029",
            agency="BADAN PERENCANAAN PEMBANGUNAN DAERAH",
            mark="RANCANGAN",
            paragraphs=[
                "Rancangan awal ini memuat substansi Rencana Aksi Nasional Pemerintah Digital "
                "(RAN Pemdi) yang akan dituangkan dalam RPJMD dan Renstra Perangkat Daerah.",
                "Matriks pemetaan program terhadap RAN Pemdi disusun bersama Tim Koordinasi.",
            ],
            signer_title="KEPALA BADAN PERENCANAAN PEMBANGUNAN DAERAH",
        ).pages(),
        root / path,
    )
    c.label(
        "I1-L1-01",
        "bappeda",
        "complete",
        "draft-accepted",
        "L1 asks for the plan while it is being drafted: a RANCANGAN Peta Rencana Pemdi is the "
        "item (Aceh Tengah's was accepted)",
        [path],
    )
    renstra = f"{KOMINFO}/Renstra Diskominfo 2025-2029.pdf"
    write_pages(
        Paper(
            ("RENCANA STRATEGIS", "DINAS KOMUNIKASI DAN INFORMATIKA"),
            period="TAHUN 2025-2029",
            paragraphs=[
                "Bab IV memuat sebagian substansi Rencana Aksi Nasional Pemerintah Digital pada "
                "program dan kegiatan Dinas: tata kelola, manajemen layanan digital, aplikasi, "
                "infrastruktur dan keamanan.",
                "Manajemen layanan digital dilaksanakan melalui manajemen risiko, manajemen "
                "perubahan, manajemen pengetahuan dan manajemen relasi pengguna.",
                "Renstra ini ditetapkan dengan Keputusan Kepala Dinas dan menjadi acuan Renja.",
            ],
        ).pages(),
        root / renstra,
    )
    c.label(
        "I1-L2-01",
        "bappeda",
        "complete",
        "true-complete-plan",
        "an enacted Renstra carrying part of the RAN Pemdi substance (Aceh Tengah: RPJMD accepted)",
        [renstra],
    )
    c.label(
        "I2-L1-01",
        "bappeda",
        "complete",
        "true-complete-plan",
        "the same Renstra carries the digital-service management substance; one document may "
        "answer two items (Aceh Tengah: RPJMD + Renstra accepted for I2-L1-01)",
        [renstra],
    )
    shot = f"{KOMINFO}/Screenshot SIAP Digital Arsitektur 12-05-2026.png"
    write_screenshot(
        root / shot,
        heading=[
            "SIAP Digital",
            "Arsitektur Pemerintah Digital - Pemerintah Kabupaten Lembah Hijau",
            "Pengisian Arsitektur Pemdi (sebagian layanan)",
        ],
        rows=[
            "Domain Layanan : 42 layanan (sebagian)",
            "Domain Data : 27 data prioritas",
            "Status pengisian : 64% (diperbarui 12/05/2026)",
        ],
        url="https://siapdigital.menpan.go.id/arsitektur/kabupaten-lembah-hijau",
        clock="10:42   12/05/2026",
    )
    c.label(
        "I1-L2-02",
        "diskominfo",
        "complete",
        "screenshot-with-url-date",
        "a screenshot of the architecture filled in SIAP Digital, with the URL, a date and the "
        "institution's name: what the item asks",
        [shot],
    )
    evaluation = f"{BAPPEDA}/Bukti Konsolidasi Tim Koordinasi Pemdi.pdf"
    subject = "Rapat Evaluasi Internal Kinerja Pemerintah Digital Tahun 2026"
    write_bundle(
        [
            Meeting("UNDANGAN", subject).pages(),
            Meeting("DAFTAR HADIR", subject).pages(),
            Meeting(
                "NOTULEN RAPAT",
                subject,
                points=[
                    "Tim membahas hasil penilaian mandiri Indeks Pemerintah Digital tahun berjalan.",
                    "Nilai sementara tiap indikator dibacakan dan kekurangan data dukung dicatat.",
                    "Perangkat daerah melengkapi data dukung evaluasi paling lambat 30 Mei 2026.",
                ],
            ).pages(),
        ],
        root / evaluation,
    )
    c.label(
        "I1-L2-03",
        "bappeda",
        "weak",
        "evaluation-minutes-for-planning",
        "minutes of a meeting on the Pemdi EVALUATION offered for the Tim Koordinasi's planning "
        "consolidation: rejected as tidak tepat in Aceh Tengah",
        [evaluation],
        accept=NOT_COMPLETE,
    )
    dpa = f"{BAPPEDA}/DPA Bappeda 2026.pdf"
    write_pages(
        Paper(
            (
                "DOKUMEN PELAKSANAAN ANGGARAN",
                "SATUAN KERJA PERANGKAT DAERAH (DPA-SKPD)",
                "BADAN PERENCANAAN PEMBANGUNAN DAERAH",
            ),
            period="TAHUN ANGGARAN 2026",
            agency="BADAN PERENCANAAN PEMBANGUNAN DAERAH",
            paragraphs=[
                "Urusan Pemerintahan : Perencanaan. Program Perencanaan, Pengendalian dan "
                "Evaluasi Pembangunan Daerah.",
                "Kegiatan : Koordinasi Perencanaan Pembangunan Daerah. Sub Kegiatan : Koordinasi "
                "dan Sinkronisasi Perencanaan Pemerintah Digital (substansi RAN Pemdi) - "
                "Rp 245.000.000,00.",
                "Sub Kegiatan : Penyusunan Dokumen Perencanaan Perangkat Daerah - Rp 120.500.000,00.",
            ],
            signer_title="KEPALA BADAN PERENCANAAN PEMBANGUNAN DAERAH",
        ).pages(),
        root / dpa,
    )
    c.label(
        "I1-L2-04",
        "bappeda",
        "complete",
        "rka-with-subactivity",
        "a DPA whose sub-activity names the Pemdi planning: the budget supports part of the RAN "
        "Pemdi substance",
        [dpa],
    )


def i2_manajemen(c: Corpus, root: Path) -> None:
    path = f"{KOMINFO}/scan_laporan_smt1.pdf"
    report = Paper(
        ("LAPORAN PELAKSANAAN", "MANAJEMEN LAYANAN DIGITAL"),
        period="PERIODE JANUARI - JUNI 2026",
        paragraphs=[
            "Manajemen layanan digital dilaksanakan sesuai kebutuhan internal pada layanan "
            "aplikasi perkantoran, naskah dinas elektronik dan layanan publik daring.",
            "Register risiko dan log perubahan layanan dilampirkan.",
        ],
    )
    write_garbage_layer(report.pages(), root / path, bad=(0,))
    c.label(
        "I2-L1-02",
        "diskominfo",
        "complete",
        "garbage-text-layer",
        "the report's cover has a broken text layer (shifted glyph codes, control characters): "
        "read again by OCR, its title is the item",
        [path],
    )


def i3_sdm(c: Corpus, root: Path) -> None:
    peta = f"{BKPSDM}/Peta Kompetensi Digital ASN 2026.pdf"
    write_pages(
        Paper(
            (
                "PETA KOMPETENSI DIGITAL",
                "APARATUR SIPIL NEGARA",
                "PEMERINTAH KABUPATEN LEMBAH HIJAU",
            ),
            period="TAHUN 2026",
            agency="BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
            paragraphs=kak_paragraphs("pemetaan kompetensi digital ASN untuk pelaksanaan Pemdi"),
            signer_title="KEPALA BKPSDM",
        ).pages(),
        root / peta,
    )
    c.label(
        "I3-L1-01",
        "bkpsdm",
        "complete",
        "true-complete-plan",
        "the digital competency map of the ASN (Aceh Tengah's 16-page map was accepted)",
        [peta],
    )
    apps = f"{BKPSDM}/Laporan Pemanfaatan Aplikasi Kerja Digital 2026.pdf"
    write_pages(
        Paper(
            ("LAPORAN PEMANFAATAN", "APLIKASI KERJA DIGITAL ASN", "DAN REKAP PENGGUNA"),
            period="SEMESTER I TAHUN 2026",
            agency="BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
            one_page=True,
            paragraphs=[
                "Rekap pengguna aplikasi dasar dan sistem kerja digital internal: e-Kinerja "
                "4.812 pengguna, naskah dinas elektronik 3.905 pengguna, presensi daring 5.120.",
                "Lampiran: tangkapan layar dasbor aplikasi bertanggal.",
            ],
            signer_title="KEPALA BKPSDM",
        ).pages(),
        root / apps,
    )
    c.label(
        "I3-L1-02",
        "bkpsdm",
        "complete",
        "report-for-screenshot-item",
        "a report on the use of digital work apps with its user recap and screenshots: what "
        "Aceh Tengah uploaded for this screenshot-form item, and it was accepted",
        [apps],
    )
    notulen = f"{BKPSDM}/Dokumentasi Komunitas Belajar Digital ASN.pdf"
    sheet = partial(
        Meeting,
        subject="Pertemuan Komunitas Belajar Digital ASN Kabupaten Lembah Hijau",
        date="Kamis, 16 April 2026",
        place="Aula BKPSDM",
        office="BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        office_code="BKPSDM",
    )
    write_bundle(
        [
            sheet("UNDANGAN").pages(),
            sheet("DAFTAR HADIR").pages(),
            sheet(
                "NOTULEN RAPAT",
                chair="Kepala BKPSDM",
                points=[
                    "Peserta membahas rancangan modul microlearning tanda tangan elektronik.",
                    "Rancangan jadwal berbagi praktik baik disepakati setiap bulan.",
                    "Dokumentasi kegiatan terlampir.",
                ],
            ).pages(),
        ],
        root / notulen,
    )
    c.label(
        "I3-L1-03",
        "bkpsdm",
        "complete",
        "rancangan-in-body",
        "the learning community's meeting package (invitation, attendance, minutes); the final "
        "minutes discuss a 'rancangan modul': a word of the body is not a draft mark",
        [notulen],
    )
    micro = "Laporan Microlearning ASN 2026.pdf"
    write_pages(
        Paper(
            ("LAPORAN PENGGUNAAN", "MICROLEARNING INTERNAL"),
            period="TAHUN 2026",
            agency="BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
            paragraphs=kak_paragraphs("penggunaan microlearning internal bagi ASN"),
            signer_title="KEPALA BKPSDM",
        ).pages(),
        root / micro,
    )
    c.label(
        "I3-L1-04",
        "bkpsdm",
        "weak",
        "misplaced-root",
        "the right report, dropped at the tree's root instead of an owner's folder",
        [micro],
        reasons=["misplaced"],
    )
    myasn = f"{BKPSDM}/dasbor myasn.png"
    write_screenshot(
        root / myasn,
        heading=["MyASN", "Dasbor Instansional", "Profil ASN dan Riwayat Kompetensi"],
        rows=[
            "Jumlah ASN : 5.214",
            "Data riwayat diklat lengkap : 71%",
            "Pemutakhiran data mandiri : 64%",
        ],
    )
    c.label(
        "I3-L1-05",
        "bkpsdm",
        "weak",
        "screenshot-without-url-date",
        "a MyASN dashboard screenshot cropped without its URL, date or institution name: the "
        "assessors want all three",
        [myasn],
        reasons=["low-match"],
    )
    laporan = f"{BKPSDM}/Laporan Peningkatan Kompetensi Digital ASN 2026.pdf"
    write_pages(
        Paper(
            ("LAPORAN PENINGKATAN", "KOMPETENSI DIGITAL ASN"),
            period="TAHUN 2026",
            agency="BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
            paragraphs=kak_paragraphs("pelatihan dan sertifikasi kompetensi digital ASN"),
            signer_title="KEPALA BKPSDM",
        ).pages(),
        root / laporan,
    )
    c.label(
        "I3-L2-02",
        "bkpsdm",
        "weak",
        "gated",
        "a good level-2 report while level 1 is not "
        "complete (microlearning misplaced, MyASN screenshot without URL): rejected "
        "automatically",
        [laporan],
        reasons=["gated"],
    )


def i4_kolaborasi(c: Corpus, root: Path) -> None:
    bundle = f"{ORGANISASI}/Data Dukung Indikator 4.pdf"
    sk = Instrument(
        "Tim Koordinasi Pemerintah Digital Kabupaten Lembah Hijau",
        form="KEPUTUSAN",
        number="555/395/DISKOMINFO",
        signed_date="6 Februari 2026",
        roster=[
            "Pengarah : Bupati Lembah Hijau",
            "Ketua (Koordinator Pemdi) : Sekretaris Daerah",
            "Sekretaris : Kepala Dinas Komunikasi dan Informatika",
            "Anggota : Kepala Bappeda, Kepala BKPSDM, Inspektur, Kepala Bagian Organisasi",
        ],
    )
    plan = Paper(
        ("RENCANA KOLABORASI", "LINTAS PERANGKAT DAERAH", "PEMERINTAH DIGITAL"),
        period="TAHUN 2026",
        agency="SEKRETARIAT DAERAH - BAGIAN ORGANISASI",
        paragraphs=[
            "Rincian rencana kolaborasi antar unit dan perangkat daerah dalam substansi RAN Pemdi: "
            "integrasi data kependudukan, layanan perizinan daring dan naskah dinas elektronik.",
            "Setiap kegiatan kolaborasi memuat penanggung jawab, mitra dan jadwal.",
        ],
        signer_title="KEPALA BAGIAN ORGANISASI",
    )
    minutes = Meeting(
        "NOTULEN RAPAT",
        "Rapat Kolaborasi Antar Perangkat Daerah Pelaksanaan Pemerintah Digital",
        date="Rabu, 11 Maret 2026",
        place="Ruang Rapat Sekretariat Daerah",
        chair="Sekretaris Daerah selaku Koordinator Pemdi",
        points=[
            "Disdukcapil dan DPMPTSP menyepakati pemanfaatan data kependudukan untuk perizinan.",
            "Diskominfo menyiapkan layanan penghubung; dokumentasi kegiatan terlampir.",
        ],
    )
    write_bundle([sk.pages(), plan.pages(), minutes.pages()], root / bundle)
    c.label(
        "I4-L1-01",
        "diskominfo",
        "complete",
        "bundle-3-parts",
        "part 1 (pages 1-3) of a 'Data Dukung' bundle: the signed SK Tim Koordinasi Pemdi",
        [bundle],
    )
    c.label(
        "I4-L1-02",
        "bag-organisasi",
        "complete",
        "bundle-3-parts",
        "part 2 (pages 4-5) of the bundle: the cross-unit collaboration plan",
        [bundle],
    )
    c.label(
        "I4-L1-03",
        "bag-organisasi",
        "complete",
        "bundle-3-parts",
        "part 3 (page 6) of the bundle: minutes of the collaboration meeting between PD",
        [bundle],
    )
    c.label(
        "I4-L2-01",
        "bag-organisasi",
        "missing",
        "sibling-pks-not-plan",
        "no plan of collaboration between institutions was uploaded; the PKS proves the "
        "collaboration itself (I4-L2-02), not its plan",
        accept=("missing", "weak"),
    )
    pks = f"{ORGANISASI}/PKS Pemkab - BPS Lembah Hijau 2026.pdf"
    write_pages(
        [
            [
                title("PERJANJIAN KERJA SAMA", 14),
                title("ANTARA", 12),
                title("PEMERINTAH KABUPATEN LEMBAH HIJAU", 12),
                title("DENGAN", 12),
                title("BADAN PUSAT STATISTIK KABUPATEN LEMBAH HIJAU", 12),
                title("TENTANG", 12),
                title("KOLABORASI PERTUKARAN DATA DAN PEMANFAATAN DATA STATISTIK", 12),
                title("NOMOR 119/07/PKS/2026 - NOMOR B-42/33190/HM.340/2026", 11),
                body(
                    "Pada hari ini Senin tanggal dua puluh tiga Maret tahun dua ribu dua puluh enam, "
                    "para pihak sepakat mengadakan kolaborasi antar instansi pemerintah dalam "
                    "pertukaran data dan berita acara kesepakatan data."
                ),
                body("Pasal 1 Maksud dan Tujuan ... Pasal 7 Jangka Waktu: tiga tahun."),
                body("PIHAK PERTAMA, Bupati Lembah Hijau, ttd. PIHAK KEDUA, Kepala BPS, ttd."),
            ]
        ],
        root / pks,
    )
    c.label(
        "I4-L2-02",
        "bag-organisasi",
        "complete",
        "bundle-unlocks-gate",
        "a PKS between institutions; level 1 is complete only when every part of the bundle "
        "counts, else this row is gated (Aceh Tengah's was auto-rejected that way)",
        [pks],
    )


def i8_pdp(c: Corpus, root: Path) -> None:
    uraian = [
        ("Kondisi Eksisting Tata Kelola Pelindungan Data Pribadi", "KONSEP", "pdf"),
        ("Kebutuhan Pelatihan dan Awareness Pelindungan Data Pribadi", None, "docx"),
        (
            "Struktur Penanganan dan Kebutuhan Penunjukan Pejabat Pelindungan Data Pribadi",
            None,
            "pdf",
        ),
        ("Mekanisme Penanganan Permintaan Hak Subjek Data", "DRAFT", "pdf"),
        ("Penyampaian Informasi kepada Pengguna dan Kebutuhan Pemberitahuan Privasi", None, "pdf"),
        ("Kontrol Keamanan dan Kebutuhan Pengamanan Data Pribadi", None, "pdf"),
        ("Pengelolaan Risiko dan Identifikasi Awal Risiko Data Pribadi", "DRAFT", "pdf"),
    ]
    for seq, (topic, mark, suffix) in enumerate(uraian, 1):
        path = f"{KOMINFO}/PDP/Uraian {seq} - {topic}.{suffix}"
        paper = Paper(
            ("URAIAN", topic.upper()),
            period="TAHUN 2026",
            paragraphs=[
                f"Uraian ini menggambarkan {topic.lower()} pada Pemerintah Kabupaten Lembah Hijau "
                "dan identifikasi kebutuhan tindak lanjut.",
                "Notulensi pembahasan bersama perangkat daerah pengelola data pribadi terlampir.",
            ],
            mark=mark,
        )
        if suffix == "docx":  # a Word template: the title in a table, the kop in the header
            write_docx(
                paper.pages(),
                root / path,
                header="PEMERINTAH KABUPATEN LEMBAH HIJAU - DINAS KOMUNIKASI DAN INFORMATIKA",
                table_lines=2,
            )
        else:
            write_pages(paper.pages(), root / path)
        c.label(
            f"I8-L1-{seq:02d}",
            "diskominfo",
            "complete",
            "draft-accepted"
            if mark
            else "docx-title-in-table"
            if suffix == "docx"
            else "true-complete-report",
            "level 1 asks for the seven 'uraian' (descriptions); a draft is what the item asks"
            if mark
            else "one of the seven baseline 'uraian' of the PDP governance",
            [path],
        )
    perbup = f"{HUKUM}/Perbup 9 Tahun 2026 Perubahan Tata Kelola PDP.pdf"
    write_pages(
        Instrument(
            "Perubahan atas Peraturan Bupati Nomor 14 Tahun 2024 tentang Tata Kelola "
            "Pelindungan Data Pribadi",
            number="9",
            signed_date="20 April 2026",
        ).pages(),
        root / perbup,
    )
    c.label(
        "I8-L2-01",
        "diskominfo",
        "complete",
        "amendment",
        "an enacted 'Perubahan atas Peraturan Bupati ... tentang Tata Kelola PDP' is a regulation "
        "on PDP governance: it qualifies like the base instrument",
        [perbup],
    )
    sosialisasi = f"{KOMINFO}/PDP/Laporan Sosialisasi PDP 2026 (scan).pdf"
    write_scan(
        Paper(
            ("LAPORAN SOSIALISASI", "PELINDUNGAN DATA PRIBADI"),
            period="TAHUN 2026",
            one_page=True,
            paragraphs=[
                "Program awareness dan kompetensi PDP: rencana, materi dan daftar hadir "
                "sosialisasi bagi 212 pegawai pengelola data pribadi.",
            ],
        ).pages(),
        root / sosialisasi,
    )
    c.label(
        "I8-L2-02",
        "diskominfo",
        "complete",
        "scanned-page",
        "the report of the PDP awareness programme, scanned (image only, one page): OCR reads it",
        [sosialisasi],
    )
    dpo = f"{KOMINFO}/PDP/SK Pejabat Pelindungan Data Pribadi.pdf"
    write_pages(
        Instrument(
            "Penunjukan Pejabat Pelindungan Data Pribadi di Lingkungan Pemerintah Kabupaten "
            "Lembah Hijau",
            form="KEPUTUSAN",
            draft=True,
            roster=["Pejabat Pelindungan Data Pribadi : Kepala Bidang Persandian dan Statistik"],
        ).pages(),
        root / dpo,
    )
    c.label(
        "I8-L2-03",
        "diskominfo",
        "weak",
        "draft-refused",
        "the DPO appointment must be enacted (a 'Penetapan' item); this is a RANCANGAN with "
        "NOMOR ... and a blank date",
        [dpo],
        reasons=["draft"],
    )
    sop = f"{KOMINFO}/PDP/SOP Pemenuhan Hak Subjek Data.pdf"
    write_pages(
        [
            [
                title("STANDAR OPERASIONAL PROSEDUR", 14),
                title("PEMENUHAN HAK SUBJEK DATA PRIBADI", 13),
                body("Nomor SOP : 800/12/SOP/DISKOMINFO/2026"),
                body("Tanggal Pembuatan : 2 Februari 2026   Tanggal Efektif : 1 Maret 2026"),
                body("Disahkan oleh : Kepala Dinas Komunikasi dan Informatika, ttd"),
                body(
                    "Dasar Hukum : Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi"
                ),
                body(
                    "Prosedur: 1. Subjek data mengajukan permohonan melalui formulir atau kanal "
                    "daring. 2. Petugas memverifikasi identitas. 3. Pejabat PDP memutus paling lama "
                    "3 x 24 jam. 4. Hasil disampaikan kepada pemohon."
                ),
                body(
                    "Berlaku pada layanan: kependudukan, perizinan, kesehatan (sebagian layanan)."
                ),
            ]
        ],
        root / sop,
    )
    c.label(
        "I8-L2-04",
        "diskominfo",
        "complete",
        "true-complete-sop",
        "an SOP of the data-subject rights mechanism on part of the services",
        [sop],
    )
    c.label(
        "I8-L2-05",
        "diskominfo",
        "missing",
        "l1-description-not-l2-mechanism",
        "no screenshot of a published privacy notice was uploaded; the level-1 'uraian' of the "
        "need for a privacy notice is not the notice",
        accept=("missing", "weak"),
    )
    kebijakan = f"{KOMINFO}/PDP/Kebijakan Pengamanan Data Pribadi.docx"
    write_docx(
        [
            [
                title("KEBIJAKAN PENGAMANAN DATA PRIBADI", 14),
                title("DAN MATRIKS HAK AKSES", 13),
                title("DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN LEMBAH HIJAU", 12),
                body(
                    "Mekanisme pengamanan data pribadi pada sebagian layanan: enkripsi basis data, "
                    "pembatasan hak akses berbasis peran, pencatatan log akses."
                ),
                body("Matriks hak akses: Administrator, Operator, Verifikator, Auditor."),
            ]
        ],
        root / kebijakan,
    )
    c.label(
        "I8-L2-06",
        "diskominfo",
        "complete",
        "true-complete-sop",
        "the personal-data security policy with its access matrix (a DOCX)",
        [kebijakan],
    )
    c.label(
        "I8-L2-07",
        "diskominfo",
        "missing",
        "l1-description-not-l2-mechanism",
        "no risk matrix or DPIA form was uploaded; the level-1 'uraian' of an initial risk "
        "identification is not the risk-management mechanism",
        accept=("missing", "weak"),
    )


def i9_audit(c: Corpus, root: Path) -> None:
    asesor = f"{INSPEKTORAT}/SK Tim Asesor Internal Evaluasi Pemdi 2026.pdf"
    write_pages(
        Instrument(
            "Tim Asesor Internal Evaluasi Kinerja Pemerintah Digital Kabupaten Lembah Hijau "
            "Tahun 2026",
            form="KEPUTUSAN",
            number="700/88/INSP",
            signed_date="9 Januari 2026",
            roster=["Ketua : Inspektur", "Anggota : Auditor Ahli Madya (3 orang)"],
        ).pages(),
        root / asesor,
    )
    c.label(
        "I9-L1-01",
        "inspektorat",
        "weak",
        "asesor-for-audit",
        "an SK of the Tim ASESOR (the self-evaluation team) offered for the Tim AUDIT set by the "
        "Koordinator Pemdi: rejected as tidak tepat in Aceh Tengah",
        [asesor],
        accept=NOT_COMPLETE,
    )
    rencana = f"{INSPEKTORAT}/Rencana Audit Keamanan dan Teknologi Pemdi 2026.pdf"
    write_pages(
        Paper(
            ("RENCANA AUDIT", "KEAMANAN DAN TEKNOLOGI", "PEMERINTAH DIGITAL"),
            period="TAHUN 2026",
            agency="INSPEKTORAT DAERAH",
            hyphen_break=(2, "PEMERIN-|TAH DIGITAL"),
            paragraphs=[
                "Ruang lingkup audit: aplikasi layanan publik prioritas, pusat data dan jaringan "
                "intra. Jadwal: Juli - September 2026. Tim: auditor Inspektorat dan Diskominfo.",
            ],
            signer_title="INSPEKTUR DAERAH",
        ).pages(),
        root / rencana,
    )
    c.label(
        "I9-L1-02",
        "inspektorat",
        "complete",
        "hyphenated-title",
        "the audit plan; its title breaks 'PEMERIN-' / 'TAH DIGITAL' across lines",
        [rencana],
    )
    lha = f"{INSPEKTORAT}/LHA Audit Internal Keamanan TIK 2022.pdf"
    write_pages(
        Paper(
            ("LAPORAN HASIL AUDIT INTERNAL", "KEAMANAN DAN TEKNOLOGI", "PEMERINTAH DIGITAL"),
            period="TAHUN 2022",
            agency="INSPEKTORAT DAERAH",
            place_date="Lembah Hijau, 19 Desember 2022",
            paragraphs=["Audit dilaksanakan pada 4 aplikasi dan pusat data pada tahun 2022."],
            signer_title="INSPEKTUR DAERAH",
        ).pages(),
        root / lha,
    )
    c.label(
        "I9-L2-01",
        "inspektorat",
        "weak",
        "outdated-report",
        "the internal audit report is from 2022: older than the two years an audit counts for",
        [lha],
        reasons=["outdated"],
    )


def i10_i11_i12_keamanan(c: Corpus, root: Path) -> None:
    kami = f"{KOMINFO}/Keamanan/Hasil Indeks KAMI 2025.pdf"
    write_pages(
        Paper(
            ("LAPORAN HASIL PENILAIAN", "INDEKS KEAMANAN INFORMASI (INDEKS KAMI)", "VERSI 5.0"),
            period="TAHUN 2025",
            place_date="Lembah Hijau, 3 November 2025",
            paragraphs=[
                "Skor Indeks KAMI: 412 (Cukup Baik). Tingkat kematangan I+ sampai II.",
                "Area: tata kelola, risiko, kerangka kerja, pengelolaan aset, teknologi.",
            ],
        ).pages(),
        root / kami,
    )
    c.label(
        "I10-L1-01",
        "diskominfo",
        "weak",
        "kami-for-ikasandi",
        "an Indeks KAMI result offered where an IKASANDI cyber-security score is asked: rejected "
        "(Aceh Tengah, Indeks KAMI 2023)",
        [kami],
        accept=NOT_COMPLETE,
    )
    photo = f"{KOMINFO}/Keamanan/IMG_20260611_141502.jpg"
    write_angled_photo(
        Paper(
            (
                "LAPORAN AWAL PENERAPAN TEKNOLOGI KRIPTOGRAFI",
                "DAN INVENTARISASI ASET YANG DIENKRIPSI",
            ),
            period="TAHUN 2026",
            one_page=True,
            paragraphs=[
                "Laporan ini memuat inventarisasi aset informasi yang telah dienkripsi dan "
                "pelaksanaan awal penerapan teknologi kriptografi pada layanan naskah dinas "
                "elektronik dan surel dinas.",
                "Jumlah aset terinventarisasi: 46; telah dienkripsi: 19.",
            ],
            place_date="Lembah Hijau, 11 Juni 2026",
        ).pages()[0],
        root / photo,
        angle=6.0,
    )
    c.label(
        "I11-L1-01",
        "diskominfo",
        "complete",
        "angled-photo",
        "a phone photo (6 degrees, perspective) of the one-page initial cryptography report: "
        "straightened, its title is the item (Aceh Tengah's was accepted)",
        [photo],
    )
    csirt = f"{KOMINFO}/Keamanan/Bukti Penanganan Insiden - SK CSIRT.pdf"
    write_pages(
        Instrument(
            "Pembentukan Tim Tanggap Insiden Siber (Lembah Hijau-CSIRT)",
            form="KEPUTUSAN",
            number="480/51/DISKOMINFO",
            signed_date="2 Maret 2026",
            roster=["Ketua : Kepala Dinas Komunikasi dan Informatika", "Anggota : 7 orang"],
        ).pages(),
        root / csirt,
    )
    c.label(
        "I12-L1-01",
        "diskominfo",
        "weak",
        "sk-csirt-as-capability",
        "an SK CSIRT offered as documentation of incident handling: an SK proves establishment "
        "only, not capability (and the IKASANDI score of the incident-handling area is I12-L1-02's)",
        [csirt],
        accept=NOT_COMPLETE,
    )
    ikasandi = f"{KOMINFO}/Keamanan/Hasil IKASANDI Penanganan Insiden 2024.pdf"
    write_pages(
        Paper(
            (
                "HASIL SELF-ASSESSMENT",
                "INDEKS KEAMANAN SIBER DAN SANDI (IKASANDI)",
                "AREA PENANGANAN INSIDEN SIBER",
            ),
            period="TAHUN 2024",
            place_date="Lembah Hijau, 28 Oktober 2024",
            paragraphs=["Nilai IKASANDI area Penanganan Insiden Siber: 1,21 (self-assessment)."],
        ).pages(),
        root / ikasandi,
    )
    c.label(
        "I12-L1-02",
        "diskominfo",
        "weak",
        "ikasandi-outdated",
        "an IKASANDI result of 2024: the assessors want one no older than about 12 months",
        [ikasandi],
        reasons=["outdated"],
    )
    c.label(
        "I12-L2-01",
        "diskominfo",
        "weak",
        "gated",
        "the signed SK CSIRT is the TTIS decree, but level 1 is incomplete: auto-rejected like "
        "Aceh Tengah's",
        [csirt],
        reasons=["gated"],
    )


def i13_i14_teknologi(c: Corpus, root: Path) -> None:
    kak = f"{KOMINFO}/Aplikasi/Dokumentasi Pengembangan SI-LAYAN.pdf"
    write_pages(
        Paper(
            ("DOKUMENTASI PENGEMBANGAN APLIKASI", "SISTEM INFORMASI LAYANAN TERPADU (SI-LAYAN)"),
            period="TAHUN 2026",
            paragraphs=[
                "Kerangka Acuan Kerja, konsultasi dengan unit TIK, notulensi dan kesepakatan "
                "kebutuhan, serta berita acara serah terima aplikasi terlampir.",
                "Siklus pengembangan: analisis kebutuhan, desain, pembangunan, uji, serah terima.",
            ],
        ).pages(),
        root / kak,
    )
    c.label(
        "I13-L1-01",
        "diskominfo",
        "complete",
        "true-complete-other",
        "documentation of an application's development (KAK, consultation, BA serah terima): "
        "Aceh Tengah's was accepted",
        [kak],
    )
    dpa = f"{KOMINFO}/Aplikasi/DPA Diskominfo 2026.pdf"
    write_pages(
        Paper(
            (
                "DOKUMEN PELAKSANAAN ANGGARAN",
                "SATUAN KERJA PERANGKAT DAERAH (DPA-SKPD)",
                "DINAS KOMUNIKASI DAN INFORMATIKA",
            ),
            period="TAHUN ANGGARAN 2026",
            paragraphs=[
                "Program Pengelolaan Informasi dan Komunikasi Publik. Sub Kegiatan : Pengelolaan "
                "Konten dan Perencanaan Media Komunikasi Publik - Rp 310.000.000,00.",
                "Program Penyelenggaraan Statistik Sektoral. Sub Kegiatan : Penyelenggaraan "
                "Statistik Sektoral - Rp 95.000.000,00.",
                "Program Penyelenggaraan Persandian. Sub Kegiatan : Pelaksanaan Keamanan "
                "Informasi - Rp 150.000.000,00.",
            ],
        ).pages(),
        root / dpa,
    )
    c.label(
        "I13-L1-02",
        "diskominfo",
        "weak",
        "rka-lacking-subactivity",
        "a DPA with no programme or sub-activity on application development: rejected as "
        "tidak tepat in Aceh Tengah",
        [dpa],
        accept=NOT_COMPLETE,
    )
    c.label(
        "I13-L1-03",
        "diskominfo",
        "missing",
        "siap-screenshot-of-another-item",
        "no screenshot of the application domain in SIAP Digital was uploaded; the SIAP Digital "
        "screenshot of the architecture's filling status (I1-L2-02) is not it",
        accept=("missing", "weak"),
    )
    sdlc = f"{KOMINFO}/Aplikasi/Dokumentasi SDLC SI-LAYAN (UAT dan Go-Live).pdf"
    write_pages(
        Paper(
            ("DOKUMENTASI SDLC APLIKASI", "SI-LAYAN: UJI PENERIMAAN PENGGUNA DAN GO-LIVE"),
            period="TAHUN 2026",
            paragraphs=[
                "Dokumentasi pembangunan dan pengembangan aplikasi: hasil UAT, uji beban, "
                "berita acara go-live dan notulensi kesepakatan dengan unit TIK.",
            ],
        ).pages(),
        root / sdlc,
    )
    c.label(
        "I13-L2-01",
        "diskominfo",
        "weak",
        "gated",
        "good level-2 development documentation while level 1 fails (the DPA lacks the "
        "application-development sub-activity)",
        [sdlc],
        reasons=["gated"],
    )
    pdn = f"{KOMINFO}/Infrastruktur/Dasbor PDN 2026-06-02.png"
    write_screenshot(
        root / pdn,
        heading=[
            "Pusat Data Nasional - Dasbor Pemanfaatan",
            "Instansi: Pemerintah Kabupaten Lembah Hijau",
            "Ekosistem pusat data yang dimanfaatkan",
        ],
        rows=[
            "Layanan IaaS : 14 VM aktif",
            "Kapasitas penyimpanan : 6,5 TB dari 8 TB",
            "Aplikasi ditempatkan : 22",
        ],
        url="https://layanan.pdn.komdigi.go.id/dashboard/instansi/kab-lembah-hijau",
        clock="14:05   02/06/2026",
    )
    c.label(
        "I14-L1-01",
        "diskominfo",
        "complete",
        "screenshot-with-url-date",
        "a dated screenshot of the PDN dashboard with the URL and the institution",
        [pdn],
    )
    c.label(
        "I14-L1-02",
        "diskominfo",
        "missing",
        "true-missing",
        "no screenshot of the Jaringan Intra in use was uploaded (Aceh Tengah: belum diunggah)",
    )


def i15_i16_keterpaduan(c: Corpus, root: Path) -> None:
    penjelasan = f"{ORGANISASI}/Arsitektur Proses Bisnis - Penjelasan Perbup.pdf"
    write_pages(
        [
            [
                title("PENJELASAN", 14),
                title("ATAS", 12),
                title("PERATURAN BUPATI LEMBAH HIJAU NOMOR 3 TAHUN 2021", 12),
                title("TENTANG", 12),
                title("ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", 12),
                body(
                    "I. UMUM. Arsitektur SPBE memuat domain proses bisnis, data dan informasi, "
                    "infrastruktur, aplikasi, keamanan dan layanan."
                ),
                body(
                    "II. PASAL DEMI PASAL. Pasal 1 cukup jelas. Pasal 5 ayat (2) yang dimaksud "
                    "dengan arsitektur proses bisnis adalah ..."
                ),
            ]
        ],
        root / penjelasan,
    )
    c.label(
        "I15-L1-01",
        "bag-organisasi",
        "weak",
        "perbup-for-siap-digital",
        "an explanation of the SPBE-architecture Perbup's articles offered for the business-process "
        "architecture in SIAP Digital: rejected in Aceh Tengah",
        [penjelasan],
        accept=NOT_COMPLETE,
    )
    report = Paper(
        ("LAPORAN PELAKSANAAN", "INTEGRASI APLIKASI"),
        period="TAHUN 2026",
        paragraphs=[
            "Matriks integrasi aplikasi: SI-LAYAN - SIAK (data kependudukan), SI-LAYAN - OSS "
            "(perizinan), e-Office - SRIKANDI.",
            "Bukti pertukaran data dan hasil uji integrasi terlampir.",
        ],
    )
    pdf = f"{KOMINFO}/Aplikasi/Laporan Integrasi Aplikasi 2026.pdf"
    docx = f"{KOMINFO}/Aplikasi/Laporan Integrasi Aplikasi 2026.docx"
    write_pages(report.pages(), root / pdf)
    write_docx(report.pages(), root / docx, stated_pages=9)
    c.label(
        "I16-L1-01",
        "diskominfo",
        "complete",
        "copies-across-formats",
        "the integration report uploaded as PDF and DOCX (the DOCX says 9 pages): one document",
        [pdf, docx],
    )
    matriks = f"{BPKAD}/Matriks Pemantauan Integrasi Aplikasi.pdf"
    write_pages(
        Paper(
            ("MATRIKS PEMANTAUAN", "INTEGRASI APLIKASI"),
            period="TRIWULAN II TAHUN 2026",
            paragraphs=["Aplikasi, mitra integrasi, status, tanggal uji: 12 baris."],
        ).pages(),
        root / matriks,
    )
    c.label(
        "I16-L1-02",
        "diskominfo",
        "weak",
        "misplaced-other-agency",
        "the integration monitoring matrix filed in BPKAD's folder, which owns no I16 item",
        [matriks],
        reasons=["misplaced"],
    )


def i17_portal(c: Corpus, root: Path) -> None:
    portal = f"{KOMINFO}/Layanan/Portal Layanan Digital.png"
    write_screenshot(
        root / portal,
        heading=[
            "LEMBAH HIJAU SATU PINTU",
            "Portal Layanan Digital Pemerintah Kabupaten Lembah Hijau",
            "Layanan berdasarkan siklus hidup",
        ],
        rows=[
            "Kelahiran : akta kelahiran, kartu identitas anak",
            "Pendidikan : pendaftaran sekolah, beasiswa daerah",
            "Usaha : perizinan berusaha, pengaduan",
        ],
        url="https://satupintu.lembahhijaukab.go.id/layanan",
    )
    c.label(
        "I17-L1-01",
        "diskominfo",
        "weak",
        "screenshot-without-date",
        "a screenshot of the portal with its URL and institution but no date: the assessors want "
        "a dated screenshot",
        [portal],
        reasons=["low-match"],
    )
    sk = f"{KOMINFO}/Layanan/SK Tim Penyusun Rencana Pemaduan Layanan.pdf"
    write_pages(
        Instrument(
            "Tim Penyusun Rencana Pemaduan Layanan Digital ke Portal Layanan Digital",
            form="KEPUTUSAN",
            issuer="KEPALA DINAS KOMUNIKASI DAN INFORMATIKA",
            number="000.8/131/DISKOMINFO",
            signed_date="3 Februari 2026",
            signer="Ir. BAMBANG SURYADI, M.T.",
            roster=["Ketua : Kepala Bidang Layanan E-Government", "Anggota : 6 orang"],
        ).pages(),
        root / sk,
    )
    c.label(
        "I17-L2-01",
        "diskominfo",
        "missing",
        "decree-topic-names-plan",
        "an SK forming the team that will write the plan is not the plan: the form is read from "
        "the head of the title, never from a word of its topic (a row with nothing that counts "
        "stays missing above an incomplete level)",
        [sk],
    )


def i19_i20_pengguna(c: Corpus, root: Path) -> None:
    sla = f"{KOMINFO}/Layanan/Keputusan Kadis SLA Layanan Digital (TTE).pdf"
    write_pages(
        Instrument(
            "Service Level Agreement Layanan Digital Pemerintah Kabupaten Lembah Hijau",
            form="KEPUTUSAN",
            issuer="KEPALA DINAS KOMUNIKASI DAN INFORMATIKA",
            number="000.8/112/DISKOMINFO",
            signed_date="27 Januari 2026",
            signer="Ir. BAMBANG SURYADI, M.T.",
            esign=True,
            roster=[
                "Layanan naskah dinas elektronik : ketersediaan 99%",
                "Layanan surel dinas : ketersediaan 99%",
                "Layanan perizinan daring : waktu tanggap 1 x 24 jam",
            ],
        ).pages(),
        root / sla,
    )
    c.label(
        "I19-L1-01",
        "diskominfo",
        "complete",
        "esign-banner",
        "an e-signed Keputusan on the SLA of digital services; the BSrE banner above the title is "
        "not the title",
        [sla],
    )
    daftar = f"{KOMINFO}/Layanan/Daftar SLA Layanan Digital.pdf"
    write_pages(
        [
            [
                title("DAFTAR SERVICE LEVEL AGREEMENT (SLA)", 14),
                title("LAYANAN DIGITAL PEMERINTAH KABUPATEN LEMBAH HIJAU", 12),
                body("No. Layanan - Target SLA - Penanggung Jawab"),
                *(
                    body(f"{i}. Layanan {name} - {target} - Diskominfo")
                    for i, (name, target) in enumerate(
                        [
                            ("naskah dinas elektronik", "99%"),
                            ("surel dinas", "99%"),
                            ("perizinan daring", "1 x 24 jam"),
                            ("pengaduan daring", "3 x 24 jam"),
                        ],
                        1,
                    )
                ),
            ]
        ],
        root / daftar,
    )
    c.label(
        "I19-L1-02",
        "diskominfo",
        "weak",
        "sla-list-for-dashboard",
        "a list of services with their SLA offered where the SLA monitoring dashboard is meant: "
        "rejected in Aceh Tengah",
        [daftar],
        accept=NOT_COMPLETE,
    )
    c.label(
        "I19-L2-01",
        "diskominfo",
        "missing",
        "gated-missing",
        "nothing uploaded for level 2: a row with no evidence stays missing even above an "
        "incomplete level",
    )
    skm = f"{DPMPTSP}/Laporan SKM DPMPTSP 2026.pdf"
    write_pages(
        Paper(
            ("LAPORAN HASIL", "SURVEI KEPUASAN MASYARAKAT (SKM)", "PELAYANAN PERIZINAN"),
            period="SEMESTER I TAHUN 2026",
            agency="DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
            paragraphs=[
                "Survei dilaksanakan dengan kuesioner tercetak kepada pemohon yang datang "
                "langsung ke loket Mal Pelayanan Publik. Indeks Kepuasan Masyarakat: 82,4.",
            ],
            signer_title="KEPALA DPMPTSP",
        ).pages(),
        root / skm,
    )
    c.label(
        "I20-L1-01",
        "dpmptsp",
        "weak",
        "general-skm-for-digital",
        "a general, offline SKM of the service counter offered as satisfaction with DIGITAL "
        "services: rejected by the internal audit and the assessors (the follow-up report of the "
        "digital survey is I20-L1-04's, not this row's)",
        [skm],
        accept=NOT_COMPLETE,
    )
    rekap = f"{DPMPTSP}/Rekap Transaksi Layanan Digital 2026.pdf"
    write_pages(
        Paper(
            ("REKAPITULASI JUMLAH TRANSAKSI", "LAYANAN DIGITAL"),
            period="JANUARI - DESEMBER 2026 (12 BULAN)",
            agency="DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
            paragraphs=[
                "Jumlah transaksi layanan digital per bulan selama 12 bulan: perizinan daring "
                "48.210, pengaduan daring 3.144, informasi layanan 12.930.",
            ],
            signer_title="KEPALA DPMPTSP",
        ).pages(),
        root / rekap,
    )
    c.label(
        "I20-L1-02",
        "dpmptsp",
        "complete",
        "true-complete-other",
        "twelve months of digital-service transactions",
        [rekap],
    )
    event = f"{DPMPTSP}/IMG_20260514_101233.jpg"
    write_event_photo(
        [
            "FORUM PELIBATAN KELOMPOK RENTAN",
            "PENGELOLAAN KEPUASAN PENGGUNA LAYANAN DIGITAL",
            "KABUPATEN LEMBAH HIJAU 2026",
        ],
        root / event,
    )
    c.label(
        "I20-L1-03",
        "bag-organisasi",
        "missing",
        "event-photo",
        "a photo of the event under its banner: no invitation, attendance list or minutes; a "
        "photo is never the document its banner names",
        [event],
    )
    tindak = f"{DPMPTSP}/Laporan Tindak Lanjut Survei Kepuasan Layanan Digital 2026.pdf"
    write_pages(
        Paper(
            ("LAPORAN TINDAK LANJUT", "HASIL SURVEI KEPUASAN PENGGUNA", "LAYANAN DIGITAL"),
            period="TAHUN 2026",
            agency="DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
            paragraphs=[
                "Tindak lanjut pengelolaan kepuasan pengguna: perbaikan formulir daring, "
                "penambahan kanal bantuan dan percepatan waktu tanggap.",
            ],
            signer_title="KEPALA DPMPTSP",
        ).pages(),
        root / tindak,
    )
    c.label(
        "I20-L1-04",
        "dpmptsp",
        "complete",
        "true-complete-report",
        "the follow-up report of the digital-service satisfaction survey",
        [tindak],
    )
    template = f"{DPMPTSP}/Contoh SK Tim Teknis Kepuasan Pengguna (Kab Sukamaju).pdf"
    write_pages(
        Instrument(
            "Tim Teknis Pengelolaan Pengalaman dan Kepuasan Pengguna Layanan Digital",
            region="SUKAMAJU",
            form="KEPUTUSAN",
            number="800/214/ORG",
            signed_date="4 Agustus 2026",
            signer="H. SUTRISNO, S.H.",
            roster=["Ketua : Asisten Administrasi Umum", "Anggota : 9 orang"],
        ).pages(),
        root / template,
    )
    c.label(
        "I20-L3-03",
        "dpmptsp",
        "weak",
        "other-region",
        "the neighbour Kabupaten Sukamaju's SK Tim Teknis, kept as a template: never this "
        "region's penetapan (the row is also above an incomplete level)",
        [template],
        reasons=["other-region"],
    )


# ---------------------------------------------------------------------------------------------
# The SPBE archive (map spbe-2020)


def spbe(c: Corpus) -> None:
    root = c.root / "spbe-2025"
    root.mkdir(parents=True, exist_ok=True)
    (root / "evidence-check.yaml").write_text(f"region: {REGION}\n", encoding="utf-8")
    kominfo, hukum, insp = "01. Diskominfo", "02. Bagian Hukum", "03. Inspektorat"

    label = partial(c.label, tree="spbe")
    perbup = partial(Instrument, year=SPBE_YEAR, signed_date="10 Maret 2025")

    path = f"{hukum}/Perbup 2 Tahun 2025 Arsitektur SPBE.pdf"
    write_pages(
        perbup(
            "Arsitektur Sistem Pemerintahan Berbasis Elektronik", number="2", spaced_head=True
        ).pages(),
        root / path,
    )
    label(
        "spbe01-l2-perbup",
        "diskominfo",
        "complete",
        "letter-spaced-title",
        "an enacted Perbup on the SPBE architecture whose head is set 'P E R A T U R A N   "
        "B U P A T I'",
        [path],
    )
    path = f"{hukum}/Perbup 3 Tahun 2025 Peta Rencana SPBE (TTE).pdf"
    write_pages(
        perbup(
            "Peta Rencana Sistem Pemerintahan Berbasis Elektronik", number="3", esign=True
        ).pages(),
        root / path,
    )
    label(
        "spbe02-l2-perbup",
        "diskominfo",
        "complete",
        "esign-banner",
        "an e-signed Perbup on the SPBE roadmap; the BSrE banner stands above its title",
        [path],
    )
    path = f"{hukum}/Perbup 4 Tahun 2025.pdf"
    write_pages(
        perbup(
            "Pencabutan Peraturan Bupati Nomor 5 Tahun 2019 tentang Manajemen Data", number="4"
        ).pages(),
        root / path,
    )
    for code in ("spbe03-l1-rancangan", "spbe03-l2-perbup"):
        label(
            code,
            "diskominfo",
            "missing",
            "revocation",
            "the only Perbup naming Manajemen Data revokes it: a revocation is never the "
            "instrument it revokes",
            [path],
            accept=["missing", "weak"],
        )
    path = f"{kominfo}/Perbup Pembangunan Aplikasi SPBE (contoh).pdf"
    write_pages(
        Instrument(
            "Pembangunan Aplikasi Sistem Pemerintahan Berbasis Elektronik",
            region="SUKAMAJU",
            province="JAWA TENGAH",
            number="21",
            year=2024,
            signed_date="2 September 2024",
            signer="H. SUTRISNO, S.H.",
        ).pages(),
        root / path,
    )
    label(
        "spbe04-l2-perbup",
        "diskominfo",
        "weak",
        "other-region",
        "the neighbour Kabupaten Sukamaju's Perbup, kept as a template: not this region's evidence",
        [path],
        reasons=["other-region"],
    )
    path = f"{hukum}/Perbup 6 Tahun 2025 Layanan Pusat Data.pdf"
    write_pages(
        perbup(
            "Penyelenggaraan Layanan Pusat Data",
            number="6",
            hyphen_break=("PENYELENGGARAAN", "PENYELENGGA", "-"),
        ).pages(),
        root / path,
    )
    label(
        "spbe05-l2-perbup",
        "diskominfo",
        "complete",
        "hyphenated-title",
        "an enacted Perbup on the data-centre service whose title breaks 'PENYELENGGA-' / 'RAAN'",
        [path],
    )
    path = f"{kominfo}/SK Tim Koordinasi SPBE 2025.pdf"
    write_pages(
        Instrument(
            "Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik",
            form="KEPUTUSAN",
            number="77",
            year=SPBE_YEAR,
            signed=False,
            roster=["Ketua : Sekretaris Daerah", "Sekretaris : Kepala Diskominfo"],
        ).pages(),
        root / path,
    )
    label(
        "spbe10-l2-keputusan",
        "diskominfo",
        "weak",
        "unsigned-decree",
        "a numbered Keputusan whose ratification block (Ditetapkan di ... pada tanggal ... "
        "BUPATI) is missing",
        [path],
        reasons=["unsigned"],
    )
    keamanan = f"{insp}/LHA Audit Keamanan SPBE pada Aplikasi 2025.pdf"
    write_pages(
        Paper(
            ("LAPORAN HASIL AUDIT", "KEAMANAN SPBE PADA APLIKASI SIMPEG DAN E-PLANNING"),
            period="TAHUN 2025",
            agency="INSPEKTORAT DAERAH",
            place_date="Lembah Hijau, 20 Oktober 2025",
            paragraphs=["Uji penetrasi dan penilaian kerentanan pada dua aplikasi."],
            signer_title="INSPEKTUR DAERAH",
        ).pages(),
        root / keamanan,
    )
    label(
        "spbe31-l1-laporan",
        "diskominfo",
        "complete",
        "word-order-sibling",
        "a 2025 report of a security audit (Audit Keamanan SPBE pada Aplikasi)",
        [keamanan],
    )
    aplikasi = f"{insp}/LHA Audit Aplikasi SPBE 2021.pdf"
    write_pages(
        Paper(
            ("LAPORAN HASIL AUDIT", "APLIKASI SPBE"),
            period="TAHUN 2021",
            agency="INSPEKTORAT DAERAH",
            place_date="Lembah Hijau, 8 November 2021",
            paragraphs=["Audit aplikasi dilaksanakan pada aplikasi SIMPEG tahun 2021."],
            signer_title="INSPEKTUR DAERAH",
        ).pages(),
        root / aplikasi,
    )
    label(
        "spbe30-l1-laporan",
        "diskominfo",
        "weak",
        "word-order-sibling",
        "the only application audit is from 2021 (outdated); the 2025 'Audit Keamanan SPBE pada "
        "Aplikasi' is the security audit's, not an 'Audit Aplikasi SPBE'",
        [aplikasi, keamanan],
        reasons=["outdated"],
    )
    minutes = Meeting(
        "NOTULEN RAPAT",
        "Rapat Tim Koordinasi SPBE Kabupaten Lembah Hijau",
        date="Senin, 17 Februari 2025",
    ).pages()
    pdf, docx = (
        f"{kominfo}/Notulen Rapat Tim Koordinasi SPBE Feb 2025.{s}" for s in ("pdf", "docx")
    )
    write_pages(minutes, root / pdf)
    write_docx(minutes, root / docx, stated_pages=3)
    label(
        "spbe19-l2-notulen",
        "diskominfo",
        "weak",
        "copies-across-formats",
        "two meetings are asked; one meeting's minutes uploaded as PDF and DOCX (whose metadata "
        "says 3 pages) is one document",
        [pdf, docx],
        reasons=["too-few"],
    )


def build(outdir: Path) -> list[Label]:
    """Write both trees and labels.json under `outdir`; return the labels."""
    corpus = Corpus(outdir)
    pemdi(corpus)
    spbe(corpus)
    write_labels(corpus.labels, outdir / "labels.json")
    return corpus.labels


def labels_document(labels: Sequence[Label]) -> dict[str, object]:
    return {
        "corpus": "Kabupaten Lembah Hijau (fictional), built by scripts/make_labelled.py",
        "region": REGION,
        "trees": {
            "pemdi": {"path": "pemdi", "map": None, "evidence_year": YEAR},
            "spbe": {"path": "spbe-2025", "map": "spbe-2020", "evidence_year": SPBE_YEAR},
        },
        "labels": [label.as_json() for label in labels],
    }


def write_labels(labels: Sequence[Label], path: Path) -> None:
    text = json.dumps(labels_document(labels), ensure_ascii=False, indent=1) + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    outdir = Path(argv[1])
    outdir.mkdir(parents=True, exist_ok=True)
    labels = build(outdir)
    print(f"{outdir}: {len(labels)} labelled rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
