"""Word frequencies and keyness: which words an article (or many) uses, and which it
uses more than another.

What it counts: the words of the chosen parts of each article (the body by default;
the headline and standfirst on request), by lemma ("said" and "says" are "say") or as
written, each named entity (a person, organisation, place, group...) as one term
("Lloyd Austin", not "lloyd" and "austin"; by lemma, a short form such as "Austin"
under the full name the analysis settled on for it). Punctuation is never a word; stop words ("the", "of") are left out
unless asked for, but always count towards the total that ``per_1000`` divides by.

Keyness compares two such counts with the log-likelihood G2 (Rayson and Garside 2000;
its p-value from the chi-squared distribution with one degree of freedom) and the log
ratio (Hardie 2014: log2 of the ratio of the relative frequencies; 0.5 stands in for a
count of 0), with the counts beside them.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.presenting.article_tables import article_table, with_roles
from analysis.vocabulary import ARTICLE_ROLES, TOPIC_ENTITY_LABELS

__all__ = ["BY", "word_frequencies", "keyness", "terms"]

#: How a word is counted: its dictionary form, or as written (lower case).
BY = ("lemma", "text")
_FREQUENCY_COLUMNS = ("term", "kind", "count", "per_1000", "articles")
_KEYNESS_COLUMNS = ("term", "kind", "count_a", "count_b", "per_1000_a", "per_1000_b", "g2", "p_value", "log_ratio", "more_in")


def _roles(roles: Iterable[str] | str) -> set[str]:
    chosen = {roles} if isinstance(roles, str) else set(roles)
    unknown = chosen - set(ARTICLE_ROLES)
    if unknown:
        raise ValueError(f"roles must be among {', '.join(sorted(ARTICLE_ROLES))}, not {', '.join(sorted(unknown))}")
    return chosen


def _shortens(mention: str, canonical) -> bool:
    """Whether a mention is a short form of the name settled on ("Putin" of "Vladimir
    Putin"), so that both count as one term; a demonym ("Ukrainian" of "Ukraine") is a
    word of its own."""
    if not isinstance(canonical, str) or not canonical:
        return False
    names = set(canonical.casefold().split())
    return all(word in names for word in mention.casefold().replace("’s", "").replace("'s", "").split())


def terms(source, *, by: str = "lemma", stop_words: bool = False, roles: Iterable[str] | str = ("body",)) -> pd.DataFrame:
    """Every term of the chosen parts of one analysis or many, in order: one row per
    word or named entity with ``article_id``, ``sent_id``, ``term``, ``kind`` (``word``
    or ``entity``), ``start``, ``end``. The table's ``attrs["words"]`` is the number of
    words in those parts (stop words included, punctuation not)."""
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}, not {by!r}")
    chosen = _roles(roles)
    sentences = with_roles(source, article_table(source, "sentences")[["article_id", "sent_id", "para_id"]])
    kept = sentences.loc[sentences["role"].isin(chosen), ["article_id", "sent_id"]]
    tokens = article_table(source, "tokens").merge(kept, on=["article_id", "sent_id"])
    tokens = tokens[~tokens["is_punct"].astype(bool)]
    words = len(tokens)
    entities = article_table(source, "entities")
    # Names only: a description standing for one ("the Russian leader") is ordinary words.
    entities = entities[entities["label"].isin(TOPIC_ENTITY_LABELS) & (entities["label_rule"] != "description")]
    entities = entities.merge(kept, on=["article_id", "sent_id"])
    in_entity = np.zeros(len(tokens), dtype=bool)
    rows = []
    token_article = tokens["article_id"].to_numpy()
    token_start = tokens["start"].to_numpy()
    for article_id, found in entities.groupby("article_id", sort=False):
        where = np.flatnonzero(token_article == article_id)
        starts = token_start[where]
        for start, end, sent_id, text, canonical in zip(found["start"], found["end"], found["sent_id"], found["text"], found["canonical"]):
            lo, hi = np.searchsorted(starts, start, "left"), np.searchsorted(starts, end, "left")
            if hi <= lo:
                continue
            in_entity[where[lo:hi]] = True
            name = canonical if by == "lemma" and _shortens(text, canonical) else text
            rows.append((article_id, int(sent_id), name, "entity", int(start), int(end)))
    plain = tokens[~in_entity]
    plain = plain[plain["tag"] != "POS"]  # the possessive 's is no word of its own
    if not stop_words:
        plain = plain[~plain["is_stop"].astype(bool)]
    written = plain["lemma" if by == "lemma" else "text"].astype(str)
    written = written.where(plain["pos"] == "PROPN", written.str.lower())  # "Tuesday" stays a name
    has_word = written.str.contains(r"\w", regex=True)
    plain, written = plain[has_word], written[has_word]
    columns = ["article_id", "sent_id", "term", "kind", "start", "end"]
    frame = pd.DataFrame({"article_id": plain["article_id"].to_numpy(), "sent_id": plain["sent_id"].to_numpy(),
                          "term": written.to_numpy(), "kind": "word", "start": plain["start"].to_numpy(),
                          "end": plain["end"].to_numpy()}, columns=columns)  # fmt: skip
    if rows:
        frame = pd.concat([frame, pd.DataFrame(rows, columns=columns)], ignore_index=True)
    frame = frame.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)
    frame.attrs["words"] = words
    return frame


def word_frequencies(
    source, *, by: str = "lemma", stop_words: bool = False, min_count: int = 1, roles: Iterable[str] | str = ("body",)
) -> pd.DataFrame:
    """How often each word or named entity occurs in one article or many.

    Args:
        source: An analysis, or many (:func:`analysis.analyze_many`).
        by: ``lemma`` (dictionary forms: "said" counts as "say") or ``text`` (as written,
            in lower case but for proper nouns). A named entity is one term either way.
        stop_words: Count stop words ("the", "of", "is") as terms too.
        min_count: Leave out terms seen fewer times.
        roles: Which parts of each article: ``body`` (the default), ``headline``,
            ``standfirst``, ``subheading``, or several.

    Returns:
        One row per term, most frequent first (ties in alphabetical order): ``term``,
        ``kind`` (``word`` or ``entity``), ``count``, ``per_1000`` (per 1,000 words of
        the chosen parts) and ``articles`` (how many articles use it). ``attrs["words"]``
        holds the number of words counted over.
    """
    found = terms(source, by=by, stop_words=stop_words, roles=roles)
    words = found.attrs["words"]
    if found.empty:
        table = pd.DataFrame(columns=list(_FREQUENCY_COLUMNS))
    else:
        # A term is an entity when it is one somewhere ("May" the name and "may" are apart: case differs).
        table = (found.groupby("term", sort=False)
                 .agg(kind=("kind", "max"), count=("kind", "size"), articles=("article_id", "nunique")).reset_index())  # fmt: skip
        table["per_1000"] = 1000 * table["count"] / max(words, 1)
        table = table[table["count"] >= min_count].sort_values(["count", "term"], ascending=[False, True], kind="stable")
        table = table[list(_FREQUENCY_COLUMNS)].reset_index(drop=True)
    table.attrs["words"] = words
    return table


def _counts(side, *, by: str, stop_words: bool, roles) -> pd.DataFrame:
    if isinstance(side, pd.DataFrame):
        if "words" not in side.attrs:
            raise ValueError("a frequency table for keyness must come from word_frequencies (it holds the word total)")
        return side
    return word_frequencies(side, by=by, stop_words=stop_words, roles=roles)


def keyness(
    a, b, *, by: str = "lemma", stop_words: bool = False, roles: Iterable[str] | str = ("body",), min_count: int = 1
) -> pd.DataFrame:
    """Which terms ``a`` uses more than ``b``, and which less.

    Args:
        a, b: Each an analysis, many analyses, or a table from :func:`word_frequencies`
            (to compare parts: ``word_frequencies(result, roles=("headline", "standfirst"))``
            against ``word_frequencies(result)``).
        by, stop_words, roles: As for :func:`word_frequencies`, where ``a`` or ``b`` is
            an analysis.
        min_count: Leave out terms seen fewer times in ``a`` and ``b`` together.

    Returns:
        One row per term: ``count_a``, ``count_b``, ``per_1000_a``, ``per_1000_b``, ``g2``
        (log-likelihood; above 3.84 means p < 0.05), ``p_value``, ``log_ratio`` (log2 of
        how many times more often ``a`` uses it than ``b``: 1 is twice as often, -1 half)
        and ``more_in`` (``a``, ``b``, or empty when equal); the most distinctive first
        (G2 descending, then the term).
    """
    from scipy.stats import chi2

    first, second = _counts(a, by=by, stop_words=stop_words, roles=roles), _counts(b, by=by, stop_words=stop_words, roles=roles)
    total_a, total_b = max(first.attrs["words"], 1), max(second.attrs["words"], 1)
    table = first[["term", "kind", "count"]].merge(second[["term", "kind", "count"]], on="term", how="outer", suffixes=("_a", "_b"))
    if table.empty:
        return pd.DataFrame(columns=list(_KEYNESS_COLUMNS))
    table["kind"] = table["kind_a"].fillna(table["kind_b"])
    count_a = table["count_a"].fillna(0).astype(int).to_numpy()
    count_b = table["count_b"].fillna(0).astype(int).to_numpy()
    expected_a = total_a * (count_a + count_b) / (total_a + total_b)
    expected_b = total_b * (count_a + count_b) / (total_a + total_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * (np.where(count_a > 0, count_a * np.log(count_a / expected_a), 0.0)
                  + np.where(count_b > 0, count_b * np.log(count_b / expected_b), 0.0))  # fmt: skip
    ratio = (np.where(count_a > 0, count_a, 0.5) / total_a) / (np.where(count_b > 0, count_b, 0.5) / total_b)
    out = pd.DataFrame({
        "term": table["term"], "kind": table["kind"], "count_a": count_a, "count_b": count_b,
        "per_1000_a": 1000 * count_a / total_a, "per_1000_b": 1000 * count_b / total_b,
        "g2": np.round(g2, 6), "p_value": chi2.sf(g2, 1), "log_ratio": np.log2(ratio),
        "more_in": np.where(count_a / total_a > count_b / total_b, "a", np.where(count_a / total_a < count_b / total_b, "b", "")),
    })  # fmt: skip
    out = out[out["count_a"] + out["count_b"] >= min_count]
    return out.sort_values(["g2", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)
