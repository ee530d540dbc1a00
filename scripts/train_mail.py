"""Train the mail classifier and write src/nextround/data/mail_classifier.json.

    python scripts/train_mail.py            # needs scikit-learn (a development dependency)
    python scripts/train_mail.py --check    # exit 1 if the shipped weights differ from a rebuild

First it trains on the training split alone and reports the dev split (the honest dev figure), then it
trains the shipped model on training + dev + the first test split (measured once before it was used, see
docs/mail.md). The second test split (test2) is never read here. Deterministic: the same
corpus gives the same weights (lbfgs from zeros, fixed order, rounded output).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.mail_corpus import load, tracker  # noqa: E402

from nextround.analysis import mail  # noqa: E402
from nextround.analysis.embedding import load_model  # noqa: E402
from nextround.integrations.mail_read import parse_bytes  # noqa: E402

OUT = ROOT / "src" / "nextround" / "data" / mail.WEIGHTS_RESOURCE
C = 100.0


def matrix(split: str) -> tuple[np.ndarray, list[str]]:
    model = load_model()
    requests = frozenset(r for app in tracker() for r in app.request_ids)
    items = load(split)
    mails = [parse_bytes(item.raw) for item in items]
    threads = [bool(requests.intersection(m.thread_ids)) or any("fbreq-" in t for t in m.thread_ids) for m in mails]
    rows = mail.features(model, mails, threads)
    return np.asarray(rows.tolist(), dtype=np.float32), [item.kind for item in items]


def fit(x: np.ndarray, y: list[str]) -> object:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=10_000, tol=1e-6).fit(x, y)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped weights differ from a rebuild")
    check = parser.parse_args().check
    train_x, train_y = matrix("train")
    dev_x, dev_y = matrix("dev")
    held = fit(train_x, train_y)
    predicted = held.predict(dev_x)  # type: ignore[attr-defined]
    accuracy = float(np.mean(predicted == np.asarray(dev_y)))
    print(f"dev accuracy of a model trained on the training split only: {accuracy:.3f}")
    for kind in ("rejection", "invitation"):
        tp = sum(1 for p, t in zip(predicted, dev_y, strict=True) if p == kind and t == kind)
        print(
            f"  {kind}: precision {tp / max(1, list(predicted).count(kind)):.3f} "
            f"recall {tp / max(1, dev_y.count(kind)):.3f}"
        )
    test_x, test_y = matrix("test")
    final = fit(np.vstack([train_x, dev_x, test_x]), train_y + dev_y + test_y)
    weights = {
        "feature_version": mail.FEATURE_VERSION,
        "trained_on": ["train", "dev", "test"],
        "classes": [str(c) for c in final.classes_],  # type: ignore[attr-defined]
        "intercept": [round(float(v), 5) for v in final.intercept_],  # type: ignore[attr-defined]
        "coef": [[round(float(v), 5) for v in row] for row in final.coef_],  # type: ignore[attr-defined]
    }
    built = json.dumps(weights, separators=(",", ":")) + "\n"
    if check:
        shipped = json.loads(OUT.read_text("utf-8"))
        if shipped == weights:
            print(f"{OUT.name} is what this corpus and these features rebuild")
            return
        gap = max(
            abs(a - b) for x, y in zip(shipped["coef"], weights["coef"], strict=True) for a, b in zip(x, y, strict=True)
        )
        raise SystemExit(f"{OUT.name} differs from a rebuild (largest coefficient gap {gap:.5f}); run without --check")
    OUT.write_text(built, "utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
