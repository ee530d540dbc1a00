"""Sending a message: SMTP, a standard .eml file, or a mailto: link.

The SMTP set-up comes from `Settings.smtp` (read from `NEXTROUND_SMTP_*` by the entry points). The password
comes from the environment (`NEXTROUND_SMTP_PASSWORD`) or, failing that, the OS keyring (service
"nextround-smtp", the SMTP user as the account). It is never written to the database, never logged, and
never part of an error message: the settings' repr hides it, and any server reply quoted in an error is
scrubbed of it first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime, getaddresses, make_msgid
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from nextround.config import SMTP_ENV, SmtpConfig
from nextround.errors import UserError

if TYPE_CHECKING:
    from email.message import EmailMessage

# smtplib, ssl and the message classes are imported where a message is built or sent: drafting a request
# only checks addresses, and importing them costs that command a tenth of its time.
ENV = SMTP_ENV
KEYRING_SERVICE = "nextround-smtp"
DEFAULT_TIMEOUT = 20.0
# A server name that does not resolve: a typo, or no network at all.
UNKNOWN_HOST = "no such name (check the spelling, and that this computer is online)"
_EMAIL = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+$")
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


class MailError(UserError, RuntimeError):
    """A message that cannot be built or delivered (bad address, SMTP not set up, server refused)."""


def check_address(value: str) -> str:
    """A single plain e-mail address, or MailError. Display names are allowed: 'Priya <p@x.org>'."""
    text = value.strip()
    if "\n" in text or "\r" in text:
        raise MailError("an e-mail address cannot contain a line break")
    pairs = getaddresses([text])
    if len(pairs) != 1 or not _EMAIL.match(pairs[0][1]):
        raise MailError(f"{value!r} is not an e-mail address")
    return text


def same_address(a: str, b: str) -> bool:
    """Whether two addresses (display names allowed) are the same mailbox, ignoring case."""
    first, second = getaddresses([a.strip()]), getaddresses([b.strip()])
    if len(first) != 1 or len(second) != 1 or not first[0][1]:
        return False
    return first[0][1].lower() == second[0][1].lower()


def on_off(raw: str | None, label: str, error: type[UserError]) -> bool | None:
    """An on/off setting as typed (1/true/yes/on, 0/false/no/off/empty); None when not set at all."""
    if raw is None:
        return None
    lowered = raw.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise error(f"{label} must be on or off, not {raw!r}")


def port_number(raw: str, label: str, error: type[UserError]) -> int | None:
    """A TCP port as typed; None when empty (the caller's default applies)."""
    if not raw:
        return None
    try:
        port = int(raw)
    except ValueError:
        raise error(f"{label} must be a port number, not {raw!r}") from None
    if not 0 < port < 65536:
        raise error(f"{label} must be between 1 and 65535")
    return port


def _usable_keyring() -> Any:
    """The OS keyring backend, or None where there is none (keyring not installed, or only its "fail" backend)."""
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception:
        return None
    # The "fail" backend (no keyring on this machine) has priority 0 and raises on every call.
    if float(getattr(backend, "priority", 0) or 0) <= 0:
        return None
    return backend


def keyring_available() -> bool:
    """Whether a password can be kept in the OS keyring on this machine."""
    return _usable_keyring() is not None


def keyring_password(user: str, service: str = KEYRING_SERVICE) -> str | None:
    """The password stored in the OS keyring for `user`, or None: any keyring trouble means 'none'."""
    if not user:
        return None
    if _usable_keyring() is None:
        return None
    try:
        import keyring

        password = keyring.get_password(service, user)
    except Exception:
        return None
    return password or None


def store_keyring_password(user: str, password: str, service: str = KEYRING_SERVICE) -> None:
    """Keep `password` for `user` in the OS keyring; MailError (without the password) when it cannot."""
    if _usable_keyring() is None:
        raise MailError(f"there is no keyring on this computer: set {ENV}PASSWORD instead", field="password")
    try:
        import keyring

        keyring.set_password(service, user, password)
    except Exception as exc:
        raise MailError(f"the keyring refused the password ({type(exc).__name__})", field="password") from None


def forget_keyring_password(user: str, service: str = KEYRING_SERVICE) -> None:
    """Remove the password kept for `user`, if any; a keyring without it (or no keyring) has nothing to do."""
    if not user or _usable_keyring() is None:
        return
    try:
        import keyring

        keyring.delete_password(service, user)
    except Exception:  # nothing kept, or the keyring refused: nothing more nextround can do about it
        return


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str = ""
    port: int = 587
    user: str = ""
    password: str | None = field(default=None, repr=False)
    from_addr: str = ""
    starttls: bool = True
    ssl: bool = False
    timeout: float = DEFAULT_TIMEOUT

    @property
    def configured(self) -> bool:
        return bool(self.host and self.from_addr)

    @property
    def sender_name(self) -> str:
        """The display name in NEXTROUND_SMTP_FROM ('Alex Doe <alex@example.org>' gives 'Alex Doe')."""
        if not self.from_addr:
            return ""
        return getaddresses([self.from_addr])[0][0].strip()

    @classmethod
    def from_env(
        cls, env: Mapping[str, str], *, password_lookup: Callable[[str], str | None] = keyring_password
    ) -> SmtpSettings:
        """From `NEXTROUND_SMTP_*` in `env` (the entry points pass their settings' `smtp` to from_config)."""
        return cls.from_config(SmtpConfig.from_env(env), password_lookup=password_lookup)

    @classmethod
    def from_config(
        cls, config: SmtpConfig, *, password_lookup: Callable[[str], str | None] = keyring_password
    ) -> SmtpSettings:
        """Checked settings from the values as set; the keyring is asked for a password not in the environment."""
        host = config.host
        user = config.user
        use_ssl = bool(on_off(config.ssl, f"{ENV}SSL", MailError))
        starttls_flag = on_off(config.starttls, f"{ENV}STARTTLS", MailError)
        starttls = (not use_ssl) if starttls_flag is None else starttls_flag
        if use_ssl and starttls:
            raise MailError(f"set either {ENV}SSL or {ENV}STARTTLS, not both")
        port = port_number(config.port, f"{ENV}PORT", MailError)
        if port is None:
            port = 465 if use_ssl else (587 if starttls else 25)
        from_addr = config.from_addr or (user if "@" in user else "")
        if from_addr:
            check_address(from_addr)
        password = config.password
        if password is None and user and host:
            password = password_lookup(user)
        return cls(
            host=host,
            port=port,
            user=user,
            password=password,
            from_addr=from_addr,
            starttls=starttls,
            ssl=use_ssl,
        )


def _domain_of(address: str) -> str:
    found = getaddresses([address])[0][1] if address else ""
    return found.rpartition("@")[2] or "nextround.invalid"


def build_message(
    *,
    to: str,
    subject: str,
    body: str,
    from_addr: str = "",
    date: datetime | None = None,
    reply_to: str = "",
    in_reply_to: str = "",
) -> EmailMessage:
    """A plain-text UTF-8 message with Date and a fresh Message-ID (a From is optional for drafts)."""
    from email.message import EmailMessage

    message = EmailMessage()
    if from_addr:
        message["From"] = check_address(from_addr)
    message["To"] = check_address(to)
    if "\n" in subject or "\r" in subject:
        raise MailError("a subject cannot contain a line break")
    message["Subject"] = subject
    if date is not None:
        message["Date"] = format_datetime(date)
    else:
        message["Date"] = format_datetime(datetime.now().astimezone())
    message["Message-ID"] = make_msgid(domain=_domain_of(from_addr))
    if reply_to:
        message["Reply-To"] = check_address(reply_to)
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    message.set_content(body, subtype="plain", charset="utf-8")
    return message


def _scrub(text: str, settings: SmtpSettings) -> str:
    line = " ".join(str(text).split())
    if settings.password:
        line = line.replace(settings.password, "***")
    return line[:300]


def _is_loopback(host: str) -> bool:
    return host in ("localhost", "127.0.0.1", "::1") or host.startswith("127.")


def send(settings: SmtpSettings, message: EmailMessage) -> list[str]:
    """Deliver over SMTP; returns the accepted recipients. Any failure is one MailError line."""
    import smtplib
    import socket
    import ssl

    if not settings.configured:
        raise MailError(f"SMTP is not set up: set {ENV}HOST and {ENV}FROM")
    encrypted = settings.ssl or settings.starttls
    if settings.user and settings.password and not encrypted and not _is_loopback(settings.host):
        # In words both ways in: the Settings page's Encryption, or the STARTTLS and SSL settings it started with.
        raise MailError(
            "refusing to send the mail password without encryption: choose STARTTLS or SSL for the mail server",
            field="security",
        )
    if "From" not in message:
        message["From"] = settings.from_addr
    where = f"{settings.host}:{settings.port}"
    try:
        client: smtplib.SMTP
        if settings.ssl:
            client = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=settings.timeout, context=ssl.create_default_context()
            )
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        with client:
            if settings.starttls and not settings.ssl:
                client.starttls(context=ssl.create_default_context())
            if settings.user and settings.password:
                client.login(settings.user, settings.password)
            refused = client.send_message(message)
    except smtplib.SMTPAuthenticationError:
        raise MailError(f"the SMTP server at {where} refused the login for {settings.user!r}") from None
    except smtplib.SMTPNotSupportedError as exc:
        raise MailError(f"the SMTP server at {where} does not support that: {_scrub(str(exc), settings)}") from None
    except smtplib.SMTPRecipientsRefused:
        raise MailError(f"the SMTP server at {where} refused the recipient {message['To']}") from None
    except smtplib.SMTPResponseException as exc:
        reason = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
        raise MailError(f"the SMTP server at {where} said {exc.smtp_code} {_scrub(reason, settings)}") from None
    except ConnectionRefusedError:
        raise MailError(f"cannot reach the SMTP server at {where}: connection refused") from None
    except socket.gaierror:  # the name did not resolve: say so, not "[Errno -2] Name or service not known"
        raise MailError(f"cannot find the SMTP server {settings.host}: {UNKNOWN_HOST}") from None
    except TimeoutError:
        raise MailError(f"the SMTP server at {where} did not answer in time") from None
    except ssl.SSLError as exc:
        raise MailError(
            f"TLS with the SMTP server at {where} failed: {_scrub(exc.reason or str(exc), settings)}"
        ) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise MailError(f"cannot send through {where}: {_scrub(str(exc) or type(exc).__name__, settings)}") from None
    return [a for _, a in getaddresses(message.get_all("To", [])) if a not in refused]


def write_eml(message: EmailMessage, path: Path, *, unsent: bool = True) -> Path:
    """Write a standard RFC 5322 file any mail program opens; `unsent` asks it to open as a draft."""
    if unsent and "X-Unsent" not in message:
        message["X-Unsent"] = "1"
    path = Path(path).expanduser()
    if path.is_dir():
        raise MailError(f"{path} is a folder; give a file name such as request.eml")
    try:
        path.write_bytes(bytes(message))
    except OSError as exc:  # a full disk: no half-written message left to open as a draft
        path.unlink(missing_ok=True)
        raise MailError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def mailto_link(to: str, subject: str, body: str) -> str:
    """A mailto: URL (RFC 6068) with the subject and body percent-encoded; line breaks as CRLF."""
    address = getaddresses([check_address(to)])[0][1]
    crlf_body = "\r\n".join(body.splitlines())
    return f"mailto:{quote(address, safe='@')}?subject={quote(subject, safe='')}&body={quote(crlf_body, safe='')}"


def display_address(name: str, address: str) -> str:
    """'Priya Shah <priya@example.org>', quoted properly when the name needs it."""
    from email.headerregistry import Address

    local, _, domain = address.partition("@")
    return str(Address(display_name=name, username=local, domain=domain)) if name else address
