"""Exact checks of names and dates, where exactness is the point and meaning would mislead (licences,
degrees and qualification levels are in :mod:`credentials`).

* Named things: products, registers, tickets and codes ("HubSpot", "GPhC", "CCN1", "ITPs") must be named
  in the CV, literally, by a known short form, or spelled out ("General Dental Council" for GDC);
  "HubSpot" is not "Salesforce", however close their vectors. What a requirement names is read here; what the CV
  names is asked of its index, :class:`NamedIndex` (:mod:`.named_index`).
* Years of experience: from the CV's dated roles.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from nextround.analysis.skillgaps.cues import load_cues
from nextround.analysis.skillgaps.held import not_held  # split off; callers have always found it here
from nextround.analysis.skillgaps.named_index import _JOINERS, _WORD, NamedIndex, capital_runs  # split off too

__all__ = ["NamedIndex", "capital_runs", "career_years", "named_tokens", "not_held"]

# -- named things -------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def compiled(source: str) -> re.Pattern[str]:
    """A pattern built from a phrase or a term, compiled once: the same ones recur across pairs and calls."""
    return re.compile(source)


@lru_cache(maxsize=1)
def _taxonomy_words() -> frozenset[str]:
    """Words written in lower case in the taxonomy's labels (ESCO skills are everyday words)."""
    from nextround.analysis.skills import load_taxonomy

    joined = "\n".join(load_taxonomy().names)
    return frozenset(word for word in re.findall(r"(?<![A-Za-z])[a-z]{2,}(?![A-Za-z])", joined))


def _is_word(lowered: str) -> bool:
    if lowered in _taxonomy_words():
        return True
    from nextround.analysis.embedding import EmbeddingUnavailable, load_model

    try:
        return load_model().is_word(lowered)
    except EmbeddingUnavailable:  # a broken install: the taxonomy words still answer
        return False


def is_ordinary(word: str) -> bool:
    """An everyday English word ("Recruiter", "Approved"), not a name ("Xero", "Workday")."""
    lowered = word.lower()
    if "-" in lowered:
        return all(is_ordinary(part) for part in lowered.split("-") if part)
    if _is_word(lowered):
        return True
    for suffix in ("s", "es", "ed", "d", "ing", "er", "ers", "ness", "ment", "al", "ian", "ians", "ist", "ists"):
        root = lowered[: -len(suffix)]
        if not lowered.endswith(suffix) or len(root) <= 2:
            continue
        if _is_word(root) or _is_word(root + "e") or (root[-1] == root[-2] and _is_word(root[:-1])):
            return True
    return False


@lru_cache(maxsize=1)
def vendors() -> frozenset[str]:
    """Company names in front of product names ("Adobe Illustrator"): a CV may leave them out."""
    import tomllib
    from importlib.resources import files

    aliases = tomllib.loads(files("nextround.data").joinpath("skill_aliases.toml").read_text(encoding="utf-8"))
    return frozenset(vendor.lower() for vendor in aliases["meta"]["vendors"])


def _is_name(core: str) -> str | None:
    """The spelling to look for when `core` names a thing, else None."""
    letters = re.sub(r"[^A-Za-z]", "", core)
    if not letters or core.lower() in load_cues().generic_names:
        return None
    plural_acronym = len(core) > 2 and core[:-1].isupper() and core.endswith("s")
    if plural_acronym:
        return core[:-1]
    if core.isupper() and len(letters) >= 2:
        return core
    if core[0].isalpha() and any(char.isdigit() for char in core):
        return core  # CCN1, G3, P11D; not "18th" or "£3m"
    if any(char.isupper() for char in core[1:]) and not core[0].isdigit():
        return core  # HubSpot, iTrent, GPhC
    if core[0].isupper() and not is_ordinary(core):
        return core
    return None


_LANGUAGE_USE: Final = frozenset(
    ["language", "languages", "speaker", "speakers", "speaking", "spoken", "written", "writing", "reading",
     "fluency", "fluent", "translation", "translator", "interpreting", "interpreter", "teaching", "teacher",
     "literature", "grammar", "native", "proficiency", "level", "skills", "communication", "medium", "sign"],
)  # fmt: skip


_NOT_NOUNS: Final = frozenset(
    ["through", "in", "to", "for", "with", "at", "on", "and", "or", "as", "across", "from", "by", "of", "is",
     "are", "a", "an", "the", "when", "where", "if", "both", "well", "only", "daily", "fluently"],
)  # fmt: skip


def _is_style(word: str, following: str) -> bool:
    """A capitalised word that the taxonomy lists as a skill of its own (a language: "Arabic") written
    before a lowercase word that is not about using the language ("Arabic mezze", not "Arabic speaker")."""
    if not following[:1].islower() or following.lower() in _LANGUAGE_USE or not word[1:].islower():
        return False
    if following.lower() in _NOT_NOUNS:
        return False  # "teach Irish through all classes": the language itself
    from nextround.analysis.skills import load_taxonomy

    taxonomy = load_taxonomy()
    skill_id = taxonomy.skill_id(word)
    return skill_id is not None and taxonomy.names[skill_id] == word and not taxonomy.is_technology(skill_id)


def _is_origin(word: str, following: str) -> bool:
    """A people's adjective ("Austrian", "Peruvian", "Balinese", "Cornish") before a lowercase word that is not about
    a language: where a style or an object comes from ("19th-century Austrian painting"), not a thing to name."""
    if not re.fullmatch(r"[A-Z][a-z]{3,}(?:ian|ean|ese|ish)", word) or not following[:1].islower():
        return False
    return following.lower() not in _LANGUAGE_USE and following.lower() not in _NOT_NOUNS


_VERSIONED: Final = re.compile(r"^\d{2,4}$")
_NUMBERED_KINDS: Final = frozenset(
    ["level", "grade", "class", "code", "category", "band", "unit", "section", "stage", "step", "part", "type",
     "tier", "phase", "module", "form", "year", "years", "room", "key", "week", "day", "page", "chapter", "cert",
     "certificate", "nvq", "zone", "route", "bus", "platform", "gate", "floor", "suite", "building", "block", "ward",
     "bay", "over", "under", "top", "fortune", "since", "from", "until", "to", "and", "the", "at", "min", "minimum"],
)  # fmt: skip
_KINDS_OF_SYSTEM: Final = frozenset(
    ["pms", "wms", "crm", "erp", "ats", "epos", "pos", "lms", "cms", "ehr", "emr", "epr", "hris", "tms", "cmms", "mrp",
     "dms", "bms"],
)  # fmt: skip
_STANDARD: Final = re.compile(r"\b(?:[A-Z]{2,4}\s+){1,3}(?P<number>\d{3,}(?:[-:.]\d+)*)")
_COURSE_CODE: Final = re.compile(r"(?<![\w£$€.,/-])(?P<code>\d{3,5})(?=\s+[A-Z])")
_OR_GROUP: Final = re.compile(r"\(([^()]*(?:\bor\b|/)[^()]*)\)")


def named_tokens(phrase: str, sentence: str = "") -> list[tuple[str, ...]]:
    """Things a phrase names, each as the spellings that count: acronyms, codes, product names
    ("HubSpot", "CCN1", "Xero"); a name inside a run of capitalised words also counts by the run's
    initials ("Social Work England" or "SWE")."""
    named: list[tuple[str, ...]] = []
    for standard in _STANDARD.finditer(phrase):
        named.append((standard.group("number"),))  # "BS EN ISO 9606-1": the number says which standard
    phrase = _STANDARD.sub(" ", phrase)
    for group in _OR_GROUP.finditer(phrase):
        # "(CapCut or Premiere Pro)": examples, any one of them names it
        inside = [spelling for forms in named_tokens(group.group(1)) for spelling in forms]
        if inside:
            named.append(tuple(inside))
    phrase = _OR_GROUP.sub(" ", phrase)
    for code in _COURSE_CODE.finditer(phrase):
        if not 1950 <= int(code.group("code")[:4]) <= 2099 or len(code.group("code")) != 4:
            named.append((code.group("code"),))  # "2391 Inspection and Testing", "Unit 301": a course code
    runs = capital_runs(phrase)
    for run in runs:
        # "using Read Write Inc.", "on Meta Ads Manager": everyday words written as a name mid-sentence
        words = [word for word in run if word.lower() not in _JOINERS]
        if len(words) >= 2 and all(is_ordinary(word) and not word.isupper() for word in words):
            text = " ".join(run)
            if compiled(rf"\b[a-z][\w'-]*\s+{re.escape(text)}").search(sentence or phrase) and not _is_skill_name(text):
                number = compiled(rf"{re.escape(text)}\s+(\d+)\b").search(phrase)
                initials = "".join(word[0] for word in words).upper() + (number.group(1) if number else "")
                whole = compiled(rf"\b([A-Z][a-z]+)\s+(with|to|at|by|from)\s+{re.escape(text)}").search(phrase)
                if whole:
                    # "Working with Children Check": the name starts before the small word (WWCC, WCC)
                    full = [whole.group(1), *words]
                    spelled = whole.group(1)[0] + whole.group(2)[0] + initials
                    named.append((whole.group(0), spelled.upper(), "".join(word[0] for word in full).upper()))
                    continue
                # a two-word name may be shown by its last word ("the curriculum" for National Curriculum)
                named.append((text, initials, *(words[1:] if len(words) == 2 else [])))
    found = _WORD.findall(phrase)
    for position, word in enumerate(found):
        core = re.sub(r"['’]s$", "", word).rstrip(".'")
        if re.fullmatch(r"(?i)(?:under|over|aged|age)-?\d{1,2}s?", core):
            continue  # "under-5s", "over-60s": an age group, not a name
        if "-" in core and not any(char.isdigit() for char in core):
            # "post-NYSC", "PLC-controlled": the name is the part written as one
            named.extend((part,) for part in core.split("-") if part and _is_name(part) and part.isupper())
            continue
        spelling = _is_name(core)
        following = found[position + 1] if position + 1 < len(found) else ""
        previous = found[position - 1] if position else ""
        if spelling is None and re.fullmatch(r"\d{1,2}[a-z]{1,2}", core) and (previous.isupper() or previous == "and"):
            spelling = core  # "IPAF 3a and 3b": the categories of a ticket
        if (
            spelling is None
            and core[:1].isupper()
            and core.lower() not in _NUMBERED_KINDS
            and _VERSIONED.match(following)
        ):
            spelling = core  # "Sage 50", "Office 365": an everyday word with a version is a product
        if spelling is not None and (_is_style(core, following) or _is_origin(core, following)):
            continue  # "Arabic mezze", "Austrian painting": an adjective of a people naming a style, not a thing
        if spelling is None and core[:1].isupper() and following.isupper() and following.lower() in _KINDS_OF_SYSTEM:
            spelling = core  # "Opera PMS": an everyday word naming the product of a kind of system
        if spelling is None:
            continue
        if core.lower() in vendors() and (following[:1].isupper() or following[:1].isdigit()):
            if following.isdigit():
                named.append((core, following))  # "Sage 50", "Microsoft 365": the maker or the number names it
            continue  # "Adobe Illustrator", "Microsoft 365": the product is enough; "SAP" alone is the product
        starts = position == 0 and len(found) > 1 and found[1][:1].islower() and core[1:].islower()
        if (
            starts
            and not taxonomy_product(core)
            and not compiled(rf"\b[a-z][\w'-]*[\s,:]+{re.escape(word)}\b").search(sentence)
        ):
            # "Reconcile customer accounts": a capital that only starts the phrase; but "Experience with
            # Wella colour" writes it with a capital in mid-sentence
            continue
        forms = [spelling]
        if core.isupper() and len(core) <= 3 and previous[:1].isupper() and previous.lower() not in _JOINERS:
            forms.append(previous + core)  # "Access NI" is written "AccessNI" too: one name, spaced or joined
        for run in runs if not core.isupper() else ():
            if core in run and len(run) >= 2:
                forms.append("".join(part[0] for part in run if part.lower() not in _JOINERS).upper())
        named.append(tuple(forms))
    seen = {forms[0].lower() for forms in named}
    for product in _products(phrase):
        if product.lower() not in seen and product.lower() not in load_cues().generic_names:
            named.append((product,))
    return named


_ACT: Final = re.compile(r"((?:[A-Z][\w']+\s+)+)Act\b")


def acts(phrase: str) -> list[str]:
    """Laws a phrase names, without their year ("Housing Act 1988" -> "Housing Act")."""
    return [" ".join(found.group(1).split()) + " Act" for found in _ACT.finditer(phrase)]


def is_kind_of_system(word: str) -> bool:
    """ "PMS", "WMS", "CRM": a kind of system whose products are named before it ("Mews PMS")."""
    return word.lower() in _KINDS_OF_SYSTEM


_KIND_OF_PRODUCT: Final = re.compile(r"\b(?:software|systems?|records|platforms?|tools)\b", re.IGNORECASE)


def taxonomy_product(name: str) -> bool:
    """The taxonomy files the name as a technology, or under a kind of product ("Xero" under accounting
    software, "Epic" under electronic health records); "Venepuncture", filed under phlebotomy, is a skill."""
    from nextround.analysis.skills import load_taxonomy

    taxonomy = load_taxonomy()
    skill_id = taxonomy.skill_id(name)
    if skill_id is None:
        return False
    return taxonomy.is_technology(skill_id) or bool(_KIND_OF_PRODUCT.search(taxonomy.names[skill_id]))


def _is_skill_name(text: str) -> bool:
    """The taxonomy reads the whole text as a skill, not a product ("Health and Safety", "Social Care")."""
    from nextround.analysis.skills import extract_skills, load_taxonomy

    taxonomy = load_taxonomy()
    return any(
        mention.text.lower() == text.lower() and not taxonomy.is_technology(taxonomy.skill_id(mention.skill) or -1)
        for mention in extract_skills(text)
    )


def _products(phrase: str) -> list[str]:
    """Products the taxonomy knows, written with a capital ("Python", "Microsoft Excel" -> "Excel")."""
    from nextround.analysis.skills import extract_skills, load_taxonomy

    taxonomy = load_taxonomy()
    found = []
    for mention in extract_skills(phrase):
        skill_id = taxonomy.skill_id(mention.skill)
        words = mention.text.split()
        if skill_id is None or not taxonomy.is_technology(skill_id) or not words or not words[-1][:1].isupper():
            continue
        if mention.text.lower() == mention.skill.lower() or len(words) == 1:
            found.append(words[-1])
    return found


# -- years --------------------------------------------------------------------------------------

_RANGE: Final = re.compile(
    r"(?:\bsince\s+(?:[A-Za-z]{3,9}\.?\s+)?(?P<since>(?:19|20)\d\d)\b)|"
    r"(?P<start>(?:19|20)\d\d)\s*(?:-|–|—|to|until|till)\s*(?:[A-Za-z]{3,9}\.?\s+|\d{1,2}\s*/\s*)?"
    r"(?:(?P<end>(?:19|20)\d\d)|(?P<short>\d\d)(?![\d/.:])|(?P<now>(?:(?:till|to|until)\s+)?(?:present|current|now|today|date"
    r"|ongoing)))"
    r"|(?P<onwards>(?:19|20)\d\d)\s+(?:onwards|on)\b",
    re.IGNORECASE,
)
# "Chef with 6 years' experience", "(2 yrs)": a span the CV states instead of dating it
_STATED: Final = re.compile(
    r"\b(?P<years>\d{1,2})\+?\s*(?:years?|yrs?)['’]?\s*(?:of\s+)?(?:experience|exp\b|\)|in\s|as\s|working)",
    re.IGNORECASE,
)


def dated_span(line: str) -> bool:
    """The line gives a span of years ("2019 - present", "June 2023 - March 2026", "since 2020")."""
    return _RANGE.search(line) is not None


def career_years(cv: str, reference_year: int | None = None) -> float | None:
    """Years covered by the CV's dated roles (overlaps counted once), or None without dates.

    "2019 - present" ends in `reference_year` (this year, passed by the caller), or in the CV's latest
    written year when that is later or no reference is given."""
    spans = []
    years = [int(year) for year in re.findall(r"\b(?:19|20)\d\d\b", cv)]
    latest = max([*years, reference_year or 0])
    for match in _RANGE.finditer(cv):
        begin = int(match.group("start") or match.group("since") or match.group("onwards"))  # "since 2019": to now
        if match.group("end"):
            end = int(match.group("end"))
        elif match.group("short"):
            end = begin // 100 * 100 + int(match.group("short"))  # "2020-24"
        else:
            end = max(latest, begin)
        if end >= begin:
            spans.append((begin, max(end, begin)))
    stated = max((float(found.group("years")) for found in _STATED.finditer(cv)), default=0.0)
    if not spans:
        return stated or None
    spans.sort()
    total, current_start, current_end = 0, spans[0][0], spans[0][1]
    for begin, end in spans[1:]:
        if begin > current_end:
            total += current_end - current_start
            current_start, current_end = begin, end
        else:
            current_end = max(current_end, end)
    total += current_end - current_start
    return max(float(max(total, 0)), stated)
