"""Queries for feedback requests, recorded feedback, interviews and the contacts they name.

Every repository is built with `(session, owner_id)` and every query filters by that owner: an id
that belongs to somebody else is as unknown as one that does not exist.
"""

from __future__ import annotations

from datetime import datetime
from email.utils import getaddresses
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nextround.domain.feedback_requests import (
    ContactRef,
    FeedbackEntry,
    FeedbackRequest,
    FeedbackSource,
    Interview,
    RequestStatus,
    Tone,
    stored_status,
    stored_tone,
)
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import (
    ApplicationContactRow,
    ApplicationRow,
    ContactRow,
    FeedbackRequestRow,
    FeedbackRow,
    InterviewRow,
)


def _request(row: FeedbackRequestRow) -> FeedbackRequest:
    return FeedbackRequest(
        id=row.id,
        application_id=row.application_id,
        contact_id=row.contact_id,
        to_email=row.to_email,
        tone=stored_tone(row.tone),
        subject=row.subject,
        body=row.body,
        status=stored_status(row.status),
        channel=row.channel,
        message_id=row.message_id,
        drafted_at=row.drafted_at,
        sent_at=row.sent_at,
        chased_at=row.chased_at,
        resolved_at=row.resolved_at,
    )


class FeedbackRequestRepository:
    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def _row(self, request_id: int) -> FeedbackRequestRow:
        row = self.session.scalar(
            select(FeedbackRequestRow).where(
                FeedbackRequestRow.id == request_id, FeedbackRequestRow.owner_id == self.owner_id
            )
        )
        if row is None:
            raise NotFoundError(f"no feedback request with id {request_id}")
        return row

    def get(self, request_id: int) -> FeedbackRequest:
        return _request(self._row(request_id))

    def add(
        self,
        *,
        application_id: int,
        contact_id: int | None,
        to_email: str,
        tone: Tone,
        subject: str,
        body: str,
        drafted_at: datetime,
    ) -> FeedbackRequest:
        row = FeedbackRequestRow(
            owner_id=self.owner_id,
            application_id=application_id,
            contact_id=contact_id,
            to_email=to_email,
            tone=tone.value,
            subject=subject,
            body=body,
            status=RequestStatus.DRAFTED.value,
            channel="",
            message_id="",
            drafted_at=drafted_at,
        )
        self.session.add(row)
        self.session.flush()
        return _request(row)

    def update(self, request_id: int, **values: Any) -> FeedbackRequest:
        row = self._row(request_id)
        for name, value in values.items():
            if isinstance(value, RequestStatus | Tone):
                value = value.value
            setattr(row, name, value)
        self.session.flush()
        return _request(row)

    def find(
        self, *, application_id: int | None = None, statuses: tuple[RequestStatus, ...] | None = None
    ) -> list[FeedbackRequest]:
        query = select(FeedbackRequestRow).where(FeedbackRequestRow.owner_id == self.owner_id)
        if application_id is not None:
            query = query.where(FeedbackRequestRow.application_id == application_id)
        if statuses:
            query = query.where(FeedbackRequestRow.status.in_([s.value for s in statuses]))
        return [_request(row) for row in self.session.scalars(query.order_by(FeedbackRequestRow.id))]

    def latest(self, application_id: int, statuses: tuple[RequestStatus, ...] | None = None) -> FeedbackRequest | None:
        found = self.find(application_id=application_id, statuses=statuses)
        return found[-1] if found else None

    def awaiting_chase(self) -> list[tuple[FeedbackRequest, str, str]]:
        """Sent, never chased requests with their application's company and role (one query)."""
        rows = self.session.execute(
            select(FeedbackRequestRow, ApplicationRow.company, ApplicationRow.role)
            .join(ApplicationRow, ApplicationRow.id == FeedbackRequestRow.application_id)
            .where(
                FeedbackRequestRow.owner_id == self.owner_id,
                ApplicationRow.owner_id == self.owner_id,
                FeedbackRequestRow.status == RequestStatus.SENT.value,
                FeedbackRequestRow.chased_at.is_(None),
            )
            .order_by(FeedbackRequestRow.sent_at, FeedbackRequestRow.id)
        )
        return [(_request(row), company, role) for row, company, role in rows]


def _entry(row: FeedbackRow) -> FeedbackEntry:
    return FeedbackEntry(
        id=row.id,
        application_id=row.application_id,
        request_id=row.request_id,
        source=FeedbackSource(row.source),
        text=row.text,
        analysis=dict(row.analysis or {}),
        received_at=row.received_at,
    )


class FeedbackRepository:
    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def add(
        self,
        *,
        application_id: int | None,
        request_id: int | None,
        source: FeedbackSource,
        text: str,
        analysis: dict[str, Any],
        received_at: datetime,
        created_at: datetime,
    ) -> FeedbackEntry:
        row = FeedbackRow(
            owner_id=self.owner_id,
            application_id=application_id,
            request_id=request_id,
            source=source.value,
            text=text,
            analysis=analysis,
            received_at=received_at,
            created_at=created_at,
        )
        self.session.add(row)
        self.session.flush()
        return _entry(row)

    def find(self, *, application_id: int | None = None) -> list[FeedbackEntry]:
        query = select(FeedbackRow).where(FeedbackRow.owner_id == self.owner_id)
        if application_id is not None:
            query = query.where(FeedbackRow.application_id == application_id)
        return [_entry(row) for row in self.session.scalars(query.order_by(FeedbackRow.received_at, FeedbackRow.id))]


def _interview(row: InterviewRow) -> Interview:
    return Interview(
        id=row.id,
        application_id=row.application_id,
        scheduled_at=row.scheduled_at,
        round=row.round,
        kind=row.kind,
        interviewers=tuple(row.interviewers or ()),
        location=row.location,
        notes=row.notes,
        duration_minutes=row.duration_minutes,
    )


class InterviewRepository:
    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def add(
        self,
        *,
        application_id: int,
        scheduled_at: datetime,
        round_: int | None,
        kind: str,
        interviewers: tuple[str, ...],
        location: str,
        notes: str,
        duration_minutes: int | None,
        created_at: datetime,
    ) -> Interview:
        row = InterviewRow(
            owner_id=self.owner_id,
            application_id=application_id,
            scheduled_at=scheduled_at,
            round=round_,
            kind=kind,
            interviewers=list(interviewers),
            location=location,
            notes=notes,
            duration_minutes=duration_minutes,
            created_at=created_at,
        )
        self.session.add(row)
        self.session.flush()
        return _interview(row)

    def find(self, *, application_id: int | None = None) -> list[Interview]:
        query = select(InterviewRow).where(InterviewRow.owner_id == self.owner_id)
        if application_id is not None:
            query = query.where(InterviewRow.application_id == application_id)
        rows = self.session.scalars(query.order_by(InterviewRow.scheduled_at, InterviewRow.id))
        return [_interview(row) for row in rows]


def _contact(row: ContactRow) -> ContactRef:
    return ContactRef(id=row.id, name=row.name, email=row.email, title=row.title, company=row.company, kind=row.kind)


class ContactReader:
    """Reads contacts (the network pillar writes them); scoped to the owner like everything else."""

    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def get(self, contact_id: int) -> ContactRef:
        row = self.session.scalar(
            select(ContactRow).where(ContactRow.id == contact_id, ContactRow.owner_id == self.owner_id)
        )
        if row is None:
            raise NotFoundError(f"no contact with id {contact_id}")
        return _contact(row)

    def with_email(self, address: str) -> ContactRef | None:
        """The one contact with this email address (a display name with it is ignored), if exactly one has it."""
        pairs = getaddresses([address.strip()])
        bare = pairs[0][1].strip().lower() if len(pairs) == 1 else ""
        if not bare:
            return None
        rows = self.session.scalars(
            select(ContactRow)
            .where(ContactRow.owner_id == self.owner_id, func.lower(ContactRow.email) == bare)
            .limit(2)
        ).all()
        return _contact(rows[0]) if len(rows) == 1 else None

    def for_application(self, application_id: int) -> list[tuple[ContactRef, str]]:
        """The people linked to an application, with their role in it, in the order they were linked."""
        rows = self.session.execute(
            select(ContactRow, ApplicationContactRow.role)
            .join(ApplicationContactRow, ApplicationContactRow.contact_id == ContactRow.id)
            .where(
                ApplicationContactRow.application_id == application_id,
                ApplicationContactRow.owner_id == self.owner_id,
                ContactRow.owner_id == self.owner_id,
            )
            .order_by(ApplicationContactRow.id)
        )
        return [(_contact(contact), role) for contact, role in rows]
