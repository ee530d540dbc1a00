"""Shaping service results for the pages: the dashboard's charts and highlighted answer text.

Charts are drawn by the one chart builder, domain.report_charts.

Presentation only: the numbers come from the services and analysis modules, unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from nextround.domain.report_charts import bar_chart
from nextround.domain.stages import REJECTION_BUCKETS
from nextround.domain.stats import FunnelStats


@dataclass(frozen=True, slots=True)
class DashboardChart:
    """A chart drawn by the one chart builder (domain.report_charts), and how much it counts in all."""

    svg: Markup
    total: int


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def rejection_chart(stats: FunnelStats) -> DashboardChart:
    """Where rejections (and ghostings) happen, one bar per funnel bucket."""
    counts = stats.rejections_by_stage
    items = [(_label(bucket), float(counts.get(bucket, 0))) for bucket in REJECTION_BUCKETS]
    svg = bar_chart(items, title="Rejections by the stage reached")
    return DashboardChart(Markup(svg), int(sum(value for _, value in items)))


def funnel_chart(stats: FunnelStats) -> DashboardChart:
    """How many applications reached each stage, with the step's conversion rate."""
    items = [(_label(row.stage), float(row.reached)) for row in stats.funnel]
    notes = [f" ({row.conversion:.0%})" if row.conversion is not None else "" for row in stats.funnel]
    svg = bar_chart(items, title="Applications by the stage reached", notes=notes)
    return DashboardChart(Markup(svg), int(sum(value for _, value in items)))


@dataclass(frozen=True, slots=True)
class MarkedSentence:
    number: int
    parts: tuple[str, ...]
    pieces: tuple[tuple[str, str | None], ...]  # (text, "filler" | "hedge" | None)


def marked_answer(analysis: dict[str, Any]) -> list[MarkedSentence]:
    """The answer's sentences with their STAR parts, and the fillers and hedges found in them marked."""
    star: dict[str, list[int]] = analysis["star_sentences"]
    phrases = dict.fromkeys(analysis["fillers"]["found"], "filler")
    phrases.update(dict.fromkeys(analysis["hedges"], "hedge"))
    pattern = None
    if phrases:
        alternatives = sorted(phrases, key=len, reverse=True)
        pattern = re.compile(r"\b(" + "|".join(re.escape(p) for p in alternatives) + r")\b", re.IGNORECASE)
    marked = []
    for index, sentence in enumerate(analysis["sentences"]):
        parts = tuple(part for part in ("situation", "task", "action", "result") if index in star.get(part, []))
        pieces: list[tuple[str, str | None]] = []
        position = 0
        if pattern is not None:
            for found in pattern.finditer(sentence):
                if found.start() > position:
                    pieces.append((sentence[position : found.start()], None))
                pieces.append((found.group(0), phrases.get(found.group(0).lower())))
                position = found.end()
        if position < len(sentence):
            pieces.append((sentence[position:], None))
        marked.append(MarkedSentence(index + 1, parts, tuple(pieces)))
    return marked


def goal_reading(goal: Any) -> str:
    """Where a goal stands, in words: a share as a percentage ("now 50%, aim 70%"), and no reading is said
    plainly. "no reading yet of 0.7" asked a person to know that 0.7 meant 70%."""
    from nextround.domain.goals import MEASURES

    measure = MEASURES.get(goal.measure, MEASURES["manual"])

    def shown(value: float) -> str:
        return f"{value * 100:.0f}%" if measure.kind == "share" else f"{value:g}"

    target = f"aim {shown(goal.target)}" if goal.target is not None else "no target set"
    if goal.current is None:
        now = "nothing counted yet" if measure.kind != "manual" else "no number entered yet"
    else:
        now = f"now {shown(goal.current)}"
    return f"{now}, {target} ({measure.label})"
