"""The clause classifier: features of a clause, and a small linear model over them.

Features are the clause's sentence embedding (the packaged static model, 256 numbers) and lexicon
features: the rule reading of the clause (cue scores per theme, tone, rivals, boilerplate), and the text
toolkit's negation and contrast flags ("never in doubt", "no concerns about", "but ..."). Static
embeddings do not see negation, so those flags carry it.

Heads of one-vs-rest logistic regression: polarity (reason, praise, neutral), theme (ten themes, what a
clause is about, praise included) and, since session 7, the theme of a reason (trained on reason clauses only).
The weights ship in ``data/feedback_model.npz``; ``scripts/train_feedback.py`` rebuilds them exactly.
Run time reads them without numpy (:func:`nextround.analysis.vectors.read_npz`) and runs the two heads
through :mod:`nextround.analysis.vectors`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Final

from nextround.analysis.feedback.lexicon import Tone
from nextround.analysis.feedback.rules import ClauseRules
from nextround.analysis.feedback.types import ACTIONABLE_THEMES, THEMES
from nextround.analysis.text import Clause, dismissed_concerns, has_negation, stem, words
from nextround.analysis.vectors import Matrix, linear, read_npz, sigmoid

__all__ = [
    "GREETING_OR_SIGN_OFF",
    "POLARITIES",
    "SIGN_OFF",
    "ClauseModel",
    "Matrix",
    "clause_features",
    "clause_words",
    "lexicon_feature_names",
    "load_clause_model",
    "turns_against",
]

POLARITIES: Final = ("reason", "praise", "neutral")
WEIGHTS_FILE: Final = "feedback_model.npz"
_CUE_THEMES: Final = tuple(theme for theme in THEMES if theme != "generic")
_PERSONAL: Final = tuple(theme for theme in THEMES if theme in ACTIONABLE_THEMES)
_TONES: Final = (Tone.CRITICAL, Tone.HEDGED, Tone.NEUTRAL, Tone.PRAISE)
# A clause is read with its neighbours: "Your till work was perfect. Need someone for Sundays though." is
# praise then a reason because the second turns against the first, whatever either says alone.
_CONTEXT_FEATURES: Final = (
    "turn_inside",
    "next_turns",
    "previous_praise",
    "previous_critical",
    "next_praise",
    "next_critical",
    "last_clause",
    "greeting_or_sign_off",
)
# "Hi Chris," and "Best,\nAnna" say nothing about the candidate, whatever their neighbours say.
_SIGN_OFF: Final = (
    r"(?:best|regards|kind regards|best regards|warm regards|many thanks|thanks|cheers|sincerely|"
    r"yours sincerely|best wishes)\b[\s,!.]*(?:\n[^\n]{0,40})?"
)
GREETING_OR_SIGN_OFF: Final = re.compile(
    r"\s*(?:(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening|day)|g'day)\b[^.!?]{0,40}"
    rf"|{_SIGN_OFF})\s*[,.!]?\s*",
    re.IGNORECASE,
)
# "Best,\nAnna": "best" is no praise there.
SIGN_OFF: Final = re.compile(rf"\s*{_SIGN_OFF}\s*[,.!]?\s*", re.IGNORECASE)
# Words that turn a clause against what came before when they are not at its start ("... though.").
_TURN_WORDS: Final = re.compile(
    r"\b(?:though|tho|however|unfortunately|sadly|regrettably|afraid|that said|problem is|only thing)\b",
    re.IGNORECASE,
)


def lexicon_feature_names() -> list[str]:
    return [
        *(f"reason:{theme}" for theme in _CUE_THEMES),
        *(f"praised:{theme}" for theme in _PERSONAL),
        *(f"cue:{theme}" for theme in _CUE_THEMES),
        *(f"soft:{theme}" for theme in _PERSONAL),
        *(f"tone:{tone.value}" for tone in _TONES),
        "tone_marked",
        "negative_cue",
        "rival",
        "rival_constraint",
        "internal",
        "closeness",
        "unplaced",
        "code",
        "boilerplate",
        "dismissed_concern",
        "dismissed",
        "negation",
        "contrast",
        "concession",
        "words",
        "first_clause",
        *_CONTEXT_FEATURES,
    ]


def _lexicon(rules: ClauseRules, clause: Clause, original: str, first: bool) -> list[float]:
    text = original[clause.start : clause.end]
    return [
        *(rules.reasons.get(theme, 0.0) for theme in _CUE_THEMES),
        *(float(theme in rules.praised) for theme in _PERSONAL),
        *(float(theme in rules.hit_themes) for theme in _CUE_THEMES),
        *(min(rules.soft.get(theme, 0), 3) / 3 for theme in _PERSONAL),
        *(float(rules.tone is tone) for tone in _TONES),
        float(rules.marked),
        float(rules.negative_cue),
        float(rules.rival),
        float(rules.rival_constraint),
        float("filled_internally" in rules.codes),
        float(rules.closeness),
        float(rules.unplaced),
        float(bool(rules.codes)),
        rules.boilerplate,
        float(bool(dismissed_concerns(text))),
        float(rules.dismissed),
        float(has_negation(text)),
        float(clause.contrast),
        float(clause.concession),
        math.log1p(len(words(text))) / 4,
        float(first),
    ]


def turns_against(clause: Clause, original: str) -> bool:
    """The clause turns against what came before: it opens with a contrast word or says "though" inside."""
    return clause.contrast or bool(_TURN_WORDS.search(original, clause.start, clause.end))


def _context(index: int, clauses: Sequence[Clause], readings: Sequence[ClauseRules], original: str) -> list[float]:
    previous = readings[index - 1] if index > 0 else None
    following = readings[index + 1] if index + 1 < len(readings) else None
    clause = clauses[index]
    inside = bool(_TURN_WORDS.search(original, clause.start, clause.end))
    return [
        float(inside),
        float(index + 1 < len(clauses) and turns_against(clauses[index + 1], original)),
        float(previous is not None and previous.tone is Tone.PRAISE),
        float(previous is not None and previous.tone is Tone.CRITICAL),
        float(following is not None and following.tone is Tone.PRAISE),
        float(following is not None and following.tone is Tone.CRITICAL),
        float(index + 1 == len(clauses)),
        float(bool(GREETING_OR_SIGN_OFF.fullmatch(original, clause.start, clause.end))),
    ]


def clause_words(text: str) -> frozenset[str]:
    """The clause's word stems and stem pairs: the theme head's bag of words ("unclear", "our brand")."""
    stems = [stem(word.lower()) for word in words(text)]
    return frozenset(stems) | frozenset(f"{first} {second}" for first, second in pairwise(stems))


def clause_features(
    original: str, clauses: Sequence[Clause], readings: Sequence[ClauseRules], embeddings: Matrix
) -> Matrix:
    """One float64 row per clause: lexicon features, its context, then the clause embedding."""
    width = len(lexicon_feature_names()) + embeddings.dims
    return Matrix.from_rows(
        (
            _lexicon(rules, clause, original, index == 0) + _context(index, clauses, readings, original) + vector
            for index, (rules, clause, vector) in enumerate(zip(readings, clauses, embeddings.tolist(), strict=True))
        ),
        width,
        "d",
    )


@dataclass(frozen=True)
class ClauseModel:
    """Standardisation and the two heads' weights (float64 matrices, rows: one class each).

    The theme head also reads the clause's word stems: a static embedding is the mean of its words, so
    one telling word ("unclear", "interrupting", "brands") is diluted in it; a weight per stem and theme
    keeps it. Each theme has its own threshold, chosen by cross-validation.
    """

    mean: list[float]
    scale: list[float]
    polarity_coef: Matrix
    polarity_bias: list[float]
    theme_coef: Matrix
    theme_bias: list[float]
    theme_thresholds: list[float]
    vocabulary: list[str] = field(default_factory=list)
    word_coef: list[list[float]] = field(default_factory=list)  # one row per vocabulary stem: a weight per theme
    # The polarity head reads the same stems (session 5): "audition", "regards", "rang" say a clause is the
    # letter's frame, "under-baked", "muddled" that it is criticism, whatever the mean vector says.
    polarity_word_coef: list[list[float]] = field(default_factory=list)  # a weight per stem and polarity
    # The theme of a reason (session 7): a head of its own, trained on reason clauses only. The theme head above
    # is trained on praise as well, where most clauses are praised skills ("Your knife work was clean"), so it
    # read "Your X was Y" criticism as technical_skills whatever X was; it still names what praise is about.
    reason_theme_coef: Matrix | None = None
    reason_theme_bias: list[float] = field(default_factory=list)
    reason_word_coef: list[list[float]] = field(default_factory=list)  # a weight per stem and theme
    _index: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index.update((word, index) for index, word in enumerate(self.vocabulary))

    def predict(
        self, features: Matrix, stems: Sequence[frozenset[str]] = ()
    ) -> tuple[list[list[float]], list[list[float]]]:
        """Per clause: polarity probabilities (normalised over the three) and independent theme probabilities."""
        standard = self._standard(features)
        polarity_logits = self._logits(standard, stems, self.polarity_coef, self.polarity_bias, self.polarity_word_coef)
        logits = self._logits(standard, stems, self.theme_coef, self.theme_bias, self.word_coef)
        polarity = [[sigmoid(x) for x in row] for row in polarity_logits]
        polarity = [[p / max(sum(row), 1e-12) for p in row] for row in polarity]
        themes = [[sigmoid(x) for x in row] for row in logits]
        return polarity, themes

    def predict_reasons(self, features: Matrix, stems: Sequence[frozenset[str]] = ()) -> list[list[float]]:
        """Per clause: independent theme probabilities as a reason (the theme head's when there is no reason head)."""
        if self.reason_theme_coef is None:
            return self.predict(features, stems)[1]
        logits = self._logits(
            self._standard(features), stems, self.reason_theme_coef, self.reason_theme_bias, self.reason_word_coef
        )
        return [[sigmoid(x) for x in row] for row in logits]

    def _standard(self, features: Matrix) -> Matrix:
        centre, scale = self.mean, self.scale
        return Matrix.from_rows(
            ([(x - m) / s for x, m, s in zip(row, centre, scale, strict=True)] for row in features.tolist()),
            features.dims,
            "d",
        )

    def _logits(
        self,
        standard: Matrix,
        stems: Sequence[frozenset[str]],
        coef: Matrix,
        bias: list[float],
        word_coef: list[list[float]],
    ) -> list[list[float]]:
        """One head's logits: the standardised features, then a weight for each of the clause's known stems."""
        logits = linear(standard, coef, bias)
        if word_coef:
            for row, clause_stems in zip(logits, stems, strict=False):
                for word in sorted(clause_stems):
                    at = self._index.get(word)
                    if at is not None:
                        for label, weight in enumerate(word_coef[at]):
                            row[label] += weight
        return logits

    def arrays(self) -> dict[str, list[float] | list[list[float]]]:
        """The weights as nested lists, by the names the weights file uses (the vocabulary is stored apart)."""
        arrays: dict[str, list[float] | list[list[float]]] = {
            "mean": self.mean,
            "scale": self.scale,
            "polarity_coef": self.polarity_coef.tolist(),
            "polarity_bias": self.polarity_bias,
            "theme_coef": self.theme_coef.tolist(),
            "theme_bias": self.theme_bias,
            "theme_threshold": self.theme_thresholds,
            "word_coef": self.word_coef,
            "polarity_word_coef": self.polarity_word_coef,
        }
        if self.reason_theme_coef is not None:
            arrays["reason_theme_coef"] = self.reason_theme_coef.tolist()
            arrays["reason_theme_bias"] = self.reason_theme_bias
            arrays["reason_word_coef"] = self.reason_word_coef
        return arrays


@lru_cache(maxsize=1)
def load_clause_model() -> ClauseModel:
    """The shipped weights (read once per process; float32 in the file, float64 from here on)."""
    data = read_npz(resources.files("nextround.data").joinpath(WEIGHTS_FILE).read_bytes())
    if tuple(data["themes"].strings or ()) != THEMES or tuple(data["polarities"].strings or ()) != POLARITIES:
        raise RuntimeError(f"{WEIGHTS_FILE} was trained for other labels: retrain with scripts/train_feedback.py")
    return ClauseModel(
        mean=data["mean"].floats(),
        scale=data["scale"].floats(),
        polarity_coef=data["polarity_coef"].matrix(),
        polarity_bias=data["polarity_bias"].floats(),
        theme_coef=data["theme_coef"].matrix(),
        theme_bias=data["theme_bias"].floats(),
        theme_thresholds=data["theme_threshold"].floats(),
        vocabulary=list(data["vocabulary"].strings or ()),
        word_coef=data["word_coef"].matrix().tolist(),
        polarity_word_coef=data["polarity_word_coef"].matrix().tolist(),
        reason_theme_coef=data["reason_theme_coef"].matrix() if "reason_theme_coef" in data else None,
        reason_theme_bias=data["reason_theme_bias"].floats() if "reason_theme_bias" in data else [],
        reason_word_coef=data["reason_word_coef"].matrix().tolist() if "reason_word_coef" in data else [],
    )
