"""Invitations by email on a shared server, through a real SMTP server (aiosmtpd on loopback): `admin invite`
and the coach invitation send the link when the server's own mail is set up; otherwise they show it and say why."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from nextround.cli.main import app as cli_app
from nextround.config import Settings, SmtpConfig
from nextround.services import accounts

from .feedback_helpers import SMTP_ENV_NAMES, SmtpServer, free_port, smtp_server
from .multiuser_support import PASSWORD, Server, multi_user_server, sign_in


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with smtp_server() as running:
        yield running


def _mailing_server(tmp_path: Path, postgres_url: str, smtp: SmtpConfig) -> Any:
    return multi_user_server(Settings(home=tmp_path / "home", database_url=postgres_url, smtp=smtp))


@pytest.fixture
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "HASH_COSTS", {"time_cost": 1, "memory_cost": 1024, "parallelism": 1})


def _invite_coach(server: Server, *, create: bool = True) -> tuple[Any, str]:
    ada = server.person("ada@example.org", create=create)
    if create:
        server.person("coach@uni.example")
    page = ada.post_form("/sharing/coaches", {"email": "Coach@Uni.example", "shares": ["applications"]})  # type: ignore[dict-item]
    assert page.status_code == 200, page.text
    shown = re.search(r"<code[^>]*>(http://127\.0\.0\.1:8765/coaching/accept/[\w-]+)</code>", page.text)
    assert shown, "the link is shown whatever happened to the email"
    return page, shown.group(1)


def test_a_coach_invitation_is_emailed_when_the_server_sends_mail(
    tmp_path: Path, postgres_url: str, smtp: SmtpServer, cheap_hashes: None
) -> None:
    config = SmtpConfig.from_env(smtp.env())
    with _mailing_server(tmp_path, postgres_url, config) as server:
        page, url = _invite_coach(server)
        assert 'id="invite-emailed"' in page.text and "emailed to coach@uni.example" in page.text
        assert len(smtp.received) == 1
        sent = smtp.received[0]
        assert sent.rcpt_tos == ["coach@uni.example"]
        assert sent.message["Subject"] == "ada@example.org asks you to be their coach on nextround"
        assert url in sent.body and "applications" in sent.body
        # the emailed link works for the coach
        coach = server.client()
        sign_in(coach, "coach@uni.example", PASSWORD)
        assert coach.get(url.removeprefix("http://127.0.0.1:8765")).status_code == 200
        # the JSON API says the same
        ada = server.person("ada@example.org", create=False)
        answer = ada.api("POST", "/api/v1/coaches", json={"email": "coach@uni.example"}).json()
        assert answer["delivery"]["emailed"] is True and len(smtp.received) == 2
        assert answer["invitation_url"] in smtp.received[1].body


def test_without_mail_or_when_sending_fails_the_link_is_shown_with_the_reason(
    tmp_path: Path, postgres_url: str, cheap_hashes: None
) -> None:
    with _mailing_server(tmp_path, postgres_url, SmtpConfig()) as server:
        page, _url = _invite_coach(server)
        assert "This server does not send email" in page.text and 'id="invite-emailed"' not in page.text
    unreachable = SmtpConfig(host="127.0.0.1", port=str(free_port()), from_addr="jobs@uni.example", starttls="off")
    with _mailing_server(tmp_path, postgres_url, unreachable) as server:
        page, _url = _invite_coach(server, create=False)
        assert "could not be sent (cannot reach the SMTP server at 127.0.0.1" in page.text
        ada = server.person("ada@example.org", create=False)
        assert "invited" in ada.client.get("/sharing").text  # the invitation was made all the same
        answer = ada.api("POST", "/api/v1/coaches", json={"email": "coach@uni.example"}).json()
        assert answer["delivery"]["emailed"] is False and answer["delivery"]["reason"] == "failed"


def _admin_invite(postgres_url: str) -> Any:
    args = ["admin", "invite", "cy@example.org", "--base-url", "https://jobs.example.ac.uk"]
    return CliRunner().invoke(cli_app, [*args, "--database-url", postgres_url], catch_exceptions=False)


def test_admin_invite_emails_the_link_with_the_servers_own_settings(
    postgres_url: str, smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch, server: Server
) -> None:
    for name in SMTP_ENV_NAMES:
        monkeypatch.delenv(f"NEXTROUND_SMTP_{name}", raising=False)
    plain = _admin_invite(postgres_url)
    assert plain.exit_code == 0
    assert plain.output.startswith("https://jobs.example.ac.uk/invite/")
    assert "Not emailed: no outgoing mail is set up" in plain.output and smtp.received == []

    for key, value in smtp.env().items():
        monkeypatch.setenv(key, value)
    emailed = _admin_invite(postgres_url)
    assert emailed.exit_code == 0
    link = emailed.output.splitlines()[0]
    assert "Emailed the invitation to cy@example.org." in emailed.output
    assert [m.rcpt_tos for m in smtp.received] == [["cy@example.org"]]
    assert link in smtp.received[0].body and "Alex Doe" in smtp.received[0].message["From"]
    assert server.client().get(link.removeprefix("https://jobs.example.ac.uk")).status_code == 200
