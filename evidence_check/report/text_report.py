"""The terminal report: a to-do list per agency, what is missing or weak and what to do.

`render` is pure; `color=True` adds ANSI colours for a terminal, which only the caller can know of.
"""

from __future__ import annotations

from evidence_check.messages import message, status_label
from evidence_check.models import AuditResult, Status
from evidence_check.report.view import (
    AgencyView,
    ItemView,
    ReportView,
    build,
    changes_view,
    document_bits,
)

_COLOURS = {Status.COMPLETE: "32", Status.WEAK: "33", Status.MISSING: "31", Status.WAIVED: "90"}


class _Paint:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.enabled else text

    def status(self, text: str, status: Status) -> str:
        return self(text, "1;" + _COLOURS[status])


def render(result: AuditResult, lang: str = "id", *, color: bool = False) -> str:
    view = build(result, lang)
    paint = _Paint(color)
    tally = view.tally
    out = [paint(f"{view.title}: {view.evaluation} ({view.map_source})", "1")]
    out.extend(paint(line, "1") for line in view.head_lines)
    out.extend(_changes(result, paint, lang))
    summary = message(
        "summary", lang, complete=tally.complete, weak=tally.weak, missing=tally.missing
    )
    if tally.waived:
        summary += f" · {tally.waived} {message('tally.waived', lang).lower()}"
    out.append(summary)
    if view.deadline:
        out.append(message("deadline.line", lang, date=view.deadline))
    out.extend(_score(view, paint))
    out.append("")
    width = max((len(a.id) for a in view.agencies), default=0)
    for agency in view.agencies:
        counts = "  ".join(
            paint.status(f"{status_label(s, lang).lower()} {agency.tally.of(s):>2}", s)
            if agency.tally.of(s)
            else f"{status_label(s, lang).lower()} {agency.tally.of(s):>2}"
            for s in view.statuses
        )
        out.append(f"  {agency.id:<{width}}  {counts}")
    out.append("")
    for agency in view.agencies:
        out.extend(_agency(agency, paint, lang))
    out.extend(view.notes)
    return "\n".join(out).rstrip() + "\n"


def _score(view: ReportView, paint: _Paint) -> list[str]:
    score = view.score
    if score is None:
        return []
    lines = [paint(score.line, "1")]
    for section in score.sections:
        lines.append(f"  {section.heading}:")
        lines.extend(f"    {name}: {value}" for name, value in section.rows)
    if score.externals:
        lines.append(f"  {message('score.heading.external', view.lang)}:")
        lines.extend(f"    {line}" for line in score.externals)
    return lines


def _changes(result: AuditResult, paint: _Paint, lang: str) -> list[str]:
    """The change since the baseline audit (--baseline), first thing under the title."""
    changes = changes_view(result, lang)
    if changes is None:
        return []
    lines = [paint(changes.heading, "1"), f"  {changes.counts}", f"  {changes.tally}"]
    lines += [f"  {changes.index}"] if changes.index else []
    for agency in changes.agencies:
        lines.append(f"  {agency.name} ({agency.id})")
        lines += [
            f"    {paint('✓', '32')} {message('changes.done', lang)}: {d}" for d in agency.done
        ]
        lines += [
            f"    {paint('!', '31')} {message('changes.new_problems', lang)}: {p}"
            for p in agency.new_problems
        ]
    return [*lines, ""]


def _agency(agency: AgencyView, paint: _Paint, lang: str) -> list[str]:
    lines = [paint(f"== {agency.name} ({agency.id}) ==", "1")]
    for item in agency.todo:
        lines.extend(_item(item, paint, lang))
    for item in agency.done:  # a pinned file is a person's word: show it where it counts
        for doc in (d for d in item.documents if d.pinned):
            label = paint.status(f"[{item.status_label}]", item.status)
            lines.append(f"  {label} {item.indicator} · {item.evidence} · {item.title}")
            lines.append(f"        {doc.path} ({', '.join(document_bits(doc, lang))})")
    if agency.waived:
        lines.append(f"  {message('heading.waived', lang)}:")
        for item in agency.waived:
            label = paint.status(f"[{item.status_label}]", item.status)
            lines.append(f"  {label} {item.indicator} · {item.evidence} · {item.title}")
            lines.append(f"      {item.waiver}")
    if agency.renames:
        lines.append(f"  {message('rename.heading', lang)}:")
        lines.extend(f"      → {rename.action}" for rename in agency.renames)
    # a file to rename is no gap, but "nothing to fix" above a rename would contradict it
    nothing = not agency.todo and not agency.renames
    done = message("agency.complete_count", lang, count=len(agency.done))
    lines.append("  " + (message("agency.nothing", lang) if nothing else done))
    lines.append("")
    return lines


def _item(item: ItemView, paint: _Paint, lang: str) -> list[str]:
    label = paint.status(f"[{item.status_label}]", item.status)
    head = f"  {label} {item.indicator} · {item.evidence} · {item.title}"
    if item.gain_text:
        head += " " + item.gain_text
    lines = [head + (f" ({item.led_by})" if item.led_by else "")]
    lines.extend(f"      - {reason}" for reason in item.reasons)
    for doc in item.documents:
        lines.append(f"        {doc.path} ({', '.join(document_bits(doc, lang))})")
    lines.extend(f"      → {action}" for action in item.actions)
    return lines
