"""Compare static token tables as the analysers use them: wordllama (shipped) against distilled tables.

Run: .venv/bin/python bench/eval_static_vectors.py [--table NAME=DIR ...] [--no-packaged] [--no-timing]

Each model embeds a text as the mean of its token rows at unit length; only the table and tokenizer differ.
``--table`` adds a table folder (``table.safetensors`` + ``vocab.txt``, as ``scripts/build_static_vectors.py``
writes them); the packaged static table (``nextround.analysis.static_vectors``) is measured when present.
Only seen data (no test5 set is read). Prints one markdown table:

  1. skill evidence (``tests/data/skill_pairs/``: dev..dev6, frozen_test, test2, test3, test4): for each
     required item, the largest cosine between the item and any CV clause (clauses cut as the matcher cuts
     them); AUC of items the CV shows (ties count half) over items labelled missing; pooled over all files,
     and the mean of the per-file AUCs. "words" is the same with the matcher's word-by-word closeness
     (for each content word of the item, its nearest word in a clause; the mean weighted by specificity; best
     clause) instead of one cosine;
  2. answer relevance (``tests/data/answer_corpus/`` dev and wide, on-topic answers): how often the cosine
     of an answer with its own question beats its cosine with each other question of the split, for the
     whole answer as one text and for the mean of its two best sentences;
  3. paraphrases: the mean cosine of 60 word and phrase pairs that mean the same, of 60 pairs that do not,
     the gap between the means, and the AUC of the first over the second;
  4. speed and size: processor time to embed a 250-word text (rows already decoded, text not seen),
     a cold start in a fresh process (import and load, embed one sentence), and the model files' size.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.answer_corpus import CorpusAnswer, load_corpus  # noqa: E402

from nextround.analysis.answer import split_sentences  # noqa: E402
from nextround.analysis.skillgaps.evidence import _clauses, content_words, specificity  # noqa: E402
from nextround.analysis.vectors import Matrix, dot  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "skill_pairs"
SKILL_FILES = (
    "dev.jsonl",
    "dev2.jsonl",
    "dev3.jsonl",
    "dev4.jsonl",
    "dev5.jsonl",
    "dev6.jsonl",
    "frozen_test.jsonl",
    "test2/test.jsonl",
    "test3/test.jsonl",
    "test4/test.jsonl",
)
ANSWER_SPLITS = ("dev", "wide")

# Written for this bench: pairs a reader takes to mean the same thing (or near enough that a CV line with
# one shows a requirement with the other), in the words of CVs, job ads, interviews and feedback.
PARAPHRASES: tuple[tuple[str, str], ...] = (
    ("diary", "calendar"),
    ("balance the books", "reconcile the accounts"),
    ("croissants", "pastry"),
    ("managed the rota", "scheduled staff shifts"),
    ("customer complaints", "unhappy clients"),
    ("forklift", "lift truck"),
    ("invoices", "bills"),
    ("stock control", "inventory management"),
    ("wages", "payroll"),
    ("first aid", "emergency medical care"),
    ("looked after children", "childcare"),
    ("cashier", "till operator"),
    ("stocktake", "counting inventory"),
    ("lorry", "truck"),
    ("fixed cars", "repaired vehicles"),
    ("taught pupils", "teaching students"),
    ("budget", "spending plan"),
    ("chef", "cook"),
    ("nurse", "caring for patients"),
    ("spreadsheets", "excel"),
    ("deadline", "due date"),
    ("teamwork", "working with colleagues"),
    ("bookkeeping", "keeping accounts"),
    ("plumbing", "fitting pipes"),
    ("wiring", "electrical installation"),
    ("cleaned rooms", "housekeeping"),
    ("greeted guests", "front of house"),
    ("delivered parcels", "courier work"),
    ("trained new starters", "onboarding new staff"),
    ("handled cash", "cash handling"),
    ("warehouse", "distribution centre"),
    ("sales targets", "revenue goals"),
    ("rude", "impolite"),
    ("late", "not on time"),
    ("nervous", "anxious"),
    ("salary", "pay"),
    ("job", "role"),
    ("sacked", "dismissed"),
    ("resigned", "quit my job"),
    ("hired", "recruited"),
    ("interview", "job assessment meeting"),
    ("references", "referees"),
    ("CV", "resume"),
    ("vacancy", "open position"),
    ("shift supervisor", "team leader on shift"),
    ("health and safety", "workplace safety"),
    ("food hygiene", "kitchen cleanliness"),
    ("cake decoration", "icing cakes"),
    ("prescriptions", "dispensing medicines"),
    ("wound care", "changing dressings"),
    ("accounts payable", "paying suppliers"),
    ("data entry", "typing records into the system"),
    ("answered phones", "took calls"),
    ("appointments", "bookings"),
    ("communication skills", "speaking clearly"),
    ("car", "automobile"),
    ("doctor", "physician"),
    ("buy", "purchase"),
    ("fix", "repair"),
    ("fast", "quick"),
)
UNRELATED: tuple[tuple[str, str], ...] = (
    ("diary", "forklift"),
    ("balance the books", "plated desserts"),
    ("croissants", "payroll"),
    ("managed the rota", "wound care"),
    ("customer complaints", "welding"),
    ("forklift", "poetry"),
    ("invoices", "dementia care"),
    ("stock control", "swimming lessons"),
    ("wages", "scaffolding"),
    ("first aid", "spreadsheets"),
    ("looked after children", "tax returns"),
    ("cashier", "tree surgery"),
    ("stocktake", "singing"),
    ("lorry", "pastry"),
    ("fixed cars", "taught pupils"),
    ("taught pupils", "laminated dough"),
    ("budget", "bricklaying"),
    ("chef", "accountant"),
    ("nurse", "electrician"),
    ("spreadsheets", "gardening"),
    ("deadline", "chocolate"),
    ("teamwork", "microscope"),
    ("bookkeeping", "haircuts"),
    ("plumbing", "marketing"),
    ("wiring", "cake decoration"),
    ("cleaned rooms", "software testing"),
    ("greeted guests", "soil samples"),
    ("delivered parcels", "legal research"),
    ("trained new starters", "oil changes"),
    ("handled cash", "physiotherapy"),
    ("warehouse", "piano"),
    ("sales targets", "livestock"),
    ("rude", "wooden"),
    ("late", "blue"),
    ("nervous", "concrete"),
    ("salary", "volcano"),
    ("job", "banana"),
    ("sacked", "painted"),
    ("resigned", "baked bread"),
    ("hired", "watered plants"),
    ("interview", "bicycle repair"),
    ("references", "dairy farming"),
    ("CV", "tractor"),
    ("vacancy", "sunshine"),
    ("shift supervisor", "violin"),
    ("health and safety", "poetry reading"),
    ("food hygiene", "tax law"),
    ("cake decoration", "forklift licence"),
    ("prescriptions", "roofing"),
    ("wound care", "social media"),
    ("accounts payable", "hairdressing"),
    ("data entry", "sheep shearing"),
    ("answered phones", "poured concrete"),
    ("appointments", "glaciers"),
    ("communication skills", "engine oil"),
    ("car", "lettuce"),
    ("doctor", "carpet"),
    ("buy", "sleep"),
    ("fix", "sing"),
    ("fast", "purple"),
)


class Model(Protocol):
    def embed(self, texts: Sequence[str]) -> Matrix: ...


@dataclass
class Candidate:
    name: str
    model: Model
    files: list[Path]
    load_code: str  # Python that imports and loads it, for the cold start


def auc(positive: Sequence[float], negative: Sequence[float]) -> float:
    """P(positive > negative), ties half: by ranks (Mann-Whitney)."""
    if not positive or not negative:
        return float("nan")
    ranked = sorted([(value, 1) for value in positive] + [(value, 0) for value in negative])
    rank_sum, index = 0.0, 0
    while index < len(ranked):
        end = index
        while end < len(ranked) and ranked[end][0] == ranked[index][0]:
            end += 1
        mean_rank = (index + 1 + end) / 2
        rank_sum += mean_rank * sum(flag for _, flag in ranked[index:end])
        index = end
    n_pos = len(positive)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * len(negative))


# --- 1. skill evidence -----------------------------------------------------------------------------------


def skill_items(path: Path) -> list[tuple[str, list[str], bool]]:
    """(CV, item, shown) for every required item of every pair in the file."""
    rows: list[tuple[str, list[str], bool]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        pair = json.loads(line)
        missing = {item.strip().lower() for item in pair.get("missing", [])}
        for item in pair.get("required", []):
            rows.append((pair["cv"], item, item.strip().lower() not in missing))
    return rows


def skill_scores(model: Model) -> dict[str, tuple[float, float]]:
    """Per file (and "all"): (phrase AUC, word AUC)."""
    per_file: dict[str, tuple[float, float]] = {}
    pooled: dict[str, list[list[float]]] = {"phrase": [[], []], "words": [[], []]}
    for name in SKILL_FILES:
        groups: dict[str, list[list[float]]] = {"phrase": [[], []], "words": [[], []]}
        cv_cache: dict[str, tuple[Matrix, list[list[int]], Matrix]] = {}
        for cv, item, shown in skill_items(PAIRS / name):
            if cv not in cv_cache:
                clauses = [clause.text for clause in _clauses(cv)]
                vocabulary: dict[str, int] = {}
                clause_words = [
                    [vocabulary.setdefault(word, len(vocabulary)) for word in content_words(text)] for text in clauses
                ]
                cv_cache[cv] = (model.embed(clauses), clause_words, model.embed(list(vocabulary)))
            clause_vectors, clause_words, word_vectors = cv_cache[cv]
            phrase = max(dot(model.embed([item]), clause_vectors)[0], default=0.0)
            groups["phrase"][0 if shown else 1].append(phrase)
            groups["words"][0 if shown else 1].append(_word_closeness(model, item, clause_words, word_vectors))
        per_file[name] = (auc(*groups["phrase"]), auc(*groups["words"]))
        for key in pooled:
            pooled[key][0].extend(groups[key][0])
            pooled[key][1].extend(groups[key][1])
    per_file["all"] = (auc(*pooled["phrase"]), auc(*pooled["words"]))
    return per_file


def _word_closeness(model: Model, item: str, clause_words: list[list[int]], word_vectors: Matrix) -> float:
    """The matcher's soft recall: each item word's nearest word in a clause, weighted by specificity."""
    words = content_words(item)
    if not words or not word_vectors.rows:
        return 0.0
    weights = [specificity(word) for word in words]
    total = sum(weights) or 1.0
    closeness = dot(model.embed(words), word_vectors)
    best = 0.0
    for rows in clause_words:
        if rows:
            value = sum(w * max(row[c] for c in rows) for w, row in zip(weights, closeness, strict=True)) / total
            best = max(best, value)
    return best


# --- 2. answer relevance ---------------------------------------------------------------------------------


def relevance_scores(model: Model, items: list[CorpusAnswer]) -> tuple[float, float, int]:
    """(whole answer, two best sentences): share of (answer, other question) comparisons its own wins."""
    questions = sorted({item.question for item in items})
    question_vectors = model.embed(questions)
    index = {question: number for number, question in enumerate(questions)}
    wins = {"whole": 0.0, "sentences": 0.0}
    total = 0
    for item in items:
        if not item.on_topic:
            continue
        whole = dot(model.embed([item.answer]), question_vectors)[0]
        per_sentence = dot(question_vectors, model.embed(split_sentences(item.answer)))
        top_two = [statistics.fmean(sorted(row)[-2:]) for row in per_sentence]
        own = index[item.question]
        for other in range(len(questions)):
            if other == own:
                continue
            total += 1
            for key, values in (("whole", whole), ("sentences", top_two)):
                wins[key] += 1.0 if values[own] > values[other] else 0.5 if values[own] == values[other] else 0.0
    return wins["whole"] / total, wins["sentences"] / total, total


# --- 3. paraphrases --------------------------------------------------------------------------------------


def pair_cosines(model: Model, pairs: Sequence[tuple[str, str]]) -> list[float]:
    return [dot(model.embed([a]), model.embed([b]))[0][0] for a, b in pairs]


# --- 4. speed and size -----------------------------------------------------------------------------------


def texts_of_250_words() -> list[str]:
    words = " ".join(item.answer for split in ANSWER_SPLITS for item in load_corpus(split)).split()
    return [" ".join(words[start : start + 250]) for start in range(0, len(words) - 250, 250)]


def time_per_text(model: Model, texts: list[str]) -> float:
    """Median processor milliseconds per text; texts never embedded before (the embed cache keeps short
    texts only), their token rows decoded by a first pass over the same words in another order."""
    model.embed([" ".join(sorted(text.split())) for text in texts])  # rows decoded, texts not seen
    times = []
    for text in texts:
        start = time.process_time()
        model.embed([text])
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def cold_start(code: str, repeats: int = 3) -> float:
    """Best of ``repeats`` fresh processes: milliseconds of processor time to import, load, embed."""
    script = (
        "import resource, time\n"
        f"{code}\n"
        "model.embed(['I balanced the till at the end of each shift.'])\n"
        "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
        "print((usage.ru_utime + usage.ru_stime) * 1000)\n"
    )
    return min(float(subprocess.check_output([sys.executable, "-c", script], text=True)) for _ in range(repeats))


# --- the table -------------------------------------------------------------------------------------------


def candidates(tables: Sequence[str], packaged: bool, wordllama: bool = True) -> list[Candidate]:
    from nextround.analysis import embedding, static_vectors

    data = ROOT / "src" / "nextround" / "data"
    found = []
    if wordllama:
        found.append(
            Candidate(
                "wordllama l2_supercat_256 (shipped)",
                embedding.load_model(),
                [
                    data / "embedding" / "l2_supercat_256.safetensors",
                    data / "embedding" / "l2_supercat_tokenizer_config.json",
                ],
                "from nextround.analysis.embedding import load_model; model = load_model()",
            )
        )
    folder = data / "static_vectors"
    if packaged and (folder / "table.safetensors").is_file():
        found.append(
            Candidate(
                "static_vectors (packaged)",
                static_vectors.load_model(),
                [folder / "table.safetensors", folder / "vocab.txt"],
                "from nextround.analysis.static_vectors import load_model; model = load_model()",
            )
        )
    for spec in tables:
        name, _, where = spec.partition("=")
        path = Path(where or name)
        found.append(
            Candidate(
                name,
                static_vectors.load_model_from(path),
                [path / "table.safetensors", path / "vocab.txt"],
                "from pathlib import Path; from nextround.analysis.static_vectors import load_model_from; "
                f"model = load_model_from(Path({str(path)!r}))",
            )
        )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", action="append", default=[], help="NAME=DIR of a table to compare")
    parser.add_argument("--no-packaged", action="store_true", help="leave out the packaged static table")
    parser.add_argument("--no-timing", action="store_true", help="quality only")
    parser.add_argument("--no-wordllama", action="store_true", help="leave out the shipped wordllama table")
    args = parser.parse_args()
    models = candidates(args.table, packaged=not args.no_packaged, wordllama=not args.no_wordllama)
    answers = {split: load_corpus(split) for split in ANSWER_SPLITS}
    texts = texts_of_250_words()
    rows: dict[str, list[str]] = {}

    def add(measure: str, value: str) -> None:
        rows.setdefault(measure, []).append(value)

    for candidate in models:
        model = candidate.model
        skills = skill_scores(model)
        add("skill evidence AUC, phrase cosine, all files pooled", f"**{skills['all'][0]:.3f}**")
        per_file = [value[0] for name, value in skills.items() if name != "all"]
        add("  mean of the 10 files' AUCs", f"{statistics.fmean(per_file):.3f}")
        add("skill evidence AUC, word by word (the matcher's soft recall), pooled", f"{skills['all'][1]:.3f}")
        for split, items in answers.items():
            whole, sentences, total = relevance_scores(model, items)
            add(f"relevance {split} ({total} comparisons), whole answer", f"**{whole:.3f}**")
            add(f"relevance {split}, two best sentences", f"{sentences:.3f}")
        same, other = pair_cosines(model, PARAPHRASES), pair_cosines(model, UNRELATED)
        add(f"paraphrase pairs ({len(same)}), mean cosine", f"{statistics.fmean(same):.3f}")
        add(f"unrelated pairs ({len(other)}), mean cosine", f"{statistics.fmean(other):.3f}")
        add("  gap", f"**{statistics.fmean(same) - statistics.fmean(other):.3f}**")
        add("  AUC paraphrase over unrelated", f"{auc(same, other):.3f}")
        for a, b in (("diary", "calendar"), ("balance", "reconcile"), ("croissants", "pastry")):
            add(f"  {a} / {b}", f"{pair_cosines(model, [(a, b)])[0]:.2f}")
        if not args.no_timing:
            add("ms per 250-word text (processor, median)", f"{time_per_text(model, texts):.2f}")
            add(
                "cold start: import, load, one sentence (ms processor, best of 3)",
                f"{cold_start(candidate.load_code):.0f}",
            )
        size = sum(path.stat().st_size for path in candidate.files) / 1e6
        add("model files (MB)", f"{size:.1f}")
    print("| measure | " + " | ".join(candidate.name for candidate in models) + " |")
    print("| --- |" + " ---: |" * len(models))
    for measure, values in rows.items():
        print(f"| {measure} | " + " | ".join(values) + " |")


if __name__ == "__main__":
    main()
