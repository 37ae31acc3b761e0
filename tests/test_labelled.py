"""The labelled corpus (scripts/make_labelled.py) scored by scripts/score_labelled.py: the audit
must keep its accuracy floor and never call more rows complete than MAX_FALSE_COMPLETE where an
assessor would send them back. Raise FLOOR as the judgement improves; never lower it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
sys.path.insert(0, str(SCRIPTS))

import make_labelled  # noqa: E402
import score_labelled  # noqa: E402

#: share of labelled rows the audit must get right (status, and the labelled reasons)
FLOOR = 0.98
#: rows the audit may call complete where the label says weak or missing
MAX_FALSE_COMPLETE = 0

COMMITTED = Path(__file__).resolve().parent / "labelled" / "labels.json"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("labelled")
    make_labelled.build(outdir)
    return outdir


@pytest.fixture(scope="module")
def scored(corpus: Path) -> score_labelled.Score:
    return score_labelled.score(corpus)


def test_the_audit_keeps_its_floor_on_the_labelled_corpus(scored: score_labelled.Score) -> None:
    print("\n" + scored.report())
    assert not scored.errors
    assert scored.accuracy >= FLOOR, scored.report()
    assert len(scored.false_completes) <= MAX_FALSE_COMPLETE, scored.report()


def test_the_committed_labels_are_the_ones_the_script_writes(corpus: Path) -> None:
    made = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    assert json.loads(COMMITTED.read_text(encoding="utf-8")) == made, (
        "tests/labelled/labels.json is stale: run python scripts/make_labelled.py DIR and copy "
        "DIR/labels.json there"
    )


def test_every_label_names_files_the_corpus_holds(corpus: Path) -> None:
    document = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    for label in document["labels"]:
        tree = corpus / document["trees"][label["tree"]]["path"]
        assert (tree / "evidence-check.yaml").is_file()
        for name in label["files"]:
            assert (tree / name).is_file(), name


def test_the_corpus_is_wide_enough() -> None:
    labels = json.loads(COMMITTED.read_text(encoding="utf-8"))["labels"]
    pemdi = [label for label in labels if label["tree"] == "pemdi"]
    indicators = {label["code"].split("-")[0] for label in pemdi}
    assert len(labels) >= 60 and len(indicators) >= 12
    assert {label["status"] for label in labels} == {"complete", "weak", "missing"}
    assert all(label["trap"] and label["why"] for label in labels)


def _label(status: str, **extra: object) -> dict[str, object]:
    return {
        "tree": "pemdi",
        "code": "I4-L1-01",
        "agency": "diskominfo",
        "status": status,
        "trap": "t",
        "why": "w",
        **extra,
    }


def _result(*rows: dict[str, object]) -> dict[str, object]:
    return {"requirements": list(rows)}


def test_a_complete_row_labelled_weak_is_a_false_complete() -> None:
    row = {"code": "I4-L1-01", "agency": "diskominfo", "status": "complete", "reasons": []}
    (verdict,) = score_labelled.join([_label("weak", reasons=["draft"])], _result(row))
    assert not verdict.right and verdict.false_complete


def test_a_row_is_right_when_its_reasons_include_the_labelled_ones() -> None:
    row = {
        "code": "I4-L1-01",
        "agency": "diskominfo",
        "status": "weak",
        "reasons": ["draft", "gated"],
    }
    (right,) = score_labelled.join([_label("weak", reasons=["draft"])], _result(row))
    (wrong,) = score_labelled.join([_label("weak", reasons=["unsigned"])], _result(row))
    (either,) = score_labelled.join([_label("weak", accept=["weak", "missing"])], _result(row))
    assert right.right and not wrong.right and either.right and not either.false_complete


def test_rows_sharing_a_code_are_told_apart_by_agency_and_absent_rows_are_wrong() -> None:
    rows = [
        {"code": "I4-L1-01", "agency": "bappeda", "status": "complete"},
        {"code": "I4-L1-01", "agency": "diskominfo", "status": "missing"},
    ]
    (verdict,) = score_labelled.join([_label("missing")], _result(*rows))
    (absent,) = score_labelled.join([_label("missing")], _result())
    assert verdict.right and verdict.status == "missing"
    assert not absent.right and absent.status is None
