"""What the AI coach adds on top of the offline analysis: an answer critique, a second opinion on feedback
themes and on skill gaps, and likely questions for a job.

Each use case sends the text it needs and the offline measurements, asks for a JSON object (validated with
pydantic, one repair request), then checks grounding in code: a quote that is not in the source text, or a
rewrite that brings in a number the answer did not state, is dropped and the result says so. When the coach is
off, unreachable or its reply unusable, the result is an `AiNote`: the offline result stands alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field

from nextround.analysis.grounding import new_numbers, quote_occurs
from nextround.errors import UserError
from nextround.integrations.llm import ChatClient, ChatReply, Message, ask_json
from nextround.services.ai_config import ai_client
from nextround.services.workspace import Workspace
from nextround.storage.ai import AiResultRepository

AI_LABEL = "AI"
MAX_SOURCE_CHARS = 12_000  # of any one text sent (a job description, a CV, feedback)
SHORT = 400
LONG = 1_000

Result = TypeVar("Result")


# -- what the model must answer (pydantic: validated, and its JSON schema sent with a repair request) ------


class QuotedPoint(BaseModel):
    point: str = Field(min_length=1, max_length=LONG)
    quote: str = Field(max_length=LONG, description="words copied exactly from the text")


class CritiqueReply(BaseModel):
    what_worked: list[QuotedPoint] = Field(max_length=5)
    one_change: str = Field(min_length=1, max_length=LONG)
    weakest_sentence: str = Field(max_length=LONG, description="copied exactly from the answer")
    rewrite: str = Field(max_length=LONG, description="no new facts or numbers; placeholders like [X%] allowed")
    follow_up_question: str = Field(min_length=1, max_length=SHORT)


class OpinionItem(BaseModel):
    subject: str = Field(min_length=1, max_length=SHORT, description="the theme or skill")
    verdict: Literal["agree", "disagree", "missed"]
    comment: str = Field(min_length=1, max_length=LONG)
    quote: str = Field(max_length=LONG, description="words copied exactly from the text")


class OpinionReply(BaseModel):
    opinions: list[OpinionItem] = Field(max_length=12)
    summary: str = Field(max_length=LONG)


class LikelyQuestion(BaseModel):
    question: str = Field(min_length=5, max_length=SHORT)
    category: Literal["behavioural", "situational", "role", "motivation", "career_story", "strengths_weaknesses"]
    why: str = Field(max_length=SHORT)
    quote: str = Field(max_length=LONG, description="the words of the job description it comes from")


class QuestionsReply(BaseModel):
    questions: list[LikelyQuestion] = Field(max_length=12)


# -- what the coach returns ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AiNote:
    """No AI result: why, in one line. The offline result stands alone."""

    note: str


@dataclass(frozen=True, slots=True)
class GroundedPoint:
    point: str
    quote: str


@dataclass(frozen=True, slots=True)
class AnswerCritique:
    what_worked: tuple[GroundedPoint, ...]
    one_change: str
    weakest_sentence: str | None  # None when the model's choice was not a sentence of the answer
    rewrite: str | None  # None when it was dropped (see `dropped`)


@dataclass(frozen=True, slots=True)
class AiAnswerReview:
    model: str
    critique: AnswerCritique
    follow_up_question: str
    quotes: tuple[str, ...]  # every quote it rests on, each found in the answer
    dropped: tuple[str, ...]  # what grounding removed, one line each
    label: str = AI_LABEL
    result_id: int | None = None  # the stored copy, when kept


@dataclass(frozen=True, slots=True)
class Opinion:
    subject: str
    verdict: str  # agree, disagree, missed
    comment: str
    quote: str


@dataclass(frozen=True, slots=True)
class AiSecondOpinion:
    model: str
    about: str  # feedback, skill_gaps
    opinions: tuple[Opinion, ...]
    summary: str
    dropped: tuple[str, ...]
    label: str = AI_LABEL
    result_id: int | None = None


@dataclass(frozen=True, slots=True)
class AiQuestions:
    model: str
    application_id: int
    added: tuple[str, ...]  # ids of the questions added to the bank (custom:<n>)
    questions: tuple[str, ...]
    dropped: tuple[str, ...]
    label: str = AI_LABEL
    result_id: int | None = None


def offline_note(error: UserError) -> AiNote:
    return AiNote(note=f"no AI result, so the offline result stands alone: {error}")


def _guarded(run: Callable[[], Result]) -> Result | AiNote:
    """The AI result, or a note when the coach is off, unreachable or its reply unusable."""
    try:
        return run()
    except UserError as exc:
        return offline_note(exc)


def _clip(text: str, limit: int = MAX_SOURCE_CHARS) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + " […]"


Kept = TypeVar("Kept", AiAnswerReview, AiSecondOpinion, AiQuestions)


def _keep(ws: Workspace, kind: str, result: Kept, **links: int | None) -> Kept:
    """Store a result with its model's name when it belongs to something stored; the result with its id."""
    from nextround.serialize import json_object

    if all(value is None for value in links.values()):
        return result
    with ws.db.write() as session:
        repo = AiResultRepository(session, ws.owner_id)
        stored = repo.add(kind, result.model, json_object(result), ws.now(), **links)
    return replace(result, result_id=stored)


def _ask(
    ws: Workspace, client: ChatClient | None, system: str, user: str, schema: type[BaseModel]
) -> tuple[Any, ChatReply]:
    messages: list[Message] = [{"role": "system", "content": system}, {"role": "user", "content": user}]
    return ask_json(client or ai_client(ws), messages, schema)


# -- answer critique -------------------------------------------------------------------------------------

CRITIQUE_SYSTEM = (
    "You are an interview coach. You receive an interview question, the candidate's answer, and measurements "
    "that an offline analyser made of it (STAR parts and the sentences that carry them, fillers, hedges, "
    "relevance to the question, job terms). Build on the measurements. Reply with only one JSON object: "
    '{"what_worked": [{"point": "...", "quote": "words copied exactly from the answer"}], '
    '"one_change": "the single change that would help most", '
    '"weakest_sentence": "one sentence copied exactly from the answer", '
    '"rewrite": "that sentence rewritten; add no facts or numbers the answer does not contain, write a '
    'placeholder such as [X%] where a number would help", '
    '"follow_up_question": "the follow-up question a real interviewer would ask next"}'
)


def measurements(analysis: Mapping[str, Any]) -> str:
    """The offline analysis in a few lines, for a prompt."""
    sentences: list[str] = list(analysis.get("sentences") or [])
    lines = [f"Score: {analysis.get('score')}/100; question type: {analysis.get('question_type')}."]
    star_sentences: Mapping[str, list[int]] = analysis.get("star_sentences") or {}
    for part in ("situation", "task", "action", "result"):
        found = [sentences[i] for i in star_sentences.get(part, []) if 0 <= i < len(sentences)]
        lines.append(f"{part}: " + (" | ".join(found) if found else "missing"))
    fillers = analysis.get("fillers") or {}
    lines.append(f"Fillers per 100 words: {fillers.get('per_100_words')} {fillers.get('found') or ''}".rstrip())
    lines.append(f"Hedges: {', '.join(analysis.get('hedges') or []) or 'none'}")
    lines.append(f"Relevance to the question (0-1): {analysis.get('relevance')}")
    lines.append(f"Number in the result: {'yes' if analysis.get('quantified_result') else 'no'}")
    terms = analysis.get("job_terms")
    if terms:
        lines.append(f"Job terms used: {', '.join(terms.get('used') or []) or 'none'}; missed: "
                     f"{', '.join(terms.get('missed') or []) or 'none'}")  # fmt: skip
    length = analysis.get("length") or {}
    lines.append(f"Words: {analysis.get('word_count')} (target {length.get('target_min')}-{length.get('target_max')})")
    delivery = analysis.get("delivery")
    if delivery is not None:  # a spoken answer, measured from its recording
        lines.append(
            f"Spoken: {delivery.words_per_minute or '?'} words per minute (comfortable: 120-160), "
            f"{delivery.long_pauses} long pauses (longest {delivery.longest_pause_seconds} s), "
            f"{delivery.fillers_per_100} fillers per 100 words, {delivery.spoken_seconds} s in all"
        )
    return "\n".join(lines)


def ground_critique(reply: CritiqueReply, answer: str) -> tuple[AnswerCritique, tuple[str, ...], tuple[str, ...]]:
    """The critique with what is not grounded in the answer dropped; (critique, quotes, dropped lines)."""
    dropped: list[str] = []
    worked = []
    for item in reply.what_worked:
        if quote_occurs(item.quote, answer):
            worked.append(GroundedPoint(point=item.point.strip(), quote=item.quote.strip()))
        else:
            dropped.append(f"a point whose quote is not in your answer: “{item.quote.strip()[:80]}”")
    weakest: str | None = reply.weakest_sentence.strip()
    rewrite: str | None = reply.rewrite.strip() or None
    if not weakest or not quote_occurs(weakest, answer):
        dropped.append("the rewrite: the sentence it rewrites is not in your answer")
        weakest, rewrite = None, None
    elif rewrite is not None:
        invented = new_numbers(rewrite, answer)
        if invented:
            dropped.append(f"the rewrite: it adds numbers your answer does not state ({', '.join(invented)})")
            rewrite = None
    quotes = tuple(dict.fromkeys([*(p.quote for p in worked), *([weakest] if weakest else [])]))
    critique = AnswerCritique(
        what_worked=tuple(worked), one_change=reply.one_change.strip(), weakest_sentence=weakest, rewrite=rewrite
    )
    return critique, quotes, tuple(dropped)


def critique_answer(
    ws: Workspace,
    question: str,
    answer: str,
    analysis: Mapping[str, Any],
    *,
    practice_answer_id: int | None = None,
    application_id: int | None = None,
    client: ChatClient | None = None,
) -> AiAnswerReview | AiNote:
    """What worked, the one change, a rewrite of the weakest sentence and a follow-up, grounded in the answer.

    Kept (with the model's name) when it belongs to a stored practice answer or an application.
    """

    def run() -> AiAnswerReview:
        prompt = (
            f"Question: {_clip(question, 1000)}\n\nAnswer:\n{_clip(answer)}\n\nMeasurements:\n{measurements(analysis)}"
        )
        reply, chat = _ask(ws, client, CRITIQUE_SYSTEM, prompt, CritiqueReply)
        critique, quotes, dropped = ground_critique(reply, answer)
        review = AiAnswerReview(
            model=chat.model,
            critique=critique,
            follow_up_question=" ".join(reply.follow_up_question.split()),
            quotes=quotes,
            dropped=dropped,
        )
        return _keep(ws, "critique", review, practice_answer_id=practice_answer_id, application_id=application_id)

    return _guarded(run)


def keep_for_answer(ws: Workspace, review: AiAnswerReview, question_key: str) -> AiAnswerReview:
    """Keep a critique made before the answer was stored with the latest stored answer to that question."""
    from nextround.storage.practice import PracticeAnswerRepository

    with ws.db.read() as session:
        latest = PracticeAnswerRepository(session, ws.owner_id).latest_for_question(question_key)
    return _keep(ws, "critique", review, practice_answer_id=None if latest is None else latest.id)


# -- second opinions -------------------------------------------------------------------------------------

OPINION_SYSTEM = (
    "You are a careful career coach giving a second opinion on an offline analysis. For each finding say "
    'whether you "agree" or "disagree", and add what it "missed"; every item needs a quote copied exactly from '
    "the text it is about. Reply with only one JSON object: "
    '{"opinions": [{"subject": "...", "verdict": "agree|disagree|missed", "comment": "...", '
    '"quote": "words copied exactly from the text"}], "summary": "two sentences at most"}'
)


def _ground_opinions(reply: OpinionReply, sources: Sequence[str]) -> tuple[tuple[Opinion, ...], tuple[str, ...]]:
    kept: list[Opinion] = []
    dropped: list[str] = []
    for item in reply.opinions:
        if any(quote_occurs(item.quote, source) for source in sources):
            kept.append(Opinion(item.subject.strip(), item.verdict, item.comment.strip(), item.quote.strip()))
        else:
            dropped.append(f"an opinion on {item.subject.strip()[:60]!r}: its quote is not in the text")
    return tuple(kept), tuple(dropped)


def _second_opinion(
    ws: Workspace, about: str, prompt: str, sources: Sequence[str], client: ChatClient | None, **links: int | None
) -> AiSecondOpinion | AiNote:
    def run() -> AiSecondOpinion:
        reply, chat = _ask(ws, client, OPINION_SYSTEM, prompt, OpinionReply)
        opinions, dropped = _ground_opinions(reply, sources)
        result = AiSecondOpinion(
            model=chat.model, about=about, opinions=opinions, summary=reply.summary.strip(), dropped=dropped
        )
        return _keep(ws, f"{about}_opinion", result, **links)

    return _guarded(run)


def feedback_opinion(
    ws: Workspace,
    feedback_text: str,
    analysis: Mapping[str, Any],
    *,
    application_id: int | None = None,
    client: ChatClient | None = None,
) -> AiSecondOpinion | AiNote:
    """A second opinion on the themes found in employer feedback, each claim quoting the feedback."""
    themes = "\n".join(
        f"- {t.get('theme')} (confidence {t.get('confidence')}): {' | '.join(t.get('evidence') or [])}"
        for t in analysis.get("themes") or []
    )
    strengths = ", ".join(str(s.get("theme")) for s in analysis.get("strengths") or []) or "none"
    prompt = (
        f"Employer feedback:\n{_clip(feedback_text)}\n\nThemes found offline (what held the candidate back):\n"
        f"{themes or '- none'}\nStrengths found offline: {strengths}"
    )
    return _second_opinion(ws, "feedback", prompt, [feedback_text], client, application_id=application_id)


def gaps_opinion(
    ws: Workspace,
    jd_text: str,
    cv_text: str,
    match: Mapping[str, Any],
    *,
    application_id: int | None = None,
    client: ChatClient | None = None,
) -> AiSecondOpinion | AiNote:
    """A second opinion on the skill gaps between a job description and a CV, each claim quoting one of them."""
    missing = "\n".join(f"- {g.get('text') or g.get('skill')}" for g in match.get("missing") or [])
    matched = ", ".join(str(m.get("skill")) for m in match.get("matched") or []) or "none"
    prompt = (
        f"Job description:\n{_clip(jd_text)}\n\nCV:\n{_clip(cv_text)}\n\n"
        f"Skill gaps found offline (required, not shown in the CV):\n{missing or '- none'}\n"
        f"Skills matched offline: {matched}\nQuote the job description or the CV for every item."
    )
    return _second_opinion(ws, "skill_gaps", prompt, [jd_text, cv_text], client, application_id=application_id)


def feedback_entry_opinion(
    ws: Workspace, app_id: int, feedback_id: int, *, client: ChatClient | None = None
) -> AiSecondOpinion | AiNote:
    """A second opinion on one piece of feedback an application received (kept with the application)."""
    from nextround.storage.feedback import FeedbackRepository
    from nextround.storage.reads import NotFoundError

    with ws.db.read() as session:
        entries = FeedbackRepository(session, ws.owner_id).find(application_id=app_id)
    entry = next((e for e in entries if e.id == feedback_id), None)
    if entry is None:
        raise NotFoundError(f"no feedback with id {feedback_id} for application {app_id}")
    return feedback_opinion(ws, entry.text, entry.analysis, application_id=app_id, client=client)


def application_gaps_opinion(
    ws: Workspace, app_id: int, cv_id: int | None = None, *, client: ChatClient | None = None
) -> AiSecondOpinion | AiNote:
    """A second opinion on an application's skill gaps against a CV (the primary one unless `cv_id` says)."""
    from nextround.analysis.skillgaps import match
    from nextround.storage.insight import CvRepository
    from nextround.storage.repositories import ApplicationRepository

    with ws.db.read() as session:
        jd = ApplicationRepository(session, ws.owner_id).get(app_id, with_events=False).fields.jd_text
        repo = CvRepository(session, ws.owner_id)
        cv = repo.get(cv_id) if cv_id is not None else repo.primary()
    if not jd.strip() or cv is None:
        return AiNote(note="no AI result: a second opinion on gaps needs the job description and a CV")
    return gaps_opinion(ws, jd, cv.text, match(jd, cv.text).to_dict(), application_id=app_id, client=client)


# -- likely questions for a job --------------------------------------------------------------------------

QUESTIONS_SYSTEM = (
    "You are an experienced interviewer. From a job description, write the questions this employer is most "
    "likely to ask. Each question must come from something the job description says: quote those words. "
    "Use the category role for questions on the job's own skills. Reply with only one JSON object: "
    '{"questions": [{"question": "...", "category": "behavioural|situational|role|motivation|career_story|'
    'strengths_weaknesses", '
    '"why": "one line", "quote": "words copied exactly from the job description"}]}'
)


def job_questions(ws: Workspace, app_id: int, count: int = 6, *, client: ChatClient | None = None) -> AiQuestions:
    """Likely questions for an application's job, added to the question bank linked to it.

    Raises UserError (AiOff, AiError, …) when there is nothing to add: unlike a critique, this has no
    offline result to stand in for it.
    """
    from nextround.domain.questions import CATEGORIES
    from nextround.services.practice import PracticeError, add_custom_question, list_questions
    from nextround.storage.practice import PracticeContextRepository

    if not 1 <= count <= 12:
        raise PracticeError("ask for between 1 and 12 questions", field="count")
    with ws.db.read() as session:
        company, role, jd = PracticeContextRepository(session, ws.owner_id).application(app_id)
    if not jd.strip():
        raise PracticeError(f"application {app_id} has no job description to read questions from", field="jd_text")
    prompt = f"Company: {company}\nRole: {role}\nWrite {count} questions.\n\nJob description:\n{_clip(jd)}"
    reply, chat = _ask(ws, client, QUESTIONS_SYSTEM, prompt, QuestionsReply)
    known = {" ".join(q.text.lower().split()) for q in list_questions(ws)}
    added: list[str] = []
    texts: list[str] = []
    dropped: list[str] = []
    for item in reply.questions[:count]:
        text = " ".join(item.question.split())
        if not quote_occurs(item.quote, jd):
            dropped.append(f"“{text[:80]}”: the words it comes from are not in the job description")
            continue
        if text.lower() in known:
            continue
        category = item.category if item.category in CATEGORIES else "behavioural"
        question = add_custom_question(ws, text, category, app_id=app_id)
        known.add(text.lower())
        added.append(question.id)
        texts.append(text)
    result = AiQuestions(
        model=chat.model, application_id=app_id, added=tuple(added), questions=tuple(texts), dropped=tuple(dropped)
    )
    return _keep(ws, "questions", result, application_id=app_id)
