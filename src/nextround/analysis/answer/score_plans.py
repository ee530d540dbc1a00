"""Which measures count for a question, and how much: the score plan per question type (:data:`SCORE_PLANS`),
the plan for a question about a way of working, and whether the question expects a result at all."""

from __future__ import annotations

import re
from typing import Final

from nextround.analysis.answer.evidence import Evidence

SCORE_PLANS: Final[dict[str, tuple[tuple[str, int], ...]]] = {
    "behavioural": (
        ("situation", 8),
        ("task", 6),
        ("action", 14),
        ("result", 12),
        ("quantified_result", 8),
        ("detail", 8),
        ("ownership", 8),
        ("relevance", 12),
        ("length", 10),
        ("fillers", 4),
        ("hedges", 4),
        ("job_terms", 6),
    ),
    "situational": (
        ("situation", 3),
        ("task", 8),
        ("action", 20),
        ("result", 12),
        ("detail", 6),
        ("ownership", 3),
        ("relevance", 16),
        ("length", 10),
        ("fillers", 6),
        ("hedges", 10),
        ("job_terms", 6),
    ),
    "tell_me_about_yourself": (
        ("present", 8),
        ("past", 8),
        ("future", 12),
        ("achievement", 14),
        ("quantified_result", 6),
        ("focus", 8),
        ("relevance", 8),
        ("length", 12),
        ("fillers", 7),
        ("hedges", 7),
        ("job_terms", 10),
    ),
    "motivation": (
        ("specific_reasons", 20),
        ("fit", 15),
        ("evidence", 10),
        ("relevance", 15),
        ("length", 12),
        ("fillers", 8),
        ("hedges", 10),
        ("job_terms", 10),
    ),
    "strengths_weaknesses": (
        ("named", 12),
        ("example", 18),
        ("result", 12),
        ("quantified_result", 6),
        ("relevance", 12),
        ("length", 12),
        ("fillers", 7),
        ("hedges", 11),
        ("job_terms", 10),
    ),
    "general": (
        ("specificity", 25),
        ("relevance", 30),
        ("length", 15),
        ("fillers", 10),
        ("hedges", 10),
        ("job_terms", 10),
    ),
}
# A question about how the candidate goes about something ("How do you hand over care …?", "Walk me through
# how you would work out why") asks for a way of working, and a way of working is judged by what it achieves:
# the strong answers of every writer end on it ("so nothing gets missed", "complaints halved"). So such a
# question that no other rule types expects a result, as a story or a plan does; without it, an answer that
# stops at its next step lost nothing (session 9: 80 against 68 for the average answers to such questions).
APPROACH_PLAN: Final[tuple[tuple[str, int], ...]] = (
    ("specificity", 20),
    ("result", 15),
    ("relevance", 25),
    ("length", 15),
    ("fillers", 8),
    ("hedges", 7),
    ("job_terms", 10),
)
for _plan in (*SCORE_PLANS.values(), APPROACH_PLAN):
    assert sum(maximum for _, maximum in _plan) == 100, _plan

# The candidate's own doing, not how something works ("Walk me through how the three financial statements connect").
_APPROACH_QUESTION_RE: Final = re.compile(
    r"\bhow (do|would|did|have|will|can|should) you\b|\bwhat (do|would|did) you do\b|\bwhat (steps|would you)\b|"
    r"\b(walk (me|us) through|describe|tell (me|us)|explain) how (you|your)\b|"
    r"\bwalk (me|us) through (your|a \w+ (you|in your|of yours))\b"
)


def result_expected(question: str, question_type: str) -> bool:
    """Whether the question asks what came of the answer: a story, a plan, a strength at work, or a way of
    working (a question about how the candidate goes about something); not a motivation or a career plan."""
    if question_type in ("behavioural", "situational", "strengths_weaknesses"):
        return True
    return question_type == "general" and bool(_APPROACH_QUESTION_RE.search(question.lower()))


# What the scene, the steps and their detail are worth when the answer never says what came of them, though its
# question asks: a story that stops at a next step ("I've put it in a sheet for the owner and we're meeting on
# Monday") is not a complete answer told more briefly. At 1.0 such answers scored level with the complete average
# ones (session 9, seen splits: 53.5 against 56.2; test7 59.6 against 55.6); complete answers keep every point. At 0.5
# (sessions 9-13) they scored only 8 points below the average answers over every split (46.1 against 54.2; test12 50.6
# against 55.2); at 0.3 the gap is 11 (session 14), with strong above average level (0.988 -> 0.988, mean of splits).
WITHOUT_OUTCOME: Final = 0.3


def without_outcome(ev: Evidence) -> bool:
    """The question expects a result and the answer has none."""
    return not ev.star.result and result_expected(ev.question, ev.question_type)


def story_without_outcome(ev: Evidence) -> bool:
    """An answer whose scene, steps, their detail and whose steps they were count at ``WITHOUT_OUTCOME``: one with no
    outcome to a question that expects one, except a plan to a "what would you do" question (situational). A story that
    stops at its next step has not answered what was asked; a plan that never names what it aims at has (its steps are
    the answer) and loses only the result's points (session 17: scaling its steps too put the average plans, 120 of the
    seen corpus's 150 with no aim told, level with the weak ones; docs/answers.md)."""
    return without_outcome(ev) and ev.question_type != "situational"


def plan_for(question_type: str, with_job_terms: bool, question: str = "") -> list[tuple[str, int]]:
    if question_type == "general" and result_expected(question, question_type):
        plan = list(APPROACH_PLAN)
    else:
        plan = list(SCORE_PLANS.get(question_type, SCORE_PLANS["general"]))
    if with_job_terms:
        return plan
    job_points = dict(plan)["job_terms"]
    return [
        (measure, maximum + job_points if measure == "relevance" else maximum)
        for measure, maximum in plan
        if measure != "job_terms"
    ]
