from datetime import UTC, date, datetime

from nextround.domain.stages import Outcome, Stage
from nextround.domain.stats import SMALL_SAMPLE, FunnelRecord, funnel_stats, rejection_pattern


def record(
    furthest: Stage,
    outcome: Outcome | None = None,
    closed_at: Stage | None = None,
    source: str | None = "board",
    response_day: int | None = None,
) -> FunnelRecord:
    return FunnelRecord(
        source=source,
        applied_on=date(2024, 10, 1),
        furthest_stage=furthest,
        outcome=outcome,
        closed_at_stage=closed_at,
        first_response_at=datetime(2024, 10, response_day, 12, tzinfo=UTC) if response_day else None,
    )


def test_funnel_counts_how_far_each_got_and_conversions() -> None:
    records = [
        record(Stage.APPLIED),
        record(Stage.APPLIED, Outcome.REJECTED, Stage.APPLIED, response_day=3),
        record(Stage.SCREENING, Outcome.REJECTED, Stage.SCREENING, response_day=5),
        record(Stage.INTERVIEW, Outcome.REJECTED, Stage.INTERVIEW, response_day=9),
        record(Stage.SAVED),
    ]
    stats = funnel_stats(records)
    funnel = {row.stage: row for row in stats.funnel}
    assert stats.applications == 5
    assert stats.applied == 4  # the saved one was never sent
    assert funnel["applied"].reached == 4
    assert funnel["screening"].reached == 2
    assert funnel["screening"].conversion == 0.5
    assert funnel["interview"].reached == 1
    assert funnel["final"].conversion == 0.0
    assert funnel["offer"].conversion is None  # nothing reached final, so no rate
    assert stats.rejections_by_stage == {
        "application": 1, "screening": 1, "assessment": 0, "interview": 1, "final": 0, "offer": 0,
    }  # fmt: skip
    assert stats.response_rate == 0.75
    assert stats.median_days_to_first_response == 4  # 2, 4 and 8 days after applying
    assert stats.small_sample is True


def test_ghosting_rate_and_rejections_include_ghosted() -> None:
    records = [record(Stage.APPLIED, Outcome.GHOSTED, Stage.APPLIED) for _ in range(3)] + [
        record(Stage.SCREENING, response_day=4)
    ]
    stats = funnel_stats(records)
    assert stats.ghosting_rate == 0.75
    assert stats.rejections_by_stage["application"] == 3
    assert stats.outcomes["ghosted"] == 3


def test_breakdown_by_source_and_sample_labels() -> None:
    records = [record(Stage.APPLIED, source="board") for _ in range(SMALL_SAMPLE)] + [
        record(Stage.INTERVIEW, source="referral", response_day=2),
        record(Stage.APPLIED, source=None),
    ]
    stats = funnel_stats(records)
    assert set(stats.by_source) == {"board", "referral", "unknown"}
    assert stats.by_source["board"].small_sample is False
    assert stats.by_source["referral"].small_sample is True
    assert stats.by_source["referral"].response_rate == 1.0
    assert stats.by_source["board"].response_rate == 0.0


def test_empty_input_has_no_rates() -> None:
    stats = funnel_stats([])
    assert stats.response_rate is None
    assert stats.median_days_to_first_response is None
    assert stats.pattern is None


def test_no_pattern_from_fewer_than_three_rejections() -> None:
    assert rejection_pattern({"application": 2}) is None
    early = rejection_pattern({"application": 6, "screening": 1, "interview": 2})
    assert early is not None and early.startswith("7 of 9 rejections came before any interview")
    late = rejection_pattern({"application": 1, "interview": 3, "final": 2})
    assert late is not None and "interview practice" in late
