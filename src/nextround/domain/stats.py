"""Funnel statistics: how far applications get, and where rejections happen.

Pure functions over small per-application summaries, so the same numbers come out of the CLI, the web
app and the tests. Rates carry their sample size; below SMALL_SAMPLE they are labelled, not trended.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from statistics import median

from nextround.domain.stages import (
    REJECTION_BUCKETS,
    STAGE_ORDER,
    Outcome,
    Stage,
    rejection_bucket,
    stage_rank,
)

SMALL_SAMPLE = 10
FUNNEL_STAGES: tuple[Stage, ...] = STAGE_ORDER[STAGE_ORDER.index(Stage.APPLIED) :]


@dataclass(frozen=True, slots=True)
class FunnelRecord:
    """The little that stats need to know about one application."""

    source: str | None
    applied_on: date | None
    furthest_stage: Stage
    outcome: Outcome | None
    closed_at_stage: Stage | None
    first_response_at: datetime | None

    def as_group(self) -> FunnelGroup:
        days = None
        if self.first_response_at is not None and self.applied_on is not None:
            days = (self.first_response_at.date() - self.applied_on).days
        return FunnelGroup(
            self.source,
            self.furthest_stage,
            self.outcome,
            self.closed_at_stage,
            responded=self.first_response_at is not None,
            response_days=days,
        )


@dataclass(frozen=True, slots=True)
class FunnelGroup:
    """`count` applications alike in all that stats look at: storage counts them with one GROUP BY, so
    stats over years of history read a few dozen rows. `response_days` counts from the application date to
    the first response's (UTC) date; None without a response or an application date."""

    source: str | None
    furthest_stage: Stage
    outcome: Outcome | None
    closed_at_stage: Stage | None
    responded: bool
    response_days: int | None
    count: int = 1


@dataclass(frozen=True, slots=True)
class FunnelStep:
    """How many applications got at least as far as `stage`, and what share of the step before did."""

    stage: str
    reached: int
    conversion: float | None


@dataclass(frozen=True, slots=True)
class GroupStats:
    """The funnel numbers of a group of applications (all of them, or one source channel's)."""

    applications: int
    applied: int
    open: int
    funnel: tuple[FunnelStep, ...]
    rejections_by_stage: Mapping[str, int]
    outcomes: Mapping[str, int]
    response_rate: float | None
    ghosting_rate: float | None
    median_days_to_first_response: float | None
    sample_size: int
    small_sample: bool


@dataclass(frozen=True, slots=True)
class FunnelStats(GroupStats):
    """The overall numbers, the same per source channel, and a reading of where rejections cluster."""

    by_source: Mapping[str, GroupStats]
    small_sample_threshold: int
    pattern: str | None


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _group_stats(groups: Sequence[FunnelGroup]) -> GroupStats:
    applied_rank = stage_rank(Stage.APPLIED)
    applied = [g for g in groups if stage_rank(g.furthest_stage) >= applied_rank]
    # How many got at least as far as each stage: count the furthest stages once, then sum from the top.
    furthest: Counter[int] = Counter()
    for g in applied:
        furthest[stage_rank(g.furthest_stage)] += g.count
    reached: dict[Stage, int] = {}
    at_least = 0
    for stage in reversed(FUNNEL_STAGES):
        at_least += furthest[stage_rank(stage)]
        reached[stage] = at_least
    funnel = []
    previous: int | None = None
    for stage in FUNNEL_STAGES:
        count = reached[stage]
        funnel.append(FunnelStep(stage.value, count, _rate(count, previous) if previous is not None else None))
        previous = count

    rejected_at: Counter[Stage] = Counter()
    outcomes: Counter[Outcome] = Counter()
    for g in groups:
        if g.outcome is not None:
            outcomes[g.outcome] += g.count
            if g.outcome in (Outcome.REJECTED, Outcome.GHOSTED) and g.closed_at_stage is not None:
                rejected_at[g.closed_at_stage] += g.count
    responded = sum(g.count for g in applied if g.responded)
    ghosted = sum(g.count for g in applied if g.outcome is Outcome.GHOSTED)
    response_days: list[int] = []
    for g in applied:
        if g.responded and g.response_days is not None:
            response_days.extend([g.response_days] * g.count)
    size = sum(g.count for g in applied)
    return GroupStats(
        applications=sum(g.count for g in groups),
        applied=size,
        open=sum(g.count for g in groups if g.outcome is None and g.furthest_stage is not Stage.ACCEPTED),
        funnel=tuple(funnel),
        rejections_by_stage=rejections_by_stage(rejected_at),
        outcomes={
            **{o.value: outcomes[o] for o in Outcome},
            "accepted": sum(g.count for g in groups if g.furthest_stage is Stage.ACCEPTED),
        },
        response_rate=_rate(responded, size),
        ghosting_rate=_rate(ghosted, size),
        median_days_to_first_response=median(response_days) if response_days else None,
        sample_size=size,
        small_sample=size < SMALL_SAMPLE,
    )


def funnel_stats(records: Iterable[FunnelRecord]) -> FunnelStats:
    """Overall numbers plus the same numbers per source channel, from one record per application."""
    return funnel_group_stats([record.as_group() for record in records])


def rejections_by_stage(rejected_at: Mapping[Stage, int]) -> dict[str, int]:
    """Rejections (and ghostings) per funnel bucket, from how many closed that way at each stage."""
    buckets: Counter[str] = Counter()
    for stage, count in rejected_at.items():
        buckets[rejection_bucket(stage)] += count
    return {bucket: buckets[bucket] for bucket in REJECTION_BUCKETS}


def funnel_group_stats(groups: Iterable[FunnelGroup]) -> FunnelStats:
    """`funnel_stats` from counted groups of alike applications."""
    items = list(groups)
    by_source: dict[str, list[FunnelGroup]] = defaultdict(list)
    for group in items:
        by_source[group.source or "unknown"].append(group)
    overall = _group_stats(items)
    return FunnelStats(
        **{f.name: getattr(overall, f.name) for f in fields(GroupStats)},
        by_source={name: _group_stats(part) for name, part in sorted(by_source.items())},
        small_sample_threshold=SMALL_SAMPLE,
        pattern=rejection_pattern(overall.rejections_by_stage),
    )


def rejection_pattern(rejections_by_stage: Mapping[str, int]) -> str | None:
    """A plain-words reading of where rejections cluster, only when there are enough of them."""
    total = sum(rejections_by_stage.values())
    if total < 3:
        return None
    early = rejections_by_stage.get("application", 0) + rejections_by_stage.get("screening", 0)
    late = sum(rejections_by_stage.get(b, 0) for b in ("interview", "final", "offer"))
    if early / total >= 0.6:
        return (
            f"{early} of {total} rejections came before any interview: the CV and targeting are the "
            "bottleneck, not interviewing."
        )
    if late / total >= 0.6:
        return (
            f"{late} of {total} rejections came at interview or later: you are getting in the room, "
            "so interview practice is where effort pays most."
        )
    if rejections_by_stage.get("assessment", 0) / total >= 0.4:
        return f"{rejections_by_stage['assessment']} of {total} rejections came at the assessment stage."
    return None
