"""Administering a shared server: who may, the accounts and open invitations, invitations by the list, disabling
and enabling, the administrator role, one-time links to set a new password, and the log of all of it.

The browser's Accounts page and the `nextround admin` commands both call these. An act from the browser names
its administrator (`actor_id`), checked inside the same transaction that makes the change, so a role revoked a
moment ago stops the next act; the command line (`actor_id=None`) runs on the server itself with the database's
credentials, which is how the first administrator is made. The server always keeps one enabled administrator.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.orm import Session, aliased

from nextround.errors import UserError
from nextround.services import accounts
from nextround.services.accounts import Account, AccountError, Invitation
from nextround.storage.db import Database
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import AccessTokenRow, AdminEventRow, InvitationRow, PasswordResetRow, User

RESET_HOURS = 48  # how long a link to set a new password works
MOST_AT_ONCE = 200  # addresses in one invitation list
SHOWN = 500  # accounts on one page; a search narrows them
VIA_WEB, VIA_CLI = "web", "cli"  # where an act in the log was done: the browser, or `nextround admin`


class Action:
    """What an administrator did, as stored in the log (each front end words them)."""

    INVITE = "invite"
    WITHDRAW_INVITATION = "withdraw_invitation"
    DISABLE = "disable"
    ENABLE = "enable"
    GRANT_ADMIN = "grant_admin"
    REVOKE_ADMIN = "revoke_admin"
    RESET_LINK = "reset_link"
    # only from the command line, which acts through services.accounts and records them with record_command
    CREATE_ACCOUNT = "create_account"
    SET_PASSWORD = "set_password"
    CREATE_TOKEN = "create_token"


class NotAnAdministrator(UserError):
    """The account asking is not (or no longer) an administrator of this server."""


@dataclass(frozen=True, slots=True)
class AccountListing:
    id: int
    email: str
    created_at: datetime
    last_sign_in_at: datetime | None
    disabled: bool
    is_admin: bool


@dataclass(frozen=True, slots=True)
class OpenInvitation:
    id: int
    email: str
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class AdminEvent:
    at: datetime
    actor: str | None  # None: the command line; "" an account deleted since
    action: str
    target: str  # "" an account deleted since


@dataclass(frozen=True, slots=True)
class Overview:
    accounts: list[AccountListing]
    total: int  # accounts matching the search (more than shown when over SHOWN)
    administrators: int
    invitations: list[OpenInvitation]
    events: list[AdminEvent]


@dataclass(frozen=True, slots=True)
class ResetLink:
    """A link to set a new password: `token` goes in the link and is never stored or shown again."""

    account: Account
    token: str
    expires_at: datetime


def _now() -> datetime:
    return datetime.now(UTC)


def _digest(secret: str) -> str:
    return accounts._digest(secret)


def require_admin(session: Session, actor_id: int | None) -> None:
    """Refuse unless the actor is an enabled administrator (None, the command line on the server, always may)."""
    if actor_id is None:
        return
    user = session.get(User, actor_id)
    if user is None or not user.is_admin or user.disabled_at is not None:
        raise NotAnAdministrator("only the server's administrators manage its accounts")


def is_admin(db: Database, owner_id: int) -> bool:
    with db.read() as session:
        return bool(session.scalar(select(User.is_admin).where(User.id == owner_id, User.disabled_at.is_(None))))


def keep_an_administrator(session: Session, user: User, doing: str) -> None:
    """Refuse to take away the last enabled administrator. The administrators' rows are locked while counting, so
    two administrators removing each other at the same moment cannot both succeed."""
    if not user.is_admin or user.disabled_at is not None:
        return
    others = session.scalars(
        select(User.id).where(User.is_admin.is_(True), User.disabled_at.is_(None), User.id != user.id).with_for_update()
    ).all()
    if not others:
        raise AccountError(
            f"cannot {doing}: {user.email} is the server's only administrator; make someone else one first"
        )


def _target(session: Session, account_id: int) -> User:
    """A real account (not the local user of a single-user database, nor the kept row of a deleted one)."""
    user = session.get(User, account_id)
    if user is None or user.email is None:
        raise NotFoundError(f"no account with id {account_id}")
    return user


def _record(
    session: Session, actor_id: int | None, action: str, *, target: User | None = None, email: str = ""
) -> None:
    session.add(
        AdminEventRow(
            at=_now(),
            actor_id=actor_id,
            via=VIA_CLI if actor_id is None else VIA_WEB,
            action=action,
            target_id=target.id if target else None,
            target_email=email or None,
        )
    )


def account(db: Database, actor_id: int | None, account_id: int) -> Account:
    with db.read() as session:
        require_admin(session, actor_id)
        return accounts._account(_target(session, account_id))


def record_command(db: Database, action: str, account_id: int) -> None:
    """Log an act of `nextround admin` done through services.accounts (an account made, a password set, a token
    made for someone), so the log shows everything done to accounts, not only what the browser did."""
    with db.write() as session:
        _record(session, None, action, target=session.get(User, account_id))


def create_account(
    db: Database,
    email: str,
    password: str,
    *,
    time_zone: str | None = None,
    claim_local: bool = False,
    admin: bool = False,
) -> Account:
    """`nextround admin create-user`: the account (or the local data claimed), its line in the log and, with
    `admin`, the administrator role, in one transaction: a failure anywhere leaves none of it behind."""
    address, hashed = accounts.normal_email(email), accounts.hash_password(password)
    zone = accounts.check_time_zone(time_zone) if time_zone else None
    owner_id = db.local_user_id() if claim_local else None
    with db.write() as session:
        if owner_id is not None:
            user = accounts.claim_local_user(session, owner_id, address, hashed)
        else:
            user = accounts.new_user(session, address, hashed, time_zone=zone)
        _record(session, None, Action.CREATE_ACCOUNT, target=user)
        if admin:
            user.is_admin = True
            _record(session, None, Action.GRANT_ADMIN, target=user)
        return accounts._account(user)


def by_email(db: Database, email: str) -> int:
    """The id of the account with this address (for the command line, which names accounts by address)."""
    return accounts.find_account(db, email).id


# -- reading ---------------------------------------------------------------------------------------------------


def overview(db: Database, actor_id: int | None, *, search: str = "", events: int = 30) -> Overview:
    """The accounts (by address; those whose address contains `search`), open invitations and the latest log."""
    now = _now()
    words = search.strip().lower()[:100]
    with db.read() as session:
        require_admin(session, actor_id)
        real: list[ColumnElement[bool]] = [User.email.is_not(None)]
        if words:
            real.append(User.email.contains(words, autoescape=True))
        total = session.scalar(select(func.count()).select_from(User).where(*real)) or 0
        users = session.scalars(select(User).where(*real).order_by(User.email).limit(SHOWN)).all()
        admins = session.scalar(
            select(func.count()).select_from(User).where(User.is_admin.is_(True), User.disabled_at.is_(None))
        )
        invited = session.scalars(
            select(InvitationRow)
            .where(InvitationRow.used_at.is_(None), InvitationRow.expires_at > now)
            .order_by(InvitationRow.created_at.desc(), InvitationRow.id.desc())
        ).all()
        log = _events(session, events)
    listing = [
        AccountListing(u.id, u.email or "", u.created_at, u.last_sign_in_at, u.disabled_at is not None, u.is_admin)
        for u in users
    ]
    waiting = [OpenInvitation(i.id, i.email, i.created_at, i.expires_at) for i in invited]
    return Overview(listing, int(total), int(admins or 0), waiting, log)


def _events(session: Session, limit: int) -> list[AdminEvent]:
    actor, target = aliased(User), aliased(User)
    rows = session.execute(
        select(AdminEventRow, actor.email, target.email)
        .outerjoin(actor, actor.id == AdminEventRow.actor_id)
        .outerjoin(target, target.id == AdminEventRow.target_id)
        .order_by(AdminEventRow.at.desc(), AdminEventRow.id.desc())
        .limit(limit)
    ).all()
    # an account deleted since has no id left here (SET NULL), or is a kept row without an address: ""
    return [
        AdminEvent(
            event.at,
            None if event.via == VIA_CLI else actor_email or "",
            event.action,
            event.target_email or target_email or "",
        )
        for event, actor_email, target_email in rows
    ]


def events(db: Database, actor_id: int | None, *, limit: int = 100) -> list[AdminEvent]:
    with db.read() as session:
        require_admin(session, actor_id)
        return _events(session, limit)


# -- invitations -------------------------------------------------------------------------------------------------


def addresses_in(text: str) -> list[str]:
    """The addresses in what was typed or pasted: one a line, or separated by commas, semicolons or spaces."""
    return [part for part in re.split(r"[\s,;]+", text) if part]


def invite_accounts(db: Database, actor_id: int | None, emails: list[str], *, days: int) -> list[Invitation]:
    """Invitations for every address, each once, in one transaction. Every address is checked first: a typo or
    one that has an account already stops the whole list, so sending the corrected list gives no one two links."""
    if not emails:
        raise AccountError("give at least one email address", field="emails")
    if len(emails) > MOST_AT_ONCE:
        raise AccountError(f"invite at most {MOST_AT_ONCE} addresses at once", field="emails")
    if not 1 <= days <= 90:
        raise AccountError("an invitation lasts between 1 and 90 days", field="days")
    bad: list[str] = []
    addresses: list[str] = []
    for email in emails:
        try:
            addresses.append(accounts.normal_email(email))
        except UserError:
            bad.append(repr(email.strip()[:80]))
    if bad:
        what = "is not an email address" if len(bad) == 1 else "are not email addresses"
        raise AccountError(f"{', '.join(bad)} {what}: nothing was invited", field="emails")
    addresses = list(dict.fromkeys(addresses))
    now = _now()
    with db.write() as session:
        require_admin(session, actor_id)
        taken = session.scalars(select(User.email).where(User.email.in_(addresses))).all()
        if taken:
            listed = ", ".join(sorted(e for e in taken if e))
            raise AccountError(
                f"there is already an account for {listed}: leave it out, nothing was invited", field="emails"
            )
        made = [accounts.add_invitation(session, address, days, now) for address in addresses]
        for invitation in made:
            _record(session, actor_id, Action.INVITE, email=invitation.email)
    return made


def withdraw_invitation(db: Database, actor_id: int | None, invitation_id: int) -> OpenInvitation:
    """An open invitation's link stops working (a mistyped address, someone who left); inviting again makes a new
    one."""
    now = _now()
    with db.write() as session:
        require_admin(session, actor_id)
        row = session.get(InvitationRow, invitation_id)
        if row is None or row.used_at is not None or row.expires_at <= now:
            raise NotFoundError(f"no open invitation with id {invitation_id}")
        row.expires_at = now
        _record(session, actor_id, Action.WITHDRAW_INVITATION, email=row.email)
        return OpenInvitation(row.id, row.email, row.created_at, now)


# -- disabling, the role -------------------------------------------------------------------------------------------


def set_disabled(db: Database, actor_id: int | None, account_id: int, *, disabled: bool) -> Account:
    """Disable: no more sign-in, every session and access token stops at once, the data stays. Enable: the person
    signs in again with their password (their old sessions and tokens stay ended)."""
    with db.write() as session:
        require_admin(session, actor_id)
        user = _target(session, account_id)
        if (user.disabled_at is not None) == disabled:
            return accounts._account(user)
        if disabled:
            if user.id == actor_id:
                raise AccountError("you cannot disable your own account: another administrator can")
            keep_an_administrator(session, user, f"disable {user.email}")
            now = _now()
            user.disabled_at = now
            accounts._revoke_sessions(session, user.id)
            session.execute(
                update(AccessTokenRow)
                .where(AccessTokenRow.owner_id == user.id, AccessTokenRow.revoked_at.is_(None))
                .values(revoked_at=now)
            )
        else:
            user.disabled_at = None
        _record(session, actor_id, Action.DISABLE if disabled else Action.ENABLE, target=user)
        return accounts._account(user)


def set_admin(db: Database, actor_id: int | None, account_id: int, *, admin: bool) -> Account:
    """Make an account an administrator, or no longer one (never the last enabled one)."""
    with db.write() as session:
        require_admin(session, actor_id)
        user = _target(session, account_id)
        if user.is_admin == admin:
            return accounts._account(user)
        if admin and user.disabled_at is not None:
            raise AccountError(f"{user.email} is disabled: enable the account first")
        if not admin:
            keep_an_administrator(session, user, f"take the administrator role from {user.email}")
        user.is_admin = admin
        _record(session, actor_id, Action.GRANT_ADMIN if admin else Action.REVOKE_ADMIN, target=user)
        return accounts._account(user)


# -- links to set a new password -------------------------------------------------------------------------------------


_LINK_GONE = (
    "this link to choose a new password is not valid (used already, expired, or replaced by a newer one): "
    "ask the administrator for a new one"
)


def make_reset_link(db: Database, actor_id: int | None, account_id: int, *, hours: int = RESET_HOURS) -> ResetLink:
    """A one-time link for the person to choose a new password; a newer link replaces any earlier one. The old
    password works until the link is used (a link that reaches the wrong inbox changes nothing by itself)."""
    secret = secrets.token_urlsafe(32)
    now = _now()
    with db.write() as session:
        require_admin(session, actor_id)
        user = _target(session, account_id)
        if user.disabled_at is not None:
            raise AccountError(f"{user.email} is disabled: enable the account first")
        session.execute(
            update(PasswordResetRow)
            .where(
                PasswordResetRow.owner_id == user.id,
                PasswordResetRow.used_at.is_(None),
                PasswordResetRow.expires_at > now,
            )
            .values(expires_at=now)
        )
        expires = now + timedelta(hours=hours)
        session.add(PasswordResetRow(owner_id=user.id, token_hash=_digest(secret), created_at=now, expires_at=expires))
        _record(session, actor_id, Action.RESET_LINK, target=user)
        return ResetLink(accounts._account(user), f"{user.id}.{secret}", expires)


def _link_parts(token: str) -> tuple[int, str]:
    owner, _, secret = token.partition(".")
    if not owner.isdigit() or len(owner) > 12 or not secret:
        raise NotFoundError(_LINK_GONE)
    return int(owner), secret


def open_reset_link(db: Database, token: str) -> Account:
    """The account a link sets a password for, while the link can still be used."""
    owner_id, secret = _link_parts(token)
    with db.read() as session:
        found = session.execute(
            select(PasswordResetRow.id, User)
            .join(User, User.id == PasswordResetRow.owner_id)
            .where(
                PasswordResetRow.owner_id == owner_id,
                PasswordResetRow.token_hash == _digest(secret),
                PasswordResetRow.used_at.is_(None),
                PasswordResetRow.expires_at > _now(),
                User.disabled_at.is_(None),
                User.email.is_not(None),
            )
        ).first()
        if found is None:
            raise NotFoundError(_LINK_GONE)
        return accounts._account(found[1])


def use_reset_link(db: Database, token: str, password: str) -> accounts.SignedIn:
    """Set the new password; the link stops working and every session of the account ends (one transaction).
    Then a new session for whoever used the link."""
    owner_id, secret = _link_parts(token)
    hashed = accounts.hash_password(password)
    now = _now()
    with db.write() as session:
        claimed = session.execute(
            update(PasswordResetRow)
            .where(
                PasswordResetRow.owner_id == owner_id,
                PasswordResetRow.token_hash == _digest(secret),
                PasswordResetRow.used_at.is_(None),
                PasswordResetRow.expires_at > now,
            )
            .values(used_at=now)
            .returning(PasswordResetRow.id)
        ).scalar()
        user = session.get(User, owner_id)
        if claimed is None or user is None or user.disabled_at is not None or user.email is None:
            raise NotFoundError(_LINK_GONE)
        user.password_hash = hashed
        accounts._revoke_sessions(session, user.id)
    return accounts._new_session(db, owner_id, now)
