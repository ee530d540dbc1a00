"""IMAP sync against a real Dovecot: read-only, incremental by UID, and clear one-line failures."""

from __future__ import annotations

import imaplib
import ssl
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from nextround.domain.stages import Outcome
from nextround.integrations import imap
from nextround.integrations.imap import ImapError, ImapReader, ImapSettings
from nextround.services.applications import ApplicationService
from nextround.services.mail_inbox import SyncMode, inbox, sync
from nextround.services.workspace import Workspace
from nextround.storage.mail import MailSyncRepository

from .dovecot_server import Dovecot, dovecot_server
from .factories import make_application
from .mail_corpus import load

CORPUS = {item.id: item.raw for item in load("test")}
FIRST = ["t009", "t004", "t011", "t003"]  # a rejection, a job alert, an acknowledgement, an invitation


@pytest.fixture
def server() -> Iterator[Dovecot]:
    with dovecot_server([CORPUS[i] for i in FIRST]) as running:
        yield running


def settings_for(server: Dovecot, **overrides: Any) -> ImapSettings:
    return ImapSettings.from_env(server.env(**overrides), password_lookup=lambda _: None)


def seen_flags(server: Dovecot) -> list[bytes]:
    client = imaplib.IMAP4_SSL(server.host, server.port, ssl_context=ssl.create_default_context(cafile=server.ca_file))
    client.login(server.user, server.password)
    client.select("INBOX", readonly=True)
    _, data = client.uid("FETCH", "1:*", "(FLAGS)")
    client.logout()
    return [item for item in data if isinstance(item, bytes) and b"\\Seen" in item]


def apps(ws: Workspace) -> None:
    old = datetime(2024, 10, 1, tzinfo=UTC)
    make_application(ws, company="Veltra", role="Site Reliability Engineer", applied_at=old)
    make_application(ws, company="Kestrel Analytics", role="Senior Data Engineer", applied_at=old)


def test_sync_is_read_only_and_incremental(workspace: Workspace, server: Dovecot) -> None:
    apps(workspace)
    settings = settings_for(server)
    dry = sync(workspace, settings)
    assert dry.new_messages == 4
    assert {p.kind.value for p in dry.proposals} >= {"rejection", "not_job", "acknowledgement", "invitation"}
    with workspace.db.read() as session:
        assert MailSyncRepository(session, workspace.owner_id).position(settings.account, "INBOX") is None
    assert len(ApplicationService(workspace).find()) == 2  # a dry run changed nothing

    applied = sync(workspace, settings, mode=SyncMode.APPLY)
    assert applied.applied == 3
    veltra = next(a for a in ApplicationService(workspace).find() if a.fields.company == "Veltra")
    assert veltra.state.outcome is Outcome.REJECTED
    assert seen_flags(server) == []  # EXAMINE and BODY.PEEK: nothing marked as read

    again = sync(workspace, settings, mode=SyncMode.APPLY)
    assert (again.new_messages, again.applied) == (0, 0)

    server.deliver([CORPUS["t035"], CORPUS["t008"]])
    later = sync(workspace, settings, mode=SyncMode.QUEUE)
    assert later.new_messages == 2
    assert later.queued == 1  # the Kestrel rejection waits for review; the job alert is not stored
    assert [p.company for p in inbox(workspace)] == ["Kestrel Analytics"]


def test_a_date_range_and_another_folder(workspace: Workspace, server: Dovecot) -> None:
    server.deliver([CORPUS["t005"]], folder="Jobs")
    run = sync(workspace, settings_for(server, NEXTROUND_IMAP_FOLDER="Jobs"))
    assert [p.message_id for p in run.proposals] == ["<t005@corpus.nextround.test>"]
    # Maildir delivery dates are today's: a range in the past finds nothing.
    past = sync(workspace, settings_for(server), since=datetime(2001, 1, 1).date(), before=datetime(2001, 2, 1).date())
    assert past.new_messages == 0
    with pytest.raises(ImapError, match="does not exist"):
        sync(workspace, settings_for(server, NEXTROUND_IMAP_FOLDER="Nope"))


def test_login_refused_and_unreachable_server_are_one_line(workspace: Workspace, server: Dovecot) -> None:
    with pytest.raises(ImapError) as refused:
        sync(workspace, settings_for(server, NEXTROUND_IMAP_PASSWORD="wrong-secret"))
    assert "refused the login" in str(refused.value)
    assert "wrong-secret" not in str(refused.value)
    server.stop()
    with pytest.raises(ImapError, match="connection refused"):
        sync(workspace, settings_for(server))
    with pytest.raises(ImapError, match="not set up"):
        ImapReader(ImapSettings())


def test_untrusted_certificate_is_refused(workspace: Workspace, server: Dovecot) -> None:
    with pytest.raises(ImapError, match="TLS"):
        sync(workspace, settings_for(server, NEXTROUND_IMAP_CA_FILE=""))


def test_a_dropped_connection_keeps_what_was_applied(
    workspace: Workspace, server: Dovecot, monkeypatch: pytest.MonkeyPatch
) -> None:
    apps(workspace)
    monkeypatch.setattr(imap, "FETCH_BATCH", 2)
    original: Callable[..., Iterator[list[tuple[int, bytes]]]] = ImapReader.fetch

    def fetch_then_drop(self: ImapReader, uids: list[int]) -> Iterator[list[tuple[int, bytes]]]:
        for index, batch in enumerate(original(self, uids)):
            yield batch
            if index == 0:
                server.crash()  # the server goes away after the first batch

    monkeypatch.setattr(ImapReader, "fetch", fetch_then_drop)
    settings = settings_for(server)
    with pytest.raises(ImapError, match="kept"):
        sync(workspace, settings, mode=SyncMode.APPLY)
    with workspace.db.read() as session:
        position = MailSyncRepository(session, workspace.owner_id).position(settings.account, "INBOX")
    assert position is not None and position.last_uid == 2
    veltra = next(a for a in ApplicationService(workspace).find() if a.fields.company == "Veltra")
    assert veltra.state.outcome is Outcome.REJECTED


def test_cli_sync(cli: Callable[..., Any], server: Dovecot, monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in server.env().items():
        monkeypatch.setenv(key, value)
    dry = cli("mail", "sync", "--json")
    assert dry.exit_code == 0, dry.output
    assert len(dry.stdout.splitlines()) == 4
    assert "4 new messages" in dry.stderr
    monkeypatch.setenv("NEXTROUND_IMAP_PASSWORD", "nope")
    refused = cli("mail", "sync")
    assert refused.exit_code == 1
    assert refused.stderr.startswith("error: the IMAP server at 127.0.0.1")
    assert "nope" not in refused.stderr


def test_a_server_name_that_does_not_resolve_is_one_clear_line_and_loses_nothing(
    workspace: Workspace, server: Dovecot
) -> None:
    sync(workspace, settings_for(server), mode=SyncMode.QUEUE)
    pending = inbox(workspace)
    assert pending
    with pytest.raises(ImapError) as caught:
        sync(workspace, settings_for(server, NEXTROUND_IMAP_HOST="imap.nextround.invalid"), mode=SyncMode.QUEUE)
    text = str(caught.value)
    assert text.startswith("cannot find the IMAP server imap.nextround.invalid: no such name")
    assert "Errno" not in text and server.password not in text and "\n" not in text
    assert inbox(workspace) == pending
