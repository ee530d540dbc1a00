"""One text toolkit for every analyser: words, sentences, clauses, one stemmer, negation and contrast.

- :func:`words`, :func:`word_spans` — one tokenizer (numbers, "wasn't", "follow-up" kept whole);
- :func:`sentence_spans`, :func:`split_sentences` — one sentence splitter (abbreviations, decimals,
  bullets, transcripts without punctuation);
- :func:`clauses`, :func:`clause_spans`, :func:`split_clauses` — one clause splitter (contrast words,
  leading concessions, semicolons), each clause marked when it turns against what came before;
- :func:`stem` — one stemmer (also the skill index's);
- :func:`negation_scopes`, :func:`is_negated`, :func:`dismissed_concerns` — negation scope, and negated
  criticism that is no weakness ("never in doubt", "no concerns about", "wasn't an issue").

Everything works on offsets of the input, so evidence can quote the user's own words.
"""

from nextround.analysis.text.scope import (
    Scope,
    dismissed_concerns,
    has_negation,
    is_negated,
    negation_scopes,
    starts_with_contrast,
)
from nextround.analysis.text.sentences import (
    Clause,
    Span,
    clause_spans,
    clauses,
    sentence_spans,
    split_clauses,
    split_sentences,
)
from nextround.analysis.text.stemming import stem
from nextround.analysis.text.tokens import WORD_RE, Word, normalise, word_spans, words

__all__ = [
    "WORD_RE",
    "Clause",
    "Scope",
    "Span",
    "Word",
    "clause_spans",
    "clauses",
    "dismissed_concerns",
    "has_negation",
    "is_negated",
    "negation_scopes",
    "normalise",
    "sentence_spans",
    "split_clauses",
    "split_sentences",
    "starts_with_contrast",
    "stem",
    "word_spans",
    "words",
]
