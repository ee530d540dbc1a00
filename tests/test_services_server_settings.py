"""services.server_settings on both engines: a shared server's own AI coach and outgoing mail, saved by an
administrator (never a key or password in the database), the environment winning when set, every change logged,
bad input keeping nothing; the AI coach tested against the local chat server, invitations sent through a real
SMTP server (aiosmtpd)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import func, select, text

from nextround.config import AiConfig, Settings, SmtpConfig
from nextround.errors import FormErrors, UserError
from nextround.services import accounts, administration, invitation_mail, server_settings
from nextround.services.administration import NotAnAdministrator
from nextround.services.ai_config import ai_status, enable_ai, endpoint
from nextround.services.server_settings import Changed
from nextround.services.workspace import Workspace
from nextround.storage.db import Database
from nextround.storage.tables import AdminEventRow, ServerSettingRow
from tests.chat_server import MODEL_NAME, FakeChat
from tests.feedback_helpers import smtp_server
from tests.test_services_ai_config import MemoryKeyring

PASSWORD = "correct horse battery"


@pytest.fixture
def db(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setattr(accounts, "HASH_COSTS", {"time_cost": 1, "memory_cost": 1024, "parallelism": 1})
    return workspace.db


@pytest.fixture
def server_keyring() -> Iterator[MemoryKeyring]:
    """The server's OS keyring: a working one kept in memory (this machine has none)."""
    import keyring

    previous = keyring.get_keyring()
    store = MemoryKeyring({})
    keyring.set_keyring(store)
    try:
        yield store
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def people(db: Database) -> Iterator[tuple[int, int]]:
    """An administrator (Ada) and a job seeker (Bo)."""
    ada = accounts.create_user(db, "ada@uni.example", PASSWORD).id
    bo = accounts.create_user(db, "bo@uni.example", PASSWORD).id
    administration.set_admin(db, None, ada, admin=True)
    yield ada, bo


def _rows(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(ServerSettingRow)) or 0)


def _logged(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(AdminEventRow.action).order_by(AdminEventRow.id)).all())


def _everything_stored(db: Database) -> str:
    """Every value of the tables that could hold a secret by mistake, as one text."""
    with db.read() as session:
        rows = session.execute(text("SELECT key, value FROM server_settings")).all()
        rows += session.execute(text("SELECT key, value FROM user_settings")).all()
        rows += session.execute(text("SELECT action, target_email FROM admin_events")).all()
    return repr(rows)


def test_bad_input_is_refused_at_its_field_and_keeps_nothing(
    db: Database, people: tuple[int, int], server_keyring: MemoryKeyring
) -> None:
    ada, bo = people
    with pytest.raises(FormErrors) as caught:
        server_settings.save_ai(db, ada, base_url="ftp://models.uni.example", model="", api_key="sk-1")
    assert set(caught.value.by_field()) == {"base_url", "model"}
    with pytest.raises(FormErrors) as mail:
        server_settings.save_mail(db, ada, host="smtp uni", port="99999", from_addr="careers at uni", password="pw")
    assert set(mail.value.by_field()) == {"host", "port", "from_addr"}
    with pytest.raises(NotAnAdministrator):  # a person who is not an administrator, even with good input
        server_settings.save_ai(db, bo, base_url="http://127.0.0.1:9/v1", model="m", api_key="sk-bo")
    with pytest.raises(NotAnAdministrator):
        server_settings.save_mail(db, bo, host="smtp.uni.example", from_addr="a@uni.example", user="u", password="p")
    assert _rows(db) == 0 and server_keyring.secrets == {}
    assert _logged(db) == [administration.Action.GRANT_ADMIN]


def test_the_ai_coach_saved_by_an_administrator_is_everyones_each_agreeing_for_themselves(
    db: Database, people: tuple[int, int], workspace: Workspace, server_keyring: MemoryKeyring, chat: FakeChat
) -> None:
    ada, bo = people
    settings = replace(workspace.settings, shared_server=True)
    server_settings.save_ai(db, ada, base_url=chat.base_url + "/", model=MODEL_NAME, api_key="sk-server-123")
    assert server_keyring.secrets == {("nextround-ai", chat.base_url): "sk-server-123"}
    assert "sk-server-123" not in _everything_stored(db)
    assert _logged(db)[-2:] == [Changed.AI, Changed.AI_KEY]
    setup = server_settings.ai_setup(db, settings)
    assert (setup.source, setup.key, setup.base_url) == ("page", "keyring", chat.base_url)
    assert chat.base_url in setup.consent_text and "on this computer" in setup.consent_text

    bo_ws = replace(workspace, owner_id=bo, settings=settings)
    status = ai_status(bo_ws)
    assert (status.state, status.base_url, status.model) == ("not_agreed", chat.base_url, MODEL_NAME)
    assert status.from_environment  # Bo's Settings page cannot change it
    enable_ai(bo_ws)
    assert endpoint(bo_ws).api_key == "sk-server-123"
    assert ai_status(replace(bo_ws, owner_id=ada)).state == "not_agreed"  # Ada has not agreed for herself

    check = server_settings.check_ai(db, settings, ada)
    assert check.model == MODEL_NAME and check.reply == "ready"
    assert chat.authorization[-1] == "Bearer sk-server-123"
    with pytest.raises(NotAnAdministrator):
        server_settings.check_ai(db, settings, bo)

    # The environment wins when it names an endpoint, with its own key; the page's stays saved, unused.
    started = replace(settings, ai=AiConfig(base_url="http://10.1.2.3/v1", model="env-model", api_key="sk-env"))
    env_setup = server_settings.ai_setup(db, started)
    assert (env_setup.source, env_setup.key, env_setup.model) == ("environment", "environment", "env-model")
    assert env_setup.saved == {"base_url": chat.base_url, "model": MODEL_NAME}

    server_settings.remove_ai_key(db, ada)
    assert server_keyring.secrets == {} and server_settings.ai_setup(db, settings).key == "none"
    server_settings.forget_ai(db, ada)
    assert server_settings.ai_setup(db, settings).source == "none" and _rows(db) == 0
    assert ai_status(bo_ws).state == "not_configured"
    assert _logged(db)[-2:] == [Changed.AI_KEY_REMOVED, Changed.AI_REMOVED]


def test_the_environments_key_never_goes_to_the_address_saved_on_the_page(
    db: Database, people: tuple[int, int], workspace: Workspace, server_keyring: MemoryKeyring, chat: FakeChat
) -> None:
    """NEXTROUND_AI_API_KEY without NEXTROUND_AI_BASE_URL has no address of its own: the address an administrator
    saves gets only the key saved with it, so the server's key never leaves for wherever the page points."""
    ada, bo = people
    started = AiConfig(api_key="sk-env-never-there")
    settings = replace(workspace.settings, shared_server=True, ai=started)
    server_settings.save_ai(db, ada, base_url=chat.base_url, model=MODEL_NAME)
    assert server_settings.ai_config(db, settings).api_key is None
    setup = server_settings.ai_setup(db, settings)
    assert (setup.source, setup.key, setup.environment_key_unused) == ("page", "none", True)
    server_settings.check_ai(db, settings, ada)
    bo_ws = replace(workspace, owner_id=bo, settings=settings)
    enable_ai(bo_ws)
    assert endpoint(bo_ws).api_key is None and ai_status(bo_ws).key == "none"
    assert chat.authorization == [None]

    server_settings.save_ai(db, ada, base_url=chat.base_url, model=MODEL_NAME, api_key="sk-page-77")
    assert endpoint(bo_ws).api_key == "sk-page-77"  # the key saved with the page's address, and only that
    server_settings.check_ai(db, settings, ada)
    assert chat.authorization[-1] == "Bearer sk-page-77"
    assert "sk-env-never-there" not in _everything_stored(db) and "sk-page-77" not in _everything_stored(db)

    # With its own address, the environment's key goes there (and the page's key stays with the page's address).
    paired = replace(settings, ai=AiConfig(base_url="http://10.1.2.3/v1", model="m", api_key="sk-env-never-there"))
    assert server_settings.ai_config(db, paired).api_key == "sk-env-never-there"
    assert not server_settings.ai_setup(db, paired).environment_key_unused
    # Neither address set anywhere: no coach, and the key is sent nowhere.
    server_settings.forget_ai(db, ada)
    assert server_settings.ai_config(db, settings) == replace(started, base_url="", model="", api_key=None)


def test_a_failing_model_is_one_line(db: Database, people: tuple[int, int], workspace: Workspace) -> None:
    ada, _bo = people
    settings = replace(workspace.settings, shared_server=True, ai=replace(workspace.settings.ai, retries=0))
    with pytest.raises(UserError, match="no AI coach is set up"):
        server_settings.check_ai(db, settings, ada)
    server_settings.save_ai(db, ada, base_url="http://127.0.0.1:9/v1", model="m")  # nothing listens there
    with pytest.raises(UserError) as caught:
        server_settings.check_ai(db, settings, ada)
    assert "\n" not in str(caught.value) and "127.0.0.1:9" in str(caught.value)


def test_invitations_go_out_through_the_mail_the_administrator_saved(
    db: Database, people: tuple[int, int], workspace: Workspace, server_keyring: MemoryKeyring
) -> None:
    ada, bo = people
    settings = replace(workspace.settings, shared_server=True, smtp=SmtpConfig())
    assert server_settings.mail_setup(db, settings).source == "none"
    with smtp_server() as smtp:
        server_settings.save_mail(
            db, ada, host="127.0.0.1", port=str(smtp.port), from_addr="Careers <careers@uni.example>", security="none"
        )
        made = invitation_mail.invite_accounts(
            db, settings, ada, ["new@uni.example"], "http://jobs.uni.example", days=7
        )
        assert made[0].delivery.emailed
        [message] = smtp.received
        assert message.rcpt_tos == ["new@uni.example"] and made[0].url in message.body
        assert "careers@uni.example" in message.message["From"]
        assert server_settings.send_test_mail(db, settings, ada) == "ada@uni.example"
        assert smtp.received[-1].rcpt_tos == ["ada@uni.example"]
    with pytest.raises(NotAnAdministrator):
        server_settings.send_test_mail(db, settings, bo)
    setup = server_settings.mail_setup(db, settings)
    assert (setup.source, setup.password, setup.config.host) == ("page", "none", "127.0.0.1")

    # a password goes to the server's keyring, never the database
    server_settings.save_mail(
        db, ada, host="smtp.uni.example", user="careers", from_addr="careers@uni.example", password="mail-secret-9"
    )
    assert server_keyring.secrets == {("nextround-smtp", "careers"): "mail-secret-9"}
    assert "mail-secret-9" not in _everything_stored(db)
    assert server_settings.mail_setup(db, settings).password == "keyring"
    assert _logged(db)[-4:] == [Changed.MAIL, administration.Action.INVITE, Changed.MAIL, Changed.MAIL_PASSWORD]

    # the environment wins, as a whole, when it names a server
    started = replace(settings, smtp=SmtpConfig(host="mail.env.example", from_addr="env@uni.example"))
    assert server_settings.smtp_config(db, started).host == "mail.env.example"
    assert server_settings.mail_setup(db, started).source == "environment"

    server_settings.forget_mail(db, ada)
    assert server_settings.smtp_config(db, settings) == SmtpConfig() and _rows(db) == 0
    unsent = invitation_mail.invite_accounts(db, settings, ada, ["late@uni.example"], "http://x.example", days=7)
    assert unsent[0].delivery.reason == invitation_mail.NotSent.NOT_SET_UP


def test_without_a_keyring_the_password_is_refused_and_nothing_is_kept(
    db: Database, people: tuple[int, int], workspace: Workspace
) -> None:
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    ada, _bo = people
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        with pytest.raises(UserError, match="give it to the server as it is started") as caught:
            server_settings.save_mail(
                db, ada, host="smtp.uni.example", user="u", from_addr="a@uni.example", password="p"
            )
        assert caught.value.field == "password"
        with pytest.raises(FormErrors) as ai:
            server_settings.save_ai(db, ada, base_url="https://api.example.com/v1", model="m", api_key="sk")
        assert "give it to the server as it is started" in ai.value.by_field()["api_key"]
    finally:
        keyring.set_keyring(previous)
    assert _rows(db) == 0


def test_a_single_user_install_never_uses_the_servers_rows(workspace: Workspace) -> None:
    """Rows of a shared server's set-up (a database restored on a laptop) do not set up a one-person install."""
    from datetime import UTC, datetime

    with workspace.db.write() as session:
        session.add(
            ServerSettingRow(
                key="ai", value={"base_url": "http://10.0.0.9/v1", "model": "m"}, updated_at=datetime.now(UTC)
            )
        )
    assert not workspace.settings.shared_server
    assert ai_status(workspace).state == "not_configured"
    assert (
        ai_status(replace(workspace, settings=replace(workspace.settings, shared_server=True))).base_url
        == "http://10.0.0.9/v1"
    )


def test_a_set_up_the_server_was_started_with_that_cannot_be_used_names_the_part_at_fault(
    workspace: Workspace, db: Database, people: tuple[int, int], server_keyring: MemoryKeyring
) -> None:
    """The environment wins over the page, so a broken one leaves no mail and no AI coach: each says which part is
    at fault (for a page to word) and why in the variables' names (for logs), and never offers a consent text."""
    ada, _bo = people

    def started(**environment: object) -> Settings:
        return replace(workspace.settings, **environment)  # type: ignore[arg-type]

    server_settings.save_mail(db, ada, host="smtp.uni.example", from_addr="careers@uni.example")
    broken_port = started(smtp=SmtpConfig(host="smtp.uni.example", port="smtp", from_addr="a@uni.example"))
    mail = server_settings.mail_setup(db, broken_port)
    assert mail.source == "environment" and mail.problem == "port"
    assert mail.error is not None and "NEXTROUND_SMTP_PORT" in mail.error
    no_sender = server_settings.mail_setup(db, started(smtp=SmtpConfig(host="smtp.uni.example")))
    assert no_sender.problem == "from_addr"
    # the page's own set-up was checked as it was saved, and an environment without a server does not win
    page_mail = server_settings.mail_setup(db, started(smtp=SmtpConfig(port="2525")))
    assert page_mail.source == "page" and page_mail.problem == "" and page_mail.error is None
    broken_ai = started(ai=AiConfig(base_url="ftp://models.uni.example", model="m"))
    ai = server_settings.ai_setup(db, broken_ai)  # with a keyring, which the key's look-up asks by the address
    assert ai.source == "environment" and ai.problem == "base_url" and ai.consent_text == ""
    assert ai.error is not None and "ftp://models.uni.example" in ai.error
    whole = server_settings.ai_setup(db, started(ai=AiConfig(base_url="http://127.0.0.1:9/v1", model="m")))
    assert whole.problem == "" and whole.error is None and whole.consent_text
