"""Practising day after day in the browser: a started session leads from one planned question to the next,
questions can be chosen by the skill they show, and the history says what to practise next."""

from __future__ import annotations

import html
import re

from nextround.services.practice_sessions import session_plan
from tests.web_support import Web

STRUCTURED = (
    "On a night shift two of my patients deteriorated at once. I was responsible for the bay. I asked the "
    "healthcare assistant to stay with one and escalated the other to the doctor. As a result the patient was "
    "reviewed within 15 minutes and recovered."
)


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _start(web: Web, **form: str) -> tuple[int, str]:
    started = web.post_form("/practice/session", {"count": "3", **form})
    assert started.status_code == 303
    location = started.headers["location"]
    found = re.search(r"session=(\d+)", location)
    assert found
    return int(found.group(1)), location


def test_a_session_without_a_job_shows_the_questions_it_planned(web: Web) -> None:
    session_id, location = _start(web)
    page = web.client.get(location).text
    steps = session_plan(web.app.state.web.workspace(), session_id).steps
    assert len(steps) == 3
    assert 'id="plan"' in page  # "the planned questions are below" must be true
    listed = re.findall(r'<li[^>]*>\s*<a href="/practice\?question=([^&"]+)', page.split('id="plan"', 1)[1])
    assert listed[:3] == [step.question.id for step in steps]


def test_a_saved_answer_leads_to_the_next_planned_question(web: Web) -> None:
    session_id, _ = _start(web)
    ws = web.app.state.web.workspace()
    first, second, third = (step.question for step in session_plan(ws, session_id).steps)
    form = {"question_id": first.id, "answer": STRUCTURED, "session_id": str(session_id), "step": "skip_follow_up"}
    saved = web.post_form("/practice", form, headers={"HX-Request": "true"}).text
    assert 'id="next-planned"' in saved
    assert f"question={first.id}" not in saved.split('id="next-planned"', 1)[1].split("</p>", 1)[0]
    assert second.text.replace("'", "&#39;") in saved
    page = web.client.get(f"/practice?question={second.id}&session={session_id}").text
    assert "(answered)" in page.split(first.text.replace("'", "&#39;"), 1)[1].split("</li>", 1)[0]
    for question in (second, third):
        form = {**form, "question_id": question.id}
        last = web.post_form("/practice", form, headers={"HX-Request": "true"}).text
    assert "That was the last planned question of this session" in _text(last)
