"""Who may see what: the access file's tokens (the coordinator's and one per agency).

The access file is YAML kept outside ROOT (`coordinator: TOKEN`, `agencies: {ID: TOKEN}`). When it
is missing it is created with random tokens, readable by its owner only (0600); an existing one is
used as it is, never rewritten. A token names a caller; tokens are compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml
from platformdirs import user_data_dir

from evidence_check.models import EvidenceMap

#: shorter tokens can be guessed; a hand-written access file must not weaken the server
MIN_TOKEN_LENGTH = 16
_HEADER = (
    "# evidence-check serve: access tokens. Whoever holds a token sees that agency's evidence;\n"
    "# the coordinator's sees everything. Keep this file private; send each OPD only its link.\n"
)


class AccessError(Exception):
    """An access file that cannot be used, with the reason in one line."""


@dataclass(frozen=True, kw_only=True)
class Caller:
    """Who a request comes from: an agency, or the coordinator (agency None), who sees all."""

    agency: str | None

    @property
    def coordinator(self) -> bool:
        return self.agency is None


@dataclass(frozen=True, kw_only=True)
class Access:
    coordinator: str
    #: (agency id, token) in the order of the map
    agencies: tuple[tuple[str, str], ...]

    def identify(self, token: str | None) -> Caller | None:
        """The caller a token names, or None; every token is compared, each in constant time."""
        if not token:
            return None
        given = token.encode("utf-8", "surrogateescape")
        found: Caller | None = None
        for agency, known in ((None, self.coordinator), *self.agencies):
            if hmac.compare_digest(given, known.encode("utf-8")):
                found = Caller(agency=agency)
        return found


@dataclass(frozen=True, kw_only=True)
class AccessFile:
    access: Access
    path: Path
    #: the file did not exist and was written now
    created: bool
    #: group or others may read it: used all the same, with a warning
    readable_by_others: bool
    #: agencies of the map that the file gives no token (they cannot log in)
    without_token: tuple[str, ...]


def default_path(root: Path) -> Path:
    """Where a tree's access file lives unless told: the user's data folder, never under ROOT."""
    real = root.resolve()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", real.name).strip("-").lower() or "root"
    tag = hashlib.sha256(str(real).encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return (
        Path(user_data_dir("evidence-check", appauthor=False))
        / "serve"
        / f"{slug}-{tag}"
        / "akses.yaml"
    )


def upload_log_path(access_file: Path) -> Path:
    """The upload log beside the access file (so also outside ROOT)."""
    return access_file.with_name(access_file.stem + "-unggahan.jsonl")


def load_or_create(path: Path, evidence_map: EvidenceMap) -> AccessFile:
    if not path.exists():
        access = Access(
            coordinator=_token(),
            agencies=tuple((a.id, _token()) for a in evidence_map.agencies),
        )
        _write_private(path, access)
        return AccessFile(
            access=access, path=path, created=True, readable_by_others=False, without_token=()
        )
    access = _parse(path, evidence_map)
    mode = path.stat().st_mode
    known = {agency for agency, _ in access.agencies}
    return AccessFile(
        access=access,
        path=path,
        created=False,
        # Windows has no such bits (its ACLs decide): no warning there
        readable_by_others=os.name != "nt" and bool(mode & (stat.S_IRGRP | stat.S_IROTH)),
        without_token=tuple(a.id for a in evidence_map.agencies if a.id not in known),
    )


def _token() -> str:
    return secrets.token_urlsafe(24)


def _write_private(path: Path, access: Access) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = {"coordinator": access.coordinator, "agencies": dict(access.agencies)}
    text = _HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    # created 0600 in one step: there is no moment at which others could read the tokens
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(text)


def _parse(path: Path, evidence_map: EvidenceMap) -> Access:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise AccessError(f"{path}: cannot read the access file: {exc}") from exc
    if not isinstance(data, dict) or set(data) - {"coordinator", "agencies"}:
        raise AccessError(f'{path}: expected the keys "coordinator" and "agencies" only')
    coordinator = data.get("coordinator")
    agencies = data.get("agencies") or {}
    if not isinstance(agencies, dict):
        raise AccessError(f"{path}: agencies: expected a mapping of agency id to token")
    ids = {a.id for a in evidence_map.agencies}
    tokens = [("coordinator", coordinator), *((f"agencies.{k}", v) for k, v in agencies.items())]
    for place, token in tokens:
        if not isinstance(token, str) or len(token) < MIN_TOKEN_LENGTH:
            raise AccessError(
                f"{path}: {place}: expected a token of {MIN_TOKEN_LENGTH}+ characters"
            )
    for agency in agencies:
        if agency not in ids:
            raise AccessError(f'{path}: agencies.{agency}: "{agency}" is not an agency of the map')
    if len({t for _, t in tokens}) < len(tokens):
        raise AccessError(f"{path}: two callers share a token: each needs its own")
    order = [a.id for a in evidence_map.agencies]
    return Access(
        coordinator=str(coordinator),
        agencies=tuple(sorted(((str(k), str(v)) for k, v in agencies.items()),
                              key=lambda kv: order.index(kv[0]))),
    )  # fmt: skip
