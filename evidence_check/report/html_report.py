"""The HTML dashboard: one self-contained page (inline CSS and SVG, no script, no network).

The summary (overall, per indicator group, per agency) with charts, then a section per agency with
its to-do list and, for every finding, the file, page, score and snippet that explain it. The page
is the template `templates/report.html` filled with fragments built here from the view-model;
every string that reaches the page passes `escape`. It prints on A4, one agency per page.
"""

from __future__ import annotations

from html import escape as _html_escape
from importlib import resources
from string import Template

from evidence_check.messages import message, status_label
from evidence_check.models import AuditResult, Status
from evidence_check.report import charts, timeline
from evidence_check.report.view import (
    AgencyView,
    DocumentView,
    ItemView,
    ReportView,
    Tally,
    build,
    changes_view,
    trend_view,
)


def escape(text: object) -> str:
    return _html_escape(str(text), quote=True)


def template() -> Template:
    source = resources.files("evidence_check.report").joinpath("templates", "report.html")
    return Template(source.read_text(encoding="utf-8"))


def render(result: AuditResult, lang: str = "id") -> str:
    view = build(result, lang)
    return template().substitute(
        lang=escape(lang),
        version=escape(view.tool_version),
        title=escape(f"{view.title}: {view.evaluation}"),
        generated=escape(view.generated),
        summary=_between(result, lang) + _summary(view),
        agencies="\n".join(
            _agency(n, a, view.statuses, lang) for n, a in enumerate(view.agencies, 1)
        ),
        notes=_notes(view),
    )


def _summary(view: ReportView) -> str:
    lang, tally = view.lang, view.tally
    cards = "".join(
        f'<div class="{s.value}"><b>{tally.of(s)}</b>{escape(message(f"tally.{s.value}", lang))}</div>'
        for s in view.statuses
    )
    legend = "".join(
        f'<span class="{s.value}"></span>{escape(message(f"tally.{s.value}", lang))}'
        for s in view.statuses
    )
    overall = _label(view.evaluation, tally, lang)
    groups = [(_label(g.name, g.tally, lang), g.tally) for g in view.groups]
    agencies = [(_label(a.name, a.tally, lang), a.tally) for a in view.agencies]
    return "\n".join(
        [
            '<section class="card" id="summary">',
            f"<h2>{escape(message('heading.overall', lang))}</h2>",
            f'<div class="cards">{cards}</div>',
            charts.overall_bar(tally, overall),
            f'<p class="legend">{legend}</p>',
            f"<h3>{escape(message('heading.groups', lang))}</h3>",
            charts.stacked_bars(groups, message("heading.groups", lang)),
            _tally_table(
                message("column.group", lang),
                [(escape(g.name), g.tally) for g in view.groups],
                view.statuses,
                lang,
            ),
            f"<h3>{escape(message('heading.agencies', lang))}</h3>",
            charts.stacked_bars(agencies, message("heading.agencies", lang)),
            _tally_table(
                message("column.agency", lang),
                [
                    (f'<a href="#agency-{n}">{escape(a.name)}</a> ({escape(a.id)})', a.tally)
                    for n, a in enumerate(view.agencies, 1)
                ],
                view.statuses,
                lang,
            ),
            "</section>",
        ]
    )


def _between(result: AuditResult, lang: str) -> str:
    """The change since the baseline audit and the audits kept over time, before the summary."""
    out = []
    changes = changes_view(result, lang)
    if changes is not None:
        out += ['<section class="card" id="changes">', f"<h2>{escape(changes.heading)}</h2>"]
        lines = [changes.counts, changes.tally] + ([changes.index] if changes.index else [])
        out.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>")
        for agency in changes.agencies:
            out.append(f"<h3>{escape(agency.name)} ({escape(agency.id)})</h3><ul>")
            done, new = message("changes.done", lang), message("changes.new_problems", lang)
            out += [f'<li class="complete">{escape(done)}: {escape(d)}</li>' for d in agency.done]
            out += [
                f'<li class="missing">{escape(new)}: {escape(p)}</li>' for p in agency.new_problems
            ]
            out.append("</ul>")
        out.append("</section>")
    trend = trend_view(result, lang)
    if trend is not None:
        out += ['<section class="card" id="trend">', f"<h2>{escape(trend.title)}</h2>"]
        out += [timeline.trend_chart(trend, message("trend.index", lang)), "</section>"]
    return "\n".join(out) + ("\n" if out else "")


def _label(name: str, tally: Tally, lang: str) -> str:
    counts = {s.value: tally.of(s) for s in Status}
    return message("chart.label", lang, name=name, **counts)


def _tally_table(
    first: str, rows: list[tuple[str, Tally]], statuses: tuple[Status, ...], lang: str
) -> str:
    """`rows` hold already escaped HTML for the first cell."""
    heads = [message(f"tally.{k}", lang) for k in (*(s.value for s in statuses), "total")]
    out = [
        "<table><thead><tr>",
        f"<th>{escape(first)}</th>",
        *(f'<th class="num">{escape(h)}</th>' for h in heads),
        "</tr></thead><tbody>",
    ]
    for cell, tally in rows:
        counts = [tally.of(s) for s in statuses] + [tally.total]
        numbers = "".join(f'<td class="num">{c}</td>' for c in counts)
        out.append(f"<tr><td>{cell}</td>{numbers}</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _agency(number: int, agency: AgencyView, statuses: tuple[Status, ...], lang: str) -> str:
    badges = " ".join(
        f'<span class="badge {s.value}">{escape(status_label(s, lang))} {agency.tally.of(s)}</span>'
        for s in statuses
    )
    out = [
        f'<section class="card agency" id="agency-{number}">',
        f"<h2>{escape(agency.name)} ({escape(agency.id)})</h2>",
        f"<p>{badges}</p>",
    ]
    if agency.todo:
        out.append(f"<h3>{escape(message('agency.todo', lang))}</h3>")
        out.append('<ol class="todo">')
        out.extend(_item(item, lang) for item in agency.todo)
        out.append("</ol>")
    elif not agency.renames:
        out.append(f'<p class="nothing">{escape(message("agency.nothing", lang))}</p>')
    if agency.renames:
        out.append(f"<h3>{escape(message('rename.heading', lang))}</h3>")
        out.append('<ul class="renames">')
        out.extend(f"<li>{escape(r.action)}</li>" for r in agency.renames)
        out.append("</ul>")
    if agency.done:
        out.append(f"<h3>{escape(message('heading.done', lang))}</h3>")
        out.append(_documents_table(agency.done, lang))
    out.append("</section>")
    return "\n".join(out)


def _item(item: ItemView, lang: str) -> str:
    led = f' <span class="led">({escape(item.led_by)})</span>' if item.led_by else ""
    out = [
        f'<li class="item {item.status.value}">',
        f'<div class="item-head"><span class="badge {item.status.value}">'
        f"{escape(item.status_label)}</span> {escape(item.indicator)} · {escape(item.title)}{led}</div>",
    ]
    if item.reasons:
        out.append('<ul class="reasons">')
        out.extend(f"<li>{escape(r)}</li>" for r in item.reasons)
        out.append("</ul>")
    if item.documents:
        out.append(_documents_table((item,), lang, with_requirement=False))
    out.append('<ul class="actions">')
    out.extend(f"<li>{escape(a)}</li>" for a in item.actions)
    out.append("</ul></li>")
    return "\n".join(out)


def _documents_table(
    items: tuple[ItemView, ...], lang: str, *, with_requirement: bool = True
) -> str:
    keys = ["file", "page", "score", "year", "snippet"]
    if with_requirement:
        keys = ["indicator", "requirement", *keys]
    heads = "".join(
        ('<th class="num">' if k in ("page", "score", "year") else "<th>")
        + f"{escape(message(f'column.{k}', lang))}</th>"
        for k in keys
    )
    rows = []
    for item in items:
        for doc in item.documents:
            first = f"<td>{escape(item.indicator)}</td><td>{escape(item.title)}</td>"
            rows.append(f"<tr>{first if with_requirement else ''}{_document_cells(doc, lang)}</tr>")
    return (
        f'<table class="docs"><thead><tr>{heads}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _document_cells(doc: DocumentView, lang: str) -> str:
    suggestion = ""
    if doc.suggested_name:
        text = message("rename.suggested", lang, suggestion=doc.suggested_name)
        suggestion = f'<span class="suggest">{escape(text)}</span>'
    problems = f" [{escape(', '.join(doc.problems))}]" if doc.problems else ""
    page = "" if doc.page is None else doc.page
    year = "" if doc.year is None else doc.year
    return (
        f'<td class="path">{escape(doc.path)}{problems}{suggestion}</td>'
        f'<td class="num">{page}</td><td class="num">{escape(doc.score)}</td>'
        f'<td class="num">{year}</td><td class="snippet">{escape(doc.snippet)}</td>'
    )


def _notes(view: ReportView) -> str:
    if not view.notes:
        return ""
    items = "".join(f"<li>{escape(n)}</li>" for n in view.notes)
    return (
        f'<section class="card" id="notes"><h2>{escape(message("heading.notes", view.lang))}</h2>'
        f"<ul>{items}</ul></section>"
    )
