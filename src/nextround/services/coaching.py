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
from datetime import datetime, tzinfo

from sqlalchemy import ColumnElement, delete, func, select, update
from sqlalchemy.orm import Session

from nextround.services.accounts import Account, _digest, normal_email
from nextround.services.caseload import (
    FALLING_BY,
    SILENT_DAYS,
    CaseloadEntry,
    SharedApplication,
    SharedView,
    caseload,
    needs_attention,
    shared_application,
    shared_view,
)
from nextround.services.coach_access import (
    DEFAULT_SHARES,
    MAX_NOTE,
    SHAREABLE,
    CoachingError,
    CoachLink,
    InvitationForAnother,
    _emails,
    _link,
    _live_link,
    _now,
)
from nextround.storage.coaching_snapshot import DELETED_ACCOUNT
from nextround.storage.db import Database
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import CoachLinkRow, CoachNoteRow, CoachReadRow, User

__all__ = [
    "DEFAULT_SHARES",
    "FALLING_BY",
    "MAX_NOTE",
    "SHAREABLE",
    "SILENT_DAYS",
    "CaseloadEntry",
    "CoachInvitation",
    "CoachLink",
    "CoachRead",
    "CoachingError",
    "InvitationForAnother",
    "ReadsGroup",
    "SharedApplication",
    "SharedView",
    "accept",
    "caseload",
    "change_shares",
    "coach_link",
    "coach_links",
    "coaches_anyone",
    "decline",
    "decline_without_account",
    "delete_for_owner",
    "grouped_reads",
    "invitation_for",
    "invitation_needs_account",
    "invite_coach",
    "join_as_coach",
    "mark_declines_seen",
    "needs_attention",
    "reads_log",
    "seeker_of",
    "shared_application",
    "shared_view",
    "unseen_declines",
    "withdraw",
]


@dataclass(frozen=True, slots=True)
class CoachInvitation:
    link: CoachLink
    token: str  # shown once, in the link the job seeker passes on


@dataclass(frozen=True, slots=True)
class CoachRead:
    coach_email: str
    what: str
    read_at: datetime


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
