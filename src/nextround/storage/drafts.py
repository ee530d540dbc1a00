"""Feedback requests in plain SQL: what drafting one reads, and its write (storage.reads' path, for a write).

`nextround feedback draft` is an everyday command whose only write is one row; SQLAlchemy and the mapped
tables would cost it more than everything else together (see `Database.plain_write`). The ORM's repositories
(storage.feedback) stay for the rest of the feedback pillar; tests compare the two, row by row, on both
engines. Values are bound as the mapped columns bind them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from nextround.domain.dates import stored_moment
from nextround.domain.feedback_requests import (
    ContactRef,
    FeedbackRequest,
    Interview,
    RequestStatus,
    Tone,
    stored_status,
    stored_tone,
)
from nextround.storage.reads import NotFoundError, Reader

REQUEST_COLUMNS = (
    "id", "application_id", "contact_id", "to_email", "tone", "subject", "body", "status", "channel", "message_id",
    "drafted_at", "sent_at", "chased_at", "resolved_at",
)  # fmt: skip
_CONTACT = "c.id, c.name, c.email, c.title, c.company, c.kind"


class DraftStore(Reader):
    """The feedback pillar's reads for one owner, and the drafted request's write."""

    def request_rows(
        self, application_id: int | None = None, statuses: tuple[RequestStatus, ...] | None = None
    ) -> list[FeedbackRequest]:
        where = "owner_id = :owner"
        params: dict[str, Any] = {}
        if application_id is not None:
            where += " AND application_id = :app"
            params["app"] = application_id
        if statuses:
            where += f" AND status IN ({', '.join(f':s{n}' for n in range(len(statuses)))})"
            params.update({f"s{n}": status.value for n, status in enumerate(statuses)})
        rows = self.rows(
            f"SELECT {', '.join(REQUEST_COLUMNS)} FROM feedback_requests WHERE {where} ORDER BY id", **params
        )
        return [self._request(row) for row in rows]

    def request(self, request_id: int) -> FeedbackRequest:
        rows = self.rows(
            f"SELECT {', '.join(REQUEST_COLUMNS)} FROM feedback_requests WHERE id = :id AND owner_id = :owner",
            id=request_id,
        )
        if not rows:
            raise NotFoundError(f"no feedback request with id {request_id}")
        return self._request(rows[0])

    def _request(self, row: tuple[Any, ...]) -> FeedbackRequest:
        (request_id, app_id, contact_id, to_email, tone, subject, body, status, channel, message_id,
         drafted_at, sent_at, chased_at, resolved_at) = row  # fmt: skip
        moment = self.moment
        return FeedbackRequest(
            id=request_id,
            application_id=app_id,
            contact_id=contact_id,
            to_email=to_email,
            tone=stored_tone(tone),
            subject=subject,
            body=body,
            status=stored_status(status),
            channel=channel,
            message_id=message_id,
            drafted_at=moment(drafted_at),  # type: ignore[arg-type]
            sent_at=moment(sent_at),
            chased_at=moment(chased_at),
            resolved_at=moment(resolved_at),
        )

    def feedback_texts(self, application_id: int) -> list[str]:
        """The words of each piece of feedback recorded for an application."""
        rows = self.rows(
            "SELECT text FROM feedback WHERE owner_id = :owner AND application_id = :app ORDER BY received_at, id",
            app=application_id,
        )
        return [str(row[0]) for row in rows]

    def rejection_notices(self, application_id: int) -> list[str]:
        """The words of the rejection emails accepted in the Inbox for an application."""
        rows = self.rows(
            "SELECT text FROM mail_messages WHERE owner_id = :owner AND application_id = :app"
            " AND kind = 'rejection' AND status = 'applied' ORDER BY id",
            app=application_id,
        )
        return [str(row[0]) for row in rows]

    def interviews_of(self, application_id: int | None = None) -> list[Interview]:
        """Interviews (of one application), by time."""
        where = "owner_id = :owner" + ("" if application_id is None else " AND application_id = :app")
        rows = self.rows(
            "SELECT id, application_id, scheduled_at, round, kind, interviewers, location, notes, duration_minutes"
            f" FROM interviews WHERE {where} ORDER BY scheduled_at, id",
            app=application_id,
        )
        return [
            Interview(
                id=i,
                application_id=app_id,
                scheduled_at=self.moment(at),  # type: ignore[arg-type]
                round=round_,
                kind=kind,
                interviewers=tuple(self.json(people) or ()),
                location=location,
                notes=notes,
                duration_minutes=minutes,
            )
            for i, app_id, at, round_, kind, people, location, notes, minutes in rows
        ]

    def contact_ref(self, contact_id: int) -> ContactRef:
        rows = self.rows(f"SELECT {_CONTACT} FROM contacts c WHERE c.id = :id AND c.owner_id = :owner", id=contact_id)
        if not rows:
            raise NotFoundError(f"no contact with id {contact_id}")
        return ContactRef(*rows[0])

    def contact_with_email(self, address: str) -> ContactRef | None:
        """The one contact with this email address, if exactly one has it."""
        rows = self.rows(
            f"SELECT {_CONTACT} FROM contacts c WHERE c.owner_id = :owner AND lower(c.email) = :email",
            email=address.strip().lower(),
        )
        return ContactRef(*rows[0]) if len(rows) == 1 else None

    def linked_contacts(self, application_id: int) -> list[tuple[ContactRef, str]]:
        """The people linked to an application, with their role in it, in the order they were linked."""
        rows = self.rows(
            f"SELECT {_CONTACT}, l.role FROM contacts c JOIN application_contacts l ON l.contact_id = c.id"
            " WHERE l.application_id = :app AND l.owner_id = :owner AND c.owner_id = :owner ORDER BY l.id",
            app=application_id,
        )
        return [(ContactRef(*values), role) for *values, role in rows]

    # -- the write ---------------------------------------------------------------------------------------

    def save_draft(
        self,
        application_id: int,
        *,
        contact_id: int | None,
        to_email: str,
        tone: Tone,
        subject: str,
        body: str,
        drafted_at: datetime,
    ) -> FeedbackRequest:
        """The application's draft written again (its channel cleared), or a new one: what storage.feedback's
        `update` and `add` store and return."""
        drafts = self.request_rows(application_id, (RequestStatus.DRAFTED,))
        values: dict[str, Any] = {
            "contact_id": contact_id, "to_email": to_email, "tone": tone.value, "subject": subject, "body": body,
            "drafted_at": self.bind_moment(stored_moment(drafted_at)), "channel": "",
        }  # fmt: skip
        if drafts:
            assignments = ", ".join(f"{name} = :{name}" for name in values)
            self.rows(
                f"UPDATE feedback_requests SET {assignments} WHERE id = :id AND owner_id = :owner",
                id=drafts[-1].id,
                **values,
            )
            return replace(
                drafts[-1], contact_id=contact_id, to_email=to_email, tone=tone, subject=subject, body=body,
                drafted_at=drafted_at, channel="",
            )  # fmt: skip
        values.update(
            owner_id=self.owner_id, application_id=application_id, status=RequestStatus.DRAFTED.value, message_id=""
        )
        names = ", ".join(values)
        insert = f"INSERT INTO feedback_requests ({names}) VALUES ({', '.join(':' + n for n in values)})"
        if self.dialect == "sqlite":  # RETURNING needs SQLite 3.35; the connection's last row id does not
            self.rows(insert, **values)
            rows = self.rows("SELECT last_insert_rowid()")
        else:
            rows = self.rows(insert + " RETURNING id", **values)
        return FeedbackRequest(
            id=rows[0][0], application_id=application_id, contact_id=contact_id, to_email=to_email, tone=tone,
            subject=subject, body=body, status=RequestStatus.DRAFTED, channel="", message_id="", drafted_at=drafted_at,
        )  # fmt: skip
