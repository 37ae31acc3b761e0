"""The main ratification block: "Ditetapkan di <place> pada tanggal <date>" closing the instrument.

Only the part before the LAMPIRAN counts, where the annex templates' blank signature lines cannot
fool it; the block counts only with its date filled in. Works on normalised page texts.
"""

from __future__ import annotations

import re

MONTHS = (
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
)
_MONTH = "|".join(MONTHS) + r"|\d{1,2}"
RATIFIED = re.compile(
    rf"\bd[i1l]tetapkan di (?:\S+ ){{1,4}}?pada tangga[l1] (\d{{1,2}}) (?:{_MONTH}) ((?:19|20)\d\d)\b"
)
_E_SIGNED = re.compile(r"ditandatangani secara elektronik|tanda tangan elektronik|\bbsre\b")
_ANNEX_HEAD = re.compile(r"^\W*LAMPIRAN\b", re.MULTILINE)


def main_part(raw_pages: list[str]) -> int:
    """How many pages precede the first annex page (all of them when there is no annex)."""
    for index, text in enumerate(raw_pages):
        if index > 0 and _ANNEX_HEAD.search(text[:400]):
            return index
    return len(raw_pages)


def ratification_year(normalised_pages: list[str]) -> int | None:
    """The year of the main ratification block, or None when there is no such block."""
    for text in normalised_pages:
        found = RATIFIED.search(text)
        if found:
            return int(found.group(2))
    return None


def e_signed(normalised_pages: list[str]) -> bool:
    return any(_E_SIGNED.search(text) for text in normalised_pages[-2:])
