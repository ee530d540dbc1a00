"""Working conditions and personal qualities: what a job says that no CV line proves or disproves.

A sentence only about when, where or for what pay someone works ("4am starts", "hybrid working") asks for
nothing; a personal quality ("patience") is listed but never scored.
"""

from __future__ import annotations

import re
from typing import Final

from nextround.analysis.skillgaps.cues import load_cues

_CLOCK: Final = re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:am|pm)\b", re.IGNORECASE)
_FILLER: Final = frozenset(
    ["a", "an", "the", "and", "or", "of", "on", "in", "at", "to", "for", "with", "by", "you", "we"],
)
_NOT_ASKED: Final = re.compile(
    r"\bno (?:previous |prior |formal )?(?:experience|qualifications?) (?:is )?(?:necessary|needed|required)\b"
    r"|\b(?:full )?training (?:will be |is )?(?:provided|given)\b|\bwe will train\b",
    re.IGNORECASE,
)
_JOB_FIELD: Final = re.compile(r"^(?:role|position|job title|title)\s*:\s*(?:[A-Z][\w&/-]*\s*){1,5}$", re.IGNORECASE)
_SCREENING: Final = re.compile(
    r"\bpass(?:ing)?\s+(?:a|an|the)?\s*(?:\w+\s+)?(?:background|criminal|drug|credit|pre-employment|medical|security)\b"
    r"|\b(?:able|ability)\s+to\s+(?:stand|sit|walk|kneel|bend)\b",
    re.IGNORECASE,
)  # "Must be able to pass a background check and drug screen", "Ability to stand for long periods"
_ABLE_TO_WORK: Final = re.compile(
    r"\b(?:able|ability|willing|available|prepared)\s+to\s+(?:work|lift|stand|carry|walk|climb)\b", re.IGNORECASE
)


def is_condition(sentence: str) -> bool:
    """Only about when, where or for what pay ("4am starts", "hybrid working", "free parking")."""
    cues = load_cues()
    if _ABLE_TO_WORK.search(sentence) and cues.conditions.search(sentence):
        return True  # "Ability to work in extreme heat on rotating shifts"
    if _NOT_ASKED.search(sentence) or _SCREENING.search(sentence):
        return True  # "No experience necessary, full training provided": an offer, not an ask
    if cues.skill_words.search(sentence):
        return False
    if _CLOCK.search(sentence):
        return True
    # mostly about conditions: "free parking", "early finish on Fridays"; not "Paid social on Meta Ads
    # Manager" or "teach phonics and early reading", where one such word sits among the skill's words
    words = re.findall(r"[a-z£$€][\w'-]*", sentence.lower())
    content = [word for word in words if word not in _FILLER]
    conditions = sum(len(found.group(0).split()) for found in cues.conditions.finditer(sentence))
    return conditions > 0 and conditions * 4 >= len(content)


def is_quality(phrase: str) -> bool:
    words = re.sub(r"[^\w\s'-]", " ", phrase.lower()).split()
    if words and words[0] == "learn":
        return True  # "(the ability to) learn safety-critical rules": an aptitude, not something a CV shows
    qualities = load_cues().qualities
    if not words:
        return False
    joined = " ".join(words)
    if joined in qualities:
        return True
    # "Patience, kindness and a good sense of humour": the several-word qualities go first
    for quality in sorted((q for q in qualities if " " in q), key=len, reverse=True):
        joined = re.sub(rf"(?<![\w-]){re.escape(quality)}(?![\w-])", " ", joined)
    words = joined.split()
    content = [word for word in words if word not in {"a", "an", "the", "and", "of", "good", "great", "real"}]
    return bool(content) and all(word in qualities or word in {"manner", "nature"} for word in content)
