"""The mailbox in force, as services.mailbox_setup reports it: a set-up nextround was started with that cannot be
used is not a mailbox, and says which part is at fault (for a page) and why in the variables' names (for logs)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from nextround.services.mailbox_setup import mailbox_status, save_mailbox_setup
from nextround.services.workspace import Workspace

WHOLE = {"NEXTROUND_IMAP_HOST": "imap.example.org", "NEXTROUND_IMAP_USER": "sam"}


def _started_with(ws: Workspace, env: dict[str, str], *, shared: bool = False) -> Workspace:
    return replace(ws, settings=replace(ws.settings, imap_env=env, shared_server=shared))


@pytest.mark.parametrize(
    ("env", "problem", "variable"),
    [
        ({**WHOLE, "NEXTROUND_IMAP_PORT": "imap"}, "port", "NEXTROUND_IMAP_PORT"),
        ({**WHOLE, "NEXTROUND_IMAP_PORT": "0"}, "port", "NEXTROUND_IMAP_PORT"),
        ({**WHOLE, "NEXTROUND_IMAP_STARTTLS": "sometimes"}, "security", "NEXTROUND_IMAP_STARTTLS"),
        ({"NEXTROUND_IMAP_USER": "sam", "NEXTROUND_IMAP_PASSWORD": "x"}, "host", "NEXTROUND_IMAP_HOST"),
        ({"NEXTROUND_IMAP_HOST": "imap.example.org"}, "user", "NEXTROUND_IMAP_USER"),
        ({"NEXTROUND_IMAP_PORT": "993"}, "host", "NEXTROUND_IMAP_PORT"),  # a port for no server: begun, not whole
    ],
)
def test_a_broken_environment_set_up_is_no_mailbox_and_says_why(
    workspace: Workspace, env: dict[str, str], problem: str, variable: str
) -> None:
    status = mailbox_status(_started_with(workspace, env))
    assert not status.configured
    assert status.problem == problem
    assert status.error is not None and variable in status.error


def test_a_whole_or_absent_set_up_has_no_problem(workspace: Workspace) -> None:
    assert mailbox_status(_started_with(workspace, {})).problem == ""
    assert mailbox_status(_started_with(workspace, {"NEXTROUND_IMAP_PASSWORD": "x"})).problem == ""
    whole = mailbox_status(_started_with(workspace, {**WHOLE, "NEXTROUND_IMAP_PORT": "1993"}))
    assert whole.configured and whole.problem == "" and whole.account == "sam@imap.example.org:1993"


@pytest.mark.parametrize("env", [{**WHOLE, "NEXTROUND_IMAP_PORT": "imap"}, {"NEXTROUND_IMAP_PORT": "993"}])
def test_the_page_set_up_replaces_a_broken_environment(workspace: Workspace, env: dict[str, str]) -> None:
    broken = _started_with(workspace, env)
    save_mailbox_setup(broken, host="imap.page.example", user="alex")
    status = mailbox_status(broken)
    assert status.configured and status.source == "page" and status.problem == ""


def test_a_shared_server_reads_no_mailbox_and_reports_none_of_its_own(workspace: Workspace) -> None:
    status = mailbox_status(_started_with(workspace, {**WHOLE, "NEXTROUND_IMAP_PORT": "imap"}, shared=True))
    assert not status.configured and status.problem == "" and status.error is None
