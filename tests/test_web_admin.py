"""The Accounts page of a shared server's administrators, through the app's own client on the test PostgreSQL:
only administrators reach it (403 for everyone else, nothing at all in single-user mode); invitations one or
many, each link shown once and emailed when the server sends mail; disable and enable, the administrator role,
each asking first where it takes something away; a one-time link to choose a new password."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from nextround.config import Settings, SmtpConfig
from nextround.services import accounts, administration
from nextround.storage.tables import InvitationRow

from .feedback_helpers import smtp_server
from .multiuser_support import BASE_URL, PASSWORD, Person, Server, form_token, multi_user_server, sign_in

ADMIN_PAGES = ("/admin/accounts",)


def _admin(server: Server, email: str = "ada@uni.example") -> Person:
    person = server.person(email)
    administration.set_admin(server.db, None, person.owner_id, admin=True)
    return person


def _invitations(server: Server) -> int:
    with server.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(InvitationRow)) or 0)


def _links(html: str, kind: str) -> list[str]:
    return re.findall(rf"<code id=\"[\w-]+\">({re.escape(BASE_URL)}/{kind}/[\w.-]+)</code>", html)


def test_only_administrators_see_the_page_and_its_menu_entry(server: Server) -> None:
    bo = server.person("bo@uni.example")
    ada = _admin(server)
    page = ada.client.get("/admin/accounts")
    assert page.status_code == 200
    assert '<a href="/admin/accounts"' in page.text and "bo@uni.example" in page.text
    assert "administrator" in ada.client.get("/account").text
    assert 'href="/admin/accounts"' not in bo.client.get("/").text
    refused = bo.client.get("/admin/accounts")
    assert refused.status_code == 403 and "only the server&#39;s administrators manage its accounts" in refused.text
    for path in ("/admin/invitations", f"/admin/accounts/{ada.owner_id}/revoke-admin"):
        assert bo.post_form(path, {"emails": "x@uni.example"}).status_code == 403
    assert bo.client.get(f"/admin/accounts/{ada.owner_id}/disable").status_code == 403
    assert _invitations(server) == 0 and accounts.get_account(server.db, ada.owner_id).is_admin
    # signed out: the sign-in page, as for every other page
    assert server.client().get("/admin/accounts").headers["location"].startswith("/sign-in")
    # a form without the session's CSRF token does nothing
    assert ada.client.post("/admin/invitations", data={"emails": "x@uni.example"}).status_code == 403
    assert _invitations(server) == 0


def test_single_user_mode_has_no_administration(web: Any) -> None:
    assert web.client.get("/admin/accounts").status_code == 404
    assert web.post_form("/admin/invitations", {"emails": "x@uni.example"}).status_code in (404, 405)
    assert web.client.get("/reset-password/1.abc").status_code == 404
    assert "/admin/" not in web.client.get("/").text


def test_inviting_one_or_many_shows_each_link_once(server: Server) -> None:
    ada = _admin(server)
    one = ada.post_form("/admin/invitations", {"emails": "New@Uni.example", "days": "3"})
    assert one.status_code == 200
    [link] = _links(one.text, "invite")
    assert "pass each link on yourself" in one.text
    assert server.client().get(link.removeprefix(BASE_URL)).status_code == 200  # the link works
    many = ada.post_form("/admin/invitations", {"emails": "s1@uni.example\ns2@uni.example, s1@uni.example"})
    assert many.status_code == 200 and "2 invitations made" in many.text
    assert len(_links(many.text, "invite")) == 2
    page = ada.client.get("/admin/accounts")
    assert _links(page.text, "invite") == []  # shown once: the page itself never holds a link
    assert "Invited, no account yet (3)" in page.text and "invited s2@uni.example" in page.text
    # a mistyped address's invitation is withdrawn: its link stops working
    first = administration.overview(server.db, ada.owner_id).invitations[-1]
    assert first.email == "new@uni.example"
    withdrawn = ada.post_form(f"/admin/invitations/{first.id}/withdraw")
    assert "The invitation to new@uni.example was withdrawn" in withdrawn.text
    assert server.client().get(link.removeprefix(BASE_URL)).status_code == 404
    assert ada.post_form(f"/admin/invitations/{first.id}/withdraw").status_code == 404  # not open any more
    assert "Invited, no account yet (2)" in ada.client.get("/admin/accounts").text


def test_bad_input_is_one_line_at_its_field_and_nothing_is_made(server: Server) -> None:
    ada = _admin(server)
    server.person("bo@uni.example")
    for emails, days, said in (
        ("s1@uni.example, nonsense", "7", "&#39;nonsense&#39; is not an email address: nothing was invited"),
        ("s1@uni.example Bo@uni.example", "7", "there is already an account for bo@uni.example"),
        ("", "7", "give at least one email address"),
        ("s1@uni.example", "0", "an invitation lasts between 1 and 90 days"),
        ("s1@uni.example", "a week", "give the number of days the link works"),
    ):
        page = ada.post_form("/admin/invitations", {"emails": emails, "days": days})
        assert page.status_code == 422, emails
        error = re.search(r'<p class="error-text" id="f-(\w+)-error">([^<]*)</p>', page.text)
        assert error and said in error.group(2), (emails, error)
        assert emails in page.text  # what was typed is kept
    assert _invitations(server) == 0
    missing = ada.client.get("/admin/accounts/987654/disable")
    assert missing.status_code == 404 and "This account does not exist" in missing.text
    assert ada.post_form("/admin/accounts/987654/enable").status_code == 404


def test_disable_asks_first_then_ends_the_persons_sessions_and_enable_lets_them_back(server: Server) -> None:
    ada = _admin(server)
    bo = server.person("bo@uni.example")
    question = ada.client.get(f"/admin/accounts/{bo.owner_id}/disable")
    assert question.status_code == 200 and "Disable bo@uni.example?" in question.text
    assert f'action="/admin/accounts/{bo.owner_id}/disable"' in question.text
    assert not accounts.get_account(server.db, bo.owner_id).disabled  # asking changed nothing
    done = ada.post_form(f"/admin/accounts/{bo.owner_id}/disable")
    assert done.status_code == 303
    page = ada.client.get(done.headers["location"])
    assert "bo@uni.example is disabled: signed out everywhere" in page.text
    assert bo.client.get("/").status_code == 303  # to the sign-in page
    assert sign_in(server.client(), "bo@uni.example", PASSWORD).status_code == 401
    enabled = ada.post_form(f"/admin/accounts/{bo.owner_id}/enable")
    assert "bo@uni.example can sign in again" in ada.client.get(enabled.headers["location"]).text
    assert sign_in(server.client(), "bo@uni.example", PASSWORD).status_code == 303
    # one's own account has no Disable button, and the act is refused anyway
    assert f"/admin/accounts/{ada.owner_id}/disable" not in page.text
    own = ada.post_form(f"/admin/accounts/{ada.owner_id}/disable")
    assert own.status_code == 422 and "you cannot disable your own account" in own.text


def test_the_role_is_given_and_taken_but_never_from_the_last_administrator(server: Server) -> None:
    ada = _admin(server)
    bo = server.person("bo@uni.example")
    last = ada.post_form(f"/admin/accounts/{ada.owner_id}/revoke-admin")
    assert last.status_code == 422 and "the server&#39;s only administrator" in last.text
    assert "Make bo@uni.example an administrator?" in ada.client.get(f"/admin/accounts/{bo.owner_id}/grant-admin").text
    ada.post_form(f"/admin/accounts/{bo.owner_id}/grant-admin")
    assert bo.client.get("/admin/accounts").status_code == 200  # at the next request: no new sign-in needed
    assert "Give up your administrator role?" in ada.client.get(f"/admin/accounts/{ada.owner_id}/revoke-admin").text
    stepped_down = ada.post_form(f"/admin/accounts/{ada.owner_id}/revoke-admin")
    assert stepped_down.headers["location"] == "/account"
    assert ada.client.get("/admin/accounts").status_code == 403
    administration.record_command(server.db, administration.Action.SET_PASSWORD, bo.owner_id)
    log = bo.client.get("/admin/accounts").text
    assert "took the administrator role from ada@uni.example" in log
    assert "made bo@uni.example an administrator" in log
    assert "the server itself (not through a page)</td>" in log and "set a new password for bo@uni.example" in log


def test_a_password_link_is_shown_once_and_opens_a_page_to_choose_a_new_password(server: Server) -> None:
    ada = _admin(server)
    bo = server.person("bo@uni.example")
    made = ada.post_form(f"/admin/accounts/{bo.owner_id}/reset-link")
    assert made.status_code == 200
    [link] = _links(made.text, "reset-password")
    assert "pass this link to bo@uni.example yourself" in made.text
    stranger = server.client()  # the person, not signed in anywhere
    page = stranger.get(link.removeprefix(BASE_URL))
    assert page.status_code == 200 and "bo@uni.example" in page.text
    data = {"csrf_token": form_token(page.text), "password": "too short", "password_again": "too short"}
    refused = stranger.post(link.removeprefix(BASE_URL), data=data)
    assert refused.status_code == 422 and "at least 10 characters" in refused.text
    data |= {"password": "a brand new secret", "password_again": "a brand new secret"}
    chosen = stranger.post(link.removeprefix(BASE_URL), data=data)
    assert chosen.status_code == 303 and chosen.headers["location"] == "/"
    assert stranger.get("/").status_code == 200  # signed in with the new password's session
    assert bo.client.get("/").status_code == 303  # Bo's other session ended
    again = server.client().get(link.removeprefix(BASE_URL))
    assert again.status_code == 404 and "not valid" in again.text
    assert sign_in(server.client(), "bo@uni.example", "a brand new secret").status_code == 303


def test_invitations_and_password_links_are_emailed_when_the_server_sends_mail(
    tmp_path: Path, postgres_url: str, server: Server
) -> None:
    server.app.state.web.close()
    with smtp_server() as smtp:
        settings = Settings(home=tmp_path / "mail", database_url=postgres_url, smtp=SmtpConfig.from_env(smtp.env()))
        with multi_user_server(settings) as mailing:
            ada = _admin(mailing)
            bo = mailing.person("bo@uni.example")
            invited = ada.post_form("/admin/invitations", {"emails": "s1@uni.example s2@uni.example"})
            assert "2 invitations made and emailed" in invited.text
            reset = ada.post_form(f"/admin/accounts/{bo.owner_id}/reset-link")
            assert "The link was emailed to bo@uni.example" in reset.text
            [link] = _links(reset.text, "reset-password")
            sent = {message.rcpt_tos[0]: message for message in smtp.received}
            assert sorted(sent) == ["bo@uni.example", "s1@uni.example", "s2@uni.example"]
            assert link in sent["bo@uni.example"].body
            assert sent["bo@uni.example"].message["Subject"] == "Choose a new password for nextround"
            for address, shown in zip(
                ("s1@uni.example", "s2@uni.example"), _links(invited.text, "invite"), strict=True
            ):
                assert shown in sent[address].body
