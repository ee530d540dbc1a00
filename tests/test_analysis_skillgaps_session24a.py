"""Session 24 (engineer skillsA24): the CV's own line read the right way round. A wish, a plan or a skill still being
learned ("keen to get trained on", "currently learning", "scheduled to start") does not show what follows it; a
mishap denied after a dash ("licence - no violations") is not a denial. Our own sentences, none from a pair file."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps.denied import asks_a_wish, aspired_spans, denied_line
from nextround.analysis.skillgaps.evidence import Evidence, read_cv
from nextround.analysis.skillgaps.judged import Judged
from nextround.analysis.skillgaps.matcher import match
from nextround.analysis.skillgaps.phrases import Requirement
from nextround.analysis.skillgaps.standing import denied_by_cv


@pytest.mark.parametrize(
    ("ask", "cv"),
    [
        ("tube bending", "Pipe fitter, 3 years on steel pipework\nKeen to get trained on tube bending machines."),
        ("Kubernetes", "Backend developer (Python, Docker)\nCurrently learning Kubernetes through an online course."),
        ("night shifts on the stroke unit", "Staff nurse, ward 4\nI am scheduled to start on the stroke unit in 2027."),
        ("pastry", "Line cook in a busy bistro, eager to move into pastry."),
        ("Welsh", "Retail assistant; would love to learn Welsh"),
    ],
)
def test_a_wish_plan_or_learning_does_not_show_what_follows(ask: str, cv: str) -> None:
    assert denied_line(ask, cv) is not None


@pytest.mark.parametrize(
    ("ask", "cv"),
    [
        # the writer has it and wants more of it or more use of it
        ("pastry", "Pastry cook, keen to develop my pastry skills further"),
        ("Excel", "Office administrator looking to use my Excel skills in finance"),
        # the ask's words written plainly elsewhere outnumber those under the wish
        (
            "Bachelor's degree in biology, chemistry or forensic science",
            "BSc Biology and Chemistry, 2020\nLab analyst, keen to move into forensic work",
        ),
        # an ask for the wish itself is met by it
        ("genuine interest in gardening", "School leaver, keen to work in gardening"),
    ],
)
def test_a_wish_that_holds_the_thing_or_is_asked_is_not_a_denial(ask: str, cv: str) -> None:
    assert denied_line(ask, cv) is None


@pytest.mark.parametrize(("section", "denied"), [("duties", False), ("required", True)])
def test_a_duty_of_the_post_is_left_to_the_learned_head(section: str, denied: bool) -> None:
    cv = read_cv("Kitchen porter, 2022 - present\n- Helped the head chef with the pastry section on Sundays", 2026)
    ask = Requirement("pastry section", "Run the pastry section", "required", ("pastry section",), section=section)
    shown = Judged(ask, ask.text, Evidence(True, 0.9, "Helped the head chef with the pastry section", "meaning", 0.8))
    assert denied_by_cv(cv, shown).evidence.met is not denied


def test_the_wish_reaches_the_rest_of_its_clause_only() -> None:
    clause = "Two seasons on a hand crew and keen to move onto an engine"
    spans = aspired_spans(clause)
    assert spans and clause[spans[0][0] :].strip() == "move onto an engine"
    assert aspired_spans("keen to bring my forklift experience") == []
    assert asks_a_wish("willingness to learn new software") and not asks_a_wish("forklift licence")


@pytest.mark.parametrize(
    ("ask", "cv"),
    [
        ("driver's license with clean driving record", "Ohio driver's license - no violations"),
        ("full driving licence", "Full UK driving licence - no points"),
    ],
)
def test_a_mishap_denied_after_a_dash_is_no_denial(ask: str, cv: str) -> None:
    assert denied_line(ask, cv) is None


def test_a_dash_then_no_still_denies_the_licence() -> None:
    assert denied_line("HGV licence", "HGV licence - no") is not None


def test_someone_else_seeing_the_patients_is_a_hand_off() -> None:
    cv = "Dietitian, general wards\nHDU patients are seen by the senior dietitian"
    assert denied_line("HDU experience", cv) is not None


def test_match_reports_a_skill_the_cv_only_wishes_for() -> None:
    jd = "Sterile services technician\n\nRequirements:\n- Operate steam sterilisers\n- Good English"
    cv = (
        "Hospital porter, 2021 - present\n- Moving patients and equipment between wards\n"
        "I have not worked in sterile services yet, but I am keen to get trained on steam sterilisers.\n"
        "Languages: English (fluent)"
    )
    gaps = [gap["text"] for gap in match(jd, cv, reference_year=2026).to_dict()["missing"]]  # type: ignore[union-attr]
    assert any("sterilisers" in gap for gap in gaps)


def test_yet_to_be_collected_is_not_held() -> None:
    jd = "Election clerk\n\nRequirements:\n- Must possess a valid Voter's Card\n- Good handwriting"
    cv = (
        "Clerk, 2020 - present\n- Neat handwriting in ledgers\n"
        "Registered voter, but my Voter's Card is yet to be collected."
    )
    gaps = [gap["text"] for gap in match(jd, cv, reference_year=2026).to_dict()["missing"]]  # type: ignore[union-attr]
    assert any("Voter" in gap for gap in gaps)
