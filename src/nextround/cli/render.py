"""Human-readable output: tables and timelines with Rich. Every value shown is escaped markup."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from rich.cells import cell_len, chop_cells
from rich.table import Table

from nextround.cli.output import console, plural, safe, strip_controls
from nextround.domain.applications import Application, ApplicationSummary

if TYPE_CHECKING:
    from nextround.services.overview import SearchStats


def _stage_label(app: Application) -> str:
    state = app.state
    label = state.stage.value
    if state.stage.value == "interview" and state.interview_round:
        label += f" (round {state.interview_round})"
    if state.outcome is not None:
        label = f"{state.outcome.value} at {label}"
    return label


LISTING_COLUMNS = ("id", "company", "role", "stage", "applied", "last activity")
_FOLDED = (1, 2, 3)  # company, role, stage: narrowed and folded onto more lines when the table is too wide
_NARROWEST = 10


def print_application_table(rows: Sequence[ApplicationSummary]) -> None:
    """Listing rows as a table in Rich's style, laid out here in one pass.

    Rich's Table measures and renders every cell through its layout engine: 40,000 rows took most of a
    minute. The columns here are measured once, and only a cell wider than its column is folded."""
    if not rows:
        console().print("No applications match.")
        return
    cells = [LISTING_COLUMNS, *(_listing_cells(row) for row in rows)]
    widths = [max(_cells_wide(line[n]) for line in cells) for n in range(len(LISTING_COLUMNS))]
    _fit(widths, _screen_width())
    out = [_table_line(cells[0], widths, " ┃ ")]
    last = len(widths) - 1
    out.append("╇".join("━" * (w + (n not in (0, last)) + 1) for n, w in enumerate(widths)))
    out.extend(_table_line(line, widths, " │ ") for line in cells[1:])
    sys.stdout.write("\n".join(out) + "\n")


def _listing_cells(row: ApplicationSummary) -> tuple[str, ...]:
    stage = row.stage + (f" (round {row.interview_round})" if row.stage == "interview" else "")
    if row.outcome:
        stage = f"{row.outcome} at {stage}"
    last = row.last_activity_at
    return (
        str(row.id),
        strip_controls(row.company),
        strip_controls(row.role),
        strip_controls(stage),
        row.applied_on or "—",
        datetime.fromisoformat(last).astimezone().date().isoformat() if last else "—",
    )


def _cells_wide(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def _screen_width() -> int:
    # As the console: the terminal's width, or 120 columns when piped (output.console).
    return console().width if sys.stdout.isatty() else 120


def _fit(widths: list[int], screen: int) -> None:
    """Narrow the widest foldable column, one column at a time, until the table fits the screen."""
    excess = sum(widths) + 3 * (len(widths) - 1) - screen
    while excess > 0:
        widest = max(_FOLDED, key=lambda n: widths[n])
        if widths[widest] <= _NARROWEST:
            return
        cut = min(excess, widths[widest] - _NARROWEST)
        others = [widths[n] for n in _FOLDED if n != widest]
        cut = min(cut, max(1, widths[widest] - max(others)))  # stay at least as wide as the next one
        widths[widest] -= cut
        excess -= cut


def _table_line(cells: Sequence[str], widths: list[int], separator: str) -> str:
    if all(_cells_wide(text) <= width for text, width in zip(cells, widths, strict=True)):
        padded = (text + " " * (width - _cells_wide(text)) for text, width in zip(cells, widths, strict=True))
        return separator.join(padded).rstrip()
    folded = [_fold(text, width) for text, width in zip(cells, widths, strict=True)]
    lines = []
    for n in range(max(len(parts) for parts in folded)):
        parts = [part[n] if n < len(part) else "" for part in folded]
        lines.append(_table_line(parts, widths, separator))
    return "\n".join(lines)


def _fold(text: str, width: int) -> list[str]:
    if _cells_wide(text) <= width:
        return [text]
    if text.isascii():
        return textwrap.wrap(text, width) or [""]
    return chop_cells(text, width)


def print_application(app: Application, *, verb: str | None) -> None:
    out = console()
    f = app.fields
    heading = f"#{app.id} {safe(f.company)} — {safe(f.role)}"
    out.print(f"{verb} {heading}" if verb else f"[bold]{heading}[/bold]")
    out.print(f"  stage: {safe(_stage_label(app))}")
    if app.state.rejection_bucket:
        out.print(f"  rejected at: {app.state.rejection_bucket}")
    if verb:
        return
    details = {
        "applied": app.applied_on.isoformat() if app.applied_on else None,
        "seniority": f.seniority,
        "source": " / ".join(x for x in (f.source.value if f.source else "", f.source_detail) if x),
        "location": " / ".join(x for x in (f.location, f.work_model.value if f.work_model else "") if x),
        "salary": _salary(f.salary_min, f.salary_max, f.currency),
        "url": f.job_url,
        "cv": f.cv_version,
        "tags": ", ".join(f.tags),
        "excitement": "★" * f.excitement if f.excitement else "",
        "contact": " ".join(x for x in (f.contact_email, f.contact_phone) if x),
    }
    for name, value in details.items():
        if value:
            out.print(f"  {name}: {safe(str(value))}")
    if f.notes:
        out.print(f"  notes: {safe(f.notes)}")
    if f.jd_text:
        words = len(f.jd_text.split())
        out.print(f"  job description: {words} words (see --json for the text)")
    if app.events:
        out.print("  history:")
        for event in app.events:
            to = event.to_state + (f" (round {event.round})" if event.round else "")
            when = event.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M")
            source = "" if event.source.value == "user" else f" [{event.source.value}]"
            note = f" — {safe(event.note)}" if event.note else ""
            out.print(f"    {when}  {event.from_state or '—'} → {safe(to)}{source}{note}")


def _salary(low: int | None, high: int | None, currency: str) -> str:
    if low is None and high is None:
        return ""
    span = f"{low:,}–{high:,}" if low is not None and high is not None else f"{low or high:,}"
    return f"{span} {currency}".strip()


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def print_stats(data: SearchStats) -> None:
    out = console()
    if data.applications == 0:
        out.print("No applications yet, so no numbers. Add one with `nextround app add`.")
        return
    size_note = " [yellow](small sample: read as anecdotes, not trends)[/yellow]" if data.small_sample else ""
    out.print(f"[bold]{plural(data.applied, 'application')} sent[/bold]{size_note}")
    funnel = Table(title="Funnel", show_edge=False, pad_edge=False)
    funnel.add_column("stage")
    funnel.add_column("got this far", justify="right")
    funnel.add_column("from previous", justify="right")
    for row in data.funnel:
        funnel.add_row(row.stage, str(row.reached), _rate(row.conversion))
    out.print(funnel)
    rejections = Table(title="Where rejections happen", show_edge=False, pad_edge=False)
    rejections.add_column("stage")
    rejections.add_column("count", justify="right")
    total = sum(data.rejections_by_stage.values())
    for bucket, count in data.rejections_by_stage.items():
        bar = "█" * round(20 * count / total) if total else ""
        rejections.add_row(bucket, str(count), bar)
    out.print(rejections)
    days = data.median_days_to_first_response
    out.print(
        f"Response rate {_rate(data.response_rate)} · ghosting rate {_rate(data.ghosting_rate)} · "
        f"median days to first response {'—' if days is None else days}"
    )
    if data.pattern:
        out.print(data.pattern)
    feedback = data.feedback
    if feedback.requests_sent:
        small = " (small sample)" if feedback.small_sample else ""
        out.print(
            f"Feedback requests: {feedback.requests_sent} sent, {feedback.replied} answered — "
            f"response rate {_rate(feedback.response_rate)}{small}"
        )
    by_source = Table(title="By source", show_edge=False, pad_edge=False)
    for column in ("source", "sent", "response", "ghosted", "reached interview"):
        by_source.add_column(column, justify="left" if column == "source" else "right")
    for name, group in data.by_source.items():
        interview = next(r.reached for r in group.funnel if r.stage == "interview")
        small = " *" if group.small_sample else ""
        by_source.add_row(
            safe(name) + small,
            str(group.applied),
            _rate(group.response_rate),
            _rate(group.ghosting_rate),
            str(interview),
        )
    out.print(by_source)
    out.print(f"[dim]* fewer than {data.small_sample_threshold} applications: too few to call a trend[/dim]")
