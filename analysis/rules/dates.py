"""When: date and time expressions, and whether a reader can place them.

What it extracts: the ``dates`` table, one row per date or time expression (spaCy's
DATE and TIME entities, plus weekday and month names the model left untagged), with
its offsets and ``kind``:

- ``absolute``: it names a year ("February 2022", "24 October 2024", "in 2007"), so a
  reader can place it without knowing when the article was written;
- ``relative``: it needs the date of writing ("on Wednesday", "earlier this month",
  "this week", "the summer", "yesterday", "in October");
- ``duration``: a length of time, not a point ("three-day", "two years", "decades").

``rule`` says which cue decided: a year, a deictic word ("this", "last", "ago"...), a
weekday, a month or season with no year, or a number with a time unit.
"""

from __future__ import annotations

import re

import pandas as pd
from spacy.tokens import Doc, Span

from analysis.lexicon import lexicon_words
from analysis.schema import conform
from analysis.text.structure import containing_index

__all__ = ["find_dates", "date_table"]

WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                    "sept", "oct", "nov", "dec"})  # fmt: skip
SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
DEICTIC = frozenset({"this", "last", "next", "ago", "earlier", "later", "recent", "recently", "today", "tonight",
                     "yesterday", "tomorrow", "now", "current", "previous", "coming", "past", "following", "same",
                     "weekend", "overnight"})  # fmt: skip
UNITS = frozenset({"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century",
                   "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries"})  # fmt: skip
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                      "last", "final", "opening", "closing"})  # fmt: skip
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
#: A year or a decade as one word ("2005", "1990s", "mid-1990s").
YEAR = re.compile(r"^(?:(?:mid|early|late)-)?\d{4}s?$")


def _kind(span: Span) -> tuple[str, str]:
    words = [t.lower_ for t in span]
    if any(YEAR.match(t.text) for t in span):
        return "absolute", "names a year"
    deictic = [w for w in words if w in DEICTIC]
    if deictic:
        return "relative", f"'{deictic[0]}' counts from the date of writing"
    weekday = [w for w in words if w in WEEKDAYS]
    if weekday:
        return "relative", f"a weekday ('{weekday[0]}') with no date"
    month = [w for w in words if w in MONTHS or w in SEASONS]
    if month:
        return "relative", f"'{month[0]}' with no year"
    if any(w in ORDINALS or ORDINAL.match(w) for w in words):
        return "relative", ORDINAL_POINT_RULE
    if any(w in UNITS for w in re.split(r"[\s-]+", span.text.lower())) and (
        any(t.like_num for t in span) or "-" in span.text or words[-1].endswith("s")
    ):
        return "duration", "a number of time units: a length, not a point"
    return "relative", "no year: placed only by the date of writing"


#: An amount, not a date: "11bn", "4.8bn", "300m" (the model sometimes tags these DATE).
AMOUNT = re.compile(r"^[£$€]?\d+(\.\d+)?(bn|m|tn|k)$", re.I)


#: The rule of a point within something the text dates ("the second day", "the first 15
#: minutes"): placed by that, not by the date of writing.
ORDINAL_POINT_RULE = "an ordinal point ('the second day') within something the text dates, if at all"
#: An age, not a date: "under 65", "over 70", "past 65", "aged 16".
AGE = re.compile(r"^(under|over|past|aged|above|below)\s+(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                 r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty)$", re.I)


#: Words that join numbers without making them a date ("between 10 and 12").
NUMBER_JOINERS = frozenset({"between", "and", "to", "from", "or", "the", "some", "about", "around"})

#: "a year" ("$5bn a year", "jailed for a year"): how often or how long, never when.
RATE_OR_LENGTH = re.compile(r"^(?:a|an|per|one)\s+(?:year|month|week|day|hour|minute|decade)$", re.I)
#: "last minute changes", "at the last moment": a figure of speech for "late".
LAST_MINUTE = re.compile(r"^(?:the\s+)?(?:very\s+)?last[\s-](?:minute|moment|gasp)$", re.I)


#: "the first half", "the second half": of a match, unless "of" a year follows.
HALF_OF_A_GAME = re.compile(r"^(?:the\s+)?(?:first|second)\s+half$", re.I)


#: Words of a sentence about a trading year: its "second half" is one ("sales in the second half").
YEAR_WORDS = lexicon_words("context_words", "year_words")


def _about_a_year(sentence: Span) -> bool:
    return any(t.lemma_.lower() in YEAR_WORDS or t.ent_type_ in ("MONEY", "PERCENT") for t in sentence)


def _numbers_only(span: Span) -> bool:
    """A DATE entity of numbers and joining words only, with no year: no date at all."""
    words = [t for t in span if not t.is_punct]
    if not words or any(YEAR.match(t.text) or "/" in t.text for t in words):
        return False  # a year, or a day written with a slash ("9/11")
    return all(t.like_num or t.lower_ in NUMBER_JOINERS for t in words) and any(t.like_num for t in words)


def _not_a_date(span: Span) -> bool:
    """A DATE entity that is none: an amount ("11bn euros"), an age ("under 65"), a
    frequency ("monthly", "$5bn a year"), a length ("for a year"), a figure of speech
    ("last minute changes", "at the end of the day"), half of a match ("the first half"), or a
    programme's name ("BBC Radio 4's Today programme": "Today" capitalised inside a
    sentence)."""
    if len(span) == 1 and AMOUNT.match(span.text):
        return True
    if len(span) == 1 and span.text.lower() in lexicon_words("context_words", "frequency"):
        return True  # "the highest monthly total": how often, not when
    if AGE.match(span.text):
        return True  # "under 65", "past 65": an age
    if _numbers_only(span):
        return True  # "30" (an age), "between 10 and 12": numbers the model tagged DATE
    if span.text.lower() == "the century" and span.start > 0 and span.doc[span.start - 1].lower_ == "of":
        return True  # "the swindle of the century": a figure of speech
    if RATE_OR_LENGTH.match(span.text) or LAST_MINUTE.match(span.text):
        return True  # "cut costs by $5bn a year", "last minute changes"
    if span.text.lower() == "the end of the day" and span.start >= 1 and span.doc[span.start - 1].lower_ == "at":
        return True  # "at the end of the day": "when all is said and done" (BBC News politics/141)
    if HALF_OF_A_GAME.match(span.text) and (span.end >= len(span.doc) or span.doc[span.end].lower_ != "of") and not _about_a_year(span.sent):
        return True  # "in the first half": of a match (BBC News sport/340), not "the first half of 2005"
    first = span[0]
    return span.text == "Today" and not first.is_sent_start and (
        first.i + 1 < len(span.doc) and span.doc[first.i + 1].lower_ in ("programme", "program", "show")
        or first.i > 0 and span.doc[first.i - 1].tag_ == "POS"
        # "Mr Milburn told Today": the programme, where the article names it so elsewhere
        # (BBC News politics/268, a teacher's review).
        or _names_the_programme(span.doc)
    )


def _names_the_programme(doc: Doc) -> bool:
    """Whether the article calls "Today" a programme or show somewhere ("the Today programme")."""
    return any(t.text == "Today" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("programme", "program", "show") for t in doc)


def _with_its_deictic(span: Span) -> Span | None:
    """A time unit alone ("year", as the model tags it in "this year's Tracey Island")
    with the "this", "last" or "next" before it; with no such word ("decade-long", "the
    year's best album", "month on month") it is no date. A plural ("for weeks") stays a length."""
    if len(span) != 1 or span[0].lower_ not in UNITS or span[0].lower_.endswith("s"):
        return span  # "for weeks": a length
    before = span.doc[span.start - 1] if span.start else None
    return span.doc[span.start - 1 : span.end] if before is not None and before.lower_ in DEICTIC else None


def find_dates(doc: Doc) -> list[Span]:
    """Date and time expressions in text order: DATE/TIME entities plus untagged weekday
    and month names (a capitalised "May" only beside a number, since it is also a name
    and a modal verb)."""
    found = [whole for e in doc.ents if e.label_ in ("DATE", "TIME") and not _not_a_date(e)
             for whole in [_with_its_deictic(e)] if whole is not None]  # fmt: skip
    covered = {i for e in doc.ents for i in range(e.start, e.end)}
    for token in doc:
        if token.i in covered or not token.text[:1].isupper():
            continue
        lower = token.lower_
        if lower in WEEKDAYS or (lower in MONTHS and len(lower) > 3 and lower != "may") or (
            lower == "may" and any(t.like_num for t in (token.nbor(-1) if token.i else token, token.nbor() if token.i + 1 < len(doc) else token))
        ):
            found.append(doc[token.i : token.i + 1])
    return sorted(found, key=lambda s: s.start)


def date_table(text: str, doc: Doc, sentences: list[Span], in_body: list[bool]) -> pd.DataFrame:
    """The ``dates`` table: sent_id, text, start, end, kind, rule, in_body."""
    starts = [s.start for s in sentences]
    rows = []
    for span in find_dates(doc):
        sent_id = containing_index(span.start, starts)
        kind, rule = _kind(span)
        rows.append(
            {
                "sent_id": sent_id,
                "text": text[span.start_char : span.end_char],
                "start": span.start_char,
                "end": span.end_char,
                "kind": kind,
                "rule": rule,
                "in_body": bool(in_body[sent_id]) if in_body else False,
            }
        )
    return conform("dates", rows)
