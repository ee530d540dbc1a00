"""Whether a requirement phrase names something a person would call a skill.

The last gate before a gap is reported. Reading a job ad can leave pieces that are not asks at all: a bare
verb ("Prepare"), a lone generic word ("control", "timelines"), half of a bracket ("30%)"), the tail of an
alternative ("(Agriculture) or M.Sc"). Such a phrase is not reported as a gap; it is listed as unclear.
A phrase passes when it names something: a content noun phrase, a verb with its object, or a name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

_WORDS: Final = re.compile(r"[A-Za-z][A-Za-z0-9'+&.-]*|\d[\w.,%+/-]*")
_NUMBER: Final = re.compile(r"^(?:\d[\d.,/-]*\+?%?|%)$")
_CONNECTIVES: Final = frozenset(["or", "and", "&", "of", "with", "to", "in", "for", "by", "as", "on", "at", "from"])
_FILLER: Final = frozenset(
    ["a", "an", "the", "and", "or", "of", "on", "in", "at", "to", "for", "with", "by", "as", "from", "your", "our",
     "their", "its", "this", "that", "these", "those", "be", "is", "are", "all", "any", "some", "other", "own",
     "e.g", "i.e", "etc", "eg", "ie", "min", "max", "least", "at", "plus", "&"],
)  # fmt: skip
# A word in more than this share of the taxonomy's labels ("control", "management", "equipment") is a head
# or a verb of many skills and names none of them by itself
_GENERAL_SHARE: Final = 0.007
# What every job has and no trade owns: alone, these say how work goes, not what it is
_EVERY_JOB: Final = frozenset(
    ["task", "tasks", "duty", "duties", "deadline", "deadlines", "timeline", "timelines", "target", "targets", "goal",
     "goals", "objective", "objectives", "priority", "priorities", "result", "results", "outcome", "outcomes",
     "requirement", "requirements", "responsibility", "responsibilities", "standard", "standards", "procedure",
     "procedures", "process", "processes", "policy", "policies", "activity", "activities", "operation", "operations",
     "issue", "issues", "problem", "problems", "matter", "matters", "detail", "details", "item", "items", "work",
     "workload", "schedule", "schedules", "time", "accuracy", "quality", "performance", "efficiency", "budget",
     "budgets", "cost", "costs", "output", "volume", "volumes", "level", "levels", "thing", "things", "area", "areas"],
)  # fmt: skip


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _is_name(word: str) -> bool:
    """A product, code or initials: "HACCP", "Xero", "GA4", "B.Sc" (not a capital at the phrase's start)."""
    from nextround.analysis.skillgaps.exact import is_ordinary

    if any(char.isdigit() for char in word) and any(char.isalpha() for char in word):
        return True
    if sum(char.isupper() for char in word) >= 2 or "." in word.strip("."):
        return True
    return word[:1].isupper() and not is_ordinary(word)


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    from nextround.analysis.skillgaps.requirements import duty_verbs

    return duty_verbs()


def _lone_word_ok(word: str) -> bool:
    """One content word stands as a requirement when it is a name, a skill the taxonomy knows ("welding",
    "bookkeeping", "viennoiserie"), or a field of activity that is not everyone's ("marketing",
    "compliance"); a bare verb ("Prepare") or a word of every kind of work ("control", "timelines") is not."""
    from nextround.analysis.skillgaps.evidence import _label_counts
    from nextround.analysis.skills import extract_skills

    if _is_name(word):
        return True
    lowered = word.lower()
    if lowered in _verbs():
        return False
    counts, total = _label_counts()
    if counts.get(lowered, 0) > _GENERAL_SHARE * total:
        return False
    if extract_skills(word) or extract_skills(lowered):
        return True  # "Sage", "welding"; checked after the general words: the taxonomy has "Control" too
    return lowered not in _EVERY_JOB  # "kebabs", "pensions", "balayage": a thing of one trade


@lru_cache(maxsize=4096)
def well_formed(phrase: str) -> bool:
    """Whether `phrase` can be reported as a gap: balanced brackets, not opening or closing on a connective
    or a stray bracket, not a number or percentage with at most one word, and not one lone generic word."""
    text = phrase.strip()
    if not text or not _balanced(text):
        return False
    if text.startswith("(") and not text.endswith(")"):
        return False  # "(Agriculture) or M.Sc": the tail of an alternative
    words = _WORDS.findall(re.sub(r"\([^()]*\)", " ", text)) or _WORDS.findall(text)
    if not words:
        return False
    if words[0].lower() in _CONNECTIVES - {"to"}:
        return False  # "or M.Sc", "and timelines": the tail of a list or an alternative
    content = [word for word in words if word.lower().strip(".") not in _FILLER and not _NUMBER.match(word)]
    if not content:
        return False  # "30%", "2-3"
    if "%" in text and len(content) <= 1:
        return False  # "30% of", "reduce 20%"
    if len(content) == 1:
        at = words.index(content[0])
        if at + 1 < len(words) and _NUMBER.match(words[at + 1]):
            return True  # "Class 2", "Level 3", "Grade 12": a number after a word says which one
        return _lone_word_ok(content[0].strip(".,;:"))
    return True
