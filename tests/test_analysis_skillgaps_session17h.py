"""Session 17 (the evidence head): another value in the ask's slot, and synthetic near misses to learn it from."""

from __future__ import annotations

from nextround.analysis.skillgaps.evidence_model import FEATURES, load_model
from nextround.analysis.skillgaps.matcher import rule_judgements
from nextround.analysis.skillgaps.slots import another_value, same_value
from tests.skillgap_helpers import evidence_trainer


def test_another_type_class_or_letter_in_the_slot_is_another_thing() -> None:
    assert another_value("Hearing aid fitting, Type C receivers", "Fitted Type A receivers for adults")
    assert another_value("Pressure vessel inspection (Part III)", "Pressure vessel inspection to Part II")
    assert another_value("Category 2 cleanroom gowning", "Category 4 cleanroom gowning") is True
    assert another_value("Trailer handling (Group D)", "Drove Group B trailers")
    assert another_value("Kiln permit KP4", "Kiln permit KP2 (2021)")
    # grades count down from A: a higher grade is not another one, a lower one is
    assert not another_value("Security licence, Grade B", "Security licence, Grade A (2023)")
    assert another_value("Security licence, Grade B", "Security licence, Grade D (2023)")


def test_a_smaller_number_is_another_one_and_a_larger_is_more_of_the_same() -> None:
    assert another_value("Loom rigging to the 9th Edition rules", "Rigged looms to the 7th Edition rules")
    assert another_value("at least 40 solo ascents", "Logbook: 25 solo ascents")
    assert not another_value("at least 40 solo ascents", "Logbook: 120 solo ascents")
    assert not another_value("Category 2 cleanroom gowning", "Category 2 cleanroom gowning, 2023")


def test_limits_ranges_ages_years_and_unrelated_lines_are_not_read_as_another_value() -> None:
    assert not another_value("no more than 4 penalty points", "Clean licence, 2 penalty points")
    assert not another_value("kayaks of 3 to 5 metres", "Paddled 4 metres sea kayaks")
    assert not another_value("coaching children aged 8-12", "Coached children aged 6 to 10")
    assert not another_value("3 years in a bakery", "1 years in a bakery")
    assert not another_value("Type 1 diabetes care", "Ward nurse, orthopaedics")
    assert not another_value("English at B2", "English B1, German C1")  # the language checks' own
    assert not another_value("Category 2 cleanroom gowning", "")


def test_the_head_reads_another_part_on_the_evidence_line() -> None:
    # "Part III" against "Part II" is read exactly now (same_name, session 22); a series is left to the head
    jd = "Inspector\nRequirements:\n- Pressure vessel inspection to Series 7\n- Insulin pump training"
    cv = "Inspector, 2018 - 2026. Pressure vessel inspection to Series 6. Insulin pump training, 2022."
    values = {judged.requirement.text: v for judged, v in rule_judgements(jd, cv, 2026)}
    column = FEATURES.index("another_value")
    assert values["Pressure vessel inspection to Series 7"] is not None
    assert values["Pressure vessel inspection to Series 7"][column] == 1.0
    assert values["Insulin pump training"] is not None and values["Insulin pump training"][column] == 0.0
    model = load_model()
    assert model is not None and model.weights[column] > 0.5  # another value says "missing"


def test_synthetic_near_misses_teach_the_head_a_feature_no_real_example_shows() -> None:
    trainer = evidence_trainer()
    column = FEATURES.index("another_value")

    def candidate(met: float, label: bool, same: bool, asked: bool = True) -> object:
        values = [0.0] * len(FEATURES)
        values[0], values[FEATURES.index("rule_met")] = 1.0, met
        values[FEATURES.index("section_duties")] = float(not asked)
        return trainer.Candidate("ask", not met, values, label, asked, "meaning", same)

    pairs = [
        trainer.Pair(
            f"f{index}",
            [],
            [candidate(1.0, False, index % 2 == 0), candidate(0.0, True, False), candidate(0.0, False, False, False)],
        )
        for index in range(20)
    ]
    with_synthetic = trainer.fit(pairs).evidence[column]
    assert with_synthetic > 0.5
    for pair in pairs:
        for c in pair.candidates:
            c.same_value = False
    assert trainer.fit(pairs).evidence[column] == 0.0
    assert same_value("Type 2 diabetes", "Type 2 diabetes clinics") and not same_value("Type 2", "Type 3")
