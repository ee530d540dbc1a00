"""Session 24 (engineer skillsC24): initials written as the kind of a plain noun of work ("handle ASD tugs", "place IV
catheters") are not a name the CV must write when one CV clause does the same work on the same thing; the learned head
decides. A credential, rule book, system or product they name stays a name gap. Our own sentences, none from a pair
file."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps.absent_names import initials_as_kind
from nextround.analysis.skillgaps.matcher import rule_judgements


@pytest.mark.parametrize(
    ("name", "ask", "rest"),
    [
        ("ASD", "handle ASD tugs in harbour towage", "handle tugs in harbour towage"),
        ("AV", "Cannulation of AV fistulas", "Cannulation of fistulas"),
        ("RCC", "Supervise RCC works and concrete pours", "Supervise works and concrete pours"),  # the first word
        ("VCT", "stripping and sealing VCT floors", "stripping and sealing floors"),
    ],
)
def test_initials_before_a_plain_noun_of_work_leave_the_rest_of_the_ask(name: str, ask: str, rest: str) -> None:
    assert initials_as_kind(name, ask) == rest


@pytest.mark.parametrize(
    ("name", "ask"),
    [
        ("CIH", "CIH certificate in housing practice"),  # a credential: the initials say which one
        ("FSSAI", "FSSAI hygiene norms for kitchens"),  # a rule book
        ("MDM", "device enrolment through the MDM system"),  # a system
        ("HCM", "SAP HCM payroll runs"),  # a longer name
        ("SGX", "auditing SGX-listed companies"),  # joined by a hyphen: who lists them, not a kind
        ("SGX", "audits for SGX"),  # no noun after the initials
        ("KEBS", "KEBS standards"),  # nothing left but the point of the name
        ("GPS", "the GPS tracking"),  # one content word left: too little to show by
    ],
)
def test_initials_that_are_the_point_of_the_ask_are_not_a_kind(name: str, ask: str) -> None:
    assert initials_as_kind(name, ask) is None


def test_a_name_that_is_not_initials_is_not_a_kind() -> None:
    assert initials_as_kind("Sage", "Bookkeeping in Sage 200 for small firms") is None
    assert initials_as_kind("Xero", "month-end close in Xero software") is None


def _rule_verdicts(jd: str, cv: str) -> dict[str, tuple[bool, str, str]]:
    return {
        judged.requirement.text: (judged.evidence.met, judged.evidence.how, judged.evidence.reason)
        for judged, _ in rule_judgements(jd, cv, 2026, with_features=False)
    }


JD = """Dialysis Nurse

Requirements:
- Cannulation of AV fistulas
- Bookkeeping in Xero
- CIH certificate in housing practice
"""
CV = """Staff Nurse, Renal Unit, 2019 - present
- Needle fistulas and grafts with the buttonhole technique, six chairs a shift
- Bookkeeping and month-end close for small firms in Sage
- Certificate in community practice, 2018
"""


def test_the_work_on_the_thing_shows_the_ask_by_meaning_for_the_head_to_weigh() -> None:
    met, how, reason = _rule_verdicts(JD, CV)["Cannulation of AV fistulas"]
    assert met and how == "meaning"
    assert reason == "the CV does not name AV"  # the head still sees what is missing


def test_a_product_and_a_credential_stay_name_gaps() -> None:
    verdicts = _rule_verdicts(JD, CV)
    xero = next(verdict for text, verdict in verdicts.items() if "Xero" in text)
    cih = next(verdict for text, verdict in verdicts.items() if "CIH" in text)
    assert not xero[0] and "Xero" in xero[2]
    assert not cih[0] and "CIH" in cih[2]
