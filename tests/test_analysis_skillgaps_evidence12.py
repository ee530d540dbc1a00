"""Session 12 (dev18's evidence losses): a "label: value" line of a CV is compared whole, its label alone is no
evidence, and another letter after the head ("Group B" for "Group C") is a near miss. Sentences of our own."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps.evidence import _best_clause, _clauses, cv_heading, encode, read_cv
from nextround.analysis.skillgaps.nearmiss import near_misses

CV = (
    "Ana Sousa\nPorto, Portugal\n\nProfile\nWard nurse on a busy surgical floor.\n\n"
    "Experience\nStaff Nurse\nHospital de Santo António, Porto\n2019 - present\n- Post-operative care\n\n"
    "Languages\nPortuguese (native), Spanish (B2), Italian (basic)\n\n"
    "Licences\nNursing registration: Ordem dos Enfermeiros, 2019\n"
    "Language proficiency English: Level 4 (operational), valid to 2027\n"
    "Class extensions: Group A and Group B\n"
)


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Languages", True),
        ("Licences and tickets", True),
        ("Key skills", True),
        ("WORK EXPERIENCE", True),
        ("Staff Nurse", False),  # a role's title on its own line is evidence of the role
        ("Driving licence", False),  # says which licence is held
        ("Class extensions", False),
        ("Portuguese (native), Spanish (B2)", False),
    ],
)
def test_a_section_heading_is_told_from_a_line_that_holds_something(line: str, heading: bool) -> None:
    assert cv_heading(line) is heading


def test_a_heading_word_before_a_colon_is_not_a_clause() -> None:
    texts = {clause.text for clause in _clauses("Key skills: Kotlin, Jetpack Compose\nStaff Nurse")}
    assert "Key skills" not in texts
    assert "Kotlin, Jetpack Compose" in texts
    assert "Key skills: Kotlin, Jetpack Compose" not in texts  # a heading's label adds nothing to its value
    assert "Staff Nurse" in texts


def test_a_label_and_its_value_are_one_clause_too() -> None:
    clauses = {clause.text: clause.sentence for clause in _clauses(CV)}
    whole = "Language proficiency English: Level 4 (operational), valid to 2027"
    assert clauses[whole] == whole
    assert "Class extensions: Group A and Group B" in clauses
    assert "Level 4 (operational), valid to 2027" in clauses  # the value stays a clause
    assert "Language proficiency English" not in clauses  # the label alone names a topic, not what is held


@pytest.mark.parametrize("ask", ["English language proficiency Level 5", "Nursing registration"])
def test_the_closest_clause_is_a_line_that_holds_something(ask: str) -> None:
    cv = read_cv(CV, 2026)
    vectors = encode([ask])
    _, _, index = _best_clause(cv, ask, vectors.row(0) if vectors is not None else None)
    assert cv.clauses[index].sentence not in {"Languages", "Licences", "Language proficiency English"}
    assert cv.clauses[index].sentence != "Nursing registration"


# -- a letter after the head says which one ---------------------------------------------------------------------

EXTENSIONS = "Class extensions: Group A (up to 3,400 m3) and Group B (3,401 - 6,000 m3)"


@pytest.mark.parametrize(
    ("cv", "ask", "shown"),
    [
        (EXTENSIONS, "Group C class extension", "B"),
        ("Security licence, Grade D, 2021", "Grade B security licence", "D"),
    ],
)
def test_another_letter_after_the_head_is_a_near_miss(cv: str, ask: str, shown: str) -> None:
    misses = near_misses(cv, ask, cv)
    assert [(miss.shown, miss.letter, miss.number) for miss in misses] == [(shown, True, False)]


@pytest.mark.parametrize(
    ("cv", "ask"),
    [
        (EXTENSIONS, "Group B class extension"),  # the letter asked is held
        ("Vitamin C testing in the QC lab", "Vitamin C testing"),
        ("Category B driving licence", "Code EB licence"),  # not one letter
    ],
)
def test_the_letter_asked_or_no_letter_is_no_near_miss(cv: str, ask: str) -> None:
    assert near_misses(cv, ask, cv) == []
