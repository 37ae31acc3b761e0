"""PDF text per page with pypdfium2 (PDFium: fast, and never runs a document's JavaScript).

A page whose text layer is almost empty (50 visible characters or fewer) is a scan, and a page
whose text layer is not language (see `language.lying`) lies: with OCR on, both are rendered at
300 dpi and read by Tesseract; pages with text keep their own. The page count is the pages
actually read, never the document's own `/Count`: a page that cannot be loaded, or is too large to
render or OCR, is skipped with a line in `page_problems` and the others keep their text. The first
page, and any page that may open a document of its own, also gets the layout of its first lines
(font size, weight, centring, from PDFium's character boxes) for the title block.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from evidence_check import title
from evidence_check.extract import language, ocr
from evidence_check.models import Extraction, Line, Page, Problem, Reason
from evidence_check.text import visible

MIN_PAGE_CHARS = 50

OCR_SCALE = 300 / 72
#: a page larger than this at 300 dpi (about four A0 sheets) is not rendered for OCR
MAX_RENDER_PIXELS = 200_000_000
#: a document listing pages that fail to load this many times in a row lies about its count
MAX_MISSING_IN_A_ROW = 1000
#: a scan this long or longer is read in part (`targeted`); a shorter one is all title and
#: closing
TARGETED_PAGES = 4


def extract(path: Path, *, use_ocr: bool = False, targeted: bool = False) -> Extraction:
    """The pages' text; `targeted`: of a scan, OCR in full only the pages the judgement reads
    (targeting.py), and only the head lines of the others (`Page.probed`)."""
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            detail = "encrypted: a password is needed to open it"
        else:
            detail = f"not a readable PDF ({message})"
        return Extraction(problem=Problem(code=Reason.UNREADABLE, detail=detail))
    pages: list[Page] = []
    where: list[int] = []  # each read page's index in the document
    problems: list[str] = []
    reread: list[tuple[int, str]] = []
    missing: list[int] = []
    in_a_row = 0
    try:
        listed = len(document)
        targeted = targeted and listed >= TARGETED_PAGES
        for index in range(listed):
            if in_a_row >= MAX_MISSING_IN_A_ROW:
                break
            try:
                page = document[index]
            except pdfium.PdfiumError:
                missing.append(index + 1)  # one damaged page: keep the text of the others
                in_a_row += 1
                continue
            in_a_row = 0
            probe = targeted and bool(pages)  # the first page is always read: its title block
            try:
                pages.append(_page(page, index + 1, use_ocr, problems, reread, probe=probe))
            finally:
                page.close()
            where.append(index)
        if targeted and use_ocr:
            _read_targeted(document, pages, where, problems)
    finally:
        document.close()
    if missing:
        problems.append(_missing(missing, listed, stopped=in_a_row >= MAX_MISSING_IN_A_ROW))
    return Extraction(
        pages=tuple(pages),
        ocr_pages=tuple(p.number for p in pages if p.number is not None and p.ocr),
        page_problems=tuple(problems),
        reread_pages=tuple(reread),
    )


def _read_targeted(
    document: pdfium.PdfDocument, pages: list[Page], where: list[int], problems: list[str]
) -> None:
    """Read in full the probed pages the judgement needs, until it needs no more."""
    from evidence_check import targeting

    while needed := targeting.pages_to_read(pages):
        for position in sorted(needed):
            page = document[where[position]]
            try:
                pages[position] = _ocr_page(page, where[position] + 1, problems)
            finally:
                page.close()


def _page(
    page: pdfium.PdfPage,
    number: int,
    use_ocr: bool,
    problems: list[str],
    reread: list[tuple[int, str]],
    *,
    probe: bool = False,
) -> Page:
    """One page's text (by OCR for a scan or a lying layer, when on; with `probe`, only its head
    lines). The first page, and a page whose top may open a document, get their layout too."""
    textpage = page.get_textpage()
    lines: tuple[Line, ...] = ()
    opens: bool | None = None
    try:
        printed = textpage.get_text_range()
        text = printed.replace("\r\n", "\n").replace("\r", "\n")
        lie = language.lying(text)
        if lie is None and number > 1:
            opens = title.opens_document(Page(number=None, text=text, has_text_layer=True))
        if lie is None and (number == 1 or opens):
            lines = layout(textpage, printed, page.get_width())
    finally:
        textpage.close()
    has_layer = visible(text) > MIN_PAGE_CHARS and lie is None
    if lie is not None:
        reread.append((number, lie))
        text = ""  # what the layer says is not the page's text
    if not has_layer and use_ocr:
        if probe:
            return _probe_page(page, number, problems)
        return _ocr_page(page, number, problems)
    return Page(
        number=number,
        text=text,
        has_text_layer=has_layer,
        lines=lines,
        opens=opens if has_layer else None,
    )


def _ocr_page(page: pdfium.PdfPage, number: int, problems: list[str]) -> Page:
    """A scanned page (or one whose layer lies) read by OCR; a page too large or impossible to
    render is skipped with a line in `problems`."""
    if _too_large(page, number, problems):
        return Page(number=number, text="", has_text_layer=False)
    try:
        text = ocr.read_pdf_page(number, lambda dpi, rotation: _render(page, dpi, rotation))
    except (pdfium.PdfiumError, MemoryError, OSError) as exc:
        problems.append(f"page {number} skipped: cannot be rendered for OCR ({exc})"[:200])
        return Page(number=number, text="", has_text_layer=False)
    return Page(number=number, text=text, has_text_layer=False, ocr=True)


#: the thumbnail that finds where a page's writing starts, and how much of the page below that a
#: probe reads (its share of the page's height: about four lines of 12 pt on A4)
THUMB_DPI = 36
BAND_SHARE = 0.08
#: a row of the thumbnail holds writing when this share of its pixels is dark, and is a dark
#: scanner edge, not writing, above MAX_ROW_DARK
MIN_ROW_DARK = 0.01
MAX_ROW_DARK = 0.5


def _probe_page(page: pdfium.PdfPage, number: int, problems: list[str]) -> Page:
    """A scanned page's head lines only, from a band at the top of its writing."""
    if _too_large(page, number, problems):
        return Page(number=number, text="", has_text_layer=False)
    try:
        top = _first_writing(page)
        if top is None:
            return Page(number=number, text="", has_text_layer=False, probed=True)
        height = page.get_height()
        band = BAND_SHARE * height
        crop = (0.0, max(0.0, height - top - band), 0.0, top)  # cut after turning the page
        text = ocr.probe(
            _render(page, ocr.PROBE_DPI, 0, crop=crop),
            lambda: _render(page, ocr.PROBE_DPI, 180, crop=crop),  # its foot, turned
        )
    except (pdfium.PdfiumError, MemoryError, OSError) as exc:
        problems.append(f"page {number} skipped: cannot be rendered for OCR ({exc})"[:200])
        return Page(number=number, text="", has_text_layer=False)
    return Page(number=number, text=text, has_text_layer=False, probed=True)


def _first_writing(page: pdfium.PdfPage) -> float | None:
    """How far below the page's top its writing starts (points), from a thumbnail; None for a
    blank page."""
    bitmap = page.render(scale=THUMB_DPI / 72, grayscale=True)
    try:
        width, stride, buffer = bitmap.width, bitmap.stride, bytes(bitmap.buffer)
        rows = bitmap.height
    finally:
        bitmap.close()
    for row in range(rows):
        dark = buffer[row * stride : row * stride + width].translate(ocr.DARK).count(1)
        if MIN_ROW_DARK * width <= dark <= MAX_ROW_DARK * width:
            return max(0.0, (row - 1) * 72 / THUMB_DPI)
    return None


def _too_large(page: pdfium.PdfPage, number: int, problems: list[str]) -> bool:
    width, height = page.get_size()
    if width * OCR_SCALE * height * OCR_SCALE <= MAX_RENDER_PIXELS:
        return False
    problems.append(
        f"page {number} skipped: too large to render for OCR "
        f"({width / 72 * 25.4:.0f} x {height / 72 * 25.4:.0f} mm)"
    )
    return True


def _missing(missing: list[int], listed: int, *, stopped: bool) -> str:
    if stopped:
        first = missing[-MAX_MISSING_IN_A_ROW]
        return (
            f"the PDF says it has {listed} pages, but from page {first} on they cannot be "
            "loaded: reading stopped there"
        )
    shown = ", ".join(str(n) for n in missing[:10]) + (", ..." if len(missing) > 10 else "")
    return f"{len(missing)} damaged page(s) skipped: {shown}"


def _render(
    page: pdfium.PdfPage,
    dpi: int,
    rotation: int,
    crop: tuple[float, float, float, float] = (0, 0, 0, 0),
) -> bytes:
    bitmap = page.render(scale=dpi / 72, grayscale=True, rotation=rotation, crop=crop)
    try:
        return ocr.pgm(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
    finally:
        bitmap.close()


#: how far into a page the layout is read: the title block is at its top
LAYOUT_CHARS = 2000
LAYOUT_LINES = 24
#: a line whose middle is this close to the page's (share of its width) is centred
CENTRE_TOLERANCE = 0.06
_FORCE_BOLD = 1 << 18


def layout(textpage: pdfium.PdfTextPage, printed: str, width: float) -> tuple[Line, ...]:
    """The first lines of a page with their size, weight and centring, a few PDFium calls per
    line (never per character but in letter-spaced lines, whose words the gaps tell)."""
    handle = textpage.raw
    if pdfium_c.FPDFText_CountChars(handle) != len(printed):
        return ()  # characters beyond 16 bits shift the indexes: the text alone will do
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))

    def box(i: int) -> tuple[float, float]:
        pdfium_c.FPDFText_GetCharBox(handle, i, left, right, bottom, top)
        return left.value, right.value

    lines: list[Line] = []
    start = 0
    limit = min(len(printed), LAYOUT_CHARS)
    while start < limit and len(lines) < LAYOUT_LINES:
        end = printed.find("\n", start)
        end = len(printed) if end < 0 else end
        raw = printed[start:end].rstrip("\r")
        stripped = raw.strip()
        if stripped:
            first = start + (len(raw) - len(raw.lstrip()))
            last = start + len(raw.rstrip()) - 1
            size = pdfium_c.FPDFText_GetFontSize(handle, first)
            weight = pdfium_c.FPDFText_GetFontWeight(handle, first)
            bold = weight >= 600 or _bold_font(handle, first)
            x0, _ = box(first)
            _, x1 = box(last)
            middle = (x0 + x1) / 2
            centred = (
                width > 0
                and abs(middle - width / 2) < CENTRE_TOLERANCE * width
                and (x1 - x0) < 0.8 * width
                and x0 > 0.12 * width
            )
            text = _words_by_gaps(stripped, first, box) if _letter_spaced(stripped) else stripped
            lines.append(Line(text=text, size=round(size, 1) or None, bold=bold, centred=centred))
        start = end + 1
    return tuple(lines)


def _bold_font(handle: object, index: int) -> bool:
    flags = ctypes.c_int()
    buffer = ctypes.create_string_buffer(128)
    pdfium_c.FPDFText_GetFontInfo(handle, index, buffer, 128, flags)
    return bool(flags.value & _FORCE_BOLD) or b"bold" in buffer.value.lower()


def _letter_spaced(text: str) -> bool:
    tokens = text.split()
    return len(tokens) >= 4 and sum(1 for t in tokens if len(t) == 1) >= 0.8 * len(tokens)


def _words_by_gaps(text: str, first: int, box: Callable[[int], tuple[float, float]]) -> str:
    """A letter-spaced line ("P E R A T U R A N   B U P A T I") as words: the gaps between the
    letters of a word are the line's common gap; a wider one separates words."""
    letters = [(first + i, c) for i, c in enumerate(text) if not c.isspace()]
    if len(letters) < 4:
        return text
    edges = [box(i) for i, _ in letters]
    gaps = [edges[k + 1][0] - edges[k][1] for k in range(len(edges) - 1)]
    common = sorted(gaps)[len(gaps) // 2]
    words, current = [], letters[0][1]
    for (_, char), gap in zip(letters[1:], gaps, strict=True):
        if gap > max(1.8 * common, common + 2.0):
            words.append(current)
            current = char
        else:
            current += char
    words.append(current)
    return " ".join(words)
