"""Session 16 (exact checks and reading): languages asked at a level the CV writes another way, asks with a reason in
brackets about the employer, "experience on", "one of A, B or C", living in a place, credentials not held yet
(scheduled, booked, due), names with a hyphen, level lists and the OND. Our own sentences, none from a pair file."""

from __future__ import annotations

from nextround.analysis.skillgaps.credentials import degree_asked, degree_level, levelled, licence_country_differs
from nextround.analysis.skillgaps.exact import NamedIndex, named_tokens, not_held
from nextround.analysis.skillgaps.kinds import kind_line
from nextround.analysis.skillgaps.language_levels import language_level_short, language_words_short
from nextround.analysis.skillgaps.licence_stages import licence_short
from nextround.analysis.skillgaps.matcher import judge_all
from nextround.analysis.skillgaps.phrases import alternatives_of
from nextround.analysis.skillgaps.places import ad_places, is_place
from nextround.analysis.skillgaps.requirements import requirements


def _read(ad: str) -> dict[str, object]:
    return {item.text: item for item in requirements(ad)}


def _verdicts(ad: str, cv: str) -> dict[str, bool]:
    return {item.requirement.text: item.evidence.met for item in judge_all(ad, cv, 2026)}


# -- languages ------------------------------------------------------------------------------------------------------


def test_a_level_after_a_dash_is_the_languages_level() -> None:
    cv = "Languages: Dutch (native); Italian - A2 (CILS, 2023)"
    found = language_level_short("Italian at B1 level or higher", cv)
    assert found is not None and found[0] is False
    assert language_level_short("Italian at A2 or above", cv) == (True, "Italian A2", "Italian - A2 (CILS, 2023)")


def test_native_said_of_one_language_is_not_said_of_the_next_sentence() -> None:
    cv = "Mother tongue: Polish. French: DELF B2 (2021), used every day at work."
    found = language_level_short("French at C1 level", cv)
    assert found is not None and found[0] is False


def test_a_level_in_words_before_a_language_is_the_ask() -> None:
    cv = "Romanian (native), English (C1), Turkish (A2)"
    assert [item for item in _read("Requirements:\n- good Turkish\n- Forklift licence\n") if "Turkish" in item] == [
        "good Turkish"
    ]
    found = language_words_short("good Turkish", cv)
    assert found is not None and found[0] is False
    assert language_words_short("basic Turkish", cv) == (True, "Turkish", "Turkish (A2)")


def test_a_level_in_words_is_read_in_the_cvs_language() -> None:
    cv = "Idiomas: Portugués (nativo); Inglés intermedio (B1)"
    assert language_words_short("Intermediate English", cv) == (True, "English", "Inglés intermedio (B1)")
    found = language_words_short("Fluent English", cv)
    assert found is not None and found[0] is False


def test_one_of_a_list_of_languages_is_one_ask_with_alternatives() -> None:
    asked = _read("Requirements:\n- Portuguese and one of Czech, Polish or Slovak\n")
    assert "Portuguese" in asked
    assert any(text.startswith("Czech") and "Slovak" in text for text in asked)
    assert not any(text.startswith("one of") for text in asked)


# -- reading the ad ---------------------------------------------------------------------------------------------


def test_a_reason_about_the_employer_in_brackets_leaves_the_ask() -> None:
    asked = _read("Requirements:\n- Danish at B2 level (our team and most customers work in Danish)\n- Excel\n")
    assert "Danish at B2 level" in asked
    assert "Excel" in asked


def test_experience_on_a_machine_or_vessel_is_the_machine() -> None:
    asked = _read("Requirements:\n- 2 years experience on rotary kilns\n- Experience on container feeders\n")
    assert "rotary kilns" in asked
    assert "container feeders" in asked


def test_living_in_a_place_is_a_condition() -> None:
    asked = _read("Requirements:\n- Live in Kisumu or Siaya county\n- Motorbike riding licence\n")
    item = asked["Live in Kisumu or Siaya county"]
    assert getattr(item, "condition", False) is True


# -- held now ---------------------------------------------------------------------------------------------------------


def test_an_exam_scheduled_booked_or_due_is_not_held() -> None:
    assert not_held("State plumbing licence exam: scheduled for April 2027", 2026)
    assert not_held("Gas Safe assessment (ACS) booked at the training centre for May 2027", 2026)
    assert not_held("Level 3 Diploma in Electrotechnical Services, portfolio due 2027", 2026)
    assert not not_held("Scheduled and booked 60 client appointments a week", 2026)
    assert not not_held("Paediatric first aid, renewal due 2027", 2026)


def test_a_test_to_come_speaks_for_its_own_part_of_the_line() -> None:
    line = "Food safety audit (SALSA) passed May 2025; the next one is scheduled for June 2027"
    assert not not_held(line, 2026, "Food safety auditing")
    line = "Confined Space Entry, 2024; Gas Tester training booked March 2027"
    assert not not_held(line, 2026, "Confined Space Entry / Gas Tester ticket")
    assert not_held(line, 2026, "Gas Tester ticket")


def test_a_licence_whose_exam_is_scheduled_is_a_gap() -> None:
    ad = "Requirements:\n- Alaska Marine Pilot licence\n- Radar observer endorsement\n"
    cv = "Mate, coastal tug, 2018 - present\nAlaska Marine Pilot licence exam: scheduled February 2027\n"
    assert _verdicts(ad, cv)["Alaska Marine Pilot licence"] is False


# -- names and levels ----------------------------------------------------------------------------------------------


def test_a_hyphenated_name_in_the_cv_names_its_parts() -> None:
    index = NamedIndex.of("Offshore survival: HUET with EBS-CA (2024)")
    assert index.names("EBS") and index.names("CA")
    assert not NamedIndex.of("Barge captain on the Main-Danube Canal").names("Danube")


def test_a_list_of_levels_holds_the_highest_and_asks_the_lowest_of_or() -> None:
    assert levelled("IOSH Level 1, 2 and 3 (2020)")[0].level == 3
    assert levelled("Level 2 or 3 Diploma in Plumbing")[0].level == 2
    assert levelled("Level 2, 3 years of site work")[0].level == 2


def test_an_ordinary_national_diploma_is_below_the_hnd_and_meets_ond_or_hnd() -> None:
    assert degree_asked(["OND", "HND in Mechanical Engineering"]) == 4
    assert degree_level("OND Mechanical Engineering (Lower Credit), 2015") == 4
    assert degree_asked(["HND in Mechanical Engineering"]) == 5
    assert degree_level("the second round") is None


def test_a_licence_held_in_another_country_is_read_with_its_status_word() -> None:
    assert licence_country_differs("Saudi driving licence", "UK full driving licence (B)") == "uk"
    assert licence_country_differs("Full UK driving licence", "UK full driving licence (B)") is None


def test_a_gulf_states_licence_is_met_by_any_members() -> None:
    assert licence_country_differs("GCC driving licence", "Kuwait driving licence (light vehicle)") is None
    assert licence_country_differs("GCC driving licence", "Indian driving licence") == "indian"


def test_a_heavy_vehicle_class_below_the_one_asked_is_a_gap() -> None:
    cv = "Tipper driver, 2019 - present\nVictorian driver licence: LR\n"
    found = licence_short("MR truck licence", cv)
    assert found is not None and "LR" in found[1]
    assert licence_short("MR truck licence", "Driver licence: HC") is None


# -- kinds of tool -------------------------------------------------------------------------------------------------


def test_a_kind_of_tool_is_met_by_any_product_of_that_kind() -> None:
    cv = ["Subtitled and localised two games in Wordfast and Smartcat", "Booked tables in ResDiary"]
    assert kind_line("CAT tools such as Trados", cv) == cv[0]
    assert kind_line("Experience with an EPOS system", ["Closed the tills on Lightspeed every night"]) is not None
    assert kind_line("Experience with an EPOS system", cv) is None


def test_a_product_asked_by_name_is_not_a_kind_ask() -> None:
    assert kind_line("Mews PMS", ["Front desk on Opera Cloud"]) is None
    assert kind_line("A PMS such as Mews", ["Front desk on Opera Cloud"]) == "Front desk on Opera Cloud"


def test_an_ordinary_word_in_lower_case_is_no_product() -> None:
    assert kind_line("an ATS", ["Moved candidates across the pipeline and pulled a lever"]) is None


def test_the_matcher_meets_a_kind_ask_by_another_product() -> None:
    ad = "Requirements:\n- Experience with an applicant tracking system such as Bullhorn\n- Sourcing on LinkedIn\n"
    cv = "Recruiter, 2020 - present\nManaged pipelines in Teamtailor and sourced on LinkedIn Recruiter\n"
    assert _verdicts(ad, cv)["applicant tracking system such as Bullhorn"] is True


# -- names that are not things to hold ---------------------------------------------------------------------------


def test_a_body_the_job_deals_with_is_not_a_named_thing() -> None:
    places = ad_places(
        "Duties:\n- Liaise with the Stolen Vehicle Bureau\n- File annual returns with the Companies Office\n"
    )
    assert is_place("Stolen Vehicle Bureau", places)
    assert is_place("Companies Office", places)
    assert not is_place("Xero", ad_places("Duties:\n- Reconcile accounts in Xero\n"))


def test_a_peoples_adjective_before_a_thing_is_where_it_comes_from() -> None:
    assert named_tokens("Restoring Georgian sash windows") == []
    assert named_tokens("Victorian RSA certificate")  # the state's licence stays a named thing


# -- ad shapes ---------------------------------------------------------------------------------------------------------


def test_a_person_specification_table_gives_each_cell_its_column() -> None:
    ad = (
        "Library Assistant\n\nPerson specification\nArea | Essential | Desirable\n"
        "Skills | Cash handling; accurate typing | Knowledge of Spydus\nOther | - | Full driving licence\n\n"
        "What we offer: a pension.\n"
    )
    importance = {item.text: item.importance for item in requirements(ad)}
    assert importance.get("Cash handling") == "required"
    assert importance.get("Spydus") == "nice_to_have"
    assert not any("|" in text or text in ("Skills", "Other", "-") for text in importance)


def test_a_shouted_post_needed_now_and_an_employer_needing_a_role_pair_ask_nothing() -> None:
    ad = (
        "TILER WANTED NOW - Northside, Dublin. Small bathroom firm needs a reliable tiler/plasterer. "
        "Requirements: 3 years wall and floor tiling, Safe Pass card."
    )
    texts = [item.text for item in requirements(ad)]
    assert not any("WANTED" in text or "needs" in text for text in texts)
    assert any("Safe Pass" in text for text in texts)


def test_a_licence_valid_in_or_converted_to_the_country_asked_meets_it() -> None:
    assert licence_country_differs("Australian driver licence", "Full UK driving licence (valid in Australia)") is None
    cv = "Full South African driving licence, converted to a full Canadian licence in 2025"
    assert licence_country_differs("Canadian driving licence", cv) is None


def test_a_trade_still_being_learned_is_not_its_certificate() -> None:
    assert not_held(
        "Millwright pre-apprenticeship (Northern College, 2023)",
        2026,
        "Certificate of Qualification as an Industrial Millwright",
    )
    assert not_held("3rd-year apprentice electrician, Volt Ltd, 2024 - present", 2026, "Electrician licence")
    assert not not_held("Apprenticeship completed 2019; Red Seal electrician", 2026, "Electrician licence")


def test_a_variant_of_a_method_names_the_method() -> None:
    index = NamedIndex.of("Ran snATAC-seq and mRNA stability assays")
    assert index.names("ATAC") and index.names("RNA")
    assert not NamedIndex.of("Built iOS apps").names("OS")


# -- step 2: grades of one scheme, "confident on", trade names with "and", a current apprentice ------------------------


def test_a_scheme_named_first_is_each_alternatives_scheme() -> None:
    assert alternatives_of("CSCS Labourer or Skilled Worker card") == ("CSCS Labourer", "CSCS Skilled Worker card")
    assert alternatives_of("AWS Solutions Architect or Azure Administrator") == (
        "AWS Solutions Architect",
        "Azure Administrator",
    )


def test_confident_on_a_machine_is_the_machine() -> None:
    texts = [item.text for item in requirements("Must have: confident on rowing machines and ski ergs; First Aid.")]
    assert not any(text.startswith("on ") for text in texts)
    assert any("rowing machines" in text for text in texts)


def test_a_trade_named_with_and_is_one_thing() -> None:
    texts = [item.text for item in requirements("Requirements:\n- 6 years of experience in hair and beauty\n")]
    assert "hair and beauty" in texts


def test_an_apprentice_now_is_not_qualified_in_the_trade() -> None:
    line = "Apprentice Lineworker (Year 2), City Power, 2024 - present"
    assert not_held(line, 2026, "Lineworker certificate of qualification")
    assert not not_held(
        "Apprentice lineworker, City Power, 2015 - 2019", 2026, "Lineworker certificate of qualification"
    )
