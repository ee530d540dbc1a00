"""The lines between the personal themes the corpus README names (session 22, `feedbackP22`; `personal_lines.py`,
cues `written_slips`, `slips_reader`, `listener_lost`, `read_back`, `wants_other`, `shared_in_advance`, `not_worn`,
`credential_pending`, `service_time`).

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback.personal_lines as personal_lines
import nextround.analysis.feedback.rereading as rereading
from nextround.analysis.feedback import THEMES, analyze_feedback
from nextround.analysis.feedback.personal_lines import redraw_personal
from nextround.analysis.feedback.rereading import said_themes


def _read(text: str, themes: list[str]) -> tuple[list[str], set[str]]:
    probabilities = dict.fromkeys(THEMES, 0.2)
    kept: set[str] = set()
    return sorted(redraw_personal(text, themes, probabilities, kept)), kept


@pytest.mark.parametrize(
    ("sentence", "read", "redrawn"),
    [
        # A written piece whose reader trips on it: communication.
        (
            "the cover letter had four typos and the customer's surname was misspelt in the greeting",
            ["technical_skills"],
            ["communication"],
        ),
        # A listener lost in the candidate's words: communication.
        (
            "you explained the boiler fault in heating jargon and the tenant was completely lost",
            ["technical_skills"],
            ["communication"],
        ),
        # A read-back not done: communication.
        ("on the radio test you did not read the grid reference back", ["technical_skills"], ["communication"]),
        # What was shared before and not prepared: preparation, not how it was said.
        ("the case study had been sent to you in advance", ["communication"], ["preparation"]),
        # Clothes for the setting: culture_fit.
        ("you came to the gallery opening in a tracksuit and trainers", ["preparation"], ["culture_fit"]),
        # A credential not yet held: technical_skills.
        ("you still have three exams to go before you are a chartered surveyor", ["experience"], ["technical_skills"]),
        ("you have not yet received your HCPC registration", ["generic"], ["generic"]),  # a form letter stays one
        # What the candidate wants instead of the work: motivation, however the place is described.
        ("you seemed more interested in the gift shop than the animals we care for", ["culture_fit"], ["motivation"]),
        ("you said you're not really a horse person, and we are a riding school", ["culture_fit"], ["motivation"]),
        # Time in a rank or a seat: experience.
        ("the post needs three years' seat time on a tower crane", ["technical_skills"], ["experience"]),
    ],
)
def test_the_lines_are_redrawn(sentence: str, read: list[str], redrawn: list[str]) -> None:
    assert _read(sentence, read)[0] == redrawn


@pytest.mark.parametrize(
    ("sentence", "read"),
    [
        # No reader named: slips alone split by writer.
        ("the headline had a typo in it and the figures in the table did not add up", ["technical_skills"]),
        ("you explained the audit without jargon, but the sampling plan was wrong", ["technical_skills"]),  # no jargon
        ("the portfolio you sent in beforehand was lovely, but the live brief was weak", ["technical_skills"]),  # yours
        ("you turned up to the roofing trial in trainers and no boots", ["preparation"]),  # safety gear
        ("you said the draw was the pay and the free T-shirt", ["motivation"]),  # a perk, not clothes worn
        ("the knife work let you down, so call me back when you have had more practice", ["technical_skills"]),
        ("you told us you're not really a people person, and the shop floor is loud", ["culture_fit"]),  # how they work
        ("we need a driver for the van and you have not yet received your licence back", ["logistics"]),  # driving
        ("the post needs a ticket for the crane as well as seat time", ["technical_skills"]),  # a credential named
    ],
)
def test_the_lines_stay(sentence: str, read: list[str]) -> None:
    assert _read(sentence, read)[0] == sorted(read)


def test_dress_and_a_pending_credential_are_kept_however_faintly() -> None:
    assert _read("you came to the boardroom in shorts", ["preparation"])[1] == {"culture_fit"}
    assert _read("your registration exam isn't until June", ["experience"])[1] == {"technical_skills"}


def test_written_slips_are_communication_and_the_switch_turns_them_off(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Hi Sam, thanks for sitting the copy test for the agency. The ideas were fine, but the press release had "
        "typos in every paragraph and the client's name was misspelt twice, and our clients read every word. "
        "All the best, Nora"
    )
    assert "communication" in analyze_feedback(text).theme_names
    monkeypatch.setattr(personal_lines, "WRITTEN_SLIPS_RULE", False)
    assert "communication" not in analyze_feedback(text).theme_names


def test_shared_in_advance_is_said_plainly_and_the_switch_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "your answer stayed general, although the questions had been shared in advance"
    assert "preparation" in said_themes(text)
    letter = f"Dear Lee, thank you for attending the panel. {text.capitalize()}."
    assert "preparation" in analyze_feedback(letter).theme_names
    monkeypatch.setattr(rereading, "SHARED_IN_ADVANCE_RULE", False)
    assert "preparation" not in said_themes(text)
