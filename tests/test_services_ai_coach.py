"""The AI coach's use cases against a local chat-completions server: good, malformed, ungrounded, slow and
failing replies, and what is kept with the model's name."""

from __future__ import annotations

import pytest

from nextround.analysis.answer import analyze_answer
from nextround.integrations.llm import AiError
from nextround.services.ai_coach import (
    AiAnswerReview,
    AiNote,
    AiSecondOpinion,
    critique_answer,
    feedback_opinion,
    gaps_opinion,
    job_questions,
)
from nextround.services.ai_config import AiOff
from nextround.services.practice import list_questions
from nextround.services.workspace import Workspace
from nextround.storage.ai import AiResultRepository
from tests.ai_helpers import ANSWER, QUESTION, ai_workspace, good_critique, reply
from tests.chat_server import MODEL_NAME, FakeChat, Step
from tests.factories import make_application

ANALYSIS = analyze_answer(QUESTION, ANSWER).to_dict()


def test_a_grounded_critique_keeps_every_part(workspace: Workspace, chat: FakeChat) -> None:
    ws = ai_workspace(workspace, chat)
    chat.queue(good_critique())
    review = critique_answer(ws, QUESTION, ANSWER, ANALYSIS)
    assert isinstance(review, AiAnswerReview)
    assert review.model == MODEL_NAME and review.label == "AI" and review.dropped == ()
    assert review.critique.rewrite == "My manager asked me to cut the wait, which had grown to [X days]."
    assert review.quotes == ("I wrote a script to triage tickets", "I was asked to fix it.")
    assert review.follow_up_question == "How did the team react to the new triage script?"
    sent = chat.prompts()[0]
    assert QUESTION in sent and ANSWER in sent
    assert "result: Response time fell by 40 percent." in sent  # the measured STAR parts go with it
    assert review.result_id is None  # not tied to anything stored, so not kept


def test_ungrounded_quotes_and_invented_numbers_are_dropped_with_a_note(workspace: Workspace, chat: FakeChat) -> None:
    ws = ai_workspace(workspace, chat)
    chat.queue(
        good_critique(
            what_worked=[
                {"point": "Strong leadership.", "quote": "I led a team of twelve engineers"},
                {"point": "A number in the result.", "quote": "Response time fell by 40 percent"},
            ],
            rewrite="I was asked to cut a 9-day wait by half for 300 customers.",
        )
    )
    review = critique_answer(ws, QUESTION, ANSWER, ANALYSIS)
    assert isinstance(review, AiAnswerReview)
    assert [p.quote for p in review.critique.what_worked] == ["Response time fell by 40 percent"]
    assert review.critique.rewrite is None and review.critique.weakest_sentence == "I was asked to fix it."
    assert any("I led a team of twelve engineers" in line for line in review.dropped)
    assert any("adds numbers your answer does not state (9, 300, half)" in line for line in review.dropped)


def test_a_weakest_sentence_not_in_the_answer_drops_the_rewrite(workspace: Workspace, chat: FakeChat) -> None:
    chat.queue(good_critique(weakest_sentence="I managed the whole department."))
    review = critique_answer(ai_workspace(workspace, chat), QUESTION, ANSWER, ANALYSIS)
    assert isinstance(review, AiAnswerReview)
    assert (review.critique.weakest_sentence, review.critique.rewrite) == (None, None)
    assert "the sentence it rewrites is not in your answer" in review.dropped[0]


def test_malformed_json_is_repaired_once(workspace: Workspace, chat: FakeChat) -> None:
    chat.queue("Here is my critique: {what_worked: [", good_critique())
    review = critique_answer(ai_workspace(workspace, chat), QUESTION, ANSWER, ANALYSIS)
    assert isinstance(review, AiAnswerReview) and len(chat.requests) == 2


def test_malformed_twice_leaves_the_offline_result_with_a_note(workspace: Workspace, chat: FakeChat) -> None:
    chat.queue("not json", '{"what_worked": "everything"}')
    result = critique_answer(ai_workspace(workspace, chat), QUESTION, ANSWER, ANALYSIS)
    assert result == AiNote(
        note="no AI result, so the offline result stands alone: the model's reply did not follow the expected "
        "form, even after one repair request"
    )


def test_slow_and_failing_servers_become_a_note(workspace: Workspace, chat: FakeChat) -> None:
    ws = ai_workspace(workspace, chat, timeout=0.4)
    chat.queue(Step(content=good_critique(), delay=1.0), Step(content=good_critique(), delay=1.0))
    slow = critique_answer(ws, QUESTION, ANSWER, ANALYSIS)
    assert isinstance(slow, AiNote) and "did not answer within 0.4 s, 2 tries" in slow.note
    chat.queue(Step(status=500), Step(status=503))
    failing = critique_answer(ws, QUESTION, ANSWER, ANALYSIS)
    assert isinstance(failing, AiNote) and "failed (HTTP 503), 2 tries" in failing.note


def test_off_means_nothing_is_sent(workspace: Workspace, chat: FakeChat) -> None:
    result = critique_answer(ai_workspace(workspace, chat, agreed=False), QUESTION, ANSWER, ANALYSIS)
    assert isinstance(result, AiNote) and "not turned on" in result.note
    assert chat.requests == []


def test_a_critique_of_an_application_answer_is_kept_with_the_model(workspace: Workspace, chat: FakeChat) -> None:
    ws = ai_workspace(workspace, chat)
    app = make_application(ws)
    chat.queue(good_critique())
    review = critique_answer(ws, QUESTION, ANSWER, ANALYSIS, application_id=app.id)
    assert isinstance(review, AiAnswerReview) and review.result_id is not None
    with ws.db.read() as session:
        stored = AiResultRepository(session, ws.owner_id).get(review.result_id, "critique")
    assert stored.model == MODEL_NAME and stored.application_id == app.id
    assert stored.content["critique"]["one_change"] == "Say how you chose what to automate first."


FEEDBACK = "Your answers were unstructured and you lacked experience with Kubernetes. Communication was good."


def test_feedback_second_opinion_keeps_only_quoted_claims(workspace: Workspace, chat: FakeChat) -> None:
    from nextround.analysis.feedback import analyze_feedback

    chat.queue(
        reply(
            opinions=[
                {"subject": "communication", "verdict": "agree", "comment": "Structure was the issue.",
                 "quote": "your answers were unstructured"},
                {"subject": "experience", "verdict": "missed", "comment": "Kubernetes depth.",
                 "quote": "lacked experience with Kubernetes"},
                {"subject": "attitude", "verdict": "missed", "comment": "Seemed arrogant.",
                 "quote": "you came across as arrogant"},
            ],
            summary="Mostly structure and one technical gap.",
        )
    )  # fmt: skip
    result = feedback_opinion(ai_workspace(workspace, chat), FEEDBACK, analyze_feedback(FEEDBACK).to_dict())
    assert isinstance(result, AiSecondOpinion) and result.about == "feedback"
    assert [o.subject for o in result.opinions] == ["communication", "experience"]
    assert result.dropped == ("an opinion on 'attitude': its quote is not in the text",)
    assert "Themes found offline" in chat.prompts()[0] and FEEDBACK in chat.prompts()[0]


def test_skill_gap_opinion_may_quote_the_job_or_the_cv(workspace: Workspace, chat: FakeChat) -> None:
    jd = "You will need 3+ years of experience with laminated doughs and HACCP."
    cv = "Pastry cook with four years in hotel kitchens. Food hygiene level 2."
    chat.queue(
        reply(
            opinions=[
                {"subject": "HACCP", "verdict": "disagree", "comment": "Hygiene level 2 covers part of it.",
                 "quote": "Food hygiene level 2"},
                {"subject": "laminated doughs", "verdict": "agree", "comment": "Not in the CV.",
                 "quote": "laminated doughs"},
            ],
            summary="One real gap.",
        )
    )  # fmt: skip
    match = {"missing": [{"text": "laminated doughs"}, {"text": "HACCP"}], "matched": []}
    result = gaps_opinion(ai_workspace(workspace, chat), jd, cv, match)
    assert isinstance(result, AiSecondOpinion) and len(result.opinions) == 2 and result.dropped == ()


def test_job_questions_go_into_the_bank_for_that_application(workspace: Workspace, chat: FakeChat) -> None:
    ws = ai_workspace(workspace, chat)
    jd = "Pastry Chef. You will lead a small team and keep cost control on a busy weekend menu."
    app = make_application(ws, jd_text=jd)
    chat.queue(
        reply(
            questions=[
                {"question": "Tell me about a time you led a small team through a rush.", "category": "behavioural",
                 "why": "Leading is named.", "quote": "lead a small team"},
                {"question": "How do you keep food costs down on a weekend menu?", "category": "role",
                 "why": "Cost control.", "quote": "cost control on a busy weekend menu"},
                {"question": "Why do you like sushi?", "category": "motivation", "why": "?", "quote": "sushi bar"},
            ]
        )
    )  # fmt: skip
    result = job_questions(ws, app.id, count=3)
    assert result.model == MODEL_NAME and len(result.added) == 2 and result.result_id is not None
    assert "Why do you like sushi?" in result.dropped[0]
    bank = {q.id: q for q in list_questions(ws)}
    assert bank[result.added[1]].category == "role"
    assert "Acme Bakery" in bank[result.added[0]].source  # linked to the application's interview source


def test_job_questions_need_a_job_description_and_the_coach(workspace: Workspace, chat: FakeChat) -> None:
    ws = ai_workspace(workspace, chat)
    app = make_application(ws)
    with pytest.raises(Exception, match="has no job description"):
        job_questions(ws, app.id)
    off = ai_workspace(workspace, chat, agreed=False)
    from nextround.services.ai_config import disable_ai

    disable_ai(off)
    with_jd = make_application(off, jd_text="Bake bread at night.")
    with pytest.raises(AiOff):
        job_questions(off, with_jd.id)
    chat.queue(Step(status=500), Step(status=500))
    enabled = ai_workspace(workspace, chat)
    with pytest.raises(AiError):
        job_questions(enabled, with_jd.id)
