"""Where culture_fit, communication, motivation and preparation meet, read by meaning (session 19, `feedbackC19`).

Read by ``decide()`` on a reason clause's themes after the classifier, with an on/off switch (`LINES_RULE`) so that
leaving each writer out can score the reading alone. No feature changes: the patterns are in `[structure]` of the cue
table, and each follows the corpus README's convention:

* the candidate did not know or had no answer ("you didn't really have an answer", "you weren't familiar with the
  process"): what they knew, so communication, culture_fit and motivation read there are dropped (not where the clause
  asks why or tells how they spoke: `not_known_why`), and technical_skills or preparation, whichever the model reads
  more surely, stands in where none of technical_skills, preparation or experience is left;
* how the candidate spoke to the listener ("mumbly ... didn't catch the bit about", "lecturing them", "did not give the
  family room to talk"): communication, not culture_fit;
* curt with a colleague ("a bit short with Shell on the counter", "told her to do it herself"): manner towards
  colleagues, culture_fit, not communication;
* what the candidate wore beside a culture_fit reading ("came in shorts and slippers"): culture_fit alone, unless the
  clothes had been asked for (`dress_asked`: then preparation, as the writers label it);
* things not brought ("you came with nothing", "turned up without your boots"): preparation, not culture_fit;
* work not yet done (`not_done`: "you never cooked for more than 4"): experience, not culture_fit (none of the 73 gold
  reason clauses `not_done` finds in the labelled files carries culture_fit or motivation);
* session 21 (`feedbackR21`, `OTHER_WORK_RULE`): other work than the place does, told as where the candidate would be
  happier ("somewhere with more of a retail side") or as talk of other things than what the place is for ("spoke a lot
  about merchandising and targets and not much about the animals"): motivation, not culture_fit, unless the clause
  tells how the place works (`other_work`, `not_wish`);
* session 21 (`feedbackR21`, `MUCK_IN_RULE`): mucking in with the team ("we need someone who'll muck in on the pot wash
  when it's slammed"): culture_fit, not the craft or the time in it (`mucking_in`);
* session 21 (`feedbackR21`, `LEAVING_RULE`): the candidate's own plan to leave soon ("you only want the job till the
  visa comes through", "you work only until June because then you go to festivals"): motivation, the README's "likely
  to leave soon", not logistics (`leaving_soon`);
* session 21 (`feedbackR21`, `LOGGED_TIME_RULE`): time in the work counted in hours, dives or jumps logged, or sea time
  ("1,500 hrs min on ultra-class trucks", "only got 40 logged dives"): experience, not technical_skills, unless the
  clause also names a credential (`logged_time`; `rival_credential` for the credential words).

What a clause says plainly by meaning (`rereading.said_themes`, session 19: "answers were long and hard to follow")
stands beside what the candidate did not know.
"""

from __future__ import annotations

from nextround.analysis.feedback.lexicon import (
    CURT_TO_COLLEAGUE,
    DRESS,
    DRESS_ASKED,
    LEAVING_SOON,
    LOGGED_TIME,
    MUCKING_IN,
    NOT_BROUGHT,
    NOT_DONE,
    NOT_KNOWN,
    NOT_KNOWN_WHY,
    NOT_WISH,
    OTHER_WORK,
    RIVAL_CREDENTIAL,
    SPEECH_MANNER,
)
from nextround.analysis.feedback.personal_lines import redraw_personal
from nextround.analysis.feedback.plain_lines import redraw_plain
from nextround.analysis.feedback.rereading import said_themes

__all__ = ["LEAVING_RULE", "LOGGED_TIME_RULE", "MUCK_IN_RULE", "OTHER_WORK_RULE", "redraw_lines"]

OTHER_WORK_RULE = True
MUCK_IN_RULE = True
LEAVING_RULE = True
LOGGED_TIME_RULE = True
# What mucking in is not about: the craft or the time in the work.
_NOT_MUCKING_IN = frozenset({"technical_skills", "experience"})

_NOT_KNOWING = frozenset({"communication", "culture_fit", "motivation"})
_KNOWING = frozenset({"technical_skills", "preparation", "experience"})


def _swap(themes: list[str], probabilities: dict[str, float], old: str, new: str) -> list[str]:
    """`old` read as `new`, as surely as it was read."""
    kept = [theme for theme in themes if theme != old]
    if new not in kept:
        kept.append(new)
    probabilities[new] = max(probabilities[new], probabilities[old])
    return kept


def redraw_lines(
    text: str, themes: list[str], probabilities: dict[str, float], advantages: set[str] | None = None
) -> list[str]:
    """A reason clause's themes with the README's lines redrawn (`probabilities` gains what a swapped theme had; the
    personal themes' lines, session 22, add to `advantages` what they keep however faintly)."""
    kept = list(themes)
    said = said_themes(text)  # said plainly by meaning ("answers long and hard to follow"): kept (session 19)
    wrong = [theme for theme in kept if theme in _NOT_KNOWING and theme not in said]
    if wrong and NOT_KNOWN.search(text) and not NOT_KNOWN_WHY.search(text):
        # "you weren't familiar with the process": what they knew, not how they spoke or what they want.
        surest = max(probabilities[theme] for theme in wrong)
        kept = [theme for theme in kept if theme not in _NOT_KNOWING]
        if not _KNOWING & set(kept):
            added = max(("technical_skills", "preparation"), key=lambda theme: probabilities[theme])
            kept.append(added)
            probabilities[added] = max(probabilities[added], surest)
    if "culture_fit" in kept and SPEECH_MANNER.search(text):
        kept = _swap(kept, probabilities, "culture_fit", "communication")
    if "communication" in kept and CURT_TO_COLLEAGUE.search(text):
        kept = _swap(kept, probabilities, "communication", "culture_fit")
    if {"culture_fit", "preparation"} <= set(kept) and DRESS.search(text) and not DRESS_ASKED.search(text):
        kept = [theme for theme in kept if theme != "preparation"]
    if "culture_fit" in kept and NOT_BROUGHT.search(text):
        kept = _swap(kept, probabilities, "culture_fit", "preparation")
    if "culture_fit" in kept and NOT_DONE.search(text):
        # "you never cooked for more than 4": the work not yet done, not how they would fit in.
        kept = _swap(kept, probabilities, "culture_fit", "experience")
    if OTHER_WORK_RULE and "culture_fit" in kept and OTHER_WORK.search(text) and not NOT_WISH.search(text):
        # "happier somewhere with more of a retail side": the work they want, not how they would work here.
        kept = _swap(kept, probabilities, "culture_fit", "motivation")
    if MUCK_IN_RULE and "culture_fit" not in kept and MUCKING_IN.search(text):
        # "someone who'll muck in on the pot wash when it's slammed": how they would work with these people.
        surest = max([probabilities[theme] for theme in kept if theme in _NOT_MUCKING_IN], default=0.0)
        kept = [theme for theme in kept if theme not in _NOT_MUCKING_IN] + ["culture_fit"]
        probabilities["culture_fit"] = max(probabilities["culture_fit"], surest)
    if LEAVING_RULE and "logistics" in kept and LEAVING_SOON.search(text):
        # "you only want the job till the visa comes through": how long they want it, not the hours they can do.
        kept = _swap(kept, probabilities, "logistics", "motivation")
    if LOGGED_TIME_RULE and "experience" not in kept and "generic" not in kept and LOGGED_TIME.search(text):
        # "only got 40 logged dives, insurance need minimum 60": how much time in the work, not the craft.
        if "technical_skills" in kept and not RIVAL_CREDENTIAL.search(text):
            kept = _swap(kept, probabilities, "technical_skills", "experience")
        else:
            kept.append("experience")
            probabilities["experience"] = max([probabilities[theme] for theme in kept])
    kept = redraw_personal(text, kept, probabilities, advantages)
    # Communication and motivation said in plain words (session 23, `plain_lines.py`).
    return redraw_plain(text, kept, probabilities, advantages if advantages is not None else set())
