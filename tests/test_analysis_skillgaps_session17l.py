"""Session 17 (not held now in the CV's language): a credential a CV line says is expired, to renew, pending,
applied for or under way in French, Spanish, German or Portuguese is not held. Our own sentences, none from a
pair file."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps.held import not_held


@pytest.mark.parametrize(
    ("line", "ask"),
    [
        ("CACES R489 catégorie 3, échu depuis 2024", "CACES R489"),
        ("Habilitation électrique B1V : à renouveler", "habilitation électrique B1V"),
        ("Titre professionnel de soudeur en cours (fin prévue juin 2027)", "titre professionnel soudeur"),
        ("Carnet de manipulador de alimentos: en trámite", "carnet manipulador alimentos"),
        ("Título de fisioterapeuta sin homologar en España", "título fisioterapeuta"),
        ("Licencia de conducir clase C, vencida", "licencia conducir clase C"),
        ("Staplerschein beantragt, Prüfung im Frühjahr", "Staplerschein"),
        ("Erste-Hilfe-Kurs (2019), abgelaufen", "Erste-Hilfe-Kurs"),
        ("Registro profissional no conselho: pendente", "registro profissional"),
    ],
)
def test_not_held_now_in_the_cvs_own_language(line: str, ask: str) -> None:
    assert not_held(line, 2026, ask)


@pytest.mark.parametrize(
    ("line", "ask"),
    [
        # "en cours de validité" is French for still valid
        ("Permis C, en cours de validité jusqu'en 2029", "permis C"),
        # the word speaks for another credential on its own part of the line
        ("Permis CE obtenu en 2018; FIMO à renouveler", "permis CE"),
        ("Carretillero con carnet (2021) | curso de PRL pendiente", "carnet carretillero"),
        # and a line with none of those words is held as before
        ("Habilitation électrique B1V, obtenue en 2025", "habilitation électrique B1V"),
    ],
)
def test_such_a_word_about_something_else_does_not_fire(line: str, ask: str) -> None:
    assert not not_held(line, 2026, ask)
