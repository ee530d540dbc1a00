"""Session 24 (feedbackR24): a rival's named advantage themed in full, and never an empty theme set.

* the edge of a rival chosen instead, said as a setting worked in or come from, is experience; as more of a
  qualification's exams passed, technical_skills (`rival_edge_time`, `rival_edge_skill`);
* "ended up with", "took two guys who've", "the ones they've gone ahead with have" are choices (`chosen_with_edge`,
  `chosen_person`), and a rival chosen with an edge is merit beside the employer's own change
  (`rival_said.EDGE_OVER_EMPLOYER_RULE`);
* a clause the model reads as neutral that names a rival chosen just before back ("She can speak ...") is the reason
  (`choice.SAID_BACK_RULE`);
* a text whose every reason fell under the floor says its surest reason clause's topic where the theme head names it
  (`generic` too), and, only with `UNNAMED_RULE` on, `generic` where it does not (`empty_reading.py`).
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback.choice as choice
import nextround.analysis.feedback.empty_reading as empty_reading
import nextround.analysis.feedback.rival_said as rival_said
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.rival_edge import rival_edge
from nextround.analysis.feedback.rival_said import chosen_with_edge
from nextround.analysis.feedback.types import THEMES, ClauseReading, ThemeFinding


@pytest.mark.parametrize(
    ("said", "theme"),
    [
        ("and the selected candidate has also worked in tyre retreading, which is what we do", "experience"),
        ("we took a woman who's worked at a ski lodge before", "experience"),
        ("the pickers they went with have all come from orchards in the valley", "experience"),
        ("we appointed someone who has passed more of the CIMA papers", "technical_skills"),
        ("the other applicant completed all the bookkeeping modules", "technical_skills"),
    ],
)
def test_a_rivals_edge_by_its_words(said: str, theme: str) -> None:
    assert theme in rival_edge(said)


@pytest.mark.parametrize(
    "said",
    [
        "we went with someone who has worked hard on her portfolio",  # no setting: "hard" is not "in / at"
        "the other finalist has passed her driving test",  # one test passed, not more of a qualification's
    ],
)
def test_not_an_edge_of_setting_or_exams(said: str) -> None:
    assert not {"experience", "technical_skills"} & set(rival_edge(said))


def test_ended_up_with_is_a_choice() -> None:
    match = chosen_with_edge("In the end we ended up with a fella who's got his own ladders and the gas ticket.")
    assert match is not None and match.group().startswith("ended up with")


_SAID_BACK = (
    "Hello Mara, thank you for interview. Sorry, we choose other person for the reception. "
    "She can speak Korean and Japanese, many guests from Seoul now. You are very kind, we like."
)


def test_a_rival_named_back_in_a_plain_clause_is_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    themes = set(analyze_feedback(_SAID_BACK).theme_names)
    assert {"competition", "communication"} <= themes
    monkeypatch.setattr(choice, "SAID_BACK_RULE", False)
    assert "competition" not in analyze_feedback(_SAID_BACK).theme_names


def _reason(text: str) -> ClauseReading:
    return ClauseReading(text, "reason", ("culture_fit",), 0.05)


def _topic(theme: str, probability: float) -> list[float]:
    return [probability if name == theme else 0.01 for name in THEMES]


def test_an_empty_reading_takes_the_surest_reason_clauses_topic() -> None:
    read = [ClauseReading("Hi Sam", "neutral", (), 0.9), _reason("the glaze ran"), _reason("we need it quicker")]
    topics = [_topic("generic", 0.9), _topic("technical_skills", 0.6), _topic("logistics", 0.3)]
    found = empty_reading.never_empty([], read, [0.0, 0.9, 0.9], topics)
    assert [finding.theme for finding in found] == ["technical_skills"]
    assert found[0].evidence == ("the glaze ran",)


def test_an_unnamed_reason_is_generic_only_where_switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    read = [_reason("not quite what we are after")]
    assert empty_reading.never_empty([], read, [0.8], [_topic("logistics", 0.1)]) == []
    monkeypatch.setattr(empty_reading, "UNNAMED_RULE", True)
    found = empty_reading.never_empty([], read, [0.8], [_topic("logistics", 0.1)])
    assert [finding.theme for finding in found] == ["generic"]


def test_a_generic_topic_is_generic() -> None:
    read = [_reason("we felt you were not quite the right fit")]
    found = empty_reading.never_empty([], read, [0.9], [_topic("generic", 0.3)])
    assert [finding.theme for finding in found] == ["generic"]


def test_a_reading_with_themes_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    kept = [ThemeFinding("process", 0.7, ("the post was frozen",))]
    assert empty_reading.never_empty(kept, [_reason("x")], [0.9], [_topic("generic", 0.9)]) == kept
    monkeypatch.setattr(empty_reading, "EMPTY_RULE", False)
    assert empty_reading.never_empty([], [_reason("x")], [0.9], [_topic("generic", 0.9)]) == []


def test_two_chosen_with_what_they_have_done() -> None:
    match = chosen_with_edge("We hired three women who've all run kitchens on the island.")
    assert match is not None and match.group() == "hired three women"
    assert chosen_with_edge("It took two weeks that we did not have.") is None


_EMPLOYER_AND_EDGE = (
    "Hi Sam, thanks for your time on the phone. Unfortunately the depot won't be progressing you. The depot is "
    "moving across to electric reach trucks next year, and the drivers they've gone ahead with have all come from "
    "sites already running them. Your clean record was noted."
)


def test_the_ones_gone_ahead_with_are_named_with_their_edge() -> None:
    match = chosen_with_edge("and the drivers they've gone ahead with have all come from sites already running them")
    assert match is not None and match.group() == "the drivers they've gone ahead with"


def test_a_rivals_edge_beside_the_employers_change_is_competition(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "competition" in analyze_feedback(_EMPLOYER_AND_EDGE).theme_names
    monkeypatch.setattr(rival_said, "EDGE_OVER_EMPLOYER_RULE", False)
    assert "competition" not in analyze_feedback(_EMPLOYER_AND_EDGE).theme_names
