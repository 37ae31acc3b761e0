"""`evidence-check package`: the submission folder an assessor receives, built from one audit.

What a coordinator would see go wrong: a file in the wrong item's folder or with a name that says
nothing, a scan the portal rejects as image-only, a bundle uploaded whole, the evidence tree or
someone else's folder written over, a scan OCR'd a second time for minutes.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import stat
import sys
from pathlib import Path
from types import SimpleNamespace

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner, Result
from helpers import MAP, build_tree, docgen

from evidence_check import searchable
from evidence_check.cli import main
from evidence_check.extract import ocr
from evidence_check.package import page_range, safe_name
from evidence_check.package_dir import COLUMNS

pytestmark = pytest.mark.skipif(not ocr.available(), reason="needs tesseract-ocr-ind")

PEMDI = """\
version: 3
evaluation: {name: Evaluasi Pemerintah Digital 2025, year: 2025}
agencies:
  - {id: diskominfo, name: Dinas Komunikasi dan Informatika, aliases: [Diskominfo, Kominfo]}
  - {id: bag-hukum, name: Bagian Hukum, aliases: [Hukum]}
indicators:
  - id: I4
    name: Tata Kelola Pemerintah Digital
    aspect: Penyelenggara
    evidence:
      - id: i4-perbup-arsitektur
        code: I4-L1-01
        title: Peraturan Bupati tentang Arsitektur SPBE
        kind: regulation
        owners: [bag-hukum, diskominfo]
        keywords: [Arsitektur SPBE, Arsitektur Sistem Pemerintahan Berbasis Elektronik]
        must_include: [Peraturan Bupati]
        level: 1
      - id: i4-laporan-monitoring
        code: I4-L2-01
        title: Laporan Monitoring Pelaksanaan Smart City
        kind: report
        owners: [diskominfo]
        keywords: [Laporan Monitoring Pelaksanaan Smart City]
        level: 2
      - id: i4-notulen
        code: I4-L2-02
        title: Notulen Rapat Penyusunan Peta Rencana
        kind: minutes
        owners: [diskominfo]
        keywords: [Penyusunan Peta Rencana]
        level: 2
      - id: i4-perbup-peta
        code: I4-L3-01
        title: Peraturan Bupati tentang Peta Rencana SPBE
        kind: regulation
        owners: [bag-hukum]
        keywords: [Peta Rencana SPBE]
        must_include: [Peraturan Bupati]
        level: 3
      - id: i4-sk-tim
        code: I4-L3-02
        title: Keputusan Bupati tentang Tim Koordinasi SPBE
        kind: decree
        owners: [bag-hukum]
        keywords: [Tim Koordinasi SPBE]
        must_include: [Keputusan]
        level: 3
"""
ARSITEKTUR = "Arsitektur Sistem Pemerintahan Berbasis Elektronik"
REPORT = docgen.Report(
    title="Laporan Monitoring Pelaksanaan Smart City",
    period="TRIWULAN I TAHUN 2025",
    signed_date="5 April 2025",
)
FOLDER = Path("Penyelenggara") / "I4"


def make_tree(base: Path) -> Path:
    """A text Perbup, a scanned report, a photographed page of minutes, a draft decree."""
    root = build_tree(
        base / "tree",
        {
            "Bagian Hukum/Perbup 12 2023 Arsitektur SPBE.pdf": docgen.Regulation(topic=ARSITEKTUR),
            "Bagian Hukum/SK Tim Koordinasi.pdf": docgen.Regulation(
                topic="Tim Koordinasi SPBE", form="KEPUTUSAN", draft=True
            ),
        },
    )
    docgen.write_scan(REPORT, root / "Diskominfo" / "scan_0042.pdf")
    minutes = docgen.page_images(docgen.Minutes(subject="Penyusunan Peta Rencana SPBE"))[0]
    minutes.save(root / "Diskominfo" / "IMG_20250617.png")
    return root


def package(*args: object) -> Result:
    return CliRunner().invoke(main, ["package", *(str(a) for a in args)])


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def manifest(out: Path) -> list[dict[str, str]]:
    raw = (out / "manifest.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows and tuple(rows[0]) == COLUMNS
    return rows


def page_texts(path: Path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Result]:
    base = tmp_path_factory.mktemp("package")
    (base / "map.yaml").write_text(PEMDI, encoding="utf-8")
    root = make_tree(base)
    before = snapshot(root)
    out = base / "upload"
    done = package(root, "--output-dir", out, "--map", base / "map.yaml", "--jobs", 1,
                   "--cache-dir", base / "cache")  # fmt: skip
    assert snapshot(root) == before, "the evidence tree must stay byte for byte unchanged"
    return root, out, done


def test_items_are_laid_out_by_aspect_indicator_level_and_named_by_code(
    built: tuple[Path, Path, Result],
) -> None:
    _, out, done = built
    assert done.exit_code == 1, done.output  # two rows are not ready
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == [
        "Penyelenggara/I4/Level 1/I4-L1-01 - Perbup-ArsitekturSPBE-No12-2023.pdf",
        "Penyelenggara/I4/Level 2/I4-L2-01 - LaporanMonitoringPelaksanaanSmartCity-2025.pdf",
        "Penyelenggara/I4/Level 2/I4-L2-02 - NotulenRapatPenyusunanPetaRencana-2024.pdf",
        "manifest.csv",
        "manifest.xlsx",
    ]
    assert "3 butir siap, 2 belum siap, 2 berkas di-OCR" in done.output


def test_the_manifest_lists_every_file_with_its_hash_and_every_row_not_ready_with_why(
    built: tuple[Path, Path, Result],
) -> None:
    _, out, _ = built
    rows = {row["code"]: row for row in manifest(out)}
    assert sorted(rows) == ["I4-L1-01", "I4-L2-01", "I4-L2-02", "I4-L3-01", "I4-L3-02"]
    for code in ("I4-L1-01", "I4-L2-01", "I4-L2-02"):
        row = rows[code]
        data = (out / row["file"]).read_bytes()
        assert row["status"] == "complete" and row["sha256"] == hashlib.sha256(data).hexdigest()
    assert rows["I4-L1-01"]["source"] == "Bagian Hukum/Perbup 12 2023 Arsitektur SPBE.pdf"
    assert rows["I4-L1-01"]["done"] == "copied" and rows["I4-L1-01"]["pages"] == "4"
    assert rows["I4-L2-01"]["done"] == "copied+ocr"
    assert rows["I4-L2-02"]["done"] == "picture+ocr"
    assert (rows["I4-L3-01"]["status"], rows["I4-L3-01"]["file"]) == ("missing", "")
    assert rows["I4-L3-01"]["why"] == "belum ada dokumen yang cocok"
    assert (rows["I4-L3-02"]["status"], rows["I4-L3-02"]["reasons"]) == ("weak", "draft")
    assert rows["I4-L3-02"]["why"] == "masih berupa rancangan/draf"
    from openpyxl import load_workbook

    sheet = load_workbook(out / "manifest.xlsx").active
    listed = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert tuple(listed[0]) == COLUMNS
    assert [row[:3] for row in listed[1:]] == [
        [row["code"], row["indicator"], row["level"]] for row in manifest(out)
    ]


def test_a_scan_and_a_picture_become_searchable_on_every_page(
    built: tuple[Path, Path, Result],
) -> None:
    root, out, _ = built
    scan = next((out / FOLDER / "Level 2").glob("I4-L2-01 *.pdf"))
    texts = page_texts(scan)
    assert len(texts) == 2 and all(len(t.split()) >= 10 for t in texts), texts
    assert "LAPORAN MONITORING" in texts[0].upper()
    assert page_texts(root / "Diskominfo" / "scan_0042.pdf") == ["", ""]  # the source stays a scan
    # the text layer is invisible: the packaged page looks exactly like the scanned one
    shown = pdfium.PdfDocument(str(scan))[0].render(scale=0.5).to_pil()
    original = pdfium.PdfDocument(str(root / "Diskominfo" / "scan_0042.pdf"))[0]
    assert shown.tobytes() == original.render(scale=0.5).to_pil().tobytes()
    picture = next((out / FOLDER / "Level 2").glob("I4-L2-02 *.pdf"))
    assert "NOTULEN" in page_texts(picture)[0].upper()


def test_words_lie_where_the_scan_shows_them(built: tuple[Path, Path, Result]) -> None:
    """A search hit must highlight the word on the page, not somewhere else."""
    _, out, _ = built
    scan = next((out / FOLDER / "Level 2").glob("I4-L2-01 *.pdf"))
    page = pdfium.PdfDocument(str(scan))[0]
    text = page.get_textpage()
    found = text.search("LAPORAN", match_case=False).get_next()
    assert found is not None
    left, _, right, top = text.get_charbox(found[0])
    width, height = page.get_size()
    assert top > height * 0.6, "the title stands in the top part of the page"
    assert 0 < left < right < width


def test_nothing_is_ocrd_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """Counting Tesseract's runs: the package adds none to the audit's, with or without cache."""
    calls = tmp_path / "calls"
    shim = tmp_path / "bin" / "tesseract"
    shim.parent.mkdir()
    real = next(
        Path(d) / "tesseract"
        for d in os.environ["PATH"].split(os.pathsep)
        if (Path(d) / "tesseract").is_file()
    )
    shim.write_text(f'#!/bin/sh\necho "$@" >> "{calls}"\nexec "{real}" "$@"\n')
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{shim.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("EVIDENCE_CHECK_TESSERACT", "cli")  # runs counted at the command
    ocr.engine.cache_clear()
    request.addfinalizer(ocr.engine.cache_clear)
    (tmp_path / "map.yaml").write_text(PEMDI, encoding="utf-8")
    root = build_tree(tmp_path / "tree", {})
    docgen.write_scan(REPORT, root / "Diskominfo" / "scan_0042.pdf")

    def runs() -> int:
        lines = calls.read_text().splitlines() if calls.exists() else []
        return sum(1 for line in lines if line.startswith("stdin"))

    common = ["--map", tmp_path / "map.yaml", "--jobs", 1]
    audit = CliRunner().invoke(main, ["audit", str(root), *map(str, common), "--no-cache"])
    assert audit.exit_code == 1, audit.output
    audit_runs = runs()
    assert audit_runs == 2  # two scanned pages, read upright at once
    done = package(root, "--output-dir", tmp_path / "a", *common, "--no-cache")
    assert done.exit_code == 1, done.output
    assert runs() - audit_runs == audit_runs, "with --no-cache: the package's own audit only"
    assert all(len(t.split()) >= 10 for t in page_texts(next((tmp_path / "a").rglob("I4-L2-01*"))))
    cached = [*common, "--cache-dir", tmp_path / "cache"]
    package(root, "--output-dir", tmp_path / "b", *cached)
    first = runs()
    again = package(root, "--output-dir", tmp_path / "b", *cached, "--force")
    assert again.exit_code == 1, again.output
    assert runs() == first, "an unchanged scan is never OCR'd again, not even for its layer"


def test_a_cache_without_layers_gets_them_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache filled before layers were kept holds a scan's text only: the package OCRs that
    scan once more, says so, and keeps the layers, so the next package needs no OCR."""
    import sqlite3

    from evidence_check.audit import audit
    from evidence_check.evidence_map import parse_map
    from evidence_check.models import Settings
    from evidence_check.package import build

    root = build_tree(tmp_path / "tree", {})
    docgen.write_scan(REPORT, root / "Diskominfo" / "scan_0042.pdf")
    cache = tmp_path / "cache"
    result = audit(parse_map(PEMDI, "map.yaml"), root, Settings(cache_dir=cache))
    with sqlite3.connect(cache / "readings.sqlite3") as db:
        assert db.execute("DELETE FROM layers").rowcount == 1
    runs: list[int] = []
    real = ocr._ocr

    def counted(*args: object, **kwargs: object) -> tuple[str, float | None]:
        runs.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ocr, "_ocr", counted)
    first = build(result, root, tmp_path / "a", cache_dir=cache, ocr_tag="ocr=on")
    assert (first.ocr_files, first.reread_files, len(runs)) == (1, 1, 2)
    line = next(line for line in first.lines if line.code == "I4-L2-01")
    assert all(len(t.split()) >= 10 for t in page_texts(tmp_path / "a" / line.file))
    second = build(result, root, tmp_path / "b", cache_dir=cache, ocr_tag="ocr=on")
    assert (second.ocr_files, second.reread_files, len(runs)) == (1, 0, 2)


def test_a_part_of_a_bundle_contributes_only_its_pages(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle.pdf"
    docgen.write_scan(
        None, bundle, pages=[*docgen.page_images(REPORT), *docgen.page_images(docgen.Minutes(subject="Peta Rencana"))]
    )  # fmt: skip
    data = bundle.read_bytes()
    with ocr.recording() as seen:  # what the audit keeps while it reads the scan
        from evidence_check.extract.pdf import extract

        extraction = extract(bundle, use_ocr=True)
    layers = {layer.page: layer for layer in seen.take(extraction.ocr_pages)}
    assert sorted(layers) == [1, 2, 3]
    made = searchable.searchable_pdf(data, layers, part=(3, 3))
    (tmp_path / "part.pdf").write_bytes(made.data)
    texts = page_texts(tmp_path / "part.pdf")
    assert (made.pages, made.layered, len(texts)) == (1, 1, 1)
    assert "NOTULEN" in texts[0].upper() and "LAPORAN" not in texts[0].upper()
    # a row's document names its part once bundles are read (Candidate.part)
    assert page_range(SimpleNamespace(part=(3, 3))) == (3, 3)  # type: ignore[arg-type]
    assert page_range(SimpleNamespace()) is None  # type: ignore[arg-type]


def test_a_bundles_part_is_packaged_alone_with_its_text_layer(tmp_path: Path) -> None:
    """Through the package: a row's document that names a part of a bundle (as the reader of
    bundles gives it) becomes a PDF of those pages only, searchable from the kept layers."""
    from dataclasses import dataclass, replace

    from evidence_check.audit import audit
    from evidence_check.evidence_map import parse_map
    from evidence_check.models import Candidate, Settings
    from evidence_check.package import build

    @dataclass(frozen=True, kw_only=True)
    class Part(Candidate):
        part: tuple[int, int] | None = None

    root = build_tree(tmp_path / "tree", {})
    pages = [*docgen.page_images(REPORT), *docgen.page_images(docgen.Minutes(subject="Peta"))]
    docgen.write_scan(None, root / "Diskominfo" / "bundel.pdf", pages=pages)
    cache = tmp_path / "cache"
    result = audit(parse_map(PEMDI, "map.yaml"), root, Settings(cache_dir=cache))
    row = next(f for f in result.findings if f.evidence.code == "I4-L2-01")
    assert row.status.value == "complete", row
    as_part = Part(**{**row.documents[0].__dict__, "part": (1, 2)})
    findings = tuple(replace(f, documents=(as_part,)) if f is row else f for f in result.findings)
    made = build(replace(result, findings=findings), root, tmp_path / "out", cache_dir=cache,
                 ocr_tag="ocr=on")  # fmt: skip
    line = next(line for line in made.lines if line.code == "I4-L2-01")
    assert (line.done, line.pages, line.source) == ("cut+ocr", 2, "Diskominfo/bundel.pdf")
    texts = page_texts(tmp_path / "out" / line.file)
    assert len(texts) == 2 and "LAPORAN" in texts[0].upper()
    assert not any("NOTULEN" in t.upper() for t in texts), "the minutes are another part"


def test_a_page_shown_rotated_gets_its_layer_turned_with_it(tmp_path: Path) -> None:
    """A page stored sideways with /Rotate 90 is read as shown; its words must land on it."""
    scan = docgen.write_scan(None, tmp_path / "scan.pdf", pages=docgen.page_images(REPORT)[:1])
    document = pdfium.PdfDocument(str(scan))
    document[0].set_rotation(90)
    rotated = io.BytesIO()
    document.save(rotated)
    (tmp_path / "rotated.pdf").write_bytes(rotated.getvalue())
    with ocr.recording() as seen:
        from evidence_check.extract.pdf import extract

        extraction = extract(tmp_path / "rotated.pdf", use_ocr=True)
    layers = {layer.page: layer for layer in seen.take(extraction.ocr_pages)}
    made = searchable.searchable_pdf(rotated.getvalue(), layers)
    (tmp_path / "out.pdf").write_bytes(made.data)
    page = pdfium.PdfDocument(str(tmp_path / "out.pdf"))[0]
    text = page.get_textpage()
    found = text.search("LAPORAN", match_case=False).get_next()
    assert found is not None
    left, bottom, right, top = text.get_charbox(found[0])
    width, height = 595, 842  # the page's own (unrotated) box: A4 portrait, shown landscape
    assert 0 <= left <= right <= width and 0 <= bottom <= top <= height
    # shown turned a quarter clockwise, the top of what the reader sees is the box's left edge
    assert right < width * 0.3


def test_a_picture_keeps_its_pixels_and_a_photo_its_jpeg(tmp_path: Path) -> None:
    """A screenshot's small text must not blur into JPEG noise; a photo is not compressed twice."""
    from PIL import Image, ImageChops

    shot = docgen.page_images(REPORT, dpi=60)[0].convert("RGB")
    png = io.BytesIO()
    shot.save(png, format="PNG")
    page = pdfium.PdfDocument(searchable.picture_pdf(png.getvalue(), {}).data)[0]
    (image,) = page.get_objects()
    assert ImageChops.difference(image.get_bitmap().to_pil().convert("RGB"), shot).getbbox() is None
    photo = io.BytesIO()
    shot.save(photo, format="JPEG", quality=80)
    page = pdfium.PdfDocument(searchable.picture_pdf(photo.getvalue(), {}).data)[0]
    (image,) = page.get_objects()
    assert image.get_filters() == ["DCTDecode"]
    assert Image.open(io.BytesIO(photo.getvalue())).size == image.get_px_size()


def test_maps_without_codes_use_indicator_and_evidence_id(tmp_path: Path) -> None:
    root = build_tree(
        tmp_path / "tree",
        {"Bagian Hukum/Perbup Arsitektur.pdf": docgen.Regulation(topic=ARSITEKTUR)},
    )
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    out = tmp_path / "out"
    done = package(root, "--output-dir", out, "--map", tmp_path / "map.yaml", "--no-cache",
                   "--jobs", 1, "--lang", "en")  # fmt: skip
    assert done.exit_code == 1, done.output
    name = "SPBE-01-arsitektur-perbup - Perbup-ArsitekturSPBE-No12-2023.pdf"
    assert (out / "SPBE-01" / name).is_file()
    assert "items ready" in done.output


def test_weak_documents_only_with_include_weak_and_marked(
    tmp_path: Path, built: tuple[Path, Path, Result]
) -> None:
    root, _, _ = built
    out = tmp_path / "out"
    done = package(root, "--output-dir", out, "--map", root.parent / "map.yaml",
                   "--cache-dir", root.parent / "cache", "--include-weak")  # fmt: skip
    assert done.exit_code == 1, done.output
    weak = [row for row in manifest(out) if row["code"] == "I4-L3-02"]
    assert [row["status"] for row in weak] == ["weak"]
    assert weak[0]["file"].endswith("[LEMAH].pdf") and (out / weak[0]["file"]).is_file()


def test_refuses_a_folder_inside_the_tree_and_a_foreign_folder(
    tmp_path: Path, built: tuple[Path, Path, Result]
) -> None:
    root, out, _ = built
    before = snapshot(root)
    inside = package(root, "--output-dir", root / "paket", "--map", root.parent / "map.yaml")
    assert inside.exit_code == 2 and "inside the evidence folder" in inside.output
    foreign = tmp_path / "Dokumen Saya"
    foreign.mkdir()
    (foreign / "skripsi.docx").write_bytes(b"mine")
    for extra in ((), ("--force",)):
        refused = package(root, "--output-dir", foreign, "--map", root.parent / "map.yaml", *extra)
        assert refused.exit_code == 2 and "holds no earlier package" in refused.output
    assert (foreign / "skripsi.docx").read_bytes() == b"mine"
    earlier = package(root, "--output-dir", out, "--map", root.parent / "map.yaml")
    assert earlier.exit_code == 2 and "--force" in earlier.output
    assert snapshot(root) == before and not (root / "paket").exists()


def test_force_replaces_only_the_earlier_packages_own_files(
    tmp_path: Path, built: tuple[Path, Path, Result]
) -> None:
    root, _, _ = built
    args = ["--map", root.parent / "map.yaml", "--cache-dir", root.parent / "cache"]
    out = tmp_path / "out"
    package(root, "--output-dir", out, *args)
    level1 = out / FOLDER / "Level 1"
    (out / "catatan.txt").write_text("jangan dihapus")
    (level1 / "tambahan saya.pdf").write_bytes(b"%PDF mine")
    stale = out / FOLDER / "Level 9" / "I4-L9-01 - lama.pdf"  # a file of the earlier package...
    stale.parent.mkdir()
    stale.write_bytes(b"%PDF old")
    with (out / "manifest.csv").open("a", encoding="utf-8", newline="") as listed:
        listed.write(";".join(["I4-L9-01"] + [""] * 5 + [stale.relative_to(out).as_posix()]
                              + [""] * 6) + "\r\n")  # fmt: skip
    again = package(root, "--output-dir", out, *args, "--force")
    assert again.exit_code == 1, again.output
    assert (out / "catatan.txt").read_text() == "jangan dihapus"
    assert (level1 / "tambahan saya.pdf").read_bytes() == b"%PDF mine"
    assert not stale.exists() and not stale.parent.exists()  # ...gone, and its emptied folder
    assert len(list(level1.glob("I4-L1-01 *.pdf"))) == 1


def test_a_file_that_cannot_be_packaged_is_a_line_not_a_crash(tmp_path: Path) -> None:
    from evidence_check.audit import audit
    from evidence_check.evidence_map import parse_map
    from evidence_check.models import Settings
    from evidence_check.package import build

    root = build_tree(
        tmp_path / "tree",
        {"Bagian Hukum/Perbup Arsitektur.pdf": docgen.Regulation(topic=ARSITEKTUR)},
    )
    result = audit(parse_map(PEMDI, "map.yaml"), root, Settings())
    (root / "Bagian Hukum" / "Perbup Arsitektur.pdf").unlink()  # gone before it was copied
    made = build(result, root, tmp_path / "out", cache_dir=None, ocr_tag="ocr=on")
    line = next(line for line in made.lines if line.code == "I4-L1-01")
    assert (line.done, line.file) == ("failed", "") and "FileNotFoundError" in line.why
    assert (made.ready, made.not_ready) == (0, 5)


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ('SK: Tim "Koordinasi" <baru>?', "SK- Tim -Koordinasi- -baru-"),
        ("CON", "_CON"),
        ("aux.pdf", "_aux.pdf"),
        ("Laporan akhir. ", "Laporan akhir"),
        ("SPBE / Kebijakan Internal", "SPBE - Kebijakan Internal"),
    ],
)
def test_names_are_safe_on_windows(name: str, safe: str) -> None:
    assert safe_name(name) == safe
    assert len(safe_name("x" * 300)) == 100


if sys.platform == "win32":  # pragma: no cover - the shim above is a shell script
    test_nothing_is_ocrd_twice = pytest.mark.skip(reason="POSIX shell shim")(
        test_nothing_is_ocrd_twice
    )
