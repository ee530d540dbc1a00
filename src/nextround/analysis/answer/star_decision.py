"""Deciding the STAR parts from the trained model's probabilities (:func:`decide`): each part's threshold, and
where the grammar of a sentence, its place in the answer and the framing cues overrule it.

The thresholds and switches stay in :mod:`.star_model` and are read from it at call time, so that a bench that sets
one there (``bench/lowo_answers.py --step-result``) still changes what is decided here.
"""

from __future__ import annotations

from collections.abc import Sequence

from nextround.analysis.answer import star_model
from nextround.analysis.answer.lexicon import cue_tables, framing_cues, role_step_cues
from nextround.analysis.answer.model import STAR_PARTS, STAR_THRESHOLD
from nextround.analysis.answer.star import SentenceFeatures, _action_score, _cue_score, has_quantity
from nextround.analysis.answer.star_readings import decide_more


def _only_outcome(sentence: SentenceFeatures) -> bool:
    """The sentence tells an outcome in the first person ("I passed at the third try") and no other step of its own
    ("I moved a waiter onto the pass and we got through it" has one)."""
    outcome = framing_cues()["outcome"]
    if not outcome.search(sentence.lower):
        return False
    _, singular, plural, _ = _action_score(outcome.sub(" ", sentence.lower))
    return not (singular or plural)


def _answer_sizes(analysed: Sequence[SentenceFeatures]) -> list[int]:
    """Per sentence, how many sentences its answer has (``analysed`` may run several answers on, as in training: each
    starts at index 0)."""
    starts = [row for row, sentence in enumerate(analysed) if sentence.index == 0 or row == 0]
    sizes: list[int] = []
    for start, end in zip(starts, [*starts[1:], len(analysed)], strict=True):
        sizes.extend([end - start] * (end - start))
    return sizes


def _sizes_by_answer(sizes: Sequence[int]) -> list[int]:
    """The answers' sizes in order, from :func:`_answer_sizes`'s per-sentence sizes."""
    out, row = [], 0
    while row < len(sizes):
        out.append(sizes[row])
        row += sizes[row]
    return out


def _weak_plan(sentence: SentenceFeatures) -> bool:
    """A plan and nothing else, hedged or brushed off ("I'd probably ask someone", "I'd just tell them that")."""
    return sentence.hypothetical_only and bool(role_step_cues()["weak_plan"].search(sentence.lower))


def _only_perceiving(sentence: SentenceFeatures) -> bool:
    """The sentence's only steps of the speaker's are perceiving or waiting ("When I rode along for a day, I saw that
    drivers were pushed to skip their breaks"; "I saw it, so I rang the depot" has another)."""
    perceiving = framing_cues()["perceiving"]
    if not perceiving.search(sentence.lower):
        return False
    _, singular, plural, _ = _action_score(perceiving.sub(" ", sentence.lower))
    return not (singular or plural)


def _consequence_outcome(sentence: SentenceFeatures) -> bool:
    """A step of one's own whose consequence clause the outcome cues read on its own as an outcome ("I rewrote the rota,
    which meant overtime fell by half"): the sentence carries a step and what came of it (session 10b)."""
    if not (sentence.first_person_action or sentence.plural_action):
        return False
    match = framing_cues()["consequence"].search(sentence.lower)
    if match is None:
        return False
    clause = sentence.lower[match.end() :]
    cues = framing_cues()
    _, singular, plural, _ = _action_score(clause)
    charge = ("own_charge", "own_charge_more", "charge_of_others")
    if singular or plural or any(cues[name].search(clause) for name in charge):
        return False  # "…, so in the end I went to the facilities person", "…, so finding the cause fell to me"
    # as analyse_sentences scores a sentence after a step: the cues, and a number as what was achieved
    return _cue_score(cue_tables()["result"], clause) + float(has_quantity(clause)) >= STAR_THRESHOLD


def decide(
    probabilities: Sequence[Sequence[float]], thresholds: Sequence[float], analysed: Sequence[SentenceFeatures]
) -> list[list[bool]]:
    """Which sentences carry which part: the model's probability over the part's threshold; a sentence
    whose grammar shows a step ("I rewrote …", "we rerouted …") needs only ``STEP_SHARE`` of the action threshold,
    unless it tells an outcome ("I passed at the third try"); a sentence is both the scene and the outcome only when
    the model is sure of both; an outcome still to come ("they said they would send another van") and a step of
    one's own are the result only when the model is sure (``STEP_RESULT``), unless its consequence clause reads as an
    outcome on its own ("…, which meant overtime fell by half"): then it needs only ``STEP_SHARE`` of the result
    threshold. Since session 13 the grammar of a step no longer makes a step of a plain outcome (``SURE_RESULT``) or of
    an answer's opening read as its scene, and an answer with no task takes its likeliest task sentence when that tells
    the speaker's own charge (``TASK_FILL``). Since session 16 the speaker's own step still under way is a step, a role
    told with the charge is the scene as well as the task, and a short line carrying on a list of steps is a step. Since
    session 17 a maxim ("You just have to keep going") is neither the outcome nor a step; since session 18 an evaluative
    closer ("It was a hard morning") is not the outcome, and neither a line of perceiving or waiting ("I saw that …")
    nor a claim about oneself in a short reply ("Yes, I trained many people") is made a step by its grammar."""
    chosen = [[p >= t for p, t in zip(row, thresholds, strict=True)] for row in probabilities]
    action = STAR_PARTS.index("action")
    situation, result, task = STAR_PARTS.index("situation"), STAR_PARTS.index("result"), STAR_PARTS.index("task")
    sizes = _answer_sizes(analysed)
    for row, sentence in enumerate(analysed):
        # The scene and the outcome sit at opposite ends of a story ("the lessons kept running over"
        # sets a scene, it is not what came of the work).
        p, marks = probabilities[row], chosen[row]
        if marks[situation] and marks[result] and min(p[situation], p[result]) < star_model.BOTH_ENDS:
            marks[situation if p[situation] < p[result] else result] = False
        # "I passed at the third try": an outcome in the grammar of a step is neither helped to be a step nor held
        # back from being the result
        outcome = _only_outcome(sentence)
        # a weak plan in a short answer ("I'd probably ask someone.") is left unlabelled by most writers (41 of 51 in
        # the seen corpus): the model alone decides it (session 12)
        weak = sizes[row] <= 2 and _weak_plan(sentence)
        # a step told in the present in an answer about a way of working ("How do you …?": "I check the permits
        # first") is a step as one told in the past is: the corpus README's line since test8 (habit steps `A`), which
        # the older writers did not follow (session 15; by writer-CV 13 of 23 writers rise, 6 fall, five of them the
        # oldest)
        present = sentence.way_of_working and star_model._present_step(sentence.lower)
        # "I saw that drivers were pushed to skip their breaks": what the speaker perceived is the scene
        perceived = star_model.PERCEIVING_NO_STEP and _only_perceiving(sentence)
        # "Yes, I trained many people.", "I've done all my safety tickets": a claim about oneself in a short reply
        claimed = (
            star_model.CLAIM_NO_STEP
            and sizes[row] <= star_model.CLAIM_SIZE
            and bool(framing_cues()["claim"].search(sentence.lower))
        )
        if (
            (sentence.first_person_action or sentence.plural_action or present)
            and not outcome
            and not weak
            and not perceived
            and not claimed
        ):
            marks[action] = marks[action] or p[action] >= thresholds[action] * star_model.STEP_SHARE
        # the consequence clause is read as an outcome by the cues: the result needs only STEP_SHARE of its threshold,
        # as a sentence whose grammar shows a step does for the action
        consequence = _consequence_outcome(sentence)
        if consequence:
            marks[result] = marks[result] or p[result] >= thresholds[result] * star_model.STEP_SHARE
        if framing_cues()["pending"].search(sentence.lower):
            if marks[result] and p[result] < star_model.STEP_RESULT:
                marks[result] = False  # "we are still collecting the answers": the outcome is still to come
            # the speaker's own step still under way ("I'm waiting on her to sign the change order before we go on")
            # is a step, as one told in the past is (session 16)
            if sentence.index > 0 and framing_cues()["own_pending"].search(sentence.lower):
                marks[action] = marks[action] or p[action] >= thresholds[action] * star_model.STEP_SHARE
        if sentence.first_person_action and marks[result] and not outcome:
            # A step of one's own is an outcome only when the model is sure ("I rewrote the rota, which meant
            # overtime fell by half"), not because it comes last ("I then arranged for our driver to swap
            # the tree"); it is a step unless it stays the result and the model reads no step (RESULT_NOT_STEP).
            marks[result] = consequence or p[result] >= star_model.STEP_RESULT
            marks[action] = not (
                star_model.RESULT_NOT_STEP and marks[result] and not consequence and p[action] < thresholds[action]
            )
        # one more step told with "also" ("I also joined a discussion group to keep up with the rules") is never the
        # outcome (session 16: none of the 183 such lines of the seen corpus is `R`)
        if marks[result] and framing_cues()["also_step"].search(sentence.lower):
            marks[result] = False
            marks[action] = marks[action] or sentence.first_person_action or sentence.plural_action
        # a maxim ("It's about being organised and communicating, really", "You just have to keep going") tells no
        # outcome and no step: 56 of the seen corpus's 58 such lines are no part (session 17)
        if star_model.GENERIC_NO_PART and framing_cues()["generic"].search(sentence.lower):
            marks[result] = False
            if not (sentence.first_person_action or sentence.plural_action):
                marks[action] = False
        # how it was for the speaker ("It was a hard morning, you know, for everybody") is not the outcome (session 18)
        if star_model.CLOSER_NO_RESULT and marks[result] and framing_cues()["evaluative_closer"].search(sentence.lower):
            marks[result] = False
        if (
            star_model.TENURE_SCENE
            and not (marks[action] or marks[result])
            and framing_cues()["tenure"].search(sentence.lower)
        ):
            marks[situation] = True  # "I've been in childcare eight years now": the background (session 19)
        if (
            star_model.PRESENT_ROLE_SCENE
            and not (marks[action] or marks[result])
            and framing_cues()["present_role"].search(sentence.lower)
        ):
            marks[situation] = True  # "I'm a receptionist at a GP practice now": the background (session 20)
        if (
            star_model.ASKS_BACK_NO_STEP
            and p[action] < star_model.SURE_ASKED_STEP
            and framing_cues()["asks_back"].search(sentence.lower)
        ):
            marks[action] = False  # "Could I ask what happens from here?": no step told (session 20)
        if (
            star_model.HABITUAL_ROLE_SCENE
            and sentence.index == 0
            and not marks[result]
            and framing_cues()["habitual_role"].search(sentence.lower)
        ):
            marks[situation] = True  # "Right now I do nights at a petrol station in Calgary" (session 20)
            if not sentence.first_person_action:
                marks[action] = False
        # a charge denied ("It's not my job to sort it out myself") is never the task (session 14)
        if marks[task] and framing_cues()["denied_charge"].search(sentence.lower):
            marks[task] = False
        # a role told with the charge ("As the operations lead, my goal for the year was …") is the scene and the task
        # at once: the README's S-versus-T line, which the seen writers follow in 51 of 70 such lines (session 16)
        if marks[task] and (
            framing_cues()["role"].search(sentence.lower)
            or (star_model.BARE_ROLE_SCENE and framing_cues()["bare_role"].search(sentence.lower))
        ):
            marks[situation] = True
        # The grammar of a step makes a step of a sentence the model reads as less (STEP_SHARE above), but not of a
        # plain outcome ("We came back two days later and finished it, and the client booked us again") nor of an
        # answer's opening read as its scene ("I started at a new hotel where they used a booking system I'd never
        # seen"): a step told there is scene or outcome for every writer (session 13).
        plain_outcome = marks[result] and p[result] >= star_model.SURE_RESULT
        opening_scene = sentence.index == 0 and marks[situation]
        if marks[action] and p[action] < thresholds[action] and not consequence and (plain_outcome or opening_scene):
            marks[action] = False
    # An answer's opening read as its scene is not also its outcome when steps follow it ("At my last school the PE
    # lessons kept running over …" then "I suggested a meeting …"): no answer of the seen corpus (0 of 2,266) opens on
    # a scene that is its outcome and then tells steps (session 12).
    start = 0
    for size in _sizes_by_answer(sizes):
        marks = chosen[start]
        if marks[situation] and marks[result] and any(row[action] for row in chosen[start + 1 : start + size]):
            marks[result] = False
        # An answer with no task: its likeliest task sentence is the task if it tells the speaker's own charge and the
        # model gives it at least TASK_FILL (session 13).
        rows = range(start, start + size)
        # A short line that carries on the list of steps before it ("I'd look at daily active users and retention."
        # then "Maybe NPS too.") is a step too (session 16: 14 of 18 such lines in the seen corpus are `A`).
        for row in range(start + 1, start + size):
            line = analysed[row]
            if (
                line.word_count <= star_model.LIST_WORDS
                and chosen[row - 1][action]
                and not chosen[row][result]
                and framing_cues()["list_continuation"].search(line.lower)
            ):
                chosen[row][action] = True
        if size >= star_model.TASK_FILL_SIZE and not any(chosen[row][task] for row in rows):
            best = max(rows, key=lambda row: probabilities[row][task])
            if probabilities[best][task] >= star_model.TASK_FILL and _own_charge(analysed[best].lower):
                chosen[best][task] = True
        start += size
    decide_more(chosen, analysed)  # the readings of session 22 (star_readings)
    return chosen


def _own_charge(lower: str) -> bool:
    """The sentence tells the speaker's own charge by any of the charge cues (``own_charge``, ``own_charge_more``, and
    what the speaker needed of others outside a step of their own)."""
    cues = framing_cues()
    if cues["denied_charge"].search(lower):
        return False
    return bool(
        cues["own_charge"].search(lower) or cues["own_charge_more"].search(lower)
    ) or star_model._charge_of_others(lower)
