"""The STAR decision rules of session 18 (the test16 error analysis, levers 2 and 3; the test17 one, lever 1): an
evaluative closer is not the outcome, and neither a line of perceiving or waiting nor a claim about oneself in a short
reply is made a step by its grammar."""

from __future__ import annotations

import pytest

from nextround.analysis.answer.lexicon import framing_cues
from nextround.analysis.answer.star import analyse_sentences
from nextround.analysis.answer.star_model import _only_perceiving, decide

STORY_Q = "Tell me about a time you dealt with a difficult situation at work."


@pytest.mark.parametrize(
    ("sentence", "closer"),
    [
        ("It was a hard morning, you know, for everybody.", True),
        ("It was my first time meeting a minister, honestly.", True),
        ("Honestly it was quite stressful.", True),
        ("It was a tough night but we got through it.", False),
        ("It was fixed by the end of the day.", False),
        ("Complaints fell by half within a month.", False),
    ],
)
def test_an_evaluative_closer_is_told_apart_from_an_outcome(sentence: str, closer: bool) -> None:
    assert bool(framing_cues()["evaluative_closer"].search(sentence.lower())) is closer


@pytest.mark.parametrize(
    ("closer", "outcome"),
    [
        ("It was a hard morning, you know, for everybody.", False),
        ("It was my first time meeting a minister, honestly.", False),
        ("It was a tough night but we got through it.", True),
    ],
)
def test_a_closer_the_model_reads_as_the_outcome_is_not_the_result(closer: str, outcome: bool) -> None:
    sentences = ["A patient fell on the ward just before handover.", "I called the doctor and stayed with her.", closer]
    probabilities = [[0.9, 0.1, 0.1, 0.1], [0.1, 0.1, 0.9, 0.1], [0.1, 0.1, 0.1, 0.8]]
    analysed = analyse_sentences(sentences, "behavioural", STORY_Q)
    decided = decide(probabilities, [0.45, 0.65, 0.65, 0.45], analysed)
    assert decided[2][3] is outcome
    assert decided[1][2] is True


@pytest.mark.parametrize(
    ("sentence", "perceiving"),
    [
        ("When I rode along for a day, I saw that drivers were pushed to skip their breaks.", True),
        ("Last month I waited forty minutes for a bag of compost.", True),
        ("I saw the leak, so I turned off the water at the main.", False),
        ("I rang the depot and moved the delivery.", False),
    ],
)
def test_a_line_of_perceiving_or_waiting_is_not_made_a_step_by_its_grammar(sentence: str, perceiving: bool) -> None:
    sentences = ["Our depot ran late every Friday.", sentence, "Since then the vans leave on time."]
    analysed = analyse_sentences(sentences, "behavioural", STORY_Q)
    assert _only_perceiving(analysed[1]) is perceiving
    # the model reads it as under half a step: only the grammar of a step would make it one
    probabilities = [[0.9, 0.1, 0.1, 0.1], [0.3, 0.1, 0.35, 0.1], [0.1, 0.1, 0.1, 0.9]]
    decided = decide(probabilities, [0.45, 0.65, 0.65, 0.45], analysed)
    assert decided[1][2] is not perceiving


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Yes, I coached loads of new starters.", True),
        ("I've done my forklift licence and my manual handling course.", True),
        ("Yeah, I reckon I've handled plenty of complaints.", True),
        ("I think the form should have fewer boxes.", True),
        ("I think I'll get the hang of the till quickly.", False),  # a forecast: the plan to improve
        ("I rang the supplier and moved the delivery to Monday.", False),
        ("I've started keeping a log of every late van.", False),
    ],
)
def test_a_claim_about_oneself_is_told_apart_from_a_step(sentence: str, claim: bool) -> None:
    assert bool(framing_cues()["claim"].search(sentence.lower())) is claim


@pytest.mark.parametrize(
    ("sentence", "step"),
    [
        ("Yes, I coached loads of new starters.", False),
        ("I've done my forklift licence and my manual handling course.", False),
        ("I rang the supplier and moved the delivery to Monday.", True),
    ],
)
def test_a_claim_in_a_short_reply_is_not_made_a_step_by_its_grammar(sentence: str, step: bool) -> None:
    # the model reads it as under a step, over STEP_SHARE of the threshold: only the grammar would make it one
    analysed = analyse_sentences([sentence, "Safety matters a lot to me."], "behavioural", STORY_Q)
    probabilities = [[0.1, 0.1, 0.4, 0.1], [0.1, 0.1, 0.1, 0.1]]
    assert decide(probabilities, [0.45, 0.65, 0.65, 0.45], analysed)[0][2] is step


def test_a_claim_in_a_full_story_keeps_the_grammar_of_a_step() -> None:
    sentences = [
        "Our depot ran late every Friday.",
        "Yes, I coached loads of new starters that spring.",
        "I rang the supplier and moved the delivery to Monday.",
        "Since then the vans leave on time.",
    ]
    analysed = analyse_sentences(sentences, "behavioural", STORY_Q)
    probabilities = [[0.9, 0.1, 0.1, 0.1], [0.1, 0.1, 0.4, 0.1], [0.1, 0.1, 0.9, 0.1], [0.1, 0.1, 0.1, 0.9]]
    assert decide(probabilities, [0.45, 0.65, 0.65, 0.45], analysed)[1][2] is True
