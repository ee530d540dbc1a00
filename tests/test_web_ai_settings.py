"""The Settings page's AI coach section: set up, agree (the same words as the CLI), test, turn off."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from nextround.config import AiConfig, Settings
from nextround.services.ai_config import consent_text
from tests.chat_server import MODEL_NAME, FakeChat, Step
from tests.test_services_ai_config import MemoryKeyring, memory_keyring  # noqa: F401 (a fixture)
from tests.web_support import Web, web_with


def raw_section(page: str) -> str:
    found = re.search(r'<section class="panel" aria-labelledby="ai-title".*?</section>', page, flags=re.S)
    assert found, "no AI section on the Settings page"
    return found.group(0)


def section(page: str) -> str:
    """The AI section's text as a person reads it."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw_section(page))).split())


@pytest.fixture
def page_web(settings: Settings, clock: Any) -> Iterator[Web]:
    """The app with no AI set-up in the environment (retries without waiting): the page is where it happens."""
    with web_with(replace(settings, ai=AiConfig(retries=1, backoff=0.0)), clock) as web:
        yield web


def test_set_up_agree_test_and_turn_off_on_the_page(page_web: Web, chat: FakeChat) -> None:
    web = page_web
    start = section(web.client.get("/settings").text)
    assert "Off. Fill in where your model answers" in start
    saved = web.post_form("/settings/ai", {"base_url": chat.base_url, "model": MODEL_NAME})
    assert saved.status_code == 303 and saved.headers["location"] == "/settings?ai=saved#ai-title"
    off = section(web.client.get("/settings?ai=saved").text)
    assert "AI coach settings saved." in off and "set up but not turned on" in off
    assert consent_text(chat.base_url, MODEL_NAME) in off  # the same words `nextround ai enable` shows
    assert chat.requests == []
    assert web.post_form("/settings/ai/enable").status_code == 303
    on = section(web.client.get("/settings?ai=on").text)
    assert "The AI coach is on." in on and f"Model {MODEL_NAME} at {chat.base_url}" in on
    # Post/Redirect/Get: the test's outcome is shown after a redirect, so a reload does not ask the model again.
    asked = len(chat.requests)
    tested = web.post_form("/settings/ai/test")
    assert tested.status_code == 303 and tested.headers["location"].startswith("/settings?ai=tested&seconds=")
    assert len(chat.requests) == asked + 1
    assert f"The model {MODEL_NAME} answered in" in section(web.client.get(tested.headers["location"]).text)
    assert len(chat.requests) == asked + 1  # showing it (or reloading it) sends nothing
    chat.queue(Step(status=500), Step(status=500))
    failed = web.post_form("/settings/ai/test")
    assert failed.status_code == 303 and failed.headers["location"] == "/settings?ai=test-failed#ai-title"
    assert "failed (HTTP 500), 2 tries" in section(web.client.get(failed.headers["location"]).text)
    assert "failed (HTTP 500)" not in section(web.client.get(failed.headers["location"]).text)  # said once
    assert "answered in" not in section(web.client.get("/settings?ai=tested&seconds=nan-or-words").text)
    assert web.post_form("/settings/ai/disable").status_code == 303
    assert "Off." in section(web.client.get("/settings").text)


def test_a_bad_address_is_shown_by_its_field(page_web: Web) -> None:
    response = page_web.post_form("/settings/ai", {"base_url": "localhost:11434", "model": "m"})
    assert response.status_code == 422
    assert 'id="f-base_url-error"' in response.text and "http:// or https://" in section(response.text)


def test_the_key_goes_to_the_keyring(page_web: Web, memory_keyring: MemoryKeyring) -> None:  # noqa: F811
    assert 'name="api_key"' in page_web.client.get("/settings").text
    page_web.post_form("/settings/ai", {"base_url": "https://api.example.com/v1", "model": "m", "api_key": "sk-1"})
    assert memory_keyring.secrets == {("nextround-ai", "https://api.example.com/v1"): "sk-1"}
    page = page_web.client.get("/settings").text
    assert "sk-1" not in page and "a server on another computer; whoever runs it receives the text" in section(page)


def test_without_a_keyring_the_page_says_to_use_the_environment(page_web: Web) -> None:
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        text = section(page_web.client.get("/settings").text)
    finally:
        keyring.set_keyring(previous)
    assert "cannot keep a key for you" in text and "needs none" in text and "NEXTROUND_AI_API_KEY" in text


def test_set_up_in_the_environment_is_shown_not_edited(settings: Settings, clock: Any, chat: FakeChat) -> None:
    configured = replace(settings, ai=AiConfig(base_url=chat.base_url, model=MODEL_NAME))
    with web_with(configured, clock) as web:
        page = web.client.get("/settings").text
        text = section(page)
        assert "they are not changed here" in text and 'action="/settings/ai"' not in raw_section(page)
        assert "I agree: turn the AI coach on" in text
