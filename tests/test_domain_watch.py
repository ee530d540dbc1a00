"""Keyword matching and the diff of fetched postings against the ones already seen."""

from __future__ import annotations

import pytest

from nextround.domain.watch import (
    Posting,
    WatchError,
    diff_postings,
    matches_keywords,
    new_postings,
    normalize_keywords,
    posting_matches,
)


def test_keywords_match_whole_words_in_any_case() -> None:
    assert matches_keywords("Senior Support Engineer", ["support"])
    assert matches_keywords("SUPPORT engineer", ["Support"])
    assert not matches_keywords("Supportive Care Assistant", ["support"])
    assert not matches_keywords("JavaScript Developer", ["java"])
    assert matches_keywords("Java / Kotlin Developer", ["java"])


def test_any_keyword_is_enough_and_an_empty_list_matches_everything() -> None:
    assert matches_keywords("Pastry Chef", ["support", "chef"])
    assert not matches_keywords("Pastry Chef", ["support", "engineer"])
    assert matches_keywords("Anything at all", [])


def test_keywords_with_symbols_and_spaces() -> None:
    assert matches_keywords("C++ Developer", ["c++"])
    assert not matches_keywords("C Developer", ["c++"])
    assert matches_keywords("Senior .NET engineer", [".net"])
    assert matches_keywords("Customer   Success Manager", ["customer success"])
    assert not matches_keywords("Customer Successor", ["customer success"])
    assert matches_keywords("Data (ML) engineer", ["(ml)"])


def test_location_counts_for_matching() -> None:
    posting = Posting("1", "Support Engineer", location="Remote, EU")
    assert posting_matches(posting, ["remote"])
    assert not posting_matches(posting, ["berlin"])


def test_normalize_keywords() -> None:
    assert normalize_keywords(" support,  Customer   Success ,SUPPORT,, ") == ("support", "Customer Success")
    assert normalize_keywords(["a,b", "c"]) == ("a", "b", "c")
    assert normalize_keywords(None) == ()
    assert normalize_keywords("") == ()
    with pytest.raises(WatchError, match="too many keywords"):
        normalize_keywords(",".join(f"k{i}" for i in range(31)))
    with pytest.raises(WatchError, match="keyword too long"):
        normalize_keywords("x" * 81)


def test_new_postings_keep_board_order_and_drop_seen_and_repeated_ids() -> None:
    fetched = [Posting("3", "C"), Posting("1", "A"), Posting("2", "B"), Posting("3", "C again")]
    assert [p.id for p in new_postings(fetched, {"1"})] == ["3", "2"]
    assert new_postings(fetched, {"1", "2", "3"}) == []


def test_diff_splits_new_from_new_and_matching() -> None:
    fetched = [Posting("1", "Support Engineer"), Posting("2", "Chef"), Posting("3", "Support Lead")]
    diff = diff_postings(fetched, {"3"}, ["support"])
    assert [p.id for p in diff.new] == ["1", "2"]
    assert [p.id for p in diff.matching] == ["1"]
    assert diff.is_match(fetched[0])
    assert not diff.is_match(fetched[1])
    assert [p.id for p in diff_postings(fetched, set(), []).matching] == ["1", "2", "3"]


def test_posting_to_dict() -> None:
    assert Posting("9", "Chef", "https://x", "Paris").to_dict() == {
        "id": "9",
        "title": "Chef",
        "url": "https://x",
        "location": "Paris",
        "posted_at": None,
    }
