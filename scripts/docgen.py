"""Make realistic Indonesian government documents (PDF and DOCX, screenshots as PNG) for samples
and tests.

Each builder writes one file shaped like the real thing (DESIGN.md and the domain notes: title
block, Menimbang/Mengingat, articles, the ratification block, annexes), with switches for the
traps the audit must catch: a draft, a missing or blank ratification block, an annex template
with blank signature lines, a body that cites old laws, another region's Perbup, a screen capture
without its address bar or clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageFont

REGION = "MOJOSARI"
PROVINCE = "JAWA TIMUR"


@dataclass
class Regulation:
    """A Peraturan Bupati (or, with form="KEPUTUSAN", a Keputusan Bupati)."""

    topic: str
    number: str = "12"
    year: int = 2023
    form: str = "PERATURAN"
    draft: bool = False
    signed: bool = True
    signed_date: str = "4 Desember 2023"
    body_mentions: Sequence[str] = ()
    annex_with_blank_signature: bool = False
    pages_of_articles: int = 2
    copy: bool = True
    extra_title_lines: Sequence[str] = field(default_factory=tuple)
    #: the kabupaten that issued it (a neighbour's Perbup used as a template names its own)
    region: str = REGION
    province: str = PROVINCE

    def pages(self) -> list[list[str]]:
        region, province = self.region, self.province
        kind = f"{self.form} BUPATI {region}"
        number = (
            "NOMOR ... TAHUN " + str(self.year)
            if self.draft
            else f"NOMOR {self.number} TAHUN {self.year}"
        )
        if self.form == "KEPUTUSAN" and not self.draft:
            number = f"NOMOR 188.45/{self.number}/HK/416-012/{self.year}"
        first = []
        if self.draft:
            first.append("RANCANGAN")
        elif self.copy:
            first.append("SALINAN")
        first += [
            f"BUPATI {region}",
            f"PROVINSI {province}",
            "",
            kind,
            number,
            "TENTANG",
            self.topic.upper(),
            *self.extra_title_lines,
            "",
            "DENGAN RAHMAT TUHAN YANG MAHA ESA",
            "",
            f"BUPATI {region},",
            "",
        ]
        first += [
            f"Menimbang : a. bahwa untuk melaksanakan {self.topic.lower()} perlu diatur;",
            f"b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
            f"{kind.title()} tentang {self.topic};",
            "Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
            "2. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;",
            "3. Peraturan Daerah Nomor 5 Tahun 2016 tentang Pembentukan Perangkat Daerah;",
            "",
            "MEMUTUSKAN:",
            f"Menetapkan : {kind.upper()} TENTANG {self.topic.upper()}.",
        ]
        pages = [first]
        for i in range(self.pages_of_articles):
            body = [f"BAB {i + 1}", "KETENTUAN UMUM" if i == 0 else "PELAKSANAAN"]
            for j in range(4):
                body.append(f"Pasal {i * 4 + j + 1}")
                body.append(
                    f"({j + 1}) Pelaksanaan {self.topic.lower()} dilakukan oleh Perangkat Daerah sesuai "
                    "dengan tugas dan fungsinya, dengan memperhatikan ketentuan peraturan perundang-undangan."
                )
            for mention in self.body_mentions:
                body.append(f"Pelaksanaan sebagaimana dimaksud selaras dengan {mention}.")
            pages.append(body)
        closing = [
            f"Pasal {self.pages_of_articles * 4 + 1}",
            f"{kind.title()} ini mulai berlaku pada tanggal diundangkan.",
            f"Agar setiap orang mengetahuinya, memerintahkan pengundangan {kind.title()} ini dengan "
            f"penempatannya dalam Berita Daerah Kabupaten {region.title()}.",
            "",
        ]
        if self.signed:
            closing += [
                f"Ditetapkan di {region.title()}",
                f"pada tanggal {self.signed_date}",
                f"BUPATI {region},",
                "ttd",
                "IKFINA FAHMAWATI",
                "",
                f"Diundangkan di {region.title()}",
                f"pada tanggal {self.signed_date}",
                f"SEKRETARIS DAERAH KABUPATEN {region},",
                "ttd",
                "TERYO ABDUL RAHMAN",
                f"BERITA DAERAH KABUPATEN {region} TAHUN {self.year} NOMOR {self.number}",
            ]
        elif self.draft:
            closing += [
                f"Ditetapkan di {region.title()}",
                "pada tanggal ..................",
                f"BUPATI {region},",
                "",
                "",
            ]
        if self.pages_of_articles == 0:  # a short decree: everything on one page
            pages[0] = pages[0] + [
                "KESATU : Membentuk tim sebagaimana tercantum dalam Lampiran.",
                *closing,
            ]
        else:
            pages.append(closing)
        if self.annex_with_blank_signature:
            pages.append(
                [
                    f"LAMPIRAN {kind.upper()}",
                    f"NOMOR {self.number} TAHUN {self.year}",
                    f"TENTANG {self.topic.upper()}",
                    "FORMAT BERITA ACARA",
                    "Ditetapkan di ..................",
                    "pada tanggal ..................",
                    "KEPALA PERANGKAT DAERAH,",
                    "",
                    "NIP. ..................",
                ]
            )
        return pages


@dataclass
class Report:
    """A Laporan (review, audit, quarterly report) with a cover and a signed closing."""

    title: str
    period: str = "TAHUN 2024"
    agency: str = "DINAS KOMUNIKASI DAN INFORMATIKA"
    signed_date: str = "16 Desember 2024"
    draft: bool = False
    body_mentions: Sequence[str] = ()

    def pages(self) -> list[list[str]]:
        cover = (["DRAFT"] if self.draft else []) + [
            self.title.upper(),
            self.period,
            "",
            f"PEMERINTAH KABUPATEN {REGION}",
            self.agency,
            "",
        ]
        body = [
            "BAB I",
            "PENDAHULUAN",
            f"Laporan ini disusun sebagai bagian dari {self.title.lower()}.",
        ]
        body += [f"Pelaksanaan kegiatan juga memperhatikan {m}." for m in self.body_mentions]
        body += [
            "BAB II",
            "HASIL",
            "Hasil pelaksanaan menunjukkan kemajuan yang berarti pada seluruh aspek.",
            "BAB III",
            "PENUTUP",
            f"{REGION.title()}, {self.signed_date}",
            f"KEPALA {self.agency},",
            "ttd",
            "Ir. BUDI SANTOSO, M.T.",
            "NIP. 19770312 200312 1 007",
        ]
        return [cover, body]


@dataclass
class Plan:
    """A planning document (peta rencana, peta kompetensi, RPJMD): a cover, a foreword, chapters."""

    title: str
    period: str = "TAHUN 2026"
    agency: str = "DINAS KOMUNIKASI DAN INFORMATIKA"
    draft: bool = False

    def pages(self) -> list[list[str]]:
        cover = (["RANCANGAN"] if self.draft else []) + [
            self.title.upper(),
            self.period,
            "",
            f"PEMERINTAH KABUPATEN {REGION}",
            self.agency,
        ]
        foreword = [
            "KATA PENGANTAR",
            f"Dokumen {self.title} disusun sebagai acuan bagi seluruh perangkat daerah.",
        ]
        chapters = [
            "BAB I PENDAHULUAN",
            "1.1 Latar Belakang",
            "BAB II KONDISI SAAT INI",
            "BAB III RENCANA DAN TARGET",
            "BAB IV PENUTUP",
        ]
        return [cover, foreword, chapters]


@dataclass
class Letter:
    """An invitation (undangan) to a meeting about a topic: evidence of nothing but the meeting."""

    subject: str
    date: str = "12 Juni 2024"

    def pages(self) -> list[list[str]]:
        return [
            [
                f"PEMERINTAH KABUPATEN {REGION}",
                "DINAS KOMUNIKASI DAN INFORMATIKA",
                f"{REGION.title()}, {self.date}",
                "Nomor : 005/123/416-112/2024",
                "Sifat : Penting",
                "Lampiran : -",
                f"Hal : Undangan Rapat {self.subject}",
                "Yth. Kepala Perangkat Daerah",
                "di Tempat",
                f"Dengan hormat, mengharap kehadiran Saudara pada rapat pembahasan {self.subject} yang akan "
                "dilaksanakan pada: Hari/Tanggal : Senin, 17 Juni 2024, Waktu : 09.00 WIB, Tempat : Ruang Rapat.",
                "Demikian atas perhatiannya disampaikan terima kasih.",
                "KEPALA DINAS,",
                "ttd",
                "NIP. 19770312 200312 1 007",
            ]
        ]


@dataclass
class Attendance:
    subject: str

    def pages(self) -> list[list[str]]:
        rows = [f"{i}. Peserta {i} - Perangkat Daerah {i} - ttd" for i in range(1, 13)]
        return [
            [
                "DAFTAR HADIR",
                f"RAPAT {self.subject.upper()}",
                "Hari/Tanggal : Senin, 17 Juni 2024",
                "Tempat : Ruang Rapat",
                "No. Nama Instansi Tanda Tangan",
                *rows,
            ]
        ]


@dataclass
class Minutes:
    subject: str
    date: str = "17 Juni 2024"

    def pages(self) -> list[list[str]]:
        return [
            [
                "NOTULEN RAPAT",
                self.subject.upper(),
                f"Hari/Tanggal : Senin, {self.date}",
                "Tempat : Ruang Rapat Diskominfo",
                "Pimpinan Rapat : Kepala Dinas",
                "Peserta : terlampir",
                f"Pada hari ini telah dilaksanakan rapat {self.subject.lower()} dengan hasil sebagai berikut:",
                "1. Peserta menyepakati jadwal penyusunan.",
                "2. Tindak lanjut dibahas pada rapat berikutnya.",
                "Notulis,",
                "ttd",
                "NIP. 19770312 200312 2 007",
            ]
        ]


@dataclass
class Screenshot:
    """A screen capture of a live system: a browser window with its address bar, the page's header
    (system and institution), a table, and the clock of the taskbar. `url=None` or `date=None`
    leave them out, as a cropped capture does."""

    system: str
    heading: str
    institution: str = f"Pemerintah Kabupaten {REGION.title()}"
    url: str | None = "https://digital.spbe.go.id/arsitektur/proses-bisnis"
    date: str | None = "Senin, 12 Oktober 2026 10:32"
    rows: Sequence[str] = (
        "1. Layanan Perizinan Berusaha - 14 proses bisnis - terisi",
        "2. Layanan Administrasi Kependudukan - 9 proses bisnis - terisi",
        "3. Layanan Kesehatan - 11 proses bisnis - terisi",
    )

    def pages(self) -> list[list[str]]:
        lines = [f"{self.system} - {self.heading}"]
        if self.url:
            lines.append(self.url)
        lines += [self.system, self.institution, self.heading, *self.rows]
        if self.date:
            lines.append(self.date)
        return [lines]


@dataclass
class Pages:
    """Any document given as its pages' lines (another region's Perbup, a province's Pergub)."""

    lines: list[list[str]]

    def pages(self) -> list[list[str]]:
        return self.lines


Document = Regulation | Report | Plan | Letter | Attendance | Minutes | Screenshot | Pages


def write_pdf(document: Document, path: Path) -> Path:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_font("Helvetica", size=11)
    for lines in document.pages():
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(
                0,
                6,
                line.encode("latin-1", "replace").decode("latin-1"),
                new_x="LMARGIN",
                new_y="NEXT",
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def write_docx(
    document: Document, path: Path, *, header: str | None = None, table_rows: int = 0
) -> Path:
    """A Word version; the first page's title block goes in a table cell when `table_rows` > 0."""
    import docx

    word = docx.Document()
    if header:
        word.sections[0].header.paragraphs[0].text = header
    pages = document.pages()
    for index, lines in enumerate(pages):
        if index == 0 and table_rows:
            table = word.add_table(rows=table_rows, cols=1)
            for row, line in zip(table.rows, lines[:table_rows], strict=False):
                row.cells[0].text = line
            lines = lines[table_rows:]
        for line in lines:
            word.add_paragraph(line)
        if index < len(pages) - 1:
            word.add_page_break()
    path.parent.mkdir(parents=True, exist_ok=True)
    word.save(str(path))
    return path


def page_images(document: Document, dpi: int = 150) -> list[Image.Image]:
    """The document printed and scanned: one grey picture per page, no text layer."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return rasterize(write_pdf(document, Path(folder) / "print.pdf"), dpi)


def rasterize(source: Path, dpi: int) -> list[Image.Image]:
    """Every page of a PDF as a grey picture, as a scanner would see the print."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(source))
    try:
        return [
            pdf[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            for i in range(len(pdf))
        ]
    finally:
        pdf.close()


def write_scan(
    document: Document | None,
    path: Path,
    *,
    rotate: int = 0,
    pages: list[Image.Image] | None = None,
) -> Path:
    """A scanned PDF: page pictures only (`rotate` turns them, as a careless scanner does)."""
    pictures = pages if pages is not None else page_images(document) if document else []
    pdf = FPDF(format="A4")
    for picture in pictures:
        turned = picture.rotate(rotate, expand=True) if rotate else picture
        pdf.add_page(orientation="L" if turned.width > turned.height else "P")
        pdf.image(turned, x=0, y=0, w=pdf.w, h=pdf.h)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def blank_page(width: int = 1240, height: int = 1754) -> Image.Image:
    """A scanned empty page: light grey with a little noise, nothing to read."""
    import random

    picture = Image.new("L", (width, height), color=242)
    rng = random.Random(7)
    pixels = picture.load()
    for _ in range(4000):
        pixels[rng.randrange(width), rng.randrange(height)] = rng.randrange(150, 230)
    return picture


def write_photo(document: Document, path: Path, *, angle: float = 2.0) -> Path:
    """A phone photo of the first page: slightly turned, on a darker desk, saved as JPEG."""
    page = page_images(document, dpi=150)[0]
    desk = Image.new("L", (page.width + 160, page.height + 160), color=90)
    desk.paste(page, (80, 80))
    photo = desk.rotate(angle, expand=False, fillcolor=90)
    path.parent.mkdir(parents=True, exist_ok=True)
    photo.save(path, format="JPEG", quality=85)
    return path


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"):
        path = Path(folder) / name
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def write_screenshot(shot: Screenshot, path: Path) -> Path:
    """The capture as a PNG: window chrome, address bar, page, taskbar clock (OCR reads it back)."""
    from PIL import ImageDraw

    width, height = 1280, 760
    picture = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, width, 44), fill=(222, 225, 230))  # tab strip
    draw.rectangle((12, 6, 460, 44), fill="white")
    draw.text((24, 14), f"{shot.system} - {shot.heading}"[:48], fill="black", font=_font(16))
    draw.rectangle((0, 44, width, 92), fill=(245, 246, 247))  # toolbar
    draw.text((20, 56), "<  >  C", fill=(90, 90, 90), font=_font(18))
    if shot.url:
        draw.rounded_rectangle(
            (110, 52, width - 40, 86), radius=16, fill="white", outline=(200, 200, 200)
        )
        draw.text((130, 58), shot.url, fill="black", font=_font(18))
    draw.rectangle((0, 92, width, 170), fill=(20, 70, 140))  # the system's header
    draw.text((30, 104), shot.system, fill="white", font=_font(30, bold=True))
    draw.text((30, 140), shot.institution, fill="white", font=_font(20))
    draw.text((30, 200), shot.heading, fill="black", font=_font(28, bold=True))
    for i, row in enumerate(shot.rows):
        draw.text((30, 260 + 44 * i), row, fill="black", font=_font(20))
    if shot.date:
        draw.rectangle((0, height - 40, width, height), fill=(30, 30, 30))  # taskbar
        draw.text((width - 420, height - 32), shot.date, fill="white", font=_font(18))
    path.parent.mkdir(parents=True, exist_ok=True)
    picture.save(path, format="PNG", optimize=True)
    return path


def raw_pdf(objects: list[bytes], *, xref: bool = True) -> bytes:
    """A PDF from numbered object bodies (object 1 is the catalog), with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


def write_angled_photo(
    document: Document, path: Path, *, angle: float = 6.0, tilt: float = 0.08
) -> Path:
    """A phone photo of the first page taken at an angle: turned by `angle` degrees and seen in
    perspective (the top edge `tilt` of the width narrower than the bottom), on a desk."""
    import math

    page = page_images(document, dpi=150)[0]
    width, height = page.width + 400, page.height + 400
    desk = Image.new("L", (width, height), color=70)
    desk.paste(page, (200, 200))
    # where the page's corners land: the top edge pulled in, then everything turned
    left, top, right, bottom = 200, 200, 200 + page.width, 200 + page.height
    inset = tilt * page.width / 2
    target = [(left + inset, top), (right - inset, top), (right, bottom), (left, bottom)]
    centre_x, centre_y = width / 2, height / 2
    turn = math.radians(angle)
    target = [
        (
            centre_x + (x - centre_x) * math.cos(turn) + (y - centre_y) * math.sin(turn),
            centre_y - (x - centre_x) * math.sin(turn) + (y - centre_y) * math.cos(turn),
        )
        for x, y in target
    ]
    source = [(left, top), (right, top), (right, bottom), (left, bottom)]
    photo = desk.transform(
        (width, height),
        Image.Transform.PERSPECTIVE,
        _perspective_coefficients(target, source),
        resample=Image.Resampling.BICUBIC,
        fillcolor=70,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    photo.save(path, format="JPEG", quality=85)
    return path


def _perspective_coefficients(
    target: list[tuple[float, float]], source: list[tuple[float, float]]
) -> list[float]:
    """PIL's eight coefficients mapping output points `target` back to input points `source`."""
    import numpy as np

    rows = []
    for (x, y), (u, v) in zip(target, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    solution = np.linalg.solve(np.array(rows, dtype=float), np.array(source, dtype=float).ravel())
    return [float(c) for c in solution]


def write_event_photo(banner: str, path: Path) -> Path:
    """A photo of an event: a room, people, and a banner that names the meeting."""
    import random

    from PIL import ImageDraw

    rng = random.Random(11)
    photo = Image.new("RGB", (1600, 1100), color=(96, 78, 64))
    draw = ImageDraw.Draw(photo)
    for y in range(0, 1100, 4):  # a lit wall fading into the room
        shade = 150 - y // 12
        draw.line([(0, y), (1600, y)], fill=(shade, shade - 20, shade - 35))
    draw.rectangle([150, 80, 1450, 330], fill=(190, 30, 40))
    font = _font(52, bold=True)
    words = banner.upper().split()
    half = (len(words) + 1) // 2
    for row, line in enumerate((" ".join(words[:half]), " ".join(words[half:]))):
        draw.text((800, 150 + row * 90), line, fill=(255, 255, 255), font=font, anchor="mm")
    for _ in range(14):  # people: heads and bodies
        x, y = rng.randrange(80, 1520), rng.randrange(560, 800)
        colour = tuple(rng.randrange(20, 200) for _ in range(3))
        draw.ellipse([x - 35, y - 110, x + 35, y - 30], fill=(200, 160, 130))
        draw.rectangle([x - 70, y - 30, x + 70, y + 300], fill=colour)
    draw.rectangle([0, 900, 1600, 1100], fill=(60, 40, 30))  # tables
    path.parent.mkdir(parents=True, exist_ok=True)
    photo.save(path, format="JPEG", quality=85)
    return path


@dataclass
class Bundle:
    """Several documents scanned or saved into one PDF ("Data Dukung Indikator 10.pdf")."""

    documents: Sequence[Document]

    def pages(self) -> list[list[str]]:
        return [page for document in self.documents for page in document.pages()]


def write_lying_pdf(document: Document, path: Path, *, private_use: bool = False) -> Path:
    """A PDF that prints the document right but whose text layer lies: a ToUnicode map that
    shifts every letter by three (a broken font map), or maps it into the private-use area."""
    base = 0xE000 if private_use else 0x23
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Broken def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"1 beginbfrange <20> <7E> <{base:04X}> endbfrange\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    pages = document.pages()
    objects: list[bytes] = [b"", b"", b""]
    kids = []
    for lines in pages:
        stream = ["BT /F1 11 Tf 60 790 Td 15 TL"]
        for line in lines:
            text = line.encode("latin-1", "replace").decode("latin-1")
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            stream.append(f"({escaped}) '")
        stream.append("ET")
        content = "\n".join(stream).encode("latin-1")
        page_number = len(objects) + 1
        kids.append(f"{page_number} 0 R")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {page_number + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode()
    objects[2] = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
        b"/ToUnicode %d 0 R >>" % len(objects)
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw_pdf(objects))
    return path
