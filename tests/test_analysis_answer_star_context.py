"""The STAR model's session-8 cues (chosen by leave-one-writer-out, bench/lowo_answers.py): more forms of the
speaker's own charge, the past perfect and years of background that set a scene, a step told as a habit, an
outcome told in the first person, and an outcome still to come, which is no result."""

from __future__ import annotations

import pytest

from nextround.analysis.answer import analyze_answer
from nextround.analysis.answer.lexicon import named_place
from nextround.analysis.answer.star import analyse_sentences
from nextround.analysis.answer.star_model import STEP_RESULT, _context, decide

CUES = (
    "charge",
    "past perfect",
    "background",
    "opening",
    "other subject",
    "habit",
    "present step",
    "outcome",
    "pending",
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("the rota was mine, so the empty desk was on me too.", {"charge", "other subject"}),
        ("i made it my job to get the first patient to theatre by ten past eight.", {"charge"}),
        ("the target i set myself was two sale days with no invoice queries.", {"charge", "other subject"}),
        ("i'd been selling flowers from a stall for six years when a spot came up.", {"past perfect", "background"}),
        ("it happened to me once at a hardware store in savannah.", {"opening", "other subject"}),
        ("then the cedi fell and the imported thread doubled in price.", {"other subject"}),
        ("i make a list every morning and work from the top.", {"habit", "present step"}),
        ("i passed at the third try in month nine.", {"outcome"}),
        ("we are still collecting the answers.", {"pending"}),
        ("they said they would send another van.", {"pending", "other subject"}),
        ("i called the supplier and asked for a new date.", set()),
        ("complaints fell by half within a month.", set()),
    ],
)
def test_context_cues(sentence: str, expected: set[str]) -> None:
    found = {name for name, value in zip(CUES, _context(sentence), strict=True) if value}
    assert found == expected


def _decided(sentences: list[str], probabilities: list[list[float]]) -> list[list[bool]]:
    analysed = analyse_sentences(sentences, "behavioural")
    return decide(probabilities, [0.3, 0.3, 0.3, 0.3], analysed)


def test_an_outcome_still_to_come_is_a_result_only_when_the_model_is_sure() -> None:
    sentences = ["The depot manager said they would send another van to collect the parcels."]
    unsure = [0.1, 0.0, 0.2, STEP_RESULT - 0.05]
    sure = [0.1, 0.0, 0.2, STEP_RESULT + 0.05]
    assert not _decided(sentences, [unsure])[0][3]
    assert _decided(sentences, [sure])[0][3]


def test_an_outcome_told_as_my_own_doing_stays_a_result_and_is_no_step() -> None:
    sentences = ["I passed at the third try, in month nine."]
    decided = _decided(sentences, [[0.1, 0.0, 0.2, STEP_RESULT - 0.05]])[0]
    assert decided[3] and not decided[2]
    # a step of one's own that the model reads a little like a result stays a step ("I then arranged …")
    step = _decided(["I then arranged for our driver to swap the tree."], [[0.1, 0.0, 0.2, STEP_RESULT - 0.05]])[0]
    assert not step[3] and step[2]


def test_an_answer_that_stops_while_waiting_has_no_result() -> None:
    result = analyze_answer(
        "Tell me about a time you had to deal with a supplier who let you down.",
        "I run the stores at a bottling plant near Gaborone, and last March our cap supplier sent the wrong size "
        "twice in a row. I rang their sales manager, sent him photos of both batches and asked for a corrected "
        "delivery by the Friday. I also asked our buyer to find a second supplier in Johannesburg. "
        "We are still waiting for their answer.",
    )
    assert not result.star_sentences.result


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("Right now I'm on nights at the hotel in Doha.", True),
        ("I fit kitchens for a small firm in Cork.", True),
        ("In March we moved the stock room.", False),  # a month, and the sentence's first word
        ("I explain it in English first.", False),  # a language, not a place
        ("At Tesco I was on the tills.", False),  # the first word: the cue tables read an opening "at"
    ],
)
def test_a_named_place_is_read_on_the_sentence_as_written(sentence: str, named: bool) -> None:
    assert bool(named_place().search(sentence)) is named


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "What do you know about us?",
            "Quite a lot, actually. My brother drove for your depot in Kumasi for two years. He told me the trucks "
            "are kept well and the drivers are paid on time.",
        ),
        (
            "How do you handle a difficult customer?",
            "I listen first. In the phone shop in Lagos people often come in angry about their data. I let them "
            "finish, check the account with them, and fix what I can there and then.",
        ),
    ],
)
def test_a_workplace_line_outside_a_story_is_the_scene(question: str, answer: str) -> None:
    """Session 11: the newer writers label the background or workplace line of a non-story answer as the scene; a
    named place ("your depot in Kumasi") now helps read it so (both were no part before)."""
    result = analyze_answer(question, answer)
    assert 1 in result.star_sentences.situation
