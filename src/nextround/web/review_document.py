"""The review as one self-contained HTML document (inline CSS and SVG charts, no scripts): `/review.html`
in the browser and `nextround review --format html` both write it from the review service's data."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from nextround.domain.themes import theme_label
from nextround.domain.wording import COUNT_LABELS, review_title, signed
from nextround.services.keepgoing import Review


def _template_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "templates" / "reports"


def review_charts(data: Review, *, printable: bool = False) -> dict[str, Markup | None]:
    """The review's charts, drawn by the one chart builder: the page's (wider sparklines, every count) or the
    printable document's (narrower, without the answers count, with the themes)."""
    from nextround.domain.report_charts import bar_chart, sparkline

    counts = data.effort.counts
    left_out = ("practice_answers",) if printable else ()
    effort_items = [(label, float(counts[key])) for key, label in COUNT_LABELS.items() if key not in left_out]
    # Stage names as the dashboard's funnel writes them ("Applied", not the stored "applied").
    moves = [(state.capitalize(), float(n)) for state, n in data.funnel.moves.items()]
    daily = [float(n) for _, n in data.effort.daily]
    scores = [float(v) for _, v in data.scores.by_day]
    width, height = (280, 48) if printable else (320, 60)
    themes = [(theme_label(t.theme), float(t.count)) for t in data.themes.period] if printable else []
    return {
        "effort": Markup(bar_chart(effort_items, title="What you did this period")),
        "funnel": Markup(bar_chart(moves, title="Stage moves this period")),
        "daily": Markup(sparkline(daily, title="Activities per day", width=width, height=height)),
        "scores": Markup(sparkline(scores, title="Average practice score per day", width=width, height=height)),
        "themes": Markup(bar_chart(themes, title="Themes in feedback this period")) if themes else None,
    }


def render_review_html(data: Review) -> str:
    """A self-contained page: inline CSS and SVG charts, no scripts, nothing fetched from elsewhere."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    charts = review_charts(data, printable=True)
    env = Environment(
        loader=FileSystemLoader(str(_template_dir())),
        autoescape=select_autoescape(("html", "j2"), default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = env.get_template("review.html.j2")
    return template.render(
        data=data,
        title=review_title(data.period.kind, data.period.start, data.period.end),
        charts=charts,
        labels=COUNT_LABELS,
        percent=lambda v: "n/a" if v is None else f"{v:.0%}",
        signed=signed,
    )
