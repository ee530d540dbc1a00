"""Words for people, shared by every front end: real plurals, not "answer(s)"."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from nextround.domain.feedback_requests import join_names


def plural(count: int, word: str, plural_word: str | None = None) -> str:
    """`plural(1, "answer")` → "1 answer"; `plural(3, "entry", "entries")` → "3 entries"."""
    return f"{count} {word if count == 1 else (plural_word or word + 's')}"


def signed(value: float | None) -> str:
    """A change with its sign: `+3`, `-0.5`; `n/a` when there is none."""
    if value is None:
        return "n/a"
    return f"{value:+g}"


def review_title(kind: str, start: date, end: date) -> str:
    """`Weekly review, 2024-11-04 to 2024-11-10` (a month's review says Monthly)."""
    return f"{'Weekly' if kind == 'week' else 'Monthly'} review, {start.isoformat()} to {end.isoformat()}"


# The effort counts by their key, as the review and the dashboard name them.
COUNT_LABELS: dict[str, str] = {
    "applications_sent": "Applications sent",
    "feedback_requests_sent": "Feedback requested",
    "feedback_chases_sent": "Feedback chases sent",
    "feedback_received": "Feedback received",
    "reflections": "Reflections",
    "practice_sessions": "Practice sessions",
    "practice_answers": "Practice answers",
    "contacts_touched": "Contacts kept warm",
    "goals_met": "Goals met",
    "journal_entries": "Journal entries",
    "wins": "Wins logged",
    "reframes": "Reframes",
}


def short_day(day: date) -> str:
    """A day as every page shows it: `3 Oct 2024` (no leading zero, no ISO dashes)."""
    return f"{day.day} {day:%b %Y}"


# What else an export brings, in a person's words, in the order the import page lists them; tables that only
# tie these together (stage changes, contact links, settings, mail state) go unnamed. The import page and
# `nextround import json` say the same.
IMPORTED_WORDS = (
    ("contacts", "contact", "contacts"),
    ("interactions", "logged interaction", "logged interactions"),
    ("interviews", "interview", "interviews"),
    ("feedback_requests", "feedback request", "feedback requests"),
    ("feedback", "piece of feedback", "pieces of feedback"),
    ("reflections", "reflection", "reflections"),
    ("practice_answers", "practice answer", "practice answers"),
    ("custom_questions", "practice question of your own", "practice questions of your own"),
    ("journal_entries", "journal entry", "journal entries"),
    ("goals", "goal", "goals"),
    ("cvs", "CV", "CVs"),
    ("watches", "watched company", "watched companies"),
)


def imported_beside(added: Mapping[str, int]) -> str:
    """'2 contacts, 1 piece of feedback and 4 journal entries' from rows added per table; '' when none."""
    counts = [(added[table], one, more) for table, one, more in IMPORTED_WORDS if added.get(table)]
    return join_names([f"{n} {one if n == 1 else more}" for n, one, more in counts])


def coaching_left_out(count: int) -> str:
    """Why the coaches' comments and audit-log entries of an imported export are not here."""
    return (
        f"{count} coach comment{'' if count == 1 else 's'} and audit-log entr{'y' if count == 1 else 'ies'} "
        "in the file were not imported: a file cannot prove who wrote them, so nothing in it is shown as "
        "written by a coach. Share again from Sharing and your coach can comment here."
    )
