"""What a user's own question asks, in its own words: the question with its lead ("Tell me about a time",
"How would you") turned into a clause the advice can name ("when you dealt with a pest or disease in a crop or
herd", "how you would reorganise a cluttered stockroom"). Used when the question is far from every bank question,
so that the concept it borrows from them would mislead (session 14)."""

from __future__ import annotations

import re
from typing import Final

from nextround.analysis.answer.lexicon import lexicon

# Leads that open a story question; what follows is the event ("you dealt with ...", "neighbours complained ...").
_STORY_LEAD: Final = re.compile(
    r"^(?:(?:can|could) you )?(?:please )?(?:tell (?:me|us) about|describe|give (?:me |us )?an example of|"
    r"talk (?:me |us )?through|share|walk (?:me |us )?through)\s+(?:a|an|one|the)\s+"
    r"(?:time|occasion|situation|moment|instance|example)\s*(?:when|where|that|in which)?\s+",
    re.IGNORECASE,
)
# A story lead followed by a thing rather than an event: "Tell me about a disagreement you handled".
_THING_LEAD: Final = re.compile(
    r"^(?:(?:can|could) you )?(?:please )?(?:tell (?:me|us) about|describe|give (?:me |us )?an example of)\s+",
    re.IGNORECASE,
)
# "How would you X" -> "how you would X"; "What do you do when X" -> "what you do when X".
_ASKED_LEAD: Final = re.compile(
    r"^(how|what|why|where|which)\s+(would|do|did|could|should|will|can)\s+you\s+", re.IGNORECASE
)
# "Are you comfortable at heights" -> "whether you are comfortable at heights".
_YES_NO_LEAD: Final = re.compile(r"^(are|do|have|can|could|would|will|did)\s+you\s+", re.IGNORECASE)
# "Why should we hire you as ..." -> "why they should hire you as ...".
_HIRE_LEAD: Final = re.compile(r"^why should (?:we|i|they)\s+", re.IGNORECASE)
_WH: Final = ("how ", "what ", "why ", "where ", "which ", "who ")
# Words a question uses to ask, never what it is about.
GENERIC_QUESTION_WORDS: Final = frozenset(
    [
        "tell",
        "describe",
        "give",
        "example",
        "time",
        "times",
        "situation",
        "occasion",
        "moment",
        "instance",
        "share",
        "talk",
        "walk",
        "through",
        "please",
        "would",
        "could",
        "should",
        "can",
        "did",
        "do",
        "does",
        "about",
        "me",
        "us",
        "you",
        "your",
        "yourself",
    ]
)


def own_topic(question: str) -> str:
    """The clause naming what ``question`` asks, in its words; "" when no lead is recognised and it has no
    content words of its own."""
    first = re.split(r"(?<=[?.!])\s+", question.strip(), maxsplit=1)[0].strip().rstrip("?.! ").strip()
    if not first:
        return ""
    if story := _STORY_LEAD.match(first):
        rest = first[story.end() :]
        return rest if rest.lower().startswith(("when ", "how ", "what ")) else f"when {rest}"
    if asked := _ASKED_LEAD.match(first):
        wh, verb = asked.group(1).lower(), asked.group(2).lower()
        rest = first[asked.end() :]
        if verb == "did":  # "How did you decide on ..." -> "how you decided on ..."
            return f"{wh} you {_in_the_past(rest)}"
        return f"{wh} you {rest}" if verb == "do" else f"{wh} you {verb} {rest}"
    if hire := _HIRE_LEAD.match(first):
        return f"why they should {first[hire.end() :]}"
    if yes_no := _YES_NO_LEAD.match(first):
        verb = yes_no.group(1).lower()
        rest = first[yes_no.end() :]
        if verb == "did":  # "Did you enjoy ..." -> "whether you enjoyed ..."
            return f"whether you {_in_the_past(rest)}"
        return f"whether you {rest}" if verb == "do" else f"whether you {verb} {rest}"
    if thing := _THING_LEAD.match(first):
        return first[thing.end() :]
    if first.lower().startswith(_WH):  # "What makes you a good fit for night shifts"
        return first[0].lower() + first[1:]
    return _key_words(first)


# The past of the verbs a "did you" question most often asks with, where adding -ed is wrong.
_IRREGULAR_PAST: Final = {
    "become": "became", "begin": "began", "bring": "brought", "build": "built", "buy": "bought",
    "choose": "chose", "come": "came", "cut": "cut", "deal": "dealt", "do": "did", "feel": "felt", "find": "found",
    "get": "got", "give": "gave", "go": "went", "have": "had", "hear": "heard", "hold": "held", "keep": "kept",
    "know": "knew", "lead": "led", "leave": "left", "let": "let", "lose": "lost", "make": "made",
    "meet": "met", "pay": "paid", "put": "put", "run": "ran", "say": "said", "see": "saw", "sell": "sold",
    "send": "sent", "set": "set", "speak": "spoke", "spend": "spent", "stand": "stood", "take": "took",
    "teach": "taught", "tell": "told", "think": "thought", "understand": "understood", "win": "won", "write": "wrote",
}  # fmt: skip


def _in_the_past(rest: str) -> str:
    """``rest`` with its first word, a verb's base form after "did you", put in the past: "decide on the price"
    gives "decided on the price"."""
    verb, _, tail = rest.partition(" ")
    lowered = verb.lower()
    if lowered in _IRREGULAR_PAST:
        past = _IRREGULAR_PAST[lowered]
    elif lowered.endswith("e"):
        past = lowered + "d"
    elif re.search(r"[^aeiou]y$", lowered):
        past = lowered[:-1] + "ied"
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", lowered):  # one short syllable: stop, plan, fit
        past = lowered + lowered[-1] + "ed"
    else:
        past = lowered + "ed"
    return f"{past} {tail}".strip()


def _key_words(text: str) -> str:
    """The question's content words in its order, joined as a list: for a question of an unknown shape."""
    stop = lexicon().stopwords
    words = [
        word
        for word in dict.fromkeys(re.findall(r"[a-z][a-z'-]+", text.lower()))
        if word not in stop and word not in GENERIC_QUESTION_WORDS
    ][:4]
    if not words:
        return ""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def is_clause(topic: str) -> bool:
    """Whether the topic is a clause ("how you would ...") rather than a thing or a list of words."""
    return topic.startswith(("when ", "whether ", *_WH))
