"""Practice progress from answer records (nextround.domain.progress): pure, no database."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from nextround.domain.progress import (
    MEASURES,
    AnswerRecord,
    compute_progress,
    iso_week,
    longest_streak,
    recent_measures,
    streak,
)

ZONE = timezone(timedelta(hours=1))
MONDAY = datetime(2024, 11, 4, 9, 0, tzinfo=ZONE)  # ISO week 2024-W45


def record(
    day_offset: int = 0,
    *,
    score: int = 50,
    session: int | None = 1,
    key: str = "beh-conflict-01",
    category: str = "behavioural",
    competencies: tuple[str, ...] = ("conflict",),
    question_type: str = "behavioural",
    star: tuple[str, ...] = ("situation", "task", "action", "result"),
    quantified: bool = False,
    fillers: float = 2.0,
    relevance: float = 0.5,
    ownership: float | None = 0.8,
) -> AnswerRecord:
    return AnswerRecord(
        session_id=session,
        question_key=key,
        category=category,
        competencies=competencies,
        score=score,
        answered_at=MONDAY + timedelta(days=day_offset),
        question_type=question_type,
        star=star,
        quantified_result=quantified,
        fillers_per_100=fillers,
        relevance=relevance,
        ownership=ownership,
    )


def test_empty_history_gives_zeros_and_nones() -> None:
    report = compute_progress([], date(2024, 11, 6))
    assert report["sessions"] == 0
    assert report["answers"] == 0
    assert report["average_score"] is None
    assert report["by_week"] == []
    assert report["weakest_competencies"] == []
    assert report["streak"]["days"] == 0
    assert report["streak"]["last_practised"] is None
    assert set(report["improvement"]) == set(MEASURES)
    assert all(item["change"] is None for item in report["improvement"].values())


def test_sessions_are_distinct_sessions_with_answers() -> None:
    records = [record(0, session=1), record(0, session=1), record(1, session=2), record(2, session=None)]
    report = compute_progress(records, date(2024, 11, 6))
    assert report["sessions"] == 2
    assert report["answers"] == 4


def test_average_score_per_iso_week_in_order() -> None:
    records = [record(7, score=80), record(0, score=40), record(1, score=60), record(8, score=90)]
    weeks = compute_progress(records, date(2024, 11, 12))["by_week"]
    assert [w["week"] for w in weeks] == ["2024-W45", "2024-W46"]
    assert [w["average_score"] for w in weeks] == [50.0, 85.0]
    assert weeks[0]["starts_on"] == "2024-11-04"
    assert weeks[1]["starts_on"] == "2024-11-11"
    assert weeks[1]["answers"] == 2


def test_iso_week_crosses_the_year_boundary() -> None:
    assert iso_week(date(2024, 12, 30)) == "2025-W01"
    assert iso_week(date(2021, 1, 3)) == "2020-W53"


def test_star_shares_count_only_star_shaped_answers() -> None:
    records = [
        record(star=("situation", "task", "action", "result"), quantified=True),
        record(star=("situation", "action")),
        record(question_type="situational", star=("task", "action", "result")),
        # Not STAR-shaped: left out of the STAR shares however it scored.
        record(question_type="motivation", category="motivation", star=(), competencies=("motivation",)),
    ]
    measures = compute_progress(records, date(2024, 11, 4))["measures"]
    assert measures["star_complete"] == round(1 / 3, 2)
    assert measures["result_rate"] == round(2 / 3, 2)
    assert measures["quantified_rate"] == round(1 / 3, 2)


def test_means_of_fillers_relevance_and_ownership_skip_missing_ownership() -> None:
    records = [
        record(fillers=1.0, relevance=0.2, ownership=1.0),
        record(fillers=3.0, relevance=0.6, ownership=None),
    ]
    measures = compute_progress(records, date(2024, 11, 4))["measures"]
    assert measures["fillers_per_100"] == 2.0
    assert measures["relevance"] == 0.4
    assert measures["ownership"] == 1.0


def test_no_star_shaped_answers_gives_none_not_zero() -> None:
    records = [record(question_type="motivation", star=())]
    measures = compute_progress(records, date(2024, 11, 4))["measures"]
    assert measures["result_rate"] is None
    assert measures["star_complete"] is None


def test_per_category_averages() -> None:
    records = [
        record(score=40),
        record(score=60),
        record(score=90, category="motivation", question_type="motivation", competencies=("motivation",)),
    ]
    categories = compute_progress(records, date(2024, 11, 4))["by_category"]
    assert categories == [
        {"category": "behavioural", "answers": 2, "average_score": 50.0},
        {"category": "motivation", "answers": 1, "average_score": 90.0},
    ]


def test_weakest_competencies_need_two_answers_and_sort_lowest_first() -> None:
    records = [
        record(score=20, competencies=("failure",)),  # one answer only: not ranked
        record(score=70, competencies=("conflict", "teamwork")),
        record(score=50, competencies=("conflict",)),
        record(score=90, competencies=("teamwork",)),
        record(score=30, competencies=("learning",)),
        record(score=40, competencies=("learning",)),
    ]
    weakest = compute_progress(records, date(2024, 11, 4))["weakest_competencies"]
    assert [w["competency"] for w in weakest] == ["learning", "conflict", "teamwork"]
    assert weakest[0] == {"competency": "learning", "answers": 2, "average_score": 35.0}


def test_streak_forgives_one_missed_day_but_not_two() -> None:
    day = date(2024, 11, 10)
    # 10th, 9th, (8th missed), 7th, 6th, (5th and 4th missed), 3rd
    days = [day, day - timedelta(1), day - timedelta(3), day - timedelta(4), day - timedelta(7)]
    assert streak(days, day) == 4
    assert longest_streak(days) == 4


def test_streak_stays_alive_until_two_days_pass_without_practice() -> None:
    last = date(2024, 11, 10)
    assert streak([last], last) == 1
    assert streak([last], last + timedelta(days=1)) == 1
    assert streak([last], last + timedelta(days=2)) == 1  # yesterday missed: today still keeps it
    assert streak([last], last + timedelta(days=3)) == 0
    assert streak([], last) == 0


def test_streak_counts_practice_days_not_answers() -> None:
    records = [record(0), record(0), record(1), record(3)]
    report = compute_progress(records, date(2024, 11, 7))
    assert report["streak"]["days"] == 3
    assert report["streak"]["last_practised"] == "2024-11-07"


def test_improvement_compares_the_latest_week_with_the_first() -> None:
    records = [
        record(0, score=40, fillers=6.0, star=("situation", "action")),
        record(8, score=70, fillers=2.0, quantified=True),
    ]
    improvement = compute_progress(records, date(2024, 11, 12))["improvement"]
    assert improvement["average_score"] == {"first_week": 40.0, "latest_week": 70.0, "change": 30.0, "improved": True}
    # Fewer fillers is the better direction.
    assert improvement["fillers_per_100"]["change"] == -4.0
    assert improvement["fillers_per_100"]["improved"] is True
    assert improvement["result_rate"]["improved"] is True
    assert improvement["relevance"]["improved"] is False


def test_recent_measures_use_the_last_ten_answers() -> None:
    old = [record(i, score=10, star=("situation",)) for i in range(5)]
    new = [record(10 + i, score=80) for i in range(10)]
    recent = recent_measures([*new, *old])  # order given does not matter
    assert recent["average_score"] == 80.0
    assert recent["result_rate"] == 1.0


def test_from_analysis_reads_the_analyzer_dict_and_tolerates_missing_keys() -> None:
    analysis: dict[str, Any] = {
        "question_type": "behavioural",
        "star": {"situation": True, "task": False, "action": True, "result": True},
        "quantified_result": True,
        "fillers": {"per_100_words": 3.5, "found": {"um": 2}},
        "relevance": 0.42,
        "ownership": None,
    }
    built = AnswerRecord.from_analysis(
        session_id=3,
        question_key="custom:4",
        category="behavioural",
        competencies=["conflict"],
        score=61,
        answered_at=MONDAY,
        analysis=analysis,
    )
    assert built.star == ("situation", "action", "result")
    assert built.quantified_result is True
    assert built.fillers_per_100 == 3.5
    assert built.ownership is None
    assert built.competencies == ("conflict",)
    bare = AnswerRecord.from_analysis(
        session_id=None,
        question_key="x",
        category="",
        competencies=[],
        score=0,
        answered_at=MONDAY,
        analysis={},
    )
    assert bare.star == () and bare.question_type == "" and not bare.star_shaped
