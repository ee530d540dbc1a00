"""Mail read from the user's mailbox (proposals, applied and dismissed) and IMAP sync positions, per owner."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nextround.storage.reads import NotFoundError
from nextround.storage.tables import ApplicationRow, FeedbackRequestRow, MailMessageRow, MailSyncStateRow


class MailMessageNotFound(NotFoundError):
    """No stored message with that id for this owner."""


@dataclass(frozen=True, slots=True)
class StoredMail:
    id: int
    message_id: str
    sender: str
    subject: str
    sent_at: datetime | None
    text: str
    kind: str
    company: str
    role: str
    application_id: int | None
    stage_hint: str | None
    interview_at: datetime | None
    thread_ids: tuple[str, ...]
    changes: tuple[dict[str, Any], ...]
    status: str
    origin: str
    created_at: datetime
    decided_at: datetime | None


def _stored(row: MailMessageRow) -> StoredMail:
    return StoredMail(
        id=row.id,
        message_id=row.message_id,
        sender=row.sender,
        subject=row.subject,
        sent_at=row.sent_at,
        text=row.text,
        kind=row.kind,
        company=row.company,
        role=row.role,
        application_id=row.application_id,
        stage_hint=row.stage_hint,
        interview_at=row.interview_at,
        thread_ids=tuple(row.thread_ids or ()),
        changes=tuple(dict(c) for c in (row.changes or ())),
        status=row.status,
        origin=row.origin,
        created_at=row.created_at,
        decided_at=row.decided_at,
    )


@dataclass(frozen=True, slots=True)
class SentRequest:
    """A feedback request we sent, as the mail reader needs it to recognise replies."""

    id: int
    application_id: int
    message_id: str
    status: str


class MailRepository:
    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def statuses(self, message_ids: Iterable[str] | None = None) -> dict[str, str]:
        """Message-ID → status of every stored message (or of the given ones)."""
        query = select(MailMessageRow.message_id, MailMessageRow.status).where(MailMessageRow.owner_id == self.owner_id)
        if message_ids is not None:
            wanted = list(message_ids)
            if not wanted:
                return {}
            found: dict[str, str] = {}
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                for mid, status in self.session.execute(query.where(MailMessageRow.message_id.in_(chunk))):
                    found[mid] = status
            return found
        return {row[0]: row[1] for row in self.session.execute(query)}

    def get(self, mail_id: int) -> StoredMail:
        return _stored(self._row(mail_id))

    def _row(self, mail_id: int) -> MailMessageRow:
        row = self.session.scalar(
            select(MailMessageRow).where(MailMessageRow.id == mail_id, MailMessageRow.owner_id == self.owner_id)
        )
        if row is None:
            raise MailMessageNotFound(f"no message with id {mail_id} in the inbox")
        return row

    def by_message_id(self, message_id: str) -> StoredMail | None:
        row = self.session.scalar(
            select(MailMessageRow).where(
                MailMessageRow.owner_id == self.owner_id, MailMessageRow.message_id == message_id
            )
        )
        return _stored(row) if row is not None else None

    def by_message_ids(self, message_ids: Iterable[str]) -> list[StoredMail]:
        wanted = list(message_ids)
        found: list[StoredMail] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            query = select(MailMessageRow).where(
                MailMessageRow.owner_id == self.owner_id, MailMessageRow.message_id.in_(chunk)
            )
            found.extend(_stored(row) for row in self.session.scalars(query))
        return found

    def add(self, **values: Any) -> StoredMail:
        row = MailMessageRow(owner_id=self.owner_id, **values)
        self.session.add(row)
        self.session.flush()
        return _stored(row)

    def update(self, mail_id: int, **values: Any) -> StoredMail:
        row = self._row(mail_id)
        for name, value in values.items():
            setattr(row, name, value)
        self.session.flush()
        return _stored(row)

    def find(self, *, status: str | None = None, limit: int = 500) -> list[StoredMail]:
        query = select(MailMessageRow).where(MailMessageRow.owner_id == self.owner_id)
        if status is not None:
            query = query.where(MailMessageRow.status == status)
        query = query.order_by(MailMessageRow.sent_at.desc(), MailMessageRow.id.desc()).limit(limit)
        return [_stored(row) for row in self.session.scalars(query)]

    def application_with_key(self, dedupe_key: str) -> int | None:
        """An application of this owner with the same company, role and date (see domain.applications)."""
        return self.session.scalar(
            select(ApplicationRow.id).where(
                ApplicationRow.owner_id == self.owner_id, ApplicationRow.dedupe_key == dedupe_key
            )
        )

    def sent_requests(self) -> list[SentRequest]:
        """Feedback requests that went out with a Message-ID (sent by SMTP or written as .eml)."""
        rows = self.session.execute(
            select(
                FeedbackRequestRow.id,
                FeedbackRequestRow.application_id,
                FeedbackRequestRow.message_id,
                FeedbackRequestRow.status,
            ).where(FeedbackRequestRow.owner_id == self.owner_id, FeedbackRequestRow.message_id != "")
        )
        return [SentRequest(r.id, r.application_id, r.message_id, r.status) for r in rows]


@dataclass(frozen=True, slots=True)
class SyncPosition:
    uidvalidity: int
    last_uid: int
    synced_at: datetime


class MailSyncRepository:
    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def _row(self, account: str, folder: str) -> MailSyncStateRow | None:
        return self.session.scalar(
            select(MailSyncStateRow).where(
                MailSyncStateRow.owner_id == self.owner_id,
                MailSyncStateRow.account == account,
                MailSyncStateRow.folder == folder,
            )
        )

    def position(self, account: str, folder: str) -> SyncPosition | None:
        row = self._row(account, folder)
        return SyncPosition(row.uidvalidity, row.last_uid, row.synced_at) if row else None

    def save(self, account: str, folder: str, *, uidvalidity: int, last_uid: int, now: datetime) -> None:
        row = self._row(account, folder)
        if row is None:
            self.session.add(
                MailSyncStateRow(
                    owner_id=self.owner_id,
                    account=account,
                    folder=folder,
                    uidvalidity=uidvalidity,
                    last_uid=last_uid,
                    synced_at=now,
                )
            )
        else:
            row.uidvalidity = uidvalidity
            row.last_uid = last_uid
            row.synced_at = now
        self.session.flush()
