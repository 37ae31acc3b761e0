"""What the probe corpora (scripts/probe_region.py, scripts/probe_kabupaten.py) share: labels
written as each document is built, the two trees each corpus writes, and the scoring of an audit.

A label names one row (item code and agency): the status an assessor would give, the statuses
accepted, the reasons the row must include, why, and the files it rests on.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

LABELS: list[dict[str, object]] = []


def label(
    code: str,
    agency: str,
    status: str,
    why: str,
    files: list[str],
    *,
    reasons: tuple[str, ...] = (),
    accept: tuple[str, ...] = (),
) -> None:
    LABELS.append(
        {
            "code": code,
            "agency": agency,
            "status": status,
            "accept": list(accept) or [status],
            "reasons": list(reasons),
            "why": why,
            "files": files,
        }
    )


def score(outdir: Path, result_path: Path, labels_name: str = "labels.json") -> int:
    labels = json.loads((outdir / labels_name).read_text())
    result = json.loads(result_path.read_text())
    rows = {(r.get("code"), r["agency"]): r for r in result["requirements"]}
    wrong = 0
    for lab in labels:
        row = rows.get((lab["code"], lab["agency"]))
        if row is None:
            print("NO ROW", lab["code"], lab["agency"])
            wrong += 1
            continue
        ok = row["status"] in lab["accept"] and set(lab["reasons"]) <= set(row["reasons"])
        wrong += not ok
        docs = "; ".join(
            f"{d['path']}{' p' + str(d['part']) if d.get('part') else ''} ({d['score']})"
            for d in row["documents"][:2]
        )
        print(
            f"{'ok ' if ok else 'BAD'} {lab['code']:10} exp {lab['status']:8} "
            f"{lab['reasons']!s:14} got {row['status']:8} {row['reasons']} | {docs}"
        )
    print(f"{len(labels) - wrong}/{len(labels)} right")
    return wrong


def main(argv: list[str], build: Callable[[Path], None], variants: Callable[[Path], None]) -> int:
    """`OUTDIR`: write OUTDIR/tree and OUTDIR/variants with their labels; `--score OUTDIR
    RESULT.json [LABELS]`: score an audit of one of them."""
    if argv[:1] == ["--score"]:
        return 1 if score(Path(argv[1]), Path(argv[2]), *argv[3:4]) else 0
    outdir = Path(argv[0])
    for tree, labels, write in (
        ("tree", "labels.json", build),
        ("variants", "variants-labels.json", variants),
    ):
        LABELS.clear()
        write(outdir / tree)
        (outdir / labels).write_text(json.dumps(LABELS, indent=1, ensure_ascii=False))
    LABELS.clear()
    print("labels written: labels.json (tree), variants-labels.json (variants)")
    return 0
