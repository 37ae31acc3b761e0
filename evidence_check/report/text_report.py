"""The terminal report: a to-do list per agency, what is missing or weak and what to do."""

from __future__ import annotations

from collections import Counter

from evidence_check.messages import message, reason_text, status_label
from evidence_check.models import AuditResult, Finding, Reason, Status


def render(result: AuditResult, lang: str = "id") -> str:
    names = {a.id: a.name for a in result.agencies}
    out = [
        f"{message('title', lang)}: {result.evaluation.name} ({result.map_source})",
        message(
            "summary",
            lang,
            complete=result.count_status("complete"),
            weak=result.count_status("weak"),
            missing=result.count_status("missing"),
        ),
        "",
    ]
    order = [a.id for a in result.agencies]
    by_agency: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_agency.setdefault(finding.agency, []).append(finding)
    agencies = sorted(by_agency, key=lambda a: order.index(a) if a in order else len(order))
    width = max((len(a) for a in agencies), default=0)
    for agency in agencies:
        counts = Counter(f.status for f in by_agency[agency])
        out.append(
            f"  {agency:<{width}}  "
            + "  ".join(f"{status_label(s, lang).lower()} {counts[s]:>2}" for s in Status)
        )
    out.append("")
    for agency in agencies:
        findings = by_agency[agency]
        out.append(f"== {names.get(agency, agency)} ({agency}) ==")
        gaps = [f for f in findings if f.status is not Status.COMPLETE]
        # weak rows first: they are nearest to done
        for finding in sorted(gaps, key=lambda f: f.status is Status.MISSING):
            out.extend(_item(finding, result, names, lang))
        done = len(findings) - len(gaps)
        out.append(
            "  "
            + (
                message("agency.complete_count", lang, count=done)
                if gaps
                else message("agency.nothing", lang)
            )
        )
        out.append("")
    out.extend(_footer(result, lang))
    return "\n".join(out).rstrip() + "\n"


def _item(finding: Finding, result: AuditResult, names: dict[str, str], lang: str) -> list[str]:
    evidence = finding.evidence
    head = f"  [{status_label(finding.status, lang)}] {finding.indicator.id} · {evidence.title}"
    if result.self_check and finding.agency != result.self_check:
        head += f" ({message('led_by', lang, agency=names.get(finding.agency, finding.agency))})"
    lines = [head]
    folder = names.get(finding.agency, finding.agency)
    if finding.status is Status.MISSING:
        lines.append(
            "      → " + message("todo.missing", lang, title=evidence.title, folder=folder)
        )
        return lines
    for reason in finding.reasons:
        lines.append(f"      - {reason_text(reason, lang)}")
    for candidate in finding.documents:
        bits = [message("document.line", lang, score=f"{candidate.score:.1f}")]
        if candidate.page is not None:
            bits.append(message("document.page", lang, page=candidate.page))
        if candidate.year is not None:
            bits.append(message("document.year", lang, year=candidate.year))
        problems = ", ".join(r.value for r in candidate.problems)
        lines.append(
            f"        {candidate.path} ({', '.join(bits)}){' [' + problems + ']' if problems else ''}"
        )
    for reason in finding.reasons:
        lines.append("      → " + _action(reason, finding, folder, lang))
    return lines


def _action(reason: Reason, finding: Finding, folder: str, lang: str) -> str:
    evidence = finding.evidence
    values: dict[str, object] = {
        "folder": folder,
        "years": evidence.max_age_years,
        "count": evidence.min_count,
    }
    return message(f"action.{reason.value}", lang, **values)


def _footer(result: AuditResult, lang: str) -> list[str]:
    lines = []
    unresolved = [f.name for f in result.folders if f.agency is None]
    if unresolved:
        lines.append(message("folders.unresolved", lang, names=", ".join(unresolved)))
    if result.agencies_without_folder:
        lines.append(
            message(
                "agencies.without_folder", lang, names=", ".join(result.agencies_without_folder)
            )
        )
    unreadable = [d for d in result.documents if d.problems]
    if unreadable:
        lines.append(message("problems", lang, count=len(unreadable)))
    skipped = Counter(d.skip_reason for d in result.documents if d.state == "skipped")
    if skipped:
        detail = ", ".join(f"{reason} {count}" for reason, count in sorted(skipped.items()))
        lines.append(message("skipped", lang, count=sum(skipped.values()), detail=detail))
    return lines
