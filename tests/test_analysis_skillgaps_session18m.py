"""Session 18 (`skillsM18`): near misses the CV states, second hand (helped, shadowed, watched), another person
finishing the task, and one's own vehicle denied under another name."""

from __future__ import annotations

from nextround.analysis.skillgaps.denied import denied_line
from nextround.analysis.skillgaps.matcher import match


def test_helping_shadowing_or_watching_another_person_is_not_evidence() -> None:
    cv = "- Helped the roofing crew on one slate roof, passing up slates and battens"
    assert denied_line("Slate roofing", cv) == cv.strip()
    assert denied_line("Night feeds", "- Shadowed a senior midwife on night feeds for two weeks")
    assert denied_line("Chairing case reviews", "- Attended case reviews with my supervisor, taking notes")
    assert denied_line("Leading treks", "- Ran two treks as assistant to the lead guide, looking after the packs")
    assert denied_line("Hand-loom weaving", "Cotton spinning; I know weaving only from watching.")
    assert denied_line("Dairy lab tests", "- Assisted in the lab with fat tests") is None  # working in a place
    assert denied_line("Bathing", "- Helped her bathe and dress every morning") is None  # the person cared for


def test_help_given_to_the_people_served_or_an_ask_to_assist_is_not_second_hand() -> None:
    assert denied_line("Window advice", "- Assisted customers with window advice and orders") is None
    assert denied_line("Library help desk", "- Helped the public at the library help desk") is None
    assert denied_line("Chairside assisting", "- Assisted the dentist at the chairside for fillings") is None
    assert denied_line("Plan the week with the head coach", "- Plan the week with the head coach") is None
    # the help reaches to the end of its sentence, not past it
    cv = "- Helped the baker with sourdough. Laminated dough myself for croissants"
    assert denied_line("Laminated dough", cv) is None


def test_another_person_finishing_the_task_is_not_evidence() -> None:
    cv = "- Prepared the sites and recorded readings; the surveyor signed and issued the certificates"
    assert denied_line("Issuing survey certificates", cv) == cv.strip()
    assert denied_line("Recording readings", cv) is None


def test_a_car_or_van_denied_is_one_s_own_transport() -> None:
    assert denied_line("Own transport", "Driving licence B (no car at the moment)")
    assert denied_line("Access to a vehicle", "Licence: full, manual; no van of my own yet")
    assert denied_line("Own transport", "Driving licence B, own car") is None
    # without an ask for one's own vehicle, a car is not another name for it
    assert denied_line("Transport planning", "- no car; cycle to work\n- transport planning for 12 routes") is None


def test_the_matcher_reports_second_hand_work_as_a_gap() -> None:
    jd = "Roofer\nRequirements:\n- Slate roofing\n- Full driving licence"
    cv = (
        "Roofing labourer, 2020 - 2025\n- Tile roofs, felt and battens on new builds\n"
        "- Helped the roofing crew on one slate job, passing up slates\nFull driving licence (B)"
    )
    missing = {item["text"] for item in match(jd, cv, reference_year=2026).to_dict()["missing"]}
    assert "Slate roofing" in missing
    assert "Full driving licence" not in missing


def test_practice_only_not_yet_for_the_people_served_is_not_evidence() -> None:
    cv = "Skills: gel polish, pedicures, acrylic extensions (on myself and friends, not yet for clients)"
    assert denied_line("Acrylic nail extensions", cv) == cv
    assert denied_line("Gel polish", cv) is None
    assert denied_line("Pedicures", cv) is None
    assert denied_line("Beard trims", "- Fades and beard trims, only on friends so far") is None  # a comma clause
    assert denied_line("Beard trims", "- Fades; beard trims only for family") == "- Fades; beard trims only for family"
