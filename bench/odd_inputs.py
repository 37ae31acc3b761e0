"""Measure two odd inputs once: a map of 20,000 indicators written as JSON, HTML, DOCX and XLSX,
and a ZIP archive of 5,000 small PDFs audited cold.

Both were worse than linear before (XLSX of the big map 421 s, the big ZIP about 300 s); the issue
asks for the four reports together under 300 s. Each part runs `evidence-check audit` as a user
does (a subprocess, no cache), with a private TMPDIR that must be empty afterwards.

Usage: python bench/odd_inputs.py [--indicators N] [--documents N] [--members N] [--jobs N]
       [--only map|zip]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from docgen import raw_pdf

AGENCIES = ["diskominfo", "bappeda", "bag-hukum", "inspektorat"]
#: enough text that a page is not taken for a scan (and sent to OCR)
FILLER = "PEMERINTAH KABUPATEN MOJOSARI TAHUN ANGGARAN 2025 TRIWULAN KEEMPAT"
FOLDERS = {"diskominfo": "01. Diskominfo", "bappeda": "02. Bappeda", "bag-hukum": "03. Hukum"}


def big_map(indicators: int) -> str:
    lines = [
        "version: 1",
        "evaluation: {name: Evaluasi besar, year: 2025}",
        "agencies:",
        *(f"  - {{id: {a}, name: Dinas {a}}}" for a in AGENCIES),
        "indicators:",
    ]
    for number in range(indicators):
        owner = AGENCIES[number % len(AGENCIES)]
        lines += [
            f"  - id: IND-{number:05d}",
            f"    name: Indikator nomor {number} tentang layanan {number % 97}",
            f"    group: Domain {number % 7} / Aspek {number % 23}",
            "    weight: 1",
            "    evidence:",
            f"      - {{id: bukti-{number:05d}, title: Laporan Layanan {number}, "
            f"kind: report, owners: [{owner}], keywords: [Laporan Layanan {number}]}}",
        ]
    return "\n".join(lines) + "\n"


def _pdf(text: str) -> bytes:
    stream = f"BT /F1 11 Tf 40 800 Td ({text}) Tj ET".encode()
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        ]
    )


def run(command: list[str], tmp: Path) -> float:
    env = {**os.environ, "TMPDIR": str(tmp)}
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"exit {done.returncode}: {done.stderr[-2000:]}")
    left = list(tmp.iterdir())
    if left:
        raise SystemExit(f"left in TMPDIR: {left}")
    return seconds


def measure_map(base: Path, indicators: int, documents: int, jobs: int) -> None:
    root = base / "map-tree"
    for folder in FOLDERS.values():
        (root / folder).mkdir(parents=True)
    # documents that match some rows, so that rows carry candidates, files and actions
    folders = list(FOLDERS.values())
    for number in range(0, min(indicators, documents * 7), 7):
        folder = folders[number % len(folders)]
        name = f"Laporan Layanan {number}.pdf"
        (root / folder / name).write_bytes(_pdf(f"LAPORAN LAYANAN {number} {FILLER}"))
    map_file = base / "big-map.yaml"
    map_file.write_text(big_map(indicators), encoding="utf-8")
    out = base / "reports"
    command = [sys.executable, "-m", "evidence_check", "audit", str(root), "--map", str(map_file)]
    command += ["--no-cache", "--no-ocr", "--jobs", str(jobs), "--output-dir", str(out)]

    for fmt in ("json", "html", "docx", "xlsx"):
        seconds = run([*command, "--format", fmt], base / "tmp")

        size = (out / f"evidence-check.{fmt}").stat().st_size
        print(f"map of {indicators} indicators, {fmt}: {seconds:.1f} s ({size / 1e6:.1f} MB)")
    together = run(
        [*command, *(f"--format={f}" for f in ("json", "html", "docx", "xlsx"))], base / "tmp"
    )
    print(f"map of {indicators} indicators, the four formats in one run: {together:.1f} s")


def measure_zip(base: Path, members: int, jobs: int) -> None:
    root = base / "zip-tree"
    (root / FOLDERS["bappeda"]).mkdir(parents=True)
    with zipfile.ZipFile(root / FOLDERS["bappeda"] / "kiriman.zip", "w") as archive:
        for number in range(members):
            archive.writestr(
                f"dokumen/Laporan {number:05d}.pdf",
                _pdf(f"LAPORAN KEGIATAN {number} DINAS {FILLER}"),
            )
    map_file = base / "small-map.yaml"
    map_file.write_text(big_map(20), encoding="utf-8")
    command = [sys.executable, "-m", "evidence_check", "audit", str(root), "--map", str(map_file)]
    command += [
        "--no-cache",
        "--jobs",
        str(jobs),
        "--format",
        "json",
        "--output",
        str(base / "z.json"),
    ]
    seconds = run(command, base / "tmp")
    print(
        f"ZIP of {members} PDFs, cold, --jobs {jobs}: {seconds:.1f} s ({members / seconds:.0f} members/s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indicators", type=int, default=20_000)
    parser.add_argument("--documents", type=int, default=500, help="files in the map's tree")
    parser.add_argument("--members", type=int, default=5_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", choices=("map", "zip"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="evidence-check-bench-") as folder:
        base = Path(folder)
        (base / "tmp").mkdir()
        if args.only in (None, "map"):
            measure_map(base, args.indicators, args.documents, args.jobs)
        if args.only in (None, "zip"):
            measure_zip(base, args.members, args.jobs)


if __name__ == "__main__":
    main()
