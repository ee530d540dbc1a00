from datetime import UTC, datetime, timedelta

import pytest

from nextround.domain.stages import (
    EventSource,
    Outcome,
    Stage,
    StageError,
    StageEvent,
    check_close,
    check_move,
    derive_state,
    opening_events,
    parse_stage,
    rejection_bucket,
    state_before,
)

T0 = datetime(2024, 10, 1, 12, tzinfo=UTC)


def ev(frm: str | None, to: str, days: float, round_: int | None = None) -> StageEvent:
    return StageEvent(frm, to, T0 + timedelta(days=days), EventSource.USER, round=round_)


def test_empty_history_is_saved_and_open() -> None:
    state = derive_state([])
    assert state.stage is Stage.SAVED
    assert state.is_open
    assert state.rejection_bucket is None


def test_rejection_keeps_the_stage_it_happened_at() -> None:
    events = [
        ev("saved", "applied", 0),
        ev("applied", "screening", 3),
        ev("screening", "interview", 7),
        ev("interview", "rejected", 9),
    ]
    state = derive_state(events)
    assert state.outcome is Outcome.REJECTED
    assert state.stage is Stage.INTERVIEW
    assert state.closed_at_stage is Stage.INTERVIEW
    assert state.rejection_bucket == "interview"
    assert state.furthest_stage is Stage.INTERVIEW


def test_rejection_without_any_response_is_the_application_bucket() -> None:
    state = derive_state([ev("saved", "applied", 0), ev("applied", "rejected", 2)])
    assert state.rejection_bucket == "application"
    # A rejection is a response, so it counts for time-to-first-response.
    assert state.first_response_at == T0 + timedelta(days=2)


def test_ghosting_is_a_rejection_bucket_but_not_a_response() -> None:
    state = derive_state([ev("saved", "applied", 0), ev("applied", "ghosted", 30)])
    assert state.rejection_bucket == "application"
    assert state.first_response_at is None


def test_withdrawal_is_not_a_rejection() -> None:
    state = derive_state([ev("saved", "applied", 0), ev("applied", "final", 5), ev("final", "withdrawn", 6)])
    assert state.outcome is Outcome.WITHDRAWN
    assert state.rejection_bucket is None


def test_events_are_replayed_in_time_order_not_insertion_order() -> None:
    events = [ev("saved", "applied", 0), ev("screening", "interview", 10), ev("applied", "screening", 5)]
    state = derive_state(events)
    assert state.stage is Stage.INTERVIEW
    assert state.first_response_at == T0 + timedelta(days=5)


def test_interview_rounds_count_up_unless_given() -> None:
    events = [ev("saved", "applied", 0), ev("applied", "interview", 1), ev("interview", "interview", 2)]
    assert derive_state(events).interview_round == 2
    events.append(ev("interview", "interview", 3, round_=5))
    assert derive_state(events).interview_round == 5


def test_a_move_after_closing_reopens() -> None:
    events = [ev("saved", "applied", 0), ev("applied", "ghosted", 25), ev("ghosted", "screening", 40)]
    state = derive_state(events)
    assert state.is_open
    assert state.stage is Stage.SCREENING


def test_state_before_a_moment_ignores_later_events() -> None:
    events = [ev("saved", "applied", 0), ev("applied", "interview", 10)]
    assert state_before(events, T0 + timedelta(days=5)).stage is Stage.APPLIED


@pytest.mark.parametrize(
    ("stage", "bucket"),
    [(Stage.SAVED, "application"), (Stage.APPLIED, "application"), (Stage.SCREENING, "screening"),
     (Stage.FINAL, "final"), (Stage.OFFER, "offer")],
)  # fmt: skip
def test_rejection_buckets(stage: Stage, bucket: str) -> None:
    assert rejection_bucket(stage) == bucket


def test_checks_refuse_meaningless_moves() -> None:
    applied = derive_state([ev("saved", "applied", 0)])
    with pytest.raises(StageError, match="already at stage"):
        check_move(applied, Stage.APPLIED)
    with pytest.raises(StageError, match="back to 'saved'"):
        check_move(applied, Stage.SAVED)
    with pytest.raises(StageError, match="round"):
        check_move(applied, Stage.SCREENING, 2)
    with pytest.raises(StageError, match="from 1 to 20"):
        check_move(applied, Stage.INTERVIEW, 0)
    check_move(applied, Stage.INTERVIEW, 1)
    closed = derive_state([ev("saved", "applied", 0), ev("applied", "rejected", 1)])
    with pytest.raises(StageError, match="already closed"):
        check_close(closed, Outcome.WITHDRAWN)


def test_parse_stage_names_the_choices() -> None:
    assert parse_stage(" Interview ") is Stage.INTERVIEW
    with pytest.raises(StageError, match="expected one of: saved, applied"):
        parse_stage("phone")


def test_opening_events_for_a_later_stage() -> None:
    applied_at = T0
    events = opening_events(Stage.INTERVIEW, applied_at, T0 + timedelta(days=9), 2, EventSource.IMPORT)
    assert [(e.from_state, e.to_state) for e in events] == [("saved", "applied"), ("applied", "interview")]
    assert events[1].round == 2
    assert all(e.source is EventSource.IMPORT for e in events)
    assert opening_events(Stage.SAVED, None, T0, None, EventSource.USER) == []
