"""The learned evidence decision: whether a requirement the job asks is a gap in the CV.

The rules of :mod:`evidence` give each requirement a verdict and the signals behind it (the closest clause by
meaning, the share of words, the word-by-word cover, names, levels, licences, years). Thresholds set by hand
on those signals did not carry to new writers: a loosely related CV word counted as evidence, and paraphrases
the thresholds missed became false gaps. Here the signals are features of a small logistic regression trained
on many (requirement, CV) items of the seen job/CV pairs, by ``scripts/train_skill_evidence.py``
(``data/skill_evidence_model.json``; ``--check`` rebuilds it exactly). The exact checks where exactness is the
point (a licence category, a qualification level, a degree, a score) still decide on their own.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Final

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps import exact
from nextround.analysis.skillgaps.cues import load_glossary
from nextround.analysis.skillgaps.evidence import (
    MEANING_MET,
    SOFT_MET,
    WORDS_MET,
    CvView,
    Evidence,
    _best_clause,
    content_words,
    encode,
    forms,
    soft_recall,
    specificity,
)

if TYPE_CHECKING:
    from nextround.analysis.skillgaps.requirements import Requirement

MODEL_FILE: Final = "skill_evidence_model.json"
# Verdicts that are exact: the rule decides, the model is not asked
HARD: Final = frozenset(["licence", "level", "degree", "language"])
_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")
_UNFINISHED: Final = re.compile(
    r"\b(?:in progress|ongoing|currently (?:studying|completing|enrolled|working towards)|working towards|"
    r"upgrading to|expected|pending|awaiting|due to complete|to be completed|not yet|trainee|in training)\b",
    re.IGNORECASE,
)
_SKILLS_LINE: Final = re.compile(
    r"^\s*(?:[A-Za-z ]{0,30})?(?:skills?|tools|software|systems|languages?|certifications?|licen[cs]es?|"
    r"training|qualifications?|competenc(?:y|ies)|courses?|tickets?)\s*[:|-]",
    re.IGNORECASE,
)
# verdicts grouped by what decided them
_HOW_GROUPS: Final = {
    "meaning": "meaning",
    "words": "words",
    "name": "name",
    "none": "none",
    "taxonomy": "taxonomy",
    "leading": "leading",
    "role": "role",
    "years": "years",
}

FEATURES: Final = (
    "bias",
    "rule_met",  # the rules' verdict
    "rule_confidence_signed",  # their confidence, + when met, - when a gap
    "how_meaning",
    "how_words",
    "how_name",
    "how_none",
    "how_taxonomy",
    "how_leading",
    "how_years",
    "cosine",  # best clause cosine, over the requirement's forms
    "word_share",  # best share of the phrase's content stems in one clause
    "soft",  # word-by-word cover of the best clause
    "cv_cover",  # the phrase's stems found anywhere in the CV, weighted by how specific each is
    "rare_absent",  # the most specific phrase word the CV lacks (its specificity / 10)
    "rare_absent_near",  # how close the CV's closest word comes to that word
    "named",  # the phrase names something (a product, code, initials)
    "named_absent",  # share of those names the CV does not write
    "content_words",  # log of the number of content words
    "clause_role_line",  # the closest CV clause is a dated role line
    "clause_skills_line",  # ... a skills, tools or certifications line
    "years_asked",
    "years_short",  # years asked but the CV's dated roles fall short (0..1)
    "glossary",  # the phrase uses a term of art the glossary explains
    "taxonomy_named",  # the phrase has a taxonomy name and the CV shows that skill
    "duty_verb",  # the phrase opens on a verb of work ("Prepare weekly reports")
    "long_phrase",  # the phrase is most of a long sentence (a whole bullet, not a skill)
    "section_duties",  # read from a list of duties ("What you'll do"), not of requirements
    "section_unknown",  # from a list under a heading of no known kind
    "section_prose",  # from a sentence of prose that says it is a must
    "cosine_met",  # the hand-set thresholds of the rules, as features: cosine >= 0.62
    "soft_met",  # word-by-word cover >= 0.24
    "share_met",  # word share >= 0.75
    "clause_unfinished",  # the closest CV line says it is not held yet ("in progress", "working towards")
    "clause_uncovered",  # the most specific phrase word the closest clause lacks (its specificity / 10)
    "alternatives",  # the job accepts any of several things ("Zendesk or Freshdesk")
)


@dataclass(frozen=True)
class Model:
    weights: tuple[float, ...]
    threshold: float


@lru_cache(maxsize=1)
def load_model() -> Model | None:
    resource = files("nextround.data").joinpath(MODEL_FILE)
    if not resource.is_file():
        return None
    data = json.loads(resource.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        return None  # a file from another version of the features: the rules decide
    return Model(tuple(float(w) for w in data["weights"]), float(data["threshold"]))


def probability(values: Sequence[float], model: Model) -> float:
    score = sum(weight * value for weight, value in zip(model.weights, values, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


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
    years_shown: float | None = None,
    skill_shown: bool = False,
) -> list[float]:
    """The feature values, in FEATURES order, of one requirement against one CV."""
    cosine = share = soft = 0.0
    clause_sentence = evidence.cv_text or ""
    best_index = -1
    for phrase in forms(requirement):
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
    rare_near = 0.0
    if absent and cv.word_vectors is not None and cv.words:
        rare_word = next((word for word in words if content_stems(word) == (max(absent)[1],)), None)
        if rare_word is not None:
            encoded = encode([rare_word])
            if encoded is not None:
                from nextround.analysis.vectors import dot_rows

                rare_near = max(dot_rows(cv.word_vectors, encoded.row(0)), default=0.0)
    named = exact.named_tokens(text, requirement.sentence)
    named_absent = sum(1 for spellings in named if not cv.names.names_any(spellings)) / len(named) if named else 0.0
    how = _HOW_GROUPS.get(evidence.how, "")
    asked = requirement.years or 0.0
    short = 0.0
    if asked and years_shown is not None and years_shown < asked:
        short = 1.0 - years_shown / asked
    sentence_words = len(requirement.sentence.split()) or 1
    first = text.split()[0].lower() if text.split() else ""
    glossary = load_glossary()
    sign = 1.0 if evidence.met else -1.0  # a verdict by each kind of check: +1 met, -1 a gap
    return [
        1.0,
        float(evidence.met),
        evidence.confidence if evidence.met else -evidence.confidence,
        sign * (how == "meaning"),
        sign * (how == "words"),
        sign * (how == "name"),
        sign * (how == "none"),
        sign * (how == "taxonomy"),
        sign * (how == "leading"),
        sign * (how == "years"),
        cosine,
        share,
        soft,
        cover,
        rare_absent,
        rare_near,
        float(bool(named)),
        named_absent,
        math.log1p(len(words)),
        float(bool(_YEAR.search(clause_sentence))),
        float(bool(_SKILLS_LINE.search(clause_sentence)) or clause_sentence.count(",") >= 3),
        float(bool(asked)),
        short,
        float(bool(glossary.pattern and glossary.pattern.search(text))),
        float(skill_shown),
        float(first in _verbs()),
        float(len(text.split()) >= 8 and len(text.split()) / sentence_words >= 0.6),
        float(requirement.section == "duties"),
        float(requirement.section == "unknown"),
        float(requirement.section == "prose"),
        float(cosine >= MEANING_MET),
        float(soft >= SOFT_MET),
        float(share >= WORDS_MET),
        float(bool(_UNFINISHED.search(clause_sentence))),
        uncovered,
        float(len(requirement.alternatives) > 1),
    ]
