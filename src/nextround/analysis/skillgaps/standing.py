"""Whether what the CV shows of an ask stands now: not held now (expired, booked, in progress), denied or done by
someone else, another country's or another type, or dated outside the time the ask allows (exact checks)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Final

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps import exact
from nextround.analysis.skillgaps.borders import border_short
from nextround.analysis.skillgaps.cues import cue_data
from nextround.analysis.skillgaps.currency import spelled_out
from nextround.analysis.skillgaps.denied import denied_line
from nextround.analysis.skillgaps.evidence import (
    CvView,
    Evidence,
)
from nextround.analysis.skillgaps.held import clauses
from nextround.analysis.skillgaps.issued import class_scale_short, register_place_short
from nextround.analysis.skillgaps.judged import Judged
from nextround.analysis.skillgaps.named_index import NamedIndex
from nextround.analysis.skillgaps.recency import stale
from nextround.analysis.skillgaps.variants import variant_short

_CREDENTIAL: Final = re.compile(
    r"\b(?:certificat\w*|certified|card|licen[cs]e\w*|training|course|permit|registration|registered|award|"
    r"qualification|ticket|modules?|exam|test|diploma|degree|endorsement|designation|clearance|check|pass|"
    r"trade[- ]tested|accredit\w*|membership|member|chartered|rating|"
    # the same nouns in Spanish and Portuguese ("carnet de manipulador", "carteira", "certificado")
    r"carnet|carteira|certificado|certifica[cç][aã]o|licencia|licen[cç]a|habilita[cç][aã]o)\b",
    re.IGNORECASE,
)


_NOT_OWN: Final = frozenset(content_stems("experience knowledge ability skills current valid full relevant years"))


def held_now(cv: CvView, judged: Judged) -> Judged:
    """A credential met only by CV lines that say it is not held now ("ACLS (AHA), expired March 2026",
    "test booked for February", "in progress") is a gap; an exact check, the learned decision is not asked."""
    evidence, requirement = judged.evidence, judged.requirement
    if not evidence.met or not evidence.cv_text:
        return judged
    tokens = exact.named_tokens(requirement.text)
    named = [spelling for spellings in tokens for spelling in spellings] + spelled_out(requirement.text)

    def naming(spellings: list[str]) -> list[str]:
        def lines_of(names: list[str]) -> list[str]:
            return [
                line
                for line in cv.text.splitlines()
                if any(exact.compiled(rf"(?<!\w){re.escape(n)}(?!\w)").search(line) for n in names)
            ]

        # a whole name or an acronym speaks before one word of it: "PgDip Career Guidance ... in progress" for
        # "Career Guidance", not the job title "Careers Information and Guidance Officer"
        whole = [n for n in spellings if " " in n.strip() or n.isupper()]
        return (lines_of(whole) if len(whole) < len(spellings) else []) or lines_of(spellings)

    def held_nowhere(lines: list[str]) -> bool:
        return bool(lines) and all(exact.not_held(line, cv.reference_year, requirement.text) for line in lines)

    # the lines that write what the ask names speak for it ("MD-102 exam booked for January" beside "Microsoft
    # 365 Certified"), and a name the CV writes only on such lines ("ServiceNow Developer, 2021 - present" and
    # "CAD voucher for 2027": the CAD is not held); the evidence line only when no line names it
    lines = (
        naming(named)
        or (spelled_lines([n for n in named if n.isupper()], cv.text) if _heading(evidence.cv_text, cv.text) else [])
        or [line for line in cv.text.splitlines() if evidence.cv_text in line]
    )
    if not held_nowhere(lines):
        own = [naming(list(spellings)) for spellings in tokens if len(tokens) > 1]
        own.append(credential_lines(requirement.text, lines, cv.text.splitlines()))
        lines = next((found for found in own if held_nowhere(found)), [])
        if not lines:
            return judged
    asked = set(content_stems(requirement.text)) - _NOT_OWN
    written = any(
        _CREDENTIAL.search(clause) and asked <= set(content_stems(clause)) for line in lines for clause in clauses(line)
    )
    if not (_CREDENTIAL.search(requirement.text) or named or (asked and written)):
        # a skill or experience, not a credential: a course still to come does not unsay it; the ask names a
        # credential when the CV writes all its own words as one ("First Aid Level 1 - certificate expired")
        return judged
    reason = "the CV's line says it is not held now (expired, booked or in progress)"
    held = Evidence(False, evidence.strength * 0.5, lines[0].strip(), "held", 0.8, reason, exact=True)
    return replace(judged, evidence=held)


# a heading line ("LICENSES AND CERTIFICATIONS"): words only, no dates or details of a credential
_HEADING: Final = re.compile(r"^[#*_\s]*[A-Za-z][A-Za-z &/'’-]{2,40}?[:*_\s]*$")


def _heading(text: str, cv: str) -> bool:
    """The evidence is a whole CV line that is a heading, not a clause of a line."""
    return bool(_HEADING.match(text)) and any(line.strip(" -•*") == text.strip() for line in cv.splitlines())


def spelled_lines(acronyms: list[str], cv: str) -> list[str]:
    """The CV lines that spell out an acronym the ask names and the CV never writes ("Basic Life Support (AHA) -
    valid until Mar 2024" for BLS): the line that holds the credential, not the heading the name check met it on."""
    acronyms = [acronym for acronym in acronyms if len(acronym) >= 3]  # two letters are spelled by chance
    if not acronyms:
        return []
    return [line for line in cv.splitlines() if line.strip() and NamedIndex.of(line).names_any(acronyms)]


def credential_lines(ask: str, naming: list[str], cv_lines: list[str]) -> list[str]:
    """When no line naming what the ask names writes the ask's own kind of credential word (accredit-, certif-,
    licen-, regist-), the parts of CV lines (between commas and brackets) that write it with the ask's other words:
    "Currently preparing for national interpreter accreditation" speaks for "Accredited FSL interpreter" where the
    lines naming FSL are a course and a language list ("Polish licence" of "C+E (Polish licence, code 95 expired)" is
    held). Else none."""
    kind = _credential_kind().findall(ask)
    if not kind:
        return []
    own = re.compile(rf"\b(?:{'|'.join(sorted({re.escape(word.lower()) for word in kind}))})", re.IGNORECASE)
    if any(own.search(line) for line in naming):
        return []
    named = {stem for spellings in exact.named_tokens(ask) for name in spellings for stem in content_stems(name)}
    head = set(content_stems(own.sub(" ", ask))) - named - _NOT_OWN
    return [
        part
        for line in cv_lines
        for part in re.split(r"[,;|()]", line)
        if own.search(part) and head & set(content_stems(part))
    ]


@lru_cache(maxsize=1)
def _credential_kind() -> re.Pattern[str]:
    """The kinds of credential word an ask writes ([held] credential_kinds of the cue file: "accredit" of
    "Accredited")."""
    return re.compile(rf"\b({'|'.join(cue_data()['held']['credential_kinds'])})", re.IGNORECASE)


def denied_by_cv(cv: CvView, judged: Judged, jd: str = "") -> Judged:
    """A skill the CV writes only in a clause that denies it or hands it to another person ("never worked with
    goats", "Scuba certificate: not held", "the audits are carried out by the quality manager") is a gap with
    that clause as evidence (an exact check, :mod:`denied`)."""
    evidence = judged.evidence
    if not evidence.met:
        return judged
    if judged.requirement.section == "duties":
        # a duty says what the job does, not what it asks: "helped the driller with tests", "keen to move onto an
        # engine" beside "Keep the engine ready" are the learned head's to weigh (seen pool, session 24: 13 of 15
        # such denials of a duty were false gaps)
        return judged
    line = denied_line(judged.requirement.text, cv.text, evidence.cv_text or "", jd)
    if line is None:
        return judged
    reason = "the CV's own line says it is not done or not held, or that someone else does it"
    return replace(judged, evidence=Evidence(False, evidence.strength * 0.5, line, "held", 0.8, reason, exact=True))


def across_borders(cv: CvView, jd: str, judged: Judged) -> Judged:
    """A licence or ticket shown only by another country's ("Irish forklift certificate" where the job is in
    Australia, an exchange for the country's licence requested), or the thing asked shown only in another type,
    version or count, is a gap (exact checks, :mod:`borders` and :mod:`variants`)."""
    evidence = judged.evidence
    if not evidence.met:
        return judged
    short = border_short(judged.requirement.text, jd, cv.text, evidence.cv_text)
    if short is None:  # the ask names no place, the ad and the CV's credential do (a class scale, a register)
        short = class_scale_short(judged.requirement.text, jd, cv.text) or register_place_short(
            judged.requirement.text, cv.text
        )
    how = "licence"
    if short is None:  # another type, version or count of the thing asked ("Type II" for "Type I or Universal")
        short, how = variant_short(judged.requirement.text, cv.text), "variant"
    if short is None:
        return judged
    gap = Evidence(False, evidence.strength * 0.5, short[1], how, 0.8, short[0], exact=True)
    return replace(judged, evidence=gap)


def recent_enough(cv: CvView, judged: Judged) -> Judged:
    """A credential asked "within the last 12 months" that the CV dates earlier is a gap (an exact check)."""
    evidence, requirement = judged.evidence, judged.requirement
    if not evidence.met and evidence.exact:
        return judged  # already a gap for a reason of its own
    line = stale(requirement.sentence, requirement.text, cv.text, evidence.cv_text, cv.reference_year)
    if line is None:
        return judged
    reason = "the CV dates it outside the time the job asks for"
    return replace(judged, evidence=Evidence(False, evidence.strength * 0.5, line, "held", 0.8, reason, exact=True))
