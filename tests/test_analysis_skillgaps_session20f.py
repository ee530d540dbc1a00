"""Session 20 (engineer skillsF20): a bracket's other name cannot overturn the main form's exact gap; an award's
head is each subject's; a credential's own lines speak for it; a specialism after a dash is another kind. Our own
sentences, none from a pair file."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps import credentials
from nextround.analysis.skillgaps.alternatives import alternatives_of
from nextround.analysis.skillgaps.evidence import alias_stands_in
from nextround.analysis.skillgaps.matcher import judge_all
from nextround.analysis.skillgaps.standing import credential_lines
from nextround.analysis.skillgaps.variants import grade_short, specialism_short


def test_an_alias_line_must_hold_the_grade_word_of_the_main_form() -> None:
    main = "Guild of Stonemasons Advanced Certificate"
    assert not alias_stands_in(main, "GOS", "Member of the GOS, northern branch")
    assert alias_stands_in(main, "GOS", "GOS Advanced Certificate, 2021")


def test_an_alias_that_spells_out_initials_carries_its_own_grade_word() -> None:
    assert not alias_stands_in("MC crane ticket", "Medium Crane", "Crane ticket: LC (Light Crane)")
    assert alias_stands_in("MC crane ticket", "Medium Crane", "Crane ticket: MC (Medium Crane)")


def test_initials_spell_out_their_words() -> None:
    # "HND" spells out "Higher", so a line writing only "HND" holds it
    assert alias_stands_in("Higher National Diploma in Surveying", "HND", "HND Surveying, 2015")


def test_an_alias_line_writing_another_value_does_not_stand_in() -> None:
    assert not alias_stands_in("Class 4 operator ticket", "COT", "COT Class 2, 2020")


def test_an_alias_does_not_overturn_an_exact_gap_in_the_match() -> None:
    jd = "Requirements:\n- Guild of Stonemasons (GOS) Advanced Certificate\n"
    cv = "Stonemason, 2015 - present\nMember of the GOS, northern branch\nGOS Foundation Certificate, 2016\n"
    item = next(j for j in judge_all(jd, cv, 2026) if "Stonemasons" in j.requirement.text)
    assert not item.evidence.met


@pytest.mark.parametrize(
    ("asked", "parts"),
    [
        ("Diploma in Horticulture or Forestry", ("Diploma in Horticulture", "Diploma in Forestry")),
        ("Certificate III in Cookery or Baking", ("Certificate III in Cookery", "Certificate III in Baking")),
        ("Degree in Chemistry or a related field", ("Degree in Chemistry", "a related field")),
        ("experience in retail or hospitality", ("experience in retail", "hospitality")),
    ],
)
def test_an_award_head_is_each_subjects(asked: str, parts: tuple[str, ...]) -> None:
    assert alternatives_of(asked) == parts


def test_microsoft_initials_are_no_masters_degree() -> None:
    assert credentials.degree_level("IT: MS Word, MS-Excel, Outlook") is None
    assert credentials.degree_level("MS Mechanical Engineering, 2018") == 7


def test_a_credential_speaks_through_lines_writing_its_own_kind_of_word() -> None:
    naming = ["Interpreting BSL-English in court", "Completed BSL Level 6 course - 2021", "Languages: BSL, English"]
    booked = "Working towards interpreter registration (assessment booked May 2027)"
    cv = [*naming, booked, "Registered with the local darts league"]
    assert credential_lines("Registered BSL interpreter", naming, cv) == ["Working towards interpreter registration "]
    # the ask writes no credential word: nothing more speaks
    assert credential_lines("BSL interpreting", naming, cv) == []
    # a naming line writes the kind of word: the naming lines speak alone, as before
    own = "BSL interpreter registration: active since 2019"
    assert credential_lines("Registered BSL interpreter", [*naming, own], [*cv, own]) == []


def test_a_credential_not_held_by_its_own_kind_of_line_is_a_gap() -> None:
    jd = "Requirements:\n- Registered BSL interpreter\n"
    cv = (
        "BSL/English Interpreter, Signs Ltd, 2019 - present\n- Interpreting BSL-English in court and at GP visits\n"
        "Completed BSL Level 6 course - 2021\n"
        "Working towards interpreter registration (assessment booked May 2027)\n"
        "Languages: BSL, English\n"
    )
    item = next(j for j in judge_all(jd, cv, 2026) if "BSL" in j.requirement.text)
    assert not item.evidence.met


def test_a_specialism_after_a_dash_is_another_kind() -> None:
    cv = "Welder - Acme Ltd, 2018 to 2024\nCertified Welding Inspector - Pipeline (valid to 2027)"
    short = specialism_short("Certified Welding Inspector - Structural", cv)
    assert short is not None and short[1].startswith("Certified Welding Inspector - Pipeline")
    assert specialism_short("Certified Welding Inspector - Pipeline", cv) is None
    # a job title with its employer is no credential's specialism
    assert specialism_short("Marine Electrician - Offshore", "Marine Electrician - Acme Ltd") is None


def test_another_grade_before_a_credentials_name_is_another_kind() -> None:
    cv = "Provisional Registered Dietitian Nutritionist, 2024\nDietitian, City Hospital, 2024 - present"
    short = grade_short("Senior or Advanced level Registered Dietitian Nutritionist", cv)
    assert short is not None and short[1].startswith("Provisional Registered")
    # the CV holds an asked grade, or names no grade before it: no gap from this check
    assert (
        grade_short("Advanced Registered Dietitian Nutritionist", "Advanced Registered Dietitian Nutritionist") is None
    )
    assert grade_short("Advanced Registered Dietitian Nutritionist", "Registered Dietitian Nutritionist") is None
    # no credential word in the name: a job title, not a credential's grade
    assert grade_short("Senior Software Engineer", "Junior Software Engineer, 2020 - present") is None
