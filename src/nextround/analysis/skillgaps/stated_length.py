"""The length a CV states for a role beside its dates: "Jul 2024 – present (1 year 7 months)", "2023 to 2024
(9 months)", "Mar 2022 - Jun 2023 · 1 yr 4 mos". Dates in whole years ("2023 to 2024") or a "present" read as the
reference year overstate a role by up to eleven months; the CV's own figure is the writer's count, so it caps them."""

from __future__ import annotations

import re
from typing import Final

_YEARS: Final = r"(?P<years>\d{1,2})\s*(?:years?|yrs?)"
_MONTHS: Final = r"(?P<{}>\d{{1,2}})\s*(?:months?|mos?|mths?)"
# a length in brackets or after a separator that closes the heading: "(1 year 7 months)", "(18 months)",
# "(supervised, 2 years)", "· 1 yr 4 mos"; "(2 years post-registration)" or "(fixed term 18 months)" state no length
# of the time worked, so the figure must end its bracket or the line
_LENGTH: Final = re.compile(
    rf"(?:\(|[·|]\s*|,\s*)(?:[^()\d]{{0,20}},\s*)?(?:{_YEARS}(?:\s*(?:,|and)?\s*{_MONTHS.format('months')})?"
    rf"|{_MONTHS.format('only')})\s*(?:\)|$)",
    re.IGNORECASE,
)
_FIXED_TERM: Final = re.compile(r"\b(?:fixed[- ]term|contract|term|course|programme|program)\b", re.IGNORECASE)


def stated_months(head: str) -> int | None:
    """The months a role's heading states of itself, or None when it states none (or only a term of contract)."""
    found = [each for each in _LENGTH.finditer(head) if not _FIXED_TERM.search(each.group(0))]
    if len(found) != 1:
        return None  # none, or two lengths of which the heading does not say which is the role's
    length = found[0]
    years = int(length.group("years") or 0)
    months = int(length.group("months") or length.group("only") or 0)
    return years * 12 + months or None
