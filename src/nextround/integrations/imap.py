"""Reading an IMAP folder, read-only: EXAMINE (never SELECT), BODY.PEEK (never sets \\Seen), TLS always.

The password comes from `NEXTROUND_IMAP_PASSWORD` or, failing that, the OS keyring (service
"nextround-imap", the IMAP user as the account). It is never stored, logged or put in an error message.
New mail is found by UID: the folder's UIDVALIDITY and the highest UID already read are kept by the caller,
so a second sync fetches only what arrived since.
"""

from __future__ import annotations

import contextlib
import imaplib
import re
import socket
import ssl
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

from nextround.errors import UserError
from nextround.integrations.mail import UNKNOWN_HOST

ENV = "NEXTROUND_IMAP_"
KEYRING_SERVICE = "nextround-imap"
DEFAULT_TIMEOUT = 30.0
FETCH_BATCH = 200
_UIDVALIDITY = re.compile(rb"UIDVALIDITY (\d+)")
_FETCH_UID = re.compile(rb"UID (\d+)")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class ImapError(UserError, RuntimeError):
    """The IMAP server could not be reached, refused the login, or dropped the connection."""


def keyring_password(user: str) -> str | None:
    """The IMAP password stored in the OS keyring for `user`, or None (no keyring means none)."""
    from nextround.integrations.mail import keyring_password as lookup

    return lookup(user, service=KEYRING_SERVICE)


@dataclass(frozen=True, slots=True)
class ImapSettings:
    host: str = ""
    port: int = 993
    user: str = ""
    password: str | None = field(default=None, repr=False)
    folder: str = "INBOX"
    starttls: bool = False  # port 143 with STARTTLS instead of TLS from the first byte
    ca_file: str = ""  # a CA bundle to trust instead of the system's (a self-hosted server)
    timeout: float = DEFAULT_TIMEOUT

    @property
    def configured(self) -> bool:
        return bool(self.host and self.user)

    @property
    def account(self) -> str:
        """Where a sync position belongs: the same user on the same server."""
        return f"{self.user}@{self.host}:{self.port}"

    @classmethod
    def from_env(
        cls,
        env: Mapping[str, str],
        *,
        password_lookup: Callable[[str], str | None] = keyring_password,
    ) -> ImapSettings:
        host = env.get(ENV + "HOST", "").strip()
        user = env.get(ENV + "USER", "").strip()
        from nextround.integrations.mail import on_off, port_number

        starttls = bool(on_off(env.get(ENV + "STARTTLS"), f"{ENV}STARTTLS", ImapError))
        port = port_number(env.get(ENV + "PORT", "").strip(), f"{ENV}PORT", ImapError)
        if port is None:
            port = 143 if starttls else 993
        password = env.get(ENV + "PASSWORD") or None
        if password is None and user and host:
            password = password_lookup(user)
        return cls(
            host=host,
            port=port,
            user=user,
            password=password,
            folder=env.get(ENV + "FOLDER", "").strip() or "INBOX",
            starttls=starttls,
            ca_file=env.get(ENV + "CA_FILE", "").strip(),
        )


@dataclass(frozen=True, slots=True)
class FetchedBatch:
    uidvalidity: int
    messages: list[tuple[int, bytes]]  # (UID, raw message) in UID order


def imap_date(day: date) -> str:
    """IMAP's date format (RFC 3501): 05-Nov-2024, month names in English whatever the locale."""
    return f"{day.day:02d}-{_MONTHS[day.month - 1]}-{day.year}"


class ImapReader:
    """One read-only session on one folder. Use as a context manager."""

    def __init__(self, settings: ImapSettings) -> None:
        if not settings.configured:
            raise ImapError(f"IMAP is not set up: set {ENV}HOST and {ENV}USER (and {ENV}PASSWORD or the keyring)")
        if not settings.password:
            raise ImapError(f"no IMAP password: set {ENV}PASSWORD or store it in the OS keyring ({KEYRING_SERVICE})")
        self.settings = settings
        self.where = f"{settings.host}:{settings.port}"
        self._client: imaplib.IMAP4 | None = None
        self.uidvalidity = 0

    def _context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.settings.ca_file or None)

    def _scrub(self, text: object) -> str:
        line = " ".join(str(text).split())
        if self.settings.password:
            line = line.replace(self.settings.password, "***")
        return line[:200]

    def __enter__(self) -> ImapReader:
        s = self.settings
        try:
            if s.starttls:
                client: imaplib.IMAP4 = imaplib.IMAP4(s.host, s.port, timeout=s.timeout)
                client.starttls(ssl_context=self._context())
            else:
                client = imaplib.IMAP4_SSL(s.host, s.port, ssl_context=self._context(), timeout=s.timeout)
        except ConnectionRefusedError:
            raise ImapError(f"cannot reach the IMAP server at {self.where}: connection refused") from None
        except socket.gaierror:  # the name did not resolve: say so, not "[Errno -2] Name or service not known"
            raise ImapError(f"cannot find the IMAP server {s.host}: {UNKNOWN_HOST}") from None
        except TimeoutError:
            raise ImapError(f"the IMAP server at {self.where} did not answer in time") from None
        except ssl.SSLError as exc:
            raise ImapError(
                f"TLS with the IMAP server at {self.where} failed: {self._scrub(exc.reason or exc)}"
            ) from None
        except (imaplib.IMAP4.error, OSError) as exc:
            raise ImapError(f"cannot connect to the IMAP server at {self.where}: {self._scrub(exc)}") from None
        self._client = client
        try:
            client.login(s.user, s.password or "")
        except imaplib.IMAP4.error:
            self._close()
            raise ImapError(f"the IMAP server at {self.where} refused the login for {s.user!r}") from None
        except OSError as exc:
            self._close()
            raise ImapError(f"the IMAP server at {self.where} dropped the connection: {self._scrub(exc)}") from None
        self._examine()
        return self

    def __exit__(self, *exc: object) -> None:
        self._close()

    def _close(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        with contextlib.suppress(Exception):  # closing a dropped connection: nothing more to do
            client.logout()

    def _call(self, what: str, *args: str) -> list[object]:
        assert self._client is not None
        try:
            status, data = self._client.uid(what, *args)
        except imaplib.IMAP4.abort as exc:
            raise ImapError(f"the IMAP server at {self.where} dropped the connection: {self._scrub(exc)}") from None
        except imaplib.IMAP4.error as exc:
            raise ImapError(f"the IMAP server at {self.where} refused {what}: {self._scrub(exc)}") from None
        except OSError as exc:
            raise ImapError(f"the connection to the IMAP server at {self.where} failed: {self._scrub(exc)}") from None
        if status != "OK":
            raise ImapError(f"the IMAP server at {self.where} refused {what}: {self._scrub(data)}")
        return list(data)

    def _examine(self) -> None:
        """EXAMINE: read-only, so nothing in the folder (flags included) can change."""
        assert self._client is not None
        folder = self.settings.folder
        quoted = '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'
        try:
            status, _ = self._client.select(quoted, readonly=True)
        except (imaplib.IMAP4.error, OSError) as exc:
            raise ImapError(f"cannot open the folder {folder!r} on {self.where}: {self._scrub(exc)}") from None
        if status != "OK":
            raise ImapError(f"the folder {folder!r} does not exist on {self.where}")
        _, responses = self._client.response("UIDVALIDITY")
        value = next((r for r in responses if r), None)
        if value is None:
            raise ImapError(f"the IMAP server at {self.where} gave no UIDVALIDITY for {folder!r}")
        self.uidvalidity = int(value if isinstance(value, bytes | str) else str(value))

    def new_uids(self, after_uid: int, *, since: date | None = None, before: date | None = None) -> list[int]:
        """UIDs above `after_uid` (within the date range, if given), in order."""
        criteria = [f"UID {after_uid + 1}:*"]
        if since is not None:
            criteria += ["SINCE", imap_date(since)]
        if before is not None:
            criteria += ["BEFORE", imap_date(before)]
        data = self._call("SEARCH", *criteria)
        found = b" ".join(d for d in data if isinstance(d, bytes)).split()
        # "n:*" always matches the last message, even when its UID is below n: keep only the new ones.
        return sorted(uid for uid in (int(x) for x in found) if uid > after_uid)

    def fetch(self, uids: list[int]) -> Iterator[list[tuple[int, bytes]]]:
        """The raw messages, FETCH_BATCH at a time, without marking anything as read (BODY.PEEK)."""
        for start in range(0, len(uids), FETCH_BATCH):
            chunk = uids[start : start + FETCH_BATCH]
            data = self._call("FETCH", ",".join(str(u) for u in chunk), "(UID BODY.PEEK[])")
            batch: list[tuple[int, bytes]] = []
            for item in data:
                if not isinstance(item, tuple) or len(item) < 2:
                    continue
                found = _FETCH_UID.search(item[0])
                if found and isinstance(item[1], bytes):
                    batch.append((int(found.group(1)), item[1]))
            yield sorted(batch)
