"""Match multi-word lexicon cues on lemmas and on lower-cased words.

A lexicon cue is written as lemmas separated by spaces; ``(word)`` is optional and
``a|b`` is either. Each cue expands to its plain word sequences, which two spaCy
PhraseMatchers look up by hash, one on ``LEMMA`` ("refused to confirm" -> refuse to
confirm) and one on ``LOWER`` ("alleged" whether tagged verb or adjective). Hash lookup
keeps cue matching a small fraction of the parse time, however long the lexicon.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

__all__ = ["cue_variants", "LexiconMatcher", "in_a_title", "mostly_capitalised", "title_case"]


def cue_variants(cue: str) -> list[list[str]]:
    """The word sequences a lexicon cue stands for.

    >>> cue_variants("could not be (independently) verify")
    [['could', 'not', 'be', 'independently', 'verify'], ['could', 'not', 'be', 'verify']]
    """
    options = []
    for word in cue.split():
        if word.startswith("(") and word.endswith(")"):
            options.append(word[1:-1].split("|") + [None])
        else:
            options.append(word.split("|"))
    variants = [[w for w in combo if w is not None] for combo in product(*options)]
    return [v for v in variants if v]


class LexiconMatcher:
    """Find lexicon cues in a Doc; returns ``(row, start, end)`` token spans.

    Args:
        vocab: The pipeline's vocabulary.
        cues: Lexicon cue strings; ``row`` in the results indexes this sequence.
    """

    def __init__(self, vocab: Vocab, cues: Sequence[str]):
        self.lemma = PhraseMatcher(vocab, attr="LEMMA")
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        for row, cue in enumerate(cues):
            variants = cue_variants(cue)
            self.lemma.add(str(row), [Doc(vocab, words=v, lemmas=v) for v in variants])
            self.lower.add(str(row), [Doc(vocab, words=v) for v in variants])
        self.vocab = vocab

    def __call__(self, doc: Doc | Span) -> list[tuple[int, int, int]]:
        """Matches as ``(row, start, end)``, longest first, then earliest, then by row:
        the order in which callers accept non-overlapping matches."""
        # PhraseMatcher returns indices into the whole Doc, for a Span too.
        found = set()
        for matcher in (self.lemma, self.lower):
            for key, start, end in matcher(doc):
                found.add((int(self.vocab.strings[key]), start, end))
        return sorted(found, key=lambda m: (-(m[2] - m[1]), m[1], m[0]))


#: Marks after which a capitalised word opens a quotation or a clause, as a sentence's first word does.
CLAUSE_OPENERS = frozenset({'"', "“", "‘", "'", "(", ":", "-", "–", "—"})


def mostly_capitalised(words: list[str], *, share: float = 0.6) -> bool:
    """Whether most of a sentence's longer words (as the caller picks them) are
    capitalised: a title-case headline ("Trump Says He Will Win"), at least four words;
    more than ``share`` of them."""
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) / len(words) > share


def title_case(sentence: Span, *, share: float = 0.6) -> bool:
    """The sentence is written in title case: more than ``share`` of its longer words
    capitalised."""
    return mostly_capitalised([t.text for t in sentence if t.is_alpha and len(t) > 3], share=share)


def in_a_title(verb: Token) -> bool:
    """ "quiz shows like the BBC's They Think It's All Over": a capitalised verb inside a
    run of capitalised words, not opening its sentence or a quotation, is part of a
    title, not anyone speaking. A title-case headline keeps its verbs."""
    doc, i = verb.doc, verb.i
    if not verb.text[:1].isupper() or i == verb.sent.start or doc[i - 1].text in CLAUSE_OPENERS:
        return False
    before, after = doc[i - 1], doc[i + 1] if i + 1 < len(doc) else None
    capitalised_run = before.text[:1].isupper() or (after is not None and after.text[:1].isupper())
    return capitalised_run and not title_case(verb.sent)


def what_object_before(verb: Token, before: int) -> bool:
    """The verb, or an infinitive it governs, has "what" (or "whatever") for its object
    before token ``before``: the verb sits in a clause "what" opens and names a thing ("what
    I expected to see here", "what he thought"), it reports nothing."""
    objects = [c for v in (verb, *(x for x in verb.children if x.dep_ == "xcomp")) for c in v.children if c.dep_ == "dobj"]
    return any(o.lower_ in ("what", "whatever") and o.i < before for o in objects)


def held_by_nobody(verb: Token) -> bool:
    """An infinitive that nobody holds: on "no reason", "no need" or "no way" ("there's no
    reason to think they'll win out"), or after "so ... as to" ("so foolish as to admit"):
    the writer's own judgement. Not "was quick to deny that ..." or "the first to admit
    that ...", which someone did."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    on_no_noun = head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children)
    so_as_to = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and head.pos_ == "ADJ"
    return on_no_noun or so_as_to


def imperative(verb: Token) -> bool:
    """A verb in the base form opening its sentence with no subject or auxiliary of its
    own tells the reader what to do or think ("Think about it:", "Expect delays"):
    nobody reports or believes anything."""
    return (verb.tag_ == "VB" and verb.i == verb.sent.start
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children))  # fmt: skip
