"""Session 19 (credentials not current, lower or absent, engineer `skillsC19`): a card due for renewal or older than
its usual validity, a provisional or student stage for a full credential, another word-named class of driving
licence, a driving licence asked in another language, and the lines that speak for a named credential. Our own
sentences, none from a pair file."""

from __future__ import annotations

from nextround.analysis.skillgaps.currency import (
    class_word_short,
    lower_stage,
    not_current,
    spelled_out,
    usual_validity,
)
from nextround.analysis.skillgaps.held import not_held
from nextround.analysis.skillgaps.licence_stages import class_short
from nextround.analysis.skillgaps.recency import stale
from tests.skillgap_helpers import verdict_on

# -- not current ------------------------------------------------------------------------------------------------


def test_due_for_renewal_is_not_current_unless_a_year_follows() -> None:
    assert not_current("PALS (AHA), 2021 - due for renewal")
    assert not_current("Paediatric first aid: overdue")
    assert not not_current("PALS (AHA), 2025, due for renewal in March 2027")
    assert not not_current("PALS (AHA), 2025")
    assert not_held("ACLS provider card, issued 2021, now due for renewal", 2026, "Current ACLS")


def test_a_card_older_than_its_usual_validity_is_stale() -> None:
    assert usual_validity("Current BLS certificate") == 24
    assert usual_validity("Valid first aid certificate") == 36
    assert usual_validity("BLS certificate") is None  # not asked current
    assert usual_validity("Current forklift licence") is None  # no usual validity known
    cv = "Skills\nBLS provider (American Heart Association), March 2022\nIV cannulation"
    assert stale("Current BLS certificate", "BLS certificate", cv, None, 2026) is not None
    fresh = "BLS provider (American Heart Association), October 2025"
    assert stale("Current BLS certificate", "BLS certificate", fresh, None, 2026) is None


# -- a lower stage ----------------------------------------------------------------------------------------------


def test_a_provisional_or_student_stage_is_lower_than_full() -> None:
    full = "Full registration with the Dental Council"
    assert lower_stage("Provisional registration with the Dental Council, 2025", full)
    assert lower_stage("Student member of the Institute of Surveyors", "Full membership of the Institute of Surveyors")
    assert not lower_stage("Full member of the Institute of Surveyors", "Full membership of the Institute of Surveyors")
    assert not lower_stage("Provisional registration, 2025", "Registration with the Dental Council")  # full not asked


def test_a_name_spelled_before_its_acronym_finds_the_cv_line() -> None:
    assert spelled_out("Full licence from the Plumbing Standards Board (PSB)") == ["Plumbing Standards Board"]
    assert spelled_out("Licence (PSB)") == []
    jd = "Requirements:\n- Full licence from the Plumbing Standards Board (PSB)\n- Customer service"
    cv = "Certification\nProvisional licence, Plumbing Standards Board, 2024\n\nExperience\nPlumber, 2019 - present"
    assert not verdict_on(jd, cv, "Plumbing Standards Board")[0]
    ask = "Full licence from the Plumbing Standards Board (PSB)"
    assert not_held("Provisional licence, Plumbing Standards Board, 2024", 2026, ask)
    assert not not_held("Full licence, Plumbing Standards Board, 2024", 2026, ask)


# -- driving licences -------------------------------------------------------------------------------------------


def test_another_word_named_class_of_driving_licence_is_a_gap() -> None:
    cv = "Documents\nDriver's licence: Non-professional, valid to 2030\nNBI clearance"
    short = class_short("Valid driver's license (Professional)", cv)
    assert short is not None and "Non-professional" in short[1]
    assert class_short("Professional driver's license", "Driver's license: Professional, 2028") is None
    assert class_short("Valid driver's license", cv) is None  # no class asked
    assert class_short("Forklift licence (General)", cv) is None  # not a driving licence
    assert class_word_short("driver's licence (General)", ["Full driving licence"]) is None  # the CV names no class


def test_a_driving_licence_asked_in_another_language_is_checked() -> None:
    jd = "Votre profil :\n- CAP Boulangerie\n- Permis B\n"
    met, how, _ = verdict_on(jd, "Boulanger, 2018 - 2026\nCAP Boulangerie, 2017\nLangues : français", "Permis B")
    assert not met and how == "licence"
    cv = "Boulanger, 2018 - 2026\nCAP Boulangerie, 2017\nPermis B, véhicule personnel"
    met, _, _ = verdict_on(jd, cv, "Permis B")
    assert met


# -- the lines that speak for a credential ----------------------------------------------------------------------


def test_a_job_title_naming_one_word_does_not_speak_for_the_credential() -> None:
    jd = "Essential:\n- A Level 5 qualification in Quantity Surveying\n- CSCS card"
    cv = (
        "Education\nHND Quantity Surveying, Belfast Met - in progress (due to complete May 2027)\n\n"
        "Employment\nAssistant Surveying Technician, Ward Builders - 2022 to present\nCSCS card (green), 2025"
    )
    met, how, _ = verdict_on(jd, cv, "Quantity Surveying")
    assert not met and how == "held"


def test_a_single_letter_category_before_licence_is_a_driving_licence() -> None:
    jd = "Requirements:\n- Full clean driving licence\n- Manual handling"
    met, how, _ = verdict_on(
        jd, "Driving\nFull C1 licence, clean\n\nWarehouse operative, 2020 - 2026", "driving licence"
    )
    assert met and how == "licence"


def test_a_credential_limited_to_a_smaller_size_is_lower() -> None:
    from nextround.analysis.skillgaps.currency import limit_short

    ask = "Commercial skipper ticket (vessels up to 35 m)"
    short = limit_short(ask, "Education\nCommercial skipper ticket, vessels under 12 metres, 2022")
    assert short is not None and "12" in short[0]
    assert limit_short(ask, "Commercial skipper ticket (vessels up to 45 m), 2024") is None  # larger covers it
    assert limit_short(ask, "Deckhand on ferries up to 60 m") is None  # not the credential asked
    assert limit_short("Commercial skipper ticket", "Skipper ticket, vessels under 12 m") is None  # no limit asked


def test_a_longer_course_of_an_hour_ladder_covers_the_shorter() -> None:
    from nextround.analysis.skillgaps.currency import covers_lower

    assert covers_lower("OSHA 10 card", "OSHA 30")
    assert not covers_lower("OSHA 30 card", "OSHA 10")
    assert not covers_lower("Sage 200", "Sage 50")  # versions of a product, not a ladder
