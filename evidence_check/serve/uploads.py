"""Uploads: the only writes into ROOT. A file goes into its agency's own folder, never over another.

The name is reduced to a safe base name (a path is refused), the type is told by the content
(PDF, DOCX, XLSX, PPTX, PNG, JPEG, TIFF) and must agree with the name's suffix, and every upload is
recorded as one JSON line in a log outside ROOT. Failures are returned as `Refused`, not raised.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from evidence_check.discover import resolve_agency
from evidence_check.models import EvidenceMap
from evidence_check.scaffold import folder_name

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
#: the suffixes each kind of content may carry
SUFFIXES: dict[str, tuple[str, ...]] = {
    "pdf": (".pdf",),
    "docx": (".docx",),
    "xlsx": (".xlsx",),
    "pptx": (".pptx",),
    "png": (".png",),
    "jpeg": (".jpg", ".jpeg"),
    "tiff": (".tif", ".tiff"),
}
_OFFICE_PARTS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
_FORBIDDEN = re.compile(r'[<>:"|?*]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
#: bytes of a name, so that the folder path stays within what Windows and shares accept
_MAX_NAME_BYTES = 180


@dataclass(frozen=True, kw_only=True)
class Refused:
    """Why an upload was not written: a code the pages explain (messages.py `upload.CODE`)."""

    #: bad-name, bad-type, too-large, no-file, unknown-evidence, no-folder
    code: str
    #: the HTTP status the API answers with
    status: int


@dataclass(frozen=True, kw_only=True)
class Stored:
    #: relative to ROOT with "/", as the audit names it
    path: str
    name: str
    sha256: str
    size: int
    kind: str


def safe_name(given: str) -> str | Refused:
    """A base name that cannot leave its folder: a Windows path's last part, never `..`."""
    name = given.replace("\\", "/")
    parts = [p for p in name.split("/") if p.strip()]
    if not parts or any(p.strip() in ("..", ".") for p in parts):
        return Refused(code="bad-name", status=400)
    name = "".join(c for c in parts[-1] if unicodedata.category(c) not in ("Cc", "Cf", "Cs"))
    name = _FORBIDDEN.sub("_", name).strip().lstrip(".").rstrip(". ")
    if _RESERVED.match(name):
        name = "_" + name
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    while len(name.encode("utf-8")) > _MAX_NAME_BYTES and stem:
        stem = stem[:-1]
        name = f"{stem}.{suffix}" if dot else stem
    if not stem.strip():
        return Refused(code="bad-name", status=400)
    return name


def kind_of(head: bytes, handle: BinaryIO) -> str | None:
    """The kind of a file told by its content, or None for anything else."""
    if b"%PDF-" in head[:1024]:  # as readers do, a PDF may have bytes before its header
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"PK\x03\x04"):
        try:
            handle.seek(0)
            with zipfile.ZipFile(handle) as package:
                names = set(package.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        if "[Content_Types].xml" in names:
            return next((k for part, k in _OFFICE_PARTS.items() if part in names), None)
    return None


def target_folder(
    root: Path, evidence_map: EvidenceMap, agency: str, existing: str | None
) -> Path | Refused:
    """The agency's folder: the one the audit resolved, else a new one named as `init` names it."""
    if existing is not None:
        return root / existing
    position = [a.id for a in evidence_map.agencies].index(agency) + 1
    folder = root / folder_name(position, evidence_map.agency(agency))
    if resolve_agency(folder.name, evidence_map.agencies) != agency:
        return Refused(code="no-folder", status=409)
    try:
        folder.mkdir(exist_ok=True)
    except OSError:
        return Refused(code="no-folder", status=409)
    return folder


def store(
    upload: BinaryIO, name: str, folder: Path, root: Path, *, max_bytes: int
) -> Stored | Refused:
    """Write the upload into `folder` under `name`, or `name (2)` and so on: never overwrite."""
    upload.seek(0)
    head = upload.read(1024)
    kind = kind_of(head, upload)
    suffix = Path(name).suffix.lower()
    if kind is None or suffix not in SUFFIXES[kind]:
        return Refused(code="bad-type", status=415)
    real = folder.resolve()
    if not real.is_relative_to(root.resolve()) or real == root.resolve() or not real.is_dir():
        return Refused(code="no-folder", status=409)
    upload.seek(0)
    digest = hashlib.sha256()
    size = 0
    temporary = real / f".evidence-check-upload-{os.getpid()}-{id(upload)}.tmp"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        with os.fdopen(descriptor, "wb") as out:
            while block := upload.read(1024 * 1024):
                size += len(block)
                if size > max_bytes:
                    return Refused(code="too-large", status=413)
                digest.update(block)
                out.write(block)
        final = _place(temporary, real, name)
    finally:
        temporary.unlink(missing_ok=True)
    return Stored(
        path=final.relative_to(root.resolve()).as_posix(),
        name=final.name,
        sha256=digest.hexdigest(),
        size=size,
        kind=kind,
    )


def _place(temporary: Path, folder: Path, name: str) -> Path:
    """Give the written file its name; a hard link fails when the name is taken (no overwrite)."""
    stem, suffix = Path(name).stem, Path(name).suffix
    for number in range(1, 1000):
        candidate = folder / (name if number == 1 else f"{stem} ({number}){suffix}")
        try:
            os.link(temporary, candidate)
            return candidate
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links (some shares): exclusive create
            try:
                with temporary.open("rb") as source, candidate.open("xb") as out:
                    shutil.copyfileobj(source, out)
                return candidate
            except FileExistsError:
                continue
    raise FileExistsError(f"no free name for {name} in {folder}")


def record(
    log: Path, *, agency: str, stored: Stored, evidence: str | None, by_coordinator: bool
) -> None:
    """Append one JSON line (time, agency, name, sha256, size, evidence, by) to the upload log."""
    entry = {
        "time": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "agency": agency,
        "name": stored.path,
        "sha256": stored.sha256,
        "size": stored.size,
        "evidence": evidence,
        #: who sent it: the agency itself, or the coordinator on its behalf
        "by": "coordinator" if by_coordinator else agency,
    }
    log.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(descriptor, "a", encoding="utf-8") as out:
        out.write(json.dumps(entry, ensure_ascii=False) + "\n")
