"""Session 13 (test11's error analysis): language levels, licences written in the CV's own language, licences for
other vehicles, ages and deadlines that are not years of experience, conditions and wishes in other words, and
duties judged by meaning rather than by the leading frame or a product's name. Job and CV texts of our own."""

from __future__ import annotations

from nextround.analysis.skillgaps import credentials, licence_stages
from nextround.analysis.skillgaps.matcher import rule_judgements
from nextround.analysis.skillgaps.phrases import _years
from nextround.analysis.skillgaps.requirements import requirements

from .skillgap_helpers import verdict_on, verdicts

# -- language levels --------------------------------------------------------------------------------------------


def test_a_language_level_asked_is_compared_with_the_level_the_cv_gives_that_language() -> None:
    cv = "Languages\nPortuguese (mother tongue), Spanish (B1), English (C2)"
    assert credentials.language_level_short("Fluent Spanish (C1 or above)", cv) == (False, "Spanish C1", "Spanish (B1)")
    assert credentials.language_level_short("Spanish at B1 level", cv) == (True, "Spanish B1", "Spanish (B1)")
    # native counts as the top level; a language the CV gives no level is left to the other checks
    assert credentials.language_level_short("Portuguese (C2)", cv) is not None
    assert credentials.language_level_short("Portuguese (C2)", cv)[0] is True  # type: ignore[index]
    assert credentials.language_level_short("Italian (B2)", cv) is None
    # the level goes with the language beside it, on either side
    both = "English (C2), Dutch (B1, evening course 2024)"
    assert credentials.language_level_short("Dutch at C1 level and good English", both) == (
        False,
        "Dutch C1",
        "Dutch (B1, evening course 2024)",
    )
    # a licence category beside a language on another part of the line is not its level
    assert credentials.language_level_short("Greek (B2)", "Greek (basic); licence C1") is None


def test_a_lower_language_level_is_a_gap_with_its_reason() -> None:
    jd = "Requirements:\n- Confident Spanish (at least C1) for guest calls\n- Forklift counterbalance experience"
    cv = "Experience\nWarehouse operative, 2019 - present\n- Counterbalance forklift daily\nLanguages: Spanish (B1)"
    met, how, reason = verdict_on(jd, cv, "Spanish")
    assert (met, how) == (False, "language")
    assert reason == "Spanish C1 asked; the CV shows Spanish (B1)"
    assert verdict_on(jd, cv.replace("(B1)", "(C2)"), "Spanish")[:2] == (True, "language")


# -- driving licences ---------------------------------------------------------------------------------------------


def test_a_driving_licence_in_the_cvs_own_language_is_a_driving_licence() -> None:
    assert credentials.licence_categories("Rijbewijs B, eigen auto") == {"B"}
    assert credentials.licence_categories("Führerschein Klasse C1E") == {"C1+E"}
    assert credentials.licence_categories("Carnet de conducir tipo B") == {"B"}
    assert licence_stages.holds_driving_licence("Körkort B sedan 2015")
    assert not licence_stages.holds_driving_licence("Patentino gru mobile (crane operator card)")
    jd = "Requirements:\n- Driving licence B\n- Experience packing orders"
    cv = "Experience\nPacker, Vinhos Lda, 2020 - present\n- Packed 300 orders a day\nPermis B"
    assert verdict_on(jd, cv, "licence")[:2] == (True, "licence")


def test_a_licence_for_another_vehicle_is_not_met_by_a_car_licence() -> None:
    assert not credentials.asks_any_driving_licence("Boat driving licence for the harbour launch")
    assert not licence_stages.asks_driving_licence("Snowmobile licence or equivalent")
    assert credentials.asks_any_driving_licence("Full clean driving licence")
    jd = "Requirements:\n- Boat driving licence for the harbour launch"
    cv = "Experience\nCourier, 2018 - present\nFull UK driving licence"
    assert verdict_on(jd, cv, "Boat")[1] != "licence"


# -- ages and deadlines are not years of experience -----------------------------------------------------------------


def test_ages_and_deadlines_are_not_years_asked() -> None:
    assert _years("be at least 21 years old")[0] is None
    assert _years("applicants must be 18 years of age")[0] is None
    assert _years("Run the holiday club for children aged 5-11 years")[0] is None
    assert _years("complete the forklift ticket within 6 months")[0] is None
    assert _years("At least 2 years working with children")[0] == 2.0
    assert _years("childcare with toddlers aged 1-3 years and 2 years in a nursery")[0] == 2.0


def test_an_age_in_prose_asks_no_years_of_anything() -> None:
    jd = (
        "Requirements:\n- Lifeguard qualification\n"
        "You must be available all summer, live near the lake and be at least 20 years old."
    )
    assert all(item.years is None for item in requirements(jd))


# -- conditions, qualities and wishes in other words ----------------------------------------------------------------


def test_criminal_records_physical_condition_and_a_future_credential_are_conditions() -> None:
    jd = (
        "Requirements:\n- Clean criminal record\n- Good physical condition for long days outdoors\n"
        "- Experience pruning fruit trees\n\n"
        "The successful candidate will be expected to hold a chainsaw ticket within 12 months (we will pay for "
        "the course) and to work Saturdays during the season."
    )
    read = requirements(jd)
    conditions = {item.text for item in read if item.condition}
    assert "Clean criminal record" in conditions
    assert any("physical condition" in text for text in conditions)
    assert any("chainsaw ticket" in text for text in conditions)
    assert all(item.years is None for item in read)  # "within 12 months" is a deadline
    assert [item.text for item in read if "fruit" in item.text and not item.condition]


def test_a_strong_advantage_is_a_wish_and_an_outgoing_personality_a_quality() -> None:
    jd = "Requirements:\n- Experience running kids' clubs\n- Dutch is a strong advantage\n- Outgoing personality"
    read = requirements(jd)
    dutch = [item for item in read if "Dutch" in item.text]
    assert dutch and all(item.importance == "nice_to_have" for item in dutch)
    outgoing = [item for item in read if "Outgoing" in item.text or "outgoing" in item.text]
    assert outgoing and all(item.quality for item in outgoing)


# -- duties ---------------------------------------------------------------------------------------------------------


def test_a_duty_that_leads_people_is_judged_by_meaning_not_by_the_leading_frame() -> None:
    jd = (
        "Duties\n- Lead and mentor two trainee roasters on the morning shift\n- Roast green coffee to profile\n"
        "Requirements\n- Experience roasting speciality coffee"
    )
    cv = "Experience\nRoaster, Bean Shed, 2020 - present\n- Roasted single origins on a 15 kg drum\n"
    judged = {item.requirement.text: (item, values) for item, values in rule_judgements(jd, cv, 2026)}
    duty, values = judged["Lead and mentor two trainee roasters on the morning shift"]
    assert duty.evidence.how != "leading"
    assert values is not None  # the learned gate and evidence head decide it
    # an ask to lead in the requirements is still read by the frame
    asks = "Requirements\n- Supervising a team of roasters"
    item, values = rule_judgements(asks, cv, 2026)[0]
    assert (item.evidence.met, item.evidence.how, values) == (False, "leading", None)


def test_a_leading_duty_is_not_shown_by_a_title_that_names_the_people_it_would_lead() -> None:
    # the title says what the candidate was (one of the assistants), not that they led any
    jd = (
        "Accounts Supervisor\nThe role:\n- Manage a team of three accounts assistants\n"
        "- Reconcile supplier statements\nExperience required:\n- Experience with Sage 50"
    )
    cv = (
        "Experience\nSenior Accounts Assistant, Harbour Trust, 2014 - 2023\n"
        "- Reconciled supplier statements every month\n- Used Sage 50 daily\n"
    )
    met, how, reason = verdict_on(jd, cv, "accounts assistants")
    assert (met, how) == (False, "leading")
    assert "leading" in reason
    # a CV that does lead people shows it
    led = cv + "- Led a team of four assistants through the year-end close\n"
    assert verdict_on(jd, led, "accounts assistants")[0] is True


# -- years as one of several titles ---------------------------------------------------------------------------------


def _gap_reasons(jd: str, cv: str) -> dict[str, str]:
    return {text: reason for text, (met, _, reason) in verdicts(jd, cv).items() if not met}


def test_years_as_one_of_two_titles_count_the_roles_with_either_title() -> None:
    jd = "Requirements:\n- At least 6 years in bakeries, including 2 years as a head baker or shift lead"
    cv = (
        "Experience\nShift Lead, Crumb & Co, Leeds\nMarch 2025 - present\n- Ran the night bake for a team of four\n"
        "Baker, Crumb & Co, Leeds\n2016 - 2025\n- Bread and viennoiserie\n"
    )
    reasons = _gap_reasons(jd, cv)
    assert any(reason.startswith("2 years asked; the roles with that title add up to") for reason in reasons.values())
    longer = cv.replace("March 2025 - present", "2022 - present").replace("2016 - 2025", "2016 - 2022")
    assert not any("roles with that title" in reason for reason in _gap_reasons(jd, longer).values())


def test_an_assistant_is_not_yet_the_title_asked() -> None:
    jd = "Requirements:\n- 3 years as a crane operator"
    cv = (
        "Experience\nCrane Operator, Liftwell Ltd\nJanuary 2025 - present\n- Mobile cranes up to 60 t\n"
        "Assistant Crane Operator, Liftwell Ltd\n2018 - 2024\n- Slinging and signalling\n"
    )
    assert _gap_reasons(jd, cv) == {"crane operator": "3 years asked; the roles with that title add up to 1 year"}
    assert _gap_reasons(jd, cv.replace("Assistant Crane Operator", "Crane Operator")) == {}


def test_use_of_is_a_lead_in_so_its_list_is_split() -> None:
    read = [item.text for item in requirements("Requirements\n- Use of soil probes and moisture meters")]
    assert read == ["soil probes", "moisture meters"]
