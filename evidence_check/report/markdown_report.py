"""The Markdown report: summary tables, then per agency its to-do list and the evidence behind it.

For pasting into a wiki, an issue or a chat; every document-derived string is escaped so a file
name cannot turn into a link, a table cell break or raw HTML.
"""

from __future__ import annotations

import re

from evidence_check.messages import message
from evidence_check.models import AuditResult, Status
from evidence_check.report.view import (
    AgencyView,
    DocumentView,
    ItemView,
    ReportView,
    Tally,
    build,
    changes_view,
    document_bits,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#])")


def escape(text: str) -> str:
    """Backslash-escape the characters that Markdown (CommonMark, GFM tables) gives a meaning."""
    return _SPECIAL.sub(r"\\\1", text)


def render(result: AuditResult, lang: str = "id") -> str:
    view = build(result, lang)
    statuses = view.statuses
    out = [
        f"# {escape(view.title)}: {escape(view.evaluation)}",
        "",
        *(f"> **{escape(line)}**\n" for line in view.head_lines),
        escape(view.generated),
        "",
        *_changes(result, lang),
        *_score(view),
        f"## {message('heading.overall', lang)}",
        "",
        *_tally_table([(message("tally.total", lang), view.tally)], "", statuses, lang),
        "",
        f"### {message('heading.groups', lang)}",
        "",
        *_tally_table(
            [(escape(g.name), g.tally) for g in view.groups],
            message("column.group", lang),
            statuses,
            lang,
        ),
        "",
        f"### {message('heading.agencies', lang)}",
        "",
        *_tally_table(
            [(f"{escape(a.name)} ({escape(a.id)})", a.tally) for a in view.agencies],
            message("column.agency", lang),
            statuses,
            lang,
        ),
        "",
    ]
    for agency in view.agencies:
        out.extend(_agency(agency, lang))
    out.extend(_notes(view, lang))
    return "\n".join(out).rstrip() + "\n"


def _score(view: ReportView) -> list[str]:
    score = view.score
    if score is None:
        return []
    lang = view.lang
    lines = [f"## {message('heading.score', lang)}", "", f"**{escape(score.line)}**", ""]
    for section in score.sections:
        lines.append(f"| {escape(section.heading)} | {message('column.index', lang)} |")
        lines.append("| --- | ---: |")
        lines.extend(f"| {escape(name)} | {value} |" for name, value in section.rows)
        lines.append("")
    if score.externals:
        lines.extend([f"### {message('score.heading.external', lang)}", ""])
        lines.extend(f"- {escape(line)}" for line in score.externals)
        lines.append("")
    return lines


def _changes(result: AuditResult, lang: str) -> list[str]:
    """The change since the baseline audit (--baseline), before the summary."""
    changes = changes_view(result, lang)
    if changes is None:
        return []
    lines = [f"## {escape(changes.heading)}", "", f"- {escape(changes.counts)}"]
    lines += [f"- {escape(changes.tally)}"] + (
        [f"- {escape(changes.index)}"] if changes.index else []
    )
    lines.append("")
    for agency in changes.agencies:
        lines += [f"### {escape(agency.name)} ({escape(agency.id)})", ""]
        lines += [f"- ✓ {message('changes.done', lang)}: {escape(d)}" for d in agency.done]
        lines += [
            f"- ⚠ {message('changes.new_problems', lang)}: {escape(p)}" for p in agency.new_problems
        ]
        lines.append("")
    return lines


def _tally_table(
    rows: list[tuple[str, Tally]], first: str, statuses: tuple[Status, ...], lang: str
) -> list[str]:
    keys = [*(s.value for s in statuses), "total"]
    heads = [message(f"tally.{k}", lang) for k in keys]
    lines = [f"| {first} | {' | '.join(heads)} |", "| --- |" + " ---: |" * len(keys)]
    for name, tally in rows:
        counts = [*(tally.of(s) for s in statuses), tally.total]
        lines.append(f"| {name} | {' | '.join(str(c) for c in counts)} |")
    return lines


def _agency(agency: AgencyView, lang: str) -> list[str]:
    lines = [f"## {escape(agency.name)} ({escape(agency.id)})", ""]
    if agency.todo:
        lines.extend([f"### {message('agency.todo', lang)}", ""])
        for number, item in enumerate(agency.todo, 1):
            lines.extend(_item(number, item, lang))
        lines.append("")
    elif not agency.renames:
        lines.extend([message("agency.nothing", lang), ""])
    if agency.waived:
        lines.extend([f"### {message('heading.waived', lang)}", ""])
        lines.extend(
            f"- {escape(i.indicator)} · {escape(i.evidence)} · {escape(i.title)}: {escape(i.waiver)}"
            for i in agency.waived
        )
        lines.append("")
    if agency.renames:
        lines.extend([f"### {message('rename.heading', lang)}", ""])
        lines.extend(f"- {escape(r.action)}" for r in agency.renames)
        lines.append("")
    if agency.done:
        lines.extend([f"### {message('heading.done', lang)}", ""])
        heads = ["indicator", "evidence", "requirement", "file", "page", "score", "snippet"]
        lines.append("| " + " | ".join(message(f"column.{h}", lang) for h in heads) + " |")
        lines.append("| --- | --- | --- | --- | ---: | ---: | --- |")
        for item in agency.done:
            for doc in item.documents or (None,):
                lines.append(_done_row(item, doc, lang))
        lines.append("")
    return lines


def _item(number: int, item: ItemView, lang: str) -> list[str]:
    head = (
        f"{number}. **{item.status_label}** · {escape(item.indicator)} · {escape(item.evidence)}"
        f" · {escape(item.title)}"
    )
    if item.gain_text:
        head += f" {escape(item.gain_text)}"
    lines = [head + (f" ({escape(item.led_by)})" if item.led_by else "")]
    lines.extend(f"   - {escape(reason)}" for reason in item.reasons)
    lines.extend(f"   - {_document(doc, lang)}" for doc in item.documents)
    lines.extend(f"   - → {escape(action)}" for action in item.actions)
    return lines


def _document(doc: DocumentView, lang: str) -> str:
    bits = document_bits(doc, lang)
    text = f"{message('column.file', lang)}: {escape(doc.path)} ({escape(', '.join(bits))})"
    return text + (f": “{escape(doc.snippet)}”" if doc.snippet else "")


def _done_row(item: ItemView, doc: DocumentView | None, lang: str) -> str:
    cells = [escape(item.indicator), escape(item.evidence), escape(item.title)]
    if doc is None:
        cells.extend(["", "", "", ""])
    else:
        page = "" if doc.page is None else str(doc.page)
        path = escape(doc.path) + (f" ({message('document.pinned', lang)})" if doc.pinned else "")
        cells.extend([path, page, doc.score, escape(doc.snippet)])
    return "| " + " | ".join(cells) + " |"


def _notes(view: ReportView, lang: str) -> list[str]:
    if not view.notes:
        return []
    return [f"## {message('heading.notes', lang)}", "", *(f"- {escape(n)}" for n in view.notes)]
