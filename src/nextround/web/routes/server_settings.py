"""Multi-user mode only: the Server settings page of the server's administrators (beside Accounts, under
Administration): the AI coach everyone on the server may use, and the outgoing mail for invitations and password
links. Keys and passwords go to the server's OS keyring, never the database; the page never shows them.

Everyone else gets 403, as on the Accounts page; a single-user installation has no such page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from nextround.errors import UserError, errors_by_field
from nextround.services import server_settings
from nextround.services.accounts import Caller
from nextround.services.administration import NotAnAdministrator
from nextround.services.mail_setup import SECURITY_CHOICES
from nextround.web.deps import FormDep
from nextround.web.forms import form_text
from nextround.web.mail_sections import ADMINISTRATOR, broken_setup
from nextround.web.rendering import render

router = APIRouter(include_in_schema=False)

PAGE = "/admin/server"
AI_FIELDS = ("base_url", "model")
MAIL_FIELDS = ("host", "port", "user", "from_addr", "security")


def _admin(request: Request) -> Caller:
    caller = getattr(request.state, "caller", None)
    assert isinstance(caller, Caller)  # web.auth let no one without a session past this point
    if not caller.is_admin:
        raise NotAnAdministrator("only the server's administrators change its settings")
    return caller


def _broken(what: str, setup: server_settings.ServerAi | server_settings.ServerMail) -> str:
    """Why the set-up the server was started with cannot be used, and what the administrator reading the page
    corrects, in words ("" when it can): the services' own words name the variables, for the log."""
    return broken_setup(what, setup.problem, setup.error, started_by="this server", fixer=ADMINISTRATOR)


def _page(
    request: Request,
    *,
    ai: dict[str, Any] | None = None,
    mail: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    """The page; `ai` and `mail` carry what one section says after an act (typed values, errors, outcome)."""
    _admin(request)
    web = request.app.state.web
    db, settings = web.database(), web.settings
    ai_setup = server_settings.ai_setup(db, settings)
    mail_setup = server_settings.mail_setup(db, settings)
    ai, mail = ai or {}, mail or {}
    saved_mail = mail_setup.saved
    context = {
        "ai_setup": ai_setup,
        # the form holds what this page saved (kept, unused, while the environment wins)
        "ai_fields": ai.get("values") or {name: ai_setup.saved.get(name, "") for name in AI_FIELDS},
        "ai_errors": ai.get("errors", {}),
        "ai_done": ai.get("done", ""),
        "mail_setup": mail_setup,
        "mail_fields": mail.get("values")
        or {name: saved_mail.get("from" if name == "from_addr" else name, "") for name in MAIL_FIELDS},
        "mail_errors": mail.get("errors", {}),
        "mail_done": mail.get("done", ""),
        "ai_broken": _broken("AI coach set-up", ai_setup),
        "mail_broken": _broken("mail set-up", mail_setup),
        "security_choices": SECURITY_CHOICES,
    }
    return render(request, "admin_server.html", context, status=status)


def _act(
    request: Request, section: str, change: Callable[[Caller], str], values: dict[str, str] | None = None
) -> HTMLResponse:
    """Make the change and show the page with what was done, or with the problem at its field (nothing kept)."""
    caller = _admin(request)
    try:
        said: dict[str, Any] = {"done": change(caller)}
        status = 200
    except UserError as exc:
        said, status = {"values": values, "errors": errors_by_field(exc)}, 422
    if section == "ai":
        return _page(request, ai=said, status=status)
    return _page(request, mail=said, status=status)


@router.get(PAGE, response_class=HTMLResponse)
def server_page(request: Request) -> HTMLResponse:
    return _page(request)


@router.post(f"{PAGE}/ai", response_class=HTMLResponse)
def save_ai(request: Request, form: FormDep) -> HTMLResponse:
    values = {name: form_text(form, name).strip() for name in AI_FIELDS}
    key = form_text(form, "api_key")
    db = request.app.state.web.database()

    def change(caller: Caller) -> str:
        server_settings.save_ai(db, caller.owner_id, **values, api_key=key)
        return "AI coach settings saved" + (", and the key kept in the server's keyring." if key.strip() else ".")

    return _act(request, "ai", change, values)


@router.post(f"{PAGE}/ai/key/remove", response_class=HTMLResponse)
def remove_ai_key(request: Request) -> HTMLResponse:
    db = request.app.state.web.database()

    def change(caller: Caller) -> str:
        server_settings.remove_ai_key(db, caller.owner_id)
        return "The key is removed from the server's keyring."

    return _act(request, "ai", change)


@router.post(f"{PAGE}/ai/forget", response_class=HTMLResponse)
def forget_ai(request: Request) -> HTMLResponse:
    db = request.app.state.web.database()

    def change(caller: Caller) -> str:
        server_settings.forget_ai(db, caller.owner_id)
        return "The AI coach settings saved on this page were removed, with their key."

    return _act(request, "ai", change)


@router.post(f"{PAGE}/ai/test", response_class=HTMLResponse)
def test_ai(request: Request) -> HTMLResponse:
    """One short request to the model: the only way this section reaches the network."""
    web = request.app.state.web
    caller = _admin(request)
    broken = _broken("AI coach set-up", server_settings.ai_setup(web.database(), web.settings))
    if broken:  # a test from a page loaded before the server was restarted: the page says why, once
        return _page(request)
    try:
        check = server_settings.check_ai(web.database(), web.settings, caller.owner_id)
    except UserError as exc:
        return _page(request, ai={"errors": {"_test": str(exc)}})
    return _page(request, ai={"done": f"The model {check.model} answered in {check.seconds:g} s."})


@router.post(f"{PAGE}/mail", response_class=HTMLResponse)
def save_mail(request: Request, form: FormDep) -> HTMLResponse:
    values = {name: form_text(form, name).strip() for name in MAIL_FIELDS}
    password = form_text(form, "password")
    db = request.app.state.web.database()

    def change(caller: Caller) -> str:
        server_settings.save_mail(db, caller.owner_id, **values, password=password)
        return "Mail settings saved" + (", and the password kept in the server's keyring." if password else ".")

    return _act(request, "mail", change, values)


@router.post(f"{PAGE}/mail/forget", response_class=HTMLResponse)
def forget_mail(request: Request) -> HTMLResponse:
    db = request.app.state.web.database()

    def change(caller: Caller) -> str:
        server_settings.forget_mail(db, caller.owner_id)
        return "The mail settings saved on this page were removed."

    return _act(request, "mail", change)


@router.post(f"{PAGE}/mail/test", response_class=HTMLResponse)
def test_mail(request: Request) -> HTMLResponse:
    """A test message to the administrator asking: the only way this section reaches the network."""
    web = request.app.state.web
    caller = _admin(request)
    broken = _broken("mail set-up", server_settings.mail_setup(web.database(), web.settings))
    if broken:  # a test from a page loaded before the server was restarted: the page says why, once
        return _page(request)
    try:
        to = server_settings.send_test_mail(web.database(), web.settings, caller.owner_id)
    except UserError as exc:
        return _page(request, mail={"errors": {"_test": str(exc)}})
    return _page(request, mail={"done": f"A test message was sent to {to}."})
