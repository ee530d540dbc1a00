"""A shared server's own set-up, saved by its administrators on the Server settings page: the AI coach everyone
on the server may use (each person still agrees to it for themselves) and the outgoing mail that sends
invitations and password links.

The environment wins whenever it is set (`NEXTROUND_AI_BASE_URL` for the AI coach, `NEXTROUND_SMTP_HOST` for
mail, each as a whole), so a server set up by its start-up script keeps working as it did; the page says which
source is in use. The database holds addresses and names only: a key or a password is kept in the server's OS
keyring (services `nextround-ai`, the base URL as the account, and `nextround-smtp`, the mail user), or given
in the environment (`NEXTROUND_AI_API_KEY`, `NEXTROUND_SMTP_PASSWORD`), which then wins. An AI key goes only
to the address set up beside it: the environment's key to the environment's base URL (with none there, to
nowhere), the keyring's to the address it was saved for. Every change is
checked whole before anything is kept, is made by an administrator checked in the same transaction, and is
written to the administrators' log.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from nextround.config import AiConfig, Settings, SmtpConfig
from nextround.errors import FormErrors, UserError
from nextround.integrations import llm
from nextround.integrations.llm import AiError, ChatClient, Endpoint
from nextround.integrations.mail import KEYRING_SERVICE as MAIL_KEYRING
from nextround.integrations.mail import (
    MailError,
    keyring_available,
    keyring_password,
    store_keyring_password,
)
from nextround.services import accounts
from nextround.services.administration import _record, require_admin
from nextround.services.ai_config import MAX_KEY_CHARS, MAX_MODEL_CHARS, MAX_URL_CHARS, AiCheck, consent_text
from nextround.services.mail_check import send_test_message, smtp_status
from nextround.services.mail_setup import MailFields, checked_mail_fields
from nextround.storage.db import Database
from nextround.storage.tables import ServerSettingRow

AI, MAIL = "ai", "mail"  # the rows of `server_settings`
AI_KEYRING = llm.KEYRING_SERVICE  # the server's own key; a person's lives under nextround-ai-user-<id>

Source = Literal["environment", "page", "none"]
SecretSource = Literal["environment", "keyring", "none"]


class Changed:
    """What the administrators' log says was changed (services.administration stores it; each front end words it)."""

    AI = "server_ai"
    AI_KEY = "server_ai_key"
    AI_KEY_REMOVED = "server_ai_key_removed"
    AI_REMOVED = "server_ai_removed"
    MAIL = "server_mail"
    MAIL_PASSWORD = "server_mail_password"
    MAIL_REMOVED = "server_mail_removed"


@dataclass(frozen=True, slots=True)
class ServerAi:
    """The AI coach in force and where each part comes from; never the key, only where it is kept."""

    base_url: str
    model: str
    source: Source
    key: SecretSource
    key_saved: bool  # the server's keyring holds a key for the page's address
    # NEXTROUND_AI_API_KEY is set but NEXTROUND_AI_BASE_URL is not: the key has no address of its own, so it is
    # sent nowhere (never to the page's address)
    environment_key_unused: bool
    keyring: bool  # the server has an OS keyring to keep one in
    consent_text: str  # what each person agrees to before anything is sent ("" while not set up)
    saved: dict[str, str]  # what the page saved (kept, unused, while the environment wins)
    # The environment's address is not an http(s) one, so no AI coach can be used: the part at fault ("base_url",
    # for a page to word: only whoever starts the server can change it) and why, in the variable's name (for logs)
    problem: str = ""
    error: str | None = None


@dataclass(frozen=True, slots=True)
class ServerMail:
    """The outgoing mail in force and where it comes from; never the password, only where it is kept."""

    config: SmtpConfig
    source: Source
    password: SecretSource
    keyring: bool
    saved: dict[str, str]
    # The environment's set-up cannot be used (it wins, so the page's cannot either): the part at fault, as
    # SmtpStatus.problem, and why in the variables' names (for logs)
    problem: str = ""
    error: str | None = None


def _now() -> datetime:
    return datetime.now(UTC)


def _stored(db: Database) -> dict[str, dict[str, str]]:
    with db.read() as session:
        rows = session.scalars(select(ServerSettingRow)).all()
    found: dict[str, dict[str, str]] = {}
    for row in rows:
        if isinstance(row.value, dict):
            found[row.key] = {k: v for k, v in row.value.items() if isinstance(v, str)}
    return found


def _mail_row(fields: MailFields) -> dict[str, str]:
    """The fields by the names the server's settings row keeps them under (the password is never one)."""
    return {
        "host": fields.host,
        "port": fields.port,
        "user": fields.user,
        "from": fields.from_addr,
        "security": fields.security,
    }


def _keep(session: Session, key: str, value: dict[str, Any] | None) -> None:
    row = session.get(ServerSettingRow, key)
    if value is None:
        session.execute(delete(ServerSettingRow).where(ServerSettingRow.key == key))
    elif row is None:
        session.add(ServerSettingRow(key=key, value=value, updated_at=_now()))
    else:
        row.value, row.updated_at = value, _now()


# -- the AI coach ----------------------------------------------------------------------------------------------


def _ai_parts(db: Database, settings: Settings) -> tuple[str, str, Source, dict[str, str]]:
    saved = _stored(db).get(AI, {})
    if settings.ai.base_url:
        return settings.ai.base_url, settings.ai.model, "environment", saved
    if saved.get("base_url") and saved.get("model"):
        return saved["base_url"], saved["model"], "page", saved
    return "", "", "none", saved


def _ai_key(settings: Settings, base_url: str, source: Source) -> tuple[str | None, SecretSource]:
    """The key that goes to `base_url` and where it is kept. A key goes only to the address set up beside it:
    `NEXTROUND_AI_API_KEY` to `NEXTROUND_AI_BASE_URL`, never to the page's address; the keyring's to the address
    it was saved for (the account is the address)."""
    if source == "none":
        return None, "none"
    if source == "environment" and settings.ai.api_key:
        return settings.ai.api_key, "environment"
    key = llm.keyring_key(llm.check_base_url(base_url), AI_KEYRING)
    return (key, "keyring") if key else (None, "none")


def ai_config(db: Database, settings: Settings) -> AiConfig:
    """The AI coach everyone on the server uses, with the key set up beside its address (see `_ai_key`)."""
    base_url, model, source, _saved = _ai_parts(db, settings)
    if source == "none":
        return replace(settings.ai, base_url="", model="", api_key=None)
    key, _where = _ai_key(settings, base_url, source)
    return replace(settings.ai, base_url=base_url, model=model, api_key=key)


def ai_setup(db: Database, settings: Settings) -> ServerAi:
    base_url, model, source, saved = _ai_parts(db, settings)
    keyring = keyring_available()
    saved_key = bool(keyring and saved.get("base_url") and llm.keyring_key(saved["base_url"], AI_KEYRING))
    error = None
    if source == "environment":  # the page's address was checked as it was saved
        try:
            llm.check_base_url(base_url)
        except AiError as exc:
            error = str(exc)
    key: SecretSource = "none"
    if source == "environment" and settings.ai.api_key:
        key = "environment"
    elif base_url and keyring and error is None:
        key = _ai_key(settings, base_url, source)[1]
    return ServerAi(
        base_url=base_url,
        model=model,
        source=source,
        key=key,
        key_saved=saved_key,
        environment_key_unused=bool(settings.ai.api_key) and source != "environment",
        keyring=keyring,
        consent_text=consent_text(base_url, model) if base_url and model and error is None else "",
        saved=saved,
        problem="base_url" if error else "",
        error=error,
    )


def save_ai(db: Database, actor_id: int | None, *, base_url: str, model: str, api_key: str = "") -> None:
    """Check the address, the model and any key first; a key goes to the server's keyring, the rest to the
    database, and the change to the log. Bad input keeps nothing."""
    problems: list[UserError] = []
    base_url, model, api_key = base_url.strip(), " ".join(model.split()), api_key.strip()
    if not base_url:
        problems.append(
            AiError("give the address the model answers at, like http://localhost:11434/v1", field="base_url")
        )
    elif len(base_url) > MAX_URL_CHARS:
        problems.append(AiError(f"the address is longer than {MAX_URL_CHARS} characters", field="base_url"))
    else:
        try:
            base_url = llm.check_base_url(base_url)
        except AiError as exc:
            problems.append(AiError(str(exc), field="base_url"))
    if not model:
        problems.append(AiError("give the model's name, like llama3.2", field="model"))
    elif len(model) > MAX_MODEL_CHARS:
        problems.append(AiError(f"the model name is longer than {MAX_MODEL_CHARS} characters", field="model"))
    if len(api_key) > MAX_KEY_CHARS:
        problems.append(AiError(f"the key is longer than {MAX_KEY_CHARS} characters", field="api_key"))
    elif api_key and not keyring_available():
        problems.append(
            AiError(
                "this server has no keyring to keep the key in; give it to the server as it is started", field="api_key"
            )
        )
    if problems:
        raise FormErrors(problems)
    with db.read() as session:  # refused before the keyring is touched
        require_admin(session, actor_id)
    if api_key:
        llm.store_key(base_url, api_key, AI_KEYRING)
    value = {"base_url": base_url, "model": model}
    with db.write() as session:
        require_admin(session, actor_id)
        _keep(session, AI, value)
        _record(session, actor_id, Changed.AI)
        if api_key:
            _record(session, actor_id, Changed.AI_KEY)


def remove_ai_key(db: Database, actor_id: int | None) -> None:
    """Forget the key the server's keyring keeps for the page's address (the environment's is not touched)."""
    base_url = _stored(db).get(AI, {}).get("base_url", "")
    with db.write() as session:
        require_admin(session, actor_id)
        if base_url and keyring_available():
            llm.store_key(base_url, None, AI_KEYRING)
        _record(session, actor_id, Changed.AI_KEY_REMOVED)


def forget_ai(db: Database, actor_id: int | None) -> None:
    """Remove the page's AI coach (and its key from the keyring): without the environment's, none is set up."""
    base_url = _stored(db).get(AI, {}).get("base_url", "")
    with db.write() as session:
        require_admin(session, actor_id)
        if base_url and keyring_available():
            llm.store_key(base_url, None, AI_KEYRING)
        _keep(session, AI, None)
        _record(session, actor_id, Changed.AI_REMOVED)


def check_ai(db: Database, settings: Settings, actor_id: int | None) -> AiCheck:
    """One short request to the AI coach in force: does it answer, which model, how fast (nobody's text is sent)."""
    with db.read() as session:
        require_admin(session, actor_id)
    config = ai_config(db, settings)
    if not (config.base_url and config.model):
        raise AiError("no AI coach is set up on this server yet", field="base_url")
    client = ChatClient(
        Endpoint(
            base_url=llm.check_base_url(config.base_url),
            model=config.model,
            api_key=config.api_key,
            timeout=config.timeout,
            retries=config.retries,
            backoff=config.backoff,
        )
    )
    started = time.monotonic()
    reply = client.complete([{"role": "user", "content": "Reply with the single word: ready"}], temperature=0.0)
    return AiCheck(reply.model, round(time.monotonic() - started, 2), " ".join(reply.text.split())[:80])


# -- outgoing mail ----------------------------------------------------------------------------------------------


def _from_saved(saved: dict[str, str]) -> SmtpConfig:
    security = saved.get("security", "starttls")
    return SmtpConfig(
        host=saved.get("host", ""),
        port=saved.get("port", ""),
        user=saved.get("user", ""),
        from_addr=saved.get("from", ""),
        starttls="on" if security == "starttls" else "off",
        ssl="on" if security == "ssl" else "off",
    )


def smtp_config(db: Database, settings: Settings) -> SmtpConfig:
    """The mail set-up invitations and password links go out through: the environment's when it names a server,
    else the page's. The password is the environment's, else (None) the keyring is asked when sending."""
    if settings.smtp.host:
        return settings.smtp
    saved = _stored(db).get(MAIL, {})
    if not saved.get("host"):
        return SmtpConfig()
    return replace(_from_saved(saved), password=settings.smtp.password)


def mail_setup(db: Database, settings: Settings) -> ServerMail:
    config = smtp_config(db, settings)
    saved = _stored(db).get(MAIL, {})
    source: Source = "environment" if settings.smtp.host else ("page" if config.host else "none")
    keyring = keyring_available()
    password: SecretSource = "none"
    if settings.smtp.password:
        password = "environment"
    elif config.user and keyring and keyring_password(config.user, MAIL_KEYRING):
        password = "keyring"
    # the page's set-up was checked as it was saved; the environment's is checked here
    broken = smtp_status(config) if source == "environment" else None
    return ServerMail(
        config=config,
        source=source,
        password=password,
        keyring=keyring,
        saved=saved,
        problem=broken.problem if broken else "",
        error=broken.error if broken else None,
    )


def save_mail(
    db: Database,
    actor_id: int | None,
    *,
    host: str,
    port: str = "",
    user: str = "",
    from_addr: str = "",
    security: str = "starttls",
    password: str = "",
) -> None:
    """Check every field (as the single-user Settings page does), keep a new password in the server's keyring,
    then the rest in the database; logged. Bad input keeps nothing."""
    values = checked_mail_fields(host, port, user, from_addr, security)
    if password:
        if not keyring_available():
            raise MailError(
                "this server has no keyring to keep the password in; give it to the server as it is started",
                field="password",
            )
        if not values.user:
            raise MailError("give the user name the password belongs to", field="user")
    with db.read() as session:
        require_admin(session, actor_id)
    if password:
        store_keyring_password(values.user, password, MAIL_KEYRING)
    with db.write() as session:
        require_admin(session, actor_id)
        _keep(session, MAIL, _mail_row(values))
        _record(session, actor_id, Changed.MAIL)
        if password:
            _record(session, actor_id, Changed.MAIL_PASSWORD)


def forget_mail(db: Database, actor_id: int | None) -> None:
    """Remove the page's mail set-up (the keyring keeps the password: the same user may be typed again)."""
    with db.write() as session:
        require_admin(session, actor_id)
        _keep(session, MAIL, None)
        _record(session, actor_id, Changed.MAIL_REMOVED)


def send_test_mail(db: Database, settings: Settings, actor_id: int) -> str:
    """A test message through the server's mail, to the administrator asking; returns their address."""
    with db.read() as session:
        require_admin(session, actor_id)
    to = accounts.get_account(db, actor_id).email
    config = smtp_config(db, settings)
    if not config.host:
        raise MailError("this server's outgoing mail is not set up yet", field="host")
    body = (
        "This is a test from nextround's Server settings page. If you can read it, invitations and links to "
        "choose a new password can be emailed from this server.\n"
    )
    return send_test_message(config, to=to, body=body)
