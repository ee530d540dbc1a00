"""Someone chosen instead, with what they had said after them, in any words (session 22, `feedbackR22`).

The corpus README reads `competition` where "another candidate was stronger, better suited or had something the
candidate lacks". The rival readers before this (`lexicon.rival`, `chosen_person`, `choice.stated_choice`) name the
choice and the one chosen in set words, and missed "we decided for someone with more time on the machine", "going
ahead with another cook who has done wedding catering", "selected a candidate having more than ten years", "the
artist we took has been doing fine script": the text then lost its competition. Here any choice verb and any one
chosen ("someone", "another cook", "a candidate") count when an edge follows them ("who has / 's / already",
"with more", "having"; `chosen_with_edge` in `[structure]`), so a bare "we have gone with another candidate" stays
`generic`. The match ends where the edge begins, so ``decide()`` reads it as a choice that says what the rival had.
A rival who can do the job's terms ("someone who can do Saturdays") is not merit (`lexicon.rival_constraint`).
"""

from __future__ import annotations

import re

from nextround.analysis.feedback.lexicon import CHOSEN_AFTER, CHOSEN_WITH_EDGE, rival, rival_constraint

__all__ = [
    "CHOSEN_AFTER_RULE",
    "CHOSEN_KEPT_RULE",
    "EDGE_OVER_EMPLOYER_RULE",
    "RIVAL_SAID_RULE",
    "chosen_with_edge",
    "competition_kept",
    "edge_said",
]

RIVAL_SAID_RULE = True
# Session 23 (feedbackM23): the choice said after the one chosen ("the trainee selected holds a Diploma", "the
# candidates who were selected scored higher", "the one selected was a shift supervisor"), or the other one in a choice
# of two with what they have done ("the other fella's done luffers on three CBD towers"): `chosen_after`.
CHOSEN_AFTER_RULE = True
# The one chosen, found by `lexicon.rival` as chosen ("the successful candidate has been finance director ... for five
# years", "the person they hired"), keeps its competition however faintly the reason head reads it, as a rival named
# back does (session 12); the floor dropped it beside the surer theme of the edge. Not any rival `lexicon.rival` finds:
# "while the others were scooping the yard" is the team, and keeping those was 7 texts closer to 38 further.
CHOSEN_KEPT_RULE = True
# Session 24 (feedbackR24): a rival chosen with what they had said after them is merit even where the clause's surest
# theme is the employer's (process, logistics): "The pit is moving to autonomous haulage, and the operators they've gone
# ahead with have all come from sites already running it" is the employer's change and a rival's edge, both.
EDGE_OVER_EMPLOYER_RULE = True
_CHOSEN_WORDS = re.compile(
    r"\b(?:successful|chosen|selected|preferred|appointed|winning|hired|chose|went with|got)\b", re.I
)


def chosen_with_edge(said: str) -> re.Match[str] | None:
    """The words that name someone chosen instead, where what they had follows (None: no such choice)."""
    if not RIVAL_SAID_RULE:
        return None
    for match in CHOSEN_WITH_EDGE.finditer(said):
        if not rival_constraint(said, match):
            return match
    after = CHOSEN_AFTER.search(said) if CHOSEN_AFTER_RULE else None
    if after is not None and not rival_constraint(said, after):
        return after
    return None


def competition_kept(named_back: bool, said: str) -> bool:
    """Whether a rival chosen on merit keeps its competition under the floor: named back by a pronoun or by who they
    are (`named_back`), or found by `lexicon.rival` in words that say they were the one chosen."""
    if named_back:
        return True
    found = rival(said) if CHOSEN_KEPT_RULE else None
    return found is not None and _CHOSEN_WORDS.search(found.group()) is not None


def edge_said(person: re.Match[str] | None) -> bool:
    """Whether the one chosen was found with what they had said after them (`chosen_with_edge`; not by who they are)."""
    if person is None or not EDGE_OVER_EMPLOYER_RULE:
        return False
    edge = chosen_with_edge(person.string)
    return edge is not None and edge.span() == person.span()
