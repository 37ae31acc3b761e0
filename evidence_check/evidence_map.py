"""Load and validate a requirements map (DESIGN.md, "The map, format version 1").

Validation is driven by the tables below and reports every error, one line each, in one form:
``requirements_map.yaml: indicators[2].evidence[0]: missing key "title"``. This module knows the
map's shape only; what a requirement means is the matcher's and the judge's business.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from evidence_check.models import (
    Agency,
    Band,
    Evaluation,
    Evidence,
    EvidenceMap,
    Indicator,
    Kind,
    Method,
    Scope,
    Scoring,
    Thresholds,
)
from evidence_check.schema import (
    MAPPING,
    TEXT,
    TEXT_LIST,
    Field,
    check,
    is_int,
    is_number,
    is_text,
    is_text_list,
    items,
    load_yaml,
    one_of,
    show,
    yaml_error,
)

#: 1: the first format (DESIGN.md); 2: adds indicator domain/aspect and evaluation.scoring;
#: 3: adds evidence code, kind screenshot, external indicators, scoring.gating, predikat names,
#:    evaluation.region and evaluation.revoked_by (PermenPANRB 8/2026, Pemdi)
SUPPORTED_VERSIONS = (1, 2, 3)
#: kinds a format learned after format 1
_KIND_SINCE = {Kind.SCREENSHOT.value: 3}
DEFAULT_MAP_NAME = "pemdi"
#: shipped map name -> its file in a source checkout; in the wheel every map is `_maps/<name>.yaml`
_SHIPPED = {
    "pemdi": "requirements_map.yaml",
    "spbe-2020": "maps/spbe-2020.yaml",
    "smart-city": "maps/smart-city.yaml",
}
#: names kept working after a map was renamed
_ALIASES = {"spbe": "spbe-2020"}


class MapError(Exception):
    """A map that cannot be used; `lines` holds one message per problem."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


# --- the tables ----------------------------------------------------------------------------------

YEAR = Field("a year such as 2024", lambda v: is_int(v) and 1900 <= v <= 2200)
AGE = Field(
    "a whole number of years (0 or more) or null", lambda v: v is None or (is_int(v) and v >= 0)
)
SCORE = Field("a number from 0 to 100", lambda v: is_number(v) and 0 <= v <= 100)
#: format 3: an evidence item's portal code, e.g. I4-L1-02
CODE = Field(
    "a portal item code such as I4-L1-02 (letters, digits, '-', '.')",
    lambda v: isinstance(v, str) and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9.\-]*", v) is not None,
    since=3,
)


def _is_band(b: Any, version: int) -> bool:
    keys = {"min", "label", "name"} if version >= 3 else {"min", "label"}
    return (
        isinstance(b, dict)
        and {"min", "label"} <= set(b) <= keys
        and is_number(b["min"])
        and is_text(b["label"])
        and (b.get("name") is None or is_text(b["name"]))
    )


def _predikat(version: int) -> Field:
    shape = (
        "{min: number, label: text, name: text (optional)}"
        if version >= 3
        else "{min: number, label: text}"
    )
    return Field(
        f"a list of {shape}",
        lambda v: isinstance(v, list) and all(_is_band(b, version) for b in v),
    )


SCHEMA: dict[str, dict[str, Field]] = {
    "map": {
        "version": Field(
            "a supported format version (" + ", ".join(map(str, SUPPORTED_VERSIONS)) + ")",
            lambda v: is_int(v) and v in SUPPORTED_VERSIONS,
            required=True,
        ),
        "evaluation": Field(MAPPING.expect, MAPPING.accepts, required=True),
        "thresholds": MAPPING,
        "agencies": Field("a non-empty list", lambda v: isinstance(v, list) and v != [], True),
        "indicators": Field("a non-empty list", lambda v: isinstance(v, list) and v != [], True),
    },
    "evaluation": {
        "name": Field(TEXT.expect, TEXT.accepts, required=True),
        "year": Field(YEAR.expect, YEAR.accepts, required=True),
        "max_age_years": AGE,
        "scoring": Field(MAPPING.expect, MAPPING.accepts, since=2),
        "region": Field(TEXT.expect, TEXT.accepts, since=3),
        "revoked_by": Field(TEXT.expect, TEXT.accepts, since=3),
    },
    "scoring": {
        "method": Field(
            "one of " + ", ".join(m.value for m in Method),
            lambda v: v in {m.value for m in Method},
            required=True,
        ),
        "scale": Field(
            "two whole numbers [lowest, highest] such as [1, 5]",
            lambda v: (
                isinstance(v, list)
                and len(v) == 2
                and all(map(is_int, v))
                and 0 <= v[0] < v[1] <= 5
            ),
        ),
        "dimensions": Field(
            "a mapping of dimension names to positive weights",
            lambda v: (
                isinstance(v, dict) and v != {} and all(is_number(w) and w > 0 for w in v.values())
            ),
        ),
        "predikat": _predikat(2),
        "gating": Field("true or false", lambda v: isinstance(v, bool), since=3),
    },
    "thresholds": {"match": SCORE, "near": SCORE},
    "agency": {
        "id": Field(TEXT.expect, TEXT.accepts, required=True),
        "name": Field(TEXT.expect, TEXT.accepts, required=True),
        "aliases": TEXT_LIST,
        # the title of the agency's head, as a memo addresses it ("Inspektur", "Kepala Pelaksana")
        "head": Field(TEXT.expect, TEXT.accepts, since=3),
    },
    "indicator": {
        "id": Field(TEXT.expect, TEXT.accepts, required=True),
        "name": Field(TEXT.expect, TEXT.accepts, required=True),
        "group": TEXT,
        "weight": Field("a positive number", lambda v: is_number(v) and v > 0),
        "evidence": Field("a non-empty list", lambda v: isinstance(v, list) and v != []),
        "domain": Field(TEXT.expect, TEXT.accepts, since=2),
        "aspect": Field(TEXT.expect, TEXT.accepts, since=2),
        "external": Field("the name of the national index it is scored from", is_text, since=3),
    },
    "evidence": {
        "id": Field(TEXT.expect, TEXT.accepts, required=True),
        "title": Field(TEXT.expect, TEXT.accepts, required=True),
        "kind": one_of([k.value for k in Kind]),
        "owners": Field("a non-empty list of agency ids", lambda v: is_text_list(v) and v, True),
        "scope": one_of([s.value for s in Scope]),
        "keywords": TEXT_LIST,
        "must_include": TEXT_LIST,
        "max_age_years": AGE,
        "min_count": Field("a whole number, 1 or more", lambda v: is_int(v) and v >= 1),
        "level": Field("a level from 1 to 5", lambda v: is_int(v) and 1 <= v <= 5),
        "accept_draft": Field("true or false", lambda v: isinstance(v, bool)),
        "code": CODE,
    },
}


# --- loading -------------------------------------------------------------------------------------


def shipped_map_path(name: str) -> Path | None:
    """The path of a map shipped with the tool: inside the wheel, else in the source checkout."""
    name = _ALIASES.get(name, name)
    if name not in _SHIPPED:
        return None
    package = Path(__file__).parent
    in_wheel = package / "_maps" / f"{name}.yaml"
    if in_wheel.is_file():
        return in_wheel
    in_checkout = package.parent / _SHIPPED[name]
    return in_checkout if in_checkout.is_file() else None


def resolve_map(given: str | None) -> Path:
    """`--map` takes a path or a shipped map's name; without it, ./requirements_map.yaml or Pemdi."""
    if given is None:
        local = Path("requirements_map.yaml")
        if local.is_file():
            return local
        given = DEFAULT_MAP_NAME
    path = Path(given)
    if path.is_file():
        return path
    shipped = shipped_map_path(given)
    if shipped is not None:
        return shipped
    names = ", ".join(sorted(_SHIPPED))
    raise MapError([f"{given}: no such file, and not a shipped map ({names})"])


def load_map(path: Path, source: str | None = None) -> EvidenceMap:
    """Read and validate a map; raise MapError with every problem found."""
    label = source or str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MapError([f"{label}: cannot read the map: {exc}"]) from exc
    return parse_map(raw, label)


def parse_map(raw: str, label: str) -> EvidenceMap:
    try:
        data = load_yaml(raw)
    except (yaml.YAMLError, RecursionError) as exc:
        raise MapError([yaml_error(raw, label, exc, "requirements map")]) from exc
    errors = [
        f"{label}: {place}: {message}" if place else f"{label}: {message}"
        for place, message in _validate(data)
    ]
    if errors:
        raise MapError(errors)
    return _build(data, label)


def _check(
    data: dict[str, Any], table: str, place: str, version: int = 1
) -> Iterator[tuple[str, str]]:
    fields = SCHEMA[table]
    if table == "scoring":
        fields = {**fields, "predikat": _predikat(version)}
    elif table == "evidence":
        kinds = [k.value for k in Kind if _KIND_SINCE.get(k.value, 1) <= version]
        fields = {**fields, "kind": one_of(kinds)}
        kind = data.get("kind")
        since = _KIND_SINCE.get(kind) if isinstance(kind, str) else None
        if since is not None and since > version:
            yield f"{place}.kind", f'kind "{data["kind"]}" needs format version {since} or later'
            data = {k: v for k, v in data.items() if k != "kind"}
    yield from check(data, fields, place, version)


def _validate(data: Any) -> Iterator[tuple[str, str]]:
    if not isinstance(data, dict):
        yield (
            "",
            f"expected a mapping with version, evaluation, agencies and indicators, got {show(data)}",
        )
        return
    yield from _check(data, "map", "")
    version = data["version"] if data.get("version") in SUPPORTED_VERSIONS else 1
    scoring = None
    if isinstance(data.get("evaluation"), dict):
        yield from _check(data["evaluation"], "evaluation", "evaluation", version)
        if version >= 2 and isinstance(data["evaluation"].get("scoring"), dict):
            scoring = data["evaluation"]["scoring"]
            yield from _check(scoring, "scoring", "evaluation.scoring", version)
            if scoring.get("method") == Method.DIMENSION_MEAN.value and "dimensions" not in scoring:
                yield (
                    "evaluation.scoring",
                    'missing key "dimensions" (the dimension-mean method needs it)',
                )
    if isinstance(data.get("thresholds"), dict):
        yield from _check(data["thresholds"], "thresholds", "thresholds")
        match, near = data["thresholds"].get("match", 80), data["thresholds"].get("near", 60)
        if is_number(match) and is_number(near) and near > match:
            yield "thresholds.near", f"expected a number not above match ({match}), got {near}"
    agency_ids: dict[str, str] = {}
    for i, agency in enumerate(items(data.get("agencies"))):
        place = f"agencies[{i}]"
        if not isinstance(agency, dict):
            yield place, f"expected a mapping with id and name, got {show(agency)}"
            continue
        yield from _check(agency, "agency", place, version)
        yield from _unique(agency.get("id"), f"{place}.id", agency_ids)
    indicator_ids: dict[str, str] = {}
    evidence_ids: dict[str, str] = {}
    codes: dict[str, str] = {}
    for i, indicator in enumerate(items(data.get("indicators"))):
        place = f"indicators[{i}]"
        if not isinstance(indicator, dict):
            yield place, f"expected a mapping with id, name and evidence, got {show(indicator)}"
            continue
        yield from _check(indicator, "indicator", place, version)
        yield from _unique(indicator.get("id"), f"{place}.id", indicator_ids)
        if scoring is not None:
            yield from _check_scored(indicator, place, scoring)
        if is_text(indicator.get("external")) and indicator.get("evidence"):
            yield (
                f"{place}.evidence",
                "expected no evidence: an external indicator is scored from its national index",
            )
        for j, item in enumerate(items(indicator.get("evidence"))):
            where = f"{place}.evidence[{j}]"
            if not isinstance(item, dict):
                yield where, f"expected a mapping with id, title and owners, got {show(item)}"
                continue
            yield from _check(item, "evidence", where, version)
            yield from _unique(item.get("id"), f"{where}.id", evidence_ids)
            if version >= 3:
                yield from _unique(item.get("code"), f"{where}.code", codes, "code")
            owners = item.get("owners")
            if isinstance(owners, list) and is_text_list(owners):
                for k, owner in enumerate(owners):
                    if owner not in agency_ids:
                        yield f"{where}.owners[{k}]", f'"{owner}" is not an agency id of this map'


def _check_scored(
    indicator: dict[str, Any], place: str, scoring: dict[str, Any]
) -> Iterator[tuple[str, str]]:
    """What a scored map asks of each indicator: a weight, a dimension, levels on the scale."""
    method = scoring.get("method")
    if method == Method.WEIGHTED_LEVELS.value and "weight" not in indicator:
        yield place, 'missing key "weight" (the weighted-levels method needs it)'
    dimensions = scoring.get("dimensions")
    if method == Method.DIMENSION_MEAN.value and isinstance(dimensions, dict):
        group = indicator.get("group")
        if group not in dimensions:
            names = ", ".join(map(str, dimensions))
            yield (
                f"{place}.group",
                f"expected one of the scoring dimensions ({names}), got {show(group)}",
            )
    scale = scoring.get("scale", [1, 5])
    top: int = scale[1] if isinstance(scale, list) and len(scale) == 2 and is_int(scale[1]) else 5
    for j, item in enumerate(items(indicator.get("evidence"))):
        level = item.get("level") if isinstance(item, dict) else None
        if isinstance(level, int) and not isinstance(level, bool) and level > top:
            yield (
                f"{place}.evidence[{j}].level",
                f"expected a level within the scale (at most {top}), got {level}",
            )


def _unique(
    value: Any, place: str, seen: dict[str, str], what: str = "id"
) -> Iterator[tuple[str, str]]:
    if not is_text(value):
        return
    if value in seen:
        yield place, f'duplicate {what} "{value}" (first used at {seen[value]})'
    else:
        seen[value] = place


def _build(data: dict[str, Any], label: str) -> EvidenceMap:
    evaluation = data["evaluation"]
    default_age = evaluation.get("max_age_years")
    thresholds = data.get("thresholds") or {}
    return EvidenceMap(
        source=label,
        version=data["version"],
        evaluation=Evaluation(
            name=evaluation["name"],
            year=evaluation["year"],
            max_age_years=default_age,
            scoring=_scoring(evaluation.get("scoring")),
            region=evaluation.get("region"),
            revoked_by=evaluation.get("revoked_by"),
        ),
        thresholds=Thresholds(
            match=float(thresholds.get("match", 80)), near=float(thresholds.get("near", 60))
        ),
        agencies=tuple(
            Agency(
                id=a["id"],
                name=a["name"],
                aliases=tuple(a.get("aliases") or ()),
                head=a.get("head"),
            )
            for a in data["agencies"]
        ),
        indicators=tuple(
            Indicator(
                id=ind["id"],
                name=ind["name"],
                group=ind.get("group"),
                weight=float(ind["weight"]) if "weight" in ind else None,
                evidence=tuple(_evidence(e, default_age) for e in ind.get("evidence") or ()),
                domain=ind.get("domain"),
                aspect=ind.get("aspect"),
                external=ind.get("external"),
            )
            for ind in data["indicators"]
        ),
    )


def _scoring(data: dict[str, Any] | None) -> Scoring | None:
    if data is None:
        return None
    scale = data.get("scale", [1, 5])
    bands = sorted(
        (
            Band(min=float(b["min"]), label=b["label"], name=b.get("name"))
            for b in data.get("predikat") or ()
        ),
        key=lambda b: -b.min,
    )
    return Scoring(
        method=Method(data["method"]),
        scale=(scale[0], scale[1]),
        dimensions=tuple((str(k), float(v)) for k, v in (data.get("dimensions") or {}).items()),
        bands=tuple(bands),
        gating=bool(data.get("gating", False)),
    )


def _evidence(item: dict[str, Any], default_age: int | None) -> Evidence:
    return Evidence(
        id=item["id"],
        title=item["title"],
        kind=Kind(item.get("kind", Kind.OTHER.value)),
        owners=tuple(item["owners"]),
        scope=Scope(item.get("scope", Scope.SHARED.value)),
        keywords=tuple(item.get("keywords") or ()),
        must_include=tuple(item.get("must_include") or ()),
        # an explicit null means "no limit"; an absent key inherits the evaluation's window
        max_age_years=item.get("max_age_years", default_age),
        min_count=item.get("min_count", 1),
        level=item.get("level"),
        accept_draft=item.get("accept_draft", False),
        code=item.get("code"),
    )
