"""The regions file of `audit-many`: a YAML list of regions to audit in one run, each with its
`name` (its reports' folder), `root`, and optionally its `map` and `settings` file.

Relative paths are taken from the file's own folder. Every problem is reported, one per line, in
the map's form (`regions.yaml: [2].root: ...`), as a `MapError` (exit code 2).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from evidence_check.evidence_map import MapError
from evidence_check.models import RegionJob

_KEYS = {"name", "root", "map", "settings"}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def load_regions(path: Path) -> tuple[RegionJob, ...]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise MapError([f"{path}: cannot be read: {exc}"]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise MapError([f"{where}: {getattr(exc, 'problem', exc)}"]) from exc
    if not isinstance(data, list) or not data:
        raise MapError([f"{path}: a list of regions (name, root, map, settings) is expected"])
    errors: list[str] = []
    jobs: list[RegionJob] = []
    names: set[str] = set()
    for index, item in enumerate(data):
        at = f"{path}: [{index}]"
        if not isinstance(item, dict):
            errors.append(f"{at}: a mapping with name and root is expected")
            continue
        errors += [f'{at}: unknown key "{key}"' for key in sorted(set(item) - _KEYS)]
        job = _job(item, at, path.parent, names, errors)
        if job is not None:
            jobs.append(job)
    if errors:
        raise MapError(errors)
    return tuple(jobs)


def _job(
    item: dict[str, Any], at: str, base: Path, names: set[str], errors: list[str]
) -> RegionJob | None:
    before = len(errors)
    name, root = item.get("name"), item.get("root")
    if not isinstance(name, str) or not _NAME.match(name):
        errors.append(f'{at}.name: a folder name (letters, digits, ". _ -") is needed')
    elif name in names:
        errors.append(f'{at}.name: "{name}" is given twice')
    else:
        names.add(name)
    if not isinstance(root, str) or not (base / root).is_dir():
        errors.append(f"{at}.root: not a folder: {root}")
    for key in ("map", "settings"):
        if key in item and not isinstance(item[key], str):
            errors.append(f"{at}.{key}: a path (or, for map, a shipped map's name) is needed")
    settings = item.get("settings")
    if isinstance(settings, str) and not (base / settings).is_file():
        errors.append(f"{at}.settings: not a file: {settings}")
    if len(errors) > before:
        return None
    assert isinstance(name, str) and isinstance(root, str)
    map_option = item.get("map")
    if isinstance(map_option, str) and ("/" in map_option or map_option.endswith(".yaml")):
        map_option = str(base / map_option)
    return RegionJob(
        name=name,
        root=base / root,
        map_option=map_option,
        settings=base / settings if isinstance(settings, str) else None,
    )
