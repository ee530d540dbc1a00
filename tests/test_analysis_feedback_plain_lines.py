"""Session 23 (feedbackM23, `plain_lines.py`, `rival_said.CHOSEN_AFTER_RULE`): communication in the exchange, a
language at a low level and other work wanted, said in plain words; a rival named by the choice said after them."""

from __future__ import annotations

import pytest

import nextround.analysis.feedback.plain_lines as plain_lines
import nextround.analysis.feedback.rival_said as rival_said
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.lexicon import (
    DRAWN_BY,
    PHONE_IDLE,
    PHONE_TEAM,
    PITCHED_HIGH,
    SAID_LITTLE,
    SOONER_OTHER,
)


@pytest.mark.parametrize(
    "said",
    [
        "On the boat you hardly said a word to the guests, even when they asked about the whales.",
        "You weren't the most forthcoming, I had to drag out of you what you'd done at the last yard.",
        "You described the old system at length and never came back to the budget question.",
        "After ten minutes the panel still didn't know what the outcome of the project was.",
        "Your answers were all over the place on the phone.",
    ],
)
def test_said_little_finds_the_exchange(said: str) -> None:
    assert SAID_LITTLE.search(said) is not None


@pytest.mark.parametrize(
    "said",
    [
        "You said a word of thanks to every guest, which was lovely.",
        "Your cuts were all over the place on the brisket.",
        "You came back to the yard late on the second day.",
    ],
)
def test_said_little_leaves_other_words(said: str) -> None:
    assert SAID_LITTLE.search(said) is None


@pytest.mark.parametrize(
    ("said", "low"),
    [
        ("The whole ward works in Welsh and your Welsh is at Entry level for now.", True),
        ("The crew speaks Hakka on site, which you told us you only speak a little.", True),
        ("We need someone who can speak Portuguese with the growers, and you said you know only a little.", True),
        ("You only know a little about hydraulics, and the rigs are all hydraulic.", False),  # no language
        ("Your French is at A2 level, and the post is teaching French to Year 9.", False),  # the language is the work
    ],
)
def test_language_low(said: str, low: bool) -> None:
    assert plain_lines.language_low(said) is low


@pytest.mark.parametrize(
    ("said", "found"),
    [
        ("You told me you'd sooner be out on the trawlers than in here gutting.", True),
        ("He said he'd rather be doing something with motorbikes.", True),
        ("Her main interest is research rather than patient care.", True),
        ("She isn't really a numbers person and would rather do the displays.", True),
        ("I'd rather be honest with you about it.", False),
        ("You'd rather not do the Sunday shifts.", False),
    ],
)
def test_sooner_other(said: str, found: bool) -> None:
    assert (SOONER_OTHER.search(said) is not None) is found


_QUIET_LOADER = (
    "Dear Mr Hale, thank you for the day on the estate. Your shooting was safe and your dogs well handled. "
    "I am sorry to say I shan't be offering you the post. Our guns come for the sport but also for the company, "
    "and on the drive you barely said a word to either of the guests you were loading for, even when they asked "
    "about the birds. Yours, A. Munro"
)
_HELD_BACK = (
    "Hi Kim, thanks for the trial at the salon. Your colour work is lovely. But you weren't the most forthcoming with "
    "the client, I had to drag out of you what toner you'd used. Sorry, Bea"
)
_NOT_BACK = (
    "Dear Ms Ray, thank you for interviewing. You described your last project at length and did not come back to the "
    "safeguarding question despite a prompt. We will not be progressing. Regards, HR"
)
_OTHER_WORK = (
    "Dear Sam, thank you for the week in the bakery. Your shaping is neat. But you told us you would sooner be "
    "decorating wedding cakes than baking bread at four in the morning, and bread is all we do. Best, Ellen"
)
_RIVAL_AFTER = (
    "Dear Ms Okafor, thank you for attending the assessment. Your sample report was clear. However, the trainee "
    "selected holds a Diploma in Food Safety, which the audits require. Yours faithfully, HR"
)


@pytest.mark.parametrize(
    ("text", "switch", "theme"),
    [
        (_QUIET_LOADER, "SAID_LITTLE_RULE", "communication"),
        (_HELD_BACK, "SAID_LITTLE_RULE", "communication"),
        (_NOT_BACK, "SAID_LITTLE_RULE", "communication"),
        (_OTHER_WORK, "SOONER_OTHER_RULE", "motivation"),
    ],
)
def test_plain_reading_gives_the_theme(monkeypatch: pytest.MonkeyPatch, text: str, switch: str, theme: str) -> None:
    assert theme in analyze_feedback(text).theme_names
    monkeypatch.setattr(plain_lines, switch, False)
    assert theme not in analyze_feedback(text).theme_names


def test_place_told_keeps_culture_fit() -> None:
    # How the place works beside the wish: culture_fit, as `wish` reads it (session 16).
    text = (
        "Hi Jo, thanks for the weekend. We're a small family site and everybody cleans the cabins on changeover, and "
        "you said you'd rather stay on reception. Sorry, Pat"
    )
    assert "motivation" not in analyze_feedback(text).theme_names


def test_choice_said_after_the_one_chosen_is_competition(monkeypatch: pytest.MonkeyPatch) -> None:
    match = rival_said.chosen_with_edge("However, the trainee selected holds a Diploma in Food Safety.")
    assert match is not None and match.group() == "the trainee selected"
    assert "competition" in analyze_feedback(_RIVAL_AFTER).theme_names
    monkeypatch.setattr(rival_said, "CHOSEN_AFTER_RULE", False)
    assert "competition" not in analyze_feedback(_RIVAL_AFTER).theme_names


@pytest.mark.parametrize(
    "said",
    [
        "The music you picked was all one style.",  # what the candidate chose, no rival
        "The date selected was too late for us.",
        "The other fella's van was blocking the gate.",  # no edge said
    ],
)
def test_no_choice_said_after(said: str) -> None:
    assert rival_said.chosen_with_edge(said) is None


@pytest.mark.parametrize(
    ("said", "praise"),
    [
        ("Your knowledge of the glen is second to none.", True),
        ("You can stack a pallet faster'n me and you never dropped a box.", True),
        ("You steam milk quite steady lah, the latte art also can.", True),
        ("Your fades were spot on tho, no dramas there.", True),
        ("We need the gap on every door to be bang on.", False),  # a requirement, not praise
        ("No complaints about the brickwork, problem is you've never run a gang.", False),  # turned into a fault
    ],
)
def test_praise_idiom(said: str, praise: bool) -> None:
    assert plain_lines.praise_idiom(said) is praise


def test_praise_idiom_is_no_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Hi Ben, thanks for the trial. Your knowledge of the wines is second to none. Trouble is we need someone who "
        "can do Sunday lunches and you're away every weekend. Cheers, Al"
    )
    assert analyze_feedback(text).theme_names == ("logistics",)
    monkeypatch.setattr(plain_lines, "PRAISE_IDIOM_RULE", False)
    assert "technical_skills" in analyze_feedback(text).theme_names


@pytest.mark.parametrize(
    ("said", "found"),
    [
        ("Your explanations were pitched way too high for the under-tens.", True),
        ("The talk went right over their heads.", True),
        ("The session was pitched at too high a level for the apprentices.", True),
        ("Your readings on the meter were way too high.", False),  # the work's numbers, no listener
    ],
)
def test_pitched_high(said: str, found: bool) -> None:
    assert (PITCHED_HIGH.search(said) is not None) is found


def test_pitched_high_is_communication(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Dear Mr Lowe, thank you for interviewing for the post of Lecturer in Surveying. Your research record was "
        "noted. However, the panel felt your teaching session was pitched at too high a level for first-year students. "
        "We will not be offering you the post. Yours sincerely, HR"
    )
    assert "communication" in analyze_feedback(text).theme_names
    monkeypatch.setattr(plain_lines, "PITCHED_HIGH_RULE", False)
    assert "communication" not in analyze_feedback(text).theme_names


def test_rival_language_skills_is_communication() -> None:
    text = (
        "Dear Mr Perera, thank you for attending the interview for Tour Desk Assistant. We regret to inform you that "
        "we have selected a candidate with Italian and Spanish language skills, as most of our guests are from Europe."
    )
    assert {"competition", "communication"} <= set(analyze_feedback(text).theme_names)


@pytest.mark.parametrize(
    ("said", "idle"),
    [
        ("During the toolbox talk you were scrolling your phone the whole time.", True),
        ("You were on your phone at the back for most of the afternoon.", True),
        ("You sat on your phone while the others were stacking chairs.", False),  # the team at work: the fit
        ("The visitors were looking at their phones by the end of your talk.", False),  # the listeners, not you
        ("You were lovely on the phone.", False),
    ],
)
def test_phone_idle(said: str, idle: bool) -> None:
    assert (PHONE_IDLE.search(said) is not None and PHONE_TEAM.search(said) is None) is idle


def test_phone_idle_is_motivation(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Hi Lena, the warehouse said your scanning rate was under target all week and you were on your phone on the "
        "line. They won't be keeping you on. Dan"
    )
    assert "motivation" in analyze_feedback(text).theme_names
    monkeypatch.setattr(plain_lines, "PHONE_IDLE_RULE", False)
    assert "motivation" not in analyze_feedback(text).theme_names


@pytest.mark.parametrize(
    ("said", "chosen"),
    [
        ("It was close, but the other man already did two seasons here.", "the other man"),
        ("We need French for the desk, and the other lady speaks it well.", "the other lady"),
        ("The other fella's done towers in the city.", "The other fella"),
    ],
)
def test_the_other_one_with_an_edge(said: str, chosen: str) -> None:
    match = rival_said.chosen_with_edge(said)
    assert match is not None and match.group() == chosen


@pytest.mark.parametrize(
    ("said", "found"),
    [
        ("When we asked what drew you to the job, you said it was mainly the parking.", True),
        ("And when I asked what drew you to us, it was the school holidays.", True),
        ("When we asked what drew you to our work, you said you had not had a chance to look.", False),
    ],
)
def test_drawn_by(said: str, found: bool) -> None:
    assert (DRAWN_BY.search(said) is not None) is found


def test_drawn_by_keeps_the_homework_beside_it(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Hi Lou, the manager decided not to go ahead. You hadn't looked at the menu before the trial, so the tasting "
        "questions caught you out, and when she asked what drew you to them you said it was mainly the tips. Cheers"
    )
    assert {"motivation", "preparation"} <= set(analyze_feedback(text).theme_names)
    monkeypatch.setattr(plain_lines, "DRAWN_BY_RULE", False)
    assert "motivation" not in analyze_feedback(text).theme_names
