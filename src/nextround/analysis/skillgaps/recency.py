"""Credentials asked "within the last N months/years": the date the CV gives them must fall inside the window.

"CPR (HLTAID009) completed within the last 12 months" is not met by "Provide CPR (HLTAID009), August 2025" in
December 2026: the CV shows the thing, so every similarity says "shown", but the job's point is how recent it is.
Only the gap direction is decided here (a recent date does not prove the thing), and only when every CV line that
names the ask carries a date and the latest is outside the window.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps.currency import usual_validity
from nextround.analysis.skillgaps.evidence import specificity

_NUMBERS: Final = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "twelve": 12, "eighteen": 18}
_WINDOW: Final = re.compile(
    r"\b(?:within|in) the (?:last|past|previous)\s+(\d{1,2}|one|two|three|four|five|six|twelve|eighteen)"
    r"(?:\s*\(\d{1,2}\))?\s+(months?|years?)\b",
    re.IGNORECASE,
)
_MONTHS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATE: Final = re.compile(
    r"\b(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+|(\d{1,2})[/.-])?((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_NOW: Final = re.compile(r"\b(?:present|current(?:ly)?|to date|till date|ongoing|now)\b", re.IGNORECASE)
# words of the ask that say when or how, not what: they do not pick the CV line that names the credential
_NOT_WHAT: Final = frozenset(
    content_stems(
        "within last past months years completed completion successful current valid issued hold training "
        "certificate certification card"  # "Current BLS certificate": the CV's line may say "BLS provider"
    )
)


def window_months(sentence: str) -> int | None:
    """The window the job gives, in months ("within the last 2 years" -> 24), or None."""
    found = _WINDOW.search(sentence)
    if found is None:
        return None
    amount, unit = found.group(1).lower(), found.group(2).lower()
    number = int(amount) if amount.isdigit() else _NUMBERS[amount]
    return number * 12 if unit.startswith("year") else number


def _latest(line: str, now: int) -> int | None:
    """The latest date a CV line gives, as a month count (a year alone is its December: never too old by
    accident); "present" is now."""
    if _NOW.search(line):
        return now
    latest = None
    for month_name, month_number, year in _DATE.findall(line):
        if month_name:
            month = _MONTHS.index(month_name.lower()[:3]) + 1
        elif month_number and 1 <= int(month_number) <= 12:
            month = int(month_number)
        else:
            month = 12
        value = int(year) * 12 + month - 1
        latest = value if latest is None else max(latest, value)
    return latest


def reference_month(reference_year: int | None, today: date | None = None) -> int:
    """Now as a month count: this month when the reference year is this year, else the reference year's end."""
    today = today or date.today()
    if reference_year is None or reference_year == today.year:
        return today.year * 12 + today.month - 1
    return reference_year * 12 + 11


def stale(sentence: str, ask: str, cv_text: str, evidence_line: str | None, reference_year: int | None) -> str | None:
    """The CV line that names the ask when it is dated outside the job's window ("within the last 12 months"),
    else None. The lines read are the evidence line and every line holding the ask's most specific word; all
    must be dated, and the latest date must be older than the window."""
    # "within the last 12 months", else the card's usual validity when it is asked current ("Current BLS")
    months = window_months(sentence) or usual_validity(sentence, ask)
    if months is None:
        return None
    now = reference_month(reference_year)
    stems = [stem for stem in dict.fromkeys(content_stems(ask)) if stem not in _NOT_WHAT]
    if not stems:
        return None
    key = max(stems, key=specificity)
    lines = [line.strip() for line in cv_text.splitlines() if key in content_stems(line)]
    if evidence_line:
        lines += [line.strip() for line in cv_text.splitlines() if evidence_line in line]
    lines = list(dict.fromkeys(line for line in lines if line))
    if not lines:
        return None
    dates = [_latest(line, now) for line in lines]
    if any(value is None for value in dates):
        return None
    newest = max(value for value in dates if value is not None)
    if now - newest <= months:
        return None
    return lines[dates.index(newest)]
