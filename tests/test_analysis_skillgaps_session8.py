"""Skill gaps: wording met in session 8 (headlines and shouts, either/or lists, the evidence offered beside a gap)."""

from __future__ import annotations

from typing import Any

from nextround.analysis.skillgaps import match, requirements
from nextround.analysis.skillgaps.phrases import alternatives_of, split_items


def _missing(jd: str, cv: str) -> list[dict[str, Any]]:
    return list(match(jd, cv, reference_year=2026).to_dict()["missing"])  # type: ignore[arg-type]


def _asked(jd: str) -> list[str]:
    return [item.text for item in requirements(jd)]


def test_a_headline_or_a_shout_without_a_skill_is_never_a_requirement() -> None:
    for headline in ("🚀 WE'RE HIRING!!!", "JOIN THE CREW", "✨ Your Next Big Adventure", "Great pay, great people!"):
        jd = f"{headline}\n\nWarehouse Operative\n\nRequirements:\n- Counterbalance forklift licence\n- Stock rotation"
        asked = _asked(jd)
        assert asked and not any(word in " ".join(asked).lower() for word in ("hiring", "crew", "adventure", "pay"))
    # a shout that names a skill, or says it is needed, is still read
    assert any("forklift" in text.lower() for text in _asked("Warehouse Operative\nRequirements:\n- FORKLIFT LICENCE!"))
    assert _asked("Chef\n\nFood hygiene certificate essential!")
    assert _asked("Interpreter\nRequirements:\n- JLPT N2") == ["JLPT N2"]  # a name in capitals is no shout


def test_a_comma_list_closed_by_or_is_one_ask_met_by_any_alternative() -> None:
    assert split_items("Salesforce, Gainsight or HubSpot") == ["Salesforce, Gainsight or HubSpot"]
    assert alternatives_of("Python, Go, or Rust") == ("Python", "Go", "Rust")
    assert len(split_items("Xero, Sage and QuickBooks")) == 3  # "and": each is asked
    jd = "Customer Success Manager\n\nRequirements:\n- Experience with Salesforce, Gainsight or HubSpot"
    shown = "Jane Doe\nExperience\n- Managed the renewals pipeline in HubSpot\n- Calm under pressure"
    assert _missing(jd, shown) == []
    (gap,) = _missing(jd, "Jane Doe\nExperience\n- Managed renewals in spreadsheets\n- Calm under pressure")
    assert gap["text"] == "Salesforce, Gainsight or HubSpot"
    assert all(name in str(gap["reason"]) for name in ("Salesforce", "Gainsight", "HubSpot"))


def test_the_evidence_beside_a_gap_is_the_closest_line_by_meaning_or_none() -> None:
    jd = "Customer Success Manager\n\nRequirements:\n- Experience with Salesforce, Gainsight or HubSpot"
    cv = "Sam Lee\n\nSummary\nCalm under pressure\nFriendly and organised\n\nWork\n- Barista, 2021-2024"
    (gap,) = _missing(jd, cv)
    assert gap["closest_cv_text"] is None
    cv = "Sam Lee\n\nSummary\nCalm under pressure\n\nWork\n- 4 years in customer success for a SaaS analytics product"
    (gap,) = _missing(jd, cv)
    assert gap["closest_cv_text"] == "4 years in customer success for a SaaS analytics product"
