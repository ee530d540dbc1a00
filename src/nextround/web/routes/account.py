"""Multi-user mode only: sign in and out, invitations, open sign-up (when allowed), the account page.

The account page holds the time zone, "sign out everywhere", personal access tokens for the JSON API (each
shown once, revocable) and deleting the account with everything in it (the export is offered first).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextround.errors import FormErrors, UserError, errors_by_field
from nextround.services import accounts, coaching
from nextround.services.accounts import Caller, SignInRefused
from nextround.services.rate_limits import TooManyAttempts
from nextround.services.recordings import RECORDINGS_FOLDER
from nextround.storage.reads import NotFoundError
from nextround.web.auth import SESSION_COOKIE, clear_session_cookie, set_session_cookie
from nextround.web.deps import FormDep
from nextround.web.forms import form_text
from nextround.web.rendering import render
from nextround.web.security import PRESESSION_COOKIE, new_csrf_token

router = APIRouter(include_in_schema=False)


def _caller(request: Request) -> Caller:
    caller = getattr(request.state, "caller", None)
    assert isinstance(caller, Caller)  # web.auth let no one without a session past this point
    return caller


def _safe_next(target: str) -> str:
    """Only a path on this server (never `//elsewhere` or `https://…`): no open redirect after sign-in."""
    parts = urlsplit(target)
    if not target.startswith("/") or target.startswith("//") or parts.scheme or parts.netloc or "\\" in target:
        return "/"
    return target


def _public_page(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """A page before there is a session: its forms carry a token that matches a cookie of the browser's own."""
    if getattr(request.state, "caller", None) is not None:
        return render(request, template, context, status=status)  # signed in: the session's own token
    token = request.cookies.get(PRESESSION_COOKIE) or new_csrf_token()
    response = render(request, template, {**context, "csrf_token": token}, status=status)
    response.set_cookie(
        PRESESSION_COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https", path="/"
    )
    return response


def _signed_in(request: Request, signed: accounts.SignedIn, target: str) -> Response:
    response = RedirectResponse(_safe_next(target), 303)
    max_age = int((signed.expires_at - accounts._now()).total_seconds())
    set_session_cookie(request, response, signed.cookie, max_age)
    response.delete_cookie(PRESESSION_COOKIE, path="/")
    return response


def _client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


# Where sign-out and deleting the account land, said on the sign-in page.
SIGN_IN_NOTICES = {
    "signed-out": "You are signed out.",
    "signed-out-everywhere": "You are signed out on every device.",
    "deleted": "Your account and everything in it were deleted.",
}


COACH_ACCEPT = "/coaching/accept/"


@router.get("/sign-in", response_class=HTMLResponse)
def sign_in_page(request: Request, next: str = "/", notice: str = "") -> Response:
    sign_up = request.app.state.web.multi_user.allow_sign_up
    if next.startswith(COACH_ACCEPT) and getattr(request.state, "caller", None) is None:
        # A coach invitation to an address with no account here: make the account with it, not a dead end.
        try:
            if coaching.invitation_needs_account(request.app.state.web.database(), next[len(COACH_ACCEPT) :]):
                return RedirectResponse(f"/invite/coach/{quote(next[len(COACH_ACCEPT) :], safe='')}", 303)
        except NotFoundError:
            pass  # signed in, the accept page says the link is not valid
    context = {"next": _safe_next(next), "values": {}, "errors": {}, "sign_up": sign_up}
    # Only our own words: what a link's ?notice= names, never text it carries.
    return _public_page(request, "sign_in.html", {**context, "notice": SIGN_IN_NOTICES.get(notice)})


@router.post("/sign-in", response_class=HTMLResponse)
def sign_in(request: Request, form: FormDep) -> Response:
    web = request.app.state.web
    email, target = form_text(form, "email"), _safe_next(form_text(form, "next") or "/")
    try:
        signed = accounts.sign_in(
            web.database(),
            email,
            form_text(form, "password"),
            address=_client_address(request),
            replaces=request.cookies.get(SESSION_COOKIE),
        )
    except (SignInRefused, TooManyAttempts) as exc:
        # Said at the form, which stays (the address kept), not on an error page that leads to a dashboard
        # they cannot open; a wait also says who can help with a forgotten password.
        waiting = isinstance(exc, TooManyAttempts)
        forgotten = ". Forgotten your password? The server's administrator can send you a link to choose a new one."
        message = str(exc) + (forgotten if waiting else "")
        context = {"next": target, "values": {"email": email}, "errors": {"_form": message}}
        page = _public_page(
            request, "sign_in.html", {**context, "sign_up": web.multi_user.allow_sign_up}, 429 if waiting else 401
        )
        if isinstance(exc, TooManyAttempts):
            page.headers["retry-after"] = str(exc.retry_after)
        return page
    return _signed_in(request, signed, target)


@router.post("/sign-out")
def sign_out(request: Request, form: FormDep) -> Response:
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        accounts.end_session(request.app.state.web.database(), cookie)
    # only a coach invitation carries on after signing out (to sign in as the address it was sent to)
    then = _safe_next(form_text(form, "next")) if form_text(form, "next").startswith(COACH_ACCEPT) else ""
    response = RedirectResponse(
        f"/sign-in?notice=signed-out&next={quote(then, safe='')}" if then else "/sign-in?notice=signed-out", 303
    )
    clear_session_cookie(request, response)
    return response


@router.get("/invite/{token}", response_class=HTMLResponse)
def invitation_page(request: Request, token: str) -> HTMLResponse:
    invitation = accounts.open_invitation(request.app.state.web.database(), token)
    return _public_page(request, "invite.html", {"email": invitation.email, "token": token, "values": {}, "errors": {}})


def _new_account_form(request: Request, form: Any) -> tuple[str, str | None]:
    """The password and time zone of a new account, or every problem with them at once (not one per try)."""
    password = form_text(form, "password")
    zone = form_text(form, "time_zone").strip() or None
    problems: list[UserError] = []
    try:
        accounts.check_password(password)
    except UserError as exc:
        problems.append(exc)
    if password != form_text(form, "password_again"):
        problems.append(UserError("the two passwords differ", field="password_again"))
    if zone:
        try:
            zone = accounts.check_time_zone(zone)
        except UserError as exc:
            problems.append(exc)
    if problems:
        raise FormErrors(problems)
    return password, zone


@router.post("/invite/{token}", response_class=HTMLResponse)
def accept_invitation(request: Request, token: str, form: FormDep) -> Response:
    db = request.app.state.web.database()
    invitation = accounts.open_invitation(db, token)
    try:
        password, zone = _new_account_form(request, form)
        account = accounts.accept_invitation(db, token, password, time_zone=zone)
    except NotFoundError:
        raise
    except UserError as exc:
        context = {"email": invitation.email, "token": token, "values": dict(form), "errors": errors_by_field(exc)}
        return _public_page(request, "invite.html", context, 422)
    signed = accounts.sign_in(db, account.email, password, address=_client_address(request))
    return _signed_in(request, signed, "/")


@router.get("/invite/coach/{token}", response_class=HTMLResponse)
def coach_join_page(request: Request, token: str) -> Response:
    caller = getattr(request.state, "caller", None)
    if caller is not None:  # signed in already: the accept page, if the link is for this account
        coaching.invitation_for(request.app.state.web.database(), caller.owner_id, token)
        return RedirectResponse(f"{COACH_ACCEPT}{quote(token, safe='')}", 303)
    address = coaching.invitation_needs_account(request.app.state.web.database(), token)
    if address is None:  # the address has an account: sign in with it to accept
        return RedirectResponse(f"/sign-in?next={quote(COACH_ACCEPT + token, safe='')}", 303)
    return _public_page(request, "coach_join.html", {"email": address, "token": token, "values": {}, "errors": {}})


@router.post("/invite/coach/{token}", response_class=HTMLResponse)
def coach_join(request: Request, token: str, form: FormDep) -> Response:
    db = request.app.state.web.database()
    address = coaching.invitation_needs_account(db, token)
    if address is None:
        return RedirectResponse(f"/sign-in?next={quote(COACH_ACCEPT + token, safe='')}", 303)
    try:
        password, zone = _new_account_form(request, form)
        account = coaching.join_as_coach(db, token, password, time_zone=zone)
    except UserError as exc:
        context = {"email": address, "token": token, "values": dict(form), "errors": errors_by_field(exc)}
        return _public_page(request, "coach_join.html", context, 422)
    signed = accounts.sign_in(db, account.email, password, address=_client_address(request))
    return _signed_in(request, signed, COACH_ACCEPT + token)


@router.post("/invite/coach/{token}/decline", response_class=HTMLResponse)
def coach_decline(request: Request, token: str) -> Response:
    """No account needed to say no; shown at once (a reload finds the link no longer valid, which is true)."""
    db = request.app.state.web.database()
    if coaching.invitation_needs_account(db, token) is None:
        return RedirectResponse(f"/sign-in?next={quote(COACH_ACCEPT + token, safe='')}", 303)
    coaching.decline_without_account(db, token)
    return _public_page(request, "coach_declined.html", {})


def _sign_up_allowed(request: Request) -> None:
    if not request.app.state.web.multi_user.allow_sign_up:
        raise NotFoundError("sign-up is off on this server: ask its administrator for an invitation")


@router.get("/sign-up", response_class=HTMLResponse)
def sign_up_page(request: Request) -> HTMLResponse:
    _sign_up_allowed(request)
    return _public_page(request, "sign_up.html", {"values": {}, "errors": {}})


@router.post("/sign-up", response_class=HTMLResponse)
def sign_up(request: Request, form: FormDep) -> Response:
    _sign_up_allowed(request)
    db = request.app.state.web.database()
    try:
        password, zone = _new_account_form(request, form)
        account = accounts.sign_up(db, form_text(form, "email"), password, time_zone=zone)
    except UserError as exc:
        return _public_page(request, "sign_up.html", {"values": dict(form), "errors": errors_by_field(exc)}, 422)
    signed = accounts.sign_in(db, account.email, password, address=_client_address(request))
    return _signed_in(request, signed, "/")


def _account_page(
    request: Request,
    *,
    new_token: accounts.NewToken | None = None,
    errors: dict[str, str] | None = None,
    saved: str = "",
) -> HTMLResponse:
    db = request.app.state.web.database()
    caller = _caller(request)
    context = {
        "account": accounts.get_account(db, caller.owner_id),
        "tokens": accounts.list_tokens(db, caller.owner_id),
        "new_token": new_token,
        "errors": errors or {},
        "saved": saved,
    }
    status = 422 if errors else 200
    return render(request, "account.html", context, status=status)


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request) -> HTMLResponse:
    return _account_page(request)


@router.post("/account/time-zone", response_class=HTMLResponse)
def set_time_zone(request: Request, form: FormDep) -> HTMLResponse:
    try:
        accounts.set_time_zone(
            request.app.state.web.database(), _caller(request).owner_id, form_text(form, "time_zone")
        )
    except UserError as exc:
        return _account_page(request, errors=errors_by_field(exc))
    return _account_page(request, saved="Time zone saved.")


@router.post("/account/tokens", response_class=HTMLResponse)
def create_token(request: Request, form: FormDep) -> HTMLResponse:
    try:
        made = accounts.create_token(
            request.app.state.web.database(), _caller(request).owner_id, form_text(form, "name")
        )
    except UserError as exc:
        return _account_page(request, errors=errors_by_field(exc))
    return _account_page(request, new_token=made)


@router.post("/account/tokens/{token_id}/revoke", response_class=HTMLResponse)
def revoke_token(request: Request, token_id: int) -> HTMLResponse:
    revoked = accounts.revoke_token(request.app.state.web.database(), _caller(request).owner_id, token_id)
    return _account_page(request, saved=f"The token “{revoked.name}” no longer works.")


@router.post("/account/sign-out-everywhere")
def sign_out_everywhere(request: Request) -> Response:
    accounts.sign_out_everywhere(request.app.state.web.database(), _caller(request).owner_id)
    response = RedirectResponse("/sign-in?notice=signed-out-everywhere", 303)
    clear_session_cookie(request, response)
    return response


@router.post("/account/delete", response_class=HTMLResponse)
def delete_account(request: Request, form: FormDep) -> Response:
    db = request.app.state.web.database()
    try:
        recordings = request.app.state.web.settings.home / RECORDINGS_FOLDER
        accounts.delete_account(db, _caller(request).owner_id, form_text(form, "password"), recordings)
    except UserError as exc:
        return _account_page(request, errors=errors_by_field(exc))
    response = RedirectResponse("/sign-in?notice=deleted", 303)
    clear_session_cookie(request, response)
    return response
