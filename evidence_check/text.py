"""Text normalisation shared by matching and the document checks.

One function, `normalize`, turns printed, scanned or file-name text into lower-case words separated
by single spaces, with OCR slips in years repaired, letter-spaced words joined and the abbreviations
of file names written out, so that "Perbup_Ttg_ArsitekturSPBE_Th2O23" and "PERATURAN BUPATI ...
TENTANG ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK ... TAHUN 2023" meet on common words.
"""

from __future__ import annotations

import re
import unicodedata

# Abbreviations written in file names and headers, expanded to the words documents print.
ABBREVIATIONS: dict[str, str] = {
    "perbup": "peraturan bupati",
    "perwal": "peraturan bupati",
    "perwali": "peraturan bupati",
    "perkada": "peraturan bupati",
    "perda": "peraturan daerah",
    "ranperbup": "rancangan peraturan bupati",
    "ranperwal": "rancangan peraturan bupati",
    "ranperda": "rancangan peraturan daerah",
    "kepbup": "keputusan bupati",
    "kepwal": "keputusan bupati",
    "sk": "surat keputusan",
    "ttg": "tentang",
    "ttng": "tentang",
    "th": "tahun",
    "thn": "tahun",
    "no": "nomor",
    "nmr": "nomor",
    "tw": "triwulan",
    "monev": "monitoring dan evaluasi",
    "renstra": "rencana strategis",
    "renja": "rencana kerja",
    "lhp": "laporan hasil pemeriksaan",
    "lha": "laporan hasil audit",
    "lhe": "laporan hasil evaluasi",
    "ttd": "tertanda",
    "kab": "kabupaten",
    "pemkab": "pemerintah kabupaten",
    "pemkot": "pemerintah kota",
    "juknis": "petunjuk teknis",
    "notula": "notulen",
    "walikota": "bupati",
}

# Short forms that only a file name uses this way ("se" is also a prefix in prose: "se-Kabupaten").
NAME_ABBREVIATIONS: dict[str, str] = {
    **ABBREVIATIONS,
    "se": "surat edaran",
    "ba": "berita acara",
    "lap": "laporan",
    "dok": "dokumen",
}

# Long forms written short, on both sides, so that either spelling meets the other; a city's
# "Peraturan Wali Kota" stands for the kabupaten's "Peraturan Bupati".
CONTRACTIONS: tuple[tuple[str, str], ...] = (
    ("sistem pemerintahan berbasis elektronik", "spbe"),
    ("teknologi informasi dan komunikasi", "tik"),
    ("standar operasional prosedur", "sop"),
    ("standar operasional dan prosedur", "sop"),
    ("master plan", "masterplan"),
    ("wali kota", "bupati"),
)
_SHORT = dict(CONTRACTIONS)
_CONTRACT = re.compile(
    r"(?<!\S)(?:" + "|".join(re.escape(long) for long, _ in CONTRACTIONS) + r")(?!\S)"
)

_LETTER_SPACED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_] ){3,}[^\W\d_](?![^\W\d_])")
#: a year, standing alone or glued to the word before ("Juli2O23"), possibly with OCR slips
_OCR_YEAR = re.compile(r"(?<!\d)([12lI][09Oo][0-9OolI]{2})(?!\w)")
_HYPHEN_BREAK = re.compile(r"([a-z])-[ \t]*\n\s*([a-z])|\b([A-Z]+)-[ \t]*\n\s*([A-Z]+)\b")
#: PDFium marks a word hyphenated across lines with U+FFFE (or a soft hyphen, U+00AD)
_SOFT_HYPHEN = re.compile(r"[\ufffe\u00ad][ \t]*(?:\r?\n[ \t]*)?")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[\W_]+")
_TRANSLATE_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})


def _repair_year(match: re.Match[str]) -> str:
    token = match.group(1)
    fixed = token.translate(_TRANSLATE_DIGITS)
    if fixed.isdigit() and 1900 <= int(fixed) <= 2099 and sum(c.isdigit() for c in token) >= 2:
        return fixed
    return token


def _join_hyphenated(match: re.Match[str]) -> str:
    lower_end, lower_start, upper_end, upper_start = match.groups()
    if upper_end is None:
        return f"{lower_end}{lower_start}"
    if upper_end == upper_start:  # a doubled word broken at its hyphen: "UNDANG-" "UNDANG"
        return f"{upper_end}-{upper_start}"
    return f"{upper_end}{upper_start}"


def clean(text: str) -> str:
    """Repair what printing and scanning broke, keeping case and punctuation (for display)."""
    text = _SOFT_HYPHEN.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = _HYPHEN_BREAK.sub(_join_hyphenated, text)
    text = _LETTER_SPACED.sub(lambda m: m.group().replace(" ", ""), text)
    return _OCR_YEAR.sub(_repair_year, text)


def normalize(text: str, *, file_name: bool = False) -> str:
    """Lower-case words separated by single spaces, abbreviations expanded, long forms contracted."""
    text = clean(text)
    if file_name:
        text = _CAMEL.sub(" ", text)
    text = _DIGITS.sub(r" \g<0> ", text)  # "Indikator1a" -> "indikator 1 a"
    words = _NON_WORD.sub(" ", text.casefold()).split()
    table = NAME_ABBREVIATIONS if file_name else ABBREVIATIONS
    joined = " ".join(table.get(w, w) for w in words)
    return _CONTRACT.sub(lambda m: _SHORT[m.group()], joined)


def collapse(text: str) -> str:
    """Printed text on one line: whitespace runs become single spaces."""
    return " ".join(clean(text).split())


def visible(text: str) -> int:
    """Roughly how many non-space characters a text has (counted without splitting it)."""
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t") - text.count("\r")
