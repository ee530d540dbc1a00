"""Which exact gaps on a duty line the learned gate reads instead: a duty says what the job does, and a name on it
(the setting the work is done at or under, or a product the requirements do not ask) is not by itself a thing the CV
must write."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from nextround.analysis.skillgaps import exact
from nextround.analysis.skillgaps.cues import cue_data
from nextround.analysis.skillgaps.judged import Judged
from nextround.analysis.skillgaps.requirements import Requirement


def duty_by_name(judged: Judged, asked: Sequence[Requirement]) -> bool:
    """A duty line ("Prepare documents for filing at the Hall of Justice", "make release decisions under HKAR-145")
    that an exact name or variant check found missing: the gate reads whether it is asked, as for any duty, and the
    evidence head whether it is shown. Session 20: a name of the duty's setting ([duty_setting]). Session 21: any
    name the ad's requirements do not name too; a duty naming a product the requirements also ask ("campaigns in
    HubSpot" under "HubSpot experience") stays an exact gap."""
    requirement = judged.requirement
    if requirement.section != "duties" or judged.evidence.how not in DUTY_TO_GATE or judged.evidence.met:
        return False
    names = [spellings[0] for spellings in exact.named_tokens(requirement.text) if spellings]
    # the names the check found missing (its reason names them), else every name of the duty
    names = [name for name in names if name in judged.evidence.reason] or names
    if not names:
        return False
    if all(_setting().search(requirement.text.replace(name, "\x00")) for name in names):
        return True
    required = [item.sentence for item in asked if item.section != "duties" and item.importance == "required"]
    return not any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) for name in names for text in required)


DUTY_TO_GATE: Final = frozenset(["name", "variant"])


@lru_cache(maxsize=1)
def _setting() -> re.Pattern[str]:
    """A name right after a word of setting ([duty_setting] of the cue file): "at the Hall of Justice", "under
    HKAR-145", "für die Aufsichtsbehörde (BayLDA)" (the name is marked by a NUL where it stood)."""
    data = cue_data()["duty_setting"]
    before = "|".join(re.escape(word) for word in sorted(data["before"], key=len, reverse=True))
    articles = "|".join(re.escape(word) for word in data["articles"])
    return re.compile(rf"(?<![\w-])(?:{before})\s+(?:(?:{articles})\s+)?(?:[\w'-]+\s+){{0,2}}\(?\x00", re.IGNORECASE)
