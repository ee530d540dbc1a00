"""Degrees and school-leaving levels, read exactly (moved out of :mod:`credentials` in session 20).

* Degrees: HNC 4, HND and associate degrees 5, bachelor 6, master 7, doctorate 8; "a degree or HNC" accepts
  the HNC, "Diploma or Bachelor in ..." accepts either award.
* School leaving: "High school diploma or GED", "Grade 12 (Matric)", "10+2" are met by the level or by anything
  only done after school (a college, a degree).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

# -- school leaving ---------------------------------------------------------------------------------

SCHOOL_LEAVING: Final = re.compile(
    r"\b(?:high school|secondary school|senior high|senior secondary|grade 12|matric(?:ulation)?|ged"
    r"|o[- ]levels?|class (?:10|12|x|xii)|higher secondary|1[02]th (?:pass|grade|standard)|10\+2|ssce|hsc|ssc"
    r"|school leaving|leaving cert\w*)"
    r"(?!\w)",
    re.IGNORECASE,
)
_AFTER_SCHOOL: Final = re.compile(
    r"\b(?:university|college|polytechnic|institute|tafe|diploma|certificate|cert\.?\s+(?:i{1,3}|iv)|nvq|btec"
    r"|apprenticeship|undergraduate|bachelor)\b",
    re.IGNORECASE,
)


def asks_school_leaving(phrase: str) -> bool:
    """A school-leaving level asked ("High school diploma or GED", "Grade 12 (Matric)", "10+2")."""
    return bool(SCHOOL_LEAVING.search(phrase)) and degree_asked([phrase]) is None


def school_leaving_shown(cv: str) -> bool:
    """The CV names a school-leaving level or something only done after school (a degree, a college)."""
    return bool(SCHOOL_LEAVING.search(cv) or _AFTER_SCHOOL.search(cv)) or degree_level(cv) is not None


# -- degrees ---------------------------------------------------------------------------------------

_DEGREES: Final = (
    (8, re.compile(r"\b(?:ph\.?d|doctorate|doctoral|dphil)(?!\w)", re.IGNORECASE)),
    (
        7,
        re.compile(
            r"\b(?:master'?s|masters? in (?-i:[A-Z])\w+"  # "Master in Finance", not "the master in charge"
            r"|master of (?:arts|science|business|engineering|education|laws|philosophy|public|social"
            r"|fine|nursing|research|commerce|technology)"
            # any subject with a capital ("Master of Art Conservation", "Master of Architecture"), not a role
            r"|master of (?!(?-i:Ceremonies|Arms|Works|Hounds|Foxhounds)\b)(?-i:[A-Z])\w+"
            r"|m\.?sc|m\.?eng|mba|m\.a\.|m\.s\.|llm|mres|mphil|pgce|m\.?com"
            r"|m\.?tech|mca|pgdm|m[aá]ster en|mestrado|maestr[ií]a|laurea magistrale|mlis)(?!\w)",
            re.IGNORECASE,
        ),
    ),
    (
        6,
        re.compile(
            r"\b(?:bachelor'?s?|b\.?sc|b\.?eng|b\.a\.|b\.s\.|ba|bs|llb|degree|graduate|b\.?comm?|b\.?tech|b\.e\.|bba|bca"
            # first degrees in the CV's own language: "Ingeniería en Mecatrónica", "Licenciatura en Contaduría", "Grado
            # en Biología" (Spain), "Bacharelado em Educação Física" (Brazil), "Laurea in Economia" (Italy)
            r"|ingenier[ií]a en|licenciatura|licenciad[oa] en|grado en|bacharelado|laurea"
            # an engineer's or public accountant's title is a first degree in Latin America ("Ingeniero Civil de
            # Minas", "Ingeniería Civil Eléctrica", "Contadora Pública"), as the ads that name it say (session 23)
            r"|ingenier[ií]a\s+civil|ingenier[oa]\s+(?:civil|industrial|comercial|de\s+ejecuci[oó]n)"
            r"|contador[a]?\s+p[uú]blic[oa])"
            r"(?!\w)",
            re.IGNORECASE,
        ),
    ),
    (5, re.compile(r"\b(?:hnd|foundation degree|associate'?s? degree|associate of \w+|diphe)(?!\w)", re.IGNORECASE)),
    # an Ordinary National Diploma (Nigeria, Ghana) is the two-year diploma below the HND: "OND/HND" accepts it; a
    # name and its initials are one award ("ND", "National Diploma"; "Higher National Certificate" the HNC)
    (4, re.compile(r"(?i:\bhnc\b|\bhigher national certificate\b|\bnational diploma\b)|\bO?ND\b")),
)
_DEGREE_ASKED: Final = re.compile(
    r"\b(?:degree|bachelor'?s?|master'?s|ph\.?d|doctorate|b\.?sc|m\.?sc|b\.?eng|m\.?eng|mba|hnd|hnc|graduate|b\.?com|m\.?com|b\.?tech|m\.?tech|(?-i:OND))(?!\w)",
    re.IGNORECASE,
)


_MICROSOFT: Final = (
    r"Word|Excel|Office|Outlook|PowerPoint|Power\s*Point|Project|Teams|Access|Visio|Dynamics|SQL|Windows|Publisher|"
    r"Paint|Navision|DOS|365|Azure|Exchange|SharePoint|Power\s*BI|Intune|Forms"
)
# Written in capitals, these are degrees ("MA (Hons) History", "BSN"); in lower case they are other words.
_DEGREES_IN_CAPITALS: Final = (
    (8, re.compile(r"\b(?:PharmD|Pharm\.D|DPT|EdD)\b")),
    # "MS Word", "MS-Office": Microsoft's initials before its product, no master's degree
    (7, re.compile(rf"\b(?:MA|MS(?![\s-]*(?:{_MICROSOFT}))|MSN|M\.?Pharm|M\.?Ed|MPH|MSW|MArch|MBBS|MD)\b")),
    (6, re.compile(r"\b(?:BA|BSN|B\.?Pharm|B\.?Ed|BDS|BVSc|B\.?Arch|BFA|BMus|BN|BPT|LLB)\b")),
    # Indonesia's first and second degrees before their subject ("S1 Budidaya Perairan", "S2 Manajemen")
    (7, re.compile(r"\bS2(?=\s+[A-Z][a-z])")),
    (6, re.compile(r"\bS1(?=\s+[A-Z][a-z])")),
    (5, re.compile(r"(?<![\w.])(?:A\.A\.S?|A\.S|AAS)\.?(?=\s|,|$)")),
)


_BELOW_DEGREE: Final = re.compile(
    r"\b(?:(?:foundation|associate'?s?)\s+degree|higher national diploma)\b", re.IGNORECASE
)


# "graduate" finishing a school, a diploma course or a program is no degree: "Senior High School graduate", "high
# school graduate", "Graduate of a two-year diploma program", "graduate of a vocational course"
_SCHOOL_GRADUATE: Final = re.compile(
    r"\b(?:(?:senior|junior)\s+)?(?:high|secondary|grade\s*12|k-12|vocational|technical|trade)\s+(?:school\s+)?graduates?\b"
    r"|\bgraduates?\s+(?:of|from)\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,4}?"
    r"(?:(?:senior\s+)?high school|secondary school|diploma|certificate|vocational|technical|tvet|tesda)\b"
    r"(?!\s+(?:degree|bachelor))"
    # "Graduate of an accredited massage therapy program", "of a recognized farrier school (8-week course)": the
    # program is the ask, whatever award it gives
    r"|\bgraduates?\s+(?:of|from)\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,5}?(?:program|programme|school)\b"
    r"(?!\s+(?:degree|bachelor))"
    # "Graduate of a Dental Assisting course", not of "any 4-year course in Nursing" (a degree's)
    r"|\bgraduates?\s+(?:of|from)\s+(?![\w\s'-]*?\b(?:4|four|5|five)[- ]years?\b)(?:an?\s+|the\s+)?"
    r"(?:[\w'-]+\s+){0,5}?course\b(?!\s+(?:degree|bachelor))",
    re.IGNORECASE,
)


def _without_school_graduate(text: str) -> str:
    return _SCHOOL_GRADUATE.sub(lambda found: re.sub(r"(?i)\bgraduates?\b", "leaver", found.group(0)), text)


def degree_level(text: str) -> int | None:
    """The highest degree a text names (RQF-like: HNC 4, HND 5, bachelor 6, master 7, doctorate 8)."""
    text = _without_school_graduate(text)
    if _BELOW_DEGREE.search(text):  # "an associate degree" is level 5, not a degree of level 6
        text = _BELOW_DEGREE.sub(" HND ", text)
    levels = [level for level, pattern in _DEGREES if pattern.search(text)]
    levels += [level for level, pattern in _DEGREES_IN_CAPITALS if pattern.search(text)]
    return max(levels) if levels else None


_AWARD_OR_DEGREE: Final = re.compile(
    r"\b(?:diploma|certificate|technician|apprenticeship)\s*(?:/|\bor\b)\s*(?:an?\s+)?(?:[\w-]+\s+)?"
    r"(?:bachelor'?s?|degree|b\.?\s?sc|b\.?\s?eng|b\.?\s?tech)\b"
    r"|\b(?:bachelor'?s?|degree|b\.?\s?sc|b\.?\s?eng|b\.?\s?tech)\s*(?:/|\bor\b)\s*(?:an?\s+)?(?:diploma|certificate)\b"
    # "Technical degree (Técnico) in electronics": a technician's award, below a university degree (session 23)
    r"|\btechnical\s+degree\b",
    re.IGNORECASE,
)
# awards below a degree, "técnico" and "título técnico" (a technician's diploma), "DAE" (a Diploma of Associate
# Engineering) among them
_OTHER_AWARD: Final = re.compile(
    r"\b(?:diploma|certificate|cert|nvq|apprenticeship|btec|t[eé]cnic[oa]|DAE|associate engineer(?:ing)?)\b",
    re.IGNORECASE,
)


def degree_asked(alternatives: Sequence[str]) -> int | None:
    """The lowest degree level a requirement accepts ("a degree or HNC" accepts an HNC), or None."""
    levels = []
    for alternative in alternatives:
        bare = _without_school_graduate(re.sub(r"\([^)]*\)", " ", alternative))
        if _OTHER_AWARD.search(bare) and not _DEGREE_ASKED.search(bare):
            return None  # "a B.Ed or a Diploma in Primary Teacher Education": a diploma is accepted too
        if _AWARD_OR_DEGREE.search(bare):
            return None  # "Diploma or Bachelor in Prosthetics", "Technician or engineering degree": either
        if _DEGREE_ASKED.search(bare):
            level = degree_level(bare)
            if level is not None:
                levels.append(level)
    return min(levels) if levels else None
