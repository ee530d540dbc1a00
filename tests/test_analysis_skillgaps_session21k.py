"""Session 21 (engineer skillsK21): exact readings where exactness is the point, and one name in its spellings.
Our own sentences, none from a pair file."""

from __future__ import annotations

from nextround.analysis.skillgaps.exact import NamedIndex, named_tokens
from nextround.analysis.skillgaps.kinds import head_kind_short, motorcycle_short
from nextround.analysis.skillgaps.language_levels import (
    language_named,
    language_unlisted,
    language_words_short,
)
from nextround.analysis.skillgaps.matcher import judge_all

_CV_LISTED = """Priya Raman
Field Officer - Kandy Rural Credit | 2019 - present
- Visit farmer groups and collect repayments
Languages
Sinhala (native), English (good)
"""

_CV_NO_LIST = """Priya Raman
Field Officer - Kandy Rural Credit | 2019 - present
- Visit farmer groups and collect repayments
"""


# -- a language the CV's Languages line leaves out --------------------------------------------------------------


def test_a_language_the_list_leaves_out_is_a_gap() -> None:
    found = language_unlisted("Fluency in Tamil", _CV_LISTED)
    assert found is not None
    assert found[0] == "Tamil"
    assert "Sinhala" in found[1]


def test_no_languages_line_says_nothing() -> None:
    assert language_unlisted("Fluency in Tamil", _CV_NO_LIST) is None


def test_a_language_the_list_names_is_not_left_out() -> None:
    assert language_unlisted("Fluent Sinhala", _CV_LISTED) is None
    assert language_unlisted("Kiswahili", "Languages: Swahili (native), English") is None


def test_the_cv_s_own_language_needs_no_list() -> None:
    # an English CV writes English even when its Languages line names only others
    assert language_unlisted("Good written English", _CV_LISTED.replace("English (good)", "Tamil")) is None


def test_alternatives_and_open_asks_need_every_one_left_out() -> None:
    assert language_unlisted("Tamil or Sinhala", _CV_LISTED) is None
    assert language_unlisted("Tamil or Telugu", _CV_LISTED) is not None
    assert language_unlisted("Norwegian or another Scandinavian language", _CV_LISTED) is None
    assert language_unlisted("Five CSEC subjects including French", _CV_LISTED) is None
    assert language_unlisted("French or", _CV_LISTED) is None  # its alternatives cut off


def test_a_close_language_says_nothing() -> None:
    assert language_unlisted("Good Mandarin", "Languages: Cantonese (native), English") is None


def test_a_style_named_after_a_language_is_not_its_use() -> None:
    assert language_unlisted("Dutch five-step trimming method", _CV_LISTED) is None


def test_judged_as_an_exact_language_gap() -> None:
    jd = "Field Supervisor\nRequirements\n- Fluency in Tamil\n- Motorbike riding experience\n"
    judged = {item.requirement.text: item for item in judge_all(jd, _CV_LISTED, 2026)}
    tamil = judged["Fluency in Tamil"].evidence
    assert not tamil.met
    assert tamil.how == "language"
    assert "Tamil" in tamil.reason


# -- level words in the ad's language ---------------------------------------------------------------------------


def test_german_compounds_name_their_language() -> None:
    assert language_named("Deutschkenntnisse") == "german"
    assert language_named("Englischkenntnissen") == "english"
    assert language_named("Kiswahili") == "swahili"
    assert language_named("english") is None  # an English name counts with its capital only


def test_german_level_words_read_on_the_level_steps() -> None:
    cv = "Sprachen: Englisch (Muttersprache), Deutsch (B1, Goethe-Zertifikat)"
    short = language_words_short("Verhandlungssichere Deutschkenntnisse", cv)
    assert short is not None and short[0] is False  # business-fluent asked, B1 held
    good = language_words_short("Sehr gute Englischkenntnisse", cv)
    assert good is not None and good[0] is True
    assert language_words_short("Gute Deutschkenntnisse", cv.replace("B1", "C1"))[0] is True  # type: ignore[index]


def test_french_level_words() -> None:
    cv = "Langues : français (langue maternelle), anglais (notions)"
    short = language_words_short("Anglais courant", cv)
    assert short is not None and short[0] is False
    assert language_words_short("Français bilingue", cv)[0] is True  # type: ignore[index]


# -- another kind under the same head noun ----------------------------------------------------------------------


def test_another_kind_of_interlocking_is_not_the_one_asked() -> None:
    lines = ["Signal Maintainer | 2018 - present", "- Route relay interlocking panel maintenance and relay testing"]
    found = head_kind_short("Experience of electronic interlocking", lines)
    assert found is not None and "relay" in found[0]
    assert head_kind_short("Experience of relay interlocking", lines) is None
    assert head_kind_short("Experience of electronic interlocking", [*lines, "SSI data checks"]) is None


def test_a_line_naming_no_kind_says_nothing() -> None:
    assert head_kind_short("TIG welding", ["Welding and fabrication, 6 years"]) is None
    assert head_kind_short("TIG welding", ["MIG welding of mild steel frames"]) is not None


def test_a_riding_licence_is_not_met_by_car_and_truck_classes() -> None:
    found = motorcycle_short("Own motorbike with a valid riding licence", ["Driving licence: Class BCE"])
    assert found is not None
    assert motorcycle_short("two-wheeler licence", ["Driving licence: LMV (car)"]) is not None


def test_a_riding_licence_met_or_unknown() -> None:
    assert motorcycle_short("valid riding licence", ["Driving licence: class A2 (motorcycle)"]) is None
    assert motorcycle_short("two-wheeler licence", ["Driving Licence: MCWG and LMV"]) is None
    assert motorcycle_short("motorcycle permit (Class A)", ["Driving permit: Class A"]) is None
    assert motorcycle_short("valid riding licence", ["Lagos State driver's licence"]) is None  # no class named
    assert motorcycle_short("Class A CDL", ["Class B CDL"]) is None  # a truck's class, not a motorcycle's


# -- one name in its spellings ----------------------------------------------------------------------------------


def test_a_name_spaced_or_joined() -> None:
    spellings = next(forms for forms in named_tokens("Satisfactory Access NI check") if forms[0] == "NI")
    assert NamedIndex.of("Enhanced AccessNI disclosure, 2023").names_any(spellings)


def test_a_product_named_by_its_query_language_or_functions() -> None:
    assert NamedIndex.of("Wrote SLOs and PromQL alerts").names("Prometheus")
    assert NamedIndex.of("Stock reports with pivot tables and VLOOKUP").names("Excel")
    assert NamedIndex.of("MS Office, stock control").names("Excel")
    assert not NamedIndex.of("Dashboards in Grafana").names("Prometheus")
    assert not NamedIndex.of("Google Sheets for the rota").names("Excel")
