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
from analysis.rules.phrases import mostly_capitalised

from analysis.lexicon import lexicon_words, load_lexicon
from analysis.classroom.tasks import story_lead
from analysis.vocabulary import IDENTIFIED_SOURCE_TYPES, NAMELESS_SOURCE_TYPES

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


@lru_cache(maxsize=1)
def _other_senses() -> tuple[tuple[tuple[str, ...], str], ...]:
    table = load_lexicon("topic_other_senses")
    return tuple((tuple(re.findall(r"[\w']+|-", phrase.lower())), pos) for phrase, pos in zip(table["phrase"], table["pos"]))


def _in_other_sense(lowers: list[str], lemmas: list[str], pos: list[str], i: int, n: int) -> tuple[int, int] | None:
    """Where a set phrase of ``lexicons/topic_other_senses.csv`` that covers tokens
    ``i .. i+n`` starts and ends ("bidding war", "the dying minutes", "combat" as a verb), or None."""
    for phrase, tag in _other_senses():
        m = len(phrase)
        for start in range(max(0, i + n - m), min(i, len(lowers) - m) + 1):
            if all(word in (lowers[start + k], lemmas[start + k]) for k, word in enumerate(phrase)):
                if not tag or all(p == tag for p in pos[i : i + n]):
                    return start, max(start + m, i + n)
    return None


def _in_a_name(texts: list[str], first: list[bool], events: list[bool], i: int, n: int) -> bool:
    """Whether tokens ``i .. i+n`` are capitalised inside a name ("Death Star", "Kill Bill",
    "Pacific Assault"): each word capitalised, and not only because it opens the sentence;
    a named war or attack ("World War II", an EVENT) is the topic itself."""
    if any(events[i : i + n]) or not all(t[:1].isupper() for t in texts[i : i + n]):
        return False
    after = texts[i + n] if i + n < len(texts) else ""
    if not first[i]:
        # A word that is capitalised alone ("a Nazi uniform", "the Holocaust") is a proper
        # noun for the topic itself; a name has another capitalised word beside it, or
        # across a joining word ("Mack the Knife", "War on Want", "C-Murder").
        return n > 1 or _capitalised_near(texts, first, i - 1, -1) or _capitalised_near(texts, first, i + n, 1)
    return after[:1].isupper()


#: Words that join the parts of a name ("Mack the Knife", "War on Want", "C-Murder").
_JOINING_WORDS = frozenset({"the", "of", "on", "and", "-", "&"})


def _capitalised_near(texts: list[str], first: list[bool], k: int, step: int) -> bool:
    """Whether a capitalised word (not one that opens its sentence) is at ``k``, or just
    past joining words from it ("House of the Dead"), going by ``step``."""
    for _ in range(3):
        if not 0 <= k < len(texts):
            return False
        if texts[k][:1].isupper():
            return not first[k]
        if texts[k].lower() not in _JOINING_WORDS:
            return False
        k += step
    return False


def sensitive_topics(tokens: pd.DataFrame, sentence_ids: set[int] | None = None, *,
                     entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """The sensitive topics an article touches, one row per topic in lexicon order.

    A word counts by its form or its dictionary form ("killed" is "kill"); a two-word cue
    ("nuclear weapon") by both words in a row. A word used in another sense is kept apart
    (``other_uses``), never dropped: inside a set phrase of
    ``lexicons/topic_other_senses.csv`` ("bidding war", "the dying minutes") or inside a
    capitalised name ("Death Star", "Kill Bill"; a named war, an EVENT in ``entities``,
    is the topic itself). Sentences in title case (a headline) have no names told apart.

    Returns:
        Columns topic, words (the forms found, sorted), sent_ids (sorted), other_uses
        (the phrases or names where the words mean something else, sorted) and
        other_sent_ids. A topic with words is one the article touches; a topic with only
        other uses probably is not, and the teacher checks.
    """
    rows = tokens if sentence_ids is None else tokens[tokens["sent_id"].isin(sentence_ids)]
    texts = [str(t) for t in rows["text"]]
    lowers = [t.lower() for t in texts]
    lemmas = [str(t).lower() for t in rows["lemma"]]
    pos = [str(t) for t in rows["pos"]]
    sent_ids = rows["sent_id"].tolist()
    first = [k == 0 or sent_ids[k - 1] != sent_ids[k] or texts[k - 1] in _OPENERS for k in range(len(texts))]
    title_case = _title_case_sentences(texts, sent_ids)
    spans = [] if entities is None else [(int(s), int(e)) for s, e, label in
                                         zip(entities["start"], entities["end"], entities["label"]) if label == "EVENT"]
    starts = [int(s) for s in rows["start"]]
    events = [any(s <= start < e for s, e in spans) for start in starts]
    found: dict[str, tuple[set[str], set[int], set[str], set[int]]] = {}
    for cue, topic in _topics().items():
        n = len(cue)
        for i in range(len(lowers) - n + 1):
            if tuple(lowers[i : i + n]) != cue and tuple(lemmas[i : i + n]) != cue:
                continue
            words, where, others, other_where = found.setdefault(topic, (set(), set(), set(), set()))
            sense = _in_other_sense(lowers, lemmas, pos, i, n)
            if sense is not None:
                others.add(_joined(texts[sense[0] : sense[1]]))
                other_where.add(int(sent_ids[i]))
            elif sent_ids[i] not in title_case and _in_a_name(texts, first, events, i, n) and not _names_the_topic(
                    name := _name_around(texts, sent_ids, i, n), name.index(texts[i])):
                others.add(_joined(name))
                other_where.add(int(sent_ids[i]))
            else:
                words.add(" ".join(lowers[i : i + n]))
                where.add(int(sent_ids[i]))
    order = list(dict.fromkeys(_topics().values()))
    return pd.DataFrame(
        [{"topic": t, "words": sorted(found[t][0]), "sent_ids": sorted(found[t][1]),
          "other_uses": sorted(found[t][2]), "other_sent_ids": sorted(found[t][3])} for t in order if t in found],
        columns=["topic", "words", "sent_ids", "other_uses", "other_sent_ids"],
    )  # fmt: skip


#: Marks after which a capitalised word starts a quotation, as a sentence's first word does.
_OPENERS = frozenset({'"', "“", "‘", "'", "(", ":"})


def _title_case_sentences(texts: list[str], sent_ids: list) -> set:
    """Sentences whose words are mostly capitalised (a title-case headline)."""
    longer: dict = {}
    for text, sid in zip(texts, sent_ids):
        if text[:1].isalpha() and len(text) > 3:
            longer.setdefault(sid, []).append(text)
    return {sid for sid, words in longer.items() if mostly_capitalised(words)}


def _name_around(texts: list[str], sent_ids: list, i: int, n: int) -> list[str]:
    """The capitalised run of words around tokens ``i .. i+n`` ("Death Star")."""
    start, end = i, i + n
    while start > 0 and sent_ids[start - 1] == sent_ids[i] and texts[start - 1][:1].isupper():
        start -= 1
    while end < len(texts) and sent_ids[end] == sent_ids[i] and texts[end][:1].isupper():
        end += 1
    return texts[start:end]


@lru_cache(maxsize=1)
def _places_and_bodies() -> tuple[frozenset[str], frozenset[str]]:
    places = {str(w).lower() for w in load_lexicon("places")["name"]} | {str(w).lower() for w in load_lexicon("demonyms")["demonym"]}
    return frozenset(places), frozenset(load_lexicon("topic_institutions")["word"].str.lower())


def _names_the_topic(name: list[str], at: int) -> bool:
    """Whether a capitalised name is about its topic word after all: a law, body or
    place for it ("Terrorism Act", "Serious Fraud Office", "Belmarsh Prison";
    ``lexicons/topic_institutions.csv``), or the event in a place ("Asian Tsunami",
    "Gulf War"), not the title of a film, song or game ("Kill Bill", "Pacific Assault")."""
    places, bodies = _places_and_bodies()
    words = [w.lower() for w in name]
    return any(w in bodies for w in words) or any(w in places for w in words[:at])


def _joined(words: list[str]) -> str:
    return " ".join(words).replace(" - ", "-")


#: A date that points back to one the text gives ("that day", "the same week").
ANAPHORIC_DATE = re.compile(r"^(that|those|the same)\b", re.I)


def article_notes(result, material: dict) -> dict:
    """Notes for the lesson plan, from the analysis and the student material.

    Returns:
        ``published`` (the date found at the top of the page, or None), ``relative_dates``
        (the body's dates that need the publication date: "this week", "on Wednesday"),
        ``topics`` (:func:`sensitive_topics` as records), ``words`` (the material's
        words to look up) and ``story`` (:func:`story_background`).
    """
    published = next((f["text"] for f in material.get("found") or [] if f["what"].lower().startswith("date")), None)
    dates = result.dates
    # Dates placed only by the date of writing; not a point within something the text
    # dates ("the second half", "the first 15 minutes" of a match).
    placed = dates["rule"] != ORDINAL_POINT_RULE
    relative = dates[(dates["kind"] == "relative") & dates["in_body"] & placed]["text"].drop_duplicates().tolist()
    # "that day" points back to a date the text gives; "week of the year" is a ranking.
    relative = [d for d in relative if not ANAPHORIC_DATE.match(d) and not d.lower().endswith("of the year")]
    shown = {s["number"] for p in material["paragraphs"] for s in p["sentences"]}
    topics = sensitive_topics(result.tokens, shown, entities=result.entities)
    return {"published": published, "relative_dates": relative, "topics": topics.to_dict("records"),
            "words": list(material.get("words") or []), "story": story_background(result),
            "first_person": first_person_sentences(result)}  # fmt: skip


#: Words of a writer speaking for themselves.
FIRST_PERSON = lexicon_words("context_words", "first_person")
#: The share of body claims in the first person, outside quotation marks, from which the
#: lesson plan warns that the text may not be one reporter's: a column, readers'
#: comments or a panel of voices whose names it does not give.
FIRST_PERSON_SHARE = 0.25
#: ... and the fewest such sentences.
FIRST_PERSON_FEWEST = 5


def speaks_as_i(texts, pos) -> bool:
    """A sentence's tokens (their texts and parts of speech) hold "I", "we", "my" or "our"
    outside quotation marks: the writer speaking for themselves."""
    inside = False
    for text, tag in zip(texts, pos):
        if text in ('"', "\u201c", "\u201d"):
            inside = text == "\u201c" or (text == '"' and not inside)
        elif not inside and tag == "PRON" and text.lower() in FIRST_PERSON:
            return True
    return False


def first_person_sentences(result) -> dict:
    """The body claims written in the first person outside quotation marks ("I think his
    views are shared by many"): ``sentences`` (their numbers), ``claims`` (how many body
    claims there are) and ``warn`` (at least :data:`FIRST_PERSON_FEWEST` of them and
    :data:`FIRST_PERSON_SHARE` of the claims). News reporters rarely write "I"; a text
    where many sentences do is a column, readers' comments or a panel, and the tool gives
    every such sentence to the writer."""
    claims = result.body_sentences.dropna(subset=["status"])
    tokens = result.tokens[result.tokens["sent_id"].isin(set(claims["sent_id"]))]
    ids = sorted(int(sent_id) for sent_id, rows in tokens.groupby("sent_id", sort=True) if speaks_as_i(rows["text"], rows["pos"]))
    warn = len(ids) >= FIRST_PERSON_FEWEST and len(ids) >= FIRST_PERSON_SHARE * len(claims)
    return {"sentences": ids, "claims": len(claims), "warn": bool(warn)}


#: The most people and bodies the story background names.
STORY_NAMES = 3


def story_background(result) -> dict:
    """What the teacher needs to know of the story before class, from the analysis: its
    ``lead`` (standfirst or first sentence, whole), the people and bodies it ``named``
    most (name and mentions, two or more, at most :data:`STORY_NAMES`), and whom its
    ``claims`` rest on (counts: ``named``, ``writer``, ``nameless``, ``media``, ``total``), with the
    named sources cited most in ``resting`` (name and claims)."""
    summary = result.entity_summary
    named = []
    if not summary.empty:
        people = summary[summary["type"].isin(["PERSON", "ORG"]) & (summary["mentions"] >= 2)]
        people = people.sort_values(["mentions", "first_sent_id"], ascending=[False, True], kind="stable")
        named = [[str(r.canonical), int(r.mentions)] for r in people.head(STORY_NAMES).itertuples()]
    claims = result.body_sentences.dropna(subset=["status"])
    kinds = claims["claim_source_type"]
    identified = kinds.isin(IDENTIFIED_SOURCE_TYPES)
    sources = claims.loc[identified, "claim_source"]
    counts = sources.value_counts()
    # Most cited first; a tie in the order the article cites them (a stable sort).
    resting = [(name, counts[name]) for name in sorted(dict.fromkeys(sources), key=lambda name: -counts[name])]
    return {"lead": story_lead(result), "named": named,
            "claims": {"total": len(claims), "named": int(identified.sum()),
                       "writer": int((kinds == "author").sum()), "nameless": int(kinds.isin(NAMELESS_SOURCE_TYPES).sum()),
                       "media": int((kinds == "media").sum())},
            "resting": [[str(name), int(count)] for name, count in resting[:STORY_NAMES]]}  # fmt: skip
