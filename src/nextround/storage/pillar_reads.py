"""What the everyday pages read of the other pillars (feedback requests, interviews, goals, practice, watched
openings, reflections, the network, settings), in plain SQL like storage.reads' applications."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from nextround.storage.plain_sql import PlainSql
from nextround.storage.stored_values import CONTACT_COLUMNS, contact_from_values

if TYPE_CHECKING:
    from nextround.domain.contacts import Contact
    from nextround.domain.nudges import Interview, Link


class PillarReads(PlainSql):
    """Read-only queries of the other pillars for one owner."""

    # -- other pillars -------------------------------------------------------------------------------

    def feedback_request_statuses(self) -> list[str]:
        return [status for (status,) in self.rows("SELECT status FROM feedback_requests WHERE owner_id = :owner")]

    def chases(self) -> list[dict[str, Any]]:
        """Sent feedback requests with no reply and no chase yet, with their application."""
        rows = self.rows(
            "SELECT r.id, r.sent_at, a.company, a.role FROM feedback_requests r"
            " JOIN applications a ON a.id = r.application_id"
            " WHERE r.owner_id = :owner AND a.owner_id = :owner AND r.status = 'sent'"
            " AND r.sent_at IS NOT NULL AND r.chased_at IS NULL ORDER BY r.sent_at, r.id"
        )
        return [{"id": i, "sent_at": self.moment(s), "company": c, "role": r} for i, s, c, r in rows]

    def interviews(self) -> list[Interview]:
        from nextround.domain.nudges import Interview

        rows = self.rows(
            "SELECT id, application_id, scheduled_at, duration_minutes, kind, round, location, interviewers, notes"
            " FROM interviews WHERE owner_id = :owner ORDER BY scheduled_at, id"
        )
        return [
            Interview(
                id=i,
                application_id=app_id,
                scheduled_at=self.moment(at),  # type: ignore[arg-type]
                duration_minutes=minutes,
                kind=kind,
                round=round_,
                location=location,
                interviewers=tuple(str(p) for p in (self.json(people) or ())),
                notes=notes,
            )
            for i, app_id, at, minutes, kind, round_, location, people, notes in rows
        ]

    def latest_interview_times(self) -> dict[int, datetime]:
        """The latest interview (past or planned) of each application that has one."""
        rows = self.rows(
            "SELECT application_id, max(scheduled_at) FROM interviews WHERE owner_id = :owner GROUP BY application_id"
        )
        return {int(app_id): self.moment(when) for app_id, when in rows}  # type: ignore[misc]

    def open_goals_due_by(self, last_day: date) -> list[dict[str, Any]]:
        rows = self.rows(
            "SELECT id, title, due_on FROM goals WHERE owner_id = :owner AND status = 'open'"
            " AND due_on IS NOT NULL AND due_on <= :last ORDER BY due_on, id",
            last=self.bind_day(last_day),
        )
        return [{"id": i, "title": t, "due_on": self.day(d)} for i, t, d in rows]

    def practice_scores(self) -> list[tuple[str, int, datetime]]:
        """(question key, score, answered at) for every answer, oldest first: what spaced repetition needs."""
        rows = self.rows(
            "SELECT question_key, score, answered_at FROM practice_answers WHERE owner_id = :owner"
            " ORDER BY answered_at, id"
        )
        return [(key, score, self.moment(at)) for key, score, at in rows]  # type: ignore[misc]

    def new_postings(self, since: datetime) -> list[dict[str, Any]]:
        rows = self.rows(
            "SELECT p.id, p.title, p.url, p.first_seen_at, w.company FROM seen_postings p"
            " JOIN watches w ON w.id = p.watch_id"
            " WHERE p.owner_id = :owner AND w.owner_id = :owner AND p.dismissed = :no"
            " AND p.matches_keywords = :yes AND p.first_seen_at >= :since"
            # An opening already turned into an application (its "Apply" keeps the address) is done.
            " AND p.url NOT IN (SELECT job_url FROM applications WHERE owner_id = :owner AND job_url != '')"
            " ORDER BY p.first_seen_at, p.id",
            no=False,
            yes=True,
            since=self.bind_moment(since),
        )
        return [
            {"id": i, "title": t, "url": u, "first_seen_at": self.moment(f), "company": c} for i, t, u, f, c in rows
        ]

    def reapply_dates(self) -> dict[str, tuple[str, date]]:
        """lower-cased company -> (company as written, the latest re-apply date set for it)."""
        rows = self.rows(
            "SELECT company, reapply_after FROM watches WHERE owner_id = :owner AND reapply_after IS NOT NULL"
        )
        found: dict[str, tuple[str, date]] = {}
        for company, stored in rows:
            day = self.day(stored)
            if day is None:
                continue
            key = company.strip().lower()
            if key not in found or found[key][1] < day:
                found[key] = (company, day)
        return found

    def looked_back_application_ids(self) -> set[int]:
        """Applications the user has already reflected on or written a reframe for."""
        rows = self.rows(
            "SELECT application_id FROM reflections WHERE owner_id = :owner UNION"
            " SELECT application_id FROM journal_entries WHERE owner_id = :owner AND kind = 'reframe'"
            " AND application_id IS NOT NULL"
        )
        return {app_id for (app_id,) in rows}

    # -- the network ---------------------------------------------------------------------------------

    def contacts(self) -> list[Contact]:
        """Every contact, by id."""
        rows = self.rows(
            f"SELECT id, kind, {', '.join(CONTACT_COLUMNS)}, created_at FROM contacts"
            " WHERE owner_id = :owner ORDER BY id"
        )
        connected = CONTACT_COLUMNS.index("connected_on")
        found = []
        for contact_id, kind, *values, created_at in rows:
            values[connected] = self.day(values[connected])
            found.append(contact_from_values(contact_id, kind, values, self.moment(created_at)))  # type: ignore[arg-type]
        return found

    def links(self) -> list[Link]:
        from nextround.domain.nudges import Link

        rows = self.rows(
            "SELECT application_id, contact_id, role FROM application_contacts WHERE owner_id = :owner ORDER BY id"
        )
        return [Link(application_id=a, contact_id=c, role=r) for a, c, r in rows]

    def interaction_moments(self) -> dict[int, list[datetime]]:
        """contact id -> when each interaction with them happened."""
        grouped: dict[int, list[datetime]] = {}
        for contact_id, occurred_at in self.rows(
            "SELECT contact_id, occurred_at FROM interactions WHERE owner_id = :owner"
        ):
            grouped.setdefault(contact_id, []).append(self.moment(occurred_at))  # type: ignore[arg-type]
        return grouped

    # -- settings ------------------------------------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        """The owner's settings by key; a value not stored as {"v": ...} reads as unset."""
        out: dict[str, Any] = {}
        for key, value in self.rows("SELECT key, value FROM user_settings WHERE owner_id = :owner"):
            decoded = self.json(value)
            out[key] = decoded.get("v") if isinstance(decoded, dict) else None
        return out
