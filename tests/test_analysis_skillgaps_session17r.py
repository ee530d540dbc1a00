"""Session 17 (reading the ad and level checks): the ad's closing lines ask nothing under any heading; level checks
compare every part of an ask; years of the qualified form count only the roles that show the qualifier. Our own
sentences, none from a pair file."""

from __future__ import annotations

from nextround.analysis.skillgaps.requirements import closing_line, requirements


def _texts(ad: str) -> list[str]:
    return [item.text for item in requirements(ad)]


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
