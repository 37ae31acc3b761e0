"""The message catalogue: every sentence a person reads, in Bahasa Indonesia and English.

Writers ask for a message by key; a key missing a language is a test failure, not a blank line.
"""

from __future__ import annotations

from evidence_check.models import Reason, Status

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

CATALOGUE: dict[str, dict[str, str]] = {
    "title": {"id": "Audit data dukung", "en": "Evidence audit"},
    "summary": {
        "id": "Ringkasan: {complete} lengkap · {weak} lemah · {missing} belum ada",
        "en": "Summary: {complete} complete · {weak} weak · {missing} missing",
    },
    "status.complete": {"id": "LENGKAP", "en": "COMPLETE"},
    "status.weak": {"id": "LEMAH", "en": "WEAK"},
    "status.missing": {"id": "BELUM ADA", "en": "MISSING"},
    "agency.todo": {"id": "Yang perlu dikerjakan", "en": "To do"},
    "agency.nothing": {
        "id": "Tidak ada yang perlu diperbaiki.",
        "en": "Nothing to fix.",
    },
    "agency.complete_count": {
        "id": "{count} butir sudah lengkap.",
        "en": "{count} items complete.",
    },
    "led_by": {"id": "dipimpin oleh {agency}", "en": "led by {agency}"},
    "document.line": {"id": "skor {score}", "en": "score {score}"},
    "document.page": {"id": "hlm. {page}", "en": "p. {page}"},
    "document.year": {"id": "tahun {year}", "en": "year {year}"},
    "todo.missing": {
        "id": "Unggah dokumen ini ke folder {folder}.",
        "en": "Upload this document to the folder {folder}.",
    },
    "folders.unresolved": {
        "id": "Folder yang tidak dikenali sebagai OPD (berkasnya hanya dinilai sebagai salah tempat): {names}",
        "en": "Folders not recognised as an agency (their files count only as misplaced): {names}",
    },
    "agencies.without_folder": {
        "id": "OPD dalam peta tanpa folder: {names}",
        "en": "Agencies of the map without a folder: {names}",
    },
    "skipped": {
        "id": "Berkas dilewati: {count} ({detail})",
        "en": "Files skipped: {count} ({detail})",
    },
    "problems": {
        "id": "Berkas yang tidak dapat dibaca: {count}",
        "en": "Files that could not be read: {count}",
    },
    # reason explanations and what to do about them
    "reason.unreadable": {
        "id": "berkas kosong, rusak, terkunci sandi, atau jenisnya tidak dapat dibuka",
        "en": "the file is empty, corrupt, encrypted or of a type that cannot be opened",
    },
    "reason.no-text": {
        "id": "berkas terbuka tetapi tidak ada teks yang terbaca (hasil pindai tanpa OCR)",
        "en": "the file opens but has no readable text (a scan without OCR)",
    },
    "reason.low-match": {
        "id": "dokumen terbaik hanya mirip dengan yang diminta, belum cukup meyakinkan",
        "en": "the best document only resembles what is asked for",
    },
    "reason.misplaced": {
        "id": "dokumen hanya ditemukan di luar folder OPD pemiliknya",
        "en": "the document was found only outside the owners' folders",
    },
    "reason.draft": {
        "id": "masih berupa rancangan/draf",
        "en": "it is marked as a draft",
    },
    "reason.unsigned": {
        "id": "tidak ada blok penetapan (Ditetapkan di ... pada tanggal ...)",
        "en": "it lacks its ratification block (Ditetapkan di ... pada tanggal ...)",
    },
    "reason.outdated": {
        "id": "dokumen sudah kedaluwarsa untuk tahun evaluasi",
        "en": "it is older than the evaluation allows",
    },
    "reason.too-few": {
        "id": "jumlah dokumen yang memenuhi syarat kurang dari yang diminta",
        "en": "fewer qualifying documents than required",
    },
    "action.unreadable": {
        "id": "Ganti berkas dengan salinan yang utuh dan tidak terkunci sandi.",
        "en": "Replace the file with a complete copy without a password.",
    },
    "action.no-text": {
        "id": "Unggah salinan yang dapat dicari (PDF hasil OCR) agar evaluator dapat membacanya.",
        "en": "Upload a searchable copy (an OCR'd PDF) so the evaluator can read it.",
    },
    "action.low-match": {
        "id": "Periksa apakah dokumen ini benar yang diminta; beri nama berkas yang menjelaskan isinya.",
        "en": "Check that this is the document asked for; give the file a name that says what it is.",
    },
    "action.misplaced": {
        "id": "Pindahkan dokumen ke folder {folder}.",
        "en": "Move the document to the folder {folder}.",
    },
    "action.draft": {
        "id": "Unggah versi yang sudah ditetapkan, bukan rancangannya.",
        "en": "Upload the enacted version, not the draft.",
    },
    "action.unsigned": {
        "id": "Unggah salinan yang memuat tanggal penetapan dan tanda tangan.",
        "en": "Upload the copy with the ratification date and signature.",
    },
    "action.outdated": {
        "id": "Unggah versi terbaru (paling lama {years} tahun sebelum tahun evaluasi).",
        "en": "Upload a current version (at most {years} years before the evaluation year).",
    },
    "action.too-few": {
        "id": "Lengkapi sampai {count} dokumen yang berbeda.",
        "en": "Add documents until there are {count} distinct ones.",
    },
    "list.folder": {"id": "Folder", "en": "Folder"},
    "list.agency": {"id": "OPD", "en": "Agency"},
    "list.unresolved": {"id": "(tidak dikenali)", "en": "(not recognised)"},
    "list.files": {"id": "Berkas yang dibaca: {count}", "en": "Files to read: {count}"},
    "list.skipped": {"id": "Dilewati", "en": "Skipped"},
    "map.ok": {
        "id": "{source}: peta valid: {indicators} indikator, {evidence} bukti, {agencies} OPD",
        "en": "{source}: map is valid: {indicators} indicators, {evidence} evidence items, {agencies} agencies",
    },
}


def message(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    text = CATALOGUE[key][lang]
    return text.format(**values) if values else text


def status_label(status: Status, lang: str) -> str:
    return message(f"status.{status.value}", lang)


def reason_text(reason: Reason, lang: str) -> str:
    return message(f"reason.{reason.value}", lang)
