"""Train the attribution tagger (``analysis/models/attribution.crfsuite``) on PolNeAR train.

Each training article is parsed as the package parses any article (``analysis.parse``:
normalised text, paragraph starts as sentence starts), its tokens are tagged ``B-``/``I-``
``SOURCE``, ``CUE``, ``CONTENT`` or ``O`` from PolNeAR's BRAT spans (PolNeAR is
univocal: a token has one label), and a linear-chain CRF (CRFsuite's L-BFGS) learns
them sentence by sentence from :func:`analysis.rules.attribution_model.sentence_items`.
Where an article was annotated more than once, the first annotation file by name is used.
PolNeAR dev is never read here.

    .venv/bin/python training/attribution/train.py [POLNEAR_DIR]            # train, write the model
    .venv/bin/python training/attribution/train.py [POLNEAR_DIR] --cv 3     # choose c1/c2 by 3-fold CV on train

Deterministic: the articles are read in sorted order, the folds are fixed by a seeded
shuffle (``SEED``), and L-BFGS has no randomness. The parses are cached in
``training/.cache/`` (ignored by git) so a second run skips the parse.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import random
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from analysis import config, load_nlp  # noqa: E402
from analysis.parse.nlp import make_doc  # noqa: E402
from analysis.rules.attribution_model import MODEL_FILE, ROLES, sentence_items  # noqa: E402
from analysis.text.structure import split_paragraphs  # noqa: E402

SEED = 2026
#: Settings chosen by 3-fold cross-validation on train (``--cv 3``; the figures are in README.md beside this file).
C1, C2, ITERATIONS = 0.3, 0.01, 150
CACHE = HERE.parent / ".cache"


def brat_roles(ann: Path) -> list[tuple[str, int, int]]:
    """(role, start, end) character spans of one BRAT file's Source/Cue/Content entities."""
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if not line.startswith("T") or len(fields) < 2:
            continue
        label, *offsets = fields[1].replace(";", " ").split()
        role = label.upper()
        if role in ROLES:
            numbers = [int(x) for x in offsets]
            for a, b in zip(numbers[::2], numbers[1::2]):
                spans.append((role, a, b))
    return spans


def token_labels(doc, spans: list[tuple[str, int, int]]) -> list[str]:
    """BIO labels for each token of ``doc``: the role of the span its first character is in."""
    owner: list[tuple[str, int] | None] = [None] * len(doc)
    for n, (role, a, b) in enumerate(spans):
        for token in doc.char_span(a, b, alignment_mode="expand") or []:
            if owner[token.i] is None:
                owner[token.i] = (role, n)
    labels = []
    for i, this in enumerate(owner):
        if this is None or doc[i].is_space:
            labels.append("O")
        else:
            continuing = i > 0 and owner[i - 1] == this and not doc[i].is_sent_start
            labels.append(("I-" if continuing else "B-") + this[0])
    return labels


def articles(root: Path, split: str) -> list[tuple[str, Path, Path]]:
    first = {}
    for ann in sorted((root / split / "attributions").glob("*.ann")):
        first.setdefault(ann.name.rsplit("_", 1)[0], ann)
    return [(name, root / split / "text" / f"{name}.txt", ann) for name, ann in sorted(first.items())]


def sequences(root: Path, split: str) -> list[tuple[str, list, list]]:
    """(article, features, labels) per sentence of every article of ``split``, cached."""
    items = articles(root, split)
    key = hashlib.sha256("".join(f"{n}{t.stat().st_size}{a.stat().st_size}" for n, t, a in items).encode()).hexdigest()[:12]
    features_file = HERE / ".." / ".." / "analysis" / "rules" / "attribution_model.py"
    key += hashlib.sha256(features_file.read_bytes()).hexdigest()[:8]
    cached = CACHE / f"{split}-{key}.pickle"
    if cached.exists():
        return pickle.loads(cached.read_bytes())
    nlp = load_nlp()
    texts = [text.read_text(encoding="utf-8") for _, text, _ in items]
    docs = (make_doc(t, [s for s, _ in split_paragraphs(t)], nlp) for t in texts)
    out = []
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for (name, _, ann), doc in zip(items, nlp.pipe(docs, batch_size=16)):
            labels = token_labels(doc, brat_roles(ann))
            for sentence in doc.sents:
                tags = labels[sentence.start : sentence.end]
                out.append((name, sentence_items(sentence), tags))
    print(f"parsed {len(items)} {split} articles into {len(out)} sentences in {time.perf_counter() - started:.0f} s")
    CACHE.mkdir(exist_ok=True)
    cached.write_bytes(pickle.dumps(out))
    return out


def train(data: list, model: Path, *, c1: float, c2: float, iterations: int) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for _, features, labels in data:
        trainer.append(features, labels)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True})
    trainer.train(str(model))


def spans_of(labels: list[str]) -> set[tuple[str, int, int]]:
    found, role, start = set(), None, 0
    for i, label in enumerate([*labels, "O"]):
        prefix, _, this = label.partition("-")
        if label == "O" or prefix == "B" or this != role:
            if role is not None:
                found.add((role, start, i))
            role, start = (this, i) if label != "O" else (None, i)
    return found


def span_f1(data: list, model: Path) -> dict[str, float]:
    """Exact span F1 per role over ``data``'s sentences, tagged by ``model``."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    counts = {role: [0, 0, 0] for role in ROLES}  # true positives, predicted, gold
    for _, features, labels in data:
        gold, pred = spans_of(labels), spans_of(tagger.tag(features))
        for role in ROLES:
            g = {s for s in gold if s[0] == role}
            p = {s for s in pred if s[0] == role}
            counts[role][0] += len(g & p)
            counts[role][1] += len(p)
            counts[role][2] += len(g)
    return {role: round(200 * tp / (n_pred + n_gold), 1) if n_pred + n_gold else 0.0 for role, (tp, n_pred, n_gold) in counts.items()}


def cross_validate(data: list, folds: int, grid: list[tuple[float, float]], iterations: int) -> None:
    names = sorted({name for name, _, _ in data})
    random.Random(SEED).shuffle(names)
    fold_of = {name: i % folds for i, name in enumerate(names)}
    for c1, c2 in grid:
        scores = []
        for fold in range(folds):
            model = CACHE / f"cv-{fold}.crfsuite"
            train([d for d in data if fold_of[d[0]] != fold], model, c1=c1, c2=c2, iterations=iterations)
            scores.append(span_f1([d for d in data if fold_of[d[0]] == fold], model))
        mean = {role: round(sum(s[role] for s in scores) / folds, 1) for role in ROLES}
        print(f"c1={c1} c2={c2}: exact span F1 (mean of {folds} folds) " + " / ".join(f"{r.lower()} {mean[r]}" for r in ROLES), flush=True)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", help="the PolNeAR folder (holding train/)")
    parser.add_argument("--cv", type=int, default=0, help="k-fold cross-validation on train over a small grid of c1/c2, instead of training")
    parser.add_argument("--iterations", type=int, default=ITERATIONS)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    root = Path(args.data) if args.data else config.SHARED_DATA_DIR / "polnear"
    if not (root / "train").is_dir():
        print(f"skipped: PolNeAR train not found at {root / 'train'} (pass the PolNeAR folder as the first argument)")
        return
    data = sequences(root, "train")
    if args.cv:
        cross_validate(data, args.cv, [(0.05, 0.05), (0.1, 0.01), (0.3, 0.01), (0.6, 0.01), (1.0, 0.01)], args.iterations)
        return
    started = time.perf_counter()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    train(data, args.out, c1=C1, c2=C2, iterations=args.iterations)
    print(f"trained on {len(data)} sentences in {time.perf_counter() - started:.0f} s: {args.out} "
          f"({args.out.stat().st_size / 2**20:.1f} MB)")  # fmt: skip


if __name__ == "__main__":
    main()
