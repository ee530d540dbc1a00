"""Advice: up to three suggestions, each tied to the measure that lost the most points, and a follow-up
question an interviewer might ask next."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from nextround.analysis.answer.asked_measures import asked_advice
from nextround.analysis.answer.evidence import Evidence, quote
from nextround.analysis.answer.lexicon import lexicon
from nextround.analysis.answer.measures import CONCRETE_FOR_FULL, GENERIC_PRAISE_RE, specificity_sentences
from nextround.analysis.answer.model import WORDS_PER_MINUTE, ScoreItem, StarSentences
from nextround.analysis.answer.question_topic import is_clause
from nextround.analysis.answer.score_plans import result_is_next_step, without_outcome
from nextround.analysis.answer.star import ACTION_HYPOTHETICAL_RE, ACTION_PAST_RE, SentenceFeatures


def _action_clause(sentence: SentenceFeatures) -> str:
    """The clause that starts at the first "I <verb>" (or "we <verb>") of a sentence."""
    match = ACTION_PAST_RE.search(sentence.lower) or ACTION_HYPOTHETICAL_RE.search(sentence.lower)
    if not match:
        return quote(sentence.text, from_end=True)
    clause = sentence.text[match.start() :]
    clause = re.split(r"[,;:]| and | but | so ", clause, maxsplit=1)[0]
    return quote(clause, max_words=10)


DEPTH_ADVICE_WORDS: Final = 90


def suggest(ev: Evidence, breakdown: Sequence[ScoreItem]) -> tuple[str, ...]:
    if ev.word_count == 0:
        if ev.question_type in ("behavioural", "situational"):
            return (
                "Answer the question with one specific example: where you were, what you did, and what came of it.",
            )
        return ("Answer the question: two or three sentences that speak to it directly are a good start.",)
    lost = {item.measure: item.max - item.points for item in breakdown}
    candidates: list[tuple[float, int, str]] = []

    def add(measure: str, text: str, order: int, bonus: float = 0.0) -> None:
        if lost.get(measure, 0) + bonus > 0:
            candidates.append((lost.get(measure, 0) + bonus, order, text))

    story = ev.question_type in ("behavioural", "situational")
    by_index = ev.analysed
    action_sentences = [by_index[i] for i in ev.star.action]
    if story:
        if result_is_next_step(ev):
            step = by_index[ev.star.result[-1]]
            add(
                "result",
                f"Say what came of it: {quote(step.text)} is the next step, not the result. Tell what happened "
                "after it, or, if it has not happened yet, what has changed so far.",
                1,
                bonus=_missing_outcome(ev),
            )
        elif not ev.star.result:
            if action_sentences:
                anchor = _action_clause(action_sentences[-1])
                if ev.question_type == "situational":
                    text = (
                        f"Say what you would expect to come of it: after {anchor}, add the outcome you would "
                        "aim for and how you would know it had worked."
                    )
                else:
                    text = (
                        f"Say what came of it: after {anchor}, add the result — what changed for the people "
                        "or the work, and by how much if you know."
                    )
                add("result", text, 1, bonus=_missing_outcome(ev))
            else:
                add(
                    "result",
                    "End with the result: what changed because of what you did, ideally with a number.",
                    1,
                    bonus=_missing_outcome(ev),
                )
        elif not ev.quantified_result and "quantified_result" in lost:
            last_result = by_index[ev.star.result[-1]]
            add(
                "quantified_result",
                f"Put a number on the result: {quote(last_result.text)} — how many, how much, or how much faster?",
                2,
            )
        if not ev.star.action:
            add(
                "action",
                'Describe the steps you took yourself, one sentence each, starting with "I": what '
                "did you do first, and then?",
                0,
            )
        if not ev.star.situation and ev.question_type == "behavioural":
            add(
                "situation",
                f"Set the scene in one sentence before {quote(ev.sentences[0], 8)}: where you "
                "were, when, and what was at stake.",
                4,
            )
        if not ev.star.task:
            anchor_sentence = by_index[ev.star.situation[-1]] if ev.star.situation else by_index[0]
            add(
                "task",
                f"Say what you were responsible for: after {quote(anchor_sentence.text, 8, True)}, add "
                "what you needed to achieve.",
                5,
            )
        if ev.ownership is not None and ev.ownership < 0.5 and ev.question_type == "behavioural":
            we_sentences = [s for s in by_index if s.plural_action] or [
                s for s in by_index if re.search(r"\bwe\b", s.lower)
            ]
            if we_sentences:
                add(
                    "ownership",
                    f"{OWNERSHIP_LEAD} in {quote(we_sentences[0].text, 10)}, which part "
                    'was yours? Use "I" for your own steps.',
                    3,
                    bonus=2,
                )
    elif ev.asked is not None:
        for measure, text, order in asked_advice(ev):
            add(measure, text, order)
    elif ev.question_type == "tell_me_about_yourself":
        add("present", "Open with what you do now: your current role and what you are responsible for.", 1)
        add("past", "Add one or two sentences on how you got here: earlier roles, training or studies.", 2)
        add("future", "Close with why this role is your next step and what draws you to it.", 0)
        add("focus", "Keep to your working life: swap personal background for one more line on your work.", 4)
        add(
            "achievement",
            "Give one concrete achievement: something you did and what came of it, with a number if you can.",
            3,
        )
    elif ev.question_type == "motivation":
        generic = GENERIC_PRAISE_RE.search(ev.lower_text)
        if generic:
            add(
                "specific_reasons",
                f'Replace "{generic.group(0)}" with something specific about this '
                "employer: a product, a service, a value or a programme you have seen, and why it matters to "
                "you.",
                0,
            )
        else:
            add("specific_reasons", "Name something specific about this employer or team and why it matters to you.", 0)
        add("fit", "Link the role to your own experience: one thing you have done that shows you fit.", 1)
        add("evidence", "Back a reason with a short example or a number from your own work.", 2)
    elif ev.question_type == "strengths_weaknesses":
        stock = [phrase for phrase in lexicon().stock_trait_phrases if phrase in ev.lower_text]
        if stock:
            add("named", f'Replace the stock phrase "{stock[0]}" with a specific trait and one real example.', 0)
        else:
            add("named", 'Name the trait plainly in your first sentence ("My main strength is …").', 0)
        add("example", "Tell one short example: the situation, what you did, and what came of it.", 1)
        if "weakness" in ev.question.lower():
            add("result", "Say what you are doing about it and what has changed since.", 2, _missing_outcome(ev))
        else:
            add("result", "Say what the strength led to: a result someone could check.", 2, _missing_outcome(ev))
    else:
        if len(specificity_sentences(ev)) >= CONCRETE_FOR_FULL:
            # Concrete already but short of the depth for full points: only a short answer is told to go deeper (on
            # the seen splits such answers of 3-4 concrete lines run 48-61 words when average, 100-126 when strong).
            if ev.word_count < DEPTH_ADVICE_WORDS:
                add("specificity", "Go one step deeper: add another step you took, with a number or a name.", 1)
        else:
            add("specificity", "Make it concrete: add an example, a number, or something you did yourself.", 1)
        if "result" in lost and not ev.star.result:  # a question about a way of working (score_plans.APPROACH_PLAN)
            add(
                "result",
                "Say what your way of working achieves: what changed when you did it, ideally with a number.",
                0,
                bonus=_missing_outcome(ev),
            )

    # Delivery and fit, for every type.
    if ev.fillers.found:
        worst, count = max(ev.fillers.found, key=lambda pair: pair[1])
        add(
            "fillers",
            f'Cut the filler "{worst}" (used {count}x; {ev.fillers.per_100_words} fillers per 100 '
            f"words in all): {_filler_context(ev, worst)}.",
            6,
        )
    if ev.hedges:
        hedge = ev.hedges[0]
        context = next((s.text for s in by_index if re.search(rf"\b{re.escape(hedge)}\b", s.lower)), "")
        add("hedges", f'Say it with confidence: drop "{hedge}" in {quote(context, 12)} and state it directly.', 7)
    if ev.length.verdict == "short":
        seconds = round(ev.word_count / WORDS_PER_MINUTE * 60)
        add(
            "length",
            f"Add detail: {ev.word_count} words is about {seconds} seconds; aim for "
            f"{ev.length.target_min}-{ev.length.target_max} words.",
            8,
        )
    elif ev.length.verdict == "long":
        longest = max(by_index, key=lambda s: len(s.text.split()))
        add(
            "length",
            f"Tighten it to {ev.length.target_min}-{ev.length.target_max} words (now "
            f"{ev.word_count}); start with the longest sentence, {quote(longest.text, 10)}.",
            8,
        )
    if ev.relevance < RELEVANCE_ADVICE_BELOW and ev.topic_concept:
        # first whatever else lost points: polishing an answer to another question is wasted effort
        add("relevance", _off_topic(ev), 0, bonus=100)
    if ev.job_terms is not None and ev.job_terms.missed and not ev.job_terms.used:
        missed = ", ".join(f'"{term}"' for term in ev.job_terms.missed[:3])
        add("job_terms", f"Connect it to the job: where it is true, mention {missed}.", 10)
    candidates.sort(key=lambda c: (-c[0], c[1]))
    return tuple(text for _, _, text in candidates[:3])


def _missing_outcome(ev: Evidence) -> float:
    """The weight that puts the missing result first among the suggestions when the question asks for one and the
    answer tells steps but stops before what came of them (after only the advice to answer the question asked): such an
    answer is told so first (session 14). An answer with no steps either is asked for them first, as before."""
    return MISSING_OUTCOME_FIRST if without_outcome(ev) and ev.star.action else 0.0


MISSING_OUTCOME_FIRST: Final = 50.0
RELEVANCE_ADVICE_BELOW: Final = 0.45
OFF_TOPIC_BELOW: Final = 0.25
OFF_TOPIC_LEAD: Final = "Answer the question asked:"
OWNERSHIP_LEAD: Final = "Say what you did yourself:"


def clearly_off_topic(relevance: float) -> bool:
    return relevance < OFF_TOPIC_BELOW


def advice_for_a_retry(suggestions: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The advice still worth giving on an answer to another question: what the question asks for, and saying
    "I" (a habit that carries over to the retry). STAR advice would polish the story that should be replaced."""
    return tuple(s for s in suggestions if s.startswith((OFF_TOPIC_LEAD, OWNERSHIP_LEAD)))


# What a question of each kind asks for, around its topic ("handling a disagreement").
_ASKS_FOR: Final[dict[str, str]] = {
    "behavioural": "one real example of {topic}: what happened, what you did and how it turned out",
    "situational": "what you would do about {topic}, step by step, and how you would know it had worked",
    "motivation": "{topic}: what draws you to it and to this employer",
    "strengths_weaknesses": "{topic}, with an example that shows it",
}


# What a question far from the bank asks for, around its own words ("when you dealt with a pest ...").
_OWN_ASKS_FOR: Final[dict[str, str]] = {
    "behavioural": ": what happened, what you did and how it turned out",
    "situational": ": the steps you would take and how you would know it had worked",
}


def _asks(ev: Evidence) -> str:
    """What the question asks for: in its own words when it is far from every bank question (the concept it
    borrowed would mislead), else around its competency's concept."""
    if not ev.own_topic:
        return "for " + _ASKS_FOR.get(ev.question_type, "{topic}").format(topic=ev.topic_concept)
    story = ev.question_type == "behavioural" and not ev.own_topic.startswith(("how ", "what ", "why ", "whether "))
    lead = "for one real example of " if story else "" if is_clause(ev.own_topic) else "about "
    return f"{lead}{ev.own_topic}{_OWN_ASKS_FOR.get(ev.question_type, '')}"


def _off_topic(ev: Evidence) -> str:
    """Plain words when the answer does not address the question, and what the question asks for."""
    asks = _asks(ev)
    if ev.relevance < OFF_TOPIC_BELOW:
        return f"{OFF_TOPIC_LEAD} this answer does not address it. The question asks {asks}."
    return (
        f"{OFF_TOPIC_LEAD} much of this answer does not address it. The question asks {asks}; "
        "open with that and keep to it."
    )


def _filler_context(ev: Evidence, filler: str) -> str:
    for sentence in ev.analysed:
        if re.search(rf"\b{re.escape(filler)}\b", sentence.lower):
            return quote(sentence.text, 10)
    return f'"{filler}"'


_FOLLOW_UPS: Final[dict[str, dict[str, str]]] = {
    "behavioural": {
        "action": "What did you do yourself, step by step?",
        "result": "And what was the result?",
        "situation": "Can you set the scene: where was this, and what was going on?",
        "task": "What were you responsible for in that situation?",
    },
    "situational": {
        "action": "What exactly would you do first?",
        "result": "How would you know it had worked?",
        "task": "What would you be trying to achieve?",
    },
}


def follow_up(question_type: str, star: StarSentences, word_count: int) -> str | None:
    questions = _FOLLOW_UPS.get(question_type)
    if questions is None:
        return None
    if word_count == 0:
        return "Can you think of a specific example?" if question_type == "behavioural" else questions["action"]
    for part in ("action", "result", "situation", "task"):
        if part in questions and not star.of(part):
            return questions[part]
    return None


# --------------------------------------------------------------------------------------------------
# Public entry points
