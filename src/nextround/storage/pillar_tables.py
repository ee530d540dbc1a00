"""The tables of the job search's other pillars: the network, feedback, reflections, CVs, goals, practice, company
watches, the journal, mail read from the user's mailbox, and the AI coach's results. Import them from
storage.tables, which gathers every table and applies the column rules at the boundary.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from nextround.storage.table_base import Base

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
