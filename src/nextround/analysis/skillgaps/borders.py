"""Licences and tickets across borders, checked exactly: a licence or ticket is issued by a country, so another
country's ("Irish forklift certificate" where the job is in Australia, a Brazilian licence for a Portuguese one) does
not meet it, nor does an exchange or a conversion only asked for; a professional driving licence is not met by a
car's ("Registro de conducir profesional" against "Libreta de conducir categoría A"). What a licence is held with
(stages, endorsements) is in :mod:`licence_stages`, its categories in :mod:`credentials`."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps.credentials import DRIVING_LICENCE, OTHER_VEHICLE
from nextround.analysis.skillgaps.licence_stages import DRIVING_LINE, asks_driving_licence

# -- licences and tickets across borders -------------------------------------------------------------------------

# Countries by the words a licence line writes them with: the adjective, the name, initials (in capitals only) and
# the forms of the languages CVs are written in ("permis de cariste suisse", "licencia uruguaya"). A licence or a
# ticket is issued by a country: "Irish forklift certificate" is not Australia's LF, "Brazilian licence (CNH)" is not
# a Portuguese one until the exchange is done.
_COUNTRIES: Final = {
    # a state's or a province's licence is its country's ("Queensland open car licence", "Ontario G licence")
    "australia": "australia australian aussie AU NSW QLD queensland tasmania tasmanian victorian",
    "new zealand": "zealand kiwi NZ",
    "uk": "british britain scottish scotland UK GB DVLA",
    "ireland": "ireland irish irlandais irlandaise",
    "usa": "american USA US",
    "canada": "canada canadian canadien canadienne ontario quebec québec alberta manitoba saskatchewan",
    "south africa": "african RSA SA",
    "india": "india indian",
    "pakistan": "pakistan pakistani",
    "bangladesh": "bangladesh bangladeshi",
    "sri lanka": "lanka lankan",
    "nepal": "nepal nepali nepalese",
    "philippines": "philippines filipino filipina philippine",
    "indonesia": "indonesia indonesian",
    "malaysia": "malaysia malaysian",
    "singapore": "singapore singaporean",
    "china": "china chinese",
    "japan": "japan japanese",
    "korea": "korea korean",
    "vietnam": "vietnam vietnamese",
    "thailand": "thailand thai",
    "uae": "emirates emirati UAE",
    "saudi arabia": "saudi KSA",
    "qatar": "qatar qatari",
    "oman": "oman omani",
    "kuwait": "kuwait kuwaiti",
    "bahrain": "bahrain bahraini",
    "egypt": "egypt egyptian",
    "morocco": "morocco moroccan marocain marocaine",
    "nigeria": "nigeria nigerian",
    "ghana": "ghana ghanaian",
    "kenya": "kenya kenyan",
    "zimbabwe": "zimbabwe zimbabwean",
    "uganda": "uganda ugandan",
    "tanzania": "tanzania tanzanian",
    "zambia": "zambia zambian",
    "ethiopia": "ethiopia ethiopian",
    "jamaica": "jamaica jamaican",
    "russia": "russia russian",
    "serbia": "serbia serbian",
    "slovenia": "slovenia slovenian",
    "brazil": "brazil brazilian brasil brasileiro brasileira brasileño brasileña",
    "argentina": "argentina argentinian argentine argentino",
    "uruguay": "uruguay uruguayan uruguayo uruguaya",
    "chile": "chile chilean chileno chilena",
    "mexico": "mexico mexican méxico mexicano mexicana",
    "colombia": "colombia colombian colombiano colombiana",
    "peru": "peru peruvian perú peruano peruana",
    "switzerland": "switzerland swiss suisse schweizer",
    "norway": "norway norwegian norsk",
    "france": "france french française français",
    "germany": "germany german deutschland deutscher deutsche allemand allemande",
    "spain": "spain spanish españa español española",
    "portugal": "portugal portuguese português portuguesa",
    "italy": "italy italian italia italiano italiana",
    "netherlands": "netherlands dutch nederland",
    "belgium": "belgium belgian belge",
    "poland": "poland polish polska polski",
    "romania": "romania romanian",
    "bulgaria": "bulgaria bulgarian",
    "greece": "greece greek",
    "croatia": "croatia croatian",
    "slovakia": "slovakia slovak",
    "czechia": "czechia czech",
    "hungary": "hungary hungarian",
    "sweden": "sweden swedish",
    "denmark": "denmark danish",
    "finland": "finland finnish",
    "austria": "austria austrian",
    "lithuania": "lithuania lithuanian",
    "latvia": "latvia latvian",
    "estonia": "estonia estonian",
    "ukraine": "ukraine ukrainian",
    "turkey": "türkiye turkish",
    "eu": "EU EEA european",
}
_EU_STATES: Final = frozenset(
    ["ireland", "france", "germany", "spain", "portugal", "italy", "netherlands", "belgium", "poland", "romania",
     "bulgaria", "greece", "croatia", "slovakia", "czechia", "hungary", "sweden", "denmark", "finland", "austria",
     "lithuania", "latvia", "estonia", "slovenia", "norway"],
)  # fmt: skip
# in an ad, a country's adjective that is also a language ("fluent French") says where the job is only before a word
# of residence or regulation ("Australian work rights", "French law")
_LANGUAGES: Final = frozenset(
    ["english", "french", "german", "spanish", "portuguese", "italian", "dutch", "polish", "greek", "japanese",
     "chinese", "korean", "thai", "vietnamese", "swedish", "danish", "finnish", "norwegian", "czech", "slovak",
     "hungarian", "romanian", "bulgarian", "croatian", "turkish", "ukrainian", "indonesian", "filipino", "nepali",
     "español", "española", "française", "français", "deutsche", "deutscher", "portuguesa", "português", "italiano",
     "italiana", "allemand", "allemande", "norsk", "polski", "lithuanian", "latvian", "estonian"],
)  # fmt: skip
_WHERE_WORDS: Final = re.compile(
    r"\s+(?:work(?:ing)?\s+rights|citizens?|citizenship|residen\w*|passport|visa|law|laws|market|regulations?"
    r"|standards?|licen[cs]e|permit|ticket|card|company|client|owned|based)\b",
    re.IGNORECASE,
)
_COUNTRY_OF: Final = {word.lower(): country for country, words in _COUNTRIES.items() for word in words.split()}
_INITIALS: Final = frozenset(word for words in _COUNTRIES.values() for word in words.split() if word.isupper())
_COUNTRY_WORD: Final = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, _COUNTRY_OF), key=len, reverse=True)) + r"|new zealand|sri lanka"
    r"|south africa|united kingdom|united states|united arab emirates)(?![\w-])",
    re.IGNORECASE,
)
_SPELLED: Final = {
    "new zealand": "new zealand", "sri lanka": "sri lanka", "south africa": "south africa", "united kingdom": "uk",
    "united states": "usa", "united arab emirates": "uae",
}  # fmt: skip
# what a licence, ticket or permit is called, in English and the languages of the CVs
_CREDENTIAL_WORD: Final = re.compile(
    r"\b(?:licen[cs]e[sd]?|licen[cç]i?a|permits?|permis|permiso|tickets?|certificat(?:e|es|ion|ions|o)?|cards?|"
    r"registration|registro|libreta|carteira|carta|carnet|carn[eé]|CNH|führerschein|rijbewijs|körkort|checks?|vetting)\b",
    re.IGNORECASE,
)
# the licence of a country still to come: an exchange or a conversion asked for, booked or under way
_EXCHANGE_PENDING: Final = re.compile(
    r"\b(?:exchange|conversion|converting|transfer|recognition|validation)\b[^.;|]{0,60}?"
    r"\b(?:requested|applied for|application|submitted|lodged|pending|in progress|under way|underway|booked"
    r"|scheduled|awaited|awaiting)\b"
    r"|\b(?:applied|applying|waiting)\s+(?:for|to)\s+(?:an?\s+|the\s+)?(?:exchange|conver[st]|transfer)\w*",
    re.IGNORECASE,
)
_BORDER_GENERIC: Final = frozenset(
    ["licenc", "licens", "licen", "permit", "ticket", "certif", "card", "registr", "full", "valid", "current", "clean",
     "held", "hold", "categori", "class", "driver", "drive", "driv", "open", "or", "de", "for", "year", "least"],
)  # fmt: skip


@lru_cache(maxsize=4096)
def countries_in(text: str) -> frozenset[str]:
    """The countries a text names, by name, adjective or initials (initials in capitals only: "US", not "us")."""
    found: set[str] = set()
    for word in _COUNTRY_WORD.finditer(text):
        said = word.group(0)
        if said.lower() in _SPELLED:
            found.add(_SPELLED[said.lower()])
        elif said.upper() in _INITIALS and said != said.upper():
            continue
        elif said.lower() in _COUNTRY_OF:
            if said.islower() and said.lower() in ("german", "french", "spanish", "italian", "turkish", "greek"):
                continue  # "french polish", "greek yoghurt" in lower case: a style, not a country
            found.add(_COUNTRY_OF[said.lower()])
    return frozenset(found)


@lru_cache(maxsize=64)
def job_countries(jd: str) -> frozenset[str]:
    """The countries an ad names as where the job is: by name or initials, and a language's adjective only before
    a word of residence or regulation ("Australian work rights"; not "fluent French")."""
    found: set[str] = set()
    for word in _COUNTRY_WORD.finditer(jd):
        said = word.group(0).lower()
        if said in _LANGUAGES and not _WHERE_WORDS.match(jd, word.end()):
            continue
        found |= countries_in(word.group(0))
    return frozenset(found - {"eu"})


def _same_country(asked: str, held: str) -> bool:
    """One country, or an EU/EEA licence asked and a member's held, or a Gulf state's for another's."""
    if asked == held:
        return True
    return asked == "eu" and held in _EU_STATES


def _kind_stems(phrase: str) -> set[str]:
    """The words of an ask that say what kind of licence or ticket it is ("forklift"), without its country."""
    places = {stem for word in _COUNTRY_WORD.findall(phrase) for stem in content_stems(word)}
    return {stem for stem in content_stems(phrase) if stem not in _BORDER_GENERIC and stem not in places}


def _credential_parts(cv: str, phrase: str) -> list[tuple[str, str]]:
    """(line, part) of every CV line's part that names a licence or ticket of the ask's kind (a driving licence for
    a driving ask, else a part sharing a word that says which kind); parts end at semicolons, bars and brackets."""
    driving = asks_driving_licence(phrase)
    kind = _kind_stems(phrase)
    found: list[tuple[str, str]] = []
    for line in cv.splitlines():
        if not _CREDENTIAL_WORD.search(line):
            continue
        relevant = (driving and (bool(DRIVING_LINE.search(line)) or bool(_MORE_DRIVING.search(line)))) or bool(
            kind and kind & set(content_stems(line))
        )
        if relevant:
            found += [(line.strip(), part) for part in re.split(r"[;|]", line) if _CREDENTIAL_WORD.search(part)]
    return found


# the ask offers another way: an overseas licence to convert, an equivalent, one to obtain after joining
_OTHER_WAY_ASKED: Final = re.compile(
    r"\b(?:or\s+(?:an?\s+|your\s+)?(?:overseas|foreign|international|home[- ]country|other|\w+\s+equivalent)"
    r"|or\s+(?:an?\s+)?equivalent|another\s+(?:state|country)|convert\w*|conversion|within\s+\w+\s+(?:months?|weeks?|days?)"
    r"|to\s+be\s+obtained|obtain\w*|valid\s+in|recogni[sz]ed\s+in|accepted\s+in)\b",
    re.IGNORECASE,
)
# a country written before a licence's words ("Irish full driving licence") or after them as its issuer ("Civil
# Aviation Authority of Zimbabwe", "(Uruguay, autos)"); not one it was converted from ("converted from NZ")
_SPAN_TO_CREDENTIAL: Final = 40
_LANGUAGE_CUE: Final = re.compile(
    r"\b(?:language|speak\w*|spoken|fluent|course|lessons?|classes|level|native|written|[ABC][12])\b", re.IGNORECASE
)


def _issuers(part: str, job: bool = False) -> set[str]:
    """The countries a licence's words in `part` are issued by."""
    found: set[str] = set()
    for word in _COUNTRY_WORD.finditer(part):
        before = part[max(0, word.start() - 25) : word.start()]
        if re.search(r"\b(?:from|ex)\s+(?:an?\s+|the\s+)?$", before, re.IGNORECASE):
            continue  # "converted from NZ full licence"
        after = part[word.end() : word.end() + _SPAN_TO_CREDENTIAL]
        if word.group(0).lower() in _LANGUAGES and _LANGUAGE_CUE.search(after):
            continue  # "German course, level B2 certificate": a language
        attached = bool(_CREDENTIAL_WORD.search(re.split(r"[,.(]", after, maxsplit=1)[0] if not job else after))
        attached = attached or bool(re.search(r"(?:\bof|\bin|\()\s*(?:the\s+)?$", before, re.IGNORECASE))
        if attached:
            found |= countries_in(word.group(0))
    if re.search(r"\binternational\s+(?:driving\s+)?(?:permit|licen[cs]e)", part, re.IGNORECASE):
        found.add("international")  # an International Driving Permit is not a country's licence
    return found


# a state's or a province's own certificate ("Food Safety Supervisor certificate (NSW)", "Ontario Secondary School
# Diploma"): initials in capitals only ("WA", not "wa"); South Australia and the ACT by name only (SA, ACT are words)
_STATES: Final = {
    "new south wales": "new south wales|NSW", "victoria": "victoria|victorian|VIC", "queensland": "queensland|QLD",
    "western australia": "western australia|WA", "south australia": "south australia|south australian",
    "tasmania": "tasmania|tasmanian|TAS", "northern territory": "northern territory|NT",
    "australian capital territory": "australian capital territory", "ontario": "ontario", "quebec": "quebec|québec",
    "british columbia": "british columbia|BC", "alberta": "alberta", "manitoba": "manitoba",
    "saskatchewan": "saskatchewan", "nova scotia": "nova scotia", "new brunswick": "new brunswick",
    "newfoundland": "newfoundland",
}  # fmt: skip
_STATE_WORD: Final = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(
        word if word.isupper() else f"(?i:{re.escape(word)})"
        for words in _STATES.values()
        for word in sorted(words.split("|"), key=len, reverse=True)
    )
    + r")(?![\w-])"
)
_STATE_OF: Final = {word.lower(): state for state, words in _STATES.items() for word in words.split("|")}
# a state's certificate still to come or not held: "NSW FSS not held yet", "QLD card applied for"
_STATE_NOT_HELD: Final = re.compile(
    r"^[^;|.]{0,30}?\b(?:not\s+(?:yet\s+)?held|not\s+yet|pending|applied|applying|in\s+progress|booked|working\s+towards"
    r"|to\s+(?:be\s+)?(?:obtained|completed|transferred))\b",
    re.IGNORECASE,
)


def _states(text: str) -> list[tuple[str, str]]:
    """The states and provinces a text names, each with the words after it up to the next one."""
    found = list(_STATE_WORD.finditer(text))
    ends = [later.start() for later in found[1:]] + [len(text)] if found else []
    return [(_STATE_OF[one.group(0).lower()], text[one.end() : end]) for one, end in zip(found, ends, strict=True)]


def state_short(phrase: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when the ask names a state's or a province's certificate ("(NSW)") and the CV's lines about
    that certificate name only another state's ("Food Safety Supervisor - Queensland"), or the asked state's only as
    not held yet. None when a line about it names no state, or for a driving licence (moved between states)."""
    if not _CREDENTIAL_WORD.search(phrase) or _OTHER_WAY_ASKED.search(phrase) or asks_driving_licence(phrase):
        return None
    asked = {state for state, _ in _states(phrase)}
    if not asked:
        return None
    places = {stem for found in _STATE_WORD.finditer(phrase) for stem in content_stems(found.group(0))}
    kind = _kind_stems(phrase) - places
    if not kind:
        return None
    held: dict[str, str] = {}
    for line in cv.splitlines():
        if len(kind & set(content_stems(line))) < min(2, len(kind)):
            continue
        states = [state for state, after in _states(line) if not _STATE_NOT_HELD.search(after)]
        if not states and not _states(line):
            return None  # a line about it that names no state: left open
        for state in states:
            held.setdefault(state, line.strip())
    if not held or asked & set(held):
        return None
    state = sorted(held)[0]
    return f"the CV's certificate is from another state or province ({state.title()})", held[state]


def border_short(phrase: str, jd: str, cv: str, shown: str | None) -> tuple[str, str] | None:
    """(reason, CV line) when a licence or ticket asked is held only from another country: the ask names a country
    ("Portuguese or EU category B licence") and the CV's licences of its kind are another country's, or that
    country's only as an exchange or a conversion requested; or the ask names none, the CV line that shows it names
    its country ("Irish forklift certificate") and the job names others and never that one ("Australian work
    rights"). None when nothing says so, or the ask offers another way (an overseas licence to convert, an
    equivalent, one to obtain after joining)."""
    from nextround.analysis.skillgaps.othername import other_name_line

    if not _CREDENTIAL_WORD.search(phrase) or _OTHER_WAY_ASKED.search(phrase):
        return None
    if other_name_line(phrase, cv.splitlines()) is not None:
        return None  # the CV writes the ask's own name in the country's language
    state = state_short(phrase, cv)
    if state is not None:
        return state
    asked = _issuers(phrase, job=True)
    parts = _credential_parts(cv, phrase)
    if asked:
        held: dict[str, str] = {}
        pending: dict[str, str] = {}
        unnamed = False
        for line, part in parts:
            issuers = _issuers(part)
            unnamed = unnamed or not issuers
            for country in issuers:
                (pending if _EXCHANGE_PENDING.search(part) else held).setdefault(country, line)
        if any(_same_country(want, have) for want in asked for have in held):
            return None
        wanted = next((line for want in asked for have, line in pending.items() if _same_country(want, have)), None)
        if wanted is not None:
            return "the licence of the country asked is only requested (an exchange or a conversion not done)", wanted
        if held and not unnamed:
            country = sorted(held)[0]
            return f"the CV's licence or ticket is from another country ({country.title()})", held[country]
        return None
    if not shown or asks_driving_licence(phrase):
        return None  # a driving licence asked without a country: any country's counts (credentials reads the rest)
    kind = _kind_stems(phrase)
    own: set[str] = set()
    for line, part in parts:
        if shown.strip() not in line and line not in shown:
            continue
        for segment in re.split(r"[,()]", part):
            if kind & set(_stems(segment)):
                own |= _issuers(segment)
    if not own or "international" in own:
        return None
    job = job_countries(jd)
    if not job or any(_same_country(want, have) for want in job for have in own):
        return None
    if all(country in _EU_STATES for country in job | own):
        return None  # within the EU: recognition is a question for the employer, not a verdict here
    country = sorted(own)[0]
    line = next(line for line, part in parts if country in _issuers(part))
    places = " or ".join(sorted(place.title() for place in job))
    return f"the CV's licence or ticket is from {country.title()}; the job is in {places}", line


def _stems(text: str) -> tuple[str, ...]:
    return content_stems(text)


# -- a professional driving licence ------------------------------------------------------------------------------

# driving licences in the words of Spanish, Portuguese and French CVs and ads, beyond credentials' list
_MORE_DRIVING: Final = re.compile(
    r"\b(?:registro|libreta|permiso|licencia|carn[eé]t?|brevet)\s+(?:de\s+)?(?:conducir|manejar|manejo|conduire)\b"
    r"|\bcarteira\s+(?:nacional\s+)?de\s+(?:habilita[cç][aã]o|motorista)\b|\bCNH\b|\bpermis\s+(?:de\s+conduire|[A-D]\b)",
    re.IGNORECASE,
)
_ASKS_PROFESSIONAL: Final = re.compile(
    r"\b(?:professional|profesional|professionnel(?:le)?|profissional|commercial)\s+(?:driv(?:ing|er'?s?)\s+)?"
    r"(?:licen[cs]e|permit|licencia|registro|permis)\b"
    r"|\b(?:licen[cs]e|permit|licencia|registro|libreta|permiso|carteira|permis)\b[^.;,\n]{0,30}?"
    r"\b(?:professional|profesional|professionnel(?:le)?|profissional|commercial)\b|\bPrDP\b",
    re.IGNORECASE,
)
_PROFESSIONAL_HELD: Final = re.compile(
    r"\b(?:professional|profesional|professionnel(?:le)?|profissional|commercial|PrDP|PDP|CDL|HGV|LGV|PCV|truck|bus"
    r"|heavy|camion|camión|caminh[aã]o|lorry)\b|\b(?:categor[ií]a|cat[eé]gorie|category|class|classe|clase|cat\.?|tipo)"
    r"\s*(?:[CDE]\d?|[A-E]\s*[1-4]|[1-4])\b|\b(?-i:C1|C\+E|CE|D1|D\+E)\b",
    re.IGNORECASE,
)


def professional_short(phrase: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when a professional or commercial driving licence is asked ("Registro de conducir
    profesional", "professional driving permit") and every driving licence the CV names is an ordinary one (a car's
    category, no professional permit or heavy class). None when the CV names none or one is professional."""
    if not _ASKS_PROFESSIONAL.search(phrase) or OTHER_VEHICLE.search(phrase):
        return None
    if not (asks_driving_licence(phrase) or _MORE_DRIVING.search(phrase) or re.search(r"driv", phrase, re.I)):
        return None
    lines = [
        line.strip()
        for line in cv.splitlines()
        if DRIVING_LICENCE.search(line) or _MORE_DRIVING.search(line) or DRIVING_LINE.search(line)
    ]
    if not lines or any(_PROFESSIONAL_HELD.search(line) for line in lines):
        return None
    return "a professional driving licence is asked; the CV's is an ordinary one", lines[0]
