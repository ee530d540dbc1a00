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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps import credentials, exact
from nextround.analysis.skillgaps.cues import load_glossary
from nextround.analysis.skillgaps.requirements import Requirement
from nextround.analysis.vectors import Matrix, dot, dot_rows

if TYPE_CHECKING:
    from nextround.analysis.embedding import EmbeddingModel

# Tuned on tests/data/skill_pairs/dev.jsonl only (bench/eval_match.py --dev-only).
MEANING_MET: Final = 0.62  # cosine of phrase and clause vectors at which a clause shows a requirement
WORDS_MET: Final = 0.75  # share of the requirement's content words in one clause
SOFT_MET: Final = 0.24  # mean, over the requirement's words, of each one's closest word in a clause
TAXONOMY_COVERS: Final = 0.5  # share of the phrase's words a taxonomy mention must stand for
SUBJECT_SAME: Final = 0.55  # cosine at which two levelled qualifications are the same subject
SUBJECT_RELATED: Final = 0.35  # ... at which a higher level of a related subject still counts
GENERIC_WORDS: Final = frozenset(
    [
        "licence",
        "license",
        "card",
        "registration",
        "registered",
        "certificate",
        "certification",
        "qualification",
        "qualified",
        "ticket",
        "membership",
        "software",
        "system",
        "experience",
        "skills",
        "knowledge",
        "award",
        "diploma",
        "holder",
    ]
)
# How a credential stands, not which one it is: "an active PRC license" is named by "PRC"
_STATUS_WORDS: Final = frozenset(
    ["active", "current", "valid", "full", "clean", "relevant", "appropriate", "recognised", "recognized",
     "unrestricted", "practising", "practicing", "date", "up-to-date", "in-date"],
)  # fmt: skip
EQUIVALENT_YEARS: Final = 3  # years of dated roles that stand in for "a degree or equivalent experience"
_EQUIVALENT_EXPERIENCE: Final = re.compile(r"\bor\s+(?:equivalent|relevant|comparable)\s+(?:\w+\s+)?experience", re.I)
_GRADE_WORDS: Final = frozenset(
    ["master", "journeyman", "journeyperson", "apprentice", "advanced", "foundation", "intermediate", "practitioner",
     "expert", "specialist"],
)  # fmt: skip
_COLOURS: Final = frozenset(["white", "yellow", "green", "blue", "black", "gold", "red", "orange", "brown", "purple"])
CREDENTIAL_HEADS: Final = frozenset(
    [
        "belt",
        "licence",
        "license",
        "card",
        "certificate",
        "certification",
        "qualification",
        "ticket",
        "membership",
        "registration",
        "accreditation",
    ]
)
_PIECE: Final = re.compile(r"\s*[,;]\s*|\s+(?:and|&)\s+|\s*\(\s*|\s*\)\s*")
_SENTENCE: Final = re.compile(r"(?<=[.!?])\s+|;\s*|\s+[–—-]\s+|:\s+")
_PARENS: Final = re.compile(r"\(([^)]*)\)")
_EXAMPLES: Final = re.compile(r"\b(?:e\.?g|such as|for example|like|or)\b", re.IGNORECASE)
_EXAMPLE_TAIL: Final = re.compile(r"\s*\(?\b(?:such as|e\.?g\.?|for example|including|like)\b.*$", re.IGNORECASE)
_WORDS: Final = re.compile(r"[A-Za-z][A-Za-z'-]*")
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


def _clauses(text: str) -> list[Clause]:
    clauses: list[Clause] = []
    seen: set[str] = set()
    for line in text.splitlines():
        line = re.sub(r"^\s*(?:[-*•·▪]|\d{1,2}[.)])\s*", "", line).strip()
        if not line:
            continue
        for sentence in _SENTENCE.split(line):
            sentence = sentence.strip(" .")
            if not sentence:
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
    if not held and credentials.holds_driving_licence(text):
        held = {"B"}
    return held


def forms(requirement: Requirement) -> list[str]:
    """The ways a requirement can be met: its alternatives, and words in brackets ("(SOE)", "(Class 2)")."""
    found: list[str] = []
    for alternative in requirement.alternatives:
        # "(Level 3)" says which qualification: it stays; other brackets are another name or examples
        bare = _PARENS.sub(lambda inner: inner.group(0) if credentials.levelled(inner.group(1)) else " ", alternative)
        bare = " ".join(bare.split()).strip(" ,")
        if bare:
            found.append(bare)
        for inner in _PARENS.findall(alternative):
            inner = inner.strip()
            if _EXAMPLES.search(inner) and exact.named_tokens(inner) and alternative not in found:
                found.append(alternative)  # "video editing (CapCut or Premiere Pro)": any example names it
            # "(SOE)", "(MAR charts)": another name for it; "(pandas)", "(e.g. Xero)" are examples
            if inner and len(inner.split()) <= 3 and exact.named_tokens(inner) and not _EXAMPLES.search(inner):
                found.append(inner)
    return found or [requirement.text]


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


def _acronym_of(cv: CvView, phrase: str) -> str | None:
    """A CV sentence that writes the phrase, or its last words, as initials ("SCR" for "keeping the
    single central record")."""
    words = content_words(phrase)
    every = [word for word in _WORDS.findall(phrase) if word.lower() not in ("and", "of", "the", "a", "an")]
    if len(every) > len(words) >= 2:
        # "Working with Children Check" is WWCC: the small word has its letter too
        spelled = "".join(word[0] for word in every).upper()
        for clause in cv.clauses:
            if any(token.strip(".,;:()").rstrip("s") == spelled for token in clause.sentence.split()):
                return clause.sentence
    for start in range(max(0, len(words) - 1)):
        initials = "".join(word[0] for word in words[start:]).upper()
        if len(initials) < 2:
            continue
        # "C of Q" for certificate of qualification: capitals with the small words left between them
        spaced = re.compile(r"\b" + r"\s+(?:of|and|&|the|in|for)\s+".join(initials) + r"\b")
        for clause in cv.clauses:
            if any(token.strip(".,;:()").rstrip("s") == initials for token in clause.sentence.split()):
                return clause.sentence
            if spaced.search(clause.sentence):
                return clause.sentence
    return None


def _semantic(cv: CvView, phrase: str, vector: list[float] | None) -> Evidence:
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


def _glossed_term(token: str, phrase: str) -> bool:
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
        return Evidence(True, 0.8, shown, "taxonomy", 0.5)
    strength = 0.6 * max(words, cosine / MEANING_MET, soft / SOFT_MET)
    confidence = 0.5 + 0.4 * (1 - max(cosine / MEANING_MET, soft / SOFT_MET))
    return Evidence(False, strength, shown, "none", round(confidence, 2), "no CV clause shows it")


def _level_check(cv: CvView, phrase: str, asked: credentials.Levelled) -> Evidence | None:
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


def _taxonomy_names(cv: CvView, product: str) -> bool:
    """The CV shows the taxonomy skill of exactly this name ("Containerised services" shows Docker)."""
    from nextround.analysis.skills import load_taxonomy

    taxonomy = load_taxonomy()
    skill_id = taxonomy.skill_id(product)
    return skill_id is not None and taxonomy.names[skill_id].lower() == product.lower() and skill_id in cv.skill_ids


def _same_taxonomy_subject(left: str, right: str) -> bool:
    from nextround.analysis.skills import extract_skills

    ours = {mention.skill for mention in extract_skills(left)}
    return bool(ours & {mention.skill for mention in extract_skills(right)})


def assess_form(cv: CvView, requirement: Requirement, phrase: str, vector: list[float] | None) -> Evidence:
    """Evidence for one form of a requirement: exact checks first where they apply, then meaning."""
    for letter in re.findall(r"\b([A-Z]{1,2})\s+endorsements?\b", phrase):
        # "F endorsement on your NZ driver licence": the endorsement is the point, not the licence
        held = re.search(
            rf"\b{letter}\b[^.\n]{{0,20}}endorsement|endorsements?\b[^.\n]{{0,30}}\b{letter}\b", cv.text, re.IGNORECASE
        )
        if held is None:
            shown = _sentence_matching(cv, credentials.holds_driving_licence)
            return Evidence(False, 0.2, shown, "licence", 0.85, f"the CV shows no {letter} endorsement")
    for asked in sorted(credentials.numbered_licences(phrase)):
        met = credentials.numbered_licence_met(asked, credentials.numbered_licences(cv.text))
        if met is None:
            continue
        shown = _sentence_matching(cv, lambda text: bool(credentials.numbered_licences(text)))
        if met:
            return Evidence(True, 1.0, shown, "licence", 0.85)
        return Evidence(
            False, 0.2, shown, "licence", 0.85, f"{asked[0].title()} {asked[1]} asked; the CV shows another"
        )
    short = credentials.score_short(phrase, cv.text)
    if short is not None:
        shown = _sentence_matching(cv, lambda text: short in credentials.scores(text))
        return Evidence(False, 0.3, shown, "level", 0.85, f"the CV's {short.upper()} score is lower than asked")
    if credentials.scores(phrase) and set(credentials.scores(phrase)) <= set(credentials.scores(cv.text)):
        shown = _sentence_matching(cv, lambda text: bool(credentials.scores(text)))
        return Evidence(True, 1.0, shown, "level", 0.8)
    asked_cdl = credentials.cdl_classes(phrase) or (
        {code.group(1).upper() for code in re.finditer(r"\bclass\s*([ABC])\b", phrase, re.I)}
        if "CDL" in phrase
        else set()
    )
    held_cdl = credentials.cdl_classes(cv.text)
    if asked_cdl and held_cdl:
        if any(have <= asked for have in held_cdl for asked in asked_cdl):
            return Evidence(
                True, 1.0, _sentence_matching(cv, lambda text: bool(credentials.cdl_classes(text))), "licence", 0.85
            )
        shown = _sentence_matching(cv, lambda text: bool(credentials.cdl_classes(text)))
        asked_text = "/".join(sorted(asked_cdl))
        return Evidence(False, 0.2, shown, "licence", 0.85, f"CDL Class {asked_text} asked; the CV shows another class")
    for letter in sorted(credentials.grade_letters(phrase)):
        held_grade = credentials.grade_met(letter, credentials.grade_letters(cv.text))
        if held_grade is False:
            shown = _sentence_matching(cv, lambda text: bool(credentials.grade_letters(text)))
            return Evidence(False, 0.3, shown, "level", 0.8, f"Grade {letter} asked; the CV shows a lower grade")
    if credentials.asks_any_driving_licence(phrase):
        shown = _sentence_matching(cv, credentials.holds_driving_licence)
        other = credentials.licence_country_differs(phrase, cv.text)
        if other is not None:
            return Evidence(False, 0.4, shown, "licence", 0.7, f"the CV's driving licence is {other.title()}")
        if credentials.holds_driving_licence(cv.text):
            return Evidence(True, 1.0, shown, "licence", 0.85)
        return Evidence(False, 0.2, None, "licence", 0.75, "a driving licence is asked; the CV mentions none")
    asked_licences = credentials.licence_categories(phrase + " licence")
    if asked_licences and re.search(r"licen[cs]e|category|class|\bcat\b|pcv|hgv|c\+e", phrase, re.I):
        if credentials.licence_met(asked_licences, cv.licences):
            return Evidence(True, 1.0, _sentence_naming(cv, cv.licences), "licence", 0.9)
        held_codes = ", ".join(sorted(cv.licences)) or "none"
        reason = f"Category {'/'.join(sorted(asked_licences))} asked; the CV shows {held_codes}"
        return Evidence(False, 0.2, _sentence_naming(cv, cv.licences), "licence", 0.9, reason)
    if credentials.asks_school_leaving(phrase) and credentials.school_leaving_shown(cv.text):
        return Evidence(True, 1.0, _sentence_with_degree(cv), "degree", 0.7)
    if _COMPUTER_LITERACY.search(phrase) and _uses_computers(cv):
        # "Computer literate", "Basic IT skills": shown by any software or system the CV works in
        return Evidence(True, 0.9, None, "taxonomy", 0.6)
    if credentials.only_english(phrase):
        return Evidence(True, 1.0, None, "language", 0.7, "the CV itself is written in English")
    degree = credentials.degree_asked(requirement.alternatives)
    if degree is not None:
        held_degree = credentials.degree_level(cv.text)
        if held_degree is not None and held_degree >= degree:
            return Evidence(True, 1.0, _sentence_with_degree(cv), "degree", 0.8)
        if _EQUIVALENT_EXPERIENCE.search(requirement.sentence) and (cv.years or 0) >= EQUIVALENT_YEARS:
            # "a degree or equivalent experience": years of work stand in for it
            return Evidence(True, 0.8, None, "degree", 0.6, "no degree; years of experience accepted instead")
        reason = "a degree is asked; the CV names none" if held_degree is None else "a higher degree is asked"
        return Evidence(False, 0.3, _sentence_with_degree(cv), "degree", 0.75, reason)
    levels = credentials.levelled(phrase)
    if levels:
        checked = _level_check(cv, phrase, levels[0])
        if checked is not None:
            return checked
    semantic = _semantic(cv, phrase, vector)
    version = credentials.other_version(phrase, cv.text)
    if version is not None:  # "Sage 200" asked, "Sage 50" shown
        return Evidence(
            False, semantic.strength * 0.5, semantic.cv_text, "name", 0.8, f"the CV shows {version}", exact=True
        )
    if semantic.met and credentials.diploma_missing(phrase, cv.text):
        reason = "a diploma is asked; the CV shows a certificate or none"
        return Evidence(False, semantic.strength * 0.6, semantic.cv_text, "level", 0.7, reason)
    for act in exact.acts(phrase):
        # "Housing Act 1988": the CV must name that law, or at least what it is about ("mental capacity")
        if not all(word.lower() in cv.names.words for word in act.split()[:-1]):
            return Evidence(
                False, semantic.strength * 0.5, semantic.cv_text, "name", 0.8, f"the CV does not name the {act}"
            )
    if _OR_EQUIVALENT.search(requirement.sentence) and (levels or exact.named_tokens(phrase, requirement.sentence)):
        equivalent = _equivalent_shown(cv, phrase)
        if equivalent is not None:
            return equivalent
    named = [] if requirement.examples else exact.named_tokens(phrase, requirement.sentence)
    if named:
        absent = [
            spellings[0]
            for spellings in named
            if not cv.names.names_any(spellings)
            and not _taxonomy_names(cv, spellings[0])
            and not cv.names.names_rest_of(phrase, spellings[0])
            # a term of art the CV describes in plain words ("fetal heart monitoring traces" for CTG)
            and not (semantic.met and _glossed_term(spellings[0], phrase))
        ]
        other_grade = _other_grade(cv, phrase, named, absent)
        if other_grade is not None:
            return Evidence(False, semantic.strength * 0.5, semantic.cv_text, "name", 0.8, other_grade, exact=True)
        followed = _work_to_standard(cv, phrase, absent) or _name_beside_description(cv, phrase, absent)
        if followed is not None:
            return followed
        codes_absent = any(char.isdigit() for name in absent for char in name)  # "IPAF 3b": the category decides
        if absent and len(named) >= 2 and len(absent) * 2 <= len(named) and semantic.met and not codes_absent:
            # "Flat roofing with GRP and EPDM": most of what it names, and the rest of it by meaning
            return Evidence(True, 0.8, semantic.cv_text, "name", 0.55, f"the CV does not name {', '.join(absent)}")
        if absent:
            return Evidence(
                False,
                semantic.strength * 0.5,
                semantic.cv_text,
                "name",
                0.85,
                f"the CV does not name {', '.join(absent)}",
                exact=any(_names_product(phrase, name) for name in absent),  # "HubSpot" is not "Salesforce"
            )
        spelled = [spellings[0] for spellings in named]
        shown = semantic.cv_text if semantic.met else _sentence_naming_tokens(cv, spelled)
        return _credential_check(cv, phrase, Evidence(True, 1.0, shown, "name", 0.85), spelled)
    if levels:
        return Evidence(
            False,
            semantic.strength * 0.5,
            semantic.cv_text,
            "level",
            0.7,
            f"no Level {levels[0].level} qualification of this kind in the CV",
        )
    return _credential_check(cv, phrase, semantic)


_TO_STANDARD: Final = re.compile(
    r"^(?P<work>.+?)\s+(?:to|as per|per|in line with|in accordance with|according to|compliant with|under)\s+"
    r"(?P<standard>.+)$",
    re.IGNORECASE,
)


def _other_grade(cv: CvView, phrase: str, named: Sequence[tuple[str, ...]], absent: Sequence[str]) -> str | None:
    """ "PRINCE2 Practitioner" against "PRINCE2 Foundation": the capitalised word after a code with a digit
    says which grade of it; the CV naming the code with another grade is a gap."""
    for spellings in named:
        code = spellings[0]
        if code in absent or not any(char.isdigit() for char in code):
            continue
        grade = re.search(rf"(?<![\w-]){re.escape(code)}\s+([A-Z][a-z]+)\b", phrase)
        if grade is None or cv.names.names(grade.group(1)):
            continue
        held = re.search(rf"(?<![\w-]){re.escape(code)}\s+([A-Z][a-z]+)\b", cv.text)
        if held is not None:
            return f"{code} {grade.group(1)} asked; the CV shows {code} {held.group(1)}"
    return None


_STANDARD_WORDS: Final = re.compile(
    r"\d|\b(?:standards?|regulations?|guidelines?|guidance|code|codes|specifications?|requirements|framework)\b",
    re.IGNORECASE,
)


def _work_to_standard(cv: CvView, phrase: str, absent: Sequence[str]) -> Evidence | None:
    """ "Decontamination and cross-infection control to HTM 01-05": the names say which rules the work
    follows; a CV that shows the work itself in other words shows it, less surely, without the code."""
    found = _TO_STANDARD.match(phrase)
    if not absent or found is None or len(content_words(found.group("work"))) < 2:
        return None
    if not all(name.lower() in found.group("standard").lower() for name in absent):
        return None
    if not _STANDARD_WORDS.search(found.group("standard")):
        return None  # "Upload data to Salesforce": a tool the work goes into, not rules it follows
    if exact.named_tokens(found.group("work")):
        return None  # the work names a product of its own ("Payroll in Sage to month end")
    work = found.group("work")
    vectors = encode([work])
    shown = _semantic(cv, work, vectors.row(0) if vectors is not None else None)
    if not shown.met:
        return None
    return Evidence(True, 0.8, shown.cv_text, "meaning", 0.5, f"the CV does not name {', '.join(absent)}")


_OR_EQUIVALENT: Final = re.compile(r"\bor\s+(?:an?\s+)?(?:equivalent|similar|comparable)\b", re.IGNORECASE)
_AWARD_WORDS: Final = re.compile(
    r"\b(?:certificate|certified|diploma|degree|apprenticeship|licen[cs]e|licensed|qualified|qualification|nvq"
    r"|level\s+\d|registered|accredited|accreditation)\b",
    re.IGNORECASE,
)


def _equivalent_shown(cv: CvView, phrase: str) -> Evidence | None:
    """ "Qualified plumber (QQI Level 6 Advanced Certificate or equivalent)": the named award is one way to
    be qualified; a CV that shows the trade and some award of its own shows it, less surely."""
    plain = " ".join(_PARENS.sub(" ", phrase).split())
    plain = re.sub(r"\b(?:level|lvl)\s*\d\b", " ", plain, flags=re.IGNORECASE)
    plain = " ".join(word for word in plain.split() if not exact.named_tokens(word, phrase))
    if len(content_words(plain)) < 1 or not _AWARD_WORDS.search(cv.text):
        return None
    vectors = encode([plain])
    shown = _semantic(cv, plain, vectors.row(0) if vectors is not None else None)
    if not shown.met:
        return None
    return Evidence(True, 0.8, shown.cv_text, "meaning", 0.55, "an equivalent award is accepted")


def _is_product(name: str) -> bool:
    """A product by its spelling (CamelCase, "HubSpot") or because the taxonomy files it as one."""
    if any(char.isupper() for char in name[1:]) and not name.isupper():
        return True
    return exact.taxonomy_product(name)


def _names_product(phrase: str, name: str) -> bool:
    """A product by its spelling or the taxonomy, or a name before a kind of system ("Mews PMS")."""
    if _is_product(name):
        return True
    following = re.search(rf"(?<![\w-]){re.escape(name)}\s+([A-Za-z]+)", phrase)
    return following is not None and exact.is_kind_of_system(following.group(1))


def _name_beside_description(cv: CvView, phrase: str, absent: Sequence[str]) -> Evidence | None:
    """ "Delivering Bookbug and rhyme-time sessions for under-5s", "Aistear and play-based learning": a
    name put beside the plain words for what it is; a CV that shows the plain words shows it, less surely."""
    if not absent or any(_is_product(name) for name in absent):
        return None  # "Xero and cloud accounting for small firms": a product is never shown by a description
    sides = re.split(r"\s+(?:and|&)\s+", phrase, maxsplit=1)
    if len(sides) != 2:
        return None
    for named_side, plain in (sides, sides[::-1]):
        if not all(name.lower() in named_side.lower() for name in absent) or exact.named_tokens(plain):
            continue
        rest = named_side
        for name in absent:
            rest = re.sub(re.escape(name), " ", rest, flags=re.IGNORECASE)
        if len(content_words(rest)) > 1 or len(content_words(plain)) < 2:
            continue  # "early reading using Read Write Inc": the name is how the work is done, not beside it
        vectors = encode([plain])
        shown = _semantic(cv, plain, vectors.row(0) if vectors is not None else None)
        if shown.met:
            return Evidence(True, 0.7, shown.cv_text, "meaning", 0.5, f"the CV does not name {', '.join(absent)}")
    return None


_COMPUTER_LITERACY: Final = re.compile(
    r"^(?:basic\s+|good\s+)?(?:computer|it|ict|pc|digital)(?:\s+|-)(?:literate|literacy|skills?|savvy|proficiency|knowledge)$"
    r"|^(?:computer|it|ict|pc)$|^(?:use|using|use of)\s+(?:ict|computers|technology)\b",
    re.IGNORECASE,
)
_COMPUTER_WORDS: Final = re.compile(
    r"\b(?:computers?|software|systems?|spreadsheets?|databases?|e-?mails?|online|portal|apps?|excel|word|outlook"
    r"|pos|till|scanners?|tablets?|laptops?|projectors?|smartboards?)\b",
    re.IGNORECASE,
)


def _uses_computers(cv: CvView) -> bool:
    from nextround.analysis.skills import load_taxonomy

    taxonomy = load_taxonomy()
    return bool(_COMPUTER_WORDS.search(cv.text)) or any(taxonomy.is_technology(skill) for skill in cv.skill_ids)


def _part_named(cv: CvView, phrase: str, part: str) -> bool:
    """A word of a credential is in the CV, or spelled out there when the job writes it in capitals."""
    if cv.names.names(part) or cv.names.expands_to(part):
        return True
    written = re.search(rf"(?<![A-Za-z]){re.escape(part.upper())}(?![A-Za-z])", phrase)
    return written is not None and cv.names.names(part.upper())


def _credential_check(cv: CvView, phrase: str, semantic: Evidence, named: Sequence[str] = ()) -> Evidence:
    """A licence, card, certificate or membership is a named thing: the words that say which one
    ("Door Supervisor" licence, "Resolution" membership) must be in the CV, not just nearby meanings."""
    words = content_words(phrase)
    if not semantic.met or not words or words[-1].removesuffix("s") not in CREDENTIAL_HEADS:
        return semantic
    skip = GENERIC_WORDS | _STATUS_WORDS | {name.lower() for name in named}
    qualifiers = [word for word in words[:-1] if word not in skip]
    if not qualifiers:
        return semantic
    absent = [
        word
        for word in qualifiers
        # "EMT-Basic": each part of a hyphenated name may be named on its own
        if not all(_part_named(cv, phrase, part) for part in word.split("-") if part)
    ]
    # the word right after a code says which one ("608 Universal", "CSCS Black"): it must be there
    decisive = {
        found.group(1).lower()
        for name in named
        if any(char.isdigit() for char in name)  # "JIB Approved" describes; "608 Universal" says which
        for found in re.finditer(rf"(?<![\w-]){re.escape(name)}\s+([A-Za-z][\w-]*)", phrase)
    }
    decisive |= _COLOURS | _GRADE_WORDS  # "CSCS Black card", "Green Belt", "Master electrician": which grade
    if len(absent) * 2 <= len(qualifiers) and not decisive & set(absent):
        return semantic
    return Evidence(
        False, semantic.strength * 0.6, semantic.cv_text, "name", 0.7, f"the CV does not name {' '.join(absent)}"
    )


def _sentence_matching(cv: CvView, test: Callable[[str], bool]) -> str | None:
    return next((clause.sentence for clause in cv.clauses if test(clause.sentence)), None)


def _sentence_with_degree(cv: CvView) -> str | None:
    for clause in cv.clauses:
        if credentials.degree_level(clause.sentence) is not None:
            return clause.sentence
    return None


def _sentence_naming(cv: CvView, codes: set[str]) -> str | None:
    for clause in cv.clauses:
        if credentials.licence_categories(clause.sentence) & codes:
            return clause.sentence
    return None


def _sentence_naming_tokens(cv: CvView, tokens: Sequence[str]) -> str | None:
    lowered = [token.lower() for token in tokens]
    for clause in cv.clauses:
        if any(token in clause.sentence.lower() for token in lowered):
            return clause.sentence
    return None
