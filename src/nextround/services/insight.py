"""Use cases of step 2, analyse and reflect: CVs, JD-vs-CV matching, skill gaps, reflections, insights."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from nextround.analysis.skillgaps import match, rank_gaps
from nextround.analysis.skills import extract_skills
from nextround.domain import reflection as rf
from nextround.domain.insights import ThemeEvidence, build_insights, combine_themes, stage_weight
from nextround.domain.stats import rejections_by_stage
from nextround.errors import UserError
from nextround.services.skill_results import SkillGap, SkillMatch, TopGap, skill_gap, skill_match, top_gap
from nextround.services.workspace import Workspace
from nextround.storage.insight import (
    CvRepository,
    FeedbackReader,
    ReflectionRepository,
    RejectedJobs,
    StoredCv,
    StoredReflection,
)
from nextround.storage.repositories import ApplicationRepository

MAX_CV_CHARS = 200_000
MAX_NAME = 300
MAX_EVIDENCE_CHARS = 300


class InsightError(UserError, ValueError):
    """Something this pillar cannot do with the data at hand (no CV yet, an empty CV ...)."""


# -- CVs ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CvSummary:
    """A stored CV without its text: what lists show."""

    id: int
    name: str
    filename: str
    is_primary: bool
    chars: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class CvDetails(CvSummary):
    """One CV with its text and the skills recognised in it."""

    text: str = ""
    skills: tuple[str, ...] = ()


def _cv_summary(cv: StoredCv) -> CvSummary:
    return CvSummary(cv.id, cv.name, cv.filename, cv.is_primary, len(cv.text), cv.created_at)


def add_cv(ws: Workspace, path: Path, *, name: str | None = None, primary: bool = False) -> CvSummary:
    """Read a .txt/.md/.pdf/.docx CV and keep its text; the first CV becomes the primary one."""
    from nextround.integrations.documents import extract_text

    text = extract_text(path, ws.settings.max_import_bytes)
    return add_cv_text(ws, text, name=name if name is not None else path.stem, filename=path.name, primary=primary)


def add_cv_text(ws: Workspace, text: str, *, name: str, filename: str = "", primary: bool = False) -> CvSummary:
    """Keep a CV given as text (a file read by `add_cv`, or pasted); the first CV becomes the primary one."""
    if len(text) > MAX_CV_CHARS:
        where = filename or "the CV"
        raise InsightError(f"{where} holds {len(text)} characters of text; a CV over {MAX_CV_CHARS} is not a CV")
    if not text.strip():
        raise InsightError("the CV has no text", field="text")
    label = " ".join(name.split())
    _check_cv_name(label)
    with ws.db.write() as session:
        repo = CvRepository(session, ws.owner_id)
        first = repo.count() == 0
        cv = repo.add(name=label, filename=filename[:500], text=text, is_primary=False, created_at=ws.now())
        if primary or first:
            cv = repo.set_primary(cv.id)
        return _cv_summary(cv)


def _check_cv_name(label: str) -> None:
    if not label:
        raise InsightError("give the CV a name", field="name")
    if len(label) > MAX_NAME:
        raise InsightError(f"the name is over {MAX_NAME} characters", field="name")


def rename_cv(ws: Workspace, cv_id: int, name: str) -> CvSummary:
    """Give a CV another name ("Bakery CV", "Support roles")."""
    label = " ".join(name.split())
    _check_cv_name(label)
    with ws.db.write() as session:
        return _cv_summary(CvRepository(session, ws.owner_id).rename(cv_id, label))


def change_cv(ws: Workspace, cv_id: int, *, name: str | None = None, primary: bool | None = None) -> CvSummary:
    """Rename a CV and/or make it the primary one, in one transaction (what the API's PATCH does)."""
    if name is None and primary is None:
        raise InsightError("nothing to change: give a new name, or make it the main CV")
    if primary is False:
        raise InsightError("a CV stops being the main one when you choose another", field="primary")
    label = None if name is None else " ".join(name.split())
    if label is not None:
        _check_cv_name(label)
    with ws.db.write() as session:
        repo = CvRepository(session, ws.owner_id)
        cv = repo.rename(cv_id, label) if label is not None else repo.get(cv_id)
        if primary:
            cv = repo.set_primary(cv_id)
        return _cv_summary(cv)


def list_cvs(ws: Workspace) -> list[CvSummary]:
    with ws.db.read() as session:
        return [_cv_summary(cv) for cv in CvRepository(session, ws.owner_id).all()]


def get_cv(ws: Workspace, cv_id: int) -> CvDetails:
    """One CV with its text and the skills recognised in it."""
    with ws.db.read() as session:
        cv = CvRepository(session, ws.owner_id).get(cv_id)
    skills: list[str] = []
    for mention in extract_skills(cv.text):
        if mention.skill not in skills:
            skills.append(mention.skill)
    return CvDetails(cv.id, cv.name, cv.filename, cv.is_primary, len(cv.text), cv.created_at, cv.text, tuple(skills))


def remove_cv(ws: Workspace, cv_id: int) -> CvSummary:
    """Delete a CV; if it was the primary one, the newest remaining CV takes over."""
    with ws.db.write() as session:
        repo = CvRepository(session, ws.owner_id)
        removed = repo.remove(cv_id)
        if removed.is_primary:
            successor = repo.primary()
            if successor is not None:
                repo.set_primary(successor.id)
        return _cv_summary(removed)


def set_primary_cv(ws: Workspace, cv_id: int) -> CvSummary:
    with ws.db.write() as session:
        return _cv_summary(CvRepository(session, ws.owner_id).set_primary(cv_id))


def primary_cv_text(ws: Workspace) -> str:
    with ws.db.read() as session:
        cv = CvRepository(session, ws.owner_id).primary()
    if cv is None:
        raise InsightError("no CV stored yet: add your CV first, or give a CV file", field="cv_file")
    return cv.text


# -- matching and gaps -------------------------------------------------------------------------


def match_texts(jd: str, cv: str) -> SkillMatch:
    """How well a CV covers a job description: score, required, matched, missing (see analysis.skills)."""
    if not jd.strip():
        raise InsightError("the job description is empty")
    if not cv.strip():
        raise InsightError("the CV is empty")
    return skill_match(match(jd, cv))


@dataclass(frozen=True)
class ApplicationMatch:
    """The primary CV against one application's job description; `note` says why there is no result."""

    result: SkillMatch | None
    note: str | None = None
    cv_name: str = ""
    cv_id: int | None = None


def match_application(ws: Workspace, app_id: int, cv_id: int | None = None) -> ApplicationMatch:
    """Match a CV (the primary one unless `cv_id` says which) with one application's job description."""
    with ws.db.read() as session:
        app = ApplicationRepository(session, ws.owner_id).get(app_id, with_events=False)
        repo = CvRepository(session, ws.owner_id)
        cv = repo.get(cv_id) if cv_id is not None else repo.primary()
    if not app.fields.jd_text.strip():
        return ApplicationMatch(None, "no job description saved for this application")
    if cv is None:
        return ApplicationMatch(None, "no CV stored yet")
    return ApplicationMatch(skill_match(match(app.fields.jd_text, cv.text)), None, cv.name, cv.id)


@dataclass(frozen=True, slots=True)
class SkillGaps:
    """The most costly gaps (each as analysis.skillgaps.rank_gaps describes it), how many there were in all,
    and what they were measured over: rejected applications with a job description, those without, CVs."""

    gaps: tuple[SkillGap, ...]
    total_gaps: int
    applications: int
    without_job_description: int
    cvs: int


def skill_gaps(ws: Workspace, limit: int = 10) -> SkillGaps:
    """Skills that the jobs which turned you down required and none of your CVs shows, most costly first.

    Each rejected (or ghosted) application with a job description counts with a weight from how far it
    got: application 1, screening 1.5, assessment 2, interview 3, final 4, offer 5.
    """
    if limit < 1:
        raise InsightError("show 1 or more skills", field="limit")
    with ws.db.read() as session:
        cvs = CvRepository(session, ws.owner_id).all()
        jobs_repo = RejectedJobs(session, ws.owner_id)
        jobs = jobs_repo.with_job_description()
        without_jd = jobs_repo.closed_without_job_description()
    if not cvs:
        raise InsightError("no CV stored yet: add your CV so gaps can be measured", field="cv_file")
    pairs = [(job.jd_text, stage_weight(job.furthest_stage)) for job in jobs]
    ranked = rank_gaps(pairs, [cv.text for cv in cvs])
    return SkillGaps(
        gaps=tuple(skill_gap(item) for item in ranked[:limit]),
        total_gaps=len(ranked),
        applications=len(jobs),
        without_job_description=without_jd,
        cvs=len(cvs),
    )


# -- reflections -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReflectionQuestion:
    """One reflection question, its rating scale, and the answer given so far (None: not yet)."""

    key: str
    question: str
    scale: str
    rating: int | None
    text: str | None


@dataclass(frozen=True, slots=True)
class Reflection:
    """The reflection on one application: its questions (they follow the stage reached), the answers, the
    questions still open, the average rating and the themes low ratings feed into insights."""

    application_id: int
    stage_reached: str
    context: str
    questions: tuple[ReflectionQuestion, ...]
    answers: Mapping[str, rf.Answer]
    unanswered: tuple[str, ...]
    average_rating: float | None
    themes: tuple[str, ...]
    exists: bool
    created_at: datetime | None
    updated_at: datetime | None


def _reflection(app_id: int, stored: StoredReflection | None, stage_reached: str) -> Reflection:
    answers: dict[str, rf.Answer] = {}
    if stored is None:
        context = rf.context_for(stage_reached)
    else:
        context, answers = rf.from_stored(stored.answers)
    view = rf.reflection_to_dict(context, answers)
    return Reflection(
        application_id=app_id,
        stage_reached=stage_reached,
        context=context,
        questions=tuple(ReflectionQuestion(**item) for item in view["questions"]),
        answers=answers,
        unanswered=tuple(view["unanswered"]),
        average_rating=view["average_rating"],
        themes=tuple(view["themes"]),
        exists=stored is not None,
        created_at=stored.created_at if stored else None,
        updated_at=stored.updated_at if stored else None,
    )


def get_reflection(ws: Workspace, app_id: int) -> Reflection:
    with ws.db.read() as session:
        app = ApplicationRepository(session, ws.owner_id).get(app_id, with_events=False)
        stored = ReflectionRepository(session, ws.owner_id).get(app_id)
    return _reflection(app_id, stored, app.state.furthest_stage.value)


def save_reflection(ws: Workspace, app_id: int, answers: dict[str, Any]) -> Reflection:
    """Create or update the reflection on an application; answers not given again are kept.

    Any application can be reflected on; the questions follow the stage it reached (an edit keeps the
    question set the reflection was started with).
    """
    now = ws.now()
    with ws.db.write() as session:
        app = ApplicationRepository(session, ws.owner_id).get(app_id, with_events=False)
        stage_reached = app.state.furthest_stage.value
        repo = ReflectionRepository(session, ws.owner_id)
        existing = repo.get(app_id)
        if existing is not None:
            context, previous = rf.from_stored(existing.answers)
        else:
            context, previous = rf.context_for(stage_reached), {}
        changes = rf.validate_answers(answers, context)
        stored = repo.save(app_id, rf.to_stored(context, rf.merge(previous, changes)), now)
        return _reflection(app_id, stored, stage_reached)


# -- insights ----------------------------------------------------------------------------------


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_EVIDENCE_CHARS else text[: MAX_EVIDENCE_CHARS - 1].rstrip() + "…"


def _feedback_evidence(analysis: dict[str, Any]) -> list[tuple[str, str]]:
    found = []
    themes = analysis.get("themes")
    if not isinstance(themes, list):
        return []
    for item in themes:
        if not isinstance(item, dict) or not isinstance(item.get("theme"), str):
            continue
        quotes = item.get("evidence")
        quote = quotes[0] if isinstance(quotes, list) and quotes and isinstance(quotes[0], str) else ""
        found.append((item["theme"], quote))
    return found


@dataclass(frozen=True, slots=True)
class ThemeSources:
    feedback: int
    reflection: int


@dataclass(frozen=True, slots=True)
class ThemeEvidenceQuote:
    """The latest words behind a theme: the text, where it came from, which application, when."""

    text: str
    source: str
    application_id: int | None
    at: datetime


@dataclass(frozen=True, slots=True)
class ThemeSummary:
    """One theme across feedback and reflections: how often, on which applications, its latest evidence,
    its trend, whether it recurs (MIN_CASES) and whether it is in the user's control."""

    theme: str
    label: str
    count: int
    applications: tuple[int, ...]
    sources: ThemeSources
    latest_evidence: ThemeEvidenceQuote
    trend: str
    recurring: bool
    actionable: bool


@dataclass(frozen=True, slots=True)
class StageSummary:
    rejections_by_stage: Mapping[str, int]
    rejections: int
    pattern: str | None


@dataclass(frozen=True, slots=True)
class InsightSources:
    feedback: int
    reflections: int


@dataclass(frozen=True, slots=True)
class GapSources:
    """What the skill gaps were measured on: the rejected or ghosted applications whose job description was
    compared with the CVs, and those closed without one (not counted). An empty list of gaps means little
    until `applications` says how many jobs were read."""

    applications: int
    without_job_description: int


@dataclass(frozen=True, slots=True)
class Insights:
    """The whole picture: themes, where rejections happen, the top skill gaps (each as rank_gaps describes it,
    with `recurring`), and plain-words notes that only claim what `minimum_cases` cases support.
    `gap_sources` is None when the gaps could not be measured (`gaps_note` says why)."""

    themes: tuple[ThemeSummary, ...]
    recurring_themes: tuple[str, ...]
    stage: StageSummary
    top_gaps: tuple[TopGap, ...]
    gaps_note: str | None
    sources: InsightSources
    minimum_cases: int
    notes: tuple[str, ...]
    gap_sources: GapSources | None = None


def _theme(item: Mapping[str, Any]) -> ThemeSummary:
    latest = item["latest_evidence"]
    return ThemeSummary(
        theme=item["theme"],
        label=item["label"],
        count=item["count"],
        applications=tuple(item["applications"]),
        sources=ThemeSources(**item["sources"]),
        latest_evidence=ThemeEvidenceQuote(
            latest["text"], latest["source"], latest["application_id"], datetime.fromisoformat(latest["at"])
        ),
        trend=item["trend"],
        recurring=item["recurring"],
        actionable=item["actionable"],
    )


def _theme_evidence(ws: Workspace) -> tuple[list[ThemeEvidence], int, int]:
    """Every theme found in the feedback and reflections, with the counts of each."""
    with ws.db.read() as session:
        feedback = FeedbackReader(session, ws.owner_id).analyses()
        reflections = ReflectionRepository(session, ws.owner_id).all()
    evidence: list[ThemeEvidence] = []
    for item in feedback:
        for theme, quote in _feedback_evidence(item.analysis):
            evidence.append(ThemeEvidence(theme, "feedback", item.application_id, item.received_at, _clip(quote)))
    for stored in reflections:
        context, answers = rf.from_stored(stored.answers)
        for found in rf.themes_from_answers(context, answers):
            app_id, moment = stored.application_id, stored.updated_at
            evidence.append(ThemeEvidence(found.theme, "reflection", app_id, moment, _clip(found.evidence)))
    return evidence, len(feedback), len(reflections)


def themes(ws: Workspace) -> tuple[ThemeSummary, ...]:
    """The themes across the search as Insights shows them, without the stage pattern and skill gaps (what a
    coach sees when feedback is shared)."""
    evidence, _feedback, _reflections = _theme_evidence(ws)
    return tuple(_theme(item) for item in combine_themes(evidence, ws.now()))


def insights(ws: Workspace, *, gap_limit: int = 5) -> Insights:
    """Recurring themes across feedback and reflections, the stage pattern and the top skill gaps."""
    evidence, feedback_count, reflection_count = _theme_evidence(ws)
    with ws.db.read() as session:
        # What the funnel statistics count as rejections by stage, without the rest of the funnel.
        rejected_at = RejectedJobs(session, ws.owner_id).closed_at_stages()
    gaps: list[dict[str, object]] = []
    gaps_note: str | None = None
    gap_sources: GapSources | None = None
    try:
        measured = skill_gaps(ws, limit=gap_limit)
    except InsightError as exc:
        gaps_note = str(exc)
    else:
        gaps = [asdict(gap) for gap in measured.gaps]  # build_insights reads mappings
        gap_sources = GapSources(measured.applications, measured.without_job_description)
    picture = build_insights(
        combine_themes(evidence, ws.now()),
        rejections_by_stage(rejected_at),
        gaps,
        feedback_count=feedback_count,
        reflection_count=reflection_count,
        gaps_note=gaps_note,
    )
    return Insights(
        themes=tuple(_theme(item) for item in picture["themes"]),
        recurring_themes=tuple(picture["recurring_themes"]),
        stage=StageSummary(**picture["stage"]),
        top_gaps=tuple(top_gap(item) for item in picture["top_gaps"]),
        gaps_note=picture["gaps_note"],
        sources=InsightSources(**picture["sources"]),
        minimum_cases=picture["minimum_cases"],
        notes=tuple(picture["notes"]),
        gap_sources=gap_sources,
    )
