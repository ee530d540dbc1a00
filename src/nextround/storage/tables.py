"""SQLAlchemy 2 typed mappings. Every row a person owns carries `owner_id`.

The schema itself is created and changed only by the Alembic migrations in `storage/migrations`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

# Every table, gathered here so that `Base.metadata` (Alembic, the tests' schema) holds them all; the names other
# modules import from here, wherever they are declared.
from nextround.storage.account_tables import (
    ACCOUNT_TABLES,
    AccessTokenRow,
    AdminEventRow,
    CoachLinkRow,
    CoachNoteRow,
    CoachReadRow,
    InvitationRow,
    PasswordResetRow,
    ServerSettingRow,
    SignInFailureRow,
    UndoCopyRow,
    WebSessionRow,
)
from nextround.storage.pillar_tables import (
    AiResultRow,
    ApplicationContactRow,
    ContactRow,
    CustomQuestionRow,
    CvRow,
    FeedbackRequestRow,
    FeedbackRow,
    GoalRow,
    InteractionRow,
    InterviewRow,
    JournalEntryRow,
    MailMessageRow,
    MailSyncStateRow,
    PracticeAnswerRow,
    PracticeSessionRow,
    ReflectionRow,
    SeenPostingRow,
    WatchRow,
)
from nextround.storage.table_base import (
    INTEGER_LIMIT,
    LENIENT_SQLITE_TYPES,
    Base,
    NumberOutOfRange,
    PortableInteger,
    Prose,
    SingleLine,
    UTCDateTime,
    strip_controls,
)

__all__ = [
    "ACCOUNT_TABLES",
    "INTEGER_LIMIT",
    "LENIENT_SQLITE_TYPES",
    "AccessTokenRow",
    "AdminEventRow",
    "AiResultRow",
    "ApplicationContactRow",
    "ApplicationRow",
    "Base",
    "CoachLinkRow",
    "CoachNoteRow",
    "CoachReadRow",
    "ContactRow",
    "CustomQuestionRow",
    "CvRow",
    "FeedbackRequestRow",
    "FeedbackRow",
    "GoalRow",
    "InteractionRow",
    "InterviewRow",
    "InvitationRow",
    "JournalEntryRow",
    "MailMessageRow",
    "MailSyncStateRow",
    "NumberOutOfRange",
    "PasswordResetRow",
    "PortableInteger",
    "PracticeAnswerRow",
    "PracticeSessionRow",
    "Prose",
    "ReflectionRow",
    "SeenPostingRow",
    "ServerSettingRow",
    "SignInFailureRow",
    "SingleLine",
    "StageEventRow",
    "UTCDateTime",
    "UndoCopyRow",
    "User",
    "UserSetting",
    "WatchRow",
    "WebSessionRow",
    "strip_controls",
]


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
