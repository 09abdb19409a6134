"""CoNLL-2010 Task 1 (sentence-level uncertainty) on the BioScope and Wikipedia training data.

A sentence is uncertain when the cue matcher finds a hedge in it (approximators aside).
Validation is built the way the shared task's test sets are:

- **BioScope**: the test set is full papers while training is mostly abstracts, so the
  domain lexicon is learned on the abstracts and validated on the full-paper training
  file;
- **Wikipedia**: the file lists every certain sentence, then every uncertain one, each
  in article order; the last fifth of each run (whole runs of articles) is held out
  for validation and the lexicon learned on the rest; never five random folds of the
  same articles.

The learner's settings (minimum count and precision) are chosen by 4-fold
cross-validation *inside* the learning part; the validation part is scored once.
Settings per corpus:

- ``news lexicon``: the project's general lexicon only (what ``--hedge-domain news``
  uses), on the validation part;
- ``+ domain lexicon, validation``: learned on the learning part, scored on the
  validation part: the honest estimate;
- ``+ shipped domain lexicon (seen data)``: the rows in
  ``analysis/lexicons/hedges_<domain>.csv`` (learned on the whole training data with the
  chosen settings by ``--write-lexicons``), scored on all of it (optimistic).

The shared task's held-out test sets are not here and are measured separately.

    .venv/bin/python benchmarks/hedge_detection.py [DATA_DIR] [--write-lexicons]
"""

from __future__ import annotations

import argparse
import time

import pandas as pd
from spacy.tokens import DocBin

from analysis import config, load_nlp
from lib.benchmarking import data_path, record_results
from lib.corpora import read_bioscope, read_weasel
from lib.cue_learning import learn_domain_lexicon, select_domain_lexicon, sentence_features, sentence_is_uncertain
from analysis.rules.cues import CueMatcher, certainty_lexicon
from analysis.lexicon import load_lexicon, lexicon_names

ANCHORS = {
    "bio": "best 2010 system 86.4 F1; Tjong Kim Sang cue-word baseline 82.0; goal on validation 85",
    "wiki": "best 2010 system 60.2 F1; Tjong Kim Sang cue-word baseline 62.8; goal on validation 65",
}
INNER_FOLDS = 4
#: The learner's settings tried by the inner cross-validation, per corpus.
GRID = {
    "bio": [{"method": "greedy", "annotated": True, "min_count": c} for c in (2, 3, 5, 8)]
           + [{"method": "threshold", "annotated": True, "min_count": c, "min_precision": p} for c in (3, 5, 8) for p in (0.5, 0.6, 0.7, 0.8)],
    "wiki": [{"method": "greedy", "annotated": False, "min_count": c} for c in (3, 5, 10, 20)]
            + [{"method": "threshold", "annotated": False, "min_count": c, "min_precision": p, "suppress_below": b}
               for c in (5, 10, 20) for p in (0.55, 0.6, 0.65, 0.7) for b in (0.4, 0.5)],
}  # fmt: skip


def learn(features, gold, *, domain: str, corpus: str, settings: dict) -> pd.DataFrame:
    """Domain lexicon rows by the setting's method: ``greedy`` (:func:`select_domain_lexicon`)
    or ``threshold`` (:func:`learn_domain_lexicon`)."""
    options = {k: v for k, v in settings.items() if k != "method"}
    if settings["method"] == "greedy":
        return select_domain_lexicon(features, gold, domain=domain, corpus=corpus, **options)
    return learn_domain_lexicon(features, gold, domain=domain, corpus=corpus, **options)


def parse(nlp, name: str, texts: list[str]):
    """Parse once and cache the Docs (benchmarks/.cache is git-ignored)."""
    cache = config.PROJECT_DIR / "benchmarks" / ".cache" / f"conll2010_{name}.spacy"
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(texts):
            return docs
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=256, disable=["ner"]))
    print(f"  parsed {len(docs)} {name} sentences in {time.perf_counter() - started:.0f} s")
    cache.parent.mkdir(parents=True, exist_ok=True)
    bin_ = DocBin()
    for doc in docs:
        bin_.add(doc)
    bin_.to_disk(cache)
    return docs


def score(gold: list[bool], predicted: list[bool]) -> dict:
    tp = sum(g and p for g, p in zip(gold, predicted))
    fp = sum(p and not g for g, p in zip(gold, predicted))
    fn = sum(g and not p for g, p in zip(gold, predicted))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(100 * precision, 1), "recall": round(100 * recall, 1), "f1": round(100 * f1, 1), "n": len(gold)}


def predict(matcher: CueMatcher, docs) -> list[bool]:
    return [sentence_is_uncertain(doc, matcher=matcher) for doc in docs]


def _runs_by_label(labels: list[bool], indices: list[int], parts: int) -> list[list[int]]:
    """``indices`` cut into ``parts`` folds, each a contiguous run of every label's
    sentences (the weasel file lists all certain sentences, then all uncertain ones, each
    in article order: a plain contiguous cut would hold out one label only)."""
    folds: list[list[int]] = [[] for _ in range(parts)]
    for label in (False, True):
        group = [i for i in indices if labels[i] is label]
        size = -(-len(group) // parts)
        for k in range(parts):
            folds[k].extend(group[k * size : (k + 1) * size])
    return [sorted(fold) for fold in folds]


def _hold_out_last_fifth(labels: list[bool]) -> tuple[list[int], list[int]]:
    """(learn, validate): the last fifth of each label's run is held out."""
    folds = _runs_by_label(labels, list(range(len(labels))), 5)
    return sorted(i for fold in folds[:4] for i in fold), folds[4]


def learn_and_score(features, gold, docs, learn_on: list[int], score_on: list[int], *, nlp, general, domain, corpus, settings):
    """Learn on ``learn`` (indices), predict ``score_on``; returns (rows, predictions)."""
    rows = learn([features[i] for i in learn_on], [gold[i] for i in learn_on], domain=domain, corpus=corpus, settings=settings)
    matcher = CueMatcher(nlp.vocab, pd.concat([general, rows], ignore_index=True))
    return rows, predict(matcher, [docs[i] for i in score_on])


def choose_settings(features, gold, docs, learn: list[int], *, nlp, general, domain, corpus) -> tuple[dict, float]:
    """The grid setting with the best F1 under :data:`INNER_FOLDS`-fold CV inside ``learn``
    (folds are contiguous runs of each label; ties: the first in grid order)."""
    folds = _runs_by_label(gold, learn, INNER_FOLDS)
    best, best_f1 = GRID[domain][0], -1.0
    for settings in GRID[domain]:
        predicted, truth = [], []
        for k, held in enumerate(folds):
            rest = [i for j, fold in enumerate(folds) if j != k for i in fold]
            _, values = learn_and_score(features, gold, docs, rest, held, nlp=nlp, general=general, domain=domain,
                                        corpus=corpus, settings=settings)  # fmt: skip
            predicted += values
            truth += [gold[i] for i in held]
        f1 = score(truth, predicted)["f1"]
        if f1 > best_f1:
            best, best_f1 = settings, f1
    return best, best_f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", help="folder holding the CoNLL-2010 training files")
    parser.add_argument("--write-lexicons", action="store_true", help="learn on all training data and write hedges_<domain>.csv")
    args = parser.parse_args()
    root = data_path(args.data, "conll2010")
    nlp = load_nlp()
    abstracts = read_bioscope(root / "task2_train_bio_abstracts_rev2.xml")
    papers = read_bioscope(root / "task2_train_bio_fullarticles_rev2.xml")
    weasel = read_weasel(root / "wikipedia_weasel_train.csv")
    corpora = {
        # (sentences, indices learned on, indices validated on)
        "bio": (abstracts + papers, list(range(len(abstracts))), list(range(len(abstracts), len(abstracts) + len(papers)))),
        "wiki": (weasel, *_hold_out_last_fifth([s.uncertain for s in weasel])),
    }
    general = certainty_lexicon(("general",))
    results = {}
    for domain, (sentences, learn, validate) in corpora.items():
        print(f"{domain}: {len(sentences)} sentences, {sum(s.uncertain for s in sentences)} uncertain; "
              f"learning on {len(learn)}, validating on {len(validate)}")  # fmt: skip
        docs = parse(nlp, domain, [s.text for s in sentences])
        gold = [s.uncertain for s in sentences]
        spans = [s.cues for s in sentences] if domain == "bio" else None
        features = [sentence_features(doc, spans[i] if spans else None) for i, doc in enumerate(docs)]
        corpus = "CoNLL-2010 BioScope training" if domain == "bio" else "CoNLL-2010 Wikipedia weasel training"
        truth = [gold[i] for i in validate]
        figures = {"news lexicon": score(truth, predict(CueMatcher(nlp.vocab, general), [docs[i] for i in validate]))}
        settings, inner_f1 = choose_settings(features, gold, docs, learn, nlp=nlp, general=general, domain=domain, corpus=corpus)
        print(f"  settings chosen by {INNER_FOLDS}-fold CV inside the learning part: {settings} (inner F1 {inner_f1:.1f})")
        _, values = learn_and_score(features, gold, docs, learn, validate, nlp=nlp, general=general, domain=domain,
                                    corpus=corpus, settings=settings)  # fmt: skip
        figures["+ domain lexicon, validation"] = score(truth, values)
        figures["settings"] = settings

        everything = list(range(len(docs)))
        if args.write_lexicons:
            shipped_rows = learn(features, gold, domain=domain, corpus=corpus, settings=settings)
            path = config.LEXICON_DIR / f"hedges_{domain}.csv"
            shipped_rows.to_csv(path, index=False)
            print(f"  wrote {len(shipped_rows)} rows to {path}")
        elif f"hedges_{domain}" in lexicon_names():
            shipped_rows = load_lexicon(f"hedges_{domain}")
        else:
            shipped_rows = None
        if shipped_rows is not None:
            matcher = CueMatcher(nlp.vocab, pd.concat([general, shipped_rows], ignore_index=True))
            figures["+ shipped domain lexicon (seen data)"] = score(gold, predict(matcher, [docs[i] for i in everything]))

        print(f"  anchors: {ANCHORS[domain]}")
        for setting, fig in figures.items():
            if setting != "settings":
                print(f"  {setting:<40} P {fig['precision']:5.1f}  R {fig['recall']:5.1f}  F1 {fig['f1']:5.1f}  (n {fig['n']})")
        results[domain] = figures
    record_results("hedge_detection", results, command="python benchmarks/hedge_detection.py")


if __name__ == "__main__":
    main()
