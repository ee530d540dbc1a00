"""Cheap gates for cue regexes: literal text a pattern cannot match without.

Scoring a sentence runs dozens of cue patterns, and Python's ``re`` has no literal prefilter for patterns
that start with ``\\b(`` and an alternation, so each search walks the whole sentence. :func:`required_text`
reads a pattern's parse tree and returns strings of which at least one must occur in any match ("needed",
"had", "i'd need to" for ``\\b(i|we) (needed|had) to\\b|\\bi'd need to\\b``). Testing ``in`` for a few
strings costs a fraction of a search, and a sentence without any of them is skipped with the same result.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# The regex parser of the standard library (re._parser since Python 3.11; typeshed does not describe it).
_sre_parser: Any = importlib.import_module("re._parser")
_sre_constants: Any = importlib.import_module("re._constants")

_LITERAL = _sre_constants.LITERAL
_SUBPATTERN = _sre_constants.SUBPATTERN
_BRANCH = _sre_constants.BRANCH
_REPEATS = (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT)


def _selectivity(options: frozenset[str]) -> tuple[int, int]:
    """Longer shortest string first (a gate of "i" lets everything through), then fewer strings."""
    return (min(len(text) for text in options), -len(options))


def _required(sequence: Any) -> frozenset[str] | None:
    """Strings of which one must occur in any match of ``sequence``, or ``None`` if none can be named."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, value in sequence:
        if op is _LITERAL:
            run.append(chr(value))
            continue
        close_run()
        found: frozenset[str] | None = None
        if op is _SUBPATTERN:
            found = _required(value[-1])
        elif op is _BRANCH:
            branches = [_required(branch) for branch in value[1]]
            found = None if any(b is None for b in branches) else frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in _REPEATS and value[0] >= 1:
            found = _required(value[2])
        if found:
            candidates.append(found)
    close_run()
    return max(candidates, key=_selectivity) if candidates else None


def required_text(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings of which at least one occurs in every text ``pattern`` matches; ``None`` when unknown
    (case-insensitive patterns, or nothing literal that every match needs)."""
    if pattern.flags & re.IGNORECASE:
        return None
    return _required(_sre_parser.parse(pattern.pattern, pattern.flags))


def gate_passes(gate: frozenset[str] | None, text: str) -> bool:
    """Whether ``text`` can match a pattern with this gate (always, without one)."""
    return gate is None or any(part in text for part in gate)
