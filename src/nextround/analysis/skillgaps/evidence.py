"""Where a CV shows what a requirement asks for: by meaning at clause level, by taxonomy alias, and by
exact checks where exactness is the point (see :mod:`exact`).

The CV is cut into clauses (lines, sentences, and their comma and "and" pieces). A requirement phrase is
compared with every clause by embedding cosine and by how many of its content words the clause has;
a skill the taxonomy confidently names in both texts also counts. Licence categories, qualification
levels and named things are then checked exactly, and they overrule meaning when they apply.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps import credentials, exact, licence_stages
from nextround.analysis.skillgaps.cues import grade_words, load_glossary
from nextround.analysis.skillgaps.requirements import Requirement
from nextround.analysis.skillgaps.slots import another_value
from nextround.analysis.vectors import Matrix, dot, dot_rows

if TYPE_CHECKING:
    from nextround.analysis.embedding import EmbeddingModel

# Tuned on tests/data/skill_pairs/dev.jsonl only (bench/eval_match.py --dev-only).
MEANING_MET: Final = 0.62  # cosine of phrase and clause vectors at which a clause shows a requirement
WORDS_MET: Final = 0.75  # share of the requirement's content words in one clause
SOFT_MET: Final = 0.24  # mean, over the requirement's words, of each one's closest word in a clause
TAXONOMY_COVERS: Final = 0.5  # share of the phrase's words a taxonomy mention must stand for
CLOSEST_SHOWN: Final = 0.25  # cosine below which no CV line is offered as the closest evidence for a gap
SUBJECT_SAME: Final = 0.55  # cosine at which two levelled qualifications are the same subject
SUBJECT_RELATED: Final = 0.35  # ... at which a higher level of a related subject still counts
_PIECE: Final = re.compile(r"\s*[,;]\s*|\s+(?:and|&)\s+|\s*\(\s*|\s*\)\s*")
# A spaced dash ends a clause, except in a date range ("(2022 – present)", "Jan 2019 - Mar 2022"), which would
# otherwise cut a role's line in two and quote "Westgate Energy (2022" as the evidence.
_SENTENCE: Final = re.compile(
    r"(?<=[.!?])\s+|;\s*|:\s+|\s+[–—-]\s+(?!(?<=\d\s[–—-]\s)(?:\d|present\b|now\b|current|date\b|today\b"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d))",
    re.IGNORECASE,
)
PARENS: Final = re.compile(r"\(([^)]*)\)")
_EXAMPLES: Final = re.compile(r"\b(?:e\.?g|such as|for example|like|or)\b", re.IGNORECASE)
_EXAMPLE_TAIL: Final = re.compile(r"\s*\(?\b(?:such as|e\.?g\.?|for example|including|like)\b.*$", re.IGNORECASE)
_WORDS: Final = re.compile(r"[A-Za-z][A-Za-z'-]*")
# words of a CV's section headings ("Work experience", "Licences and tickets", "Key skills"); see cv_heading
_CV_SECTION_TEXT: Final = (
    "profile summary about me personal statement objective career experience employment work history professional "
    "education training qualifications qualification certifications certification certificates licences licenses "
    "licence license tickets languages language skills key core technical other additional interests hobbies "
    "references courses achievements memberships awards details and & of relevant selected"
)
_CV_SECTION_WORDS: Final = frozenset(_CV_SECTION_TEXT.split())
_FUNCTION_WORDS: Final = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "in",
        "on",
        "for",
        "to",
        "with",
        "as",
        "at",
        "by",
        "from",
        "your",
        "you",
        "our",
        "we",
        "be",
        "is",
        "are",
        "was",
        "were",
        "my",
        "their",
        "its",
        "this",
        "that",
        "these",
        "those",
        "it",
        "up",
        "into",
        "over",
        "per",
    ]
)


def content_words(text: str) -> list[str]:
    return [word.lower() for word in _WORDS.findall(text) if word.lower() not in _FUNCTION_WORDS]


@dataclass(frozen=True)
class Clause:
    text: str  # the piece compared
    sentence: str  # the CV sentence it belongs to, shown as evidence


@dataclass
class CvView:
    """A CV read once: its clauses, their vectors and stems, names, licences, levels and years."""

    text: str
    clauses: list[Clause]
    vectors: Matrix | None
    stems: list[frozenset[str]]
    names: exact.NamedIndex
    licences: set[str]
    levels: list[credentials.Levelled]
    years: float | None
    skills: dict[str, str] = field(default_factory=dict)  # canonical skill name -> CV words
    skill_ids: frozenset[int] = frozenset()  # taxonomy skills shown, with those they imply
    words: dict[str, int] = field(default_factory=dict)  # content word -> row of word_vectors
    word_vectors: Matrix | None = None
    clause_words: list[list[int]] = field(default_factory=list)  # rows of each clause's words
    reference_year: int | None = None  # the year "present" means
    # each sentence's words as initials are looked for in them, made on first use (see _sentence_tokens)
    sentence_tokens: list[tuple[str, frozenset[str]]] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Evidence:
    met: bool
    strength: float  # 0..1, how strongly the CV shows it (scores use it)
    cv_text: str | None  # the closest CV sentence
    how: str  # "meaning", "words", "taxonomy", "licence", "level", "name", "none"
    confidence: float  # how sure we are of `met` (for a gap: that it is one)
    reason: str = ""
    # decided by an exact check where exactness is the point (a product not named, another version or grade of
    # it): the learned decision of `evidence_model` is not asked
    exact: bool = False


def cv_heading(line: str) -> bool:
    """Words that only name a CV section ("Licences", "Languages", "Key skills"): before a colon they say what the
    value is about, not that anything is held. (Dropping whole heading lines as clauses was tried in session 12 and
    lowered the leave-one-file-out F1: docs/skill-gaps.md.)"""
    words = _WORDS.findall(line)
    if not words or len(words) > 4 or re.search(r"\d", line):
        return False
    return all(word.lower() in _CV_SECTION_WORDS for word in words)


def _labelled(line: str) -> str | None:
    """The whole of a "label: value" line ("Language proficiency English: Level 4", "Class extensions: Group A and
    Group B"): cut at the colon, neither half says what is held, so the line is compared as one clause too."""
    label, colon, value = line.partition(": ")
    if not colon or not value.strip(" .") or not 1 <= len(label.split()) <= 4 or cv_heading(label):
        return None
    return line.strip(" .")


def _clauses(text: str) -> list[Clause]:
    clauses: list[Clause] = []
    seen: set[str] = set()
    for line in text.splitlines():
        line = re.sub(r"^\s*(?:[-*•·▪]|\d{1,2}[.)])\s*", "", line).strip()
        if not line:
            continue
        whole = _labelled(line)
        if whole is not None and whole.lower() not in seen:
            seen.add(whole.lower())
            clauses.append(Clause(whole, whole))
        label = line.partition(": ")[0] if ": " in line else None
        for sentence in _SENTENCE.split(line):
            sentence = sentence.strip(" .")
            # the label alone ("Language proficiency English", "Skills") names a topic, as a heading does
            if not sentence or (sentence == label and (whole is not None or cv_heading(sentence))):
                continue
            pieces = [sentence, *(_piece for _piece in _PIECE.split(sentence) if len(_piece.split()) >= 1)]
            for piece in pieces:
                piece = piece.strip(" .")
                key = piece.lower()
                if piece and key not in seen:
                    seen.add(key)
                    clauses.append(Clause(piece, sentence))
    return clauses


def _model() -> EmbeddingModel | None:
    from nextround.analysis.embedding import EmbeddingUnavailable, load_model

    try:
        return load_model()
    except EmbeddingUnavailable:
        return None


def encode(texts: Sequence[str]) -> Matrix | None:
    model = _model()
    if model is None or not texts:
        return None
    return model.embed(list(texts))


@lru_cache(maxsize=32)
def read_cv(text: str, reference_year: int | None = None) -> CvView:
    from nextround.analysis.skills import extract_skills, load_taxonomy

    taxonomy = load_taxonomy()
    clauses = _clauses(text)
    # a CV that names a term of art ("bank recs") also says what it means, for a job that asks in plain words
    glossary = load_glossary()
    clauses += [Clause(plain, clause.sentence) for clause in clauses for plain in glossary.gloss(clause.text)]
    mentions = extract_skills(text)
    ids: set[int] = set()
    for mention in mentions:
        skill_id = taxonomy.skill_id(mention.skill)
        if skill_id is not None:
            ids.add(skill_id)
            ids.update(taxonomy.implies.get(skill_id, ()))
    per_clause = [content_words(clause.text) for clause in clauses]
    vocabulary = sorted({word for words in per_clause for word in words})
    rows = {word: row for row, word in enumerate(vocabulary)}
    return CvView(
        text=text,
        clauses=clauses,
        vectors=encode([clause.text for clause in clauses]),
        stems=[frozenset(content_stems(clause.text)) for clause in clauses],
        names=exact.NamedIndex.of(text),
        licences=_licences_held(text),
        levels=credentials.levelled_in(text),
        years=exact.career_years(text, reference_year),
        skills={mention.skill: mention.text for mention in mentions},
        skill_ids=frozenset(ids),
        words=rows,
        word_vectors=encode(vocabulary),
        clause_words=[[rows[word] for word in words] for words in per_clause],
        reference_year=reference_year,
    )


def _licences_held(text: str) -> set[str]:
    """Categories the CV names; a driving licence named without one ("Full UK driving licence") is B."""
    held = credentials.licence_categories(text) | credentials.licence_list(text)
    if not held and licence_stages.holds_driving_licence(text):
        held = {"B"}
    return held


def forms(requirement: Requirement) -> list[str]:
    """The ways a requirement can be met: its alternatives, and words in brackets ("(SOE)", "(Class 2)")."""
    return [form for form, _ in glossed_forms(requirement)]


def glossed_forms(requirement: Requirement) -> list[tuple[str, str | None]]:
    """:func:`forms`, each with the main form a bracket's other name glosses ("DSWA" glosses "Dry Stone Walling
    Association Intermediate Certificate"); None for a main form or a form with its examples."""
    found: list[tuple[str, str | None]] = []
    for alternative in requirement.alternatives:
        # "(Level 3)" says which qualification: it stays; other brackets are another name or examples
        bare = PARENS.sub(lambda inner: inner.group(0) if credentials.levelled(inner.group(1)) else " ", alternative)
        bare = " ".join(bare.split()).strip(" ,")
        if bare:
            found.append((bare, None))
        for inner in PARENS.findall(alternative):
            inner = inner.strip()
            if _EXAMPLES.search(inner) and exact.named_tokens(inner) and alternative not in [f for f, _ in found]:
                found.append((alternative, None))  # "video editing (CapCut or Premiere Pro)": any example names it
            # "(SOE)", "(MAR charts)": another name for it; "(pandas)", "(e.g. Xero)" are examples
            if inner and len(inner.split()) <= 3 and exact.named_tokens(inner) and not _EXAMPLES.search(inner):
                found.append((inner, bare or None))
    return found or [(requirement.text, None)]


def alias_stands_in(main: str, alias: str, line: str | None) -> bool:
    """Whether a bracket's other name met on `line` may overturn an exact gap of the main form it glosses: the line
    writes no other value in the main form's slots ("Class 2" for "Class 3") and holds every grade word of the
    thing ("Intermediate" of "DSWA Intermediate Certificate", "Heavy" of "Heavy Rigid") that the other name does
    not spell out itself (the initials "HND" spell out "Higher National Diploma")."""
    if not line:
        return False
    if another_value(main, line):
        return False
    grades = grade_words()
    spelled = _spelled_by_initials(alias, main)
    asked = {word.lower() for word in _WORDS.findall(f"{main} {alias}")} & grades
    held = {word.lower() for word in _WORDS.findall(line)}
    return asked - spelled <= held


def _spelled_by_initials(alias: str, main: str) -> set[str]:
    """The main form's words an acronym spells out by their initials, small words skipped ("HND": higher, national,
    diploma of "Higher National Diploma in Engineering")."""
    if not re.fullmatch(r"[A-Z][A-Za-z]{1,7}", alias) or sum(char.isupper() for char in alias) < 2:
        return set()
    letters = [char.lower() for char in alias if char.isupper()]
    words = [word for word in _WORDS.findall(main) if word.lower() not in _FUNCTION_WORDS]
    for start in range(len(words) - len(letters) + 1):
        run = words[start : start + len(letters)]
        if [word[0].lower() for word in run] == letters:
            return {word.lower() for word in run}
    return set()


@lru_cache(maxsize=1)
def _label_counts() -> tuple[dict[str, int], int]:
    """How many taxonomy labels use each word: "management" is in hundreds, "viennoiserie" in one."""
    from nextround.analysis.skills import load_taxonomy

    names = load_taxonomy().names
    # occurrences, not labels: a word seldom repeats inside one label, and one pass is 5x faster
    return Counter(re.findall(r"[a-z]+", "\n".join(names).lower())), len(names)


@lru_cache(maxsize=8192)
def specificity(word: str) -> float:
    """How much a word says about a skill: log inverse share of taxonomy labels using it (stems tried)."""
    counts, total = _label_counts()
    lowered = word.lower()
    count = counts.get(lowered) or counts.get(lowered.rstrip("s")) or counts.get(lowered.removesuffix("ing")) or 0
    return math.log((total + 1) / (count + 1))


def soft_recall(cv: CvView, phrase: str) -> tuple[float, int]:
    """How well one CV clause covers the phrase word by word: for each content word of the phrase, its
    closest word in the clause; the mean over the phrase weighted by how specific each word is (a clause
    that shares only "management" does not show "revenue management"), best clause first."""
    words = content_words(phrase)
    if not words or cv.word_vectors is None or not cv.clauses:
        return 0.0, -1
    vectors = encode(words)
    if vectors is None:
        return 0.0, -1
    weights = [specificity(word) for word in words]
    total = sum(weights) or 1.0
    closeness = dot(vectors, cv.word_vectors)  # phrase words x CV words
    best, best_index = 0.0, -1
    for index, rows in enumerate(cv.clause_words):
        if not rows:
            continue
        per_word = [max(row[column] for column in rows) for row in closeness]
        value = sum(weight * near for weight, near in zip(weights, per_word, strict=True)) / total
        if value > best:
            best, best_index = value, index
    return best, best_index


def _best_clause(cv: CvView, phrase: str, vector: list[float] | None) -> tuple[float, float, int]:
    """(best cosine, best word share, index of the closest clause) for one phrase."""
    stems = set(content_stems(phrase))
    best_cos, best_words, best_index = 0.0, 0.0, -1
    cosines = dot_rows(cv.vectors, vector) if cv.vectors is not None and vector is not None else None
    for index, clause_stems in enumerate(cv.stems):
        share = len(stems & clause_stems) / len(stems) if stems else 0.0
        cosine = cosines[index] if cosines is not None else 0.0
        if share > best_words or (share == best_words and cosine > best_cos and share > 0):
            best_words = share
            if best_index < 0 or share > 0:
                best_index = index
        if cosine > best_cos:
            best_cos = cosine
            if best_words == 0 or cosine >= MEANING_MET:
                best_index = index
    return best_cos, best_words, best_index


def _taxonomy_shows(cv: CvView, phrase: str) -> bool:
    """The CV shows a taxonomy skill that stands for most of the phrase (not one word of it: "refrigerant"
    in "Handle refrigerant recovery and charging" names HVAC work, far broader than the requirement)."""
    from nextround.analysis.skills import extract_skills, load_taxonomy

    taxonomy = load_taxonomy()
    # "an ERP system such as Oracle Fusion": the examples do not dilute what the phrase stands for
    words = set(content_stems(_EXAMPLE_TAIL.sub("", phrase) or phrase)) - {"use", "using", "system", "systems"}
    for mention in extract_skills(phrase):
        covered = len(set(content_stems(mention.text)) & words) / len(words) if words else 0.0
        if covered >= TAXONOMY_COVERS and taxonomy.skill_id(mention.skill) in cv.skill_ids:
            return True
    return False


def _taxonomy_quote(cv: CvView, phrase: str) -> str | None:
    """The CV sentence whose words show the taxonomy skill the phrase stands for (quoted as the evidence, where the
    clause nearest in meaning may be about something else: "pivot tables" shown by "Google Sheets" in a skills
    line, not by "Served customers on the shop floor")."""
    from nextround.analysis.skills import extract_skills, load_taxonomy

    taxonomy = load_taxonomy()
    for mention in extract_skills(phrase):
        if taxonomy.skill_id(mention.skill) in cv.skill_ids and mention.skill in cv.skills:
            shown = cv.skills[mention.skill].lower()
            return next((clause.sentence for clause in cv.clauses if shown in clause.sentence.lower()), None)
    return None


def _acronym_of(cv: CvView, phrase: str) -> str | None:
    """A CV sentence that writes the phrase, or its last words, as initials ("SCR" for "keeping the
    single central record")."""
    spelled, tails = _initials(phrase)
    sentences = _sentence_tokens(cv)
    if spelled is not None:
        for sentence, tokens in sentences:
            if spelled in tokens:
                return sentence
    for initials, spaced in tails:
        for sentence, tokens in sentences:
            if initials in tokens or spaced.search(sentence):
                return sentence
    return None


@lru_cache(maxsize=8192)
def _initials(phrase: str) -> tuple[str | None, tuple[tuple[str, re.Pattern[str]], ...]]:
    """The phrase's initials with its small words ("WWCC"), when it has small words, and the initials of each of its
    tails of two or more content words, each with its spaced form ("C of Q"): per phrase, not per CV."""
    words = content_words(phrase)
    every = [word for word in _WORDS.findall(phrase) if word.lower() not in ("and", "of", "the", "a", "an")]
    spelled = None
    if len(every) > len(words) >= 2:
        # "Working with Children Check" is WWCC: the small word has its letter too
        spelled = "".join(word[0] for word in every).upper()
    # a word written with a capital inside ("SailPoint IdentityIQ") is a product's name: initials do not stand for it
    names = {word.lower() for word in _WORDS.findall(phrase) if re.search(r"[a-z][A-Z]", word)}
    tails: list[tuple[str, re.Pattern[str]]] = []
    for start in range(max(0, len(words) - 1)):
        initials = "".join(word[0] for word in words[start:]).upper()
        if len(initials) < 2 or names.intersection(words[start:]):
            continue
        tails.append((initials, _spaced_initials(initials)))
    return spelled, tuple(tails)


@lru_cache(maxsize=4096)
def _spaced_initials(initials: str) -> re.Pattern[str]:
    """ "C of Q" for certificate of qualification: capitals with the small words left between them (compiled once:
    there are more of these than the re module's own cache holds)."""
    return re.compile(r"\b" + r"\s+(?:of|and|&|the|in|for)\s+".join(initials) + r"\b")


def _sentence_tokens(cv: CvView) -> list[tuple[str, frozenset[str]]]:
    """Each CV sentence once, in order, with its words as initials are looked for in them (bare of punctuation and a
    plural "s"); made on first use and kept with the CV."""
    if cv.sentence_tokens is None:
        seen: set[str] = set()
        found: list[tuple[str, frozenset[str]]] = []
        for clause in cv.clauses:
            if clause.sentence not in seen:
                seen.add(clause.sentence)
                tokens = frozenset(token.strip(".,;:()").rstrip("s") for token in clause.sentence.split())
                found.append((clause.sentence, tokens))
        cv.sentence_tokens = found
    return cv.sentence_tokens


def closest_by_meaning(cv: CvView, vectors: Sequence[list[float] | None]) -> str | None:
    """The CV line nearest in meaning to any form of a requirement, or None when none comes close: the
    evidence offered beside a gap ("Calm under pressure" is no evidence for a CRM product)."""
    best, shown = CLOSEST_SHOWN, None
    for vector in vectors:
        if cv.vectors is None or vector is None:
            continue
        for index, cosine in enumerate(dot_rows(cv.vectors, vector)):
            if cosine >= best:
                best, shown = cosine, cv.clauses[index].sentence
    return shown


def meaning_evidence(cv: CvView, phrase: str, vector: list[float] | None) -> Evidence:
    """By meaning: the phrase as written, then in plain words when it uses a term of art."""
    found = _semantic_as_written(cv, phrase, vector)
    if found.met:
        return found
    for plain in load_glossary().gloss(phrase):
        plain_vectors = encode([plain]) if vector is not None else None
        glossed = _semantic_as_written(cv, plain, plain_vectors.row(0) if plain_vectors is not None else None)
        if glossed.met:
            return Evidence(True, glossed.strength, glossed.cv_text, "meaning", min(glossed.confidence, 0.7))
    return found


def glossed_term(token: str, phrase: str) -> bool:
    """The named token is (part of) a term of art the glossary explains in this phrase ("MS" in "MS Office")."""
    glossary = load_glossary()
    if glossary.pattern is None:
        return False
    lowered = token.lower()
    return any(lowered in match.group(0).lower().split() for match in glossary.pattern.finditer(phrase)) or (
        lowered in glossary.meanings
    )


def _semantic_as_written(cv: CvView, phrase: str, vector: list[float] | None) -> Evidence:
    spelled = _acronym_of(cv, phrase)
    if spelled is not None:
        return Evidence(True, 1.0, spelled, "name", 0.8)
    cosine, words, index = _best_clause(cv, phrase, vector)
    soft, soft_index = soft_recall(cv, phrase)
    shown = cv.clauses[index].sentence if index >= 0 else None
    if words >= WORDS_MET:
        return Evidence(True, 1.0, shown, "words", min(0.95, 0.6 + words / 3))
    if cosine >= MEANING_MET:
        return Evidence(True, 1.0, shown, "meaning", min(0.9, 0.5 + (cosine - MEANING_MET) * 2))
    if soft >= SOFT_MET:
        closest = cv.clauses[soft_index].sentence if soft_index >= 0 else shown
        return Evidence(True, 0.9, closest, "meaning", min(0.8, 0.4 + (soft - SOFT_MET)))
    if _taxonomy_shows(cv, phrase):
        return Evidence(True, 0.8, _taxonomy_quote(cv, phrase) or shown, "taxonomy", 0.5)
    strength = 0.6 * max(words, cosine / MEANING_MET, soft / SOFT_MET)
    confidence = 0.5 + 0.4 * (1 - max(cosine / MEANING_MET, soft / SOFT_MET))
    return Evidence(False, strength, shown, "none", round(confidence, 2), "no CV clause shows it")


def level_check(cv: CvView, phrase: str, asked: credentials.Levelled) -> Evidence | None:
    """Same subject at a level at least as high, or a gap; None when the CV names no levelled subject."""
    if not cv.levels:
        return None
    subjects = [asked.subject] + [level.subject for level in cv.levels]
    vectors = encode(subjects)
    cosines = dot_rows(vectors, vectors.row(0)) if vectors is not None else None
    best: tuple[float, credentials.Levelled] | None = None
    asked_stems = set(content_stems(asked.subject))
    for position, held in enumerate(cv.levels, start=1):
        held_stems = set(content_stems(held.subject))
        overlap = len(asked_stems & held_stems) / len(asked_stems) if asked_stems else 0.0
        cosine = cosines[position] if cosines is not None else 0.0
        same = max(overlap, cosine)
        if best is None or same > best[0]:
            best = (same, held)
    if best is None or best[0] < SUBJECT_RELATED:
        return None
    same, held = best
    if same < SUBJECT_SAME and not _same_taxonomy_subject(asked.subject, held.subject):
        if held.level >= asked.level:
            return Evidence(True, 0.9, held.text, "level", 0.6)
        return None
    if held.level >= asked.level:
        return Evidence(True, 1.0, held.text, "level", 0.9)
    return Evidence(False, 0.3, held.text, "level", 0.9, f"Level {asked.level} asked; the CV shows Level {held.level}")


def taxonomy_names(cv: CvView, product: str) -> bool:
    """The CV shows the taxonomy skill of exactly this name ("Containerised services" shows Docker)."""
    from nextround.analysis.skills import load_taxonomy

    taxonomy = load_taxonomy()
    skill_id = taxonomy.skill_id(product)
    return skill_id is not None and taxonomy.names[skill_id].lower() == product.lower() and skill_id in cv.skill_ids


def _same_taxonomy_subject(left: str, right: str) -> bool:
    from nextround.analysis.skills import extract_skills

    ours = {mention.skill for mention in extract_skills(left)}
    return bool(ours & {mention.skill for mention in extract_skills(right)})
