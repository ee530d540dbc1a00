"""What all the feedback and reflections say together: recurring themes, where rejections happen, top gaps.

Pure functions over small evidence records. One rule runs through all of it: nothing is called a
pattern on fewer than MIN_CASES cases; below that a theme is listed, but not trended or summarised.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from nextround.domain.stages import Stage, rejection_bucket
from nextround.domain.stats import rejection_pattern
from nextround.domain.themes import ACTIONABLE_THEMES, theme_label

MIN_CASES = 3
TREND_WINDOW_DAYS = 60
# Recent rate this many times the earlier rate (or less than its inverse) counts as a change.
TREND_FACTOR = 1.5
TOO_FEW = "too few to tell"

# How much a rejection says about a gap, by how far the application got: a "no" after the final
# interview was a close call on the details, a "no" at the CV stage says less about any single skill.
STAGE_WEIGHTS: dict[str, float] = {
    "application": 1.0,
    "screening": 1.5,
    "assessment": 2.0,
    "interview": 3.0,
    "final": 4.0,
    "offer": 5.0,
}


def stage_weight(furthest_stage: str) -> float:
    """The gap weight of a rejection, from the furthest stage the application reached."""
    try:
        bucket = rejection_bucket(Stage(furthest_stage))
    except ValueError:
        bucket = furthest_stage
    return STAGE_WEIGHTS.get(bucket, 1.0)


@dataclass(frozen=True, slots=True)
class ThemeEvidence:
    """One mention of a theme: from an employer's feedback or from the user's own reflection."""

    theme: str
    source: str  # "feedback" or "reflection"
    application_id: int | None
    occurred_at: datetime
    text: str


def trend(moments: Sequence[datetime], now: datetime, history_start: datetime | None) -> str:
    """rising / steady / falling: the rate in the last 60 days against the rate before.

    Below MIN_CASES mentions, or with no history before the window to compare with, it is too few to tell.
    """
    if len(moments) < MIN_CASES:
        return TOO_FEW
    window_start = now - timedelta(days=TREND_WINDOW_DAYS)
    start = history_start or min(moments)
    earlier_days = (window_start - start).total_seconds() / 86_400
    if earlier_days < 1:
        return TOO_FEW
    recent = sum(1 for moment in moments if moment >= window_start)
    earlier = len(moments) - recent
    recent_rate = recent / TREND_WINDOW_DAYS
    earlier_rate = earlier / earlier_days
    if earlier_rate == 0:
        return "rising" if recent else "steady"
    if recent_rate >= earlier_rate * TREND_FACTOR:
        return "rising"
    if recent_rate * TREND_FACTOR <= earlier_rate:
        return "falling"
    return "steady"


def combine_themes(evidence: Iterable[ThemeEvidence], now: datetime) -> list[dict[str, Any]]:
    """One entry per theme: count, applications, latest evidence, trend; most frequent first."""
    items = list(evidence)
    history_start = min((item.occurred_at for item in items), default=None)
    grouped: dict[str, list[ThemeEvidence]] = {}
    for item in items:
        grouped.setdefault(item.theme, []).append(item)
    themes: list[dict[str, Any]] = []
    for name, group in grouped.items():
        group.sort(key=lambda item: item.occurred_at)
        latest = group[-1]
        applications = sorted({item.application_id for item in group if item.application_id is not None})
        themes.append(
            {
                "theme": name,
                "label": theme_label(name),
                "count": len(group),
                "applications": applications,
                "sources": {
                    "feedback": sum(1 for item in group if item.source == "feedback"),
                    "reflection": sum(1 for item in group if item.source == "reflection"),
                },
                "latest_evidence": {
                    "text": latest.text,
                    "source": latest.source,
                    "application_id": latest.application_id,
                    "at": latest.occurred_at.isoformat(),
                },
                "trend": trend([item.occurred_at for item in group], now, history_start),
                "recurring": len(group) >= MIN_CASES,
                "actionable": name in ACTIONABLE_THEMES,
            }
        )
    themes.sort(key=lambda t: (-int(t["count"]), not t["actionable"], str(t["theme"])))
    return themes


def stage_summary(rejections_by_stage: Mapping[str, int]) -> dict[str, Any]:
    total = sum(rejections_by_stage.values())
    return {
        "rejections_by_stage": dict(rejections_by_stage),
        "rejections": total,
        # rejection_pattern itself says nothing below three rejections.
        "pattern": rejection_pattern(dict(rejections_by_stage)),
    }


def _theme_sentence(theme: Mapping[str, Any], suffix: str = "") -> str:
    apps = len(theme["applications"])
    where = f" across {apps} applications" if apps > 1 else ""
    trend_part = "" if theme["trend"] == TOO_FEW else f", {theme['trend']}"
    return f"{theme['label'].capitalize()} came up {theme['count']} times{where}{trend_part}{suffix}."


def build_insights(
    themes: Sequence[Mapping[str, Any]],
    rejections_by_stage: Mapping[str, int],
    top_gaps: Sequence[Mapping[str, Any]],
    *,
    feedback_count: int,
    reflection_count: int,
    gaps_note: str | None = None,
) -> dict[str, Any]:
    """The whole picture, with plain-words notes that only claim what MIN_CASES cases support."""
    stage = stage_summary(rejections_by_stage)
    gaps = [{**gap, "recurring": int(gap.get("jobs", 0)) >= MIN_CASES} for gap in top_gaps]
    recurring = [t for t in themes if t["recurring"]]
    notes: list[str] = [_theme_sentence(t) for t in recurring if t["actionable"]]
    notes.extend(_theme_sentence(t, " (outside your control)") for t in recurring if not t["actionable"])
    if stage["pattern"]:
        notes.append(stage["pattern"])
    notes.extend(
        f"{gap['skill']} was asked for by {gap['jobs']} jobs that turned you down and is not on your CV."
        for gap in gaps
        if gap["recurring"]
    )
    if not notes:
        notes.append(
            f"No pattern yet: a theme, a rejection stage or a skill gap needs at least {MIN_CASES} cases "
            "before nextround calls it one. Keep recording feedback and reflections."
        )
    return {
        "themes": [dict(t) for t in themes],
        "recurring_themes": [t["theme"] for t in recurring],
        "stage": stage,
        "top_gaps": gaps,
        "gaps_note": gaps_note,
        "sources": {"feedback": feedback_count, "reflections": reflection_count},
        "minimum_cases": MIN_CASES,
        "notes": notes,
    }
