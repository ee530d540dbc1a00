"""Session 17 (`skillsN17`): a CV clause that denies or hands off the skill asked is not evidence of it."""

from __future__ import annotations

from nextround.analysis.skillgaps.denied import denied_line
from nextround.analysis.skillgaps.matcher import match


def test_a_denial_before_or_after_the_name_is_not_evidence() -> None:
    cv = "Yard hand, 2019 - 2025\n- No telehandler ticket - I have moved bales with the loader for years"
    assert denied_line("Telehandler ticket (CPCS A17)", cv) == cv.splitlines()[1].strip()
    assert denied_line("Goat husbandry", "Dairy hand\n- never worked with goats, only cattle")
    assert denied_line("Scuba diving certificate", "Scuba certificate: not held")
    assert denied_line("Bicycle repair", "Sales floor; bicycle repair - not yet")
    assert denied_line("Kayak instructor award", "Kayak instructor award: none so far")
    assert denied_line("Welding (MIG)", "Assembly operator, haven't done MIG welding myself")


def test_another_person_doing_it_is_not_evidence() -> None:
    assert denied_line("Conducting internal audits", "- internal audits are carried out by the quality manager")
    assert denied_line("Glaze mixing", "- I load the kilns; glazes are made by the studio owner, which I label")
    assert denied_line("Roof truss design", "- site diary; the engineer who does the truss design signs off")
    assert denied_line("Roof truss design", "- I am the engineer who does the truss design") is None


def test_a_denied_mishap_or_a_plain_mention_elsewhere_shows_the_skill() -> None:
    assert denied_line("Clean driving licence", "Full driving licence, no accidents in ten years of driving") is None
    assert denied_line("Meet deadlines", "- never missed a deadline in four years") is None
    assert denied_line("Able to work without supervision", "- ran night shifts without supervision") is None
    assert denied_line("Lawn mowing", "- mowing lawns without supervision") is None
    assert denied_line("Safe forklift operation", "- forklift driver, zero lost-time incidents") is None
    assert denied_line("Excel", "No formal training, but daily Excel user") is None
    assert denied_line("Excel", "Excel (advanced), no VBA") is None
    assert denied_line("Goat husbandry", "- never worked with goats at the first farm\n- goats kept since 2020") is None
    assert denied_line("Stock checks", "- go/no-go stock checks and no-show rebooking") is None


def test_a_denial_elsewhere_does_not_undo_the_line_that_shows_it() -> None:
    cv = "- Goat husbandry on a 40-head herd\n- never worked with goats in rearing pens"
    assert denied_line("Goat rearing", cv, "never worked with goats in rearing pens")
    assert denied_line("Goat husbandry", cv, "Goat husbandry on a 40-head herd") is None


def test_the_matcher_reports_the_denied_item_as_a_gap_with_the_cv_words() -> None:
    jd = "Farm Hand\nRequirements:\n- Full driving licence\n- Telehandler ticket (CPCS A17)"
    cv = (
        "Farm hand, Hill Farm, 2019 - 2025\n- Feeding, fencing, lambing\n"
        "- No telehandler ticket - I have moved bales with the loader but never sat the test\n"
        "Licences: Full driving licence (B), no accidents in ten years of driving"
    )
    result = match(jd, cv, reference_year=2026).to_dict()
    missing = {item["text"]: item for item in result["missing"]}
    assert "Telehandler ticket (CPCS A17)" in missing
    assert "No telehandler ticket" in str(missing["Telehandler ticket (CPCS A17)"])
    assert "someone else does it" in missing["Telehandler ticket (CPCS A17)"]["reason"]
    assert "Full driving licence" not in missing
