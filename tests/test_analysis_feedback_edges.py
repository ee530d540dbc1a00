"""Readings of session 21 (`feedbackR21`, test19 levers 2 and 4, and errors that recur across writers): a
chosen rival's edge by its content words (`rival_edge.RIVAL_EDGE_RULE`), other work than the place does
(`lines.OTHER_WORK_RULE`), mucking in (`lines.MUCK_IN_RULE`), leaving soon (`lines.LEAVING_RULE`), time logged
(`lines.LOGGED_TIME_RULE`) and a credential not held in more words (`rereading.CREDENTIAL_WORDS_RULE`). Each is shown
on and off.

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback.lines as lines
import nextround.analysis.feedback.rereading as rereading
import nextround.analysis.feedback.rival_edge as rival_edge
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.lexicon import boilerplate_spans, mask
from nextround.analysis.feedback.lines import redraw_lines
from nextround.analysis.feedback.rival_edge import keep_rival_edge
from nextround.analysis.feedback.types import THEMES


def _probabilities(**given: float) -> dict[str, float]:
    return {theme: given.get(theme, 0.01) for theme in THEMES}


@pytest.mark.parametrize(
    ("sentence", "edge"),
    [
        ("we offered it to a joiner who is far stronger in timber frame setting out", "technical_skills"),
        ("a candidate with hands-on Revit and Navisworks", "technical_skills"),
        ("someone with a lot of hands-on budding", "technical_skills"),
        ("another applicant whose background in paediatric dietetics was closer to our needs", "experience"),
        ("a woman who has driven the school buses for ten years", "experience"),
        ("the lad we took has 6 yrs on the ride-on mowers", "experience"),
    ],
)
def test_a_rivals_edge_is_named_by_its_words(sentence: str, edge: str) -> None:
    assert rival_edge.rival_edge(sentence) == [edge]


@pytest.mark.parametrize(
    "sentence",
    [
        "another candidate was simply stronger on the day",
        "a candidate who interviewed better on paper",
        "someone with hands-on experience of the system",
    ],
)
def test_no_edge_named(sentence: str) -> None:
    assert rival_edge.rival_edge(sentence) == []


def test_the_no_reason_template_names_no_edge() -> None:
    text = "We have decided to proceed with another candidate whose experience more closely matches our needs."
    masked = mask(text, boilerplate_spans(text))
    assert rival_edge.rival_edge(masked) == []
    assert analyze_feedback(text).theme_names == ("generic",)


def test_the_edge_is_kept_beside_a_personal_theme_and_switches_off(monkeypatch: pytest.MonkeyPatch) -> None:
    said = "we went with a cook who is much stronger in pastry and has run a bakery for five years"
    advantages: set[str] = set()
    probabilities = _probabilities(competition=0.9, experience=0.05)
    kept = keep_rival_edge(said, ["competition", "experience"], probabilities, advantages)
    assert kept == ["competition", "experience", "technical_skills"]
    assert advantages == {"technical_skills", "experience"}
    assert probabilities["technical_skills"] >= 0.2
    monkeypatch.setattr(rival_edge, "RIVAL_EDGE_RULE", False)
    advantages = set()
    assert keep_rival_edge(said, ["competition", "experience"], _probabilities(), advantages) == [
        "competition",
        "experience",
    ]
    assert advantages == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Honestly I think you'd be happier somewhere with more of a cocktail side.",
        "You talked a lot about the stage shows and not much about the children themselves.",
    ],
)
def test_other_work_than_the_place_does_is_motivation(sentence: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert redraw_lines(sentence, ["culture_fit"], _probabilities(culture_fit=0.8)) == ["motivation"]
    monkeypatch.setattr(lines, "OTHER_WORK_RULE", False)
    assert redraw_lines(sentence, ["culture_fit"], _probabilities(culture_fit=0.8)) == ["culture_fit"]


@pytest.mark.parametrize(
    "sentence",
    [
        "I think you'd be happier somewhere bigger with a proper team.",
        "You seemed happier doing the stockroom than talking to the regulars.",
    ],
)
def test_how_the_place_works_stays_culture_fit(sentence: str) -> None:
    assert redraw_lines(sentence, ["culture_fit"], _probabilities(culture_fit=0.8)) == ["culture_fit"]


def test_other_work_end_to_end(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Hi Dan, cheers for the shift. Honestly I think you'd be happier somewhere with more of a cocktail side, "
        "you talked a lot about mixing drinks and not much about the food."
    )
    assert analyze_feedback(text).theme_names == ("motivation",)
    monkeypatch.setattr(lines, "OTHER_WORK_RULE", False)
    assert analyze_feedback(text).theme_names == ("culture_fit",)


def test_mucking_in_is_culture_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    said = "we need someone who'll get stuck in on the dishes when it's heaving, not wait about for the next plate"
    probabilities = _probabilities(technical_skills=0.6)
    assert redraw_lines(said, ["technical_skills"], probabilities) == ["culture_fit"]
    assert probabilities["culture_fit"] == pytest.approx(0.6)
    monkeypatch.setattr(lines, "MUCK_IN_RULE", False)
    assert redraw_lines(said, ["technical_skills"], _probabilities(technical_skills=0.6)) == ["technical_skills"]


@pytest.mark.parametrize(
    "sentence",
    [
        "your pitch in the role play was rushed",
        "the pupils tried to jump in with their own questions and you talked over them",
    ],
)
def test_not_mucking_in(sentence: str) -> None:
    assert redraw_lines(sentence, ["communication"], _probabilities(communication=0.7)) == ["communication"]


@pytest.mark.parametrize(
    "sentence",
    [
        "you said you only want the job till your place on the ferry course comes up",
        "You told us you'd work only until August because then you go travelling.",
        "we think you'd be gone by Christmas",
    ],
)
def test_leaving_soon_is_motivation(sentence: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert redraw_lines(sentence, ["logistics"], _probabilities(logistics=0.7)) == ["motivation"]
    monkeypatch.setattr(lines, "LEAVING_RULE", False)
    assert redraw_lines(sentence, ["logistics"], _probabilities(logistics=0.7)) == ["logistics"]


@pytest.mark.parametrize(
    "sentence",
    [
        "you can only stay till 3 because of the school run",
        "we need someone for the whole season and you'll be away in July",
    ],
)
def test_hours_and_gaps_stay_logistics(sentence: str) -> None:
    assert redraw_lines(sentence, ["logistics"], _probabilities(logistics=0.7)) == ["logistics"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The applicant does not possess the required Level 2 Food Hygiene and Safety certificate.",
        "She does not hold a diploma in early years education, which the post requires.",
        "Your NVQ certificate has not yet been issued by the awarding body.",
        "You're not CSCS-trained yet.",
        "you don't have GWO Working at Heights training and the crew goes up on day one",
    ],
)
def test_a_credential_not_held_in_more_words(sentence: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert rereading.credential_lacking(sentence)
    monkeypatch.setattr(rereading, "CREDENTIAL_WORDS_RULE", False)
    assert not rereading.credential_lacking(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "you don't have the degree of patience the children need",
        "you don't have a valid rider's licence",
        "the certificates will be issued after the course",
    ],
)
def test_not_a_credential_not_held_in_more_words(sentence: str) -> None:
    assert not rereading.CREDENTIAL_LACKING_WORDS.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "the insurer wants 300 logged jumps and you have about 120",
        "they need 2,000 hrs minimum on the big excavators and you've done a few hundred",
        "all your sea time is on ferries and this is a tanker berth",
    ],
)
def test_logged_time_is_experience(sentence: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert redraw_lines(sentence, ["technical_skills"], _probabilities(technical_skills=0.7)) == ["experience"]
    monkeypatch.setattr(lines, "LOGGED_TIME_RULE", False)
    assert redraw_lines(sentence, ["technical_skills"], _probabilities(technical_skills=0.7)) == ["technical_skills"]


def test_logged_time_beside_a_credential_adds_experience() -> None:
    said = "you have no tanker endorsement and not enough sea time on tankers"
    assert redraw_lines(said, ["technical_skills"], _probabilities(technical_skills=0.7)) == [
        "technical_skills",
        "experience",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "the colour took you nearly 3 hrs on one head",
        "they need someone for 37 hours and you can only do 20",
        "we're on the line 10 hours a day in the season",
    ],
)
def test_speed_and_shift_hours_are_not_logged_time(sentence: str) -> None:
    assert redraw_lines(sentence, ["technical_skills"], _probabilities(technical_skills=0.7)) == ["technical_skills"]
