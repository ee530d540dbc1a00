"""Keep going: the journal and wins log, reframing after a rejection, effort counts and the review.

Progress here is counted in what the person did and learned (applications sent, feedback asked for,
reflections, practice, contacts, goals), never only in offers. The review reads the other pillars'
tables through read-only, owner-scoped queries (`storage.keepgoing.ReviewQueries`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from nextround.domain.applications import Application
from nextround.domain.effort import (
    Activity,
    EffortSummary,
    Kind,
    Period,
    PlanContext,
    PlanStep,
    ScoreProgress,
    Streak,
    effort_summary,
    period_for,
)
from nextround.domain.stages import Outcome, Stage, rejection_bucket
from nextround.domain.stats import FunnelStats
from nextround.errors import UserError
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace
from nextround.storage.keepgoing import JournalRepository, ReviewQueries
from nextround.storage.repositories import ApplicationRepository, SettingsRepository
from nextround.storage.schema import HIDE_REJECTED_SETTING
from nextround.storage.tables import JournalEntryRow

if TYPE_CHECKING:
    from nextround.services.watch import Opening

JOURNAL_KINDS: tuple[str, ...] = ("journal", "win", "reframe")
MAX_JOURNAL_TEXT = 20_000
HIDE_REJECTED = HIDE_REJECTED_SETTING
# A sent feedback request with no reply after this many days is worth its one polite chase.
CHASE_AFTER_DAYS = 7
# Rejections closed within this many days without a reflection or reframe are suggested for one.
REFLECT_WINDOW_DAYS = 30
_CLOSED_REQUEST_STATUSES = frozenset({"drafted", "replied", "declined", "no_reply", "closed", "chased"})
_STAGE_VALUES = frozenset(s.value for s in Stage)


class JournalError(UserError, ValueError):
    """A journal entry or reframe that cannot be saved as given."""


# -- journal ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class JournalEntry:
    id: int
    kind: str
    mood: int | None
    text: str
    application_id: int | None
    created_at: datetime
    application: str = ""  # "Role at Company" of the application it is about, if any


def _entry(row: JournalEntryRow, titles: Mapping[int, str] | None = None) -> JournalEntry:
    title = (titles or {}).get(row.application_id, "") if row.application_id is not None else ""
    return JournalEntry(row.id, row.kind, row.mood, row.text, row.application_id, row.created_at, title)


def add_journal(
    ws: Workspace, text: str, mood: int | None = None, kind: str = "journal", app_id: int | None = None
) -> JournalEntry:
    """Save a journal entry, a win (`kind="win"`) or a reframe, optionally tied to an application."""
    if kind not in JOURNAL_KINDS:
        raise JournalError(f"unknown journal kind {kind!r}; expected one of: {', '.join(JOURNAL_KINDS)}")
    if mood is not None and not 1 <= mood <= 5:
        raise JournalError("mood must be between 1 and 5")
    body = (text or "").strip()
    if len(body) > MAX_JOURNAL_TEXT:
        raise JournalError(f"entry too long (max {MAX_JOURNAL_TEXT} characters)", field="text")
    if not body and mood is None:
        raise JournalError("write something, or give at least a mood", field="text")
    if kind == "win" and not body:
        raise JournalError("a win needs a few words: what went well?")
    with ws.db.write() as session:
        if app_id is not None:
            ApplicationRepository(session, ws.owner_id).exists(app_id)
        row = JournalRepository(session, ws.owner_id).add(
            kind=kind, mood=mood, text=body, application_id=app_id, now=ws.now()
        )
        return _entry(row)


def list_journal(ws: Workspace, kind: str | None = None, limit: int = 50) -> list[JournalEntry]:
    """Newest first."""
    if kind is not None and kind not in JOURNAL_KINDS:
        raise JournalError(f"unknown journal kind {kind!r}; expected one of: {', '.join(JOURNAL_KINDS)}")
    with ws.db.read() as session:
        repo = JournalRepository(session, ws.owner_id)
        rows = repo.entries(kind=kind, limit=max(0, limit))
        titles = repo.application_titles({row.application_id for row in rows if row.application_id is not None})
        return [_entry(row, titles) for row in rows]


# -- reframing after a rejection -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReframePrompt:
    key: str
    question: str


REFRAME_KEYS: tuple[str, ...] = ("learned", "in_control", "next")


def _closed_bucket(app: Application) -> str:
    if app.state.rejection_bucket is not None:
        return app.state.rejection_bucket
    return rejection_bucket(app.state.closed_at_stage or app.state.stage)


def reframe_prompts(app: Application) -> list[ReframePrompt]:
    """Three questions after a rejection — learned, in your control, next — fitted to where it ended."""
    company = app.fields.company
    bucket = _closed_bucket(app)
    if bucket == "application":
        learned = f"What did applying to {company} show you about how your CV and letter come across?"
        control = "Which one thing in your control would you change for the next application: the CV, the letter, or the roles you choose?"  # noqa: E501
    elif bucket == "screening":
        learned = f"What did the first conversation with {company} teach you about how you introduce yourself?"
        control = "What is one thing in your control to sharpen before the next screening call: your pitch, your questions, your salary answer?"  # noqa: E501
    elif bucket == "assessment":
        learned = f"What did the {company} assessment show you about your skills, or about how you work under time?"
        control = "Which one skill or habit in your control will you practise before the next assessment?"
    else:
        learned = (
            f"What did the {company} interviews teach you: which answers worked, and which would you tell differently?"
        )
        control = "What is one thing in your control for the next interview: a story to prepare, research to do, a question to rehearse?"  # noqa: E501
    return [
        ReframePrompt("learned", learned),
        ReframePrompt("in_control", control),
        ReframePrompt("next", "What is your next step, and when will you take it?"),
    ]


def looked_back_on(ws: Workspace) -> frozenset[int]:
    """Applications already reflected on or reframed: nothing should ask for that again."""
    with ws.db.reader(ws.owner_id) as reader:
        return frozenset(reader.looked_back_application_ids())


def reframe_application(ws: Workspace, app_id: int) -> tuple[Application, list[ReframePrompt]]:
    """The application and its prompts; refuses applications that did not end in a rejection or silence."""
    app = ApplicationService(ws).get(app_id)
    if app.state.outcome not in (Outcome.REJECTED, Outcome.GHOSTED):
        raise JournalError(
            f"application {app_id} is not closed as rejected or ghosted; reframing prompts follow a rejection"
        )
    return app, reframe_prompts(app)


def save_reframe(ws: Workspace, app_id: int, answers: Mapping[str, str], mood: int | None = None) -> JournalEntry:
    """Store the answers to the three prompts as one `reframe` journal entry tied to the application."""
    app, prompts = reframe_application(ws, app_id)
    unknown = sorted(set(answers) - set(REFRAME_KEYS))
    if unknown:
        raise JournalError(f"unknown reframe answers: {', '.join(unknown)}; expected {', '.join(REFRAME_KEYS)}")
    parts = []
    for prompt in prompts:
        answer = (answers.get(prompt.key) or "").strip()
        if answer:
            parts.append(f"{prompt.question}\n{answer}")
    if not parts:
        raise JournalError("answer at least one of the prompts (the others can stay empty)")
    return add_journal(ws, "\n\n".join(parts), mood=mood, kind="reframe", app_id=app.id)


# -- hiding rejected applications from everyday views ------------------------------------------------


def hide_rejected(ws: Workspace) -> bool:
    """Whether everyday views should leave rejected applications out (stats always count them)."""
    with ws.db.read() as session:
        return bool(SettingsRepository(session, ws.owner_id).all().get(HIDE_REJECTED, False))


def set_hide_rejected(ws: Workspace, on: bool) -> bool:
    with ws.db.write() as session:
        SettingsRepository(session, ws.owner_id).set(HIDE_REJECTED, bool(on))
    return bool(on)


# -- effort and review ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Gathered:
    """Everything the effort counts and the review read, turned into plain values."""

    activities: list[Activity]
    moves: list[ReviewMove]
    themes: list[tuple[date, str]]
    touches: list[tuple[date, int, str, str]]
    goals: list[tuple[int, str, str, date | None]]
    journal: list[tuple[str, int | None, str, date]]
    open_chases: int
    reflected_ids: set[int]


def _local_day(moment: datetime, zone: tzinfo | None) -> date:
    return moment.astimezone(zone).date()


def _theme_names(analysis: Mapping[str, Any]) -> list[str]:
    names = []
    for item in analysis.get("themes") or []:
        name = item.get("theme") if isinstance(item, Mapping) else item
        if isinstance(name, str) and name:
            names.append(name)
    return names


def _gather(ws: Workspace, until: datetime, moves_from: date = date.max) -> _Gathered:
    """Every activity up to `until` (streaks and scores look back), and the stage moves from `moves_from` on."""
    zone = ws.now().tzinfo
    now = ws.now()
    activities: list[Activity] = []
    moves: list[ReviewMove] = []
    applied, rejected = Stage.APPLIED.value, Outcome.REJECTED.value
    with ws.db.read() as session:
        queries = ReviewQueries(session, ws.owner_id)
        last_stage: dict[int, str] = {}
        # The whole history, one event at a time: kept to plain comparisons (10,000 applications have ~30,000).
        for app_id, company, role, from_state, to_state, occurred_at, day_unknown in queries.stage_moves(until):
            day = occurred_at.astimezone(zone).date()
            if to_state == applied and day_unknown:
                # Added from a rejection or an invitation: its applied event carries the message's day, not a
                # day the person sent anything, so it is neither an application sent nor a step of the week.
                last_stage[app_id] = to_state
                continue
            if to_state == applied:
                activities.append(Activity(Kind.APPLICATION, day, str(app_id)))
            elif to_state == rejected:
                stage = last_stage.get(app_id) or from_state or applied
                bucket = rejection_bucket(Stage(stage)) if stage in _STAGE_VALUES else "application"
                activities.append(Activity(Kind.REJECTION, day, bucket))
            if to_state in _STAGE_VALUES:
                last_stage[app_id] = to_state
            if day >= moves_from:
                moves.append(ReviewMove(app_id, company, role, from_state, to_state, day))
        open_chases = 0
        for sent_at, chased_at, resolved_at, status in queries.feedback_requests():
            if sent_at is not None and sent_at < until:
                activities.append(Activity(Kind.FEEDBACK_REQUEST, _local_day(sent_at, zone)))
            if chased_at is not None and chased_at < until:
                activities.append(Activity(Kind.FEEDBACK_CHASE, _local_day(chased_at, zone)))
            if (
                sent_at is not None
                and chased_at is None
                and resolved_at is None
                and status not in _CLOSED_REQUEST_STATUSES
                and sent_at <= now - timedelta(days=CHASE_AFTER_DAYS)
            ):
                open_chases += 1
        themes: list[tuple[date, str]] = []
        for received_at, analysis in queries.feedback_received(until):
            day = _local_day(received_at, zone)
            activities.append(Activity(Kind.FEEDBACK_RECEIVED, day))
            themes.extend((day, name) for name in _theme_names(analysis))
        reflected_ids: set[int] = set()
        for app_id, created_at in queries.reflections():
            reflected_ids.add(app_id)
            if created_at < until:
                activities.append(Activity(Kind.REFLECTION, _local_day(created_at, zone), str(app_id)))
        reflected_ids |= queries.reframed_application_ids()
        activities.extend(
            Activity(Kind.PRACTICE_SESSION, _local_day(started, zone)) for started in queries.practice_sessions(until)
        )
        activities.extend(
            Activity(Kind.PRACTICE_ANSWER, _local_day(answered, zone), category or "", float(score))
            for answered, score, category in queries.practice_answers(until)
        )
        touches = []
        for touch in queries.touches(until):
            day = _local_day(touch.occurred_at, zone)
            activities.append(Activity(Kind.CONTACT, day, str(touch.contact_id)))
            touches.append((day, touch.contact_id, touch.name, touch.company))
        goals = []
        for goal_id, title, status, completed_at in queries.goals():
            done_day = _local_day(completed_at, zone) if completed_at is not None and completed_at < until else None
            if done_day is not None:
                activities.append(Activity(Kind.GOAL_MET, done_day, str(goal_id)))
            goals.append((goal_id, title, status, done_day))
        journal = []
        kinds = {"journal": Kind.JOURNAL, "win": Kind.WIN, "reframe": Kind.REFRAME}
        for kind, mood, text, created_at in queries.journal(until):
            day = _local_day(created_at, zone)
            activities.append(Activity(kinds.get(kind, Kind.JOURNAL), day, value=mood))
            journal.append((kind, mood, text, day))
    return _Gathered(activities, moves, themes, touches, goals, journal, open_chases, reflected_ids)


def _period(ws: Workspace, period: str, today: date | None) -> tuple[Period, datetime]:
    day = today or ws.now().date()
    span = period_for(period, day)
    until = datetime.combine(day + timedelta(days=1), time(0), tzinfo=ws.now().tzinfo)
    return span, until


def _unreflected_rejections(ws: Workspace, reflected: set[int]) -> int:
    since = ws.now() - timedelta(days=REFLECT_WINDOW_DAYS)
    with ws.db.read() as session:
        rejected = ReviewQueries(session, ws.owner_id).rejected_since(since)
    return sum(1 for app_id in rejected if app_id not in reflected)


def _plan_context(ws: Workspace, gathered: _Gathered, span: Period, stats: FunnelStats) -> PlanContext:
    from nextround.services.watch import new_openings

    return PlanContext(
        rejections_by_stage=dict(stats.rejections_by_stage),
        open_chases=gathered.open_chases,
        rejections_without_reflection=_unreflected_rejections(ws, gathered.reflected_ids),
        open_goals=sum(1 for _, _, status, _ in gathered.goals if status == "open"),
        new_openings=len(new_openings(ws, days=span.days)),
    )


def effort(ws: Workspace, period: str = "week", today: date | None = None) -> EffortSummary:
    """Effort counts for the week or month ending `today`, the previous period's, the streak, and a plan."""
    span, until = _period(ws, period, today)
    gathered = _gather(ws, until)
    stats = ApplicationService(ws).stats()
    return effort_summary(gathered.activities, span, span.end, _plan_context(ws, gathered, span, stats))


# -- the review: typed, written by nextround.serialize (its JSON is `review --json` and /api/v1/review) ----------


@dataclass(frozen=True, slots=True)
class ReviewEffort:
    counts: Mapping[str, int]  # COUNT_KEYS, this period
    previous_counts: Mapping[str, int]
    active_days: int
    daily: tuple[tuple[date, int], ...]  # every day of the period, zero days included


@dataclass(frozen=True, slots=True)
class ReviewMove:
    """An application moving to a stage or an outcome on a day."""

    application_id: int
    company: str
    role: str
    from_state: str | None = field(metadata={"json_name": "from"})
    to: str
    day: date


@dataclass(frozen=True, slots=True)
class ReviewFunnel:
    moves: Mapping[str, int]  # every stage after saved, then every outcome, in that order (zeros included)
    previous_moves: Mapping[str, int]
    events: tuple[ReviewMove, ...]  # this period's moves (closing ones left out when rejected are hidden)
    open: int
    response_rate: float | None
    rejections_by_stage: Mapping[str, int]
    sample_size: int
    small_sample: bool
    pattern: str | None


@dataclass(frozen=True, slots=True)
class ThemeCount:
    theme: str
    count: int


@dataclass(frozen=True, slots=True)
class ReviewThemes:
    period: tuple[ThemeCount, ...]  # most common first
    all_time: tuple[ThemeCount, ...]  # the five most common


@dataclass(frozen=True, slots=True)
class MetGoal:
    id: int
    title: str
    completed_on: date


@dataclass(frozen=True, slots=True)
class OpenGoal:
    id: int
    title: str


@dataclass(frozen=True, slots=True)
class ReviewGoals:
    met: tuple[MetGoal, ...]
    open: tuple[OpenGoal, ...]


@dataclass(frozen=True, slots=True)
class ContactTouched:
    id: int
    name: str
    company: str
    interactions: int
    last: date


@dataclass(frozen=True, slots=True)
class ReviewJournal:
    entries: int
    wins: tuple[str, ...]
    mood_average: float | None
    moods: tuple[tuple[date, int], ...]


@dataclass(frozen=True, slots=True)
class Review:
    """What was done in a week or month, how the funnel and scores moved, themes, goals, contacts and a plan."""

    period: Period
    previous_period: Period
    generated_at: datetime
    hide_rejected: bool
    effort: ReviewEffort
    streak: Streak
    funnel: ReviewFunnel
    scores: ScoreProgress
    themes: ReviewThemes
    goals: ReviewGoals
    contacts: tuple[ContactTouched, ...]  # most interactions first
    journal: ReviewJournal
    openings: tuple[Opening, ...]
    plan: tuple[PlanStep, ...]


def _touched(gathered: _Gathered, span: Period) -> tuple[ContactTouched, ...]:
    counts: Counter[int] = Counter()
    last: dict[int, date] = {}
    names: dict[int, tuple[str, str]] = {}
    for day, contact_id, name, company in gathered.touches:
        if day in span:
            counts[contact_id] += 1
            last[contact_id] = max(last.get(contact_id, day), day)
            names.setdefault(contact_id, (name, company))
    touched = [ContactTouched(cid, *names[cid], counts[cid], last[cid]) for cid in names]
    return tuple(sorted(touched, key=lambda c: (-c.interactions, c.name.lower())))


def review(ws: Workspace, period: str = "week", today: date | None = None) -> Review:
    """What was done in the period, how the funnel and scores moved, themes, goals, contacts, and a plan."""
    from nextround.services.watch import new_openings

    span, until = _period(ws, period, today)
    previous = span.previous()
    gathered = _gather(ws, until, moves_from=previous.start)
    stats = ApplicationService(ws).stats()
    summary = effort_summary(gathered.activities, span, span.end, _plan_context(ws, gathered, span, stats))
    hidden = hide_rejected(ws)

    in_period = [m for m in gathered.moves if m.day in span]
    moved_to = Counter(m.to for m in in_period)
    moved_before = Counter(m.to for m in gathered.moves if m.day in previous)
    order = [s.value for s in Stage if s is not Stage.SAVED] + [o.value for o in Outcome]
    closing = {o.value for o in Outcome}
    theme_counts = Counter(name for day, name in gathered.themes if day in span)
    all_themes = Counter(name for _, name in gathered.themes)
    entries = [j for j in gathered.journal if j[3] in span]
    moods = tuple((day, mood) for _, mood, _, day in entries if mood is not None)
    return Review(
        period=span,
        previous_period=previous,
        generated_at=ws.now(),
        hide_rejected=hidden,
        effort=ReviewEffort(summary.counts, summary.previous_counts, summary.active_days, summary.daily),
        streak=summary.streak,
        funnel=ReviewFunnel(
            moves={state: moved_to.get(state, 0) for state in order},
            previous_moves={state: moved_before.get(state, 0) for state in order},
            events=tuple(m for m in in_period if not (hidden and m.to in closing)),
            open=stats.open,
            response_rate=stats.response_rate,
            rejections_by_stage=stats.rejections_by_stage,
            sample_size=stats.sample_size,
            small_sample=stats.small_sample,
            pattern=stats.pattern,
        ),
        scores=summary.scores,
        themes=ReviewThemes(
            period=tuple(ThemeCount(t, n) for t, n in theme_counts.most_common()),
            all_time=tuple(ThemeCount(t, n) for t, n in all_themes.most_common(5)),
        ),
        goals=ReviewGoals(
            met=tuple(
                MetGoal(gid, title, done) for gid, title, _, done in gathered.goals if done is not None and done in span
            ),
            open=tuple(OpenGoal(gid, title) for gid, title, status, _ in gathered.goals if status == "open"),
        ),
        contacts=_touched(gathered, span),
        journal=ReviewJournal(
            entries=len(entries),
            wins=tuple(text for kind, _, text, _ in entries if kind == "win"),
            mood_average=round(sum(m for _, m in moods) / len(moods), 1) if moods else None,
            moods=moods,
        ),
        openings=tuple(new_openings(ws, days=span.days)),
        plan=summary.plan,
    )
