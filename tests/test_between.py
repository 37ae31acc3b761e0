"""Between audits: what changed since a baseline (changes.py), the history store (history.py),
`--baseline FILE|last`, `--fail-on regressed`, `evidence-check history` and the reports' openings."""

from __future__ import annotations

import io
import json
import logging
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from docgen import Minutes, Regulation, Report
from docx import Document
from helpers import build_tree
from openpyxl import load_workbook

from evidence_check.audit import audit
from evidence_check.changes import compare
from evidence_check.cli import main
from evidence_check.evidence_map import parse_map
from evidence_check.history import History
from evidence_check.models import AuditPoint, AuditResult, ChangeKind, Evaluation, Settings
from evidence_check.report import WRITERS, json_report
from evidence_check.report.view import long_date, select_agency

MAP = """\
version: 3
evaluation:
  name: Evaluasi Pemerintah Digital 2027 Kabupaten Mojosari
  year: 2027
  scoring:
    method: weighted-levels
    scale: [1, 5]
    predikat:
      - {min: 2.5, label: Baik, name: Berkembang}
      - {min: 0, label: Kurang, name: Merintis}
agencies:
  - {id: diskominfo, name: Dinas Komunikasi dan Informatika, aliases: [Diskominfo]}
  - {id: bappeda, name: Badan Perencanaan Pembangunan Daerah, aliases: [Bappeda]}
indicators:
  - id: I1
    name: Kolaborasi
    weight: 50
    evidence:
      - id: sk-tim
        code: I1-L1-01
        level: 1
        title: Keputusan Bupati tentang Tim Koordinasi Pemerintah Digital
        kind: decree
        owners: [diskominfo]
        keywords: [Tim Koordinasi Pemerintah Digital]
        must_include: [Keputusan]
      - id: notulen
        code: I1-L2-01
        level: 2
        title: Notulen Rapat Kolaborasi Antar Perangkat Daerah
        kind: minutes
        owners: [diskominfo]
        keywords: [Kolaborasi Antar Perangkat Daerah]
  - id: I2
    name: Layanan
    weight: 50
    evidence:
      - id: laporan
        code: I2-L1-01
        level: 1
        title: Laporan Evaluasi Layanan Digital
        kind: report
        owners: [bappeda]
        keywords: [Laporan Evaluasi Layanan Digital]
"""
KOMINFO, BAPPEDA = "01. Diskominfo", "02. Bappeda"
SK = Regulation(topic="Tim Koordinasi Pemerintah Digital", form="KEPUTUSAN", year=2026)
MINUTES = Minutes(subject="Kolaborasi Antar Perangkat Daerah")
REPORT = Report(title="Laporan Evaluasi Layanan Digital", period="TAHUN 2026")
DRAFT_REPORT = Report(title="Laporan Evaluasi Layanan Digital", period="TAHUN 2026", draft=True)


def write_map(tmp_path: Path, text: str = MAP) -> Path:
    path = tmp_path / "pemdi.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def cli(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def audit_json(root: Path, map_file: Path, *extra: str | Path) -> tuple[Result, dict[str, Any]]:
    result = cli("audit", root, "--map", map_file, "--format", "json", "--no-cache", *extra)
    assert result.exit_code in (0, 1), result.output
    return result, json.loads(result.stdout)


def keys(items: list[dict[str, Any]]) -> list[str]:
    return [f"{i['evidence']}@{i['agency']}" for i in items]


def test_each_change_kind_between_two_audits(tmp_path: Path) -> None:
    """Resolved, regressed, changed, added and removed, each with from and to; a row whose id
    changed but whose portal code did not is the same row."""
    old_map = MAP + (
        "      - id: renstra\n        code: I2-L2-01\n        level: 2\n"
        "        title: Renstra Layanan Digital\n        owners: [bappeda]\n"
        "        keywords: [Rencana Strategis Layanan Digital]\n"
    )
    first = build_tree(
        tmp_path / "a",
        {f"{KOMINFO}/SK Tim.pdf": SK, f"{BAPPEDA}/Laporan Layanan.pdf": DRAFT_REPORT},
    )
    before = audit(parse_map(old_map, "m.yaml"), first, Settings())
    new_map = MAP.replace("id: sk-tim", "id: sk-tim-koordinasi") + (
        "      - id: sop\n        code: I2-L3-01\n        level: 3\n"
        "        title: SOP Layanan Digital\n        kind: sop\n        owners: [bappeda]\n"
        "        keywords: [Standar Operasional Prosedur Layanan Digital]\n"
    )
    second = build_tree(tmp_path / "b", {f"{KOMINFO}/Notulen.pdf": MINUTES})
    after = audit(parse_map(new_map, "m.yaml"), second, Settings())
    changes = compare(after, json_report.as_dict(before))
    data = json_report.as_dict(after.__class__(**{**after.__dict__, "changes": changes}))["changes"]
    assert data["baseline"] == before.generated_at
    assert keys(data["resolved"]) == ["notulen@diskominfo"]
    assert keys(data["regressed"]) == ["sk-tim-koordinasi@diskominfo"]
    assert data["regressed"][0]["from"] == {"status": "complete", "reasons": []}
    assert data["regressed"][0]["to"] == {"status": "missing", "reasons": []}
    assert keys(data["changed"]) == ["laporan@bappeda"]
    assert data["changed"][0]["from"] == {"status": "weak", "reasons": ["draft"]}
    assert keys(data["added"]) == ["sop@bappeda"]
    assert data["added"][0]["from"] is None
    assert keys(data["removed"]) == ["renstra@bappeda"]
    assert data["removed"][0]["to"] is None
    assert data["baseline_summary"]["complete"] == 1
    assert isinstance(data["baseline_index"], float)


def test_format_1_baseline_without_codes_is_compared_by_id(tmp_path: Path) -> None:
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/SK Tim.pdf": SK})
    result = audit(parse_map(MAP, "m.yaml"), root, Settings())
    old = {
        "format": 1,
        "generated_at": "2026-11-01T09:00:00+07:00",
        "requirements": [
            {"indicator": "I1", "evidence": "sk-tim", "agency": "diskominfo",
             "status": "missing", "reasons": []},
            {"indicator": "I1", "evidence": "notulen", "agency": "diskominfo",
             "status": "missing", "reasons": []},
            {"indicator": "I2", "evidence": "laporan", "agency": "bappeda",
             "status": "missing", "reasons": []},
        ],
    }  # fmt: skip
    changes = compare(result, old)
    assert [(r.kind, r.evidence) for r in changes.rows] == [(ChangeKind.RESOLVED, "sk-tim")]
    assert changes.baseline_index is None


def test_removing_the_file_of_a_complete_row_lists_it_as_regressed(tmp_path: Path) -> None:
    """The issue's check: delete a complete row's file, audit with --baseline PREVIOUS.json."""
    map_file = write_map(tmp_path)
    root = build_tree(
        tmp_path / "tree", {f"{KOMINFO}/SK Tim.pdf": SK, f"{BAPPEDA}/Laporan.pdf": REPORT}
    )
    _, first = audit_json(root, map_file)
    previous = tmp_path / "previous.json"
    previous.write_text(json.dumps(first), encoding="utf-8")
    (root / KOMINFO / "SK Tim.pdf").unlink()
    _, second = audit_json(root, map_file, "--baseline", previous)
    changes = second["changes"]
    assert keys(changes["regressed"]) == ["sk-tim@diskominfo"]
    assert changes["regressed"][0]["code"] == "I1-L1-01"
    assert changes["resolved"] == changes["added"] == changes["removed"] == []


def test_without_baseline_the_json_has_no_changes(tmp_path: Path) -> None:
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/SK Tim.pdf": SK})
    _, data = audit_json(root, write_map(tmp_path))
    assert "changes" not in data


def test_baseline_last_compares_with_the_previous_audit_of_the_same_root_and_map(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    map_file = write_map(tmp_path)
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/SK Tim.pdf": SK})
    other = build_tree(tmp_path / "other", {f"{KOMINFO}/Notulen.pdf": MINUTES})
    _, first = audit_json(root, map_file, "--baseline", "last")
    assert "changes" not in first
    assert "no earlier audit" in caplog.text
    caplog.clear()
    audit_json(other, map_file)  # another ROOT is another history
    build_tree(root, {f"{KOMINFO}/Notulen Rapat.pdf": MINUTES})
    _, second = audit_json(root, map_file, "--baseline", "last")
    assert second["changes"]["baseline"] == first["generated_at"]
    assert keys(second["changes"]["resolved"]) == ["notulen@diskominfo"]
    # a different map of the same ROOT has its own last audit: none yet
    other_map = tmp_path / "other-map.yaml"
    other_map.write_text(MAP, encoding="utf-8")
    _, third = audit_json(root, other_map, "--baseline", "last")
    assert "changes" not in third and "no earlier audit" in caplog.text


def test_history_lists_three_audits_and_the_html_draws_them(tmp_path: Path) -> None:
    map_file = write_map(tmp_path)
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/SK Tim.pdf": SK})
    one = cli("audit", root, "--map", map_file, "--no-cache", "--format", "html")
    assert 'id="trend"' not in one.stdout  # a single audit draws nothing over time
    build_tree(root, {f"{KOMINFO}/Notulen.pdf": MINUTES})
    cli("audit", root, "--map", map_file, "--no-cache")
    build_tree(root, {f"{BAPPEDA}/Laporan.pdf": REPORT})
    three = cli("audit", root, "--map", map_file, "--no-cache", "--format", "html")
    assert 'id="trend"' in three.stdout and three.stdout.count('class="trend-complete"') == 3
    listed = cli("history", root, "--lang", "en")
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    assert lines[0] == "date | map | complete | weak | missing | waived | index"
    counts = [line.split()[2:5] for line in lines[1:]]
    assert counts == [["1", "0", "2"], ["2", "0", "1"], ["3", "0", "0"]]
    assert cli("history", root, "--map", "spbe-2020", "--lang", "en").stdout.startswith(
        "No audit of"
    )
    assert len(cli("history", root, "--map", map_file).stdout.splitlines()) == 4


def test_fail_on_regressed_decides_the_exit_code_alone(tmp_path: Path) -> None:
    map_file = write_map(tmp_path)
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/SK Tim.pdf": SK})
    cli("audit", root, "--map", map_file, "--no-cache")
    steady = cli("audit", root, "--map", map_file, "--no-cache", "--baseline", "last",
                 "--fail-on", "regressed")  # fmt: skip
    assert steady.exit_code == 0  # gaps remain, but nothing got worse
    (root / KOMINFO / "SK Tim.pdf").unlink()
    worse = cli("audit", root, "--map", map_file, "--no-cache", "--baseline", "last",
                "--fail-on", "regressed")  # fmt: skip
    assert worse.exit_code == 1
    alone = cli("audit", root, "--map", map_file, "--no-cache", "--fail-on", "regressed")
    assert alone.exit_code == 2 and "--baseline" in alone.stderr


def test_a_store_that_cannot_be_written_gives_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/SK Tim.pdf": SK})
    result = cli("audit", root, "--map", write_map(tmp_path), "--no-cache", "--format", "json",
                 "--baseline", "last")  # fmt: skip
    assert result.exit_code == 1  # gaps, as without a store
    assert json.loads(result.stdout)["summary"]["complete"] == 1
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "audit history" in warnings[0], warnings


def test_a_damaged_store_gives_one_warning_and_no_baseline(
    tmp_path: Path, _history_folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _history_folder / "evidence-check"
    folder.mkdir()
    (folder / "history.sqlite3").write_bytes(b"this is not a database" * 100)
    with caplog.at_level(logging.WARNING, "evidence_check"), History(folder) as store:
        assert store.last(tmp_path, "m") is None
        assert store.points(tmp_path) == ()
    assert len(caplog.records) == 1


def test_concurrent_stores_keep_every_audit(tmp_path: Path) -> None:
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/SK Tim.pdf": SK})
    result = audit(parse_map(MAP, "m.yaml"), root, Settings())
    folder = tmp_path / "store"
    with History(folder) as one, History(folder) as two:
        one.record(result, root, "m")
        two.record(result, root, "m")
        one.record(result, root, "m")
        assert len(two.points(root)) == 3
        kept = one.last(root, "m")
    assert kept is not None and kept["summary"]["complete"] == 1


def _record_many(folder: str, root: str, count: int) -> None:
    """One audit process recording into a shared store (a process pool's worker)."""
    empty = AuditResult(
        map_source="m.yaml",
        evaluation=Evaluation(name="Evaluasi", year=2027),
        generated_at="2026-12-03T10:00:00+07:00",
        tool_version="0",
        root=root,
        findings=(),
        documents=(),
        folders=(),
        agencies_without_folder=(),
    )
    with History(Path(folder)) as store:
        for _ in range(count):
            store.record(empty, Path(root), "m")


def test_audits_in_parallel_processes_all_land_in_the_store(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with ProcessPoolExecutor(max_workers=2) as pool:
        jobs = [pool.submit(_record_many, str(folder), str(tmp_path), 10) for _ in range(4)]
        for job in jobs:
            job.result()
    with History(folder) as store:
        assert len(store.points(tmp_path)) == 40
        assert store.usable


def test_reports_open_with_the_change_per_agency(tmp_path: Path) -> None:
    map_file = write_map(tmp_path)
    root = build_tree(
        tmp_path / "tree", {f"{KOMINFO}/SK Tim.pdf": SK, f"{KOMINFO}/Notulen.pdf": MINUTES}
    )
    cli("audit", root, "--map", map_file, "--no-cache")
    (root / KOMINFO / "Notulen.pdf").unlink()
    build_tree(root, {f"{BAPPEDA}/Laporan.pdf": REPORT})
    text = cli("audit", root, "--map", map_file, "--no-cache", "--baseline", "last", "--lang", "en")
    lines = text.stdout.splitlines()
    assert lines[1].startswith("Changes since the audit of ")
    assert (
        lines[2]
        == "  1 done · 1 new problems · 0 changed · 0 rows added to the map · 0 rows removed from the map"
    )
    assert lines[3] == "  Complete 2 → 2 · weak 0 → 0 · missing 1 → 1"
    assert lines[4] == "  Projected index: 1.50 → 1.00"
    assert lines[5:7] == [
        "  Dinas Komunikasi dan Informatika (diskominfo)",
        "    ! New problems: I1-L2-01 · Notulen Rapat Kolaborasi Antar Perangkat Daerah: MISSING",
    ]
    assert lines[8] == "    ✓ Done: I2-L1-01 · Laporan Evaluasi Layanan Digital"
    markdown = cli("audit", root, "--map", map_file, "--no-cache", "--baseline", "last",
                   "--format", "markdown")  # fmt: skip
    head = markdown.stdout.split("## Ringkasan")[0]
    assert "## Perubahan sejak audit" in head  # nothing changed since the text audit just before
    assert "Tidak ada butir yang berubah." in head


def test_every_report_renders_changes_and_the_todo_narrows_them(tmp_path: Path) -> None:
    map_file = write_map(tmp_path)
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/SK Tim.pdf": SK})
    _, first = audit_json(root, map_file)
    previous = tmp_path / "previous.json"
    previous.write_text(json.dumps(first), encoding="utf-8")
    build_tree(root, {f"{BAPPEDA}/Laporan.pdf": REPORT})
    result = audit(parse_map(MAP, "m.yaml"), root, Settings())
    from evidence_check.changes import read_baseline, with_changes

    result = with_changes(result, read_baseline(previous))
    for fmt, writer in WRITERS.items():
        assert writer(result, "id"), fmt  # no writer fails on a result carrying changes
    html = WRITERS["html"](result, "en")
    assert isinstance(html, str) and html.index('id="changes"') < html.index('id="summary"')
    memo = Document(io.BytesIO(bytes(WRITERS["docx"](result, "id"))))
    texts = [p.text for p in memo.paragraphs]
    # Diskominfo coordinates: its own list is an internal to-do ("Hasil pemeriksaan ..."), the
    # others are memos ("Berdasarkan pemeriksaan ...")
    opening = next(i for i, t in enumerate(texts) if t.startswith("Hasil pemeriksaan"))
    heading = f"Perubahan sejak audit {long_date(first['generated_at'], 'id')}:"
    # each memo opens with its own agency's change: none for diskominfo, the report for bappeda
    assert texts[opening - 2 : opening] == [heading, "Tidak ada butir yang berubah."]
    later = texts[opening + 1 :]
    assert later[later.index(heading) + 1].startswith("Sudah selesai: I2-L1-01 · Laporan")
    assert any(t.startswith("Berdasarkan pemeriksaan") for t in later)
    sheet = load_workbook(io.BytesIO(bytes(WRITERS["xlsx"](result, "en")))).active
    column = [row[0] for row in sheet.iter_rows(max_row=8, values_only=True)]
    assert column[4] and str(column[4]).startswith("Changes since the audit of")
    narrowed = select_agency(result, "diskominfo")
    assert narrowed.changes is not None and narrowed.changes.rows == ()
    todo = cli("todo", root, "bappeda", "--map", map_file, "--no-cache", "--baseline", previous,
               "--lang", "en")  # fmt: skip
    assert "Done: I2-L1-01" in todo.stdout
    # a to-do list reads the history but adds nothing to it: only the first audit is kept
    assert len(cli("history", root).stdout.splitlines()) == 2


def test_a_self_check_compares_only_its_own_rows(tmp_path: Path) -> None:
    map_file = write_map(tmp_path)
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/SK Tim.pdf": SK})
    _, whole = audit_json(root, map_file)
    previous = tmp_path / "previous.json"
    previous.write_text(json.dumps(whole), encoding="utf-8")
    build_tree(root, {f"{BAPPEDA}/Laporan.pdf": REPORT})
    _, own = audit_json(root / BAPPEDA, map_file, "--agency", "bappeda", "--baseline", previous)
    changes = own["changes"]
    assert keys(changes["resolved"]) == ["laporan@bappeda"]
    assert changes["removed"] == []  # the other agencies' rows are not "lost"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not a JSON result of evidence-check"),
        ('{"format": 3, "requirements": [], "generated_at": "x"}',
         "expected a JSON result of format 1 or 2, got format 3"),
        ('{"format": 2, "requirements": [{"evidence": "a"}], "generated_at": "x"}',
         "requirements: expected rows with evidence, agency and status"),
    ],
)  # fmt: skip
def test_a_baseline_that_is_not_a_result_is_a_usage_error(
    tmp_path: Path, content: str, expected: str
) -> None:
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/SK Tim.pdf": SK})
    baseline = tmp_path / "old.json"
    baseline.write_text(content, encoding="utf-8")
    result = cli("audit", root, "--map", write_map(tmp_path), "--baseline", baseline)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{baseline}: {expected}")


def test_history_points_are_what_the_html_trend_shows() -> None:
    from evidence_check.report.timeline import trend_chart
    from evidence_check.report.view import Tally, TrendView

    trend = TrendView(
        title="t",
        points=(("2026-11-01", 1.5, Tally(complete=1, missing=2)),
                ("2026-11-08", None, Tally(complete=3))),
    )  # fmt: skip
    svg = trend_chart(trend, "<index>")
    assert "&lt;index&gt;" in svg and "1.50" in svg and svg.count("<circle") == 1
    assert AuditPoint(generated_at="x", map="m", complete=1, weak=0, missing=0).index is None


def test_no_history_keeps_nothing(tmp_path: Path, _history_folder: Path) -> None:
    root = build_tree(tmp_path / "tree", {f"{KOMINFO}/SK Tim.pdf": SK})
    map_file = write_map(tmp_path)
    assert cli("audit", root, "--map", map_file, "--no-cache", "--no-history").exit_code == 1
    assert list(_history_folder.iterdir()) == []
    both = cli("audit", root, "--map", map_file, "--no-history", "--baseline", "last")
    assert both.exit_code == 2
