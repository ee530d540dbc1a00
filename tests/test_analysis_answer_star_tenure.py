"""The STAR rules of session 19 (the test17 error analysis, levers 1-3): a role held, told in the present perfect, is
the scene, "also" does not make a line of perceiving a step, and praise, take-up and a saving read as an outcome."""

from __future__ import annotations

import pytest

from nextround.analysis.answer.lexicon import framing_cues
from nextround.analysis.answer.star import analyse_sentences
from nextround.analysis.answer.star_model import _only_perceiving, decide

STORY_Q = "Tell me about a time you dealt with a difficult situation at work."
THRESHOLDS = [0.45, 0.65, 0.65, 0.4]


@pytest.mark.parametrize(
    ("sentence", "tenure"),
    [
        ("I've been a plasterer since I left school.", True),
        ("For the past two years I have been the duty manager at a leisure centre.", True),
        ("We've been the only locksmiths in the village since 2015.", False),
        ("I have worked at a garden centre in Leeds for about six years.", False),  # a tenure: left to the model
        ("I've been the one everybody rings when the printer jams.", False),
        ("I've been on target most months.", False),
        ("I worked at a garden centre for six years.", False),
    ],
)
def test_a_role_or_tenure_in_the_present_perfect_is_told(sentence: str, tenure: bool) -> None:
    assert bool(framing_cues()["tenure"].search(sentence.lower())) is tenure


@pytest.mark.parametrize(
    ("probabilities", "scene"),
    [
        ([0.1, 0.1, 0.1, 0.1], True),  # read as nothing: the background
        ([0.1, 0.1, 0.1, 0.9], False),  # read as the outcome: left so
        ([0.1, 0.1, 0.9, 0.1], False),  # read as a step: left so
    ],
)
def test_a_tenure_the_model_reads_as_nothing_is_the_scene(probabilities: list[float], scene: bool) -> None:
    sentences = ["I've been a baker at a family bakery for nine years.", "Last winter our oven failed on a Friday."]
    analysed = analyse_sentences(sentences, "behavioural", STORY_Q)
    decided = decide([probabilities, [0.9, 0.1, 0.1, 0.1]], THRESHOLDS, analysed)
    assert decided[0][0] is scene


def test_also_does_not_make_a_line_of_perceiving_a_step() -> None:
    sentences = ["Our depot ran late every Friday.", "I also noticed the vans were loaded in the wrong order."]
    analysed = analyse_sentences(sentences, "behavioural", STORY_Q)
    assert _only_perceiving(analysed[1])
    assert decide([[0.9, 0.1, 0.1, 0.1], [0.3, 0.1, 0.35, 0.1]], THRESHOLDS, analysed)[1][2] is False


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("The parents loved the new reading corner.", True),
        ("I pitched a shorter rota, and the head of department went for it.", True),
        ("The inspector commented on how tidy the stores were.", True),
        ("I guess that saved the garage a couple of thousand a year.", True),
        ("I asked the residents what they liked about the old menu.", False),
        ("She saved her work and left.", False),
    ],
)
def test_praise_take_up_and_savings_read_as_an_outcome(sentence: str, outcome: bool) -> None:
    assert bool(framing_cues()["outcome"].search(sentence.lower())) is outcome
