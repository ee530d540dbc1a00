"""The learned evidence decision: whether a requirement the job asks is a gap in the CV.

The rules of :mod:`evidence` give each requirement a verdict and the signals behind it (the closest clause by
meaning, the share of words, the word-by-word cover, names, levels, licences, years). Thresholds set by hand
on those signals did not carry to new writers: a loosely related CV word counted as evidence, and paraphrases
the thresholds missed became false gaps. Here the signals are features of a small logistic regression trained
on many (requirement, CV) items of the seen job/CV pairs, by ``scripts/train_skill_evidence.py``
(``data/skill_evidence_model.json``; ``--check`` rebuilds it exactly). The exact checks where exactness is the
point (a licence category, a qualification level or score, a degree, the years of dated roles) still decide
on their own.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from itertools import pairwise
from typing import TYPE_CHECKING, Final

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps import exact
from nextround.analysis.skillgaps.absent_names import names_that_count, shown_otherwise
from nextround.analysis.skillgaps.cues import load_glossary
from nextround.analysis.skillgaps.evidence import (
    MEANING_MET,
    SOFT_MET,
    WORDS_MET,
    CvView,
    Evidence,
    _acronym_of,
    _best_clause,
    _taxonomy_shows,
    content_words,
    encode,
    forms,
    soft_recall,
    specificity,
)
from nextround.analysis.skillgaps.nearmiss import near_misses
from nextround.analysis.skillgaps.places import asked_names
from nextround.analysis.skillgaps.slots import another_value
from nextround.analysis.vectors import dot, dot_rows

if TYPE_CHECKING:
    from nextround.analysis.skillgaps.requirements import Requirement

MODEL_FILE: Final = "skill_evidence_model.json"
# Verdicts that are exact, or read a frame both ways: the rule decides, the model is not asked (nor when
# `Evidence.exact` says a product the job names is not in the CV)
HARD: Final = frozenset(["licence", "level", "degree", "language", "years", "role", "leading"])
_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")
# A CV line that holds a thing only in part: second hand (assisting, shadowing, under supervision, a placement),
# not yet or no longer (studying, booked, pending, expired), or only a taste of it (a course, module, basics).
# Alone these words were too weak a sign (session 8); beside an ask for a credential they say "not held".
_PARTLY: Final = re.compile(
    r"\b(?:assist(?:ed|ing)?|shadow(?:ed|ing)?|under supervision|supervised by|observ(?:ed|ing)|helped|"
    r"help(?:ing)? (?:the|with)|support(?:ed|ing) (?:the|a)|co-led|exposure|familiar(?:ity)?|introduct(?:ion|ory)|"
    r"basic|module|course|studying|student|trainee|apprentice|training in|booked|pending|submitted|scheduled|"
    r"in progress|working towards|expired|lapsed|referred|awareness|observation|placement|volunteer(?:ed)?|some)\b",
    re.IGNORECASE,
)
_CREDENTIAL: Final = re.compile(
    r"\b(?:licen[cs]e|certific|diploma|degree|registration|registered|accredit|qualif|member|card|permit|ticket|"
    r"credential)",
    re.IGNORECASE,
)
_SKILLS_LINE: Final = re.compile(
    r"^\s*(?:[A-Za-z ]{0,30})?(?:skills?|tools|software|systems|languages?|certifications?|licen[cs]es?|"
    r"training|qualifications?|competenc(?:y|ies)|courses?|tickets?)\s*[:|-]",
    re.IGNORECASE,
)
FEATURES: Final = (
    "bias",
    "rule_met",  # the rules' verdict (their thresholds and checks)
    # the verdicts of checks that are not thresholds on similarity: +1 met, -1 a gap, 0 not applied
    "name_check",  # named things: a product, code or initials the CV must write
    "acronym",  # the CV writes the phrase as initials ("SCR" for single central record)
    "glossary_met",  # the glossary's plain words for a term of art are shown by a clause
    "taxonomy_shows",  # the CV shows the taxonomy skill that stands for most of the phrase
    "taxonomy_named",  # the phrase has a taxonomy name and the CV shows that skill
    # similarity of the phrase and the CV, best over the requirement's forms
    "cosine",  # best clause cosine
    "word_share",  # best share of the phrase's content stems in one clause
    "soft",  # word-by-word cover of the best clause
    "cosine_met",  # the rules' hand-set thresholds, as features: cosine >= 0.62
    "soft_met",  # word-by-word cover >= 0.24
    "share_met",  # word share >= 0.75
    "cv_cover",  # the phrase's stems found anywhere in the CV, weighted by how specific each is
    "rare_absent",  # the most specific phrase word the CV lacks (its specificity / 10)
    "rare_absent_near",  # how close the CV's closest word comes to that word
    "clause_uncovered",  # the most specific phrase word the closest clause lacks (its specificity / 10)
    "modifier_absent",  # the CV has the head but not the word that says which kind ("airless" spraying)
    "near_miss",  # ... and has another word in its place ("scissor" lift for boom lift: see nearmiss)
    "near_miss_number",  # ... a smaller number in place of the one asked ("10 bbl" for 15, "Code 08" for 10)
    "another_value",  # the evidence line writes the ask's "Type", "Edition", "Level" with another value (see slots)
    # the closest CV line
    "clause_role_line",  # a dated role line
    "clause_skills_line",  # a skills, tools or certifications line
    "not_held",  # the CV line the rules point to says it is not held now ("expired 2024", "test booked")
    "distinct_support",  # how well that line covers the ask's words other than its best-matched one (see below)
    "second_hand_credential",  # the ask names a credential and that line holds it only partly ("course", "booked")
    # the requirement itself
    "named",  # it names something (a product, code, initials)
    "named_absent",  # share of those names the CV does not write
    "content_words",  # log of the number of content words
    "alternatives",  # the job accepts any of several things ("Zendesk or Freshdesk")
    "years_asked",
    "glossary",  # it uses a term of art the glossary explains
    "duty_verb",  # it opens on a verb of work ("Prepare weekly reports")
    "long_phrase",  # it is most of a long sentence (a whole bullet, not a skill)
    "section_duties",  # read from a list of duties ("What you'll do"), not of requirements
    "section_unknown",  # from a list under a heading of no known kind
    "section_prose",  # from a sentence of prose that says it is a must
)


# The gate: whether the phrase is something the job asks of the candidate at all (a requirement), from what
# the phrase is and where it stands, not from the CV. Writers of new job/CV pairs did not count a duty of
# "What you'll do" ("Report accidents", "Keep the dock clean") as a requirement.
GATE_FEATURES: Final = (
    "bias",
    "section_duties",
    "section_unknown",
    "section_prose",
    "duty_verb",
    "long_phrase",
    "content_words",
    "named",
    "alternatives",
    "years_asked",
    "glossary",
)
_GATE_COLUMNS: Final = tuple(FEATURES.index(name) for name in GATE_FEATURES)


@dataclass(frozen=True)
class Model:
    weights: tuple[float, ...]  # the evidence head: a requirement of the job is missing from the CV
    gate_weights: tuple[float, ...]  # the gate: the phrase is a requirement
    threshold: float  # a gap when P(requirement) x P(missing) reaches it
    # how often a gap an exact check reports was a gold gap in training, per kind of check: its confidence
    exact_gap_confidence: Mapping[str, float] = field(default_factory=dict)
    exact_gap_prior: float = 0.5  # ... for a kind the training pairs never met
    # a learned gap after the pair's first FIRST_GAPS gaps is reported only when P(gap) reaches this (see kept_gaps);
    # a model file without it leaves every gap at `threshold`
    crowded_threshold: float = 0.0

    def exact_confidence(self, how: str) -> float:
        return self.exact_gap_confidence.get(how, self.exact_gap_prior)


@dataclass(frozen=True)
class Assessment:
    asked: float  # probability that the phrase is a requirement of the job
    missing: float  # probability that the CV does not show it, if it is one

    @property
    def gap(self) -> float:
        return self.asked * self.missing


@lru_cache(maxsize=1)
def load_model() -> Model | None:
    resource = files("nextround.data").joinpath(MODEL_FILE)
    if not resource.is_file():
        return None
    data = json.loads(resource.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES or tuple(data["gate_features"]) != GATE_FEATURES:
        return None  # a file from another version of the features: the rules decide
    return Model(
        tuple(float(w) for w in data["weights"]),
        tuple(float(w) for w in data["gate_weights"]),
        float(data["threshold"]),
        {str(how): float(value) for how, value in data.get("exact_gap_confidence", {}).items()},
        float(data.get("exact_gap_prior", 0.5)),
        float(data.get("crowded_threshold", 0.0)),
    )


# Writers of the job/CV pairs mark one or two gaps a pair (1,239 of the 1,262 seen pairs with a gap, session 23),
# and a third gap the head reports was right fewer than one time in three (41 of 141, each file decided by a model that
# never saw it): past the first two, a learned gap needs stronger evidence. Exact checks' gaps count first, never cut.
FIRST_GAPS: Final = 2


def kept_gaps(gaps: Sequence[float], exact_gaps: int, threshold: float, crowded: float) -> list[bool]:
    """Which learned gaps of one job/CV pair are reported, given each requirement's P(gap) (`gaps`, in the ad's
    order) and the number of gaps exact checks report: those at `threshold`, most likely first, while the pair has
    fewer than FIRST_GAPS gaps; after that only those that also reach `crowded`."""
    order = sorted((index for index, gap in enumerate(gaps) if gap >= threshold), key=lambda index: -gaps[index])
    kept = [False] * len(gaps)
    for rank, index in enumerate(order, start=exact_gaps):
        kept[index] = rank < FIRST_GAPS or gaps[index] >= crowded
    return kept


def _logistic(weights: Sequence[float], values: Sequence[float]) -> float:
    score = sum(weight * value for weight, value in zip(weights, values, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def assess(values: Sequence[float], model: Model) -> Assessment:
    """Both heads on one requirement's features (FEATURES order)."""
    gate = [values[column] for column in _GATE_COLUMNS]
    return Assessment(_logistic(model.gate_weights, gate), _logistic(model.weights, values))


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    from nextround.analysis.skillgaps.requirements import duty_verbs

    return duty_verbs()


def _stems_anywhere(cv: CvView) -> frozenset[str]:
    return frozenset().union(*cv.stems) if cv.stems else frozenset()


def features(
    cv: CvView,
    requirement: Requirement,
    evidence: Evidence,
    vectors: Mapping[str, list[float]],
    skill_shown: bool = False,
) -> list[float]:
    """The feature values, in FEATURES order, of one requirement against one CV."""
    cosine = share = soft = 0.0
    clause_sentence = evidence.cv_text or ""
    best_index = -1
    acronym = glossary_met = taxonomy = False
    for phrase in forms(requirement):
        acronym = acronym or _acronym_of(cv, phrase) is not None
        taxonomy = taxonomy or _taxonomy_shows(cv, phrase)
        glossary_met = glossary_met or _glossary_shows(cv, phrase)
        form_cosine, form_share, index = _best_clause(cv, phrase, vectors.get(phrase))
        form_soft, _ = soft_recall(cv, phrase)
        if best_index < 0 or form_cosine + form_share > cosine + share:
            best_index = index
        cosine, share, soft = max(cosine, form_cosine), max(share, form_share), max(soft, form_soft)
    text = requirement.text
    words = content_words(text)
    stems = list(dict.fromkeys(content_stems(text)))
    anywhere = _stems_anywhere(cv)
    weights = {stem: specificity(stem) for stem in stems}
    total = sum(weights.values()) or 1.0
    cover = sum(weight for stem, weight in weights.items() if stem in anywhere) / total if stems else 0.0
    absent = [(weights[stem], stem) for stem in stems if stem not in anywhere]
    in_clause = cv.stems[best_index] if best_index >= 0 else frozenset()
    uncovered = max((weights[stem] for stem in stems if stem not in in_clause), default=0.0) / 10
    rare_absent = max(absent)[0] / 10 if absent else 0.0
    sequence = [content_stems(word) for word in words]
    modifier_absent = any(
        left and right and left[0] not in anywhere and right[0] in anywhere for left, right in pairwise(sequence)
    )
    misses = near_misses(cv.text, text, evidence.cv_text or "")
    rare_near = 0.0
    if absent and cv.word_vectors is not None and cv.words:
        rare_word = next((word for word in words if content_stems(word) == (max(absent)[1],)), None)
        if rare_word is not None:
            encoded = encode([rare_word])
            if encoded is not None:
                rare_near = max(dot_rows(cv.word_vectors, encoded.row(0)), default=0.0)
    named = names_that_count(text, asked_names(text, requirement))
    named_absent = (
        sum(
            1
            for spellings in named
            if not cv.names.names_any(spellings) and not shown_otherwise(spellings[0], text, cv.names)
        )
        / len(named)
        if named
        else 0.0
    )
    verdict = 1.0 if evidence.met else -1.0
    asked = requirement.years or 0.0
    sentence_words = len(requirement.sentence.split()) or 1
    first = text.split()[0].lower() if text.split() else ""
    glossary = load_glossary()
    return [
        1.0,
        float(evidence.met),
        verdict * (evidence.how == "name"),
        float(acronym),
        float(glossary_met),
        float(taxonomy),
        float(skill_shown),
        cosine,
        share,
        soft,
        float(cosine >= MEANING_MET),
        float(soft >= SOFT_MET),
        float(share >= WORDS_MET),
        cover,
        rare_absent,
        rare_near,
        uncovered,
        float(modifier_absent),
        float(any(not miss.number for miss in misses)),
        float(any(miss.number for miss in misses)),
        float(another_value(text, clause_sentence)),
        float(bool(_YEAR.search(clause_sentence))),
        float(bool(_SKILLS_LINE.search(clause_sentence)) or clause_sentence.count(",") >= 3),
        float(exact.not_held(clause_sentence, cv.reference_year, text)),
        distinct_support(cv, words, clause_sentence),
        float(bool(_CREDENTIAL.search(text)) and bool(_PARTLY.search(clause_sentence))),
        float(bool(named)),
        named_absent,
        math.log1p(len(words)),
        float(len(requirement.alternatives) > 1),
        float(bool(asked)),
        float(bool(glossary.pattern and glossary.pattern.search(text))),
        float(first in _verbs()),
        float(len(text.split()) >= 8 and len(text.split()) / sentence_words >= 0.6),
        float(requirement.section == "duties"),
        float(requirement.section == "unknown"),
        float(requirement.section == "prose"),
    ]


def distinct_support(cv: CvView, words: Sequence[str], line: str) -> float:
    """How well the CV line the evidence rests on covers what makes the ask specific: for each content word of
    the ask but the one the line matches best (its head: "echocardiography" in "Independent transthoracic
    echocardiography"), its closest word on the line, averaged by how specific each word is. A line that shares
    only the head ("Transthoracic echo") is a near miss; a paraphrase covers the other words too."""
    if not words or not line or cv.word_vectors is None:
        return 0.0
    asked = encode(list(words))
    if asked is None:
        return 0.0
    rows = [cv.words[word] for word in content_words(line) if word in cv.words]
    closest = [max((near[row] for row in rows), default=0.0) for near in dot(asked, cv.word_vectors)]
    if len(closest) == 1:
        return closest[0]
    head = max(range(len(closest)), key=closest.__getitem__)
    weights = [specificity(word) for index, word in enumerate(words) if index != head]
    rest = [near for index, near in enumerate(closest) if index != head]
    return sum(weight * near for weight, near in zip(weights, rest, strict=True)) / (sum(weights) or 1.0)


def _glossary_shows(cv: CvView, phrase: str) -> bool:
    """A clause shows the glossary's plain words for a term of art the phrase uses."""
    for plain in load_glossary().gloss(phrase):
        vectors = encode([plain])
        cosine, share, _ = _best_clause(cv, plain, vectors.row(0) if vectors is not None else None)
        if cosine >= MEANING_MET or share >= WORDS_MET or soft_recall(cv, plain)[0] >= SOFT_MET:
            return True
    return False
