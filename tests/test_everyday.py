"""Everyday use through the command line (issue 13): reports a coordinator can trust and send.

If these break, a Windows PC without Tesseract reports scanned evidence as missing with no word
why, a ROOT one folder too high yields a tree of "misplaced" rows, a memo goes from Diskominfo to
Diskominfo, an agency's own outdated file is missing from its to-do, a terminal with NO_COLOR
gets escape codes, or a script cannot tell which files were written.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from helpers import build_tree, docgen

from evidence_check.cli import main
from evidence_check.console import ProgressLine
from evidence_check.evidence_map import MapError, parse_map
from evidence_check.reader import Progress

MAP3 = """\
version: 3
evaluation:
  name: Evaluasi Kinerja Pemerintah Digital 2027
  year: 2027
  scoring:
    method: weighted-levels
    scale: [1, 5]
    gating: true
    predikat:
      - {min: 2.5, label: Baik, name: Berkembang}
      - {min: 1.5, label: Cukup, name: Membangun}
      - {min: 0, label: Kurang, name: Merintis}
agencies:
  - {id: diskominfo, name: Dinas Komunikasi dan Informatika, aliases: [Diskominfo, Kominfo]}
  - {id: inspektorat, name: Inspektorat Daerah, aliases: [Inspektorat], head: Inspektur}
  - {id: bappeda, name: Badan Perencanaan Pembangunan Daerah, aliases: [Bappeda]}
  - {id: dlh, name: Dinas Lingkungan Hidup, aliases: [DLH]}
indicators:
  - id: I4
    name: Tingkat Kematangan Kolaborasi
    aspect: Penyelenggara
    weight: 50
    evidence:
      - id: i4-l1-sk
        code: I4-L1-01
        level: 1
        title: Keputusan Bupati tentang Tim Koordinasi Pemerintah Digital
        kind: decree
        owners: [diskominfo, inspektorat]
        keywords: [Tim Koordinasi Pemerintah Digital]
        must_include: [Keputusan]
      - id: i4-l2-reviu
        code: I4-L2-01
        level: 2
        title: Laporan Reviu Tim Koordinasi Pemerintah Digital
        kind: report
        owners: [inspektorat]
        keywords: [Reviu Tim Koordinasi]
        must_include: [Laporan]
  - id: I5
    name: Tingkat Kematangan Sumber Daya Data
    aspect: Data
    weight: 50
    external: Indeks SDI
"""
SK_TOPIC = "Tim Koordinasi Pemerintah Digital"
#: the words that must never appear as raw codes in a report for people
CODES = re.compile(
    r"\[(unreadable|no-text|low-match|misplaced|other-region|draft|unsigned|outdated|too-few|gated)"
)


def run(*args: str | Path, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    outcome = CliRunner().invoke(main, [str(a) for a in args], env=env)
    return outcome.exit_code, outcome.stdout, outcome.stderr


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    target = tmp_path / "pemdi.yaml"
    target.write_text(MAP3, encoding="utf-8")
    return target


def audit(root: Path, map_file: Path, *args: str | Path) -> tuple[int, str, str]:
    return run("audit", root, "--map", map_file, "--no-cache", "--jobs", "1", *args)


def test_without_ocr_an_unread_scan_keeps_its_rows_from_missing_and_the_report_says_so(
    tmp_path: Path, map_file: Path
) -> None:
    root = tmp_path / "Mojosari"
    (root / "02. Inspektorat").mkdir(parents=True)
    docgen.write_scan(docgen.Regulation(topic=SK_TOPIC, form="KEPUTUSAN"),
                      root / "01. Diskominfo" / "scan_0042.pdf")  # fmt: skip
    code, out, _ = audit(root, map_file, "--no-ocr")
    assert code == 1
    head = "\n".join(out.splitlines()[:15])
    assert "OCR" in head and "1 berkas hasil pindai" in head and "--no-ocr" in head
    code, out, _ = audit(root, map_file, "--no-ocr", "--format", "json")
    rows = {r["code"]: r for r in json.loads(out)["requirements"]}
    assert rows["I4-L1-01"]["status"] == "weak" and rows["I4-L1-01"]["reasons"] == ["no-text"]
    assert rows["I4-L1-01"]["documents"][0]["path"] == "01. Diskominfo/scan_0042.pdf"
    assert rows["I4-L1-01"]["documents"][0]["score"] is None
    # nothing unread in the Inspektorat's folder: its own row may well be missing
    assert rows["I4-L2-01"]["status"] == "missing"


def test_ocr_missing_banner_names_how_to_install_tesseract_on_windows(
    tmp_path: Path, map_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from evidence_check.extract import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    monkeypatch.setattr("platform.system", lambda: "Windows")
    root = tmp_path / "Mojosari"
    docgen.write_photo(docgen.Regulation(topic=SK_TOPIC, form="KEPUTUSAN"),
                       root / "01. Diskominfo" / "IMG_0001.jpg")  # fmt: skip
    code, out, _ = audit(root, map_file, "--lang", "en")
    assert code == 1
    first = out.splitlines()[1]
    assert first.startswith("WARNING: 1 scanned or picture files could not be read")
    assert "UB Mannheim" in first and "1 items they may answer" in first


def test_a_root_one_folder_too_high_says_which_folder_inside_was_meant(
    tmp_path: Path, map_file: Path
) -> None:
    build_tree(tmp_path / "Data Dukung 2027",
               {"01. Diskominfo/sk.pdf": docgen.Regulation(topic=SK_TOPIC, form="KEPUTUSAN")})  # fmt: skip
    code, out, _ = audit(tmp_path, map_file)
    assert code == 1
    assert "Maksud Anda folder Data Dukung 2027 di dalamnya?" in out.splitlines()[1]


def test_a_self_check_on_another_agency_s_folder_says_so_first(
    tmp_path: Path, map_file: Path
) -> None:
    root = build_tree(tmp_path / "Inspektorat",
                      {"sk.pdf": docgen.Regulation(topic=SK_TOPIC, form="KEPUTUSAN")})  # fmt: skip
    code, out, _ = audit(root, map_file, "--agency", "diskominfo")
    assert code in (0, 1)
    assert "tampaknya milik Inspektorat Daerah (inspektorat)" in out.splitlines()[1]


def test_an_empty_tree_says_so_first(tmp_path: Path, map_file: Path) -> None:
    (tmp_path / "kosong").mkdir()
    code, out, _ = audit(tmp_path / "kosong", map_file)
    assert code == 1 and out.splitlines()[1].startswith("PERHATIAN: tidak ada berkas di kosong")


@pytest.fixture
def region(tmp_path: Path) -> Path:
    """A tree whose Inspektorat folder holds an old copy of the SK Diskominfo leads."""
    root = build_tree(
        tmp_path / "Mojosari",
        {
            "01. Diskominfo/SK Tim Koordinasi.pdf": docgen.Regulation(
                topic=SK_TOPIC, form="KEPUTUSAN", draft=True
            ),
            "02. Inspektorat/SK Tim Koordinasi lama.pdf": docgen.Regulation(
                topic=SK_TOPIC, form="KEPUTUSAN", draft=True, year=2019
            ),
            "03. Bappeda/catatan.pdf": docgen.Report(title="Catatan Rapat Bappeda"),
        },
    )
    (root / "evidence-check.yaml").write_text(
        "region: Kabupaten Mojosari\n"
        "coordinator: {agency: diskominfo, office: Dinas Komunikasi dan Informatika Kabupaten "
        "Mojosari, title: Kepala Dinas Komunikasi dan Informatika, name: Drs. Budi Santoso, "
        "nip: '197001011990031001', address: Jl. Raya Mojosari No. 1}\n"
        "deadline: 2027-03-31\n",
        encoding="utf-8",
    )
    return root


def memo(root: Path, map_file: Path, agency: str, target: Path, *args: str) -> docx.Document:
    code, _, err = run("todo", root, agency, "--map", map_file, "--no-cache", "--jobs", "1",
                       "--format", "docx", "--output", target, *args)  # fmt: skip
    assert code == 1, err
    assert f"Ditulis: {target}" in err
    return docx.Document(target)


def test_a_memo_goes_from_the_coordinator_to_the_head_by_title_with_hal_tembusan_reply_by(
    region: Path, map_file: Path, tmp_path: Path
) -> None:
    document = memo(region, map_file, "inspektorat", tmp_path / "inspektorat.docx")
    fields = {r.cells[0].text: r.cells[2].text for r in document.tables[0].rows}
    assert fields["Kepada"] == "Yth. Inspektur"
    assert fields["Dari"] == "Kepala Dinas Komunikasi dan Informatika"
    assert fields["Tembusan"] == "Sekretaris Daerah Kabupaten Mojosari"
    assert "Hal" in fields and "Perihal" not in fields
    texts = [p.text for p in document.paragraphs]
    assert any("paling lambat 31 Maret 2027" in t for t in texts)
    assert "Drs. Budi Santoso" in texts and "NIP. 197001011990031001" in texts
    # the Inspektorat's own outdated copy of a row Diskominfo leads is on its list
    rows = [[c.text for c in r.cells] for r in document.tables[1].rows]
    assert any(r[1] == "I4 · I4-L1-01" and "dipimpin oleh" in r[2] for r in rows)


def test_deadline_option_overrides_the_settings(
    region: Path, map_file: Path, tmp_path: Path
) -> None:
    document = memo(region, map_file, "inspektorat", tmp_path / "m.docx",
                    "--deadline", "2027-02-15")  # fmt: skip
    assert any("paling lambat 15 Februari 2027" in p.text for p in document.paragraphs)


def test_the_coordinator_gets_an_internal_todo_not_a_memo_to_itself(
    region: Path, map_file: Path, tmp_path: Path
) -> None:
    document = memo(region, map_file, "kominfo", tmp_path / "kominfo.docx")
    texts = [p.text for p in document.paragraphs]
    assert "NOTA DINAS" not in texts and "DAFTAR TINDAK LANJUT INTERNAL" in texts
    fields = [r.cells[0].text for r in document.tables[0].rows]
    assert "Kepada" not in fields and "Dari" not in fields


def test_an_agency_with_no_rows_says_so_exits_0_and_writes_no_memo(
    region: Path, map_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "dlh.docx"
    code, _, err = run("todo", region, "dlh", "--map", map_file, "--no-cache", "--format", "docx",
                       "--output", target)  # fmt: skip
    assert code == 0 and not target.exists()
    assert "Dinas Lingkungan Hidup (dlh) tidak memimpin butir mana pun" in err


def test_todo_lists_the_valid_ids_when_it_cannot_resolve_one(region: Path, map_file: Path) -> None:
    code, _, err = run("todo", region, "dinas rahasia", "--map", map_file, "--no-cache")
    assert code == 2
    assert "Id yang berlaku: diskominfo, inspektorat, bappeda, dlh" in err


def test_every_file_written_is_named_on_stderr(
    region: Path, map_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "laporan"
    code, _, err = audit(
        region, map_file, "--format", "html", "--format", "docx", "--output-dir", out
    )
    assert code == 1
    written = sorted(line.removeprefix("Ditulis: ") for line in err.splitlines()
                     if line.startswith("Ditulis: "))  # fmt: skip
    assert written == sorted(str(p) for p in out.iterdir())
    assert len(written) >= 4  # the HTML, the all-agencies DOCX and one memo per agency


def test_the_indonesian_reports_show_labels_never_codes(region: Path, map_file: Path) -> None:
    for fmt in ("text", "markdown", "html"):
        _, out, _ = audit(region, map_file, "--format", fmt)
        assert not CODES.search(out), fmt
        assert "junk" not in out and "unsupported" not in out


def test_the_html_shows_the_projected_index_as_the_json_has_it(
    region: Path, map_file: Path
) -> None:
    _, out, _ = audit(region, map_file, "--format", "json")
    index = json.loads(out)["score"]["index"]
    _, page, _ = audit(region, map_file, "--format", "html")
    assert f"<b>{index:.2f}".replace(".", ",") in page
    assert "tidak perlu unggah: dinilai dari Indeks SDI" in page and "minimal" in page


def test_head_is_a_format_3_agency_key(map_file: Path) -> None:
    evidence_map = parse_map(MAP3, "pemdi.yaml")
    assert evidence_map.agency("inspektorat").head == "Inspektur"
    old = MAP3.replace("version: 3", "version: 2")
    with pytest.raises(MapError) as caught:
        parse_map(old, "old.yaml")
    assert 'old.yaml: agencies[1]: key "head" needs format version 3 or later' in caught.value.lines


def test_the_progress_line_speaks_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    ProgressLine("id")(Progress(done=3, total=3, pages=12, ocr_pages=1))
    assert capsys.readouterr().err == "\r3/3 berkas · 12 halaman · 1 OCR · sisa 0 dtk \n"


def _on_a_terminal(root: Path, map_file: Path, env: dict[str, str]) -> bytes:
    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "evidence_check", "audit", str(root), "--map", str(map_file),
               "--no-cache", "--jobs", "1"]  # fmt: skip
    with subprocess.Popen(command, stdout=follower, stderr=subprocess.DEVNULL, env=env) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks)


def test_no_color_on_a_terminal_gives_no_sgr_sequence(region: Path, map_file: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    coloured = _on_a_terminal(region, map_file, env)
    assert b"\x1b[" in coloured  # a terminal gets colour...
    plain = _on_a_terminal(region, map_file, {**env, "NO_COLOR": "1"})
    assert b"\x1b[" not in plain and b"Audit data dukung" in plain  # ...unless NO_COLOR is set


def test_a_pipe_gets_no_colour(region: Path, map_file: Path) -> None:
    command = [sys.executable, "-m", "evidence_check", "audit", str(region), "--map",
               str(map_file), "--no-cache", "--jobs", "1"]  # fmt: skip
    out = subprocess.run(command, capture_output=True, check=False, timeout=60).stdout
    assert b"\x1b[" not in out and b"Audit data dukung" in out


def test_a_self_check_shows_one_agency_with_the_rows_others_lead_marked(
    tmp_path: Path, map_file: Path
) -> None:
    root = build_tree(tmp_path / "Inspektorat", {"catatan.pdf": docgen.Report(title="Catatan")})
    code, out, _ = audit(root, map_file, "--agency", "inspektorat")
    assert code == 1
    assert out.count(" ==\n") == 1 and "== Inspektorat Daerah (inspektorat) ==" in out
    assert (
        "I4-L1-01 · Keputusan Bupati tentang Tim Koordinasi Pemerintah Digital (dipimpin oleh"
        in out
    )


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("audit", "/nonexistent/Mojosari"), "evidence-check: folder /nonexistent/Mojosari tidak ada"),
        (("audit", "/nonexistent/Mojosari", "--lang", "en"),
         "evidence-check: the folder /nonexistent/Mojosari does not exist"),
        (("audit", "{root}", "--format", "xlsx"),
         "evidence-check: --format xlsx menghasilkan berkas: beri --output BERKAS atau --output-dir FOLDER"),
        (("audit", "{root}", "--format", "csv", "--format", "html"),
         "evidence-check: beberapa --format memerlukan --output-dir"),
    ],
)  # fmt: skip
def test_the_tool_s_own_error_lines_speak_the_language_of_the_command(
    tmp_path: Path, map_file: Path, args: tuple[str, ...], line: str
) -> None:
    (tmp_path / "Mojosari").mkdir()
    filled = [a.replace("{root}", str(tmp_path / "Mojosari")) for a in args]
    code, _, err = run(*filled, "--map", map_file, "--no-cache")
    assert code == 2 and err.splitlines() == [line]


def test_files_straight_under_root_with_no_agency_folder_get_the_root_banner(
    tmp_path: Path, map_file: Path
) -> None:
    root = build_tree(tmp_path / "kiriman",
                      {"sk.pdf": docgen.Regulation(topic=SK_TOPIC, form="KEPUTUSAN")})  # fmt: skip
    _, out, _ = audit(root, map_file)
    assert out.splitlines()[1].startswith("PERHATIAN: tidak ada folder di kiriman yang dikenali")
