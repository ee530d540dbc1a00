"""Practising day after day in the browser: a started session leads from one planned question to the next,
questions can be chosen by the skill they show, and the history says what to practise next."""

from __future__ import annotations

import html
import re

from nextround.domain.questions import load_bank
from nextround.services.feedback import record_feedback
from nextround.services.practice import list_questions
from nextround.services.practice_sessions import session_plan
from tests.conftest import FakeClock
from tests.factories import make_application
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


def test_questions_can_be_chosen_by_the_skill_they_show(web: Web) -> None:
    page = web.client.get("/practice?competency=leadership&category=behavioural").text
    shown = re.search(r'id="question-text">([^<]+)<', page)
    assert shown
    leading = [q for q in load_bank() if "leadership" in q.competencies and q.category == "behavioural"]
    assert html.unescape(shown.group(1)) in {q.text for q in leading}
    assert '<option value="leadership" selected>' in page
    another = re.search(r'href="(/practice\?question=[^"]+)">Another question', page)
    assert another and "competency=leadership" in html.unescape(another.group(1))
    # The skill travels with the answer, so the page after it still shows leadership questions.
    assert '<input type="hidden" name="competency" value="leadership">' in page


def test_history_says_what_to_practise_next_from_feedback_and_due_answers(web: Web, clock: FakeClock) -> None:
    ws = web.app.state.web.workspace()
    app = make_application(ws, company="St Elsewhere NHS Trust", role="Staff Nurse")
    record_feedback(ws, app.id, "The panel felt your answers lacked structure and were hard to follow.")
    empty = _text(web.client.get("/practice/history").text)
    assert "What to practise next" in empty and "points to communication" in empty
    assert "From your feedback: communication" in _text(web.client.get("/practice").text)
    question = load_bank()[0]
    web.post_form("/practice", {"question_id": question.id, "answer": "I helped.", "step": "skip_follow_up"})
    clock.advance(days=1)  # a low score comes back the next day
    page = web.client.get("/practice/history").text
    due = page.split('id="due-list"', 1)[1].split("</ul>", 1)[0]
    assert f"question={question.id}" in due and "last score" in due
    assert 'action="/practice/session"' in page and 'name="focus" value="communication"' in page
    started = web.post_form("/practice/session", {"focus": "communication", "count": "5"})
    assert started.status_code == 303 and "focus=communication" in started.headers["location"]


def test_history_numbers_sessions_as_practised_and_charts_whole_points(web: Web) -> None:
    bank = [q for q in load_bank() if q.category == "behavioural"]
    # A first answer left on its follow-up opens a session that never gets an answer.
    web.post_form("/practice", {"question_id": bank[0].id, "answer": "I helped the team with the rota."})
    for question, answer in ((bank[1], STRUCTURED), (bank[2], "I helped."), (bank[3], STRUCTURED + " I did it.")):
        form = {"question_id": question.id, "answer": answer, "step": "skip_follow_up"}
        saved = web.post_form("/practice", form).text
        assert "Saved to your practice history." in _text(saved)
    page = web.client.get("/practice/history").text
    headings = re.findall(r"<h3 id=\"session-\d+\">Session (\d+),", page)
    assert sorted(int(n) for n in headings) == [1, 2, 3]
    for chart in ("week-chart", "category-chart"):
        values = re.findall(r'data-value="([^"]+)"', page.split(f'id="{chart}"', 1)[1].split("</figure>", 1)[0])
        assert values and all(v.isdigit() for v in values), values


def test_an_answer_saved_with_its_follow_up_stays_whole_in_the_box_for_a_retry(web: Web) -> None:
    question = next(q for q in load_bank() if q.category == "behavioural")
    first = "On a night shift two patients deteriorated at once. I escalated one to the doctor."
    follow_up = "As a result the patient was reviewed within 15 minutes."
    form = {"question_id": question.id, "answer": first, "follow_up_answer": follow_up, "step": "follow_up"}
    fragment = web.post_form("/practice", form, headers={"HX-Request": "true"}).text
    box = re.search(r'<textarea id="answer"[^>]*hx-swap-oob="true"[^>]*>([^<]*)</textarea>', fragment)
    assert box and html.unescape(box.group(1)) == f"{first}\n\n{follow_up}"
    page = web.post_form("/practice", form).text  # without JavaScript: the whole page, its box the same
    box = re.search(r'<textarea id="answer"[^>]*>([^<]*)</textarea>', page)
    assert box and html.unescape(box.group(1)) == f"{first}\n\n{follow_up}"
    skipped = web.post_form("/practice", {**form, "step": "skip_follow_up"}, headers={"HX-Request": "true"}).text
    assert 'id="answer"' not in skipped.split("</section>", 1)[1]  # nothing added, the box is left alone


def test_history_follows_structure_from_the_first_week_to_the_latest(web: Web, clock: FakeClock) -> None:
    question = next(q for q in load_bank() if q.category == "behavioural")
    loose = "I was on a busy ward and we had a lot of patients, and I think it went fine in the end."
    web.post_form("/practice", {"question_id": question.id, "answer": loose, "step": "skip_follow_up"})
    page = web.client.get("/practice/history").text
    row = page.split('id="measure-star_complete"', 1)[1].split("</tr>", 1)[0]
    assert "Told as a whole story" in row and "0%" in row
    assert "First week → latest week" not in page  # one week: nothing to compare yet
    clock.advance(days=8)
    web.post_form("/practice", {"question_id": question.id, "answer": STRUCTURED, "step": "skip_follow_up"})
    page = web.client.get("/practice/history").text
    row = _text(page.split('id="measure-star_complete"', 1)[1].split("</tr>", 1)[0])
    assert "0% → 100% (better)" in row


def test_the_practice_page_opens_on_what_to_practise_next(web: Web) -> None:
    assert 'id="practise-next"' not in web.client.get("/practice").text  # nothing recorded: nothing to say
    ws = web.app.state.web.workspace()
    app = make_application(ws, company="St Elsewhere NHS Trust", role="Staff Nurse")
    record_feedback(ws, app.id, "The panel felt your answers lacked structure and were hard to follow.")
    page = web.client.get("/practice").text
    assert 'id="practise-next"' in page and "Start a session on communication" in page
    assert page.index('id="practise-next"') < page.index('id="question-text"')
    assert 'id="practise-next"' not in web.client.get("/practice?category=motivation").text  # she chose


def test_your_own_question_can_say_the_skill_it_shows(web: Web) -> None:
    asked = "Tell me about a time you led the bay on a short-staffed night."
    added = web.post_form("/practice/questions", {"text": asked, "category": "behavioural", "competency": "leadership"})
    assert added.status_code == 303
    ws = web.app.state.web.workspace()
    assert asked in [q.text for q in list_questions(ws, competency="leadership")]
    page = web.client.get(added.headers["location"]).text
    assert "Behavioural · leadership" in _text(page)
    refused = web.post_form("/practice/questions", {"text": " ", "competency": "leadership"}).text
    assert '<option value="leadership" selected>' in refused.split('id="q-competency"', 1)[1]


def test_feedback_on_an_application_offers_a_practice_session_on_its_themes(web: Web) -> None:
    ws = web.app.state.web.workspace()
    app = make_application(ws, company="St Elsewhere NHS Trust", role="Staff Nurse")
    web.post_form(
        f"/applications/{app.id}/feedback/record",
        {"text": "The panel felt your answers lacked structure and were hard to follow.", "source": "employer"},
    )
    page = web.client.get(f"/applications/{app.id}/feedback").text
    offer = page.split('id="practise-from-feedback"', 1)[1].split("</div>", 1)[0]
    assert "Start a practice session on communication" in offer
    assert f'name="app" value="{app.id}"' in offer and 'name="focus" value="communication"' in offer
    started = web.post_form("/practice/session", {"app": str(app.id), "focus": "communication", "count": "5"})
    assert started.status_code == 303 and "focus=communication" in started.headers["location"]


def test_the_follow_up_keeps_the_chosen_kind_role_and_skill(web: Web) -> None:
    question = next(q for q in load_bank() if "leadership" in q.competencies and q.category == "behavioural")
    chosen = {"category": "behavioural", "role": "healthcare", "competency": "leadership"}
    first = "I led the night shift when the nurse in charge went home ill. I asked each nurse to take a bay."
    asked = web.post_form("/practice", {"question_id": question.id, "answer": first, **chosen}).text
    follow_up = asked.split('id="follow-up-form"', 1)[1].split("</form>", 1)[0]
    for name, value in chosen.items():
        assert f'name="{name}" value="{value}"' in follow_up


def test_the_comparison_lists_the_measures_that_moved_and_names_the_rest(web: Web) -> None:
    question = next(q for q in load_bank() if q.category == "behavioural")
    form = {"question_id": question.id, "step": "skip_follow_up"}
    web.post_form("/practice", {**form, "answer": STRUCTURED})
    second = web.post_form("/practice", {**form, "answer": STRUCTURED + " I then taught the team to escalate early."})
    table = second.text.split('id="comparison"', 1)[1].split("</section>", 1)[0]
    rows = re.findall(r"<tr><td>([^<]+)</td>(?:<td>[^<]*</td>){2}\s*<td class=\"delta (\w+)\"", table)
    assert rows and all(kind != "same" for _, kind in rows)
    unchanged = _text(table.split('id="unchanged">', 1)[1].split("</p>", 1)[0])
    assert unchanged.startswith("Unchanged: ") and "Situation" in unchanged
    assert not {name for name, _ in rows} & set(unchanged.removeprefix("Unchanged: ").rstrip(".").split(", "))
