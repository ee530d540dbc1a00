"""Accounts for multi-user mode: passwords, sessions, access tokens, sign-in limits, invitations, deletion.

Everything lives in the database, so any number of server processes share it: a session made by one worker is
honoured by the next, and the sign-in limits count failures across all of them.

- Passwords are hashed with argon2id (argon2-cffi's defaults); nothing else about a password is kept.
- A session cookie and an access token carry the owner's id and a random secret (`7.s3cr3t`,
  `nrt_7_s3cr3t`); only the secret's SHA-256 is stored, and every lookup is by owner first (the shape a
  database sharded by owner wants). A session has its own CSRF token; signing in always makes a new session.
- Sign-in failures are counted per account and per address over a window; past the limit, sign-in is refused
  without checking the password, and the answer says when to try again.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sqlalchemy import delete, select, update

from nextround.errors import UserError
from nextround.services import rate_limits
from nextround.services.rate_limits import Limit
from nextround.storage.db import Database
from nextround.storage.reads import NotFoundError
from nextround.storage.snapshot import delete_owner
from nextround.storage.tables import (
    AccessTokenRow,
    InvitationRow,
    PracticeAnswerRow,
    UndoCopyRow,
    User,
    UserSetting,
    WebSessionRow,
)

if TYPE_CHECKING:
    from argon2 import PasswordHasher
    from sqlalchemy.orm import Session

SESSION_DAYS = 14
SEEN_EVERY = timedelta(minutes=10)  # how stale `seen_at`/`last_used_at` may get before a request writes it
FAILURE_WINDOW = timedelta(minutes=15)
ACCOUNT_FAILURES = 5  # wrong passwords per account per window
ADDRESS_FAILURES = 30  # failed sign-ins per client address per window (many accounts from one place)
ACCOUNT_LIMIT = Limit("account", ACCOUNT_FAILURES, FAILURE_WINDOW, "failed sign-ins")
ADDRESS_LIMIT = Limit("address", ADDRESS_FAILURES, FAILURE_WINDOW, "failed sign-ins")
INVITATION_DAYS = 7
PASSWORD_MIN = 10
PASSWORD_MAX = 1000
TOKEN_PREFIX = "nrt_"
# argon2id costs for new hashes (argon2-cffi's defaults, RFC 9106's second recommendation); a hash keeps the
# costs it was made with, so raising these later only affects new passwords. Tests lower them to stay quick.
HASH_COSTS = {"time_cost": 3, "memory_cost": 65536, "parallelism": 4}


class AccountError(UserError, ValueError):
    """Something about an account that cannot be done as asked."""


class SignInRefused(UserError):
    """Wrong address or password, or a disabled account: one message for all, so it tells nobody which."""


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    email: str
    time_zone: str | None
    disabled: bool
    is_admin: bool = False


@dataclass(frozen=True, slots=True)
class SignedIn:
    """A new session: the cookie value (shown to the browser once) and the session's CSRF token."""

    owner_id: int
    cookie: str
    csrf_token: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class Caller:
    """Who a request comes from: found by its session cookie or its access token."""

    owner_id: int
    time_zone: str | None
    data_version: int
    session_id: int | None = None  # None for an access token
    csrf_token: str | None = None
    is_admin: bool = False


@dataclass(frozen=True, slots=True)
class NewToken:
    """A personal access token as made: `token` is shown this once and never again."""

    id: int
    name: str
    token: str


@dataclass(frozen=True, slots=True)
class TokenInfo:
    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None
    revoked: bool


@dataclass(frozen=True, slots=True)
class Invitation:
    email: str
    token: str
    expires_at: datetime


def _now() -> datetime:
    return datetime.now(UTC)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def hash_password(password: str) -> str:
    check_password(password)
    return _hasher().hash(password)


def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    costs = HASH_COSTS
    return PasswordHasher(  # argon2id
        time_cost=costs["time_cost"], memory_cost=costs["memory_cost"], parallelism=costs["parallelism"]
    )


def _verify(stored: str | None, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    hasher = _hasher()
    if stored is None:
        hasher.hash(password)  # the same work as a real check, so timing does not tell which addresses exist
        return False
    try:
        return hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def check_password(password: str) -> None:
    if len(password) < PASSWORD_MIN:
        raise AccountError(f"choose a password of at least {PASSWORD_MIN} characters", field="password")
    if len(password) > PASSWORD_MAX:
        raise AccountError(f"a password can be at most {PASSWORD_MAX} characters", field="password")


def normal_email(email: str) -> str:
    address = email.strip().lower()
    local, at, domain = address.partition("@")
    if not (at and local and "." in domain) or len(address) > 300 or any(c.isspace() for c in address):
        raise AccountError(f"{email.strip()[:80]!r} is not an email address", field="email")
    return address


def check_time_zone(name: str) -> str:
    """The zone's own name from what a person types: `Europe/London`, `europe/london`, or a city alone
    (`Tokyo`, `new york`) when exactly one zone is named after it."""
    typed = name.strip()
    try:
        ZoneInfo(typed)
        return typed
    except (ZoneInfoNotFoundError, ValueError):
        pass
    wanted = "_".join(typed.split()).casefold()
    known = available_timezones() if wanted else set()
    found = sorted(zone for zone in known if zone.casefold() == wanted)
    if not found:
        found = sorted(zone for zone in known if zone.rpartition("/")[2].casefold() == wanted)
    if found and len({_offsets(zone) for zone in found}) == 1:
        # One zone under several names (`America/Buenos_Aires` is an old name of `America/Argentina/Buenos_Aires`):
        # the longest is tzdata's own.
        return max(found, key=lambda zone: (zone.count("/"), zone))
    guess = f"did you mean {' or '.join(found[:3])}?" if found else "for example Europe/London, or a city: Tokyo"
    raise AccountError(f"unknown time zone {typed[:60]!r} ({guess})", field="time_zone")


def _offsets(zone: str) -> tuple[timedelta | None, ...]:
    """A zone's offsets from UTC in winter and summer: two names with the same are, for a person, one zone."""
    year = datetime.now(UTC).year
    return tuple(datetime(year, month, 1, 12, tzinfo=ZoneInfo(zone)).utcoffset() for month in (1, 7))


def _account(user: User) -> Account:
    return Account(user.id, user.email or user.username, user.time_zone, user.disabled_at is not None, user.is_admin)


def _user_by_email(session: object, email: str) -> User | None:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    return session.scalar(select(User).where(User.email == email))


# -- accounts (the administrator's commands and invitations) ---------------------------------------------


def create_user(db: Database, email: str, password: str, *, time_zone: str | None = None) -> Account:
    address, hashed = normal_email(email), hash_password(password)  # checked and hashed before the lock
    zone = check_time_zone(time_zone) if time_zone else None
    with db.write() as session:
        return _account(new_user(session, address, hashed, time_zone=zone))


def new_user(session: Session, address: str, password_hash: str, *, time_zone: str | None = None) -> User:
    """Add an account (address normalised, password hashed, zone checked) inside the caller's transaction, so
    one that does more with it keeps all of it or nothing."""
    if _user_by_email(session, address) is not None:
        raise AccountError(f"there is already an account for {address}", field="email")
    user = User(username=address, email=address, password_hash=password_hash, time_zone=time_zone, created_at=_now())
    session.add(user)
    session.flush()
    return user


def claim_local(db: Database, email: str, password: str) -> Account:
    """Give the single-user installation's owner (and all its data) an address and a password."""
    address, hashed = normal_email(email), hash_password(password)
    owner_id = db.local_user_id()
    with db.write() as session:
        return _account(claim_local_user(session, owner_id, address, hashed))


def claim_local_user(session: Session, owner_id: int, address: str, password_hash: str) -> User:
    """`claim_local` inside the caller's transaction."""
    from nextround.storage.schema import LOCAL_USERNAME

    if _user_by_email(session, address) is not None:
        raise AccountError(f"there is already an account for {address}", field="email")
    user = session.get(User, owner_id)
    assert user is not None and user.username == LOCAL_USERNAME
    user.email, user.password_hash = address, password_hash
    return user


def _existing(session: object, email: str) -> User:
    user = _user_by_email(session, normal_email(email))
    if user is None:
        raise NotFoundError(f"no account for {email.strip()[:80]}")
    return user


def account_exists(db: Database, email: str) -> bool:
    with db.read() as session:
        return _user_by_email(session, normal_email(email)) is not None


def find_account(db: Database, email: str) -> Account:
    with db.read() as session:
        return _account(_existing(session, email))


def reset_password(db: Database, email: str, password: str) -> Account:
    """A new password; every session of the account ends (whoever knew the old one is signed out)."""
    hashed = hash_password(password)
    with db.write() as session:
        user = _existing(session, email)
        user.password_hash = hashed
        _revoke_sessions(session, user.id)
        return _account(user)


def disable_user(db: Database, email: str) -> Account:
    """The account can no longer sign in; its sessions and access tokens stop working at once (the command line's
    act: services.administration.set_disabled)."""
    from nextround.services.administration import set_disabled

    return set_disabled(db, None, find_account(db, email).id, disabled=True)


def set_time_zone(db: Database, owner_id: int, time_zone: str) -> Account:
    zone = check_time_zone(time_zone)
    with db.write() as session:
        user = session.get(User, owner_id)
        if user is None:
            raise NotFoundError("no such account")
        user.time_zone = zone
        return _account(user)


def get_account(db: Database, owner_id: int) -> Account:
    with db.read() as session:
        user = session.get(User, owner_id)
        if user is None:
            raise NotFoundError("no such account")
        return _account(user)


def delete_account(db: Database, owner_id: int, password: str, recordings: Path | None = None) -> Account:
    """The account and every row it owns, in one transaction (after the password is given again); then the
    recordings of its spoken answers that were kept in the folder `recordings`."""
    with db.write() as session:
        user = session.get(User, owner_id)
        if user is None:
            raise NotFoundError("no such account")
        if not _verify(user.password_hash, password):
            raise AccountError("that is not your password", field="password")
        from nextround.services.administration import keep_an_administrator

        keep_an_administrator(session, user, "delete your account")
        gone = _account(user)
        kept_audio = session.scalars(
            select(PracticeAnswerRow.audio_file).where(
                PracticeAnswerRow.owner_id == owner_id, PracticeAnswerRow.audio_file.is_not(None)
            )
        ).all()
        delete_owner(session, owner_id)
        from nextround.services.coaching import delete_for_owner

        coached_someone = delete_for_owner(session, owner_id)
        for table in (WebSessionRow, AccessTokenRow, UndoCopyRow, UserSetting):
            session.execute(delete(table).where(table.owner_id == owner_id))
        if coached_someone:
            # Their job seekers' records of who looked and what was said stay: the row stays with nothing of
            # the person (no address, password or sign-in) and reads "a deleted account" there.
            user.email = user.password_hash = user.time_zone = None
            user.username, user.disabled_at = f"deleted-{user.id}", _now()
        else:
            session.delete(user)
    if recordings is not None:  # after the commit: a failed delete keeps both rows and files
        for name in kept_audio:
            if name and Path(name).name == name:  # a bare file name, never a path out of the folder
                (recordings / name).unlink(missing_ok=True)
    return gone


def invite(db: Database, email: str, *, days: int = INVITATION_DAYS) -> Invitation:
    address = normal_email(email)
    if not 1 <= days <= 90:
        raise AccountError("an invitation lasts between 1 and 90 days", field="days")
    with db.write() as session:
        return add_invitation(session, address, days, _now())


def add_invitation(session: Session, address: str, days: int, now: datetime) -> Invitation:
    """An invitation for a checked address, in the caller's transaction."""
    if _user_by_email(session, address) is not None:
        raise AccountError(f"there is already an account for {address}", field="email")
    token = secrets.token_urlsafe(24)
    expires = now + timedelta(days=days)
    # Invited again (a lost link, a mistyped email): only the newest link works, as a coach's invitation.
    session.execute(
        update(InvitationRow)
        .where(InvitationRow.email == address, InvitationRow.used_at.is_(None), InvitationRow.expires_at > now)
        .values(expires_at=now)
    )
    session.add(InvitationRow(email=address, token_hash=_digest(token), created_at=now, expires_at=expires))
    return Invitation(address, token, expires)


def open_invitation(db: Database, token: str) -> Invitation:
    """The invitation behind a link, while it can still be used."""
    with db.read() as session:
        row = session.scalar(select(InvitationRow).where(InvitationRow.token_hash == _digest(token)))
    if row is None or row.used_at is not None or row.expires_at <= _now():
        raise NotFoundError("this invitation link is not valid (used already, or expired): ask for a new one")
    return Invitation(row.email, "", row.expires_at)


def accept_invitation(db: Database, token: str, password: str, *, time_zone: str | None = None) -> Account:
    """Create the invited account; the link then stops working (one transaction, so it works only once)."""
    hashed = hash_password(password)
    zone = check_time_zone(time_zone) if time_zone else None
    now = _now()
    with db.write() as session:
        taken = session.execute(
            update(InvitationRow)
            .where(
                InvitationRow.token_hash == _digest(token),
                InvitationRow.used_at.is_(None),
                InvitationRow.expires_at > now,
            )
            .values(used_at=now)
            .returning(InvitationRow.email)
        ).scalar()
        if taken is None:
            raise NotFoundError("this invitation link is not valid (used already, or expired): ask for a new one")
        if _user_by_email(session, taken) is not None:
            raise AccountError(f"there is already an account for {taken}", field="email")
        user = User(username=taken, email=taken, password_hash=hashed, time_zone=zone, created_at=now)
        session.add(user)
        session.flush()
        return _account(user)


# -- signing in ------------------------------------------------------------------------------------------


def sign_in(db: Database, email: str, password: str, *, address: str, replaces: str | None = None) -> SignedIn:
    """A new session for the right address and password; `replaces` (the browser's old cookie) ends."""
    subject = email.strip().lower()[:300]
    now = _now()
    with db.read() as session:
        rate_limits.check(session, ACCOUNT_LIMIT, subject, now)
        rate_limits.check(session, ADDRESS_LIMIT, address, now)
        user = session.scalar(select(User).where(User.email == subject))
    good = _verify(user.password_hash if user else None, password)
    if user is None or not good or user.disabled_at is not None:
        with db.write() as session:
            rate_limits.record(session, ACCOUNT_LIMIT.scope, subject, now)
            rate_limits.record(session, ADDRESS_LIMIT.scope, address, now)
        raise SignInRefused("wrong email address or password")
    if replaces:
        end_session(db, replaces)
    return _new_session(db, user.id, now)


def _new_session(db: Database, owner_id: int, now: datetime) -> SignedIn:
    secret = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    expires = now + timedelta(days=SESSION_DAYS)
    with db.write() as session:
        session.add(
            WebSessionRow(
                owner_id=owner_id,
                token_hash=_digest(secret),
                csrf_token=csrf,
                created_at=now,
                seen_at=now,
                expires_at=expires,
            )
        )
        session.execute(update(User).where(User.id == owner_id).values(last_sign_in_at=now))
    return SignedIn(owner_id, f"{owner_id}.{secret}", csrf, expires)


def sign_up(db: Database, email: str, password: str, *, time_zone: str | None = None) -> Account:
    """Open sign-up (only when the server allows it): the same as an account made by the administrator."""
    return create_user(db, email, password, time_zone=time_zone)


def _split(value: str, separator: str) -> tuple[int, str] | None:
    owner, _, secret = value.partition(separator)
    if not owner.isdigit() or not secret or len(owner) > 12:
        return None
    return int(owner), secret


def caller_by_session(db: Database, cookie: str) -> Caller | None:
    """Who holds this session cookie, while the session is live and the account enabled."""
    parts = _split(cookie, ".")
    if parts is None:
        return None
    owner_id, secret = parts
    now = _now()
    with db.read() as session:
        found = session.execute(
            select(
                WebSessionRow.id,
                WebSessionRow.csrf_token,
                WebSessionRow.seen_at,
                User.time_zone,
                User.data_version,
                User.is_admin,
            )
            .join(User, User.id == WebSessionRow.owner_id)
            .where(
                WebSessionRow.owner_id == owner_id,
                WebSessionRow.token_hash == _digest(secret),
                WebSessionRow.revoked_at.is_(None),
                WebSessionRow.expires_at > now,
                User.disabled_at.is_(None),
            )
        ).first()
    if found is None:
        return None
    session_id, csrf, seen_at, zone, version, is_admin = found
    if now - seen_at > SEEN_EVERY:
        with db.write() as session:
            mine = (WebSessionRow.owner_id == owner_id, WebSessionRow.id == session_id)  # the key on PostgreSQL
            session.execute(update(WebSessionRow).where(*mine).values(seen_at=now))
    return Caller(owner_id, zone, version, session_id, csrf, is_admin)


def end_session(db: Database, cookie: str) -> None:
    parts = _split(cookie, ".")
    if parts is None:
        return
    owner_id, secret = parts
    with db.write() as session:
        session.execute(
            update(WebSessionRow)
            .where(WebSessionRow.owner_id == owner_id, WebSessionRow.token_hash == _digest(secret))
            .values(revoked_at=_now())
        )


def _revoke_sessions(session: object, owner_id: int) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    session.execute(
        update(WebSessionRow)
        .where(WebSessionRow.owner_id == owner_id, WebSessionRow.revoked_at.is_(None))
        .values(revoked_at=_now())
    )


def sign_out_everywhere(db: Database, owner_id: int) -> None:
    """Every session of the account ends, on every device (access tokens are revoked one by one)."""
    with db.write() as session:
        _revoke_sessions(session, owner_id)


# -- personal access tokens ------------------------------------------------------------------------------


def create_token(db: Database, owner_id: int, name: str) -> NewToken:
    label = " ".join(name.split())[:100]
    if not label:
        raise AccountError("give the token a name, so you know later what uses it", field="name")
    secret = secrets.token_urlsafe(32)
    with db.write() as session:
        row = AccessTokenRow(owner_id=owner_id, name=label, token_hash=_digest(secret), created_at=_now())
        session.add(row)
        session.flush()
        return NewToken(row.id, label, f"{TOKEN_PREFIX}{owner_id}_{secret}")


def list_tokens(db: Database, owner_id: int) -> list[TokenInfo]:
    with db.read() as session:
        rows = session.scalars(
            select(AccessTokenRow).where(AccessTokenRow.owner_id == owner_id).order_by(AccessTokenRow.id)
        ).all()
    return [TokenInfo(r.id, r.name, r.created_at, r.last_used_at, r.revoked_at is not None) for r in rows]


def revoke_token(db: Database, owner_id: int, token_id: int) -> TokenInfo:
    with db.write() as session:
        row = session.scalar(
            select(AccessTokenRow).where(AccessTokenRow.owner_id == owner_id, AccessTokenRow.id == token_id)
        )
        if row is None:
            raise NotFoundError(f"no access token with id {token_id}")
        if row.revoked_at is None:
            row.revoked_at = _now()
        return TokenInfo(row.id, row.name, row.created_at, row.last_used_at, True)


def caller_by_token(db: Database, token: str) -> Caller | None:
    """Who holds this access token, while it is not revoked and the account enabled."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    parts = _split(token.removeprefix(TOKEN_PREFIX), "_")
    if parts is None:
        return None
    owner_id, secret = parts
    now = _now()
    with db.read() as session:
        found = session.execute(
            select(AccessTokenRow.id, AccessTokenRow.last_used_at, User.time_zone, User.data_version)
            .join(User, User.id == AccessTokenRow.owner_id)
            .where(
                AccessTokenRow.owner_id == owner_id,
                AccessTokenRow.token_hash == _digest(secret),
                AccessTokenRow.revoked_at.is_(None),
                User.disabled_at.is_(None),
            )
        ).first()
    if found is None:
        return None
    token_id, used_at, zone, version = found
    if used_at is None or now - used_at > SEEN_EVERY:
        with db.write() as session:
            mine = (AccessTokenRow.owner_id == owner_id, AccessTokenRow.id == token_id)  # the key on PostgreSQL
            session.execute(update(AccessTokenRow).where(*mine).values(last_used_at=now))
    return Caller(owner_id, zone, version)


def bump_data_version(db: Database, owner_id: int) -> None:
    """Something of this owner's changed: every worker's cached views of it are stale now."""
    with db.write() as session:
        session.execute(update(User).where(User.id == owner_id).values(data_version=User.data_version + 1))


def data_version(db: Database, owner_id: int) -> int:
    with db.read() as session:
        return int(session.scalar(select(User.data_version).where(User.id == owner_id)) or 0)
