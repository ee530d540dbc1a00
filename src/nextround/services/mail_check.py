"""Is email set up, and does it work? What the Settings page and `nextround config smtp` show.

Only facts that are safe to show: never the password, only whether one was found.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nextround.config import SmtpConfig
from nextround.integrations.mail import ENV, MailError, SmtpSettings, build_message, send

VARIABLES = tuple(f"{ENV}{name}" for name in ("HOST", "PORT", "USER", "PASSWORD", "FROM", "STARTTLS", "SSL"))


@dataclass(frozen=True, slots=True)
class SmtpStatus:
    """How email is set up, safe to show: the password only as "found" or "not set"."""

    configured: bool
    error: str | None = None  # why the set-up cannot be used, when it cannot
    host: str = ""
    port: int | None = None
    user: str = ""
    from_addr: str = field(default="", metadata={"json_name": "from"})
    security: str = ""
    password: str = "not set"
    variables: tuple[str, ...] = VARIABLES


def smtp_status(config: SmtpConfig) -> SmtpStatus:
    """The SMTP settings (from Settings.smtp and the keyring), with the password reduced to yes/no."""
    try:
        settings = SmtpSettings.from_config(config)
    except MailError as exc:
        return SmtpStatus(configured=False, error=str(exc))
    return SmtpStatus(
        configured=settings.configured,
        host=settings.host,
        port=settings.port,
        user=settings.user,
        from_addr=settings.from_addr,
        security="SSL" if settings.ssl else ("STARTTLS" if settings.starttls else "none"),
        password="found" if settings.password else "not set",
    )


def send_test_message(config: SmtpConfig, to: str | None = None, body: str = "") -> str:
    """Send a short test message (to the sender unless `to` is given); returns the address it went to."""
    settings = SmtpSettings.from_config(config)
    recipient = to or settings.from_addr
    if not recipient:
        raise MailError(f"SMTP is not set up: set {ENV}HOST and {ENV}FROM")
    message = build_message(
        to=recipient,
        subject="nextround: test message",
        body=body or "This is a test from nextround. If you can read it, feedback requests can be sent from here.\n",
        from_addr=settings.from_addr,
    )
    send(settings, message)
    return recipient
