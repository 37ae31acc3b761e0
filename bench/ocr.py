"""Benchmark OCR: seconds per scanned page through evidence-check against plain `tesseract`.

Both sides get the same scanned PDFs, the same number of processes and one Tesseract thread each
(OMP_THREAD_LIMIT=1), and both render the pages: evidence-check renders every page at 300 dpi with
pypdfium2 and reads it through its own reader (hashing, text-layer test, OCR, checks); the plain
side renders the same pages the same way and runs `tesseract page.pgm stdout -l ind --psm 3` on
each. Overhead = evidence-check's time / plain time - 1.

Usage: python bench/ocr.py [--files 4] [--pages 3] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pypdfium2 as pdfium

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from docgen import Regulation, write_scan  # noqa: E402

from evidence_check.cache import Cache  # noqa: E402
from evidence_check.extract import ocr  # noqa: E402
from evidence_check.models import SourceFile  # noqa: E402
from evidence_check.reader import ReadOptions, read_all  # noqa: E402

TOPICS = ["Arsitektur SPBE", "Manajemen Data", "Audit TIK", "Pusat Data", "Tim Koordinasi SPBE"]


def make_scans(folder: Path, files: int, pages: int) -> list[Path]:
    made = []
    for index in range(files):
        document = Regulation(
            topic=TOPICS[index % len(TOPICS)], number=str(index + 1), pages_of_articles=pages - 2
        )
        made.append(write_scan(document, folder / f"scan_{index:04d}.pdf"))
    return made


def plain_page(job: tuple[str, int, str]) -> int:
    """Render one page like evidence-check does, then run plain tesseract on it."""
    path, index, folder = job
    document = pdfium.PdfDocument(path)
    try:
        page = document[index]
        bitmap = page.render(scale=300 / 72, grayscale=True)
        image = ocr.pgm(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
        bitmap.close()
        page.close()
    finally:
        document.close()
    target = Path(folder) / f"{Path(path).stem}-{index}.pgm"
    target.write_bytes(image)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run(
        ["tesseract", str(target), "stdout", "-l", "ind", "--psm", "3"],
        capture_output=True, env=env, check=True,
    )  # fmt: skip
    return len(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args()
    if not ocr.available():
        raise SystemExit("tesseract with the 'ind' model is needed: run `make setup`")
    with tempfile.TemporaryDirectory(prefix="evidence-check-ocr-bench-") as work:
        folder = Path(work)
        scans = make_scans(folder, args.files, args.pages)
        pages = [(str(p), i, work) for p in scans for i in range(len(pdfium.PdfDocument(str(p))))]
        sources = tuple(
            SourceFile(path=p.name, absolute=p, agency=None, size=p.stat().st_size) for p in scans
        )
        plain_times, our_times = [], []
        for _ in range(2):  # interleaved, best of two: neither side profits from going second
            started = time.perf_counter()
            with ProcessPoolExecutor(max_workers=args.jobs) as pool:
                list(pool.map(plain_page, pages))
            plain_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            outcomes = list(read_all(sources, ReadOptions(ocr=True), Cache(None), args.jobs))
            our_times.append(time.perf_counter() - started)
        plain, ours = min(plain_times), min(our_times)
        read_pages = sum(len(o.reading.ocr_pages) for o in outcomes if o.reading is not None)
        titles = sum(
            1 for o in outcomes if o.reading is not None and "TENTANG" in o.reading.title_display
        )
    count = len(pages)
    print(f"{count} scanned pages in {len(scans)} PDFs, {args.jobs} processes, OMP_THREAD_LIMIT=1")
    print(f"plain tesseract (render + OCR)  {plain:7.2f} s  {plain / count:6.2f} s/page")
    print(
        f"evidence-check reader           {ours:7.2f} s  {ours / count:6.2f} s/page"
        f"  ({read_pages} pages OCR'd, {titles}/{len(scans)} titles read)"
    )
    print(f"overhead {100 * (ours / plain - 1):+.1f}%")


if __name__ == "__main__":
    main()
