"""Where reports go: stdout, a regular file replaced atomically, or a refusal before the audit.

If this breaks, `--output /dev/null` as root replaces the device with a file, a link to a report
loses its link, a FIFO hangs the command after a long audit, a full disk leaves a half report or a
stray temporary file, or `--format docx --output` overwrites files nobody named.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import MAP, build_tree, docgen

from evidence_check import cli, report
from evidence_check.cli import main

ARSITEKTUR = "Arsitektur Sistem Pemerintahan Berbasis Elektronik"
AS_ROOT = os.geteuid() == 0


@pytest.fixture
def tree(tmp_path: Path) -> tuple[Path, Path]:
    root = build_tree(
        tmp_path / "tree",
        {
            "Bagian Hukum/perbup.pdf": docgen.Regulation(topic=ARSITEKTUR),
            "Diskominfo/catatan.pdf": docgen.Regulation(topic="Peta Rencana SPBE"),
        },
    )
    map_file = tmp_path / "map.yaml"
    map_file.write_text(MAP, encoding="utf-8")
    return root, map_file


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def no_audit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A refusal must come before the audit: the audit here fails the test if it runs."""

    def audit(*args: object, **kwargs: object) -> None:
        raise AssertionError("the audit ran before the destination was checked")

    monkeypatch.setattr(cli, "audit", audit)


def audit_args(tree: tuple[Path, Path], output: str | Path, fmt: str = "json") -> list[str]:
    root, map_file = tree
    return ["audit", str(root), "--map", str(map_file), "--format", fmt, "--output", str(output)]


def test_a_dash_writes_to_stdout_and_creates_no_file(
    tree: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(*audit_args(tree, "-"))
    assert code == 1 and "requirements" in json.loads(out)
    assert not (tmp_path / "-").exists()


def test_dev_stdout_and_a_link_to_it_write_to_the_real_stdout(
    tree: tuple[Path, Path], tmp_path: Path
) -> None:
    link = tmp_path / "ke-layar"
    link.symlink_to("/dev/stdout")
    for output in ("/dev/stdout", link):
        done = subprocess.run(
            [sys.executable, "-m", "evidence_check", *audit_args(tree, output), "--no-cache"],
            capture_output=True,
            check=False,
        )
        assert done.returncode == 1, done.stderr
        assert "requirements" in json.loads(done.stdout)
    assert link.is_symlink() and os.readlink(link) == "/dev/stdout"


def test_a_link_to_a_report_keeps_the_link_and_replaces_the_file(
    tree: tuple[Path, Path], tmp_path: Path
) -> None:
    real = tmp_path / "arsip" / "laporan.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "laporan-terbaru.json"
    link.symlink_to(real)
    code, _, err = run(*audit_args(tree, link))
    assert code == 1, err
    assert link.is_symlink() and link.resolve() == real
    assert "requirements" in json.loads(real.read_text(encoding="utf-8"))
    assert sorted(p.name for p in real.parent.iterdir()) == ["laporan.json"]


@pytest.mark.parametrize("kind", ["device", "fifo", "link-to-fifo", "link-to-folder", "folder"])
def test_a_destination_that_is_not_a_regular_file_is_refused_before_the_audit(
    tree: tuple[Path, Path], tmp_path: Path, no_audit: None, kind: str
) -> None:
    target = tmp_path / "tujuan"
    if kind == "device":
        target = Path("/dev/null")
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "link-to-fifo":
        os.mkfifo(tmp_path / "pipa")
        target.symlink_to(tmp_path / "pipa")
    elif kind == "link-to-folder":
        (tmp_path / "folder").mkdir()
        target.symlink_to(tmp_path / "folder")
    else:
        target.mkdir()
    before = target.lstat()
    code, out, err = run(*audit_args(tree, target))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 or "Usage" in err, err
    after = target.lstat()
    assert (after.st_mode, after.st_ino, after.st_rdev) == (
        before.st_mode,
        before.st_ino,
        before.st_rdev,
    )


def test_dev_full_is_refused_before_the_audit(tree: tuple[Path, Path], no_audit: None) -> None:
    code, _, err = run(*audit_args(tree, "/dev/full"))
    assert code == 2 and "device" in err


@pytest.mark.skipif(AS_ROOT, reason="root writes into any folder")
def test_an_unwritable_folder_is_refused_before_the_audit(
    tree: tuple[Path, Path], tmp_path: Path, no_audit: None
) -> None:
    locked = tmp_path / "terkunci"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, err = run(*audit_args(tree, locked / "laporan.json"))
    finally:
        locked.chmod(0o700)
    assert code == 2 and "cannot write" in err and len(err.strip().splitlines()) == 1
    assert list(locked.iterdir()) == []


def test_a_full_disk_while_writing_keeps_the_old_report_and_no_temporary_file(
    tree: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "laporan.json"
    target.parent.mkdir()
    target.write_text("the report of last week", encoding="utf-8")
    real_fsync, calls = os.fsync, []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) > 1:  # the check before the audit passes; the disk fills during the audit
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(report.os, "fsync", fsync)
    code, _, err = run(*audit_args(tree, target))
    assert code == 2
    assert err.strip().splitlines() == [
        f"evidence-check: {target}: cannot be written: No space left on device"
    ]
    assert target.read_text(encoding="utf-8") == "the report of last week"
    assert sorted(p.name for p in target.parent.iterdir()) == ["laporan.json"]


def test_one_docx_output_is_one_file_and_its_neighbours_are_untouched(
    tree: tuple[Path, Path], tmp_path: Path
) -> None:
    folder = tmp_path / "memo"
    folder.mkdir()
    neighbour = folder / "laporan-diskominfo.docx"
    neighbour.write_bytes(b"someone else's memo")
    code, _, err = run(*audit_args(tree, folder / "laporan.docx", fmt="docx"))
    assert code == 1, err
    assert sorted(p.name for p in folder.iterdir()) == ["laporan-diskominfo.docx", "laporan.docx"]
    assert neighbour.read_bytes() == b"someone else's memo"
    assert (folder / "laporan.docx").read_bytes()[:2] == b"PK"


def test_an_output_dir_holds_one_memo_per_agency(tree: tuple[Path, Path], tmp_path: Path) -> None:
    root, map_file = tree
    folder = tmp_path / "memo"
    args = ["audit", str(root), "--map", str(map_file), "--format", "docx"]
    code, _, err = run(*args, "--output-dir", folder)
    assert code == 1, err
    names = sorted(p.name for p in folder.iterdir())
    assert "evidence-check.docx" in names and "evidence-check-diskominfo.docx" in names
