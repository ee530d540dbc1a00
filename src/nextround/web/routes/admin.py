"""Multi-user mode only: the Accounts page of the server's administrators, and the page a person opens from a
link an administrator made to choose a new password.

Administrators invite people (one or a list, each link shown once to copy and emailed when the server sends
mail), disable and enable accounts, send a link to set a new password and make others administrators. Everyone
else gets 403 here, as for the server's other set-up. The acts that take something away ask first, on a page
of their own (no JavaScript needed). Each act is checked again in the service, in its own transaction.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextround.errors import UserError, errors_by_field
from nextround.services import accounts, administration, invitation_mail
from nextround.services.accounts import Caller
from nextround.services.administration import NotAnAdministrator
from nextround.services.invitation_mail import SentInvitation
from nextround.services.server_settings import Changed
from nextround.storage.reads import NotFoundError
from nextround.web.auth import SESSION_COOKIE
from nextround.web.deps import FormDep
from nextround.web.forms import form_text
from nextround.web.rendering import render
from nextround.web.routes.account import _new_account_form, _public_page, _signed_in

router = APIRouter(include_in_schema=False)

PAGE = "/admin/accounts"

DONE = {
    "disable": "{email} is disabled: signed out everywhere, access tokens revoked. Their data stays.",
    "enable": "{email} can sign in again with their password.",
    "grant-admin": "{email} is an administrator now.",
    "revoke-admin": "{email} is no longer an administrator.",
}


# The log's words for changes made on the Server settings page (services.server_settings.Changed).
SERVER_CHANGES = {
    Changed.AI: "changed the AI coach",
    Changed.AI_KEY: "saved a new key for the AI coach in the server's keyring",
    Changed.AI_KEY_REMOVED: "removed the AI coach's key from the server's keyring",
    Changed.AI_REMOVED: "removed the AI coach set up on the page",
    Changed.MAIL: "changed the outgoing mail",
    Changed.MAIL_PASSWORD: "saved a new mail password in the server's keyring",
    Changed.MAIL_REMOVED: "removed the outgoing mail set up on the page",
}


def _admin(request: Request) -> Caller:
    caller = getattr(request.state, "caller", None)
    assert isinstance(caller, Caller)  # web.auth let no one without a session past this point
    if not caller.is_admin:
        raise NotAnAdministrator("only the server's administrators manage its accounts")
    return caller


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _accounts_page(
    request: Request,
    *,
    invited: list[SentInvitation] | None = None,
    reset: SentInvitation | None = None,
    errors: dict[str, str] | None = None,
    typed: dict[str, Any] | None = None,
    done: str = "",
    status: int = 200,
) -> HTMLResponse:
    caller = _admin(request)
    db = request.app.state.web.database()
    search = request.query_params.get("q", "")[:100]
    context = {
        "overview": administration.overview(db, caller.owner_id, search=search),
        "search": search,
        "shown_at_most": administration.SHOWN,
        "me": caller.owner_id,
        "invited": invited or [],
        "reset": reset,
        "errors": errors or {},
        "typed": typed or {"days": "7"},
        "done": done or _done(request),
        "server_changes": SERVER_CHANGES,
    }
    return render(request, "admin_accounts.html", context, status=status)


def _done(request: Request) -> str:
    """After a redirect: what was done, in our own words (the link names an act and an account, nothing else)."""
    act, account = request.query_params.get("done", ""), request.query_params.get("account", "")
    if act not in DONE or not account.isdigit():
        return ""
    try:
        found = accounts.get_account(request.app.state.web.database(), int(account))
    except NotFoundError:
        return ""
    return DONE[act].format(email=found.email)


@router.get(PAGE, response_class=HTMLResponse)
def accounts_page(request: Request) -> HTMLResponse:
    return _accounts_page(request)


@router.post("/admin/invitations", response_class=HTMLResponse)
def invite(request: Request, form: FormDep) -> HTMLResponse:
    caller = _admin(request)
    web = request.app.state.web
    typed = {"emails": form_text(form, "emails"), "days": form_text(form, "days")}
    try:
        days_text = typed["days"].strip() or "7"
        if not days_text.isdigit():
            raise UserError("give the number of days the link works, for example 7", field="days")
        sent = invitation_mail.invite_accounts(
            web.database(),
            web.settings,
            caller.owner_id,
            administration.addresses_in(typed["emails"]),
            _base(request),
            days=int(days_text),
        )
    except UserError as exc:
        return _accounts_page(request, errors=errors_by_field(exc), typed=typed, status=422)
    return _accounts_page(request, invited=sent)


@router.post("/admin/invitations/{invitation_id}/withdraw", response_class=HTMLResponse)
def withdraw_invitation(request: Request, invitation_id: int) -> HTMLResponse:
    caller = _admin(request)
    gone = administration.withdraw_invitation(request.app.state.web.database(), caller.owner_id, invitation_id)
    return _accounts_page(request, done=f"The invitation to {gone.email} was withdrawn: its link no longer works.")


def _confirm(request: Request, account_id: int, act: str) -> HTMLResponse:
    """The question before an act that takes something away: what exactly it does, and a way back."""
    caller = _admin(request)
    account = administration.account(request.app.state.web.database(), caller.owner_id, account_id)
    myself = account.id == caller.owner_id
    question, button = {
        "disable": (f"Disable {account.email}?", "Disable the account"),
        "grant-admin": (f"Make {account.email} an administrator?", "Make administrator"),
        "revoke-admin": (
            "Give up your administrator role?" if myself else f"Take the administrator role from {account.email}?",
            "No longer administrator",
        ),
    }[act]
    context = {"account": account, "act": act, "myself": myself, "question": question, "button": button}
    return render(request, "admin_confirm.html", context)


def _act(request: Request, account_id: int, act: str) -> Response:
    caller = _admin(request)
    db, me = request.app.state.web.database(), caller.owner_id
    try:
        if act in ("disable", "enable"):
            administration.set_disabled(db, me, account_id, disabled=act == "disable")
        else:
            administration.set_admin(db, me, account_id, admin=act == "grant-admin")
    except NotFoundError:
        raise
    except UserError as exc:  # the last administrator, one's own account: said at the top of the page
        return _accounts_page(request, errors={"_form": str(exc)}, status=422)
    if act == "revoke-admin" and account_id == me:  # the Accounts page is no longer theirs
        return RedirectResponse("/account", 303)
    return RedirectResponse(f"{PAGE}?done={act}&account={account_id}", 303)


@router.get("/admin/accounts/{account_id}/disable", response_class=HTMLResponse)
def confirm_disable(request: Request, account_id: int) -> HTMLResponse:
    return _confirm(request, account_id, "disable")


@router.post("/admin/accounts/{account_id}/disable")
def disable(request: Request, account_id: int) -> Response:
    return _act(request, account_id, "disable")


@router.post("/admin/accounts/{account_id}/enable")
def enable(request: Request, account_id: int) -> Response:
    return _act(request, account_id, "enable")


@router.get("/admin/accounts/{account_id}/grant-admin", response_class=HTMLResponse)
def confirm_grant_admin(request: Request, account_id: int) -> HTMLResponse:
    return _confirm(request, account_id, "grant-admin")


@router.post("/admin/accounts/{account_id}/grant-admin")
def grant_admin(request: Request, account_id: int) -> Response:
    return _act(request, account_id, "grant-admin")


@router.get("/admin/accounts/{account_id}/revoke-admin", response_class=HTMLResponse)
def confirm_revoke_admin(request: Request, account_id: int) -> HTMLResponse:
    return _confirm(request, account_id, "revoke-admin")


@router.post("/admin/accounts/{account_id}/revoke-admin")
def revoke_admin(request: Request, account_id: int) -> Response:
    return _act(request, account_id, "revoke-admin")


@router.post("/admin/accounts/{account_id}/reset-link", response_class=HTMLResponse)
def reset_link(request: Request, account_id: int) -> HTMLResponse:
    caller = _admin(request)
    web = request.app.state.web
    try:
        sent = invitation_mail.send_reset_link(
            web.database(), web.settings, caller.owner_id, account_id, _base(request)
        )
    except NotFoundError:
        raise
    except UserError as exc:  # a disabled account
        return _accounts_page(request, errors={"_form": str(exc)}, status=422)
    return _accounts_page(request, reset=sent)


# -- the person's side: a link to choose a new password (public: they may have no working password) ----------------


@router.get("/reset-password/{token}", response_class=HTMLResponse)
def reset_password_page(request: Request, token: str) -> HTMLResponse:
    account = administration.open_reset_link(request.app.state.web.database(), token)
    context = {"email": account.email, "token": token, "values": {}, "errors": {}}
    return _public_page(request, "reset_password.html", context)


@router.post("/reset-password/{token}", response_class=HTMLResponse)
def reset_password(request: Request, token: str, form: FormDep) -> Response:
    db = request.app.state.web.database()
    account = administration.open_reset_link(db, token)
    try:
        password, _zone = _new_account_form(request, form)
        signed = administration.use_reset_link(db, token, password)
    except NotFoundError:
        raise
    except UserError as exc:
        context = {"email": account.email, "token": token, "values": {}, "errors": errors_by_field(exc)}
        return _public_page(request, "reset_password.html", context, 422)
    # Signed in here at once (not through sign-in: its failure limit may be why they needed the link); a session
    # of another account this browser had ends.
    if request.cookies.get(SESSION_COOKIE):
        accounts.end_session(db, request.cookies[SESSION_COOKIE])
    return _signed_in(request, signed, "/")
