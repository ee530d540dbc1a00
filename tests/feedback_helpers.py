"""Test helpers for the feedback pillar: a real local SMTP server (aiosmtpd), free and closed ports, rows.

The SMTP server is the real thing: smtplib talks to it over a TCP socket on 127.0.0.1, and the
handler keeps every message that arrives so a test can read it back.
"""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default as default_policy
from typing import Any

from aiosmtpd.controller import Controller
from sqlalchemy import insert

from nextround.services.workspace import Workspace
from nextround.storage.tables import ApplicationContactRow, ContactRow


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.raw, policy=default_policy)
        assert isinstance(parsed, EmailMessage)
        return parsed

    @property
    def body(self) -> str:
        part = self.message.get_body(preferencelist=("plain",))
        assert part is not None
        content: str = part.get_content()
        return content.replace("\r\n", "\n")  # SMTP carries CRLF line ends


@dataclass
class StoringHandler:
    received: list[Received] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = envelope.original_content or envelope.content
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(raw)))
        return "250 Message accepted for delivery"


@dataclass
class SmtpServer:
    host: str
    port: int
    handler: StoringHandler

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def env(self, **extra: str) -> dict[str, str]:
        values = {
            "NEXTROUND_SMTP_HOST": self.host,
            "NEXTROUND_SMTP_PORT": str(self.port),
            "NEXTROUND_SMTP_FROM": "Alex Doe <alex@example.org>",
            "NEXTROUND_SMTP_STARTTLS": "off",
        }
        values.update(extra)
        return values


def free_port() -> int:
    """A port nothing listens on (bound once by us, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def smtp_server() -> Iterator[SmtpServer]:
    handler = StoringHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield SmtpServer("127.0.0.1", port, handler)
    finally:
        controller.stop()


SMTP_ENV_NAMES = ("HOST", "PORT", "USER", "PASSWORD", "FROM", "STARTTLS", "SSL")


def add_contact(ws: Workspace, *, name: str, email_address: str = "", app_id: int | None = None, role: str = "") -> int:
    """A contact row (the network pillar owns contact use cases; tests only need one to exist)."""
    with ws.db.write() as session:
        contact_id: int = session.execute(
            insert(ContactRow).returning(ContactRow.id),
            {"owner_id": ws.owner_id, "name": name, "email": email_address, "created_at": ws.now()},
        ).scalar_one()
        if app_id is not None:
            session.execute(
                insert(ApplicationContactRow),
                {"owner_id": ws.owner_id, "application_id": app_id, "contact_id": contact_id, "role": role},
            )
    return contact_id
