"""The work itself said plainly (session 24, `feedbackE24`; `work_said.py`, cues `experience_said`, `work_failed`,
`could_not_do`): experience said as a setting, sector or quantity; a skill fault told as what happened to the work; what
the candidate could not do is no dismissed concern.

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback.work_said as work_said
from nextround.analysis.feedback import THEMES, analyze_feedback
from nextround.analysis.feedback.rereading import denied
from nextround.analysis.feedback.work_said import could_not_do, fault_as_praise, fault_told, redraw_work


def _redrawn(text: str, themes: list[str]) -> tuple[list[str], set[str]]:
    probabilities = dict.fromkeys(THEMES, 0.2)
    kept: set[str] = set()
    return sorted(redraw_work(text, themes, probabilities, kept)), kept


@pytest.mark.parametrize(
    "sentence",
    [
        "she has no ward time on a cardiac unit",
        "zero offshore time, his rigging has all been in a shipyard",
        "there are no prison, school or hospital placements on your record",
        "all her work's been on domestic boilers",
        "having spent his whole career in wholesale banking",
        "they know you are coming from a hospitality background",
        "your background is mostly in retail pharmacy",
        "you'd only really driven vans around the estate",
        "1,100 hrs total, and the client wants nobody under 2000 with 500 on type",
        "you were unsure on the stock system and haven't managed a team of pickers before",
        "she has not yet carried out audits on her own",
    ],
)
def test_experience_said_as_a_setting_sector_or_quantity_is_experience_and_kept(sentence: str) -> None:
    themes, kept = _redrawn(sentence, ["technical_skills"])
    assert themes == ["experience", "technical_skills"]
    assert "experience" in kept


@pytest.mark.parametrize(
    "sentence",
    [
        "there is no time to train anyone before the season",
        "it's a no this time, sorry",
        "we have no weekend hours to offer",
        "no time at the moment to take on a trainee",
        "we need someone under 25 with a clean licence",
    ],
)
def test_no_time_without_a_work_setting_is_not_experience(sentence: str) -> None:
    assert _redrawn(sentence, ["logistics"]) == (["logistics"], set())


def test_the_setting_named_is_no_place_wish_or_fit() -> None:
    # The reason head read the hospital as where the candidate would travel and the falcons as what they want.
    assert _redrawn("no hospital or hospice placements at all", ["logistics"])[0] == ["experience"]
    assert _redrawn("you'd only really flown kestrels at shows", ["motivation"])[0] == ["experience"]
    assert _redrawn("all your installs have been residential", ["culture_fit"])[0] == ["experience"]
    # A logistics matter of the clause's own stays beside it.
    assert _redrawn("no time working nights on a ward, and you live two hours away", ["logistics"])[0] == [
        "experience",
        "logistics",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "your cap weld failed the bend test",
        "the root run failed the x-ray on the second coupon",
        "the finish on the panel wouldn't have passed QC",
        "the buyer would reject that batch straight away",
        "the gold leaf kept tearing on the glass",
        "the varnish clouded as it dried",
        "the stock went cloudy because it boiled",
    ],
)
def test_a_fault_told_as_what_happened_to_the_work_is_technical_skills(sentence: str) -> None:
    themes, kept = _redrawn(sentence, ["communication"])
    assert "technical_skills" in themes
    assert "technical_skills" in kept


def test_a_fault_told_is_no_praise_unless_denied_or_praised() -> None:
    assert fault_told("the pool was cloudy the next day")
    assert not fault_told("there was no leaking anywhere")
    assert fault_as_praise("your root run failed the x-ray, porosity right through it", False, 0.2)
    assert fault_as_praise("the stitching on the hem was uneven", False, 0.1)
    assert not fault_as_praise("your plaster dried with no cracking at all", False, 0.3)
    assert not fault_as_praise("a cracking bit of joinery", False, 0.3)
    # Praise words of its own keep it praise, unless the polarity head read it nearly as a reason.
    assert not fault_as_praise("you handled the leaking valve calmly and well", True, 0.1)
    assert fault_as_praise("the fine lines show blowouts and the shading is patchy", True, 0.45)


@pytest.mark.parametrize(
    ("sentence", "undone"),
    [
        ("The candidate could not answer questions on hedge accounting.", True),
        ("Couldn't trace the fault on the alarm panel.", True),
        ("you did not engage with the question about budgets", True),
        ("you talked for ten minutes without asking him a single question", True),
        ("the panel said you were not able to answer questions about the product range", True),
        ("I couldn't fault-find the pump on the test bench.", True),
        # Concerns dismissed, and the praise idioms: no action left undone.
        ("We couldn't fault your welding.", False),
        ("We did not have any concerns about your safety.", False),
        ("There were no questions about your commitment.", False),
        ("The panel could not find any weakness in your answers.", False),
        ("It wasn't an issue for us.", False),
    ],
)
def test_what_the_candidate_could_not_do_is_no_dismissed_concern(sentence: str, undone: bool) -> None:
    assert could_not_do(sentence) is undone
    assert denied(sentence, dismissed=True) is not undone


def test_whole_texts_read_the_work_said() -> None:
    failed = analyze_feedback(
        "Hi Dom, thanks for the weld test. Your root run failed the x-ray on the 5G, slag all along it. "
        "Also the rota is 14 on 14 off and you said you can only do weekdays. So it's a no."
    )
    assert {"technical_skills", "logistics"} <= set(failed.theme_names)
    setting = analyze_feedback(
        "Hi Priya, thanks for coming in. The panel liked you, but there were no hospital or hospice placements "
        "in your training and the post is on a palliative ward. Best wishes."
    )
    assert "experience" in setting.theme_names
    hours = analyze_feedback(
        "Called Jo re the charter job. Reason: 640 hrs total, the insurer won't take anyone "
        "under 1500 with 300 on type. Will ring her in spring."
    )
    assert "experience" in hours.theme_names
    cloudy = analyze_feedback(
        "Hi Ash, Kim from Bluewater calling back about the route job. On the ride-along you, um, dosed the chlorine "
        "before testing, and the Mills' pool was cloudy the next day, so it's a no. Take care."
    )
    assert "technical_skills" in cloudy.theme_names
    unanswered = analyze_feedback("Dear Sam, you could not answer questions on the ledger close. Regards, HR")
    assert unanswered.actionable
    assert "generic" not in unanswered.theme_names


def test_each_reading_has_a_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(work_said, "EXPERIENCE_SAID_RULE", False)
    monkeypatch.setattr(work_said, "WORK_FAILED_RULE", False)
    monkeypatch.setattr(work_said, "FAULT_NOT_PRAISE_RULE", False)
    monkeypatch.setattr(work_said, "INABILITY_RULE", False)
    assert _redrawn("zero offshore time", ["logistics"])[0] == ["logistics"]
    assert _redrawn("your cap weld failed the bend test", ["communication"])[0] == ["communication"]
    assert not fault_as_praise("the stitching on the hem was uneven", False, 0.1)
    assert not could_not_do("Couldn't trace the fault on the alarm panel.")
