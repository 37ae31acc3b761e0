"""The title block: the lines at the top of a page that name a document, and where in a PDF a new
document starts (a bundle of several).

The block is read from the page's layout where the engine gives one (font size, bold, centring;
see `Line`), else from the text alone (a scan's OCR): the lines above "Menimbang", "Dengan
Rahmat" or the first body sentence, without an e-signature banner above them. A body sentence is
never part of it. Nothing here decides what the document is: `checks.form` reads the block.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import replace

from evidence_check.models import Line, Page
from evidence_check.text import clean

#: the most lines and characters a title block holds
MAX_LINES = 16
MAX_CHARS = 700
#: what opens the body: the block ends before it
_BODY_START = re.compile(
    r"^\W*(?:dengan rahmat tuhan|menimbang\b|kata pengantar|daftar isi\b|yth\b|kepada yth"
    r"|dengan hormat|pada hari ini|hari\s*[/,]\s*tanggal|hari\s*:|tempat\s*:|waktu\s*:"
    r"|pimpinan rapat|peserta\s*:|acara\s*:|bab\s+(?:i|1)\b|pendahuluan\b)",
    re.IGNORECASE,
)
#: the fields of a letter's head: part of its block whatever their length
_LETTER_FIELD = re.compile(r"^\W*(?:nomor|no\.?|sifat|lampiran|hal|perihal)\s*:", re.IGNORECASE)
#: what only an electronic-signature banner says, in whatever case
_SIGNED = re.compile(
    r"ditandatangani secara elektronik|tanda tangan elektronik|balai sertifikasi", re.IGNORECASE
)
#: an electronic-signature banner printed above (or below) the title
_BANNER = re.compile(
    r"ditandatangani secara elektronik|sertifikat elektronik|\bbsre\b|balai sertifikasi"
    r"|\bbssn\b|tanda tangan elektronik",
    re.IGNORECASE,
)
#: the serial number the State Secretariat stamps on its copies of national regulations
#: ("SK No 161668 A"), read by OCR above the title: not a decree ("SK" = Surat Keputusan)
_COPY_SERIAL = re.compile(r"^\W*SK\s*N[o0]\.?\s*[\dOoIl]{5,7}\s*[A-Z]?\W*$", re.IGNORECASE)
_OUT_OF_ORDER = re.compile(r"^\W*(?:menimbang|dengan rahmat tuhan[\w ]*)\W*$", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]")
_WORDS = re.compile(r"[^\W\d_]+")
_SMALL_WORDS = frozenset(
    "dan di ke dari yang atau untuk pada dalam tentang serta oleh atas bagi".split()
)
#: a line at least this much larger than the page's common size is a heading
LARGER = 1.15
#: a line of more words than this, in lower case, is a sentence of the body
SENTENCE_WORDS = 7


def _upper_share(text: str) -> float:
    letters = _LETTERS.findall(text)
    return sum(1 for c in letters if c.isupper()) / len(letters) if letters else 0.0


def _capitalised(words: list[str]) -> bool:
    """Title Case: most content words start with a capital ("Laporan Reviu Arsitektur SPBE")."""
    content = [w for w in words if w.casefold() not in _SMALL_WORDS]
    return bool(content) and sum(1 for w in content if w[0].isupper()) >= 0.8 * len(content)


def is_sentence(text: str) -> bool:
    """A line of the body: many words, in lower case, or ending like a clause."""
    words = _WORDS.findall(text)
    if _upper_share(text) >= 0.6:
        return False
    if len(words) >= SENTENCE_WORDS and not _capitalised(words):
        return True
    return len(words) >= 4 and text.rstrip().endswith((";", ",")) and not _capitalised(words)


def _headline(line: Line, common_size: float | None) -> bool:
    """Whether the layout sets the line apart as a heading: bold, large or centred."""
    larger = line.size is not None and common_size is not None and line.size >= LARGER * common_size
    return line.bold or line.centred or larger


def lines_of(page: Page, limit: int = MAX_LINES * 3) -> tuple[Line, ...]:
    """The page's first `limit` lines: its layout when read, else its text split into lines."""
    if page.lines:
        return page.lines[:limit]
    out = []
    for raw in page.text[: MAX_CHARS * 4].split("\n", limit * 2):
        if raw.strip():
            out.append(Line(text=raw.strip()))
            if len(out) >= limit:
                break
    return tuple(out)


def block(page: Page) -> str:
    """The title block of a page as printed, one line per line; "" when the page opens with body
    text."""
    lines = _rejoined([line for line in lines_of(page, MAX_LINES + 8) if line.text.strip()])
    sizes = [line.size for line in lines if line.size is not None]
    common = statistics.median(sizes) if sizes else None
    taken: list[str] = []
    in_banner = False
    for line in lines:
        text = clean(line.text).strip()
        if not taken and (
            _SIGNED.search(text)
            or (_BANNER.search(text) and not _headline(line, common) and _upper_share(text) < 0.6)
        ):
            # a title may itself name BSrE or "Sertifikat Elektronik" (a report on encryption):
            # only the banner's own sentence, or small body-like text naming them, is the banner
            in_banner = not text.rstrip().endswith(".")
            continue
        if in_banner and not taken and not _headline(line, common) and _upper_share(text) < 0.6:
            in_banner = not text.rstrip().endswith(".")
            continue  # the rest of the banner's sentence
        in_banner = False
        if _COPY_SERIAL.match(text):
            continue
        if _BODY_START.search(text):
            if len(taken) < 2 and _OUT_OF_ORDER.search(text):
                continue  # a text layer out of reading order puts "Menimbang" first
            break
        if not _LETTER_FIELD.search(text) and not _headline(line, common) and is_sentence(text):
            break
        taken.append(text)
        if len(taken) >= MAX_LINES or sum(len(t) for t in taken) >= MAX_CHARS:
            break
    return "\n".join(taken)[:MAX_CHARS]


def _rejoined(lines: list[Line]) -> list[Line]:
    """Words hyphenated across lines made whole: PDFium marks the break with U+FFFE or a soft
    hyphen; a plain hyphen counts between letters of the same case ("PEMERIN-" "TAHAN")."""
    out: list[Line] = []
    for line in lines:
        if out:
            before, after = out[-1].text.rstrip(), line.text.lstrip()
            marked = before.endswith(("\ufffe", "\u00ad"))
            hyphen = (
                before.endswith("-")
                and len(before) > 1
                and before[-2].isalpha()
                and after[:1].isalpha()
                and before[-2].isupper() == after[0].isupper()
                # a doubled word broken at its hyphen stays two: "UNDANG-" "UNDANG"
                and before[:-1].split()[-1] != after.split()[0]
            )
            if marked or hyphen:
                out[-1] = replace(out[-1], text=before[:-1] + after)
                continue
        out.append(line)
    return out


# --- bundles ---------------------------------------------------------------------------------------

#: the heads that open a document of their own (never BAB or LAMPIRAN: parts of one document)
_HEAD = re.compile(
    r"^\W*(?:(?:rancangan\s+)?(?:peraturan|keputusan|surat keputusan|surat edaran|instruksi)\b"
    r"|notulen|notulensi|notula|risalah rapat|undangan\b|daftar hadir|absensi\b|laporan\b"
    r"|berita acara)",
    re.IGNORECASE,
)
_LEGAL_HEAD = re.compile(
    r"^\W*(?:rancangan\s+)?(?:peraturan|keputusan|surat keputusan|surat edaran|instruksi)\b",
    re.IGNORECASE,
)
#: lines that may stand above a head: a copy stamp, the issuer, a letterhead, a page number
_ABOVE_HEAD = re.compile(
    r"^\W*(?:salinan|copy|bupati|wali\s*kota|walikota|gubernur|provinsi|pemerintah|kabupaten"
    r"|kota|dinas|badan|sekretariat|inspektorat|kantor|bagian|kecamatan|jalan|jl\b|telp|telepon"
    r"|e-?mail|website|laman|faks|kode pos|\d+\s*$|-\s*\d+\s*-)",
    re.IGNORECASE,
)
#: what a page that opens a document can begin with: a head, a line above one, a letter's field
_MAY_OPEN = re.compile(
    r"\W*(?:rancangan|peraturan|keputusan|surat|instruksi|notul|risalah|undangan|daftar"
    r"|absensi|laporan|berita|salinan|copy|bupati|wali|gubernur|provinsi|pemerintah|kabupaten"
    r"|kota|dinas|badan|sekretariat|inspektorat|kantor|bagian|kecamatan|jalan|jl\b|telp|e-?mail"
    r"|website|laman|faks|kode|nomor|no\b|sifat|lampiran|hal|perihal|[^\W\d_] [^\W\d_] )",
    re.IGNORECASE,
)
#: a page number printed above everything ("- 2 -", "2")
_PAGE_NUMBER = re.compile(r"^\s*[-–]?\s*\d+\s*[-–]?\s*\n")
#: what `clean` must repair before a line is read: letter spacing, hyphen marks, non-ASCII
_NEEDS_CLEAN = re.compile(r"(?:[^\W\d_] ){3}|[^\x00-\x7f]")
_SUBJECT_LINE = re.compile(r"\W*(?:hal|perihal)\b", re.IGNORECASE)
_NUMBER_LINE = re.compile(r"^\W*(?:nomor|no\.?)\b|^\W*tentang\b", re.IGNORECASE)
#: lines looked at above a head
HEAD_DEPTH = 8


def opens_document(page: Page) -> bool:
    """Whether a page (after the first) starts a document of its own: a KEPUTUSAN, PERATURAN,
    NOTULEN, UNDANGAN, DAFTAR HADIR, LAPORAN or BERITA ACARA head at its top, set as a title,
    or a letter's head (Nomor, Sifat, Lampiran, Hal). Runs on every page: plain strings only,
    and a page whose first words can open nothing is dismissed at once."""
    top = "\n".join(x.text for x in page.lines[:2]) if page.lines else page.text.lstrip()[:160]
    if not _MAY_OPEN.match(_PAGE_NUMBER.sub("", top, count=1)):
        return False
    if page.lines:
        texts = [line.text for line in page.lines[: HEAD_DEPTH + 6] if line.text.strip()]
        bold = [line.bold for line in page.lines[: HEAD_DEPTH + 6] if line.text.strip()]
    else:
        texts = [t.strip() for t in page.text[:2000].split("\n", 24) if t.strip()][: HEAD_DEPTH + 6]
        bold = [False] * len(texts)
    for position, raw in enumerate(texts[:HEAD_DEPTH]):
        text = clean(raw).strip() if _NEEDS_CLEAN.search(raw) else raw
        if _HEAD.search(text):
            if is_sentence(text) or (_upper_share(text) < 0.6 and not bold[position]):
                return False
            if _LEGAL_HEAD.search(text):
                # an instrument's head is followed by its number or "TENTANG"
                after = [clean(x) for x in texts[position : position + 4]]
                return any(
                    _NUMBER_LINE.search(x) or " nomor " in f" {x.casefold()} " for x in after
                )
            # a report's head must be a block of its own, not a section heading
            return (
                not text.casefold().lstrip().startswith("laporan")
                or len(block(page).split("\n")) >= 2
            )
        if not _ABOVE_HEAD.search(text):
            break
    if not any(_SUBJECT_LINE.match(t) for t in texts):
        return False
    return sum(1 for text in texts if _LETTER_FIELD.search(text)) >= 3


def split(pages: Sequence[Page]) -> list[tuple[int, int]]:
    """The documents of a PDF as (first index, last index) of its pages; one range for a file that
    holds one document. A head repeated at the top of several pages, over body text on some of
    them, is a running header, not a start."""
    tops = [top_line(page) for page in pages]
    seen: dict[str, int] = {}
    for top in tops:
        seen[top] = seen.get(top, 0) + 1
    headers = {
        top
        for top, count in seen.items()
        if top
        and count >= 3
        and any(tops[i] == top and "\n" not in block(pages[i]) for i in range(len(pages)))
    }
    starts = [0]
    titled: bool | None = None  # whether the current part has a title: asked when it matters
    for index in range(1, len(pages)):
        page = pages[index]
        if not page.text.strip() or tops[index] in headers:
            continue
        if not (page.opens if page.opens is not None else opens_document(page)) and not (
            _plan_cover(page) and any(_closes(p) for p in pages[starts[-1] : index])
        ):
            continue
        if titled is None:
            titled = _titled(pages[starts[-1]])
        # pages without a title of their own so far (a picture cover): still one document
        if titled:
            starts.append(index)
            titled = None
    ends = [*starts[1:], len(pages)]
    return [(start, end - 1) for start, end in zip(starts, ends, strict=True)]


#: a plan's title at the top of a page ("RENCANA KOLABORASI LINTAS PERANGKAT DAERAH"): a weaker
#: head than an instrument's, so it opens a part only after a page that closes a document
_PLAN_HEAD = re.compile(r"^\W*(?:rencana|peta rencana|dokumen rencana|arsitektur)\b", re.IGNORECASE)
#: how a copied instrument or minutes end: "ttd" or the ratification's "Ditetapkan di" (a signed
#: foreword with a NIP does not end a plan)
_CLOSING = re.compile(r"\bttd\b|\bditetapkan di\b", re.IGNORECASE)


def _plan_cover(page: Page) -> bool:
    """A plan's cover page: its title at the top, and little else, all set as headings (an annex
    page that opens with a plan's name carries its table or text below)."""
    text = page.text.strip()
    first = next((t for t in text[:400].split("\n") if t.strip()), "")
    head = clean(first).strip()
    return (
        bool(_PLAN_HEAD.search(head))
        and not is_sentence(head)
        and len("".join(text.split())) <= _COVER_CHARS
        and _upper_share(text) >= 0.7
    )


#: the most a cover page holds, spaces aside
_COVER_CHARS = 400


def _closes(page: Page) -> bool:
    return bool(_CLOSING.search(page.text[-800:]))


def _titled(page: Page) -> bool:
    return len("".join(page.text[:1000].split())) > 50 and bool(block(page))


def above_head(line: str) -> bool:
    """Whether a line may stand above a document's head: a letterhead's, a copy stamp, a page
    number, a letter's field."""
    return bool(_ABOVE_HEAD.search(line) or _LETTER_FIELD.search(line) or _COPY_SERIAL.match(line))


def plan_head(page: Page) -> bool:
    """Whether a page begins with a plan's title (a cover that may open a part)."""
    first = next((t for t in page.text[:400].split("\n") if t.strip()), "")
    return bool(_PLAN_HEAD.search(clean(first).strip()))


def top_line(page: Page) -> str:
    """A page's first line, casefolded and spaced as one: how running headers are told."""
    return " ".join(page.text.lstrip()[:200].split("\n", 1)[0].split()).casefold()
