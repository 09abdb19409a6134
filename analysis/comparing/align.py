"""Claims side by side: each body claim of each article matched to the claims of every
other article that tell the same claim, or to none, with the evidence for each match.

What is matched are claim units (:mod:`analysis.comparing.units`): an attribution's
content, each coordinated clause, and the whole sentence. Two units of different
articles are a candidate when they share a content word or a figure. The score weighs
:data:`FEATURES`:

- ``meaning``: how close the two texts are in meaning (WordLlama embeddings,
  :mod:`analysis.comparing.meaning`; paraphrases score high although they share few words);
- ``words``: the cosine similarity of their content lemmas weighted by TF-IDF (fitted on
  the units compared, so words every claim uses weigh little);
- ``rare_words``: how rare the content words they share are (their summed inverse
  document frequency over the units compared, up to three of the rarest);
- ``same_event``: 1 when they share a verb that carries an event ("win", "recommend"),
  else how close their verbs come in meaning (a synonym: "resign" / "quit");
- ``shared_names``: how many names (canonical) they share, up to three;
- ``best_for_both``: each unit is the other's closest in the other article (by meaning
  and words), 1; one way only, 0.5.

A reader calls two claims the same when they tell the same event or statement: so a
match also needs an actor or object in common (a shared name, content word or figure)
and an event or statement in common (a shared or near verb, the same figure, or the two
claims close in meaning as wholes), as :func:`reader_check` says. Candidates that pass
get one score, the probability of a logistic model fitted on the tuning pairs of the
hand-aligned gold (``training/coverage/fit_matcher.py``, weights in
``models/claim_matcher.json``); at or above its threshold, also chosen on the tuning
pairs, the claims match. Below it: no match. Two sentences match when any of their units
do; the best unit pair is kept as the evidence. One claim may match several (an outlet
may say in two sentences what another says in one).
"""

from __future__ import annotations

import json
from functools import lru_cache

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from analysis import config
from analysis.comparing.claims import MIN_FIGURE, surname
from analysis.rules.findings import same_figure

__all__ = ["align_claims", "candidate_features", "reader_check", "matcher", "score", "shared_event_verbs", "FEATURES",
           "GENERIC_LEMMAS", "COLUMNS"]  # fmt: skip

MODEL_FILE = config.PACKAGE_DIR / "models" / "claim_matcher.json"
#: What describes a candidate pair of claim units, in the order of the model's weights.
FEATURES = ("meaning", "words", "rare_words", "same_event", "shared_names", "best_for_both")
#: What the reader's check reads besides (:func:`reader_check`); shown as evidence, not
#: weighed: fitted, a shared figure, figures for the same counted thing (also when the two
#: claims are each other's closest) and a count of shared words each took a negative weight
#: (the tuning pairs' live blog repeats delegate counts and percentages in sentences on
#: other matters), which no reader would accept as a reason.
CHECKED = ("shared_words", "same_figure", "whole_sentences", "different_doers", "different_places", "anchored_event")
#: Lemmas too common in news to show that two claims say the same thing.
GENERIC_LEMMAS = frozenset({"say", "tell", "add", "report", "state", "be", "have", "do", "make", "get", "go", "also",
                            "year", "day", "time", "people", "new", "first", "last", "week", "percent"})  # fmt: skip
#: How close two verbs must come in meaning to count as one event told in other words.
SYNONYM_AT = 0.35
#: How close two claims must come in meaning as wholes to count as one event or statement
#: without a verb in common (chosen with the gate on the tuning pairs, by leave-one-pair-out
#: cross-validation against no gate and a verb-only gate).
CLOSE_MEANING_AT = 0.45
COLUMNS = ["article", "sent_id", "other", "other_sent_id", "score", "claim", "other_claim", "status", "source",
           "source_type", "other_status", "other_source", "other_source_type", "meaning_similarity", "text_similarity",
           "shared_events", "shared_names", "shared_number", "shared_lemmas", "event_in_common", "matched"]  # fmt: skip


@lru_cache(maxsize=1)
def matcher() -> dict:
    """The fitted matcher: ``weights`` (by feature), ``intercept``, ``threshold`` and how
    they were chosen."""
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))


def _shared_number(a: list, b: list, *, about_one_thing: bool = True) -> str:
    """The two figures, when the claims give the same figure (10 or more), or, when they
    are ``about_one_thing`` (a name in common), figures for the same counted thing
    ("30,000 vehicles" / "35,000 vehicles"); else "". Two counts of one kind of thing
    for different people are two claims ("Sanders needs 836 delegates" / "Clinton is
    71 delegates short")."""
    for va, _, ca, ta in a:
        for vb, _, cb, tb in b:
            if va >= MIN_FIGURE and vb >= MIN_FIGURE and (same_figure(va, vb) or (about_one_thing and ca and ca == cb)):
                return f"{ta} / {tb}"
    return ""


def reader_check(features: dict) -> bool:
    """What a reader needs before calling two claims the same: an actor or object in
    common (a name, a content word or a figure) and an event or statement in common (the
    same or a near verb, the same figure, or the two claims close in meaning as wholes,
    :data:`CLOSE_MEANING_AT`, for events named by nouns: "the listing was removed" /
    "the site took down the auction")."""
    actor_or_object = features["shared_names"] > 0 or features["shared_words"] > 0 or features["same_figure"] > 0
    event = features["same_event"] >= SYNONYM_AT or features["same_figure"] > 0 or features["meaning"] >= CLOSE_MEANING_AT
    return actor_or_object and event and not features.get("different_doers", 0.0) and not features.get("different_places", 0.0)


def _verb_similarity(vectors: dict, a: frozenset, b: frozenset) -> tuple[float, list[str]]:
    shared = sorted(a & b)
    if shared:
        return 1.0, shared
    best, pair = 0.0, []
    for x in sorted(a):
        for y in sorted(b):
            value = float(vectors[x] @ vectors[y])
            if value > best:
                best, pair = value, [f"{x} ~ {y}"]
    return best, pair if best >= SYNONYM_AT else []


def same_name(a: frozenset, b: frozenset) -> bool:
    """Two sets of names share a person or place: the same name, or the same last word
    ("Ted Cruz" / "Cruz", as another outlet may name him)."""
    return bool(a & b) or bool({surname(n) for n in a} & {surname(n) for n in b})


def _near_verbs(vectors: dict, a: str, b: str) -> bool:
    """The same verb, or two close enough in meaning to tell one event (:data:`SYNONYM_AT`)."""
    return a == b or float(vectors[a] @ vectors[b]) >= SYNONYM_AT


def shared_event_verbs(shared_events: list[str]) -> frozenset[str]:
    """The verbs of an alignment row's ``shared_events`` ("win", "resign ~ quit"), each on
    its own."""
    return frozenset(verb for shared in shared_events for verb in str(shared).split(" ~ "))


def _one_event_apart(vectors: dict, a: tuple, b: tuple) -> bool:
    """The two claims tell one event (the same verb, or a near one) with different names
    in one role, and no name of that role in common; ``a`` and ``b`` are (verb, names)
    pairs of one role, the doers or the places.

    - Doers: "Trump has won Georgia, Virginia ..." and "Clinton was sweeping the South,
      winning ... Georgia ... and Virginia" are two results, not one told twice.
      ("Clinton won four states, while Sanders prevailed in Vermont" shares Sanders with
      "Sanders won Vermont": no difference.)
    - Places: "Clinton has won the Democratic primary in Ohio" and "Clinton won the
      Missouri Democratic primary" are two results."""
    if same_name(frozenset().union(*(names for _, names in a)), frozenset().union(*(names for _, names in b))):
        return False
    return any(_near_verbs(vectors, verb_a, verb_b) for verb_a, _ in a for verb_b, _ in b)


def _anchored_event(vectors: dict, a: tuple, b: tuple) -> bool:
    """The two claims tell one event about one thing: a verb of each, the same or near in
    meaning, with an argument in common (a doer, an object, a place: "Cruz [won] the
    primary in [Oklahoma]" / "Cruz [won] [Oklahoma] and Texas"), not only the same verb and
    the same words somewhere in the sentence."""
    return any(words_a & words_b and _near_verbs(vectors, verb_a, verb_b) for verb_a, words_a in a for verb_b, words_b in b)


def _candidate_pairs(articles: np.ndarray, lemma_sets: list[frozenset], numbers: list[list]) -> list[tuple[int, int]]:
    """The pairs (i < j) of units from different articles that share a content lemma
    (a sparse product of the units' lemma sets) or both give a figure of 10 or more."""
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    indices = [[vocabulary.setdefault(w, len(vocabulary)) for w in sorted(lemmas)] for lemmas in lemma_sets]
    pointers = np.cumsum([0, *(len(i) for i in indices)])
    matrix = csr_matrix((np.ones(int(pointers[-1])), [k for i in indices for k in i], pointers),
                        shape=(len(lemma_sets), max(len(vocabulary), 1)))  # fmt: skip
    shared = (matrix @ matrix.T).tocoo()
    pairs = {(int(i), int(j)) for i, j in zip(shared.row, shared.col) if i < j and articles[i] != articles[j]}
    counted = [i for i, figures in enumerate(numbers) if any(value >= MIN_FIGURE for value, *_ in figures)]
    pairs |= {(i, j) for i in counted for j in counted if i < j and articles[i] != articles[j]}
    return sorted(pairs)


def candidate_features(units: pd.DataFrame) -> pd.DataFrame:
    """Every candidate pair of units from different articles (sharing a content word or
    a figure), with :data:`FEATURES` and the evidence: columns a, b (row positions in
    ``units``), the features, shared_events, shared_lemmas, shared_names, shared_number."""
    from analysis.comparing.meaning import embed

    units = units.reset_index(drop=True)
    columns = ["a", "b", *FEATURES, *CHECKED, "shared_events", "shared_lemmas", "shared_names_list", "shared_number"]
    if units.empty or units["article"].nunique() < 2:
        return pd.DataFrame(columns=columns)
    texts = units["lemmas"].where(units["lemmas"].str.len() > 0, "_")
    vectorizer = TfidfVectorizer(token_pattern=r"[^ ]+", sublinear_tf=True)
    words = cosine_similarity(vectorizer.fit_transform(texts))
    idf = dict(zip(vectorizer.get_feature_names_out(), vectorizer.idf_))
    most_idf = max(idf.values(), default=1.0)
    meaning = embed([" ".join(str(t).split()) for t in units["text"]])
    predicates = [p if isinstance(p, frozenset) else frozenset() for p in units.get("predicates", [frozenset()] * len(units))]
    # Headline rows set against body units have no doers: an empty tuple, not a missing value.
    agents = [d if isinstance(d, tuple) else () for d in units.get("agents", [()] * len(units))]
    verb_arguments = [e if isinstance(e, tuple) else () for e in units.get("events", [()] * len(units))]
    places = [p if isinstance(p, tuple) else () for p in units.get("places", [()] * len(units))]
    verbs = sorted(set().union(*predicates, *({verb for verb, _ in doers} for doers in agents), *({v for v, _ in e} for e in verb_arguments),
                               *({v for v, _ in named} for named in places)))
    verb_vectors = dict(zip(verbs, embed(verbs)))
    lemma_sets = [frozenset(t.split()) - GENERIC_LEMMAS for t in units["lemmas"]]
    records = units.to_dict("records")
    kinds = units["kind"].tolist() if "kind" in units else ["sentence"] * len(units)
    rows = []
    for i, j in _candidate_pairs(units["article"].to_numpy(), lemma_sets, [r["numbers"] for r in records]):
        shared = lemma_sets[i] & lemma_sets[j]
        names = sorted(records[i]["entities"] & records[j]["entities"])
        number = _shared_number(records[i]["numbers"], records[j]["numbers"],
                                about_one_thing=same_name(records[i]["entities"], records[j]["entities"]))
        if not shared and not number:
            continue
        event, events = _verb_similarity(verb_vectors, predicates[i], predicates[j])
        rows.append({
            "a": i, "b": j, "meaning": float(meaning[i] @ meaning[j]), "words": float(words[i, j]),
            "rare_words": min(sum(idf.get(w, 0.0) for w in shared) / (3 * most_idf), 1.0), "same_event": event,
            "shared_names": min(len(names), 3) / 3, "best_for_both": 0.0, "shared_words": min(len(shared), 5) / 5,
            "same_figure": 1.0 if number else 0.0, "whole_sentences": 1.0 if kinds[i] == kinds[j] == "sentence" else 0.0,
            "different_doers": 1.0 if _one_event_apart(verb_vectors, agents[i], agents[j]) else 0.0,
            "different_places": 1.0 if _one_event_apart(verb_vectors, places[i], places[j]) else 0.0,
            "anchored_event": 1.0 if _anchored_event(verb_vectors, verb_arguments[i], verb_arguments[j]) else 0.0,
            "shared_events": events, "shared_lemmas": sorted(shared)[:8], "shared_names_list": names, "shared_number": number,
        })  # fmt: skip
    table = pd.DataFrame(rows, columns=columns)
    if table.empty:
        return table
    # An alignment's strongest sign: each unit is the other's closest in the other article
    # (by meaning and words together), not merely close to it.
    closeness = table["meaning"] + table["words"]
    other_article = units["article"].to_numpy()
    best_a = closeness.groupby([table["a"], other_article[table["b"]]]).transform("max")
    best_b = closeness.groupby([table["b"], other_article[table["a"]]]).transform("max")
    table["best_for_both"] = ((closeness >= best_a).astype(float) + (closeness >= best_b).astype(float)) / 2
    return table


def score(features: pd.DataFrame, model: dict | None = None) -> np.ndarray:
    """The matcher's probability that each candidate tells the same claim (0 where
    :func:`reader_check` fails)."""
    model = model or matcher()
    if features.empty:
        return np.zeros(0)
    x = features[list(FEATURES)].to_numpy(dtype=float)
    weights = np.array([model["weights"][name] for name in FEATURES])
    probability = 1 / (1 + np.exp(-(x @ weights + model["intercept"])))
    passes = np.array([reader_check(row) for row in features[[*FEATURES, *CHECKED]].to_dict("records")])
    return np.where(passes, probability, 0.0)


def _no_match(article: str, sent_id: int, other: str) -> dict:
    """The alignment row of a claim that matches nothing in ``other``."""
    return {**dict.fromkeys(COLUMNS), "article": article, "sent_id": sent_id, "other": other, "score": 0.0,
            "meaning_similarity": 0.0, "text_similarity": 0.0, "shared_events": [], "shared_names": [], "shared_number": "",
            "shared_lemmas": [], "event_in_common": False, "matched": False}  # fmt: skip


def align_claims(units: pd.DataFrame, *, threshold: float | None = None, model: dict | None = None) -> pd.DataFrame:
    """Every claim's matches in every other article.

    Args:
        units: Claim units (:func:`analysis.comparing.units.claim_units`) or claim rows
            (:func:`analysis.comparing.claims.claim_rows`, each sentence one unit) of
            two or more articles, concatenated.
        threshold: The score a match needs (default: the fitted matcher's).
        model: The matcher's weights (default: the shipped ``claim_matcher.json``).

    Returns:
        One row per matched pair of sentences (claim, other article, other claim), and
        one row with ``other_sent_id`` None for a sentence that matches nothing in an
        other article: columns :data:`COLUMNS`; ``claim`` and ``other_claim`` are the
        best-matching units' texts, ``status`` and ``other_status`` how sure each
        article is of them, ``source`` and ``other_source`` who each article credits
        them to (an attribution's source for its content, else the sentence's
        ``claim_source``) and their types; sorted by article, sent_id, other, then by score
        (highest first).
    """
    if units.empty or units["article"].nunique() < 2:
        return pd.DataFrame(columns=COLUMNS)
    model = model or matcher()
    threshold = model["threshold"] if threshold is None else threshold
    units = units.reset_index(drop=True)
    features = candidate_features(units)
    best: dict[tuple, dict] = {}
    if not features.empty:
        features["score"] = score(features, model)
        records = units.to_dict("records")
        for f in features[features["score"] >= threshold].to_dict("records"):
            for x, y in ((f["a"], f["b"]), (f["b"], f["a"])):
                a, b = records[x], records[y]
                key = (a["article"], int(a["sent_id"]), b["article"], int(b["sent_id"]))
                if key in best and best[key]["score"] >= f["score"]:
                    continue
                best[key] = {
                    "article": a["article"], "sent_id": int(a["sent_id"]), "other": b["article"], "other_sent_id": int(b["sent_id"]),
                    "score": round(float(f["score"]), 3), "claim": a["text"], "other_claim": b["text"],
                    "status": a.get("status"), "source": a.get("claim_source"), "source_type": a.get("claim_source_type"),
                    "other_status": b.get("status"), "other_source": b.get("claim_source"),
                    "other_source_type": b.get("claim_source_type"),
                    "meaning_similarity": round(f["meaning"], 3), "text_similarity": round(f["words"], 3),
                    "shared_events": f["shared_events"], "shared_names": f["shared_names_list"], "shared_number": f["shared_number"],
                    "shared_lemmas": f["shared_lemmas"], "matched": True,
                    "event_in_common": bool(f["anchored_event"] or f["same_figure"]),
                }  # fmt: skip
    by_claim: dict[tuple, list[dict]] = {}
    for (article, sent_id, other, _), match in best.items():
        by_claim.setdefault((article, sent_id, other), []).append(match)
    articles = list(dict.fromkeys(units["article"]))
    rows = []
    for article, sent_id in dict.fromkeys(zip(units["article"], units["sent_id"].astype(int))):
        for other in articles:
            if other == article:
                continue
            found = by_claim.get((article, sent_id, other), [])
            if not found:
                found = [_no_match(article, sent_id, other)]
            rows += sorted(found, key=lambda r: (-r["score"], r["other_sent_id"] or 0))
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["other_sent_id"] = table["other_sent_id"].astype("Int64")
    return table.sort_values(["article", "sent_id", "other"], kind="stable").reset_index(drop=True)
