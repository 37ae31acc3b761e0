"""ZIP archives as evidence containers: an agency's `kiriman.zip` is audited as if unpacked.

`list_archive` reads the archive's directory only (in the parent) and decides, entry by entry,
what will be read and what is refused: entries that would escape the folder (absolute paths,
".."), nested archives, junk, unsupported types, and members whose size or compression ratio
says zip bomb. `copy_member` then copies one member, capped at its declared size, into the run's
private temporary folder, where a worker reads it like any file. Members are paths
`folder/kiriman.zip!/member.pdf`; a real name ending in `!` is written with one more `!`
(`kiriman.zip!!` is a folder named `kiriman.zip!`), so the two never meet (docs/json.md).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from evidence_check.models import Problem, Reason
from evidence_check.opening import open_regular
from evidence_check.opening import reason as os_reason

MAX_MEMBER_BYTES = 300 * 1024 * 1024
MAX_TOTAL_BYTES = 2 * 1024**3
MAX_MEMBERS = 5000
#: a member expanding more than this many times over its packed size is treated as a bomb
MAX_RATIO = 200
_BOMB_MIN_BYTES = 10 * 1024 * 1024
#: a `!` that ends a part of a path (before a separator or at the end)
_BANG_AT_END = re.compile(r"!(?=[/\\]|$)")


@dataclass(frozen=True)
class Entry:
    """One archive member: to be read (no `skip_reason`), or skipped with its reason."""

    name: str
    #: its position in the archive's directory
    index: int
    size: int
    skip_reason: str | None = None
    detail: str = ""
    #: encrypted members cannot be read without their password
    encrypted: bool = False


def is_archive(name: str) -> bool:
    return name.lower().endswith(".zip")


def escape_name(path: str) -> str:
    """A real path as reports and the cache name it: every part ending in `!` gets one more, so
    that `kiriman.zip!/` (an archive's members) never stands for a folder named `kiriman.zip!`."""
    return _BANG_AT_END.sub("!!", path) if "!" in path else path


def member_path(archive: str, member: str) -> str:
    """The name of a member: `<archive>!/<member>`, the member's own parts escaped alike."""
    return f"{archive}!/{escape_name(member)}"


def list_archive(
    path: Path, *, is_junk: Callable[[str], bool], supported: Callable[[str], bool]
) -> tuple[list[Entry], Problem | None]:
    """The members of a ZIP and what to do with each; a broken archive is a problem."""
    try:
        with open_regular(path) as handle, zipfile.ZipFile(handle) as archive:
            infos = archive.infolist()
    except OSError as exc:
        return [], Problem(code=Reason.UNREADABLE, detail=f"cannot open: {os_reason(exc)}")
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        return [], Problem(code=Reason.UNREADABLE, detail=f"not a readable ZIP archive: {exc}")
    entries: list[Entry] = []
    budget = MAX_TOTAL_BYTES
    for index, info in enumerate(infos):
        if info.is_dir():
            continue
        name, size = info.filename, info.file_size
        if index >= MAX_MEMBERS:
            entries.append(Entry(name, index, size, "too-many", f"more than {MAX_MEMBERS} files"))
            continue
        skip = _skip(info, budget, is_junk, supported)
        if skip is not None:
            entries.append(Entry(name, index, size, skip[0], skip[1]))
            continue
        budget -= size
        entries.append(Entry(name, index, size, encrypted=bool(info.flag_bits & 0x1)))
    return entries, None


def copy_member(archive: zipfile.ZipFile, index: int, target: Path) -> None:
    """Copy one member of an open archive, refusing one that expands beyond the size its header
    declares."""
    info = archive.infolist()[index]
    limit = info.file_size
    with archive.open(info) as source, target.open("wb") as out:
        copied = 0
        while block := source.read(1 << 20):
            copied += len(block)
            if copied > limit:
                raise ValueError("the member is larger than its header says")
            out.write(block)


def _refused(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or bool(path.parts and ":" in path.parts[0])


def _skip(
    info: zipfile.ZipInfo,
    budget: int,
    is_junk: Callable[[str], bool],
    supported: Callable[[str], bool],
) -> tuple[str, str] | None:
    name = info.filename
    if _refused(name):
        return "path-traversal", "an entry whose path leaves the archive's folder: refused"
    parts = PurePosixPath(name).parts
    if any(p.lower() == "__macosx" for p in parts) or is_junk(parts[-1]):
        return "junk", ""
    if is_archive(name):
        return "nested-archive", "an archive inside an archive: unpack it into the folder"
    if not supported(name):
        return "unsupported", PurePosixPath(name).suffix.lower() or "no extension"
    ratio = info.file_size / info.compress_size if info.compress_size else 0
    if info.file_size > _BOMB_MIN_BYTES and ratio > MAX_RATIO:
        return "zip-bomb", f"expands {ratio:.0f} times ({info.file_size} bytes): refused"
    if info.file_size > MAX_MEMBER_BYTES or info.file_size > budget:
        return "too-large", f"{info.file_size} bytes"
    return None
