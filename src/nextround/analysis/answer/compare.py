"""Compare two attempts at the same answer: per-measure deltas and a one-line verdict."""

from __future__ import annotations

from typing import Any, Final

from nextround.analysis.answer.model import STAR_PARTS, AnswerAnalysis

_GAIN_PHRASES: Final = {
    "quantified_result": "you added a measurable result",
    "result": "you said what came of it",
    "action": "you described what you did",
    "situation": "you set the scene",
    "task": "you said what you were responsible for",
    "ownership": "you said more about your own part",
    "relevance": "it stays closer to the question",
    "length": "the length is closer to the target",
    "fillers": "fewer fillers",
    "hedges": "less hedging",
    "job_terms": "you used more of the job's terms",
    "present": "you said what you do now",
    "past": "you covered your background",
    "future": "you said why this role is your next step",
    "achievement": "you added a concrete achievement",
    "specific_reasons": "your reasons are more specific to the employer",
    "fit": "you linked your experience to the role",
    "evidence": "you backed it up with an example",
    "named": "you named the trait clearly",
    "example": "you added an example",
    "specificity": "it is more concrete",
}
# A STAR part that was there both times and only earned more (or fewer) points is clearer (or less clear), not
# new (or missing): "you said what came of it" would be wrong when the first attempt had already said it.
_CLEARER_PHRASES: Final = {
    "result": "what came of it is clearer",
    "action": "what you did is clearer",
    "situation": "the scene is clearer",
    "task": "your responsibility is clearer",
}
_LESS_CLEAR_PHRASES: Final = {
    "result": "what came of it is less clear",
    "action": "what you did is less clear",
    "situation": "the scene is less clear",
    "task": "your responsibility is less clear",
}
_LOSS_PHRASES: Final = {
    "quantified_result": "the result lost its number",
    "result": "the result is missing",
    "action": "what you did is missing",
    "situation": "the scene is no longer set",
    "task": "your responsibility is no longer stated",
    "ownership": 'more "we", less "I"',
    "relevance": "it drifts further from the question",
    "length": "the length is further from the target",
    "fillers": "more fillers",
    "hedges": "more hedging",
    "job_terms": "fewer of the job's terms",
}


def compare_attempts(previous: AnswerAnalysis, current: AnswerAnalysis) -> dict[str, Any]:
    """Per-measure deltas between two attempts at an answer, and a one-line verdict."""
    before = {item.measure: item.points for item in previous.score_breakdown}
    after = {item.measure: item.points for item in current.score_breakdown}
    deltas = {m: after.get(m, 0) - before.get(m, 0) for m in dict.fromkeys([*before, *after])}
    measures = {m: {"previous": before.get(m), "current": after.get(m), "delta": d} for m, d in deltas.items()}
    delta = current.score - previous.score
    # A newly measurable result is the change interviewers notice most, so it leads when it happened.
    gained = sorted((m for m, d in deltas.items() if d > 0), key=lambda m: (m != "quantified_result", -deltas[m]))
    lost = sorted((m for m, d in deltas.items() if d < 0), key=lambda m: deltas[m])
    kept = {p for p in STAR_PARTS if previous.star[p] and current.star[p]}
    if delta >= 3 and gained:
        top = gained[0]
        phrase = _CLEARER_PHRASES[top] if top in kept else _GAIN_PHRASES.get(top, top)
        verdict = f"Better: {phrase} (+{delta} points)."
    elif delta <= -3 and lost:
        top = lost[0]
        reason = _LESS_CLEAR_PHRASES[top] if top in kept else _LOSS_PHRASES.get(top, f"{top} went down")
        verdict = f"Worse: {reason} ({delta} points)."
    else:
        verdict = f"About the same ({delta:+d} points)."
    return {
        "score": {"previous": previous.score, "current": current.score, "delta": delta},
        "measures": measures,
        "star": {
            "added": [p for p in STAR_PARTS if current.star[p] and not previous.star[p]],
            "dropped": [p for p in STAR_PARTS if previous.star[p] and not current.star[p]],
        },
        "word_count": {
            "previous": previous.word_count,
            "current": current.word_count,
            "delta": current.word_count - previous.word_count,
        },
        "fillers_per_100_words": {
            "previous": previous.fillers.per_100_words,
            "current": current.fillers.per_100_words,
            "delta": round(current.fillers.per_100_words - previous.fillers.per_100_words, 1),
        },
        "relevance": {
            "previous": previous.relevance,
            "current": current.relevance,
            "delta": round(current.relevance - previous.relevance, 2),
        },
        "quantified_result": {"previous": previous.quantified_result, "current": current.quantified_result},
        "verdict": verdict,
    }
