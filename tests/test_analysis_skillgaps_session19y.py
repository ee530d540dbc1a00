"""Session 19 (engineer skillsY19): a second figure in the ask is an ask of its own, checked against that skill's
own years; a role counts for the years of an ask by its title only when the title holds the ask's own words. Our
own sentences, none from a pair file."""

from __future__ import annotations

from nextround.analysis.skillgaps.matcher import judge_all
from nextround.analysis.skillgaps.requirements import requirements


def _years(ad: str) -> dict[str, float | None]:
    return {item.text: item.years for item in requirements(ad)}


def _verdicts(ad: str, cv: str) -> dict[str, bool]:
    return {item.requirement.text: item.evidence.met for item in judge_all(ad, cv, 2026)}


def test_a_second_figure_after_min_is_an_ask_of_its_own() -> None:
    ad = "Requirements:\n- 4+ years as a web developer, including min. 2 years with Kotlin\n"
    years = _years(ad)
    assert years.get("Kotlin") == 2.0, years
    ad = "Requirements:\n- Five years in commercial kitchens, including a minimum of 2 years with pastry\n"
    assert _years(ad).get("pastry") == 2.0, _years(ad)


def test_the_second_figure_is_checked_against_that_skills_own_roles() -> None:
    ad = "Requirements:\n- 4+ years of experience as a software engineer, including min. 2 years with Kotlin\n"
    cv = (
        "Experience\n"
        "Kotlin Engineer, Appworks | 06/2025 - present\n"
        "- Android apps in Kotlin and Jetpack Compose\n"
        "Java Engineer, Bankline | 01/2018 - 05/2025\n"
        "- Spring services for payments\n"
    )
    verdicts = _verdicts(ad, cv)
    assert verdicts.get("Kotlin") is False, verdicts
    cv_long = cv.replace("06/2025", "01/2023").replace("05/2025", "12/2022")
    assert _verdicts(ad, cv_long).get("Kotlin") is True


def test_a_title_shares_the_work_only_with_the_asks_own_words() -> None:
    ad = "Requirements:\n- Minimum 3 years' experience in a soil testing laboratory\n"
    cv = (
        "Experience\n"
        "Soil Tester, Hillside Agronomy Lab (Feb 2025 - present): pH, nitrate and texture analysis\n"
        "Soil sampler and farm hand, family farm (2016 - 2025): sampling fields, tractor work\n"
    )
    assert _verdicts(ad, cv).get("soil testing laboratory") is False


# -- the qualifier of a shown skill ------------------------------------------------------------------------------


def test_a_bracketed_list_of_grades_is_checked_against_the_cvs_own_grades() -> None:
    from nextround.analysis.skillgaps.variants import sorts_short

    cv = "Dairy hand, hill farm (2019 - present)\n- Milking a herd of Ayrshire and Shorthorn breeds twice a day\n"
    short = sorts_short("Milking experience (Holstein or Jersey breeds)", cv)
    assert short is not None and "Ayrshire" in short[1]
    jersey = cv + "- Relief milker on a Jersey herd\n"
    assert sorts_short("Milking experience (Holstein or Jersey breeds)", jersey) is None
    assert sorts_short("Milking experience", cv) is None
    assert sorts_short("Milking experience (Holstein or Jersey breeds)", "Barista, 2020 - 2024\n") is None


def test_a_language_part_with_a_level_is_read_before_a_bare_heading() -> None:
    from nextround.analysis.skillgaps.language_levels import language_words_short

    cv = "Languages\nIrish\nBasic Irish from school (Level 2); I cannot yet run a meeting in Irish.\n"
    verdict = language_words_short("Fluent Irish (Level 4)", cv)
    assert verdict is not None and verdict[0] is False, verdict
    verdict = language_words_short("Fluent Irish", cv)
    assert verdict is not None and verdict[0] is False, verdict
    assert language_words_short("Spoken Irish (Level 2)", cv) == (True, "Irish", "Basic Irish from school (Level 2)")
    verdict = language_words_short("Fluent Irish", "Languages\nIrish\nEnglish (native)\n")
    assert verdict is not None and verdict[0] is True


# -- seasons ------------------------------------------------------------------------------------------------------


def test_seasons_asked_are_counted_from_the_seasons_the_cv_lists() -> None:
    from nextround.analysis.skillgaps.roleyears import roles, season_count

    ad = "Requirements:\n- At least 3 full seasons' experience as a river guide\n"
    assert _years(ad).get("river guide") == 3.0, _years(ad)
    assert _years("Requirements:\n- Ski patrol for the 2026/27 season\n").get("Ski patrol") is None
    cv = "Experience\n2024 and 2025 seasons - Raft guide, Canyon Rafting\n- Class III trips\n2016 - 2019 - Barista\n"
    found = roles(cv)
    assert found[0].lines[0].startswith("2024 and 2025 seasons")
    assert season_count([found[0].head], 2026) == 2
    assert season_count(["Raft guide, 2021 - 2024"], 2026) == 4


def test_a_season_ask_is_short_when_the_cv_lists_fewer_seasons() -> None:
    ad = "Requirements:\n- Minimum of 3 seasons' experience picking apples\n"
    cv = "Work\nPicker, Orchard Co-op - 2025 and 2026 seasons\n- picking apples and pears by hand\n"
    assert _verdicts(ad, cv).get("picking apples") is False
    cv_more = cv.replace("2025 and 2026 seasons", "2022 - 2026")
    assert _verdicts(ad, cv_more).get("picking apples") is True
    prose = "Profile\nFarm worker; picked apples in the 2023, 2024 and 2025 seasons.\nPicker, 2025 - 2026\n"
    assert _verdicts(ad, prose).get("picking apples") is True


def test_seasons_over_a_range_and_seasonal_staff() -> None:
    from nextround.analysis.skillgaps.roleyears import season_count

    assert season_count(["Skipper | 2021 - 2024 seasons (May - September)"], 2026) == 4
    assert (
        _years("Requirements:\n- Supervise 15 seasonal pickers on each shift\n").get(
            "Supervise 15 seasonal pickers on each shift"
        )
        is None
    )
