"""Next steps as data: what to do, on which records, and how to say it.

The core never speaks a front end's language. A service that suggests a next step returns an `Action`:
its kind, the ids it acts on and a label for a person. The CLI renders it as a command line
(`cli/actions.py`), the web as a button, a form or a link (`web/actions.py`); each keeps one table from
kind to its own form, and a test checks that no kind is missing from either.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

IdValue = int | str


class ActionKind(StrEnum):
    # applications
    OPEN_APPLICATION = "open_application"
    ADD_APPLICATION = "add_application"
    MARK_GHOSTED = "mark_ghosted"
    COMPANY_APPLICATIONS = "company_applications"  # what happened with a company, before applying again
    VIEW_STATS = "view_stats"
    LIST_SILENT = "list_silent"  # every open application quiet past its limit, quietest first
    # feedback and reflection
    ASK_FEEDBACK = "ask_feedback"
    CHASE = "chase"
    REVIEW_FEEDBACK_REQUESTS = "review_feedback_requests"
    REFLECT = "reflect"
    REFRAME = "reframe"
    MATCH_CV = "match_cv"
    # practice
    PRACTISE = "practise"
    # goals
    COMPLETE_GOAL = "complete_goal"
    LIST_GOALS = "list_goals"
    # network
    DRAFT_NUDGE = "draft_nudge"
    DISMISS_NUDGE = "dismiss_nudge"
    LIST_NUDGES = "list_nudges"
    LOG_CONTACT = "log_contact"
    # watched companies
    CHECK_OPENINGS = "check_openings"
    DISMISS_OPENING = "dismiss_opening"
    ADD_APPLICATION_FROM_OPENING = "add_application_from_opening"
    CLEAR_REAPPLY = "clear_reapply"  # the re-apply date is noted: it leaves the agenda
    # keeping going
    ADD_WIN = "add_win"
    REVIEW_WEEK = "review_week"
    VIEW_EFFORT = "view_effort"


@dataclass(frozen=True, slots=True)
class IdSpec:
    """The ids an action of one kind needs, and the ones it may carry."""

    required: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()


def _ids(*required: str, optional: tuple[str, ...] = ()) -> IdSpec:
    return IdSpec(frozenset(required), frozenset(optional))


# Which ids each kind acts on. Values are ints (row ids, counts) or short strings (a nudge ref, a company).
ID_SPECS: Mapping[ActionKind, IdSpec] = {
    ActionKind.OPEN_APPLICATION: _ids("application_id"),
    ActionKind.ADD_APPLICATION: _ids(),
    ActionKind.MARK_GHOSTED: _ids("application_id"),
    ActionKind.COMPANY_APPLICATIONS: _ids("company"),
    ActionKind.VIEW_STATS: _ids(),
    ActionKind.ASK_FEEDBACK: _ids("application_id"),
    ActionKind.CHASE: _ids("request_id"),
    ActionKind.REVIEW_FEEDBACK_REQUESTS: _ids(),
    ActionKind.REFLECT: _ids("application_id"),
    ActionKind.REFRAME: _ids(optional=("application_id",)),
    ActionKind.MATCH_CV: _ids(),
    ActionKind.PRACTISE: _ids(optional=("application_id", "count", "focus", "question")),
    ActionKind.COMPLETE_GOAL: _ids("goal_id"),
    ActionKind.LIST_GOALS: _ids(),
    ActionKind.LIST_SILENT: _ids(),
    ActionKind.DRAFT_NUDGE: _ids("nudge"),
    ActionKind.DISMISS_NUDGE: _ids("nudge"),
    ActionKind.LIST_NUDGES: _ids(),
    ActionKind.LOG_CONTACT: _ids("contact_id", optional=("note",)),
    ActionKind.CHECK_OPENINGS: _ids(),
    ActionKind.DISMISS_OPENING: _ids("opening_id"),
    ActionKind.ADD_APPLICATION_FROM_OPENING: _ids("opening_id", "company", "role", optional=("url",)),
    ActionKind.CLEAR_REAPPLY: _ids("company"),
    ActionKind.ADD_WIN: _ids(),
    ActionKind.REVIEW_WEEK: _ids(),
    ActionKind.VIEW_EFFORT: _ids(),
}

# What a button says when the producer has nothing more specific to say.
DEFAULT_LABELS: Mapping[ActionKind, str] = {
    ActionKind.OPEN_APPLICATION: "Open the application",
    ActionKind.ADD_APPLICATION: "Add an application",
    ActionKind.MARK_GHOSTED: "Mark it ghosted",
    ActionKind.COMPANY_APPLICATIONS: "See your applications there",
    ActionKind.VIEW_STATS: "See the numbers",
    ActionKind.ASK_FEEDBACK: "Ask for feedback",
    ActionKind.CHASE: "Write the one reminder",
    ActionKind.REVIEW_FEEDBACK_REQUESTS: "See your feedback requests",
    ActionKind.REFLECT: "Reflect on it",
    ActionKind.REFRAME: "Reflect on a rejection",
    ActionKind.MATCH_CV: "Match your CV to a job",
    ActionKind.PRACTISE: "Practise",
    ActionKind.COMPLETE_GOAL: "Mark the goal done",
    ActionKind.LIST_GOALS: "See your goals",
    ActionKind.LIST_SILENT: "See them all",
    ActionKind.DRAFT_NUDGE: "Draft the message",
    ActionKind.DISMISS_NUDGE: "Dismiss",
    ActionKind.LIST_NUDGES: "See who to get in touch with",
    ActionKind.LOG_CONTACT: "Mark it sent",
    ActionKind.CHECK_OPENINGS: "Check for new openings",
    ActionKind.DISMISS_OPENING: "Dismiss the opening",
    ActionKind.ADD_APPLICATION_FROM_OPENING: "Apply: add the application",
    ActionKind.CLEAR_REAPPLY: "Noted: clear the date",
    ActionKind.ADD_WIN: "Write down a win",
    ActionKind.REVIEW_WEEK: "Review the week",
    ActionKind.VIEW_EFFORT: "See this week's effort",
}


class ActionIdError(ValueError):
    """An action built with ids its kind does not take: a programming error, never the user's."""


@dataclass(frozen=True, slots=True)
class Action:
    kind: ActionKind
    ids: Mapping[str, IdValue] = field(default_factory=dict)
    label: str = ""

    def __post_init__(self) -> None:
        spec = ID_SPECS[self.kind]
        given = set(self.ids)
        if missing := spec.required - given:
            raise ActionIdError(f"{self.kind.value} needs {', '.join(sorted(missing))}")
        if unknown := given - spec.required - spec.optional:
            raise ActionIdError(f"{self.kind.value} does not take {', '.join(sorted(unknown))}")
        object.__setattr__(self, "ids", MappingProxyType(dict(self.ids)))
        if not self.label:
            object.__setattr__(self, "label", DEFAULT_LABELS[self.kind])

    def __hash__(self) -> int:
        return hash((self.kind, tuple(sorted(self.ids.items())), self.label))

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "ids": dict(self.ids), "label": self.label}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Action:
        """Back from `to_dict` (results that travel as JSON-ready dicts carry their actions that way)."""
        return cls(ActionKind(data["kind"]), dict(data.get("ids") or {}), str(data.get("label") or ""))


def action(kind: ActionKind, label: str = "", **ids: IdValue | None) -> Action:
    """An action; ids given as None are left out (an optional id the producer does not know)."""
    return Action(kind, {name: value for name, value in ids.items() if value is not None}, label)
