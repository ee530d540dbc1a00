"""The practice coach's use cases on SQLite and PostgreSQL (nextround.services.practice)."""

from __future__ import annotations

from typing import Any

import pytest

from nextround.domain.questions import Question, load_bank
from nextround.serialize import json_object
from nextround.services import practice
from nextround.services.agenda import practice_due
from nextround.services.answer_results import WholeChange
from nextround.services.practice import PracticeError
from nextround.services.workspace import Workspace
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import FeedbackRow, InterviewRow
from tests.conftest import FakeClock, other_owner
from tests.factories import make_application

BEHAVIOURAL = next(q for q in load_bank() if q.id == "beh-teamwork-01")
NO_RESULT = (
    "Last spring I was the shift lead at a busy bakery and a wedding order came in the day two bakers called in sick. "
    "I was responsible for getting three hundred pastries ready by eight the next morning. "
    "I split the work into batches, called in a former colleague, and I ran the ovens myself overnight."
)
COMPLETE = NO_RESULT + " In the end every order went out on time and the client booked us for 3 more events."


def add_feedback(ws: Workspace, *themes: str, app_id: int | None = None) -> None:
    with ws.db.write() as session:
        session.add(
            FeedbackRow(
                owner_id=ws.owner_id,
                application_id=app_id,
                text="feedback",
                analysis={"themes": [{"theme": theme, "confidence": 0.8, "evidence": []} for theme in themes]},
                received_at=ws.now(),
                created_at=ws.now(),
            )
        )


def add_interview(ws: Workspace, app_id: int) -> int:
    with ws.db.write() as session:
        row = InterviewRow(owner_id=ws.owner_id, application_id=app_id, scheduled_at=ws.now(), created_at=ws.now())
        session.add(row)
        session.flush()
        return row.id


def _written(recorded: tuple[Any, Any]) -> tuple[dict[str, Any], Any]:
    """A recorded answer's analysis as --json and the API write it, and its comparison."""
    analysis, comparison = recorded
    return json_object(analysis), comparison


def answer_once(ws: Workspace, question: Question, text: str, **kwargs: Any) -> tuple[dict[str, Any], Any]:
    session_id = practice.start_session(ws, [])
    analysis, comparison = practice.record_answer(ws, session_id, question, text, 60, **kwargs)
    practice.finish_session(ws, session_id)
    return json_object(analysis), comparison  # the analysis as --json and the API write it


# -- custom questions --------------------------------------------------------------------------------


def test_custom_question_from_an_interview_is_linked_to_its_application(workspace: Workspace) -> None:
    app = make_application(workspace, company="Crumb & Co", role="Baker")
    interview_id = add_interview(workspace, app.id)
    question = practice.add_custom_question(
        workspace, "  Why   sourdough? ", "motivation", interview_id=interview_id, competencies=["motivation"]
    )
    assert question.id == "custom:1"
    assert question.text == "Why sourdough?"
    assert question.source == "interview:Crumb & Co"
    assert question.competencies == ("motivation",)
    assert practice.get_question(workspace, "custom:1") == question


def test_custom_question_checks_its_inputs(workspace: Workspace) -> None:
    app = make_application(workspace)
    other_app = make_application(workspace, company="Globex")
    interview_id = add_interview(workspace, app.id)
    with pytest.raises(PracticeError, match="unknown category"):
        practice.add_custom_question(workspace, "Q?", "trivia")
    with pytest.raises(PracticeError, match="unknown competency"):
        practice.add_custom_question(workspace, "Q?", "behavioural", competencies=["juggling"])
    with pytest.raises(PracticeError, match="empty"):
        practice.add_custom_question(workspace, "   ", "behavioural")
    with pytest.raises(NotFoundError):
        practice.add_custom_question(workspace, "Q?", "behavioural", app_id=999)
    with pytest.raises(NotFoundError):
        practice.add_custom_question(workspace, "Q?", "behavioural", interview_id=999)
    with pytest.raises(PracticeError, match="belongs to application"):
        practice.add_custom_question(workspace, "Q?", "behavioural", app_id=other_app.id, interview_id=interview_id)
    unlinked = practice.add_custom_question(workspace, "What is your favourite loaf?", "role")
    assert unlinked.source == "custom"


def test_list_questions_gives_bank_then_custom_filtered(workspace: Workspace) -> None:
    practice.add_custom_question(workspace, "Why us and not the bakery next door?", "motivation")
    practice.add_custom_question(workspace, "Tell me about a burnt batch.", "behavioural")
    motivation = practice.list_questions(workspace, category="motivation")
    assert {q.category for q in motivation} == {"motivation"}
    assert motivation[-1].text == "Why us and not the bakery next door?"
    everything = practice.list_questions(workspace)
    assert len(everything) == len(load_bank()) + 2
    for_data = practice.list_questions(workspace, role="data")
    assert all(q.suits_role("data") for q in for_data)
    with pytest.raises(PracticeError):
        practice.list_questions(workspace, category="nope")
    with pytest.raises(PracticeError):
        practice.list_questions(workspace, role="astronaut")


def test_question_details_list_attempts(workspace: Workspace) -> None:
    answer_once(workspace, BEHAVIOURAL, NO_RESULT)
    details = practice.question_details(workspace, BEHAVIOURAL.id)
    assert details.question.id == BEHAVIOURAL.id
    assert details.question.good_answer
    assert len(details.attempts) == 1
    with pytest.raises(NotFoundError):
        practice.question_details(workspace, "no-such-question")
    with pytest.raises(NotFoundError):
        practice.get_question(workspace, "custom:abc")


# -- planning ---------------------------------------------------------------------------------------


def reasons(planned: list[Any]) -> list[str]:
    return [item.reason for item in planned]


def test_plan_uses_the_most_frequent_feedback_themes(workspace: Workspace) -> None:
    add_feedback(workspace, "preparation", "technical_skills")
    add_feedback(workspace, "preparation")
    add_feedback(workspace, "competition")  # about the employer: never practised
    planned = practice.plan(workspace, count=8, seed=1)
    preparation = [p for p in planned if p.reason.startswith("Your feedback mentions preparation:")]
    assert preparation, reasons(planned)
    for item in preparation:
        q = item.question
        assert q.category == "motivation" or "company_research" in q.competencies
    assert not any("competition" in r for r in reasons(planned))


def test_plan_with_communication_feedback_brings_behavioural_questions(workspace: Workspace) -> None:
    add_feedback(workspace, "communication")
    planned = practice.plan(workspace, count=8, seed=2)
    themed = [p for p in planned if p.reason.startswith("Your feedback mentions communication:")]
    assert themed
    assert all(p.question.category == "behavioural" for p in themed)


def test_focus_comes_first_and_is_worded_as_a_choice(workspace: Workspace) -> None:
    planned = practice.plan(workspace, focus="preparation", count=8, seed=3)
    chosen = [
        r for r in reasons(planned) if r.startswith("You chose to focus on preparation: this question practises ")
    ]
    assert chosen, reasons(planned)
    with pytest.raises(PracticeError, match="unknown focus theme"):
        practice.plan(workspace, focus="charisma")
    with pytest.raises(PracticeError, match="between 1 and"):
        practice.plan(workspace, count=0)


def test_plan_uses_the_job_description_and_the_interview_questions(workspace: Workspace) -> None:
    app = make_application(
        workspace,
        company="Globex",
        role="Data Analyst",
        jd_text="You will write SQL every day and build dashboards in Tableau. Stakeholder management matters.",
    )
    practice.add_custom_question(workspace, "How would you explain a p-value to our CFO?", "role", app_id=app.id)
    other = make_application(workspace, company="Initech")
    practice.add_custom_question(workspace, "Why Initech?", "motivation", app_id=other.id)
    planned = practice.plan(workspace, app_id=app.id, count=6, seed=4)
    texts = [p.question.text for p in planned]
    assert "How would you explain a p-value to our CFO?" in texts
    assert "Asked in your real interview at Globex" in reasons(planned)
    assert "Why Initech?" not in texts  # another application's interview
    assert any(r.startswith("The job asks for") for r in reasons(planned)), reasons(planned)
    with pytest.raises(NotFoundError):
        practice.plan(workspace, app_id=999)


def test_without_an_application_unpractised_interview_questions_come_first(workspace: Workspace) -> None:
    app = make_application(workspace, company="Initech")
    question = practice.add_custom_question(workspace, "Why Initech?", "motivation", app_id=app.id)
    planned = practice.plan(workspace, count=5, seed=5)
    assert planned[1].question.id == question.id  # right after the opening question
    assert planned[1].reason == "Asked in your real interview at Initech"
    answer_once(workspace, question, "Because I like printers and I fixed forty of them last year.")
    later = practice.plan(workspace, count=5, seed=5)
    assert question.id not in [p.question.id for p in later]


def test_weak_answers_come_back_when_due(workspace: Workspace, clock: FakeClock) -> None:
    analysis, _ = answer_once(workspace, BEHAVIOURAL, "We did teamwork.")
    assert analysis["score"] < 50
    assert practice_due(workspace) == 0
    clock.advance(days=1)
    assert practice_due(workspace) == 1
    planned = practice.plan(workspace, count=4, seed=6)
    assert planned[0].question.id == BEHAVIOURAL.id
    assert planned[0].reason == f"You scored {analysis['score']} on this last time; due for another try"


def test_recently_practised_questions_are_not_planned_again(workspace: Workspace) -> None:
    planned = practice.plan(workspace, count=5, seed=7)
    session_id = practice.start_session(workspace, planned)
    for item in planned:
        practice.record_answer(workspace, session_id, item.question, COMPLETE, 90)
    again = practice.plan(workspace, count=5, seed=7)
    first_ids = {p.question.id for p in planned}
    assert first_ids.isdisjoint(p.question.id for p in again)


# -- answers ----------------------------------------------------------------------------------------


def test_record_answer_stores_and_compares_a_re_answer(workspace: Workspace, clock: FakeClock) -> None:
    first, comparison = answer_once(workspace, BEHAVIOURAL, NO_RESULT)
    assert comparison is None
    assert first["star"]["result"] is False
    assert first["follow_up"] == "And what was the result?"
    clock.advance(days=2)
    second, comparison = answer_once(workspace, BEHAVIOURAL, COMPLETE)
    assert comparison is not None
    assert comparison.score == WholeChange(first["score"], second["score"], second["score"] - first["score"])
    assert "result" in comparison.star.added
    assert comparison.verdict.startswith("Better")
    assert comparison.previous_answered_at.isoformat().startswith("2024-11-06")


def test_a_follow_up_answer_is_analysed_with_the_answer(workspace: Workspace) -> None:
    session_id = practice.start_session(workspace, [])
    preview = json_object(practice.preview_answer(workspace, session_id, BEHAVIOURAL, NO_RESULT))
    analysis, _ = _written(
        practice.record_answer(
            workspace,
            session_id,
            BEHAVIOURAL,
            NO_RESULT,
            75,
            follow_up_text="In the end every order went out on time and the client booked us for 3 more events.",
        )
    )
    assert preview["star"]["result"] is False
    assert analysis["star"]["result"] is True
    assert analysis["score"] > preview["score"]
    summary = practice.finish_session(workspace, session_id)
    assert summary.answers == 1
    assert summary.average_score == analysis["score"]
    assert summary.finished_at is not None


def test_answers_in_a_session_for_a_job_check_its_terms(workspace: Workspace) -> None:
    app = make_application(workspace, role="Data Analyst", jd_text="Strong SQL and Python. Tableau is a plus.")
    session_id = practice.start_session(workspace, [], app_id=app.id)
    analysis, _ = _written(
        practice.record_answer(
            workspace, session_id, BEHAVIOURAL, "I wrote the SQL that the whole team used for the report.", 30
        )
    )
    assert analysis["job_terms"] is not None
    assert "SQL" in analysis["job_terms"]["used"]
    assert "Python" in analysis["job_terms"]["missed"]


def test_empty_answers_and_unknown_sessions_are_refused(workspace: Workspace) -> None:
    session_id = practice.start_session(workspace, [])
    with pytest.raises(PracticeError, match="empty"):
        practice.record_answer(workspace, session_id, BEHAVIOURAL, "  \n ", 5)
    with pytest.raises(NotFoundError):
        practice.record_answer(workspace, 999, BEHAVIOURAL, "An answer.", 5)
    with pytest.raises(NotFoundError):
        practice.start_session(workspace, [], app_id=999)


def test_goal_measures_follow_the_session_and_recent_answers(workspace: Workspace) -> None:
    session_id = practice.start_session(workspace, [])
    first, _ = _written(practice.record_answer(workspace, session_id, BEHAVIOURAL, NO_RESULT, 60))
    assert practice.goal_measures(workspace, session_id)["practice.sessions"] == 1.0  # a new session
    second, _ = _written(practice.record_answer(workspace, session_id, BEHAVIOURAL, COMPLETE, 60))
    measures = practice.goal_measures(workspace, session_id)
    assert measures["answer.score"] == round((first["score"] + second["score"]) / 2, 1)
    assert measures["answer.star_result"] == 0.5
    assert measures["answer.quantified_result"] == 0.5
    assert "practice.sessions" not in measures  # counted once, on its first answer
    assert "answer.fillers_per_100" in measures


def test_practice_advances_goals(workspace: Workspace) -> None:
    from nextround.services.goals import add_goal, get_goal

    sessions_goal = add_goal(workspace, "Practise three times", measure="practice.sessions", target=3)
    result_goal = add_goal(workspace, "Always say the result", measure="answer.star_result", target=0.9)
    for _ in range(2):
        session_id = practice.start_session(workspace, [])
        practice.record_answer(workspace, session_id, BEHAVIOURAL, NO_RESULT, 60)
        practice.record_answer(workspace, session_id, BEHAVIOURAL, COMPLETE, 60)
        practice.finish_session(workspace, session_id)
    assert get_goal(workspace, sessions_goal.id).current == 2
    assert get_goal(workspace, result_goal.id).current == 0.5


# -- progress ---------------------------------------------------------------------------------------


def test_progress_changes_as_the_user_practises(workspace: Workspace, clock: FakeClock) -> None:
    empty = json_object(practice.progress(workspace))  # the JSON the API and --json write
    assert empty["sessions"] == 0 and empty["answers"] == 0 and empty["due_reviews"] == 0
    answer_once(workspace, BEHAVIOURAL, NO_RESULT)
    clock.advance(days=8)
    answer_once(workspace, BEHAVIOURAL, COMPLETE)
    report = json_object(practice.progress(workspace))
    assert report["sessions"] == 2
    assert report["answers"] == 2
    assert [w["week"] for w in report["by_week"]] == ["2024-W45", "2024-W46"]
    assert report["improvement"]["result_rate"]["improved"] is True
    assert report["streak"]["days"] == 1
    assert report["by_category"][0]["category"] == "behavioural"


# -- owners -----------------------------------------------------------------------------------------


def test_another_owner_sees_none_of_it(workspace: Workspace) -> None:
    app = make_application(workspace, company="Secret Corp")
    question = practice.add_custom_question(workspace, "Why Secret Corp?", "motivation", app_id=app.id)
    add_feedback(workspace, "preparation")
    session_id = practice.start_session(workspace, [])
    practice.record_answer(workspace, session_id, BEHAVIOURAL, NO_RESULT, 60)

    other = other_owner(workspace)
    assert [q for q in practice.list_questions(other) if q.id.startswith("custom:")] == []
    with pytest.raises(NotFoundError):
        practice.get_question(other, question.id)
    with pytest.raises(NotFoundError):
        practice.record_answer(other, session_id, BEHAVIOURAL, "Mine now.", 5)
    with pytest.raises(NotFoundError):
        practice.plan(other, app_id=app.id)
    with pytest.raises(NotFoundError):
        practice.finish_session(other, session_id)
    with pytest.raises(NotFoundError):
        practice.add_custom_question(other, "Q?", "motivation", app_id=app.id)
    assert practice.progress(other).answers == 0
    assert practice.question_details(other, BEHAVIOURAL.id).attempts == ()
    planned = practice.plan(other, count=8, seed=1)
    assert not any("feedback" in item.reason for item in planned)
    assert question.id not in [p.question.id for p in planned]
    # And the other owner's first answer to the same question is a first attempt.
    other_session = practice.start_session(other, [])
    _, comparison = practice.record_answer(other, other_session, BEHAVIOURAL, COMPLETE, 60)
    assert comparison is None


# -- the history page's figures ---------------------------------------------------------------------


def _stored(ws: Workspace, session_id: int | None, score: int, analysis: dict[str, Any], **kwargs: Any) -> int:
    from nextround.storage.practice import PracticeAnswerRepository

    with ws.db.write() as session:
        return PracticeAnswerRepository(session, ws.owner_id).add(
            session_id=session_id,
            question_key=BEHAVIOURAL.id,
            question_text=BEHAVIOURAL.text,
            category=kwargs.pop("category", "behavioural"),
            competencies=kwargs.pop("competencies", ("teamwork",)),
            answer=f"answer scored {score}",
            score=score,
            analysis=analysis,
            duration_seconds=60,
            answered_at=ws.now(),
            **kwargs,
        )


def test_history_figures_are_the_stored_analyses_aggregated(workspace: Workspace, clock: FakeClock) -> None:
    # Figures worked out by hand from the analyses below: the page reads these fields in SQL, element by
    # element, so a wrong path or a wrong cast on either engine shows here as a wrong figure.
    from nextround.services.practice_history import practice_history
    from nextround.storage.practice import SpokenMeasures

    star = dict.fromkeys(("situation", "task", "action", "result"), True)
    first = practice.start_session(workspace, [])
    spoken = SpokenMeasures(
        spoken_seconds=50.0, words_per_minute=132.0, long_pauses=2, longest_pause_seconds=3.5, fillers_per_100=4.0
    )
    complete = {"question_type": "behavioural", "star": star, "quantified_result": True,
                "fillers": {"per_100_words": 2.0, "found": {"um": 1}}, "relevance": 0.4, "ownership": 0.8}  # fmt: skip
    _stored(workspace, first, 80, complete, spoken=spoken)
    partial = {"question_type": "behavioural", "star": {**star, "task": False, "result": False},
               "quantified_result": False, "fillers": {"per_100_words": 4.0}, "relevance": 0.8, "ownership": None,
               "follow_up_answer": "It shipped a week <early>."}  # fmt: skip
    _stored(workspace, first, 40, partial)
    clock.advance(days=1)
    second = practice.start_session(workspace, [])
    technical = {"question_type": "technical", "star": star, "quantified_result": True,
                 "fillers": {"per_100_words": 0.0}, "relevance": 0.8, "ownership": 0.4}  # fmt: skip
    _stored(workspace, second, 60, technical, category="technical", competencies=("technical_depth", "teamwork"))
    clock.advance(days=1)
    _stored(workspace, None, 30, {}, category="motivation", competencies=())  # an old analysis: no fields at all

    history = practice_history(workspace, limit=2)
    report = history.progress
    assert (report.sessions, report.answers, report.average_score) == (2, 4, 52.5)
    assert dict(report.measures) == {
        "average_score": 52.5,
        "star_complete": 0.5,  # of the two behavioural answers, one has all four parts
        "result_rate": 0.5,
        "quantified_rate": 0.5,  # the technical answer's result is not counted: not a STAR question
        "fillers_per_100": 1.5,  # (2 + 4 + 0 + 0) / 4
        "relevance": 0.5,  # (0.4 + 0.8 + 0.8 + 0) / 4
        "ownership": 0.6,  # (0.8 + 0.4) / 2: answers without a share are left out
    }
    assert [(c.category, c.answers, c.average_score) for c in report.by_category] == [
        ("behavioural", 2, 60.0),
        ("motivation", 1, 30.0),
        ("technical", 1, 60.0),
    ]
    assert [(c.competency, c.answers, c.average_score) for c in report.weakest_competencies] == [("teamwork", 3, 60.0)]
    assert [(p.words_per_minute, p.fillers_per_100, p.long_pauses) for p in report.spoken] == [(132.0, 4.0, 2)]
    assert [score for _day, score in history.series] == [80, 40, 60, 30]
    assert report.streak.days == 3
    # The latest two sessions, newest first (answers without a session are one), each with its texts.
    assert [(s.session_id, s.average_score) for s in history.sessions] == [(None, 30.0), (second, 60.0)]
    everything = practice_history(workspace).sessions
    assert [(s.session_id, s.average_score) for s in everything] == [(None, 30.0), (second, 60.0), (first, 60.0)]
    listed = everything[-1].answers
    assert [(a.score, a.answer, a.words_per_minute) for a in listed] == [
        (80, "answer scored 80", 132.0),
        (40, "answer scored 40", None),
    ]
    assert [a.follow_up_answer for a in listed] == [None, "It shipped a week <early>."]
    assert listed[0].question == BEHAVIOURAL.text and listed[0].duration_seconds == 60


def test_progress_matches_the_whole_analyses_decoded(workspace: Workspace, clock: FakeClock) -> None:
    # The fields read in SQL give the same records as the analyser's whole output decoded in Python.
    from nextround.domain.progress import AnswerRecord, compute_progress
    from nextround.storage.practice import PracticeAnswerRepository

    motivation = next(q for q in load_bank() if q.category == "motivation")
    answer_once(workspace, BEHAVIOURAL, NO_RESULT)
    answer_once(workspace, BEHAVIOURAL, COMPLETE, follow_up_text="We were um, like, 3 days early.")
    clock.advance(days=3)
    answer_once(workspace, motivation, "I want to build tools that people use daily; we cut support tickets 40%.")
    with workspace.db.read() as session:
        whole = PracticeAnswerRepository(session, workspace.owner_id).all()
    records = [
        AnswerRecord.from_analysis(
            session_id=a.session_id,
            question_key=a.question_key,
            category=a.category,
            competencies=a.competencies,
            score=a.score,
            answered_at=a.answered_at.astimezone(workspace.now().tzinfo),
            analysis=a.analysis,
        )
        for a in whole
    ]
    assert len({r.question_type for r in records}) == 2 and len({r.star for r in records}) >= 2
    expected = compute_progress(records, workspace.now().date())
    report = json_object(practice.progress(workspace))
    for key in ("sessions", "answers", "average_score", "measures", "recent", "by_category", "improvement"):
        assert report[key] == expected[key], key
    assert [{k: w[k] for k in ("week", "answers", *expected["measures"])} for w in report["by_week"]] == [
        {k: w[k] for k in ("week", "answers", *expected["measures"])} for w in expected["by_week"]
    ]
