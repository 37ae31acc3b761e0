"""Score the audit against the labelled corpus: accuracy, false completes, results per trap.

Audits each tree of the corpus (`evidence-check audit TREE --format json --no-cache`, with the
tree's map: the default map for the Pemdi tree, `spbe-2020` for the SPBE archive), joins the rows
to the labels by item code (or evidence id) and agency, and counts a row right when its status is
the label's (or one the label accepts) and its reasons include the label's. A false complete is a
row the audit calls complete where the label says weak or missing: the costliest error, as the OPD
stops working on a row the assessor will send back. Without --tree the corpus is built first in a
temporary folder (scripts/make_labelled.py).
Usage: python scripts/score_labelled.py [--tree DIR] [--map FILE] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Verdict:
    """One labelled row against the audit's row."""

    label: dict[str, object]
    status: str | None  # None: the audit has no such row
    reasons: tuple[str, ...]
    agency: str | None

    @property
    def key(self) -> str:
        return str(self.label.get("code") or self.label.get("evidence"))

    @property
    def accepted(self) -> tuple[str, ...]:
        accept = self.label.get("accept")
        return tuple(accept) if isinstance(accept, list) else (str(self.label["status"]),)

    @property
    def right(self) -> bool:
        wanted = set(self.label.get("reasons") or ())  # type: ignore[call-overload]
        return self.status in self.accepted and wanted <= set(self.reasons)

    @property
    def false_complete(self) -> bool:
        return self.status == "complete" and "complete" not in self.accepted

    def line(self) -> str:
        want = "|".join(self.accepted)
        reasons = self.label.get("reasons")
        if reasons:
            want += " [" + ", ".join(reasons) + "]"  # type: ignore[arg-type]
        got = self.status or "no such row"
        if self.reasons:
            got += " [" + ", ".join(self.reasons) + "]"
        if self.agency and self.agency != self.label["agency"]:
            got += f" (the map leads it by {self.agency})"
        return (
            f"{self.key} {self.label['agency']}: got {got}, want {want}"
            f"  ({self.label['trap']}: {self.label['why']})"
        )


@dataclass
class Score:
    verdicts: list[Verdict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.verdicts)

    @property
    def right(self) -> int:
        return sum(v.right for v in self.verdicts)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def false_completes(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.false_complete]

    def per_trap(self) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        for v in self.verdicts:
            right, total = out.get(str(v.label["trap"]), (0, 0))
            out[str(v.label["trap"])] = (right + v.right, total + 1)
        return dict(sorted(out.items()))

    def report(self) -> str:
        lines = [
            f"Labelled corpus: {self.total} rows, {self.right} right "
            f"({100 * self.accuracy:.1f}%), {len(self.false_completes)} false complete"
        ]
        lines += [f"ERROR {e}" for e in self.errors]
        lines.append("False completes (complete where the label says weak or missing):")
        lines += [f"  {v.line()}" for v in self.false_completes] or ["  none"]
        lines.append("Per trap (right/rows):")
        width = max((len(t) for t in self.per_trap()), default=0)
        for trap, (right, total) in self.per_trap().items():
            mark = "" if right == total else "   <-"
            lines.append(f"  {trap:<{width}}  {right}/{total}{mark}")
        wrong = [v for v in self.verdicts if not v.right and not v.false_complete]
        lines.append("Other wrong rows:")
        lines += [f"  {v.line()}" for v in wrong] or ["  none"]
        return "\n".join(lines)

    def as_json(self) -> dict[str, object]:
        return {
            "rows": self.total,
            "right": self.right,
            "accuracy": round(self.accuracy, 4),
            "false_completes": [v.key + " " + str(v.label["agency"]) for v in self.false_completes],
            "per_trap": {t: {"right": r, "rows": n} for t, (r, n) in self.per_trap().items()},
            "errors": self.errors,
        }


def run_audit(tree: Path, map_name: str | None) -> tuple[dict[str, object] | None, str | None]:
    """The audit's JSON result for one tree, or the error that kept it from running."""
    command = [sys.executable, "-m", "evidence_check", "audit", str(tree), "--format", "json"]
    command.append("--no-cache")
    if map_name:
        command += ["--map", map_name]
    # run beside the tree, so the interpreter's installed evidence_check is the one measured
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=tree.parent)
    if done.returncode not in (0, 1):
        return None, f"{tree.name}: exit {done.returncode}: {done.stderr.strip()[-500:]}"
    try:
        return json.loads(done.stdout), None
    except json.JSONDecodeError as error:
        return None, f"{tree.name}: the output is not JSON ({error})"


def join(labels: Sequence[dict[str, object]], result: dict[str, object] | None) -> list[Verdict]:
    """Each label with the audit row of the same code (or evidence id); where several rows share
    it (an `each` item), the one of the label's agency."""
    rows = result.get("requirements", []) if result else []
    by_key: dict[str, list[dict[str, object]]] = {}
    for row in rows:  # type: ignore[union-attr]
        for key in {row.get("code"), row.get("evidence")} - {None}:
            by_key.setdefault(str(key), []).append(row)
    verdicts = []
    for label in labels:
        found = by_key.get(str(label.get("code") or label.get("evidence")), [])
        if len(found) > 1:
            found = [r for r in found if r.get("agency") == label["agency"]]
        row = found[0] if len(found) == 1 else None
        verdicts.append(
            Verdict(
                label=label,
                status=str(row["status"]) if row else None,
                reasons=tuple(row.get("reasons") or ()) if row else (),  # type: ignore[arg-type]
                agency=str(row.get("agency")) if row else None,
            )
        )
    return verdicts


def score(outdir: Path, default_map: str | None = None) -> Score:
    """Audit every tree of the corpus under `outdir` and score it against its labels.json;
    `default_map` stands in for the default map (a candidate map to measure)."""
    document = json.loads((outdir / "labels.json").read_text(encoding="utf-8"))
    result = Score()
    for name, tree in document["trees"].items():
        labels = [label for label in document["labels"] if label["tree"] == name]
        audit, error = run_audit(outdir / tree["path"], tree["map"] or default_map)
        if error:
            result.errors.append(error)
        result.verdicts += join(labels, audit)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--tree", type=Path, help="a corpus made by scripts/make_labelled.py")
    parser.add_argument("--map", help="judge the Pemdi tree with this map, not the default one")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    options = parser.parse_args(argv)
    if options.tree is not None:
        result = score(options.tree, options.map)
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import make_labelled

        with tempfile.TemporaryDirectory() as folder:
            make_labelled.build(Path(folder))
            result = score(Path(folder), options.map)
    try:
        print(json.dumps(result.as_json(), indent=1) if options.json else result.report())
        sys.stdout.flush()
    except BrokenPipeError:  # the reader (head, less) stopped early: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1 if result.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
