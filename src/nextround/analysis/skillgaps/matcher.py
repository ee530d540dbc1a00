"""Job description vs CV: a score, what is asked, what is shown, and the gaps with their evidence.

A requirement is named by the taxonomy (O*NET/ESCO and the project's aliases) only when the taxonomy's
name and the job's words share a word ("Level 2 Food Hygiene" is *Food hygiene*); otherwise it keeps
the job's words ("laminated dough" stays "laminated dough", not *Baking*).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Final

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps.askedkind import ways_of
from nextround.analysis.skillgaps.assessment import assess_form, language_level
from nextround.analysis.skillgaps.duty_names import duty_by_name
from nextround.analysis.skillgaps.evidence import (
    MEANING_MET,
    CvView,
    Evidence,
    alias_stands_in,
    closest_by_meaning,
    content_words,
    encode,
    forms,
    glossed_forms,
    read_cv,
)
from nextround.analysis.skillgaps.evidence_model import (
    HARD,
    Assessment,
    Model,
    assess,
    features,
    kept_gaps,
    load_model,
)
from nextround.analysis.skillgaps.frames import asks_to_lead, covering, leading_shown
from nextround.analysis.skillgaps.judged import Judged
from nextround.analysis.skillgaps.kinds import head_kind_short, lift_truck_short, motorcycle_short
from nextround.analysis.skillgaps.licence_stages import points_short
from nextround.analysis.skillgaps.othername import other_name_line
from nextround.analysis.skillgaps.places import names_place, years_place
from nextround.analysis.skillgaps.requirements import Requirement, requirements
from nextround.analysis.skillgaps.roleyears import (
    POST_GRADUATE,
    SEASONS_ASKED,
    TITLE_PRAISE,
    claims,
    partly_shown_years,
    roles,
    shown_years,
    span_months,
    years_since_qualifying,
    years_text,
)
from nextround.analysis.skillgaps.standing import across_borders, denied_by_cv, held_now, recent_enough
from nextround.analysis.skillgaps.wellformed import well_formed
from nextround.analysis.skillgaps.years_way import either_way, ways
from nextround.analysis.vectors import dot_rows

MAX_TEXT_CHARS: Final = 200_000
REQUIRED_WEIGHT: Final = 1.0
NICE_TO_HAVE_WEIGHT: Final = 0.5
YEARS_GAP_CONFIDENCE: Final = 0.6
SURELY_SHOWN: Final = 0.9  # the learned probability that a requirement is shown at which it earns its full weight


@dataclass(frozen=True)
class MatchResult:
    """How well a CV covers a job description, and why."""

    score: int
    required: tuple[dict[str, str], ...] = ()
    matched: tuple[dict[str, object], ...] = ()
    missing: tuple[dict[str, object], ...] = ()
    nice_to_have: tuple[dict[str, object], ...] = ()
    years: tuple[dict[str, object], ...] = ()
    qualities: tuple[str, ...] = ()
    explanation: tuple[str, ...] = ()
    unclear: tuple[dict[str, object], ...] = ()  # pieces read from the job that name no skill: not scored
    # conditions of eligibility ("Singapore citizens or PRs", "willing to travel"): to confirm, never a gap
    conditions: tuple[dict[str, str], ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "score": self.score,
            "required": [dict(item) for item in self.required],
            "matched": [dict(item) for item in self.matched],
            "missing": [dict(item) for item in self.missing],
            "nice_to_have": [dict(item) for item in self.nice_to_have],
            "years": [dict(item) for item in self.years],
            "qualities": list(self.qualities),
            "explanation": list(self.explanation),
            "unclear": [dict(item) for item in self.unclear],
            "conditions": [dict(item) for item in self.conditions],
        }


@lru_cache(maxsize=4096)
def canonical(phrase: str) -> str | None:
    """The taxonomy's name for a phrase when it is confident (shares a content word), else None."""
    from nextround.analysis.skills import extract_skills

    words = set(content_stems(phrase))
    if not words:
        return None
    best: tuple[float, str] | None = None
    for mention in extract_skills(phrase):
        covered = len(set(content_stems(mention.text)) & words) / len(words)
        shares = bool(set(content_stems(mention.skill)) & words)
        if shares and covered >= 0.5 and (best is None or covered > best[0]):
            best = (covered, mention.skill)
    return best[1] if best else None


_VAGUE: Final = frozenset(
    ["similar", "role", "roles", "position", "positions", "relevant", "related", "industry", "sector", "field",
     "environment", "previous", "comparable", "same", "this", "job", "equivalent", "capacity", "work", "cognate"],
)  # fmt: skip
_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")


def _judge(cv: CvView, requirement: Requirement, vectors: Mapping[str, list[float]]) -> Judged:
    name = requirement.text
    words = content_words(requirement.text)
    role = next((clause.sentence for clause in cv.clauses if _YEAR.search(clause.sentence)), None)
    if words and all(word in _VAGUE for word in words) and role is not None:
        # "3+ years in a similar role", "relevant industry experience": any dated role, then the years
        return _with_years(cv, Judged(requirement, name, Evidence(True, 0.8, role, "role", 0.5)))
    if asks_to_lead(requirement.text):
        # leading people is read as a frame both ways: "Led a crew of 6" shows it, "Cleaned offices" does not
        shown = leading_shown(cv.text.splitlines())
        if shown is not None:
            best = Evidence(True, 1.0, shown, "leading", 0.75)
        elif requirement.section == "duties":
            # a duty that leads people ("Lead and train the night crew") says what the job does; its words may be
            # shown otherwise, so it is judged by meaning like any other duty, not by the leading frame alone
            judged = _judge_by_forms(cv, requirement, vectors)
            if not (judged.evidence.met and _YEAR.search(judged.evidence.cv_text or "")):
                return judged
            # ... but a role's title line ("Senior Payroll Officer, 2015 - 2024" for "Manage a team of three payroll
            # officers") names the job, not the people it led: no CV line shows leading, so it is not shown
            best = _not_leading(cv, requirement, vectors)
        else:
            best = _not_leading(cv, requirement, vectors)
        return _with_years(cv, Judged(requirement, name, best), vectors)
    language = language_level(cv, requirement.text)
    if language is not None:
        return Judged(requirement, name, language)
    points = points_short(requirement.text, cv.text)
    if points is not None:
        return Judged(requirement, name, Evidence(False, 0.3, points[1], "licence", 0.85, points[0], exact=True))
    truck = lift_truck_short(requirement.text, cv.text.splitlines())
    if truck is not None:
        # "Valid reach truck certificate" against "Forklift certificate (counterbalance)": another kind's ticket
        return Judged(requirement, name, Evidence(False, 0.3, truck[1], "licence", 0.85, truck[0], exact=True))
    kind = head_kind_short(requirement.text, cv.text.splitlines()) or motorcycle_short(
        requirement.text, cv.text.splitlines()
    )
    if kind is not None:
        # "electronic interlocking" against "Route relay interlocking", "riding licence" against "Class BCE": another
        # kind under the same head noun (session 21)
        return Judged(requirement, name, Evidence(False, 0.3, kind[1], "variant", 0.85, kind[0], exact=True))
    named = other_name_line(requirement.text, cv.text.splitlines())
    if named is not None:
        # "food handler card (carnet de manipulador de alimentos)": the CV writes the bracket's other name for it
        return _with_years(cv, Judged(requirement, name, Evidence(True, 1.0, named, "name", 0.85, exact=True)), vectors)
    return _judge_by_forms(cv, requirement, vectors)


def _not_leading(cv: CvView, requirement: Requirement, vectors: Mapping[str, list[float]]) -> Evidence:
    phrase = forms(requirement)[0]
    closest = assess_form(cv, requirement, phrase, vectors.get(phrase)).cv_text
    return Evidence(False, 0.3, closest, "leading", 0.7, "no CV line shows leading or supervising people")


def _judge_by_forms(cv: CvView, requirement: Requirement, vectors: Mapping[str, list[float]]) -> Judged:
    """The best evidence over the requirement's written forms (by name, meaning or the taxonomy)."""
    best: Evidence | None = None
    name = requirement.text
    judged: dict[str, Evidence] = {}
    for phrase, glossed in glossed_forms(requirement):
        evidence = assess_form(cv, requirement, phrase, vectors.get(phrase))
        skill = canonical(phrase)
        if skill and not evidence.met and evidence.how in ("none",) and skill in cv.skills:
            evidence = Evidence(True, 1.0, _sentence_with(cv, cv.skills[skill]), "taxonomy", 0.8)
        judged.setdefault(phrase, evidence)
        main = judged.get(glossed) if glossed else None
        if (
            glossed
            and main is not None
            and evidence.met
            and not main.met
            and main.exact
            and not alias_stands_in(glossed, phrase, evidence.cv_text)
        ):
            # "DSWA" met on a membership line cannot overturn "DSWA Intermediate Certificate" not held, nor "Heavy
            # Rigid" on the "MR (Medium Rigid)" line the licence check read: the main form's gap stands
            continue
        if best is None or (evidence.met, evidence.strength) > (best.met, best.strength):
            best = evidence
            name = skill or requirement.text
    assert best is not None
    if not best.met and len(requirement.alternatives) > 1 and best.reason.startswith("the CV does not name"):
        # "Salesforce, Gainsight or HubSpot": any one would do, so the gap is the whole list, not its first name
        best = replace(best, reason=f"the CV names none of {', '.join(requirement.alternatives)}")
    if name == requirement.text:  # the form that met it has no taxonomy name; another form may
        name = next((skill for skill in map(canonical, forms(requirement)) if skill), name)
    return _with_years(cv, Judged(requirement, name, best), vectors)


def _with_years(cv: CvView, judged: Judged, vectors: Mapping[str, list[float]] | None = None) -> Judged:
    """A requirement met in kind but asking for more years than the CV shows of it is a gap."""
    requirement, name, best = judged.requirement, judged.name, judged.evidence
    years_shown = None
    if requirement.years and best.met:
        years_shown, source = _years_in_role(cv, requirement, best.cv_text, vectors or {}, vague=best.how == "role")
        if years_shown is not None and years_shown < requirement.years:
            asked = f"{_number(requirement.years)} years asked"
            shown = years_text(years_shown)
            reason = {
                "since": f"{asked}; the CV shows {_number(years_shown)} since qualifying",
                "roles": f"{asked}; the roles that show it add up to {shown}",
                "titled": f"{asked}; the roles with that title add up to {shown}",
                "claim": f"{asked}; the CV says {shown} of it",
                "place": f"{asked}; the roles in that place add up to {shown}",
            }.get(source, f"{asked}; the CV's dated roles cover {_number(years_shown)}")
            best = Evidence(
                False,
                best.strength * years_shown / requirement.years,
                best.cv_text,
                "years",
                YEARS_GAP_CONFIDENCE,
                reason,
            )
    return Judged(requirement, name, best, years_shown)


def _years_in_role(
    cv: CvView,
    requirement: Requirement,
    shown: str | None,
    vectors: Mapping[str, list[float]],
    *,
    vague: bool = False,
) -> tuple[float | None, str]:
    """Years the CV shows for a requirement, and where they come from: "3 years PQE" counts from the year the
    CV says it qualified ("since"); "2 years as a barista" the dated roles titled barista ("titled"); otherwise
    the dated roles whose block shows the ask ("roles": the line `shown`, all its words, leading people for an
    ask to lead, or a clause close in meaning), or the most years a CV line claims of it ("claim"), whichever is
    more; the whole career ("career") when no role or claim shows it, or for "3 years in a similar role"."""
    since = years_since_qualifying(cv.text, requirement.sentence, cv.reference_year)
    if since is not None:
        since = since if cv.years is None else min(since, cv.years)
        if POST_GRADUATE.search(requirement.sentence):
            # "two years' post-graduate dairy experience": the years since the degree, and of them only the roles
            # that show the field
            field = replace(
                requirement,
                text=POST_GRADUATE.sub(" ", requirement.text).strip(" -"),
                sentence=POST_GRADUATE.sub(" ", requirement.sentence),
            )
            in_field, source = _years_in_role(cv, field, shown, vectors)
            if in_field is not None and in_field < since and source != "career":
                return in_field, source
        return since, "since"
    if vague:
        return cv.years, "career"
    place = years_place(requirement)
    if place:
        here = _years_in_place(cv, requirement, place, shown, vectors)
        if here is not None:
            return here, "place"
    # "2 years as a barista", "24 months as Chief Cook": a title with or without its article
    titled = re.search(rf"\bas\s+(?:an?\s+)?{re.escape(requirement.text)}\b", requirement.sentence, re.IGNORECASE)
    # "2 years as a senior cook or section head": either title counts, each with all its words
    # "5 years as a maintenance supervisor in a manufacturing plant": the title is what comes before its place
    title_text = re.split(r"\s+(?:in|at|within|for|on)\s+(?:an?\s+|the\s+)?", requirement.text, maxsplit=1)[0]
    title = [content_stems(part) for part in re.split(r"\s+or\s+|\s*/\s*", title_text)] if titled else []
    # the title's work, not its praise ("a qualified bricklayer": the Bricklayer roles)
    title = [tuple(stem for stem in stems if stem not in TITLE_PRAISE) or stems for stems in title if stems]
    in_roles, claimed = shown_years(
        cv.text,
        cv.reference_year,
        _shows(cv, requirement, shown, vectors),
        shown=shown,
        titled=title,
        ask=requirement.text,
        seasons=bool(SEASONS_ASKED.search(requirement.sentence)),
    )
    if in_roles is None and claimed is None:
        # a specific ask no role shows whole: the roles that hold half its words, never the whole career
        partly = partly_shown_years(cv.text, cv.reference_year, requirement.text)
        return (cv.years, "career") if partly is None else (partly, "roles")
    if claimed is not None and (in_roles is None or claimed > in_roles):
        return claimed, "claim"
    return in_roles, "titled" if title else "roles"


def _years_in_place(
    cv: CvView, requirement: Requirement, place: Sequence[str], shown: str | None, vectors: Mapping[str, list[float]]
) -> float | None:
    """Years of a years ask "in <place>" ("at least 3 years in oil and gas construction in the GCC"): only the
    dated roles naming the place or a place inside it count (those that show the work, else those holding half its
    words, else all of them), and the claims that say their years were in the place ("seven years, nearly all in
    Sydney" is not Queensland's); None when no dated role names the place (the CV does not say where: the ask is
    read as any other)."""
    found = [role for role in roles(cv.text) if names_place(role.lines, place)]
    if not found:
        return None
    kind_text = re.sub(
        rf"(?i),?\s*\b(?:in|within|across|throughout)\s+(?:the\s+)?{re.escape(place[0])}\b", " ", requirement.text
    ).strip(" ,-")
    kind_text = "" if kind_text.lower() == place[0] else kind_text
    words = set(content_stems(kind_text))
    meaning = _shows(cv, requirement, shown, vectors)

    def shows(lines: Sequence[str]) -> bool:
        return not words or words <= set(content_stems(" ".join(lines))) or meaning(lines)

    chosen = [role for role in found if shows(role.lines)]
    if not chosen and words:
        asked = words - set(content_stems(" ".join(sorted(place))))
        chosen = [role for role in found if 2 * len(asked & set(content_stems(" ".join(role.lines)))) >= len(asked)]
    in_roles = span_months([role.head for role in chosen or found], cv.reference_year) / 12
    claimed = [
        years
        for years, part in claims(cv.text)
        if names_place([part], place, whole=True) and (not words or shows([part]))
    ]
    return max([in_roles, *claimed])


def _shows(
    cv: CvView, requirement: Requirement, shown: str | None, vectors: Mapping[str, list[float]]
) -> Callable[[Sequence[str]], bool]:
    """Whether some lines (a role's block, a claim) show the requirement: the evidence line, all its words,
    leading people for an ask to lead, or a clause whose meaning is close (MEANING_MET)."""
    words = set(content_stems(requirement.text))
    # "5+ years in SRE, DevOps or platform roles": a role shows it when it holds the words of any one way
    ways = ways_of(requirement.alternatives) if len(requirement.alternatives) > 1 else [frozenset(words)]
    lead = asks_to_lead(requirement.text)
    close: list[str] = []
    if cv.vectors is not None:
        for vector in (vectors.get(phrase) for phrase in forms(requirement)):
            if vector is not None:
                close += [
                    cv.clauses[index].text
                    for index, cosine in enumerate(dot_rows(cv.vectors, vector))
                    if cosine >= MEANING_MET
                ]

    def shows(lines: Sequence[str]) -> bool:
        if shown and any(shown in line for line in lines):
            return True
        held = set(content_stems(" ".join(lines)))
        if any(way and way <= held for way in ways):
            return True
        if lead and leading_shown(list(lines), cover=False) is not None:  # acting cover is not the title's years
            return True
        # covering for the leader while away is not the title's years, by meaning either (session 20)
        return any(clause in line for clause in close for line in lines if not (lead and covering(line)))

    return shows


def _sentence_with(cv: CvView, words: str) -> str:
    lowered = words.lower()
    for clause in cv.clauses:
        if lowered in clause.sentence.lower():
            return clause.sentence
    return words


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 1)


def judge_all(jd: str, cv: str, reference_year: int | None = None) -> list[Judged]:
    """Every requirement of `jd` with its evidence in `cv` (personal qualities left out); "present" in
    the CV's dates means `reference_year` (default: this year)."""
    year = reference_year if reference_year is not None else date.today().year
    return list(_judge_all(jd[:MAX_TEXT_CHARS], cv[:MAX_TEXT_CHARS], year))


@lru_cache(maxsize=512)  # the insights page ranks the same rejections against the same CVs on every load
def _judge_all(jd: str, cv: str, reference_year: int) -> tuple[Judged, ...]:
    model = load_model()
    ruled = rule_judgements(jd, cv, reference_year, with_features=model is not None)
    learned = [assess(values, model) if model is not None and values is not None else None for _, values in ruled]
    reported = _reported_gaps(ruled, learned, model)
    judged = []
    for index, ((item, _), assessment) in enumerate(zip(ruled, learned, strict=True)):
        if model is not None and assessment is not None:
            item = _decide(item, assessment, model.threshold, index in reported)
        elif model is not None and not item.evidence.met and item.requirement.importance == "required":
            # an exact check's gap: as sure as that kind of check was right in training, so the gaps a job seeker
            # reads first are the likeliest (the hand-set confidences did not rank them: a missing degree 0.75
            # and right one time in four, years 0.60 and right three times in four)
            item = replace(item, evidence=replace(item.evidence, confidence=model.exact_confidence(item.evidence.how)))
        if not item.evidence.met and item.evidence.how not in _OWN_LINE:
            item = replace(item, evidence=replace(item.evidence, cv_text=item.closest))
        judged.append(item)
    return tuple(judged)


# a gap whose CV line is the point: the level held, the expired card, the role with too few years
_OWN_LINE: Final = frozenset(["level", "held", "licence", "years", "role", "language", "variant"])


def rule_judgements(
    jd: str, cv: str, reference_year: int, *, with_features: bool = True
) -> list[tuple[Judged, list[float] | None]]:
    """Every requirement judged by the rules, with the learned model's features where it may decide
    (a well-formed requirement whose verdict is not an exact check's)."""
    asked = requirements(jd)
    view = read_cv(cv, reference_year)
    judged_ways = [way for item in asked if not (item.quality or item.condition) for way in ways(item)]
    phrases = sorted({phrase for way in judged_ways for phrase in forms(way)})
    encoded = encode(phrases)
    vectors: dict[str, list[float]] = {}
    if encoded is not None:
        vectors = {phrase: encoded.row(index) for index, phrase in enumerate(phrases)}
    out: list[tuple[Judged, list[float] | None]] = []
    for item in asked:
        if item.quality or item.condition:
            continue  # a quality or a condition of eligibility: no CV line proves or disproves it
        way, judged = either_way(
            item,
            lambda way: across_borders(
                view, jd, recent_enough(view, denied_by_cv(view, held_now(view, _judge(view, way, vectors)), jd))
            ),
        )
        closest = closest_by_meaning(view, [vectors.get(phrase) for phrase in forms(way)])
        judged = replace(judged, closest=closest)
        values = None
        if (
            with_features
            and item.importance == "required"
            and judged.evidence.how not in HARD
            and (not judged.evidence.exact or duty_by_name(judged, asked))
            and well_formed(item.text)
        ):
            shown = any(skill in view.skills for skill in map(canonical, forms(way)) if skill)
            values = features(view, way, judged.evidence, vectors, shown)
        out.append((judged, values))
    return out


def _reported_gaps(
    ruled: Sequence[tuple[Judged, list[float] | None]], learned: Sequence[Assessment | None], model: Model | None
) -> set[int]:
    """The indexes of the learned gaps the pair reports: P(requirement) x P(missing) at the threshold, and past the
    pair's first gaps (the exact checks' first) also at the model's crowded threshold (see evidence_model.kept_gaps)."""
    if model is None:
        return set()
    exact_gaps = sum(
        1
        for (item, _), assessment in zip(ruled, learned, strict=True)
        if assessment is None
        and not item.evidence.met
        and item.requirement.importance == "required"
        and well_formed(item.requirement.text)
    )
    indexes = [index for index, assessment in enumerate(learned) if assessment is not None]
    gaps = [assessment.gap for assessment in learned if assessment is not None]
    kept = kept_gaps(gaps, exact_gaps, model.threshold, model.crowded_threshold)
    return {index for index, keep in zip(indexes, kept, strict=True) if keep}


def _decide(judged: Judged, learned: Assessment, threshold: float, reported: bool) -> Judged:
    """The learned decision over the rules' verdict: a gap when it is `reported` (P(requirement) x P(missing)
    reaches the threshold, and the crowded threshold past the pair's first gaps). A phrase the evidence head finds
    missing but the gate does not read as a requirement is listed as unasked (never a gap), not as shown; a gap
    left out past the pair's first ones is uncertain (neither a gap nor claimed shown)."""
    evidence = judged.evidence
    is_gap = reported
    unasked = learned.gap < threshold and learned.missing >= threshold
    uncertain = not is_gap and learned.gap >= threshold
    if is_gap:
        reason = evidence.reason if not evidence.met else "the closest CV line shows it only loosely"
        decided = Evidence(
            False, min(evidence.strength, 0.6), evidence.cv_text, evidence.how, round(learned.gap, 2), reason
        )
    elif unasked:
        decided = replace(evidence, met=False, confidence=round(1.0 - learned.asked, 2))
    else:
        decided = Evidence(
            True, max(evidence.strength, 0.8), evidence.cv_text, evidence.how, round(1.0 - learned.missing, 2)
        )
    return replace(judged, evidence=decided, learned=learned, unasked=unasked, uncertain=uncertain)


def match(jd: str, cv: str, *, reference_year: int | None = None) -> MatchResult:
    """Score how well `cv` covers what `jd` asks for (0-100), with the gaps in the job's own words.

    Required items weigh 1 and nice-to-have ones 0.5; each earns its weight by how strongly the CV
    shows it. Personal qualities ("patience") are listed, never scored or reported as gaps.
    "2019 - present" in the CV ends in `reference_year` (default: this year).
    """
    judged = judge_all(jd, cv, reference_year)
    asked = requirements(jd[:MAX_TEXT_CHARS])
    qualities = tuple(item.text for item in asked if item.quality)
    conditions = tuple(
        {"text": item.text, "sentence": item.sentence} for item in asked if item.condition and not item.quality
    )
    required: list[dict[str, str]] = []
    matched: list[dict[str, object]] = []
    missing: list[dict[str, object]] = []
    nice: list[dict[str, object]] = []
    years: list[dict[str, object]] = []
    unclear: list[dict[str, object]] = []
    total = earned = 0.0
    counts = {"required": [0, 0], "nice_to_have": [0, 0]}
    for item in judged:
        requirement, evidence = item.requirement, item.evidence
        if not well_formed(requirement.text):
            # "Prepare", "30%)", "(Agriculture) or M.Sc": a piece of the job's wording, not an ask; listed, never a gap
            unclear.append(
                {"text": requirement.text, "sentence": requirement.sentence, "matched": evidence.met, "why": "fragment"}
            )
            continue
        if item.unasked:
            # "Report accidents" under "What you'll do", no CV line showing it: a duty, not a requirement to show
            unclear.append(
                {"text": requirement.text, "sentence": requirement.sentence, "matched": False, "why": "not asked"}
            )
            continue
        is_required = requirement.importance == "required"
        weight = REQUIRED_WEIGHT if is_required else NICE_TO_HAVE_WEIGHT
        total += weight
        # a learned decision earns by how likely the CV shows it (all of it from SURELY_SHOWN up); a rule, all
        # when shown and a little, by the closest clause, when not
        if item.learned is not None:
            earned += weight * min(1.0, (1.0 - item.learned.missing) / SURELY_SHOWN)
        else:
            earned += weight * (1.0 if evidence.met else evidence.strength)
        tally = counts[requirement.importance]
        tally[1] += 1
        tally[0] += evidence.met and not item.uncertain
        if item.uncertain:
            # a weaker gap past the pair's first ones: scored as likely shown as the head finds it, listed for the
            # job seeker to judge, neither reported missing nor matched to a CV line
            unclear.append(
                {"text": requirement.text, "sentence": requirement.sentence, "matched": False, "why": "uncertain"}
            )
        if is_required:
            required.append({"skill": item.name, "text": requirement.text})
        else:
            nice.append({"skill": item.name, "text": requirement.text, "matched": evidence.met})
        if requirement.years:
            years.append({"skill": item.name, "asked": _number(requirement.years), "shown": _number(item.years_shown)})
        if evidence.met and not item.uncertain:
            matched.append(
                {
                    "skill": item.name,
                    "jd_text": requirement.text,
                    "cv_text": evidence.cv_text or "",
                    "how": evidence.how,
                    "confidence": round(evidence.confidence, 2),
                }
            )
        elif is_required and not item.uncertain:
            missing.append(
                {
                    "skill": item.name,
                    "text": requirement.text,
                    "sentence": requirement.sentence,
                    "closest_cv_text": evidence.cv_text,
                    "confidence": round(evidence.confidence, 2),
                    "reason": evidence.reason,
                }
            )
    score = round(100 * earned / total) if total else 0
    missing.sort(key=lambda gap: -float(gap["confidence"]))  # type: ignore[arg-type]
    return MatchResult(
        score=score,
        required=tuple(required),
        matched=tuple(matched),
        missing=tuple(missing),
        nice_to_have=tuple(nice),
        years=tuple(years),
        qualities=qualities,
        explanation=tuple(_explain(score, counts, total, earned, cv)),
        unclear=tuple(unclear),
        conditions=conditions,
    )


def _explain(score: int, counts: Mapping[str, Sequence[int]], total: float, earned: float, cv: str) -> list[str]:
    if not total:
        return ["No requirements found in the job description, so there is nothing to score."]
    lines = []
    required_found, required_asked = counts["required"]
    nice_found, nice_asked = counts["nice_to_have"]
    if required_asked:
        lines.append(f"Required: {required_found} of {required_asked} shown in the CV.")
    if nice_asked:
        lines.append(f"Nice to have: {nice_found} of {nice_asked} shown (each counts half).")
    if not cv.strip():
        lines.append("The CV is empty.")
    lines.append(
        f"Score {score} = {earned:.1f} of {total:.1f} weighted requirements shown"
        " (a requirement not shown earns a little for the closest CV line)."
    )
    return lines


def match_batch(pairs: Iterable[Mapping[str, str]]) -> list[MatchResult]:
    """`match` over many {"jd": ..., "cv": ...} pairs; a CV repeated across pairs is read once."""
    return [match(pair.get("jd", ""), pair.get("cv", "")) for pair in pairs]
