"""An evasive reply that tells no episode is told plainly that it does not answer its question (session 18).

The replies are from seen splits of the answer corpus (test15, test16, wide11). They score near 0 on their own
question, and other questions often fit them better; the coach's feedback is on the asked question only, so what
matters for the user is that the reply is told it does not address it, and what the question asks for, first.
"""

from __future__ import annotations

import pytest

from nextround.analysis.answer import analyze_answer
from nextround.analysis.answer.advice import OFF_TOPIC_LEAD, clearly_off_topic

EVASIVE = [
    (
        "How do you explain a variance against budget to a manager who is not a finance person?",
        "I would send them the report and they can ask me if they have any questions.",
    ),
    (
        "How do you look after your own wellbeing in a demanding clinical environment?",
        "I just get on with it, you can't let it get to you.",
    ),
    (
        "A customer asks a question you do not know the answer to. What do you do?",
        "I'd make something up that sounds right.",
    ),
    (
        "How do you plan capacity for a busy period?",
        "I just make sure we've got enough people, really, and play it by ear.",
    ),
    (
        "Give me an example of when you persuaded a group to adopt a new way of working.",
        "I'd just explain why it's better and they'd go along with it.",
    ),
]


@pytest.mark.parametrize(("question", "answer"), EVASIVE)
def test_an_evasive_reply_is_told_first_that_it_does_not_address_the_question(question: str, answer: str) -> None:
    result = analyze_answer(question, answer)
    assert clearly_off_topic(result.relevance)
    assert result.suggestions[0].startswith(f"{OFF_TOPIC_LEAD} this answer does not address it.")
    assert "The question asks" in result.suggestions[0]


def test_a_short_story_on_topic_is_not_told_it_misses_the_question() -> None:
    story = "I led the night shift when our oven failed, and we still delivered every order by six."
    result = analyze_answer("Tell me about a time you worked under pressure.", story)
    assert not clearly_off_topic(result.relevance)
    assert not any(text.startswith(OFF_TOPIC_LEAD) for text in result.suggestions)
