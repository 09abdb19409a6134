"""How many: the ``numbers`` table of counts, amounts and percentages, with who gave them.

What it extracts: one row per number in the text (figures, number words and vague
counts such as "thousands"), with its ``value`` as a float, whether it is
``approximate`` and which word says so, the ``bound`` it gives (exact, approx, lower,
upper), the noun it ``counted``, who gave it (``source``: the attribution whose content
holds it, else the sentence's claim source, else the author) and ``flags`` a careful
reader would question. Dates, times and ordinals ("February 2022", "second day") are
not counts and are left to :mod:`analysis.rules.dates`.

Vague counts and approximators are data (``lexicons/quantities.csv``): "thousands" is
1000 as a lower bound, "dozens" 24; "around", "about", "some" make a figure
approximate, "up to" an upper and "more than" a lower bound.

Flags (``flags`` lists the codes, ``flag_reason`` explains them):

- ``no_base``: a percentage change ("rose 20%") with no other figure in its sentence
  to say what it is a percentage of.
- ``round_unnamed``: a round figure ("thousands", "50", "around 12,000") whose source is
  anonymous, unnamed or unattributed media.
- ``differs``: the same modified noun ("North Korean troops") counted with exact figures
  more than a quarter apart in two body sentences naming the same person, place or
  organisation.
- ``too_large``: a figure too large for a float (hundreds of digits): its ``value`` is
  empty and the number is kept as written in ``text``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd
from spacy.tokens import Doc, Span

from analysis.rules.dates import MONTHS
from analysis.rules.entities import NAME_LABELS
from analysis.lexicon import load_lexicon, lexicon_words
from analysis.rules.phrases import LexiconMatcher
from analysis.schema import TableColumns
from analysis.rules.sources import ContentIndex
from analysis.text.structure import containing_index
from analysis.vocabulary import NOBODY_NAMED, WEAK_SOURCE_TYPES

__all__ = ["parse_value", "find_numbers", "number_table", "number_columns"]

#: How many steps up the parse a change word may govern a percentage from ("rose by 20%":
#: "by", then "rose").
CHANGE_STEPS = 3


def _tells_a_change(span) -> bool:
    """The percentage is a change: a change word is the figure's own word or governs it
    within :data:`CHANGE_STEPS` steps ("rose 20%", "rose by 20%", "a 20% rise", "up 5%"), or
    "up" or "down" hangs off a word above it ("closed down 8%", "has gone up by 27%"),
    not any change word in its sentence ("top up to 80-percent" beside "fast charging")."""
    root = span.root
    governing = [root, *list(root.ancestors)[:CHANGE_STEPS]]
    near = [*governing, *root.children]
    if any(t.lemma_.lower() in CHANGE_WORDS or t.lower_ in CHANGE_COMPARATIVES for t in near):
        return True
    # "closed down 8%": the direction hangs off the verb beside the figure.
    return any(c.dep_ in ("advmod", "prt") and c.lower_ in ("up", "down") for t in governing[1:] for c in t.children)

COUNT_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
UNSOURCED_TYPES = WEAK_SOURCE_TYPES
CHANGE_WORDS = lexicon_words("context_words", "change_words")
#: Comparatives that make a percentage a change ("15% higher than a year ago").
CHANGE_COMPARATIVES = frozenset({"higher", "lower"})
CURRENCIES = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yen"}
#: Multipliers written straight after a figure ("£12m", "$3bn", "40k").
SHORT_MULTIPLIERS = frozenset({"k", "m", "mn", "bn"})
MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9,
               "tn": 1e12, "trillion": 1e12}  # fmt: skip
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "half": 0.5,
}  # fmt: skip
FIGURE = re.compile(
    r"(?P<cur>[$£€¥])?\s*(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+)\s*(?P<mult>bn|billion|mn|million|m|k|thousand|tn|trillion)?\b\s*(?P<pct>%|per ?cent|percent)?",
    re.I,
)


@lru_cache(maxsize=1)
def _quantities() -> pd.DataFrame:
    return load_lexicon("quantities")


@lru_cache(maxsize=1)
def _vague() -> dict[str, tuple[float, str]]:
    table = _quantities()
    table = table[table["category"] == "vague_count"]
    return {row.word: (float(row.value), row.bound) for row in table.itertuples()}


@lru_cache(maxsize=4)
def _approximators(vocab) -> tuple[LexiconMatcher, list[tuple[str, str]]]:
    table = _quantities()
    table = table[table["category"] == "approximator"]
    rows = list(zip(table["word"], table["bound"]))
    return LexiconMatcher(vocab, [word for word, _ in rows]), rows


@lru_cache(maxsize=1)
def _approximators_after() -> dict[tuple[str, ...], str]:
    """Words after a figure that make it rough ("10 or so", "20 or more"): their words
    and the bound they give (``lexicons/quantities.csv``, category approximator_after)."""
    table = _quantities()
    table = table[table["category"] == "approximator_after"]
    return {tuple(str(word).split()): str(bound) for word, bound in zip(table["word"], table["bound"])}


def _approximator_after(doc: Doc, end: int) -> tuple[tuple[int, int], str] | None:
    """The approximator right after a figure ending at ``end``, and its bound, or None."""
    for words, bound in _approximators_after().items():
        j = end + len(words)
        if j <= len(doc) and tuple(t.lower_ for t in doc[end:j]) == words:
            return (end, j), bound
    return None


def _words_value(words: list[str]) -> float | None:
    """ "twenty-five" -> 25, "three hundred" -> 300, "two million" -> 2e6; None if not a number."""
    total, current, seen = 0.0, 0.0, False
    for word in (w for part in words for w in part.lower().replace("-", " ").split()):
        if word in ("a", "an") and current:
            continue  # "half a million"
        if word in UNITS:
            current += UNITS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in MULTIPLIERS and len(word) > 2:
            total += (current or 1) * MULTIPLIERS[word]
            current = 0
        elif word == "and":
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


#: The rest of a range after its first figure, ending in a multiplier ("and 250 million").
RANGE_MULTIPLIER = re.compile(r"^(?:and|to|-|or)\s+[£$€]?[\d.,]+\s*(million|billion|trillion|thousand|bn|m|tn)$")


def parse_value(text: str) -> tuple[float | None, str, str | None]:
    """The value of a number as written, its bound, and its unit.

    >>> parse_value("12,000")
    (12000.0, 'exact', None)
    >>> parse_value("thousands")
    (1000.0, 'lower', None)
    >>> parse_value("$1.13bn")
    (1130000000.0, 'exact', 'dollars')

    Returns:
        ``(value, bound, unit)``; ``value`` is None when the text is not a number.
        ``bound`` is ``exact`` or the vague word's bound; ``unit`` is a currency or
        ``percent``.
    """
    cleaned = text.strip()
    vague = _vague().get(cleaned.lower())
    if vague is not None:
        return vague[0], vague[1], None
    match = FIGURE.search(cleaned)
    if match:
        value = float(match.group("num").replace(",", ""))
        mult = (match.group("mult") or "").lower()
        value *= MULTIPLIERS.get(mult, 1)
        rest = cleaned[match.end() :].lower().split()
        if rest and rest[0] in MULTIPLIERS and len(rest[0]) > 2 and not mult:
            value *= MULTIPLIERS[rest[0]]
        elif not mult and RANGE_MULTIPLIER.match(" ".join(rest)):
            # "200 and 250 million", "3 to 4bn": the multiplier closing a range is the first figure's too.
            value *= MULTIPLIERS[RANGE_MULTIPLIER.match(" ".join(rest)).group(1)]
        unit = CURRENCIES.get(match.group("cur") or "") or ("percent" if match.group("pct") or "per cent" in cleaned.lower() or "percent" in cleaned.lower() else None)
        return value, "exact", unit
    words = [w for w in re.split(r"\s+", cleaned) if w]
    unit = "percent" if words and words[-1].lower() in ("percent", "%") else None
    value = _words_value(words[:-2] if cleaned.lower().endswith("per cent") else words[:-1] if unit else words)
    return value, "exact", unit


@dataclass
class NumberMention:
    """One number in the text (token span ``start``..``end``)."""

    start: int
    end: int
    label: str
    value: float | None
    bound: str
    unit: str | None
    approximator: tuple[int, int] | None = None
    counted: str | None = None
    counted_phrase: str | None = None
    counted_rule: str = "none"
    flags: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def _is_year(token) -> bool:
    return token.is_digit and len(token.text) == 4 and 1800 <= int(token.text) <= 2100


def _parser_sentence_starts(doc: Doc) -> list[int]:
    """First token of each of the parser's sentences (what ``token.sent.start`` gives,
    found once per article rather than by walking back from each token)."""
    return [sent.start for sent in doc.sents]


def _part_of_a_name(doc: Doc, start: int, end: int) -> bool:
    """A figure that is part of a name, not an amount: letters before its digits ("G7",
    "F-16") or a bare whole number right after a capitalised word of a name ("Number 10",
    "Radio 4", "Formula 1"), not after a month or a currency."""
    first = doc[start]
    if first.text[:1].isalpha() and any(c.isdigit() for c in first.text):
        return True
    if end - start == 2 and first.text[:1].isupper() and first.is_alpha and doc[start + 1].is_digit:
        start, first = start + 1, doc[start + 1]  # "Number 10" tagged as one count: its word is the name's
    if end - start != 1 or not first.is_digit or start == 0:
        return False
    if end < len(doc) and doc[end].text in ("-", "\u2013"):
        return False  # "beat Olympiakos 3-1", "Ireland 21-19 Argentina": a score
    before = doc[start - 1]
    # "Number 10 said": the tagger may call the capitalised word a noun; the figure is its number.
    named = before.pos_ == "PROPN" or (before.pos_ == "NOUN" and first.head.i == before.i)
    return named and before.text[:1].isupper() and before.ent_type_ not in ("DATE", "MONEY", "TIME") \
        and before.lower_ not in MONTHS and before.text not in CURRENCIES


def _candidate_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """Number spans: count-like entities, plus figures and number words the model left
    untagged; not a figure that is part of a name ("Number 10", "G7")."""
    spans = [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in COUNT_LABELS]
    covered = {i for e in doc.ents for i in range(e.start, e.end)}
    for token in doc:
        if token.i in covered or not token.like_num or _is_year(token):
            continue
        # Untagged number words count only as a noun's modifier ("the two leaders"), not
        # as a pronoun ("one of the largest").
        if token.is_digit or token.dep_ == "nummod":
            spans.append((token.i, token.i + 1, "CARDINAL"))
    models = _model_numbers(doc)
    return sorted(s for s in spans if not _part_of_a_name(doc, s[0], s[1]) and not models & set(range(s[0], s[1])))


def _hyphened_figures(doc: Doc) -> list[tuple[int, int]]:
    """Figures written as "737-800" (digits, a hyphen, digits, no spaces): their token spans."""
    return [(t.i, t.i + 3) for t in doc[:-2] if t.is_digit and doc[t.i + 1].text == "-" and doc[t.i + 2].is_digit
            and not t.whitespace_ and not doc[t.i + 1].whitespace_]  # fmt: skip


def _model_numbers(doc: Doc) -> set[int]:
    """Tokens of a model's name written as figures: "Boeing 737-800" (a brand's name, then
    figures of three digits or more joined by a hyphen), and the same figures wherever the
    article writes them again ("the 737-800 had ..."); not a score ("Olympiakos 3-1") or a
    range ("300-400 people", which no name comes before)."""
    joined = _hyphened_figures(doc)
    named = {doc[i:j].text for i, j in joined
             if i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper() and len(doc[i].text) >= 3}  # fmt: skip
    return {k for i, j in joined if doc[i:j].text in named for k in range(i, j)}


def _noun_phrase(noun) -> str:
    """The counted noun with its adjective and compound modifiers ("north korean troops")."""
    words = [t for t in noun.children if t.dep_ in ("amod", "compound") and t.i < noun.i and not t.like_num]
    words = sorted({w for t in words for w in t.subtree if w.i < noun.i and not w.like_num and not w.is_punct}, key=lambda t: t.i)
    return " ".join([t.lower_ for t in words] + [noun.lower_])


def _counted(doc: Doc, start: int, end: int, unit: str | None) -> tuple[str | None, str | None, str]:
    """The counted noun, the noun with its modifiers, and the rule that found it."""
    root = doc[start:end].root
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
            if pobj is not None:
                return pobj.lower_, _noun_phrase(pobj), "of_phrase"
    if root.dep_ in ("nummod", "quantmod", "compound", "amod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i not in range(start, end):
        return root.head.lower_, _noun_phrase(root.head), "modifies_noun"
    if unit and unit != "percent":
        return unit, unit, "currency"
    inside = [
        t for t in doc[start:end]
        if t.pos_ == "NOUN" and not t.like_num and t.lower_ not in MULTIPLIERS and t.lower_ not in ("%", "percent", "cent")
    ]
    if inside:
        return inside[-1].lower_, inside[-1].lower_, "unit_in_span"
    return None, None, "none"


#: Verbs that move a total to where "up to" says it ends ("pushed rates up to 2.25%").
BRINGING_VERBS = lexicon_words("context_words", "bringing_verbs")


def _brought_up_to(doc: Doc, start: int, end: int) -> bool:
    """ "brings the order book up to 225 firm orders", "pushed rates up to 2.25%": "up to"
    after the object of a verb that moves a total says where it ends, exactly; not "could
    cost up to 500 jobs", "can boost speeds up to 75 megabits" (at most)."""
    if doc[start:end].text.lower() != "up to" or start == 0 or doc[start - 1].dep_ != "dobj":
        return False
    verb = doc[start - 1].head
    return verb.lemma_.lower() in BRINGING_VERBS and not any(c.tag_ == "MD" for c in verb.children)


def _a_range(doc: Doc, start: int, end: int) -> bool:
    """Whether "between" before the figure at ``start``..``end`` opens a range of figures
    ("between 200 and 250 million", "between 250 euros (£173) and 600 euros"), not a
    relation between things ("a legal fight between three journalists and Apple")."""
    if re.search(r"\d[\d.,]*\s*(?:-|–|to|and)\s*[£$€]?\d", doc[start:end].text):
        return True
    following = list(doc[end : min(len(doc), end + 8)])
    joiner = next((k for k, t in enumerate(following) if t.lower_ == "and"), None)
    return joiner is not None and any(t.like_num or t.text[:1] in "£$€" for t in following[joiner + 1 : joiner + 3])


def find_numbers(doc: Doc) -> list[NumberMention]:
    """Every count, amount and percentage in a parsed article, in text order."""
    matcher, approximators = _approximators(doc.vocab)
    approx_ending = {}
    for row, start, end in matcher(doc):
        if not _brought_up_to(doc, start, end):
            approx_ending.setdefault(end, (start, approximators[row][1]))
    mentions: list[NumberMention] = []
    for start, end, label in _candidate_spans(doc):
        # spaCy sometimes puts the approximator inside the entity ("about 200").
        inner = matcher(doc[start:end])
        approx = None
        for _, a_start, a_end in inner:
            if a_start == start and a_end < end:
                if _brought_up_to(doc, a_start, a_end):
                    start = a_end  # the total's end, not a bound
                    break
                approx, start = (a_start, a_end), a_end
                break
        span = doc[start:end]
        value, bound, unit = parse_value(span.text)
        if value is None:
            continue
        if label == "PERCENT" and re.search(r"%|per ?cent", span.text, re.I):
            unit = "percent"  # not "150 kW DC", which the model may tag PERCENT
        elif unit is None and start > 0 and doc[start - 1].text in CURRENCIES:
            unit = CURRENCIES[doc[start - 1].text]  # "£1,400" with the symbol outside the entity
        if approx is None and start in approx_ending:
            a_start, a_bound = approx_ending[start]
            approx, bound = (a_start, start), a_bound if bound == "exact" else bound
        elif approx is not None:
            bound = next(b for w, b in approximators if w == doc[approx[0] : approx[1]].text.lower()) if bound == "exact" else bound
        # "£12m": the tokenizer splits the symbol and the multiplier off the figure, and
        # the entity model leaves them out; the number as written keeps both.
        suffix = doc[end].lower_ if end < len(doc) else ""
        if not doc[end - 1].whitespace_ and suffix in SHORT_MULTIPLIERS and doc[end - 1].like_num:
            value, end = value * MULTIPLIERS[suffix], end + 1
        if approx is not None and doc[approx[0] : approx[1]].text.lower() == "between" and not _a_range(doc, start, end):
            approx, bound = None, parse_value(span.text)[1]  # "the difference between one side and another"
        after = _approximator_after(doc, end)
        if approx is None and after is not None:
            approx, bound = after[0], after[1] if bound == "exact" else bound  # "10 or so images"
        counted, phrase, rule = _counted(doc, start, end, unit)
        if unit is not None and unit != "percent" and start > 0 and doc[start - 1].text in CURRENCIES and not doc[start - 1].whitespace_:
            start -= 1
        mention = NumberMention(start, end, label, value, bound, unit, approx, counted, phrase, rule)
        if not math.isfinite(value):
            # Hundreds of digits overflow a float: the number stays as written, with no value.
            mention.value = None
            mention.flags.append("too_large")
            mention.reasons.append("too large to hold as a number: kept as written")
        mentions.append(mention)
    # Elliptical counts ("12,000 troops ..., with 2,600 already ...") count the same noun.
    sent_starts = _parser_sentence_starts(doc) if mentions else []
    sent_of = [containing_index(m.start, sent_starts) for m in mentions]
    for i, m in enumerate(mentions):
        if m.counted is None and m.unit is None:
            before = [p for k, p in enumerate(mentions[:i]) if p.counted and sent_of[k] == sent_of[i]]
            if before:
                m.counted, m.counted_phrase, m.counted_rule = before[-1].counted, before[-1].counted_phrase, "elliptical"
    return mentions


def _is_round(m: NumberMention) -> bool:
    if m.value is None:
        return False
    if m.bound == "lower" and m.counted_rule != "none" and m.value in _vague_values():
        return True
    value = int(m.value) if m.value == int(m.value) else None
    if value is None or value < 10:
        return False
    digits = str(value).rstrip("0")
    return len(digits) == 1 or (m.approximator is not None and value % 1000 == 0)


@lru_cache(maxsize=1)
def _vague_values() -> frozenset[float]:
    return frozenset(v for v, _ in _vague().values())


def number_table(
    text: str,
    doc: Doc,
    sentences: list[Span],
    sentence_rows: pd.DataFrame,
    attributions: pd.DataFrame,
    *,
    contents: ContentIndex | None = None,
) -> pd.DataFrame:
    """The ``numbers`` table: one row per number, in text order.

    Args:
        text: The article text (offsets refer to it).
        doc: The parsed article.
        sentences: Its sentences (``sent_id`` indexes this list).
        sentence_rows: The ``sentences`` table (``claim_source``, ``in_body``).
        attributions: The ``attributions`` table: a number inside an attribution's
            content is credited to that attribution's source.
        contents: The attributions' :class:`~analysis.rules.sources.ContentIndex`, when the
            caller has built it already.
    """
    return number_columns(text, doc, sentences, sentence_rows, attributions, contents=contents).frame()


def number_columns(
    text: str,
    doc: Doc,
    sentences: list[Span],
    sentence_rows: pd.DataFrame,
    attributions: pd.DataFrame,
    *,
    contents: ContentIndex | None = None,
) -> TableColumns:
    """:func:`number_table` as columns, before a DataFrame is built."""
    starts = [s.start for s in sentences]
    mentions = find_numbers(doc)
    if not mentions:
        return TableColumns("numbers")
    contents = contents or ContentIndex(attributions)
    claim_sources = sentence_rows["claim_source"].tolist()
    claim_source_types = sentence_rows["claim_source_type"].tolist()
    in_body = sentence_rows["in_body"].tolist()
    parser_starts = _parser_sentence_starts(doc)
    parser_sent = [containing_index(m.start, parser_starts) for m in mentions]  # spaCy's sentence of each
    rows = []
    for n, m in enumerate(mentions):
        sent_id = containing_index(m.start, starts)
        span = doc[m.start : m.end]
        best = contents.innermost(span.start_char, span.end_char)
        if best is not None:
            source = best["canonical_source"] if isinstance(best["canonical_source"], str) else NOBODY_NAMED
            source_type, source_rule = best["source_type"], f"inside what '{best['cue']}' attributes"
        else:
            if isinstance(claim_sources[sent_id], str):
                source, source_type, source_rule = claim_sources[sent_id], claim_source_types[sent_id], "the sentence's claim source"
            else:
                source, source_type, source_rule = "author", "author", "no attribution: the author's own figure"
        if m.unit == "percent" and not any(
            o is not m and parser_sent[k] == parser_sent[n] and o.unit != "percent" for k, o in enumerate(mentions)
        ):
            if _tells_a_change(span):
                m.flags.append("no_base")
                m.reasons.append("a percentage change with no base figure in its sentence")
        if source_type in UNSOURCED_TYPES and _is_round(m):
            m.flags.append("round_unnamed")
            m.reasons.append(f"a round figure from {'an' if source_type[0] in 'aeiou' else 'a'} {source_type} source")
        rows.append(
            {
                "sent_id": sent_id,
                "text": text[span.start_char : span.end_char],
                "value": m.value,
                "approximate": m.bound != "exact",
                "start": span.start_char,
                "end": span.end_char,
                "bound": m.bound,
                "approximator": doc[m.approximator[0] : m.approximator[1]].text if m.approximator else None,
                "unit": m.unit,
                "counted": m.counted,
                "counted_phrase": m.counted_phrase,
                "counted_rule": m.counted_rule,
                "source": source,
                "source_type": source_type,
                "source_rule": source_rule,
                "in_body": bool(in_body[sent_id]),
                "flags": m.flags,
                "flag_reason": "; ".join(m.reasons) or None,
            }
        )
    # The names in each sentence (an entity counts where it lies wholly inside it).
    names: list[set[str]] = [set() for _ in sentences]
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS:
            at = containing_index(ent.start, starts)
            if sentences and sentences[at].start <= ent.start and ent.end <= sentences[at].end:
                names[at].add(ent.text.lower())
    _flag_differing(rows, names)
    return TableColumns.from_rows("numbers", rows)


def _flag_differing(rows: list[dict], names: list[set[str]]) -> None:
    """``differs``: the same counted phrase ("north korean troops"), counted directly (not
    by ellipsis) with exact figures more than a quarter apart, in two body sentences
    that name the same person, place or organisation (so they likely speak of one group).
    Ranks ("world number 14") are not counts."""
    groups: dict[str, list[dict]] = {}
    for row in rows:
        if (row["in_body"] and row["bound"] == "exact" and row["value"] is not None and row["counted_rule"] in ("of_phrase", "modifies_noun")
                and isinstance(row["counted_phrase"], str) and " " in row["counted_phrase"] and row["counted"] != "number"):
            groups.setdefault(row["counted_phrase"], []).append(row)
    for phrase, group in sorted(groups.items()):
        if len(group) < 2:
            continue
        for a_pos, a in enumerate(group):
            for b in group[a_pos + 1 :]:
                low, high = sorted((a["value"], b["value"]))
                if a["sent_id"] == b["sent_id"] or high <= 1.25 * low or not names[a["sent_id"]] & names[b["sent_id"]]:
                    continue
                for this, other in ((a, b), (b, a)):
                    if "differs" in this["flags"]:
                        continue
                    # A new list: a mention's flags list is shared with its row.
                    this["flags"] = this["flags"] + ["differs"]
                    reason = f"'{phrase}' also counted as {other['value']:g} in sentence {other['sent_id']}"
                    this["flag_reason"] = "; ".join(r for r in (this["flag_reason"], reason) if r)
