"""Alternatives in an ask: "Salesforce, Gainsight or HubSpot", "a full Irish or EU driving licence", "SIA Door
Supervisor or Security Guard licence": items joined by "or" or "/", any one of which meets it. Split from
:mod:`phrases`, which reads the rest of a requirement phrase."""

from __future__ import annotations

import re
from typing import Final

from nextround.analysis.skillgaps.exact import is_ordinary, taxonomy_product
from nextround.analysis.skillgaps.layout import mask_brackets, unmask_brackets

_OR_LIST: Final = re.compile(r"\s*(?:\bor\b|/|\band/or\b)\s*", re.IGNORECASE)
# "Salesforce, Gainsight or HubSpot", "Python, Go, or Rust": a comma list closed by "or" lists alternatives
_OR_SERIES: Final = re.compile(r"^[^,]+(?:,\s*[^,]+)*,?\s+or\s+[^,]+$", re.IGNORECASE)
_AND_WORD: Final = re.compile(r"\s(?:and|&)\s|\band/or\b", re.IGNORECASE)


def or_series(masked: str) -> list[str]:
    """The items of "A, B or C" (no "and" anywhere, each item a short name), else []."""
    if "," not in masked or _AND_WORD.search(masked) or not _OR_SERIES.match(masked.strip()):
        return []
    items = [item.strip() for item in re.split(r"\s*,\s*(?:or\s+)?|\s+or\s+", masked.strip()) if item.strip()]
    return items if len(items) >= 3 and all(len(item.split()) <= 4 for item in items) else []


def alternatives_of(item: str) -> tuple[str, ...]:
    masked, kept = mask_brackets(item)
    series = or_series(masked)
    if series:
        return tuple(unmask_brackets(part, kept) for part in series)
    parts = [unmask_brackets(part, kept).strip(" ") for part in _OR_LIST.split(masked) if part.strip(" ")]
    parts = [part[1:-1] if part.startswith("(") and part.endswith(")") else part for part in parts]
    parts = [part for part in parts if part.strip(" ()")]
    parts = [_OBTAINABLE.sub("", part, count=1) if index else part for index, part in enumerate(parts)]
    if len(parts) < 2 or any(len(part.split()) > 6 for part in parts):
        return _comma_or(masked, kept) or (item,)
    head = _LICENCE_HEAD.search(parts[-1])
    if head:
        # "a full Irish or EU driving licence", "counterbalance or reach truck licence": the licence is each one's
        parts = [
            part if _LICENCE_HEAD.search(part) or len(part.split()) > 3 else f"{part} {head.group(0)}"
            for part in parts[:-1]
        ] + [parts[-1]]
    shared = _AWARD_HEAD.match(parts[0])
    if shared:
        # "Diploma in Apiculture or Agriculture": the award is each subject's ("Diploma in Agriculture"), not the
        # bare subject, which any line of that field would meet
        parts = [parts[0]] + [
            part
            if len(part.split()) > 3 or _AWARD_WORD.search(part) or _NOT_A_SUBJECT.search(part)
            else f"{shared.group('head')}{part}"
            for part in parts[1:]
        ]
    issuer = re.match(r"([A-Z]{2,6})\s+\S", parts[0])
    if issuer:
        # "SIA Door Supervisor or Security Guard licence", "HGV Class 1 or Class 2": the scheme named first is each
        # one's, when the others are its grades in everyday words (not "AWS ... or Azure Administrator")
        parts = (
            [parts[0]]
            + [
                part
                if issuer.group(1) in part.split()
                # "SQL Payroll or similar payroll software": the other way is any product of the kind, not SQL's
                or _NOT_A_SUBJECT.search(part)
                or not all(
                    (is_ordinary(word) and not taxonomy_product(word)) or word.isdigit() for word in part.split()
                )
                else f"{issuer.group(1)} {part}"
                for part in parts[1:]
            ]
        )
    return tuple(parts)


def _comma_or(masked: str, kept: list[str]) -> tuple[str, ...]:
    """ "Degree or diploma in Nautical Studies / Marine Engineering, or seagoing officer's Certificate of Competency":
    ", or" joins the long ways of meeting it, each of which may list short alternatives of its own; empty when the
    item has no ", or" or a way would be a sentence of its own."""
    ways = [way.strip(" ,") for way in _COMMA_OR.split(masked) if way.strip(" ,")]
    if len(ways) < 2 or any(len(way.split()) > 14 for way in ways):
        return ()
    return tuple(part for way in ways for part in alternatives_of(unmask_brackets(way, kept)))


# ", or" between two ways of meeting an ask (not inside a bracket, which is masked)
_COMMA_OR: Final = re.compile(r",\s*or\s+", re.IGNORECASE)
# an alternative offered as one to obtain: "Schiphol pass or you can get a VOG", "... or able to obtain one"
_OBTAINABLE: Final = re.compile(
    r"^(?:(?:you|applicants?|candidates?)\s+(?:can|could|may|will)\s+|(?:be\s+)?(?:able|willing)\s+to\s+)"
    r"(?:get|obtain|apply\s+for)\s+",
    re.IGNORECASE,
)
_LICENCE_HEAD: Final = re.compile(r"\b(?:(?:driving|driver'?s?|car|motor)\s+)?licen[cs]e\b", re.IGNORECASE)
# an award with its subject: "Diploma in ...", "a Certificate IV in ...", "Bachelor's degree in ..."
_AWARD_WORD: Final = re.compile(
    r"\b(?:diploma|degree|certificate|certification|qualification|bachelor'?s?|master'?s?|B\.?Sc|B\.?A|M\.?Sc|"
    r"M\.?A|B\.?Eng|M\.?Eng|HND|HNC|NVQ|SVQ|BTEC|apprenticeship|Ph\.?D|doctorate|licen[cs]e|ticket|card|course)\b",
    re.IGNORECASE,
)
_AWARD_HEAD: Final = re.compile(
    rf"(?P<head>(?:an?\s+)?(?:[\w'-]+\s+){{0,2}}?(?:{_AWARD_WORD.pattern})(?:\s+[IVX0-9]+)?\s+(?:in|of)\s+)\S",
    re.IGNORECASE,
)
# an "or" that offers something else than another subject: "or equivalent", "or a related field", "or higher"
_NOT_A_SUBJECT: Final = re.compile(
    r"\b(?:equivalent|similar|related|relevant|comparable|other|higher|above|experience|any|etc)\b", re.IGNORECASE
)
