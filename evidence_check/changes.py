"""What changed between two audits: the current result against an earlier JSON result (`--baseline`).

Rows are matched by (evidence id, agency), then by (portal code, agency) for rows whose id changed;
each differing row is resolved, regressed, changed, added or removed. A pure comparison: where the
baseline comes from (a file, the history store) is the caller's business.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from evidence_check.evidence_map import MapError
from evidence_check.models import AuditResult, ChangeKind, Changes, Finding, RowChange, RowState

#: the JSON result formats a baseline may have
BASELINE_FORMATS = (1, 2)
_GAPS = ("weak", "missing")
_STATUSES = ("complete", "weak", "missing", "waived")


class BaselineError(MapError):
    """A --baseline file that is not an earlier JSON result; `lines` holds the message (exit 2)."""


def read_baseline(path: Path) -> dict[str, Any]:
    """An earlier JSON result (format 1 or 2), checked enough to compare against."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError([f"{path}: cannot read the baseline: {exc}"]) from exc
    except json.JSONDecodeError as exc:
        raise BaselineError([f"{path}: not a JSON result of evidence-check: {exc}"]) from exc
    problem = baseline_problem(data)
    if problem:
        raise BaselineError([f"{path}: {problem}"])
    return data  # type: ignore[no-any-return]


def baseline_problem(data: Any) -> str | None:
    """Why `data` cannot serve as a baseline, or None."""
    if not isinstance(data, dict) or "requirements" not in data:
        return "not a JSON result of evidence-check (expected its requirements)"
    version = data.get("format")
    if version not in BASELINE_FORMATS:
        formats = " or ".join(str(v) for v in BASELINE_FORMATS)
        return f"expected a JSON result of format {formats}, got format {version!r}"
    rows = data["requirements"]
    if not isinstance(rows, list) or not all(
        isinstance(r, dict) and {"evidence", "agency", "status"} <= r.keys() for r in rows
    ):
        return "requirements: expected rows with evidence, agency and status"
    if not isinstance(data.get("generated_at"), str):
        return 'missing key "generated_at"'
    return None


def compare(result: AuditResult, baseline: dict[str, Any]) -> Changes:
    """The rows of `result` that differ from `baseline` (a JSON result as a dict)."""
    before = [r for r in baseline["requirements"] if _in_scope(r, result.self_check)]
    by_id = {(r["evidence"], r["agency"]): r for r in before}
    matched: dict[int, dict[str, Any]] = {}
    unmatched: list[int] = []
    for index, finding in enumerate(result.findings):
        row = by_id.pop((finding.evidence.id, finding.agency), None)
        if row is None:
            unmatched.append(index)
        else:
            matched[index] = row
    by_code = {(r.get("code"), r["agency"]): r for r in by_id.values() if r.get("code")}
    for index in unmatched:
        finding = result.findings[index]
        row = by_code.pop((finding.evidence.code, finding.agency), None)
        if finding.evidence.code and row is not None:
            matched[index] = row
            del by_id[(row["evidence"], row["agency"])]
    changes = []
    for position, finding in enumerate(result.findings):
        after = RowState(
            status=finding.status.value, reasons=tuple(r.value for r in finding.reasons)
        )
        old = matched.get(position)
        if old is None:
            changes.append(_change(ChangeKind.ADDED, finding, None, after))
            continue
        previous = _state(old)
        kind = _kind(previous, after)
        if kind is not None:
            changes.append(_change(kind, finding, previous, after))
    for row in by_id.values():
        changes.append(
            RowChange(
                kind=ChangeKind.REMOVED,
                indicator=str(row.get("indicator", "")),
                evidence=str(row["evidence"]),
                code=row.get("code"),
                agency=str(row["agency"]),
                title=str(row.get("title") or row["evidence"]),
                before=_state(row),
                after=None,
            )
        )
    score, summary = baseline.get("score"), baseline.get("summary")
    then = score.get("index") if isinstance(score, dict) else None
    summary = summary if isinstance(summary, dict) else {}
    return Changes(
        baseline=baseline["generated_at"],
        baseline_summary=tuple((s, int(summary.get(s) or 0)) for s in _STATUSES),
        baseline_index=float(then) if isinstance(then, int | float) else None,
        rows=tuple(changes),
    )


def with_changes(result: AuditResult, baseline: dict[str, Any] | None) -> AuditResult:
    """The result carrying its changes since `baseline` (unchanged without one)."""
    if baseline is None:
        return result
    return dataclasses.replace(result, changes=compare(result, baseline))


def narrow(changes: Changes | None, agency: str) -> Changes | None:
    """The changes of one agency's rows: what its to-do list shows."""
    if changes is None:
        return None
    return dataclasses.replace(changes, rows=tuple(r for r in changes.rows if r.agency == agency))


def new_problems(rows: Iterable[RowChange]) -> tuple[RowChange, ...]:
    """Regressed rows, and rows still short that gained a reason: what got worse."""
    out = []
    for row in rows:
        if row.kind is ChangeKind.REGRESSED:
            out.append(row)
        elif row.kind is ChangeKind.CHANGED and row.after and row.after.status in _GAPS:
            gained = set(row.after.reasons) - set(row.before.reasons if row.before else ())
            if gained or (row.before and row.before.status == "waived"):
                out.append(row)
    return tuple(out)


def _in_scope(row: dict[str, Any], self_check: str | None) -> bool:
    """A self-check compares only the rows its agency owns (a whole-tree baseline has more)."""
    if self_check is None:
        return True
    owners = row.get("owners")
    return row["agency"] == self_check or (isinstance(owners, list) and self_check in owners)


def _state(row: dict[str, Any]) -> RowState:
    reasons = row.get("reasons")
    if not isinstance(reasons, list):  # a format 1 result before reason codes: its problems
        reasons = []
    return RowState(status=str(row["status"]), reasons=tuple(str(r) for r in reasons))


def _kind(before: RowState, after: RowState) -> ChangeKind | None:
    if before.status in _GAPS and after.status == "complete":
        return ChangeKind.RESOLVED
    if before.status == "complete" and after.status in _GAPS:
        return ChangeKind.REGRESSED
    if before.status != after.status or set(before.reasons) != set(after.reasons):
        return ChangeKind.CHANGED
    return None


def _change(
    kind: ChangeKind, finding: Finding, before: RowState | None, after: RowState
) -> RowChange:
    return RowChange(
        kind=kind,
        indicator=finding.indicator.id,
        evidence=finding.evidence.id,
        code=finding.evidence.code,
        agency=finding.agency,
        title=finding.evidence.title,
        before=before,
        after=after,
    )
