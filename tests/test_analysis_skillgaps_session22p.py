"""Session 22 (engineer skillsP22): where and how long. A credential issued for another place than the ad's (a
numbered driving class on another country's scale, a register of another state's body), a place under its other
name, dates in a table's own cells, a title asked without its article, and a post a comparable one may stand for.
Our own sentences, none from a pair file."""

from __future__ import annotations

from nextround.analysis.skillgaps.issued import class_scale_short, register_place_short
from nextround.analysis.skillgaps.places import place_other_names, region_members
from nextround.analysis.skillgaps.roleyears import roles, span_months, table_row_dated
from tests.skillgap_helpers import verdict_on

_ONTARIO_AD = (
    "Delivery Helper\nQuickParcel Inc. | Hamilton, Ontario\n\nRequirements\n- Valid Class 3 driver's licence\n"
)


def test_a_numbered_class_on_another_countrys_scale_is_short() -> None:
    cv = "LICENCES\nAustralian driver licence (Class 3), held since 2019\n"
    short = class_scale_short("Valid Class 3 driver's licence", _ONTARIO_AD, cv)
    assert short is not None and "Australia" in short[0]


def test_a_class_held_in_the_ads_country_or_with_no_country_stands() -> None:
    ad = _ONTARIO_AD
    assert class_scale_short("Valid Class 3 driver's licence", ad, "Ontario Class 3 licence, clean record\n") is None
    assert class_scale_short("Valid Class 3 driver's licence", ad, "Full driver's licence (Class 3)\n") is None
    # a line that names both: the licence converted or valid in the ad's country
    both = "Australian driver licence (Class 3), valid for driving in Ontario\n"
    assert class_scale_short("Valid Class 3 driver's licence", ad, both) is None


def test_a_class_ask_with_another_way_or_a_country_is_not_read_here() -> None:
    cv = "Australian driver licence (Class 3)\n"
    assert class_scale_short("Class 3 licence or equivalent", _ONTARIO_AD, cv) is None
    assert class_scale_short("Canadian Class 3 licence", _ONTARIO_AD, cv) is None  # borders reads that one
    assert class_scale_short("Full driver's licence", _ONTARIO_AD, cv) is None  # no numbered class


def test_the_ads_country_from_its_contact_domain() -> None:
    ad = "Farm Hand\n\nMust have\n- Class 1 licence\n\nApply: jobs@greenacres.co.nz\n"
    assert class_scale_short("Class 1 licence", ad, "Irish full driving licence (Class 1)\n") is not None


def test_a_register_of_another_places_body_is_short() -> None:
    cv = "REGISTRATION\nRegistered Nurse - Goa State Nursing Council (No. 5521)\n"
    short = register_place_short("Registered nurse with the Punjab Nursing Council", cv)
    assert short is not None and "Goa" in short[0]


def test_the_asked_body_or_one_with_no_place_stands() -> None:
    asked = "Registered nurse with the Punjab Nursing Council"
    assert register_place_short(asked, "Registered with the Punjab Nursing Council, 2021\n") is None
    assert register_place_short(asked, "Registered Nurse, State Nursing Council\n") is None
    # a body only named, not registered with: an employer
    assert register_place_short(asked, "Clerk at the Goa Nursing Council office\n") is None


def test_a_place_under_its_other_name() -> None:
    assert "mumbai" in place_other_names("Bombay", "Trading experience in the Bombay markets")
    assert "myanmar" in region_members("Burma", "Field work in Burma")
    assert place_other_names("Kent", "Based in Kent") == ()


def test_an_old_name_asked_is_met_by_the_new_one() -> None:
    ad = "Rice Buyer\n\nRequirements\n- Experience buying rice from Burma\n"
    cv = "Rice buyer, Golden Grain Traders, 2018 - present\n- Bought paddy and milled rice from Myanmar exporters\n"
    met, _, _ = verdict_on(ad, cv, "Burma")
    assert met


def test_a_tables_date_cells_are_one_span() -> None:
    row = "| MV Northern Gull | Tanker | Bosun | Feb 2023 | Aug 2023 |"
    assert "Feb 2023 – Aug 2023" in table_row_dated(row)
    assert (
        table_row_dated("| BSc Biology | Univ of Leeds | 2019 | 2:1 |")
        == "| BSc Biology | Univ of Leeds | 2019 | 2:1 |"
    )
    assert "2021 – present" in table_row_dated("Deckhand\tMV Tern\t2021\tpresent")
    cv = "SEA SERVICE\n| Vessel | Rank | From | To |\n| MV Gull | Bosun | Feb 2023 | Aug 2023 |\n"
    found = roles(cv)
    assert len(found) == 1 and span_months([found[0].head], 2026) == 6


def test_months_in_a_table_against_a_title_asked_without_article() -> None:
    ad = "Bosun\n\nRequirements\n- At least 24 months as Bosun on tankers\n"
    cv = (
        "SEA SERVICE\n| Vessel | Type | Rank | Sign on | Sign off |\n"
        "| MV Gull | Tanker | Bosun | Feb 2024 | Oct 2024 |\n| MV Tern | Tanker | Bosun | Jan 2025 | Sep 2025 |\n"
        "| MV Skua | Tanker | AB Seaman | 2019 | 2023 |\n"
    )
    met, how, _ = verdict_on(ad, cv, "Bosun")
    assert not met and how == "years"


def test_a_post_a_comparable_one_may_stand_for_names_nothing_a_cv_must_write() -> None:
    from nextround.analysis.skillgaps.places import asked_names
    from nextround.analysis.skillgaps.requirements import requirements

    ad = "Requirements\n- served as Senior Clerical Officer II or in a comparable position for three years\n"
    requirement = requirements(ad)[0]
    assert asked_names(requirement.text, requirement) == []
    # "an equivalent Level 3 qualification" is no post: its names stay
    other = requirements("Requirements\n- CeMAP or an equivalent Level 3 mortgage qualification\n")[0]
    assert asked_names(other.text, other)


def test_a_claim_broken_down_counts_each_part_for_itself() -> None:
    from nextround.analysis.skillgaps.roleyears import claims

    found = claims("Rigger with twelve years on sites – nine as a labourer, and three and a half years as a rigger.")
    assert found == [(9.0, "nine as a labourer"), (3.5, "three and a half years as a rigger")]
    assert claims("Four and a half years as a barista.") == [(4.5, "Four and a half years as a barista.")]
    # a dash with no figures after it is no breakdown
    assert claims("Chef with 8 years – Italian and French kitchens.")[0][0] == 8.0


def test_another_trades_title_beside_the_doers() -> None:
    from nextround.analysis.skillgaps.askedkind import other_trade

    ask = "3 years excavator operating experience"
    assert other_trade(ask, ["Excavator Operator", "Labourer"]) == [False, True]
    # no role titled as the doer of the activity: nothing is set aside
    assert other_trade(ask, ["Plant Hand", "Labourer"]) == [False, False]
    # a noun in -ing is no activity with a doer here ("Marketing Manager" is a manager)
    assert other_trade("3 years marketing experience", ["Marketing Manager", "Brand Manager"]) == [False, False]


def test_an_ask_of_alternatives_sets_no_trade_aside() -> None:
    from nextround.analysis.skillgaps.askedkind import other_trade

    ask = "3+ years in analytics engineering, BI engineering or data analysis"
    assert other_trade(ask, ["Analytics Engineer", "Data Analyst"]) == [False, False]
