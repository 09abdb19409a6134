"""One row per body claim of each compared article, with what a match can rest on: the
lemmas of its content words, the names it mentions (canonical), and its numbers.

What it builds: :func:`claim_rows` turns an :class:`~analysis.core.Analysis` into a tidy
DataFrame (article, sent_id, text, status, source, source type, lemmas, entities,
numbers); the alignment and the differences read only these rows.
"""

from __future__ import annotations

import pandas as pd

from analysis.vocabulary import SPEAKING_ENTITY_LABELS, TOPIC_ENTITY_LABELS

#: Verbs that carry no event of their own: a match on them shows nothing.
LIGHT_VERBS = frozenset({"be", "have", "do", "say", "tell", "add", "report", "state", "make", "get", "go", "take", "come",
                         "give", "let", "know", "think", "want", "see", "seem", "become", "include", "use", "according"})  # fmt: skip

__all__ = ["claim_rows", "headline_rows", "claim_and_headline_rows", "surname", "CONTENT_POS", "MIN_FIGURE"]

#: The smallest figure two outlets' claims are paired or compared on: "two" and "one"
#: are too common to say two claims are about the same thing.
MIN_FIGURE = 10

def surname(name: str) -> str:
    """A name's last word in lower case ("Ted Cruz" -> "cruz"), as another outlet may name
    the same person or place; "" for no name."""
    return name.split()[-1].lower() if name and name.split() else ""


#: Parts of speech whose lemmas say what a claim is about.
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


def _headline_sentences(result) -> pd.DataFrame:
    """The headline (and standfirst) sentences, with how flatly each puts its claim as
    ``status``: ``reported`` with a reporting verb ("..., says minister"), ``hedged``
    with a hedge ("may") or a question mark, else ``asserted``."""
    from analysis.vocabulary import HEADLINE_ROLES

    roles = result.paragraphs.set_index("para_id")["role"]
    sentences = result.sentences[result.sentences["para_id"].map(roles).isin(HEADLINE_ROLES)]
    cues = result.cues
    hedged = set(cues.loc[(cues["kind"] == "hedge") & (cues["category"] != "approximator"), "sent_id"])
    said = set(result.attributions["sent_id"])
    status = ["reported" if s.sent_id in said else "hedged" if s.sent_id in hedged or str(s.text).rstrip().endswith("?")
              else "asserted" for s in sentences.itertuples()]  # fmt: skip
    return pd.DataFrame({"sent_id": sentences["sent_id"].to_numpy(), "text": sentences["text"].to_numpy(), "status": status,
                         "claim_source": None, "claim_source_type": None})  # fmt: skip


def headline_rows(result, article: str) -> pd.DataFrame:
    """The headline (and standfirst) sentences of one analysis in the shape of
    :func:`claim_rows`, with how flatly each puts its claim as ``status`` (see
    :func:`claim_and_headline_rows`)."""
    return _rows(result, article, _headline_sentences(result))


def claim_and_headline_rows(result, article: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`claim_rows` and :func:`headline_rows` of one analysis, read in one pass:
    headlines are ``reported`` with a reporting verb ("..., says minister"), ``hedged``
    with a hedge or a question mark, else ``asserted``."""
    heads = _headline_sentences(result)
    both = _rows(result, article, pd.concat([result.body_sentences[["sent_id", "text", "status", "claim_source", "claim_source_type"]],
                                             heads], ignore_index=True))  # fmt: skip
    is_head = both["sent_id"].isin(set(heads["sent_id"]))
    heads = both[is_head].reset_index(drop=True).assign(claim_source=None, claim_source_type=None)  # no source: a headline's own words
    return both[~is_head].reset_index(drop=True), heads


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
    return _rows(result, article, result.body_sentences)


def _rows(result, article: str, body: pd.DataFrame) -> pd.DataFrame:
    wanted = set(body["sent_id"])
    tokens = result.tokens
    tokens = tokens[tokens["sent_id"].isin(wanted)]
    content = tokens[tokens["pos"].isin(CONTENT_POS) & ~tokens["is_stop"] & ~tokens["is_punct"]]
    lemmas = content.groupby("sent_id")["lemma"].apply(lambda s: " ".join(x.lower() for x in s))
    verbs = tokens[(tokens["pos"] == "VERB") & ~tokens["lemma"].str.lower().isin(LIGHT_VERBS)]
    predicates = verbs.groupby("sent_id")["lemma"].apply(lambda s: frozenset(x.lower() for x in s))
    entities = result.entities[result.entities["label"].isin(TOPIC_ENTITY_LABELS) & result.entities["sent_id"].isin(wanted)]
    names = entities.groupby("sent_id")["canonical"].apply(lambda s: frozenset(x for x in s if isinstance(x, str)))
    people = entities[entities["label"].isin(SPEAKING_ENTITY_LABELS)].groupby("sent_id")["canonical"].apply(
        lambda s: frozenset(x for x in s if isinstance(x, str)))  # fmt: skip
    numbers = result.numbers
    numbers = numbers[numbers["sent_id"].isin(wanted)]
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
            "predicates": predicates.get(s.sent_id, frozenset()), "kind": "sentence",
        })  # fmt: skip
    return pd.DataFrame(rows, columns=["article", "sent_id", "text", "status", "claim_source", "claim_source_type",
                                       "lemmas", "entities", "speakers", "numbers", "predicates", "kind"])  # fmt: skip
