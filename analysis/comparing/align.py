"""Claims side by side: each body claim of each article matched to the claims of every
other article that report the same thing, or to none, with the evidence for each match.

How a match is decided: the cosine similarity of the two sentences' content lemmas
weighted by TF-IDF (scikit-learn's ``TfidfVectorizer``, fitted on the claims of the
articles compared, so words every claim uses weigh little) reaches :data:`MIN_TEXT` and
they share at least :data:`MIN_SHARED` content lemmas that are not news commonplaces
("say", "year"); or they give the same figure (10 or more), or figures for the same
counted thing, and share a content lemma.
One claim may match several (an outlet may say in two sentences what another says in
one). ``score`` orders the matches: the text similarity, plus a little for shared names
and a shared figure. The thresholds were chosen on three of the six hand-aligned pairs
of ``benchmarks/gold/coverage_alignment.csv`` and measured on the other three.
"""

from __future__ import annotations

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from analysis.rules.findings import same_figure

__all__ = ["align_claims", "MIN_TEXT", "MIN_SHARED", "WEIGHTS"]

#: How the score orders matches: text similarity, shared names, a shared figure.
WEIGHTS = {"text": 0.7, "names": 0.2, "number": 0.1}
#: The text similarity and the shared content lemmas a match needs.
MIN_TEXT, MIN_SHARED = 0.15, 3
#: Lemmas too common in news to show that two claims say the same thing.
GENERIC_LEMMAS = frozenset({"say", "tell", "add", "report", "state", "be", "have", "do", "make", "get", "go", "also",
                            "year", "day", "time", "people", "new", "first", "last", "week", "percent"})  # fmt: skip
def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _shared_number(a: list, b: list) -> tuple[float, str]:
    """1 and the two figures when the claims give the same figure (10 or more), or
    figures for the same counted thing ("30,000 vehicles" / "35,000 vehicles")."""
    for va, _, ca, ta in a:
        for vb, _, cb, tb in b:
            if va >= 10 and vb >= 10 and (same_figure(va, vb) or (ca and ca == cb)):  # "two", "one": too common
                return 1.0, f"{ta} / {tb}"
    return 0.0, ""


def align_claims(claims: pd.DataFrame, *, min_text: float = MIN_TEXT, min_shared: int = MIN_SHARED) -> pd.DataFrame:
    """Every claim's matches in every other article.

    Args:
        claims: :func:`analysis.comparing.claims.claim_rows` of two or more articles, concatenated.
        min_text: The text similarity a match needs.
        min_shared: The shared content lemmas a match needs.

    Returns:
        One row per match (claim, other article, other claim), and one row with
        ``other_sent_id`` None for a claim that matches nothing in an other article:
        article, sent_id, other, other_sent_id, score, text_similarity, shared_names,
        shared_number, shared_lemmas, matched; sorted by article, sent_id, other, then
        by score (highest first).
    """
    columns = ["article", "sent_id", "other", "other_sent_id", "score", "text_similarity", "shared_names",
               "shared_number", "shared_lemmas", "matched"]  # fmt: skip
    if claims.empty or claims["article"].nunique() < 2:
        return pd.DataFrame(columns=columns)
    claims = claims.reset_index(drop=True)
    texts = claims["lemmas"].where(claims["lemmas"].str.len() > 0, "_")
    vectors = TfidfVectorizer(token_pattern=r"[^ ]+", sublinear_tf=True).fit_transform(texts)
    similarity = cosine_similarity(vectors)
    lemma_sets = [frozenset(t.split()) - GENERIC_LEMMAS for t in claims["lemmas"]]
    records = claims.to_dict("records")
    articles = list(dict.fromkeys(claims["article"]))
    members = {name: [j for j, r in enumerate(records) if r["article"] == name] for name in articles}
    rows = []
    for i, claim in enumerate(records):
        for other in articles:
            if other == claim["article"]:
                continue
            found = []
            for j in members[other]:
                shared = lemma_sets[i] & lemma_sets[j]
                if not shared:
                    continue
                text = float(similarity[i, j])
                number, number_text = _shared_number(claim["numbers"], records[j]["numbers"])
                if not ((text >= min_text and len(shared) >= min_shared) or number):
                    continue
                names = _jaccard(claim["entities"], records[j]["entities"])
                score = WEIGHTS["text"] * text + WEIGHTS["names"] * names + WEIGHTS["number"] * number
                found.append({
                    "article": claim["article"], "sent_id": int(claim["sent_id"]), "other": other,
                    "other_sent_id": int(records[j]["sent_id"]), "score": round(score, 3), "text_similarity": round(text, 3),
                    "shared_names": sorted(claim["entities"] & records[j]["entities"]), "shared_number": number_text,
                    "shared_lemmas": sorted(shared)[:8], "matched": True,
                })  # fmt: skip
            if not found:
                found.append({"article": claim["article"], "sent_id": int(claim["sent_id"]), "other": other, "other_sent_id": None,
                              "score": 0.0, "text_similarity": 0.0, "shared_names": [], "shared_number": "", "shared_lemmas": [],
                              "matched": False})  # fmt: skip
            rows += sorted(found, key=lambda r: (-r["score"], r["other_sent_id"] or 0))
    table = pd.DataFrame(rows, columns=columns)
    table["other_sent_id"] = table["other_sent_id"].astype("Int64")
    return table.sort_values(["article", "sent_id", "other"], kind="stable").reset_index(drop=True)
