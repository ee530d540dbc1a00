"""How email is set up, as services.mail_check reports it: a set-up that cannot be used says which part is at
fault (for a page to word) beside the technical reason in the variables' own names (for the terminal and logs)."""

from __future__ import annotations

import pytest

from nextround.config import SmtpConfig
from nextround.services.mail_check import smtp_status

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
