"""A kind of tool asked by its short or generic name ("CAT tools such as memoQ", "an ATS such as Workday", "a POS
system", "EDR tool (Defender for Endpoint, CrowdStrike or similar)"): any product of that kind the CV names meets it,
since the kind, not the example, is the ask. The products of each kind are listed in ``match_cues.toml`` ([kinds]).

An ask that names one product of the kind without offering it as an example ("Opera PMS", "AutoCAD") asks for that
product; the named-thing check reads it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from nextround.analysis.skillgaps.cues import cue_data

# the product named in the ask is an example of the kind, not the ask itself
_EXAMPLE: Final = re.compile(
    r"\b(?:such as|e\.?g\.?|for example|like|including|or similar|or equivalent|or comparable|similar)\b", re.I
)


@lru_cache(maxsize=1)
def _kinds() -> tuple[tuple[re.Pattern[str], re.Pattern[str], frozenset[str]], ...]:
    data = cue_data()
    kinds = []
    for words, products in data.get("kinds", {}).items():
        # a short form counts in capitals only ("CAD", not "cad"); a generic name in any case
        short = [word for word in words.split("|") if " " not in word and "-" not in word]
        named = [word for word in words.split("|") if word not in short]
        parts = [rf"(?-i:{re.escape(word.upper())})s?" for word in short] + [re.escape(word) for word in named]
        kind = re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", re.IGNORECASE)
        listed = re.compile(
            rf"(?<![\w-])(?:{'|'.join(re.escape(product) for product in sorted(products, key=len, reverse=True))})"
            r"(?![\w-])",
            re.IGNORECASE,
        )
        # a product that is also a word of the kind ("4x4") names the kind when the ask writes it
        kinds.append((kind, listed, frozenset(products) - {word.lower() for word in words.split("|")}))
    return tuple(kinds)


def kind_line(ask: str, cv_lines: Sequence[str]) -> str | None:
    """The first CV line naming a product of the kind the ask names, when the ask is for the kind."""
    for kind, listed, products in _kinds():
        if not kind.search(ask):
            continue
        named = next((found for found in listed.finditer(ask) if found.group(0).lower() in products), None)
        if named is not None and not _EXAMPLE.search(ask):
            continue  # "Opera PMS": that product is asked
        for line in cv_lines:
            # a product is written as a name: "Lever", "Square", "Across" with a capital, not "across the region";
            # or with a figure ("4x4")
            if any(any(char.isupper() or char.isdigit() for char in found.group(0)) for found in listed.finditer(line)):
                return line.strip()
    return None


# a credential word on an ask or a CV line: "reach truck certificate", "Forklift licence (counterbalance)"
_CREDENTIAL: Final = re.compile(
    r"(?i)\b(?:certificat\w*|certified|licen[cs]\w*|tickets?|cards?|permits?|accredit\w*|qualifi\w*|diploma|"
    r"trained|training|course|certificaat|rijbewijs|rtitb|itssar|aitt|npors)\b"
)


def _whole_words(words: Sequence[str]) -> re.Pattern[str]:
    """Any of the words, not inside a longer word or hyphenated name, in any case."""
    return re.compile(rf"(?i)(?<![\w-])(?:{'|'.join(re.escape(word) for word in words)})(?![\w-])")


@lru_cache(maxsize=1)
def _lift_trucks() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """([lift_trucks] in ``match_cues.toml``) each kind of lift truck and the words that name it."""
    data = cue_data()
    section = data.get("lift_trucks", {})
    out = []
    for kind, names in section.get("kinds", {}).items():
        words = sorted({kind, *names}, key=len, reverse=True)
        out.append((kind, _whole_words(words)))
    return tuple(out)


@lru_cache(maxsize=1)
def _lift_truck_family() -> re.Pattern[str]:
    data = cue_data()
    words = sorted(data.get("lift_trucks", {}).get("family", []), key=len, reverse=True)
    return _whole_words(words)


def lift_truck_short(ask: str, cv_lines: Sequence[str]) -> tuple[str, str] | None:
    """(the reason, the CV line) when the ask is a ticket for a kind of lift truck ("Valid reach truck
    certificate") and the CV's lift-truck tickets name only other kinds ("Forklift certificate (counterbalance)"):
    each kind is its own licence, one does not meet another. None when the ask names no kind or no ticket, when a
    CV ticket names a kind asked, or when the CV's tickets name no kind at all ("Forklift licence")."""
    if not _CREDENTIAL.search(ask):
        return None
    asked = [kind for kind, pattern in _lift_trucks() if pattern.search(ask)]
    if not asked:
        return None
    family = _lift_truck_family()
    tickets = [
        line.strip()
        for line in cv_lines
        if _CREDENTIAL.search(line) and (family.search(line) or any(p.search(line) for _, p in _lift_trucks()))
    ]
    held = {kind: line for line in tickets for kind, pattern in _lift_trucks() if pattern.search(line)}
    if not held or any(kind in held for kind in asked):
        return None
    other = next(iter(held))
    return f"the CV's lift-truck ticket is for {other}, not {' or '.join(asked)}", held[other]


@lru_cache(maxsize=1)
def _head_kinds() -> tuple[tuple[re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]], ...]:
    """([head_kinds] in ``match_cues.toml``) each head noun with its kinds and the words that name each kind."""
    groups = cue_data().get("head_kinds", {}).get("groups", [])
    return tuple(
        (
            _whole_words(group["head"]),
            tuple((kind, _whole_words(sorted(words, key=len, reverse=True))) for kind, words in group["kinds"].items()),
        )
        for group in groups
    )


def head_kind_short(ask: str, cv_lines: Sequence[str]) -> tuple[str, str] | None:
    """(the reason, the CV line) when the ask names a kind of a technical thing ("electronic interlocking", "TIG
    welding") and the CV's lines naming that thing name only other kinds ("Route relay interlocking (RRI)"): another
    kind under the same head noun is other equipment or another process. None when the ask names no listed kind, when
    the CV names a kind asked anywhere, or when its lines naming the thing name no kind at all."""
    for head, kinds in _head_kinds():
        if not head.search(ask):
            continue
        asked = [kind for kind, pattern in kinds if pattern.search(ask)]
        if not asked:
            continue
        if any(pattern.search(line) for kind, pattern in kinds if kind in asked for line in cv_lines):
            return None
        for line in cv_lines:
            if not head.search(line):
                continue
            other = next((kind for kind, pattern in kinds if pattern.search(line)), None)
            if other is not None:
                return f"the CV shows {other}, not {' or '.join(asked)}", line.strip()
        return None
    return None


@lru_cache(maxsize=1)
def _motorcycle() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """([motorcycle_licence] in ``match_cues.toml``) the words of an ask to ride, of a licence, of a CV licence line
    that holds a motorcycle category, and of one that names a class or a vehicle."""
    data = cue_data()["motorcycle_licence"]
    return tuple(  # type: ignore[return-value]
        _whole_words(sorted(data[key], key=len, reverse=True)) for key in ("asks", "licences", "held", "classes")
    )


_CLASS_CODE: Final = re.compile(r"(?i)\b(?:class|category|cat\.?|code)\s+([A-Z][0-9A-Z]?)\b")


def motorcycle_short(ask: str, cv_lines: Sequence[str]) -> tuple[str, str] | None:
    """(the reason, the CV line) when the ask is a licence to ride a motorcycle ("valid riding licence", "two-wheeler
    licence", "motorcycle permit (class A)") and every CV licence line names a class or vehicle but no motorcycle
    ("Driving licence: Class BCE", "Driving licence: LMV (car)"). None when a CV licence line names a motorcycle or the
    class the ask gives, names no class at all ("Lagos State driver's licence"), or the CV names no licence."""
    rides, licence, held, classes = _motorcycle()
    if not (rides.search(ask) and licence.search(ask)) or re.search(r"\bCDL\b", ask):
        return None
    codes = {code.upper() for code in _CLASS_CODE.findall(ask)}
    lines = [line.strip() for line in cv_lines if licence.search(line)]
    if not lines:
        return None
    for line in lines:
        named = {code.upper() for code in _CLASS_CODE.findall(line)}
        if held.search(line) or codes & named or not classes.search(line):
            return None
    return "the CV's licence is for other vehicles, not a motorcycle", lines[0]
