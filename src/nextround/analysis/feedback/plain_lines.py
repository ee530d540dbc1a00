"""Communication and motivation said in plain words (session 23, `feedbackM23`).

The test21 error analysis found the reason head missing communication in the exchange and motivation as other work when
the writer says them in everyday words, not in the words the cues and the model learnt ("answers were hard to follow",
"more interested in X than Y"). Read by ``lines.redraw_lines`` on a reason clause's themes, after the session-22 lines;
each reading has its own switch so that leaving each writer out can score it alone. The patterns are in `[structure]`
of the cue table. Each theme read here is said plainly, so it is kept however faintly the clause reads as a reason.

* the candidate said little or held it back, or the listener was left not knowing ("barely said a word to either of
  the gentlemen", "weren't the most forthcoming", "had to drag out of you what you'd done", "did not come back to the
  recovery question", "after five minutes they still didn't know what the fault was"): communication, the README's
  "barely speaking to a client when talking is the service" and "answering the question asked", not the craft, the
  preparation or the fit (`said_little`);
* words pitched above the listener ("explanations were pitched way too high for five-year-olds", "went over their
  heads"): communication, not the craft or the fit (`pitched_high`);
* a language the job is done in at a low level, in plain words ("your Welsh is at Entry level", "which you told us you
  only speak a little"): communication, not the fit, the route or the preparation (`language_low`; the level forms that
  name no language count where the clause speaks of speaking, and not where the language is the work itself);
* what the candidate would sooner be doing, or the interest said to come first ("you'd sooner be out hurling than in
  here sanding", "would rather care for animals that are not used in research", "primary interest is academic theology
  rather than bedside ministry"): motivation, the README's other work wanted, not the fit, the preparation or the
  message (`sooner_other`), unless the clause tells how the place works (`not_wish`, as for `wish` since session 16);
* praise in an everyday idiom, read by ``decide()`` where the model reads a reason ("your knowledge of the glen is
  second to none", "you fry quite steady leh, the wok hei also can"): praise, the README's "praise is not a reason",
  unless the clause turns it (`praise_idiom`, `praise_turned`);
* what drew the candidate, answered with the commute, the money, the hours or the perks ("what drew you to us, it was
  the school holidays"): motivation (`drawn_by`);
* on the phone as a way of being there, where the others are not said to work meanwhile ("pressing your phone the
  whole time", "checking phone every two minute"): motivation, the README's "on the phone", not the preparation or the
  message (`phone_idle`, `phone_team`);
* a listener lost in the candidate's words (`listener_lost`, session 22), where communication is read: kept however
  faintly ("they were lost" is often a clause of its own, read faintly beside a surer reason).
"""

from __future__ import annotations

from nextround.analysis.feedback.lexicon import (
    DRAWN_BY,
    LANGUAGE_IS_THE_WORK,
    LANGUAGE_LOW,
    LISTENER_LOST,
    NO_JARGON,
    NOT_WISH,
    PHONE_IDLE,
    PHONE_TEAM,
    PITCHED_HIGH,
    PRAISE_IDIOM,
    PRAISE_TURNED,
    SAID_LITTLE,
    SOONER_OTHER,
    SPEAKING,
)

__all__ = [
    "DRAWN_BY_RULE",
    "LANGUAGE_LOW_RULE",
    "LISTENER_KEPT_RULE",
    "PHONE_IDLE_RULE",
    "PITCHED_HIGH_RULE",
    "PRAISE_IDIOM_RULE",
    "SAID_LITTLE_RULE",
    "SOONER_OTHER_RULE",
    "praise_idiom",
    "redraw_plain",
]

SAID_LITTLE_RULE = True
LANGUAGE_LOW_RULE = True
SOONER_OTHER_RULE = True
LISTENER_KEPT_RULE = True
PHONE_IDLE_RULE = True
DRAWN_BY_RULE = True
PITCHED_HIGH_RULE = True
PRAISE_IDIOM_RULE = True
# What saying little in the exchange is not: the craft, the homework or how they would fit in.
_NOT_SAID_LITTLE = frozenset({"technical_skills", "preparation", "culture_fit"})
# What words pitched above the listener are not: the craft or how they would fit in.
_NOT_PITCHED_HIGH = frozenset({"technical_skills", "culture_fit"})
# What a language at a low level is not: the fit, the route or shift it is needed on, the homework.
_NOT_LANGUAGE_LOW = frozenset({"culture_fit", "logistics", "preparation"})
# What the reason for applying is not: how they would fit in or how they put it (the homework often stands beside it in
# one clause: "hadn't tried the app before the interview, and ... said it was mainly the commute").
_NOT_DRAWN_BY = frozenset({"culture_fit", "communication"})
# What being on the phone is not: the homework or how they put things (the craft beside it may stand: "pick rate under
# target and you were on your phone on the line").
_NOT_PHONE_IDLE = frozenset({"preparation", "communication"})
# What other work wanted is not: how they would fit in, the homework, or how they put it.
_NOT_SOONER_OTHER = frozenset({"culture_fit", "preparation", "communication"})


def _said(themes: list[str], probabilities: dict[str, float], new: str, dropped: frozenset[str]) -> list[str]:
    """`new` in place of `dropped`, as surely as the surest theme it replaces or the clause's surest theme."""
    replaced = [probabilities[theme] for theme in themes if theme in dropped]
    surest = max(replaced or [probabilities[theme] for theme in themes] or [probabilities[new]])
    probabilities[new] = max(probabilities[new], surest)
    return [theme for theme in themes if theme not in dropped and theme != new] + [new]


def language_low(text: str) -> bool:
    """A language the job is done in, at a low level ("your Welsh is at Entry level", "you said you know only little"
    beside "speak Bahasa Indonesia"); not where the language is the work itself (an interpreter's, a teacher's)."""
    found = LANGUAGE_LOW.search(text)
    if found is None or LANGUAGE_IS_THE_WORK.search(text) is not None:
        return False
    named_level = found.group().lower().endswith("level")
    return named_level or SPEAKING.search(text) is not None


def praise_idiom(text: str) -> bool:
    """Praise in an everyday idiom with nothing in the clause that turns it into a fault ("second to none", "you can
    bait a bag faster'n me", "the wok hei also can"; not "we need the resets bang on", "no complaints, problem is ...").
    """
    found = PRAISE_IDIOM.search(text) if PRAISE_IDIOM_RULE else None
    if found is None:
        return False
    return PRAISE_TURNED.search(text[: found.start()] + " " + text[found.end() :]) is None


def redraw_plain(text: str, themes: list[str], probabilities: dict[str, float], advantages: set[str]) -> list[str]:
    """A reason clause's themes with communication and motivation said in plain words read (`probabilities` gains what
    a replaced theme had; `advantages` gains the theme said, kept however faintly)."""
    if "generic" in themes:
        return themes
    kept = list(themes)
    if SAID_LITTLE_RULE and SAID_LITTLE.search(text):
        # "you barely said a word to either of the gentlemen": the exchange, not the fishing.
        kept = _said(kept, probabilities, "communication", _NOT_SAID_LITTLE)
        advantages.add("communication")
    if PITCHED_HIGH_RULE and PITCHED_HIGH.search(text):
        # "your explanations were pitched way too high for five-year-olds": the listener, not the skiing.
        kept = _said(kept, probabilities, "communication", _NOT_PITCHED_HIGH)
        advantages.add("communication")
    if LANGUAGE_LOW_RULE and language_low(text):
        # "your Welsh is at Entry level at present": the language the work is done in.
        kept = _said(kept, probabilities, "communication", _NOT_LANGUAGE_LOW)
        advantages.add("communication")
    if SOONER_OTHER_RULE and SOONER_OTHER.search(text) and not NOT_WISH.search(text):
        # "you'd sooner be out hurling than in here sanding": the work they want, not how they would fit in (not where
        # the clause tells how the place works: "we're a family farm and ... you'd rather stay on the desk").
        kept = _said(kept, probabilities, "motivation", _NOT_SOONER_OTHER)
        advantages.add("motivation")
    if DRAWN_BY_RULE and DRAWN_BY.search(text):
        # "when she asked what drew you to them you said it was mainly the commute": why they applied.
        kept = _said(kept, probabilities, "motivation", _NOT_DRAWN_BY)
        advantages.add("motivation")
    if PHONE_IDLE_RULE and PHONE_IDLE.search(text) and not PHONE_TEAM.search(text):
        # "during the safety briefing you were pressing your phone the whole time": checked out, not the message.
        kept = _said(kept, probabilities, "motivation", _NOT_PHONE_IDLE)
        advantages.add("motivation")
    if LISTENER_KEPT_RULE and "communication" in kept and LISTENER_LOST.search(text) and not NO_JARGON.search(text):
        # "... and they were lost": said plainly, however faintly its own short clause is read.
        advantages.add("communication")
    return kept
