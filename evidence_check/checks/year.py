"""A document's own year: its number, its period or its closing date; never a cited law's year."""

from __future__ import annotations

import re

from evidence_check.checks.ratification import MONTHS

_NUMBERED = re.compile(r"\bnomor (?:\S+ ){0,8}?tahun ((?:19|20)\d\d)\b")
_NUMBER_TAIL = re.compile(r"\bnomor (?:[0-9a-z]+ ){1,8}?((?:19|20)\d\d) tentang\b")
_CITED = re.compile(r"\bnomor (?:\S+ ){1,8}?tahun (?:19|20)\d\d\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_DATE = re.compile(rf"\b\d{{1,2}} (?:{'|'.join(MONTHS)}) ((?:19|20)\d\d)\b")
#: a date in numbers, day first as Indonesia writes it (12/11/2025, 12-11-2025, 12.11.2025) or
#: year first as browsers print it (2025-11-12); one separator throughout, and nothing joined to
#: it by a digit or a separator, so "100.3.3.2/118/HK/2024" or "Rp 1.250.000" hold no date
_EDGE_BEFORE = r"(?<![\w/\-])(?<!\d\.)"
_EDGE_AFTER = r"(?![\w/\-]|\.\d)"
_NUMERIC_DATE = re.compile(
    rf"{_EDGE_BEFORE}(?:(?P<day>\d{{1,2}})(?P<sep>[/.\-])(?P<month>\d{{1,2}})(?P=sep)"
    rf"(?P<year>(?:19|20)\d\d)|(?P<year_first>(?:19|20)\d\d)-(?P<month_second>\d{{1,2}})"
    rf"-(?P<day_last>\d{{1,2}})){_EDGE_AFTER}"
)


def title_year(title: str, *, instrument: bool) -> int | None:
    """The year in a title area: an instrument's number year, else the latest year shown.

    A report's title may cite the regulation it reviews ("... NOMOR 12 TAHUN 2017 ... TAHUN 2024"):
    only regulations and decrees are dated by their own number.
    """
    if instrument:
        head = title.split(" tentang ")[0] if " tentang " in title else title
        found = _NUMBERED.search(head) or _NUMBER_TAIL.search(title)
        if found:
            return int(found.group(1))
    # a report's title may cite an instrument by its number: that year is the instrument's
    own = _CITED.sub(" ", title) if not instrument else title
    years = [int(y) for y in _YEAR.findall(own)]
    return max(years) if years else None


def closing_year(main_text_tail: str) -> int | None:
    """The latest written date near the end of the main text (a report's signature date)."""
    years = [int(y) for y in _DATE.findall(main_text_tail)]
    return max(years) if years else None


def name_year(name: str) -> int | None:
    years = [int(y) for y in _YEAR.findall(name)]
    return max(years) if years else None


def shown_year(text: str) -> int | None:
    """The latest numeric date a picture of a screen shows (a taskbar clock, a web app's
    "12/11/2025 09:14", a browser's "2025-11-12"): a capture's own date. Only for pictures:
    in a document's text such numbers are as often a number or an amount as a date."""
    years = []
    for found in _NUMERIC_DATE.finditer(text):
        day = found["day"] or found["day_last"]
        month = found["month"] or found["month_second"]
        if 1 <= int(day) <= 31 and 1 <= int(month) <= 12:
            years.append(int(found["year"] or found["year_first"]))
    return max(years) if years else None
