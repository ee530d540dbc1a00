"""The Settings page says how email is set up (never the password) and sends a real test message."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from nextround.config import Settings, SmtpConfig
from tests.feedback_helpers import SMTP_ENV_NAMES, free_port, smtp_server
from tests.web_support import Web, web_with


@pytest.fixture(autouse=True)
def _no_smtp(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SMTP_ENV_NAMES:
        monkeypatch.delenv(f"NEXTROUND_SMTP_{name}", raising=False)


def test_settings_explain_how_to_set_up_email(web: Web) -> None:
    page = web.client.get("/settings").text
    assert "Email is not set up" in page
    assert "/settings/smtp-test" not in page


def test_smtp_test_sends_a_message_and_never_shows_the_password(settings: Settings, clock: Any) -> None:
    with smtp_server() as server:
        with_password = SmtpConfig.from_env({**server.env(), "NEXTROUND_SMTP_PASSWORD": "s3cret-value"})
        with web_with(replace(settings, smtp=with_password), clock) as web:
            page = web.client.get("/settings").text
        assert "s3cret-value" not in page and "found" in page
        with web_with(replace(settings, smtp=SmtpConfig.from_env(server.env())), clock) as web:
            sent = web.post_form("/settings/smtp-test")
            assert sent.status_code == 303  # post/redirect/get: reloading the page sends nothing again
            page = web.client.get(sent.headers["location"])
            assert page.status_code == 200 and "Test message sent to" in page.text
            assert "Test message sent to" in web.client.get(sent.headers["location"]).text  # a reload says it
        assert len(server.received) == 1
        assert server.received[0].message["Subject"] == "nextround: test message"


def test_a_server_that_is_down_is_one_message(settings: Settings, clock: Any) -> None:
    down = SmtpConfig(host="127.0.0.1", port=str(free_port()), from_addr="me@example.org", starttls="off")
    with web_with(replace(settings, smtp=down), clock) as web:
        failed = web.post_form("/settings/smtp-test")
        assert failed.status_code == 303
        response = web.client.get(failed.headers["location"])
        assert 'role="alert"' in response.text and "Traceback" not in response.text
        assert "127.0.0.1" in response.text  # it tried the server: not the "not set up" answer
        reason = response.text.split('role="alert"><p>', 1)[1].split("</p>", 1)[0]
        assert reason and reason not in web.client.get("/settings").text  # the reason is shown once


def test_smtp_test_needs_the_csrf_token(web: Web) -> None:
    assert web.client.post("/settings/smtp-test").status_code == 403


def test_cli_smtp_status(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    result = cli("config", "smtp", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["configured"] is False
    with smtp_server() as server:
        for key, value in server.env().items():
            monkeypatch.setenv(key, value)
        sent = cli("config", "smtp", "--test", "--to", "me@example.org", "--json")
        assert sent.exit_code == 0, sent.output
        assert json.loads(sent.stdout)["test_sent_to"] == "me@example.org"
        assert server.received[0].rcpt_tos == ["me@example.org"]


@pytest.mark.parametrize(
    ("env", "problem"),
    [
        ({"NEXTROUND_SMTP_HOST": "smtp.example.org", "NEXTROUND_SMTP_PORT": "smtp"}, "port"),
        ({"NEXTROUND_SMTP_HOST": "smtp.example.org", "NEXTROUND_SMTP_FROM": "not-an-address"}, "from_addr"),
        ({"NEXTROUND_SMTP_FROM": "me@example.org"}, "host"),
        ({"NEXTROUND_SMTP_HOST": "smtp.example.org", "NEXTROUND_SMTP_FROM": "me@example.org"}, None),
        ({}, None),
    ],
)
def test_cli_smtp_json_names_the_part_at_fault(
    cli: Any, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], problem: str | None
) -> None:
    """`problem` is the part of a broken set-up at fault, beside `error` in the variables' words; both are null
    for a set-up that can be used and for none (the shape README documents)."""
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = cli("config", "smtp", "--json")
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert "problem" in shown and shown["problem"] == problem
    if problem is None:
        assert shown["error"] is None
    else:
        assert shown["configured"] is False and shown["error"]
