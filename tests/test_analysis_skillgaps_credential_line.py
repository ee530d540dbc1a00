"""The credential's own line (session 24): a lower ordinal class, a lower language level, a credential that has run
out or is only enrolled for, one spelled out under a heading, and an ask met by a credential or by years of work."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps import match
from nextround.analysis.skillgaps.held import not_held
from nextround.analysis.skillgaps.language_levels import language_words_short
from nextround.analysis.skillgaps.requirements import requirements
from nextround.analysis.skillgaps.same_name import value_short, values
from nextround.analysis.skillgaps.years_way import split_years_way


def _gaps(jd: str, cv: str) -> dict[str, str]:
    return {str(gap["text"]): str(gap["reason"]) for gap in match(jd, cv, reference_year=2026).to_dict()["missing"]}


# -- a class named by its ordinal ----------------------------------------------------------------------------------


def test_an_ordinal_class_is_read_as_a_class() -> None:
    assert [(v.word, v.value) for v in values("First Class Steam Engineer certificate")] == [("ordinal class", "1")]
    assert [(v.word, v.value) for v in values("FAA 2nd-class medical")] == [("ordinal class", "2")]


def test_a_lower_ordinal_class_than_asked_is_a_gap() -> None:
    found = value_short(
        "First Class Steam Engineer Certificate", "Tickets\n- Third Class Steam Engineer Certificate, Province (2019)"
    )
    assert found is not None and "Third Class" in found[0] and "First Class" in found[0]


@pytest.mark.parametrize(
    ("asked", "held"),
    [
        ("Third Class Steam Engineer Certificate", "Second Class Steam Engineer Certificate (2019)"),  # higher
        ("Third Class Steam Engineer Certificate", "Third Class Steam Engineer Certificate (2019)"),
        ("A degree in Chemistry (minimum Second Class Lower)", "BSc Chemistry, First Class Honours, 2020"),
        ("first-class customer service", "Cashier, 2020 - 2024: customer service on a busy till"),  # praise
    ],
)
def test_the_class_asked_or_a_higher_one_is_not_a_gap(asked: str, held: str) -> None:
    assert value_short(asked, f"Work\nOperator, 2018 - present\nTickets\n{held}") is None


# -- a language level on the language's own line --------------------------------------------------------------------


def test_a_level_after_a_dash_is_the_languages_level() -> None:
    found = language_words_short("Advanced French", "Languages\nEnglish - native\nFrench - intermediate")
    assert found is not None and not found[0]
    met = language_words_short("Advanced French", "Languages\nEnglish - native\nFrench - fluent")
    assert met is not None and met[0]


def test_an_entry_level_does_not_hold_a_conversation() -> None:
    ask = "Welsh language skills (able to hold a conversation with customers in Welsh)"
    found = language_words_short(ask, "Languages\nEnglish\nWelsh - Entry level course, 2025")
    assert found is not None and not found[0]
    met = language_words_short(ask, "Languages\nEnglish\nWelsh - conversational")
    assert met is not None and met[0]


# -- currency and stage on the credential's line -------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Boat handling certificate (2019) - the refresher ran out March 2024, to rebook",
        "Firearms permit: my five-year permit has run out",
        "Diploma in Horticulture - enrolled, 3 of 10 units done",
        "Forklift ticket (2019) - studying Second Class Steam Engineering at night",
        "Skipper, Fifth Class - exams written 2026, sea-time sign-off still to come",
    ],
)
def test_a_line_that_says_it_ran_out_or_is_only_enrolled_is_not_held(line: str) -> None:
    assert not_held(line, 2026)


@pytest.mark.parametrize(
    "line",
    ["Enrolled Nurse, Nursing Council (2019)", "Boat handling certificate, 2024 (runs out in 2028)"],
)
def test_a_title_or_a_date_to_come_is_still_held(line: str) -> None:
    assert not not_held(line, 2026)


def test_a_spelled_out_acronym_under_a_heading_is_judged_on_its_own_line() -> None:
    jd = "Ward nurse\nRequirements:\n- Current ACLS certification\n- Two years of ward nursing"
    cv = (
        "Ward nurse, City Hospital, 2019 - present\n- Ward nursing on a busy medical ward\n\nCERTIFICATIONS\n"
        "- Registered Nurse (2019)\n- Advanced Cardiac Life Support (AHA) - valid until Mar 2024"
    )
    gaps = _gaps(jd, cv)
    assert any("ACLS" in gap for gap in gaps)
    current = cv.replace("valid until Mar 2024", "valid until Mar 2028")
    assert not any("ACLS" in gap for gap in _gaps(jd, current))


# -- a credential or years of the work -----------------------------------------------------------------------------


def test_an_or_years_ask_has_two_ways() -> None:
    assert split_years_way("Certificate in Roofing or at least 3 years' roofing experience") == (
        "Certificate in Roofing",
        "at least 3 years' roofing experience",
    )
    assert split_years_way("2 years as a roofer or a Certificate in Roofing") is None  # the years come first
    (item,) = requirements("Requirements:\n- Certificate III in Roofing or 3+ years roofing experience\n")
    assert item.alternatives == ("Certificate III in Roofing",)  # the award is not carried to the years' way
    assert item.years == 3 and item.years_way == "roofing"


_JD = "Roofer\nRequirements:\n- Certificate III in Roofing or 3+ years roofing experience\n- Driver licence"


def test_either_way_meets_the_ask() -> None:
    years = "Roofer, Topline Roofing, 2019 - present\n- Roofing on new homes\nDriver licence (full)\n"
    assert not any("Roofing" in gap for gap in _gaps(_JD, years + "Certificate III in Roofing - enrolled, 2026"))
    short = "Roofer, Topline Roofing, 2025 - present\n- Roofing on new homes\nDriver licence (full)\n"
    assert not any("Roofing" in gap for gap in _gaps(_JD, short + "Certificate III in Roofing, 2024"))


def test_neither_way_is_a_gap() -> None:
    cv = "Roofer, Topline Roofing, 2025 - present\n- Roofing on new homes\nDriver licence (full)\n"
    gaps = _gaps(_JD, cv + "Certificate III in Roofing - enrolled, 2026")
    assert any("Roofing" in gap for gap in gaps)
