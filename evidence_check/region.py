"""The region settings file: what the map cannot know about one region (DESIGN.md, "Region settings").

`evidence-check.yaml` directly under ROOT (or `--settings FILE`) names the region, the coordinator
who signs the memos, the deadline, the assumed levels of external indicators, pins and waivers. It
is read, never written, and validated like a map: one line per error, ``FILE: PLACE: expectation``.
This module also says which region an audit is about.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from evidence_check.discover import SETTINGS_FILE
from evidence_check.evidence_map import MapError
from evidence_check.models import (
    Coordinator,
    Evaluation,
    EvidenceMap,
    Pin,
    RegionSettings,
    Waiver,
)
from evidence_check.schema import (
    DATE,
    LIST,
    MAPPING,
    TEXT,
    Field,
    check,
    is_number,
    is_text,
    items,
    load_yaml,
    required,
    show,
    yaml_error,
)

_TABLES: dict[str, dict[str, Field]] = {
    "settings": {
        "region": TEXT,
        "coordinator": MAPPING,
        "deadline": DATE,
        "assumed_levels": Field(
            "a mapping of indicator ids to levels", lambda v: isinstance(v, dict)
        ),
        "pins": LIST,
        "waivers": LIST,
    },
    "coordinator": {
        "agency": TEXT,
        "office": TEXT,
        "title": TEXT,
        "name": TEXT,
        "nip": Field("a NIP as text or digits", lambda v: is_text(v) or isinstance(v, int)),
        "address": TEXT,
    },
    "pin": {
        "file": required(TEXT),
        "evidence": required(TEXT),
        "note": TEXT,
        "agency": TEXT,
        "until": DATE,
    },
    "waiver": {
        "evidence": required(TEXT),
        "agency": TEXT,
        "reason": required(TEXT),
        "by": TEXT,
        "until": DATE,
    },
}


class SettingsError(MapError):
    """A settings file that cannot be used; `lines` holds one message per problem (exit 2)."""


def find_settings(root: Path, given: Path | None) -> Path | None:
    """--settings FILE, else ROOT/evidence-check.yaml when it exists."""
    if given is not None:
        return given
    local = root / SETTINGS_FILE
    return local if local.is_file() else None


def load_settings(path: Path, label: str | None = None) -> RegionSettings:
    """Read and validate a settings file's shape; `check_against` then checks it against a map."""
    label = label or str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError([f"{label}: cannot read the settings file: {exc}"]) from exc
    try:
        data = load_yaml(raw)
    except (yaml.YAMLError, RecursionError) as exc:
        raise SettingsError([yaml_error(raw, label, exc, "settings file")]) from exc
    if data is None:
        return RegionSettings(source=label)
    errors = [f"{label}: {place}: {m}" if place else f"{label}: {m}" for place, m in _shape(data)]
    if errors:
        raise SettingsError(errors)
    return _build(data, label)


def _shape(data: Any) -> Iterator[tuple[str, str]]:
    if not isinstance(data, dict):
        yield "", f"expected a mapping (region, coordinator, deadline, ...), got {show(data)}"
        return
    yield from check(data, _TABLES["settings"], "")
    if isinstance(data.get("coordinator"), dict):
        yield from check(data["coordinator"], _TABLES["coordinator"], "coordinator")
    levels = data.get("assumed_levels")
    if isinstance(levels, dict):
        for key, value in levels.items():
            if not is_number(value):
                yield f"assumed_levels.{key}", f"expected a level such as 2.5, got {show(value)}"
    for table, key in (("pin", "pins"), ("waiver", "waivers")):
        for i, entry in enumerate(items(data.get(key))):
            place = f"{key}[{i}]"
            if not isinstance(entry, dict):
                yield place, f"expected a mapping, got {show(entry)}"
            else:
                yield from check(entry, _TABLES[table], place)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _relative(file: str) -> str:
    """A pinned file as discovery names it: "/" separators, no leading "./"."""
    path = file.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def _build(data: dict[str, Any], label: str) -> RegionSettings:
    coordinator = data.get("coordinator")
    return RegionSettings(
        source=label,
        region=data.get("region"),
        coordinator=Coordinator(**{k: _text(v) for k, v in coordinator.items()})
        if isinstance(coordinator, dict)
        else None,
        deadline=data.get("deadline"),
        assumed_levels=tuple(
            (str(k), float(v)) for k, v in (data.get("assumed_levels") or {}).items()
        ),
        pins=tuple(Pin(**{**p, "file": _relative(p["file"])}) for p in data.get("pins") or ()),
        waivers=tuple(Waiver(**w) for w in data.get("waivers") or ()),
    )


def check_against(settings: RegionSettings, evidence_map: EvidenceMap, root: Path | None) -> None:
    """What only the map and the tree can tell: agencies, indicators, evidence and pinned files."""
    label = settings.source or "--assume"
    errors = [f"{label}: {place}: {m}" for place, m in _references(settings, evidence_map, root)]
    if errors:
        raise SettingsError(errors)


def _references(
    settings: RegionSettings, evidence_map: EvidenceMap, root: Path | None
) -> Iterator[tuple[str, str]]:
    agencies = {a.id for a in evidence_map.agencies}
    external = {i.id: i for i in evidence_map.indicators if i.external}
    owners = {e.id: e.owners for i in evidence_map.indicators for e in i.evidence}
    owners |= {e.code: e.owners for i in evidence_map.indicators for e in i.evidence if e.code}
    evidence = set(owners)
    scoring = evidence_map.evaluation.scoring
    low, high = scoring.scale if scoring else (1, 5)
    coordinator = settings.coordinator
    if coordinator is not None and coordinator.agency and coordinator.agency not in agencies:
        yield "coordinator.agency", f'"{coordinator.agency}" is not an agency id of the map'
    names = ", ".join(external) or "none in this map"
    indicators = {i.id for i in evidence_map.indicators}
    for key, level in settings.assumed_levels:
        if key not in indicators:  # a region's file serves every map: another map's indicator
            continue
        if key not in external:
            yield f"assumed_levels.{key}", f"expected an external indicator of the map ({names})"
        elif not low <= level <= high:
            yield f"assumed_levels.{key}", f"expected a level from {low} to {high}, got {level:g}"
    entries = [("pins", i, p.evidence, p.agency) for i, p in enumerate(settings.pins)]
    entries += [("waivers", i, w.evidence, w.agency) for i, w in enumerate(settings.waivers)]
    for key, i, named, agency in entries:
        if named not in evidence:
            yield f"{key}[{i}].evidence", f'"{named}" is not an evidence id or code of the map'
        if agency is not None and agency not in agencies:
            yield f"{key}[{i}].agency", f'"{agency}" is not an agency id of the map'
        elif agency is not None and named in owners:
            yield from _owner(f"{key}[{i}].agency", agency, named, owners)
    for i, pin in enumerate(settings.pins):
        # a member of a ZIP archive is named "folder/kiriman.zip!/member.pdf"
        if root is not None and not (root / pin.file.split("!/")[0]).is_file():
            yield f"pins[{i}].file", f'"{pin.file}" is not a file under the evidence folder'


def _owner(
    place: str, agency: str, evidence: str, owners: dict[str, tuple[str, ...]]
) -> Iterator[tuple[str, str]]:
    """A pin or waiver for an agency that has no row of that evidence would do nothing."""
    if agency not in owners[evidence]:
        names = ", ".join(owners[evidence])
        yield place, f'"{agency}" is not an owner of {evidence} (owners: {names})'


def parse_assume(values: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    """`--assume I5=2.5` (repeatable) as (indicator, level) pairs; a malformed one raises."""
    out = []
    for value in values:
        match = re.fullmatch(r"\s*([^=\s]+)\s*=\s*([0-9]+(?:[.,][0-9]+)?)\s*", value)
        if match is None:
            raise SettingsError(
                [f"--assume: expected INDICATOR=LEVEL such as I5=2.5, got {value!r}"]
            )
        out.append((match[1], float(match[2].replace(",", "."))))
    return tuple(out)


def with_assumed(
    settings: RegionSettings, assumed: tuple[tuple[str, float], ...]
) -> RegionSettings:
    """--assume on the command line wins over the file's assumed_levels, indicator by indicator."""
    if not assumed:
        return settings
    given = dict(assumed)
    kept = tuple((k, v) for k, v in settings.assumed_levels if k not in given)
    return RegionSettings(
        source=settings.source,
        region=settings.region,
        coordinator=settings.coordinator,
        deadline=settings.deadline,
        assumed_levels=kept + assumed,
        pins=settings.pins,
        waivers=settings.waivers,
    )


_REGION_IN_NAME = re.compile(
    r"\b((?:Kabupaten|Kab\.?|Kota|Provinsi)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})"
)


def audited_region(settings: RegionSettings, evaluation: Evaluation) -> str | None:
    """Settings, then the map's evaluation.region, then the region named in evaluation.name."""
    if settings.region:
        return settings.region
    if evaluation.region:
        return evaluation.region
    match = _REGION_IN_NAME.search(evaluation.name)
    if match is None:
        return None
    return re.sub(r"^Kab\.?\s", "Kabupaten ", match[1]).strip()


def active_pins(
    settings: RegionSettings, today: dt.date
) -> tuple[tuple[Pin, ...], tuple[Pin, ...]]:
    """(in force, expired): a pin past its `until` is ignored, with a warning from the caller."""
    live = tuple(p for p in settings.pins if p.until is None or p.until >= today)
    return live, tuple(p for p in settings.pins if p not in live)


def active_waivers(
    settings: RegionSettings, today: dt.date
) -> tuple[tuple[Waiver, ...], tuple[Waiver, ...]]:
    """(in force, expired): an expired waiver is ignored, with a warning from the caller."""
    live = tuple(w for w in settings.waivers if w.until is None or w.until >= today)
    return live, tuple(w for w in settings.waivers if w not in live)
