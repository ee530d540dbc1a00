"""CVs, gaps, reflections, insights and goals against a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from nextround.domain.goals import GoalError
from nextround.domain.reflection import ReflectionError
from nextround.domain.stages import Outcome, Stage
from nextround.integrations.documents import DocumentError
from nextround.serialize import json_object
from nextround.services import goals as goal_service
from nextround.services import insight
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace
from nextround.storage.reads import NotFoundError

from .conftest import FakeClock, other_owner
from .factories import make_application
from .insight_helpers import add_feedback, rejected_application, write_docx, write_pdf

JD_PLATFORM = "Requirements:\n- Python\n- Kubernetes and Terraform\n- SQL\n"
JD_DATA = "What you need:\n- SQL and Python\n- Kubernetes\n- Tableau\n"
JD_OPS = "Essential:\n- Kubernetes\n- Linux\n"


def cv_file(tmp_path: Path, text: str = "Jane Doe\nPython and PostgreSQL developer.\n", name: str = "cv.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_cvs_add_list_show_primary_remove(workspace: Workspace, tmp_path: Path) -> None:
    first = insight.add_cv(workspace, cv_file(tmp_path))
    assert first.is_primary is True  # the first CV is the primary one
    assert first.name == "cv"
    pdf = write_pdf(tmp_path / "platform.pdf", ["Jane Doe", "Kubernetes, Terraform, Linux"])
    second = insight.add_cv(workspace, pdf, name="Platform  CV")
    assert second.name == "Platform CV"
    assert second.is_primary is False
    docx = write_docx(tmp_path / "data.docx", ["Jane Doe"], [["Tableau", "3 years"]])
    third = insight.add_cv(workspace, docx, primary=True)
    listed = insight.list_cvs(workspace)
    assert [(c.id, c.is_primary) for c in listed] == [
        (first.id, False),
        (second.id, False),
        (third.id, True),
    ]
    shown = insight.get_cv(workspace, second.id)
    assert "Terraform" in shown.text
    assert {"Kubernetes", "Terraform", "Linux"} <= set(shown.skills)
    insight.set_primary_cv(workspace, first.id)
    assert [c.is_primary for c in insight.list_cvs(workspace)] == [True, False, False]
    removed = insight.remove_cv(workspace, first.id)
    assert removed.id == first.id
    # The primary went away: the newest remaining CV takes over.
    assert [(c.id, c.is_primary) for c in insight.list_cvs(workspace)] == [
        (second.id, False),
        (third.id, True),
    ]
    with pytest.raises(NotFoundError):
        insight.get_cv(workspace, first.id)
    with pytest.raises(DocumentError):
        insight.add_cv(workspace, cv_file(tmp_path, "   ", name="empty.txt"))
    assert len(insight.list_cvs(workspace)) == 2


def test_skill_gaps_need_a_cv_and_weigh_by_stage(workspace: Workspace, tmp_path: Path) -> None:
    rejected_application(workspace, jd=JD_PLATFORM, stage=Stage.APPLIED)
    rejected_application(workspace, jd=JD_DATA, stage=Stage.INTERVIEW)
    rejected_application(workspace, jd=JD_OPS, stage=Stage.SCREENING, outcome=Outcome.GHOSTED)
    rejected_application(workspace, jd="", stage=Stage.APPLIED)
    make_application(workspace, jd_text="Requirements: Haskell")  # still open: not a rejection
    with pytest.raises(insight.InsightError, match="no CV stored yet: add your CV"):
        insight.skill_gaps(workspace)
    insight.add_cv(workspace, cv_file(tmp_path))
    data = insight.skill_gaps(workspace)
    assert data.applications == 3
    assert data.without_job_description == 1
    assert data.cvs == 1
    by_skill = {gap.skill: gap for gap in data.gaps}
    assert "Python" not in by_skill and "SQL" not in by_skill  # on the CV (PostgreSQL shows SQL)
    assert "Haskell" not in by_skill
    # Kubernetes: applied (1) + interview (3) + screening (1.5).
    assert by_skill["Kubernetes"].jobs == 3
    assert by_skill["Kubernetes"].weight == 5.5
    assert data.gaps[0].skill == "Kubernetes"
    assert by_skill["Tableau"].weight == 3.0
    assert by_skill["Terraform"].weight == 1.0
    assert set(json_object(data.gaps[0])) >= {"skill", "jobs", "weight", "example", "confidence", "closest_cv_text"}
    assert len(insight.skill_gaps(workspace, limit=1).gaps) == 1
    # A second CV that shows Kubernetes closes that gap.
    insight.add_cv(workspace, cv_file(tmp_path, "Ran Kubernetes clusters.", name="ops.txt"))
    assert "Kubernetes" not in {gap.skill for gap in insight.skill_gaps(workspace).gaps}


def test_match_texts(workspace: Workspace) -> None:
    data = insight.match_texts(JD_PLATFORM, "Python, PostgreSQL")
    assert 0 < data.score < 100
    assert {m.skill for m in data.missing} == {"Kubernetes", "Terraform"}
    with pytest.raises(insight.InsightError, match="CV is empty"):
        insight.match_texts(JD_PLATFORM, " ")


def test_reflection_create_edit_and_stage_questions(workspace: Workspace, clock: FakeClock) -> None:
    app = rejected_application(workspace, jd=JD_PLATFORM, stage=Stage.INTERVIEW)
    empty = json_object(insight.get_reflection(workspace, app.id))
    assert empty["exists"] is False
    assert empty["context"] == "interview"
    assert [q["key"] for q in empty["questions"]] == ["prepared", "gaps", "clear", "went_well", "change"]
    saved = json_object(
        insight.save_reflection(workspace, app.id, {"prepared": {"rating": 2, "text": "surprised by SQL"}})
    )
    assert saved["exists"] is True
    assert saved["themes"] == ["preparation"]
    created_at = saved["created_at"]
    clock.advance(days=2)
    edited = json_object(insight.save_reflection(workspace, app.id, {"clear": {"rating": 1, "text": "I rambled"}}))
    assert edited["answers"] == {
        "prepared": {"rating": 2, "text": "surprised by SQL"},
        "clear": {"rating": 1, "text": "I rambled"},
    }
    assert edited["created_at"] == created_at
    assert edited["updated_at"] != created_at
    assert json_object(insight.get_reflection(workspace, app.id))["themes"] == ["communication", "preparation"]
    with pytest.raises(ReflectionError, match="whole number"):
        insight.save_reflection(workspace, app.id, {"clear": {"rating": 7}})
    assert (
        json_object(insight.get_reflection(workspace, app.id))["answers"]["clear"]["rating"] == 1
    )  # nothing half-saved
    # An application still open, rejected at the CV stage, asks about targeting and the CV.
    early = make_application(workspace)
    assert [q["key"] for q in json_object(insight.get_reflection(workspace, early.id))["questions"]][:3] == [
        "targeting",
        "gaps",
        "cv",
    ]
    with pytest.raises(NotFoundError):
        insight.save_reflection(workspace, 9999, {"prepared": 3})


def test_insights_combine_feedback_reflections_stage_pattern_and_gaps(
    workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    start = clock()
    apps = [rejected_application(workspace, jd=JD_PLATFORM, company=f"C{i}") for i in range(3)]
    interviewed = rejected_application(workspace, jd=JD_DATA, stage=Stage.INTERVIEW)
    add_feedback(workspace, apps[0].id, "Your answers were long and hard to follow.", start - timedelta(days=200))
    add_feedback(workspace, interviewed.id, "You rambled and the answers lacked structure.", start - timedelta(days=10))
    insight.save_reflection(workspace, apps[1].id, {"cv": {"rating": 1, "text": "Generic CV"}})
    insight.save_reflection(workspace, interviewed.id, {"clear": {"rating": 2, "text": "Too long, no result"}})

    data = json_object(insight.insights(workspace))
    assert data["sources"] == {"feedback": 2, "reflections": 2}
    comm = next(t for t in data["themes"] if t["theme"] == "communication")
    assert comm["count"] == 3
    assert comm["applications"] == sorted([apps[0].id, interviewed.id])
    assert comm["sources"] == {"feedback": 2, "reflection": 1}
    assert comm["latest_evidence"]["source"] == "reflection"
    assert comm["latest_evidence"]["text"] == "Too long, no result"
    assert comm["recurring"] is True
    assert comm["trend"] == "rising"
    assert "communication" in data["recurring_themes"]
    cv_theme = next(t for t in data["themes"] if t["theme"] == "cv")
    assert cv_theme["recurring"] is False
    assert data["stage"]["rejections_by_stage"]["application"] == 3
    assert data["stage"]["pattern"].startswith("3 of 4 rejections came before any interview")
    # No CV yet: the gaps part says so instead of failing the whole picture.
    assert data["top_gaps"] == []
    assert "add your CV" in data["gaps_note"]
    insight.add_cv(workspace, cv_file(tmp_path))
    data = json_object(insight.insights(workspace))
    assert data["gaps_note"] is None
    k8s = next(g for g in data["top_gaps"] if g["skill"] == "Kubernetes")
    assert (k8s["jobs"], k8s["recurring"]) == (4, True)
    assert any(note.startswith("Kubernetes was asked for by 4 jobs") for note in data["notes"])


def test_goals_from_theme_skill_and_by_hand(workspace: Workspace, clock: FakeClock) -> None:
    today = clock().date()
    comm = goal_service.add_goal(workspace, from_theme="communication")
    assert comm.title == "End 80% of your practice answers with a clear result"
    assert (comm.measure, comm.target, comm.origin, comm.origin_value) == (
        "answer.star_result", 0.8, "theme", "communication",
    )  # fmt: skip
    assert comm.due_on == today + timedelta(days=21)
    assert comm.current is None
    skill = goal_service.add_goal(workspace, from_skill="Kubernetes", due=today + timedelta(days=10))
    assert (skill.title, skill.measure, skill.target, skill.current) == (
        "Work on Kubernetes, then show it on your CV", "manual", 1.0, 0.0,
    )  # fmt: skip
    assert skill.due_on == today + timedelta(days=10)
    own = goal_service.add_goal(workspace, title="Cut fillers", measure="answer.fillers_per_100", target=3)
    assert own.due_on is None
    with pytest.raises(GoalError, match="give a target") as missing_target:
        goal_service.add_goal(workspace, title="x", measure="answer.score")
    assert missing_target.value.field == "target"
    with pytest.raises(GoalError, match="not both"):
        goal_service.add_goal(workspace, from_theme="communication", from_skill="SQL")
    with pytest.raises(GoalError, match="give the goal a title") as no_title:
        goal_service.add_goal(workspace)
    assert no_title.value.field == "title"
    with pytest.raises(GoalError, match="in the past"):
        goal_service.add_goal(workspace, title="late", due=today - timedelta(days=1))

    updated = goal_service.update_goal(workspace, skill.id, current=1)
    assert (updated.status, updated.progress) == ("done", 1.0)
    assert updated.completed_at is not None
    reopened = goal_service.update_goal(workspace, skill.id, status="open")
    assert (reopened.status, reopened.completed_at) == ("open", None)
    dropped = goal_service.update_goal(workspace, own.id, status="dropped")
    assert dropped.status == "dropped"
    assert [g.id for g in goal_service.list_goals(workspace)] == [skill.id, comm.id]
    assert [g.id for g in goal_service.list_goals(workspace, status="dropped")] == [own.id]
    assert len(goal_service.list_goals(workspace, status="all")) == 3
    with pytest.raises(GoalError, match="nothing to change"):
        goal_service.update_goal(workspace, comm.id)
    with pytest.raises(NotFoundError):
        goal_service.update_goal(workspace, 999, current=1)


def test_record_measure_moves_open_goals_in_their_direction(workspace: Workspace) -> None:
    star = goal_service.add_goal(workspace, from_theme="communication")
    fillers = goal_service.add_goal(workspace, title="Fewer fillers", measure="answer.fillers_per_100", target=2)
    sessions = goal_service.add_goal(workspace, from_theme="preparation")
    assert sessions.measure == "practice.sessions"
    done_already = goal_service.add_goal(workspace, title="old", measure="answer.star_result", target=0.5)
    goal_service.update_goal(workspace, done_already.id, status="done")

    assert goal_service.record_measure(workspace, "answer.star_result", 0.5) == [star.id]
    assert goal_service.get_goal(workspace, star.id).progress == 0.0  # the first reading is the baseline
    assert goal_service.record_measure(workspace, "answer.star_result", 0.5) == []  # nothing changed
    assert goal_service.record_measure(workspace, "answer.star_result", 0.65) == [star.id]
    assert goal_service.get_goal(workspace, star.id).progress == 0.5
    assert goal_service.record_measure(workspace, "answer.star_result", 0.8) == [star.id]
    assert goal_service.get_goal(workspace, star.id).status == "done"
    assert goal_service.record_measure(workspace, "answer.star_result", 0.9) == []  # done goals stay put

    assert goal_service.record_measure(workspace, "answer.fillers_per_100", 6) == [fillers.id]
    assert goal_service.record_measure(workspace, "answer.fillers_per_100", 4) == [fillers.id]
    assert goal_service.get_goal(workspace, fillers.id).progress == 0.5
    goal_service.record_measure(workspace, "answer.fillers_per_100", 1.5)
    assert goal_service.get_goal(workspace, fillers.id).status == "done"

    for _ in range(3):
        goal_service.record_measure(workspace, "practice.sessions", 1)
    assert goal_service.get_goal(workspace, sessions.id).current == 3
    assert goal_service.record_measure(workspace, "practice.sessions", 1) == [sessions.id]
    assert goal_service.get_goal(workspace, sessions.id).status == "done"

    assert goal_service.record_measure(workspace, "answer.star_result", 80) == []  # 80 read as 80%
    with pytest.raises(GoalError, match="unknown measure"):
        goal_service.record_measure(workspace, "mood", 1)


def test_applications_sent_counts_itself_and_goals_due(workspace: Workspace, clock: FakeClock) -> None:
    make_application(workspace, company="Before")
    clock.advance(minutes=5)
    goal = goal_service.add_goal(
        workspace, title="Send 2", measure="applications.sent", target=2, due=clock().date() + timedelta(days=3)
    )
    clock.advance(minutes=5)
    make_application(workspace, company="After 1")
    make_application(workspace, company="Saved only", stage=Stage.SAVED)
    listed = goal_service.list_goals(workspace)
    assert listed[0].current == 1
    assert [g.id for g in goal_service.goals_due(workspace)] == [goal.id]
    make_application(workspace, company="After 2")
    assert goal_service.goals_due(workspace) == []  # the agenda sees it reached, too
    assert goal_service.list_goals(workspace, status="all")[0].status == "done"

    later = goal_service.add_goal(workspace, from_skill="Go")  # due in 4 weeks
    soon = goal_service.add_goal(workspace, from_theme="cv")  # due in a week
    assert [g.id for g in goal_service.goals_due(workspace)] == [soon.id]
    assert [g.id for g in goal_service.goals_due(workspace, within_days=30)] == [soon.id, later.id]
    clock.advance(days=10)
    overdue = goal_service.goals_due(workspace, within_days=0)
    assert [(g.id, g.overdue, g.days_left) for g in overdue] == [(soon.id, True, -3)]
    assert goal.id not in [g.id for g in goal_service.goals_due(workspace, within_days=60)]


def test_everything_is_scoped_to_its_owner(workspace: Workspace, tmp_path: Path, clock: FakeClock) -> None:
    mine = rejected_application(workspace, jd=JD_PLATFORM)
    insight.add_cv(workspace, cv_file(tmp_path))
    insight.save_reflection(workspace, mine.id, {"targeting": 1})
    add_feedback(workspace, mine.id, "Your answers were long and hard to follow.", clock())
    my_goal = goal_service.add_goal(workspace, from_theme="communication")

    other = other_owner(workspace)
    assert insight.list_cvs(other) == []
    with pytest.raises(NotFoundError):
        insight.get_cv(other, insight.list_cvs(workspace)[0].id)
    with pytest.raises(NotFoundError):
        insight.remove_cv(other, insight.list_cvs(workspace)[0].id)
    with pytest.raises(NotFoundError):
        insight.get_reflection(other, mine.id)
    with pytest.raises(NotFoundError):
        insight.save_reflection(other, mine.id, {"targeting": 5})
    with pytest.raises(insight.InsightError, match="no CV"):
        insight.skill_gaps(other)
    seen = json_object(insight.insights(other))
    assert seen["themes"] == []
    assert seen["sources"] == {"feedback": 0, "reflections": 0}
    assert seen["stage"]["rejections"] == 0
    assert goal_service.list_goals(other) == []
    assert goal_service.record_measure(other, "answer.star_result", 0.9) == []
    assert goal_service.get_goal(workspace, my_goal.id).current is None
    with pytest.raises(NotFoundError):
        goal_service.update_goal(other, my_goal.id, status="done")
    # Their own data stays theirs too.
    theirs = rejected_application(other, jd=JD_OPS)
    insight.add_cv(other, cv_file(tmp_path, "Linux admin", name="theirs.txt"))
    assert [g.skill for g in insight.skill_gaps(other).gaps] == ["Kubernetes"]
    assert insight.skill_gaps(workspace).applications == 1
    assert len(insight.list_cvs(workspace)) == 1
    assert ApplicationService(workspace).find()[0].id != theirs.id


def test_setting_the_same_goal_twice_keeps_one(workspace: Workspace) -> None:
    first = goal_service.add_goal(workspace, from_theme="communication")
    again = goal_service.add_goal(workspace, from_theme="communication")
    assert again.id == first.id
    other = goal_service.add_goal(workspace, title="Ask three people for a mock interview")
    assert other.id != first.id
    assert len(goal_service.list_goals(workspace)) == 2
