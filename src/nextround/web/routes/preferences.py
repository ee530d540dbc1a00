"""Settings: silence limits per stage and whether silent applications close themselves."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextround.domain.ghosting import DEFAULT_GHOST_DAYS, MAX_GHOST_DAYS
from nextround.errors import UserError
from nextround.services.preferences import (
    AUTO_CLOSE,
    GHOST_PREFIX,
    MAIL_READING,
    PROFILE_NAME,
    load_preferences,
    parse_value,
    set_preference,
)
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep, WorkspaceDep
from nextround.web.forms import form_text
from nextround.web.rendering import render

router = APIRouter(include_in_schema=False)

GHOST_DAYS_PROBLEM = f"Give a whole number of days, from 1 to {MAX_GHOST_DAYS}."


def settings_page_response(
    request: Request,
    ws: Workspace,
    *,
    values: dict[str, str] | None = None,
    error: str | None = None,
    errors: dict[str, str] | None = None,
    status: int = 200,
    sections: dict[str, Any] | None = None,
) -> HTMLResponse:
    """The whole Settings page; each section's own route module may pass its context in `sections`."""
    from nextround.web.routes.ai_settings import NOTICES as AI_NOTICES
    from nextround.web.routes.ai_settings import ai_context
    from nextround.web.routes.ai_settings import test_outcome as ai_test_outcome
    from nextround.web.routes.mail_setup import SECTION as MAIL
    from nextround.web.routes.mailbox_setup import SECTION as MAILBOX
    from nextround.web.routes.voice import voice_context

    context = {
        "values": _current_values(ws) if values is None else values,
        "error": error,
        "errors": errors or {},
        "saved": request.query_params.get("saved") == "1",
        "stages": [s.value for s in DEFAULT_GHOST_DAYS],
        "defaults": {s.value: d for s, d in DEFAULT_GHOST_DAYS.items()},
        **MAIL.context(request, ws),
        **MAILBOX.context(request, ws),
        **voice_context(ws),
        **ai_context(
            request, ws, notice=AI_NOTICES.get(request.query_params.get("ai", "")), **ai_test_outcome(request, ws)
        ),
        **(sections or {}),
    }
    return render(request, "settings.html", context, status=status)


def _current_values(ws: Workspace) -> dict[str, str]:
    prefs = load_preferences(ws)
    values = {s.value: str(d) for s, d in prefs.ghost_days.items()}
    values[AUTO_CLOSE] = "on" if prefs.auto_close_ghosted else ""
    values[MAIL_READING] = "on" if prefs.mail_reading else ""
    values[PROFILE_NAME] = prefs.profile_name
    return values


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request, ws: WorkspaceDep) -> HTMLResponse:
    from nextround.web.routes.ai_settings import TEST_FAILED_COOKIE as AI_TEST_FAILED
    from nextround.web.routes.mail_setup import SECTION as MAIL
    from nextround.web.routes.mailbox_setup import SECTION as MAILBOX

    page = settings_page_response(request, ws)
    for cookie in (MAIL.test_failed_cookie, MAILBOX.test_failed_cookie, AI_TEST_FAILED):
        if cookie in request.cookies:  # a failed test's reason is shown once
            page.delete_cookie(cookie, path="/settings", httponly=True, samesite="strict")
    return page


@router.post("/settings", response_class=HTMLResponse)
def save_settings(request: Request, ws: WorkspaceDep, form: FormDep) -> Response:
    values = {s.value: form_text(form, s.value).strip() for s in DEFAULT_GHOST_DAYS}
    values[AUTO_CLOSE] = "on" if form_text(form, AUTO_CLOSE) else ""
    values[MAIL_READING] = "on" if form_text(form, MAIL_READING) else ""
    values[PROFILE_NAME] = form_text(form, PROFILE_NAME).strip()
    current = load_preferences(ws)
    changes = {
        GHOST_PREFIX + s.value: values[s.value] for s, d in current.ghost_days.items() if values[s.value] != str(d)
    }
    if bool(values[AUTO_CLOSE]) != current.auto_close_ghosted:
        changes[AUTO_CLOSE] = "on" if values[AUTO_CLOSE] else "off"
    if bool(values[MAIL_READING]) != current.mail_reading:
        changes[MAIL_READING] = "on" if values[MAIL_READING] else "off"
    if values[PROFILE_NAME] != current.profile_name:
        changes[PROFILE_NAME] = values[PROFILE_NAME]
    errors: dict[str, str] = {}
    for key, raw in changes.items():  # check every value before saving any
        try:
            parse_value(key, raw)
        except UserError as exc:
            # The service names a limit by its setting key (ghost_days.applied), which is for `config set`;
            # here each limit's message sits beside its own box.
            ghost = key.startswith(GHOST_PREFIX)
            errors[key.removeprefix(GHOST_PREFIX)] = GHOST_DAYS_PROBLEM if ghost else str(exc)
    if errors:
        summary = "Nothing was saved: " + ("one box needs" if len(errors) == 1 else "some boxes need") + " a change."
        return settings_page_response(request, ws, values=values, error=summary, errors=errors, status=422)
    for key, raw in changes.items():
        set_preference(ws, key, raw)
    return RedirectResponse("/settings?saved=1", status_code=303)
