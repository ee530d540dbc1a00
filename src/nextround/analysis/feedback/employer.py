"""The employer's own reasons told in words the cue features miss (session 18, `feedbackE18`).

Read by ``decide()`` after the classifier, one clause at a time, with an on/off switch (`EMPLOYER_RULE`) so that leaving
each writer out can score the reading alone. No feature changes: the patterns are in `[structure]` of the cue table.

* a post the employer called off ("we've decided not to go ahead with the locum position"), where the model read no
  reason in another clause: process, role_cancelled;
* units of the employer's own merged ("the trustees have decided to merge our two furniture shops"): process,
  restructuring;
* a visa, permit or citizenship the candidate must already hold ("can only consider candidates who already hold a valid
  residence visa"): logistics, location_or_visa, and no rival (the README's convention for visas).
* session 20 (`feedback20`, `REPLACE_RULE`): a post the employer will not fill again ("we've decided not to replace the
  projectionist role", "they're not backfilling"): process, role_cancelled, read beside other reasons too (a post not
  replaced is never the candidate's doing; the reason after it, "the new digital system runs on a schedule", then takes
  its theme through `WHY_RULE`).
"""

from __future__ import annotations

from dataclasses import dataclass

from nextround.analysis.feedback.lexicon import ROLE_CALLED_OFF, ROLE_NOT_REPLACED, UNITS_MERGED, VISA_HELD

__all__ = ["EmployerReason", "employer_reason"]

REPLACE_RULE = True


@dataclass(frozen=True)
class EmployerReason:
    """The theme and outside-your-control code of an employer's own reason."""

    theme: str
    code: str


def employer_reason(text: str, reason_elsewhere: bool = False) -> EmployerReason | None:
    """The employer's own reason this clause states, if it states one in these words (`reason_elsewhere`: the model
    read a reason in another clause of the text). A post called off is read only where the model read no other reason:
    "decided not to move forward with the tier 2 role" beside the candidate's faults turns the candidate down."""
    if (not reason_elsewhere and ROLE_CALLED_OFF.search(text)) or (REPLACE_RULE and ROLE_NOT_REPLACED.search(text)):
        return EmployerReason("process", "role_cancelled")
    if UNITS_MERGED.search(text):
        return EmployerReason("process", "restructuring")
    if VISA_HELD.search(text):
        return EmployerReason("logistics", "location_or_visa")
    return None
