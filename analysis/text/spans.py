"""The analysis's findings on the spaCy ``Doc``, as span groups and extensions.

What it adds, so that spaCy's own tools (displaCy, ``Doc.spans``, ``Span._``) see them:

- ``doc.spans[key]`` for each key of :data:`SPAN_GROUPS`: the hedges and boosters
  (labelled by their category, such as ``modal``), the sources of attributions
  (labelled by source type), their cues (by stance), their contents (by quotation
  type), the quotations (by kind) and the claims (each body sentence, labelled by its
  status).
- ``doc._.sentence_status``: ``{sent_id: status}`` for the body sentences.
- ``span._.status`` and ``token._.status``: the status of the sentence the span or
  token starts in (``None`` outside the body).

So ``displacy.render(result.doc, style="span", options={"spans_key": "hedges"})``
shows an article's hedges. Spans are built from the tables' character offsets, which
are the Doc's own (the parsed text is a same-length normalisation of the article).
"""

from __future__ import annotations

from bisect import bisect_right

import pandas as pd
from spacy.tokens import Doc, Span, Token

__all__ = ["SPAN_GROUPS", "attach_spans", "register_extensions"]

#: Span group key -> (table, filter on the table's ``kind`` or None, start, end, label column).
SPAN_GROUPS: dict[str, tuple[str, str | None, str, str, str]] = {
    "hedges": ("cues", "hedge", "start", "end", "category"),
    "boosters": ("cues", "booster", "start", "end", "category"),
    "sources": ("attributions", None, "source_start", "source_end", "source_type"),
    "cues": ("attributions", None, "cue_start", "cue_end", "cue_stance"),
    "contents": ("attributions", None, "content_start", "content_end", "quote_type"),
    "quotes": ("quotes", None, "start", "end", "kind"),
    "claims": ("sentences", None, "start", "end", "status"),
}


def _sentence_status_at(doc: Doc, char: int) -> str | None:
    claims = doc.spans["claims"] if "claims" in doc.spans else []
    starts = [span.start_char for span in claims]
    index = bisect_right(starts, char) - 1
    return claims[index].label_ if index >= 0 and char < claims[index].end_char else None


def register_extensions() -> None:
    """Register ``Doc._.sentence_status``, ``Span._.status`` and ``Token._.status``
    (once per process; a name another package already took is left alone)."""
    if not Doc.has_extension("sentence_status"):
        Doc.set_extension("sentence_status", default=None)
    if not Span.has_extension("status"):
        Span.set_extension("status", getter=lambda span: _sentence_status_at(span.doc, span.start_char))
    if not Token.has_extension("status"):
        Token.set_extension("status", getter=lambda token: _sentence_status_at(token.doc, token.idx))


def _columns(table, names: tuple[str, ...]) -> list[tuple]:
    """Rows of a DataFrame or :class:`~analysis.schema.TableColumns` as tuples of ``names``."""
    if isinstance(table, pd.DataFrame):
        return list(zip(*(table[name].tolist() for name in names))) if len(table) else []
    values = table.values
    return list(zip(*(list(values.get(name, [])) for name in names))) if values else []


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def attach_spans(doc: Doc, tables: dict) -> None:
    """Put the tables' spans on ``doc`` as the span groups of :data:`SPAN_GROUPS`, and
    each body sentence's status in ``doc._.sentence_status``.

    Args:
        doc: The article's parsed Doc (offsets as the tables').
        tables: At least ``cues``, ``attributions``, ``quotes`` and ``sentences``, each
            a DataFrame or :class:`~analysis.schema.TableColumns`.
    """
    register_extensions()
    for key, (name, kind, start, end, label) in SPAN_GROUPS.items():
        spans, seen = [], set()
        for s, e, tag, row_kind in _columns(tables[name], (start, end, label, "kind" if kind else label)):
            if (kind is not None and row_kind != kind) or _missing(s) or _missing(e) or (name == "sentences" and _missing(tag)):
                continue
            if (int(s), int(e)) in seen:
                continue
            span = doc.char_span(int(s), int(e), label="" if _missing(tag) else str(tag), alignment_mode="expand")
            if span is not None and len(span):
                seen.add((int(s), int(e)))
                spans.append(span)
        doc.spans[key] = sorted(spans, key=lambda span: (span.start, span.end))
    doc._.sentence_status = {int(i): str(status) for i, status in _columns(tables["sentences"], ("sent_id", "status"))
                             if not _missing(status)}  # fmt: skip
