"""Themes combined across feedback and reflections, trends, the stage pattern and the 3-case rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from nextround.domain.insights import (
    MIN_CASES,
    TOO_FEW,
    ThemeEvidence,
    build_insights,
    combine_themes,
    stage_weight,
    trend,
)

NOW = datetime(2024, 11, 6, 12, 0, tzinfo=UTC)


def ago(days: int) -> datetime:
    return NOW - timedelta(days=days)


def ev(theme: str, days: int, app: int | None = 1, source: str = "feedback", text: str = "") -> ThemeEvidence:
    return ThemeEvidence(theme, source, app, ago(days), text or f"{theme} {days}")


def test_stage_weights_follow_how_far_the_application_got() -> None:
    stages = ("saved", "applied", "screening", "assessment", "interview", "final", "offer")
    assert [stage_weight(s) for s in stages] == [1.0, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0]
    assert stage_weight("accepted") == 5.0
    assert stage_weight("mystery") == 1.0


def test_trend_needs_three_cases_and_history_before_the_window() -> None:
    assert trend([ago(1), ago(2)], NOW, ago(400)) == TOO_FEW
    # All in the last 60 days and nothing recorded before: nothing to compare with.
    assert trend([ago(1), ago(2), ago(3)], NOW, ago(10)) == TOO_FEW
    # Three recent mentions after 300 quiet days: rising.
    assert trend([ago(1), ago(2), ago(3)], NOW, ago(360)) == "rising"
    # Mentions a year ago and none lately: falling.
    assert trend([ago(300), ago(310), ago(320)], NOW, ago(320)) == "falling"
    # One every ~60 days: steady.
    assert trend([ago(10), ago(70), ago(130), ago(190)], NOW, ago(240)) == "steady"


def test_combine_themes_counts_applications_latest_evidence_and_recurrence() -> None:
    items = [
        ev("communication", 200, app=1),
        ev("communication", 20, app=2, source="reflection", text="I rambled"),
        ev("communication", 5, app=3, text="answers were long"),
        ev("communication", 3, app=3),
        ev("competition", 4, app=4),
        ev("preparation", 1, app=None, source="reflection"),
    ]
    themes = combine_themes(items, NOW)
    assert [t["theme"] for t in themes] == ["communication", "preparation", "competition"]
    comm = themes[0]
    assert comm["count"] == 4
    assert comm["applications"] == [1, 2, 3]
    assert comm["sources"] == {"feedback": 3, "reflection": 1}
    assert comm["latest_evidence"]["text"] == "communication 3"
    assert comm["latest_evidence"]["at"] == ago(3).isoformat()
    assert comm["recurring"] is True
    assert comm["trend"] == "rising"
    assert themes[1]["recurring"] is False
    assert themes[1]["trend"] == TOO_FEW
    assert themes[1]["applications"] == []
    assert themes[2]["actionable"] is False


def test_no_pattern_from_fewer_than_three_cases() -> None:
    themes = combine_themes([ev("communication", 1), ev("communication", 2)], NOW)
    data = build_insights(
        themes,
        {"application": 2, "screening": 0, "interview": 0},
        [{"skill": "Kubernetes", "jobs": 2, "weight": 6.0, "example": "k8s"}],
        feedback_count=2,
        reflection_count=0,
    )
    assert data["recurring_themes"] == []
    assert data["stage"]["pattern"] is None
    assert data["stage"]["rejections"] == 2
    assert data["top_gaps"][0]["recurring"] is False
    assert data["minimum_cases"] == MIN_CASES
    assert len(data["notes"]) == 1
    assert data["notes"][0].startswith("No pattern yet")


def test_patterns_once_there_are_enough_cases() -> None:
    themes = combine_themes(
        [ev("communication", d, app=d) for d in (300, 250, 5, 2)] + [ev("process", d, app=d) for d in (1, 2, 3)], NOW
    )
    data = build_insights(
        themes,
        {"application": 7, "screening": 0, "assessment": 0, "interview": 1, "final": 1, "offer": 0},
        [{"skill": "Kubernetes", "jobs": 3, "weight": 7.5, "example": "k8s"}],
        feedback_count=7,
        reflection_count=1,
    )
    assert data["recurring_themes"] == ["communication", "process"]
    assert data["stage"]["pattern"] == (
        "7 of 9 rejections came before any interview: the CV and targeting are the bottleneck, not interviewing."
    )
    assert data["notes"] == [
        "Communication came up 4 times across 4 applications, rising.",
        "The hiring process came up 3 times across 3 applications, rising (outside your control).",
        data["stage"]["pattern"],
        "Kubernetes was asked for by 3 jobs that turned you down and is not on your CV.",
    ]
    assert data["sources"] == {"feedback": 7, "reflections": 1}
