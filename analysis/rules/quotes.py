"""Quoted spans and what they are: direct speech, scare quotes, or quoted terms.

What it extracts: one row per quoted span (curly or straight double quotes, and curly
single quotes), with offsets including the marks, its ``kind`` and, for direct speech,
the ``speaker``.

Pairing: a mark opens when it follows a space, a bracket or the paragraph start and
precedes a non-space; it closes otherwise. An opening mark met while a quote is open
ends the open quote there (news style repeats the opening mark when a quotation runs
on into a new sentence or paragraph), and a quote still open at the end of the
paragraph runs to the paragraph's end, so unbalanced marks never break anything.

Kinds, first rule that applies:

1. ``scare``: preceded by "so-called".
2. ``term``, the title of a work: a short capitalised quotation with a work noun right
   before it ("the film") or a role right after it ("creator"): a film, series, book or
   song (``_quoted_title``);
3. ``term``: followed by a naming noun ("... pact", "... operation") or preceded by
   "called", "named", "dubbed", "known as" (``lexicons/quote_terms.csv``).
4. ``direct``: inside the content of an attribution (a partial quote in a paraphrase,
   "warning that it could become a "very serious" escalation") or in the phrase of a
   reporting verb ("dismissed the plan as "desperate""); the speaker is that
   attribution's source (the innermost).
5. ``direct``: a quotation filling most of its sentence, continuing the previous
   speaker's quotation.
6. ``direct``: a quotation opening and filling most of its sentence right after a
   sentence that reports what someone says: that speaker's (:func:`_speaker_before`).
7. ``scare``: a short quote (at most 3 words) with no speaker: words the author holds at
   arm's length.
8. ``direct`` with no speaker found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from analysis.rules.attribution import Attribution
from analysis.lexicon import load_lexicon, lexicon_words
from analysis.reading.textnorm import normalize

__all__ = ["Quote", "quote_spans", "find_quotes", "enclosing_quote", "with_whole_quotations"]

OPEN_BEFORE = set(" \t\n([{-/\u2014\u2013")
SCARE_MAX_WORDS = 3


@dataclass
class Quote:
    """A quoted span and its classification."""

    start: int
    end: int
    kind: str
    speaker: str | None
    reason: str
    attribution: Attribution | None = None


def enclosing_quote(quotes, offset: int, *, kinds: tuple[str, ...] | None = None):
    """The innermost row of a quotes table (in reading order) whose span holds character
    ``offset``, of one of ``kinds`` if given, or None."""
    rows = quotes if kinds is None else quotes[quotes["kind"].isin(kinds)]
    inside = rows[(rows["start"] <= offset) & (offset < rows["end"])]
    return inside.iloc[-1] if len(inside) else None


def with_whole_quotations(doc: Doc, relations: list[Attribution], quotes: list[Quote], reason) -> list[Quote]:
    """``quotes`` with each relation added as a direct quotation by its source, from the
    first token of its cue and content to the last (an embedded post and its signature,
    an interview's "A:" and its answer), in reading order; ``reason(relation, speaker)``
    says what it is. A relation holding a quotation of its own keeps that one alone."""
    added = []
    for relation in relations:
        first = doc[min(relation.cue[0], relation.content[0])]
        last = doc[max(relation.cue[1], relation.content[1]) - 1]
        start, end = first.idx, last.idx + len(last)
        if any(q.start < end and start < q.end for q in quotes):
            continue
        speaker = relation.source_text(doc)
        added.append(Quote(start, end, "direct", speaker, reason(relation, speaker), relation))
    return sorted([*quotes, *added], key=lambda q: (q.start, q.end))


def quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of quotations (marks included), paragraph by paragraph."""
    norm = normalize(text)
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs:
        open_at: int | None = None
        for pos in range(p_start, p_end):
            char = text[pos]
            double = norm[pos] == '"'
            single = char in "\u2018\u2019" and not double  # a pair of curly apostrophes is one double mark
            if not (double or single):
                continue
            # Context from the normalised text: a pair of apostrophes (''So far,'') is one
            # mark there, its first half a space, so the pair can open a quotation.
            before = norm[pos - 1] if pos > p_start else " "
            after = norm[pos + 1] if pos + 1 < p_end else " "
            if single and not (char == "\u2018" or (open_at is not None and text[open_at] == "\u2018" and not after.isalpha())):
                continue  # a right single quote inside a word is an apostrophe
            if single and _misplaced_apostrophe(text, pos):
                continue  # "isn \u2018t": a typed apostrophe after a space, no quotation
            can_open = (before in OPEN_BEFORE or before.isspace()) and not after.isspace()
            if open_at is None:
                if can_open or pos == p_start:
                    open_at = pos
                continue
            if single != (text[open_at] == "\u2018"):
                continue  # a double mark inside a single-quoted span, or the reverse
            if can_open and not (before.isalnum() or before in ".,!?;:"):
                spans.append(_trimmed(text, open_at, pos))  # re-opened: the last one ran on
                open_at = pos
            else:
                pair = text[pos : pos + 2] == "\u2019\u2019"  # a curly closing pair's second half
                spans.append((open_at, pos + 2 if pair else pos + 1))
                open_at = None
        if open_at is not None:
            spans.append(_trimmed(text, open_at, p_end))
    return [s for s in spans if s[1] - s[0] > 2]


#: What follows an apostrophe in a contraction ("isn't", "it's", "they're", "we've").
_CONTRACTION_ENDING = re.compile(r"(?:t|s|re|ve|ll|d|m)(?![^\W\d_])", re.I)
#: Words a contraction's "t" ends ("isn", "don", "can").
_NOT_CONTRACTED = frozenset({"isn", "aren", "wasn", "weren", "don", "doesn", "didn", "can", "couldn", "wouldn", "shouldn",
                             "won", "hasn", "haven", "hadn", "ain", "mustn", "needn"})  # fmt: skip


def _misplaced_apostrophe(text: str, pos: int) -> bool:
    """A left single mark typed for an apostrophe with a space before it: "isn \u2018t"
    (SlashGear page a teacher read, where the rest of the paragraph became a quotation).
    The word before is a contraction's first part and the letters after its ending."""
    before = re.search(r"([^\W\d_]+) $", text[max(0, pos - 12) : pos])
    ending = _CONTRACTION_ENDING.match(text, pos + 1)
    if before is None or ending is None:
        return False
    word, rest = before.group(1).lower(), ending.group(0).lower()
    return (rest == "t" and word in _NOT_CONTRACTED) or (rest != "t" and word in ("it", "he", "she", "they", "we", "you", "i", "that"))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


#: Languages whose word frequencies ``wordfreq`` ships, against which a quoted phrase is
#: checked (Speer, 2022).
LANGUAGE_NAMES = {"de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
                  "pl": "Polish", "tr": "Turkish", "sv": "Swedish", "id": "Indonesian"}  # fmt: skip
OTHER_LANGUAGES = tuple(LANGUAGE_NAMES)
#: A phrase reads as another language's when that language uses it about thirty times as
#: often as English (1.5 Zipf units) and English uses it little. Rarity in English
#: alone is no sign: writers put rare English words in scare quotes ("rebalanced",
#: "glitterati").
OTHER_LANGUAGE_MARGIN = 1.5
#: A foreign term is short; a longer quotation in another language is someone's words.
FOREIGN_TERM_MAX_WORDS = 3
COMMON_IN_ENGLISH = 3.0


def foreign_words(words: list[str]) -> str | None:
    """Whether quoted words are another language's ("Rechtsstaat", "laissez-faire",
    "coup de grâce"): the language, in plain words, or None. Frequencies from
    ``wordfreq``'s offline lists (languages it does not list, such as Swahili, are not
    found)."""
    from wordfreq import zipf_frequency

    words = [w.lower() for w in words if w.isalpha()]
    if not words:
        return None
    english = sum(zipf_frequency(w, "en") for w in words) / len(words)
    best, language = max((sum(zipf_frequency(w, lang) for w in words) / len(words), lang) for lang in OTHER_LANGUAGES)
    if best - english >= OTHER_LANGUAGE_MARGIN and english < COMMON_IN_ENGLISH:
        return f"far more common in {LANGUAGE_NAMES[language]} than in English"
    return None


@lru_cache(maxsize=1)
def _term_cues() -> tuple[frozenset[str], frozenset[str]]:
    table = load_lexicon("quote_terms")
    nouns = frozenset(table.loc[table["category"] == "naming_noun", "cue"])
    verbs = frozenset(table.loc[table["category"] == "naming_verb", "cue"])
    return nouns, verbs


@lru_cache(maxsize=1)
def _work_cues() -> tuple[frozenset[str], frozenset[str]]:
    """The nouns that name a work before its quoted title ("the film"), and the roles
    that follow one ("creator", "star"): ``lexicons/quote_terms.csv``."""
    table = load_lexicon("quote_terms")
    return (frozenset(table.loc[table["category"] == "work_noun", "cue"]),
            frozenset(table.loc[table["category"] == "work_role", "cue"]))  # fmt: skip


#: The most words a quoted title has ("The Lord of the Rings: The Return of the King").
TITLE_MAX_WORDS = 10


def _quoted_title(span: Span, before: list, after) -> str | None:
    """The work a short capitalised quotation names, when a work noun stands right before
    it ("the film "Parasite"", "the BBC series "Fleabag"") or a role right after it
    (""Fleabag" creator Phoebe Waller-Bridge"); else None."""
    words = [t for t in span if t.is_alpha]
    if not words or len(words) > TITLE_MAX_WORDS or not words[0].text[:1].isupper():
        return None
    nouns, roles = _work_cues()
    # The word right before the opening mark, in the same sentence ("... the film "Parasite"").
    last = next((t for t in reversed(before) if not t.is_space), None)
    if last is not None and last.sent == span[0].sent and (last.lemma_.lower() in nouns or last.lower_ in nouns):
        return f"'{last.text}' before it"
    if after is not None and (after.lower_ in roles or after.lemma_.lower() in roles):
        return f"'{after.text}' after it"
    return None


def _tokens(doc: Doc, start: int, end: int) -> Span:
    return doc.char_span(start, end, alignment_mode="expand")


def _adjacent(doc: Doc, span: Span, attributions: list[Attribution]) -> Attribution | None:
    """The attribution set right against a quotation, however many sentences it runs
    over: its source or verb is the first word after the closing mark, in the sentence
    where the quotation ends ('"The figures are wrong. Nobody checked them. We will
    appeal," the mayor said.'), or the quotation opens right after a colon that ends its
    clause ('Mark Croucher told BBC News: "We have been stabbed in the back. ..."')."""
    if not len(span):
        return None
    with_source = [a for a in attributions if a.source is not None]
    k = span.end
    while k < len(doc) and (doc[k].is_punct or doc[k].is_space):
        k += 1
    if k < len(doc) and k > span.end - 1:
        after = [a for a in with_source if a.source[0] <= k < a.source[1] or a.cue[0] <= k < a.cue[1]]
        if after and doc[k].sent.start <= doc[span.end - 1].i:
            return after[0]
    j = span.start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    introduced = [a for a in with_source if a.pattern == "introduced" and a.content and abs(span.start - a.content[0]) <= 1]
    if introduced:
        return introduced[0]  # '... Sam Lau said in a statement.' then the quotation
    if j >= 0 and doc[j].text == ":":
        sentence = doc[j].sent
        before = [a for a in with_source if sentence.start <= a.anchor < j and a.cue[1] <= j]
        if before:
            return max(before, key=lambda a: a.cue[1])
    if j >= 0 and doc[j].text == ",":
        # 'Trump told the Washington Post, "I like Paul, but ... We need very strong
        # leadership. ..."': the verb before the comma reports what the quotation opens
        # with (its content starts at the opening mark), so the whole quotation is its
        # speaker's however many sentences it runs over.
        sentence = doc[j].sent
        first_word = next((t.i for t in span if not (t.is_space or t.is_quote or t.is_punct)), span.start)
        before = [a for a in with_source if sentence.start <= a.anchor < j and a.cue[1] <= j and a.content
                  and span.start <= a.content[0] <= first_word and a.content[1] <= span.end]  # fmt: skip
        if before:
            return max(before, key=lambda a: a.cue[1])
    return None


#: Sources that never carry a quotation on: a first person is the writer or a speaker
#: already inside a quotation.
FIRST_PERSON = frozenset({"i", "we", "you", "me", "us"})


def _speaker_before(doc: Doc, sentence: Span, start: int, paragraphs: list[tuple[int, int]], para: int,
                    attributions: list[Attribution]) -> Attribution | None:
    """The attribution a speakerless quotation carries on: the quotation opens its
    sentence, and the sentence just before it, in the same or the previous paragraph,
    reports what someone says ("In a statement, the Cabinet Office said it was reviewing
    the scheme." then '"Unions will of course be consulted ..."'); the relation with the
    widest content there, a named or described source, not a first person."""
    if doc[sentence.start].idx < start - 1 or any(not t.is_space for t in doc[sentence.start : sentence.start]):
        return None
    opening = doc.char_span(start, start + 1, alignment_mode="expand")
    if opening is None or opening.start != sentence.start:
        return None
    k = sentence.start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0:
        return None
    before = doc[k].sent
    before_para = next((i for i, (ps, pe) in enumerate(paragraphs) if ps <= before.start_char < pe), -1)
    if para - before_para > 1:
        return None
    said = [a for a in attributions if a.source is not None and before.start <= a.anchor < before.end and a.content
            and a.pattern != "impersonal" and doc[a.source[0]:a.source[1]].text.lower() not in FIRST_PERSON]  # fmt: skip
    if not said:
        return None
    return max(said, key=lambda a: (a.content[1] - a.content[0], a.cue[0]))


def _name_before_colon(doc: Doc, span: Span) -> str | None:
    """The speaker a headline gives by a name and a colon before the quotation ('Anthony
    Lynn: "We needed to win this game"', ProFootballTalk): the line opens with a person's
    or a body's name of one to four words, then the colon, then the opening mark."""
    j = span.start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 1 or doc[j].text != ":":
        return None
    k = j - 1
    while k >= 0 and doc[k].pos_ == "PROPN" and not doc[k].is_space:
        k -= 1
    name = doc[k + 1 : j]
    # The name opens its line (the text before it ends a paragraph).
    opens_line = k < 0 or (doc[k].is_space and "\n" in doc[k].text)
    if not opens_line or not 1 <= len(name) <= 4:
        return None
    # A name the tagger marks here, or one the article names elsewhere ("Trump:" over a story on Donald Trump).
    named_elsewhere = {w for e in doc.ents if e.label_ in ("PERSON", "ORG") for w in e.text.split()}
    if not (any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in name) or name[-1].text in named_elsewhere):
        return None
    return name.text


#: Nouns for someone's words set in apposition after a quotation ("..., the famous statement by ...").
SAYING_NOUNS = lexicon_words("context_words", "saying_nouns")


def _words_credited_after(doc: Doc, span: Span) -> str | None:
    """The person a phrase right after the quotation credits with its words: "'The Medium is
    the Message', the famous statement by the Canadian scientist and philosopher Marshall
    McLuhan" (Inexhibit page a teacher read). The phrase opens with a comma and "the", its
    noun is a saying, and "by" or "of" names a person."""
    k = span.end
    if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ != "the":
        return None
    noun = next((t for t in doc[k + 2 : min(len(doc), k + 6)] if t.lemma_.lower() in SAYING_NOUNS), None)
    if noun is None or any(t.is_punct for t in doc[k + 2 : noun.i]):
        return None
    by = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if by is None or by.lower_ not in ("by", "of"):
        return None
    person = next((e for e in doc.ents if e.label_ == "PERSON" and by.i < e.start <= by.i + 8 and e.sent == by.sent), None)
    if person is None or any(t.is_punct and t.text != "-" for t in doc[by.i + 1 : person.start]):
        return None
    return person.text


def _holder(doc: Doc, span: Span, sentence: Span | None, outside: list[Attribution]) -> Attribution | None:
    """The attribution a quotation belongs to: the innermost whose content holds it (from
    its opening mark or the word after it); failing that, the reporting verb whose phrase
    holds it ("dismissed the plan as "desperate""); failing that, one set right against it."""
    holding = [a for a in outside if a.content and a.content[0] <= span.start + 1 and span.end <= a.content[1] + 1]
    if holding:
        return min(holding, key=lambda a: a.content[1] - a.content[0])
    hanging = [
        a
        for a in outside
        if sentence is not None
        and sentence.start <= a.anchor < sentence.end
        and doc[a.anchor].left_edge.i <= span.start
        and span.end <= doc[a.anchor].right_edge.i + 1
        and a.pattern != "according_to"
    ]
    if hanging:
        return min(hanging, key=lambda a: doc[a.anchor].right_edge.i - doc[a.anchor].left_edge.i)
    return _adjacent(doc, span, outside)


def find_quotes(
    text: str,
    doc: Doc,
    paragraphs: list[tuple[int, int]],
    sentences: list[Span],
    attributions: list[Attribution],
    set_aside: frozenset[int] = frozenset(),
) -> list[Quote]:
    """Every quotation with its kind and speaker, in reading order; a quotation carries on
    its speaker's words over the paragraphs ``set_aside`` (a link amid the story)."""
    nouns, verbs = _term_cues()
    quotes: list[Quote] = []
    previous_speaker: tuple[str, Attribution] | None = None
    previous_para = -1
    for start, end in quote_spans(text, paragraphs):
        span = _tokens(doc, start, end)
        inner_words = [t for t in span if t.is_alpha]
        before = [t for t in doc[max(span.start - 3, 0) : span.start]]
        after = doc[span.end] if span.end < len(doc) else None
        sentence = next((s for s in sentences if s.start_char <= start < s.end_char), None)
        para = next((i for i, (ps, pe) in enumerate(paragraphs) if ps <= start < pe), -1)
        story = para - sum(k < para for k in set_aside)  # the story's paragraphs only
        # A reporting verb inside the quotation is part of what is quoted ('"Germany's
        # Securities Trading Act says that ..."', from a spokeswoman): never its speaker.
        outside = [a for a in attributions if not span.start <= a.anchor < span.end]
        holder = _holder(doc, span, sentence, outside)
        # What someone judges a thing in quotation marks ("Bush called Trump "unhinged."")
        # is their word, not a name.
        judged = holder is not None and holder.source is not None and holder.category == "judgement"
        if any(t.lower_ == "so" for t in before) and any(t.lower_ in ("called", "call") for t in before):
            quote = Quote(start, end, "scare", None, "preceded by 'so-called'")
        elif (work := _quoted_title(span, before, after)) is not None:
            # A kind of its own would break the data contract's closed list of quote kinds
            # (direct, scare, term); a title is a quoted name, and its reason says which.
            quote = Quote(start, end, "term", None, f"the title of a work ({work})")
        elif not judged and (
            (after is not None and after.lemma_.lower() in nouns and len(inner_words) <= 8)
            or any(t.lemma_.lower() in verbs or t.lower_ in verbs for t in before[-2:])
        ):
            cue = after.text if after is not None and after.lemma_.lower() in nouns else before[-1].text
            quote = Quote(start, end, "term", None, f"a quoted name: '{cue}'")
        elif len(inner_words) <= FOREIGN_TERM_MAX_WORDS and (other := foreign_words([t.text for t in inner_words])) is not None:
            # A word of another language ("Rechtsstaat", "laissez-faire") is quoted as a
            # term, not held at arm's length nor anyone's own words.
            quote = Quote(start, end, "term", None, f"words of another language ({other}): a term, not the writer's distance")
        elif holder is not None and holder.source is not None:
            speaker = holder.source_text(doc)
            quote = Quote(start, end, "direct", speaker, f"inside what '{speaker}' says", holder)
        elif (named := _name_before_colon(doc, span)) is not None:
            quote = Quote(start, end, "direct", named, f"the name before the colon that opens the line ('{named}: ...')")
        elif (author := _words_credited_after(doc, span)) is not None:
            quote = Quote(start, end, "direct", author, f"the words are credited right after them ('..., the famous statement by {author}')")
        elif sentence is not None and (end - start) >= 0.5 * (sentence.end_char - sentence.start_char) and previous_speaker and story - previous_para <= 1:
            speaker, relation = previous_speaker
            quote = Quote(start, end, "direct", speaker, f"quotation continuing '{speaker}'", relation)
        elif (sentence is not None and (end - start) >= 0.5 * (sentence.end_char - sentence.start_char)
              and (following := _speaker_before(doc, sentence, start, paragraphs, para, attributions)) is not None):
            speaker = following.source_text(doc)
            quote = Quote(start, end, "direct", speaker, f"quotation following what '{speaker}' says", following)
        elif len(inner_words) <= SCARE_MAX_WORDS:
            quote = Quote(start, end, "scare", None, f"short quote ({len(inner_words)} words) with no speaker")
        else:
            quote = Quote(start, end, "direct", None, "quotation with no speaker found")
        # Only a speaker a relation gives carries on (a headline's "Name: ..." gives none).
        if quote.kind == "direct" and quote.speaker and quote.attribution is not None:
            previous_speaker, previous_para = (quote.speaker, quote.attribution), story
        quotes.append(quote)
    return quotes
