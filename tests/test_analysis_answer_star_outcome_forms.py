"""The outcome forms of session 19's test18 error analysis (lever 1): a record told in the negative, contracted too, a
skill gained, a promotion after the work, and take-up by others with an object read as an outcome; the same words
in a scene, a step or an excuse do not."""

from __future__ import annotations

import pytest

from nextround.analysis.answer.lexicon import framing_cues


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("Since then I've never had a parcel sent to the wrong depot.", True),
        ("We've not had a single late invoice this quarter.", True),
        ("I have never had a claim bounced back by the insurer.", True),
        ("I haven't had time to read much about your company, sorry.", False),
        ("I've not had a chance to look at the new range yet.", False),
        ("By the end of the month she could run the till on her own.", True),
        ("After two shifts I was able to close the bar by myself.", True),
        ("I can now set up the scaffold plans without asking anyone.", True),
        ("I asked if anyone could cover the Saturday on their own.", False),
        ("Waste on my section halved, and I was made kitchen supervisor the next spring.", True),
        ("The harvest came in early, so I got promoted to yard foreman.", True),
        ("When I was made team leader I had six pickers under me.", False),
        ("At nineteen I was made assistant manager of a shoe shop.", False),
        ("The tenant thanked me for explaining the meter.", True),
        ("The other branch used the same checklist for their stocktake.", True),
        ("The planners now ask for my forecast before they book the trucks.", True),
        ("I use the same template for every quote.", False),
        ("I've asked to use the same rota for the summer.", False),
    ],
)
def test_outcomes_in_the_negative_skills_promotions_and_take_up(sentence: str, outcome: bool) -> None:
    assert bool(framing_cues()["outcome"].search(sentence.lower())) is outcome
