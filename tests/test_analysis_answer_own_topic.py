"""Off-topic advice for a user's own question far from the bank names what it asks in its own words, never the
concept it borrowed from bank questions about something else; a bank question and a near own question keep it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from nextround.analysis.answer import analyze_answer
from nextround.analysis.answer.advice import OFF_TOPIC_LEAD
from nextround.analysis.answer.lexicon import lexicon
from nextround.analysis.answer.question_topic import GENERIC_QUESTION_WORDS, own_topic
from nextround.analysis.answer.relevance import measure_relevance
from nextround.analysis.text import split_sentences
from nextround.domain.questions import load_bank
from tests.web_support import Web

FAR = "Tell me about a time you dealt with a pest or disease in a crop or herd."
FAR_SITUATIONAL = "How would you reorganise a cluttered stockroom?"
# A bank question says nearly this (0.80 by content words).
NEAR = "Tell me about a time you had to give a customer news they did not want to hear."
OFF_TOPIC = (
    "I really enjoy working with people and I am friendly. My colleagues say I am easy to get on with. "
    "In my free time I like hiking and cooking for friends."
)


def relevance_advice(question: str) -> str:
    advice = [s for s in analyze_answer(question, OFF_TOPIC).suggestions if s.startswith(OFF_TOPIC_LEAD)]
    assert advice, question
    return advice[0]


def test_a_far_own_question_is_named_in_its_own_content_words() -> None:
    advice = relevance_advice(FAR)
    sentences = split_sentences(OFF_TOPIC)
    found = measure_relevance(FAR, sentences)
    assert found is not None and found.own_topic
    assert found.concept not in advice  # the borrowed concept ("deciding what comes first") misled
    topic = found.own_topic
    assert topic in advice
    assert all(word in topic for word in ("pest", "disease", "crop", "herd"))
    # the question's lead is not what it is about
    assert not {"tell", "me", "time", "example", "situation", "describe"} & set(re.findall(r"[a-z]+", topic))
    assert "what you did and how it turned out" in advice
    situational = relevance_advice(FAR_SITUATIONAL)
    assert "how you would reorganise a cluttered stockroom" in situational and "the steps you would take" in situational


def test_a_bank_question_and_a_near_own_question_keep_the_concept() -> None:
    bank = next(q.text for q in load_bank() if q.text.lower().startswith("tell me about a disagreement"))
    for question in (bank, NEAR):
        found = measure_relevance(question, split_sentences(OFF_TOPIC))
        assert found is not None and not found.own_topic, question
        advice = relevance_advice(question)
        assert f"one real example of {found.concept}" in advice, advice


def test_the_own_topic_reads_the_question_lead_and_drops_what_only_asks() -> None:
    assert own_topic("Describe a time neighbours complained about the noise. What did you do?") == (
        "when neighbours complained about the noise"
    )
    assert own_topic("How do you look after your body when the job is physically hard?") == (
        "how you look after your body when the job is physically hard"
    )
    assert own_topic("Are you comfortable working at heights?") == "whether you are comfortable working at heights"
    # a question of no known shape: its content words, none a stop-word or a word that only asks
    listed = own_topic("Your biggest weakness, and one example?")
    words = set(re.findall(r"[a-z]+", listed)) - {"and"}
    assert words == {"biggest", "weakness"}
    assert not words & (lexicon().stopwords | GENERIC_QUESTION_WORDS)


def test_the_cli_and_the_practice_page_show_the_own_words_advice(cli: Callable[..., Any], web: Web) -> None:
    result = cli("analyze", "answer", "--question", FAR, input=OFF_TOPIC)
    assert result.exit_code == 0, result.output
    suggestions = json.loads(result.stdout)["suggestions"]
    assert "a pest or disease in a crop or herd" in suggestions[0]
    added = web.post_form("/practice/questions", {"text": FAR, "category": "behavioural"})
    assert added.status_code == 303
    page = web.client.get(added.headers["location"]).text
    question_id = re.search(r'name="question_id" value="([^"]+)"', page)
    assert question_id, "the practice page offers the own question"
    html = web.post_form("/practice", {"question_id": question_id.group(1), "answer": OFF_TOPIC}).text
    assert "when you dealt with a pest or disease in a crop or herd" in html


def test_a_question_in_the_past_is_named_in_the_past() -> None:
    assert (
        own_topic("What did you do when the freezer failed overnight?")
        == "what you did when the freezer failed overnight"
    )
    assert own_topic("How did you decide on the price of a job?") == "how you decided on the price of a job"
    assert own_topic("Why did you leave your last job?") == "why you left your last job"
    assert own_topic("How did you stop the leak?") == "how you stopped the leak"
    assert own_topic("How did you carry the load?") == "how you carried the load"
    assert own_topic("Did you enjoy the night shifts?") == "whether you enjoyed the night shifts"
