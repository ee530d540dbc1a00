"""School certificates asked with their subjects: "Grade 12 (Matric) with Mathematics or Physical Science", "GCSEs
including English and Maths at grade 4". When the CV lists the subjects of its school certificate, one asked ("or")
or each ("and") must be among them; Mathematical Literacy is not Mathematics. A school line that lists no subjects,
or an ask that names none, says nothing (the school-leaving check of :mod:`credentials` reads the level)."""

from __future__ import annotations

import re
from typing import Final

from nextround.analysis.skillgaps.credentials import SCHOOL_LEAVING as _SCHOOL_LEAVING

# A school certificate asked with its subjects ("Grade 12 (Matric) with Mathematics or Physical Science", "Leaving
# Certificate including Irish"): when the CV lists its school subjects, one asked ("or") or each ("and") must be there;
# Mathematical Literacy is not Mathematics
_SUBJECT_WORDS: Final = (
    r"math(?:ematic)?s?|math(?:ematical|s)?\s+literacy|(?:physical|life|natural|agricultural|computer|social|earth"
    r"|consumer)\s+sciences?|sciences?|physics|chemistry|biology|geography|history|accounting|accountancy|economics"
    r"|business\s+(?:studies|economics)|english|irish|welsh|french|german|spanish|afrikaans|isixhosa|isizulu|xhosa|zulu"
    r"|sesotho|setswana|sepedi|kiswahili|swahili|arabic|hindi|urdu|information\s+technology|ict|computer\s+studies"
    r"|engineering\s+graphics(?:\s+and\s+design)?|technical\s+drawing|design\s+and\s+technology|art|music"
    r"|religious\s+(?:studies|education)|tourism|hospitality\s+studies|agriculture|literature|statistics"
)
_SUBJECT: Final = re.compile(rf"(?<![\w-])(?:{_SUBJECT_WORDS})(?![\w-])", re.IGNORECASE)
_SUBJECTS_ASKED: Final = re.compile(
    r"\b(?:(?:with\s+)?(?:a\s+)?pass(?:es)?\s+in|with|including|incl\.?|in)\s+", re.IGNORECASE
)


def _subject_key(subject: str) -> str:
    """One spelling per subject: "Maths" and "Mathematics" are one; "Maths Literacy" and "Mathematical Literacy" one."""
    lowered = " ".join(subject.lower().split())
    if re.fullmatch(r"math(?:ematical|s)?\s+literacy", lowered):
        return "mathematical literacy"
    if re.fullmatch(r"math(?:ematic)?s?", lowered):
        return "mathematics"
    return re.sub(r"s$", "", lowered)


# school certificates that list subjects, beside the school-leaving levels: "National Senior Certificate", GCSEs
_SCHOOL_CERTIFICATE: Final = re.compile(
    r"\b(?:(?:national\s+)?senior\s+(?:school\s+)?certificate|nsc|gcses?|igcses?|a[- ]levels?|as[- ]levels?|kcse|kcpe"
    r"|wassce|waec|neco|spm|stpm|sslc|cxc|csec|leaving\s+certificate|baccalaur\w*|abitur)\b",
    re.IGNORECASE,
)
_GRADE_TAIL: Final = re.compile(
    r"\s+(?:at\s+)?(?:grades?|level|minimum|or\s+(?:equivalent|above|higher))\b.*$|\s*\d.*$", re.IGNORECASE
)


def _school_line(text: str) -> bool:
    return bool(_SCHOOL_LEAVING.search(text) or _SCHOOL_CERTIFICATE.search(text))


def school_subject_short(asked: str, cv: str) -> tuple[str, str] | None:
    """(the subjects asked, the CV's school line) when a school certificate is asked with subjects and the CV's school
    line lists subjects without the one asked ("or": none of them; "and": not all); None when the ask names no
    subject or the CV lists none."""
    if not _school_line(asked):
        return None
    bare = re.sub(r"\([^)]*\)", " ", asked)
    subjects, pieces = "", []
    for found in _SUBJECTS_ASKED.finditer(bare):
        subjects = _GRADE_TAIL.sub("", bare[found.end() :]).strip(" .;,")
        pieces = [piece.strip() for piece in re.split(r",|/|&|\bor\b|\band\b", subjects) if piece.strip()]
        if pieces and all(_SUBJECT.fullmatch(piece) for piece in pieces):
            break
    else:
        return None  # "with a good pass", "with 5 credits": not subjects
    either = bool(re.search(r"\bor\b|/", subjects))
    for line in cv.splitlines():
        if not _school_line(line):
            continue
        held = {_subject_key(subject.group(0)) for subject in _SUBJECT.finditer(_SCHOOL_LEAVING.sub(" ", line))}
        if len(held) < 2:
            continue  # a school line that lists no subjects says nothing of them
        wanted = [_subject_key(piece) for piece in pieces]
        met = any(key in held for key in wanted) if either else all(key in held for key in wanted)
        return None if met else (subjects, line.strip())
    return None
