"""Time in a trade as an experience cue (session 16), from the outside writers' misses.

Writers tell experience by the time served, without the word: "for twelve years", "six harvests", "four seasons with
a gang", "never done a full season". The cue table names it as experience; a length of time that is no time in a
trade (how long a CV is kept, a trial's days) is not.

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

from nextround.analysis.feedback import read_text

TIME_SERVED = [
    "He has kept bees for twelve years.",
    "He has picked grapes for six harvests.",
    "She's been stripping cane for donkey's years.",
    "You have never done a full season in a busy kitchen.",
    "The other hand has four seasons with a shearing gang.",
]

NO_TIME_SERVED = [
    "We will keep your details on file for six months.",
    "Thanks for coming in for two days of trials.",
]


def _experience_cue(text: str) -> float:
    reading = read_text(text)
    return max(rules.reasons.get("experience", 0.0) for rules in reading.rules)


@pytest.mark.parametrize("text", TIME_SERVED)
def test_time_served_in_a_trade_is_an_experience_cue(text: str) -> None:
    assert _experience_cue(text) > 0.0


@pytest.mark.parametrize("text", NO_TIME_SERVED)
def test_other_lengths_of_time_are_not(text: str) -> None:
    assert _experience_cue(text) == 0.0
