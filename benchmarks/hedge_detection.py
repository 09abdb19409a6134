"""CoNLL-2010 Task 1 (sentence-level uncertainty) on the BioScope and Wikipedia training data.

A sentence is uncertain when the cue matcher finds a hedge in it (approximators aside).
Three settings per corpus:

- ``news lexicon``: the project's general lexicon only, as used on news articles;
- ``+ domain lexicon, 5-fold CV``: domain rows learned (analysis.cue_learning) on four
  fifths of the training file and scored on the held-out fifth, folds by sentence
  position modulo 5; this is the honest estimate;
- ``+ shipped domain lexicon``: the rows in ``analysis/lexicons/hedges_<domain>.csv``,
  learned on the whole training file and scored on it (optimistic: seen data).

Only training files are used; the shared task's held-out test sets are not here and are
measured separately.

    .venv/bin/python benchmarks/hedge_detection.py [DATA_DIR] [--write-lexicons]
"""

from __future__ import annotations

import argparse
import time

import pandas as pd
from spacy.tokens import DocBin

from analysis import config, load_nlp
from analysis.benchmarking import data_path, record_results
from analysis.corpora import read_bioscope, read_weasel
from analysis.cue_learning import learn_domain_lexicon, sentence_features, sentence_is_uncertain
from analysis.cues import CueMatcher, certainty_lexicon
from analysis.lexicon import load_lexicon, lexicon_names

ANCHORS = {
    "bio": "best 2010 system 86.4 F1; Tjong Kim Sang cue-word baseline 82.0; goal 85",
    "wiki": "best 2010 system 60.2 F1; Tjong Kim Sang cue-word baseline 62.8; goal 65",
}
FOLDS = 5
#: Learner settings per corpus, chosen by the cross-validated F1 on the training file.
SETTINGS = {
    "bio": {"annotated": True, "min_count": 5, "min_precision": 0.7},
    "wiki": {"annotated": False, "min_count": 5, "min_precision": 0.6, "suppress_below": 0.5},
}


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", help="folder holding the CoNLL-2010 training files")
    parser.add_argument("--write-lexicons", action="store_true", help="learn on all training data and write hedges_<domain>.csv")
    args = parser.parse_args()
    root = data_path(args.data, "conll2010")
    nlp = load_nlp()
    corpora = {
        "bio": read_bioscope(root / "task2_train_bio_abstracts_rev2.xml") + read_bioscope(root / "task2_train_bio_fullarticles_rev2.xml"),
        "wiki": read_weasel(root / "wikipedia_weasel_train.csv"),
    }
    general = certainty_lexicon(("general",))
    results = {}
    for domain, sentences in corpora.items():
        print(f"{domain}: {len(sentences)} sentences, {sum(s.uncertain for s in sentences)} uncertain")
        docs = parse(nlp, domain, [s.text for s in sentences])
        gold = [s.uncertain for s in sentences]
        spans = [s.cues for s in sentences] if domain == "bio" else None
        features = [sentence_features(doc, spans[i] if spans else None) for i, doc in enumerate(docs)]
        settings = SETTINGS[domain]
        corpus = "CoNLL-2010 BioScope training" if domain == "bio" else "CoNLL-2010 Wikipedia weasel training"
        figures = {"news lexicon": score(gold, predict(CueMatcher(nlp.vocab, general), docs))}

        predicted = [False] * len(docs)
        for fold in range(FOLDS):
            train = [i for i in range(len(docs)) if i % FOLDS != fold]
            test = [i for i in range(len(docs)) if i % FOLDS == fold]
            learned = learn_domain_lexicon(
                [features[i] for i in train], [gold[i] for i in train], domain=domain, corpus=corpus, **settings
            )
            matcher = CueMatcher(nlp.vocab, pd.concat([general, learned], ignore_index=True))
            for i, value in zip(test, predict(matcher, [docs[i] for i in test])):
                predicted[i] = value
        figures[f"+ domain lexicon, {FOLDS}-fold CV"] = score(gold, predicted)

        if args.write_lexicons:
            shipped_rows = learn_domain_lexicon(features, gold, domain=domain, corpus=corpus, **settings)
            path = config.LEXICON_DIR / f"hedges_{domain}.csv"
            shipped_rows.to_csv(path, index=False)
            print(f"  wrote {len(shipped_rows)} rows to {path}")
        elif f"hedges_{domain}" in lexicon_names():
            shipped_rows = load_lexicon(f"hedges_{domain}")
        else:
            shipped_rows = None
        if shipped_rows is not None:
            matcher = CueMatcher(nlp.vocab, pd.concat([general, shipped_rows], ignore_index=True))
            figures["+ shipped domain lexicon (seen data)"] = score(gold, predict(matcher, docs))

        print(f"  anchors: {ANCHORS[domain]}")
        for setting, fig in figures.items():
            print(f"  {setting:<40} P {fig['precision']:5.1f}  R {fig['recall']:5.1f}  F1 {fig['f1']:5.1f}")
        results[domain] = figures
    record_results("hedge_detection", results, command="python benchmarks/hedge_detection.py")


if __name__ == "__main__":
    main()
