"""Keyword in context: every place a word occurs, with the words around it and how
sure the article is of the sentence it is in, and who says so.

What it gives: one row per hit with ``article_id``, ``sent_id``, ``left``, ``match``,
``right`` (the context within the hit's sentence, as the article writes it), the
sentence's ``status``, ``claim_source`` and ``claim_source_type`` (empty for a
headline or a subheading, which make no claim of their own), the paragraph's ``role``
and the match's ``start`` and ``end`` in the article's text. In JupyterLab the table
shows the match highlighted and each status in its colour.
"""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd

from analysis.presenting.article_tables import article_table, article_texts, with_roles
from analysis.vocabulary import SOURCE_TYPE_IN_WORDS, STATUS

#: The claim_source_type of a claim that rests on the writer alone.
WRITER_TYPE = "author"

__all__ = ["KWIC_BY", "KWIC_COLUMNS", "Concordance", "kwic"]

#: How a query matches: a word's dictionary form or its form as written, the form as
#: written, or a regular expression over each sentence.
KWIC_BY = ("lemma", "text", "regex")
KWIC_COLUMNS = ("article_id", "sent_id", "left", "match", "right", "status", "claim_source", "claim_source_type", "role",
                "start", "end")  # fmt: skip


def _readable_on(colour: str) -> str:
    """Black or white text, whichever reads better on ``colour`` (#RRGGBB)."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "#000" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 else "#fff"


class Concordance(pd.DataFrame):
    """A :func:`kwic` table: a DataFrame that JupyterLab shows as a concordance (the
    match highlighted, each status in its colour). Every DataFrame method works as usual."""

    @property
    def _constructor(self):
        return Concordance

    def _repr_html_(self) -> str | None:
        if not {"left", "match", "right"} <= set(self.columns):
            return super()._repr_html_()
        shown = self.head(pd.get_option("display.max_rows") or len(self))
        many = "article_id" in shown.columns and shown["article_id"].nunique() > 1
        colours = STATUS.colours
        rows = []
        for _, row in shown.iterrows():
            status = row.get("status")
            if isinstance(status, str) and status in colours:
                chip = (f"<span style='background:{colours[status]};color:{_readable_on(colours[status])};"
                        f"padding:0 .4em;border-radius:3px'>{html.escape(status)}</span>")  # fmt: skip
            else:
                chip = f"<span style='color:#666'>{html.escape(str(row.get('role') or ''))}</span>"
            who, kind = row.get("claim_source"), row.get("claim_source_type")
            if not isinstance(who, str):
                who = ""
            elif kind == WRITER_TYPE:
                who = f"<span style='color:#666'>{html.escape(SOURCE_TYPE_IN_WORDS[kind])}</span>"
            else:
                who = f"{html.escape(who)} <span style='color:#666'>({html.escape(str(kind))})</span>"
            where = (f"{html.escape(str(row['article_id']))} · " if many else "") + html.escape(str(row.get("sent_id", "")))
            rows.append(f"<tr><td style='color:#666'>{where}</td><td style='text-align:right;white-space:nowrap'>{html.escape(str(row['left']))}</td>"
                        f"<td style='text-align:center'><mark><b>{html.escape(str(row['match']))}</b></mark></td>"
                        f"<td style='text-align:left;white-space:nowrap'>{html.escape(str(row['right']))}</td><td>{chip}</td>"
                        f"<td style='text-align:left'>{who}</td></tr>")  # fmt: skip
        more = len(self) - len(shown)
        tail = f"<p style='color:#666'>… and {more} more line{'s' if more != 1 else ''} ({len(self)} in all)</p>" if more else ""
        head = ("<tr><th>" + ("article · " if many else "") + "sentence</th><th style='text-align:right'>before</th><th>match</th>"
                "<th style='text-align:left'>after</th><th>status</th><th style='text-align:left'>who says so</th></tr>")  # fmt: skip
        return f"<table class='kwic'>{head}{''.join(rows)}</table>{tail}"


def _token_hits(tokens: pd.DataFrame, words: list[str], by: str) -> list[tuple[int, int]]:
    """Positions (first, last) in ``tokens`` where the words of the query follow one
    another within a sentence."""
    texts = tokens["text"].astype(str).str.casefold().to_numpy()
    lemmas = tokens["lemma"].astype(str).str.casefold().to_numpy() if by == "lemma" else texts
    article = tokens["article_id"].to_numpy()
    sentence = tokens["sent_id"].to_numpy()
    n = len(tokens)
    hit = np.ones(n, dtype=bool)
    for offset, word in enumerate(words):
        word = word.casefold()
        matches = (texts == word) | (lemmas == word)
        shifted = np.zeros(n, dtype=bool)
        shifted[: n - offset] = matches[offset:]
        if offset:
            same = np.zeros(n, dtype=bool)
            same[: n - offset] = (article[offset:] == article[: n - offset]) & (sentence[offset:] == sentence[: n - offset])
            shifted &= same
        hit &= shifted
    return [(int(i), int(i) + len(words) - 1) for i in np.flatnonzero(hit)]


def kwic(source, query: str, *, window: int = 5, by: str = "lemma") -> Concordance:
    """Keyword in context over one analysis or many.

    Args:
        source: An analysis, or many (:func:`analysis.analyze_many`).
        query: A word or words ("Ukraine", "North Korea"), or with ``by="regex"`` a
            regular expression (``r"(?i)\\bsanctions?\\b"``).
        window: How many words to show on each side, within the sentence.
        by: ``lemma`` (the default: a query word matches a word whose dictionary form or
            written form it is, in any case: "say" finds "said" and "says"), ``text``
            (the written form only, in any case) or ``regex``.

    Returns:
        A :class:`Concordance` (a DataFrame) with the columns of :data:`KWIC_COLUMNS`,
        one row per hit in article and text order.
    """
    if by not in KWIC_BY:
        raise ValueError(f"by must be one of {', '.join(KWIC_BY)}, not {by!r}")
    if not isinstance(query, str) or not query.strip():
        raise ValueError("the query must be a word, words, or a regular expression")
    tokens = article_table(source, "tokens").reset_index(drop=True)
    texts = article_texts(source)
    sentences = with_roles(source, article_table(source, "sentences"))
    spans: list[tuple[str, int, int, int]] = []  # article, sentence, start, end
    if by == "regex":
        pattern = re.compile(query)
        for article_id, sent_id, start, text in zip(sentences["article_id"], sentences["sent_id"], sentences["start"], sentences["text"]):
            spans += [(article_id, int(sent_id), int(start) + m.start(), int(start) + m.end()) for m in pattern.finditer(text) if m.end() > m.start()]
    else:
        article, sentence = tokens["article_id"].to_numpy(), tokens["sent_id"].to_numpy()
        start, end = tokens["start"].to_numpy(), tokens["end"].to_numpy()
        spans = [(article[first], int(sentence[first]), int(start[first]), int(end[last])) for first, last in _token_hits(tokens, query.split(), by)]
    # Each sentence's words (punctuation is shown but not counted), for the context: the
    # words are in article and sentence order, so each sentence is one run of rows.
    words = tokens[~tokens["is_punct"].astype(bool)]
    word_starts, word_ends = words["start"].to_numpy(), words["end"].to_numpy()
    key = list(zip(words["article_id"].to_numpy(), words["sent_id"].to_numpy().tolist()))
    runs: dict[tuple, tuple[int, int]] = {}
    for i, k in enumerate(key):
        lo, _ = runs.get(k, (i, i))
        runs[k] = (lo, i + 1)
    offsets = {k: (word_starts[lo:hi], word_ends[lo:hi]) for k, (lo, hi) in runs.items()}
    bounds = {(a, int(i)): (int(s), int(e)) for a, i, s, e in zip(sentences["article_id"], sentences["sent_id"], sentences["start"], sentences["end"])}
    rows = []
    for article_id, sent_id, start, end in spans:
        text = texts[article_id]
        first, last = bounds.get((article_id, sent_id), (start, end))
        starts, ends = offsets.get((article_id, sent_id), (np.array([start]), np.array([end])))
        before = np.flatnonzero(ends <= start)
        after = np.flatnonzero(starts >= end)
        left_start = int(starts[before[-window:]][0]) if window and len(before) else start
        right_end = int(ends[after[:window]][-1]) if window and len(after) else end
        # Whole words as written: "hi-tech", not "-tech"; the punctuation after the last word too.
        while window and left_start > first and not text[left_start - 1].isspace():
            left_start -= 1
        while window and right_end < last and not text[right_end].isspace():
            right_end += 1
        left, right = text[left_start:start], text[end:right_end]
        rows.append((article_id, sent_id, " ".join(left.split()), " ".join(text[start:end].split()), " ".join(right.split()), start, end))
    hits = pd.DataFrame(rows, columns=["article_id", "sent_id", "left", "match", "right", "start", "end"])
    about = sentences[["article_id", "sent_id", "status", "claim_source", "claim_source_type", "role"]]
    table = hits.merge(about, on=["article_id", "sent_id"], how="left")
    order = {article_id: i for i, article_id in enumerate(texts)}
    table = table.assign(_order=table["article_id"].map(order)).sort_values(["_order", "start"], kind="stable").drop(columns="_order")
    return Concordance(table[list(KWIC_COLUMNS)].reset_index(drop=True))
