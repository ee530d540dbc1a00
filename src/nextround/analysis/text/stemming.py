"""One light, deterministic English stemmer for every analyser.

Tuned for job text: manage/managed/managing/management/manager share one stem, UK and US spellings meet
("organise"/"organize", "colour"/"color"), and technical names stay as written ("c++", "node.js").
`scripts/build_taxonomy.py` stems the skill index with this same function, so build and run time agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Final

__all__ = ["stem"]

_VERSION_SUFFIX_RE: Final = re.compile(r"([a-z]{3,})\d{1,2}")

# Irregular forms, mapped to a base form that is then stemmed like any other word.
_IRREGULAR: Final[Mapping[str, str]] = {
    "led": "lead",
    "built": "build",
    "taught": "teach",
    "wrote": "write",
    "written": "write",
    "drove": "drive",
    "driven": "drive",
    "ran": "run",
    "rang": "ring",
    "rung": "ring",
    "sold": "sell",
    "made": "make",
    "spoke": "speak",
    "spoken": "speak",
    "held": "hold",
    "kept": "keep",
    "met": "meet",
    "bought": "buy",
    "brought": "bring",
    "thought": "think",
    "won": "win",
    "began": "begin",
    "begun": "begin",
    "grew": "grow",
    "grown": "grow",
    "gave": "give",
    "given": "give",
    "took": "take",
    "taken": "take",
    "dealt": "deal",
    "fed": "feed",
    "oversaw": "oversee",
    "overseen": "oversee",
    "undertook": "undertake",
    "undertaken": "undertake",
    "understood": "understand",
    "chose": "choose",
    "chosen": "choose",
    "drew": "draw",
    "drawn": "draw",
    "children": "child",
    "people": "person",
    "men": "man",
    "women": "woman",
    "feet": "foot",
    "teeth": "tooth",
    "analyses": "analysis",
    "criteria": "criterion",
    "using": "use",
    "used": "use",
    "uses": "use",
    "user": "user",
    "users": "user",
    "service": "serve",
    "services": "serve",
    "serviced": "serve",
    "servicing": "serve",
    "compliance": "comply",
    "compliant": "comply",
    "reconciliation": "reconcile",
    "reconciliations": "reconcile",
    "delivery": "deliver",
    "deliveries": "deliver",
    "accuracy": "accurate",
    "hygienic": "hygiene",
    "sales": "sell",
    "leadership": "leadership",
    "joinery": "joinery",
    "marketing": "marketing",
    "organisational": "organisational",
    "organizational": "organisational",
    "marketer": "marketer",
    "marketers": "marketer",
    "branding": "branding",
    "organisation": "organisation",
    "organisations": "organisation",
    "organization": "organisation",
    "organizations": "organisation",
    "filing": "filing",
    "typing": "typing",
    "networking": "networking",
    "presenting": "presenting",
    "presented": "presenting",
    "presentation": "presentation",
    "presentations": "presentation",
    "pastry": "pastry",
    "pastries": "pastry",
    "accounting": "accounting",
    "accountancy": "accountancy",
    "accountant": "accountant",
    "accountants": "accountant",
    "projection": "projection",
    "projections": "projection",
    "willingness": "willing",
    "mentor": "mentor",
    "mentoring": "mentor",
    "mentored": "mentor",
    "mentors": "mentor",
    "news": "news",
    "goods": "goods",
    "data": "data",
    "media": "media",
    "species": "species",
    "series": "series",
    "physics": "physics",
    "logistics": "logistics",
    "analytics": "analytics",
    "statistics": "statistics",
    "ethics": "ethics",
    "economics": "economics",
    "mathematics": "mathematics",
    "nursery": "nursery",
    "evening": "evening",
    "evenings": "evening",
    "morning": "morning",
    "mornings": "morning",
    "nurseries": "nursery",
    "maths": "mathematics",
    "math": "mathematics",
    "lab": "laboratory",
    "labs": "laboratory",
}

# UK -> US spellings that stemming alone would not join (prefix rewrites, checked in order).
_SPELLING: Final[tuple[tuple[str, str], ...]] = (
    ("colour", "color"),
    ("labour", "labor"),
    ("behaviour", "behavior"),
    ("honour", "honor"),
    ("favour", "favor"),
    ("flavour", "flavor"),
    ("neighbour", "neighbor"),
    ("harbour", "harbor"),
    ("humour", "humor"),
    ("tumour", "tumor"),
    ("odour", "odor"),
    ("vapour", "vapor"),
    ("rumour", "rumor"),
    ("endeavour", "endeavor"),
    ("centre", "center"),
    ("theatre", "theater"),
    ("litre", "liter"),
    ("fibre", "fiber"),
    ("licence", "license"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("practis", "practic"),
    ("programme", "program"),  # only the whole word, see _respell
    ("catalogue", "catalog"),
    ("dialogue", "dialog"),
    ("analogue", "analog"),
    ("paediatr", "pediatr"),
    ("orthopaed", "orthoped"),
    ("anaesth", "anesth"),
    ("haem", "hem"),
    ("oesophag", "esophag"),
    ("oestr", "estr"),
    ("gynaecol", "gynecol"),
    ("foetus", "fetus"),
    ("manoeuvr", "maneuver"),
    ("aluminium", "aluminum"),
    ("jewellery", "jewelry"),
    ("mould", "mold"),
    ("ageing", "aging"),
    ("cheque", "check"),
    ("tyre", "tire"),
    ("grey", "gray"),
    ("judgement", "judgment"),
    ("acknowledgement", "acknowledgment"),
    ("enrolment", "enrollment"),
    ("fulfilment", "fulfillment"),
)

# Words ending in -er/-or that are not "someone who does X" and must keep their ending.
_KEEP_AGENT_SUFFIX: Final = frozenset(
    [
        "customer",
        "water",
        "paper",
        "number",
        "order",
        "under",
        "other",
        "after",
        "over",
        "power",
        "partner",
        "matter",
        "letter",
        "better",
        "center",
        "member",
        "chapter",
        "corner",
        "border",
        "master",
        "minister",
        "register",
        "filter",
        "cluster",
        "container",
        "folder",
        "finger",
        "ledger",
        "tender",
        "charter",
        "character",
        "quarter",
        "poster",
        "banner",
        "theater",
        "counter",
        "cancer",
        "laser",
        "liver",
        "lever",
        "meter",
        "never",
        "ever",
        "however",
        "whether",
        "together",
        "rather",
        "silver",
        "timber",
        "rubber",
        "copper",
        "pepper",
        "butter",
        "flower",
        "shower",
        "tower",
        "summer",
        "winter",
        "oyster",
        "lobster",
        "plaster",
        "computer",
        "computers",
        "monster",
        "soldier",
        "powder",
        "ladder",
        "hammer",
        "cylinder",
        "calendar",
        "sensor",
        "motor",
        "floor",
        "door",
        "major",
        "minor",
        "error",
        "mirror",
        "factor",
        "vendor",
        "sponsor",
        "favor",
        "labor",
        "color",
        "honor",
        "tumor",
        "humor",
        "doctor",
        "mentor",
        "monitor",
        "sector",
        "tractor",
        "senior",
        "junior",
        "interior",
        "exterior",
        "anchor",
        "professor",
        "mayor",
        "author",
        "editor",
        "carer",
        "carers",
        "joiner",
        "fitter",
        "porter",
        "roofer",
    ]
)
_VOWELS: Final = frozenset("aeiouy")
# Words in -ly that are not adverbs.
_KEEP_LY: Final = frozenset(
    [
        "supply",
        "apply",
        "comply",
        "imply",
        "reply",
        "multiply",
        "family",
        "assembly",
        "anomaly",
        "italy",
        "july",
        "only",
        "early",
        "rally",
        "ally",
        "jelly",
        "belly",
        "bully",
        "holy",
        "fly",
        "monopoly",
        "lily",
        "ugly",
        "silly",
        "oily",
        "woolly",
        "curly",
        "jolly",
    ]
)


def _respell(word: str) -> str:
    if "iz" in word or "yz" in word:
        word = word.replace("iz", "is").replace("yz", "ys")  # organize -> organise
    for uk, us in _SPELLING:
        if word.startswith(uk):
            rest = word[len(uk) :]
            if uk == "programme" and rest not in ("", "s"):
                return word  # "programmer" is not a programme
            return us + rest
    return word


def _has_vowel(text: str) -> bool:
    return any(char in _VOWELS for char in text)


def _repair_after_strip(word: str) -> str:
    """Undo spelling changes an ending forced: "plann" -> "plan", "bak" -> "bake"."""
    if len(word) >= 3 and word[-1] == word[-2] and word[-1] not in "lsz" and word[-1] not in _VOWELS:
        return word[:-1]
    if (
        len(word) <= 4
        and len(word) >= 3
        and word[-1] not in _VOWELS
        and word[-1] not in "wxy"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    ):
        return word + "e"
    return word


def _strip_inflection(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")) and len(word) > 3:
        word = word[:-1]
        # "matches" -> "matche" -> "match"; "boxes" -> "box"
        if word.endswith(("che", "she", "xe", "sse", "zze")):
            word = word[:-1]
        return word
    for ending in ("ing", "ed"):
        if word.endswith(ending):
            base = word[: -len(ending)]
            if len(base) >= 3 and _has_vowel(base) and not (ending == "ed" and base.endswith("e")):
                if base.endswith("i") and ending == "ed":
                    base = base[:-1] + "y"
                return _repair_after_strip(base)
            return word
    return word


# Derivational endings, first match wins: (ending, replacement, shortest stem allowed).
_DERIVATIONS: Final[tuple[tuple[str, str, int], ...]] = (
    ("ification", "if", 3),
    ("ational", "", 3),
    ("ation", "", 3),
    ("ition", "", 4),
    ("ator", "", 3),
    ("ement", "", 4),
    ("ment", "", 4),
    ("ness", "", 3),
    ("ship", "", 3),
    ("ance", "", 4),
    ("ence", "", 4),
    ("ancy", "", 4),
    ("ency", "", 4),
    ("ant", "", 4),
    ("ist", "", 4),
    ("ion", "", 4),
    ("ate", "", 3),
    ("sis", "s", 3),
    ("er", "", 3),
    ("or", "", 4),
    ("ery", "", 3),
    ("ry", "", 4),
    ("y", "", 5),
)


def _strip_adverb(word: str) -> str:
    if word.endswith("ally") and len(word) >= 7:
        return word[:-2]  # "physically" -> "physical"
    if word.endswith("ly") and len(word) >= 6 and word not in _KEEP_LY:
        return word[:-2]
    return word


def _strip_derivation(word: str) -> str:
    for ending, replacement, shortest in _DERIVATIONS:
        if not word.endswith(ending):
            continue
        base = word[: -len(ending)]
        if len(base) < shortest or not _has_vowel(base):
            continue
        if ending in ("er", "or") and word in _KEEP_AGENT_SUFFIX:
            return word
        if ending in ("ment", "ement") and base.endswith("u"):  # document, instrument
            return word
        if ending == "y" and base[-1] in _VOWELS:
            return word
        if ending in ("y", "ry") and base.endswith(("al", "ic", "og", "ph")):
            # "technically", "biology", "photography": keep the discipline form
            return word
        base += replacement
        if ending in ("er", "ing", "ery"):
            base = _repair_after_strip(base)
        # "negotiating" -> "negotiat" here, so "-ate" verbs lose the "at" too
        if base.endswith("at") and len(base) >= 5 and ending not in ("ation", "ator", "ate"):
            base = base[:-2]
        return base
    if word.endswith("at") and len(word) >= 5:
        return word[:-2]
    return word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Light, deterministic stem of one token, shared by the index builder and the matcher."""
    lowered = word.lower().replace("’", "'")
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    lowered = lowered.strip("'")
    if lowered in _IRREGULAR:
        base = _IRREGULAR[lowered]
        return base if base == lowered else stem(base)
    if not lowered.isalpha():
        version = _VERSION_SUFFIX_RE.fullmatch(lowered)
        if version is None:
            return lowered  # c++, c#, node.js, s3, 24/7 pieces: keep as written
        lowered = version.group(1)  # html5 -> html, python3 -> python
        if lowered in _IRREGULAR:
            return stem(lowered)
    if len(lowered) <= 3:
        return lowered
    word_stem = _strip_derivation(_strip_adverb(_strip_inflection(_respell(lowered))))
    if word_stem.endswith("ell") and len(word_stem) >= 6:
        word_stem = word_stem[:-1]  # travell(ing) -> travel, counsell(or) -> counsel
    if word_stem.endswith("e") and len(word_stem) >= 5:
        word_stem = word_stem[:-1]
    if word_stem.endswith(("i", "y")) and len(word_stem) >= 6:
        word_stem = word_stem[:-1]  # "supply"/"supplies", "negotiat-i"
    return word_stem
