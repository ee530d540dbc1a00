"""Session 10 of the skill-gap matcher: how recent a credential must be, and forward cues scoped to their clause."""

from __future__ import annotations

from datetime import date

import pytest

from nextround.analysis.skillgaps import match
from nextround.analysis.skillgaps.exact import not_held
from nextround.analysis.skillgaps.recency import reference_month, stale, window_months
from nextround.analysis.skillgaps.requirements import requirements


def _missing(jd: str, cv: str) -> dict[str, str]:
    return {str(gap["text"]): str(gap["reason"]) for gap in match(jd, cv, reference_year=2026).to_dict()["missing"]}


@pytest.mark.parametrize(
    ("sentence", "months"),
    [
        ("Paediatric first aid renewed within the last 3 years", 36),
        ("A food hygiene course taken in the past 18 months", 18),
        ("Manual handling refresher within the last two (2) years", 24),
        ("Forklift licence held for 2 years", None),
    ],
)
def test_the_window_a_job_gives_is_read_in_months(sentence: str, months: int | None) -> None:
    assert window_months(sentence) == months


def test_a_window_is_not_read_as_years_of_experience() -> None:
    read = requirements("Essential\n- Anaphylaxis training completed within the last 12 months\n")
    assert [(item.text, item.years) for item in read] == [("Anaphylaxis training", None)]


def test_now_is_this_month_in_the_reference_year_and_its_end_otherwise() -> None:
    assert reference_month(2026, date(2026, 3, 9)) == 2026 * 12 + 2
    assert reference_month(2025, date(2026, 3, 9)) == 2025 * 12 + 11


JD = "Essential\n- Anaphylaxis training completed within the last 12 months\n- Enhanced DBS check\n"


def test_a_credential_dated_before_the_window_is_a_gap() -> None:
    cv = "Nanny with six years' experience, 2020 - present\nTraining\n- Anaphylaxis training (St John), May 2024\n"
    assert _missing(JD, cv)["Anaphylaxis training"] == "the CV dates it outside the time the job asks for"


def test_a_credential_dated_inside_the_window_is_not_a_gap_for_its_date() -> None:
    cv = "Nanny with six years' experience, 2020 - present\nTraining\n- Anaphylaxis training (St John), December 2026\n"
    assert "Anaphylaxis training" not in _missing(JD, cv)


def test_an_undated_line_or_a_year_alone_inside_the_window_decides_nothing() -> None:
    # a year alone counts as its December, so "2026" is never too old by accident
    assert stale(JD, "Anaphylaxis training", "Anaphylaxis training (St John), 2026", None, 2026) is None
    # one line of the two that name it has no date: the date of the other proves nothing
    cv = "Anaphylaxis training (St John), May 2024\nAnaphylaxis training refreshed at every staff day"
    assert stale(JD, "Anaphylaxis training", cv, None, 2026) is None


@pytest.mark.parametrize(
    ("line", "ask", "held"),
    [
        # the look-ahead cue qualifies the accreditation, not the years before it
        (
            "Cardiac physiologist, three years post-qualification, working towards echo accreditation.",
            "post-qualification experience",
            True,
        ),
        ("Cardiac physiologist, working towards echo accreditation.", "echo accreditation", False),
        ("Nursery practitioner, currently completing my Level 3 Diploma", "Level 3 childcare diploma", False),
        ("Strata assistant certificate, 2024 - working towards Class 2 registration", "strata assistant", True),
        # cues that look back ("expired", "booked") still speak for the whole line
        ("ACLS (AHA), expired March 2026", "ACLS certificate", False),
        ("Class 1 test booked for February", "Class 1 licence", False),
    ],
)
def test_a_forward_cue_counts_only_for_the_clause_it_opens(line: str, ask: str, held: bool) -> None:
    assert not_held(line, 2026, ask) is not held
    assert not_held(line, 2026)  # read without the ask, as before: the whole line is not held


def test_the_lines_that_name_a_credential_speak_for_it_not_a_line_near_in_meaning() -> None:
    jd = "Requirements\n- Microsoft certification AZ-104 (Azure Administrator)\n"
    cv = (
        "Cloud engineer, 2021 - present\nCertifications\n- Microsoft 365 Certified: Fundamentals (2023)\n"
        "- AZ-104 Azure Administrator exam booked for March 2027\n"
    )
    gaps = _missing(jd, cv)
    assert list(gaps) == ["Microsoft certification AZ-104 (Azure Administrator)"]
    assert "not held now" in next(iter(gaps.values()))
    held = cv.replace("exam booked for March 2027", "(passed 2025)")
    assert _missing(jd, held) == {}


def test_a_product_is_not_named_by_its_first_part_or_its_initials() -> None:
    from nextround.analysis.skillgaps.exact import NamedIndex

    cv = NamedIndex.of("Ran SI workstreams for an identity governance rollout.\nSales pipeline reviews each week.")
    assert not cv.names("IdentityIQ")
    assert not cv.names("SailPoint")
    assert not cv.names("Salesforce")
    aliases = NamedIndex.of("Tuned Postgres queries and kept Mongo replicas healthy.")
    assert aliases.names("PostgreSQL")
    assert aliases.names("MongoDB")


def test_a_product_the_cv_only_half_writes_is_a_gap() -> None:
    jd = "Requirements\n- Hands-on SailPoint IdentityIQ administration\n- Stakeholder communication\n"
    cv = (
        "Identity and access analyst, 2021 - present\n"
        "Led SI projects that moved 4,000 joiners and leavers onto a new identity governance workflow.\n"
        "Wrote access review reports for stakeholders and ran monthly communication sessions.\n"
    )
    assert any("SailPoint" in text or "IdentityIQ" in text for text in _missing(jd, cv))
    written = cv + "Administered SailPoint IdentityIQ 8.3: roles, certifications, connectors.\n"
    assert not any("SailPoint" in text or "IdentityIQ" in text for text in _missing(jd, written))
