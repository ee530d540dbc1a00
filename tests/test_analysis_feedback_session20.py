"""Readings by meaning of session 20 (`feedback20`): preparation advised or shown on arrival, a post not replaced,
leaving the work while it is on, a post filled from inside said alone. Switches: `rereading.PREPARE_RULE`,
`rereading.STEP_RULE`, `employer.REPLACE_RULE`, `TEAM_RULE` and `INTERNAL_SAID_RULE` in `nextround.analysis.feedback`.

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback as feedback
import nextround.analysis.feedback.employer as employer
import nextround.analysis.feedback.rereading as rereading
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.employer import EmployerReason, employer_reason
from nextround.analysis.feedback.lexicon import PREPARE_ADVICE, STEP_NOT_DONE, TEAM_CONDUCT


@pytest.mark.parametrize(
    "sentence",
    [
        "It would be worth reading up on the harbour authority's safety rules before your next interview.",
        "Maybe visit a couple of our shops to see how the counters run.",
        "We'd suggest researching the trust's five-year plan before applying again.",
        "Please familiarise yourself with the school's behaviour policy next time.",
    ],
)
def test_advice_to_prepare(sentence: str) -> None:
    assert PREPARE_ADVICE.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We encourage you to visit our careers page for future openings.",
        "I'd encourage you to look into the evening course at the college.",
        "Try to get more practice with spreadsheets before your next interview.",
        "You had clearly read up on the new regulations.",
    ],
)
def test_not_advice_to_prepare(sentence: str) -> None:
    assert not PREPARE_ADVICE.search(sentence)


def test_advice_to_prepare_names_preparation(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Hi Dev, thanks for coming in to the garden centre. We won't be offering the role this time. Perhaps visit "
        "a few nurseries to see how the plant areas are run. All the best, Tamsin"
    )
    assert "preparation" in analyze_feedback(text).theme_names
    monkeypatch.setattr(rereading, "PREPARE_RULE", False)
    assert "preparation" not in analyze_feedback(text).theme_names


@pytest.mark.parametrize(
    "sentence",
    [
        "turned up without her hard hat, couldn't go on site.",
        "You came to the assessment without the reading we sent.",
        "Candidate arrived without any photo ID.",
    ],
)
def test_arriving_without_what_was_asked_is_a_step_not_done(sentence: str) -> None:
    assert STEP_NOT_DONE.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "the band came in without you at the chorus",  # someone else arrived
        "You came in on Saturday without being asked, which we loved.",
    ],
)
def test_not_arriving_without(sentence: str) -> None:
    assert not STEP_NOT_DONE.search(sentence)


def test_a_post_not_replaced_is_process_even_beside_another_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    said = "we've decided not to replace the night porter post"
    assert employer_reason(said, reason_elsewhere=True) == EmployerReason("process", "role_cancelled")
    assert employer_reason("they won't be backfilling the role") == EmployerReason("process", "role_cancelled")
    assert employer_reason("nobody is replacing you, it is a new post") is None
    monkeypatch.setattr(employer, "REPLACE_RULE", False)
    assert employer_reason(said, reason_elsewhere=True) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "you kept slipping off to the stockroom when the tills were busy",
        "he disappeared for half an hour when we were flat out",
        "you left at ten and the dough was still proving",
    ],
)
def test_leaving_the_work_while_it_is_on(sentence: str) -> None:
    assert TEAM_CONDUCT.search(sentence)


def test_leaving_said_of_others_is_no_conduct() -> None:
    assert not TEAM_CONDUCT.search("The last manager left the books in a state and we are still sorting them.")
    assert not TEAM_CONDUCT.search("There was too much fat left on the loin and the chops were uneven.")


def test_leaving_the_work_while_it_is_on_is_culture_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Hi Mo, sorry. The scones were lovely but you nipped out for half an hour when we were rammed. Cheers, Kath"
    assert "culture_fit" in analyze_feedback(text).theme_names
    monkeypatch.setattr(feedback, "TEAM_RULE", False)
    assert "culture_fit" not in analyze_feedback(text).theme_names


def test_a_post_filled_from_inside_said_alone_is_process(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Dear Ms Okafor, the trustees met on Monday and agreed to offer the warden post to a current member of the "
        "parish staff. We appreciate your interest. Yours faithfully, Clerk to the Trustees"
    )
    result = analyze_feedback(text)
    assert result.theme_names == ("process",)
    assert "filled_internally" in result.outside_your_control
    monkeypatch.setattr(feedback, "INTERNAL_SAID_RULE", False)
    assert analyze_feedback(text).theme_names != ("process",)
