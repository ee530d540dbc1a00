"""The AI coach's set-up: which endpoint and model, where the key comes from, and whether the user agreed.

The endpoint comes from the settings (`NEXTROUND_AI_*`, read by the entry points) or, for what they leave
empty, from the Settings page (stored as preferences; the key only ever in the OS keyring). Nothing is sent
until the user has agreed, once, to the text `consent_text` shows; the agreement is kept for that base URL
only, so pointing the coach somewhere else asks again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal

from nextround.errors import UserError
from nextround.integrations.llm import (
    KEYRING_SERVICE,
    AiError,
    ChatClient,
    Endpoint,
    check_base_url,
    is_local,
    keyring_key,
    store_key,
)
from nextround.services.workspace import Workspace
from nextround.storage.repositories import SettingsRepository

BASE_URL = "ai.base_url"
MODEL = "ai.model"
CONSENT = "ai.consent"  # the base URL the user agreed to send text to
MAX_MODEL_CHARS = 200
MAX_URL_CHARS = 300
MAX_KEY_CHARS = 1000

AiState = Literal["not_configured", "not_agreed", "on"]
KeySource = Literal["environment", "keyring", "none"]


class AiOff(UserError, RuntimeError):
    """An AI result was asked for while the coach is not set up or not agreed to."""


@dataclass(frozen=True, slots=True)
class AiStatus:
    state: AiState
    base_url: str
    model: str
    key: KeySource
    local: bool  # the endpoint is on this computer
    # base URL and model come from NEXTROUND_AI_* (or, on a shared server, its administrators), so the Settings page
    # cannot change them
    from_environment: bool
    agreed_url: str  # the base URL the user agreed to ("" if none)
    consent_text: str

    enabled: bool
    reason: str  # why AI results are not given, in words for any front end ("" when they are)


def _reason(state: AiState, base_url: str, agreed_url: str) -> str:
    if state == "not_configured":
        return "the AI coach is not set up (no model chosen for it yet)"  # not 'endpoint': a page says this too
    if state == "not_agreed" and agreed_url:
        return f"the AI coach was agreed for {agreed_url}, not {base_url}; agree again to use it"
    if state == "not_agreed":
        return "the AI coach is set up but not turned on"
    return ""


@dataclass(frozen=True, slots=True)
class AiCheck:
    model: str
    seconds: float
    reply: str


def consent_text(base_url: str, model: str) -> str:
    """Exactly what will be sent where: the words the user agrees to, in the CLI and on the Settings page."""
    where = (
        f"{base_url}, a server on this computer"
        if is_local(base_url)
        else f"{base_url}, a server on another computer; whoever runs it receives the text"
    )
    return (
        f"When you ask for an AI result, nextround sends text to {where}, for the model {model}. "
        "It sends only what that result needs: the interview question, your answer and its offline analysis "
        "(for a critique or a mock interview); the application's company, role and job description and your "
        "feedback themes (for a mock interview or likely questions); the feedback text (for a second opinion "
        "on feedback); the job description and the CV compared (for a second opinion on skill gaps). "
        "Nothing is sent in the background, and your contacts, journal, notes and mail are never sent. "
        "You can turn this off at any time."
    )


def _stored(ws: Workspace) -> dict[str, str]:
    with ws.db.read() as session:
        stored = SettingsRepository(session, ws.owner_id).all()
    return {key: value for key, value in stored.items() if key in (BASE_URL, MODEL, CONSENT) and isinstance(value, str)}


def _keyring_service(ws: Workspace) -> str:
    """Where this person's key is kept: apart from everyone else's on a shared server."""
    return f"{KEYRING_SERVICE}-user-{ws.owner_id}" if ws.settings.shared_server else KEYRING_SERVICE


def _resolve(ws: Workspace) -> tuple[str, str, str | None, KeySource, bool, str]:
    """(base URL, model, key, where the key is from, from the environment, agreed URL)."""
    stored = _stored(ws)
    config = ws.settings.ai
    if ws.settings.shared_server:
        # The server's own coach (its environment, else its Server settings page), with the server's key, for
        # everyone; each person's agreement stays their own.
        from nextround.services.server_settings import ai_config

        config = ai_config(ws.db, ws.settings)
    base_url = config.base_url or stored.get(BASE_URL, "")
    model = config.model or stored.get(MODEL, "")
    if base_url:
        base_url = check_base_url(base_url)
    # A key goes only to the address set up beside it: NEXTROUND_AI_API_KEY to NEXTROUND_AI_BASE_URL (on a shared
    # server, the server's key to the server's own endpoint), never to an address typed on a Settings page; that
    # address gets the key kept in the keyring for it.
    key = config.api_key if config.base_url else None
    source: KeySource = "environment"
    if key is None and base_url:
        key, source = keyring_key(base_url, _keyring_service(ws)), "keyring"
    return base_url, model, key, (source if key else "none"), bool(config.base_url), stored.get(CONSENT, "")


def ai_status(ws: Workspace) -> AiStatus:
    base_url, model, _key, key_source, from_env, agreed = _resolve(ws)
    state: AiState = "on"
    if not (base_url and model):
        state = "not_configured"
    elif agreed != base_url:
        state = "not_agreed"
    return AiStatus(
        state=state,
        base_url=base_url,
        model=model,
        key=key_source,
        local=bool(base_url) and is_local(base_url),
        from_environment=from_env,
        agreed_url=agreed,
        consent_text=consent_text(base_url, model) if base_url and model else "",
        enabled=state == "on",
        reason=_reason(state, base_url, agreed),
    )


def enable_ai(ws: Workspace) -> AiStatus:
    """Record the user's agreement for the endpoint set up now."""
    status = ai_status(ws)
    if status.state == "not_configured":
        raise AiOff(status.reason, field="base_url")
    with ws.db.write() as session:
        SettingsRepository(session, ws.owner_id).set(CONSENT, status.base_url)
    return ai_status(ws)


def disable_ai(ws: Workspace) -> AiStatus:
    with ws.db.write() as session:
        SettingsRepository(session, ws.owner_id).unset(CONSENT)
    return ai_status(ws)


def save_ai_settings(ws: Workspace, base_url: str, model: str, api_key: str | None = None) -> AiStatus:
    """The endpoint and model typed on the Settings page; a key given goes to the OS keyring, never the database.

    Saving does not turn the coach on: agreeing is its own step.
    """
    base_url = base_url.strip()
    model = " ".join(model.split())
    if base_url:
        if len(base_url) > MAX_URL_CHARS:
            raise AiError(f"the base URL is longer than {MAX_URL_CHARS} characters", field="base_url")
        try:
            base_url = check_base_url(base_url)
        except AiError as exc:
            raise AiError(str(exc), field="base_url") from None
    if len(model) > MAX_MODEL_CHARS:
        raise AiError(f"the model name is longer than {MAX_MODEL_CHARS} characters", field="model")
    if api_key:
        if not base_url:
            raise AiError("give the base URL the key is for", field="base_url")
        store_key(base_url, api_key.strip(), _keyring_service(ws))
    with ws.db.write() as session:
        repo = SettingsRepository(session, ws.owner_id)
        for key, value in ((BASE_URL, base_url), (MODEL, model)):
            if value:
                repo.set(key, value)
            else:
                repo.unset(key)
    return ai_status(ws)


@dataclass(frozen=True, slots=True)
class AiKey:
    """Where the key sent to the endpoint comes from, for the Settings page (never the key itself)."""

    in_use: KeySource  # the environment's wins over the keyring's
    saved: bool  # a key is kept in the OS keyring for this base URL (used when the environment has none)
    keyring: bool  # this computer has a keyring to keep one in
    base_url: str  # the endpoint the saved key belongs to ("" when none is set up)
    # NEXTROUND_AI_API_KEY is set without NEXTROUND_AI_BASE_URL: it has no address of its own, so it is sent nowhere
    environment_key_unused: bool


def ai_key(ws: Workspace) -> AiKey:
    """Which key is in use and whether one is kept in the keyring; the keyring is asked once at most."""
    from nextround.integrations.mail import keyring_available

    base_url, _model, _key, source, _env, _agreed = _resolve(ws)
    available = keyring_available()
    if source == "keyring":
        saved = True
    else:  # the environment's key, or none: the keyring may still hold one, unused
        saved = bool(base_url and available and keyring_key(base_url, _keyring_service(ws)))
    unused = bool(ws.settings.ai.api_key) and not ws.settings.ai.base_url
    return AiKey(in_use=source, saved=saved, keyring=available, base_url=base_url, environment_key_unused=unused)


def save_ai_key(ws: Workspace, api_key: str) -> AiKey:
    """Keep the key for the endpoint set up now in the OS keyring (never the database, never a log)."""
    key = api_key.strip()
    if not key:
        raise AiError("type the key to keep", field="api_key")
    if len(key) > MAX_KEY_CHARS:
        raise AiError(f"the key is longer than {MAX_KEY_CHARS} characters", field="api_key")
    base_url = _resolve(ws)[0]
    if not base_url:
        raise AiError("give the base URL the key is for first", field="api_key")
    store_key(base_url, key, _keyring_service(ws))
    return ai_key(ws)


def remove_ai_key(ws: Workspace) -> AiKey:
    """Forget the key kept in the OS keyring for the endpoint set up now (the environment's is not touched)."""
    base_url = _resolve(ws)[0]
    if base_url:
        store_key(base_url, None, _keyring_service(ws))
    return ai_key(ws)


def endpoint(ws: Workspace) -> Endpoint:
    """The endpoint to send to, or AiOff saying why there is none."""
    base_url, model, key, _source, _env, agreed = _resolve(ws)
    if not (base_url and model):
        raise AiOff(_reason("not_configured", base_url, agreed), field="base_url")
    if agreed != base_url:
        raise AiOff(_reason("not_agreed", base_url, agreed), field="consent")
    config = ws.settings.ai
    return Endpoint(
        base_url=base_url,
        model=model,
        api_key=key,
        timeout=config.timeout,
        retries=config.retries,
        backoff=config.backoff,
    )


def ai_client(ws: Workspace) -> ChatClient:
    return ChatClient(endpoint(ws))


def check_ai(ws: Workspace) -> AiCheck:
    """One short request to the endpoint: does it answer, which model, how fast."""
    client = ai_client(ws)
    started = time.monotonic()
    reply = client.complete([{"role": "user", "content": "Reply with the single word: ready"}], temperature=0.0)
    seconds = round(time.monotonic() - started, 2)
    return AiCheck(model=reply.model, seconds=seconds, reply=" ".join(reply.text.split())[:80])
