"""The mock interviewer: question, follow-up, next question, debrief; with the model and without it."""

from __future__ import annotations

import pytest

from nextround.services.ai_config import disable_ai
from nextround.services.ai_interview import (
    InterviewError,
    answer_interview,
    continue_interview,
    get_interview,
    start_interview,
)
from nextround.services.workspace import Workspace
from tests.ai_helpers import ai_workspace, interviewer
from tests.chat_server import MODEL_NAME, FakeChat, Step
from tests.factories import make_application

JD = "Pastry Chef. You will lead a small team, keep cost control on a busy weekend menu, and train new starters."
ANSWER_1 = "I planned the prep list for the weekend. I cut the pastry order and we threw away less. Waste fell."
ANSWER_2 = "I would track the waste each day from the start, so the team sees the trend."


def test_a_whole_interview_with_the_model(workspace: Workspace, chat: FakeChat) -> None:
    chat.respond = interviewer
    ws = ai_workspace(workspace, chat)
    app = make_application(ws, jd_text=JD)
    shown: list[str] = []
    interview = start_interview(ws, app.id, questions=2, on_piece=shown.append)
    assert interview.current_question is not None and interview.model == MODEL_NAME
    assert interview.current_question.text.startswith("Question 1: tell me about a time you kept cost control")
    assert len(shown) > 3  # streamed, piece by piece
    assert chat.requests[0]["stream"] is True and JD in chat.prompts()[0]
    interview = answer_interview(ws, interview.id, ANSWER_1)
    candidate, follow = interview.turns[-2], interview.turns[-1]
    assert candidate.measures is not None and candidate.measures.word_count > 10
    assert candidate.critique is not None and candidate.critique.critique.rewrite == (
        "I planned the weekend, cutting waste by [X%]."
    )
    assert (follow.kind, follow.source) == ("follow_up", MODEL_NAME)
    assert follow.text == "What would you do differently next time?"
    interview = answer_interview(ws, interview.id, ANSWER_2)
    assert interview.awaiting_interviewer and interview.turns[-1].measures is not None
    interview = continue_interview(ws, interview.id)
    assert interview.turns[-1].kind == "question" and interview.turns[-1].text.startswith("Question 2")
    interview = answer_interview(ws, interview.id, ANSWER_1)
    answer_interview(ws, interview.id, ANSWER_2)
    interview = continue_interview(ws, interview.id)
    assert interview.finished and interview.debrief is not None
    assert interview.debrief.source == MODEL_NAME
    assert [p.quote for p in interview.debrief.strengths] == ["I planned the prep list"]
    assert interview.debrief.work_on == () and "a quote nobody said" in interview.debrief.dropped[0]
    assert interview.debrief.average_score is not None
    assert get_interview(ws, interview.id) == interview  # stored as it went, with the model's name
    with pytest.raises(InterviewError, match="over"):
        answer_interview(ws, interview.id, "more")


def test_without_the_coach_the_offline_interviewer_stands_in(workspace: Workspace, chat: FakeChat) -> None:
    ws = ai_workspace(workspace, chat)
    disable_ai(ws)
    app = make_application(ws, jd_text=JD)
    interview = start_interview(ws, app.id, questions=1)
    assert interview.model == "offline" and interview.label == "offline" and interview.current_question is not None
    assert "the offline coach is interviewing: the AI coach is set up but not turned on" in interview.notes
    interview = answer_interview(ws, interview.id, ANSWER_1)
    assert interview.turns[-1].kind == "follow_up" and interview.turns[-1].source == "offline"
    answer_interview(ws, interview.id, ANSWER_2)
    interview = continue_interview(ws, interview.id)
    assert interview.finished and interview.debrief is not None and interview.debrief.source == "offline"
    assert "average score" in interview.debrief.summary
    assert chat.requests == []


def test_a_failing_model_mid_interview_hands_over_with_a_note(workspace: Workspace, chat: FakeChat) -> None:
    chat.respond = interviewer
    ws = ai_workspace(workspace, chat)
    app = make_application(ws, jd_text=JD)
    interview = start_interview(ws, app.id, questions=1)
    chat.queue(Step(status=500), Step(status=500))
    interview = answer_interview(ws, interview.id, ANSWER_1)
    assert interview.turns[-1].source == "offline" and interview.turns[-2].critique is None
    assert any("failed (HTTP 500)" in note for note in interview.notes)
    with pytest.raises(InterviewError, match="empty"):
        answer_interview(ws, interview.id, "   ")
