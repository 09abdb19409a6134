"""Split an article into paragraphs and give each one a role, with the reason.

What it extracts: one row per paragraph with its character offsets into the original
text, its ``role`` (headline, standfirst, subheading, body, pull_quote, duplicate,
related_link, artifact) and a ``reason`` naming the rule that decided it.

Scraped pages carry their furniture into the text: a headline printed twice, the
standfirst or a body sentence repeated as a pull quote, "Read more:" links, button
labels. The rules below are general, ordered, and each states its evidence:

1. The first paragraph is the headline.
2. A short paragraph matching a page-furniture pattern (``lexicons/boilerplate.csv``)
   is an ``artifact`` or a ``related_link``.
3. The first content paragraph after the headline is the ``standfirst`` when a saved
   page shows it there as its summary (its description), or when it has no
   final punctuation and the page marks it as one: it is repeated or restated later,
   or the headline is repeated right after it. (A lead paragraph that merely lacks a
   full stop stays body: losing body text is worse than missing a standfirst.)
4. After the body has started, a short paragraph (10-60 words, at most two sentences,
   not a list item)
   whose words mostly recur, in order, in one sentence of another paragraph is a
   ``pull_quote``.
5. A paragraph repeating the headline or an earlier paragraph of more than 10 words
   exactly (after normalising case, quotes and spaces) is a ``duplicate``; short lines
   repeat by design in lists and menus.
6. A run of three or more headline-like lines in a row (5-20 words each, no full stop,
   most longer words capitalised), a short line without final punctuation right under a
   list heading ("You may also like") or under another such line, or, after the body
   has started, a headline-like line written wholly in capitals between two paragraphs
   of the story ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'", as news pages
   set their links), is a link to another story: a ``related_link``. So are three or
   more short lines, most without a full stop, that run from page furniture to the
   page's end (a "latest stories" list of headlines and their summaries), and a run of
   lines that each name a section, then " | " and a story's title.
7. After the body has started, a short line (at most 10 words) without final
   punctuation, starting with a capital, between a complete body paragraph and one
   that starts a new sentence, is a ``subheading``.
8. Everything else is ``body``; last, a heading "About my6sense" near the page's end and
   the paragraphs after it that all name the company are an ``artifact``: a press
   release's standard description of the company.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from analysis.lexicon import load_lexicon
from analysis.schema import conform
from analysis.reading.textnorm import normalize
from analysis.vocabulary import PARAGRAPH_ROLE

__all__ = [
    "ROLES",
    "CONTENT_ROLES",
    "split_paragraphs",
    "assign_roles",
    "paragraph_table",
    "paragraph_index",
]

ROLES = tuple(PARAGRAPH_ROLE)
#: Roles whose sentences are analysed as the article's claims.
CONTENT_ROLES = frozenset({"body"})

#: A pull quote keeps at least this share of its words, in order, from one sentence.
PULL_QUOTE_MIN_OVERLAP = 0.85
PULL_QUOTE_MAX_WORDS = 60
PULL_QUOTE_MIN_WORDS = 10
SUBHEADING_MAX_WORDS = 10
#: A line of a list of other stories' headlines: its length in words, and how many such
#: lines in a row make the list.
LINK_HEADLINE_WORDS = (5, 20)
LINK_HEADLINE_RUN = 3
STANDFIRST_MIN_WORDS = 5
STANDFIRST_MAX_WORDS = 60


# --- segmentation -------------------------------------------------------------------

_BLANK_LINE = re.compile(r"\n[^\S\n]*(?:\r?\n[^\S\n]*)+")


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) to exclude surrounding whitespace (Unicode-aware)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans of ``text``: blocks between blank lines, or lines if there are none.

    When the first block holds several lines, its first line is split off: a headline
    followed directly by the text on the next line.

    Returns:
        ``(start, end)`` pairs, stripped of surrounding whitespace, in reading order.
    """
    norm = normalize(text)
    if _BLANK_LINE.search(norm):
        cuts = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(norm)]
        bounds, pos = [], 0
        for cut_start, cut_end in cuts:
            bounds.append((pos, cut_start))
            pos = cut_end
        bounds.append((pos, len(text)))
    else:
        bounds, pos = [], 0
        for line in norm.split("\n"):
            bounds.append((pos, pos + len(line)))
            pos += len(line) + 1
    spans = [_strip_span(text, s, e) for s, e in bounds]
    spans = [(s, e) for s, e in spans if e > s]
    if spans and "\n" in norm[spans[0][0]:spans[0][1]]:
        start, end = spans[0]
        newline = norm.index("\n", start)
        first = _strip_span(text, start, newline)
        rest = _strip_span(text, newline, end)
        spans[0:1] = [span for span in (first, rest) if span[1] > span[0]]
    return spans


# --- features -----------------------------------------------------------------------

_WORD = re.compile(r"\w+(?:[.,]\d+)*")
_POSSESSIVE = re.compile(r"['’]s\b")
_CLOSERS = "\"')]}»”’"
_TERMINAL = ".!?…:;"
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


#: List items repeat a template ("- Critic, Outlet: Film - X; director - Y"), so they
#: resemble each other without being pull quotes.
_LIST_ITEM = re.compile(r"^\s*([-*\u2022\u2013\u2014]|\d+[.)])\s")


def _words(text: str) -> list[str]:
    """Lower-case words, possessive 's dropped ("Korea's" -> "korea"), numbers kept whole."""
    return _WORD.findall(_POSSESSIVE.sub("", normalize(text).lower()))


def _key(text: str) -> str:
    """Comparison key: lower case, normalised quotes and dashes, collapsed spaces."""
    return " ".join(normalize(text).lower().split())


def _has_final_punctuation(text: str) -> bool:
    stripped = normalize(text).rstrip().rstrip(_CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in _TERMINAL


def _starts_sentence(text: str) -> bool:
    """True when text starts like a new sentence: a capital, digit or opening quote."""
    first = normalize(text).lstrip()[:1]
    return bool(first) and (first.isupper() or first.isdigit() or first in "\"'(-[")


def _regex_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


#: A word, one with an apostrophe inside it included ("don't", "O'Neill").
_APOSTROPHE_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


@lru_cache(maxsize=1)
def _furniture_rules() -> list[tuple[re.Pattern, str, int, str, str, str]]:
    """Compiled page-furniture patterns: (regex, role, max_words, pattern, category, what
    it is in plain words)."""
    rules = []
    for row in load_lexicon("boilerplate").itertuples(index=False):
        literal = re.escape(_key(row.pattern))
        body = {
            "whole": rf"{literal}\W*",
            "prefix": rf"{literal}(?!\w).*",
            "contains": rf".*(?<!\w){literal}(?!\w).*",
            "regex": rf"(?:{row.pattern}).*",
        }[row.match]
        what = row.notes if isinstance(row.notes, str) and row.notes.strip() else row.category.replace("_", " ")
        rules.append((re.compile(body, re.S), row.role, int(row.max_words), row.pattern, row.category, what))
    return rules


def _furniture(text: str) -> tuple[str, str, str] | None:
    """The page-furniture pattern a line matches: (role, reason, category), or None. A
    word with an apostrophe counts once ("DON'T MISS" is two words)."""
    key = _key(text)
    n_words = len(_APOSTROPHE_WORD.findall(text))
    for regex, role, max_words, pattern, category, what in _furniture_rules():
        if n_words <= max_words and regex.fullmatch(key):
            # Plain words first (what the line is), the pattern that found it second.
            return role, f"page furniture: {what} (matches page-furniture pattern '{pattern}', {category}, lexicons/boilerplate.csv)", category
    return None


# --- roles --------------------------------------------------------------------------


def _common_subsequence(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two word lists."""
    previous = [0] * (len(b) + 1)
    for word in a:
        current = [0]
        for j, other in enumerate(b):
            current.append(previous[j] + 1 if word == other else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def _restatement(words: list[str], others: list[tuple[int, list[str]]]) -> tuple[int, float] | None:
    """Best (para_id, share) among sentences of other paragraphs restating ``words``.

    The share is the longest common word subsequence over the quote's length: a pull
    quote keeps the sentence's words in order but may drop or reword a few.
    """
    vocabulary = set(words)
    best: tuple[int, float] | None = None
    for para_id, sentence_words in others:
        # Cheap filter before the quadratic subsequence: most shared words must be there.
        if len(vocabulary & set(sentence_words)) < PULL_QUOTE_MIN_OVERLAP * len(vocabulary):
            continue
        share = _common_subsequence(words, sentence_words) / len(words)
        if best is None or share > best[1]:
            best = (para_id, share)
    return best


@dataclass
class _Paragraphs:
    """What the role rules read: every paragraph's words, comparison key and sentences,
    and the roles given so far."""

    texts: list[str]
    words: list[list[str]]
    keys: list[str]
    sentences: list[list[str]]
    sentence_words: list[list[list[str]]]
    roles: list[tuple[str, str] | None]
    body_started: bool = False
    page_standfirst: str = ""  # the comparison key of the summary the page shows under its headline
    headline_like: list[bool] | None = None  # each paragraph written like a headline, worked out once
    photo_lines: set[int] = field(default_factory=set)  # paragraphs that are a photo's credit or label

    def others(self, i: int) -> list[tuple[int, list[str]]]:
        """Sentences of longer paragraphs not yet set aside: what a short paragraph may restate."""
        return [
            (j, sw)
            for j in range(1, len(self.texts))
            if j != i and len(self.words[j]) > len(self.words[i]) and (self.roles[j] is None or self.roles[j][0] == "body")
            for sw in self.sentence_words[j]
        ]

    def earlier_copy(self, i: int) -> int | None:
        return next((j for j in range(i) if self.keys[j] == self.keys[i]), None)


def _standfirst(p: _Paragraphs, i: int) -> str | None:
    """Rule 3: the standfirst, only before the body starts: a sentence with no final
    punctuation that the page repeats or restates."""
    text, n_words, n = p.texts[i], len(p.words[i]), len(p.texts)
    if not p.body_started and p.page_standfirst and p.keys[i] == p.page_standfirst and i == 1:
        return "the page shows it under the headline as its summary (the page's description)"
    if p.body_started or _has_final_punctuation(text) or not STANDFIRST_MIN_WORDS <= n_words <= STANDFIRST_MAX_WORDS:
        return None
    if p.earlier_copy(i) is not None or i + 1 in p.photo_lines:
        return None  # a photo's caption, with its credit next, is no summary of the story
    later_copy = next((j for j in range(i + 1, n) if p.keys[j] == p.keys[i]), None)
    following = next((j for j in range(i + 1, n) if p.roles[j] is None or p.roles[j][0] != "artifact"), None)
    if later_copy is not None:
        evidence = f"repeated as paragraph {later_copy}"
    elif following is not None and p.keys[following] == p.keys[0]:
        evidence = f"the headline is repeated right after it (paragraph {following})"
    else:
        restated = _restatement(p.words[i], [(j, sw) for j, sw in p.others(i) if j > i])
        if not (restated and restated[1] >= PULL_QUOTE_MIN_OVERLAP):
            return None
        evidence = f"restated in paragraph {restated[0]} ({restated[1]:.0%} of its words in order)"
    return f"first paragraph after the headline, no final punctuation, {evidence}"


def _pull_quote(p: _Paragraphs, i: int) -> str | None:
    """Rule 4: pull quotes, once the body has started: a short paragraph restating a
    sentence of a longer one."""
    text, n_words = p.texts[i], len(p.words[i])
    if not (p.body_started and PULL_QUOTE_MIN_WORDS <= n_words <= PULL_QUOTE_MAX_WORDS and len(p.sentences[i]) <= 2
            and not _LIST_ITEM.match(text)):  # fmt: skip
        return None
    restated = _restatement(p.words[i], p.others(i))
    if not (restated and restated[1] >= PULL_QUOTE_MIN_OVERLAP):
        return None
    copy = p.earlier_copy(i)
    also = f"; also repeats paragraph {copy} exactly" if copy is not None else ""
    return f"short paragraph restating a sentence of paragraph {restated[0]} ({restated[1]:.0%} of its words in order){also}"


def _duplicate(p: _Paragraphs, i: int) -> str | None:
    """Rule 5: exact repeats of the headline or of an earlier paragraph longer than a
    heading. Short lines repeat by design in a list or a menu ("Meal 2", "Eat every 2-3
    hours"), so they are left to the rules after this one."""
    copy = p.earlier_copy(i)
    if copy is None or (copy != 0 and len(p.words[i]) <= SUBHEADING_MAX_WORDS):
        return None
    return f"repeats {'the headline' if copy == 0 else f'paragraph {copy}'} exactly"


def _headline_like(text: str, words: list[str]) -> bool:
    """A line written like a headline: 5-20 words, no full stop at its end, and at least
    three in five of its words of four letters or more (three at least) capitalised."""
    if not LINK_HEADLINE_WORDS[0] <= len(words) <= LINK_HEADLINE_WORDS[1] or normalize(text).rstrip().endswith("."):
        return False
    longer = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) >= 4]
    return len(longer) >= 3 and sum(w[0].isupper() for w in longer) >= 0.6 * len(longer)


def _section_and_title(text: str, words: list[str]) -> bool:
    """A short line that names a section, then after " | " a story's title, with no full
    stop at its end (Inexhibit pages' lists of links under a story); not a table's row
    ("1 | Kyle Busch | 5040 | 5")."""
    if text.count(" | ") != 1 or _has_final_punctuation(text) or not LINK_HEADLINE_WORDS[0] <= len(words) <= LINK_HEADLINE_WORDS[1]:
        return False
    section, title = text.split(" | ")
    return bool(re.search(r"[^\W\d_]{3}", section)) and len(re.findall(r"[^\W\d_]{2,}", title)) >= 3


#: The most words a heading over a list of links has ("You may also like", "Related stories").
LINK_HEADING_MAX_WORDS = 6


def _under_link_heading(p: _Paragraphs, i: int) -> str | None:
    """A short line with no full stop right under a list heading ("You may also like",
    "Related stories"; a line the furniture patterns call a related link, with nothing
    after its colon) or under another such line: one of the list's links."""
    j = i - 1
    while j > 0 and p.roles[j] is not None and p.roles[j][0] == "related_link" and "under the heading" in p.roles[j][1]:
        j -= 1
    heading = p.roles[j]
    # A heading has nothing after its colon ("Read more: Minister quits" is one link).
    if heading is None or heading[0] != "related_link" or len(p.words[j]) > LINK_HEADING_MAX_WORDS or ":" in p.keys[j].rstrip(": "):
        return None
    if len(p.words[i]) > LINK_HEADLINE_WORDS[1] or _has_final_punctuation(p.texts[i]):
        return None
    return f"a link under the heading '{p.texts[j].strip()}' (paragraph {j}): another story, not the article's text"


#: The fewest words of a line in capitals read as a link: a story's headline runs longer
#: than a heading in capitals ("TOO FAST TOO FURIOUS (DIGITAL BRIDGES)", a game's name
#: over its review, BBC tech/095).
CAPITALS_LINK_MIN_WORDS = 7


def _in_capitals(p: _Paragraphs, i: int) -> bool:
    """A headline-like line (:func:`_headline_like`) of :data:`CAPITALS_LINK_MIN_WORDS`
    words or more after the body has started, written wholly in capitals, not a numbered
    heading ("3. FOR AFGHAN WOMEN ...") nor one quotation ('"EVENTUALLY VOTERS MAKE GOOD
    DECISIONS"'), with a paragraph of the story that ends a sentence before it."""
    text = p.texts[i].strip()
    plain = normalize(text)
    quoted = plain[:1] in "\"'" and plain[-1:] in "\"'"
    letters = [c for c in text if c.isalpha()]
    return (p.body_started and len(p.words[i]) >= CAPITALS_LINK_MIN_WORDS and bool(letters)
            and all(c.isupper() for c in letters) and not text[:1].isdigit() and not quoted
            and p.roles[i - 1] is not None and p.roles[i - 1][0] == "body" and _has_final_punctuation(p.texts[i - 1]))  # fmt: skip


def _headline_run(p: _Paragraphs, i: int) -> str | None:
    """Rule 6: a line in a run of three or more headline-like lines, a line under a list
    heading ("You may also like"), or a headline-like line in capitals amid the story: a
    link to another story."""
    under = _under_link_heading(p, i)
    if under is not None:
        return under
    if p.headline_like is None:
        # A line of a site's section and a story's title ("Milano Design Week 2018 | a preview
        # of DOUTDESign at Zona Santambrogio") is a link, however few of its words are capitalised.
        p.headline_like = [_headline_like(text, words) or _section_and_title(text, words) for text, words in zip(p.texts, p.words)]
    like = p.headline_like
    if not like[i]:
        return None
    if _in_capitals(p, i):
        return "a headline in capitals amid the story's paragraphs: news pages set their links to other stories so"
    first, last = i, i
    while first > 1 and like[first - 1]:
        first -= 1
    while last + 1 < len(like) and like[last + 1]:
        last += 1
    if last - first + 1 < LINK_HEADLINE_RUN:
        return None
    return (f"one of {last - first + 1} headline-like lines in a row (paragraphs {first}-{last}): "
            "a list of links to other stories, not the article's text")  # fmt: skip


def _subheading(p: _Paragraphs, i: int) -> str | None:
    """Rule 7: a short line without final punctuation between body paragraphs."""
    text, n_words, n = p.texts[i], len(p.words[i]), len(p.texts)
    if not (p.body_started and not _has_final_punctuation(text) and 1 <= n_words <= SUBHEADING_MAX_WORDS
            and _starts_sentence(text) and re.search(r"[^\W\d_]", text)):  # a heading has words; "78,000" is a figure  # fmt: skip
        return None
    following = next((j for j in range(i + 1, n) if p.roles[j] is None or p.roles[j][0] == "body"), None)
    if (
        p.roles[i - 1] is not None
        and p.roles[i - 1][0] in ("body", "pull_quote", "duplicate")
        and _has_final_punctuation(p.texts[i - 1])
        and following is not None
        and _starts_sentence(p.texts[following])
        and (_has_final_punctuation(p.texts[following]) or len(p.words[following]) > SUBHEADING_MAX_WORDS)
    ):
        return f"short line ({n_words} words) without final punctuation between body paragraphs"
    return None


#: The rules that set a paragraph aside from the body, in order, keyed by the role each
#: sets (rules 1-2, headline and page furniture, come first; a paragraph none of these
#: rules takes is body).
ROLE_RULES = {
    "standfirst": _standfirst,
    "pull_quote": _pull_quote,
    "duplicate": _duplicate,
    "related_link": _headline_run,
    "subheading": _subheading,
}


def assign_roles(
    texts: list[str], sentences: list[list[str]] | None = None, *, page_standfirst: str | None = None
) -> list[tuple[str, str]]:
    """Give each paragraph a role and the reason for it: the headline, page furniture
    (``lexicons/boilerplate.csv``), then the first of :data:`ROLE_RULES` that applies,
    else body.

    Args:
        texts: Paragraph texts in reading order (the first is the headline).
        sentences: The sentences of each paragraph (from the parser); split on final
            punctuation when not given.
        page_standfirst: The summary a saved page shows under its headline (from
            :func:`analysis.reading.ingest.page_standfirst`): the second paragraph is the
            standfirst when it is this text.

    Returns:
        One ``(role, reason)`` per paragraph.
    """
    if sentences is None:
        sentences = [_regex_sentences(t) for t in texts]
    p = _Paragraphs(texts, [_words(t) for t in texts], [_key(t) for t in texts], sentences,
                    [[_words(s) for s in sents] for sents in sentences], [None] * len(texts),
                    page_standfirst=_key(page_standfirst) if page_standfirst else "")  # fmt: skip
    # Rules 1-2: headline and page furniture, decided without context.
    for i, text in enumerate(texts):
        found = _furniture(text) if i else None
        p.roles[i] = ("headline", "first line of the article") if i == 0 else (found[:2] if found else None)
        if found and found[2] == "media_caption":
            p.photo_lines.add(i)
    for i in range(1, len(texts)):
        if p.roles[i] is not None:
            continue
        for role, rule in ROLE_RULES.items():
            reason = rule(p, i)
            if reason is not None:
                p.roles[i] = (role, reason)
                break
        else:
            final_punct = _has_final_punctuation(texts[i])
            p.roles[i] = ("body", "article text" if final_punct else "article text (no final punctuation, but not a heading)")
            p.body_started = True
    _links_after_furniture(p)
    _about_the_company(p)
    return p.roles  # type: ignore[return-value]


#: How near the page's end an "About ..." heading stands to open a company's standard text.
ABOUT_HEADING_FROM_END = 6
_ABOUT_HEADING = re.compile(r"about ([\w'’&.-]+(?: [\w'’&.-]+){0,3})\W*")


def _about_the_company(p: _Paragraphs) -> None:
    """Rule 8, last: a heading "About my6sense" near the page's end, and the paragraphs after it
    that name the same company, are the company's standard description that closes its
    press releases ("my6sense offers an open programmatic white label ..."), not the story."""
    n = len(p.texts)
    for i in range(max(1, n - ABOUT_HEADING_FROM_END), n - 1):
        match = _ABOUT_HEADING.fullmatch(p.keys[i])
        if match is None or p.roles[i][0] not in ("body", "subheading") or _has_final_punctuation(p.texts[i]):
            continue
        name = match.group(1)
        following = [j for j in range(i + 1, n) if p.roles[j][0] in ("body", "subheading")]
        if not following or not all(name in p.keys[j] for j in following):
            continue
        reason = f"the standard description of {p.texts[i].strip()[6:]} that closes a press release (paragraph {i} on): not the story"
        for j in [i, *following]:
            p.roles[j] = ("artifact", reason)
        return


#: The fewest lines after the page's furniture, to the page's end, that make a list of links.
LINK_TAIL_MIN = 3
#: The most words of one such line: a headline and its one-line summary.
LINK_TAIL_MAX_WORDS = 40


def _links_after_furniture(p: _Paragraphs) -> None:
    """Rule 6, last: the short lines that run from page furniture (a newsletter box, a
    "related" heading) to the page's end, most of them without a full stop ("Gronk,
    Serena perform with Laker Girls Gronk may have found his true calling"), are a list
    of links to other stories with their summaries, not more of the article."""
    n = len(p.texts)
    start = n
    while start > 1 and p.roles[start - 1][0] in ("body", "subheading") and len(p.words[start - 1]) <= LINK_TAIL_MAX_WORDS:
        start -= 1
    tail = range(start, n)
    if (len(tail) < LINK_TAIL_MIN or start <= 1 or p.roles[start - 1][0] not in ("artifact", "related_link")
            or 2 * sum(not _has_final_punctuation(p.texts[i]) for i in tail) < len(tail)):  # fmt: skip
        return
    for i in tail:
        p.roles[i] = ("related_link", f"one of {len(tail)} short lines, most without a full stop, from the page's furniture "
                      f"(paragraph {start - 1}) to its end: a list of links to other stories")  # fmt: skip


def containing_index(position: int, starts: list[int]) -> int:
    """Index of the span (paragraph, sentence) holding ``position``, given the spans'
    sorted starts (character or token positions, as long as both are the same kind)."""
    return max(bisect.bisect_right(starts, position) - 1, 0)


def paragraph_index(offset: int, paragraph_starts: list[int]) -> int:
    """Index of the paragraph holding ``offset``, given the sorted paragraph starts."""
    return containing_index(offset, paragraph_starts)


def first_paragraph(text: str) -> str | None:
    """The article's first paragraph, its headline (:func:`assign_roles`), or None for no text."""
    spans = split_paragraphs(text)
    return text[spans[0][0] : spans[0][1]] if spans else None


def paragraph_table(text: str, spans: list[tuple[int, int]], roles: list[tuple[str, str]]) -> pd.DataFrame:
    """The ``paragraphs`` table: para_id, role, reason, text, start, end."""
    rows = [
        {"para_id": i, "role": role, "reason": reason, "text": text[s:e], "start": s, "end": e}
        for i, ((s, e), (role, reason)) in enumerate(zip(spans, roles))
    ]
    return conform("paragraphs", rows)
