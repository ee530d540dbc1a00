"""Multi-user mode: who is asking. Every request but the sign-in pages needs a session or an access token.

- A browser has a session cookie (HttpOnly, SameSite=Lax, Secure when the request came over HTTPS, which
  behind a reverse proxy `--proxy-headers` tells); its CSRF token belongs to that session.
- A script sends `Authorization: Bearer nrt_…` (a personal access token) to the JSON API. A browser never
  sends that header by itself, so these requests need no CSRF token.
- Without either, a page redirects to the sign-in page and the API answers 401.

Nothing is kept in the process: the session, its CSRF token and the owner's data version come from the
database on every request, so any worker can answer any request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from fastapi import Request, Response
from starlette.routing import Match

from nextround.services import accounts
from nextround.services.accounts import Caller
from nextround.storage.db import Database

SESSION_COOKIE = "nextround_session"
# Pages anyone may open: signing in, accepting an invitation, choosing a new password from an administrator's
# link (and open sign-up, when it is allowed).
PUBLIC_PREFIXES = ("/sign-in", "/sign-up", "/invite/", "/reset-password/")


@dataclass(frozen=True)
class MultiUser:
    """How the shared server runs (`nextround serve --multi-user`)."""

    allow_sign_up: bool = False
    allowed_hosts: tuple[str, ...] = ()


# Changes that would use or set the server's own mail and AI set-up (its IMAP mailbox, its SMTP sender, keys in
# its keyring, an address the server would call): the administrator's, not any one person's. Refused here.
SERVER_WIDE = re.compile(
    r"^/(settings/(ai|ai/key|ai/key/remove|mail|mail/forget|smtp-test|mailbox|mailbox/forget|mailbox-test)"
    r"|inbox/sync|feedback-requests/\d+/send)$"
)


class NotSignedIn(Exception):
    """No live session or token: a page goes to the sign-in page, the API answers 401."""


class ServerWide(Exception):
    """A change to the shared server's own set-up, which only its administrator makes (403)."""


def is_public(path: str) -> bool:
    return path.startswith(PUBLIC_PREFIXES)


def caller_of(request: Request, db: Database) -> Caller | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        if not request.url.path.startswith("/api/"):
            return None  # tokens are for the JSON API; pages need a session and its CSRF token
        return accounts.caller_by_token(db, header[7:].strip())
    cookie = request.cookies.get(SESSION_COOKIE)
    return accounts.caller_by_session(db, cookie) if cookie else None


async def authenticate(request: Request) -> None:
    """Dependency for every route. Local mode: nothing to do (and no hop through the thread pool). Multi-user
    mode: the database is asked in the thread pool, so a slow query never stops the event loop."""
    web = request.app.state.web
    if web.multi_user is None:
        return
    import anyio.to_thread

    caller = await anyio.to_thread.run_sync(caller_of, request, web.database())
    request.state.caller = caller
    if caller is None and not is_public(request.url.path):
        raise NotSignedIn
    if request.method not in ("GET", "HEAD", "OPTIONS") and SERVER_WIDE.match(request.url.path):
        raise ServerWide(
            "on a shared server, mail and the AI coach are set up by its administrator: copy or download the "
            "message instead, and import mail from a file"
        )


def _page_route(request: Request, path: str) -> bool:
    """Whether a GET of `path` reaches one of the app's pages (not the JSON API)."""
    if path.startswith("/api/"):
        return False
    scope = {"type": "http", "path": path, "method": "GET"}
    return any(route.matches(scope)[0] == Match.FULL for route in request.app.router.routes)


def page_of(request: Request) -> str:
    """The page to come back to after signing in: the page a request was made from, once the session had ended.
    HTMX says which (HX-Current-URL: a form sent in place, a part of a page loaded); a GET is its own address;
    a plain form (JavaScript off) was sent from the page its Referer names, which browsers send to this server
    only (`Referrer-Policy: same-origin`, web.security); without one, the nearest page above the form's address
    (POST /journal/3/delete: /journal/3, else /journal)."""
    current = urlsplit(request.headers.get("hx-current-url", ""))
    in_place = request.headers.get("hx-request") == "true" and current.path.startswith("/")
    if in_place and current.netloc in ("", request.url.netloc):  # a page of this server, never another's
        return current.path + (f"?{current.query}" if current.query else "")
    if request.method in ("GET", "HEAD"):
        return request.url.path + (f"?{request.url.query}" if request.url.query else "")
    sent_from = urlsplit(request.headers.get("referer", ""))
    same_site = sent_from.netloc == request.url.netloc and sent_from.scheme in ("http", "https")  # never another's
    if same_site and _page_route(request, sent_from.path) and not is_public(sent_from.path):
        return sent_from.path + (f"?{sent_from.query}" if sent_from.query else "")
    path = request.url.path.rstrip("/")
    while path and not _page_route(request, path):
        path = path.rsplit("/", 1)[0]
    return path or "/"


def sign_in_location(request: Request) -> str:
    target = page_of(request)
    return "/sign-in" if target == "/" else f"/sign-in?next={quote(target, safe='')}"


def set_session_cookie(request: Request, response: Response, cookie: str, max_age: int) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        cookie,
        max_age=max_age,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(
        SESSION_COOKIE, httponly=True, samesite="lax", secure=request.url.scheme == "https", path="/"
    )
