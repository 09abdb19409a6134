"""Fit the claim matcher of ``compare`` on the tuning pairs of the hand-aligned gold.

Reads the article pairs of ``benchmarks/gold/coverage_pairs.csv`` whose number is in
:data:`TUNING_PAIRS` (the others are held out and never read here), analyses both
articles (PolNeAR train texts), cuts them into claim units
(:func:`analysis.comparing.units.claim_units`) and describes every candidate pair of
units (:func:`analysis.comparing.align.candidate_features`). A candidate is a positive
example when the gold aligns its two sentences. A logistic regression (scikit-learn,
fixed seed) learns one weight per feature from the candidates that pass the reader's
check (:func:`analysis.comparing.align.reader_check`); the threshold is the one whose
sentence-pair matches score best on the tuning pairs by F0.5 (precision counted twice
as much as recall: a wrong pair teaches a wrong lesson, a missing one is "no match").
Writes ``analysis/models/claim_matcher.json``.

    .venv/bin/python training/coverage/fit_matcher.py [POLNEAR_TRAIN_TEXT_DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import warnings
from collections import defaultdict
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
sys.path.insert(0, str(PROJECT))

from analysis import analyze, config, load_nlp  # noqa: E402
from analysis.comparing.align import FEATURES, MODEL_FILE, candidate_features, reader_check  # noqa: E402
from analysis.comparing.units import claim_units  # noqa: E402

GOLD = PROJECT / "benchmarks" / "gold" / "coverage_alignment.csv"
PAIRS = PROJECT / "benchmarks" / "gold" / "coverage_pairs.csv"
sys.path.insert(0, str(PROJECT / "benchmarks"))
from coverage_alignment import TUNED_PAIRS as TUNING_PAIRS, gold_key  # noqa: E402 -- the benchmark's split and gold, written once
SEED = 0


def pair_candidates(folder: Path, pair: dict, gold_rows: list[dict], nlp) -> tuple[list[dict], set]:
    """The candidate features of one article pair, each with ``sent_a``, ``sent_b`` and
    ``label``; and the gold sentence pairs (found by the gold's character offsets)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a, b = analyze(folder / pair["article_a"], nlp=nlp), analyze(folder / pair["article_b"], nlp=nlp)
    gold = {gold_key(row, a, b) for row in gold_rows}
    import pandas as pd

    units = pd.concat([claim_units(a, "A"), claim_units(b, "B")], ignore_index=True)
    features = candidate_features(units)
    rows = []
    for f in features.to_dict("records"):
        x, y = units.iloc[f["a"]], units.iloc[f["b"]]
        if x["article"] == "B":
            x, y = y, x
        key = (int(x["sent_id"]), int(y["sent_id"]))
        rows.append({**f, "sent_a": key[0], "sent_b": key[1], "label": key in gold})
    return rows, gold


def sentence_scores(rows: list[dict], probability: np.ndarray) -> dict:
    best: dict = defaultdict(float)
    for row, p in zip(rows, probability):
        key = (row["sent_a"], row["sent_b"])
        best[key] = max(best[key], float(p))
    return best


def evaluate(per_pair: list[tuple[list[dict], set, np.ndarray]], threshold: float) -> dict:
    predicted = gold_total = right = 0
    for rows, gold, probability in per_pair:
        chosen = {k for k, p in sentence_scores(rows, probability).items() if p >= threshold}
        predicted += len(chosen)
        gold_total += len(gold)
        right += len(chosen & gold)
    precision = right / predicted if predicted else 0.0
    recall = right / gold_total if gold_total else 0.0
    f05 = 1.25 * precision * recall / (0.25 * precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f0.5": round(f05, 3),
            "predicted": predicted, "gold": gold_total, "right": right}  # fmt: skip


def main(argv=None) -> int:
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?", default=None, help="PolNeAR train text folder")
    args = parser.parse_args(argv)
    folder = Path(args.text) if args.text else config.SHARED_DATA_DIR / "polnear" / "train" / "text"
    if not folder.is_dir():
        print(f"skipped: the PolNeAR training texts are not at {folder} (pass the folder)")
        return 0
    gold: dict[int, list] = defaultdict(list)
    with GOLD.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            gold[int(row["pair"])].append(row)
    with PAIRS.open(encoding="utf-8") as handle:
        pairs = [p for p in csv.DictReader(handle) if int(p["pair"]) in TUNING_PAIRS]
    nlp = load_nlp()
    collected = [pair_candidates(folder, p, gold[int(p["pair"])], nlp) for p in pairs]
    train = [r for rows, _ in collected for r in rows if reader_check(r)]
    x = np.array([[r[name] for name in FEATURES] for r in train])
    y = np.array([r["label"] for r in train])
    model = LogisticRegression(C=1.0, max_iter=1000, random_state=SEED).fit(x, y)
    weights = dict(zip(FEATURES, (round(float(w), 4) for w in model.coef_[0])))
    intercept = round(float(model.intercept_[0]), 4)
    fitted = {"weights": weights, "intercept": intercept, "threshold": 0.5}
    from analysis.comparing.align import score

    import pandas as pd

    per_pair = [(rows, g, score(pd.DataFrame(rows), fitted) if rows else np.zeros(0)) for rows, g in collected]
    grid = [round(t, 2) for t in np.arange(0.05, 0.96, 0.05)]
    results = {t: evaluate(per_pair, t) for t in grid}
    threshold = max(grid, key=lambda t: (results[t]["f0.5"], t))
    for t in grid:
        r = results[t]
        print(f"  threshold {t:.2f}: P {r['precision']:.2f} R {r['recall']:.2f} F0.5 {r['f0.5']:.2f} ({r['right']} of {r['predicted']})")
    record = {
        "weights": weights, "intercept": intercept, "threshold": threshold,
        "method": "logistic regression (scikit-learn, C=1, seed 0) on candidate unit pairs that pass the reader's check; "
                  "threshold: best F0.5 of sentence-pair matches on the tuning pairs",
        "tuning_pairs": sorted(TUNING_PAIRS), "examples": int(len(y)), "positives": int(y.sum()),
        "tuning": results[threshold],
    }  # fmt: skip
    MODEL_FILE.parent.mkdir(parents=True, exist_ok=True)
    MODEL_FILE.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(f"weights {weights}, intercept {intercept}")
    print(f"threshold {threshold}: tuning P {results[threshold]['precision']:.2f} R {results[threshold]['recall']:.2f}; "
          f"{len(y)} candidates ({int(y.sum())} in the gold); written to {MODEL_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
