"""The 0-1 relevance score from its parts: the share of unrelated bank questions the asked one beats, how much of the
answer is on topic at all, and how far the asked question stands out; and the hand weights of the plain sum of
similarities, used without the learned ranking. A part of :mod:`.relevance`, split from it by concern (session 14);
the numbers are those of before."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

# Weights of the six similarities: question words, description words, question sentences, description
# sentences, good-answer note words, note sentences (on the dev split the note lifts "own question above
# another" from 0.894 to 0.906).
_WEIGHTS: Final = (1.0, 0.5, 1.0, 0.5, 0.5, 0.5)
# Weight of the competency anchors (for the question's first competency: with both, a friendly reply about
# colleagues fitted "resilience+communication"). These hand weights make the plain sum (``Relevance.raw``), which
# says how much of the answer is on topic only when the learned weights (relevance_model.py) are missing.
_ANCHOR_WEIGHT: Final = 1.0
# Share of bank questions an answer must fit worse than its own for relevance to start above 0, and
# the share at which it reaches 1.
_FLOOR: Final = 0.5
_CEILING: Final = 0.95
# The summed similarity below which an answer says nothing on topic, and from which it says enough
# (set for the four similarities of the first version, scaled to the weights' sum): used without the learned
# ranking's weights.
_RAW_NONE: Final = 0.3 / 3.0 * sum(_WEIGHTS) + 0.1 * _ANCHOR_WEIGHT
_RAW_FULL: Final = 0.6 / 3.0 * sum(_WEIGHTS) + 0.3 * _ANCHOR_WEIGHT
# The same on the learned ranking's scale, used when its weights are there: the weighed similarities without
# the question's offset (a question that fits every story a little, "something you were responsible for went
# wrong", is not on topic any less for it). The hand-weighted sum ordered an answer's own question above another
# only 0.80-0.91 of the time and decided the pairs where both questions rank near the top (session 7). Chosen
# on the seen splits so that on-topic answers keep their level and off-topic ones fall (docs/answers.md).
_LEARNED_NONE: Final = 6.0
_LEARNED_FULL: Final = 10.0
# Above _TOP_FROM the substance climbs on a slower slope and reaches full only at _TOP_FULL (the learned scale): an
# off-topic reply on the question's topic but not what it asks (a complaint that the queue is always long, to a
# question on balancing speed with quality when the queue is long) ranks the question first and saturates every part,
# tied at 1.00 with the stories that answer it; such replies say less on topic (a median of 12 on this scale against
# 16 for on-topic answers at 1.00). Below _TOP_FROM nothing moves, so the advice thresholds see
# the same short replies. Session 22: on-topic above off-topic, mean of 43 seen splits 0.8548 -> 0.8624
# (docs/answers.md).
_TOP_FROM: Final = 9.0
_TOP_FULL: Final = 16.0
# How far the question's learned score stands above those of the unrelated bank questions, in their spread
# (a z-score), enters the score directly with this weight, through a logistic centred at _STANDOUT_CENTRE
# with slope _STANDOUT_SLOPE: it hardly saturates, and it is the learned ranking's own margin, so two
# questions that both reach full marks on the clipped parts are told apart by what was trained to tell them
# apart rather than by the hand-weighted sum. Until session 7 the share of bank questions beaten stood in its
# place with weight 0.1. An on-topic answer's own question stands at z 2.3-2.8 (median), an off-topic one's at
# 0.2-0.9; the centre and slope keep the scores' level (mean on-topic, in other words and off-topic within
# 0.01 on the seen splits), chosen on the seen splits only (docs/answers.md, session 7).
_STANDOUT_WEIGHT: Final = 0.2
_STANDOUT_CENTRE: Final = 0.5
_STANDOUT_SLOPE: Final = 1.5
# For a question outside the bank, the share of bank questions beaten counts only as far as the answer says
# something on topic: fully from this weighed sum (the learned score less the outside constant) up, not at all at
# or below _GATE_NONE. Its ranking's constant stands above the bank's mean offset, so an answer that says nothing
# ("Yes.") beat most bank questions by noise (session 13).
_GATE_NONE: Final = 0.0
_GATE_FULL: Final = 4.0
# A short answer that tells no episode ("I'd just explain why it's better and they'd go along with it", "Nothing, I
# think she was happy with me.") gives the learned ranking little to read, and which question it fits best is much the
# ranking's noise; its own words are what it has. Its score therefore takes in (relevance.measure_relevance), with a
# weight that falls from _TOPIC_WEIGHT at no words to nothing at _TOPIC_WORDS words, how far the question's focus
# words (its content words weighed by the square of their rarity) meet the answer's words more than the bank
# questions' focus words do (a z-score among them, through the standout's logistic). Session 17: own question above
# another, each of 33 writers scored with the weight and length chosen on the other 32, 0.9371 -> 0.9376 (17 up,
# 11 down); test15 0.887 -> 0.893, wide10 0.922 -> 0.924 (docs/answers.md).
_TOPIC_WEIGHT: Final = 0.25
_TOPIC_WORDS: Final = 25


def combine(
    share: float,
    bar: float,
    others: Sequence[float],
    offset: float,
    *,
    learned: bool = True,
    shift: float = 0.0,
    gated: bool = False,
) -> float:
    """The 0-1 relevance score from its parts: ``share``, the share of unrelated bank questions the asked one
    beats by the ranking; ``bar`` and ``others``, the ranking scores of the asked question and of those
    unrelated bank questions; ``offset``, the part of ``bar`` that is the question's own offset. ``bar`` less
    ``offset`` says how much of the answer is on topic at all, so a short reply that ranks well by luck stays
    low (on the learned scale, or the hand-weighted sum's when ``learned`` is false); how far ``bar`` stands
    above ``others`` tells apart two questions that both rank near the top. ``shift`` moves the learned cut-offs
    to a ranking on another scale (``_Background.word_shift``). ``gated`` (a question outside the bank ranked by
    its own ranking) counts the share beaten only as far as the answer says something on topic."""
    if gated and share > _FLOOR:
        gate = min(1.0, max(0.0, (bar - offset - _GATE_NONE) / (_GATE_FULL - _GATE_NONE)))
        share = _FLOOR + (share - _FLOOR) * gate
    fits = min(1.0, max(0.0, (share - _FLOOR) / (_CEILING - _FLOOR)))
    none, full = (_LEARNED_NONE + shift, _LEARNED_FULL + shift) if learned else (_RAW_NONE, _RAW_FULL)
    substance = _clip((bar - offset - none) / (full - none))
    if learned:
        knee_at = _TOP_FROM + shift
        knee = (knee_at - none) / (full - none)
        substance = min(substance, knee + (1 - knee) * _clip((bar - offset - knee_at) / (_TOP_FULL + shift - knee_at)))
    standout = _logistic_z(bar, others) if len(others) > 1 else 1.0
    return round((1 - _STANDOUT_WEIGHT) * (0.5 * fits + 0.5 * substance) + _STANDOUT_WEIGHT * standout, 3)


def _clip(value: float) -> float:
    return min(1.0, max(0.0, value))


def _logistic_z(value: float, others: Sequence[float]) -> float:
    """How far ``value`` stands above ``others`` in their spread, through the standout's logistic (0-1)."""
    mean = sum(others) / len(others)
    spread = math.sqrt(sum((other - mean) ** 2 for other in others) / len(others))
    z = (value - mean) / spread if spread > 0 else 0.0
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, _STANDOUT_SLOPE * (z - _STANDOUT_CENTRE)))))


def topic_weight(words: int) -> float:
    """The share of a ``words``-word answer's score that its topic words make (:func:`with_topic_words`)."""
    return _TOPIC_WEIGHT * max(0.0, 1.0 - words / _TOPIC_WORDS)


def with_topic_words(score: float, words: int, focus: float, bank_focus: Sequence[float]) -> float:
    """``score`` of a short answer of ``words`` words blended with how far the question's focus-word match
    (``focus``) stands above the bank questions' (``bank_focus``); a longer answer's score as it is."""
    weight = topic_weight(words)
    if weight <= 0.0 or len(bank_focus) < 2:
        return score
    return round((1 - weight) * score + weight * _logistic_z(focus, bank_focus), 3)


# How much an answer says, and whether it tells an episode, are evidence on whether it is on topic at all, whichever
# question it meets: the off-topic answers of the seen writers are mostly short claims ("I'm a fast learner and very
# hardworking") that saturate every part of the score for a question on their subject, while the answers in other
# words are mostly stories, which share few words with the question. So the odds of the score are multiplied by
# (words / SHAPE_WORDS) ** SHAPE_POWER, words counted up to SHAPE_MOST_WORDS, and by EPISODE_ODDS or NO_EPISODE_ODDS:
# a short claim falls and a full story rises (at SHAPE_WORDS words, odds x 1.3 with an episode and x 0.8 without).
# The factor is the same for every question the answer meets, so which question it fits best does not move.
# Session 23, 44 seen splits: on-topic above off-topic (AUC) mean 0.8634 -> 0.8740 (33 up, 11 down), answers in other
# words above off-topic ones 0.852 -> 0.904, own question above another level (docs/answers.md).
SHAPE_WORDS: Final = 40
SHAPE_MOST_WORDS: Final = 120
SHAPE_POWER: Final = 0.5
EPISODE_ODDS: Final = 1.3
NO_EPISODE_ODDS: Final = 0.8
_ODDS_CAP: Final = 0.995  # a score of 0 or 1 read as 0.005 or 0.995, so that its odds are finite and can move


def shape_factor(words: int, episode: bool) -> float:
    """The factor on the odds of relevance for an answer of ``words`` words that tells an episode or not."""
    says = float((min(words, SHAPE_MOST_WORDS) / SHAPE_WORDS) ** SHAPE_POWER)
    return says * (EPISODE_ODDS if episode else NO_EPISODE_ODDS)


def with_answer_shape(score: float, words: int, episode: bool) -> float:
    """``score`` with its odds moved by how much the answer says and whether it tells an episode (:func:`shape_factor`).
    When the factor lowers it a score is read as no more than the cap, so full marks can fall; when it raises it the
    score is read as it is, and full marks stay full."""
    factor = shape_factor(words, episode)
    return score if factor == 1.0 else moved_odds(score, factor)


def moved_odds(score: float, factor: float) -> float:
    """``score`` with its odds multiplied by ``factor``: full marks stay full when they would rise and are read as the
    cap when they fall."""
    if score >= 1.0 and factor >= 1.0:
        return score
    capped = max(score, 1.0 - _ODDS_CAP)
    if factor < 1.0:
        capped = min(capped, _ODDS_CAP)
    odds = capped / (1.0 - capped) * factor
    return round(odds / (1.0 + odds), 3)
