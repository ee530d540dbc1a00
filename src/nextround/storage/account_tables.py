"""The tables of multi-user mode: what signs a person in, invitations and password resets, the administrators'
log and the server's settings, and coaches. Not part of a person's job search. Import them from storage.tables,
which gathers every table and applies the column rules at the boundary.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from nextround.storage.table_base import Base

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
    decline_seen_at: Mapped[datetime | None]  # the job seeker opened the Sharing page since (until then: "new")


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
