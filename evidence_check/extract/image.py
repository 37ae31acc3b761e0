"""Photos and scans saved as pictures (.jpg, .png, .tif): evidence whose text only OCR can read.

Pillow applies the camera's orientation (EXIF) and reads the frames of a multi-page TIFF up to
`MAX_FRAMES` (decoding stops there; later frames are named in `page_problems`); each frame is one
page. Without OCR the file opens but has no text.
"""

from __future__ import annotations

import io
import itertools
from pathlib import Path
from typing import Any

from evidence_check.extract import PICTURES, ocr
from evidence_check.models import Extraction, Page, Problem, Reason

SUFFIXES = PICTURES
MAX_FRAMES = 200


def extract(path: Path, *, use_ocr: bool = False) -> Extraction:
    from PIL import Image, ImageOps, ImageSequence  # only workers that meet a picture pay for it

    try:
        picture = Image.open(path)
        listed = getattr(picture, "n_frames", 1)
        first = itertools.islice(ImageSequence.Iterator(picture), MAX_FRAMES)
        frames = [ImageOps.exif_transpose(f.convert("L")) for f in first]
    except (OSError, Image.DecompressionBombError, SyntaxError, ValueError) as exc:
        return Extraction(
            problem=Problem(code=Reason.UNREADABLE, detail=f"not a readable picture: {exc}")
        )
    skipped = (
        (f"only the first {MAX_FRAMES} of its {listed} frames were read",)
        if listed > MAX_FRAMES
        else ()
    )
    if not use_ocr:
        blank = tuple(Page(number=i + 1, text="", has_text_layer=False) for i in range(len(frames)))
        return Extraction(pages=blank, page_problems=skipped)
    pages = []
    for number, frame in enumerate(frames, start=1):
        text = ocr.read_image(_pgm(frame), lambda f=frame: _pgm(f.rotate(180)))  # type: ignore[misc]
        pages.append(Page(number=number, text=text, has_text_layer=False))
    return Extraction(
        pages=tuple(pages), ocr_pages=tuple(range(1, len(frames) + 1)), page_problems=skipped
    )


def _pgm(frame: Any) -> bytes:
    out = io.BytesIO()
    frame.save(out, format="PPM")
    return out.getvalue()
