"""Journal, reframing, hide-rejected, effort and the review, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import pytest

from nextround.cli.review import render_review_markdown
from nextround.domain.stages import Outcome, Stage
from nextround.serialize import json_object, to_json
from nextround.services.applications import ApplicationService
from nextround.services.keepgoing import (
    JournalError,
    OpenGoal,
    ReviewGoals,
    ThemeCount,
    add_journal,
    effort,
    hide_rejected,
    list_journal,
    reframe_application,
    reframe_prompts,
    review,
    save_reframe,
    set_hide_rejected,
)
from nextround.services.workspace import Workspace
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import (
    ContactRow,
    FeedbackRequestRow,
    FeedbackRow,
    GoalRow,
    InteractionRow,
    PracticeAnswerRow,
    PracticeSessionRow,
    ReflectionRow,
)
from nextround.web.review_document import render_review_html

from .conftest import FakeClock, other_owner
from .factories import make_application
from .network_helpers import add_posting


def rejected(ws: Workspace, *, company: str = "Acme", stage: Stage = Stage.APPLIED, days_ago: float = 1) -> int:
    now = ws.now()
    app = make_application(ws, company=company, applied_at=now - timedelta(days=days_ago + 2), stage=Stage.APPLIED)
    service = ApplicationService(ws)
    if stage is not Stage.APPLIED:
        service.move(app.id, stage, at=now - timedelta(days=days_ago + 1))
    service.close(app.id, Outcome.REJECTED, at=now - timedelta(days=days_ago))
    return app.id


# -- journal --------------------------------------------------------------------------------------------


def test_journal_entries_and_wins(workspace: Workspace, clock: FakeClock) -> None:
    first = add_journal(workspace, "  A slow day, but I rewrote my summary.  ", mood=3)
    assert first.text == "A slow day, but I rewrote my summary."
    assert first.kind == "journal"
    assert first.mood == 3
    clock.advance(hours=2)
    app = make_application(workspace)
    win = add_journal(workspace, "Recruiter called back", kind="win", app_id=app.id)
    mood_only = add_journal(workspace, "", mood=4)
    assert [e.id for e in list_journal(workspace)] == [mood_only.id, win.id, first.id]
    assert [e.id for e in list_journal(workspace, kind="win")] == [win.id]
    assert list_journal(workspace, limit=1)[0].id == mood_only.id
    assert to_json(win)["application_id"] == app.id  # type: ignore[index]
    assert win.created_at == clock()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"text": "x", "mood": 0}, "between 1 and 5"),
        ({"text": "x", "mood": 6}, "between 1 and 5"),
        ({"text": "   "}, "write something"),
        ({"text": "", "kind": "win", "mood": 3}, "a win needs"),
        ({"text": "x", "kind": "diary"}, "unknown journal kind"),
        ({"text": "x" * 20_001}, "too long"),
    ],
)
def test_journal_validation(workspace: Workspace, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(JournalError, match=message):
        add_journal(workspace, **kwargs)
    assert list_journal(workspace) == []


def test_journal_is_scoped_to_its_owner(workspace: Workspace) -> None:
    other = other_owner(workspace)
    theirs = make_application(other, company="Theirs")
    add_journal(other, "their entry", mood=2)
    with pytest.raises(NotFoundError):
        add_journal(workspace, "about their app", app_id=theirs.id)
    assert list_journal(workspace) == []
    assert [e.text for e in list_journal(other)] == ["their entry"]


# -- reframing ------------------------------------------------------------------------------------------


def test_reframe_prompts_fit_the_stage_of_the_rejection(workspace: Workspace) -> None:
    early = ApplicationService(workspace).get(rejected(workspace, company="Early Co"))
    late = ApplicationService(workspace).get(rejected(workspace, company="Late Co", stage=Stage.INTERVIEW))
    early_prompts = reframe_prompts(early)
    late_prompts = reframe_prompts(late)
    assert [p.key for p in early_prompts] == ["learned", "in_control", "next"]
    assert "Early Co" in early_prompts[0].question
    assert "CV" in early_prompts[0].question
    assert "interview" in late_prompts[0].question
    assert "Late Co" in late_prompts[0].question
    assert early_prompts[1].question != late_prompts[1].question
    assert "in your control" in early_prompts[1].question
    assert early_prompts[2].question == late_prompts[2].question


def test_save_reframe_stores_one_reframe_entry(workspace: Workspace) -> None:
    app_id = rejected(workspace, stage=Stage.SCREENING)
    entry = save_reframe(workspace, app_id, {"learned": "I rushed my intro", "next": "Practise it Friday"}, mood=3)
    assert entry.kind == "reframe"
    assert entry.application_id == app_id
    assert "I rushed my intro" in entry.text
    assert "Practise it Friday" in entry.text
    assert "What is your next step" in entry.text
    assert "in your control" not in entry.text  # the unanswered prompt is left out
    with pytest.raises(JournalError, match="answer at least one"):
        save_reframe(workspace, app_id, {"learned": "  "})
    with pytest.raises(JournalError, match="unknown reframe answer"):
        save_reframe(workspace, app_id, {"feelings": "x"})


def test_reframe_needs_a_rejected_application(workspace: Workspace) -> None:
    open_app = make_application(workspace)
    with pytest.raises(JournalError, match="not closed as rejected"):
        reframe_application(workspace, open_app.id)
    with pytest.raises(NotFoundError):
        reframe_application(workspace, 9999)


# -- hide rejected ---------------------------------------------------------------------------------------


def test_hide_rejected_is_a_per_owner_setting(workspace: Workspace) -> None:
    other = other_owner(workspace)
    assert hide_rejected(workspace) is False
    assert set_hide_rejected(workspace, True) is True
    assert hide_rejected(workspace) is True
    assert hide_rejected(other) is False
    set_hide_rejected(workspace, False)
    assert hide_rejected(workspace) is False


# -- effort and review -------------------------------------------------------------------------------------


def seed_activity(ws: Workspace) -> dict[str, int]:
    """A week of effort across the pillars, written straight into their tables."""
    now = ws.now()
    ago = lambda days: now - timedelta(days=days)  # noqa: E731
    sent = make_application(ws, company="Sent Co", applied_at=ago(2))
    old = make_application(ws, company="Old Co", applied_at=ago(12))
    rejected_id = rejected(ws, company="Nope <Ltd> | x", days_ago=1)
    with ws.db.write() as session:
        owner = ws.owner_id
        session.add_all(
            [
                FeedbackRequestRow(owner_id=owner, application_id=rejected_id, subject="s", body="b",
                                   status="sent", drafted_at=ago(1), sent_at=ago(1)),
                FeedbackRequestRow(owner_id=owner, application_id=old.id, subject="s", body="b",
                                   status="sent", drafted_at=ago(10), sent_at=ago(10)),
                FeedbackRow(owner_id=owner, application_id=old.id, text="More depth on SQL",
                            analysis={"themes": [{"theme": "technical_skills"}, {"theme": "communication"}]},
                            received_at=ago(3), created_at=ago(3)),
                ReflectionRow(owner_id=owner, application_id=old.id, answers={}, created_at=ago(3), updated_at=ago(3)),
                PracticeAnswerRow(owner_id=owner, question_key="q1", question_text="Q", answer="A", score=40,
                                  answered_at=ago(20)),
                GoalRow(owner_id=owner, title="Learn window functions", status="done", created_at=ago(9),
                        completed_at=ago(1)),
                GoalRow(owner_id=owner, title="Ten mock interviews", status="open", created_at=ago(9)),
            ]
        )  # fmt: skip
        contact = ContactRow(owner_id=owner, name="Dana Recruiter", company="Sent Co", created_at=ago(30))
        practice = PracticeSessionRow(owner_id=owner, started_at=ago(2), plan=[])
        # A session left waiting on a follow-up: nothing saved in it, so not counted as a session.
        unanswered = PracticeSessionRow(owner_id=owner, started_at=ago(1), plan=[])
        session.add_all([contact, practice, unanswered])
        session.flush()
        session.add(
            PracticeAnswerRow(owner_id=owner, session_id=practice.id, question_key="q1", question_text="Q",
                              answer="A", score=70, answered_at=ago(2), category="behavioural")
        )  # fmt: skip
        session.add_all(
            [
                InteractionRow(owner_id=owner, contact_id=contact.id, channel="email", occurred_at=ago(4),
                               created_at=ago(4)),
                InteractionRow(owner_id=owner, contact_id=contact.id, channel="call", occurred_at=ago(1),
                               created_at=ago(1)),
            ]
        )  # fmt: skip
    add_journal(ws, "Finished the SQL course module", kind="win")
    add_journal(ws, "", mood=4)
    return {"sent": sent.id, "old": old.id, "rejected": rejected_id}


def test_effort_counts_what_was_done_across_the_pillars(workspace: Workspace) -> None:
    seed_activity(workspace)
    data = json_object(effort(workspace, "week"))  # as --json writes it
    assert set(data) == {"period", "counts", "previous_counts", "active_days", "streak", "scores", "daily", "plan"}
    counts = data["counts"]
    assert counts["applications_sent"] == 2  # Sent Co and the rejected one; Old Co was 12 days ago
    assert counts["feedback_requests_sent"] == 1
    assert counts["feedback_received"] == 1
    assert counts["reflections"] == 1
    assert counts["practice_sessions"] == 1
    assert counts["practice_answers"] == 1
    assert counts["contacts_touched"] == 1
    assert counts["goals_met"] == 1
    assert counts["journal_entries"] == 2
    assert counts["wins"] == 1
    assert counts["rejections"] == 1
    assert data["previous_counts"]["applications_sent"] == 1
    assert data["previous_counts"]["feedback_requests_sent"] == 1
    assert data["scores"]["gain"] == 30.0
    assert data["period"]["end"] == workspace.now().date().isoformat()
    texts = [step["text"] for step in data["plan"]]
    assert texts[0] == "Send your one polite chase for the feedback you asked for."  # the 10-day-old request
    assert "Send 3 targeted applications." in texts
    assert data["streak"]["current"] >= 3


def test_effort_and_review_only_see_their_owner(workspace: Workspace) -> None:
    seed_activity(workspace)
    other = other_owner(workspace)
    data = json_object(effort(other, "month"))  # as --json writes it
    assert all(n == 0 for n in data["counts"].values())
    assert data["streak"]["current"] == 0
    view = review(other)
    assert view.contacts == ()
    assert view.goals == ReviewGoals(met=(), open=())
    assert view.funnel.events == ()
    assert view.themes.period == ()


def test_review_collects_the_week(workspace: Workspace) -> None:
    ids = seed_activity(workspace)
    data = review(workspace, "week")
    assert set(json_object(data)) == {
        "period", "previous_period", "generated_at", "hide_rejected", "effort", "streak", "funnel", "scores",
        "themes", "goals", "contacts", "journal", "openings", "plan",
    }  # fmt: skip
    assert data.funnel.moves["applied"] == 2
    assert data.funnel.moves["rejected"] == 1
    assert data.funnel.previous_moves["applied"] == 1
    assert data.funnel.rejections_by_stage["application"] == 1
    assert {e.application_id for e in data.funnel.events} == {ids["sent"], ids["rejected"]}
    assert data.themes.period == (ThemeCount("technical_skills", 1), ThemeCount("communication", 1))
    assert data.goals.met[0].title == "Learn window functions"
    assert data.goals.open == (OpenGoal(data.goals.open[0].id, "Ten mock interviews"),)
    (contact,) = data.contacts
    assert (contact.name, contact.interactions) == ("Dana Recruiter", 2)
    assert data.journal.wins == ("Finished the SQL course module",)
    assert data.journal.mood_average == 4.0
    assert data.scores.average == 70.0
    assert data.openings == ()
    moved = to_json(data.funnel.events[0])  # a keyword as a key: the move's JSON says "from"
    assert isinstance(moved, dict) and list(moved) == ["application_id", "company", "role", "from", "to", "day"]


def test_hiding_rejected_keeps_the_numbers_honest(workspace: Workspace) -> None:
    ids = seed_activity(workspace)
    set_hide_rejected(workspace, True)
    data = review(workspace)
    assert data.hide_rejected is True
    assert all(e.to != "rejected" for e in data.funnel.events)
    assert ids["rejected"] in {e.application_id for e in data.funnel.events}  # its 'applied' move stays
    assert data.funnel.moves["rejected"] == 1
    assert data.effort.counts["rejections"] == 1


def test_review_month_and_a_given_day(workspace: Workspace) -> None:
    seed_activity(workspace)
    month = review(workspace, "month")
    assert month.period.days == 30
    assert month.effort.counts["applications_sent"] == 3
    earlier = review(workspace, "week", today=workspace.now().date() - timedelta(days=7))
    assert earlier.effort.counts["applications_sent"] == 1
    assert earlier.journal.wins == ()  # written after that week


def test_review_includes_new_openings(workspace: Workspace) -> None:
    add_posting(workspace, "Acme", "Support Engineer", workspace.now(), url="https://example.org/1")
    data = review(workspace)
    assert [o.title for o in data.openings] == ["Support Engineer"]
    assert any(step.action.kind == "check_openings" for step in data.plan)
    html = render_review_html(data)
    assert '<a href="https://example.org/1">Support Engineer</a>' in html


def test_markdown_review(workspace: Workspace) -> None:
    seed_activity(workspace)
    text = render_review_markdown(review(workspace))
    assert text.startswith("# Weekly review, ")
    headings = [
        "## What you did",
        "## How the funnel moved",
        "## Practice scores",
        "## Themes in feedback",
        "## Goals",
        "## Contacts kept warm",
        "## Journal and wins",
        "## Suggested plan for next week",
    ]
    assert [h for h in headings if h not in text] == []
    assert "| Applications sent | 2 | 1 |" in text
    assert "Nope <Ltd> \\| x" in text  # a pipe cannot break a table or list
    assert "change +30" in text


def test_html_review_is_self_contained_and_escaped(workspace: Workspace) -> None:
    seed_activity(workspace)
    add_journal(workspace, '<script>alert("win")</script>', kind="win")
    html = render_review_html(review(workspace))
    assert html.startswith("<!doctype html>")
    assert html.count("<svg") >= 3
    assert 'role="img"' in html
    assert "<script" not in html
    assert "&lt;script&gt;" in html
    assert "Nope &lt;Ltd&gt; | x" in html
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", html)
    assert "@media print" in html


def test_rejections_without_reflection_are_suggested_for_a_reframe(workspace: Workspace) -> None:
    app_id = rejected(workspace)
    steps = [s["action"]["kind"] for s in json_object(effort(workspace))["plan"]]
    assert "reframe" in steps
    save_reframe(workspace, app_id, {"learned": "Tailor the summary"})
    steps = [s["action"]["kind"] for s in json_object(effort(workspace))["plan"]]
    assert "reframe" not in steps


def test_effort_days_follow_the_users_time_zone(workspace: Workspace, clock: FakeClock) -> None:
    # 00:30 local time (+01:00) is still the previous day in UTC; it must count for the local day.
    clock.current = datetime(2024, 11, 6, 0, 30, tzinfo=clock.current.tzinfo)
    add_journal(workspace, "Early start", kind="win")
    data = json_object(effort(workspace))  # as --json writes it
    assert data["daily"][-1] == ["2024-11-06", 1]
