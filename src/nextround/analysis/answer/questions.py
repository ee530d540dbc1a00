"""What kind of interview question this is: behavioural, situational, motivation …"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib.resources import files
from typing import Final

from nextround.analysis.answer.model import QUESTION_TYPES
from nextround.analysis.text import normalise

# A past event the candidate lived through: "a disagreement ... that you handled", "the hardest bug you
# have tracked down", "how did you keep it together?". Such a question asks for a story (STAR), whatever
# its first words are.
_PAST_VERBS: Final = (
    r"[a-z]+ed|did|had|made|took|led|found|saw|gave|got|set|ran|dealt|went|kept|brought|taught|built|chose|"
    r"felt|knew|lost|met|paid|said|sent|spent|told|thought|won|wrote|broke|caught|became|began|came|fought|"
    r"heard|held|left|meant|put|sold|stood|understood|were|was|been|taken|given|done|seen|made|written|"
    r"chosen|broken|won|led"
)
_STORY: Final = re.compile(
    r"\b(tell|talk) (me|us) about\b.*\b(you|your team|you and)( have|'ve)?( ever| once| last)? ("
    + _PAST_VERBS
    + r")\b|"
    r"\b(describe|walk (me|us) through|share|give (me|us))\b.*\byou( have|'ve)?( ever| once| last)? ("
    + _PAST_VERBS
    + r")\b|"
    r"\b(biggest|hardest|toughest|most \w+|worst|best)\b.*\byou( have|'ve) (ever )?(" + _PAST_VERBS + r")\b|"
    r"\b(how|what|why) did you\b"
)

_QUESTION_RULES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    (
        "questions_for_interviewer",
        re.compile(
            r"\b(any|have you got|do you have)\b.{0,20}\bquestions?\b.{0,15}\b(for|to ask)\b|"
            r"\banything (you'd|you would|you want to) (like to )?ask\b|\bquestions for (me|us)\b"
        ),
    ),
    (
        "tell_me_about_yourself",
        re.compile(
            r"\btell (me|us) (a (little|bit) |a little bit |more )?about yourself\b|"
            r"\bwalk (me|us) through (your|the) (cv|resume|résumé|background)\b|\bintroduce yourself\b|"
            r"\b(describe|sum up|summari[sz]e) yourself\b|\btell (me|us) about your background\b"
        ),
    ),
    (
        "behavioural",
        re.compile(
            r"\b(tell|talk) (me|us)? ?about (a|an|the|one) (time|occasion|situation|moment|instance|project|"
            r"example|mistake|failure|conflict|challenge|decision)\b|"
            r"\b(describe|share|recall|give( (me|us))?|walk (me|us) through|think of)\b.{0,30}\b(time|occasion|"
            r"situation|example|instance|moment)\b|\bhave you ever\b|\bcan you think of a\b|"
            r"\bwhen (was|did) (the last time|you last)\b|\bwhat('s| is| was) an example\b|"
            r"\bhow did you (handle|deal|manage|resolve|approach)\b|\b(greatest|biggest|proudest) "
            r"(achievement|accomplishment|success)\b|\bproud(est)? of\b"
        ),
    ),
    (
        "strengths_weaknesses",
        re.compile(
            r"\bstrengths?\b|\bweakness(es)?\b|\barea(s)? (for|of|to) (improvement|develop)|"
            r"\bwhat would your (manager|colleagues|boss|friends|team) say\b|\bgood at\b|\bstruggle with\b"
        ),
    ),
    (
        "motivation",
        re.compile(
            r"\bwhy (do|would) you want\b|\bwhy (this|our|the) (role|job|company|position|team|school|"
            r"hospital|organisation|organization|firm|sector|industry)\b|\bwhy (are you|you're) "
            r"interested\b|\bwhat (attracts|attracted|draws|drew|interests|interested) you\b|"
            r"\bwhy (should we|us)\b|\bwhat motivates you\b|\bwhy do you want to work\b|"
            r"\bwhy (did you apply|have you applied)\b"
        ),
    ),
    (
        "career_story",
        re.compile(
            r"\bwhere do you see yourself\b|\b(five|5|ten|10) years\b|\bcareer (goals?|plans?|change)\b|"
            r"\bwhy (did you|are you) (leave|leaving|change|changing|move|moving)\b|\bgap in your\b|"
            r"\bwhy (the|a) career change\b|\bnext step in your career\b|\blong[- ]term goals?\b"
        ),
    ),
    (
        "technical",
        re.compile(
            r"\bexplain (how|what|why|the difference)\b|\bdifference between\b|\bhow does .{1,40} work\b|"
            r"\bhow would you (design|implement|build|calculate|debug|optimi[sz]e|test|code|structure)\b|"
            r"\bwhat is (a|an|the) .{1,40}\b(algorithm|protocol|formula|complexity|index|function|"
            r"pattern|procedure|standard|regulation)\b|\bwrite (a|an|the) (query|function|program|script)\b|"
            r"\b(calculate|derive)\b"
        ),
    ),
    (
        "situational",
        re.compile(
            r"\bwhat would you do\b|\bhow would you\b|\bwhat would you\b|\bimagine\b|\bsuppose\b|"
            r"\bif you (were|had|found|noticed|saw|discovered|disagreed|were asked|could)\b|\bwhat if\b|"
            r"\bwhat do you do (if|when)\b|\bhow do you (handle|deal|respond|react)\b|\bsay (a|that|your)\b"
        ),
    ),
)


@lru_cache(maxsize=1)
def _bank_types() -> dict[str, str]:
    """The question bank's own category for each of its questions, where it is a question type."""
    with files("nextround.data").joinpath("questions.toml").open("rb") as handle:
        bank = tomllib.load(handle)["question"]
    return {
        normalise(str(entry["text"])).lower(): str(entry["category"])
        for entry in bank
        if entry.get("category") in QUESTION_TYPES
    }


def classify_question(question: str) -> str:
    """Return the question type, one of :data:`QUESTION_TYPES` ("general" when no rule fits).

    Read by its wording; a bank question the wording leaves open takes the bank's category."""
    text = normalise(question).lower()
    for question_type, pattern in _QUESTION_RULES:
        if pattern.search(text):
            return question_type
    known = _bank_types().get(text.strip())
    if known is not None:
        return known
    if _STORY.search(text):
        return "behavioural"
    return "general"
