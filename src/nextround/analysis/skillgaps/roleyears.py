"""Years where a skill is shown: the dated roles whose block shows it, and the years a CV claims of it.

"3 years of penetration testing" is not met by a CV whose six years are three as a SOC analyst and one year
nine months as a penetration tester, even when its profile says "penetration testing". A role is its title,
its dates (on the same line or the line below: "Guitar Maker" over "March 2021 - present") and the lines
under it; the roles that show the ask (its words, leading people for an ask to lead, or a clause close in
meaning) add up their spans, months counted where the CV writes them. A CV's own claim counts too, both of
its figures: "6 years in leather tanning, 2 as supervisor" claims 6 years of leather tanning and 2 of
supervising. An ask of a qualified form ("independent", "managing", "as manager", "supervisory") counts only the roles
that show the qualifier.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps import exact
from nextround.analysis.skillgaps.askedkind import NOT_KIND, RANKS, claims_part, other_kind, other_trade, short_of
from nextround.analysis.skillgaps.credentials import DRIVING_LICENCE
from nextround.analysis.skillgaps.frames import _DATES
from nextround.analysis.skillgaps.stated_length import stated_months

_MONTHS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_BEFORE: Final = re.compile(r"\b([A-Za-z]{3,9})\.?\s*$")
_MONTH_NUMBER_BEFORE: Final = re.compile(r"\b(0?[1-9]|1[0-2])\s*/\s*$")
_BULLET: Final = re.compile(r"^\s*(?:[-*•·▪–]|\d{1,2}[.)])\s*")
_SECTION_HEADING: Final = re.compile(r"^[^\W\d][\w &/]{0,30}:?$")
_ABBREVIATED_END: Final = re.compile(r"(?:\b[A-Z][\w&]{0,3}|\w\.\w{1,3})\.$")  # "Ltd.", "Co.", "o.o.", "S.A."
_NUMBER_WORDS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip
_NUM: Final = r"(?:\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")"
# "6 years in leather tanning", "eight years' experience", "5+ yrs as a guitar maker"
# ... and "three (3) years", "5 (five) years": the number again in brackets
# ... and "two and a half years": half a year more
_CLAIM: Final = re.compile(
    rf"\b(?P<n>{_NUM})(?P<half>\s+and\s+a\s+half)?(?:\s*\((?:\d{{1,2}}|{'|'.join(_NUMBER_WORDS)})\))?\+?\s*"
    r"(?:years?|yrs?)\b['’]?",
    re.IGNORECASE,
)
# a claim broken down after a dash or a colon into parts with figures of their own: "ten years around tower cranes –
# seven on the ground as a dogger, and two and a half years in the seat"
_BREAKDOWN: Final = re.compile(rf"\s+[–—-]\s+|:\s+(?=(?:{_NUM})\b)", re.IGNORECASE)
_BREAKDOWN_PART: Final = re.compile(
    rf"(?:^|,\s*(?:and\s+)?|\s+and\s+)(?P<n>{_NUM})(?P<half>\s+and\s+a\s+half)?\b", re.IGNORECASE
)
# the second figure of a claim: ", 2 as supervisor", ", 3 of them on fuel tankers", "including 2 years as lead"
_SECOND: Final = re.compile(
    rf"(?:,|;|\(|\band\b|\bincluding\b|\bof which\b|\bwith\b)\s*(?:including\s+|the last\s+|the past\s+)?"
    rf"(?P<m>{_NUM})\+?(?:\s*(?:years?|yrs?)['’]?)?\s+(?:of them\s+|of those\s+|of which\s+)?"
    r"(?=(?:as|on|in|at|with|doing|running|leading|supervising|managing)\b)",
    re.IGNORECASE,
)


# seasons the CV lists: "2025 and 2026 seasons", "seasons 2023, 2024", "2024/25 and 2025/26 seasons"; each is a year
_YEAR_OR_WINTER: Final = r"(?:19|20)\d\d(?:/\d\d)?"
_LISTED_SEASONS: Final = re.compile(
    rf"\b{_YEAR_OR_WINTER}(?:\s*(?:,|and|&)\s*{_YEAR_OR_WINTER})*\s+seasons?\b"
    rf"|\bseasons?\s+{_YEAR_OR_WINTER}(?:\s*(?:,|and|&)\s*{_YEAR_OR_WINTER})*",
    re.IGNORECASE,
)
SEASONS_ASKED: Final = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six))\+?\s*(?:full\s+)?seasons?\b(?!\s*(?:19|20)\d\d)", re.IGNORECASE
)


# a table cell that is a date alone: "Mar 2025", "03/2025", "2018", "present"
_DATE_CELL: Final = re.compile(
    r"(?:(?:[A-Za-z]{3,9}\.?\s+|\d{1,2}\s*[/.]\s*)?(?:19|20)\d\d|present|current|now|to date|till date|ongoing)",
    re.IGNORECASE,
)


def table_row_dated(line: str) -> str:
    """A table row with its dates in two cells of their own ("| MV Thessaly | Chief Cook | Mar 2025 | Nov 2025 |",
    or tab-separated) written as one span ("Mar 2025 – Nov 2025"), so a sea-service or employment table gives
    dated roles; any other line as it is."""
    separator = "|" if line.count("|") >= 3 else "\t" if line.count("\t") >= 2 else None
    if separator is None:
        return line
    cells = [cell.strip() for cell in line.strip().strip("|").split(separator)]
    for index in range(len(cells) - 1):
        first, last = cells[index], cells[index + 1]
        if _DATE_CELL.fullmatch(first) and _DATE_CELL.fullmatch(last) and re.search(r"\d", first):
            joined = [*cells[:index], f"{first} – {last}", *cells[index + 2 :]]
            return " | ".join(joined)
    return line


def _listed_seasons(text: str) -> set[int]:
    return {int(year) for found in _LISTED_SEASONS.finditer(text) for year in re.findall(r"(?:19|20)\d\d", found[0])}


def _dated(line: str) -> bool:
    return exact.dated_span(line) or bool(_LISTED_SEASONS.search(line))


@dataclass(frozen=True)
class Role:
    """A dated role: its heading (title and dates, one line or two) and every line of its block."""

    head: str
    lines: tuple[str, ...]


def roles(text: str) -> list[Role]:
    """The CV's dated roles, each its dated line (with the title line above a line of dates alone) and the lines
    under it, up to the next dated line or a section heading ("Education", "SKILLS")."""
    blocks: list[list[str]] = []
    heads: list[str] = []
    current: list[str] | None = None
    previous: str | None = None  # the last non-blank line, when it may be a title over a line of dates
    for raw in text.splitlines():
        line = table_row_dated(raw.strip())
        if not line:
            continue
        if _dated(line):
            bare = _BULLET.sub("", line).strip(" |")
            if previous is not None and _DATES.fullmatch(bare):
                # "Guitar Maker, Ridge Instruments" over "March 2021 - present": one role
                if current is not None and current and current[-1] == previous:
                    current.pop()
                current = [previous, line]
                heads.append(f"{previous}, {line}")
            else:
                current = [line]
                heads.append(line)
            blocks.append(current)
            previous = None
            continue
        # a title is no bullet and no sentence ("Ran the pass."), though it may end in "Ltd." or "Sp. z o.o."
        sentence = line.endswith(":") or (line.endswith(".") and not _ABBREVIATED_END.search(line))
        titled = not _BULLET.match(raw) and len(line.split()) <= 14 and not sentence
        previous = line if titled else None
        if _SECTION_HEADING.match(line) and len(line.split()) <= 3:
            current = None
        elif current is not None:
            current.append(line)
    return [Role(head, tuple(block)) for head, block in zip(heads, blocks, strict=True)]


def _month(text: str) -> int | None:
    found = _MONTH_BEFORE.search(text)
    if found is not None and found.group(1)[:3].lower() in _MONTHS:
        return _MONTHS.index(found.group(1)[:3].lower()) + 1
    number = _MONTH_NUMBER_BEFORE.search(text)
    return int(number.group(1)) if number else None


def _spans(head: str, reference_year: int | None) -> list[tuple[int, int]]:
    """A heading's spans as (first month, month after the last) on one count of months; a month the CV leaves
    out is read as the other end's, so "2019 - 2022" is three years and "May 2019 - 2022" too."""
    out = []
    years = [int(year) for year in re.findall(r"\b(?:19|20)\d\d\b", head)]
    latest = max([*years, reference_year or 0])
    for found in exact._RANGE.finditer(head):
        begin = int(found.group("start") or found.group("since") or found.group("onwards"))
        first = _month(head[: found.start("start")]) if found.group("start") else None
        if found.group("since"):
            first = _month(head[: found.start("since")])
        last = None
        if found.group("end"):
            end = int(found.group("end"))
            last = _month(head[found.start("start") + 4 : found.start("end")]) if found.group("start") else None
        elif found.group("short"):
            end = begin // 100 * 100 + int(found.group("short"))
        else:
            end = max(latest, begin)  # "present": the reference year, whole years from the start's month
        if end < begin:
            continue
        first_month = first or last or 1
        last_month = last or first or 1
        start, stop = begin * 12 + first_month - 1, end * 12 + last_month - 1
        out.append((start, max(stop, start)))
    stated = stated_months(head)
    if len(out) == 1 and stated is not None:
        out = [(out[0][0], min(out[0][1], out[0][0] + stated))]  # "Jul 2024 – present (1 year 7 months)"
    if not out:
        out = [(year * 12, year * 12 + 11) for year in sorted(_listed_seasons(head))]  # a season: most of a year
    return out


def season_count(heads: Sequence[str], reference_year: int | None) -> int:
    """Seasons in the roles' headings: each year a span touches ("2022 - 2025" is four seasons), each year listed."""
    years: set[int] = set()
    for head in heads:
        years |= _listed_seasons(head)
        for start, stop in _spans(head, reference_year):
            years |= set(range(start // 12, stop // 12 + 1))
    return len(years)


def span_months(heads: Sequence[str], reference_year: int | None) -> int:
    """Months covered by the roles' headings, overlaps counted once."""
    spans = sorted(span for head in heads for span in _spans(head, reference_year))
    total, start, stop = 0, None, None
    for begin, end in spans:
        if start is None or stop is None or begin > stop:
            if start is not None and stop is not None:
                total += stop - start
            start, stop = begin, end
        else:
            stop = max(stop, end)
    if start is not None and stop is not None:
        total += stop - start
    return total


def _value(raw: str) -> float:
    return float(_NUMBER_WORDS.get(raw.lower(), 0) or raw)


def claims(text: str) -> list[tuple[float, str]]:
    """The years a CV claims and of what: "6 years in leather tanning, 2 as supervisor" gives (6, "6 years in
    leather tanning") and (2, "as supervisor"); a figure of months ("11 months") is not a claim of years."""
    out: list[tuple[float, str]] = []
    for raw in text.splitlines():
        line = _BULLET.sub("", raw).strip()
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            if not exact.dated_span(sentence) and len(_listed_seasons(sentence)) > 1:
                out.append((float(len(_listed_seasons(sentence))), sentence))  # "lobster in the 2024 and 2025 seasons"
            found = _CLAIM.search(sentence)
            if found is None or exact.dated_span(sentence[max(0, found.start() - 12) : found.end() + 12]):
                continue
            parts = _breakdown(sentence[found.end() :])
            if parts:
                out += parts  # the whole figure is of everything the parts name, each part's its own
                continue
            second = _SECOND.search(sentence, found.end())
            # a claim's words end with its clause: "Six years in contact centres; team leader since 2026"
            first_part = re.split(r";", sentence[: second.start()] if second else sentence)[0]
            # "nearly four years": short of the figure, so less than an ask of four
            short = 0.25 if short_of().search(sentence[: found.start()]) else 0.0
            out.append((_value(found.group("n")) + (0.5 if found.group("half") else 0.0) - short, first_part))
            if second is not None:
                rest = re.split(r"[;)]|,\s*(?=\w+\s+(?:\d|years?)\b)", sentence[second.end() :])[0]
                out.append((_value(second.group("m")), rest.strip()))
    return out


def _breakdown(rest: str) -> list[tuple[float, str]]:
    """The parts of a claim broken down after a dash or a colon, each (its figure, its words), when every part
    starts with a figure ("seven on the ground as a dogger, and two and a half years in the seat"); else none."""
    split = _BREAKDOWN.match(rest) or _BREAKDOWN.search(rest[:40])
    if split is None:
        return []
    tail = rest[split.end() :]
    starts = list(_BREAKDOWN_PART.finditer(tail))
    if len(starts) < 2 or starts[0].start() != 0:
        return []
    ends = [later.start() for later in starts[1:]] + [len(tail)]
    out = []
    for start, end in zip(starts, ends, strict=True):
        value = _value(start.group("n")) + (0.5 if start.group("half") else 0.0)
        out.append((value, re.sub(r"^[,\s]*and\s+", "", tail[start.start() : end]).strip(" ,.;")))
    return out


def years_text(years: float) -> str:
    """ "1 year 9 months", "3 years", "8 months"."""
    months = round(years * 12)
    whole, rest = divmod(months, 12)
    parts = []
    if whole:
        parts.append(f"{whole} year{'s' if whole != 1 else ''}")
    if rest:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " ".join(parts) or "no time"


# words of a title that say its holder works under the title, not in it
_UNDER: Final = frozenset(content_stems("assistant trainee apprentice intern helper"))


# the dates a heading may open with: "2013 - Jul 2023: Assistant Driller, ..." has its title after them
_LEADING_DATES: Final = re.compile(
    r"^\W*(?:[A-Za-z]{3,9}\.?\s+)?(?:19|20)\d\d\s*(?:-|–|—|to)\s*(?:[A-Za-z]{3,9}\.?\s+)?"
    r"(?:(?:19|20)\d\d|present|date|now|current|today)\b\s*[:|,-]?\s*",
    re.IGNORECASE,
)


def _first_part(role: Role) -> str:
    return re.split(r",|\s[-–—|]\s|\|", _LEADING_DATES.sub("", role.lines[0]))[0]


def _under(role: Role) -> set[str]:
    return set(content_stems(_first_part(role))) & _UNDER


# words that praise or qualify the holder of a title, not its work: "5 years as a qualified bricklayer" counts the
# Bricklayer roles, "as a creative flavourist" the Flavourist ones
TITLE_PRAISE: Final = frozenset(
    content_stems(
        "qualified creative experienced skilled professional practising practicing certified competent "
        "accomplished talented proven successful dedicated seasoned fully full-time"
    )
)


def _initials(role: Role) -> set[str]:
    """The initials of every run of words in a role's title: "Site Reliability Engineer" gives SRE (and SR, RE)."""
    words = re.findall(r"[^\W\d_][\w'-]*", _first_part(role))
    letters = "".join(word[0].upper() for word in words)
    return {letters[i:j] for i in range(len(letters)) for j in range(i + 2, len(letters) + 1)}


def acronym_roles(ask: str, found: Sequence[Role]) -> list[Role]:
    """The roles whose title is spelled out by an acronym of the ask: "SRE" lends the years of "Site Reliability
    Engineer", "CDP" those of "Chef de Partie"."""
    acronyms = set(re.findall(r"\b[A-Z]{2,5}\b", ask))
    return [role for role in found if acronyms & _initials(role)] if acronyms else []


def _title(role: Role) -> set[str]:
    """The content stems of a role's title, its heading's first part ("Chef de Partie, The Spice Route, 2018")."""
    return set(content_stems(_first_part(role))) - RANKS


# Years of a qualified form of the work: "3 years of independent ICSI", "three years managing a coffee factory",
# "2 years as a supervisor". Only the roles (and claims) that show the qualifier count: "ICSI under supervision" or a
# clerk's years at the same factory do not. Each: how the ask says it, how a role's lines show it, how a title does.
_QUALIFIERS: Final = (
    (
        re.compile(r"\b(?:independent(?:ly)?|unsupervised|autonomous(?:ly)?|without supervision)\b", re.IGNORECASE),
        re.compile(
            r"\b(?:independent(?:ly)?|unsupervised|autonomous(?:ly)?|without supervision|sole charge|in charge|"
            r"on (?:my|his|her|their) own)\b",
            re.IGNORECASE,
        ),
        None,
    ),
    (
        re.compile(
            r"^(?:managing|running|heading|in charge of)\b|\bmanagerial\b|\bas (?:an? )?(?:[\w-]+ ){0,2}manager\b",
            re.IGNORECASE,
        ),
        re.compile(
            r"\b(?:manag(?:e|ed|es|ing)|ran|run(?:s|ning)?|head(?:ed|ing)?|directed|oversaw|oversee\w*)\b",
            re.I,
        ),
        re.compile(r"\b(?:manager|head|director|chief|owner|proprietor|superintendent|principal|gm)\b", re.I),
    ),
    (
        re.compile(r"\bsupervis(?:ory|ing|or)\b", re.IGNORECASE),
        re.compile(r"\b(?:supervis(?:e|ed|es|ing)|led|lead(?:ing)?|manag(?:e|ed|ing)|in charge)\b", re.IGNORECASE),
        re.compile(r"\b(?:supervisor|lead|leader|manager|head|foreman|forewoman|charge ?hand|in-charge)\b", re.I),
    ),
)


def qualifier_of(ask: str) -> Callable[[Sequence[str], str], bool] | None:
    """For an ask of a qualified form ("independent ICSI", "managing a coffee factory", "supervisory"), a test of a
    role's lines and title (or a claim's words) for the qualifier; None when the ask has none, when the word sits in
    brackets ("bookselling (independent or chain)": a kind of shop) or the ask offers another way ("as a driller or
    supervisor")."""
    bare = re.sub(r"\([^)]*\)", " ", ask)
    if re.search(r"\bor\b|/", bare):
        return None
    for asked, in_lines, in_title in _QUALIFIERS:
        if asked.search(bare):
            return _qualifier_test(in_lines, in_title)
    return None


def _qualifier_test(
    in_lines: re.Pattern[str], in_title: re.Pattern[str] | None
) -> Callable[[Sequence[str], str], bool]:
    def shows(lines: Sequence[str], title: str) -> bool:
        if in_title is not None and in_title.search(title):
            return True
        return any(in_lines.search(line) for line in lines)

    return shows


def shown_years(
    text: str,
    reference_year: int | None,
    shows: Callable[[Sequence[str]], bool],
    *,
    shown: str | None = None,
    titled: Sequence[Sequence[str]] = (),
    ask: str = "",
    seasons: bool = False,
) -> tuple[float | None, float | None]:
    """(years of the roles whose block `shows` the ask, or None when none does; the most years a claim that
    shows it states, or None). With `titled` (the stems of each title of "as a guitar maker or luthier"), a role
    counts when its heading names one of the titles (an assistant or trainee of it does not). When the line `shown`
    is a role's heading (its title shows the kind of work), the roles with a title of the same work count too
    ("Chef de Partie" twice, "Sous Chef" after "Commis Chef")."""
    found = roles(text)
    if titled:
        chosen = [
            role
            for role in found
            if any(
                set(title) <= set(content_stems(role.head))
                # an "Assistant TBM Operator" or a "Trainee Surveyor" is not yet the title asked
                and not (_under(role) - set(title))
                for title in titled
            )
        ]
    else:
        chosen = [role for role in found if shows(role.lines)]
        headed = [_title(role) for role in found if shown and (shown in role.lines[0] or shown in role.head)]
        kinds = set().union(*headed) if headed else set()
        # the ask's own words in that title must be in the other too: "Elixir Developer" shows Elixir, "Ruby
        # Developer" does not; "Gem Tester" shows gem testing, "Gem buyer and cutter" does not
        named = kinds & set(content_stems(ask))
        chosen += [role for role in found if role not in chosen and kinds & _title(role) and named <= _title(role)]
    chosen += [role for role in acronym_roles(ask, found) if role not in chosen]
    if not titled:
        # "luffing tower cranes": a role that ran hammerhead cranes is another kind when another role names the luffer
        another = other_kind(ask, [role.lines for role in chosen])
        chosen = [role for role, other in zip(chosen, another, strict=True) if not other]
        # "tower crane operating": the Dogger / Rigger years beside a Tower Crane Operator role are another trade's
        trade = other_trade(ask, [_first_part(role) for role in chosen])
        chosen = [role for role, other in zip(chosen, trade, strict=True) if not other]
    qualified = qualifier_of(ask)
    in_roles: float | None
    if qualified is not None and chosen:
        # "3 years of independent ICSI": the roles that show ICSI count only when they show it done independently
        chosen = [role for role in chosen if qualified(role.lines, _first_part(role))]
        in_roles = span_months([role.head for role in chosen], reference_year) / 12
    else:
        in_roles = span_months([role.head for role in chosen], reference_year) / 12 if chosen else None
    if seasons and chosen:
        in_roles = float(season_count([role.head for role in chosen], reference_year))  # "3 seasons' grading"
    claimed = [
        years
        for years, part in claims(text)
        if shows([part])
        and (qualified is None or qualified([part], ""))
        # "7 years in the trade, last few in commercial": the figure is commercial's only if the trade alone shows it
        and ((head := claims_part(ask, part)) is None or shows([head]))
    ]
    return in_roles, max(claimed, default=None)


def partly_shown_years(text: str, reference_year: int | None, ask: str) -> float | None:
    """Years of the dated roles whose title and block hold at least half the ask's own stems ("Trainee Rough
    Sorter ... model/colour sorting" holds rough and sorting of "rough diamond sorting"), for a specific ask no
    role shows whole; None when no role holds half (then only the whole career is left to count)."""
    # the ask's kind of work, not its second figure ("rigging, including 2 in a lead role") or a count
    kind = re.split(r",?\s+\b(?:including|of which)\b", ask, maxsplit=1)[0]
    asked = {stem for stem in content_stems(kind) if not stem.isdigit()} - NOT_KIND
    if not asked:
        return None
    held = [role for role in roles(text) if 2 * len(asked & set(content_stems(" ".join(role.lines)))) >= len(asked)]
    if not held:
        return None
    return span_months([role.head for role in held], reference_year) / 12


_AFTER_QUALIFYING: Final = re.compile(
    r"\b(?:pqe|post[- ]?(?:qualification|qualifying|qualified|registration|admission|licensure|graduat\w*)"
    r"|since qualifying)\b",
    re.IGNORECASE,
)
_QUALIFYING_EVENT: Final = re.compile(
    r"\b(?:admitted|qualified|registered|registration|called to the bar|licensed|licen[cs]e|enrolled|PIN)\b",
    re.IGNORECASE,
)
_QUALIFIED: Final = re.compile(
    r"\b(?:admitted|qualified|called to the bar|registered|registration|enrolled)\b", re.IGNORECASE
)
_HELD_LICENCE: Final = re.compile(r"\bheld\b[^.]{0,40}\blicen[cs]e|\blicen[cs]e\b[^.]{0,20}\bheld\b", re.IGNORECASE)
# a step still under way is not the qualifying event: "registration application submitted June 2026"
_PENDING: Final = re.compile(
    r"\b(?:submitted|applied|applying|application|awaited|awaiting|pending|in progress|expected|booked|not yet)\b",
    re.IGNORECASE,
)
# a first degree: "B.Eng. Agricultural Engineering, 2015", "BSc (Hons) Nursing 2012 - 2015", "Bachelor of Laws"
_DEGREE: Final = re.compile(
    r"\b(?:(?i:degree|bachelor(?:'s)?|master(?:'s|\s+of)|licenciatura|diploma)|[BM]\.?\s?(?:Eng|Sc|Tech|A|Ed|Pharm|Arch|Com)"
    r"|BEng|MEng|BSc|MSc|LLB|LLM|MBBS|MBChB|HND|PhD)\b"
)
_RANGE: Final = re.compile(r"(?:19|20)\d\d\s*(?:-|–|to)\s*(?:(?:19|20)\d\d|present|current|now|date)", re.IGNORECASE)
_A_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")


# the category or class a licence ask names: "Full Category D driving licence", "Class 2", "Cat C+E"
_ASKED_CATEGORY: Final = re.compile(r"\b(?i:categor(?:y|ies)|cat\.?|class)\s+([A-Z]\d?(?:\s?\+\s?E)?|\d[A-Z]?)\b")
POST_GRADUATE: Final = re.compile(r"\bpost[- ]?graduat\w*", re.IGNORECASE)


def _category_year(lines: Sequence[str], sentence: str) -> int | None:
    """The year the CV writes beside the category asked ("Category D passed March 2023" on a line that holds B and
    D1 since 2014), in the same clause; None when the ask names none or no clause dates it."""
    asked = _ASKED_CATEGORY.search(sentence)
    if asked is None:
        return None
    category = re.escape(asked.group(1).replace(" ", ""))
    own = re.compile(rf"(?<![\w+]){category}(?![\w+])")
    years = []
    for line in lines:
        for clause in re.split(r"[;,]", line):
            named = own.search(clause)
            after = _A_YEAR.findall(clause[named.end() :]) if named else []
            years += [int(after[0])] if after else []
    return min(years) if years else None


def _under_heading(text: str, heading: str) -> list[str]:
    """The lines of the section a heading opens, when the line is a heading ("PROFESSIONAL REGISTRATION"); else []."""
    if not (_SECTION_HEADING.match(heading.strip()) and len(heading.split()) <= 3):
        return []
    lines = [line.strip() for line in text.splitlines()]
    start = lines.index(heading.strip()) + 1
    out = []
    for line in lines[start:]:
        if line and _SECTION_HEADING.match(line) and len(line.split()) <= 3:
            break
        if line:
            out.append(line)
    return out


def years_since_qualifying(text: str, sentence: str, reference_year: int | None) -> float | None:
    """ "3 years PQE", "post-registration experience", "held a full licence for 3 years": years since the CV's
    qualifying year (its earliest year on a line that says admitted, registered, licensed..., not on a step under
    way such as "registration application submitted"; for a licence category asked, the year beside that category),
    else since its first degree (the year it ends), else None. "Post-graduate" experience counts from the degree
    that names the ask's field ("Master of Art Conservation" for objects conservation), else the first."""
    if not (_AFTER_QUALIFYING.search(sentence) or _HELD_LICENCE.search(sentence)) or reference_year is None:
        return None
    licence_only = not _AFTER_QUALIFYING.search(sentence)
    undated = [line for line in text.splitlines() if not _RANGE.search(line)]
    if POST_GRADUATE.search(sentence):
        degrees = [line for line in text.splitlines() if _DEGREE.search(line) and not _PENDING.search(line)]
        field = set(content_stems(POST_GRADUATE.split(sentence)[-1])) - NOT_KIND
        named = [line for line in degrees if field & set(content_stems(line))]
        ends = [max(map(int, found)) for line in (named or degrees) if (found := _A_YEAR.findall(line))]
        if ends:
            return float(max(0, reference_year - (max(ends) if named else min(ends))))
    if licence_only:
        lines = [line for line in undated if re.search(r"licen[cs]e", line, re.IGNORECASE)]
        beside = _category_year(lines, sentence)
        if beside is not None:
            return float(max(0, reference_year - beside))
    else:
        # qualifying in the profession ("qualified April 2025", "admitted 2019") before any licence; a driving
        # licence is never the qualification ("Irish full driving licence since 2021")
        done = [line for line in undated if not _PENDING.search(line)]
        lines = [line for line in done if _QUALIFIED.search(line)] or [
            line for line in done if _QUALIFYING_EVENT.search(line) and not DRIVING_LICENCE.search(line)
        ]
        # a heading that says it ("PROFESSIONAL REGISTRATION") dates it on the lines under it ("AHPC, Ghana (2024)")
        lines += [line for heading in lines for line in _under_heading(text, heading) if not _PENDING.search(line)]
    years = [int(year) for line in lines for year in _A_YEAR.findall(line)]
    if not years and not licence_only:
        # no qualifying event written, or none dated ("Registered QS, SRB Uganda"): the first degree ends the
        # training ("B.Eng. 2015"; "BSc 2011 - 2015")
        ends = [max(map(int, found)) for line in text.splitlines() if _DEGREE.search(line)
                and not _PENDING.search(line) and (found := _A_YEAR.findall(line))]  # fmt: skip
        return float(max(0, reference_year - min(ends))) if ends else None
    if not years:
        return None
    return float(max(0, reference_year - min(years)))
