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
        banners="".join(f'<p class="banner">{escape(line)}</p>' for line in view.head_lines),
        score=_between(result, lang) + _score(view),
        summary=_summary(view),
        agencies="\n".join(
            _agency(n, a, view.statuses, lang) for n, a in enumerate(view.agencies, 1)
        ),
        notes=_notes(view),
    )


def _score(view: ReportView) -> str:
    """The projected index as the JSON has it (two decimals), its sub-scores under headings that
    say which level they are, and the external indicators with nothing to upload."""
    score = view.score
    if score is None:
        return ""
    lang = view.lang
    out = [
        '<section class="card" id="score">',
        f"<h2>{escape(message('heading.score', lang))}</h2>",
        f'<p class="index"><b>{escape(score.index)}</b> {escape(score.predikat)}</p>',
        f'<p class="score-line">{escape(score.line)}</p>',
    ]
    for section in score.sections:
        rows = "".join(
            f'<tr><td>{escape(name)}</td><td class="num">{escape(value)}</td></tr>'
            for name, value in section.rows
        )
        out.append(
            f'<table class="subscores"><thead><tr><th>{escape(section.heading)}</th>'
            f'<th class="num">{escape(message("column.index", lang))}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    if score.externals:
        out.append(f"<h3>{escape(message('score.heading.external', lang))}</h3>")
        out.append('<ul class="externals">')
        out.extend(f"<li>{escape(line)}</li>" for line in score.externals)
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


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
    # a bar's label is its name only (its counts are inside it and in the table below), so it
    # stays whole and legible on a phone
    groups = [(g.name, g.tally) for g in view.groups]
    agencies = [(a.name, a.tally) for a in view.agencies]
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
    if agency.waived:
        out.append(f"<h3>{escape(message('heading.waived', lang))}</h3>")
        out.append('<ul class="waived">')
        out.extend(
            f'<li><span class="badge waived">{escape(i.status_label)}</span> '
            f"{escape(i.indicator)} · {escape(i.evidence)} · {escape(i.title)}: "
            f"{escape(i.waiver)}</li>"
            for i in agency.waived
        )
        out.append("</ul>")
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
    gain = f' <span class="gain">{escape(item.gain_text)}</span>' if item.gain_text else ""
    out = [
        f'<li class="item {item.status.value}">',
        f'<div class="item-head"><span class="badge {item.status.value}">'
        f"{escape(item.status_label)}</span> {escape(item.indicator)} · "
        f'<span class="code">{escape(item.evidence)}</span> · {escape(item.title)}{gain}{led}</div>',
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
        keys = ["indicator", "evidence", "requirement", *keys]
    heads = "".join(
        ('<th class="num">' if k in ("page", "score", "year") else "<th>")
        + f"{escape(message(f'column.{k}', lang))}</th>"
        for k in keys
    )
    rows = []
    for item in items:
        for doc in item.documents:
            first = (
                f'<td data-label="{escape(message("column.indicator", lang))}">'
                f"{escape(item.indicator)}</td>"
                f'<td data-label="{escape(message("column.evidence", lang))}">'
                f"{escape(item.evidence)}</td>"
                f'<td data-label="{escape(message("column.requirement", lang))}">'
                f"{escape(item.title)}</td>"
            )
            rows.append(f"<tr>{first if with_requirement else ''}{_document_cells(doc, lang)}</tr>")
    return (
        f'<table class="docs"><thead><tr>{heads}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _document_cells(doc: DocumentView, lang: str) -> str:
    suggestion = ""
    if doc.suggested_name:
        text = message("rename.suggested", lang, suggestion=doc.suggested_name)
        suggestion = f'<span class="suggest">{escape(text)}</span>'
    flags = list(doc.problems)
    if not doc.score:
        flags.insert(0, message("document.unread", lang))
    problems = f' <span class="flags">({escape(", ".join(flags))})</span>' if flags else ""
    if doc.pinned:
        problems = (
            f' <span class="pin">({escape(message("document.pinned", lang))})</span>' + problems
        )
    page = "" if doc.page is None else doc.page
    year = "" if doc.year is None else doc.year

    def label(key: str) -> str:
        return escape(message(f"column.{key}", lang))

    return (
        f'<td class="path" data-label="{label("file")}">{escape(doc.path)}{problems}{suggestion}</td>'
        f'<td class="num" data-label="{label("page")}">{page}</td>'
        f'<td class="num" data-label="{label("score")}">{escape(doc.score)}</td>'
        f'<td class="num" data-label="{label("year")}">{year}</td>'
        f'<td class="snippet" data-label="{label("snippet")}">{escape(doc.snippet)}</td>'
    )


def _notes(view: ReportView) -> str:
    if not view.notes:
        return ""
    items = "".join(f"<li>{escape(n)}</li>" for n in view.notes)
    return (
        f'<section class="card" id="notes"><h2>{escape(message("heading.notes", view.lang))}</h2>'
        f"<ul>{items}</ul></section>"
    )
