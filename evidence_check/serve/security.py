"""Who a request comes from and what guards it: tokens from the header or the cookie, CSRF, limits.

A request names its caller by `Authorization: Bearer TOKEN` (scripts) or by the HttpOnly cookie
that the login link sets (browsers); forms sent with the cookie must carry a CSRF token derived
from it. Every response forbids framing, sniffing, referrers and caching.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from evidence_check.serve.access import Access, Caller

COOKIE = "evidence_check_token"
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # the login link holds a token: never pass an address on to another site
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


@dataclass(frozen=True, kw_only=True)
class Who:
    caller: Caller
    token: str
    #: authenticated by the cookie (a browser): its forms must carry the CSRF token
    cookie: bool


def who(request: Request, access: Access) -> Who | None:
    """The caller of a request, or None (no token, a wrong one, or another auth scheme)."""
    header = request.headers.get("authorization")
    if header is not None:  # a header decides alone: a wrong one is not saved by a cookie
        scheme, _, token = header.partition(" ")
        token = token.strip()
        caller = access.identify(token) if scheme.lower() == "bearer" else None
        return Who(caller=caller, token=token, cookie=False) if caller else None
    token = request.cookies.get(COOKIE, "")
    caller = access.identify(token)
    return Who(caller=caller, token=token, cookie=True) if caller else None


def csrf_token(secret: bytes, token: str) -> str:
    """The form token of a login: bound to its cookie and to this server's secret."""
    return hmac.new(secret, token.encode(), hashlib.sha256).hexdigest()[:32]


def csrf_ok(secret: bytes, person: Who, given: object) -> bool:
    if not person.cookie:  # a Bearer header cannot be sent by another site's form
        return True
    return isinstance(given, str) and hmac.compare_digest(given, csrf_token(secret, person.token))


def local_return(given: object) -> str:
    """Where a form may send the browser back: the home page or an agency's page, nowhere else."""
    if isinstance(given, str):
        parts = given.split("/")
        if len(parts) == 3 and parts[:2] == ["", "opd"] and parts[2].replace("-", "").isalnum():
            return given
    return "/"


class TooLarge(Exception):
    """The request body passed its limit while it was read."""


def limited(receive: Receive, limit: int) -> Receive:
    """`receive`, raising TooLarge once more than `limit` body bytes have come in."""
    seen = 0

    async def limited_receive() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise TooLarge
        return message

    return limited_receive


class SecurityHeaders:
    """ASGI middleware: HEADERS on every response that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for key, value in HEADERS.items():
                    if key.lower().encode() not in present:
                        headers.append((key.lower().encode(), value.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
