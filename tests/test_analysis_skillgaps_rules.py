"""Skill gaps: the grammar of requirement phrases and the exact checks added for wording the matcher
had not seen (licences without a category, degrees in capitals, spelled-out initials, standards, dates)."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps import match, requirements
from nextround.analysis.skillgaps.credentials import (
    asks_any_driving_licence,
    degree_level,
    licence_list,
)
from nextround.analysis.skillgaps.exact import NamedIndex, career_years, named_tokens
from nextround.analysis.skillgaps.frames import asks_to_lead, leading_shown
from nextround.analysis.skillgaps.licence_stages import holds_driving_licence
from nextround.analysis.skillgaps.requirements import _alternatives, _split_items


def _gaps(jd: str, cv: str) -> list[str]:
    return [str(gap["text"]) for gap in match(jd, cv, reference_year=2026).to_dict()["missing"]]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("phrase", "items"),
    [
        ("balayage and colour correction", ["balayage", "colour correction"]),
        ("counterbalance and reach truck licences", ["counterbalance licences", "reach truck licences"]),
        ("Revenue and yield management", ["Revenue management", "yield management"]),
        ("domestic and commercial kitchens", ["domestic kitchens", "commercial kitchens"]),
        ("kebabs and Indian breads", ["kebabs", "Indian breads"]),
        ("sterility testing and endotoxin (BET) testing", ["sterility testing", "endotoxin (BET) testing"]),
        ("nurse clinics (weight, dental, puppy)", ["nurse clinics (weight, dental, puppy)"]),
        ("Match invoices to POs and GRNs", ["Match invoices to POs and GRNs"]),
    ],
)
def test_coordinated_items_share_a_head_only_when_the_first_cannot_stand_alone(phrase: str, items: list[str]) -> None:
    assert _split_items(phrase) == items


def test_or_inside_brackets_gives_examples_not_alternatives() -> None:
    assert _alternatives("degree in social work (BA, MA or DipSW)") == ("degree in social work (BA, MA or DipSW)",)
    assert _alternatives("Django or FastAPI") == ("Django", "FastAPI")
    assert named_tokens("video editing (CapCut or Premiere Pro)")[0][:2] == ("CapCut", "Premiere")


def test_a_licence_without_a_category_is_met_by_any_driving_licence() -> None:
    assert asks_any_driving_licence("Full UK driving licence") and asks_any_driving_licence("Full car licence")
    assert not asks_any_driving_licence("Cat C licence") and not asks_any_driving_licence("forklift licence")
    assert licence_list("Licences: B, BE.") == {"B", "B+E"}
    assert holds_driving_licence("Licences: B, C+E.") and not holds_driving_licence("Forklift licence (counterbalance)")
    jd = "Driver\nEssential:\n- Full UK driving licence\n- Multi-drop deliveries"
    assert _gaps(jd, "Van driver, 2019 - 2024. Multi-drop deliveries.\nLicences: B, C+E.") == []
    assert _gaps(jd, "Van driver, 2019 - 2024. Multi-drop deliveries.") == ["Full UK driving licence"]


def test_degrees_written_in_capitals_count() -> None:
    assert degree_level("MA (Hons) Scottish History") == 7
    assert degree_level("B.Pharm, University of Ibadan") == 6
    assert degree_level("Ma's cooking") is None
    jd = "Pharmacist\nRequirements:\n- B.Pharm degree from a recognised university"
    assert _gaps(jd, "Pharmacist, 2019 - 2024\nB.Pharm, University of Ibadan, 2016.") == []


def test_initials_spelled_out_in_any_case_name_the_acronym() -> None:
    cv = NamedIndex.of("Chef de Partie, The Spice Route\nFollowed good laboratory practice.")
    assert cv.names("CDP") and cv.names("GLP")
    assert not cv.names("SRT")


def test_a_standard_is_named_by_its_number_and_a_hyphenated_name_by_its_name() -> None:
    assert named_tokens("Coded welder to BS EN ISO 9606-1") == [("9606-1",)]
    assert named_tokens("post-NYSC experience") == [("NYSC",)]
    jd = "Welder\nRequirements:\n- Coded welder to BS EN ISO 9606-1"
    assert _gaps(jd, "Welder, 2015 - 2024\nCoded to ISO 9606-1 (135 P FW).") == []


def test_a_kind_of_system_is_not_a_name_the_cv_must_repeat() -> None:
    jd = "Front Office Manager\nRequirements:\n- Experience with Opera PMS"
    assert _gaps(jd, "Receptionist, 2017 - 2024\nChecked guests in and ran the night audit on Opera.") == []


@pytest.mark.parametrize("ending", ["present", "till date", "to date", "now"])
def test_present_ends_in_the_reference_year(ending: str) -> None:
    assert career_years(f"Chef, 2021 - {ending}\nCommis, 2019 - 2021", reference_year=2026) == 7
    assert career_years(f"Chef, 2021 - {ending}", reference_year=None) == 0


def test_an_agency_advertising_the_role_asks_for_nothing() -> None:
    jd = (
        "Maintenance Electrician\nOur client, a major food manufacturer, is looking for a maintenance electrician"
        " for its busy site near Wrexham.\nRequirements:\n- Fault finding on three-phase motors"
    )
    assert [item.text for item in requirements(jd)] == ["Fault finding on three-phase motors"]


@pytest.mark.parametrize(
    ("phrase", "asks"),
    [
        ("lead a small team of junior bakers", True),
        ("a lead or supervisory role", True),
        ("Scheduling and coaching team members", True),
        ("Managing kitchen staff rotas", False),
        ("SIA Door Supervisor licence", False),
        ("Running the grill section", False),
    ],
)
def test_leading_people_is_asked_in_many_words(phrase: str, asks: bool) -> None:
    assert asks_to_lead(phrase) is asks


@pytest.mark.parametrize(
    ("line", "shows"),
    [
        ("Trained and supervised two commis pastry chefs.", True),
        ("Led a crew of 6 on evening shifts.", True),
        ("Shift Supervisor, Pick n Pay DC, 2016 - 2024", True),
        ("Covered the team leader for 14 advisors during holidays.", True),
        ("Trained two new payroll assistants.", False),
        ("Managed 450 homes on two estates.", False),
        ("Ran monthly payroll for 2,000 employees.", False),
        ("Used Pharmacy Manager for patient records.", False),
    ],
)
def test_leading_people_is_shown_in_many_words(line: str, shows: bool) -> None:
    assert (leading_shown([line]) is not None) is shows


def test_leading_a_team_is_a_gap_only_when_no_line_shows_it() -> None:
    jd = "Cleaning Supervisor\nRequirements:\n- Supervising a team of cleaners\n- COSHH awareness"
    assert _gaps(jd, "Cleaner, 2018 - 2024\nCleaned offices and washrooms. COSHH trained.") == [
        "Supervising a team of cleaners"
    ]
    assert _gaps(jd, "Cleaner, 2018 - 2024\nLed a crew of 6 cleaners on nights. COSHH trained.") == []


def test_a_clause_with_its_own_years_is_its_own_requirement() -> None:
    jd = "Supervisor\nRequirements:\n- Minimum 4 years warehouse experience, 2 at supervisory level"
    assert [(item.text, item.years) for item in requirements(jd)] == [("warehouse", 4.0), ("supervisory level", 2.0)]
    jd = "Chef\nRequirements:\n- 5 years in a commercial kitchen, including 2 years as CDP or above"
    assert [(item.text, item.years) for item in requirements(jd)] == [("commercial kitchen", 5.0), ("CDP", 2.0)]


def test_a_narrowing_tail_is_not_a_requirement_of_its_own() -> None:
    jd = "Learning Officer\nEssential:\n- Knowledge of the National Curriculum, especially history and art"
    assert [item.text for item in requirements(jd)] == ["National Curriculum"]


def test_a_rare_word_weighs_more_than_a_common_one() -> None:
    from nextround.analysis.skillgaps.evidence import specificity

    assert specificity("viennoiserie") > specificity("revenue") > specificity("management")


def test_names_written_mid_sentence_count_and_everyday_skills_do_not() -> None:
    assert named_tokens("Wella colour", "Experience with Wella colour") == [("Wella",)]
    assert named_tokens("Reconcile customer accounts", "Reconcile customer accounts") == []
    assert named_tokens("2391 Inspection and Testing", "Experience: 2391 Inspection and Testing") == [("2391",)]
    assert named_tokens("phonics using Read Write Inc.", "Teach phonics using Read Write Inc.") == [
        ("Read Write Inc", "RWI")
    ]
    assert named_tokens("campaigns using Google Analytics 4", "Report on campaigns using Google Analytics 4")[0][
        :2
    ] == ("Google Analytics", "GA4")
    assert named_tokens("Health and Safety", "Knowledge of Health and Safety") == []  # a skill, not a product


def test_and_inside_a_title_of_everyday_words_does_not_cut_it() -> None:
    assert _split_items("Care Certificate or Level 2 Health and Social Care") == [
        "Care Certificate or Level 2 Health and Social Care"
    ]
    assert _split_items("Xero and QuickBooks") == ["Xero", "QuickBooks"]


def test_a_car_driver_is_asked_and_shown_like_a_licence() -> None:
    jd = "Support Worker\nAbout you\n- Experience supporting adults\nMust be a car driver due to rural location."
    cv = "Support Worker, 2022 - 2024\nSupported adults in their own flats."
    assert _gaps(jd, cv) == ["car driver"]
    assert _gaps(jd, cv + "\nFull UK driving licence.") == []


def test_australian_certificates_are_levels_and_a_diploma_is_not_a_certificate() -> None:
    from nextround.analysis.skillgaps.credentials import diploma_missing, levelled

    assert [(item.level, item.subject) for item in levelled("Cert III in Carpentry")] == [(3, "Carpentry")]
    assert levelled("Certificate IV in Training and Assessment")[0].level == 4
    assert diploma_missing("Diploma in Insurance (IIK)", "Certificate of Proficiency in Insurance, 2019")
    assert not diploma_missing("Diploma in Hotel Management", "Diploma in Hospitality Management, 2015")
    assert not diploma_missing("Diploma in Hotel Management", "BA Hospitality Management")
    jd = "Carpenter\nYou will have:\n- Cert IV in Building and Construction"
    assert _gaps(jd, "Carpenter, 2016 - 2024\nCertificate III in Carpentry (2016).") == [
        "Cert IV in Building and Construction"
    ]


def test_associate_degrees_are_level_five() -> None:
    assert degree_level("A.S. Biology, Community College of Denver") == 5
    assert degree_level("Associate degree in a science field") == 5
    jd = "Histotechnician\nRequirements:\n- Associate degree in a science field"
    assert _gaps(jd, "Histology Technician, 2019 - 2024\nA.S. Biology, 2017.") == []


def test_another_version_or_another_countrys_licence_is_a_gap() -> None:
    from nextround.analysis.skillgaps.credentials import licence_country_differs, other_version

    assert other_version("Experience with Sage 200", "Systems: Sage 50, Excel") == "Sage 50"
    assert other_version("Supporting Windows 10/11", "Windows 11 rollout") is None
    assert other_version("Experience with Sage 200", "Sage accounts") is None
    assert licence_country_differs("Valid UAE driving licence", "Indian driving licence (LMV)") == "indian"
    assert licence_country_differs("Full UK driving licence", "Licences: B, C+E") is None
    jd = "Ramp Agent\nRequirements:\n- Valid UAE driving licence"
    assert _gaps(jd, "Loader, 2019 - 2024\nIndian driving licence (LMV).") == ["UAE driving licence"]


def test_a_heading_we_have_no_name_for_is_not_a_requirement() -> None:
    jd = "Butcher\nWhat you'll need\n- Sausage making\n- Knife skills\nWe are a family-owned butchery."
    assert [item.text for item in requirements(jd)] == ["Sausage making", "Knife"]
    jd = "Planner\nGalway County Council is seeking to create a panel of Executive Planners.\nRequirements:\n- GIS"
    assert [item.text for item in requirements(jd)] == ["GIS"]


@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        ("4am starts", True),
        ("Hybrid working after probation", True),
        ("Ability to work in extreme heat on rotating shifts", True),
        ("Own tools and reliable vehicle", True),
        ("Paid social on Meta Ads Manager", False),
        ("Can teach phonics and early reading using Read Write Inc.", False),
        ("Experience with night shifts in a care home", False),
    ],
)
def test_a_working_condition_is_mostly_about_conditions(sentence: str, condition: bool) -> None:
    from nextround.analysis.skillgaps.requirements import _is_condition

    assert _is_condition(sentence) is condition


def test_a_driving_licence_without_a_category_is_category_b() -> None:
    jd = "Driver\nEssential:\n- Category B licence"
    assert _gaps(jd, "Courier, 2019 - 2024\nFull UK driving licence.") == []
    assert _gaps(jd, "Courier, 2019 - 2024\nForklift licence.") == ["Category B licence"]


def test_a_degree_or_equivalent_experience_accepts_years() -> None:
    jd = "Analyst\nRequirements:\n- Bachelor's degree or equivalent work experience"
    assert _gaps(jd, "Analyst, 2015 - 2024\nBuilt reports.") == []
    assert _gaps(jd, "Analyst, 2023 - 2024\nBuilt reports.") == ["Bachelor's degree"]


def test_headings_in_markdown_or_as_questions_and_other_bullets() -> None:
    jd = "Warehouse\nWho are we looking for?\n✔ Forklift licence\n✔ Experience with RF scanners\nPerks\n✔ Free parking"
    assert [item.text for item in requirements(jd)] == ["Forklift licence", "RF scanners"]
    jd = "Chef\n**What you bring**\n* Level 2 Food Hygiene\n**Perks**\n* Staff meals"
    assert [item.text for item in requirements(jd)] == ["Level 2 Food Hygiene"]


def test_a_prose_list_of_requirements_is_cut_into_its_items() -> None:
    jd = (
        "Care Assistant\nThe successful candidate will have a Level 2 Diploma in Health and Social Care, experience"
        " of dementia care and a full driving licence.\nWe offer competitive pay."
    )
    assert [item.text for item in requirements(jd)] == [
        "Level 2 Diploma in Health and Social Care",
        "dementia care",
        "full driving licence",
    ]


@pytest.mark.parametrize(
    ("dates", "years"),
    [("Jan 2019 – Mar 2022", 3), ("03/2019 - 06/2022", 3), ("Nurse since 2020", 6), ("May 2021 - present", 5)],
)
def test_dates_written_with_months_or_since(dates: str, years: int) -> None:
    assert career_years(dates, reference_year=2026) == years


def test_job_board_fields_and_you_will_need() -> None:
    jd = "Support Worker\nExperience:\nCare work: 1 year (required)\nLicence/Certification:\nDriving Licence (required)"
    assert [(item.text, item.years) for item in requirements(jd)] == [("Care work", 1.0), ("Driving Licence", None)]
    jd = "Receptionist\nAbout the role\nYou'll need great Excel skills and experience with Opera."
    assert [item.text for item in requirements(jd)] == ["Excel", "Opera"]


def test_english_right_to_work_and_weight_limits() -> None:
    jd = (
        "Driver\nRequirements:\n- Excellent written and spoken English\n- Right to work in the UK\n"
        "- 7.5 tonne licence\n- Fluent Spanish"
    )
    assert _gaps(jd, "Driver, 2019 - 2024\nDelivered parcels.\nLicences: B, C1.") == ["Fluent Spanish"]
    assert _gaps(jd, "Driver, 2019 - 2024\nDelivered parcels in Spanish.\nLicences: B.") == ["7.5 tonne licence"]


def test_english_asked_for_a_purpose_is_shown_by_a_cv_written_in_english() -> None:
    jd = "Senior Carer\nRequirements:\n- Good written English for care notes\n- English to IELTS 7\n- Dementia care"
    cv = "Care Assistant, 2020 - present\nPersonal care and dementia care; daily notes and care plans."
    assert _gaps(jd, cv) == ["English to IELTS 7"]


def test_and_ideally_adds_a_wished_ask_beside_a_required_one() -> None:
    jd = (
        "Senior Carer\nWhat we're looking for:\n"
        "- Care Certificate, and ideally an NVQ Level 3 in Health and Social Care\n"
        "- 3 years of bookkeeping, ideally in a practice"
    )
    read = [(item.text, item.importance) for item in requirements(jd)]
    assert ("Care Certificate", "required") in read
    assert ("NVQ Level 3 in Health and Social Care", "nice_to_have") in read
    assert [text for text, importance in read if importance == "nice_to_have"] == [
        "NVQ Level 3 in Health and Social Care"
    ]


def test_a_product_may_be_named_without_its_family_name() -> None:
    cv = NamedIndex.of("Drew road layouts in Civil 3D.\nSAP for purchase orders.")
    assert cv.names_rest_of("AutoCAD Civil 3D", "AutoCAD")
    assert not cv.names_rest_of("SAP HCM payroll", "HCM")


def test_a_similar_role_is_any_dated_role_then_its_years() -> None:
    jd = "Manager\nRequirements:\n- 3+ years' experience in a similar role\n- 10 years in a similar position"
    assert _gaps(jd, "Sam Lee\nSupervisor, Costa Coffee, 2018 - present\nRan the shop.") == ["similar position"]
    assert sorted(_gaps(jd, "Sam Lee\nRan the shop.")) == ["similar position", "similar role"]


def test_what_the_employer_offers_or_says_of_age_asks_nothing() -> None:
    jd = (
        "Kitchen Porter\nRequirements:\n- No experience necessary, full training provided\n- Willingness to learn\n"
        "- Must be 18 or over\n- Experience of food safety training\n- Immediate start available"
    )
    assert [(item.text, item.quality) for item in requirements(jd)] == [
        ("Willingness to learn", True),
        ("food safety training", False),
    ]


def test_a_years_possessive_a_kind_of_system_and_the_home_country() -> None:
    jd = "Senior Carer\nEssential\n- At least 1 year's experience as a Senior Carer"
    assert [(item.text, item.years) for item in requirements(jd)] == [("Senior Carer", 1.0)]
    jd = "Technician\nRequirements:\n- Experience with CMMS systems\n- Bookkeeping experience in NZ"
    cv = "Engineer, 2017 - 2024\nLogged work orders and planned maintenance on SAP PM.\nDid the bookkeeping."
    assert _gaps(jd, cv) == []


def test_examples_after_including_and_a_kind_shown_by_a_product_of_it() -> None:
    jd = (
        "Finance Assistant\nEssential requirements\n- Good working knowledge of Excel including pivot tables and"
        " VLOOKUPs\n- Experience of using an ERP system such as Oracle Fusion\n- Ability to work to tight deadlines"
    )
    cv = "Accounts Assistant, 2020 - 2024\nBuilt pivot tables and lookups in Excel.\nEntered invoices in SAP S/4HANA."
    assert _gaps(jd, cv) == []


def test_physical_demands_are_conditions() -> None:
    from nextround.analysis.skillgaps.requirements import _is_condition

    assert _is_condition("Ability to lift 50 lbs") and _is_condition("Able to lift up to 23 kg")
    assert not _is_condition("Standing orders and direct debits")
    assert not _is_condition("Manual handling and safe lifting techniques")


def test_months_of_experience_are_read_as_part_of_a_year() -> None:
    jd = "CSR\nQualifications:\n- With at least 6 months BPO experience\n- 3 years in retail"
    assert [(item.text, item.years) for item in requirements(jd)] == [("BPO", 0.5), ("retail", 3.0)]


def test_an_asset_is_nice_to_have_and_an_open_licence_is_not_a_place() -> None:
    from nextround.analysis.skillgaps.credentials import licence_country_differs

    jd = "Events\nYou'll have:\n- Fluency in a second European language is an asset\n- Excellent organisational skills"
    assert [(item.text, item.importance, item.quality) for item in requirements(jd)] == [
        ("Fluency in a second European language", "nice_to_have", False),
        ("organisational", "required", True),
    ]
    assert licence_country_differs("Open Driver's Licence", "C class driver licence") is None


def test_a_credential_the_cv_says_is_expired_or_booked_is_not_held() -> None:
    from nextround.analysis.skillgaps.exact import not_held

    jd = "Nurse\nEssential:\n- Current ACLS certificate\n- ICU experience"
    assert _gaps(jd, "ICU nurse, 2019 - 2025\nACLS (AHA), expired March 2024") == ["ACLS certificate"]
    assert _gaps(jd, "ICU nurse, 2019 - 2025\nACLS course booked for May 2027") == ["ACLS certificate"]
    assert _gaps(jd, "ICU nurse, 2019 - 2025\nACLS (AHA), valid until 2028") == []
    assert not_held("Driver CPC card valid to 2024", 2026) and not not_held("Driver CPC card valid to 2027", 2026)
    # "expired" about the work, not about a credential, leaves the work shown
    shop = "Retail assistant\nEssential:\n- Stock rotation\n- Till work"
    shop_cv = "Shop assistant, 2020 - 2025\nRotated stock and removed expired stock daily\nServed on the till"
    assert _gaps(shop, shop_cv) == []


def test_years_of_a_field_count_the_roles_that_show_it() -> None:
    jd = "Medical coder\nRequirements:\n- 1 year of experience in outpatient coding\n- ICD-10-CM"
    cv = (
        "Experience\nMedical Coder Trainee, Chennai | April 2026 - present\n"
        "- Coding outpatient clinic visits with ICD-10-CM and CPT\n"
        "Staff Nurse, Apollo Hospital | 2019 - Feb 2026\n- Ward care and nursing documentation\n"
        "Skills\nMedical terminology"
    )
    assert _gaps(jd, cv) == ["outpatient coding"]
    # a role line itself shows the kind of work: then every dated role counts
    chef = "Sous chef\nEssential:\n- Minimum 5 years in a commercial kitchen"
    chef_cv = "Chef de Partie, Kochi, 2018 - 2022\nChef de Partie, Chennai, 2022 - present\nRun the seafood section."
    assert _gaps(chef, chef_cv) == []
