"""A chosen rival named back, and what a rival had (session 12).

* A rival is often named in one sentence and what they had in the next: "We've gone with the other fitter. He has six
  years on commercial kitchens." The second clause says both why (experience) and that someone else was chosen
  (competition); read alone, the model heard only the first.
* What a rival had is the personal theme the reason head or the theme head is surer of.

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

from nextround.analysis.feedback import analyze_feedback, read_text
from nextround.analysis.feedback.choice import rival_named_back
from nextround.analysis.feedback.lexicon import CHOSEN_OTHER, RIVAL_PRONOUN

NAMED_BACK = [
    (
        "Thanks for coming to the trial day. We've gone with another applicant. She already runs the same booking "
        "software we use.",
        "technical_skills",
    ),
    (
        "Thanks for your time on Thursday. We decided to take on the other fitter. He has six years on commercial "
        "kitchens and did our last refit.",
        "experience",
    ),
]


@pytest.mark.parametrize(("text", "advantage"), NAMED_BACK)
def test_a_rival_named_back_by_he_or_she_is_competition_and_its_advantage(text: str, advantage: str) -> None:
    themes = analyze_feedback(text).theme_names
    assert "competition" in themes
    assert advantage in themes


def test_the_pronoun_and_the_choice_are_read_by_the_cue_table() -> None:
    assert RIVAL_PRONOUN.match("He has kept pigs for ten years.")
    assert RIVAL_PRONOUN.match("She's got her forklift ticket already.")
    assert not RIVAL_PRONOUN.match("He wants someone who can stay the winter.")
    assert not RIVAL_PRONOUN.match("She said your welds were neat.")
    assert CHOSEN_OTHER.search("The manager has decided to go with someone else.")
    assert not CHOSEN_OTHER.search("The manager has decided to close the branch.")


@pytest.mark.parametrize(
    "text",
    [
        # the decider, not a rival: no choice of someone else before
        "Thanks for coming in. The head chef tasted your risotto. He has asked me to say it was under-seasoned.",
        # a choice before, but "he" is the decider saying what he wants
        "We went with someone else. He wants a baker who can start at four.",
    ],
)
def test_he_or_she_is_no_rival_without_a_rival_just_before_or_with_a_wish(text: str) -> None:
    reading = read_text(text)
    assert not any(
        rival_named_back(reading.original, reading.clauses, reading.rules, index)
        for index in range(len(reading.clauses))
    )


def test_what_a_rival_had_is_read_by_the_surer_head() -> None:
    # The reason head reads the rival's edge as competition alone; the theme head, which also learnt praise, hears the
    # skill in it.
    themes = analyze_feedback("They picked the other applicant as she reads music and plays the organ.").theme_names
    assert set(themes) == {"competition", "technical_skills"}
