"""Email set up from the Settings page: server, port, user, sender and encryption, kept as settings.

Once a server is saved here it replaces the `NEXTROUND_SMTP_*` environment set-up as a whole (one place
decides, never a mix of the two). The password is never a setting: it goes to the OS keyring where this
machine has one, and otherwise comes from `NEXTROUND_SMTP_PASSWORD` as for the command line.

On a shared server (`serve --multi-user`) a person's set-up never reaches the server's own secrets: their
password is kept in the keyring under their account only, and neither the environment's password nor any
other keyring entry is ever sent to the server they name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nextround.config import SmtpConfig
from nextround.errors import FormErrors, UserError
from nextround.integrations.mail import (
    ENV,
    KEYRING_SERVICE,
    MailError,
    check_address,
    keyring_available,
    keyring_password,
    port_number,
    store_keyring_password,
)
from nextround.services.saved_setup import SavedSetup
from nextround.services.workspace import Workspace

SAVED = SavedSetup("smtp.", ("host", "port", "user", "from", "security"))
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
    # False on a shared server: the environment's password is the server's, never one person's.
    password_from_environment: bool = True

    @property
    def saved(self) -> bool:
        return bool(self.host)


def load_mail_setup(ws: Workspace, *, ask_keyring: bool = True) -> MailSetup:
    """The saved set-up; without `ask_keyring`, `keyring` is False unasked (loading the keyring library
    costs a command that only needs the sender's name about as much as the rest of it)."""
    saved = SAVED.read(ws)
    return MailSetup(
        host=saved["host"],
        port=saved["port"],
        user=saved["user"],
        from_addr=saved["from"],
        security=saved["security"] if saved["security"] in SECURITY_CHOICES else "starttls",
        keyring=ask_keyring and keyring_available(),
        password_from_environment=not ws.settings.shared_server,
    )


def _keyring_service(ws: Workspace) -> str:
    """Where this person's password is kept: apart from everyone else's on a shared server."""
    return f"{KEYRING_SERVICE}-user-{ws.owner_id}" if ws.settings.shared_server else KEYRING_SERVICE


def smtp_config(ws: Workspace) -> SmtpConfig:
    """The SMTP set-up in force: the Settings page's when a server is saved there, else the environment's."""
    setup = load_mail_setup(ws, ask_keyring=False)
    if not setup.saved:
        # A shared server's own NEXTROUND_SMTP_* sends its invitations; it is no one person's sender.
        return SmtpConfig() if ws.settings.shared_server else ws.settings.smtp
    password = ws.settings.smtp.password  # None: the keyring is asked for the user's password when sending
    if ws.settings.shared_server:
        # Only this person's own keyring entry; "" (not None) so that no other entry is looked up.
        password = keyring_password(setup.user, _keyring_service(ws)) or ""
    return SmtpConfig(
        host=setup.host,
        port=setup.port,
        user=setup.user,
        from_addr=setup.from_addr,
        starttls="on" if setup.security == "starttls" else "off",
        ssl="on" if setup.security == "ssl" else "off",
        password=password,
    )


def check_stored_smtp(key: str, value: Any) -> bool:
    """Whether an imported `smtp.*` setting is one the Settings page could have saved."""
    name = SAVED.name_of(key)
    if not isinstance(value, str) or name is None:
        return False
    baseline = {"host": "mail.invalid", "from_addr": "me@mail.invalid"}
    try:
        checked_mail_fields(**{**baseline, ("from_addr" if name == "from" else name): value})
    except UserError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class MailFields:
    """An outgoing-mail set-up's fields, checked, as they are stored (the password is never one of them)."""

    host: str
    port: str
    user: str
    from_addr: str
    security: str


def _stored_names(fields: MailFields) -> dict[str, str]:
    """The fields by the names the settings rows keep them under."""
    return {
        "host": fields.host,
        "port": fields.port,
        "user": fields.user,
        "from": fields.from_addr,
        "security": fields.security,
    }


def checked_mail_fields(
    host: str, port: str = "", user: str = "", from_addr: str = "", security: str = "starttls"
) -> MailFields:
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
    return MailFields(host=host, port=port, user=user, from_addr=from_addr, security=security)


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
    values = checked_mail_fields(host, port, user, from_addr, security)
    if password:
        if not keyring_available():
            instead = (
                "whoever starts nextround can give it the password as it starts"
                if not ws.settings.shared_server
                else "use a server without one"
            )
            raise MailError(
                f"this computer has no keyring (its safe place for passwords) to keep the password in; {instead}",
                field="password",
            )
        if not values.user:
            raise MailError("give the user name the password belongs to", field="user")
        store_keyring_password(values.user, password, _keyring_service(ws))
    SAVED.save(ws, _stored_names(values))
    return load_mail_setup(ws)


def forget_mail_setup(ws: Workspace) -> MailSetup:
    """Remove the page's set-up (the environment's, if any, applies again); the keyring is left as it is."""
    SAVED.forget(ws)
    return load_mail_setup(ws)
