"""Two readings by meaning in decide() (session 16).

* A reason that says why the reason before it matters takes that reason's themes (`WHY_RULE`): "When the groom's
  father started fussing you snapped at him. For us a wedding fitting is for the whole party" -- the second sentence is
  no point of its own; read alone, its words sounded like another theme.
* The candidate's own wish told as a preference ("you'd rather be racing your own bikes") is motivation, not
  culture_fit, unless the clause tells how the place or the team works (`WISH_RULE`).

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback as feedback
import nextround.analysis.feedback.plain_lines as plain_lines
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.lexicon import NAMES_SOMEONE, NOT_WISH, OPENS_POINT, WISH

WHY_AFTER_A_FAULT = (
    "Hello Tom, thanks for the fitting session. The suits looked sharp, but when the groom's father started fussing "
    "you snapped at him. For us a wedding fitting is for the whole party, never only the groom."
)


def test_the_why_of_a_reason_takes_its_themes(monkeypatch: pytest.MonkeyPatch) -> None:
    reasons = [c for c in analyze_feedback(WHY_AFTER_A_FAULT).clauses if c.polarity == "reason"]
    assert reasons[-1].text.startswith("For us")
    assert reasons[-1].themes == reasons[-2].themes
    monkeypatch.setattr(feedback, "WHY_RULE", False)
    reasons = [c for c in analyze_feedback(WHY_AFTER_A_FAULT).clauses if c.polarity == "reason"]
    assert reasons[-1].themes != reasons[-2].themes


def test_a_new_point_or_one_about_the_candidate_is_not_a_why() -> None:
    assert NAMES_SOMEONE.search("you never checked the level")
    assert NAMES_SOMEONE.search("the candidate was late twice")
    assert not NAMES_SOMEONE.search("On a roof the harness is everything.")
    assert OPENS_POINT.match("Also the grout was uneven.")
    assert OPENS_POINT.match("- did not know the fire drill")
    assert OPENS_POINT.match(", but also the till was short")
    assert not OPENS_POINT.match("That's the one thing we can't have on a ward.")


A_WISH = (
    "hey Jas, about the trial. you said more than once you'd rather be racing your own bikes than fixing customers' "
    "ones, and the workshop is mostly punctures and brake pads."
)


def test_a_wish_told_as_a_preference_is_motivation(monkeypatch: pytest.MonkeyPatch) -> None:
    assert analyze_feedback(A_WISH).theme_names == ("motivation",)
    monkeypatch.setattr(feedback, "WISH_RULE", False)
    # Session 23's `sooner_other` reads "you'd rather be racing" too (`plain_lines.py`): off, to see the wish alone.
    monkeypatch.setattr(plain_lines, "SOONER_OTHER_RULE", False)
    assert "culture_fit" in analyze_feedback(A_WISH).theme_names


def test_a_preference_about_how_the_place_works_is_not_only_a_wish() -> None:
    assert WISH.search("you'd rather be out on the boats")
    assert NOT_WISH.search("we felt you'd prefer to work alone, and this team pairs all day")
    assert not NOT_WISH.search("you'd rather be out on the boats")
