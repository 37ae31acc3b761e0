"""More docgen: documents laid out as real kabupaten print them, and the ways real files lie.

Title blocks are centred, bold and larger than the body (what a layout reader sees), and the
builders take any region. Writers add what docgen.py lacks: an e-signature (BSrE) banner above
the title, letter-spaced and hyphenated titles, several documents bundled in one PDF, a page whose
text layer is garbage, a phone photo of a page at an angle with perspective, a photo of an event
under a banner, screenshots of live systems with or without their URL and date, and a DOCX whose
page count metadata is wrong. Used by scripts/make_labelled.py.
"""

from __future__ import annotations

import io
import random
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import docgen
from fpdf import FPDF
from fpdf.enums import TextMode
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
ESIGN_BANNER = (
    "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik "
    "yang diterbitkan BSrE"
)
MONTHS = (
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
).split()


@dataclass(frozen=True)
class Line:
    """One printed line: its text and how it is set."""

    text: str
    size: float = 11
    bold: bool = False
    align: str = "L"  # L, C or J


Page = list[Line]


def title(text: str, size: float = 14) -> Line:
    return Line(text, size, True, "C")


def centred(text: str, size: float = 11) -> Line:
    return Line(text, size, False, "C")


def body(text: str) -> Line:
    return Line(text, 11, False, "J")


def blank() -> Line:
    return Line("")


def letter_spaced(text: str) -> str:
    """'PERATURAN BUPATI' -> 'P E R A T U R A N   B U P A T I', as some title pages set it."""
    return "   ".join(" ".join(word) for word in text.split())


def date_text(day: int, month: int, year: int) -> str:
    return f"{day} {MONTHS[month - 1]} {year}"


# ---------------------------------------------------------------------------------------------
# Builders: each returns the pages of one document.


@dataclass(frozen=True)
class Instrument:
    """A Peraturan or Keputusan (of a Bupati, a Sekretaris Daerah or a Kepala Dinas)."""

    topic: str
    region: str = "LEMBAH HIJAU"
    province: str = "JAWA TENGAH"
    issuer: str = "BUPATI"  # BUPATI, SEKRETARIS DAERAH, KEPALA DINAS KOMUNIKASI DAN INFORMATIKA
    form: str = "PERATURAN"  # PERATURAN or KEPUTUSAN
    number: str = "12"
    year: int = 2026
    signed_date: str = "14 Maret 2026"
    signer: str = "Drs. HARTONO WIBISONO, M.Si."
    draft: bool = False
    signed: bool = True
    esign: bool = False
    spaced_head: bool = False
    #: where the topic line breaks, hyphenated ("PEMERIN-" / "TAHAN"); the mark is "-" or "\xad"
    hyphen_break: tuple[str, str, str] | None = None
    roster: Sequence[str] = ()
    articles: int = 6
    salinan: bool = True

    @property
    def head(self) -> str:
        issuer = self.issuer if self.issuer != "BUPATI" else f"BUPATI {self.region}"
        return f"{self.form} {issuer}"

    def number_line(self) -> str:
        if self.draft:
            return f"NOMOR ... TAHUN {self.year}"
        if self.form == "KEPUTUSAN":
            if "/" in self.number:
                return f"NOMOR {self.number}/{self.year}"
            return f"NOMOR 188.45/{self.number}/HK/{self.year}"
        return f"NOMOR {self.number} TAHUN {self.year}"

    def topic_lines(self) -> list[str]:
        text = self.topic.upper()
        if self.hyphen_break:
            word, first, mark = self.hyphen_break
            before, _, after = text.partition(word.upper())
            rest = word.upper()[len(first) :]
            return [f"{before}{first.upper()}{mark}", f"{rest}{after}".strip()]
        return [text]

    def pages(self) -> list[Page]:
        first: Page = []
        if self.esign:
            first.append(Line(ESIGN_BANNER, 8, False, "C"))
            first.append(blank())
        if self.draft:
            first.append(title("RANCANGAN", 12))
        elif self.salinan:
            first.append(Line("SALINAN", 10, True, "L"))
        if self.issuer == "BUPATI":
            first += [title(f"BUPATI {self.region}", 13), title(f"PROVINSI {self.province}", 13)]
        else:  # an office's own kop
            office = self.issuer.removeprefix("KEPALA ").replace("SEKRETARIS", "SEKRETARIAT")
            first += [
                title(f"PEMERINTAH KABUPATEN {self.region}", 13),
                title(office, 13),
                centred(f"Jalan Pemuda Nomor 7 {self.region.title()}", 9),
            ]
        first += [
            blank(),
            title(letter_spaced(self.head) if self.spaced_head else self.head),
            title(self.number_line(), 12),
            blank(),
            title("TENTANG", 12),
            *(title(line, 12) for line in self.topic_lines()),
            blank(),
            title("DENGAN RAHMAT TUHAN YANG MAHA ESA", 11),
            blank(),
            title(f"{self.issuer if self.issuer != 'BUPATI' else 'BUPATI ' + self.region},", 11),
            blank(),
            body(
                f"Menimbang : a. bahwa dalam rangka {self.topic.lower()} di lingkungan Pemerintah "
                f"Kabupaten {self.region.title()} perlu pengaturan yang jelas;"
            ),
            body(
                "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu "
                f"menetapkan {self.head.title()} tentang {self.topic};"
            ),
            body("Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;"),
            body(
                "2. Peraturan Presiden Nomor 82 Tahun 2023 tentang Percepatan Transformasi Digital "
                "dan Keterpaduan Layanan Digital Nasional;"
            ),
            body(
                "3. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 8 "
                "Tahun 2026 tentang Evaluasi Kinerja Pemerintah Digital;"
            ),
            blank(),
            title("MEMUTUSKAN:", 11),
            body(f"Menetapkan : {self.head} TENTANG {self.topic.upper()}."),
        ]
        pages = [first]
        if self.form == "PERATURAN":
            for chapter in range(max(1, self.articles // 3)):
                page: Page = [title(f"BAB {chapter + 1}", 11)]
                page.append(title("KETENTUAN UMUM" if chapter == 0 else "PELAKSANAAN", 11))
                for article in range(3):
                    n = chapter * 3 + article + 1
                    page.append(centred(f"Pasal {n}"))
                    page.append(
                        body(
                            f"({article + 1}) Penyelenggaraan {self.topic.lower()} dilaksanakan oleh "
                            "Perangkat Daerah sesuai dengan tugas dan fungsinya, berkoordinasi dengan "
                            "Dinas Komunikasi dan Informatika."
                        )
                    )
                pages.append(page)
            closing: Page = [
                centred(f"Pasal {self.articles + 1}"),
                body(f"{self.head.title()} ini mulai berlaku pada tanggal diundangkan."),
                body(
                    f"Agar setiap orang mengetahuinya, memerintahkan pengundangan {self.head.title()} "
                    f"ini dengan penempatannya dalam Berita Daerah Kabupaten {self.region.title()}."
                ),
                blank(),
            ]
        else:
            dictum = [
                "KESATU : Membentuk tim dengan susunan keanggotaan sebagaimana tercantum dalam "
                "Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
                "KEDUA : Tim sebagaimana dimaksud dalam Diktum KESATU bertugas melaksanakan "
                f"{self.topic.lower()} dan melaporkan hasilnya kepada Bupati.",
                "KETIGA : Segala biaya yang timbul dibebankan pada Anggaran Pendapatan dan Belanja "
                f"Daerah Kabupaten {self.region.title()}.",
                "KEEMPAT : Keputusan ini mulai berlaku pada tanggal ditetapkan.",
            ]
            closing = [body(text) for text in dictum] + [blank()]
        if self.signed and not self.draft:
            closing += [
                Line(f"Ditetapkan di {self.region.title()}", 11, False, "R"),
                Line(f"pada tanggal {self.signed_date}", 11, False, "R"),
                Line(
                    f"{self.issuer if self.issuer != 'BUPATI' else 'BUPATI ' + self.region},",
                    11,
                    True,
                    "R",
                ),
                Line(
                    "ttd" if not self.esign else "Ditandatangani secara elektronik", 11, False, "R"
                ),
                Line(self.signer, 11, True, "R"),
            ]
            if self.form == "PERATURAN":
                closing += [
                    blank(),
                    body(f"Diundangkan di {self.region.title()}"),
                    body(f"pada tanggal {self.signed_date}"),
                    body(f"SEKRETARIS DAERAH KABUPATEN {self.region},"),
                    body("ttd"),
                    body("Ir. SITI RAHAYU NINGSIH, M.M."),
                    blank(),
                    body(
                        f"BERITA DAERAH KABUPATEN {self.region} TAHUN {self.year} NOMOR {self.number}"
                    ),
                ]
        elif self.draft:
            closing += [
                Line(f"Ditetapkan di {self.region.title()}", 11, False, "R"),
                Line("pada tanggal ..................", 11, False, "R"),
                Line(f"BUPATI {self.region},", 11, True, "R"),
            ]
        pages.append(closing)
        if self.roster:
            annex: Page = [
                Line(f"LAMPIRAN {self.head}", 10, False, "L"),
                Line(self.number_line(), 10, False, "L"),
                Line(f"TENTANG {self.topic.upper()}", 10, False, "L"),
                blank(),
                title("SUSUNAN KEANGGOTAAN", 11),
            ]
            annex += [body(f"{i}. {member}") for i, member in enumerate(self.roster, 1)]
            pages.append(annex)
        return pages


@dataclass(frozen=True)
class Paper:
    """A report, plan, SOP, recap or matrix: a cover with its title block, then body pages."""

    heading: Sequence[str]  # the title lines, e.g. ("LAPORAN", "PELAKSANAAN ...")
    period: str = "TAHUN 2026"
    agency: str = "DINAS KOMUNIKASI DAN INFORMATIKA"
    region: str = "LEMBAH HIJAU"
    paragraphs: Sequence[str] = ()
    place_date: str = "Lembah Hijau, 15 Juni 2026"
    signer_title: str = "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA"
    signer: str = "Ir. BAMBANG SURYADI, M.T."
    nip: str = "NIP. 19740812 199903 1 004"
    mark: str | None = None  # "DRAFT", "KONSEP": a draft mark above the title
    one_page: bool = False
    spaced: bool = False
    hyphen_break: tuple[int, str] | None = None  # (line index, text of its two halves "A-|B")

    def cover(self) -> Page:
        lines: Page = []
        if self.mark:
            lines.append(Line(self.mark, 12, True, "R"))
        heading = list(self.heading)
        if self.spaced:
            heading = [letter_spaced(heading[0]), *heading[1:]]
        if self.hyphen_break:
            index, halves = self.hyphen_break
            first, second = halves.split("|")
            heading[index : index + 1] = [first, second]
        lines += [title(text, 15 if i == 0 else 13) for i, text in enumerate(heading)]
        lines += [title(self.period, 12), blank()]
        lines += [
            centred(f"PEMERINTAH KABUPATEN {self.region}", 12),
            centred(self.agency, 12),
        ]
        return lines

    def text(self) -> list[Line]:
        out = [body(p) for p in self.paragraphs] or [
            body("Dokumen ini disusun sebagai bahan pelaksanaan Pemerintah Digital.")
        ]
        return out

    def signature(self) -> Page:
        return [
            blank(),
            Line(self.place_date, 11, False, "R"),
            Line(f"{self.signer_title},", 11, True, "R"),
            Line("ttd", 11, False, "R"),
            Line(self.signer, 11, True, "R"),
            Line(self.nip, 11, False, "R"),
        ]

    def pages(self) -> list[Page]:
        if self.one_page:
            return [[*self.cover(), blank(), *self.text(), *self.signature()]]
        return [self.cover(), [title("BAB I PENDAHULUAN", 12), *self.text(), *self.signature()]]


@dataclass(frozen=True)
class Meeting:
    """One sheet of a meeting's papers: NOTULEN, UNDANGAN or DAFTAR HADIR."""

    sheet: str  # NOTULEN RAPAT, UNDANGAN, DAFTAR HADIR, BERITA ACARA
    subject: str
    date: str = "Selasa, 12 Mei 2026"
    place: str = "Ruang Rapat Diskominfo Kabupaten Lembah Hijau"
    chair: str = "Kepala Dinas Komunikasi dan Informatika"
    points: Sequence[str] = ()
    region: str = "LEMBAH HIJAU"
    office: str = "DINAS KOMUNIKASI DAN INFORMATIKA"
    office_code: str = "DISKOMINFO"

    def pages(self) -> list[Page]:
        if self.sheet == "UNDANGAN":
            return [
                [
                    title(f"PEMERINTAH KABUPATEN {self.region}", 13),
                    title(self.office, 13),
                    centred("Jalan Pemuda Nomor 7 Lembah Hijau", 9),
                    blank(),
                    body(f"Nomor : 005/214/{self.office_code}/2026"),
                    body("Sifat : Penting"),
                    body("Lampiran : -"),
                    body(f"Hal : Undangan {self.subject}"),
                    blank(),
                    body("Yth. Kepala Perangkat Daerah se-Kabupaten Lembah Hijau"),
                    body(
                        f"Dengan hormat, mengharap kehadiran Saudara pada {self.subject} yang akan "
                        f"dilaksanakan pada Hari/Tanggal : {self.date}, Waktu : 09.00 WIB, Tempat : "
                        f"{self.place}."
                    ),
                    Line("KEPALA DINAS,", 11, True, "R"),
                    Line("ttd", 11, False, "R"),
                    Line("NIP. 19740812 199903 1 004", 11, False, "R"),
                ]
            ]
        if self.sheet == "DAFTAR HADIR":
            people = [f"{i}. Peserta {i} - Perangkat Daerah {i} - ttd" for i in range(1, 15)]
            return [
                [
                    title("DAFTAR HADIR", 14),
                    title(self.subject.upper(), 12),
                    body(f"Hari/Tanggal : {self.date}"),
                    body(f"Tempat : {self.place}"),
                    body("No. Nama Instansi Tanda Tangan"),
                    *(body(p) for p in people),
                ]
            ]
        points = list(self.points) or [
            "Peserta menyepakati pembagian tugas antar perangkat daerah.",
            "Tindak lanjut dibahas pada rapat berikutnya.",
        ]
        return [
            [
                title(self.sheet, 14),
                title(self.subject.upper(), 12),
                blank(),
                body(f"Hari/Tanggal : {self.date}"),
                body(f"Tempat : {self.place}"),
                body(f"Pimpinan Rapat : {self.chair}"),
                body("Peserta : terlampir"),
                body(
                    f"Pada hari ini telah dilaksanakan {self.subject.lower()} dengan hasil sebagai "
                    "berikut:"
                ),
                *(body(f"{i}. {p}") for i, p in enumerate(points, 1)),
                blank(),
                Line("Notulis,", 11, False, "R"),
                Line("ttd", 11, False, "R"),
                Line("NIP. 19880412 201101 2 003", 11, False, "R"),
            ]
        ]


# ---------------------------------------------------------------------------------------------
# Writers


def _latin(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


def _layout(pdf: FPDF, page: Page) -> None:
    for line in page:
        pdf.set_font("Helvetica", "B" if line.bold else "", line.size)
        if not line.text:
            pdf.ln(line.size * 0.4)
            continue
        pdf.multi_cell(
            0,
            line.size * 0.5,
            _latin(line.text),
            align=line.align,
            new_x="LMARGIN",
            new_y="NEXT",
        )


def write_pages(pages: Sequence[Page], path: Path) -> Path:
    """A text PDF: one page per page (a page that does not fit flows on to the next)."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_margins(22, 18, 22)
    for page in pages:
        pdf.add_page()
        _layout(pdf, page)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def write_bundle(documents: Sequence[Sequence[Page]], path: Path) -> Path:
    """Several documents in one PDF, each starting on a new page (a 'Data Dukung' upload)."""
    return write_pages([page for document in documents for page in document], path)


def render(pages: Sequence[Page], dpi: int = 110) -> list[Image.Image]:
    """The pages printed: one grey picture each."""
    with tempfile.TemporaryDirectory() as folder:
        return docgen.rasterize(write_pages(pages, Path(folder) / "print.pdf"), dpi)


def garbage(text: str, seed: int = 3) -> str:
    """What a broken font map extracts: shifted glyph codes, control characters, mojibake."""
    rng = random.Random(seed)
    out = []
    for ch in text:
        if ch == " ":
            out.append(" " if rng.random() < 0.5 else "\x03")
        elif ch.isalpha():
            code = ord(ch.upper()) - 29  # a subset font's codes: 'A' -> '$', 'P' -> '3'
            out.append(chr(code) if rng.random() < 0.8 else rng.choice("ÃÂ¤þ\x07\x1a"))
        else:
            out.append(rng.choice("\x01\x02\x0f¦§"))
    return "".join(out)


def write_garbage_layer(pages: Sequence[Page], path: Path, bad: Sequence[int] = (0,)) -> Path:
    """Pages in `bad` show the right text but extract as garbage (a picture of the page under
    an invisible text layer of shifted codes); the other pages are ordinary text."""
    pictures = render(pages, dpi=150)
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    for index, page in enumerate(pages):
        pdf.add_page()
        if index not in bad:
            pdf.set_margins(22, 18, 22)
            pdf.set_auto_page_break(auto=True, margin=15)
            _layout(pdf, page)
            pdf.set_auto_page_break(auto=False)
            continue
        pdf.image(pictures[index], x=0, y=0, w=pdf.w, h=pdf.h)
        pdf.text_mode = TextMode.INVISIBLE
        pdf.set_font("Helvetica", "", 11)
        y = 20.0
        for line in page:
            if line.text:
                pdf.text(22, y, garbage(line.text, seed=index * 31 + int(y)))
            y += 6
        pdf.text_mode = TextMode.FILL
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def write_scan(pages: Sequence[Page], path: Path, *, dpi: int = 150) -> Path:
    """A scanned PDF: page pictures only, a little grey and noisy."""
    pictures = [p.filter(ImageFilter.GaussianBlur(0.6)) for p in render(pages, dpi=dpi)]
    return write_pictures(pictures, path)


def write_pictures(
    pictures: Sequence[Image.Image], path: Path, *, orientation: str = "portrait"
) -> Path:
    """An image-only PDF: each picture fills an A4 page (`orientation` "landscape" for pages
    fed sideways)."""
    pdf = FPDF(orientation=orientation, format="A4")
    pdf.set_auto_page_break(auto=False)
    for picture in pictures:
        pdf.add_page()
        pdf.image(picture, x=0, y=0, w=pdf.w, h=pdf.h)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def _perspective_coefficients(
    source: Sequence[tuple[float, float]], target: Sequence[tuple[float, float]]
) -> list[float]:
    """PIL's PERSPECTIVE data mapping output (target) points back to input (source) points."""
    rows: list[list[float]] = []
    for (x, y), (u, v) in zip(target, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y, u])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y, v])
    size = len(rows)
    for col in range(size):  # Gauss-Jordan elimination with partial pivoting
        pivot = max(range(col, size), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        lead = rows[col][col]
        rows[col] = [value / lead for value in rows[col]]
        for r in range(size):
            if r != col and rows[r][col]:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return [row[-1] for row in rows]


def write_angled_photo(
    page: Page, path: Path, *, angle: float = 6.0, keystone: float = 0.06, dpi: int = 120
) -> Path:
    """A phone photo of one page: turned by `angle` degrees and seen from below (the top edge
    narrower by `keystone` of the width), on a dark desk, uneven light, JPEG."""
    import math

    sheet = render([page], dpi=dpi)[0]
    w, h = sheet.size
    margin = int(0.12 * w)
    canvas = (w + 2 * margin, h + 2 * margin)
    cx, cy = canvas[0] / 2, canvas[1] / 2
    inset = keystone * w
    corners = [(inset, 0), (w - inset, 0), (w, h), (0, h)]
    turn = math.radians(angle)
    target = []
    for x, y in corners:
        dx, dy = x + margin - cx, y + margin - cy
        target.append(
            (
                cx + dx * math.cos(turn) - dy * math.sin(turn),
                cy + dx * math.sin(turn) + dy * math.cos(turn),
            )
        )
    source = [(0.0, 0.0), (float(w), 0.0), (float(w), float(h)), (0.0, float(h))]
    data = _perspective_coefficients(source, target)
    white = Image.new("L", sheet.size, 255)
    photo = Image.new("L", canvas, 70)
    warped = sheet.transform(canvas, Image.Transform.PERSPECTIVE, data, Image.Resampling.BICUBIC)
    mask = white.transform(canvas, Image.Transform.PERSPECTIVE, data, Image.Resampling.BILINEAR)
    photo.paste(warped, (0, 0), mask)
    light = Image.linear_gradient("L").resize(canvas).point(lambda v: 255 - v // 6)
    photo = Image.composite(photo, Image.new("L", canvas, 0), light)
    path.parent.mkdir(parents=True, exist_ok=True)
    photo.convert("RGB").save(path, format="JPEG", quality=82)
    return path


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), size)


def write_event_photo(banner: Sequence[str], path: Path, *, seed: int = 5) -> Path:
    """A photo of a meeting: a room, people seen from behind, a banner naming the event."""
    rng = random.Random(seed)
    width, height = 1200, 800
    photo = Image.new("RGB", (width, height), (178, 160, 134))
    draw = ImageDraw.Draw(photo)
    draw.rectangle((0, 520, width, height), fill=(120, 92, 70))  # floor
    draw.rectangle((140, 50, 1060, 310), fill=(250, 244, 214))  # banner
    draw.rectangle((140, 50, 1060, 70), fill=(160, 20, 30))
    draw.rectangle((140, 290, 1060, 310), fill=(160, 20, 30))
    for i, text in enumerate(banner):
        font = _font(36 if i == 0 else 26, bold=True)
        box = draw.textbbox((0, 0), text, font=font)
        draw.text(
            ((width - (box[2] - box[0])) / 2, 95 + i * 58), text, fill=(120, 10, 20), font=font
        )
    for _ in range(26):  # heads and shoulders
        x, y = rng.randrange(0, width), rng.randrange(430, 760)
        tone = rng.choice([(40, 30, 25), (60, 45, 35), (25, 25, 30)])
        shirt = rng.choice([(200, 200, 205), (60, 80, 140), (150, 120, 90), (230, 230, 230)])
        draw.ellipse((x - 60, y + 30, x + 60, y + 170), fill=shirt)
        draw.ellipse((x - 28, y - 28, x + 28, y + 34), fill=tone)
    photo = photo.filter(ImageFilter.GaussianBlur(1.2))
    path.parent.mkdir(parents=True, exist_ok=True)
    photo.save(path, format="JPEG", quality=80)
    return path


def write_screenshot(
    path: Path,
    *,
    heading: Sequence[str],
    rows: Sequence[str],
    url: str | None = None,
    clock: str | None = None,
) -> Path:
    """A screenshot of a live system: a browser bar with `url`, the page, a taskbar `clock`."""
    width, height = 1280, 760
    shot = Image.new("RGB", (width, height), (245, 246, 250))
    draw = ImageDraw.Draw(shot)
    top = 0
    if url:
        draw.rectangle((0, 0, width, 56), fill=(222, 225, 230))
        draw.rounded_rectangle((90, 12, width - 90, 46), radius=16, fill="white")
        draw.text((110, 17), url, fill=(30, 30, 30), font=_font(20))
        top = 56
    draw.rectangle((0, top, width, top + 70), fill=(200, 222, 246))
    draw.text((30, top + 18), heading[0], fill=(10, 40, 90), font=_font(28, bold=True))
    y = top + 100
    for text in heading[1:]:
        draw.text((30, y), text, fill=(20, 20, 20), font=_font(24, bold=True))
        y += 40
    y += 10
    for i, text in enumerate(rows):
        if i % 2 == 0:
            draw.rectangle((24, y - 6, width - 24, y + 30), fill=(230, 234, 242))
        draw.text((36, y), text, fill=(25, 25, 25), font=_font(21))
        y += 40
    if clock:
        draw.rectangle((0, height - 44, width, height), fill=(232, 236, 242))
        draw.text((width - 250, height - 36), clock, fill=(20, 20, 20), font=_font(20))
    path.parent.mkdir(parents=True, exist_ok=True)
    shot.save(path, format="PNG")
    return path


def write_docx(
    pages: Sequence[Page],
    path: Path,
    *,
    stated_pages: int | None = None,
    header: str | None = None,
    table_lines: int = 0,
) -> Path:
    """A Word version (title lines in bold, centred); `stated_pages` overwrites the page count
    in docProps/app.xml, which Word often leaves wrong; `header` is the page header (a kop);
    the first `table_lines` lines of the first page sit in a one-column table, as templates do."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    word = docx.Document()
    if header:
        word.sections[0].header.paragraphs[0].text = header
    for index, page in enumerate(pages):
        lines = list(page)
        if index == 0 and table_lines:
            table = word.add_table(rows=table_lines, cols=1)
            for row, line in zip(table.rows, lines[:table_lines], strict=False):
                cell = row.cells[0].paragraphs[0]
                cell.add_run(line.text).bold = line.bold
                cell.alignment = WD_ALIGN_PARAGRAPH.CENTER
            lines = lines[table_lines:]
        for line in lines:
            paragraph = word.add_paragraph()
            run = paragraph.add_run(line.text)
            run.bold = line.bold
            if line.align == "C":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if index < len(pages) - 1:
            word.add_page_break()
    buffer = io.BytesIO()
    word.save(buffer)
    data = buffer.getvalue()
    if stated_pages is not None:
        data = _with_stated_pages(data, stated_pages)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _with_stated_pages(data: bytes, pages: int) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "docProps/app.xml":
                import re

                if b"<Pages>" in content:
                    content = re.sub(rb"<Pages>\d+</Pages>", b"<Pages>%d</Pages>" % pages, content)
                else:
                    content = content.replace(
                        b"</Properties>", b"<Pages>%d</Pages></Properties>" % pages
                    )
            target.writestr(item, content)
    return out.getvalue()
