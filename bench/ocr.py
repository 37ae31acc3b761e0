"""Benchmark OCR, three cases (`--case`, default all):

- `documents`: 16 whole scanned documents with annexes (bench/ocr_documents.py, 133 pages) audited
  with the default map, `--ocr auto` against `--ocr full`, interleaved: pages OCR'd in full and
  probed, seconds per document, the time ratio, and whether every row's status and reasons are
  the same (the issue's bar: auto at most 0.4x of full, every row the same).
- `settings`: per page, the resolution (200 against 300 dpi), Tesseract's page segmentation
  (psm 3, 4, 6) and the engine (in process, tesserocr, against the `tesseract` command), on the
  title and closing pages of those documents and on the two real scans of the corpus (Perpres 47
  and 82 of 2023, read as images): seconds per page, and whether the title block's and the
  ratification block's words are the same as at 300 dpi, psm 3.
- `pages`: seconds per scanned page through evidence-check's reader against plain `tesseract`.

In `pages` both sides get the same scanned PDFs, the same number of processes and one Tesseract thread each
(OMP_THREAD_LIMIT=1), and both render the pages: evidence-check renders every page at 300 dpi with
pypdfium2 and reads it through its own reader (hashing, text-layer test, OCR, checks); the plain
side renders the same pages the same way and runs `tesseract page.pgm stdout -l ind --psm 3` on
each. Overhead = evidence-check's time / plain time - 1.

Usage: python bench/ocr.py [--case documents|settings|pages] [--files 4] [--pages 3] [--jobs N]
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
from typing import Any

import pypdfium2 as pdfium

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "bench"))

from docgen import Regulation, write_scan  # noqa: E402
from ocr_documents import write_tree  # noqa: E402

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
    parser.add_argument("--case", choices=("documents", "settings", "pages"), action="append")
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2, help="documents: interleaved pairs")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args()
    if not ocr.available():
        raise SystemExit("tesseract with the 'ind' model is needed: run `make setup`")
    print(f"OCR engine here: {ocr.setting()}")
    cases = {"documents": documents_case, "settings": settings_case, "pages": pages_case}
    for case in args.case or list(cases):
        print(f"\n== {case}")
        cases[case](args)


def documents_case(args: argparse.Namespace) -> None:
    from evidence_check.audit import audit
    from evidence_check.evidence_map import load_map, resolve_map
    from evidence_check.models import Settings

    evidence_map = load_map(resolve_map(None))  # the default map: Pemdi 2026
    with tempfile.TemporaryDirectory(prefix="evidence-check-ocr-bench-") as work:
        root = Path(work) / "tree"
        pages = write_tree(root)
        files = sum(1 for _ in root.rglob("*.pdf"))
        print(f"{files} image-only PDFs, {pages} pages; {args.jobs} processes; no cache")
        times: dict[str, list[float]] = {"full": [], "auto": []}
        results = {}
        for _ in range(args.rounds):  # interleaved: neither mode profits from the machine's mood
            for mode in ("full", "auto"):
                settings = Settings(jobs=args.jobs, ocr_targeted=mode == "auto")
                started = time.perf_counter()
                results[mode] = audit(evidence_map, root, settings)
                times[mode].append(time.perf_counter() - started)
    rows = {mode: _rows(result) for mode, result in results.items()}
    for mode in ("full", "auto"):
        documents = results[mode].documents
        read = sum(len(d.ocr_pages) for d in documents)
        probed = sum(len(d.probed_pages) for d in documents)
        best = min(times[mode])
        print(
            f"--ocr {mode:4}  {best:7.2f} s (runs: {', '.join(f'{t:.2f}' for t in times[mode])})"
            f"  {best / files:5.2f} s/document  pages OCR'd {read:3}, probed {probed:3}"
        )
    ratio = min(times["auto"]) / min(times["full"])
    pairs = ", ".join(f"{a / f:.2f}" for a, f in zip(times["auto"], times["full"], strict=True))
    print(f"auto / full: {ratio:.2f}x (per pair: {pairs}); bar: at most 0.40x")
    same = sum(1 for key in rows["full"] if rows["auto"].get(key) == rows["full"][key])
    print(f"rows with the same status and reasons: {same} of {len(rows['full'])}")
    for key in sorted(rows["full"]):
        if rows["auto"].get(key) != rows["full"][key]:
            print(f"  differs: {key}: full {rows['full'][key]}, auto {rows['auto'].get(key)}")
    complete = sum(1 for value in rows["full"].values() if value[0] == "complete")
    print(f"({complete} rows complete; the rest weak or missing, as in a real tree)")


def _rows(result: Any) -> dict[str, tuple[str, ...]]:
    return {
        f"{f.evidence.id}@{f.agency}": (f.status.value, *(r.value for r in f.reasons))
        for f in result.findings
    }


def settings_case(args: argparse.Namespace) -> None:
    from evidence_check import title
    from evidence_check.checks import ratification
    from evidence_check.models import Page

    with tempfile.TemporaryDirectory(prefix="evidence-check-ocr-bench-") as work:
        folder = Path(work)
        write_tree(folder / "tree")
        pdfs = sorted((folder / "tree").rglob("*.pdf"))
        samples = []  # (label, rendered page at 200 and 300 dpi)
        for path in pdfs:
            document = pdfium.PdfDocument(str(path))
            last = len(document) - 1
            for index in sorted({0, last}):
                samples.append((f"{path.name} p{index + 1}", _images(document[index])))
            document.close()
        for real in REAL_SCANS:
            source = CORPUS / real
            if not source.exists():
                print(f"(no {source}: the real scans are left out)")
                continue
            document = pdfium.PdfDocument(str(source))
            for index in range(len(document)):  # the page as an image: its own layer ignored
                samples.append((f"{real} p{index + 1}", _images(document[index])))
            document.close()
    engines = {"tesserocr": ocr._Engine, "cli": ocr._Command}
    tessdata = ocr._tessdata()

    def engine(name: str) -> Any:
        if name == "cli":
            return ocr._Command()
        import tesserocr

        return engines[name](tesserocr, tessdata)

    def words(text: str) -> set[str]:
        page = Page(number=1, text=text, has_text_layer=False)
        block = title.block(page) if text.strip() else ""
        closing = " ".join(ratification.block_windows(text))
        return {w for w in (block + " " + closing).casefold().split() if len(w) >= 3}

    variants = [("tesserocr", 300, 3), ("tesserocr", 200, 3), ("tesserocr", 200, 4),
                ("tesserocr", 200, 6), ("cli", 300, 3), ("cli", 200, 3)]  # fmt: skip
    made = {name: engine(name) for name in ("tesserocr", "cli")}
    reference: dict[str, set[str]] = {}
    print(f"{len(samples)} pages: title and closing pages of the 16 documents, every page of "
          "the real scans")  # fmt: skip
    for name, dpi, psm in variants:
        spent, agree, total = 0.0, 0, 0
        confidences = []
        for label, images in samples:
            started = time.perf_counter()
            text, confidence = made[name].read(images[dpi], psm, layer=None, tsv=False, folder=None)
            spent += time.perf_counter() - started
            if confidence is not None:
                confidences.append(confidence)
            found = words(text)
            if (name, dpi, psm) == variants[0]:
                reference[label] = found
            wanted = reference[label]
            total += len(wanted)
            agree += len(wanted & found)
        low = sum(1 for c in confidences if c < ocr.LOW_CONFIDENCE)
        conf = f", {low} pages below confidence {ocr.LOW_CONFIDENCE}" if confidences else ""
        print(
            f"{name:9} {dpi} dpi psm {psm}: {spent / len(samples):5.2f} s/page, title and "
            f"ratification words as at 300 dpi psm 3: {agree}/{total} "
            f"({100 * agree / max(1, total):.1f}%){conf}"
        )


CORPUS = REPO.parent / "shared" / "corpus" / "real"
REAL_SCANS = ("Perpres 47 Tahun 2023.pdf", "Perpres 82 Tahun 2023.pdf")


def _images(page: pdfium.PdfPage) -> dict[int, bytes]:
    out = {}
    for dpi in (200, 300):
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        out[dpi] = ocr.pgm(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
        bitmap.close()
    page.close()
    return out


def pages_case(args: argparse.Namespace) -> None:
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
