"""The employer's own reasons read by meaning in decide() (session 18, `feedbackE18`; `EMPLOYER_RULE`).

* A post the employer called off ("decided not to go ahead with the ... position") is process + role_cancelled.
* The employer's own units merged ("combine the two cafes") is process + restructuring.
* A visa the candidate must already hold is logistics + location_or_visa, not a rival.
* Pay over the top of the band is logistics + budget (`BAND_RULE`).

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback as feedback
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.employer import employer_reason

CALLED_OFF = (
    "Hello Priya, this is Tom from the dental practice. Just to say we decided not to go ahead with the hygienist "
    "position in the end. Thanks for coming in."
)
MERGED = (
    "Hi Jo, thanks for coming to the trial day. The family have decided to combine the two cafes on Bridge Street and "
    "we will do the baking at the Quay one only. All the best, Ruth."
)
VISA = (
    "Dear Ms Park, thank you for your time. The position is open only to candidates who already hold Canadian "
    "citizenship. Regards."
)


def test_a_post_called_off_is_process_and_role_cancelled(monkeypatch: pytest.MonkeyPatch) -> None:
    analysis = analyze_feedback(CALLED_OFF)
    assert analysis.theme_names == ("process",)
    assert analysis.outside_your_control == ("role_cancelled",)
    monkeypatch.setattr(feedback, "EMPLOYER_RULE", False)
    assert "role_cancelled" not in analyze_feedback(CALLED_OFF).outside_your_control


def test_a_post_named_beside_the_candidates_faults_is_no_post_called_off() -> None:
    text = (
        "Hi Rob, we decided not to move forward with the junior designer role. Your portfolio was thin on print work "
        "and you could not explain your colour choices. Cheers, Dan"
    )
    analysis = analyze_feedback(text)
    assert "process" not in analysis.theme_names
    assert analysis.outside_your_control == ()


def test_the_employers_own_units_merged_is_restructuring(monkeypatch: pytest.MonkeyPatch) -> None:
    analysis = analyze_feedback(MERGED)
    assert analysis.theme_names == ("process",)
    assert analysis.outside_your_control == ("restructuring",)
    monkeypatch.setattr(feedback, "EMPLOYER_RULE", False)
    assert analyze_feedback(MERGED).outside_your_control != ("restructuring",)


def test_a_visa_the_candidate_must_hold_is_no_rival(monkeypatch: pytest.MonkeyPatch) -> None:
    analysis = analyze_feedback(VISA)
    assert "logistics" in analysis.theme_names
    assert "competition" not in analysis.theme_names
    assert analysis.outside_your_control == ("location_or_visa",)
    monkeypatch.setattr(feedback, "EMPLOYER_RULE", False)
    assert "competition" in analyze_feedback(VISA).theme_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we have decided not to proceed with the night porter vacancy", ("process", "role_cancelled")),
        ("the weekend cook role won't go ahead this summer", ("process", "role_cancelled")),
        ("we're combining both garden centres under one manager", ("process", "restructuring")),
        ("this post is open only to applicants with the right to work in Ireland", ("logistics", "location_or_visa")),
        ("we decided not to go ahead with you for the barista role", None),
        ("we have decided not to proceed with your application", None),
        ("you merged the two columns of the spreadsheet by hand", None),
        ("we went with a candidate who already holds a work visa", None),
    ],
)
def test_what_counts_as_the_employers_own_reason(text: str, expected: tuple[str, str] | None) -> None:
    found = employer_reason(text)
    assert (None if found is None else (found.theme, found.code)) == expected


BAND_TOP = (
    "Hi Maya, quick update on the bookkeeper role. They liked you and your Xero skills are spot on. The sticking point "
    "is money - you asked for $72k and the top of their band is $60k, and they cannot move on it. Best, Tom"
)


def test_pay_over_the_top_of_the_band_is_logistics_and_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    analysis = analyze_feedback(BAND_TOP)
    assert analysis.theme_names == ("logistics",)
    assert analysis.outside_your_control == ("budget",)
    monkeypatch.setattr(feedback, "BAND_RULE", False)
    assert analyze_feedback(BAND_TOP).outside_your_control == ()
