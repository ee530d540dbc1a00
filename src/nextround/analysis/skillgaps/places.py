"""Names in a job ad that say where the job is and who offers it, not what it asks.

The exact check of named things (:mod:`exact`) is for tools, products, credentials and licences: "HubSpot",
"CSCS", "Xero". A place ("travel around the Waikato and Bay of Plenty", "any GTA hospital"), the employer or a body
("a licence from the Commissioner of Police", "the Baby Friendly Health Initiative") is not a thing a CV must
write: the CV shows the travel, the licence or the knowledge in its own words. Such names are read from the ad's
structure, never from a list of names:

* the title lines: what follows the post's name after " - ", "|" or "," ("Truck Driver - Hamilton, Waikato");
* a place the ad writes after a word of place ("across the GTA", "around the Waikato", "based in Gozo");
* the employer: a name with a company's ending ("LineRight Roadmarking Ltd"), or the subject of the ad's sentence
  about itself ("Academia Movimento Ilha (...) is looking for ...");
* the shape of a body or a programme: capitalised words ending in a word such as Council, Police, Initiative,
  Ministry ("Commissioner of Police", "Baby Friendly Health Initiative"), with the short form the ad gives it in
  brackets ("(BFHI)"). A body whose register or membership is asked ("registered with the Nursing and Midwifery
  Council") stays a named thing: the register is the credential.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from nextround.analysis.skillgaps import exact
from nextround.analysis.skillgaps.cues import HIRING_VERBS, cue_data

if TYPE_CHECKING:
    from nextround.analysis.skillgaps.phrases import Requirement

_JOINING: Final = r"(?:of|the|and|&|de|des|du|da|do|di|la|le|y|i|e|von|van|for|on)"
_RUN: Final = rf"[A-Z][\w'’-]*(?:[ \t]+(?:{_JOINING}[ \t]+)*[A-Z][\w'’-]*)*"
# words that put a name in a place: "across the GTA", "around the Waikato", "based in Gozo", "near Chorley"
_WHERE: Final = re.compile(
    rf"\b(?:across the|around|throughout|all over|near|based in|located in|live in|living in|in and around|travel to"
    rf"|sites? in|stores? in|branches in|clinics? in|hospitals? in|offices? in|situated in)\s+(?:the\s+)?"
    rf"(?P<name>{_RUN})"
)
# a separator after the post's name in a title line: "Truck Driver - Hamilton, Waikato", "Chef | Leeds"
_TITLE_PARTS: Final = re.compile(r"\s+[-–—|]\s+|\s*,\s*")
_COMPANY: Final = re.compile(
    rf"(?P<name>{_RUN})\s+(?:Ltd|Limited|Inc|LLC|GmbH|Pty|plc|PLC|Co|S\.?A|SARL|BV|AG|AB|AS|Oy|SpA|Srl)\b\.?"
)
# the last word of a body's or a programme's name ("Commissioner of Police", "Baby Friendly Health Initiative")
_BODY_HEADS: Final = (
    "Council|Councils|Commission|Commissioner|Police|Ministry|Department|Authority|Agency|Initiative|Programme"
    "|Program|Bureau|Board|Association|Society|Federation|Foundation|Trust|Institute|Organisation|Organization"
    "|Union|Government|Court|Tribunal|Parliament|Hospital|University|College|Academy|Church"
    "|Municipality|Ombudsman|Directorate|Secretariat|Inspectorate|Registry|Alliance|Partnership|Collective"
)
_BODY: Final = re.compile(
    rf"\b(?P<name>{_RUN}(?:[ \t]+{_JOINING})*[ \t]+(?:{_BODY_HEADS})"
    rf"|(?:{_BODY_HEADS})(?:[ \t]+{_JOINING})+[ \t]+{_RUN})"
    r"\b(?![ \t]+[A-Z])"
    r"(?:\s*\((?P<short>[A-Z][A-Za-z]{1,7})\))?"
)
# a credential named after a body ("Diploma of the British Institute of ...", "Membership of the ... Association")
_CREDENTIAL_FIRST: Final = re.compile(
    r"^(?:diploma|certificate|certification|licence|license|award|membership|member|fellowship|fellow|registration"
    r"|accreditation|qualification|degree|card|chartered)\b",
    re.IGNORECASE,
)
# a body whose register or membership is the credential: "registered with the NMC", "membership of the Institute"
_REGISTER: Final = re.compile(
    r"\b(?:regist(?:ered|ration|rable)|member(?:ship)?|fellow(?:ship)?|chartered|accredited|accreditation|licensed)"
    r"\s+(?:with|of|by|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ABOUT_ITSELF: Final = re.compile(
    r"^\W*(?P<name>[A-Z][^.;()\n]{0,80}?)(?:\s*\([^()\n]*\))?[ \t]+(?:is|are)\s+(?:currently\s+|now\s+)?"
    + HIRING_VERBS
    + r"\b",
    re.MULTILINE,
)
# what follows a body's name and makes it a thing a CV names: its rules, standards, courses, exams or approvals
_BODY_THING: Final = re.compile(
    r"(?:\s*\([A-Z][A-Za-z]{1,7}\))?[ \t]+(?:[a-z][\w-]*[ \t]+){0,4}?(?:rules|regulations|standards?|courses?|exams?"
    r"|examinations?|certificates?|certification|approval|approved|code|codes|guidelines|guidance|procedures"
    r"|protocols?|curriculum|syllabus|modules?|qualifications?|accreditation|registration|membership|licen[cs]es?"
    r"|permits?|cards?|tickets?|training)\b"
)
# a body the job deals with as a counterparty: "liaise with the Art Loss Register", "filings with the Official
# Receiver", "returns to the Revenue": who the work goes to, not a thing a CV must name
_COUNTERPARTY: Final = re.compile(
    rf"\b(?i:liais(?:e|es|ing)|liaison|correspond(?:s|ing|ence)?|negotiat(?:e|es|ing)|filings?|fil(?:e|es|ing)"
    rf"(?:\s+[a-z]+){{0,2}})\s+with\s+(?:the\s+)?(?P<with>{_RUN})"
    rf"|\b(?i:reports?|reporting|returns?|submissions?|submit(?:s|ting)?|notifications?|notify(?:ing)?)\s+to\s+"
    rf"(?:the\s+)?(?P<to>{_RUN})"
)
_NOT_NAMES: Final = frozenset(["we", "you", "i", "our", "the", "a", "an", "full", "part", "time", "full time"])


def _parts(run: str) -> set[str]:
    """A run and the names joined in it ("Waikato and Bay of Plenty" -> both, and the whole)."""
    run = run.strip(" ()[]")
    names = {run}
    names |= {part.strip(" ()[]") for part in re.split(r"\s+(?:and|&)\s+|\s*,\s*", run) if part.strip(" ()[]")}
    return {name for name in names if name.lower() not in _NOT_NAMES and not _product_shaped(name)}


def _product_shaped(name: str) -> bool:
    """ "across Instagram and TikTok": a product the taxonomy knows or one written in CamelCase is no place."""
    return any(
        exact.taxonomy_product(word) or (any(char.isupper() for char in word[1:]) and not word.isupper())
        for word in name.split()
    )


@lru_cache(maxsize=256)
def ad_places(ad: str) -> frozenset[str]:
    """The names of places, the employer and bodies in a job ad, lower case (see the module's note)."""
    found: set[str] = set()
    lines = [line.strip() for line in ad.splitlines() if line.strip()]
    for line in lines[:3]:
        if len(line.split()) > 16 or line.endswith("."):
            continue
        parts = [part for part in _TITLE_PARTS.split(line) if part]
        for part in parts[1:]:  # the first part names the post
            words = part.split()
            if not 1 <= len(words) <= 4 or not all(word[:1].isupper() for word in words) or part.isupper():
                continue
            found |= _parts(part)  # never a product: "Bookkeeper - Xero" asks for Xero
    for match in _WHERE.finditer(ad):
        found |= _parts(match.group("name"))
    for match in _COMPANY.finditer(ad):
        found |= _parts(match.group("name"))
    for match in _ABOUT_ITSELF.finditer(ad):
        name = match.group("name")
        if len(name.split()) <= 8 and not re.search(r"\b(?:you|we|candidate|applicant)\b", name, re.IGNORECASE):
            found |= _parts(name)
    bodies: set[str] = set()
    for match in _BODY.finditer(ad):
        if _REGISTER.search(ad[max(0, match.start() - 40) : match.start()]) or _CREDENTIAL_FIRST.match(match.group(0)):
            continue
        if _BODY_THING.match(ad[match.end() :]):
            continue  # "Kenya Dairy Board regulations", "the X Association food safety course": its rules, a thing
        # "SDLT and Land Registry": the body is the name after the last "and"
        name = re.split(r"\s+(?:and|&)\s+|\s*,\s*", match.group("name"))[-1]
        # "Knowledge of the Healthy Homes Initiative": the ask's lead-in written with a capital is not the body's
        lead = re.match(r"^[A-Z][a-z]+[ \t]+(?:of|in|with|for|on)[ \t]+(?:the[ \t]+)?(?P<rest>.+)$", name)
        if lead and len(lead.group("rest").split()) >= 2 and re.search(rf"\b(?:{_BODY_HEADS})$", lead.group("rest")):
            name = lead.group("rest")
        bodies.add(name)
        if match.group("short"):
            bodies.add(match.group("short"))
    for match in _COUNTERPARTY.finditer(ad):
        run = match.group("with") or match.group("to")
        # "the Companies Office": a name of several words is the body's, whatever product one of its words names
        names = {part.strip() for part in re.split(r"\s+(?:and|&)\s+|\s*,\s*", run) if part.strip()}
        names = {re.sub(r"^(?:the|The)\s+", "", name) for name in names}
        bodies |= {name for name in names if " " in name or not _product_shaped(name)}
    # a body counts by its whole name or short form only ("=" marks it), a place or the employer by any word of it
    return frozenset({name.lower() for name in found} | {"=" + name.lower() for name in bodies})


def is_place(name: str, places: frozenset[str]) -> bool:
    """The named thing is one of the ad's places, its employer or a body, or a word of one of their names."""
    lowered = name.lower()
    if lowered in places or "=" + lowered in places:
        return True
    return any(
        re.search(rf"(?<![\w-]){re.escape(lowered)}(?![\w-])", place)
        for place in places
        if " " in place and not place.startswith("=")  # a body counts by its whole name only
    )


# an ask whose named post is one way among others: "served as Assistant Agricultural Officer II or in a comparable
# position", "Head Chef or a similar role"
_COMPARABLE_POST: Final = re.compile(
    r"\bor\s+(?:in\s+|at\s+|as\s+)?(?:an?\s+|any\s+)?(?:other\s+)?(?:comparable|similar|equivalent|related|relevant)\s+"
    r"(?:position|role|post|grade|capacity|rank)s?\b",
    re.IGNORECASE,
)


def asked_names(phrase: str, requirement: Requirement) -> list[tuple[str, ...]]:
    """The things a phrase names that a CV must write (:func:`exact.named_tokens`), less the ad's places,
    employer and bodies; none when the named thing is a post the ask lets a comparable one stand for ("Assistant
    Agricultural Officer II or in a comparable position": the CV's own titles are read by meaning)."""
    if _COMPARABLE_POST.search(phrase):
        return []
    if not requirement.places:
        return exact.named_tokens(phrase, requirement.sentence)
    return [
        spellings
        for spellings in exact.named_tokens(phrase, requirement.sentence)
        if not _placed(spellings[0], phrase, requirement.places)
    ]


def _placed(name: str, phrase: str, places: frozenset[str]) -> bool:
    """The name is a place, the employer or a body as the phrase writes it: alone, or in a run of capitalised
    words that is one ("Abu Dhabi"), or beside one ("Trinidad and Tobago"); not when it starts a longer name
    that is none of them ("Kenya Dairy Board regulations": the board's rules are a named thing)."""
    runs = [run for chunk in re.split(r"[()\[\],;:/|]", phrase) for run in exact.capital_runs(chunk)]
    for run in runs:
        if name not in run:
            continue
        parts = re.split(r"\s+(?:and|&)\s+", " ".join(run))
        own = next((part for part in parts if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", part)), name)
        return is_place(own, places) or (len(parts) > 1 and any(is_place(part, places) for part in parts))
    return is_place(name, places)


@lru_cache(maxsize=1)
def _regions() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """([regions] in ``match_cues.toml``) each region's names and the places inside it, lower case."""
    data = cue_data()
    return tuple((tuple(key.split("|")), tuple(members)) for key, members in data.get("regions", {}).items())


@lru_cache(maxsize=1)
def _place_names() -> tuple[tuple[str, ...], ...]:
    """([place_other_names] in ``match_cues.toml``) the names of one place: old, official and own-language ones."""
    return tuple(tuple(group) for group in cue_data().get("place_other_names", {}).get("groups", []))


def place_other_names(name: str, phrase: str) -> tuple[str, ...]:
    """The other names of a place the ask names ("Ceylon" -> Sri Lanka, "Bombay" -> Mumbai), lower case; a name
    of several words counts only when the phrase writes all of it. Empty when the name is no listed place."""
    lowered = name.lower()
    said = " ".join(re.findall(r"[\w'’-]+", phrase)).lower()
    for group in _place_names():
        for one in group:
            if one == lowered or (
                " " in one
                and re.search(rf"(?<![\w-]){re.escape(lowered)}(?![\w-])", one)
                and re.search(rf"(?<![\w-]){re.escape(one)}(?![\w-])", said)
            ):
                return tuple(other for other in group if other != one)
    return ()


def region_members(name: str, phrase: str) -> tuple[str, ...]:
    """The places inside a region the ask names ("GCC" -> Dubai, Oman, ...), so a CV naming where it worked shows
    the region: `name` is one of the ask's named things, and a region's name of several words counts only when the
    phrase writes all of it ("Arabian Gulf", not "Gulf of Mexico"). A place's other names count as well ("Ceylon"
    is shown by "Sri Lanka", :func:`place_other_names`). Empty when the name is neither."""
    lowered = name.lower()
    said = " ".join(re.findall(r"[\w'-]+", phrase))
    members: list[str] = list(place_other_names(name, phrase))
    for names, inside in _regions():
        for region in names:
            if region != lowered and not (
                " " in region and re.search(rf"(?<![\w-]){re.escape(lowered)}(?![\w-])", region)
            ):
                continue
            written = re.search(rf"(?i)(?<![\w-]){re.escape(region)}(?![\w-])", said)
            # "the East Africa Tea Trade Association": a region's name inside a longer name is that body's
            if written and not re.match(r"\s+(?:[A-Z]|of\s+[A-Z])", said[written.end() :]):
                members += inside
                break
    return tuple(members)


@lru_cache(maxsize=1)
def _within() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """([places_within] in ``match_cues.toml``) a state's or a country's names and the places inside it."""
    data = cue_data()
    return tuple((tuple(key.split("|")), tuple(members)) for key, members in data.get("places_within", {}).items())


# "3 years in oil and gas construction in the GCC", "2+ years residential conveyancing in Queensland"
_IN_PLACE: Final = re.compile(rf"\b(?:in|within|across|throughout)\s+(?:the\s+)?(?P<name>{_RUN})")


def years_place(requirement: Requirement) -> tuple[str, ...]:
    """The words a CV line names the place of a years ask with ("in the GCC": GCC, Dubai, Oman ...; "in
    Queensland": QLD, Brisbane ...), lower case; empty when the ask names no place. A place is a region
    (`region_members`), a state or country of [places_within], or one of the ad's places; the ask's text, or its
    sentence when the text is the place alone (the second figure "at least 2 in the GCC" read as "GCC")."""
    texts = [requirement.text]
    if _IN_PLACE.fullmatch("in " + requirement.text.strip()):
        texts.append(requirement.sentence)
    for text in texts:
        for found in _IN_PLACE.finditer(text):
            name = found.group("name")
            lowered = name.lower()
            if text is requirement.sentence and lowered != requirement.text.strip().lower():
                continue
            members = list(region_members(name, text))
            members += [member for names, inside in _within() if lowered in names for member in inside]
            if members or (lowered in requirement.places and not _product_shaped(name)):
                return (lowered, *members)
    return ()


# a place said of part of a claim only: "7 years of HSE, including oil and gas projects in Oman"
_PART_ONLY: Final = re.compile(
    r"\b(?:including|incl|mostly|mainly|partly|nearly|some|part of|of which|of them)\b", re.IGNORECASE
)


def names_place(lines: Sequence[str], place: Sequence[str], *, whole: bool = False) -> bool:
    """Some line names the place or a place inside it (whole words, any case); with `whole` (a claim's years),
    not after a word that gives the place only a part of them."""
    for line in lines:
        for word in place:
            found = re.search(rf"(?i)(?<![\w-]){re.escape(word)}(?![\w-])", line)
            if found and not (whole and _PART_ONLY.search(line[: found.start()])):
                return True
    return False
