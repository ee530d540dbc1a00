"""Session 14 (test12's and dev19's error analysis): an ask's other name in brackets, first degrees named in the CV's
own language, a clean licence against one with penalty points, and reading ads written in other shapes (duties told
in prose, reasons and wishes added after an ask, how to apply, where to live). Job and CV texts of our own."""

from __future__ import annotations

from nextround.analysis.skillgaps import credentials
from nextround.analysis.skillgaps.othername import other_name_line, other_names
from nextround.analysis.skillgaps.requirements import requirements

from .skillgap_helpers import verdict_on


def _asked(jd: str) -> dict[str, str]:
    """Each phrase read as asked (not a quality or a condition), with its importance."""
    return {item.text: item.importance for item in requirements(jd) if not (item.quality or item.condition)}


# -- an ask's other name in brackets ------------------------------------------------------------------------------


def test_an_asks_other_name_in_brackets_written_in_the_cv_shows_it() -> None:
    jd = "Requirements:\n- Security guard licence (tessera di guardia giurata)\n- Two years on night patrols"
    cv = "Experience\nNight patrol officer, Vigilanza Nord, 2021 - present\nCertificates\nTessera guardia giurata, 2021"
    met, how, _ = verdict_on(jd, cv, "Security guard licence")
    assert (met, how) == (True, "name")


def test_a_bracket_that_qualifies_the_ask_is_not_another_name_for_it() -> None:
    assert other_names("Pool lifeguard award (minimum 20 hours)") == []  # a figure
    assert other_names("Stitching machines (Juki or Brother)") == []  # alternatives
    assert other_names("Written Dutch (spoken and written)") == []  # English words describing the ask
    assert other_names("Yoga teacher registration (Yoga Alliance)") == []  # the body that registers it
    assert other_names("RYT-500 (Registered Yoga Teacher)") == []  # the ask names a grade of its own
    assert other_names("Matric (National Senior Certificate) with Physical Science") == []  # a condition after it
    assert other_names("Crane card (Kranführerschein)") == []  # one word is too little to go on
    assert other_names("Forklift licence (carnet de carretillero)") == [["carnet", "carretillero"]]


def test_the_other_name_must_be_written_whole_in_one_line() -> None:
    ask = "Scaffolding ticket (Gerüstbau Befähigung)"
    assert other_name_line(ask, ["Gerüstbau helper, 2020", "Befähigung: none yet"]) is None
    assert other_name_line(ask, ["Geruestbau-free", "Gerustbau Befahigung, 2019"]) == "Gerustbau Befahigung, 2019"
    assert other_name_line(ask, ["GERÜSTBAU BEFÄHIGUNG (2019)"]) == "GERÜSTBAU BEFÄHIGUNG (2019)"


# -- first degrees in the CV's own language -----------------------------------------------------------------------


def test_first_degrees_and_masters_in_other_languages_are_degrees() -> None:
    assert credentials.degree_level("Grado en Química, Universidad de Sevilla, 2022") == 6
    assert credentials.degree_level("Bacharelado em Nutrição, USP, 2019") == 6
    assert credentials.degree_level("Laurea in Scienze Agrarie, 2018") == 6
    assert credentials.degree_level("Mestrado em Engenharia Civil, 2021") == 7
    assert credentials.degree_level("Técnico de Grado Medio en Cocina, 2020") is None  # a vocational level


# -- a clean licence -----------------------------------------------------------------------------------------------


def test_a_clean_licence_is_not_met_by_one_with_penalty_points() -> None:
    jd = "Requirements:\n- Full clean UK driving licence\n- Experience of multi-drop deliveries"
    with_points = "Experience\nMulti-drop driver, Parcel Co, 2020 - present\nFull UK driving licence, 6 penalty points"
    met, how, reason = verdict_on(jd, with_points, "licence")
    assert (met, how) == (False, "licence") and "penalty points" in reason
    clean = "Experience\nMulti-drop driver, Parcel Co, 2020 - present\nFull UK driving licence, no penalty points"
    assert verdict_on(jd, clean, "licence")[0] is True
    plain = "Requirements:\n- Full UK driving licence"
    assert verdict_on(plain, with_points, "licence")[0] is True  # only "clean" asks for no points


# -- reading ads written in other shapes ---------------------------------------------------------------------------


def test_duties_told_in_prose_and_how_to_apply_ask_nothing() -> None:
    jd = (
        "Field Technician\n\nReporting to the Service Manager, the successful candidate will visit farms, service "
        "milking robots and log call-outs in the tablet app. The successful candidate will have a Level 3 "
        "qualification in agricultural engineering.\n\nShortlisting will be against the criteria above. Please "
        "address each criterion in your supporting statement."
    )
    asked = _asked(jd)
    assert not any("milking robots" in text or "supporting statement" in text for text in asked), asked
    assert any("Level 3 qualification in agricultural engineering" in text for text in asked), asked


def test_openers_reasons_and_what_the_employer_uses_are_left_out_of_the_ask() -> None:
    jd = (
        "Bookkeeper\n\nAbout you\nThat said, you'll need at least 2 years of payroll processing. You can read and "
        "write Polish fluently, since half our clients are Polish.\n- Confidence with a rostering system - we use "
        "Deputy\n- Excellent phone manner, both verbal and written"
    )
    asked = _asked(jd)
    assert "That said" not in asked
    assert any(text.startswith("read and write Polish") and "since" not in text for text in asked), asked
    assert not any("Deputy" in text for text in asked), asked
    assert not any(text.startswith("both") or text == "read" for text in asked), asked


def test_an_added_plus_and_a_handy_extra_are_wishes_beside_the_ask() -> None:
    jd = (
        "Van Technician\n\nYou'll bring\n- Knowledge of heat pumps will be an added plus\n- You'll need a full "
        "driving licence as you'll drive the company van, and a trailer (BE) entitlement is handy."
    )
    asked = _asked(jd)
    assert asked.get("heat pumps") == "nice_to_have", asked
    licence = [text for text in asked if "driving licence" in text]
    assert licence and asked[licence[0]] == "required" and "van" not in licence[0], asked
    assert any(importance == "nice_to_have" and "BE" in text for text, importance in asked.items()), asked


def test_where_to_live_is_a_condition_not_a_skill() -> None:
    jd = "Requirements:\n- Must live near Harrow or Wembley\n- Two years of sushi preparation"
    asked = _asked(jd)
    assert not any("Harrow" in text for text in asked), asked
    assert any("sushi" in text for text in asked), asked
