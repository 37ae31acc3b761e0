"""Measure what straightening photos of pages does to OCR: words of the page read right, and
whether the title block is found, with and without `straighten`, at several angles.

Each case is a phone photo of a regulation's first page (docgen.write_angled_photo: turned by the
angle and seen in perspective, on a desk). "Words" is the share of the page's distinct words (4
letters or more) that the OCR text holds; "title" says whether the reading's title holds the
regulation's number and topic; times are per photo (geometry, then all of it with OCR).

Usage: python bench/photos.py [--angles 0 3 6 10 15] [--tilt 0.08]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import numpy as np  # noqa: E402
from docgen import Regulation, write_angled_photo  # noqa: E402
from PIL import Image  # noqa: E402

from evidence_check.extract import image, ocr  # noqa: E402
from evidence_check.extract.straighten import straighten  # noqa: E402
from evidence_check.models import Extraction, Page  # noqa: E402
from evidence_check.profile import read  # noqa: E402

DOCUMENT = Regulation(
    topic="Arsitektur Sistem Pemerintahan Berbasis Elektronik", pages_of_articles=0
)
TITLE = "peraturan bupati mojosari nomor 12 tahun 2023 tentang arsitektur spbe"
_WORD = re.compile(r"[A-Za-z]{4,}")


def words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def measure(photo: Path, truth: set[str], *, straight: bool) -> tuple[float, bool, float, float]:
    grey = Image.open(photo).convert("L")
    started = time.perf_counter()
    if straight:
        grey = Image.fromarray(straighten(np.asarray(grey)).image)
    geometry = time.perf_counter() - started
    text = ocr.read_image(image._pgm(grey), lambda: image._pgm(grey.rotate(180)), lines=straight)
    total = time.perf_counter() - started
    reading = read(Extraction(pages=(Page(number=1, text=text, has_text_layer=False),)), "x")
    return len(words(text) & truth) / len(truth), TITLE in reading.title, geometry, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--angles", type=float, nargs="+", default=[0, 3, 6, 10, 15])
    parser.add_argument("--tilt", type=float, default=0.08)
    args = parser.parse_args()
    truth = words("\n".join(DOCUMENT.pages()[0]))
    print("angle  tilt   words raw  words straight  title raw  title straight  geometry  total")
    with tempfile.TemporaryDirectory() as folder:
        for angle in args.angles:
            photo = write_angled_photo(
                DOCUMENT, Path(folder) / f"photo-{angle}.jpg", angle=angle, tilt=args.tilt
            )
            raw = measure(photo, truth, straight=False)
            done = measure(photo, truth, straight=True)
            print(
                f"{angle:5.1f}  {args.tilt:4.2f}  {100 * raw[0]:9.1f}%  {100 * done[0]:13.1f}%"
                f"  {raw[1]!s:>9}  {done[1]!s:>14}  {1000 * done[2]:6.0f} ms  {done[3]:5.2f} s"
            )


if __name__ == "__main__":
    main()
