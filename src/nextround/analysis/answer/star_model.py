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
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Final

from nextround.analysis.answer.lexicon import lexicon
from nextround.analysis.answer.model import STAR_PARTS, StarSentences
from nextround.analysis.answer.star import SentenceFeatures, _action_score
from nextround.analysis.vectors import Matrix, linear, sigmoid

MODEL_FILE: Final = "answer_star_model.json"
STORY_TYPES: Final = ("behavioural", "situational")
# Rule scores are clipped to this range before they become features, so one sentence with many cues
# cannot dominate the linear model.
_CLIP: Final = 6.0
# The embedding's share of the features: below 1 it is regularised harder than the rule scores.
EMBEDDING_SCALE: Final = 0.5
# A sentence whose grammar shows a step needs only this share of the action threshold.
STEP_SHARE: Final = 0.4
# The result probability a sentence whose grammar shows a step of one's own, or an outcome still to come, needs to
# count as a result (0.6 until session 8, when the result threshold fell from 0.5 to 0.3; leaving one writer out,
# 0.45 and 0.6 score the same, and 0.45 keeps "I rewrote the rota, which meant overtime fell by half" a result).
STEP_RESULT: Final = 0.45
# The probability both parts need for one sentence to be both the situation and the result.
BOTH_ENDS: Final = 0.6
_PARTS: Final = range(len(STAR_PARTS))


# How a sentence frames what it says (session 5). The task is what the speaker had to achieve, told as their
# own charge ("I had to", "my job was", "it fell to me", "the aim was"); what others asked for or wanted and what
# happened around the speaker is the scene ("Two chefs asked me to do different prep at the same time").
# One leading \b and the "if I" / "unless we" check after the pronoun: the same matches at a sixth of the time.
_OWN_CHARGE: Final = re.compile(
    r"\b(?:(?:i|we)(?<!\bif i)(?<!\bif we)(?<!\bunless i)(?<!\bunless we)(?: \w+ly| still| really| just| now| also)?"
    r" (?:had|needed|wanted|have|need|want|got) (?:to|it to)\b|(?:i|we)(?:'d| would) (?:need|want|have) to\b"
    r"|(?:i|we) (?:owned|took on|took over)\b|i (?:was|am|'m) (?:responsible|in charge|accountable|the one)\b"
    r"|(?:i|we) set (?:myself|ourselves|a) (?:a |an )?(?:goal|target|deadline|aim)\b"
    r"|i (?:decided|offered|volunteered) to (?:own|take|lead|run|sort|fix|handle)\b"
    r"|(?:my|our|the) (?:main |first |only |real |own |whole )?(?:job|role|part|task|aim|goal|target|priority|"
    r"responsibility|brief|objective|mission|challenge|focus|remit|duty) (?:was|is|would be|became|here was)\b"
    r"|it (?:was|fell|came) (?:on|to|down to|up to) (?:me|us)\b|it was (?:my|our) (?:job|call|responsibility)\b)"
)
_OTHERS_DEMAND: Final = re.compile(
    r"\b(asked|told|wanted|needed|expected|begged|ordered|pushed|pressed|urged|instructed) (me|us)\b"
    r"|\b(he|she|they|it|\w+s|the \w+|my \w+|our \w+|his \w+|her \w+) (wanted|insisted|demanded|needed|expected"
    r"|asked for|complained|was asking|were asking)\b|\b(i|we) (was|were) (asked|told) to\b"
)
_ROLE: Final = re.compile(
    r"^(?:\w+,? )?(as (a|an|the|our|my)\b|in my (role|job|first \w+|last \w+) as\b)|\bi('m| am| was) (a|an|the)"
    r" \w+(?: \w+)? (at|in|on|for|with)\b|\bi (work|worked|run|ran) (as|at|in|for|on)\b"
)
# A further step the speaker set up, still to happen ("I then arranged for our driver to swap the tree", "I suggested
# we take it to the ward sister"): an action, never the outcome.
_NEXT_STEP: Final = re.compile(
    r"\b(i|we)(?: then| also| just| finally| later)? (arranged|suggested|proposed|recommended|offered|booked|planned"
    r"|scheduled|organised|organized|promised|asked|said (i|we)(?:'d| would| will)) (for|to|that|a|an|the|we|they|him"
    r"|her|them|it|my|our|his|their)\b"
)
# Session 8 (leave-one-writer-out, bench/lowo_answers.py): more forms of the speaker's own charge ("the rota was
# mine, so the empty desk was on me", "I made it my job to", "the target I set myself was", "it was my duty to"), the
# past perfect that tells the background ("I'd been selling flowers there for six years when"), years of background
# ("I've been working in retail for eight years"), a story's opening ("it happened to me once at a store in
# Savannah"), a clause whose subject is someone or something else ("then the cedi fell"), and a step told in the
# present as a habit ("I make a list every morning", "before I go on holiday I go through the folder").
_OWN_CHARGE_MORE: Final = re.compile(
    r"\b(?:was|is|fell|came) (?:all |squarely )?(?:on|down to|up to) (?:me|us)\b"
    r"|\b(?:was|is|were|became) (?:my|our) (?:job|call|responsibility|duty|problem|decision|priority|concern|remit)\b"
    r"|\b(?:my|our) (?:duty|priority|responsibility|remit|plan|concern|job|target|goal|aim)\b"
    r"|\bmade it (?:my|our) (?:job|mission|business|priority|aim|goal)\b"
    r"|\b(?:target|goal|aim|deadline|challenge) (?:i|we) (?:set|gave) (?:myself|ourselves)\b"
    r"|\b(?:i|we)(?:'d| had)? set (?:myself|ourselves) (?:the|a|an) (?:goal|target|aim|deadline|challenge)\b"
    r"|\b(?:was|were|is|are) (?:all )?mine\b|\b(?:i|we) (?:was|were|am|are) (?:meant|supposed|expected) to\b"
    r"|\b(?:i|we) (?:must|have to|need to|had to)\b|\b(?:own|take on|see through|take charge of) (?:it|this|that)\b"
)
_PAST_PERFECT: Final = re.compile(
    r"\b(?:had|'d)(?: \w+ly| never| already| just| not| always)? (?:been|\w{3,}ed|done|gone|seen|made|taken|given|known"
    r"|got|gotten|become|come|grown|left|lost|kept|spent|sent|built|run|told|said|put|set|had|worn|sold|bought|thought"
    r"|found|brought|taught|begun|started)\b"
)
_BACKGROUND: Final = re.compile(
    r"\bfor (?:about |nearly |almost |over |more than |the (?:last|past) )?(?:\d+|a|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|many|several|a few|a couple of)"
    r" (?:years?|months?|decades?|seasons?)\b"
    r"|\b(?:i've|i have|we've|we have)(?: been)? (?:working|worked|spent|run|a|an|in|at|with|done)\b"
    r"|\b(?:years?|months?) (?:in|as|at)\b|\b(?:since|after|before) (?:i|we) (?:joined|started|left|qualified|moved)\b"
)
_STORY_OPENING: Final = re.compile(
    r"\bhappened (?:to me|to us|once|when|at|in|on|last|a few)\b|\bthis happened\b"
    r"|\b(?:came|comes) up (?:at|in|when|on|once|last|a)\b|^(?:\w+,? )?once,? (?:at|in|when|on|i|we)\b"
    r"|\b(?:i've|i have|we've) had (?:to do|this|that|one|a case|a similar)\b"
    r"|\bfor example,? (?:at|in|when|last|one|once)\b|\b(?:one|a) (?:time|case|example) (?:was|when|at|in)\b"
)
_OTHER_SUBJECT: Final = re.compile(
    r"^(?:(?:then|but|and|so|later|after that|by then|meanwhile|unfortunately|suddenly|soon|that|within|"
    r"two days later|the next day),? )*(?:the|he|she|they|it|his|her|their|a|an|two|three|one|nobody|no one|everyone|"
    r"someone|some|most|half|all|every|this|these|those|there)\b"
)
_HABIT: Final = re.compile(
    r"\b(?:every|each|always|usually|normally|whenever|generally|routinely|tend to|as a rule|most days|these days"
    r"|now)\b"
)
_PRESENT_STEP: Final = re.compile(
    r"\b(?:i|we)(?: (?:always|usually|normally|first|then|also|just|still|never|\w+ly))*"
    r" (?!am\b|are\b|have\b|had\b|was\b|were\b|think\b|feel\b|guess\b|suppose\b|like\b|love\b|hope\b|know\b"
    r"|mean\b|don't\b|do\b|can't\b|want\b|need\b|believe\b|tend\b|would\b|will\b|could\b|should\b|might\b"
    r"|enjoy\b|get\b|must\b|can\b|find\b|\w+ed\b)([a-z]{3,})\b"
)
# What came of the work told in the first person ("I passed at the third try", "we cleared every day's mail the same
# day", "what I took from it is …"): an outcome, though its grammar is that of a step.
_OUTCOME: Final = re.compile(
    r"\b(?:i|we)(?: \w+ly| finally| still| eventually| never| all| both| just| only)? (?:passed|qualified|hit|reached"
    r"|missed|lost|won|managed to|cleared|beat|saved|earned|ended up|came (?:away|out|in)|got through|got (?:all|every"
    r"|most|the job|the contract|a |an |my |our |it |them )|made it(?! my| our| a | an| clear| sure)"
    r"|finished (?:the|on|ahead|with|first|top)|achieved"
    r"|learned|learnt|kept (?:our|the|my|every|all)|met (?:the|our|my|every) (?:target|deadline|goal))\b"
    r"|\bwhat (?:i|we) (?:learned|learnt|took|took away|realised|realized)\b"
    r"|\b(?:i|we) (?:haven't|have not|never) had\b"
)
# An outcome still to come ("they said they would send another van", "I'm still waiting for the new one", "now I am
# preparing a short presentation for their next meeting"): the story stops before any result.
_PENDING: Final = re.compile(
    r"\b(?:still (?:waiting|to|not|no|haven't|have not|don't|collecting|working on|chasing|looking|trying|deciding)"
    r"|not yet|yet to|waiting (?:for|to|on)|pending|haven't heard|have not heard|no answer yet)\b"
    r"|\b(?:said|says|told me|promised) (?:he|she|they|we|it)(?:'d| would| will|'ll)\b|\bwould think about it\b"
    r"|\b(?:i am|i'm|we are|we're) (?:now )?(?:preparing|planning|going to|waiting|hoping|collecting|working on)\b"
    r"|\bdon't know (?:yet|what|if|whether|how)\b|\b(?:we'll|we will|i'll|i will) see\b"
)


def _context(lower: str) -> list[float]:
    """More charge forms, past perfect, years of background, a story's opening, another subject first, a habit, a step
    told in the present, an outcome told in the first person, an outcome still to come: 0 or 1 each (session 8)."""
    present_step = any(match.group(1) not in lexicon().irregular_action_past for match in _PRESENT_STEP.finditer(lower))
    return [
        float(bool(_OWN_CHARGE_MORE.search(lower))),
        float(bool(_PAST_PERFECT.search(lower))),
        float(bool(_BACKGROUND.search(lower))),
        float(bool(_STORY_OPENING.search(lower))),
        float(bool(_OTHER_SUBJECT.search(lower))),
        float(bool(_HABIT.search(lower))),
        float(present_step),
        float(bool(_OUTCOME.search(lower))),
        float(bool(_PENDING.search(lower))),
    ]


_FIRST_PERSON: Final = re.compile(r"\b(i|we|i'm|i'd|i've|i'll|we're|we'd|we've|my|our|me|us)\b")
_MODAL: Final = re.compile(r"\b(would|'d|will|'ll|going to|could)\b")
_PAST: Final = re.compile(r"\b(was|were|had|did|\w{3,}ed)\b")


def _framing(lower: str) -> list[float]:
    """Own charge, others' demand, role, no first person at all, modal, past tense, a further step: 0 or 1 each."""
    return [
        float(bool(_OWN_CHARGE.search(lower))),
        float(bool(_OTHERS_DEMAND.search(lower))),
        float(bool(_ROLE.search(lower))),
        float(not _FIRST_PERSON.search(lower)),
        float(bool(_MODAL.search(lower))),
        float(bool(_PAST.search(lower))),
        float(bool(_NEXT_STEP.search(lower))),
    ]


def _rule_features(sentence: SentenceFeatures | None) -> list[float]:
    if sentence is None:
        return [0.0] * 4
    return [max(-_CLIP, min(_CLIP, sentence.scores[part])) / _CLIP for part in STAR_PARTS]


def sentence_features(analysed: Sequence[SentenceFeatures], question_type: str, embeddings: Matrix) -> Matrix:
    """One float32 row per sentence: rule scores (own, previous, next), flags, position, question type,
    framing (own, and the charge, demand and role of the sentences before and after), embedding."""
    rows: list[list[float]] = []
    last = len(analysed) - 1
    framing = [_framing(sentence.lower) for sentence in analysed]
    context = [_context(sentence.lower) for sentence in analysed]
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
            ]
        )
    vectors = embeddings.tolist()
    return Matrix.from_rows(
        (row + [EMBEDDING_SCALE * value for value in vector] for row, vector in zip(rows, vectors, strict=True)),
        len(rows[0]) + embeddings.dims if rows else embeddings.dims,
    )


def with_neighbours(features: Matrix, first: Sequence[Sequence[float]]) -> Matrix:
    """``features`` with the first round's part probabilities of the sentence before and after appended, and
    per part the highest of the answer's other sentences (:func:`elsewhere`)."""
    none = [0.0] * len(STAR_PARTS)
    last = len(first) - 1
    rows = features.tolist()
    others = _elsewhere_all(first)
    return Matrix.from_rows(
        (
            row
            + list(first[index - 1] if index > 0 else none)
            + list(first[index + 1] if index < last else none)
            + others[index]
            for index, row in enumerate(rows)
        ),
        features.dims + 3 * len(STAR_PARTS),
    )


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


def _only_outcome(sentence: SentenceFeatures) -> bool:
    """The sentence tells an outcome in the first person ("I passed at the third try") and no other step of its own
    ("I moved a waiter onto the pass and we got through it" has one)."""
    if not _OUTCOME.search(sentence.lower):
        return False
    _, singular, plural, _ = _action_score(_OUTCOME.sub(" ", sentence.lower))
    return not (singular or plural)


def decide(
    probabilities: Sequence[Sequence[float]], thresholds: Sequence[float], analysed: Sequence[SentenceFeatures]
) -> list[list[bool]]:
    """Which sentences carry which part: the model's probability over the part's threshold; a sentence
    whose grammar shows a step ("I rewrote …", "we rerouted …") needs only ``STEP_SHARE`` of the action threshold,
    unless it tells an outcome ("I passed at the third try"); a sentence is both the scene and the outcome only when
    the model is sure of both; an outcome still to come ("they said they would send another van") and a step of
    one's own are the result only when the model is sure (``STEP_RESULT``)."""
    chosen = [[p >= t for p, t in zip(row, thresholds, strict=True)] for row in probabilities]
    action = STAR_PARTS.index("action")
    situation, result = STAR_PARTS.index("situation"), STAR_PARTS.index("result")
    for row, sentence in enumerate(analysed):
        # The scene and the outcome sit at opposite ends of a story ("the lessons kept running over"
        # sets a scene, it is not what came of the work).
        p, marks = probabilities[row], chosen[row]
        if marks[situation] and marks[result] and min(p[situation], p[result]) < BOTH_ENDS:
            marks[situation if p[situation] < p[result] else result] = False
        # "I passed at the third try": an outcome in the grammar of a step is neither helped to be a step nor held
        # back from being the result
        outcome = _only_outcome(sentence)
        if (sentence.first_person_action or sentence.plural_action) and not outcome:
            marks[action] = marks[action] or p[action] >= thresholds[action] * STEP_SHARE
        if marks[result] and p[result] < STEP_RESULT and _PENDING.search(sentence.lower):
            marks[result] = False  # "we are still collecting the answers": the outcome is still to come
        if sentence.first_person_action and marks[result] and not outcome:
            # A step of one's own is an outcome only when the model is sure ("I rewrote the rota, which meant
            # overtime fell by half"), not because it comes last ("I then arranged for our driver to swap
            # the tree"); either way it is a step.
            marks[result] = p[result] >= STEP_RESULT
            marks[action] = True
    return chosen


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


def predict_star(analysed: Sequence[SentenceFeatures], question_type: str, embeddings: Matrix) -> StarSentences | None:
    """The STAR parts by the trained model (``embeddings``: one row per sentence), or ``None`` without
    the model's weights."""
    model = load_star_model()
    if model is None or not analysed:
        return None
    features = sentence_features(analysed, question_type, embeddings)
    if features.dims != model.first_weights.dims:
        return None  # weights from another feature layout: retrain with scripts/train_answers.py
    chosen = decide(model.probabilities(features), model.thresholds, analysed)
    found = {
        part: tuple(i for i in range(len(analysed)) if chosen[i][column]) for column, part in enumerate(STAR_PARTS)
    }
    return StarSentences(found["situation"], found["task"], found["action"], found["result"])
