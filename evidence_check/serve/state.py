"""The audit the server shows: one result of ROOT in memory, replaced by a re-audit on demand.

A re-audit goes through the core `audit()` with its cache, so only new or changed files are read
(an unchanged tree gives the remembered result at once); a lock lets one audit run at a time, and
readers always get a whole result, never a half-made one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from evidence_check.models import AuditResult


class AuditState:
    def __init__(self, run: Callable[[], AuditResult], first: AuditResult | None = None) -> None:
        self._run = run
        self._lock = threading.Lock()
        self._result = first if first is not None else run()

    @property
    def result(self) -> AuditResult:
        return self._result

    def refresh(self) -> AuditResult:
        """Audit again and keep the new result; a call waits for one already running."""
        with self._lock:
            self._result = self._run()
            return self._result
