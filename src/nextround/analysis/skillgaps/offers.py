"""What the employer offers, not what it asks: pay, pension, leave, insurance, medical cover, perks.

An offer is never an ask wherever it sits: "Medical cover under NHIS" or "stern share averages USD 55,000 a
season" under a heading we have no name for, "Salary as per experience plus annual bonus" in a list of asks. A
heading that may head either ("Conditions", "Terms", "Conditions of employment": conditions of service or of
eligibility) is read by what its lines hold: offers make it the offer, asks keep it a list of asks.

The words are data (table ``[offers]`` of ``match_cues.toml``); a line is an offer when it names a sum of money or
an offer word makes a good part of it, and nothing in it asks ("Experience of pension administration", "Spanish a
bonus", "3 years of payroll including pensions and benefits" ask).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Final

from nextround.analysis.skillgaps.cues import CUES_RESOURCE
from nextround.analysis.skillgaps.phrases import duty_verbs


def _phrases(items: list[str]) -> str:
    return "|".join(re.escape(item) for item in sorted({item.lower() for item in items}, key=len, reverse=True))


@dataclass(frozen=True)
class _OfferWords:
    strong: re.Pattern[str]
    offer: re.Pattern[str]  # strong or weak: a word that names what is offered
    any_word: re.Pattern[str]  # and the modifiers that only add to it
    skill_after: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _OfferWords:
    data = tomllib.loads(files("nextround.data").joinpath(CUES_RESOURCE).read_text(encoding="utf-8"))["offers"]
    strong, weak, modifiers = _phrases(data["strong"]), _phrases(data["weak"]), _phrases(data["modifiers"])
    return _OfferWords(
        strong=re.compile(rf"(?<![\w'])(?:{strong})(?![\w'])", re.IGNORECASE),
        offer=re.compile(rf"(?<![\w'])(?:{strong}|{weak})(?![\w'])", re.IGNORECASE),
        any_word=re.compile(rf"(?<![\w'])(?:{strong}|{weak}|{modifiers})(?![\w'])", re.IGNORECASE),
        skill_after=re.compile(
            rf"(?<![\w'])(?:{strong}|{weak})\s+(?:and\s+\w+\s+)?(?:{_phrases(data['skill_after'])})(?![\w'])",
            re.IGNORECASE,
        ),
    )


_CURRENCY_CODES: Final = (
    r"USD|US\$|GBP|EUR|CAD|AUD|NZD|ZAR|INR|NGN|GHS|GH₵|KES|KSh|Ksh|PHP|SGD|AED|SAR|QAR|OMR|KWD|PLN|SEK|NOK|DKK|CHF"
    r"|JMD|TTD|MYR|JPY|HKD|BWP|UGX|TZS|RWF|ZMW|MUR|LKR|PKR|BDT|NPR|IDR|THB|VND|MXN|BRL|CLP|COP|ARS|PEN|CZK|HUF|RON"
    r"|Rs\.?|Rp"
)
_MONEY: Final = re.compile(
    rf"(?:[$£€¥₹₦₱₵]|(?<![\w])(?:{_CURRENCY_CODES})\s?)\d"
    rf"|\d[\d,.]*\s?(?:k\b|K\b)?\s?(?<![\w])(?:{_CURRENCY_CODES})(?![\w])"
    r"|(?<![\w])R\s?\d{1,3}(?:[ ,]\d{3})+|(?<![\w])R\d{4,}"  # South African rand: "R15,000"
    r"|\d{1,3}(?:,\d{3})+\s*(?:-|–|to)\s*\d{1,3}(?:,\d{3})+\s*(?:per|a|an|p\.?a)\b",
)
# A sum that is a measure of work, not of pay: "budgets of £2m", "a portfolio worth $40m"
_MONEY_OF_WORK: Final = re.compile(
    r"\b(?:budgets?|turnover|revenue|sales|portfolios?|contracts?|projects?|values?|valued|worth|transactions?"
    r"|loans?|funds?|accounts?|deals?|spend|capex|opex|p&l|invoices?|claims?|estates?|assets|tenders?)\b",
    re.IGNORECASE,
)
# Words that ask, so that a line holding them is an ask whatever offer words it has
_ASKS: Final = re.compile(
    r"\b(?:must|required|requires?|essential|mandatory|experience[ds]?|knowledge|knowledgeable|skills?|skilled"
    r"|ability|able to|proficien\w*|familiar\w*|understanding|certificat\w*|certified|licen[cs]e[ds]?|qualifi\w*"
    r"|degree|diploma|registered|registration|trained in|background in|track record|proven|clearance|fluen\w*"
    r"|you (?:have|hold|bring|will need|need)|candidates?|applicants?)\b",
    re.IGNORECASE,
)
# "Spanish a bonus", "a plus", "an advantage": a wish, not an offer
_WISH: Final = re.compile(
    r"\b(?:is|are|would be|be)?\s*(?:a|an)\s+(?:\w+\s+)?(?:bonus|plus|advantage|asset)\b|\bbonus (?:if|points)\b"
    r"|\bnice to have\b|\bdesirable\b|\bpreferred\b",
    re.IGNORECASE,
)
_YEARS_OF: Final = re.compile(
    r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\+?\s*(?:years?|yrs?)['’]?s?\b", re.IGNORECASE
)
# Verbs that open a duty about offers: "Advise on life cover, critical illness and income protection"
_DUTY_OPENING: Final = frozenset(
    ["advise", "explain", "arrange", "recommend", "quote", "administer", "calculate", "review", "handle", "answer",
     "manage", "sell", "process", "run", "prepare", "pay", "issue", "negotiate", "set", "assess", "promote"],
)  # fmt: skip
_FILLER: Final = frozenset(
    ["a", "an", "the", "and", "or", "of", "on", "in", "at", "to", "for", "with", "by", "from", "under", "as", "per",
     "our", "your", "all", "after", "during", "then", "each", "every", "&", "+", "-", "–"],
)  # fmt: skip


# A sentence that says what is given: "We offer a sign-on bonus, tuition reimbursement and ...", "In return you'll get"
_OFFER_OPENING: Final = re.compile(
    r"\W*(?:we\s+(?:also\s+)?(?:offer|provide|pay|give)|in return|you(?:'ll| will)\s+(?:get|receive|enjoy|be paid)"
    r"|(?:the\s+)?(?:package|benefits|perks)\s+(?:include|includes|is|are))\b",
    re.IGNORECASE,
)


def _content(text: str) -> list[str]:
    return [word for word in re.findall(r"[^\W_][\w'’.%()-]*|[$£€]", text.lower()) if word not in _FILLER]


def _offer_share(text: str, strong_needed: bool) -> bool:
    words = _words()
    if not (words.strong if strong_needed else words.offer).search(text):
        return False
    covered = sum(len(_content(found.group(0))) for found in words.any_word.finditer(text))
    numbers = len(re.findall(r"(?<![\w.])\d[\d,.%]*(?![\w])", text))  # "9%", "35-hour", "20": the offer's figures
    content = _content(text)
    return bool(content) and (covered + numbers) * 3 >= len(content)


def _asks(text: str, duty_verbs: frozenset[str]) -> bool:
    first = (text.split() or [""])[0].lower().strip(",.:;")
    return bool(
        _ASKS.search(text)
        or _WISH.search(text)
        or _YEARS_OF.search(text)
        or _words().skill_after.search(text)
        or first in duty_verbs
        or first in _DUTY_OPENING
    )


def is_offer(text: str) -> bool:
    """A line or sentence that only says what the employer gives ("Pension up to 9% employer", "NZD 32 - 40 per
    hour", "Medical cover under NHIS", "Public service salary structure (GSSS), Level 15")."""
    text = text.strip()
    if not text or _asks(text, duty_verbs()):
        return False
    if _OFFER_OPENING.match(text):
        return True
    money = _MONEY.search(text)
    if money and not _MONEY_OF_WORK.search(text):
        return True
    return _offer_share(text, strong_needed=True)


def offered_section(lines: list[str]) -> bool:
    """Whether the lines under a heading are the offer: most of them are offers, a line of offer words counting
    even without a word that is an offer by itself ("Public service pension and benefits"). "Conditions" over
    "Must hold a valid work permit" and "Reliability security clearance" stays a list of asks."""
    if not lines:
        return False
    offers = 0
    for line in lines:
        if is_offer(line) or (not _asks(line, duty_verbs()) and _offer_share(line, strong_needed=False)):
            offers += 1
    return offers * 2 > len(lines)
