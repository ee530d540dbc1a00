"""Four readings by meaning in decide() (session 13), from the outside writers' misses.

* A topic the candidate could not explain is what they did not know (technical_skills), not how they spoke.
* A rival from inside (the employer's casuals, regulars, last season's crew) is process, filled_internally.
* What a chosen rival holds (a ticket, a registration, a qualification) is technical_skills beside competition.
* A clause that only frames the reason after it ("The problem was the pacing:") adds no theme of its own.

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback as feedback
from nextround.analysis.feedback import _explains_topic, analyze_feedback
from nextround.analysis.feedback.lexicon import DRIVING, FRAME, INTERNAL_FILL, RIVAL_CREDENTIAL

EXPLAINED = [
    "Thanks for the interview. Sadly the panel noted you could not explain how the fouling factor of a heat "
    "exchanger is chosen.",
    "Thank you for attending. You were unable to explain the difference between a gate valve and a globe valve.",
]


@pytest.mark.parametrize("text", EXPLAINED)
def test_a_topic_not_explained_is_a_skill_not_communication(text: str) -> None:
    themes = analyze_feedback(text).theme_names
    assert "technical_skills" in themes
    assert "communication" not in themes


def test_explaining_to_someone_or_in_some_manner_stays_communication() -> None:
    assert _explains_topic("you could not explain the settling tank")
    assert not _explains_topic("you did not explain the repayment plan to the tenant")
    assert not _explains_topic("you could not clearly explain the settling tank")
    assert not _explains_topic("you could not explain it in plain language")
    assert not _explains_topic("you struggled to explain how you would handle a refund")


INSIDE = [
    "Sorry, the post went to one of our weekend casuals who already knows the tills.",
    "Hi Ola, the orchard took back all the pickers from last autumn, so there's no room this year.",
    "We've filled the kitchen porter job with a lad who worked with us last summer.",
]


@pytest.mark.parametrize("text", INSIDE)
def test_a_rival_from_inside_is_filled_internally(text: str) -> None:
    result = analyze_feedback(text)
    assert result.theme_names == ("process",)
    assert "filled_internally" in result.outside_your_control


def test_inside_words_without_a_fill_are_not_read_as_one() -> None:
    assert INTERNAL_FILL.search("one of our summer casuals")
    assert not INTERNAL_FILL.search("you had a row with one of the lads on the first morning")
    assert not INTERNAL_FILL.search("the other candidate had already worked with our biggest accounts")


CREDENTIALS = [
    "Thanks for the trial. We have taken on a groom who is already BHS qualified.",
    "The job went to a lad who has his chainsaw tickets.",
]


@pytest.mark.parametrize("text", CREDENTIALS)
def test_what_a_chosen_rival_holds_is_a_skill_beside_competition(text: str) -> None:
    themes = analyze_feedback(text).theme_names
    assert "competition" in themes
    assert "technical_skills" in themes


def test_a_driving_licence_is_not_a_credential_of_skill() -> None:
    text = "went with someone who has a full driving licence"
    assert RIVAL_CREDENTIAL.search(text)
    assert DRIVING.search(text)


def test_a_framing_clause_is_recognised_only_when_it_just_frames() -> None:
    assert FRAME.search("The problem was the pacing:")
    assert FRAME.search(". Where it fell down was the sales part:")
    assert FRAME.search("What worried us was the pour on Friday")
    assert not FRAME.search("The problem was that you were late on both days and left before the close-down.")
    assert not FRAME.search("Your pacing was the problem.")


def test_a_framing_clause_beside_its_reason_adds_no_theme(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Hi Jo, thanks for the audition. Your tone was lovely. What worried us was the second half: you rushed the "
        "quiet passages and lost the tempo twice."
    )

    def frame_polarity() -> str:
        clauses = analyze_feedback(text).clauses
        return next(clause.polarity for clause in clauses if clause.text.startswith("What worried us"))

    assert frame_polarity() == "neutral"
    assert analyze_feedback(text).theme_names == ("communication",)
    monkeypatch.setattr(feedback, "FRAME_RULE", False)
    assert frame_polarity() == "reason"  # read alone, the frame was a reason of its own (culture_fit)


def test_a_framing_clause_ending_in_a_full_stop_still_frames() -> None:
    # Session 17: "where it went wrong was ..." may close its own sentence, with the reason in the next one; "the
    # problem was the refrigeration side." names the reason's topic and stays a reason (leaving each writer out).
    assert FRAME.search("Where it went wrong was the Thursday delivery.")
    assert FRAME.search("Where he came unstuck was the second task. ")
    assert not FRAME.search("The main problem was the second task.")
    assert not FRAME.search("The problem was that you were late on both days and left before the close-down.")
    assert not FRAME.search("Your pacing was the problem.")
    text = (
        "Hello Priya, thank you for the two days at the depot. Your paperwork was tidy throughout. Where it went "
        "wrong was the Thursday delivery. You loaded the van without checking the pallet weights against the "
        "docket, and two crates of tiles went over the axle limit."
    )
    clauses = analyze_feedback(text).clauses
    assert next(clause.polarity for clause in clauses if clause.text.startswith("Where it went wrong")) == "neutral"
