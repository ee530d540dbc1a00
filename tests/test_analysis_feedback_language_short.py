"""A language the job is done in, at too low a level, in words `candidate_language` misses (session 21, `feedbackJ21`;
`rereading.LANGUAGE_SHORT_RULE`, cues `language_short` and `language_is_the_work`).

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback.rereading as rereading
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.rereading import language_short


@pytest.mark.parametrize(
    "sentence",
    [
        "In the short chat in German the level was not sufficient for the reception desk.",
        "your Dutch is not so far yet, and the site meetings are all in Dutch",
        "the tours are run in Greek and you were not able to converse in Greek beyond a few words",
        "The post needs a fluent Portuguese speaker on the phones.",
        "the drawings are in Czech, read without translation, and your Czech is not so far yet",
        "It requires a good reading knowledge of Spanish, which you told us you do not have.",
        "the post needs fluency in isiXhosa for the reception class, and your level was not yet sufficient",  # s22
    ],
)
def test_a_language_short_in_other_words(sentence: str) -> None:
    assert language_short(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "your interpreting from French was not sufficient for court work",  # the language is the work: the skill
        "the Spanish lessons you would teach need a level you do not have yet",  # teaching it: the skill
        "your knife work was not sufficient for the pass",  # no language
        "the French doors were not able to be opened",  # a language word that names none
    ],
)
def test_not_a_language_short(sentence: str) -> None:
    assert not language_short(sentence)


def test_a_language_short_is_communication_and_the_switch_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Dear Ana, thank you for interviewing for the guest relations post at our Lisbon hotel. The role is done in "
        "Portuguese, and during the interview in Portuguese the level was not sufficient for talking with guests. "
        "Kind regards, Rui."
    )
    assert "communication" in analyze_feedback(text).theme_names
    monkeypatch.setattr(rereading, "LANGUAGE_SHORT_RULE", False)
    assert "communication" not in analyze_feedback(text).theme_names
