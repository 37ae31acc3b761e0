"""Photos and scans saved as pictures (.jpg, .png, .tif): evidence whose text only OCR can read.

Pillow applies the camera's orientation (EXIF) and reads the frames of a multi-page TIFF up to
`MAX_FRAMES` (decoding stops there; later frames are named in `page_problems`); each frame is one
page. A photo taken at an angle is straightened first (`straighten`), its lines rebuilt from
Tesseract's word boxes; a photo of a scene (an event, a banner) is marked as such. Without OCR
the file opens but has no text.
"""

from __future__ import annotations

import io
import itertools
from pathlib import Path
from typing import Any

from evidence_check.extract import PICTURES, ocr
from evidence_check.models import Extraction, Page, Problem, Reason
from evidence_check.text import visible

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
        straight, scene = _straightened(frame)
        text = ocr.read_image(
            _pgm(straight),
            lambda f=straight: _pgm(f.rotate(180)),  # type: ignore[misc]
            lines=True,
        )
        photo = scene and visible(text) < SCENE_MAX_CHARS
        pages.append(Page(number=number, text=text, has_text_layer=False, photo=photo))
    return Extraction(
        pages=tuple(pages), ocr_pages=tuple(range(1, len(frames) + 1)), page_problems=skipped
    )


#: a scene photo holds at most this much text (a banner); a page photo far more
SCENE_MAX_CHARS = 400


def _straightened(frame: Any) -> tuple[Any, bool]:
    """The frame flattened and turned level, and whether it is a photo of a scene."""
    try:
        import numpy as np

        from evidence_check.extract.straighten import straighten
    except ImportError:  # OpenCV missing: read the photo as it is
        return frame, False
    from PIL import Image

    done = straighten(np.asarray(frame))
    return Image.fromarray(done.image), done.scene


def _pgm(frame: Any) -> bytes:
    out = io.BytesIO()
    frame.save(out, format="PPM")
    return out.getvalue()
