"""Reading a mailbox over IMAP: new messages by UID since the last sync, proposed, applied or queued batch by
batch, the sync position moved only past what was handled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from nextround.analysis.mail import MailText
from nextround.services.mail_inbox.applying import apply_all
from nextround.services.mail_inbox.proposals import MailRun
from nextround.services.mail_inbox.reading import ensure_enabled, propose
from nextround.services.mail_inbox.review import queue
from nextround.services.workspace import Workspace
from nextround.storage.mail import MailSyncRepository

if TYPE_CHECKING:
    from nextround.integrations.imap import ImapSettings


class SyncMode(StrEnum):
    DRY_RUN = "dry_run"  # show proposals; nothing stored, the sync position stays where it was
    APPLY = "apply"  # apply each message's changes, then move the sync position past it
    QUEUE = "queue"  # keep proposals for review on the Inbox page, then move the sync position


@dataclass(slots=True)
class SyncRun(MailRun):
    account: str = ""
    folder: str = ""
    uidvalidity: int = 0
    last_uid: int = 0
    new_messages: int = 0


def mailbox_settings(ws: Workspace) -> ImapSettings:
    """The mailbox "Check mail now" reads (services.mailbox_setup: the Settings page's, else the environment's)."""
    from nextround.services.mailbox_setup import mailbox_settings as in_force

    return in_force(ws)


def sync(
    ws: Workspace,
    settings: ImapSettings,
    *,
    mode: SyncMode = SyncMode.DRY_RUN,
    since: date | None = None,
    before: date | None = None,
    from_start: bool = False,
) -> SyncRun:
    """Read the folder's new mail (by UID since the last sync) and propose, apply or queue it.

    Each batch is applied (or queued) before the sync position moves past it, so a dropped connection loses
    nothing: the next sync starts after the last message handled, and Message-IDs stop any double apply.
    """
    from nextround.integrations.imap import ImapError, ImapReader
    from nextround.integrations.mail_read import parse_bytes

    ensure_enabled(ws)
    run = SyncRun(account=settings.account, folder=settings.folder)
    with ws.db.read() as session:
        position = MailSyncRepository(session, ws.owner_id).position(settings.account, settings.folder)
    try:
        with ImapReader(settings) as reader:
            run.uidvalidity = reader.uidvalidity
            start = 0
            if position is not None and position.uidvalidity == reader.uidvalidity and not from_start:
                start = position.last_uid
            run.last_uid = start
            uids = reader.new_uids(start, since=since, before=before)
            run.new_messages = len(uids)
            for batch in reader.fetch(uids):
                mails: list[MailText] = []
                for _, raw in batch:
                    try:
                        mails.append(parse_bytes(raw))
                    except Exception:  # one broken message never stops a sync
                        run.unreadable += 1
                part = propose(ws, mails)
                if mode is SyncMode.APPLY:
                    apply_all(ws, part, origin="imap")
                elif mode is SyncMode.QUEUE:
                    queue(ws, part, origin="imap")
                _merge(run, part)
                if mode is SyncMode.DRY_RUN:
                    continue
                if batch:
                    run.last_uid = max(run.last_uid, batch[-1][0])
                    _save_position(ws, settings, run)
            if mode is not SyncMode.DRY_RUN and not uids:
                _save_position(ws, settings, run)
    except ImapError as exc:
        if run.applied or run.queued:
            kept = f"{run.applied} applied, {run.queued} queued" if mode is not SyncMode.DRY_RUN else ""
            raise ImapError(f"{exc} (after {kept}; that is kept, and the next sync continues from there)") from None
        raise
    return run


def _save_position(ws: Workspace, settings: ImapSettings, run: SyncRun) -> None:
    with ws.db.write() as session:
        MailSyncRepository(session, ws.owner_id).save(
            settings.account, settings.folder, uidvalidity=run.uidvalidity, last_uid=run.last_uid, now=ws.now()
        )


def _merge(run: MailRun, part: MailRun) -> None:
    run.proposals.extend(part.proposals)
    run.read += part.read
    run.unreadable += part.unreadable
    run.not_job += part.not_job
    run.already_seen += part.already_seen
    run.applied += part.applied
    run.queued += part.queued
    run.failed.extend(part.failed)
