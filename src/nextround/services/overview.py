"""The overview shown by a bare `nextround`: where the search stands and the next steps."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from nextround.domain.actions import Action, ActionKind
from nextround.domain.feedback_requests import RequestStatus, feedback_response_rate
from nextround.domain.ghosting import silent_for
from nextround.domain.stages import Outcome, Stage
from nextround.services.applications import ApplicationService
from nextround.services.preferences import load_preferences
from nextround.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class NextStep:
    """One suggested next step: what and why in words, and the action that does it."""

    text: str
    action: Action


@dataclass(frozen=True, slots=True)
class Overview:
    """Where the search stands: counts, rates and a few next steps."""

    database: str
    applications: int
    open: int
    closed: int
    open_by_stage: dict[str, int]
    likely_ghosted: int
    response_rate: float | None
    pattern: str | None
    next_steps: tuple[NextStep, ...]


def overview(ws: Workspace, *, with_agenda: bool = True, stats: dict[str, Any] | None = None) -> Overview:
    """Counts, the top of the agenda and a few next steps — read from listing rows, never whole histories.

    The web dashboard shows the agenda in a panel of its own, so it asks for the overview without it.
    """
    from nextround.services.agenda import agenda
    from nextround.services.keepgoing import looked_back_on

    service = ApplicationService(ws)
    if service.auto_close_silent() or stats is None:
        stats = service.stats()
    open_apps = service.open_activity()
    # The agenda already knows what is due across every pillar; the overview shows its top items.
    steps = [
        NextStep(f"{item.title}: {item.advice}", item.actions[0])
        for item in (agenda(ws) if with_agenda else [])[:4]
        if item.actions
    ]
    looked_back = looked_back_on(ws)
    for row in service.latest_closed(Outcome.REJECTED, limit=2):
        if row.id in looked_back:
            continue  # reflected on already: done things leave the list
        steps.append(
            NextStep(
                f"Look back at {row.company} ({row.role}), rejected at "
                f"{row.rejected_at_stage}: what is one thing in your control to change?",
                Action(ActionKind.REFLECT, {"application_id": row.id}),
            )
        )
    if len(open_apps) < 3:
        steps.append(
            NextStep("Keep the pipeline moving: add the next application you send.", Action(ActionKind.ADD_APPLICATION))
        )
    steps.append(NextStep("See where rejections happen and what it says.", Action(ActionKind.VIEW_STATS)))
    url = ws.settings.database_url
    closed = sum(stats["outcomes"][o.value] for o in Outcome)
    return Overview(
        database=url.removeprefix("sqlite:///") if ws.settings.is_sqlite else url.split("@")[-1],
        applications=stats["applications"],
        open=len(open_apps),
        closed=closed,
        open_by_stage={stage.value: n for stage, n in Counter(stage for _, stage, _ in open_apps).items()},
        likely_ghosted=_likely_ghosted(
            open_apps, load_preferences(ws).ghost_days, ws.now(), service.latest_interviews()
        ),
        response_rate=stats["response_rate"],
        pattern=stats["pattern"],
        next_steps=tuple(steps),
    )


def _likely_ghosted(
    open_apps: list[tuple[int, Stage, datetime | None]],
    limits: Mapping[Stage, int],
    now: datetime,
    interviews: Mapping[int, datetime],
) -> int:
    """How many open applications have been silent past their stage's limit (see domain.ghosting)."""
    count = 0
    for app_id, stage, last_at in open_apps:
        limit = limits.get(stage)
        if limit is None or last_at is None:
            continue
        interview_at = interviews.get(app_id)
        if interview_at is not None:
            if interview_at >= now:
                continue
            last_at = max(last_at, interview_at)
        if silent_for(last_at, now, limit).likely_ghosted:
            count += 1
    return count


def search_stats(ws: Workspace) -> dict[str, Any]:
    """`nextround stats`: the funnel numbers plus how often feedback requests get an answer."""
    service = ApplicationService(ws)
    service.auto_close_silent()
    data = service.stats()
    data["feedback"] = feedback_stats(ws)
    return data


def feedback_stats(ws: Workspace) -> dict[str, Any]:
    """requests_sent, replied, declined, no_reply, waiting, drafted, response_rate (replied / sent), small_sample."""
    with ws.db.reader(ws.owner_id) as reader:
        statuses = reader.feedback_request_statuses()
    result = feedback_response_rate(statuses).to_dict()
    result["drafted"] = sum(1 for s in statuses if s == RequestStatus.DRAFTED.value)
    return result
