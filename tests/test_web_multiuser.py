"""Multi-user mode: accounts, sessions, CSRF bound to the session, rate limits, tokens, invitations, deletion."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update

from nextround.services import accounts
from nextround.services.applications import ApplicationFields, ApplicationService
from nextround.services.recordings import RECORDINGS_FOLDER
from nextround.storage.tables import (
    ApplicationRow,
    InvitationRow,
    PracticeAnswerRow,
    SignInFailureRow,
    User,
    WebSessionRow,
)
from nextround.web.auth import SESSION_COOKIE

from .multiuser_support import PASSWORD, Server, form_token, sign_in


def _add(server: Server, person: Any, company: str) -> int:
    return ApplicationService(server.workspace(person)).add(ApplicationFields(company=company, role="Baker")).id


def test_nothing_but_signing_in_without_a_session(server: Server) -> None:
    client = server.client()
    page = client.get("/applications?stage=applied")
    assert page.status_code == 303
    assert page.headers["location"] == "/sign-in?next=%2Fapplications%3Fstage%3Dapplied"
    api = client.get("/api/v1/applications")
    assert api.status_code == 401
    assert api.json()["error"].startswith("sign in first")
    assert client.get("/api/v1/session").status_code == 401
    signing_in = client.get("/sign-in")
    assert signing_in.status_code == 200
    for header in ("content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy"):
        assert header in signing_in.headers
    assert 'href="/applications"' not in signing_in.text  # no navigation before signing in


def test_sign_in_sets_a_strict_cookie_and_rotates_the_session(server: Server) -> None:
    accounts.create_user(server.db, "ada@example.org", PASSWORD)
    client = server.client()
    wrong = sign_in(client, "ada@example.org", "not the password")
    assert wrong.status_code == 401
    assert "wrong email address or password" in wrong.text
    answer = sign_in(client, "Ada@Example.org ", PASSWORD, next_path="/applications")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/applications"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain HTTP on loopback
    first = client.cookies[SESSION_COOKIE]
    assert client.get("/applications").status_code == 200
    sign_in(client, "ada@example.org", PASSWORD)  # signing in again makes a new session and ends the old one
    assert client.cookies[SESSION_COOKIE] != first
    stale = server.client()
    stale.cookies.set(SESSION_COOKIE, first)
    assert stale.get("/applications").status_code == 303
    assert sign_in(server.client(), "ada@example.org", PASSWORD, next_path="//evil.example/").headers["location"] == "/"


def test_the_cookie_is_secure_over_https(server: Server) -> None:
    accounts.create_user(server.db, "ada@example.org", PASSWORD)
    client = server.client("https://127.0.0.1:8765")
    answer = sign_in(client, "ada@example.org", PASSWORD)
    assert "Secure" in answer.headers["set-cookie"]


def test_csrf_belongs_to_the_session(server: Server) -> None:
    ada = server.person("ada@example.org")
    bob = server.person("bob@example.org")
    assert ada.token != bob.token
    body = {"company": "Crumb", "role": "Baker"}
    assert ada.api("POST", "/api/v1/applications", json=body, headers={"X-CSRF-Token": bob.token}).status_code == 403
    assert ada.client.post("/api/v1/applications", json=body).status_code == 403
    assert ada.api("POST", "/api/v1/applications", json=body).status_code == 201
    page = ada.client.get("/applications/new")
    assert form_token(page.text) == ada.token


def test_sign_out_and_sign_out_everywhere(server: Server) -> None:
    ada = server.person("ada@example.org")
    laptop = server.person("ada@example.org", create=False)
    assert ada.post_form("/sign-out").status_code == 303
    assert ada.client.get("/").status_code == 303
    assert laptop.client.get("/").status_code == 200
    phone = server.person("ada@example.org", create=False)
    assert phone.post_form("/account/sign-out-everywhere").status_code == 303
    assert laptop.client.get("/").status_code == 303
    assert phone.client.get("/").status_code == 303
    with server.db.read() as session:
        live = session.scalars(select(WebSessionRow).where(WebSessionRow.revoked_at.is_(None))).all()
    assert live == []


def test_sign_in_limits_per_account_and_per_address(server: Server) -> None:
    accounts.create_user(server.db, "ada@example.org", PASSWORD)
    client = server.client()
    for _ in range(accounts.ACCOUNT_FAILURES):
        assert sign_in(client, "ada@example.org", "guess guess guess").status_code == 401
    blocked = sign_in(client, "ada@example.org", PASSWORD)  # even the right password waits now
    assert blocked.status_code == 429
    assert int(blocked.headers["retry-after"]) > 0
    assert "try again in 15 minutes" in blocked.text
    # said at the sign-in form, which keeps the address, with who can help
    assert 'id="sign-in-button"' in blocked.text and 'value="ada@example.org"' in blocked.text
    assert "administrator can send you a link to choose a new one" in blocked.text
    # the count is in the database (every worker shares it); once the window has passed, it works again
    with server.db.write() as session:
        session.execute(
            update(SignInFailureRow).values(failed_at=datetime.now(UTC) - accounts.FAILURE_WINDOW - timedelta(1))
        )
    assert sign_in(client, "ada@example.org", PASSWORD).status_code == 303
    # many accounts tried from one address
    for n in range(accounts.ADDRESS_FAILURES):
        sign_in(server.client(), f"nobody{n}@example.org", "guess guess guess")
    assert sign_in(server.client(), "ada@example.org", PASSWORD).status_code == 429


def test_access_tokens_for_the_api(server: Server) -> None:
    ada = server.person("ada@example.org")
    _add(server, ada, "Crumb")
    made = ada.post_form("/account/tokens", {"name": "backup script"})
    assert made.status_code == 200
    token = made.text.split("<code>")[2].split("</code>")[0]
    assert token.startswith("nrt_")
    assert token not in ada.client.get("/account").text  # shown once
    with server.db.read() as session:
        stored = session.scalar(select(User.id).where(User.email == "ada@example.org"))
    assert stored == ada.owner_id
    script = server.client()
    bearer = {"Authorization": f"Bearer {token}"}
    listed = script.get("/api/v1/applications", headers=bearer)
    assert listed.status_code == 200
    assert [a["company"] for a in listed.json()["applications"]] == ["Crumb"]
    added = script.post("/api/v1/applications", json={"company": "Oven", "role": "Baker"}, headers=bearer)
    assert added.status_code == 201  # no CSRF token: a browser never sends the header by itself
    assert script.get("/applications", headers=bearer).status_code == 303  # pages need a session
    token_id = accounts.list_tokens(server.db, ada.owner_id)[0].id
    assert ada.post_form(f"/account/tokens/{token_id}/revoke").status_code == 200
    assert script.get("/api/v1/applications", headers=bearer).status_code == 401
    assert script.get("/api/v1/applications", headers={"Authorization": "Bearer nrt_1_x"}).status_code == 401


def test_disabled_accounts_and_reset_passwords_end_sessions(server: Server) -> None:
    ada = server.person("ada@example.org")
    token = accounts.create_token(server.db, ada.owner_id, "script").token
    accounts.reset_password(server.db, "ada@example.org", "a brand new password")
    assert ada.client.get("/").status_code == 303
    assert sign_in(server.client(), "ada@example.org", PASSWORD).status_code == 401
    again = server.person("ada@example.org", "a brand new password", create=False)
    accounts.disable_user(server.db, "ada@example.org")
    assert again.client.get("/").status_code == 303
    assert server.client().get("/api/v1/stats", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert sign_in(server.client(), "ada@example.org", "a brand new password").status_code == 401


def test_invitations_work_once_and_expire(server: Server) -> None:
    invitation = accounts.invite(server.db, "cy@example.org")
    client = server.client()
    page = client.get(f"/invite/{invitation.token}")
    assert page.status_code == 200
    assert "cy@example.org" in page.text
    data = {"csrf_token": form_token(page.text), "password": PASSWORD, "password_again": PASSWORD}
    assert client.post(f"/invite/{invitation.token}", data={**data, "time_zone": "Mars/Olympus"}).status_code == 422
    created = client.post(f"/invite/{invitation.token}", data={**data, "time_zone": "Asia/Tokyo"})
    assert created.status_code == 303
    assert client.get("/").status_code == 200  # signed in straight away
    assert server.client().get(f"/invite/{invitation.token}").status_code == 404  # used
    assert accounts.get_account(server.db, accounts.find_account(server.db, "cy@example.org").id).time_zone == (
        "Asia/Tokyo"
    )
    late = accounts.invite(server.db, "di@example.org")
    with server.db.write() as session:
        session.execute(update(InvitationRow).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    assert server.client().get(f"/invite/{late.token}").status_code == 404


def test_sign_up_is_off_unless_allowed(server: Server, tmp_path: Any, postgres_url: str) -> None:
    assert server.client().get("/sign-up").status_code == 404
    from nextround.config import Settings

    from .multiuser_support import multi_user_server

    settings = Settings(home=tmp_path / "open", database_url=postgres_url)
    with multi_user_server(settings, allow_sign_up=True) as open_server:
        client = open_server.client()
        page = client.get("/sign-up")
        assert page.status_code == 200
        data = {"csrf_token": form_token(page.text), "email": "eve@example.org"}
        data |= {"password": PASSWORD, "password_again": PASSWORD}
        assert client.post("/sign-up", data=data).status_code == 303
        assert client.get("/").status_code == 200


def test_each_person_has_their_own_time_zone_and_data(server: Server) -> None:
    ada = server.person("ada@example.org")
    bob = server.person("bob@example.org")
    _add(server, ada, "Crumb")
    assert ada.post_form("/account/time-zone", {"time_zone": "Pacific/Auckland"}).status_code == 200
    ws = server.app.state.web.workspace_of(accounts.caller_by_session(server.db, ada.client.cookies[SESSION_COOKIE]))
    assert ws.now().utcoffset() in (timedelta(hours=12), timedelta(hours=13))
    assert [a["company"] for a in ada.client.get("/export.json").json()["tables"]["applications"]] == ["Crumb"]
    assert bob.client.get("/export.json").json()["tables"]["applications"] == []
    assert "Crumb" not in bob.client.get("/applications").text


def test_deleting_an_account_takes_all_its_data_and_nothing_else(server: Server) -> None:
    ada = server.person("ada@example.org")
    bob = server.person("bob@example.org")
    _add(server, ada, "Crumb")
    _add(server, bob, "Oven")
    recordings = server.app.state.web.settings.home / RECORDINGS_FOLDER
    recordings.mkdir(parents=True, exist_ok=True)
    kept = {}
    for person, name in ((ada, "answer-ada.webm"), (bob, "answer-bob.webm")):
        owner = accounts.caller_by_session(server.db, person.client.cookies[SESSION_COOKIE]).owner_id
        with server.db.write() as session:
            session.add(
                PracticeAnswerRow(
                    owner_id=owner, session_id=None, question_key="custom:1", question_text="Why us?",
                    answer="Because.", score=50, analysis={}, answered_at=datetime.now(UTC), audio_file=name,
                )
            )  # fmt: skip
        kept[name] = recordings / name
        kept[name].write_bytes(b"voice")
    assert ada.post_form("/account/delete", {"password": "not it at all"}).status_code == 422
    assert kept["answer-ada.webm"].exists()  # a refused delete keeps everything
    assert ada.post_form("/account/delete", {"password": PASSWORD}).status_code == 303
    with server.db.read() as session:
        assert session.scalars(select(ApplicationRow.company)).all() == ["Oven"]
        assert session.scalar(select(User.id).where(User.email == "ada@example.org")) is None
    assert not kept["answer-ada.webm"].exists()  # her kept recording went with her account
    assert kept["answer-bob.webm"].exists()
    assert ada.client.get("/").status_code == 303
    assert bob.client.get("/applications").status_code == 200


def test_the_servers_own_mail_and_ai_set_up_is_not_anyones_to_change_or_use(server: Server) -> None:
    ada = server.person("ada@example.org")
    paths = ("/settings/ai", "/settings/ai/key", "/settings/ai/key/remove", "/settings/mail", "/settings/smtp-test",
             "/settings/mailbox", "/settings/mailbox/forget", "/settings/mailbox-test",
             "/inbox/sync", "/feedback-requests/1/send")  # fmt: skip
    for path in paths:
        answer = ada.post_form(path, {"base_url": "http://10.0.0.1/", "model": "m", "api_key": "k"})
        assert answer.status_code == 403, path
        assert "set up by its administrator" in answer.text
    assert ada.post_form("/settings/ai/enable").status_code != 403  # agreeing to the server's AI coach is hers


def test_no_page_offers_a_form_the_shared_server_refuses(tmp_path: Any, postgres_url: str, monkeypatch: Any) -> None:
    """With the server's own mail set up (SMTP for invitations, a mailbox in NEXTROUND_IMAP_*) and no AI coach,
    a person's pages offer no form that would answer 403, and never show the server's mail account."""
    import re
    from dataclasses import replace

    from nextround.config import Settings, SmtpConfig
    from nextround.services.drafting import draft_request
    from nextround.web.auth import SERVER_WIDE

    from .multiuser_support import multi_user_server

    monkeypatch.setattr(accounts, "HASH_COSTS", {"time_cost": 1, "memory_cost": 1024, "parallelism": 1})
    server_mail = SmtpConfig(host="smtp.uni.example", port="2525", user="careers-noreply",
                             from_addr="careers@uni.example", password="server-secret")  # fmt: skip
    mailbox = {"NEXTROUND_IMAP_HOST": "imap.uni.example", "NEXTROUND_IMAP_USER": "careers-inbox",
               "NEXTROUND_IMAP_PASSWORD": "server-secret"}  # fmt: skip
    settings = replace(Settings(home=tmp_path / "home", database_url=postgres_url), smtp=server_mail, imap_env=mailbox)
    with multi_user_server(settings) as server:
        ada = server.person("ada@example.org")
        app_id = _add(server, ada, "Oven")
        draft_request(server.workspace(ada), app_id)
        for path in ("/settings", "/inbox", f"/applications/{app_id}/feedback"):
            page = ada.client.get(path)
            assert page.status_code == 200, path
            actions = re.findall(r'<form[^>]*action="([^"]+)"', page.text)
            assert actions, path
            assert [a for a in actions if SERVER_WIDE.match(a)] == [], path
            for secret in ("smtp.uni.example", "careers-noreply", "imap.uni.example", "careers-inbox"):
                assert secret not in page.text, (path, secret)
        assert "set up by its administrator" in ada.client.get("/settings").text
        assert "This server does not read mailboxes" in ada.client.get("/inbox").text


def test_signing_out_and_deleting_the_account_say_so_on_the_sign_in_page(server: Server) -> None:
    ada = server.person("ada@example.org")
    left = ada.post_form("/sign-out")
    assert ada.client.get(left.headers["location"]).text.count("You are signed out.") == 1
    ada = server.person("ada@example.org", create=False)
    gone = ada.post_form("/account/delete", {"password": PASSWORD})
    page = ada.client.get(gone.headers["location"]).text
    assert 'id="sign-in-notice"><p>Your account and everything in it were deleted.</p>' in page
    forged = server.client().get("/sign-in?notice=Your+password+expired%2C+call+0800").text
    assert "sign-in-notice" not in forged and "0800" not in forged  # only our own words


def test_a_time_zone_is_understood_as_people_type_it(server: Server) -> None:
    ada = server.person("ada@example.org")
    for typed, zone in (("  asia/tokyo ", "Asia/Tokyo"), ("new york", "America/New_York"), ("London", "Europe/London"),
                        ("Buenos Aires", "America/Argentina/Buenos_Aires")):  # fmt: skip
        saved = ada.post_form("/account/time-zone", {"time_zone": typed})
        assert saved.status_code == 200 and "Time zone saved." in saved.text, typed
        assert accounts.get_account(server.db, ada.owner_id).time_zone == zone
    refused = ada.post_form("/account/time-zone", {"time_zone": "Narnia"})
    assert refused.status_code == 422 and "unknown time zone" in refused.text
    assert accounts.get_account(server.db, ada.owner_id).time_zone == "America/Argentina/Buenos_Aires"


def test_the_new_account_form_names_every_problem_at_once(server: Server) -> None:
    invitation = accounts.invite(server.db, "new@uni.example")
    client = server.client()
    page = client.get(f"/invite/{invitation.token}")
    form = {"csrf_token": form_token(page.text), "password": "short", "password_again": "shorter",
            "time_zone": "Mars/Olympus"}  # fmt: skip
    refused = client.post(f"/invite/{invitation.token}", data=form)
    assert refused.status_code == 422
    for field in ("password", "password_again", "time_zone"):
        assert f'id="f-{field}-error"' in refused.text, field
    assert 'value="Mars/Olympus"' in refused.text  # what was typed stays
