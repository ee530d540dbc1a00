"""Working conditions and personal qualities: what a job says that no CV line proves or disproves.

A sentence only about when, where or for what pay someone works ("4am starts", "hybrid working") asks for
nothing; a personal quality ("patience") is listed but never scored.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib.resources import files
from typing import Final

from nextround.analysis.skillgaps.cues import CUES_RESOURCE, load_cues

_CLOCK: Final = re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:am|pm)\b", re.IGNORECASE)
_FILLER: Final = frozenset(
    ["a", "an", "the", "and", "or", "of", "on", "in", "at", "to", "for", "with", "by", "you", "we"],
)
_NOT_ASKED: Final = re.compile(
    r"\bno (?:previous |prior |formal )?(?:experience|qualifications?) (?:is )?(?:necessary|needed|required)\b"
    r"|\b(?:full )?training (?:will be |is )?(?:provided|given)\b|\bwe will train\b",
    re.IGNORECASE,
)
_SCREENING: Final = re.compile(
    r"\bpass(?:ing)?\s+(?:a|an|the)?\s*(?:\w+\s+)?(?:background|criminal|drug|credit|pre-employment|medical|security)\b"
    r"|\b(?:able|ability)\s+to\s+(?:stand|sit|walk|kneel|bend)\b",
    re.IGNORECASE,
)  # "Must be able to pass a background check and drug screen", "Ability to stand for long periods"
_ABLE_TO_WORK: Final = re.compile(
    r"\b(?:able|ability|willing|available|prepared)\s+to\s+(?:work|lift|stand|carry|walk|climb)\b", re.IGNORECASE
)

# A condition word that is part of a skill's name or a measure of practice, not a working condition: "MS
# Office", "office supplies", "contract management", "1,500 hours total time", "a 16-hour first aid course",
# "40 hours of supervised practice"; and words that name a qualification or a skill ("Diploma in Travel")
_SKILL_TERMS: Final = re.compile(
    r"\b(?:MS|Microsoft|Google|Libre|Open|back|front|box|post|head|ticket|site|register|dental|medical|practice)\s+"
    r"office\b|\boffice\s+(?:365|suite|software|applications?|administration|management|supplies|equipment"
    r"|procedures|skills|systems?|tools)\b|\bcontracts?\s+(?:management|law|administration|negotiation)\b"
    r"|\b\d{1,2}-hours?\s+(?=[a-z])|\b(?:\d{1,3},)?\d{3,}\s*\+?\s*hours?\b|\bhours?\s+of\s+(?:training|flight|flying"
    r"|supervised|clinical|practice|practical|teaching|CPD|experience|logged)\b|\b(?:flight|flying|total)\s+(?:hours|time)\b"
    r"|\btravel\s+(?:agency|industry|consultant|management|tourism|and tourism|insurance)\b"
    r"|\btourism\s*(?:/|and)\s*travel\b",
    re.IGNORECASE,
)
_YEARS_OF_DOING: Final = re.compile(
    r"\b(?:\d{1,2}|one|two|three|four|five|six|a)\+?\s*(?:years?|yrs?|months?)['’]?s?\s+(?:of\s+)?(?:\w+ing|as|in)\b",
    re.IGNORECASE,
)
_QUALIFICATION_WORDS: Final = re.compile(
    r"\b(?:diploma|course|literacy|literate|certified|certification|accredited|accreditation|first aid|apprenticeship"
    r"|CPR)\b",
    re.IGNORECASE,
)


def is_condition(sentence: str) -> bool:
    """Only about when, where or for what pay ("4am starts", "hybrid working", "free parking")."""
    cues = load_cues()
    sentence = _SKILL_TERMS.sub(" skill ", sentence)
    if _QUALIFICATION_WORDS.search(sentence) and not (_NOT_ASKED.search(sentence) or _SCREENING.search(sentence)):
        return False  # "Diploma in Tourism / Travel", "16-hour outdoor first aid"
    if _ABLE_TO_WORK.search(sentence) and cues.conditions.search(sentence):
        return True  # "Ability to work in extreme heat on rotating shifts"
    if _NOT_ASKED.search(sentence) or _SCREENING.search(sentence):
        return True  # "No experience necessary, full training provided": an offer, not an ask
    if cues.skill_words.search(sentence) or _YEARS_OF_DOING.search(sentence):
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
        joined = _quality_pattern(quality).sub(" ", joined)
    words = joined.split()
    content = [word for word in words if word not in {"a", "an", "the", "and", "of", "good", "great", "real"}]
    # "a pleasing personality", "a calm manner": a quality's head noun says nothing more
    return bool(content) and all(word in qualities or word in {"manner", "nature", "personality"} for word in content)


@lru_cache(maxsize=1024)
def _quality_pattern(quality: str) -> re.Pattern[str]:
    """One quality's pattern, compiled once: the same qualities are tried on every phrase."""
    return re.compile(rf"(?<![\w-]){re.escape(quality)}(?![\w-])")


def _phrases(items: list[str]) -> str:
    return "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def _eligibility() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = tomllib.loads(files("nextround.data").joinpath(CUES_RESOURCE).read_text(encoding="utf-8"))["eligibility"]
    willing, presence = _phrases(data["willing"]), _phrases(data["presence"])
    # what opens the ask: "willing to", or "able to" before a verb of presence ("able to attend", "travel")
    opening = (
        rf"(?:(?<![\w-])(?:{willing})\s+(?:be\s+)?"
        rf"|(?<![\w-])(?:able|ability|available|availability)\s+to\s+(?!attend\s+to\b)(?=(?:{presence})\b)"
        # "comfortable covering Mallow one day a week", "happy travelling to sites": ease before a presence
        rf"|(?<![\w-])(?:{_phrases(data['at_ease'])})\s+(?:with\s+)?(?=(?:{_phrases(data['presence_ing'])})\b))"
    )
    return (
        re.compile(rf"(?<![\w-])(?:{_phrases([*data['status'], *data['health']])})(?![\w-])", re.IGNORECASE),
        re.compile(rf"(?<![\w-])(?:{_phrases(data['obtain'])})(?![\w-])", re.IGNORECASE),
        re.compile(opening, re.IGNORECASE),
    )


# a credential asked beside the status ("Australian citizen with a current Baseline security clearance")
_HELD_CREDENTIAL: Final = re.compile(
    r"\b(?:licen[cs]e\w*|clearance|certificat\w*|registration|registered|card|ticket|endorsement)\b", re.IGNORECASE
)
_NO_NAME: Final = frozenset(["or", "and", "be", "a", "an", "the", "must", "you", "are", "is", "have", "hold", "one"])


def is_eligibility(phrase: str, sentence: str = "") -> bool:
    """A condition of eligibility rather than a skill to show: who may be hired ("Singapore Citizens, PRs or hold
    a valid Employment Pass"), being eligible for a credential ("eligible to obtain a security licence"), a health
    check ("Physically fit"), or a willingness or presence asked ("be willing to take regular blood lead tests",
    "able to attend evening meetings"). A credential asked beside it stays an ask: "Class A CDL (or be able to
    obtain one before May)" is a CDL the CV may lack. `sentence` is where the phrase was read."""
    status, obtain, opening = _eligibility()
    if _AGE_LIMIT.match(phrase):
        return True  # "Age 20 - 55 years", "aged between 21 and 35": who may be hired
    found = status.search(phrase)
    if found:
        return not _HELD_CREDENTIAL.search(phrase[: found.start()] + " " + phrase[found.end() :])
    found = obtain.search(phrase)
    if found:
        before = re.findall(r"[^\W\d_]{2,}", phrase[: found.start()].lower())
        return all(word in _NO_NAME for word in before)
    at = sentence.find(phrase) if sentence else -1
    written = sentence[max(0, at - 60) : at + len(phrase)] if at >= 0 else phrase
    start = len(written) - len(phrase)
    # "be happy to work nights and travel around the region": a verb joined to the one the willingness opens
    return any(
        found.end() >= start - 1 or _JOINED_VERB.fullmatch(written[found.end() : start]) is not None
        for found in opening.finditer(written)
    )


# an age limit as the whole ask ("Age 20 - 55 years", "Aged 25-40", "Between 21 and 35 years of age", "Not older
# than 45 years"), not an age of the people served ("working with children aged 3-6")
_AGE_LIMIT: Final = re.compile(
    r"\W*(?:(?:applicants?|candidates?)\s+(?:must|should)\s+be\s+|be\s+)?"
    r"(?:(?:age|aged|age\s+limit|age\s+range)\b[\s:]*(?:between\s+|from\s+|of\s+|under\s+|below\s+)?\d{2}\b"
    r"|(?:between|under|below|over|not\s+(?:more|older)\s+than)\s+\d{2}\b.{0,20}\byears?\s+(?:of\s+age|old)\b)",
    re.IGNORECASE,
)
_JOINED_VERB: Final = re.compile(r"[a-z][\w' -]{0,30}?\s+(?:and|or)\s+", re.IGNORECASE)
