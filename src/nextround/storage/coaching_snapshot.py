"""The coaching part of a person's JSON export (multi-user mode), and what an import restores of it.

Exported: the person's coaches (address, what is shared, when it was given, accepted, withdrawn, declined; never the
invitation's secret), every comment, assigned question and reply with its application, the audit log of the
coaches' reads, and the people the person coaches. An import creates none of it: anyone can write a file
saying "adviser@uni wrote this", so comments, questions, replies and audit entries are never planted in an
account as if a coach of this server had written them; the import report says how many were left out. A
restore into the same account keeps the comments the server still holds, each on its application again.
Consent is never restored either: a file cannot give anyone access, so a coach is invited again.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nextround.storage.tables import CoachLinkRow, CoachNoteRow, CoachReadRow, User

MAX_TEXT = 4000  # services.coaching.MAX_NOTE
MAX_WHAT = 200


class CoachingSnapshotError(ValueError):
    """The coaching part of an export that cannot be read as written (a one-line message)."""


def _moment(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


# How a coach whose account was deleted is named in the records their job seekers keep (services.accounts keeps
# such an account as a row with no address, password or sign-in while those records point at it).
DELETED_ACCOUNT = "a deleted account"


def account_names(session: Session, ids: set[int]) -> dict[int, str]:
    """Each account's address (the local user's name), or DELETED_ACCOUNT for one that was deleted."""
    if not ids:
        return {}
    rows = session.execute(select(User.id, User.email, User.username, User.disabled_at).where(User.id.in_(ids))).all()
    return {uid: email or (DELETED_ACCOUNT if gone else name) for uid, email, name, gone in rows}


_emails = account_names


def dump_coaching(session: Session, owner_id: int) -> dict[str, list[dict[str, Any]]]:
    links = session.scalars(
        select(CoachLinkRow).where(CoachLinkRow.owner_id == owner_id).order_by(CoachLinkRow.id)
    ).all()
    notes = session.scalars(
        select(CoachNoteRow).where(CoachNoteRow.owner_id == owner_id).order_by(CoachNoteRow.id)
    ).all()
    reads = session.scalars(
        select(CoachReadRow).where(CoachReadRow.owner_id == owner_id).order_by(CoachReadRow.id)
    ).all()
    coached = session.scalars(
        select(CoachLinkRow).where(CoachLinkRow.coach_id == owner_id).order_by(CoachLinkRow.id)
    ).all()
    emails = _emails(session, {n.coach_id for n in notes} | {r.coach_id for r in reads} | {c.owner_id for c in coached})
    return {
        "coaches": [
            {
                "coach_email": link.coach_email,
                "shares": list(link.shares),
                "created_at": _moment(link.created_at),
                "accepted_at": _moment(link.accepted_at),
                "withdrawn_at": _moment(link.withdrawn_at),
                "declined_at": _moment(link.declined_at),
            }
            for link in links
        ],
        "comments": [
            {
                "id": note.id,
                "coach_email": emails.get(note.coach_id, ""),
                "application_id": note.application_id,
                "reply_to_id": note.reply_to_id,
                "by_seeker": note.by_seeker,
                "is_question": note.is_question,
                "text": note.text,
                "created_at": _moment(note.created_at),
                "read_at": _moment(note.read_at),
                "done_at": _moment(note.done_at),
            }
            for note in notes
        ],
        "audit_log": [
            {"coach_email": emails.get(read.coach_id, ""), "what": read.what, "read_at": _moment(read.read_at)}
            for read in reads
        ],
        "coaching": [
            {
                "seeker_email": emails.get(link.owner_id, ""),
                "shares": list(link.shares),
                "accepted_at": _moment(link.accepted_at),
                "withdrawn_at": _moment(link.withdrawn_at),
            }
            for link in coached
        ],
    }


# -- import -------------------------------------------------------------------------------------------


def _list(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    items = data.get(key, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise CoachingSnapshotError(f"coaching.{key} must be a list of objects")
    return items


def _text(item: Mapping[str, Any], key: str, where: str, limit: int) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise CoachingSnapshotError(f"{where}: {key} must be text of 1 to {limit} characters")
    return value


def _when(item: Mapping[str, Any], key: str, where: str) -> datetime | None:
    return None if item.get(key) is None else _moment_of(item, key, where)


def _moment_of(item: Mapping[str, Any], key: str, where: str) -> datetime:
    value = item.get(key)
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise CoachingSnapshotError(f"{where}: {key} is not a date and time ({str(value)[:30]!r})") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _accounts(session: Session, addresses: set[str]) -> dict[str, int]:
    if not addresses:
        return {}
    rows = session.execute(select(User.email, User.id).where(User.email.in_(addresses))).all()
    return {email: uid for email, uid in rows if email}


def load_coaching(session: Session, owner_id: int, data: Mapping[str, Any], application_ids: Mapping[Any, int]) -> int:
    """Check the coaching part and give back to the comments already in this account their applications
    (a restore deletes and re-inserts every application); returns how many comments and audit-log entries of
    the file were left out. A file is anyone's to write, so nothing in it becomes a comment or a read that
    looks as if a coach of this server wrote it: only rows this server already holds are kept."""
    comments, reads = _list(data, "comments"), _list(data, "audit_log")
    _list(data, "coaches")  # kept for the record only, but still a list
    coaches = _accounts(
        session, {str(item.get("coach_email", "")).strip().lower() for item in [*comments, *reads]} - {""}
    )
    existing = {
        (row.coach_id, row.created_at, row.text): row
        for row in session.scalars(select(CoachNoteRow).where(CoachNoteRow.owner_id == owner_id))
    }
    left_out = 0
    for n, item in enumerate(comments, start=1):
        where = f"coaching.comments row {n}"
        text = _text(item, "text", where, MAX_TEXT)
        created = _moment_of(item, "created_at", where)
        for key in ("read_at", "done_at"):
            _when(item, key, where)  # still checked: a damaged file is refused whole
        coach = coaches.get(str(item.get("coach_email", "")).strip().lower())
        found = existing.get((coach, created, text)) if coach is not None and coach != owner_id else None
        if found is None:
            left_out += 1
            continue
        if item.get("application_id") is not None:
            found.application_id = found.application_id or application_ids.get(item.get("application_id"))
    seen = {
        (coach, what, at)
        for coach, what, at in session.execute(
            select(CoachReadRow.coach_id, CoachReadRow.what, CoachReadRow.read_at).where(
                CoachReadRow.owner_id == owner_id
            )
        )
    }
    for n, item in enumerate(reads, start=1):
        where = f"coaching.audit_log row {n}"
        what = _text(item, "what", where, MAX_WHAT)
        moment = _moment_of(item, "read_at", where)
        coach = coaches.get(str(item.get("coach_email", "")).strip().lower())
        left_out += (coach, what, moment) not in seen
    return left_out
