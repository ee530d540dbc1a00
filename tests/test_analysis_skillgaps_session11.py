"""Session 11 (test9's analysis): conditions of eligibility listed apart from gaps, credentials not held yet,
"lead" the metal and head counts of people, and names written another way. Sentences of our own."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps import match
from nextround.analysis.skillgaps.exact import NamedIndex, not_held
from nextround.analysis.skillgaps.frames import asks_to_lead, leading_shown
from nextround.analysis.skillgaps.nearmiss import other_variant
from nextround.analysis.skillgaps.requirements import requirements


def _result(jd: str, cv: str) -> dict[str, list[dict[str, object]]]:
    return match(jd, cv, reference_year=2026).to_dict()  # type: ignore[return-value]


def _gaps(jd: str, cv: str) -> list[str]:
    return [str(gap["text"]) for gap in _result(jd, cv)["missing"]]


# -- conditions of eligibility --------------------------------------------------------------------------------

JOB = (
    "Depot Coordinator\nRequirements:\n"
    "- Must be an Australian citizen or permanent resident\n"
    "- Be willing to travel overnight to regional depots\n"
    "- Able to attend monthly board meetings in the evening\n"
    "- MYOB or Xero accounts payable\n"
    "- Must be eligible to obtain a Victorian security licence\n"
    "- Physically fit\n"
)
CV = "Accounts assistant, Boral depot, Perth, 2019 - present\n- Entered supplier bills in Xero and ran pay runs."


@pytest.mark.parametrize(
    ("line", "condition"),
    [
        ("Must be an Australian citizen or permanent resident", True),
        ("Be willing to travel overnight to regional depots", True),
        ("Able to attend monthly board meetings in the evening", True),
        ("Must be eligible to obtain a Victorian security licence", True),
        ("You must be willing to undergo annual hearing tests", True),
        ("Physically fit", True),
        # skills and duties that share a word with a condition
        ("Able to attend to residents' personal care", False),
        ("Able to manage a team of six drivers", False),
        ("MYOB or Xero accounts payable", False),
        ("Heavy rigid (HR) licence", False),
        # a credential beside the condition is still asked: the CV may lack it
        ("Heavy rigid (HR) licence, or eligibility to obtain one within three months", False),
        ("Australian citizen with a current Baseline security clearance", False),
    ],
)
def test_conditions_of_eligibility_are_read_as_conditions(line: str, condition: bool) -> None:
    read = requirements(f"Requirements:\n- {line}\n- Excel")
    assert read, line
    assert any(item.condition for item in read) is condition, [(item.text, item.condition) for item in read]


def test_conditions_are_listed_to_confirm_never_gaps_or_scored() -> None:
    result = _result(JOB, CV)
    conditions = [str(item["text"]) for item in result["conditions"]]
    assert any("Australian citizen" in text for text in conditions)
    assert any("travel overnight" in text for text in conditions)
    assert any("board meetings" in text for text in conditions)
    assert any("eligible to obtain" in text for text in conditions)
    gaps = " | ".join(_gaps(JOB, CV))
    for word in ("citizen", "travel", "board meetings", "eligible", "Physically"):
        assert word not in gaps
    required = " | ".join(str(item["text"]) for item in result["required"])
    assert "citizen" not in required and "Xero" in required  # not scored, unlike the skills


def test_a_right_to_work_sentence_is_a_condition_to_confirm() -> None:
    jd = "Requirements:\n- Full right to work in New Zealand\n- Two years of payroll processing"
    result = _result(jd, "Payroll officer, 2020 - 2024, fortnightly pay runs for 300 staff")
    assert [item["text"] for item in result["conditions"]] == ["Full right to work in New Zealand"]


# -- credentials not held yet ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "NEBOSH General Certificate: exams sat June 2026, result awaited",
        "AWS Solutions Architect Associate voucher for March 2027",
        "Application for registration sent to the Nursing Council, May 2026",
        "Gas Safe ACS assessment scheduled for February 2027",
    ],
)
def test_a_credential_whose_result_or_exam_is_still_to_come_is_not_held(line: str) -> None:
    assert not_held(line, 2026)


def test_a_not_yet_cue_speaks_only_for_its_own_part_of_the_line() -> None:
    line = "Xero Advisor certified (2022); QuickBooks ProAdvisor exam voucher for May 2027"
    assert not_held(line, 2026, "QuickBooks ProAdvisor certification")
    assert not not_held(line, 2026, "Xero Advisor certification")


def test_a_credential_with_its_result_awaited_is_a_gap() -> None:
    jd = "Requirements:\n- NEBOSH National General Certificate\n- Site safety inspections"
    cv = (
        "Safety advisor, Kier, 2021 - present\n- Weekly site safety inspections and toolbox talks.\n"
        "Training\n- NEBOSH National General Certificate: exams sat June 2026, result awaited"
    )
    assert any("NEBOSH" in gap for gap in _gaps(jd, cv))
    held = cv.replace("exams sat June 2026, result awaited", "passed June 2024")
    assert not any("NEBOSH" in gap for gap in _gaps(jd, held))


def test_a_name_the_cv_writes_only_with_a_voucher_is_not_held() -> None:
    jd = "Requirements:\n- Salesforce Certified Platform Developer (PD1)"
    cv = (
        "Salesforce developer, Cloudwise, 2021 - present\n- Apex triggers, Lightning web components.\n"
        "Certifications: Salesforce Administrator (2022); PD1 voucher for 2027"
    )
    assert any("PD1" in gap for gap in _gaps(jd, cv))
    held = cv.replace("PD1 voucher for 2027", "PD1 (2024)")
    assert not any("PD1" in gap for gap in _gaps(jd, held))


# -- leading people -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "asks"),
    [
        ("take part in blood lead testing and work rotating shifts", False),
        ("lead flashing and leadwork for crews on heritage roofs", False),
        ("lead a shift team of packers", True),
        ("supervisor", True),
        ("a shift supervisor", True),
    ],
)
def test_lead_the_metal_is_not_leading_people(phrase: str, asks: bool) -> None:
    assert asks_to_lead(phrase) is asks


@pytest.mark.parametrize(
    ("line", "shows"),
    [
        ("- Handle two line leaders and 25 packers on the night shift.", True),
        ("Skills: stock control, team handling, Excel", True),
        ("- Handled customer refunds for 25 stores.", False),
        ("- Lead flashing on 40 roofs for 3 builders", False),
    ],
)
def test_handling_people_by_head_count_shows_leading(line: str, shows: bool) -> None:
    assert (leading_shown([line]) is not None) is shows


def test_years_as_supervisor_are_met_by_a_lead_role() -> None:
    jd = "Requirements:\n- Minimum 4 years in commercial laundry, at least 2 as supervisor"
    cv = (
        "Shift Lead, Sparkle Linen, Hamilton\nJanuary 2023 - present\n- Lead 12 staff on the ironers and folders.\n"
        "Laundry operator, Sparkle Linen\nMarch 2018 - December 2022"
    )
    assert not any("supervisor" in gap for gap in _gaps(jd, cv))


# -- names written another way --------------------------------------------------------------------------------


def test_names_sharing_a_head_word_are_each_named() -> None:
    index = NamedIndex.of("Built journeys across Marketing and Commerce Cloud for 3 retailers")
    assert index.names("Marketing Cloud") and index.names("Commerce Cloud")
    assert index.names("Marketing Cloud and Commerce Cloud")
    assert not index.names("Service Cloud")


def test_a_product_written_with_a_web_suffix_is_named() -> None:
    index = NamedIndex.of("Bulk updates with Workbench and Dataloader.io")
    assert index.names("Data Loader")
    assert not index.names("Data Import Wizard")


def test_a_state_written_short_names_the_state() -> None:
    assert NamedIndex.of("Electrical Licence (NT), 2021").names("Northern Territory")
    assert NamedIndex.of("Open cut examiner certificate (WA)").names("Western Australian")
    assert not NamedIndex.of("Electrical Licence (QLD), 2021").names("Western Australian")


def test_the_same_words_in_another_order_are_not_another_variant() -> None:
    assert other_variant("- IPAF Operator Licence (2022)", "IPAF Licensed Operator") is None
    assert (
        other_variant("- IPAF Operator Licence (2022); BC Class 5 driver's licence", "IPAF Licensed Operator") is None
    )
    assert other_variant("- SCA Brewing Foundation (2021)", "SCA Brewing Intermediate") is not None


# -- a licence class under a "Licences" heading ---------------------------------------------------------------


def test_a_class_under_a_licences_heading_is_a_driving_licence() -> None:
    from nextround.analysis.skillgaps.credentials import numbered_licences

    assert numbered_licences("Licences\nAlberta Class 5\nForklift (counterbalance)") == {("class", 5)}
    assert numbered_licences("LICENCES AND TICKETS:\n- Ontario Class 1, air brakes") == {("class", 1)}
    # the heading speaks only until the next section: a school class is no licence
    assert numbered_licences("Licences\nAlberta Class 5\n\nEducation\nClass 3 of 2012") == {("class", 5)}
    jd = "Yard Hand\nRequirements:\n- Class 5 driver's licence\n- Snow clearing"
    cv = "Yard hand, Prairie Co-op, 2020 - present\n- Snow clearing with a loader.\n\nLicences\nAlberta Class 5"
    assert not any("Class 5" in gap for gap in _gaps(jd, cv))
    assert any("Class 3" in gap for gap in _gaps(jd.replace("Class 5", "Class 3"), cv))


def test_team_handling_asked_is_leading_people() -> None:
    assert asks_to_lead("Team handling experience in a dye house")
    jd = "Dye House Supervisor\nRequirements:\n- Team handling experience in a dye house"
    cv = "Dyeing operator, Sri Textiles, 2018 - present\n- Ran the soft-flow machines on night shift."
    assert any("Team handling" in gap for gap in _gaps(jd, cv))
    led = cv + "\n- Handle two shift in-charges and 30 operators."
    assert not any("Team handling" in gap for gap in _gaps(jd, led))
