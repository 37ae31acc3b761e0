"""The read stage on a Dask cluster: the same result as the local pool, the per-file time limit, a
worker killed mid-run, a worker that cannot see ROOT, and no Dask at all without --scheduler.

One LocalCluster of two worker processes serves the module. Its workers find a fake `tesseract`
first on their PATH (set before they start) that sleeps as long as the file `SLEEP` beside it
says and reads nothing: a scan then takes as long as a test needs.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import MAP, build_tree, docgen

from evidence_check.audit import audit
from evidence_check.cli import main
from evidence_check.evidence_map import parse_map
from evidence_check.extract import ocr
from evidence_check.models import Settings
from evidence_check.report import json_report

distributed = pytest.importorskip("distributed")
import dask  # noqa: E402  (installed with distributed)

from evidence_check.dask_executor import DaskExecutor, connect  # noqa: E402

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="process trees and /proc")

ARSITEKTUR = "Arsitektur Sistem Pemerintahan Berbasis Elektronik"
FILES: dict[str, docgen.Document | bytes] = {
    "Bagian Hukum/perbup.pdf": docgen.Regulation(topic=ARSITEKTUR),
    "Diskominfo/ranperbup peta.pdf": docgen.Regulation(
        topic="Peta Rencana SPBE", draft=True, signed=False
    ),
    "Diskominfo/kosong.pdf": b"",
    "Bappeda/SK Dewan.docx": docgen.Regulation(topic="Dewan Smart City", form="KEPUTUSAN"),
    "DLH/rusak.pdf": b"%PDF-1.7\n1 0 obj <<",
}
FAKE_TESSERACT = """#!/bin/sh
if [ "$1" = "--list-langs" ]; then printf 'List of available languages:\\nind\\n'; exit 0; fi
touch "{tools}/reader-$$"
exec sleep "$(cat {tools}/SLEEP)"
exit 1
"""


@pytest.fixture(scope="module")
def tools(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("bin")
    fake = folder / "tesseract"
    fake.write_text(FAKE_TESSERACT.format(tools=folder), encoding="utf-8")
    fake.chmod(0o755)
    (folder / "SLEEP").write_text("0", encoding="utf-8")
    before = os.environ["PATH"]
    os.environ["PATH"] = f"{folder}{os.pathsep}{before}"
    os.environ["EVIDENCE_CHECK_TESSERACT"] = "cli"  # the slow command above, not tesserocr
    ocr.engine.cache_clear()  # workers forked from this process must not inherit an engine
    yield folder
    os.environ["PATH"] = before
    del os.environ["EVIDENCE_CHECK_TESSERACT"]
    ocr.engine.cache_clear()


@pytest.fixture(scope="module")
def cluster(tools: Path) -> Iterator[DaskExecutor]:
    with connect("local:2") as executor:
        yield executor


def audit_json(root: Path, executor: DaskExecutor | None = None, **settings: Any) -> dict[str, Any]:
    result = audit(parse_map(MAP, "map.yaml"), root, Settings(**settings), executor=executor)
    data: dict[str, Any] = json.loads(json_report.render(result))
    data.pop("generated_at")
    return data


def test_the_cluster_says_what_the_local_pool_says_by_path_or_by_bytes(
    tmp_path: Path, cluster: DaskExecutor
) -> None:
    files = {**FILES, "Diskominfo/kiriman.zip": _zip(tmp_path)}
    root = build_tree(tmp_path / "tree", files)
    local = audit_json(root, jobs=2, ocr=False)
    assert audit_json(root, cluster, ocr=False) == local
    shipped = DaskExecutor(cluster.client, ship_bytes=True)
    assert audit_json(root, shipped, ocr=False) == local
    cache = tmp_path / "cache"  # the client fills the cache; a warm local run reads it back
    assert audit_json(root, cluster, ocr=False, cache_dir=cache) == local
    assert audit_json(root, jobs=1, ocr=False, cache_dir=cache) == local
    assert local["summary"] != {"complete": 0, "weak": 0, "missing": 0}


def test_the_workers_spend_no_time_profiling_themselves(cluster: DaskExecutor) -> None:
    # Dask samples every worker thread each 10 ms by default: a tenth of a core per idle
    # local:2 cluster with its 20 ms health ticks (docs/scale.md); a batch run needs neither
    def settings() -> tuple[bool, str]:
        return (
            dask.config.get("distributed.worker.profile.enabled"),
            dask.config.get("distributed.admin.tick.interval"),
        )

    assert set(cluster.client.run(settings).values()) == {(False, "1s")}


def test_a_file_past_its_time_limit_is_unreadable_and_the_rest_is_judged(
    tmp_path: Path, cluster: DaskExecutor, tools: Path
) -> None:
    (tools / "SLEEP").write_text("60", encoding="utf-8")
    try:
        scan = docgen.write_scan(docgen.Regulation(topic="Peta Rencana SPBE"), tmp_path / "s.pdf")
        root = build_tree(
            tmp_path / "tree", {**FILES, "Diskominfo/pindaian.pdf": scan.read_bytes()}
        )
        started = time.monotonic()
        data = audit_json(root, cluster, ocr=True, file_timeout_seconds=2)
        assert time.monotonic() - started < 30
    finally:
        (tools / "SLEEP").write_text("0", encoding="utf-8")
    entry = next(d for d in data["documents"] if d["path"] == "Diskominfo/pindaian.pdf")
    assert (entry["problems"], entry["detail"]) == (["unreadable"], "timed out after 2 s")
    row = next(r for r in data["requirements"] if r["evidence"] == "arsitektur-perbup")
    assert row["status"] == "complete"


def test_a_worker_killed_mid_run_loses_no_file(
    tmp_path: Path, cluster: DaskExecutor, tools: Path
) -> None:
    scan = docgen.write_scan(docgen.Regulation(topic="Peta Rencana SPBE"), tmp_path / "s.pdf")
    root = build_tree(tmp_path / "tree", {**FILES, "Diskominfo/pindaian.pdf": scan.read_bytes()})
    (tools / "SLEEP").write_text("3", encoding="utf-8")
    for mark in tools.glob("reader-*"):
        mark.unlink()
    answer: dict[str, Any] = {}
    worker = threading.Thread(
        target=lambda: answer.update(audit_json(root, cluster, ocr=True, file_timeout_seconds=60))
    )
    try:
        worker.start()
        deadline = time.monotonic() + 30
        while not list(tools.glob("reader-*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        (mark,) = tools.glob("reader-*")
        workers = set(cluster.client.run(os.getpid).values())
        os.kill(_ancestor(int(mark.name.split("-")[1]), workers), signal.SIGKILL)
        worker.join(timeout=90)
    finally:
        (tools / "SLEEP").write_text("0", encoding="utf-8")
    assert not worker.is_alive(), "the audit did not finish after its worker was killed"
    expected = {d["path"] for d in audit_json(root, jobs=2, ocr=False)["documents"]}
    assert {d["path"] for d in answer["documents"]} == expected
    cluster.client.wait_for_workers(2, timeout=60)  # the nanny replaced it


def test_a_worker_that_cannot_see_root_is_one_clear_error_unless_bytes_are_shipped(
    tmp_path: Path,
) -> None:
    """A worker in a mount namespace where ROOT's folder is an empty tmpfs, as a cluster node
    without the shared drive."""
    hidden = tmp_path / "shared"
    root = build_tree(hidden / "tree", FILES)
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    if shutil.which("unshare") is None or _cannot_unshare(hidden):
        pytest.skip("needs unshare -m (root on Linux)")
    with distributed.LocalCluster(n_workers=0, dashboard_address=None) as scheduler:
        blind = subprocess.Popen(
            [
                *("unshare", "-m", "--propagation", "private", "sh", "-c"),
                f'mount -t tmpfs tmpfs "{hidden}" && exec "$0" -m distributed.cli.dask_worker '
                f"{scheduler.scheduler_address} --nworkers 1 --nthreads 1 --no-dashboard",
                sys.executable,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            with distributed.Client(scheduler) as client:
                client.wait_for_workers(1, timeout=60)
            base = ["audit", str(root), "--map", str(tmp_path / "map.yaml"), "--no-ocr"]
            base += ["--no-cache", "--no-history", "--format", "json"]
            base += ["--scheduler", scheduler.scheduler_address]
            refused = CliRunner().invoke(main, base)
            assert refused.exit_code == 2, refused.output
            assert "1 of 1 Dask workers cannot see" in refused.stderr
            assert "--ship-bytes" in refused.stderr
            shipped = CliRunner().invoke(main, [*base, "--ship-bytes"])
            assert shipped.exit_code == 1, shipped.output
            data = json.loads(shipped.stdout)
            assert data["summary"] == audit_json(root, jobs=1, ocr=False)["summary"]
        finally:
            os.killpg(blind.pid, signal.SIGKILL)
            blind.wait()


def test_without_a_scheduler_nothing_of_dask_is_imported(tmp_path: Path) -> None:
    build_tree(tmp_path / "tree", FILES)
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    code = (
        "import sys\nfrom evidence_check.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')"
        " or m == 'evidence_check.dask_executor'))\n"
    )
    args = ["audit", "tree", "--map", "map.yaml", "--no-cache", "--no-history", "--no-ocr"]
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr


def _zip(tmp_path: Path) -> bytes:
    import zipfile

    inner = build_tree(tmp_path / "inner", {"laporan.pdf": docgen.Regulation(topic=ARSITEKTUR)})
    target = tmp_path / "k.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.write(inner / "laporan.pdf", "laporan.pdf")
        archive.writestr("kosong.pdf", b"")
    return target.read_bytes()


def _ancestor(pid: int, among: set[int]) -> int:
    """The Dask worker that runs the process `pid` (its batch child's parent)."""
    while pid not in among:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
        pid = int(stat.rsplit(")", 1)[1].split()[1])
        assert pid > 1, "not under a Dask worker"
    return pid


def _cannot_unshare(folder: Path) -> bool:
    probe = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "sh", "-c", f'mount -t tmpfs t "{folder}"'],
        capture_output=True,
    )
    return probe.returncode != 0


def test_a_daemonic_workers_batch_child_is_killed_at_the_time_limit(
    tmp_path: Path, tools: Path
) -> None:
    """Workers of a cluster started without `daemon: false` read each batch in a child process:
    the limit holds there too."""
    from evidence_check.batch_child import read_in_child
    from evidence_check.executor import BatchTimeout
    from evidence_check.reader import ReadOptions

    scan = docgen.write_scan(docgen.Regulation(topic="Peta Rencana SPBE"), tmp_path / "s.pdf")
    (tools / "SLEEP").write_text("60", encoding="utf-8")
    started = time.monotonic()
    try:
        with pytest.raises(BatchTimeout):
            read_in_child([(scan, None, {}, None)], ReadOptions(ocr=True, timeout_seconds=2))
    finally:
        (tools / "SLEEP").write_text("0", encoding="utf-8")
    assert time.monotonic() - started < 10
    assert (
        read_in_child([(scan, None, {}, scan.read_bytes())], ReadOptions(ocr=False))[0][1].pages
        == 4
    )


def test_ctrl_c_cancels_the_cluster_and_exits_130(tmp_path: Path, tools: Path) -> None:
    scan = docgen.write_scan(docgen.Regulation(topic="Peta Rencana SPBE"), tmp_path / "s.pdf")
    root = build_tree(tmp_path / "tree", {**FILES, "Diskominfo/pindaian.pdf": scan.read_bytes()})
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    (tools / "SLEEP").write_text("60", encoding="utf-8")
    for mark in tools.glob("reader-*"):
        mark.unlink()
    command = [sys.executable, "-m", "evidence_check", "audit", str(root), "--map", "map.yaml"]
    command += ["--no-cache", "--no-history", "--scheduler", "local:2"]
    run = subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not list(tools.glob("reader-*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        (mark,) = tools.glob("reader-*")
        os.killpg(run.pid, signal.SIGINT)
        started = time.monotonic()
        _, err = run.communicate(timeout=30)
    finally:
        (tools / "SLEEP").write_text("0", encoding="utf-8")
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    assert run.returncode == 130, err
    assert time.monotonic() - started < 15
    reader = Path(f"/proc/{mark.name.split('-')[1]}")
    deadline = time.monotonic() + 5
    while reader.exists() and "Z" not in _state(reader) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not reader.exists() or "Z" in _state(reader), "the reader outlived the run"


def _state(process: Path) -> str:
    try:
        return (process / "stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_audit_many_reads_every_region_on_one_cluster(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import evidence_check.dask_executor as dask_executor

    build_tree(tmp_path / "satu", FILES)
    build_tree(tmp_path / "dua", {"Bagian Hukum/perbup.pdf": docgen.Regulation(topic=ARSITEKTUR)})
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    (tmp_path / "r.yaml").write_text(
        "- {name: satu, root: satu, map: map.yaml}\n- {name: dua, root: dua, map: map.yaml}\n",
        encoding="utf-8",
    )
    opened = []
    real = dask_executor.connect

    def counted(*args: Any, **kwargs: Any) -> Any:
        opened.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(dask_executor, "connect", counted)
    base = ["audit-many", str(tmp_path / "r.yaml"), "--no-cache", "--no-ocr", "--output-dir"]
    local = CliRunner().invoke(main, [*base, str(tmp_path / "a")])
    on_cluster = CliRunner().invoke(main, [*base, str(tmp_path / "b"), "--scheduler", "local:2"])
    assert (local.exit_code, on_cluster.exit_code) == (1, 1), on_cluster.output
    assert opened == [("local:2",)]
    for name in ("ringkasan.csv", "satu/evidence-check.json", "dua/evidence-check.json"):
        before, after = ((tmp_path / d / name).read_text(encoding="utf-8") for d in "ab")
        if name.endswith(".json"):
            before, after = (json.loads(t) | {"generated_at": ""} for t in (before, after))
        assert before == after, name


def test_a_scheduler_without_workers_is_one_clear_error(tmp_path: Path) -> None:
    root = build_tree(tmp_path / "tree", FILES)
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    with distributed.LocalCluster(n_workers=0, dashboard_address=None) as empty:
        done = CliRunner().invoke(
            main,
            [
                *("audit", str(root), "--map", str(tmp_path / "map.yaml"), "--no-cache"),
                *("--no-history", "--scheduler", empty.scheduler_address, "--ship-bytes"),
            ],
        )
    assert done.exit_code == 2, done.output
    assert "has no workers" in done.stderr
