"""A role heading whose dates sit on the line below it still shows the role (session 10, test9's analysis)."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps import match
from nextround.analysis.skillgaps.frames import leading_shown


def _gaps(jd: str, cv: str) -> list[str]:
    return [str(gap["text"]) for gap in match(jd, cv, reference_year=2026).to_dict()["missing"]]  # type: ignore[attr-defined]


def _shown(jd: str, cv: str) -> list[str]:
    return [str(item["jd_text"]) for item in match(jd, cv, reference_year=2026).to_dict()["matched"]]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("lines", "shows"),
    [
        (["Packing Supervisor, Orchard Fresh Ltd, Hastings", "March 2020 - present", "- Packed fruit"], True),
        (["Night Foreman, Delta Precast", "2017 - 2021"], True),
        (["Kitchen Manager, The Copper Kettle", "Jan. 2015 to Mar 2019 (part-time)"], True),
        # the dates belong to a heading, not to a bullet that names someone else's title
        (["- Reported to the warehouse manager", "March 2019 - present"], False),
        # a title line with no dates anywhere near it is not a role held
        (["Supervisor training manual translated into Tagalog", "Strong attention to detail"], False),
        (["Apprentice Joiner, Kauri Homes", "2021 - 2024"], False),
    ],
)
def test_a_title_with_its_dates_below_shows_leading(lines: list[str], shows: bool) -> None:
    assert (leading_shown(lines) is not None) is shows


def test_leading_a_shift_is_no_gap_when_the_supervisor_role_is_dated_below() -> None:
    jd = "Packhouse Lead\nRequirements:\n- Ability to lead shift teams\n- Forklift licence"
    cv = (
        "Experience\nPackhouse Supervisor, Orchard Fresh Ltd, Hastings\nMarch 2020 - present\n"
        "- Graded and packed apples for export.\n\nLicences\nForklift licence (F endorsement), 2019"
    )
    assert any("lead shift teams" in item for item in _shown(jd, cv))
    assert not any("lead shift teams" in gap for gap in _gaps(jd, cv))
    junior = cv.replace("Packhouse Supervisor", "Packhouse Hand")
    assert any("lead shift teams" in gap for gap in _gaps(jd, junior))
