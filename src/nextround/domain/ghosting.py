"""When silence means an application has probably gone nowhere.

Only a suggestion: nothing is closed without the user's say unless they turn auto-close on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

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


@dataclass(frozen=True, slots=True)
class SilenceVerdict:
    silent_days: int
    limit_days: int

    @property
    def likely_ghosted(self) -> bool:
        return self.silent_days > self.limit_days


def silence(
    state: ApplicationState, now: datetime, limits: Mapping[Stage, int] = DEFAULT_GHOST_DAYS
) -> SilenceVerdict | None:
    """How long an open application has been silent against its stage's limit; None if it has no limit."""
    if not state.is_open or state.last_activity_at is None or state.stage not in limits:
        return None
    days = (now - state.last_activity_at).days
    return SilenceVerdict(silent_days=max(days, 0), limit_days=limits[state.stage])


def parse_limits(raw: Mapping[str, int]) -> dict[Stage, int]:
    """Merge user overrides (by stage name) into the defaults; a limit must be at least one day."""
    limits = dict(DEFAULT_GHOST_DAYS)
    for name, days in raw.items():
        stage = Stage(name)
        if stage not in DEFAULT_GHOST_DAYS:
            raise ValueError(f"stage '{name}' has no silence limit (only {', '.join(s for s in limits)})")
        if days < 1:
            raise ValueError(f"the silence limit for '{name}' must be at least 1 day")
        limits[stage] = days
    return limits
