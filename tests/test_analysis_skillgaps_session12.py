"""Session 12 (test10's analysis, change 1): years are counted where the skill is shown. A requirement asking N
years of X is met by the dated roles whose block shows X (a title line over its dates is one role) and by a claim
of years of X, both figures of "N years ..., M of them ..." read. CV texts of our own."""

from __future__ import annotations

from nextround.analysis.skillgaps import match
from nextround.analysis.skillgaps.roleyears import claims, roles, span_months, years_text


def _gaps(jd: str, cv: str) -> dict[str, str]:
    return {str(gap["text"]): str(gap["reason"]) for gap in match(jd, cv, reference_year=2026).to_dict()["missing"]}  # type: ignore[union-attr]


SURVEYOR = (
    "Tomasz Wróbel\nProfile\nSurveyor with hydrographic surveying and land surveying behind me.\n\n"
    "Experience\nHydrographic Surveyor, Coastline Surveys, Gdynia\nMarch 2024 - January 2026\n"
    "- Multibeam hydrographic surveying of harbour approaches\n"
    "Land Surveyor, Plotline Sp. z o.o.\n2016 - 2024\n- Boundary and topographic surveys for housing estates\n"
)


def test_years_asked_count_only_the_roles_that_show_the_skill() -> None:
    gaps = _gaps("Requirements:\n- 3 years of hydrographic surveying", SURVEYOR)
    assert gaps == {
        "hydrographic surveying": "3 years asked; the roles that show it add up to 1 year 10 months",
    }
    assert _gaps("Requirements:\n- 1 year of hydrographic surveying", SURVEYOR) == {}


def test_a_title_line_over_its_dates_is_one_role() -> None:
    found = roles(SURVEYOR)
    assert [role.head for role in found] == [
        "Hydrographic Surveyor, Coastline Surveys, Gdynia, March 2024 - January 2026",
        "Land Surveyor, Plotline Sp. z o.o., 2016 - 2024",
    ]
    assert found[0].lines[-1] == "- Multibeam hydrographic surveying of harbour approaches"
    assert span_months([role.head for role in found], 2026) == 22 + 96


def test_years_as_a_title_count_the_roles_titled_so_when_the_dates_are_below_the_title() -> None:
    jd = "Requirements:\n- 5 years as a saddler"
    short = "Saddler, Hartley Leather\n2022 - present\n- Made bridles\nShoe repairer, Quick Heel\n2015 - 2022\n"
    assert _gaps(jd, short) == {"saddler": "5 years asked; the roles with that title add up to 4 years"}
    assert _gaps(jd, "Saddler, Hartley Leather\n2016 - present\n- Made bridles\n") == {}


def test_a_claim_is_read_for_both_its_figures() -> None:
    line = "Process technician with 7 years in wastewater treatment, 1 of them on reverse osmosis plants."
    assert claims(line) == [
        (7.0, "Process technician with 7 years in wastewater treatment"),
        (1.0, "on reverse osmosis plants."),
    ]
    assert claims("Eight years driving HGVs, including 2 years as a tanker driver") == [
        (8.0, "Eight years driving HGVs"),
        (2.0, "as a tanker driver"),
    ]
    gaps = _gaps("Requirements:\n- 3 years of reverse osmosis", line)
    assert gaps == {"reverse osmosis": "3 years asked; the CV says 1 year of it"}
    assert _gaps("Requirements:\n- 5 years of wastewater treatment", line) == {}


def test_the_second_figure_of_an_ask_reads_the_roles_that_show_leading() -> None:
    jd = "Requirements:\n- Minimum 4 years in a commercial bakery, at least 2 as supervisor"
    cv = (
        "Bakery Supervisor, Crust & Co, Leeds\nOctober 2025 - present\n- Lead 6 bakers on the night shift.\n"
        "Baker, Crust & Co, Leeds\n2017 - 2025\n- Bread and laminated doughs in a commercial bakery.\n"
    )
    # "as supervisor": a title asked without its article, so the roles with that title count (session 22)
    assert _gaps(jd, cv) == {"supervisor": "2 years asked; the roles with that title add up to 1 year"}


def test_a_similar_role_still_counts_the_whole_career() -> None:
    jd = "Requirements:\n- 5 years' experience in a similar role"
    assert _gaps(jd, SURVEYOR) == {}


def test_years_written_as_years_and_months() -> None:
    assert years_text(1.75) == "1 year 9 months"
    assert years_text(3.0) == "3 years"
    assert years_text(0.5) == "6 months"
