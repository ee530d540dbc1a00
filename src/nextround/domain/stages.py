"""The application stage machine.

An application's history is an append-only list of stage events. Everything else — the current
stage, whether it is closed, and the stage a rejection happened at — is derived from that list,
so a rejection's place in the funnel can never be overwritten.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from nextround.errors import UserError


class Stage(StrEnum):
    SAVED = "saved"
    APPLIED = "applied"
    SCREENING = "screening"
    ASSESSMENT = "assessment"
    INTERVIEW = "interview"
    FINAL = "final"
    OFFER = "offer"
    ACCEPTED = "accepted"


class Outcome(StrEnum):
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    GHOSTED = "ghosted"


class EventSource(StrEnum):
    USER = "user"
    IMPORT = "import"
    AUTO = "auto"
    MAIL = "mail"  # proposed from a message in the user's mailbox and accepted by them


STAGE_ORDER: tuple[Stage, ...] = tuple(Stage)
_STAGE_NAMED: dict[str, Stage] = {stage.value: stage for stage in Stage}
# The buckets of `rejections_by_stage`: a rejection before any response counts as `application`.
REJECTION_BUCKETS: tuple[str, ...] = ("application", "screening", "assessment", "interview", "final", "offer")


class StageError(UserError, ValueError):
    """A stage change that the stage machine does not allow."""


def parse_stage(value: str) -> Stage:
    try:
        return Stage(value.strip().lower())
    except ValueError:
        names = ", ".join(s.value for s in Stage)
        raise StageError(f"unknown stage {value!r}; expected one of: {names}", field="stage") from None


def parse_outcome(value: str) -> Outcome:
    try:
        return Outcome(value.strip().lower())
    except ValueError:
        names = ", ".join(o.value for o in Outcome)
        raise StageError(f"unknown outcome {value!r}; expected one of: {names}", field="outcome") from None


_RANKS: dict[Stage, int] = {stage: rank for rank, stage in enumerate(STAGE_ORDER)}


def stage_rank(stage: Stage) -> int:
    return _RANKS[stage]


def rejection_bucket(stage: Stage) -> str:
    """Where in the funnel a rejection at `stage` happened."""
    if stage in (Stage.SAVED, Stage.APPLIED):
        return "application"
    if stage is Stage.ACCEPTED:
        return "offer"
    return stage.value


@dataclass(frozen=True, slots=True)
class StageEvent:
    """One change of stage or outcome. `to_state` is a Stage value or an Outcome value."""

    from_state: str | None
    to_state: str
    occurred_at: datetime
    source: EventSource = EventSource.USER
    round: int | None = None
    note: str = ""

    @property
    def is_outcome(self) -> bool:
        return self.to_state in _OUTCOME_VALUES


_OUTCOME_VALUES = frozenset(o.value for o in Outcome)


@dataclass(frozen=True, slots=True)
class ApplicationState:
    """What the event history says about an application right now."""

    stage: Stage
    outcome: Outcome | None
    interview_round: int | None
    closed_at: datetime | None
    closed_at_stage: Stage | None
    furthest_stage: Stage
    first_response_at: datetime | None
    last_activity_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.outcome is None

    @property
    def rejection_bucket(self) -> str | None:
        """The funnel bucket of a rejection or ghosting; None if the application did not end that way."""
        if self.outcome in (Outcome.REJECTED, Outcome.GHOSTED) and self.closed_at_stage is not None:
            return rejection_bucket(self.closed_at_stage)
        return None


def ordered(events: Iterable[StageEvent]) -> list[StageEvent]:
    # Python's sort is stable, so events recorded at the same instant keep their insertion order.
    return sorted(events, key=lambda e: e.occurred_at)


def derive_state(events: Sequence[StageEvent], initial: Stage = Stage.SAVED) -> ApplicationState:
    """Replay the history. A stage move after a close reopens the application (the company came back)."""
    stage = initial
    outcome: Outcome | None = None
    interview_round: int | None = None
    closed_at: datetime | None = None
    closed_at_stage: Stage | None = None
    reached: set[Stage] = {initial}
    first_response_at: datetime | None = None
    last_activity_at: datetime | None = None
    for event in ordered(events):
        last_activity_at = event.occurred_at
        if event.is_outcome:
            outcome = Outcome(event.to_state)
            closed_at = event.occurred_at
            closed_at_stage = stage
            if outcome is Outcome.REJECTED and first_response_at is None:
                first_response_at = event.occurred_at
            continue
        new_stage = _STAGE_NAMED.get(event.to_state)
        if new_stage is None:  # a name this version does not know (another tool, a hand edit): kept, not replayed
            continue
        if first_response_at is None and stage_rank(new_stage) > stage_rank(Stage.APPLIED) and Stage.APPLIED in reached:
            first_response_at = event.occurred_at
        stage = new_stage
        reached.add(stage)
        outcome = None
        closed_at = None
        closed_at_stage = None
        if stage is Stage.INTERVIEW:
            interview_round = event.round or (interview_round or 0) + 1
    return ApplicationState(
        stage=stage,
        outcome=outcome,
        interview_round=interview_round,
        closed_at=closed_at,
        closed_at_stage=closed_at_stage,
        furthest_stage=max(reached, key=stage_rank),
        first_response_at=first_response_at,
        last_activity_at=last_activity_at,
    )


# No hiring process has more rounds; a larger number is a typo, and past 2**31 the database refused it.
MAX_ROUND = 20


def check_move(state: ApplicationState, target: Stage, round_: int | None = None) -> None:
    """Refuse moves that would make the history meaningless; everything else is the user's call."""
    if round_ is not None:
        if target is not Stage.INTERVIEW:
            raise StageError("a round only applies to the interview stage", field="round")
        if not 1 <= round_ <= MAX_ROUND:
            raise StageError(f"interview round must be from 1 to {MAX_ROUND}", field="round")
    if target is Stage.SAVED and state.stage is not Stage.SAVED:
        raise StageError("an application cannot go back to 'saved' once it has moved on")
    if state.is_open and target is state.stage and target is not Stage.INTERVIEW:
        raise StageError(f"application is already at stage '{target.value}'")


# A step of the history in words, for a message about their order ("'rejected' … before 'final'" read as code).
_STEP_WORDS = {
    "saved": "saving it", "applied": "the application", "screening": "the screening",
    "assessment": "the assessment", "interview": "the interview", "final": "the final round",
    "offer": "the offer", "accepted": "the acceptance", "rejected": "the rejection", "withdrawn": "the withdrawal",
    "ghosted": "the silence (ghosted)",
}  # fmt: skip


def _out_of_order(step: str, when: datetime, later: str, later_at: datetime) -> str:
    """Why a back-dated step is refused, in words: what it would come before, and what to do instead."""
    return (
        f"{_STEP_WORDS.get(step, step)} on {when:%d %b %Y} would come before {_STEP_WORDS.get(later, later)}, "
        f"recorded on {later_at:%d %b %Y}; give a day on or after that, or record it now"
    )


def check_fits_history(events: Sequence[StageEvent], target: Stage, when: datetime) -> None:
    """A back-dated move may fill a gap ("the screening I forgot to log") but never put a later stage
    before one recorded after it: that history would step backwards, and where a rejection happened
    would depend on the order things were typed in."""
    for event in ordered(events):
        if event.occurred_at <= when or event.is_outcome:
            continue
        later = _STAGE_NAMED.get(event.to_state)
        if later is None:
            continue
        if stage_rank(later) < stage_rank(target):
            raise StageError(_out_of_order(target.value, when, later.value, event.occurred_at), field="at")


def check_close_fits_history(events: Sequence[StageEvent], outcome: Outcome, when: datetime) -> None:
    """A back-dated close must come after everything already recorded: a stage recorded later would reopen
    the application (the rejection silently undone), and a later close would replace this one."""
    for event in ordered(events):
        if event.occurred_at <= when:
            continue
        raise StageError(_out_of_order(outcome.value, when, event.to_state, event.occurred_at), field="at")


def check_close(state: ApplicationState, outcome: Outcome) -> None:
    if not state.is_open:
        assert state.outcome is not None
        raise StageError(f"application is already closed ({state.outcome.value})")
    if state.stage is Stage.ACCEPTED:
        raise StageError("an accepted application cannot be closed as " + outcome.value)


def state_before(events: Sequence[StageEvent], moment: datetime) -> ApplicationState:
    """The state as it was at `moment`, so a back-dated change is checked against its own past."""
    return derive_state([e for e in events if e.occurred_at <= moment])


def opening_events(
    stage: Stage, applied_at: datetime | None, now: datetime, round_: int | None, source: EventSource
) -> list[StageEvent]:
    """The history of a newly added application: applied when it was, then at its stage now."""
    if stage is Stage.SAVED:
        return []
    applied = applied_at or now
    events = [StageEvent(Stage.SAVED.value, Stage.APPLIED.value, applied, source)]
    if stage is not Stage.APPLIED:
        at = max(now, applied)
        round_value = round_ if stage is Stage.INTERVIEW else None
        events.append(StageEvent(Stage.APPLIED.value, stage.value, at, source, round=round_value))
    return events
