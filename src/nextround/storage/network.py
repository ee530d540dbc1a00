"""Queries for the network pillar: contacts, who belongs to which application, interactions, and the
read-only look at other pillars' rows that the agenda needs. Every query is scoped to one owner.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from nextround.domain.contacts import Contact, ContactFields, ContactKind, InteractionChannel, dedupe_key
from nextround.domain.nudges import Interview, Link
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import (
    ApplicationContactRow,
    ApplicationRow,
    ContactRow,
    FeedbackRequestRow,
    GoalRow,
    InteractionRow,
    InterviewRow,
    PracticeAnswerRow,
    SeenPostingRow,
    WatchRow,
)

CONTACT_COLUMNS = (
    "name", "email", "phone", "company", "title", "linkedin_url", "cadence_days", "notes", "connected_on",
)  # fmt: skip


_KINDS = {kind.value: kind for kind in ContactKind}


def _contact(row: Any) -> Contact:
    # `row` is an ORM object or a plain Core row: both have the columns as attributes.
    kind = _KINDS.get(row.kind, ContactKind.PEER)
    fields = ContactFields(kind=kind, **{name: getattr(row, name) for name in CONTACT_COLUMNS})
    return Contact(id=row.id, fields=fields, created_at=row.created_at)


def _columns(fields: ContactFields) -> dict[str, Any]:
    values = {name: getattr(fields, name) for name in CONTACT_COLUMNS}
    values["kind"] = fields.kind.value
    values["dedupe_key"] = dedupe_key(fields)
    return values


@dataclass(frozen=True, slots=True)
class Interaction:
    id: int
    contact_id: int
    channel: str
    note: str
    occurred_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "contact_id": self.contact_id,
            "channel": self.channel,
            "note": self.note,
            "occurred_at": self.occurred_at.isoformat(),
        }


class ContactRepository:
    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def _row(self, contact_id: int) -> ContactRow:
        row = self.session.scalar(
            select(ContactRow).where(ContactRow.id == contact_id, ContactRow.owner_id == self.owner_id)
        )
        if row is None:
            raise NotFoundError(f"no contact with id {contact_id}")
        return row

    def get(self, contact_id: int) -> Contact:
        return _contact(self._row(contact_id))

    def add(self, fields: ContactFields, *, created_at: datetime) -> Contact:
        row = ContactRow(owner_id=self.owner_id, created_at=created_at, **_columns(fields))
        self.session.add(row)
        self.session.flush()
        return _contact(row)

    def add_many(self, items: Sequence[ContactFields], *, created_at: datetime) -> int:
        if not items:
            return 0
        values = [{"owner_id": self.owner_id, "created_at": created_at, **_columns(f)} for f in items]
        self.session.execute(insert(ContactRow), values)
        return len(values)

    def update(self, contact_id: int, fields: ContactFields) -> Contact:
        row = self._row(contact_id)
        for name, value in _columns(fields).items():
            setattr(row, name, value)
        self.session.flush()
        return _contact(row)

    def delete(self, contact_id: int) -> None:
        self.session.delete(self._row(contact_id))

    def find(self, *, kind: ContactKind | None = None, search: str | None = None) -> list[Contact]:
        # Plain rows, not ORM objects: several times faster for a few thousand imported connections.
        query = select(ContactRow.__table__).where(ContactRow.owner_id == self.owner_id)
        if kind is not None:
            query = query.where(ContactRow.kind == kind.value)
        if search:
            needle = f"%{search.lower()}%"
            query = query.where(
                func.lower(ContactRow.name).like(needle)
                | func.lower(ContactRow.company).like(needle)
                | func.lower(ContactRow.email).like(needle)
            )
        return [_contact(row) for row in self.session.execute(query.order_by(ContactRow.id))]

    def dedupe_keys(self) -> set[str]:
        return set(
            self.session.scalars(
                select(ContactRow.dedupe_key).where(ContactRow.owner_id == self.owner_id, ContactRow.dedupe_key != "")
            )
        )


class LinkRepository:
    """application_contacts: which people belong to which application."""

    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def link(self, application_id: int, contact_id: int, role: str = "") -> bool:
        """True if a new link was made, False if it was there already (its role is updated)."""
        row = self.session.scalar(
            select(ApplicationContactRow).where(
                ApplicationContactRow.owner_id == self.owner_id,
                ApplicationContactRow.application_id == application_id,
                ApplicationContactRow.contact_id == contact_id,
            )
        )
        if row is not None:
            if role:
                row.role = role
            return False
        self.session.add(
            ApplicationContactRow(
                owner_id=self.owner_id, application_id=application_id, contact_id=contact_id, role=role
            )
        )
        self.session.flush()
        return True

    def all(self) -> list[Link]:
        rows = self.session.scalars(
            select(ApplicationContactRow)
            .where(ApplicationContactRow.owner_id == self.owner_id)
            .order_by(ApplicationContactRow.id)
        )
        return [Link(application_id=r.application_id, contact_id=r.contact_id, role=r.role) for r in rows]

    def applications_of(self, contact_id: int) -> list[dict[str, Any]]:
        rows = self.session.execute(
            select(ApplicationRow.id, ApplicationRow.company, ApplicationRow.role, ApplicationContactRow.role)
            .join(ApplicationContactRow, ApplicationContactRow.application_id == ApplicationRow.id)
            .where(
                ApplicationContactRow.owner_id == self.owner_id,
                ApplicationRow.owner_id == self.owner_id,
                ApplicationContactRow.contact_id == contact_id,
            )
            .order_by(ApplicationRow.id)
        )
        return [{"id": i, "company": c, "role": r, "as": a} for i, c, r, a in rows]


class InteractionRepository:
    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def add(
        self, contact_id: int, channel: InteractionChannel, note: str, *, occurred_at: datetime, now: datetime
    ) -> Interaction:
        row = InteractionRow(
            owner_id=self.owner_id,
            contact_id=contact_id,
            channel=channel.value,
            note=note,
            occurred_at=occurred_at,
            created_at=now,
        )
        self.session.add(row)
        self.session.flush()
        return Interaction(row.id, row.contact_id, row.channel, row.note, row.occurred_at)

    def for_contact(self, contact_id: int) -> list[Interaction]:
        rows = self.session.scalars(
            select(InteractionRow)
            .where(InteractionRow.owner_id == self.owner_id, InteractionRow.contact_id == contact_id)
            .order_by(InteractionRow.occurred_at, InteractionRow.id)
        )
        return [Interaction(r.id, r.contact_id, r.channel, r.note, r.occurred_at) for r in rows]

    def moments_by_contact(self) -> dict[int, list[datetime]]:
        rows = self.session.execute(
            select(InteractionRow.contact_id, InteractionRow.occurred_at).where(
                InteractionRow.owner_id == self.owner_id
            )
        )
        grouped: dict[int, list[datetime]] = {}
        for contact_id, occurred_at in rows:
            grouped.setdefault(contact_id, []).append(occurred_at)
        return grouped


class WatchReapplyRepository:
    """The `reapply_after` date on a company's watch row (the watch itself is another pillar's)."""

    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def set(self, company: str, day: date | None, *, now: datetime) -> None:
        rows = list(
            self.session.scalars(
                select(WatchRow).where(
                    WatchRow.owner_id == self.owner_id, func.lower(WatchRow.company) == company.lower()
                )
            )
        )
        if not rows:
            rows = [WatchRow(owner_id=self.owner_id, company=company, board="", created_at=now)]
            self.session.add(rows[0])
        for row in rows:
            row.reapply_after = day
        self.session.flush()

    def all(self) -> dict[str, tuple[str, date]]:
        """lower-cased company -> (company as written, the latest re-apply date set for it)."""
        rows = self.session.execute(
            select(WatchRow.company, WatchRow.reapply_after).where(
                WatchRow.owner_id == self.owner_id, WatchRow.reapply_after.is_not(None)
            )
        )
        found: dict[str, tuple[str, date]] = {}
        for company, day in rows:
            if day is None:
                continue
            key = company.strip().lower()
            if key not in found or found[key][1] < day:
                found[key] = (company, day)
        return found


class AgendaReads:
    """Read-only queries over other pillars' tables, for the agenda and the calendar."""

    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def interviews(self) -> list[Interview]:
        rows = self.session.scalars(
            select(InterviewRow)
            .where(InterviewRow.owner_id == self.owner_id)
            .order_by(InterviewRow.scheduled_at, InterviewRow.id)
        )
        return [
            Interview(
                id=r.id,
                application_id=r.application_id,
                scheduled_at=r.scheduled_at,
                duration_minutes=r.duration_minutes,
                kind=r.kind,
                round=r.round,
                location=r.location,
                interviewers=tuple(str(p) for p in (r.interviewers or ())),
                notes=r.notes,
            )
            for r in rows
        ]

    def chases(self) -> list[dict[str, Any]]:
        """Sent feedback requests with no reply and no chase yet, with their application."""
        rows = self.session.execute(
            select(FeedbackRequestRow.id, FeedbackRequestRow.sent_at, ApplicationRow.company, ApplicationRow.role)
            .join(ApplicationRow, ApplicationRow.id == FeedbackRequestRow.application_id)
            .where(
                FeedbackRequestRow.owner_id == self.owner_id,
                ApplicationRow.owner_id == self.owner_id,
                FeedbackRequestRow.status == "sent",
                FeedbackRequestRow.sent_at.is_not(None),
                FeedbackRequestRow.chased_at.is_(None),
            )
            .order_by(FeedbackRequestRow.sent_at)
        )
        return [{"id": i, "sent_at": s, "company": c, "role": r} for i, s, c, r in rows]

    def open_goals_due_by(self, last_day: date) -> list[dict[str, Any]]:
        rows = self.session.execute(
            select(GoalRow.id, GoalRow.title, GoalRow.due_on)
            .where(
                GoalRow.owner_id == self.owner_id,
                GoalRow.status == "open",
                GoalRow.due_on.is_not(None),
                GoalRow.due_on <= last_day,
            )
            .order_by(GoalRow.due_on, GoalRow.id)
        )
        return [{"id": i, "title": t, "due_on": d} for i, t, d in rows]

    def practice_due(self, now: datetime, *, below: int = 70, rest_days: int = 3) -> int:
        """Questions whose latest score is under `below` and last tried at least `rest_days` ago."""
        rows = self.session.execute(
            select(PracticeAnswerRow.question_key, PracticeAnswerRow.score, PracticeAnswerRow.answered_at)
            .where(PracticeAnswerRow.owner_id == self.owner_id)
            .order_by(PracticeAnswerRow.answered_at, PracticeAnswerRow.id)
        )
        latest: dict[str, tuple[int, datetime]] = {}
        for key, score, answered_at in rows:
            latest[key] = (score, answered_at)
        cutoff = now - timedelta(days=rest_days)
        return sum(1 for score, at in latest.values() if score < below and at <= cutoff)

    def new_postings(self, since: datetime) -> list[dict[str, Any]]:
        rows = self.session.execute(
            select(
                SeenPostingRow.id,
                SeenPostingRow.title,
                SeenPostingRow.url,
                SeenPostingRow.first_seen_at,
                WatchRow.company,
            )
            .join(WatchRow, WatchRow.id == SeenPostingRow.watch_id)
            .where(
                SeenPostingRow.owner_id == self.owner_id,
                WatchRow.owner_id == self.owner_id,
                SeenPostingRow.dismissed.is_(False),
                SeenPostingRow.matches_keywords.is_(True),
                SeenPostingRow.first_seen_at >= since,
                # An opening already turned into an application (its "Apply" keeps the address) is done.
                SeenPostingRow.url.not_in(
                    select(ApplicationRow.job_url).where(
                        ApplicationRow.owner_id == self.owner_id, ApplicationRow.job_url != ""
                    )
                ),
            )
            .order_by(SeenPostingRow.first_seen_at, SeenPostingRow.id)
        )
        return [{"id": i, "title": t, "url": u, "first_seen_at": f, "company": c} for i, t, u, f, c in rows]
