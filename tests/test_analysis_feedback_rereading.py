"""Readings by meaning of session 19 (`feedback19`; `rereading.py`, switches there).

* The candidate's own language at a level is communication, not technical_skills or experience (`OWN_LANGUAGE_RULE`).
* A step of the application not done (a form, an online assessment, a sample, a document) is preparation
  (`STEP_RULE`).
* A text whose every theme falls under the floor keeps its best reading where a cue named it (`FAINT_RULE`).
* Rivals said otherwise: "given it to the lad ...", "the other applicant got it", and long service at the employer
  ("who's been driving for us"), an internal fill.

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback.rereading as rereading
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.lexicon import (
    CANDIDATE_LANGUAGE,
    CHOSEN_PERSON,
    GAIN_EXPERIENCE,
    INTERNAL_FILL,
    STEP_NOT_DONE,
)
from nextround.analysis.feedback.types import ThemeFinding


@pytest.mark.parametrize(
    "sentence",
    [
        "Your Portuguese is still at a beginner level and the clinic runs in Portuguese.",
        "you had only basic Dutch and the site meetings are all in Dutch",
        "Your spoken Italian was around A2, and we need C1 for the front desk.",
    ],
)
def test_the_candidates_own_language_at_a_level(sentence: str) -> None:
    assert CANDIDATE_LANGUAGE.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "the other nanny speaks fluent French",  # a rival's language: `rival_language`
        "Your French toast was excellent",  # no level
        "you are at an early stage of your career",  # no language
    ],
)
def test_not_the_candidates_own_language(sentence: str) -> None:
    assert not CANDIDATE_LANGUAGE.search(sentence)


def test_own_language_is_communication(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Hi Marek, thank you for the interview at the hotel. Unfortunately your Spanish is still at a basic level and "
        "most of our guests only speak Spanish. Best wishes, Carmen."
    )
    assert "communication" in analyze_feedback(text).theme_names
    monkeypatch.setattr(rereading, "OWN_LANGUAGE_RULE", False)
    off = analyze_feedback(text).theme_names
    monkeypatch.setattr(rereading, "OWN_LANGUAGE_RULE", True)
    assert set(analyze_feedback(text).theme_names) - {"communication"} <= set(off) - {"technical_skills", "experience"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The reference form was not returned by the closing date.",
        "you did not complete the online assessment in the time allowed",
        "You never brought a copy of your driving licence to the interview.",
        "Your application did not include the required writing sample.",
    ],
)
def test_a_step_not_done(sentence: str) -> None:
    assert STEP_NOT_DONE.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "you did not complete the weld in the time allowed",  # the work itself, not a step of the application
        "You brought a copy of your certificate.",
        "she has not yet completed her specialist portfolio",  # a qualification under way
    ],
)
def test_not_a_step_not_done(sentence: str) -> None:
    assert not STEP_NOT_DONE.search(sentence)


def test_a_step_not_done_is_preparation(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Dear applicant, thank you for applying for the Warehouse Operative role. Your application will not progress "
        "because the right-to-work declaration was not submitted before the deadline. You may apply again."
    )
    assert analyze_feedback(text).theme_names == ("preparation",)
    monkeypatch.setattr(rereading, "STEP_RULE", False)
    assert "preparation" not in analyze_feedback(text).theme_names


def test_faint_reading_kept_only_where_a_cue_named_it(monkeypatch: pytest.MonkeyPatch) -> None:
    weak = [ThemeFinding("logistics", 0.09, ("q",)), ThemeFinding("process", 0.05, ("p",))]
    assert [f.theme for f in rereading.faint_kept(weak, {"logistics"})] == ["logistics"]
    assert rereading.faint_kept(weak, {"process"}) == []
    assert rereading.faint_kept([], {"logistics"}) == []
    monkeypatch.setattr(rereading, "FAINT_RULE", False)
    assert rereading.faint_kept(weak, {"logistics"}) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "We've given it to the young lad from Carrick who already holds his forklift ticket.",
        "The other applicant got the job because she had run a kitchen before.",
    ],
)
def test_a_rival_said_otherwise(sentence: str) -> None:
    assert CHOSEN_PERSON.search(sentence)


def test_a_bare_choice_is_not_a_named_person() -> None:
    assert not CHOSEN_PERSON.search("He has given it to another person.")


@pytest.mark.parametrize(
    "sentence",
    [
        "We went with Sandra, who's been cooking for us on Sundays for years.",
        "The job went to a girl already working in the packing shed.",
    ],
)
def test_long_service_is_an_internal_fill(sentence: str) -> None:
    assert INTERNAL_FILL.search(sentence)


def test_already_working_in_the_trade_is_no_internal_fill() -> None:
    assert not INTERNAL_FILL.search("We chose someone already working in the industry.")
    assert not INTERNAL_FILL.search("They picked a writer who'd already worked on the brand elsewhere.")


def test_advice_to_gain_experience_names_experience(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Hi Rosa, thanks for coming out to the vineyard. We won't be taking you on this year. If you can get some "
        "harvest experience somewhere, do get in touch again. Cheers, Leon."
    )
    assert "experience" in analyze_feedback(text).theme_names
    monkeypatch.setattr(rereading, "ADVICE_RULE", False)
    assert "experience" not in analyze_feedback(text).theme_names


def test_experience_already_had_is_no_advice() -> None:
    assert not GAIN_EXPERIENCE.search("You've clearly got great experience with horses.")
    assert not GAIN_EXPERIENCE.search("She gained experience abroad.")


@pytest.mark.parametrize(
    "clause",
    [
        "It wasn't your cooking, which we all enjoyed.",
        "It's not your timekeeping, you were always early.",
        "It was not the portfolio that held you back",
    ],
)
def test_a_denied_reason(clause: str) -> None:
    assert rereading.denied(clause)


@pytest.mark.parametrize(
    "clause",
    ["your experience was not what we need.", "It was your timekeeping that let you down.", "That's not enough."],
)
def test_not_a_denied_reason(clause: str) -> None:
    assert not rereading.denied(clause)


def test_a_denied_reason_is_no_theme(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Dear Mr Osei, thank you for interviewing for the bursar post. It was not your experience, which the panel "
        "thought excellent. The panel felt your answers on budgeting did not address the questions asked. Regards."
    )
    assert "experience" not in analyze_feedback(text).theme_names
