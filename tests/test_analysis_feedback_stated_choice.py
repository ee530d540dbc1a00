"""A stated choice of someone else is competition (session 19, `feedbackK19`, `choice.py`).

* A choice that names the one chosen ("offered the post to Brother Kim", "the relief cook has taken it") is a rival
  (`OTHER_RULE`), even where the clause closes the message; not one denied ("not taking Kwame on").
* "Another applicant", "someone else" are not: a form letter's choice ("we have decided to proceed with other
  candidates") stays `generic`.

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback.choice as choice
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.choice import stated_choice
from nextround.analysis.feedback.lexicon import CHOSEN_OTHER

FORM_LETTER = (
    "Dear applicant, thank you for your interest in the warehouse supervisor role. After careful consideration we "
    "have decided to proceed with other candidates. We wish you every success in your search."
)


@pytest.mark.parametrize(
    "said",
    [
        "we proceeded with another applicant",
        "the committee voted for another applicant",
        "the relief cook has taken it",
        "Priya's got the job",
        "another candidate has accepted the offer",
        "offered the post to Brother Kim",
    ],
)
def test_a_choice_is_stated(said: str) -> None:
    assert CHOSEN_OTHER.search(said)


@pytest.mark.parametrize(
    "said", ["It has taken us a while to decide", "You have got a strong CV", "we will proceed with the next stage"]
)
def test_no_choice_is_stated(said: str) -> None:
    assert not CHOSEN_OTHER.search(said)


def test_only_a_choice_that_names_the_one_chosen_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    assert stated_choice("we have offered the post to Brother Kim")
    assert stated_choice("the relief cook from the harbour kitchen has taken it")
    assert not stated_choice("the committee voted for another applicant")
    assert not stated_choice("we are not taking Kwame on this season")
    assert stated_choice("we went with a lad from the village")  # the person by who they are (session 17)
    monkeypatch.setattr(choice, "OTHER_RULE", False)
    assert not stated_choice("we have offered the post to Brother Kim")


def test_a_named_choice_closing_the_message_is_competition(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Dear Mr Osei, thank you for the trial shift. Your pastry was tidy, but the lamination was uneven, "
        "and we have offered the position to Mrs Adjei. Warm regards."
    )
    assert "competition" in analyze_feedback(text).theme_names
    monkeypatch.setattr(choice, "OTHER_RULE", False)
    assert "competition" not in analyze_feedback(text).theme_names


def test_a_form_letter_stays_generic() -> None:
    assert analyze_feedback(FORM_LETTER).theme_names == ("generic",)
