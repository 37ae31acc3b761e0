"""The main ratification block: "Ditetapkan di <place> pada tanggal <date>" closing the instrument.

Only the part before the LAMPIRAN counts, where the annex templates' blank signature lines cannot
fool it; the block counts only with its date filled in. Works on normalised page texts.
"""

from __future__ import annotations

import re

from evidence_check.text import normalize

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


def main_text(raw_pages: list[str]) -> list[str]:
    """The pages before the LAMPIRAN; a text without pages (DOCX) is cut at its LAMPIRAN line."""
    if len(raw_pages) == 1:
        text = raw_pages[0]
        annex = _ANNEX_HEAD.search(text, 400)
        return [text[: annex.start()] if annex else text]
    return raw_pages[: main_part(raw_pages)]


def block_windows(raw: str) -> list[str]:
    """The stretches of a page around each "ditetapkan": all the block check needs to read."""
    lowered = raw.lower()
    starts = [i for marker in ("tetapkan", "tetapkau") for i in _find_all(lowered, marker)]
    return [raw[max(0, i - 40) : i + 400] for i in sorted(starts)]


def _find_all(text: str, marker: str) -> list[int]:
    found, at = [], text.find(marker)
    while at >= 0:
        found.append(at)
        at = text.find(marker, at + 1)
    return found


def may_hold_block(raw: str) -> bool:
    """A cheap test before normalising a page: does it speak of "ditetapkan" at all?"""
    lowered = raw.lower()
    return "tetapkan" in lowered or "tetapkau" in lowered or "elektronik" in lowered


def ratification_year(normalised_pages: list[str]) -> int | None:
    """The year of the main ratification block, or None when there is no such block."""
    for text in normalised_pages:
        found = RATIFIED.search(text)
        if found:
            return int(found.group(2))
    return None


def e_signed(raw_pages: list[str]) -> bool:
    """An electronic signature (BSrE) closing the main part stands for the signed block."""
    return any(
        _E_SIGNED.search(normalize(text))
        for text in raw_pages
        if may_hold_block(text) or "bsre" in text.lower()
    )
