"""Readings by meaning added in session 14, from the misses of test12 and dev20 (outside writers).

* Off on one's own while the others work, or telling the team how another place does it, is culture_fit: how the
  candidate would work with these people (the corpus README's convention), whatever else the words sound like.
* A fill from inside said as "an internal candidate", "filled internally" or a promotion is process.
* "One of our regulars" is a customer, not a fill from inside.

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback as feedback
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.lexicon import INTERNAL_FILL, NOT_TEAM_CONDUCT, TEAM_CONDUCT

OFF_ON_THEIR_OWN = [
    "Hi Rory, sorry, not this time. You went to sit in the van while the rest of the gang were lifting the slabs.",
    "Thanks for the trial shift. On the Saturday you were out the back on your phone while everybody else was "
    "clearing the tables. We won't be taking you on.",
    "Not going ahead, I'm afraid. You spent the morning telling the other gardeners how your last estate did it.",
    "Cheers for the trial. You kept polishing your own display when Dee needed a hand with the delivery. Not for us.",
]


@pytest.mark.parametrize("text", OFF_ON_THEIR_OWN)
def test_off_on_their_own_while_the_others_work_is_culture_fit(text: str) -> None:
    result = analyze_feedback(text)
    assert "culture_fit" in result.theme_names
    assert not {"technical_skills", "communication", "generic"} & set(result.theme_names)
    assert result.actionable


@pytest.mark.parametrize("text", OFF_ON_THEIR_OWN[3:])
def test_the_rule_is_what_reads_them(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The shipped model alone reads this one as technical_skills.
    assert "culture_fit" in analyze_feedback(text).theme_names
    monkeypatch.setattr(feedback, "TEAM_RULE", False)
    assert "culture_fit" not in analyze_feedback(text).theme_names


def test_conduct_words_that_are_not_conduct_are_not_read_as_it() -> None:
    assert TEAM_CONDUCT.search("you stayed in the cab while the lads were unloading")
    assert TEAM_CONDUCT.search("kept on with your own bowl when Priya needed a hand")
    assert not TEAM_CONDUCT.search("you got there at ten when everybody was there from eight")
    assert not TEAM_CONDUCT.search("when Sam asked for the keys he got no answer")
    assert NOT_TEAM_CONDUCT.search("Thanks for your patience while the team finished the interviews.")


def test_thanks_for_waiting_while_the_team_decided_is_no_reason() -> None:
    result = analyze_feedback(
        "Thanks for your patience while the team finished the interviews. We've gone with another candidate."
    )
    assert "culture_fit" not in result.theme_names


INSIDE = [
    "Hi Tomas, the job has been filled internally, sorry. Good luck with the search.",
    "They have decided to promote Marta from the front desk into the bookings role.",
    "The post went to an internal candidate who has covered it since spring.",
]


@pytest.mark.parametrize("text", INSIDE)
def test_a_fill_from_inside_in_plain_words_is_process(text: str) -> None:
    result = analyze_feedback(text)
    assert result.theme_names == ("process",)
    assert "filled_internally" in result.outside_your_control


def test_regulars_are_customers_not_a_fill_from_inside() -> None:
    assert not INTERNAL_FILL.search("you argued with the customer, and she's one of our regulars")
    assert not INTERNAL_FILL.search("enumerators are recruited from within the districts they cover")
    assert INTERNAL_FILL.search("we've recruited from within")
