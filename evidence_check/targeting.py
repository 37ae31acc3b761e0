"""Which pages of a scan the judgement reads (`--ocr auto`): the rest is only probed.

A probe reads the head lines of a scanned page (extract/pdf.py): enough to see where an annex
(LAMPIRAN) or another document of a bundle begins, a draft's header and a running header. In full
the judgement reads the first page (the title block), each page that may open a document of its
own, and each document's closing: the last page before its first LAMPIRAN, where the ratification
block stands, and the page before it when that block is not there (a closing date, an electronic
signature). Reading one of them can move the others (a new part), so `pages_to_read` is asked
again until it asks for nothing. A body that must confirm a document without a title (profile.py)
is read in full only when a row still needs it: the audit's second pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from evidence_check import title
from evidence_check.checks import ratification
from evidence_check.extract import ocr
from evidence_check.models import Page
from evidence_check.text import normalize

#: a head line at the top of this many pages is a running header, never a document's start
RUNNING = 3


def pages_to_read(pages: Sequence[Page]) -> set[int]:
    """Positions of the probed pages that must be read in full, given what is read so far."""
    wanted = {0}
    tops = Counter(title.top_line(page) for page in pages if page.probed)
    for position, page in enumerate(pages):
        if position and page.probed and _may_open(page, tops[title.top_line(page)]):
            wanted.add(position)
    for first, last in title.split(pages):
        part = [page.text for page in pages[first : last + 1]]
        closing = first + ratification.main_part(part) - 1
        wanted |= {first, closing}
        if not pages[closing].probed and not _ratified(pages[closing].text):
            wanted.add(max(first, closing - 1))
    return {position for position in wanted if pages[position].probed}


def _may_open(page: Page, repeated: int) -> bool:
    """Whether a probed page's head may open a document (or lies upside down): its head lines
    already open one, or are all lines that stand above a head (a letterhead, a copy stamp) with
    the head itself below the band."""
    if page.text == ocr.TURNED:
        return True
    if repeated >= RUNNING or not page.text.strip():
        return False
    if title.opens_document(page) or title.plan_head(page):
        return True
    lines = [line.strip() for line in page.text.splitlines() if line.strip()]
    return bool(lines) and all(title.above_head(line) for line in lines)


def _ratified(text: str) -> bool:
    windows = [normalize(window) for window in ratification.block_windows(text)]
    return ratification.ratification_year(windows) is not None
