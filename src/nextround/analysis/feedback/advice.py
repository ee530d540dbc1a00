"""Next steps and the one-paragraph summary, written from the findings."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from nextround.analysis.feedback.types import ACTIONABLE_THEMES, Strength, ThemeFinding
from nextround.domain.themes import THEME_LABELS

_FLAGS: Final = re.IGNORECASE


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


_FOCUS = _rx(
    r"\b(?:knowledge|understanding|depth|experience|skills?|grasp|fluency|confident|gaps?|shallow|struggle)"
    r"\s+(?:in|of|with|on|around|for)\s+(?:your\s+)?(?P<focus>[a-z0-9][\w\s'&/-]{2,60}?)"
    r"(?=\s*(?:[,.;:()]|\s-\s|$|\b(?:which|that|was|wasn't|were|is|isn't|and (?:we|you|your|the|it)|but|so|as"
    r"|for a|where|when|particularly|especially|at minimum|we|you"
    # a comparison or a verb ends the thing named: "experience with freight more closely matches what we need"
    r"|more|less|closely|than|match\w*|fit(?:s|ted)?|meets?|met|suit\w*|align\w*|would|will|could|should|had|has|have)\b))"
)
_GENERIC_FOCUS_WORDS = frozenset({"the role", "this role", "the position", "our", "us", "a team", "the team"})
# Cue words too broad to name what to practise.
_VAGUE_TERMS = frozenset(
    {
        "technical",
        "technically",
        "skill",
        "skills",
        "skill set",
        "knowledge",
        "understanding",
        "grasp",
        "command",
        "depth",
        "expertise",
        "score",
        "threshold",
        "pass mark",
        "standards",
        "software",
        "equipment",
        "technique",
    }
)

THEME_PHRASES = {
    "technical_skills": "specific skills the role needs",
    "experience": "the depth or kind of experience they wanted",
    "communication": "how your answers came across",
    "preparation": "preparation for the interview",
    "culture_fit": "how you would fit their way of working",
    "motivation": "showing why you want this particular role",
    "competition": "a close comparison with another candidate",
    "logistics": "practical terms such as pay, location or timing",
    "process": "the employer's own hiring situation",
}

STRENGTH_PHRASES = {
    "technical_skills": "your skills",
    "experience": "your experience",
    "communication": "the way you communicated",
    "preparation": "your preparation",
    "culture_fit": "how you work with others",
    "motivation": "your enthusiasm",
}

CODE_PHRASES = {
    "role_frozen": "a pause in hiring",
    "role_cancelled": "the role being withdrawn",
    "filled_internally": "an internal appointment",
    "budget": "budget or pay limits",
    "restructuring": "a reorganisation",
    "location_or_visa": "location or right-to-work requirements",
    "timing": "timing or availability",
}

_CONCISENESS = _rx(r"\b(?:long|lengthy|concise|succinct|rambl\w*|waffl\w*|tangent\w*|wander\w*|go on|quickly|point)\b")
_EXAMPLES = _rx(r"\b(?:examples?|specific|concrete|vague|ownership|personally|'we'|achieved|result)\b")
_LISTENING = _rx(r"\b(?:interrupt\w*|listen\w*|spoke over|talked over|let them finish|tone|abrupt)\b")
_QUESTIONS = _rx(r"\bquestions\b")
_ARRIVAL = _rx(r"\b(?:late|punctual\w*|microphone|camera|webcam|connection|set-?up)\b")


# A matched cue that tells what went wrong, not a skill to practise ("had alignment errors" would give "Practise had
# alignment errors ..."): the general advice reads better than either half of it.
_NOT_A_SKILL = _rx(
    r"^(?:had|has|have|made|makes?|was|were|is|are|did|does|showed|lacked|missed|needed|needs)\b"
    r"|\b(?:errors?|mistakes?|issues?|problems?|bugs?|faults?)$"
)


def _focus(evidence: Iterable[str], terms: Iterable[str]) -> str | None:
    for quote in evidence:
        match = _FOCUS.search(quote)
        if match:
            focus = " ".join(match.group("focus").split())
            if focus.lower() not in _GENERIC_FOCUS_WORDS and len(focus) > 2:
                return focus
    for term in terms:
        if term.lower() not in _VAGUE_TERMS and len(term) > 3 and not _NOT_A_SKILL.search(term):
            return term.lower()
    return None


def _action_for(theme: str, evidence: tuple[str, ...], terms: list[str], codes: tuple[str, ...]) -> str | None:
    joined = " ".join(evidence)
    if theme == "technical_skills":
        focus = _focus(evidence, terms)
        if focus and "system design" in focus.lower():
            return "Practise two system design problems out loud this week and note where you got stuck."
        if focus:
            return f"Practise {focus} in two short, timed sessions this week and write down where you got stuck."
        return (
            "Pick the skill the feedback points to, practise it in two short sessions this week, "
            "and keep a note of what you could not yet do."
        )
    if theme == "experience":
        focus = _focus(evidence, [])
        target = f"experience with {focus}" if focus else "the experience they asked for"
        return (
            f"Find one small way to build {target} (a volunteer task, side project or stretch work), "
            "and rewrite one CV line to show the closest experience you already have."
        )
    if theme == "communication":
        practise = "in a practice session on communication"
        if _LISTENING.search(joined):
            return f"Practise letting each question finish and pausing before you answer, {practise}."
        if _CONCISENESS.search(joined):
            return f"Practise three answers out loud that reach the result within two minutes, {practise}."
        if _EXAMPLES.search(joined):
            return (
                "Prepare three STAR stories (situation, task, action, result) that say what you did yourself "
                f"and end with a measurable result, and rehearse them {practise}."
            )
        return f"Practise three STAR answers out loud (situation, task, action, result) {practise}."
    if theme == "preparation":
        if _ARRIVAL.search(joined):
            return (
                "For the next interview, test your camera and microphone the day before, or plan to arrive "
                "ten minutes early, and reread any material the employer sent."
            )
        if _QUESTIONS.search(joined):
            return "Write three questions about the team and the role to ask at the end of your next interview."
        return (
            "Before the next interview, spend 30 minutes on the employer's website, recent news and the job "
            "description, and note three facts you could mention."
        )
    if theme == "culture_fit":
        return (
            "Read the next employer's stated values and prepare two short stories that show how you work with "
            "a team, such as a disagreement you resolved."
        )
    if theme == "motivation":
        return (
            "Write three sentences on why this kind of role and employer appeal to you, and practise saying "
            "them out loud."
        )
    if theme == "competition":
        return "Ask the recruiter what the successful candidate brought, and keep in touch for future openings."
    if theme == "logistics":
        if "budget" in codes:
            return "Check typical pay for this role and area, and ask about the salary band at the first call."
        return (
            "Check location, hours, start date and right-to-work terms before applying, and raise them "
            "early so mismatches show up sooner."
        )
    if theme == "process":
        return (
            "Ask to be told if the role reopens, and add the company to your watchlist: "
            "this decision was about their situation."
        )
    return None


def actions_for(findings: list[ThemeFinding], terms: dict[str, list[str]], codes: tuple[str, ...]) -> tuple[str, ...]:
    if not findings:
        return (
            "Reread the point quoted in the summary, write down what you would do differently, and if it is "
            "unclear, ask the employer one short question about it.",
        )
    if [finding.theme for finding in findings] == ["generic"]:
        return (
            "Send a short, friendly reply asking for one specific point, for example: "
            "'Is there one area where I could have been stronger for this role?'",
        )
    actions: list[str] = []
    for finding in findings:
        action = _action_for(finding.theme, finding.evidence, terms.get(finding.theme, []), codes)
        if action and action not in actions:
            actions.append(action)
    return tuple(actions[:4])


def _join(phrases: list[str]) -> str:
    if len(phrases) <= 1:
        return "".join(phrases)
    return ", ".join(phrases[:-1]) + " and " + phrases[-1]


def _praise(findings: list[ThemeFinding], strengths: list[Strength]) -> str:
    """The praise sentence; a quality that is also a reason is praised in the employer's words for the part that
    went well, beside the part that did not ("the way you communicated" as a strength beside "how your answers
    came across" as the reason read as a contradiction)."""
    reasons = {finding.theme: finding for finding in findings}
    plain = [s for s in strengths[:3] if s.theme not in reasons or not s.evidence or not reasons[s.theme].evidence]
    mixed = [s for s in strengths[:3] if s not in plain]
    sentences = []
    if plain:
        sentences.append(f" It also praises {_join([STRENGTH_PHRASES[s.theme] for s in plain])}.")
    for strength in mixed:
        good = strength.evidence[0].rstrip(".!?;, ")
        bad = reasons[strength.theme].evidence[0].rstrip(".!?;, ")
        sentences.append(
            f' On {THEME_LABELS[strength.theme]} it is mixed: what went well was "{good}"; what to work on is "{bad}".'
        )
    return "".join(sentences)


def summary_of(
    findings: list[ThemeFinding], strengths: list[Strength], codes: tuple[str, ...], unplaced: list[str]
) -> str:
    names = [finding.theme for finding in findings]
    praise = _praise(findings, strengths)
    if names in ([], ["generic"]) and unplaced:
        return (
            f'The message raises a point that did not match a known theme: "{unplaced[0].rstrip(".!?")}". '
            "Treat that as the thing to ask about or work on; it concerns this application, not you as a person."
        )
    if names == ["generic"]:
        return (
            "This is a standard rejection message with no specific signal about your application; that is "
            "very common and is not a verdict on you." + praise
        )
    personal = [name for name in names if name in ACTIONABLE_THEMES]
    reasons = _join([CODE_PHRASES[code] for code in codes])
    if not personal:
        if reasons:
            return f"The main reason given was outside your control ({reasons}), not how well you did." + praise
        main = _join([THEME_PHRASES[name] for name in names[:3]])
        return f"The reasons given are about {main}, which says little about how well you did." + praise
    first = f"The feedback points mainly to {_join([THEME_PHRASES[name] for name in personal[:3]])}."
    if reasons:
        return first + f" Part of the decision ({reasons}) was outside your control."
    if "competition" in names and not praise:
        return first + " It was a comparison with another candidate, so the gap may be small."
    return first + praise
