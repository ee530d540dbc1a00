"""Local safety: the web app listens on loopback without a login, so it must not be a hole.

- Only loopback addresses may be bound (multi-user mode, with accounts, may bind any: see web.auth).
- A request whose Host header is not this server (DNS rebinding) is refused with 400.
- Every state-changing request carries the CSRF token: a form field `csrf_token` or an `X-CSRF-Token`
  header (HTMX sends the header from `hx-headers` on <body>). The token is a per-process secret embedded
  in pages; other sites cannot read it (same-origin policy, no CORS), so they cannot forge requests.
- Request bodies are size-limited (413), and every response carries strict security headers.
"""

from __future__ import annotations

import base64
import hashlib
import html
import ipaddress
import json
import secrets
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

from fastapi import Request

from nextround.errors import UserError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
PRESESSION_COOKIE = "nextround_form"  # multi-user sign-in forms: the CSRF token before there is a session
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'"
)


def policy_with_inline_styles(*styles: str) -> str:
    """The app's policy, also allowing exactly these inline stylesheets (by their SHA-256), nothing else."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'" for style in styles
    )
    return CONTENT_SECURITY_POLICY.replace("style-src 'self'", f"style-src 'self' {hashes}", 1)


SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # The browser names the page a form was sent from to this server only (never to another site): after a
    # session ends, signing in leads back there (web.auth.page_of), with JavaScript or without.
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class UnsafeBindError(UserError, ValueError):
    """An address the local, login-free server must not listen on."""


class CsrfError(Exception):
    """A state-changing request without the right token (answered with 403). `stale`: the token is missing or
    not this server's: most often a page loaded before nextround was restarted (the token is per process)."""

    def __init__(self, message: str, *, stale: bool = False) -> None:
        super().__init__(message)
        self.stale = stale


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind_host(host: str) -> None:
    if not is_loopback(host):
        raise UnsafeBindError(
            f"refusing to listen on {host}: the local app has no login, so it only binds to loopback "
            "(127.0.0.1); serving other machines needs multi-user mode (accounts, on PostgreSQL)"
        )


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """Host header values this server answers to: the bound address and the loopback names, with the port."""
    names = {host, "localhost", "127.0.0.1", "[::1]"}
    if ":" in host and not host.startswith("["):
        names.add(f"[{host}]")
    allowed = {f"{name}:{port}".lower() for name in names}
    if port == 80:
        allowed |= {name.lower() for name in names}
    return frozenset(allowed)


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def token_matches(expected: str, given: str | None) -> bool:
    return given is not None and secrets.compare_digest(expected.encode(), given.encode())


def expected_csrf_token(request: Request) -> str | None:
    """The process's token (local mode), or the signed-in session's own; None for an access token."""
    web = request.app.state.web
    if web.multi_user is None:
        token: str = web.csrf_token
        return token
    caller = getattr(request.state, "caller", None)
    if caller is None:
        # Sign-in pages, before there is a session: the form's token must match the browser's own cookie
        # (which other sites can neither read nor set); without that cookie, nothing matches.
        return request.cookies.get(PRESESSION_COOKIE) or new_csrf_token()
    if caller.csrf_token is None:
        return None
    return str(caller.csrf_token)


async def check_csrf(request: Request) -> None:
    """Dependency for every router: state-changing requests must carry the token (header or form field)."""
    if request.method in SAFE_METHODS:
        return
    expected = expected_csrf_token(request)
    if expected is None:
        return  # an access token (multi-user API): browsers never send one by themselves, so nothing to forge
    origin = request.headers.get("origin")
    if origin and origin != "null":
        origin_host = origin.split("://", 1)[-1].lower()
        if origin_host not in request.app.state.web.allowed_hosts:
            raise CsrfError("this request came from another site")
    given = request.headers.get(CSRF_HEADER)
    if given is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            given = value if isinstance(value, str) else None
    if not token_matches(expected, given):
        raise CsrfError("missing or wrong CSRF token; reload the page and try again", stale=True)


class GuardMiddleware:
    """Pure ASGI middleware (fast): Host check, body size limit, security headers on every response."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        hosts: frozenset[str],
        max_body: int,
        on_write: Callable[[Scope], Awaitable[None]] | None = None,
        limits: Mapping[str, BodyLimit] | None = None,
        private: bool = False,
    ) -> None:
        self.app = app
        self.hosts = hosts
        self.max_body = max_body
        self.on_write = on_write
        self.limits = dict(limits or {})
        # A shared server's pages are one person's: kept by no cache, so after signing out on a shared computer
        # the browser's Back button asks the server again (and finds no session) instead of showing them.
        self.private = private

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host", b"").decode("latin-1").lower()
        if host not in self.hosts:
            await _plain_error(send, 400, "This server only answers to its own address (bad Host header).", scope)
            return
        own = self.limits.get(str(scope.get("path", "")))
        max_body = own.max_bytes if own is not None else self.max_body
        too_large = own.message if own is not None else self._too_large()
        back = own.back if own is not None else None
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > max_body:
            await _plain_error(send, 413, too_large, scope, back)
            return

        received = 0
        tripped = False
        started = False
        writes = self.on_write is not None and scope.get("method") not in SAFE_METHODS
        private = self.private and not str(scope.get("path", "")).startswith("/static/")
        told = False

        async def tell() -> None:
            # After the write is done and before anyone hears of it, so no view is cached from before it,
            # and a client's next request (to any worker) sees the change.
            nonlocal told
            if writes and not told and self.on_write is not None:
                told = True
                await self.on_write(scope)

        async def limited_receive() -> Message:
            nonlocal received, tripped
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_body:
                    tripped = True
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if tripped:
                return  # whatever the app answers after the limit tripped is replaced by a 413 below
            if message["type"] == "http.response.start":
                await tell()
                started = True
                own = message.get("headers", [])
                # A route may send a stricter-or-equal policy of its own (the printable review allows its
                # one inline stylesheet by hash); then ours is not added, since two policies both apply.
                has_policy = any(name.lower() == b"content-security-policy" for name, _ in own)
                extra = [h for h in SECURITY_HEADERS if not (has_policy and h[0] == b"content-security-policy")]
                if private and not any(name.lower() == b"cache-control" for name, _ in own):
                    extra.append((b"cache-control", b"no-store"))
                message["headers"] = [*own, *extra]
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except BodyTooLarge:
            tripped = True
        finally:
            await tell()
        if tripped and not started:
            await _plain_error(send, 413, too_large, scope, back)

    def _too_large(self) -> str:
        return f"The upload is larger than the limit of {self.max_body // (1024 * 1024)} MB."


@dataclass(frozen=True, slots=True)
class BodyLimit:
    """A request body limit of one path's own, other than the app's, with what to tell a person who passes it."""

    max_bytes: int
    message: str
    back: str | None = None  # the page the form is on, linked from the error page


class BodyTooLarge(Exception):
    """Raised inside the app when a streamed body passes the limit."""


async def _plain_error(send: Send, status: int, message: str, scope: Scope, back: str | None = None) -> None:
    """An error answered before the app runs: JSON for the API, a short page otherwise (linking `back`)."""
    if str(scope.get("path", "")).startswith("/api/"):
        body = json.dumps({"error": message}).encode()
        content_type = b"application/json"
    else:
        body = (
            "<!doctype html><html lang=en><meta charset=utf-8><title>Error</title>"
            f"<main><h1>{status}</h1><p>{html.escape(message)}</p>"
            + (f'<p><a href="{html.escape(back)}">Go back</a></p>' if back else "")
            + "</main></html>"
        ).encode()
        content_type = b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", content_type),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
