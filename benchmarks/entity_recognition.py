"""Named-entity F1 on CoNLL-2003 English dev: the bare spaCy model against our corrected entities.

Each CoNLL document is rebuilt as one spaCy Doc from its gold tokens (so spans compare
token for token) with its sentence boundaries preset, run through the pipeline, and
scored at entity level (exact span and type), before and after
:func:`analysis.rules.entities.correct_entities`. The file has no -DOCSTART- lines: a new
document starts at the headline before each dateline sentence ("LONDON 1996-08-30"), so
the rules that look across a document (surnames, same words) see one story at a time.

Label mapping (OntoNotes -> CoNLL): PERSON -> PER; GPE, LOC, FAC -> LOC; ORG -> ORG;
NORP, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE -> MISC; numbers, dates and amounts
are not CoNLL entities and are dropped.

    .venv/bin/python benchmarks/entity_recognition.py [CONLL_DEV_FILE] [--limit N]
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter

from spacy.tokens import Doc

from analysis import load_nlp
from lib.benchmarking import data_path, record_results
from analysis.rules.entities import correct_entities, label_rules

ANCHOR = "published: en_core_web_sm 3.8 NER F1 84.3 on OntoNotes 5 (its own label set and test split)"
MAPPING = {
    "PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG",
    "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC",
}  # fmt: skip
DATELINE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read_conll(path) -> list[list[tuple[str, str]]]:
    """Sentences as lists of (word, BIO tag)."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        word, *_, tag = line.split()
        current.append((word, tag))
    if current:
        sentences.append(current)
    return sentences


def documents(sentences):
    """Group sentences into stories: a story starts at the headline before a dateline."""
    is_dateline = [len(s) <= 6 and DATELINE.match(s[-1][0]) is not None for s in sentences]
    docs, current = [], []
    for i, sentence in enumerate(sentences):
        if i + 1 < len(sentences) and is_dateline[i + 1] and current:
            docs.append(current)
            current = []
        current.append(sentence)
    if current:
        docs.append(current)
    return docs


def gold_spans(sentences) -> set[tuple[int, int, str]]:
    spans, offset = set(), 0
    for sentence in sentences:
        start, label = None, None
        for i, (_, tag) in enumerate([*sentence, ("", "O")]):
            if start is not None and not (tag.startswith("I-") and tag[2:] == label):
                spans.add((offset + start, offset + i, label))
                start = None
            if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                start, label = i, tag[2:]
        offset += len(sentence)
    return spans


def predicted(doc: Doc) -> set[tuple[int, int, str]]:
    return {(e.start, e.end, MAPPING[e.label_]) for e in doc.ents if e.label_ in MAPPING}


def prf(pred: set, gold: set, label: str | None = None) -> tuple[float, float, float]:
    if label:
        pred = {p for p in pred if p[2] == label}
        gold = {g for g in gold if g[2] == label}
    hit = len(pred & gold)
    p = hit / len(pred) if pred else 0.0
    r = hit / len(gold) if gold else 0.0
    return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", help="the CoNLL-2003 English dev file")
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    args = parser.parse_args(argv)
    path = data_path(args.data, "conll2003/dev.txt")
    nlp = load_nlp()
    docs = documents(read_conll(path))[: args.limit]
    started = time.perf_counter()
    gold, bare, fixed = set(), set(), set()
    rule_effect: Counter = Counter()
    offset = 0
    for sentences in docs:
        words = [w for s in sentences for w, _ in s]
        starts = [j == 0 for s in sentences for j in range(len(s))]
        doc = nlp(Doc(nlp.vocab, words=words, sent_starts=starts))
        doc_gold = gold_spans(sentences)
        before = predicted(doc)
        correct_entities(doc)
        after = predicted(doc)
        for (start, end), rule in label_rules(doc).items():
            if rule == "model":
                continue
            span = next((p for p in after if p[0] == start and p[1] == end), None)
            rule_effect[(rule, "right" if span in doc_gold else "wrong")] += 1
        shift = lambda spans: {(s + offset, e + offset, label) for s, e, label in spans}  # noqa: E731
        gold |= shift(doc_gold)
        bare |= shift(before)
        fixed |= shift(after)
        offset += len(words)
    seconds = time.perf_counter() - started

    print(f"CoNLL-2003 English dev: {len(docs)} documents, {offset} tokens, {len(gold)} gold entities ({seconds:.0f} s)")
    print(ANCHOR)
    print("mapping: PERSON->PER; GPE, LOC, FAC->LOC; ORG->ORG; NORP, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE->MISC")
    figures = {}
    for name, pred in (("bare model", bare), ("with corrections", fixed)):
        p, r, f = prf(pred, gold)
        per_type = {label: round(prf(pred, gold, label)[2], 1) for label in ("PER", "LOC", "ORG", "MISC")}
        print(f"{name:>17}: P {p:.1f}  R {r:.1f}  F1 {f:.1f}   " + "  ".join(f"{k} {v:.1f}" for k, v in per_type.items()))
        figures[name] = {"precision": round(p, 1), "recall": round(r, 1), "f1": round(f, 1), "per_type_f1": per_type}
    print("corrections by rule (entity right or wrong after the rule, against gold):")
    for rule in sorted({rule for rule, _ in rule_effect}):
        right, wrong = rule_effect[(rule, "right")], rule_effect[(rule, "wrong")]
        print(f"  {rule:>20}: {right} right, {wrong} wrong")
        figures.setdefault("rules", {})[rule] = {"right": right, "wrong": wrong}
    if args.limit is None:
        record_results("entity_recognition", figures, command="python benchmarks/entity_recognition.py")


if __name__ == "__main__":
    main()
