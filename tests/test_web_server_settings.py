"""The Server settings page of a shared server's administrators, through the app's own client on the test
PostgreSQL: 403 for everyone else, nothing in single-user mode; the AI coach (tested against the local chat
server) and the outgoing mail (a test message through aiosmtpd) saved without a key or password in the
database; bad input said at its field with nothing kept; the environment named when it wins; each person's
AI coach then the server's, agreed to by each; the changes in the administrators' log."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path
from typing import Any

import keyring
import pytest
from sqlalchemy import func, select, text

from nextround.config import AiConfig, Settings, SmtpConfig
from nextround.services import administration
from nextround.storage.tables import ServerSettingRow
from tests.chat_server import MODEL_NAME, FakeChat
from tests.feedback_helpers import smtp_server
from tests.multiuser_support import Person, Server, multi_user_server
from tests.test_web_settings_mail import file_keyring  # noqa: F401 (a fixture)
from tests.web_support import command_line_in, web_with

PAGE = "/admin/server"
FORMS = (
    f"{PAGE}/ai",
    f"{PAGE}/ai/key/remove",
    f"{PAGE}/ai/forget",
    f"{PAGE}/ai/test",
    f"{PAGE}/mail",
    f"{PAGE}/mail/forget",
    f"{PAGE}/mail/test",
)


def _admin(server: Server, email: str = "ada@uni.example") -> Person:
    person = server.person(email)
    administration.set_admin(server.db, None, person.owner_id, admin=True)
    return person


def _rows(server: Server) -> int:
    with server.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(ServerSettingRow)) or 0)


def _text(page: Any) -> str:
    return html.unescape(page.text)


def test_only_administrators_reach_the_page(server: Server) -> None:
    bo = server.person("bo@uni.example")
    ada = _admin(server)
    page = ada.client.get(PAGE)
    assert page.status_code == 200 and "<h1>Server settings</h1>" in page.text
    assert '<nav class="sub-nav" aria-label="Administration">' in page.text
    assert '<a href="/admin/server" aria-current="page">Server settings</a>' in page.text
    assert '<a href="/admin/accounts" aria-current="page">Administration</a>' in page.text  # the menu's entry
    assert bo.client.get(PAGE).status_code == 403
    for path in FORMS:
        assert (
            bo.post_form(path, {"host": "smtp.evil.example", "base_url": "http://evil.example/v1"}).status_code == 403
        )
    assert _rows(server) == 0
    assert ada.client.post(f"{PAGE}/mail", data={"host": "smtp.uni.example"}).status_code == 403  # no CSRF token
    assert server.client().get(PAGE).headers["location"].startswith("/sign-in")


def test_single_user_mode_has_no_server_settings(web: Any) -> None:
    assert web.client.get(PAGE).status_code == 404
    assert web.post_form(f"{PAGE}/mail", {"host": "smtp.uni.example"}).status_code in (404, 405)


def test_bad_input_is_said_at_its_field_and_nothing_is_kept(server: Server) -> None:
    ada = _admin(server)
    refused = ada.post_form(f"{PAGE}/ai", {"base_url": "models.uni.example", "model": "llama3.2"})
    assert refused.status_code == 422
    assert "must be an http:// or https:// address" in refused.text.split('id="f-base_url-error">', 1)[1]
    assert 'value="models.uni.example"' in refused.text  # what was typed stays
    mail = ada.post_form(f"{PAGE}/mail", {"host": "smtp.uni.example", "port": "eighty", "from_addr": "careers"})
    assert mail.status_code == 422
    assert 'id="f-port-error"' in mail.text and 'id="f-from_addr-error"' in mail.text
    assert _rows(server) == 0


def test_the_ai_coach_is_set_up_tested_and_offered_to_everyone(server: Server, chat: FakeChat) -> None:
    ada = _admin(server)
    bo = server.person("bo@uni.example")
    assert "none is set up yet" in bo.client.get("/settings").text
    saved = ada.post_form(f"{PAGE}/ai", {"base_url": chat.base_url, "model": MODEL_NAME, "api_key": ""})
    assert saved.status_code == 200 and "AI coach settings saved." in saved.text
    in_use = _text(saved).split('id="server-ai-in-use">', 1)[1].split("</div>", 1)[0]
    assert chat.base_url in in_use and "on this page" in in_use and "a server on this computer" in in_use
    tested = ada.post_form(f"{PAGE}/ai/test")
    assert f"The model {MODEL_NAME} answered in" in tested.text
    # Bo's own Settings page offers the server's coach, with the same words to agree to
    settings_page = _text(bo.client.get("/settings"))
    assert "I agree: turn the AI coach on" in settings_page and chat.base_url in settings_page
    assert "set up by its administrator" in settings_page and "NEXTROUND_AI_BASE_URL" not in settings_page
    assert bo.post_form("/settings/ai/enable").status_code == 303
    assert "<strong>On.</strong>" in bo.client.get("/settings").text
    assert "I agree" in ada.client.get("/settings").text  # Ada agrees for herself, or not
    # A model that does not answer is one line on the page
    ada.post_form(f"{PAGE}/ai", {"base_url": "http://127.0.0.1:9/v1", "model": "m"})
    failed = ada.post_form(f"{PAGE}/ai/test")
    assert 'id="server-ai-problem"' in failed.text and "127.0.0.1:9" in failed.text
    log = _text(ada.client.get("/admin/accounts")).split('id="admin-log"', 1)[1]
    assert log.count("changed the AI coach (Server settings)") == 2


def test_the_environment_wins_and_the_page_says_so(tmp_path: Path, postgres_url: str, server: Server) -> None:
    server.app.state.web.close()
    with smtp_server() as smtp:
        settings = Settings(home=tmp_path / "env", database_url=postgres_url, smtp=SmtpConfig.from_env(smtp.env()))
        with multi_user_server(settings) as started:
            ada = _admin(started)
            page = _text(ada.client.get(PAGE))
            in_use = page.split('id="server-mail-in-use">', 1)[1].split("</div>", 1)[0]
            assert "when the server was started (with its own mail server)" in in_use and "127.0.0.1" in in_use
            assert "Saved here, used once the server is started without a mail server of its own" in page
            assert command_line_in(page) is None, command_line_in(page)
            sent = ada.post_form(f"{PAGE}/mail/test")
            assert "A test message was sent to ada@uni.example." in sent.text
            assert [m.rcpt_tos for m in smtp.received] == [["ada@uni.example"]]


def test_mail_saved_on_the_page_sends_invitations_and_the_test_message(server: Server) -> None:
    ada = _admin(server)
    page = _text(ada.client.get(PAGE))
    assert "Not set up." in page and "give the password to the server as it is started" in page  # no keyring here
    assert command_line_in(page) is None, command_line_in(page)
    with smtp_server() as smtp:
        form = {
            "host": "127.0.0.1",
            "port": str(smtp.port),
            "security": "none",
            "user": "",
            "from_addr": "Careers <careers@uni.example>",
        }
        saved = ada.post_form(f"{PAGE}/mail", form)
        assert saved.status_code == 200 and "Mail settings saved." in saved.text
        assert ada.post_form(f"{PAGE}/mail", {**form, "password": "secret"}).status_code == 422  # no keyring here
        test = ada.post_form(f"{PAGE}/mail/test")
        assert "A test message was sent to ada@uni.example." in test.text
        invited = ada.post_form("/admin/invitations", {"emails": "new@uni.example"})
        assert "1 invitation made and emailed" in invited.text
        assert [m.rcpt_tos for m in smtp.received] == [["ada@uni.example"], ["new@uni.example"]]
    removed = ada.post_form(f"{PAGE}/mail/forget")
    assert "The mail settings saved on this page were removed." in removed.text and _rows(server) == 0
    log = _text(ada.client.get("/admin/accounts")).split('id="admin-log"', 1)[1]
    assert "removed the outgoing mail set up on the page (Server settings)" in log
    assert "changed the outgoing mail (Server settings)" in log


@pytest.mark.usefixtures("file_keyring")
def test_a_key_goes_to_the_servers_keyring_and_is_never_shown(server: Server, chat: FakeChat) -> None:
    ada = _admin(server)
    form = {"base_url": chat.base_url, "model": MODEL_NAME, "api_key": "sk-server-4711"}
    saved = ada.post_form(f"{PAGE}/ai", form)
    assert "AI coach settings saved, and the key kept in the server&#39;s keyring." in saved.text
    assert keyring.get_password("nextround-ai", chat.base_url) == "sk-server-4711"
    page = html.unescape(ada.client.get(PAGE).text)
    assert "sk-server-4711" not in page
    in_use = page.split('id="server-ai-key-in-use">', 1)[1].split("</dd>", 1)[0]
    assert in_use == f"the one kept in the server's keyring for {chat.base_url}, sent only there"
    with server.db.read() as session:
        stored = repr(session.execute(text("SELECT value FROM server_settings")).all())
    assert "sk-server-4711" not in stored and chat.base_url in stored
    assert "The model" in ada.post_form(f"{PAGE}/ai/test").text
    assert chat.authorization[-1] == "Bearer sk-server-4711"
    removed = ada.post_form(f"{PAGE}/ai/key/remove")
    assert "The key is removed from the server&#39;s keyring." in removed.text
    assert keyring.get_password("nextround-ai", chat.base_url) is None
    log = html.unescape(ada.client.get("/admin/accounts").text)
    assert "saved a new key for the AI coach in the server's keyring" in log
    assert "removed the AI coach's key from the server's keyring" in log


def test_the_page_says_the_environments_key_goes_nowhere_without_its_address(
    tmp_path: Path, postgres_url: str, server: Server, chat: FakeChat
) -> None:
    server.app.state.web.close()
    settings = Settings(home=tmp_path / "env", database_url=postgres_url, ai=AiConfig(api_key="sk-env-5150"))
    with multi_user_server(settings) as started:
        ada = _admin(started)
        unused = _text(ada.client.get(PAGE))
        assert "A key was given when the server was started, but it is sent nowhere." in unused
        assert command_line_in(unused) is None, command_line_in(unused)
        saved = _text(ada.post_form(f"{PAGE}/ai", {"base_url": chat.base_url, "model": MODEL_NAME, "api_key": ""}))
        note = saved.split('id="server-ai-env-key-unused">', 1)[1].split("</p>", 1)[0]
        assert "the address saved on this page gets only a key saved here for it" in note
        assert "none" in saved.split('id="server-ai-key-in-use">', 1)[1].split("</dd>", 1)[0]
        assert "The model" in ada.post_form(f"{PAGE}/ai/test").text
        assert chat.authorization == [None]  # the environment's key was not sent to the page's address
        assert "sk-env-5150" not in saved


@pytest.mark.usefixtures("file_keyring")
def test_a_set_up_the_server_was_started_with_that_cannot_be_used_is_one_plain_line(
    tmp_path: Path, postgres_url: str, server: Server
) -> None:
    """A mail port that is not a number and an AI address that is not one, given as the server was started: the
    page says in words which part is wrong and what the administrator corrects, and where (no page can: the
    environment wins), offers no
    test or consent for them, and a test posted from a page loaded before the restart says no variable either."""
    server.app.state.web.close()
    settings = Settings(
        home=tmp_path / "env",
        database_url=postgres_url,
        smtp=SmtpConfig(host="smtp.uni.example", port="smtp", from_addr="careers@uni.example"),
        ai=AiConfig(base_url="ftp://models.uni.example", model="llama3.2"),
    )
    with multi_user_server(settings) as started:
        ada = _admin(started)
        page = ada.client.get(PAGE)
        assert page.status_code == 200  # the keyring is asked for the AI key by its address: not with this one
        shown = _text(page)
        mail = shown.split('id="server-mail-broken"><p>', 1)[1].split("</p>", 1)[0]
        assert mail == (
            "The mail set-up this server was started with cannot be used: the port is not a number from 1 to 65535. "
            "As an administrator, correct its port among the environment variables this server is started with "
            "(the server's log has the exact reason), then start the server again: no page can change them."
        )
        ai = shown.split('id="server-ai-broken"><p>', 1)[1].split("</p>", 1)[0]
        assert "its address is not an http:// or https:// address. As an administrator, correct its address " in ai
        assert "Send a test message to me" not in shown and "Test the AI coach" not in shown
        assert 'id="server-ai-consent"' not in shown
        assert command_line_in(page.text) is None, command_line_in(page.text)
        for test in (f"{PAGE}/mail/test", f"{PAGE}/ai/test"):
            tested = ada.post_form(test)
            assert tested.status_code == 200 and command_line_in(tested.text) is None, command_line_in(tested.text)
            assert "base URL" not in tested.text and 'id="server-mail-broken"' in tested.text
        # an invitation is still made, and says in words why it was not emailed
        invited = ada.post_form("/admin/invitations", {"emails": "new@uni.example"})
        assert "the mail set-up this server was started with cannot be used" in invited.text
        assert command_line_in(invited.text) is None, command_line_in(invited.text)
        # a person on that server is told the same, and that the administrators must correct it
        bo = started.person("bo@uni.example")
        theirs = _text(bo.client.get("/settings"))
        assert "The AI coach set-up this server was started with cannot be used" in theirs
        assert "This server's administrators must correct it." in theirs
        assert command_line_in(theirs) is None and "base URL" not in theirs


@pytest.mark.usefixtures("file_keyring")
def test_who_is_told_to_correct_a_broken_set_up_fits_the_reader(
    tmp_path: Path, postgres_url: str, server: Server
) -> None:
    """An administrator reading their own server's pages is told what to correct and where (in words: the log
    has the exact reason); a person who is not one, that the administrators must correct it; no page names a
    variable or a command."""
    server.app.state.web.close()
    settings = Settings(
        home=tmp_path / "env",
        database_url=postgres_url,
        smtp=SmtpConfig(host="smtp.uni.example"),
        ai=AiConfig(base_url="models.uni.example", model="llama3.2"),
    )
    with multi_user_server(settings) as started:
        ada, bo = _admin(started), started.person("bo@uni.example")
        for page in (PAGE, "/settings"):
            shown = ada.client.get(page)
            assert shown.status_code == 200 and command_line_in(shown.text) is None, command_line_in(shown.text)
            ai = _text(shown).split("The AI coach set-up this server was started with cannot be used: ", 1)[1]
            assert ai.split("</p>", 1)[0] == (
                "its address is not an http:// or https:// address. As an administrator, correct its address among "
                "the environment variables this server is started with (the server's log has the exact reason), "
                "then start the server again: no page can change them."
            ), page
            assert "administrators must correct it" not in _text(shown)
        mail = _text(ada.client.get(PAGE)).split('id="server-mail-broken"><p>', 1)[1].split("</p>", 1)[0]
        assert "not an email address. As an administrator, correct its address to send from among the " in mail
        theirs = bo.client.get("/settings")
        assert command_line_in(theirs.text) is None, command_line_in(theirs.text)
        ai = _text(theirs).split("The AI coach set-up this server was started with cannot be used: ", 1)[1]
        assert ai.split("</p>", 1)[0] == (
            "its address is not an http:// or https:// address. This server's administrators must correct it."
        )
        assert "As an administrator" not in _text(theirs) and "environment" not in ai.split("</p>", 1)[0]


def test_on_ones_own_computer_whoever_set_it_up_is_told_to_correct_it(settings: Settings, clock: Any) -> None:
    """Single-user mode, on SQLite and PostgreSQL: no administrators, so the page names whoever set nextround up."""
    broken = replace(settings, ai=AiConfig(base_url="models.example.org"))
    with web_with(broken, clock) as web:
        page = web.client.get("/settings")
    shown = _text(page).split("The AI coach set-up nextround was started with cannot be used: ", 1)[1]
    assert shown.split("</p>", 1)[0] == (
        "its address is not an http:// or https:// address. Whoever set up nextround on this computer must correct it."
    )
    assert "administrator" not in shown.split("</p>", 1)[0]
    assert command_line_in(page.text) is None, command_line_in(page.text)
