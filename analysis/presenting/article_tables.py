"""One table for one article or many, ``article_id`` first: what the word tools
(:mod:`~analysis.presenting.kwic`, :mod:`~analysis.presenting.frequencies`) read.

They take an :class:`~analysis.core.Analysis` or a
:class:`~analysis.corpus.many.ManyAnalyses` (anything with ``analyses``, a mapping of
ids to analyses, whose tables already carry ``article_id``) alike.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["article_id_of", "article_table", "article_texts", "is_many"]


def is_many(source) -> bool:
    """Whether ``source`` holds many analyses (a ``ManyAnalyses``) rather than one."""
    return hasattr(source, "analyses") and hasattr(source, "ids")


def article_id_of(result) -> str:
    """A single analysis's id: its file's name without the suffix, or ``text`` for an
    article given as text."""
    source = str(result.meta.get("source") or result.article.source or "")
    return Path(source).stem if source and not source.startswith("<") else "text"


def article_table(source, name: str) -> pd.DataFrame:
    """Table ``name`` of one analysis or many, with ``article_id`` as its first column."""
    if is_many(source):
        return getattr(source, name)
    table = getattr(source, name).copy()
    table.insert(0, "article_id", article_id_of(source))
    return table


def article_texts(source) -> dict[str, str]:
    """``{article_id: text}``: the text every offset of that article refers to."""
    if is_many(source):
        return {article_id: result.text for article_id, result in source.analyses.items()}
    return {article_id_of(source): source.text}


def with_roles(source, sentences: pd.DataFrame) -> pd.DataFrame:
    """``sentences`` (with ``article_id`` and ``para_id``) with each one's paragraph
    ``role`` (headline, standfirst, body ...)."""
    paragraphs = article_table(source, "paragraphs")[["article_id", "para_id", "role"]]
    return sentences.merge(paragraphs, on=["article_id", "para_id"], how="left")
