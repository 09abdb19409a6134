"""One row per body claim of each compared article, with what a match can rest on: the
lemmas of its content words, the names it mentions (canonical), and its numbers.

What it builds: :func:`claim_rows` turns an :class:`~analysis.core.Analysis` into a tidy
DataFrame (article, sent_id, text, status, source, source type, lemmas, entities,
numbers); the alignment and the differences read only these rows.
"""

from __future__ import annotations

import pandas as pd

from analysis.vocabulary import SPEAKING_ENTITY_LABELS, TOPIC_ENTITY_LABELS

__all__ = ["claim_rows", "CONTENT_POS"]

#: Parts of speech whose lemmas say what a claim is about.
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


def claim_rows(result, article: str) -> pd.DataFrame:
    """The body claims of one analysis, with their lemmas, names and numbers.

    Args:
        result: An :class:`~analysis.core.Analysis`.
        article: The name the comparison gives this article (its file name).

    Returns:
        Columns article, sent_id, text, status, claim_source, claim_source_type,
        lemmas (a space-joined string, for TF-IDF), entities (frozenset of canonical
        names), speakers (frozenset of named people and bodies), numbers (list of
        (value, approximate, counted, text)).
    """
    body = result.body_sentences
    tokens = result.tokens
    content = tokens[tokens["pos"].isin(CONTENT_POS) & ~tokens["is_stop"] & ~tokens["is_punct"]]
    lemmas = content.groupby("sent_id")["lemma"].apply(lambda s: " ".join(x.lower() for x in s))
    entities = result.entities[result.entities["label"].isin(TOPIC_ENTITY_LABELS)]
    names = entities.groupby("sent_id")["canonical"].apply(lambda s: frozenset(x for x in s if isinstance(x, str)))
    people = entities[entities["label"].isin(SPEAKING_ENTITY_LABELS)].groupby("sent_id")["canonical"].apply(
        lambda s: frozenset(x for x in s if isinstance(x, str)))  # fmt: skip
    numbers = result.numbers
    by_sentence = {
        sid: [(float(r.value), bool(r.approximate), r.counted if isinstance(r.counted, str) else None, r.text)
              for r in group.itertuples()]
        for sid, group in numbers.groupby("sent_id")
    }  # fmt: skip
    rows = []
    for s in body.itertuples():
        rows.append({
            "article": article, "sent_id": int(s.sent_id), "text": s.text, "status": s.status,
            "claim_source": s.claim_source, "claim_source_type": s.claim_source_type,
            "lemmas": lemmas.get(s.sent_id, ""), "entities": names.get(s.sent_id, frozenset()),
            "speakers": people.get(s.sent_id, frozenset()), "numbers": by_sentence.get(s.sent_id, []),
        })  # fmt: skip
    return pd.DataFrame(rows, columns=["article", "sent_id", "text", "status", "claim_source", "claim_source_type",
                                       "lemmas", "entities", "speakers", "numbers"])  # fmt: skip
