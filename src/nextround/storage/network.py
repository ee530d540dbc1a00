"""Queries for the network pillar: contacts, who belongs to which application, interactions, and the
read-only look at other pillars' rows that the agenda needs. Every query is scoped to one owner.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from nextround.domain.contacts import Contact, ContactFields, ContactKind, InteractionChannel, dedupe_key
from nextround.storage.reads import NotFoundError
from nextround.storage.stored_values import CONTACT_COLUMNS, contact_from_values
from nextround.storage.tables import (
    ApplicationContactRow,
    ApplicationRow,
    ContactRow,
    InteractionRow,
    WatchRow,
)


def _contact(row: Any) -> Contact:
    # `row` is an ORM object or a plain Core row: both have the columns as attributes.
    values = [getattr(row, name) for name in CONTACT_COLUMNS]
    return contact_from_values(row.id, row.kind, values, row.created_at)


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

    def applications_of(self, contact_id: int) -> list[tuple[int, str, str, str]]:
        """(id, company, role, the contact's part in it) of each application linked to the contact."""
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
        return [(i, c, r, a) for i, c, r, a in rows]


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
