"""The forms' rules, applied to every row a JSON import or restore brings in: one rule set per table.

`storage.snapshot.check_row_types` has already checked each value against its column (type, size, date
window). The rules here are the ones the forms enforce on top: a journal mood is 1-5, a LinkedIn address
is a web address, a setting is one the settings page could have saved. A file that breaks one is refused
whole, naming the table, the row and the field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from nextround.domain.contacts import ContactFields, parse_channel, parse_kind
from nextround.domain.feedback_requests import check_feedback_text, parse_source, parse_status, parse_tone
from nextround.domain.goals import STATUSES as GOAL_STATUSES
from nextround.domain.goals import check_title, parse_measure
from nextround.domain.watch import normalize_keywords
from nextround.errors import UserError
from nextround.services.keepgoing import JOURNAL_KINDS
from nextround.services.preferences import check_stored_setting
from nextround.storage.snapshot import RowError

Row = Mapping[str, Any]
Rule = Callable[[Row], None]

GOAL_ORIGINS = ("theme", "skill", "manual")
WATCH_BOARDS = ("", "greenhouse", "lever", "ashby")
MAX_PRACTICE_SCORE = 100


class _Bad(Exception):
    """Raised inside a rule: which field, and why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _one_of(row: Row, field: str, allowed: tuple[str, ...]) -> None:
    value = row.get(field)
    if value is not None and value not in allowed:
        raise _Bad(field, f"{str(value)[:40]!r} is not one of: {', '.join(a or '(none)' for a in allowed)}")


def _between(row: Row, field: str, low: int, high: int) -> None:
    value = row.get(field)
    if value is not None and not low <= value <= high:
        raise _Bad(field, f"must be between {low} and {high}")


def _by(field: str, check: Callable[[Any], object]) -> Rule:
    """A rule from a form validator: the validator's own message, under the field's name."""

    def rule(row: Row) -> None:
        if row.get(field) is None:
            return
        try:
            check(row[field])
        except UserError as exc:
            raise _Bad(field, str(exc)) from None

    return rule


def _settings(row: Row) -> None:
    value = row.get("value")
    if not isinstance(value, dict) or set(value) != {"v"}:
        raise _Bad("value", 'must be an object {"v": ...}')
    try:
        check_stored_setting(str(row.get("key")), value["v"])
    except UserError as exc:
        raise _Bad("value", str(exc)) from None


def _contact(row: Row) -> None:
    _by("kind", parse_kind)(row)
    for field in ("name", "email", "phone", "company", "title", "linkedin_url", "notes", "cadence_days"):
        if row.get(field) is None:
            continue
        try:  # one field at a time, so the error names the field that broke the rule
            ContactFields(**{"name": "x", field: row[field]}).validated()
        except UserError as exc:
            raise _Bad(field, str(exc)) from None


def _journal(row: Row) -> None:
    _one_of(row, "kind", JOURNAL_KINDS)
    _between(row, "mood", 1, 5)


def _goal(row: Row) -> None:
    _by("title", check_title)(row)
    _one_of(row, "status", GOAL_STATUSES)
    _one_of(row, "origin", GOAL_ORIGINS)
    _by("measure", parse_measure)(row)


def _reflection(row: Row) -> None:
    answers = row.get("answers")
    if answers is not None and not isinstance(answers, dict):
        raise _Bad("answers", "must be an object")


def _watch(row: Row) -> None:
    _one_of(row, "board", WATCH_BOARDS)
    keywords = row.get("keywords")
    if keywords is not None:
        if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
            raise _Bad("keywords", "must be a list of words")
        _by("keywords", normalize_keywords)(row)


def _list_of_text(field: str) -> Rule:
    def rule(row: Row) -> None:
        value = row.get(field)
        if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
            raise _Bad(field, "must be a list of text")

    return rule


def _all(*rules: Rule) -> Rule:
    def rule(row: Row) -> None:
        for each in rules:
            each(row)

    return rule


RULES: Mapping[str, Rule] = {
    "applications": _list_of_text("tags"),
    "user_settings": _settings,
    "contacts": _contact,
    "interactions": _by("channel", parse_channel),
    "interviews": _list_of_text("interviewers"),
    "feedback_requests": _all(_by("tone", parse_tone), _by("status", parse_status)),
    "feedback": _all(_by("source", parse_source), _by("text", check_feedback_text)),
    "goals": _goal,
    "reflections": _reflection,
    "custom_questions": _list_of_text("competencies"),
    "practice_sessions": _list_of_text("plan"),
    "practice_answers": _all(_list_of_text("competencies"), lambda row: _between(row, "score", 0, MAX_PRACTICE_SCORE)),
    "watches": _watch,
    "journal_entries": _journal,
}


def check_rows(tables: Mapping[str, Any]) -> None:
    """Apply each table's form rules to every row; the first broken one stops the import."""
    for table, rule in RULES.items():
        for n, row in enumerate(tables.get(table) or [], start=1):
            try:
                rule(row)
            except _Bad as bad:
                raise RowError(table, n, bad.field, str(bad)) from None
