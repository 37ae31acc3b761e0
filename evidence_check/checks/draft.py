"""Draft markers, looked for only where a draft announces itself: the title area and page headers.

A final regulation may say "rancangan" in its body or print "Draft" in a table; neither counts.
"""

from __future__ import annotations

import re

_WORDS = re.compile(r"[^\W\d_]+")
_SUPPORTING_HEADS = frozenset(
    ("notulen", "notulensi", "laporan", "undangan", "daftar", "berita", "risalah", "hal", "perihal")
)
_LEGAL_HEADS = frozenset(("peraturan", "keputusan", "edaran", "instruksi"))
_MARKER_WORDS = ("rancangan", "draft", "draf", "konsep", "ranperbup", "ranperda", "ranperwal")
# Placeholders left in a number or date: "NOMOR KEP. XXX/.../2023", "NOMOR ... TAHUN", "TANGGAL XX".
_PLACEHOLDER = re.compile(
    r"\bNOMOR\s*:?\s*(?:KEP\.?\s*)?(?:(?=TAHUN\b)|[\w./\-]{0,24}?\s?(?:X{3,}|\.{3,}|…|_{3,}))"
    r"|\bTANGGAL\s*:?\s*(?:X{2,}|[.…_]{3,})"
    r"|\[\s*LAMBANG\s*\]",
    re.IGNORECASE,
)


def draft_marker(title: str, title_raw: str, headers: list[str]) -> str | None:
    """The draft marker found, or None. `title` is normalised, `title_raw` and the page
    `headers` (each later page's first line; a Word file's header lines and watermark word)
    as printed."""
    words = title.split()
    # In a regulation the topic follows "tentang"; a topic may itself speak of "rancangan". The
    # minutes, report or invitation of a meeting on a draft is no draft: its head comes first.
    before_topic = words[: words.index("tentang")] if "tentang" in words else words
    supporting = next((i for i, w in enumerate(before_topic) if w in _SUPPORTING_HEADS), None)
    if supporting is not None and not any(w in _LEGAL_HEADS for w in before_topic[:supporting]):
        before_topic = before_topic[:supporting]
    for word in before_topic:
        if word in _MARKER_WORDS:
            return word
    found = _PLACEHOLDER.search(title_raw)
    if found:
        return " ".join(found.group().split())
    for header in headers:
        header_words = _WORDS.findall(header.casefold())
        if 0 < len(header_words) <= 3 and header_words[0] in _MARKER_WORDS:
            return str(header_words[0])
    return None
