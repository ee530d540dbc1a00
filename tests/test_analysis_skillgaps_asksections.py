"""Session 12 (test10's analysis, change 3): a driving licence held with a restriction, at a learner's stage, for
automatics only or without an endorsement does not meet an ask for the full one, while a licence written another
way still meets. Job and CV texts of our own, from several countries' licence systems."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps import match


def _gaps(jd: str, cv: str) -> dict[str, str]:
    result = match(jd, cv, reference_year=2026).to_dict()
    return {str(gap["text"]): str(gap.get("reason") or "") for gap in result["missing"]}  # type: ignore[union-attr]


# -- driving licences held with a qualifier ---------------------------------------------------------------------

CV_HEAD = "Sam Rivera\nStore assistant, Fresh Foods, 2018 - present\n- Stocked shelves and used Excel\nLicences\n"


def _licence_gap(ask: str, held: str) -> str | None:
    gaps = _gaps(f"Delivery Driver\nRequirements:\n- {ask}\n- Excel", CV_HEAD + held)
    return next((reason for text, reason in gaps.items() if "xcel" not in text), None)


@pytest.mark.parametrize(
    ("ask", "held", "why"),
    [
        # a restricted or probationary stage does not meet a full licence: New Zealand, Ontario, Australia, the UK
        ("Full New Zealand driver licence", "Restricted NZ driver licence (Class 1R)", "restricted"),
        ("Full Ontario driver's licence (class G)", "Ontario G2 driver's licence, 2025", "restricted"),
        ("Open NSW driver licence", "NSW provisional P2 licence", "restricted"),
        # a learner's licence, or only a test booked, meets no driving ask
        ("Full UK driving licence", "Provisional UK driving licence; practical test booked for March 2027", "learner"),
        ("Valid driver's licence", "BC learner's licence (Class 7L)", "learner"),
        ("Current driving licence (Code B)", "Learner's licence (Code B), road test scheduled for April", "learner"),
        # automatics only for a manual licence
        ("Manual car licence", "Full Irish driving licence (automatic only)", "automatic"),
        ("Full manual driving licence", "Full UK driving licence, code 78", "automatic"),
    ],
)
def test_a_licence_short_of_the_one_asked_is_a_gap_that_says_why(ask: str, held: str, why: str) -> None:
    reason = _licence_gap(ask, held)
    assert reason is not None and why in reason, (ask, held, reason)


@pytest.mark.parametrize(
    ("ask", "held"),
    [
        ("Valid Ontario driver's licence", "Ontario G2 licence"),  # a probationary licence is a valid licence
        ("Full Victorian driver licence", "Victorian driver licence - full (P plates off 2019)"),
        ("Full driving licence", "Full UK driving licence, automatic only"),  # no manual asked
        ("Ghana driving licence", "Ghana DVLA licence Class B"),  # the issuer's name says it is a driving licence
        ("A full Irish or EU driving licence", "Full Irish driving licence (B)"),
        ("Full EU driving licence", "Polish driving licence, category B"),
    ],
)
def test_a_licence_written_another_way_still_meets(ask: str, held: str) -> None:
    assert _licence_gap(ask, held) is None, (ask, held)


def test_a_licence_of_another_country_is_still_told_apart() -> None:
    reason = _licence_gap("A full Irish or EU driving licence", "Full Indian driving licence")
    assert reason is not None and "Indian" in reason


def test_an_endorsement_with_its_test_still_to_pass_is_not_held() -> None:
    ask = "Texas Class B CDL with Passenger (P) and School Bus (S) endorsements"
    held = (
        "Texas CDL Class B, Passenger endorsement, 2022\n"
        "School Bus endorsement: knowledge test passed; skills test booked"
    )
    reason = _licence_gap(ask, held)
    assert reason is not None and "School Bus" in reason and "not held yet" in reason
    both = "Texas CDL Class B with P and S endorsements, 2022"
    assert _licence_gap(ask, both) is None
    # "no AC endorsement" does not hold it
    assert _licence_gap("Forklift licence with an LF endorsement", "Forklift licence (no LF endorsement)") is not None
