"""Readings by meaning of session 20 (`feedbackL20`): an occupational credential not held, and a language the job needs
said through the people it serves. Switches: `rereading.CREDENTIAL_RULE` and `rereading.NEEDED_LANGUAGE_RULE`.

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback.rereading as rereading
from nextround.analysis.feedback import THEMES as feedback_themes
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.lexicon import LANGUAGE_NEEDED
from nextround.analysis.feedback.rereading import credential_lacking


@pytest.mark.parametrize(
    "sentence",
    [
        "You do not hold the current scaffolding inspection card the site needs.",
        "PTLLS not done.",
        "Her gas safe registration has expired.",
        "He is not yet certified for confined space entry.",
        "No valid rope access ticket, so we cannot send you up.",
    ],
)
def test_a_credential_not_held(sentence: str) -> None:
    assert credential_lacking(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "You have no driving licence and the depot is twenty miles out.",
        "We need someone who can start in May and you're not qualified till July.",
        "No permits being issued on the river this season.",
        "Your first aid certificate is all in date.",
    ],
)
def test_not_a_credential_not_held(sentence: str) -> None:
    assert not credential_lacking(sentence)


def test_a_credential_not_held_is_technical_skills(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Site supervisor role. Strong on programmes. SMSTS expired last year. Not progressed."
    assert analyze_feedback(text).theme_names == ("technical_skills",)
    monkeypatch.setattr(rereading, "CREDENTIAL_RULE", False)
    assert "technical_skills" not in analyze_feedback(text).theme_names


@pytest.mark.parametrize(
    "sentence",
    [
        "Most of the families at the centre are Portuguese-speaking.",
        "We need somebody more confident in Welsh on the ward.",
        "The post is bilingual.",
        "Half our callers speak only Polish.",
    ],
)
def test_a_language_the_job_needs(sentence: str) -> None:
    assert LANGUAGE_NEEDED.search(sentence)


def test_a_language_the_job_needs_is_communication(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Hello Sam, thanks for coming in to the pharmacy. Sorry, we need someone more comfortable in Spanish at the"
        " counter for the evening shift. Best wishes."
    )
    themes = analyze_feedback(text).theme_names
    assert "communication" in themes
    assert "logistics" not in themes
    monkeypatch.setattr(rereading, "NEEDED_LANGUAGE_RULE", False)
    assert analyze_feedback(text).theme_names != themes


def test_the_candidates_own_language_is_kept_however_faintly(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "We need a Gaelic speaker for the nursery room and your Gaelic is at an early stage."
    probabilities = dict.fromkeys(feedback_themes, 0.05)
    advantages: set[str] = set()
    themes = rereading.reread(["logistics"], text, False, probabilities, "logistics", advantages)
    assert themes == ["communication"]
    assert advantages == {"communication"}
    monkeypatch.setattr(rereading, "LANGUAGE_KEPT_RULE", False)
    advantages = set()
    rereading.reread(["logistics"], text, False, probabilities, "logistics", advantages)
    assert not advantages
