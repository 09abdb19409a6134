"""What a corpus run reports per article (the ``articles`` row) and per failure (the ``errors`` row), and the comparisons across groups of articles."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from analysis.corpus.inputs import CorpusItem, _printable, group_of
from analysis.vocabulary import NAMELESS_SOURCE_TYPES, SOURCE_TYPE, STATUS


STATUSES = tuple(STATUS)


SOURCE_TYPES = tuple(SOURCE_TYPE)


ARTICLE_COLUMNS = (
    "article_id", "source", "headline", "words", "body_sentences", *(f"share_{s}" for s in STATUSES),
    *(f"share_source_{t}" for t in SOURCE_TYPES), "anonymous_sources", "hedges_per_100_words", "warnings",
)  # fmt: skip


#: ``stage``: where the article failed (see :data:`ERROR_STAGES`); ``error_type``: the
#: exception's class name; ``error``: its one-line message.
ERROR_COLUMNS = ("article_id", "source", "stage", "error_type", "error")


#: Where an article can fail, in the order a run meets them: the file or record, bytes to
#: text, HTML to article text, the text's checks (empty, too long), the spaCy parse, the
#: rules, the article's tables and ``articles`` row, writing them.
ERROR_STAGES = ("read", "decode", "extract", "check", "parse", "rules", "tables", "write")


def article_row(article_id: str, source: str, result) -> dict:
    """The ``articles`` row of one analysed article."""
    sentences = result.sentences
    # Plain column lists: this runs once per article of corpora of thousands.
    body = [(text, status, source_type) for text, status, source_type, in_body in zip(
        sentences["text"].tolist(), sentences["status"].tolist(), sentences["claim_source_type"].tolist(),
        sentences["in_body"].tolist()) if in_body]  # fmt: skip
    body_ids = {i for i, in_body in zip(sentences["sent_id"].tolist(), sentences["in_body"].tolist()) if in_body}
    words = sum(len(text.split()) for text, _, _ in body)
    statuses = Counter(status for _, status, _ in body)
    types = Counter(source_type for _, _, source_type in body)
    total = max(len(body), 1)
    attributions = result.attributions
    anonymous = sum(1 for i, kind in zip(attributions["sent_id"].tolist(), attributions["source_type"].tolist())
                    if i in body_ids and kind in NAMELESS_SOURCE_TYPES)  # fmt: skip
    cues = result.cues
    hedges = sum(1 for kind, in_body in zip(cues["kind"].tolist(), cues["in_body"].tolist()) if in_body and kind == "hedge")
    row = {"article_id": article_id, "source": source, "headline": result.headline, "words": words, "body_sentences": len(body)}
    row.update({f"share_{s}": statuses.get(s, 0) / total for s in STATUSES})
    row.update({f"share_source_{t}": types.get(t, 0) / total for t in SOURCE_TYPES})
    row["anonymous_sources"] = anonymous
    row["hedges_per_100_words"] = 100 * hedges / max(words, 1)
    row["warnings"] = _printable("; ".join(result.warnings)) or None  # e.g. decoded as cp1252
    return row


def error_row(item: CorpusItem, stage: str, error: BaseException) -> dict:
    """The ``errors`` row of an article that failed at ``stage``: its message on one line."""
    message = _printable(" ".join(str(error).split())) or type(error).__name__
    return {"article_id": item.article_id, "source": item.source, "stage": stage,
            "error_type": type(error).__name__, "error": message}  # fmt: skip


def compare_groups(articles: pd.DataFrame) -> pd.DataFrame:
    """Sourcing and certainty by group (e.g. BBC section), from the ``articles`` table.

    Columns: group, articles, words (mean), share_named (body sentences resting on named
    people, organisations or documents), share_anonymous_unnamed, share_media,
    share_author, share_hedged_unconfirmed (status hedged or unconfirmed),
    hedges_per_100_words, anonymous_sources (mean per article). Shares are means over
    the group's articles. Sorted by group.
    """
    frame = articles.assign(
        group=articles["article_id"].map(group_of),
        share_named=articles[["share_source_person", "share_source_organization", "share_source_document"]].sum(axis=1),
        share_anonymous_unnamed=articles["share_source_anonymous"] + articles["share_source_unnamed"],
        share_hedged_unconfirmed=articles["share_hedged"] + articles["share_unconfirmed"],
    )
    summary = frame.groupby("group", sort=True).agg(
        articles=("article_id", "size"),
        words=("words", "mean"),
        share_named=("share_named", "mean"),
        share_anonymous_unnamed=("share_anonymous_unnamed", "mean"),
        share_media=("share_source_media", "mean"),
        share_author=("share_source_author", "mean"),
        share_hedged_unconfirmed=("share_hedged_unconfirmed", "mean"),
        hedges_per_100_words=("hedges_per_100_words", "mean"),
        anonymous_sources=("anonymous_sources", "mean"),
    )
    return summary.reset_index()


def extremes(articles: pd.DataFrame, column: str, *, n: int = 3) -> pd.DataFrame:
    """The ``n`` articles highest and lowest on ``column`` (ties: article_id), with their headlines."""
    ordered = articles.sort_values([column, "article_id"], ascending=[False, True])
    rows = pd.concat([ordered.head(n).assign(end="highest"), ordered.tail(n).iloc[::-1].assign(end="lowest")])
    return rows[["end", "article_id", "headline", column, "body_sentences"]].drop_duplicates("article_id").reset_index(drop=True)
