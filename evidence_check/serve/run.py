"""Starting the server: open the access file, audit once, build the app, hand it to uvicorn.

The `serve` command calls these in order and prints what `console_lines` says (the links to send);
the audit is always the core `audit()`, re-run through the cache by state.py.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

from starlette.applications import Starlette

from evidence_check.audit import audit
from evidence_check.messages import message
from evidence_check.models import AuditResult, Settings
from evidence_check.reader import Progress
from evidence_check.serve.access import AccessFile, default_path, load_or_create, upload_log_path
from evidence_check.serve.app import ServeConfig, create_app
from evidence_check.serve.state import AuditState

__all__ = ["ServeConfig", "console_lines", "default_path", "prepare", "run", "upload_log_path"]


def prepare(
    config: ServeConfig,
    settings: Settings,
    access_file: Path,
    on_progress: Callable[[Progress], None] | None = None,
) -> tuple[Starlette, AccessFile]:
    opened = load_or_create(access_file, config.evidence_map)
    evidence_map, root = config.evidence_map, config.root

    def run_audit() -> AuditResult:
        return audit(evidence_map, root, settings)

    first = audit(evidence_map, root, settings, on_progress=on_progress)
    return create_app(config, AuditState(run_audit, first), opened.access), opened


def console_lines(opened: AccessFile, config: ServeConfig, host: str, port: int) -> list[str]:
    """What the coordinator reads on start: the access file's state, the links, the address."""
    lang = config.lang
    lines = []
    if opened.created:
        lines.append(message("serve.console.created", lang, path=opened.path))
    if opened.readable_by_others:
        lines.append(message("serve.console.readable", lang, path=opened.path))
    if opened.without_token:
        missing = ", ".join(opened.without_token)
        lines.append(message("serve.console.no_token", lang, names=missing))
    base = f"http://{_public(host)}:{port}"
    lines.append(message("serve.console.links", lang))
    coordinator = message("serve.console.coordinator", lang)
    lines.append(f"  {coordinator}: {base}/masuk?token={opened.access.coordinator}")
    names = {a.id: a.name for a in config.evidence_map.agencies}
    for agency, token in opened.access.agencies:
        lines.append(f"  {agency} ({names.get(agency, agency)}): {base}/masuk?token={token}")
    mb = config.max_upload_bytes // (1024 * 1024)
    if config.allow_upload:
        lines.append(message("serve.console.uploads", lang, mb=mb, path=config.upload_log))
    else:
        lines.append(message("serve.console.no_uploads", lang))
    lines.append(message("serve.console.listening", lang, host=_public(host), port=port))
    return lines


def run(app: Starlette, host: str, port: int) -> None:
    import uvicorn

    # no access log: the login links hold tokens
    uvicorn.run(
        app, host=host, port=port, log_level="warning", access_log=False, server_header=False
    )


def _public(host: str) -> str:
    """The name to put in links: the machine's name when listening on every address."""
    if host in ("0.0.0.0", "::", ""):
        return socket.gethostname()
    return f"[{host}]" if ":" in host else host
