"""Words a student may need to look up: the article's least common ordinary words.

How rare a word is comes from ``wordfreq`` (Speer, 2022: English word frequencies from
subtitles, news, books, Wikipedia and the web, on the Zipf scale: 6 is "said", 3 is a
word met about once in a million words). A word is listed when both its form and its
dictionary form are below :data:`RARE_BELOW`; names, numbers and stop words never are.
The list goes on the worksheet with room to write a meaning, and into the lesson plan
as words to teach first. It reads the article's tokens only, never a label.
"""

from __future__ import annotations

import pandas as pd
from wordfreq import zipf_frequency

from analysis.classroom.marking import normalise_words

__all__ = ["hard_words", "RARE_BELOW"]

#: Zipf frequency under which a word is worth looking up: "escalation" (3.3),
#: "stalemate" (3.0) and "conscript" (2.5) are; "troops" (4.6) and "sanctions" (4.0) are not.
RARE_BELOW = 3.6
#: Parts of speech a reader may need explained (names are PROPN and never listed).
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})


def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def _hyphenated(tokens: pd.DataFrame) -> dict[int, str]:
    """Each word joined to another by a hyphen, with no space ("dumbed-down",
    "good-natured"): its row label, and the whole word in lower case."""
    texts, starts, ends = tokens["text"].astype(str).tolist(), tokens["start"].tolist(), tokens["end"].tolist()
    labels = tokens.index.tolist()
    out = {}
    for k in range(1, len(texts) - 1):
        if texts[k] == "-" and ends[k - 1] == starts[k] and ends[k] == starts[k + 1] and texts[k - 1].isalpha() and texts[k + 1].isalpha():
            whole = f"{texts[k - 1]}-{texts[k + 1]}".lower()
            out[labels[k - 1]] = out[labels[k + 1]] = whole
    return out


def hard_words(
    tokens: pd.DataFrame, sentence_ids: set[int] | None = None, *, limit: int = 12, rare_below: float = RARE_BELOW
) -> pd.DataFrame:
    """The rarest ordinary words of an article, at most ``limit``, in reading order.

    Args:
        tokens: The tokens table of an :class:`~analysis.Analysis`.
        sentence_ids: Only words of these sentences (those the student reads), when given.
        limit: How many words at most; the rarest are kept (ties: the first met).
        rare_below: The Zipf frequency under which a word is listed.

    Returns:
        Columns word (as first written, in lower case), lemma, sent_id (where first met)
        and zipf (the higher of the form's and the lemma's frequency).
    """
    rows = tokens[tokens["pos"].isin(CONTENT_POS) & ~tokens["is_stop"] & ~tokens["is_punct"]]
    if sentence_ids is not None:
        rows = rows[rows["sent_id"].isin(sentence_ids)]
    seen: dict[str, dict] = {}
    words: set[str] = set()
    # A word the article never writes in lower case is a name ("Pompeii", "Ruddock"), not
    # a word to look up.
    lower = {str(t) for t in tokens["text"] if str(t)[:1].islower()}
    compounds = _hyphenated(tokens)
    for token in rows.itertuples():
        word, lemma = str(token.text).lower(), str(token.lemma).lower()
        if lemma in seen or word in words or len(word) < 4 or not word.isalpha() or word not in lower:
            continue
        words.add(word)
        # "dumbed" of "dumbed-down": the whole word is what a student looks up.
        if token.Index in compounds:
            word = lemma = compounds[token.Index]
            if word in seen:
                continue
        # British or American spelling, whichever is commoner ("criticise", "criticize").
        zipf = max(_zipf(word), _zipf(lemma), *(_zipf(w) for w in normalise_words(word)[:1] if "-" not in word))
        if zipf == 0:
            continue  # in no word list at all: a typo or two words run together ("willmean")
        if zipf < rare_below:
            seen[lemma] = {"word": word, "lemma": lemma, "sent_id": int(token.sent_id), "zipf": round(zipf, 2),
                           "start": int(token.start), "i": int(token.i), "head_i": int(token.head_i), "dep": token.dep}  # fmt: skip
    seen = _rare_compounds_joined(seen)
    ranked = sorted(seen.values(), key=lambda row: (row["zipf"], row["start"]))[:limit]
    table = pd.DataFrame(ranked, columns=["word", "lemma", "sent_id", "zipf", "start"])
    return table.sort_values("start", kind="stable").drop(columns="start").reset_index(drop=True)


def _rare_compounds_joined(seen: dict[str, dict]) -> dict[str, dict]:
    """Two rare words that make one noun ("stocking" and "filler" of "the most popular
    stocking filler") as the one phrase a student looks up: either word alone misleads."""
    by_token = {row["i"]: lemma for lemma, row in seen.items()}
    joined = dict(seen)
    for lemma, row in seen.items():
        head = by_token.get(row["head_i"])
        if row["dep"] == "compound" and row["head_i"] == row["i"] + 1 and head in joined and lemma in joined:
            other = joined.pop(head)
            joined[lemma] = {**row, "word": f"{row['word']} {other['word']}", "lemma": f"{lemma} {head}",
                             "zipf": min(row["zipf"], other["zipf"])}  # fmt: skip
    return joined
