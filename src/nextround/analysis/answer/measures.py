"""Every named measure of the score: each looks only at the :class:`Evidence` of an answer and gives the
fraction of its points it earns and a one-line reason (:data:`MEASURES`, by the names the plans use)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Final

from nextround.analysis.answer.evidence import Evidence, indices_text
from nextround.analysis.answer.lexicon import cue_placeholders, lexicon
from nextround.analysis.answer.model import STAR_THRESHOLD
from nextround.analysis.answer.score_plans import (
    WITHOUT_OUTCOME,
    result_is_next_step,
    story_without_outcome,
    without_outcome,
)
from nextround.analysis.answer.star import CLOCK_RE, number_word_re
from nextround.analysis.text import words
from nextround.domain.wording import plural

_Measure = Callable[[Evidence], tuple[float, str]]
_NEXT_STEP_VERB: Final = {False: "tells", True: "tell"}
_WITHOUT_OUTCOME_NOTE: Final = "; counted at under a third, as the answer never says what came of it"


_PART_WORDS: Final = {
    "situation": ("set the scene", "No sentence sets the scene (when, where, what was going on)."),
    "task": ("say what you had to achieve", "No sentence says what you were responsible for."),
    "action": ("say what was done", "No sentence describes what was done."),
    "result": ("say what came of it", "No sentence says what came of it."),
}


# Words a part needs before it counts as told in full; a bare mention earns ``BARE_MENTION`` of the points.
_PART_DETAIL_WORDS: Final = {"situation": 15, "task": 10, "action": 35, "result": 15}
# The steps and the outcome earn by what they tell, not by being there (session 23, engineer scoreA23): at 40% a weak
# reply's one bare step and bare ending ("I told her." "It was fine.") earned half the points of each, close to an
# average answer's steps told in a sentence or two. At 20% (with ``score_plans.CONCRETE_SCALES_PARTS_PLANS``) strong
# above average rose on 31 of 43 seen splits and fell on none, average above weak rose on 35 and fell on 5
# (docs/answers.md, session 23). The scene and the charge keep 40%: a short scene is still a scene.
BARE_MENTION: Final = {"situation": 0.4, "task": 0.4, "action": 0.2, "result": 0.2}


def _star_measure(part: str) -> _Measure:
    def measure(ev: Evidence) -> tuple[float, str]:
        indices = ev.star.of(part)
        verb, missing = _PART_WORDS[part]
        if not indices:
            return 0.0, missing
        if part == "result" and result_is_next_step(ev):
            where = indices_text(indices).capitalize()
            return 0.0, f"{where} only {_NEXT_STEP_VERB[len(indices) > 1]} the next step, not what came of it."
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
        bare = BARE_MENTION[part]
        fraction = bare + (1 - bare) * min(1.0, detail / needed)
        note = ""
        if part == "action" and ev.question_type == "behavioural":
            if all(s.hypothetical_only for s in sentences):
                note = '; told as "I would", not as what you did'
            elif not any(s.first_person_action for s in sentences):
                note = '; only as "we", not "I"'
                fraction *= 0.8
        if part == "result" and all(s.hedged for s in sentences):
            note = "; stated with a hedge"
        if story_without_outcome(ev):
            fraction *= WITHOUT_OUTCOME
            note += _WITHOUT_OUTCOME_NOTE
        verb = verb if len(indices) > 1 else verb.replace("say ", "says ", 1).replace("set ", "sets ", 1)
        where = indices_text(indices).capitalize()
        return fraction, f"{where} {verb} ({round(detail)} words of detail, full from {needed}{note})."

    return measure


def _measure_quantified(ev: Evidence) -> tuple[float, str]:
    if result_is_next_step(ev):
        return 0.0, "There is no result to measure (only the next step)."
    if ev.quantified_result and ev.quantified_sentence is not None:
        return 1.0, f"Sentence {ev.quantified_sentence + 1} puts a number on the result."
    if ev.star.result:
        return 0.0, "The result has no number (how many, how much, how much faster)."
    return 0.0, "There is no result to measure."


# Whose steps they were counts by how much of the steps is told (session 23, engineer scoreA23): a weak reply's bare "I
# told her" or "I just stayed late" earned all 8 ownership points, as many as a story of three steps, for saying "I"
# (the weak answer's edge in lost average-above-weak pairs, +1.2 points a pair). ``OWNERSHIP_FLOOR`` of the points
# with no step told, all of them from ``OWNERSHIP_STEP_WORDS`` words of steps (docs/answers.md, session 23).
OWNERSHIP_BY_STEPS = True
OWNERSHIP_FLOOR: Final = 0.3
OWNERSHIP_STEP_WORDS: Final = 20


def _measure_ownership(ev: Evidence) -> tuple[float, str]:
    if ev.ownership is None:
        return 0.0, "No I/we at all, so whose actions these were is unclear."
    share = round(ev.ownership * 100)
    fraction = min(1.0, ev.ownership / 0.7)
    why = f'{share}% of I/me/my vs we/us/our is "I" (full points from 70%)'
    step_words = sum(ev.analysed[i].word_count for i in ev.star.action)
    if OWNERSHIP_BY_STEPS and step_words < OWNERSHIP_STEP_WORDS:
        told = OWNERSHIP_FLOOR + (1 - OWNERSHIP_FLOOR) * step_words / OWNERSHIP_STEP_WORDS
        fraction *= told
        steps = f"the steps told run to {plural(step_words, 'word')}" if step_words else "no step is told"
        why += f"; counted at {round(100 * told)}%, as {steps} (all points from {OWNERSHIP_STEP_WORDS} words of steps)"
    # Whose steps they were counts as the steps do: a story that stops before its outcome earned 7-8 of 8 here, with
    # relevance about 70% of its score (test15: 41.1 against 45.8 for the average answers; session 17).
    if story_without_outcome(ev):
        return WITHOUT_OUTCOME * fraction, why + _WITHOUT_OUTCOME_NOTE + "."
    return fraction, why + "."


def _measure_relevance(ev: Evidence) -> tuple[float, str]:
    fraction = min(1.0, ev.relevance / 0.7)
    topic = ev.own_topic or ev.topic_concept or ev.question_type.replace("_", " ")
    return fraction, f"Relevance {ev.relevance:.2f} to what the question asks ({topic}); full points from 0.70."


def _measure_length(ev: Evidence) -> tuple[float, str]:
    low, high = ev.length.target_min, ev.length.target_max
    if ev.length.verdict == "ok":
        return 1.0, f"{plural(ev.word_count, 'word')} is within the {low}-{high} target."
    if ev.length.verdict == "short":
        return ev.word_count / low, f"{plural(ev.word_count, 'word')} is under the {low}-{high} target."
    over = max(0.0, 1 - (ev.word_count - high) / high)
    return over, f"{plural(ev.word_count, 'word')} is over the {low}-{high} target."


def _enough_said(ev: Evidence) -> float:
    # Clean delivery only counts in proportion to how much was said, so a one-word answer earns little.
    return min(1.0, ev.word_count / ev.length.target_min)


def _measure_fillers(ev: Evidence) -> tuple[float, str]:
    rate = ev.fillers.per_100_words
    fraction = 1.0 if rate <= 1 else max(0.0, 1 - (rate - 1) / 5)
    scaled = fraction * _enough_said(ev)
    if not ev.fillers.found:
        return scaled, "No fillers." + _scaled_note(ev)
    top = ", ".join(f'"{word}" x{count}' for word, count in ev.fillers.found[:3])
    return scaled, f"{rate} fillers per 100 words ({top}); full points at 1 or fewer." + _scaled_note(ev)


def _measure_hedges(ev: Evidence) -> tuple[float, str]:
    count = len(ev.hedges)
    rate = 100 * count / ev.word_count if ev.word_count else 0.0
    fraction = 1.0 if rate <= 0.5 else max(0.0, 1 - (rate - 0.5) / 3.5)
    scaled = fraction * _enough_said(ev)
    if not count:
        return scaled, "No hedging phrases." + _scaled_note(ev)
    listed = ", ".join(f'"{phrase}"' for phrase in dict.fromkeys(ev.hedges))
    return scaled, f"{plural(count, 'hedging phrase')}: {listed}." + _scaled_note(ev)


def _scaled_note(ev: Evidence) -> str:
    if ev.word_count >= ev.length.target_min:
        return ""
    # "No fillers" beside 1 of 4 points needs its reason in words: a short answer cannot show it keeps them out.
    return (
        f" A short answer earns part of these points: {ev.word_count} of the {ev.length.target_min} words "
        "that earn them all."
    )


def _measure_job_terms(ev: Evidence) -> tuple[float, str]:
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
    def measure(ev: Evidence) -> tuple[float, str]:
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


def _achievement_sentences(ev: Evidence) -> list[int]:
    """Sentences that claim an outcome: a result cue plus a number or an outcome verb, said plainly."""
    return [
        s.index
        for s in ev.analysed
        if s.scores["result"] >= STAR_THRESHOLD
        and not s.hedged
        and not _PERSONAL_RE.search(s.lower)
        and (s.has_quantity or _ACHIEVEMENT_RE.search(s.lower))
        and (s.first_person_action or s.plural_action or s.index in ev.star.result)
    ]


def _measure_achievement(ev: Evidence) -> tuple[float, str]:
    indices = _achievement_sentences(ev)
    if not indices:
        return 0.0, "No concrete achievement (something you did and what came of it)."
    return 1.0, f"{indices_text(indices).capitalize()} name a concrete achievement."


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


def _measure_focus(ev: Evidence) -> tuple[float, str]:
    """Share of sentences about work rather than life outside it (for "tell me about yourself")."""
    personal = [s.index for s in ev.analysed if _PERSONAL_RE.search(s.lower)]
    working = [s.index for s in ev.analysed if _WORK_RE.search(s.lower) and s.index not in personal]
    share = len(working) / len(ev.analysed)
    why = f"{len(working)} of {len(ev.analysed)} sentences are about your work (full from 75%)"
    if personal:
        why += f"; {indices_text(personal)} dwell on life outside work"
    return min(1.0, share / 0.75), why + "."


_EMPLOYER_RE: Final = re.compile(
    r"\b(you|your|yours|here|this (role|position|job|company|team|school|hospital|firm|organisation|"
    r"organization|practice|store|restaurant|charity|unit|programme|program|ward|kitchen|office))\b|"
    r"\b(i|we) (read|saw|visited|noticed|met|spoke to|heard|used|tried|watched|looked at)\b|"
    r"\bi've (read|seen|visited|noticed|met|used|followed|heard)\b"
)
GENERIC_PRAISE_RE: Final = re.compile(
    r"\b(great place to work|heard (a lot of |lots of )?good things|good reputation|big names?|"
    r"seems like (a|an) (great|good|nice|okay|ok)|good company|the money|salary|pay is|close to where|"
    r"not too far|need a job|biggest names)\b"
)
_FIT_RE: Final = re.compile(
    r"\b(my|i've|i have|i had|i did|in my (last|current|previous)|as a)\b.*\b(experience|skills?|"
    r"background|worked|role|job|set up|led|built|helped|ran|trained|managed|did)\b"
)


def _specific_employer_sentences(ev: Evidence) -> list[int]:
    specific: list[int] = []
    for sentence in ev.analysed:
        if not _EMPLOYER_RE.search(sentence.lower) or GENERIC_PRAISE_RE.search(sentence.lower):
            continue
        content = [
            w for w in words(sentence.lower) if w not in lexicon().stopwords and w not in lexicon().generic_job_ad_words
        ]
        names = any(_is_name(word) for word in sentence.text.split()[1:])
        if sentence.has_quantity or names or len(content) >= 5:
            specific.append(sentence.index)
    return specific


def _measure_specific_reasons(ev: Evidence) -> tuple[float, str]:
    indices = _specific_employer_sentences(ev)
    if not indices:
        generic = GENERIC_PRAISE_RE.search(ev.lower_text)
        if generic:
            return 0.0, f'No specific reason about this employer; "{generic.group(0)}" is generic.'
        return 0.0, "No specific reason about this employer or role."
    return min(1.0, len(indices) / 2), f"{indices_text(indices).capitalize()} give specific reasons (2 for full)."


def _measure_fit(ev: Evidence) -> tuple[float, str]:
    for sentence in ev.analysed:
        if _FIT_RE.search(sentence.lower):
            return 1.0, f"Sentence {sentence.index + 1} links your own experience to the role."
    # A step of one's own at work shows the fit as well as naming one's experience does: strong answers to "What
    # does a good manager look like to you?" tell what the speaker did ("I could have the bait and the tags ready
    # before we reached each fleet") and lost all 15 points (session 10: strong above average rose on every seen
    # split, average above weak held).
    for sentence in ev.analysed:
        if sentence.first_person_action and not sentence.hypothetical_only and _WORK_RE.search(sentence.lower):
            return 1.0, f"Sentence {sentence.index + 1} shows your fit by something you did at work."
    return 0.0, "Nothing links your own experience to the role."


def _measure_evidence(ev: Evidence) -> tuple[float, str]:
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
    r"\bi (can|could) be (a bit|too|quite|very)\b|\b(is|was) my (strength|weakness)\b|"
    # What others would praise or pick on, the part expected to be hardest ("My head of department would praise how
    # I run the prep room", "I expect the hardest part to be the winter nights on call").
    r"\b(would|will|'d) (praise|say|mention|pick (on|up)|criticise|criticize|tell you)\b|"
    r"\bthe (hardest|toughest|most difficult) (part|thing)\b|\bi (expect|find) (the|it)\b"
)


def _measure_named(ev: Evidence) -> tuple[float, str]:
    stock = [phrase for phrase in lexicon().stock_trait_phrases if phrase in ev.lower_text]
    for sentence in ev.analysed:
        if _NAMED_TRAIT_RE.search(sentence.lower):
            if stock:
                return 0.5, f'Sentence {sentence.index + 1} names a trait, but with the stock phrase "{stock[0]}".'
            return 1.0, f"Sentence {sentence.index + 1} names the trait clearly."
    if stock:
        return 0.3, f'Only the stock phrase "{stock[0]}" names a trait.'
    return 0.0, "The answer never names the trait plainly."


def _measure_example(ev: Evidence) -> tuple[float, str]:
    if ev.star.action and (ev.star.situation or ev.star.result):
        return 1.0, f"{indices_text(ev.star.action).capitalize()} give a concrete example."
    if ev.star.action or "for example" in ev.lower_text or "for instance" in ev.lower_text:
        return 0.5, "An example is mentioned but not told (what happened, what you did)."
    return 0.0, "No example shows the trait in action."


_IMPROVEMENT_RE: Final = re.compile(
    r"\b(working on|to improve|improving|i've started|i started|i joined|practis|practic|course|"
    r"now i|i now|learned|learnt|got better|it's got easier|has got easier|feedback|by (agreeing|planning|"
    r"setting|asking|using)|i plan|i ask|i set)\b"
)


def measure_result_or_improvement(ev: Evidence) -> tuple[float, str]:
    is_weakness = "weakness" in ev.question.lower() or "improve" in ev.question.lower()
    if ev.star.result:
        return 1.0, f"{indices_text(ev.star.result).capitalize()} say what came of it."
    if is_weakness:
        for sentence in ev.analysed:
            if _IMPROVEMENT_RE.search(sentence.lower):
                return 0.6, f"Sentence {sentence.index + 1} says what you do about it, but not what changed."
        return 0.0, "Nothing says what you are doing about it or what changed."
    return 0.0, "Nothing says what the strength led to."


@lru_cache(maxsize=1)
def _time_detail_re() -> re.Pattern[str]:
    shared = cue_placeholders()
    return re.compile(
        rf"\b(last|this past|that|one|next|the following) ({shared['time_nouns']})\b|\b({shared['months']}|monday|"
        r"tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(\w+ )?(years?|months?|weeks?|days?) (ago|later)\b"
    )


_VAGUE_RE: Final = re.compile(
    r"\b(stuff|things|something|somehow|at some point|a bit|loads|lots of|whatever|and so on|etc|"
    r"or something|or so|all kinds|and everything|pretty much|this one|some of)\b"
)
_QUOTED_RE: Final = re.compile(r'"[^"]{3,}"')


def _measure_detail(ev: Evidence) -> tuple[float, str]:
    """Concrete details (numbers, times, names, quoted words) per 50 words, less vague wording."""
    details = 0
    for sentence in ev.analysed:
        details += len(_DIGIT_RUN_RE.findall(CLOCK_RE.sub(" 1 ", sentence.lower)))
        details += len(number_word_re().findall(sentence.lower))
        details += len(_time_detail_re().findall(sentence.lower))
        details += len(_QUOTED_RE.findall(sentence.text))
        details += sum(1 for word in sentence.text.split()[1:] if _is_name(word))
    vague = [match.group(0) for match in _VAGUE_RE.finditer(ev.lower_text)]
    per_50 = 50 * details / ev.word_count
    fraction = min(1.0, per_50 / 2) - 0.15 * len(vague)
    found = plural(details, "concrete detail")
    why = f"{found} (numbers, times, names) in {plural(ev.word_count, 'word')}; full from 2 per 50"
    if vague:
        listed = ", ".join(f'"{v}"' for v in dict.fromkeys(vague))
        why += f"; vague wording: {listed}"
    if story_without_outcome(ev) and fraction > 0:
        fraction *= WITHOUT_OUTCOME
        why += _WITHOUT_OUTCOME_NOTE
    return max(0.0, fraction), why + "."


_DIGIT_RUN_RE: Final = re.compile(r"\d+(?:[.,]\d+)*")


def _is_name(word: str) -> bool:
    """A capitalised word inside a sentence: a place, a product, a person, a named system."""
    core = word.strip("\"'(),.;:!?")
    return len(core) > 1 and core[0].isupper() and core not in ("I", "I'm", "I'd", "I've", "I'll", "OK")


# Concrete sentences (a number, a step of one's own, an example) that earn full specificity. At 2 a three-line reply
# with one number and one step ("Usually we get back to them within two working days. If there's a delay I phone
# them") scored as high as a strong answer that names the example, the steps and what came of them (session 10:
# strong above average, test8 0.908 → 0.945 at 3, with no seen split falling; 4 asked more than a tight strong
# answer of three sentences holds).
CONCRETE_FOR_FULL: Final = 3
# Depth past that bar: ``CONCRETE_FOR_FULL`` concrete sentences earn ``1 - DEPTH_SHARE`` of the points (fewer earn
# their share of that) and each one more, up to ``CONCRETE_FOR_DEPTH``, a step of the rest. With full points at three,
# the short complete answers of test21's writer ("how do you / walk me through", 65 words, one step and a result) tied
# the strong ones of six concrete lines (session 22, the test21 error analysis, lever 1); a gentle slope, so a tight
# strong answer of four lines loses little.
CONCRETE_FOR_DEPTH = 5
DEPTH_SHARE = 0.3


def specificity_fraction(concrete: int) -> float:
    """The share of the specificity points ``concrete`` concrete sentences earn."""
    base = min(1.0, concrete / CONCRETE_FOR_FULL) * (1 - DEPTH_SHARE)
    beyond = CONCRETE_FOR_DEPTH - CONCRETE_FOR_FULL
    depth = 1.0 if beyond <= 0 else min(1.0, max(0, concrete - CONCRETE_FOR_FULL) / beyond)
    return base + DEPTH_SHARE * depth


# A step the STAR reading finds counts as the speaker's own step too (session 23, engineer scoreA23): the habit steps
# of a how-do-you answer ("I do the bank recs and supplier statements first, then the journals", "When one road is
# blocked, I tell the riders to use another road") have no past-tense "I <verb>" and earned no specificity, so an
# average answer that told its way of working scored as one that told nothing. A switch so a bench can measure it off.
STEPS_ARE_SPECIFIC = True


def specificity_sentences(ev: Evidence) -> list[int]:
    """The sentences that give a number, a step of the speaker's own (the STAR reading's too) or an example."""
    steps = set(ev.star.action) if STEPS_ARE_SPECIFIC else set()
    return [
        s.index
        for s in ev.analysed
        if s.index in steps
        or s.has_quantity
        or s.first_person_action
        or re.search(r"\bfor (example|instance)\b|\bsuch as\b", s.lower)
    ]


def _measure_specificity(ev: Evidence) -> tuple[float, str]:
    concrete = specificity_sentences(ev)
    if not concrete:
        return 0.0, "No concrete detail (an example, a number, something you did)."
    why = f"{indices_text(concrete).capitalize()} give concrete detail ({CONCRETE_FOR_DEPTH} for full)"
    fraction = specificity_fraction(len(concrete))
    if without_outcome(ev):
        return WITHOUT_OUTCOME * fraction, why + _WITHOUT_OUTCOME_NOTE + "."
    return fraction, why + "."


MEASURES: Final[dict[str, _Measure]] = {
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
