"""The weekly review's JSON, Markdown and HTML on the demo history, byte for byte as they were written when the
review was still a dict (tests/data/golden/review/): typing it changed its Python shape, not what anyone reads.

Run on both engines. The demo's feedback themes and practice scores are pinned (not what today's analysers find),
so the files change only when the review does; then rewrite them with
`pytest --update-golden tests/test_review_json_stable.py` and read the diff.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from nextround.cli.review import render_review_markdown
from nextround.serialize import dumps
from nextround.services import feedback, goals, keepgoing
from nextround.services.applications import ApplicationService
from nextround.services.demo import fill_demo
from nextround.services.workspace import Workspace
from nextround.storage.tables import FeedbackRow, PracticeAnswerRow
from nextround.web.review_document import render_review_html

from .conftest import FakeClock
from .network_helpers import add_posting

GOLDEN = Path(__file__).parent / "data" / "golden" / "review"
PERIODS = ("week", "month")


def demo_with_every_section(ws: Workspace, clock: FakeClock) -> None:
    """The demo history, plus what it lacks for a full review: a met goal, journal entries, a watched opening."""
    fill_demo(ws)
    goal = goals.add_goal(ws, title="Send 2 applications | this week")
    goals.add_goal(ws, title="Practise *three* STAR stories")
    keepgoing.add_journal(ws, "Good talk with Priya | [red]not red[/red]", mood=4, kind="win")
    keepgoing.add_journal(ws, "Tired today", mood=2)
    add_posting(ws, "Acme <Labs>", "Support Engineer", ws.now() - timedelta(days=1), url="https://example.org/1",
                location="Remote", posting_id="1")  # fmt: skip
    goals.update_goal(ws, goal.id, status="done")
    rejected = next(a for a in ApplicationService(ws).find() if a.state.outcome is not None)
    text = "Your answers were too vague and another candidate had more experience with SQL."
    feedback.record_feedback(ws, rejected.id, text, "employer", received_at=ws.now() - timedelta(days=2))
    _pin_analyses(ws)
    clock.advance(hours=2)


def _pin_analyses(ws: Workspace) -> None:
    """Fixed themes and scores in place of what the analysers found when the demo was written: the review is
    under test here, and the analysers change often (their own golden files watch them)."""
    from sqlalchemy import select

    themes = (("experience", "communication"), ("competition",), ("technical_skills", "communication"))
    with ws.db.write() as session:
        for n, row in enumerate(session.scalars(select(FeedbackRow).order_by(FeedbackRow.id))):
            row.analysis = {"themes": [{"theme": name} for name in themes[n % len(themes)]]}
        for n, answer in enumerate(session.scalars(select(PracticeAnswerRow).order_by(PracticeAnswerRow.id))):
            answer.score = (48, 63, 81, 90)[n % 4]


def _outputs(ws: Workspace, period: str) -> dict[str, str]:
    result = keepgoing.review(ws, period)
    return {
        "json": dumps(result, indent=2) + "\n",
        "md": render_review_markdown(result),
        "html": render_review_html(result),
    }


@pytest.mark.parametrize("period", PERIODS)
def test_review_output_is_as_it_was(
    workspace: Workspace, clock: FakeClock, period: str, request: pytest.FixtureRequest
) -> None:
    update_golden = bool(request.config.getoption("--update-golden"))
    demo_with_every_section(workspace, clock)
    for kind, text in _outputs(workspace, period).items():
        path = GOLDEN / f"demo_{period}.{kind}"
        if update_golden and workspace.db.dialect == "sqlite":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert text == path.read_text(encoding="utf-8"), f"{path.name} changed"


def test_the_api_and_json_flag_answer_the_golden_json(
    workspace: Workspace, clock: FakeClock, cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`/api/v1/review` and `review --json` carry the same data (the CLI adds each plan step's command line)."""
    from tests.web_support import web_with

    demo_with_every_section(workspace, clock)
    opened = Workspace.open_local
    monkeypatch.setattr(Workspace, "open_local", lambda settings: replace(opened(settings), clock=clock))
    expected = json.loads((GOLDEN / "demo_week.json").read_text(encoding="utf-8"))
    with web_with(workspace.settings, clock) as web:
        answer = web.client.get("/api/v1/review?period=week")
    assert answer.status_code == 200, answer.text
    assert answer.json() == expected
    printed = json.loads(cli("review", "--json").stdout)
    assert [step.pop("command") for step in printed["plan"]] and printed == expected
