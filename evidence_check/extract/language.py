"""Whether a page's text layer is language or a lie: control characters, private-use glyphs,
`(cid:..)` runs or mojibake that a broken font map yields, which must be read by OCR instead.

The test is cheap (the first few thousand characters, one regular expression, a set of common
Indonesian and English words) because it runs on every page with a text layer.
"""

from __future__ import annotations

import re

#: how much of a page the test reads: a lying layer lies from its first line
SAMPLE_CHARS = 2000
#: words common in any Indonesian government text, and in English
COMMON_WORDS = frozenset(
    """dan yang di ke dari untuk dengan pada dalam tentang nomor tahun atas oleh serta atau bagi
    ini itu adalah akan telah dapat tersebut sesuai sebagai secara tidak juga lebih antara setiap
    bupati wali kota kabupaten provinsi peraturan keputusan daerah pemerintah pemerintahan dinas
    badan kepala tanggal bahwa sebagaimana dimaksud pasal ayat bab huruf menimbang mengingat
    menetapkan memutuskan laporan rapat hasil pelaksanaan kegiatan program sistem informasi data
    layanan elektronik republik indonesia negara tim perangkat bagian sekretariat lampiran salinan
    ditetapkan diundangkan berita acara hari tempat waktu peserta undangan daftar hadir notulen
    nama jabatan kegiatan anggaran rencana pembangunan pengelolaan penyelenggaraan kebijakan
    teknologi komunikasi informatika perencanaan evaluasi pengembangan penyusunan bidang
    umum pelayanan masyarakat urusan tugas fungsi ketentuan berlaku mulai jumlah tujuan dokumen
    keamanan aplikasi arsitektur manajemen audit reviu monitoring smart city kerja strategis
    the of and to in for is on that by with as be are this from at or an it was which not have
    has will can all its their been were report government regional information system""".split()
)
_CID = re.compile(r"\(cid:\d+\)")
#: C0 controls (but tab, newline, return), DEL and C1 controls, the replacement character,
#: and private-use glyphs: what a font without a usable map gives
_JUNK = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
#: the pairs UTF-8 read as Latin-1 or cp1252 leaves ("Ã©", "â€™")
_MOJIBAKE = re.compile(r"[ÃÂâ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¡-¿]")
#: below this many visible characters a page says too little to judge
MIN_CHARS = 50
JUNK_SHARE = 0.1
_PUNCTUATION = ".,:;-/()%'\"“”‘’!?[]"
_ASCII_LETTERS = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: letters, digits, whitespace and the punctuation of ordinary text and tables (ASCII); other
#: characters count as odd but for typographic quotes and dashes
_PLAIN = _ASCII_LETTERS + b"0123456789 \n\r\t.,:;-/()%'\"!?[]"
_PRINTABLE = bytes(range(32, 127)) + b"\t\n\r"
#: below this share of letters a page may be a shifted font map's digits and symbols
LETTER_SHARE = 0.5
#: a share of other symbols above this is not text (tables and lists stay far below)
ODD_SHARE = 0.4
#: a word or a number, with the punctuation around it; a shifted font map gives neither
#: ("3(5$785$1 %83$7,")
_CLEAN = re.compile(
    r"[(\[\"'‘“]*(?:[^\W\d_]+(?:[-'’./][^\W\d_]+)*|[\d]+(?:[.,/:-]\d+)*[^\W\d_]?)"
    r"[)\]\"'’”.,:;!?]*"
)
MIN_TOKENS = 10
MIXED_SHARE = 0.5
#: letters needed before the dictionary test says anything
MIN_LETTERS = 200
#: common words per letter of text below which it is not language (prose: about 1 in 25)
MIN_WORD_RATE = 1 / 250


def lying(text: str) -> str | None:
    """Why the text layer is not language (a reason for the JSON), or None when it reads."""
    sample = text[:SAMPLE_CHARS]
    visible = len(sample) - sample.count(" ") - sample.count("\n") - sample.count("\r")
    if visible < MIN_CHARS:
        return None
    # one pass each in C: what is left once letters (then digits and punctuation) are taken out
    ascii_only = sample.encode("ascii", "ignore")
    foreign = len(sample) - len(ascii_only)
    controls = len(ascii_only.translate(None, _PRINTABLE))
    if (controls or foreign > JUNK_SHARE * visible) and (
        len(_JUNK.findall(sample)) > JUNK_SHARE * visible
    ):
        return "control characters or private-use glyphs instead of text"
    if "(cid:" in sample and len(_CID.findall(sample)) * 8 > JUNK_SHARE * visible:
        return "(cid:..) glyph codes instead of text"
    if ("Ã" in sample or "Â" in sample or "â" in sample) and (
        len(_MOJIBAKE.findall(sample)) * 2 > JUNK_SHARE * visible
    ):
        return "mojibake (text decoded with the wrong character set)"
    letters = len(ascii_only) - len(ascii_only.translate(None, _ASCII_LETTERS))
    odd = foreign + len(ascii_only.translate(None, _PLAIN))
    if odd > ODD_SHARE * visible:
        return "symbols instead of words (a broken font map)"
    if letters < LETTER_SHARE * visible:
        tokens = sample.split()
        odd = sum(1 for t in tokens if not _CLEAN.fullmatch(t))
        if len(tokens) >= MIN_TOKENS and odd > MIXED_SHARE * len(tokens):
            return "letters, digits and symbols mixed in every word (a broken font map)"
    if letters < MIN_LETTERS:
        return None  # figures and names: too few words to judge
    needed = MIN_WORD_RATE * letters
    # prose shows its common words within a few lines: the whole sample only when it does not
    for stretch in ((sample[:400].rsplit(None, 1) or [""])[0], sample):
        known = 0
        for token in stretch.lower().split():
            if token.strip(_PUNCTUATION) in COMMON_WORDS:
                known += 1
                if known >= needed:
                    return None  # language: no need to read further
    return "almost no dictionary words (a broken font map)"
