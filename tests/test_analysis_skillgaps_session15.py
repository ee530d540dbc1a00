"""Session 15: general mechanisms of reading an ad (criteria codes, hiring steps, what is provided, the post advertised
by a third party, the employer telling about itself), the named-thing check kept to things (not places, employers or
bodies), languages named in the CV's own language and at a level, and years counted from the right line. Our own
sentences, none from a pair file."""

from __future__ import annotations

from nextround.analysis.skillgaps.language_levels import language_words_short
from nextround.analysis.skillgaps.layout import criteria_codes
from nextround.analysis.skillgaps.matcher import judge_all
from nextround.analysis.skillgaps.places import ad_places, asked_names
from nextround.analysis.skillgaps.requirements import requirements


def _texts(ad: str) -> list[str]:
    return [item.text for item in requirements(ad)]


def _importance(ad: str) -> dict[str, str]:
    return {item.text: item.importance for item in requirements(ad)}


# -- criteria codes ------------------------------------------------------------------------------------------------


def test_criteria_codes_are_taken_off_and_the_key_makes_the_desirable_ones_wishes() -> None:
    ad = (
        "Library Assistant\n\nPerson specification\nEssential (A) and desirable (B) criteria:\n"
        "A1 Experience of handling cash\nA2 Good keyboard skills\nA3 Knowledge of Koha\n"
        "B1 Experience of running children's story sessions\n"
    )
    texts = _texts(ad)
    assert not any(text.split()[0] in {"A1", "A2", "A3", "B1"} for text in texts)
    importance = _importance(ad)
    assert importance["Koha"] == "required"
    assert importance["running children's story sessions"] == "nice_to_have"


def test_e_and_d_codes_without_a_key_read_as_essential_and_desirable() -> None:
    lines = ["E1 Able to drive", "E2 Experience of filing", "D1 Knowledge of Sage"]
    assert criteria_codes(lines) == ["Able to drive", "Experience of filing", "Knowledge of Sage (desirable)"]


def test_a_lone_licence_or_language_code_keeps_its_code() -> None:
    lines = ["C1 licence required", "B2 English", "Experience of deliveries"]
    assert criteria_codes(lines) == lines


# -- hiring steps, what is provided, the post advertised, the employer about itself -------------------------------


def test_a_step_of_the_hiring_is_never_an_ask() -> None:
    ad = (
        "Warehouse Operative\n\nRequirements:\n- Counterbalance forklift licence\n"
        "- Good eyesight (an eye test is part of the selection process)\n"
        "Applicants will be asked to complete a numeracy test as part of the application.\n"
    )
    texts = _texts(ad)
    assert "Counterbalance forklift licence" in texts
    assert not any("test" in text for text in texts)


def test_what_the_employer_provides_is_not_an_ask() -> None:
    ad = "Kitchen Porter\n\nRequirements:\n- Food hygiene certificate\nSafety boots and whites are provided.\n"
    assert _texts(ad) == ["Food hygiene certificate"]


def test_the_post_advertised_by_a_named_third_party_is_not_an_ask() -> None:
    ad = (
        "Boat Hand\n"
        "Harbour Tours (two boats on the Old Quay) is looking for a deckhand for the summer season, May to "
        "September. You must hold a powerboat certificate."
    )
    texts = _texts(ad)
    assert not any("deckhand" in text for text in texts)
    assert any("powerboat certificate" in text for text in texts)


def test_the_employer_telling_about_itself_at_the_top_is_not_an_ask() -> None:
    ad = (
        "Orchard Hand\n"
        "Les Vergers du Moulin grows apples on 40 ha, presses its own essential juice and runs a cider shop.\n\n"
        "Requirements:\n- Tractor driving\n"
    )
    assert _texts(ad) == ["Tractor driving"]


def test_a_heading_written_inside_a_paragraph_heads_the_rest_of_its_sentence() -> None:
    ad = (
        "Swim Teacher\n"
        "Our club teaches 300 children a week. Requirements: a swim teaching certificate, experience teaching "
        "children and availability on Saturdays."
    )
    texts = _texts(ad)
    assert any("swim teaching certificate" in text for text in texts)
    assert any("teaching children" in text for text in texts)


# -- places, employers and bodies are not named things -------------------------------------------------------------


def test_places_from_the_title_and_from_words_of_place_are_read() -> None:
    ad = (
        "Delivery Driver - Ashford, Kent\nLane End Couriers Ltd\n\n"
        "We deliver parcels across the Weald and around Canterbury.\n"
    )
    places = ad_places(ad)
    assert {"ashford", "kent", "weald", "canterbury", "lane end couriers"} <= places


def test_a_place_a_body_or_the_employer_is_not_a_named_thing_to_check() -> None:
    ad = (
        "Community Nurse - Rotorua\n\nRequirements:\n"
        "- Happy to travel around the Rotorua Lakes district\n"
        "- Knowledge of the Healthy Homes Initiative (HHI)\n"
        "- A licence from the Commissioner of Fisheries to collect samples\n"
        "- Experience with MedTech32\n"
    )
    names = {item.text: [spellings[0] for spellings in asked_names(item.text, item)] for item in requirements(ad)}
    flat = {name for found in names.values() for name in found}
    assert "MedTech32" in flat
    assert not flat & {"Rotorua", "Lakes", "Initiative", "HHI", "Commissioner", "Fisheries"}


def test_a_body_whose_register_or_rules_are_asked_stays_a_named_thing() -> None:
    ad = (
        "Dental Nurse\n\nRequirements:\n- Registered with the General Dental Council\n"
        "- Knowledge of the Dairy Produce Board regulations\n"
    )
    assert ad_places(ad) == frozenset()


# -- languages ----------------------------------------------------------------------------------------------------


def test_a_language_written_in_the_cvs_own_language_is_shown() -> None:
    cv = "Idiomas: portugués (nativo), inglés (fluido), francés (básico)"
    assert language_words_short("Fluent English", cv) == (True, "English", "inglés (fluido)")
    met, language, _ = language_words_short("Spoken French for customer calls", cv) or (True, "", "")
    assert (met, language) == (False, "French")


def test_fluent_is_met_from_good_and_a_bare_language_at_any_level() -> None:
    assert language_words_short("Fluent German", "German (good)") == (True, "German", "German (good)")
    assert language_words_short("Fluent German", "German (B1)") == (False, "German", "German (B1)")
    assert language_words_short("German", "German (basic)") == (True, "German", "German (basic)")


def test_a_language_adjective_naming_a_style_is_not_a_language_ask() -> None:
    assert language_words_short("Restoring old Spanish guitars", "Spanish (basic)") is None


def test_an_alternative_language_is_enough() -> None:
    assert (language_words_short("Dutch or German", "Languages: German (fluent)") or ())[:2] == (True, "German")


# -- years ---------------------------------------------------------------------------------------------------------


def _judged(ad: str, cv: str, text: str) -> tuple[bool, str]:
    for item in judge_all(ad, cv, 2026):
        if item.requirement.text == text:
            return item.evidence.met, item.evidence.reason
    raise AssertionError(f"{text!r} not read from the ad")


def test_years_after_qualifying_count_from_the_qualification_not_the_driving_licence() -> None:
    ad = "Veterinary Surgeon\n\nRequirements:\n- At least 3 years' post-qualification experience\n"
    cv = (
        "Veterinary surgeon, qualified June 2025 (MRCVS)\n\nExperience\n"
        "Vet, Hillside Practice | 2025 - present\n- Small animal consults\n\n"
        "Full UK driving licence since 2009"
    )
    met, reason = _judged(ad, cv, "post-qualification")
    assert not met and "since qualifying" in reason


def test_an_assistant_role_with_its_dates_first_is_not_the_title_asked() -> None:
    ad = "Head Baker\n\nRequirements:\n- Minimum of 4 years' experience as a baker\n"
    cv = (
        "Experience\nMar 2024 - present: Baker, Crumb & Co, Leeds\n- Sourdough and viennoiserie\n"
        "2016 - Feb 2024: Assistant Baker, Town Bakery, York\n- Helping the baker with bread\n"
    )
    met, reason = _judged(ad, cv, "baker")
    assert not met and "title" in reason


def test_a_piece_that_only_names_a_place_of_the_ad_is_not_an_ask() -> None:
    ad = (
        "Line Marker - Napier, Hawke's Bay\n\nWhat you need\n- Class 2 licence\n"
        "- Be happy to work nights and travel around the Hawke's Bay and Gisborne\n"
    )
    texts = _texts(ad)
    assert "Gisborne" not in texts
    travel = [item for item in requirements(ad) if item.text.startswith("travel")]
    assert travel and all(item.condition for item in travel)


def test_a_diploma_offered_as_one_way_beside_experience_is_not_a_diploma_gap() -> None:
    ad = (
        "Piano Technician\n\nRequirements:\n- Piano tuning experience in a workshop, or a diploma in piano technology\n"
    )
    cv = "Experience\nPiano tuner, Keys & Co workshop | 2019 - present\n- Tuning and regulating uprights and grands\n"
    _, reason = _judged(ad, cv, "Piano tuning experience in a workshop, or a diploma in piano technology")
    assert "diploma is asked" not in reason


def test_a_national_licence_with_its_category_is_a_driving_licence() -> None:
    ad = "Courier\n\nRequirements:\n- Full clean driving licence\n"
    cv = "Experience\nCourier, Fast Parcels | 2020 - present\n\nDriving: full Polish B licence, no points"
    met, _ = _judged(ad, cv, "Full clean driving licence")
    assert met
