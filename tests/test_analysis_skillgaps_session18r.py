"""Session 18 (engineer skillsR18): reading the ad: joined asks, lead-ins, a licence's letter, years since
qualifying. Our own sentences, none from a pair file."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps.phrases import split_items
from nextround.analysis.skillgaps.requirements import requirements
from nextround.analysis.skillgaps.roleyears import years_since_qualifying


def _asked(jd: str) -> dict[str, str]:
    return {item.text: item.importance for item in requirements(jd)}


@pytest.mark.parametrize(
    ("phrase", "items"),
    [
        # one check of two things is one ask
        ("Valid drug and alcohol clearance", ["Valid drug and alcohol clearance"]),
        ("a site induction and drug and alcohol testing", ["a site induction", "drug and alcohol testing"]),
        ("pass a police and medical check", ["pass a police and medical check"]),
        # two things, the second a test: still two (a plural, or a word before the first)
        ("blood pressures and urine screening", ["blood pressures", "urine screening"]),
    ],
)
def test_one_check_of_two_things_is_kept_whole(phrase: str, items: list[str]) -> None:
    assert split_items(phrase) == items


def test_a_lead_in_after_a_heading_asks_nothing_and_the_list_under_it_asks() -> None:
    jd = (
        "Survey Assistant\n\n"
        "Eligibility: Every applicant must, on the closing date for receipt of completed forms:\n"
        "- hold a current forestry chainsaw ticket;\n"
        "- have two years of outdoor work.\n"
    )
    asked = _asked(jd)
    assert not any("closing date" in text for text in asked)
    assert asked.get("forestry chainsaw ticket") == "required"


def test_how_often_a_duty_is_done_is_not_an_ask_and_what_the_holder_receives_is_an_offer() -> None:
    jd = (
        "Harbour Patrol Officer\n\n"
        "Our Patrol Officers walk the quays at night, checking moorings and calling the coastguard where needed.\n"
        "Applicants will receive training in our radio procedures.\n\n"
        "Essential:\n- Powerboat Level 2 certificate\n"
    )
    asked = _asked(jd)
    assert list(asked) == ["Powerboat Level 2 certificate"]
    # "needed" still asks when it is said of the reader's ask
    assert any("forklift licence" in text for text in _asked("Picker\n\nA forklift licence is needed for this post."))


def test_a_licence_letter_is_not_a_desirable_mark_unless_the_ad_marks_its_lines() -> None:
    one = "Courier\n\nYou must have:\n- Class 2 licence\n- Tanker endorsement (D)\n- A clean record\n\nNice: forklift"
    assert _asked(one)["Tanker endorsement (D)"] == "required"
    spec = "Porter\n\nPerson specification:\n- Manual handling training (E)\n- Forklift ticket (D)\n- Good English (E)"
    assert _asked(spec)["Forklift ticket"] == "nice_to_have"


@pytest.mark.parametrize(
    ("cv", "ask", "years"),
    [
        # a registration step under way is not the qualifying event; the first degree is
        (
            "B.Sc. Quantity Surveying, 2016\nM.Sc. Construction Law, 2022\nRegistration: application submitted 2026",
            "Minimum 4 years post-qualification experience",
            10.0,
        ),
        (
            "BEng Mechanical, 2010 - 2014\n2015 - present: design engineer",
            "5 years post-qualification experience",
            12.0,
        ),
        # a written qualifying event still wins over the degree
        ("LLB 2012\nAdmitted as a solicitor 2020", "3 years PQE", 6.0),
        # nothing to count from
        ("2019 - present: surveyor", "3 years post-qualification experience", None),
    ],
)
def test_years_since_qualifying_count_from_the_first_degree_when_no_event_is_held(
    cv: str, ask: str, years: float | None
) -> None:
    assert years_since_qualifying(cv, ask, 2026) == years
