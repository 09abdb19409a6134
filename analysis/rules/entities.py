"""Who and where: named entities with corrected labels and one canonical name each.

What it extracts: the ``entities`` table (one row per mention: text, spaCy label,
``canonical``, offsets, ``role`` source/mentioned, and the rules that decided the label
and the canonical name), the ``entity_summary`` view (one row per canonical entity) and
the ``entity_pairs`` co-occurrence table (which entities share body sentences).

Label corrections (:func:`correct_entities`) fix the small model's general mistakes.
Each is a named rule, recorded in ``label_rule``; the word lists are data
(``lexicons/places.csv``, ``demonyms.csv``, ``titles.csv``, ``entity_nouns.csv``):

- ``possessive``: a trailing "'s" is not part of the name ("South Korea's" -> "South Korea").
- (dropped) a portfolio before a title or a word inside one ("Trade and Industry
  Secretary", "Secretary of State") is no entity, unless it is a listed place or body.
- ``title_before_name``: proper nouns right after a title are a person
  ("Prosecutor General Andriy Kostin"); the title stays outside the name.
- ``kind_noun``: a name followed by a kind noun takes that noun's label ("Kursk
  region" -> GPE, "the BRICS bloc" -> ORG, "King Cross station" -> FAC); so does a name
  after "region of", and a "person" whose last word is an event noun ("the European
  Cross Country Championships" -> EVENT).
- ``product_list``: a name listed with a product ("the Chevrolet Avalanche, Express,
  Kodiak and Suburban") is a product, not a person or place; so is a name before a
  product noun ("Pontiac Grand Prix sedans", ``kind_noun``).
- ``news_outlet``: an outlet ("BBC News", "the Herald newspaper"; ``lexicons/outlets.csv``
  and outlet words) is an ORG, never a person.
- ``age``: a number between commas right after a person's name ("John Houston, 54,")
  is an age (CARDINAL), not a date.
- ``pronoun_antecedent``: a multi-word name with no organisation word that is the
  nearest name (places and nationalities aside) before a "he"/"she" subject in its
  sentence is a person.
- ``known_surname``: a mention equal to the surname of a person named elsewhere in the
  article (in full, or after a title: "Mr Dyer") is that person ("Kostin's resignation").
- ``place_list`` / ``demonym_list``: a name in the places list takes its listed label
  ("Kremlin" -> ORG, "the West" -> LOC, "UAE" -> GPE); a demonym is NORP.
- ``same_text``: a correction applies to every other mention of the same words.

Canonical names (:func:`canonical_name`): an abbreviation the article defines in
brackets ("General Motors (GM)") is the name it abbreviates; a person's surname resolves
to the one full name in the article that ends with it; a place alias to its listed name ("US", "U.S.",
"the United States" -> United States); a demonym to its place ("North Korean" -> North
Korea) while its label stays NORP; anything else is its own text without a leading
"the" or a trailing "'s".
"""

from __future__ import annotations

import bisect

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from spacy.tokens import Doc, Span

from analysis.lexicon import load_lexicon, lexicon_words
from analysis.parse.nlp import token_strings
from analysis.schema import conform
from analysis.text.structure import containing_index
from analysis.vocabulary import ENTITY_LABEL

__all__ = [
    "NAME_LABELS",
    "correct_entities",
    "canonical_name",
    "person_full_names",
    "listed_place",
    "abbreviations",
    "outlet",
    "OUTLET_NOUNS",
    "bare_name",
    "not_name_words",
    "entity_table",
    "entity_summary",
    "entity_pairs",
]

#: Labels of named things (not numbers, dates or amounts): the ones summarised and paired.
NAME_LABELS = frozenset(ENTITY_LABEL)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
GENDERED = frozenset({"he", "she"})
LABEL_RULES_KEY = "entity_label_rules"


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, str, str]]:
    """Place and body names -> (canonical, label, category), keyed by exact text."""
    table = load_lexicon("places")
    return {row.name: (row.canonical, row.label, row.category) for row in table.itertuples()}


@lru_cache(maxsize=1)
def _places_folded() -> dict[str, tuple[str, str, str]]:
    return {name.casefold(): value for name, value in _places().items()}


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    table = load_lexicon("demonyms")
    return dict(zip(table["demonym"], table["place"]))


@lru_cache(maxsize=1)
def _titles() -> list[tuple[str, ...]]:
    """Titles as word tuples, longest first (so "Prosecutor General" wins over "Prosecutor")."""
    words = {tuple(t.split()) for t in load_lexicon("titles")["title"]}
    return sorted(words, key=lambda w: (-len(w), w))


@lru_cache(maxsize=1)
def _kind_nouns() -> dict[str, str]:
    table = load_lexicon("entity_nouns")
    return dict(zip(table["noun"], table["label"]))


def bare_name(text: str) -> str:
    """A name without a leading "the" or a trailing possessive."""
    for article in ("the ", "The "):
        if text.startswith(article):
            text = text[len(article):]
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    return text


def listed_place(text: str) -> tuple[str, str, str] | None:
    """``(canonical, label, category)`` of a name in ``lexicons/places.csv``, else None."""
    return _lookup_place(text)


def _lookup_place(text: str) -> tuple[str, str, str] | None:
    places = _places()
    for candidate in (text, bare_name(text), "the " + bare_name(text)):
        if candidate in places:
            return places[candidate]
    # Case-folded lookup only for multi-letter words written in title or upper case.
    folded = _places_folded().get(bare_name(text).casefold())
    return folded if folded and not text.islower() else None


@dataclass
class _Mention:
    start: int
    end: int
    label: str
    rule: str = "model"


@lru_cache(maxsize=1)
def _titles_by_first_word() -> dict[str, list[tuple[str, ...]]]:
    """Titles grouped by their first word, longest first within each group."""
    grouped: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in _titles():
        grouped[words[0]].append(words)
    return dict(grouped)


def _title_spans(doc: Doc) -> dict[int, int]:
    """Where titles start: token index -> the index just after the title, in text order."""
    words = token_strings(doc)
    by_first = _titles_by_first_word()
    spans: dict[int, int] = {}
    for i, word in enumerate(words):
        # Only titles starting with this word are tried: a hash lookup per token, not a scan.
        for title in by_first.get(word, ()):
            n = len(title)
            if i + n <= len(words) and all(words[i + k] == title[k] for k in range(1, n)):
                spans[i] = i + n
                break
    return spans


def _overlapping(mentions: list[_Mention], start: int, end: int) -> list[_Mention]:
    return [m for m in mentions if m.start < end and start < m.end]


def _replace(mentions: list[_Mention], new: _Mention) -> list[_Mention]:
    return [m for m in mentions if not (m.start < new.end and new.start < m.end)] + [new]


#: Words that name schemes and documents: with the kind nouns, a name holding one is no person.
SCHEME_WORDS = lexicon_words("context_words", "scheme_words")


@lru_cache(maxsize=1)
def not_name_words() -> frozenset[str]:
    """Words that make a run of capitalised words a body, place, event or scheme rather
    than a person: every kind noun of ``lexicons/entity_nouns.csv`` and :data:`SCHEME_WORDS`."""
    return frozenset(set(_kind_nouns()) | SCHEME_WORDS)


@dataclass
class _EntityContext:
    """What the entity rules read besides the mentions: the Doc, its titles and the word lists."""

    doc: Doc
    titles: dict[int, int]  # title start -> first token after the title
    kinds: dict[str, str]
    demonyms: dict[str, str]


def _trim_whitespace(ctx: _EntityContext, mentions: list[_Mention]) -> list[_Mention]:
    """The model sometimes runs a name into the line break after it ("Okafor\n\n" at the
    end of a headline): whitespace is never part of a name."""
    doc = ctx.doc
    for m in mentions:
        while m.end > m.start and doc[m.end - 1].is_space:
            m.end -= 1
        while m.start < m.end and doc[m.start].is_space:
            m.start += 1
    return [m for m in mentions if m.end > m.start]


def _possessive(ctx: _EntityContext, mentions: list[_Mention]) -> list[_Mention]:
    """possessive: "South Korea's" -> "South Korea"."""
    for m in mentions:
        if m.end - m.start > 1 and ctx.doc[m.end - 1].tag_ == "POS":
            m.end -= 1
            m.rule = "possessive"
    return mentions


def _hyphen_joins(doc: Doc, j: int) -> bool:
    """Token ``j`` is a hyphen written between two capitalised words with no space."""
    return (0 < j < len(doc) - 1 and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
            and doc[j + 1].text[:1].isupper())  # fmt: skip


def _title_before_name(ctx: _EntityContext, mentions: list[_Mention]) -> list[_Mention]:
    """title_before_name: a title outside any other name, then proper nouns, is a
    person; a portfolio or a word inside a title is not a name acting on its own
    ("Trade and Industry Secretary", "Secretary of State"): dropped, unless listed."""
    doc, titles = ctx.doc, ctx.titles
    for i, after in titles.items():
        if doc[i].ent_type_ not in ("", "PERSON"):
            continue
        j = after
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and doc[j].tag_ != "POS":
            j += 1
            if _hyphen_joins(doc, j):
                j += 1  # "Mr Kilroy-Silk": a hyphenated surname is one word
        if j == after:
            continue
        inside = _overlapping(mentions, after, j)
        if len(inside) == 1 and inside[0].label == "PERSON" and inside[0].start >= after:
            continue  # the model already has the name; titles inside are handled below
        mentions = _replace(mentions, _Mention(after, j, "PERSON", "title_before_name"))
    inside_title = {k for i, j in titles.items() for k in range(i, j)}
    title_starts = set(titles)
    mentions = [
        m for m in mentions
        if m.label == "PERSON"
        or not (set(range(m.start, m.end)) <= inside_title or (m.label == "ORG" and m.end in title_starts))
        or _lookup_place(doc[m.start : m.end].text) is not None
    ]
    for m in mentions:
        # A PERSON entity that swallowed its title ("President Xi Jinping").
        if m.label == "PERSON":
            after = titles.get(m.start)
            if after is not None and after < m.end:
                m.start, m.rule = after, "title_before_name"
    return mentions


#: Kind nouns whose name before them is the body's own, never a place ("Mexico's
#: Televisa network", which the model may take for a place).
NAMED_BY_NETWORK = lexicon_words("context_words", "named_by_network")


def _kind_noun(ctx: _EntityContext, mentions: list[_Mention]) -> list[_Mention]:
    """kind_noun: "Kursk region" (GPE), "the BRICS bloc" (ORG), "the region of Khmelnytskyi"."""
    doc, kinds, demonyms = ctx.doc, ctx.kinds, ctx.demonyms
    for m in mentions:
        if m.label not in NAME_LABELS or doc[m.start : m.end].text in demonyms:
            continue
        following = doc[m.end] if m.end < len(doc) else None
        kind = kinds.get(following.lower_) if following is not None and following.pos_ == "NOUN" else None
        if kind in ("FAC", "EVENT") and m.label != "PERSON":
            kind = None  # "London hotel", "the Association awards": the name modifies; only a "person" is wrong
        if kind == "PRODUCT" and m.label not in ("PERSON", "GPE", "LOC"):
            kind = None  # "Cadillac XLR coupes": a maker before its product stays the maker
        last = doc[m.end - 1].lower_
        if kind is None and m.label in ("PERSON", "ORG") and m.end - m.start > 1 and kinds.get(last) == "EVENT":
            kind = "EVENT"  # "the European Cross Country Championships": an event, not a person
        if kind is None and m.label == "PERSON" and m.end - m.start > 1 and kinds.get(last) == "ORG" and doc[m.end - 1].text[:1].isupper():
            m.label, m.rule = "ORG", "kind_noun"  # "Labour's Fabian Society", tagged a person
            continue
        if m.label == "NORP":
            # A nationality modifies its noun ("the former Soviet republic"): only "region
            # of X" makes a NORP-tagged name a place.
            kind = None
        if kind is None and m.start >= 2 and doc[m.start - 1].lower_ == "of" and doc[m.start - 2].pos_ == "NOUN":
            preceding = kinds.get(doc[m.start - 2].lower_)
            kind = preceding if preceding in ("GPE", "LOC") else None
        if kind is None or kind == m.label or (m.label == "PERSON" and kind == "ORG"):
            continue
        if kind in ("GPE", "LOC") and m.label in PLACE_LABELS:
            continue
        if m.label == "GPE" and kind == "ORG" and following.is_lower and following.lower_ not in NAMED_BY_NETWORK:
            continue  # "a London company", "Houston court", "Benghazi committee": the place stays a place
        m.label, m.rule = kind, "kind_noun"
    return mentions


def _opening_word(ctx: _EntityContext, mentions: list[_Mention]) -> list[_Mention]:
    """opening_word: "Budget airline Ryanair has placed an order": a common word that
    opens the sentence (capitalised; the tagger may call it a name) before a lower-case
    noun for a kind of body and that body's name describes it; it names nothing itself.
    The mention is dropped."""
    doc = ctx.doc
    kept = []
    for m in mentions:
        first = doc[m.start]
        opens = first.is_sent_start or (first.i > 0 and doc[first.i - 1].is_space)
        if (m.end - m.start == 1 and m.label in ("ORG", "PRODUCT", "PERSON", "WORK_OF_ART") and opens
                and first.pos_ in ("NOUN", "ADJ", "PROPN") and first.is_title and m.end + 1 < len(doc) and doc[m.end].is_lower
                and ctx.kinds.get(doc[m.end].lower_) == "ORG" and doc[m.end + 1].pos_ == "PROPN"):  # fmt: skip
            continue
        kept.append(m)
    return kept


def _kind_before_name(ctx: _EntityContext, mentions: list[_Mention]) -> list[_Mention]:
    """kind_before_name: "budget airline Ryanair", "security firm Sophos": a name the model
    took for a person's, right after a lower-case noun for a kind of body
    (``lexicons/entity_nouns.csv``), is that body's."""
    doc = ctx.doc
    for m in mentions:
        before = doc[m.start - 1] if m.start > 0 else None
        if m.label != "PERSON" or before is None or before.pos_ != "NOUN" or not before.is_lower or ctx.kinds.get(before.lower_) != "ORG":
            continue
        m.label, m.rule = "ORG", "kind_before_name"
    return mentions


def _product_list(ctx: _EntityContext, mentions: list[_Mention]) -> list[_Mention]:
    """product_list: "the Chevrolet Avalanche, Express, Kodiak, Silverade and Suburban":
    names listed with a product are products (models), not people or places. Only a
    model named after its maker ("Chevrolet Avalanche": an ORG word modifying it)
    vouches for the list: the small model sometimes calls a player or band a product."""
    doc = ctx.doc
    products = {i for m in mentions if m.label == "PRODUCT" and m.start > 0 and doc[m.start - 1].ent_type_ == "ORG"
                and doc[m.start - 1].dep_ in ("compound", "nmod") for i in range(m.start, m.end)}  # fmt: skip
    if products:
        for m in mentions:
            if m.label not in ("PERSON", "GPE", "LOC", "ORG"):
                continue
            root = doc[m.start : m.end].root
            chain = [root, *root.conjuncts]
            if root.dep_ == "conj" and any(t.i in products for t in chain) and all(t.pos_ == "PROPN" for t in chain):
                m.label, m.rule = "PRODUCT", "product_list"
    return mentions


def _news_outlet(ctx: _EntityContext, mentions: list[_Mention]) -> list[_Mention]:
    """news_outlet: "BBC News", "the Herald newspaper" are bodies (outlets), never people."""
    doc = ctx.doc
    for m in mentions:
        if m.label in NAME_LABELS and m.label not in PLACE_LABELS | {"NORP"}:
            following = doc[m.end].lower_ if m.end < len(doc) else None
            if outlet(doc[m.start : m.end].text, following=following) is not None:
                m.label, m.rule = "ORG", "news_outlet"
    return mentions


def _age(ctx: _EntityContext, mentions: list[_Mention]) -> list[_Mention]:
    """age: "John Houston, 54, was due to stand": a number between commas after a name is
    an age, not a date."""
    doc = ctx.doc
    for m in mentions:
        if (m.label == "DATE" and m.end - m.start == 1 and doc[m.start].like_num and len(doc[m.start].text) <= 3
                and m.start >= 2 and doc[m.start - 1].text == "," and m.end < len(doc) and doc[m.end].text == ","
                and doc[m.start - 2].ent_type_ == "PERSON"):  # fmt: skip
            m.label, m.rule = "CARDINAL", "age"
    return mentions


def _pronoun_antecedent(ctx: _EntityContext, mentions: list[_Mention]) -> list[_Mention]:
    """pronoun_antecedent: "with Kyrylo Budanov, ... warning that he expected ...": the
    nearest name before a he/she subject in its sentence is a person; a one-word name
    only when it is the subject that says "he" of itself ("Souness said he ...")."""
    doc, kinds = ctx.doc, ctx.kinds
    sent_starts: list[int] | None = None  # found once, only if a pronoun needs them
    organisations = {doc[m.start : m.end].text for m in mentions if m.label == "ORG"}
    for i, lower in enumerate(token_strings(doc, "LOWER")):
        if lower not in GENDERED:
            continue
        token = doc[i]
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if sent_starts is None:
            sent_starts = [s.start for s in doc.sents]
        sent_start = sent_starts[bisect.bisect_right(sent_starts, token.i) - 1]
        before = sorted((m for m in mentions if m.end <= token.i and m.start >= sent_start), key=lambda m: m.end)
        # A place or a nationality is never "he": the antecedent is the nearest other name.
        names = [m for m in before if m.label in NAME_LABELS - PLACE_LABELS - {"NORP"}]
        if not names or names[-1].label == "PERSON":
            continue
        candidate = names[-1]
        words = doc[candidate.start : candidate.end]
        # One word will do when it says of itself that "he" or "she" does something
        # ("Souness said he did not think ..."): a body says "it".
        says_of_itself = (len(words) == 1 and words[0].dep_ == "nsubj" and token.head.dep_ == "ccomp"
                          and token.head.head.i == words[0].head.i)  # fmt: skip
        if (
            (len(words) >= 2 or says_of_itself)
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words)
            and not any(t.lower_ in not_name_words() for t in words)  # "Common Agricultural Policy" is no "he"
            and candidate.label not in ("EVENT", "FAC")  # "the European ... Championships" is no "she"
            and not (candidate.end < len(doc) and kinds.get(doc[candidate.end].lower_) in ("FAC", "EVENT"))  # "King Cross station"
            and candidate.rule != "news_outlet"
            and (says_of_itself or not any(t.text in organisations for t in words))  # "UKIP Scotland" where UKIP is a body
            and _lookup_place(words.text) is None
        ):
            candidate.label, candidate.rule = "PERSON", "pronoun_antecedent"
    return mentions


def _last_word(doc: Doc, start: int, end: int) -> str:
    """The last word of ``doc[start:end]`` as written: its tokens back to the last space."""
    k = end - 1
    while k > start and not doc[k - 1].whitespace_:
        k -= 1
    return doc[k:end].text


@lru_cache(maxsize=1)
def first_name_sexes() -> dict[str, str]:
    """First name -> "male"/"female": as learned from news titles, else as the 1990 US
    Census found it borne almost only by men or by women ("Patrick", "Valerie";
    training/names)."""
    census = load_lexicon("first_names_census")
    learned = load_lexicon("first_names")
    return {**dict(zip(census["name"], census["category"])), **dict(zip(learned["name"], learned["category"]))}


@lru_cache(maxsize=1)
def party_names() -> dict[tuple[str, ...], str]:
    """Party names as token tuples ("Lib", "Dems") -> canonical (``lexicons/parties.csv``)."""
    table = load_lexicon("parties")
    return {tuple(str(name).split()): str(canonical) for name, canonical in zip(table["name"], table["canonical"])}


def _party_name(ctx: _EntityContext, mentions: list[_Mention]) -> list[_Mention]:
    """party_name: a political party the article names ("Labour", "the Liberal
    Democrats", ``lexicons/parties.csv``) is an organisation, whatever the model called it
    (it tags "Labour" a person, and "Democrats" alone of "Liberal Democrats"), so "They
    say" and "the party" can refer to it."""
    doc, parties = ctx.doc, party_names()
    for m in mentions:
        words = tuple(t.text for t in doc[m.start : m.end] if t.lower_ != "the")
        if words in parties and m.label != "ORG":
            m.label, m.rule = "ORG", "party_name"
    longest = max((len(k) for k in parties), default=0)
    firsts = {k[0] for k in parties}
    texts = [t.text for t in doc]
    i = 0
    while i < len(texts):
        # Only where a party name can start: a span per token is costly on a long article.
        n = next((n for n in range(longest, 0, -1) if tuple(texts[i : i + n]) in parties), 0) if texts[i] in firsts else 0
        if not n:
            i += 1
            continue
        inside = [m for m in mentions if m.start < i + n and i < m.end]
        # A piece the model tagged ("Democrats" of "Liberal Democrats") gives way to the
        # whole name; a longer name around it ("Labour Party conference") stays.
        if all(i <= m.start and m.end <= i + n for m in inside) and not any(m.start == i and m.end == i + n for m in inside):
            mentions = [m for m in mentions if m not in inside] + [_Mention(i, i + n, "ORG", "party_name")]
        i += n
    return mentions


def _known_surname(ctx: _EntityContext, mentions: list[_Mention]) -> list[_Mention]:
    """known_surname: "Kostin" tagged GPE where "Andriy Kostin" is a person, and "Nicola
    Sturgeon" tagged ORG where "Ms Sturgeon" is (a first name and a known surname). A
    surname: the last word of a full name, or a single name after a title ("Mr Dyer")."""
    doc = ctx.doc
    titled = set(ctx.titles.values())
    surnames = {
        doc[m.end - 1].text for m in mentions if m.label == "PERSON" and (m.end - m.start >= 2 or m.start in titled)
    }
    # A hyphenated surname is one word of several tokens ("Okafor-Bridge" of "Jane
    # Okafor-Bridge"), which the small model often tags ORG on its own.
    surnames |= {text for m in mentions if m.label == "PERSON" and (text := _last_word(doc, m.start, m.end)) and "-" in text
                 and _last_word(doc, m.start, m.end) != doc[m.start : m.end].text}  # fmt: skip
    first_names = first_name_sexes()
    for m in mentions:
        one_word = m.end - m.start == 1 or _last_word(doc, m.start, m.end) == doc[m.start : m.end].text
        if m.label != "PERSON" and one_word and doc[m.start : m.end].text in surnames:
            m.label, m.rule = "PERSON", "known_surname"
        elif (m.label != "PERSON" and m.end - m.start == 2 and doc[m.end - 1].text in surnames
              and doc[m.start].text in first_names):  # fmt: skip
            m.label, m.rule = "PERSON", "known_surname"  # "Nicola Sturgeon" tagged ORG, then "Ms Sturgeon"
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for token in doc:
        if token.i not in covered and token.pos_ == "PROPN" and token.text in surnames:
            mentions.append(_Mention(token.i, token.i + 1, "PERSON", "known_surname"))
    return mentions


def _demonym_list(ctx: _EntityContext, mentions: list[_Mention]) -> list[_Mention]:
    """demonym_list: a listed nationality word ("French") is a NORP."""
    for m in mentions:
        if m.label == "PERSON" or m.label not in NAME_LABELS:
            continue
        if ctx.doc[m.start : m.end].text in ctx.demonyms and m.label != "NORP":
            m.label, m.rule = "NORP", "demonym_list"
    return mentions


def _place_list(ctx: _EntityContext, mentions: list[_Mention]) -> list[_Mention]:
    """place_list: a listed country, region or capital takes its listed label."""
    for m in mentions:
        if m.label == "PERSON" or m.label not in NAME_LABELS:
            continue
        listed = _lookup_place(ctx.doc[m.start : m.end].text)
        if listed is not None and listed[1] != m.label and m.label != "NORP":
            m.label, m.rule = listed[1], "place_list"
    return mentions


def _same_text(ctx: _EntityContext, mentions: list[_Mention]) -> list[_Mention]:
    """same_text: a corrected label holds for every mention of the same words."""
    doc = ctx.doc
    corrected = {doc[m.start : m.end].text: m for m in mentions if m.rule not in ("model", "possessive")}
    for m in mentions:
        fix = corrected.get(doc[m.start : m.end].text)
        if fix is not None and m.rule in ("model", "possessive") and m.label != fix.label:
            m.label, m.rule = fix.label, "same_text"
    return mentions


#: How many words a name needs before a word that spells its initials is taken for it
#: ("British American Tobacco": "Bat"); two initials ("GM") are too often a word or
#: another name's.
MIN_INITIALS = 3


def initials(words: list[str]) -> set[str]:
    """A name's initials in capitals, with and without its small words ("Department of
    Health": DOH, DH); a leading "the" never counts."""
    words = [w for w in words if w[:1].isalnum() and w.lower() != "the"]
    return {"".join(w[0] for w in words).upper(), "".join(w[0] for w in words if w.lower() not in _INITIAL_SKIP).upper()}


def names_by_initials(doc: Doc, spans: list[tuple[int, int, str]]) -> dict[str, tuple[str, str]]:
    """The initials (:data:`MIN_INITIALS` or more) of the organisation and place names
    among ``spans`` (start, end, label) -> (name, label); initials two names share are left out."""
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for start, end, label in spans:
        if label not in ("ORG", "GPE"):
            continue
        for first in dict.fromkeys([start, _name_begins(doc, start)]):
            if end - first < MIN_INITIALS:
                continue
            for short in initials([t.text for t in doc[first:end]]):
                if len(short) >= MIN_INITIALS:
                    found[short].add((bare_name(doc[first:end].text), label))
    return {short: next(iter(names)) for short, names in found.items() if len(names) == 1}


def _name_begins(doc: Doc, start: int) -> int:
    """Where a name the model cut short begins: "Entertainment and" before "Leisure
    Software Publishers Association", capitalised words joined by "and", "&" or "of"."""
    while start >= 2 and doc[start - 1].lower_ in ("and", "&", "of") and doc[start - 2].is_title and not doc[start - 2].is_sent_start:
        start -= 2
    return start


def _spells_initials(token) -> bool:
    """A word written as initials may be: in capitals, or capitalised as house styles
    write them ("Bat", "Nato"); letters only."""
    return token.text.isalpha() and (token.text.isupper() or token.text.istitle())


def _initials_of_name(ctx: _EntityContext, mentions: list[_Mention]) -> list[_Mention]:
    """initials_of_name: "Bat" tagged PERSON, or not tagged, where the article names
    "British American Tobacco": one word that spells the initials of a name of three
    words or more that the article gives is that body or place."""
    doc = ctx.doc
    named = names_by_initials(doc, [(m.start, m.end, m.label) for m in mentions])
    if not named:
        return mentions
    for m in mentions:
        if m.end - m.start == 1 and _spells_initials(doc[m.start]) and doc[m.start].text.upper() in named:
            m.label, m.rule = named[doc[m.start].text.upper()][1], "initials_of_name"
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for token in doc:
        if token.i not in covered and token.pos_ == "PROPN" and _spells_initials(token) and token.text.upper() in named:
            mentions.append(_Mention(token.i, token.i + 1, named[token.text.upper()][1], "initials_of_name"))
    return mentions


#: The entity corrections, in order, keyed by the ``label_rule`` each sets (whitespace
#: trimming first sets none).
ENTITY_RULES = {
    "possessive": _possessive,
    "title_before_name": _title_before_name,
    "kind_noun": _kind_noun,
    "kind_before_name": _kind_before_name,
    "opening_word": _opening_word,
    "product_list": _product_list,
    "news_outlet": _news_outlet,
    "age": _age,
    "pronoun_antecedent": _pronoun_antecedent,
    "party_name": _party_name,
    "known_surname": _known_surname,
    "demonym_list": _demonym_list,
    "place_list": _place_list,
    "initials_of_name": _initials_of_name,
    "same_text": _same_text,
}


def correct_entities(doc: Doc) -> Doc:
    """Fix the small model's general entity mistakes in place and return the Doc, by the
    rules of :data:`ENTITY_RULES` in order.

    The rule that set each entity's label is kept in ``doc.user_data`` (see
    :func:`label_rules`); entities the rules left alone are ``"model"``. Running it
    twice changes nothing more.
    """
    if LABEL_RULES_KEY in doc.user_data:
        return doc
    ctx = _EntityContext(doc, _title_spans(doc), _kind_nouns(), _demonyms())
    mentions = _trim_whitespace(ctx, [_Mention(e.start, e.end, e.label_) for e in doc.ents])
    for rule in ENTITY_RULES.values():
        mentions = rule(ctx, mentions)
    mentions = _non_overlapping(mentions)
    doc.ents = [Span(doc, m.start, m.end, label=m.label) for m in mentions]
    doc.user_data[LABEL_RULES_KEY] = {(m.start, m.end): m.rule for m in mentions}
    return doc


def _non_overlapping(mentions: list[_Mention]) -> list[_Mention]:
    """Corrected mentions first, then longer, then earlier: the first of any overlap wins."""
    chosen: list[_Mention] = []
    taken: set[int] = set()
    for m in sorted(mentions, key=lambda m: (m.rule == "model", -(m.end - m.start), m.start)):
        if m.end > m.start and not taken.intersection(range(m.start, m.end)):
            chosen.append(m)
            taken.update(range(m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


def label_rules(doc: Doc) -> dict[tuple[int, int], str]:
    """The rule behind each entity's label, by token span (``"model"`` when uncorrected)."""
    rules = doc.user_data.get(LABEL_RULES_KEY, {})
    return {(e.start, e.end): rules.get((e.start, e.end), "model") for e in doc.ents}


ABBREVIATIONS_KEY = "abbreviations"
#: Small words a name's initials skip ("Department of Health" -> DH, DoH).
_INITIAL_SKIP = frozenset({"of", "the", "and", "for", "&", "on", "in"})


def abbreviations(doc: Doc) -> dict[str, str]:
    """Abbreviations the article defines in brackets after a name, mapped to the name:
    "General Motors (GM)", "the National Highway Traffic Safety Administration (NHTSA)".
    The bracketed word must be in capitals and spell the name's initials (small words
    such as "of" may be skipped). Found once per Doc."""
    found = doc.user_data.get(ABBREVIATIONS_KEY)
    if found is not None:
        return found
    found = {}
    for ent in doc.ents:
        k = ent.end
        if ent.label_ not in NAME_LABELS or k + 2 >= len(doc) or doc[k].text != "(" or doc[k + 2].text != ")":
            continue
        short = doc[k + 1].text
        if short.isupper() and short.isalpha() and len(short) >= 2 and short.upper() in initials([t.text for t in ent]):
            found[short] = bare_name(ent.text)
    # Initials the article uses without defining them ("Bat" for British American
    # Tobacco): the mentions the initials_of_name rule labelled.
    rules = doc.user_data.get(LABEL_RULES_KEY, {})
    undefined = [ent.text for ent in doc.ents if rules.get((ent.start, ent.end)) == "initials_of_name" and ent.text not in found]
    if undefined:
        named = names_by_initials(doc, [(e.start, e.end, e.label_) for e in doc.ents])
        found.update({short: named[short.upper()][0] for short in undefined if short.upper() in named})
    doc.user_data[ABBREVIATIONS_KEY] = found
    return found


#: Last words that make a proper name a news outlet ("BBC News", "The Washington Post").
OUTLET_WORDS = lexicon_words("context_words", "outlet_words")
#: Nouns after a name that make it an outlet ("the Herald newspaper", "the Today programme").
OUTLET_NOUNS = lexicon_words("context_words", "outlet_nouns")


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    """Outlet names (case-folded, without a leading "the") -> the name as listed."""
    table = load_lexicon("outlets")
    return {str(name).casefold(): str(name) for name in table["name"]}


def outlet(name: str, *, following: str | None = None) -> str | None:
    """The news outlet a name is, or None: listed in ``lexicons/outlets.csv`` ("Reuters",
    "BBC News"), or a name of two or more words ending in an outlet word ("The Washington
    Post", "Sunday Telegraph"), or a name followed by an outlet noun (``following``:
    "the Herald newspaper", "the Today programme")."""
    bare = bare_name(name)
    listed = _outlets().get(bare.casefold())
    if listed is not None:
        return listed
    words = bare.split()
    if len(words) >= 2 and words[-1].lower() in OUTLET_WORDS and words[0][:1].isupper():
        return bare
    if following in OUTLET_NOUNS and words and words[0][:1].isupper():
        return bare
    return None


def person_full_names(doc: Doc) -> dict[str, set[str]]:
    """Surname (and any trailing word run) -> the full PERSON names in the article ending with it."""
    ends: dict[str, set[str]] = defaultdict(set)
    # A name opens with a capital: "rang Taylor" is a verb the model ran into a surname.
    people = [ent for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2 and ent.text[:1].isupper()]
    # "Kilroy-Silk" (three tokens) is the surname of "Robert Kilroy-Silk", not a full name.
    longer = {ent.text for ent in people if " " in ent.text.strip()}
    for ent in people:
        one_word = not any(t.whitespace_ for t in ent[:-1])
        if one_word and any(name != ent.text and name.endswith(" " + ent.text) for name in longer):
            continue
        words = [t.text for t in ent]
        for k in range(1, len(words)):
            ends[" ".join(words[k:])].add(ent.text)
            # As written too: "Okafor-Bridge" of "Jane Okafor-Bridge" (tokens "Okafor", "-", "Bridge").
            ends[ent[k:].text].add(ent.text)  # Span.text, not Doc.text (rebuilt on each call)
    return ends


def _names_opening_with(doc: Doc, word: str, full_names: dict[str, set[str]] | None) -> set[str]:
    """The full names of people in the article whose first word is ``word`` (one word),
    unless ``word`` also ends someone's name (then it is that person's surname)."""
    if " " in word:
        return set()
    full = full_names if full_names is not None else person_full_names(doc)
    if word in full:
        return set()
    return {name for names in full.values() for name in names if name.split(" ", 1)[0] == word and " " in name}


def canonical_name(doc: Doc, ent: Span, *, full_names: dict[str, set[str]] | None = None) -> tuple[str, str]:
    """The canonical name of an entity mention and the rule that decided it.

    Args:
        doc: The parsed article (its other entities are the evidence).
        ent: One entity mention.
        full_names: :func:`person_full_names` of ``doc``, when computing many (saves work).

    Returns:
        ``(canonical, rule)``; ``rule`` says which list or which other mention decided it.
    """
    if ent.label_ not in NAME_LABELS:
        return ent.text, "as written"
    text = bare_name(ent.text)
    expanded = abbreviations(doc).get(text)
    if expanded is not None:
        by_initials = doc.user_data.get(LABEL_RULES_KEY, {}).get((ent.start, ent.end)) == "initials_of_name"
        how = "its initials" if by_initials else "given in brackets after it"
        return expanded, f"abbreviation of '{expanded}', {how}"
    if ent.label_ == "PERSON":
        full = (full_names if full_names is not None else person_full_names(doc)).get(text, set())
        if len(full) == 1:
            name = next(iter(full))
            return name, f"surname of '{name}', named in full in the article"
        if len(full) > 1:
            return text, f"surname shared by {len(full)} people named in the article: left as written"
        opening = _names_opening_with(doc, text, full_names)
        if len(opening) == 1:
            # "Xing's statement" after "Xing Wangli" (a family name written first), or
            # "Hillary" after "Hillary Clinton": the one person whose name opens so.
            name = next(iter(opening))
            return name, f"first word of '{name}', named in full in the article"
        return text, "as written"
    if ent.label_ == "NORP":
        place = _demonyms().get(text)
        if place:
            return place, f"demonym of {place} (demonyms.csv)"
        return text, "as written"
    listed = _lookup_place(ent.text)
    if listed is not None:
        canonical = listed[0]
        return canonical, ("listed name (places.csv)" if canonical == text else f"alias of {canonical} (places.csv)")
    return text, "as written"


def entity_table(
    text: str, doc: Doc, sentences: list[Span], in_body: list[bool], *, source_tokens: set[int] | None = None
) -> pd.DataFrame:
    """The ``entities`` table: one row per entity mention, in text order.

    Args:
        text: The original article text (``text`` columns are cut from it).
        doc: The parsed article, after :func:`correct_entities`.
        sentences: The article's sentences (``sent_id`` is the index here).
        in_body: Whether each sentence is in a body paragraph.
        source_tokens: Root tokens of attribution sources: a mention holding one is
            ``role`` ``source``, every other mention ``mentioned``.
    """
    starts = [s.start for s in sentences]
    rules = label_rules(doc)
    full = person_full_names(doc)
    sources = source_tokens or set()
    rows = []
    for ent in doc.ents:
        sent_id = containing_index(ent.start, starts)
        canonical, canonical_rule = canonical_name(doc, ent, full_names=full)
        rows.append(
            {
                "text": text[ent.start_char : ent.end_char],
                "label": ent.label_,
                "canonical": canonical,
                "sent_id": sent_id,
                "start": ent.start_char,
                "end": ent.end_char,
                "role": "source" if sources.intersection(range(ent.start, ent.end)) else "mentioned",
                "in_body": bool(in_body[sent_id]) if in_body else False,
                "label_rule": rules.get((ent.start, ent.end), "model"),
                "canonical_rule": canonical_rule,
            }
        )
    for start, end, name, evidence in described_people(doc):
        sent_id = containing_index(start, starts)
        span = doc[start:end]
        rows.append(
            {
                "text": text[span.start_char : span.end_char],
                "label": "PERSON",
                "canonical": name,
                "sent_id": sent_id,
                "start": span.start_char,
                "end": span.end_char,
                "role": "source" if sources.intersection(range(start, end)) else "mentioned",
                "in_body": bool(in_body[sent_id]) if in_body else False,
                "label_rule": "description",
                "canonical_rule": evidence,
            }
        )
    rows.sort(key=lambda r: (r["start"], -r["end"]))
    return conform("entities", rows)


#: Nouns a description uses for a head of state or government ("the Russian leader").
LEADER_NOUNS = lexicon_words("context_words", "leader_nouns")


@lru_cache(maxsize=1)
def _leader_titles() -> list[tuple[str, ...]]:
    """Political titles and leader nouns, lower-cased word tuples, longest first."""
    political = load_lexicon("titles").query("category == 'political'")["title"].str.lower()
    return sorted({tuple(t.split()) for t in political} | {(n,) for n in LEADER_NOUNS}, key=len, reverse=True)


@lru_cache(maxsize=1)
def _leader_titles_by_last_word() -> dict[str, list[tuple[str, ...]]]:
    by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in _leader_titles():
        by_last[words[-1]].append(words)
    return dict(by_last)


def described_people(doc: Doc) -> list[tuple[int, int, str, str]]:
    """ "the Russian leader" -> Vladimir Putin, only with stated evidence: exactly one
    person in the article is introduced as "<same nationality> <political title> <Name>"
    ("Russian President Vladimir Putin", "North Korean dictator Kim Jong-un").

    Returns:
        ``(start, end, canonical name, evidence)`` token spans, in text order.
    """
    titles = _leader_titles_by_last_word()
    introduced: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start < 2:
            continue
        # Only titles ending with the word before the name can precede it.
        for words in titles.get(doc[ent.start - 1].lower_, ()):
            before = ent.start - len(words)
            if before >= 1 and tuple(t.lower_ for t in doc[before : ent.start]) == words:
                if doc[before - 1].ent_type_ == "NORP":
                    introduced[doc[before - 1].text].add((ent.text, ent.start, before - 1))
                break
    found = []
    for i, lower in enumerate(token_strings(doc, "LOWER")):
        if lower not in LEADER_NOUNS or i < 2:
            continue
        token = doc[i]
        if token.ent_type_:
            continue
        nationality, article = doc[token.i - 1], doc[token.i - 2]
        people = introduced.get(nationality.text, set())
        names = {name for name, _, _ in people}
        if article.lower_ != "the" or nationality.ent_type_ != "NORP" or len(names) != 1:
            continue
        _, at, intro = min(people, key=lambda p: p[1])
        ent = next(e for e in doc.ents if e.start == at)
        full = canonical_name(doc, ent)[0]
        evidence = f"description: the only {nationality.text} leader named in the article ('{doc[intro : ent.end].text}')"
        found.append((article.i, token.i + 1, full, evidence))
    return found


def _summary_type(labels: pd.Series) -> str:
    """A canonical entity's type: its most frequent non-NORP label (ties: alphabetical);
    a place known only through demonyms is GPE."""
    named = labels[labels != "NORP"]
    if named.empty:
        return "NORP"
    counts = Counter(named)
    return sorted(counts, key=lambda label: (-counts[label], label))[0]


def entity_summary(entities: pd.DataFrame, attributions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``entity_summary`` view: one row per canonical named entity in the body.

    Columns: canonical, type, mentions (all body mentions, demonyms included),
    demonym_mentions, as_source (body attributions whose canonical source is this
    entity), first_sent_id, forms (the distinct texts, ';'-joined). Sorted by mentions
    (descending), then first_sent_id, then canonical.
    """
    columns = ["canonical", "type", "mentions", "demonym_mentions", "as_source", "first_sent_id", "forms"]
    body = entities[entities["in_body"] & entities["label"].isin(NAME_LABELS)]
    if body.empty:
        return pd.DataFrame(columns=columns)
    credited = Counter()
    if attributions is not None and len(attributions):
        credited = Counter(v for v in attributions["canonical_source"] if isinstance(v, str))
    rows = []
    for canonical, group in body.groupby("canonical", sort=True):
        demonym = group["label"] == "NORP"
        listed_place = demonym.all() and group["canonical_rule"].str.startswith("demonym").all()
        rows.append(
            {
                "canonical": canonical,
                "type": "GPE" if listed_place and _places().get(canonical, ("", "GPE"))[1] == "GPE" else _summary_type(group["label"]),
                "mentions": len(group),
                "demonym_mentions": int(demonym.sum()),
                "as_source": int(credited.get(canonical, 0)),
                "first_sent_id": int(group["sent_id"].min()),
                "forms": ";".join(sorted(set(group["text"]))),
            }
        )
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["mentions", "first_sent_id", "canonical"], ascending=[False, True, True]).reset_index(drop=True)


def entity_pairs(entities: pd.DataFrame) -> pd.DataFrame:
    """Co-occurrence of canonical named entities in body sentences.

    Columns: entity_a, entity_b (alphabetical within a pair), sentences (how many body
    sentences name both), sent_ids (those sentences). Sorted by sentences (descending),
    then entity_a, entity_b.
    """
    columns = ["entity_a", "entity_b", "sentences", "sent_ids"]
    body = entities[entities["in_body"] & entities["label"].isin(NAME_LABELS)]
    shared: dict[tuple[str, str], list[int]] = defaultdict(list)
    for sent_id, group in body.groupby("sent_id", sort=True):
        names = sorted(set(group["canonical"]))
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                shared[(a, b)].append(int(sent_id))
    rows = [{"entity_a": a, "entity_b": b, "sentences": len(ids), "sent_ids": ids} for (a, b), ids in shared.items()]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["sentences", "entity_a", "entity_b"], ascending=[False, True, True]).reset_index(drop=True)
