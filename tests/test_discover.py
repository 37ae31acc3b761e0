"""Discovery: which agency each folder becomes, which files are read and which are skipped, and why.

A coordinator reads `list-files` to see this; a folder resolved to the wrong agency (or dropped)
turns every one of its documents into `misplaced` or `missing`.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import docgen

from evidence_check.audit import audit
from evidence_check.cli import main
from evidence_check.discover import discover, resolve_agency
from evidence_check.evidence_map import load_map
from evidence_check.models import Agency, Discovery, Settings

REPO = Path(__file__).resolve().parents[1]

AGENCIES = (
    Agency(
        id="diskominfo",
        name="Dinas Komunikasi dan Informatika",
        aliases=("Diskominfo", "Kominfo", "Dinas Kominfo"),
    ),
    Agency(id="dlh", name="Dinas Lingkungan Hidup", aliases=("DLH",)),
    Agency(id="bag-hukum", name="Bagian Hukum", aliases=("Hukum",)),
    Agency(id="setda", name="Sekretariat Daerah", aliases=("Setda",)),
    Agency(id="bappeda", name="Badan Perencanaan Pembangunan Daerah", aliases=("Bappeda",)),
    Agency(id="inspektorat", name="Inspektorat Daerah"),
)
LIMIT = 1_000_000


def run(root: Path, *, own_agency: str | None = None, max_bytes: int = LIMIT) -> Discovery:
    return discover(root, AGENCIES, own_agency=own_agency, max_bytes=max_bytes)


def touch(path: Path, content: bytes = b"%PDF-1.4 placeholder") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def files_of(found: Discovery) -> dict[str, str | None]:
    return {f.path: f.agency for f in found.files}


def skipped_of(found: Discovery) -> dict[str, str]:
    return {s.path: s.reason for s in found.skipped}


# --- folder names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("folder", "agency"),
    [
        ("01. DISKOMINFO", "diskominfo"),
        ("DLH Kab Mojokerto", "dlh"),
        ("Setda - Bagian Hukum", "bag-hukum"),
        ("dinas kominfo", "diskominfo"),
        ("3_Bappeda", "bappeda"),
        ("2. Dinas Komunikasi dan Informatika", "diskominfo"),
        ("Bagian_Hukum", "bag-hukum"),
        ("A. Inspektorat", "inspektorat"),
        ("bag-hukum", "bag-hukum"),
    ],
)
def test_folder_name_resolves_to_its_agency(folder: str, agency: str) -> None:
    """Numbering, case, punctuation and extra words must not stop a folder from resolving."""
    assert resolve_agency(folder, AGENCIES) == agency


@pytest.mark.parametrize("folder", ["Dinas Pariwisata", "Lain-lain", "01.", "Arsip 2023"])
def test_folder_naming_no_agency_resolves_to_none(folder: str) -> None:
    """A folder of another OPD must not be credited to a map agency by a loose match."""
    assert resolve_agency(folder, AGENCIES) is None


# --- units of the Sekretariat Daerah -------------------------------------------------------------
# Kabupaten and kota name a Bagian's folder after the Setda it belongs to as often as after itself.
# The shipped maps name each Bagian with its parent ("Bagian Hukum Sekretariat Daerah"): a folder
# naming both is the unit's, however long the parent's name; a Bagian the map lacks stays the Setda's.

SHIPPED = {"pemdi": "requirements_map.yaml", "spbe-2020": "maps/spbe-2020.yaml"}
SHIPPED["smart-city"] = "maps/smart-city.yaml"


@pytest.mark.parametrize("shipped", sorted(SHIPPED))
@pytest.mark.parametrize(
    "folder",
    ["DISKOMINFOSANTIK", "1. Diskominfotiksan", "Diskominfostandi Kota X", "Diskominfo Santik"],
)
def test_the_short_names_kominfo_offices_go_by_are_diskominfo(shipped: str, folder: str) -> None:
    # Komunikasi, Informatika, Statistik (dan) Persandian, run together as regions write them
    assert resolve_agency(folder, load_map(REPO / SHIPPED[shipped]).agencies) == "diskominfo"


@pytest.mark.parametrize(
    ("shipped", "folder", "agency"),
    [
        ("pemdi", "Sekretariat Daerah - Bagian Organisasi", "bag-organisasi"),
        ("pemdi", "Sekretariat Daerah - Bagian Hukum", "bag-hukum"),
        ("pemdi", "05. SEKRETARIAT DAERAH BAGIAN HUKUM", "bag-hukum"),
        ("pemdi", "Sekretariat Daerah Kota Pasir Wangi - Bagian Organisasi", "bag-organisasi"),
        ("pemdi", "Sekretariat Daerah Kabupaten Mojokerto - Bag. Hukum", "bag-hukum"),
        ("pemdi", "Sekretariat Daerah - Bagian Kerja Sama", "bag-kerja-sama"),
        ("pemdi", "Sekretariat Daerah Bagian PBJ", "bag-pbj"),
        ("pemdi", "Setda - UKPBJ", "bag-pbj"),
        ("pemdi", "SETDA BAGIAN ORGANISASI", "bag-organisasi"),
        ("pemdi", "Setda Kab. Mojokerto - Bag. Organisasi", "bag-organisasi"),
        ("pemdi", "Bagian Pengadaan Barang dan Jasa Setda", "bag-pbj"),
        ("pemdi", "Bagian Organisasi Setda", "bag-organisasi"),
        ("spbe-2020", "Sekretariat Daerah - Bagian Organisasi", "bag-organisasi"),
        ("smart-city", "Sekretariat Daerah Kota Pasir Wangi - Bagian Hukum", "bag-hukum"),
        ("smart-city", "Sekretariat Daerah - Bagian Pemerintahan", "bag-pemerintahan"),
        # the parent alone, or with a unit the map does not have, stays the parent
        ("pemdi", "Setda", "setda"),
        ("pemdi", "Sekretariat Daerah Kabupaten Mojokerto", "setda"),
        ("pemdi", "Sekretariat Daerah - Bagian Umum", "setda"),
        ("spbe-2020", "Sekretariat Daerah - Bagian Kerja Sama", "setda"),
        ("smart-city", "Setda - UKPBJ", "setda"),
        # a Dinas with one of its Bidang stays the Dinas
        ("pemdi", "Dinas Kesehatan - Bidang Pelayanan Kesehatan", "dinkes"),
        ("pemdi", "Diskominfo - Bidang Statistik dan Persandian", "diskominfo"),
        # two agencies neither of which is under the other: the longest label, as before
        ("pemdi", "Diskominfo dan Bappeda", "diskominfo"),
    ],
)
def test_a_unit_named_with_its_parent_resolves_to_the_unit(
    shipped: str, folder: str, agency: str
) -> None:
    agencies = load_map(REPO / SHIPPED[shipped]).agencies
    assert resolve_agency(folder, agencies) == agency


def test_list_files_shows_setda_units_as_their_own_agencies(tmp_path: Path) -> None:
    root = tmp_path / "data-dukung"
    for folder in (
        "Sekretariat Daerah - Bagian Organisasi",
        "Sekretariat Daerah Kota Pasir Wangi - Bagian Hukum",
        "Sekretariat Daerah",
    ):
        touch(root / folder / "Notulen.pdf")
    result = CliRunner().invoke(main, ["list-files", str(root), "--map", "pemdi"])
    assert result.exit_code == 0, result.output
    assert "'Sekretariat Daerah - Bagian Organisasi' -> bag-organisasi" in result.stdout
    assert "'Sekretariat Daerah Kota Pasir Wangi - Bagian Hukum' -> bag-hukum" in result.stdout
    assert "'Sekretariat Daerah' -> setda" in result.stdout
    assert "Sekretariat Daerah - Bagian Organisasi/Notulen.pdf  [bag-organisasi]" in result.stdout


def _meeting(form: str, subject: str) -> list[str]:
    return [
        "PEMERINTAH KABUPATEN MOJOSARI",
        "SEKRETARIAT DAERAH",
        form,
        f"RAPAT {subject.upper()}",
        "Hari/Tanggal : Rabu, 10 Juni 2026",
        "Tempat : Ruang Rapat Sekretariat Daerah",
        "Pimpinan Rapat : Kepala Bagian Organisasi",
        f"Pada hari ini telah dilaksanakan rapat {subject.lower()} dengan hasil sebagai berikut:",
        "1. Peserta menyepakati rencana kolaborasi layanan perizinan terintegrasi.",
        "Notulis,",
        "ttd",
        "NIP. 19770312 200312 2 007",
    ]


def test_bag_organisasi_meeting_bundle_in_a_setda_named_folder_is_complete(tmp_path: Path) -> None:
    """The probe's I4-L1-03: undangan, daftar hadir and notulen of a collaboration meeting, in
    "Sekretariat Daerah - Bagian Organisasi", is Bagian Organisasi's own evidence, not misplaced."""
    subject = "Kolaborasi Antar Perangkat Daerah Layanan Perizinan Terintegrasi"
    bundle = docgen.Pages(
        [_meeting(form, subject) for form in ("UNDANGAN", "DAFTAR HADIR", "NOTULEN RAPAT")]
    )
    path = tmp_path / "tree" / "Sekretariat Daerah - Bagian Organisasi" / "Dokumentasi Rapat.pdf"
    path.parent.mkdir(parents=True)
    docgen.write_pdf(bundle, path)
    result = audit(load_map(REPO / "requirements_map.yaml"), tmp_path / "tree", Settings(ocr=False))
    row = next(f for f in result.findings if f.evidence.code == "I4-L1-03")
    assert (row.agency, row.status.value, row.reasons) == ("bag-organisasi", "complete", ())
    assert [d.path for d in row.documents] == [path.relative_to(tmp_path / "tree").as_posix()]


# --- the tree ------------------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "data-dukung"
    touch(root / "01. DISKOMINFO" / "Perbup Arsitektur SPBE.pdf")
    touch(root / "01. DISKOMINFO" / "2024" / "Triwulan 1" / "Laporan TW1.docx", b"PK\x03\x04")
    touch(root / "DLH Kab Mojokerto" / "Laporan.pdf")
    touch(root / "Dinas Pariwisata" / "Perbup Pariwisata.pdf")
    touch(root / "Dinas Pariwisata" / "sub" / "Foto.jpg", b"\xff\xd8\xff")
    touch(root / "Perbup lepas.pdf")
    return root


def test_files_in_agency_folders_carry_the_agency(tree: Path) -> None:
    found = run(tree)
    assert files_of(found)["01. DISKOMINFO/Perbup Arsitektur SPBE.pdf"] == "diskominfo"
    assert files_of(found)["DLH Kab Mojokerto/Laporan.pdf"] == "dlh"


def test_nested_subfolders_keep_the_agency_of_the_first_level_folder(tree: Path) -> None:
    """Documents filed by year or quarter must still count for their OPD."""
    found = run(tree)
    assert files_of(found)["01. DISKOMINFO/2024/Triwulan 1/Laporan TW1.docx"] == "diskominfo"


def test_unknown_folder_is_listed_with_no_agency_and_its_files_kept(tree: Path) -> None:
    """An unresolved folder must be shown (so the coordinator can rename it), not silently
    dropped, and its files still take part (as misplaced)."""
    found = run(tree)
    folders = {f.name: f.agency for f in found.folders}
    assert folders == {
        "01. DISKOMINFO": "diskominfo",
        "DLH Kab Mojokerto": "dlh",
        "Dinas Pariwisata": None,
    }
    assert files_of(found)["Dinas Pariwisata/Perbup Pariwisata.pdf"] is None
    assert files_of(found)["Dinas Pariwisata/sub/Foto.jpg"] is None


def test_file_directly_under_root_has_no_agency(tree: Path) -> None:
    assert files_of(run(tree))["Perbup lepas.pdf"] is None


def test_every_supported_file_is_listed_once_with_relative_slash_paths(tree: Path) -> None:
    found = run(tree)
    assert sorted(files_of(found)) == [
        "01. DISKOMINFO/2024/Triwulan 1/Laporan TW1.docx",
        "01. DISKOMINFO/Perbup Arsitektur SPBE.pdf",
        "DLH Kab Mojokerto/Laporan.pdf",
        "Dinas Pariwisata/Perbup Pariwisata.pdf",
        "Dinas Pariwisata/sub/Foto.jpg",
        "Perbup lepas.pdf",
    ]
    assert found.skipped == ()
    for source in found.files:
        assert source.absolute == tree / source.path
        assert source.size == source.absolute.stat().st_size


def test_agencies_without_a_folder_are_listed_in_map_order(tree: Path) -> None:
    """An OPD that uploaded nothing must be reported, not just absent from the report."""
    assert run(tree).agencies_without_folder == ("bag-hukum", "setda", "bappeda", "inspektorat")


def test_own_agency_run_gives_every_file_that_agency(tmp_path: Path) -> None:
    """An OPD checking its own folder: ROOT is that folder, subfolders are not agencies."""
    touch(tmp_path / "Laporan.pdf")
    touch(tmp_path / "Dinas Pariwisata" / "SK.pdf")
    found = run(tmp_path, own_agency="diskominfo")
    assert files_of(found) == {"Laporan.pdf": "diskominfo", "Dinas Pariwisata/SK.pdf": "diskominfo"}
    assert found.agencies_without_folder == ()


# --- skipped files -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "junk",
    [
        "01. DISKOMINFO/Thumbs.db",
        "01. DISKOMINFO/desktop.ini",
        "01. DISKOMINFO/.DS_Store",
        "01. DISKOMINFO/~$lock.docx",
        "__MACOSX/01. DISKOMINFO/._Perbup.pdf",
        "__MACOSX/01. DISKOMINFO/Perbup.pdf",
    ],
)
def test_system_junk_is_skipped_as_junk(tmp_path: Path, junk: str) -> None:
    """Office lock files and OS droppings must not be read as evidence or reported as unreadable."""
    touch(tmp_path / junk)
    found = run(tmp_path)
    assert found.files == ()
    assert skipped_of(found) == {junk: "junk"}


def test_junk_keeps_the_agency_of_its_folder(tmp_path: Path) -> None:
    touch(tmp_path / "01. DISKOMINFO" / "Thumbs.db")
    (skipped,) = run(tmp_path).skipped
    assert skipped.agency == "diskominfo"


def test_macosx_folder_is_not_an_agency_folder(tmp_path: Path) -> None:
    touch(tmp_path / "__MACOSX" / "x.pdf")
    assert [f.name for f in run(tmp_path).folders] == []


@pytest.mark.parametrize("name", ["catatan.txt", "Rekap lama.xls", "video rapat.mp4", "README"])
def test_unsupported_types_are_skipped_as_unsupported(tmp_path: Path, name: str) -> None:
    touch(tmp_path / "01. DISKOMINFO" / name)
    found = run(tmp_path)
    assert found.files == ()
    assert skipped_of(found) == {f"01. DISKOMINFO/{name}": "unsupported"}


def test_uppercase_suffix_is_still_supported(tmp_path: Path) -> None:
    """Scanners often write "SCAN001.PDF"; it must be read like any PDF."""
    touch(tmp_path / "01. DISKOMINFO" / "SCAN001.PDF")
    assert files_of(run(tmp_path)) == {"01. DISKOMINFO/SCAN001.PDF": "diskominfo"}


def test_file_above_the_size_limit_is_skipped_as_too_large(tmp_path: Path) -> None:
    touch(tmp_path / "01. DISKOMINFO" / "besar.pdf", b"%PDF" + b"0" * 2000)
    touch(tmp_path / "01. DISKOMINFO" / "kecil.pdf", b"%PDF" + b"0" * 10)
    found = run(tmp_path, max_bytes=1000)
    assert files_of(found) == {"01. DISKOMINFO/kecil.pdf": "diskominfo"}
    assert skipped_of(found) == {"01. DISKOMINFO/besar.pdf": "too-large"}


def test_link_to_a_file_outside_root_is_skipped(tmp_path: Path) -> None:
    """Discovery must not read files outside the evidence folder through a link."""
    secret = touch(tmp_path / "elsewhere" / "rahasia.pdf")
    root = tmp_path / "root"
    (root / "01. DISKOMINFO").mkdir(parents=True)
    (root / "01. DISKOMINFO" / "rahasia.pdf").symlink_to(secret)
    found = run(root)
    assert found.files == ()
    assert skipped_of(found) == {"01. DISKOMINFO/rahasia.pdf": "link-outside"}


def test_link_to_a_folder_outside_root_is_not_followed(tmp_path: Path) -> None:
    touch(tmp_path / "elsewhere" / "rahasia.pdf")
    root = tmp_path / "root"
    (root / "01. DISKOMINFO").mkdir(parents=True)
    (root / "01. DISKOMINFO" / "arsip").symlink_to(tmp_path / "elsewhere")
    found = run(root)
    assert found.files == ()
    assert skipped_of(found) == {"01. DISKOMINFO/arsip": "link-outside"}


def test_folder_link_loop_does_not_hang(tmp_path: Path) -> None:
    """A link back to a parent folder must end discovery, not walk forever."""
    touch(tmp_path / "01. DISKOMINFO" / "Perbup.pdf")
    (tmp_path / "01. DISKOMINFO" / "balik").symlink_to(tmp_path)
    (tmp_path / "01. DISKOMINFO" / "diri").symlink_to(tmp_path / "01. DISKOMINFO")
    outcome: list[Discovery] = []
    worker = threading.Thread(target=lambda: outcome.append(run(tmp_path)), daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "discovery did not finish within 10 s on a folder link loop"
    (found,) = outcome
    assert files_of(found) == {"01. DISKOMINFO/Perbup.pdf": "diskominfo"}


def test_discovery_never_writes_into_root(tree: Path) -> None:
    """ROOT is a synced shared drive: no file, folder or timestamp in it may change."""
    touch(tree / "01. DISKOMINFO" / "Thumbs.db")
    touch(tree / "01. DISKOMINFO" / "catatan.txt")

    def snapshot() -> dict[str, tuple[int, int, int]]:
        state = {}
        for folder, dirs, names in os.walk(tree):
            for name in [*dirs, *names, "."]:
                path = Path(folder, name)
                st = path.lstat()
                state[str(path.relative_to(tree))] = (st.st_mode, st.st_size, st.st_mtime_ns)
        return state

    before = snapshot()
    run(tree)
    assert snapshot() == before


def test_name_that_is_not_utf8_keeps_its_bytes_as_escapes(tmp_path: Path) -> None:
    """Files copied from old Windows shares carry cp1252 names; they must be listed, not lost."""
    folder = os.path.join(os.fsencode(tmp_path), b"01. Diskominfo")
    os.mkdir(folder)
    with open(os.path.join(folder, b"Perbup \xe9.pdf"), "wb") as handle:
        handle.write(b"%PDF-1.4")
    assert files_of(run(tmp_path)) == {"01. Diskominfo/Perbup \udce9.pdf": "diskominfo"}
