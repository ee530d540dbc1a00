"""Session 22 (feedbackR22, `RIVAL_SAID_RULE`): someone chosen instead, in any words for the choice and the one chosen,
is a rival when what they had follows ("decided for someone with more time on the machine"); a bare choice, a rival
who can do the job's terms and a rival from inside are not read as merit."""

from __future__ import annotations

import pytest

import nextround.analysis.feedback.rival_said as rival_said
from nextround.analysis.feedback import analyze_feedback, read_text
from nextround.analysis.feedback.choice import rival_named_back, stated_choice

_MORE_TIME = (
    "Your cupping palate is very good. But we decided for someone with more time on the machine, because you "
    "roasted only on a small 1 kg machine and our roaster is 15 kg."
)


@pytest.mark.parametrize(
    ("said", "chosen"),
    [
        ("But we decided for someone with more time on the machine.", "decided for someone"),
        (
            "So for now we are going ahead with another cook who has done wedding catering.",
            "going ahead with another cook",
        ),
        ("The management has selected a candidate having more than ten years on airjet looms.", "selected a candidate"),
        ("Also the artist we took has been doing fine script for ten years.", "the artist we took"),
        ("They hire someone from Negros who already did grow-out ponds.", "They hire someone"),
    ],
)
def test_a_choice_with_an_edge_names_the_one_chosen(said: str, chosen: str) -> None:
    match = rival_said.chosen_with_edge(said)
    assert match is not None and match.group() == chosen


@pytest.mark.parametrize(
    "said",
    [
        "We have decided to go with another candidate.",  # a bare choice: generic
        "We've gone with someone who can do the Saturday shifts.",  # the job's terms, not merit
        "We need to hire someone with a forklift licence.",  # a requirement, nobody chosen
        "The decision we took was not an easy one.",
        "We have offered the role to another applicant, who has accepted.",  # the offer taken up, no edge
        "The post went to another candidate who has since agreed to start in May.",
    ],
)
def test_no_rival_with_an_edge(said: str) -> None:
    assert rival_said.chosen_with_edge(said) is None


def test_switch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    said = "But we decided for someone with more time on the machine."
    assert stated_choice(said) is not None
    monkeypatch.setattr(rival_said, "RIVAL_SAID_RULE", False)
    assert stated_choice(said) is None


def test_rival_with_more_time_is_competition_beside_experience(monkeypatch: pytest.MonkeyPatch) -> None:
    assert {"competition", "experience"} <= set(analyze_feedback(_MORE_TIME).theme_names)
    monkeypatch.setattr(rival_said, "RIVAL_SAID_RULE", False)
    assert "competition" not in analyze_feedback(_MORE_TIME).theme_names


def test_bare_choice_stays_generic() -> None:
    text = "Thank you for your interest. We have decided to proceed with another candidate. We wish you well."
    assert analyze_feedback(text).theme_names == ("generic",)


def test_chosen_rival_keeps_its_competition_beside_a_sure_edge(monkeypatch: pytest.MonkeyPatch) -> None:
    said = "and the successful candidate has been finance director at another housing association for five years."
    assert rival_said.competition_kept(False, said)
    assert not rival_said.competition_kept(False, "while the others were scooping the yard and you stood by.")
    monkeypatch.setattr(rival_said, "CHOSEN_KEPT_RULE", False)
    assert not rival_said.competition_kept(False, said)
    assert rival_said.competition_kept(True, said)


def test_the_one_taken_named_in_two_words() -> None:
    match = rival_said.chosen_with_edge("Also the other instructor we took speaks Japanese.")
    assert match is not None and match.group() == "the other instructor we took"


def test_a_rival_named_back_after_take_other() -> None:
    text = "Sorry, we take other boy for the lambing. He is working four years with sheep in Wales."
    reading = read_text(text)
    assert rival_named_back(text, reading.clauses, reading.rules, len(reading.clauses) - 1)
    text = "They went with the other finalist. What decided it was that she's already done two seasons on rope."
    reading = read_text(text)
    assert rival_named_back(text, reading.clauses, reading.rules, len(reading.clauses) - 1)


def test_a_rival_who_accepted_the_offer_leaves_a_bare_choice_generic() -> None:
    said = "Thank you for your time. We have offered the role to another applicant, who has accepted."
    assert list(analyze_feedback(said).theme_names) == ["generic"]


@pytest.mark.parametrize(
    "said",
    [
        "We have chosen others. The selected applicants each had two seasons of orchard pruning behind them.",
        "Sorry it is a no. The successful finalists all have a forklift ticket and warehouse shifts on their CV.",
        "We went another way. The preferred candidates both had run a night shift before.",
    ],
)
def test_plural_rivals_with_each_all_or_both_keep_competition(said: str) -> None:
    """Session 24 (feedbackN24): "the selected candidates each had ..." is the rivals' edge, as the singular form is."""
    assert "competition" in analyze_feedback(said).theme_names
