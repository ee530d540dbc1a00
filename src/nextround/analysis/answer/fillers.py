"""Delivery: filler words, hedging phrases, and how much of the answer is "I" rather than "we"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from nextround.analysis.answer.lexicon import lexicon

_TOKEN_WITH_PUNCT_RE: Final = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[,.;:!?—–-]")
_PHRASE_BLOCKERS: Final[dict[str, frozenset[str]]] = {
    # "what kind of", "do you know", "what I mean" are ordinary words, not fillers.
    "kind of": frozenset(
        ["what", "this", "that", "the", "a", "any", "every", "some", "which", "same", "one", "different", "right"]
    ),
    "sort of": frozenset(
        ["what", "this", "that", "the", "a", "any", "every", "some", "which", "same", "one", "different", "right"]
    ),
    "you know": frozenset(["do", "did", "if", "don't", "didn't", "would", "will", "as", "so", "what", "how"]),
    "i mean": frozenset(["what", "do", "did"]),
}
_PUNCT: Final = frozenset(",.;:!?—–-")
_MEAN_OBJECTS: Final = frozenset(["to", "it", "that", "what", "by", "this", "business"])


def find_fillers(lower_text: str) -> list[str]:
    return [filler for filler, _start, _end in filler_spans(lower_text)]


def filler_spans(lower_text: str) -> list[tuple[str, int, int]]:
    """Each filler with the character span it covers in `lower_text` (a spoken transcript's timeline marks them)."""
    matches = list(_TOKEN_WITH_PUNCT_RE.finditer(lower_text))
    tokens = [match.group() for match in matches]
    found: list[tuple[str, int, int]] = []
    phrases, openers = _phrase_fillers()
    simple = lexicon().simple_fillers
    index = 0
    while index < len(tokens):
        token = tokens[index]
        previous = tokens[index - 1] if index else "."
        following = tokens[index + 1] if index + 1 < len(tokens) else "."
        pair = f"{token} {following}" if token in openers else ""
        if pair in phrases:
            blockers = _PHRASE_BLOCKERS.get(pair, frozenset())
            after = tokens[index + 2] if index + 2 < len(tokens) else "."
            is_filler = previous not in blockers
            if pair == "you know":
                # "you know" is a filler when it stands apart: "…, you know," or at the end.
                is_filler = is_filler and (previous in _PUNCT or after in _PUNCT)
            if pair == "i mean":
                # "I mean, …" is a filler; "I mean to …" and "I mean it" are not
                is_filler = is_filler and (after in _PUNCT or (previous in _PUNCT and after not in _MEAN_OBJECTS))
            if is_filler:
                found.append((pair, matches[index].start(), matches[index + 1].end()))
                index += 2
                continue
        if token in simple or (token == "like" and _like_is_filler(previous, following)):
            found.append((token, matches[index].start(), matches[index].end()))
        index += 1
    return found


@lru_cache(maxsize=1)
def _phrase_fillers() -> tuple[frozenset[str], frozenset[str]]:
    """The two-word fillers, and the words they open with (a token that opens none is no phrase's start)."""
    phrases = frozenset(phrase for phrase in lexicon().phrase_fillers if phrase)
    return phrases, frozenset(phrase.split(" ")[0] for phrase in phrases)


_SPOKEN_JOINERS: Final = frozenset(["so", "and", "but", "um", "uh", "er", "erm", "yeah", "oh", "well", "okay"])


def _like_is_filler(previous: str, following: str) -> bool:
    if previous in lexicon().like_not_filler_before:
        return False  # "I would like", "just like that", "things like budgets"
    if previous in _PUNCT or following in _PUNCT:
        return True  # "it was, like, hard"
    if following[:1].isdigit() or following in lexicon().number_words:
        return True  # "like 20 people": a spoken approximation
    if previous in _SPOKEN_JOINERS or following in lexicon().simple_fillers:
        return True  # "so like basically", transcripts without commas
    return previous in ("was", "were", "is", "'s", "am", "'m") and following in ("so", "really", "totally")


@lru_cache(maxsize=1)
def _hedge_re() -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(re.escape(phrase) for phrase in lexicon().hedge_phrases) + r")\b")


_HEDGE_BLOCKERS: Final = frozenset(
    ["what", "this", "that", "the", "a", "any", "every", "some", "which", "same", "one", "different"]
)


def find_hedges(lower_text: str) -> list[str]:
    found: list[str] = []
    for match in _hedge_re().finditer(lower_text):
        phrase = match.group(1)
        if phrase in ("kind of", "sort of"):
            before = lower_text[: match.start()].split()
            if before and before[-1] in _HEDGE_BLOCKERS:
                continue
        found.append(phrase)
    return found


_FIRST_SINGULAR: Final = frozenset(["i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"])
_FIRST_PLURAL: Final = frozenset(["we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll"])


def ownership(lower_words: Sequence[str]) -> float | None:
    singular = sum(1 for word in lower_words if word in _FIRST_SINGULAR)
    plural = sum(1 for word in lower_words if word in _FIRST_PLURAL)
    if singular + plural == 0:
        return None
    return round(singular / (singular + plural), 2)


# --------------------------------------------------------------------------------------------------
# Relevance to the question's topic
