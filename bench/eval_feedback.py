"""Quality of employer-feedback analysis on the project's own corpus.

Run: .venv/bin/python bench/eval_feedback.py [--frozen] [--test2] [--test3] [--heldout] [--dev7-heldout]
       [--test4] [--test5] [--test6] [--test7] [--test8] [--test9] [--test10] [--test11] [--test12]
       [--test13] [--test14] [--test15] [--test16] [--test17] [--test18] [--test19] [--test20] [--test21]
       [--test22] [--test23] [--file NAME ...]

Prints, per split: precision / recall / F1 per theme and their macro average, `actionable` accuracy,
outside-your-control exact match, and strengths recall (a praise span of the gold labels counts as found
when a returned strength quotes at least half of it). The dev split is what the classifier is trained and
tuned on (its honest estimate is the cross-validated figure printed by scripts/train_feedback.py --folds 5);
the frozen test split (tests/data/feedback_corpus/test_frozen.jsonl) was written before any tuning and is
reported separately, with --frozen, once per model change that is meant to ship.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nextround.analysis.feedback import THEMES, FeedbackAnalysis, analyze_feedback

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "feedback_corpus"
OLD_SETS = Path(__file__).resolve().parent.parent / "tests" / "data"


@dataclass(frozen=True)
class Scores:
    per_theme: dict[str, tuple[float, float, float, int]]  # precision, recall, F1, support
    macro_f1: float
    actionable: float
    codes_exact: float
    strengths_recall: float | None
    texts: int


def load_rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return sorted(rows, key=lambda row: str(row["id"]))


def _covered(text: str, span: str, quotes: Sequence[str]) -> bool:
    start = text.find(span)
    if start < 0:
        return False
    end = start + len(span)
    for quote in quotes:
        at = text.find(quote)
        if at >= 0 and min(end, at + len(quote)) - max(start, at) >= len(span) / 2:
            return True
    return False


def score(rows: Sequence[dict[str, Any]], results: Sequence[FeedbackAnalysis]) -> Scores:
    counts = {theme: [0, 0, 0] for theme in THEMES}
    actionable = codes = found_spans = gold_spans = 0
    for row, result in zip(rows, results, strict=True):
        gold, got = set(row["themes"]), set(result.theme_names)
        for theme in THEMES:
            if theme in gold and theme in got:
                counts[theme][0] += 1
            elif theme in got:
                counts[theme][1] += 1
            elif theme in gold:
                counts[theme][2] += 1
        actionable += bool(row["actionable"]) == result.actionable
        codes += set(row["outside_your_control"]) == set(result.outside_your_control)
        quotes = [quote for strength in result.strengths for quote in strength.evidence]
        for strength in row.get("strengths", []):
            gold_spans += 1
            found_spans += _covered(str(row["text"]), str(strength["span"]), quotes)
    per_theme: dict[str, tuple[float, float, float, int]] = {}
    for theme, (tp, fp, fn) in counts.items():
        if tp + fp + fn == 0:
            continue
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_theme[theme] = (precision, recall, f1, tp + fn)
    supported = [values[2] for values in per_theme.values() if values[3]]
    total = len(rows)
    return Scores(
        per_theme=per_theme,
        macro_f1=sum(supported) / len(supported) if supported else 0.0,
        actionable=actionable / total if total else 0.0,
        codes_exact=codes / total if total else 0.0,
        strengths_recall=found_spans / gold_spans if gold_spans else None,
        texts=total,
    )


def table(name: str, scores: Scores) -> str:
    lines = [
        f"### {name} ({scores.texts} texts)",
        "",
        "| theme | precision | recall | F1 | support |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for theme, (precision, recall, f1, support) in scores.per_theme.items():
        lines.append(f"| {theme} | {precision:.2f} | {recall:.2f} | {f1:.2f} | {support} |")
    strengths = "n/a" if scores.strengths_recall is None else f"{scores.strengths_recall:.2f}"
    lines += [
        "",
        f"themes macro-F1 **{scores.macro_f1:.3f}**; actionable accuracy **{scores.actionable:.3f}**; "
        f"outside_your_control exact {scores.codes_exact:.3f}; strengths recall {strengths}",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frozen", action="store_true", help="also report the frozen test split")
    parser.add_argument("--older", action="store_true", help="also report the older sets in tests/data")
    parser.add_argument("--test2", action="store_true", help="also the second frozen test set (report once)")
    parser.add_argument("--test3", action="store_true", help="also test3 (seen; trained on since session 5)")
    parser.add_argument("--heldout", action="store_true", help="also the held-out dev set (session 4)")
    parser.add_argument("--test4", action="store_true", help="also the fourth frozen test set (report once)")
    parser.add_argument("--test5", action="store_true", help="also the fifth frozen test set (report once)")
    parser.add_argument("--test6", action="store_true", help="also the sixth frozen test set (report once)")
    parser.add_argument("--test7", action="store_true", help="also the seventh frozen test set (report once)")
    parser.add_argument("--test8", action="store_true", help="also the eighth frozen test set (report once)")
    parser.add_argument("--test9", action="store_true", help="also the ninth frozen test set (report once)")
    parser.add_argument("--test10", action="store_true", help="also the tenth frozen test set (report once)")
    parser.add_argument("--test11", action="store_true", help="also the eleventh frozen test set (report once)")
    parser.add_argument("--test12", action="store_true", help="also the twelfth frozen test set (report once)")
    parser.add_argument("--test13", action="store_true", help="also the thirteenth frozen test set (report once)")
    parser.add_argument("--test14", action="store_true", help="also the fourteenth frozen test set (report once)")
    parser.add_argument("--test15", action="store_true", help="also the fifteenth frozen test set (report once)")
    parser.add_argument("--test16", action="store_true", help="also the sixteenth frozen test set (report once)")
    parser.add_argument("--test17", action="store_true", help="also the seventeenth frozen test set (report once)")
    parser.add_argument("--test18", action="store_true", help="also the eighteenth frozen test set (report once)")
    parser.add_argument("--test19", action="store_true", help="also the nineteenth frozen test set (report once)")
    parser.add_argument("--test20", action="store_true", help="also the twentieth frozen test set (report once)")
    parser.add_argument("--test21", action="store_true", help="also the twenty-first frozen test set (report once)")
    parser.add_argument("--test22", action="store_true", help="also the twenty-second frozen test set (report once)")
    parser.add_argument("--test23", action="store_true", help="also the twenty-third frozen test set (report once)")
    parser.add_argument("--dev7-heldout", action="store_true", help="also the held-out dev set of session 6")
    parser.add_argument(
        "--file", action="append", default=[], help="also this corpus file (a path, or a name in feedback_corpus/)"
    )
    args = parser.parse_args()
    sets = {"dev (trained on: in-sample)": CORPUS / "dev.jsonl", "dev2 (trained on: in-sample)": CORPUS / "dev2.jsonl"}
    if args.older:
        sets |= {f"older {name}": OLD_SETS / f"feedback_{name}.jsonl" for name in ("dev", "holdout", "holdout4")}
    if args.frozen:
        sets["first frozen test, a validation set since session 3 (never trained on)"] = CORPUS / "test_frozen.jsonl"
    if args.test2:
        sets["frozen test2 (written before session 3's tuning; reported once)"] = CORPUS / "test2" / "test.jsonl"
    if args.test3:
        sets["test3 (reported once in session 4; trained on since session 5 as test3_clauses.jsonl: in-sample)"] = (
            CORPUS / "test3" / "test.jsonl"
        )
    if args.heldout:
        sets["held-out dev (session 4; never trained or tuned on)"] = CORPUS / "dev4_heldout.jsonl"
    if args.dev7_heldout:
        sets["held-out dev7 (session 6; never trained or tuned on)"] = CORPUS / "dev7_heldout.jsonl"
    if args.test4:
        sets["frozen test4 (written before session 5's tuning; reported once)"] = CORPUS / "test4" / "test.jsonl"
    if args.test5:
        sets["frozen test5 (written before session 6's tuning; reported once)"] = CORPUS / "test5" / "test.jsonl"
    if args.test6:
        sets["frozen test6 (written before session 7's tuning; reported once)"] = CORPUS / "test6" / "test.jsonl"
    if args.test7:
        sets["frozen test7 (written before session 8's tuning; reported once)"] = CORPUS / "test7" / "test.jsonl"
    if args.test8:
        sets["frozen test8 (written before session 9's tuning; reported once)"] = CORPUS / "test8" / "test.jsonl"
    if args.test9:
        sets["frozen test9 (written before session 10's tuning; reported once)"] = CORPUS / "test9" / "test.jsonl"
    if args.test10:
        sets["frozen test10 (written before session 11's tuning; reported once)"] = CORPUS / "test10" / "test.jsonl"
    if args.test11:
        sets["frozen test11 (written before session 12's tuning; reported once)"] = CORPUS / "test11" / "test.jsonl"
    if args.test12:
        sets["frozen test12 (written before session 13's tuning; reported once)"] = CORPUS / "test12" / "test.jsonl"
    if args.test13:
        sets["frozen test13 (written before session 14's tuning; reported once)"] = CORPUS / "test13" / "test.jsonl"
    if args.test14:
        sets["frozen test14 (written before session 15's tuning; reported once)"] = CORPUS / "test14" / "test.jsonl"
    if args.test15:
        sets["frozen test15 (written before session 16's tuning; reported once)"] = CORPUS / "test15" / "test.jsonl"
    if args.test16:
        sets["frozen test16 (written before session 17's tuning; reported once)"] = CORPUS / "test16" / "test.jsonl"
    if args.test17:
        sets["frozen test17 (written before session 18's tuning; reported once)"] = CORPUS / "test17" / "test.jsonl"
    if args.test18:
        sets["frozen test18 (written before session 19's tuning; reported once)"] = CORPUS / "test18" / "test.jsonl"
    if args.test19:
        sets["frozen test19 (written before session 20's tuning; reported once)"] = CORPUS / "test19" / "test.jsonl"
    if args.test20:
        sets["frozen test20 (written before session 21's tuning; reported once)"] = CORPUS / "test20" / "test.jsonl"
    if args.test21:
        sets["frozen test21 (written before session 22's tuning; reported once)"] = CORPUS / "test21" / "test.jsonl"
    if args.test22:
        sets["frozen test22 (written before session 23's tuning; reported once)"] = CORPUS / "test22" / "test.jsonl"
    if args.test23:
        sets["frozen test23 (written before session 24's tuning; reported once)"] = CORPUS / "test23" / "test.jsonl"
    for extra in args.file:
        path = Path(extra) if Path(extra).is_file() else CORPUS / extra
        sets[f"{path.name} (as named on the command line)"] = path
    for name, path in sets.items():
        rows = load_rows(path)
        print(table(name, score(rows, [analyze_feedback(str(row["text"])) for row in rows])))


if __name__ == "__main__":
    main()
