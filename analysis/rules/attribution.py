"""Attribution relations: who says (or believes, confirms, denies) what, found in the parse.

What it extracts: for each reporting expression (a verb or phrase from
``lexicons/reporting_verbs.csv``, with its stance), the source (the speaker, as a token
span), the cue span, and the content span (what is attributed), with the name of the
syntactic pattern that linked them.

Patterns (``pattern`` field):

- ``subject_verb``: "X said (that) ...", "X has confirmed the deployment", "X warned of ...";
  the source is the verb's subject (or the subject of its auxiliary, or of the verb it
  is coordinated with), the content its clausal complement, object or "of" phrase.
  When the parse puts the speaker inside the quoted clause ('"...," Jeff Joseph, from
  the CEA, told the BBC'), the name between the closing mark and the verb.
- ``passive_agent``: "it was confirmed by X that ..."; the source is the "by" agent.
- ``participle``: "..., explaining that ...", "with X warning that ..."; a participle
  takes its own subject, else the subject of the clause it hangs from.
- ``according_to``: "according to X, ..."; the content is the clause "according to"
  modifies.
- ``impersonal``: "X is alleged to ...", "it is believed that ..."; nobody is named.
- ``as_reported``: "As the BBC reported, the talks collapsed": the clause an "as" clause
  hangs from.
- ``parenthetical``: '"The plan," the minister said, "will work."'; the verb interrupts
  the clause it reports. Also '"..., I know that," she said' when the parse buries the
  verb inside the quotation: the quotation closing right before its subject.
- ``colon``: 'As the minister admits: "We got this wrong."'; the verb hangs from the
  clause after a colon, which is what it reports.
- ``announced_by``: "Fees will double under plans unveiled by the council", "Pay is
  to rise as part of proposals announced by Patricia Hewitt", "in a report published
  by Amnesty": the clause rests on a plan or publication whose "by" agent is named
  (``lexicons/announcing_verbs.csv``); the agent is the source, the participle the cue,
  and the clause around the phrase the content. Inside "according to figures released
  by the ONS", the agent is the source of the ``according_to`` relation.
- ``introduced``: "Sam Lau ... said in a statement." followed by a sentence that opens
  a quotation: the verb introduces it; the content is the quotation, however many
  sentences it runs over.
- ``nominal``: "reports that ...", "the latest reports that ...": a media or document
  noun (``lexicons/source_nouns.csv``) with a "that" clause; the noun phrase is the
  source. "There were indications that ..." names no source and is no attribution: the
  claim stays the author's, hedged by "indications".

A negated reporting verb ("did not say which", "has not verified", "does not confirm",
"did not deny") leaves the claim open: its stance becomes ``non_committal``. With a
modal of ability ("can no longer argue that ...") it is no attribution at all.

A reporting verb counts only with content: a clause, or (for verbs whose lexicon row
says ``complement=any``) an object or an "of"/"about" phrase. Rows with
``complement=media_subject`` ("show", "reveal") count only when a media or document
noun is the subject ("videos ... appear to show"); rows with ``complement=object_of``
("accuse") only with an object and an "of" phrase ("accused Trump of inciting violence");
rows with ``complement=quoted_label`` ("call") only with an object called something in
quotation marks ("called Trump "unhinged"") or something that judges it ("called the
process a sham");
rows with ``complement=absolute`` ("continue") only used on their own, next to a quotation.

Each reporting verb goes through :data:`VERB_RULES`, small named functions in order:
each refines what the ones before found (subject, content, pattern, stance), or says
the verb is no attribution there ("people can claim compensation": ``what_one_may_do``).

This module links sources to contents for the claim status; the sourcing step
classifies source types and builds the ``attributions`` table from these relations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from analysis.lexicon import lexicon_words, load_lexicon
from analysis.rules.phrases import LexiconMatcher, held_by_nobody, imperative, in_a_title, what_object_before

__all__ = ["Attribution", "VerbLink", "VERB_RULES", "link_verb", "cue_head", "find_attributions", "negation_of", "reporting_lexicon",
    "reporting_cues",
           "source_noun_categories", "name_after_descriptions"]

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "csubj")
#: Subtrees cut from a source span: clauses and appositions hanging off the source.
SOURCE_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "appos"})
#: Nouns that can be a reporting verb's lemma but are not reporting there ("a report",
#: "the claims"): a reporting cue must be a verb, or the phrase "according to".
VERB_POS = ("VERB", "AUX")
#: Prepositions whose gerund shares the subject of the clause it hangs from ("responded
#: by saying", "after admitting", "despite insisting"); not "on"/"of", whose gerund is
#: often a noun's ("work on clarifying the role").
GERUND_ADJUNCT_PREPOSITIONS = frozenset({"by", "after", "before", "despite", "since", "without", "while", "in", "upon", "for"})


@dataclass(frozen=True)
class Attribution:
    """One attribution relation; spans are token index pairs ``(i, j)`` into the Doc.

    Attributes:
        cue: The reporting expression's tokens.
        anchor: Index of the cue's verb (or of "according").
        lemma: The lexicon entry that matched ("say", "refuse to confirm or deny").
        stance: The entry's stance (neutral, assertive, confirming, distancing,
            non_committal, belief, denying).
        category: The entry's category (speech, cognition, confirmation, ...).
        source: The speaker's tokens, or None when the text names nobody.
        content: The attributed content's tokens, or None.
        pattern: Which syntactic pattern linked them.
        shown_source, shown_cue: The source's and the cue's edges as the tables show them,
            where the learned tagger moved them (:mod:`analysis.rules.attribution_model`:
            "The shadow education secretary, Tim Collins" for the rules' "Tim Collins");
            None where they are ``source`` and ``cue``. The rules reason on ``source`` and
            ``cue`` (the speaker's head, the verb's stance); readers see the shown edges.
        confidence: The learned tagger's confidence in what it decided (0 to 1), or None.
    """

    cue: tuple[int, int]
    anchor: int
    lemma: str
    stance: str
    category: str
    source: tuple[int, int] | None
    content: tuple[int, int] | None
    pattern: str
    shown_source: tuple[int, int] | None = None
    shown_cue: tuple[int, int] | None = None
    confidence: float | None = None

    def source_text(self, doc: Doc) -> str | None:
        return doc[self.source[0] : self.source[1]].text if self.source else None

    def contains(self, i: int) -> bool:
        """True when token ``i`` lies in the attributed content."""
        return self.content is not None and self.content[0] <= i < self.content[1]


#: The stance a learned cue takes from its category (``reporting_cues_learned.csv``).
LEARNED_STANCES = {"cognition": "belief", "confirmation": "confirming", "denial": "denying"}


@lru_cache(maxsize=1)
def _lexicon() -> pd.DataFrame:
    """The project's reporting verbs, then the cues learned from PolNeAR train that it
    lacks (``lexicons/reporting_cues_learned.csv``, written by ``benchmarks/learn_cues.py``):
    each needs a finite clause ("found that ...", "hopes the talks will ..."): with a
    "to" clause ("agreed to assist", "hopes to make a CD") these verbs report an act or
    a plan, not a claim. Its stance follows its category."""
    own = load_lexicon("reporting_verbs")
    learned = load_lexicon("reporting_cues_learned")
    learned = learned[~learned["cue"].isin(set(own["cue"]))]
    extra = pd.DataFrame({
        "cue": learned["cue"], "stance": learned["category"].map(LEARNED_STANCES).fillna("neutral"),
        "category": learned["category"], "complement": "finite_clause",
        "notes": "learned: precision " + learned["precision"] + " with a clause", "provenance": learned["provenance"],
    })  # fmt: skip
    return pd.concat([own, extra], ignore_index=True)


def reporting_lexicon() -> pd.DataFrame:
    """The reporting-verb lexicon (cue, stance, category, notes, provenance), learned cues included."""
    return _lexicon().copy()


@lru_cache(maxsize=8)
def reporting_cues(stance: str | None = None) -> frozenset[str]:
    """The lexicon's cues in lower case (learned cues included), or those of one stance
    ("confirming"): to test a lemma ("said" is "say") against."""
    table = _lexicon()
    if stance is not None:
        table = table[table["stance"] == stance]
    return frozenset(table["cue"].str.lower())


@lru_cache(maxsize=1)
def accusing_cues() -> frozenset[str]:
    """The cues that report an accusation with its object (``complement=object_of``:
    "accuse"): the accusation is an event of its own, not only a saying."""
    table = _lexicon()
    return frozenset(table.loc[table["complement"] == "object_of", "cue"].str.lower())


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> LexiconMatcher:
    return LexiconMatcher(vocab, _lexicon()["cue"].tolist())


@lru_cache(maxsize=1)
def _rows() -> list[dict]:
    return _lexicon().to_dict("records")


def _span_of(tokens: list[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    return min(t.i for t in tokens), max(t.i for t in tokens) + 1


def _trimmed_subtree(token: Token, *, cut=SOURCE_CUT_DEPS) -> tuple[int, int]:
    """The token's subtree without the listed dependents, as a contiguous span.

    Two exceptions, both about who the source is: a document whose maker is named in a
    participle keeps it ("The figures collected by the Mobile Data Association", "findings
    published in the Quarterly Economic Commentary of ..."), and a
    "with" phrase after a comma is what came with the words, not the speaker ("said the
    MDA, with forecasts suggesting ...")."""
    doc = token.doc
    if name_after_descriptions(token) is not None:
        cut = cut - {"cc", "conj", "appos"}
    keep = [token]
    # "findings published in the Quarterly Economic Commentary of ..." names its maker too.
    made_by = [c for c in token.children if c.dep_ == "acl" and _source_noun_category(token) == "document"
               and (any(g.dep_ == "agent" for g in c.children)
                    or c.lemma_.lower() in lexicon_words("context_words", "publication_verb"))]  # fmt: skip
    stack = [c for c in token.children if (c.dep_ not in cut or c in made_by)
             and not (c.dep_ == "prep" and c.lower_ == "with" and c.i > token.i and doc[c.i - 1].text == ",")]  # fmt: skip
    while stack:
        child = stack.pop()
        keep.append(child)
        stack.extend(c for c in child.children if c.dep_ not in ("relcl", "acl", "advcl"))
    i, j = _span_of(keep)  # type: ignore[misc]
    # A closing bracket stays when its opening one is in the span ("the Mobile Data Association (MDA)").
    while j > i + 1 and (doc[j - 1].is_punct or doc[j - 1].is_space) and not (doc[j - 1].text == ")" and "(" in doc[i : j - 1].text):
        j -= 1
    while i < j - 1 and (doc[i].is_punct or doc[i].is_space):
        i += 1
    # "... Association of Chief Police Officers (ACPO)": the parser may hang the closing
    # bracket elsewhere; a span that opens one more bracket than it closes takes it.
    if j < len(doc) and doc[j].text == ")" and doc[i:j].text.count("(") > doc[i:j].text.count(")"):
        j += 1
    # "After the ruling Carla Ferstman, legal director of Redress, said": the object of an
    # opening preposition the parser left without one ("After") is not the speaker's name.
    opening = doc[i - 1] if i > 0 else None
    if (opening is not None and opening.is_sent_start and opening.dep_ == "prep" and not any(c.dep_ == "pobj" for c in opening.children)
            and token.ent_type_ == "PERSON" and doc[i].ent_type_ != "PERSON"):
        first = token.i
        while first > i and doc[first - 1].ent_type_ == "PERSON":
            first -= 1
        i = first
    # "Recent figures from the UK's regulator Ofcom showed ...": the parser may take the
    # name closing the phrase for a second subject of the verb; it names the last noun.
    after = doc[j] if j < len(doc) else None
    if (after is not None and token.dep_ in SUBJECT_DEPS and after.dep_ == token.dep_ and after.head.i == token.head.i
            and after.pos_ == "PROPN" and doc[j - 1].pos_ == "NOUN" and j - 1 != token.i and after.ent_type_ in ("ORG", "GPE", "PERSON")):
        j = after.right_edge.i + 1
    return i, j


def name_after_descriptions(token: Token) -> Token | None:
    """The first word of the full name that descriptions joined by "and" run straight into,
    with no comma, or None: one
    person ("Billionaire businessman and Republican front-runner Donald Trump said", "Real
    estate mogul and reality television star Donald Trump tweeted"). The parser makes the
    first description the head and the name its conjunct or apposition. The description
    right before the name is in lower case."""
    if token.pos_ != "NOUN" or token.tag_ == "NNS" or not any(c.dep_ == "cc" for c in token.children):
        return None
    name = next((c for c in token.children if c.dep_ in ("conj", "appos") and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
                 and c.i > token.i and c.i - 1 > token.i and token.doc[c.i - 1].ent_type_ == "PERSON"), None)  # fmt: skip
    if name is None or any(t.is_punct and t.text not in "-‐" for t in token.doc[token.i : name.i]):
        return None
    first = name
    while first.i > token.i and token.doc[first.i - 1].ent_type_ == "PERSON":
        first = token.doc[first.i - 1]
    # A capitalised title right before the name is that person's own ("The senator and
    # Governor Jim Smith": two people); a description in lower case runs into it.
    return first if token.doc[first.i - 1].text[:1].islower() else None


def _named_after(noun: Token) -> Token | None:
    """ "Germany's financial watchdog BaFin told ...": parsed as two subjects, a noun and
    the name right after it; the name is who speaks."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if (noun.pos_ == "NOUN" and after is not None and after.pos_ == "PROPN" and after.dep_ == noun.dep_
            and after.head.i == noun.head.i and after.ent_type_ in ("ORG", "PERSON")):  # fmt: skip
        return after
    return None


def _across_quotation(a: Token, b: Token) -> bool:
    """One of two words is inside a quotation and the other outside it: an odd number of
    double quotation marks stands between them."""
    # The tokens between them, not Doc.text, which rebuilds the whole article each call.
    between = a.doc[min(a.i, b.i) : max(a.i, b.i)].text
    return bool(sum(between.count(mark) for mark in DOUBLE_QUOTE_MARKS) % 2)


@lru_cache(maxsize=1)
def _willing_adjectives() -> frozenset[str]:
    """Adjectives of a subject's will or ability to speak ("keen", "unable";
    ``lexicons/willing_adjectives.csv``): "It was keen to point out" has a sayer."""
    return frozenset(load_lexicon("willing_adjectives")["word"])


def _subject(verb: Token) -> Token | None:
    """The verb's subject, looking through auxiliaries, coordination and control."""
    seen = set()
    current: Token | None = verb
    adjective: str | None = None  # the adjective the walk came up through ("wrong to say")
    while current is not None and current.i not in seen:
        seen.add(current.i)
        subjects = [child for child in current.children if child.dep_ in SUBJECT_DEPS]
        if adjective is not None and any(child.lower_ == "it" for child in subjects) and adjective not in _willing_adjectives():
            # "it was wrong to suggest ...", "it is too early to say": nobody is the sayer;
            # "It was keen to point out ..." is the body named before.
            return None
        # '"My apologies, I'm sorry," Quick said': the parse may give the verb a second
        # subject inside the quotation it reports; the speaker is the one outside it.
        # '"..., Mr. President," Representative Steve Cohen told Mr. Obama': the name in
        # apposition to a vocative the parse took for the subject.
        subjects = [next((a for a in child.children if a.dep_ == "appos" and not _across_quotation(a, current)), child)
                    if _across_quotation(child, current) else child for child in subjects]  # fmt: skip
        outside = [child for child in subjects if not _across_quotation(child, current)]
        if any(child.is_punct for child in outside):
            # "Arsenal vice-chairman David Dein has said": the parse split a hyphenated
            # post into subjects of their own ("vice", "-", "Dein"); the last is the name.
            outside = [child for child in outside if not child.is_punct][-1:]
        # "The hard part of learning any language, said Mr Purushotma, were ...": the
        # parse gives the verb the clause's subject too; the name after the verb speaks.
        inverted = [c for c in outside if c.i > current.i and c.pos_ == "PROPN"]
        if len(outside) >= 2 and inverted and current.dep_ == "parataxis":
            outside = inverted
        # "Ex-BBC chat show host and East Midlands MEP Robert Kilroy-Silk said": the parse
        # split one long subject in two (reading "show" as a verb); the person's name
        # nearest the verb is the one who speaks.
        if (len(outside) >= 2 and all(c.i < current.i and c.dep_ == "nsubj" for c in outside) and outside[-1].ent_type_ == "PERSON"
                and outside[0].ent_type_ != "PERSON"):  # fmt: skip
            outside = outside[-1:]
        for child in outside[:1] or subjects[:1]:
            if child.tag_ in ("WDT", "WP") and current.dep_ == "relcl":
                return current.head  # "videos which appear to show": the videos
            return _named_after(child) or child
        # spaCy sometimes hangs the subject on the auxiliary ("the US has, ..., confirmed").
        for child in current.children:
            if child.dep_ in ("aux", "auxpass"):
                for grandchild in child.children:
                    if grandchild.dep_ in SUBJECT_DEPS:
                        return grandchild
        if current.dep_ in ("conj", "xcomp", "advcl") and current.head.i != current.i:
            if current.dep_ == "xcomp" and current.head.lemma_ == "be":
                # "it was difficult to say ...": the parse may hang the infinitive on the
                # copula beside its adjective, which still says whether anyone says it.
                acomp = next((c for c in current.head.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
                adjective = acomp.lower_ if acomp is not None else adjective
            current = current.head
        elif (current.dep_ in ("relcl", "acl") and current.head.dep_ == "attr" and current.head.head.i != current.head.i
              and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)):
            # "Corbett is the latest comedy star to bemoan ...": the one the copula
            # describes does it.
            current = current.head.head
        elif current.dep_ == "acomp" and current.pos_ == "ADJ" and current.head.i != current.i:
            # "Mr. Khan was wrong to say ...", "the minister was quick to deny ...": the
            # infinitive hangs on the adjective, whose subject is the copula's.
            current, adjective = current.head, current.lower_
        elif (current.dep_ == "pcomp" and current.head.dep_ == "prep" and current.head.lower_ in GERUND_ADJUNCT_PREPOSITIONS
              and current.head.head.pos_ in VERB_POS):
            # "responded by saying ...", "after saying ...", "despite admitting ...": the
            # gerund's subject is the clause's; "criticised the firm for failing to say":
            # the object of a verb the "for" hangs from.
            clause = current.head.head
            blamed = next((c for c in clause.children if c.dep_ == "dobj"), None) if current.head.lower_ == "for" else None
            if blamed is not None:
                return blamed
            current = clause
        else:
            current = None
    return None


def _source_noun_category(token: Token) -> str | None:
    table = source_noun_categories()
    return table.get(token.lemma_.lower())


@lru_cache(maxsize=1)
def source_noun_categories() -> dict[str, str]:
    """Source nouns (``lexicons/source_nouns.csv``) by lemma: person_role, institution, media, document."""
    table = load_lexicon("source_nouns")
    return dict(zip(table["cue"], table["category"]))


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


#: The fewest words a quotation in a verb's object needs to be words said.
QUOTED_OBJECT_WORDS = 4


def _quotes_words(phrase: Token) -> bool:
    """The phrase holds a quotation of :data:`QUOTED_OBJECT_WORDS` words or more."""
    words = list(phrase.subtree)
    opening = next((k for k, t in enumerate(words) if t.text in OPENING_MARKS), None)
    if opening is None:
        return False
    closing = next((k for k in range(opening + 1, len(words)) if words[k].text in CLOSING_MARKS), len(words))
    return sum(t.is_alpha for t in words[opening + 1 : closing]) >= QUOTED_OBJECT_WORDS


def _content(verb: Token, cue_end: int, *, clause_only: bool = False, finite_only: bool = False) -> tuple[int, int] | None:
    """The clause, object or "of"-phrase the reporting verb introduces.

    With ``clause_only`` only a clausal complement counts (for verbs such as "add" or
    "maintain" whose plain object is not speech); with ``finite_only`` only a finite one
    (a ``ccomp``: "found that ...", not "agreed to ...").
    """
    doc = verb.doc
    if finite_only:
        if any(c.dep_ == "prt" for c in verb.children):
            return None  # "find out whether": another verb than "find"
        child = next((c for c in verb.children if c.dep_ == "ccomp" and not (verb.i < c.i < cue_end)), None)
        return _span_of(list(child.subtree)) if child is not None and _finite(child) else None
    for dep in ("ccomp", "xcomp", "csubj") if clause_only else CONTENT_DEPS:
        for child in verb.children:
            if child.dep_ == dep and not (verb.i < child.i < cue_end):  # skip "to confirm" inside the cue
                return _span_of(list(child.subtree))
    # Phrasal cues ("refused to confirm or deny whether ...") carry the content on their last verb.
    for token in doc[verb.i : cue_end]:
        if token.i == verb.i:
            continue
        for child in token.children:
            if child.dep_ in ("ccomp", "dobj", "advcl") and child.i >= cue_end:
                return _span_of(list(child.subtree))
        for conj in token.conjuncts:
            for child in conj.children:
                if child.dep_ in ("ccomp", "dobj") and child.i >= cue_end:
                    return _span_of(list(child.subtree))
    if clause_only:
        # "The UK has urged an "end to the violence and for all sides to ..."": an object
        # quoting words said (four words or more; "added a "note of caution"" is a phrase).
        quoted = next((c for c in verb.children if c.dep_ == "dobj" and _quotes_words(c)), None)
        return _span_of(list(quoted.subtree)) if quoted is not None else None
    for child in verb.children:
        # "warned against proposed changes", "cautioned against complacency": what they warn of.
        against = child.lower_ == "against" and verb.lemma_.lower() in lexicon_words("context_words", "against_verb")
        if child.dep_ == "prep" and (child.lower_ in ("of", "about", "on") or against):
            if any(t.ent_type_ in ("DATE", "TIME") for t in child.children):
                continue  # "reported on Tuesday": when, not what
            return _span_of(list(child.subtree))
    return None


#: Words opening an open question: "could not say whether ..." leaves a claim open.
OPEN_QUESTION_WORDS = lexicon_words("context_words", "open_question_words")
#: Modals of ability: "can no longer argue that ..." states what nobody can say, not a claim.
ABILITY_MODALS = frozenset({"can", "could", "ca"})  # "ca" is spaCy's token for "can't"'s first part
#: Subjects that negate their verb: "Nobody has confirmed ...".
#: Verbs that, negated with "can", refuse to speak ("could not comment", "cannot confirm").
REFUSAL_VERBS = frozenset({"comment", "confirm", "say", "discuss", "disclose", "speculate", "reveal"})
NEGATIVE_SUBJECTS = frozenset({"nobody", "none", "neither", "noone"})
#: Verbs whose infinitive is left undone: "failed to deny", "declined to confirm" say the
#: source did not, as "did not deny" does. Not "neglect": "neglected to mention that ..."
#: tells the claim as true.
UNDONE_VERBS = frozenset({"fail", "decline", "refuse"})


def left_undone(verb: Token) -> Token | None:
    """The word that leaves a reporting verb undone ("failed to deny", "has yet to
    confirm", "is yet to say"), or None."""
    if verb.dep_ != "xcomp" or verb.head is verb:
        return None
    head = verb.head
    if head.lemma_.lower() in UNDONE_VERBS:
        return head
    if head.lemma_.lower() in ("have", "be"):
        return next((c for c in head.children if c.dep_ == "advmod" and c.lower_ == "yet"), None)
    return None


def negation_of(verb: Token) -> Token | None:
    """The negation on a reporting verb ("did not say", "has never confirmed", "no longer
    argue"), or None."""
    for child in verb.children:
        if child.dep_ == "neg":
            return child
        if child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            return child
    undone = left_undone(verb)
    if undone is not None:
        return undone
    subject = _subject(verb)
    if subject is not None:
        # "Neither the agency nor the firm would confirm ...", "No one has verified ...",
        # "Nobody said whether ...": the subject negates the verb.
        if subject.lower_ in NEGATIVE_SUBJECTS:
            return subject
        negator = next((c for c in subject.children if (c.dep_ in ("preconj", "det") and c.lower_ == "neither")
                        or (c.dep_ == "det" and c.lower_ == "no" and subject.pos_ == "NOUN")), None)  # not "No 10"
        if negator is not None:
            return negator
    return None


def _colon_after(verb: Token) -> int | None:
    """The index of a colon right after the verb's own phrase ("admits:", "told the
    programme:"), or None."""
    doc = verb.doc
    end = max([verb.i] + [t.i for c in verb.children if c.i > verb.i and c.dep_ != "punct" for t in c.subtree])
    k = end + 1
    while k < len(doc) and doc[k].is_space:
        k += 1
    return k if k < len(doc) and doc[k].text == ":" else None


def _finite(verb: Token) -> bool:
    """A clause with a subject and a tensed verb ("the pace is quickening", "that it would
    ..."), not a participle or a small clause ("found the trio handling ballots")."""
    tensed = verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)
    return tensed and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _according_to(doc: Doc, i: int, j: int, row: dict) -> Attribution | None:
    according = doc[i]
    # The object of "to", however long its modifiers ("according to a Reuters/Ipsos poll").
    pobj = next((c for c in doc[j - 1].children if c.dep_ == "pobj"), None)
    pobj = pobj or next((t for t in doc[i:j + 3] if t.dep_ == "pobj" and t.head.i in range(i, j + 1)), None)
    if pobj is None:
        return None
    source = _trimmed_subtree(pobj)
    announced = _announcing_participle(pobj)
    if announced is not None:
        agent = _trimmed_subtree(announced[1], cut=SOURCE_CUT_DEPS - {"appos"})
        # "according to a report published by consultancy Analysys": a document by a named
        # body; "according to figures released by the ONS": the figures are the ONS's.
        document = _source_noun_category(pobj) in ("media", "document")
        source = (source[0], agent[1]) if document else agent
    head = according.head
    # The content is the clause "according to X" modifies, less the phrase itself.
    clause = [t for t in head.subtree if not (i <= t.i < source[1])]
    content = _span_of(clause)
    sentence = according.sent
    ends_sentence = all(t.is_punct or t.is_space for t in doc[source[1] : sentence.end])
    if ends_sentence and i > sentence.start + 1 and doc[i - 1].text == "," and head.i != sentence.root.i:
        # "It took $42.8m at the weekend, making its takings $163m, according to studio
        # estimates": after a comma at the end of the sentence, the phrase covers all of it,
        # not only the clause the parse hung it on.
        content = (sentence.start, i - 1)
    claim_before = _sentence_pointed_back_to(according)
    if claim_before is not None:
        return Attribution((i, j), i, row["cue"], row["stance"], row["category"], source, claim_before, "that_according_to")
    return Attribution((i, j), i, row["cue"], row["stance"], row["category"], source, content, "according_to")


#: Subjects with which a sentence points back at the one before it ("That's according to ...").
POINTING_BACK = frozenset({"that", "this"})


def _sentence_pointed_back_to(according: Token) -> tuple[int, int] | None:
    """The sentence before, when "according to" makes a sentence of its own that points
    back at it: "Teens love Apple's AirPods. That's according to a new survey from Piper
    Jaffray." The clause is only "that is" (or "this was"), with "according to" its one
    complement; the sentence before is in the same paragraph or the one before."""
    # The parse hangs "according" on "is", or makes it the root with "is" below it.
    if according.dep_ == "prep" and according.head.lemma_.lower() == "be" and according.head.dep_ == "ROOT":
        head = according.head
    elif according.dep_ == "ROOT" and any(c.lemma_.lower() == "be" for c in according.children):
        head = according
    else:
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    others = [c for c in head.children if subject is not None and c.i != subject.i and not c.is_punct and c.lemma_.lower() not in ("be", "to", "accord")
              and c.dep_ not in ("advmod", "cc")]  # fmt: skip
    if subject is None or subject.lower_ not in POINTING_BACK or others or any(c.dep_ == "neg" or c.lower_ == "not" for c in head.children):
        return None
    sentence = head.sent
    # "That" opens the sentence ("And that's ..." too, not "All that is ...").
    if any(not (t.is_space or t.lower_ in ("and", "but")) for t in head.doc[sentence.start : subject.i]):
        return None
    k = sentence.start - 1
    while k >= 0 and head.doc[k].is_space:
        k -= 1
    if k < 0 or head.doc[k + 1 : sentence.start].text.count("\n") > 2:
        return None
    before = head.doc[k].sent
    words = [t for t in before if not (t.is_space or t.is_punct)]
    # A question or a heading is not a claim a source backs.
    if len(words) < 4 or any(t.text == "?" for t in before):
        return None
    return before.start, k if head.doc[k].is_punct else k + 1


#: Opening and closing quotation marks.
OPENING_MARKS, CLOSING_MARKS = frozenset({'"', "\u201c", "``"}), frozenset({'"', "\u201d", "''"})
#: Verbs that introduce a quotation from the end of the sentence before it.
INTRODUCING_VERBS = lexicon_words("context_words", "introducing_verbs")
#: How many sentences a quotation introduced by the sentence before it may run over.
INTRODUCED_SENTENCES = 4


def _quotation_introduced(verb: Token) -> tuple[int, int] | None:
    """The quotation a content-less speech verb introduces from the end of its sentence
    ('..., Sam Lau said in a statement.' followed by '"There are no ... recount. ..."'):
    nothing but phrases, adverbs and punctuation follows the verb in its sentence, and the
    next sentence opens with a quotation mark; the content runs to the closing mark."""
    sent = verb.sent
    after = [t for t in sent if t.i > verb.i]
    # "He told his Democratic audience, to rowdy applause:": the object of "tell" is
    # whom it is told to, not what.
    reported = ("ccomp", "xcomp", "advcl", "conj") if verb.lemma_.lower() == "tell" else ("ccomp", "xcomp", "dobj", "advcl", "conj")
    if any(t.dep_ in reported for t in after) or any(t.text in OPENING_MARKS | CLOSING_MARKS for t in sent):
        return None  # '"We will win," Trump said.': the quotation is its own sentence's
    doc = verb.doc
    start = sent.end
    while start < len(doc) and doc[start].is_space:
        start += 1
    if start >= len(doc) or doc[start].text not in OPENING_MARKS:
        return None
    sentences = 0
    for k in range(start + 1, len(doc)):
        if doc[k].is_sent_start:
            sentences += 1
            if sentences > INTRODUCED_SENTENCES:
                return None
        if doc[k].text in CLOSING_MARKS or (doc[k].text == '"' and k > start + 1):
            # '"...," the mayor said.': a speaker after the closing mark, in its sentence, is the quotation's own.
            rest = [t for t in doc[k + 1 : doc[k].sent.end] if not (t.is_punct or t.is_space)]
            return (start + 1, k) if not rest else None
    return None


def _quotation_before(verb: Token, subject: Token) -> tuple[int, int] | None:
    """The quotation that closes right before a speech verb's subject ('"...," she
    said', '"Can I give it to James?" Brooke tearfully asked', adverbs between them) or
    right before the verb itself when the subject follows it ('"...," said Michael
    Baselice'), from its opening mark in the sentence the quotation closes in (or that
    sentence's start, when it opened in an earlier one) to the closing mark; None
    otherwise. A quotation ending in "?" or "!" is often cut off as a sentence of its own,
    so it may close in the sentence before the verb's."""
    doc = verb.doc
    left, right = subject.left_edge.i, subject.right_edge.i
    while left < right and doc[left].is_punct:
        left += 1  # the parse may hang the closing mark and the comma before it on the subject
    adverbs_only = right < verb.i and all(t.pos_ == "ADV" for t in doc[right + 1 : verb.i])
    if left > verb.i >= 2 and doc[verb.i - 1].text in CLOSING_MARKS and doc[verb.i - 2].is_punct:
        close = verb.i - 1  # '"...," said Michael Baselice, a pollster': the speaker after the verb
    elif not adverbs_only or left < 2 or doc[left - 1].text not in CLOSING_MARKS or not doc[left - 2].is_punct:
        return None
    else:
        close = left - 1
    if close < verb.sent.start and doc[close - 1].text not in ("?", "!") and not doc[verb.sent.start].is_lower:
        # A quotation that ended its sentence with a full stop is followed by a sentence of
        # its own ("Tory leader Michael Howard, asked about ..."), unless that opens in
        # lower case as a speaker's tag cut off from it ('... this." / "he added.').
        return None
    first = min(verb.sent.start, doc[close].sent.start)
    opening = next((t.i for t in doc[first:close] if t.text in OPENING_MARKS), None)
    start = opening + 1 if opening is not None else first
    while start < close and doc[start].is_space:
        start += 1
    return (start, close) if close - start >= 2 else None


def _speaker_after_quotation(doc: Doc, verb: Token, content: tuple[int, int]) -> tuple[int, int, int] | None:
    """The speaker named between a quotation's closing mark and a subjectless speech verb
    ('"...," Jeff Joseph, from the CEA, told the BBC'): (start, end) of the name phrase
    and where the quotation ends; None unless the phrase is a short capitalised noun
    phrase with no verb, right before the verb."""
    for k in range(verb.i - 1, content[0], -1):
        if doc[k].text not in CLOSING_MARKS:
            continue
        if not doc[k - 1].is_punct:
            return None  # a mark that does not close a quotation ('the "clear blue water" ...')
        start, end = k + 1, verb.i
        while start < end and (doc[start].is_punct or doc[start].is_space):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text != ")":
            end -= 1
        words = doc[start:end]
        if (1 <= len(words) <= 12 and words[0].text[:1].isupper() and any(t.pos_ in ("PROPN", "NOUN") for t in words)
                and not any(t.pos_ in ("VERB", "AUX") for t in words)):  # fmt: skip
            # A name opening the phrase is the speaker; what follows it describes them.
            name = next((e for e in doc.ents if e.start == start and e.end <= end and e.label_ in ("PERSON", "ORG")), None)
            return start, (name.end if name is not None else end), k
        return None
    return None


#: Prepositions that rest a clause on a plan or a publication: "under plans announced
#: by ...", "as part of proposals ...", "in a report published by ...".
FRAMING_PREPOSITIONS = frozenset({"under", "as", "in"})


@lru_cache(maxsize=1)
def _announcing_verbs() -> frozenset[str]:
    return frozenset(load_lexicon("announcing_verbs")["cue"])


def _announcing_participle(noun: Token) -> tuple[Token, Token, int] | None:
    """The participle and the agent that say whom a noun comes from ("plans unveiled by
    the council" -> unveiled, council), with the end of the cue ("set out"), or None."""
    verbs = _announcing_verbs()
    for verb in noun.children:
        if verb.dep_ != "acl" or verb.tag_ != "VBN":
            continue
        particle = next((c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1), None)
        lemma = verb.lemma_.lower()
        if not ((particle is not None and f"{lemma} {particle.lower_}" in verbs) or lemma in verbs):
            continue
        agent = _agent(verb)
        if agent is not None:
            return verb, agent, (particle.i if particle is not None else verb.i) + 1
    return None


def _framing_noun(prep: Token) -> Token | None:
    """The noun a framing preposition rests the clause on: "under *plans*", "as part of
    *proposals*", "in a *report*"."""
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is not None and prep.lower_ == "as":
        if noun.lower_ != "part":
            return None
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return noun if noun is not None and noun.pos_ == "NOUN" else None


def _announced_by(doc: Doc, tokens: Doc | Span, taken: set[int]) -> list[Attribution]:
    """ "Fees will double under plans unveiled by the council": the clause rests on what
    the "by" agent announced or published; the agent is the source."""
    found = []
    for prep in tokens:
        if prep.dep_ != "prep" or prep.lower_ not in FRAMING_PREPOSITIONS or prep.head.pos_ not in VERB_POS:
            continue
        noun = _framing_noun(prep)
        announced = _announcing_participle(noun) if noun is not None else None
        if announced is None or announced[0].i in taken:
            continue
        verb, agent, cue_end = announced
        clause = prep.head
        # Up to the clause the phrase frames: "is to rise", "will be able to become", and
        # "... to elect their own commissioner, under plans ..." parsed under "elect".
        while clause.dep_ in ("xcomp", "acomp", "advcl") and clause.head is not clause:
            clause = clause.head
        phrase = range(prep.left_edge.i, prep.right_edge.i + 1)
        content = _span_of([t for t in clause.subtree if t.i not in phrase and not t.is_punct])
        if content is None:
            continue
        source = _trimmed_subtree(agent)
        found.append(Attribution((verb.i, cue_end), verb.i, doc[verb.i:cue_end].text.lower(), "neutral", "speech",
                                 source, content, "announced_by"))  # fmt: skip
    return found


#: Words that may stand between a report noun and its "that" ("Reports, therefore, that").
_NOMINAL_GAP = 4


def _nominal_reports(doc: Doc, tokens: Doc | Span, taken: set[int]) -> list[Attribution]:
    """ "Reports that X ...", "the latest reports that ...": a media or document noun whose
    "that" clause is what it reports. The noun phrase is the source (a media source:
    nobody named); the stance is the matching reporting verb's, else neutral."""
    nouns = source_noun_categories()
    stances = {row["cue"]: row for row in _rows()}
    found = []
    for noun in tokens:
        if noun.pos_ != "NOUN" or nouns.get(noun.lemma_.lower()) not in ("media", "document") or noun.i in taken:
            continue
        k = noun.i + 1
        while k < len(doc) and k - noun.i <= _NOMINAL_GAP and (doc[k].is_punct or doc[k].pos_ == "ADV"):
            k += 1
        if k >= len(doc) or doc[k].lower_ != "that" or doc[k].dep_ != "mark" or doc[k].head.i <= k:
            continue
        # Even when the parser puts the noun inside its own clause ("Reports, therefore,
        # that X has deployed" read as "Reports ... deployed"), the content is what
        # follows "that".
        content = (k + 1, doc[k].head.right_edge.i + 1)
        start, _ = _trimmed_subtree(noun)
        row = stances.get(noun.lemma_.lower(), {"stance": "neutral", "category": "speech"})
        found.append(
            Attribution((noun.i, noun.i + 1), noun.i, noun.lemma_.lower(), row["stance"], row["category"], (start, noun.i + 1), content, "nominal")
        )
    return found


#: Nouns that confirm what their "that" clause says, with who confirms in "from X" or
#: "X's": "Confirmation from the ministry that ...", "the company's admission that ...".
CONFIRMATION_NOUNS = frozenset({"confirmation", "acknowledgement", "acknowledgment", "admission"})


def _that_clause_after(doc: Doc, after: int) -> tuple[int, int] | None:
    """The "that" clause right after token ``after`` (commas and adverbs may stand
    between), as the content span, or None."""
    k = after + 1
    while k < len(doc) and k - after <= _NOMINAL_GAP and (doc[k].is_punct or doc[k].pos_ == "ADV"):
        k += 1
    if k >= len(doc) or doc[k].lower_ != "that" or doc[k].dep_ != "mark" or doc[k].head.i <= k:
        return None
    return k + 1, doc[k].head.right_edge.i + 1


def _nominal_confirmations(doc: Doc, tokens: Doc | Span, taken: set[int]) -> list[Attribution]:
    """ "Confirmation from the ministry that ...": the confirming body is the source (the
    object of "from", or the possessive), the "that" clause the content."""
    found = []
    for noun in tokens:
        if noun.pos_ not in ("NOUN", "PROPN") or noun.lower_ not in CONFIRMATION_NOUNS or noun.i in taken:
            continue
        source = next((c for c in noun.children if c.dep_ == "poss"), None)
        if source is None:
            source = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by") for g in c.children if g.dep_ == "pobj"), None)
        content = _that_clause_after(doc, max(noun.i, source.right_edge.i)) if source is not None else None
        if content is None:
            continue
        found.append(Attribution((noun.i, noun.i + 1), noun.i, noun.lemma_.lower(), "confirming", "confirmation",
                                 _trimmed_subtree(source), content, "nominal"))  # fmt: skip
    return found


#: Words a closing "..., a new book claims." may hold between its comma and its verb:
#: a noun phrase, nothing that makes a clause or a list ("rebuttals and counter claims").
_TAG_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "ADP", "NUM", "PART"})
#: The most words such a speaker's phrase runs to.
_TAG_PHRASE_WORDS = 8


def tag_read_as_noun(doc: Doc, word: Token, row: dict) -> Attribution | None:
    """ "Tony Blair promised ..., a new book about the chancellor claims.", "It could
    sound the death knell for some TV channels, Telewest predicts.": a speaker and a
    verb of speaking in the present (-s) that close the sentence after a comma, where the
    tagger read the verb as a plural noun. The words before the comma are what is said;
    nothing is found unless they hold a verb and the words between the comma and the verb
    are one noun phrase."""
    sent = word.sent
    rest = [t for t in doc[word.i + 1 : sent.end] if not t.is_space]
    if not word.lower_.endswith("s") or word.tag_ not in ("NNS", "NNPS", "VBZ") or any(not t.is_punct or t.text in ",;:" for t in rest):
        return None
    comma = next((k for k in range(word.i - 1, max(sent.start, word.i - _TAG_PHRASE_WORDS - 2), -1) if doc[k].text == ","), None)
    if comma is None or word.i - comma < 2:
        return None
    phrase = doc[comma + 1 : word.i]
    # A name may be tagged as an adjective here ("Telewest predicts").
    named = any(t.pos_ in ("NOUN", "PROPN") or (t.is_title and t.i > sent.start) for t in phrase)
    if any(t.pos_ not in _TAG_PHRASE_POS for t in phrase) or not named or phrase[0].pos_ == "ADP":
        return None
    start = sent.start
    while start < comma and (doc[start].is_space or doc[start].text in OPENING_MARKS):
        start += 1
    said = doc[start:comma]
    if len(said) < 3 or not any(t.pos_ in VERB_POS for t in said):
        return None
    return Attribution((word.i, word.i + 1), word.i, row["cue"], row["stance"], row["category"], (comma + 1, word.i), (start, comma), "parenthetical")


def cue_head(doc: Doc, i: int, j: int) -> Token:
    """The cue phrase's own head, the first of ``doc[i:j]`` whose head lies outside it:
    "say" in "would not say", "declined" in "declined to say"."""
    return next((t for t in doc[i:j] if not i <= t.head.i < j or t.head.i == t.i), doc[i])


@dataclass
class VerbLink:
    """What the rules of :data:`VERB_RULES` have found so far for one reporting verb: its
    subject (who says it), its content, the pattern that linked them, and the stance."""

    doc: Doc
    verb: Token
    row: dict
    cue: tuple[int, int]
    subject: Token | None = None
    content: tuple[int, int] | None = None
    pattern: str = "subject_verb"
    speaker_span: tuple[int, int, int] | None = None
    stance: str = ""
    category: str = ""


def subject_and_content(link: VerbLink) -> bool | None:
    """ "X said (that) ...": the verb's subject, and its clause, object or "of" phrase
    (only a clause for verbs whose lexicon row says so)."""
    link.subject = _subject(link.verb)
    link.content = complement_content(link.verb, link.cue[1], link.row["complement"])
    return None


def complement_content(verb: Token, cue_end: int, complement: str) -> tuple[int, int] | None:
    """What a reporting verb reports, as its lexicon row's ``complement`` allows: a
    clause only ("clause"), a finite clause only ("finite_clause", "absolute"), the
    object and its "of" phrase ("object_of", :func:`accusation`), the object and the
    quoted words it is called ("quoted_label", :func:`quoted_label`), or a clause, object or
    "of" phrase ("any")."""
    if complement == "object_of":
        return accusation(verb, cue_end)
    if complement == "quoted_label":
        # Else as the cue learned from PolNeAR: a finite clause ("called, "Auntie, I'm so disturbed"").
        return quoted_label(verb, cue_end) or _content(verb, cue_end, clause_only=True, finite_only=True)
    return _content(verb, cue_end, clause_only=complement in ("clause", "speaker_clause", "finite_clause", "absolute"),
                    finite_only=complement in ("finite_clause", "absolute"))


#: What a verb used absolutely does not have: "continued to grow", "continued his
#: attacks", "continue along this path" are not speech.
GOING_ON_DEPS = frozenset({"xcomp", "dobj", "prep", "attr", "acomp", "oprd", "dative"})


def goes_on(verb: Token, complement: str) -> bool:
    """A verb whose lexicon row says ``complement=absolute`` ("continue") used with an
    object, an infinitive or a phrase: it tells what goes on, not what is said."""
    return complement == "absolute" and any(c.dep_ in GOING_ON_DEPS for c in verb.children)


#: Verbs of speech with a sense that takes an amount: "added 0.5%", "claimed 150,000
#: lives", "claim a 5-0 win". Not "announced £100m of investment" or "pledged £105m",
#: which are said.
FIGURE_VERBS = frozenset({"add", "claim"})


def figure_moved(link: VerbLink) -> bool | None:
    """ "The British pound had added 0.5% to break through the $1.90 level": "add" or
    "claim" whose own complement is an amount (a percentage, a sum, points, a score) and
    which has no clause or quotation tells a price that moved or a toll, not a speaker."""
    verb = link.verb
    if verb.lemma_.lower() not in FIGURE_VERBS or any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return None
    # Not a share of people ("found 60% of women hold degrees": a finding the parse cut short).
    amount = next((c for c in verb.children if c.dep_ in ("dobj", "npadvmod") and c.i > verb.i
                   and (c.text in ("%", "percent", "pence", "cents", "points") or c.ent_type_ in ("PERCENT", "MONEY")
                        or any(g.dep_ == "nummod" for g in c.children))
                   and not any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)), None)  # fmt: skip
    if amount is None or any(t.text in OPENING_MARKS | CLOSING_MARKS for t in verb.sent):
        return None  # '"We added 5%," he said': a quotation says someone speaks
    return False


#: Where a Doc keeps its people's surnames once read (:func:`surname_read_as_adverb`).
SURNAMES_KEY = "person_surnames"


def surname_read_as_adverb(link: VerbLink) -> bool | None:
    """ '"Streaming is somewhat binary," says Early.', "Early says there is a possibility
    ...": a surname that is also a word ("Early", "Young", "Little") right beside a verb of
    speaking with no subject, read by the parse as an adverb, is its speaker when the
    article names one person in full with it ("Chris Early")."""
    verb, doc = link.verb, link.doc
    if link.subject is not None:
        return None
    beside = [c for c in verb.children if c.dep_ == "advmod" and c.is_title and c.is_alpha
              and (c.i == verb.i + 1 or c.i < verb.i and all(t.pos_ == "ADV" for t in doc[c.i + 1 : verb.i]))]  # "Early still says"
    if beside:
        from analysis.rules.entities import person_full_names

        if SURNAMES_KEY not in doc.user_data:
            doc.user_data[SURNAMES_KEY] = person_full_names(doc)
        surnames = doc.user_data[SURNAMES_KEY]
        found = next((c for c in beside if len({n for n in surnames.get(c.text, set()) if " " in n}) == 1), None)
        if found is not None:
            link.subject = found
    return None


def used_absolutely(link: VerbLink) -> bool | None:
    """A verb whose lexicon row says ``complement=absolute`` ("continue") reports only used
    on its own, next to a quotation ('"...," she continued', 'He continued: "..."')."""
    return False if goes_on(link.verb, link.row["complement"]) else None


def accusation(verb: Token, cue_end: int) -> tuple[int, int] | None:
    """The object and the "of" phrase after an accusing verb ("Democrats accused [Trump
    of suggesting violence]", PolNeAR's content), or None without both: in "X (was)
    accused of fraud" X is the accused, not the accuser."""
    children = [c for c in verb.children if c.i >= cue_end]
    accused = next((c for c in children if c.dep_ == "dobj"), None)
    if accused is None:
        return None
    # The parse may hang the "of" phrase inside the object ("accused [the firms of
    # conspiring]", "accused its predecessor, led by ex-President Kuchma, of corruption").
    # "charged nine suppliers with helping ...": a charge takes "with", an accusation "of".
    preposition = "with" if verb.lemma_.lower() == "charge" else "of"
    charge = next((c for c in [*children, *accused.subtree] if c.dep_ == "prep" and c.lower_ == preposition), None)
    return _span_of([*accused.subtree, *charge.subtree]) if charge is not None else None


#: What "call it a ..." means as an idiom, not a judgement ("call it a day", "called it quits").
CALL_IDIOMS = frozenset({"day", "night", "quits", "draw", "even", "home"})


def _judging_label(label: Token) -> bool:
    """What someone calls a thing without quotation marks judges it when it is a quality
    ("called the proposals unworkable") or a kind with "a" ("called the impeachment process
    a sham", "called him a liar"); not a name ("called his son John") or an idiom
    ("called it a day")."""
    if label.lemma_.lower() in CALL_IDIOMS or label.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in label.children):
        return False
    return label.pos_ == "ADJ" or (label.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in label.children))


def quoted_label(verb: Token, cue_end: int) -> tuple[int, int] | None:
    """The object and what the verb calls it, when the words it is called are quoted:
    "Jeb Bush called [Trump "unhinged."]", "Comey called [Clinton's use of private email
    servers "extremely careless,"]" (PolNeAR's content), a judgement in the source's own
    words; without quotation marks, when what it is called judges it
    (:func:`_judging_label`: "called the impeachment process a sham"). Not a name ("a man
    called "Bob"", "called the project "Apollo"", "called his son John")."""
    doc = verb.doc
    label = next((c for c in verb.children if c.dep_ == "oprd" and c.i >= cue_end), None)
    # "a man called "Bob"": a participle on a noun names; ", calling it a joke" judges.
    if label is None or (verb.dep_ in ("acl", "amod") and not any(c.dep_ == "nsubj" for c in verb.children)):
        return None
    called = next((c for c in verb.children if c.dep_ == "dobj" and c.i >= cue_end), None)
    tokens = [*(called.subtree if called is not None else []), *label.subtree]
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    # The closing mark may stand after the sentence's full stop ('"a flagship VR game."').
    marks = [t for t in doc[cue_end : min(len(doc), verb.sent.end + 1)] if t.text in OPENING_MARKS | CLOSING_MARKS]
    # The quotation opens inside the object and its label, or right after them (the parse
    # may hang the quoted words elsewhere: "called 'Half Life: Alyx' "a flagship VR game."").
    # Between the label and the opening mark there may be only the rest of a name ("'Half Life: Alyx'").
    opens_next = len(marks) >= 2 and start <= marks[0].i and all(t.is_punct or t.is_space or t.pos_ == "PROPN" for t in doc[end : marks[0].i])
    if not opens_next:
        return (start, end) if called is not None and _judging_label(label) else None
    words = [t for t in doc[marks[0].i + 1 : marks[1].i] if t.is_alpha]
    # A name is capitalised word by word, small words apart ("Office in a Pocket").
    if not words or all(t.text[:1].isupper() or t.is_stop for t in words) and words[0].text[:1].isupper():
        return None
    return start, max(end, marks[1].i + 1)


def document_finding(link: VerbLink) -> bool | None:
    """ "The survey finds Clinton with only a small lead", "the audit found no evidence":
    a verb that reports only with a finite clause ("investigators found that ...") also
    reports its object, and what follows it, when a document or an outlet is its subject:
    a document's finding, not the writer's."""
    if link.content is not None or link.row["complement"] != "finite_clause" or link.subject is None:
        return None
    if _source_noun_category(link.subject) not in ("document", "media"):
        return None
    after = [c for c in link.verb.children if c.i >= link.cue[1] and c.dep_ not in ("punct", "cc", "conj")]
    if any(c.dep_ == "dobj" for c in after):
        link.content = _span_of([t for c in after for t in c.subtree])
    return None


#: Verbs with which an outlet or person passes on someone's words: "quoted X as saying".
QUOTING_VERBS = frozenset({"quote", "cite"})


def _quoted_as(verb: Token) -> tuple[Token, Token] | None:
    """For the speech verb of "Reuters quoted the minister as saying ..." (or "the minister
    was quoted ... as saying"): the quoting verb and the one quoted (its object, or its
    passive subject); None for any other verb."""
    prep = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() not in QUOTING_VERBS:
        return None
    # Active "quoted the minister as saying", passive "the minister was quoted by the paper as saying".
    quoted = next((c for c in prep.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return (prep.head, quoted) if quoted is not None else None


def passes_words_on(verb: Token) -> bool:
    """Whether ``verb`` is the "quoted" of "Reuters quoted the minister as saying ...": it
    only passes the words on, and the speech verb after "as" carries who said them."""
    return verb.lemma_.lower() in QUOTING_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children) for c in verb.children
    )


def passed_on(link: VerbLink) -> bool | None:
    """ "Reuters quoted the minister as saying ...": no attribution of the quoting verb's
    own (see :func:`quoted_as_saying`)."""
    return False if passes_words_on(link.verb) else None


def quoted_as_saying(link: VerbLink) -> bool | None:
    """ "Reuters quoted the minister as saying the talks would resume" and '"...," the
    Interfax news agency quoted Mr Khodorkovsky as saying': the one quoted is who says
    it; the content is the speech verb's clause, else the quotation that closes right
    before the quoting outlet."""
    found = _quoted_as(link.verb)
    if found is None:
        return None
    quoting, quoted = found
    link.subject, link.pattern = quoted, "quoted_as"
    if link.content is None:
        outlet = next((c for c in quoting.children if c.dep_ == "nsubj"), None)
        link.content = _quotation_before(quoting, outlet) if outlet is not None else None
    return None


def story_publisher(link: VerbLink) -> bool | None:
    """ "a journalist published a story claiming that ...": the story's publisher speaks
    through it; with no publisher, the story itself is the source."""
    verb = link.verb
    if link.subject is None and verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        story = verb.head
        subject = _subject(story.head) if story.dep_ == "dobj" else None
        link.subject = subject or story
    return None


def speaker_after_quotation(link: VerbLink) -> bool | None:
    """ '"The story ... with them," Jeff Joseph, from the CEA, told the BBC.': parsed with
    the speaker inside the quoted clause, the verb has no subject; the name between the
    closing mark and the verb is the speaker."""
    if link.subject is None and link.content is not None:
        link.speaker_span = _speaker_after_quotation(link.doc, link.verb, link.content)
        if link.speaker_span is not None:
            first, last, end = link.speaker_span
            link.content = (link.content[0], end)
            link.subject = next(t for t in link.doc[first:last] if not first <= t.head.i < last)
    return None


def name_before_verb(link: VerbLink) -> bool | None:
    """ "The 28-year-old has been training in Holland and Ferguson said: ...": the parse
    joins the name to the noun before "and" and leaves the second verb without a subject
    of its own, so it would take the first clause's; a name right before such a verb is
    who speaks."""
    verb, doc = link.verb, link.doc
    if verb.dep_ != "conj" or verb.i == 0 or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    name = doc[verb.i - 1]
    if (name.pos_ == "PROPN" and name.dep_ in ("conj", "pobj", "dobj", "appos") and name.head.i != verb.i
            and name.ent_type_ in ("PERSON", "ORG") and doc[name.i - 1].lower_ in ("and", "but", "while")
            or name.pos_ == "PROPN" and name.dep_ == "conj" and name.ent_type_ in ("PERSON", "ORG") and name.head.dep_ in ("pobj", "dobj")):  # fmt: skip
        link.subject = name
    return None


def speaker_read_as_object(link: VerbLink) -> bool | None:
    """ '"... the Indian telecommunication industry," added Ernst and Young's Sanjay
    Mehta.': after a quotation the speaker follows the verb, and the parse may read a
    long name as the verb's object; a capitalised object right after the verb that ends
    the sentence is who speaks (the person named in it, if any, is the subject)."""
    verb, doc = link.verb, link.doc
    if link.subject is not None or link.content is None or link.content[1] > verb.i or verb.i < 2:
        return None
    if doc[verb.i - 1].text not in CLOSING_MARKS:
        return None
    name = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1), None)
    if name is None or not doc[verb.i + 1].text[:1].isupper() or doc[verb.i + 1].pos_ != "PROPN":
        return None
    if any(not (t.is_punct or t.is_space) for t in doc[name.right_edge.i + 1 : verb.sent.end]):
        return None
    if verb.lemma_.lower() == "tell" or any(t.pos_ in VERB_POS for t in name.subtree):
        return None  # '"...," told Reuters': whom it was told to
    # The person the phrase names, if any ("Sanjay Mehta" of "Ernst and Young's Sanjay
    # Mehta", whose firm the model may take for a title).
    person = next((e for e in doc.ents if e.label_ == "PERSON" and name.left_edge.i <= e.start and e.end == name.right_edge.i + 1), None)
    first = person.start if person is not None else name.left_edge.i
    link.subject = person.root if person is not None else name
    link.speaker_span = (first, name.right_edge.i + 1, verb.i)
    return None


def clause_as_subject(link: VerbLink) -> bool | None:
    """ 'The "myth that ageing is a barrier" needs to be "exploded", the work and pensions
    minister has said.': parsed with two subjects, the clause and the speaker; the one
    after the comma, right before the verb, is who speaks, and the clause before the
    comma is what they say."""
    verb, doc = link.verb, link.doc
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    if link.content is not None or len(subjects) < 2:
        return None
    speaker, clause = subjects[-1], subjects[0]
    comma = speaker.left_edge.i - 1
    between = [t for t in doc[speaker.right_edge.i + 1 : verb.i] if t.dep_ not in ("aux", "neg", "advmod")]
    if comma <= clause.i or doc[comma].text != "," or between:
        return None
    link.subject, link.content, link.pattern = speaker, (clause.left_edge.i, comma), "parenthetical"
    return None


def speaker_without_comma(link: VerbLink) -> bool | None:
    """ "The documents are relevant to the probe officials said.": with the comma missing,
    the parse reads the speaker as the last noun of the clause and leaves the verb with no
    subject. A verb that ends its sentence, right after a plural noun of the source
    nouns ("officials", "sources", "analysts") closing its content, has that noun as
    its speaker; the content stops before it."""
    verb, content = link.verb, link.content
    if link.subject is not None or content is None or verb.i == 0 or content[1] != verb.i:
        return None
    noun = link.doc[verb.i - 1]
    ends_sentence = all(t.is_punct for t in link.doc[verb.i + 1 : verb.sent.end])
    if ends_sentence and noun.tag_ == "NNS" and noun.dep_ in ("pobj", "dobj") and _source_noun_category(noun) == "person_role":
        link.speaker_span = (noun.i, noun.i + 1, noun.i)
        link.content = (content[0], noun.i)
        link.subject = noun
    return None


def media_subject_only(link: VerbLink) -> bool | None:
    """ "show", "reveal": reporting only with a media or document subject ("videos ...
    appear to show")."""
    if link.row["complement"] == "media_subject" and (link.subject is None or _source_noun_category(link.subject) not in ("media", "document")):
        return False
    return None


def can_speak(subject: Token) -> bool:
    """Whether a verb's subject can say or promise something: a pronoun other than
    "what", a name, or a noun for people, bodies, outlets or documents (the source nouns,
    the described people, the anonymous plurals, or an agent-noun ending: "workers",
    "extortionists", "militants", ``lexicons/context_words.csv``)."""
    if subject.pos_ == "PRON":
        return subject.lower_ not in ("what", "whatever")
    if subject.pos_ == "PROPN" or subject.ent_type_:
        return True
    return _source_noun_category(subject) is not None or person_noun(subject)


def person_noun(token: Token) -> bool:
    """Whether a common noun names people: a described person or an anonymous plural's
    singular (``lexicons/described_people.csv``, ``anonymous_plurals.csv``), or an
    agent-noun ending ("workers", "militants", "businessman"; ``lexicons/context_words.csv``);
    not "project", "industry", "review"."""
    lemma = token.lemma_.lower()
    if lemma in _people_nouns():
        return True
    return (lemma.endswith(tuple(lexicon_words("context_words", "person_noun_ending")))
            and not lemma.endswith(tuple(lexicon_words("context_words", "not_person_noun_ending"))))  # fmt: skip


def phrase_names_people(phrase: str) -> bool:
    """Whether a source phrase has a noun for people in it ("experts", "a senior
    official", "sources close to him", "the attorney general"; the source nouns for
    roles, the described people, the anonymous plurals, titles), not only things ("a
    rule", "the current system")."""
    nouns, people = source_noun_categories(), _people_nouns()
    words = re.findall(r"[a-z]+", str(phrase).lower())
    if words and words[-1] in title_last_words():
        return True  # a post ends the phrase: "the attorney general" (not "Lord Goldsmith's admission")
    return any(nouns.get(w) == "person_role" or nouns.get(w.rstrip("s")) == "person_role" or w in people or w.rstrip("s") in people
               for w in words)  # fmt: skip


@lru_cache(maxsize=1)
def title_last_words() -> frozenset[str]:
    """The last word of each title, lower case ("general" of "Attorney General",
    "minister" of "Prime Minister"; ``lexicons/titles.csv``): a post is a person."""
    return frozenset(str(t).split()[-1].lower() for t in load_lexicon("titles")["title"] if str(t).strip())


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    """Nouns for people besides the source nouns: the described people and the anonymous plurals' singulars."""
    return frozenset(load_lexicon("described_people")["word"].str.lower()) | frozenset(load_lexicon("anonymous_plurals")["cue"].str.lower())


#: Lexicon complements that need a subject that can speak: "speaker_clause" (a clause
#: only: "threaten", "promise"), "speaker_any" (a clause or an object: "echo", "hail").
SPEAKER_COMPLEMENTS = frozenset({"speaker_clause", "speaker_any"})


def thing_as_subject(link: VerbLink) -> bool | None:
    """ "The ban threatens to reignite tensions", "a final salary scheme promises to pay
    ...", "the confrontation echoes a controversy": a verb whose lexicon row says
    ``speaker_clause`` or ``speaker_any`` reports only when its subject :func:`can_speak`;
    of a thing it tells what is likely or alike, the writer's word."""
    # "Ticket sales are predicted to break records", "countries predicted to ...": what
    # is said, not who says it (the passive and impersonal rules decide).
    passive = link.subject is not None and (link.subject.dep_ == "nsubjpass" or (link.verb.tag_ == "VBN" and link.verb.dep_ == "acl"))
    if link.row["complement"] in SPEAKER_COMPLEMENTS and link.subject is not None and not passive and not can_speak(link.subject):
        return False
    return None


def passive_or_impersonal(link: VerbLink) -> bool | None:
    """ "X is alleged to ...", "it is believed that ...", "there are claims": the subject is
    what is said, not who says it; the source is the "by" agent, if any. An active "it
    said" or "it warned" is a body speaking (the sourcing step resolves "it")."""
    verb, subject = link.verb, link.subject
    expletive_it = subject is not None and subject.lower_ == "it" and (subject.dep_ != "nsubj" or verb.lemma_ in ("be", "seem", "appear"))
    # A passive subject is what is said only when it is this verb's own ("X is alleged to
    # ..."); "X was quoted in the Herald saying ...": X says it.
    own_passive = subject is not None and subject.dep_ == "nsubjpass" and (
        subject.head.i == verb.i or (verb.dep_ == "conj" and verb.tag_ == "VBN")  # "was announced and confirmed"
    )
    if subject is not None and (own_passive or subject.lower_ == "there" or expletive_it):
        if own_passive and link.content is not None:
            link.content = (min(subject.left_edge.i, link.content[0]), max(link.content[1], subject.right_edge.i + 1))
        elif own_passive and link.row["stance"] in ("denying", "confirming") and _agent(verb) is not None:
            # "But the claim was denied by a UKIP spokesman": what is denied or confirmed is
            # the subject ("was told by" keeps a listener there, so only these stances; and
            # "an offer has been rejected", with nobody named, is an event, not a claim).
            link.content = (subject.left_edge.i, subject.right_edge.i + 1)
        link.subject = _agent(verb)
        link.pattern = "passive_agent" if link.subject is not None else "impersonal"
    elif subject is None:
        link.subject = _agent(verb)
        link.pattern = "passive_agent" if link.subject is not None else link.pattern
    return None


def participle(link: VerbLink) -> bool | None:
    """ "..., explaining that ...", "with X warning that ...": a participle takes its own
    subject, else the subject of the clause it hangs from."""
    if link.verb.tag_ == "VBG" and link.verb.dep_ in ("advcl", "pcomp", "xcomp", "acl"):
        link.pattern = "participle"
        # Only a participle hanging on a verb ("..., remarking that"): not "a couple
        # purporting to ..." (the couple's), not "without making clear" (the clause's).
        speaker = _reporting_ancestor(link.verb) if link.verb.dep_ == "advcl" else None
        speaker = speaker if speaker is not None else _after_relative_clause(link.verb)
        if speaker is not None and not any(c.dep_ in SUBJECT_DEPS for c in link.verb.children):
            link.subject = speaker
    return None


def _after_relative_clause(verb: Token) -> Token | None:
    """ "Unions criticised the possible move - which may affect cabin staff - saying Qantas
    was profitable": a participle after the comma or dash that closes a relative clause
    on the object is parsed inside that clause, but its subject is the main clause's (a
    move says nothing). None for any other participle."""
    clause = verb.head
    if verb.dep_ != "advcl" or clause.dep_ != "relcl" or verb.i == 0 or not verb.doc[verb.i - 1].is_punct:
        return None
    noun = clause.head
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
    return _subject(governor) if governor is not None and governor.pos_ in VERB_POS else None


def _reporting_ancestor(verb: Token) -> Token | None:
    """The subject of the nearest reporting verb above a participle whose own clause is
    some other verb's: "Hannity said ... after the senator won his primary, remarking
    that ..." (the parse hangs "remarking" on "won"), "Cardin stressed that 'the way ...
    is ...', suggesting that ...": the one who remarks and suggests is the one who said
    and stressed. None when the verb the participle hangs on reports itself, or no
    reporting verb is above it."""
    cues = reporting_cues()
    head = verb.head
    if head.i == verb.i or head.lemma_.lower() in cues:
        return None
    current = head
    for _ in range(4):
        # Up through what a verb says or does ("said [his plans were not racist]"), not
        # across a coordinated clause with a subject of its own ("It was denied, but the
        # Tories remain suspicious, claiming ...": the Tories claim).
        if current.head.i == current.i or current.dep_ not in ("ccomp", "xcomp", "advcl"):
            return None
        current = current.head
        if current.pos_ in VERB_POS and current.lemma_.lower() in cues:
            # Not out of a quotation: in '"We spoke to the clubs, explaining ...," he
            # added' the ones explaining are "we", not the one who adds it.
            if _across_quotation(current, verb):
                return None
            return _subject(current)
    return None


#: Double quotation marks, straight and curly (the one-character marks of
#: :data:`OPENING_MARKS` and :data:`CLOSING_MARKS`): an odd number of them between two
#: words puts one inside a quotation and the other outside.
DOUBLE_QUOTE_MARKS = tuple(sorted(mark for mark in OPENING_MARKS | CLOSING_MARKS if len(mark) == 1))


def colon(link: VerbLink) -> bool | None:
    """ 'As the minister admits: "We got this wrong."': the verb hangs from the clause after
    the colon, which is what it reports."""
    if link.content is None and link.subject is not None:
        after = _colon_after(link.verb)
        if after is not None and link.verb.head.i > after:
            link.content, link.pattern = (after + 1, link.verb.head.right_edge.i + 1), "colon"
    return None


def parenthetical(link: VerbLink) -> bool | None:
    """ '"The plan," the minister said, "will work."': the verb interrupts the clause it
    reports; the content is that clause."""
    verb, subject, doc = link.verb, link.subject, link.doc
    # "Mrs. Clinton has no plans, advisers say, to take cues from ...": set off by commas,
    # the verb interrupts its clause even where the parse hangs the clause's end on it.
    set_off = (subject is not None and subject.left_edge.i > 0 and doc[subject.left_edge.i - 1].text == ","
               and verb.i + 1 < len(doc) and doc[verb.i + 1].text == "," and link.content is not None
               and link.content[0] > verb.i)  # fmt: skip
    if (link.content is None or set_off) and verb.dep_ == "parataxis" and subject is not None:
        head = link.verb.head
        link.content, link.pattern = (head.left_edge.i, head.right_edge.i + 1), "parenthetical"
    return None


def trailing_parenthetical(link: VerbLink) -> bool | None:
    """ "National Insurance will be raised if Labour wins, Tory leader Michael Howard has
    claimed." and '"Twitter works ...," James B. Comey Jr. said': parsed upside down, the
    trailing verb hangs from the clause it reports (as its complement, or coordinated
    after a quotation); the content is that clause."""
    verb, subject, doc = link.verb, link.subject, link.doc
    before_subject = doc[subject.left_edge.i - 1].text if subject is not None and subject.left_edge.i > 0 else ""
    if (link.content is None and subject is not None and verb.head.i < subject.i < verb.i
            and ((verb.dep_ in ("ccomp", "relcl") and before_subject == ",") or (verb.dep_ == "conj" and before_subject in ('"', "'")))):
        clause = verb.sent.root if verb.dep_ == "relcl" else verb.head  # "..., the Evening Gazette reported" read as a relative clause
        link.content, link.pattern = (clause.left_edge.i, subject.left_edge.i - 1), "parenthetical"
    return None


#: Whom a speaker closing a sentence tells it to ("..., a spokesman told us.").
TOLD_PEOPLE = lexicon_words("context_words", "told_people")


def trailing_tag(link: VerbLink) -> bool | None:
    """ "The official way ... is by pounds, not by value, an agency spokesman told us.":
    a speaker and a verb of speaking that close the sentence after a comma, with nothing
    after the verb but whom it was told to, report the words before the comma, however
    the parse hung them."""
    verb, subject, doc = link.verb, link.subject, link.doc
    if subject is None or verb.dep_ != "ROOT" or verb.lemma_.lower() not in INTRODUCING_VERBS or not subject.i < verb.i:
        return None
    left = subject.left_edge.i
    sent = verb.sent
    after = [t for t in doc[verb.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    # Whom it was told to: a person's pronoun, reporters, or a name ("told the BBC"); not
    # "told us a whole lot more", "wrote an open letter", "post it on Facebook".
    recipients = all(o.lower_ in TOLD_PEOPLE or o.pos_ == "PROPN" for o in objects) and len(objects) <= 1
    told = {t.i for c in verb.children if c.dep_ in ("dobj", "dative", "prep") for t in c.subtree}
    if (left - 1 <= sent.start or doc[left - 1].text != "," or any(t.i not in told for t in after) or not recipients
            or negation_of(verb) is not None):  # fmt: skip
        return None
    if link.content is not None and link.content[0] < verb.i:
        return None  # the parse found what is said before the verb
    start = sent.start
    while start < left - 1 and (doc[start].is_space or doc[start].text in OPENING_MARKS):
        start += 1
    if left - 1 - start >= 3 and any(t.pos_ in VERB_POS for t in doc[start : left - 1]):  # a clause, not "In the end"
        link.content, link.pattern = (start, left - 1), "parenthetical"
    return None


def _may_introduce(link: VerbLink) -> bool:
    return (link.content is None and link.subject is not None and link.verb.lemma_.lower() in INTRODUCING_VERBS
            and link.subject.lower_ not in ("i", "we", "you") and negation_of(link.verb) is None)  # fmt: skip


def introduced(link: VerbLink) -> bool | None:
    """ 'Sam Lau ... said in a statement.' then '"There are no paper ballots ..."': the verb
    introduces the quotation that opens the next sentence."""
    if _may_introduce(link):
        found = _quotation_introduced(link.verb)
        if found is not None:
            link.content, link.pattern = found, "introduced"
    return None


#: Kinds of reporting verb that may tell who spoke a quotation closing right before their
#: subject: speaking ("asked", "noted", "announced"), confirming and denying.
SPEAKING_CATEGORIES = frozenset({"speech", "confirmation", "denial"})


def quotation_before(link: VerbLink) -> bool | None:
    """ '"I will be heading to Australia ..., I know that," she said.': parsed with the verb
    deep inside the quotation, it has no complement; the quotation that closes right
    before its subject is what it reports. So with any verb of speaking ('"We got her!"
    officers announced on their radios': a phrase after the verb is no content) and a
    quotation that closes a sentence of its own ('"... right?" Sanborn said.')."""
    verb, content = link.verb, link.content
    after_verb = content is not None and content[0] > verb.i and link.doc[content[0]].pos_ == "ADP"
    # "Hodges described his years at Stradey as ...": a verb with an object of its own
    # reports that; the object of "told" is whom it is told to ("he told BBC Sport").
    has_object = verb.lemma_.lower() not in INTRODUCING_VERBS and any(c.dep_ == "dobj" for c in verb.children)
    if ((content is None or after_verb) and not has_object and link.subject is not None and link.row["category"] in SPEAKING_CATEGORIES
            and link.subject.lower_ not in ("i", "we", "you") and negation_of(verb) is None):  # fmt: skip
        found = _quotation_before(verb, link.subject)
        if found is not None:
            link.content, link.pattern = found, "parenthetical"
    return None


def as_reported(link: VerbLink) -> bool | None:
    """ "As Emily Feng reports for NPR, the first cases came to light last week", "The talks
    collapsed, as the BBC reported": a verb of speaking in an "as" clause that opens the
    sentence or is set off by a comma, with a subject and nothing of its own to report,
    reports the clause it hangs from. Not "As he said this, the crowd cheered" (its
    object), "as snow and cold temperatures continue", "as many people expected" (no
    comma: what was expected is part of the claim) or "as Trump called for a boycott"."""
    verb, doc = link.verb, link.doc
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if (link.content is not None or verb.dep_ != "advcl" or mark is None or link.row["category"] not in SPEAKING_CATEGORIES
            or link.row["complement"] == "absolute" or not any(c.dep_ == "nsubj" for c in verb.children)
            or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children)):  # fmt: skip
        return None
    opening = all(t.is_punct or t.pos_ == "CCONJ" or t.is_space for t in doc[verb.sent.start : mark.i])  # "And as X pointed out, ..."
    if not (opening or doc[mark.i - 1].text == ","):
        return None
    head = verb.head
    if verb.i < head.i:
        start, end = verb.right_edge.i + 1, head.right_edge.i + 1
    else:
        start, end = head.left_edge.i, verb.left_edge.i
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end - start >= 3:
        link.content, link.pattern = (start, end), "as_reported"
    return None


#: Adjectives of an "it" clause that says whether something can be done at all.
POSSIBILITY_ADJECTIVES = frozenset({"possible", "impossible"})


def possible_to(link: VerbLink) -> bool | None:
    """ "It was not possible to independently verify the group's claim", "it is impossible
    to know whether ...": nobody verifies or says anything; the writer says it cannot be
    done (the hedge lexicon's "not possible to verify" leaves the claim open)."""
    verb = link.verb
    copula = verb.head if verb.dep_ == "xcomp" else None
    if copula is not None and copula.pos_ == "ADJ" and copula.lower_ in POSSIBILITY_ADJECTIVES:
        copula = copula.head  # the infinitive may hang on the adjective or on "be"
    if copula is None or copula.lemma_ != "be" or not any(c.dep_ in SUBJECT_DEPS and c.lower_ == "it" for c in copula.children):
        return None
    return False if any(c.dep_ == "acomp" and c.lower_ in POSSIBILITY_ADJECTIVES for c in copula.children) else None


def free_relative(link: VerbLink) -> bool | None:
    """ "this is not at all what I expected to see here", "he said what he thought": a verb
    of thinking inside a clause that "what" opens names a thing (what was expected, what
    was thought), it reports no claim. A verb of speaking there still points at words
    said ("what Obama said"), and "what he said he would do" reports: "what" belongs to the
    reported clause, not to "said"."""
    if link.subject is None or link.row["category"] != "cognition":
        return None
    return False if what_object_before(link.verb, link.subject.i) else None


def needs_content(link: VerbLink) -> bool | None:
    """A reporting verb counts only with content; a learned cue only with someone saying
    it ("it was agreed" does not)."""
    if link.content is None or (link.row["complement"] == "finite_clause" and link.subject is None):
        return False
    link.stance, link.category = link.row["stance"], link.row["category"]
    return None


#: Objects with which a verb of saying says that nothing was said ("said nothing",
#: "said little about the plan").
NOTHING_SAID = frozenset({"nothing", "little"})


def says_nothing(link: VerbLink) -> bool | None:
    """ "The minister said nothing about the plan", "he might have said nothing": what is
    said is nothing at all, so nobody is reported saying anything; the writer tells that
    they kept quiet."""
    if any(c.dep_ == "dobj" and c.lower_ in NOTHING_SAID for c in link.verb.children):
        return False  # not "He said nothing had changed", where "nothing" is what he said
    return None


#: Auxiliaries of a saying still to come ("will announce", "'ll tell").
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall"})
#: Objects of "expect" that are no claim: "I was not expecting it at all" is surprise.
BARE_OBJECTS = frozenset({"it", "this", "that", "them", "him", "her"})


def not_said_yet(link: VerbLink) -> bool | None:
    """ "Laporte will announce his starting line-up on Wednesday": a saying still to come
    reports no claim; the writer tells what will happen (on PolNeAR train 8 of 64 such
    verbs are cues). A refusal ("will not comment"), a belief ("will be hoping that
    ..."), "I'll admit ..." and a quotation released before it is said still are. Nor
    do figures not yet released ("Valve has yet to release figures which show ..."), and
    "I was not expecting it at all", an expectation of only a pronoun, holds no claim."""
    verb = link.verb
    future = any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children)
    # Not "I'll admit it'll be awesome" (said as it is written), nor "will be hoping that
    # ..." (a belief held now).
    speaker_now = link.subject is not None and link.subject.lower_ in ("i", "we")
    # Nor words released before they are said ('"...," the president will say, according
    # to excerpts of his speech'): a quotation is known already.
    quoted = any(t.text in OPENING_MARKS or t.text in CLOSING_MARKS for t in verb.sent)
    if (future and negation_of(verb) is None and link.row["stance"] not in ("non_committal", "denying")
            and link.row["category"] != "cognition" and not speaker_now and not quoted):  # fmt: skip
        return False
    subject = link.subject
    if subject is not None and subject.dep_ == "dobj" and _not_there_yet(subject.head):
        return False  # "Valve has yet to release figures which show ...": no such figures yet
    objects = [c for c in verb.children if c.dep_ in CONTENT_DEPS]
    if verb.lemma_.lower() == "expect" and objects and all(o.dep_ == "dobj" and o.lower_ in BARE_OBJECTS for o in objects):
        return False
    return None


def _not_there_yet(verb: Token) -> bool:
    """Whether ``verb`` has not happened: negated, or "yet to" ("has yet to release")."""
    if negation_of(verb) is not None or any(c.lower_ == "yet" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and any(c.lower_ == "yet" for c in verb.head.children)


def judged_by_someone(link: VerbLink) -> bool | None:
    """A judgement ("branded", "criticised") counts only with someone judging, as a verb:
    "has been branded a waste" with nobody named, and "a Walkman branded phone", are no
    one's judgement."""
    if link.row["category"] == "judgement" and (link.subject is None or link.verb.dep_ in ("amod", "compound")):
        return False
    return None


def shown_by_doing(link: VerbLink) -> bool | None:
    """ "Monfils underlined his huge promise by beating Gaudio": a verb with only an object
    and "by" doing something is shown by doing, not said ("rejected that by claiming ..."
    is said)."""
    object_only = link.row["complement"] == "any" and all(c.dep_ != "ccomp" for c in link.verb.children)
    cues = reporting_cues()
    by_doing = any(c.dep_ == "prep" and c.lower_ == "by" and any(g.tag_ == "VBG" and g.lemma_.lower() not in cues for g in c.children)
                   for c in link.verb.children)  # fmt: skip
    return False if object_only and by_doing and link.pattern not in ("parenthetical", "introduced") else None


def what_one_may_do(link: VerbLink) -> bool | None:
    """ "people can report posts", "businesses can claim compensation": what one may do,
    not a statement."""
    verb = link.verb
    modal_holder = verb.head if verb.dep_ == "conj" and not any(c.dep_ == "aux" for c in verb.children) else verb
    if negation_of(verb) is None and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "can" for c in modal_holder.children):
        return False
    return None


def used_as_adjective(link: VerbLink) -> bool | None:
    """ "This purported severance of friendship": a participle before its noun describes
    the noun; nobody says anything there (Sputnik column a teacher read). Nor in "can rest
    assured that ...", which means "be sure" (BBC News politics/098, a teacher's review)."""
    verb = link.verb
    # "purport" says something only with what it purports to be or do ("purports to show").
    lone_purport = verb.lemma_.lower() == "purport" and not any(c.dep_ == "xcomp" for c in verb.children)
    rest_assured = verb.tag_ == "VBN" and verb.i > 0 and verb.nbor(-1).lemma_.lower() == "rest"
    return False if verb.dep_ == "amod" or lone_purport or rest_assured else None


def infinitive_no_one_holds(link: VerbLink) -> bool | None:
    """ "there's no reason to think they'll win out", "no one else will be so foolish as to
    accidentally admit ...": what nobody thinks or says (:func:`phrases.held_by_nobody`)."""
    return False if held_by_nobody(link.verb) else None


def lets_us(link: VerbLink) -> bool | None:
    """ "Let's hope we see more ...": the writer's wish with the reader, nobody reported."""
    subject = link.subject
    if subject is None or subject.lower_ not in ("'s", "\u2019s"):
        return None
    return False if "let" in (subject.head.lemma_.lower(), subject.head.head.lemma_.lower()) else None


#: Rules that say a verb reports nothing whoever the source is: the learned tagger's
#: relations (:func:`analysis.rules.attribution_model.learned_relations`) obey them too.
NOTHING_REPORTED_RULES = (thing_as_subject, used_as_adjective, infinitive_no_one_holds, lets_us, says_nothing, not_said_yet)


def reports_nothing(doc: Doc, verb: Token, row: dict, cue: tuple[int, int]) -> bool:
    """Whether a rule of :data:`NOTHING_REPORTED_RULES` says ``verb`` reports nothing here."""
    link = VerbLink(doc, verb, row, cue, subject=_subject(verb))
    return any(rule(link) is False for rule in NOTHING_REPORTED_RULES)


def negated(link: VerbLink) -> bool | None:
    """ "did not say which", "has not verified", "does not confirm", "did not deny": the
    source leaves the claim open (non_committal). "can no longer argue that ..." is nobody
    saying it; "could not say whether" and "could not comment" are."""
    verb, negation = link.verb, negation_of(link.verb)
    if negation is None or link.stance == "non_committal":
        return None
    if link.row["category"] == "judgement":
        return False  # "the study does not praise X": no claim left open, and nobody saying anything
    open_question = link.doc[link.content[0]].lower_ in OPEN_QUESTION_WORDS
    # "could not comment on", "cannot confirm the figures": a refusal to speak; but "I
    # can't say I was pleased" (a clause after it) is a way of speaking.
    refusal = verb.lemma_.lower() in REFUSAL_VERBS and not any(c.dep_ == "ccomp" for c in verb.children)
    if any(c.dep_ == "aux" and c.lower_ in ABILITY_MODALS for c in verb.children) and not open_question and not refusal:
        return False
    if link.stance != "belief":
        link.stance, link.category = "non_committal", "non_commitment"
    return None


#: What links a reporting verb to its source and content, in the order tried: each rule
#: refines what the ones before found (``None``), or says the verb is no attribution
#: here (``False``). Keyed by name, as :data:`analysis.comparing.differences.RULES` is.
VERB_RULES: dict[str, Callable[[VerbLink], bool | None]] = {
    "subject_and_content": subject_and_content,
    "surname_read_as_adverb": surname_read_as_adverb,
    "used_absolutely": used_absolutely,
    "figure_moved": figure_moved,
    "document_finding": document_finding,
    "passed_on": passed_on,
    "story_publisher": story_publisher,
    "speaker_after_quotation": speaker_after_quotation,
    "name_before_verb": name_before_verb,
    "speaker_read_as_object": speaker_read_as_object,
    "clause_as_subject": clause_as_subject,
    "speaker_without_comma": speaker_without_comma,
    "media_subject_only": media_subject_only,
    "thing_as_subject": thing_as_subject,
    "passive_or_impersonal": passive_or_impersonal,
    "participle": participle,
    "quoted_as_saying": quoted_as_saying,
    "colon": colon,
    "parenthetical": parenthetical,
    "trailing_parenthetical": trailing_parenthetical,
    "trailing_tag": trailing_tag,
    "introduced": introduced,
    "quotation_before": quotation_before,
    "as_reported": as_reported,
    "possible_to": possible_to,
    "free_relative": free_relative,
    "needs_content": needs_content,
    "says_nothing": says_nothing,
    "not_said_yet": not_said_yet,
    "judged_by_someone": judged_by_someone,
    "shown_by_doing": shown_by_doing,
    "what_one_may_do": what_one_may_do,
    "used_as_adjective": used_as_adjective,
    "infinitive_no_one_holds": infinitive_no_one_holds,
    "lets_us": lets_us,
    "negated": negated,
}


def link_verb(doc: Doc, verb: Token, row: dict, i: int, j: int) -> Attribution | None:
    """The attribution a reporting verb makes (its lexicon ``row``, its cue tokens ``i``..``j``),
    or None: :data:`VERB_RULES` in order."""
    link = VerbLink(doc, verb, row, (i, j))
    for rule in VERB_RULES.values():
        if rule(link) is False:
            return None
    if link.speaker_span is not None:
        source = link.speaker_span[:2]
    else:
        source = _trimmed_subtree(link.subject) if link.subject is not None else None
    return Attribution((i, j), verb.i, row["cue"], link.stance, link.category, source, link.content, link.pattern)


def discourse_marker(doc: Doc, verb) -> bool:
    """ "That said, ...", "That being said, ...", "Having said that, ...": a phrase meaning
    "however" at the start of a sentence, not anyone saying anything."""
    i = verb.i
    start = verb.sent.start
    if i - start > 2:  # every cue of a sentence passes here: the phrase is the sentence's first two words
        return False
    before = [t.lower_ for t in doc[start:i]]
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is None:
        return False
    return (before in (["that"], ["that", "being"]) and after.text == ",") or (before == ["having"] and after.lower_ in ("that", "this"))


def find_attributions(doc: Doc | Span) -> list[Attribution]:
    """Attribution relations in ``doc``, ordered by cue position.

    Overlapping cue matches keep the longest ("refused to confirm or deny" over
    "confirm"); ties go to the earliest, then the first lexicon row.
    """
    whole = doc.doc if isinstance(doc, Span) else doc
    rows = _rows()
    taken: set[int] = set()
    found: list[Attribution] = []
    # Longest first, then earliest, then lexicon order (LexiconMatcher's order).
    for row_id, i, j in _matcher(whole.vocab)(doc):
        if taken.intersection(range(i, j)):
            continue
        row = rows[row_id]
        if row["cue"] == "according to":
            relation = _according_to(whole, i, j, row)
            if relation:
                taken.update(range(i, j))
                found.append(relation)
            continue
        verb = cue_head(whole, i, j)
        if verb.pos_ not in VERB_POS and j - i == 1:
            relation = tag_read_as_noun(whole, verb, row)
            if relation is not None:
                taken.update(range(i, j))
                found.append(relation)
            continue
        if verb.pos_ not in VERB_POS or discourse_marker(whole, verb) or in_a_title(verb) or imperative(verb):
            continue
        relation = link_verb(whole, verb, row, i, j)
        if relation is not None:
            taken.update(range(i, j))
            found.append(relation)
    in_sources = {t for a in found if a.source for t in range(*a.source)}
    found.extend(_announced_by(whole, doc, taken | in_sources))
    found.extend(_nominal_reports(whole, doc, taken | in_sources))
    found.extend(_nominal_confirmations(whole, doc, taken | in_sources))
    found.sort(key=lambda a: a.cue)
    return found
