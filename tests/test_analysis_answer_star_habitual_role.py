"""Session 20 (the test18 error analysis, levers 2 and 4): a role told in the habitual present at an answer's opening
is the scene, not a step; the training recipe keeps a part's standing threshold unless another beats it clearly by
writer."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from nextround.analysis.answer.lexicon import framing_cues
from nextround.analysis.answer.star import analyse_sentences
from nextround.analysis.answer.star_model import decide

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

STORY_Q = "Tell me about a time you dealt with a difficult customer."
THRESHOLDS = [0.45, 0.65, 0.65, 0.45]


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("I drive long-haul between Toronto and Winnipeg.", True),
        ("Right now I do nights at a petrol station in Calgary.", True),
        ("I keep the accounts for a private school in Lahore, and each month I match the receipts.", True),
        ("I sell farm machinery for a dealer in the Free State.", True),
        ("I work best in a quiet place where I can concentrate.", False),  # a preference, no role
        ("I write everything in the notes during the shift.", False),  # a habit step
        ("I clean up at the end of the day.", False),
        ("I set clear expectations on the first day.", False),
        ("I drove a van for a florist in Leeds.", False),  # the past: left to the model
    ],
)
def test_a_role_in_the_habitual_present_is_told(sentence: str, role: bool) -> None:
    assert bool(framing_cues()["habitual_role"].search(sentence.lower())) is role


@pytest.mark.parametrize(
    ("probabilities", "scene", "step"),
    [
        ([0.1, 0.1, 0.92, 0.1], True, False),  # read as a step (test18): the scene
        ([0.3, 0.1, 0.1, 0.1], True, False),  # read as nothing: the scene
        ([0.1, 0.1, 0.1, 0.9], False, False),  # read as the outcome: left so
    ],
)
def test_a_role_in_the_habitual_present_at_the_opening_is_the_scene(
    probabilities: list[float], scene: bool, step: bool
) -> None:
    sentences = ["I drive long-haul between Toronto and Winnipeg.", "Last March a shipper refused to load my trailer."]
    analysed = analyse_sentences(sentences, "behavioural", STORY_Q)
    decided = decide([probabilities, [0.9, 0.1, 0.1, 0.1]], THRESHOLDS, analysed)
    assert (decided[0][0], decided[0][2]) == (scene, step)


def test_the_same_line_later_in_an_answer_is_left_to_the_model() -> None:
    sentences = ["Last March a shipper refused to load my trailer.", "I drive long-haul between Toronto and Winnipeg."]
    analysed = analyse_sentences(sentences, "behavioural", STORY_Q)
    assert decide([[0.9, 0.1, 0.1, 0.1], [0.1, 0.1, 0.1, 0.1]], THRESHOLDS, analysed)[1][0] is False


def test_a_threshold_moves_only_when_another_beats_it_clearly_by_writer() -> None:
    import train_answers

    candidates = np.round(np.arange(0.2, 0.71, 0.05), 2)
    flat = [0.880] * len(candidates)
    flat[4] = 0.882  # 0.40 a little better than the standing 0.45: noise
    assert candidates[train_answers.choose_threshold(candidates, flat, 0.45)] == pytest.approx(0.45)
    clear = [0.880] * len(candidates)
    clear[4] = 0.890  # 0.40 clearly better
    assert candidates[train_answers.choose_threshold(candidates, clear, 0.45)] == pytest.approx(0.40)
