"""Offset-preserving normalisation of article text for matching.

Scraped articles mix curly and straight quotes, non-breaking spaces and several dash
characters. Rules and lexicons match more simply on one form of each, but every span we
report must point into the original text. The normalisation here therefore maps each
character to exactly one character: the normalised text has the same length as the
original, so an offset into one is the same offset into the other and
``original[start:end]`` is always the reported span.

A run of punctuation or symbols longer than :data:`MAX_SYMBOL_RUN` characters
(``=====...`` or ``_____...`` across a page, thousands of quotation marks) keeps its first
:data:`MAX_SYMBOL_RUN` characters and reads as spaces after them: spaCy's tokenizer splits
such a run one character at a time, each time searching the rest, so its cost grows with
the square of the run's length (40,000 ``=`` would take minutes). No word is touched.

Line endings stay as the file has them (offsets index the decoded text as it is), but
for matching a lone carriage return (old Mac files, or a mix of conventions) reads as a
line feed, so every line-ending convention gives the same paragraphs and sentences.
"""

from __future__ import annotations

import re

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Zero-width characters and the BOM become plain spaces: same length, and the tokenizer
# then splits where a reader sees a gap (or nothing) instead of gluing words together.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"

NORMALIZATION_TABLE: dict[int, str] = {
    **{ord(c): "'" for c in _SINGLE_QUOTES},
    **{ord(c): '"' for c in _DOUBLE_QUOTES},
    **{ord(c): " " for c in _SPACES + _INVISIBLE},
    **{ord(c): "-" for c in _DASHES},
}
_LONE_CR = re.compile("\r(?!\n)")
#: The longest run of punctuation and symbols read as written (see the module's docstring).
MAX_SYMBOL_RUN = 64
# The underscore counts as a symbol here, though regular expressions take it for a word
# character: a rule of 20,000 "_" took 40 seconds in the tokenizer.
_SYMBOL_RUN = re.compile(r"(?:[^\w\s]|_){%d,}" % (MAX_SYMBOL_RUN + 1))
# Two apostrophes as a double quotation mark (''We will appeal,'' she said), as in
# newspaper-database exports: an opening pair becomes ' "', a closing one '" '.
_OPENING_PAIR = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))''(?=[^\s'])")
_PAIR = re.compile(r"''")


def _shorten_run(match: re.Match) -> str:
    run = match.group()
    return run[:MAX_SYMBOL_RUN] + " " * (len(run) - MAX_SYMBOL_RUN)


def normalize(text: str) -> str:
    """Return ``text`` with quotes, spaces and dashes unified, character for character.

    Args:
        text: Original article text.

    Returns:
        A string of the same length in which curly quotes are straight, a pair of
        apostrophes is a double quotation mark, exotic spaces are ASCII spaces, dashes
        are hyphens, a lone carriage return is a line feed and a very long run of
        punctuation is cut short with spaces.
    """
    if "\r" in text:
        # A CR not followed by LF ends a line on its own: one character for one.
        text = _LONE_CR.sub("\n", text)
    if "''" in text:
        text = _PAIR.sub('" ', _OPENING_PAIR.sub(' "', text))
    text = _SYMBOL_RUN.sub(_shorten_run, text)
    if text.isascii():
        return text  # every character the table maps is outside ASCII (checked in C, fast)
    normalized = text.translate(NORMALIZATION_TABLE)
    if "''" in normalized:
        # A pair of curly apostrophes closes a quotation too ("... voters,’’ said Will
        # Moy", AP copy), once the table has made them straight.
        normalized = _PAIR.sub('" ', _OPENING_PAIR.sub(' "', normalized))
    # The table maps one code point to one code point; this guards that promise.
    assert len(normalized) == len(text)
    return normalized
