"""Loaded words: words that carry a feeling or a judgement beyond the fact ("desperate",
"crippled", "slammed", "fiasco"), and whose words they are.

What it extracts: one row per loaded word of the body (``lexicons/loaded_words.csv``,
matched on lemma and part of speech), with its sentence, offsets, and ``whose``: the
speaker when the word lies inside a direct quotation ("Tony Blair is now recycling it in
his desperate bid", in Theresa May's quotation), ``in quotation marks`` inside other
quotation marks, else ``the writer``. A loaded word in a
source's mouth is that source's judgement, reported; in the writer's own voice it colours
the story. Scare quotes are the quotes table's (``kind == "scare"``).
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from analysis.lexicon import load_lexicon
from analysis.rules.quotes import enclosing_quote

__all__ = ["loaded_words", "WRITER", "QUOTED"]

#: ``whose`` for a loaded word outside every quotation.
WRITER = "the writer"
#: ``whose`` for a loaded word in quotation marks with no speaker found (a quoted term
#: such as 'described as "outrageous" by the commission', or a scare quote).
QUOTED = "in quotation marks"


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[tuple[str, str]]:
    table = load_lexicon("loaded_words")
    return frozenset(zip(table["cue"].str.lower(), table["pos"]))


def loaded_words(tokens: pd.DataFrame, quotes: pd.DataFrame, *, body_sentences: set[int] | None = None) -> pd.DataFrame:
    """The loaded words among ``tokens`` (an :class:`~analysis.Analysis`'s tokens table).

    Args:
        tokens: One row per token, with sent_id, text, lemma, pos, start and end.
        quotes: The quotes table; a word inside a direct quotation is its speaker's.
        body_sentences: Only these sentences (the article's body), when given.

    Returns:
        Columns sent_id, text, lemma, start, end, whose; in reading order.
    """
    lexicon = _lexicon()
    # A proper noun is a name, not a judgement ("Nightmare On Elm Street").
    # By its dictionary form or as written: the model makes "shambles" "shamble".
    hits = tokens[[(lemma.lower(), p) in lexicon or (text.lower(), p) in lexicon
                   for lemma, text, p in zip(tokens["lemma"], tokens["text"], tokens["pos"])]]  # fmt: skip
    if body_sentences is not None:
        hits = hits[hits["sent_id"].isin(body_sentences)]
    whose = []
    for start in hits["start"]:
        quote = enclosing_quote(quotes, int(start))
        if quote is None:
            whose.append(WRITER)
            continue
        speaker = quote["speaker"] if quote["kind"] == "direct" else None
        whose.append(speaker if isinstance(speaker, str) and speaker else QUOTED)
    out = hits[["sent_id", "text", "lemma", "start", "end"]].copy()
    out["whose"] = whose
    return out.sort_values(["start"], kind="stable").reset_index(drop=True)
