"""The STAR model's framing features (session 5): the speaker's own charge is the task, what others asked of
them is the scene, a further step is not an outcome."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest

from nextround.analysis.answer import analyze_answer
from nextround.analysis.answer.lexicon import framing_cues
from nextround.analysis.answer.star_model import _context, _elsewhere_all, _framing, elsewhere
from nextround.analysis.text import split_sentences
from tests.answer_corpus import QUALITIES, load_corpus

QUESTION = "Describe a time two senior people asked you for conflicting things at the same time."
ANSWER = (
    "I was a commis chef at a seafood restaurant in Cork. "
    "One Friday two chefs asked me to do different prep at the same time. "
    "I had to get both done before service at six. "
    "I asked them which one could wait, did the fish first and prepped the veg straight after. "
    "Both sections were ready by half five and the head chef put me on the pass the next week."
)


def _parts(question: str, answer: str) -> list[set[str]]:
    result = analyze_answer(question, answer)
    return [
        {part for part in ("situation", "task", "action", "result") if index in result.star_sentences.of(part)}
        for index in range(len(result.sentences))
    ]


def test_others_demand_is_the_scene_and_own_charge_is_the_task() -> None:
    parts = _parts(QUESTION, ANSWER)
    assert "task" not in parts[1] and "situation" in parts[1]
    assert "task" in parts[2]
    assert "result" in parts[4]


def test_a_further_step_at_the_end_is_not_an_outcome() -> None:
    stops = ANSWER.rsplit(" Both sections", 1)[0] + " Then I suggested we talk to the head chef at the next briefing."
    parts = _parts(QUESTION, stops)
    assert not any("result" in found for found in parts)


@pytest.mark.parametrize(
    ("sentence", "flags"),
    [
        ("two chefs asked me to do different prep at the same time.", (0, 1, 0)),
        ("my job was to keep the queue moving.", (1, 0, 0)),
        ("if we needed to, we stayed late.", (0, 0, 0)),
        ("as a kitchen fitter, i had to tell a couple the worktop was wrong.", (1, 0, 1)),
        ("it fell to me to ring the family.", (1, 0, 0)),
    ],
)
def test_framing_reads_charge_demand_and_role(sentence: str, flags: tuple[int, int, int]) -> None:
    assert tuple(int(value) for value in _framing(sentence)[:3]) == flags


def test_strongest_other_sentence_matches_the_plain_definition() -> None:
    rng = random.Random(5)
    for size in (1, 2, 3, 12):
        for _ in range(50):
            first = [[rng.choice([0.1, 0.5, 0.9, rng.random()]) for _ in range(4)] for _ in range(size)]
            assert _elsewhere_all(first) == [elsewhere(first, index) for index in range(size)]


@pytest.mark.parametrize("split", ["holdout2", "holdout3", "holdout4", "dev2", "wide2"])
def test_held_out_split_loads_and_has_tasks(split: str) -> None:
    answers = load_corpus(split)  # raises on a malformed header, label or unknown bank id
    assert len(answers) >= 50 and len({answer.id for answer in answers}) == len(answers)
    assert {answer.quality for answer in answers} == set(QUALITIES)
    assert sum("task" in labels for answer in answers for labels in answer.labels) >= 10


# The framing patterns are data since session 9 (answer_cues.toml, table "framing"), moved there from star_model.py
# unchanged: the counts below were written by the Python patterns before the move.
FRAMING_NAMES = {
    "own_charge",
    "others_demand",
    "role",
    "next_step",
    "own_charge_more",
    "past_perfect",
    "background",
    "story_opening",
    "other_subject",
    "habit",
    "present_step",
    "outcome",
    "pending",
    "first_person",
    "modal",
    "past",
    "consequence",
    "charge_of_others",
    "aimed_outcome",
    "denied_charge",
    "own_pending",
    "list_continuation",
    "also_step",
    "generic",
    "evaluative_closer",
    "perceiving",
    "claim",
    "tenure",
    "habitual_role",
    "present_role",
    "asks_back",
    "bare_role",
    "role_then_charge",
    "others_said",
    "mid_story_not_event",
    "charge_as_condition",
    "request_of_speaker",
    "charge_taken_up",
    "role_given_then_charge",
    "plan_aim_told",
    "plan_aim_by_then",
    "as_role_then_charge",
    "dated_time",
    "placed_opening",
    "past_event",
    "conditional",
    "maybe_step",
    "planned_step",
    "feeling_or_trait",
    "clause_then_charge",
    "charge_owned_opening",
    "first_planned_step",
}
SEEN_SPLITS = ("dev", "wide", "test", "test2", "test3", "wide2", "dev2", "test4", "test5", "test6", "wide3", "test7")


def test_the_framing_patterns_are_data_and_all_of_them_are_read() -> None:
    assert set(framing_cues()) == FRAMING_NAMES


def test_the_framing_patterns_match_the_seen_corpus_as_they_did_in_python(golden: Callable[[str, Any], None]) -> None:
    matches = dict.fromkeys(sorted(FRAMING_NAMES), 0)
    framing, context, sentences = [0] * 7, [0] * 10, 0
    for split in SEEN_SPLITS:
        for item in load_corpus(split):
            for text in split_sentences(item.answer):
                lower = text.lower()
                sentences += 1
                for name, pattern in framing_cues().items():
                    matches[name] += bool(pattern.search(lower))
                framing = [count + int(flag) for count, flag in zip(framing, _framing(lower), strict=True)]
                context = [count + int(flag) for count, flag in zip(context, _context(lower), strict=True)]
    found = {"sentences": sentences, "matches": matches, "framing_features": framing, "context_features": context}
    golden("answer/framing_counts", found)


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("next_step", "i then arranged for our driver to swap the tree."),
        ("next_step", "i've since suggested we look at the b-road list together every autumn."),
        ("charge_of_others", "i wanted him ready to run small jobs on his own."),
        ("aimed_outcome", "the goal would be every priority order out on time."),
        ("denied_charge", "it's not my job to sort it out myself."),
        ("own_charge_more", "the rota was mine, so the empty desk was on me."),
        ("past_perfect", "i'd been selling flowers there for six years when the market moved."),
        ("background", "i've been working in retail for eight years."),
        ("story_opening", "it happened to me once at a store in savannah."),
        ("other_subject", "then the cedi fell."),
        ("habit", "i make a list every morning."),
        ("present_step", "i make a list every morning."),
        ("outcome", "i passed at the third try."),
        ("pending", "they said they would send another van."),
        ("consequence", "i rewrote the rota, which meant overtime fell by half."),
    ],
)
def test_each_framing_pattern_reads_its_example(name: str, sentence: str) -> None:
    assert framing_cues()[name].search(sentence)
