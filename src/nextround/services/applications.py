"""Use cases of the application tracker: add, edit, move, close, find the silent ones, count."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from nextround.domain.applications import Application, ApplicationFields, ApplicationSummary, dedupe_key
from nextround.domain.ghosting import (
    SilenceVerdict,
    SilentSummary,
    follow_up_days,
    quiet_before,
    silence,
    silent_for,
    silent_ones,
)
from nextround.domain.stages import (
    MAX_ROUND,
    EventSource,
    Outcome,
    Stage,
    StageError,
    StageEvent,
    check_close,
    check_close_fits_history,
    check_fits_history,
    check_move,
    derive_state,
    opening_events,
    state_before,
)
from nextround.errors import UserError
from nextround.services.preferences import Preferences, load_preferences
from nextround.services.workspace import Workspace

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from nextround.domain.stats import FunnelStats
    from nextround.storage.repositories import ApplicationRepository

# A stage change dated further ahead than this is a typo, not a plan (interviews are scheduled elsewhere).
FUTURE_TOLERANCE = timedelta(hours=1)
# How long a stage change just recorded can be taken back (as long as a delete's undo).
UNDO_CHANGE_SECONDS = 30


class DuplicateApplicationError(UserError):
    """An application for the same company and role exists already: the user may still add another."""

    def __init__(self, existing: Sequence[ApplicationSummary]) -> None:
        first = existing[0]
        when = f", applied {first.applied_on}" if first.applied_on else ""
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        super().__init__(
            f"you already have an application for {first.company} — {first.role}{when}{more}", field="company"
        )
        self.existing = tuple(existing)


@dataclass(frozen=True, slots=True)
class SilentApplication:
    application: Application
    verdict: SilenceVerdict


def _check_stage_at(stage: Stage, stage_at: datetime, applied_at: datetime | None, now: datetime) -> None:
    """The day a new application reached its stage: after applying, not in the future, and only past applied."""
    if stage in (Stage.SAVED, Stage.APPLIED):
        raise StageError("the day it reached its stage is only for a stage after applied", field="stage_on")
    if stage_at > now + FUTURE_TOLERANCE:
        raise StageError(f"the day it reached {stage.value} is in the future", field="stage_on")
    if applied_at is not None and stage_at < applied_at:
        raise StageError(
            f"it cannot reach {stage.value} ({stage_at:%d %b %Y}) before you applied ({applied_at:%d %b %Y})",
            field="stage_on",
        )


class ApplicationService:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    # -- writing -----------------------------------------------------------------------------

    def add(
        self,
        fields: ApplicationFields,
        *,
        stage: Stage = Stage.APPLIED,
        applied_at: datetime | None = None,
        round_: int | None = None,
        note: str = "",
        allow_duplicate: bool = True,
        stage_at: datetime | None = None,
    ) -> Application:
        """Add an application; with `allow_duplicate=False`, refuse one for a company and role already there.

        `stage_at` is when it reached `stage` (a stage after applied), for one added after the fact: without it
        that stage is dated now, and a rejection that came before now could not be recorded on its day."""
        fields = fields.validated()
        now = self.ws.now()
        if applied_at is not None and applied_at > now + FUTURE_TOLERANCE:
            raise StageError("the application date is in the future", field="applied_on")
        if round_ is not None and stage is not Stage.INTERVIEW:
            raise StageError("a round only applies to the interview stage", field="round")
        if round_ is not None and not 1 <= round_ <= MAX_ROUND:
            raise StageError(f"interview round must be from 1 to {MAX_ROUND}", field="round")
        if stage_at is not None:
            _check_stage_at(stage, stage_at, applied_at, now)
            applied_at = applied_at or stage_at
        events = opening_events(stage, applied_at, stage_at or now, round_, EventSource.USER)
        if note and events:
            events[-1] = replace(events[-1], note=note)
        state = derive_state(events)
        applied_on = (applied_at or now).date() if stage is not Stage.SAVED else None
        with self.ws.db.write() as session:
            repo = _repository(session, self.ws.owner_id)
            if not allow_duplicate:
                existing = repo.same_job(fields.company, fields.role)
                if existing:
                    raise DuplicateApplicationError(existing)
            app_id = repo.add(
                fields,
                created_at=now,
                applied_on=applied_on,
                dedupe_key=dedupe_key(fields, applied_on),
                state=state,
            )
            repo.add_events(((app_id, e) for e in events), now=now)
            return repo.get(app_id)

    def edit(self, application_id: int, changes: dict[str, Any]) -> Application:
        with self.ws.db.write() as session:
            repo = _repository(session, self.ws.owner_id)
            current = repo.get(application_id, with_events=False)
            fields = replace(current.fields, **changes).validated()
            repo.update_fields(application_id, fields, dedupe_key=dedupe_key(fields, current.applied_on))
            return repo.get(application_id)

    def delete(self, application_id: int) -> None:
        with self.ws.db.write() as session:
            _repository(session, self.ws.owner_id).delete(application_id)

    def move(
        self,
        application_id: int,
        stage: Stage,
        *,
        round_: int | None = None,
        at: datetime | None = None,
        note: str = "",
        source: EventSource = EventSource.USER,
    ) -> Application:
        def build(events: list[StageEvent], when: datetime) -> StageEvent:
            before = state_before(events, when)
            check_move(before, stage, round_)
            check_fits_history(events, stage, when)
            round_value = None
            if stage is Stage.INTERVIEW:
                previous = before.interview_round if before.stage is Stage.INTERVIEW else None
                round_value = round_ or (previous or 0) + 1
            origin = before.outcome.value if before.outcome else before.stage.value
            return StageEvent(origin, stage.value, when, source, round=round_value, note=note)

        return self._append(application_id, at, build, set_applied_on=stage is Stage.APPLIED)

    def close(
        self,
        application_id: int,
        outcome: Outcome,
        *,
        at: datetime | None = None,
        note: str = "",
        source: EventSource = EventSource.USER,
    ) -> Application:
        def build(events: list[StageEvent], when: datetime) -> StageEvent:
            before = state_before(events, when)
            # A late reply turns a ghosting into a rejection; any other double close is a mistake.
            if not (before.outcome is Outcome.GHOSTED and outcome is Outcome.REJECTED):
                check_close(before, outcome)
            check_close_fits_history(events, outcome, when)
            origin = before.outcome.value if before.outcome else before.stage.value
            return StageEvent(origin, outcome.value, when, source, note=note)

        return self._append(application_id, at, build)

    def _append(
        self,
        application_id: int,
        at: datetime | None,
        build: Any,
        *,
        set_applied_on: bool = False,
    ) -> Application:
        now = self.ws.now()
        when = at or now
        if when > now + FUTURE_TOLERANCE:
            raise StageError("that date is in the future; record a stage change when it has happened", field="at")
        with self.ws.db.write() as session:
            repo = _repository(session, self.ws.owner_id)
            app = repo.get(application_id)
            events = list(app.events)
            event: StageEvent = build(events, when)
            repo.add_events([(application_id, event)], now=now)
            repo.set_state(application_id, derive_state([*events, event]))
            if set_applied_on and app.applied_on is None:
                repo.update_fields(application_id, app.fields, applied_on=when.date())
            return repo.get(application_id)

    def undoable_change(self, application_id: int) -> int | None:
        """The id of the stage change recorded last, while it can still be undone (a misclick on a board
        button would otherwise stay in the history, and count as the company's reply)."""
        with self.ws.db.read() as session:
            newest = _repository(session, self.ws.owner_id).newest_event(application_id)
        if newest is None or not self._fresh(newest[1]):
            return None
        return newest[0]

    def undo_change(self, application_id: int, event_id: int) -> Application:
        """Take back the stage change just recorded (`event_id`, from `undoable_change`): the history and
        everything counted from it are as they were before it."""
        with self.ws.db.write() as session:
            repo = _repository(session, self.ws.owner_id)
            app = repo.get(application_id)
            newest = repo.newest_event(application_id)
            if newest is None or newest[0] != event_id or not self._fresh(newest[1]):
                raise StageError(
                    "that change can no longer be undone: it was not the last one, or it was more than "
                    f"{UNDO_CHANGE_SECONDS} seconds ago. Record the stage it is at now instead"
                )
            repo.remove_event(application_id, event_id)
            events = repo.events(application_id)
            repo.set_state(application_id, derive_state(events))
            if newest[2] == Stage.APPLIED.value and all(e.to_state != Stage.APPLIED.value for e in events):
                repo.update_fields(application_id, app.fields, applied_on=None)
            return repo.get(application_id)

    def _fresh(self, recorded_at: datetime) -> bool:
        recorded = recorded_at if recorded_at.tzinfo else recorded_at.replace(tzinfo=UTC)
        return self.ws.now() - recorded <= timedelta(seconds=UNDO_CHANGE_SECONDS)

    # -- reading -----------------------------------------------------------------------------

    def get(self, application_id: int) -> Application:
        with self.ws.db.reader(self.ws.owner_id) as reader:
            return reader.application(application_id)

    def find(
        self,
        *,
        stage: Stage | None = None,
        outcome: Outcome | None = None,
        open_only: bool = False,
        closed_only: bool = False,
        company: str | None = None,
    ) -> list[Application]:
        with self.ws.db.read() as session:
            return _repository(session, self.ws.owner_id).find(
                stage=stage, outcome=outcome, open_only=open_only, closed_only=closed_only, company=company
            )

    def names(self, *, ids: Collection[int] | None = None, newest: int | None = None) -> list[tuple[int, str, str]]:
        """Applications as (id, company, role), by id: a picker needs no more (thousands of listing rows would be
        most of its page's time). Only those in `ids`; or with `newest`, the newest few, newest first."""
        with self.ws.db.reader(self.ws.owner_id) as reader:
            return reader.names(ids=ids, newest=newest)

    def summaries(
        self,
        *,
        stage: Stage | None = None,
        outcome: Outcome | None = None,
        open_only: bool = False,
        closed_only: bool = False,
        company: str | None = None,
        hide_rejected: bool = False,
    ) -> list[ApplicationSummary]:
        """Listing rows (no long texts, no history): fast for thousands."""
        with self.ws.db.reader(self.ws.owner_id) as reader:
            return reader.summaries(
                stage=stage.value if stage else None,
                outcome=outcome.value if outcome else None,
                open_only=open_only,
                closed_only=closed_only,
                company=company,
                hide_rejected=hide_rejected,
            )

    def same_job(self, company: str, role: str) -> list[ApplicationSummary]:
        """Applications already recorded for this company and role (letter case and spaces aside)."""
        with self.ws.db.read() as session:
            return _repository(session, self.ws.owner_id).same_job(" ".join(company.split()), " ".join(role.split()))

    def latest_closed(self, outcome: Outcome, limit: int = 3) -> list[ApplicationSummary]:
        with self.ws.db.reader(self.ws.owner_id) as reader:
            return reader.latest_closed(outcome, limit)

    def silent(self, preferences: Preferences | None = None) -> list[SilentApplication]:
        """Open applications that have been quiet longer than their stage's limit, longest first."""
        found = self.likely_ghosted(preferences)
        with self.ws.db.reader(self.ws.owner_id) as reader:
            apps = {app.id: app for app in reader.applications(ids=[app_id for app_id, _ in found])}
        return [SilentApplication(apps[app_id], verdict) for app_id, verdict in found]

    def likely_ghosted(self, preferences: Preferences | None = None) -> list[tuple[int, SilenceVerdict]]:
        """The ids of `silent`, with their verdicts, read from three columns of the open applications."""
        limits = (preferences or self.preferences()).ghost_days
        now = self.ws.now()
        # Quiet for longer than its limit means last active before the day that limit ago began (a later
        # interview only makes that longer ago): SQL leaves out the rest, which after a big import can be
        # thousands.
        quiet_since = {stage: quiet_before(now, days) for stage, days in limits.items()}
        with self.ws.db.reader(self.ws.owner_id) as reader:
            quiet = reader.open_activity(quiet_since=quiet_since)
            interviews = reader.latest_interview_times()
        return silent_ones(quiet, now, limits, interviews)

    def silent_summary(self, shown: int, preferences: Preferences | None = None) -> SilentSummary:
        """`SilentSummary.of(likely_ghosted(), shown)`, counted in SQL: only the `shown` longest-silent ones are
        read, ordered as `silent_ones` orders them (by days of silence, then by id)."""
        from nextround.storage.silence import SilenceReader

        limits = (preferences or self.preferences()).ghost_days
        now = self.ws.now()
        quiet = {stage: quiet_before(now, days) for stage, days in limits.items()}
        followable = {stage: quiet_before(now, follow_up_days(days)) for stage, days in limits.items()}
        with self.ws.db.plain_read(self.ws.owner_id, SilenceReader) as reader:
            rows = reader.quietest(now, quiet, shown)
            if len(rows) < shown:  # all of them, every one shown
                count, still_followable = len(rows), None
            elif not rows:
                count, still_followable, _ = reader.quiet_counts(now, quiet, followable)
            else:
                # Earliest contact first is not quite silent_ones' order: a day's silence is as long at any hour,
                # so those quiet as long as the last one read go by id. When more were in contact by the end of
                # its day than were read, the first by id of that day are read instead.
                day = rows[-1][2].astimezone(now.tzinfo).date()
                start = datetime.combine(day, time(0), tzinfo=now.tzinfo)
                end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=now.tzinfo)
                count, still_followable, by_end = reader.quiet_counts(now, quiet, followable, before=end)
                if by_end > len(rows):
                    rows = reader.longest_quiet(now, quiet, (start, end), shown)
        rows.sort()
        found = [(app_id, silent_for(contact, now, limits[stage])) for app_id, stage, contact in rows]
        found.sort(key=lambda item: -item[1].silent_days)
        longest = tuple(found[:shown])
        followable_shown = sum(1 for _, verdict in longest if not verdict.past_follow_up)
        rest_followable = 0 if still_followable is None else still_followable - followable_shown
        return SilentSummary(count, longest, rest_followable == 0)

    def confirm_ghosted(self, application_id: int, *, source: EventSource = EventSource.USER) -> Application:
        app = self.get(application_id)
        verdict = self.silence_of(app)
        days = f" after {verdict.silent_days} days of silence" if verdict else ""
        return self.close(application_id, Outcome.GHOSTED, note=f"no reply{days}", source=source)

    def latest_interviews(self) -> Mapping[int, datetime]:
        """Each application's latest interview, past or planned: an interview counts as contact."""
        with self.ws.db.reader(self.ws.owner_id) as reader:
            return reader.latest_interview_times()

    def silence_of(self, app: Application) -> SilenceVerdict | None:
        """How long this application has been silent against its stage's limit (None: not applicable)."""
        interviews = self.latest_interviews()
        return silence(
            app.state, self.ws.now(), self.preferences().ghost_days, latest_interview_at=interviews.get(app.id)
        )

    def auto_close_silent(self) -> list[Application]:
        """Close likely-ghosted applications, only if the user turned auto-close on."""
        prefs = self.preferences()
        if not prefs.auto_close_ghosted:
            return []
        return [self.confirm_ghosted(item.application.id, source=EventSource.AUTO) for item in self.silent(prefs)]

    def stats(self) -> FunnelStats:
        with self.ws.db.reader(self.ws.owner_id) as reader:
            groups = reader.funnel_groups()
        from nextround.domain.stats import funnel_group_stats

        return funnel_group_stats(groups)

    def preferences(self) -> Preferences:
        return load_preferences(self.ws)


def _repository(session: Session, owner_id: int) -> ApplicationRepository:
    # Imported on use: reading commands go through storage.reads and never load SQLAlchemy.
    from nextround.storage.repositories import ApplicationRepository

    return ApplicationRepository(session, owner_id)
