"""The AI coach on the practice pages: a critique of a saved answer (kept with the model's name), likely
questions for a job, and the mock interview in the browser, with the model and without it."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from nextround.config import AiConfig, Settings
from nextround.domain.questions import load_bank
from nextround.services.ai_config import enable_ai
from nextround.storage.ai import AiResultRepository
from tests.ai_helpers import ANSWER, good_critique, interviewer, reply
from tests.chat_server import MODEL_NAME, FakeChat
from tests.factories import make_application
from tests.web_support import Web, web_with

JD = "Pastry Chef. You will lead a small team and keep cost control on a busy weekend menu."


def text_of(page: str) -> str:
    body = re.sub(r"<script.*?</script>|<style.*?</style>", "", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


@pytest.fixture
def ai_web(settings: Settings, clock: Any, chat: FakeChat) -> Iterator[Web]:
    configured = replace(settings, ai=AiConfig(base_url=chat.base_url, model=MODEL_NAME, retries=0))
    with web_with(configured, clock) as web:
        yield web


def _workspace(web: Web) -> Any:
    return web.app.state.web.workspace()


def test_a_saved_answer_gets_an_ai_critique_kept_with_the_model(ai_web: Web, chat: FakeChat) -> None:
    question = load_bank()[0]
    saved = ai_web.post_form("/practice", {"question_id": question.id, "answer": ANSWER, "step": "skip_follow_up"})
    assert "Ask the AI coach for a critique" not in saved.text  # off until agreed
    enable_ai(_workspace(ai_web))
    saved = ai_web.post_form("/practice", {"question_id": question.id, "answer": ANSWER, "step": "skip_follow_up"})
    assert "Ask the AI coach for a critique" in saved.text
    session_id = re.search(r'name="session_id" value="(\d+)"', saved.text.split("ai-offer", 1)[1])
    assert session_id
    chat.queue(good_critique())
    fragment = ai_web.post_form(
        "/practice/ai-critique",
        {"question_id": question.id, "answer": ANSWER, "session_id": session_id.group(1)},
        headers={"HX-Request": "true"},
    )
    assert fragment.status_code == 200 and "<html" not in fragment.text
    shown = text_of(fragment.text)
    assert f"AI Critique by {MODEL_NAME}, checked against your answer" in shown
    assert "The one change: Say how you chose what to automate first." in shown
    assert "How did the team react to the new triage script?" in shown
    ws = _workspace(ai_web)
    with ws.db.read() as session:
        kept = AiResultRepository(session, ws.owner_id).latest("critique")
    assert kept is not None and kept.model == MODEL_NAME and kept.practice_answer_id is not None


def test_asking_for_a_critique_says_it_is_waiting_and_cannot_be_sent_twice(ai_web: Web) -> None:
    enable_ai(_workspace(ai_web))
    question = load_bank()[0]
    saved = ai_web.post_form("/practice", {"question_id": question.id, "answer": ANSWER, "step": "skip_follow_up"})
    before, after = saved.text.split('class="ai-offer"', 1)
    offer = before.rsplit("<form", 1)[1] + after
    assert 'hx-disabled-elt="find button"' in offer.split(">", 1)[0]
    waiting = offer.split('class="ai-waiting', 1)[1].split("</span>", 1)[0]
    assert f"Asking the AI coach ({MODEL_NAME})" in waiting and "your answer is already saved" in waiting


def test_a_failing_model_leaves_a_note_not_an_error(ai_web: Web, chat: FakeChat) -> None:
    from tests.chat_server import Step

    enable_ai(_workspace(ai_web))
    question = load_bank()[0]
    ai_web.post_form("/practice", {"question_id": question.id, "answer": ANSWER, "step": "skip_follow_up"})
    chat.queue(Step(status=503))
    page = ai_web.post_form("/practice/ai-critique", {"question_id": question.id, "answer": ANSWER, "session_id": "1"})
    assert page.status_code == 200
    assert "No AI result, so the offline result stands alone: the AI endpoint" in text_of(page.text)


def test_likely_questions_for_a_job_from_the_practice_page(ai_web: Web, chat: FakeChat) -> None:
    ws = _workspace(ai_web)
    app = make_application(ws, jd_text=JD)
    assert "Add likely questions for this job (AI)" not in ai_web.client.get(f"/practice?app={app.id}").text
    enable_ai(ws)
    page = text_of(ai_web.client.get(f"/practice?app={app.id}").text)
    assert "Interview practice for Acme Bakery" in page and f"The AI coach ({MODEL_NAME}) plays" in page
    chat.queue(
        reply(questions=[{"question": "How do you keep food costs down at the weekend?", "category": "role",
                          "why": "Cost control.", "quote": "keep cost control"}])
    )  # fmt: skip
    done = ai_web.post_form("/practice/ai-questions", {"app": str(app.id)})
    assert done.status_code == 303
    shown = text_of(ai_web.client.get(done.headers["location"]).text)
    assert "Likely questions added for this job: 1." in shown
    questions = text_of(ai_web.client.get(f"/practice?app={app.id}&category=role").text)
    assert "How do you keep food costs down at the weekend?" in questions


def test_a_mock_interview_in_the_browser(ai_web: Web, chat: FakeChat) -> None:
    chat.respond = interviewer
    ws = _workspace(ai_web)
    app = make_application(ws, jd_text=JD)
    enable_ai(ws)
    start = ai_web.client.get(f"/practice/interview?app={app.id}")
    assert "Acme Bakery — Pastry Chef" in text_of(start.text)
    opened = ai_web.post_form("/practice/interview", {"app": str(app.id), "questions": "1"})
    assert opened.status_code == 303
    path = opened.headers["location"].split("#")[0]
    page = text_of(ai_web.client.get(path).text)
    assert "Interviewer AI : Question 1: tell me about a time you kept cost control" in page
    ai_web.post_form(f"{path}/answer", {"answer": "I planned the prep list for the weekend. Waste fell."})
    page = text_of(ai_web.client.get(path).text)
    assert "Analysis:" in page and f"AI Critique by {MODEL_NAME}" in page
    assert "What would you do differently next time?" in page
    ai_web.post_form(f"{path}/answer", {"answer": "I would track waste daily."})
    page = text_of(ai_web.client.get(path).text)
    assert f"Debrief AI by {MODEL_NAME}" in page and "Concrete planning." in page
    assert 'name="answer"' not in ai_web.client.get(path).text


def test_the_mock_interview_without_the_ai_coach(web: Web, chat: FakeChat) -> None:
    ws = web.app.state.web.workspace()
    app = make_application(ws, jd_text=JD)
    page = text_of(web.client.get(f"/practice?app={app.id}").text)
    assert "The offline coach plays the interviewer; turn on the AI coach in Settings" in page
    opened = web.post_form("/practice/interview", {"app": str(app.id), "questions": "1"})
    path = opened.headers["location"].split("#")[0]
    shown = text_of(web.client.get(path).text)
    assert "The offline coach is interviewing: the AI coach is not set up" in shown
    assert "endpoint" not in shown  # a word for whoever set the model up, not for the person practising
    assert '<h2 id="spoken-title">' in web.client.get(path).text  # under the h1, not an h3 (axe: heading-order)
    web.post_form(f"{path}/answer", {"answer": "I planned the prep list for the weekend. Waste fell."})
    web.post_form(f"{path}/answer", {"answer": "I would track waste daily."})
    assert "Average score of your answers" in text_of(web.client.get(path).text)
    assert chat.requests == []


def test_a_spoken_answer_in_the_mock_interview(ai_web: Web, chat: FakeChat, voice_clips: dict[str, Any]) -> None:
    """A recording sent from the interview page: its transcript, delivery, offline analysis and the AI critique."""
    chat.respond = interviewer
    ws = _workspace(ai_web)
    app = make_application(ws, jd_text=JD)
    enable_ai(ws)
    opened = ai_web.post_form("/practice/interview", {"app": str(app.id), "questions": "1"})
    path = opened.headers["location"].split("#")[0]
    assert 'name="audio"' in ai_web.client.get(path).text
    with voice_clips["clean"].open("rb") as audio:
        sent = ai_web.client.post(
            f"{path}/voice", data={"csrf_token": ai_web.token}, files={"audio": ("answer.wav", audio, "audio/wav")}
        )
    assert sent.status_code == 303
    page = text_of(ai_web.client.get(path).text)
    assert "You: I joined the support team" in page
    assert re.search(r"Spoken: \d+ words per minute · \d+ long pauses", page)
    assert f"AI Critique by {MODEL_NAME}" in page and "What would you do differently next time?" in page
    critique_prompt = next(p for p in chat.prompts() if "Measurements:" in p)
    assert "Spoken:" in critique_prompt and "words per minute (comfortable: 120-160)" in critique_prompt


def test_second_opinions_on_feedback_and_on_gaps(ai_web: Web, chat: FakeChat) -> None:
    from nextround.services.feedback import record_feedback
    from nextround.services.insight import add_cv_text

    ws = _workspace(ai_web)
    app = make_application(ws, jd_text="You will need experience with laminated doughs and HACCP.")
    feedback_text = "Your answers were unstructured. Communication was good."
    record_feedback(ws, app.id, feedback_text)
    add_cv_text(ws, "Pastry cook with four years in hotel kitchens. Food hygiene level 2.", name="CV")
    assert "second opinion" not in ai_web.client.get(f"/applications/{app.id}/feedback").text
    enable_ai(ws)
    page = ai_web.client.get(f"/applications/{app.id}/feedback").text
    action = re.search(r'action="(/applications/\d+/feedback/\d+/ai-opinion)"', page)
    assert action
    chat.queue(
        reply(
            opinions=[{"subject": "communication", "verdict": "agree", "comment": "Structure.",
                       "quote": "answers were unstructured"},
                      {"subject": "attitude", "verdict": "missed", "comment": "Rude.", "quote": "you were rude"}],
            summary="Structure first.",
        )
    )  # fmt: skip
    shown = text_of(ai_web.post_form(action.group(1), headers={"HX-Request": "true"}).text)
    assert f"AI Second opinion by {MODEL_NAME}" in shown
    assert "Agrees: Communication — Structure." in shown and "Rude." not in shown
    assert "An opinion on 'attitude': its quote is not in the text" in shown
    match = ai_web.client.get(f"/applications/{app.id}/match").text
    assert "Ask the AI coach for a second opinion on these gaps" in match
    chat.queue(
        reply(opinions=[{"subject": "HACCP", "verdict": "disagree", "comment": "Hygiene level 2 covers part.",
                         "quote": "Food hygiene level 2"}], summary="One real gap.")
    )  # fmt: skip
    gaps = text_of(ai_web.post_form(f"/applications/{app.id}/ai-gaps").text)
    assert "Disagrees: HACCP — Hygiene level 2 covers part." in gaps and "Back" in gaps
    with ws.db.read() as session:
        repo = AiResultRepository(session, ws.owner_id)
        kept = [repo.latest("feedback_opinion", application_id=app.id), repo.latest("skill_gaps_opinion")]
    assert all(k is not None and k.model == MODEL_NAME for k in kept)


def test_the_interview_picker_offers_the_newest_and_the_one_asked_for(
    web: Web, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The picker reads the newest few applications (LIMIT in SQL), not every one; a page's link to an older
    application still has it chosen."""
    import nextround.web.routes.ai_practice as ai_practice

    monkeypatch.setattr(ai_practice, "PICKER_SIZE", 2)
    ws = web.app.state.web.workspace()
    made = [make_application(ws, company=f"Firm {n}").id for n in range(4)]
    options = re.findall(r'<option value="(\d+)"( selected)?', web.client.get("/practice/interview").text)
    assert [int(value) for value, _ in options] == [made[3], made[2]]  # the newest two, newest first
    asked = re.findall(r'<option value="(\d+)"( selected)?', web.client.get(f"/practice/interview?app={made[0]}").text)
    assert [int(value) for value, _ in asked] == [made[0], made[3], made[2]]
    assert asked[0][1] == " selected"
    from nextround.services.applications import ApplicationService

    service = ApplicationService(ws)
    assert [row[0] for row in service.names(ids={made[1], made[3], 10**6})] == [made[1], made[3]]
    assert service.names(ids=set()) == []
    assert [row[0] for row in service.names()] == made
