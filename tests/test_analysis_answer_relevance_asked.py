"""An answer that does not do what its question asks is on its topic only (session 19, ``asked_factor``)."""

from __future__ import annotations

import pytest

from nextround.analysis.answer import split_sentences
from nextround.analysis.answer.questions import classify_question
from nextround.analysis.answer.relevance import measure_relevance
from nextround.analysis.answer.relevance_model import (
    NO_EMPLOYER_FACTOR,
    NO_EPISODE_FACTOR,
    NO_SHORTFALL_FACTOR,
    asked_factor,
    asks_about_employer,
    pitches_strength_for_shortfall,
    speaks_of_employer,
)

STORY_QUESTION = "Give me an example of a time you spotted a hazard before anyone got hurt."
# A claim on the topic, long enough to be read by the learned ranking, with no example in it.
CLAIM = (
    "Health and safety has always mattered a great deal to me in every warehouse job. "
    "I hold a forklift licence and a first aid certificate, and I take hazards seriously."
)
EPISODE = (
    "On my second week at the depot I noticed a pallet rack leaning after a forklift knock. "
    "I taped off the aisle, told the shift lead, and we moved the stock before the rack was bolted back."
)


@pytest.mark.parametrize(
    ("question", "employer"),
    [
        ("What do you know about what we do here?", True),
        ("Why do you want to work here rather than somewhere else?", True),
        ("Why this company?", True),
        ("Where do you see yourself in five years?", False),
        ("Tell me about a time you missed a deadline.", False),
    ],
)
def test_a_question_about_the_employer_is_read_by_its_wording(question: str, employer: bool) -> None:
    assert asks_about_employer(question) is employer


@pytest.mark.parametrize(
    ("answer", "spoken"),
    [
        ("You run the ferries between the islands and your drivers are all local.", True),
        ("I read that this company opened two new depots in the north last spring.", True),
        ("I am a hard worker with six years in retail and I learn fast.", False),
    ],
)
def test_an_answer_speaks_of_the_employer_to_it_or_of_it(answer: str, spoken: bool) -> None:
    assert speaks_of_employer(split_sentences(answer)) is spoken


def test_a_claim_to_a_story_question_keeps_less_than_a_story() -> None:
    kind = classify_question(STORY_QUESTION)
    assert kind == "behavioural"
    assert asked_factor(STORY_QUESTION, kind, split_sentences(CLAIM)) == NO_EPISODE_FACTOR
    assert asked_factor(STORY_QUESTION, kind, split_sentences(EPISODE)) == 1.0
    # A one-line reply is left to its topic words; a plan question never asks for an episode.
    assert asked_factor(STORY_QUESTION, kind, ["Safety matters to me."]) == 1.0
    plan = "How would you handle a spill on the shop floor?"
    assert asked_factor(plan, classify_question(plan), split_sentences(CLAIM)) == 1.0


def test_a_self_pitch_to_a_question_about_the_employer_keeps_less() -> None:
    question = "What do you know about what we do here?"
    pitch = split_sentences("I am a hard worker with six years in retail and I learn fast under pressure every day.")
    kind = classify_question(question)
    assert asked_factor(question, kind, pitch) == NO_EMPLOYER_FACTOR
    found = measure_relevance(question, pitch)
    told = measure_relevance(question, split_sentences("You make school uniforms and your shops are in six towns."))
    assert found is not None and told is not None
    assert found.score < told.score


@pytest.mark.parametrize(
    ("question", "answer", "pitched"),
    [
        ("What is your greatest weakness?", "My main strength is that I stay calm with difficult guests.", True),
        ("Describe a goal you did not reach.", "I'm really reliable, everyone at the depot says so.", True),
        ("What is your greatest weakness?", "I take on too much and I'm learning to say no.", False),
        ("What is your greatest strength?", "My main strength is that I stay calm with difficult guests.", False),
    ],
)
def test_a_strength_pitched_for_a_shortfall_keeps_less(question: str, answer: str, pitched: bool) -> None:
    sentences = split_sentences(answer)
    assert pitches_strength_for_shortfall(question, sentences) is pitched
    factor = asked_factor(question, classify_question(question), sentences)
    assert factor == (NO_SHORTFALL_FACTOR if pitched else 1.0)
