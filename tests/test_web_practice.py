"""The practice page and the presenters that shape analysis and stats for the pages."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from nextround.analysis.answer import analyze_answer
from nextround.analysis.answer.advice import clearly_off_topic
from nextround.domain.questions import load_bank
from nextround.domain.stats import FunnelStep, funnel_stats
from nextround.web.presenters import funnel_chart, marked_answer, rejection_chart
from tests.factories import make_application
from tests.web_support import Web

ANSWER = (
    "Um, so basically at my last job I think we had a problem with late orders. I was asked to fix it. "
    "I built a tracking sheet and talked to each supplier. As a result late orders fell by 40% in two months."
)


def test_practice_page_shows_a_question_from_the_bank(web: Web) -> None:
    bank = load_bank()
    html = web.client.get("/practice").text
    assert bank[0].text.replace("'", "&#39;") in html
    chosen = bank[5]
    assert chosen.text.replace("'", "&#39;") in web.client.get(f"/practice?question={chosen.id}").text
    motivation = next(q for q in bank if q.category == "motivation")
    assert motivation.text.replace("'", "&#39;") in web.client.get("/practice?category=motivation").text
    assert "data-timer hidden" in html  # the timer appears only with JavaScript
    assert re.search(r'\w · <a href="/practice\?question=[^"]*">Another question</a>', html)  # not "teamwork·"


def test_an_answer_is_analysed_at_once_with_marks(web: Web) -> None:
    question = load_bank()[0]
    response = web.post_form("/practice", {"question_id": question.id, "answer": ANSWER})
    assert response.status_code == 200
    html = response.text
    expected = analyze_answer(question.text, ANSWER).to_dict()
    assert f'<span id="score">{expected["score"]}</span>' in html
    assert '<mark class="filler" title="filler">Um</mark>' in html
    assert '<mark class="hedge" title="hedge">I think</mark>' in html
    assert '<span class="part-tag part-result">Result</span>' in html
    assert expected["suggestions"][0].replace("'", "&#39;").replace('"', "&#34;") in html
    # STAR is spelled out where its labels are first shown: a first-time user has not met the word.
    legend = html.split('id="star-legend">', 1)[1].split("</p>", 1)[0]
    assert "Situation, your Task, the Action you took and its Result" in legend and "unsure" in legend


def test_htmx_gets_only_the_analysis_fragment(web: Web) -> None:
    # Job terms come from the job description of the application practised for (the free text box is gone).
    ws = web.app.state.web.workspace()
    app = make_application(ws, company="Carrow", jd_text="Logistics analyst: SQL, Excel and supplier management.")
    response = web.post_form(
        "/practice", {"answer": ANSWER, "app": str(app.id), "step": "skip_follow_up"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="analysis"')
    assert "Job terms used" in response.text
    assert 'id="session-id" name="session_id" value="1" hx-swap-oob="true"' in response.text


def test_an_empty_answer_is_a_validation_message(web: Web) -> None:
    response = web.post_form("/practice", {"answer": "   "}, headers={"HX-Request": "true"})
    assert response.status_code == 422
    assert "Write an answer first" in response.text


def test_answer_text_is_escaped(web: Web) -> None:
    html = web.post_form("/practice", {"answer": "I fixed <script>alert(1)</script> it. Sales rose 10%."}).text
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_marked_answer_splits_sentences_into_marked_pieces() -> None:
    analysis = analyze_answer("Tell me about a problem you solved.", ANSWER).to_dict()
    marked = marked_answer(analysis)
    assert len(marked) == len(analysis["sentences"])
    first = marked[0]
    assert "".join(text for text, _ in first.pieces) == analysis["sentences"][0]
    assert ("Um", "filler") in first.pieces and ("I think", "hedge") in first.pieces
    assert marked[-1].parts == ("result",)


def test_marked_answer_without_fillers_keeps_sentences_whole() -> None:
    analysis: dict[str, Any] = {
        "sentences": ["I led it.", "Costs fell."],
        "star_sentences": {"situation": [], "task": [], "action": [0], "result": [1]},
        "fillers": {"found": {}},
        "hedges": [],
    }
    marked = marked_answer(analysis)
    assert [m.pieces for m in marked] == [(("I led it.", None),), (("Costs fell.", None),)]
    assert [m.parts for m in marked] == [("action",), ("result",)]


def test_dashboard_charts_come_from_the_one_chart_builder() -> None:
    stats = replace(
        funnel_stats([]),
        rejections_by_stage={"application": 3, "screening": 1, "final": 2},
        funnel=(FunnelStep("applied", 10, None), FunnelStep("screening", 4, 0.4)),
    )
    rejections = rejection_chart(stats)
    bars = re.findall(r'data-label="([^"]+)" data-value="([^"]+)"', rejections.svg)
    assert bars == [("Application", "3"), ("Screening", "1"), ("Assessment", "0"), ("Interview", "0"),
                    ("Final", "2"), ("Offer", "0")]  # fmt: skip
    assert rejections.total == 6
    assert "<desc>Application: 3; Screening: 1;" in rejections.svg  # the text alternative
    funnel = funnel_chart(stats)
    assert ">4 (40%)</text>" in funnel.svg
    assert funnel.total == 14


# -- stored answers, comparison, follow-up, planning, history, API ----------------------------------------

WEAK = "Um, I think we kind of fixed some things with the team and it was basically fine."
STRONG = (
    "At my last job our refunds took nine days. My task was to cut that in a quarter. I mapped every approval "
    "step and I removed two of them myself. As a result refunds took three days and complaints fell by 60%."
)


def _answer(web: Web, question_id: str, text: str, **extra: str) -> Any:
    return web.post_form("/practice", {"question_id": question_id, "answer": text, "step": "skip_follow_up", **extra})


def test_an_answer_is_stored_and_shows_in_the_history(web: Web) -> None:
    question = load_bank()[0]
    html = _answer(web, question.id, STRONG, duration_seconds="95").text
    assert 'id="saved-note"' in html and 'name="session_id" value="1"' in html
    history = web.client.get("/practice/history")
    assert history.status_code == 200
    assert '<dd id="answers-count">1</dd>' in history.text and '<dd id="sessions-count">1</dd>' in history.text
    assert '<dd id="streak">1 day with practice (best 1; one missed day' in history.text
    assert question.text.replace("'", "&#39;") in history.text
    assert "<svg" in history.text and "Session 1" in history.text and "took 1:35" in history.text
    assert re.search(r"Session 1, [^<]*\d[^<]* — average \d", history.text)  # its date and average score
    assert re.search(rf'<strong>\d+</strong> · <a href="/practice\?question={question.id}"', history.text)
    assert "At my last job our refunds took nine days." in history.text  # the answer itself


def test_a_second_attempt_shows_the_comparison_with_the_first(web: Web) -> None:
    question = load_bank()[0]
    first = _answer(web, question.id, WEAK).text
    assert 'id="comparison"' not in first
    second = _answer(web, question.id, STRONG, session_id="1").text
    assert 'id="comparison"' in second
    assert 'id="verdict">Better:' in second
    delta = second.split('id="score-delta">(', 1)[1].split(")", 1)[0]
    assert int(delta) > 0
    progress = web.client.get("/api/v1/practice/progress").json()
    assert progress["answers"] == 2 and progress["sessions"] == 1


def test_a_missing_star_part_asks_a_follow_up_before_saving(web: Web) -> None:
    question = next(q for q in load_bank() if q.category == "behavioural")
    # On the question's topic (a team effort), so the follow-up is asked: a refunds story with no team in it is read as
    # off topic since session 24, and an answer off topic is told so instead.
    no_result = (
        "At my last job our team's refunds were slow. The four of us were asked to fix them together. "
        "I mapped the approval steps while the others called the customers."
    )
    asked = web.post_form("/practice", {"question_id": question.id, "answer": no_result}).text
    assert 'id="follow-up-form"' in asked and "Not saved yet" in asked
    assert web.client.get("/api/v1/practice/progress").json()["answers"] == 0
    saved = web.post_form(
        "/practice",
        {"question_id": question.id, "answer": no_result, "session_id": "1", "step": "follow_up",
         "follow_up_answer": "As a result refunds took three days instead of nine."},
    ).text  # fmt: skip
    assert 'id="saved-note"' in saved
    history = web.client.get("/practice/history").text
    assert "refunds took three days instead of nine" in history
    assert web.client.get("/api/v1/practice/progress").json()["answers"] == 1


def test_practise_for_an_application_plans_from_its_job(web: Web) -> None:
    ws = web.app.state.web.workspace()
    app = make_application(ws, company="Larkspur <Labs>", role="Data Analyst", jd_text="SQL, Python and dashboards.")
    page = web.client.get(f"/practice?app={app.id}")
    assert page.status_code == 200
    assert 'id="plan"' in page.text and "Larkspur &lt;Labs&gt;" in page.text
    assert '<input type="hidden" name="app" value="' + str(app.id) + '">' in page.text
    assert f'href="/practice?app={app.id}"' in web.client.get(f"/applications/{app.id}").text
    started = web.post_form("/practice/session", {"app": str(app.id), "count": "3"})
    assert started.status_code == 303
    assert "session=1" in started.headers["location"] and f"app={app.id}" in started.headers["location"]


def test_the_history_page_reads_no_whole_analysis(web: Web) -> None:
    # With a long history, decoding every stored analysis was most of the page's time (2,000 answers: 1.8 s
    # read four times over, 0.27 s once): it reads the answers' facts once, a few analysis fields in SQL,
    # and the texts of the sessions it lists.
    from sqlalchemy import event

    question = load_bank()[0]
    _answer(web, question.id, STRONG)
    _answer(web, question.id, WEAK)
    engine = web.app.state.web.workspace().db.engine
    reads: list[str] = []

    def keep(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM practice_answers" in statement:
            reads.append(statement)

    event.listen(engine, "before_cursor_execute", keep)
    try:
        history = web.client.get("/practice/history")
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    assert history.status_code == 200 and '<dd id="answers-count">2</dd>' in history.text
    assert STRONG.split(".")[0] in history.text  # the listed answers' texts are read
    whole_analysis = [s for s in reads if re.search(r"(SELECT|,)\s*practice_answers\.analysis\s*(,|FROM\b)", s)]
    assert whole_analysis == [] and len(reads) == 2, reads


def test_add_your_own_question_linked_to_an_application(web: Web) -> None:
    ws = web.app.state.web.workspace()
    app = make_application(ws, company="Quayside")
    response = web.post_form(
        "/practice/questions", {"text": "Why <this> company?", "category": "motivation", "app": str(app.id)}
    )
    assert response.status_code == 303
    page = web.client.get(response.headers["location"]).text
    assert "Why &lt;this&gt; company?" in page
    missing = web.post_form("/practice/questions", {"text": "  ", "category": "motivation"})
    assert missing.status_code == 422


def test_an_empty_own_question_shows_the_form_again_with_what_was_chosen(web: Web) -> None:
    ws = web.app.state.web.workspace()
    app = make_application(ws, company="Quayside")
    page = web.client.get("/practice").text
    assert 'name="app" type="number"' not in page  # no form asks a person for an application's number
    assert "Practise for this job" in page.split('id="own-question"')[1]
    linked = web.client.get(f"/practice?app={app.id}").text.split('id="own-question"')[1]
    assert f'<input type="hidden" name="app" value="{app.id}">' in linked and "Quayside" in linked
    missing = web.post_form("/practice/questions", {"text": "  ", "category": "motivation", "app": str(app.id)})
    assert missing.status_code == 422
    assert "That did not work" not in missing.text  # the practice page, not an error page
    assert '<details class="panel" id="own-question" open>' in missing.text
    assert re.search(r'<p class="error-text" id="q-text-error">Write the question first', missing.text)
    assert '<option value="motivation" selected>' in missing.text
    assert f'<input type="hidden" name="app" value="{app.id}">' in missing.text
    long_one = web.post_form("/practice/questions", {"text": "Why? " * 300, "category": "motivation"})
    assert long_one.status_code == 422 and "Keep the question under 1,000 characters." in long_one.text


def test_bank_filters_by_category_and_role(web: Web) -> None:
    html = web.client.get("/practice?category=motivation&role=data").text
    assert '<option value="data" selected>' in html


def test_practice_forms_need_the_csrf_token(web: Web) -> None:
    response = web.client.post("/practice", data={"answer": STRONG})
    assert response.status_code == 403
    assert web.client.post("/practice/session", data={}).status_code == 403


def test_api_stores_an_answer_and_compares(web: Web) -> None:
    question = load_bank()[0]
    first = web.api("POST", "/api/v1/practice/answers", json={"question_id": question.id, "answer": WEAK})
    assert first.status_code == 200
    body = first.json()
    assert body["comparison"] is None and body["analysis"]["score"] > 0 and body["session_id"] == 1
    second = web.api(
        "POST", "/api/v1/practice/answers", json={"question_id": question.id, "answer": STRONG, "session_id": 1}
    ).json()
    assert second["comparison"]["score"]["delta"] > 0
    own = web.api("POST", "/api/v1/practice/answers", json={"question": "Tell me about Ada.", "answer": STRONG})
    assert own.json()["question"]["id"].startswith("custom:")
    bad = web.api("POST", "/api/v1/practice/answers", json={"question_id": "nope", "answer": STRONG})
    assert bad.status_code == 404 and "error" in bad.json()
    assert web.client.post("/api/v1/practice/answers", json={"answer": "x"}).status_code == 403
    schema = web.client.get("/openapi.json").json()["paths"]
    assert "/api/v1/practice/answers" in schema and "/api/v1/practice/progress" in schema
    assert "/practice" not in schema


def test_another_owners_answers_are_invisible(web: Web) -> None:
    from nextround.services import practice as service
    from tests.conftest import other_owner

    elsewhere = other_owner(web.app.state.web.workspace())
    sid = service.start_session(elsewhere, [])
    service.record_answer(elsewhere, sid, load_bank()[0], "Secret <answer> of another user. Sales rose 5%.", None)
    assert "Secret" not in web.client.get("/practice/history").text
    assert web.client.get("/api/v1/practice/progress").json()["answers"] == 0


def test_practice_figures_are_labelled_by_what_they_count_and_shown_alike(web: Web) -> None:
    bank = load_bank()
    for question, text in ((bank[0], STRONG), (bank[1], WEAK), (bank[2], STRONG)):
        _answer(web, question.id, text)
    history = web.client.get("/practice/history").text
    dashboard = web.client.get("/dashboard/panels", headers={"HX-Request": "true"}).text
    assert "Average score, all answers" in history
    assert "average score this week" in dashboard
    for page in (history, dashboard):
        assert not re.search(r"average(?: score)?(?:, all answers</dt><dd>| this week | )\d+\.\d", page)
        assert "(s)" not in page


def test_history_charts_name_weeks_and_kinds_in_words(web: Web) -> None:
    question = next(q for q in load_bank() if q.category == "behavioural")
    _answer(web, question.id, STRONG)
    history = web.client.get("/practice/history").text
    weeks = history.split('id="week-chart"', 1)[1].split("</figure>", 1)[0]
    # An ISO week code (2026-W49) is not a date anyone knows; the week is named by its Monday.
    assert not re.search(r"\d{4}-W\d{2}", weeks)
    assert re.search(r'data-label="Week of \d{1,2} [A-Z][a-z]{2}"', weeks)
    kinds = history.split('id="category-chart"', 1)[1].split("</figure>", 1)[0]
    assert 'data-label="Behavioural"' in kinds


def test_a_session_left_on_its_follow_up_is_not_counted_as_practice(web: Web) -> None:
    question = next(q for q in load_bank() if q.category == "behavioural")
    _answer(web, question.id, STRONG)  # saved: session 1
    # On the question's topic (a team effort), so the follow-up is asked: a refunds story with no team in it is read as
    # off topic since session 24, and an answer off topic is told so instead.
    no_result = (
        "At my last job our team's refunds were slow. The four of us were asked to fix them together. "
        "I mapped the approval steps while the others called the customers."
    )
    asked = web.post_form("/practice", {"question_id": question.id, "answer": no_result}).text
    assert "Not saved yet" in asked  # session 2 waits on the follow-up; the person walks away
    assert web.client.get("/api/v1/practice/progress").json()["sessions"] == 1
    # The weekly review counted 2 sessions beside 1 answer while the history said 1 session.
    review = web.client.get("/api/v1/review").json()
    assert review["effort"]["counts"]["practice_sessions"] == 1


def test_an_answer_over_the_limit_says_by_how_much(web: Web) -> None:
    question = load_bank()[0]
    answer = "I mapped every step. " * 1000  # 21,000 characters
    page = web.post_form("/practice", {"question_id": question.id, "answer": answer}).text
    # It said 'The answer is longer than 20000 characters.'
    assert f"Keep it under 20,000 characters: this has {len(answer):,}." in page


def test_history_does_not_call_strong_answers_weak(web: Web) -> None:
    question = next(q for q in load_bank() if q.category == "behavioural")
    _answer(web, question.id, STRONG)
    _answer(web, question.id, STRONG, session_id="1")
    history = web.client.get("/practice/history").text
    # Two answers scoring in the 80s or 90s were listed under 'Weakest competencies'.
    assert 'id="weakest"' in history and "<h2>Lowest-scoring competencies</h2>" in history
    assert "Weakest" not in history


def test_an_off_topic_answer_is_asked_again_without_a_follow_up_on_its_story(web: Web) -> None:
    question = next(q for q in load_bank() if q.text.startswith("Tell me about the most difficult customer"))
    # About an audit, not a customer; told with "we" and no task, so it would get a follow-up and STAR advice.
    audit = (
        "Last year our team had a big audit. We planned the work and we split it up. "
        "We checked every file and we finished on time."
    )
    expected = analyze_answer(question.text, audit)
    assert expected.relevance < 0.25 and expected.follow_up and not expected.star["task"]
    html = web.post_form("/practice", {"question_id": question.id, "answer": audit}).text
    assert 'id="follow-up-form"' not in html and expected.follow_up not in html
    assert 'id="saved-note"' in html
    assert html.index('id="try-again"') < html.index("Your answer, marked")
    assert ">Last year our team had a big audit." in html  # still in the box to rework
    suggestions = html.split('id="suggestions">', 1)[1].split("</ul>", 1)[0]
    assert "Answer the question asked: this answer does not address it" in suggestions
    assert "Say what you did yourself" in suggestions  # saying "I" carries over to the retry
    assert "Put a number on the result" not in suggestions and "Put a number on the result" in expected.suggestions[2]


def test_an_off_topic_second_attempt_is_not_compared_with_the_first(web: Web) -> None:
    """'Try the question again' and 'Better: +4 points' on one answer contradicted each other."""
    question = next(q for q in load_bank() if q.text.startswith("Tell me about the most difficult customer"))
    first = _answer(web, question.id, "A customer was angry about a late refund. I called her and fixed it.").text
    assert 'id="try-again"' not in first
    audit = (
        "Last year I had a big audit to prepare. I planned the work and I split it into weekly parts. "
        "I checked every one of the 400 files myself and I finished two days early, with no findings."
    )
    assert clearly_off_topic(analyze_answer(question.text, audit).relevance)
    second = _answer(web, question.id, audit, session_id="1").text
    assert 'id="try-again"' in second and 'id="comparison"' not in second and 'id="verdict"' not in second
