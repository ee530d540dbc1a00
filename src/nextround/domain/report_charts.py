"""Small inline SVG charts for every page and report: no scripts, no fonts or files from elsewhere.

The one chart builder of the app (the dashboard, the practice history, the review page and the printable
review all draw with it). Every chart is one `<svg>` element for inline use in HTML (so no namespace
declaration), with `role="img"`, a `<title>` (its name for screen readers), a `<desc>` that says every
value in words (the text alternative), and escaped labels, so untrusted text (company names, themes)
cannot break out of the markup. Colours come from `currentColor` and two CSS custom properties, so a page
can restyle them in its brand colours and print them.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

MAX_LABEL = 28
# Bar charts are drawn this wide and shown at that size, never scaled up: narrow enough to fit a 390 px phone
# unscaled, so their 12-unit text reads as 12 px there as on a laptop.
SCREEN_WIDTH = 256
_BAR_FILL = "var(--chart-bar, #3b6ea8)"
_LINE = "var(--chart-line, #3b6ea8)"


def _e(text: str) -> str:
    return escape(text, quote=True)


def _num(value: float) -> str:
    """A value as a person would read it: 3, 2.5, 0.25."""
    if value == int(value):
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _coord(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _short(label: str, limit: int = MAX_LABEL) -> str:
    label = " ".join(label.split())
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _open(width: int, height: int, title: str, css_class: str, description: str = "") -> str:
    desc = f"<desc>{_e(description)}</desc>" if description else ""
    return (
        f'<svg class="{css_class}" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f"<title>{_e(title)}</title>{desc}"
    )


def describe(items: Sequence[tuple[str, float]], notes: Sequence[str] | None = None) -> str:
    """The chart's text alternative: every label with its value, in order."""
    extra = notes or [""] * len(items)
    return (
        "; ".join(
            f"{' '.join(label.split())}: {_num(value)}{note}" for (label, value), note in zip(items, extra, strict=True)
        )
        + "."
    )


def _empty(width: int, height: int, title: str, css_class: str) -> str:
    return (
        _open(width, height, title, css_class)
        + f'<text x="{width // 2}" y="{height // 2}" text-anchor="middle" font-size="12" '
        'fill="currentColor">No data yet</text></svg>'
    )


def bar_chart(
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    width: int = SCREEN_WIDTH,
    height: int | None = None,
    bar_height: int = 18,
    notes: Sequence[str] | None = None,
) -> str:
    """Horizontal bars, one per (label, value), label on the left and value on the right.

    `height` defaults to what the bars need. Negative values are drawn as zero-length bars but still
    labelled with their value. `notes` add a few words after each value (a conversion rate: " (40%)").
    Each bar's group carries `data-label` and `data-value`, for styling and for tests.
    """
    if not items:
        return _empty(width, height or 60, title, "chart bar-chart")
    extra = list(notes) if notes is not None else [""] * len(items)
    gap = 6
    top = 4
    rows = len(items)
    height = height or top * 2 + rows * (bar_height + gap)
    row_height = (height - top * 2) / rows
    bar = max(2.0, min(float(bar_height), row_height - 2))
    fits = max(6, (int(width * 0.5) - 8) // 7)  # characters of a label that fit its column (7 units each)
    label_width = min(int(width * 0.5), 8 + 7 * max(len(_short(label, fits)) for label, _ in items))
    value_width = 8 + 7 * max(len(_num(value) + note) for (_, value), note in zip(items, extra, strict=True))
    track = max(10, width - label_width - value_width - 8)
    biggest = max((value for _, value in items), default=0.0)
    scale = track / biggest if biggest > 0 else 0.0
    parts = [_open(width, height, title, "chart bar-chart", describe(items, extra))]
    for index, ((label, value), note) in enumerate(zip(items, extra, strict=True)):
        y = top + index * row_height + (row_height - bar) / 2
        middle = y + bar / 2 + 4
        length = max(0.0, value) * scale
        full = " ".join(label.split())
        parts.append(
            f'<g class="bar-row" data-label="{_e(full)}" data-value="{_e(_num(value))}">'
            f"<title>{_e(full)}: {_e(_num(value))}{_e(note)}</title>"
            f'<text x="{label_width - 6}" y="{_coord(middle)}" text-anchor="end" font-size="12" '
            f'fill="currentColor">{_e(_short(label, fits))}</text>'
            f'<rect class="bar" x="{label_width}" y="{_coord(y)}" width="{_coord(length)}" height="{_coord(bar)}" '
            f'fill="{_BAR_FILL}" rx="2"/>'
            f'<text x="{_coord(label_width + length + 4)}" y="{_coord(middle)}" font-size="12" '
            f'fill="currentColor">{_e(_num(value) + note)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def sparkline(
    values: Sequence[float],
    *,
    title: str,
    width: int = 160,
    height: int = 36,
) -> str:
    """A small line over the values in order, with a dot on the last one; flat when all are equal."""
    if not values:
        return _empty(width, height, title, "chart sparkline")
    pad = 3.0
    low, high = min(values), max(values)
    span = high - low
    step = (width - 2 * pad) / (len(values) - 1) if len(values) > 1 else 0.0

    def point(index: int, value: float) -> tuple[float, float]:
        x = pad + index * step if len(values) > 1 else width / 2
        y = height / 2 if span == 0 else pad + (high - value) / span * (height - 2 * pad)
        return x, y

    points = [point(i, v) for i, v in enumerate(values)]
    path = " ".join(f"{_coord(x)},{_coord(y)}" for x, y in points)
    last_x, last_y = points[-1]
    if len(values) == 1:
        described = f"One value: {_num(values[0])}."
    else:
        described = (
            f"{len(values)} values, from {_num(values[0])} to {_num(values[-1])}; "
            f"lowest {_num(low)}, highest {_num(high)}."
        )
    return (
        _open(width, height, title, "chart sparkline", described)
        + f'<polyline points="{path}" fill="none" stroke="{_LINE}" stroke-width="1.5" '
        'stroke-linejoin="round" stroke-linecap="round"/>'
        + f'<circle cx="{_coord(last_x)}" cy="{_coord(last_y)}" r="2.5" fill="{_LINE}"/>'
        + "</svg>"
    )
