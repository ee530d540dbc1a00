"""Email set up from the Settings page: server, port, user, sender and encryption, kept as settings.

Once a server is saved here it replaces the `NEXTROUND_SMTP_*` environment set-up as a whole (one place
decides, never a mix of the two). The password is never a setting: it goes to the OS keyring where this
machine has one, and otherwise comes from `NEXTROUND_SMTP_PASSWORD` as for the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nextround.config import SmtpConfig
from nextround.errors import FormErrors, UserError
from nextround.integrations.mail import (
    ENV,
    MailError,
    check_address,
    keyring_available,
    port_number,
    store_keyring_password,
)
from nextround.services.workspace import Workspace
from nextround.storage.repositories import SettingsRepository

SMTP_PREFIX = "smtp."
SECURITY_CHOICES = ("starttls", "ssl", "none")
PASSWORD_VARIABLE = f"{ENV}PASSWORD"
MAX_HOST = 253
MAX_USER = 200


@dataclass(frozen=True, slots=True)
class MailSetup:
    """The email set-up saved on the Settings page ("" when not saved) and whether a keyring can hold the password."""

    host: str = ""
    port: str = ""
    user: str = ""
    from_addr: str = ""
    security: str = "starttls"
    keyring: bool = False

    @property
    def saved(self) -> bool:
        return bool(self.host)


def _text(stored: dict[str, Any], name: str) -> str:
    value = stored.get(SMTP_PREFIX + name)
    return value if isinstance(value, str) else ""


def load_mail_setup(ws: Workspace) -> MailSetup:
    with ws.db.read() as session:
        stored = SettingsRepository(session, ws.owner_id).all()
    security = _text(stored, "security")
    return MailSetup(
        host=_text(stored, "host"),
        port=_text(stored, "port"),
        user=_text(stored, "user"),
        from_addr=_text(stored, "from"),
        security=security if security in SECURITY_CHOICES else "starttls",
        keyring=keyring_available(),
    )


def smtp_config(ws: Workspace) -> SmtpConfig:
    """The SMTP set-up in force: the Settings page's when a server is saved there, else the environment's."""
    setup = load_mail_setup(ws)
    if not setup.saved:
        return ws.settings.smtp
    return SmtpConfig(
        host=setup.host,
        port=setup.port,
        user=setup.user,
        from_addr=setup.from_addr,
        starttls="on" if setup.security == "starttls" else "off",
        ssl="on" if setup.security == "ssl" else "off",
        password=ws.settings.smtp.password,
    )


def check_stored_smtp(key: str, value: Any) -> bool:
    """Whether an imported `smtp.*` setting is one the Settings page could have saved."""
    name = key.removeprefix(SMTP_PREFIX)
    if not isinstance(value, str) or name not in ("host", "port", "user", "from", "security"):
        return False
    baseline = {"host": "mail.invalid", "from_addr": "me@mail.invalid"}
    try:
        _checked(**{**baseline, ("from_addr" if name == "from" else name): value})
    except UserError:
        return False
    return True


def _checked(
    host: str, port: str = "", user: str = "", from_addr: str = "", security: str = "starttls"
) -> dict[str, str]:
    """The values as they are stored, or FormErrors naming every field at fault."""
    problems: list[UserError] = []
    host = host.strip()
    if not host:
        problems.append(MailError("give the mail server's name, like smtp.example.org", field="host"))
    elif len(host) > MAX_HOST or any(c.isspace() or c in "/@:" for c in host):
        problems.append(MailError("the mail server is a name like smtp.example.org, without spaces", field="host"))
    port = port.strip()
    try:
        port_number(port, "the port", MailError)
    except MailError as exc:
        exc.field = "port"
        problems.append(exc)
    user = user.strip()
    if len(user) > MAX_USER:
        problems.append(MailError(f"the user name is longer than {MAX_USER} characters", field="user"))
    from_addr = from_addr.strip()
    if not from_addr:
        problems.append(MailError("give the address messages are sent from", field="from_addr"))
    else:
        try:
            check_address(from_addr)
        except MailError as exc:
            exc.field = "from_addr"
            problems.append(exc)
    if security not in SECURITY_CHOICES:
        problems.append(MailError("choose STARTTLS, SSL or no encryption", field="security"))
    if problems:
        raise FormErrors(problems)
    return {"host": host, "port": port, "user": user, "from": from_addr, "security": security}


def save_mail_setup(
    ws: Workspace,
    *,
    host: str,
    port: str = "",
    user: str = "",
    from_addr: str = "",
    security: str = "starttls",
    password: str = "",
) -> MailSetup:
    """Check every field, keep a new password in the keyring, then save the rest in one transaction."""
    values = _checked(host, port, user, from_addr, security)
    if password:
        if not keyring_available():
            raise MailError(
                f"this computer has no keyring to keep the password in: set {PASSWORD_VARIABLE} instead",
                field="password",
            )
        if not values["user"]:
            raise MailError("give the user name the password belongs to", field="user")
        store_keyring_password(values["user"], password)
    with ws.db.write() as session:
        repo = SettingsRepository(session, ws.owner_id)
        for name, value in values.items():
            repo.set(SMTP_PREFIX + name, value)
    return load_mail_setup(ws)


def forget_mail_setup(ws: Workspace) -> MailSetup:
    """Remove the page's set-up (the environment's, if any, applies again); the keyring is left as it is."""
    with ws.db.write() as session:
        repo = SettingsRepository(session, ws.owner_id)
        for name in ("host", "port", "user", "from", "security"):
            repo.unset(SMTP_PREFIX + name)
    return load_mail_setup(ws)
