"""Discovery: walk ROOT, resolve first-level folders to the map's agencies, list the files.

It reads names and file metadata only, never file contents, and never writes. Links are followed
only while they stay inside ROOT; every regular file is either returned for extraction or listed as
skipped with its reason, and so is every special file (a named pipe, a device, a socket: never
opened). Paths are escaped as archive.escape_name says (a real trailing `!` doubled).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from rapidfuzz import fuzz

from evidence_check.archive import escape_name, is_archive
from evidence_check.extract import supported_suffix
from evidence_check.models import Agency, Discovery, Folder, SkippedFile, SourceFile
from evidence_check.opening import kind
from evidence_check.text import normalize

#: the region settings file directly under ROOT (region.py reads it); listed as skipped, never read
SETTINGS_FILE = "evidence-check.yaml"

JUNK_NAMES = {"thumbs.db", "desktop.ini", ".ds_store", "ehthumbs.db", "icon\r", "baca-saya.txt"}
JUNK_DIRS = {"__macosx", ".git", ".svn", "$recycle.bin", ".trash", ".trashes"}
_NUMBERING = re.compile(r"^\s*(?:[0-9]+[a-z]?|[a-z])(?:[.)_\-]|\s)[\s.)_\-]*", re.IGNORECASE)
_FUZZY_FOLDER = 90.0


def is_junk(name: str) -> bool:
    lowered = name.lower()
    return (
        lowered in JUNK_NAMES
        or name.startswith("~$")
        or name.startswith("._")
        or name.startswith(".~lock.")
        or lowered.endswith(".tmp")
    )


def resolve_agency(folder_name: str, agencies: tuple[Agency, ...]) -> str | None:
    """The agency a folder name stands for, tolerant of numbering, case and extra words.

    Among the agencies whose labels the name contains, a unit named with its parent ("Sekretariat
    Daerah - Bagian Hukum") is the unit's; otherwise the longest label wins, and a tie is no one's."""
    words = normalize(_NUMBERING.sub("", folder_name), file_name=True).split()
    if not words:
        return None
    padded = " " + " ".join(words) + " "
    labels = {agency.id: _labels(agency) for agency in agencies}
    found: dict[str, int] = {}  # agency id -> the length of its longest label in the name
    for agency_id, own in labels.items():
        lengths = [len(label) for label in own if f" {label} " in padded]
        if lengths:
            found[agency_id] = max(lengths)
    # "Sekretariat Daerah - Bagian Hukum": the parent found with one of its units gives way to it
    units = {
        agency_id: length
        for agency_id, length in found.items()
        if not any(_is_parent(labels[agency_id], labels[other]) for other in found)
    }
    lengths_by_agency = units or found
    longest = max(lengths_by_agency.values(), default=0)
    best = [agency_id for agency_id, n in lengths_by_agency.items() if n == longest]
    if len(best) == 1:
        return best[0]
    joined = " ".join(words)
    scored = [
        (fuzz.ratio(joined, label), agency_id) for agency_id, own in labels.items() for label in own
    ]
    score, agency_id = max(scored, default=(0.0, ""))
    return agency_id if score >= _FUZZY_FOLDER else None


def _labels(agency: Agency) -> set[str]:
    """The agency's id, name and aliases, normalised as folder names are."""
    forms = (agency.id.replace("-", " "), agency.name, *agency.aliases)
    return {label for label in (normalize(form, file_name=True) for form in forms) if label}


def _is_parent(parent: set[str], unit: set[str]) -> bool:
    """Whether an agency lies under another: the unit's name or an alias contains one of the
    parent's labels that is not also its own ("Bagian Hukum Sekretariat Daerah" lies under
    "Sekretariat Daerah")."""
    return any(f" {label} " in f" {own} " for label in parent - unit for own in unit)


def relative(path: Path, root: Path) -> str:
    return escape_name(path.relative_to(root).as_posix())


def refusal(exc: OSError) -> tuple[str, str]:
    """The skip reason and detail of a name the system will not give: a path too long for it is
    not a permission problem."""
    if exc.errno == errno.ENAMETOOLONG:
        return "path-too-long", f"the path is too long for the system ({exc.strerror})"
    return "permission", exc.strerror or str(exc)


def discover(
    root: Path, agencies: tuple[Agency, ...], *, own_agency: str | None, max_bytes: int
) -> Discovery:
    """List what lies under ROOT. With `own_agency`, ROOT is that agency's own folder."""
    root_real = root.resolve()
    files: list[SourceFile] = []
    skipped: list[SkippedFile] = []
    folders: list[Folder] = []
    folder_agency: dict[str, str | None] = {}
    if own_agency is None:
        for entry in sorted(os.scandir(root), key=lambda e: e.name):
            if _is_dir(entry) and entry.name.lower() not in JUNK_DIRS:
                agency = resolve_agency(entry.name, agencies)
                folder_agency[escape_name(entry.name)] = agency
                folders.append(Folder(name=entry.name, agency=agency))

    def agency_of(rel: str) -> str | None:
        if own_agency is not None:
            return own_agency
        head, _, rest = rel.partition("/")
        return folder_agency.get(head) if rest else None

    for path, problem in _walk(root, root_real):
        rel = relative(path, root)
        agency = agency_of(rel)
        if problem is not None:
            skipped.append(
                SkippedFile(path=rel, agency=agency, reason=problem[0], detail=problem[1])
            )
            continue
        try:
            info = path.stat()
            size = info.st_size
        except OSError as exc:
            reason, detail = refusal(exc)
            skipped.append(SkippedFile(path=rel, agency=agency, reason=reason, detail=detail))
            continue
        if rel == SETTINGS_FILE:  # the region settings: read by the CLI, never audited as evidence
            skipped.append(SkippedFile(path=rel, agency=None, reason="settings"))
        elif any(part.lower() in JUNK_DIRS for part in rel.split("/")[:-1]) or is_junk(path.name):
            skipped.append(SkippedFile(path=rel, agency=agency, reason="junk"))
        elif not (supported_suffix(path.name) or is_archive(path.name)):
            detail = path.suffix.lower() or "no extension"
            skipped.append(
                SkippedFile(path=rel, agency=agency, reason="unsupported", detail=detail)
            )
        elif size > max_bytes:
            detail = f"{size} bytes, limit {max_bytes}"
            skipped.append(SkippedFile(path=rel, agency=agency, reason="too-large", detail=detail))
        elif not os.access(path, os.R_OK):
            skipped.append(SkippedFile(path=rel, agency=agency, reason="permission"))
        else:
            files.append(
                SourceFile(
                    path=rel, absolute=path, agency=agency, size=size, mtime_ns=info.st_mtime_ns
                )
            )
    present = {a for a in folder_agency.values() if a}
    missing = () if own_agency else tuple(a.id for a in agencies if a.id not in present)
    return Discovery(
        files=tuple(sorted(files, key=lambda f: f.path)),
        skipped=tuple(sorted(skipped, key=lambda s: s.path)),
        folders=tuple(folders),
        agencies_without_folder=missing,
    )


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _walk(root: Path, root_real: Path) -> Iterator[tuple[Path, tuple[str, str] | None]]:
    """Yield every file under ROOT, with a skip reason for links that leave ROOT or loop.

    Real folders are walked first and links to folders last, so that a shortcut in one agency's
    folder to another's never claims the other's files: a folder already walked is reported
    through its link, not walked twice."""
    seen: set[tuple[int, int]] = set()
    stack: list[Path] = [root]
    links: list[Path] = []
    while stack or links:
        if not stack:
            link = links.pop(0)
            if _identity(link) in seen:
                yield link, ("link-inside", "a link to a folder audited under its own path")
                continue
            stack.append(link)
        folder = stack.pop()
        try:
            identity = _identity(folder)
            if identity in seen:
                yield folder, ("link-loop", "folder link leads back into the tree")
                continue
            seen.add(identity)
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield folder, refusal(exc)
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    yield path, ("link-outside", "broken or looping link")
                    continue
                if not target.is_relative_to(root_real):
                    yield path, ("link-outside", "link points outside the evidence folder")
                    continue
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                yield path, refusal(exc)
                continue
            if stat.S_ISDIR(mode):
                (links if entry.is_symlink() else stack).append(path)
            elif stat.S_ISREG(mode):
                yield path, None
            else:
                yield path, ("special-file", f"{kind(mode)}: never opened")


def _identity(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_dev, st.st_ino


def inner_root(root: Path, agencies: tuple[Agency, ...]) -> str | None:
    """The folder inside ROOT whose own folders resolve to agencies, when ROOT's do not: the
    hint for a ROOT given one folder too high ("did you mean the folder X inside it?")."""
    best: tuple[int, str] | None = None
    try:
        children = sorted(p for p in root.iterdir() if p.is_dir() and not p.is_symlink())
    except OSError:
        return None
    for child in children:
        try:
            names = [p.name for p in child.iterdir() if p.is_dir()]
        except OSError:
            continue
        resolved = sum(1 for n in names if resolve_agency(n, agencies) is not None)
        if resolved and (best is None or resolved > best[0]):
            best = (resolved, child.name)
    return best[1] if best else None
