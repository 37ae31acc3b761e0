"""Load and validate a requirements map (DESIGN.md, "The map, format version 1").

Validation is driven by the tables below and reports every error, one line each, in one form:
``requirements_map.yaml: indicators[2].evidence[0]: missing key "title"``. This module knows the
map's shape only; what a requirement means is the matcher's and the judge's business.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
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

#: 1: the first format (DESIGN.md); 2: adds indicator domain/aspect and evaluation.scoring
SUPPORTED_VERSIONS = (1, 2)
#: libyaml's safe loader where PyYAML was built with it (ten times faster), else PyYAML's own
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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


@dataclass(frozen=True)
class Field:
    expect: str
    accepts: Callable[[Any], bool]
    required: bool = False
    #: the first format version that knows the key
    since: int = 1


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return (isinstance(v, int | float)) and not isinstance(v, bool)


def _is_text(v: Any) -> bool:
    return isinstance(v, str) and v.strip() != ""


def _is_text_list(v: Any) -> bool:
    return isinstance(v, list) and all(_is_text(x) for x in v)


def _one_of(values: list[str]) -> Field:
    return Field("one of " + ", ".join(values), lambda v: v in values)


TEXT = Field("a non-empty string", _is_text)
TEXT_LIST = Field("a list of strings", _is_text_list)
YEAR = Field("a year such as 2024", lambda v: _is_int(v) and 1900 <= v <= 2200)
AGE = Field(
    "a whole number of years (0 or more) or null", lambda v: v is None or (_is_int(v) and v >= 0)
)
SCORE = Field("a number from 0 to 100", lambda v: _is_number(v) and 0 <= v <= 100)
MAPPING = Field("a mapping", lambda v: isinstance(v, dict))
LIST = Field("a list", lambda v: isinstance(v, list))

SCHEMA: dict[str, dict[str, Field]] = {
    "map": {
        "version": Field(
            "a supported format version (" + ", ".join(map(str, SUPPORTED_VERSIONS)) + ")",
            lambda v: _is_int(v) and v in SUPPORTED_VERSIONS,
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
                and all(map(_is_int, v))
                and 0 <= v[0] < v[1] <= 5
            ),
        ),
        "dimensions": Field(
            "a mapping of dimension names to positive weights",
            lambda v: (
                isinstance(v, dict) and v != {} and all(_is_number(w) and w > 0 for w in v.values())
            ),
        ),
        "predikat": Field(
            "a list of {min: number, label: text}",
            lambda v: (
                isinstance(v, list)
                and all(
                    isinstance(b, dict)
                    and set(b) == {"min", "label"}
                    and _is_number(b["min"])
                    and _is_text(b["label"])
                    for b in v
                )
            ),
        ),
    },
    "thresholds": {"match": SCORE, "near": SCORE},
    "agency": {
        "id": Field(TEXT.expect, TEXT.accepts, required=True),
        "name": Field(TEXT.expect, TEXT.accepts, required=True),
        "aliases": TEXT_LIST,
    },
    "indicator": {
        "id": Field(TEXT.expect, TEXT.accepts, required=True),
        "name": Field(TEXT.expect, TEXT.accepts, required=True),
        "group": TEXT,
        "weight": Field("a positive number", lambda v: _is_number(v) and v > 0),
        "evidence": Field("a non-empty list", lambda v: isinstance(v, list) and v != []),
        "domain": Field(TEXT.expect, TEXT.accepts, since=2),
        "aspect": Field(TEXT.expect, TEXT.accepts, since=2),
    },
    "evidence": {
        "id": Field(TEXT.expect, TEXT.accepts, required=True),
        "title": Field(TEXT.expect, TEXT.accepts, required=True),
        "kind": _one_of([k.value for k in Kind]),
        "owners": Field("a non-empty list of agency ids", lambda v: _is_text_list(v) and v, True),
        "scope": _one_of([s.value for s in Scope]),
        "keywords": TEXT_LIST,
        "must_include": TEXT_LIST,
        "max_age_years": AGE,
        "min_count": Field("a whole number, 1 or more", lambda v: _is_int(v) and v >= 1),
        "level": Field("a level from 1 to 5", lambda v: _is_int(v) and 1 <= v <= 5),
        "accept_draft": Field("true or false", lambda v: isinstance(v, bool)),
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


def _parse_yaml(raw: str) -> Any:
    """libyaml for speed; on an error, PyYAML's own parser again for its clearer message."""
    try:
        return yaml.load(raw, Loader=_SafeLoader)
    except yaml.YAMLError:
        return yaml.load(raw, Loader=yaml.SafeLoader)


def parse_map(raw: str, label: str) -> EvidenceMap:
    try:
        data = _parse_yaml(raw)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{label}:{mark.line + 1}:{mark.column + 1}" if mark else label
        raise MapError([f"{where}: {exc.problem or exc}"]) from exc
    except yaml.reader.ReaderError as exc:
        line = raw.count("\n", 0, exc.position) + 1
        column = exc.position - (raw.rfind("\n", 0, exc.position) + 1) + 1
        character = (
            f"#x{exc.character:04x}" if isinstance(exc.character, int) else repr(exc.character)
        )
        raise MapError(
            [f"{label}:{line}:{column}: unacceptable character {character}: {exc.reason}"]
        ) from exc
    except yaml.YAMLError as exc:
        raise MapError([f"{label}: {' '.join(str(exc).split())}"]) from exc
    except RecursionError as exc:
        raise MapError([f"{label}: the map is nested too deeply to be a requirements map"]) from exc
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
    fields = {k: f for k, f in SCHEMA[table].items() if f.since <= version}
    for key in data:
        newer = SCHEMA[table].get(key)
        if newer is not None and key not in fields:
            yield place, f'key "{key}" needs format version {newer.since} or later'
        elif key not in fields:
            yield place, f'unknown key "{key}" (expected one of: {", ".join(fields)})'
    for key, spec in fields.items():
        where = f"{place}.{key}" if place else key
        if key not in data:
            if spec.required:
                yield place, f'missing key "{key}"'
        elif not spec.accepts(data[key]):
            yield where, f"expected {spec.expect}, got {_show(data[key])}"


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    return str(value)


def _validate(data: Any) -> Iterator[tuple[str, str]]:
    if not isinstance(data, dict):
        yield (
            "",
            f"expected a mapping with version, evaluation, agencies and indicators, got {_show(data)}",
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
        if _is_number(match) and _is_number(near) and near > match:
            yield "thresholds.near", f"expected a number not above match ({match}), got {near}"
    agency_ids: dict[str, str] = {}
    for i, agency in enumerate(_items(data.get("agencies"))):
        place = f"agencies[{i}]"
        if not isinstance(agency, dict):
            yield place, f"expected a mapping with id and name, got {_show(agency)}"
            continue
        yield from _check(agency, "agency", place)
        yield from _unique(agency.get("id"), f"{place}.id", agency_ids)
    indicator_ids: dict[str, str] = {}
    evidence_ids: dict[str, str] = {}
    for i, indicator in enumerate(_items(data.get("indicators"))):
        place = f"indicators[{i}]"
        if not isinstance(indicator, dict):
            yield place, f"expected a mapping with id, name and evidence, got {_show(indicator)}"
            continue
        yield from _check(indicator, "indicator", place, version)
        yield from _unique(indicator.get("id"), f"{place}.id", indicator_ids)
        if scoring is not None:
            yield from _check_scored(indicator, place, scoring)
        for j, item in enumerate(_items(indicator.get("evidence"))):
            where = f"{place}.evidence[{j}]"
            if not isinstance(item, dict):
                yield where, f"expected a mapping with id, title and owners, got {_show(item)}"
                continue
            yield from _check(item, "evidence", where)
            yield from _unique(item.get("id"), f"{where}.id", evidence_ids)
            owners = item.get("owners")
            if isinstance(owners, list) and _is_text_list(owners):
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
                f"expected one of the scoring dimensions ({names}), got {_show(group)}",
            )
    scale = scoring.get("scale", [1, 5])
    top: int = scale[1] if isinstance(scale, list) and len(scale) == 2 and _is_int(scale[1]) else 5
    for j, item in enumerate(_items(indicator.get("evidence"))):
        level = item.get("level") if isinstance(item, dict) else None
        if isinstance(level, int) and not isinstance(level, bool) and level > top:
            yield (
                f"{place}.evidence[{j}].level",
                f"expected a level within the scale (at most {top}), got {level}",
            )


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _unique(value: Any, place: str, seen: dict[str, str]) -> Iterator[tuple[str, str]]:
    if not _is_text(value):
        return
    if value in seen:
        yield place, f'duplicate id "{value}" (first used at {seen[value]})'
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
        ),
        thresholds=Thresholds(
            match=float(thresholds.get("match", 80)), near=float(thresholds.get("near", 60))
        ),
        agencies=tuple(
            Agency(id=a["id"], name=a["name"], aliases=tuple(a.get("aliases") or ()))
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
            )
            for ind in data["indicators"]
        ),
    )


def _scoring(data: dict[str, Any] | None) -> Scoring | None:
    if data is None:
        return None
    scale = data.get("scale", [1, 5])
    bands = sorted(
        (Band(min=float(b["min"]), label=b["label"]) for b in data.get("predikat") or ()),
        key=lambda b: -b.min,
    )
    return Scoring(
        method=Method(data["method"]),
        scale=(scale[0], scale[1]),
        dimensions=tuple((str(k), float(v)) for k, v in (data.get("dimensions") or {}).items()),
        bands=tuple(bands),
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
    )
