"""The terminal report: a to-do list per agency, what is missing or weak and what to do.

`render` is pure; `color=True` adds ANSI colours for a terminal, which only the caller can know of.
"""

from __future__ import annotations

from evidence_check.messages import message, status_label
from evidence_check.models import AuditResult, Status
from evidence_check.report.view import AgencyView, ItemView, build, changes_view

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
    out = [
        paint(f"{view.title}: {view.evaluation} ({view.map_source})", "1"),
        *_changes(result, paint, lang),
        message("summary", lang, complete=tally.complete, weak=tally.weak, missing=tally.missing),
    ]
    if view.score is not None:
        out.append(paint(view.score.line, "1"))
        out.extend(f"  {name}: {value:.2f}" for name, value in view.score.groups)
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
    head = f"  {label} {item.indicator} · {item.title}"
    if item.gain:
        head += " " + message("gain", lang, gain=f"{item.gain:.3f}")
    lines = [head + (f" ({item.led_by})" if item.led_by else "")]
    lines.extend(f"      - {reason}" for reason in item.reasons)
    for doc in item.documents:
        bits = [message("document.line", lang, score=doc.score)]
        if doc.page is not None:
            bits.append(message("document.page", lang, page=doc.page))
        if doc.year is not None:
            bits.append(message("document.year", lang, year=doc.year))
        problems = f" [{', '.join(doc.problems)}]" if doc.problems else ""
        lines.append(f"        {doc.path} ({', '.join(bits)}){problems}")
    lines.extend(f"      → {action}" for action in item.actions)
    return lines
