"""Test-only inserts for rows other pillars own (interviews, feedback requests, goals, practice, postings)."""

from __future__ import annotations

from datetime import date, datetime

from nextround.services.workspace import Workspace
from nextround.storage.tables import (
    FeedbackRequestRow,
    GoalRow,
    InterviewRow,
    PracticeAnswerRow,
    SeenPostingRow,
    WatchRow,
)


def add_interview(
    ws: Workspace,
    application_id: int,
    scheduled_at: datetime,
    *,
    duration_minutes: int | None = 60,
    interviewers: list[str] | None = None,
    location: str = "",
    kind: str = "technical",
) -> int:
    with ws.db.write() as session:
        row = InterviewRow(
            owner_id=ws.owner_id,
            application_id=application_id,
            round=1,
            kind=kind,
            scheduled_at=scheduled_at,
            duration_minutes=duration_minutes,
            location=location,
            interviewers=interviewers or [],
            notes="",
            created_at=ws.now(),
        )
        session.add(row)
        session.flush()
        return row.id


def add_sent_feedback_request(ws: Workspace, application_id: int, sent_at: datetime) -> int:
    with ws.db.write() as session:
        row = FeedbackRequestRow(
            owner_id=ws.owner_id,
            application_id=application_id,
            subject="Feedback?",
            body="Could you share feedback?",
            status="sent",
            drafted_at=sent_at,
            sent_at=sent_at,
        )
        session.add(row)
        session.flush()
        return row.id


def add_goal(ws: Workspace, title: str, due_on: date) -> int:
    with ws.db.write() as session:
        row = GoalRow(owner_id=ws.owner_id, title=title, due_on=due_on, status="open", created_at=ws.now())
        session.add(row)
        session.flush()
        return row.id


def add_practice_answer(ws: Workspace, key: str, score: int, answered_at: datetime) -> None:
    with ws.db.write() as session:
        session.add(
            PracticeAnswerRow(
                owner_id=ws.owner_id,
                question_key=key,
                question_text="Tell me about a time...",
                answer="I did a thing.",
                score=score,
                answered_at=answered_at,
            )
        )


def add_posting(
    ws: Workspace,
    company: str,
    title: str,
    first_seen_at: datetime,
    *,
    url: str = "",
    location: str = "",
    posting_id: str = "p1",
) -> int:
    """A watch on `company` and one matching posting first seen at `first_seen_at` (a new opening)."""
    with ws.db.write() as session:
        watch = WatchRow(owner_id=ws.owner_id, company=company, board="greenhouse", created_at=ws.now())
        session.add(watch)
        session.flush()
        posting = SeenPostingRow(
            owner_id=ws.owner_id,
            watch_id=watch.id,
            posting_id=posting_id,
            title=title,
            url=url,
            location=location,
            first_seen_at=first_seen_at,
        )
        session.add(posting)
        session.flush()
        return posting.id
