"""How an ad marks a wish rather than a must, in the many Englishes job ads are written in.

A heading over a list of wishes is named by what it means, not only by the headings we have listed:
"Assets" (Canada), "Advantage" and "Recommendation" (South Africa), "It is a merit if you have" (Sweden),
"Would be good", "Preference may be given to applicants with:", "Even better if". A sentence is a wish when
it says so in any of these ways: "... is a merit", "... is recommended", "preference will be given to ...".
"""

from __future__ import annotations

import re
from typing import Final

from nextround.analysis.skillgaps.cues import heading_kind, load_cues

# Words that make a short heading a wish, whatever else it says ("Additional assets", "Advantageous").
_WISH_WORDS: Final = re.compile(
    r"\b(?:advantages?|advantageous|assets?|merits?|meritorious|recommend(?:ed|ation|ations)?|bonus(?:es)?"
    r"|plus(?:es)?|desir(?:able|ed)|prefer(?:red|ence|ences|ably|able)?|nice|optional|beneficial|helpful|handy"
    r"|useful|welcome|favou?rably|extras?(?=\s*(?:points?|credit|skills)?\s*:?\s*$))\b"
    r"|\bwould be (?:good|great|lovely|ideal)\b|\b(?:good|great|lovely) to have\b|\bwould help\b"
    r"|\beven better\b|\bstand out\b|\bset you apart\b|\bnot (?:essential|required|necessary|mandatory|compulsory)\b"
    r"|\bideally\b",
    re.IGNORECASE,
)
# A heading that names the one who is wanted asks for musts: "The ideal candidate", "Ideal profile".
_MUST_NAMED: Final = re.compile(r"\bideal (?:candidate|applicant|person|profile|hire)\b", re.IGNORECASE)

# The words a wish heading may open with before its wish word: "Would be a bonus", "Will be an advantage", "Also a
# plus" (session 20, skillsR20)
_MODAL_LEAD: Final = re.compile(
    r"^(?:(?:also|it)\s+)?(?:(?:would|will|could|might)\s+(?:also\s+)?be|(?:is|are|'s))?\s*(?:an?|the|real|big|huge)?\s*",
    re.IGNORECASE,
)

_OPENS_A_LIST: Final = re.compile(r"\b(?:if|when|with|who)\b(?:\s+[\w'’]+){0,3}\s*$", re.IGNORECASE)

# Sentence cues, beside those of match_cues.toml: "a CWB ticket is a merit", "is recommended", "preference
# will be given to", "would be useful", "not mandatory".
WISH_SENTENCE: Final = re.compile(
    r"\b(?:is|are|would be|will be|as) an? (?:merit|recommendation)\b|\b(?:is|are) (?:recommended|desired|preferable)\b"
    r"|\bpreference (?:will|may|would|shall) be given\b|\bpreference (?:is )?given\b|\bgiven preference\b"
    r"|\b(?:would|will|could) be (?:useful|handy|helpful|good|lovely|a help)\b"
    r"|\bnot (?:mandatory|compulsory|a must|a requirement)\b|\b(?:will be |is )?considered favou?rably\b"
    r"|\bis (?:a )?nice to have\b|\b(?:a|an) (?:added|extra) (?:benefit|bonus)\b|\bgood to have\b"
    r"|\bwould set you apart\b|\bwill help you stand out\b|\beven better\b",
    re.IGNORECASE,
)


def wish_heading(text: str) -> bool:
    """Whether a short heading line is the heading of a list of wishes, by what its words mean."""
    cleaned = re.sub(r"^[^\w(]+", "", text.strip()).strip("#*_ :").strip()
    words = cleaned.split()
    if not words or len(words) > 10 or cleaned.endswith((".", "!")):
        return False
    if load_cues().headings.get(cleaned.lower()) is not None:
        return load_cues().headings[cleaned.lower()] == "nice"  # a listed heading is what it says
    if _MUST_NAMED.search(cleaned) or "(" in cleaned or "|" in cleaned:
        return False
    found = _WISH_WORDS.search(cleaned)
    if found is None:
        return False
    # "Assets", "Desirable criteria", "It is a merit if you have", "Preference may be given to applicants with:"
    # head a list; "NHS experience desirable" or "Forklift licence an advantage" is one wish, not a heading
    # "Would be a bonus", "Would be an advantage", "Is a plus": a heading that says only that what follows is a wish
    before = _MODAL_LEAD.sub("", cleaned[: found.start()])
    leading = len(before.split()) <= 1 or bool(re.match(r"(?:it|that|this)\b", cleaned, re.I))
    return leading or text.rstrip().endswith(":") or bool(_OPENS_A_LIST.search(cleaned))


# Headings we have not listed, read by their words: "What you'll be doing", "Your week", "Key outputs", "Key
# accountabilities" head duties; "The person", "Candidate requirements", "Qualification and experience" head asks
_DUTY_HEADING: Final = re.compile(
    r"\b(?:duties|responsibilit(?:y|ies)|accountabilit(?:y|ies)|outputs|tasks|doing|your (?:week|day|shift)"
    r"|day in the life|(?:role|job|work) (?:involves|entails)|key result areas?|deliverables)\b",
    re.IGNORECASE,
)
_ASK_HEADING: Final = re.compile(
    r"\b(?:requirements?|qualifications?|experience|the person|candidates?|applicants?|criteria|competenc(?:y|ies|e)"
    r"|eligib(?:le|ility)|must have|you (?:will )?need|you have|who you are|about you|skills)\b",
    re.IGNORECASE,
)


def section_of_heading(text: str, over_list: bool = False) -> str | None:
    """The kind of a heading line ("required", "duties", "nice", "prose", "context") or None; a wish by
    meaning before the listed headings' longer readings, then duties and asks by their words."""
    if wish_heading(text):
        return "nice"
    kind = heading_kind(text)
    if kind is not None:
        return kind
    cleaned = re.sub(r"^[^\w(]+", "", text.strip()).strip("#*_ :").strip()
    if not cleaned or len(cleaned.split()) > 12 or cleaned.endswith((".", "!")) or "(" in cleaned:
        return None  # "NHS experience (desirable)": a person specification's row, not a heading
    for kind, words in (("duties", _DUTY_HEADING), ("required", _ASK_HEADING)):
        found = words.search(cleaned)
        # a heading when it ends with a colon, stands over a list, or opens with the word ("Principal duties");
        # "Carton printing experience preferred" is an ask, not a heading
        opens = len(cleaned[: found.start()].split()) <= 1 and len(cleaned.split()) <= 5 if found else False
        if found and (text.rstrip().endswith(":") or over_list or opens):
            return kind
    return None


def wished(sentence: str) -> bool:
    """A sentence that says its ask is a wish in words beyond the listed cues."""
    return bool(WISH_SENTENCE.search(sentence))
