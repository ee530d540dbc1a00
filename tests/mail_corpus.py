"""The labelled mail corpus in tests/data/mail_corpus: load a split as real RFC 5322 messages plus labels.

Each message in a split file is a '####' line (id | kind | app=KEY|new|none | at=... | company=... |
role=...) followed by headers, a blank line and the body. Messages get a Message-ID and a Date when the
block has none, so every one is a complete mail that the product's own parser reads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import HeaderParser
from pathlib import Path

CORPUS = Path(__file__).parent / "data" / "mail_corpus"
SPLITS = ("train", "dev", "test", "test2")
_BASE_DATE = datetime(2024, 11, 4, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Labelled:
    id: str
    kind: str
    app: str | None  # a tracker key, "new", or None
    at: str | None  # invitation time as written: 2024-11-12T14:00 (T00:00 means a date without a time)
    company: str
    role: str
    raw: bytes


@dataclass(frozen=True)
class TrackedApplication:
    key: str
    company: str
    role: str
    stage: str
    contact_email: str
    request_ids: tuple[str, ...]


def tracker() -> list[TrackedApplication]:
    rows = json.loads((CORPUS / "tracker.json").read_text("utf-8"))
    return [
        TrackedApplication(
            r["key"], r["company"], r["role"], r["stage"], r.get("contact_email", ""), tuple(r.get("request_ids", ()))
        )
        for r in rows
    ]


def _message(index: int, block_id: str, text: str) -> bytes:
    head, _, body = text.partition("\n\n")
    parsed = HeaderParser(policy=policy.default).parsestr(head + "\n\n")
    message = EmailMessage(policy=policy.SMTP)
    for name, value in parsed.items():
        message[name] = value
    if "Message-ID" not in message:
        message["Message-ID"] = f"<{block_id}@corpus.nextround.test>"
    if "Date" not in message:
        from email.utils import format_datetime

        message["Date"] = format_datetime(_BASE_DATE + timedelta(minutes=37 * index))
    if "To" not in message:
        message["To"] = "Sam Taylor <sam@example.org>"
    message.set_content(body.strip() + "\n")
    return bytes(message)


def load(split: str) -> list[Labelled]:
    lines = (CORPUS / f"{split}.txt").read_text("utf-8").splitlines()
    items: list[Labelled] = []
    current: list[str] | None = None
    label: list[str] = []

    def flush() -> None:
        if current is None:
            return
        fields = [f.strip() for f in label]
        block_id, kind = fields[0], fields[1]
        extra = dict(f.split("=", 1) for f in fields[2:])
        app = extra.get("app", "none")
        items.append(
            Labelled(
                id=block_id,
                kind=kind,
                app=None if app == "none" else app,
                at=extra.get("at"),
                company=extra.get("company", ""),
                role=extra.get("role", ""),
                raw=_message(len(items), block_id, "\n".join(current).strip("\n")),
            )
        )

    for line in lines:
        if line.startswith("#### "):
            flush()
            label = line[5:].split("|")
            current = []
        elif current is not None:
            current.append(line)
    flush()
    return items
