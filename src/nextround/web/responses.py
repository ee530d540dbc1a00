"""JSON answers of the API (a service's typed result written by nextround.serialize, like `--json` prints it), and
the redirect that carries a failed test's reason to the page it returns to."""

from __future__ import annotations

from base64 import urlsafe_b64decode, urlsafe_b64encode

from fastapi import Request
from fastapi.responses import JSONResponse, RedirectResponse

from nextround.serialize import to_json


def json_response(value: object, status_code: int = 200) -> JSONResponse:
    return JSONResponse(to_json(value), status_code=status_code)


def redirect_with_failure(url: str, cookie: str, reason: str) -> RedirectResponse:
    """Post/Redirect/Get for a failed test: the reason waits in a short-lived cookie, read once by the page."""
    failed = RedirectResponse(url, status_code=303)
    encoded = urlsafe_b64encode(reason[:1000].encode()).decode()
    failed.set_cookie(cookie, encoded, max_age=300, path="/settings", httponly=True, samesite="strict")
    return failed


def failure_reason(request: Request, cookie: str) -> str | None:
    """The reason `redirect_with_failure` left, or None when there is none or it does not decode."""
    encoded = request.cookies.get(cookie)
    if not encoded:
        return None
    try:
        return urlsafe_b64decode(encoded.encode()).decode()
    except ValueError:
        return None
