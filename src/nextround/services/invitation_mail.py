"""Invitations by email on a shared server: an account invitation (`admin invite`, the Accounts page), a coach
invitation, and an administrator's link to set a new password.

They go out through the server's own SMTP set-up (`NEXTROUND_SMTP_*` in its settings, else what its
administrators saved on the Server settings page; the password from the environment or the OS keyring), never one
a person typed. Without it, or when sending fails, nothing is lost: the link is still made, and the answer says
why it was not sent, for the person to pass it on themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from nextround.config import Settings
from nextround.domain.wording import short_day
from nextround.integrations import mail
from nextround.services import accounts, administration, coaching, rate_limits, server_settings
from nextround.services.mail_check import smtp_status
from nextround.storage.db import Database
from nextround.storage.tables import User

# Each coach invitation makes the server send an email to an address the person typed: limited, so an
# account cannot use the server to mail strangers in bulk.
INVITES = rate_limits.Limit("invites", 10, timedelta(hours=24), "coach invitations in the last 24 hours")
INVITES_TO = rate_limits.Limit("invite_to", 3, timedelta(hours=24), "invitations to this address in the last 24 hours")


class NotSent:
    """Why an invitation was not emailed, as data: each front end words it (the CLI names the variables)."""

    NOT_SET_UP = "not_set_up"  # the server has no outgoing mail
    FAILED = "failed"  # the mail server refused it or could not be reached (`detail` says how)
    BROKEN = "broken_set_up"  # the set-up the server was started with cannot be used (`detail` names the variable)


@dataclass(frozen=True, slots=True)
class Delivery:
    """Whether the link went out by email; if not, why (`reason`, one of NotSent) and the mail error."""

    emailed: bool
    to: str
    reason: str = ""
    detail: str = ""


@dataclass(frozen=True, slots=True)
class SentInvitation:
    """An invitation made: the link to pass on (shown once), until when it works, and whether it was emailed."""

    url: str
    delivery: Delivery
    expires_at: datetime | None = None
    link: coaching.CoachLink | None = None  # a coach invitation's link


def _deliver(db: Database, settings: Settings, to: str, subject: str, body: str) -> Delivery:
    config = server_settings.smtp_config(db, settings)
    # the environment's set-up wins when it names a server (the page's was checked as it was saved)
    broken = smtp_status(config) if settings.smtp.host else None
    if broken and broken.problem:  # a page words it without the variable; the CLI shows `detail` as it is
        return Delivery(False, to, NotSent.BROKEN, broken.error or broken.problem)
    try:
        smtp = mail.SmtpSettings.from_config(config)
    except mail.MailError as exc:
        return Delivery(False, to, NotSent.FAILED, str(exc))
    if not smtp.configured:
        return Delivery(False, to, NotSent.NOT_SET_UP)
    try:
        mail.send(smtp, mail.build_message(to=to, subject=subject, body=body, from_addr=smtp.from_addr))
    except mail.MailError as exc:
        return Delivery(False, to, NotSent.FAILED, str(exc))
    return Delivery(True, to)


def invite_account(db: Database, settings: Settings, email: str, base_url: str, *, days: int) -> SentInvitation:
    """An invitation to make an account, emailed when the server can send mail."""
    return _send_account_invitation(db, settings, accounts.invite(db, email, days=days), base_url)


def invite_accounts(
    db: Database, settings: Settings, actor_id: int | None, emails: list[str], base_url: str, *, days: int
) -> list[SentInvitation]:
    """Invitations for a list of addresses (all checked and made first, in one transaction: see
    administration.invite_accounts), then each emailed when the server can send mail."""
    made = administration.invite_accounts(db, actor_id, emails, days=days)
    return [_send_account_invitation(db, settings, one, base_url) for one in made]


def _send_account_invitation(
    db: Database, settings: Settings, made: accounts.Invitation, base_url: str
) -> SentInvitation:
    url = f"{base_url.rstrip('/')}/invite/{made.token}"
    body = (
        f"Hello,\n\nYou are invited to nextround, the job-search companion at {base_url.rstrip('/')}.\n"
        f"Open this link to choose a password and make your account (it works once, until "
        f"{short_day(made.expires_at.date())}):\n\n{url}\n\nIf you did not expect this, ignore this message.\n"
    )
    delivery = _deliver(db, settings, made.email, "Your invitation to nextround", body)
    return SentInvitation(url, delivery, expires_at=made.expires_at)


def send_reset_link(
    db: Database, settings: Settings, actor_id: int | None, account_id: int, base_url: str
) -> SentInvitation:
    """A one-time link for the person to set a new password (administration.make_reset_link), emailed to them
    when the server can send mail."""
    made = administration.make_reset_link(db, actor_id, account_id)
    url = f"{base_url.rstrip('/')}/reset-password/{made.token}"
    body = (
        f"Hello,\n\nAn administrator of nextround at {base_url.rstrip('/')} made you a link to choose a new "
        f"password for {made.account.email}. It works once, until {made.expires_at:%d %b %Y %H:%M} UTC, and signs "
        f"you out on every device:\n\n{url}\n\nUntil you use it your password stays as it is; if you did not "
        f"ask for this, tell the administrator.\n"
    )
    delivery = _deliver(db, settings, made.account.email, "Choose a new password for nextround", body)
    return SentInvitation(url, delivery, expires_at=made.expires_at)


def invite_coach(
    db: Database, settings: Settings, owner_id: int, email: str, shares: list[str], base_url: str
) -> SentInvitation:
    """A job seeker's invitation to a coach, emailed when the server can send mail (within INVITES and INVITES_TO:
    past either, nothing is made or sent)."""
    counted = _count_invitation(db, owner_id, accounts.normal_email(email))
    try:
        made = coaching.invite_coach(db, owner_id, email, shares)
    except Exception:
        with db.write() as session:
            rate_limits.forget(session, counted)
        raise
    url = f"{base_url.rstrip('/')}/coaching/accept/{made.token}"
    who = made.link.seeker_email or "Someone"
    body = (
        f"Hello,\n\n{who} asks you to coach their job search on nextround ({base_url.rstrip('/')}).\n"
        f"You would see, read-only, what they chose to share: {', '.join(made.link.shares)}; they see each "
        f"time you look, and can stop sharing at any moment.\n\nOpen this link to accept, signed in as "
        f"{made.link.coach_email}; with no account on this server yet, the link lets you make one for that "
        f"address:\n\n{url}\n"
    )
    delivery = _deliver(db, settings, made.link.coach_email, f"{who} asks you to be their coach on nextround", body)
    return SentInvitation(url, delivery, link=made.link)


def _count_invitation(db: Database, owner_id: int, address: str) -> list[int]:
    """Check both limits and count this invitation in one transaction; the account's row is locked for it, so
    two workers inviting for the same account at once cannot both pass on the last free place."""
    now = datetime.now(UTC)
    to = f"{owner_id}:{address}"
    with db.write() as session:
        session.execute(select(User.id).where(User.id == owner_id).with_for_update())
        rate_limits.check(session, INVITES, str(owner_id), now, field="email")
        rate_limits.check(session, INVITES_TO, to, now, field="email")
        return [
            rate_limits.record(session, INVITES.scope, str(owner_id), now),
            rate_limits.record(session, INVITES_TO.scope, to, now),
        ]
