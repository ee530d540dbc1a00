"""SMTP settings, messages, .eml files and mailto links; sending through a real local SMTP server (aiosmtpd)."""

from __future__ import annotations

import email
import sys
import types
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.policy import default as default_policy
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from nextround.errors import UserError
from nextround.integrations import mail
from nextround.integrations.mail import MailError, SmtpSettings, build_message, mailto_link, send, write_eml
from tests.feedback_helpers import SmtpServer, free_port, smtp_server

SECRET = "s3cret-Pa55word!"
WHEN = datetime(2024, 11, 6, 10, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture
def server() -> Iterator[SmtpServer]:
    with smtp_server() as running:
        yield running


def no_keyring(_user: str) -> str | None:
    return None


# -- settings -------------------------------------------------------------------------------------


def test_settings_from_env_defaults_and_parsing() -> None:
    empty = SmtpSettings.from_env({}, password_lookup=no_keyring)
    assert not empty.configured
    assert (empty.port, empty.starttls, empty.ssl) == (587, True, False)

    ssl = SmtpSettings.from_env(
        {"NEXTROUND_SMTP_HOST": "mail.example.org", "NEXTROUND_SMTP_SSL": "yes", "NEXTROUND_SMTP_USER": "a@x.org"},
        password_lookup=no_keyring,
    )
    assert (ssl.port, ssl.ssl, ssl.starttls) == (465, True, False)
    assert ssl.from_addr == "a@x.org"  # the user doubles as sender when it is an address
    assert ssl.configured

    plain = SmtpSettings.from_env(
        {"NEXTROUND_SMTP_HOST": "h", "NEXTROUND_SMTP_STARTTLS": "off", "NEXTROUND_SMTP_FROM": "Alex <alex@x.org>"}
    )
    assert (plain.port, plain.starttls) == (25, False)
    assert plain.sender_name == "Alex"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"NEXTROUND_SMTP_PORT": "smtp"}, "PORT must be a port number"),
        ({"NEXTROUND_SMTP_PORT": "70000"}, "between 1 and 65535"),
        ({"NEXTROUND_SMTP_SSL": "1", "NEXTROUND_SMTP_STARTTLS": "1"}, "either"),
        ({"NEXTROUND_SMTP_STARTTLS": "maybe"}, "on or off"),
        ({"NEXTROUND_SMTP_FROM": "not an address"}, "not an e-mail address"),
    ],
)
def test_settings_errors_are_user_errors(env: dict[str, str], message: str) -> None:
    with pytest.raises(MailError, match=message) as caught:
        SmtpSettings.from_env(env, password_lookup=no_keyring)
    assert isinstance(caught.value, UserError)


def test_password_from_env_first_then_keyring_and_never_in_repr() -> None:
    asked: list[str] = []

    def lookup(user: str) -> str | None:
        asked.append(user)
        return "from-keyring"

    base = {"NEXTROUND_SMTP_HOST": "h", "NEXTROUND_SMTP_USER": "alex@x.org"}
    from_env = SmtpSettings.from_env({**base, "NEXTROUND_SMTP_PASSWORD": SECRET}, password_lookup=lookup)
    assert from_env.password == SECRET
    assert asked == []
    assert SECRET not in repr(from_env)
    assert SECRET not in str(from_env)
    from_keyring = SmtpSettings.from_env(base, password_lookup=lookup)
    assert from_keyring.password == "from-keyring"
    assert asked == ["alex@x.org"]


def test_keyring_trouble_means_no_password(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        priority = 5

    def explode(service: str, user: str) -> str:
        raise RuntimeError("keyring locked")

    fake = types.ModuleType("keyring")
    fake.get_keyring = lambda: Broken()  # type: ignore[attr-defined]
    fake.get_password = explode  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", fake)
    assert mail.keyring_password("alex@x.org") is None

    fake.get_password = lambda service, user: SECRET if service == "nextround-smtp" else None  # type: ignore[attr-defined]
    assert mail.keyring_password("alex@x.org") == SECRET

    class NoBackend:
        priority = 0

    fake.get_keyring = lambda: NoBackend()  # type: ignore[attr-defined]
    assert mail.keyring_password("alex@x.org") is None
    monkeypatch.setitem(sys.modules, "keyring", None)  # not installed at all
    assert mail.keyring_password("alex@x.org") is None


def test_the_real_keyring_without_a_backend_gives_no_password() -> None:
    # Whatever keyring this machine has (here: none), an unknown account gives nothing and never crashes.
    assert mail.keyring_password("nobody-nextround-test@example.org") is None
    assert mail.keyring_password("") is None


# -- messages -------------------------------------------------------------------------------------


def test_build_message_headers_and_utf8_body_parse_back() -> None:
    body = "Grüße, Zoë — thank you.\nSecond line ✓\n"
    message = build_message(
        to="Priya Shah <priya@example.org>", subject="Danke — feedback?", body=body,
        from_addr="Alex <alex@example.org>", date=WHEN,
    )  # fmt: skip
    parsed = email.message_from_bytes(bytes(message), policy=default_policy)
    assert parsed["To"] == "Priya Shah <priya@example.org>"
    assert parsed["From"] == "Alex <alex@example.org>"
    assert parsed["Subject"] == "Danke — feedback?"
    assert parsed["Message-ID"].endswith("@example.org>")
    assert parsed["Date"] == "Wed, 06 Nov 2024 10:00:00 +0100"
    part = parsed.get_body(preferencelist=("plain",))
    assert part is not None
    assert part.get_content_charset() == "utf-8"
    assert part.get_content() == body


def test_message_ids_are_unique_and_header_injection_is_refused() -> None:
    one = build_message(to="a@b.org", subject="s", body="b", date=WHEN)
    two = build_message(to="a@b.org", subject="s", body="b", date=WHEN)
    assert one["Message-ID"] != two["Message-ID"]
    with pytest.raises(MailError):
        build_message(to="a@b.org\r\nBcc: evil@x.org", subject="s", body="b")
    with pytest.raises(MailError):
        build_message(to="a@b.org", subject="hi\nBcc: evil@x.org", body="b")
    with pytest.raises(MailError, match="not an e-mail address"):
        build_message(to="priya", subject="s", body="b")
    with pytest.raises(MailError):
        build_message(to="a@b.org, c@d.org", subject="s", body="b")


def test_write_eml_parses_back_as_a_draft(tmp_path: Path) -> None:
    message = build_message(to="priya@example.org", subject="Feedback?", body="Hello Priya,\n\nThanks.\n", date=WHEN)
    path = write_eml(message, tmp_path / "request.eml")
    parsed = email.message_from_bytes(path.read_bytes(), policy=default_policy)
    assert parsed["To"] == "priya@example.org"
    assert parsed["Subject"] == "Feedback?"
    assert parsed["X-Unsent"] == "1"
    part = parsed.get_body(preferencelist=("plain",))
    assert part is not None
    assert part.get_content() == "Hello Priya,\n\nThanks.\n"
    with pytest.raises(MailError, match="folder"):
        write_eml(message, tmp_path)


def test_mailto_link_round_trips() -> None:
    subject = "Feedback on the Pastry Chef role & next steps?"
    body = "Hi Priya,\n\nCould you say 100% honestly: what #1 thing would help?\n\nThanks, Zoë"
    link = mailto_link("Priya <priya+jobs@example.org>", subject, body)
    assert link.startswith("mailto:priya%2Bjobs@example.org?")
    assert " " not in link
    assert "\n" not in link
    parts = urlsplit(link)
    assert unquote(parts.path) == "priya+jobs@example.org"
    query = parse_qs(parts.query, keep_blank_values=True)
    assert query["subject"] == [subject]
    assert query["body"] == [body.replace("\n", "\r\n")]
    with pytest.raises(MailError):
        mailto_link("nobody", subject, body)


# -- sending to a real SMTP server ------------------------------------------------------------------


def settings_for(server: SmtpServer, **overrides: str) -> SmtpSettings:
    return SmtpSettings.from_env(server.env(**overrides), password_lookup=no_keyring)


def test_send_delivers_to_a_real_smtp_server(server: SmtpServer) -> None:
    settings = settings_for(server)
    message = build_message(to="priya@example.org", subject="Thank you — a question", body="Hi Priya,\nThanks.\n")
    accepted = send(settings, message)
    assert accepted == ["priya@example.org"]
    assert len(server.received) == 1
    got = server.received[0]
    assert got.rcpt_tos == ["priya@example.org"]
    assert got.mail_from == "alex@example.org"
    assert got.message["Subject"] == "Thank you — a question"
    assert got.message["From"] == "Alex Doe <alex@example.org>"
    assert got.body == "Hi Priya,\nThanks.\n"


def test_a_down_server_is_one_line_without_the_password() -> None:
    port = free_port()  # nothing listens here
    settings = SmtpSettings.from_env(
        {
            "NEXTROUND_SMTP_HOST": "127.0.0.1", "NEXTROUND_SMTP_PORT": str(port), "NEXTROUND_SMTP_FROM": "a@x.org",
            "NEXTROUND_SMTP_STARTTLS": "off", "NEXTROUND_SMTP_USER": "a@x.org", "NEXTROUND_SMTP_PASSWORD": SECRET,
        },
        password_lookup=no_keyring,
    )  # fmt: skip
    with pytest.raises(MailError) as caught:
        send(settings, build_message(to="b@y.org", subject="s", body="b"))
    text = str(caught.value)
    assert f"127.0.0.1:{port}" in text
    assert "refused" in text
    assert "\n" not in text
    assert SECRET not in text


def test_login_refused_over_plain_connection_keeps_the_secret(server: SmtpServer) -> None:
    # aiosmtpd offers no AUTH without TLS: the login fails, and the error must not carry the password.
    settings = settings_for(server, NEXTROUND_SMTP_USER="alex@example.org", NEXTROUND_SMTP_PASSWORD=SECRET)
    with pytest.raises(MailError) as caught:
        send(settings, build_message(to="b@y.org", subject="s", body="b"))
    assert SECRET not in str(caught.value)
    assert "\n" not in str(caught.value)
    assert server.received == []
    assert all(SECRET.encode() not in r.raw for r in server.received)


def test_starttls_against_a_server_without_it_fails_cleanly(server: SmtpServer) -> None:
    settings = settings_for(server, NEXTROUND_SMTP_STARTTLS="on")
    with pytest.raises(MailError, match="does not support"):
        send(settings, build_message(to="b@y.org", subject="s", body="b"))
    assert server.received == []


def test_password_is_not_sent_unencrypted_to_a_remote_host() -> None:
    settings = SmtpSettings(
        host="mail.example.org", port=25, user="u", password=SECRET, from_addr="a@x.org", starttls=False
    )
    with pytest.raises(MailError, match="without encryption") as caught:
        send(settings, build_message(to="b@y.org", subject="s", body="b"))
    assert SECRET not in str(caught.value)


def test_send_needs_settings() -> None:
    with pytest.raises(MailError, match="not set up"):
        send(SmtpSettings(), build_message(to="b@y.org", subject="s", body="b"))


def test_a_server_name_that_does_not_resolve_is_one_clear_line(server: SmtpServer) -> None:
    settings = settings_for(server, NEXTROUND_SMTP_HOST="smtp.nextround.invalid", NEXTROUND_SMTP_PASSWORD=SECRET)
    with pytest.raises(MailError) as caught:
        send(settings, build_message(to="b@y.org", subject="s", body="b"))
    text = str(caught.value)
    assert text.startswith("cannot find the SMTP server smtp.nextround.invalid: no such name")
    assert "Errno" not in text and SECRET not in text and "\n" not in text
