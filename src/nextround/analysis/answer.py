"""Instant, explainable analysis of one spoken or written interview answer.

Everything is rule-based and deterministic: every point of the score comes from a named measure with a
one-line reason, and every STAR part is tied to the sentences that carry it. The rules look at observable
wording only (what the answer says and how), never at guesses about personality or feelings.

Public API: :func:`classify_question`, :func:`analyze_answer`, :func:`analyze_answers_batch`,
:func:`compare_attempts`, :func:`split_sentences`, :func:`extract_job_terms`.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from nextround.analysis.answer_lexicon import (
    ABBREVIATIONS_MAY_END,
    ABBREVIATIONS_NEVER_END,
    GENERIC_JOB_AD_WORDS,
    HEDGE_PHRASES,
    IRREGULAR_ACTION_PAST,
    IRREGULAR_BASE,
    JOB_AD_VERBS,
    LENGTH_TARGETS,
    LIKE_NOT_FILLER_BEFORE,
    MULTIPLIER_WORDS,
    NON_ACTION_BASE,
    NON_ACTION_PAST,
    NUMBER_WORDS,
    PHRASE_FILLERS,
    QUESTION_FRAME_WORDS,
    SIMPLE_FILLERS,
    STOCK_TRAIT_PHRASES,
    STOPWORDS,
    TOPIC_EXPANSIONS,
    TRANSCRIPT_BREAK_MARKERS,
    TYPE_TOPICS,
)

QUESTION_TYPES: Final = (
    "behavioural",
    "situational",
    "tell_me_about_yourself",
    "motivation",
    "strengths_weaknesses",
    "career_story",
    "questions_for_interviewer",
    "technical",
    "general",
)
STAR_PARTS: Final = ("situation", "task", "action", "result")
WORDS_PER_MINUTE: Final = 140
# Longer input is cut before analysis; untrusted text is size-limited (CONVENTIONS: errors and input).
MAX_ANSWER_CHARS: Final = 100_000
# A run-on "sentence" longer than this is cut at discourse markers: a low bar for transcripts (text
# with hardly any full stops), a high one for written answers, where long sentences are deliberate.
RUN_ON_WORDS_TRANSCRIPT: Final = 35
RUN_ON_WORDS_WRITTEN: Final = 80
_STAR_THRESHOLD: Final = 2.0

# --------------------------------------------------------------------------------------------------
# Result types
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreItem:
    """One line of the score: the points a named measure earned, out of its maximum, and why."""

    measure: str
    points: int
    max: int
    why: str

    def to_dict(self) -> dict[str, Any]:
        return {"measure": self.measure, "points": self.points, "max": self.max, "why": self.why}


@dataclass(frozen=True)
class LengthCheck:
    target_min: int
    target_max: int
    verdict: str  # "short" | "ok" | "long"

    def to_dict(self) -> dict[str, Any]:
        return {"target_min": self.target_min, "target_max": self.target_max, "verdict": self.verdict}


@dataclass(frozen=True)
class FillerReport:
    per_100_words: float
    found: tuple[tuple[str, int], ...]  # (filler, count), in order of first use

    @property
    def total(self) -> int:
        return sum(count for _, count in self.found)

    def to_dict(self) -> dict[str, Any]:
        return {"per_100_words": self.per_100_words, "found": dict(self.found)}


@dataclass(frozen=True)
class JobTermUse:
    used: tuple[str, ...]
    missed: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"used": list(self.used), "missed": list(self.missed)}


@dataclass(frozen=True)
class StarSentences:
    """Indices (into ``AnswerAnalysis.sentences``) of the sentences that carry each STAR part."""

    situation: tuple[int, ...]
    task: tuple[int, ...]
    action: tuple[int, ...]
    result: tuple[int, ...]

    def of(self, part: str) -> tuple[int, ...]:
        indices: tuple[int, ...] = getattr(self, part)
        return indices

    def present(self) -> dict[str, bool]:
        return {part: bool(self.of(part)) for part in STAR_PARTS}

    def to_dict(self) -> dict[str, list[int]]:
        return {part: list(self.of(part)) for part in STAR_PARTS}


@dataclass(frozen=True)
class AnswerAnalysis:
    score: int
    question_type: str
    sentences: tuple[str, ...]
    star_sentences: StarSentences
    quantified_result: bool
    word_count: int
    speaking_seconds: int
    length: LengthCheck
    fillers: FillerReport
    hedges: tuple[str, ...]
    ownership: float | None
    relevance: float
    job_terms: JobTermUse | None
    score_breakdown: tuple[ScoreItem, ...]
    suggestions: tuple[str, ...]
    follow_up: str | None

    @property
    def star(self) -> dict[str, bool]:
        return self.star_sentences.present()

    def points_for(self, measure: str) -> int | None:
        for item in self.score_breakdown:
            if item.measure == measure:
                return item.points
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "question_type": self.question_type,
            "star": self.star,
            "star_sentences": self.star_sentences.to_dict(),
            "sentences": list(self.sentences),
            "quantified_result": self.quantified_result,
            "word_count": self.word_count,
            "speaking_seconds": self.speaking_seconds,
            "length": self.length.to_dict(),
            "fillers": self.fillers.to_dict(),
            "hedges": list(self.hedges),
            "ownership": self.ownership,
            "relevance": self.relevance,
            "job_terms": None if self.job_terms is None else self.job_terms.to_dict(),
            "score_breakdown": [item.to_dict() for item in self.score_breakdown],
            "suggestions": list(self.suggestions),
            "follow_up": self.follow_up,
        }


# --------------------------------------------------------------------------------------------------
# Text basics: normalising, words, light stemming
# --------------------------------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "\u00a0": " "})
_WORD_RE: Final = re.compile(r"\d+(?:[.,:]\d+)*%?|[^\W\d_]+(?:['\-][^\W\d_]+)*")
_SUFFIXES: Final = (
    "ational",
    "ations",
    "ation",
    "ments",
    "ment",
    "ingly",
    "ings",
    "ing",
    "edly",
    "ies",
    "ied",
    "ers",
    "er",
    "ed",
    "es",
    "ly",
    "s",
)


def _normalise(text: str) -> str:
    return text.translate(_APOSTROPHES)


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def stem(word: str) -> str:
    """A light, predictable stemmer: enough to match "organised"/"organising" and "customer(s)"."""
    stemmed = word.lower()
    if stemmed.endswith("'s"):
        stemmed = stemmed[:-2]
    stemmed = IRREGULAR_BASE.get(stemmed, stemmed)
    if len(stemmed) <= 3 or not stemmed.isalpha():
        return stemmed
    for suffix in _SUFFIXES:
        if not stemmed.endswith(suffix) or len(stemmed) - len(suffix) < 3:
            continue
        if suffix == "s" and stemmed[-2] in "sui":  # "process", "status", "analysis" keep their s
            break
        stemmed = stemmed[:-3] + "y" if suffix in ("ies", "ied") else stemmed[: -len(suffix)]
        break
    if len(stemmed) > 4 and stemmed[-1] == stemmed[-2] and stemmed[-1] not in "lsfz":
        stemmed = stemmed[:-1]  # "planned" -> "plan"
    if len(stemmed) > 3 and stemmed.endswith("e"):
        stemmed = stemmed[:-1]  # "decide" and "decided" meet at "decid"
    return stemmed


# --------------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------------

_TERMINATOR_RE: Final = re.compile(r"([.!?…。！？]+)([\"')\]]*)(?=\s|$)")
_BULLET_RE: Final = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)])\s+")


def split_sentences(text: str) -> list[str]:
    """Split an answer into sentences.

    Handles abbreviations ("Dr.", "e.g."), decimals ("4.7"), bullet lists and speech transcripts
    without punctuation, which are cut at discourse markers ("and then", "so I") once they run long.
    """
    text = _normalise(text).strip()
    if not text:
        return []
    has_capitals = any(char.isupper() for char in text)
    stops = len(_TERMINATOR_RE.findall(text))
    is_transcript = stops * 40 < len(text.split())
    limit = RUN_ON_WORDS_TRANSCRIPT if is_transcript else RUN_ON_WORDS_WRITTEN
    sentences: list[str] = []
    for chunk in _chunks(text):
        for sentence in _split_chunk(chunk, has_capitals):
            sentences.extend(_split_run_on(sentence, limit))
    return [sentence for sentence in sentences if _words(sentence)]


def _chunks(text: str) -> list[str]:
    """Lines joined back into paragraphs; a break counts when a line ends a sentence or starts a bullet."""
    chunks: list[str] = []
    current: list[str] = []
    for raw_line in text.splitlines():
        is_bullet = bool(_BULLET_RE.match(raw_line))
        line = _BULLET_RE.sub("", raw_line).strip()
        if not line:
            if current:
                chunks.append(" ".join(current))
                current = []
            continue
        if current and (is_bullet or current[-1][-1] in ".!?:;…"):
            chunks.append(" ".join(current))
            current = []
        current.append(line)
    if current:
        chunks.append(" ".join(current))
    return chunks


def _split_chunk(chunk: str, has_capitals: bool) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _TERMINATOR_RE.finditer(chunk):
        end = match.end()
        if _is_sentence_end(chunk, match, has_capitals):
            pieces.append(chunk[start:end].strip())
            start = end
    if chunk[start:].strip():
        pieces.append(chunk[start:].strip())
    return pieces


def _is_sentence_end(chunk: str, match: re.Match[str], has_capitals: bool) -> bool:
    following = chunk[match.end() :].lstrip()
    next_char = following[:1]
    if not next_char:
        return True
    if has_capitals and next_char.islower():
        return False  # "… around 7 a.m. and" or "… e.g. the rota"
    if match.group(1) != ".":
        return True
    previous_word = chunk[: match.start()].rsplit(None, 1)[-1] if chunk[: match.start()].strip() else ""
    previous = previous_word.lstrip("(\"'").lower()
    if previous in ABBREVIATIONS_NEVER_END:
        return False
    if len(previous) == 1 and previous.isalpha() and previous_word[-1:].isupper():
        return False  # an initial, as in "J. Smith"
    if previous in ABBREVIATIONS_MAY_END:
        return next_char.isupper()
    return True


def _split_run_on(sentence: str, limit: int) -> list[str]:
    """Cut a long unpunctuated stretch (a speech transcript) at discourse markers."""
    words = sentence.split()
    if len(words) <= limit:
        return [sentence]
    lowered = [word.lower().strip(",;:-") for word in words]
    pieces: list[str] = []
    start = 0
    for index in range(1, len(words)):
        remaining = len(words) - index
        piece_length = index - start
        if remaining < 6 or piece_length < 10:
            continue
        at_marker = _marker_at(lowered, index) and (piece_length >= 14 or words[index - 1].endswith(","))
        if at_marker or piece_length >= 40:
            pieces.append(" ".join(words[start:index]).rstrip(",;"))
            start = index
    pieces.append(" ".join(words[start:]))
    return pieces


def _marker_at(lowered: list[str], index: int) -> bool:
    for marker in TRANSCRIPT_BREAK_MARKERS:
        parts = marker.split()
        if lowered[index : index + len(parts)] == parts:
            following = lowered[index + len(parts)] if index + len(parts) < len(lowered) else ""
            # "so that", "so much": not a new step
            return not (parts[-1] == "so" and following in ("that", "much", "many", "far", "long"))
    return False


# --------------------------------------------------------------------------------------------------
# Question type
# --------------------------------------------------------------------------------------------------

_QUESTION_RULES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    (
        "questions_for_interviewer",
        re.compile(
            r"\b(any|have you got|do you have)\b.{0,20}\bquestions?\b.{0,15}\b(for|to ask)\b|"
            r"\banything (you'd|you would|you want to) (like to )?ask\b|\bquestions for (me|us)\b"
        ),
    ),
    (
        "tell_me_about_yourself",
        re.compile(
            r"\btell (me|us) (a (little|bit) |a little bit |more )?about yourself\b|"
            r"\bwalk (me|us) through (your|the) (cv|resume|résumé|background)\b|\bintroduce yourself\b|"
            r"\b(describe|sum up|summari[sz]e) yourself\b|\btell (me|us) about your background\b"
        ),
    ),
    (
        "behavioural",
        re.compile(
            r"\b(tell|talk) (me|us)? ?about (a|an|the|one) (time|occasion|situation|moment|instance|project|"
            r"example|mistake|failure|conflict|challenge|decision)\b|"
            r"\b(describe|share|recall|give( (me|us))?|walk (me|us) through|think of)\b.{0,30}\b(time|occasion|"
            r"situation|example|instance|moment)\b|\bhave you ever\b|\bcan you think of a\b|"
            r"\bwhen (was|did) (the last time|you last)\b|\bwhat('s| is| was) an example\b|"
            r"\bhow did you (handle|deal|manage|resolve|approach)\b|\b(greatest|biggest|proudest) "
            r"(achievement|accomplishment|success)\b|\bproud(est)? of\b"
        ),
    ),
    (
        "strengths_weaknesses",
        re.compile(
            r"\bstrengths?\b|\bweakness(es)?\b|\barea(s)? (for|of|to) (improvement|develop)|"
            r"\bwhat would your (manager|colleagues|boss|friends|team) say\b|\bgood at\b|\bstruggle with\b"
        ),
    ),
    (
        "motivation",
        re.compile(
            r"\bwhy (do|would) you want\b|\bwhy (this|our|the) (role|job|company|position|team|school|"
            r"hospital|organisation|organization|firm|sector|industry)\b|\bwhy (are you|you're) "
            r"interested\b|\bwhat (attracts|attracted|draws|drew|interests|interested) you\b|"
            r"\bwhy (should we|us)\b|\bwhat motivates you\b|\bwhy do you want to work\b|"
            r"\bwhy (did you apply|have you applied)\b"
        ),
    ),
    (
        "career_story",
        re.compile(
            r"\bwhere do you see yourself\b|\b(five|5|ten|10) years\b|\bcareer (goals?|plans?|change)\b|"
            r"\bwhy (did you|are you) (leave|leaving|change|changing|move|moving)\b|\bgap in your\b|"
            r"\bwhy (the|a) career change\b|\bnext step in your career\b|\blong[- ]term goals?\b"
        ),
    ),
    (
        "technical",
        re.compile(
            r"\bexplain (how|what|why|the difference)\b|\bdifference between\b|\bhow does .{1,40} work\b|"
            r"\bhow would you (design|implement|build|calculate|debug|optimi[sz]e|test|code|structure)\b|"
            r"\bwhat is (a|an|the) .{1,40}\b(algorithm|protocol|formula|complexity|index|function|"
            r"pattern|procedure|standard|regulation)\b|\bwrite (a|an|the) (query|function|program|script)\b|"
            r"\b(calculate|derive)\b"
        ),
    ),
    (
        "situational",
        re.compile(
            r"\bwhat would you do\b|\bhow would you\b|\bwhat would you\b|\bimagine\b|\bsuppose\b|"
            r"\bif you (were|had|found|noticed|saw|discovered|disagreed|were asked|could)\b|\bwhat if\b|"
            r"\bwhat do you do (if|when)\b|\bhow do you (handle|deal|respond|react)\b|\bsay (a|that|your)\b"
        ),
    ),
)


def classify_question(question: str) -> str:
    """Return the question type, one of :data:`QUESTION_TYPES` ("general" when no rule fits)."""
    text = _normalise(question).lower()
    for question_type, pattern in _QUESTION_RULES:
        if pattern.search(text):
            return question_type
    return "general"


# --------------------------------------------------------------------------------------------------
# STAR cues (sentence level, any occupation)
# --------------------------------------------------------------------------------------------------

_Cue = tuple[re.Pattern[str], float]


def _cues(*pairs: tuple[str, float]) -> tuple[_Cue, ...]:
    return tuple((re.compile(pattern), weight) for pattern, weight in pairs)


_TIME_NOUNS = (
    r"year|month|week|summer|winter|spring|autumn|fall|christmas|easter|quarter|term|semester|season|"
    r"shift|night|evening|morning|afternoon|weekend|day|saturday|sunday|monday|tuesday|wednesday|"
    r"thursday|friday|time"
)
_MONTHS = r"january|february|march|april|may|june|july|august|september|october|november|december"
_NUMBER_WORDS_ALT = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))

_SITUATION_CUES: Final = _cues(
    (rf"\b(last|this past|that|one|early one|late one|a busy|one busy) ({_TIME_NOUNS})\b", 2.0),
    (r"\b(a|an|two|three|four|five|six|few|couple of|some|\d+) (years?|months?|weeks?|days?) ago\b", 2.0),
    (rf"\bin (the (summer|winter|spring|autumn) of )?(19|20)\d\d\b|\bin ({_MONTHS})\b", 2.0),
    (r"\b(when|while) (i|we) (was|were|worked|joined|started|first|had|arrived|began|moved|took)\b", 2.0),
    (r"\bat the time\b|\bduring (my|a|an|the|our)\b|\bback (then|in)\b", 2.0),
    (
        r"\b(at|in|on) (my|our|the) (previous|last|old|former|current|first|second|third|new|local|"
        r"busy) \w+",
        2.0,
    ),
    (r"\bi was (working|employed|based|a|an|the) \b|\bi (worked|work) (as|at|in|for)\b", 2.0),
    (r"\bthere (was|were|had been) \b", 2.0),
    (
        r"\bwe (had|were|was) (a|an|this|some|no|only|two|three|four|five|loads|lots|very|really|"
        r"quite|short|behind|about|always)\b",
        1.5,
    ),
    (r"^(when|while|during|at|as|back in|once|on|in my|in our|in the) ", 1.5),
    (r"^(so )?(a|an|one|two|our|my|the) \w+( \w+)? (was|were|had|came|kept|arrived|called|rang)\b", 1.0),
    (
        r"\b(problem|issue|complain\w*|short[- ]staffed|behind schedule|backlog|broke|broken|faulty|"
        r"unhappy|angry|upset|frustrated|shouting|crisis|outbreak|delayed|cancell?ed|sick|went wrong|"
        r"missing|overdue|clash\w*|disagreed|shrunk|struggling|noticed|realised|realized)\b",
        1.0,
    ),
)
_PAST_MARKER_RE: Final = re.compile(
    r"\b(was|were|had|wasn't|weren't|hadn't|kept|used to|\w{3,}ed|" + "|".join(sorted(IRREGULAR_ACTION_PAST)) + r")\b"
)

_TASK_CUES: Final = _cues(
    (r"\b(i was|i am|i'm|i was made|we were) (responsible|in charge|accountable)\b", 3.0),
    (r"\bresponsib(le|ility) (for|was|to)\b", 3.0),
    (
        r"\b(my|our|the) (main |first |only )?(job|role|task|responsibility|priority|goal|aim|challenge|"
        r"brief|objective|mission|target|focus|concern|remit) (was|is|would be|became) (to|that|\w+ing|a|an|"
        r"the|simple|clear:)\b",
        3.0,
    ),
    (
        r"(?<!if )(?<!in case )(?<!unless )\b(i|we) (needed|had|wanted|have) to\b|\bi'd need to\b|"
        r"\bi would need to\b",
        3.0,
    ),
    (r"\b(i|we) (had|were given|got) (only |just )?(\w+ ){0,2}(days?|weeks?|hours?|months?|minutes?) to\b", 3.0),
    (
        r"\b(i|we) (was|were) (asked|tasked|told|given|expected|supposed|assigned|required|brought in|"
        r"hired|trusted|chosen|picked)\b",
        3.0,
    ),
    (r"\b(asked|wanted|told|needed|trusted|expected|tasked) (me|us) (to|with)\b", 2.5),
    (r"\bit (was|fell) (up )?to me\b|\bit was my (job|responsibility|role)\b", 3.0),
    (r"\bi volunteered (to|for)\b|\bi took on\b|\bi agreed to (take|lead|run|cover)\b", 2.0),
    (r"\b(needed|had|has|have) to be\b", 2.0),
    (r"\bi (would|'d) want to\b|\b(aim|goal|priority) would be\b", 2.0),
    (r"\bthe (question|decision) was (whether|how)\b", 2.0),
    (r"\bso that\b|\bmake sure\b|\bin order to\b", 1.0),
)

_ADVERBS = (
    r"(?: (?:then|also|first|just|quickly|immediately|personally|still|finally|eventually|soon|always|"
    r"actually|instead|later|really|never|both|all|together|each|\w+ly))*"
)
_ACTION_PAST_RE: Final = re.compile(rf"\b(i|we){_ADVERBS} ([a-z]+)\b")
_ACTION_PERFECT_RE: Final = re.compile(rf"\b(i've|i have|we've|we have){_ADVERBS} ([a-z]+)\b")
_ACTION_HYPOTHETICAL_RE: Final = re.compile(
    rf"\b(i would|i'd|i will|i'll|i am going to|i'm going to){_ADVERBS} ([a-z]+)\b"
)
# "when I joined", "after I left", "which I took as": a clause that dates or describes, not an action.
_TEMPORAL_CLAUSE_RE: Final = re.compile(
    r"\b(when|while|until|since|once|if|as soon as|before|after|which|that|who|whom|where)\s*$"
)
_PARTICIPLES: Final = frozenset(
    [
        "built",
        "made",
        "taken",
        "done",
        "set",
        "run",
        "led",
        "written",
        "given",
        "kept",
        "found",
        "brought",
        "taught",
        "spoken",
        "sent",
        "put",
        "spent",
        "shown",
        "chosen",
        "begun",
    ]
)
_ACTION_EXTRA_CUES: Final = _cues(
    (
        r"\bso (i|we) (?!was\b|were\b|had\b|needed|wanted|thought|felt|knew|could|would|didn't|did not|"
        r"couldn't|wasn't|don't|do not|guess|think|suppose|just)\w+",
        3.0,
    ),
    (r"\b(first|then|next|after that|afterwards|finally|instead),? (i|we) \w+", 2.0),
    (r"\bmy (first )?(step|move|action) (was|would be)\b", 3.0),
    (r"\b(i|we) \w+ (it|this|that|them) by \w+ing\b|\bi'm \w+ing on (it|this|that) by\b", 3.0),
    (r"\bi (start|begin) by\b|\bi would start\b|\bi'd start\b|\bstart by \w+ing\b", 3.0),
)

_RESULT_CUES: Final = _cues(
    (
        r"\b(as a result|in the end|which meant|this meant|that meant|the result was|the outcome was|"
        r"ended up|by the end of|resulted in|led to|paid off|since then|ever since|from then on|"
        r"to this day|going forward|nowadays|since that|after that,? (i|we) (always|never|now))\b",
        3.0,
    ),
    (r"\b(i|we) (learned|learnt)\b|\b(taught|showed) me\b|\blessons?\b|\bwhat i (learned|learnt|took)\b", 3.0),
    (
        r"\b(reduced|increased|improved|saved|dropped|fell|rose|grew|doubled|halved|tripled|boosted|"
        r"lowered|shortened|sped up|came down|went up|went down|brought \w+ down|climbed|jumped|"
        r"decreased|declined|cut\b[^.;]{0,30}\b(by|from|to)|brought\b[^.;]{0,30}\bdown)\b",
        2.0,
    ),
    (
        r"\b(hit|met|beat|exceeded|reached|achieved|made) (our|the|my|its|their|a|all)? ?"
        r"(target|deadline|goal|budget|quota|numbers)\b",
        2.0,
    ),
    (r"\b(on time|ahead of schedule|under budget|on budget|a day early|days early|in time)\b", 1.0),
    (
        r"\b(thanked|praised|complimented|recommended|promoted|renewed|rewarded|congratulated|commended|"
        r"signed off)\b|\bthank[- ]you (card|note|email|letter)\b",
        2.0,
    ),
    (
        r"\b(was|were|felt|seemed|looked|left|went away) (happy|pleased|satisfied|delighted|grateful|"
        r"relieved|impressed|calmer|reassured)\b|\bcalmed down\b|\bstayed with\b|"
        r"\b(came|come|comes) back (the next|next|again|every|later|to (thank|say|buy|book|order))",
        2.0,
    ),
    (
        r"\bno (\w+ )?(complaints?|errors?|incidents?|outages?|issues|problems|walk-outs|accidents|injuries|"
        r"mistakes|delays|escalations)\b",
        2.0,
    ),
    (
        r"\b(was|were|got|has been|have been|had been) (corrected|fixed|resolved|solved|approved|accepted|"
        r"adopted|completed|delivered|finished|sorted|cleared|restored|refunded|recovered|avoided|prevented|"
        r"back (up|on|open|running|in stock))\b",
        2.0,
    ),
    (r"\b(under|within|on) (the |our |my )?(\w+ )?budget\b", 2.0),
    (r"\b(days?|weeks?|hours?|minutes?) (early|ahead of|before the deadline)\b", 2.0),
    (
        r"\b(feedback|response|reaction|reviews?|ratings?|results?)\b[^.;]{0,30}\b(was|were)\b (very |really )?"
        r"(good|great|positive|excellent|strong)\b",
        2.0,
    ),
    (r"\b(used|shared|adopted|copied|kept|cited) (my|our) \w+", 1.5),
    (
        r"\b(kept|maintained|held) (our|the|my) [\w ]{0,20}(rate|time|times|score|scores|level|standard|"
        r"numbers|figures)\b",
        2.0,
    ),
    (
        r"\bfrom (about |around |roughly |nearly |over |under |just )?[£$€]?(\d|" + _NUMBER_WORDS_ALT + r")"
        r"[^.;]{0,40}? to [£$€]?(\d|under|over|about|around|" + _NUMBER_WORDS_ALT + r")",
        2.0,
    ),
    (
        r"\b(i|we|she|he|they) (could now|can now|was able to|were able to|managed to|could) "
        r"(?!see|tell|hear|feel|sense|understand|not|only)\w+",
        1.5,
    ),
    (r"\bzero\b|\bnone of\b", 1.0),
    (
        r"\b(rolled|rolls)\b[^.;]{0,30}\bout\b|\b(was|were|got|has been|have been) "
        r"(adopted|approved|accepted|rolled out|signed off|used)\b|\b(still|now) (uses?|runs?|produces?|"
        r"takes?|has|have|handles?|gets?)\b",
        2.0,
    ),
    (
        r"\b(successfully|worked well|it worked|went well|passed|won|solved|resolved|sorted itself|"
        r"got it (done|deployed|working|approved|fixed))\b",
        2.0,
    ),
    (
        r"\b(customer|client|patient|guest|passenger|parent|manager|family|director|doctor|funder|"
        r"school|hospital|he|she|they|everyone|everybody)\b[^.;]*\b(said|told|thanked|agreed|wrote|"
        r"rated|made|stayed|picked|left|asked me|kept|received|sent)\b",
        1.5,
    ),
    (
        r"\bwithin (a|an|one|two|three|four|five|six|\d+|the next|the first|a few) (days?|weeks?|months?|"
        r"years?|hours?|terms?|quarters?)\b",
        1.5,
    ),
    (r"\b(after that|afterwards|eventually|finally|later)\b", 1.0),
)
_HYPOTHETICAL_RESULT_RE: Final = re.compile(
    r"\b(that way|this way|so that|which would|this would|that would|it would|would mean|would help|"
    r"ensures?|the outcome|i'd know|i would know|so (nobody|no one|everyone|both))\b|"
    r"\b(leaves?|feels?|is|are|stays?|goes away) (happy|satisfied|reassured|safe|heard|informed|on track)\b"
)

# --------------------------------------------------------------------------------------------------
# Numbers: a result counts as quantified when it carries a measurement, not a year or a clock time.
# --------------------------------------------------------------------------------------------------

_CLOCK_RE: Final = re.compile(
    r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:[:.]\d\d)?\s?"
    r"(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|at night|in the (morning|afternoon|evening))"
)
_YEAR_RE: Final = re.compile(r"(?<![\d.,£$€])\b(19|20)\d\d\b(?![.,]?\d|%)")
_DIGIT_QUANTITY_RE: Final = re.compile(r"\d")
_NUMBER_WORD_RE: Final = re.compile(
    r"\b(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b"
    r"|\b(" + "|".join(sorted(MULTIPLIER_WORDS)) + r")\b"
)


def _has_quantity(lower_sentence: str) -> bool:
    stripped = _YEAR_RE.sub(" ", _CLOCK_RE.sub(" ", lower_sentence))
    return bool(_DIGIT_QUANTITY_RE.search(stripped) or _NUMBER_WORD_RE.search(stripped))


# --------------------------------------------------------------------------------------------------
# Fillers, hedges, ownership
# --------------------------------------------------------------------------------------------------

_TOKEN_WITH_PUNCT_RE: Final = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[,.;:!?—–-]")
_PHRASE_BLOCKERS: Final[dict[str, frozenset[str]]] = {
    # "what kind of", "do you know", "what I mean" are ordinary words, not fillers.
    "kind of": frozenset(
        ["what", "this", "that", "the", "a", "any", "every", "some", "which", "same", "one", "different", "right"]
    ),
    "sort of": frozenset(
        ["what", "this", "that", "the", "a", "any", "every", "some", "which", "same", "one", "different", "right"]
    ),
    "you know": frozenset(["do", "did", "if", "don't", "didn't", "would", "will", "as", "so", "what", "how"]),
    "i mean": frozenset(["what", "do", "did"]),
}
_PUNCT: Final = frozenset(",.;:!?—–-")
_MEAN_OBJECTS: Final = frozenset(["to", "it", "that", "what", "by", "this", "business"])


def _find_fillers(lower_text: str) -> list[str]:
    tokens = _TOKEN_WITH_PUNCT_RE.findall(lower_text)
    found: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        previous = tokens[index - 1] if index else "."
        following = tokens[index + 1] if index + 1 < len(tokens) else "."
        pair = f"{token} {following}"
        if pair in PHRASE_FILLERS:
            blockers = _PHRASE_BLOCKERS.get(pair, frozenset())
            after = tokens[index + 2] if index + 2 < len(tokens) else "."
            is_filler = previous not in blockers
            if pair == "you know":
                # "you know" is a filler when it stands apart: "…, you know," or at the end.
                is_filler = is_filler and (previous in _PUNCT or after in _PUNCT)
            if pair == "i mean":
                # "I mean, …" is a filler; "I mean to …" and "I mean it" are not
                is_filler = is_filler and (after in _PUNCT or (previous in _PUNCT and after not in _MEAN_OBJECTS))
            if is_filler:
                found.append(pair)
                index += 2
                continue
        if token in SIMPLE_FILLERS:
            found.append(token)
        elif token == "like" and _like_is_filler(previous, following):
            found.append("like")
        index += 1
    return found


_SPOKEN_JOINERS: Final = frozenset(["so", "and", "but", "um", "uh", "er", "erm", "yeah", "oh", "well", "okay"])


def _like_is_filler(previous: str, following: str) -> bool:
    if previous in LIKE_NOT_FILLER_BEFORE:
        return False  # "I would like", "just like that", "things like budgets"
    if previous in _PUNCT or following in _PUNCT:
        return True  # "it was, like, hard"
    if following[:1].isdigit() or following in NUMBER_WORDS:
        return True  # "like 20 people": a spoken approximation
    if previous in _SPOKEN_JOINERS or following in SIMPLE_FILLERS:
        return True  # "so like basically", transcripts without commas
    return previous in ("was", "were", "is", "'s", "am", "'m") and following in ("so", "really", "totally")


_HEDGE_RE: Final = re.compile(r"\b(" + "|".join(re.escape(phrase) for phrase in HEDGE_PHRASES) + r")\b")
_HEDGE_BLOCKERS: Final = frozenset(
    ["what", "this", "that", "the", "a", "any", "every", "some", "which", "same", "one", "different"]
)


def _find_hedges(lower_text: str) -> list[str]:
    found: list[str] = []
    for match in _HEDGE_RE.finditer(lower_text):
        phrase = match.group(1)
        if phrase in ("kind of", "sort of"):
            before = lower_text[: match.start()].split()
            if before and before[-1] in _HEDGE_BLOCKERS:
                continue
        found.append(phrase)
    return found


_FIRST_SINGULAR: Final = frozenset(["i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"])
_FIRST_PLURAL: Final = frozenset(["we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll"])


def _ownership(lower_words: Sequence[str]) -> float | None:
    singular = sum(1 for word in lower_words if word in _FIRST_SINGULAR)
    plural = sum(1 for word in lower_words if word in _FIRST_PLURAL)
    if singular + plural == 0:
        return None
    return round(singular / (singular + plural), 2)


# --------------------------------------------------------------------------------------------------
# Relevance to the question's topic
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _TopicGroup:
    label: str
    weight: float
    stems: frozenset[str]
    phrases: tuple[str, ...]


def _expansions_for(word: str, word_stem: str) -> tuple[str, ...]:
    found = TOPIC_EXPANSIONS.get(word) or TOPIC_EXPANSIONS.get(word_stem)
    if found:
        return found
    for key, entries in TOPIC_EXPANSIONS.items():
        if len(key) >= 5 and word.startswith(key):
            return entries
    return ()


def _make_group(label: str, weight: float, entries: Iterable[str]) -> _TopicGroup:
    stems: set[str] = set()
    phrases: list[str] = []
    for entry in entries:
        if " " in entry:
            phrases.append(entry)
        else:
            stems.add(stem(entry))
    return _TopicGroup(label, weight, frozenset(stems), tuple(phrases))


def _topic_groups(question: str, question_type: str) -> list[_TopicGroup]:
    groups: list[_TopicGroup] = []
    seen: set[str] = set()
    for word in _words(_normalise(question).lower()):
        if word in STOPWORDS or word in QUESTION_FRAME_WORDS or len(word) < 3 or word[0].isdigit():
            continue
        word_stem = stem(word)
        if word_stem in seen:
            continue
        seen.add(word_stem)
        groups.append(_make_group(word, 1.0, (word, *_expansions_for(word, word_stem))))
    for index, entries in enumerate(TYPE_TOPICS.get(question_type, ())):
        groups.append(_make_group(f"{question_type}:{index}", 0.7, entries))
    return groups


def _relevance(groups: Sequence[_TopicGroup], sentence_words: Sequence[Sequence[str]]) -> float:
    """Coverage of the question's topic groups (70%) and the share of sentences that touch them (30%).

    A group counts 0.6 when mentioned once and 1.0 when mentioned twice or more; half the sentences
    touching the topic is enough for the share part, since actions and results use their own words.
    """
    if not groups:
        return 1.0
    mentions = [0] * len(groups)
    question_groups = [i for i, group in enumerate(groups) if group.weight >= 1.0] or list(range(len(groups)))
    touching = 0
    for words in sentence_words:
        stems = Counter(stem(word) for word in words if word not in STOPWORDS)
        padded = " " + " ".join(words) + " "
        touched = False
        for i, group in enumerate(groups):
            found = sum(stems[s] for s in group.stems) + sum(padded.count(f" {p} ") for p in group.phrases)
            mentions[i] += found
            touched = touched or (found > 0 and i in question_groups)
        touching += touched
    earned = sum(g.weight * (1.0 if m >= 2 else 0.6 if m else 0.0) for g, m in zip(groups, mentions, strict=True))
    coverage = earned / sum(group.weight for group in groups)
    share = touching / len(sentence_words) if sentence_words else 0.0
    return round(0.7 * coverage + 0.3 * min(1.0, share / 0.5), 2)


# --------------------------------------------------------------------------------------------------
# Job terms
# --------------------------------------------------------------------------------------------------

_JD_TOKEN_RE: Final = re.compile(r"[a-z0-9][a-z0-9+#]*(?:[.\-/][a-z0-9+#]+)*|[^\sa-z0-9]")
_JD_SALIENT_BEFORE: Final = frozenset(
    [
        "with",
        "in",
        "of",
        "using",
        "including",
        "such",
        "as",
        "knowledge",
        "proficient",
        "proficiency",
        "familiar",
        "familiarity",
    ]
)


def _jd_content(token: str) -> bool:
    return (
        token[0].isalnum()
        and len(token) > 1
        and not token.isdigit()
        and token not in STOPWORDS
        and token not in GENERIC_JOB_AD_WORDS
        and token not in JOB_AD_VERBS
        and not (token.endswith("ly") and len(token) > 4)
    )


def extract_job_terms(jd: str, limit: int = 12) -> list[str]:
    """Key terms of a job description: salient content words and the short noun phrases they form.

    Runs of content words (broken by stopwords, punctuation, generic job-ad words and duty verbs such as
    "manage" or "support") give phrases of two or three words; phrases score above single words, repeats
    and requirement bullets score higher, and a word already inside a chosen phrase is not listed again.
    """
    scores: defaultdict[str, float] = defaultdict(float)
    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    first_seen: dict[str, int] = {}
    position = 0

    def note(words: Sequence[str], weight: float) -> None:
        key = " ".join(stem(word) for word in words)
        surface.setdefault(key, " ".join(words))
        first_seen.setdefault(key, position)
        scores[key] += weight
        counts[key] += 1

    for raw_line in _normalise(jd)[:MAX_ANSWER_CHARS].splitlines():
        line_bonus = 0.5 if _BULLET_RE.match(raw_line) else 0.0
        marked = _marked_tokens(raw_line)
        run: list[str] = []
        previous = ""
        for token in [*_JD_TOKEN_RE.findall(raw_line.lower()), "."]:
            position += 1
            if _jd_content(token):
                bonus = line_bonus + (1.0 if token in marked else 0.0)
                bonus += 0.5 if previous in _JD_SALIENT_BEFORE else 0.0
                note([token], 1.0 + bonus)
                run.append(token)
            else:
                if len(run) == 3:
                    note(run, 1.5 + line_bonus)
                elif len(run) >= 2:
                    for first, second in itertools.pairwise(run):
                        note([first, second], 1.5 + line_bonus)
                run = []
            previous = token
    ranked = sorted(scores, key=lambda key: (-scores[key] - 0.01 * key.count(" "), first_seen[key]))
    phrases: list[str] = []
    for key in ranked:
        words = set(key.split())
        overlaps = any(
            words & set(other.split()) and abs(first_seen[other] - first_seen[key]) <= 3 for other in phrases
        )
        if len(words) > 1 and not overlaps:
            phrases.append(key)  # skip overlaps from one run, such as "acute medical" beside "medical unit"

    def inside_phrase(key: str) -> bool:
        # A word is listed on its own only when it also appears outside the phrases chosen so far.
        holders = [p for p in chosen if " " in p and key in p.split()]
        return bool(holders) and counts[key] <= sum(counts[p] for p in holders)

    chosen: list[str] = []
    for key in ranked:
        if len(chosen) >= limit:
            break
        if " " in key and key not in phrases:
            continue
        if " " not in key and inside_phrase(key):
            continue
        chosen.append(key)
        chosen = [k for k in chosen if " " in k or not inside_phrase(k)]
    return [surface[key] for key in chosen]


def _marked_tokens(line: str) -> set[str]:
    """Tokens that look like names of tools or credentials: SQL, C++, Kubernetes (not in title-case lines)."""
    raw_tokens = [t for t in line.split() if len(t.strip(".,;:()")) > 1]
    title_case = sum(1 for t in raw_tokens if t[0].isupper()) * 2 > len(raw_tokens)
    marked: set[str] = set()
    for index, raw in enumerate(raw_tokens):
        token = raw.strip(".,;:()")
        sentence_start = index == 0 or raw_tokens[index - 1][-1:] in ".!?:"
        symbol_or_acronym = token.isupper() or any(char in token for char in "+#")
        proper_noun = token[0].isupper() and token[1:].islower() and not (title_case or sentence_start)
        if symbol_or_acronym or proper_noun:
            marked.add(token.lower())
    return marked


def _term_used(term: str, lower_text: str, sentence_stems: Sequence[frozenset[str]]) -> bool:
    """A term counts as used when it appears as written, or all its words appear in one sentence."""
    lowered = _normalise(term).lower().strip()
    if not lowered:
        return False
    pattern = r"(?<![\w+#])" + r"[\s-]+".join(re.escape(part) for part in lowered.split()) + r"(?![\w+#])"
    if re.search(pattern, lower_text):
        return True
    term_stems = {stem(word) for word in _words(lowered) if word not in STOPWORDS}
    if not term_stems or not all(word.isalpha() for word in term_stems):
        return False
    return any(term_stems <= stems for stems in sentence_stems)


# --------------------------------------------------------------------------------------------------
# Per-sentence features
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sentence:
    index: int
    text: str
    lower: str
    word_count: int
    scores: Mapping[str, float]
    has_quantity: bool
    first_person_action: bool
    plural_action: bool
    hypothetical_only: bool  # its only actions are "I would …" / "I'd …"
    hedged: bool


def _cue_score(cues: Sequence[_Cue], lower: str) -> float:
    return sum(weight for pattern, weight in cues if pattern.search(lower))


def _action_score(lower: str) -> tuple[float, bool, bool, bool]:
    """(score, has an "I" action, has a "we" action, all its actions are hypothetical)."""
    singular = plural = hypothetical = False
    for match in _ACTION_PAST_RE.finditer(lower):
        verb = match.group(2)
        if _TEMPORAL_CLAUSE_RE.search(lower[: match.start()]):
            continue
        if (verb.endswith("ed") and verb not in NON_ACTION_PAST) or verb in IRREGULAR_ACTION_PAST:
            if verb in ("worked", "work") and re.match(r" (as|at|in|for)\b", lower[match.end() :]):
                continue  # "I worked as a nurse" sets the scene
            singular |= match.group(1) == "i"
            plural |= match.group(1) == "we"
    for match in _ACTION_PERFECT_RE.finditer(lower):
        verb = match.group(2)
        if (verb.endswith("ed") and verb not in NON_ACTION_PAST) or verb in _PARTICIPLES:
            singular |= match.group(1).startswith("i")
            plural |= match.group(1).startswith("we")
    factual = singular or plural
    for match in _ACTION_HYPOTHETICAL_RE.finditer(lower):
        if match.group(2) not in NON_ACTION_BASE:
            singular = hypothetical = True
    score = 3.0 if singular else 2.5 if plural else 0.0
    score += _cue_score(_ACTION_EXTRA_CUES, lower)
    return score, singular, plural, hypothetical and not factual


_PRESENT_ACTION_RE: Final = re.compile(
    r"\b(i|we)(?: (?:always|usually|normally|first|then|also|just|\w+ly))* (?!am\b|have\b|had\b|was\b|think\b|"
    r"feel\b|guess\b|suppose\b|like\b|love\b|hope\b|know\b|mean\b|don't\b|do\b|can't\b|want\b|need\b|"
    r"believe\b|tend\b|would\b|will\b|could\b|should\b|might\b)[a-z]{3,}\b"
)


def _analyse_sentences(sentences: Sequence[str], question_type: str) -> list[_Sentence]:
    """Score every sentence for each STAR part: cue weights plus what usually comes where in a story."""
    analysed: list[_Sentence] = []
    last = len(sentences) - 1
    hypothetical = question_type == "situational"
    previous_situation = seen_action = False
    for index, text in enumerate(sentences):
        lower = _normalise(text).lower()
        action, singular, plural, hypothetical_only = _action_score(lower)
        if hypothetical and action < _STAR_THRESHOLD and _PRESENT_ACTION_RE.search(lower):
            # "First I listen, then I check the order": present-tense steps answer a "how would you" question
            action, singular, hypothetical_only = 3.0, True, True
        task = _cue_score(_TASK_CUES, lower)
        result = _cue_score(_RESULT_CUES, lower)
        situation = _cue_score(_SITUATION_CUES, lower)
        quantity = _has_quantity(lower)
        if quantity and (result > 0 or seen_action):
            result += 1.0  # a number after the actions is usually what they achieved
        if _HYPOTHETICAL_RESULT_RE.search(lower):
            result += 2.0 if hypothetical else 1.0
        if index == 0:
            situation += 1.0
            result -= 1.0  # an opening sentence sets things up; outcomes come later
            if situation >= 3.0:
                action -= 1.5  # "Last year I processed a payment run…" dates the story more than it acts
        elif index == last and index >= 2:
            result += 1.0
        if singular or plural:
            situation -= 1.0
        if seen_action:
            situation -= 1.0  # the scene is set before the actions, rarely after
            if result >= _STAR_THRESHOLD:
                task -= 1.0
        elif (
            previous_situation
            and index <= 2
            and not (singular or plural)
            and max(result, task) < _STAR_THRESHOLD
            and _PAST_MARKER_RE.search(lower)
        ):
            situation += 2.0  # a follow-on sentence that keeps describing the scene
        scores = {"situation": situation, "task": task, "action": action, "result": result}
        previous_situation = situation >= _STAR_THRESHOLD
        seen_action = seen_action or action >= _STAR_THRESHOLD
        analysed.append(
            _Sentence(
                index=index,
                text=text,
                lower=lower,
                word_count=len(_words(lower)),
                scores=scores,
                has_quantity=quantity,
                first_person_action=singular,
                plural_action=plural,
                hypothetical_only=hypothetical_only,
                hedged=bool(_find_hedges(lower)),
            )
        )
    return analysed


def _star_from(analysed: Sequence[_Sentence]) -> StarSentences:
    found: dict[str, tuple[int, ...]] = {}
    for part in STAR_PARTS:
        found[part] = tuple(s.index for s in analysed if s.scores[part] >= _STAR_THRESHOLD)
    return StarSentences(found["situation"], found["task"], found["action"], found["result"])


# --------------------------------------------------------------------------------------------------
# Score
# --------------------------------------------------------------------------------------------------

# Maxima per measure by question type; each set adds up to 100 with job terms. Without job terms their
# points move to relevance, so the maximum is always 100.
_SCORE_PLANS: Final[dict[str, tuple[tuple[str, int], ...]]] = {
    "behavioural": (
        ("situation", 8),
        ("task", 6),
        ("action", 14),
        ("result", 12),
        ("quantified_result", 8),
        ("detail", 8),
        ("ownership", 8),
        ("relevance", 12),
        ("length", 10),
        ("fillers", 4),
        ("hedges", 4),
        ("job_terms", 6),
    ),
    "situational": (
        ("situation", 3),
        ("task", 8),
        ("action", 20),
        ("result", 12),
        ("detail", 6),
        ("ownership", 3),
        ("relevance", 16),
        ("length", 10),
        ("fillers", 6),
        ("hedges", 10),
        ("job_terms", 6),
    ),
    "tell_me_about_yourself": (
        ("present", 8),
        ("past", 8),
        ("future", 12),
        ("achievement", 14),
        ("quantified_result", 6),
        ("focus", 8),
        ("relevance", 8),
        ("length", 12),
        ("fillers", 7),
        ("hedges", 7),
        ("job_terms", 10),
    ),
    "motivation": (
        ("specific_reasons", 20),
        ("fit", 15),
        ("evidence", 10),
        ("relevance", 15),
        ("length", 12),
        ("fillers", 8),
        ("hedges", 10),
        ("job_terms", 10),
    ),
    "strengths_weaknesses": (
        ("named", 12),
        ("example", 18),
        ("result", 12),
        ("quantified_result", 6),
        ("relevance", 12),
        ("length", 12),
        ("fillers", 7),
        ("hedges", 11),
        ("job_terms", 10),
    ),
    "general": (
        ("specificity", 25),
        ("relevance", 30),
        ("length", 15),
        ("fillers", 10),
        ("hedges", 10),
        ("job_terms", 10),
    ),
}
for _plan in _SCORE_PLANS.values():
    assert sum(maximum for _, maximum in _plan) == 100, _plan


def _plan_for(question_type: str, with_job_terms: bool) -> list[tuple[str, int]]:
    plan = list(_SCORE_PLANS.get(question_type, _SCORE_PLANS["general"]))
    if with_job_terms:
        return plan
    job_points = dict(plan)["job_terms"]
    return [
        (measure, maximum + job_points if measure == "relevance" else maximum)
        for measure, maximum in plan
        if measure != "job_terms"
    ]


@dataclass(frozen=True)
class _Evidence:
    """Everything a measure or a suggestion may look at."""

    question_type: str
    question: str
    sentences: tuple[str, ...]
    analysed: tuple[_Sentence, ...]
    star: StarSentences
    quantified_result: bool
    quantified_sentence: int | None
    word_count: int
    length: LengthCheck
    fillers: FillerReport
    hedges: tuple[str, ...]
    ownership: float | None
    relevance: float
    topic_labels: tuple[str, ...]
    job_terms: JobTermUse | None
    lower_text: str


_Measure = Callable[[_Evidence], tuple[float, str]]


def _quote(text: str, max_words: int = 12, from_end: bool = False) -> str:
    words = text.strip().rstrip(".!?;:,").split()
    if len(words) <= max_words:
        return f'"{" ".join(words)}"'
    if from_end:
        return f'"…{" ".join(words[-max_words:])}"'
    return f'"{" ".join(words[:max_words])}…"'


def _indices_text(indices: Sequence[int]) -> str:
    numbers = [str(i + 1) for i in indices]
    if len(numbers) == 1:
        return f"sentence {numbers[0]}"
    return "sentences " + ", ".join(numbers[:-1]) + " and " + numbers[-1]


_PART_WORDS: Final = {
    "situation": ("set the scene", "No sentence sets the scene (when, where, what was going on)."),
    "task": ("say what you had to achieve", "No sentence says what you were responsible for."),
    "action": ("say what was done", "No sentence describes what was done."),
    "result": ("say what came of it", "No sentence says what came of it."),
}


# Words a part needs before it counts as told in full; a bare mention earns 40% of the points.
_PART_DETAIL_WORDS: Final = {"situation": 15, "task": 10, "action": 35, "result": 15}


def _star_measure(part: str) -> _Measure:
    def measure(ev: _Evidence) -> tuple[float, str]:
        indices = ev.star.of(part)
        verb, missing = _PART_WORDS[part]
        if not indices:
            return 0.0, missing
        sentences = [ev.analysed[i] for i in indices]
        detail = 0.0
        for sentence in sentences:
            weight = 1.0
            if part == "action" and ev.question_type == "behavioural" and sentence.hypothetical_only:
                weight = 0.5  # "I would …" in a story about the past tells a habit, not what happened
            if part == "result" and sentence.hedged:
                weight = 0.5
            detail += sentence.word_count * weight
        needed = _PART_DETAIL_WORDS[part]
        fraction = 0.4 + 0.6 * min(1.0, detail / needed)
        note = ""
        if part == "action" and ev.question_type == "behavioural":
            if all(s.hypothetical_only for s in sentences):
                note = '; told as "I would", not as what you did'
            elif not any(s.first_person_action for s in sentences):
                note = '; only as "we", not "I"'
                fraction *= 0.8
        if part == "result" and all(s.hedged for s in sentences):
            note = "; stated with a hedge"
        verb = verb if len(indices) > 1 else verb.replace("say ", "says ", 1).replace("set ", "sets ", 1)
        where = _indices_text(indices).capitalize()
        return fraction, f"{where} {verb} ({round(detail)} words of detail, full from {needed}{note})."

    return measure


def _measure_quantified(ev: _Evidence) -> tuple[float, str]:
    if ev.quantified_result and ev.quantified_sentence is not None:
        return 1.0, f"Sentence {ev.quantified_sentence + 1} puts a number on the result."
    if ev.star.result:
        return 0.0, "The result has no number (how many, how much, how much faster)."
    return 0.0, "There is no result to measure."


def _measure_ownership(ev: _Evidence) -> tuple[float, str]:
    if ev.ownership is None:
        return 0.0, "No I/we at all, so whose actions these were is unclear."
    share = round(ev.ownership * 100)
    fraction = min(1.0, ev.ownership / 0.7)
    return fraction, f'{share}% of I/me/my vs we/us/our is "I" (full points from 70%).'


def _measure_relevance(ev: _Evidence) -> tuple[float, str]:
    fraction = min(1.0, ev.relevance / 0.7)
    topic = ", ".join(label for label in ev.topic_labels if ":" not in label) or ev.question_type
    return fraction, f"Relevance {ev.relevance:.2f} to the question's topic ({topic}); full points from 0.70."


def _measure_length(ev: _Evidence) -> tuple[float, str]:
    low, high = ev.length.target_min, ev.length.target_max
    if ev.length.verdict == "ok":
        return 1.0, f"{ev.word_count} words is within the {low}-{high} target."
    if ev.length.verdict == "short":
        return ev.word_count / low, f"{ev.word_count} words is under the {low}-{high} target."
    return max(0.0, 1 - (ev.word_count - high) / high), f"{ev.word_count} words is over the {low}-{high} target."


def _enough_said(ev: _Evidence) -> float:
    # Clean delivery only counts in proportion to how much was said, so a one-word answer earns little.
    return min(1.0, ev.word_count / ev.length.target_min)


def _measure_fillers(ev: _Evidence) -> tuple[float, str]:
    rate = ev.fillers.per_100_words
    fraction = 1.0 if rate <= 1 else max(0.0, 1 - (rate - 1) / 5)
    scaled = fraction * _enough_said(ev)
    if not ev.fillers.found:
        return scaled, "No fillers." + _scaled_note(ev)
    top = ", ".join(f'"{word}" x{count}' for word, count in ev.fillers.found[:3])
    return scaled, f"{rate} fillers per 100 words ({top}); full points at 1 or fewer." + _scaled_note(ev)


def _measure_hedges(ev: _Evidence) -> tuple[float, str]:
    count = len(ev.hedges)
    rate = 100 * count / ev.word_count if ev.word_count else 0.0
    fraction = 1.0 if rate <= 0.5 else max(0.0, 1 - (rate - 0.5) / 3.5)
    scaled = fraction * _enough_said(ev)
    if not count:
        return scaled, "No hedging phrases." + _scaled_note(ev)
    listed = ", ".join(f'"{phrase}"' for phrase in dict.fromkeys(ev.hedges))
    return scaled, f"{count} hedging phrase(s): {listed}." + _scaled_note(ev)


def _scaled_note(ev: _Evidence) -> str:
    if ev.word_count >= ev.length.target_min:
        return ""
    return f" Scaled by length ({ev.word_count}/{ev.length.target_min} words)."


def _measure_job_terms(ev: _Evidence) -> tuple[float, str]:
    if ev.job_terms is None:
        return 0.0, ""
    total = len(ev.job_terms.used) + len(ev.job_terms.missed)
    if total == 0:
        return 1.0, "The job description gave no key terms to check."
    expected = min(3, total)
    used = len(ev.job_terms.used)
    return min(1.0, used / expected), f"Uses {used} of the job's {total} key terms (full points at {expected})."


_PRESENT_RE: Final = re.compile(
    r"\b(i'm|i am) (a|an|the|currently|now|working|part|responsible|in charge)\b|\bcurrently\b|"
    r"\bright now\b|\bat the moment\b|\btoday i\b|\bi work (as|at|in|for|on)\b|\bin my (current|present) "
    r"(role|job|position)\b|\bthese days\b|\bfor the (past|last) \w+ (years|months)\b|"
    r"\bi've been (a|an|working|doing|in)\b|\bi (own|run|lead|manage|look after)\b|^today\b"
)
_PAST_RE: Final = re.compile(
    r"\b(before that|previously|prior to|i started|i began|i spent|i studied|i trained|i qualified|"
    r"graduated|my degree|i grew up|i was (a|an)|i worked|i've worked|i joined|my first (job|role)|"
    r"earlier in my career|after (university|uni|school|college)|i've been)\b|\byears? (of|in|at|as)\b"
)
_FUTURE_RE: Final = re.compile(
    r"\b(i'm (now )?looking|i am (now )?looking|next step|this (role|position|job|team|opportunity)|"
    r"your (company|team|organisation|organization|school|hospital|firm|unit|practice)|i want to|"
    r"i'd (like|love) to|i would (like|love) to|i'm applying|i am applying|which is why|that's why|"
    r"that is why|keen to|hoping to|ready (to|for)|next stage)\b"
)


def _regex_measure(pattern: re.Pattern[str], yes: str, no: str) -> _Measure:
    def measure(ev: _Evidence) -> tuple[float, str]:
        for sentence in ev.analysed:
            if pattern.search(sentence.lower):
                return 1.0, f"Sentence {sentence.index + 1} {yes}."
        return 0.0, no

    return measure


_ACHIEVEMENT_RE: Final = re.compile(
    r"\b(reduced|reduce|increased|improved|cut|saved|doubled|halved|tripled|boosted|lowered|shortened|"
    r"grew|won|passed|promoted|awarded|exceeded|beat|hit|delivered|launched|built|set up|introduced|"
    r"automated|brought\b[^.;]{0,30}\bdown|took\b[^.;]{0,30}\bfrom|rolled out|adopted|recognised|"
    r"recognized|praised|thanked)\b"
)


def _achievement_sentences(ev: _Evidence) -> list[int]:
    """Sentences that claim an outcome: a result cue plus a number or an outcome verb, said plainly."""
    return [
        s.index
        for s in ev.analysed
        if s.scores["result"] >= _STAR_THRESHOLD
        and not s.hedged
        and not _PERSONAL_RE.search(s.lower)
        and (s.has_quantity or _ACHIEVEMENT_RE.search(s.lower))
        and (s.first_person_action or s.plural_action or s.index in ev.star.result)
    ]


def _measure_achievement(ev: _Evidence) -> tuple[float, str]:
    indices = _achievement_sentences(ev)
    if not indices:
        return 0.0, "No concrete achievement (something you did and what came of it)."
    return 1.0, f"{_indices_text(indices).capitalize()} name a concrete achievement."


_WORK_RE: Final = re.compile(
    r"\b(work|worked|working|job|jobs|role|roles|career|experience|team|teams|company|companies|employer|"
    r"customers?|clients?|patients?|pupils?|students?|project|projects|manage|managed|manager|lead|led|"
    r"skills?|trained|training|qualified|qualification|studied|degree|course|business|industry|sector|"
    r"profession|professional|responsible|position|promoted|shift|office|colleagues|service|"
    r"apprenticeship|internship|placement|contract|freelance|volunteer\w*)\b|\b(as an?|i'm an?|i am an?) \w+"
)
_PERSONAL_RE: Final = re.compile(
    r"\b(born|grew up|childhood|hobby|hobbies|football|holiday|holidays|travelling|traveling|backpacking|"
    r"married|my kids|my children|my wife|my husband|my partner|weekends?|gym|my friends|pets?|dog|"
    r"the best year of my life|favourite|favorite)\b"
)


def _measure_focus(ev: _Evidence) -> tuple[float, str]:
    """Share of sentences about work rather than life outside it (for "tell me about yourself")."""
    personal = [s.index for s in ev.analysed if _PERSONAL_RE.search(s.lower)]
    working = [s.index for s in ev.analysed if _WORK_RE.search(s.lower) and s.index not in personal]
    share = len(working) / len(ev.analysed)
    why = f"{len(working)} of {len(ev.analysed)} sentences are about your work (full from 75%)"
    if personal:
        why += f"; {_indices_text(personal)} dwell on life outside work"
    return min(1.0, share / 0.75), why + "."


_EMPLOYER_RE: Final = re.compile(
    r"\b(you|your|yours|here|this (role|position|job|company|team|school|hospital|firm|organisation|"
    r"organization|practice|store|restaurant|charity|unit|programme|program|ward|kitchen|office))\b|"
    r"\b(i|we) (read|saw|visited|noticed|met|spoke to|heard|used|tried|watched|looked at)\b|"
    r"\bi've (read|seen|visited|noticed|met|used|followed|heard)\b"
)
_GENERIC_PRAISE_RE: Final = re.compile(
    r"\b(great place to work|heard (a lot of |lots of )?good things|good reputation|big names?|"
    r"seems like (a|an) (great|good|nice|okay|ok)|good company|the money|salary|pay is|close to where|"
    r"not too far|need a job|biggest names)\b"
)
_FIT_RE: Final = re.compile(
    r"\b(my|i've|i have|i had|i did|in my (last|current|previous)|as a)\b.*\b(experience|skills?|"
    r"background|worked|role|job|set up|led|built|helped|ran|trained|managed|did)\b"
)


def _specific_employer_sentences(ev: _Evidence) -> list[int]:
    specific: list[int] = []
    for sentence in ev.analysed:
        if not _EMPLOYER_RE.search(sentence.lower) or _GENERIC_PRAISE_RE.search(sentence.lower):
            continue
        content = [w for w in _words(sentence.lower) if w not in STOPWORDS and w not in GENERIC_JOB_AD_WORDS]
        names = any(_is_name(word) for word in sentence.text.split()[1:])
        if sentence.has_quantity or names or len(content) >= 5:
            specific.append(sentence.index)
    return specific


def _measure_specific_reasons(ev: _Evidence) -> tuple[float, str]:
    indices = _specific_employer_sentences(ev)
    if not indices:
        generic = _GENERIC_PRAISE_RE.search(ev.lower_text)
        if generic:
            return 0.0, f'No specific reason about this employer; "{generic.group(0)}" is generic.'
        return 0.0, "No specific reason about this employer or role."
    return min(1.0, len(indices) / 2), f"{_indices_text(indices).capitalize()} give specific reasons (2 for full)."


def _measure_fit(ev: _Evidence) -> tuple[float, str]:
    for sentence in ev.analysed:
        if _FIT_RE.search(sentence.lower):
            return 1.0, f"Sentence {sentence.index + 1} links your own experience to the role."
    return 0.0, "Nothing links your own experience to the role."


def _measure_evidence(ev: _Evidence) -> tuple[float, str]:
    for sentence in ev.analysed:
        if sentence.has_quantity and (sentence.first_person_action or sentence.index in ev.star.result):
            return 1.0, f"Sentence {sentence.index + 1} backs it up with a concrete, measurable example."
    for sentence in ev.analysed:
        if sentence.first_person_action:
            return 0.5, f"Sentence {sentence.index + 1} gives an example, without a number."
    return 0.0, "No concrete example backs the reasons up."


_NAMED_TRAIT_RE: Final = re.compile(
    r"\bmy (greatest |biggest |main |key |real |top |one )?(strength|weakness)\b|"
    r"\bi(?:'m| am) (good|great|strong|weak|not great|not good|bad) (at|with)\b|\bi (struggle|tend to|"
    r"can be|find it hard)\b|\b(i'd|i would) say (i'm|my|that i)\b|\bused to make me\b|"
    r"\bi (can|could) be (a bit|too|quite|very)\b|\b(is|was) my (strength|weakness)\b"
)


def _measure_named(ev: _Evidence) -> tuple[float, str]:
    stock = [phrase for phrase in STOCK_TRAIT_PHRASES if phrase in ev.lower_text]
    for sentence in ev.analysed:
        if _NAMED_TRAIT_RE.search(sentence.lower):
            if stock:
                return 0.5, f'Sentence {sentence.index + 1} names a trait, but with the stock phrase "{stock[0]}".'
            return 1.0, f"Sentence {sentence.index + 1} names the trait clearly."
    if stock:
        return 0.3, f'Only the stock phrase "{stock[0]}" names a trait.'
    return 0.0, "The answer never names the trait plainly."


def _measure_example(ev: _Evidence) -> tuple[float, str]:
    if ev.star.action and (ev.star.situation or ev.star.result):
        return 1.0, f"{_indices_text(ev.star.action).capitalize()} give a concrete example."
    if ev.star.action or "for example" in ev.lower_text or "for instance" in ev.lower_text:
        return 0.5, "An example is mentioned but not told (what happened, what you did)."
    return 0.0, "No example shows the trait in action."


_IMPROVEMENT_RE: Final = re.compile(
    r"\b(working on|to improve|improving|i've started|i started|i joined|practis|practic|course|"
    r"now i|i now|learned|learnt|got better|it's got easier|has got easier|feedback|by (agreeing|planning|"
    r"setting|asking|using)|i plan|i ask|i set)\b"
)


def _measure_result_or_improvement(ev: _Evidence) -> tuple[float, str]:
    is_weakness = "weakness" in ev.question.lower() or "improve" in ev.question.lower()
    if ev.star.result:
        return 1.0, f"{_indices_text(ev.star.result).capitalize()} say what came of it."
    if is_weakness:
        for sentence in ev.analysed:
            if _IMPROVEMENT_RE.search(sentence.lower):
                return 0.6, f"Sentence {sentence.index + 1} says what you do about it, but not what changed."
        return 0.0, "Nothing says what you are doing about it or what changed."
    return 0.0, "Nothing says what the strength led to."


_TIME_DETAIL_RE: Final = re.compile(
    rf"\b(last|this past|that|one|next|the following) ({_TIME_NOUNS})\b|\b({_MONTHS}|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)\b|\b(\w+ )?(years?|months?|weeks?|days?) (ago|later)\b"
)
_VAGUE_RE: Final = re.compile(
    r"\b(stuff|things|something|somehow|at some point|a bit|loads|lots of|whatever|and so on|etc|"
    r"or something|or so|all kinds|and everything|pretty much|this one|some of)\b"
)
_QUOTED_RE: Final = re.compile(r'"[^"]{3,}"')


def _measure_detail(ev: _Evidence) -> tuple[float, str]:
    """Concrete details (numbers, times, names, quoted words) per 50 words, less vague wording."""
    details = 0
    for sentence in ev.analysed:
        details += len(_DIGIT_RUN_RE.findall(_CLOCK_RE.sub(" 1 ", sentence.lower)))
        details += len(_NUMBER_WORD_RE.findall(sentence.lower))
        details += len(_TIME_DETAIL_RE.findall(sentence.lower))
        details += len(_QUOTED_RE.findall(sentence.text))
        details += sum(1 for word in sentence.text.split()[1:] if _is_name(word))
    vague = [match.group(0) for match in _VAGUE_RE.finditer(ev.lower_text)]
    per_50 = 50 * details / ev.word_count
    fraction = min(1.0, per_50 / 2) - 0.15 * len(vague)
    why = f"{details} concrete details (numbers, times, names) in {ev.word_count} words; full from 2 per 50"
    if vague:
        listed = ", ".join(f'"{v}"' for v in dict.fromkeys(vague))
        why += f"; vague wording: {listed}"
    return max(0.0, fraction), why + "."


_DIGIT_RUN_RE: Final = re.compile(r"\d+(?:[.,]\d+)*")


def _is_name(word: str) -> bool:
    """A capitalised word inside a sentence: a place, a product, a person, a named system."""
    core = word.strip("\"'(),.;:!?")
    return len(core) > 1 and core[0].isupper() and core not in ("I", "I'm", "I'd", "I've", "I'll", "OK")


def _measure_specificity(ev: _Evidence) -> tuple[float, str]:
    concrete = [
        s.index
        for s in ev.analysed
        if s.has_quantity or s.first_person_action or re.search(r"\bfor (example|instance)\b|\bsuch as\b", s.lower)
    ]
    if not concrete:
        return 0.0, "No concrete detail (an example, a number, something you did)."
    return min(1.0, len(concrete) / 2), f"{_indices_text(concrete).capitalize()} give concrete detail (2 for full)."


_MEASURES: Final[dict[str, _Measure]] = {
    "situation": _star_measure("situation"),
    "task": _star_measure("task"),
    "action": _star_measure("action"),
    "result": _star_measure("result"),
    "quantified_result": _measure_quantified,
    "ownership": _measure_ownership,
    "relevance": _measure_relevance,
    "length": _measure_length,
    "fillers": _measure_fillers,
    "hedges": _measure_hedges,
    "job_terms": _measure_job_terms,
    "present": _regex_measure(_PRESENT_RE, "says what you do now", "Nothing says what you do now."),
    "past": _regex_measure(_PAST_RE, "covers your background", "Nothing covers your background."),
    "future": _regex_measure(
        _FUTURE_RE, "says why this role is your next step", "Nothing says why this role is your next step."
    ),
    "achievement": _measure_achievement,
    "specific_reasons": _measure_specific_reasons,
    "fit": _measure_fit,
    "evidence": _measure_evidence,
    "named": _measure_named,
    "example": _measure_example,
    "specificity": _measure_specificity,
    "detail": _measure_detail,
    "focus": _measure_focus,
}


def _score(ev: _Evidence) -> tuple[ScoreItem, ...]:
    items: list[ScoreItem] = []
    for measure, maximum in _plan_for(ev.question_type, ev.job_terms is not None):
        if ev.word_count == 0:
            items.append(ScoreItem(measure, 0, maximum, "No answer given."))
            continue
        if measure == "result" and ev.question_type == "strengths_weaknesses":
            fraction, why = _measure_result_or_improvement(ev)
        else:
            fraction, why = _MEASURES[measure](ev)
        points = round(maximum * max(0.0, min(1.0, fraction)))
        items.append(ScoreItem(measure, points, maximum, why))
    return tuple(items)


# --------------------------------------------------------------------------------------------------
# Suggestions and follow-up
# --------------------------------------------------------------------------------------------------


def _action_clause(sentence: _Sentence) -> str:
    """The clause that starts at the first "I <verb>" (or "we <verb>") of a sentence."""
    match = _ACTION_PAST_RE.search(sentence.lower) or _ACTION_HYPOTHETICAL_RE.search(sentence.lower)
    if not match:
        return _quote(sentence.text, from_end=True)
    clause = sentence.text[match.start() :]
    clause = re.split(r"[,;:]| and | but | so ", clause, maxsplit=1)[0]
    return _quote(clause, max_words=10)


def _suggest(ev: _Evidence, breakdown: Sequence[ScoreItem]) -> tuple[str, ...]:
    if ev.word_count == 0:
        if ev.question_type in ("behavioural", "situational"):
            return (
                "Answer the question with one specific example: where you were, what you did, and what came of it.",
            )
        return ("Answer the question: two or three sentences that speak to it directly are a good start.",)
    lost = {item.measure: item.max - item.points for item in breakdown}
    candidates: list[tuple[float, int, str]] = []

    def add(measure: str, text: str, order: int, bonus: float = 0.0) -> None:
        if lost.get(measure, 0) + bonus > 0:
            candidates.append((lost.get(measure, 0) + bonus, order, text))

    story = ev.question_type in ("behavioural", "situational")
    by_index = ev.analysed
    action_sentences = [by_index[i] for i in ev.star.action]
    if story:
        if not ev.star.result:
            if action_sentences:
                anchor = _action_clause(action_sentences[-1])
                if ev.question_type == "situational":
                    text = (
                        f"Say what you would expect to come of it: after {anchor}, add the outcome you would "
                        "aim for and how you would know it had worked."
                    )
                else:
                    text = (
                        f"Say what came of it: after {anchor}, add the result — what changed, and by how "
                        "much (time saved, complaints, sales, errors)."
                    )
                add("result", text, 1)
            else:
                add("result", "End with the result: what changed because of what you did, ideally with a number.", 1)
        elif not ev.quantified_result and "quantified_result" in lost:
            last_result = by_index[ev.star.result[-1]]
            add(
                "quantified_result",
                f"Put a number on the result: {_quote(last_result.text)} — how many, how much, or how much faster?",
                2,
            )
        if not ev.star.action:
            add(
                "action",
                'Describe the steps you took yourself, one sentence each, starting with "I": what '
                "did you do first, and then?",
                0,
            )
        if not ev.star.situation and ev.question_type == "behavioural":
            add(
                "situation",
                f"Set the scene in one sentence before {_quote(ev.sentences[0], 8)}: where you "
                "were, when, and what was at stake.",
                4,
            )
        if not ev.star.task:
            anchor_sentence = by_index[ev.star.situation[-1]] if ev.star.situation else by_index[0]
            add(
                "task",
                f"Say what you were responsible for: after {_quote(anchor_sentence.text, 8, True)}, add "
                "what you needed to achieve.",
                5,
            )
        if ev.ownership is not None and ev.ownership < 0.5 and ev.question_type == "behavioural":
            we_sentences = [s for s in by_index if s.plural_action] or [
                s for s in by_index if re.search(r"\bwe\b", s.lower)
            ]
            if we_sentences:
                add(
                    "ownership",
                    f"Say what you did yourself: in {_quote(we_sentences[0].text, 10)}, which part "
                    'was yours? Use "I" for your own steps.',
                    3,
                    bonus=2,
                )
    elif ev.question_type == "tell_me_about_yourself":
        add("present", "Open with what you do now: your current role and what you are responsible for.", 1)
        add("past", "Add one or two sentences on how you got here: earlier roles, training or studies.", 2)
        add("future", "Close with why this role is your next step and what draws you to it.", 0)
        add("focus", "Keep to your working life: swap personal background for one more line on your work.", 4)
        add(
            "achievement",
            "Give one concrete achievement: something you did and what came of it, with a number if you can.",
            3,
        )
    elif ev.question_type == "motivation":
        generic = _GENERIC_PRAISE_RE.search(ev.lower_text)
        if generic:
            add(
                "specific_reasons",
                f'Replace "{generic.group(0)}" with something specific about this '
                "employer: a product, a service, a value or a programme you have seen, and why it matters to "
                "you.",
                0,
            )
        else:
            add("specific_reasons", "Name something specific about this employer or team and why it matters to you.", 0)
        add("fit", "Link the role to your own experience: one thing you have done that shows you fit.", 1)
        add("evidence", "Back a reason with a short example or a number from your own work.", 2)
    elif ev.question_type == "strengths_weaknesses":
        stock = [phrase for phrase in STOCK_TRAIT_PHRASES if phrase in ev.lower_text]
        if stock:
            add("named", f'Replace the stock phrase "{stock[0]}" with a specific trait and one real example.', 0)
        else:
            add("named", 'Name the trait plainly in your first sentence ("My main strength is …").', 0)
        add("example", "Tell one short example: the situation, what you did, and what came of it.", 1)
        if "weakness" in ev.question.lower():
            add("result", "Say what you are doing about it and what has changed since.", 2)
        else:
            add("result", "Say what the strength led to: a result someone could check.", 2)
    else:
        add("specificity", "Make it concrete: add an example, a number, or something you did yourself.", 1)

    # Delivery and fit, for every type.
    if ev.fillers.found:
        worst, count = max(ev.fillers.found, key=lambda pair: pair[1])
        add(
            "fillers",
            f'Cut the filler "{worst}" (used {count}x; {ev.fillers.per_100_words} fillers per 100 '
            f"words in all): {_filler_context(ev, worst)}.",
            6,
        )
    if ev.hedges:
        hedge = ev.hedges[0]
        context = next((s.text for s in by_index if re.search(rf"\b{re.escape(hedge)}\b", s.lower)), "")
        add("hedges", f'Say it with confidence: drop "{hedge}" in {_quote(context, 12)} and state it directly.', 7)
    if ev.length.verdict == "short":
        seconds = round(ev.word_count / WORDS_PER_MINUTE * 60)
        add(
            "length",
            f"Add detail: {ev.word_count} words is about {seconds} seconds; aim for "
            f"{ev.length.target_min}-{ev.length.target_max} words.",
            8,
        )
    elif ev.length.verdict == "long":
        longest = max(by_index, key=lambda s: len(s.text.split()))
        add(
            "length",
            f"Tighten it to {ev.length.target_min}-{ev.length.target_max} words (now "
            f"{ev.word_count}); start with the longest sentence, {_quote(longest.text, 10)}.",
            8,
        )
    if ev.relevance < 0.45:
        topic = ", ".join(f'"{label}"' for label in ev.topic_labels if ":" not in label)
        if topic:
            add(
                "relevance",
                f"Answer the question asked: it turns on {topic}, and the answer says little about "
                "that; name it in your first sentence.",
                9,
                bonus=2,
            )
    if ev.job_terms is not None and ev.job_terms.missed and not ev.job_terms.used:
        missed = ", ".join(f'"{term}"' for term in ev.job_terms.missed[:3])
        add("job_terms", f"Connect it to the job: where it is true, mention {missed}.", 10)
    candidates.sort(key=lambda c: (-c[0], c[1]))
    return tuple(text for _, _, text in candidates[:3])


def _filler_context(ev: _Evidence, filler: str) -> str:
    for sentence in ev.analysed:
        if re.search(rf"\b{re.escape(filler)}\b", sentence.lower):
            return _quote(sentence.text, 10)
    return f'"{filler}"'


_FOLLOW_UPS: Final[dict[str, dict[str, str]]] = {
    "behavioural": {
        "action": "What did you do yourself, step by step?",
        "result": "And what was the result?",
        "situation": "Can you set the scene: where was this, and what was going on?",
        "task": "What were you responsible for in that situation?",
    },
    "situational": {
        "action": "What exactly would you do first?",
        "result": "How would you know it had worked?",
        "task": "What would you be trying to achieve?",
    },
}


def _follow_up(question_type: str, star: StarSentences, word_count: int) -> str | None:
    questions = _FOLLOW_UPS.get(question_type)
    if questions is None:
        return None
    if word_count == 0:
        return "Can you think of a specific example?" if question_type == "behavioural" else questions["action"]
    for part in ("action", "result", "situation", "task"):
        if part in questions and not star.of(part):
            return questions[part]
    return None


# --------------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------------


def analyze_answer(
    question: str,
    answer: str,
    jd: str | None = None,
    job_terms: Sequence[str] | None = None,
) -> AnswerAnalysis:
    """Analyse one answer to one interview question.

    ``job_terms`` are the job's skills when the caller has them; with only ``jd`` the key terms are
    extracted from it. Without either, ``job_terms`` in the result is ``None``.
    """
    answer = _normalise(answer or "")[:MAX_ANSWER_CHARS]
    question = question or ""
    question_type = classify_question(question)
    sentences = tuple(split_sentences(answer))
    lower_text = answer.lower()
    words = _words(lower_text)
    word_count = len(words)
    analysed = tuple(_analyse_sentences(sentences, question_type))
    star = _star_from(analysed)
    quantified_sentence = next((i for i in star.result if analysed[i].has_quantity), None)

    target_min, target_max = LENGTH_TARGETS[question_type]
    verdict = "short" if word_count < target_min else "long" if word_count > target_max else "ok"
    filler_counts = Counter(_find_fillers(lower_text))
    fillers = FillerReport(
        per_100_words=round(100 * filler_counts.total() / word_count, 1) if word_count else 0.0,
        found=tuple(filler_counts.items()),
    )
    groups = _topic_groups(question, question_type)
    sentence_words = [_words(sentence.lower) for sentence in analysed]
    relevance = _relevance(groups, sentence_words) if word_count else 0.0

    terms: Sequence[str] | None = job_terms
    if terms is None and jd:
        terms = extract_job_terms(jd)
    job_term_use: JobTermUse | None = None
    if terms is not None:
        sentence_stems = [frozenset(stem(word) for word in sentence) for sentence in sentence_words]
        unique_terms = list(dict.fromkeys(term for term in terms if term.strip()))
        used = tuple(term for term in unique_terms if _term_used(term, lower_text, sentence_stems))
        job_term_use = JobTermUse(used, tuple(term for term in unique_terms if term not in used))

    evidence = _Evidence(
        question_type=question_type,
        question=question,
        sentences=sentences,
        analysed=analysed,
        star=star,
        quantified_result=quantified_sentence is not None,
        quantified_sentence=quantified_sentence,
        word_count=word_count,
        length=LengthCheck(target_min, target_max, verdict),
        fillers=fillers,
        hedges=tuple(_find_hedges(lower_text)),
        ownership=_ownership(words),
        relevance=relevance,
        topic_labels=tuple(group.label for group in groups),
        job_terms=job_term_use,
        lower_text=lower_text,
    )
    breakdown = _score(evidence)
    return AnswerAnalysis(
        score=sum(item.points for item in breakdown),
        question_type=question_type,
        sentences=sentences,
        star_sentences=star,
        quantified_result=evidence.quantified_result,
        word_count=word_count,
        speaking_seconds=round(word_count / WORDS_PER_MINUTE * 60),
        length=evidence.length,
        fillers=fillers,
        hedges=evidence.hedges,
        ownership=evidence.ownership,
        relevance=relevance,
        job_terms=job_term_use,
        score_breakdown=breakdown,
        suggestions=_suggest(evidence, breakdown),
        follow_up=_follow_up(question_type, star, word_count),
    )


def analyze_answers_batch(items: Iterable[Mapping[str, str | None]]) -> list[AnswerAnalysis]:
    """Analyse many answers; each item has ``question``, ``answer`` and optionally ``jd``.

    Job terms extracted from a job description are reused across items that share it.
    """
    terms_by_jd: dict[str, list[str]] = {}
    results: list[AnswerAnalysis] = []
    for item in items:
        jd = item.get("jd") or None
        terms: list[str] | None = None
        if jd:
            if jd not in terms_by_jd:
                terms_by_jd[jd] = extract_job_terms(jd)
            terms = terms_by_jd[jd]
        results.append(analyze_answer(item.get("question") or "", item.get("answer") or "", job_terms=terms))
    return results


_GAIN_PHRASES: Final = {
    "quantified_result": "you added a measurable result",
    "result": "you said what came of it",
    "action": "you described what you did",
    "situation": "you set the scene",
    "task": "you said what you were responsible for",
    "ownership": "you said more about your own part",
    "relevance": "it stays closer to the question",
    "length": "the length is closer to the target",
    "fillers": "fewer fillers",
    "hedges": "less hedging",
    "job_terms": "you used more of the job's terms",
    "present": "you said what you do now",
    "past": "you covered your background",
    "future": "you said why this role is your next step",
    "achievement": "you added a concrete achievement",
    "specific_reasons": "your reasons are more specific to the employer",
    "fit": "you linked your experience to the role",
    "evidence": "you backed it up with an example",
    "named": "you named the trait clearly",
    "example": "you added an example",
    "specificity": "it is more concrete",
}
_LOSS_PHRASES: Final = {
    "quantified_result": "the result lost its number",
    "result": "the result is missing",
    "action": "what you did is missing",
    "situation": "the scene is no longer set",
    "task": "your responsibility is no longer stated",
    "ownership": 'more "we", less "I"',
    "relevance": "it drifts further from the question",
    "length": "the length is further from the target",
    "fillers": "more fillers",
    "hedges": "more hedging",
    "job_terms": "fewer of the job's terms",
}


def compare_attempts(previous: AnswerAnalysis, current: AnswerAnalysis) -> dict[str, Any]:
    """Per-measure deltas between two attempts at an answer, and a one-line verdict."""
    before = {item.measure: item.points for item in previous.score_breakdown}
    after = {item.measure: item.points for item in current.score_breakdown}
    deltas = {m: after.get(m, 0) - before.get(m, 0) for m in dict.fromkeys([*before, *after])}
    measures = {m: {"previous": before.get(m), "current": after.get(m), "delta": d} for m, d in deltas.items()}
    delta = current.score - previous.score
    # A newly measurable result is the change interviewers notice most, so it leads when it happened.
    gained = sorted((m for m, d in deltas.items() if d > 0), key=lambda m: (m != "quantified_result", -deltas[m]))
    lost = sorted((m for m, d in deltas.items() if d < 0), key=lambda m: deltas[m])
    if delta >= 3 and gained:
        verdict = f"Better: {_GAIN_PHRASES.get(gained[0], gained[0])} (+{delta} points)."
    elif delta <= -3 and lost:
        reason = _LOSS_PHRASES.get(lost[0], f"{lost[0]} went down")
        verdict = f"Worse: {reason} ({delta} points)."
    else:
        verdict = f"About the same ({delta:+d} points)."
    return {
        "score": {"previous": previous.score, "current": current.score, "delta": delta},
        "measures": measures,
        "star": {
            "added": [p for p in STAR_PARTS if current.star[p] and not previous.star[p]],
            "dropped": [p for p in STAR_PARTS if previous.star[p] and not current.star[p]],
        },
        "word_count": {
            "previous": previous.word_count,
            "current": current.word_count,
            "delta": current.word_count - previous.word_count,
        },
        "fillers_per_100_words": {
            "previous": previous.fillers.per_100_words,
            "current": current.fillers.per_100_words,
            "delta": round(current.fillers.per_100_words - previous.fillers.per_100_words, 1),
        },
        "relevance": {
            "previous": previous.relevance,
            "current": current.relevance,
            "delta": round(current.relevance - previous.relevance, 2),
        },
        "quantified_result": {"previous": previous.quantified_result, "current": current.quantified_result},
        "verdict": verdict,
    }
