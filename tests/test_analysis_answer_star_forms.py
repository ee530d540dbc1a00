"""The STAR readings of session 24 (star_forms.read_forms): an answer that opens on an episode's time or place in the
past opens on its scene; a planned step carried on after a step ("maybe", "then I'd") is a step; a line that tells only
how the speaker felt or what they are like carries no part."""

from __future__ import annotations

import pytest

from nextround.analysis.answer import star_forms
from nextround.analysis.answer.lexicon import framing_cues
from nextround.analysis.answer.star import analyse_sentences
from nextround.analysis.answer.star_forms import read_forms

NOTHING = [False, False, False, False]
SCENE, STEP = [True, False, False, False], [False, False, True, False]


def _read(sentences: list[str], chosen: list[list[bool]]) -> list[list[bool]]:
    read_forms(chosen, analyse_sentences(sentences, "behavioural"))
    return chosen


@pytest.mark.parametrize(
    "opening",
    [
        "Last winter I ran the ticket desk at a small ferry terminal on my own.",
        "I had a rough week once with a supplier who kept shorting our orders.",
        "Three years ago the clinic switched its booking system overnight.",
        "So one time the delivery van broke down outside Leeds.",
        "At my last job the manager changed the rota every Sunday night.",
    ],
)
def test_an_opening_on_an_episodes_time_is_the_scene(opening: str) -> None:
    chosen = _read([opening, "I rang the depot and borrowed a van."], [list(NOTHING), list(STEP)])
    assert chosen == [SCENE, STEP]


@pytest.mark.parametrize(
    "opening",
    [
        "Once I hand the job over, the fitters take it from there.",  # a condition, not an occasion
        "I'd ask what changed in the last year before anything else.",  # a plan
        "I check the stock once a week.",  # a habit, and no past
        "Last year's figures are where I start.",  # no past event
        "At the depot people come to me when a lorry throws a fault code.",  # a place, but no episode
    ],
)
def test_other_openings_are_left_alone(opening: str) -> None:
    chosen = _read([opening, "I rang the depot."], [list(NOTHING), list(STEP)])
    assert chosen[0] == NOTHING


def test_a_dated_line_that_is_the_whole_answer_or_read_already_is_left_alone() -> None:
    assert _read(["Last year I moved to Cork."], [list(NOTHING)]) == [NOTHING]
    assert _read(["Last year I fixed the till.", "It worked."], [list(STEP), list(NOTHING)])[0] == STEP


@pytest.mark.parametrize(
    "line",
    [
        "I was a bit nervous, to be honest.",
        "Honestly, at first I was really annoyed.",
        "I'm very good at explaining things, people tell me.",
        "I'm easy to work with and I like a calm team.",
        "I'm very good with spreadsheets and pivot tables.",
        "I was so confused at that point.",
    ],
)
def test_a_feeling_or_trait_alone_carries_no_part(line: str) -> None:
    chosen = _read(["We had a new till.", line, "It worked."], [list(SCENE), list(STEP), list(NOTHING)])
    assert chosen[1] == NOTHING


def test_a_feeling_with_a_step_of_ones_own_keeps_the_step() -> None:
    line = "I was nervous but I practised it twice with my colleague."
    chosen = _read(["We had an audit.", line], [list(SCENE), list(STEP)])
    assert chosen[1] == STEP


@pytest.mark.parametrize("line", ["I was nervous about the audit.", "I'm very good at closing deals."])
def test_feeling_or_trait_matches_the_speakers_own_feeling(line: str) -> None:
    assert framing_cues()["feeling_or_trait"].search(line.lower())


@pytest.mark.parametrize("line", ["She was nervous about the audit.", "I was honest with her about the delay."])
def test_feeling_or_trait_leaves_others_feelings_and_steps(line: str) -> None:
    assert not framing_cues()["feeling_or_trait"].search(line.lower())


@pytest.mark.parametrize(
    "line",
    [
        "Maybe I'd offer them store credit instead of money back.",
        "Then maybe text the manager?",
        "Maybe some spot checks at the packing bench as well, once a week.",
        "Then we'd probably send the client a corrected version the same afternoon.",
        "I'd also put approval limits on every card.",
    ],
)
def test_a_planned_step_carried_on_is_a_step(line: str) -> None:
    chosen = _read(["I'd apologise and take it back to the kitchen.", line], [list(STEP), list(NOTHING)])
    assert chosen[1] == STEP


@pytest.mark.parametrize(
    "line",
    [
        "Maybe the database is getting bigger.",
        "Then maybe they'd go somewhere else, can't help it.",
        "I'd also like a team I can debrief with.",
        "Then we'd both know where we stand.",
    ],
)
def test_a_guess_a_wish_or_a_view_is_left_alone(line: str) -> None:
    chosen = _read(["I'd check the logs first.", line], [list(STEP), list(NOTHING)])
    assert chosen[1] == NOTHING


def test_maybe_needs_a_step_before_it() -> None:
    chosen = _read(["The queue was long.", "Maybe I'd open a second till."], [list(SCENE), list(NOTHING)])
    assert chosen[1] == NOTHING


def test_the_switches_turn_each_reading_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(star_forms, "EPISODE_OPENING_SCENE", False)
    monkeypatch.setattr(star_forms, "FEELING_NO_PART", False)
    monkeypatch.setattr(star_forms, "CARRIED_PLAN_STEP", False)
    chosen = _read(
        ["Last winter I ran the desk on my own.", "I was a bit nervous.", "Maybe I'd ask for help."],
        [list(NOTHING), list(STEP), list(NOTHING)],
    )
    assert chosen == [NOTHING, STEP, NOTHING]


SCENE_AND_TASK = [True, True, False, False]


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("The van was booked in my name, so returning it on time was down to me.", [False, True, False, False]),
        ("My boss went off sick the day before, so the stocktake fell to me.", NOTHING),
        ("I knew the old till software, so the changeover sat with me.", SCENE),
    ],
)
def test_a_charge_after_any_clause_is_the_scene_and_the_task(line: str, read: list[bool]) -> None:
    chosen = _read([line, "I rang the depot."], [list(read), list(STEP)])
    assert chosen[0] == SCENE_AND_TASK


@pytest.mark.parametrize(
    "line",
    [
        "It was my call, so fixing the order was down to me.",  # ownership of the call: the task alone
        "We had no spare driver, so the route fell to me.",  # a shared need
        "I rang the depot and so the lorry came back.",  # no charge
    ],
)
def test_other_charges_with_so_are_left_alone(line: str) -> None:
    task = [False, True, False, False]
    assert _read([line, "I rang the depot."], [list(task), list(STEP)])[0] == task


def test_first_id_and_a_steps_verb_is_a_step() -> None:
    chosen = _read(["First I'd thank her for telling me.", "Then I'd ring the supplier."], [list(NOTHING), list(STEP)])
    assert chosen[0] == STEP


@pytest.mark.parametrize(
    "line",
    ["First I'd want to know what the budget is.", "First I wouldn't blame anyone.", "First we'd need the keys."],
)
def test_a_first_wish_or_refusal_is_left_alone(line: str) -> None:
    assert _read([line, "Then I'd ring the supplier."], [list(NOTHING), list(STEP)])[0] == NOTHING
