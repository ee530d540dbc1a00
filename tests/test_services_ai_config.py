"""The AI coach's set-up: environment first, then the Settings page; off until agreed, per base URL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import keyring
import pytest
from keyring.backend import KeyringBackend

from nextround.config import AiConfig, Settings
from nextround.integrations.llm import AiError
from nextround.services.ai_config import (
    AiOff,
    ai_key,
    ai_status,
    check_ai,
    disable_ai,
    enable_ai,
    endpoint,
    save_ai_settings,
)
from nextround.services.workspace import Workspace
from tests.chat_server import MODEL_NAME, running_chat
from tests.conftest import other_owner


class MemoryKeyring(KeyringBackend):
    """A working keyring kept in memory (this server has no OS keyring).

    It takes its store as an argument, so keyring's own discovery (which tries every backend class it can make
    without arguments) never picks it as the default for later tests."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, secrets: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.secrets = secrets

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    store = MemoryKeyring({})
    keyring.set_keyring(store)
    try:
        yield store
    finally:
        keyring.set_keyring(previous)


def with_ai(ws: Workspace, **config: object) -> Workspace:
    settings: Settings = replace(ws.settings, ai=AiConfig(**config))  # type: ignore[arg-type]
    return replace(ws, settings=settings)


def test_off_until_set_up_and_agreed(workspace: Workspace) -> None:
    status = ai_status(workspace)
    assert (status.state, status.enabled, status.consent_text) == ("not_configured", False, "")
    with pytest.raises(AiOff, match="not set up"):
        endpoint(workspace)
    with pytest.raises(AiOff, match="not set up"):
        enable_ai(workspace)
    ws = with_ai(workspace, base_url="http://localhost:11434/v1/", model="llama3.2")
    status = ai_status(ws)
    assert status.state == "not_agreed" and status.local and status.from_environment
    assert "http://localhost:11434/v1, a server on this computer" in status.consent_text
    assert "llama3.2" in status.consent_text
    with pytest.raises(AiOff, match="not turned on"):
        endpoint(ws)
    assert enable_ai(ws).enabled
    assert endpoint(ws).base_url == "http://localhost:11434/v1"
    assert not ai_status(other_owner(ws)).enabled  # agreement is per person
    assert not disable_ai(ws).enabled


def test_pointing_elsewhere_asks_again(workspace: Workspace) -> None:
    enable_ai(with_ai(workspace, base_url="http://localhost:11434/v1", model="m"))
    moved = with_ai(workspace, base_url="https://api.example.com/v1", model="m")
    status = ai_status(moved)
    assert status.state == "not_agreed" and not status.local
    assert "agreed for http://localhost:11434/v1, not https://api.example.com/v1" in status.reason
    assert "a server on another computer; whoever runs it receives the text" in status.consent_text


def test_settings_page_values_fill_what_the_environment_leaves_empty(workspace: Workspace) -> None:
    save_ai_settings(workspace, "http://127.0.0.1:8080/v1", "qwen2.5")
    status = ai_status(workspace)
    assert (status.base_url, status.model, status.from_environment) == ("http://127.0.0.1:8080/v1", "qwen2.5", False)
    env_model = with_ai(workspace, model="from-env")
    assert ai_status(env_model).model == "from-env"
    with pytest.raises(AiError) as caught:
        save_ai_settings(workspace, "ftp://x", "m")
    assert caught.value.field == "base_url"
    assert ai_status(workspace).base_url == "http://127.0.0.1:8080/v1"  # nothing saved on error


def test_the_key_goes_to_the_keyring_never_the_database(workspace: Workspace, memory_keyring: MemoryKeyring) -> None:
    save_ai_settings(workspace, "https://api.example.com/v1", "m", api_key="sk-live-999")
    assert memory_keyring.secrets == {("nextround-ai", "https://api.example.com/v1"): "sk-live-999"}
    assert ai_status(workspace).key == "keyring"
    from nextround.storage.repositories import SettingsRepository

    with workspace.db.read() as session:
        assert "sk-live-999" not in repr(SettingsRepository(session, workspace.owner_id).all())
    enable_ai(workspace)
    assert endpoint(workspace).api_key == "sk-live-999"
    # NEXTROUND_AI_API_KEY goes only to NEXTROUND_AI_BASE_URL: the address typed here keeps its own key
    env_key_only = with_ai(workspace, api_key="env-key")
    assert ai_status(env_key_only).key == "keyring" and endpoint(env_key_only).api_key == "sk-live-999"
    assert ai_key(env_key_only).environment_key_unused and not ai_key(workspace).environment_key_unused
    paired = with_ai(workspace, base_url="https://api.example.com/v1", api_key="env-key")
    assert ai_status(paired).key == "environment" and endpoint(paired).api_key == "env-key"
    assert "env-key" not in repr(env_key_only.settings)


def test_without_an_os_keyring_a_key_cannot_be_saved(workspace: Workspace) -> None:
    from keyring.backends.fail import Keyring as NoKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        with pytest.raises(AiError, match="no keyring on this computer") as caught:
            save_ai_settings(workspace, "https://api.example.com/v1", "m", api_key="sk")
        assert caught.value.field == "api_key"
        save_ai_settings(workspace, "https://api.example.com/v1", "m")
        assert ai_status(workspace).key == "none"  # reading degrades to "no key"
    finally:
        keyring.set_keyring(previous)


def test_check_reaches_the_endpoint(workspace: Workspace) -> None:
    with running_chat() as chat:
        ws = with_ai(workspace, base_url=chat.base_url, model=MODEL_NAME)
        with pytest.raises(AiOff):
            check_ai(ws)
        assert chat.requests == []  # nothing sent before agreeing
        enable_ai(ws)
        result = check_ai(ws)
        assert (result.model, result.reply) == (MODEL_NAME, "ready")
        assert len(chat.requests) == 1


def test_timeouts_and_retries_come_from_the_environment_within_bounds() -> None:
    from nextround.config import SettingsError

    env = {"NEXTROUND_HOME": "/tmp/x", "NEXTROUND_AI_TIMEOUT": "300", "NEXTROUND_AI_RETRIES": "0"}
    settings = Settings.from_env(env)
    assert (settings.ai.timeout, settings.ai.retries) == (300.0, 0)
    with pytest.raises(SettingsError, match="NEXTROUND_AI_TIMEOUT must be 1-3600 seconds"):
        Settings.from_env({"NEXTROUND_HOME": "/tmp/x", "NEXTROUND_AI_TIMEOUT": "0"})
    with pytest.raises(SettingsError, match="whole number"):
        Settings.from_env({"NEXTROUND_HOME": "/tmp/x", "NEXTROUND_AI_RETRIES": "a few"})


def test_on_a_shared_server_keys_stay_with_their_person(workspace: Workspace, memory_keyring: MemoryKeyring) -> None:
    shared = replace(workspace, settings=replace(workspace.settings, shared_server=True, ai=AiConfig(api_key="server")))
    save_ai_settings(shared, "https://api.example.com/v1", "m", api_key="alex-key")
    account = (f"nextround-ai-user-{shared.owner_id}", "https://api.example.com/v1")
    assert memory_keyring.secrets == {account: "alex-key"}
    enable_ai(shared)
    assert endpoint(shared).api_key == "alex-key"  # the server's own key never goes to an address a person typed
    other = other_owner(shared)
    save_ai_settings(other, "https://api.example.com/v1", "m")
    enable_ai(other)
    assert endpoint(other).api_key is None and ai_status(other).key == "none"
    servers = AiConfig(base_url="http://10.0.0.5/v1", model="m", api_key="server")
    server_endpoint = replace(other, settings=replace(other.settings, ai=servers))
    enable_ai(server_endpoint)
    assert endpoint(server_endpoint).api_key == "server"  # the server's endpoint, set up by whoever runs it
