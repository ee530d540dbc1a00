"""How email is set up, as services.mail_check reports it: a set-up that cannot be used says which part is at
fault (for a page to word) beside the technical reason in the variables' own names (for the terminal and logs)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from nextround.config import SmtpConfig
from nextround.services.mail_check import smtp_status
from nextround.services.mail_setup import save_mail_setup, smtp_config
from nextround.services.workspace import Workspace

FROM = "me@example.org"
HOST = "smtp.example.org"


@pytest.mark.parametrize(
    ("config", "problem", "variable"),
    [
        (SmtpConfig(host=HOST, port="smtp", from_addr=FROM), "port", "NEXTROUND_SMTP_PORT"),
        (SmtpConfig(host=HOST, port="70000", from_addr=FROM), "port", "NEXTROUND_SMTP_PORT"),
        (SmtpConfig(host=HOST, from_addr=FROM, ssl="sometimes"), "security", "NEXTROUND_SMTP_SSL"),
        (SmtpConfig(host=HOST, from_addr=FROM, ssl="on", starttls="on"), "security", "NEXTROUND_SMTP_SSL"),
        (SmtpConfig(host=HOST, from_addr="not an address"), "from_addr", "not an address"),
        (SmtpConfig(from_addr=FROM, port="587"), "host", "NEXTROUND_SMTP_HOST"),
        (SmtpConfig(user="alex@example.org"), "host", "NEXTROUND_SMTP_HOST"),
        (SmtpConfig(host=HOST, user="alex"), "from_addr", "NEXTROUND_SMTP_FROM"),
        (SmtpConfig(port="2525"), "host", "NEXTROUND_SMTP_HOST"),  # a port for no server is begun, not whole
    ],
)
def test_a_set_up_that_cannot_be_used_names_the_part_at_fault(config: SmtpConfig, problem: str, variable: str) -> None:
    status = smtp_status(config)
    assert not status.configured
    assert status.problem == problem
    assert status.error is not None and variable in status.error  # the command line still says it exactly


@pytest.mark.parametrize(
    "config",
    [
        SmtpConfig(),  # not set up at all is not broken
        SmtpConfig(password="only-a-password"),  # the page's set-up may use it
        SmtpConfig(host=HOST, from_addr=FROM, port="2525", ssl="off", starttls="on"),
        SmtpConfig(host=HOST, user="alex@example.org"),  # the user is the sender
    ],
)
def test_a_set_up_that_is_whole_or_absent_has_no_problem(config: SmtpConfig) -> None:
    status = smtp_status(config)
    assert status.problem == "" and status.error is None
    assert status.configured == bool(config.host)


def test_a_lone_port_nextround_was_started_with_is_an_incomplete_set_up_until_the_page_saves_one(
    workspace: Workspace,
) -> None:
    """Started with only NEXTROUND_SMTP_PORT, email is begun but not whole: said as such, not as "not set up",
    and a set-up saved on the Settings page replaces it as a whole."""
    started = replace(workspace, settings=replace(workspace.settings, smtp=SmtpConfig(port="2525")))
    lone = smtp_status(smtp_config(started))
    assert not lone.configured and lone.problem == "host"
    assert lone.error is not None and "NEXTROUND_SMTP_PORT" in lone.error
    save_mail_setup(started, host=HOST, from_addr=FROM)
    saved = smtp_status(smtp_config(started))
    assert saved.configured and saved.problem == "" and saved.port == 587
