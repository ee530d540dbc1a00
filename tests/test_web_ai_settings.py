"""The Settings page's AI coach section: set up, agree (the same words as the CLI), test, turn off."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from nextround.config import AiConfig, Settings
from nextround.services.ai_config import consent_text
from tests.chat_server import MODEL_NAME, FakeChat, Step
from tests.test_web_settings_mail import FileKeyring, file_keyring  # noqa: F401 (a fixture)
from tests.web_support import Web, command_line_in, web_with


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


def _settings_rows(web: Web) -> str:
    from nextround.storage.repositories import SettingsRepository

    ws = web.app.state.web.workspace()
    with ws.db.read() as session:
        return repr(SettingsRepository(session, ws.owner_id).all())


def test_a_key_typed_on_the_page_goes_to_the_keyring_and_is_sent_from_there(
    page_web: Web,
    chat: FakeChat,
    file_keyring: FileKeyring,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
) -> None:
    web, secret = page_web, "sk-typed-7Qx9"
    caplog.set_level(logging.DEBUG)
    assert "Save the address of your model first" in section(web.client.get("/settings").text)
    web.post_form("/settings/ai", {"base_url": chat.base_url, "model": MODEL_NAME})
    web.post_form("/settings/ai/enable")
    before = section(web.client.get("/settings").text)
    assert "No key is in use" in before and "Remove the key" not in before
    saved = web.post_form("/settings/ai/key", {"api_key": f"  {secret} "})
    assert saved.status_code == 303 and saved.headers["location"] == "/settings?ai=key-saved#ai-title"
    assert file_keyring.get_password("nextround-ai", chat.base_url) == secret  # trimmed, under its base URL
    page = web.client.get("/settings?ai=key-saved").text
    assert secret not in page and secret[:6] not in page  # never echoed back, not even in part
    shown = section(page)
    assert "The key is saved in your keyring." in shown
    assert "A key is saved in your keyring, and it is the one in use" in shown
    assert 'action="/settings/ai/key/remove"' in raw_section(page)
    assert secret not in _settings_rows(web)
    web.post_form("/settings/ai/test")
    assert chat.authorization[-1] == f"Bearer {secret}"  # the keyring's key reached the model's server
    removed = web.post_form("/settings/ai/key/remove")
    assert removed.headers["location"] == "/settings?ai=key-removed#ai-title"
    assert file_keyring.get_password("nextround-ai", chat.base_url) is None
    assert "No key is in use" in section(web.client.get("/settings").text)
    web.post_form("/settings/ai/test")
    assert chat.authorization[-1] is None
    assert secret not in caplog.text


def test_the_environments_key_goes_only_to_the_environments_address_and_the_page_says_so(
    settings: Settings,
    clock: Any,
    chat: FakeChat,
    file_keyring: FileKeyring,  # noqa: F811
) -> None:
    # NEXTROUND_AI_API_KEY without NEXTROUND_AI_BASE_URL: the address typed here never gets it
    with web_with(replace(settings, ai=AiConfig(api_key="env-key-1", retries=1, backoff=0.0)), clock) as web:
        web.post_form("/settings/ai", {"base_url": chat.base_url, "model": MODEL_NAME})
        first = section(web.client.get("/settings").text)
        assert (
            "No key is in use" in first
            and "A key was given when nextround was started, but it is sent nowhere" in first
        )
        assert command_line_in(first) is None
        web.post_form("/settings/ai/enable")
        web.post_form("/settings/ai/test")
        assert chat.authorization[-1] is None
        web.post_form("/settings/ai/key", {"api_key": "keyring-key-2"})
        page = web.client.get("/settings").text
        assert "env-key-1" not in page and "keyring-key-2" not in page
        assert "A key is saved in your keyring, and it is the one in use." in section(page)
        web.post_form("/settings/ai/test")
        assert chat.authorization[-1] == "Bearer keyring-key-2"
    # with its own address, the environment's key wins there over the keyring's for the same address
    paired = AiConfig(base_url=chat.base_url, model=MODEL_NAME, api_key="env-key-1", retries=1, backoff=0.0)
    with web_with(replace(settings, ai=paired), clock) as web:
        page = section(web.client.get("/settings").text)
        assert "The key in use was given when nextround was started." in page and command_line_in(page) is None
        assert "A key is also saved in your keyring; it is used only when nextround is started without" in page
        assert "sent nowhere" not in page
        web.post_form("/settings/ai/test")
        assert chat.authorization[-1] == "Bearer env-key-1"


def test_a_key_needs_an_address_and_words(page_web: Web, file_keyring: FileKeyring) -> None:  # noqa: F811
    refused = page_web.post_form("/settings/ai/key", {"api_key": "sk-1"})
    assert refused.status_code == 422 and "give the base URL the key is for first" in section(refused.text)
    page_web.post_form("/settings/ai", {"base_url": "https://api.example.com/v1", "model": "m"})
    empty = page_web.post_form("/settings/ai/key", {"api_key": "   "})
    assert empty.status_code == 422 and 'id="f-api_key-error"' in empty.text
    assert file_keyring.get_password("nextround-ai", "https://api.example.com/v1") is None


def test_without_a_keyring_the_page_says_so_in_plain_words(page_web: Web) -> None:
    import keyring

    assert keyring.get_keyring().priority <= 0, "this test is about a machine without a keyring"
    page_web.post_form("/settings/ai", {"base_url": "https://api.example.com/v1", "model": "m"})
    page = page_web.client.get("/settings").text
    text = section(page)
    assert (
        "This computer has no keyring" in text and "needs none" in text and "can give it the key as it starts" in text
    )
    assert command_line_in(page) is None, command_line_in(page)
    assert 'name="api_key"' not in raw_section(page) and "$ " not in text and "export " not in text
    refused = page_web.post_form("/settings/ai/key", {"api_key": "sk-1"})
    assert (
        refused.status_code == 422
        and "no keyring on this computer" in section(refused.text)
        and "sk-1" not in refused.text
    )


def test_set_up_in_the_environment_is_shown_not_edited(settings: Settings, clock: Any, chat: FakeChat) -> None:
    configured = replace(settings, ai=AiConfig(base_url=chat.base_url, model=MODEL_NAME))
    with web_with(configured, clock) as web:
        page = web.client.get("/settings").text
        text = section(page)
        assert "they are not changed here" in text and 'action="/settings/ai"' not in raw_section(page)
        assert "I agree: turn the AI coach on" in text
