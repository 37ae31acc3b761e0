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
    "status.waived": {"id": "DIKECUALIKAN", "en": "WAIVED"},
    "agency.todo": {"id": "Yang perlu dikerjakan", "en": "To do"},
    "agency.nothing": {
        "id": "Tidak ada yang perlu diperbaiki.",
        "en": "Nothing to fix.",
    },
    "agency.complete_count": {
        "id": "{count} butir sudah lengkap.",
        "en": "{count} items complete.",
    },
    "score.line": {
        "id": "Proyeksi indeks dari butir yang lengkap: {index} ({predikat})",
        "en": "Projected index from the complete items: {index} ({predikat})",
    },
    "gain": {"id": "(+{gain} indeks)", "en": "(+{gain} index)"},
    "action.searchable": {
        "id": "{name} dibaca dengan OCR: unggah salinan yang dapat dicari agar evaluator dapat membacanya.",
        "en": "{name} was read with OCR: upload a searchable copy so the evaluator can read it.",
    },
    "stopped": {
        "id": "evidence-check: dihentikan ({signal}); tidak ada laporan yang ditulis.",
        "en": "evidence-check: stopped ({signal}); no report was written.",
    },
    "init.folder": {"id": "Folder dibuat: {name}", "en": "Folder created: {name}"},
    "init.file": {"id": "Berkas dibuat: {name}", "en": "File created: {name}"},
    "init.done": {
        "id": "{folders} folder OPD dibuat, {existing} sudah ada (tidak ada yang ditimpa).",
        "en": "{folders} agency folders created, {existing} already there (nothing overwritten).",
    },
    "map.table.heading": {
        "id": "{evaluation} ({year}): {indicators} indikator, {evidence} butir",
        "en": "{evaluation} ({year}): {indicators} indicators, {evidence} evidence items",
    },
    "map.table.columns": {
        "id": "butir | jenis | level | pemilik | usia maks. | jumlah",
        "en": "evidence | kind | level | owners | max age | count",
    },
    "map.table.weight": {"id": "bobot {weight}", "en": "weight {weight}"},
    "map.table.external": {
        "id": "tidak perlu unggah: dinilai dari {index}",
        "en": "nothing to upload: scored from {index}",
    },
    "led_by": {"id": "dipimpin oleh {agency}", "en": "led by {agency}"},
    "document.line": {"id": "skor {score}", "en": "score {score}"},
    "document.page": {"id": "hlm. {page}", "en": "p. {page}"},
    "document.year": {"id": "tahun {year}", "en": "year {year}"},
    "todo.missing": {
        "id": "Unggah berkas untuk butir ini ke folder {folder}.",
        "en": "Upload a file for this item to the folder {folder}.",
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
        "id": "berkas terbaik hanya mirip dengan yang diminta, belum cukup meyakinkan",
        "en": "the best file only resembles what is asked for",
    },
    "reason.misplaced": {
        "id": "berkas hanya ditemukan di luar folder OPD pemiliknya",
        "en": "the file was found only outside the owners' folders",
    },
    "reason.other-region": {
        "id": "berkas milik daerah lain: diterbitkan oleh atau atas nama daerah lain",
        "en": "the file is another region's: issued by or in the name of another region",
    },
    "reason.gated": {
        "id": "otomatis ditolak: level {level} belum lengkap",
        "en": "rejected automatically: level {level} is not complete",
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
        "id": "berkas sudah kedaluwarsa untuk tahun evaluasi",
        "en": "it is older than the evaluation allows",
    },
    "reason.too-few": {
        "id": "jumlah berkas yang memenuhi syarat kurang dari yang diminta",
        "en": "fewer qualifying files than required",
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
        "id": "Periksa apakah berkas ini benar yang diminta; beri nama berkas yang menjelaskan isinya.",
        "en": "Check that this is the file asked for; give the file a name that says what it is.",
    },
    "action.misplaced": {
        "id": "Pindahkan berkas ke folder {folder}.",
        "en": "Move the file to the folder {folder}.",
    },
    "action.other-region": {
        "id": "Unggah berkas milik daerah ini sendiri, bukan contoh atau berkas daerah lain.",
        "en": "Upload this region's own document, not another region's or a sample from one.",
    },
    "action.gated": {
        "id": "Lengkapi dahulu level {level} indikator ini; butir ini baru dinilai setelahnya.",
        "en": "Complete level {level} of this indicator first; this item is judged only after it.",
    },
    "action.amends": {
        "id": "Berkas ini mengubah {amends}: unggah juga peraturan yang diubah bersama perubahannya.",
        "en": "This file amends {amends}: upload the amended instrument beside it.",
    },
    "action.draft": {
        "id": "Unggah versi yang sudah ditetapkan, bukan rancangannya.",
        "en": "Upload the enacted version, not the draft.",
    },
    "action.unsigned": {
        "id": "Unggah salinan yang memuat tanggal penetapan dan tanda tangan.",
        "en": "Upload the copy with the ratification date and signature.",
    },
    "action.revoked": {
        "id": "{name} dicabut oleh {by}: unggah instrumen yang masih berlaku, bukan yang dicabut.",
        "en": "{name} was revoked by {by}: upload the instrument in force, not the revoked one.",
    },
    "action.outdated": {
        "id": "Unggah versi terbaru (paling lama {years} tahun sebelum tahun evaluasi).",
        "en": "Upload a current version (at most {years} years before the evaluation year).",
    },
    "action.too-few": {
        "id": "Lengkapi sampai {count} berkas yang berbeda.",
        "en": "Add files until there are {count} distinct ones.",
    },
    "list.folder": {"id": "Folder", "en": "Folder"},
    "list.agency": {"id": "OPD", "en": "Agency"},
    "list.unresolved": {"id": "(tidak dikenali)", "en": "(not recognised)"},
    "list.files": {"id": "Berkas yang dibaca: {count}", "en": "Files to read: {count}"},
    "list.skipped": {"id": "Dilewati", "en": "Skipped"},
    # report headings, columns and labels (markdown, html, csv, xlsx, docx)
    "tally.complete": {"id": "Lengkap", "en": "Complete"},
    "tally.waived": {"id": "Dikecualikan", "en": "Waived"},
    "todo.waived": {
        "id": "Dikecualikan: {reason} (diputuskan oleh {by}).",
        "en": "Waived: {reason} (decided by {by}).",
    },
    "tally.weak": {"id": "Lemah", "en": "Weak"},
    "tally.missing": {"id": "Belum ada", "en": "Missing"},
    "tally.total": {"id": "Jumlah", "en": "Total"},
    "heading.overall": {"id": "Ringkasan", "en": "Summary"},
    "heading.groups": {"id": "Per kelompok indikator", "en": "By indicator group"},
    "heading.agencies": {"id": "Per OPD", "en": "By agency"},
    "heading.done": {"id": "Sudah lengkap", "en": "Complete"},
    "heading.notes": {"id": "Catatan", "en": "Notes"},
    "heading.contents": {"id": "Daftar isi", "en": "Contents"},
    "generated": {
        "id": "Dibuat {date} oleh evidence-check {version} dengan peta {map}",
        "en": "Generated {date} by evidence-check {version} with the map {map}",
    },
    "group.none": {"id": "(tanpa kelompok)", "en": "(no group)"},
    "column.no": {"id": "No.", "en": "No."},
    "column.agency": {"id": "OPD", "en": "Agency"},
    "column.agency_name": {"id": "Nama OPD", "en": "Agency name"},
    "column.indicator": {"id": "Indikator", "en": "Indicator"},
    "column.group": {"id": "Kelompok", "en": "Group"},
    "column.evidence": {"id": "Kode butir", "en": "Item code"},
    "column.requirement": {"id": "Butir data dukung", "en": "Item"},
    "column.status": {"id": "Status", "en": "Status"},
    "column.reasons": {"id": "Masalah", "en": "Problems"},
    "column.action": {"id": "Yang perlu dilakukan", "en": "What to do"},
    "column.file": {"id": "Berkas", "en": "File"},
    "column.page": {"id": "Hlm.", "en": "Page"},
    "column.score": {"id": "Skor", "en": "Score"},
    "column.year": {"id": "Tahun", "en": "Year"},
    "column.snippet": {"id": "Kutipan", "en": "Snippet"},
    "column.suggested_name": {"id": "Usulan nama berkas", "en": "Suggested file name"},
    "column.other_files": {"id": "Berkas lain", "en": "Other files"},
    "column.count": {"id": "Butir", "en": "Items"},
    "chart.label": {
        "id": "{name}: {complete} lengkap, {weak} lemah, {missing} belum ada",
        "en": "{name}: {complete} complete, {weak} weak, {missing} missing",
    },
    "sheet.summary": {"id": "Ringkasan", "en": "Summary"},
    # file names that say nothing (report/naming.py)
    "rename.heading": {
        "id": "Nama berkas yang perlu diperjelas",
        "en": "File names to make descriptive",
    },
    "rename.action": {
        "id": "Ganti nama berkas {name} menjadi {suggestion} agar evaluator mengenali isinya.",
        "en": "Rename {name} to {suggestion} so the evaluator can tell what it holds.",
    },
    "rename.suggested": {"id": "usul nama: {suggestion}", "en": "suggested name: {suggestion}"},
    # the per-agency memo (Nota Dinas) of the DOCX report
    "memo.title": {"id": "NOTA DINAS", "en": "MEMORANDUM"},
    "memo.to": {"id": "Kepada", "en": "To"},
    "memo.from": {"id": "Dari", "en": "From"},
    "memo.date": {"id": "Tanggal", "en": "Date"},
    "memo.number": {"id": "Nomor", "en": "Number"},
    "memo.nature": {"id": "Sifat", "en": "Nature"},
    "memo.nature_value": {"id": "Segera", "en": "Urgent"},
    "memo.attachment": {"id": "Lampiran", "en": "Attachment"},
    "memo.subject": {"id": "Hal", "en": "Subject"},
    "memo.head_of": {"id": "Kepala {agency}", "en": "Head of {agency}"},
    "memo.coordinator": {
        "id": "Dinas Komunikasi dan Informatika",
        "en": "Communication and Informatics Office",
    },
    "memo.subject_value": {
        "id": "Tindak lanjut kelengkapan data dukung {evaluation}",
        "en": "Follow-up on the supporting evidence for {evaluation}",
    },
    "memo.opening": {
        "id": "Berdasarkan pemeriksaan data dukung {evaluation} pada {date}, {agency} memimpin {complete} butir lengkap, {weak} butir lemah dan {missing} butir yang belum ada. Agar nilai evaluasi mencerminkan pekerjaan yang sudah dilakukan, mohon Saudara menindaklanjuti butir berikut dan menyampaikan hasilnya paling lambat {reply_by}:",
        "en": "The check of the supporting evidence for {evaluation} on {date} found {complete} complete, {weak} weak and {missing} missing items led by {agency}. So that the evaluation reflects the work done, please act on the following items and report back by {reply_by}:",
    },
    "memo.nothing": {
        "id": "Berdasarkan pemeriksaan data dukung {evaluation} pada {date}, seluruh {complete} butir yang dipimpin {agency} sudah lengkap. Terima kasih.",
        "en": "The check of the supporting evidence for {evaluation} on {date} found all {complete} items led by {agency} complete. Thank you.",
    },
    "memo.rename_intro": {
        "id": "Selain itu, mohon ganti nama berkas berikut agar evaluator dapat mengenali isinya:",
        "en": "Please also rename the following files so that the evaluator can tell what they hold:",
    },
    "memo.closing": {
        "id": "Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih.",
        "en": "Thank you for your attention and cooperation.",
    },
    "memo.signature_name": {"id": "(nama lengkap)", "en": "(full name)"},
    "memo.signature_id": {
        "id": "NIP. ....................",
        "en": "Employee no. ....................",
    },
    "memo.blank": {"id": "...................", "en": "..................."},
    "date.long": {"id": "{day} {month} {year}", "en": "{day} {month} {year}"},
    "month.1": {"id": "Januari", "en": "January"},
    "month.2": {"id": "Februari", "en": "February"},
    "month.3": {"id": "Maret", "en": "March"},
    "month.4": {"id": "April", "en": "April"},
    "month.5": {"id": "Mei", "en": "May"},
    "month.6": {"id": "Juni", "en": "June"},
    "month.7": {"id": "Juli", "en": "July"},
    "month.8": {"id": "Agustus", "en": "August"},
    "month.9": {"id": "September", "en": "September"},
    "month.10": {"id": "Oktober", "en": "October"},
    "month.11": {"id": "November", "en": "November"},
    "month.12": {"id": "Desember", "en": "December"},
    # `evidence-check serve`: the pages an OPD and the coordinator see, and the server's console
    "serve.heading": {"id": "Data dukung {agency}", "en": "Evidence of {agency}"},
    "serve.overview": {"id": "Ringkasan seluruh OPD", "en": "All agencies"},
    "serve.coordinator_view": {
        "id": "Tampilan koordinator: halaman ini sama dengan yang dilihat {agency}.",
        "en": "Coordinator's view: this is the page {agency} sees.",
    },
    "serve.back": {"id": "Kembali ke ringkasan", "en": "Back to the overview"},
    "serve.refresh": {"id": "Periksa ulang", "en": "Check again"},
    "serve.logout": {"id": "Keluar", "en": "Log out"},
    "serve.checked": {"id": "Diperiksa {date} pukul {time}", "en": "Checked {date} at {time}"},
    "serve.open": {"id": "Lihat", "en": "Open"},
    "serve.json": {"id": "Data JSON", "en": "JSON data"},
    "serve.settled": {"id": "Sudah lengkap atau dikecualikan", "en": "Complete or waived"},
    "serve.todo_shared": {
        "id": "Satu dokumen dari salah satu OPD pemilik sudah cukup: unggah di sini (masuk ke folder {folder}) atau pastikan {lead} mengunggahnya.",
        "en": "One document from any owner is enough: upload it here (into the folder of {folder}) or make sure {lead} uploads it.",
    },
    "serve.why": {"id": "Mengapa", "en": "Why"},
    "serve.todo_do": {"id": "Yang perlu dilakukan", "en": "What to do"},
    "serve.files": {"id": "Berkas yang ditemukan", "en": "Files found"},
    "serve.no_files": {
        "id": "Belum ada berkas yang cocok di folder Anda.",
        "en": "No matching file in your folder yet.",
    },
    "serve.open_page": {"id": "Buka hlm. {page}", "en": "Open p. {page}"},
    "serve.page_image": {"id": "Gambar hlm. {page}", "en": "Image of p. {page}"},
    "serve.open_file": {"id": "Buka berkas", "en": "Open the file"},
    "serve.upload_label": {
        "id": "Unggah berkas untuk butir ini",
        "en": "Upload a file for this item",
    },
    "serve.upload_another": {
        "id": "Unggah berkas lain untuk butir ini",
        "en": "Upload another file for this item",
    },
    "serve.upload_button": {"id": "Unggah", "en": "Upload"},
    "serve.upload_hint": {
        "id": "Setiap butir punya formulir unggah: PDF, DOCX, XLSX, PPTX, PNG, JPEG atau TIFF, paling besar {mb} MB per berkas, masuk ke folder OPD Anda. Berkas yang sudah ada tidak pernah ditimpa.",
        "en": "Each item has an upload form: PDF, DOCX, XLSX, PPTX, PNG, JPEG or TIFF, at most {mb} MB a file, into your agency's folder. Files already there are never overwritten.",
    },
    "serve.upload_off": {
        "id": "Unggah tidak diaktifkan di server ini: simpan berkas di folder OPD Anda, lalu tekan Periksa ulang.",
        "en": "Uploads are off on this server: put the file in your agency's folder, then press Check again.",
    },
    "serve.uploaded": {
        "id": "Berkas {name} tersimpan dan sudah diperiksa.",
        "en": "The file {name} is stored and has been checked.",
    },
    "serve.refreshed": {"id": "Pemeriksaan sudah diperbarui.", "en": "The check is up to date."},
    "serve.denied": {"id": "Akses ditolak", "en": "Access denied"},
    "serve.denied_text": {
        "id": "Buka tautan yang dikirim koordinator (Diskominfo) kepada OPD Anda. Tautan yang salah atau sudah diganti tidak berlaku.",
        "en": "Open the link the coordinator (Diskominfo) sent your agency. A wrong or replaced link does not work.",
    },
    "serve.forbidden": {
        "id": "Halaman ini bukan untuk OPD Anda.",
        "en": "This page is not for your agency.",
    },
    "serve.logged_out": {
        "id": "Anda sudah keluar. Buka lagi tautan dari koordinator untuk masuk.",
        "en": "You are logged out. Open the coordinator's link again to log in.",
    },
    "upload.bad-name": {
        "id": 'Nama berkas tidak aman (memuat nama folder atau ".."): ganti namanya lalu unggah lagi.',
        "en": 'The file name is not safe (it holds a folder or ".."): rename the file and upload it again.',
    },
    "upload.bad-type": {
        "id": "Jenis berkas tidak diterima: hanya PDF, DOCX, XLSX, PPTX, PNG, JPEG atau TIFF, dengan akhiran nama yang sesuai isinya.",
        "en": "This type of file is not accepted: only PDF, DOCX, XLSX, PPTX, PNG, JPEG or TIFF, with a name ending that matches the content.",
    },
    "upload.too-large": {
        "id": "Berkas terlalu besar (paling besar {mb} MB).",
        "en": "The file is too large (at most {mb} MB).",
    },
    "upload.no-file": {"id": "Pilih berkas lebih dulu.", "en": "Choose a file first."},
    "upload.unknown-agency": {
        "id": "Sebutkan OPD tujuan (kolom agency) dengan kode OPD dari peta.",
        "en": "Name the agency (field agency) by its id in the map.",
    },
    "upload.unknown-evidence": {
        "id": "Butir bukti ini bukan milik OPD tersebut.",
        "en": "This evidence item does not belong to that agency.",
    },
    "upload.no-folder": {
        "id": "Folder OPD tidak dapat dibuat atau dipakai; hubungi koordinator.",
        "en": "The agency's folder cannot be made or used; contact the coordinator.",
    },
    "upload.disabled": {
        "id": "Unggah tidak diaktifkan di server ini (koordinator menjalankannya tanpa --allow-upload).",
        "en": "Uploads are off on this server (the coordinator started it without --allow-upload).",
    },
    "upload.stale-form": {
        "id": "Formulir kedaluwarsa: muat ulang halaman lalu coba lagi.",
        "en": "The form has expired: reload the page and try again.",
    },
    "serve.console.created": {
        "id": "Berkas akses dibuat (hanya dapat dibaca pemiliknya): {path}",
        "en": "Access file created (readable by its owner only): {path}",
    },
    "serve.console.readable": {
        "id": "Peringatan: berkas akses {path} dapat dibaca pengguna lain; tetap dipakai. Jalankan: chmod 600 {path}",
        "en": "Warning: the access file {path} can be read by other users; used all the same. Run: chmod 600 {path}",
    },
    "serve.console.no_token": {
        "id": "OPD tanpa token di berkas akses (tidak dapat masuk): {names}",
        "en": "Agencies without a token in the access file (they cannot log in): {names}",
    },
    "serve.console.links": {
        "id": "Kirim setiap tautan hanya kepada OPD-nya (siapa pun yang memegang tautan dapat melihat data OPD itu):",
        "en": "Send each link to its agency only (whoever holds a link sees that agency's data):",
    },
    "serve.console.coordinator": {
        "id": "Koordinator (semua OPD)",
        "en": "Coordinator (all agencies)",
    },
    "serve.console.uploads": {
        "id": "Unggah aktif, paling besar {mb} MB per berkas; log unggahan: {path}",
        "en": "Uploads on, at most {mb} MB per file; upload log: {path}",
    },
    "serve.console.no_uploads": {
        "id": "Unggah tidak aktif (tambahkan --allow-upload agar OPD dapat mengunggah dari peramban).",
        "en": "Uploads off (add --allow-upload to let agencies upload from the browser).",
    },
    "serve.console.listening": {
        "id": "Server berjalan di http://{host}:{port}/ (Ctrl+C untuk berhenti)",
        "en": "Serving on http://{host}:{port}/ (Ctrl+C to stop)",
    },
    "package.missing": {
        "id": "belum ada dokumen yang cocok",
        "en": "no matching document yet",
    },
    "package.done": {
        "id": "Paket di {folder}: {ready} butir siap, {not_ready} belum siap, {ocr} berkas di-OCR (dapat dicari); daftar di manifest.csv dan manifest.xlsx.",
        "en": "Package in {folder}: {ready} items ready, {not_ready} not ready, {ocr} files OCR'd (searchable); listed in manifest.csv and manifest.xlsx.",
    },
    "package.reread": {
        "id": "{count} berkas di-OCR ulang untuk letak kata (cache lama hanya menyimpan teksnya).",
        "en": "{count} files OCR'd again for their word positions (the old cache held only their text).",
    },
    "package.no_ocr": {
        "id": "OCR tidak aktif: hasil pindai disalin tanpa lapisan teks.",
        "en": "OCR is off: scans are copied without a text layer.",
    },
    "map.ok": {
        "id": "{source}: peta valid: {indicators} indikator, {evidence} butir, {agencies} OPD",
        "en": "{source}: map is valid: {indicators} indicators, {evidence} evidence items, {agencies} agencies",
    },
    # banners: what makes a report wrong in a way its rows cannot say (report/banners.py)
    "banner.ocr.missing": {
        "id": "PERHATIAN: {count} berkas hasil pindai atau gambar tidak dapat dibaca karena OCR (Tesseract) tidak terpasang. {rows} butir yang mungkin terjawab oleh berkas itu ditandai LEMAH (tanpa teks), bukan BELUM ADA. {install}",
        "en": "WARNING: {count} scanned or picture files could not be read because OCR (Tesseract) is not installed. {rows} items they may answer are marked WEAK (no text), not MISSING. {install}",
    },
    "banner.ocr.off": {
        "id": "PERHATIAN: {count} berkas hasil pindai atau gambar tidak dibaca karena OCR dimatikan (--no-ocr). {rows} butir yang mungkin terjawab oleh berkas itu ditandai LEMAH (tanpa teks), bukan BELUM ADA. Jalankan audit tanpa --no-ocr.",
        "en": "WARNING: {count} scanned or picture files were not read because OCR was turned off (--no-ocr). {rows} items they may answer are marked WEAK (no text), not MISSING. Run the audit without --no-ocr.",
    },
    "install.Windows": {
        "id": "Pasang Tesseract untuk Windows (installer UB Mannheim dari github.com/UB-Mannheim/tesseract) dengan bahasa Indonesia (ind), lalu jalankan audit lagi.",
        "en": "Install Tesseract for Windows (the UB Mannheim installer from github.com/UB-Mannheim/tesseract) with the Indonesian language (ind), then run the audit again.",
    },
    "install.Darwin": {
        "id": "Pasang Tesseract: brew install tesseract tesseract-lang, lalu jalankan audit lagi.",
        "en": "Install Tesseract: brew install tesseract tesseract-lang, then run the audit again.",
    },
    "install.Linux": {
        "id": "Pasang Tesseract: sudo apt install tesseract-ocr tesseract-ocr-ind, lalu jalankan audit lagi.",
        "en": "Install Tesseract: sudo apt install tesseract-ocr tesseract-ocr-ind, then run the audit again.",
    },
    "banner.root": {
        "id": "PERHATIAN: tidak ada folder di {root} yang dikenali sebagai OPD, sehingga setiap berkas hanya dinilai salah tempat. Maksud Anda folder {hint} di dalamnya? Jalankan audit pada folder itu.",
        "en": "WARNING: no folder in {root} is recognised as an agency, so every file counts only as misplaced. Did you mean the folder {hint} inside it? Run the audit on that folder.",
    },
    "banner.root_none": {
        "id": "PERHATIAN: tidak ada folder di {root} yang dikenali sebagai OPD, sehingga setiap berkas hanya dinilai salah tempat. Buat satu folder per OPD (evidence-check init) atau periksa nama foldernya.",
        "en": "WARNING: no folder in {root} is recognised as an agency, so every file counts only as misplaced. Make one folder per agency (evidence-check init) or check the folder names.",
    },
    "banner.agency": {
        "id": "PERHATIAN: folder {root} tampaknya milik {other} ({other_id}), bukan {agency} ({agency_id}). Periksa --agency atau ROOT.",
        "en": "WARNING: the folder {root} looks like {other}'s ({other_id}), not {agency}'s ({agency_id}). Check --agency or ROOT.",
    },
    "banner.empty": {
        "id": "PERHATIAN: tidak ada berkas di {root}: setiap butir BELUM ADA. Periksa ROOT, atau salin data dukung ke sana.",
        "en": "WARNING: there is no file in {root}: every item is MISSING. Check ROOT, or copy the evidence there.",
    },
    "revoked": {
        "id": "Instrumen ini telah dicabut oleh {by}; audit untuk siklus {cycle} memakai peta bawaan `pemdi`.",
        "en": "This instrument was revoked by {by}; audits for the {cycle} cycle use the shipped map `pemdi`.",
    },
    # the projection
    "score.minimum": {
        "id": "Proyeksi indeks minimal dari butir yang lengkap: {index} ({predikat}); indikator eksternal berbobot {weight} dihitung pada level terendah",
        "en": "Projected minimum index from the complete items: {index} ({predikat}); external indicators of weight {weight} are counted at the lowest level",
    },
    "score.heading.domain": {"id": "Indeks per domain", "en": "Index per domain"},
    "score.heading.aspect": {"id": "Indeks per aspek", "en": "Index per aspect"},
    "score.heading.dimension": {"id": "Nilai per dimensi", "en": "Score per dimension"},
    "score.heading.external": {
        "id": "Indikator eksternal (tidak perlu unggah)",
        "en": "External indicators (nothing to upload)",
    },
    "external.line": {
        "id": "{indicator} {name}: tidak perlu unggah: dinilai dari {source}; {assumed}",
        "en": "{indicator} {name}: nothing to upload: scored from {source}; {assumed}",
    },
    "external.given": {"id": "level {level} (diasumsikan)", "en": "level {level} (assumed)"},
    "external.floor": {
        "id": "level {level} (floor: belum diketahui, dihitung pada level terendah)",
        "en": "level {level} (floor: not known, counted at the lowest level)",
    },
    "column.gain": {"id": "Tambahan indeks", "en": "Index gain"},
    "column.level": {"id": "Level", "en": "Level"},
    "column.index": {"id": "Indeks", "en": "Index"},
    "column.person": {"id": "Penanggung jawab", "en": "Person in charge"},
    "column.deadline": {"id": "Batas waktu", "en": "Deadline"},
    "column.waiver": {"id": "Pengecualian", "en": "Waiver"},
    "column.led_by": {"id": "Dipimpin oleh", "en": "Led by"},
    "column.pinned": {"id": "Berkas disematkan", "en": "Pinned file"},
    "sheet.all": {"id": "Semua butir", "en": "All items"},
    "sheet.score": {"id": "Proyeksi", "en": "Projection"},
    "heading.score": {"id": "Proyeksi indeks", "en": "Projected index"},
    "heading.waived": {"id": "Dikecualikan", "en": "Waived"},
    "waiver.line": {
        "id": "{reason} (diputuskan oleh {by}, berlaku sampai {until})",
        "en": "{reason} (decided by {by}, valid until {until})",
    },
    "waiver.open": {"id": "tanpa batas", "en": "no end date"},
    "document.pinned": {"id": "disematkan", "en": "pinned"},
    "document.unread": {"id": "belum terbaca", "en": "not read"},
    "deadline.line": {"id": "Batas waktu: {date}", "en": "Deadline: {date}"},
    # short labels of the reasons, for a file's own problems (never the raw codes)
    "label.unreadable": {"id": "tidak terbaca", "en": "unreadable"},
    "label.no-text": {"id": "tanpa teks", "en": "no text"},
    "label.low-match": {"id": "kurang mirip", "en": "low match"},
    "label.misplaced": {"id": "salah folder", "en": "misplaced"},
    "label.other-region": {"id": "milik daerah lain", "en": "another region's"},
    "label.draft": {"id": "rancangan", "en": "draft"},
    "label.unsigned": {"id": "belum ditetapkan", "en": "unsigned"},
    "label.outdated": {"id": "kedaluwarsa", "en": "outdated"},
    "label.too-few": {"id": "kurang jumlah", "en": "too few"},
    "label.gated": {"id": "otomatis ditolak", "en": "rejected automatically"},
    # why a file was skipped
    "skip.junk": {"id": "berkas sistem", "en": "system file"},
    "skip.unsupported": {"id": "jenis tidak didukung", "en": "unsupported type"},
    "skip.too-large": {"id": "terlalu besar", "en": "too large"},
    "skip.permission": {"id": "tanpa izin baca", "en": "no read permission"},
    "skip.settings": {"id": "berkas pengaturan", "en": "settings file"},
    "skip.link-inside": {
        "id": "tautan ke folder yang sudah diperiksa",
        "en": "link to a folder already audited",
    },
    "skip.link-loop": {"id": "tautan berputar", "en": "looping link"},
    "skip.link-outside": {"id": "tautan ke luar folder", "en": "link leading outside"},
    "skip.too-many": {"id": "arsip terlalu banyak isi", "en": "archive with too many files"},
    "skip.path-traversal": {
        "id": "isi arsip keluar folder",
        "en": "archive entry leaving its folder",
    },
    "skip.nested-archive": {"id": "arsip di dalam arsip", "en": "archive inside an archive"},
    "skip.zip-bomb": {"id": "arsip mencurigakan", "en": "suspicious archive"},
    "skip.special-file": {"id": "berkas khusus (pipa, soket, perangkat)", "en": "special file"},
    "skip.other": {"id": "lainnya", "en": "other"},
    # the memo (Nota Dinas) and the coordinator's own to-do
    "memo.to_prefix": {"id": "Yth.", "en": "Attn."},
    "memo.copy": {"id": "Tembusan", "en": "Copy to"},
    "memo.copy_value": {"id": "Sekretaris Daerah{region}", "en": "Regional Secretary{region}"},
    "memo.internal": {
        "id": "DAFTAR TINDAK LANJUT INTERNAL",
        "en": "INTERNAL FOLLOW-UP LIST",
    },
    "memo.internal_opening": {
        "id": "Hasil pemeriksaan data dukung {evaluation} pada {date}: {agency} memimpin {complete} butir lengkap, {weak} butir lemah dan {missing} butir yang belum ada. Butir berikut diselesaikan sendiri paling lambat {reply_by}:",
        "en": "The check of the supporting evidence for {evaluation} on {date}: {agency} leads {complete} complete, {weak} weak and {missing} missing items. The following are ours to finish by {reply_by}:",
    },
    "memo.shared_files": {
        "id": "Berkas berikut muncul pada beberapa butir; cukup diperbaiki sekali:",
        "en": "These files appear in several items; fix each once:",
    },
    "memo.shared_items": {"id": "Butir", "en": "Items"},
    "memo.gains": {
        "id": "Bila seluruh butir di atas lengkap, proyeksi indeks naik {gain} (saat ini {index}).",
        "en": "With all the items above complete, the projected index rises by {gain} (now {index}).",
    },
    # the command line
    "cli.no_rows": {
        "id": "{agency} ({id}) tidak memimpin butir mana pun dan foldernya tidak memuat berkas untuk butir mana pun: tidak ada daftar yang dibuat.",
        "en": "{agency} ({id}) leads no item and its folder holds no file for any item: no list was made.",
    },
    "cli.unknown_agency": {
        "id": '"{agency}" bukan id OPD dalam {source}. Id yang berlaku: {ids}',
        "en": '"{agency}" is not an agency id of {source}. Valid ids: {ids}',
    },
    "cli.inside_root": {
        "id": "menolak menulis {target} di dalam folder data dukung {root}",
        "en": "refusing to write {target} inside the evidence folder {root}",
    },
    "cli.several_formats": {
        "id": "beberapa --format memerlukan --output-dir",
        "en": "several --format values need --output-dir",
    },
    "cli.file_format": {
        "id": "--format {fmt} menghasilkan berkas: beri --output BERKAS atau --output-dir FOLDER",
        "en": "--format {fmt} makes a file: give --output FILE or --output-dir DIR",
    },
    "cli.output_both": {
        "id": "beri --output atau --output-dir, jangan keduanya",
        "en": "give either --output or --output-dir, not both",
    },
    "cli.fail_on_baseline": {
        "id": "--fail-on regressed memerlukan --baseline BERKAS atau --baseline last",
        "en": "--fail-on regressed needs --baseline FILE or --baseline last",
    },
    "cli.baseline_no_history": {
        "id": "--baseline last membaca riwayat yang tidak disentuh oleh --no-history",
        "en": "--baseline last reads the history that --no-history leaves alone",
    },
    "cli.root_missing": {
        "id": "folder {root} tidak ada",
        "en": "the folder {root} does not exist",
    },
    "cli.root_not_folder": {
        "id": "{root} adalah berkas, bukan folder data dukung",
        "en": "{root} is a file, not an evidence folder",
    },
    "cli.written": {"id": "Ditulis: {path}", "en": "Written: {path}"},
    "progress": {
        "id": "{done}/{total} berkas · {pages} halaman · {ocr} OCR · sisa {left} dtk ",
        "en": "{done}/{total} files · {pages} pages · {ocr} OCR · {left} s left ",
    },
    # between audits: --baseline, the history store (changes.py, history.py, report/view.py)
    "changes.heading": {
        "id": "Perubahan sejak audit {date}",
        "en": "Changes since the audit of {date}",
    },
    "changes.counts": {
        "id": "{resolved} selesai · {new} masalah baru · {changed} berubah · {added} butir baru di peta · {removed} butir dihapus dari peta",
        "en": "{resolved} done · {new} new problems · {changed} changed · {added} rows added to the map · {removed} rows removed from the map",
    },
    "changes.none": {
        "id": "Tidak ada butir yang berubah.",
        "en": "No row has changed.",
    },
    "changes.tally": {
        "id": "Lengkap {complete_then} → {complete_now} · lemah {weak_then} → {weak_now} · belum ada {missing_then} → {missing_now}",
        "en": "Complete {complete_then} → {complete_now} · weak {weak_then} → {weak_now} · missing {missing_then} → {missing_now}",
    },
    "changes.index": {
        "id": "Proyeksi indeks: {then} → {now}",
        "en": "Projected index: {then} → {now}",
    },
    "changes.done": {"id": "Sudah selesai", "en": "Done"},
    "changes.new_problems": {"id": "Masalah baru", "en": "New problems"},
    "trend.heading": {
        "id": "Riwayat audit ({count})",
        "en": "Audit history ({count})",
    },
    "trend.index": {"id": "Proyeksi indeks", "en": "Projected index"},
    "history.none": {
        "id": "Belum ada audit yang tersimpan untuk {root}.",
        "en": "No audit of {root} has been kept yet.",
    },
    "history.columns": {
        "id": "tanggal | peta | lengkap | lemah | belum ada | dikecualikan | indeks",
        "en": "date | map | complete | weak | missing | waived | index",
    },
}


def message(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    text = CATALOGUE[key][lang]
    return text.format(**values) if values else text


def status_label(status: Status, lang: str) -> str:
    return message(f"status.{status.value}", lang)


def reason_label(code: str, lang: str) -> str:
    """A reason's short label ("salah folder"), for a file's own problems."""
    return message(f"label.{code}", lang)


def skip_label(reason: str, lang: str) -> str:
    key = f"skip.{reason}"
    return message(key if key in CATALOGUE else "skip.other", lang)


def reason_text(reason: Reason, lang: str, **values: object) -> str:
    key = f"reason.{reason.value}"
    needed = {k: v for k, v in values.items() if "{" + k + "}" in CATALOGUE[key][lang]}
    return message(key, lang, **needed)
