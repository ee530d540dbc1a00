"""The weekly or monthly review as Markdown: what `nextround review` prints (the HTML page is web/review_document)."""

from __future__ import annotations

from collections.abc import Callable

from nextround.domain.actions import Action
from nextround.domain.themes import theme_label
from nextround.domain.wording import COUNT_LABELS, plural, review_title, signed
from nextround.services.keepgoing import Review


def _md(text: str) -> str:
    """One line of user text, safe inside a Markdown table or list."""
    return " ".join(str(text).split()).replace("|", "\\|")


def render_review_markdown(data: Review, command: Callable[[Action], str] | None = None) -> str:
    """The review as Markdown; `command` words each plan step's action as what to type, when given."""
    counts = data.effort.counts
    before = data.effort.previous_counts
    lines = [f"# {review_title(data.period.kind, data.period.start, data.period.end)}", ""]
    streak = data.streak
    lines.append(
        f"Active on {data.effort.active_days} of {data.period.days} days. "
        f"Current streak: {plural(streak.current, 'active day')} "
        f"(best {streak.best}; one missed day is forgiven)."
    )
    lines += ["", "## What you did", "", "| | this period | period before |", "| --- | ---: | ---: |"]
    lines += [f"| {label} | {counts[key]} | {before[key]} |" for key, label in COUNT_LABELS.items()]
    funnel = data.funnel
    lines += ["", "## How the funnel moved", ""]
    moved = [f"{state}: {n}" for state, n in funnel.moves.items() if n]
    lines.append("Moves this period: " + (", ".join(moved) if moved else "none") + ".")
    rate = funnel.response_rate
    lines.append(
        f"Open applications: {funnel.open}. Response rate overall: {'n/a' if rate is None else f'{rate:.0%}'}"
        + (" (small sample)." if funnel.small_sample else ".")
    )
    if funnel.pattern:
        lines.append(funnel.pattern)
    for event in funnel.events:
        lines.append(f"- {event.day.isoformat()}: {_md(event.company)} ({_md(event.role)}) → {event.to}")
    scores = data.scores
    lines += ["", "## Practice scores", ""]
    if scores.answers:
        lines.append(
            f"{plural(scores.answers, 'answer')}, average {scores.average}"
            f" (before: {scores.average_before if scores.average_before is not None else 'n/a'},"
            f" change {signed(scores.gain)})."
        )
    else:
        lines.append("No practice answers this period.")
    lines += ["", "## Themes in feedback", ""]
    lines += [f"- {_md(theme_label(t.theme))}: {t.count}" for t in data.themes.period] or [
        "No new feedback this period."
    ]
    goals = data.goals
    lines += ["", "## Goals", ""]
    lines += [f"- Met: {_md(g.title)} ({g.completed_on.isoformat()})" for g in goals.met]
    lines += [f"- Open: {_md(g.title)}" for g in goals.open]
    if not goals.met and not goals.open:
        lines.append("No goals yet.")
    lines += ["", "## Contacts kept warm", ""]
    lines += [
        f"- {_md(c.name)}{' (' + _md(c.company) + ')' if c.company else ''}: "
        f"{plural(c.interactions, 'interaction')}, last {c.last.isoformat()}"
        for c in data.contacts
    ] or ["No contacts touched this period."]
    journal = data.journal
    lines += ["", "## Journal and wins", ""]
    lines.append(
        f"{journal.entries} entr{'y' if journal.entries == 1 else 'ies'}"
        + (f", average mood {journal.mood_average} of 5." if journal.mood_average is not None else ".")
    )
    lines += [f"- Win: {_md(w)}" for w in journal.wins]
    if data.openings:
        lines += ["", "## New openings at watched companies", ""]
        lines += [
            f"- {_md(o.company)}: {_md(o.title)}" + (f" — {_md(o.location)}" if o.location else "")
            for o in data.openings
        ]
    lines += ["", "## Suggested plan for next week", ""]
    for step in data.plan:
        typed = f" `{command(step.action)}`" if command is not None else ""
        lines.append(f"- {step.text}{typed} — {step.reason}")
    return "\n".join(lines) + "\n"
