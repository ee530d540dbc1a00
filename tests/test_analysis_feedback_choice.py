"""Readings by meaning in decide() (session 18).

* A chosen rival's language ("someone who can speak Mandarin", "fluent in Greek and English") is communication beside
  competition (`LANGUAGE_RULE`, `rival_language`); a tool one is "fluent in" is no language.
* A clause that names the person chosen ("We took the farmer's nephew") is a reason even where the model read it as
  neutral (`CHOICE_REASON_RULE`), and "the appointed candidate" is a rival (`chosen_person`).
* A score under a test's pass mark is technical_skills (`PASS_RULE`); a panel's total against its threshold is not.

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback as feedback
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.lexicon import CHOSEN_PERSON, PANEL_TOTAL, PASS_MARK, RIVAL_LANGUAGE, SCORE_GIVEN

RIVAL_SPEAKS = (
    "Hi Ama, sorry, the owner decided to go with someone who can speak Mandarin, because a lot of our buyers are from "
    "China. Thanks."
)
RIVAL_FLUENT = (
    "Dear Ms Roy, the board offered the post to a candidate fluent in Greek and English, as the parish is mostly "
    "Greek. Regards."
)
TAKEN_KIN = "Hi Dev, thanks for the shift. We took the farmer's nephew from up the road. Take care."
UNDER_THE_BAR = "Outcome: unsuccessful (score 58%, pass mark 70%). Thank you for applying."


@pytest.mark.parametrize("text", [RIVAL_SPEAKS, RIVAL_FLUENT])
def test_a_rivals_language_is_communication(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    assert set(analyze_feedback(text).theme_names) == {"competition", "communication"}
    monkeypatch.setattr(feedback, "LANGUAGE_RULE", False)
    assert "communication" not in analyze_feedback(text).theme_names


def test_a_language_is_named_and_a_tool_is_not() -> None:
    assert RIVAL_LANGUAGE.search("went with a lad who can speak Welsh")
    assert RIVAL_LANGUAGE.search("she's bilingual, which the front desk needs")
    assert RIVAL_LANGUAGE.search("teaches in Malay and Tamil both")
    assert not RIVAL_LANGUAGE.search("chose an animator who is fluent in Houdini")
    assert not RIVAL_LANGUAGE.search("an English teacher")


def test_the_person_chosen_said_plainly_is_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    assert analyze_feedback(TAKEN_KIN).theme_names == ("competition",)
    monkeypatch.setattr(feedback, "CHOICE_REASON_RULE", False)
    assert "competition" not in analyze_feedback(TAKEN_KIN).theme_names


def test_the_choice_verb_before_the_person_names_a_rival() -> None:
    assert CHOSEN_PERSON.search("We took the farmer's nephew from up the road.")
    assert CHOSEN_PERSON.search("they've picked a lass from the next village")
    assert CHOSEN_PERSON.search("The appointed candidate scored highly across the board.")
    assert not CHOSEN_PERSON.search("We took the van out to the site.")
    assert not CHOSEN_PERSON.search("the appointed time was ten o'clock")


def test_a_score_under_the_pass_mark_is_technical(monkeypatch: pytest.MonkeyPatch) -> None:
    assert analyze_feedback(UNDER_THE_BAR).theme_names == ("technical_skills",)
    monkeypatch.setattr(feedback, "PASS_RULE", False)
    assert analyze_feedback(UNDER_THE_BAR).theme_names == ("generic",)


def test_a_panel_total_is_not_a_pass_mark() -> None:
    def below(text: str) -> bool:
        return bool(PASS_MARK.search(text) and SCORE_GIVEN.search(text) and not PANEL_TOTAL.search(text))

    assert below("Outcome: unsuccessful (score 58%, pass mark 70%).")
    assert below("You were just under the pass mark on the typing test.")
    assert not below("Total 9/15, pass mark 10.")
    assert not below("The pass mark is set by the awarding body.")
