"""The kind of work a years ask names, and which roles and claims are of that kind.

"2 years operating luffing tower cranes" is not met by two Tower Crane Operator roles when only the newer one drove a
luffer and the older one ran flat-top and hammerhead cranes; "3+ years of commercial HVAC service" is not met by the
years of a "Residential Service Technician" before the "Commercial Service Technician" role. A careful reader counts
the roles of the kind asked: a modifier of the ask ("luffing", "commercial") that the CV itself writes in some of the
roles that show the work, when another of them writes a different modifier before the same thing ("hammerhead
cranes", "Residential Service") instead, marks that other role as another kind. A CV that never writes the kind word
says nothing by it: the roles that show the work in other words keep their years.

A claim counts for the kind only when it claims all its years of it: "7 years in the trade, last few in commercial"
is not 7 years of commercial work (the kind word comes only after "last few in").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Final

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps.cues import cue_data

# words of an ask that say nothing of its kind of work: "hands-on commercial experience of ..."
NOT_KIND: Final = frozenset(
    content_stems(
        "experience experienced knowledge ability skills years work working hands-on practical professional "
        "minimum least proven solid strong demonstrable relevant related similar previous role roles position "
        "environment setting settings industry sector field"
    )
)


# words of rank, not of the work: "Senior Software Engineer" and "Software Engineer" share the work, "Staff
# Nurse" and "Staff Accountant" do not
RANKS: Final = frozenset(
    content_stems(
        "senior junior assistant trainee lead head chief principal deputy associate apprentice intern graduate "
        "staff team leader manager supervisor officer temporary casual contract freelance volunteer"
    )
)

_WORD: Final = re.compile(r"[^\W_][\w'+-]*")
# the ask's kind of work ends where its second figure or its place begins
_KIND_END: Final = re.compile(r",|;|\(|\b(?:including|of which|with at least|in the|within)\b", re.IGNORECASE)


def _stem(word: str) -> str | None:
    stems = content_stems(word)
    return stems[-1] if stems and not any(char.isdigit() for char in word) else None


def modifiers(ask: str) -> list[tuple[str, frozenset[str]]]:
    """The ask's modifiers of its kind of work and the words each modifies, in runs of content words: "operating
    luffing tower cranes on high-rise sites" gives luffing (of tower cranes) and tower (of cranes); "commercial HVAC
    service" gives commercial and HVAC. A first word in -ing is the activity ("operating", "managing"), not a kind."""
    kind = _KIND_END.split(ask, maxsplit=1)[0]
    words = _WORD.findall(kind)
    if len(words) > 1 and words[0].lower().endswith("ing"):
        words = words[1:]
    runs: list[list[str]] = [[]]
    for word in words:
        stem = _stem(word)
        if stem is None or stem in NOT_KIND:
            runs.append([])
        else:
            runs[-1].append(stem)
    out = []
    for run in runs:
        for index, stem in enumerate(run[:-1]):
            if stem not in RANKS:  # "Assistant Hotel Manager": a rank, not a kind of hotel work
                out.append((stem, frozenset(run[index + 1 :])))
    return out


def _modified(lines: Sequence[str], heads: frozenset[str], asked: frozenset[str]) -> set[tuple[str, str]]:
    """The pairs (modifier, head) some line writes: a word that is not the ask's right before a word the kind word
    modifies ("hammerhead cranes", "Residential Service Technician"), with only a space between. A capitalised word
    inside a line is a name ("Meddegoda Estate", "Two Thumb Range Station"), unless only ranks come before it."""
    out = set()
    for line in lines:
        tokens = list(_WORD.finditer(line))
        for index, (before, after) in enumerate(pairwise(tokens)):
            if line[before.end() : after.start()].strip():
                continue
            head, modifier = _stem(after.group()), _stem(before.group())
            if head not in heads or modifier is None or modifier in asked or modifier in heads:
                continue
            if before.group()[0].isupper() and not all(_stem(word.group()) in RANKS for word in tokens[:index]):
                continue
            out.add((modifier, head))
    return out


def other_kind(ask: str, blocks: Sequence[Sequence[str]]) -> list[bool]:
    """For each block (the lines of a role that shows the ask's work), whether it is of another kind than the one
    asked: it lacks a modifier of the ask that another block writes, and writes another modifier of the same thing,
    one the blocks of the kind do not write."""
    found = [set(content_stems(" ".join(lines))) for lines in blocks]
    asked = frozenset(content_stems(ask))
    out = [False] * len(blocks)
    for modifier, heads in modifiers(ask):
        having = [modifier in stems for stems in found]
        if not any(having) or all(having):
            continue
        # a pair the roles of the kind write too is no other kind ("Meddegoda Estate" in both roles)
        kind = [lines for lines, has in zip(blocks, having, strict=True) if has]
        theirs = set().union(*(_modified(lines, heads, asked) for lines in kind))
        for index, lines in enumerate(blocks):
            if not having[index] and _modified(lines, heads, asked) - theirs:
                out[index] = True
    return out


@lru_cache(maxsize=1)
def _part_only() -> re.Pattern[str]:
    cues = sorted(cue_data()["claimed_years"]["part_only"], key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(cue) for cue in cues)})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def short_of() -> re.Pattern[str]:
    """The words before a claim's figure that say it is not reached ("nearly four years")."""
    cues = sorted(cue_data()["claimed_years"]["short_of"], key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(cue) for cue in cues)})\s*$", re.IGNORECASE)


def claims_part(ask: str, claim: str) -> str | None:
    """When a claim names a word of the ask's kind only after a word that gives it part of its years ("7 years in the
    trade, last few in commercial"; "12 years, including some commercial work"), the claim's words before that word,
    which alone may show the ask; else None (the claim's figure is the kind's if the claim shows the ask)."""
    cue = _part_only().search(claim)
    if cue is None:
        return None
    kind = set(content_stems(ask)) - NOT_KIND
    before, after = set(content_stems(claim[: cue.start()])), set(content_stems(claim[cue.end() :]))
    return claim[: cue.start()] if kind & (after - before) else None


# a way that only points at other work ("or similar plant", "or equivalent"): it counts by its examples alone
_LOOSE_WAY: Final = re.compile(r"\b(?:similar|equivalent|comparable|related|other|like)\b", re.IGNORECASE)
_BRACKET: Final = re.compile(r"\(([^)]*)\)")
# "housekeeping in a five-star hotel or resort": the work comes before the setting, and is each setting's
_SETTING: Final = re.compile(r"^(.+?)\s+(?:in|at|on|within|for|with)\s+(.+)$", re.IGNORECASE)


def _kind(text: str) -> list[str]:
    return [stem for stem in content_stems(text) if stem not in NOT_KIND]


def ways_of(alternatives: Sequence[str]) -> list[frozenset[str]]:
    """The stems a role must hold for each way of meeting an ask of alternatives ("SRE, DevOps or platform roles":
    SRE, DevOps, platform), without words that are not the kind of work. A loose way ("or similar front-line
    experience (police, security, bailiff)") gives its bracket's examples instead. A way of one word is completed
    from its neighbours, as the ad's "or" joins them: "fish or food processing" is fish processing, "consulting or
    site experience in occupational hygiene" consulting in occupational hygiene, and "housekeeping in a five-star
    hotel or resort" housekeeping in a resort."""
    first = next((found for way in alternatives if (found := _SETTING.match(way))), None)
    work = frozenset(_kind(first.group(1))) if first else frozenset()
    out: list[frozenset[str]] = []
    for index, way in enumerate(alternatives):
        examples = [part for found in _BRACKET.findall(way) for part in re.split(r",|\bor\b|/", found)]
        if _LOOSE_WAY.search(_BRACKET.sub(" ", way)):
            out += [frozenset(_kind(example)) for example in examples]
            continue
        stems = frozenset(_kind(way))
        if len(stems) == 1 and index + 1 < len(alternatives):
            following = _SETTING.match(alternatives[index + 1])
            phrase = _kind(following.group(1) if following else alternatives[index + 1])
            last = _SETTING.match(alternatives[-1])
            if len(phrase) > 1:
                stems |= {phrase[-1]}  # "fish or food processing": the head noun after the "or"
            elif last and not index:
                stems |= set(_kind(last.group(2)))  # "consulting or site experience in occupational hygiene"
        if index and work and not work & stems and not _SETTING.match(way):
            stems |= work  # "cashier in banking, retail or services": a cashier in retail
        out.append(stems)
    return [way for way in out if way]


def _head_stem(title: str) -> str | None:
    """The stem of a title's last word, its head noun ("Tower Crane Operator" -> oper)."""
    words = _WORD.findall(title)
    return _stem(words[-1]) if words else None


def other_trade(ask: str, titles: Sequence[str]) -> list[bool]:
    """For each role title (of the roles that show the ask's work), whether it is another trade's: the ask names its
    work by an activity ("tower crane operating experience"), some title's head noun is that activity's doer ("Tower
    Crane Operator"), and this title names neither the activity nor its doer ("Dogger / Rigger", whose work is near
    the crane, not in its seat)."""
    kind = _KIND_END.split(ask, maxsplit=1)[0]
    if re.search(r"\bor\b|/", ask.split("(", 1)[0]):
        return [False] * len(titles)  # "analytics engineering, BI engineering or data analysis": other ways count
    activities = {
        stem
        for word in _WORD.findall(kind)
        if word.lower().endswith("ing") and (stem := _stem(word)) is not None and stem not in NOT_KIND
    }
    doers = {_head_stem(title) for title in titles} & activities
    if not doers:
        return [False] * len(titles)
    return [not (doers & set(content_stems(title))) and bool(content_stems(title)) for title in titles]
