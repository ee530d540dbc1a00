"""Words for people, shared by every front end: real plurals, not "answer(s)"."""

from __future__ import annotations

from datetime import date


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
