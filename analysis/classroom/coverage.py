"""A "find better coverage" exercise: two to five articles on one story, compared claim
by claim (``python -m analysis exercise A B [C ...] --compare``).

It has the single-article exercise's form (:mod:`analysis.classroom.build`): a student
folder made from the student material alone, a teacher folder with the key, and
``python -m analysis grade`` marks the saved answers. What differs:

- the articles are lettered A, B, C ... in the order given;
- each card is a pair of claims the comparison matched (:func:`coverage_cards`), and a
  student answers three things: which outlet puts it more surely (``surer``), the
  words that show it (``evidence``) and which version they would rather cite
  (``cite``); the key gives the answer from the claims' statuses and source types
  (``vocabulary.STATUS_FIRMNESS`` and ``vocabulary.SOURCE_CHECKABILITY``);
- the open tasks follow SIFT across the articles (:func:`coverage_tasks`): the
  headlines, who published each, whether they tell one story, sources and claims only
  one outlet has, the figures, and which coverage a student would share.

The teacher folder also holds the comparison page (``compare.html``) and a notebook
that runs the comparison on copies of the articles (``compare.ipynb``).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import nbformat
import pandas as pd

from analysis import config
from analysis.comparing.claims import MIN_FIGURE
from analysis.comparing.differences import RULES as PAIR_RULES
from analysis.comparing.story import story_band
from analysis.errors import InputError
from analysis.classroom.exercises import deciding_cues, source_as_written
from analysis.presenting.narrate import inert_markdown, page_identity
from analysis.presenting.export import output_folder, print_progress, publish, staged_output
from analysis.reading.ingest import inert_copy_name
from analysis.vocabulary import IDENTIFIED_SOURCE_TYPES, NOBODY_NAMED, SOURCE_CHECKABILITY, STATUS_FIRMNESS

__all__ = [
    "COVERAGE_FIELDS",
    "COVERAGE_NOTEBOOK",
    "SAME",
    "EITHER",
    "NEITHER",
    "DIFFERENT",
    "read_coverage_teacher_key",
    "coverage_cards",
    "coverage_key",
    "coverage_tasks",
    "coverage_material",
    "coverage_notebook",
    "build_coverage_exercise",
    "parse_drop_cards",
    "word_for_word",
]

#: What a student answers on each card.
COVERAGE_FIELDS = ("surer", "evidence", "cite")
#: The answers for "both put it as surely", "either is as good to cite" and "cite
#: neither: find where it comes from first".
SAME, EITHER, NEITHER = "same", "either", "neither"
#: The answer for "these two sentences do not tell the same claim": offered on every
#: card, right when the teacher's key says so (``--teacher-key``); the card's other
#: fields are then not marked.
DIFFERENT = "different"
#: The columns a teacher's key for a comparison may have (blank cells keep the tool's answer).
COVERAGE_KEY_COLUMNS = ("card", "surer", "cite")
#: The teacher's notebook: the comparison notebook, run on copies of the articles.
COVERAGE_NOTEBOOK = config.NOTEBOOKS_DIR / "05_compare_coverage.ipynb"
#: Differences on a matched pair that make it worth a card, in the order they teach: the
#: comparison's rules on a pair of claims.
CARD_DIFFERENCES = tuple(PAIR_RULES)
LETTERS = "ABCDE"


def _letters(comparison) -> dict[str, str]:
    return {name: LETTERS[i] for i, name in enumerate(comparison.articles["article"])}


def _teachable_sentence(result, sent_id: int) -> bool:
    """Whether a sentence could be a claim card of its own article (the single exercise's
    :data:`~analysis.classroom.exercises.CARD_RULES`), but for ``source_is_known``: a
    quotation whose speaker the article does not name is worth setting beside an outlet
    that names them."""
    from analysis.classroom.exercises import CARD_RULES

    rows = result.sentences[result.sentences["sent_id"] == sent_id]
    if rows.empty or pd.isna(rows.iloc[0]["status"]):
        return False
    tokens = result.tokens[result.tokens["sent_id"] == sent_id]
    sentence = rows.iloc[0].to_dict()
    return all(rule(sentence, tokens) for name, rule in CARD_RULES.items() if name != "source_is_known")


def coverage_cards(comparison, analyses: dict, *, n: int = 6) -> pd.DataFrame:
    """Matched claim pairs for the cards, chosen to teach.

    Rule: only pairs whose two sentences could each be a single-article card, and that
    the comparison matched (at or above the matcher's threshold, ``comparing.align``: a
    weaker pair is no match, and never a card). Pairs where the outlets differ (:data:`CARD_DIFFERENCES`, in that order) come first, then
    pairs told alike; within each, the surest match first (highest ``score``), then
    reading order. No sentence is on two cards. When there is room, one card shows a
    pair both outlets put the same way, so "same" is sometimes the answer. Cards are
    numbered by article letter and sentence, so their order says nothing about their
    answers.

    Returns:
        Columns card, article, sent_id, other, other_sent_id, score, differences (the
        kinds the pair shows, in :data:`CARD_DIFFERENCES` order).
    """
    from analysis.comparing.page import side_by_side

    columns = ["card", "article", "sent_id", "other", "other_sent_id", "score", "differences"]
    pairs = side_by_side(comparison)
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    letters = _letters(comparison)
    matched = _matched_claims(comparison)
    found: dict[frozenset, list[str]] = {}
    for d in comparison.differences.dropna(subset=["other_sent_id"]).itertuples():
        if d.difference in CARD_DIFFERENCES:
            found.setdefault(frozenset({(d.article, int(d.sent_id)), (d.other, int(d.other_sent_id))}), []).append(d.difference)
    telling = _pairs_telling_one_event(comparison, clearly_one_story=_clearly_one_story(comparison))
    # The same sentence in both, told alike, asks nothing of a student: the "same story"
    # task points such copies out instead.
    copied = {frozenset({(a, sid_a), (b, sid_b)}) for a, sid_a, b, sid_b in word_for_word(analyses)}
    rows = []
    for p in pairs.itertuples():
        a, b = (p.article, int(p.sent_id)), (p.other, int(p.other_sent_id))
        if letters[a[0]] > letters[b[0]]:
            a, b = b, a
        if frozenset({a, b}) not in telling:
            continue
        if not (_teachable_sentence(analyses[a[0]], a[1]) and _teachable_sentence(analyses[b[0]], b[1])):
            continue
        kinds = sorted(set(found.get(frozenset({a, b}), [])), key=CARD_DIFFERENCES.index)
        # A pair told with different certainty or sources teaches even when no
        # difference rule names it (reported against hedged).
        claims = matched.get((a, b), {})
        told_apart = (_claim_firmness(claims[a]) != _claim_firmness(claims[b]) if claims
                      else _firmness(analyses[a[0]], a[1]) != _firmness(analyses[b[0]], b[1]))  # fmt: skip
        rank = CARD_DIFFERENCES.index(kinds[0]) if kinds else len(CARD_DIFFERENCES) if told_apart else len(CARD_DIFFERENCES) + 1
        if rank == len(CARD_DIFFERENCES) + 1 and frozenset({a, b}) in copied:
            continue
        if _figures_disagree(analyses[a[0]], a[1], analyses[b[0]], b[1]):
            continue
        rows.append({"article": a[0], "sent_id": a[1], "other": b[0], "other_sent_id": b[1], "score": float(p.score),
                     "differences": kinds, "rank": rank, "letter": letters[a[0]]})  # fmt: skip
    pool = pd.DataFrame(rows)
    if pool.empty:
        return pd.DataFrame(columns=columns)
    chosen = _choose_cards(pool, n=n)
    cards = pd.DataFrame(chosen).sort_values(["letter", "sent_id", "other", "other_sent_id"], kind="stable")
    cards.insert(0, "card", range(1, len(cards) + 1))
    return cards[columns].reset_index(drop=True)


def _choose_cards(pool: pd.DataFrame, *, n: int) -> list[dict]:
    """Up to ``n`` of the candidate pairs, no sentence twice: pairs the outlets tell
    differently first (lowest ``rank``, then highest ``score``, then reading order),
    keeping room for one pair told alike when there is one."""
    pool = pool.sort_values(["rank", "score", "letter", "sent_id", "other_sent_id"], ascending=[True, False, True, True, True],
                            kind="stable")  # fmt: skip
    used: set[tuple[str, int]] = set()
    chosen: list[dict] = []

    def take(row: dict) -> None:
        chosen.append(row)
        used.update({(row["article"], row["sent_id"]), (row["other"], row["other_sent_id"])})

    def free(row: dict) -> bool:
        return (row["article"], row["sent_id"]) not in used and (row["other"], row["other_sent_id"]) not in used

    alike_rank = len(CARD_DIFFERENCES) + 1
    records = pool.to_dict("records")  # every matched pair is at or above the matcher's threshold: weaker pairs are no match
    differing = [r for r in records if r["rank"] < alike_rank]
    alike = [r for r in records if r["rank"] == alike_rank]
    for row in differing:
        if len(chosen) < (n - 1 if alike else n) and free(row):
            take(row)
    for row in alike[:1] + differing + alike[1:]:
        if len(chosen) < n and free(row) and row not in chosen:
            take(row)
    return chosen


#: How close in wording two sentences must be to make a card without a verb in common:
#: one quotation given by both outlets ("No, I meant he's the founder of ISIS").
SAME_WORDS_AT = 0.8
#: ... and at least this many content words in common: two scraps of reported words are
#: close by their few words alone ("there is no one in the race" / "the race to Clinton").
SAME_WORDS_AT_LEAST = 3


def _clearly_one_story(comparison) -> frozenset[frozenset]:
    """The pairs of articles whose bodies are clearly one story (:func:`~analysis.comparing.story.story_band` ``same``)."""
    similarity = getattr(comparison, "similarity", None)
    if similarity is None:
        return frozenset()
    return frozenset(frozenset({r.article, r.other}) for r in similarity.itertuples() if story_band(r.similarity) == "same")


def _pairs_telling_one_event(comparison, *, clearly_one_story: frozenset | None = None) -> set[frozenset]:
    """The matched sentence pairs a card can rest on: their claims tell one event about
    one thing (``event_in_common``: a verb of each with a doer, object or place in
    common, or the same figure) and name one actor or figure in common (in the claims,
    or in the sentences that hold them when a claim says "he"), or the two give nearly
    the same words (:data:`SAME_WORDS_AT`, :data:`SAME_WORDS_AT_LEAST`).

    Not a pair that shares only words about a kind of thing: "Sanders needs 836
    delegates to clinch the nomination" and "Clinton is 71 delegates short of the number
    needed to clinch the nomination", or "The two states hold primaries on March 1" and
    "... by March 1, when 12 states hold primaries", are claims about different people
    or places. Not a pair whose only shared event is the saying ("Hewitt
    suggested ..." / "After Hewitt suggested ..., Trump contradicted him"): both writers
    state who said it, and how sure each is of what was said rests on other parts of
    the sentences. Two claims on one topic that share a name ("she won the primaries
    over Sanders" / "Sanders skipped the meeting") are no card: a teacher's blind review
    found such cards wrong. With ``clearly_one_story`` (the pairs of articles that are
    clearly one story), articles outside it make cards only of nearly the same words."""
    from analysis.comparing.align import same_name, shared_event_verbs
    from analysis.rules.attribution import accusing_cues, reporting_cues

    # "Democrats accused Trump of ..." / "Some accused Trump of ...": one accusation
    # told twice is an event in common, not only the saying.
    saying = reporting_cues() - accusing_cues()
    names = _sentence_names(comparison)
    found: set[frozenset] = set()
    for m in comparison.alignment[comparison.alignment["matched"]].itertuples():
        a, b = (m.article, int(m.sent_id)), (m.other, int(m.other_sent_id))
        verbs = shared_event_verbs(m.shared_events)
        one_event = bool(m.event_in_common) and not (verbs and verbs <= saying)
        about_one = bool(len(m.shared_names)) or bool(m.shared_number) or same_name(names.get(a, frozenset()), names.get(b, frozenset()))
        same_words = float(m.text_similarity) >= SAME_WORDS_AT and len(m.shared_lemmas) >= SAME_WORDS_AT_LEAST
        # Articles that may be two stories about the same people tell events alike that
        # are not one ("Cruz won Idaho" / "if Rubio wins Florida"): only the same words
        # make a card there.
        one_story = clearly_one_story is None or frozenset({m.article, m.other}) in clearly_one_story
        if (one_event and about_one and one_story) or same_words:
            found.add(frozenset({a, b}))
    return found


#: A sentence shorter than this many words is no sign of copying when another article
#: has it too ("Clinton won.").
COPY_MIN_WORDS = 8


def word_for_word(analyses: dict) -> list[tuple[str, int, str, int]]:
    """Body sentences two articles give word for word (case and punctuation aside, at
    least :data:`COPY_MIN_WORDS` words, not mostly a direct quotation): one outlet may
    have copied the other, or both ran a news agency's copy. ``(article, sent_id, other, other_sent_id)`` in the
    articles' order, then reading order."""
    names = list(analyses)
    seen: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    for name in names:
        quotes = analyses[name].quotes
        quotes = quotes[quotes["kind"] == "direct"]
        for s in analyses[name].body_sentences.itertuples():
            quoted = sum(max(0, min(int(q.end), int(s.end)) - max(int(q.start), int(s.start))) for q in quotes.itertuples())
            if quoted * 2 >= int(s.end) - int(s.start):
                continue  # two outlets quoting one speaker's words: the speaker's, not a copy
            words = tuple(re.findall(r"\w+", str(s.text).lower()))
            if len(words) >= COPY_MIN_WORDS:
                seen.setdefault(words, []).append((name, int(s.sent_id)))
    found = []
    for places in seen.values():
        for i, (a, sid_a) in enumerate(places):
            found += [(a, sid_a, b, sid_b) for b, sid_b in places[i + 1:] if b != a]
    return sorted(found, key=lambda f: (names.index(f[0]), f[1], names.index(f[2]), f[3]))


def _figures_disagree(result_a, sent_a: int, result_b, sent_b: int) -> bool:
    """The two sentences give figures of one kind (percent, delegates, dollars) and share
    none: "Trump won out with 22 percent" against "Trump and Carson beating Clinton 45 to
    40 percent" are two polls or two questions, not one claim told more or less surely.
    (Where one count differs, the "Figures" task asks about it.)"""

    def by_kind(result, sent_id: int) -> dict[str, set[float]]:
        found: dict[str, set[float]] = {}
        for n in result.numbers[result.numbers["sent_id"] == sent_id].itertuples():
            kind = n.unit if isinstance(n.unit, str) and n.unit else n.counted if isinstance(n.counted, str) and n.counted else None
            if kind is not None:
                found.setdefault(str(kind).lower(), set()).add(float(n.value))
        return found

    a, b = by_kind(result_a, sent_a), by_kind(result_b, sent_b)
    return any(not (a[kind] & b[kind]) for kind in a.keys() & b.keys())


def _sentence_names(comparison) -> dict[tuple[str, int], frozenset]:
    """The names (canonical) each compared sentence gives, by (article, sent_id): a claim
    that speaks of its actor as "he" ("Sanders said he questioned her judgment") still has
    the sentence's names."""
    units = getattr(comparison, "units", None)
    if units is None or units.empty:
        return {}
    whole = units[units["kind"] == "sentence"]
    return {(str(u.article), int(u.sent_id)): frozenset(u.entities) for u in whole.itertuples()}


def _matched_claims(comparison) -> dict[tuple, dict[tuple[str, int], dict]]:
    """The claims the comparison matched inside each pair of sentences, each with its own
    text, status and source (``comparing.units``): ``{((article, sent_id), (other,
    other_sent_id)): {(article, sent_id): {...}, (other, other_sent_id): {...}}}``, read
    once from the alignment (its best match first, as the alignment sorts them)."""
    found: dict[tuple, dict] = {}
    for m in comparison.alignment[comparison.alignment["matched"]].itertuples():
        a, b = (m.article, int(m.sent_id)), (m.other, int(m.other_sent_id))
        found.setdefault((a, b), {
            a: {"claim": m.claim, "status": m.status, "source": m.source, "source_type": m.source_type},
            b: {"claim": m.other_claim, "status": m.other_status, "source": m.other_source, "source_type": m.other_source_type},
        })  # fmt: skip
    return found


def _claim_firmness(claim: dict) -> tuple[int, int]:
    return STATUS_FIRMNESS[str(claim["status"])], SOURCE_CHECKABILITY.get(str(claim["source_type"]), 0)


def _firmness(result, sent_id: int) -> tuple[int, int]:
    row = result.sentences.set_index("sent_id").loc[sent_id]
    return STATUS_FIRMNESS[str(row["status"])], SOURCE_CHECKABILITY[str(row["claim_source_type"])]


# --- The key -----------------------------------------------------------------------------

#: Words that open a source phrase with a capital only because they open the sentence
#: ("Just 28 percent of voters", "The council", "Many analysts").
_LOWER_OPENERS = frozenset({"A", "An", "The", "Just", "Only", "Some", "Many", "Most", "All", "Several", "Nearly", "Almost",
                            "About", "More", "Both", "Few", "Half"})  # fmt: skip


def _source_words(source, source_type: str, *, written: str | None = None) -> str:
    """A source as a sentence names it: "the city council", "someone it does not name";
    with ``written`` (the words the article gives it), those words, and the source they
    stand for when they do not name it ("just 28 percent of voters in the latest New York
    Times/CBS News poll", "the paper (the Observer)")."""
    if source_type == "author" or not isinstance(source, str) or not source:
        return "nobody: the writer alone"
    if source.lower() == NOBODY_NAMED:
        return "someone it does not name"

    def lowered(words: str) -> str:
        first, space, rest = words.partition(" ")
        return f"{first.lower()}{space}{rest}" if first in _LOWER_OPENERS and (rest or first not in {"A", "An", "The"}) else words

    if written and written != source:
        from analysis.comparing.claims import surname

        if surname(source).lower() not in written.lower():
            # "just 28 percent of voters in the latest poll"; "the paper (the Observer)"
            joined = " in {}" if source_type == "document" else " ({})"
            return lowered(written) + joined.format(lowered(source))
        return lowered(written)
    return lowered(source)


def _side(result, letter: str, name: str, sent_id: int, claim: dict | None = None) -> dict:
    """One outlet's version of a card's claim: its sentence, status, source and the
    words that decide how sure it is (the single exercise's deciding words). With
    ``claim`` (the claim the comparison matched inside the sentence, from :func:`_matched_claims`),
    the status and source are that claim's own: "The bridge was closed on Tuesday, and it
    could stay shut for a month" states the closure although the sentence is hedged."""
    row = result.sentences.set_index("sent_id").loc[sent_id]
    status, source_type = str(row["status"]), str(row["claim_source_type"])
    source = row["claim_source"] if source_type != "author" else None
    read_as = status
    if claim is not None and (claim["status"] != status or claim["source_type"] != source_type):
        status, source_type = str(claim["status"]), str(claim["source_type"])
        source = claim["source"] if source_type != "author" and claim["source"] != NOBODY_NAMED else None
        read_as = status
    told = _told_by(result, sent_id) if source_type == "author" and claim is None else None
    kind, cues = deciding_cues(result, sent_id, status, source)
    if told is not None:
        # "Tracy Martin issued a statement, saying ...": the writer states the event, but
        # what the other outlet matches may be what the source says, so the card takes
        # the sentence as told by that source (and keeps a hedge or an open question the
        # sentence has).
        source, source_type = told["canonical_source"], told["source_type"]
        if status == "asserted":
            status, kind = "reported", "the reporting verb"
            cues = [{"text": told["cue"], "lemma": told["cue_lemma"] or told["cue"]}]
    source = None if source is None or pd.isna(source) else str(source)
    nearby_cue = _nearby_cue(result, sent_id, source) if status in ("reported", "confirmed") and not cues else None
    matched = claim["claim"] if claim is not None and " ".join(str(claim["claim"]).split()) != " ".join(str(row["text"]).split()) else None
    return {"letter": letter, "article": name, "sent_id": int(sent_id), "text": str(row["text"]), "claim": matched, "status": status,
            "read_as": read_as, "source": source, "written": source_as_written(result, [sent_id], source) if source else None,
            "source_type": source_type, "cue_kind": kind, "cues": [c["text"] for c in cues],
            "cue_lemmas": [c["lemma"] for c in cues], "nearby_cue": nearby_cue}  # fmt: skip


def _nearby_cue(result, sent_id: int, source: str | None) -> str | None:
    """The reporting words, in a sentence next to this one, of the quotation this sentence
    carries on ('she continued'), or None."""
    if not source:
        return None
    attributions = result.attributions[result.attributions["canonical_source"] == source]
    for other in (sent_id + 1, sent_id - 1, sent_id + 2, sent_id - 2):  # the nearest first, after before before
        cues = [str(c) for c in attributions.loc[attributions["sent_id"] == other, "cue"] if isinstance(c, str) and c]
        if cues:
            return cues[0]
    return None


def _as_told_by_one_speaker(result_a, a: dict, result_b, b: dict) -> tuple[dict, dict]:
    """Both sides of a card read as told by one speaker, when each matched claim holds an
    attribution to the same named source (by its last word) with its reporting verb: "Hewitt
    suggested Trump hadn't meant it literally, but ..." / "After Hewitt suggested that
    Trump simply meant ..., Trump contradicted him" both report Hewitt's suggestion,
    although the second sentence's own claim is the writer's. Otherwise the sides as
    they are."""
    from analysis.comparing.claims import surname
    from analysis.comparing.units import STANCE_STATUS

    def speakers(result, side: dict) -> dict[str, dict]:
        text = " ".join(str(side["claim"] or side["text"]).split())
        rows = result.attributions[(result.attributions["sent_id"] == side["sent_id"]) & result.attributions["canonical_source"].notna()]
        found = {}
        for row in rows.sort_values("cue_start", kind="stable").to_dict("records"):
            name = str(row["canonical_source"])
            if name.lower() != NOBODY_NAMED and row["source_type"] in IDENTIFIED_SOURCE_TYPES and str(row["cue"]) in text:
                found.setdefault(surname(name), row)
        return found

    in_a, in_b = speakers(result_a, a), speakers(result_b, b)
    shared = sorted(set(in_a) & set(in_b))
    if not shared:
        return a, b
    sides = []
    for side, row in ((a, in_a[shared[0]]), (b, in_b[shared[0]])):
        status = STANCE_STATUS.get(str(row["cue_stance"]), "reported")
        sides.append({**side, "status": status, "read_as": status, "source": str(row["canonical_source"]),
                      "written": str(row["source"]), "source_type": str(row["source_type"]), "cue_kind": "the reporting verb",
                      "cues": [str(row["cue"])], "cue_lemmas": [str(row["cue_lemma"] or row["cue"])]})  # fmt: skip
    return sides[0], sides[1]


def _told_by(result, sent_id: int) -> dict | None:
    """The source a sentence the writer states still names in a participle ("...,
    saying that ...", "..., telling Fox 35 that ..."), or None: a relation inside a
    relative clause ("Zimmerman, who alleged that ...") is not what the sentence tells."""
    rows = result.attributions[(result.attributions["sent_id"] == sent_id) & result.attributions["canonical_source"].notna()
                               & (result.attributions["pattern"] == "participle")]
    rows = rows[rows["canonical_source"].astype(str).str.lower() != NOBODY_NAMED]
    if rows.empty:
        return None
    return rows.sort_values("cue_start", kind="stable").iloc[0].to_dict()


def _how_put(side: dict) -> str:
    """How one outlet puts the claim, in a student's words."""
    words = " and ".join(f"“{w}”" for w in side["cues"][:2])
    with_words = f" ({words})" if words else ""
    who = _source_words(side["source"], side["source_type"], written=side["written"])
    status = side["status"]
    if status == "asserted":
        return f"Article {side['letter']} states it as fact{with_words}" + (", giving no source" if side["source_type"] == "author" else f", from {who}")
    if status == "confirmed":
        return f"Article {side['letter']} has {who} confirm it{with_words}"
    if status == "reported":
        return f"Article {side['letter']} tells it as coming from {who}{with_words}"
    if status == "hedged":
        return f"Article {side['letter']} softens it{with_words}"
    return f"Article {side['letter']} leaves it open{with_words}"


def _same_doubt_quoted(a: dict, b: dict) -> bool:
    """Both outlets give one named source's words, and the words that make one side less
    sure are in the other side's sentence too ('... maybe there is, I don't know," Trump
    said' / '"... maybe there is, I don't know."'): the doubt is the speaker's, in both."""
    from analysis.comparing.claims import surname

    if not (a["source"] and b["source"]) or surname(str(a["source"])) != surname(str(b["source"])):
        return False
    if a["source_type"] not in IDENTIFIED_SOURCE_TYPES:
        return False
    weaker, firmer = (a, b) if STATUS_FIRMNESS[a["status"]] < STATUS_FIRMNESS[b["status"]] else (b, a)

    def plain(text: str) -> str:
        return " ".join(re.findall(r"\w+", text.lower().replace("\u2019", "'").replace("'", "")))

    return bool(weaker["cues"]) and all(plain(cue) in plain(firmer["text"]) for cue in weaker["cues"])


def _surer(a: dict, b: dict) -> tuple[dict, str]:
    firm_a, firm_b = STATUS_FIRMNESS[a["status"]], STATUS_FIRMNESS[b["status"]]
    told = f"{_how_put(a)}; {_how_put(b).replace('Article', 'article', 1)}."
    if firm_a != firm_b and _same_doubt_quoted(a, b):
        weaker = a if firm_a < firm_b else b
        words = " and ".join(f"“{w}”" for w in weaker["cues"][:2])
        who = _source_words(a["source"], a["source_type"], written=a["written"])
        return ({"best": SAME, "accepted": {}, "choices": [a["letter"], b["letter"], SAME, DIFFERENT]},
                f"Both tell it as {who}'s words, and both keep {words}: the doubt is the speaker's own, in both. "
                "Both put it as surely.")  # fmt: skip
    if firm_a == firm_b:
        accepted = {}
        for side, other in ((a, b), (b, a)):
            if side["status"] == "confirmed" and other["status"] == "asserted":
                accepted[side["letter"]] = "a named source confirming it is firmer ground than the writer's word"
        return {"best": SAME, "accepted": accepted, "choices": [a["letter"], b["letter"], SAME, DIFFERENT]}, f"{told} Both put it as surely."
    surer, weaker = (a, b) if firm_a > firm_b else (b, a)
    return ({"best": surer["letter"], "accepted": {}, "choices": [a["letter"], b["letter"], SAME, DIFFERENT]},
            f"{told} So article {surer['letter']} puts it more surely than article {weaker['letter']}.")  # fmt: skip


def _cite(a: dict, b: dict) -> tuple[dict, str]:
    check_a, check_b = SOURCE_CHECKABILITY[a["source_type"]], SOURCE_CHECKABILITY[b["source_type"]]
    choices = [a["letter"], b["letter"], EITHER, NEITHER]
    where = {s["letter"]: _source_words(s["source"], s["source_type"], written=s["written"]) for s in (a, b)}
    if check_a == check_b:
        if check_a == 0:
            # Both rest it on the writer's word: the sourced answer is to find where it
            # comes from before citing either; either outlet is a fair second best.
            return ({"best": NEITHER, "accepted": {EITHER: "both state it as news; either will do once you have checked it elsewhere"},
                     "choices": choices},
                    "Neither, until you check it: neither article gives a source for it, so find where it comes from "
                    "(a record, the people involved) before you cite either.")  # fmt: skip
        if check_a == 1:
            same_kind = "neither names a source a reader can check"
            reason = f"{same_kind} (article {a['letter']}: {where[a['letter']]}; article {b['letter']}: {where[b['letter']]})"
        else:
            same_kind = "both name whom it rests on"
            reason = f"{same_kind} (article {a['letter']}: {where[a['letter']]}; article {b['letter']}: {where[b['letter']]})"
        accepted = {s["letter"]: f"{same_kind}: either will do if you say whom it rests on" for s in (a, b)}
        if check_a == 1:
            accepted[NEITHER] = "neither names a source a reader can check, so looking for one first is fair"
        return {"best": EITHER, "accepted": accepted, "choices": choices}, f"Either: {reason}."
    better, worse = (a, b) if check_a > check_b else (b, a)
    first = (f"Article {better['letter']} tells you whom it rests on ({where[better['letter']]}), so a reader can check it"
             if max(check_a, check_b) == 2 else
             f"Article {better['letter']} at least says where it comes from ({where[better['letter']]}), though not by name")  # fmt: skip
    return {"best": better["letter"], "accepted": {}, "choices": choices}, f"{first}; article {worse['letter']} rests it on {where[worse['letter']]}."


def _evidence(a: dict, b: dict) -> tuple[dict | None, str]:
    words = list(dict.fromkeys(a["cues"] + b["cues"]))
    if not words:
        nearby = [f"article {s['letter']}: “{s['nearby_cue']}”" for s in (a, b) if s.get("nearby_cue")]
        if nearby:
            # '"Maybe I can ...," she continued.' then a second sentence of the quotation:
            # its reporting words are in the sentence next to it, not on the card.
            return None, ("Neither sentence has its reporting words in it: they carry on a quotation whose reporting "
                          f"words are in a sentence next to it ({'; '.join(nearby)}). Not marked.")  # fmt: skip
        return None, "Neither sentence has a word that decides how sure it is: both state it plainly."
    forms = sorted({w.lower() for w in words} | {w.lower() for w in a["cue_lemmas"] + b["cue_lemmas"]})
    shown = "; ".join(f"“{w}” ({s['letter']})" for s in (a, b) for w in s["cues"])
    return {"words": words, "forms": forms, "kind": "the reporting verbs, hedges or sure words"}, f"Look for {shown}."


def coverage_key(comparison, analyses: dict, cards: pd.DataFrame) -> list[dict]:
    """The key's cards: for each pair both sides (sentence, status, source, deciding
    words), the answers with what else is accepted, one plain sentence per field, and
    the comparison's evidence for the match (for the teacher)."""
    letters = _letters(comparison)
    alignment = comparison.alignment
    matched = _matched_claims(comparison)
    out = []
    for card in cards.to_dict("records"):
        ends = (card["article"], int(card["sent_id"])), (card["other"], int(card["other_sent_id"]))
        claims = matched.get(ends, {})
        a = _side(analyses[card["article"]], letters[card["article"]], card["article"], int(card["sent_id"]), claims.get(ends[0]))
        b = _side(analyses[card["other"]], letters[card["other"]], card["other"], int(card["other_sent_id"]), claims.get(ends[1]))
        a, b = _as_told_by_one_speaker(analyses[card["article"]], a, analyses[card["other"]], b)
        surer, why_surer = _surer(a, b)
        cite, why_cite = _cite(a, b)
        evidence, why_evidence = _evidence(a, b)
        match = alignment[(alignment["article"] == card["article"]) & (alignment["sent_id"] == card["sent_id"])
                          & (alignment["other"] == card["other"]) & (alignment["other_sent_id"] == card["other_sent_id"])]  # fmt: skip
        names, words, figure = [], [], ""
        if len(match):
            m = match.iloc[0]
            names, figure = [str(n) for n in m["shared_names"]], str(m["shared_number"] or "")
            in_names = {w.lower() for n in names for w in n.split()}
            words = [str(w) for w in m["shared_lemmas"] if str(w) not in in_names]
        out.append({
            "card": int(card["card"]), "fields": list(COVERAGE_FIELDS), "sides": [a, b],
            "sent_id": None, "where": f"{a['letter']} sentence {a['sent_id']}, {b['letter']} sentence {b['sent_id']}",
            "text": f"{a['letter']}: {a['text']} / {b['letter']}: {b['text']}", "context": "", "context_sent_id": None,
            "answers": {"surer": surer, "evidence": evidence, "cite": cite},
            "explain": {"surer": why_surer, "evidence": why_evidence, "cite": why_cite},
            "by": dict.fromkeys(COVERAGE_FIELDS, "tool"), "tool": {},
            "differences": list(card["differences"]),
            "notes": _pair_details(comparison, (card["article"], int(card["sent_id"])), (card["other"], int(card["other_sent_id"])),
                                   told_alike=STATUS_FIRMNESS[a["status"]] == STATUS_FIRMNESS[b["status"]]),
            "trace": _match_trace(card["score"], names, words, figure, (a, _rule(analyses[card["article"]], a["sent_id"])),
                                  (b, _rule(analyses[card["other"]], b["sent_id"]))),
        })  # fmt: skip
    return out


def _match_trace(score: float, names: list[str], words: list[str], figure: str, *sides: tuple[dict, str]) -> str:
    """Why the tool paired a card's sentences and how it read each, in plain words first
    ("Both name Ben Carson; both use the words ..."), then the match's strength and each
    side's status rule."""
    from analysis.comparing.align import matcher

    said = []
    if names:
        said.append(f"both name {', '.join(names)}")
    if figure:
        said.append(f"both give the figure {figure.split(' / ')[0]}")
    if words:
        said.append(f"both use the words {', '.join(f'“{w}”' for w in words)}")
    why = "; ".join(said) or "their words are close"
    read = "; ".join(f"article {side['letter']}: {side['status']} ({rule})" for side, rule in sides)
    return (f"Paired because {why}. Match strength {score:.2f} of 1 (the tool pairs nothing below "
            f"{matcher()['threshold']:.2f}). How each was read: {read}.")


#: Differences in how sure outlets are: left out of a card's notes when the card takes
#: both sentences as told alike (a participle's source counted).
CERTAINTY_DIFFERENCES = frozenset({"fact_vs_attributed", "surer_vs_hedged"})


def _pair_details(comparison, a: tuple[str, int], b: tuple[str, int], *, told_alike: bool = False) -> list[str]:
    """What the comparison says differs on one matched pair, in plain words."""
    from analysis.vocabulary import COVERAGE_DIFFERENCE

    rows = comparison.differences.dropna(subset=["other_sent_id"])
    letters = _letters(comparison)
    notes = []
    for d in rows.itertuples():
        if {(d.article, int(d.sent_id)), (d.other, int(d.other_sent_id))} == {a, b} and not (
                told_alike and d.difference in CERTAINTY_DIFFERENCES):
            detail = _with_letters(d.detail.split(" \u201c")[0], letters)  # the sentences themselves are on the card
            notes.append(f"{COVERAGE_DIFFERENCE.describe(d.difference)} {detail}")
    return notes


def _rule(result, sent_id: int) -> str:
    reason = result.sentences.set_index("sent_id").at[sent_id, "status_reason"]
    return str(reason) if isinstance(reason, str) else "-"


# --- The open tasks ----------------------------------------------------------------------

def _details(comparison, kinds: tuple[str, ...], *, limit: int = 6) -> list[str]:
    rows = comparison.differences[comparison.differences["difference"].isin(kinds)]
    return [str(d) for d in rows["detail"].head(limit)]


def _lettered(comparison, kinds: tuple[str, ...], letters: dict[str, str], *, limit: int = 6) -> list[str]:
    """The comparison's details of some kinds, with article letters for file names."""
    return [_with_letters(detail, letters) for detail in _details(comparison, kinds, limit=limit)]


def _with_letters(text: str, letters: dict[str, str]) -> str:
    """A comparison's text with each article's file name written as its letter
    ("article B"), the longest names first (one name can hold another)."""
    for name in sorted(letters, key=len, reverse=True):
        text = text.replace(name, f"article {letters[name]}")
    return text


def _figures_given(analyses: dict, letters: dict[str, str]) -> list[str]:
    """Each article's figures (10 or more, with what they count), for a teacher to set
    side by side when the tool matched no two claims with different figures."""
    lines = ["The tool matched no two claims that give different figures; compare the figures each gives:"]
    for name, result in analyses.items():
        numbers = result.numbers[result.numbers["in_body"] & (result.numbers["value"] >= MIN_FIGURE)]
        shown = [f"{n.text} {n.counted}" if isinstance(n.counted, str) and n.counted else str(n.text)
                 for n in numbers.itertuples()]  # fmt: skip
        lines.append(f"{letters[name]}: {', '.join(dict.fromkeys(shown[:12])) or 'no figures of 10 or more'}"
                     f" (sentences {', '.join(dict.fromkeys(str(int(n)) for n in numbers['sent_id'].head(12)))})." if shown else
                     f"{letters[name]}: no figures of 10 or more.")  # fmt: skip
    return lines


def _named_sources_only_here(comparison, letters: dict[str, str], *, limit: int = 8) -> list[str]:
    """Named people and bodies only one article cites, with the sentence that cites them."""
    rows = comparison.differences[comparison.differences["difference"] == "source_only_here"]
    out = []
    for d in rows.itertuples():
        source = str(d.detail).removeprefix(f"Only {d.article} cites ").rstrip(".")
        where = f", sentence {int(d.sent_id)}" if pd.notna(d.sent_id) else ""
        out.append(f"Only article {letters[d.article]} cites {source}{where}.")
    return out[:limit]


def _claims_only_here(comparison, analyses: dict, letters: dict[str, str], *, per_article: int = 2) -> list[str]:
    """Claims with a name or figure no other article matches, a few from each article,
    whole sentences only (no caption or photo credit)."""
    rows = comparison.differences[comparison.differences["difference"] == "claim_only_here"]
    out = []
    for name, result in analyses.items():
        texts = result.sentences.set_index("sent_id")["text"]
        own = [int(d.sent_id) for d in rows[rows["article"] == name].itertuples() if _teachable_sentence(result, int(d.sent_id))]
        for sent_id in own[:per_article]:
            text = " ".join(str(texts[sent_id]).split()).strip("\"\u201c\u201d")
            short = text if len(text) <= 140 else text[:137].rsplit(" ", 1)[0] + "..."
            out.append(f"Article {letters[name]}, sentence {sent_id}: \u201c{short}\u201d")
    return out


def _headlines_told(analyses: dict, letters: dict[str, str]) -> list[str]:
    """Each headline with how firmly it puts its claim ("states its claim flatly")."""
    from analysis.comparing.claims import headline_rows

    put = {3: "states its claim flatly", 2: "says who claims it", 1: "softens its claim or asks it"}  # by firmness
    lines = []
    for name, r in analyses.items():
        heads = headline_rows(r, name)
        how = f" ({put[STATUS_FIRMNESS[heads.iloc[0]['status']]]})" if len(heads) else ""
        lines.append(f"{letters[name]}: “{r.headline or 'no headline'}”{how}")
    return lines


#: How much two articles share, by :func:`~analysis.comparing.story.story_band`, in a
#: student's words.
_SHARED_WORDS = {
    "same": "share many words, as reports of one story do",
    "maybe": "share some words: they may tell one story, or two stories about the same people, so check the events and dates",
    "different": "share fewer words than most reports of one story, so decide from the names, dates and figures they share",
}


def _same_story_lines(comparison, analyses: dict, letters: dict[str, str]) -> list[str]:
    """The "same story?" task's model answer: how alike each pair of articles is, what
    they both mention, and the sentences two of them give word for word."""
    lines = []
    for r in comparison.similarity.itertuples():
        shared = comparison.shared[(comparison.shared["article"] == r.article) & (comparison.shared["other"] == r.other)]
        items = ", ".join(map(str, shared["item"].head(8)))
        verdict = _SHARED_WORDS[story_band(r.similarity)]
        lines.append(f"{letters[r.article]} and {letters[r.other]} {verdict} (the tool's similarity: {r.similarity:.2f} of 1)"
                     + (f"; both mention {items}." if items else "; they share no names, dates or figures."))  # fmt: skip
    copies = word_for_word(analyses)
    if copies:
        where = "; ".join(f"{letters[a]} {sid_a} / {letters[b]} {sid_b}" for a, sid_a, b, sid_b in copies[:6])
        count = f"{len(copies)} sentence{'s' if len(copies) != 1 else ''}"
        lines.append(f"{count} {'are' if len(copies) != 1 else 'is'} word for word the same in two articles (sentences "
                     f"{where}{'; ...' if len(copies) > 6 else ''}): one outlet may have copied the other, or both ran a "
                     "news agency's copy, so they are one source, not two.")  # fmt: skip
    return lines


def _sources_and_plain_claims(analyses: dict, letters: dict[str, str]) -> list[str]:
    """For the "which would you share" task: how many named sources each article cites
    and how many claims it states with none."""
    named = {letters[name]: int(r.sources["source_type"].isin(IDENTIFIED_SOURCE_TYPES).sum()) for name, r in analyses.items()}
    stated = {}
    for name, r in analyses.items():
        body = r.body_sentences
        plain = body[(body["status"] == "asserted") & (body["claim_source_type"] == "author")]
        stated[letters[name]] = sum(_teachable_sentence(r, int(sent_id)) for sent_id in plain["sent_id"])
    return [f"{letter} cites {named[letter]} named source{'s' if named[letter] != 1 else ''} and states {stated[letter]} "
            f"claim{'s' if stated[letter] != 1 else ''} with no source." for letter in named]  # fmt: skip


def coverage_tasks(comparison, analyses: dict) -> list[dict]:
    """The exercise's tasks in SIFT order, with the same fields as the single exercise's
    (:func:`analysis.classroom.tasks.exercise_tasks`); the model answers come from the
    comparison."""
    letters = _letters(comparison)
    headlines = _headlines_told(analyses, letters)
    headline_notes = _lettered(comparison, ("headline_surer",), letters)
    identity = []
    for name, result in analyses.items():
        found = page_identity(result)
        given = "; ".join(f"{f['what']}: {f['text']}" for f in found) or "no byline, outlet or date at the top of the page (look at the end too)"
        identity.append(f"{letters[name]}: {given}.")
    same = _same_story_lines(comparison, analyses, letters)
    sources = _named_sources_only_here(comparison, letters) + _lettered(comparison, ("named_vs_nameless",), letters)
    numbers = _lettered(comparison, ("number_differs", "rough_vs_exact"), letters)
    only = _claims_only_here(comparison, analyses, letters)
    share = _sources_and_plain_claims(analyses, letters)

    def none(lines: list[str], empty: str) -> list[str]:
        return lines or [empty]

    tasks = [
        {"id": "stop-headlines", "step": "Stop", "title": "The headlines side by side",
         "prompt": "Read only the headlines. Which sounds surer? What does each want you to believe?",
         "lines": 3, "urls": False,
         "model_answer": headlines + none(headline_notes, "The tool found no headline surer than its own article: compare "
                                                           "what each states as fact, and any word that softens it or "
                                                           "makes it sound surer."),
         "look_for": ["Which headline states more as fact", "Words that make a headline sound sure or soften it"]},
        {"id": "investigate-outlets", "step": "Investigate the source", "title": "Who published each?",
         "prompt": "For each article: who wrote it, who published it, and when? Leave the page and search for any outlet "
                   "you do not know. Which would you expect to know the story first-hand?"
                   + ("" if any(page_identity(r) for r in analyses.values()) else
                      " Your copies do not show them: search for a distinctive sentence of each article, in quotation "
                      "marks, to find where it was published."),
         "lines": 4, "urls": True, "model_answer": identity,
         "look_for": ["Byline, outlet and date of each, or that they are missing", "What another site says about each outlet"]},
        {"id": "find-same-story", "step": "Find better coverage", "title": "The same story?",
         "prompt": "Do the articles report the same event? Which people, places, dates and figures do they share?",
         "lines": 3, "urls": False, "model_answer": same,
         "look_for": ["Shared names, places, dates or figures", "A judgement: same story or not"]},
        {"id": "trace-cards", "step": "Trace claims", "title": "Claim pairs",
         "prompt": "Each card shows two sentences a computer paired as telling the same claim. First decide whether they do. "
                   "Then: which article puts it more surely (or the same)? "
                   "Which words show it? Which version would you rather cite in your own work? More surely is not more "
                   "reliably: a claim the writer states as fact is put more surely than one told as a source's words, "
                   "but a named source is one you can check. Find each sentence in its article and read the sentences "
                   "around it: who is speaking is sometimes named just before or after. If a card's two sentences do "
                   "not tell the same claim, choose \u201cthey do not tell the same claim\u201d.",
         "lines": 0, "urls": False, "auto_marked": True, "model_answer": ["See the cards above."], "look_for": []},
        {"id": "find-sources", "step": "Find better coverage", "title": "Who each outlet asks",
         "prompt": "Which sources does only one article quote or cite? Does one article name a source that another "
                   "leaves without a name? Give article letters and sentence numbers.",
         "lines": 4, "urls": False,
         "model_answer": none(sources, "The articles cite the same named sources."),
         "look_for": ["Sources only one outlet uses", "Named in one, nameless in another"]},
        {"id": "find-numbers", "step": "Trace claims", "title": "Figures",
         "prompt": "Do the articles give the same figures? Where they differ, or one is rough (“about”, “thousands”) "
                   "and another exact, which would you check, and where?",
         "lines": 3, "urls": True,
         "model_answer": numbers or _figures_given(analyses, letters),
         "look_for": ["Figures that differ, with sentence numbers", "Where to check the figure (the original source)"]},
        {"id": "find-only-here", "step": "Find better coverage", "title": "What only one tells you",
         "prompt": "Find a claim that only one article makes. Why might the others leave it out? How would you check it?",
         "lines": 3, "urls": False,
         "model_answer": (["Claims the tool matched in no other article (it misses a claim told in other words, so check "
                           "each in the others before you call it missing):", *only] if only else
                          ["Every claim with a name or figure is matched in another article."]),
         "look_for": ["A claim with its article and sentence", "A reason it might be missing elsewhere", "A way to check it"]},
        {"id": "find-share", "step": "Find better coverage", "title": "Which would you share?",
         "prompt": "Which article would you share with a friend who wants to know what happened, and why? Use what you "
                   "found on the cards.",
         "lines": 3, "urls": False,
         "model_answer": share + ["Any choice is fair if it rests on sources a reader can check and on how sure each "
                                  "article is of what it can show."],
         "look_for": ["A choice with a reason from the cards", "Named sources and how sure each article is"]},
    ]  # fmt: skip
    for task in tasks:
        task.setdefault("auto_marked", False)
    return tasks


# --- The student's copy ------------------------------------------------------------------

def _material_side(matched: dict, letters: dict, texts: dict, end: tuple[str, int], other: tuple[str, int]) -> dict:
    """One side of a card as a student sees it: the letter, the sentence and, when the
    comparison matched only part of it, that part (``claim``): which claim the card is
    about, not how sure anyone is of it."""
    text = str(texts[end[0]][end[1]])
    claim = matched.get((end, other), {}).get(end, {}).get("claim")
    shown = claim if claim is not None and " ".join(str(claim).split()) != " ".join(text.split()) else None
    return {"letter": letters[end[0]], "number": end[1], "text": text, "claim": shown}


def coverage_material(comparison, analyses: dict, cards: pd.DataFrame, tasks: list[dict], *, title: str) -> dict:
    """Everything a student's copy shows: each article (its letter, the lines found at
    the top of its page, its numbered sentences), each card's two sentences, the tasks
    as a student reads them, and each card's options. Nothing the tool concluded about a
    sentence is in it; ``exercise`` is a fingerprint of the rest."""
    from analysis.classroom.build import EXERCISE_FORMAT, numbered_paragraphs
    from analysis.classroom.tasks import student_tasks

    letters = _letters(comparison)
    matched = _matched_claims(comparison)
    texts = {name: r.sentences.set_index("sent_id")["text"] for name, r in analyses.items()}
    material = {
        "format": EXERCISE_FORMAT, "kind": "compare", "version": 1, "title": title,
        # Letters only: a file name can say the outlet and the date a task asks for.
        "articles": [{"letter": letters[name], "found": page_identity(r), "paragraphs": numbered_paragraphs(r)}
                     for name, r in analyses.items()],
        "cards": [{"card": int(c["card"]),
                   "sides": [_material_side(matched, letters, texts, (c["article"], int(c["sent_id"])), (c["other"], int(c["other_sent_id"]))),
                             _material_side(matched, letters, texts, (c["other"], int(c["other_sent_id"])), (c["article"], int(c["sent_id"])))],
                   # The same options on every card: the two letters, "same" / "different" and
                   # "either" / "neither".
                   "options": {"surer": [letters[c["article"]], letters[c["other"]], SAME, DIFFERENT],
                               "cite": [letters[c["article"]], letters[c["other"]], EITHER, NEITHER]}}
                  for c in cards.to_dict("records")],
        "tasks": student_tasks(tasks),
    }  # fmt: skip
    fingerprint = hashlib.sha256(json.dumps(material, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
    return {**material, "exercise": fingerprint[:16]}


def _articles_text(material: dict) -> str:
    lines = [material["title"]]
    for article in material["articles"]:
        lines += ["", f"=== Article {article['letter']} ==="]
        lines += [f"{f['what']}: {f['text']}" for f in article["found"]]
        for paragraph in article["paragraphs"]:
            lines += ["", " ".join(f"[{s['number']}] {s['text']}" for s in paragraph["sentences"])]
    return "\n".join(lines) + "\n"


def coverage_notebook(material: dict) -> nbformat.NotebookNode:
    """The student's notebook: the articles and tasks as Markdown, one code cell per
    card and open task, and a last cell that saves ``answers.json``. It imports only
    ``json``."""
    from analysis.classroom.build import finished_notebook, open_answer_cells

    new_md, new_code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    cells = [
        new_md(f"# Exercise: {inert_markdown(material['title'])}\n\n**The question:** How do these articles tell the same story, "
               "and which would you trust and share?\n\nWrite your answers between the quotation marks in the code "
               "cells, then run the last cell: it saves `answers-<your name>.json` for your teacher."),
        new_code("answers_file: str = \"answers.json\"  # where your answers are saved", metadata={"tags": ["parameters"]}),
        new_code("import json"),
    ]  # fmt: skip
    for article in material["articles"]:
        parts = [f"## Article {article['letter']}", ""]
        parts += [f"- {inert_markdown(f['what'])}: {inert_markdown(f['text'])}" for f in article["found"]] + [""]
        for paragraph in article["paragraphs"]:
            text = " ".join(f"<sup>{s['number']}</sup>{inert_markdown(s['text'])}" for s in paragraph["sentences"])
            parts += [("### " if paragraph["role"] == "headline" else "") + text, ""]
        cells.append(new_md("\n".join(parts)))
    cells.append(new_code("answers = {\"format\": \"analysis-exercise-answers\", \"version\": 1, "
                          f"\"exercise\": {material['exercise']!r}, \"cards\": {{}}, \"questions\": {{}}, \"urls\": {{}}}}\n"
                          'answers["name"] = ""  # your name\nanswers["class"] = ""  # your class\nanswers["date"] = ""  # today\'s date'))  # fmt: skip
    for number, task in enumerate(material["tasks"], start=1):
        cells.append(new_md(f"## Task {number}: {inert_markdown(task['title'])}\n\n*{inert_markdown(task['step'])}*\n\n{inert_markdown(task['prompt'])}"))
        if task["auto_marked"]:
            for card in material["cards"]:
                x, y = card["sides"]
                cells.append(new_md(f"### Card {card['card']}\n\n**{x['letter']}** (sentence {x['number']}):\n\n> {inert_markdown(x['text'])}\n\n"
                                    f"**{y['letter']}** (sentence {y['number']}):\n\n> {inert_markdown(y['text'])}"))  # fmt: skip
                cells.append(new_code(
                    f'answers["cards"]["{card["card"]}"] = {{\n'
                    f'    "surer": "",  # which puts it more surely: {", ".join(card["options"]["surer"])}\n'
                    '    "evidence": "",  # the words that show how sure each is, separated by ;\n'
                    f'    "cite": "",  # which you would rather cite: {", ".join(card["options"]["cite"])}\n}}'))  # fmt: skip
            continue
        cells += open_answer_cells(task)
    return finished_notebook(cells)


# --- Building ----------------------------------------------------------------------------

#: ``--drop-cards``: card numbers in ASCII digits, separated by commas ("2,4"). Not
#: ``str.isdigit``, which takes "²" and other digits ``int`` refuses.
_CARD_NUMBER = re.compile(r"[0-9]+", re.ASCII)


def read_coverage_teacher_key(path: str | Path, cards: pd.DataFrame, letters: dict[str, str]) -> dict[int, dict]:
    """A teacher's key for a comparison's cards: a CSV with ``card`` and either of
    ``surer`` (an article letter of that card, ``same`` or ``different``: the two
    sentences do not tell the same claim) and ``cite`` (a letter of that card,
    ``either`` or ``neither``; blank when ``surer`` is ``different``). Blank cells keep the tool's
    answer. Checked before use, each problem named by its line.

    Returns:
        Card number -> {field: answer} for the cells given.

    Raises:
        InputError: The file cannot be read, or the key is not valid (one line).
    """
    from analysis.classroom.exercises import read_key_table

    name = str(path)
    key = read_key_table(path)
    key.columns = [c.lower() for c in key.columns]
    unknown = [c for c in key.columns if c not in COVERAGE_KEY_COLUMNS]
    if unknown or "card" not in key.columns:
        raise InputError(f"{name}: a comparison's teacher key has the columns {', '.join(COVERAGE_KEY_COLUMNS)} "
                         f"(card required){'; unknown: ' + ', '.join(map(repr, unknown)) if unknown else ''}")  # fmt: skip
    sides = {int(c["card"]): [letters[c["article"]], letters[c["other"]]] for c in cards.to_dict("records")}
    found: dict[int, dict] = {}
    lines: dict[int, int] = {}
    for row, record in enumerate(key.to_dict("records")):
        line = row + 2  # the header is line 1, as a spreadsheet numbers rows
        value = record["card"].strip()
        if not re.fullmatch(r"\d+", value) or int(value) not in sides:
            raise InputError(f"{name}, line {line}: card {value!r} is not a card of this exercise ({_card_range(len(cards))}; "
                             "numbers as the answer key shows them)")  # fmt: skip
        number = int(value)
        if number in lines:
            raise InputError(f"{name}, line {line}: card {number} is already in the key (line {lines[number]})")
        lines[number] = line
        answers = {}
        for field, extra in (("surer", (SAME, DIFFERENT)), ("cite", (EITHER, NEITHER))):
            given = str(record.get(field, "")).strip()
            if not given:
                continue
            choice = given.upper() if len(given) == 1 else given.lower()
            allowed = [*sides[number], *extra]
            if choice not in allowed:
                raise InputError(f"{name}, line {line}: {field} {given!r} is not one of {', '.join(allowed)} for card {number}")
            answers[field] = choice
        if answers.get("surer") == DIFFERENT and answers.get("cite"):
            raise InputError(f"{name}, line {line}: card {number} says the sentences tell different claims, so leave cite blank")
        found[number] = answers
    return found


def _teacher_answers(card: dict, teacher: dict) -> dict:
    """A key card with the teacher's answers put in (marked ``by`` the teacher)."""
    card = {**card, "answers": dict(card["answers"]), "explain": dict(card["explain"]), "by": dict(card["by"])}
    surer = teacher.get("surer")
    if surer == DIFFERENT:
        card["answers"]["surer"] = {**card["answers"]["surer"], "best": DIFFERENT, "accepted": {}}
        card["answers"]["evidence"] = card["answers"]["cite"] = None
        card["explain"]["surer"] = ("Your teacher judged that these two sentences do not tell the same claim, so neither "
                                    "can be surer of it, and there is no better one to cite.")  # fmt: skip
        card["explain"]["evidence"] = card["explain"]["cite"] = "Not marked: the two sentences tell different claims."
        card["by"].update(surer="teacher", evidence="teacher", cite="teacher")
        return card
    for field in ("surer", "cite"):
        if field in teacher:
            choice = teacher[field]
            card["answers"][field] = {**card["answers"][field], "best": choice, "accepted": {}}
            named = {SAME: "both put it as surely", EITHER: "either will do",
                     NEITHER: "neither until it is checked"}.get(choice, f"article {choice}")  # fmt: skip
            card["explain"][field] = f"Your teacher's answer: {named}. The tool read it this way: {card['explain'][field]}"
            card["by"][field] = "teacher"
    return card


def parse_drop_cards(text: str) -> frozenset[int]:
    """The card numbers of ``--drop-cards`` ("2,4", spaces allowed); an empty option
    drops nothing.

    Raises:
        InputError: Something that is not a card number, or commas with no number.
    """
    if not text.strip():
        return frozenset()
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        raise InputError(f"--drop-cards: no card numbers given in {text!r}; give the numbers of the cards to leave out, "
                         "separated by commas (such as 2,4)")  # fmt: skip
    wrong = [part for part in parts if not _CARD_NUMBER.fullmatch(part)]
    if wrong:
        raise InputError(f"--drop-cards takes card numbers separated by commas (such as 2,4): {wrong[0]!r} is not one")
    return frozenset(int(part) for part in parts)


def _card_range(count: int) -> str:
    """The cards an exercise has, in words: "card 1", "cards 1-5"."""
    return "card 1" if count == 1 else f"cards 1-{count}"


def _drop_cards(cards: pd.DataFrame, drop: frozenset[int]) -> pd.DataFrame:
    """``cards`` without the numbers a teacher dropped (cards whose two sentences do not
    tell the same claim): gone from both folders; the rest keep their numbers, so
    answers saved before the drop still grade.

    Raises:
        InputError: A number the exercise has no card for, or every card dropped.
    """
    if not drop:
        return cards
    numbers = set(cards["card"])
    unknown = sorted(set(drop) - numbers)
    if unknown:
        raise InputError(f"--drop-cards: no card {', '.join(map(str, unknown))} (this exercise has {_card_range(len(cards))})")
    if numbers <= set(drop):
        raise InputError(f"every card was dropped with --drop-cards: this exercise has {_card_range(len(cards))}; "
                         "leave at least one out of --drop-cards")  # fmt: skip
    return cards[~cards["card"].isin(drop)].reset_index(drop=True)


def _exercise_title(analyses: dict) -> str:
    """ "Find better coverage: “<first headline>” and one other report"."""
    first = next(iter(analyses.values()))
    others = len(analyses) - 1
    # "... support Trump. and 1 other report" reads as a typo: the headline's own full stop
    # goes, and a small count is a word.
    lead = (first.headline or next(iter(analyses))).rstrip(" .")
    count = {1: "one", 2: "two", 3: "three", 4: "four"}.get(others, str(others))
    return f"Find better coverage: “{lead}” and {count} other report{'s' if others > 1 else ''}"


def _write_folders(out: Path, material: dict, key: dict, comparison, paths: list[Path], teacher_key) -> list[Path]:
    """The student and teacher folders, written in a staging folder and moved in whole;
    returns the files written."""
    from analysis.classroom.build import teacher_notebook, write_pack
    from analysis.classroom.coverage_pages import coverage_answer_key_html, coverage_lesson_plan_html, coverage_worksheet_html
    from analysis.comparing.page import write_comparison

    with staged_output(out, prefix=".exercise-") as staging:
        _student, teacher = write_pack(staging, material, key, worksheet=coverage_worksheet_html(material),
                                       notebook=coverage_notebook(material), article_file="articles.txt",
                                       article_text=_articles_text(material), answer_key=coverage_answer_key_html(key),
                                       lesson_plan=coverage_lesson_plan_html(key))  # fmt: skip
        (teacher / "comparison").mkdir()
        write_comparison(comparison, teacher / "comparison")
        # The teacher's notebook compares copies beside it, under fixed names: the
        # articles' own file names are the user's and could be anything.
        copies = []
        for path, letter in zip(paths, LETTERS):
            copy = inert_copy_name(path, f"article_{letter}")  # a page as inert text, as in build.py
            shutil.copyfile(path, teacher / copy)
            copies.append(copy)
        nbformat.write(teacher_notebook(COVERAGE_NOTEBOOK, article_paths=";".join(copies)), teacher / "compare.ipynb")
        if teacher_key is not None:
            shutil.copyfile(teacher_key, teacher / "teacher_key.csv")
        return publish(staging, out)


def build_coverage_exercise(
    articles: list[str | Path],
    out_dir: str | Path,
    *,
    drop_cards: frozenset[int] = frozenset(),
    teacher_key: str | Path | None = None,
    progress: Callable[[str], None] = print_progress,
) -> list[Path]:
    """Write the comparison exercise for two to five articles into ``out_dir/student``
    and ``out_dir/teacher``; returns the files written. ``drop_cards``: numbers of cards
    (as an earlier build numbered them) to leave out.

    Raises:
        InputError: Fewer than two or more than five articles, an article that cannot be
            read, or no pair of matched claims to make a card of.
    """
    from analysis.classroom.build import KEY_FORMAT
    from analysis.classroom.marking import POINTS
    from analysis.classroom.notes import sensitive_topics
    from analysis.classroom.tasks import RUBRIC
    from analysis.comparing import MAX_ARTICLES, MIN_ARTICLES, compare
    from analysis.core import analyze

    paths = [Path(a).absolute() for a in articles]
    if not MIN_ARTICLES <= len(paths) <= MAX_ARTICLES:
        raise InputError(f"a comparison exercise takes {MIN_ARTICLES} to {MAX_ARTICLES} articles, not {len(paths)}")
    for given, path in zip(articles, paths):
        if str(given) == "-" or not path.is_file():
            raise InputError(f"{given}: the exercise needs article files (.txt, .html or .htm)")
    out = output_folder(out_dir)
    progress(f"[1/2] analysing and comparing {len(paths)} articles")
    comparison = compare([analyze(p) for p in paths])
    analyses = comparison.analyses
    cards = coverage_cards(comparison, analyses)
    if cards.empty:
        matched = int(comparison.alignment["matched"].sum()) // 2
        raise InputError("no claim in one article matches a claim in another, so there is no card to make "
                         "(do they report the same story?)" if not matched else
                         f"the tool matched {matched} pair(s) of claims, but none tells one event in both articles "
                         "clearly enough for a card; compare the articles with 'compare' and write the cards by hand")  # fmt: skip
    tasks = coverage_tasks(comparison, analyses)
    letters = _letters(comparison)
    teacher = read_coverage_teacher_key(teacher_key, cards, letters) if teacher_key is not None else {}
    title = _exercise_title(analyses)
    # The exercise's id is that of every card the articles give: dropping cards later
    # keeps it (and the other cards' numbers), so answers already saved still grade.
    exercise_id = coverage_material(comparison, analyses, cards, tasks, title=title)["exercise"]
    cards = _drop_cards(cards, drop_cards)
    material = {**coverage_material(comparison, analyses, cards, tasks, title=title), "exercise": exercise_id}
    words = {a["letter"]: sum(len(s["text"].split()) for p in a["paragraphs"] for s in p["sentences"]) for a in material["articles"]}
    key = {"format": KEY_FORMAT, "kind": "compare", "version": 1, "exercise": material["exercise"], "title": title,
           "articles": [{"letter": letters[n], "article": n, "file": p.name, "sha256": hashlib.sha256(p.read_bytes()).hexdigest(),
                         "headline": r.headline, "words": words[letters[n]],
                         "topics": sensitive_topics(r.tokens, set(r.sentences["sent_id"]), entities=r.entities).to_dict("records")}
                        for (n, r), p in zip(analyses.items(), paths)],
           "points": dict(POINTS), "dropped": sorted(drop_cards),
           "cards": [_teacher_answers(card, teacher[card["card"]]) if card["card"] in teacher else card
                     for card in coverage_key(comparison, analyses, cards)], "tasks": tasks,
           "rubric": [list(r) for r in RUBRIC]}  # fmt: skip
    progress(f"[2/2] writing the student and teacher folders to {out}")
    return _write_folders(out, material, key, comparison, paths, teacher_key)
