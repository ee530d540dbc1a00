"""The trained STAR sentence model: which sentences carry the situation, task, action and result.

Four logistic regressions (one per part) over the same features of a sentence: the rule cue scores of
:mod:`.star` for it and for the sentence before, where it sits in the answer, the question type, and
the sentence's embedding from the packaged model (meaning: "complaints fell" reads as an outcome,
"I suggested a meeting" as a step). A second round reads the same features plus what the first round
found in the sentences before and after ("My part was to …" after the scene-setting is the task; the
sentence after the last step is likely the outcome): 5-fold CV macro-F1 0.863 -> 0.875. Session 5 added how a
sentence frames what it says (the speaker's own charge, "I had to", "my job was", against what others asked for
or wanted, a role, no first person at all) for it and its neighbours, and per part the strongest of the answer's
other sentences in the first round (task F1 in CV 0.81 -> 0.88). Trained by
``scripts/train_answers.py`` on the seen splits of the project's corpus; the weights ship as
``answer_star_model.json`` and :mod:`nextround.analysis.vectors` runs them. Without the embedding model or the
weights, the rules decide alone (:func:`.star.star_from`).
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Final

from nextround.analysis.answer.lexicon import (
    framing_cues,
    lexicon,
    named_place,
    question_kind_cues,
    role_step_cues,
)
from nextround.analysis.answer.model import STAR_PARTS, StarSentences
from nextround.analysis.answer.star import SentenceFeatures, _action_score

# decide() and its helpers live in star_decision; imported here as before (tests, scripts/train_answers.py).
from nextround.analysis.answer.star_decision import _answer_sizes as _answer_sizes
from nextround.analysis.answer.star_decision import _only_perceiving as _only_perceiving
from nextround.analysis.answer.star_decision import decide
from nextround.analysis.text import normalise
from nextround.analysis.vectors import Matrix, linear, sigmoid

MODEL_FILE: Final = "answer_star_model.json"
STORY_TYPES: Final = ("behavioural", "situational")
# Rule scores are clipped to this range before they become features, so one sentence with many cues
# cannot dominate the linear model.
_CLIP: Final = 6.0
# The embedding's share of the features: below 1 it is regularised harder than the rule scores.
EMBEDDING_SCALE: Final = 0.5
# The thresholds and switches of decide() (star_decision.py), which reads them from here at call time: a bench sets
# them on this module.
# A sentence whose grammar shows a step needs only this share of the action threshold.
STEP_SHARE: Final = 0.4
# The result probability a sentence whose grammar shows a step of one's own, or an outcome still to come, needs to
# count as a result (0.6 until session 8, when the result threshold fell from 0.5 to 0.3; leaving one writer out,
# 0.45 and 0.6 score the same; session 19 tried 0.40, the result threshold: 4 outcomes gained, 7 steps lost). Since
# session 10b a step whose consequence clause reads as an outcome on its own ("I rewrote the rota, which meant overtime
# fell by half") is the result without it (_consequence_outcome).
STEP_RESULT: Final = 0.45
# The probability both parts need for one sentence to be both the situation and the result.
BOTH_ENDS: Final = 0.6
# The result probability at which a sentence is plainly an outcome: the grammar of a step alone ("We opened on time with
# only two cues cut") then no longer makes it a step too (session 13; leaving one writer out, 0.7, 0.8 and 0.9 score
# within 0.001 of each other).
SURE_RESULT: Final = 0.8
# The task probability at which an answer with no task takes its likeliest task sentence as the task, when that sentence
# tells the speaker's own charge ("Last spring I was put in charge of moving the surgery's paper records"): a story has
# a task as a rule, and the newer writers, with fewer tasks, pulled the learned threshold above such lines (session 13;
# leaving one writer out, 0.2, 0.25 and 0.3 score within 0.0003 of each other, 0.35 lower).
TASK_FILL: Final = 0.3
# The fewest sentences an answer needs for TASK_FILL: a reply of one or two sentences is no story told in full, and its
# likeliest charge line is a background line ("In my last job I had to work with a lot of different people"; session
# 14, each writer's parts cross-validated by writer: with no size, 3 and 4 within 0.0004 of each other, test12 0.861 ->
# 0.869 with 3, the held-out splits level).
TASK_FILL_SIZE: Final = 3
# The most words a line may have to carry on the list of steps before it ("Maybe NPS too.", "And maybe some
# influencers."): such a line is a step when the one before it is (session 16; ``list_continuation`` of
# ``answer_cues.toml``).
LIST_WORDS: Final = 6
# A maxim ("It's about being organised and communicating, really"; ``generic`` of ``answer_cues.toml``) is neither the
# outcome nor a step (session 17, leaving each writer out: mean 0.8798 -> 0.8805, worst wide5 0.801 -> 0.809, no writer
# lower); a switch so a bench can measure it off.
GENERIC_NO_PART = True
# An outcome told as the speaker's own doing ("I sold a hundred and twenty cars that year") and kept as the result is a
# step only when the model reads one (its action probability over the threshold) or its consequence clause is the
# outcome (session 17: the folds' gold was `R` alone in 41 such lines, `A` in 8; leaving each writer out with thresholds
# chosen again, mean 0.8803 -> 0.8810, worst wide4 0.809 -> 0.810; the action threshold 0.70 -> 0.65).
RESULT_NOT_STEP = True
# Session 18 (the test16 error analysis, levers 2 and 3), switches so a bench can measure each off: an evaluative closer
# ("It was a hard morning, you know, for everybody") is not the outcome (``evaluative_closer`` of ``answer_cues.toml``);
# a line of perceiving or waiting ("I saw that drivers were pushed to skip their breaks", "I waited forty minutes") is
# not made a step by its grammar (``perceiving``). By writer-CV over 29 writers: 10 writers up and none down with the
# second, 3 up and 1 down with the first (docs/answers.md).
CLOSER_NO_RESULT = True
PERCEIVING_NO_STEP = True
# Session 18 (the test17 error analysis, lever 1): a claim about oneself ("Yes, I trained many people", "I've done all
# my safety tickets"; ``claim`` of ``answer_cues.toml``) in an answer of up to ``CLAIM_SIZE`` sentences is not made a
# step by its grammar: the model alone decides it (docs/answers.md); a switch so a bench can measure it off.
CLAIM_NO_STEP = True
CLAIM_SIZE: Final = 3
# Session 19 (the test17 error analysis, lever 2): a role held, in the present perfect ("I've been a journalist";
# ``tenure`` of ``answer_cues.toml``), with no step or outcome read in it is the scene; a switch for the benches.
TENURE_SCENE = True
# Session 20 (the test18 error analysis, lever 4): a role in the habitual present at an answer's opening ("I drive
# long-haul between Toronto and Winnipeg"; ``habitual_role`` of ``answer_cues.toml``) that the model does not read as
# the outcome is the scene (and so not made a step by its grammar); a switch for the benches.
HABITUAL_ROLE_SCENE = True
# Session 20 (the test19 error analysis, levers 3 and 5), switches for the benches: a role held now, told in the present
# ("I'm a receptionist at a GP practice now"; ``present_role`` of ``answer_cues.toml``), with no step or outcome read in
# it is the scene; a line that only asks the interviewer something (``asks_back``) is a step only when the model is sure
# (``SURE_ASKED_STEP``).
PRESENT_ROLE_SCENE = True
ASKS_BACK_NO_STEP = True
SURE_ASKED_STEP: Final = 0.9
# A role named with no article at a line's opening ("As shift lead it was on me to …"; ``bare_role``) told with the
# charge is the scene as well, as a ``role`` with its article is (session 20); a switch for the benches.
BARE_ROLE_SCENE = True
_PARTS: Final = range(len(STAR_PARTS))


# How a sentence frames what it says (session 5) and what it tells (session 8): the patterns are data, table
# ``framing`` of ``answer_cues.toml`` (since session 9), each with what it reads and examples. The task is what the
# speaker had to achieve, told as their own charge ("I had to", "my job was", "it fell to me", "the aim was"); what
# others asked for or wanted and what happened around the speaker is the scene ("Two chefs asked me to do different
# prep at the same time").


def _context(lower: str) -> list[float]:
    """More charge forms, past perfect, years of background, a story's opening, another subject first, a habit, a step
    told in the present, an outcome told in the first person, an outcome still to come (session 8), the outcome aimed
    for ("The aim is that …", "That way …"; session 13): 0 or 1 each."""
    cues = framing_cues()
    present_step = _present_step(lower)
    charge = bool(cues["own_charge_more"].search(lower)) or _charge_of_others(lower)
    return [
        float(charge),
        float(bool(cues["past_perfect"].search(lower))),
        float(bool(cues["background"].search(lower))),
        float(bool(cues["story_opening"].search(lower))),
        float(bool(cues["other_subject"].search(lower))),
        float(bool(cues["habit"].search(lower))),
        float(present_step),
        float(bool(cues["outcome"].search(lower))),
        float(bool(cues["pending"].search(lower))),
        float(bool(cues["aimed_outcome"].search(lower))),
    ]


def _present_step(lower: str) -> bool:
    """A step told in the present in the first person ("I check the permits first", "we sit down every Monday"), not an
    irregular past ("I read", "I put")."""
    irregular = lexicon().irregular_action_past
    return any(match.group(1) not in irregular for match in framing_cues()["present_step"].finditer(lower))


def _charge_of_others(lower: str) -> bool:
    """What the speaker needed or wanted of others ("I wanted him ready by Easter") is the charge unless the sentence
    tells a step of the speaker's own, of which it is then a part ("I told her that I wanted the senior to look with
    me"; session 13)."""
    if not framing_cues()["charge_of_others"].search(lower):
        return False
    _, singular, plural, _ = _action_score(lower)
    return not (singular or plural)


def _framing(lower: str) -> list[float]:
    """Own charge, others' demand, role, no first person at all, modal, past tense, a further step: 0 or 1 each."""
    cues = framing_cues()
    return [
        float(bool(cues["own_charge"].search(lower))),
        float(bool(cues["others_demand"].search(lower))),
        float(bool(cues["role"].search(lower))),
        float(not cues["first_person"].search(lower)),
        float(bool(cues["modal"].search(lower))),
        float(bool(cues["past"].search(lower))),
        float(bool(cues["next_step"].search(lower))),
    ]


def _role_features(
    analysed: Sequence[SentenceFeatures], question_type: str, question: str, framing: Sequence[Sequence[float]]
) -> list[list[float]]:
    """What the question asks for (a plan, a habit, a method: table ``question_kind``) and how each sentence reads as a
    step in such an answer (session 12): a planned step ("I'd start by …"), a habit or present step ("I check colour
    contrast as I go"), a method told in the second person or impersonally ("You can use max of the order date …",
    "The batches go onto a queue"); and a weak plan in a short answer ("I'd probably ask someone."), which the corpus
    leaves unlabelled. The linear model cannot form these products itself."""
    kinds = question_kind_cues()
    steps = role_step_cues()
    context = framing_cues()
    lower_question = normalise(question).lower()
    plan, habit, method = (float(bool(kinds[name].search(lower_question))) for name in ("plan", "habit", "method"))
    role = max(plan, habit, method) * float(question_type != "behavioural")
    short = float(len(analysed) <= 2)
    rows = []
    for sentence, frames in zip(analysed, framing, strict=True):
        lower = sentence.lower
        method_step = float(bool(steps["method_step"].search(lower)))
        weak = float(bool(steps["weak_plan"].search(lower)))
        planned = float(sentence.hypothetical_only or (bool(frames[4]) and sentence.first_person_action))
        present = float(bool(context["present_step"].search(lower)) or bool(context["habit"].search(lower)))
        impersonal = frames[3] * (1.0 - frames[5])
        brief = float(sentence.word_count <= 9)
        rows.append(
            [
                plan,
                habit,
                method,
                method_step,
                method_step * role,
                planned * role,
                present * role,
                impersonal * role,
                short,
                short * planned,
                short * weak,
                weak * planned,
                short * brief * planned,
            ]
        )
    return rows


def _rule_features(sentence: SentenceFeatures | None) -> list[float]:
    if sentence is None:
        return [0.0] * 4
    return [max(-_CLIP, min(_CLIP, sentence.scores[part])) / _CLIP for part in STAR_PARTS]


def sentence_features(
    analysed: Sequence[SentenceFeatures], question_type: str, embeddings: Matrix, question: str = ""
) -> Matrix:
    """One float32 row per sentence: rule scores (own, previous, next), flags, position, question type,
    framing (own, and the charge, demand and role of the sentences before and after), how a step reads in an answer
    about a way of working (:func:`_role_features`, from ``question``), embedding."""
    rows: list[list[float]] = []
    last = len(analysed) - 1
    framing = [_framing(sentence.lower) for sentence in analysed]
    context = [_context(sentence.lower) for sentence in analysed]
    place = named_place()
    places = [float(bool(place.search(sentence.text))) for sentence in analysed]
    role = _role_features(analysed, question_type, question, framing)
    none = [0.0] * 3
    for sentence in analysed:
        index = sentence.index
        previous = analysed[index - 1] if index > 0 else None
        following = analysed[index + 1] if index < last else None
        rows.append(
            [
                *_rule_features(sentence),
                *_rule_features(previous),
                *_rule_features(following),
                float(sentence.has_quantity),
                float(sentence.first_person_action),
                float(sentence.plural_action),
                float(sentence.hypothetical_only),
                float(sentence.hedged),
                float(index == 0),
                float(index == last),
                index / last if last else 0.0,
                min(sentence.word_count, 40) / 40,
                float(question_type in STORY_TYPES),
                float(question_type == "situational"),
                float(index == 1),
                *framing[index],
                *(framing[index - 1][:3] if index > 0 else none),
                *(framing[index + 1][:3] if index < last else none),
                # motivation, strengths, career story: a story told inside them is labelled as any other
                float(question_type not in STORY_TYPES and question_type != "general"),
                *context[index],
                # a role with the speaker's charge is scene and task at once ("As the pharmacist on duty, it was my
                # responsibility that …"): the linear model cannot form the product itself
                framing[index][2] * max(framing[index][0], context[index][0]),
                *(context[index - 1][1:5] if index > 0 else [0.0] * 4),
                # a named place ("at the hotel in Doha"), and the same outside a story, where the newer writers label
                # a background or workplace line as scene (session 11)
                places[index],
                places[index] * float(question_type not in STORY_TYPES),
                *role[index],
            ]
        )
    if embeddings.rows != len(rows):
        raise ValueError(f"{embeddings.rows} embeddings for {len(rows)} sentences")
    # Straight into the float32 buffer: the numbers lists of Python floats would give, without making the lists.
    data: array[float] = array("f")
    width, scaled = embeddings.dims, EMBEDDING_SCALE.__mul__
    for index, row in enumerate(rows):
        data.extend(row)
        data.extend(map(scaled, embeddings.data[index * width : (index + 1) * width]))
    return Matrix(data, len(rows), len(rows[0]) + width if rows else width)


def with_neighbours(features: Matrix, first: Sequence[Sequence[float]]) -> Matrix:
    """``features`` with the first round's part probabilities of the sentence before and after appended, and
    per part the highest of the answer's other sentences (:func:`elsewhere`)."""
    none = [0.0] * len(STAR_PARTS)
    last = len(first) - 1
    if features.rows != len(first):
        raise ValueError(f"{features.rows} sentences and {len(first)} first-round rows")
    rows, width = features.as_type("f").data, features.dims
    others = _elsewhere_all(first)
    # Each row's float32 numbers copied as they are (no round trip through Python floats), then the new columns.
    data: array[float] = array("f")
    for index in range(features.rows):
        data.extend(rows[index * width : (index + 1) * width])
        data.extend(first[index - 1] if index > 0 else none)
        data.extend(first[index + 1] if index < last else none)
        data.extend(others[index])
    return Matrix(data, features.rows, width + 3 * len(STAR_PARTS))


def elsewhere(first: Sequence[Sequence[float]], index: int) -> list[float]:
    """Per part, the highest first-round probability among the answer's other sentences: a story has one
    task as a rule, so a sentence that reads a little like it matters less when another plainly is."""
    return [max((row[part] for i, row in enumerate(first) if i != index), default=0.0) for part in _PARTS]


def _elsewhere_all(first: Sequence[Sequence[float]]) -> list[list[float]]:
    """:func:`elsewhere` for every sentence at once, from each part's two highest values (linear, not quadratic)."""
    out: list[list[float]] = [[] for _ in first]
    for part in _PARTS:
        column = [row[part] for row in first]
        best = max(range(len(column)), key=column.__getitem__, default=-1)
        second = max((value for i, value in enumerate(column) if i != best), default=0.0)
        for index, row in enumerate(out):
            row.append(second if index == best else column[best])
    return out


@dataclass(frozen=True)
class StarModel:
    weights: Matrix  # parts × features (float32): the second round, over features and neighbours
    bias: list[float]  # per part
    thresholds: list[float]  # per part: probability at which a sentence carries the part
    first_weights: Matrix  # parts × features: the first round
    first_bias: list[float]

    def probabilities(self, features: Matrix) -> list[list[float]]:
        """Per sentence, the probability of each part (both rounds)."""
        first = [[sigmoid(value) for value in row] for row in linear(features, self.first_weights, self.first_bias)]
        context = with_neighbours(features, first)
        return [[sigmoid(value) for value in row] for row in linear(context, self.weights, self.bias)]


@lru_cache(maxsize=1)
def load_star_model() -> StarModel | None:
    resource = files("nextround.data").joinpath(MODEL_FILE)
    if not resource.is_file():
        return None
    raw = json.loads(resource.read_text(encoding="utf-8"))
    if "first" not in raw:
        return None  # weights from before the second round: retrain with scripts/train_answers.py
    weights = [raw["parts"][part]["weights"] for part in STAR_PARTS]
    first = [raw["first"][part]["weights"] for part in STAR_PARTS]
    # Read at float32, as the model was trained and first run: the thresholds sit on the same grid.
    return StarModel(
        weights=Matrix.from_rows(weights, len(weights[0])),
        bias=array("f", [raw["parts"][part]["bias"] for part in STAR_PARTS]).tolist(),
        thresholds=array("f", [raw["parts"][part]["threshold"] for part in STAR_PARTS]).tolist(),
        first_weights=Matrix.from_rows(first, len(first[0])),
        first_bias=array("f", [raw["first"][part]["bias"] for part in STAR_PARTS]).tolist(),
    )


def predict_star(
    analysed: Sequence[SentenceFeatures], question_type: str, embeddings: Matrix, question: str = ""
) -> StarSentences | None:
    """The STAR parts by the trained model (``embeddings``: one row per sentence), or ``None`` without
    the model's weights."""
    model = load_star_model()
    if model is None or not analysed:
        return None
    features = sentence_features(analysed, question_type, embeddings, question)
    if features.dims != model.first_weights.dims:
        return None  # weights from another feature layout: retrain with scripts/train_answers.py
    chosen = decide(model.probabilities(features), model.thresholds, analysed)
    found = {
        part: tuple(i for i in range(len(analysed)) if chosen[i][column]) for column, part in enumerate(STAR_PARTS)
    }
    return StarSentences(found["situation"], found["task"], found["action"], found["result"])
