"""STAR cues per sentence (situation, task, action, result), any occupation.

Cue tables are data (``answer_cues.toml``); the rules here add what usually comes where in a story and
what makes a sentence an action ("I called", "we rerouted") rather than scene-setting. Their scores are
features of the trained sentence model (:mod:`.star_model`), which decides the parts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from nextround.analysis.answer.fillers import find_hedges
from nextround.analysis.answer.lexicon import Cue, cue_tables, lexicon, question_kind_cues
from nextround.analysis.answer.model import STAR_PARTS, STAR_THRESHOLD, StarSentences
from nextround.analysis.text import normalise, words

_ADVERBS = (
    r"(?: (?:then|also|first|just|quickly|immediately|personally|still|finally|eventually|soon|always|"
    r"actually|instead|later|really|never|both|all|together|each|since|already|\w+ly))*"
)
ACTION_PAST_RE: Final = re.compile(rf"\b(i|we){_ADVERBS} ([a-z]+)\b")
_ACTION_PERFECT_RE: Final = re.compile(rf"\b(i've|i have|we've|we have){_ADVERBS} ([a-z]+)\b")
ACTION_HYPOTHETICAL_RE: Final = re.compile(
    rf"\b(i would|i'd|i will|i'll|i am going to|i'm going to){_ADVERBS} ([a-z]+)\b"
)
# "when I joined", "after I left", "which I took as": a clause that dates or describes, not an action.
_TEMPORAL_CLAUSE_RE: Final = re.compile(
    r"\b(when|while|until|since|once|if|as soon as|before|after|which|that|who|whom|where)\s*$"
)
_PARTICIPLES: Final = frozenset(
    [
        "built",
        "made",
        "taken",
        "done",
        "set",
        "run",
        "led",
        "written",
        "given",
        "kept",
        "found",
        "brought",
        "taught",
        "spoken",
        "sent",
        "put",
        "spent",
        "shown",
        "chosen",
        "begun",
    ]
)
_HYPOTHETICAL_RESULT_RE: Final = re.compile(
    r"\b(that way|this way|so that|which would|this would|that would|it would|would mean|would help|"
    r"ensures?|the outcome|i'd know|i would know|so (nobody|no one|everyone|both))\b|"
    r"\b(leaves?|feels?|is|are|stays?|goes away) (happy|satisfied|reassured|safe|heard|informed|on track)\b"
)

# --------------------------------------------------------------------------------------------------
# Numbers: a result counts as quantified when it carries a measurement, not a year or a clock time.
# --------------------------------------------------------------------------------------------------

CLOCK_RE: Final = re.compile(
    r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:[:.]\d\d)?\s?"
    r"(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|at night|in the (morning|afternoon|evening))"
)
_YEAR_RE: Final = re.compile(r"(?<![\d.,£$€])\b(19|20)\d\d\b(?![.,]?\d|%)")
_DIGIT_QUANTITY_RE: Final = re.compile(r"\d")


@lru_cache(maxsize=1)
def number_word_re() -> re.Pattern[str]:
    return re.compile(
        r"\b(" + lexicon().number_words_alternation + r")\b|\b(" + "|".join(sorted(lexicon().multiplier_words)) + r")\b"
    )


@lru_cache(maxsize=1)
def _past_marker_re() -> re.Pattern[str]:
    irregular = "|".join(sorted(lexicon().irregular_action_past))
    return re.compile(r"\b(was|were|had|wasn't|weren't|hadn't|kept|used to|\w{3,}ed|" + irregular + r")\b")


def has_quantity(lower_sentence: str) -> bool:
    """A measurement, not a year or a clock time: "20 complaints", "five minutes", "doubled"."""
    stripped = _YEAR_RE.sub(" ", CLOCK_RE.sub(" ", lower_sentence))
    return bool(_DIGIT_QUANTITY_RE.search(stripped) or number_word_re().search(stripped))


@dataclass(frozen=True)
class SentenceFeatures:
    index: int
    text: str
    lower: str
    word_count: int
    scores: Mapping[str, float]
    has_quantity: bool
    first_person_action: bool
    plural_action: bool
    hypothetical_only: bool  # its only actions are "I would …" / "I'd …"
    hedged: bool
    # the answer is about a way of working ("How do you make sure …?", not a story question): a step told there in the
    # present ("I check the permits first") is a step (session 15, :func:`.star_model.decide`)
    way_of_working: bool = False


def _cue_score(cues: Sequence[Cue], lower: str) -> float:
    # sum(weight for … if gate_passes(gate, lower) and pattern.search(lower)), added in the same order, with
    # the gate tested inline: a sentence meets every table's dozens of gates, and the calls cost more than the tests.
    total: float = 0
    for pattern, weight, gate in cues:
        if gate is None:
            if pattern.search(lower):
                total += weight
            continue
        for part in gate:
            if part in lower:
                if pattern.search(lower):
                    total += weight
                break
    return total


def _action_score(lower: str) -> tuple[float, bool, bool, bool]:
    """(score, has an "I" action, has a "we" action, all its actions are hypothetical)."""
    lex = lexicon()
    singular = plural = hypothetical = False
    for match in ACTION_PAST_RE.finditer(lower):
        verb = match.group(2)
        if _TEMPORAL_CLAUSE_RE.search(lower[: match.start()]):
            continue
        # "I used the logs to …" is a step; "I used to work nights" tells a habit of the past (session 14)
        step_use = verb == "used" and not re.match(r" to\b", lower[match.end() :])
        if (verb.endswith("ed") and verb not in lex.non_action_past) or verb in lex.irregular_action_past or step_use:
            if verb in ("worked", "work") and re.match(r" (as|at|in|for)\b", lower[match.end() :]):
                continue  # "I worked as a nurse" sets the scene
            singular |= match.group(1) == "i"
            plural |= match.group(1) == "we"
    for match in _ACTION_PERFECT_RE.finditer(lower):
        verb = match.group(2)
        if (verb.endswith("ed") and verb not in lex.non_action_past) or verb in _PARTICIPLES:
            singular |= match.group(1).startswith("i")
            plural |= match.group(1).startswith("we")
    factual = singular or plural
    for match in ACTION_HYPOTHETICAL_RE.finditer(lower):
        if match.group(2) not in lex.non_action_base:
            singular = hypothetical = True
    score = 3.0 if singular else 2.5 if plural else 0.0
    score += _cue_score(cue_tables()["action_extra"], lower)
    return score, singular, plural, hypothetical and not factual


_PRESENT_ACTION_RE: Final = re.compile(
    r"\b(i|we)(?: (?:always|usually|normally|first|then|also|just|\w+ly))* (?!am\b|have\b|had\b|was\b|think\b|"
    r"feel\b|guess\b|suppose\b|like\b|love\b|hope\b|know\b|mean\b|don't\b|do\b|can't\b|want\b|need\b|"
    r"believe\b|tend\b|would\b|will\b|could\b|should\b|might\b)[a-z]{3,}\b"
)


def way_of_working(question: str, question_type: str) -> bool:
    """The question asks how the speaker works ("How do you …?", "Describe how you work with …", table
    ``question_kind.habit`` of ``answer_cues.toml``) and is no story question."""
    if not question or question_type == "behavioural":
        return False
    return bool(question_kind_cues()["habit"].search(normalise(question).lower()))


def analyse_sentences(sentences: Sequence[str], question_type: str, question: str = "") -> list[SentenceFeatures]:
    """Score every sentence for each STAR part: cue weights plus what usually comes where in a story. ``question``
    tells whether the answer is about a way of working (:func:`way_of_working`)."""
    cues = cue_tables()
    way = way_of_working(question, question_type)
    analysed: list[SentenceFeatures] = []
    last = len(sentences) - 1
    hypothetical = question_type == "situational"
    previous_situation = seen_action = False
    for index, text in enumerate(sentences):
        lower = normalise(text).lower()
        action, singular, plural, hypothetical_only = _action_score(lower)
        if hypothetical and action < STAR_THRESHOLD and _PRESENT_ACTION_RE.search(lower):
            # "First I listen, then I check the order": present-tense steps answer a "how would you" question
            action, singular, hypothetical_only = 3.0, True, True
        task = _cue_score(cues["task"], lower)
        result = _cue_score(cues["result"], lower)
        situation = _cue_score(cues["situation"], lower)
        quantity = has_quantity(lower)
        if quantity and (result > 0 or seen_action):
            result += 1.0  # a number after the actions is usually what they achieved
        if _HYPOTHETICAL_RESULT_RE.search(lower):
            result += 2.0 if hypothetical else 1.0
        if index == 0:
            situation += 1.0
            result -= 1.0  # an opening sentence sets things up; outcomes come later
            if situation >= 3.0:
                action -= 1.5  # "Last year I processed a payment run…" dates the story more than it acts
        elif index == last and index >= 2:
            result += 1.0
        if singular or plural:
            situation -= 1.0
        if seen_action:
            situation -= 1.0  # the scene is set before the actions, rarely after
            if result >= STAR_THRESHOLD:
                task -= 1.0
        elif (
            previous_situation
            and index <= 2
            and not (singular or plural)
            and max(result, task) < STAR_THRESHOLD
            and _past_marker_re().search(lower)
        ):
            situation += 2.0  # a follow-on sentence that keeps describing the scene
        scores = {"situation": situation, "task": task, "action": action, "result": result}
        previous_situation = situation >= STAR_THRESHOLD
        seen_action = seen_action or action >= STAR_THRESHOLD
        analysed.append(
            SentenceFeatures(
                index=index,
                text=text,
                lower=lower,
                word_count=len(words(lower)),
                scores=scores,
                has_quantity=quantity,
                first_person_action=singular,
                plural_action=plural,
                hypothetical_only=hypothetical_only,
                hedged=bool(find_hedges(lower)),
                way_of_working=way,
            )
        )
    return analysed


def star_from(analysed: Sequence[SentenceFeatures]) -> StarSentences:
    found: dict[str, tuple[int, ...]] = {}
    for part in STAR_PARTS:
        found[part] = tuple(s.index for s in analysed if s.scores[part] >= STAR_THRESHOLD)
    return StarSentences(found["situation"], found["task"], found["action"], found["result"])


# --------------------------------------------------------------------------------------------------
# Score
