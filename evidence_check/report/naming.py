"""File-name advice: which chosen documents have names that say nothing, and what to call them.

Evaluators open evidence by its file name, so a Perbup saved as `scan_0042.pdf` is easily passed
over. These pure functions only suggest a name built from the indicator, the requirement and the
document's own number and year; nothing is ever renamed.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

#: words that camera, scanner, messenger and office defaults put in file names
GENERIC_WORDS = frozenset(
    """
    scan scans scanned scanner pindai pindaian hasil img image images gambar foto photo photos pic
    picture dsc dscn dscf dcim pxl mvimg vid cam camscanner screenshot tangkapan layar whatsapp wa
    doc docs document documents dokumen berkas file files new baru untitled tanpa judul copy salinan
    of at am pm jpg jpeg pdf final fix
    """.split()
)

#: long legal and technical phrases and the short forms evaluators use in file names
_SHORT_FORMS = (
    ("rancangan peraturan bupati", "Ranperbup"),
    ("rancangan peraturan wali kota", "Ranperwal"),
    ("rancangan peraturan walikota", "Ranperwal"),
    ("peraturan bupati", "Perbup"),
    ("peraturan wali kota", "Perwal"),
    ("peraturan walikota", "Perwal"),
    ("peraturan daerah", "Perda"),
    ("keputusan bupati", "Kepbup"),
    ("keputusan wali kota", "Kepwal"),
    ("keputusan walikota", "Kepwal"),
    ("surat keputusan", "SK"),
    ("surat edaran", "SE"),
    ("berita acara", "BA"),
    ("standar operasional prosedur", "SOP"),
    ("sistem pemerintahan berbasis elektronik", "SPBE"),
    ("teknologi informasi dan komunikasi", "TIK"),
    ("organisasi perangkat daerah", "OPD"),
    ("perangkat daerah", "PD"),
)

_STOP_WORDS = frozenset(
    "tentang dan yang di ke dari untuk atas pada oleh dalam serta the of and for a an to on in".split()
)
#: where a long requirement title stops naming the document and starts describing its content
_CUT = re.compile(r"\s*(?:[:;,]|\byang\b|\bdengan\b|\bbeserta\b|\bsebagai\b|\bwhich\b|\bwith\b)")
_ABOUT = re.compile(r"\s+(tentang|about)\s+", re.IGNORECASE)
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_TOKENS = re.compile(r"[a-z]+|\d+")
_NUMBER = re.compile(r"\bNOMOR\s*:?\s*(\d{1,4}[A-Z]?)\s+TAHUN\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_COPY_SUFFIX = re.compile(r"\s*(?:\(\d+\)|-\s*(?:copy|salinan)(?:\s*\(\d+\))?)$", re.IGNORECASE)
_MAX_TOPIC_WORDS = 8


def is_undescriptive(path: str) -> bool:
    """Whether the file's own name says nothing about its content (`scan_0042.pdf`, `dokumen1`).

    A name is undescriptive when every word of it is a camera, scanner, messenger or office default
    word, a number (dates and counters) or a single letter.
    """
    stem = _COPY_SUFFIX.sub("", PurePosixPath(path).stem.strip())
    tokens = _TOKENS.findall(_ascii(stem).lower())
    return all(t.isdigit() or len(t) <= 1 or t in GENERIC_WORDS for t in tokens)


def document_number(snippet: str | None) -> tuple[str, int] | None:
    """A regulation's number and year from its title ("NOMOR 12 TAHUN 2023"), if the snippet has one."""
    found = _NUMBER.search(snippet or "")
    return (found.group(1).upper(), int(found.group(2))) if found else None


def suggest_name(
    *, indicator: str, title: str, path: str, snippet: str | None, year: int | None
) -> str:
    """A descriptive name: `SPBE-09-Perbup-ManajemenKeamananInformasi-No7-2023.pdf`.

    Indicator id, the requirement's title shortened (its form and topic, legal phrases abbreviated),
    then the document's number and year where they are known; the original suffix is kept.
    """
    parts = [_safe(indicator), describe(title=title, snippet=snippet, year=year)]
    return "-".join(p for p in parts if p) + PurePosixPath(path).suffix.lower()


def describe(*, title: str, snippet: str | None, year: int | None) -> str:
    """The name's words without the indicator: `Perbup-ArsitekturSPBE-No12-2023`."""
    number = document_number(snippet)
    if number is not None:
        tail = f"No{number[0]}-{year or number[1]}"
    else:
        tail = str(year) if year is not None else ""
    return "-".join(p for p in (shorten_title(title), tail) if p)


def shorten_title(title: str) -> str:
    """`Peraturan Bupati tentang Arsitektur SPBE (ditetapkan)` -> `Perbup-ArsitekturSPBE`."""
    text = _PARENTHESES.sub(" ", _ascii(title))
    text = _CUT.split(text, maxsplit=1)[0]
    for phrase, short in _SHORT_FORMS:
        text = re.sub(rf"\b{phrase}\b", short, text, flags=re.IGNORECASE)
    form, _, topic = _ABOUT.split(text, maxsplit=1) if _ABOUT.search(text) else ("", "", text)
    return "-".join(p for p in (_camel(form), _camel(topic)) if p)


def _camel(text: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z0-9]+", text) if w.lower() not in _STOP_WORDS]
    return "".join(w[0].upper() + w[1:] for w in words[:_MAX_TOPIC_WORDS])


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", _ascii(text)).strip("-")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
