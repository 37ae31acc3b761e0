"""Benchmark an audit at the scale of a whole kabupaten, against bare PDFium in the same run.

Builds a tree of N documents (default 2,000; `--docs 10000` on request) spread over the shipped
SPBE map's agencies: PDFs (regulations, decrees, reports; 2-40 pages, ~9 on average) and DOCX, then
reports, in one run:
- cold audit (empty cache) with `--jobs` processes: documents/s and pages/s;
- the bare-extraction baseline over the same files with the same number of processes: pypdfium2
  text of every PDF page, and the text of every DOCX's XML parsed by ElementTree, nothing else;
- warm re-audit of the unchanged tree (same cache), as a share of the cold time;
- a cold audit with one process, for the speed-up of two;
- the peak of the summed resident memory of the whole process tree (parent and workers);
- the share of the cold audit's time spent in discovery, reading, matching and judgement.
- with `--scheduler local:N` (or tcp://HOST:8786): a cold audit on that Dask cluster, against the
  cold `--jobs` audit (the cluster's start and stop included, as a user sees them); `--rounds N`
  takes N such pairs in turn, for a mean and a median on a machine whose speed drifts.
The audits run as `evidence-check` subprocesses, as a user runs them.

Usage: python bench/scale.py [--docs N] [--jobs N] [--scheduler S [--rounds N]] [--tree DIR] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from xml.etree import ElementTree

import pypdfium2 as pdfium

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from docgen import raw_pdf

REPO = Path(__file__).resolve().parents[1]
TOPICS = [
    "Arsitektur Sistem Pemerintahan Berbasis Elektronik", "Peta Rencana SPBE", "Manajemen Data",
    "Pembangunan Aplikasi SPBE", "Layanan Pusat Data", "Layanan Jaringan Intra Pemerintah Daerah",
    "Sistem Penghubung Layanan", "Manajemen Keamanan Informasi", "Audit Teknologi Informasi",
    "Tim Koordinasi SPBE", "Manajemen Risiko SPBE", "Manajemen Pengetahuan", "Layanan Pengaduan",
    "Satu Data Indonesia", "Pengelolaan Arsip Dinamis", "Kinerja Pegawai", "Tata Naskah Dinas",
]  # fmt: skip
FOLDERS = [
    "01. DISKOMINFO", "02. Bappeda", "03. Bagian Hukum", "04. Inspektorat", "05. BPKAD", "06. BKPSDM",
    "07. Bagian Organisasi", "08. DPMPTSP", "09. Dispusip", "10. Disnaker", "11. Bapenda", "12. Arsip Lain",
]  # fmt: skip
FILLER = (
    "Pelaksanaan kegiatan dilakukan oleh Perangkat Daerah sesuai dengan tugas dan fungsinya dengan "
    "memperhatikan ketentuan peraturan perundang-undangan yang berlaku serta prinsip efektivitas."
)


# --- a fast, plain PDF writer: the benchmark needs thousands of distinct documents quickly ---------


def _pdf(pages: list[list[str]]) -> bytes:
    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    for index, lines in enumerate(pages):
        stream = ["BT /F1 10 Tf 50 800 Td 13 TL"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            stream.append(f"({escaped}) '")
        stream.append("ET")
        content = "\n".join(stream).encode("latin-1", "replace")
        page_id = 4 + 2 * index  # objects 1-3: catalog, page tree, font; then page, contents
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {page_id + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    return raw_pdf(objects)


def _docx(paragraphs: list[str]) -> bytes:
    import io
    from xml.sax.saxutils import escape

    body = "".join(f"<w:p><w:r><w:t>{escape(p)}</w:t></w:r></w:p>" for p in paragraphs)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def _document(rng: random.Random, index: int) -> tuple[str, list[list[str]]]:
    topic = rng.choice(TOPICS)
    year = rng.randint(2016, 2025)
    kind = rng.choices(["PERATURAN BUPATI", "KEPUTUSAN BUPATI", "LAPORAN"], weights=[3, 2, 5])[0]
    pages_count = max(2, min(40, int(rng.lognormvariate(2.0, 0.6))))
    if kind == "LAPORAN":
        first = [
            f"LAPORAN PELAKSANAAN {topic.upper()}",
            f"TAHUN {year}",
            "PEMERINTAH KABUPATEN MOJOSARI",
        ]
        name = f"Laporan {topic} {year} ({index}).pdf"
    else:
        first = [
            "SALINAN", "BUPATI MOJOSARI", f"{kind} MOJOSARI", f"NOMOR {index} TAHUN {year}", "TENTANG",
            topic.upper(), "DENGAN RAHMAT TUHAN YANG MAHA ESA", "Menimbang : bahwa perlu diatur;",
        ]  # fmt: skip
        name = f"{kind.title().replace(' ', '')} {index} {year} {topic}.pdf"
    pages = [first]
    for number in range(1, pages_count):
        lines = [f"- {number + 1} -", f"Pasal {number}"] + [
            FILLER[: rng.randint(60, 95)] for _ in range(40)
        ]
        pages.append(lines)
    if kind != "LAPORAN":
        pages[-1] += [
            f"Ditetapkan di Mojosari pada tanggal {rng.randint(1, 28)} Desember {year}",
            "BUPATI MOJOSARI,",
        ]
    return name, pages


def build_tree(root: Path, count: int, seed: int = 7) -> tuple[int, int]:
    rng = random.Random(seed)
    total_pages = 0
    for index in range(count):
        folder = root / FOLDERS[index % len(FOLDERS)]
        folder.mkdir(parents=True, exist_ok=True)
        name, pages = _document(rng, index)
        if index % 5 == 4:  # every fifth document is a Word file
            text = [line for page in pages for line in page]
            (folder / name.replace(".pdf", ".docx")).write_bytes(_docx(text))
            total_pages += len(pages)
        else:
            (folder / name).write_bytes(_pdf(pages))
            total_pages += len(pages)
    return count, total_pages


# --- the bare baseline ------------------------------------------------------------------------------


def _bare_one(path: str) -> int:
    if path.endswith(".docx"):  # the bare library's work for Word: parse the XML, take its text
        with zipfile.ZipFile(path) as archive:
            "".join(ElementTree.fromstring(archive.read("word/document.xml")).itertext())
        return 1
    document = pdfium.PdfDocument(path)
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(document)
    finally:
        document.close()


def bare_extraction(root: Path, jobs: int) -> float:
    files = sorted(str(p) for p in root.rglob("*") if p.is_file())
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(_bare_one, files, chunksize=8))
    return time.perf_counter() - started


# --- audits as subprocesses, with the process tree's memory sampled ---------------------------------


def _tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{current}/task"):  # any thread may have started one
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack.extend(int(c) for c in children.read().split())
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return total


def run_audit(
    root: Path, jobs: int, cache: Path, output: Path, scheduler: str | None = None
) -> tuple[float, int, dict[str, float]]:
    command = [
        str(REPO / ".venv" / "bin" / "evidence-check"), "audit", str(root), "--map", "spbe",
        "--jobs", str(jobs), "--cache-dir", str(cache), "--format", "json", "--output", str(output),
        "--timings", "--no-history",
        *(["--scheduler", scheduler] if scheduler else []),
    ]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    elapsed = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"audit failed ({process.returncode}): {err}")
    lines = [line for line in err.splitlines() if line.startswith("{")]  # past any warnings
    timings = json.loads(lines[-1]) if lines else {}
    return elapsed, peak, timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--scheduler", help="also a cold audit on this Dask cluster (local:N)")
    parser.add_argument(
        "--rounds", type=int, default=1,
        help="with --scheduler: this many pairs of cold runs, --jobs then the cluster, in turn",
    )  # fmt: skip
    parser.add_argument("--tree", type=Path, help="build (or reuse) the tree here")
    parser.add_argument("--keep", action="store_true", help="keep the tree and caches")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="evidence-check-bench-"))
    root = args.tree or work / "tree"
    try:
        if not root.exists():
            started = time.perf_counter()
            docs, pages = build_tree(root, args.docs)
            print(f"built {docs} documents, {pages} pages in {time.perf_counter() - started:.1f} s")
        else:
            docs = sum(1 for p in root.rglob("*") if p.is_file())
            pages = 0
        bare = bare_extraction(root, args.jobs)
        cold, peak, timings = run_audit(root, args.jobs, work / "cache-cold", work / "cold.json")
        warm, _, _ = run_audit(root, args.jobs, work / "cache-cold", work / "warm.json")
        single, _, _ = run_audit(root, 1, work / "cache-single", work / "single.json")
        same = _rows(work / "cold.json") == _rows(work / "warm.json") == _rows(work / "single.json")
        total = sum(v for k, v in timings.items() if k != "pages") or 1.0
        pages = pages or int(timings.get("pages", 0))
        print(f"documents {docs}, pages {pages}, jobs {args.jobs}")
        print(
            f"bare extraction     {bare:8.2f} s  {docs / bare:8.1f} docs/s  {pages / bare:9.1f} pages/s"
        )
        print(
            f"cold audit          {cold:8.2f} s  {docs / cold:8.1f} docs/s  {pages / cold:9.1f} pages/s"
            f"  = {bare / cold:.2f}x bare throughput"
        )
        print(f"warm re-audit       {warm:8.2f} s  = {100 * warm / cold:.1f}% of cold")
        print(f"cold, one process   {single:8.2f} s  two processes are {single / cold:.2f}x faster")
        print(f"peak memory (process tree, cold) {peak / 1e6:.0f} MB")
        shares = ", ".join(
            f"{k} {100 * v / total:.1f}%" for k, v in timings.items() if k != "pages"
        )
        print(f"time shares in the cold audit: {shares}")
        print(f"same requirements in cold, warm and one-process runs: {same}")
        if args.scheduler:
            compare_cluster(root, args, work, docs, pages)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def compare_cluster(
    root: Path, args: argparse.Namespace, work: Path, docs: int, pages: int
) -> None:
    """Cold audits on the cluster against cold `--jobs` audits, each right after the other,
    in pairs taken in turn, so that a machine's slow moments fall on both alike."""
    ratios, reads = [], []
    for round_ in range(args.rounds):
        cold, _, timings = run_audit(root, args.jobs, work / f"cache-{round_}", work / "cold.json")
        dask, dask_peak, dask_timings = run_audit(
            root, args.jobs, work / f"cache-dask-{round_}", work / "dask.json", args.scheduler
        )
        ratios.append(dask / cold)
        reads.append(dask_timings.get("read", 0) / (timings.get("read", 0) or 1.0))
        print(
            f"cold, {args.scheduler:<12} {dask:7.2f} s  {docs / dask:8.1f} docs/s  "
            f"{pages / dask:9.1f} pages/s  = {100 * dask / cold:.1f}% of --jobs {args.jobs} "
            f"({cold:.2f} s; read stage {dask_timings.get('read', 0):.2f} s against "
            f"{timings.get('read', 0):.2f} s), peak memory {dask_peak / 1e6:.0f} MB, same "
            f"requirements: {_rows(work / 'dask.json') == _rows(work / 'cold.json')}"
        )
    if len(ratios) > 1:
        print(
            f"{args.scheduler} against --jobs {args.jobs}, {len(ratios)} pairs: mean "
            f"{100 * statistics.mean(ratios):.1f}%, median {100 * statistics.median(ratios):.1f}%, "
            f"{100 * min(ratios):.1f}-{100 * max(ratios):.1f}%; read stage mean "
            f"{100 * statistics.mean(reads):.1f}%"
        )


def _rows(path: Path) -> list[object]:
    return json.loads(path.read_text())["requirements"]  # type: ignore[no-any-return]


if __name__ == "__main__":
    sys.exit(main())
