"""Session 16: an exact check's gap is as sure as that kind of check was right on the training pairs."""

from __future__ import annotations

from nextround.analysis.skillgaps import match
from nextround.analysis.skillgaps.evidence_model import load_model
from nextround.analysis.skillgaps.matcher import judge_all
from nextround.analysis.skillgaps.ranking import rank_gaps
from tests.skillgap_helpers import evidence_trainer

JD = (
    "Payroll officer\nRequirements:\n- 5 years of payroll experience\n- Experience with Xero\n"
    "- Bachelor's degree in accounting\n- Cycle counting"
)
CV = (
    "Payroll officer, Acme Ltd, 2023 - 2025. Ran fortnightly payroll for 120 staff in MYOB.\nHigh school diploma, 2015."
)


def test_an_exact_gap_is_as_sure_as_its_kind_of_check_was_right_in_training() -> None:
    model = load_model()
    assert model is not None and model.exact_gap_confidence
    judged = {item.requirement.text: item for item in judge_all(JD, CV, 2026)}
    exact = [item for item in judged.values() if not item.evidence.met and item.learned is None]
    assert {item.evidence.how for item in exact} >= {"years", "name", "degree"}
    for item in exact:
        assert item.evidence.confidence == model.exact_confidence(item.evidence.how)
    # the hand-set confidences (years 0.60, a named product 0.84, a degree 0.75) are gone
    assert judged["Bachelor's degree in accounting"].evidence.confidence != 0.75


def test_the_gaps_a_job_seeker_reads_first_are_the_likeliest() -> None:
    missing = match(JD, CV, reference_year=2026).to_dict()["missing"]
    confidences = [float(gap["confidence"]) for gap in missing]
    assert confidences == sorted(confidences, reverse=True)
    model = load_model()
    assert model is not None
    by_text = {gap["text"]: float(gap["confidence"]) for gap in missing}
    assert by_text["Bachelor's degree in accounting"] == model.exact_confidence("degree")
    # across rejections the same confidence weighs each gap
    ranked = {gap["text"]: gap["confidence"] for gap in rank_gaps([(JD, 1.0)], [CV])}
    assert ranked["Bachelor's degree in accounting"] == model.exact_confidence("degree")


def test_a_kind_of_check_is_smoothed_towards_all_exact_gaps() -> None:
    trainer = evidence_trainer()

    def candidate(how: str, label: bool) -> object:
        return trainer.Candidate(how, True, None, label, True, how)

    pair = trainer.Pair("file", [])
    pair.candidates = [candidate("licence", True)] * 9 + [candidate("degree", False)] * 3
    pair.candidates.append(trainer.Candidate("learned", True, [1.0], False, True, "none"))  # not an exact gap
    table, prior = trainer.exact_gap_precision([pair])
    assert prior == 0.75  # 9 of 12 exact gaps
    assert table == {"degree": round(5 * 0.75 / 8, 2), "licence": round((9 + 5 * 0.75) / 14, 2)}
