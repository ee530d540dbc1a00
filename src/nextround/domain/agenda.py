"""The agenda: one list of what to do now and soon, whatever part of nextround it comes from.

Every item says what to do (`advice`) and carries its next steps as `Action`s, primary first. Order:
overdue first (oldest first), then today, then the next 7 days; within a day, the kinds that cannot
wait (an interview, a thank-you note) come before the ones that can. Items with a date further ahead
are left out, except re-apply dates, which the agenda always shows so the user knows when a door reopens.
A feedback chase is the other way round: it is listed only from the day it is due, since before then the
only thing to do is wait (a reminder written the day the request went out presses the employer).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from nextround.domain.actions import Action

HORIZON_DAYS = 7
# Kinds that show even when their date is beyond the horizon.
ALWAYS_SHOWN = frozenset({"reapply"})
# Kinds listed only once their day has come: until then there is nothing to do but wait.
ONLY_WHEN_DUE = frozenset({"feedback_chase"})
# Tie-break within one day: time-critical first.
KIND_ORDER = (
    "interview",
    "thank_you",
    "feedback_chase",
    "keep_in_touch",
    "goal",
    "coach_question",
    "continued_interest",
    "new_posting",
    "ghosted",
    "touch",
    "practice",
    "reapply",
)


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """Something dated to do, as a pillar proposes it."""

    kind: str
    title: str
    due: date
    advice: str
    actions: tuple[Action, ...]
    ref: str

    def bucket(self, today: date, horizon_days: int = HORIZON_DAYS) -> str:
        if self.due < today:
            return "overdue"
        if self.due == today:
            return "today"
        if self.due <= today + timedelta(days=horizon_days):
            return "soon"
        return "later"


@dataclass(frozen=True, slots=True)
class AgendaEntry(AgendaItem):
    """An item placed on the agenda: when it falls (`overdue`, `today`, `soon`, `later`) and how far off."""

    when: str
    days: int

    @property
    def overdue(self) -> bool:
        return self.when == "overdue"

    @property
    def primary(self) -> Action | None:
        return self.actions[0] if self.actions else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "due": self.due.isoformat(),
            "overdue": self.overdue,
            "when": self.when,
            "days": self.days,
            "action": self.advice,
            "ref": self.ref,
            "actions": [a.to_dict() for a in self.actions],
        }


_BUCKET_ORDER = {"overdue": 0, "today": 1, "soon": 2, "later": 3}


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def build_agenda(items: Iterable[AgendaItem], today: date, horizon_days: int = HORIZON_DAYS) -> list[AgendaEntry]:
    """Merge, filter to now and soon, and sort by urgency."""
    chosen = []
    for item in items:
        bucket = item.bucket(today, horizon_days)
        if bucket == "later" and item.kind not in ALWAYS_SHOWN:
            continue
        if bucket in ("soon", "later") and item.kind in ONLY_WHEN_DUE:
            continue
        chosen.append((bucket, item))
    chosen.sort(key=lambda pair: (_BUCKET_ORDER[pair[0]], pair[1].due, _kind_rank(pair[1].kind), pair[1].ref))
    return [
        AgendaEntry(
            kind=item.kind,
            title=item.title,
            due=item.due,
            advice=item.advice,
            actions=item.actions,
            ref=item.ref,
            when=bucket,
            days=(item.due - today).days,
        )
        for bucket, item in chosen
    ]
