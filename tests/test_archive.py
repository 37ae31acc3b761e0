"""ZIP archives sent by chat are audited as if unpacked, without trusting their entries."""

from __future__ import annotations

import zipfile
from pathlib import Path

from helpers import MAP, docgen, run_audit, statuses

ARSITEKTUR = "Arsitektur Sistem Pemerintahan Berbasis Elektronik"


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def pdf_bytes(tmp_path: Path, document: docgen.Document) -> bytes:
    return docgen.write_pdf(document, tmp_path / "member.pdf").read_bytes()


def test_members_are_matched_with_archive_paths(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    perbup = pdf_bytes(tmp_path, docgen.Regulation(topic=ARSITEKTUR))
    make_zip(root / "Bagian Hukum" / "kiriman.zip", {"dokumen/Perbup Arsitektur.pdf": perbup})
    result = run_audit(root, MAP)
    assert statuses(result)["arsitektur-perbup"] == ("complete",)
    row = next(f for f in result.findings if f.evidence.id == "arsitektur-perbup")
    assert row.documents[0].path == "Bagian Hukum/kiriman.zip!/dokumen/Perbup Arsitektur.pdf"


def test_hostile_entries_are_refused_and_reported_and_nothing_is_written_outside(
    tmp_path: Path,
) -> None:
    root = tmp_path / "tree"
    make_zip(
        root / "Diskominfo" / "kiriman.zip",
        {
            "../../escaped.pdf": b"%PDF-1.4",
            "/etc/absolute.pdf": b"%PDF-1.4",
            "inner.zip": b"PK\x05\x06" + b"\x00" * 18,
            "__MACOSX/._x.pdf": b"x",
            "bomb.pdf": b"\x00" * (40 * 1024 * 1024),
        },
    )
    result = run_audit(root, MAP)
    skipped = {
        d.path.split("!/")[1]: d.skip_reason for d in result.documents if d.state == "skipped"
    }
    assert skipped == {
        "../../escaped.pdf": "path-traversal",
        "/etc/absolute.pdf": "path-traversal",
        "inner.zip": "nested-archive",
        "__MACOSX/._x.pdf": "junk",
        "bomb.pdf": "zip-bomb",
    }
    assert not (tmp_path / "escaped.pdf").exists() and not (root / "escaped.pdf").exists()


def test_a_broken_archive_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    (root / "Bagian Hukum").mkdir(parents=True)
    (root / "Bagian Hukum" / "Perbup Arsitektur SPBE.zip").write_bytes(b"PK\x03\x04 truncated")
    result = run_audit(root, MAP)
    assert statuses(result)["arsitektur-perbup"] == ("weak", "unreadable")


def test_the_members_of_a_big_archive_are_read_in_batches_not_one_task_each(
    tmp_path: Path,
) -> None:
    """A kiriman.zip of thousands of small PDFs: one pool task per member made 5,000 members take
    minutes; small members travel in batches whatever the size of their archive."""
    import os

    from evidence_check import reader
    from evidence_check.models import SourceFile

    members = {
        f"dokumen/Laporan {n}.pdf": b"%PDF-1.4 " + bytes(str(n), "ascii") for n in range(300)
    }
    members["lampiran/foto.bin"] = os.urandom(3 * 1024 * 1024)  # the archive is over 2 MB
    archive = make_zip(tmp_path / "tree" / "Bappeda" / "kiriman.zip", members)
    source = SourceFile(
        path="Bappeda/kiriman.zip", absolute=archive, agency="bappeda", size=archive.stat().st_size
    )
    jobs = [job for job in reader._plan(source) if isinstance(job, reader.Job)]
    assert len(jobs) == 300
    batches = reader._batches(jobs, workers=2)
    assert len(batches) <= 300 // reader.BATCH_FILES + 1
    assert sum(len(batch) for batch in batches) == 300


def test_a_folder_named_like_an_archive_never_shares_its_cache_entries(tmp_path: Path) -> None:
    """`paket.zip!/surat.pdf` (a real folder) and member `surat.pdf` of `paket.zip`, even with
    the same size and time as the archive, keep their own readings through the cache."""
    import json
    import os

    from evidence_check.audit import audit
    from evidence_check.evidence_map import parse_map
    from evidence_check.models import Settings
    from evidence_check.report import json_report

    root = tmp_path / "tree"
    perbup = pdf_bytes(tmp_path, docgen.Regulation(topic=ARSITEKTUR))
    archive = make_zip(
        root / "Bagian Hukum" / "paket.zip",
        {"surat.pdf": pdf_bytes(tmp_path, docgen.Regulation(topic="Peta Rencana SPBE")),
         "isi.bin": os.urandom(len(perbup) + 4096)},
    )  # fmt: skip
    real = root / "Bagian Hukum" / "paket.zip!" / "surat.pdf"
    real.parent.mkdir()
    real.write_bytes(perbup + b"\n" * (archive.stat().st_size - len(perbup)))
    os.utime(real, ns=(archive.stat().st_atime_ns, archive.stat().st_mtime_ns))
    assert real.stat().st_size == archive.stat().st_size

    def run(cache: Path | None) -> dict[str, object]:
        settings = Settings(cache_dir=cache, ocr=False)
        data = json.loads(json_report.render(audit(parse_map(MAP, "map.yaml"), root, settings)))
        data.pop("generated_at")
        return data  # type: ignore[no-any-return]

    plain = run(None)
    paths = {d["path"] for d in plain["documents"]}  # type: ignore[attr-defined]
    assert {"Bagian Hukum/paket.zip!!/surat.pdf", "Bagian Hukum/paket.zip!/surat.pdf"} <= paths
    (root / "Bagian Hukum" / "baru.pdf").write_bytes(b"")  # after the cold run: no memo
    run(tmp_path / "cache")
    (root / "Bagian Hukum" / "baru.pdf").unlink()
    assert run(tmp_path / "cache") == plain  # warm: every reading from the cache, none swapped
