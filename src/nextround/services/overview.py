"""The overview shown by a bare `nextround`: where the search stands and the next steps."""

from __future__ import annotations

from dataclasses import dataclass, fields

from nextround.domain.actions import Action, ActionKind
from nextround.domain.stages import Outcome
from nextround.domain.stats import FunnelStats
from nextround.services.applications import ApplicationService
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
    accepted: int  # neither open nor closed: without it "9 applications: 3 open, 5 closed" lost the job taken
    open_by_stage: dict[str, int]
    likely_ghosted: int
    response_rate: float | None
    pattern: str | None
    next_steps: tuple[NextStep, ...]


def overview(ws: Workspace, *, with_agenda: bool = True, stats: FunnelStats | None = None) -> Overview:
    """Counts, the top of the agenda and a few next steps — read from listing rows, never whole histories.

    The web dashboard shows the agenda in a panel of its own, so it asks for the overview without it.
    """
    from nextround.services.agenda import SILENT_SHOWN, agenda  # not needed by `stats`, which shares this module

    service = ApplicationService(ws)
    if service.auto_close_silent() or stats is None:
        stats = service.stats()
    with ws.db.reader(ws.owner_id) as reader:
        open_by_stage = reader.open_stage_counts()
        looked_back = reader.looked_back_application_ids()
    silent = service.silent_summary(SILENT_SHOWN)
    # The agenda already knows what is due across every pillar; the overview shows its top items.
    steps = [
        NextStep(f"{item.title}: {item.advice}", item.actions[0])
        for item in (agenda(ws, silent=silent) if with_agenda else [])[:4]
        if item.actions
    ]
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
    open_count = sum(open_by_stage.values())
    if open_count < 3:
        steps.append(
            NextStep("Keep the pipeline moving: add the next application you send.", Action(ActionKind.ADD_APPLICATION))
        )
    if stats.outcomes.get(Outcome.REJECTED.value, 0) + stats.outcomes.get(Outcome.GHOSTED.value, 0):
        # Before any "no" the charts are empty: sending a new user to them is a dead end.
        steps.append(NextStep("See where rejections happen and what it says.", Action(ActionKind.VIEW_STATS)))
    url = ws.settings.database_url
    closed = sum(stats.outcomes[o.value] for o in Outcome)
    return Overview(
        database=url.removeprefix("sqlite:///") if ws.settings.is_sqlite else url.split("@")[-1],
        applications=stats.applications,
        open=open_count,
        closed=closed,
        accepted=stats.outcomes.get("accepted", 0),
        open_by_stage={stage.value: n for stage, n in open_by_stage.items()},
        likely_ghosted=silent.count,
        response_rate=stats.response_rate,
        pattern=stats.pattern,
        next_steps=tuple(steps),
    )


@dataclass(frozen=True, slots=True)
class SearchStats(FunnelStats):
    """`nextround stats`: the funnel numbers plus how often feedback requests get an answer."""

    feedback: FeedbackStats


def search_stats(ws: Workspace) -> SearchStats:
    """`nextround stats`: the funnel numbers plus how often feedback requests get an answer."""
    service = ApplicationService(ws)
    service.auto_close_silent()
    funnel = service.stats()
    values = {f.name: getattr(funnel, f.name) for f in fields(FunnelStats)}
    return SearchStats(**values, feedback=feedback_stats(ws))


@dataclass(frozen=True, slots=True)
class FeedbackStats:
    """How many feedback requests went out and how they were answered; the rate is replied / sent."""

    requests_sent: int
    replied: int
    declined: int
    no_reply: int
    waiting: int
    response_rate: float | None
    small_sample: bool
    small_sample_threshold: int
    drafted: int


def feedback_stats(ws: Workspace) -> FeedbackStats:
    with ws.db.reader(ws.owner_id) as reader:
        statuses = reader.feedback_request_statuses()
    from nextround.domain.feedback_requests import (  # not the overview's
        SMALL_SAMPLE,
        RequestStatus,
        feedback_response_rate,
    )

    rate = feedback_response_rate(statuses)
    return FeedbackStats(
        requests_sent=rate.sent,
        replied=rate.replied,
        declined=rate.declined,
        no_reply=rate.no_reply,
        waiting=rate.waiting,
        response_rate=rate.rate,
        small_sample=rate.small_sample,
        small_sample_threshold=SMALL_SAMPLE,
        drafted=sum(1 for s in statuses if s == RequestStatus.DRAFTED.value),
    )
