"""Words for people, shared by every front end: real plurals, not "answer(s)"."""

from __future__ import annotations


def plural(count: int, word: str, plural_word: str | None = None) -> str:
    """`plural(1, "answer")` → "1 answer"; `plural(3, "entry", "entries")` → "3 entries"."""
    return f"{count} {word if count == 1 else (plural_word or word + 's')}"
