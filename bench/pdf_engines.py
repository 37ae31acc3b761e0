"""Compare the two PDF engines on the same files: pypdfium2 (the default) and pdfplumber.

Reports, per engine (each in a process of its own), seconds for the whole corpus, pages per
second, the process's peak resident memory, and text quality as the share of each document's
known title words that the engine's text contains.
Usage: python bench/pdf_engines.py [PDF ...]
       (default: $EVIDENCE_CHECK_CORPUS/*.pdf, else ../shared/corpus/real/*.pdf beside the clone)
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from evidence_check.text import normalize

# Title words each real document carries (from the printed first page).
TITLES = {
    "Peraturan BRIN 2 Tahun 2024.pdf": "nomor 2 tahun 2024 tentang pedoman manajemen pengetahuan spbe",
    "Perpres 82 Tahun 2023.pdf": "nomor 82 tahun 2023 tentang percepatan transformasi digital",
    "Perpres 47 Tahun 2023.pdf": "nomor 47 tahun 2023 tentang strategi keamanan siber nasional",
    "Peraturan Bappenas 16 Tahun 2020.pdf": "nomor 16 tahun 2020 tentang manajemen data spbe",
    "PermenPANRB 5 Tahun 2020.pdf": "nomor 5 tahun 2020 tentang pedoman manajemen risiko spbe",
}


def with_pdfium(path: Path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def with_pdfplumber(path: Path) -> list[str]:
    texts = []
    with pdfplumber.open(path) as document:
        for page in document.pages:
            texts.append(page.extract_text() or "")
            page.close()  # pdfplumber keeps every parsed page otherwise
    return texts


def measure(name: str, engine: Callable[[Path], list[str]], files: list[Path]) -> None:
    started = time.perf_counter()
    pages, found, expected = 0, 0, 0
    for path in files:
        texts = engine(path)
        pages += len(texts)
        words = set(normalize(" ".join(texts[:2])).split())
        wanted = TITLES.get(path.name, "").split()
        expected += len(wanted)
        found += sum(1 for w in wanted if w in words)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    quality = f"{100 * found / expected:.0f}%" if expected else "n/a"
    print(
        f"{name:12s} {elapsed:7.2f} s  {pages / elapsed:8.1f} pages/s  peak RSS {peak:6.1f} MB  "
        f"title words found {quality}"
    )


ENGINES = {"pypdfium2": with_pdfium, "pdfplumber": with_pdfplumber}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--engine":
        measure(sys.argv[2], ENGINES[sys.argv[2]], [Path(a) for a in sys.argv[3:]])
        return
    corpus = Path(
        os.environ.get("EVIDENCE_CHECK_CORPUS")
        or Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
    )
    files = [str(a) for a in sys.argv[1:]] or [str(p) for p in sorted(corpus.glob("*.pdf"))]
    print(f"{len(files)} files")
    for engine in ENGINES:
        subprocess.run([sys.executable, __file__, "--engine", engine, *files], check=True)


if __name__ == "__main__":
    main()
