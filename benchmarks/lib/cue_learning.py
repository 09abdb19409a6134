"""Adapt the cue lexicon to another domain from labelled sentences, explainably.

What it does: given parsed sentences with an uncertainty label (and, where the corpus
has them, annotated cue spans), it proposes lexicon rows: cues to **add** (lemma
sequences that mark uncertainty in that domain with high precision) and general cues
to **suppress** there (e.g. "likelihood", a statistical term in biomedical abstracts).
Every row states its evidence in ``provenance``: how many training sentences hold the
cue and what share of them are uncertain. The result is a plain lexicon CSV of the
same form as ``hedges.csv``, with ``domain`` set, used by the benchmarks for
BioScope and Wikipedia; the news analysis itself uses only the ``general`` rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Doc

from analysis.rules.cues import Cue, CueMatcher, find_cues

__all__ = ["SentenceFeatures", "sentence_features", "learn_domain_lexicon", "select_domain_lexicon", "sentence_is_uncertain", "uncertainty_cues", "LEXICON_COLUMNS"]

LEXICON_COLUMNS = ["cue", "kind", "category", "rule", "negated", "domain", "notes", "provenance"]


def uncertainty_cues(cues: Sequence[Cue]) -> list[Cue]:
    """The cues that make a sentence uncertain in CoNLL-2010 task 1: hedges other than
    approximators (they make a quantity vague, and neither the BioScope nor the weasel
    annotation counts them)."""
    return [c for c in cues if c.kind == "hedge" and c.category != "approximator"]


def sentence_is_uncertain(doc: Doc, *, matcher: CueMatcher | None = None) -> bool:
    """CoNLL-2010 task 1: a sentence is uncertain when it holds an uncertainty cue.

    Args:
        doc: The parsed sentence.
        matcher: The cue matcher to use (default: the news lexicon).
    """
    return bool(uncertainty_cues(matcher(doc) if matcher is not None else find_cues(doc)))


def _lemmas(doc: Doc) -> list[str]:
    return [t.lemma_.lower() for t in doc]


def _ngrams(lemmas: list[str], n_max: int) -> set[tuple[str, ...]]:
    grams = set()
    for n in range(1, n_max + 1):
        for i in range(len(lemmas) - n + 1):
            gram = tuple(lemmas[i : i + n])
            if all(w.isalpha() for w in gram):
                grams.add(gram)
    return grams


def _annotated_grams(doc: Doc, spans: list[tuple[int, int]]) -> set[tuple[str, ...]]:
    grams = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            gram = tuple(t.lemma_.lower() for t in span if not t.is_punct)
            if gram and all(w.isalpha() for w in gram):
                grams.add(gram)
    return grams


@dataclass(frozen=True)
class SentenceFeatures:
    """What the learner needs from one parsed sentence (computed once, reused across folds)."""

    grams: frozenset[tuple[str, ...]]
    annotated: frozenset[tuple[str, ...]]
    general_cues: tuple[tuple[str, bool], ...]  # (lexicon cue, overlaps an annotated span)


def sentence_features(doc: Doc, cue_spans: list[tuple[int, int]] | None = None, *, max_ngram: int = 2) -> SentenceFeatures:
    """Lemma n-grams, annotated cue n-grams and general-lexicon hedge hits of a sentence."""
    offset = doc[0].idx if len(doc) else 0
    hits = tuple(
        (cue.cue, any(s <= cue.start - offset < e for s, e in cue_spans or ())) for cue in uncertainty_cues(find_cues(doc))
    )
    annotated = _annotated_grams(doc, cue_spans) if cue_spans is not None else set()
    return SentenceFeatures(frozenset(_ngrams(_lemmas(doc), max_ngram)), frozenset(annotated), hits)


def _candidates(feature: SentenceFeatures, vocabulary: frozenset | None) -> frozenset[tuple[str, ...]]:
    """A sentence's candidate cue n-grams: with a ``vocabulary`` of annotated cues, its
    annotated ones and any of its n-grams annotated elsewhere; else all its n-grams."""
    return feature.annotated | (feature.grams & vocabulary) if vocabulary is not None else feature.grams


def learn_domain_lexicon(
    features: Sequence[SentenceFeatures],
    uncertain: Sequence[bool],
    *,
    domain: str,
    corpus: str,
    annotated: bool = False,
    min_count: int = 5,
    min_precision: float = 0.7,
    suppress_below: float = 0.4,
) -> pd.DataFrame:
    """Propose lexicon rows for ``domain`` from labelled sentences' features.

    Candidates are the annotated cue n-grams when ``annotated`` (BioScope: a candidate
    is positive where it is annotated as a cue), else every lemma n-gram (weasel
    labels have no spans: positive where the sentence is labelled uncertain). A
    candidate is added when at least ``min_count`` sentences hold it positively and at
    least ``min_precision`` of the sentences holding it are positive. An n-gram is
    dropped when a shorter n-gram inside it is already added. A general cue is
    suppressed when it fires in at least ``min_count`` sentences and fewer than
    ``suppress_below`` of them are positive.

    Returns:
        A DataFrame with :data:`LEXICON_COLUMNS`; ``kind`` is ``hedge`` for additions and
        ``suppress`` for suppressions. Rows are sorted by kind, then cue (deterministic).
    """
    vocabulary = frozenset().union(*(f.annotated for f in features)) if annotated else None
    held: Counter[tuple[str, ...]] = Counter()
    positive: Counter[tuple[str, ...]] = Counter()
    general_hits: Counter[str] = Counter()
    general_true: Counter[str] = Counter()
    for feature, label in zip(features, uncertain):
        for gram in _candidates(feature, vocabulary):
            held[gram] += 1
            positive[gram] += (gram in feature.annotated) if annotated else bool(label)
        for cue, overlaps in feature.general_cues:
            general_hits[cue] += 1
            general_true[cue] += overlaps if annotated else bool(label)
    evidence = "annotated as a cue" if annotated else "labelled uncertain"
    return _rows(held, positive, general_hits, general_true, domain, corpus, evidence, min_count, min_precision, suppress_below)


def _rows(held, positive, general_hits, general_true, domain, corpus, evidence, min_count, min_precision, suppress_below):
    from analysis.rules.cues import certainty_lexicon

    general = set(certainty_lexicon()["cue"])
    rows = []
    added: list[tuple[str, ...]] = []
    for gram in sorted(held, key=lambda g: (len(g), g)):
        n_pos, n_held = positive[gram], held[gram]
        cue = " ".join(gram)
        if cue in general or n_pos < min_count or n_pos / n_held < min_precision:
            continue
        if any(_contains(gram, shorter) for shorter in added):
            continue
        added.append(gram)
        rows.append(
            {
                "cue": cue,
                "kind": "hedge",
                "category": f"{domain}_cue",
                "rule": "",
                "negated": "keep",
                "domain": domain,
                "notes": "learned from training data",
                "provenance": f"{corpus}: {evidence} in {n_pos} of {n_held} training sentences holding it ({n_pos / n_held:.0%})",
            }
        )
    for cue in sorted(general_hits):
        hits, true = general_hits[cue], general_true[cue]
        if hits >= min_count and true / hits < suppress_below:
            rows.append(
                {
                    "cue": cue,
                    "kind": "suppress",
                    "category": f"{domain}_suppress",
                    "rule": "",
                    "negated": "keep",
                    "domain": domain,
                    "notes": "general cue that does not mark uncertainty in this domain",
                    "provenance": f"{corpus}: positive in only {true} of {hits} training sentences where it fires ({true / hits:.0%})",
                }
            )
    frame = pd.DataFrame(rows, columns=LEXICON_COLUMNS)
    return frame.sort_values(["kind", "cue"], kind="stable").reset_index(drop=True)


def _contains(gram: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return n < len(gram) and any(gram[i : i + n] == shorter for i in range(len(gram) - n + 1))


def select_domain_lexicon(
    features: Sequence[SentenceFeatures],
    uncertain: Sequence[bool],
    *,
    domain: str,
    corpus: str,
    annotated: bool = False,
    min_count: int = 5,
    max_rows: int = 400,
) -> pd.DataFrame:
    """Choose domain lexicon rows greedily for sentence-level F1 on labelled sentences.

    Starting from what the general lexicon finds, each step takes the one change that
    raises the F1 of "the sentence holds a cue" the most: adding a candidate n-gram (held
    by at least ``min_count`` uncertain sentences; with ``annotated``, only n-grams
    annotated as cues somewhere) or suppressing a general cue. It stops when no change
    helps (or after ``max_rows``). Unlike a precision threshold, a cue is kept only for
    the sentences it adds that nothing chosen before covers, so rare or redundant
    n-grams ("a low", "asia") are not taken. Every row records the training F1 before
    and after it and its counts.
    """
    import numpy as np

    from analysis.rules.cues import certainty_lexicon

    labels = np.array([bool(u) for u in uncertain])
    general = set(certainty_lexicon()["cue"])
    vocabulary = frozenset().union(*(f.annotated for f in features)) if annotated else None
    held: Counter[tuple[str, ...]] = Counter()
    positive: Counter[tuple[str, ...]] = Counter()
    for feature, label in zip(features, labels):
        for gram in _candidates(feature, vocabulary):
            held[gram] += 1
            positive[gram] += bool(label)
    candidates = sorted((g for g in held if positive[g] >= min_count and " ".join(g) not in general), key=lambda g: (len(g), g))
    index = {g: k for k, g in enumerate(candidates)}
    adds = np.zeros((len(features), len(candidates)), dtype=bool)
    for row, feature in enumerate(features):
        for gram in _candidates(feature, vocabulary):
            k = index.get(gram)
            if k is not None:
                adds[row, k] = True
    general_cues = sorted({cue for f in features for cue, _ in f.general_cues})
    gindex = {c: k for k, c in enumerate(general_cues)}
    hits = np.zeros((len(features), len(general_cues)), dtype=bool)
    for row, feature in enumerate(features):
        for cue, _ in feature.general_cues:
            hits[row, gindex[cue]] = True

    def f1(tp: np.ndarray | int, fp: np.ndarray | int, fn: np.ndarray | int):
        return np.where(tp > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0)

    n_pos = int(labels.sum())
    chosen_add: list[int] = []
    suppressed: set[int] = set()
    from_general = hits.any(axis=1)
    from_added = np.zeros(len(features), dtype=bool)
    rows = []
    for _ in range(max_rows):
        covered = from_general | from_added
        tp, fp = int((covered & labels).sum()), int((covered & ~labels).sum())
        current = float(f1(tp, fp, n_pos - tp))
        # Adding candidate k covers what it holds and nothing covered yet.
        new = adds & ~covered[:, None]
        add_tp = tp + (new & labels[:, None]).sum(axis=0)
        add_fp = fp + (new & ~labels[:, None]).sum(axis=0)
        add_f1 = f1(add_tp, add_fp, n_pos - add_tp) if len(candidates) else np.array([])
        # Suppressing general cue k uncovers the sentences only it (among general cues) covers.
        active = np.array([k not in suppressed for k in range(len(general_cues))])
        others = (hits & active[None, :]).sum(axis=1)
        only = hits & (others[:, None] == 1) & active[None, :] & ~from_added[:, None]
        sup_tp = tp - (only & labels[:, None]).sum(axis=0)
        sup_fp = fp - (only & ~labels[:, None]).sum(axis=0)
        sup_f1 = f1(sup_tp, sup_fp, n_pos - sup_tp) if len(general_cues) else np.array([])
        best_add = int(np.argmax(add_f1)) if len(add_f1) else -1
        best_sup = int(np.argmax(np.where(active, sup_f1, -1.0))) if len(sup_f1) else -1
        gain_add = float(add_f1[best_add]) - current if best_add >= 0 else 0.0
        gain_sup = float(sup_f1[best_sup]) - current if best_sup >= 0 and active[best_sup] else 0.0
        if max(gain_add, gain_sup) <= 1e-9:
            break
        if gain_add >= gain_sup:
            gram = candidates[best_add]
            chosen_add.append(best_add)
            from_added |= adds[:, best_add]
            adds[:, best_add] = False
            n_held, n_positive = held[gram], positive[gram]
            rows.append({"cue": " ".join(gram), "kind": "hedge", "category": f"{domain}_cue", "rule": "", "negated": "keep",
                         "domain": domain, "notes": "chosen for sentence F1 on training data",
                         "provenance": f"{corpus}: in {n_held} training sentences, {n_positive} uncertain ({n_positive / n_held:.0%}); "
                                       f"adding it raised training F1 from {100 * current:.1f} to {100 * float(add_f1[best_add]):.1f}"})  # fmt: skip
        else:
            cue = general_cues[best_sup]
            suppressed.add(best_sup)
            from_general = (hits & np.array([k not in suppressed for k in range(len(general_cues))])[None, :]).any(axis=1)
            fires = int(hits[:, best_sup].sum())
            true = int((hits[:, best_sup] & labels).sum())
            rows.append({"cue": cue, "kind": "suppress", "category": f"{domain}_suppress", "rule": "", "negated": "keep",
                         "domain": domain, "notes": "general cue that does not mark uncertainty in this domain",
                         "provenance": f"{corpus}: fires in {fires} training sentences, {true} uncertain ({true / max(fires, 1):.0%}); "
                                       f"suppressing it raised training F1 from {100 * current:.1f} to {100 * float(sup_f1[best_sup]):.1f}"})  # fmt: skip
    frame = pd.DataFrame(rows, columns=LEXICON_COLUMNS)
    return frame.sort_values(["kind", "cue"], kind="stable").reset_index(drop=True)
