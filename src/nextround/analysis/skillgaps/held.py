"""Whether a credential a CV line names is held now: expired, lapsed, booked, in progress, still to come, or valid
only until a year already past. Split from :mod:`exact`, which still exports :func:`not_held`."""

from __future__ import annotations

import re
from typing import Final

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps.cues import load_cues
from nextround.analysis.skillgaps.currency import ended, lower_stage, not_current

_NOT_HELD: Final = re.compile(
    r"\b(?:expired|lapsed|out of date|no longer valid|not renewed|in progress|ongoing|working towards|"
    r"currently (?:studying|completing|enrolled)|upgrading to|pending|awaiting|due to complete|to be completed|"
    r"not yet|in training|(?:test|exam|assessment|course|renewal|refresher)s? (?:is )?booked|booked for|"
    r"expected (?:in )?(?:\w+ )?(?:19|20)\d\d|"
    # "Certificate IV in Rail Signalling (Maintenance) - enrolled, 4 of 11 units", "- studying Fourth Class Power
    # Engineering": enrolled or studying after the name, not the title "Enrolled Nurse" (session 24)
    r"(?<=[-–,(:;] )(?:enrolled|studying))\b",
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


# a "Name:" heading governs every clause of its line ("HCPC: application submitted ..., awaiting the number")
_HEADING: Final = re.compile(r"^\W*([^:;|.]{2,60}):")


# words of an ask that do not say which credential or skill it is ("exam", "licence", "experience")
_GENERIC: Final = frozenset(
    content_stems(
        "experience knowledge working work ability able skills skill good strong valid current full relevant years "
        "year minimum least hold have own using use must essential required preferred desirable equivalent similar "
        "related understanding level certificate certification certified qualification qualified licence license card "
        "ticket course training trained exam exams examination test tests pass passed registration registered "
        "member membership module modules"
    )
)
_MONTHS: Final = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)


def clauses(sentence: str) -> list[str]:
    """The line's parts: split at ; | and bullets, and at a full stop that ends a sentence."""
    pieces = re.split(r"[;|•·]", sentence)
    return [part for piece in pieces for part in re.split(r"(?<=[a-z)][.!?])\s+(?=[A-Z])", piece)]


def _names(clause: str) -> bool:
    """The clause names something of its own: an acronym, or a capitalised word past its first that is no month
    ("Site Safe passport booked", "FM booked"); "exam booked for February 2027" names nothing."""
    words = re.findall(r"[A-Za-z][\w+/-]*", clause)
    return any(
        re.fullmatch(r"[A-Z][A-Z0-9+/-]+", word) or (index and word[0].isupper() and not _MONTHS.match(word))
        for index, word in enumerate(words)
    )


def _about(clauses: list[str], sentence: str, wanted: set[str]) -> list[bool]:
    """Which clauses speak of the ask: those holding one of its own words, a clause that names nothing of its own
    after one of them ("licence held 2020 - 2025; lapsed April 2026"), every clause under a "Name:" heading that
    holds one, and every clause when none does (the rules took the line as the ask's evidence in other words)."""
    own = wanted - _GENERIC
    heading = _HEADING.match(sentence)
    if heading and own & set(content_stems(heading.group(1))):
        return [True] * len(clauses)
    about: list[bool] = []
    for clause in clauses:
        about.append(bool(own & set(content_stems(clause))) or bool(about and about[-1] and not _names(clause)))
    return about if any(about) else [True] * len(clauses)


# "en cours de validité" (French: currently valid) says the credential is held; "en cours" alone says it is under way
_STILL_VALID: Final = re.compile(r"\ben cours de validit[ée]\b", re.IGNORECASE)


# an ask that takes a step under way as enough: "HCPC registration (or eligible for registration)", "eligible to
# apply", "qualified, or a finalist": an application in progress or a last paper to sit meets it
_STEP_ENOUGH: Final = re.compile(
    r"\b(?:or\s+(?:be\s+)?eligib\w*|eligible\s+to\s+(?:apply|register|certify|sit|obtain)|or\s+(?:a\s+)?finalist|"
    r"or\s+part[- ]qualified)",
    re.IGNORECASE,
)


def not_held(sentence: str, reference_year: int | None = None, ask: str = "") -> bool:
    """The CV line names a credential it does not hold now: expired, lapsed, booked, in progress, or valid
    only until a year already past ("ACLS (AHA), expired March 2026", "Class 1 test booked for February").
    Given the `ask`, a cue counts only in a clause that speaks of the ask (:func:`_about`), and never when the ask
    takes a step under way as enough ("or eligible for registration")."""
    if ask and _STEP_ENOUGH.search(ask):
        return False  # an application in progress is what "or eligible" asks for
    wanted = set(content_stems(ask)) if ask else set()
    sentence = _STILL_VALID.sub("valid", sentence)
    if ask:
        sentence = _TOWARDS.sub(
            lambda cue: cue.group(0) if wanted & set(content_stems(cue.group(1))) else " ", sentence
        )
    parts_of = clauses(sentence)
    about = _about(parts_of, sentence, wanted) if ask else [True] * len(parts_of)
    if any(
        (_NOT_HELD.search(part) or not_current(part) or ended(part) or lower_stage(part, ask)) and here
        for part, here in zip(parts_of, about, strict=True)
    ):
        return True  # expired, in progress, due for renewal, or a provisional licence for a full one
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
    for part, here in zip(parts_of, about, strict=True):
        # "ServiceNow CSA (2022); CAD voucher for 2027": the voucher is for the CAD, not the CSA
        cue = load_cues().not_yet.search(part) or _TO_COME.search(part)
        if cue and here and not re.search(r"\bnext\b", part, re.IGNORECASE):
            return True
    return reference_year is not None and any(int(year) < reference_year for year in _VALID_UNTIL.findall(sentence))
