"""The layout of a job advertisement: bullets, Markdown headings, person-specification rows, sentences.

Nothing here decides what is asked; it says how the ad's lines are written, so that
:mod:`requirements` can tell a heading from a bullet and a sentence from an abbreviation's full stop.
"""

from __future__ import annotations

import re
from typing import Final

BULLET: Final = re.compile(
    r"^\s*(?:[-*•·▪●■◦–—+>»›‣⁃∙~✔✓☑➤►▶❖◆◇○→➢\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?|\d{1,2}[.)]|\(\d{1,2}\)"
    r"|[a-h][.)](?=\s)|\((?:[a-h]|i{1,3}|iv|vi{0,3}|ix|x)\)(?=\s)|(?:i{1,3}|iv|vi{0,3}|ix|x)[.)](?=\s))(?!\*)\s*"
)  # "-", "•", "»", "✅", "1.", "(2)", "a)", "(iv)", "iv."
BOLD: Final = re.compile(r"^\s*(?:\*\*|__)(?P<inner>.+?)(?:\*\*|__)\s*:?\s*$")
_SENTENCE: Final = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\x00])|;\s*")
# A full stop that ends an abbreviation, not a sentence: "B.Sc. (Agriculture)", "(e.g. 30%)", "min. 200 cows"
_ABBREVIATION: Final = re.compile(
    r"(?<![\w.])(?:e\.g|i\.e|approx|incl|min|max|nos?|esp|vs|dept|Dr|Mr|Mrs|Ms|St|[A-Za-z]{1,4}(?:\.[A-Za-z]{1,4})+)\.(?=\s)",
    re.IGNORECASE,
)


def sentences(line: str) -> list[str]:
    """A line's sentences, never cut inside brackets or after an abbreviation's full stop, so that
    "B.Sc. (Agriculture) or M.Sc." stays one ask and "(e.g. 30%)" stays whole."""
    masked, kept = mask_brackets(line)
    masked = _ABBREVIATION.sub(lambda found: found.group(0)[:-1] + "\x04", masked)
    parts = (unmask_brackets(part, kept).replace("\x04", ".") for part in _SENTENCE.split(masked))
    return [part for part in parts if part.strip()]


_PARENS: Final = re.compile(r"\([^)]*\)")


# A person specification marks each line essential or desirable: "(E)", "(D)", "- D", "| Desirable"
_SPEC_MARK: Final = re.compile(
    r"\s*(?:\((?P<bracket>E|D)\)|[-–|]\s*(?P<dash>E|D|essential|desirable)\s*(?:\|\s*)?)$", re.IGNORECASE
)
_SPEC_HEADER: Final = re.compile(r"\|\s*(?:essential\s*(?:/|or|and)\s*desirable|e\s*/\s*d)\s*\|?\s*$", re.IGNORECASE)


def person_spec_row(line: str, letters: bool = True) -> str:
    """ "Manual handling training | Essential" -> the line with "(essential)"; "(D)" and "- D" -> "(desirable)";
    the table's header row ("Criteria | Essential/Desirable") -> nothing. With `letters` false, a lone letter
    ("Dangerous Goods endorsement (D)") is not read as a mark: the licence's own letter."""
    if _SPEC_HEADER.search(line):
        return ""
    found = _SPEC_MARK.search(line)
    if found is None or (found.group("bracket") is None and found.group("dash") is None):
        return line
    mark = (found.group("bracket") or found.group("dash")).lower()
    if len(mark) == 1 and not letters:
        return line
    rest = line[: found.start()].rstrip(" |-–")
    if not rest.strip() or (len(mark) == 1 and found.group("dash") and " " not in rest.strip()):
        return line
    return f"{rest} ({'desirable' if mark.startswith('d') else 'essential'})"


def spec_letters(lines: list[str]) -> bool:
    """Whether the ad marks its lines with a person specification's letters: "(E)" or "(D)" (or "- E") ends two
    lines or more. One letter alone ends a licence's name ("Dangerous Goods endorsement (D)"), not a mark."""
    marked = 0
    for line in lines:
        found = _SPEC_MARK.search(line)
        if found is not None and len(found.group("bracket") or found.group("dash") or "") == 1:
            marked += 1
    return marked >= 2


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def spec_table(lines: list[str]) -> list[str]:
    """A person specification laid out as a table, a column each for essential and desirable ("Criteria | Essential |
    Desirable", then "Experience | Work with young people | Previous invigilation"): the header becomes a heading of
    requirements, each row's cells a bullet of its own, the desirable one marked so; "-" is an empty cell."""
    out: list[str] = []
    columns: dict[int, str] | None = None
    for line in lines:
        cells = _cells(line) if line.count("|") >= 2 else []
        kinds = {index: cell.lower() for index, cell in enumerate(cells) if cell.lower() in ("essential", "desirable")}
        if "essential" in kinds.values():
            columns = kinds
            out.append("Requirements:")
            continue
        if columns is None or not cells:
            columns = None
            out.append(line)
            continue
        if all(re.fullmatch(r":?-{2,}:?", cell) for cell in cells if cell):
            continue  # a Markdown table's rule
        for index, kind in columns.items():
            cell = cells[index] if index < len(cells) else ""
            if cell and not re.fullmatch(r"[-–—]|n/?a|none", cell, re.IGNORECASE):
                out.append(f"- {cell}" + (" (desirable)" if kind == "desirable" else ""))
    return out


def mask_brackets(phrase: str) -> tuple[str, list[str]]:
    """The phrase with each bracketed part replaced by a placeholder, so that commas, "and" and "or"
    inside brackets ("(BA, MA or DipSW)") do not cut it; `unmask_brackets` puts them back."""
    kept: list[str] = []

    def hold(found: re.Match[str]) -> str:
        kept.append(found.group(0))
        return f"\x00{len(kept) - 1}\x00"

    return _PARENS.sub(hold, phrase), kept


def unmask_brackets(text: str, kept: list[str]) -> str:
    return re.sub(r"\x00(\d+)\x00", lambda found: kept[int(found.group(1))], text)


# A job-board or public-service field that states an ask: "Education: ...", "Licence: ...", "Languages: ..."
_FIELD_HEAD: Final = re.compile(
    r"(?:minimum\s+|required\s+|essential\s+)?(?:education(?:al)?(?:\s+qualifications?)?|qualifications?|certifications?"
    r"|licen[cs]es?|languages?|experience|computer skills|technical skills|tools|registration"
    r"|academic qualifications?)",
    re.IGNORECASE,
)


def split_heading(line: str) -> tuple[str | None, str]:
    """("required", "rest") for "Essential: a full licence", or (None, line)."""
    head, colon, rest = line.partition(":")
    if not colon or len(head.split()) > 8:
        return None, line
    if _FIELD_HEAD.fullmatch(head.strip()) and rest.strip():
        return "required", rest.strip()  # "Education: Bachelor's degree ...", "Qualification : ITI"
    from nextround.analysis.skillgaps.wishes import section_of_heading

    return section_of_heading(head), rest.strip()


# "HACCP training is a must, and so is being able to lift 20kg", "X is essential, as is Y": Y is asked as X is
_AS_IS: Final = re.compile(r",?\s+(?:and\s+)?(?:so|as)\s+(?:is|are|would be|will be)\s+(?=\w)", re.IGNORECASE)
# "You'll travel to venues across the district, so a full driving licence is required": a reason, then the ask
# "You'll need a full licence, and an F endorsement is handy": a wish of its own after an ask
_AND_WISH: Final = re.compile(
    r",\s+and\s+(?=[^,]{1,50}?\s+(?:is|are|would be|will be)\s+(?:really\s+|very\s+)?(?:handy|useful|a plus|an? "
    r"(?:added\s+)?(?:plus|advantage|bonus|asset)|desirable|preferred|welcome)\b)",
    re.IGNORECASE,
)
_SO: Final = re.compile(r",\s+so\s+(?!(?:that|far|much|many|long)\b)", re.IGNORECASE)


def clauses(sentence: str, asks: re.Pattern[str]) -> list[tuple[str, bool]]:
    """A sentence cut where a second ask borrows the first one's verb ("..., as is a second language"), each
    clause with whether it is asked as the one before it; and where a reason comes before the ask
    ("..., so a full driving licence is required"), when `asks` finds a cue in the part after "so"."""
    masked, kept = mask_brackets(sentence)
    out: list[tuple[str, bool]] = []
    for part in _SO.split(masked):
        out.extend((piece, False) for piece in _AND_WISH.split(part))
    if len(out) > 1 and not all(asks.search(part) for part, _ in out[1:]):
        out = [(piece, False) for piece in _AND_WISH.split(masked)]
    cut: list[tuple[str, bool]] = []
    for part, _ in out:
        pieces = _AS_IS.split(part)
        cut.append((pieces[0], False))
        cut.extend((piece, True) for piece in pieces[1:])
    return [(unmask_brackets(part, kept).strip(" ,"), borrowed) for part, borrowed in cut if part.strip(" ,")]


# A person specification's criterion code before its text: "E4 Able to communicate ...", "D2. Knowledge of ...",
# "(E1) ...", "A3: ...". A letter (or two) and a number, then the criterion in words.
_CRITERION_CODE: Final = re.compile(
    r"^(?P<lead>\s*(?:[-*•·]\s*)?)\(?(?P<letter>[A-Z]{1,2})\.?\s?(?P<number>\d{1,2})\)?[.:)]?\s+(?=\S)"
)
# The ad's key to its codes: "Essential criteria (E)", "desirable (D)", "D = desirable", "E: essential"
_CODE_KEY: Final = re.compile(
    r"\b(?P<word>essential|desirable|required|preferred)\b(?:\s+\w+){0,2}?\s*(?:\((?P<after>[A-Z])\)|[=:-]\s*(?P<eq>[A-Z])\b)"
    r"|\b(?P<letter>[A-Z])\s*(?:=|:|-)\s*(?P<word2>essential|desirable|required|preferred)\b",
    re.IGNORECASE,
)
_WISH_WORDS: Final = frozenset(["desirable", "preferred"])


def criteria_codes(lines: list[str]) -> list[str]:
    """The lines with a person specification's criterion codes taken off ("E4 Able to ..." -> "Able to ...").

    Codes are read as codes only when the ad numbers several criteria with them (three lines or more, one letter
    with two numbers or more), so that a lone "C1 licence" or "B2 English" keeps its code. A criterion whose
    letter the ad's key makes desirable ("desirable (D)") is marked "(desirable)"; without a key, the letters E
    and D together are read as essential and desirable."""
    coded = [(index, found) for index, line in enumerate(lines) if (found := _CRITERION_CODE.match(line))]
    by_letter: dict[str, set[str]] = {}
    for _, found in coded:
        by_letter.setdefault(found.group("letter"), set()).add(found.group("number"))
    if len(coded) < 3 or not any(len(numbers) >= 2 for numbers in by_letter.values()):
        return lines
    wishes: set[str] = set()
    keyed = False
    for line in lines:
        for key in _CODE_KEY.finditer(line):
            letter = key.group("after") or key.group("eq") or key.group("letter")
            word = (key.group("word") or key.group("word2") or "").lower()
            if letter and letter.isupper():
                keyed = True
                if word in _WISH_WORDS:
                    wishes.add(letter)
    if not keyed and set(by_letter) == {"E", "D"}:
        wishes = {"D"}
    out = [
        ""
        if _CODE_KEY.search(line) and re.search(r"\bcriteri", line, re.IGNORECASE) and not _CRITERION_CODE.match(line)
        else line
        for line in lines
    ]  # "Essential criteria (E) are those the post cannot be done without": the key, not a criterion
    for index, found in coded:
        rest = out[index][found.end() :].rstrip()
        if not rest or not rest[0].isalpha():
            continue
        wish = found.group("letter") in wishes and "desirable" not in rest.lower()
        out[index] = found.group("lead") + rest + (" (desirable)" if wish else "")
    return out
