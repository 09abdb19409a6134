"""The learned attribution tagger: which words are a source, a cue or a content.

What it is: a linear-chain CRF (CRFsuite, through ``python-crfsuite``) that tags each
token of a sentence ``B-``/``I-`` ``SOURCE``, ``CUE`` or ``CONTENT``, or ``O``. It was
trained by ``training/attribution/train.py`` on the 840 articles of PolNeAR train (the
Political News Attribution Relations corpus: every token of 2016 US political news
tagged by people as source, cue, content or none), with a fixed seed and settings chosen
by cross-validation on train only; the model file ships in the package
(``analysis/models/attribution.crfsuite``) and is loaded once per process.

What it sees, for each word and the two words either side: the word, its lemma, its
part of speech and dependency label, the lemma of the word it hangs from, whether it
starts with a capital, whether it is inside quotation marks, whether it is a reporting
verb of the project's lexicon, and its named-entity type. From these it learned, for
instance, that PolNeAR's source spans take the whole noun phrase ("longtime Democratic
pollster Pat Caddell"), and which cue words people mark ("said in a statement").

How it is used: :mod:`analysis.rules.attribution` links sources to cues and contents
with its named patterns over the parse, and still decides who a source is. Where the
tagger marks a source phrase that holds the rules' phrase and more of its noun phrase,
the tables show the fuller phrase (``Attribution.shown_source``: "Lynn Franco, director of
the Conference Board's consumer research centre"); where the rules find what a lexicon
verb reports but no one saying it, a learned source nearby is the speaker (pattern
``learned``). The attributions table's ``reason`` says each in words, with the tagger's
confidence. It runs on every sentence of every article: about a tenth of the parse's
time.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span

from analysis import config
from analysis.lexicon import lexicon_words

__all__ = [
    "MODEL_FILE", "ENABLED", "MIN_CONFIDENCE", "ROLES", "LearnedSpan", "sentence_items", "tag_doc",
    "learned_spans", "load_tagger", "refine", "learned_relations",
]  # fmt: skip

#: Where the trained model ships.
MODEL_FILE = config.PACKAGE_DIR / "models" / "attribution.crfsuite"
#: False turns the learned tagger off (the rules alone): for measuring what it adds.
ENABLED = True
#: The roles the tagger marks, as PolNeAR names them.
ROLES = ("SOURCE", "CUE", "CONTENT")
_LOCK = threading.Lock()


@dataclass(frozen=True)
class LearnedSpan:
    """A run of tokens the tagger gave one role: ``start``..``end`` token indexes into the
    Doc, and the tagger's mean marginal probability for the role over those tokens."""

    role: str
    start: int
    end: int
    confidence: float


@lru_cache(maxsize=1)
def _reporting_lemmas() -> frozenset[str]:
    from analysis.lexicon import load_lexicon

    table = load_lexicon("reporting_verbs")
    return frozenset(str(cue).split()[0].lower() for cue in table["cue"])


def _inside_quotes(sentence: Span) -> list[bool]:
    """For each token, whether an odd number of double quotation marks precede it in the
    sentence (the text is normalised: every double mark is ``"``)."""
    inside, flags = False, []
    for token in sentence:
        if token.text == '"':
            flags.append(inside)
            inside = not inside
            continue
        flags.append(inside)
    return flags


def sentence_items(sentence: Span) -> list[list[str]]:
    """The tagger's features for each token of ``sentence``, as CRFsuite reads them: the
    word's own (see the module docstring) as ``key=value`` strings, a flag as its key
    when set, and the word, lemma, tag and dependency, lexicon and quotation flags of the
    two words either side. Training and tagging both read this one function."""
    reporting = _reporting_lemmas()
    quoted = _inside_quotes(sentence)
    own = []
    for token, inside in zip(sentence, quoted):
        lemma = token.lemma_.lower()
        own.append({
            "w": "w=" + token.lower_, "l": "l=" + lemma, "t": "t=" + token.tag_, "d": "d=" + token.dep_,
            "rv": lemma in reporting, "q": inside,
            "rest": ["hl=" + token.head.lemma_.lower(), "hd=" + token.head.dep_, "e=" + (token.ent_type_ or "-"),
                     "p=" + ("punct" if token.is_punct else token.pos_)]
                    + (["cap"] if token.text[:1].isupper() else []) + (["q"] if inside else []) + (["rv"] if lemma in reporting else []),
        })  # fmt: skip
    items = []
    last = len(own) - 1
    for i, mine in enumerate(own):
        item = [mine["w"], mine["l"], mine["t"], mine["d"], *mine["rest"], "bias"]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j <= last:
                other = own[j]
                prefix = f"{offset}:"
                item += [prefix + other["w"], prefix + other["l"], prefix + other["t"], prefix + other["d"]]
                if other["rv"]:
                    item.append(prefix + "rv")
                if other["q"]:
                    item.append(prefix + "q")
            else:
                item.append(f"{offset}:edge")
        if i == 0:
            item.append("first")
        items.append(item)
    return items


@lru_cache(maxsize=1)
def load_tagger(path: str | None = None):
    """The trained CRF, loaded once per process (None when the model file is missing)."""
    import pycrfsuite

    model = Path(path) if path else MODEL_FILE
    if not model.is_file():
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return tagger


def tag_doc(doc: Doc, *, tagger=None, only: set[int] | None = None) -> list[tuple[str, float]]:
    """One ``(label, marginal probability)`` per token of ``doc``, sentence by sentence;
    ``("O", 1.0)`` everywhere when no model is installed, and in the sentences not in
    ``only`` (sentence start indexes; None: every sentence). The tagger reads one sentence
    at a time, so leaving one out changes no other's tags."""
    tagger = tagger or (load_tagger() if ENABLED else None)
    if tagger is None:
        return [("O", 1.0)] * len(doc)
    tags: list[tuple[str, float]] = []
    with _LOCK:  # one CRFsuite tagger holds one sequence at a time
        for sentence in doc.sents:
            if only is not None and sentence.start not in only:
                tags += [("O", 1.0)] * len(sentence)
                continue
            labels = tagger.tag(sentence_items(sentence))
            tags += [(label, tagger.marginal(label, i)) for i, label in enumerate(labels)]
    return tags


def learned_spans(doc: Doc, *, tagger=None, only: set[int] | None = None) -> list[LearnedSpan]:
    """The tagger's spans in ``doc`` (in the sentences ``only`` names, see :func:`tag_doc`):
    runs of one role (``B-`` then ``I-``), in text order."""
    spans: list[LearnedSpan] = []
    role, start, probabilities = None, 0, []
    tags = tag_doc(doc, tagger=tagger, only=only)

    def close(end: int) -> None:
        if role is not None:
            spans.append(LearnedSpan(role, start, end, round(sum(probabilities) / len(probabilities), 3)))

    for i, (label, probability) in enumerate(tags):
        prefix, _, this = label.partition("-")
        starts_sentence = doc[i].is_sent_start and i > 0
        if label == "O" or prefix == "B" or this != role or starts_sentence:
            close(i)
            role, start, probabilities = (this, i, [probability]) if label != "O" else (None, i, [])
        else:
            probabilities.append(probability)
    close(len(tags))
    return [trimmed for span in spans if (trimmed := _trim(doc, span)) is not None]


def _trim(doc: Doc, span: LearnedSpan) -> LearnedSpan | None:
    """``span`` without punctuation or space at its edges ("said:" is the cue "said";
    "Tim Collins," the source "Tim Collins"); None when nothing else is left."""
    start, end = span.start, span.end
    if span.role == "SOURCE":
        # "A spokeswoman, who asked not to be named": a relative clause is not the source.
        relative = next((t.i for t in doc[start:end] if t.tag_ in ("WP", "WDT", "WP$") and t.i > start), None)
        end = relative if relative is not None else end
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start == end:
        return None
    return span if (start, end) == (span.start, span.end) else LearnedSpan(span.role, start, end, span.confidence)


#: A learned span is used only when the tagger's mean marginal probability for it is at
#: least this: a fixed half (more likely than not), not a tuned value.
MIN_CONFIDENCE = 0.5


def _overlapping(spans: list[LearnedSpan], span: tuple[int, int] | None) -> LearnedSpan | None:
    """The most confident learned span overlapping ``span`` (the earliest on a tie)."""
    if span is None:
        return None
    found = [s for s in spans if s.start < span[1] and span[0] < s.end and s.confidence >= MIN_CONFIDENCE]
    return max(found, key=lambda s: (s.confidence, -s.start)) if found else None


@lru_cache(maxsize=1)
def _lexicon_rows() -> dict[str, dict]:
    from analysis.rules.attribution import reporting_lexicon

    table = reporting_lexicon()
    return {row["cue"]: row for row in table.to_dict("records") if " " not in row["cue"]}


_VERB_POS = frozenset({VERB, AUX})


@lru_cache(maxsize=4)
def _lexicon_verb_hashes(vocab) -> frozenset[int]:
    """The lexicon's one-word cues as the hashes of the vocabulary's strings (a token's
    ``lemma``): compared as numbers, on every token of every article."""
    return frozenset(vocab.strings.add(cue) for cue in _lexicon_rows())


def learned_relations(doc: Doc, relations: list, spans: list[LearnedSpan]) -> list:
    """Relations the rules did not find: a learned cue (its head a verb of the project's
    lexicon, neither negated nor with "can") with a learned source in its sentence, and
    what it reports: the parse's clause or object of the cue's verb, taken as the rules
    take it. The source is the learned source nearest the cue, before it on a tie. These
    are mostly the verbs whose subject the parse does not give ("..., said a spokesman
    for the union" parsed upside down)."""
    from analysis.rules.attribution import (VERB_POS, Attribution, complement_content, cue_head, discourse_marker, goes_on,
                                            passes_words_on, reports_nothing)  # fmt: skip

    taken = {t for r in relations for span in (r.cue, r.source) if span for t in range(*span)}
    added = []
    for cue in (s for s in spans if s.role == "CUE" and s.confidence >= MIN_CONFIDENCE):
        if taken.intersection(range(cue.start, cue.end)):
            continue
        verb = cue_head(doc, cue.start, cue.end)
        row = _lexicon_rows().get(verb.lemma_.lower())
        if verb.dep_ == "relcl" and any(t.tag_ in ("WP", "WDT") for t in verb.children):
            continue  # "a spokeswoman, who asked not to be named": not what she says
        if row is None or verb.pos_ not in VERB_POS or row["complement"] == "media_subject":
            continue  # a cue word the lexicon does not know (no stance to give it), or one the rules limit to media
        if discourse_marker(doc, verb) or passes_words_on(verb):
            continue  # "That said, ...": "however"; "quoted X as saying": X's words, which the rules found
        if any(c.dep_ in ("aux", "neg") and c.lower_ in ("can", "ca", "could", "not", "n't") for c in verb.children):
            continue  # "can argue", "did not say": the rules' own judgement of these stands
        if reports_nothing(doc, verb, row, (cue.start, cue.end)):
            continue  # "This purported severance", "no reason to think": nobody says anything
        sentence = verb.sent
        sources = [s for s in spans if s.role == "SOURCE" and s.confidence >= MIN_CONFIDENCE
                   and sentence.start <= s.start and s.end <= sentence.end and not taken.intersection(range(s.start, s.end))]
        if not sources:
            continue
        source = min(sources, key=lambda s: (min(abs(s.end - cue.start), abs(cue.end - s.start)), s.start > cue.start))
        cue_start, source_span = _cue_without_subject(doc, cue, verb, source)
        # What it reports, as the rules take it for this verb (a clause where the lexicon says so).
        if goes_on(verb, row["complement"]):
            continue  # "continued to grow": not speech
        content = complement_content(verb, cue.end, row["complement"])
        # Only what the rules would take as said: on BBC news, the tagger's own content spans
        # also made relations of "posted a profit", "proposed the merger" or "to recall".
        if content is None or (source.start < content[1] and content[0] < source.end):
            continue
        added.append(Attribution((cue_start, cue.end), verb.i, row["cue"], row["stance"], row["category"],
                                 source_span, content, "learned", confidence=round(min(cue.confidence, source.confidence), 3)))
        taken.update(range(cue_start, cue.end))
        taken.update(range(*source_span))
    return added


def _cue_without_subject(doc: Doc, cue: LearnedSpan, verb, source: LearnedSpan) -> tuple[int, tuple[int, int]]:
    """Where the cue starts and the source's span: a learned cue that took in the head of
    the verb's subject ("The victim's | mother testified") gives it back, and the source
    is that subject's whole phrase ("The victim's mother") when it holds the learned one."""
    # The subject of the cue's verb, or of the verb a participle in the cue hangs from
    # ("mother testified, describing").
    subject = next((t for t in doc[cue.start : verb.i] if t.dep_ in ("nsubj", "nsubjpass") and t.head.i in (verb.i, verb.head.i)), None)
    if subject is None:
        return cue.start, (source.start, source.end)
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    holds = start <= source.start and source.end <= end
    return subject.i + 1, (start, end) if holds else (source.start, source.end)


def refine(doc: Doc, relations: list, *, spans: list[LearnedSpan] | None = None) -> list:
    """The rules' relations, each with the learned source phrase to show where the tagger
    marks a fuller one in the relation's sentence (:func:`_fuller_source`), then the
    relations the rules left without a speaker (:func:`learned_relations`). The rules'
    own ``source`` and ``cue`` are kept: they decide who the source is and the stance.
    Returns new relations (Attribution objects are frozen), in cue order."""
    from dataclasses import replace

    if spans is None:
        if not ENABLED or load_tagger() is None:
            return relations
        # Only sentences where a learned span can be used: those of the rules' relations,
        # and those with a verb of the lexicon (a learned relation's cue). On news, most
        # sentences are neither, and the tagger costs about a tenth of the parse.
        wanted = {doc[r.anchor].sent.start for r in relations}
        verbs = _lexicon_verb_hashes(doc.vocab)
        wanted |= {t.sent.start for t in doc if t.pos in _VERB_POS and t.lemma in verbs}
        spans = learned_spans(doc, only=wanted)
    if not spans:
        return relations
    sources = [s for s in spans if s.role == "SOURCE"]
    refined = []
    # A cue's edges stay the lexicon's ("warned of", not "have also warned of"): the cue
    # words are what the worksheet asks students to find, and what its key marks.
    for relation in relations:
        sentence = doc[relation.anchor].sent
        source = _overlapping([s for s in sources if sentence.start <= s.start and s.end <= sentence.end], relation.source)
        if (source is not None and (source.start, source.end) != relation.source and not _crosses(source, relation)
                and _fuller_source(doc, source, relation.source)):
            relation = replace(relation, shown_source=(source.start, source.end), confidence=source.confidence)
        refined.append(relation)
    return sorted(refined + learned_relations(doc, refined, spans), key=lambda r: r.cue)


_OPENERS = {"(": ")", "[": "]"}


def _fuller_source(doc: Doc, learned: LearnedSpan, rule: tuple[int, int]) -> bool:
    """Whether the learned span is the rules' source with more of its noun phrase (an
    apposition, a title: "Lynn Franco, director of the Conference Board's consumer
    research centre"), not another phrase: it holds the whole rule span, its brackets and
    quotation marks pair up, it holds no verb, it ends on no date ("Tessa Jowell on
    Tuesday"), what it adds before the rule span holds no preposition ("a statement
    from Mr Spitzer's office, the Marsh executive"), and a preposition it adds after
    the rule span hangs on the source, unless it tells where the source works ("of the
    Conference Board", "at HBOS"), not on the verb ("the MDA, with forecasts
    suggesting ...")."""
    if not (learned.start <= rule[0] and rule[1] <= learned.end):
        return False
    tokens = doc[learned.start : learned.end]
    texts = [t.text for t in tokens]
    if any(texts.count(a) != texts.count(b) for a, b in _OPENERS.items()) or texts.count('"') % 2:
        return False
    added = [t for t in tokens if not rule[0] <= t.i < rule[1]]
    if any(t.pos_ in ("VERB", "AUX") for t in added) or tokens[-1].ent_type_ in ("DATE", "TIME"):
        return False
    if any(t.pos_ == "ADP" for t in added if t.i < rule[0]):
        return False
    # "said the MDA, with forecasts suggesting ...": a phrase after the source that hangs
    # on the verb is what came with the words, not more of the source's name.
    root = doc[rule[0] : rule[1]].root
    # Prepositions of circumstance (lexicons/context_words.csv): "with", "in", "after"; not
    # "of", "from" or "at", which may tell where a source works ("Mark Miller, at HBOS").
    circumstance = lexicon_words("context_words", "circumstance_preposition")
    return not any(t.lower_ in circumstance and not root.is_ancestor(t) for t in added if t.i >= rule[1])


def _crosses(source: LearnedSpan, relation) -> bool:
    """Whether a learned source span would take in the relation's cue or content."""
    for span in (relation.cue, relation.content):
        if span is not None and source.start < span[1] and span[0] < source.end:
            return True
    return False
