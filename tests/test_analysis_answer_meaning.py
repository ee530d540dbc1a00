"""Answers read by meaning: relevance in other words, outcomes versus further steps, advice in concepts."""

from __future__ import annotations

import re

import pytest

from nextround.analysis.answer import analyze_answer, classify_question, score_plans
from nextround.analysis.answer.relevance import measure_relevance
from nextround.analysis.answer.score_plans import asks_plan_only
from nextround.analysis.answer.scoring import result_expected
from nextround.analysis.text import split_sentences

TEAM_Q = "Tell me about a project that only succeeded because the whole team pulled together. What was your part in it?"
BELIEF_Q = "What is something you believed about your field a few years ago that you no longer believe?"
DEADLINE_Q = "Tell me about a time you had to meet a very tight deadline."

# On topic, in other words than the question: no "team", "pulled" or "together" in it.
TEAM_ANSWER = (
    "Last spring our bakery won a wedding order for six hundred pastries, due in two days, far more than any "
    "one of us could make. The five of us agreed who would do what: two on dough, two on fillings, and I "
    "planned the ovens and covered whoever fell behind. We helped each other through two night shifts and "
    "checked every tray before it left. The order went out on time, and the couple's family has booked us "
    "for three more events."
)
BELIEF_ANSWER = (
    "When I started teaching I thought covering the syllabus fast was what mattered most. Then a Year 11 class "
    "that had covered everything still could not answer exam questions. I began every lesson with ten minutes "
    "of recall from earlier topics, and their grades rose by almost a grade. Now I think going slower and "
    "revisiting is what makes learning stick."
)
OFF_TOPIC = (
    "I really enjoy working with people and I am friendly. My colleagues say I am easy to get on with. "
    "In my free time I like hiking and cooking for friends."
)
GENERIC_WORDS = ("believed", "field", "whole", "pulled", "together", "time", "tell", "about", "part")

NO_OUTCOME = (
    "At my last school the Year 8 PE lessons kept running over because the changing rooms were shared. "
    "Pupils were missing the start of their next lesson, so I was asked to sort it out. "
    "I timed the changeovers for two weeks and drew up a new rota for the changing rooms. "
    "I suggested a meeting with the PE lead to talk about the timetable."
)
WITH_OUTCOME = (
    NO_OUTCOME + " The new rota started the next half term, and lessons now finish on time: late arrivals to "
    "the next lesson fell from about twelve a week to two."
)
QUESTION_PE = "Tell me about a time you fixed a problem that affected other people's work."


def quoted_words(suggestions: tuple[str, ...]) -> set[str]:
    return {match.lower() for text in suggestions for match in re.findall(r'"([^"\s]+)"', text)}


def test_an_on_topic_answer_in_other_words_scores_high() -> None:
    for question, answer in ((TEAM_Q, TEAM_ANSWER), (BELIEF_Q, BELIEF_ANSWER)):
        assert analyze_answer(question, answer).relevance >= 0.6, question


def test_an_off_topic_answer_scores_low_and_is_told_the_topic_as_a_concept() -> None:
    result = analyze_answer(DEADLINE_Q, OFF_TOPIC)
    assert result.relevance < 0.4
    advice = [text for text in result.suggestions if text.startswith("Answer the question asked")]
    # DEADLINE_Q is the user's own, far from the bank: named in its own words (test_analysis_answer_own_topic.py)
    assert advice and "a very tight deadline" in advice[0]
    # said plainly and first, with what the question asks for
    assert result.suggestions[0] == advice[0]
    assert "this answer does not address it" in advice[0]
    assert "The question asks for one real example of" in advice[0] and "what you did" in advice[0]


def test_the_own_question_fits_better_than_an_unrelated_one() -> None:
    for question, answer in ((TEAM_Q, TEAM_ANSWER), (BELIEF_Q, BELIEF_ANSWER)):
        own = measure_relevance(question, split_sentences(answer))
        other = measure_relevance(DEADLINE_Q, split_sentences(answer))
        assert own is not None and other is not None
        assert own.score > other.score


def test_suggestions_never_ask_for_generic_words_of_the_question() -> None:
    for question in (TEAM_Q, BELIEF_Q):
        for answer in (TEAM_ANSWER, BELIEF_ANSWER, OFF_TOPIC, "I worked hard."):
            suggestions = analyze_answer(question, answer).suggestions
            assert not quoted_words(suggestions) & set(GENERIC_WORDS), suggestions
            assert not any(f'"{word}"' in text for text in suggestions for word in GENERIC_WORDS)


def test_a_further_step_is_not_a_result() -> None:
    result = analyze_answer(QUESTION_PE, NO_OUTCOME)
    last = len(result.sentences) - 1
    assert "suggested a meeting" in result.sentences[last]
    assert last not in result.star_sentences.result
    assert last in result.star_sentences.action
    assert not result.star["result"]
    assert any("Say what came of it" in text for text in result.suggestions)


def test_an_answer_without_an_outcome_scores_clearly_below_a_complete_one() -> None:
    without = analyze_answer(QUESTION_PE, NO_OUTCOME)
    complete = analyze_answer(QUESTION_PE, WITH_OUTCOME)
    assert complete.star["result"] and complete.quantified_result
    assert complete.score - without.score >= 15
    assert without.points_for("result") == 0


def test_the_relevance_reason_names_the_topic() -> None:
    why = next(
        item.why for item in analyze_answer(DEADLINE_Q, TEAM_ANSWER).score_breakdown if item.measure == "relevance"
    )
    assert "deadline" in why


STORY_START = (
    "At the depot our delivery drivers kept arriving at the loading bay at the same time every morning. "
    "Vans were queueing for forty minutes, and the first drops were going out late. "
    "I logged the arrival times for three weeks and worked out a staggered schedule."
)


# A last sentence and whether it is an outcome: proposals and next steps are actions, never results; a
# problem that stopped is a result.
LAST_SENTENCES = [
    ("I proposed that we review it at the next team meeting.", False),
    ("I recommended that the managers look at all the other depots too.", False),
    ("I said I would raise it with the operations manager.", False),
    ("I emailed the schedule to my supervisor and asked for her thoughts.", False),
    ("The new schedule started in March, and there has not been a queue at the bay since.", True),
    ("Since the change we haven't had a single late first drop.", True),
    ("The queue never came back, and the drivers no longer wait at all.", True),
]


@pytest.mark.parametrize(("last_sentence", "is_outcome"), LAST_SENTENCES)
def test_a_result_is_an_outcome_not_a_further_step(last_sentence: str, is_outcome: bool) -> None:
    result = analyze_answer(QUESTION_PE, f"{STORY_START} {last_sentence}")
    assert ((len(result.sentences) - 1) in result.star_sentences.result) is is_outcome, last_sentence
    assert (result.points_for("result") > 0) is is_outcome


PRESSURE_Q = "How do you handle pressure at work?"
OVEN = "I led the night shift when our oven failed, um, and we still delivered every order by six"


def test_a_short_on_topic_answer_in_its_own_words_is_heard() -> None:
    # No word of the question in it: the competency's anchors carry it (it scored 0.03 before them).
    sentences = split_sentences(OVEN)
    own = measure_relevance(PRESSURE_Q, sentences)
    assert own is not None
    assert own.concept == "coping with pressure and setbacks"
    assert own.score >= 0.4
    for other in (BELIEF_Q, "What do you know about what we do and who our customers are?"):
        found = measure_relevance(other, sentences)
        assert found is not None and found.score < own.score - 0.2, other


def test_every_competency_has_anchors_and_every_bank_question_an_offset() -> None:
    import tomllib
    from importlib.resources import files

    from nextround.analysis.answer.lexicon import competencies
    from nextround.analysis.answer.relevance_model import relevance_model

    for competency in competencies():
        assert len(competency.anchors) >= 4, competency.name
    bank = tomllib.loads(files("nextround.data").joinpath("questions.toml").read_text(encoding="utf-8"))
    model = relevance_model()
    assert model is not None
    # A new bank question needs scripts/train_relevance.py run again.
    assert {entry["id"] for entry in bank["question"]} == set(model.offsets)


def test_a_short_story_fits_a_pressure_question_better_than_a_friendly_off_topic_reply() -> None:
    # Until session 7 the hand-weighted sum read the friendly reply as more on topic ("working", "time"):
    # 0.51 against the oven story's 0.48. How much is on topic is now read by the learned weights.
    oven = measure_relevance("Tell me about a time you worked under pressure.", split_sentences(OVEN))
    friendly = measure_relevance("Tell me about a time you worked under pressure.", split_sentences(OFF_TOPIC))
    assert oven is not None and friendly is not None
    assert oven.score > friendly.score + 0.05


# A way of working and a story, each stopping at a next step ("we are meeting about it on Monday").
ROLLOUT_Q = "How do you roll out a change to a process that people are used to?"
ROLLOUT_NO_OUTCOME = (
    "At the laundry in Shah Alam my manager asked me to change how we sort hotel and hospital linen. "
    "I drew a new floor plan with coloured tape and walked each shift through it at the morning briefing, in Malay "
    "and English. Next month I am planning to check every line at the start of each shift."
)
ROLLOUT_COMPLETE = (
    ROLLOUT_NO_OUTCOME + " Within three weeks nobody was mixing the two loads, and the hospital's rejected batches "
    "fell from six a month to none."
)
ANALYSIS_Q = "Tell me about an analysis you did that changed a decision. What was the question, and what did you find?"
ANALYSIS_NO_OUTCOME = (
    "At the bakery on Queen Street the owner wanted to know which loaves to stop making. "
    "I went through three months of till data loaf by loaf, and I matched it against the flour and labour each loaf "
    "cost us. I put it all in a sheet for the owner, and we are meeting about it on Monday."
)
ANALYSIS_PLAIN_COMPLETE = (
    "At the bakery the owner wanted to know which loaves to stop making. I looked at the till data for a few months. "
    "We stopped the slow ones and it went well."
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (ROLLOUT_Q, True),  # a way of working is judged by what it achieves
        ("Walk me through how you would work out why a key metric dropped overnight.", True),
        ("Describe how you replan a route or schedule when conditions change during the day.", True),
        (QUESTION_PE, True),
        ("Imagine you spot an error in a report that has already gone to a client. What would you do next?", True),
        ("Walk me through your sales process from first contact to signed deal, using a real deal.", True),
        ("What does good service mean to you?", False),  # a view, not a way of working
        ("Walk me through how the three main financial statements connect to each other.", False),  # knowledge
        ("Why do you want to work here?", False),
        ("Where do you see yourself in five years?", False),
        ("Tell me about yourself.", False),
    ],
)
def test_what_the_question_asks_decides_whether_a_result_is_expected(question: str, expected: bool) -> None:
    assert result_expected(question, classify_question(question)) is expected


def test_a_way_of_working_that_stops_at_a_next_step_scores_clearly_below_one_that_says_what_it_achieved() -> None:
    without = analyze_answer(ROLLOUT_Q, ROLLOUT_NO_OUTCOME)
    complete = analyze_answer(ROLLOUT_Q, ROLLOUT_COMPLETE)
    assert without.question_type == complete.question_type == "general"
    assert not without.star["result"] and complete.star["result"]
    assert without.points_for("result") == 0 and complete.points_for("result") == 15
    assert complete.score - without.score >= 20
    assert any(text.startswith("Say what your way of working achieves") for text in without.suggestions)


def test_a_fuller_story_that_stops_at_a_next_step_scores_below_a_plainer_complete_one() -> None:
    without = analyze_answer(ANALYSIS_Q, ANALYSIS_NO_OUTCOME)
    plain = analyze_answer(ANALYSIS_Q, ANALYSIS_PLAIN_COMPLETE)
    assert not without.star["result"] and plain.star["result"]
    assert without.word_count > plain.word_count
    assert plain.score > without.score  # level with it or above before session 9 (63 against 52)
    halved = [item for item in without.score_breakdown if "never says what came of it" in item.why]
    assert {item.measure for item in halved} >= {"situation", "action", "detail"}


RESULT_ADVICE = (
    "Say what came of it",
    "Say what you would expect",
    "End with the result",
    "Say what your way of working",
)


@pytest.mark.parametrize(
    ("question", "answer"),
    [(QUESTION_PE, NO_OUTCOME), (ROLLOUT_Q, ROLLOUT_NO_OUTCOME), (ANALYSIS_Q, ANALYSIS_NO_OUTCOME)],
)
def test_an_answer_without_its_outcome_is_told_so_first(question: str, answer: str) -> None:
    # Session 14: the missing result leads the advice, whatever else lost points (off-topic advice aside).
    result = analyze_answer(question, answer)
    assert not result.star["result"]
    assert result.suggestions[0].startswith(RESULT_ADVICE), result.suggestions


def test_an_answer_without_its_outcome_keeps_under_a_third_of_its_scene_and_steps() -> None:
    without = analyze_answer(QUESTION_PE, NO_OUTCOME)
    complete = analyze_answer(QUESTION_PE, WITH_OUTCOME)
    for measure in ("situation", "action", "detail"):
        kept, full = without.points_for(measure), complete.points_for(measure)
        assert kept is not None and full is not None and full > 0
        assert kept <= round(full / 3), measure


def test_a_complete_answer_keeps_every_point_of_its_scene_and_steps() -> None:
    for question, answer in ((QUESTION_PE, WITH_OUTCOME), (ROLLOUT_Q, ROLLOUT_COMPLETE), (TEAM_Q, TEAM_ANSWER)):
        result = analyze_answer(question, answer)
        assert result.star["result"]
        assert not any("never says what came of it" in item.why for item in result.score_breakdown)


def test_an_answer_to_a_question_that_asks_for_no_result_loses_nothing_for_its_absence() -> None:
    answer = "Good service means the customer leaves with what they came for and wants to come back."
    result = analyze_answer("What does good service mean to you?", answer)
    assert result.points_for("result") is None
    assert not any("never says what came of it" in item.why for item in result.score_breakdown)


# A general question answered two ways: three lines with one number and one step, and an answer that names the
# example, the speaker's own steps and what came of them. The fuller answer must score clearly higher.
HANDOVER_Q = "What makes a good shift handover?"
HANDOVER_THIN = (
    "A good handover is short and clear. We usually do it in about ten minutes at the desk. Last winter I moved "
    "ours to the start of the shift."
)
HANDOVER_FULL = (
    "A good handover says what changed, what is still open and who owns it. On the cold store nights in Hull I "
    "took over from a lead who talked for twenty minutes and still missed a freezer alarm. I wrote a one-page "
    "sheet with three boxes, changed, open and owner, and I asked every lead to fill it in before the bell. I "
    "walked the floor with the incoming lead for the open items. Within a month the handover took eight "
    "minutes, and we stopped losing stock to alarms nobody had passed on."
)


def test_specificity_asks_for_more_than_one_number_and_one_step() -> None:
    thin = analyze_answer(HANDOVER_Q, HANDOVER_THIN)
    full = analyze_answer(HANDOVER_Q, HANDOVER_FULL)
    assert thin.question_type == full.question_type == "general"
    thin_points, full_points = thin.points_for("specificity"), full.points_for("specificity")
    assert thin_points is not None and full_points is not None
    assert full_points > thin_points  # two concrete sentences (a number, a step) are not yet full marks
    assert full.score - thin.score >= 10


# A question for the interviewer put with a short story of the candidate's own (about 100 words) is not too long.
ASK_Q = "What is the biggest challenge the team is facing right now?"
ASK_ANSWER = (
    "I ask because on the dairy plant in Taranaki the biggest challenge was staffing the night cleaning crew. "
    "When I ran that crew we lost three people in a month, and the morning start kept slipping. I rebuilt the "
    "rota so nobody worked more than three nights in a row and paired each new starter with an old hand for "
    "the first week. We kept everyone through the next season and the line started on time every morning. So "
    "I would like to know where your pressure is, and whether the person in this role could help with it."
)


def test_a_question_for_the_interviewer_with_its_reason_keeps_its_length_points() -> None:
    result = analyze_answer(ASK_Q, ASK_ANSWER)
    assert result.question_type == "questions_for_interviewer"
    assert 80 < result.word_count <= 150
    assert result.length.verdict == "ok"
    length = next(item for item in result.score_breakdown if item.measure == "length")
    assert length.why.startswith(f"{result.word_count} words is within")


MANAGER_Q = "What does a good manager look like to you?"
MANAGER_ANSWER = (
    "A good manager plans the week with the crew and then trusts them to get on with it. On the ferry deck in Oban "
    "our mate talked us through every crossing before we sailed. Knowing the plan, I rigged the ramps and chained "
    "the lorries on every shift before anyone asked, and the turnaround came down by ten minutes."
)


def test_a_step_of_ones_own_at_work_shows_the_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    # Since session 22 this question (no "why us") is scored without fit; the measure is checked with fit kept.
    assert "fit" not in {item.measure for item in analyze_answer(MANAGER_Q, MANAGER_ANSWER).score_breakdown}
    monkeypatch.setattr(score_plans, "FIT_ONLY_WHEN_ASKED", False)
    result = analyze_answer(MANAGER_Q, MANAGER_ANSWER)
    assert result.question_type == "motivation"
    assert result.points_for("fit") == 15
    why = next(item.why for item in result.score_breakdown if item.measure == "fit")
    assert why.startswith("Sentence 3 ")


STRENGTH_Q = "What are your main strengths?"
STRENGTH_ANSWER = (
    "The store manager would praise how I keep the stockroom: nothing runs out because I count the fast lines every "
    "Friday. Since the spring I also hand the Friday count to one of the Saturday staff each week, and it is still "
    "done by four."
)


def test_a_trait_named_through_what_others_would_praise_counts_as_named() -> None:
    result = analyze_answer(STRENGTH_Q, STRENGTH_ANSWER)
    assert result.question_type == "strengths_weaknesses"
    assert result.points_for("named") == 12


def test_whose_steps_they_were_counts_at_under_a_third_without_an_outcome() -> None:
    # Session 17: a story that stops before its outcome earned all of ownership, and relevance and ownership made about
    # 70% of its score; whose steps they were now counts as the steps do.
    without = analyze_answer(QUESTION_PE, NO_OUTCOME)
    complete = analyze_answer(QUESTION_PE, WITH_OUTCOME)
    kept, full = without.points_for("ownership"), complete.points_for("ownership")
    assert kept is not None and full is not None and full > 0
    assert kept <= round(full / 3)
    assert complete.score - without.score >= 20


PLAN_Q = "What would you do if a customer's order arrived damaged on the day of their event?"
# Session 18: the plan's fallback ("If we had nothing, I would offer a replacement …") no longer closes it: told last,
# the model retrained on 29 writers reads it as the outcome the plan aims at (R 0.53), as the writers label 50 of the
# 115 plan steps that close an answer (36 `A`); this test is about a plan that names no aim.
PLAN_WITHOUT_AIM = (
    "I would call the customer straight away and tell them what happened before they find out. "
    "If we had nothing in stock, I would offer a replacement from our closest range. "
    "Then I would check the stock room and the other branch for the same item."
)


def test_a_plan_that_never_names_its_aim_loses_the_result_but_keeps_its_steps() -> None:
    # Session 17: the plan is the answer to "what would you do"; only the result's points go when it names no aim.
    result = analyze_answer(PLAN_Q, PLAN_WITHOUT_AIM)
    assert result.question_type == "situational"
    assert not result.star["result"] and result.points_for("result") == 0
    assert result.points_for("action") == 20
    assert not any("never says what came of it" in item.why for item in result.score_breakdown)


PLAN_TOLD_AS_EPISODE = (
    "Last spring a customer's cake stand arrived cracked on the morning of her wedding. "
    "I rang her straight away and told her what had happened. "
    "Then I checked the stock room and called the other branch for the same stand."
)


def test_a_story_told_to_a_what_would_you_do_question_is_no_plan_when_it_stops_before_its_outcome() -> None:
    # Session 18: a situational answer that tells what the speaker did escaped the story's factor as if it were a plan
    # (test16: four such answers with no outcome scored as plans, 36.5 -> 52.0); only a plan keeps its steps.
    story = analyze_answer(PLAN_Q, PLAN_TOLD_AS_EPISODE)
    plan = analyze_answer(PLAN_Q, PLAN_WITHOUT_AIM)
    assert story.question_type == "situational" and not story.star["result"]
    assert any("never says what came of it" in item.why for item in story.score_breakdown)
    kept = story.points_for("action")
    assert kept is not None and kept <= round(20 / 3)
    assert plan.points_for("action") == 20


@pytest.mark.parametrize(
    ("question", "plan_only"),
    [
        ("How would you reduce picking errors in a warehouse?", True),
        ("What would you do if a table left without paying?", True),
        ("Tell me about a deal you lost. What would you do differently?", False),
        ("Out of ten, how would you rate yourself at the core skill for this role?", False),
    ],
)
def test_only_a_question_that_asks_for_a_plan_alone_spares_a_plan(question: str, plan_only: bool) -> None:
    # Session 18: a question that asks for a story or a rating too has its episode as what was asked.
    assert asks_plan_only(question) is plan_only
