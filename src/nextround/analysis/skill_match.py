"""Turn text into match keys and find skill phrases in it.

This is the low-level engine under :mod:`nextround.analysis.skills`: a tokenizer that keeps
technical names whole ("C++", "Node.js", ".NET", "R&D"), a light English stemmer tuned for job
text (manage/managed/managing/management/manager share one stem), and two phrase finders:

* exact phrases: a contiguous run of stems (product names, aliases, one-word skills);
* word windows: all content words of a label close together in one clause, in any order,
  so "managed a team of six", "team management" and "managing teams" all find "manage a team".

`scripts/build_taxonomy.py` uses the same functions to precompute the index, so build and
runtime always agree on keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any, Final

from nextround.analysis.text import stem

# A token is a run of letters/digits that may hold ".", "&" or an apostrophe between letters
# ("Node.js", "R&D", "customer's") and may end in "+" or "#" ("C++", "C#"). A leading dot is
# kept for ".NET". Hyphens and slashes split tokens but are remembered as joins.
_TOKEN_RE: Final = re.compile(r"\.(?=[^\W_])[^\W_]+|[^\W_](?:[^\W_]|[.&'’](?=[^\W_]))*[+#]*")
_SENTENCE_BREAK_RE: Final = re.compile(r"[\n.!?;•·▪●■◦]")
_SEGMENT_BREAK_RE: Final = re.compile(r"[,:()\[\]{}|\"“”]|\s[-–—/]\s|[–—]")

# Words skipped when building or matching exact keys ("the Adobe Suite" ~ "Adobe Suite").
DETERMINERS: Final = frozenset(
    ["a", "an", "the", "my", "your", "our", "their", "his", "her", "its", "this", "these", "that", "those"]
)

# Function words: never a content word of a window label, and "and"/"or"/"but" end a clause.
STOPWORDS: Final = DETERMINERS | frozenset(
    [
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "into",
        "onto",
        "about",
        "within",
        "across",
        "per",
        "via",
        "over",
        "under",
        "up",
        "out",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "than",
        "then",
        "also",
        "not",
        "no",
        "any",
        "some",
        "all",
        "each",
        "every",
        "both",
        "either",
        "neither",
        "other",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "am",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "i",
        "me",
        "we",
        "us",
        "you",
        "he",
        "she",
        "it",
        "they",
        "them",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "when",
        "where",
        "how",
        "why",
        "if",
        "while",
        "because",
        "etc",
        "e.g",
        "i.e",
        "eg",
        "ie",
        "such",
        "very",
        "more",
        "most",
        "well",
        "just",
        "only",
        "same",
    ]
)
CLAUSE_WORDS: Final = frozenset({"and", "or", "but", "nor", "while", "whereas"})

# Verbs that carry little meaning inside a label ("use", "apply", "carry out"): optional when a
# label keeps at least two other content words.
WEAK_VERBS: Final = frozenset(
    [
        "use",
        "utilise",
        "utilize",
        "apply",
        "perform",
        "carry",
        "ensure",
        "undertake",
        "conduct",
        "provide",
        "follow",
        "employ",
        "execute",
        "adhere",
        "comply",
        "demonstrate",
        "show",
        "practise",
        "practice",
        "exercise",
        "have",
        "possess",
        "act",
    ]
)


# ---------------------------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    """One word of the input with where it sits and how it joins its neighbours."""

    text: str
    start: int
    end: int
    stem: str
    line: int
    sentence: int
    segment: int  # ends at punctuation: exact phrases stay inside one
    clause: int  # also ends at "and"/"or"/"but": window labels stay inside one
    joined_before: str  # "-" or "/" when glued to the previous token, else ""
    is_determiner: bool
    is_stopword: bool


SHORT_TEXT: Final = 300  # characters: a phrase or a line, of which many repeat while one pair is read


def tokenize(text: str) -> list[Token]:
    """Split text into tokens with sentence and clause numbers.

    A sentence ends at . ! ? ; a newline or a bullet. A segment also ends at commas, colons,
    brackets and spaced dashes; a clause also at the words "and"/"or"/"but".
    """
    # the same phrases and the same CV are tokenized many times per pair; tokens are frozen, the list is a copy
    if len(text) <= SHORT_TEXT:
        return list(_tokens_of_short(text))
    return list(_tokens_of_long(text))


@lru_cache(maxsize=8192)
def _tokens_of_short(text: str) -> tuple[Token, ...]:
    return _tokens(text)


@lru_cache(maxsize=16)
def _tokens_of_long(text: str) -> tuple[Token, ...]:
    return _tokens(text)


def _tokens(text: str) -> tuple[Token, ...]:
    tokens: list[Token] = []
    line = 0
    sentence = 0
    segment = 0
    clause = 0
    previous_end = 0
    for found in _TOKEN_RE.finditer(text):
        raw = found.group()
        gap = text[previous_end : found.start()]
        joined = ""
        line += gap.count("\n")
        if tokens:
            if _SENTENCE_BREAK_RE.search(gap):
                sentence += 1
                segment += 1
            elif _SEGMENT_BREAK_RE.search(gap):
                segment += 1
            elif gap in ("-", "/"):
                joined = gap
            elif gap.strip() in ("&", "+", "/", "-", "–"):
                segment += 1
            if segment != tokens[-1].segment or tokens[-1].stem in CLAUSE_WORDS or gap.strip() == "&":
                clause += 1
        lowered = raw.lower()
        token_stem = stem(raw)
        # "A/B testing", "A-level": this "a" is part of a name, not an article
        glued_after = text[found.end() : found.end() + 1] in ("/", "-")
        tokens.append(
            Token(
                text=raw,
                start=found.start(),
                end=found.end(),
                stem=token_stem,
                line=line,
                sentence=sentence,
                segment=segment,
                clause=clause,
                joined_before=joined,
                is_determiner=lowered in DETERMINERS and not glued_after,
                is_stopword=lowered in STOPWORDS,
            )
        )
        previous_end = found.end()
    return tuple(tokens)


def key_stems(phrase: str) -> str:
    """Exact key of a phrase: stems of every token except determiners, space-joined."""
    return " ".join(token.stem for token in tokenize(phrase) if not token.is_determiner)


@lru_cache(maxsize=8192)
def content_stems(phrase: str) -> tuple[str, ...]:
    """Stems of the content words of a phrase (function words dropped), in order."""
    return tuple(token.stem for token in tokenize(phrase) if not token.is_stopword)


# ---------------------------------------------------------------------------------------------
# Phrase finding
# ---------------------------------------------------------------------------------------------

RULE_PLAIN: Final = 0
RULE_CASE: Final = 1  # the token must be written as in the taxonomy ("Excel", "SAS")
RULE_CONTEXT: Final = 2  # exact case and another technology named nearby ("Go", "R", "C")
# Words with a case or context rule are names, not stemmed: their key is this prefix plus the word
# in lower case, so "Illustrator" (the product) and "illustrator" (a person) stay apart.
NAME_KEY_PREFIX: Final = "="

# The index keeps the shapes the packaged JSON already has, so loading it builds almost nothing:
#   exact key "stem stem" -> skill id (plain rule), or [skill id, rule, spelling the rule expects]
#   window anchor stem    -> "skill|stem stem|anchor position|optional stems" records joined by ";"
#                            (parsed the first time a text contains that anchor)
# A window label is found by its content words close together in one clause: scanning starts at
# its rarest word (the anchor). In label order up to two other words may sit between ("managed a
# small busy team"); in any other order only function words may ("team management").
ExactEntry = int | list[Any]
WindowLabel = tuple[int, tuple[str, ...], int, tuple[str, ...]]


def exact_entry(skill_id: int, rule: int, surface: str) -> ExactEntry:
    return skill_id if rule == RULE_PLAIN else [skill_id, rule, surface]


def read_exact_entry(entry: ExactEntry) -> tuple[int, int, str]:
    if isinstance(entry, int):
        return entry, RULE_PLAIN, ""
    return int(entry[0]), int(entry[1]), str(entry[2])


def encode_windows(labels: Iterable[WindowLabel]) -> dict[str, str]:
    grouped: dict[str, list[str]] = {}
    for skill_id, stems, anchor, optional in labels:
        record = f"{skill_id}|{' '.join(stems)}|{anchor}|{' '.join(optional)}"
        grouped.setdefault(stems[anchor], []).append(record)
    return {anchor: ";".join(records) for anchor, records in sorted(grouped.items())}


def _decode_windows(encoded: str) -> list[WindowLabel]:
    labels: list[WindowLabel] = []
    for record in encoded.split(";"):
        skill_id, stems, anchor, optional = record.split("|")
        labels.append((int(skill_id), tuple(stems.split(" ")), int(anchor), tuple(optional.split())))
    return labels


def name_key(word: str) -> str:
    return NAME_KEY_PREFIX + word.lower()


@dataclass(frozen=True, slots=True)
class PhraseHit:
    skill_id: int
    token_indexes: tuple[int, ...]
    rule: int
    surface: str
    is_window: bool
    size: int  # words of the key or label that matched (optional words not counted)


class PhraseIndex:
    """Exact keys and window labels, ready to scan token lists."""

    def __init__(self, exact: dict[str, ExactEntry], longest: dict[str, int], windows: dict[str, str]):
        self.exact = exact
        self.longest = longest  # first stem of an exact key -> most words any such key has
        self._encoded_windows = windows
        self._windows: dict[str, list[WindowLabel]] = {}

    @classmethod
    def from_entries(cls, exact: Mapping[str, ExactEntry], windows: Iterable[WindowLabel]) -> PhraseIndex:
        """Build from plain entries (the index builder uses this; the loader reads the shapes)."""
        longest: dict[str, int] = {}
        for key in exact:
            if key.startswith(NAME_KEY_PREFIX):
                continue
            words = key.split(" ")
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
        return cls(dict(exact), longest, encode_windows(windows))

    def labels(self, anchor: str) -> list[WindowLabel]:
        labels = self._windows.get(anchor)
        if labels is None:
            encoded = self._encoded_windows.get(anchor)
            labels = _decode_windows(encoded) if encoded else []
            self._windows[anchor] = labels
        return labels

    def lookup(self, key: str) -> tuple[int, int, str] | None:
        entry = self.exact.get(key)
        return None if entry is None else read_exact_entry(entry)

    def find(self, tokens: Sequence[Token]) -> list[PhraseHit]:
        return self._find_exact(tokens) + self._find_windows(tokens)

    def _find_exact(self, tokens: Sequence[Token]) -> list[PhraseHit]:
        hits: list[PhraseHit] = []
        count = len(tokens)
        for start in range(count):
            first = tokens[start]
            if first.is_determiner:
                continue
            named = self.lookup(name_key(first.text))
            if named is not None:
                hits.append(PhraseHit(named[0], (start,), named[1], named[2], False, 1))
            longest = self.longest.get(first.stem)
            if longest is None:
                continue
            # Walk forward over determiners, inside one sentence and segment (hyphen/slash joins
            # keep the segment), collecting up to `longest` stems.
            indexes = [start]
            position = start + 1
            while len(indexes) < longest and position < count:
                token = tokens[position]
                if token.sentence != first.sentence:
                    break
                if token.segment != tokens[indexes[-1]].segment and not token.joined_before:
                    break
                if not token.is_determiner:
                    indexes.append(position)
                position += 1
            for length in range(len(indexes), 0, -1):
                entry = self.lookup(" ".join(tokens[index].stem for index in indexes[:length]))
                if entry is not None:
                    hits.append(PhraseHit(entry[0], tuple(indexes[:length]), entry[1], entry[2], False, length))
                    break
        return hits

    def _find_windows(self, tokens: Sequence[Token]) -> list[PhraseHit]:
        hits: list[PhraseHit] = []
        count = len(tokens)
        for position, token in enumerate(tokens):
            if token.is_stopword or token.stem not in self._encoded_windows:
                continue
            labels = self.labels(token.stem)
            for skill_id, stems, anchor, optional in labels:
                chosen = _place_label(tokens, position, stems, anchor)
                if chosen is None:
                    continue
                extra = []
                for wanted in optional:
                    for other in range(max(0, min(chosen) - 2), min(count, max(chosen) + 1)):
                        candidate = tokens[other]
                        if candidate.stem == wanted and candidate.clause == token.clause:
                            extra.append(other)
                            break
                indexes = tuple(sorted({*chosen, *extra}))
                hits.append(PhraseHit(skill_id, indexes, RULE_PLAIN, "", True, len(stems)))
        return hits


def _place_label(tokens: Sequence[Token], position: int, stems: Sequence[str], anchor: int) -> list[int] | None:
    """Token positions of a window label's words around its anchor at `position`, in label order."""
    size = len(stems)
    reach = size + 3
    low = max(0, position - reach)
    high = min(len(tokens), position + reach + 1)
    clause = tokens[position].clause
    chosen: list[int] = []
    for index, wanted in enumerate(stems):
        if index == anchor:
            chosen.append(position)
            continue
        best = -1
        for other in range(low, high):
            candidate = tokens[other]
            if (
                candidate.stem == wanted
                and candidate.clause == clause
                and other != position
                and other not in chosen
                and (best < 0 or abs(other - position) < abs(best - position))
            ):
                best = other
        if best < 0:
            return None
        chosen.append(best)
    first, last = min(chosen), max(chosen)
    taken = set(chosen)
    content_between = sum(1 for other in range(first + 1, last) if other not in taken and not tokens[other].is_stopword)
    in_order = all(earlier < later for earlier, later in pairwise(chosen))
    if in_order:
        return chosen if content_between <= 2 and last - first <= size + 3 else None
    return chosen if content_between == 0 and last - first <= size + 1 else None
