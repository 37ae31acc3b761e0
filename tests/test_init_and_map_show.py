"""`init` lays out a tree that discovery understands, never overwriting; `map show` reads a map."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evidence_check.cli import main
from evidence_check.discover import discover
from evidence_check.evidence_map import load_map

REPO = Path(__file__).resolve().parents[1]


def test_init_creates_resolvable_folders_with_checklists_and_never_overwrites(
    tmp_path: Path,
) -> None:
    root = tmp_path / "DataDukung"
    (root / "01. DISKOMINFO").mkdir(parents=True)
    own_note = root / "01. DISKOMINFO" / "BACA-SAYA.txt"
    own_note.write_text("catatan kami sendiri\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["init", str(root), "--map", str(REPO / "maps" / "spbe-2020.yaml")]
    )
    assert result.exit_code == 0, result.output
    evidence_map = load_map(REPO / "maps" / "spbe-2020.yaml")
    found = discover(root, evidence_map.agencies, own_agency=None, max_bytes=10**9)
    assert found.agencies_without_folder == ()
    assert all(f.agency is not None for f in found.folders)
    assert len(found.folders) == len(evidence_map.agencies)  # the existing DISKOMINFO folder reused
    assert own_note.read_text(encoding="utf-8") == "catatan kami sendiri\n"
    bappeda = next(root.glob("*Perencanaan Pembangunan*")) / "BACA-SAYA.txt"
    assert "SPBE-13" in bappeda.read_text(encoding="utf-8")
    assert [s.reason for s in found.skipped] == ["junk"] * len(evidence_map.agencies)
    before = sorted(p.stat().st_mtime_ns for p in root.rglob("*"))
    again = CliRunner().invoke(
        main, ["init", str(root), "--map", str(REPO / "maps" / "spbe-2020.yaml")]
    )
    assert again.exit_code == 0 and "0 folder OPD dibuat" in again.output
    assert sorted(p.stat().st_mtime_ns for p in root.rglob("*")) == before


def test_map_show_lists_indicators_evidence_and_owners() -> None:
    result = CliRunner().invoke(main, ["map", "show", "smart-city", "--lang", "en"])
    assert result.exit_code == 0
    assert "41 indicators" in result.output
    assert (
        "sc-bl01-perbup-masterplan: Peraturan Bupati tentang Masterplan Smart City" in result.output
    )


def test_binary_formats_need_a_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["audit", str(tmp_path), "--format", "docx"])
    assert result.exit_code == 2 and "menghasilkan berkas" in result.stderr


def test_the_text_report_shows_the_projected_index_and_orders_by_gain(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["audit", str(REPO / "samples"), "--no-ocr", "--jobs", "2"])
    assert result.exit_code == 1
    # the samples leave I7 and I18 at the floor: the index is then a minimum
    assert "Proyeksi indeks minimal dari butir yang lengkap: " in result.stdout
    kominfo = result.stdout.split("== Dinas Komunikasi dan Informatika (diskominfo) ==")[1]
    gains = [
        float(line.split("(+")[1].split()[0].replace(",", "."))
        for line in kominfo.split("\n==")[0].splitlines()
        if "(+" in line
    ]
    assert gains and gains == sorted(gains, reverse=True)


def test_init_with_the_pemdi_map_lists_item_codes_and_what_needs_no_upload(tmp_path: Path) -> None:
    """An OPD reads its checklist by the portal's codes; the coordinator sees that the national
    indices need no upload instead of chasing documents for them."""
    root = tmp_path / "evidence"
    result = CliRunner().invoke(
        main, ["init", str(root), "--map", str(REPO / "requirements_map.yaml")]
    )
    assert result.exit_code == 0, result.output
    kominfo = next(root.glob("01. *")) / "BACA-SAYA.txt"
    text = kominfo.read_text(encoding="utf-8")
    assert "- I4-L1-01 Keputusan Bupati tentang Tim Koordinasi Pemerintah Digital" in text
    assert "Tidak perlu unggah" in text and "I5 " in text
