"""The mailbox the Inbox reads, connected from the Settings page: server, port, encryption, user and folder,
kept as settings.

It mirrors services.mail_setup (the outgoing mail): once a mailbox is saved here it replaces the
`NEXTROUND_IMAP_*` environment set-up as a whole, and the password is never a setting. It goes to the OS
keyring (service "nextround-imap", the user as the account, where the command line looks too) and otherwise
comes from `NEXTROUND_IMAP_PASSWORD`. Disconnecting removes the settings and the password kept for them.

A shared server reads no one's mailbox (its routes refuse these forms): people there upload an export.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from nextround.errors import FormErrors, UserError
from nextround.integrations.imap import ENV, KEYRING_SERVICE, ImapError, ImapReader, ImapSettings
from nextround.integrations.mail import (
    forget_keyring_password,
    keyring_available,
    keyring_password,
    on_off,
    port_number,
    store_keyring_password,
)
from nextround.services.saved_setup import SavedSetup
from nextround.services.workspace import Workspace

SECURITY_CHOICES = ("ssl", "starttls")  # TLS from the first byte, or STARTTLS: never plain text
NAMES = ("host", "port", "security", "user", "folder", "ca_file")
SAVED = SavedSetup("imap.", NAMES)
MAX_HOST = 253
MAX_USER = 200
MAX_FOLDER = 200
MAX_PATH = 1000


class MailboxError(UserError, ValueError):
    """A mailbox set-up the Settings page cannot save or use, with the field it belongs to."""


@dataclass(frozen=True, slots=True)
class MailboxSetup:
    """The mailbox saved on the Settings page ("" when not saved) and where its password comes from."""

    host: str = ""
    port: str = ""
    security: str = "ssl"
    user: str = ""
    folder: str = ""
    ca_file: str = ""
    keyring: bool = False  # whether this computer can keep a password
    password_saved: bool = False  # one is kept in the keyring for `user`

    @property
    def saved(self) -> bool:
        return bool(self.host)


@dataclass(frozen=True, slots=True)
class MailboxStatus:
    """The mailbox in force, as the Settings page shows it (never the password)."""

    source: str  # "page", "environment" or "" (none)
    account: str
    folder: str
    security: str
    password: str  # "keyring", "environment" or "" (none known)
    error: str | None = None  # why the environment's set-up cannot be used, when it cannot, in its variables' names
    # The part that makes it unusable ("host", "port", "security" or "user"; "" when none), for a page to word
    # without the variables' names: only whoever started nextround can change them.
    problem: str = ""

    @property
    def configured(self) -> bool:
        return bool(self.source)


@dataclass(frozen=True, slots=True)
class MailboxCheck:
    """What a test connection found: it logged in and opened the folder, read-only."""

    account: str
    folder: str
    messages: int


def load_mailbox_setup(ws: Workspace) -> MailboxSetup:
    saved = SAVED.read(ws)
    user, host = saved["user"], saved["host"]
    keyring = keyring_available()
    return MailboxSetup(
        host=host,
        port=saved["port"],
        security=saved["security"] if saved["security"] in SECURITY_CHOICES else "ssl",
        user=user,
        folder=saved["folder"],
        ca_file=saved["ca_file"],
        keyring=keyring,
        password_saved=bool(keyring and host and user and keyring_password(user, KEYRING_SERVICE)),
    )


def mailbox_settings(ws: Workspace) -> ImapSettings:
    """The mailbox "Check mail now" reads: the Settings page's when one is saved there, else `NEXTROUND_IMAP_*`
    of whoever started nextround. On a shared server that is the server's own, so no one signed in gets one."""
    if ws.settings.shared_server:
        return ImapSettings()
    setup = load_mailbox_setup(ws)
    if not setup.saved:
        return ImapSettings.from_env(ws.settings.imap_env)
    starttls = setup.security == "starttls"
    password = ws.settings.imap_env.get("NEXTROUND_IMAP_PASSWORD") or keyring_password(setup.user, KEYRING_SERVICE)
    return ImapSettings(
        host=setup.host,
        port=int(setup.port) if setup.port else (143 if starttls else 993),
        user=setup.user,
        password=password,
        folder=setup.folder or "INBOX",
        starttls=starttls,
        ca_file=setup.ca_file,
    )


def mailbox_status(ws: Workspace) -> MailboxStatus:
    """Which mailbox is in force and where its password comes from. A broken environment set-up is none, with
    the reason (the page's values are checked as they are saved, so only `NEXTROUND_IMAP_*` can be broken)."""
    setup = load_mailbox_setup(ws)
    none = MailboxStatus(source="", account="", folder="", security="", password="")
    try:
        settings = mailbox_settings(ws)
    except ImapError as exc:
        return replace(none, error=str(exc), problem=_part_at_fault(ws.settings.imap_env))
    if not setup.saved and bool(settings.host) != bool(settings.user):  # one without the other: begun, not whole
        missing = "USER" if settings.host else "HOST"
        error = f"{ENV}{missing} is not set: a mailbox needs both {ENV}HOST and {ENV}USER"
        return replace(none, error=error, problem="user" if settings.host else "host")
    lone_port = not settings.host and ws.settings.imap_env.get(ENV + "PORT", "").strip()
    if lone_port and not (setup.saved or ws.settings.shared_server):  # a port for no server: begun, not whole
        error = f"{ENV}HOST is not set: {ENV}PORT is, but a mailbox needs both {ENV}HOST and {ENV}USER"
        return replace(none, error=error, problem="host")
    if not settings.configured:
        return none
    from_env = bool(ws.settings.imap_env.get("NEXTROUND_IMAP_PASSWORD"))
    return MailboxStatus(
        source="page" if setup.saved else "environment",
        account=settings.account,
        folder=settings.folder,
        security="STARTTLS" if settings.starttls else "SSL/TLS",
        password="environment" if from_env else ("keyring" if settings.password else ""),
    )


def _part_at_fault(env: Mapping[str, str]) -> str:
    """Which value made ImapSettings.from_env refuse the set-up, checked in the same order."""
    try:
        on_off(env.get(ENV + "STARTTLS"), "", MailboxError)
    except MailboxError:
        return "security"
    return "port"  # the one check left


@dataclass(frozen=True, slots=True)
class MailboxFields:
    """A mailbox set-up's fields, checked, as they are stored under `imap.<name>` (never the password)."""

    host: str
    port: str
    security: str
    user: str
    folder: str
    ca_file: str


def checked_mailbox_fields(
    host: str, port: str = "", security: str = "ssl", user: str = "", folder: str = "", ca_file: str = ""
) -> MailboxFields:
    """The values as they are stored, or FormErrors naming every field at fault."""
    problems: list[UserError] = []
    host, user, folder, ca_file, port = host.strip(), user.strip(), folder.strip(), ca_file.strip(), port.strip()
    if not host:
        problems.append(MailboxError("give the mail server's name, like imap.example.org", field="host"))
    elif len(host) > MAX_HOST or any(c.isspace() or c in "/@:" for c in host):
        problems.append(MailboxError("the mail server is a name like imap.example.org, without spaces", field="host"))
    try:
        port_number(port, "the port", MailboxError)
    except MailboxError as exc:
        exc.field = "port"
        problems.append(exc)
    if security not in SECURITY_CHOICES:
        problems.append(MailboxError("choose SSL/TLS or STARTTLS", field="security"))
    if not user:
        problems.append(MailboxError("give the user name you sign in to your mail with", field="user"))
    elif len(user) > MAX_USER:
        problems.append(MailboxError(f"the user name is longer than {MAX_USER} characters", field="user"))
    if len(folder) > MAX_FOLDER or any(c in "\r\n" for c in folder):
        problems.append(MailboxError("the folder is one name, like INBOX or Jobs", field="folder"))
    if ca_file and (len(ca_file) > MAX_PATH or not Path(ca_file).is_file()):
        problems.append(MailboxError("there is no such certificate file on this computer", field="ca_file"))
    if problems:
        raise FormErrors(problems)
    return MailboxFields(host=host, port=port, security=security, user=user, folder=folder, ca_file=ca_file)


def check_stored_imap(key: str, value: Any) -> bool:
    """Whether an imported `imap.*` setting is one the Settings page could have saved. A certificate file is a
    path on the computer it was saved on: it need not exist here (a connection then says the check failed)."""
    name = SAVED.name_of(key)
    if not isinstance(value, str) or name is None:
        return False
    if name == "ca_file":
        return len(value) <= MAX_PATH and not any(c in "\r\n\0" for c in value)
    baseline = {"host": "imap.invalid", "user": "me"}
    try:
        checked_mailbox_fields(**{**baseline, name: value})
    except UserError:
        return False
    return True


def save_mailbox_setup(ws: Workspace, *, password: str = "", **fields: str) -> MailboxSetup:
    """Check every field, keep a new password in the keyring, then save the rest in one transaction."""
    values = checked_mailbox_fields(**fields)
    if password:
        if not keyring_available():
            raise MailboxError(
                "this computer has no keyring (its safe place for passwords), so nextround cannot keep the "
                "password; upload an export of your mail on the Inbox page instead",
                field="password",
            )
        store_keyring_password(values.user, password, KEYRING_SERVICE)
    SAVED.save(ws, {name: getattr(values, name) for name in NAMES})
    return load_mailbox_setup(ws)


def forget_mailbox_setup(ws: Workspace) -> MailboxSetup:
    """Disconnect: remove the page's mailbox and the password kept for it (the environment's, if any, applies
    again). What was already read stays, and so does the place the next check starts from."""
    setup = load_mailbox_setup(ws)
    if setup.saved and setup.user:
        forget_keyring_password(setup.user, KEYRING_SERVICE)
    SAVED.forget(ws)
    return load_mailbox_setup(ws)


def require_usable(settings: ImapSettings) -> ImapSettings:
    """The settings, or MailboxError in plain words when no mailbox is connected or it has no password."""
    if not settings.configured:
        raise MailboxError("no mailbox is connected yet: connect it on the Settings page first")
    if not settings.password:
        raise MailboxError(
            "there is no password for this mailbox yet: enter it under Your mailbox on the Settings page",
            field="password",
        )
    return settings


def check_mailbox(settings: ImapSettings) -> MailboxCheck:
    """Sign in and open the folder, read-only (nothing is fetched, flagged or moved); ImapError when it fails."""
    require_usable(settings)
    with ImapReader(settings) as reader:
        messages = len(reader.new_uids(0))
    return MailboxCheck(account=settings.account, folder=settings.folder, messages=messages)
