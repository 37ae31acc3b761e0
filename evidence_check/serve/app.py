"""The web application: Starlette routes for the pages, the JSON API and the files behind findings.

Every route first names the caller (security.py) and answers 401 without one; what it shows is
narrowed to the caller by scope.py and pages.py. Pages are Jinja2 templates with autoescaping and
no script; uploads go through uploads.py and are followed by a re-audit (state.py).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Route

from evidence_check.messages import message
from evidence_check.models import EvidenceMap
from evidence_check.report.view import long_date
from evidence_check.serve import files, pages, uploads
from evidence_check.serve.access import Access
from evidence_check.serve.scope import owns, payload
from evidence_check.serve.security import (
    COOKIE,
    SecurityHeaders,
    TooLarge,
    Who,
    csrf_ok,
    csrf_token,
    limited,
    local_return,
    who,
)
from evidence_check.serve.state import AuditState

Refused = uploads.Refused
#: the outcomes a page can explain after a form returns (messages.py `upload.CODE`)
_CODES = ("bad-name", "bad-type", "too-large", "no-file", "unknown-agency", "unknown-evidence",
          "no-folder", "disabled", "stale-form")  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class ServeConfig:
    root: Path
    evidence_map: EvidenceMap
    lang: str = "id"
    allow_upload: bool = False
    max_upload_bytes: int = uploads.DEFAULT_MAX_BYTES
    #: JSON lines, one per upload; outside ROOT
    upload_log: Path
    #: signs the CSRF tokens of this server's forms; new on every start
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))


def create_app(config: ServeConfig, state: AuditState, access: Access) -> Starlette:
    app = _App(config, state, access)
    routes = [
        Route("/", app.home),
        Route("/opd/{agency}", app.agency_home),
        Route("/masuk", app.login),
        Route("/keluar", app.logout),
        Route("/perbarui", app.refresh, methods=["POST"]),
        Route("/unggah", app.upload, methods=["POST"]),
        Route("/api/audit", app.api_audit),
        Route("/api/refresh", app.refresh, methods=["POST"]),
        Route("/api/upload", app.upload, methods=["POST"]),
        Route("/berkas/{doc}", app.open_file),
        Route("/halaman/{doc}/{page:int}.png", app.page_image),
    ]
    return Starlette(routes=routes, middleware=[Middleware(SecurityHeaders)])


class _App:
    def __init__(self, config: ServeConfig, state: AuditState, access: Access) -> None:
        self.config, self.state, self.access, self.lang = config, state, access, config.lang
        self.mb = config.max_upload_bytes // (1024 * 1024)
        self.env = Environment(
            loader=PackageLoader("evidence_check.serve", "templates"),
            autoescape=select_autoescape(["html"]),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals["t"] = lambda key, **values: message(key, self.lang, **values)
        self.env.globals["lang"] = self.lang

    # --- pages ------------------------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        person = who(request, self.access)
        if person is None:
            return self.denied(request)
        if person.caller.agency is not None:
            return self.agency_page(request, person, person.caller.agency)
        view = pages.overview(self.state.result, self.lang)
        return self.page("overview.html", view=view, **self.common(request, person))

    async def agency_home(self, request: Request) -> Response:
        person = who(request, self.access)
        if person is None:
            return self.denied(request)
        agency = request.path_params["agency"]
        if agency not in {a.id for a in self.config.evidence_map.agencies}:
            return self.message_page(404, "404", "")
        if person.caller.agency not in (None, agency):
            return self.message_page(403, "serve.denied", "serve.forbidden")
        return self.agency_page(request, person, agency)

    def agency_page(self, request: Request, person: Who, agency: str) -> Response:
        view = pages.agency_page(self.state.result, agency, self.lang)
        back = f"?kembali=/opd/{agency}" if person.caller.coordinator else ""
        return self.page("agency.html", page=view, back=back, coordinator=person.caller.coordinator,
                         allow_upload=self.config.allow_upload, mb=self.mb,
                         **self.common(request, person))  # fmt: skip

    async def login(self, request: Request) -> Response:
        token = request.query_params.get("token", "")
        if self.access.identify(token) is None:
            return self.denied(request)
        # the token leaves the address bar (and the history) at once: the cookie carries it
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(COOKIE, token, httponly=True, samesite="lax",
                            secure=request.url.scheme == "https")  # fmt: skip
        return response

    async def logout(self, request: Request) -> Response:
        response = self.message_page(200, "serve.logout", "serve.logged_out")
        response.delete_cookie(COOKIE, httponly=True, samesite="lax")
        return response

    # --- the API and the forms -------------------------------------------------------------------

    async def api_audit(self, request: Request) -> Response:
        person = who(request, self.access)
        if person is None:
            return self.denied(request)
        return JSONResponse(payload(self.state.result, person.caller))

    async def refresh(self, request: Request) -> Response:
        person = who(request, self.access)
        if person is None:
            return self.denied(request)
        api = request.url.path.startswith("/api/")
        try:  # a form of one token: nobody needs to send more than a few kilobytes
            form = await Request(request.scope, limited(request.receive, 64 * 1024)).form(
                max_files=0, max_fields=10
            )
        except TooLarge:
            return self.refusal(api, Refused(code="too-large", status=413))
        except (HTTPException, MultiPartException):
            return self.refusal(api, Refused(code="stale-form", status=400))
        if not csrf_ok(self.config.secret, person, form.get("csrf")):
            return self.refusal(api, Refused(code="stale-form", status=403))
        result = await run_in_threadpool(self.state.refresh)
        if api:
            return JSONResponse({"generated_at": result.generated_at})
        back = local_return(request.query_params.get("kembali"))
        return RedirectResponse(f"{back}?{urlencode({'hasil': 'diperbarui'})}", 303)

    async def upload(self, request: Request) -> Response:
        person = who(request, self.access)
        if person is None:
            return self.denied(request)
        api = request.url.path.startswith("/api/")
        outcome, evidence = await self.receive(request, person)
        if isinstance(outcome, Refused):
            if api or outcome.code == "stale-form":  # a forged form gets no friendly way back
                return self.refusal(api, outcome)
            query = {"hasil": outcome.code}
        elif api:
            return JSONResponse(self.stored_json(outcome, evidence, person), 201)
        else:
            query = {"hasil": "ok", "berkas": outcome.name}
        back = f"{local_return(request.query_params.get('kembali'))}?{urlencode(query)}"
        return RedirectResponse(back + (f"#butir-{quote(evidence)}" if evidence else ""), 303)

    async def receive(
        self, request: Request, person: Who
    ) -> tuple[uploads.Stored | Refused, str | None]:
        if not self.config.allow_upload:
            return Refused(code="disabled", status=403), None
        limit = self.config.max_upload_bytes + 1024 * 1024  # the file and the form around it
        if int(request.headers.get("content-length") or 0) > limit:
            return Refused(code="too-large", status=413), None
        try:
            form = await Request(request.scope, limited(request.receive, limit)).form(
                max_files=1, max_fields=10
            )
        except TooLarge:
            return Refused(code="too-large", status=413), None
        except (HTTPException, MultiPartException):
            return Refused(code="no-file", status=400), None
        try:
            evidence = str(form.get("evidence") or "") or None
            return await self.accept(form, person, evidence), evidence
        finally:
            await form.close()

    async def accept(
        self, form: FormData, person: Who, evidence: str | None
    ) -> uploads.Stored | Refused:
        if not csrf_ok(self.config.secret, person, form.get("csrf")):
            return Refused(code="stale-form", status=403)
        # an agency writes into its own folder only; the coordinator names the agency
        agency = person.caller.agency or str(form.get("agency") or "")
        if agency not in {a.id for a in self.config.evidence_map.agencies}:
            return Refused(code="unknown-agency", status=400)
        findings = self.state.result.findings
        if evidence and not any(f.evidence.id == evidence and owns(f, agency) for f in findings):
            return Refused(code="unknown-evidence", status=400)
        file = form.get("file")
        if not isinstance(file, UploadFile) or not file.filename:
            return Refused(code="no-file", status=400)
        if file.size is not None and file.size > self.config.max_upload_bytes:
            return Refused(code="too-large", status=413)
        return await run_in_threadpool(
            self.write, file, agency, evidence, person.caller.coordinator
        )

    def write(
        self, file: UploadFile, agency: str, evidence: str | None, by_coordinator: bool
    ) -> uploads.Stored | Refused:
        config = self.config
        name = uploads.safe_name(file.filename or "")
        if isinstance(name, Refused):
            return name
        existing = next((f.name for f in self.state.result.folders if f.agency == agency), None)
        folder = uploads.target_folder(config.root, config.evidence_map, agency, existing)
        if isinstance(folder, Refused):
            return folder
        stored = uploads.store(
            file.file, name, folder, config.root, max_bytes=config.max_upload_bytes
        )
        if isinstance(stored, uploads.Stored):
            uploads.record(config.upload_log, agency=agency, stored=stored, evidence=evidence,
                           by_coordinator=by_coordinator)  # fmt: skip
            self.state.refresh()
        return stored

    def stored_json(
        self, stored: uploads.Stored, evidence: str | None, person: Who
    ) -> dict[str, Any]:
        result = self.state.result
        out: dict[str, Any] = {
            "path": stored.path, "name": stored.name, "sha256": stored.sha256,
            "size": stored.size, "kind": stored.kind, "evidence": evidence,
            "generated_at": result.generated_at,
        }  # fmt: skip
        if evidence is not None:  # the row it was meant for, as the next audit judged it
            rows = payload(result, person.caller)["requirements"]
            out["rows"] = [r for r in rows if r["evidence"] == evidence]
        return out

    # --- the files behind findings ---------------------------------------------------------------

    async def open_file(self, request: Request) -> Response:
        person = who(request, self.access)
        if person is None:
            return self.denied(request)
        path = files.find(
            self.state.result, self.config.root, person.caller, request.path_params["doc"]
        )
        if path is None:
            return self.message_page(404, "404", "")
        kind, inline = files.media_type(path)
        shown = "inline" if inline else "attachment"
        return FileResponse(
            path, media_type=kind, filename=path.name, content_disposition_type=shown
        )

    async def page_image(self, request: Request) -> Response:
        person = who(request, self.access)
        if person is None:
            return self.denied(request)
        path = files.find(
            self.state.result, self.config.root, person.caller, request.path_params["doc"]
        )
        picture = None
        if path is not None and path.suffix.lower() == ".pdf":
            picture = await run_in_threadpool(files.page_picture, path, request.path_params["page"])
        if picture is None:
            return self.message_page(404, "404", "")
        return Response(picture, media_type="image/png")

    # --- rendering ----------------------------------------------------------------------------

    def page(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(self.env.get_template(name).render(**context), status_code=status)

    def message_page(self, status: int, title: str, text: str) -> HTMLResponse:
        def say(key: str) -> str:
            return message(key, self.lang, mb=self.mb) if "." in key else key

        return self.page("message.html", status, title=say(title), text=say(text))

    def denied(self, request: Request) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse(
                {"error": "unauthorized"}, 401, headers={"WWW-Authenticate": "Bearer"}
            )
        return self.message_page(401, "serve.denied", "serve.denied_text")

    def refusal(self, api: bool, refused: Refused) -> Response:
        text = message(f"upload.{refused.code}", self.lang, mb=self.mb)
        if api:
            return JSONResponse({"error": refused.code, "message": text}, refused.status)
        return self.message_page(refused.status, "serve.denied", f"upload.{refused.code}")

    def common(self, request: Request, person: Who) -> dict[str, Any]:
        """What every page shows: when it was checked, the form token, the last form's outcome."""
        stamp = self.state.result.generated_at
        checked = message(
            "serve.checked", self.lang, date=long_date(stamp, self.lang), time=stamp[11:16]
        )
        code = request.query_params.get("hasil", "")
        flash = ""
        if code == "ok":
            flash = message(
                "serve.uploaded", self.lang, name=request.query_params.get("berkas", "")
            )
        elif code == "diperbarui":
            flash = message("serve.refreshed", self.lang)
        elif code in _CODES:
            flash = message(f"upload.{code}", self.lang, mb=self.mb)
        return {
            "checked": checked,
            "csrf": csrf_token(self.config.secret, person.token) if person.cookie else "",
            "flash": flash,
            "error": code in _CODES,
        }
