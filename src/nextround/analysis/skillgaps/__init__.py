"""Skill gaps in the job's own words: what a job asks for, where a CV shows it, and what is missing.

- :mod:`requirements` reads a job description: requirement phrases, must-have or nice-to-have; the
  company blurb, benefits, how to apply and working conditions never ask for anything;
- :mod:`evidence` finds each requirement in a CV by meaning at clause level (the packaged embedding
  model), by taxonomy alias, and by :mod:`exact` checks where exactness is the point (licence
  categories, qualification levels, named products and registers, years);
- :mod:`matcher` scores a job/CV pair; :mod:`ranking` ranks gaps across rejections.

Cue lists live in ``nextround/data/match_cues.toml``.
"""

from nextround.analysis.skillgaps.matcher import MatchResult, match, match_batch
from nextround.analysis.skillgaps.ranking import rank_gaps
from nextround.analysis.skillgaps.requirements import Requirement, requirements

__all__ = ["MatchResult", "Requirement", "match", "match_batch", "rank_gaps", "requirements"]
