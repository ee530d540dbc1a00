"""Grounding checks: quotes must be in the text, rewrites may not invent numbers."""

from __future__ import annotations

from nextround.analysis.grounding import new_numbers, quote_occurs

ANSWER = (
    "At my last job the support queue was slow.  I wrote a script to triage tickets,\nand trained the team. "
    "Response time fell by forty percent in two months, from 3,000 tickets a week."
)


def test_quotes_match_whatever_the_spacing_case_and_quote_marks() -> None:
    assert quote_occurs("I wrote a script to triage tickets, and trained the team", ANSWER)
    assert quote_occurs("“response TIME fell by forty percent”", ANSWER)
    assert quote_occurs("the support queue was slow ... trained the team", ANSWER)


def test_quotes_that_are_not_there_fail() -> None:
    assert not quote_occurs("I led a team of twelve engineers", ANSWER)
    assert not quote_occurs("trained the team ... the support queue was slow", ANSWER)  # parts out of order
    assert not quote_occurs("", ANSWER)
    assert not quote_occurs("...", ANSWER)
    assert not quote_occurs("at", ANSWER)  # too short to show anything


def test_a_rewrite_may_repeat_numbers_in_digits_or_words() -> None:
    assert new_numbers("Response time fell 40% in 2 months, across 3000 weekly tickets.", ANSWER) == []
    assert new_numbers("Within two months, response time fell by forty percent.", ANSWER) == []


def test_a_rewrite_may_not_invent_numbers_but_may_leave_placeholders() -> None:
    assert new_numbers("Response time fell by 55% and saved 10 hours.", ANSWER) == ["55", "10"]
    assert new_numbers("I trained three teams.", ANSWER) == ["three"]
    assert new_numbers("Response time fell by [X%], saving [N] hours a week.", ANSWER) == []
    assert new_numbers("I was the one who wrote it.", ANSWER) == []
