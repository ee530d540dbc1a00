"""Near misses: the CV shows the same kind of thing as the job asks, but another variant of it.

"Boom lift" against "scissor lift", "CSCS Black card" against "CSCS Gold card", "vascular scanning" against
"MSK scanning", "a 15 bbl system" against "a 10 bbl brewhouse", "Category 6" against "Category 8": the phrase and
a CV line share the head word, and where the job has a word that says which one, the CV has another word in the
same place. Meaning alone reads these as shown (the head carries most of the vector and of the word cover); a
paraphrase in other words ("used sling and standing lifters" for hoist transfers) shares no head and is not one.
The signals are features of the learned evidence decision (:mod:`evidence_model`), not a verdict of their own.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Final

from nextround.analysis.skill_match import Token, tokenize

_PAST: Final = frozenset(["ran", "led", "read", "did", "made", "took", "kept", "built", "set", "own", "new", "first"])
# a number or a one-letter grade: "15" bbl, Category "6", class "A"
_CODE: Final = re.compile(r"^(?:\d+[a-z]?|[A-Z])$")
_NUMBER: Final = re.compile(r"^\d{1,4}$")
_LETTER: Final = re.compile(r"^[A-Z]$")


@dataclass(frozen=True)
class NearMiss:
    asked: str  # the job's word that says which one ("Black")
    head: str  # the word both share ("card")
    shown: str  # the CV's word in its place ("Gold")

    @property
    def number(self) -> bool:
        """A smaller number in place of the one asked ("10" bbl for "15", Code "08" for "10")."""
        return bool(_NUMBER.match(self.asked))

    @property
    def letter(self) -> bool:
        """Another letter in place of the one asked ("Group B" for "Group C"): not smaller, another one."""
        return bool(_LETTER.match(self.asked)) and bool(_LETTER.match(self.shown))


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    from nextround.analysis.skillgaps.requirements import duty_verbs

    return duty_verbs()


def _verbish(token: Token) -> bool:
    """A verb of work, or a word with a verb's ending ("Inspecting parts", "Ran the payroll")."""
    word = token.text.lower()
    return word in _verbs() or word.endswith(("ed", "ing")) or word in _PAST


@dataclass(frozen=True)
class _Index:
    stems: frozenset[str]
    before: dict[str, tuple[Token, ...]]  # stem -> the content words right before it in one segment
    after: dict[str, tuple[Token, ...]]  # stem -> the content words right after it


@lru_cache(maxsize=32)
def _index(cv: str) -> _Index:
    tokens = tokenize(cv)
    before: dict[str, list[Token]] = defaultdict(list)
    after: dict[str, list[Token]] = defaultdict(list)
    opening = {tokens[0].start} if tokens else set()
    opening |= {right.start for left, right in pairwise(tokens) if left.sentence != right.sentence}
    for left, right in pairwise(tokens):
        # a capitalised word opening a line is most often a verb or a title ("Ran", "Manual testing"), not a kind
        opens = left.start in opening and left.text[:1].isupper() and not left.text.isupper()
        if left.segment == right.segment and not left.is_stopword and not right.is_stopword and not opens:
            after[left.stem].append(right)
            before[right.stem].append(left)
    return _Index(
        frozenset(token.stem for token in tokens),
        {stem: tuple(found) for stem, found in before.items()},
        {stem: tuple(found) for stem, found in after.items()},
    )


def near_misses(cv: str, phrase: str, shown_in: str | None = None) -> list[NearMiss]:
    """Words of the phrase the CV lacks whose place next to a shared head word the CV fills with another word
    (on the CV line `shown_in`, the one the evidence rests on, when given)."""
    index = _index(cv)
    tokens = tokenize(phrase)
    own = {token.stem for token in tokens}
    found: list[NearMiss] = []
    for position, (left, right) in enumerate(pairwise(tokens)):
        if left.segment != right.segment or left.is_stopword or right.is_stopword:
            continue
        following = tokens[position + 2] if position + 2 < len(tokens) else None
        is_head = following is None or following.is_stopword or following.segment != right.segment
        if is_head and left.stem not in index.stems and right.stem in index.stems and not _verbish(left):
            # "boom lift": the word before the head says which one
            found.extend(
                NearMiss(left.text, right.text, other.text)
                for other in index.before.get(right.stem, ())
                if other.stem not in own
                and not _verbish(other)
                and not _CODE.match(other.text)
                and not _CODE.match(left.text)
                and not _spells(left.text, other.text, right.text)
            )
        if _NUMBER.match(left.text) and left.stem not in index.stems and right.stem in index.stems:
            # "a 15 bbl system" against "a 10 bbl brewhouse": a smaller number of the same unit
            found.extend(
                NearMiss(left.text, right.text, other.text)
                for other in index.before.get(right.stem, ())
                if _NUMBER.match(other.text) and int(other.text) < int(left.text)
            )
        if _NUMBER.match(right.text) and right.stem not in index.stems and left.stem in index.stems:
            # "Code 10" against "Code 08": a number after the head
            found.extend(
                NearMiss(right.text, left.text, other.text)
                for other in index.after.get(left.stem, ())
                if _NUMBER.match(other.text) and int(other.text) < int(right.text)
            )
        if _LETTER.match(right.text) and left.stem in index.stems and not _verbish(left):
            # "Group C" against "Group A and Group B", "Category D" against "Category B": a letter after the head
            # says which one; the CV writes the head with other letters only
            held = [other for other in index.after.get(left.stem, ()) if _LETTER.match(other.text)]
            if all(other.text != right.text for other in held):
                found.extend(NearMiss(right.text, left.text, other.text) for other in held)
    if shown_in is not None:
        found = [miss for miss in found if re.search(rf"(?<!\w){re.escape(miss.shown)}(?!\w)", shown_in)]
    return [miss for miss in found if miss.number or miss.letter or not _synonyms(miss.asked, miss.shown)]


def _spells(initials: str, *words: str) -> bool:
    """ "DB" boards are "distribution boards": the CV spells out what the job writes as initials."""
    return initials.isupper() and len(initials) >= 2 and "".join(word[0] for word in words).upper() == initials


SYNONYMS: Final = 0.15  # word cosine from which two words are taken as the same thing said two ways


def _synonyms(left: str, right: str) -> bool:
    """ "bridal"/"wedding", "combi"/"combination", "one"/"single" are the same thing in other words; "Gold"/"Black",
    "scissor"/"boom", "MSK"/"vascular" (cosine near 0) are two kinds of one thing."""
    from nextround.analysis.skillgaps.evidence import encode
    from nextround.analysis.vectors import dot_rows

    vectors = encode([left.lower(), right.lower()])
    return vectors is not None and dot_rows(vectors, vectors.row(0))[1] >= SYNONYMS


# -- another grade, stage or unit of the same named thing: an exact check ---------------------------------------

_ROMAN: Final = frozenset(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"])
_ACRONYM: Final = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
_TAIL: Final = 3  # words after the name that say which one


def _kind(token: Token) -> str | None:
    """What a word that says which one looks like: a number or code, a grade letter, a roman numeral, a name."""
    text = token.text
    if text in _ROMAN:
        return "roman"
    if any(char.isdigit() for char in text):
        return "number"
    if len(text) == 1 and text.isupper():
        return "letter"
    if text[:1].isupper() and any(char.islower() for char in text[1:]):
        return "name"
    return None


def _anchor(token: Token) -> bool:
    """A name the grade hangs on: the initials of a body or scheme ("SCA", "STCW", "IPAF", "BHS")."""
    return bool(_ACRONYM.match(token.text)) and token.text not in _ROMAN


def _tail(tokens: list[Token], start: int) -> list[Token]:
    """The words right after the name, up to a small word or the end of the segment ("Roasting Intermediate")."""
    anchor = tokens[start]
    tail: list[Token] = []
    for token in tokens[start + 1 : start + 1 + _TAIL]:
        if token.segment != anchor.segment or token.is_stopword:
            break
        tail.append(token)
    return tail


# stop words skipped when a name is read as its initials ("Certificate of Competency" is CoC, "CC")
_NAME_STOPS: Final = frozenset(["of", "and", "in", "for", "the", "on", "to", "&"])
_POSSESSIVE: Final = re.compile(r"['’]s$")


def initials(words: list[str]) -> str:
    """The initials of a name's capitalised words, stop words skipped: "Basic Safety Training" is "BST"."""
    kept = [word for word in words if word.lower() not in _NAME_STOPS]
    if len(kept) < 2 or not all(word[:1].isupper() for word in kept):
        return ""
    return "".join(word[0] for word in kept).upper()


def _same_initials(wanted: list[Token], shown: list[Token]) -> bool:
    """One side writes the other's name as its initials: "BST" after the body's name for "Basic Safety Training"
    asked, or the name spelled out where the job writes its initials."""

    def spelled(letters: Token | None, words: list[Token]) -> bool:
        if letters is None or not _ACRONYM.match(letters.text) or letters.text in _ROMAN:
            return False
        texts = [word.text for word in words]
        return any(initials(texts[:end]) == letters.text.upper() for end in range(2, len(texts) + 1))

    return spelled(shown[0] if shown else None, wanted) or spelled(wanted[0] if wanted else None, shown)


def _names_part(phrase: str, shown: list[Token]) -> bool:
    """The CV's other name is one the ask itself lists in brackets as a part of what it asks ("GWO Sea Survival"
    for "GWO Basic Safety Training (...; Sea Survival)"): its first two words, or its only one, written there."""
    words = [token.text for token in shown[:2]]
    if not words or not words[0][:1].isupper():
        return False
    named = re.compile(rf"(?<!\w){re.escape(' '.join(words))}(?!\w)", re.IGNORECASE)
    return any(named.search(found.group(1)) for found in re.finditer(r"\(([^()]*)\)", phrase))


def _word_root(text: str) -> str:
    return re.sub(r"(?:[cs]e[ds]?|e[ds]|s)$", "", text.lower())  # licence, license, licensed; scaler, scalers


def _same_words(wanted: list[Token], shown: list[Token]) -> bool:
    """Every word of the grade or kind asked is among the CV's words after the name, in any order or form."""
    return {_word_root(token.text) for token in wanted} <= {_word_root(token.text) for token in shown}


_LIST_JOINERS: Final = frozenset(["and", "or", "&", "plus"])


def _held_elsewhere(cv: str, held: list[Token], anchor: Token, kind_words: list[Token], want: Token) -> bool:
    """The grade asked ("2" of "IRATA Level 2") is written elsewhere in the CV for the same named thing and held
    now: on a CV line that names the thing ("IRATA Level 1 (2025); Level 2 (2026)"), right after the word that
    says which kind ("Level") or in a list of grades ("SCA Roasting Foundation and Intermediate"), not after
    another scheme's name ("NDT Level 2") and not in a booked, in-progress or expired phrase ("Level 2
    assessment booked February 2027")."""
    from nextround.analysis.skillgaps.exact import not_held

    wanted = want.text.lower()
    for index, token in enumerate(held):
        if token.text.lower() != wanted:
            continue
        before = [other for other in held[:index] if other.line == token.line]
        if not any(other.text == anchor.text for other in before):
            continue  # no name of the thing on this line: "2 years", "Level 2" of something else
        previous = [other for other in before if other.text.lower() not in _LIST_JOINERS]
        if not previous:
            continue
        last = previous[-1]
        if kind_words and last.text.lower() == kind_words[-1].text.lower():
            owner = previous[-2] if len(previous) >= 2 else None
            if owner is not None and _anchor(owner) and owner.text != anchor.text:
                continue  # "NDT Level 2": another scheme's grade
        elif last.text != anchor.text:
            # a list of grades ("IPAF 3a, 3b", "Level 1 and 2"): the one before is a grade of the thing too
            owner = previous[-2] if len(previous) >= 2 else None
            names_it = owner is not None and (
                owner.text == anchor.text or bool(kind_words and owner.text.lower() == kind_words[-1].text.lower())
            )
            if _kind(last) != _kind(want) or not names_it:
                continue  # the number or word of something else ("Level 1 (2023), 2 rescue drills")
        segment_start = min(other.start for other in [*before, token] if other.segment == token.segment)
        line_end = max(other.end for other in held if other.line == token.line)
        if not_held(cv[segment_start:line_end]):
            continue  # "Level 2 assessment booked", "Level 2 (expired 2023)"
        return True
    return False


def other_variant(cv: str, phrase: str) -> str | None:
    """ "SCA Roasting Intermediate" against "SCA Roasting Foundation", "BHS Stage 4" against "BHS Stage 3",
    "STCW III/2" against "STCW III/1", "Motorsågskörkort B" against "Motorsågskörkort A": the CV names the same
    thing and, where the job says which grade, stage or unit, another one of the same kind (both numbers, both
    letters, both names) and never the one asked. Returns the reason, or None."""
    from nextround.analysis.skillgaps.evidence import glossed_term

    asked = tokenize(phrase)
    held = tokenize(cv)
    for start, token in enumerate(asked):
        if not _anchor(token):
            continue
        wanted = _tail(asked, start)
        places = [place for place, other in enumerate(held) if other.text == token.text]
        if wanted and any(_same_words(wanted, _tail(held, place)) for place in places):
            continue  # "BC Scaler Licence" for "BC Licensed Scaler": the same words in another order
        if wanted and any(_same_initials(wanted, _tail(held, place)) for place in places):
            continue  # "GWO BST" for "GWO Basic Safety Training": the name and its initials are one thing
        for place, other in enumerate(held):
            if other.text != token.text:
                continue
            shown = _tail(held, place)
            same = 0
            while same < min(len(wanted), len(shown)) and wanted[same].text.lower() == shown[same].text.lower():
                same += 1
            if same >= min(len(wanted), len(shown)):
                continue
            want, have = wanted[same], shown[same]
            if any(_POSSESSIVE.search(word.text) for word in wanted[same + 1 :]):
                continue  # "VHF Radio Operator's certificate": named by who holds it, not which grade
            if _names_part(phrase, shown[same:]):
                continue  # "GWO Sea Survival" for "GWO Basic Safety Training (...; Sea Survival)": a module of it
            kind = _kind(want)
            if kind is None or kind != _kind(have) or _held_elsewhere(cv, held, token, wanted[:same], want):
                continue
            if want.text.isdigit() and have.text.isdigit() and int(have.text) > int(want.text):
                continue  # "BHS Stage 5" holds what "BHS Stage 4" asks: a higher stage
            if glossed_term(token.text, phrase):
                continue  # "MS Office" is a term the glossary explains, shown by Word and Excel
            return f"{phrase[token.start : wanted[-1].end]} asked; the CV shows {cv[other.start : shown[-1].end]}"
    return None
