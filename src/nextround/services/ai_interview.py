"""A one-to-one mock interview for a chosen application: a question, the follow-up a real interviewer would
ask, the next question, and a short debrief at the end.

Every answer gets the offline analysis. With the AI coach on, the model asks the questions (streamed, so a
terminal can show them as they are written), critiques each main answer and gives the follow-up, and writes
the debrief, each checked like any AI result. Without it, or when the model fails, the offline coach stands
in: questions planned from the job and the user's feedback themes, the analyser's follow-up, a debrief from
the scores; the interview says so. It is stored as it goes (an `ai_results` row of kind "interview").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from pydantic import BaseModel, Field

from nextround.analysis.grounding import quote_occurs
from nextround.errors import UserError
from nextround.integrations.llm import ChatClient, Message, ask_json
from nextround.services.ai_coach import (
    AI_LABEL,
    LONG,
    AiAnswerReview,
    GroundedPoint,
    QuotedPoint,
    critique_answer,
)
from nextround.services.ai_config import ai_client, ai_status
from nextround.services.practice import JobContext, job_context
from nextround.services.workspace import Workspace
from nextround.storage.ai import AiResultRepository
from nextround.storage.practice import SpokenMeasures

KIND = "interview"
OFFLINE = "offline"
MAX_QUESTIONS = 6
MAX_QUESTION_CHARS = 400
MAX_ANSWER_CHARS = 8_000
GENERIC_FOLLOW_UP = "What exactly did you do yourself, and how did you know it had worked?"

Piece = Callable[[str], None]


class InterviewError(UserError, ValueError):
    """An interview step that cannot be taken (it is over, the answer is empty)."""


class DebriefReply(BaseModel):
    strengths: list[QuotedPoint] = Field(max_length=4)
    work_on: list[QuotedPoint] = Field(max_length=4)
    summary: str = Field(min_length=1, max_length=LONG)


@dataclass(frozen=True, slots=True)
class AnswerMeasures:
    """The offline analysis of one answer, in brief."""

    score: int
    star_present: tuple[str, ...]
    star_missing: tuple[str, ...]
    fillers_per_100_words: float
    word_count: int
    relevance: float | None
    suggestions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class InterviewTurn:
    speaker: str  # interviewer, candidate
    kind: str  # question, follow_up (interviewer) or answer (candidate)
    text: str
    source: str  # the model's name, or "offline"
    measures: AnswerMeasures | None = None
    critique: AiAnswerReview | None = None
    delivery: SpokenMeasures | None = None  # a spoken answer's pace, pauses and fillers


@dataclass(frozen=True, slots=True)
class InterviewDebrief:
    source: str
    summary: str
    strengths: tuple[GroundedPoint, ...]
    work_on: tuple[GroundedPoint, ...]
    average_score: int | None
    dropped: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MockInterview:
    id: int
    application_id: int | None
    company: str
    role: str
    model: str  # the model that took part, or "offline"
    planned_questions: int
    turns: tuple[InterviewTurn, ...]
    debrief: InterviewDebrief | None
    notes: tuple[str, ...]  # where the offline coach stood in, and why

    @property
    def label(self) -> str:
        """ "AI" when a model took part, else "offline": what the front ends show beside it."""
        return AI_LABEL if self.model != OFFLINE else OFFLINE

    @property
    def finished(self) -> bool:
        return self.debrief is not None

    @property
    def awaiting_interviewer(self) -> bool:
        """The candidate has answered a follow-up: the interviewer asks the next question or closes."""
        return bool(self.turns) and self.turns[-1].speaker == "candidate" and not self.finished

    @property
    def questions_asked(self) -> int:
        return sum(1 for t in self.turns if t.kind == "question")

    @property
    def current_question(self) -> InterviewTurn | None:
        last = self.turns[-1] if self.turns else None
        return last if last is not None and last.speaker == "interviewer" and not self.finished else None

    json_properties = ("label", "finished", "awaiting_interviewer")


# -- stored form -----------------------------------------------------------------------------------------


def _content(interview: MockInterview) -> dict[str, Any]:
    from nextround.serialize import json_object

    return json_object(interview)


def _points(items: Sequence[dict[str, Any]]) -> tuple[GroundedPoint, ...]:
    return tuple(GroundedPoint(str(i.get("point", "")), str(i.get("quote", ""))) for i in items)


def _review(data: dict[str, Any] | None) -> AiAnswerReview | None:
    from nextround.services.ai_coach import AnswerCritique

    if not data:
        return None
    critique = data["critique"]
    return AiAnswerReview(
        model=data["model"],
        critique=AnswerCritique(
            what_worked=_points(critique.get("what_worked") or []),
            one_change=critique.get("one_change", ""),
            weakest_sentence=critique.get("weakest_sentence"),
            rewrite=critique.get("rewrite"),
        ),
        follow_up_question=data.get("follow_up_question", ""),
        quotes=tuple(data.get("quotes") or ()),
        dropped=tuple(data.get("dropped") or ()),
    )


def _turn(data: dict[str, Any]) -> InterviewTurn:
    measures = data.get("measures")
    return InterviewTurn(
        speaker=data["speaker"],
        kind=data["kind"],
        text=data["text"],
        source=data["source"],
        measures=None
        if not measures
        else AnswerMeasures(
            score=measures["score"],
            star_present=tuple(measures["star_present"]),
            star_missing=tuple(measures["star_missing"]),
            fillers_per_100_words=measures["fillers_per_100_words"],
            word_count=measures["word_count"],
            relevance=measures.get("relevance"),
            suggestions=tuple(measures.get("suggestions") or ()),
        ),
        critique=_review(data.get("critique")),
        delivery=SpokenMeasures(**data["delivery"]) if data.get("delivery") else None,
    )


def _from_content(result_id: int, application_id: int | None, model: str, data: dict[str, Any]) -> MockInterview:
    debrief = data.get("debrief")
    return MockInterview(
        id=result_id,
        application_id=application_id,
        company=data.get("company", ""),
        role=data.get("role", ""),
        model=model,
        planned_questions=int(data.get("planned_questions", 3)),
        turns=tuple(_turn(t) for t in data.get("turns") or []),
        debrief=None
        if not debrief
        else InterviewDebrief(
            source=debrief["source"],
            summary=debrief["summary"],
            strengths=_points(debrief.get("strengths") or []),
            work_on=_points(debrief.get("work_on") or []),
            average_score=debrief.get("average_score"),
            dropped=tuple(debrief.get("dropped") or ()),
        ),
        notes=tuple(data.get("notes") or ()),
    )


def get_interview(ws: Workspace, interview_id: int) -> MockInterview:
    with ws.db.read() as session:
        stored = AiResultRepository(session, ws.owner_id).get(interview_id, KIND)
    return _from_content(stored.id, stored.application_id, stored.model, stored.content)


def _save(ws: Workspace, interview: MockInterview) -> None:
    with ws.db.write() as session:
        repo = AiResultRepository(session, ws.owner_id)
        repo.update(interview.id, KIND, _content(interview), interview.model, ws.now())


# -- the interviewer -------------------------------------------------------------------------------------


def _client_or_note(ws: Workspace) -> tuple[ChatClient | None, str | None]:
    status = ai_status(ws)
    if not status.enabled:
        return None, f"the offline coach is interviewing: {status.reason}"
    return ai_client(ws), None


def _system(job: JobContext) -> str:
    themes = ", ".join(t.replace("_", " ") for t in job.feedback_themes) or "none recorded"
    return (
        f"You are interviewing a candidate for the role {job.role} at {job.company}. Speak as the interviewer: "
        "one question at a time, as you would say it, without a preamble, numbering or an answer. Ask what this "
        "job needs; probe the areas where the candidate's past feedback said they fell short "
        f"({themes}).\n\nJob description:\n{job.jd[:8000] or '(none given)'}"
    )


def _ask_question(client: ChatClient, job: JobContext, asked: Sequence[str], on_piece: Piece | None) -> str:
    earlier = "\n".join(f"- {q}" for q in asked) or "- none yet"
    messages: list[Message] = [
        {"role": "system", "content": _system(job)},
        {"role": "user", "content": f"Questions asked so far:\n{earlier}\n\nAsk the next main question."},
    ]
    text = " ".join(client.stream_text(messages, on_piece).text.split()).strip('"“” ')
    if len(text) < 5:
        raise InterviewError("the model sent an empty question")
    return text[:MAX_QUESTION_CHARS]


def _offline_question(ws: Workspace, job: JobContext, asked: Sequence[str], seed: int) -> str:
    from nextround.services.practice import plan

    planned = plan(ws, app_id=job.application_id, count=MAX_QUESTIONS + len(asked), seed=seed)
    for item in planned:
        if item.question.text not in asked:
            return item.question.text
    return "Tell me about a piece of work you are proud of and what you did yourself."


def _next_question(
    ws: Workspace, interview: MockInterview, job: JobContext, on_piece: Piece | None
) -> tuple[InterviewTurn, str | None]:
    asked = [t.text for t in interview.turns if t.speaker == "interviewer"]
    client, note = _client_or_note(ws)
    if client is not None:
        try:
            text = _ask_question(client, job, asked, on_piece)
            return InterviewTurn("interviewer", "question", text, client.endpoint.model), None
        except UserError as exc:
            note = f"the offline coach asked a question: {exc}"
    text = _offline_question(ws, job, asked, seed=interview.id)
    if on_piece is not None:
        on_piece(text)
    return InterviewTurn("interviewer", "question", text, OFFLINE), note


def _measures(analysis: dict[str, Any]) -> AnswerMeasures:
    star = analysis.get("star") or {}
    return AnswerMeasures(
        score=int(analysis["score"]),
        star_present=tuple(part for part, found in star.items() if found),
        star_missing=tuple(part for part, found in star.items() if not found),
        fillers_per_100_words=float((analysis.get("fillers") or {}).get("per_100_words") or 0.0),
        word_count=int(analysis.get("word_count") or 0),
        relevance=analysis.get("relevance"),
        suggestions=tuple((analysis.get("suggestions") or [])[:2]),
    )


def start_interview(ws: Workspace, app_id: int, questions: int = 3, *, on_piece: Piece | None = None) -> MockInterview:
    """Open the interview and ask the first question (its text handed to `on_piece` as it arrives)."""
    if not 1 <= questions <= MAX_QUESTIONS:
        raise InterviewError(f"an interview has between 1 and {MAX_QUESTIONS} main questions", field="questions")
    job = job_context(ws, app_id)
    with ws.db.write() as session:
        new_id = AiResultRepository(session, ws.owner_id).add(
            KIND, OFFLINE, {"company": job.company, "role": job.role}, ws.now(), application_id=app_id
        )
    interview = MockInterview(new_id, app_id, job.company, job.role, OFFLINE, questions, (), None, ())
    first, note = _next_question(ws, interview, job, on_piece)
    interview = _with(interview, turns=(first,), note=note, model=first.source)
    _save(ws, interview)
    return interview


def _with(
    interview: MockInterview,
    *,
    turns: tuple[InterviewTurn, ...],
    note: str | None = None,
    model: str = OFFLINE,
    debrief: InterviewDebrief | None = None,
) -> MockInterview:
    notes = (*interview.notes, note) if note and note not in interview.notes else interview.notes
    return MockInterview(
        id=interview.id,
        application_id=interview.application_id,
        company=interview.company,
        role=interview.role,
        model=model if model != OFFLINE else interview.model,
        planned_questions=interview.planned_questions,
        turns=turns,
        debrief=debrief,
        notes=notes,
    )


def _open_question(ws: Workspace, interview_id: int) -> tuple[MockInterview, InterviewTurn, JobContext]:
    interview = get_interview(ws, interview_id)
    current = interview.current_question
    if current is None:
        raise InterviewError("this interview is over; start another one")
    if interview.application_id is None:
        raise InterviewError("the application of this interview was deleted")
    return interview, current, job_context(ws, interview.application_id)


def answer_interview(ws: Workspace, interview_id: int, answer: str) -> MockInterview:
    """Take the candidate's typed answer to the current question; after a main question the follow-up comes with
    it, after a follow-up `continue_interview` moves on (so a front end can show this answer's analysis first)."""
    from nextround.analysis.answer import analyze_answer

    interview, current, job = _open_question(ws, interview_id)
    text = answer.strip()[:MAX_ANSWER_CHARS]
    if not text:
        raise InterviewError("the answer is empty", field="answer")
    analysis = analyze_answer(current.text, text, job_terms=list(job.skills) or None).to_dict()
    return _take_answer(ws, interview, current, text, analysis, None)


def answer_interview_spoken(ws: Workspace, interview_id: int, audio: BinaryIO) -> MockInterview:
    """The same for a spoken answer: transcribed on this computer (the voice extra), with its delivery measures."""
    from nextround.services.voice import analyze_recording, measures_of

    interview, current, job = _open_question(ws, interview_id)
    spoken = analyze_recording(current.text, audio, jd=job.jd or None)
    text = spoken.transcript.strip()[:MAX_ANSWER_CHARS]
    if not text:
        raise InterviewError("no words were heard in the recording", field="audio")
    return _take_answer(ws, interview, current, text, spoken.analysis.to_dict(), measures_of(spoken.delivery))


def _take_answer(
    ws: Workspace,
    interview: MockInterview,
    current: InterviewTurn,
    text: str,
    analysis: dict[str, Any],
    delivery: SpokenMeasures | None,
) -> MockInterview:
    note: str | None = None
    review: AiAnswerReview | None = None
    if current.kind == "question":
        client, note = _client_or_note(ws)
        if client is not None:
            measured = analysis if delivery is None else {**analysis, "delivery": delivery}
            result = critique_answer(ws, current.text, text, measured, client=client)
            if isinstance(result, AiAnswerReview):
                review = result
            else:
                note = result.note
    reply = InterviewTurn("candidate", "answer", text, "you", _measures(analysis), review, delivery)
    turns = (*interview.turns, reply)
    if current.kind == "question":
        follow_text = review.follow_up_question if review else (analysis.get("follow_up") or GENERIC_FOLLOW_UP)
        follow = InterviewTurn("interviewer", "follow_up", follow_text, review.model if review else OFFLINE)
        updated = _with(interview, turns=(*turns, follow), note=note, model=follow.source)
    else:
        updated = _with(interview, turns=turns)
    _save(ws, updated)
    return updated


def continue_interview(ws: Workspace, interview_id: int, *, on_piece: Piece | None = None) -> MockInterview:
    """After the answer to a follow-up: the next main question (streamed to `on_piece`), or the debrief."""
    interview = get_interview(ws, interview_id)
    if not interview.awaiting_interviewer:
        return interview
    if interview.application_id is None:
        raise InterviewError("the application of this interview was deleted")
    if interview.questions_asked < interview.planned_questions:
        job = job_context(ws, interview.application_id)
        question, note = _next_question(ws, interview, job, on_piece)
        updated = _with(interview, turns=(*interview.turns, question), note=note, model=question.source)
    else:
        debrief, note = _debrief(ws, interview)
        updated = _with(interview, turns=interview.turns, note=note, model=debrief.source, debrief=debrief)
    _save(ws, updated)
    return updated


# -- the debrief -----------------------------------------------------------------------------------------

DEBRIEF_SYSTEM = (
    "You interviewed a candidate; close with a short, kind and specific debrief. Every point needs a quote "
    "copied exactly from the candidate's answers. Reply with only one JSON object: "
    '{"strengths": [{"point": "...", "quote": "..."}], "work_on": [{"point": "...", "quote": "..."}], '
    '"summary": "two or three sentences"}'
)


def _offline_debrief(answers: Sequence[InterviewTurn]) -> InterviewDebrief:
    scores = [t.measures.score for t in answers if t.measures is not None]
    average = round(sum(scores) / len(scores)) if scores else None
    missing: dict[str, int] = {}
    for turn in answers:
        for part in turn.measures.star_missing if turn.measures else ():
            missing[part] = missing.get(part, 0) + 1
    most_missed = max(missing, key=lambda part: missing[part]) if missing else None
    summary = f"You answered {len(answers)} questions with an average score of {average}/100."
    if most_missed:
        summary += f" The part most often missing was the {most_missed}: say it plainly next time."
    return InterviewDebrief(OFFLINE, summary, (), (), average)


def _debrief(ws: Workspace, interview: MockInterview) -> tuple[InterviewDebrief, str | None]:
    answers = [t for t in interview.turns if t.speaker == "candidate"]
    offline = _offline_debrief(answers)
    client, note = _client_or_note(ws)
    if client is None:
        return offline, note
    transcript = "\n".join(f"{t.speaker}: {t.text}" for t in interview.turns)
    messages: list[Message] = [
        {"role": "system", "content": DEBRIEF_SYSTEM},
        {"role": "user", "content": f"Role: {interview.role} at {interview.company}\n\nTranscript:\n{transcript}"},
    ]
    try:
        reply, chat = ask_json(client, messages, DebriefReply)
    except UserError as exc:
        return offline, f"the offline coach wrote the debrief: {exc}"
    said = "\n".join(t.text for t in answers)
    dropped: list[str] = []

    def grounded(items: Sequence[QuotedPoint]) -> tuple[GroundedPoint, ...]:
        kept = []
        for item in items:
            if quote_occurs(item.quote, said):
                kept.append(GroundedPoint(item.point.strip(), item.quote.strip()))
            else:
                dropped.append(f"a point whose quote is not in your answers: “{item.quote.strip()[:80]}”")
        return tuple(kept)

    strengths, work_on = grounded(reply.strengths), grounded(reply.work_on)
    summary = reply.summary.strip()
    return InterviewDebrief(chat.model, summary, strengths, work_on, offline.average_score, tuple(dropped)), None
