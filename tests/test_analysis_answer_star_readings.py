"""The STAR readings of session 22 (star_readings.decide_more): a role told with the charge it brought is the scene and
the task; someone named by their role saying or asking something is the scene, unless it closes the answer."""

from __future__ import annotations

import pytest

from nextround.analysis.answer.lexicon import framing_cues
from nextround.analysis.answer.star import analyse_sentences
from nextround.analysis.answer.star_readings import decide_more

NOTHING = [False, False, False, False]


@pytest.mark.parametrize(
    "sentence",
    [
        "i was the account coordinator, so it was my job to get them to the hospitals by friday.",
        "i was night chief sub, so i had to keep the pages going out on deadline.",
        "i'm the finance officer at a small charity in swansea, so it's my job to check every renewal.",
        "i was running the pass, so keeping the food going out was on me.",
        "as her key worker it was on me to pull that into one care plan.",
    ],
)
def test_role_then_charge_reads_a_role_told_with_its_charge(sentence: str) -> None:
    assert framing_cues()["role_then_charge"].search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "i was put in charge of the rota, so it was on me.",
        "we were short of drivers, so i had to cover the late run.",
        "i was the transport planner for that corridor.",
    ],
)
def test_role_then_charge_leaves_other_lines(sentence: str) -> None:
    assert not framing_cues()["role_then_charge"].search(sentence)


def test_a_role_told_with_its_charge_is_scene_and_task_only() -> None:
    analysed = analyse_sentences(["I was the shift lead, so it fell to me to find the cause."], "behavioural")
    chosen = [[False, True, True, False]]
    decide_more(chosen, analysed)
    assert chosen == [[True, True, False, False]]


def test_what_a_manager_asked_is_the_scene_unless_it_closes_the_answer() -> None:
    sentences = ["My manager asked me to go through the cards.", "I sorted them by fault.", "My manager said thanks."]
    analysed = analyse_sentences(sentences, "behavioural")
    chosen = [list(NOTHING), [False, False, True, False], list(NOTHING)]
    decide_more(chosen, analysed)
    assert chosen[0] == [True, False, False, False]
    assert chosen[2] == NOTHING
