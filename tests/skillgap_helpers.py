"""Test helpers for the skill-gap matcher: every requirement's verdict, the one verdict on a named requirement, and
the evidence model's training script loaded as a module."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from nextround.analysis.skillgaps.matcher import judge_all


def verdicts(jd: str, cv: str) -> dict[str, tuple[bool, str, str]]:
    """Each requirement read from `jd`, with its verdict against `cv`: (met, how, reason)."""
    return {
        item.requirement.text: (item.evidence.met, item.evidence.how, item.evidence.reason)
        for item in judge_all(jd, cv, reference_year=2026)
    }


def verdict_on(jd: str, cv: str, words: str) -> tuple[bool, str, str]:
    """The verdict on the one requirement whose text holds `words`."""
    found = [verdict for text, verdict in verdicts(jd, cv).items() if words in text]
    assert len(found) == 1, verdicts(jd, cv)
    return found[0]


def evidence_trainer() -> ModuleType:
    """`scripts/train_skill_evidence.py` as a module (it is a script, not part of the package)."""
    script = Path(__file__).resolve().parents[1] / "scripts" / "train_skill_evidence.py"
    spec = importlib.util.spec_from_file_location("train_skill_evidence", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module
