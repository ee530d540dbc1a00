"""Errors as users should see them: JSON `{"error": message, "field": name}` for the API, a page otherwise.

Unknown ids are 404, anything else a user can cause is 422, a bad token is 403. Nothing shows a stack trace.
A UserError's `field` names the input at fault (the JSON body's key, the form field); several problems with one
request (FormErrors) answer `{"error": ..., "errors": [{"error": ..., "field": ...}, ...]}`.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from nextround.errors import FormErrors, UserError
from nextround.services.administration import NotAnAdministrator
from nextround.services.rate_limits import TooManyAttempts
from nextround.storage.reads import NotFoundError
from nextround.web.auth import NotSignedIn, ServerWide, sign_in_location
from nextround.web.security import CsrfError

log = logging.getLogger("nextround.web")

# A page whose form token is not the running server's: in local mode, a tab left open while nextround was
# restarted. Said to a person; API clients keep the plain message.
STALE_PAGE = (
    "Nothing was saved: this page was opened before nextround was last started (or before you last signed in). "
    "Go back to what you typed and copy it, then reload that page and send it again."
)


class FieldErrorOut(BaseModel):
    error: str
    field: str | None = None


class ErrorOut(BaseModel):
    """What every API error looks like: the message, the field it is about (if any), all problems of a form."""

    error: str
    field: str | None = None
    errors: list[FieldErrorOut] | None = None


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    403: {"model": ErrorOut, "description": "Missing or wrong CSRF token on a state-changing request"},
    404: {"model": ErrorOut, "description": "No such application for this user"},
    422: {"model": ErrorOut, "description": "Invalid input; the message says which field and why"},
}

_TITLES = {
    400: "Bad request",
    403: "Not allowed",
    404: "Not found",
    405: "Not allowed",
    413: "Too large",
    429: "Too many attempts",
}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error_json(exc: UserError) -> dict[str, Any]:
    body: dict[str, Any] = {"error": str(exc)}
    if exc.field is not None:
        body["field"] = exc.field
    if isinstance(exc, FormErrors):
        body["errors"] = [_error_json(error) for error in exc.errors]
    return body


def error_response(request: Request, status: int, message: str, exc: UserError | None = None) -> Response:
    if _is_api(request):
        return JSONResponse(_error_json(exc) if exc is not None else {"error": message}, status_code=status)
    from nextround.web.rendering import render

    title = _TITLES.get(status, "Something went wrong" if status >= 500 else "That did not work")
    fragment = request.headers.get("hx-request") == "true" and request.headers.get("hx-boosted") != "true"
    template = "_error.html" if fragment else "error.html"
    response = render(request, template, {"status": status, "title": title, "message": message}, status=status)
    if fragment:
        # Tells app.js this is a message to show, not a part of the page to put back (a form with its errors).
        response.headers["X-Nextround-Error"] = "message"
    return response


# How the services name an unknown id ("no application with id 7", "no practice session with id 3"): the API and
# the command line keep those words; a page says what it means for the person looking at it.
_NO_SUCH_ID = re.compile(r"no (?P<thing>[A-Za-z][A-Za-z ]*?) with id \S+")


_NOT_ON_CASELOAD = re.compile(r"no one with id \S+ on your caseload")


def not_found_in_plain_words(message: str) -> str:
    """'no contact with id 7' as a page says it; any other message as it is."""
    if _NOT_ON_CASELOAD.fullmatch(message):  # most often: they stopped sharing, which takes effect at once
        return "This person is not on your caseload: they may have stopped sharing their search with you."
    match = _NO_SUCH_ID.fullmatch(message)
    if match is None:
        return message
    return f"This {match['thing']} does not exist — it may have been deleted."


def _in_plain_words(error: Mapping[str, Any]) -> str | None:
    """What a person reading a page needs to hear about one of pydantic's complaints, or None to keep its own."""
    kind, ctx = str(error.get("type", "")), error.get("ctx") or {}
    if kind in ("literal_error", "enum"):
        return "can be " + str(ctx.get("expected", "one of its choices")).replace("'", "")
    if kind in ("int_parsing", "int_from_float", "int_type"):
        return "needs a whole number"
    if kind in ("float_parsing", "float_type", "decimal_parsing"):
        return "needs a number"
    if kind.startswith("date"):  # date_parsing, datetime_type, …
        return "needs a date written like 2026-12-31"
    if kind in ("bool_parsing", "bool_type"):
        return "needs yes or no"
    if kind == "missing":
        return "is needed"
    if kind == "greater_than_equal":
        return f"can be {ctx.get('ge')} or more"
    if kind == "less_than_equal":
        return f"can be {ctx.get('le')} or less"
    if kind == "string_too_long":
        return f"can be at most {ctx.get('max_length')} characters long"
    return None


def validation_errors(exc: RequestValidationError, plain: bool = False) -> UserError:
    """Pydantic's complaints about a request as UserErrors with their fields (`where: message` as the text).

    `plain` (pages, not the API, whose wording scripts may match) says them in words a person reads: "period can
    be week or month", not "Input should be 'week' or 'month'".
    """
    found = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path", "form"))
        message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
        worded = _in_plain_words(error) if plain else None
        if worded is not None:
            found.append(UserError(f"{where.replace('_', ' ') or 'a value'} {worded}.", field=where or None))
            continue
        found.append(UserError(f"{where}: {message}" if where else message, field=where or None))
    if not found:
        return UserError("invalid input")
    return found[0] if len(found) == 1 else FormErrors(found)


def _out_of_range(exc: Exception) -> UserError | None:
    """A number the database cannot hold, however it surfaced: the user's input, not our failure."""
    cause = getattr(exc, "orig", None) or exc
    if isinstance(cause, UserError):  # raised while binding a value (storage.tables.PortableInteger)
        return cause
    if isinstance(cause, OverflowError) or type(cause).__name__ == "NumericValueOutOfRange":
        return UserError("a number in the request is out of range")
    return None


def crash_response(request: Request, exc: Exception) -> Response:
    """What an unexpected error answers: one log line with an id, and the id in the answer to find it by."""
    problem = _out_of_range(exc)
    if problem is not None:
        return error_response(request, 422, str(problem), problem)
    incident = uuid.uuid4().hex[:10]
    summary = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
    log.error("error %s on %s %s: %s: %s", incident, request.method, request.url.path, type(exc).__name__, summary)
    log.debug("error %s traceback", incident, exc_info=exc)
    if type(exc).__module__.startswith("sqlalchemy"):
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return error_response(request, 503, f"database error: {detail} (error {incident})")
    return error_response(request, 500, f"Something went wrong on our side (error {incident} in the server log).")


class LastResort:
    """Turns an error no handler took into crash_response's answer, before it reaches the server's logger."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started:  # half an answer went out already; nothing better to do than let the server close it
                raise
            await crash_response(Request(scope, receive), exc)(scope, receive, send)


def install_error_handlers(app: FastAPI) -> None:
    async def not_found(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, UserError)
        message = str(exc) if _is_api(request) else not_found_in_plain_words(str(exc))
        return error_response(request, 404, message, exc)

    async def user_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, UserError)
        return error_response(request, 422, str(exc), exc)

    async def csrf(request: Request, exc: Exception) -> Response:
        if isinstance(exc, CsrfError) and exc.stale and not _is_api(request):
            return error_response(request, 403, STALE_PAGE)
        return error_response(request, 403, str(exc))

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        if not _is_api(request) and all(error.get("loc", ("",))[0] == "path" for error in exc.errors()):
            # /applications/abc is an address that leads nowhere, not a form to correct.
            return error_response(request, 404, "There is no page at this address.")
        problem = validation_errors(exc, plain=not _is_api(request))
        return error_response(request, 422, str(problem), problem)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = "There is no page at this address."
        response = error_response(request, exc.status_code, message)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def crash(request: Request, exc: Exception) -> Response:
        return crash_response(request, exc)

    async def not_signed_in(request: Request, exc: Exception) -> Response:
        if _is_api(request):
            headers = {"www-authenticate": 'Bearer realm="nextround"'}
            return JSONResponse({"error": "sign in first (a session, or an access token)"}, 401, headers=headers)
        if request.headers.get("hx-request") == "true":
            # A redirect would be followed inside HTMX's request and the sign-in page swapped into a part of
            # this one: HX-Redirect has the browser go there itself (what was typed waits in its draft).
            return Response(status_code=401, headers={"HX-Redirect": sign_in_location(request)})
        return RedirectResponse(sign_in_location(request), 303)

    async def server_wide(request: Request, exc: Exception) -> Response:
        return error_response(request, 403, str(exc))

    async def too_many(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, TooManyAttempts)
        response = error_response(request, 429, str(exc), exc)
        response.headers["retry-after"] = str(exc.retry_after)
        return response

    app.add_exception_handler(NotSignedIn, not_signed_in)
    app.add_exception_handler(TooManyAttempts, too_many)
    app.add_exception_handler(ServerWide, server_wide)
    app.add_exception_handler(NotAnAdministrator, server_wide)  # someone else's job on this server: 403
    app.add_exception_handler(NotFoundError, not_found)
    app.add_exception_handler(UserError, user_error)
    app.add_exception_handler(CsrfError, csrf)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, crash)
    # Starlette hands an Exception handler's error on to the server, which logs its whole traceback again;
    # answering here, inside, keeps it to the one line crash_response writes.
    app.add_middleware(LastResort)
