"""Where a credential was issued against where the job is, when the ask names no place itself.

:mod:`borders` checks a licence or ticket whose ask names a country ("Full UK driving licence"). Two asks name none
and still carry a place:

* a numbered driving-licence class ("Valid Class 5 driver's licence" in an Alberta ad): class numbers are a
  country's own scale (New Zealand's Class 1 is a car, Canada's Class 1 a semi-trailer), so a CV whose driving
  licences are all another country's, named on their line ("New Zealand full driver licence (Class 1)"), does not
  hold the class on the ad's scale;
* a register kept by one jurisdiction's body ("registered with the Tamil Nadu Pharmacy Council"): a CV registered
  with a body of the same kind under another place's name ("Kerala State Pharmacy Council") is registered
  elsewhere.
"""

from __future__ import annotations

import re
from typing import Final

from nextround.analysis.skillgaps.borders import countries_in, job_countries
from nextround.analysis.skillgaps.credentials import DRIVING_LICENCE
from nextround.analysis.skillgaps.licence_stages import DRIVING_LINE, asks_driving_licence

# a class on a numbered scale: "Class 5", "class 1"; letters (EU categories) are shared across countries
_NUMBERED_CLASS: Final = re.compile(r"\bclass\s*(\d{1,2})(?![\d/])", re.IGNORECASE)
# the ask allows another way: a licence to obtain, convert or an equivalent
_OTHER_WAY: Final = re.compile(
    r"\b(?:or\s+(?:an?\s+)?(?:equivalent|overseas|foreign|international)|equivalent|convert\w*|conversion|obtain\w*"
    r"|within\s+\w+\s+(?:months?|weeks?|days?)|willing|able\s+to\s+get)\b",
    re.IGNORECASE,
)
_INTERNATIONAL: Final = re.compile(r"\binternational\s+(?:driving\s+|driver'?s?\s+)?(?:permit|licen[cs]e)", re.I)
# where an ad's contact says its country: the web or e-mail domain ("@northernlightshoney.ca")
_DOMAIN_COUNTRY: Final = {
    "ca": "canada", "au": "australia", "nz": "new zealand", "uk": "uk", "ie": "ireland", "za": "south africa",
}  # fmt: skip
_DOMAIN: Final = re.compile(r"[\w-]+\.(?:co\.|com\.|org\.|gov\.)?(?P<tld>[a-z]{2})\b(?![.\w@-])")


def _ad_countries(jd: str) -> frozenset[str]:
    """The countries the ad says the job is in: by name, state or province (:func:`borders.job_countries`), else
    by the country domain of its contact address."""
    named = job_countries(jd)
    if named:
        return named
    return frozenset(
        _DOMAIN_COUNTRY[tld] for found in _DOMAIN.finditer(jd) if (tld := found.group("tld")) in _DOMAIN_COUNTRY
    )


def class_scale_short(phrase: str, jd: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when a numbered driving-licence class is asked without a country, the ad is in a known
    country, and every driving licence the CV names is another country's, named on its line. None when a licence
    line names no country (it may be the ad's), one is the ad's country's, or the ask allows another way."""
    if not _NUMBERED_CLASS.search(phrase) or not asks_driving_licence(phrase) or _OTHER_WAY.search(phrase):
        return None
    if countries_in(phrase):
        return None  # the ask names its country: borders reads it
    job = _ad_countries(jd)
    if not job:
        return None
    foreign: list[tuple[str, str]] = []
    for line in cv.splitlines():
        if not (DRIVING_LICENCE.search(line) or DRIVING_LINE.search(line)) or _INTERNATIONAL.search(line):
            continue
        # the whole line: "Malaysia Class D; Singapore Class 3 (converted)", "NZ licence, valid for driving in Alberta"
        issuers = countries_in(line) - {"eu"}
        if not issuers or issuers & job:
            return None
        foreign.append((sorted(issuers)[0], line.strip()))
    if not foreign:
        return None
    country, line = foreign[0]
    places = " or ".join(sorted(place.title() for place in job))
    return f"the CV's driving licence class is {country.title()}'s scale; the job is in {places}", line


# a register's body: capitalised words ending in the body's head ("Tamil Nadu Pharmacy Council")
_BODY_HEAD: Final = r"(?:Council|Board|Authority|Commission|Registry)"
_BODY: Final = re.compile(rf"(?P<name>(?:[A-Z][\w.'’-]*[ \t]+)+?{_BODY_HEAD})\b(?![ \t]+of\b)")
# words of a body's name that say no place: "the State Pharmacy Council", "National ... Board"
_NO_PLACE: Final = frozenset(
    ["the", "state", "national", "general", "central", "federal", "provincial", "regional", "royal", "professional",
     "professionals", "registered", "registration", "with", "by", "a", "an"],
)  # fmt: skip
_REGISTERED: Final = re.compile(r"\b(?:regist\w*|licen[cs]\w*|enrol\w*|member\w*)\b", re.IGNORECASE)


def _body_parts(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(place words, kind words) of a body's name: the kind is its last two words ("Pharmacy Council"), the
    place the capitalised words before them that say a place (not "State", "National")."""
    words = name.split()
    kind = tuple(word.lower() for word in words[-2:])
    place = tuple(word.lower() for word in words[:-2] if word.lower() not in _NO_PLACE)
    return place, kind


def register_place_short(phrase: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when the ask is a registration with one place's body ("registered with the Tamil Nadu
    Pharmacy Council") and the CV is registered only with a body of the same kind under another place's name
    ("Registered Pharmacist – Kerala State Pharmacy Council"). None when the CV names the asked body, or a body of
    the kind with no place of its own."""
    if not _REGISTERED.search(phrase) or _OTHER_WAY.search(phrase):
        return None
    asked = next((found for found in _BODY.finditer(phrase)), None)
    if asked is None:
        return None
    asked_place, kind = _body_parts(asked.group("name"))
    if not asked_place or len(kind) < 2:
        return None
    others: list[tuple[tuple[str, ...], str]] = []
    for line in cv.splitlines():
        for found in _BODY.finditer(line):
            place, held_kind = _body_parts(found.group("name"))
            if held_kind != kind:
                continue
            if not place or set(place) & set(asked_place) or not _REGISTERED.search(line):
                return None  # the asked body, one without a place, or one only named (not registered with)
            others.append((place, line.strip()))
    if not others:
        return None
    place, line = others[0]
    return f"the CV's registration is with another place's body ({' '.join(place).title()})", line
