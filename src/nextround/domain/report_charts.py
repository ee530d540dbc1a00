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
# A bar's label wraps onto up to this many lines rather than being cut ("Feedback request…").
MAX_LABEL_LINES = 3
_LINE_HEIGHT = 14
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


def _wrap(label: str, fits: int, lines: int = MAX_LABEL_LINES) -> list[str]:
    """A label broken at spaces into at most `lines` lines of `fits` characters; only what still does not fit
    is shortened (a word longer than a line is cut, the last line ends in "…" when text is left over)."""
    words = " ".join(label.split()).split(" ")
    out: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= fits or not current:
            current = candidate
            continue
        out.append(current)
        current = word
    out.append(current)
    out = [line if len(line) <= fits else _short(line, fits) for line in out]
    if len(out) > lines:
        out = [*out[: lines - 1], _short(" ".join(out[lines - 1 :]), fits)]
    return out


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
    Each bar's group carries `data-label` and `data-value`, for styling and for tests. A label too long for
    its column (half the width) wraps onto up to three lines, its row growing to fit; the whole label is
    always in the bar's `<title>` and the chart's `<desc>`.
    """
    if not items:
        return _empty(width, height or 60, title, "chart bar-chart")
    extra = list(notes) if notes is not None else [""] * len(items)
    gap = 6
    top = 4
    fits = max(6, (int(width * 0.5) - 8) // 7)  # characters of a label that fit its column (7 units each)
    wrapped = [_wrap(label, fits) for label, _ in items]
    label_width = min(int(width * 0.5), 8 + 7 * max(len(line) for lines in wrapped for line in lines))
    value_width = 8 + 7 * max(len(_num(value) + note) for (_, value), note in zip(items, extra, strict=True))
    track = max(10, width - label_width - value_width - 8)
    biggest = max((value for _, value in items), default=0.0)
    scale = track / biggest if biggest > 0 else 0.0
    # Each row is as tall as its bar or its label's lines, whichever is taller; a given height is shared out
    # in the same proportions.
    needs = [max(float(bar_height), len(lines) * _LINE_HEIGHT) + gap for lines in wrapped]
    natural = top * 2 + sum(needs)
    height = height or round(natural)
    stretch = (height - top * 2) / (natural - top * 2)
    parts = [_open(width, height, title, "chart bar-chart", describe(items, extra))]
    row_top = float(top)
    for (label, value), note, lines, need in zip(items, extra, wrapped, needs, strict=True):
        row_height = need * stretch
        bar = max(2.0, min(float(bar_height), row_height - 2))
        y = row_top + (row_height - bar) / 2
        middle = y + bar / 2 + 4
        row_top += row_height
        length = max(0.0, value) * scale
        full = " ".join(label.split())
        x = label_width - 6
        if len(lines) == 1:
            shown = _e(lines[0])
        else:
            first = middle - (len(lines) - 1) * _LINE_HEIGHT / 2
            shown = "".join(
                f'<tspan x="{x}" y="{_coord(first + n * _LINE_HEIGHT)}">{_e(line)}</tspan>'
                for n, line in enumerate(lines)
            )
        parts.append(
            f'<g class="bar-row" data-label="{_e(full)}" data-value="{_e(_num(value))}">'
            f"<title>{_e(full)}: {_e(_num(value))}{_e(note)}</title>"
            f'<text x="{x}" y="{_coord(middle)}" text-anchor="end" font-size="12" '
            f'fill="currentColor">{shown}</text>'
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
