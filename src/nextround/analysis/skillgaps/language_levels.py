"""Language levels (CEFR) asked of a language and the levels the CV gives it: "Very good German (at least C1)"
against "German (B2, Goethe certificate)". Native or bilingual counts as C2."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from nextround.analysis.skillgaps.cues import cue_data

_LANGUAGES: Final = frozenset(
    ["english", "german", "french", "spanish", "italian", "portuguese", "dutch", "flemish", "swedish", "norwegian",
     "danish", "finnish", "icelandic", "estonian", "latvian", "lithuanian", "polish", "czech", "slovak", "slovene",
     "slovenian", "hungarian", "romanian", "bulgarian", "croatian", "serbian", "bosnian", "greek", "turkish",
     "russian", "ukrainian", "arabic", "hebrew", "persian", "farsi", "urdu", "hindi", "bengali", "punjabi",
     "chinese", "mandarin", "cantonese", "japanese", "korean", "thai", "vietnamese", "indonesian", "malay",
     "swahili", "kiswahili", "welsh", "irish", "catalan", "basque", "galician", "maltese", "luxembourgish",
     "albanian", "macedonian", "afrikaans", "tagalog", "filipino"],
)  # fmt: skip
# Languages as CVs written in another language name them (the language's own name and the names in French,
# Spanish, Portuguese, Italian, German, Dutch, Polish and the Nordic languages), by the English name
OTHER_NAMES: Final = {
    "english": ["anglais", "inglés", "ingles", "inglês", "inglese", "englisch", "engels", "angielski", "engelska",
                "engelsk", "englanti"],
    "french": ["français", "francais", "francés", "frances", "francês", "francese", "französisch", "frans",
               "francuski", "franska", "fransk", "ranska"],
    "spanish": ["español", "espanol", "castellano", "espagnol", "espanhol", "spagnolo", "spanisch", "spaans",
                "hiszpański", "spanska", "spansk", "espanja"],
    "portuguese": ["português", "portugues", "portugais", "portugués", "portoghese", "portugiesisch", "portugees",
                   "portugalski", "portugisiska", "portugisisk"],
    "italian": ["italiano", "italien", "italienisch", "italiaans", "włoski", "italienska", "italiensk"],
    "german": ["deutsch", "allemand", "alemán", "aleman", "alemão", "tedesco", "duits", "niemiecki", "tyska", "tysk",
               "saksa"],
    "dutch": ["nederlands", "néerlandais", "neerlandés", "holandês", "olandese", "niederländisch", "holenderski"],
    "arabic": ["arabe", "árabe", "arabo", "arabisch", "arabski", "arabiska", "arabisk", "العربية"],
    "russian": ["russe", "ruso", "russo", "russisch", "rosyjski", "ryska", "русский"],
    "chinese": ["chinois", "chino", "chinês", "cinese", "chinesisch", "chiński", "kinesiska", "中文"],
    "mandarin": ["mandarín", "mandarim", "mandarino"],
    "japanese": ["japonais", "japonés", "japonês", "giapponese", "japanisch", "japoński", "日本語"],
    "polish": ["polski", "polonais", "polaco", "polacco", "polnisch", "pools"],
    "swedish": ["svenska", "suédois", "sueco", "svedese", "schwedisch", "szwedzki", "ruotsi"],
    "norwegian": ["norsk", "norvégien", "noruego", "norueguês", "norvegese", "norwegisch"],
    "danish": ["dansk", "danois", "danés", "dinamarquês", "danese", "dänisch"],
    "finnish": ["suomi", "finnois", "finlandés", "finlandês", "finlandese", "finnisch", "finska"],
    "greek": ["ελληνικά", "grec", "griego", "grego", "greco", "griechisch"],
    "turkish": ["türkçe", "turc", "turco", "türkisch", "turecki"],
    "catalan": ["català", "catalán", "catalão", "catalano", "katalanisch"],
    "ukrainian": ["українська", "ukrainien", "ucraniano", "ucraino", "ukrainisch", "ukraiński"],
    "czech": ["čeština", "tchèque", "checo", "ceco", "tschechisch", "czeski"],
    "romanian": ["română", "roumain", "rumano", "romeno", "rumänisch", "rumuński"],
    "hungarian": ["magyar", "hongrois", "húngaro", "ungherese", "ungarisch", "węgierski"],
    "hindi": ["हिन्दी"],
    "vietnamese": ["tiếng việt", "vietnamien", "vietnamita"],
    "korean": ["한국어", "coréen", "coreano", "koreanisch", "koreański"],
    "swahili": ["kiswahili"],
}  # fmt: skip
_BY_OTHER_NAME: Final = {other: english for english, others in OTHER_NAMES.items() for other in others}


@lru_cache(maxsize=1)
def _cued() -> tuple[frozenset[str], dict[str, str], tuple[str, ...]]:
    """([languages] of the cue file) the languages named beyond the built-in list, their other names (each to its
    first name: "Kiswahili" is Swahili) and the endings of a German compound of knowing one ("Deutschkenntnisse")."""
    data = cue_data()["languages"]
    names = [entry.split("|") for entry in data["more"]]
    aliases = {alias: group[0] for group in names for alias in group[1:]}
    return frozenset(group[0] for group in names), aliases, tuple(data["compound_endings"])


def language_named(word: str) -> str | None:
    """The language a word names ("German", "Deutsch", "Deutschkenntnisse", "Kiswahili" as Swahili), else None. An
    English name counts only with a capital ("good english" in a sentence is not a Languages list's word)."""
    more, aliases, endings = _cued()
    lowered = word.lower()
    stems = [lowered] + [lowered[: -len(end)] for end in endings if lowered.endswith(end) and len(lowered) > len(end)]
    for stem in stems:
        if stem in _BY_OTHER_NAME:
            return _BY_OTHER_NAME[stem]
        if word[:1].isupper() and stem in aliases:
            return aliases[stem]
        if word[:1].isupper() and (stem in _LANGUAGES or stem in more):
            return stem
    return None


def _name_pattern(languages: Iterable[str]) -> str:
    """The names of some languages as a regular expression, a German compound's ending allowed after them."""
    endings = "|".join(re.escape(end) for end in _cued()[2])
    names = "|".join(re.escape(name) for language in languages for name in _names_of(language))
    return rf"(?:{names})(?:{endings})?"


@lru_cache(maxsize=1)
def _level_patterns() -> tuple[tuple[int, re.Pattern[str]], ...]:
    """How well a language is known, in words ([languages] levels of the cue file): 1 basic, 2 working, 3 good, 4
    fluent, 5 native (the CEFR's A, B1, B2, C1, C2), highest first."""
    levels = cue_data()["languages"]["levels"]
    return tuple(
        (int(step), re.compile(rf"(?<![\w-])(?:{'|'.join(words)})(?![\w-])", re.IGNORECASE))
        for step, words in sorted(levels.items(), reverse=True)
    )


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
        # a sentence's end cuts too: in "Native language: English (UK). German: C1" native is said of English
        cuts = [cut.replace("\0", ",") for cut in re.split(r"[,;|]|\s+-\s+|\s+–\s+|(?<=[\w)])\.\s+", masked)]
        for index, part in enumerate(cuts):
            following = cuts[index + 1] if index + 1 < len(cuts) else ""
            if re.search(r"\s-\s|\s–\s", masked) and _level_only(following) and _level(part) is None:
                part = f"{part} - {following.strip()}"  # "Spanish - B1 (DELE, 2024)": the level after a dash
            for word in re.findall(r"[^\W\d_]+", part):
                language = language_named(word)
                if language is not None:
                    parts.append((language, part))
    return parts


def keep_level_word(original: str, cleaned: str) -> str:
    """ "good Greek" stays "good Greek" when the lead-ins are cut from an ask: the level word is the ask's level."""
    if language_named(cleaned) is None:
        return cleaned
    if not original.endswith(cleaned):
        return cleaned
    before = original[: -len(cleaned)]
    first = min((found.start() for _, pattern in _level_patterns() for found in pattern.finditer(before)), default=None)
    return cleaned if first is None else original[first:].strip()


def _level_only(text: str) -> bool:
    """A cut that gives a level and names no language ("B1 (DELE, 2024)", "fluent")."""
    words = re.findall(r"[^\W\d_]+", text)
    names = any(language_named(word) is not None for word in words)
    return bool(text.strip()) and not names and _level(text) is not None


def language_level_short(phrase: str, cv: str) -> tuple[bool, str, str] | None:
    """A language asked at a CEFR level ("Very good German (at least C1)", "German at B2") against the levels the
    CV gives that language ("German (B2)", "German course ..., level B2 certificate"): (met, the language and
    level asked, the CV's part that says it). Native or bilingual counts as C2. None when the phrase asks no level
    of a language or the CV gives the language no level."""
    dialect = dialect_short(phrase, cv)
    if dialect is not None and not dialect[0]:
        return dialect  # a dialect the CV shows is then read as its language, at the level asked
    asked_levels = _CEFR.findall(phrase)
    languages = {language for language, _ in _language_parts(phrase)}
    if len(set(asked_levels)) != 1 or not languages:
        return None
    every = False  # "Spanish and English at C1": each language must reach the level, not one of them
    # the level goes with the language beside it: "German at C1 level and very good English" asks C1 of German
    parts = re.split(r"\s+and\s+|[,;]", phrase)
    for index, part in enumerate(parts):
        beside = {language for language, _ in _language_parts(part)}
        if _CEFR.search(part) and beside:
            languages = beside
            # "Spanish and English at C1 level", "Greek, Turkish and English (all B2)": the languages listed bare
            # before the level share it
            for before in reversed(parts[:index]):
                named = {language for language, _ in _language_parts(before)}
                if not named or not _bare(before, named):
                    break
                languages |= named
                every = True
            break
    else:
        if len(languages) > 1:
            return None
    asked = _CEFR_ORDER.index(asked_levels[0])
    best: dict[str, tuple[int, str]] = {}
    for language, part in _language_parts(cv):
        if language not in languages:
            continue
        held = [_CEFR_ORDER.index(level) for level in _CEFR.findall(part)]
        if _NATIVE.search(part):
            held.append(len(_CEFR_ORDER) - 1)
        if held and (language not in best or max(held) > best[language][0]):
            best[language] = (max(held), part.strip())
    if not best:
        return None
    short = [language for language in sorted(best) if best[language][0] < asked]
    # of several languages each asked, the one that falls short decides; of alternatives, the best held
    language = short[0] if every and short else max(sorted(best), key=lambda name: best[name][0])
    name = language.title() if every else "/".join(sorted(name.title() for name in languages))
    part = best[language][1]
    _, _, rest = part.partition(":")
    if rest and any(name in rest.lower() for name in languages):
        part = rest.strip()  # "Languages: Spanish (B1)" says it as "Spanish (B1)"; "Spanish: B1" stays whole
    return best[language][0] >= asked, f"{name} {asked_levels[0]}", part


def _bare(text: str, languages: set[str]) -> bool:
    """A piece of a list that only names its languages ("Spanish", "both Greek")."""
    rest = re.sub(rf"\b{_name_pattern(languages)}\b", " ", text, flags=re.IGNORECASE)
    return not re.sub(r"\b(?:both|fluent|spoken|written|in)\b|[^\w]", " ", rest, flags=re.IGNORECASE).strip()


# Dialects and spoken varieties a job may ask by name ("speak Darija with the team", "Swiss German"), each with its
# language: the standard written language ("arabe littéraire", "Modern Standard Arabic", "Hochdeutsch") does not
# meet them; a CV line that names the variety (or its country's adjective before the language) does
_DIALECTS: Final = (
    (
        "arabic",
        r"darija|derja|hassaniya|khaleeji|(?:moroccan|algerian|tunisian|egyptian|levantine|syrian|lebanese|palestinian"
        r"|jordanian|iraqi|gulf|emirati|saudi|sudanese|maghrebi|libyan|yemeni)\s+arabic",
    ),
    ("german", r"swiss\s+german|schweizerdeutsch|schwiizerd[üu]tsch|b[äa]rnd[üu]tsch|bavarian|alemannic"),
    ("chinese", r"hokkien|teochew|hakka|shanghainese|taishanese"),
)
_DIALECT_PATTERNS: Final = tuple(
    (language, re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)) for language, words in _DIALECTS
)
_STANDARD: Final = re.compile(
    r"\b(?:standard|modern standard|msa|fus[hḥ]a|fus'ha|classical|literary|litt[ée]raire|literario|literal"
    r"|hochdeutsch|high german|written only)\b",
    re.IGNORECASE,
)


def dialect_short(phrase: str, cv: str) -> tuple[bool, str, str] | None:
    """A dialect asked ("speak Darija with the team", "Swiss German") against the CV: met by a line that names it
    (the variety, or its region's adjective: "Moroccan Arabic"), not by the standard written language ("arabe
    littéraire (B1)", "Modern Standard Arabic"). None when the phrase asks no dialect or the CV names the language
    plainly ("Arabic (native)"), which says neither."""
    for language, pattern in _DIALECT_PATTERNS:
        asked = pattern.search(phrase)
        if asked is None:
            continue
        said = asked.group(0)
        region = said.split()[0] if len(said.split()) > 1 else said
        for line in cv.splitlines():
            if pattern.search(line) or (
                re.search(rf"(?<![\w-]){re.escape(region)}(?![\w-])", line, re.I)
                and any(name in line.lower() for name in _names_of(language))
            ):
                return True, said, line.strip()
        parts = [part for name, part in _language_parts(cv) if name == language]
        if parts and all(_STANDARD.search(part) for part in parts):
            return False, said, parts[0].strip()
        return None
    return None


_CEFR_STEP: Final = {"A1": 1, "A2": 1, "B1": 2, "B2": 3, "C1": 4, "C2": 5}
# what an ask wants, on the same steps: "fluent" is a confident working command (B2 and up), "spoken" working use
_ASKED_STEP: Final = {5: 3, 4: 3, 3: 2, 2: 2, 1: 1}
# the ask is about using the language, not a style named after it ("old Italian instruments", "the Dutch method")
_LANGUAGE_USE_WORDS: Final = re.compile(
    r"\b(?:speak\w*|spoken|writ\w*|read\w*|fluen\w*|bilingual|language|native|conversational|communicat\w*"
    r"|proficien\w*|command|working)\b",
    re.IGNORECASE,
)
_USE: Final = re.compile(r"\b(?:speak\w*|spoken|writ\w*|read\w*|communicat\w*|conversational)\b", re.IGNORECASE)
_NUMBERED: Final = re.compile(r"\blevel\s*(\d)\b", re.IGNORECASE)  # a scale's level: "Welsh (Level 4 - fluent)"
_ALSO_FINE: Final = re.compile(r"\b(?:or|also fine|also ok|acceptable|not needed|not required|helpful|a plus)\b", re.I)


def _level(text: str) -> int | None:
    cefr = [_CEFR_STEP[level.upper()] for level in re.findall(r"(?<![\w+-])([abcABC][12])(?![\w+-])", text)]
    if cefr:
        return max(cefr)  # "English (communicative, A2/B1)": the level it reaches
    levels = [level for level, pattern in _level_patterns() if pattern.search(text)]
    return max(levels) if levels else None


def _names_of(language: str) -> list[str]:
    aliases = [alias for alias, name in _cued()[1].items() if name == language]
    return [language, *OTHER_NAMES.get(language, ()), *aliases]


def _beside(text: str, language: str) -> str:
    """The words about one language in a text that may name several ("I teach in English and basic Spanish"):
    from a few words before its name to the next language's name."""
    lowered = text.lower()
    at = min((lowered.find(name) for name in _names_of(language) if name in lowered), default=-1)
    if at < 0:
        return ""
    before = re.split(r"\band\b|,|;|\)", lowered[max(0, at - 30) : at])[-1]
    after = lowered[at:]
    # "French - intermediate": a dash right after the name brings its level, not the next thing
    named = max((len(name) for name in _names_of(language) if after.startswith(name)), default=0)
    depth = 0
    for index, char in enumerate(after):  # to the first comma, semicolon or "and" outside brackets
        depth += (char == "(") - (char == ")")
        dash = after.startswith(" - ", index) and index != named
        if depth <= 0 and (char in ",;" or after.startswith(" and ", index) or dash):
            after = after[:index]
            break
    others = [
        after.find(name, 1)
        for other, names in ((key, _names_of(key)) for key in _LANGUAGES | set(OTHER_NAMES))
        if other != language
        for name in names
        if after.find(name, 1) > 0
    ]
    return before + after[: min(others, default=len(after))]


def language_words_short(phrase: str, cv: str) -> tuple[bool, str, str] | None:
    """A language asked in words ("Fluent German", "French spoken", "Bilingual French and English", "Arabic")
    against the level the CV gives it, in English or the CV's own language ("français (courant)", "arabe (bon
    niveau)", "Castellano"): (met, the language, the CV's part). Fluent is met from good (B2) up, spoken or working
    use from working (B1) up; a language the CV names with no level meets any ask. None when the phrase is not
    about using a language (a style: "old Italian instruments"), asks a CEFR level (``language_level_short``),
    offers other languages, or names one the CV does not (the name check reads that)."""
    dialect = dialect_short(phrase, cv)
    if dialect is not None and not dialect[0]:
        return dialect  # a dialect the CV shows is then read as its language, at the level asked
    asked = [language for language, _ in _language_parts(phrase)]
    if not asked or _CEFR.search(phrase):
        return None
    rest = re.sub(rf"\b{_name_pattern(asked)}\b", " ", phrase, flags=re.IGNORECASE)
    bare = not re.sub(r"\b(?:and|or|in|&)\b|[^\w]", " ", rest, flags=re.IGNORECASE).strip()
    # "Intermediate English", "good Greek": a level in words and the language, nothing else
    unleveled = rest
    for _, pattern in _level_patterns():
        unleveled = pattern.sub(" ", unleveled)
    bare = bare or not re.sub(r"\b(?:and|or|in|&|very|at|level)\b|[^\w]", " ", unleveled, flags=re.I).strip()
    if not bare and not _LANGUAGE_USE_WORDS.search(phrase):
        return None
    either = bool(_ALSO_FINE.search(phrase) or "/" in phrase)
    parts = _language_parts(cv)
    held = dict(reversed(parts))  # the first part naming each language, or the first that gives it a level:
    # a heading "Welsh" over "Good conversational Welsh (Level 3)" says nothing of the level
    held |= dict(reversed([(name, part) for name, part in parts if _level(_beside(part, name)) is not None]))
    verdicts: list[tuple[bool, str, str]] = []
    for language in dict.fromkeys(asked):
        if language not in held:
            if either:
                continue
            return None
        written = _level(_beside(phrase, language)) or _level(phrase)
        # with no level written, "French spoken" or "read and write Spanish" asks working use; a language alone, any
        wanted = _ASKED_STEP[written] if written is not None else 2 if _USE.search(phrase) else 1
        shown = _level(_beside(held[language], language))
        ok = shown is None or shown >= wanted
        numbered = [_NUMBERED.search(text) for text in (_beside(phrase, language) or phrase, held[language])]
        if numbered[0] and numbered[1]:
            ok = int(numbered[1].group(1)) >= int(numbered[0].group(1))  # "(Level 3)" is short of "Level 4"
        verdicts.append((ok, language.title(), held[language].strip()))
    if not verdicts:
        return None
    met = any(ok for ok, _, _ in verdicts) if either else all(ok for ok, _, _ in verdicts)
    said = next((verdict for verdict in verdicts if verdict[0] == met), verdicts[0])
    return met, said[1], said[2]


# -- a language the CV's Languages line leaves out -----------------------------------------------------------------


@lru_cache(maxsize=1)
def _open_ask() -> re.Pattern[str]:
    """An ask for any of a group, one the employer teaches, or a school subject ([languages] open_asks)."""
    words = sorted(cue_data()["languages"]["open_asks"], key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(word) for word in words)})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cv_headings() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The start of a CV's Languages line or heading, by the language it is written in ([languages] cv_headings)."""
    out = []
    for language, words in cue_data()["languages"]["cv_headings"].items():
        heading = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
        out.append((language, re.compile(rf"^\W*(?:{heading})\b\s*(?:[:\-–|]|$)", re.IGNORECASE)))
    return tuple(out)


def _languages_line(cv: str) -> tuple[str, str] | None:
    """The CV's Languages line ("Languages: Sinhala, English") or the first line under a Languages heading, when it
    names a language, with the language the heading is written in; None when the CV has none."""
    lines = [line.strip() for line in cv.splitlines()]
    for index, line in enumerate(lines):
        for language, heading in _cv_headings():
            found = heading.match(line)
            if found is None:
                continue
            rest = line[found.end() :].strip()
            following = [text for text in lines[index + 1 : index + 4] if text][:1]
            for text in ([rest] if rest else []) + following:
                if _language_parts(text):
                    return text, language
    return None


def _written_in(cv: str) -> str | None:
    """The language a CV is written in, by its commonest small words ([languages] written of the cue file)."""
    data = cue_data()["languages"]
    words = re.findall(r"[^\W\d_]+", cv.lower())
    counts = {language: sum(word in set(small) for word in words) for language, small in data["written"].items()}
    best = max(counts, key=lambda language: counts[language])
    return best if counts[best] >= data["written_min"] else None


def language_unlisted(phrase: str, cv: str) -> tuple[str, str] | None:
    """(the language asked, the CV's Languages line) when an ask to use a language ("Fluency in Tamil", "German at
    B2 level", "Verhandlungssichere Deutschkenntnisse") names one that a CV with a Languages line does not name
    anywhere ("Languages: Sinhala, English"): the list is where a CV says its languages, so one left out is not held.
    Of alternatives ("Finnish or English"), every one must be left out. None when the CV has no Languages line (it
    says nothing either way), names the language or a close one ([languages] kin), is written in it, or when the ask
    is open ("another Scandinavian language") or a school subject."""
    asked = list(dict.fromkeys(language for language, _ in _language_parts(phrase)))
    if not asked or _open_ask().search(phrase) or re.search(r"\b(?:or|and/or)\W*$", phrase, re.IGNORECASE):
        return None  # an open ask, or one whose alternatives were cut off ("Good German; French or")
    levelled = _CEFR.search(phrase) or any(pattern.search(phrase) for _, pattern in _level_patterns())
    rest = re.sub(rf"\b{_name_pattern(asked)}\b", " ", phrase, flags=re.IGNORECASE)
    bare = not re.sub(r"\b(?:and|or|in|&)\b|[^\w]", " ", rest, flags=re.IGNORECASE).strip()
    if not (bare or levelled or _LANGUAGE_USE_WORDS.search(phrase)):
        return None  # a style or a place named after a language ("the Dutch method"), not its use
    listed = _languages_line(cv)
    if listed is None:
        return None
    line, heading = listed
    held = {language for language, _ in _language_parts(cv)}
    kin = [set(group) for group in cue_data()["languages"]["kin"]]
    close = held | {name for group in kin if group & held for name in group}
    written = {heading, _written_in(cv)}
    either = bool(re.search(r"\bor\b|/", phrase, re.IGNORECASE))
    missing = [language for language in asked if language not in close and language not in written]
    if either and (len(missing) < len(asked) or written & set(asked)):
        return None
    if not missing or any(re.search(rf"\b{_name_pattern([language])}\b", cv, re.IGNORECASE) for language in missing):
        return None  # a language the CV writes somewhere, even in lower case, is not left out
    return " or ".join(name.title() for name in missing) if either else missing[0].title(), line
