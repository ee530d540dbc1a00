"""The Settings page's two mail sections, the outgoing mail (web/routes/mail_setup.py, `_settings_mail.html`)
and the mailbox the Inbox reads (web/routes/mailbox_setup.py, `_settings_mailbox.html`), are built alike: the
set-up in force and the form, a notice after a save, a test whose outcome crosses a redirect, and the whole page
again when a form is refused. This is that common part; what a section checks, saves and tests stays with it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse

from nextround.services.accounts import Caller
from nextround.services.workspace import Workspace
from nextround.web.responses import failure_reason, redirect_with_failure

StatusT = TypeVar("StatusT")
SetupT = TypeVar("SetupT")

TEST_FAILED = "test-failed"
log = logging.getLogger("nextround.web")

# What is wrong with a set-up nextround was started with, by the part at fault (the services' `problem`), in words:
# the variables' names are for the terminal and the log, and only whoever started nextround can change them.
BROKEN_PARTS = {
    "host": "the mail server's name is missing",
    "port": "the port is not a number from 1 to 65535",
    "security": "the encryption setting cannot be read",
    "from_addr": "the address to send from is missing or is not an email address",
    "user": "the user name is missing",
    "base_url": "its address is not an http:// or https:// address",
}
# The setting an administrator corrects, by the part at fault, in words: the variables' own names are for the
# terminal and the log (broken_setup logs the exact reason), never a page
SETTINGS_AT_FAULT = {
    "host": "its mail server's name",
    "port": "its port",
    "security": "its STARTTLS and SSL settings",
    "from_addr": "its address to send from",
    "user": "its user name",
    "base_url": "its address",
}
# Who can put it right, by where nextround runs and who reads the page
ON_THIS_COMPUTER = "Whoever set up nextround on this computer"
SERVER_ADMINS = "This server's administrators"  # told to a person on a shared server who is not one
ADMINISTRATOR = "an administrator"  # the reader is one of the server's administrators: told what to correct, and where

_warned: set[tuple[str, str]] = set()  # (set-up, reason) this process has logged: once, not on every page view
_warned_lock = threading.Lock()


def broken_setup(
    what: str,
    problem: str,
    detail: str | None,
    *,
    started_by: str = "nextround",
    fixer: str = ON_THIS_COMPUTER,
) -> str:
    """One line for a set-up from the environment that cannot be used ("" when it can): what is wrong and who
    can put it right, or, for an administrator (`fixer=ADMINISTRATOR`), what to correct and where. The technical
    reason, in the variables' names, goes to the log, once per process for each distinct reason."""
    if not problem:
        return ""
    reason = detail or problem
    with _warned_lock:
        first = (what, reason) not in _warned
        _warned.add((what, reason))
    if first:
        log.warning("the %s %s was started with cannot be used: %s", what, started_by, reason)
    part = BROKEN_PARTS.get(problem, "part of it is not valid")
    return f"The {what} {started_by} was started with cannot be used: {part}. {_fix(problem, fixer)}"


def _fix(problem: str, fixer: str) -> str:
    if fixer != ADMINISTRATOR:
        return f"{fixer} must correct it."
    setting = SETTINGS_AT_FAULT.get(problem, "its settings")
    return (
        f"As an administrator, correct {setting} among the environment variables this server is started with "
        "(the server's log has the exact reason), then start the server again: no page can change them."
    )


def server_fixer(request: Request) -> str:
    """Who a shared server's page tells to correct a set-up the server was started with: the reader when they are
    one of its administrators, else the administrators."""
    caller = getattr(request.state, "caller", None)
    return ADMINISTRATOR if isinstance(caller, Caller) and caller.is_admin else SERVER_ADMINS


@dataclass(frozen=True, slots=True)
class SectionState(Generic[StatusT, SetupT]):
    """What a section knows before anything is typed: the set-up in force, the saved one, the form's values."""

    status: StatusT  # never a password
    setup: SetupT
    fields: Mapping[str, str]
    broken: str = ""  # why the set-up nextround was started with cannot be used, in words (broken_setup)


@dataclass(frozen=True, slots=True)
class SectionView(Generic[StatusT, SetupT]):
    """What a section's template shows (as `mail.*` or `mailbox.*`)."""

    status: StatusT
    setup: SetupT
    fields: Mapping[str, str]
    errors: Mapping[str, str]  # by form field; "_test" for a failed test, "_form" for the form as a whole
    result: str | None  # what a test that worked found
    notice: str | None  # what was just saved or removed
    security_choices: tuple[str, ...]
    broken: str  # why the set-up nextround was started with cannot be used, in words ("" when it can)


@dataclass(frozen=True, slots=True)
class MailSection(Generic[StatusT, SetupT]):
    """One mail section of the Settings page.

    `key` names it everywhere: the template's variable, the outcome in the address (`/settings?mail=saved`) and
    the heading it returns to (`#mail-title`). A test's failure waits in `test_failed_cookie`, read once."""

    key: str
    notices: Mapping[str, str]
    test_failed_cookie: str
    security_choices: tuple[str, ...]
    state: Callable[[Workspace], SectionState[StatusT, SetupT]]
    # What a test that worked says, read from the address it redirected to (None for any other outcome).
    test_result: Callable[[Request, Workspace], str | None]

    def view(
        self,
        ws: Workspace,
        *,
        values: Mapping[str, str] | None = None,
        errors: Mapping[str, str] | None = None,
        result: str | None = None,
        notice: str | None = None,
    ) -> SectionView[StatusT, SetupT]:
        """The section with the set-up in force; `values` (as typed) replace the form's when given."""
        state = self.state(ws)
        return SectionView(
            status=state.status,
            setup=state.setup,
            fields=state.fields if values is None else values,
            errors=errors or {},
            result=result,
            notice=notice,
            security_choices=self.security_choices,
            broken=state.broken,
        )

    def context(self, request: Request, ws: Workspace) -> dict[str, Any]:
        """The section as the Settings page shows it after a redirect: a notice, a test's outcome, or neither."""
        outcome = request.query_params.get(self.key, "")
        reason = failure_reason(request, self.test_failed_cookie) if outcome == TEST_FAILED else None
        view = self.view(
            ws,
            errors={"_test": reason} if reason else None,
            result=self.test_result(request, ws),
            notice=self.notices.get(outcome),
        )
        return {self.key: view}

    def refused(
        self, request: Request, ws: Workspace, values: Mapping[str, str], errors: Mapping[str, str]
    ) -> HTMLResponse:
        """The whole Settings page again (422), this section with what was typed and what is wrong with it."""
        from nextround.web.routes.preferences import settings_page_response

        view = self.view(ws, values=values, errors=errors)
        return settings_page_response(request, ws, status=422, sections={self.key: view})

    def redirect(self, outcome: str, query: str = "") -> RedirectResponse:
        """Post/redirect/get back to this section, saying `outcome` (a notice's or a test's)."""
        return RedirectResponse(f"/settings?{self.key}={outcome}{query}#{self.key}-title", status_code=303)

    def redirect_failed_test(self, reason: str) -> RedirectResponse:
        url = f"/settings?{self.key}={TEST_FAILED}#{self.key}-title"
        return redirect_with_failure(url, self.test_failed_cookie, reason)
