"""Another member of the family: the CV names the brand or the language family asked, but another of its products.

"Zoho CRM, Zoho Desk" against "Working knowledge of Zoho Creator", "Java MBO customisations" against "automation
scripts (Jython or JavaScript)": meaning reads the shared name as the thing shown; the word that says which member
("Creator", "Script") is the ask. Each member is another value of the same slot, like another type or version
(:mod:`variants`). The check says nothing when the CV names the member asked anywhere, when the ask or the CV names
only a suite ("Microsoft Office", "Adobe Creative Suite", which hold their members), or when the CV names no other
member at all.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

# words after a brand that name the whole line or a role, not one of its products
_SUITE: Final = frozenset(
    ["suite", "cloud", "office", "365", "platform", "workspace", "stack", "certified", "certification",
     "developer", "administrator", "admin", "consultant", "partner", "one", "products", "product", "tools", "apps",
     "services", "ecosystem", "technologies", "solutions", "systems", "software", "applications", "environment",
     "family", "portfolio", "tech", "specialist", "expert", "associate", "professional", "programs", "programmes",
     "package", "packages", "skills", "experience", "knowledge", "training", "course", "courses", "creative", "level",
     "class", "grade", "certificate", "licence", "license", "driver", "and", "or"],
)  # fmt: skip
_BRANDED: Final = re.compile(
    r"(?<![\w.-])(?=(?P<brand>[A-Z][A-Za-z0-9]{2,})\s+(?P<member>[A-Z][\w+#]*[\w+#]|[A-Z])(?![\w-])(?P<next>\s+\w+)?)"
)
_CAMEL: Final = re.compile(r"(?<![\w.-])(?P<head>[A-Z][a-z]{2,})(?P<rest>[A-Z][a-z]{3,})(?![\w-])")
_ALTERNATIVE: Final = re.compile(r"\bor\b|/")
_NAME: Final = re.compile(r"(?<![\w.-])[A-Z][\w+#.-]*[\w+#]")


@lru_cache(maxsize=1)
def _brands() -> frozenset[str]:
    """Names of product lines, lower case: the vendors of ``skill_aliases.toml`` and the first word of two or more
    technologies of the taxonomy (O*NET's "Zoho CRM" and "Zoho Books"), when it is not an everyday word ("Dental")."""
    from collections import Counter

    from nextround.analysis.skillgaps.borders import countries_in
    from nextround.analysis.skillgaps.exact import is_ordinary, vendors
    from nextround.analysis.skills import load_taxonomy

    taxonomy = load_taxonomy()
    first = Counter(
        name.split()[0]
        for skill_id, name in enumerate(taxonomy.names)
        if " " in name and taxonomy.is_technology(skill_id) and name[0].isupper()
    )
    lines = {
        word.lower() for word, count in first.items() if count >= 2 and not is_ordinary(word) and not countries_in(word)
    }
    return frozenset(lines | vendors())


def _is_technology(word: str) -> bool:
    """A language or a tool the taxonomy names by this word ("Java", "Type" is not)."""
    from nextround.analysis.skills import load_taxonomy

    taxonomy = load_taxonomy()
    skill_id = taxonomy.skill_id(word)
    return skill_id is not None and taxonomy.is_technology(skill_id)


def _writes(cv: str, word: str) -> bool:
    """The CV writes this name: in any case for a name ("zoho creator"), as a name for an everyday word ("Word",
    "Project", not "project")."""
    from nextround.analysis.skillgaps.exact import is_ordinary

    flags = 0 if is_ordinary(word) else re.IGNORECASE
    return re.search(rf"(?<![\w.-]){re.escape(word)}(?![\w-])", cv, flags) is not None


def _others_absent(phrase: str, cv: str, skip: set[str]) -> bool:
    """For an ask that offers alternatives ("Jython or JavaScript"), none of its other names is in the CV."""
    if not _ALTERNATIVE.search(phrase):
        return True
    return not any(_writes(cv, name) for name in _NAME.findall(phrase) if name not in skip)


def _members(brand: str, line: str) -> list[tuple[str, str]]:
    """The products a line names after the brand ("Zoho CRM", "Zoho Desk"), each with the word after it."""
    pattern = rf"(?<![\w.-]){re.escape(brand)}\s+([A-Z][\w+#]*[\w+#]|[A-Z])(?![\w-])(\s+\w+)?"
    return [
        (held.group(1), (held.group(2) or "").strip().lower())
        for held in re.finditer(pattern, line)
        if held.group(1).lower() not in _SUITE and (held.group(2) or "").strip().lower() not in _SUITE - {"and", "or"}
    ]


def _brand_member(phrase: str, cv: str) -> tuple[str, str] | None:
    """A product of a line ("Microsoft Project", "Zoho Creator") the CV never names, and another of that line it
    does ("Microsoft Word", "Zoho CRM"); a place or a school subject ("Lagos State", "English A") is no line."""
    for asked in _BRANDED.finditer(phrase):
        brand, member = asked.group("brand"), asked.group("member")
        following = (asked.group("next") or "").strip().lower()
        if member.lower() in _SUITE or following in _SUITE - {"and", "or"} or brand.lower() in _SUITE:
            continue
        if brand.lower() not in _brands():
            continue
        if _writes(cv, member):
            continue
        if not _others_absent(phrase, cv, {brand, member}):
            continue
        held = [(other, line) for line in cv.splitlines() for other, _ in _members(brand, line) if other != member]
        if not held:
            continue
        other, line = held[0]
        return f"{brand} {member} asked; the CV names {brand} {other}, another of its products", line.strip()
    return None


def _prefix_member(phrase: str, cv: str) -> tuple[str, str] | None:
    """A name and the name that extends it ("Java" and "JavaScript"): two languages, not one written short."""
    names = {found.group(0) for found in _NAME.finditer(phrase)}
    for line in cv.splitlines():
        for found in _CAMEL.finditer(line):
            # the ask's "Java", the CV's "JavaScript" only
            head = found.group("head")
            if head not in names or _writes(cv, head) or not (_is_technology(head) and _is_technology(found.group(0))):
                continue
            if _others_absent(phrase, cv, {head}):
                return f"{head} asked; the CV names {found.group(0)}, another language", line.strip()
    for asked in _CAMEL.finditer(phrase):
        # the ask's "JavaScript", the CV's "Java" only
        whole, head = asked.group(0), asked.group("head")
        if _writes(cv, whole) or not (_is_technology(head) and _is_technology(whole)):
            continue
        if not _others_absent(phrase, cv, {whole}):
            continue
        for line in cv.splitlines():
            if re.search(rf"(?<![\w.-]){re.escape(head)}(?![\w-])", line):
                return f"{whole} asked; the CV names {head}, another language", line.strip()
    return None


# words after a product that say how it is reached or run, not another product ("SharePoint Online", "REST APIs")
_DEPLOYED: Final = frozenset(
    ["online", "api", "apis", "server", "desktop", "web", "mobile", "basics", "fundamentals", "services", "client",
     "app", "apps", "integration", "integrations", "calls", "endpoints"],
)  # fmt: skip
_RUN: Final = re.compile(r"(?<![\w.-])([A-Z][\w+#]*)((?:\s+(?:[A-Z][\w+#]*|\d\w*)){1,2})(?![\w-])")


def _base_product(phrase: str, cv: str) -> tuple[str, str] | None:
    """The ask names an edition of a product by the product's name and more ("AutoCAD Civil 3D", "Excel VBA", both
    technologies of the taxonomy, as "AutoCAD" and "Excel" are) and the CV writes only the product ("AutoCAD")."""
    for asked in _RUN.finditer(phrase):
        base, more = asked.group(1), asked.group(2).split()
        for size in range(len(more), 0, -1):
            whole = " ".join([base, *more[:size]])
            if not (_is_technology(whole) and _is_technology(base)) or more[0].lower() in _SUITE | _DEPLOYED:
                continue
            if _writes(cv, more[0]) or not _others_absent(phrase, cv, {base, *more[:size]}):
                break
            line = next((line for line in cv.splitlines() if _writes(line, base)), None)
            if line is not None:
                return f"{whole} asked; the CV names {base} only", line.strip()
            break
    return None


def member_short(phrase: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when the ask names one product of a family ("Zoho Creator", "JavaScript", "AutoCAD Civil
    3D") that the CV never writes, and the CV names another member of it ("Zoho CRM", "Java", "AutoCAD"); else
    None."""
    return _brand_member(phrase, cv) or _prefix_member(phrase, cv) or _base_product(phrase, cv)
