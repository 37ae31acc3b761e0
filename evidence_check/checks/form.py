"""What a document is, read from the head of its title block (or its file name without text).

Only the words before the topic count: "... tentang Peta Rencana" is a regulation, not a plan.
"""

from __future__ import annotations

from evidence_check.models import Form

# Forms that announce themselves anywhere in the first words: a letter's "Hal: Undangan" block
# mentions the regulation it is about, so these are looked for before the legal forms.
_SUPPORTING: tuple[tuple[Form, tuple[str, ...]], ...] = (
    (Form.ATTENDANCE, ("daftar hadir", "absensi", "presensi")),
    (Form.MINUTES, ("notulen", "notulensi", "risalah rapat", "berita acara", "laporan rapat")),
    (Form.LETTER, ("yth", "perihal", "undangan", "nota dinas")),
)
# The first of these in the title area names the form ("LAPORAN HASIL REVIU ATAS PERATURAN ...").
_LEADING: tuple[tuple[Form, tuple[str, ...]], ...] = (
    (Form.REGULATION, ("peraturan", "rancangan peraturan")),
    (Form.DECREE, ("keputusan", "surat keputusan")),
    (Form.CIRCULAR, ("surat edaran", "instruksi")),
    (Form.REPORT, ("laporan", "hasil reviu", "hasil evaluasi", "hasil audit", "lhp")),
    (Form.SOP, ("sop", "prosedur operasional")),
    (
        Form.PLAN,
        (
            "masterplan",
            "rencana",
            "peta jalan",
            "roadmap",
            "road map",
            "dokumen",
            "arsitektur",
            "pedoman",
            "panduan",
            "petunjuk",
            "manual",
        ),
    ),
)
_PHOTO_NAMES = ("foto", "dokumentasi", "img", "whatsapp image", "screenshot kegiatan", "dsc")
_HEAD_WORDS = 30


def _position(words: str, phrase: str) -> int:
    index = f" {words} ".find(f" {phrase} ")
    return index if index >= 0 else 1 << 30


def detect_form(title: str, name: str) -> Form:
    """The form of a document from its normalised title area, else from its normalised name."""
    if title:
        words = title.split()[:_HEAD_WORDS]
        if "tentang" in words[1:]:
            words = words[: words.index("tentang", 1)]
        head = " ".join(words)
        letter_block = (
            " sifat " in f" {title} "
            and " lampiran " in f" {title} "
            and (" hal " in f" {title} " or " perihal " in f" {title} ")
        )
        found = _first(head, _SUPPORTING)
        if found is not None:
            return found
        if letter_block:
            return Form.LETTER
        return _first_leading(head) or Form.UNKNOWN
    stem = " ".join(name.split("/")[-1].split())
    if any(_position(stem, p) < 1 << 30 for p in _PHOTO_NAMES):
        return Form.PHOTO
    return _first(stem, _SUPPORTING) or _first_leading(stem) or Form.UNKNOWN


def _first(words: str, table: tuple[tuple[Form, tuple[str, ...]], ...]) -> Form | None:
    for form, phrases in table:
        if any(_position(words, p) < 1 << 30 for p in phrases):
            return form
    return None


_DELIVERABLE = ("penyusunan", "pembuatan", "pemutakhiran")


def _first_leading(words: str) -> Form | None:
    """The form named first; a consultant's "Laporan Akhir Penyusunan Masterplan" is the plan."""
    for marker in _DELIVERABLE:
        at = _position(words, marker)
        if at < 1 << 30 and _position(words, "laporan") < at:
            after = _first_leading(words[at + len(marker) + 1 :])
            if after not in (None, Form.REPORT):
                return after
    best = min(
        ((min(_position(words, p) for p in phrases), form) for form, phrases in _LEADING),
        key=lambda pair: pair[0],
    )
    return best[1] if best[0] < 1 << 30 else None
