"""Reading mail that arrived: an .mbox file, a folder of .eml files, or a Maildir (standard library only).

Each message becomes an ``analysis.mail.MailText``: sender, date, subject, thread ids, whether it is bulk
mail, and the plain text of the body with quoted earlier messages removed. Attachments are never read.
A message that cannot be parsed is skipped and counted, never fatal; a file that is not mail at all is one
``MailReadError`` line.
"""

from __future__ import annotations

import contextlib
import email
import hashlib
import html
import mailbox
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from nextround.analysis.mail import MAX_BODY_CHARS, MailText
from nextround.errors import UserError

# A message bigger than this is mostly attachments: only its first bytes are parsed for headers and text.
MAX_MESSAGE_BYTES = 2 * 1024 * 1024
_MSGID = re.compile(r"<[^<>\s]+>")
_BULK_PRECEDENCE = ("bulk", "list", "junk")


class MailReadError(UserError, ValueError):
    """A mail source that cannot be read at all (not a mailbox, unreadable folder)."""


@dataclass(frozen=True, slots=True)
class ReadReport:
    """Messages read from a source, and how many could not be."""

    messages: list[MailText]
    unreadable: int = 0


@lru_cache(maxsize=1)
def _reply_parser() -> Any:
    from mailparser_reply import EmailReplyParser

    return EmailReplyParser(languages=["en", "de", "fr", "es", "nl", "it", "sv"])


_QUOTE_HEADER = re.compile(
    r"^(?:-{2,}\s*original message\s*-{2,}|_{5,}|on .{4,120} wrote:|from: .+|-{5,} forwarded message -{5,})\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def strip_quoted(text: str) -> str:
    """The new part of a reply: without '>' lines, 'On ... wrote:' blocks or an 'Original Message'."""
    try:
        reply = str(_reply_parser().parse_reply(text=text))
    except Exception:  # the parser is a convenience; the fallback below is enough on its own
        reply = text
    if not reply.strip():
        reply = text
    found = _QUOTE_HEADER.search(reply)
    if found and found.start() > 0:
        reply = reply[: found.start()]
    lines = [line for line in reply.splitlines() if not line.lstrip().startswith(">")]
    return "\n".join(lines).strip()


class _TextOfHtml:
    """Tag-free text from HTML, with block elements as line breaks."""

    _BLOCK = re.compile(r"<\s*(?:br|/p|/div|/tr|/li|/h\d|p|div|li|tr)\b[^>]*>", re.IGNORECASE)
    _DROP = re.compile(r"<\s*(script|style|head)\b.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)
    _TAG = re.compile(r"<[^>]+>")

    @classmethod
    def convert(cls, markup: str) -> str:
        text = cls._DROP.sub(" ", markup)
        text = cls._BLOCK.sub("\n", text)
        text = html.unescape(cls._TAG.sub(" ", text))
        return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _decode_part(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return str(part.get_payload() or "")
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:  # an unknown charset name: read it as UTF-8, replacing what doesn't fit
        return payload.decode("utf-8", errors="replace")


def _body_text(message: Message) -> str:
    plain: str | None = None
    markup: str | None = None
    parts = message.walk() if message.is_multipart() else iter([message])
    for part in parts:
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind == "text/plain" and plain is None:
            plain = _decode_part(part)
        elif kind == "text/html" and markup is None:
            markup = _decode_part(part)
    if plain and plain.strip():
        return plain
    return _TextOfHtml.convert(markup) if markup else ""


def _header(message: Message, name: str) -> str:
    """A header as text, encoded words (=?utf-8?q?...?=) decoded; a malformed one is kept as it came."""
    value = message.get(name)
    if value is None:
        return ""
    raw = str(value)
    if "=?" in raw:
        with contextlib.suppress(LookupError, ValueError, UnicodeError, HeaderParseError):
            raw = str(make_header(decode_header(raw)))
    return " ".join(raw.split())


def _sent_at(message: Message) -> datetime | None:
    raw = _header(message, "Date")
    if not raw:
        return None
    try:
        moment = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    return moment if moment.tzinfo is not None else None


def from_message(message: Message) -> MailText:
    """The reader's view of one parsed message."""
    sender = _header(message, "From")
    pairs = getaddresses([sender]) if sender else []
    name, address = pairs[0] if pairs else ("", "")
    subject = _header(message, "Subject")[:300]
    body = strip_quoted(_body_text(message).replace("\r\n", "\n"))[:MAX_BODY_CHARS]
    thread = tuple(dict.fromkeys(_MSGID.findall(f"{_header(message, 'In-Reply-To')} {_header(message, 'References')}")))
    precedence = _header(message, "Precedence").lower()
    bulk = bool(_header(message, "List-Unsubscribe") or _header(message, "List-Id")) or precedence in _BULK_PRECEDENCE
    found_id = _MSGID.search(_header(message, "Message-ID"))
    sent_at = _sent_at(message)
    message_id = found_id.group(0) if found_id else _stable_id(sender, subject, sent_at, body)
    return MailText(
        message_id=message_id[:300],
        sender_name=name.strip()[:200],
        sender_address=address.strip().lower()[:300],
        subject=subject,
        body=body,
        sent_at=sent_at,
        thread_ids=thread[:50],
        bulk=bulk,
    )


def _stable_id(sender: str, subject: str, sent_at: datetime | None, body: str) -> str:
    # A message without a Message-ID still gets the same identity every time it is read.
    digest = hashlib.sha256(f"{sender}\n{subject}\n{sent_at}\n{body}".encode()).hexdigest()[:32]
    return f"<{digest}@nextround.no-message-id>"


_PASTED_HEADER = re.compile(r"^(from|subject|date|sent|to|cc|reply-to)\s*:\s*(.*)$", re.IGNORECASE)
MAX_PASTED_CHARS = 50_000
# What follows the day in a copied Date/Sent line: seconds and a zone name or offset are dropped (the day and the
# hour are what a stage event needs), as is the relative part Gmail adds ("(3 days ago)").
_PASTED_TAIL = re.compile(r"(?:\s*\(.*\))?(?:\s+(?:(?![AP]M\b)[A-Z]{2,5}|[+-]\d{2}:?\d{2}))*\s*$")
_SECONDS = re.compile(r"\b(\d{1,2}:\d{2}):\d{2}\b")
_BEFORE_TIME = re.compile(r",?\s+(?:at\s+)?(?=\d{1,2}:\d{2}|\d{1,2}\s*[ap]m\b)", re.IGNORECASE)


def _pasted_sent_at(value: str, fallback: datetime) -> datetime:
    """The moment a copied Date or Sent line gives ('Thu, 3 Dec 2026 16:12:05 +0000', Outlook's 'Thursday,
    3 December 2026 16:12', Apple Mail's '3 December 2026 at 16:12:05 GMT'); `fallback` (the moment it was
    pasted) when there is none or it cannot be read, as it was before lines like these were read."""
    if not value:
        return fallback
    with contextlib.suppress(TypeError, ValueError, IndexError):
        moment = parsedate_to_datetime(value)
        if moment.tzinfo is not None:  # a real RFC 2822 date; without a zone it may have dropped "PM"
            return moment
    from nextround.domain.dates import DateParseError, parse_when

    words = _BEFORE_TIME.sub(" ", _SECONDS.sub(r"\1", _PASTED_TAIL.sub("", value.strip())))
    try:
        return parse_when(words, fallback)
    except DateParseError:
        return fallback


# Gmail and Outlook on the web copy a message without "From:" labels: the subject, perhaps a folder label
# ("Inbox"), the sender as 'Name <address>', the date ('Tue, 1 Dec, 10:41 (5 days ago)'), then 'to me'.
_SENDER_LINE = re.compile(r"^(?P<name>[^<>]{0,200}?)\s*<(?P<address>[^<>\s@]+@[^<>\s]+\.[^<>\s]+)>$")
_TO_LINE = re.compile(r"^to\b", re.IGNORECASE)
_WEBMAIL_TOP = 6


def _webmail_headers(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """The sender, subject and date of a copy laid out as Gmail and Outlook on the web show a message, and the
    lines after them; no headers and the lines as they were when the copy does not start like that."""
    shown = [(index, line.strip()) for index, line in enumerate(lines[: _WEBMAIL_TOP * 2]) if line.strip()]
    # The sender's line is followed by the date's: a line that merely holds an address in a letter is not.
    found = next(
        (
            (n, m)
            for n, (_, line) in enumerate(shown[:_WEBMAIL_TOP])
            if (m := _SENDER_LINE.match(line)) and n + 1 < len(shown) and any(c.isdigit() for c in shown[n + 1][1])
        ),
        None,
    )
    if found is None:
        return {}, lines
    at, sender = found
    headers = {"from": sender.group(0)}
    if at > 0:
        headers["subject"] = shown[0][1]
    rest = shown[at + 1 :]
    headers["date"] = rest.pop(0)[1]
    if rest and _TO_LINE.match(rest[0][1]):
        rest.pop(0)
    start = rest[0][0] if rest else len(lines)
    return headers, lines[start:]


def pasted_message(text: str, sent_at: datetime) -> MailText:
    """A message copied out of a mail program and pasted: its From, Subject and Date (or Outlook's Sent) lines are
    read when the copy begins with them (as Outlook and Gmail copy a message), the rest is its text; `sent_at` is
    its moment when no date line can be read. The same paste twice has the
    same identity, so it is reviewed once."""
    lines = text.replace("\r\n", "\n")[:MAX_PASTED_CHARS].strip().split("\n")
    headers: dict[str, str] = {}
    while lines and (found := _PASTED_HEADER.match(lines[0].strip())):
        headers.setdefault(found.group(1).lower(), found.group(2).strip())
        lines.pop(0)
    if not headers:
        headers, lines = _webmail_headers(lines)
    body = strip_quoted("\n".join(lines).strip())[:MAX_BODY_CHARS]
    sender = headers.get("from", "")
    pairs = getaddresses([sender]) if sender else []
    name, address = pairs[0] if pairs else ("", "")
    subject = headers.get("subject", "")[:300]
    digest = hashlib.sha256(f"{sender}\n{subject}\n{body}".encode()).hexdigest()[:32]
    return MailText(
        message_id=f"<{digest}@nextround.pasted>",
        sender_name=name.strip()[:200],
        sender_address=address.strip().lower()[:300] if "@" in address else "",
        subject=subject,
        body=body,
        sent_at=_pasted_sent_at(headers.get("date") or headers.get("sent", ""), sent_at),
    )


def parse_bytes(raw: bytes) -> MailText:
    # compat32 parses headers lazily as plain strings: several times faster than the modern policy's header
    # objects, which matters for a 10,000-message export; the few headers read are decoded by `_header`.
    message = email.message_from_bytes(raw[:MAX_MESSAGE_BYTES], policy=policy.compat32)
    return from_message(message)


def _looks_like_mbox(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(5)
    return head == b"From "


def _is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() and (path / "new").is_dir()


def read_path(path: Path) -> ReadReport:
    """Every message in an .mbox file, a Maildir, a folder of .eml files, or one .eml file."""
    path = Path(path).expanduser()
    if not path.exists():
        raise MailReadError(f"{path} does not exist")
    if path.is_dir():
        if _is_maildir(path):
            return _read_maildir(path)
        return _read_eml_folder(path)
    if path.stat().st_size == 0:  # an export that was cut short or never written: not a wrong kind of file
        raise MailReadError(f"{path} is empty: there is no mail in it to read")
    if _looks_like_mbox(path):
        return _read_mbox(path)
    if path.suffix.lower() in (".eml", ".msg", ".txt") or path.stat().st_size < MAX_MESSAGE_BYTES:
        report = _read_files([path])
        if report.messages:
            return report
    raise MailReadError(f"{path} is not an .mbox file, a Maildir or an .eml message")


def _parse_or_none(raw: bytes) -> MailText | None:
    try:
        parsed = parse_bytes(raw)
    except Exception:  # one broken message never stops the rest: it is counted as unreadable
        return None
    if not parsed.sender_address and not parsed.subject:  # no headers at all: not a mail message
        return None
    return parsed


def _collect(raws: Iterable[bytes | None]) -> ReadReport:
    """Parse each raw message (None: one that could not even be read) and count what failed."""
    messages: list[MailText] = []
    unreadable = 0
    for raw in raws:
        parsed = _parse_or_none(raw) if raw is not None else None
        if parsed is None:
            unreadable += 1
        else:
            messages.append(parsed)
    return ReadReport(messages, unreadable)


def _read_mbox(path: Path) -> ReadReport:
    try:
        box = mailbox.mbox(str(path), create=False)
        keys = box.keys()
    except (OSError, mailbox.Error) as exc:
        raise MailReadError(f"cannot read {path} as an mbox file: {exc}") from None

    def raws() -> Iterator[bytes | None]:
        for key in keys:
            try:
                yield box.get_bytes(key)
            except Exception:  # a message the mbox index points at but cannot give back
                yield None

    try:
        return _collect(raws())
    finally:
        box.close()


def _read_maildir(path: Path) -> ReadReport:
    files = sorted(p for sub in ("cur", "new") for p in (path / sub).iterdir() if p.is_file())
    return _read_files(files)


def _read_eml_folder(path: Path) -> ReadReport:
    files = sorted(p for p in path.rglob("*.eml") if p.is_file())
    if not files:
        raise MailReadError(f"{path} holds no .eml files and is not a Maildir")
    return _read_files(files)


def _read_files(files: list[Path]) -> ReadReport:
    def raws() -> Iterator[bytes | None]:
        for file in files:
            try:
                with file.open("rb") as handle:
                    yield handle.read(MAX_MESSAGE_BYTES)
            except OSError:
                yield None

    return _collect(raws())
