"""What an answer to "Do you have any questions for us?" asks: its questions, what they are about, and why.

A good answer to that prompt is a set of thoughtful questions, not a STAR story, so such an answer is scored on the
questions it puts (:mod:`.asked_measures`). Two kinds of question call for it: one that invites the candidate's
questions ("Do you have any questions for us?", the ``invitation`` cue), always; and one of the bank's "questions for
the interviewer" ("What are the next steps in the process …?"), when the answer asks the interviewer something. Writers
answer that second kind in two ways, by asking it (with the reason they ask) or as if it were put to them about their
own workplace; the second way is a story and keeps the plan of its question's type (session 21, engineer starQ21).
Cue patterns live in ``asked_questions.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from nextround.analysis.answer.lexicon import lexicon
from nextround.analysis.answer.star import SentenceFeatures
from nextround.analysis.text import normalise, stem, words

ASKING_TYPE = "questions_for_interviewer"
# One line asks at most this many things: a list of clauses is not a list of questions.
MAX_PARTS_PER_LINE = 3


def _read() -> dict[str, str]:
    raw = tomllib.loads(files("nextround.data").joinpath("asked_questions.toml").read_text(encoding="utf-8"))
    return {str(name): str(value) for name, value in raw.items()}


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    return {name: re.compile(pattern) for name, pattern in _read().items() if name != "asking_words"}


@lru_cache(maxsize=1)
def _asking_words() -> frozenset[str]:
    """Stems of the asking itself and of address ("Could I ask, sir, …"), not of what is asked."""
    return frozenset(stem(word) for word in _read()["asking_words"].split())


@lru_cache(maxsize=1)
def _bank_asking_questions() -> frozenset[str]:
    """The bank's own "questions for the interviewer", normalised and lower-cased."""
    with files("nextround.data").joinpath("questions.toml").open("rb") as handle:
        bank = tomllib.load(handle)["question"]
    asking = (entry for entry in bank if entry["category"] == ASKING_TYPE)
    return frozenset(normalise(str(entry["text"])).lower().strip() for entry in asking)


def invites_questions(question: str) -> bool:
    """The question invites the candidate's own questions ("Do you have any questions for us?")."""
    return bool(_cues()["invitation"].search(normalise(question).lower()))


def is_asking_question(question: str) -> bool:
    """The question is one the candidate may ask (the bank's kind) or invites the candidate's questions."""
    return invites_questions(question) or normalise(question).lower().strip() in _bank_asking_questions()


@dataclass(frozen=True)
class Ask:
    """One line that asks the interviewer something."""

    index: int  # the sentence
    parts: int  # how many things it asks ("what happens next, and when will I hear?" asks two)
    pay_and_conditions: bool  # about pay, holidays, hours or parking rather than the work
    named: tuple[str, ...]  # what it names (stems of its content words, the asking itself aside)


@dataclass(frozen=True)
class AskedQuestions:
    """What an answer asks the interviewer, and the lines around its questions."""

    asks: tuple[Ask, ...]
    context: tuple[int, ...]  # the other lines, courtesy aside: why the speaker asks, their own experience

    @property
    def about_the_work(self) -> tuple[Ask, ...]:
        return tuple(ask for ask in self.asks if not ask.pay_and_conditions)

    @property
    def opens_with_pay(self) -> bool:
        return bool(self.asks) and self.asks[0].pay_and_conditions


def _is_ask(sentence: SentenceFeatures) -> bool:
    cues = _cues()
    lower = sentence.lower.strip()
    if cues["indirect_ask"].search(lower):
        return True
    return (
        lower.endswith("?") and bool(cues["question_opening"].search(lower)) and not cues["tag_question"].search(lower)
    )


def _content_stems(text: str) -> set[str]:
    stopwords = lexicon().stopwords
    return {stem(word) for word in words(text.lower()) if word not in stopwords}


# Content words a line of the speaker's own situation needs to count as a reason told ("I'm also in process with one
# other firm, and I'd rather not …"), not a bare claim ("I get along with everyone").
OWN_LINE_WORDS = 5


def own_line(sentence: SentenceFeatures) -> bool:
    """The line tells something of the speaker's own situation, in the first person and with some content."""
    content = [word for word in words(sentence.lower) if word not in lexicon().stopwords]
    return bool(_cues()["first_person"].search(sentence.lower)) and len(content) >= OWN_LINE_WORDS


def read_asks(analysed: Sequence[SentenceFeatures]) -> AskedQuestions:
    """The lines of the answer that ask the interviewer something, and the rest (courtesy lines aside)."""
    cues = _cues()
    asks: list[Ask] = []
    context: list[int] = []
    for sentence in analysed:
        if _is_ask(sentence):
            parts = min(MAX_PARTS_PER_LINE, 1 + len(cues["further_part"].findall(sentence.lower)))
            named = tuple(sorted(_content_stems(sentence.text) - _asking_words()))
            asks.append(Ask(sentence.index, parts, bool(cues["pay_and_conditions"].search(sentence.lower)), named))
        elif not cues["courtesy"].search(sentence.lower.strip()):
            context.append(sentence.index)
    return AskedQuestions(tuple(asks), tuple(context))


def asked_of(question: str, analysed: Sequence[SentenceFeatures]) -> AskedQuestions | None:
    """What the answer asks, when it is to be scored on its questions; ``None`` when it keeps its question type's plan.

    An invitation to ask is always answered by asking (an answer that asks nothing has missed it); a bank question of
    the kind is scored so only when the answer asks something (else it was answered as if put to the speaker)."""
    if not analysed or not is_asking_question(question):
        return None
    asked = read_asks(analysed)
    if asked.asks or invites_questions(question):
        return asked
    return None
