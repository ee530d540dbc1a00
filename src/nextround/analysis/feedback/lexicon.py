"""The feedback lexicon: cue lists read from ``data/feedback_cues.toml`` and the scanners that find them.

Cues are lexicon features of the clause classifier and the quoted terms that name what to practise; a few
carry outside-your-control codes. Scanning is tuned for long messages (see the note above ``_scanner``).
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from importlib import resources
from typing import Any, Final

from nextround.analysis.feedback.types import MAX_EVIDENCE_CHARS, THEMES
from nextround.analysis.text import Clause

_FLAGS: Final = re.IGNORECASE
_TABLE: Final[Mapping[str, Any]] = tomllib.loads(
    resources.files("nextround.data").joinpath("feedback_cues.toml").read_text(encoding="utf-8")
)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


@dataclass(frozen=True)
class Cue:
    theme: str
    source: str
    flags: int
    weight: float
    # The cue names a problem by itself ("long-winded", "hiring freeze"), whatever the clause's tone.
    inherently_negative: bool = False
    code: str | None = None
    # A second code the same words carry ("we can no longer afford to hire": budget, and the role is gone).
    extra_code: str | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The cue as written; scanning uses the faster rewrite, so this is compiled only when asked for."""
        return re.compile(self.source, self.flags)


def _cue(entry: Mapping[str, Any]) -> Cue:
    flags = 0 if entry.get("case_sensitive") else _FLAGS
    return Cue(
        theme=str(entry["theme"]),
        source=str(entry["pattern"]),
        flags=flags,
        weight=float(entry["weight"]),
        inherently_negative=bool(entry.get("negative", False)),
        code=entry.get("code"),
        extra_code=entry.get("extra_code"),
    )


ALL_CUES: Final[tuple[Cue, ...]] = tuple(_cue(entry) for entry in _TABLE["cue"])
_TONE: Final = {name: _rx(pattern) for name, pattern in _TABLE["tone"].items()}
_STRUCTURE: Final = {name: _rx(pattern) for name, pattern in _TABLE["structure"].items()}
PRAISE_OVERRIDES: Final = _TONE["praise_overrides"]
NEGATOR: Final = _TONE["negator"]
STRONG_CRITIQUE: Final = _TONE["strong_critique"]
WEAK_CRITIQUE: Final = _TONE["weak_critique"]
PRAISE: Final = _TONE["praise"]
NOT_PRAISE: Final = _TONE["not_praise"]
NOT_PRAISE_CRITIQUE: Final = _TONE["not_praise_critique"]
RIVAL: Final = _STRUCTURE["rival"]
CHOSEN_PEOPLE: Final = _STRUCTURE["chosen_people"]
CHOICE_BEFORE: Final = _STRUCTURE["choice_before"]
REQUIREMENT_BEFORE_RIVAL: Final = _STRUCTURE["requirement_before_rival"]
EXPERIENCE_OBJECT: Final = _STRUCTURE["experience_object"]
ROLE_TITLE: Final = _STRUCTURE["role_title"]
ROLE_TITLE_THEMES: Final = frozenset({"technical_skills", "culture_fit", "motivation", "preparation"})
UNNAMED_WORK: Final = _STRUCTURE["unnamed_work"]
COMPARATIVE: Final = _STRUCTURE["comparative"]
CLOSENESS: Final = _STRUCTURE["closeness"]
RIVAL_CONSTRAINT: Final = _STRUCTURE["rival_constraint"]
RIVAL_PRONOUN: Final = _STRUCTURE["rival_pronoun"]
CHOSEN_OTHER: Final = _STRUCTURE["chosen_other"]
CHOSEN_ANYONE: Final = _STRUCTURE["chosen_anyone"]
CHOICE_DENIED: Final = _STRUCTURE["choice_denied"]
# Session 13, read by decide(): a rival from inside, what a rival holds, a topic not explained, a framing clause.
INTERNAL_FILL: Final = _STRUCTURE["internal_fill"]
RIVAL_CREDENTIAL: Final = _STRUCTURE["rival_credential"]
RIVAL_CREDENTIAL_MORE: Final = _STRUCTURE["rival_credential_more"]
DRIVING: Final = _STRUCTURE["driving"]
EXPLAIN_TOPIC: Final = _STRUCTURE["explain_topic"]
EXPLAIN_LISTENER: Final = _STRUCTURE["explain_listener"]
FRAME: Final = _STRUCTURE["frame"]
# Session 14, read by decide(): off on one's own while the others work, or telling them how another place does it.
TEAM_CONDUCT: Final = _STRUCTURE["team_conduct"]
NOT_TEAM_CONDUCT: Final = _STRUCTURE["not_team_conduct"]
# Session 16, read by decide(): a reason that only says why the one before it matters.
NAMES_SOMEONE: Final = _STRUCTURE["names_someone"]
OPENS_POINT: Final = _STRUCTURE["opens_point"]
WISH: Final = _STRUCTURE["wish"]
NOT_WISH: Final = _STRUCTURE["not_wish"]
# Session 17, read by decide(): a fault in the work itself; experience told by what was or was not done.
FAULT: Final = _STRUCTURE["fault"]
NOT_FAULT: Final = _STRUCTURE["not_fault"]
CHOSEN_PERSON: Final = _STRUCTURE["chosen_person"]
CHOSEN_SAYS: Final = _STRUCTURE["chosen_says"]
NOT_DONE: Final = _STRUCTURE["not_done"]
# Session 24 (feedbackE24), read by `work_said.py`: experience said as a setting, sector or quantity; a fault told as
# what happened to the work; what the candidate could not do (never a dismissed concern).
EXPERIENCE_SAID: Final = _STRUCTURE["experience_said"]
WORK_FAILED: Final = _STRUCTURE["work_failed"]
COULD_NOT_DO: Final = _STRUCTURE["could_not_do"]
# Session 18, read by decide(): a chosen rival's language.
RIVAL_LANGUAGE: Final = _STRUCTURE["rival_language"]
PASS_MARK: Final = _STRUCTURE["pass_mark"]
SCORE_GIVEN: Final = _STRUCTURE["score_given"]
PANEL_TOTAL: Final = _STRUCTURE["panel_total"]
# Session 18 (`feedbackE18`), read by decide(): the employer's own reasons (a post called off, its own units merged, a
# visa the candidate must already hold).
ROLE_CALLED_OFF: Final = _STRUCTURE["role_called_off"]
ROLE_NOT_REPLACED: Final = _STRUCTURE["role_not_replaced"]
UNITS_MERGED: Final = _STRUCTURE["units_merged"]
VISA_HELD: Final = _STRUCTURE["visa_held"]
PAY_OVER_BAND: Final = _STRUCTURE["pay_over_band"]
# Session 19 (`feedbackC19`), read by decide() through `lines.py`: the culture_fit / communication / motivation /
# preparation lines (not knowing, how one spoke, curt with a colleague, dress, things not brought).
NOT_KNOWN: Final = _STRUCTURE["not_known"]
NOT_KNOWN_WHY: Final = _STRUCTURE["not_known_why"]
SPEECH_MANNER: Final = _STRUCTURE["speech_manner"]
CURT_TO_COLLEAGUE: Final = _STRUCTURE["curt_to_colleague"]
DRESS: Final = _STRUCTURE["dress"]
DRESS_ASKED: Final = _STRUCTURE["dress_asked"]
NOT_BROUGHT: Final = _STRUCTURE["not_brought"]
# Session 23 (feedbackK23), read by `arrival.py`: the candidate's own arrival late or without the kit asked for.
ARRIVED_LATE: Final = _STRUCTURE["arrived_late"]
LATE_AGAIN: Final = _STRUCTURE["late_again"]
ARRIVED_WITHOUT: Final = _STRUCTURE["arrived_without"]
# Session 19 (feedbackP19), read by lines.py: an answer that went round the question; known by looking first.
OFF_THE_QUESTION: Final = _STRUCTURE["off_the_question"]
KNOWN_BEFOREHAND: Final = _STRUCTURE["known_beforehand"]
QUIET_WITH_LISTENER: Final = _STRUCTURE["quiet_with_listener"]
# Session 19 (`feedback19`), read by decide() through rereading.py: the candidate's own language; a step not done.
CANDIDATE_LANGUAGE: Final = _STRUCTURE["candidate_language"]
STEP_NOT_DONE: Final = _STRUCTURE["step_not_done"]
GAIN_EXPERIENCE: Final = _STRUCTURE["gain_experience"]
# Session 20 (feedbackL20): a credential not held (technical_skills), a driving one left to logistics.
CREDENTIAL_LACKING: Final = _STRUCTURE["credential_lacking"]
DRIVING_LICENCE: Final = _STRUCTURE["driving_licence"]
# Session 20 (feedbackS20): more forms of a credential not held; the standard not met in a named test.
CREDENTIAL_LACKING_MORE: Final = _STRUCTURE["credential_lacking_more"]
# Session 23 (feedbackK23), read by `licence_line.py`: a credential not held against logistics; a driving test;
# "sponsor" said of a licence or an apprenticeship.
LICENCE_NOT_HELD: Final = _STRUCTURE["licence_not_held"]
LOGISTICS_OWN: Final = _STRUCTURE["logistics_own"]
DRIVING_TEST: Final = _STRUCTURE["driving_test"]
DRIVING_CLASS: Final = _STRUCTURE["driving_class"]
SPONSOR_WORD: Final = _STRUCTURE["sponsor_word"]
SPONSOR_VISA: Final = _STRUCTURE["sponsor_visa"]
SPONSOR_LICENCE: Final = _STRUCTURE["sponsor_licence"]
STANDARD_NOT_MET: Final = _STRUCTURE["standard_not_met"]
# Session 20 (feedbackL20): a language the job needs, said through the people served (communication).
LANGUAGE_NEEDED: Final = _STRUCTURE["language_needed"]
# Session 21 (feedbackJ21): a language the job is done in, short, in other words; not where it is the work itself.
LANGUAGE_SHORT: Final = _STRUCTURE["language_short"]
LANGUAGE_IS_THE_WORK: Final = _STRUCTURE["language_is_the_work"]
PREPARE_ADVICE: Final = _STRUCTURE["prepare_advice"]
DENIED_REASON: Final = _STRUCTURE["denied_reason"]
# Session 21 (feedbackR21): a chosen rival's edge by its content words (`rival_edge.py`); other work than the place does
# mucking in and leaving soon (`lines.py`).
RIVAL_EDGE_SKILL: Final = _STRUCTURE["rival_edge_skill"]
RIVAL_EDGE_TIME: Final = _STRUCTURE["rival_edge_time"]
# Session 22 (feedbackR22): someone chosen instead with an edge said after them (`rival_said.py`).
CHOSEN_WITH_EDGE: Final = _STRUCTURE["chosen_with_edge"]
OTHER_WORK: Final = _STRUCTURE["other_work"]
MUCKING_IN: Final = _STRUCTURE["mucking_in"]
LEAVING_SOON: Final = _STRUCTURE["leaving_soon"]
LOGGED_TIME: Final = _STRUCTURE["logged_time"]
# Session 21 (feedbackR21): a credential not held in more words (`rereading.CREDENTIAL_WORDS_RULE`).
CREDENTIAL_LACKING_WORDS: Final = _STRUCTURE["credential_lacking_words"]
# Session 22 (feedbackP22): the lines between the personal themes the corpus README names (`personal_lines.py`).
WRITTEN_SLIPS: Final = _STRUCTURE["written_slips"]
NO_SLIPS: Final = _STRUCTURE["no_slips"]
SLIPS_READER: Final = _STRUCTURE["slips_reader"]
LISTENER_LOST: Final = _STRUCTURE["listener_lost"]
NO_JARGON: Final = _STRUCTURE["no_jargon"]
SHARED_IN_ADVANCE: Final = _STRUCTURE["shared_in_advance"]
SAFETY_GEAR: Final = _STRUCTURE["safety_gear"]
NOT_WORN: Final = _STRUCTURE["not_worn"]
CREDENTIAL_PENDING: Final = _STRUCTURE["credential_pending"]
SERVICE_TIME: Final = _STRUCTURE["service_time"]
WANTS_OTHER: Final = _STRUCTURE["wants_other"]
READ_BACK: Final = _STRUCTURE["read_back"]
# Session 23 (feedbackM23): communication, motivation and rivals said plainly (`plain_lines.py`, `rival_said.py`).
SAID_LITTLE: Final = _STRUCTURE["said_little"]
LANGUAGE_LOW: Final = _STRUCTURE["language_low"]
SPEAKING: Final = _STRUCTURE["speaking"]
PITCHED_HIGH: Final = _STRUCTURE["pitched_high"]
SOONER_OTHER: Final = _STRUCTURE["sooner_other"]
DRAWN_BY: Final = _STRUCTURE["drawn_by"]
CHOSEN_AFTER: Final = _STRUCTURE["chosen_after"]
PRAISE_IDIOM: Final = _STRUCTURE["praise_idiom"]
PHONE_IDLE: Final = _STRUCTURE["phone_idle"]
PHONE_TEAM: Final = _STRUCTURE["phone_team"]
PRAISE_TURNED: Final = _STRUCTURE["praise_turned"]
# Clause-level bag of weak hints: words that point to a theme but prove nothing alone.
SOFT_CUES: Final[dict[str, re.Pattern[str]]] = {theme: _rx(pattern) for theme, pattern in _TABLE["soft"].items()}
SOFT_MIN_HINTS: Final = 2
LEADING_CONNECTOR: Final = _rx(r"^(?:\s|[,;:\-–—])*(?:(?:but|however|although|though|and|also|so|whereas|yet),?\s+)?")


class Tone(Enum):
    CRITICAL = "critical"
    HEDGED = "hedged"
    NEUTRAL = "neutral"
    PRAISE = "praise"


# ---------------------------------------------------------------------------------------------
# Fast scanning
# ---------------------------------------------------------------------------------------------
# Every cue scans the whole text, so the cost of a long message is (cues x characters). Two rewrites keep
# the matches the same and make each scan about three times cheaper:
# - a case-insensitive cue written in lower case runs case-sensitively on an ASCII-lowercased copy of the
#   text (same length, so offsets still point into the original);
# - a cue whose every match must begin with one of a few characters gets a look-ahead for them, which lets
#   the regex engine skip other positions quickly (a leading \b alone defeats that optimisation).
# A test checks that the rewritten scanners find exactly what the cues find.

ASCII_LOWER: Final = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ZERO_WIDTH_PREFIX = re.compile(r"\\b|\(\?<[!=](?:[^()\\]|\\.)*\)")
_LITERAL_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 '&/£$€,-_")
_OPTIONAL = ("?", "*", "{")


def _skip_class(pattern: str, index: int) -> int:
    """Index just past the character class that starts at `index` ("[")."""
    index += 1
    if pattern[index : index + 1] == "^":
        index += 1
    if pattern[index : index + 1] == "]":
        index += 1
    while pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    return index + 1


def _top_level(pattern: str) -> tuple[list[str], dict[int, int]]:
    """The pattern's top-level alternatives, and the closing index of every group by its opening index."""
    parts: list[str] = []
    closing: dict[int, int] = {}
    opened: list[int] = []
    start = index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _skip_class(pattern, index)
            continue
        if char == "(":
            opened.append(index)
        elif char == ")":
            closing[opened.pop()] = index
        elif char == "|" and not opened:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    parts.append(pattern[start:])
    return parts, closing


def first_chars(pattern: str) -> set[str] | None:
    """Characters that every match of `pattern` must begin with, or None when that is not plain to see."""
    chars: set[str] = set()
    for alternative in _top_level(pattern)[0]:
        first = _sequence_first_chars(alternative, 0, _top_level(alternative)[1])
        if first is None:
            return None
        chars |= first
    return chars


def _sequence_first_chars(alternative: str, index: int, closing: dict[int, int]) -> set[str] | None:
    while prefix := _ZERO_WIDTH_PREFIX.match(alternative, index):
        index = prefix.end()
    if alternative.startswith("(?:", index):
        end = closing[index]
        inner = first_chars(alternative[index + 3 : end])
        quantifier = alternative[end + 1 : end + 2]
        if inner is None or quantifier == "{":
            return None
        if quantifier in ("?", "*"):
            rest = _sequence_first_chars(alternative, end + 2, closing)
            return None if rest is None else inner | rest
        return inner
    if alternative.startswith("\\d", index):
        chars = set("0123456789")
        index += 1
    else:
        char = alternative[index : index + 1]
        if not char or char not in _LITERAL_START:
            return None
        chars = {char}
    return None if alternative[index + 1 : index + 2] in _OPTIONAL else chars


def _scanner(source: str, flags: int) -> tuple[re.Pattern[str], bool]:
    """A faster equivalent of the pattern, and whether it runs on the lowercased text."""
    lowered = bool(flags & re.IGNORECASE) and not any(char.isupper() for char in re.sub(r"\\.", "", source))
    if lowered:
        flags &= ~re.IGNORECASE
    chars = first_chars(source)
    if chars:
        if lowered or flags & re.IGNORECASE:
            chars = {char.lower() for char in chars}
        gate = "".join(sorted(re.escape(char) for char in chars))
        source = f"(?=[{gate}])(?:{source})"
    return re.compile(source, flags), lowered


SCANNERS: Final[tuple[tuple[Cue, re.Pattern[str], bool], ...]] = tuple(
    (cue, *_scanner(cue.source, cue.flags)) for cue in ALL_CUES
)
_BOILERPLATE_SCANNERS: Final = tuple(_scanner(pattern, _FLAGS) for pattern in _TABLE["boilerplate"]["patterns"])


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for index in range(start, end):
            if not chars[index].isspace():
                chars[index] = " "
    return "".join(chars)


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Spans in the order of BOILERPLATE, which lists the most telling phrases first."""
    lowered = text.translate(ASCII_LOWER)
    return [
        match.span()
        for scanner, on_lowered in _BOILERPLATE_SCANNERS
        for match in scanner.finditer(lowered if on_lowered else text)
        if match.end() > match.start()
    ]


_CLOSING: Final = _TABLE["closing"]
_COURTESY: Final = re.compile(
    _CLOSING["lead"] + "(?:" + "|".join(_CLOSING["patterns"]) + r")\W*$", re.IGNORECASE | re.DOTALL
)
# Case matters here: a signature is capitalised names and organisation words.
_SIGNATURE: Final = re.compile(_CLOSING["signature"])
_NOT_SIGNATURE: Final = _rx(_CLOSING["not_signature"])


def closes_message(clause_text: str, last: bool) -> bool:
    """Thanks, an invitation to apply again, a status or no-reply note, or (as the last clause) a signature block:
    a clause that closes the message and says nothing about the candidate, so it is never a reason or praise."""
    text = clause_text.strip()
    if _COURTESY.match(text):
        return True
    return last and len(text.split()) <= 7 and bool(_SIGNATURE.match(text)) and not _NOT_SIGNATURE.search(text)


def tone_of(clause_text: str) -> Tone | None:
    """Tone from markers; None when the clause carries no marker at all."""
    lowered = clause_text.lower()
    overrides = list(PRAISE_OVERRIDES.finditer(lowered))
    unpraised = mask(lowered, (match.span() for match in overrides))
    # NOT_PRAISE hides praise words that are not praise ("we'd want to see a stronger ..."); the critique
    # they carry still counts.
    cleaned = mask(unpraised, (match.span() for match in NOT_PRAISE.finditer(unpraised)))
    if NEGATOR.search(cleaned) or STRONG_CRITIQUE.search(cleaned):
        return Tone.CRITICAL
    if NOT_PRAISE_CRITIQUE.search(unpraised):
        return Tone.CRITICAL
    if overrides or PRAISE.search(cleaned):
        return Tone.PRAISE
    if WEAK_CRITIQUE.search(cleaned):
        return Tone.HEDGED
    return None


def quote(original: str, start: int, end: int, anchor: int) -> str:
    """A trimmed substring of the input around `anchor`, at most MAX_EVIDENCE_CHARS long."""
    piece = original[start:end]
    connector = LEADING_CONNECTOR.match(piece)
    if connector and connector.end() < len(piece):
        start += connector.end()
    while end > start and (original[end - 1].isspace() or original[end - 1] in ",;:-–—"):
        end -= 1
    while start < end and original[start].isspace():
        start += 1
    if end - start > MAX_EVIDENCE_CHARS:
        window_start = max(start, anchor - MAX_EVIDENCE_CHARS // 3)
        window_end = min(end, window_start + MAX_EVIDENCE_CHARS)
        space = original.find(" ", window_start, window_end)
        if window_start > start and space != -1:
            window_start = space + 1
        space = original.rfind(" ", window_start, window_end)
        if window_end < end and space > window_start:
            window_end = space
        start, end = window_start, window_end
    return original[start:end]


def rival(clause_text: str, masked: str | None = None) -> re.Match[str] | None:
    """Where the clause names someone chosen instead ("they went with a lad who has his ADR ticket").

    Read on the clause as written: "went with someone" is boilerplate and blanked for the cues, but what
    follows it says what the rival had. With the masked clause given, a rival whose advantage is all
    boilerplate ("someone whose experience more closely matches our needs") is no rival.
    """
    found: list[re.Match[str]] = []
    for match in RIVAL.finditer(clause_text):
        if not REQUIREMENT_BEFORE_RIVAL.search(clause_text, 0, match.start()) and _said_more(masked, match.end()):
            found.append(match)
            break
    for match in CHOSEN_PEOPLE.finditer(clause_text):
        before = (0, match.start())
        if (
            CHOICE_BEFORE.search(clause_text, *before)
            and not REQUIREMENT_BEFORE_RIVAL.search(clause_text, *before)
            and _said_more(masked, match.end())
        ):
            found.append(match)
            break
    return min(found, key=lambda match: match.start()) if found else None


_CONTENT_WORD: Final = re.compile(r"[A-Za-z]{3,}")


def _said_more(masked: str | None, after: int) -> bool:
    return masked is None or len(_CONTENT_WORD.findall(masked, after)) >= 2


def rival_constraint(clause_text: str, match: re.Match[str]) -> bool:
    """The chosen person's edge is about the job's terms ("someone who can do Saturdays"), not merit."""
    return RIVAL_CONSTRAINT.match(clause_text, match.end()) is not None


@dataclass(frozen=True)
class Hit:
    cue: Cue
    start: int  # relative to the clause
    end: int
    term: str


def candidates(masked: str, clauses: Sequence[Clause]) -> list[list[Hit]]:
    """Every cue match per clause.

    Each cue scans the whole text once, and matches are handed to the clause that holds them: one regex
    call per cue instead of one per cue and clause keeps long messages linear and cheap. A match that
    runs across a clause boundary is not a match for either clause; those clauses are scanned again on
    their own, as if the text ended at their edges.
    """
    starts = [clause.start for clause in clauses]
    found: list[list[Hit]] = [[] for _ in clauses]
    lowered = masked.translate(ASCII_LOWER)
    for cue, scanner, on_lowered in SCANNERS:
        text = lowered if on_lowered else masked
        rescan: set[int] = set()
        for match in scanner.finditer(text):
            index = bisect_right(starts, match.start()) - 1
            if index < 0 or match.start() >= clauses[index].end:
                continue
            clause = clauses[index]
            if match.end() <= clause.end:
                found[index].append(Hit(cue, match.start() - clause.start, match.end() - clause.start, match.group(0)))
            else:
                rescan.update(range(index, bisect_left(starts, match.end())))
        for index in sorted(rescan):
            clause = clauses[index]
            seen = {(hit.start, hit.end) for hit in found[index] if hit.cue is cue}
            for match in scanner.finditer(text[clause.start : clause.end]):
                if match.span() not in seen:
                    found[index].append(Hit(cue, match.start(), match.end(), match.group(0)))
    return found


def cue_hits(clause_text: str, candidates: list[Hit]) -> list[Hit]:
    """Cue matches, longest first, without overlaps: "user research" is a skill, not preparation."""
    ordered = sorted(candidates, key=lambda hit: (-(hit.end - hit.start), hit.start))
    experience_objects = [m.span() for m in EXPERIENCE_OBJECT.finditer(clause_text)]
    role_titles = [m.span() for m in ROLE_TITLE.finditer(clause_text)]
    taken: list[tuple[int, int]] = []
    hits: list[Hit] = []
    for hit in ordered:
        start, end = hit.start, hit.end
        if any(start < taken_end and taken_start < end for taken_start, taken_end in taken):
            continue
        if hit.cue.theme == "technical_skills" and any(s <= start and end <= e for s, e in experience_objects):
            continue
        if hit.cue.theme in ROLE_TITLE_THEMES and any(s <= start and end <= e for s, e in role_titles):
            continue
        taken.append((start, end))
        hits.append(hit)
    return sorted(hits, key=lambda hit: hit.start)


def soft_theme(clause_text: str) -> tuple[str, int] | None:
    """The theme that at least two distinct weak hints agree on, clearly ahead of any other theme."""
    counts: list[tuple[int, str, int]] = []
    for theme, pattern in SOFT_CUES.items():
        words: dict[str, int] = {}
        for match in pattern.finditer(clause_text):
            words.setdefault(match.group(0).lower(), match.start())
        if words:
            counts.append((len(words), theme, min(words.values())))
    counts.sort(key=lambda item: (-item[0], THEMES.index(item[1])))
    if not counts or counts[0][0] < SOFT_MIN_HINTS:
        return None
    if len(counts) > 1 and counts[1][0] >= counts[0][0]:
        return None
    return counts[0][1], counts[0][2]
