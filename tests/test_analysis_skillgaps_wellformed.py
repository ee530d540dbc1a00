"""Skill gaps: pieces of a job ad that name no skill are never reported as gaps (a bare verb, a lone generic
word, half a bracket, the tail of an alternative), brackets and abbreviations do not cut a sentence, and a
school graduate is not a degree."""

from __future__ import annotations

from nextround.analysis.skillgaps import match, requirements
from nextround.analysis.skillgaps.credentials import degree_asked, degree_level
from nextround.analysis.skillgaps.ranking import rank_gaps
from nextround.analysis.skillgaps.wellformed import well_formed

_CV = """Farm Assistant, Greenfield Estates, 2019 - present
Looked after a dairy herd and kept the milking parlour records.
Education: Diploma in Animal Husbandry, 2018"""


def _gaps(jd: str, cv: str = _CV) -> list[str]:
    return [str(gap["text"]) for gap in match(jd, cv, reference_year=2026).to_dict()["missing"]]  # type: ignore[attr-defined]


def test_fragments_are_not_well_formed_asks() -> None:
    fragments = ["Prepare", "monitor", "control", "deadlines", "tasks", "25%)", "40%", "(Horticulture) or M.A."]
    for fragment in [*fragments, "or HND"]:
        assert not well_formed(fragment), fragment
    for ask in ["Sage", "Xero", "welding", "bookkeeping", "marketing", "Class 2", "Level 3", "HACCP", "GA4",
                "prepare budgets", "herd health", "B.Sc (Horticulture) or M.A.", "Excel (pivot tables)"]:  # fmt: skip
        assert well_formed(ask), ask


def test_a_bracket_or_an_abbreviation_does_not_cut_a_sentence_into_fragments() -> None:
    jd = (
        "Requirements:\n- B.Sc. (Horticulture) or M.A. in Land Management\n"
        "- Record of cutting feed costs (e.g. 25%) on a farm\n- Experience with sheep (min. 300 ewes; lambing)"
    )
    texts = [item.text for item in requirements(jd)]
    assert texts[0].startswith("B.Sc. (Horticulture) or M.A.")
    assert all(text.count("(") == text.count(")") for text in texts), texts
    assert not any(text.startswith(("(", "25%", "300")) for text in texts), texts
    first = requirements(jd)[0]
    assert len(first.alternatives) == 2  # one ask, two ways to meet it


def test_a_piece_of_a_list_that_names_nothing_keeps_the_list_whole() -> None:
    texts = [item.text for item in requirements("Requirements:\n- Feed budget control and deadlines")]
    assert texts == ["Feed budget control and deadlines"]


def test_a_bare_verb_or_broken_bracket_is_listed_as_unclear_not_as_a_gap() -> None:
    jd = "Requirements:\n- Monitor\n- Lower feed waste by 25%)\n- Forklift licence"
    result = match(jd, _CV, reference_year=2026).to_dict()
    gaps = [str(gap["text"]) for gap in result["missing"]]  # type: ignore[attr-defined]
    assert "Monitor" not in gaps and not any("25%)" in gap for gap in gaps)
    assert any("Forklift" in gap for gap in gaps)  # a real ask is still a gap
    unclear = [str(item["text"]) for item in result["unclear"]]  # type: ignore[attr-defined]
    assert "Monitor" in unclear
    assert not any(gap["text"] == "Monitor" for gap in rank_gaps([(jd, 1.0)], [_CV]))


def test_an_aside_to_the_reader_is_not_part_of_the_ask_and_a_freelance_contract_is_no_skill() -> None:
    jd = "Requirements:\n- Own UTR number (you bill us monthly as a freelancer)"
    assert [item.text for item in requirements(jd)] == []
    asked = [item.text for item in requirements("Requirements:\n- Sheep shearing (we will give you the tools)")]
    assert asked == ["Sheep shearing"]


def test_a_school_graduate_is_not_a_degree() -> None:
    for text in ["Senior High School graduate", "a high school graduate", "Graduate of a one-year certificate course"]:
        assert degree_level(text) is None, text
        assert degree_asked([text]) is None, text
    assert degree_level("University graduate in Agriculture") == 6
    assert degree_asked(["Graduate in Agricultural Science"]) == 6
    cv = _CV + "\nWest Ridge Senior High School, 2014"
    assert _gaps("Requirements:\n- Senior High School graduate\n- Dairy herd experience", cv) == []


def test_the_marker_of_a_restatement_or_an_open_list_is_not_part_of_the_ask() -> None:
    texts = [item.text for item in requirements("Requirements:\n- Knowledge of herd health, i.e. mastitis control")]
    assert "mastitis control" in texts and not any(text.lower().startswith("i.e") for text in texts)
    first = requirements("Requirements:\n- Experience with Xero/Sage, etc.")[0]
    assert first.alternatives == ("Xero", "Sage")
