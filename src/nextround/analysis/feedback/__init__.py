"""Employer-feedback analysis: themes, strengths, reasons outside the person's control, next steps.

Feedback is understood clause by clause:

1. Boilerplate ("we went with another candidate") is found and blanked for the rules, so its words
   ("experience more closely matches our needs") cannot pass for a specific reason.
2. The text toolkit (:mod:`nextround.analysis.text`) splits sentences and clauses at contrast words
   ("but", "however", a leading "While ..., ...") and marks negation ("never in doubt").
3. Rules (``rules.py``, cue lists in ``data/feedback_cues.toml``) read each clause: tone, cue hits, rivals.
4. A small linear classifier (``model.py``) reads the rule features, the negation and contrast flags and
   the clause's sentence embedding, and decides whether the clause is a reason, praise or neither, and
   which themes it is about. ``decision.py`` (:func:`decide`) turns the clause readings into the analysis:
   reasons become themes with the clause as evidence; praise becomes `strengths`; criticism under negation
   ("your technical skills were never in doubt") is praise.
5. Exact facts stay with rules: outside-your-control codes and the terms that name what to practise.

`generic` means boilerplate only. Quality on the project's own corpus (tests/data/feedback_corpus/) is
measured by bench/eval_feedback.py and written up in docs/analysis-model.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nextround.analysis.feedback.decision import _explains_topic as _explains_topic  # a test reads it here
from nextround.analysis.feedback.decision import decide
from nextround.analysis.feedback.lexicon import boilerplate_spans, candidates, mask
from nextround.analysis.feedback.model import clause_features, clause_words, load_clause_model
from nextround.analysis.feedback.rules import ClauseRules, read_clauses
from nextround.analysis.feedback.types import (
    ACTIONABLE_THEMES,
    MAX_ANALYSED_CHARS,
    OUTSIDE_CONTROL_CODES,
    THEMES,
    ClauseReading,
    FeedbackAnalysis,
    Strength,
    ThemeFinding,
)
from nextround.analysis.text import Clause, clause_spans, sentence_spans
from nextround.analysis.vectors import Matrix

__all__ = [
    "ACTIONABLE_THEMES",
    "MAX_ANALYSED_CHARS",
    "OUTSIDE_CONTROL_CODES",
    "THEMES",
    "ClauseReading",
    "FeedbackAnalysis",
    "Strength",
    "TextReading",
    "ThemeFinding",
    "analyze_feedback",
    "analyze_feedback_batch",
    "decide",
    "read_text",
]

# The thresholds and switches of decide() (`decision.py`), which reads them from here at call time: tests and
# `scripts/train_feedback.py --set NAME=VALUE` set them on this package.
_ADVANTAGE_FLOOR = 0.2
_ALL_BOILERPLATE = 0.6
_STRONG_CUE = 0.5
_CUE_SUPPORT = 0.2
MIN_CONFIDENCE = 0.12
THEME_FLOOR = 0.5
# Praise often lists several qualities in one clause ("great communication and real enthusiasm"), so a
# second praised theme needs less than a reason's theme does.
_PRAISE_ALSO = 0.4
# A second look (session 9): in a text whose only reasons say nothing but `generic`, the most reason-like neutral
# clause is read as a reason when the polarity head gives "reason" at least this much (1.0: never). New writers
# often give the one reason in words the head has not seen as criticism ("Our gym's for the local kids,
# non-contact mostly, and you had them sparring hard on the first night"; a rival "fished with his dad since he
# was twelve"), and then the text said "no reason given". Chosen by leaving each writer out (0.5 / 0.4 / 0.35 /
# 0.3: mean macro-F1 0.8236 / 0.8281 / 0.8285 / 0.8287; docs/analysis-model.md).
SECOND_LOOK = 0.4
# Session 13: four readings by meaning in decide() (patterns in the cue table's [structure]; each a switch so that
# leaving each writer out can score it alone, `--set NAME=0`). A framing clause beside the reason it frames adds no
# theme; a topic the candidate could not explain is technical_skills, not communication; a rival from inside is
# process (filled_internally); a chosen rival's ticket or qualification is technical_skills beside competition.
FRAME_RULE = True
EXPLAIN_RULE = True
INTERNAL_RULE = True
CREDENTIAL_RULE = True
# Session 20 (feedbackS20): a rival's credential also said by "licensed (by X) as" or "has his EPA 608"
# (`rival_credential_more`).
RIVAL_FORMS_RULE = True
# Session 14: off on one's own while the others work, or telling them how another place does it, is a reason about how
# the candidate would work with these people (culture_fit), however the model reads the clause (`team_conduct` in the
# cue table).
TEAM_RULE = True
# Session 16: a reason right after another reason that names no one, opens no new point and is read less surely than
# the one before says why that one matters, and takes its themes ("... the hinge was fitted upside down. That's the one
# thing we can't send to a client's home.").
WHY_RULE = True
# Session 16: culture_fit read in the candidate's own wish told as a preference is motivation (`wish`, `not_wish`).
WISH_RULE = True
# Session 17: a fault in the work itself told in the trade's words ("overcooked", "came out stripy", "without checking")
# is technical_skills, and what was or was not done ("never mustered cattle", "you've only done day boats") is
# experience, beside whatever else the clause is read as (`fault`, `not_done`).
FAULT_RULE = True
DONE_RULE = True
# Session 20 (`feedback20`): a post filled from inside, said where the model read no reason at all ("the Board voted
# to offer the position to a current member of the department"), is the reason (process, filled_internally).
INTERNAL_SAID_RULE = True
# Session 17: the person chosen named by who they are ("the man we took ...", "went with a bloke who's ...") is a rival
# even where the `rival` feature finds none (`chosen_person`).
CHOSEN_RULE = True
# Session 18: a chosen rival's language ("a candidate who is fluent in French and English") is communication beside
# competition, named however faintly it is read (`rival_language`).
LANGUAGE_RULE = True
# Session 18: a clause that names the person chosen ("We took the farmer's nephew.") is a reason even where the model
# read it as neutral: the choice is what the message says.
CHOICE_REASON_RULE = True
# Session 18: a score under a test's pass mark is a reason about technical_skills, however the clause was read
# (`pass_mark`, `score_given`; not a panel's total, `panel_total`).
PASS_RULE = True
# Session 18 (`feedbackE18`): the employer's own reason said in words the cues miss (a post called off, its own units
# merged, a visa the candidate must already hold) is that reason, process or logistics, and no rival (`employer.py`).
EMPLOYER_RULE = True
# Session 18 (`feedbackE18`): the candidate's pay against the top of the band ("their band tops out at $58k") is
# logistics + budget, however faintly the clause is read as a reason (`pay_over_band`).
BAND_RULE = True
# Session 19 (`feedbackC19`): the culture_fit / communication / motivation / preparation lines by meaning (`lines.py`).
LINES_RULE = True


@dataclass(frozen=True)
class TextReading:
    """Everything about a text that does not depend on the classifier's weights."""

    original: str
    boilerplate: list[tuple[int, int]]
    clauses: list[Clause]
    rules: list[ClauseRules]
    features: Matrix
    stems: list[frozenset[str]]


def read_text(text: str) -> TextReading:
    """Clauses, their rule readings and their features (the classifier's input)."""
    from nextround.analysis.embedding import DIMENSIONS, EmbeddingUnavailable, load_model

    original = text[:MAX_ANALYSED_CHARS]
    boilerplate = boilerplate_spans(original)
    masked = mask(original, boilerplate)
    clauses: list[Clause] = []
    rules: list[ClauseRules] = []
    groups = [clause_spans(original, sentence, number) for number, sentence in enumerate(sentence_spans(original))]
    hits = iter(candidates(masked, [clause for group in groups for clause in group]))
    for group in groups:
        clauses.extend(group)
        rules.extend(read_clauses(original, masked, group, [next(hits) for _ in group]))
    try:
        embeddings = load_model().embed([original[clause.start : clause.end] for clause in clauses])
    except EmbeddingUnavailable:
        embeddings = Matrix.zeros(len(clauses), DIMENSIONS)
    features = clause_features(original, clauses, rules, embeddings)
    stems = [clause_words(original[clause.start : clause.end]) for clause in clauses]
    return TextReading(original, boilerplate, clauses, rules, features, stems)


def _empty() -> FeedbackAnalysis:
    return FeedbackAnalysis(
        themes=(),
        strengths=(),
        actionable=False,
        outside_your_control=(),
        actions=(),
        summary="There is nothing to analyse yet: paste or type what the employer said.",
    )


def analyze_feedback(text: str) -> FeedbackAnalysis:
    """Themes, strengths and next steps in one piece of employer feedback."""
    if not text or not text.strip():
        return _empty()
    return decide(read_text(text), load_clause_model())


def analyze_feedback_batch(texts: Iterable[str]) -> list[FeedbackAnalysis]:
    return [analyze_feedback(text) for text in texts]
