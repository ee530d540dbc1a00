"""Leading people, read as one frame rather than by word vectors.

"Lead a small team of junior bakers", "Scheduling and coaching team members" and "1 year in a
supervisory role" all ask the same thing, and "Led a crew of 6 on evening shifts", "Trained and
supervised two commis pastry chefs" and "Shift Supervisor, 2019 - 2024" all show it; static vectors see
none of that. "Trained two new payroll assistants" does not show it. The words are data
(``[leading]`` in ``data/match_cues.toml``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Final

from nextround.analysis.skillgaps.cues import CUES_RESOURCE

_NUMBER: Final = r"(?:\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|several)"
# A plural that names people ("pickers", "receptionists", "chefs"), for a head count after a leading verb.
_PERSONS: Final = (
    r"(?:[a-z]+(?:ers|ors|ists|ians|ants|ents|ees)|in-charges|chefs|nurses|cooks|commis|staff|people|men|women)"
)
_CREDENTIAL: Final = re.compile(r"\b(?:certificate|licen[cs]e|card|course|award|qualification)\b", re.IGNORECASE)
_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")
# a line that is only a role's dates: "May 2023 - present", "2016 - 2024", "Jan. 2019 to Mar 2021"
_WHEN: Final = r"(?:[A-Za-z]{3,9}\.?\s+)?(?:19|20)\d\d"
_DATES: Final = re.compile(
    rf"{_WHEN}(?:\s*(?:-|–|—|to)\s*(?:{_WHEN}|present|now|current|date|today))?(?:\s*\([^)]*\))?", re.IGNORECASE
)


def _words(items: list[str]) -> str:
    return "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))


@dataclass(frozen=True)
class LeadingFrame:
    asked: re.Pattern[str]
    asked_plainly: re.Pattern[str]
    shown: re.Pattern[str]
    title: re.Pattern[str]
    metal: re.Pattern[str]  # "lead" the metal ("blood lead tests", "lead flashing"), never leading
    aim: re.Pattern[str]  # a career objective: "To be a Team Leader", "looking to step up"
    acting: re.Pattern[str]  # covering for the leader: "Acting TL (OIC)" ...
    absence: re.Pattern[str]  # ... "when team leader is on leave"


@lru_cache(maxsize=1)
def _frame() -> LeadingFrame:
    data = tomllib.loads(files("nextround.data").joinpath(CUES_RESOURCE).read_text(encoding="utf-8"))["leading"]
    verbs, people = _words(data["verbs"]), _words(data["people"])
    things = _words(data["not_people"])
    asked = rf"\b(?:{verbs})\b(?:\s+[\w'-]+){{0,4}}?\s+(?:{people})\b(?!\s+(?:{things})\b)"
    # shown: a leading verb, then within a few words people ("Led a crew of 6"), or straight away a head
    # count of people ("supervised two commis pastry chefs"; not "Managed 450 homes")
    # a head count may be a range or follow "for" ("Table lead for 3-4 wool handlers")
    number = rf"{_NUMBER}(?:\s*(?:-|–|to)\s*{_NUMBER})?"
    head_count = rf"\s+(?:a\s+|up\s+to\s+|for\s+)?{number}(?:\s+[\w'-]+){{0,2}}?\s+{_PERSONS}\b"
    # the people after what was led, in the same clause: "supervised cane cutting gangs of 120 workers", "in charge
    # of a section of 10-15 waiters", "Supervised two diamond rigs and a 12-man sampling crew"
    group = rf"(?:\s+[\w'-]+){{0,4}}?\s+(?:{_words(data['groups'])})\s+of\s+(?:about\s+|around\s+|up\s+to\s+)?{number}"
    group += rf"(?:\s+[\w'-]+){{0,2}}?\s+(?:{_PERSONS}|{people})\b"
    sized = rf"(?:\s+[\w'-]+){{0,5}}?\s+(?:a\s+)?\d{{1,3}}-(?:{_words(data['sized'])})"
    sized += rf"(?:\s+[\w'-]+){{0,2}}?\s+(?:{people})\b"
    # some verbs lead only before a head count ("Handle three shift in-charges"); a noun can say it alone
    shown = (
        rf"\b(?:{verbs})\b(?:(?:\s+(?:and\s+)?[\w'-]+){{0,3}}?\s+(?:{people})\b|{head_count}|{group}|{sized})"
        rf"|\b(?:{_words(data['counted'])})\b{head_count}|\b(?:{_words(data['shown'])})\b"
    )
    before, after = _words(data["metal_before"]), _words(data["metal_after"])
    metal = rf"(?P<before>\b(?:{before})\s+)lead\b|\blead(?=[\s-]+(?:{after})\b)"
    return LeadingFrame(
        asked=re.compile(asked, re.IGNORECASE),
        asked_plainly=re.compile(rf"\b(?:{_words(data['asks'])})\b", re.IGNORECASE),
        shown=re.compile(shown, re.IGNORECASE),
        title=re.compile(rf"\b(?:{_words(data['titles'])})\b", re.IGNORECASE),
        metal=re.compile(metal, re.IGNORECASE),
        aim=re.compile(rf"(?<![\w'-])(?:{_words(data['aims'])})(?![\w'-])", re.IGNORECASE),
        acting=re.compile(rf"(?<![\w'-])(?:{_words(data['acting'])})(?![\w'-])", re.IGNORECASE),
        absence=re.compile(rf"(?<![\w'-])(?:{_words(data['absence'])})(?![\w'-])", re.IGNORECASE),
    )


def _no_metal(text: str) -> str:
    """ "take regular blood lead tests and work rotating shifts": the metal's name is not a verb of leading."""
    return _frame().metal.sub(lambda found: (found.group("before") or "") + "Pb", text)


# a leading title alone is asked as a role: "4 years in a bakery, at least 2 as supervisor"
_TITLE_ASKS: Final = re.compile(r"(?:(?:a|an|the|shift|team|line)\s+)*(?P<title>[\w ]+?)s?", re.IGNORECASE)


def asks_to_lead(phrase: str) -> bool:
    """The requirement is about leading people ("Supervising a team of cleaners", "a supervisory role", "2 years
    as supervisor"); not a credential that has the word in its name ("SIA Door Supervisor licence")."""
    if _CREDENTIAL.search(phrase):
        return False
    frame = _frame()
    phrase = _no_metal(phrase)
    if frame.asked.search(phrase) or frame.asked_plainly.search(phrase):
        return True
    alone = _TITLE_ASKS.fullmatch(phrase.strip(" .;:"))
    title = alone.group("title") if alone else ""
    return title.lower() not in ("", "head", "lead") and bool(frame.title.fullmatch(title))


def _aimed(line: str, start: int) -> bool:
    """The leading at `start` is an aim the line states before it ("To be a Team Leader where I can ...")."""
    return bool(_frame().aim.search(line[:start]))


def covering(line: str) -> bool:
    """The line leads only while covering for the leader ("Acting TL (OIC) when team leader is on leave")."""
    frame = _frame()
    return bool(frame.acting.search(line) and frame.absence.search(line))


def leading_shown(lines: list[str], *, cover: bool = True) -> str | None:
    """The first CV line that shows leading people, or None. A career objective never shows it; with `cover`
    False (the years of a title), neither does covering for the leader while they are away."""
    frame = _frame()
    written, lines = lines, [_no_metal(line) for line in lines]
    kept = [not (cover is False and covering(line)) for line in lines]
    for index, line in enumerate(lines):
        found = frame.shown.search(line)
        if found and kept[index] and not _aimed(line, found.start()):
            return written[index].strip()
    for index, line in enumerate(lines):
        if not kept[index]:
            continue
        role = line.split(",")[0]  # "Shift Supervisor, Pick n Pay DC, 2016 - 2024": the title before the comma
        # the role's dates are often on the line below its heading ("Dyeing Supervisor, Lakshmi Processors")
        heading = not line.lstrip().startswith(("-", "•", "*", "–"))  # a heading, not a bullet above the next role
        below = index + 1 < len(lines) and _DATES.fullmatch(lines[index + 1].strip())
        dated = _YEAR.search(line) or (heading and below)
        in_role = frame.title.search(role)
        if dated and in_role and not _CREDENTIAL.search(role) and not _aimed(line, in_role.start()):
            return written[index].strip()
        titled = frame.title.search(line)
        if titled and " " in titled.group(0) and not _CREDENTIAL.search(line) and not _aimed(line, titled.start()):
            return written[index].strip()  # "Covered the team leader for 14 advisors during holidays"
    return None
