"""Skill gaps across the jobs that said no: what they asked for that no CV shows, most costly first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps.evidence import Evidence
from nextround.analysis.skillgaps.judged import Judged
from nextround.analysis.skillgaps.matcher import MAX_TEXT_CHARS, judge_all
from nextround.analysis.skillgaps.wellformed import well_formed

EXAMPLE_CHARS: Final = 160


@dataclass
class _Gap:
    skill: str
    text: str
    example: str
    jobs: int = 0
    weight: float = 0.0
    confidences: list[float] = field(default_factory=list)
    closest: str | None = None
    reason: str = ""


def _key(judged: Judged) -> str:
    """Gaps worded differently by two jobs are one gap when their content words are the same."""
    return " ".join(sorted(set(content_stems(judged.name)))) or judged.name.lower()


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1].rstrip() + "…"


def _best_over_cvs(jd: str, cv_texts: Sequence[str]) -> list[Judged]:
    """Judge the job against every CV and keep, per requirement, the CV that shows it best."""
    best: list[Judged] | None = None
    for cv in cv_texts or [""]:
        judged = judge_all(jd, cv)
        if best is None:
            best = judged
            continue
        best = [
            new if (new.evidence.met, new.evidence.strength) > (old.evidence.met, old.evidence.strength) else old
            for old, new in zip(best, judged, strict=True)
        ]
    return best or []


def rank_gaps(rejections: Sequence[tuple[str, float]], cv_texts: Sequence[str]) -> list[dict[str, object]]:
    """Requirements that rejecting jobs made and none of the CVs shows, most costly first.

    `rejections` pairs a job description with a weight (how far the application got; negative counts as
    0). A gap's rank is its summed weight times how sure we are it is one (the mean confidence), so a
    licence two final-round jobs asked for comes before a vague phrase one screening asked for. Each gap:
    ``{"skill", "jobs", "weight", "confidence", "score", "example", "text", "closest_cv_text", "reason"}``.
    """
    gaps: dict[str, _Gap] = {}
    texts = [cv[:MAX_TEXT_CHARS] for cv in cv_texts]
    for jd, weight in rejections:
        jd = jd[:MAX_TEXT_CHARS]
        counted: set[str] = set()
        for judged in _best_over_cvs(jd, texts):
            evidence: Evidence = judged.evidence
            if evidence.met or judged.requirement.importance != "required" or not well_formed(judged.requirement.text):
                continue
            if judged.unasked:
                continue  # a duty or detail the gate does not read as a requirement
            key = _key(judged)
            if key in counted:
                continue
            counted.add(key)
            gap = gaps.setdefault(key, _Gap(judged.name, judged.requirement.text, _clip(judged.requirement.sentence)))
            gap.jobs += 1
            gap.weight += max(0.0, float(weight))
            gap.confidences.append(evidence.confidence)
            if gap.closest is None and evidence.cv_text:
                gap.closest = _clip(evidence.cv_text)
            gap.reason = gap.reason or evidence.reason

    def confidence(gap: _Gap) -> float:
        return sum(gap.confidences) / len(gap.confidences)

    ranked = sorted(gaps.values(), key=lambda gap: (-gap.weight * confidence(gap), -gap.jobs, gap.skill.lower()))
    return [
        {
            "skill": gap.skill,
            "jobs": gap.jobs,
            "weight": round(gap.weight, 2),
            "confidence": round(confidence(gap), 2),
            "score": round(gap.weight * confidence(gap), 2),
            "example": gap.example,
            "text": gap.text,
            "closest_cv_text": gap.closest,
            "reason": gap.reason,
        }
        for gap in ranked
    ]
