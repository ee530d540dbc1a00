"""Is email set up, and does it work? What the Settings page and `nextround config smtp` show.

Only facts that are safe to show: never the password, only whether one was found.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nextround.config import SmtpConfig
from nextround.integrations.mail import (
    ENV,
    MailError,
    SmtpSettings,
    build_message,
    on_off,
    port_number,
    send,
)

VARIABLES = tuple(f"{ENV}{name}" for name in ("HOST", "PORT", "USER", "PASSWORD", "FROM", "STARTTLS", "SSL"))


@dataclass(frozen=True, slots=True)
class SmtpStatus:
    """How email is set up, safe to show: the password only as "found" or "not set"."""

    configured: bool
    error: str | None = None  # why the set-up cannot be used, when it cannot, in the variables' own names
    # The part that makes it unusable ("host", "port", "security" or "from_addr"; "" when none), for a page to word
    # without the variables' names: only whoever started nextround can change them.
    problem: str = ""
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
        return SmtpStatus(configured=False, error=str(exc), problem=_part_at_fault(config))
    if bool(settings.host) != bool(settings.from_addr):  # one without the other: begun, but not whole
        missing = "FROM" if settings.host else "HOST"
        return SmtpStatus(
            configured=False,
            error=f"{ENV}{missing} is not set: email needs both {ENV}HOST and {ENV}FROM",
            problem="from_addr" if settings.host else "host",
        )
    if not settings.host and config.port.strip():  # a port for no server: begun, but not whole
        return SmtpStatus(
            configured=False,
            error=f"{ENV}HOST is not set: {ENV}PORT is, but email needs both {ENV}HOST and {ENV}FROM",
            problem="host",
        )
    return SmtpStatus(
        configured=settings.configured,
        host=settings.host,
        port=settings.port,
        user=settings.user,
        from_addr=settings.from_addr,
        security="SSL" if settings.ssl else ("STARTTLS" if settings.starttls else "none"),
        password="found" if settings.password else "not set",
    )


def _part_at_fault(config: SmtpConfig) -> str:
    """Which value made SmtpSettings.from_config refuse the set-up, checked in the same order."""
    try:
        if on_off(config.ssl, "", MailError) and on_off(config.starttls, "", MailError):
            return "security"  # both at once
    except MailError:
        return "security"
    try:
        port_number(config.port, "", MailError)
    except MailError:
        return "port"
    return "from_addr"  # the one check left: the sender's address


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
