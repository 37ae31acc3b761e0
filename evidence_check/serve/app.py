"""The web application: Starlette routes for the pages, the JSON API and the files behind findings.

Every route first names the caller from its token (`Authorization: Bearer`, or the HttpOnly cookie
that `/masuk?token=` sets) and answers 401 without one; what it shows is narrowed by scope.py.
Forms sent with the cookie carry a CSRF token; Bearer requests need none. Pages are Jinja2
templates with autoescaping and no script; every response forbids framing and caching.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import mimetypes
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
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
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from evidence_check.messages import message
from evidence_check.models import EvidenceMap
from evidence_check.report.view import long_date
from evidence_check.serve import pages, uploads
from evidence_check.serve.access import Access, Caller
from evidence_check.serve.scope import documents, owns, payload
from evidence_check.serve.state import AuditState

COOKIE = "evidence_check_token"
_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


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


@dataclass(frozen=True, kw_only=True)
class _Who:
    caller: Caller
    token: str
    #: authenticated by the cookie (a browser): its forms must carry the CSRF token
    cookie: bool


class _TooLarge(Exception):
    pass


def create_app(config: ServeConfig, state: AuditState, access: Access) -> Starlette:
    env = Environment(
        loader=PackageLoader("evidence_check.serve", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    lang = config.lang
    env.globals["t"] = lambda key, **values: message(key, lang, **values)
    env.globals["lang"] = lang
    mb = config.max_upload_bytes // (1024 * 1024)

    def who(request: Request) -> _Who | None:
        header = request.headers.get("authorization")
        if header is not None:
            scheme, _, token = header.partition(" ")
            caller = access.identify(token.strip()) if scheme.lower() == "bearer" else None
            return _Who(caller=caller, token=token.strip(), cookie=False) if caller else None
        token = request.cookies.get(COOKIE, "")
        caller = access.identify(token)
        return _Who(caller=caller, token=token, cookie=True) if caller else None

    def csrf(token: str) -> str:
        return hmac.new(config.secret, token.encode(), hashlib.sha256).hexdigest()[:32]

    def csrf_ok(person: _Who, given: object) -> bool:
        if not person.cookie:
            return True
        return isinstance(given, str) and hmac.compare_digest(given, csrf(person.token))

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    def denied(request: Request) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse(
                {"error": "unauthorized"}, 401, headers={"WWW-Authenticate": "Bearer"}
            )
        return page("message.html", 401, title=message("serve.denied", lang),
                    text=message("serve.denied_text", lang))  # fmt: skip

    def checked() -> str:
        stamp = state.result.generated_at
        return message("serve.checked", lang, date=long_date(stamp, lang), time=stamp[11:16])

    def flash(request: Request) -> str:
        code = request.query_params.get("hasil", "")
        if code == "ok":
            return message("serve.uploaded", lang, name=request.query_params.get("berkas", ""))
        if code == "diperbarui":
            return message("serve.refreshed", lang)
        if f"upload.{code}" in _CODES:
            return message(f"upload.{code}", lang, mb=mb)
        return ""

    def agency_response(request: Request, person: _Who, agency: str) -> HTMLResponse:
        view = pages.agency_page(state.result, agency, lang)
        back = f"?kembali=/opd/{agency}" if person.caller.coordinator else ""
        return page("agency.html", page=view, back=back, csrf=csrf(person.token) if person.cookie else "",
                    coordinator=person.caller.coordinator, allow_upload=config.allow_upload,
                    mb=mb, checked=checked(), flash=flash(request), error=_is_error(request))  # fmt: skip

    async def home(request: Request) -> Response:
        person = who(request)
        if person is None:
            return denied(request)
        if person.caller.agency is not None:
            return agency_response(request, person, person.caller.agency)
        view = pages.overview(state.result, lang)
        return page("overview.html", view=view, csrf=csrf(person.token) if person.cookie else "",
                    checked=checked(), flash=flash(request), error=_is_error(request))  # fmt: skip

    async def agency_home(request: Request) -> Response:
        person = who(request)
        if person is None:
            return denied(request)
        agency = request.path_params["agency"]
        if agency not in {a.id for a in config.evidence_map.agencies}:
            return page("message.html", 404, title="404", text="")
        if person.caller.agency not in (None, agency):
            return page("message.html", 403, title=message("serve.denied", lang),
                        text=message("serve.forbidden", lang))  # fmt: skip
        return agency_response(request, person, agency)

    async def login(request: Request) -> Response:
        token = request.query_params.get("token", "")
        if access.identify(token) is None:
            return denied(request)
        # the token leaves the address bar (and the history) at once: the cookie carries it
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(COOKIE, token, httponly=True, samesite="lax",
                            secure=request.url.scheme == "https")  # fmt: skip
        return response

    async def logout(request: Request) -> Response:
        response = page("message.html", title=message("serve.logout", lang),
                        text=message("serve.logged_out", lang))  # fmt: skip
        response.delete_cookie(COOKIE, httponly=True, samesite="lax")
        return response

    async def api_audit(request: Request) -> Response:
        person = who(request)
        if person is None:
            return denied(request)
        return JSONResponse(payload(state.result, person.caller))

    async def refresh(request: Request) -> Response:
        person = who(request)
        if person is None:
            return denied(request)
        api = request.url.path.startswith("/api/")
        form = await request.form(max_files=0, max_fields=10)
        if not csrf_ok(person, form.get("csrf")):
            return _refusal(api, uploads.Refused(code="stale-form", status=403), lang, mb)
        result = await run_in_threadpool(state.refresh)
        if api:
            return JSONResponse({"generated_at": result.generated_at})
        return RedirectResponse(
            _back(request.query_params.get("kembali"), {"hasil": "diperbarui"}), 303
        )

    async def upload(request: Request) -> Response:
        person = who(request)
        if person is None:
            return denied(request)
        api = request.url.path.startswith("/api/")
        outcome, evidence = await receive_upload(request, person)
        if isinstance(outcome, uploads.Refused):
            if api or outcome.code == "stale-form":  # a forged form gets no friendly way back
                return _refusal(api, outcome, lang, mb)
            query = {"hasil": outcome.code}
        else:
            if api:
                return JSONResponse(_stored_json(outcome, evidence, person, state), 201)
            query = {"hasil": "ok", "berkas": outcome.name}
        back = _back(request.query_params.get("kembali"), query)
        return RedirectResponse(back + (f"#butir-{quote(evidence)}" if evidence else ""), 303)

    async def receive_upload(
        request: Request, person: _Who
    ) -> tuple[uploads.Stored | uploads.Refused, str | None]:
        if not config.allow_upload:
            return uploads.Refused(code="disabled", status=403), None
        limit = config.max_upload_bytes + 1024 * 1024  # the file and the form around it
        if int(request.headers.get("content-length") or 0) > limit:
            return uploads.Refused(code="too-large", status=413), None
        try:
            form = await Request(request.scope, _limited(request.receive, limit)).form(
                max_files=1, max_fields=10
            )
        except _TooLarge:
            return uploads.Refused(code="too-large", status=413), None
        except (HTTPException, MultiPartException):
            return uploads.Refused(code="no-file", status=400), None
        try:
            evidence = str(form.get("evidence") or "") or None
            if not csrf_ok(person, form.get("csrf")):
                return uploads.Refused(code="stale-form", status=403), evidence
            agency = person.caller.agency or str(form.get("agency") or "")
            if agency not in {a.id for a in config.evidence_map.agencies}:
                return uploads.Refused(code="unknown-agency", status=400), evidence
            if evidence is not None and not any(
                f.evidence.id == evidence and owns(f, agency) for f in state.result.findings
            ):
                return uploads.Refused(code="unknown-evidence", status=400), evidence
            file = form.get("file")
            if not isinstance(file, UploadFile) or not file.filename:
                return uploads.Refused(code="no-file", status=400), evidence
            if file.size is not None and file.size > config.max_upload_bytes:
                return uploads.Refused(code="too-large", status=413), evidence
            stored = await run_in_threadpool(write, file, agency, evidence)
            return stored, evidence
        finally:
            await form.close()

    def write(
        file: UploadFile, agency: str, evidence: str | None
    ) -> uploads.Stored | uploads.Refused:
        name = uploads.safe_name(file.filename or "")
        if isinstance(name, uploads.Refused):
            return name
        existing = next((f.name for f in state.result.folders if f.agency == agency), None)
        folder = uploads.target_folder(config.root, config.evidence_map, agency, existing)
        if isinstance(folder, uploads.Refused):
            return folder
        stored = uploads.store(
            file.file, name, folder, config.root, max_bytes=config.max_upload_bytes
        )
        if isinstance(stored, uploads.Stored):
            uploads.record(config.upload_log, agency=agency, stored=stored, evidence=evidence)
            state.refresh()
        return stored

    async def open_file(request: Request) -> Response:
        person = who(request)
        if person is None:
            return denied(request)
        target = _file(request, person.caller)
        if target is None:
            return page("message.html", 404, title="404", text="")
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        inline = kind == "application/pdf" or kind.startswith("image/")
        return FileResponse(target, media_type=kind, filename=target.name,
                            content_disposition_type="inline" if inline else "attachment")  # fmt: skip

    async def page_image(request: Request) -> Response:
        person = who(request)
        if person is None:
            return denied(request)
        target = _file(request, person.caller)
        number = request.path_params["page"]
        if target is None or target.suffix.lower() != ".pdf":
            return page("message.html", 404, title="404", text="")
        picture = await run_in_threadpool(_render_page, target, number)
        if picture is None:
            return page("message.html", 404, title="404", text="")
        return Response(picture, media_type="image/png")

    def _file(request: Request, caller: Caller) -> Path | None:
        entry = documents(state.result, caller).get(request.path_params["doc"])
        if entry is None:
            return None
        root = config.root.resolve()
        path = (config.root / entry.path).resolve()
        # the file itself must lie in the caller's own folder (a link may not lead elsewhere)
        head = entry.path.split("/", 1)[0]
        home = root if caller.agency is None else (config.root / head).resolve()
        inside = path.is_relative_to(home) and home.is_relative_to(root)
        return path if inside and path.is_file() else None

    routes = [
        Route("/", home),
        Route("/opd/{agency}", agency_home),
        Route("/masuk", login),
        Route("/keluar", logout),
        Route("/perbarui", refresh, methods=["POST"]),
        Route("/unggah", upload, methods=["POST"]),
        Route("/api/audit", api_audit),
        Route("/api/refresh", refresh, methods=["POST"]),
        Route("/api/upload", upload, methods=["POST"]),
        Route("/berkas/{doc}", open_file),
        Route("/halaman/{doc}/{page:int}.png", page_image),
    ]
    return Starlette(routes=routes, middleware=[Middleware(_Secured)])


_CODES = {f"upload.{c}" for c in ("bad-name", "bad-type", "too-large", "no-file",
          "unknown-agency", "unknown-evidence", "no-folder", "disabled", "stale-form")}  # fmt: skip


def _is_error(request: Request) -> bool:
    return request.query_params.get("hasil", "") not in ("", "ok", "diperbarui")


def _back(given: object, query: dict[str, str]) -> str:
    """Where a form returns: the home page or an agency's page, never another site."""
    target = given if isinstance(given, str) and _is_local(given) else "/"
    return f"{target}?{urlencode(query)}"


def _is_local(path: str) -> bool:
    parts = path.split("/")
    return path == "/" or (
        len(parts) == 3 and parts[1] == "opd" and parts[2].replace("-", "").isalnum()
    )


def _refusal(api: bool, refused: uploads.Refused, lang: str, mb: int) -> Response:
    text = message(f"upload.{refused.code}", lang, mb=mb)
    if api:
        return JSONResponse({"error": refused.code, "message": text}, refused.status)
    return HTMLResponse(text, refused.status)


def _stored_json(
    stored: uploads.Stored, evidence: str | None, person: _Who, state: AuditState
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "path": stored.path, "name": stored.name, "sha256": stored.sha256,
        "size": stored.size, "kind": stored.kind, "evidence": evidence,
        "generated_at": state.result.generated_at,
    }  # fmt: skip
    if evidence is not None:
        rows = payload(state.result, person.caller)["requirements"]
        out["rows"] = [r for r in rows if r["evidence"] == evidence]
    return out


def _limited(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def limited() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLarge
        return message

    return limited


def _render_page(path: Path, number: int) -> bytes | None:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError:
        return None
    try:
        if not 1 <= number <= len(pdf):
            return None
        page = pdf[number - 1]
        width = page.get_width() or 1
        image = page.render(scale=min(2.0, 1240 / width)).to_pil()
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=True)
        return out.getvalue()
    finally:
        pdf.close()


class _Secured:
    """Adds the security headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                for key, value in _HEADERS.items():
                    if key.lower().encode() not in names:
                        headers.append((key.lower().encode(), value.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
