"""The theme vocabulary is defined once: every theme the analysis or a reflection can report has its words."""

from __future__ import annotations

import ast
from pathlib import Path

from nextround.analysis import feedback as feedback_analysis
from nextround.domain import questions, reflection
from nextround.domain.themes import ACTIONABLE_THEMES, PRACTISABLE_THEMES, THEME_LABELS, theme_label

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "nextround"


def _reflection_themes() -> set[str]:
    found = {q.theme for qs in reflection._QUESTIONS.values() for q in qs if q.theme}
    return found | {"technical_skills", "experience"}  # what a low-rated "gaps" answer points at


def test_every_reported_theme_has_words() -> None:
    reported = set(feedback_analysis.THEMES) | _reflection_themes()
    assert reported - set(THEME_LABELS) == set()
    assert all(label and "_" not in label for label in THEME_LABELS.values())
    assert theme_label("culture_fit") == "culture fit"
    assert theme_label("some_new_theme") == "some new theme"


def test_practice_and_action_use_the_same_names() -> None:
    assert questions.THEMES == PRACTISABLE_THEMES
    assert set(PRACTISABLE_THEMES) <= set(feedback_analysis.THEMES)
    assert feedback_analysis.ACTIONABLE_THEMES <= ACTIONABLE_THEMES
    assert {"competition", "logistics", "process", "generic"}.isdisjoint(ACTIONABLE_THEMES)


def test_no_other_module_words_the_themes() -> None:
    # Labels that differ from their names: finding one elsewhere means a second vocabulary.
    worded = {label for name, label in THEME_LABELS.items() if label != name}
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "themes.py" and path.parent.name == "domain":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in worded:
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value!r}")
    assert offenders == []
