"""Whether a credential a CV line names is held now: expired, lapsed, booked, in progress, still to come, or valid
only until a year already past. Split from :mod:`exact`, which still exports :func:`not_held`."""

from __future__ import annotations

import re
from typing import Final

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps.cues import load_cues

_NOT_HELD: Final = re.compile(
    r"\b(?:expired|lapsed|out of date|no longer valid|not renewed|in progress|ongoing|working towards|"
    r"currently (?:studying|completing|enrolled)|upgrading to|pending|awaiting|due to complete|to be completed|"
    r"not yet|in training|(?:test|exam|assessment|course|renewal|refresher)s? (?:is )?booked|booked for|"
    r"expected (?:in )?(?:\w+ )?(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# "Trade test (Red Seal) booked at the centre for March 2027", "licensing exam: scheduled February 2027", "portfolio
# due 2027": the test or its evidence still to come; said of its own part of a line ("passed October 2025; the next
# one is scheduled for January 2027" is held)
_TO_COME: Final = re.compile(
    r"\b(?:(?:test|exam|examination|assessment|course)s?\b[^.;|]{0,40}?\b(?:booked|scheduled)"
    r"|(?:booked|scheduled)\s+(?:for\s+|in\s+)?(?:\w+\.?\s+)?(?:19|20)\d\d"
    r"|(?:portfolio|exam|examination|assessment|test)s?\s+due"
    # "Apprentice Powerline Technician (Period 3), 2023 to present": still learning the trade asked
    r"|apprentice\b[^;|]{0,80}?\b(?:present|current|now|period \d|year \d|\d(?:st|nd|rd|th)[- ](?:year|period)))\b",
    re.IGNORECASE,
)
_VALID_UNTIL: Final = re.compile(
    r"\b(?:valid (?:to|until|till|through)|expire[sd]?|expiry)\s+(?:\w+\s+)?((?:19|20)\d\d)\b", re.I
)

# a cue that looks ahead ("working towards echo accreditation") qualifies what follows it in its clause only: in
# "Cardiac physiologist, three years post-qualification, working towards echo accreditation" the years are held
_TOWARDS: Final = re.compile(
    r"\b(?:working towards|currently (?:studying|completing|enrolled)|upgrading to|due to complete)\b([^,;.()]*)",
    re.IGNORECASE,
)


# "en cours de validité" (French: currently valid) says the credential is held; "en cours" alone says it is under way
_STILL_VALID: Final = re.compile(r"\ben cours de validit[ée]\b", re.IGNORECASE)


def not_held(sentence: str, reference_year: int | None = None, ask: str = "") -> bool:
    """The CV line names a credential it does not hold now: expired, lapsed, booked, in progress, or valid
    only until a year already past ("ACLS (AHA), expired March 2026", "Class 1 test booked for February").
    Given the `ask`, a forward cue counts only when its clause holds a word of the ask."""
    wanted = set(content_stems(ask)) if ask else set()
    sentence = _STILL_VALID.sub("valid", sentence)
    if ask:
        sentence = _TOWARDS.sub(
            lambda cue: cue.group(0) if wanted & set(content_stems(cue.group(1))) else " ", sentence
        )
    if _NOT_HELD.search(sentence):
        return True
    parts = re.split(r"[;|•·]", sentence)
    alternatives = [set(content_stems(each)) for each in re.split(r"\s*/\s*|\s+or\s+", ask)] if ask else []
    for part in parts:
        # "Track Safety Awareness (TSA), 2025; Protection Officer training booked": one alternative of "Track Safety
        # Awareness / Protection Officer" is held on its own part of the line
        stems = set(content_stems(part))
        shown = any(len(each) >= 2 and each <= stems for each in alternatives) and len(alternatives) >= 2
        expired = reference_year is not None and any(int(year) < reference_year for year in _VALID_UNTIL.findall(part))
        if shown and not (
            _NOT_HELD.search(part) or _TO_COME.search(part) or load_cues().not_yet.search(part) or expired
        ):
            return False
    for part in parts:
        # "ServiceNow CSA (2022); CAD voucher for 2027": the voucher is for the CAD, not the CSA
        cue = load_cues().not_yet.search(part) or _TO_COME.search(part)
        if cue and not re.search(r"\bnext\b", part, re.IGNORECASE) and (not ask or wanted & set(content_stems(part))):
            return True
    return reference_year is not None and any(int(year) < reference_year for year in _VALID_UNTIL.findall(sentence))
