"""What a picture of a live system must show to be proof: where (a URL), when (a date) and whose
(an institution's name). Assessors refuse a screenshot of SIAP Digital or a dashboard without
them. Reads the text OCR found on the picture (or the PDF page holding it); judges nothing.
"""

from __future__ import annotations

import re

_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:go\.id|co\.id|ac\.id|or\.id|id|com|org|net)\b",
    re.IGNORECASE,
)
_MONTHS = (
    "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember"
    "|jan|feb|mar|apr|jun|jul|agu|agt|aug|sep|okt|oct|nov|des|dec|may"
)
_DATE = re.compile(
    rf"\b\d{{1,2}}\s*(?:{_MONTHS})\.?\s*(?:19|20)\d\d\b"
    r"|\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)?\d\d\b"
    r"|\b(?:19|20)\d\d[/.\-]\d{1,2}[/.\-]\d{1,2}\b"
    rf"|\b(?:{_MONTHS})\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_INSTITUTION = re.compile(
    r"\b(?:pemerintah|kabupaten|kota|provinsi|pemkab|pemkot|pemprov|dinas|diskominfo|badan"
    r"|sekretariat|inspektorat|kementerian|bappeda)\b",
    re.IGNORECASE,
)
#: what a screenshot may lack, in the order reports name it
MARKS = ("url", "date", "institution")


def lacks(text: str) -> tuple[str, ...]:
    """The marks (url, date, institution) the picture's text does not show."""
    found = {
        "url": _URL.search(text) is not None,
        "date": _DATE.search(text) is not None,
        "institution": _INSTITUTION.search(text) is not None,
    }
    return tuple(mark for mark in MARKS if not found[mark])
