"""A CV clause that denies or hands off the skill asked is not evidence of it.

"No forklift ticket", "never worked with goats", "Scuba certificate: not held", "not yet for paying customers"
deny it; "the audits are carried out by the quality manager", "the chef who does the ordering" hand it to
another person. Such a clause names the ask's words without showing them, so when a distinctive word of the ask
is written only in such clauses the item is a gap, with the CV's own words as evidence. The negation's reach is
the text toolkit's (:mod:`nextround.analysis.text.scope`); a negated mishap shows the skill instead ("no
accidents in ten years of driving", "never missed a deadline", "without supervision")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps.cues import cue_data
from nextround.analysis.text.scope import negation_scopes

__all__ = ["denied_line"]

# words of an ask that say nothing of the skill itself
_GENERIC: Final = frozenset(
    content_stems(
        "experience experienced knowledge working work worked ability able skills skill proven good strong "
        "excellent valid current full relevant years year minimum least hold holding have own using use "
        "must essential required preferred desirable equivalent similar related understanding familiarity "
        "proficiency proficient demonstrated solid sound basic advanced level certificate certification "
        "qualification qualified licence license card ticket course training trained"
    )
)
# a negated mishap or a want of help shows the skill ("no accidents", "never missed", "without supervision")
_MISHAP: Final = re.compile(
    r"\b(?:seasick|trouble|other|accident|incident|complaint|error|mistake|miss|lost|loss|fail|injur|claim|absen|sick|breach|defect"
    r"|delay|problem|issue|point|conviction|criminal|offen|penalt|fine|supervis|help|assist|guidance|prompt"
    r"|gap|break|late|doubt|concern|warning|disciplin|fault|damage|spill|reject|return|downtime|overdue|violat|speeding)",
    re.IGNORECASE,
)
# the denial must reach the ask's word within a few words ("never worked with goats"), not a clause later
_REACH: Final = 5
# "Scuba certificate: not held", "Forklift - none", "HGV licence: no": a denial written after the name
_AFTER: Final = re.compile(r"[:\-–—]\s*(?:not held|none|not yet|no|nil|n/a|not applicable)\b", re.IGNORECASE)
# another person does it: "carried out by the quality manager", "the chef who does the ordering"
_BY_ANOTHER: Final = re.compile(
    r"\b(?:done|built|taken|made|carried out|performed|handled|operated|conducted|completed|taught|delivered|"
    r"prepared|fitted|calibrated|written|cooked|installed|signed|programmed|driven|inspected|seen|treated|covered|"
    r"looked after)\s+by\s+"
    r"(?:the|our|a|an|my|his|her|their|another|other)\b"
    r"|\b(?<!i am )(?<!i'm )(?<!i was )the\s+(?:[a-z-]+\s+){0,4}?(?:who|that)\s+(?:does|do|did|handles|takes|runs|"
    r"carries out|performs|builds|makes|operates|calibrates|conducts)\b",
    re.IGNORECASE,
)
# the candidate only helped, watched or went along while another person did it: "helped the installation team on
# one curtain wall job", "shadowed a senior nurse on night rounds", "attended committee with my senior officer",
# "as assistant to the lead teacher", "know it only from watching"; not help given to the people served
# ("assisted customers with returns"). It reaches to the end of its sentence, past commas.
_ASSISTED: Final = re.compile(
    r"\b(?:assist(?:ed|ing)|help(?:ed|ing)|shadow(?:ed|ing)|observ(?:ed|ing)|watch(?:ed|ing)|sat in on)\s+"
    r"(?:the|a|an|our|my|other|senior|more\s+senior)\s+(?!(?:\w+\s+)?(?:customers?|clients?|guests?|"
    r"patients?|students?|pupils?|children|kids|users?|public|visitors?|residents?|members?|families|people|"
    r"passengers?|callers?|shoppers?|learners?|tenants?|owners?|buyers?)\b)"
    r"|\b(?:alongside|with|beside)\s+my\s+(?:senior|supervisor|mentor|manager|line manager|trainer)\b"
    r"|\bas\s+(?:an?\s+)?(?:assistant|helper|observer|second)\s+(?:to|for)\b"
    r"|\b(?:only\s+)?(?:from|by)\s+(?:watching|observing|seeing)\b",
    re.IGNORECASE,
)
# practice only, not yet for the people served: "polygel tips (on myself and friends, not yet for clients)"; it
# reaches the list item it stands in, brackets and all, not the rest of the list
_PRACTICE_ONLY: Final = re.compile(
    r"\bnot yet (?:for|on|with) (?:paying |real )?(?:clients|customers|patients|guests|the public)\b"
    r"|\bonly (?:on|for) (?:myself|friends|family)\b|\bon myself and (?:friends|family)\b",
    re.IGNORECASE,
)
_ITEMS: Final = re.compile(r",\s+(?![^()]*\))")
# an ask to assist or to work beside a senior ("Chairside assisting", "with the head coach") is not second hand
_ASKS_TO_HELP: Final = re.compile(
    r"\b(?:assist|help|shadow|observ|support)\w*|\bwith (?:the|a|our) (?:senior|head|lead)\b", re.IGNORECASE
)
# a post whose work is to assist ("Teaching Assistant (Early Years)", "Dental Nurse Assistant", "Kitchen helper")
_HELPER_POST: Final = re.compile(r"\b(?:assistant|aide|helper|auxiliary|assisting)\b", re.IGNORECASE)
# a named person then does the rest: "the orthodontist placed them", "the inspector signed and issued the permits"
_THEN_ANOTHER: Final = re.compile(
    r"\bthe\s+(?:senior\s+|head\s+|lead\s+|chief\s+)?[a-z]+(?:or|er|ist|ian|eon|chef|vet|man|woman)\s+"
    r"(?:then\s+|later\s+|always\s+)?(?:signed|issued|placed|fitted|did|made|took|ran|handled|performed|completed|"
    r"approved|set|wrote|drove|taught|built|led|presented|calibrated|programmed|cut|served)\b",
    re.IGNORECASE,
)
# one's own vehicle asked ("own transport", "access to a car"): a car, van or motorbike denied is the same thing
_OWN_VEHICLE: Final = re.compile(
    r"\b(?:own |access to (?:an? )?|use of (?:an? )?|reliable |personal )(?:car|vehicle|transport|van)\b", re.IGNORECASE
)
_VEHICLE: Final = frozenset(["vehicl", "transport", "car", "van", "bakki", "ute", "motorbik", "motorcycl"])
# a wish, a plan or a skill still being learned reaches this many words into the rest of its clause ("keen to get
# trained on washer disinfectors")
_ASPIRED_REACH: Final = 8
# ... unless one of the next few words says the thing is held already ("keen to develop my skills further")
_HELD_WITHIN: Final = 3


def _phrases(words: list[str]) -> re.Pattern[str]:
    ordered = sorted({word.lower() for word in words}, key=len, reverse=True)
    return re.compile(rf"(?<![\w'])(?:{'|'.join(map(re.escape, ordered))})(?![\w'])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _aspired() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The cues of a wish, plan or learning under way ([aspired] of the cue file), the words after one that say the
    thing is held already ("keen to develop my skills further"), and the words of an ask for the wish itself."""
    data = cue_data()["aspired"]
    cues = [cue for kind in ("wish", "learning", "future") for cue in data[kind]]
    return _phrases(cues), _phrases(data["held_after"]), _phrases(data["asks_wish"])


def asks_a_wish(ask: str) -> bool:
    """An ask for interest, willingness or a wish to learn ("genuine interest in plants"): a CV's wish meets it."""
    return bool(_aspired()[2].search(ask))


def aspired_spans(clause: str) -> list[tuple[int, int]]:
    """Where a clause says what is wished, planned or being learned rather than done: from each cue to the clause's
    end ("Keen to move into whisky"), never when the rest says the thing is held already ("keen to use my Excel")."""
    cues, held, _ = _aspired()
    spans = []
    for found in cues.finditer(clause):
        # "keen to develop my pastry skills further": said within the next few words ("learning Welsh and try to
        # use it" is still learning)
        near = " ".join(clause[found.end() :].split()[:_HELD_WITHIN])
        if not held.search(near):
            spans.append((found.end(), len(clause)))
    return spans


_SENTENCES: Final = re.compile(r"[;.|•·\n]")
# "auditoria noturna no Opera PMS": "no" is "in the" in a line in Portuguese or Spanish
_ROMANCE: Final = re.compile(r"\b(?:e|em|num|numa|da|do|das|dos|na|com|para|el|la|los|las|y|del|con|en)\b")
_CLAUSES: Final = re.compile(
    r"[;.|•·()\n]|,\s+(?=\w)|\s[-–—]\s(?!(?:not held|not yet|none|no|nil|n/a)\b)|\bbut\b", re.IGNORECASE
)
_WORD: Final = re.compile(r"[\w'+#/-]+")


def _stems(text: str, vehicle: bool) -> list[str]:
    """Content stems, a vehicle's names as one ("vehicl") when the ask is for one's own vehicle."""
    stems = list(content_stems(text))
    return ["vehicl" if stem in _VEHICLE else stem for stem in stems] if vehicle else stems


def _distinctive(ask: str, vehicle: bool = False) -> set[str]:
    """The ask's own words: its content stems less the generic ones, numbers and the words it negates itself."""
    negated: set[str] = set()
    for scope in negation_scopes(ask):
        negated |= set(_stems(ask.lower()[scope.start : scope.end], vehicle))
    return {
        stem
        for stem in _stems(ask, vehicle)
        if stem not in _GENERIC and stem not in negated and not stem.isdigit() and len(stem) > 1
    }


def _denied_words(
    clause: str, wanted: set[str], *, romance: bool = False, vehicle: bool = False, aspired: bool = True
) -> set[str]:
    """The wanted stems this clause writes under a close denial or hands to another person."""
    words = [(match.start(), stems[0]) for match in _WORD.finditer(clause) if (stems := _stems(match.group(), vehicle))]
    present = {stem for _, stem in words if stem in wanted}
    if not present:
        return set()
    if _BY_ANOTHER.search(clause) or _THEN_ANOTHER.search(clause):
        return present
    after = _AFTER.search(clause)
    if after and _MISHAP.match(clause[after.end() :].strip()):
        after = None  # "driver's license - no violations": the mishap is denied, not the licence
    if after and present & {stem for start, stem in words if start < after.start()}:
        return present
    denied: set[str] = set()
    for start, end in aspired_spans(clause) if aspired else []:
        denied |= set([stem for at, stem in words if start <= at < end][:_ASPIRED_REACH]) & wanted
    for scope in negation_scopes(clause):
        if clause[scope.start + len(scope.cue) : scope.start + len(scope.cue) + 1] == "-":
            continue  # "no-show charges", "go/no-go pins": a compound, not a denial
        if romance and scope.cue.lower() == "no":
            continue
        if _MISHAP.search(clause[scope.start : scope.end]):
            continue  # "no accidents in ten years of driving", "no deadline missed": the mishap is denied
        inside = [stem for start, stem in words if scope.start <= start < scope.end]
        denied |= set(inside[:_REACH]) & wanted
    return denied


def denied_line(ask: str, cv: str, evidence: str = "", jd: str = "") -> str | None:
    """The CV line that denies or hands off a distinctive word of the ask, when no other clause writes that word
    plainly (then the item is a gap and the line its evidence); otherwise None. Given the line the ask was
    `evidence`d by, only when that line is such a line: a denial elsewhere does not undo what it shows. In an
    assistant's post (the ad's first line, `jd`), help given to a senior is the work asked, not second hand.

    A wish, plan or learning under way ("keen to move into forensic casework") denies what follows it too, when the
    ask is not for a wish itself and the words it takes are at least as many of the ask's as the CV writes plainly:
    "keen to move into forensic work" does not unsay a biology degree."""
    vehicle = bool(_OWN_VEHICLE.search(ask))
    wanted = _distinctive(ask, vehicle)
    if not wanted:
        return None
    title = next((line for line in jd.splitlines() if line.strip()), "")
    second_hand = not (_ASKS_TO_HELP.search(ask) or _HELPER_POST.search(title))
    shown, denied = _reading(cv, wanted, second_hand=second_hand, vehicle=vehicle, aspired=False)
    if not asks_a_wish(ask) and not any(stem not in shown for stem in denied):
        shown, denied = _reading(cv, wanted, second_hand=second_hand, vehicle=vehicle, aspired=True)
        if sum(stem not in shown for stem in denied) < len(shown):
            return None
    lines = [line for stem, found in denied.items() if stem not in shown for line in found]
    if evidence:
        lines = [line for line in lines if evidence.strip() in line or line in evidence]
    return lines[0] if lines else None


def _reading(
    cv: str, wanted: set[str], *, second_hand: bool, vehicle: bool, aspired: bool
) -> tuple[set[str], dict[str, list[str]]]:
    """The wanted stems some CV clause writes plainly, and those written under a denial, a hand-off or (when
    `aspired`) a wish, with the lines that write them so."""
    shown: set[str] = set()
    denied: dict[str, list[str]] = {}
    for line in cv.splitlines():
        romance = len(_ROMANCE.findall(line.lower())) >= 2
        for sentence in _SENTENCES.split(line):
            helped = bool(second_hand and _ASSISTED.search(sentence))
            items = [sentence] if helped else _ITEMS.split(sentence) if _PRACTICE_ONLY.search(sentence) else []
            practice = [item for item in items if helped or _PRACTICE_ONLY.search(item)]
            rest = (
                []
                if helped
                else [clause for item in items or [sentence] if item not in practice for clause in _CLAUSES.split(item)]
            )
            for clause in practice + rest:
                present = set(_stems(clause, vehicle)) & wanted
                if not present:
                    continue
                whole = clause in practice
                against = (
                    present
                    if whole
                    else _denied_words(clause, wanted, romance=romance, vehicle=vehicle, aspired=aspired)
                )
                shown |= present - against
                for stem in against:
                    denied.setdefault(stem, []).append(line.strip())
    return shown, denied
