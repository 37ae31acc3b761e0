"""OCR with the Tesseract command (Indonesian model), one Tesseract thread per worker process.

Pages arrive as grey images; the text is read upright first, then, if it reads as nonsense, with
Tesseract's orientation detection (90/270 degrees) and finally turned 180 degrees; the most
readable result wins. Whether Tesseract is there is asked once per process.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from typing import Any

LANGUAGE = "ind"
PAGE_TIMEOUT_SECONDS = 180
#: a page whose OCR text scores this (see `readability`) is taken as read the right way up
READABLE = 3.0
#: words common in any Indonesian government text: how we tell text from OCR noise
_COMMON = frozenset(
    """dan yang di ke dari untuk dengan pada dalam tentang nomor tahun atas oleh serta atau
    bupati wali kota kabupaten provinsi peraturan keputusan daerah pemerintah dinas badan kepala
    tanggal bahwa sebagaimana dimaksud pasal ayat bab huruf menimbang mengingat menetapkan
    laporan rapat hasil pelaksanaan kegiatan program sistem informasi data layanan elektronik
    republik indonesia negara tim perangkat bagian sekretariat ini itu adalah akan telah
    dapat tersebut sesuai lampiran salinan ditetapkan diundangkan berita acara hari tempat""".split()
)
_WORD = re.compile(r"[a-z]{2,}")


@functools.cache
def available() -> bool:
    """Whether Tesseract and its Indonesian model can be run here."""
    if shutil.which("tesseract") is None:
        return False
    try:
        listed = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return LANGUAGE in listed.stdout.split()


def readability(text: str) -> float:
    """How much the text reads as Indonesian: common words found, scaled by their share."""
    words = _WORD.findall(text.casefold())
    if not words:
        return 0.0
    known = sum(1 for w in words if w in _COMMON)
    return known * min(1.0, 10 * known / len(words))


def _tesseract(image: bytes, psm: int) -> str:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", LANGUAGE, "--psm", str(psm)],
        input=image,
        capture_output=True,
        env=env,
        timeout=PAGE_TIMEOUT_SECONDS,
        check=False,
    )
    return done.stdout.decode("utf-8", "replace")


def _tesseract_lines(image: bytes, psm: int) -> str:
    """OCR as lines rebuilt from the words' boxes: a title line that Tesseract cut into blocks
    (a photo's uneven light, a wide gap) is put back together, lines in top-to-bottom order."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", LANGUAGE, "--psm", str(psm), "tsv"],
        input=image,
        capture_output=True,
        env=env,
        timeout=PAGE_TIMEOUT_SECONDS,
        check=False,
    )
    return join_lines(done.stdout.decode("utf-8", "replace"))


def join_lines(tsv: str) -> str:
    """Tesseract's TSV words as text: words of one (block, paragraph, line) form a line; lines
    of different blocks that stand at the same height are one line, read left to right."""
    lines: dict[tuple[str, str, str, str], list[tuple[int, int, int, str]]] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, _, height = (int(v) for v in cells[6:10])
        lines.setdefault((cells[1], cells[2], cells[3], cells[4]), []).append(
            (left, top, height, cells[11].strip())
        )
    boxes: list[list[Any]] = []
    for words in lines.values():
        top = min(w[1] for w in words)
        bottom = max(w[1] + w[2] for w in words)
        boxes.append([top, bottom, sorted((w[0], w[3]) for w in words)])
    boxes.sort(key=lambda b: (b[0], b[2][0][0]))
    merged: list[list[Any]] = []
    for box in boxes:
        last = merged[-1] if merged else None
        if last is not None:
            overlap = min(last[1], box[1]) - max(last[0], box[0])
            if overlap > 0.5 * min(last[1] - last[0], box[1] - box[0]):
                last[0], last[1] = min(last[0], box[0]), max(last[1], box[1])
                last[2] = sorted(last[2] + box[2])
                continue
        merged.append(box)
    return "\n".join(" ".join(text for _, text in box[2]) for box in merged)


def read_image(upright: bytes, turned: Callable[[], bytes], *, lines: bool = False) -> str:
    """OCR one page image (PGM bytes); `turned` makes the same page rotated 180 degrees;
    `lines` rebuilds lines from word boxes (photos: see `join_lines`).

    A blank page is not sent to Tesseract; a page that yields next to no text is not tried
    turned either (turned text reads as plenty of nonsense, not as nothing)."""
    if _blank(upright):
        return ""
    best = _tesseract_lines(upright, psm=3) if lines else _tesseract(upright, psm=3)
    if readability(best) >= READABLE or len("".join(best.split())) < MIN_TEXT:
        return best
    for rotation in (90, 180):
        # psm 1 lets Tesseract find a quarter turn itself; a half turn it misses, so we turn it
        text = _tesseract(upright, psm=1) if rotation == 90 else _tesseract(turned(), psm=3)
        if readability(text) > readability(best):
            best = text
        if readability(best) >= READABLE:
            break
    return best


_DARK = bytes(1 if value < 128 else 0 for value in range(256))
#: a page with a smaller share of dark pixels than this holds no writing
BLANK_SHARE = 0.0005
#: visible characters below which an OCR result is taken as "nothing on this page"
MIN_TEXT = 20


def _blank(image: bytes) -> bool:
    """Whether a grey PGM page is empty: (almost) no dark pixel at all."""
    header_end = _pgm_header_length(image)
    if header_end is None:
        return False
    pixels = image[header_end:]
    return pixels.translate(_DARK).count(1) < BLANK_SHARE * max(1, len(pixels))


def _pgm_header_length(image: bytes) -> int | None:
    if not image.startswith(b"P5"):
        return None
    fields, position = 0, 2
    while fields < 3 and position < len(image):
        while position < len(image) and image[position : position + 1].isspace():
            position += 1
        while position < len(image) and not image[position : position + 1].isspace():
            position += 1
        fields += 1
    return position + 1


def pgm(width: int, height: int, stride: int, buffer: bytes) -> bytes:
    """A grey bitmap as a PGM file, which Tesseract reads from stdin."""
    rows = (
        buffer
        if stride == width
        else b"".join(buffer[row * stride : row * stride + width] for row in range(height))
    )
    return b"P5\n%d %d\n255\n" % (width, height) + rows
