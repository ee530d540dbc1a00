"""Session 23 (engineer skillsX23): the exact checks read a driving licence's class on a scale of its own, first
degrees written in the CV's language, an award "or BSc", "Technical degree", Spanish and Portuguese headings, and
"APIs" as a kind of interface. Our own sentences, none from a pair file."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps.degrees import degree_asked, degree_level
from nextround.analysis.skillgaps.licence_stages import other_class_short
from nextround.analysis.skillgaps.requirements import requirements
from nextround.analysis.skillgaps.wishes import section_of_heading


@pytest.mark.parametrize(
    ("ask", "cv", "shown"),
    [
        ("Class G driver's licence", "Driver's licence: Alberta G1 (learner)", "G1"),
        ("Valid Quebec B driver's licence", "Quebec B2 driver's licence (2025)", "B2"),
        ("Valid Class 4 driving licence", "Driving licence (class D), car", "class D"),
        ("Full driver licence (Class 1)", "Restricted driver licence (Class 1R), 2025", "1R"),
    ],
)
def test_another_class_or_a_stage_of_it_is_short(ask: str, cv: str, shown: str) -> None:
    short = other_class_short(ask, cv)
    assert short is not None
    assert shown.split()[-1] in short[0]


@pytest.mark.parametrize(
    ("ask", "cv"),
    [
        ("Class G driver's licence", "Ontario G driver's licence, clean abstract"),  # the class itself
        ("Valid Class 4 driving licence", "Full driving licence"),  # no class named: other checks decide
        ("Class C driving licence or higher", "Driving licence (Class B)"),  # a higher one allowed: not this check
        ("Forklift licence (Class 2)", "Driving licence (Class B)"),  # not a driving licence asked
    ],
)
def test_the_class_held_or_no_class_named_is_not_short(ask: str, cv: str) -> None:
    assert other_class_short(ask, cv) is None


@pytest.mark.parametrize(
    ("held", "level"),
    [
        ("Ingeniero Civil Industrial, Universidad de Chile, 2018", 6),
        ("Ingeniería Civil Mecánica, Universidad de Concepción", 6),
        ("Contador Público, Universidad de Buenos Aires, 2015", 6),
        ("S1 Teknik Sipil, Universitas Indonesia, 2019", 6),
        ("S2 Manajemen, Universitas Gadjah Mada", 7),
        ("BComm (Finance), University College Cork", 6),
        ("MLIS, University of Toronto, 2020", 7),
    ],
)
def test_first_degrees_in_other_words(held: str, level: int) -> None:
    assert degree_level(held) == level


def test_s1_is_no_degree_without_its_subject() -> None:
    assert degree_level("Pupil support in S1 and S2 classes") is None


@pytest.mark.parametrize(
    "ask",
    [
        "Diploma or BSc in Nursing from a recognised school",
        "Technical degree (Técnico Superior) in electronics",
    ],
)
def test_an_award_below_a_degree_is_accepted(ask: str) -> None:
    assert degree_asked([ask]) is None


def test_a_bachelor_alone_is_still_a_degree() -> None:
    assert degree_asked(["BSc in Nursing"]) == 6


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Requisitos:", "required"),
        ("Requisitos excluyentes", "required"),
        ("Requisitos deseables", "nice"),
        ("Se valorará:", "nice"),
        ("Diferenciais", "nice"),
        ("Funciones principales", "duties"),
        ("Atividades", "duties"),
        ("Ofrecemos", "context"),
    ],
)
def test_spanish_and_portuguese_headings(heading: str, kind: str) -> None:
    assert section_of_heading(heading) == kind


def test_a_wish_under_a_portuguese_heading_is_not_required() -> None:
    ad = (
        "Soldador MIG\nMetalúrgica Exemplo - Curitiba\n\nRequisitos\n- Curso de soldagem MIG\n"
        "- Experiência com aço carbono\n\nDiferenciais\n- Certificação de inspetor de solda\n"
    )
    read = {item.text: item.importance for item in requirements(ad)}
    wishes = [text for text, importance in read.items() if "inspetor" in text]
    assert wishes and all(read[text] == "nice_to_have" for text in wishes)
    assert any(importance == "required" for text, importance in read.items() if "MIG" in text)


def test_or_similar_is_no_product_of_the_first_ones_maker() -> None:
    from nextround.analysis.skillgaps.alternatives import alternatives_of

    assert alternatives_of("Sage Payroll or similar payroll software") == ("Sage Payroll", "similar payroll software")
    assert alternatives_of("SIA Door Supervisor or Security Guard licence")[1] == "SIA Security Guard licence"
