"""Key terms of a job description, and whether an answer uses them."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from nextround.analysis.answer.lexicon import lexicon
from nextround.analysis.answer.model import MAX_ANSWER_CHARS
from nextround.analysis.text import normalise, stem, words

# A requirement bullet ("- SQL", "2. Forklift licence") weighs more than running text.
_BULLET_RE: Final = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)])\s+")

_JD_TOKEN_RE: Final = re.compile(r"[a-z0-9][a-z0-9+#]*(?:[.\-/][a-z0-9+#]+)*|[^\sa-z0-9]")
_JD_SALIENT_BEFORE: Final = frozenset(
    [
        "with",
        "in",
        "of",
        "using",
        "including",
        "such",
        "as",
        "knowledge",
        "proficient",
        "proficiency",
        "familiar",
        "familiarity",
    ]
)


def _jd_content(token: str) -> bool:
    return (
        token[0].isalnum()
        and len(token) > 1
        and not token.isdigit()
        and token not in lexicon().stopwords
        and token not in lexicon().generic_job_ad_words
        and token not in lexicon().job_ad_verbs
        and not (token.endswith("ly") and len(token) > 4)
    )


def extract_job_terms(jd: str, limit: int = 12) -> list[str]:
    """Key terms of a job description: salient content words and the short noun phrases they form.

    Runs of content words (broken by stopwords, punctuation, generic job-ad words and duty verbs such as
    "manage" or "support") give phrases of two or three words; phrases score above single words, repeats
    and requirement bullets score higher, and a word already inside a chosen phrase is not listed again.
    Kept for the last few descriptions: practice answers to one job read the same description each time
    (~3 ms for a page-long one).
    """
    return list(_job_terms(jd, limit))


@lru_cache(maxsize=32)
def _job_terms(jd: str, limit: int) -> tuple[str, ...]:
    scores: defaultdict[str, float] = defaultdict(float)
    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    first_seen: dict[str, int] = {}
    position = 0

    def note(words: Sequence[str], weight: float) -> None:
        key = " ".join(stem(word) for word in words)
        surface.setdefault(key, " ".join(words))
        first_seen.setdefault(key, position)
        scores[key] += weight
        counts[key] += 1

    for raw_line in normalise(jd)[:MAX_ANSWER_CHARS].splitlines():
        line_bonus = 0.5 if _BULLET_RE.match(raw_line) else 0.0
        marked = _marked_tokens(raw_line)
        run: list[str] = []
        previous = ""
        for token in [*_JD_TOKEN_RE.findall(raw_line.lower()), "."]:
            position += 1
            if _jd_content(token):
                bonus = line_bonus + (1.0 if token in marked else 0.0)
                bonus += 0.5 if previous in _JD_SALIENT_BEFORE else 0.0
                note([token], 1.0 + bonus)
                run.append(token)
            else:
                if len(run) == 3:
                    note(run, 1.5 + line_bonus)
                elif len(run) >= 2:
                    for first, second in itertools.pairwise(run):
                        note([first, second], 1.5 + line_bonus)
                run = []
            previous = token
    ranked = sorted(scores, key=lambda key: (-scores[key] - 0.01 * key.count(" "), first_seen[key]))
    phrases: list[str] = []
    for key in ranked:
        words = set(key.split())
        overlaps = any(
            words & set(other.split()) and abs(first_seen[other] - first_seen[key]) <= 3 for other in phrases
        )
        if len(words) > 1 and not overlaps:
            phrases.append(key)  # skip overlaps from one run, such as "acute medical" beside "medical unit"

    def inside_phrase(key: str) -> bool:
        # A word is listed on its own only when it also appears outside the phrases chosen so far.
        holders = [p for p in chosen if " " in p and key in p.split()]
        return bool(holders) and counts[key] <= sum(counts[p] for p in holders)

    chosen: list[str] = []
    for key in ranked:
        if len(chosen) >= limit:
            break
        if " " in key and key not in phrases:
            continue
        if " " not in key and inside_phrase(key):
            continue
        chosen.append(key)
        chosen = [k for k in chosen if " " in k or not inside_phrase(k)]
    return tuple(surface[key] for key in chosen)


def _marked_tokens(line: str) -> set[str]:
    """Tokens that look like names of tools or credentials: SQL, C++, Kubernetes (not in title-case lines)."""
    raw_tokens = [t for t in line.split() if len(t.strip(".,;:()")) > 1]
    title_case = sum(1 for t in raw_tokens if t[0].isupper()) * 2 > len(raw_tokens)
    marked: set[str] = set()
    for index, raw in enumerate(raw_tokens):
        token = raw.strip(".,;:()")
        sentence_start = index == 0 or raw_tokens[index - 1][-1:] in ".!?:"
        symbol_or_acronym = token.isupper() or any(char in token for char in "+#")
        proper_noun = token[0].isupper() and token[1:].islower() and not (title_case or sentence_start)
        if symbol_or_acronym or proper_noun:
            marked.add(token.lower())
    return marked


def term_used(term: str, lower_text: str, sentence_stems: Sequence[frozenset[str]]) -> bool:
    """A term counts as used when it appears as written, or all its words appear in one sentence."""
    lowered = normalise(term).lower().strip()
    if not lowered:
        return False
    pattern = r"(?<![\w+#])" + r"[\s-]+".join(re.escape(part) for part in lowered.split()) + r"(?![\w+#])"
    if re.search(pattern, lower_text):
        return True
    term_stems = {stem(word) for word in words(lowered) if word not in lexicon().stopwords}
    if not term_stems or not all(word.isalpha() for word in term_stems):
        return False
    return any(term_stems <= stems for stems in sentence_stems)


# --------------------------------------------------------------------------------------------------
# Per-sentence features
# --------------------------------------------------------------------------------------------------
