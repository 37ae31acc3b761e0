"""Photos of pages: straightened (perspective and deskew) before OCR, their title found; a photo
of an event is never the document its banner names."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from helpers import build_tree, docgen, run_audit, statuses
from PIL import Image

from evidence_check.extract import extract_file, ocr
from evidence_check.extract.straighten import _skew, straighten
from evidence_check.profile import read

PERBUP = docgen.Regulation(
    topic="Arsitektur Sistem Pemerintahan Berbasis Elektronik", pages_of_articles=0
)


def test_a_six_degree_perspective_photo_is_flattened_and_its_title_found(tmp_path: Path) -> None:
    photo = docgen.write_angled_photo(PERBUP, tmp_path / "IMG-20240101-WA0001.jpg", angle=6.0)
    straight = straighten(np.asarray(Image.open(photo).convert("L")))
    assert straight.how == "perspective"
    assert abs(_skew(straight.image) or 0.0) < 0.5
    reading = read(extract_file(photo, use_ocr=True), "x")
    assert "peraturan bupati mojosari nomor 12 tahun 2023 tentang arsitektur spbe" in reading.title
    assert reading.title_form.value == "regulation"
    assert reading.ratified


def test_the_angled_photo_counts_for_its_row(tmp_path: Path) -> None:
    root = build_tree(tmp_path / "tree", {})
    docgen.write_angled_photo(PERBUP, root / "Bagian Hukum" / "IMG-20240101-WA0001.jpg")
    assert statuses(run_audit(root))["arsitektur-perbup"] == ("complete",)


def test_a_turned_photo_without_page_edges_is_deskewed() -> None:
    page = docgen.page_images(PERBUP)[0].rotate(-6, fillcolor=255)
    straight = straighten(np.asarray(page))
    assert straight.how == "deskew"
    assert abs(_skew(straight.image) or 0.0) < 0.5


def test_an_event_photo_matches_nothing(tmp_path: Path) -> None:
    """The banner names the Tim Pelaksana's meeting: the photo is no decree, no minutes."""
    root = build_tree(tmp_path / "tree", {})
    photo = docgen.write_event_photo(
        "Rapat Koordinasi Tim Pelaksana Smart City Kabupaten Mojosari",
        root / "Bappeda" / "SK Tim Pelaksana Smart City.jpg",
    )
    reading = read(extract_file(photo, use_ocr=True), "x")
    assert reading.title_form.value == "photo"
    assert "PELAKSANA" in extract_file(photo, use_ocr=True).pages[0].text  # the banner was read
    assert statuses(run_audit(root))["sk-tim"] == ("missing",)


def test_title_lines_tesseract_cut_into_blocks_are_put_back_together() -> None:
    """A photo's uneven light makes Tesseract read "PERATURAN BUPATI" and "MOJOSARI" as two
    blocks, printed apart: the title then reads "PERATURAN BUPATI ... MOJOSARI" nowhere."""
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        (1, 1, 1, 1, 100, 50, 120, 30, "PERATURAN"),
        (1, 1, 1, 2, 240, 52, 90, 30, "BUPATI"),
        (1, 1, 2, 1, 100, 100, 80, 30, "NOMOR"),
        (1, 1, 2, 2, 190, 100, 30, 30, "12"),
        (2, 1, 1, 1, 350, 51, 110, 30, "MOJOSARI"),
    ]
    tsv = "\n".join(
        [header]
        + [
            "\t".join(map(str, (5, 1, b, p, ln, w, x, y, wd, h, 90, t)))
            for b, p, ln, w, x, y, wd, h, t in rows
        ]
    )
    assert ocr.join_lines(tsv) == "PERATURAN BUPATI MOJOSARI\nNOMOR 12"


def test_a_screenshot_is_never_cropped_to_its_white_panel() -> None:
    """Warping a screenshot to its content panel would cut off the address bar and the date
    that make it proof."""
    from PIL import ImageDraw

    shot = Image.new("L", (1280, 760), color=60)
    draw = ImageDraw.Draw(shot)
    draw.rectangle([0, 0, 1280, 60], fill=200)
    draw.text((20, 20), "https://digital.spbe.go.id/arsitektur", fill=0)
    draw.rectangle([200, 120, 1180, 700], fill=255)
    straight = straighten(np.asarray(shot))
    assert straight.how == ""
    assert straight.image.shape == (760, 1280)
