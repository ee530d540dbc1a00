"""Draft clause labels for a text-labelled feedback file, held to its gold labels (for hand correction after).

Run:   .venv/bin/python scripts/draft_feedback_clauses.py test9/test.jsonl test9_clauses.jsonl [--flags FILE]

How test3/5/6/7/8_clauses.jsonl were drafted (tests/data/feedback_corpus/README.md), written down as a script in
session 13: the shipped model's clause reading, held to the text's gold labels.

* Clauses are the reading's, cut at the edges of each gold strength span, so that every praise clause is exactly a
  gold span (its theme the span's); praise read anywhere else is neutral.
* A reason clause keeps only gold themes; one read only with themes the gold labels lack takes the gold theme the
  reason head reads most in it. A reason clause cut in pieces by a span stays a reason in its longest piece only.
* A gold theme no reason clause carries goes on the clause outside the spans the reason head reads it most in.
* Text-level labels are copied unchanged; each text's themes are then the union of its reason clauses' themes.

Texts where the draft had to overrule the reading are listed (--flags) for reading by hand: the draft is a draft.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from pathlib import Path
from typing import Any

from nextround.analysis.feedback import THEMES, decide, read_text
from nextround.analysis.feedback.lexicon import closes_message
from nextround.analysis.feedback.model import GREETING_OR_SIGN_OFF, load_clause_model

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "feedback_corpus"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def draft(row: dict[str, Any], model: Any) -> tuple[list[dict[str, Any]], list[str]]:
    """The clauses of one text, and why it needs reading by hand (empty: the reading agreed with the gold labels)."""
    text = str(row["text"])
    reading = read_text(text)
    result = decide(reading, model)
    reasons = model.predict_reasons(reading.features, reading.stems)
    spans: list[tuple[int, int, str]] = []
    for strength in row["strengths"]:
        at = text.find(strength["span"])
        if at < 0:
            raise ValueError(f"{row['id']}: strength span not in the text: {strength['span']!r}")
        spans.append((at, at + len(strength["span"]), str(strength["theme"])))
    flags: list[str] = []
    # Boundaries: the reading's clause edges outside any span, and the spans' own edges.
    cuts = {0, len(text)}
    for clause in reading.clauses:
        for edge in (clause.start, clause.end):
            if not any(start < edge < end for start, end, _ in spans):
                cuts.add(edge)
    for start, end, _ in spans:
        cuts |= {start, end}
    edges = sorted(cuts)
    pieces = [_trimmed(text, a, b) for a, b in itertools.pairwise(edges)]
    pieces = [(a, b) for a, b in pieces if b > a]
    # A piece with no letter or digit joins the piece before it (or after it, at the start), unless that is a span.
    merged: list[tuple[int, int]] = []
    span_edges = {(start, end) for start, end, _ in spans}
    for a, b in pieces:
        bare = not re.search(r"\w", text[a:b])
        bare_before = bool(merged) and not re.search(r"\w", text[merged[-1][0] : merged[-1][1]])
        if (bare and merged and merged[-1] not in span_edges) or (bare_before and (a, b) not in span_edges):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    gold = [str(theme) for theme in row["themes"]]
    polarity = model.predict(reading.features, reading.stems)[0]
    last = len(reading.clauses) - 1
    # Greetings, sign-offs and clauses that only close the message never carry a reason.
    shut = [
        bool(GREETING_OR_SIGN_OFF.fullmatch(text, c.start, c.end)) or closes_message(text[c.start : c.end], i == last)
        for i, c in enumerate(reading.clauses)
    ]

    def fit(index: int, theme: str) -> float:
        """How much the reading takes clause `index` for a reason about `theme`."""
        return float(polarity[index][0]) * float(reasons[index][THEMES.index(theme)])

    clauses: list[dict[str, Any]] = []
    owner: list[int] = []  # the reading's clause each piece lies in (most overlap)
    coerced: list[int] = []  # reason pieces read only with themes the gold labels lack
    for a, b in merged:
        overlaps = [(min(b, c.end) - max(a, c.start), i) for i, c in enumerate(reading.clauses)]
        best, index = max(overlaps)
        owner.append(index if best > 0 else -1)
        span = next((theme for start, end, theme in spans if (start, end) == (a, b)), None)
        read = result.clauses[index] if best > 0 else None
        if span is not None:
            clauses.append({"text": text[a:b], "start": a, "polarity": "praise", "themes": [span]})
            if read is None or read.polarity != "praise":
                flags.append(f"praise span read {read.polarity if read else 'nothing'}")
            continue
        if read is not None and read.polarity == "reason":
            kept = [theme for theme in read.themes if theme in gold]
            if not kept:
                coerced.append(len(clauses))
            elif set(kept) != set(read.themes):
                flags.append(f"reason {list(read.themes)} kept {kept}: {text[a:b][:60]!r}")
            clauses.append({"text": text[a:b], "start": a, "polarity": "reason", "themes": kept, "read": read.themes})
        else:
            clauses.append({"text": text[a:b], "start": a, "polarity": "neutral", "themes": []})
    # A reading's reason clause cut in pieces by a span: a reason in its longest piece only.
    for index in set(owner):
        mine = [at for at, o in enumerate(owner) if o == index and clauses[at]["polarity"] == "reason"]
        if len(mine) > 1:
            longest = max(mine, key=lambda at: len(clauses[at]["text"]))
            for at in mine:
                if at != longest:
                    clauses[at]["polarity"], clauses[at]["themes"] = "neutral", []
    carried = {theme for clause in clauses if clause["polarity"] == "reason" for theme in clause["themes"]}
    # A reason read only with other themes: the gold theme no clause carries yet that it is read most for, on the
    # coerced clause that reads most for it; otherwise (a greeting, a verdict, a second clause for the same theme)
    # neutral.
    for at in sorted(coerced, key=lambda at: -max(fit(owner[at], theme) for theme in gold) if gold else 0):
        clause = clauses[at]
        if clause["polarity"] != "reason":
            continue
        open_themes = [theme for theme in gold if theme not in carried]
        if open_themes and not shut[owner[at]]:
            theme = max(open_themes, key=lambda theme: fit(owner[at], theme))
            clause["themes"] = [theme]
            carried.add(theme)
            flags.append(f"reason {list(clause['read'])} -> {[theme]}: {clause['text'][:60]!r}")
        else:
            clause["polarity"], clause["themes"] = "neutral", []
            flags.append(f"reason {list(clause['read'])} made neutral: {clause['text'][:60]!r}")
    for theme in gold:
        if theme in carried:
            continue
        options = [
            at
            for at, clause in enumerate(clauses)
            if clause["polarity"] != "praise" and owner[at] >= 0 and not shut[owner[at]]
        ]
        # An ATS text whose only words are thanks and a no: its thanks is its `generic` reason (README).
        options = options or [at for at, clause in enumerate(clauses) if clause["polarity"] != "praise"]
        if not options:
            flags.append(f"gold {theme} has no clause to go on")
            continue
        at = max(options, key=lambda at: fit(owner[at], theme) if owner[at] >= 0 else 0.0)
        clause = clauses[at]
        flags.append(f"gold {theme} missed, put on {clause['polarity']} {clause['text'][:60]!r}")
        clause["polarity"] = "reason"
        clause["themes"] = [*clause["themes"], theme]
        carried.add(theme)
    for clause in clauses:
        clause.pop("read", None)
    return clauses, flags


def check(row: dict[str, Any]) -> None:
    """The file's rules: exact offsets in order with only whitespace between, themes the union of the reasons',
    praise clauses the strength spans."""
    text, at = str(row["text"]), 0
    for clause in row["clauses"]:
        start = int(clause["start"])
        assert text[start : start + len(clause["text"])] == clause["text"], (row["id"], clause)
        assert not text[at:start].strip(), (row["id"], text[at:start])
        at = start + len(clause["text"])
        assert clause["polarity"] in ("reason", "praise", "neutral"), row["id"]
        assert all(theme in THEMES for theme in clause["themes"]), row["id"]
        assert (clause["polarity"] == "neutral") == (not clause["themes"]), (row["id"], clause)
    assert not text[at:].strip(), row["id"]
    union = {theme for clause in row["clauses"] if clause["polarity"] == "reason" for theme in clause["themes"]}
    assert union == set(row["themes"]), (row["id"], sorted(union), row["themes"])
    praise = sorted((c["text"], c["themes"][0]) for c in row["clauses"] if c["polarity"] == "praise")
    assert praise == sorted((s["span"], s["theme"]) for s in row["strengths"]), row["id"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="a text-labelled file under tests/data/feedback_corpus/")
    parser.add_argument("target", help="the clause-labelled file to write there")
    parser.add_argument("--flags", type=Path, help="write the texts to read by hand, and why, to this file")
    parser.add_argument("--check-only", action="store_true", help="only check TARGET against SOURCE")
    args = parser.parse_args()
    with (CORPUS / args.source).open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    if args.check_only:
        with (CORPUS / args.target).open(encoding="utf-8") as handle:
            drafted = [json.loads(line) for line in handle if line.strip()]
        assert [r["id"] for r in rows] == [r["id"] for r in drafted]
        for source, row in zip(rows, drafted, strict=True):
            assert {k: v for k, v in row.items() if k != "clauses"} == source, row["id"]
            assert list(row)[: len(source)] == list(source), row["id"]
            check(row)
        print(f"{args.target}: {len(drafted)} texts, text labels unchanged, clauses consistent")
        return 0
    model = load_clause_model()
    out: list[str] = []
    flagged: list[str] = []
    for row in rows:
        clauses, flags = draft(row, model)
        labelled = {**row, "clauses": clauses}
        check(labelled)
        out.append(json.dumps(labelled, ensure_ascii=False) + "\n")
        if flags:
            flagged.append(json.dumps({"id": row["id"], "flags": flags}, ensure_ascii=False) + "\n")
    (CORPUS / args.target).write_text("".join(out), encoding="utf-8")
    if args.flags:
        args.flags.write_text("".join(flagged), encoding="utf-8")
    print(f"{args.target}: {len(rows)} texts drafted, {len(flagged)} to read by hand", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
