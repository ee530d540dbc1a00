"""`nextround ai ...`: status, enable (asks once, --yes for scripts), disable, test."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.chat_server import MODEL_NAME, FakeChat, Step, running_chat
from tests.conftest import ok


@pytest.fixture
def chat(monkeypatch: pytest.MonkeyPatch, cli_env: dict[str, str]) -> Iterator[FakeChat]:
    with running_chat() as server:
        for key, value in server.env(NEXTROUND_AI_RETRIES="0").items():
            monkeypatch.setenv(key, value)
        yield server


def test_status_without_set_up_says_how(cli: Callable[..., Any]) -> None:
    result = ok(cli("ai", "status"))
    assert "AI coach: off, not set up." in result.output
    assert "NEXTROUND_AI_BASE_URL" in result.output and "11434/v1" in result.output
    data = json.loads(ok(cli("ai", "status", "--json")).output)
    assert data["state"] == "not_configured" and data["enabled"] is False


def test_enable_shows_what_goes_where_and_asks_once(cli: Callable[..., Any], chat: FakeChat) -> None:
    refused = cli("ai", "enable", input="n\n")
    assert refused.exit_code == 1
    assert f"sends text to {chat.base_url}, a server on this computer" in refused.output
    assert "stays off" in refused.output
    assert json.loads(cli("ai", "status", "--json").output)["enabled"] is False
    agreed = ok(cli("ai", "enable", input="y\n"))
    assert "Turn the AI coach on?" in agreed.output and "AI coach on" in agreed.output
    status = ok(cli("ai", "status")).output
    assert "AI coach: on." in status and f"Model: {MODEL_NAME}" in status and "Key: none" in status
    assert chat.requests == []  # agreeing sends nothing


def test_yes_agrees_without_asking_and_disable_turns_it_off(cli: Callable[..., Any], chat: FakeChat) -> None:
    result = ok(cli("ai", "enable", "--yes"))
    assert "Turn the AI coach on?" not in result.output
    ok(cli("ai", "disable"))
    off = cli("ai", "test")
    assert off.exit_code == 1
    assert "error: the AI coach is set up but not turned on (nextround ai enable)" in off.output


def test_test_reports_the_model_and_failures_in_one_line(cli: Callable[..., Any], chat: FakeChat) -> None:
    ok(cli("ai", "enable", "--yes"))
    assert f"The model {MODEL_NAME} answered in" in ok(cli("ai", "test")).output
    chat.queue(Step(status=503))
    failed = cli("ai", "test")
    assert failed.exit_code == 1
    assert failed.output.strip() == f"error: the AI endpoint {chat.base_url} failed (HTTP 503)"
