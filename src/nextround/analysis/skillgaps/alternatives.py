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
    if len(parts) < 2 or any(len(part.split()) > 6 for part in parts):
        return (item,)
    head = _LICENCE_HEAD.search(parts[-1])
    if head:
        # "a full Irish or EU driving licence", "counterbalance or reach truck licence": the licence is each one's
        parts = [
            part if _LICENCE_HEAD.search(part) or len(part.split()) > 3 else f"{part} {head.group(0)}"
            for part in parts[:-1]
        ] + [parts[-1]]
    issuer = re.match(r"([A-Z]{2,6})\s+\S", parts[0])
    if issuer:
        # "SIA Door Supervisor or Security Guard licence", "HGV Class 1 or Class 2": the scheme named first is each
        # one's, when the others are its grades in everyday words (not "AWS ... or Azure Administrator")
        parts = [parts[0]] + [
            part
            if issuer.group(1) in part.split()
            or not all((is_ordinary(word) and not taxonomy_product(word)) or word.isdigit() for word in part.split())
            else f"{issuer.group(1)} {part}"
            for part in parts[1:]
        ]
    return tuple(parts)


_LICENCE_HEAD: Final = re.compile(r"\b(?:(?:driving|driver'?s?|car|motor)\s+)?licen[cs]e\b", re.IGNORECASE)
