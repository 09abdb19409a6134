"""Sentences and tokens of a parsed article, as tables.

What it extracts: the ``sentences`` table (one row per sentence with its paragraph,
offsets and whether it belongs to the body) and the ``tokens`` table (one row per
non-space token with lemma, part of speech, dependency and offsets). Offsets are into
the original text because the parsed text is its same-length normalisation.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LENGTH, POS, TAG
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span

from analysis.schema import TableColumns, conform
from analysis.text.structure import CONTENT_ROLES, paragraph_index

__all__ = ["sentence_spans", "sentence_table", "token_table", "token_columns"]


_FINAL = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
#: Marks that close a quotation when they touch the end of a sentence.
_CLOSING_MARKS = frozenset({"\u201d", "\u2019", '"', "'"})


def sentence_spans(doc: Doc, paragraph_starts: list[int] | None = None) -> list[Span]:
    """The Doc's sentences, trimmed of whitespace and with the parser's slips mended.

    The small model sometimes ends a sentence where no sentence ends: before a closing
    quotation mark (leaving a sentence that is only ``"``) or in the middle of a clause
    (``... which is suffering from`` / ``a severe manpower shortage``). A parser
    sentence is therefore joined to the one before it, within a paragraph and line,
    when it has no letters or digits, or when the one before does not end with final
    punctuation (. ! ? or an ellipsis, optionally followed by closing quotes). Sentences
    made only of whitespace are dropped.

    Args:
        doc: The parsed Doc.
        paragraph_starts: Character offsets of paragraph starts; never joined across.
    """
    starts = set(paragraph_starts or ())
    merged: list[tuple[int, int]] = []
    text = doc.text  # built from every token on each access: read once
    # Token offsets and space flags from arrays, not Token objects: this runs on every
    # token of every article. A span's text is text[first token's idx : last token's end].
    columns = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist() if len(doc) else []
    idx = [row[0] for row in columns]
    ends = [row[0] + row[1] for row in columns]
    space = [row[2] for row in columns]
    for sent in doc.sents:
        start, end = sent.start, sent.end
        while start < end and space[start]:
            start += 1
        while end > start and space[end - 1]:
            end -= 1
        if end <= start:
            continue
        # 'intolerable.”\n“Maybe I can ...': a closing mark the parser put at the start of
        # the next sentence, touching the end of the one before, ends that one.
        closing = start
        while merged and closing < end and text[idx[closing] : ends[closing]] in _CLOSING_MARKS and idx[closing] == ends[merged[-1][1] - 1]:
            merged[-1] = (merged[-1][0], closing + 1)
            closing += 1
        if closing > start:
            start = closing
            while start < end and space[start]:
                start += 1
            if end <= start:
                continue
        if merged and idx[start] not in starts:
            prev_start, prev_end = merged[-1]
            gap = text[ends[prev_end - 1] : idx[start]]
            no_words = not any(ch.isalnum() for ch in text[idx[start] : ends[end - 1]])
            unfinished = not _FINAL.search(text[idx[prev_start] : ends[prev_end - 1]])
            if "\n" not in gap and (no_words or unfinished):
                merged[-1] = (prev_start, end)
                continue
        merged.append((start, end))
    return [doc[start:end] for start, end in merged]


CLAIM_COLUMNS = (
    "status", "status_reason", "status_rule", "hedges", "boosters", "claim_type", "claim_type_reason", "claim_source", "claim_source_type",
)  # fmt: skip


def sentence_paragraphs(sentences: list[Span], paragraphs: pd.DataFrame) -> list[tuple[int, bool]]:
    """Each sentence's paragraph, and whether that paragraph is body content."""
    para_starts = paragraphs["start"].tolist()
    roles = paragraphs["role"].tolist()
    placed = []
    for span in sentences:
        para_id = paragraph_index(span.start_char, para_starts)
        placed.append((para_id, roles[para_id] in CONTENT_ROLES))
    return placed


def sentence_table(text: str, sentences: list[Span], paragraphs: pd.DataFrame, *, claims: list[dict] | None = None) -> pd.DataFrame:
    """The ``sentences`` table.

    Args:
        text: The original article text.
        sentences: Trimmed sentence spans (see :func:`sentence_spans`).
        paragraphs: The ``paragraphs`` table, for each sentence's paragraph and role.
        claims: Per sentence, the claim columns (status, status_reason, status_rule, hedges,
            boosters, claim_type, claim_type_reason, claim_source, claim_source_type);
            when not given they are empty (None, and [] for hedges and boosters).

    Returns:
        sent_id, para_id, start, end, text, in_body, and the claim columns.
    """
    rows = []
    for sent_id, (span, (para_id, in_body)) in enumerate(zip(sentences, sentence_paragraphs(sentences, paragraphs))):
        start, end = span.start_char, span.end_char
        row = {"sent_id": sent_id, "para_id": para_id, "start": start, "end": end, "text": text[start:end], "in_body": in_body}
        if claims is None:
            row.update({column: None for column in CLAIM_COLUMNS}, hedges=[], boosters=[])
        else:
            row.update({column: claims[sent_id][column] for column in CLAIM_COLUMNS})
        rows.append(row)
    return conform("sentences", rows)


_TOKEN_ATTRS = (IDX, LENGTH, LEMMA, POS, TAG, DEP, HEAD, IS_STOP, IS_PUNCT, IS_SPACE)


def token_table(text: str, sentences: list[Span]) -> pd.DataFrame:
    """The ``tokens`` table: every non-space token with its sentence, lemma and tags.

    ``i`` is spaCy's token index in the whole article (``doc[i]``); whitespace tokens
    are left out, so the indices have gaps at paragraph breaks.
    """
    return token_columns(text, sentences).frame()


def token_columns(text: str, sentences: list[Span]) -> TableColumns:
    """:func:`token_table` as columns, before a DataFrame is built."""
    if not sentences:
        return TableColumns("tokens")
    doc = sentences[0].doc
    # One array read of the Doc instead of a Token object per token: the tokens table
    # is the largest of every article in a corpus run.
    array = doc.to_array(list(_TOKEN_ATTRS))  # uint64: string hashes, and HEAD relative (wrapped)
    sent_of = np.full(len(doc), -1, dtype=np.int64)
    for sent_id, span in enumerate(sentences):
        sent_of[span.start : span.end] = sent_id
    keep = np.flatnonzero((sent_of >= 0) & (array[:, _TOKEN_ATTRS.index(IS_SPACE)] == 0))
    idx, length, lemma, pos, tag, dep, head, is_stop, is_punct, _ = array[keep].T
    idx, length, head = idx.astype(np.int64), length.astype(np.int64), head.astype(np.int64)  # head: back to negative
    strings = doc.vocab.strings
    names = {}  # hash -> string, each distinct label looked up once

    def labels(hashes: np.ndarray) -> list[str]:
        return [names[h] if h in names else names.setdefault(h, strings[h]) for h in hashes.tolist()]

    starts, ends = idx.tolist(), (idx + length).tolist()
    return TableColumns(
        "tokens",
        {
            "sent_id": sent_of[keep],
            "i": keep,
            "text": [text[start:end] for start, end in zip(starts, ends)],
            "lemma": labels(lemma),
            "pos": [POS_NAMES[p] for p in pos.tolist()],
            "tag": labels(tag),
            "dep": labels(dep),
            "head_i": keep + head,
            "start": idx,
            "end": idx + length,
            "is_stop": is_stop.astype(bool),
            "is_punct": is_punct.astype(bool),
        },
    )
