"""Session 20 (engineer skillsY20): years for a specific ask are never the whole career. The roles that hold half the
ask's own stems count; a title counts by its work, not its praise; an acronym lends its title's years; a licence
held for N years counts from the year beside the asked category; post-graduate years count from the degree of the
field. Our own sentences, none from a pair file."""

from __future__ import annotations

from nextround.analysis.skillgaps.roleyears import (
    acronym_roles,
    partly_shown_years,
    roles,
    years_since_qualifying,
)

_CV = (
    "Experience\n"
    "Pearl Grader - Oyster Bay Pearls - March 2022 to present\n"
    "- Grading cultured pearls for lustre and surface\n"
    "Trainee Rough Pearl Sorter - Lagoon Farms - 2020 to 2022\n"
    "- Size and shape sorting of harvested pearls\n"
    "Warehouse Clerk - Portside Stores - 2012 to 2020\n"
)


def test_the_roles_holding_half_the_asks_stems_count_not_the_career() -> None:
    # "rough pearl sorting": the sorter role holds all three stems (sorter/sorting), the grader one only "pearl"
    assert partly_shown_years(_CV, 2026, "rough pearl sorting") == 2.0
    # no role holds half: nothing to count here (the career is the matcher's last resort)
    assert partly_shown_years(_CV, 2026, "diamond polishing machinery") is None


def test_a_second_figure_and_generic_words_are_not_the_kind_of_work() -> None:
    cv = "Experience\nHead Tiler - Stoneworks - 2021 to 2026\n- Lead a crew of four\nTiler - Floorco - 2015 to 2021\n"
    # "including 2 in a lead role" is an ask of its own: both tiling roles count for the tiling years
    assert partly_shown_years(cv, 2026, "professional tiling experience, including 2 in a lead role") == 11.0


def test_an_acronym_lends_the_years_of_the_title_it_spells() -> None:
    cv = "Experience\nSite Reliability Engineer - Cloudco - 2023 to 2026\nHelpdesk Analyst - Deskco - 2019 to 2023\n"
    found = acronym_roles("SRE or platform roles", roles(cv))
    assert [role.head for role in found] == ["Site Reliability Engineer - Cloudco - 2023 to 2026"]


def test_a_licence_held_for_years_counts_from_the_year_beside_the_category_asked() -> None:
    cv = "Licences\nFull driving licence: Categories B and C1 held since 2010; Category C passed June 2024\n"
    since = years_since_qualifying(cv, "Full Category C driving licence held for at least 4 years", 2026)
    assert since == 2.0


def test_post_graduate_years_count_from_the_degree_of_the_field() -> None:
    cv = "Education\nMaster of Paper Conservation, Northfield University - 2024\nBA History, Southgate College - 2019\n"
    since = years_since_qualifying(cv, "At least 3 years of post-graduate experience in paper conservation", 2026)
    assert since == 2.0
