"""Same story? What two or more articles share: people, organisations, places, dates and
numbers, and a similarity score of their bodies.

The score is the cosine similarity of the bodies' content lemmas weighted by TF-IDF
(scikit-learn), averaged over the pairs of articles. Below :data:`SAME_STORY_AT` the
articles look like different stories; what they share is still shown. Between it and
:data:`CLEARLY_SAME_STORY_AT` they may be one story or two about the same people
(:func:`story_verdict`).
"""

from __future__ import annotations

import itertools

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from analysis.rules.findings import same_figure
from analysis.vocabulary import PLACE_ENTITY_LABELS

__all__ = ["shared_facts", "story_similarity", "story_band", "story_verdict", "STORY_VERDICTS", "SAME_STORY_AT",
           "CLEARLY_SAME_STORY_AT"]  # fmt: skip

#: The similarity at which articles look like the same story: midway between the six
#: hand-paired PolNeAR same-story pairs (0.21 to 0.39) and five pairs of articles on other
#: stories of the same campaign (0.06 to 0.15; ``benchmarks/coverage_alignment.py``).
SAME_STORY_AT = 0.18
#: The similarity at which articles are clearly one story. Between :data:`SAME_STORY_AT`
#: and this, hand-paired same-story pairs (from 0.21) mix with pairs of two stories about
#: the same people: teachers reading exercises made from unseen PolNeAR pairs at 0.20 to
#: 0.23 found three of four were different stories (a candidate's endorsement against
#: delegate maths written before the results).
CLEARLY_SAME_STORY_AT = 0.30


def story_band(similarity: float) -> str:
    """How sure the similarity makes it that two articles tell one story: ``same``
    (at least :data:`CLEARLY_SAME_STORY_AT`), ``maybe`` (at least :data:`SAME_STORY_AT`:
    one story, or two about the same people) or ``different``."""
    if similarity >= CLEARLY_SAME_STORY_AT:
        return "same"
    return "maybe" if similarity >= SAME_STORY_AT else "different"


#: :func:`story_band` in words that finish "They ...".
STORY_VERDICTS = {
    "same": "look like the same story",
    "maybe": "may tell the same story, or two stories about the same people: check the events and dates",
    "different": "look like different stories (or different parts of one)",
}


def story_verdict(similarity: float) -> str:
    """How sure the similarity makes it that two articles tell one story, in words that
    finish "They ..." (:data:`STORY_VERDICTS`)."""
    return STORY_VERDICTS[story_band(similarity)]


def story_similarity(claims: pd.DataFrame) -> pd.DataFrame:
    """The similarity of each pair of articles' bodies: columns article, other, similarity."""
    bodies = claims.groupby("article", sort=False)["lemmas"].apply(" ".join)
    if len(bodies) < 2:
        return pd.DataFrame(columns=["article", "other", "similarity"])
    vectors = TfidfVectorizer(token_pattern=r"[^ ]+", sublinear_tf=True).fit_transform(bodies.where(bodies.str.len() > 0, "_"))
    similarity = cosine_similarity(vectors)
    names = list(bodies.index)
    rows = [{"article": names[i], "other": names[j], "similarity": round(float(similarity[i, j]), 3)}
            for i, j in itertools.combinations(range(len(names)), 2)]  # fmt: skip
    return pd.DataFrame(rows, columns=["article", "other", "similarity"])


def shared_facts(analyses: dict) -> pd.DataFrame:
    """What every pair of articles shares: one row per shared item.

    Args:
        analyses: Article name -> :class:`~analysis.core.Analysis`.

    Returns:
        Columns article, other, kind (person, organisation, place, date, number), item,
        and the item as each writes it (as_article, as_other).
    """
    kinds = {"PERSON": "person", "ORG": "organisation", **dict.fromkeys(sorted(PLACE_ENTITY_LABELS), "place")}
    rows = []
    for (a, ra), (b, rb) in itertools.combinations(analyses.items(), 2):
        ea, eb = ra.entities[ra.entities["in_body"]], rb.entities[rb.entities["in_body"]]
        for label, kind in kinds.items():
            na = dict(zip(ea.loc[ea["label"] == label, "canonical"], ea.loc[ea["label"] == label, "text"]))
            nb = dict(zip(eb.loc[eb["label"] == label, "canonical"], eb.loc[eb["label"] == label, "text"]))
            for name in sorted(set(na) & set(nb), key=str):
                rows.append({"article": a, "other": b, "kind": kind, "item": name, "as_article": na[name], "as_other": nb[name]})
        da = {t.lower(): t for t in ra.dates.loc[ra.dates["in_body"], "text"]}
        db = {t.lower(): t for t in rb.dates.loc[rb.dates["in_body"], "text"]}
        for key in sorted(set(da) & set(db)):
            rows.append({"article": a, "other": b, "kind": "date", "item": da[key], "as_article": da[key], "as_other": db[key]})
        numbers_b = rb.numbers[rb.numbers["in_body"]]
        for n in ra.numbers[ra.numbers["in_body"]].itertuples():
            if n.value < 10:
                continue
            same = numbers_b[[same_figure(float(n.value), float(v)) for v in numbers_b["value"]]]
            if len(same):
                rows.append({"article": a, "other": b, "kind": "number", "item": n.text, "as_article": n.text,
                             "as_other": same.iloc[0]["text"]})  # fmt: skip
    table = pd.DataFrame(rows, columns=["article", "other", "kind", "item", "as_article", "as_other"])
    return table.drop_duplicates(["article", "other", "kind", "item"]).reset_index(drop=True)
