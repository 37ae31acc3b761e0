"""From extracted text to the facts the audit needs: the title area, the form, the year, the
draft and ratification checks (`read`), then a file's place in the tree (`locate`).

`read` is the one place that looks at page texts; it runs once per content, in a worker, and its
result is cached. Later stages see only the small `Reading` and `Profile`.
"""

from __future__ import annotations

import hashlib
import re

from evidence_check.checks import draft, form, instrument, ratification, year
from evidence_check.models import Extraction, Form, Profile, Reading, SourceFile
from evidence_check.text import collapse, normalize, visible

TITLE_CHARS = 700
#: the body kept for a document without a title area is capped (its first pages say what it is)
BODY_CHARS = 200_000
_TITLE_END = re.compile(r"dengan rahmat tuhan|kata pengantar|daftar isi", re.IGNORECASE)
_TITLE_END_LATE = re.compile(r"\bmenimbang\b", re.IGNORECASE)
_CLOSING_CHARS = 2500


def title_area(raw: str) -> str:
    """The first text page up to "Dengan Rahmat Tuhan" (or "Menimbang" when it comes later)."""
    cut = len(raw)
    for pattern, earliest in ((_TITLE_END, 40), (_TITLE_END_LATE, 120)):
        for found in pattern.finditer(raw):
            if found.start() >= earliest:
                cut = min(cut, found.start())
                break
    return raw[: min(cut, TITLE_CHARS)]


def read(extraction: Extraction, file_digest: str) -> Reading:
    """The content facts of one extracted file; `file_digest` identifies unreadable content."""
    pages = extraction.pages
    if extraction.problem is not None:
        return Reading(
            pages=extraction.pages_total or 0,
            ocr_pages=extraction.ocr_pages,
            problem=extraction.problem,
            page_problems=extraction.page_problems,
            content_key="file:" + file_digest,
        )
    raw_pages = [p.text for p in pages]
    first = pages[0] if pages else None
    title_raw = title_area(first.text) if first is not None and visible(first.text) > 50 else ""
    title = normalize(title_raw)
    title_form = form.detect_form(title, "") if title else Form.UNKNOWN
    main = ratification.main_text(raw_pages)
    # only the pages that can hold the ratification block are normalised: reading stays cheap
    signed = [normalize(window) for text in main for window in ratification.block_windows(text)]
    ratified_year = ratification.ratification_year(signed)
    instrument = title_form in (Form.REGULATION, Form.DECREE, Form.CIRCULAR)
    text_year = (
        year.title_year(title, instrument=instrument)
        or ratified_year
        or year.closing_year(normalize("\n".join(main[-2:])[-_CLOSING_CHARS:]))
    )
    headers = [text.lstrip()[:40].split("\n", 1)[0] for text in raw_pages[1:]]
    body, starts = "", tuple[int, ...]()
    if not title:
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
        pages=extraction.pages_total or 0,
        ocr_pages=extraction.ocr_pages,
        title=title,
        title_display=collapse(title_raw),
        title_page=first.number if first is not None and title_raw else None,
        title_form=title_form,
        text_year=text_year,
        draft_marker=draft.draft_marker(title, title_raw, headers),
        ratified=ratified_year is not None or ratification.e_signed(main[-2:]),
        content_key=content.hexdigest(),
        body=body,
        page_starts=starts,
        page_numbers=tuple(p.number for p in pages) if body else (),
        page_problems=extraction.page_problems,
    )


def locate(source: SourceFile, reading: Reading) -> Profile:
    """Join a reading to the file that holds it: its path, agency and what its name says."""
    name = normalize(source.path.rsplit(".", 1)[0], file_name=True)
    stem = normalize(source.path.rsplit("/", 1)[-1].rsplit(".", 1)[0], file_name=True)
    doc_form = reading.title_form
    if doc_form is Form.UNKNOWN and not reading.title:
        doc_form = form.detect_form("", stem)
    action, amends = instrument.action(reading.title_display)
    issuer = instrument.issuer(reading.title_display) if reading.title_display else None
    return Profile(
        path=source.path,
        agency=source.agency,
        name=name,
        reading=reading,
        form=doc_form,
        year=reading.text_year or year.name_year(stem),
        action=action,
        amends=amends,
        issuer=(issuer.kind, issuer.name) if issuer else None,
    )
