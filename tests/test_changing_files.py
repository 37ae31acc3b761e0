"""Files that change under the audit or lie about themselves.

If this breaks, a PDF replaced by a named pipe after discovery hangs its reader for the whole
timeout (twice), a multi-frame TIFF decodes every frame before the cap, or a PDF's own page count
is believed over the pages that were read.
"""

from __future__ import annotations

import io
import json
import os
import time
import zipfile
from pathlib import Path
from typing import Any

import helpers  # puts scripts/ on the path, for make_hostile
import make_hostile
import pytest
from click.testing import CliRunner
from PIL import Image

from evidence_check import audit as audit_module
from evidence_check.audit import audit
from evidence_check.cli import main
from evidence_check.discover import discover
from evidence_check.evidence_map import parse_map
from evidence_check.extract import extract_file, image
from evidence_check.models import Settings
from evidence_check.report import json_report

MAP, build_tree, docgen = helpers.MAP, helpers.build_tree, helpers.docgen
ARSITEKTUR = "Arsitektur Sistem Pemerintahan Berbasis Elektronik"


def swapped_audit(
    root: Path, swap: str, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> dict[str, Any]:
    """Discover the tree, then replace `swap` with a named pipe before anything is read."""
    evidence_map = parse_map(MAP, "map.yaml")
    found = discover(root, evidence_map.agencies, own_agency=None, max_bytes=10**9)
    (root / swap).unlink()
    os.mkfifo(root / swap)
    monkeypatch.setattr(audit_module, "discover", lambda *a, **k: found)
    started = time.monotonic()
    settings = Settings(jobs=jobs, ocr=False, file_timeout_seconds=60)
    data = json.loads(json_report.render(audit(evidence_map, root, settings)))
    assert time.monotonic() - started < 20, "the pipe was opened and waited on"
    return {d["path"]: d for d in data["documents"]}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_swapped_for_a_named_pipe_after_discovery_is_refused_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    files = {
        "Bagian Hukum/perbup.pdf": docgen.Regulation(topic=ARSITEKTUR),
        "Bagian Hukum/lain.pdf": docgen.Regulation(topic="Peta Rencana SPBE"),
    }
    root = build_tree(tmp_path / "tree", files)
    documents = swapped_audit(root, "Bagian Hukum/perbup.pdf", monkeypatch, jobs)
    swapped = documents["Bagian Hukum/perbup.pdf"]
    assert swapped["problems"] == ["unreadable"]
    assert "a named pipe, not a regular file" in swapped["detail"]
    assert documents["Bagian Hukum/lain.pdf"]["problems"] == []


def test_an_archive_swapped_for_a_named_pipe_is_refused_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "tree"
    (root / "Bappeda").mkdir(parents=True)
    with zipfile.ZipFile(root / "Bappeda" / "kiriman.zip", "w") as archive:
        archive.writestr("a.pdf", b"%PDF-1.4")
    documents = swapped_audit(root, "Bappeda/kiriman.zip", monkeypatch, 1)
    assert "a named pipe" in documents["Bappeda/kiriman.zip"]["detail"]


def test_a_multi_frame_picture_stops_decoding_at_the_cap(tmp_path: Path) -> None:
    frames = [Image.new("L", (8, 8), color=255) for _ in range(image.MAX_FRAMES + 300)]
    out = io.BytesIO()
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:])
    path = tmp_path / "pindaian.tif"
    path.write_bytes(out.getvalue())
    decoded: list[int] = []
    original = Image.Image.convert

    def counting(self: Image.Image, *args: Any, **kwargs: Any) -> Image.Image:
        decoded.append(1)
        return original(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Image.Image, "convert", counting)
        extraction = extract_file(path, use_ocr=False)
    assert len(extraction.pages) == image.MAX_FRAMES
    assert len(decoded) == image.MAX_FRAMES, "frames past the cap were decoded"
    assert extraction.page_problems == ("only the first 200 of its 500 frames were read",)


def test_a_pdf_that_claims_a_million_pages_has_the_pages_it_holds(tmp_path: Path) -> None:
    path = tmp_path / "sejuta.pdf"
    path.write_bytes(make_hostile.pdf_count_million())
    started = time.monotonic()
    extraction = extract_file(path)
    assert extraction.pages_total == 1
    assert "TENTANG ARSITEKTUR" in extraction.pages[0].text
    assert "1000000 pages" in extraction.page_problems[0]
    assert time.monotonic() - started < 10


def test_list_files_names_special_files_as_skipped_and_exits_0(tmp_path: Path) -> None:
    import socket

    root = build_tree(tmp_path / "tree", {"DLH/perbup.pdf": docgen.Regulation(topic=ARSITEKTUR)})
    os.mkfifo(root / "DLH" / "antrian.pdf")
    server = socket.socket(socket.AF_UNIX)
    server.bind(os.path.relpath(root / "DLH" / "soket.pdf"))
    server.close()
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["list-files", str(root), "--map", str(tmp_path / "map.yaml"), "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any("DLH/antrian.pdf (special file: a named pipe: never opened)" in x for x in lines)
    assert any("DLH/soket.pdf (special file: a socket: never opened)" in x for x in lines)
