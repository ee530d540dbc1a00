"""What a coach sees (multi-user mode): the caseload, everyone who shares with them, those needing attention
first, and one job seeker's shared view or application, read-only. Every read is written to the job seeker's
audit log, and every one passes through a live link of this coach's (services.coach_access)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nextround.domain.applications import Application, ApplicationSummary
from nextround.domain.feedback_requests import FeedbackEntry
from nextround.domain.ghosting import silent_for
from nextround.services.applications import ApplicationService
from nextround.services.coach_access import SHAREABLE, CoachLink, _audit, _emails, _link, _live_link, _now
from nextround.services.keepgoing import JournalEntry
from nextround.services.workspace import Workspace
from nextround.storage.db import Database
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import ApplicationRow, CoachLinkRow, CoachReadRow, PracticeAnswerRow

if TYPE_CHECKING:
    from nextround.services.coach_notes import CoachNote
    from nextround.services.insight import ThemeSummary

SILENT_DAYS = 14
FALLING_BY = 5  # points the latest three practice scores must be below the three before, to count as falling


@dataclass(frozen=True, slots=True)
class CaseloadEntry:
    link_id: int
    seeker_email: str
    shares: tuple[str, ...]
    rejections_this_week: int | None  # None: applications not shared
    silent_days: int | None  # days since the last application change or practice answer; None: nothing shared
    latest_scores: tuple[int, ...]  # newest first, up to six; empty when practice is not shared
    scores_falling: bool
    waiting: int = 0  # threads whose latest message is theirs (a reply, or a request for help)

    @property
    def silent(self) -> bool:
        return self.silent_days is not None and self.silent_days >= SILENT_DAYS


@dataclass(frozen=True, slots=True)
class SharedView:
    """What a coach sees of one job seeker: only the parts shared, read-only."""

    link: CoachLink
    applications: tuple[ApplicationSummary, ...] | None
    feedback: tuple[FeedbackEntry, ...] | None
    themes: tuple[ThemeSummary, ...] | None  # across the search, as the job seeker's Insights page shows them
    practice_scores: tuple[tuple[str, int], ...] | None
    journal: tuple[JournalEntry, ...] | None
    notes: tuple[CoachNote, ...]  # this coach's threads with the job seeker, newest first


@dataclass(frozen=True, slots=True)
class SharedApplication:
    """One shared application as its coach sees it: the stage history, its feedback (when shared) and the
    coach's comments on it."""

    link: CoachLink
    application: Application
    feedback: tuple[FeedbackEntry, ...] | None
    notes: tuple[CoachNote, ...]


def caseload(db: Database, coach_id: int, now: datetime | None = None) -> list[CaseloadEntry]:
    """Everyone who shares with this coach, with who had rejections this week, who has gone quiet, whose
    practice scores are falling and who waits for an answer, those needing attention first. Each entry read is
    written to that job seeker's audit log."""
    now = now or _now()
    with db.read() as session:
        links = session.scalars(
            select(CoachLinkRow)
            .where(
                CoachLinkRow.coach_id == coach_id,
                CoachLinkRow.accepted_at.is_not(None),
                CoachLinkRow.withdrawn_at.is_(None),
            )
            .order_by(CoachLinkRow.id)
        ).all()
        emails = _emails(db, {link.owner_id for link in links})
        entries = [_entry(session, link, emails.get(link.owner_id, ""), now) for link in links]
        from nextround.services.coach_notes import waiting_for_coach

        entries = [
            replace(e, waiting=waiting_for_coach(session, e_link.owner_id, coach_id))
            for e, e_link in zip(entries, links, strict=True)
        ]
    read_at = _now()
    with db.write() as session:  # one transaction for the whole caseload's audit entries
        session.add_all(
            CoachReadRow(owner_id=link.owner_id, coach_id=coach_id, what="caseload summary", read_at=read_at)
            for link in links
        )
    return sorted(entries, key=needs_attention)


def needs_attention(entry: CaseloadEntry) -> tuple[int, int, int, int, str]:
    """Who comes first on the caseload: a message waiting for the coach, then rejections this week, then gone
    silent, then falling practice scores; the rest by address."""
    return (
        -entry.waiting,
        -(entry.rejections_this_week or 0),
        -entry.silent,
        -entry.scores_falling,
        entry.seeker_email,
    )


def _entry(session: Session, link: CoachLinkRow, email: str, now: datetime) -> CaseloadEntry:
    owner = link.owner_id
    shares = tuple(link.shares)
    rejections = None
    moments: list[datetime] = []
    if "applications" in shares:
        rejections = int(
            session.scalar(
                select(func.count()).where(
                    ApplicationRow.owner_id == owner,
                    ApplicationRow.outcome == "rejected",
                    ApplicationRow.closed_at >= now - timedelta(days=7),
                )
            )
            or 0
        )
        last = session.scalar(
            select(func.max(func.coalesce(ApplicationRow.last_activity_at, ApplicationRow.created_at))).where(
                ApplicationRow.owner_id == owner
            )
        )
        moments += [last] if last else []
    scores: tuple[int, ...] = ()
    if "practice" in shares:
        recent = session.execute(
            select(PracticeAnswerRow.score, PracticeAnswerRow.answered_at)
            .where(PracticeAnswerRow.owner_id == owner)
            .order_by(PracticeAnswerRow.answered_at.desc(), PracticeAnswerRow.id.desc())
            .limit(6)
        ).all()
        scores = tuple(int(score) for score, _ in recent)
        moments += [recent[0][1]] if recent else []
    latest = max((m if m.tzinfo else m.replace(tzinfo=UTC) for m in moments), default=None)
    # calendar days in the local zone, as the seeker's own pages count silence (not 24-hour periods)
    silent = silent_for(latest, now.astimezone(), SILENT_DAYS).silent_days if latest else None
    falling = len(scores) == 6 and sum(scores[:3]) / 3 <= sum(scores[3:]) / 3 - FALLING_BY
    return CaseloadEntry(link.id, email, shares, rejections, silent, scores, falling)


def _checked(db: Database, coach_id: int, link_id: int, ws: Workspace) -> CoachLinkRow:
    link = _live_link(db, coach_id, link_id)
    if ws.owner_id != link.owner_id:
        raise NotFoundError(f"no one with id {link_id} on your caseload")
    return link


def shared_view(db: Database, coach_id: int, link_id: int, workspace_of: Workspace) -> SharedView:
    """What the job seeker shares with this coach (read-only), written to their audit log."""
    from nextround.services.coach_notes import coach_threads

    link = _checked(db, coach_id, link_id, workspace_of)
    shares = set(link.shares)
    ws = workspace_of
    applications = feedback = scores = journal = themes = None
    if "applications" in shares:
        applications = tuple(ApplicationService(ws).summaries())
    if "feedback" in shares:
        from nextround.services.feedback_records import list_feedback
        from nextround.services.insight import themes as search_themes

        feedback = tuple(list_feedback(ws))
        themes = search_themes(ws)
    if "practice" in shares:
        from nextround.services.practice_history import score_series

        scores = tuple(score_series(ws))
    if "journal" in shares:
        from nextround.services.keepgoing import list_journal

        journal = tuple(list_journal(ws))
    _audit(db, link.owner_id, coach_id, "shared view: " + ", ".join(s for s in SHAREABLE if s in shares))
    own = tuple(coach_threads(db, coach_id, link.owner_id))
    return SharedView(_link(link, _emails(db, {link.owner_id})), applications, feedback, themes, scores, journal, own)


def shared_application(
    db: Database, coach_id: int, link_id: int, application_id: int, ws: Workspace
) -> SharedApplication:
    """One application of the job seeker's, when applications are shared (else, or if it is not theirs:
    not found), written to their audit log."""
    from nextround.services.coach_notes import coach_threads

    link = _checked(db, coach_id, link_id, ws)
    if "applications" not in link.shares:
        raise NotFoundError(f"no shared application with id {application_id}")
    app = ApplicationService(ws).get(application_id)
    feedback = None
    if "feedback" in link.shares:
        from nextround.services.feedback_records import list_feedback

        feedback = tuple(list_feedback(ws, application_id))
    _audit(db, link.owner_id, coach_id, f"application: {app.fields.role} at {app.fields.company}")
    notes = tuple(coach_threads(db, coach_id, link.owner_id, application_id))
    return SharedApplication(_link(link, _emails(db, {link.owner_id})), app, feedback, notes)
