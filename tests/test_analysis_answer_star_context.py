"""The STAR model's session-8 cues (chosen by leave-one-writer-out, bench/lowo_answers.py): more forms of the
speaker's own charge, the past perfect and years of background that set a scene, a step told as a habit, an
outcome told in the first person, and an outcome still to come, which is no result."""

from __future__ import annotations

import pytest

from nextround.analysis.answer import analyze_answer
from nextround.analysis.answer.lexicon import named_place
from nextround.analysis.answer.star import analyse_sentences, way_of_working
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
    "aimed outcome",
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
        # session 13: the outcome aimed for in a plan or a way of working is the result, not the charge
        ("the aim is that the customer trusts us more afterwards, not less.", {"aimed outcome", "other subject"}),
        ("that way the team would feel it's fair.", {"aimed outcome"}),
        ("my aim would be to keep the guest happy.", {"charge"}),
        # session 13: what the speaker needed of others is the charge only outside a step of their own
        ("i needed my director to agree to a shared booking system.", {"charge"}),
        ("i told her honestly that i wanted the senior to look with me, and i fetched her.", set()),
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


@pytest.mark.parametrize(
    "sentence",
    [
        "it's on me to keep the cold room at four degrees.",
        "i'm responsible for the weekend rota at the care home.",
        "last spring i was put in charge of the site's first aid kits.",
        "the depot made me its safety rep in my second year.",
        "i gave myself a month to learn the new till system.",
        "the rule i set myself was no job left half done overnight.",
        "i decided i would own the late deliveries from then on.",
        "i wanted the apprentice able to wire a board on his own by easter.",
        "we had three days to empty the warehouse.",
        "the whole point was to stop the night shift guessing.",
    ],
)
def test_a_charge_told_as_obligation_ownership_or_assignment(sentence: str) -> None:
    """Session 11: the speaker's charge in more clause forms (contracted, handed over, self-set, taken on, a purpose,
    a deadline) is read as the charge; none of these was before."""
    assert _context(sentence)[0] == 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "i was asked to cover the weekend.",  # a request made of the speaker is the scene (corpus README)
        "i gave my manager the figures on friday.",
        "the manager wanted the report by monday.",
    ],
)
def test_a_request_or_a_step_is_no_charge(sentence: str) -> None:
    assert _context(sentence)[0] == 0.0


@pytest.mark.parametrize(
    ("question", "answer", "index", "parts"),
    [
        (
            "Tell me about a time you had to fix a problem quickly.",
            "I'm the duty manager at a leisure centre in Hull, so it's on me to keep the pool open on a Saturday. One "
            "Saturday the chlorine reading dropped just before the swimming lessons. I closed the small pool, rang the "
            "plant engineer and moved the lessons into the main pool's shallow end. The reading was back to normal "
            "within the hour and not one lesson was cancelled.",
            0,
            {"situation", "task"},
        ),
        # session 12 lost it (scene only, task 0.34 against 0.45); session 13: an answer with no task takes its
        # likeliest task sentence when that tells the speaker's own charge (star_model.TASK_FILL)
        (
            "Tell me about a project you led.",
            "Last spring I was put in charge of moving the surgery's paper records onto the new system. The practice "
            "manager wanted it done before the summer holidays. I split the files between the three receptionists and "
            "scanned the oldest ones myself on Fridays. We finished two weeks early and no record was lost.",
            0,
            {"situation", "task"},
        ),
        (
            "Tell me about a goal you set yourself.",
            "I work on the tills at a garden centre near Leeds. I gave myself a month to learn every plant code by "
            "heart. I wrote twenty codes on a card each morning and tested myself at break. By the end of the month my "
            "queue was the fastest in the shop.",
            1,
            {"task"},
        ),
    ],
)
def test_a_role_with_its_charge_or_a_charge_handed_over_is_the_task(
    question: str, answer: str, index: int, parts: set[str]
) -> None:
    """Session 11: each of these sentences was read as scene only, or as a step, before the charge cues above."""
    result = analyze_answer(question, answer)
    assert all(index in result.star_sentences.of(part) for part in parts)


# Session 13: what fell on the held-out splits in session 12, as general rules (star_model.decide) and cues.
@pytest.mark.parametrize(
    ("question", "answer", "index", "present", "absent"),
    [
        # a further step told in the perfect is a step ("I've since suggested we …"), never nothing
        (
            "Tell me about a time you improved a process.",
            "I plan the gritting routes for the council depot near Aberdeen. Last winter two school buses could not "
            "get up the B-road to Strathdon after a night of snow. I moved that road onto the first run and rang the "
            "bus firm before six each morning. The buses ran every day for the rest of the winter. I've since "
            "suggested we look at the B-road list together every autumn.",
            4,
            {"action"},
            {"result"},
        ),
        # the outcome aimed for in a plan is its result, not its charge
        (
            "How would you handle two colleagues who both want the same week off?",
            "I'd ask both of them when they booked and why they need it. If one of them has a wedding or a funeral, "
            "that one gets it. Otherwise I'd go by who asked first and offer the other one the week after. That way "
            "the team would feel it's fair.",
            3,
            {"result"},
            {"task"},
        ),
        # what the speaker wanted of someone, told inside a step, is part of the step
        (
            "Tell me about a time you raised a concern about a patient.",
            "I was on a night shift on a stroke ward in Cardiff. A patient's speech was more slurred than at handover. "
            "I told the nurse in charge honestly that I wanted the senior doctor to look at her, and I fetched him "
            "from the next ward rather than waiting for a call back. He sent her for a scan within the hour.",
            2,
            {"action"},
            {"task"},
        ),
        # an answer's opening read as its scene is not also a step by its grammar alone
        (
            "Tell me about a time you had to learn something quickly.",
            "I started at a new hotel where they used a booking system I'd never seen. I had two days before my first "
            "shift alone on the front desk. I practised every kind of booking on the training copy after my shifts. On "
            "my first night alone I checked in forty guests without a single mistake.",
            0,
            {"situation"},
            {"action"},
        ),
    ],
)
def test_steps_outcomes_and_charges_read_as_every_writer_reads_them(
    question: str, answer: str, index: int, present: set[str], absent: set[str]
) -> None:
    result = analyze_answer(question, answer)
    assert all(index in result.star_sentences.of(part) for part in present), result.star_sentences
    assert not any(index in result.star_sentences.of(part) for part in absent), result.star_sentences


def test_a_charge_denied_is_never_the_task() -> None:
    # Session 14: "It's not my job to …" names a charge only to deny it (8 of 8 such sentences of the seen writers are
    # no part); neither the model nor TASK_FILL makes it the task.
    sentences = ["A customer was shouting at my colleague on the till.", "It's not my job to sort it out myself."]
    chosen = _decided(sentences, [[0.9, 0.0, 0.0, 0.0], [0.0, 0.9, 0.0, 0.0]])
    assert not chosen[1][1]
    chosen = _decided(sentences, [[0.9, 0.0, 0.0, 0.0], [0.0, 0.35, 0.0, 0.0]])
    assert not chosen[1][1]


@pytest.mark.parametrize(
    ("sentence", "step"),
    [
        ("I used the logs to see which screen it was crashing on.", True),
        ("I said sorry and offered a refund.", True),
        ("I read the manual twice before the next shift.", True),
        ("I used to work nights at the depot.", False),
    ],
)
def test_using_saying_and_reading_are_steps_but_a_past_habit_is_not(sentence: str, step: bool) -> None:
    # Session 14: "I used X", "I said", "I read" are steps (seen writers: 19 of 21, 32 of 36 and 27 of 33 are `A`);
    # "I used to" tells a past habit.
    (analysed,) = analyse_sentences([sentence], "behavioural")
    assert analysed.first_person_action is step


@pytest.mark.parametrize(
    ("question", "question_type", "expected"),
    [
        ("How do you keep a building site safe when several trades are working on it?", "general", True),
        ("Describe how you work with engineers once a design has been handed over.", "general", True),
        ("Tell me about a time you kept a site safe.", "behavioural", False),
        ("How would you reorganise a cluttered stockroom?", "situational", False),
        ("", "general", False),
    ],
)
def test_an_answer_about_a_way_of_working(question: str, question_type: str, expected: bool) -> None:
    assert way_of_working(question, question_type) is expected


def test_a_step_told_in_the_present_is_a_step_in_an_answer_about_a_way_of_working() -> None:
    # session 15: the corpus README's line since test8 (habit steps in "how do you …" answers are `A`); the model's
    # action probability needs only STEP_SHARE of the threshold there, as a step told in the past does anywhere
    sentences = ["We hold a toolbox talk every morning.", "I make sure the permits are in place for hot works."]
    probabilities = [[0.1, 0.0, 0.2, 0.1], [0.1, 0.0, 0.2, 0.1]]
    question = "How do you keep a building site safe when several trades are working on it?"
    way = analyse_sentences(sentences, "general", question)
    story = analyse_sentences(sentences, "general", "Tell me about a time you kept a site safe.")
    assert [row[2] for row in decide(probabilities, [0.3, 0.3, 0.3, 0.3], way)] == [True, True]
    assert [row[2] for row in decide(probabilities, [0.3, 0.3, 0.3, 0.3], story)] == [False, False]
    # below STEP_SHARE of the threshold the model's doubt still decides
    low = [[0.1, 0.0, 0.05, 0.1], [0.1, 0.0, 0.05, 0.1]]
    assert [row[2] for row in decide(low, [0.3, 0.3, 0.3, 0.3], way)] == [False, False]


# Session 16: three decisions read from the newest writers' errors, each a line of the README's labels.


def test_a_short_line_carrying_on_a_list_of_steps_is_a_step() -> None:
    sentences = [
        "I'd look at daily active users, retention and revenue.",
        "Maybe NPS too.",
        "Those are the main ones for most products.",
    ]
    probabilities = [[0.1, 0.0, 0.9, 0.1], [0.1, 0.0, 0.05, 0.1], [0.1, 0.0, 0.05, 0.1]]
    assert [row[2] for row in _decided(sentences, probabilities)] == [True, True, False]
    # not after a line that is no step, nor when the line is read as the outcome
    no_step = [[0.9, 0.0, 0.05, 0.1], [0.1, 0.0, 0.05, 0.1], [0.1, 0.0, 0.05, 0.1]]
    assert [row[2] for row in _decided(sentences, no_step)] == [False, False, False]
    outcome = ["I called every regular that week.", "And sales went up too."]
    decided = _decided(outcome, [[0.1, 0.0, 0.9, 0.1], [0.1, 0.0, 0.05, 0.9]])
    assert decided[1][3] and not decided[1][2]


def test_the_speakers_own_step_still_under_way_is_a_step_not_an_outcome() -> None:
    sentences = [
        "A client wanted a patio in pavers, then switched to stamped concrete the morning we started.",
        "I stopped the crew and went through the new price with her.",
        "I'm waiting on her to sign the change order before we go on.",
    ]
    probabilities = [[0.9, 0.0, 0.1, 0.1], [0.1, 0.0, 0.9, 0.1], [0.1, 0.0, 0.15, 0.35]]
    last = _decided(sentences, probabilities)[2]
    assert last[2] and not last[3]
    # what others are still to do is no step of the speaker's
    others = [*sentences[:2], "The supplier said they would send the new pavers on Monday."]
    last = _decided(others, probabilities)[2]
    assert not last[2] and not last[3]


def test_a_role_told_with_the_charge_is_the_scene_and_the_task() -> None:
    probabilities = [[0.1, 0.8, 0.1, 0.1]]
    role = "As the operations lead, my goal for the year was to get mis-picks under one a week."
    plain = "My goal for the year was to get mis-picks under one a week."
    assert _decided([role], probabilities)[0][:2] == [True, True]
    assert _decided([plain], probabilities)[0][:2] == [False, True]


def test_one_more_step_told_with_also_is_never_the_outcome() -> None:
    # session 16: none of the 183 "I also …" / "we also …" lines of the seen corpus is `R` (167 `A`)
    sentences = [
        "A new rule on pesticide labels came in at the farm shop.",
        "I read the guidance and changed our shelf labels.",
        "I also joined a discussion group to keep up with the rules.",
    ]
    probabilities = [[0.9, 0.0, 0.1, 0.1], [0.1, 0.0, 0.9, 0.1], [0.1, 0.0, 0.5, 0.9]]
    last = _decided(sentences, probabilities)[2]
    assert last[2] and not last[3]
    # a plan's outcome aimed for, told with "I'd also", stays the result
    plan = [*sentences[:2], "I'd also want the complaints down to none by the summer."]
    assert _decided(plan, probabilities)[2][3]


@pytest.mark.parametrize(
    ("sentence", "maxim"),
    [
        ("It's about being organised and communicating, really.", True),
        ("You just have to keep going and trust it'll settle down.", True),
        ("Everybody makes mistakes, it's about how you deal with them.", True),
        ("It was fine in the end.", False),
    ],
)
def test_a_maxim_at_the_end_is_no_outcome(sentence: str, maxim: bool) -> None:
    # session 17: 56 of the seen corpus's 58 maxims are no part; the model read a closing one as the outcome
    sentences = ["Our stockroom was a mess every Friday.", "I sorted the shelves by supplier.", sentence]
    probabilities = [[0.9, 0.1, 0.1, 0.1], [0.1, 0.1, 0.9, 0.1], [0.1, 0.1, 0.1, 0.9]]
    analysed = analyse_sentences(sentences, "behavioural", "Tell me about a time you improved something at work.")
    decided = decide(probabilities, [0.5, 0.5, 0.5, 0.5], analysed)
    assert decided[2][3] is not maxim
    assert decided[2][2] is False


@pytest.mark.parametrize(
    ("sentence", "step"),
    [
        ("I sold a hundred and twenty cars that year.", False),
        ("I rewrote the rota, which meant overtime fell by half.", True),
    ],
)
def test_an_outcome_told_as_my_own_doing_is_no_step_unless_the_model_reads_one(sentence: str, step: bool) -> None:
    # session 17: of the lines kept as the result whose step came from the grammar alone, the folds' gold was `R` in 41
    # and `A` in 8; a step with its consequence clause stays both
    sentences = ["Sales at our branch were flat.", "I called every customer from the last three years.", sentence]
    probabilities = [[0.9, 0.1, 0.1, 0.1], [0.1, 0.1, 0.9, 0.1], [0.1, 0.1, 0.3, 0.7]]
    analysed = analyse_sentences(sentences, "behavioural", "Tell me about a target you reached.")
    decided = decide(probabilities, [0.5, 0.5, 0.65, 0.45], analysed)
    assert decided[2][3] is True
    assert decided[2][2] is step
