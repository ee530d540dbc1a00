"""The mailbox the Inbox reads, connected on the Settings page: a real Dovecot server, a real keyring backend,
the password only ever in the keyring, never in the database, and no command line on any page."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import keyring
import pytest

from nextround.config import Settings
from nextround.services.preferences import PreferenceError, check_stored_setting
from nextround.storage.repositories import SettingsRepository
from nextround.web import mail_sections
from tests.factories import make_application
from tests.web_support import Web, command_line_in, web_with

from .dovecot_server import PASSWORD, Dovecot, dovecot_server
from .mail_corpus import load
from .test_web_settings_mail import FileKeyring, file_keyring  # noqa: F401  (the fixture)

CORPUS = {item.id: item.raw for item in load("test")}


def _stored(web: Web) -> dict[str, Any]:
    ws = web.app.state.web.workspace()
    with ws.db.read() as session:
        return SettingsRepository(session, ws.owner_id).all()


def _form(server: Dovecot, **extra: str) -> dict[str, str]:
    return {
        "imap_host": server.host,
        "imap_port": str(server.port),
        "imap_security": "ssl",
        "imap_user": server.user,
        "imap_folder": "",
        "imap_ca_file": server.ca_file,
        **extra,
    }


def _section(html: str) -> str:
    return html.split('id="mailbox-settings"', 1)[1].split("</section>", 1)[0]


def test_without_a_keyring_the_section_says_what_to_do_in_the_browser(web: Web) -> None:
    assert keyring.get_keyring().priority <= 0, "this test is about a machine without a keyring"
    page = web.client.get("/settings").text
    section = _section(page)
    assert 'action="/settings/mailbox"' in section and 'name="imap_password"' not in section
    assert "No mailbox is connected" in section and 'href="/inbox"' in section
    assert command_line_in(section) is None, command_line_in(section)
    inbox = web.client.get("/inbox").text
    assert 'href="/settings#mailbox-title"' in inbox and "Connect your mailbox in Settings" in inbox
    refused = web.post_form(
        "/settings/mailbox", {"imap_host": "imap.example.org", "imap_user": "sam", "imap_password": "s3cret-value"}
    )
    assert refused.status_code == 422
    error = _section(refused.text)
    assert "no keyring" in error and "Inbox" in error and not command_line_in(error)
    assert "s3cret-value" not in refused.text
    assert not any(key.startswith("imap.") for key in _stored(web))


def test_every_mistake_is_shown_next_to_its_field_and_the_values_are_kept(web: Web) -> None:
    response = web.post_form(
        "/settings/mailbox",
        {"imap_host": "imap example", "imap_port": "imap", "imap_security": "plain", "imap_user": "",
         "imap_ca_file": "/no/such/ca.pem"},
    )  # fmt: skip
    assert response.status_code == 422
    for field in ("imap_host", "imap_port", "imap_security", "imap_user", "imap_ca_file"):
        assert f'id="f-{field}-error"' in response.text, field
    assert 'value="imap example"' in response.text and 'value="/no/such/ca.pem"' in response.text
    # the outgoing-mail form on the same page is untouched: its own fields, no errors
    assert 'id="f-host-error"' not in response.text
    assert not any(key.startswith("imap.") for key in _stored(web))


def test_connect_test_check_mail_and_disconnect_from_the_browser(
    settings: Settings,
    clock: Any,
    file_keyring: FileKeyring,  # noqa: F811
) -> None:
    with dovecot_server([CORPUS["t009"], CORPUS["t008"]]) as server, web_with(settings, clock) as web:
        make_application(web.app.state.web.workspace(), company="Veltra", role="Site Reliability Engineer")
        assert 'name="imap_password"' in _section(web.client.get("/settings").text)
        saved = web.post_form("/settings/mailbox", _form(server, imap_password=PASSWORD))
        assert saved.status_code == 303, saved.text
        page = web.client.get(saved.headers["location"]).text
        assert "Mailbox connected." in page
        section = _section(page)
        assert f"{server.user}@{server.host}:{server.port}" in section, section
        assert "kept in this computer" in section and "keyring" in section
        # the password is in the keyring, where the command line looks too, and nowhere in nextround's data
        assert file_keyring.get_password("nextround-imap", server.user) == PASSWORD
        stored = _stored(web)
        assert stored["imap.host"] == server.host and PASSWORD not in json.dumps(stored)
        assert PASSWORD not in page

        tested = web.post_form("/settings/mailbox-test")
        assert tested.status_code == 303
        result = web.client.get(tested.headers["location"]).text
        assert "the folder INBOX is there, 2 messages in it. Nothing was read, marked or moved." in result

        inbox = web.client.get("/inbox").text
        assert "Check mail now" in inbox and f"{server.user} on {server.host}" in inbox
        checked = web.client.get(web.post_form("/inbox/sync").headers["location"]).text
        assert "Read 2 messages: 1 to review" in checked

        gone = web.post_form("/settings/mailbox/forget")
        assert "Mailbox disconnected" in web.client.get(gone.headers["location"]).text
        assert not any(key.startswith("imap.") for key in _stored(web))
        assert file_keyring.get_password("nextround-imap", server.user) is None
        assert "No mailbox is connected" in web.client.get("/inbox").text


def test_a_refused_login_is_said_on_the_page_in_plain_words(
    settings: Settings,
    clock: Any,
    file_keyring: FileKeyring,  # noqa: F811
) -> None:
    with dovecot_server() as server, web_with(settings, clock) as web:
        assert web.post_form("/settings/mailbox", _form(server, imap_password="wrong")).status_code == 303
        tested = web.post_form("/settings/mailbox-test")
        page = web.client.get(tested.headers["location"]).text
        error = page.split('id="mailbox-test-error"', 1)[1].split("</div>", 1)[0]
        assert "refused the login" in error and "wrong" not in error
        assert not command_line_in(error)
        # saved without a password (none kept): checking mail says where to give it, not a variable's name
        file_keyring.delete_password("nextround-imap", server.user)
        refused = web.post_form("/inbox/sync")
        assert refused.status_code == 422
        assert "enter it under Your mailbox on the Settings page" in refused.text
        assert not command_line_in(refused.text.split('role="alert"', 1)[1].split("</div>", 1)[0])


def test_the_page_mailbox_replaces_the_environment_until_disconnected(
    settings: Settings,
    clock: Any,
    file_keyring: FileKeyring,  # noqa: F811
) -> None:
    from_env = {"NEXTROUND_IMAP_HOST": "imap.env.example", "NEXTROUND_IMAP_USER": "env-user"}
    with dovecot_server() as server, web_with(replace(settings, imap_env=from_env), clock) as web:
        section = _section(web.client.get("/settings").text)
        assert "env-user@imap.env.example:993" in section and "when nextround was started" in section
        assert not command_line_in(section)
        web.post_form("/settings/mailbox", _form(server, imap_password=PASSWORD))
        assert f"{server.user}@{server.host}" in _section(web.client.get("/settings").text)
        web.post_form("/settings/mailbox/forget")
        assert "env-user@imap.env.example:993" in _section(web.client.get("/settings").text)


def test_the_command_line_reads_the_mailbox_connected_on_the_page(
    workspace: Any,
    cli: Any,
    file_keyring: FileKeyring,  # noqa: F811
) -> None:
    from nextround.services.mailbox_setup import save_mailbox_setup

    with dovecot_server([CORPUS["t009"]]) as server:
        save_mailbox_setup(
            workspace, host=server.host, port=str(server.port), user=server.user, ca_file=server.ca_file,
            password=PASSWORD,
        )  # fmt: skip
        read = cli("mail", "sync")
        assert read.exit_code == 0, read.output
    assert "1 new message" in read.output


def test_an_imported_mailbox_setting_passes_the_same_rules() -> None:
    check_stored_setting("imap.port", "993")
    check_stored_setting("imap.security", "starttls")
    check_stored_setting("imap.ca_file", "/etc/ssl/elsewhere.pem")  # a path on the computer it came from
    for key, value in (("imap.port", "imap"), ("imap.security", "plain"), ("imap.password", "x"), ("imap.host", 5)):
        with pytest.raises(PreferenceError):
            check_stored_setting(key, value)


@pytest.mark.parametrize(
    ("from_env", "said"),
    [
        (
            {"NEXTROUND_IMAP_HOST": "imap.example.org", "NEXTROUND_IMAP_USER": "sam", "NEXTROUND_IMAP_PORT": "imap"},
            "the port is not a number",
        ),
        ({"NEXTROUND_IMAP_USER": "sam"}, "the mail server&#39;s name is missing"),
    ],  # (as the page writes them: the apostrophe escaped)
)
def test_a_broken_set_up_from_the_environment_is_one_plain_line(
    settings: Settings,
    clock: Any,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    from_env: dict[str, str],
    said: str,
) -> None:
    monkeypatch.setattr(mail_sections, "_warned", set())  # logged once per process: this test starts afresh
    with web_with(replace(settings, imap_env=from_env), clock) as web, caplog.at_level("WARNING", "nextround.web"):
        section = _section(web.client.get("/settings").text)
        shown = section.split('id="mailbox-broken"', 1)[1].split("</div>", 1)[0]
        assert said in shown and "Whoever set up nextround on this computer must correct it." in shown
        assert command_line_in(section) is None, command_line_in(section)
        assert "Test the connection" not in section and 'action="/settings/mailbox"' in section
        # a test or a check from a page loaded before the restart says the same, not the variables' words
        tested = web.client.get(web.post_form("/settings/mailbox-test").headers["location"]).text
        error = tested.split('id="mailbox-test-error"', 1)[1].split("</div>", 1)[0]
        assert said in error and command_line_in(tested) is None, command_line_in(tested)
        checked = web.post_form("/inbox/sync")
        assert checked.status_code == 422 and said in checked.text
        assert command_line_in(checked.text) is None, command_line_in(checked.text)
    assert any("NEXTROUND_IMAP_" in record.getMessage() for record in caplog.records)


def test_a_failed_tests_reason_is_shown_once(web: Web) -> None:
    failed = web.post_form("/settings/mailbox-test")  # nothing connected: the test says so
    shown = web.client.get(failed.headers["location"])
    assert "no mailbox is connected yet" in shown.text.lower()
    assert "nextround_mailbox_test" in shown.headers.get("set-cookie", "")  # taken back as it is read
    again = web.client.get(failed.headers["location"]).text  # a reload of the same address
    assert 'id="mailbox-test-error"' not in again
