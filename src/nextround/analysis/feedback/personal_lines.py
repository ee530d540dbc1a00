"""The lines between the personal themes the corpus README names (session 22, `feedbackP22`).

The reason head's largest recurring error across writers is the wrong personal theme for one reason clause
(technical_skills, communication, experience, preparation, culture_fit). Read by ``lines.redraw_lines`` on a reason
clause's themes, after the classifier; each reading has its own switch so that leaving each writer out can score it
alone. No feature changes: the patterns are in `[structure]` of the cue table.

* a written piece whose reader trips on its slips ("typos in three of the five, and the long copy misspelled the
  client's name", "the client's name spelt two different ways"): communication, not technical_skills (`written_slips`
  with `slips_reader`, the README's "typos and a wrong name in a writing sample"; slips alone, "typos in the
  references", split by writer);
* a listener lost in the candidate's words ("used a lot of jargon", "she was totally lost"): communication, not
  technical_skills (`listener_lost`; the README's "technical terms to a patient");
* instructions or orders not read or called back, the pass not called, a call not returned ("did not read back the
  caller's address", "weren't calling back orders"): communication, not technical_skills (`read_back`; the README's
  "no read-back of instructions", "keeping the lead informed");
* what was shared before the interview and not prepared ("the question had been shared in advance"): preparation, and
  communication dropped unless the clause says it plainly (`shared_in_advance`);
* what the candidate wore for the setting, where it was not asked for and is no safety gear ("casual attire, which was
  not in keeping with the client-facing nature of the role"): culture_fit, not preparation or motivation, kept however
  faintly (the README's "dress and presentation for the setting");
* a credential not yet held, in more verbs ("not yet received your NMC registration", "still have four papers to go",
  "would have expected some training in palaeography"): technical_skills, kept however faintly; experience read with
  it goes where the clause names no time;
* what the candidate wants instead of the work ("more interested in X than Y", "not really a cat person", "he'd quit
  after the first rotation"): motivation, not culture_fit (`wants_other`; the README's other work wanted, not caring
  for what the place does, likely to leave soon);
* time in a rank, a seat or at sea ("two years' sea service in command", "no seat time on 40-ton units"): experience,
  not technical_skills, unless the clause names a credential.
"""

from __future__ import annotations

from nextround.analysis.feedback import rereading
from nextround.analysis.feedback.lexicon import (
    CREDENTIAL_PENDING,
    DRESS,
    DRESS_ASKED,
    DRIVING_LICENCE,
    LISTENER_LOST,
    NO_JARGON,
    NO_SLIPS,
    NOT_WORN,
    READ_BACK,
    RIVAL_CREDENTIAL,
    SAFETY_GEAR,
    SERVICE_TIME,
    SHARED_IN_ADVANCE,
    SLIPS_READER,
    WANTS_OTHER,
    WRITTEN_SLIPS,
)
from nextround.analysis.feedback.rereading import said_themes
from nextround.analysis.text import words

__all__ = [
    "CREDENTIAL_PENDING_RULE",
    "DRESS_SETTING_RULE",
    "LISTENER_LOST_RULE",
    "READ_BACK_RULE",
    "SERVICE_TIME_RULE",
    "WANTS_OTHER_RULE",
    "WRITTEN_SLIPS_RULE",
    "redraw_personal",
]

WRITTEN_SLIPS_RULE = True
LISTENER_LOST_RULE = True
DRESS_SETTING_RULE = True
CREDENTIAL_PENDING_RULE = True
SERVICE_TIME_RULE = True
WANTS_OTHER_RULE = True
READ_BACK_RULE = True
# What a read-back not done stands in for (the model reads the line's work: the orders, the radio test).
_NOT_READ_BACK = frozenset({"technical_skills"})
# Words that say how long: a credential clause that names them may also be about time in the work.
_TIME_WORDS = frozenset({"year", "years", "month", "months", "season", "seasons", "hours", "weeks"})
# What clothes for the setting are not: the step asked for, or what the candidate wants.
_NOT_DRESS = frozenset({"preparation", "motivation"})


def _put(themes: list[str], probabilities: dict[str, float], new: str, dropped: frozenset[str]) -> list[str]:
    """`new` in place of `dropped`, as surely as the surest theme it replaces or the clause's surest theme."""
    replaced = [probabilities[theme] for theme in themes if theme in dropped]
    surest = max(replaced or [probabilities[theme] for theme in themes] or [probabilities[new]])
    kept = [theme for theme in themes if theme not in dropped and theme != new] + [new]
    probabilities[new] = max(probabilities[new], surest)
    return kept


def _worn(text: str) -> bool:
    """Clothes the candidate wore, not asked for and no safety gear ("came in for dinner service in jeans")."""
    return (
        DRESS.search(text) is not None
        and DRESS_ASKED.search(text) is None
        and SAFETY_GEAR.search(text) is None
        and NOT_WORN.search(text) is None
    )


def redraw_personal(
    text: str, themes: list[str], probabilities: dict[str, float], advantages: set[str] | None = None
) -> list[str]:
    """A reason clause's themes with the README's lines between the personal themes redrawn (`probabilities` gains
    what a replaced theme had; `advantages` gains a theme said plainly enough to keep however faintly)."""
    if "generic" in themes:
        return themes
    kept = list(themes)
    kept_faintly = advantages if advantages is not None else set()
    if WRITTEN_SLIPS_RULE and WRITTEN_SLIPS.search(text) and SLIPS_READER.search(text) and not NO_SLIPS.search(text):
        # "the long copy misspelled the client's name": the reader trips on it, not the craft.
        kept = _put(kept, probabilities, "communication", frozenset({"technical_skills"}))
    if LISTENER_LOST_RULE and LISTENER_LOST.search(text) and not NO_JARGON.search(text):
        # "went straight into Active Directory and MFA tokens, she was totally lost": the message, not the know-how.
        kept = _put(kept, probabilities, "communication", frozenset({"technical_skills"}))
    if READ_BACK_RULE and READ_BACK.search(text):
        # "you weren't calling back orders, so Dani had no idea": the message not passed on, not the cooking.
        kept = _put(kept, probabilities, "communication", _NOT_READ_BACK)
    if rereading.SHARED_IN_ADVANCE_RULE and SHARED_IN_ADVANCE.search(text) and "communication" not in said_themes(text):
        # "though the question had been shared in advance": not prepared, not how it was said (`said_themes` reads the
        # preparation and keeps it).
        kept = _put(kept, probabilities, "preparation", frozenset({"communication"}))
    if DRESS_SETTING_RULE and _worn(text):
        # "in casual attire, which was not in keeping with the client-facing nature of the role": the setting's way.
        kept = _put(kept, probabilities, "culture_fit", _NOT_DRESS)
        kept_faintly.add("culture_fit")
    if CREDENTIAL_PENDING_RULE and CREDENTIAL_PENDING.search(text) and not DRIVING_LICENCE.search(text):
        # "you still have four papers to go": a qualification not yet held, not the time in the work.
        timed = bool(_TIME_WORDS & {word.lower() for word in words(text)})
        kept = _put(kept, probabilities, "technical_skills", frozenset() if timed else frozenset({"experience"}))
        kept_faintly.add("technical_skills")
    credential = RIVAL_CREDENTIAL.search(text) is not None
    if SERVICE_TIME_RULE and "technical_skills" in kept and SERVICE_TIME.search(text) and not credential:
        # "your command time is eighteen months on smaller coastal ships": time in the work, not the craft.
        kept = _put(kept, probabilities, "experience", frozenset({"technical_skills"}))
    if WANTS_OTHER_RULE and "culture_fit" in kept and WANTS_OTHER.search(text):
        # "more interested in online wellness coaching than the therapy work with our patients": what they want.
        kept = _put(kept, probabilities, "motivation", frozenset({"culture_fit"}))
    return kept
