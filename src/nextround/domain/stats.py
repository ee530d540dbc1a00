"""Funnel statistics: how far applications get, and where rejections happen.

Pure functions over small per-application summaries, so the same numbers come out of the CLI, the web
app and the tests. Rates carry their sample size; below SMALL_SAMPLE they are labelled, not trended.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from statistics import median
from typing import Any

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


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _group_stats(records: Sequence[FunnelRecord]) -> dict[str, Any]:
    applied_rank = stage_rank(Stage.APPLIED)
    applied = [r for r in records if stage_rank(r.furthest_stage) >= applied_rank]
    # How many got at least as far as each stage: count the furthest stages once, then sum from the top.
    furthest = Counter(stage_rank(r.furthest_stage) for r in applied)
    reached: dict[Stage, int] = {}
    at_least = 0
    for stage in reversed(FUNNEL_STAGES):
        at_least += furthest[stage_rank(stage)]
        reached[stage] = at_least
    funnel = []
    previous: int | None = None
    for stage in FUNNEL_STAGES:
        count = reached[stage]
        funnel.append(
            {
                "stage": stage.value,
                "reached": count,
                "conversion": _rate(count, previous) if previous is not None else None,
            }
        )
        previous = count

    rejections = Counter(
        rejection_bucket(r.closed_at_stage)
        for r in records
        if r.outcome in (Outcome.REJECTED, Outcome.GHOSTED) and r.closed_at_stage is not None
    )
    outcomes = Counter(r.outcome for r in records if r.outcome is not None)
    responded = [r for r in applied if r.first_response_at is not None]
    ghosted = sum(1 for r in applied if r.outcome is Outcome.GHOSTED)
    response_days = [
        (r.first_response_at.date() - r.applied_on).days
        for r in responded
        if r.applied_on is not None and r.first_response_at is not None
    ]
    size = len(applied)
    return {
        "applications": len(records),
        "applied": size,
        "open": sum(1 for r in records if r.outcome is None and r.furthest_stage is not Stage.ACCEPTED),
        "funnel": funnel,
        "rejections_by_stage": {bucket: rejections.get(bucket, 0) for bucket in REJECTION_BUCKETS},
        "outcomes": {
            **{o.value: outcomes[o] for o in Outcome},
            "accepted": sum(1 for r in records if r.furthest_stage is Stage.ACCEPTED),
        },
        "response_rate": _rate(len(responded), size),
        "ghosting_rate": _rate(ghosted, size),
        "median_days_to_first_response": median(response_days) if response_days else None,
        "sample_size": size,
        "small_sample": size < SMALL_SAMPLE,
    }


def funnel_stats(records: Iterable[FunnelRecord]) -> dict[str, Any]:
    """Overall numbers plus the same numbers per source channel."""
    items = list(records)
    by_source: dict[str, list[FunnelRecord]] = defaultdict(list)
    for record in items:
        by_source[record.source or "unknown"].append(record)
    result = _group_stats(items)
    result["by_source"] = {name: _group_stats(group) for name, group in sorted(by_source.items())}
    result["small_sample_threshold"] = SMALL_SAMPLE
    result["pattern"] = rejection_pattern(result["rejections_by_stage"])
    return result


def rejection_pattern(rejections_by_stage: dict[str, int]) -> str | None:
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
