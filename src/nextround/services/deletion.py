"""Delete an application, contact, watch, goal, journal entry, CV or practice answer, with an undo for a while.

A delete takes the row and what belongs to it (an application's stage history, interviews, feedback
requests and reflections; a contact's interactions; a watch's postings) in one transaction, and keeps a copy
in an `UndoStore` under a random token; a practice answer's kept recording is set aside until the undo runs
out. `undo` with that token, within `UNDO_SECONDS`, puts every row back as it was. The store lives in the
running process (the web app keeps one): an undo is for the moment just after the click, not a recycle bin;
the JSON export is the lasting copy, and the pages offer it first.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Table, select, update
from sqlalchemy import delete as sql_delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nextround.errors import UserError
from nextround.services import recordings
from nextround.services.workspace import Workspace
from nextround.storage.db import Database
from nextround.storage.insight import CvRepository
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import (
    ApplicationRow,
    ContactRow,
    CvRow,
    GoalRow,
    JournalEntryRow,
    PracticeAnswerRow,
    UndoCopyRow,
    WatchRow,
)
from nextround.storage.trash import (
    DeletedRows,
    RestoreError,
    decode_rows,
    delete_with_copy,
    encode_rows,
    restore,
)

UNDO_SECONDS = 30
MAX_KEPT = 200  # undo copies kept at most (the oldest go first): memory stays small


class Deletable(StrEnum):
    APPLICATION = "application"
    CONTACT = "contact"
    WATCH = "watch"
    GOAL = "goal"
    JOURNAL_ENTRY = "journal_entry"
    CV = "cv"
    PRACTICE_ANSWER = "practice_answer"


TABLES: dict[Deletable, Table] = {
    Deletable.APPLICATION: ApplicationRow.__table__,  # type: ignore[dict-item]
    Deletable.CONTACT: ContactRow.__table__,  # type: ignore[dict-item]
    Deletable.WATCH: WatchRow.__table__,  # type: ignore[dict-item]
    Deletable.GOAL: GoalRow.__table__,  # type: ignore[dict-item]
    Deletable.JOURNAL_ENTRY: JournalEntryRow.__table__,  # type: ignore[dict-item]
    Deletable.CV: CvRow.__table__,  # type: ignore[dict-item]
    Deletable.PRACTICE_ANSWER: PracticeAnswerRow.__table__,  # type: ignore[dict-item]
}

# What else goes, in words, by table (shown in the confirmation and after the delete).
WHAT_GOES = {
    "stage_events": ("stage change", "stage changes"),
    "interviews": ("interview", "interviews"),
    "feedback_requests": ("feedback request", "feedback requests"),
    "feedback": ("piece of feedback", "pieces of feedback"),
    "reflections": ("reflection", "reflections"),
    "application_contacts": ("contact link", "contact links"),
    "interactions": ("logged interaction", "logged interactions"),
    "seen_postings": ("seen posting", "seen postings"),
    "practice_answers": ("practice answer", "practice answers"),
}


def label_of(kind: Deletable, row: dict[str, Any]) -> str:
    """How a person names the row: "Pastry Chef at Acme Bakery", "Owen Pryce", the goal's title."""
    if kind is Deletable.APPLICATION:
        return f"{row['role']} at {row['company']}"
    if kind is Deletable.CONTACT:
        return str(row["name"])
    if kind is Deletable.WATCH:
        return f"the watch on {row['company']}"
    if kind is Deletable.GOAL:
        return f"the goal “{row['title']}”"
    if kind is Deletable.JOURNAL_ENTRY:
        text = " ".join(str(row["text"] or "").split())
        return f"the journal entry “{text[:40]}{'…' if len(text) > 40 else ''}”" if text else "the journal entry"
    if kind is Deletable.PRACTICE_ANSWER:
        question = " ".join(str(row["question_text"] or "").split())
        return f"your answer to “{question[:60]}{'…' if len(question) > 60 else ''}”"
    return f"the CV “{row['name']}”"


@dataclass(frozen=True, slots=True)
class Deleted:
    """What a delete removed (JSON: the API's answer to DELETE) and the token that undoes it."""

    deleted: Deletable
    id: int
    label: str
    also_deleted: tuple[str, ...]  # "4 stage changes", "1 interview"
    undo_token: str
    undo_until: datetime


@dataclass(frozen=True, slots=True)
class Restored:
    restored: Deletable
    id: int
    label: str


@dataclass(frozen=True, slots=True)
class _Kept:
    owner_id: int
    kind: Deletable
    label: str
    until: datetime
    rows: DeletedRows


class UndoStore:
    """Undo copies by token, for `UNDO_SECONDS`; thread-safe (the web serves requests from a pool)."""

    def __init__(self) -> None:
        self._kept: OrderedDict[str, _Kept] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, kept: _Kept) -> str:
        token = secrets.token_urlsafe(12)
        with self._lock:
            self._kept[token] = kept
            while len(self._kept) > MAX_KEPT:
                self._kept.popitem(last=False)
        return token

    def peek(self, token: str, owner_id: int, now: datetime) -> str | None:
        """The label of what the token would bring back, while it still can (for the "Undo" banner)."""
        with self._lock:
            kept = self._kept.get(token)
        if kept is None or kept.owner_id != owner_id or now > kept.until:
            return None
        return kept.label

    def take(self, token: str, owner_id: int, now: datetime) -> _Kept:
        with self._lock:
            kept = self._kept.get(token)
            if kept is None or kept.owner_id != owner_id:
                raise NotFoundError("nothing to undo: it was undone already, or the app restarted since")
            del self._kept[token]
        if now > kept.until:
            raise UserError(f"too late to undo: an undo lasts {UNDO_SECONDS} seconds")
        return kept


class DatabaseUndoStore:
    """The same, kept in the database (multi-user mode): a delete made through one server process can be
    undone through another. Expired copies are dropped whenever a new one is kept."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def put(self, kept: _Kept) -> str:
        token = secrets.token_urlsafe(12)
        with self.db.write() as session:
            session.execute(
                sql_delete(UndoCopyRow).where(
                    UndoCopyRow.owner_id == kept.owner_id,
                    UndoCopyRow.until < kept.until - timedelta(seconds=UNDO_SECONDS),
                )
            )
            session.add(
                UndoCopyRow(
                    owner_id=kept.owner_id,
                    token=token,
                    kind=kept.kind.value,
                    label=kept.label[:300],
                    until=kept.until,
                    rows=encode_rows(kept.rows),
                )
            )
        return token

    def _row(self, session: Session, token: str, owner_id: int) -> UndoCopyRow | None:
        return session.scalar(select(UndoCopyRow).where(UndoCopyRow.owner_id == owner_id, UndoCopyRow.token == token))

    def peek(self, token: str, owner_id: int, now: datetime) -> str | None:
        with self.db.read() as session:
            row = self._row(session, token, owner_id)
        if row is None or now > row.until:
            return None
        return row.label

    def take(self, token: str, owner_id: int, now: datetime) -> _Kept:
        with self.db.write() as session:
            row = self._row(session, token, owner_id)
            if row is None:
                raise NotFoundError("nothing to undo: it was undone already")
            session.delete(row)
            kept = _Kept(owner_id, Deletable(row.kind), row.label, row.until, decode_rows(row.rows))
        if now > kept.until:
            raise UserError(f"too late to undo: an undo lasts {UNDO_SECONDS} seconds")
        return kept


def preview(ws: Workspace, kind: Deletable, row_id: int) -> str:
    """The label of what would be deleted (NotFoundError for an unknown or another owner's id)."""
    table = TABLES[kind]
    with ws.db.read() as session:
        row = (
            session.execute(select(table).where(table.c.id == row_id, table.c.owner_id == ws.owner_id))
            .mappings()
            .first()
        )
    if row is None:
        raise NotFoundError(f"no {kind.value.replace('_', ' ')} with id {row_id}")
    return label_of(kind, dict(row))


def delete(ws: Workspace, kind: Deletable, row_id: int, store: UndoStore) -> Deleted:
    """Delete the row and what belongs to it (one transaction); the answer carries the undo token."""
    with ws.db.write() as session:
        try:
            rows = delete_with_copy(session, TABLES[kind], row_id, ws.owner_id)
        except NotFoundError:
            raise NotFoundError(f"no {kind.value.replace('_', ' ')} with id {row_id}") from None
        if kind is Deletable.CV and rows.top["is_primary"]:
            repo = CvRepository(session, ws.owner_id)
            successor = repo.primary()
            if successor is not None:
                repo.set_primary(successor.id)
    label = label_of(kind, rows.top)
    now = ws.now()
    until = now + timedelta(seconds=UNDO_SECONDS)
    token = store.put(_Kept(ws.owner_id, kind, label, until, rows))
    # after the commit: a failed delete keeps both rows and files; the recordings wait out the undo
    recordings.sweep(ws.settings.home, now, timedelta(seconds=UNDO_SECONDS))
    recordings.set_aside(ws.settings.home, recordings.recordings_in(rows.rows), now)
    also = tuple(
        f"{n} {WHAT_GOES[name][0 if n == 1 else 1]}"
        for name in rows.rows
        if name in WHAT_GOES and (n := rows.count(name))
    )
    return Deleted(kind, row_id, label, also, token, until)


def undo(ws: Workspace, token: str, store: UndoStore) -> Restored:
    """Put back what the delete with this token removed."""
    kept = store.take(token, ws.owner_id, ws.now())
    try:
        with ws.db.write() as session:
            restore(session, kept.rows)
            if kept.kind is Deletable.CV and kept.rows.top["is_primary"]:
                session.execute(
                    update(CvRow)
                    .where(CvRow.owner_id == ws.owner_id, CvRow.id != kept.rows.row_id)
                    .values(is_primary=False)
                )
    except IntegrityError:
        raise RestoreError(f"cannot bring back {kept.label}: something with the same name took its place") from None
    recordings.bring_back(ws.settings.home, recordings.recordings_in(kept.rows.rows))
    return Restored(kept.kind, kept.rows.row_id, kept.label)
