"""The shared text toolkit: words, sentences, clauses, stemming, negation and contrast scope."""

from __future__ import annotations

import pytest

from nextround.analysis.text import (
    clauses,
    dismissed_concerns,
    is_negated,
    negation_scopes,
    sentence_spans,
    split_clauses,
    split_sentences,
    starts_with_contrast,
    stem,
    word_spans,
    words,
)


def test_words_keep_contractions_hyphens_and_numbers() -> None:
    assert words("We weren’t sure: 4.7 stars, 30% faster, a follow-up at 9:30.") == [
        "We",
        "weren't",
        "sure",
        "4.7",
        "stars",
        "30%",
        "faster",
        "a",
        "follow-up",
        "at",
        "9:30",
    ]


def test_word_spans_quote_the_input() -> None:
    text = "Your plated dessert was lovely"
    for word in word_spans(text):
        assert text[word.start : word.end] == word.text
    assert [word.stem for word in word_spans("managed managing management")] == ["manag"] * 3


@pytest.mark.parametrize(
    ("left", "right"),
    [("organised", "organizing"), ("colour", "color"), ("led", "leading"), ("supplies", "supply")],
)
def test_one_stemmer_joins_forms(left: str, right: str) -> None:
    assert stem(left) == stem(right)


def test_stemmer_keeps_technical_names() -> None:
    assert stem("C++") == "c++"
    assert stem("node.js") == "node.js"


def test_sentences_skip_abbreviations_and_decimals() -> None:
    text = "Dr. Okafor scored you 4.7 out of 5, e.g. on hygiene. Mr. Reid agreed! Was the rota clear?"
    assert split_sentences(text) == [
        "Dr. Okafor scored you 4.7 out of 5, e.g. on hygiene.",
        "Mr. Reid agreed!",
        "Was the rota clear?",
    ]


def test_sentences_are_spans_of_the_input_with_bullets_left_out() -> None:
    text = "Notes from the panel:\n- answers were long\n- good “hands-on” knowledge\n\nThanks, Ade"
    spans = sentence_spans(text)
    assert [span.text for span in spans] == [
        "Notes from the panel",
        "answers were long",
        "good “hands-on” knowledge",
        "Thanks, Ade",
    ]
    assert all(text[span.start : span.end] == span.text for span in spans)


def test_transcript_without_punctuation_is_cut_at_discourse_markers() -> None:
    text = " ".join(["so the manager said the interview went fine overall and the team liked you"] * 4)
    assert len(split_sentences(text)) > 1


def test_clauses_split_at_contrast_and_mark_it() -> None:
    found = clauses("Your technical skills were never in doubt, but you came across as nervous and hesitant.")
    assert [(clause.text, clause.contrast) for clause in found] == [
        ("Your technical skills were never in doubt", False),
        ("but you came across as nervous and hesitant.", True),
    ]


def test_leading_concession_is_its_own_clause() -> None:
    found = clauses("While your pastry was lovely, the lamination needs work; timing was slow.")
    assert [(clause.text, clause.contrast, clause.concession) for clause in found] == [
        ("While your pastry was lovely", False, True),
        ("the lamination needs work", True, False),
        ("timing was slow.", False, False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your pastry work, though, needs more practice.", ["Your pastry work, though, needs more practice."]),
        ("Lovely work though.", ["Lovely work though."]),
        ("Not only quick but also careful.", ["Not only quick but also careful."]),
        (
            "The interview went well overall, however the role has been cancelled.",
            ["The interview went well overall", "however the role has been cancelled."],
        ),
        (
            "Strong on care plans, while the medication round was rushed.",
            ["Strong on care plans", "while the medication round was rushed."],
        ),
    ],
)
def test_clause_edges(text: str, expected: list[str]) -> None:
    assert split_clauses(text) == expected


def test_sentence_opening_with_however_contrasts_with_the_one_before() -> None:
    found = clauses("The panel liked you. However, the other candidate had led a ward.")
    assert [clause.contrast for clause in found] == [False, True]
    assert starts_with_contrast("But you were late")
    assert not starts_with_contrast("Butter lamination was uneven")


def test_negation_scope_ends_at_the_comma() -> None:
    text = "Your answers were not clear, and the pastry was lovely"
    assert is_negated(text, text.index("clear"))
    assert not is_negated(text, text.index("lovely"))
    assert [scope.cue for scope in negation_scopes("Not only quick, never late")] == ["never"]


@pytest.mark.parametrize(
    "text",
    [
        "Your technical skills were never in doubt",
        "We had no concerns about your experience",
        "The commute wasn't an issue for us",
        "There were no real gaps in your knowledge",
        "Honestly we could not fault your knife skills",
    ],
)
def test_dismissed_concerns_are_found(text: str) -> None:
    assert dismissed_concerns(text)


@pytest.mark.parametrize(
    "text",
    ["You were nervous and hesitant", "Your answers were not clear", "We have concerns about your experience"],
)
def test_plain_criticism_is_not_a_dismissed_concern(text: str) -> None:
    assert dismissed_concerns(text) == []
