"""The package folder: whether it may be written (never inside ROOT, never over anyone's files),
which files an earlier package put there (its manifest lists them), and removing just those.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

MANIFEST_CSV = "manifest.csv"
MANIFEST_XLSX = "manifest.xlsx"
#: the manifest's columns, in order (package.Line's fields): also how an earlier package is known
COLUMNS = (
    "code", "indicator", "level", "title", "agency", "status", "file", "source", "pages",
    "sha256", "done", "reasons", "why",
)  # fmt: skip


def refusal(root: Path, out: Path, *, force: bool) -> str | None:
    """Why the package may not be written into `out`, or None when it may."""
    root_path, out_path = root.resolve(), out.resolve()
    if out_path.is_relative_to(root_path):
        return f"refusing to write the package {out} inside the evidence folder {root}"
    if root_path.is_relative_to(out_path):
        return f"refusing to write the package into {out}: it holds the evidence folder {root}"
    if not out.exists():
        return None
    if not out.is_dir():
        return f"{out} exists and is not a folder"
    if not any(out.iterdir()):
        return None
    if earlier_files(out) is None:
        return f"{out} is not empty and holds no earlier package: give an empty or a new folder"
    if not force:
        return f"{out} holds an earlier package: give --force to replace it"
    return None


def earlier_files(out: Path) -> tuple[str, ...] | None:
    """The files an earlier package in `out` wrote (its manifest says), or None if it has none."""
    try:
        text = (out / MANIFEST_CSV).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    if not rows or tuple(rows[0]) != COLUMNS:
        return None
    at = COLUMNS.index("file")
    return tuple(row[at] for row in rows[1:] if len(row) > at and row[at])


def remove_earlier(out: Path) -> None:
    """Remove an earlier package's files (only those its manifest lists) and the folders they
    leave empty; anything else in `out` stays."""
    base = out.resolve()
    folders: set[Path] = set()
    for name in (*(earlier_files(out) or ()), MANIFEST_CSV, MANIFEST_XLSX):
        path = out / PurePosixPath(name)
        if not path.resolve().is_relative_to(base) or not path.is_file() or path.is_symlink():
            continue
        path.unlink()
        folders.update(p for p in path.parents if p.resolve().is_relative_to(base))
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        if folder.resolve() != base and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def files_in(out: Path) -> Iterator[str]:
    """Every file in `out`, relative to it with "/"."""
    if out.is_dir():
        yield from (p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
