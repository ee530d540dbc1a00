"""Language levels (CEFR) asked of a language and the levels the CV gives it: "Very good German (at least C1)"
against "German (B2, Goethe certificate)". Native or bilingual counts as C2."""

from __future__ import annotations

import re
from typing import Final

_LANGUAGES: Final = frozenset(
    ["english", "german", "french", "spanish", "italian", "portuguese", "dutch", "flemish", "swedish", "norwegian",
     "danish", "finnish", "icelandic", "estonian", "latvian", "lithuanian", "polish", "czech", "slovak", "slovene",
     "slovenian", "hungarian", "romanian", "bulgarian", "croatian", "serbian", "bosnian", "greek", "turkish",
     "russian", "ukrainian", "arabic", "hebrew", "persian", "farsi", "urdu", "hindi", "bengali", "punjabi",
     "chinese", "mandarin", "cantonese", "japanese", "korean", "thai", "vietnamese", "indonesian", "malay",
     "swahili", "kiswahili", "welsh", "irish", "catalan", "basque", "galician", "maltese", "luxembourgish",
     "albanian", "macedonian", "afrikaans", "tagalog", "filipino"],
)  # fmt: skip
_CEFR: Final = re.compile(r"(?<![\w+-])([ABC][12])(?![\w+-])")
_NATIVE: Final = re.compile(r"\b(?:native|mother tongue|first language|bilingual)\b", re.IGNORECASE)
_CEFR_ORDER: Final = ("A1", "A2", "B1", "B2", "C1", "C2")


def _language_parts(text: str) -> list[tuple[str, str]]:
    """(language, the part of a line that names it): lines cut at commas, semicolons and bars, so that
    "Hungarian (native), German (B2), English (C1)" gives each language its own part."""
    parts: list[tuple[str, str]] = []
    for line in text.splitlines():
        # cut outside brackets only: "German (B2, Goethe certificate 2025)" is one part
        depth, kept = 0, []
        for char in line:
            depth += (char == "(") - (char == ")")
            kept.append("\0" if char in ",;|" and depth > 0 else char)
        masked = "".join(kept)
        cuts = [cut.replace("\0", ",") for cut in re.split(r"[,;|]|\s+-\s+|\s+–\s+", masked)]
        for part in cuts:
            for word in re.findall(r"[A-Za-z]+", part):
                if word[0].isupper() and word.lower() in _LANGUAGES:
                    parts.append((word.lower(), part))
    return parts


def language_level_short(phrase: str, cv: str) -> tuple[bool, str, str] | None:
    """A language asked at a CEFR level ("Very good German (at least C1)", "German at B2") against the levels the
    CV gives that language ("German (B2)", "German course ..., level B2 certificate"): (met, the language and
    level asked, the CV's part that says it). Native or bilingual counts as C2. None when the phrase asks no level
    of a language or the CV gives the language no level."""
    asked_levels = _CEFR.findall(phrase)
    languages = {language for language, _ in _language_parts(phrase)}
    if len(set(asked_levels)) != 1 or not languages:
        return None
    # the level goes with the language beside it: "German at C1 level and very good English" asks C1 of German
    for part in re.split(r"\s+and\s+|[,;]", phrase):
        beside = {language for language, _ in _language_parts(part)}
        if _CEFR.search(part) and beside:
            languages = beside
            break
    else:
        if len(languages) > 1:
            return None
    asked = _CEFR_ORDER.index(asked_levels[0])
    best: tuple[int, str] | None = None
    for language, part in _language_parts(cv):
        if language not in languages:
            continue
        held = [_CEFR_ORDER.index(level) for level in _CEFR.findall(part)]
        if _NATIVE.search(part):
            held.append(len(_CEFR_ORDER) - 1)
        if held and (best is None or max(held) > best[0]):
            best = (max(held), part.strip())
    if best is None:
        return None
    name = "/".join(sorted(language.title() for language in languages))
    part = best[1]
    _, _, rest = part.partition(":")
    if rest and any(language in rest.lower() for language in languages):
        part = rest.strip()  # "Languages: Spanish (B1)" says it as "Spanish (B1)"; "Spanish: B1" stays whole
    return best[0] >= asked, f"{name} {asked_levels[0]}", part
