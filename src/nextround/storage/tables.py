"""SQLAlchemy 2 typed mappings. Every row a person owns carries `owner_id`.

The schema itself is created and changed only by the Alembic migrations in `storage/migrations`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on SQLite (no zones) and PostgreSQL alike."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to storage; pass an aware datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[str]: JSON()}  # noqa: RUF012


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(150), unique=True)
    created_at: Mapped[datetime]


class ApplicationRow(Base):
    __tablename__ = "applications"
    __table_args__ = (
        Index("ix_applications_owner_stage", "owner_id", "stage"),
        Index("ix_applications_owner_dedupe", "owner_id", "dedupe_key"),
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
    salary_min: Mapped[int | None]
    salary_max: Mapped[int | None]
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
    __table_args__ = (Index("ix_stage_events_app_time", "application_id", "occurred_at"),)

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
