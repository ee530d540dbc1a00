"""Email set up on the Settings page: stored as settings, the password only ever in the OS keyring."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import keyring
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from keyring.backend import KeyringBackend

from nextround.config import Settings, SmtpConfig
from nextround.services.preferences import PreferenceError, check_stored_setting
from nextround.storage.repositories import SettingsRepository
from nextround.web import mail_sections
from tests.feedback_helpers import SMTP_ENV_NAMES, StoringHandler, free_port, smtp_server
from tests.web_support import Web, command_line_in, web_with


@pytest.fixture(autouse=True)
def _no_smtp(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SMTP_ENV_NAMES:
        monkeypatch.delenv(f"NEXTROUND_SMTP_{name}", raising=False)


class FileKeyring(KeyringBackend):
    """A keyring backend that keeps passwords in one JSON file: a real backend through keyring's own API."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def _all(self) -> dict[str, str]:
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._all().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        self.path.write_text(json.dumps({**self._all(), f"{service}/{username}": password}))

    def delete_password(self, service: str, username: str) -> None:
        self.path.write_text(json.dumps({k: v for k, v in self._all().items() if k != f"{service}/{username}"}))


@pytest.fixture
def file_keyring(tmp_path: Path) -> Iterator[FileKeyring]:
    before = keyring.get_keyring()
    backend = FileKeyring(tmp_path / "keyring.json")
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(before)


def _stored(web: Web) -> dict[str, Any]:
    ws = web.app.state.web.workspace()
    with ws.db.read() as session:
        return SettingsRepository(session, ws.owner_id).all()


def _form(port: int, **extra: str) -> dict[str, str]:
    return {
        "host": "127.0.0.1",
        "port": str(port),
        "user": "",
        "from_addr": "Alex Doe <alex@example.org>",
        "security": "none",
        **extra,
    }


def test_this_machine_has_no_keyring_so_the_page_says_what_can_be_done(web: Web) -> None:
    assert keyring.get_keyring().priority <= 0, "this test is about a machine without a keyring"
    page = web.client.get("/settings").text
    assert 'action="/settings/mail"' in page
    assert 'name="password"' not in page
    note = page.split('id="mail-password-note">', 1)[1].split("</p>", 1)[0]
    assert "no keyring" in note and "whoever starts nextround can give it the password as it starts" in note
    assert command_line_in(page) is None, command_line_in(page)
    assert "send it from your own mail program" in note  # what a person in the browser can do meanwhile


def test_a_password_without_a_keyring_is_refused_and_nothing_is_saved(web: Web) -> None:
    response = web.post_form("/settings/mail", _form(2525, user="alex", password="s3cret-value"))
    assert response.status_code == 422
    assert "whoever starts nextround can give it the password" in response.text and 'role="alert"' in response.text
    assert command_line_in(response.text) is None
    assert "s3cret-value" not in response.text
    assert not any(key.startswith("smtp.") for key in _stored(web))


def test_saved_on_the_page_and_a_real_test_message_goes_out(web: Web) -> None:
    with smtp_server() as server:
        saved = web.post_form("/settings/mail", _form(server.port))
        assert saved.status_code == 303, saved.text
        page = web.client.get(saved.headers["location"]).text
        assert "Email settings saved." in page
        assert f"127.0.0.1:{server.port}" in page and 'value="Alex Doe &lt;alex@example.org&gt;"' in page
        sent = web.post_form("/settings/smtp-test")
        assert sent.status_code == 303
        assert "Test message sent to Alex Doe" in web.client.get(sent.headers["location"]).text
    assert len(server.received) == 1
    assert server.received[0].message["Subject"] == "nextround: test message"
    assert server.received[0].rcpt_tos == ["alex@example.org"]
    assert _stored(web)["smtp.security"] == "none"


def test_every_mistake_is_shown_next_to_its_field_and_the_values_are_kept(web: Web) -> None:
    response = web.post_form(
        "/settings/mail", {"host": "", "port": "smtp", "from_addr": "not an address", "security": "none"}
    )
    assert response.status_code == 422
    for field in ("host", "port", "from_addr"):
        assert f'id="f-{field}-error"' in response.text, field
    assert 'value="not an address"' in response.text and 'value="smtp"' in response.text
    assert not any(key.startswith("smtp.") for key in _stored(web))


def test_the_page_set_up_replaces_the_environment_until_removed(settings: Settings, clock: Any) -> None:
    from_env = SmtpConfig(host="env.example.org", port="2500", from_addr="env@example.org", starttls="off")
    with smtp_server() as server, web_with(replace(settings, smtp=from_env), clock) as web:
        assert "env.example.org:2500" in web.client.get("/settings").text
        web.post_form("/settings/mail", _form(server.port))
        assert web.post_form("/settings/smtp-test").status_code == 303
        assert len(server.received) == 1
        forgotten = web.post_form("/settings/mail/forget")
        page = web.client.get(forgotten.headers["location"]).text
        assert "env.example.org:2500" in page and "were removed" in page
        assert not any(key.startswith("smtp.") for key in _stored(web))


def test_with_a_keyring_the_password_goes_there_and_logs_in(web: Web, file_keyring: FileKeyring) -> None:
    logins: list[tuple[str, str]] = []

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        assert isinstance(data, LoginPassword)
        logins.append((data.login.decode(), data.password.decode()))
        return AuthResult(success=data.password == b"s3cret-value")

    handler = StoringHandler()
    port = free_port()
    controller = Controller(
        handler, hostname="127.0.0.1", port=port, authenticator=authenticate, auth_require_tls=False
    )
    controller.start()
    try:
        page = web.client.get("/settings").text
        assert 'name="password"' in page and 'id="mail-password-note"' not in page
        saved = web.post_form("/settings/mail", _form(port, user="alex", password="s3cret-value"))
        assert saved.status_code == 303
        assert file_keyring.get_password("nextround-smtp", "alex") == "s3cret-value"
        assert "s3cret-value" not in json.dumps(_stored(web))
        page = web.client.get("/settings").text
        assert "s3cret-value" not in page and "<dd>found</dd>" in page
        assert web.post_form("/settings/smtp-test").status_code == 303
    finally:
        controller.stop()
    assert logins == [("alex", "s3cret-value")]
    assert len(handler.received) == 1


def test_an_imported_mail_setting_passes_the_same_rules() -> None:
    check_stored_setting("smtp.port", "587")
    check_stored_setting("smtp.from", "alex@example.org")
    for key, value in (("smtp.port", "smtp"), ("smtp.security", "rot13"), ("smtp.password", "x"), ("smtp.host", 5)):
        with pytest.raises(PreferenceError):
            check_stored_setting(key, value)


def test_the_command_line_sends_with_the_page_set_up(workspace: Any, cli: Any) -> None:
    from nextround.services.mail_setup import save_mail_setup

    with smtp_server() as server:
        save_mail_setup(workspace, host="127.0.0.1", port=str(server.port), from_addr="me@example.org", security="none")
        sent = cli("config", "smtp", "--test", "--json")
        assert sent.exit_code == 0, sent.output
    assert json.loads(sent.stdout)["port"] == server.port
    assert server.received[0].rcpt_tos == ["me@example.org"]


def _login_server(logins: list[tuple[str, str]]) -> tuple[Controller, StoringHandler, int]:
    """An SMTP server that accepts any login and writes down what it was given (auth without TLS: loopback)."""

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        logins.append((data.login.decode(), data.password.decode()))
        return AuthResult(success=True)

    handler, port = StoringHandler(), free_port()
    controller = Controller(
        handler, hostname="127.0.0.1", port=port, authenticator=authenticate, auth_require_tls=False
    )
    controller.start()
    return controller, handler, port


def test_on_a_shared_server_a_persons_set_up_never_gets_the_servers_secrets(
    settings: Settings, clock: Any, file_keyring: FileKeyring
) -> None:
    server_smtp = SmtpConfig(host="smtp.server.example", user="admin", from_addr="admin@example.org",
                             password="server-secret")  # fmt: skip
    file_keyring.set_password("nextround-smtp", "admin", "keyring-secret")  # the administrator's own entry
    logins: list[tuple[str, str]] = []
    controller, handler, port = _login_server(logins)
    try:
        with web_with(replace(settings, smtp=server_smtp, shared_server=True), clock) as web:
            page = web.client.get("/settings").text
            assert 'name="password"' in page  # this machine's keyring can keep their own password
            assert web.post_form("/settings/mail", _form(port, user="admin")).status_code == 303
            assert web.post_form("/settings/smtp-test").status_code == 303
            assert logins == []  # neither the environment's password nor the administrator's keyring entry
            assert len(handler.received) == 1
            saved = web.post_form("/settings/mail", _form(port, user="admin", password="mine"))
            assert saved.status_code == 303
            assert file_keyring.get_password("nextround-smtp", "admin") == "keyring-secret"  # untouched
            assert web.post_form("/settings/smtp-test").status_code == 303
    finally:
        controller.stop()
    assert logins == [("admin", "mine")]


def test_a_shared_server_without_a_keyring_says_no_login_can_be_kept(settings: Settings, clock: Any) -> None:
    with web_with(replace(settings, shared_server=True), clock) as web:
        page = web.client.get("/settings").text
        assert "This server keeps no passwords" in page and "NEXTROUND_SMTP_PASSWORD" not in page
        refused = web.post_form("/settings/mail", _form(2525, user="me", password="x"))
        assert refused.status_code == 422 and "NEXTROUND_SMTP_PASSWORD" not in refused.text


def test_the_multi_user_app_runs_as_a_shared_server(settings: Settings, clock: Any) -> None:
    from nextround.web.app import create_app
    from nextround.web.auth import MultiUser

    assert create_app(settings, clock=clock, multi_user=MultiUser()).state.web.settings.shared_server
    assert not create_app(settings, clock=clock).state.web.settings.shared_server


def test_a_test_message_before_any_set_up_says_what_to_do_on_the_page(web: Web) -> None:
    sent = web.post_form("/settings/smtp-test")
    page = web.client.get(sent.headers["location"]).text
    assert "email is not set up yet: fill in your mail server below first" in page.lower()
    assert command_line_in(page) is None, command_line_in(page)


def test_a_password_never_goes_out_unencrypted_and_the_page_says_what_to_choose(
    web: Web,
    file_keyring: FileKeyring,
) -> None:
    form = {**_form(2525, user="alex", password="s3cret-value"), "host": "mail.example.org"}
    assert web.post_form("/settings/mail", form).status_code == 303
    sent = web.post_form("/settings/smtp-test")
    page = web.client.get(sent.headers["location"]).text
    section = page.split('id="mail-settings"', 1)[1].split("</section>", 1)[0]
    assert "without encryption: choose STARTTLS or SSL for the mail server" in section
    assert command_line_in(section) is None, command_line_in(section)
    assert "s3cret-value" not in page


@pytest.mark.parametrize(
    ("from_env", "said"),
    [
        (SmtpConfig(host="smtp.example.org", port="smtp", from_addr="me@example.org"), "the port is not a number"),
        (SmtpConfig(from_addr="me@example.org", port="587"), "the mail server&#39;s name is missing"),
    ],  # (as the page writes them: the apostrophe escaped)
)
def test_a_broken_set_up_from_the_environment_is_one_plain_line(
    settings: Settings,
    clock: Any,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    from_env: SmtpConfig,
    said: str,
) -> None:
    monkeypatch.setattr(mail_sections, "_warned", set())  # logged once per process: this test starts afresh
    with web_with(replace(settings, smtp=from_env), clock) as web, caplog.at_level("WARNING", "nextround.web"):
        page = web.client.get("/settings").text
        section = page.split('id="mail-settings"', 1)[1].split("</section>", 1)[0]
        shown = section.split('id="mail-broken"', 1)[1].split("</div>", 1)[0]
        assert said in shown and "Whoever set up nextround on this computer must correct it." in shown
        assert command_line_in(section) is None, command_line_in(section)
        assert "Send a test message" not in section and 'action="/settings/mail"' in section  # the page can replace it
        # a test sent from a page loaded before the restart says the same, not the variables' words
        tested = web.client.get(web.post_form("/settings/smtp-test").headers["location"]).text
        alert = tested.split('role="alert"><p>', 1)[1].split("</p>", 1)[0]
        assert said in alert and command_line_in(tested) is None, command_line_in(tested)
    assert any("NEXTROUND_SMTP_" in record.getMessage() for record in caplog.records)  # the detail is in the log


def test_a_broken_set_up_is_logged_once_per_process_not_on_every_view(
    settings: Settings, clock: Any, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Settings page is opened often; the log says once what is wrong, and again only for a new reason."""
    monkeypatch.setattr(mail_sections, "_warned", set())

    def warnings() -> list[str]:
        return [r.getMessage() for r in caplog.records if r.name == "nextround.web" and r.levelname == "WARNING"]

    with caplog.at_level("WARNING", "nextround.web"):
        for port in ("smtp", "smtp", "submission"):  # a restart with another wrong port is a new reason
            broken = SmtpConfig(host="smtp.example.org", port=port, from_addr="me@example.org")
            with web_with(replace(settings, smtp=broken), clock) as web:
                for _view in range(3):
                    assert 'id="mail-broken"' in web.client.get("/settings").text
    logged = warnings()
    assert len(logged) == 2, logged
    assert "'smtp'" in logged[0] and "'submission'" in logged[1] and all("NEXTROUND_SMTP_PORT" in m for m in logged)
