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
from collections.abc import Iterator
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


# A gate of more strings, or with one of a single character ("i", "a"), is met by nearly every sentence or costs
# more to test than the search it saves (measured on the framing patterns over the dev sentences).
_GATE_MOST_STRINGS = 24


class GatedPattern:
    """A compiled pattern that tests its gate (:func:`required_text`) before it searches: the same results as the
    pattern's own ``search``, ``finditer`` and ``sub``, without a walk over text that lacks every required string."""

    __slots__ = ("compiled", "gate")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        gate = required_text(compiled)
        cheap = gate is not None and len(gate) <= _GATE_MOST_STRINGS and min(map(len, gate)) > 1
        self.gate = gate if cheap else None

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    def _open(self, text: str) -> bool:
        return self.gate is None or any(map(text.__contains__, self.gate))

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text) if self._open(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text) if self._open(text) else iter(())

    def sub(self, replacement: str, text: str) -> str:
        return self.compiled.sub(replacement, text) if self._open(text) else text
