"""When silence means an application has probably gone nowhere.

Only a suggestion: nothing is closed without the user's say unless they turn auto-close on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from nextround.domain.stages import ApplicationState, Stage

# Days of silence after which an open application at this stage is "likely ghosted".
DEFAULT_GHOST_DAYS: Mapping[Stage, int] = {
    Stage.APPLIED: 21,
    Stage.SCREENING: 14,
    Stage.ASSESSMENT: 14,
    Stage.INTERVIEW: 10,
    Stage.FINAL: 10,
    Stage.OFFER: 7,
}

# The longest limit: silence past a year is ghosting by any measure, and a limit of millions of days made
# every date sum that reads it overflow, so today, the overview and `app silent` all failed.
MAX_GHOST_DAYS = 365

# A follow-up is worth sending until the silence runs past this many times the stage's limit (and at least
# FOLLOW_UP_MIN_DAYS): after that nobody is waiting on an answer, and the kind step is to close it as no reply.
FOLLOW_UP_FACTOR = 3
FOLLOW_UP_MIN_DAYS = 30


@dataclass(frozen=True, slots=True)
class SilenceVerdict:
    silent_days: int
    limit_days: int

    @property
    def likely_ghosted(self) -> bool:
        return self.silent_days > self.limit_days

    @property
    def past_follow_up(self) -> bool:
        """Silent so long that a follow-up no longer makes sense: better closed as no reply."""
        return self.silent_days > follow_up_days(self.limit_days)


def follow_up_days(limit_days: int) -> int:
    """The days of silence up to which a follow-up still makes sense, for a stage with this limit."""
    return max(limit_days * FOLLOW_UP_FACTOR, FOLLOW_UP_MIN_DAYS)


@dataclass(frozen=True, slots=True)
class SilentSummary:
    """What the agenda shows of the silent applications: how many there are, the longest-silent few (in
    `silent_ones`' order) and whether every other one is past a follow-up (true when there are no others)."""

    count: int
    longest: tuple[tuple[int, SilenceVerdict], ...]
    rest_past_follow_up: bool

    @classmethod
    def of(cls, silent: Sequence[tuple[int, SilenceVerdict]], shown: int) -> SilentSummary:
        """The summary of a whole `silent_ones` list."""
        rest = silent[shown:]
        return cls(len(silent), tuple(silent[:shown]), all(verdict.past_follow_up for _, verdict in rest))


def silence(
    state: ApplicationState,
    now: datetime,
    limits: Mapping[Stage, int] = DEFAULT_GHOST_DAYS,
    *,
    latest_interview_at: datetime | None = None,
) -> SilenceVerdict | None:
    """How long an open application has been silent against its stage's limit; None if it has no limit.

    An interview is contact: one still to come means the application is not silent at all, and a past
    one restarts the count from its date.
    """
    if not state.is_open:
        return None
    return silence_at(state.stage, state.last_activity_at, now, limits, latest_interview_at)


def silence_at(
    stage: Stage,
    last_activity_at: datetime | None,
    now: datetime,
    limits: Mapping[Stage, int],
    latest_interview_at: datetime | None = None,
) -> SilenceVerdict | None:
    """`silence` of an open application from the two values it looks at."""
    limit = limits.get(stage)
    if limit is None or last_activity_at is None:
        return None
    if latest_interview_at is not None:
        if latest_interview_at >= now:
            return None
        if latest_interview_at > last_activity_at:
            last_activity_at = latest_interview_at
    return silent_for(last_activity_at, now, limit)


def silent_ones(
    open_apps: Iterable[tuple[int, Stage, datetime | None]],
    now: datetime,
    limits: Mapping[Stage, int],
    latest_interviews: Mapping[int, datetime],
) -> list[tuple[int, SilenceVerdict]]:
    """Of open applications given as (id, stage, last activity): those likely ghosted, longest silent first
    (in the given order among equals)."""
    found = []
    for app_id, stage, last_at in open_apps:
        verdict = silence_at(stage, last_at, now, limits, latest_interviews.get(app_id))
        if verdict is not None and verdict.silent_days > verdict.limit_days:
            found.append((app_id, verdict))
    found.sort(key=lambda item: -item[1].silent_days)
    return found


def silent_for(last_activity_at: datetime, now: datetime, limit_days: int) -> SilenceVerdict:
    """Silence in calendar days in `now`'s zone, as dates are shown and typed: something done on a day
    three weeks ago has been quiet 21 days whatever the hour of day it was recorded at."""
    days = (now.date() - last_activity_at.astimezone(now.tzinfo).date()).days
    return SilenceVerdict(silent_days=max(days, 0), limit_days=limit_days)


def quiet_before(now: datetime, limit_days: int) -> datetime:
    """The moment on or before which an application's last activity must lie for `silent_for` to exceed
    `limit_days`, give or take the instant itself (the start of the day `limit_days` ago in `now`'s zone):
    the SQL pre-filter of `silent_ones`."""
    return datetime.combine(now.date() - timedelta(days=limit_days), time(0), tzinfo=now.tzinfo)


def parse_limits(raw: Mapping[str, int]) -> dict[Stage, int]:
    """Merge user overrides (by stage name) into the defaults; a limit must be at least one day."""
    limits = dict(DEFAULT_GHOST_DAYS)
    for name, days in raw.items():
        stage = Stage(name)
        if stage not in DEFAULT_GHOST_DAYS:
            raise ValueError(f"stage '{name}' has no silence limit (only {', '.join(s for s in limits)})")
        if not 1 <= days <= MAX_GHOST_DAYS:
            raise ValueError(f"the silence limit for '{name}' must be between 1 and {MAX_GHOST_DAYS} days")
        limits[stage] = days
    return limits
