"""What a teacher should know about this article before class: when it was published
(or that it does not say), the dates in it that depend on that, the sensitive topics it
touches (``lexicons/sensitive_topics.csv``: war, death, violence, abuse, self-harm...)
with the sentences where they come up, and the words to teach first
(:mod:`analysis.classroom.glossary`). The lesson plan shows them; none is an answer.
"""

from __future__ import annotations

import re

from functools import lru_cache

import pandas as pd

from analysis.rules.dates import ORDINAL_POINT_RULE

from analysis.lexicon import load_lexicon

__all__ = ["sensitive_topics", "article_notes"]


@lru_cache(maxsize=1)
def _topics() -> dict[tuple[str, ...], str]:
    table = load_lexicon("sensitive_topics")
    # Tokens as the parser splits them: "self-harm" is "self", "-", "harm".
    return {tuple(re.findall(r"[\w']+|-", cue.lower())): category for cue, category in zip(table["cue"], table["category"])}


def listed_topics() -> str:
    """The topics ``lexicons/sensitive_topics.csv`` lists, in words ("war and armed
    conflict, ... and racism and hate"), for a lesson plan that found none of their words."""
    topics = list(dict.fromkeys(_topics().values()))
    return "; ".join(topics[:-1]) + "; " + topics[-1] if len(topics) > 1 else "".join(topics)


def sensitive_topics(tokens: pd.DataFrame, sentence_ids: set[int] | None = None) -> pd.DataFrame:
    """The sensitive topics an article touches, one row per topic in lexicon order.

    A word counts by its form or its dictionary form ("killed" is "kill"); a two-word cue
    ("nuclear weapon") by both words in a row.

    Returns:
        Columns topic, words (the forms found, sorted) and sent_ids (sorted).
    """
    rows = tokens if sentence_ids is None else tokens[tokens["sent_id"].isin(sentence_ids)]
    lowers = [str(t).lower() for t in rows["text"]]
    lemmas = [str(t).lower() for t in rows["lemma"]]
    sent_ids = rows["sent_id"].tolist()
    found: dict[str, tuple[set[str], set[int]]] = {}
    for cue, topic in _topics().items():
        n = len(cue)
        for i in range(len(lowers) - n + 1):
            if tuple(lowers[i : i + n]) == cue or tuple(lemmas[i : i + n]) == cue:
                words, where = found.setdefault(topic, (set(), set()))
                words.add(" ".join(lowers[i : i + n]))
                where.add(int(sent_ids[i]))
    order = list(dict.fromkeys(_topics().values()))
    return pd.DataFrame(
        [{"topic": t, "words": sorted(found[t][0]), "sent_ids": sorted(found[t][1])} for t in order if t in found],
        columns=["topic", "words", "sent_ids"],
    )


def article_notes(result, material: dict) -> dict:
    """Notes for the lesson plan, from the analysis and the student material.

    Returns:
        ``published`` (the date found at the top of the page, or None), ``relative_dates``
        (the body's dates that need the publication date: "this week", "on Wednesday"),
        ``topics`` (:func:`sensitive_topics` as records) and ``words`` (the material's
        words to look up).
    """
    published = next((f["text"] for f in material.get("found") or [] if f["what"].lower().startswith("date")), None)
    dates = result.dates
    # Dates placed only by the date of writing; not a point within something the text
    # dates ("the second half", "the first 15 minutes" of a match).
    placed = dates["rule"] != ORDINAL_POINT_RULE
    relative = dates[(dates["kind"] == "relative") & dates["in_body"] & placed]["text"].drop_duplicates().tolist()
    shown = {s["number"] for p in material["paragraphs"] for s in p["sentences"]}
    topics = sensitive_topics(result.tokens, shown)
    return {"published": published, "relative_dates": relative, "topics": topics.to_dict("records"),
            "words": list(material.get("words") or [])}  # fmt: skip
