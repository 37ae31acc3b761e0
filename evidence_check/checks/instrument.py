"""What an instrument does and whose it is, read from its title area.

`action` tells a revocation ("tentang Pencabutan Peraturan Bupati Nomor 5 Tahun 2019 tentang ...")
and an amendment ("tentang Perubahan atas Peraturan Bupati ... tentang X") from an instrument that
sets something up; `designation` reads an instrument's form, number and year, so a revocation can
be told from the instrument it names; `issuer` reads the region that issued a document from its head ("BUPATI
MOJOSARI", "PERATURAN WALI KOTA MALANG", a letterhead "PEMERINTAH KABUPATEN SIDOARJO"), or the
region that owns it from its title area (a report's cover, a system's header). Neither judges:
the matcher and the judge decide what the facts mean for a requirement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from evidence_check.text import clean

REVOCATION, AMENDMENT = "revocation", "amendment"

_TOPIC = re.compile(r"\btentang\s+(.*)", re.IGNORECASE | re.DOTALL)
_REVOKES = re.compile(r"^pencabutan\s+(.*?)(?:\s+tentang\b|$)", re.IGNORECASE | re.DOTALL)
_AMENDS = re.compile(
    r"^perubahan\s+(?:(?:kedua|ketiga|keempat|kelima|ke-?\s*\d+)\s+)?atas\s+(.*?)(?:\s+tentang\b|$)",
    re.IGNORECASE | re.DOTALL,
)


def action(title_display: str) -> tuple[str | None, str | None]:
    """(REVOCATION or AMENDMENT or None, the instrument revoked or amended, as printed)."""
    topic = _TOPIC.search(" ".join(title_display.split()))
    if topic is None:
        return None, None
    rest = topic.group(1)
    revoked = _REVOKES.match(rest)
    if revoked:
        return REVOCATION, revoked.group(1).strip(" ,.") or None
    amended = _AMENDS.match(rest)
    if amended:
        return AMENDMENT, amended.group(1).strip(" ,.") or None
    return None, None


#: an instrument's form and number as printed, up to its topic: "PERATURAN BUPATI MOJOSARI NOMOR
#: 5 TAHUN 2019", "Keputusan Bupati Bukit Sago Nomor 100.3.3.2/12/HK/2023"
_DESIGNATION = re.compile(
    r"\b(peraturan\s+daerah|peraturan|keputusan|instruksi|surat\s+edaran)\b.{0,80}?"
    r"\bnomor\b\s*[:.]?\s*(.+?)\s*(?:\btahun\s+(\d{4})\b|\btentang\b|$)",
    re.IGNORECASE | re.DOTALL,
)
#: OCR's slips in a number, undone alike on both sides of a comparison
_OCR_DIGITS = str.maketrans("oil", "011")


def designation(text: str) -> tuple[str, str, int] | None:
    """(form, number, year) of the first instrument the text names, compared tolerant of spacing
    and OCR slips: "Nomor 188.45 / 12 / HK / 416-O12 / 2023" and "NOMOR 188.45/12/HK/416-012/2023"
    are one ("keputusan", "188.45/12/hk/416-012/2023" without its dots and dashes, 2023); None without a number and a year."""
    found = _DESIGNATION.search(" ".join(clean(text).split()))
    if found is None:
        return None
    form = " ".join(found.group(1).lower().split())
    number = re.sub(r"[^0-9a-z/]", "", found.group(2).lower().translate(_OCR_DIGITS))
    if found.group(3):
        year = found.group(3)
    else:  # a decree's number ends in its year: ".../HK/416-012/2023"
        tail = re.search(r"(\d{4})$", number)
        if tail is None:
            return None
        year = tail.group(1)
    if not number or not year.startswith(("19", "20")):
        return None
    return form, number, int(year)


@dataclass(frozen=True)
class Region:
    """A region as documents and settings name it: ("kabupaten", "mojosari"), ("kota", "malang")."""

    kind: str
    name: str

    def __str__(self) -> str:
        return f"{self.kind.capitalize()} {self.name.title()}"


#: words that end a region's name in a title ("BUPATI MOJOSARI PROVINSI JAWA TIMUR")
_AFTER_NAME = (
    "provinsi|nomor|no|tentang|peraturan|keputusan|kabupaten|kota|dengan|salinan|tahun|"
    "selaku|dan|yang|pada|di|menimbang|instruksi|surat|edaran|dinas|badan|sekretariat|"
    "inspektorat|bagian|laporan|jalan|jl|telepon|telp|kantor|rancangan|draft|konsep"
)
_NAME = rf"((?:(?!(?:{_AFTER_NAME})\b)[a-z][a-z0-9'\-]*\s*){{1,4}})"
_HEAD_OF_REGION = re.compile(rf"^(?:\W*salinan\W+)?(bupati|wali\s*kota)\s+{_NAME}", re.IGNORECASE)
_INSTRUMENT = re.compile(
    rf"\b(?:peraturan|keputusan|instruksi|surat\s+edaran)\s+(bupati|wali\s*kota)\s+{_NAME}",
    re.IGNORECASE,
)
_LETTERHEAD = re.compile(
    rf"^(?:\W*salinan\W+)?pemerintah\s+(kabupaten|kota)\s+{_NAME}", re.IGNORECASE
)
#: how far into the title area an issuer may be named
_HEAD_CHARS = 240
#: a government named anywhere in the title area: a report's cover prints it below the title, a
#: system's header beside its name ("Helpdesk Layanan Digital - Pemerintah Kota Malang")
_GOVERNMENT = re.compile(rf"\bpemerintah\s+(kabupaten|kota)\s+{_NAME}", re.IGNORECASE)
#: a government named after these words is a party or a place ("kerja sama dengan Pemerintah
#: Kota Batu", "studi tiru ke Pemerintah Kabupaten Badung"), not the document's owner; "di" is
#: left out: OCR cuts a system's name short before its institution ("Layanan Di Pemerintah ...")
_PARTY = re.compile(
    r"\b(?:antara|dengan|dan|ke|kepada|lingkungan|bersama|untuk|bagi|terhadap)\W*$",
    re.IGNORECASE,
)


def issuer(title_display: str) -> Region | None:
    """The kabupaten or kota whose head (Bupati, Wali Kota) or government issued the document,
    else the one whose government its title area names as its owner; None for a province's or
    the nation's instrument, or when the title area names no region or several."""
    area = " ".join(clean(title_display).split())
    for pattern in (_HEAD_OF_REGION, _INSTRUMENT, _LETTERHEAD):
        found = pattern.search(area[:_HEAD_CHARS])
        if found is not None:
            return _region(found)
    return _owner(area)


def _region(found: re.Match[str]) -> Region:
    office = found.group(1).lower().replace(" ", "")
    kind = "kabupaten" if office in ("bupati", "kabupaten") else "kota"
    return Region(kind=kind, name=" ".join(found.group(2).lower().split()))


def _owner(area: str) -> Region | None:
    """The region whose government the title area names, not as a party or a place. A title
    area naming two regions (an agreement, a visit, a comparison) does not say which is the
    owner: no accusation rather than a false one."""
    named = [(_region(m), _PARTY.search(area, 0, m.start())) for m in _GOVERNMENT.finditer(area)]
    if any(not _alike(named[0][0], region) for region, _ in named[1:]):
        return None
    return next((region for region, party in named if party is None), None)


_REGION_NAME = re.compile(r"^\s*(kabupaten|kab\.?|kota)\s+(.+?)\s*$", re.IGNORECASE)


def parse_region(text: str | None) -> Region | None:
    """ "Kabupaten Mojosari" -> Region("kabupaten", "mojosari"); a province or nothing: None."""
    if not text:
        return None
    found = _REGION_NAME.match(text)
    if found is None:
        return None
    kind = "kota" if found.group(1).lower() == "kota" else "kabupaten"
    return Region(kind=kind, name=" ".join(found.group(2).lower().split()))


#: how alike two names must be to be one region (OCR slips: "MOJ0SARI")
SAME_NAME = 85.0


def _alike(a: Region, b: Region) -> bool:
    """One region, whichever of the two names runs on into the next words."""
    return same_region(a, b) or same_region(b, a)


def same_region(a: Region, b: Region) -> bool:
    if a.kind != b.kind:
        return False
    # a title may run the name into the next word ("MOJOSARI JAWA"): compare the audited name's
    # length of words
    words = len(b.name.split())
    head = " ".join(a.name.split()[:words])
    return fuzz.ratio(head, b.name) >= SAME_NAME
