"""Deciding one form of a requirement against the CV: the exact checks that overrule meaning where they apply
(licence categories, qualification levels, named products and their grades, degrees), then meaning itself.
The signals it weighs (clauses, cosines, word cover, the taxonomy) come from :mod:`evidence`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps import borders, credentials, currency, exact, licence_stages
from nextround.analysis.skillgaps.absent_names import initials_as_kind, names_that_count, shown_otherwise
from nextround.analysis.skillgaps.evidence import (
    PARENS,
    CvView,
    Evidence,
    content_words,
    encode,
    glossed_term,
    level_check,
    meaning_evidence,
    taxonomy_names,
)
from nextround.analysis.skillgaps.language_levels import language_unlisted, language_words_short
from nextround.analysis.skillgaps.nearmiss import other_variant
from nextround.analysis.skillgaps.places import asked_names
from nextround.analysis.skillgaps.requirements import Requirement
from nextround.analysis.skillgaps.same_name import not_held_now, one_way, value_short
from nextround.analysis.skillgaps.school_subjects import school_subject_short

GENERIC_WORDS: Final = frozenset(
    [
        "licence",
        "license",
        "card",
        "registration",
        "registered",
        "certificate",
        "certification",
        "qualification",
        "qualified",
        "ticket",
        "membership",
        "software",
        "system",
        "experience",
        "skills",
        "knowledge",
        "award",
        "diploma",
        "holder",
    ]
)
# How a credential stands, not which one it is: "an active PRC license" is named by "PRC"
_STATUS_WORDS: Final = frozenset(
    ["active", "current", "valid", "full", "clean", "relevant", "appropriate", "recognised", "recognized",
     "unrestricted", "practising", "practicing", "date", "up-to-date", "in-date"],
)  # fmt: skip
EQUIVALENT_YEARS: Final = 3  # years of dated roles that stand in for "a degree or equivalent experience"
_EQUIVALENT_EXPERIENCE: Final = re.compile(r"\bor\s+(?:equivalent|relevant|comparable)\s+(?:\w+\s+)?experience", re.I)
_GRADE_WORDS: Final = frozenset(
    ["master", "journeyman", "journeyperson", "apprentice", "advanced", "foundation", "intermediate", "practitioner",
     "expert", "specialist"],
)  # fmt: skip
_COLOURS: Final = frozenset(["white", "yellow", "green", "blue", "black", "gold", "red", "orange", "brown", "purple"])
CREDENTIAL_HEADS: Final = frozenset(
    [
        "belt",
        "licence",
        "license",
        "card",
        "certificate",
        "certification",
        "qualification",
        "ticket",
        "membership",
        "registration",
        "accreditation",
    ]
)


def language_level(cv: CvView, text: str) -> Evidence | None:
    """ "Very good German (at least C1)" against "German (B2)": the level the CV gives the language decides (the
    whole ask is read, since its forms part the language from its level)."""
    language = credentials.language_level_short(text, cv.text) or language_words_short(text, cv.text)
    if language is None:
        unlisted = language_unlisted(text, cv.text)
        if unlisted is None:
            return None
        # "Fluency in Tamil" against "Languages: Sinhala (mother tongue), English (good)": a language the CV's list
        # leaves out is not held (session 21)
        shown = _sentence_matching(cv, lambda line: unlisted[1] in line) or unlisted[1]
        reason = f"{unlisted[0]} asked; the CV's languages do not include it"
        return Evidence(False, 0.3, shown, "language", 0.85, reason, exact=True)
    met, asked_level, part = language
    shown = _sentence_matching(cv, lambda line: part in line) or part
    if met:
        return Evidence(True, 1.0, shown, "language", 0.85)
    return Evidence(False, 0.3, shown, "language", 0.85, f"{asked_level} asked; the CV shows {part}", exact=True)


def assess_form(cv: CvView, requirement: Requirement, phrase: str, vector: list[float] | None) -> Evidence:
    """Evidence for one form of a requirement: exact checks first where they apply, then meaning."""
    subjects = school_subject_short(requirement.text, cv.text)
    if subjects is not None:
        # "Grade 12 (Matric) with Mathematics or Physical Science": each form, "Matric" too, needs the subject
        reason = f"{subjects[0]} asked; the CV's school subjects do not include it"
        return Evidence(False, 0.3, subjects[1], "degree", 0.8, reason, exact=True)
    # the whole ask when it is one way: its forms are parts of it ("Bereavement Authority of Ontario" alone)
    single = one_way(requirement.alternatives)
    another = value_short(requirement.text if single else phrase, cv.text, requirement.text, stages=single)
    if another is not None:  # "Funeral Director, Class 2" for a Class 1 licence; "oral examination scheduled"
        how = "held" if not_held_now(another[0]) else "level"
        return Evidence(False, 0.3, another[1], how, 0.85, another[0], exact=True)
    limited = currency.limit_short(requirement.text, cv.text)
    if limited is not None:  # "Boatmaster licence (vessels up to 24 m)" against one up to 15 m
        return Evidence(False, 0.3, limited[1], "level", 0.8, limited[0], exact=True)
    endorsement = licence_stages.endorsement_short(phrase, cv.text)
    if endorsement is not None:
        # "F endorsement on your NZ driver licence", "CDL with Passenger (P) and School Bus (S) endorsements": the
        # endorsement is the point, not the licence; one with its test still to pass is not held
        reason, line = endorsement
        if line is not None:
            return Evidence(False, 0.3, line, "licence", 0.85, reason, exact=True)
        shown = _sentence_matching(cv, licence_stages.holds_driving_licence)
        return Evidence(False, 0.2, shown, "licence", 0.85, reason)
    professional = borders.professional_short(phrase, cv.text)
    if professional is not None:  # "Registro de conducir profesional" against a car's licence
        return Evidence(False, 0.3, professional[1], "licence", 0.85, professional[0], exact=True)
    if licence_stages.asks_driving_licence(phrase):
        # a learner's licence for any ask, a restricted one for a full licence, automatics only for a manual one
        # another word-named class: "driver's licence (General)" against "Private" (the forms drop the brackets)
        shortfall = licence_stages.licence_short(phrase, cv.text) or licence_stages.class_short(
            requirement.text, cv.text
        )
        if shortfall is not None:
            return Evidence(False, 0.3, shortfall[1], "licence", 0.85, shortfall[0], exact=True)
    # "Class 2 medical certificate", "ADI registration for Category D": the class is the medical's, the category
    # the registration's, for every form of the ask ("ADI" too); the lines naming it decide, else the name and
    # currency checks do
    whole = credentials.other_credential_words(requirement.text)
    owner = whole or credentials.other_credential_words(phrase)
    if owner is not None:
        held_other = credentials.held_for_other(requirement.text if whole else phrase, owner, cv.text)
        if held_other is not None and held_other[0]:
            return Evidence(True, 1.0, held_other[1], "licence", 0.85)
        if held_other is not None:
            reason = "the CV shows another class or category of it"
            return Evidence(False, 0.2, held_other[1], "licence", 0.85, reason, exact=True)
    for asked in sorted(credentials.numbered_licences(phrase) if owner is None else ()):
        met = credentials.numbered_licence_met(asked, credentials.numbered_licences(cv.text))
        if met is None:
            continue
        shown = _sentence_matching(cv, lambda text: bool(credentials.numbered_licences(text)))
        if met:
            return Evidence(True, 1.0, shown, "licence", 0.85)
        return Evidence(
            False, 0.2, shown, "licence", 0.85, f"{asked[0].title()} {asked[1]} asked; the CV shows another"
        )
    short = credentials.score_short(phrase, cv.text)
    if short is not None:
        shown = _sentence_matching(cv, lambda text: short in credentials.scores(text))
        return Evidence(False, 0.3, shown, "level", 0.85, f"the CV's {short.upper()} score is lower than asked")
    if credentials.scores(phrase) and set(credentials.scores(phrase)) <= set(credentials.scores(cv.text)):
        shown = _sentence_matching(cv, lambda text: bool(credentials.scores(text)))
        return Evidence(True, 1.0, shown, "level", 0.8)
    asked_cdl = credentials.cdl_classes(phrase) or (
        {code.group(1).upper() for code in re.finditer(r"\bclass\s*([ABC])\b", phrase, re.I)}
        if "CDL" in phrase
        else set()
    )
    held_cdl = credentials.cdl_classes(cv.text)
    if asked_cdl and held_cdl:
        if any(have <= asked for have in held_cdl for asked in asked_cdl):
            return Evidence(
                True, 1.0, _sentence_matching(cv, lambda text: bool(credentials.cdl_classes(text))), "licence", 0.85
            )
        shown = _sentence_matching(cv, lambda text: bool(credentials.cdl_classes(text)))
        asked_text = "/".join(sorted(asked_cdl))
        return Evidence(False, 0.2, shown, "licence", 0.85, f"CDL Class {asked_text} asked; the CV shows another class")
    for letter in sorted(credentials.grade_letters(phrase)):
        held_grade = credentials.grade_met(letter, credentials.grade_letters(cv.text))
        if held_grade is False:
            shown = _sentence_matching(cv, lambda text: bool(credentials.grade_letters(text)))
            return Evidence(False, 0.3, shown, "level", 0.8, f"Grade {letter} asked; the CV shows a lower grade")
    if owner is None and credentials.asks_any_driving_licence(phrase):
        shown = _sentence_matching(cv, licence_stages.holds_driving_licence)
        other = credentials.licence_country_differs(phrase, cv.text)
        if other is not None:
            return Evidence(False, 0.4, shown, "licence", 0.7, f"the CV's driving licence is {other.title()}")
        other_class = licence_stages.other_class_short(requirement.text, cv.text)
        if other_class is not None:  # "Class G" against "Ontario G2", "Class 3" against "class D" (session 23)
            return Evidence(False, 0.3, other_class[1], "licence", 0.85, other_class[0], exact=True)
        if licence_stages.holds_driving_licence(cv.text):
            return Evidence(True, 1.0, shown, "licence", 0.85)
        return Evidence(False, 0.2, None, "licence", 0.75, "a driving licence is asked; the CV mentions none")
    asked_licences = credentials.licence_categories(phrase + " licence")
    named_licence = re.search(r"licen[cs]e|category|class|\bcat\b|pcv|hgv|c\+e", phrase, re.I) or (
        credentials.DRIVING_LICENCE.search(phrase)  # "Führerschein B", "permis B": the licence in its own language
    )
    if asked_licences and owner is None and named_licence:
        if credentials.licence_met(asked_licences, cv.licences):
            return Evidence(True, 1.0, _sentence_naming(cv, cv.licences), "licence", 0.9)
        held_codes = ", ".join(sorted(cv.licences)) or "none"
        reason = f"Category {'/'.join(sorted(asked_licences))} asked; the CV shows {held_codes}"
        return Evidence(False, 0.2, _sentence_naming(cv, cv.licences), "licence", 0.9, reason)
    if credentials.asks_school_leaving(phrase) and credentials.school_leaving_shown(cv.text):
        return Evidence(True, 1.0, _sentence_with_degree(cv), "degree", 0.7)
    if _COMPUTER_LITERACY.search(phrase) and _uses_computers(cv):
        # "Computer literate", "Basic IT skills": shown by any software or system the CV works in
        return Evidence(True, 0.9, None, "taxonomy", 0.6)
    if credentials.only_english(phrase):
        return Evidence(True, 1.0, None, "language", 0.7, "the CV itself is written in English")
    degree = None if _degree_one_way(requirement.alternatives) else credentials.degree_asked(requirement.alternatives)
    if degree is not None:
        held_degree = credentials.degree_level(cv.text)
        if held_degree is not None and held_degree >= degree:
            return Evidence(True, 1.0, _sentence_with_degree(cv), "degree", 0.8)
        if _EQUIVALENT_EXPERIENCE.search(requirement.sentence) and (cv.years or 0) >= EQUIVALENT_YEARS:
            # "a degree or equivalent experience": years of work stand in for it
            return Evidence(True, 0.8, None, "degree", 0.6, "no degree; years of experience accepted instead")
        reason = "a degree is asked; the CV names none" if held_degree is None else "a higher degree is asked"
        return Evidence(False, 0.3, _sentence_with_degree(cv), "degree", 0.75, reason)
    levels = credentials.levelled(phrase)
    if levels:
        checked = level_check(cv, phrase, levels[0])
        if checked is not None:
            return checked
    semantic = meaning_evidence(cv, phrase, vector)
    version = credentials.other_version(phrase, cv.text)
    if version is not None and not currency.covers_lower(phrase, version):  # "Sage 200" asked, "Sage 50" shown
        return Evidence(
            False, semantic.strength * 0.5, semantic.cv_text, "name", 0.8, f"the CV shows {version}", exact=True
        )
    # "brass repair experience in a shop, or a diploma from a repair program": the diploma is one way of two
    if semantic.met and not _OTHER_WAY.search(phrase) and credentials.diploma_missing(phrase, cv.text):
        reason = "a diploma is asked; the CV shows a certificate or none"
        return Evidence(False, semantic.strength * 0.6, semantic.cv_text, "level", 0.7, reason)
    for act in exact.acts(phrase):
        # "Housing Act 1988": the CV must name that law, or at least what it is about ("mental capacity")
        if not all(word.lower() in cv.names.words for word in act.split()[:-1]):
            return Evidence(
                False, semantic.strength * 0.5, semantic.cv_text, "name", 0.8, f"the CV does not name the {act}"
            )
    if _OR_EQUIVALENT.search(requirement.sentence) and (levels or exact.named_tokens(phrase, requirement.sentence)):
        equivalent = _equivalent_shown(cv, phrase)
        if equivalent is not None:
            return equivalent
    if not requirement.examples:
        variant = other_variant(cv.text, phrase)  # "SCA Roasting Intermediate" asked, "SCA Roasting Foundation" held
        if variant is not None:
            return Evidence(False, semantic.strength * 0.5, semantic.cv_text, "name", 0.8, variant, exact=True)
    named = [] if requirement.examples else names_that_count(phrase, asked_names(phrase, requirement))
    if named:
        absent = [
            spellings[0]
            for spellings in named
            if not cv.names.names_any(spellings)
            # "GCC" by "Dubai", "ARM Cortex-M" by "Cortex-M7", "NDPS register" by "narcotic drugs register"
            and not shown_otherwise(spellings[0], phrase, cv.names)
            and not taxonomy_names(cv, spellings[0])
            # a term of art the CV describes in plain words ("fetal heart monitoring traces" for CTG)
            and not (semantic.met and glossed_term(spellings[0], phrase))
        ]
        other_grade = _other_grade(cv, phrase, named, absent)
        if other_grade is not None:
            return Evidence(False, semantic.strength * 0.5, semantic.cv_text, "name", 0.8, other_grade, exact=True)
        followed = (
            _work_to_standard(cv, phrase, absent)
            or _name_beside_description(cv, phrase, absent)
            or _work_on_kind(cv, phrase, absent)
        )
        if followed is not None:
            return followed
        codes_absent = any(char.isdigit() for name in absent for char in name)  # "IPAF 3b": the category decides
        if absent and len(named) >= 2 and len(absent) * 2 <= len(named) and semantic.met and not codes_absent:
            # "Flat roofing with GRP and EPDM": most of what it names, and the rest of it by meaning
            return Evidence(True, 0.8, semantic.cv_text, "name", 0.55, f"the CV does not name {', '.join(absent)}")
        if absent:
            return Evidence(
                False,
                semantic.strength * 0.5,
                semantic.cv_text,
                "name",
                0.85,
                f"the CV does not name {', '.join(absent)}",
                exact=any(_names_product(phrase, name) for name in absent),  # "HubSpot" is not "Salesforce"
            )
        spelled = [spellings[0] for spellings in named]
        shown = semantic.cv_text if semantic.met else _sentence_naming_tokens(cv, spelled)
        return _credential_check(cv, phrase, Evidence(True, 1.0, shown, "name", 0.85), spelled)
    if levels:
        return Evidence(
            False,
            semantic.strength * 0.5,
            semantic.cv_text,
            "level",
            0.7,
            f"no Level {levels[0].level} qualification of this kind in the CV",
        )
    return _credential_check(cv, phrase, semantic)


_TO_STANDARD: Final = re.compile(
    r"^(?P<work>.+?)\s+(?:to|as per|per|in line with|in accordance with|according to|compliant with|under)\s+"
    r"(?P<standard>.+)$",
    re.IGNORECASE,
)


def _other_grade(cv: CvView, phrase: str, named: Sequence[tuple[str, ...]], absent: Sequence[str]) -> str | None:
    """ "PRINCE2 Practitioner" against "PRINCE2 Foundation": the capitalised word after a code with a digit
    says which grade of it; the CV naming the code with another grade is a gap."""
    for spellings in named:
        code = spellings[0]
        if code in absent or not any(char.isdigit() for char in code):
            continue
        grade = re.search(rf"(?<![\w-]){re.escape(code)}\s+([A-Z][a-z]+)\b", phrase)
        if grade is None or cv.names.names(grade.group(1)):
            continue
        held = re.search(rf"(?<![\w-]){re.escape(code)}\s+([A-Z][a-z]+)\b", cv.text)
        if held is not None:
            return f"{code} {grade.group(1)} asked; the CV shows {code} {held.group(1)}"
    return None


_STANDARD_WORDS: Final = re.compile(
    r"\d|\b(?:standards?|regulations?|guidelines?|guidance|code|codes|specifications?|requirements|framework)\b",
    re.IGNORECASE,
)


def _work_to_standard(cv: CvView, phrase: str, absent: Sequence[str]) -> Evidence | None:
    """ "Decontamination and cross-infection control to HTM 01-05": the names say which rules the work
    follows; a CV that shows the work itself in other words shows it, less surely, without the code."""
    found = _TO_STANDARD.match(phrase)
    if not absent or found is None or len(content_words(found.group("work"))) < 2:
        return None
    if not all(name.lower() in found.group("standard").lower() for name in absent):
        return None
    if not _STANDARD_WORDS.search(found.group("standard")):
        return None  # "Upload data to Salesforce": a tool the work goes into, not rules it follows
    if exact.named_tokens(found.group("work")):
        return None  # the work names a product of its own ("Payroll in Sage to month end")
    work = found.group("work")
    vectors = encode([work])
    shown = meaning_evidence(cv, work, vectors.row(0) if vectors is not None else None)
    if not shown.met:
        return None
    return Evidence(True, 0.8, shown.cv_text, "meaning", 0.5, f"the CV does not name {', '.join(absent)}")


# share of the rest of the ask's content stems one CV clause must hold when initials say which kind of thing the work
# is on: a third (the seen pool, session 24: 29 asks the writers called shown against 3 gaps at this bar)
_KIND_WORK_SHARE: Final = 0.34


def _work_on_kind(cv: CvView, phrase: str, absent: Sequence[str]) -> Evidence | None:
    """ "Handle ASD tugs in ship-assist and berthing operations" against "Command of Z-peller tugs, ship assist for
    container ships": the initials say which kind of tug, and a CV clause that does the same work on the thing
    shows it, less surely, without them; the learned head decides. A product is never shown this way."""
    if len(absent) != 1 or _names_product(phrase, absent[0]):
        return None
    rest = initials_as_kind(absent[0], phrase)
    if rest is None:
        return None
    stems = set(content_stems(rest))
    shares = [len(stems & clause) / len(stems) for clause in cv.stems] if stems else []
    if not shares or max(shares) < _KIND_WORK_SHARE:
        return None
    shown = cv.clauses[shares.index(max(shares))].sentence
    return Evidence(True, 0.8, shown, "meaning", 0.5, f"the CV does not name {absent[0]}")


def _degree_one_way(alternatives: Sequence[str]) -> bool:
    """ "Master Mariner (Class 1 CoC) or Marine Engineer, or a degree in Naval Architecture": a degree offered after
    other ways of meeting the ask, as a thing of its own ("or a degree", not the subject list of "a degree in Physics
    or Chemistry"), is one way of several; the CV meets the ask by any of them, which the degree check cannot say."""
    first = next(
        (index for index, each in enumerate(alternatives) if credentials.degree_asked([each]) is not None), None
    )
    return bool(first) and bool(_A_DEGREE.match(alternatives[first or 0]))


_A_DEGREE: Final = re.compile(r"an?\s+(?:[\w-]+\s+)?(?:degree|bachelor)", re.IGNORECASE)
_OTHER_WAY: Final = re.compile(
    r"\bexperience\b[^()]*?,?\s+or\s+(?:an?\s+)?diploma\b|\bdiploma\b[^()]*\bor\s+(?:\w+\s+)?experience\b", re.I
)
_OR_EQUIVALENT: Final = re.compile(r"\bor\s+(?:an?\s+)?(?:equivalent|similar|comparable)\b", re.IGNORECASE)
_AWARD_WORDS: Final = re.compile(
    r"\b(?:certificate|certified|diploma|degree|apprenticeship|licen[cs]e|licensed|qualified|qualification|nvq"
    r"|level\s+\d|registered|accredited|accreditation)\b",
    re.IGNORECASE,
)


def _equivalent_shown(cv: CvView, phrase: str) -> Evidence | None:
    """ "Qualified plumber (QQI Level 6 Advanced Certificate or equivalent)": the named award is one way to
    be qualified; a CV that shows the trade and some award of its own shows it."""
    plain = " ".join(PARENS.sub(" ", phrase).split())
    plain = re.sub(r"\b(?:level|lvl)\s*\d\b", " ", plain, flags=re.IGNORECASE)
    plain = " ".join(word for word in plain.split() if not exact.named_tokens(word, phrase))
    if len(content_words(plain)) < 1 or not _AWARD_WORDS.search(cv.text):
        return None
    vectors = encode([plain])
    shown = meaning_evidence(cv, plain, vectors.row(0) if vectors is not None else None)
    if not shown.met:
        return None
    # the job itself accepts another award: a CV award in the trade settles it, the learned head does not reopen it
    return Evidence(True, 0.8, shown.cv_text, "meaning", 0.55, "an equivalent award is accepted", exact=True)


def _is_product(name: str) -> bool:
    """A product by its spelling (CamelCase, "HubSpot") or because the taxonomy files it as one."""
    if any(char.isupper() for char in name[1:]) and not name.isupper():
        return True
    return exact.taxonomy_product(name)


def _names_product(phrase: str, name: str) -> bool:
    """A product by its spelling or the taxonomy, or a name before a kind of system ("Mews PMS")."""
    if _is_product(name):
        return True
    following = re.search(rf"(?<![\w-]){re.escape(name)}\s+([A-Za-z]+)", phrase)
    return following is not None and exact.is_kind_of_system(following.group(1))


def _name_beside_description(cv: CvView, phrase: str, absent: Sequence[str]) -> Evidence | None:
    """ "Delivering Bookbug and rhyme-time sessions for under-5s", "Aistear and play-based learning": a
    name put beside the plain words for what it is; a CV that shows the plain words shows it, less surely."""
    if not absent or any(_is_product(name) for name in absent):
        return None  # "Xero and cloud accounting for small firms": a product is never shown by a description
    sides = re.split(r"\s+(?:and|&)\s+", phrase, maxsplit=1)
    if len(sides) != 2:
        return None
    for named_side, plain in (sides, sides[::-1]):
        if not all(name.lower() in named_side.lower() for name in absent) or exact.named_tokens(plain):
            continue
        rest = named_side
        for name in absent:
            rest = re.sub(re.escape(name), " ", rest, flags=re.IGNORECASE)
        if len(content_words(rest)) > 1 or len(content_words(plain)) < 2:
            continue  # "early reading using Read Write Inc": the name is how the work is done, not beside it
        vectors = encode([plain])
        shown = meaning_evidence(cv, plain, vectors.row(0) if vectors is not None else None)
        if shown.met:
            return Evidence(True, 0.7, shown.cv_text, "meaning", 0.5, f"the CV does not name {', '.join(absent)}")
    return None


_COMPUTER_LITERACY: Final = re.compile(
    r"^(?:basic\s+|good\s+)?(?:computer|it|ict|pc|digital)(?:\s+|-)(?:literate|literacy|skills?|savvy|proficiency|knowledge)$"
    r"|^(?:computer|it|ict|pc)$|^(?:use|using|use of)\s+(?:ict|computers|technology)\b",
    re.IGNORECASE,
)
_COMPUTER_WORDS: Final = re.compile(
    r"\b(?:computers?|software|systems?|spreadsheets?|databases?|e-?mails?|online|portal|apps?|excel|word|outlook"
    r"|pos|till|scanners?|tablets?|laptops?|projectors?|smartboards?)\b",
    re.IGNORECASE,
)


def _uses_computers(cv: CvView) -> bool:
    from nextround.analysis.skills import load_taxonomy

    taxonomy = load_taxonomy()
    return bool(_COMPUTER_WORDS.search(cv.text)) or any(taxonomy.is_technology(skill) for skill in cv.skill_ids)


def _part_named(cv: CvView, phrase: str, part: str) -> bool:
    """A word of a credential is in the CV, or spelled out there when the job writes it in capitals."""
    if cv.names.names(part) or cv.names.expands_to(part):
        return True
    written = re.search(rf"(?<![A-Za-z]){re.escape(part.upper())}(?![A-Za-z])", phrase)
    return written is not None and cv.names.names(part.upper())


def _credential_check(cv: CvView, phrase: str, semantic: Evidence, named: Sequence[str] = ()) -> Evidence:
    """A licence, card, certificate or membership is a named thing: the words that say which one
    ("Door Supervisor" licence, "Resolution" membership) must be in the CV, not just nearby meanings."""
    words = content_words(phrase)
    if not semantic.met or not words or words[-1].removesuffix("s") not in CREDENTIAL_HEADS:
        return semantic
    skip = GENERIC_WORDS | _STATUS_WORDS | {name.lower() for name in named}
    qualifiers = [word for word in words[:-1] if word not in skip]
    if not qualifiers:
        return semantic
    absent = [
        word
        for word in qualifiers
        # "EMT-Basic": each part of a hyphenated name may be named on its own
        if not all(_part_named(cv, phrase, part) for part in word.split("-") if part)
    ]
    # the word right after a code says which one ("608 Universal", "CSCS Black"): it must be there
    decisive = {
        found.group(1).lower()
        for name in named
        if any(char.isdigit() for char in name)  # "JIB Approved" describes; "608 Universal" says which
        for found in re.finditer(rf"(?<![\w-]){re.escape(name)}\s+([A-Za-z][\w-]*)", phrase)
    }
    decisive |= _COLOURS | _GRADE_WORDS  # "CSCS Black card", "Green Belt", "Master electrician": which grade
    if len(absent) * 2 <= len(qualifiers) and not decisive & set(absent):
        return semantic
    return Evidence(
        False,
        semantic.strength * 0.6,
        semantic.cv_text,
        "name",
        0.7,
        f"the CV does not name {' '.join(absent)}",
        # a trade grade is the point ("Master electrician licence" is not a journeyman's): an exact check, not left
        # to the learned decision; a colour may be the card's name ("White Card"), so it stays with the learned one
        exact=bool(_GRADE_WORDS & set(absent)),
    )


def _sentence_matching(cv: CvView, test: Callable[[str], bool]) -> str | None:
    return next((clause.sentence for clause in cv.clauses if test(clause.sentence)), None)


def _sentence_with_degree(cv: CvView) -> str | None:
    for clause in cv.clauses:
        if credentials.degree_level(clause.sentence) is not None:
            return clause.sentence
    return None


def _sentence_naming(cv: CvView, codes: set[str]) -> str | None:
    for clause in cv.clauses:
        if credentials.licence_categories(clause.sentence) & codes:
            return clause.sentence
    return None


def _sentence_naming_tokens(cv: CvView, tokens: Sequence[str]) -> str | None:
    lowered = [token.lower() for token in tokens]
    for clause in cv.clauses:
        if any(token in clause.sentence.lower() for token in lowered):
            return clause.sentence
    return None
