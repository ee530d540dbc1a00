"""The score: the sum of named measures, each with its points, its maximum and a one-line reason.

Which measures count, and how much, depends on the question type (:data:`SCORE_PLANS`). Every measure
looks only at the :class:`Evidence` gathered from the answer.
"""

from __future__ import annotations

from nextround.analysis.answer.asked_measures import ASKED_MEASURES
from nextround.analysis.answer.evidence import Evidence, indices_text, quote
from nextround.analysis.answer.measures import (
    CONCRETE_FOR_FULL,
    GENERIC_PRAISE_RE,
    MEASURES,
    measure_result_or_improvement,
)
from nextround.analysis.answer.model import ScoreItem
from nextround.analysis.answer.score_plans import (
    APPROACH_PLAN,
    CONCRETE_SCALED,
    SCORE_PLANS,
    WITHOUT_OUTCOME,
    delivery_share,
    plan_for,
    result_expected,
    without_outcome,
)

__all__ = [
    "APPROACH_PLAN",
    "CONCRETE_FOR_FULL",
    "GENERIC_PRAISE_RE",
    "SCORE_PLANS",
    "WITHOUT_OUTCOME",
    "Evidence",
    "indices_text",
    "quote",
    "result_expected",
    "score",
    "without_outcome",
]


def score(ev: Evidence) -> tuple[ScoreItem, ...]:
    items: list[ScoreItem] = []
    plan = plan_for(ev.question_type, ev.job_terms is not None, ev.question, on_questions=ev.asked is not None)
    share = delivery_share(ev, plan) if ev.word_count else 1.0
    for measure, maximum in plan:
        if ev.word_count == 0:
            items.append(ScoreItem(measure, 0, maximum, "No answer given."))
            continue
        if measure == "result" and ev.question_type == "strengths_weaknesses":
            fraction, why = measure_result_or_improvement(ev)
        else:
            fraction, why = (MEASURES.get(measure) or ASKED_MEASURES[measure])(ev)
        if measure in CONCRETE_SCALED and share < 1.0 and fraction > 0:
            fraction *= share
            said = (
                "by how specific the questions are and how well the answer says why it asks"
                if ev.asked
                else "as the answer says little that is concrete"
            )
            why = why.rstrip(".") + f"; counted at {round(100 * share)}%, {said}."
        points = round(maximum * max(0.0, min(1.0, fraction)))
        items.append(ScoreItem(measure, points, maximum, why))
    return tuple(items)
