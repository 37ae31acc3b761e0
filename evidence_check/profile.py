"""From a file's extracted text to its profile: the title area, the form, the year, draft and
ratification facts, and the normalised text that matching searches.

This is the one place that reads page texts; later stages see the profile only, so a document's
text is read and normalised once however many requirements it is scored against.
"""

from __future__ import annotations

import hashlib
import re

from evidence_check.checks import draft, form, ratification, year
from evidence_check.models import Extraction, Form, Profile, SourceFile
from evidence_check.text import collapse, normalize

TITLE_CHARS = 700
#: the body searched for matching is capped; the title area and ratification block are read first
BODY_CHARS = 400_000
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


def build_profile(source: SourceFile, extraction: Extraction, *, root_name: str = "") -> Profile:
    name = normalize(source.path.rsplit(".", 1)[0], file_name=True)
    stem = normalize(source.path.rsplit("/", 1)[-1].rsplit(".", 1)[0], file_name=True)
    pages = extraction.pages
    raw_pages = [p.text for p in pages]
    first = pages[0] if pages else None
    title_raw = title_area(first.text) if first is not None and first.has_text_layer else ""
    title = normalize(title_raw)
    doc_form = form.detect_form(title, stem)
    annex_at = ratification.main_part(raw_pages)
    normalised_pages = [normalize(text) for text in raw_pages]
    main = normalised_pages[:annex_at]
    ratified_year = ratification.ratification_year(main)
    instrument = doc_form in (Form.REGULATION, Form.DECREE, Form.CIRCULAR)
    own_year = (
        year.title_year(title, instrument=instrument)
        or ratified_year
        or year.closing_year(" ".join(main)[-_CLOSING_CHARS:])
        or year.name_year(stem)
    )
    headers = [normalize(" ".join(text.strip().splitlines()[:1])) for text in raw_pages[1:]]
    starts: list[int] = []
    offset = 0
    for text in normalised_pages:
        starts.append(offset)
        offset += len(text) + 1
    body = " ".join(normalised_pages)[:BODY_CHARS]
    if extraction.problem is None:
        key = hashlib.sha1(body.encode("utf-8", "surrogatepass")).hexdigest()
    else:
        key = _file_digest(source)
    return Profile(
        path=source.path,
        agency=source.agency,
        pages=extraction.pages_total or 0,
        ocr_pages=extraction.ocr_pages,
        problem=extraction.problem,
        name=name,
        title=title,
        title_display=collapse(title_raw),
        title_page=first.number if first is not None and title_raw else None,
        body=body,
        page_starts=tuple(starts),
        page_numbers=tuple(p.number for p in pages),
        form=doc_form,
        year=own_year,
        draft_marker=draft.draft_marker(title, title_raw, headers),
        ratified=ratified_year is not None or ratification.e_signed(main),
        content_key=key,
    )


def _file_digest(source: SourceFile) -> str:
    digest = hashlib.sha1()
    try:
        with source.absolute.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        digest.update(source.path.encode("utf-8", "surrogateescape"))
    return "file:" + digest.hexdigest()
