"""Session 17 (near misses across borders, variants, kinds and counts): a licence or ticket of another country, an
exchange asked for and not done, a professional driving licence against a car's, and the equivalents that still
count. Our own sentences, none from a pair file."""

from __future__ import annotations

from nextround.analysis.skillgaps.borders import border_short, countries_in, job_countries, professional_short
from nextround.analysis.skillgaps.matcher import judge_all
from nextround.analysis.skillgaps.variants import (
    count_short,
    edition_short,
    group_short,
    size_short,
    type_short,
    version_short,
)


def _verdicts(ad: str, cv: str) -> dict[str, bool]:
    return {item.requirement.text: item.evidence.met for item in judge_all(ad, cv, 2026)}


# -- licences and tickets across borders ------------------------------------------------------------------------


def test_countries_are_read_by_name_adjective_and_initials_in_capitals() -> None:
    assert countries_in("Chilean licence, valid in NZ") == {"chile", "new zealand"}
    assert countries_in("permis de cariste suisse") == {"switzerland"}
    assert countries_in("talk to us about it") == set()  # "us" is not the US
    assert job_countries("Fluent French essential. Must hold Canadian work rights.") == {"canada"}


def test_another_countrys_ticket_does_not_meet_one_where_the_job_is() -> None:
    ad = "Scaffolder - Perth\nRequirements:\n- Scaffolding ticket (basic)\n- Australian work rights\n"
    cv = "Tickets\nScottish scaffolding ticket (CISRS basic), 2021\nSkills: tube and fitting, system scaffold"
    found = border_short("Scaffolding ticket (basic)", ad, cv, "Scottish scaffolding ticket (CISRS basic), 2021")
    assert found is not None and "Uk" in found[0] and found[1].startswith("Scottish")
    # the job names no other country, or the same one: no verdict
    assert border_short("Scaffolding ticket (basic)", "Scaffolder wanted", cv, cv.splitlines()[1]) is None
    assert border_short("Scaffolding ticket (basic)", "UK sites", cv, cv.splitlines()[1]) is None


def test_a_licence_of_the_country_asked_only_requested_is_not_held() -> None:
    cv = "Peruvian driving licence, category A-IIa, since 2016; exchange for a Spanish licence applied for at the DGT"
    found = border_short("Spanish driving licence", "", cv, cv)
    assert found is not None and "only requested" in found[0]
    cv_done = "Peruvian driving licence since 2016; exchanged for a Spanish driving licence in 2024"
    assert border_short("Spanish driving licence", "", cv_done, cv_done) is None


def test_another_countrys_licence_is_a_gap_unless_the_ask_offers_another_way() -> None:
    cv = "Licences: Kenyan driving licence (class B), 2018"
    assert border_short("Ugandan driving licence", "", cv, cv) is not None
    assert border_short("Ugandan driving licence or a foreign one you can convert", "", cv, cv) is None
    assert border_short("Ugandan driving licence within three months of starting", "", cv, cv) is None
    # a part naming no country may be the asked country's own
    assert border_short("Ugandan driving licence", "", cv + "\nDriving licence: class B; permit renewed", cv) is None


def test_an_eu_licence_is_met_by_a_member_states() -> None:
    cv = "Full Slovenian driving licence, category B"
    assert border_short("EU driving licence", "", cv, cv) is None
    assert border_short("Estonian driving licence", "", cv, cv) is not None


def test_a_professional_driving_licence_is_not_met_by_a_cars() -> None:
    cv = "Permiso de conducir clase B (turismos), 2015"
    found = professional_short("Licencia de conducir profesional", cv)
    assert found is not None and found[1] == cv
    assert professional_short("Licencia de conducir profesional", "Permiso de conducir clase C1 y B") is None
    assert professional_short("Professional driving permit (PrDP)", "Code 10 licence with PrDP (goods)") is None
    assert professional_short("Licencia de conducir profesional", "Sin carnet") is None  # names none: no verdict


def test_border_checks_decide_through_the_matcher() -> None:
    ad = "Yard hand - Timaru, New Zealand\nRequirements:\n- Forklift certificate\n- Reach truck\n"
    cv = "Warehouse Operative, 2019 - 2025\n- Reach truck and counterbalance\nLicences\n- Filipino forklift certificate"
    assert _verdicts(ad, cv) == {"Forklift certificate": False, "Reach truck": True}
    # the same ticket where the ad names no country, or the CV's own: shown
    assert _verdicts(ad.replace(", New Zealand", ""), cv)["Forklift certificate"] is True
    assert _verdicts(ad.replace("New Zealand", "Philippines"), cv)["Forklift certificate"] is True


# -- a variant beside the family ----------------------------------------------------------------------------------


def test_another_type_of_the_same_thing_is_a_gap() -> None:
    cv = "Certifications\nASTM D4 Type B coating inspection, 2020\nNACE CIP Level 1"
    found = type_short("ASTM D4 inspection (Type A or Advanced)", cv)
    assert found is not None and found[1].startswith("ASTM D4 Type B")
    assert type_short("ASTM D4 inspection (Type B)", cv) is None
    assert type_short("ASTM D4 inspection (Type A or Advanced)", cv + "\nASTM D4 Advanced, 2022") is None
    assert type_short("Gearbox overhaul (Type A)", cv) is None  # another family: no verdict


def test_an_earlier_version_or_generation_is_a_gap_a_later_one_is_not() -> None:
    cv = "Built two levels in Godot Engine 3 for a game jam; Blender 2 modelling"
    assert version_short("Godot Engine 4 scripting", cv) == (
        "Godot Engine 4 asked; the CV shows Godot Engine 3",
        cv,
    )
    assert version_short("Godot Engine 3 scripting", cv) is None
    assert version_short("Godot Engine 4 scripting", "Godot Engine 4.2 and GDScript") is None
    assert version_short("NVQ Level 3 in Joinery", "NVQ Level 2 in Joinery") is None  # a level: another check
    assert type_short("Mk 5 ventilator servicing", "Serviced Mk 3 and Mk 4 ventilators") is not None


def test_a_count_asked_is_compared_with_the_cvs_count_of_the_same_thing() -> None:
    assert count_short("at least 30 solo dives", "- 18 solo dives logged, Red Sea") == (
        "30 dives asked; the CV shows 18",
        "- 18 solo dives logged, Red Sea",
    )
    assert count_short("at least 30 solo dives", "- 45 solo dives logged") is None
    assert count_short("at least 30 solo dives", "Dive centre assistant") is None  # no count: no verdict
    assert count_short("at least 30 solo dives", "12 years on dives") is None  # a count of years, not of dives
    assert count_short("4471 solo dives", "18 solo dives") is None  # a standard's number, not a count
    # at the same rate only: a day is not a season
    assert count_short("300+ lambs a day", "marked 1,000 lambs a season") is None
    assert count_short("300+ lambs a day", "marked 220 lambs a day") is not None
    # hours need a word of the ask beside them
    assert count_short("150 hours of dual instruction", "Worked 10 hours a shift") is None
    assert count_short("150 hours of dual instruction", "90 hours dual instruction logged") is not None


def test_a_group_sized_with_a_floor_is_compared() -> None:
    found = group_short("running a fleet of 30 or more vans", "Ran a fleet of 12 vans for a florist")
    assert found is not None and "12" in found[0]
    assert group_short("running a fleet of 30 or more vans", "Ran a fleet of 45 vans") is None
    assert group_short("running a fleet of vans", "Ran a fleet of 12 vans") is None


def test_variant_checks_decide_through_the_matcher() -> None:
    ad = "Requirements:\n- Godot Engine 4 scripting\n- Pixel art\n"
    cv = "Indie developer, 2022 - present\n- Built two levels in Godot Engine 3 scripting\n- Pixel art for both"
    assert _verdicts(ad, cv) == {"Godot Engine 4 scripting": False, "Pixel art": True}


def test_an_earlier_edition_or_a_standard_dated_before_its_version_is_a_gap() -> None:
    cv = "Certificates\n- 3rd Edition Fire Alarm Code course (2016)\n- HACCP (2012)"
    found = edition_short("5th Edition Fire Alarm Code", cv)
    assert found is not None and found[1] == "- 3rd Edition Fire Alarm Code course (2016)"
    assert edition_short("3rd Edition Fire Alarm Code", cv) is None
    assert edition_short("5th Edition Fire Alarm Code", "- 6th Edition Fire Alarm Code") is None
    assert edition_short("GHS 2019 refresher", "GHS awareness (2017)") is not None
    assert edition_short("GHS 2019 refresher", "GHS awareness (2021)") is None
    assert edition_short("GHS 2019 refresher", "Safety officer using GHS, 2015 - present") is None


def test_a_states_licence_is_its_countrys() -> None:
    assert countries_in("Queensland open licence") == {"australia"}
    assert countries_in("Manitoba Class 5") == {"canada"}
    cv = "Saskatchewan Class 5 driver's licence, 2017"
    assert border_short("Canadian driver's licence", "", cv, cv) is None
    assert border_short("Kenyan driving licence", "", cv, cv) is not None


def test_a_size_with_a_floor_is_compared_with_the_cvs_size_of_the_same_thing() -> None:
    cv = "- Rigged 18 m scaffold towers on retail fit-outs\n- Drove a 7.5 t lorry"
    found = size_short("erecting scaffold towers of 24 m and above", cv)
    assert found is not None and found[1].startswith("- Rigged 18 m")
    assert size_short("erecting scaffold towers of 12 m and above", cv) is None
    assert size_short("erecting scaffold towers of 24 m", cv) is None  # no floor: a size, not a minimum
    assert size_short("loading ships of 40 t and above", cv) is None  # another thing in that unit
