"""How a spoken answer was delivered, measured from its words' timestamps: pace, long pauses, fillers, and time
against the target length.

Pure functions: the caller passes the words with their start and end (seconds from the start of the recording)
and, when it has them, the stretches of silence measured in the audio. Speech recognisers tend to stretch a
word over the silence that follows it, so a measured silence inside two words' span is the better witness of
a pause than the gap between their timestamps.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Final

from nextround.analysis.answer.fillers import filler_spans
from nextround.analysis.answer.model import WORDS_PER_MINUTE

# The usual pace of conversation, in words a minute: slower sounds hesitant, faster is hard to follow.
PACE_BAND: Final = (120, 160)
# A silence this long between two words is a long pause (a breath between sentences is well under it).
LONG_PAUSE_SECONDS: Final = 2.0


@dataclass(frozen=True, slots=True)
class TimedWord:
    """One recognised word (as written, punctuation kept) and when it was said."""

    text: str
    start: float
    end: float


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the recording, in seconds from its start."""

    start: float
    end: float

    @property
    def seconds(self) -> float:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Pause:
    """A long pause: when it began and ended, and the index of the word said before it."""

    start: float
    end: float
    after_word: int
    json_properties = ("seconds",)

    @property
    def seconds(self) -> float:
        return round(self.end - self.start, 2)


@dataclass(frozen=True, slots=True)
class SpokenFiller:
    """A filler ("um", "you know") and the words that carry it (first and last index, inclusive)."""

    filler: str
    first_word: int
    last_word: int
    start: float


@dataclass(frozen=True, slots=True)
class TimeTarget:
    """The time a good answer to this kind of question takes, and how this one compares."""

    min_seconds: int
    max_seconds: int
    verdict: str  # "short" | "ok" | "long"


@dataclass(frozen=True, slots=True)
class Delivery:
    """The delivery measures of one spoken answer."""

    words: tuple[TimedWord, ...]
    recording_seconds: float
    speaking_seconds: float  # from the first word's start to the last word's end
    word_count: int
    words_per_minute: float | None
    pace: str  # "slow" | "ok" | "fast" | "unknown" (no words)
    pace_band: tuple[int, int]
    pauses: tuple[Pause, ...]  # the long ones, in order
    fillers: tuple[SpokenFiller, ...]
    fillers_per_100: float
    target: TimeTarget | None
    json_properties = ("long_pauses", "longest_pause_seconds")

    @property
    def long_pauses(self) -> int:
        return len(self.pauses)

    @property
    def longest_pause_seconds(self) -> float:
        return max((pause.seconds for pause in self.pauses), default=0.0)

    @property
    def transcript(self) -> str:
        return transcript_of(self.words)


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One piece of the timeline shown under a spoken answer: a word, a filler, or a long pause."""

    kind: str  # "word" | "filler" | "pause"
    text: str
    start: float
    end: float


def transcript_of(words: Sequence[TimedWord]) -> str:
    return " ".join(word.text.strip() for word in words if word.text.strip())


def target_seconds(target_min_words: int, target_max_words: int) -> tuple[int, int]:
    """A length target in words, as seconds at an ordinary speaking pace."""
    return (round(target_min_words / WORDS_PER_MINUTE * 60), round(target_max_words / WORDS_PER_MINUTE * 60))


def _counts_as_word(text: str) -> bool:
    return any(char.isalnum() for char in text)


def drop_words_heard_in_silence(
    words: Sequence[TimedWord], silences: Sequence[Span], share: float = 0.8
) -> list[TimedWord]:
    """The words less than `share` of whose time falls in one measured silence.

    A recogniser given silence sometimes "hears" a stock phrase ("Thank you.", "See you soon."); the audio
    was silent there, so those words were never said.
    """
    kept = []
    for word in words:
        length = word.end - word.start
        covered = max((min(word.end, s.end) - max(word.start, s.start) for s in silences), default=0.0)
        if length <= 0 or covered < share * length:
            kept.append(word)
    return kept


def find_pauses(
    words: Sequence[TimedWord], silences: Sequence[Span] = (), min_seconds: float = LONG_PAUSE_SECONDS
) -> list[Pause]:
    """The pauses of at least `min_seconds` between consecutive words.

    Each pause is the longer of the gap between the two words' timestamps and the measured silence that
    belongs to that gap, clipped to the two words' span. A silence belongs to one gap only: the one whose
    next word starts nearest the silence's end (where speech resumes is what the recogniser times best).
    """
    pairs = list(pairwise(words))
    spans = [Span(before.end, after.start) for before, after in pairs]
    for silence in silences:
        overlapping = [
            index
            for index, (before, after) in enumerate(pairs)
            if min(silence.end, after.end) > max(silence.start, before.start)
        ]
        if not overlapping:
            continue
        index = min(overlapping, key=lambda i: abs(silence.end - pairs[i][1].start))
        before, after = pairs[index]
        clipped = Span(max(silence.start, before.start), min(silence.end, after.end))
        if clipped.seconds > spans[index].seconds:
            spans[index] = clipped
    return [
        Pause(round(span.start, 2), round(span.end, 2), index)
        for index, span in enumerate(spans)
        if span.seconds >= min_seconds
    ]


def find_spoken_fillers(words: Sequence[TimedWord]) -> list[SpokenFiller]:
    """The fillers among the words, found by the same rules as in a written answer."""
    starts: list[int] = []
    pieces: list[str] = []
    offset = 0
    for word in words:
        starts.append(offset)
        text = word.text.strip().lower()
        pieces.append(text)
        offset += len(text) + 1
    found: list[SpokenFiller] = []
    for filler, start, end in filler_spans(" ".join(pieces)):
        first = bisect_right(starts, start) - 1
        last = bisect_right(starts, end - 1) - 1
        found.append(SpokenFiller(filler, first, last, round(words[first].start, 2)))
    return found


def _pace(words_per_minute: float | None) -> str:
    if words_per_minute is None:
        return "unknown"
    low, high = PACE_BAND
    return "slow" if words_per_minute < low else "fast" if words_per_minute > high else "ok"


def measure_delivery(
    words: Sequence[TimedWord],
    recording_seconds: float,
    *,
    silences: Sequence[Span] = (),
    target: tuple[int, int] | None = None,
) -> Delivery:
    """Every delivery measure of one spoken answer; `target` is the (min, max) seconds a good answer takes."""
    ordered = tuple(sorted(words, key=lambda word: word.start))
    spoken = [word for word in ordered if _counts_as_word(word.text)]
    speaking = round(ordered[-1].end - ordered[0].start, 2) if ordered else 0.0
    per_minute = round(len(spoken) / speaking * 60, 1) if spoken and speaking > 0 else None
    fillers = tuple(find_spoken_fillers(ordered))
    time_target: TimeTarget | None = None
    if target is not None:
        low, high = target
        verdict = "short" if speaking < low else "long" if speaking > high else "ok"
        time_target = TimeTarget(low, high, verdict)
    return Delivery(
        words=ordered,
        recording_seconds=round(recording_seconds, 2),
        speaking_seconds=speaking,
        word_count=len(spoken),
        words_per_minute=per_minute,
        pace=_pace(per_minute),
        pace_band=PACE_BAND,
        pauses=tuple(find_pauses(ordered, silences)),
        fillers=fillers,
        fillers_per_100=round(100 * len(fillers) / len(spoken), 1) if spoken else 0.0,
        target=time_target,
    )


def timeline(delivery: Delivery) -> list[TimelineItem]:
    """The words in order, fillers as one item each, and the long pauses where they fell."""
    filler_at = {filler.first_word: filler for filler in delivery.fillers}
    pause_after = {pause.after_word: pause for pause in delivery.pauses}
    items: list[TimelineItem] = []
    index = 0
    words = delivery.words
    while index < len(words):
        filler = filler_at.get(index)
        last = filler.last_word if filler is not None else index
        text = " ".join(word.text.strip() for word in words[index : last + 1])
        items.append(TimelineItem("filler" if filler else "word", text, words[index].start, words[last].end))
        for covered in range(index, last + 1):
            pause = pause_after.get(covered)
            if pause is not None:
                items.append(TimelineItem("pause", f"{pause.seconds:.1f} s", pause.start, pause.end))
        index = last + 1
    return items
