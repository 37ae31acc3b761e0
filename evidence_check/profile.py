"""From extracted text to the facts the audit needs: the title block, the form, the year, the
draft and ratification checks (`read`), each document of a bundle on its own, then a file's place
in the tree (`locate`).

`read` is the one place that looks at page texts; it runs once per content, in a worker, and its
result is cached. Later stages see only the small `Reading` and `Profile`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from evidence_check import title
from evidence_check.checks import draft, form, instrument, ratification, year
from evidence_check.extract import PICTURES
from evidence_check.models import Extraction, Form, Page, Profile, Reading, SourceFile
from evidence_check.text import collapse, normalize, visible

#: the title of a budget (DPA/RKA) or of the plans it follows (Renja, Renstra): the programmes and
#: sub-activities listed in the body are what planning items ask for ("Renstra / Renja / DPA yang
#: memuat program pengembangan aplikasi"), and a cover names none of them
_BUDGET = re.compile(
    r"\b(?:dokumen pelaksanaan anggaran|rencana kerja dan anggaran|dpa|rka)(?: skpd| opd| pd)?\b"
)
_WORK_PLAN = re.compile(r"\b(?:rencana kerja|rencana strategis)\b")
#: the body kept for a document without a title area is capped (its first pages say what it is)
BODY_CHARS = 200_000
_CLOSING_CHARS = 2500
#: how much of the first page `Reading.excerpt` keeps as printed
EXCERPT_CHARS = 700


def read(extraction: Extraction, file_digest: str) -> Reading:
    """The content facts of one extracted file; `file_digest` identifies unreadable content.
    A PDF that holds several documents (a bundle) gets one reading per document in `parts`."""
    pages = extraction.pages
    if extraction.problem is not None:
        return Reading(
            pages=extraction.pages_total or 0,
            ocr_pages=extraction.ocr_pages,
            problem=extraction.problem,
            page_problems=extraction.page_problems,
            content_key="file:" + file_digest,
            reread_pages=extraction.reread_pages,
        )
    whole = _read_pages(pages, extraction.pages_total or 0, extraction)
    if len(pages) < 2 or any(p.number is None for p in pages):
        return whole
    ranges = title.split(pages)
    if len(ranges) == 1:
        return whole
    parts = []
    for first, last in ranges:
        numbers = (pages[first].number or 0, pages[last].number or 0)
        part = _read_pages(pages[first : last + 1], last - first + 1, extraction)
        parts.append(replace(part, part=numbers))
    return replace(whole, parts=tuple(parts))


def _read_pages(pages: tuple[Page, ...], total: int, extraction: Extraction) -> Reading:
    """The facts of one document: a whole file, or a part of a bundle."""
    raw_pages = [p.text for p in pages]
    numbers = {p.number for p in pages}
    first = pages[0] if pages else None
    if first is not None and first.photo:
        title_raw = ""
    else:
        title_raw = title.block(first) if first is not None and visible(first.text) > 50 else ""
    normalised_title = normalize(title_raw)
    if first is not None and first.photo:
        title_form = Form.PHOTO
    else:
        title_form = form.detect_form(normalised_title, "") if normalised_title else Form.UNKNOWN
    main = ratification.main_text(raw_pages)
    # only the pages that can hold the ratification block are normalised: reading stays cheap
    signed = [normalize(window) for text in main for window in ratification.block_windows(text)]
    ratified_year = ratification.ratification_year(signed)
    instrument = title_form in (Form.REGULATION, Form.DECREE, Form.CIRCULAR)
    text_year = (
        year.title_year(normalised_title, instrument=instrument)
        or ratified_year
        or year.closing_year(normalize("\n".join(main[-2:])[-_CLOSING_CHARS:]))
    )
    headers = [text.lstrip()[:40].split("\n", 1)[0] for text in raw_pages[1:]]
    headers += [line for page in pages for line in page.headers]
    body, starts = "", tuple[int, ...]()
    # a budget (DPA/RKA), or a Renja/Renstra, proves a plan item only by the programme or
    # sub-activity in its body: keep the body
    planned = title_form is Form.PLAN and _WORK_PLAN.search(normalised_title)
    if not normalised_title or _BUDGET.search(normalised_title) or planned:
        normalised = [normalize(text) for text in raw_pages]
        offsets: list[int] = []
        offset = 0
        for text in normalised:
            offsets.append(offset)
            offset += len(text) + 1
        body, starts = " ".join(normalised)[:BODY_CHARS], tuple(offsets)
    content = hashlib.sha1()
    for text in raw_pages:
        content.update(text.encode("utf-8", "surrogatepass"))
    return Reading(
        pages=total,
        ocr_pages=tuple(n for n in extraction.ocr_pages if n in numbers),
        title=normalised_title,
        title_display=collapse(title_raw),
        excerpt=collapse(first.text[:EXCERPT_CHARS]) if first is not None else "",
        title_page=first.number if first is not None and title_raw else None,
        title_form=title_form,
        text_year=text_year,
        draft_marker=draft.draft_marker(normalised_title, title_raw, headers),
        ratified=ratified_year is not None or ratification.e_signed(main[-2:]),
        content_key=content.hexdigest(),
        body=body,
        page_starts=starts,
        page_numbers=tuple(p.number for p in pages) if body else (),
        reread_pages=tuple(r for r in extraction.reread_pages if r[0] in numbers),
        page_problems=extraction.page_problems,
        unread_pages=tuple(p.number for p in pages if p.probed and p.number is not None),
    )


def locate(source: SourceFile, reading: Reading) -> tuple[Profile, ...]:
    """Join a reading to the file that holds it: its path, agency and what its name says; one
    profile per document of a bundle, each with its pages."""
    if reading.parts:
        return tuple(_locate(source, part) for part in reading.parts)
    return (_locate(source, reading),)


def _locate(source: SourceFile, reading: Reading) -> Profile:
    name = normalize(source.path.rsplit(".", 1)[0], file_name=True)
    stem = normalize(source.path.rsplit("/", 1)[-1].rsplit(".", 1)[0], file_name=True)
    doc_form = reading.title_form
    picture = source.path.lower().endswith(PICTURES)
    if doc_form is Form.UNKNOWN and not reading.title:
        doc_form = form.detect_form("", stem)
    elif doc_form is Form.UNKNOWN and picture:
        # a picture that calls itself no decree, report or plan shows a system's screen
        doc_form = Form.SCREENSHOT
    # a screen's clock dates its capture ("12/11/2025 09:14"); in a document's text such numbers
    # may be a decree's number or an amount, so only pictures and screenshots are read for it
    shown = year.shown_year(reading.excerpt) if picture or doc_form is Form.SCREENSHOT else None
    action, named = instrument.action(reading.title_display)
    issuer = instrument.issuer(reading.title_display) if reading.title_display else None
    return Profile(
        path=source.path,
        agency=source.agency,
        name=name,
        reading=reading,
        form=doc_form,
        year=reading.text_year or shown or year.name_year(stem),
        action=action,
        amends=named if action == instrument.AMENDMENT else None,
        revokes=named if action == instrument.REVOCATION else None,
        issuer=(issuer.kind, issuer.name) if issuer else None,
        part=reading.part,
    )
