"""Hedge and booster cues: lexicon matching with spaCy's Matcher, disambiguation, negation.

What it extracts: every hedge (may, appear to, reportedly, around 12,000, refused to
confirm or deny...) and booster (certainly, it is clear that, no doubt...) in a Doc,
with its character offsets, lexicon category, the disambiguation rule that kept it,
and whether negation flipped it.

Lexicons are data: ``lexicons/hedges.csv`` and ``lexicons/boosters.csv``, columns
``cue, kind, category, rule, negated, domain, notes, provenance``. A cue is written
as lemmas separated by spaces; ``(word)`` is optional, ``a|b`` is either. Each cue is
matched with spaCy's PhraseMatcher on lemmas and on lower-cased words (so "alleged"
matches whether the tagger calls it a verb or an adjective); see :mod:`analysis.rules.phrases`.

Rules (column ``rule``), each a pure function below and each tested:

- ``modal``: the token is tagged MD (so "May" the month is never a modal).
- ``modal_would``: MD, and not the future-in-the-past of reported speech ("she said
  ministers would consult") or of a story ("Soon, I would become one of them", "he would
  later resign", "would go on to win"), unless an if-clause makes it hypothetical; not
  after a concessive "even if" ("even if it escaped, the bug would only have been able to
  infect one phone"); not "'d" before a past participle ("they'd announced": "had").
- ``epistemic_appear``: "appear" with a complement ("appear to show", "it appears
  that", "appears likely"), not "appeared in court".
- ``forecast_expect``: "expect" as a forecast, not "as expected", "than expected", "what I
  expected to see" or "she was expecting" (a child).
- ``number_follows``: approximators ("around", "about", "up to", "some") only before
  a quantity.
- ``plural_number``: "thousands", "dozens" as vague quantities, not "12 thousand".
- ``clausal``: a verb of thinking with a clause ("suggests that", "is estimated to"),
  not with an object ("suggested a plan", "assuming greater significance").
- ``verb``, ``noun``, ``adjective``: part of speech ("claims that" the noun is a
  speculation noun; "claimed" the verb is a reporting verb).
- ``predicate``, ``clear_predicate``: certainty adjectives used predicatively ("it is
  clear that"), not attributively ("a clear sky") or in "made it clear" (a reporting
  expression).

Negation (column ``negated``): ``flip`` turns a negated hedge into a booster ("no
doubt") and a negated booster into a hedge ("not clear"); ``drop`` discards the cue
("could not attend" is inability, not a hedge); ``keep`` leaves it. "not only" is
never negation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from analysis.lexicon import lexicon_names, load_lexicon, lexicon_words
from analysis.rules.phrases import LexiconMatcher, held_by_nobody, imperative, in_a_title, what_object_before
from analysis.vocabulary import HEDGE_DOMAIN

__all__ = ["Cue", "CueMatcher", "certainty_lexicon", "find_cues", "hedge_domains", "HEDGE_DOMAINS", "RULES"]

NEGATORS = frozenset({"not", "n't", "never", "no", "without", "nor"})
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions "
    "dozen dozens half third quarter score".split()
)
CURRENCY = frozenset("$ £ € ¥ us$".split())
COPULAS = frozenset({"be", "seem", "become", "remain", "appear", "look", "sound", "prove"})
# Verbs of saying whose past-tense complement puts "would" in the future-in-the-past.
REPORTED_SPEECH_HEADS = frozenset(
    "say tell announce warn add explain claim insist promise pledge vow predict expect believe think "
    "state report argue suggest confirm indicate write note signal hint".split()
)


@dataclass(frozen=True)
class Cue:
    """One hedge or booster found in a Doc.

    Attributes:
        i, j: Token span ``doc[i:j]``.
        start, end: Character offsets.
        text: The cue as written (``text[start:end]`` of the article).
        cue: The lexicon entry that matched.
        kind: ``hedge`` or ``booster`` (after any negation flip).
        category: Lexicon category, or ``negated_hedge`` / ``negated_booster``.
        rule: The disambiguation rule that kept it (``lexicon`` when none applies).
        negated: True when negation flipped it.
        lexicon_kind, lexicon_category: The entry's kind and category before any flip.
        provenance: The lexicon row's provenance note.
    """

    i: int
    j: int
    start: int
    end: int
    text: str
    cue: str
    kind: str
    category: str
    rule: str
    negated: bool
    lexicon_kind: str
    lexicon_category: str
    provenance: str


# --- lexicon and patterns ------------------------------------------------------------

#: What ``--hedge-domain`` / ``analyze(hedge_domain=...)`` may name, and the lexicon
#: domains each uses: ``news`` is the general lexicon; ``bio`` and ``wiki`` add the cues
#: learned from CoNLL-2010 BioScope and Wikipedia training (``hedges_bio.csv``,
#: ``hedges_wiki.csv``) and drop the general cues those data show do not mark
#: uncertainty there.
HEDGE_DOMAINS: dict[str, tuple[str, ...]] = dict(zip(HEDGE_DOMAIN, (("general",), ("general", "bio"), ("general", "wiki"))))


def hedge_domains(hedge_domain: str | None = None) -> tuple[str, ...]:
    """The lexicon domains for a hedge domain name (None: ``$ANALYSIS_HEDGE_DOMAIN``, else
    ``news``)."""
    import os

    from analysis import config

    name = hedge_domain or os.environ.get(config.HEDGE_DOMAIN_ENV_VAR) or "news"
    if name not in HEDGE_DOMAINS:
        raise ValueError(f"unknown hedge domain {name!r}: use one of {', '.join(HEDGE_DOMAINS)}")
    return HEDGE_DOMAINS[name]



def _apply_suppressions(table: pd.DataFrame) -> pd.DataFrame:
    """Drop rows whose cue a ``suppress`` row names, then the suppress rows themselves."""
    suppressed = set(table.loc[table["kind"] == "suppress", "cue"])
    keep = (table["kind"] != "suppress") & ~table["cue"].isin(suppressed)
    return table[keep].reset_index(drop=True)


@lru_cache(maxsize=8)
def _lexicon(domains: tuple[str, ...]) -> pd.DataFrame:
    names = [n for n in lexicon_names() if n.split("_")[0] in ("hedges", "boosters")]
    table = pd.concat([load_lexicon(name) for name in names], ignore_index=True)
    return _apply_suppressions(table[table["domain"].isin(domains)])


def certainty_lexicon(domains: tuple[str, ...] = ("general",)) -> pd.DataFrame:
    """Hedge and booster rows for the given domains (``general`` is the news lexicon).

    Domain files (``hedges_bio.csv``, ``hedges_wiki.csv``) add cues for that domain and
    may suppress general cues there (rows of kind ``suppress``).
    """
    return _lexicon(tuple(domains)).copy()


class CueMatcher:
    """A spaCy Matcher over a certainty lexicon; call it on a Doc or Span for its cues."""

    def __init__(self, vocab: Vocab, lexicon: pd.DataFrame):
        self.lexicon = _apply_suppressions(lexicon.reset_index(drop=True))
        self.matcher = LexiconMatcher(vocab, self.lexicon["cue"].tolist())
        # Plain dicts: looking rows up in pandas per match would cost more than matching.
        self.rows = self.lexicon.to_dict("records")

    def __call__(self, doc: Doc | Span) -> list[Cue]:
        return _match(doc, self.matcher, self.rows)


@lru_cache(maxsize=8)
def _default_matcher(vocab: Vocab, domains: tuple[str, ...]) -> CueMatcher:
    return CueMatcher(vocab, _lexicon(domains))


# --- disambiguation rules -----------------------------------------------------------


def _is_modal(doc: Doc, i: int, j: int) -> bool:
    return doc[i].tag_ == "MD"


#: Verbs whose "could" states an ability, not a possibility: "From the gallery she could
#: see the stage" is what she saw.
ABILITY_VERBS = lexicon_words("context_words", "ability_verbs")


def _is_possibility_modal(doc: Doc, i: int, j: int) -> bool:
    """"could" of possibility ("could prove to be"), not of ability ("could see the stage")."""
    return doc[i].tag_ == "MD" and doc[i].head.lemma_.lower() not in ABILITY_VERBS


#: Words that make "likelihood" the statistical term: "maximum likelihood", "log
#: likelihood", "likelihood ratio".
STATISTIC_NEIGHBOURS = frozenset({"maximum", "log", "marginal", "partial", "ratio", "function", "estimate", "estimation", "score"})


def _is_not_statistic(doc: Doc, i: int, j: int) -> bool:
    """"likelihood" of chance, not the statistician's ("maximum likelihood")."""
    before = doc[i - 1].lower_.rstrip("-") if i > 0 else ""
    after = doc[j].lower_ if j < len(doc) else ""
    return before not in STATISTIC_NEIGHBOURS and after not in STATISTIC_NEIGHBOURS and not doc[i].text.startswith("-")


def _even_if(verb: Token) -> bool:
    """The verb's if-clause opens "even if"."""
    return any(child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" and m.i > 0 and m.doc[m.i - 1].lower_ == "even"
                                             for m in child.children) for child in verb.children)  # fmt: skip


def _has_if_clause(verb: Token) -> bool:
    return any(
        child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children)
        for child in verb.children
    )


@lru_cache(maxsize=1)
def _proposal_nouns() -> frozenset[str]:
    """Plans, bills, deals (``lexicons/proposal_nouns.csv``): what one "would" do is its content."""
    return frozenset(load_lexicon("proposal_nouns")["word"])


def _describes_a_proposal(verb: Token) -> bool:
    """ "The plans would abolish regional assemblies", "Six units would be scrapped under
    proposals": "would" tells what a proposal contains, which the writer states; it is
    not the writer hedging. The verb's subject, or the object of its "under", is a plan,
    bill, deal ..."""
    nouns = _proposal_nouns()
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in nouns:
            return True
        if child.dep_ == "prep" and child.lower_ == "under":
            if any(g.dep_ == "pobj" and g.lemma_.lower() in nouns for g in child.children):
                return True
    return False


#: Adverbs with which "would" tells what happened later in a story ("Soon, I would become
#: one of them", "he would later resign"): the future-in-the-past of narrative, not a hedge.
LATER_ADVERBS = lexicon_words("context_words", "later_adverbs")


def _later_in_the_story(verb: Token) -> bool:
    """ "would soon learn", "would later resign", "would go on to win": what came next in a
    story the writer tells."""
    if any(c.dep_ == "advmod" and c.lower_ in LATER_ADVERBS for c in verb.children):
        return True
    # "would go on to win": "on" and a verb with its "to" after it.
    return verb.lemma_.lower() == "go" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "on" for c in verb.children) and any(
        c.pos_ in ("VERB", "AUX") and any(g.lower_ == "to" for g in c.children) for c in verb.children)


def _is_hypothetical_would(doc: Doc, i: int, j: int) -> bool:
    """False for the future-in-the-past: "would" in the complement of a past reporting verb;
    and for "'d" before a past participle, which is "had"."""
    would = doc[i]
    if would.tag_ != "MD":
        return False
    verb = would.head
    if (would.lower_ in ("'d", "\u2019d") and verb.tag_ in ("VBN", "VBD") and verb.lower_ != verb.lemma_.lower()
            and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)):  # fmt: skip
        return False  # "they'd already announced": "had", no modal; not "I'd put", "I'd have put"
    if _has_if_clause(verb):
        # "even if it escaped, the bug would only have been able to infect one phone":
        # a concessive "even if" says the claim holds either way; the writer is sure.
        return not _even_if(verb)
    if _describes_a_proposal(verb) or _later_in_the_story(verb):
        return False
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ in ("ccomp", "xcomp") and clause.head.lemma_.lower() in REPORTED_SPEECH_HEADS:
        return clause.head.tag_ not in ("VBD", "VBN")  # past tense reporting: future-in-the-past
    return True


def _is_epistemic_appear(doc: Doc, i: int, j: int) -> bool:
    verb = doc[i]
    # "appears in Thursday's Sun", "appeared in court": a place, not a seeming.
    if j < len(doc) and doc[j].lower_ in ("in", "on", "at", "before") and doc[j].head.i == verb.i:
        return False
    deps = {child.dep_ for child in verb.children}
    if deps & {"xcomp", "ccomp", "acomp", "attr", "oprd"}:
        return True
    return any(child.dep_ in ("nsubj", "expl") and child.lower_ == "it" for child in verb.children)


def _is_clausal(doc: Doc, i: int, j: int) -> bool:
    """A verb of thinking with a clause ("suggests that", "is assumed to be"), not an
    object ("suggested a plan", "assuming greater significance")."""
    verb = doc[i]
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(child.dep_ in ("ccomp", "xcomp", "csubj") for child in verb.children):
        return True
    passive = any(child.dep_ == "auxpass" for child in verb.children)
    return passive or any(child.dep_ in ("nsubj", "expl") and child.lower_ == "it" for child in verb.children)


def _is_forecast_expect(doc: Doc, i: int, j: int) -> bool:
    token = doc[i]
    if token.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    if any(child.dep_ == "mark" and child.lower_ in ("as", "than") for child in token.children):
        return False
    # "what I expected to see" names a thing; "Kimberly was expecting" (no complement) is
    # carrying a child: neither forecasts anything.
    if what_object_before(token, token.i):
        return False
    if token.tag_ == "VBG" and not any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in token.children):
        return False
    return not (i > 0 and doc[i - 1].lower_ in ("as", "than"))


def _number_follows(doc: Doc, i: int, j: int) -> bool:
    k = j
    while k < len(doc) and (doc[k].lower_ in CURRENCY or doc[k].is_currency):
        k += 1
    if k >= len(doc):
        return False
    after = doc[k]
    if after.like_num or after.lower_ in NUMBER_WORDS:
        return True
    return after.lower_ in ("a", "an") and k + 1 < len(doc) and doc[k + 1].lower_ in NUMBER_WORDS


def _is_plural_number(doc: Doc, i: int, j: int) -> bool:
    token = doc[i]
    if token.tag_ != "NNS" and not token.lower_.endswith("s"):
        return False
    return not (i > 0 and doc[i - 1].like_num)


def _is_verb(doc: Doc, i: int, j: int) -> bool:
    return doc[i].pos_ in ("VERB", "AUX")


def _is_stance_verb(doc: Doc, i: int, j: int) -> bool:
    """A verb of belief that reports a stance, not an instruction to the reader: "Think
    about it:" and "Think BIG." (an imperative opening its sentence, with no subject)
    soften nothing, and neither does "there's no reason to think ..." (the writer denies
    the grounds for it: :func:`phrases.held_by_nobody`)."""
    return doc[i].pos_ in ("VERB", "AUX") and not imperative(doc[i]) and not held_by_nobody(doc[i])


def _is_noun(doc: Doc, i: int, j: int) -> bool:
    return doc[i].pos_ == "NOUN"


def _is_adjective(doc: Doc, i: int, j: int) -> bool:
    return doc[i].pos_ == "ADJ" or (doc[i].tag_ == "VBN" and doc[i].dep_ == "amod")


def _is_predicate(doc: Doc, i: int, j: int) -> bool:
    token = doc[i]
    if token.pos_ != "ADJ" or token.dep_ == "amod":
        return False
    if token.head.lemma_.lower() == "make":  # "made it clear": a reporting expression
        return False
    return token.dep_ == "ROOT" or token.head.lemma_.lower() in COPULAS or token.dep_ in ("acomp", "attr", "ccomp", "oprd")


def _is_claim_noun(doc: Doc, i: int, j: int) -> bool:
    """ "claims that he lied", "the claims were denied", "there were claims": a claim noun
    that carries what is claimed or stands as the subject; not "over claims made in a
    book" (what the discontent was about, with no claim of its own in the sentence)."""
    token = doc[i]
    if token.pos_ != "NOUN":
        return False
    that_clause = any(c.dep_ in ("acl", "ccomp", "relcl") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                      for c in token.children)  # fmt: skip
    # The verb tagged as a noun: "The pair claim they are being punished", "critics of the
    # policy claim president Hugo Chavez is ...", "and claims to update its index".
    before = doc[i - 1] if i > 0 else None
    after = doc[j] if j < len(doc) else None
    mistagged_verb = (before is not None and after is not None and before.pos_ in ("NOUN", "PROPN", "PRON", "CCONJ")
                      and (after.pos_ in ("PRON", "PROPN", "DET", "NOUN") or after.lower_ in ("that", "to")))  # fmt: skip
    return that_clause or mistagged_verb or token.dep_ in ("nsubj", "nsubjpass", "attr")


RULES = {
    "modal": _is_modal,
    "modal_possibility": _is_possibility_modal,
    "not_statistic": _is_not_statistic,
    "modal_would": _is_hypothetical_would,
    "epistemic_appear": _is_epistemic_appear,
    "forecast_expect": _is_forecast_expect,
    "number_follows": _number_follows,
    "plural_number": _is_plural_number,
    "verb": _is_verb,
    "stance_verb": _is_stance_verb,
    "clausal": _is_clausal,
    "noun": _is_noun,
    "claim_noun": _is_claim_noun,
    "adjective": _is_adjective,
    "predicate": _is_predicate,
    "clear_predicate": _is_predicate,
}


# --- negation -----------------------------------------------------------------------


def _negation(doc: Doc, i: int, j: int) -> Token | None:
    """The token negating doc[i:j], if any ("not only" excluded; negators inside the cue ignored)."""
    inside = range(i, j)
    anchor = doc[i]
    candidates = [anchor, anchor.head] if anchor.dep_ in ("aux", "auxpass", "acomp", "attr", "advmod", "amod") else [anchor]
    for token in candidates:
        for child in token.children:
            if child.i in inside:
                continue
            if child.dep_ == "neg" and not (child.i + 1 < len(doc) and doc[child.i + 1].lower_ == "only"):
                return child
    # "no doubt", "without doubt", "never certain": a negator right before the cue.
    if i > 0 and doc[i - 1].lower_ in NEGATORS and doc[i - 1].i not in inside:
        if not (i < len(doc) and doc[i].lower_ == "only"):
            return doc[i - 1]
    return None


# --- matching -----------------------------------------------------------------------


def find_cues(doc: Doc | Span, *, domains: tuple[str, ...] = ("general",)) -> list[Cue]:
    """All hedge and booster cues in ``doc``, sorted by position.

    Overlapping matches keep the longest (then the earliest, then the first lexicon
    row), so "refused to confirm or deny" wins over "confirm" and "no doubt" over
    "doubt".

    Args:
        doc: A parsed Doc, or a Span of one.
        domains: Lexicon domains to use; ``general`` is the news lexicon, the
            benchmarks add ``bio`` or ``wiki``.
    """
    vocab = doc.doc.vocab if isinstance(doc, Span) else doc.vocab
    return _default_matcher(vocab, tuple(domains))(doc)


def _match(doc: Doc | Span, matcher: LexiconMatcher, rows: list[dict]) -> list[Cue]:
    whole = doc.doc if isinstance(doc, Span) else doc
    taken: set[int] = set()
    cues: list[Cue] = []
    # Longest first, then earliest, then lexicon order (LexiconMatcher's order).
    for row_id, i, j in matcher(doc):
        if taken.intersection(range(i, j)):
            continue
        row = rows[row_id]
        rule = row["rule"] or ""
        if rule and not RULES[rule](whole, i, j):
            continue
        if whole[i].pos_ in ("VERB", "AUX") and in_a_title(whole[i]):
            continue  # "a regular on Does the Team Think?": a title's word, not the writer's hedge
        kind, category, negated = row["kind"], row["category"], False
        start, end = whole[i].idx, whole[j - 1].idx + len(whole[j - 1])
        negator = _negation(whole, i, j)
        if negator is not None and row["negated"] != "keep":
            if row["negated"] == "drop":
                continue
            kind, negated = ("booster", True) if kind == "hedge" else ("hedge", True)
            category = "negated_hedge" if kind == "booster" else "negated_booster"
            if negator.i == i - 1:  # show "not clear", not just "clear"
                i, start = negator.i, negator.idx
        taken.update(range(i, j))
        cues.append(
            Cue(
                i=i,
                j=j,
                start=start,
                end=end,
                text=whole[i:j].text,  # Doc.text would rebuild the whole article
                cue=row["cue"],
                kind=kind,
                category=category,
                rule=rule or "lexicon",
                negated=negated,
                lexicon_kind=row["kind"],
                lexicon_category=row["category"],
                provenance=row["provenance"],
            )
        )
    cues.sort(key=lambda c: (c.start, c.end))
    return cues
