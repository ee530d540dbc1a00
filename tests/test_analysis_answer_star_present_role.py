"""The STAR rules of session 20 (the test19 error analysis, levers 3 and 5): a role held now, told in the present, and a
trade told in the present perfect progressive over years are the scene when the model reads no step or outcome in
them; a line that only asks the interviewer something is no step unless the model is sure."""

from __future__ import annotations

import pytest

from nextround.analysis.answer.lexicon import framing_cues
from nextround.analysis.answer.star import analyse_sentences
from nextround.analysis.answer.star_model import decide

STORY_Q = "Tell me about a time you dealt with a difficult situation at work."
THRESHOLDS = [0.45, 0.65, 0.65, 0.45]


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("I'm a receptionist at a GP practice now.", True),
        ("At the moment I'm a second fixer on other people's jobs.", True),
        ("Now I am a team leader at the bank.", True),
        ("I'm a bit shy in front of big groups.", False),  # a trait, not a post
        ("I'm still a little slow on the till system.", False),
        ("I was a porter at the Royal Infirmary.", False),  # a past post: left to the model
    ],
)
def test_a_role_held_now_is_told(sentence: str, role: bool) -> None:
    assert bool(framing_cues()["present_role"].search(sentence.lower())) is role


@pytest.mark.parametrize(
    ("sentence", "tenure"),
    [
        ("I've been driving a cab in Dublin twenty years.", True),
        ("I've been driving a delivery lorry for a builders' merchant in Swansea for eleven years.", True),
        ("Now I have been qualified for one year and I have worked on a surgical ward.", True),
        ("I've been trying to say more in team meetings for a year.", False),  # an effort, not a trade
        ("I've been looking for work since the sawmill closed.", False),
        ("I've been taking the prerequisites at night.", False),  # no years: left to the model
    ],
)
def test_a_trade_over_years_is_a_tenure(sentence: str, tenure: bool) -> None:
    assert bool(framing_cues()["tenure"].search(sentence.lower())) is tenure


@pytest.mark.parametrize(
    ("probabilities", "scene"),
    [
        ([0.02, 0.1, 0.1, 0.1], True),  # read as nothing: the background
        ([0.02, 0.1, 0.1, 0.9], False),  # read as the outcome: left so
        ([0.02, 0.1, 0.9, 0.1], False),  # read as a step: left so
    ],
)
def test_a_role_held_now_the_model_reads_as_nothing_is_the_scene(probabilities: list[float], scene: bool) -> None:
    sentences = ["Last winter our boiler failed on a Friday.", "I'm a receptionist at a GP practice now."]
    analysed = analyse_sentences(sentences, "behavioural", STORY_Q)
    decided = decide([[0.9, 0.1, 0.1, 0.1], probabilities], THRESHOLDS, analysed)
    assert decided[1][0] is scene


@pytest.mark.parametrize(
    ("sentence", "action", "step"),
    [
        ("Could I ask what happens from here, with the next step?", 0.76, False),
        ("Could I ask what happens from here, with the next step?", 0.95, True),  # the model sure: left so
        ("Since then I ask at the end of every handover: what is due in the next two hours?", 0.76, True),
    ],
)
def test_a_line_that_only_asks_back_is_no_step_unless_the_model_is_sure(
    sentence: str, action: float, step: bool
) -> None:
    sentences = ["Our depot ran late every Friday.", sentence]
    analysed = analyse_sentences(sentences, "behavioural", STORY_Q)
    decided = decide([[0.9, 0.1, 0.1, 0.1], [0.1, 0.1, action, 0.1]], THRESHOLDS, analysed)
    assert decided[1][2] is step


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("As shift lead it was on me to make sure that never hung on one person again.", True),
        ("As head chef it fell to me to decide who would lose overtime.", True),
        ("As leading hand, making sure every driver wore it was on me.", True),
        ("As soon as I saw it I had to call the office.", False),
        ("As expected, it was on me to sort it out.", False),
        ("As a team we had to finish by Friday.", False),  # an article: the model's own role cue
    ],
)
def test_a_role_named_without_an_article_is_told(sentence: str, role: bool) -> None:
    assert bool(framing_cues()["bare_role"].search(sentence.lower())) is role


def test_a_role_named_without_an_article_with_the_charge_is_the_scene_too() -> None:
    sentences = ["Our night porter quit in March.", "As shift lead it was on me to cover the rota."]
    analysed = analyse_sentences(sentences, "behavioural", STORY_Q)
    decided = decide([[0.9, 0.1, 0.1, 0.1], [0.08, 0.9, 0.1, 0.1]], THRESHOLDS, analysed)
    assert decided[1][:2] == [True, True]
