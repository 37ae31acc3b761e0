"""Probe corpus: the Pemdi 2026 evidence of a fictional KOTA Pasir Wangi (Kalimantan Timur).

Built to find where evidence-check's judgement goes wrong on documents it was NOT tuned on
(scripts/make_labelled.py is the tuned corpus). A kota, so "Peraturan/Keputusan Wali Kota", a
"PEMERINTAH KOTA" letterhead, OPD folders named as a kota names them, and the traps of the domain
notes (shared/domain/README.md, pemdi_2026.md) in new variants. The expected status of each row
was written down FROM THE DOMAIN NOTES before the audit was run: OUTDIR/labels.json.

Usage: python scripts/probe_region.py OUTDIR
Then:  PYTHONPATH=. .venv/bin/python -m evidence_check audit OUTDIR/tree --format json \
           --output OUT.json --no-cache --no-history
       python scripts/probe_region.py --score OUTDIR OUT.json
       (the isolating variants: audit OUTDIR/variants, then
        --score OUTDIR VAR.json variants-labels.json)
"""

from __future__ import annotations

import sys
from pathlib import Path

import probe_labels
from docgen_real import (
    Line,
    Meeting,
    Page,
    blank,
    body,
    centred,
    title,
    write_bundle,
    write_docx,
    write_event_photo,
    write_pages,
    write_scan,
    write_screenshot,
)
from probe_labels import label

KOTA = "PASIR WANGI"
PROV = "KALIMANTAN TIMUR"
WALI = "H. MUHAMMAD RIZAL EFFENDI, S.E., M.M."

KOMINFO = "DINAS KOMUNIKASI DAN INFORMATIKA"
BAPPEDA = "Bappelitbangda"
ORGANISASI = "Sekretariat Daerah - Bagian Organisasi"
HUKUM = "Sekretariat Daerah - Bagian Hukum"
INSPEKTORAT = "INSPEKTORAT KOTA PASIR WANGI"
BKPSDM = "BKPSDM Kota"
DPMPTSP = "DPMPTSP"
DISHUB = "Dinas Perhubungan"

# ---------------------------------------------------------------------------------------------
# Builders for a kota (docgen_real's Instrument/Paper print "KABUPATEN")


def kota_instrument(
    *,
    form: str,
    issuer: str,
    number: str,
    year: int,
    topic: list[str],
    signed_date: str | None,
    signer: str = WALI,
    dictum: list[str] | None = None,
    roster: list[str] | None = None,
    head_mark: str | None = None,
    salinan: bool = True,
    region: str = KOTA,
    kind: str = "KOTA",
    number_line: str | None = None,
    pasal: int = 0,
) -> list[Page]:
    """A Peraturan/Keputusan Wali Kota (issuer 'WALI KOTA') or of an office head."""
    first: Page = []
    if head_mark:
        first.append(Line(head_mark, 12, True, "R"))
    elif salinan:
        first.append(Line("SALINAN", 10, True, "L"))
    if issuer == "WALI KOTA":
        head_issuer = f"WALI KOTA {region}" if kind == "KOTA" else f"BUPATI {region}"
        first += [title(head_issuer, 13), title(f"PROVINSI {PROV}", 13)]
    else:
        office = issuer.removeprefix("KEPALA ").replace("SEKRETARIS", "SEKRETARIAT")
        first += [
            title(f"PEMERINTAH {kind} {region}", 13),
            title(office, 13),
            centred(f"Jalan Jenderal Sudirman Nomor 1 {region.title()} 75111", 9),
        ]
        head_issuer = f"{issuer} {kind} {region}"
    head = f"{form} {head_issuer}"
    nline = number_line or (
        f"NOMOR {number} TAHUN {year}" if form == "PERATURAN" else f"NOMOR {number}"
    )
    first += [
        blank(),
        title(head),
        title(nline, 12),
        blank(),
        title("TENTANG", 12),
        *(title(t, 12) for t in topic),
        blank(),
        title("DENGAN RAHMAT TUHAN YANG MAHA ESA", 11),
        blank(),
        title(f"{head_issuer},", 11),
        blank(),
        body(
            f"Menimbang : a. bahwa dalam rangka {' '.join(topic).lower()} di lingkungan "
            f"Pemerintah {kind.title()} {region.title()} perlu ditetapkan pengaturan;"
        ),
        body(
            "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu "
            f"menetapkan {head.title()} tentang {' '.join(topic).title()};"
        ),
        body("Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;"),
        body(
            "2. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis "
            "Elektronik;"
        ),
        body(
            "3. Peraturan Presiden Nomor 82 Tahun 2023 tentang Percepatan Transformasi "
            "Digital dan Keterpaduan Layanan Digital Nasional;"
        ),
        blank(),
        title("MEMUTUSKAN:", 11),
        body(f"Menetapkan : {head} TENTANG {' '.join(topic)}."),
    ]
    pages = [first]
    closing: Page = []
    if form == "PERATURAN":
        for chap in range(max(1, pasal // 3)):
            page: Page = [
                title(f"BAB {chap + 1}", 11),
                title("KETENTUAN UMUM" if chap == 0 else "PELAKSANAAN", 11),
            ]
            for a in range(3):
                page += [
                    centred(f"Pasal {chap * 3 + a + 1}"),
                    body(
                        "Penyelenggaraan dilaksanakan oleh Perangkat Daerah sesuai tugas dan "
                        "fungsinya, dikoordinasikan oleh Dinas Komunikasi dan Informatika."
                    ),
                ]
            pages.append(page)
        closing += [
            centred(f"Pasal {pasal + 1}"),
            body(f"{head.title()} ini mulai berlaku pada tanggal diundangkan."),
        ]
    else:
        for d in dictum or [
            "KESATU : Membentuk Tim dengan susunan keanggotaan sebagaimana tercantum dalam "
            "Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
            "KEDUA : Tim bertugas sebagaimana diuraikan dalam Lampiran dan melaporkan hasilnya.",
            "KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan.",
        ]:
            closing.append(body(d))
    closing.append(blank())
    closing += [
        Line(f"Ditetapkan di {region.title()}", 11, False, "R"),
        Line(f"pada tanggal {signed_date or ''}".rstrip(), 11, False, "R"),
        Line(f"{head_issuer},", 11, True, "R"),
    ]
    if signed_date:
        closing += [Line("ttd", 11, False, "R"), Line(signer, 11, True, "R")]
        if form == "PERATURAN":
            closing += [
                blank(),
                body(f"Diundangkan di {region.title()}"),
                body(f"pada tanggal {signed_date}"),
                body(f"SEKRETARIS DAERAH {kind} {region},"),
                body("ttd"),
                body("Drs. ANDI MAPPANGARA, M.Si."),
                blank(),
                body(f"BERITA DAERAH {kind} {region} TAHUN {year} NOMOR {number}"),
            ]
    pages.append(closing)
    if roster:
        annex: Page = [
            Line(f"LAMPIRAN {head}", 10),
            Line(nline, 10),
            Line(f"TENTANG {' '.join(topic)}", 10),
            blank(),
            title("SUSUNAN KEANGGOTAAN", 11),
        ]
        annex += [body(f"{i}. {m}") for i, m in enumerate(roster, 1)]
        pages.append(annex)
    return pages


def kota_paper(
    heading: list[str],
    period: str,
    agency: str,
    paragraphs: list[str],
    *,
    place_date: str = "Pasir Wangi, 20 Juli 2026",
    signer_title: str | None = None,
    mark: str | None = None,
    region: str = KOTA,
    kind: str = "KOTA",
    extra_pages: list[Page] | None = None,
) -> list[Page]:
    cover: Page = [Line(mark, 12, True, "R")] if mark else []
    cover += [title(t, 15 if i == 0 else 13) for i, t in enumerate(heading)]
    cover += [
        title(period, 12),
        blank(),
        centred(f"PEMERINTAH {kind} {region}", 12),
        centred(agency, 12),
    ]
    text: Page = [title("BAB I PENDAHULUAN", 12), *(body(p) for p in paragraphs)]
    sign: Page = [
        blank(),
        Line(place_date, 11, False, "R"),
        Line(f"{signer_title or 'KEPALA ' + agency},", 11, True, "R"),
        Line("ttd", 11, False, "R"),
        Line("Ir. SYAHRUL RAMADHAN, M.T.", 11, True, "R"),
        Line("NIP. 19750921 200003 1 002", 11, False, "R"),
    ]
    return [cover, *(extra_pages or []), text + sign]


def kota_meeting(
    sheet: str,
    subject: str,
    date: str,
    *,
    office: str = KOMINFO,
    code: str = "DISKOMINFO",
    points: list[str] | None = None,
) -> list[Page]:
    m = Meeting(
        sheet,
        subject,
        date=date,
        place=f"Ruang Rapat Balai Kota {KOTA.title()}",
        region=KOTA,
        office=office,
        office_code=code,
        points=points or (),
        chair="Asisten Administrasi Umum Sekretariat Daerah",
    )
    pages = m.pages()
    # the Meeting builder prints KABUPATEN / Lembah Hijau: make it a kota's
    fixed = []
    for page in pages:
        fixed.append(
            [
                Line(
                    ln.text.replace("KABUPATEN", "KOTA")
                    .replace("Kabupaten", "Kota")
                    .replace("Lembah Hijau", "Pasir Wangi")
                    .replace("Jalan Pemuda Nomor 7", "Jalan Jenderal Sudirman Nomor 1"),
                    ln.size,
                    ln.bold,
                    ln.align,
                )
                for ln in page
            ]
        )
    return fixed


def table_page(head: str, rows: list[str]) -> Page:
    return [title(head, 12), *(body(r) for r in rows)]


# ---------------------------------------------------------------------------------------------


def build(tree: Path) -> None:
    tree.mkdir(parents=True, exist_ok=True)
    (tree / "evidence-check.yaml").write_text("region: Kota Pasir Wangi\n", encoding="utf-8")

    # --- I4 Kolaborasi: all of level 1, then a level-2 draft PKS ---------------------------
    f = f"{ORGANISASI}/SK Tim SPBE 2024.pdf"
    write_pages(
        kota_instrument(
            form="KEPUTUSAN",
            issuer="WALI KOTA",
            number="100.3.3.2/118/HK/2024",
            year=2024,
            topic=["TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", "KOTA PASIR WANGI"],
            signed_date="3 Juni 2024",
            roster=[
                "Pengarah : Wali Kota Pasir Wangi",
                "Ketua : Sekretaris Daerah",
                "Sekretaris : Kepala Dinas Komunikasi dan Informatika",
                "Anggota : Kepala Bappelitbangda, Inspektur, Kepala Bagian Organisasi",
            ],
        ),
        tree / f,
    )
    label(
        "I4-L1-01",
        "diskominfo",
        "complete",
        "Kepwal Tim Koordinasi SPBE 2024, enacted, in Bag. Organisasi (an owner); note 10: SPBE/"
        "Pemdi synonyms; enacted decrees have no age limit",
        [f],
    )

    f = f"{ORGANISASI}/Rencana Aksi Kolaborasi Antar PD 2026.docx"
    write_docx(
        kota_paper(
            [
                "RENCANA AKSI KOLABORASI ANTAR PERANGKAT DAERAH",
                "DALAM PENYELENGGARAAN PEMERINTAH DIGITAL",
            ],
            "TAHUN 2026",
            "BAGIAN ORGANISASI",
            [
                "Rencana aksi ini memuat substansi Rencana Aksi Nasional Pemerintah Digital (RAN Pemdi) "
                "dalam perencanaan: kolaborasi Dinas Komunikasi dan Informatika, DPMPTSP dan Disdukcapil "
                "pada layanan perizinan terintegrasi.",
                "Kegiatan kolaborasi dianggarkan pada sub kegiatan Koordinasi dan Sinkronisasi "
                "Penyelenggaraan SPBE.",
            ],
            signer_title="KEPALA BAGIAN ORGANISASI",
        ),
        tree / f,
    )
    label(
        "I4-L1-02",
        "bag-organisasi",
        "complete",
        "a collaboration plan across OPD that names the RAN Pemdi substance (note 4); "
        "'Antar' for 'Lintas' is a synonym",
        [f],
    )

    f = f"{ORGANISASI}/Dokumentasi Rapat Kolaborasi.pdf"
    subj = "Rapat Kolaborasi Antar Perangkat Daerah Layanan Perizinan Terintegrasi"
    write_scan(
        [
            *kota_meeting(
                "UNDANGAN", subj, "Rabu, 10 Juni 2026", office="SEKRETARIAT DAERAH", code="ORG"
            ),
            *kota_meeting("DAFTAR HADIR", subj, "Rabu, 10 Juni 2026"),
            *kota_meeting("NOTULEN RAPAT", subj, "Rabu, 10 Juni 2026"),
        ],
        tree / f,
    )
    label(
        "I4-L1-03",
        "bag-organisasi",
        "complete",
        "scanned bundle: undangan + daftar hadir + notulen of a 2026 collaboration meeting",
        [f],
    )

    f = f"{ORGANISASI}/PKS Pemkot - BPS (final).pdf"
    pks: Page = [
        Line("DRAFT", 16, True, "C"),
        title("PERJANJIAN KERJA SAMA", 14),
        title("ANTARA", 12),
        title("PEMERINTAH KOTA PASIR WANGI", 12),
        title("DENGAN", 12),
        title("BADAN PUSAT STATISTIK KOTA PASIR WANGI", 12),
        title("NOMOR : ......../PKS/......../2026", 11),
        title("NOMOR : ......../BPS/......../2026", 11),
        blank(),
        title("TENTANG", 12),
        title("PEMANFAATAN DAN PERTUKARAN DATA STATISTIK SEKTORAL", 12),
        blank(),
        body(
            "Pada hari ini ........ tanggal ........ bulan ........ tahun Dua Ribu Dua Puluh "
            "Enam, yang bertanda tangan di bawah ini: Wali Kota Pasir Wangi selaku PIHAK "
            "PERTAMA dan Kepala BPS Kota Pasir Wangi selaku PIHAK KEDUA, sepakat "
            "mengadakan Perjanjian Kerja Sama tentang pertukaran data antar instansi."
        ),
        body("Pasal 1 Maksud dan Tujuan ... Pasal 2 Ruang Lingkup ..."),
    ]
    write_pages(
        [
            pks,
            [
                body("PIHAK PERTAMA,"),
                body("WALI KOTA PASIR WANGI"),
                body("(.............)"),
                body("PIHAK KEDUA,"),
                body("KEPALA BPS KOTA PASIR WANGI"),
                body("(.............)"),
            ],
        ],
        tree / f,
    )
    label(
        "I4-L2-02",
        "bag-organisasi",
        "weak",
        "a PKS with DRAFT over the title and blank numbers/dates (traps: 'NOMOR ... XXX'), never "
        "signed; file name says '(final)'. Not a concluded agreement",
        [f],
        reasons=("draft",),
    )

    # --- I9 Audit ----------------------------------------------------------------------------
    f = f"{INSPEKTORAT}/scan0001.pdf"
    write_scan(
        kota_instrument(
            form="KEPUTUSAN",
            issuer="SEKRETARIS DAERAH",
            number="700.1/12/ITKO/2026",
            year=2026,
            topic=[
                "TIM AUDIT KEAMANAN DAN TEKNOLOGI",
                "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
                "KOTA PASIR WANGI TAHUN 2026",
            ],
            signed_date="12 Februari 2026",
            signer="Drs. ANDI MAPPANGARA, M.Si.",
            salinan=False,
            roster=["Ketua : Inspektur Kota", "Anggota : Auditor Ahli Madya", "Anggota : Sandiman"],
        ),
        tree / f,
    )
    label(
        "I9-L1-01",
        "inspektorat",
        "complete",
        "good document, bad name: scanned Keputusan Sekda (Koordinator) on the Tim Audit Keamanan "
        "dan Teknologi SPBE, enacted; scan0001.pdf",
        [f],
    )

    f = f"{INSPEKTORAT}/Rencana Audit TIK 2026.pdf"
    write_pages(
        kota_paper(
            ["RENCANA AUDIT KEAMANAN DAN TEKNOLOGI", "PEMERINTAH DIGITAL"],
            "TAHUN 2026",
            "INSPEKTORAT",
            [
                "Ruang lingkup: aplikasi SIPAWANG dan pusat data. Jadwal: Agustus-Oktober "
                "2026. Tim: sesuai Keputusan Sekretaris Daerah."
            ],
            signer_title="INSPEKTUR",
            mark="KONSEP",
        ),
        tree / f,
    )
    label(
        "I9-L1-02",
        "inspektorat",
        "weak",
        "a KONSEP (draft) audit plan; note 8: drafts are accepted only where the item asks for one"
        " (I9-L1-02 does not)",
        [f],
        reasons=("draft",),
    )

    # --- I10 / I11 / I12 Keamanan -------------------------------------------------------------
    f = f"{KOMINFO}/Keamanan/Hasil IKASANDI Keamanan Siber 2026.pdf"
    write_pages(
        kota_paper(
            ["LAPORAN HASIL PENILAIAN", "INDEKS KEAMANAN INFORMASI (INDEKS KAMI)"],
            "TAHUN 2026",
            KOMINFO,
            [
                "Hasil penilaian mandiri Indeks KAMI versi 5.0 pada Dinas Komunikasi dan "
                "Informatika: skor 512, kategori Cukup Baik. Area: tata kelola, risiko, kerangka "
                "kerja, pengelolaan aset, teknologi, keamanan siber pihak ketiga."
            ],
        ),
        tree / f,
    )
    label(
        "I10-L1-01",
        "diskominfo",
        "weak",
        "named IKASANDI, content is an Indeks KAMI result: note 3 'An Indeks KAMI 2023 result was "
        "rejected'; traps 'files whose name promises ... but hold something else'",
        [f],
        accept=("weak", "missing"),
    )

    f = f"{KOMINFO}/Keamanan/scan0007.pdf"
    write_scan(
        kota_paper(
            [
                "LAPORAN AWAL PENERAPAN TEKNOLOGI KRIPTOGRAFI",
                "DAN INVENTARISASI ASET YANG DIENKRIPSI",
            ],
            "TAHUN 2026",
            KOMINFO,
            [
                "Aset yang dienkripsi: basis data kependudukan, surel dinas, "
                "naskah dinas elektronik (TTE BSrE). Sesuai Kepka BSSN 443/2025."
            ],
        ),
        tree / f,
    )
    label("I11-L1-01", "diskominfo", "complete", "scanned report with a meaningless name", [f])

    f = f"{KOMINFO}/Keamanan/Lap Insiden Siber Smt I 2026.pdf"
    write_pages(
        kota_paper(
            ["LAPORAN DAN REGISTER PENANGANAN INSIDEN SIBER"],
            "SEMESTER I TAHUN 2026",
            KOMINFO,
            [
                "Register insiden: 14 insiden (defacement 3, phishing 9, malware 2), seluruhnya "
                "ditangani oleh PasirWangi-CSIRT."
            ],
        ),
        tree / f,
    )
    label("I12-L1-01", "diskominfo", "complete", "true complete", [f])

    f = f"{KOMINFO}/Keamanan/Self Assessment IKASANDI Penanganan Insiden 2026.pdf"
    write_pages(
        kota_paper(
            ["HASIL SELF-ASSESSMENT IKASANDI", "AREA PENANGANAN INSIDEN SIBER"],
            "TAHUN 2026",
            KOMINFO,
            [
                "Nilai area Penanganan Insiden Siber: 2,14 (self-assessment, belum "
                "terverifikasi BSSN)."
            ],
        ),
        tree / f,
    )
    label("I12-L1-02", "diskominfo", "complete", "true complete", [f])

    f = f"{KOMINFO}/Keamanan/Kepwal CSIRT 2026.pdf"
    write_pages(
        kota_instrument(
            form="KEPUTUSAN",
            issuer="WALI KOTA",
            number="100.3.3.2/207/HK/2026",
            year=2026,
            topic=[
                "PEMBENTUKAN TIM TANGGAP INSIDEN SIBER",
                "(COMPUTER SECURITY INCIDENT RESPONSE TEAM)",
                "KOTA PASIR WANGI",
            ],
            signed_date=None,
            roster=["Ketua : Kepala Dinas Komunikasi dan Informatika", "Anggota : Sandiman"],
        ),
        tree / f,
    )
    label(
        "I12-L2-01",
        "diskominfo",
        "weak",
        "Kepwal CSIRT with a number but 'pada tanggal' blank, no ttd and no name under WALI KOTA: "
        "not enacted (note 8: TTIS needs an enacted decree)",
        [f],
        reasons=("unsigned",),
        accept=("weak",),
    )

    # --- I13 Aplikasi --------------------------------------------------------------------------
    f = f"{KOMINFO}/Aplikasi/KAK dan BAST SIPAWANG.pdf"
    kak = kota_paper(
        ["KERANGKA ACUAN KERJA (KAK)", "PENGEMBANGAN APLIKASI PERIZINAN SIPAWANG"],
        "TAHUN ANGGARAN 2026",
        KOMINFO,
        [
            "Latar belakang, maksud dan tujuan, ruang lingkup pengembangan aplikasi, "
            "keluaran, jadwal dan tenaga ahli."
        ],
    )
    bast: Page = [
        title("BERITA ACARA SERAH TERIMA PEKERJAAN", 14),
        title("NOMOR : 027/88/BAST/DISKOMINFO/2026", 11),
        blank(),
        body(
            "Pada hari ini Senin tanggal dua puluh tujuh bulan Juli tahun dua ribu dua "
            "puluh enam, telah diserahterimakan hasil pekerjaan Pengembangan Aplikasi "
            "Perizinan SIPAWANG beserta kode sumber dan dokumentasi."
        ),
        body("PIHAK PERTAMA ttd ... PIHAK KEDUA ttd ..."),
    ]
    write_bundle([kak, [bast]], tree / f)
    label("I13-L1-01", "diskominfo", "complete", "bundle KAK + BAST of an app development", [f])

    f = f"{KOMINFO}/Aplikasi/DPA 2026 Diskominfo.pdf"
    dpa_cover: Page = [
        title("DOKUMEN PELAKSANAAN ANGGARAN", 14),
        title("SATUAN KERJA PERANGKAT DAERAH", 13),
        title("(DPA-SKPD)", 12),
        title("TAHUN ANGGARAN 2026", 12),
        blank(),
        centred("PEMERINTAH KOTA PASIR WANGI", 12),
        centred(KOMINFO, 12),
        body("Urusan Pemerintahan : 2.16 Urusan Pemerintahan Bidang Komunikasi dan Informatika"),
    ]
    dpa_p2 = table_page(
        "RINCIAN BELANJA",
        [
            "2.16.02.1.01 Pengelolaan Informasi dan Komunikasi Publik Pemerintah Daerah Kota",
            "2.16.02.1.01.0001 Perumusan Kebijakan Teknis di Bidang Informasi dan Komunikasi Publik "
            "Rp 125.000.000",
            "2.16.02.1.01.0004 Pengelolaan Media Komunikasi Publik Rp 340.000.000",
        ],
    )
    dpa_p3 = table_page(
        "RINCIAN BELANJA (lanjutan)",
        [
            "2.16.03.1.02 Pengelolaan e-Government di Lingkup Pemerintah Daerah Kota",
            "2.16.03.1.02.0003 Pengembangan Aplikasi dan Proses Bisnis Pemerintahan Berbasis "
            "Elektronik Rp 780.000.000",
            "2.16.03.1.02.0005 Penyelenggaraan Sistem Jaringan Intra "
            "Pemerintah Daerah Rp 410.000.000",
        ],
    )
    dpa_p4 = [
        body("Pasir Wangi, 2 Januari 2026"),
        body("PENGGUNA ANGGARAN ttd"),
        body("Disahkan oleh PPKD"),
    ]
    write_scan([dpa_cover, dpa_p2, dpa_p3, dpa_p4], tree / f)
    label(
        "I13-L1-02",
        "diskominfo",
        "complete",
        "scanned 4-page DPA; the application-development sub-activity is on page 3 only (note 4: "
        "search the budget for the sub-activity)",
        [f],
    )

    f = f"{KOMINFO}/Aplikasi/SS SIAP Digital Domain Aplikasi.png"
    write_screenshot(
        tree / f,
        heading=[
            "SIAP Digital",
            "Arsitektur Teknologi - Domain Aplikasi",
            "Pemerintah Kota Pasir Wangi",
        ],
        rows=[
            "Aplikasi Layanan Publik: 24",
            "Aplikasi Administrasi Pemerintahan: 31",
            "SIPAWANG - Perizinan - Aktif",
        ],
        url="https://siapdigital.menpan.go.id/arsitektur/aplikasi",
        clock="10:42  18/06/2026",
    )
    label(
        "I13-L1-03", "diskominfo", "complete", "SIAP Digital screenshot with URL, date, name", [f]
    )

    # --- I14 Infrastruktur -------------------------------------------------------------------
    f = f"{KOMINFO}/Infrastruktur/Dasbor PDN 2026.png"
    write_screenshot(
        tree / f,
        heading=["Dasbor Pemanfaatan Pusat Data Nasional Sementara", "Ringkasan Tenant"],
        rows=["VM aktif: 18", "vCPU: 72  RAM: 288 GB", "Storage: 6,4 TB", "Layanan: 11 aplikasi"],
        url="https://pdns.komdigi.go.id/dashboard",
        clock="08:15  03/06/2026",
    )
    label(
        "I14-L1-01",
        "diskominfo",
        "weak",
        "URL and date but NO institution name anywhere: note 6 'Screenshots need a URL, a date and "
        "the name of the institution'",
        [f],
        accept=("weak",),
    )

    # --- I16 Integrasi -------------------------------------------------------------------------
    f = f"{KOMINFO}/Aplikasi/Laporan Integrasi Aplikasi 2026.pdf"
    write_pages(
        kota_meeting(
            "UNDANGAN",
            "Rapat Pembahasan Integrasi Aplikasi SIPAWANG dengan OSS RBA",
            "Kamis, 9 Juli 2026",
        ),
        tree / f,
    )
    label(
        "I16-L1-01",
        "diskominfo",
        "weak",
        "file named as the report, content is only an invitation letter (traps: a name that "
        "promises X holding something else); an invitation counts only for meeting items",
        [f],
        accept=("weak", "missing"),
    )

    # --- I17 Portal --------------------------------------------------------------------------
    f = f"{KOMINFO}/Layanan/Portal Layanan 2026-06-22.png"
    write_screenshot(
        tree / f,
        heading=["Portal Layanan Digital Pemerintah Kota Pasir Wangi", "Layanan Terpadu"],
        rows=["Perizinan (SIPAWANG)", "Kependudukan", "Pengaduan (SP4N-LAPOR!)"],
        url="https://layanan.pasirwangikota.go.id",
        clock="13:05  22/06/2026",
    )
    label("I17-L1-01", "diskominfo", "complete", "portal screenshot with URL, date, name", [f])

    # --- I19 Dukungan pengguna -------------------------------------------------------------------
    f = f"{KOMINFO}/Layanan/SK Kadis STL 2026.pdf"
    write_pages(
        kota_instrument(
            form="KEPUTUSAN",
            issuer="KEPALA DINAS KOMUNIKASI DAN INFORMATIKA",
            number="000.8.3/27/DISKOMINFO/2026",
            year=2026,
            topic=["STANDAR TINGKAT LAYANAN", "(SERVICE LEVEL AGREEMENT)", "LAYANAN DIGITAL"],
            signed_date="5 Januari 2026",
            signer="Ir. SYAHRUL RAMADHAN, M.T.",
            dictum=[
                "KESATU : Menetapkan Standar Tingkat Layanan sebagaimana tercantum dalam Lampiran.",
                "KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan.",
            ],
        ),
        tree / f,
    )
    label("I19-L1-01", "diskominfo", "complete", "Kepala Dinas decree on SLA, synonym wording", [f])

    f = f"{KOMINFO}/Layanan/Dasbor SLA 2026-07-14.png"
    write_screenshot(
        tree / f,
        heading=["Dasbor Pemantauan SLA Layanan Digital", "Pemerintah Kota Pasir Wangi"],
        rows=[
            "Proses: Permohonan izin - SLA 99,0% - capaian 99,3%",
            "Proses: Pengaduan - SLA 99,0% - capaian 98,7%",
        ],
        url="https://sla.pasirwangikota.go.id/dashboard",
        clock="09:12  14/07/2026",
    )
    label("I19-L1-02", "diskominfo", "complete", "SLA monitoring dashboard screenshot", [f])

    f = f"{KOMINFO}/Layanan/Helpdesk Ticketing 2026.png"
    write_screenshot(
        tree / f,
        heading=[
            "Helpdesk Layanan Digital - Pemerintah Kabupaten Pasir Wangi",
            "Dasbor Tiket dan Pemenuhan SLA",
        ],
        rows=["Tiket masuk: 412", "Tiket selesai sesuai SLA: 97,8%"],
        url="https://helpdesk.pasirwangikab.go.id",
        clock="11:20  15/07/2026",
    )
    label(
        "I19-L2-01",
        "diskominfo",
        "weak",
        "helpdesk of the KABUPATEN Pasir Wangi (a different region with the same name as the "
        "kota, like Kab./Kota Bogor): another region's system",
        [f],
        reasons=("other-region",),
    )

    # --- I2 Manajemen, I1 Tata kelola ---------------------------------------------------------
    f = f"{KOMINFO}/Laporan Manajemen Layanan Digital Smt I.pdf"
    write_pages(
        kota_paper(
            ["LAPORAN PELAKSANAAN", "MANAJEMEN LAYANAN DIGITAL"],
            "SEMESTER I TAHUN 2024",
            KOMINFO,
            ["Laporan ini memuat pelaksanaan manajemen layanan digital Januari-Juni 2024."],
            place_date="Pasir Wangi, 8 Juli 2024",
        ),
        tree / f,
    )
    label(
        "I2-L1-02",
        "diskominfo",
        "weak",
        "the Jan-Jun report is of 2024 (item asks Jan-Jun 2026; max age 1)",
        [f],
        reasons=("outdated",),
    )

    f = f"{KOMINFO}/Renja Diskominfo 2026.pdf"
    write_pages(
        kota_paper(
            ["RENCANA KERJA (RENJA)", "DINAS KOMUNIKASI DAN INFORMATIKA"],
            "TAHUN 2026",
            KOMINFO,
            [
                "Program Penyelenggaraan Statistik Sektoral: pengumpulan dan pengolahan data statistik "
                "sektoral.",
                "Program Penyelenggaraan Persandian untuk Pengamanan Informasi: pengamanan "
                "informasi dan persandian.",
                "Program Informasi dan Komunikasi Publik: pengelolaan media "
                "komunikasi publik dan diseminasi informasi.",
            ],
        ),
        tree / f,
    )
    label(
        "I2-L1-01",
        "bappeda",
        "weak",
        "a Renja that does NOT contain the digital-service management substance: note 4 "
        "'Planning documents must contain the named item'",
        [f],
        accept=("weak", "missing"),
    )

    f = f"{BAPPEDA}/Ranwal Peta Rencana Pemdi 2025-2029.pdf"
    write_pages(
        kota_paper(
            ["RANCANGAN AWAL", "PETA RENCANA PEMERINTAH DIGITAL", "KOTA PASIR WANGI"],
            "TAHUN 2025-2029",
            "BADAN PERENCANAAN PEMBANGUNAN, PENELITIAN DAN PENGEMBANGAN DAERAH",
            [
                "Rancangan awal memuat substansi Rencana Aksi Nasional Pemerintah Digital (RAN Pemdi)."
            ],
            signer_title="KEPALA BAPPELITBANGDA",
        ),
        tree / f,
    )
    label("I1-L1-01", "bappeda", "complete", "I1-L1 accepts the rancangan (draft_ok)", [f])

    f = f"{BAPPEDA}/Notulen Rakor Tim Koordinasi Pemdi Mei 2026.pdf"
    write_pages(
        kota_meeting(
            "NOTULEN RAPAT",
            "Rapat Tim Koordinasi Pemerintah Digital Penyusunan "
            "Substansi Rencana Aksi Nasional Pemerintah Digital",
            "Selasa, 19 Mei 2026",
            office="BAPPELITBANGDA",
            code="BAPPELITBANGDA",
        ),
        tree / f,
    )
    label(
        "I1-L2-03",
        "bappeda",
        "complete",
        "minutes of the Tim Koordinasi drafting the RAN Pemdi substance (2026); I1-L1 complete, "
        "so not gated",
        [f],
    )

    # --- I3 SDM -----------------------------------------------------------------------------
    f = f"{BKPSDM}/Peta Kompetensi Digital ASN Pemkot.docx"
    write_docx(
        kota_paper(
            ["PETA KOMPETENSI DIGITAL", "APARATUR SIPIL NEGARA"],
            "TAHUN 2026",
            "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
            [
                "Pemetaan awal kompetensi digital ASN: literasi digital, keamanan "
                "informasi, analisis data."
            ],
            mark="RANCANGAN",
            signer_title="KEPALA BKPSDM",
        ),
        tree / f,
    )
    label("I3-L1-01", "bkpsdm", "complete", "draft Peta Kompetensi accepted at L1 (draft_ok)", [f])

    f = f"{BKPSDM}/Laporan SRIKANDI dan e-Kinerja 2026.pdf"
    write_pages(
        kota_paper(
            ["LAPORAN PEMANFAATAN APLIKASI UMUM BIDANG KERJA DIGITAL", "SRIKANDI DAN E-KINERJA"],
            "SEMESTER I TAHUN 2026",
            "BKPSDM",
            ["Rekap pengguna: SRIKANDI 3.412 akun aktif, e-Kinerja 4.021 ASN."],
        ),
        tree / f,
    )
    label(
        "I3-L1-02",
        "bkpsdm",
        "complete",
        "report on the digital work apps (SRIKANDI, e-Kinerja) and user recap, synonym wording",
        [f],
        accept=("complete",),
    )

    f = f"{BKPSDM}/Tangkapan Layar MyASN.png"
    write_screenshot(
        tree / f,
        heading=["MyASN - Dasbor Instansi", "Pemerintah Kota Pasir Wangi"],
        rows=["Jumlah ASN: 4.021", "Profil lengkap: 91%"],
        url="https://myasn.bkn.go.id/instansi/dasbor",
        clock="14:01  02/06/2026",
    )
    label("I3-L1-05", "bkpsdm", "complete", "MyASN screenshot with URL, date, name", [f])

    write_event_photo(
        ["KOMUNITAS BELAJAR DIGITAL ASN", "KOTA PASIR WANGI 2026"],
        tree / f"{BKPSDM}/IMG_20260603_093011.jpg",
    )

    f = f"{DISHUB}/Laporan E-Learning ASN 2026.pdf"
    write_pages(
        kota_paper(
            ["LAPORAN PENGGUNAAN E-LEARNING INTERNAL", "ASN KOTA PASIR WANGI"],
            "TAHUN 2026",
            "BKPSDM",
            ["Modul microlearning: 12; peserta: 2.140 ASN."],
        ),
        tree / f,
    )
    label(
        "I3-L1-04",
        "bkpsdm",
        "weak",
        "right report in the Dinas Perhubungan folder",
        [f],
        reasons=("misplaced",),
    )

    # --- I20 Kepuasan -------------------------------------------------------------------------
    f = f"{DPMPTSP}/Laporan SKM Elektronik TW II 2026.pdf"
    write_pages(
        kota_paper(
            [
                "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT ONLINE",
                "LAYANAN PERIZINAN DIGITAL SIPAWANG",
            ],
            "TRIWULAN II TAHUN 2026",
            "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
            [
                "Survei diisi daring melalui portal layanan.pasirwangikota.go.id (tangkapan layar "
                "terlampir): 1.204 responden, IKM 86,4."
            ],
        ),
        tree / f,
    )
    label("I20-L1-01", "dpmptsp", "complete", "online SKM of a digital service, quarterly", [f])

    f = f"{DPMPTSP}/Rekap Transaksi Juli 2025 - Juni 2026.pdf"
    write_pages(
        kota_paper(
            ["REKAPITULASI JUMLAH TRANSAKSI LAYANAN DIGITAL", "12 BULAN"],
            "PERIODE JULI 2025 - JUNI 2026",
            "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
            ["Jumlah transaksi per bulan, Juli 2025 sampai dengan Juni 2026: total 48.310."],
            place_date="Pasir Wangi, 3 Juli 2026",
        ),
        tree / f,
    )
    label(
        "I20-L1-02",
        "dpmptsp",
        "complete",
        "12-month recap spanning Jul 2025-Jun 2026, made in July 2026: current",
        [f],
    )

    f = f"{DPMPTSP}/Data Dukung Pelibatan Kelompok Rentan.pdf"
    subj = (
        "Forum Konsultasi Pelibatan Kelompok Rentan (Disabilitas, Lansia, Perempuan) dalam "
        "Layanan Digital"
    )
    write_bundle(
        [
            kota_meeting(
                "UNDANGAN",
                subj,
                "Jumat, 15 Mei 2026",
                office="DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
                code="DPMPTSP",
            ),
            kota_meeting("DAFTAR HADIR", subj, "Jumat, 15 Mei 2026"),
            kota_meeting("NOTULEN RAPAT", subj, "Jumat, 15 Mei 2026"),
        ],
        tree / f,
    )
    label(
        "I20-L1-03",
        "bag-organisasi",
        "complete",
        "bundle undangan+daftar hadir+notulen in DPMPTSP (an owner of the row)",
        [f],
    )

    f = f"{DPMPTSP}/TL SKM.pdf"
    write_pages(
        kota_paper(
            ["LAPORAN TINDAK LANJUT", "HASIL SURVEI KEPUASAN LAYANAN DIGITAL"],
            "TAHUN 2026",
            "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
            ["Tindak lanjut: penyederhanaan formulir, notifikasi status."],
        ),
        tree / f,
    )
    label("I20-L1-04", "dpmptsp", "complete", "good report, short abbreviated file name", [f])

    # --- distractors (must not make unrelated rows complete) ---------------------------------
    write_pages(
        kota_instrument(
            form="PERATURAN",
            issuer="WALI KOTA",
            number="15",
            year=2026,
            topic=["PENYELENGGARAAN SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK"],
            signed_date="2 Maret 2026",
            pasal=6,
        ),
        tree / f"{HUKUM}/Perwal 15 Th 2026 ttg SPBE.pdf",
    )


def variants(tree: Path) -> None:
    """Isolating variants (one question each), written after the first audit to find causes."""
    tree.mkdir(parents=True, exist_ok=True)
    (tree / "evidence-check.yaml").write_text("region: Kota Pasir Wangi\n", encoding="utf-8")
    org = "Bagian Organisasi"
    # V1: the collaboration plan DOCX, in a folder that resolves to bag-organisasi
    write_docx(
        kota_paper(
            [
                "RENCANA AKSI KOLABORASI ANTAR PERANGKAT DAERAH",
                "DALAM PENYELENGGARAAN PEMERINTAH DIGITAL",
            ],
            "TAHUN 2026",
            "BAGIAN ORGANISASI",
            ["Rencana aksi ini memuat substansi RAN Pemdi dalam perencanaan."],
            signer_title="KEPALA BAGIAN ORGANISASI",
        ),
        tree / org / "Rencana Aksi Kolaborasi.docx",
    )
    # V1b: the same as a text PDF
    write_pages(
        kota_paper(
            [
                "RENCANA AKSI KOLABORASI ANTAR PERANGKAT DAERAH",
                "DALAM PENYELENGGARAAN PEMERINTAH DIGITAL",
            ],
            "TAHUN 2026",
            "BAGIAN ORGANISASI",
            ["Rencana aksi ini memuat substansi RAN Pemdi dalam perencanaan."],
            signer_title="KEPALA BAGIAN ORGANISASI",
        ),
        tree / org / "Rencana Aksi Kolaborasi.pdf",
    )
    # V2: the DPA as a text PDF (same pages as the scan)
    dpa = [
        [
            title("DOKUMEN PELAKSANAAN ANGGARAN", 14),
            title("SATUAN KERJA PERANGKAT DAERAH", 13),
            title("(DPA-SKPD)", 12),
            title("TAHUN ANGGARAN 2026", 12),
            blank(),
            centred("PEMERINTAH KOTA PASIR WANGI", 12),
            centred(KOMINFO, 12),
        ],
        table_page(
            "RINCIAN BELANJA",
            [
                "2.16.03.1.02 Pengelolaan e-Government di Lingkup Pemerintah Daerah Kota",
                "2.16.03.1.02.0003 Pengembangan Aplikasi dan Proses Bisnis Pemerintahan Berbasis "
                "Elektronik Rp 780.000.000",
            ],
        ),
    ]
    write_pages(dpa, tree / "Diskominfo" / "DPA Diskominfo 2026.pdf")
    # V3: a decree of the KABUPATEN Pasir Wangi (same name as the kota) for I4-L1-01
    write_pages(
        kota_instrument(
            form="KEPUTUSAN",
            issuer="WALI KOTA",
            kind="KABUPATEN",
            number="188.45/77/HK/2026",
            year=2026,
            topic=["TIM KOORDINASI PEMERINTAH DIGITAL", "KABUPATEN PASIR WANGI"],
            signed_date="3 Juni 2026",
            signer="Ir. H. BAKRI, M.M.",
        ),
        tree / "Diskominfo" / "SK Tim Koordinasi Pemdi.pdf",
    )
    # V4: a helpdesk screenshot of a clearly different region
    write_screenshot(
        tree / "Diskominfo" / "Helpdesk 2026.png",
        heading=[
            "Helpdesk Layanan Digital - Pemerintah Kabupaten Lembah Jaya",
            "Dasbor Tiket dan Pemenuhan SLA",
        ],
        rows=["Tiket masuk: 412", "Tiket selesai sesuai SLA: 97,8%"],
        url="https://helpdesk.lembahjayakab.go.id",
        clock="11:20  15/07/2026",
    )
    # V5: the SLA dashboard alone (no SLA decree): is I19-L1-01 (the decree) complete?
    write_screenshot(
        tree / "Diskominfo" / "Dasbor SLA 2026-07-14.png",
        heading=["Dasbor Pemantauan SLA Layanan Digital", "Pemerintah Kota Pasir Wangi"],
        rows=["Proses: Permohonan izin - SLA 99,0% - capaian 99,3%"],
        url="https://sla.pasirwangikota.go.id/dashboard",
        clock="09:12  14/07/2026",
    )
    # V6: a Renja that does contain the digital-service management substance (I2-L1-01)
    write_pages(
        kota_paper(
            ["RENCANA KERJA (RENJA)", "DINAS KOMUNIKASI DAN INFORMATIKA"],
            "TAHUN 2026",
            KOMINFO,
            [
                "Program Pengelolaan Aplikasi Informatika memuat substansi manajemen layanan digital: "
                "manajemen risiko, manajemen perubahan, manajemen pengetahuan dan relasi pengguna."
            ],
        ),
        tree / "Diskominfo" / "Renja Diskominfo 2026.pdf",
    )
    label(
        "I4-L1-02",
        "bag-organisasi",
        "complete",
        "V1: 'Rencana Aksi Kolaborasi Antar Perangkat Daerah / dalam Penyelenggaraan Pemerintah "
        "Digital' is the collaboration plan",
        ["Bagian Organisasi/Rencana Aksi Kolaborasi.pdf"],
    )
    label(
        "I13-L1-02",
        "diskominfo",
        "complete",
        "V2: DPA listing the sub-activity by code and name (no 'Sub Kegiatan' label on the line)",
        ["Diskominfo/DPA Diskominfo 2026.pdf"],
    )
    label(
        "I4-L1-01",
        "diskominfo",
        "weak",
        "V3: decree of the Kabupaten of the same name",
        ["Diskominfo/SK Tim Koordinasi Pemdi.pdf"],
        reasons=("other-region",),
    )
    label(
        "I19-L2-01",
        "diskominfo",
        "weak",
        "V4: another region's helpdesk screenshot",
        ["Diskominfo/Helpdesk 2026.png"],
        reasons=("other-region",),
    )
    label(
        "I19-L1-01",
        "diskominfo",
        "missing",
        "V5: only the SLA dashboard: the item is the SLA decree (note 9: lookalikes rejected)",
        ["Diskominfo/Dasbor SLA 2026-07-14.png"],
        accept=("missing", "weak"),
    )
    label(
        "I2-L1-01",
        "bappeda",
        "complete",
        "V6: Renja containing the substance (item: Renstra / Renja)",
        ["Diskominfo/Renja Diskominfo 2026.pdf"],
    )
    label(
        "I1-L1-01",
        "bappeda",
        "missing",
        "V1+V7: only 'Rencana Aksi <other topic> Pemerintah Digital' plans: not the Peta Rencana",
        ["Diskominfo/Rencana Aksi Keamanan Informasi.pdf"],
        accept=("missing", "weak"),
    )
    label(
        "I12-L1-01",
        "diskominfo",
        "weak",
        "V8: another region's report (region below title)",
        ["Diskominfo/Laporan Insiden Siber Smt I 2026 (contoh).pdf"],
        reasons=("other-region",),
    )
    label(
        "I11-L1-01",
        "diskominfo",
        "weak",
        "V9: another kota's report, letterhead on top",
        ["Diskominfo/Laporan Kriptografi 2026.pdf"],
        reasons=("other-region",),
    )
    # V7: another "Rencana Aksi ... Pemerintah Digital" that is not the Peta Rencana (I1-L1-01)
    write_pages(
        kota_paper(
            ["RENCANA AKSI PENGAMANAN INFORMASI", "PEMERINTAH DIGITAL KOTA PASIR WANGI"],
            "TAHUN 2026",
            KOMINFO,
            [
                "Rencana aksi pengamanan informasi: penerapan TTE, enkripsi basis data, "
                "pelatihan Sandiman."
            ],
        ),
        tree / "Diskominfo" / "Rencana Aksi Keamanan Informasi.pdf",
    )
    # V8: a report of ANOTHER region (its cover names the region below the title, as reports do)
    write_pages(
        kota_paper(
            ["LAPORAN DAN REGISTER PENANGANAN INSIDEN SIBER"],
            "SEMESTER I TAHUN 2026",
            KOMINFO,
            ["Register insiden: 9 insiden ditangani LembahJaya-CSIRT."],
            region="LEMBAH JAYA",
            kind="KABUPATEN",
            place_date="Lembah Jaya, 10 Juli 2026",
        ),
        tree / "Diskominfo" / "Laporan Insiden Siber Smt I 2026 (contoh).pdf",
    )
    # V9: the same, as an SPBE-era report of another kota with its letterhead ABOVE the title
    write_pages(
        [
            [
                title("PEMERINTAH KOTA SUKAMAJU", 13),
                title(KOMINFO, 13),
                blank(),
                title("LAPORAN AWAL PENERAPAN TEKNOLOGI KRIPTOGRAFI", 14),
                title("DAN INVENTARISASI ASET YANG DIENKRIPSI", 13),
                title("TAHUN 2026", 12),
                body("Aset yang dienkripsi: surel dinas dan naskah dinas elektronik."),
            ]
        ],
        tree / "Diskominfo" / "Laporan Kriptografi 2026.pdf",
    )


def main(argv: list[str]) -> int:
    return probe_labels.main(argv, build, variants)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
