"""Test helpers for the skill-gap matcher: every requirement's verdict, and the one verdict on a named requirement."""

from __future__ import annotations

from nextround.analysis.skillgaps.matcher import judge_all


def verdicts(jd: str, cv: str) -> dict[str, tuple[bool, str, str]]:
    """Each requirement read from `jd`, with its verdict against `cv`: (met, how, reason)."""
    return {
        item.requirement.text: (item.evidence.met, item.evidence.how, item.evidence.reason)
        for item in judge_all(jd, cv, reference_year=2026)
    }


def verdict_on(jd: str, cv: str, words: str) -> tuple[bool, str, str]:
    """The verdict on the one requirement whose text holds `words`."""
    found = [verdict for text, verdict in verdicts(jd, cv).items() if words in text]
    assert len(found) == 1, verdicts(jd, cv)
    return found[0]
