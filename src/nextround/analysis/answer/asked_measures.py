"""The score of an answer judged on the questions it asks (:mod:`.asked_questions`): the plan, its three measures, the
share of delivery and relevance points it keeps, and the advice that fits. No STAR part counts here: a good reply to
"Do you have any questions for us?" is a few thoughtful questions about the work; a story around them counts as the
reason for asking (session 21, engineer starQ21; docs/answers.md)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from nextround.analysis.answer.asked_questions import AskedQuestions, own_line
from nextround.analysis.answer.evidence import Evidence, indices_text, quote
from nextround.domain.wording import plural

QUESTIONS_PLAN: Final[tuple[tuple[str, int], ...]] = (
    ("questions_asked", 15),
    ("question_detail", 15),
    ("why_asked", 35),
    ("relevance", 10),
    ("length", 10),
    ("fillers", 5),
    ("hedges", 5),
    ("job_terms", 5),
)
assert sum(maximum for _, maximum in QUESTIONS_PLAN) == 100

# Two questions about the work (or one that asks two things) earn full points: several questions, not a list.
ASKS_FOR_FULL: Final = 2
# Pay and conditions asked before any question about the work: the questions about the work keep this share.
PAY_FIRST_SHARE: Final = 0.3
# Words the questions about the work name, for full points ("a second stage", "the ramp and the gate crews").
NAMED_FOR_FULL: Final = 10
# Words of the speaker's own experience around the questions, for full points: a short story of about three lines
# (where, what they did, what came of it) is what the seen writers' strong answers put beside their question ("I ask
# because in my last kitchen in Manchester we lost three chefs in one spring …"). Other lines of reason count at
# ``OTHER_REASON_WEIGHT`` a word ("I like to have clear goals").
TOLD_WORDS_FOR_FULL: Final = 50
OTHER_REASON_WEIGHT: Final = 0.15
# Delivery and relevance count from this floor up, by how specific the questions and how told the reason
# (as ``score_plans.DELIVERY_FLOOR`` on the plans scored by specificity): a bare echo of the prompt ("What are the next
# steps? When will I hear?") is on topic and fluent and says little.
THOUGHTFUL_FLOOR: Final = 0.5
# A named thing: a capitalised word inside the sentence ("at the bakery in Toronto"), not "I".
_NAMED_RE: Final = re.compile(r"(?<=\s)[A-Z][a-z]{2,}")


def _asked(ev: Evidence) -> AskedQuestions:
    if ev.asked is None:
        raise ValueError("the questions plan needs what the answer asks")
    return ev.asked


def _measure_questions_asked(ev: Evidence) -> tuple[float, str]:
    asked = _asked(ev)
    if not asked.asks:
        return 0.0, "The answer asks the interviewer nothing."
    work = asked.about_the_work
    if not work:
        return 0.0, f"Asks only about pay or conditions ({quote(ev.sentences[asked.asks[0].index], 8)}), not the work."
    parts = sum(ask.parts for ask in work)
    fraction = min(1.0, parts / ASKS_FOR_FULL)
    why = f"{indices_text([ask.index for ask in work]).capitalize()}: {plural(parts, 'question')} about the work"
    if asked.opens_with_pay:
        return PAY_FIRST_SHARE * fraction, (
            f"{why}, after opening with pay or conditions ({quote(ev.sentences[asked.asks[0].index], 8)})."
        )
    return fraction, f"{why} (full from {ASKS_FOR_FULL})."


def _named(asked: AskedQuestions) -> list[str]:
    return sorted({word for ask in asked.about_the_work for word in ask.named})


def _measure_question_detail(ev: Evidence) -> tuple[float, str]:
    asked = _asked(ev)
    if not asked.about_the_work:
        return 0.0, "No question about the work to be specific."
    named = _named(asked)
    return min(1.0, len(named) / NAMED_FOR_FULL), (
        f"The questions name {plural(len(named), 'thing')} of the role, the team or the process "
        f"(full from {NAMED_FOR_FULL})."
    )


def _told(ev: Evidence) -> list[int]:
    """The lines around the questions that tell something of the speaker's own: a part of a story (the STAR reading),
    a number, a named place or thing, or a line of their own situation ("I'm also in process with one other firm")."""
    parts = {*ev.star.situation, *ev.star.task, *ev.star.action, *ev.star.result}
    lines = [ev.analysed[i] for i in _asked(ev).context]
    return [
        line.index
        for line in lines
        if line.index in parts or line.has_quantity or _NAMED_RE.search(line.text) or own_line(line)
    ]


def _measure_why_asked(ev: Evidence) -> tuple[float, str]:
    asked = _asked(ev)
    if not asked.context:
        return 0.0, "Nothing says why you ask or what you bring to it."
    told = _told(ev)
    told_words = sum(ev.analysed[i].word_count for i in told)
    other_words = sum(ev.analysed[i].word_count for i in asked.context if i not in told)
    fraction = min(1.0, (told_words + OTHER_REASON_WEIGHT * other_words) / TOLD_WORDS_FOR_FULL)
    if not told:
        where, verb = indices_text(asked.context).capitalize(), "gives" if len(asked.context) == 1 else "give"
        return fraction, f"{where} {verb} a reason, but nothing of your own experience."
    verb = "ties" if len(told) == 1 else "tie"
    return fraction, (
        f"{indices_text(told).capitalize()} {verb} the questions to your own experience ({told_words} words, full from "
        f"{TOLD_WORDS_FOR_FULL})."
    )


def thoughtful_share(ev: Evidence) -> float:
    """The share of the delivery and relevance points an answer scored on its questions keeps: ``THOUGHTFUL_FLOOR``
    plus the rest by how specific its questions are and how well it says why it asks."""
    detail, _ = _measure_question_detail(ev)
    reason, _ = _measure_why_asked(ev)
    return THOUGHTFUL_FLOOR + (1 - THOUGHTFUL_FLOOR) * (detail + reason) / 2


ASKED_MEASURES: Final[dict[str, Callable[[Evidence], tuple[float, str]]]] = {
    "questions_asked": _measure_questions_asked,
    "question_detail": _measure_question_detail,
    "why_asked": _measure_why_asked,
}


def asked_advice(ev: Evidence) -> list[tuple[str, str, int]]:
    """(measure, suggestion, order) for an answer scored on its questions; the caller keeps those that lost points."""
    asked = _asked(ev)
    if not asked.asks:
        return [
            (
                "questions_asked",
                "Ask two or three questions of your own about the work, such as what success looks like in the first "
                "six months, the team's biggest challenge right now, or what the next steps are.",
                0,
            )
        ]
    lead_with_work = (
        "questions_asked",
        "Lead with a question about the work (how success is judged, who you would work with, what comes next); pay, "
        "holidays and hours are fair to ask once an offer is near.",
        0,
    )
    if not asked.about_the_work:
        return [lead_with_work]
    out: list[tuple[str, str, int]] = []
    if asked.opens_with_pay:
        out.append(lead_with_work)
    elif sum(ask.parts for ask in asked.about_the_work) < ASKS_FOR_FULL:
        out.append(
            (
                "questions_asked",
                "Ask one more question about the work: the team, how success is judged, or the next steps.",
                1,
            )
        )
    out.append(
        (
            "question_detail",
            "Make your questions specific to this role: name the team, the shift, the system or the stage you want "
            "to know about, rather than asking in general.",
            2,
        )
    )
    why = (
        "Say more of what lies behind a question: a line or two from your own work that shows why it matters to you "
        '("I ask because at my last depot …").'
        if _told(ev)
        else 'Say why you ask, tied to your own experience ("I ask because at my last depot …"): it turns a question '
        "into a reason to hire you."
    )
    out.append(("why_asked", why, 3))
    return out
