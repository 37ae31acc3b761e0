"""Table-driven validation of the YAML files a person writes (the map, the region settings).

A table maps each key to a `Field`: what it expects, in words and as a predicate, whether it is
required and since which format version. `check` yields (place, message) pairs; the loaders put the
file name in front, so every error is one line: ``FILE: PLACE: expectation``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import yaml


@dataclass(frozen=True)
class Field:
    expect: str
    accepts: Callable[[Any], bool]
    required: bool = False
    #: the first format version that knows the key
    since: int = 1


def is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def is_number(v: Any) -> bool:
    return (isinstance(v, int | float)) and not isinstance(v, bool)


def is_text(v: Any) -> bool:
    return isinstance(v, str) and v.strip() != ""


def is_text_list(v: Any) -> bool:
    return isinstance(v, list) and all(is_text(x) for x in v)


def is_date(v: Any) -> bool:
    """A calendar date as YAML reads `2027-03-31` (a date, not a datetime)."""
    return isinstance(v, dt.date) and not isinstance(v, dt.datetime)


def one_of(values: list[str]) -> Field:
    return Field("one of " + ", ".join(values), lambda v: v in values)


def required(field: Field) -> Field:
    return Field(field.expect, field.accepts, required=True, since=field.since)


TEXT = Field("a non-empty string", is_text)
TEXT_LIST = Field("a list of strings", is_text_list)
MAPPING = Field("a mapping", lambda v: isinstance(v, dict))
LIST = Field("a list", lambda v: isinstance(v, list))
DATE = Field("a date such as 2027-03-31", is_date)


def check(
    data: dict[str, Any], table: dict[str, Field], place: str, version: int = 1
) -> Iterator[tuple[str, str]]:
    """Unknown keys, keys of a later format, missing required keys and values of the wrong type."""
    fields = {k: f for k, f in table.items() if f.since <= version}
    for key in data:
        newer = table.get(key)
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
            yield where, f"expected {spec.expect}, got {show(data[key])}"


def show(value: Any) -> str:
    """A value as an error message quotes it."""
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


def items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


#: libyaml's safe loader where PyYAML was built with it (ten times faster), else PyYAML's own
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(raw: str) -> Any:
    """libyaml for speed; on an error, PyYAML's own parser again for its clearer message."""
    try:
        return yaml.load(raw, Loader=_SafeLoader)
    except yaml.YAMLError:
        return yaml.load(raw, Loader=yaml.SafeLoader)


def yaml_error(raw: str, label: str, exc: Exception, what: str) -> str:
    """A YAML error (or a document nested too deeply) as one line: `file:line:column: message`."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark
        where = f"{label}:{mark.line + 1}:{mark.column + 1}" if mark else label
        return f"{where}: {exc.problem or exc}"
    if isinstance(exc, yaml.reader.ReaderError):
        line = raw.count("\n", 0, exc.position) + 1
        column = exc.position - (raw.rfind("\n", 0, exc.position) + 1) + 1
        character = (
            f"#x{exc.character:04x}" if isinstance(exc.character, int) else repr(exc.character)
        )
        return f"{label}:{line}:{column}: unacceptable character {character}: {exc.reason}"
    if isinstance(exc, RecursionError):
        return f"{label}: the file is nested too deeply to be a {what}"
    return f"{label}: {' '.join(str(exc).split())}"
