"""Themes a clause says plainly by meaning (session 19, `feedbackP19`; `ANSWER_RULE`, `rereading.said_themes`): an
answer that went round the question is communication, what looking first would have told is preparation.

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback.rereading as rereading
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.lexicon import KNOWN_BEFOREHAND, OFF_THE_QUESTION

ROUND_THE_QUESTION = (
    "Interview notes, shift supervisor. Knows the stock system well. Gave long answers and did not really answer the "
    "question about covering a no-show. Not offered."
)
RAMBLING = "Hi Gemma, your pastry was spot on, but your answers rambled and the owner lost track. Sorry, Nell."
HARD_TO_FOLLOW = (
    "Dear Mr Aziz, the panel noted that your walk-through of the rota plan was long and hard to follow, and you "
    "were not sure of the staffing ratios. Regards, HR."
)
LOOKED_FIRST = (
    "Hi Kit, thanks for the trial menu. The dishes were tidy, but we are a vegan cafe and half of them had cheese. "
    "You'd have seen that if you'd looked at our menu before coming in. Cheers, Ros."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ROUND_THE_QUESTION, "communication"),
        (RAMBLING, "communication"),
        (HARD_TO_FOLLOW, "communication"),
        (LOOKED_FIRST, "preparation"),
    ],
)
def test_said_plainly_is_read(monkeypatch: pytest.MonkeyPatch, text: str, expected: str) -> None:
    assert expected in analyze_feedback(text).theme_names
    monkeypatch.setattr(rereading, "ANSWER_RULE", False)
    assert rereading.said_themes(text) == []


def test_not_knowing_keeps_what_is_said_plainly() -> None:
    # "were not sure of the staffing ratios" is what they knew; how the plan was told still stands.
    names = analyze_feedback(HARD_TO_FOLLOW).theme_names
    assert "communication" in names


@pytest.mark.parametrize(
    "text",
    [
        "You could not answer the question on the cold chain.",  # what they knew, left to the model
        "Every question was answered in full.",
        "Your answers were short and to the point.",
        "If you'd like to apply again, do.",
    ],
)
def test_not_read_where_not_said(text: str) -> None:
    assert OFF_THE_QUESTION.search(text) is None
    assert KNOWN_BEFOREHAND.search(text) is None


def test_a_concern_denied_is_still_none() -> None:
    assert rereading.denied("It wasn't your cooking, which was lovely.")
    assert not rereading.denied("You did not answer the question on the rota.", dismissed=True)


def test_barely_talking_to_the_people_the_work_is_for() -> None:
    text = (
        "Hi Sam, your driving was smooth, but you hardly spoke to the passengers on the whole loop, and the "
        "commentary is the job. Sorry, Jo."
    )
    assert "communication" in analyze_feedback(text).theme_names
    assert rereading.said_themes("You barely talked to the guests at the table.") == ["communication"]
    assert rereading.said_themes("You talked to the guests at every table.") == []
