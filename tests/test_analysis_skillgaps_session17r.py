"""Session 17 (reading the ad and level checks): the ad's closing lines ask nothing under any heading; level checks
compare every part of an ask; years of the qualified form count only the roles that show the qualifier. Our own
sentences, none from a pair file."""

from __future__ import annotations

from nextround.analysis.skillgaps.credentials import score_short, scores
from nextround.analysis.skillgaps.language_levels import dialect_short, language_level_short, language_words_short
from nextround.analysis.skillgaps.matcher import judge_all
from nextround.analysis.skillgaps.requirements import closing_line, requirements
from nextround.analysis.skillgaps.roleyears import claims, qualifier_of
from nextround.analysis.skillgaps.school_subjects import school_subject_short


def _texts(ad: str) -> list[str]:
    return [item.text for item in requirements(ad)]


def _verdicts(ad: str, cv: str) -> dict[str, bool]:
    return {item.requirement.text: item.evidence.met for item in judge_all(ad, cv, 2026)}


# -- the ad's closing lines -----------------------------------------------------------------------------------------


def test_the_employers_own_acts_and_how_to_apply_are_closing_lines() -> None:
    for sentence in [
        "The Harbour Trust will arrange a basic disclosure for whoever is appointed.",
        "We will ask you to prepare a ten-minute lesson on fractions.",
        "We'll show you our booking system in your first week.",
        "Successful applicants will be invited to a working interview on a Saturday.",
        "Shortlisted candidates will be asked to bring two written references.",
        "Please email your CV and three photos of finished cakes to the bakery.",
        "Informal enquiries to the head groundsperson on the number above.",
        "For further details ring the office between 9 and 5.",
        "If you haven't heard from us by the end of March, please assume the post has been filled.",
        "Send your résumé through our website.",
        "Any offer of employment is subject to two satisfactory references.",
    ]:
        assert closing_line(sentence), sentence


def test_an_ask_the_employer_states_is_not_a_closing_line() -> None:
    for sentence in [
        "We will only consider applicants who hold a Class 2 licence.",
        "We will need you to hold a current first aid certificate.",
        "The successful applicant will have at least two seasons of lambing.",
        "The successful candidate will be required to hold a forklift licence.",
        "Please note that a food hygiene certificate is essential.",
        "Send weekly timesheets to the site office.",
        "Answer enquiries from visitors at the front desk.",
        "The post holder will order stock for three kiosks.",
        "The Role will involve pricing stock.",
    ]:
        assert not closing_line(sentence), sentence


def test_closing_lines_ask_nothing_under_a_heading_of_asks_or_in_prose() -> None:
    ad = (
        "Kennel Assistant\n"
        "Essential\n"
        "- Experience handling large dogs\n"
        "- Level 2 certificate in animal care\n"
        "Other\n"
        "The Sanctuary will pay for a canine first aid course after probation.\n"
        "Informal enquiries to the kennel manager.\n\n"
        "Please send a CV and a short note about a dog you have cared for. "
        "If you have not heard from us within three weeks, please take it that you have not been shortlisted."
    )
    texts = _texts(ad)
    assert "Experience handling large dogs" in texts or "handling large dogs" in texts
    assert any("animal care" in text for text in texts)
    assert not any(word in text for text in texts for word in ("Other", "Sanctuary", "enquiries", "send", "heard"))


# -- level checks of every part -------------------------------------------------------------------------------------


def test_languages_listed_before_a_level_share_it_and_each_must_reach_it() -> None:
    cv = "Languages: Portuguese (native), Dutch (C1, NT2), French (B1)"
    found = language_level_short("French and Dutch at C1 level", cv)
    assert found is not None and found[0] is False and found[1] == "French C1"
    assert language_level_short("Portuguese and Dutch at C1", cv) is not None
    assert language_level_short("Portuguese and Dutch at C1", cv)[0] is True  # type: ignore[index]
    # the level written with the first language stays its own, and "or" is met by either
    assert language_level_short("Dutch at C1 level and good French", cv)[0] is True  # type: ignore[index]
    assert language_level_short("French or Dutch at C1", cv)[0] is True  # type: ignore[index]


def test_a_dialect_is_not_met_by_the_standard_written_language() -> None:
    standard = "Langues : néerlandais (maternelle), arabe standard moderne (B2), anglais (C1)"
    found = language_words_short("Talk with farm workers in Darija", standard)
    assert found is not None and found[0] is False
    assert language_words_short("Egyptian Arabic for the call centre", "Arabic: Modern Standard (C1)")[0] is False  # type: ignore[index]
    # a line that names the variety meets it; the language named plainly says neither
    assert language_words_short("Egyptian Arabic for the call centre", "Arabic (native; Egyptian and MSA)") != (
        False,
        "Egyptian Arabic",
        "Arabic (native; Egyptian and MSA)",
    )
    assert dialect_short("Swiss German", "German (native)") is None
    assert dialect_short("Swiss German", "Languages: Schweizerdeutsch (native), French (B2)")[0] is True  # type: ignore[index]


def test_a_typing_speed_with_an_accuracy_compares_both_figures() -> None:
    assert score_short("Keyboard speed of 45 wpm at 97% accuracy", "Typing test: 58 wpm, 95% accuracy") == "accuracy"
    assert score_short("Keyboard speed of 45 wpm at 97% accuracy", "Typing test: 58 wpm, 99% accuracy") is None
    assert score_short("Keyboard speed of 45 wpm at 97% accuracy", "Typing test: 40 wpm, 99% accuracy") == "wpm"
    # a percentage on a line with no speed is not a typing accuracy
    assert "accuracy" not in scores("Kept 99% accuracy on cycle counts\nTyping 50 wpm")


def test_a_school_certificate_asked_with_a_subject_needs_it_among_the_cvs_subjects() -> None:
    cv = "Senior School Certificate, 2020: Mathematical Literacy, Accounting, English, Tourism"
    found = school_subject_short("Senior Certificate with Mathematics or Physical Science", cv)
    assert found is not None and found[0] == "Mathematics or Physical Science"
    assert school_subject_short("Senior Certificate with Accounting or Economics", cv) is None
    assert school_subject_short("Senior Certificate with Maths", cv.replace("Mathematical Literacy", "Maths")) is None
    # a school line without subjects, or an ask without one, says nothing
    assert school_subject_short("Senior Certificate with Mathematics", "Senior School Certificate, 2020") is None
    assert school_subject_short("Senior Certificate with a good pass", cv) is None
    verdicts = _verdicts("Lab assistant\nRequirements:\n- Grade 12 with Mathematics or Physical Science", cv)
    assert verdicts["Grade 12 with Mathematics or Physical Science"] is False


# -- years of the qualified form ------------------------------------------------------------------------------------


def test_years_of_independent_work_count_only_the_roles_done_independently() -> None:
    cv = (
        "Physiotherapist, Lakeside Clinic, March 2024 - present\n"
        "- Running my own caseload independently, dry needling and shockwave\n"
        "Junior Physiotherapist, Lakeside Clinic, 2020 - February 2024\n"
        "- Dry needling and shockwave under supervision of a senior colleague\n"
    )
    ad = "Physiotherapist\nRequirements:\n- At least 3 years of independent dry needling practice"
    judged = {item.requirement.text: item for item in judge_all(ad, cv, 2026)}
    item = next(value for key, value in judged.items() if "dry needling" in key)
    assert item.evidence.met is False and item.evidence.how == "years"
    # without the qualifier, both roles count
    plain = judge_all("Physiotherapist\nRequirements:\n- At least 3 years of dry needling", cv, 2026)
    assert all(item.evidence.met for item in plain if "dry needling" in item.requirement.text)


def test_years_of_managing_count_only_the_roles_that_manage() -> None:
    cv = (
        "Estate Manager, Hillside Tea Estate - June 2024 to date\n"
        "- Manage plucking rounds, the factory intake and 40 pluckers\n"
        "Field Clerk, Hillside Tea Estate - 2017 to May 2024\n"
        "- Weighing green leaf, muster rolls\n"
    )
    ad = "Estate manager\nRequirements:\n- At least three (3) years' experience managing a tea estate"
    item = next(item for item in judge_all(ad, cv, 2026) if "tea estate" in item.requirement.text)
    assert item.requirement.years == 3.0
    assert item.evidence.met is False and item.evidence.how == "years"
    assert qualifier_of("bookselling (independent or chain)") is None
    assert qualifier_of("3 years as a driller or supervisor") is None
    assert qualifier_of("supervisory experience in a laundry") is not None


def test_years_written_twice_are_read_once() -> None:
    items = requirements("Welder\nRequirements:\n- 5 (five) years of pipe welding\n- two (2) years on tankers")
    assert [item.years for item in items] == [5.0, 2.0]
    assert claims("Baker with four (4) years of sourdough")[0][0] == 4.0


def test_a_note_that_you_may_not_hear_back_is_a_closing_line() -> None:
    assert closing_line("Please note: if you have not been contacted within ten days, the post has been filled.")
    assert not closing_line("Please note: a forklift licence is essential.")


def test_class_xii_and_higher_secondary_are_school_leaving_levels_with_subjects() -> None:
    cv = "Higher Secondary (State Board) 2019, Science stream - Physics, Chemistry, Mathematics, English"
    verdicts = _verdicts("Clerk\nEligibility:\n- Class XII with Mathematics", cv)
    assert verdicts["Class XII with Mathematics"] is True
    assert school_subject_short("Class XII with Biology", cv) is not None


def test_years_as_a_title_in_a_place_count_the_roles_with_that_title() -> None:
    cv = (
        "Shift Lead, Harbour Bakery - 2025 to present\n"
        "- Open the shop, rota for four staff\n"
        "Baker, Harbour Bakery - 2016 to 2024\n"
        "Ten years in craft bakeries; shift lead since 2025.\n"
    )
    ad = "Bakery\nRequirements:\n- At least 3 years as a shift lead in a craft bakery"
    item = next(item for item in judge_all(ad, cv, 2026) if "shift lead" in item.requirement.text)
    assert item.evidence.met is False and item.evidence.how == "years"
    assert claims("Ten years in craft bakeries; shift lead since 2025.")[0] == (10.0, "Ten years in craft bakeries")
