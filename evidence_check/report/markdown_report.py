"""The Markdown report: summary tables, then per agency its to-do list and the evidence behind it.

For pasting into a wiki, an issue or a chat; every document-derived string is escaped so a file
name cannot turn into a link, a table cell break or raw HTML.
"""

from __future__ import annotations

import re

from evidence_check.messages import message
from evidence_check.models import AuditResult
from evidence_check.report.view import (
    AgencyView,
    DocumentView,
    ItemView,
    ReportView,
    Tally,
    build,
    changes_view,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#])")


def escape(text: str) -> str:
    """Backslash-escape the characters that Markdown (CommonMark, GFM tables) gives a meaning."""
    return _SPECIAL.sub(r"\\\1", text)


def render(result: AuditResult, lang: str = "id") -> str:
    view = build(result, lang)
    out = [
        f"# {escape(view.title)}: {escape(view.evaluation)}",
        "",
        escape(view.generated),
        "",
        *_changes(result, lang),
        f"## {message('heading.overall', lang)}",
        "",
        *_tally_table([(message("tally.total", lang), view.tally)], "", lang),
        "",
        f"### {message('heading.groups', lang)}",
        "",
        *_tally_table(
            [(escape(g.name), g.tally) for g in view.groups], message("column.group", lang), lang
        ),
        "",
        f"### {message('heading.agencies', lang)}",
        "",
        *_tally_table(
            [(f"{escape(a.name)} ({escape(a.id)})", a.tally) for a in view.agencies],
            message("column.agency", lang),
            lang,
        ),
        "",
    ]
    for agency in view.agencies:
        out.extend(_agency(agency, lang))
    out.extend(_notes(view, lang))
    return "\n".join(out).rstrip() + "\n"


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


def _tally_table(rows: list[tuple[str, Tally]], first: str, lang: str) -> list[str]:
    heads = [message(f"tally.{k}", lang) for k in ("complete", "weak", "missing", "total")]
    lines = [f"| {first} | {' | '.join(heads)} |", "| --- |" + " ---: |" * 4]
    for name, tally in rows:
        counts = (tally.complete, tally.weak, tally.missing, tally.total)
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
    if agency.renames:
        lines.extend([f"### {message('rename.heading', lang)}", ""])
        lines.extend(f"- {escape(r.action)}" for r in agency.renames)
        lines.append("")
    if agency.done:
        lines.extend([f"### {message('heading.done', lang)}", ""])
        heads = ["indicator", "requirement", "file", "page", "score", "snippet"]
        lines.append("| " + " | ".join(message(f"column.{h}", lang) for h in heads) + " |")
        lines.append("| --- | --- | --- | ---: | ---: | --- |")
        for item in agency.done:
            for doc in item.documents or (None,):
                lines.append(_done_row(item, doc))
        lines.append("")
    return lines


def _item(number: int, item: ItemView, lang: str) -> list[str]:
    head = f"{number}. **{item.status_label}** · {escape(item.indicator)} · {escape(item.title)}"
    lines = [head + (f" ({escape(item.led_by)})" if item.led_by else "")]
    lines.extend(f"   - {escape(reason)}" for reason in item.reasons)
    lines.extend(f"   - {_document(doc, lang)}" for doc in item.documents)
    lines.extend(f"   - → {escape(action)}" for action in item.actions)
    return lines


def _document(doc: DocumentView, lang: str) -> str:
    bits = [message("document.line", lang, score=doc.score)]
    if doc.page is not None:
        bits.append(message("document.page", lang, page=doc.page))
    if doc.year is not None:
        bits.append(message("document.year", lang, year=doc.year))
    if doc.problems:
        bits.append(", ".join(doc.problems))
    text = f"{message('column.file', lang)}: {escape(doc.path)} ({escape(', '.join(bits))})"
    return text + (f": “{escape(doc.snippet)}”" if doc.snippet else "")


def _done_row(item: ItemView, doc: DocumentView | None) -> str:
    cells = [escape(item.indicator), escape(item.title)]
    if doc is None:
        cells.extend(["", "", "", ""])
    else:
        page = "" if doc.page is None else str(doc.page)
        cells.extend([escape(doc.path), page, doc.score, escape(doc.snippet)])
    return "| " + " | ".join(cells) + " |"


def _notes(view: ReportView, lang: str) -> list[str]:
    if not view.notes:
        return []
    return [f"## {message('heading.notes', lang)}", "", *(f"- {escape(n)}" for n in view.notes)]
