"""ZIP archives as evidence containers: an agency's `kiriman.zip` is audited as if unpacked.

Members are copied one at a time into a private temporary folder and read like any file; their
paths are `folder/kiriman.zip!/member.pdf`. Entries that would escape the folder (absolute paths,
"..") are refused and reported, sizes and compression ratios are capped against zip bombs, and
nested archives are reported, not opened. Nothing is written outside the temporary folder.
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from evidence_check.models import Problem, Reading, Reason

MAX_MEMBER_BYTES = 300 * 1024 * 1024
MAX_TOTAL_BYTES = 2 * 1024**3
MAX_MEMBERS = 5000
#: a member expanding more than this many times over its packed size is treated as a bomb
MAX_RATIO = 200
_BOMB_MIN_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Member:
    """One archive entry: read (`reading`) or skipped (`skip_reason`, `detail`)."""

    name: str
    size: int
    digest: str = ""
    reading: Reading | None = None
    skip_reason: str | None = None
    detail: str = ""


def is_archive(name: str) -> bool:
    return name.lower().endswith(".zip")


def _refusal(name: str) -> str | None:
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        return "path-traversal"
    return None


def read_archive(
    path: Path,
    read_member: Callable[[Path], tuple[str, Reading]],
    *,
    is_junk: Callable[[str], bool],
    supported: Callable[[str], bool],
) -> tuple[list[Member], Problem | None]:
    """Read every member of a ZIP; a broken archive is a problem, never an exception."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return [], Problem(code=Reason.UNREADABLE, detail=f"not a readable ZIP archive: {exc}")
    members: list[Member] = []
    budget = MAX_TOTAL_BYTES
    with archive, tempfile.TemporaryDirectory(prefix="evidence-check-") as folder:
        for index, info in enumerate(archive.infolist()):
            name = info.filename
            if info.is_dir():
                continue
            if index >= MAX_MEMBERS:
                members.append(Member(name=name, size=info.file_size, skip_reason="too-many"))
                continue
            skip = _skip(info, budget, is_junk, supported)
            if skip is not None:
                members.append(
                    Member(name=name, size=info.file_size, skip_reason=skip[0], detail=skip[1])
                )
                continue
            if info.flag_bits & 0x1:
                problem = Problem(code=Reason.UNREADABLE, detail="encrypted inside the archive")
                reading = Reading(pages=0, problem=problem, content_key=f"zip:{path.name}!{name}")
                members.append(Member(name=name, size=info.file_size, reading=reading))
                continue
            budget -= info.file_size
            target = Path(folder) / f"member-{index}{PurePosixPath(name).suffix.lower()}"
            try:
                _copy_capped(archive, info, target)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as exc:
                problem = Problem(
                    code=Reason.UNREADABLE, detail=f"damaged inside the archive: {exc}"
                )
                reading = Reading(pages=0, problem=problem, content_key=f"zip:{path.name}!{name}")
                members.append(Member(name=name, size=info.file_size, reading=reading))
                continue
            digest, reading = read_member(target)
            target.unlink(missing_ok=True)
            members.append(Member(name=name, size=info.file_size, digest=digest, reading=reading))
    return members, None


def _skip(
    info: zipfile.ZipInfo,
    budget: int,
    is_junk: Callable[[str], bool],
    supported: Callable[[str], bool],
) -> tuple[str, str] | None:
    name = info.filename
    refusal = _refusal(name)
    if refusal is not None:
        return refusal, "an entry whose path leaves the archive's folder: refused"
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


def _copy_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path) -> None:
    """Copy a member, refusing one that expands beyond the size its header declares."""
    limit = info.file_size
    with archive.open(info) as source, target.open("wb") as out:
        copied = 0
        while block := source.read(1 << 20):
            copied += len(block)
            if copied > limit:
                raise ValueError("the member is larger than its header says")
            out.write(block)
