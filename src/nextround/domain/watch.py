"""Company watch rules: which postings match the keywords, and which are new since the last check.

Pure functions over plain postings, so the job-board clients, the services and the tests all share
one definition of "a new opening that matters".

Keyword rule: case-insensitive, whole words (a keyword never matches inside a longer word, so
"java" does not match "javascript"), any keyword is enough, and an empty list matches everything.
Keywords are looked for in the title and the location (so "remote" or "Berlin" work as keywords).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from nextround.errors import UserError

MAX_KEYWORDS = 30
MAX_KEYWORD_LENGTH = 80


class WatchError(UserError, ValueError):
    """A watch that cannot be set up as asked (bad keywords, unknown board)."""


@dataclass(frozen=True, slots=True)
class Posting:
    """One opening on a public job board, in the same shape whichever board it came from."""

    id: str
    title: str
    url: str = ""
    location: str = ""
    posted_at: datetime | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "location": self.location,
            "posted_at": self.posted_at.isoformat() if self.posted_at else None,
        }


@dataclass(frozen=True, slots=True)
class WatchDiff:
    """What a check found: every posting not seen before, and the subset that matches the keywords."""

    new: tuple[Posting, ...]
    matching: tuple[Posting, ...]

    def is_match(self, posting: Posting) -> bool:
        return posting in self.matching


def normalize_keywords(raw: str | Iterable[str] | None) -> tuple[str, ...]:
    """Comma-separated text or a list → trimmed keywords, duplicates (any case) removed, order kept."""
    if raw is None:
        return ()
    parts = raw.split(",") if isinstance(raw, str) else [p for item in raw for p in str(item).split(",")]
    found: list[str] = []
    seen: set[str] = set()
    for part in parts:
        keyword = " ".join(part.split())
        if not keyword:
            continue
        if len(keyword) > MAX_KEYWORD_LENGTH:
            raise WatchError(f"keyword too long (max {MAX_KEYWORD_LENGTH} characters): {keyword[:30]!r}…")
        if keyword.casefold() not in seen:
            seen.add(keyword.casefold())
            found.append(keyword)
    if len(found) > MAX_KEYWORDS:
        raise WatchError(f"too many keywords ({len(found)}); keep it to {MAX_KEYWORDS} or fewer")
    return tuple(found)


def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    # Lookarounds instead of \b, so that keywords ending in symbols ("c++", "c#", ".net") still work.
    body = r"\s+".join(re.escape(word) for word in keyword.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def matches_keywords(text: str, keywords: Sequence[str]) -> bool:
    """True when any keyword occurs in `text` as whole words; an empty keyword list matches everything."""
    if not keywords:
        return True
    return any(_keyword_pattern(keyword).search(text) for keyword in keywords)


def posting_matches(posting: Posting, keywords: Sequence[str]) -> bool:
    return matches_keywords(f"{posting.title}\n{posting.location}", keywords)


def new_postings(fetched: Iterable[Posting], seen_ids: Iterable[str]) -> list[Posting]:
    """Postings whose id was not seen before, in board order, each id once."""
    known = set(seen_ids)
    fresh: list[Posting] = []
    for posting in fetched:
        if posting.id in known:
            continue
        known.add(posting.id)
        fresh.append(posting)
    return fresh


def diff_postings(fetched: Iterable[Posting], seen_ids: Iterable[str], keywords: Sequence[str]) -> WatchDiff:
    fresh = new_postings(fetched, seen_ids)
    return WatchDiff(new=tuple(fresh), matching=tuple(p for p in fresh if posting_matches(p, keywords)))
