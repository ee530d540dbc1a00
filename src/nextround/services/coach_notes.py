"""Comments and assigned practice questions between a coach and a job seeker (multi-user mode).

A coach writes a comment, general or on one application, or assigns a practice question; the job seeker reads
it on the Sharing page (and a comment on an application on that application's page), replies to it or marks
it read; an assigned question is in the practice picker and on the Today agenda until it is practised. A
thread is one note and its replies, from either side, all carrying the coach of the thread.

Rows belong to the job seeker (owner_id). A coach reaches them only through a live link of their own
(services.coaching), and sees only the threads they started.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session

from nextround.domain.questions import COACH_KEY_PREFIX
from nextround.services.coach_access import MAX_NOTE, CoachingError, _emails, _live_link
from nextround.storage.db import Database
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import ApplicationRow, CoachLinkRow, CoachNoteRow, User


@dataclass(frozen=True, slots=True)
class CoachNote:
    """A comment or an assigned question, or a reply in its thread (`replies` holds them, oldest first)."""

    id: int
    coach_email: str
    text: str
    is_question: bool
    created_at: datetime
    done: bool
    application_id: int | None = None
    application: str = ""  # "Baker at Crumb", for the pages that list notes from every application
    by_seeker: bool = False  # a reply by the job seeker (else the coach wrote it)
    read: bool = False  # the job seeker marked it read (or replied to it)
    replies: tuple[CoachNote, ...] = ()

    @property
    def question_key(self) -> str:
        return f"{COACH_KEY_PREFIX}{self.id}"


def _now() -> datetime:
    return datetime.now(UTC)


def _clean(text: str, *, question: bool = False, what: str = "comment") -> str:
    body = text.strip()
    if not body:
        raise CoachingError("write the question first" if question else f"write the {what} first", field="text")
    if len(body) > MAX_NOTE:
        raise CoachingError(f"keep it under {MAX_NOTE} characters", field="text")
    return body


def _titles(session: Session, owner_id: int, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(
        select(ApplicationRow.id, ApplicationRow.company, ApplicationRow.role).where(
            ApplicationRow.owner_id == owner_id, ApplicationRow.id.in_(ids)
        )
    ).all()
    return {app_id: f"{role} at {company}" for app_id, company, role in rows}


def _threads(
    db: Database, owner_id: int, *, coach_id: int | None = None, application_id: int | None = None
) -> list[CoachNote]:
    """The job seeker's threads, newest first (only one coach's when `coach_id`, one application's when
    `application_id`)."""
    query = select(CoachNoteRow).where(CoachNoteRow.owner_id == owner_id)
    if coach_id is not None:
        query = query.where(CoachNoteRow.coach_id == coach_id)
    with db.read() as session:
        rows = session.scalars(query.order_by(CoachNoteRow.created_at, CoachNoteRow.id)).all()
        titles = _titles(session, owner_id, {r.application_id for r in rows if r.application_id is not None})
    emails = _emails(db, {r.coach_id for r in rows})
    replies: dict[int, list[CoachNote]] = {}
    for row in rows:
        if row.reply_to_id is not None:
            replies.setdefault(row.reply_to_id, []).append(_note(row, emails, titles))
    roots = [
        _note(row, emails, titles, tuple(replies.get(row.id, ())))
        for row in rows
        if row.reply_to_id is None and (application_id is None or row.application_id == application_id)
    ]
    return roots[::-1]


def _note(
    row: CoachNoteRow, emails: dict[int, str], titles: dict[int, str], replies: tuple[CoachNote, ...] = ()
) -> CoachNote:
    app_id = row.application_id
    return CoachNote(
        id=row.id,
        coach_email=emails.get(row.coach_id, ""),
        text=row.text,
        is_question=row.is_question,
        created_at=row.created_at,
        done=row.done_at is not None,
        application_id=app_id,
        application=titles.get(app_id, "") if app_id is not None else "",
        by_seeker=row.by_seeker,
        read=row.read_at is not None,
        replies=replies,
    )


# -- the job seeker's side ---------------------------------------------------------------------------


def notes_for(db: Database, owner_id: int, application_id: int | None = None) -> list[CoachNote]:
    """Comments and assigned questions from the job seeker's coaches with their replies, newest first; with
    `application_id`, only the comments on that application."""
    return _threads(db, owner_id, application_id=application_id)


def unread_count(db: Database, owner_id: int) -> int:
    """Threads with something from a coach the job seeker has not read (shown in the navigation of every page,
    so one count in SQL, not the threads)."""
    with db.read() as session:
        found = session.scalar(
            select(func.count()).where(
                CoachNoteRow.owner_id == owner_id,
                CoachNoteRow.reply_to_id.is_(None),
                CoachNoteRow.is_question.is_(False),
                CoachNoteRow.read_at.is_(None),
            )
        )
    return int(found or 0)


def _own_root(session: Session, owner_id: int, note_id: int) -> CoachNoteRow:
    row = session.scalar(
        select(CoachNoteRow).where(
            CoachNoteRow.owner_id == owner_id, CoachNoteRow.id == note_id, CoachNoteRow.reply_to_id.is_(None)
        )
    )
    if row is None:
        raise NotFoundError(f"no comment with id {note_id}")
    return row


def reply(db: Database, owner_id: int, note_id: int, text: str) -> CoachNote:
    """The job seeker answers a comment or a question; the thread counts as read."""
    with db.write() as session:
        root = _own_root(session, owner_id, note_id)  # "not found" first; an empty reply changes nothing
        body = _clean(text)
        root.read_at = root.read_at or _now()
        row = CoachNoteRow(
            owner_id=owner_id,
            coach_id=root.coach_id,
            text=body,
            is_question=False,
            created_at=_now(),
            application_id=root.application_id,
            reply_to_id=root.id,
            by_seeker=True,
        )
        session.add(row)
        session.flush()
        return _note(row, {}, {})


def ask(db: Database, owner_id: int, link_id: int, text: str) -> CoachNote:
    """The job seeker writes to one of their coaches first (asks for help): a thread of their own, which the
    coach sees beside theirs and, on the caseload, as waiting for an answer."""
    body = _clean(text, what="message")
    with db.write() as session:
        link = session.scalar(
            select(CoachLinkRow).where(
                CoachLinkRow.owner_id == owner_id,
                CoachLinkRow.id == link_id,
                CoachLinkRow.accepted_at.is_not(None),
                CoachLinkRow.withdrawn_at.is_(None),
            )
        )
        if link is None or link.coach_id is None:
            raise NotFoundError(f"no coach with id {link_id}")
        now = _now()
        row = CoachNoteRow(
            owner_id=owner_id,
            coach_id=link.coach_id,
            text=body,
            is_question=False,
            created_at=now,
            by_seeker=True,
            read_at=now,  # their own words: nothing for them to mark read
        )
        session.add(row)
        session.flush()
        return _note(row, {}, {})


def waiting_for_coach(session: Session, owner_id: int, coach_id: int) -> int:
    """The threads between them whose latest message is the job seeker's: an answer or a request waiting."""
    rows = session.execute(
        select(CoachNoteRow.id, CoachNoteRow.reply_to_id, CoachNoteRow.by_seeker)
        .where(CoachNoteRow.owner_id == owner_id, CoachNoteRow.coach_id == coach_id)
        .order_by(CoachNoteRow.created_at, CoachNoteRow.id)
    ).all()
    last: dict[int, bool] = {}
    for note_id, root, by_seeker in rows:
        last[root if root is not None else note_id] = by_seeker
    return sum(last.values())


def mark_read(db: Database, owner_id: int, note_id: int) -> CoachNote:
    with db.write() as session:
        root = _own_root(session, owner_id, note_id)
        root.read_at = root.read_at or _now()
        return _note(root, {}, {})


def question_done(db: Database, owner_id: int, note_id: int) -> CoachNote:
    """An assigned question is practised: it leaves the practice picker's list and the agenda."""
    with db.write() as session:
        row = session.scalar(
            select(CoachNoteRow).where(
                CoachNoteRow.owner_id == owner_id, CoachNoteRow.id == note_id, CoachNoteRow.is_question
            )
        )
        if row is None:
            raise NotFoundError(f"no assigned question with id {note_id}")
        row.done_at = row.done_at or _now()
        row.read_at = row.read_at or row.done_at
        return _note(row, {}, {})


def assigned_questions(db: Database, owner_id: int, *, open_only: bool = True) -> list[CoachNote]:
    """The practice questions the job seeker's coaches assigned, oldest first (those not practised yet)."""
    with db.read() as session:
        query = select(CoachNoteRow).where(CoachNoteRow.owner_id == owner_id, CoachNoteRow.is_question)
        if open_only:
            query = query.where(CoachNoteRow.done_at.is_(None))
        rows = session.scalars(query.order_by(CoachNoteRow.created_at, CoachNoteRow.id)).all()
    emails = _emails(db, {r.coach_id for r in rows}) if rows else {}
    return [_note(row, emails, {}) for row in rows]


def assigned_question(db: Database, owner_id: int, key: str) -> CoachNote:
    """One assigned question by its practice key (`coach:<id>`), practised or not."""
    number = key.removeprefix(COACH_KEY_PREFIX)
    if not number.isdigit():
        raise NotFoundError(f"no question with id {key}")
    found = [n for n in assigned_questions(db, owner_id, open_only=False) if n.id == int(number)]
    if not found:
        raise NotFoundError(f"no question with id {key}")
    return found[0]


# -- the coach's side -------------------------------------------------------------------------------


def add_note(
    db: Database,
    coach_id: int,
    link_id: int,
    text: str,
    *,
    question: bool = False,
    application_id: int | None = None,
    reply_to: int | None = None,
) -> CoachNote:
    """A comment (general, on one of the shared applications, or a reply in one of the coach's own threads)
    or an assigned practice question, from the coach to the job seeker."""
    link = _live_link(db, coach_id, link_id)  # "not found" before anything else about the request
    body = _clean(text, question=question)
    owner = link.owner_id
    with db.write() as session:
        if reply_to is not None:
            root = session.scalar(
                select(CoachNoteRow).where(
                    CoachNoteRow.owner_id == owner,
                    CoachNoteRow.coach_id == coach_id,
                    CoachNoteRow.id == reply_to,
                    CoachNoteRow.reply_to_id.is_(None),
                )
            )
            if root is None:
                raise NotFoundError(f"no comment of yours with id {reply_to}")
            application_id, question = root.application_id, False
            root.read_at = None  # something new in the thread for the job seeker
        elif application_id is not None:
            shared = "applications" in link.shares
            if not shared or session.scalar(_application(owner, application_id)) is None:
                raise NotFoundError(f"no shared application with id {application_id}")
        row = CoachNoteRow(
            owner_id=owner,
            coach_id=coach_id,
            text=body,
            is_question=question,
            created_at=_now(),
            application_id=application_id,
            reply_to_id=reply_to,
        )
        session.add(row)
        session.flush()
        # The job seeker's data changed, though not by their own request: their cached views (the dashboard's
        # agenda with its assigned questions) must not be used again.
        session.execute(update(User).where(User.id == owner).values(data_version=User.data_version + 1))
        return _note(row, {}, {})


def _application(owner_id: int, application_id: int) -> Select[int]:
    return select(ApplicationRow.id).where(ApplicationRow.owner_id == owner_id, ApplicationRow.id == application_id)


def coach_threads(db: Database, coach_id: int, owner_id: int, application_id: int | None = None) -> list[CoachNote]:
    """The threads this coach started with the job seeker (callers have checked the link)."""
    return _threads(db, owner_id, coach_id=coach_id, application_id=application_id)
