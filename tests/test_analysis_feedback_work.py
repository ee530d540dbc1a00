"""Three readings by meaning in decide() (session 17).

* A fault in the work itself told in the trade's own words ("restarted the line without isolating the conveyor", "came
  out patchy", "out of tolerance") is technical_skills beside whatever else the clause is read as (`FAULT_RULE`), unless
  the clause tells what was said or asked (`not_fault`).
* Experience told by what was or was not done ("never mustered sheep", "first time on a night shift") is experience
  (`DONE_RULE`).
* The person chosen named by who they are ("the man we took has ...", "went with a guy coming off ...") is a rival
  where the `rival` feature finds none (`CHOSEN_RULE`); the choice alone ("went with the other lad on the day") looks
  for no advantage.
* Someone chosen by name ("we've given the job to Bronwen", "gone wi Shona") is the rival a following "She already
  knows ..." names back (`chosen_other`).
* A rival's ticket named by its short form ("already got her CSCS") is technical_skills (`rival_credential`).

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback as feedback
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.lexicon import (
    CHOSEN_OTHER,
    CHOSEN_PERSON,
    CHOSEN_SAYS,
    FAULT,
    NOT_DONE,
    NOT_FAULT,
    RIVAL_CREDENTIAL,
)

A_FAULT = (
    "Hi Ade. When the supervisor came over you restarted the line without isolating the conveyor. Sorry, it's a no."
)
NOT_DONE_YET = "Hi Fin, sorry bud. You've never mustered sheep on a hill farm and lambing starts next week."
FIRST_TIME = "Dear Sam, it will be your first time on a night shift on your own, and we can't put you there yet."
THE_ONE_CHOSEN = "Hi Chris, thanks for the trial. The man we took has fitted kitchens for nine years. All the best."
CHOSEN_BY_WHAT_THEY_DID = (
    "Hey Tariq, the owner went with a guy coming off four years on the night shift at the big bakery. Sorry mate."
)


def test_a_fault_in_the_work_is_technical(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "technical_skills" in analyze_feedback(A_FAULT).theme_names
    monkeypatch.setattr(feedback, "FAULT_RULE", False)
    assert "technical_skills" not in analyze_feedback(A_FAULT).theme_names


@pytest.mark.parametrize("text", [NOT_DONE_YET, FIRST_TIME])
def test_what_was_not_done_is_experience(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    assert "experience" in analyze_feedback(text).theme_names
    monkeypatch.setattr(feedback, "DONE_RULE", False)
    assert "experience" not in analyze_feedback(text).theme_names


@pytest.mark.parametrize("text", [THE_ONE_CHOSEN, CHOSEN_BY_WHAT_THEY_DID])
def test_the_person_chosen_is_a_rival(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    assert set(analyze_feedback(text).theme_names) == {"competition", "experience"}
    monkeypatch.setattr(feedback, "CHOSEN_RULE", False)
    assert "competition" not in analyze_feedback(text).theme_names


def test_the_patterns_read_the_work_not_the_words_around_it() -> None:
    assert FAULT.search("the grout cracked within a day")
    assert FAULT.search("the brackets were out of tolerance on two faces")
    assert FAULT.search("glued the joint without priming it")
    assert not FAULT.search("where it fell apart was the interview")
    assert not FAULT.search("you asked about sign-off levels")
    told = "you did not tell anyone the oven was off, and the loaves came out underdone"
    assert FAULT.search(told) and NOT_FAULT.search(told)  # the fault is in the telling
    assert NOT_DONE.search("you've only done flat roofs")
    assert NOT_DONE.search("all your teaching has been with adults")
    assert not NOT_DONE.search("you've done plenty of flat roofs")
    assert not NOT_DONE.search("I've just been told the post is withdrawn")


def test_the_choice_alone_names_no_advantage() -> None:
    bare = "we went with the other lad on the day."
    found = CHOSEN_PERSON.search(bare)
    assert found and CHOSEN_SAYS.match(bare, found.end()) is None
    assert CHOSEN_PERSON.search("the girl we've took on has kept bees for years")
    said = "we went with a lass who has run a parlour"
    found = CHOSEN_PERSON.search(said)
    assert found and CHOSEN_SAYS.match(said, found.end()) is not None


def test_a_rival_chosen_by_name_is_named_back() -> None:
    text = "Sorry Tom, we've given the job to Bronwen. She already knows the till system and the suppliers."
    assert set(analyze_feedback(text).theme_names) == {"competition", "technical_skills"}
    assert CHOSEN_OTHER.search("gaffer's gone wi Shona for the harvest")
    assert CHOSEN_OTHER.search("the owners decided for another person")
    assert not CHOSEN_OTHER.search("we're going with Saturday shifts")


def test_a_rivals_ticket_by_its_short_form_is_technical() -> None:
    for text in (
        "Hi Mo, skipper took a lad with his STCW done already, so he can go straight on the rota.",
        "Hey Al, we're going with a fella who already has his ECS and two years on commercial fit-outs.",
    ):
        assert "technical_skills" in analyze_feedback(text).theme_names  # both read without it before session 17
    assert RIVAL_CREDENTIAL.search("someone who has already passed her NEBOSH")
    assert not RIVAL_CREDENTIAL.search("she already has the experience")
    assert not RIVAL_CREDENTIAL.search("already got his own van")
