"""Shaping service results for the pages: chart geometry for inline SVG, highlighted answer text.

Presentation only: the numbers come from the services and analysis modules, unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from nextround.domain.stages import REJECTION_BUCKETS

BAR_HEIGHT = 26
BAR_GAP = 10
LABEL_WIDTH = 110
CHART_WIDTH = 520


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int
    y: int
    width: int
    text: str


@dataclass(frozen=True, slots=True)
class BarChart:
    """A horizontal bar chart, ready to draw: bars, the drawing size, and a one-line summary for screen readers."""

    bars: tuple[Bar, ...]
    width: int
    height: int
    plot_width: int
    label_width: int
    total: int
    summary: str


def bar_chart(items: list[tuple[str, int]], *, unit: str, extra: list[str] | None = None) -> BarChart:
    extras = extra or [""] * len(items)
    top = max((value for _, value in items), default=0)
    plot = CHART_WIDTH - LABEL_WIDTH - 80
    bars = []
    for n, ((name, value), note) in enumerate(zip(items, extras, strict=True)):
        width = round(plot * value / top) if top else 0
        bars.append(Bar(name, value, n * (BAR_HEIGHT + BAR_GAP), max(width, 2 if value else 0), f"{value}{note}"))
    total = sum(value for _, value in items)
    described = ", ".join(f"{name}: {value}" for name, value in items)
    return BarChart(
        bars=tuple(bars),
        width=CHART_WIDTH,
        height=max(len(items) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP, BAR_HEIGHT),
        plot_width=plot,
        label_width=LABEL_WIDTH,
        total=total,
        summary=f"{total} {unit} in all. {described}.",
    )


def rejection_chart(stats: dict[str, Any]) -> BarChart:
    """Where rejections (and ghostings) happen, one bar per funnel bucket."""
    counts = stats["rejections_by_stage"]
    return bar_chart([(bucket, int(counts.get(bucket, 0))) for bucket in REJECTION_BUCKETS], unit="rejections")


def funnel_chart(stats: dict[str, Any]) -> BarChart:
    """How many applications reached each stage, with the step's conversion rate."""
    items = [(row["stage"], int(row["reached"])) for row in stats["funnel"]]
    notes = [f" ({row['conversion']:.0%})" if row["conversion"] is not None else "" for row in stats["funnel"]]
    return bar_chart(items, unit="applications", extra=notes)


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
