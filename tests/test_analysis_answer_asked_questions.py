"""An answer that asks the interviewer its questions is scored on what it asks, not on STAR steps (session 21,
asked_questions and asked_measures)."""

from __future__ import annotations

from nextround.analysis.answer import analyze_answer
from nextround.analysis.answer.asked_measures import QUESTIONS_PLAN
from nextround.analysis.answer.asked_questions import is_asking_question, read_asks
from nextround.analysis.answer.star import analyse_sentences
from nextround.analysis.text import split_sentences

INVITATION = "Do you have any questions for us?"
NEXT_STEPS = "What are the next steps in the process, and when can I expect to hear back?"  # the bank's ask-10
ENJOY = "What do you enjoy most about working here, and what would you change if you could?"  # ask-08, "would you"

THOUGHTFUL = (
    "Thanks, that's been really useful. Could I ask what happens from here, is there a second stage, and roughly "
    "when you're hoping to decide? I'm also in process with one other firm, and I'd rather not have to answer them "
    "before I hear from you."
)
ECHO = "What are the next steps, sir? And when will I get the result?"
PAY_FIRST = "Yeah, just one thing, how many days holiday is it? And do you get paid extra for bank holidays?"
STORY_BESIDE = (
    "Could you tell me what the biggest challenge is for the team right now? I ask because in my last kitchen in "
    "Manchester we lost three chefs in one spring, so I spent my first months covering sections I hadn't trained on. "
    "If it is staffing, or the new menu launch, I'd like to know so I can think about where I'd help first."
)
AS_IF_PUT_TO_ME = (
    "At the tea factory near Kericho, our team of six gets far more job cards than we can finish. Every Monday I "
    "bring the cards to the engineer and we rank them by risk. Breakdowns on the dryer fell by half that year."
)


def _measures(question: str, answer: str) -> dict[str, int]:
    return {item.measure: item.points for item in analyze_answer(question, answer).score_breakdown}


def _asks(question: str, answer: str) -> list[int]:
    analysed = list(analyse_sentences(tuple(split_sentences(answer)), "general", question))
    return [ask.index for ask in read_asks(analysed).asks]


def test_the_bank_kind_and_an_invitation_are_asking_questions() -> None:
    assert is_asking_question(INVITATION)
    assert is_asking_question(NEXT_STEPS)
    assert is_asking_question(ENJOY)
    assert is_asking_question("Is there anything you'd like to ask us about the job?")
    assert not is_asking_question("Tell me about a time you asked for help.")
    assert is_asking_question("Okay, any other questions?")
    assert not is_asking_question("Do you ask any questions before you start a job?")  # a way of working


def test_an_answer_that_asks_is_scored_on_its_questions_not_on_star_steps() -> None:
    for question in (NEXT_STEPS, ENJOY, INVITATION):
        result = analyze_answer(question, THOUGHTFUL)
        assert result.question_type == "questions_for_interviewer"
        assert [item.measure for item in result.score_breakdown] == [
            measure for measure, _ in QUESTIONS_PLAN if measure != "job_terms"
        ]
        assert result.follow_up is None  # no "What exactly would you do first?" after a set of questions


def test_a_thoughtful_set_of_questions_scores_well_above_a_bare_echo_and_pay_first() -> None:
    thoughtful = analyze_answer(NEXT_STEPS, THOUGHTFUL).score
    echo = analyze_answer(NEXT_STEPS, ECHO).score
    pay = analyze_answer(NEXT_STEPS, PAY_FIRST).score
    assert thoughtful >= 60  # session 20 scored it 38: its only "step" was the question itself
    assert thoughtful - echo >= 20
    assert echo - pay >= 20


def test_a_reason_from_ones_own_work_counts_most() -> None:
    with_story = _measures(NEXT_STEPS, STORY_BESIDE)
    bare = _measures(NEXT_STEPS, ECHO)
    assert with_story["why_asked"] >= 15
    assert bare["why_asked"] == 0
    assert with_story["question_detail"] > bare["question_detail"]


def test_pay_and_holidays_first_lose_the_question_points_and_get_advice_to_lead_with_the_work() -> None:
    result = analyze_answer(INVITATION, PAY_FIRST)
    assert result.points_for("questions_asked") == 0
    assert any(text.startswith("Lead with a question about the work") for text in result.suggestions)
    later = analyze_answer(INVITATION, "Who would I report to day to day? And how many days holiday is it?")
    first = analyze_answer(INVITATION, "How many days holiday is it? And who would I report to day to day?")
    points_later, points_first = later.points_for("questions_asked"), first.points_for("questions_asked")
    assert points_later is not None and points_first is not None
    assert points_later > points_first > 0  # conditions asked after the work are fair, before it a poor opener
    assert not any(text.startswith("Lead with a question about the work") for text in later.suggestions)


def test_an_invitation_answered_with_no_question_is_told_to_ask() -> None:
    result = analyze_answer(INVITATION, "No, I think you covered everything, thanks.")
    assert result.points_for("questions_asked") == 0
    assert result.score < 20
    assert result.suggestions[0].startswith("Ask two or three questions of your own")


def test_a_bank_question_answered_as_if_put_to_the_speaker_keeps_its_plan() -> None:
    result = analyze_answer("How does the team decide what to work on, and who has the final say?", AS_IF_PUT_TO_ME)
    assert result.points_for("questions_asked") is None
    assert result.points_for("specificity") is not None


def test_what_is_and_is_not_a_question_put_to_the_interviewer() -> None:
    assert _asks(NEXT_STEPS, THOUGHTFUL) == [1]
    assert _asks(NEXT_STEPS, "I think usually the boss decides, right? Um, probably hard work?") == []
    plan = "In the first month I'd ask the care staff which times of day are calmest."
    assert _asks(NEXT_STEPS, plan) == []
    assert _asks(NEXT_STEPS, "So I'd like to know if there are KPIs here and how often we'd review them.") == [0]
