"""One requirement as the matcher judged it: the ask, what the CV shows of it and how sure that is."""

from __future__ import annotations

from dataclasses import dataclass

from nextround.analysis.skillgaps.evidence import Evidence
from nextround.analysis.skillgaps.evidence_model import Assessment
from nextround.analysis.skillgaps.requirements import Requirement


@dataclass(frozen=True)
class Judged:
    requirement: Requirement
    name: str
    evidence: Evidence
    years_shown: float | None = None
    learned: Assessment | None = None  # the learned heads, where they decide (see evidence_model)
    unasked: bool = False  # the gate reads the phrase as a duty or detail, not a requirement: never a gap
    closest: str | None = None  # the CV line nearest in meaning, offered beside a gap (None: nothing close)
    # a learned gap past the pair's first gaps, below the crowded threshold (evidence_model.kept_gaps): not reported,
    # nor claimed shown
    uncertain: bool = False
