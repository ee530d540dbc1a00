"""The STAR model's session-12 cues: what kind of answer a question asks for (a plan, a habit, a method), a step told
in the second person or as an instruction, and a weak plan in a short answer, which the decision rule leaves to the
model (chosen by leave-one-writer-out, bench/lowo_answers.py)."""

from __future__ import annotations

import pytest

from nextround.analysis.answer.lexicon import question_kind_cues, role_step_cues
from nextround.analysis.answer.star import analyse_sentences
from nextround.analysis.answer.star_model import _answer_sizes, decide


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how would you investigate a page that has become slower over a week?", {"plan"}),
        ("design a service that sends a reminder to each user at a time they choose.", {"plan"}),
        ("what metrics would you use to judge a product's health?", {"plan"}),
        ("how do you make sure a new starter feels welcome?", {"habit"}),
        ("describe how you work with suppliers once an order is placed.", {"habit"}),
        ("walk me through how the cash flow statement connects to the balance sheet.", {"method"}),
        ("explain a confidence interval to someone with no technical background.", {"method"}),
        ("tell me about a time you missed a deadline.", set()),
    ],
)
def test_question_kinds(question: str, expected: set[str]) -> None:
    assert {name for name, pattern in question_kind_cues().items() if pattern.search(question)} == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("you can take the latest date per customer and join it back.", {"method_step"}),
        ("for a bigger table you'd add an index on the date column.", {"method_step"}),
        ("then compare the two groups after a month.", {"method_step"}),
        ("i'd probably ask someone.", {"weak_plan"}),
        ("rules are rules, i would just tell them that.", {"weak_plan"}),
        ("thank you for asking.", set()),
        ("i rang the depot and asked for a new slot.", set()),
    ],
)
def test_role_step_cues(sentence: str, expected: set[str]) -> None:
    assert {name for name, pattern in role_step_cues().items() if pattern.search(sentence)} == expected


def test_answer_sizes_follow_each_answer_in_a_run() -> None:
    run = [
        *analyse_sentences(["I called the supplier.", "They sent a van."], "behavioural"),
        *analyse_sentences(["I'd ask someone."], "situational"),
    ]
    assert _answer_sizes(run) == [2, 2, 1]


def test_a_weak_plan_in_a_short_answer_gets_no_step_allowance() -> None:
    thresholds = [0.5, 0.5, 0.5, 0.5]
    probabilities = [[0.0, 0.0, 0.3, 0.0]]  # over STEP_SHARE of the action threshold, under the threshold
    weak = analyse_sentences(["I'd probably ask someone."], "situational")
    plain = analyse_sentences(["I'd ring the supplier and ask for a new date."], "situational")
    assert not decide(probabilities, thresholds, weak)[0][2]
    assert decide(probabilities, thresholds, plain)[0][2]
