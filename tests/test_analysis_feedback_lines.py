"""The culture_fit / communication / motivation / preparation lines read by meaning (session 19, `feedbackC19`;
`LINES_RULE`, `lines.py`), and the wider `wish` and `not_done` patterns.

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback as feedback
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.lexicon import NOT_DONE, WISH
from nextround.analysis.feedback.lines import redraw_lines
from nextround.analysis.feedback.types import THEMES

NO_ANSWER = (
    "Hi Marta, thanks for the shift. When I asked how you'd set up the till float for a market day you didn't really "
    "have an answer, and that's most of the job. Cheers, Lou."
)
CURT = (
    "Hi Dan, the cooking was fine but you were a bit short with Priya on the pass when she asked you to plate faster, "
    "told her to do it herself. Sorry, Jim."
)
NEVER_AT_SIZE = (
    "Hi Ravi, the lodge kitchen feeds 30 guests every night on your own and you said you had never cooked for more "
    "than six people. All the best, Tess."
)


def _odds(**given: float) -> dict[str, float]:
    return {theme: given.get(theme, 0.05) for theme in THEMES}


@pytest.mark.parametrize(
    ("text", "expected", "without"),
    [
        (NO_ANSWER, "technical_skills", "motivation"),
        (CURT, "culture_fit", "communication"),
        (NEVER_AT_SIZE, "experience", "culture_fit"),
    ],
)
def test_each_line_is_read_by_meaning(monkeypatch: pytest.MonkeyPatch, text: str, expected: str, without: str) -> None:
    names = analyze_feedback(text).theme_names
    assert expected in names
    assert without not in names
    monkeypatch.setattr(feedback, "LINES_RULE", False)
    assert without in analyze_feedback(text).theme_names


def test_not_knowing_is_what_was_known_not_how_it_was_said() -> None:
    text = "you weren't familiar with how the extended cover works when we asked you to talk a customer through it"
    odds = _odds(communication=0.7, technical_skills=0.3)
    assert redraw_lines("when asked, you weren't familiar with the extended cover", ["communication"], odds) == [
        "technical_skills"
    ]
    assert odds["technical_skills"] == 0.7
    # Told how they spoke, or asked why: left alone.
    assert redraw_lines(text, ["communication"], _odds()) == ["communication"]
    why = "when we asked why this shop you didn't really have an answer"
    assert redraw_lines(why, ["motivation"], _odds()) == ["motivation"]
    # Someone else not knowing is no gap in the candidate's knowledge.
    assert redraw_lines("the group weren't sure what to do next", ["communication"], _odds()) == ["communication"]


def test_speech_a_listener_could_not_follow_is_communication() -> None:
    text = "you were very mumbly at the back of the bus and most of them couldn't catch what you said about the castle"
    assert redraw_lines(text, ["culture_fit"], _odds()) == ["communication"]
    assert redraw_lines("you talked down to the guests at the desk", ["culture_fit"], _odds()) == ["communication"]
    assert redraw_lines("our floor is loud and you are very quiet", ["culture_fit"], _odds()) == ["culture_fit"]


def test_curt_with_a_colleague_is_culture_fit_but_not_with_a_customer() -> None:
    assert redraw_lines("you were rude to Tomasz in the stores", ["communication"], _odds()) == ["culture_fit"]
    assert redraw_lines("you were a bit abrupt with the caller", ["communication"], _odds()) == ["communication"]
    assert redraw_lines("you were short with Mrs Okoye at the till", ["communication"], _odds()) == ["communication"]


def test_dress_is_culture_fit_unless_it_was_asked_for() -> None:
    worn = "you turned up to the trial in a hoodie and flip-flops and our bar is a cocktail lounge"
    assert redraw_lines(worn, ["preparation", "culture_fit"], _odds()) == ["culture_fit"]
    asked = "you came in trainers when we'd asked for black shoes in the email"
    assert redraw_lines(asked, ["preparation", "culture_fit"], _odds()) == ["preparation", "culture_fit"]


def test_things_not_brought_are_preparation() -> None:
    text = "we asked everyone to bring their own scissors and combs and you came with nothing"
    assert redraw_lines(text, ["culture_fit", "preparation"], _odds()) == ["preparation"]
    assert redraw_lines("you didn't bring the knife roll", ["culture_fit"], _odds()) == ["preparation"]
    assert redraw_lines("the driver turned up without the van", ["culture_fit"], _odds()) == ["culture_fit"]


def test_wish_and_not_done_read_more_ways_of_saying_it() -> None:
    assert WISH.search("you told us you're mainly hoping to run your own classes")
    assert WISH.search("it felt like you don't really read much poetry, and that's most of what we stock")
    assert not WISH.search("you said you don't like being told what to do")
    assert NOT_DONE.search("you have never sewn for more than one bride at a time")
    assert not NOT_DONE.search("we have never had more applicants")
