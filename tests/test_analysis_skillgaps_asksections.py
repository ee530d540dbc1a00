"""Session 12 (test10's analysis, changes 2 and 3): offers are never asks, a heading that may head offers or asks is
read by its lines, the employer's need for the post is the post; and a driving licence held with a restriction, at
a learner's stage, for automatics only or without an endorsement does not meet an ask for the full one, while a
licence written another way still meets. Job and CV texts of our own, from several countries' licence systems."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps import match
from nextround.analysis.skillgaps.offers import is_offer, offered_section
from nextround.analysis.skillgaps.requirements import requirements


def _texts(jd: str) -> list[str]:
    return [item.text for item in requirements(jd)]


def _gaps(jd: str, cv: str) -> dict[str, str]:
    result = match(jd, cv, reference_year=2026).to_dict()
    return {str(gap["text"]): str(gap.get("reason") or "") for gap in result["missing"]}  # type: ignore[union-attr]


# -- offers -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Medical cover under NHIF for you and two dependants",
        "Take-home share averages NZD 48,000 - 60,000 a season",
        "Public service pay scale, Grade 7",
        "Pension up to 8% employer contribution",
        "25 days' annual leave plus bank holidays",
        "KES 85,000 per month plus a fuel allowance",
        "R18,500 per month, provident fund and medical aid",
        "We offer a sign-on bonus, tuition reimbursement and dental cover from day one",
        "Salary: $31.50/hr during probation, then $36/hr",
    ],
)
def test_offers_are_read_as_offers(line: str) -> None:
    assert is_offer(line), line
    assert _texts(f"Farm Hand\nRequirements:\n- Tractor driving\n- {line}") == ["Tractor driving"]


@pytest.mark.parametrize(
    "line",
    [
        "Experience of pension administration",
        "Payroll including pensions and benefits, 3 years",
        "Advise clients on life cover and income protection",
        "Spanish a bonus",
        "Knowledge of medical aid schemes",
        "Managing budgets over £2m",
        "Health insurance claims processing",
        "Full driving licence",
    ],
)
def test_asks_that_name_an_offer_word_still_ask(line: str) -> None:
    assert not is_offer(line), line


JOB_CONDITIONS_OFFER = (
    "Field Technician - Kumasi\n\n"
    "Requirements\n- HND in Electrical Engineering\n- Solar PV installation\n\n"
    "Conditions\n- GHS 6,500 per month\n- SSNIT contributions and medical cover\n- Motorbike and fuel provided\n\n"
    "Send your CV to the office."
)
JOB_CONDITIONS_ASK = (
    "Records Officer - Ottawa\n\n"
    "Duties\n- Maintain the registry\n\n"
    "Conditions\n- Reliability security clearance\n- Bilingual English and French (BBB)\n- Valid driver's licence\n"
)


def test_an_ambiguous_heading_over_offers_is_the_offer() -> None:
    # "Conditions" over pay, pension and cover heads the offer: "Motorbike and fuel provided" asks nothing either
    assert _texts(JOB_CONDITIONS_OFFER) == ["HND in Electrical Engineering", "Solar PV installation"]
    assert offered_section(["GHS 6,500 per month", "SSNIT contributions and medical cover", "Motorbike provided"])


def test_an_ambiguous_heading_over_asks_keeps_asking() -> None:
    read = _texts(JOB_CONDITIONS_ASK)
    assert "Reliability security clearance" in read
    assert any("licence" in text for text in read)


def test_an_unnamed_heading_over_pay_asks_nothing() -> None:
    jd = (
        "Deckhand\n\nWhat you need\n- Deck experience on a trawler\n- STCW basic safety\n\n"
        "Money\n- Crew share averages AUD 60,000 - 80,000 a year\n- Medical cover under the company scheme\n"
    )
    assert _texts(jd) == ["Deck experience on a trawler", "STCW basic safety"]


def test_the_employers_need_for_the_post_is_the_post() -> None:
    jd = (
        "Tree Surgeon - Hobart\n\nWe are a family arborist business. Most of our removals are done with a crane, but "
        "the tight back gardens still need an experienced climber.\n\n"
        "Requirements\n- Aerial rescue ticket\n- Chainsaw ticket"
    )
    assert _texts(jd) == ["Aerial rescue ticket", "Chainsaw ticket"]
    # what the reader needs still asks, and so does a sentence about a credential
    asks = _texts("Baker\n\nWe are a small bakery. You need a Level 2 food hygiene certificate.\n\nSkills\n- Sourdough")
    assert any("food hygiene" in text for text in asks)


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
