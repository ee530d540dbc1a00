"""Is email set up, and does it work? What the Settings page and `nextround config smtp` show.

Only facts that are safe to show: never the password, only whether one was found.
"""

from __future__ import annotations

from typing import Any

from nextround.config import SmtpConfig
from nextround.integrations.mail import ENV, MailError, SmtpSettings, build_message, send


def smtp_status(config: SmtpConfig) -> dict[str, Any]:
    """The SMTP settings (from Settings.smtp and the keyring), with the password reduced to yes/no."""
    try:
        settings = SmtpSettings.from_config(config)
    except MailError as exc:
        return {"configured": False, "error": str(exc)}
    security = "SSL" if settings.ssl else ("STARTTLS" if settings.starttls else "none")
    return {
        "configured": settings.configured,
        "error": None,
        "host": settings.host,
        "port": settings.port,
        "user": settings.user,
        "from": settings.from_addr,
        "security": security,
        "password": "found" if settings.password else "not set",
        "variables": [f"{ENV}{name}" for name in ("HOST", "PORT", "USER", "PASSWORD", "FROM", "STARTTLS", "SSL")],
    }


def send_test_message(config: SmtpConfig, to: str | None = None) -> str:
    """Send a short test message (to the sender unless `to` is given); returns the address it went to."""
    settings = SmtpSettings.from_config(config)
    recipient = to or settings.from_addr
    if not recipient:
        raise MailError(f"SMTP is not set up: set {ENV}HOST and {ENV}FROM")
    message = build_message(
        to=recipient,
        subject="nextround: test message",
        body="This is a test from nextround. If you can read it, feedback requests can be sent from here.\n",
        from_addr=settings.from_addr,
    )
    send(settings, message)
    return recipient
