"""The learned evidence decision of the skill-gap matcher (skillgaps/evidence_model.py)."""

from __future__ import annotations

from nextround.analysis.skillgaps import match
from nextround.analysis.skillgaps.evidence_model import FEATURES, GATE_FEATURES, assess, load_model
from nextround.analysis.skillgaps.matcher import judge_all, rule_judgements


def test_the_shipped_model_reads_the_current_features() -> None:
    # a feature added or renamed without a retrain would silently hand the decision back to the rules
    model = load_model()
    assert model is not None
    assert len(model.weights) == len(FEATURES) and len(model.gate_weights) == len(GATE_FEATURES)
    assert 0.0 < model.threshold < 1.0


def test_features_are_given_where_the_model_decides_and_not_for_exact_checks() -> None:
    jd = "Driver\nEssential:\n- Category C+E licence\n- Multi-drop deliveries\n- Experience with Xero"
    cv = "HGV driver, 2019 - 2025. Category C licence. Delivered to 20 shops a day."
    by_text = {judged.requirement.text: values for judged, values in rule_judgements(jd, cv, 2026)}
    assert by_text["Category C+E licence"] is None  # the licence check decides alone
    assert by_text["Xero"] is None  # a product the CV does not name stays a gap
    values = by_text["Multi-drop deliveries"]
    assert values is not None and len(values) == len(FEATURES)


def test_shown_in_other_words_is_unlikely_missing_and_unrelated_is_likely() -> None:
    model = load_model()
    assert model is not None
    jd = "Baker\nEssential:\n- Laminated dough\n- Cake decorating"
    shown = "Pastry commis, 2020 - 2024. Made croissants and Danish pastries, folding butter into the dough."
    unrelated = "Warehouse operative, 2020 - 2024. Picked and packed orders with a handheld scanner."
    near = {j.requirement.text: assess(v, model) for j, v in rule_judgements(jd, shown, 2026) if v}
    far = {j.requirement.text: assess(v, model) for j, v in rule_judgements(jd, unrelated, 2026) if v}
    assert near["Laminated dough"].missing < far["Laminated dough"].missing
    assert far["Laminated dough"].gap >= model.threshold
    assert [gap["text"] for gap in match(jd, unrelated, reference_year=2026).to_dict()["missing"]] == [
        "Laminated dough",
        "Cake decorating",
    ]


def test_a_duty_the_cv_does_not_show_is_not_asked_but_a_requirement_is_a_gap() -> None:
    jd = (
        "Warehouse lead\nWhat you'll do\n- Report accidents and near-misses to the site manager\n"
        "Requirements\n- Counterbalance forklift licence\n- Cycle counting"
    )
    cv = "Warehouse operative, 2019 - 2025. Picked and packed orders. Counterbalance forklift licence, 2020."
    result = match(jd, cv, reference_year=2026).to_dict()
    unasked = [item["text"] for item in result["unclear"] if item["why"] == "not asked"]
    assert any("Report accidents" in text for text in unasked)
    assert [gap["text"] for gap in result["missing"]] == ["Cycle counting"]
    judged = {item.requirement.text: item for item in judge_all(jd, cv, 2026)}
    assert judged["Cycle counting"].learned is not None and not judged["Cycle counting"].unasked


def test_the_shipped_model_was_trained_on_what_the_matcher_reads_today() -> None:
    """The training examples (requirements read from the training pairs, their features and labels) are what the
    shipped model recorded: a change to the requirement reader or the features needs a retrain."""
    import json

    from tests.skillgap_helpers import evidence_trainer

    trainer = evidence_trainer()
    recorded = json.loads(trainer.OUTPUT.read_text(encoding="utf-8"))["examples_sha256"]
    assert trainer.examples_digest(trainer.read_pairs()) == recorded, "run scripts/train_skill_evidence.py"


def test_a_line_that_shares_only_the_head_of_the_ask_supports_its_distinctive_part_less() -> None:
    from nextround.analysis.skillgaps.evidence import content_words, read_cv
    from nextround.analysis.skillgaps.evidence_model import distinct_support

    cv = read_cv("Transthoracic echo, 2019 - present.\nIndependent transthoracic echocardiography lists.", 2026)
    ask = content_words("Independent transthoracic echocardiography")
    head_only = distinct_support(cv, ask, "Transthoracic echo, 2019 - present")
    whole = distinct_support(cv, ask, "Independent transthoracic echocardiography lists")
    assert whole > head_only + 0.2
    assert distinct_support(cv, ask, "") == 0.0


def test_a_credential_held_only_in_part_is_a_feature_of_its_own() -> None:
    jd = "Technician\nEssential:\n- Fourth Class Power Engineer certificate\n- Boiler maintenance"
    cv = "Caretaker, 2019 - 2025. Studying Fourth Class Power Engineering at night. Boiler maintenance."
    column = FEATURES.index("second_hand_credential")
    by_text = {judged.requirement.text: values for judged, values in rule_judgements(jd, cv, 2026) if values}
    assert by_text["Fourth Class Power Engineer certificate"][column] == 1.0
    assert by_text["Boiler maintenance"][column] == 0.0  # not a credential
