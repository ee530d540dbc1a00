"""Reading a mail: sentence features, the trained classifier, exact header rules and the invitation's stage."""

from __future__ import annotations

import json
import math
import re
import tomllib
import zlib
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Final

from nextround.analysis.text import split_sentences
from nextround.analysis.text import words as text_words
from nextround.analysis.vectors import Matrix, argmax, dot, linear

if TYPE_CHECKING:
    from nextround.analysis.embedding import EmbeddingModel

from nextround.analysis.mail.base import (
    FEATURE_VERSION,
    MAX_BODY_CHARS,
    MAX_SENTENCES,
    PROTOTYPES_RESOURCE,
    WEIGHTS_RESOURCE,
    MailKind,
    MailReading,
    MailText,
    cues,
    is_ats_domain,
    is_bulk,
)
from nextround.analysis.mail.names import guess_company, guess_role
from nextround.analysis.mail.when import find_when

# -- features -----------------------------------------------------------------------------------------

_GREETING = re.compile(r"^(hi|hello|hey|dear|good day|g'day|kia ora)\b[^\n]{0,60}$", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """Body sentences without greetings, at most MAX_SENTENCES."""
    found = []
    for piece in split_sentences(text[:MAX_BODY_CHARS]):
        piece = piece.strip(" \t-*>")
        if len(piece) < 3 or _GREETING.match(piece):
            continue
        found.append(piece)
        if len(found) >= MAX_SENTENCES:
            break
    return found


def exact_flags(mail: MailText, in_request_thread: bool) -> list[float]:
    subject = mail.subject.lower()
    local = mail.sender_address.partition("@")[0].lower()
    return [
        1.0 if is_bulk(mail) else 0.0,
        1.0 if in_request_thread else 0.0,
        1.0 if subject.startswith(("re:", "re :", "aw:", "sv:")) else 0.0,
        1.0 if is_ats_domain(mail.sender_domain) else 0.0,
        1.0 if "reply" in local or "noreply" in local else 0.0,
    ]


N_FLAGS: Final = 5


HASH_BUCKETS: Final = 2048


@lru_cache(maxsize=1)
def prototype_groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    raw = tomllib.loads(files("nextround.data").joinpath(PROTOTYPES_RESOURCE).read_text("utf-8"))
    return tuple((name, tuple(texts)) for name, texts in raw["prototypes"].items())


_PROTOTYPE_CACHE: dict[int, tuple[Matrix, list[int]]] = {}


def _prototypes(model: EmbeddingModel) -> tuple[Matrix, list[int]]:
    key = id(model)
    if key not in _PROTOTYPE_CACHE:
        groups = prototype_groups()
        texts = [text for _, members in groups for text in members]
        owners = [index for index, (_, members) in enumerate(groups) for _ in members]
        _PROTOTYPE_CACHE.clear()
        _PROTOTYPE_CACHE[key] = (model.embed(texts), owners)
    return _PROTOTYPE_CACHE[key]


def _hashed_words(mail: MailText) -> list[float]:
    """Words and word pairs within each sentence, hashed into buckets (CRC32: the same on every machine),
    at unit length."""
    buckets: set[int] = set()
    for piece in [mail.subject, *split_sentences(mail.body[:MAX_BODY_CHARS])]:
        words = [w.lower() for w in text_words(piece)]
        for token in [*words, *(f"{a} {b}" for a, b in pairwise(words))]:
            buckets.add(zlib.crc32(token.encode()) % HASH_BUCKETS)
    out = [0.0] * HASH_BUCKETS
    if buckets:
        value = 1.0 / math.sqrt(len(buckets))
        for bucket in buckets:
            out[bucket] = value
    return out


def feature_count() -> int:
    groups = prototype_groups()
    return sum(len(members) for _, members in groups) + len(groups) + N_FLAGS + HASH_BUCKETS


def features(model: EmbeddingModel, mails: Sequence[MailText], threads: Sequence[bool]) -> Matrix:
    """One row per message: closeness of its nearest sentence to each reference sentence (and group),
    the exact header flags, and its hashed words (float32 rows)."""
    prototypes, owners = _prototypes(model)
    members = [[index for index, owner in enumerate(owners) if owner == group] for group in range(max(owners) + 1)]
    split = [[*sentences(m.body), m.subject or "(no subject)"] for m in mails]
    similarities = dot(model.embed([s for group in split for s in group]), prototypes)
    rows: list[list[float]] = []
    start = 0
    for row, group in enumerate(split):
        nearest = [max(column) for column in zip(*similarities[start : start + len(group)], strict=True)]
        start += len(group)
        by_group = [max(nearest[index] for index in indices) for indices in members]
        rows.append([*nearest, *by_group, *exact_flags(mails[row], threads[row]), *_hashed_words(mails[row])])
    return Matrix.from_rows(rows, feature_count())


# -- the classifier -----------------------------------------------------------------------------------


class MailClassifier:
    """Multinomial logistic regression: softmax(features @ coef.T + intercept)."""

    def __init__(self, classes: Sequence[str], coef: Matrix, intercept: list[float]) -> None:
        self.classes = tuple(MailKind(c) for c in classes)
        self.coef = coef
        self.intercept = intercept

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MailClassifier:
        if data.get("feature_version") != FEATURE_VERSION:
            raise ValueError("the mail classifier weights were trained on other features: retrain them")
        coef = data["coef"]
        return cls(data["classes"], Matrix.from_rows(coef, len(coef[0])), [float(v) for v in data["intercept"]])

    def probabilities(self, rows: Matrix) -> list[list[float]]:
        """Per message, the softmax over the classes."""
        out = []
        for logits in linear(rows, self.coef, self.intercept):
            top = max(logits)
            exp = [math.exp(value - top) for value in logits]
            total = sum(exp)
            out.append([value / total for value in exp])
        return out


@lru_cache(maxsize=1)
def load_classifier() -> MailClassifier:
    data = json.loads(files("nextround.data").joinpath(WEIGHTS_RESOURCE).read_text("utf-8"))
    return MailClassifier.from_dict(data)


def read_mails(
    mails: Sequence[MailText],
    model: EmbeddingModel,
    classifier: MailClassifier,
    request_ids: frozenset[str] = frozenset(),
) -> list[MailReading]:
    """Classify and extract, in one batch (embedding many texts at once is much faster)."""
    if not mails:
        return []
    threads = [bool(request_ids.intersection(m.thread_ids)) for m in mails]
    probabilities = classifier.probabilities(features(model, mails, threads))
    readings = []
    for mail, row, in_thread in zip(mails, probabilities, threads, strict=True):
        scores = {kind.value: round(float(p), 4) for kind, p in zip(classifier.classes, row, strict=True)}
        kind = classifier.classes[argmax(row)]
        kind = _exact_kind(mail, kind, in_thread)
        readings.append(
            _reading(mail, kind, float(scores[kind.value]) if kind.value in scores else 1.0, scores, in_thread)
        )
    return readings


def _exact_kind(mail: MailText, kind: MailKind, in_thread: bool) -> MailKind:
    """Where a header settles the question, the header wins over the model."""
    if is_bulk(mail) and kind in (MailKind.ACKNOWLEDGEMENT, MailKind.RECRUITER_OUTREACH, MailKind.FEEDBACK_REPLY):
        return MailKind.NOT_JOB
    if in_thread and kind in (MailKind.REJECTION, MailKind.ACKNOWLEDGEMENT, MailKind.NOT_JOB):
        # An answer in the thread of our own feedback request is that answer, whatever its wording.
        return MailKind.FEEDBACK_REPLY
    return kind


def _reading(
    mail: MailText, kind: MailKind, confidence: float, scores: dict[str, float], in_thread: bool
) -> MailReading:
    company, role = (guess_company(mail), guess_role(mail)) if kind is not MailKind.NOT_JOB else ("", "")
    when = None
    stage = None
    if kind is MailKind.INVITATION:
        when = find_when(f"{mail.subject}\n{mail.body}", mail.sent_at)
        stage = invitation_stage(f"{mail.subject}\n{mail.body}")
    elif kind is MailKind.OFFER:
        stage = "offer"
    return MailReading(kind, round(confidence, 4), company, role, stage, when, scores, in_thread)


def invitation_stage(text: str) -> str:
    lowered = " ".join(text.lower().split())
    for stage, phrases in cues().invitation_stages:
        # "an interview ... including a short test" is an interview, not an assessment.
        if (
            stage == "assessment"
            and "interview" in lowered
            and not any(p in lowered for p in ("assessment centre", "assessment center", "trade test", "trial shift"))
            and not re.search(r"\b(complete|completing)\b", lowered)
        ):
            continue
        if any(phrase in lowered for phrase in phrases):
            return stage
    return "interview"
