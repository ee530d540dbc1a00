"""Delivery measures from word timestamps alone: no audio, no model."""

from __future__ import annotations

import pytest

from nextround.analysis.delivery import (
    PACE_BAND,
    Span,
    TimedWord,
    drop_words_heard_in_silence,
    find_pauses,
    find_spoken_fillers,
    measure_delivery,
    target_seconds,
    timeline,
)
from nextround.serialize import to_json


def spoken(text: str, start: float = 0.0, word_seconds: float = 0.4, gaps: dict[int, float] | None = None) -> list:
    """Words one after another, each `word_seconds` long; `gaps` adds silence after word i."""
    words = []
    at = start
    for index, word in enumerate(text.split()):
        words.append(TimedWord(word, round(at, 2), round(at + word_seconds, 2)))
        at += word_seconds + (gaps or {}).get(index, 0.0)
    return words


def test_pace_in_words_per_minute_against_the_conversational_band() -> None:
    # 20 words in 10 s of speech: 120 a minute, the bottom of the band.
    words = spoken("word " * 20, word_seconds=0.5)
    delivery = measure_delivery(words, recording_seconds=12.0)
    assert delivery.speaking_seconds == 10.0
    assert delivery.words_per_minute == 120.0
    assert delivery.pace == "ok"
    fast = measure_delivery(spoken("word " * 20, word_seconds=0.25), 6.0)
    assert fast.words_per_minute == 240.0
    assert fast.pace == "fast"
    slow = measure_delivery(spoken("word " * 10, word_seconds=1.0), 12.0)
    assert slow.pace == "slow"
    assert PACE_BAND == (120, 160)


def test_long_pauses_are_counted_with_the_longest_and_where_it_fell() -> None:
    words = spoken("I led the team then we shipped it on time", gaps={3: 2.5, 6: 1.0, 7: 4.0})
    delivery = measure_delivery(words, 20.0)
    assert delivery.long_pauses == 2  # the 1.0 s breath is not a long pause
    assert [pause.after_word for pause in delivery.pauses] == [3, 7]
    assert delivery.longest_pause_seconds == 4.0
    assert delivery.pauses[0].start == words[3].end


def test_a_measured_silence_corrects_a_word_stretched_over_the_pause() -> None:
    # The recogniser ends "time" at 5.0 although the speaker fell silent at 2.2 until 5.2.
    words = [TimedWord("on", 1.5, 1.8), TimedWord("time", 1.8, 5.0), TimedWord("then", 5.2, 5.5)]
    assert find_pauses(words) == []
    pauses = find_pauses(words, silences=[Span(0.0, 0.3), Span(2.2, 5.2)])
    assert len(pauses) == 1
    assert (pauses[0].start, pauses[0].end, pauses[0].after_word) == (2.2, 5.2, 1)
    assert pauses[0].seconds == 3.0


def test_spoken_fillers_are_found_by_the_written_rules_and_tied_to_their_words() -> None:
    words = spoken("So, um, I think, you know, we like the plan. Uh, I would like a raise.")
    fillers = find_spoken_fillers(words)
    assert [(f.filler, f.first_word, f.last_word) for f in fillers] == [
        ("um", 1, 1),
        ("you know", 4, 5),
        ("uh", 10, 10),
    ]
    assert fillers[1].start == words[4].start
    delivery = measure_delivery(words, 10.0)
    assert delivery.fillers_per_100 == round(100 * 3 / len(words), 1)


def test_time_against_the_target_length() -> None:
    assert target_seconds(140, 280) == (60, 120)
    words = spoken("word " * 50, word_seconds=0.5)  # 25 s
    assert measure_delivery(words, 30.0, target=(60, 120)).target.verdict == "short"
    assert measure_delivery(words, 30.0, target=(20, 30)).target.verdict == "ok"
    assert measure_delivery(words, 30.0, target=(5, 10)).target.verdict == "long"
    assert measure_delivery(words, 30.0).target is None


def test_timeline_marks_fillers_and_pauses_in_order() -> None:
    words = spoken("Um, I fixed it. Then, you know, it held.", gaps={3: 3.0})
    items = timeline(measure_delivery(words, 15.0))
    assert [(item.kind, item.text) for item in items] == [
        ("filler", "Um,"),
        ("word", "I"),
        ("word", "fixed"),
        ("word", "it."),
        ("pause", "3.0 s"),
        ("word", "Then,"),
        ("filler", "you know,"),
        ("word", "it"),
        ("word", "held."),
    ]


def test_no_words_and_punctuation_only_words() -> None:
    empty = measure_delivery([], 3.0)
    assert (empty.words_per_minute, empty.pace, empty.fillers_per_100, empty.long_pauses) == (None, "unknown", 0.0, 0)
    dots = measure_delivery([TimedWord("...", 0.0, 0.5), TimedWord("yes", 0.5, 1.0)], 1.0)
    assert dots.word_count == 1


def test_delivery_serialises_with_its_summary_figures() -> None:
    words = spoken("we um shipped", gaps={1: 2.5})
    data = to_json(measure_delivery(words, 5.0, target=(1, 2)))
    assert data["long_pauses"] == 1
    assert data["longest_pause_seconds"] == pytest.approx(2.5)
    assert data["pauses"][0]["seconds"] == pytest.approx(2.5)
    assert data["fillers"][0]["filler"] == "um"
    assert data["words"][0] == {"text": "we", "start": 0.0, "end": 0.4}


def test_words_heard_in_a_measured_silence_are_dropped() -> None:
    # "See you soon." after the answer, where the recording is silent: a recogniser's stock phrase.
    words = [TimedWord("growing.", 5.7, 7.4), TimedWord("See", 10.1, 10.3), TimedWord("soon.", 10.3, 10.9)]
    kept = drop_words_heard_in_silence(words, [Span(6.6, 9.5), Span(9.9, 12.0)])
    assert [word.text for word in kept] == ["growing."]  # half in silence: stretched, not invented
    assert drop_words_heard_in_silence(words, []) == words
