"""SQLAlchemy 2 typed mappings. Every row a person owns carries `owner_id`.

The schema itself is created and changed only by the Alembic migrations in `storage/migrations`.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

from nextround.domain.dates import read_stored_moment, stored_moment
from nextround.errors import UserError


def _lenient(strict: Any, kind: type) -> Any:
    """SQLite's own reader of a date column, falling back to read_stored_moment where it refuses a value."""

    def read(value: Any) -> Any:
        if value is None:
            return None
        try:
            return strict(value) if strict else value
        except (ValueError, TypeError):
            moment = read_stored_moment(value)
            return moment if moment is None or kind is datetime else moment.date()

    return read


class _SQLiteDateTime(sqlite.DATETIME):
    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        return _lenient(super().result_processor(dialect, coltype), datetime)


class _SQLiteDate(sqlite.DATE):
    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        return _lenient(super().result_processor(dialect, coltype), date)


class _SQLiteJSON(sqlite.JSON):
    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        strict = super().result_processor(dialect, coltype)

        def read(value: Any) -> Any:
            try:
                return strict(value) if strict else value
            except ValueError:  # text that is not JSON: a hand edit, another tool
                return None

        return read


# What an SQLite engine reads date and JSON columns with (storage.db sets them as the dialect's own):
# SQLAlchemy's readers, but a value they refuse (unreadable JSON reads as None) no longer fails the whole
# query, and with it every page that lists the row and the export that could rescue it.
LENIENT_SQLITE_TYPES: dict[type, type] = {Date: _SQLiteDate, DateTime: _SQLiteDateTime, JSON: _SQLiteJSON}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on SQLite (no zones) and PostgreSQL alike. On SQLite, a
    moment written in another form (`2024-10-03T10:00:00Z`, `03.10.2024`) is read; unreadable text is None."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = stored_moment(value)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# C0 and C1 control characters but tab and newline: an escape sequence in a company name retitles or
# clears the terminal that prints it; NUL is refused by PostgreSQL and kept by SQLite.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(value: str) -> str:
    return _CONTROLS.sub("", value)


class SingleLine(TypeDecorator[str]):
    """A short text column (names, titles, keys): control characters are dropped on the way in."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return strip_controls(value) if isinstance(value, str) else value


class Prose(TypeDecorator[str]):
    """Free text (notes, job descriptions): stored as given, but for NUL, which only one engine accepts."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return value.replace("\x00", "") if isinstance(value, str) else value


INTEGER_LIMIT = 2**31 - 1  # PostgreSQL's INTEGER; SQLite would take more, and then the two would disagree


class NumberOutOfRange(UserError, ValueError):
    """A whole number too large for its column on one of the engines."""


class PortableInteger(TypeDecorator[int]):
    """An INTEGER that refuses, on SQLite too, what PostgreSQL's INTEGER cannot hold."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: int | None, dialect: Dialect) -> int | None:
        if isinstance(value, int) and not -INTEGER_LIMIT - 1 <= value <= INTEGER_LIMIT:
            raise NumberOutOfRange(f"{value} is out of range (at most {INTEGER_LIMIT})")
        return value


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[str]: JSON()}  # noqa: RUF012

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        """The ORM knows an owned row by (owner_id, id), so every UPDATE and DELETE it writes names the owner.

        On PostgreSQL that is the primary key (migration 0011) and, on Citus, the shard; the tables here keep
        `id` alone as their key, as SQLite has it, and `id` stays the number each engine hands out.
        """
        table = cls.__table__
        return {"primary_key": [table.c.owner_id, table.c.id]} if "owner_id" in table.c else {}


class User(Base):
    __tablename__ = "users"
    __table_args__ = (Index("uq_users_email", "email", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(150), unique=True)
    created_at: Mapped[datetime]
    # Multi-user mode (web/accounts): the sign-in address and its argon2id hash; the local user has neither.
    email: Mapped[str | None] = mapped_column(String(300))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    disabled_at: Mapped[datetime | None]
    time_zone: Mapped[str | None] = mapped_column(String(60))
    # Bumped by every change a user makes through the server, so every worker's cached views notice it.
    data_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The shared server's administrators manage its accounts in the browser (services.administration).
    is_admin: Mapped[bool] = mapped_column(default=False, server_default=false())
    last_sign_in_at: Mapped[datetime | None]


class ApplicationRow(Base):
    __tablename__ = "applications"
    __table_args__ = (
        Index("ix_applications_owner_stage", "owner_id", "stage"),
        Index("ix_applications_owner_dedupe", "owner_id", "dedupe_key"),
        # The board's per-stage count and newest few, read from open rows only (migration 0013).
        Index(
            "ix_applications_owner_open_stage_activity",
            "owner_id",
            "stage",
            "last_activity_at",
            "id",
            sqlite_where=text("outcome IS NULL"),
            postgresql_where=text("outcome IS NULL"),
        ),
        # Rejections closed within the network nudges' window, and what was added since (migration 0017);
        # partial, so that reads of all an owner's rows keep the owner index.
        Index(
            "ix_applications_owner_closed",
            "owner_id",
            "closed_at",
            sqlite_where=text("closed_at IS NOT NULL"),
            postgresql_where=text("closed_at IS NOT NULL"),
        ),
        Index(
            "ix_applications_owner_created",
            "owner_id",
            "created_at",
            sqlite_where=text("created_at IS NOT NULL"),
            postgresql_where=text("created_at IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    company: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(300))
    seniority: Mapped[str] = mapped_column(String(300), default="")
    job_url: Mapped[str] = mapped_column(String(300), default="")
    source: Mapped[str | None] = mapped_column(String(30))
    source_detail: Mapped[str] = mapped_column(String(300), default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    work_model: Mapped[str | None] = mapped_column(String(20))
    salary_min: Mapped[int | None] = mapped_column(BigInteger)
    salary_max: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="")
    jd_text: Mapped[str] = mapped_column(Text, default="")
    cv_version: Mapped[str] = mapped_column(String(300), default="")
    tags: Mapped[list[str]] = mapped_column(default=list)
    excitement: Mapped[int | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    contact_email: Mapped[str] = mapped_column(String(300), default="")
    contact_phone: Mapped[str] = mapped_column(String(300), default="")
    screening_answers: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    applied_on: Mapped[date | None] = mapped_column(Date)
    # What dedupes re-imports: the job URL, else company + role + date (see services.transfer).
    dedupe_key: Mapped[str] = mapped_column(String(700), default="")
    # Cached from the stage events after every change, so lists and stats need not replay history.
    stage: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str | None] = mapped_column(String(20))
    interview_round: Mapped[int | None]
    furthest_stage: Mapped[str] = mapped_column(String(20))
    closed_at: Mapped[datetime | None]
    closed_at_stage: Mapped[str | None] = mapped_column(String(20))
    first_response_at: Mapped[datetime | None]
    last_activity_at: Mapped[datetime | None]


class StageEventRow(Base):
    __tablename__ = "stage_events"
    __table_args__ = (Index("ix_stage_events_owner_app_time", "owner_id", "application_id", "occurred_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    round: Mapped[int | None]
    occurred_at: Mapped[datetime]
    source: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]


class UserSetting(Base):
    __tablename__ = "user_settings"
    __table_args__ = (UniqueConstraint("owner_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[dict[str, Any]]


# -- Step 1 and 2: feedback, reflection, skills, goals ----------------------------------------------


class ContactRow(Base):
    """A person met along the way: recruiter, interviewer, hiring manager, referrer, peer."""

    __tablename__ = "contacts"
    __table_args__ = (Index("ix_contacts_owner_dedupe", "owner_id", "dedupe_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    email: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    company: Mapped[str] = mapped_column(String(300), default="")
    title: Mapped[str] = mapped_column(String(300), default="")
    linkedin_url: Mapped[str] = mapped_column(String(500), default="")
    kind: Mapped[str] = mapped_column(String(30), default="peer")
    cadence_days: Mapped[int | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    connected_on: Mapped[date | None] = mapped_column(Date)
    dedupe_key: Mapped[str] = mapped_column(String(700), default="")
    created_at: Mapped[datetime]


class ApplicationContactRow(Base):
    """Which people belong to which application (a recruiter may span several)."""

    __tablename__ = "application_contacts"
    __table_args__ = (
        UniqueConstraint("owner_id", "application_id", "contact_id", name="uq_application_contacts_owner_link"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(30), default="")


class InteractionRow(Base):
    __tablename__ = "interactions"
    __table_args__ = (Index("ix_interactions_owner_contact_time", "owner_id", "contact_id", "occurred_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    occurred_at: Mapped[datetime]
    created_at: Mapped[datetime]


class InterviewRow(Base):
    """A scheduled or past interview: when, what kind, and who was in the room."""

    __tablename__ = "interviews"
    __table_args__ = (Index("ix_interviews_owner_app", "owner_id", "application_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    round: Mapped[int | None]
    kind: Mapped[str] = mapped_column(String(30), default="")
    scheduled_at: Mapped[datetime]
    duration_minutes: Mapped[int | None]
    location: Mapped[str] = mapped_column(String(300), default="")
    interviewers: Mapped[list[str]] = mapped_column(default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]


class FeedbackRequestRow(Base):
    """A request for feedback: drafted, sent, chased at most once, then replied, declined or no reply."""

    __tablename__ = "feedback_requests"
    __table_args__ = (Index("ix_feedback_requests_owner_app", "owner_id", "application_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    to_email: Mapped[str] = mapped_column(String(300), default="")
    tone: Mapped[str] = mapped_column(String(20), default="warm")
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="drafted")
    channel: Mapped[str] = mapped_column(String(20), default="")
    message_id: Mapped[str] = mapped_column(String(300), default="")
    drafted_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    chased_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]


class FeedbackRow(Base):
    """What was said, verbatim, and the analysis of it at the time it was recorded."""

    __tablename__ = "feedback"
    __table_args__ = (Index("ix_feedback_owner_app", "owner_id", "application_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    request_id: Mapped[int | None] = mapped_column(ForeignKey("feedback_requests.id", ondelete="SET NULL"))
    source: Mapped[str] = mapped_column(String(20), default="employer")
    text: Mapped[str] = mapped_column(Text)
    analysis: Mapped[dict[str, Any]] = mapped_column(default=dict)
    received_at: Mapped[datetime]
    created_at: Mapped[datetime]


class CvRow(Base):
    __tablename__ = "cvs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    filename: Mapped[str] = mapped_column(String(500), default="")
    text: Mapped[str] = mapped_column(Text)
    is_primary: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]


class ReflectionRow(Base):
    """The article's questions answered after a rejection: a 1-5 rating and free text each."""

    __tablename__ = "reflections"
    __table_args__ = (UniqueConstraint("owner_id", "application_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    answers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class GoalRow(Base):
    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    origin: Mapped[str] = mapped_column(String(20), default="manual")  # theme, skill, manual
    origin_value: Mapped[str] = mapped_column(String(300), default="")
    measure: Mapped[str] = mapped_column(String(100), default="manual")
    baseline: Mapped[float | None]
    target: Mapped[float | None]
    current: Mapped[float | None]
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    created_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]


# -- Step 3: practice ---------------------------------------------------------------------------------


class CustomQuestionRow(Base):
    """A question the user added, often one a real interview surprised them with."""

    __tablename__ = "custom_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(40), default="behavioural")
    competencies: Mapped[list[str]] = mapped_column(default=list)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id", ondelete="SET NULL"))
    interview_id: Mapped[int | None] = mapped_column(ForeignKey("interviews.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]


class PracticeSessionRow(Base):
    __tablename__ = "practice_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id", ondelete="SET NULL"))
    focus: Mapped[str] = mapped_column(String(100), default="")
    plan: Mapped[list[str]] = mapped_column(default=list)
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]


class PracticeAnswerRow(Base):
    __tablename__ = "practice_answers"
    __table_args__ = (Index("ix_practice_answers_owner_question", "owner_id", "question_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("practice_sessions.id", ondelete="CASCADE"))
    question_key: Mapped[str] = mapped_column(String(100))  # a bank id, or custom:<id>
    question_text: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(40), default="")
    competencies: Mapped[list[str]] = mapped_column(default=list)
    answer: Mapped[str] = mapped_column(Text)
    score: Mapped[int]
    analysis: Mapped[dict[str, Any]] = mapped_column(default=dict)
    duration_seconds: Mapped[int | None]
    answered_at: Mapped[datetime]
    # Delivery measures of a spoken answer (None for a typed one), kept as columns for progress over time.
    spoken_seconds: Mapped[float | None]
    words_per_minute: Mapped[float | None]
    long_pauses: Mapped[int | None]
    longest_pause_seconds: Mapped[float | None]
    spoken_fillers_per_100: Mapped[float | None]
    # The recording's file name under the data folder's recordings/, only when the user chose to keep it.
    audio_file: Mapped[str | None] = mapped_column(String(200))


# -- Step 4 and 5: company watch, journal ---------------------------------------------------------------


class WatchRow(Base):
    __tablename__ = "watches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    company: Mapped[str] = mapped_column(String(300))
    board: Mapped[str] = mapped_column(String(20), default="")  # greenhouse, lever, ashby, or none
    board_token: Mapped[str] = mapped_column(String(300), default="")
    keywords: Mapped[list[str]] = mapped_column(default=list)
    reapply_after: Mapped[date | None] = mapped_column(Date)
    last_checked_at: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]


class SeenPostingRow(Base):
    __tablename__ = "seen_postings"
    __table_args__ = (UniqueConstraint("owner_id", "watch_id", "posting_id", name="uq_seen_postings_owner_posting"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    watch_id: Mapped[int] = mapped_column(ForeignKey("watches.id", ondelete="CASCADE"))
    posting_id: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(500), default="")
    url: Mapped[str] = mapped_column(String(1000), default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    matches_keywords: Mapped[bool] = mapped_column(default=True)
    first_seen_at: Mapped[datetime]
    dismissed: Mapped[bool] = mapped_column(default=False)


class JournalEntryRow(Base):
    __tablename__ = "journal_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="journal")  # journal, win, reframe
    mood: Mapped[int | None]
    text: Mapped[str] = mapped_column(Text, default="")
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]


# -- Mail: messages read from the user's mailbox, and where an IMAP sync stopped --------------------------


class MailMessageRow(Base):
    """A job-related message read from mail: only sender, date, subject and its job text are kept.

    The (owner, Message-ID) pair is unique: a message is proposed, applied or dismissed at most once.
    """

    __tablename__ = "mail_messages"
    __table_args__ = (
        UniqueConstraint("owner_id", "message_id"),
        Index("ix_mail_messages_owner_status", "owner_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    message_id: Mapped[str] = mapped_column(String(300))
    sender: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(300), default="")
    sent_at: Mapped[datetime | None]
    text: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(30))
    company: Mapped[str] = mapped_column(String(300), default="")
    role: Mapped[str] = mapped_column(String(300), default="")
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id", ondelete="SET NULL"))
    stage_hint: Mapped[str | None] = mapped_column(String(20))
    interview_at: Mapped[datetime | None]
    thread_ids: Mapped[list[str]] = mapped_column(default=list)
    changes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # the proposal as shown
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending, applied, dismissed
    origin: Mapped[str] = mapped_column(String(20), default="import")  # import, imap, upload
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]


class MailSyncStateRow(Base):
    """How far an IMAP folder has been read: the folder's UIDVALIDITY and the highest UID seen."""

    __tablename__ = "mail_sync_state"
    __table_args__ = (UniqueConstraint("owner_id", "account", "folder"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    account: Mapped[str] = mapped_column(String(300))
    folder: Mapped[str] = mapped_column(String(300))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    synced_at: Mapped[datetime]


# -- The optional AI coach: what a model said, with the model's name ----------------------------------------


class AiResultRow(Base):
    """One AI result (a critique, a second opinion, likely questions, a mock interview) as it was shown.

    `model` names the model that produced it; `content` holds the checked result (what grounding dropped is
    noted in it, never kept). Results about an application or a practice answer go when those go.
    """

    __tablename__ = "ai_results"
    __table_args__ = (Index("ix_ai_results_owner_kind", "owner_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # critique, feedback_opinion, gaps_opinion, questions, interview
    model: Mapped[str] = mapped_column(String(200))
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    practice_answer_id: Mapped[int | None] = mapped_column(ForeignKey("practice_answers.id", ondelete="CASCADE"))
    content: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


# -- multi-user mode: what signs a person in. Not part of their data (never exported, never undone). ------


class WebSessionRow(Base):
    """A signed-in browser. The cookie carries `owner_id.secret`; only the secret's SHA-256 is stored."""

    __tablename__ = "web_sessions"
    __table_args__ = (UniqueConstraint("owner_id", "token_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    seen_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class AccessTokenRow(Base):
    """A personal access token for the JSON API (`Authorization: Bearer …`), stored as its SHA-256."""

    __tablename__ = "access_tokens"
    __table_args__ = (UniqueConstraint("owner_id", "token_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class UndoCopyRow(Base):
    """What a delete removed, kept for the Undo button in the database, so that any worker can undo it."""

    __tablename__ = "undo_copies"
    __table_args__ = (UniqueConstraint("owner_id", "token"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(30))
    label: Mapped[str] = mapped_column(String(300))
    until: Mapped[datetime]
    rows: Mapped[dict[str, Any]]


class SignInFailureRow(Base):
    """An event a rate limit counts (every worker shares them): a failed sign-in per account and per address,
    a coach invitation per inviting account and per account and address (services.rate_limits)."""

    __tablename__ = "sign_in_failures"
    __table_args__ = (Index("ix_sign_in_failures_subject", "scope", "subject", "failed_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scope: Mapped[str] = mapped_column(String(10))  # "account", "address", "invites", "invite_to"
    subject: Mapped[str] = mapped_column(String(300))
    failed_at: Mapped[datetime]


class InvitationRow(Base):
    """An invitation link to create an account; it works once, until it expires."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(300))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class PasswordResetRow(Base):
    """A one-time link an administrator made for the owner to choose a new password; only its SHA-256 is kept.
    The link carries `owner_id.secret`, so it is found by owner first, as a session is."""

    __tablename__ = "password_resets"
    __table_args__ = (UniqueConstraint("owner_id", "token_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class AdminEventRow(Base):
    """The administrators' log: who did what to which account (or invited which address), and when. An account
    deleted later reads "a deleted account" here (its id is cleared); an invitation keeps the address typed."""

    __tablename__ = "admin_events"
    __table_args__ = (Index("ix_admin_events_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime]
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    via: Mapped[str] = mapped_column(String(10))  # "web" (actor_id the administrator) or "cli" (`nextround admin`)
    action: Mapped[str] = mapped_column(String(30))
    target_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    target_email: Mapped[str | None] = mapped_column(String(300))


class ServerSettingRow(Base):
    """A shared server's own set-up saved by its administrators on the Server settings page (the AI coach's address
    and model, the outgoing mail's server and sender). Never a password or key. It belongs to no one."""

    __tablename__ = "server_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime]


# -- coaches: a job seeker (the owner) lets a coach see what they chose to share ----------------------------


class CoachLinkRow(Base):
    """A job seeker's consent for one coach: what is shared, from acceptance until it is withdrawn."""

    __tablename__ = "coach_links"
    # A coach's own look-ups go by coach_id, across owners (migration 0012).
    __table_args__ = (Index("ix_coach_links_coach", "coach_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    coach_email: Mapped[str] = mapped_column(String(300))
    coach_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64))
    shares: Mapped[list[str]]
    created_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    withdrawn_at: Mapped[datetime | None]
    declined_at: Mapped[datetime | None]  # the coach said no (withdrawn_at is set then too: the link is over)


class CoachReadRow(Base):
    """The audit log: every time a coach read something of the job seeker's."""

    __tablename__ = "coach_reads"
    __table_args__ = (Index("ix_coach_reads_owner_time", "owner_id", "read_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    what: Mapped[str] = mapped_column(String(200))
    read_at: Mapped[datetime]


class CoachNoteRow(Base):
    """A coach's comment, or a practice question the coach assigned (`question` set), to the job seeker."""

    __tablename__ = "coach_notes"
    __table_args__ = (Index("ix_coach_notes_owner_time", "owner_id", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    is_question: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    done_at: Mapped[datetime | None]
    # A comment on one application (else general); a reply in a thread; the job seeker's own reply.
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="SET NULL", name="fk_coach_notes_application")
    )
    reply_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("coach_notes.id", ondelete="CASCADE", name="fk_coach_notes_reply_to")
    )
    by_seeker: Mapped[bool] = mapped_column(default=False, server_default=false())
    read_at: Mapped[datetime | None]


# Tables with an owner that hold how a person signs in and whom they let look, not their job search: export,
# import, delete-with-undo and the per-owner snapshot leave them out (storage.snapshot.owned_tables).
ACCOUNT_TABLES = frozenset(
    {"web_sessions", "access_tokens", "undo_copies", "coach_links", "coach_reads", "coach_notes", "password_resets"}
)


def _text_at_the_boundary() -> None:
    """One rule for every table, old and new: String columns become SingleLine, Text Prose, plain Integer
    PortableInteger."""
    for table in Base.metadata.tables.values():
        for column in table.columns:
            current = column.type
            if type(current) is String:
                column.type = SingleLine(current.length)
            elif type(current) is Text:
                column.type = Prose()
            elif type(current) is Integer and not column.primary_key and not column.foreign_keys:
                column.type = PortableInteger()


_text_at_the_boundary()
