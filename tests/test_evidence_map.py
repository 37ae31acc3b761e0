"""The requirements map loader: what a map author sees when the map is right or wrong.

Error lines are asserted verbatim: they are the contract of `evidence-check map check` (DESIGN.md,
"The map, format version 1"), and a map author fixes the file by reading them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidence_check.cli import main
from evidence_check.evidence_map import SCHEMA, MapError, load_map, parse_map
from evidence_check.models import EvidenceMap, Kind, Scope

LABEL = "requirements_map.yaml"
REPO = Path(__file__).resolve().parents[1]

VALID: dict[str, Any] = {
    "version": 1,
    "evaluation": {"name": "Evaluasi SPBE 2024", "year": 2024, "max_age_years": 5},
    "agencies": [
        {"id": "diskominfo", "name": "Dinas Komunikasi dan Informatika", "aliases": ["Kominfo"]},
        {"id": "bag-hukum", "name": "Bagian Hukum"},
        {"id": "inspektorat", "name": "Inspektorat Daerah"},
    ],
    "indicators": [
        {
            "id": "SPBE-01",
            "name": "Kebijakan Internal Arsitektur SPBE",
            "evidence": [
                {
                    "id": "arsitektur-perbup",
                    "title": "Peraturan Bupati tentang Arsitektur SPBE",
                    "owners": ["bag-hukum", "diskominfo"],
                },
                {
                    "id": "reviu-arsitektur",
                    "title": "Laporan Reviu Arsitektur SPBE",
                    "owners": ["inspektorat"],
                    "max_age_years": None,
                },
            ],
        }
    ],
}


def dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def errors_after(change: Callable[[dict[str, Any]], Any]) -> list[str]:
    """The error lines of the valid map after `change`; fails if the map still loads."""
    data = copy.deepcopy(VALID)
    change(data)
    return errors_of(dump(data))


def errors_of(raw: str) -> list[str]:
    with pytest.raises(MapError) as caught:
        parse_map(raw, LABEL)
    return caught.value.lines


def evidence(data: dict[str, Any], i: int = 0) -> dict[str, Any]:
    item: dict[str, Any] = data["indicators"][0]["evidence"][i]
    return item


# --- a valid map and its defaults ----------------------------------------------------------------


def test_valid_map_loads_with_everything_the_author_wrote() -> None:
    """A correct map must load; otherwise every audit stops at exit 2."""
    loaded = parse_map(dump(VALID), LABEL)
    assert isinstance(loaded, EvidenceMap)
    assert loaded.source == LABEL
    assert loaded.evaluation.name == "Evaluasi SPBE 2024"
    assert loaded.evaluation.year == 2024
    assert [a.id for a in loaded.agencies] == ["diskominfo", "bag-hukum", "inspektorat"]
    assert loaded.agencies[0].aliases == ("Kominfo",)
    assert loaded.agencies[1].aliases == ()
    first = loaded.indicators[0].evidence[0]
    assert first.owners == ("bag-hukum", "diskominfo")
    assert first.title == "Peraturan Bupati tentang Arsitektur SPBE"


def test_optional_keys_take_the_documented_defaults() -> None:
    """Omitted keys must mean what DESIGN.md says, or rows are judged by the wrong rules."""
    loaded = parse_map(dump(VALID), LABEL)
    item = loaded.indicators[0].evidence[0]
    assert item.kind is Kind.OTHER
    assert item.scope is Scope.SHARED
    assert item.min_count == 1
    assert item.keywords == ()
    assert item.must_include == ()
    assert item.level is None
    assert item.accept_draft is False
    assert loaded.thresholds.match == 80
    assert loaded.thresholds.near == 60


def test_absent_max_age_inherits_the_evaluation_window() -> None:
    """An evidence item without max_age_years must still be checked against the default window."""
    loaded = parse_map(dump(VALID), LABEL)
    assert loaded.evaluation.max_age_years == 5
    assert loaded.indicators[0].evidence[0].max_age_years == 5


def test_explicit_null_max_age_means_no_limit() -> None:
    """`max_age_years: null` on a regulation must disable the age check, not inherit 5 years."""
    loaded = parse_map(dump(VALID), LABEL)
    assert loaded.indicators[0].evidence[1].max_age_years is None


def test_explicit_values_override_the_defaults() -> None:
    data = copy.deepcopy(VALID)
    evidence(data).update(
        kind="regulation",
        scope="each",
        min_count=4,
        level=3,
        keywords=["Arsitektur SPBE"],
        must_include=["Peraturan Bupati"],
        max_age_years=2,
        accept_draft=True,
    )
    data["thresholds"] = {"match": 85, "near": 70}
    loaded = parse_map(dump(data), LABEL)
    item = loaded.indicators[0].evidence[0]
    assert item.kind is Kind.REGULATION
    assert item.scope is Scope.EACH
    assert (item.min_count, item.level, item.max_age_years) == (4, 3, 2)
    assert item.keywords == ("Arsitektur SPBE",)
    assert item.must_include == ("Peraturan Bupati",)
    assert item.accept_draft is True
    assert (loaded.thresholds.match, loaded.thresholds.near) == (85, 70)


# --- missing keys, at every level ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.pop("version"), 'requirements_map.yaml: missing key "version"'),
        (lambda d: d.pop("evaluation"), 'requirements_map.yaml: missing key "evaluation"'),
        (lambda d: d.pop("indicators"), 'requirements_map.yaml: missing key "indicators"'),
        (
            lambda d: d["evaluation"].pop("name"),
            'requirements_map.yaml: evaluation: missing key "name"',
        ),
        (
            lambda d: d["evaluation"].pop("year"),
            'requirements_map.yaml: evaluation: missing key "year"',
        ),
        (
            lambda d: d["agencies"][1].pop("name"),
            'requirements_map.yaml: agencies[1]: missing key "name"',
        ),
        (
            lambda d: d["indicators"][0].pop("id"),
            'requirements_map.yaml: indicators[0]: missing key "id"',
        ),
        (
            lambda d: d["indicators"][0].pop("name"),
            'requirements_map.yaml: indicators[0]: missing key "name"',
        ),
        (
            lambda d: evidence(d).pop("id"),
            'requirements_map.yaml: indicators[0].evidence[0]: missing key "id"',
        ),
        (
            lambda d: evidence(d).pop("title"),
            'requirements_map.yaml: indicators[0].evidence[0]: missing key "title"',
        ),
        (
            lambda d: evidence(d, 1).pop("owners"),
            'requirements_map.yaml: indicators[0].evidence[1]: missing key "owners"',
        ),
    ],
    ids=[
        "version",
        "evaluation",
        "indicators",
        "evaluation.name",
        "evaluation.year",
        "agency.name",
        "indicator.id",
        "indicator.name",
        "evidence.id",
        "evidence.title",
        "evidence.owners",
    ],
)
def test_missing_required_key_is_named_with_its_place(
    change: Callable[[dict[str, Any]], Any], expected: str
) -> None:
    """A map author must see which required key is missing and where, in the one stable form."""
    assert errors_after(change) == [expected]


def test_missing_agency_id_is_named_with_its_place() -> None:
    """The inspektorat agency is owner of evidence[1]: its missing id also orphans that owner."""
    data = copy.deepcopy(VALID)
    del data["agencies"][2]["id"]
    assert errors_of(dump(data)) == [
        'requirements_map.yaml: agencies[2]: missing key "id"',
        'requirements_map.yaml: indicators[0].evidence[1].owners[0]: "inspektorat" is not an '
        "agency id of this map",
    ]


def test_missing_agencies_list_is_named() -> None:
    data = copy.deepcopy(VALID)
    del data["agencies"]
    assert errors_of(dump(data))[0] == 'requirements_map.yaml: missing key "agencies"'


# --- unknown keys and wrong types ----------------------------------------------------------------


def test_unknown_top_level_key_lists_the_expected_keys() -> None:
    """A typo at the top ("indikators") must be reported, not silently ignored."""
    assert errors_after(lambda d: d.update(indikators=[])) == [
        'requirements_map.yaml: unknown key "indikators" (expected one of: version, evaluation, '
        "thresholds, agencies, indicators)"
    ]


def test_unknown_evidence_key_lists_the_expected_keys() -> None:
    """A misspelt "min_cont" must not silently fall back to min_count 1."""
    assert errors_after(lambda d: evidence(d).update(min_cont=4)) == [
        'requirements_map.yaml: indicators[0].evidence[0]: unknown key "min_cont" (expected one '
        "of: id, title, kind, owners, scope, keywords, must_include, max_age_years, min_count, "
        "level, accept_draft)"
    ]


def test_unknown_evaluation_key_is_reported() -> None:
    assert errors_after(lambda d: d["evaluation"].update(tahun=2024)) == [
        'requirements_map.yaml: evaluation: unknown key "tahun" (expected one of: name, year, '
        "max_age_years)"
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["evaluation"].update(year="2024"),
            'requirements_map.yaml: evaluation.year: expected a year such as 2024, got "2024"',
        ),
        (
            lambda d: evidence(d).update(min_count=0),
            "requirements_map.yaml: indicators[0].evidence[0].min_count: expected a whole number, "
            "1 or more, got 0",
        ),
        (
            lambda d: evidence(d).update(kind="law"),
            "requirements_map.yaml: indicators[0].evidence[0].kind: expected one of regulation, "
            'decree, report, minutes, plan, sop, other, got "law"',
        ),
        (
            lambda d: evidence(d).update(level=6),
            "requirements_map.yaml: indicators[0].evidence[0].level: expected a level from 1 to 5, "
            "got 6",
        ),
        (
            lambda d: evidence(d).update(keywords="Arsitektur SPBE"),
            "requirements_map.yaml: indicators[0].evidence[0].keywords: expected a list of "
            'strings, got "Arsitektur SPBE"',
        ),
        (
            lambda d: evidence(d).update(scope="all"),
            "requirements_map.yaml: indicators[0].evidence[0].scope: expected one of shared, each, "
            'got "all"',
        ),
        (
            lambda d: evidence(d).update(accept_draft="yes please"),
            "requirements_map.yaml: indicators[0].evidence[0].accept_draft: expected true or "
            'false, got "yes please"',
        ),
        (
            lambda d: evidence(d).update(max_age_years=-1),
            "requirements_map.yaml: indicators[0].evidence[0].max_age_years: expected a whole "
            "number of years (0 or more) or null, got -1",
        ),
        (
            lambda d: evidence(d).update(owners=[]),
            "requirements_map.yaml: indicators[0].evidence[0].owners: expected a non-empty list of "
            "agency ids, got an empty list",
        ),
        (
            lambda d: d["indicators"][0].update(weight=0),
            "requirements_map.yaml: indicators[0].weight: expected a positive number, got 0",
        ),
        (
            lambda d: d["indicators"][0].update(evidence=[]),
            "requirements_map.yaml: indicators[0].evidence: expected a non-empty list, got an "
            "empty list",
        ),
        (
            lambda d: d["agencies"].append("kominfo"),
            "requirements_map.yaml: agencies[3]: expected a mapping with id and name, "
            'got "kominfo"',
        ),
        (
            lambda d: d.update(thresholds={"match": 120}),
            "requirements_map.yaml: thresholds.match: expected a number from 0 to 100, got 120",
        ),
    ],
    ids=[
        "year-as-string",
        "min_count-0",
        "kind-not-in-set",
        "level-6",
        "keywords-not-a-list",
        "scope-not-in-set",
        "accept_draft-not-bool",
        "max_age-negative",
        "owners-empty",
        "weight-zero",
        "evidence-empty",
        "agency-not-mapping",
        "threshold-above-100",
    ],
)
def test_wrong_type_names_place_expectation_and_value(
    change: Callable[[dict[str, Any]], Any], expected: str
) -> None:
    """A map author must see the key, what it should be and what was written."""
    assert errors_after(change) == [expected]


# --- cross-references and versions ---------------------------------------------------------------


def test_duplicate_agency_id_points_to_the_first_use() -> None:
    """Two agencies with one id would make folder resolution ambiguous."""
    assert errors_after(
        lambda d: d["agencies"].append({"id": "diskominfo", "name": "Kominfo"})
    ) == [
        'requirements_map.yaml: agencies[3].id: duplicate id "diskominfo" (first used at '
        "agencies[0].id)"
    ]


def test_duplicate_indicator_id_points_to_the_first_use() -> None:
    assert errors_after(lambda d: d["indicators"].append({"id": "SPBE-01", "name": "Lagi"})) == [
        'requirements_map.yaml: indicators[1].id: duplicate id "SPBE-01" (first used at '
        "indicators[0].id)"
    ]


def test_duplicate_evidence_id_across_indicators_points_to_the_first_use() -> None:
    """Evidence ids are unique across the map: reports and JSON rows key on them."""
    extra = {
        "id": "SPBE-02",
        "name": "Peta Rencana",
        "evidence": [
            {"id": "arsitektur-perbup", "title": "Peta Rencana", "owners": ["diskominfo"]}
        ],
    }
    assert errors_after(lambda d: d["indicators"].append(extra)) == [
        'requirements_map.yaml: indicators[1].evidence[0].id: duplicate id "arsitektur-perbup" '
        "(first used at indicators[0].evidence[0].id)"
    ]


def test_owner_that_names_no_agency_is_reported_at_its_index() -> None:
    """A typo in owners would otherwise give a row no folder can ever satisfy."""
    assert errors_after(lambda d: evidence(d).update(owners=["bag-hukum", "bappeda"])) == [
        'requirements_map.yaml: indicators[0].evidence[0].owners[1]: "bappeda" is not an agency '
        "id of this map"
    ]


def test_near_threshold_above_match_is_reported() -> None:
    assert errors_after(lambda d: d.update(thresholds={"match": 70, "near": 75})) == [
        "requirements_map.yaml: thresholds.near: expected a number not above match (70), got 75"
    ]


def test_near_above_default_match_is_reported() -> None:
    """Only `near` given: it is compared with the default match of 80."""
    assert errors_after(lambda d: d.update(thresholds={"near": 90})) == [
        "requirements_map.yaml: thresholds.near: expected a number not above match (80), got 90"
    ]


@pytest.mark.parametrize(
    ("version", "shown"), [(4, "4"), ("1", '"1"'), (0, "0")], ids=["4", "string", "0"]
)
def test_unsupported_version_is_reported(version: Any, shown: str) -> None:
    """A map written for a newer tool must be refused with a message, not misread."""
    assert errors_after(lambda d: d.update(version=version)) == [
        f"requirements_map.yaml: version: expected a supported format version (1, 2, 3), got {shown}"
    ]


# --- files that are not maps ---------------------------------------------------------------------


def test_yaml_syntax_error_gives_file_line_column() -> None:
    """A broken bracket must point the author to the line and column."""
    raw = "version: 1\nevaluation:\n  name: [unclosed\n  year: 2024\n"
    assert errors_of(raw) == ["requirements_map.yaml:4:7: expected ',' or ']', but got ':'"]


def test_bad_indentation_gives_file_line_column() -> None:
    raw = "version: 1\n  evaluation: x\n"
    assert errors_of(raw) == ["requirements_map.yaml:2:13: mapping values are not allowed here"]


def test_tab_indentation_gives_file_line_column() -> None:
    """Tabs typed by a Notepad user are a common slip; the message must say where."""
    raw = "version: 1\n\tevaluation: x\n"
    assert errors_of(raw) == [
        "requirements_map.yaml:2:1: found character '\\t' that cannot start any token"
    ]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [("- a\n- b\n", "a list"), ("hello\n", '"hello"'), ("", "null"), ("42\n", "42")],
    ids=["list", "string", "empty-file", "number"],
)
def test_top_level_that_is_not_a_mapping_is_one_clear_line(raw: str, shown: str) -> None:
    assert errors_of(raw) == [
        "requirements_map.yaml: expected a mapping with version, evaluation, agencies and "
        f"indicators, got {shown}"
    ]


def test_stray_control_character_gives_one_line_naming_the_file() -> None:
    """Every error is one line (DESIGN.md); a NUL pasted into the map must not print two lines
    or leak the loader's internal "<unicode string>" name."""
    lines = errors_of("version: 1\nevaluation:\x00\n")
    assert len(lines) == 1
    assert lines[0].startswith("requirements_map.yaml:")
    assert "\n" not in lines[0]
    assert "<unicode string>" not in lines[0]


def test_deeply_nested_file_is_a_map_error_not_a_crash() -> None:
    """A pathological file must end in exit 2 with a message, not an internal error (exit 3)."""
    depth = 2000
    lines = errors_of("[" * depth + "]" * depth)
    assert lines
    assert all(line.startswith("requirements_map.yaml") for line in lines)


def test_every_error_is_reported_not_only_the_first() -> None:
    """An author fixing one error per run would need many runs; all errors come at once."""

    def break_three_places(d: dict[str, Any]) -> None:
        d["evaluation"]["year"] = "x"
        d["agencies"].append({"id": "diskominfo", "name": "Kominfo"})
        del evidence(d)["title"]
        evidence(d, 1)["level"] = 9

    assert errors_after(break_three_places) == [
        'requirements_map.yaml: evaluation.year: expected a year such as 2024, got "x"',
        'requirements_map.yaml: agencies[3].id: duplicate id "diskominfo" (first used at '
        "agencies[0].id)",
        'requirements_map.yaml: indicators[0].evidence[0]: missing key "title"',
        "requirements_map.yaml: indicators[0].evidence[1].level: expected a level from 1 to 5, "
        "got 9",
    ]


def test_map_error_message_joins_the_lines() -> None:
    data = copy.deepcopy(VALID)
    del data["version"]
    del data["evaluation"]
    with pytest.raises(MapError) as caught:
        parse_map(dump(data), LABEL)
    assert str(caught.value) == "\n".join(caught.value.lines)
    assert len(caught.value.lines) == 2


def test_load_map_uses_the_given_source_as_label(tmp_path: Path) -> None:
    path = tmp_path / "peta.yaml"
    path.write_text("version: 9\n", encoding="utf-8")
    with pytest.raises(MapError) as caught:
        load_map(path, source="peta.yaml")
    assert caught.value.lines[0] == (
        "peta.yaml: version: expected a supported format version (1, 2, 3), got 9"
    )


def test_load_map_reports_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    """A map saved in ANSI (cp1252) by an old editor must give exit 2 with the file named."""
    path = tmp_path / "peta.yaml"
    path.write_bytes("version: 1\nevaluation: {name: Évaluasi}\n".encode("cp1252"))
    with pytest.raises(MapError) as caught:
        load_map(path)
    assert len(caught.value.lines) == 1
    assert caught.value.lines[0].startswith(f"{path}: cannot read the map: ")


# --- the command line ----------------------------------------------------------------------------


def test_map_check_prints_every_error_on_stderr_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = copy.deepcopy(VALID)
    del evidence(data)["title"]
    evidence(data)["kind"] = "law"
    monkeypatch.chdir(tmp_path)
    Path(LABEL).write_text(dump(data), encoding="utf-8")
    result = CliRunner().invoke(main, ["map", "check", LABEL])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        'requirements_map.yaml: indicators[0].evidence[0]: missing key "title"',
        "requirements_map.yaml: indicators[0].evidence[0].kind: expected one of regulation, "
        'decree, report, minutes, plan, sop, other, got "law"',
    ]
    assert result.stdout == ""


def test_map_check_reports_a_syntax_error_with_line_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(LABEL).write_text("version: 1\nevaluation:\n  name: [unclosed\n  year: 2024\n")
    result = CliRunner().invoke(main, ["map", "check", LABEL])
    assert result.exit_code == 2
    assert result.stderr == "requirements_map.yaml:4:7: expected ',' or ']', but got ':'\n"


def test_map_check_accepts_a_valid_map_with_exit_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(LABEL).write_text(dump(VALID), encoding="utf-8")
    result = CliRunner().invoke(main, ["map", "check", LABEL])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert LABEL in result.stdout


def test_map_check_on_a_missing_file_exits_2_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["map", "check", "tidak-ada.yaml"])
    assert result.exit_code == 2
    assert result.stderr.startswith("tidak-ada.yaml: no such file")


# --- the shipped maps ----------------------------------------------------------------------------


@pytest.mark.parametrize("relative", ["maps/spbe-2020.yaml", "maps/smart-city.yaml"])
def test_shipped_map_loads_without_error(relative: str) -> None:
    """A shipped map that does not load breaks every audit run with the default --map."""
    path = REPO / relative
    assert path.is_file(), f"the shipped map {relative} is missing from the repository"
    loaded = load_map(path)
    assert loaded.indicators
    assert loaded.agencies


# --- fuzz ----------------------------------------------------------------------------------------

_KEYS = sorted({key for table in SCHEMA.values() for key in table})
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-3, max_value=2300)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8)
    | st.sampled_from(["diskominfo", "bag-hukum", "regulation", "each", "SPBE-01", ""])
)
_TREES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=25,
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _assert_map_or_map_error(raw: str) -> None:
    try:
        loaded = parse_map(raw, LABEL)
    except MapError as exc:
        assert exc.lines
        assert all(line.startswith(LABEL) for line in exc.lines)
    else:
        assert isinstance(loaded, EvidenceMap)


_FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FUZZ
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}'\"#&*!|>,?% \n\t01.")), max_size=60))
def test_yamlish_text_gives_a_map_or_a_map_error(raw: str) -> None:
    """Whatever an editor leaves in the file, the user gets exit 0 or 2, never an internal error."""
    _assert_map_or_map_error(raw)


@_FUZZ
@given(st.text(max_size=40))
def test_any_text_gives_a_map_or_a_map_error(raw: str) -> None:
    _assert_map_or_map_error(raw)


@_FUZZ
@given(_TREES)
def test_any_nested_structure_gives_a_map_or_a_map_error(tree: Any) -> None:
    _assert_map_or_map_error(dump(tree))


@_FUZZ
@given(st.data())
def test_valid_map_with_one_value_replaced_gives_a_map_or_a_map_error(data: st.DataObject) -> None:
    """Replacing any one value of a valid map reaches every validator, not only the top level."""
    tree = copy.deepcopy(VALID)
    where = data.draw(st.sampled_from(_paths(tree)[1:]))
    replacement = data.draw(_TREES)
    parent: Any = tree
    for step in where[:-1]:
        parent = parent[step]
    parent[where[-1]] = replacement
    _assert_map_or_map_error(dump(tree))
