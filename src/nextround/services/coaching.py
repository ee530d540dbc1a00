"""Coaches with consent (multi-user mode): a job seeker lets a coach look over their shoulder.

The job seeker invites a coach by email address and chooses what to share (applications and stages, feedback
and its themes, practice and progress; the journal only if chosen). The coach, signed in with that address,
accepts the link; from then on the coach can read what is shared, leave comments and assign practice
questions, and sees the job seeker on a caseload page. Consent is checked in the database on every request,
so withdrawing it takes effect at once. Every read by a coach is written to an audit log the job seeker sees.

Rows here belong to the job seeker (owner_id); the coach is `coach_id`. A coach reaches nothing of a job seeker
but through a live link of their own: any other link id answers "not found", whoever owns it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, delete, func, select, update
from sqlalchemy.orm import Session

from nextround.domain.applications import Application, ApplicationSummary
from nextround.domain.feedback_requests import FeedbackEntry
from nextround.domain.ghosting import silent_for
from nextround.errors import UserError
from nextround.services.accounts import Account, _digest, normal_email
from nextround.services.applications import ApplicationService
from nextround.services.keepgoing import JournalEntry
from nextround.services.workspace import Workspace
from nextround.storage.coaching_snapshot import DELETED_ACCOUNT, account_names
from nextround.storage.db import Database
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import (
    ApplicationRow,
    CoachLinkRow,
    CoachNoteRow,
    CoachReadRow,
    PracticeAnswerRow,
    User,
)

if TYPE_CHECKING:
    from nextround.services.coach_notes import CoachNote
    from nextround.services.insight import ThemeSummary

SHAREABLE = ("applications", "feedback", "practice", "journal")
DEFAULT_SHARES = ("applications", "feedback", "practice")  # never the journal unless chosen
SILENT_DAYS = 14
FALLING_BY = 5  # points the latest three practice scores must be below the three before, to count as falling
MAX_NOTE = 4000


class CoachingError(UserError, ValueError):
    """Something about a coaching link that cannot be done as asked."""


class InvitationForAnother(NotFoundError):
    """A live coach invitation opened by someone signed in with another address (the link's holder may sign out
    and sign in, or make the account, with the address it was sent to)."""


@dataclass(frozen=True, slots=True)
class CoachLink:
    id: int
    seeker_email: str
    coach_email: str
    shares: tuple[str, ...]
    created_at: datetime
    accepted: bool
    withdrawn: bool  # the link is over: the job seeker stopped sharing, or the coach declined
    coach_deleted: bool = False  # the coach deleted their account (the link was withdrawn then)
    declined: bool = False  # the coach said no to the invitation (withdrawn too)
    decline_new: bool = False  # declined, and the job seeker has not opened the Sharing page since


@dataclass(frozen=True, slots=True)
class CoachInvitation:
    link: CoachLink
    token: str  # shown once, in the link the job seeker passes on


@dataclass(frozen=True, slots=True)
class CoachRead:
    coach_email: str
    what: str
    read_at: datetime


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


def _now() -> datetime:
    return datetime.now(UTC)


def _emails(db: Database, ids: set[int]) -> dict[int, str]:
    with db.read() as session:
        return account_names(session, ids)


def _link(row: CoachLinkRow, emails: dict[int, str]) -> CoachLink:
    return CoachLink(
        row.id,
        emails.get(row.owner_id, ""),
        row.coach_email,
        tuple(row.shares),
        row.created_at,
        row.accepted_at is not None,
        row.withdrawn_at is not None,
        declined=row.declined_at is not None,
        decline_new=row.declined_at is not None and row.decline_seen_at is None,
    )


# -- the job seeker's side ---------------------------------------------------------------------------------


def invite_coach(db: Database, owner_id: int, email: str, shares: list[str]) -> CoachInvitation:
    address = normal_email(email)
    chosen = tuple(s for s in SHAREABLE if s in shares)
    if not chosen:
        raise CoachingError("choose at least one thing to share", field="shares")
    token = secrets.token_urlsafe(24)
    with db.write() as session:
        if address == session.scalar(select(User.email).where(User.id == owner_id)):
            raise CoachingError("that is your own address: give your coach's", field="email")
        row = session.scalar(
            select(CoachLinkRow).where(
                CoachLinkRow.owner_id == owner_id,
                CoachLinkRow.coach_email == address,
                CoachLinkRow.withdrawn_at.is_(None),
            )
        )
        if row is not None and row.accepted_at is not None:
            raise CoachingError(f"{address} is your coach already: change what they see instead", field="email")
        if row is None:
            row = CoachLinkRow(owner_id=owner_id, coach_email=address, created_at=_now())
            session.add(row)
        # Asked again before accepting (the link lost, a reload of the page): the same link with a new secret,
        # so the coach never gets two, and the older secret stops working.
        row.token_hash = _digest(token)
        row.shares = list(chosen)
        session.flush()
        link = _link(row, _emails(db, {owner_id}))
    return CoachInvitation(link, token)


def coach_links(db: Database, owner_id: int) -> list[CoachLink]:
    with db.read() as session:
        rows = session.scalars(
            select(CoachLinkRow).where(CoachLinkRow.owner_id == owner_id).order_by(CoachLinkRow.id)
        ).all()
    emails = _emails(db, {owner_id} | {r.coach_id for r in rows if r.coach_id is not None})
    return [
        replace(_link(r, emails), coach_deleted=r.coach_id is not None and emails.get(r.coach_id) == DELETED_ACCOUNT)
        for r in rows
    ]


def _unseen_declines(owner_id: int) -> tuple[ColumnElement[bool], ...]:
    row = CoachLinkRow
    return (row.owner_id == owner_id, row.declined_at.is_not(None), row.decline_seen_at.is_(None))


def unseen_declines(db: Database, owner_id: int) -> int:
    """Coaches who declined since the job seeker last opened the Sharing page (new in the navigation)."""
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(CoachLinkRow).where(*_unseen_declines(owner_id))) or 0


def mark_declines_seen(db: Database, owner_id: int) -> None:
    """The Sharing page has shown who declined; no write when nothing is new (the common case)."""
    if unseen_declines(db, owner_id):
        with db.write() as session:
            session.execute(update(CoachLinkRow).where(*_unseen_declines(owner_id)).values(decline_seen_at=_now()))


def coach_link(db: Database, owner_id: int, link_id: int) -> CoachLink:
    """One of the person's coach links (the confirmation before stopping names the coach)."""
    for link in coach_links(db, owner_id):
        if link.id == link_id:
            return link
    raise NotFoundError(f"no coach with id {link_id}")


def coaches_anyone(db: Database, coach_id: int) -> bool:
    """Whether someone shares with this person now (an accepted link not withdrawn): the navigation then
    offers the caseload."""
    with db.read() as session:
        found = session.scalar(
            select(CoachLinkRow.id)
            .where(
                CoachLinkRow.coach_id == coach_id,
                CoachLinkRow.accepted_at.is_not(None),
                CoachLinkRow.withdrawn_at.is_(None),
            )
            .limit(1)
        )
    return found is not None


def withdraw(db: Database, owner_id: int, link_id: int) -> CoachLink:
    """The coach sees nothing more from this moment on (every coach request checks the link)."""
    with db.write() as session:
        row = session.scalar(select(CoachLinkRow).where(CoachLinkRow.owner_id == owner_id, CoachLinkRow.id == link_id))
        if row is None:
            raise NotFoundError(f"no coach with id {link_id}")
        if row.withdrawn_at is None:
            row.withdrawn_at = _now()
        return _link(row, {})


def reads_log(db: Database, owner_id: int, limit: int = 200) -> list[CoachRead]:
    with db.read() as session:
        rows = session.execute(
            select(CoachReadRow.coach_id, CoachReadRow.what, CoachReadRow.read_at)
            .where(CoachReadRow.owner_id == owner_id)
            .order_by(CoachReadRow.read_at.desc(), CoachReadRow.id.desc())
            .limit(limit)
        ).all()
    emails = _emails(db, {r[0] for r in rows})
    return [CoachRead(emails.get(coach, ""), what, at) for coach, what, at in rows]


@dataclass(frozen=True, slots=True)
class ReadsGroup:
    """Looks in a row by one coach at the same thing on one day (a coach opening the caseload every hour reads
    as one line with a count, not a screenful)."""

    coach_email: str
    what: str
    first_at: datetime
    last_at: datetime
    times: int


def grouped_reads(reads: list[CoachRead], zone: tzinfo | None = None) -> list[ReadsGroup]:
    """The audit log (newest first) with each run of the same coach, thing and day in the reader's zone as one
    group; the log itself and the export keep every read."""
    groups: list[ReadsGroup] = []
    for read in reads:
        last = groups[-1] if groups else None
        same_day = last is not None and last.first_at.astimezone(zone).date() == read.read_at.astimezone(zone).date()
        if last is not None and same_day and (last.coach_email, last.what) == (read.coach_email, read.what):
            groups[-1] = ReadsGroup(last.coach_email, last.what, read.read_at, last.last_at, last.times + 1)
        else:
            groups.append(ReadsGroup(read.coach_email, read.what, read.read_at, read.read_at, 1))
    return groups


# -- the coach's side --------------------------------------------------------------------------------------


def _invited(session: Session, coach_id: int, token: str) -> CoachLinkRow:
    coach = session.get(User, coach_id)
    row = session.scalar(
        select(CoachLinkRow).where(CoachLinkRow.token_hash == _digest(token), CoachLinkRow.withdrawn_at.is_(None))
    )
    if row is not None and coach is not None and row.coach_email != (coach.email or "") and row.accepted_at is None:
        raise InvitationForAnother("this coaching invitation was sent to another address than your account's")
    if row is None or coach is None or row.coach_email != (coach.email or ""):
        raise NotFoundError("this coaching link is not valid for your account (withdrawn, or for another address)")
    return row


def invitation_for(db: Database, coach_id: int, token: str) -> CoachLink:
    """The link behind an invitation, only for the coach it was made for (and while it is not withdrawn)."""
    with db.read() as session:
        row = _invited(session, coach_id, token)
        return _link(row, _emails(db, {row.owner_id}))


def accept(db: Database, coach_id: int, token: str) -> CoachLink:
    """The coach, signed in with the invited address, takes up the link."""
    with db.write() as session:
        row = _invited(session, coach_id, token)
        if row.owner_id == coach_id:
            raise CoachingError("you cannot be your own coach")
        row.coach_id = coach_id
        row.accepted_at = row.accepted_at or _now()
        return _link(row, _emails(db, {row.owner_id}))


def decline(db: Database, coach_id: int, token: str) -> CoachLink:
    """The invited coach, signed in with the invited address, says no: the link ends as if withdrawn (its secret
    opens nothing any more) and the job seeker sees that the coach declined. Once accepted it cannot be declined
    (the job seeker stops sharing then)."""
    with db.write() as session:
        row = _invited(session, coach_id, token)
        if row.accepted_at is not None:
            raise CoachingError("you accepted this invitation already, so there is nothing to decline")
        now = _now()
        row.declined_at = now
        row.withdrawn_at = now
        return _link(row, _emails(db, {row.owner_id}))


def decline_without_account(db: Database, token: str) -> None:
    """Someone invited to coach who has no account here says no from the link itself: no account is made
    to refuse. An address with an account signs in to decline (as to accept), so the link alone never
    speaks for an account."""
    with db.write() as session:
        row = _open_invitation(session, token)
        if session.scalar(select(User.id).where(User.email == row.coach_email)) is not None:
            raise CoachingError("there is an account for this address: sign in to decline")
        now = _now()
        row.declined_at = now
        row.withdrawn_at = now


def _open_invitation(session: Session, token: str) -> CoachLinkRow:
    row = session.scalar(
        select(CoachLinkRow).where(CoachLinkRow.token_hash == _digest(token), CoachLinkRow.withdrawn_at.is_(None))
    )
    if row is None:
        raise NotFoundError("this coaching link is not valid (withdrawn, or replaced by a newer one)")
    return row


def invitation_needs_account(db: Database, token: str) -> str | None:
    """For someone not signed in: the invited address, when it has no account on this server yet (they can
    make one with the link); None when it has one (they sign in to accept). Whose invitation it is waits until
    they are signed in with that address."""
    with db.read() as session:
        address = _open_invitation(session, token).coach_email
        taken = session.scalar(select(User.id).where(User.email == address)) is not None
    return None if taken else address


def join_as_coach(db: Database, token: str, password: str, *, time_zone: str | None = None) -> Account:
    """A coach with no account yet: the invitation makes one for the address it was sent to (they then see
    whose it is and accept it, signed in). A job seeker of this server asked for this person by address, so an
    invitation-only server lets them in as it does someone the administrator invited; coach invitations are
    rate-limited, and a withdrawn or replaced link makes nothing."""
    from nextround.services.accounts import AccountError, _account, check_time_zone, hash_password

    hashed = hash_password(password)
    zone = check_time_zone(time_zone) if time_zone else None
    with db.write() as session:
        address = _open_invitation(session, token).coach_email
        if session.scalar(select(User.id).where(User.email == address)) is not None:
            raise AccountError(f"there is already an account for {address}: sign in to accept", field="email")
        user = User(username=address, email=address, password_hash=hashed, time_zone=zone, created_at=_now())
        session.add(user)
        session.flush()
        return _account(user)


def _live_link(db: Database, coach_id: int, link_id: int) -> CoachLinkRow:
    """The link, only while it is this coach's, accepted and not withdrawn; otherwise "not found"."""
    with db.read() as session:
        row = session.scalar(
            select(CoachLinkRow).where(
                CoachLinkRow.id == link_id,
                CoachLinkRow.coach_id == coach_id,
                CoachLinkRow.accepted_at.is_not(None),
                CoachLinkRow.withdrawn_at.is_(None),
            )
        )
    if row is None:
        raise NotFoundError(f"no one with id {link_id} on your caseload")
    return row


def _fits(text: str, limit: int) -> str:
    """The text cut to the column's size with an ellipsis, so a long application title visibly goes on."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _audit(db: Database, owner_id: int, coach_id: int, what: str) -> None:
    with db.write() as session:
        session.add(CoachReadRow(owner_id=owner_id, coach_id=coach_id, what=_fits(what, 200), read_at=_now()))


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
        from nextround.services.feedback import list_feedback
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
        from nextround.services.feedback import list_feedback

        feedback = tuple(list_feedback(ws, application_id))
    _audit(db, link.owner_id, coach_id, f"application: {app.fields.role} at {app.fields.company}")
    notes = tuple(coach_threads(db, coach_id, link.owner_id, application_id))
    return SharedApplication(_link(link, _emails(db, {link.owner_id})), app, feedback, notes)


def change_shares(db: Database, owner_id: int, link_id: int, shares: list[str]) -> CoachLink:
    """What a coach may see from now on (their next request sees the change)."""
    chosen = tuple(s for s in SHAREABLE if s in shares)
    with db.write() as session:
        row = session.scalar(select(CoachLinkRow).where(CoachLinkRow.owner_id == owner_id, CoachLinkRow.id == link_id))
        if row is None or row.withdrawn_at is not None:
            raise NotFoundError(f"no coach with id {link_id}")
        if not chosen:
            raise CoachingError("choose at least one thing to share (or stop sharing)", field="shares")
        row.shares = list(chosen)
        return _link(row, _emails(db, {owner_id}))


def seeker_of(db: Database, coach_id: int, link_id: int) -> int:
    """The job seeker behind a live link of this coach's (for their read-only workspace)."""
    return _live_link(db, coach_id, link_id).owner_id


def delete_for_owner(session: object, owner_id: int) -> bool:
    """Used when an account goes: everything it holds as a job seeker (links, reads, notes). What it did as a
    coach is in other people's records (when it looked, what it wrote): those stay, its links are withdrawn,
    and True says the account must stay as a row with nothing of the person's, shown as "a deleted account"."""
    assert isinstance(session, Session)
    coaches = set(session.scalars(select(CoachLinkRow.coach_id).where(CoachLinkRow.owner_id == owner_id)))
    coaches |= set(session.scalars(select(CoachReadRow.coach_id).where(CoachReadRow.owner_id == owner_id)))
    for table in (CoachNoteRow, CoachReadRow, CoachLinkRow):
        session.execute(delete(table).where(table.owner_id == owner_id))
    _forget_deleted_coaches(session, {c for c in coaches if c is not None})
    session.execute(
        update(CoachLinkRow)
        .where(CoachLinkRow.coach_id == owner_id, CoachLinkRow.withdrawn_at.is_(None))
        .values(withdrawn_at=_now())
    )
    return any(
        session.scalar(select(table.id).where(table.coach_id == owner_id).limit(1)) is not None
        for table in (CoachLinkRow, CoachReadRow, CoachNoteRow)
    )


def _forget_deleted_coaches(session: Session, coach_ids: set[int]) -> None:
    """A deleted coach's row goes once no one's records point at it any more."""
    for coach_id in coach_ids:
        user = session.get(User, coach_id)
        if user is None or user.email is not None or user.disabled_at is None:
            continue  # a live (or merely disabled) account
        if not any(
            session.scalar(select(table.id).where(table.coach_id == coach_id).limit(1)) is not None
            for table in (CoachLinkRow, CoachReadRow, CoachNoteRow)
        ):
            session.delete(user)
