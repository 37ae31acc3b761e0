"""Searchable copies for the submission: the OCR text layers of a reading laid invisibly over the
scanned pages they came from, a picture made a PDF page, a bundle's part cut to its own pages.

Nothing here reads text: the layers are the text-only PDFs Tesseract wrote while the audit read
the scan (extract/ocr.py `recording`), scaled onto each page with pypdfium2, so the page looks
exactly as before and OCR never runs twice. Only a page whose layer was never kept (a cache
filled by an older version) is read again, by `read_layers`.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Mapping
from dataclasses import dataclass

import pypdfium2 as pdfium

from evidence_check.extract import ocr
from evidence_check.models import TextLayer

#: the long side of a picture's page when the picture says nothing of its resolution (A4)
PAGE_LONG_SIDE = 842.0
MAX_FRAMES = 200
#: the EXIF tag of a photo's orientation
_ORIENTATION = 0x0112

Matrix = tuple[float, float, float, float, float, float]


@dataclass(frozen=True, kw_only=True)
class Made:
    """A PDF written for the package: its bytes, its pages, how many got an OCR text layer."""

    data: bytes
    pages: int
    layered: int


def pdf_page_count(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def searchable_pdf(
    data: bytes, layers: Mapping[int, TextLayer], part: tuple[int, int] | None = None
) -> Made:
    """The PDF `data` (only pages `part`, first and last, when given) with every page that has a
    layer in `layers` (by page number of `data`) made searchable."""
    source = pdfium.PdfDocument(data)
    try:
        total = len(source)
        first, last = (max(1, part[0]), min(total, part[1])) if part else (1, total)
        if part is None:
            target = source
        else:
            target = pdfium.PdfDocument.new()
            target.import_pages(source, list(range(first - 1, last)))
        kept: list[pdfium.PdfDocument] = []
        laid = 0
        for number in range(first, last + 1):
            layer = layers.get(number)
            if layer is not None and _lay(target, number - first, layer, kept):
                laid += 1
        out = io.BytesIO()
        target.save(out)
        for document in kept:
            document.close()
        if target is not source:
            target.close()
        return Made(data=out.getvalue(), pages=last - first + 1 if total else 0, layered=laid)
    finally:
        source.close()


def picture_pdf(data: bytes, layers: Mapping[int, TextLayer]) -> Made:
    """A picture (every frame of a TIFF) as PDF pages, upright as the camera meant (EXIF), as OCR
    saw them, with their text layers. Pixels are kept as they are: a JPEG is embedded as taken,
    anything else compressed losslessly (a screenshot's small text stays sharp)."""
    from PIL import Image, ImageOps, ImageSequence

    picture = Image.open(io.BytesIO(data))
    as_taken = (
        picture.format == "JPEG"
        and picture.getexif().get(_ORIENTATION, 1) == 1
        and picture.mode in ("L", "RGB", "CMYK")
    )
    dpi = picture.info.get("dpi")
    target = pdfium.PdfDocument.new()
    try:
        for frame in itertools.islice(ImageSequence.Iterator(picture), MAX_FRAMES):
            mode = "L" if frame.mode in ("1", "L", "I;16", "I") else "RGB"
            upright = ImageOps.exif_transpose(frame.convert(mode))
            width, height = upright.size
            scale = (
                72 / float(dpi[0])
                if dpi and float(dpi[0]) >= 50
                else PAGE_LONG_SIDE / max(upright.size)
            )
            page = target.new_page(width * scale, height * scale)
            image = pdfium.PdfImage.new(target)
            if as_taken:
                image.load_jpeg(io.BytesIO(data), inline=True)
            else:
                image.set_bitmap(pdfium.PdfBitmap.from_pil(upright))
            image.set_matrix(pdfium.PdfMatrix().scale(width * scale, height * scale))
            page.insert_obj(image)
            page.gen_content()
            page.close()
        out = io.BytesIO()
        target.save(out)
    finally:
        target.close()
    return searchable_pdf(out.getvalue(), layers)


def read_layers(data: bytes, pages: tuple[int, ...], *, picture: bool) -> tuple[TextLayer, ...]:
    """OCR the `pages` of a scan once more, for their layers: only when the cache holds the text
    of a scan but not where its words stand (it was filled by an older version)."""
    with ocr.recording() as seen:
        if picture:
            from evidence_check.extract import image

            rendered = _picture_pages(data)
            for frame in rendered:
                ocr.read_image(image._pgm(frame), lambda f=frame: image._pgm(f.rotate(180)))  # type: ignore[misc]
            numbers = tuple(range(1, len(rendered) + 1))
        else:
            from evidence_check.extract.pdf import _render

            document = pdfium.PdfDocument(data)
            try:
                for number in pages:
                    page = document[number - 1]
                    ocr.read_pdf_page(number, lambda dpi, turn, p=page: _render(p, dpi, turn))  # type: ignore[misc]
            finally:
                document.close()
            numbers = pages
    return seen.take(numbers)


def _picture_pages(data: bytes) -> list[object]:
    from PIL import Image, ImageOps, ImageSequence

    picture = Image.open(io.BytesIO(data))
    return [
        ImageOps.exif_transpose(f.convert("L"))
        for f in itertools.islice(ImageSequence.Iterator(picture), MAX_FRAMES)
    ]


def _lay(
    target: pdfium.PdfDocument, index: int, layer: TextLayer, kept: list[pdfium.PdfDocument]
) -> bool:
    """Lay `layer` over page `index` of `target`, scaled to the page as it is shown (crop box,
    rotation); False when the layer cannot be opened."""
    try:
        words = pdfium.PdfDocument(layer.pdf)
    except pdfium.PdfiumError:
        return False
    kept.append(words)
    if len(words) < 1:
        return False
    width, height = words[0].get_size()
    page = target[index]
    try:
        left, bottom, right, top = page.get_cropbox()
        rotation = page.get_rotation() % 360
        xobject = words.page_as_xobject(0, target)
        placed = xobject.as_pageobject()
        placed.transform(pdfium.PdfMatrix(*placement(
            (width, height), (left, bottom, right, top), rotation, turned=layer.turned
        )))  # fmt: skip
        page.insert_obj(placed)
        page.gen_content()
    finally:
        page.close()
    return True


def placement(
    layer: tuple[float, float],
    crop: tuple[float, float, float, float],
    rotation: int,
    *,
    turned: bool = False,
) -> Matrix:
    """The matrix that puts a layer made from the page as shown (rotated by /Rotate, which turns
    it clockwise) onto the page's own coordinates; a layer read upside down is turned back."""
    left, bottom, right, top = crop
    w, h = right - left, top - bottom
    shown_w, shown_h = (h, w) if rotation in (90, 270) else (w, h)
    sx, sy = shown_w / layer[0], shown_h / layer[1]
    scale: Matrix = (-sx, 0, 0, -sy, shown_w, shown_h) if turned else (sx, 0, 0, sy, 0, 0)
    onto: Matrix = {
        0: (1, 0, 0, 1, left, bottom),
        90: (0, 1, -1, 0, left + w, bottom),
        180: (-1, 0, 0, -1, left + w, bottom + h),
        270: (0, -1, 1, 0, left, bottom + h),
    }.get(rotation, (1, 0, 0, 1, left, bottom))
    return _then(scale, onto)


def _then(first: Matrix, second: Matrix) -> Matrix:
    """`first`, then `second` (PDF matrices: a point is a row vector)."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = second
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )
