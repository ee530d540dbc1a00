"""Someone else chosen, said in words (sessions 12, 17, 19), read by ``decide()``.

* the person chosen named by who they are ("the man we took ...", "went with a bloke who's ...", `chosen_person`):
  a rival, and the clause a reason even where the model read it as neutral (`CHOSEN_RULE`, session 17-18);
* session 19 (`feedbackK19`): a choice that names the one chosen ("offered the position to Sister Grant", "the
  underkeeper from the next estate has taken it", `chosen_other`) is one too (`OTHER_RULE`), also where the clause
  closes the message. "Another candidate", "someone else" are not (`chosen_anyone`): alone they are the form letter
  ("we have decided to proceed with other candidates", `generic`), and beside a reason the labelled files do not read
  them as competition (counting them where another clause is a reason: 9 texts better, 192 worse);
* a clause that says what a rival chosen just before has ("We've gone with the other fitter. He has six years ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nextround.analysis.feedback.lexicon import CHOICE_DENIED, CHOSEN_ANYONE, CHOSEN_OTHER, CHOSEN_PERSON, RIVAL_PRONOUN
from nextround.analysis.feedback.rival_said import chosen_with_edge, competition_kept
from nextround.analysis.feedback.rules import ClauseRules
from nextround.analysis.text import Clause

__all__ = ["SAID_BACK_RULE", "competition_kept", "rival_named_back", "rival_said_back", "stated_choice"]

# Session 19: a choice of someone else stated by naming the one chosen counts, wherever it is said.
OTHER_RULE = True
# Session 24 (`feedbackR24`): a clause that names a rival chosen just before back by what they have ("We choose other
# person. She can speak Russian and Thai.") is the reason, however the model read it: it says why the other was chosen.
SAID_BACK_RULE = True
# How many clauses back the rival named back by a pronoun may have been chosen (2 until session 24; 3 lets a praise
# aside stand between: "They went with the other finalist. Honestly it was close - your layup was the best. What
# decided it was that he's already done two full seasons": in 320 seen texts with such a pronoun, 1 closer, 0 further).
NAMED_BACK_WITHIN = 3


def stated_choice(text: str) -> re.Match[str] | None:
    """The words that state who was chosen instead, if this clause states it: the person by who they are
    (`chosen_person`), or, since session 19, by name or by the one who has taken it (`chosen_other` without "another",
    "someone": the form letter's "we have decided to proceed with other candidates" stays `generic`, and beside a
    reason it is no competition in the labelled files). Not a choice turned down ("not taking Dom on")."""
    person = CHOSEN_PERSON.search(text) or chosen_with_edge(text)  # any words, where an edge follows (session 22)
    if person is not None or not OTHER_RULE:
        return person
    other = CHOSEN_OTHER.search(text)
    if other is None or CHOSEN_ANYONE.search(other.group()) or CHOICE_DENIED.search(text, 0, other.start()):
        return None
    return other


def rival_named_back(original: str, clauses: Sequence[Clause], rules: Sequence[ClauseRules], index: int) -> bool:
    """The clause says what a rival chosen just before has ("We've gone with the other fitter. He has six years ...").

    It opens with he or she and what they have, are or did (the cue table's `rival_pronoun`), and one of the two
    clauses before it names a rival or someone else chosen (`chosen_other`). Session 12: such clauses were read as
    their advantage's theme alone, and the competition was lost.
    """
    if not RIVAL_PRONOUN.match(original, clauses[index].start, clauses[index].end):
        return False
    return any(
        rules[at].rival or CHOSEN_OTHER.search(original, clauses[at].start, clauses[at].end) is not None
        for at in range(max(0, index - NAMED_BACK_WITHIN), index)
    )


def rival_said_back(original: str, clauses: Sequence[Clause], rules: Sequence[ClauseRules], index: int) -> bool:
    """`rival_named_back` for a clause the model read as neutral (`SAID_BACK_RULE`)."""
    return SAID_BACK_RULE and rival_named_back(original, clauses, rules, index)
