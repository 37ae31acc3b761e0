"""Stopping a run: Ctrl-C and SIGTERM end it within a second, its workers and scratch folder with
it; a killed run's workers die with it, a later run removes what it left, and its cache keeps what
it had read.

Real signals to a real process group: the command runs in a child Python (its own session) whose
reader hangs on files that begin with SLOW, as PDFium can on a hostile PDF; the workers inherit
that reader (fork) and note their pid in MARKS when they start on such a file.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import MAP, build_tree, docgen

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="process groups and /proc")

SLOW = b"SLOW %PDF-1.4 a file the reader hangs on"
CHILD = """\
import os, sys, time
from pathlib import Path
from evidence_check import reader
from evidence_check.cli import main

marks, read_one = Path(sys.argv[1]), reader.read_one

def hanging(path, options):
    with open(path, "rb") as handle:
        if handle.read(4) == b"SLOW":
            (marks / str(os.getpid())).touch()
            time.sleep(120)
    return read_one(path, options)

reader.read_one = hanging
main(sys.argv[2:], prog_name="evidence-check")
"""


class Run:
    """The command in its own process group, with a private TMPDIR and cache."""

    def __init__(
        self,
        tmp_path: Path,
        files: dict[str, docgen.Document | bytes],
        *extra: str,
        ocr: bool = False,
        tools: Path | None = None,
    ) -> None:
        self.base = tmp_path
        self.root = build_tree(tmp_path / "tree", files)
        self.marks = tmp_path / "marks"
        self.tmp = tmp_path / "tmp"
        self.cache = tmp_path / "cache"
        for folder in (self.marks, self.tmp):
            folder.mkdir(exist_ok=True)
        (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
        command = [
            *(sys.executable, "-c", CHILD, str(self.marks), "audit", str(self.root)),
            *("--map", str(tmp_path / "map.yaml"), "--format", "json", "--jobs", "2"),
            *("--cache-dir", str(self.cache), *([] if ocr else ["--no-ocr"]), *extra),
        ]
        env = {**os.environ, "TMPDIR": str(self.tmp), "LC_ALL": "C.UTF-8"}
        if tools is not None:  # programs found first on the PATH
            env["PATH"] = f"{tools}{os.pathsep}{env['PATH']}"
        self.process = subprocess.Popen(
            command,
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )

    def workers_on_slow_files(self, count: int = 1, within: float = 30.0) -> list[int]:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            pids = [int(p.name) for p in self.marks.iterdir()]
            if len(pids) >= count:
                return pids
            assert self.process.poll() is None, self.process.communicate()
            time.sleep(0.05)
        raise AssertionError("no worker reached a slow file")

    def finish(self, within: float = 30.0) -> tuple[int, str]:
        _, err = self.process.communicate(timeout=within)
        return self.process.returncode, err.decode("utf-8", "replace")


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its reaper is as good as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def gone_within(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(alive(pid) for pid in pids):
            return True
        time.sleep(0.05)
    return False


def sound_and_slow() -> dict[str, docgen.Document | bytes]:
    perbup = docgen.Regulation(topic="Arsitektur Sistem Pemerintahan Berbasis Elektronik")
    return {
        "Bagian Hukum/a perbup.pdf": perbup,
        "Bagian Hukum/b perbup.pdf": docgen.Regulation(topic="Peta Rencana SPBE"),
        "Bagian Hukum/y lambat.pdf": SLOW,
        "Bagian Hukum/z lambat.pdf": SLOW,
    }


@pytest.mark.parametrize(
    ("signum", "code", "name"), [(signal.SIGINT, 130, "SIGINT"), (signal.SIGTERM, 143, "SIGTERM")]
)
def test_a_stop_signal_ends_the_run_within_a_second_and_leaves_nothing(
    tmp_path: Path, signum: int, code: int, name: str
) -> None:
    run = Run(tmp_path, sound_and_slow())
    workers = run.workers_on_slow_files(2)
    sent = time.monotonic()
    os.killpg(run.process.pid, signum)  # as a terminal's Ctrl-C reaches the whole group
    returncode, err = run.finish()
    seconds = time.monotonic() - sent
    print(f"{name}: stopped in {seconds:.2f} s")
    assert returncode == code, err
    assert seconds < 1.5
    assert err.strip().splitlines() == [
        f"evidence-check: dihentikan ({name}); tidak ada laporan yang ditulis."
    ]
    assert gone_within(workers, 1.0), "a worker outlived the run"
    assert list(run.tmp.iterdir()) == [], "a scratch folder was left in TMPDIR"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "cache",
        "map.yaml",
        "marks",
        "tmp",
        "tree",
    ]


def test_a_stop_signal_to_the_command_alone_also_ends_its_workers(tmp_path: Path) -> None:
    """`kill PID` (SIGTERM to the command only, not its group) ends the workers too."""
    run = Run(tmp_path, sound_and_slow())
    workers = run.workers_on_slow_files(2)
    os.kill(run.process.pid, signal.SIGTERM)
    returncode, err = run.finish()
    assert returncode == 143, err
    assert gone_within(workers, 1.0)
    assert list(run.tmp.iterdir()) == []


def test_a_killed_run_loses_no_reading_and_its_workers_die_with_it(tmp_path: Path) -> None:
    run = Run(tmp_path, sound_and_slow())
    workers = run.workers_on_slow_files(2)
    time.sleep(3.0)  # the readings of the two sound files reach the cache while it waits
    os.kill(run.process.pid, signal.SIGKILL)  # no clean-up can run
    run.finish()
    assert gone_within(workers, 3.0), "workers kept reading after their parent was killed"
    (left,) = list(run.tmp.iterdir())  # the killed run's scratch folder
    with sqlite3.connect(run.cache / "readings.sqlite3") as db:
        names = {row[0] for row in db.execute("SELECT path FROM files")}
    assert {Path(n).name for n in names} == {"a perbup.pdf", "b perbup.pdf"}

    (run.root / "Bagian Hukum" / "y lambat.pdf").unlink()
    (run.root / "Bagian Hukum" / "z lambat.pdf").unlink()
    again = Run(tmp_path, {})
    returncode, err = again.finish()
    assert returncode in (0, 1), err
    assert not left.exists(), "the killed run's scratch folder was not removed"
    assert list(run.tmp.iterdir()) == []


def test_a_live_runs_scratch_folder_is_never_removed(tmp_path: Path) -> None:
    first = Run(tmp_path, sound_and_slow())
    first.workers_on_slow_files(2)
    (scratch,) = list(first.tmp.iterdir())
    (first.root / "Bagian Hukum" / "y lambat.pdf").unlink()  # the second run reads no slow file
    (first.root / "Bagian Hukum" / "z lambat.pdf").unlink()
    second = Run(tmp_path / "second", {"Bagian Hukum/a.pdf": docgen.Regulation(topic="Peta")})
    second.tmp.rmdir()
    second.tmp.symlink_to(first.tmp)
    returncode, err = second.finish()
    assert returncode in (0, 1), err
    assert scratch.is_dir(), "a live run's scratch folder was removed"
    os.killpg(first.process.pid, signal.SIGINT)
    first.finish()


FAKE_TESSERACT = """#!/bin/sh
if [ "$1" = "--list-langs" ]; then printf 'List of available languages:\\nind\\n'; exit 0; fi
echo $$ > "{marks}/tesseract-$$"
sleep 60
"""


def test_a_killed_run_leaves_no_helper_program_running(tmp_path: Path) -> None:
    """OCR runs tesseract under a worker: killing the run must end it too, not after its
    three-minute page limit."""
    tools = tmp_path / "bin"
    tools.mkdir()
    marks = tmp_path / "marks"
    fake = tools / "tesseract"
    fake.write_text(FAKE_TESSERACT.format(marks=marks), encoding="utf-8")
    fake.chmod(0o755)
    scan = docgen.write_scan(docgen.Regulation(topic="Peta Rencana SPBE"), tmp_path / "s.pdf")
    files: dict[str, docgen.Document | bytes] = {"Bagian Hukum/pindaian.pdf": scan.read_bytes()}
    run = Run(tmp_path, files, "--jobs", "1", ocr=True, tools=tools)
    deadline = time.monotonic() + 30
    while not list(marks.glob("tesseract-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    (helper,) = [int(p.read_text()) for p in marks.glob("tesseract-*")]
    os.kill(run.process.pid, signal.SIGKILL)
    run.finish()
    assert gone_within([helper], 3.0), "tesseract kept running after its run was killed"
