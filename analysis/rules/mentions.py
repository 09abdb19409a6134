"""Who a source phrase stands for: names in apposition, news outlets, and noun phrases
and pronouns that refer back to an earlier mention.

What it decides: for a source phrase of an attribution, the canonical name it stands
for, the source type that follows when the phrase alone does not say it, the rule that
decided, and a reason in plain words (the rule's name comes after it, for whoever wants
it). :mod:`analysis.rules.sources` asks it first and falls back to the type rules on the
phrase itself.

Rules, in order (:data:`RULES`, keyed by the ``rule`` they set):

- ``speaker_label``: a name in capitals before a colon that opens a transcript's turn is
  that person ("JAKE TAPPER: ..." is Jake Tapper).
- ``apposed_name``: a role or another person's description with a name in apposition is
  that person ("The council's finance chief, Councillor Mark Adeyemi, confirmed ...";
  "The two committee chairs, Senators Ana Ruiz and Tom Blake, said ..."; "According to
  his aunt, Jane Starner, ...").
- ``described_then_named``: descriptions joined by "and" that run straight into a full
  name are that person ("Real estate mogul and reality television star Donald Trump
  tweeted").
- ``apposed_role``: a name with a role in apposition is a person, whatever the entity
  model guessed ("Jean-Marc Ayrault, the foreign minister of France, said ...").
- ``news_outlet``: a news outlet or programme is a media source, named or not ("The
  Washington Post reported ...", "BBC News", "the Herald newspaper", "Radio 4's Today
  programme", "state news media"): ``lexicons/outlets.csv`` lists outlet names, and a
  proper name ending in an outlet word (News, Times, Post, Herald...) or followed by
  "newspaper"/"programme" is one.
- ``honorific_name``: a name after Mr, Ms, Mrs, Dr, Sir... is a person ("Ms Okafor").
- ``speaker_surname``: a lone capitalised word the model took for no person ("Sanborn",
  tagged as a body; "says Early", read as an adverb) is the surname of the one person
  the article names in full with it, or who spoke before it ("Jeff Sanborn, president
  of Chapter & Verse, said").
- ``spokesperson``: an unnamed spokesperson of a named body speaks for it on the record
  ("A Tesco spokeswoman", "a spokesperson for the Riverside Residents' Association",
  "A Downing Street spokesman"): the source is that organisation, unless the sentence
  says the speaker asked not to be named.
- ``personal_pronoun``: "he"/"she" is the person named earlier in the same sentence
  (not inside the quotation they speak, not in a subjectless phrase leading into its
  verb: "After meeting Gordon Brown, he said"), else with "he added" whoever the
  sentence before had speak, else a person the sentence before (the quotation) brings
  in as its subject after the last speaker, else the last speaker, else the person who
  is the subject of the sentence before, else the nearest named person before it; each
  time only a person the article does not show to be of the other sex (a title, an
  earlier pronoun, a first name in ``lexicons/first_names.csv``). A spokesperson who
  spoke counts as a speaker, with the type and name they were read as ("A Human Rights
  Watch spokeswoman said ... She added": Human Rights Watch).
- ``poll_share``: "67 percent of voters", "a majority", "six in 10" are the answers to
  the poll the sentence or the article named before (a document), never a source kept
  secret; with no poll named, a group the article does not name.
- ``same_head``: a definite noun phrase ("The official", "the council") is the earlier
  source with the same head noun ("A senior council official", "The council"): one
  source, with that source's type and name.
- ``introduced_role``: "the prime minister", "the senator" is the nearest person the
  article introduced with that role ("Prime Minister Tony Blair", "Tim Collins, the
  shadow education secretary").
- ``role_named_next``: in the lead, "the work and pensions minister has said" with no one
  introduced as minister before is the person who speaks in the next sentence ("...,
  Alan Johnson said").
- ``named_later``: a post with no name ("China's ambassador to Britain accused ...")
  that the article writes again right before a person's name ("China's ambassador to
  Britain Liu Xiaming has said") is that person.
- ``institution_noun``: "the company", "the group", "the agency" (or "the UK's biggest
  mortgage lender": a place's superlative) is the nearest
  organisation named before it (within :data:`INSTITUTION_LOOKBACK` sentences); for a
  kind a name carries ("the council", "the committee"), only a name with that word.
- ``it_pronoun``: "it warned" is the last organisation, outlet or document that spoke
  (and takes its type), else the nearest organisation named before it.
- ``epithet``: "the presumptive Republican presidential nominee wrote" (a definite
  description, no name, a noun that is no anonymous role) is the person who spoke in
  this or the two sentences before.
- ``described_person``: "the actor said", "the 23-year-old" (a description of the kind
  of person a story is about, ``lexicons/described_people.csv``) is the named person who
  is the subject of the sentence before (past the sentences of a quotation it closes,
  and past subjects that are "he", "she" or such a description).
- ``age_description``: failing that, "the 67-year-old said" is the person a pronoun in
  its place would be: never a source kept secret.
- ``group_pronoun``: "they say" is the last body or plural source of this or the two
  sentences before ("The Tories ... They say ..."), with its type; else a group.
"""

from __future__ import annotations

import re

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from analysis.rules.attribution import (CLOSING_MARKS, OPENING_MARKS, name_after_descriptions, person_noun, reporting_cues,
                                        source_noun_categories)  # fmt: skip
from analysis.rules.entities import (OUTLET_NOUNS, bare_name, canonical_name, first_name_sexes, listed_place, not_name_words, outlet, party_names,
                                     person_full_names)  # fmt: skip
from analysis.lexicon import load_lexicon, lexicon_words
from analysis.vocabulary import BODY_SOURCE_TYPES

__all__ = ["Resolution", "MentionContext", "RULES", "resolve", "outlet_name", "nearest_person_before", "entity_at", "role_words", "capitalised_role"]

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: Words before a name that are not part of it ("Councillor Mark Adeyemi", "Dr Jane Hill").
HONORIFICS = lexicon_words("context_words", "honorifics")
#: Honorifics that only a person takes ("Ms Okafor" is a person, whatever the model says).
PERSONAL_HONORIFICS = lexicon_words("context_words", "personal_honorifics")
#: Institution nouns that a body's own name carries ("Port Ellery City Council", "the
#: Transport Committee"): "the council" refers back only to a name with "council" in it.
NAMED_KINDS = lexicon_words("context_words", "named_kinds")
#: Sentences looked back for the organisation "the company" refers to.
INSTITUTION_LOOKBACK = 6
#: Institution nouns that refer back to a named organisation ("the company said").
#: Government nouns ("the government", "the ministry") are left out: they usually mean
#: a country's government, which articles rarely name as such.
INSTITUTION_NOUNS = lexicon_words("context_words", "institution_nouns")
#: Someone whose words are a body's official line.
SPOKESPERSON_NOUNS = lexicon_words("context_words", "spokesperson_nouns")
#: Words of a sentence that make a spokesperson an anonymous source after all.
ANONYMITY_WORDS = ("anonymity", "not to be named", "not be named", "not authorised", "not authorized")
#: Common nouns that are themselves news media ("state news media", "the newspaper").
MEDIA_NOUNS = lexicon_words("context_words", "media_nouns")


@dataclass(frozen=True)
class Resolution:
    """What a source phrase stands for.

    Attributes:
        canonical: The name (or earlier phrase) it stands for.
        source_type: The type that follows, or None to keep the type rules' answer.
        rule: The rule that decided (a key of :data:`RULES`).
        reason: Why, in plain words, then the rule's name.
    """

    canonical: str
    source_type: str | None
    rule: str
    reason: str


@dataclass
class MentionContext:
    """What earlier sources an article has named, in reading order (filled by the caller)."""

    doc: Doc
    ents: tuple[Span, ...]
    full_names: dict[str, set[str]]
    #: Earlier sources: (head token index, head lemma, source type, canonical name).
    sources: list[tuple[int, str, str, str]] = field(default_factory=list)
    last_person: str | None = None
    #: The people who spoke, in reading order (see :meth:`remember`).
    speakers: list[str] = field(default_factory=list)
    #: What the article's own words say of a person's sex ("male" or "female"): a title
    #: before the name ("Mrs Clinton"), or a "he" or "she" read as that person.
    sexes: dict[str, str] = field(default_factory=dict)
    #: Pronouns read as a person named earlier in their own sentence: the least sure
    #: reading, so it does not decide who the next "he" is.
    read_in_sentence: set[int] = field(default_factory=set)
    #: The last person source however it was read: (its sentence's first token, name).
    last_mention: tuple[int, str] | None = None
    #: The type of a speaker who is no person by name ("A Tesco spokeswoman" is Tesco).
    speaker_types: dict[str, str] = field(default_factory=dict)
    #: People introduced with a role (see :func:`introduced_role`), found on first use.
    introduced: list[tuple[str, int, str]] | None = None

    @classmethod
    def of(cls, doc: Doc) -> MentionContext:
        return cls(doc, doc.ents, person_full_names(doc))

    def remember(self, head: Token, source_type: str, canonical: str | None, *, resolved_by: str | None) -> None:
        """Record a source once labelled, for the mentions after it."""
        if canonical:
            self.sources.append((head.i, head.lemma_.lower(), source_type, canonical))
        if canonical and head.lower_ in SPOKESPERSON_NOUNS:
            # "A BBC spokeswoman said ... She added": the next "she" is that spokeswoman,
            # speaking for the body she is read as (or for no one named).
            self.speakers.append(canonical)
            self.speaker_types[canonical] = source_type
            sex = "female" if "wom" in head.lower_ else "male" if head.lower_ in ("spokesman", "spokesmen") else None
            if sex:
                self.sexes.setdefault(canonical, sex)
            self.last_mention = (head.sent.start, canonical)
            return
        if source_type != "person" or not canonical:
            return
        if resolved_by == "group_pronoun" or " and " in canonical:
            return  # "They" read as "Michael Howard and John Redwood", "Mr Blair and Mr Brown": no one a later "he" or "she" can be
        if resolved_by == "personal_pronoun" and _inside_quotation(self.doc, head.i):
            return  # '"I asked my mom. She said: ..."': someone the speaker tells of
        self.last_mention = (head.sent.start, canonical)
        sex = _sex_of(head, canonical)
        # A title or a first name outweighs what a pronoun read as this person suggests.
        if sex and (head.lower_ not in PERSON_PRONOUNS or self.sex(canonical) is None):
            self.sexes[canonical] = sex
        # A "he" in a clause inside another's report does not take over who speaks next
        # ('Benford says he didn't know much about Sanders before he announced his bid.
        # "... he's addressing them," he said' is Benford's).
        if resolved_by == "personal_pronoun" and (not _heads_its_sentence(head) or head.i in self.read_in_sentence):
            return
        self.last_person = canonical
        self.speakers.append(canonical)

    def last_speaker(self, *, female: bool) -> str | None:
        """The person who spoke last whom the article does not show to be of the other
        sex than a "she" (``female``) or "he" would be."""
        return next((p for p in reversed(self.speakers) if self.may_be(p, female=female)), None)

    def sex(self, person: str) -> str | None:
        """ "male", "female" or None: what the article (a title, a pronoun) or the
        person's first name says."""
        return self.sexes.get(person) or _first_name_sex(person)

    def may_be(self, person: str, *, female: bool) -> bool:
        """Whether "she" (``female``) or "he" can be ``person`` by what the article says."""
        return self.sex(person) in (None, "female" if female else "male")


def _sex_of(head: Token, name: str) -> str | None:
    """ "male" or "female" when a person's mention says so: "he"/"she", a title in the
    name ("Mr. Trump", "Mrs Clinton"), or a first name the news gives to one sex
    (``lexicons/first_names.csv``: "Donald", "Hillary"); else None."""
    word = head.lower_
    if word in PERSON_PRONOUNS:
        return "female" if word in ("she", "her") else "male"
    titles = {t.lower_.rstrip(".") for t in head.subtree if t.i < head.i}
    if titles & MALE_TITLES:
        return "male"
    if titles & FEMALE_TITLES:
        return "female"
    return _first_name_sex(name)


def _first_name_sex(name: str) -> str | None:
    return first_name_sexes().get(name.split()[0]) if " " in name else None


def _heads_its_sentence(head: Token) -> bool:
    """Whether a source is the subject of its sentence's main verb (or of a verb joined
    to it by "and"), not of a clause inside it."""
    verb = head.head
    return verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"


def entity_at(doc: Doc, i: int, ents: tuple[Span, ...] | None = None) -> Span | None:
    """The entity holding token ``i`` (``ents``: the Doc's entities, when the caller has
    read them already: ``doc.ents`` builds them anew), or None."""
    return next((e for e in (doc.ents if ents is None else ents) if e.start <= i < e.end), None)


def _entity_at(ctx: MentionContext, i: int) -> Span | None:
    return entity_at(ctx.doc, i, ctx.ents)


def role_words() -> frozenset[str]:
    """Nouns for a person's role (see :func:`_role_words`): "leader", "chairman", "coach"."""
    return _role_words()


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Nouns for a person's role: the source nouns of category person_role, and the last
    word of every title (``lexicons/titles.csv``: "secretary", "minister", "chief")."""
    nouns = load_lexicon("source_nouns")
    roles = set(nouns.loc[nouns["category"] == "person_role", "cue"])
    roles |= {str(t).split()[-1].lower() for t in load_lexicon("titles")["title"]}
    roles |= {"chief", "chair", "head", "boss", "director", "executive", "chairman", "chairwoman", "president",
              "secretary", "spokesman", "spokeswoman", "spokesperson", "founder", "manager", "lawyer", "attorney",
              "governor", "senator", "congressman", "congresswoman", "mayor", "ambassador", "adviser", "advisor"}  # fmt: skip
    return frozenset(roles)


def outlet_name(span: Span) -> str | None:
    """The outlet a phrase names, or None: a listed outlet, a proper name ending in an
    outlet word ("BBC News", "The Washington Post") or followed by an outlet noun ("the
    Herald newspaper", "Radio 4's Today programme"); see :func:`analysis.rules.entities.outlet`."""
    names = [t for t in span if t.pos_ == "PROPN" or (t.is_title and t.i > span.start)]
    if not names:
        return None
    first, last = names[0].i, names[-1].i + 1
    following = span.doc[last].lower_ if last < len(span.doc) and last <= span.end else None
    return outlet(span.doc[first:last].text, following=following)


def _without_titles(name: str) -> str:
    """A name without the titles before it ("Councillor Mark Adeyemi" -> "Mark Adeyemi")."""
    words = name.split()
    while len(words) > 2 and (words[0].lower().rstrip(".") in _role_words() or words[0].lower().rstrip(".") in HONORIFICS):
        words = words[1:]
    return " ".join(words)


# --- rules: each takes the source span and the context, returns a Resolution or None ----


def apposed_name(span: Span, ctx: MentionContext) -> Resolution | None:
    head = span.root
    # A post capitalised as a title ("The Lord Chancellor, Lord Falconer,") is still a
    # post; a relative or another person described ("His wife, Mary Smith,", "his aunt,
    # Jane Starner,") is named the same way.
    if head.lemma_.lower() not in _person_nouns() or (head.pos_ == "PROPN" and not any(c.dep_ == "appos" for c in head.children)):
        return None
    doc = ctx.doc
    for child in head.children:
        # The parser calls the name an apposition, or (for plural roles) a conjunct; a
        # conjunct counts only when a comma sets it off right after the role noun.
        set_off = child.dep_ == "conj" and head.i + 1 < len(doc) and doc[head.i + 1].text == "," and doc[child.left_edge.i - 1].text == ","
        if child.dep_ != "appos" and not set_off:
            continue
        names = []
        for person in (child, *child.conjuncts):
            ent = _entity_at(ctx, person.i)
            if ent is not None and ent.label_ == "PERSON":
                names.append(_without_titles(canonical_name(doc, ent, full_names=ctx.full_names)[0]))
            elif ent is None and person.pos_ == "PROPN" and person.i != head.i and doc[person.i - 1].pos_ == "PROPN":
                # A run of proper names the model did not tag ("Mark Adeyemi"); a
                # single untagged word or a body ("analysts Forrester Research") is no person.
                left = person
                while left.i > 0 and doc[left.i - 1].pos_ == "PROPN" and doc[left.i - 1].dep_ == "compound":
                    left = doc[left.i - 1]
                while left.i < person.i - 1 and (left.lower_.rstrip(".") in _role_words() or left.lower_.rstrip(".") in HONORIFICS):
                    left = doc[left.i + 1]  # "Councillor Mark Adeyemi": the name
                names.append(doc[left.i : person.i + 1].text)
        if names and (head.tag_ != "NNS" or len(names) >= 2):  # "analysts, Jane Hill," is not the analysts
            canonical = " and ".join(dict.fromkeys(names))
            return Resolution(canonical, "person", "apposed_name",
                              f"'{head.text}' is named right after it: {canonical} [rule: apposed_name]")  # fmt: skip
    named = _name_set_off_after(head, ctx)
    if named is not None:
        return Resolution(named, "person", "apposed_name", f"'{head.text}' is named right after it: {named} [rule: apposed_name]")
    return None


def _name_set_off_after(head: Token, ctx: MentionContext) -> str | None:
    """A person's full name set off by commas right after a singular description, where
    the parser hangs it elsewhere ("According to his aunt, Jane Starner, the family ...")."""
    doc = ctx.doc
    if head.tag_ == "NNS" or head.i + 2 >= len(doc) or doc[head.i + 1].text != ",":
        return None
    ent = _entity_at(ctx, head.i + 2)
    if ent is None or ent.label_ != "PERSON" or ent.start != head.i + 2 or len(ent) < 2 or ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    return _without_titles(canonical_name(doc, ent, full_names=ctx.full_names)[0])


def described_then_named(span: Span, ctx: MentionContext) -> Resolution | None:
    """Descriptions joined by "and" that run straight into a full name are that person
    ("Billionaire businessman and Republican front-runner Donald Trump said", "Real estate
    mogul and reality television star Donald Trump tweeted"): the source phrase the rules
    keep whole for it (:func:`~analysis.rules.attribution.name_after_descriptions`)
    ends in that name."""
    first = name_after_descriptions(span.root)
    ent = _entity_at(ctx, span.end - 1) if first is not None else None
    if ent is None or ent.label_ != "PERSON" or ent.start != first.i or ent.end != span.end:
        return None
    name = _without_titles(canonical_name(ctx.doc, ent, full_names=ctx.full_names)[0])
    return Resolution(name, "person", "described_then_named",
                      f"'{ctx.doc[span.start : ent.start].text.strip()}' describes the person named right after it: {name} "
                      "[rule: described_then_named]")  # fmt: skip


#: Entity labels a body's name set off after "the company" cannot have.
_NOT_A_BODY = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})


def apposed_body(span: Span, ctx: MentionContext) -> Resolution | None:
    """ "The group that owns most of her music, Big Machine, says ...": a body described,
    then named right after it between commas, is that organisation. Any description will
    do when the name is an organisation's or a country's ("The world's biggest tobacco
    consumer, China, has said ...")."""
    head = span.root
    if head.pos_ != "NOUN":
        return None
    institution = head.lemma_.lower() in INSTITUTION_NOUNS
    if not institution and (source_noun_categories().get(head.lemma_.lower()) == "person_role" or head.lemma_.lower() in _described_people()):
        return None  # "The party's Holyrood leader, Nicola Sturgeon,": a person, whatever the tagger says
    doc, end = ctx.doc, head.right_edge.i
    for child in head.subtree:
        # The parser may hang the name on the last noun of a clause describing the body
        # ("The company that runs the AMAs, Dick Clark Productions,"): it still closes
        # the phrase, right before its last comma.
        closes = child.right_edge.i + 1 == end and doc[end].text == ","
        if child.dep_ != "appos" or child.pos_ != "PROPN" or not (child.head.i == head.i or closes):
            continue
        ent = _entity_at(ctx, child.i)
        if ent is not None and ent.label_ in _NOT_A_BODY and (institution or ent.label_ != "GPE"):
            continue
        # Another description needs the name right on it and whole: not a title's place
        # ("a new book, Brown's Britain,"), nor a film named inside a clause on an actor.
        if not institution and (ent is None or ent.label_ not in ("ORG", "GPE") or child.head.i != head.i
                                or (ent.start, ent.end) != (child.left_edge.i, child.right_edge.i + 1)
                                or ent.end >= len(doc) or doc[ent.end].text != ","):  # fmt: skip
            continue
        # With no entity, the whole name as written, its short form in brackets left out
        # ("Consumers Against Supermarket Privacy Invasion and Numbering (Caspian)").
        whole = doc[child.left_edge.i : child.right_edge.i + 1].text
        name = ent.text if ent is not None else re.sub(r"\s*[(\[].*$", "", whole).strip(" ,-\u2013\u2014")
        # "the French news agency AFP": a body that is a news outlet is the media.
        kind = "media" if outlet(name) is not None else "organization"
        return Resolution(name, kind, "apposed_body", f"'{span.text}' is named right after it: {name} [rule: apposed_body]")
    return None


def apposed_role(span: Span, ctx: MentionContext) -> Resolution | None:
    head = span.root
    if head.pos_ != "PROPN":
        return None
    ent = _entity_at(ctx, head.i)
    if ent is not None and ent.label_ == "PERSON":
        return None  # the type rules already say person
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.lemma_.lower() in _role_words():
            name = bare_name(" ".join(span.doc[span.start : head.i + 1].text.split()) if ent is None else ent.text)
            return Resolution(name, "person", "apposed_role",
                              f"{name} is described as '{child.text}', a person's role [rule: apposed_role]")  # fmt: skip
    return None


def news_outlet(span: Span, ctx: MentionContext) -> Resolution | None:
    head = span.root
    outlet = outlet_name(span)
    # The outlet speaks when it is the phrase's head ("The Sunday Telegraph", "the
    # Sunday Telegraph report"), not when it only qualifies a person ("A BBC spokeswoman").
    outlet_speaks = head.pos_ == "PROPN" or head.lemma_.lower() in OUTLET_NOUNS | MEDIA_NOUNS or _media_noun(head)
    if outlet is not None and outlet_speaks:
        return Resolution(outlet, "media", "news_outlet", f"{outlet} is a news outlet [rule: news_outlet]")
    if head.lower_ in ("paper", "newspaper") and span[0].lower_ == "the":
        # "according to the Financial Times. The paper said ...": the newspaper named
        # before ("paper" alone may be a research paper, so only after an outlet).
        earlier = [(i, c) for i, _, t, c in ctx.sources if t == "media" and i < span.start]
        named = max(earlier)[1] if earlier else None  # the nearest before, in reading order
        if named is not None:
            return Resolution(named, "media", "news_outlet",
                              f"'{span.text}' is {named}, the newspaper named before [rule: news_outlet]")  # fmt: skip
    if head.pos_ == "NOUN" and (head.lower_ in MEDIA_NOUNS or head.lemma_.lower() in MEDIA_NOUNS):
        phrase = span.text
        return Resolution(phrase, "media", "news_outlet", f"'{head.text}' means news media [rule: news_outlet]")
    return None


def _media_noun(token: Token) -> bool:
    """A report, story, video... (``lexicons/source_nouns.csv``, media)."""
    return source_noun_categories().get(token.lemma_.lower()) == "media"


#: Quotation marks, opening and closing (attribution's sets, written once).
QUOTE_MARKS = OPENING_MARKS | CLOSING_MARKS


def _quoted_tokens(tokens: Span) -> set[int]:
    """The tokens between quotation marks in ``tokens`` (a mark opens, the next closes)."""
    inside, quoted = False, set()
    doc = tokens.doc
    for token in tokens:
        if token.text in QUOTE_MARKS:
            inside = not inside if token.text not in ("\u201c", "``") else True
            if token.text in ("\u201d", "''"):
                inside = False
            elif token.text == '"' and token.i > 0 and doc[token.i - 1].whitespace_ and not token.whitespace_:
                # A straight mark after a space and before a word opens, even where the
                # one before was never closed: BBC copy reopens a quotation that runs on
                # ('... the politics of hope. "Labour is counting on ...').
                inside = True
            continue
        if inside:
            quoted.add(token.i)
    return quoted


def nearest_person_before(doc: Doc, i: int, *, same_sentence: bool = False, ents=None, full_names=None,
                          outside_quotes: bool = False, keep=None) -> str | None:
    """The nearest named person before token ``i`` (canonical name): a PERSON entity, or
    within the same sentence a run of two or more proper nouns the small model did not tag.
    With ``same_sentence``, only names in token ``i``'s sentence count; with
    ``outside_quotes``, a name inside quotation marks there does not (the speaker of
    '"... what Robert Jackson did," he added' is not Robert Jackson); with ``keep``, the
    nearest whose canonical name it accepts."""
    sentence = doc[i].sent
    quoted = _quoted_tokens(doc[sentence.start : i]) if outside_quotes else set()
    runs, run = [], []
    for token in doc[sentence.start : i]:
        if token.i in quoted:
            if len(run) >= 2:
                runs.append(doc[run[0].i : run[-1].i + 1])
            run = []
            continue
        # A run of capitalised proper nouns outside any other kind of entity (not a place,
        # body, event, building or number: "King's Cross station" is no one).
        if (token.pos_ == "PROPN" and token.ent_type_ in ("", "PERSON") and token.text[:1].isupper() and token.is_alpha
                and token.lower_ not in not_name_words()):  # "Common Agricultural Policy" is no one
            run.append(token)
        else:
            if len(run) >= 2:
                runs.append(doc[run[0].i : run[-1].i + 1])
            run = []
    if len(run) >= 2:
        runs.append(doc[run[0].i : run[-1].i + 1])
    floor = sentence.start if same_sentence else 0
    people = [e for e in (doc.ents if ents is None else ents)
              # "Carly Fiorina" tagged ORG by the small model is a person by her first name
              if (e.label_ == "PERSON" or e.label_ == "ORG" and len(e) == 2 and e[0].text in first_name_sexes())
              and floor <= e.start and e.end <= i and any(t.is_alpha for t in e)
              and not (quoted and e.start in quoted)]  # fmt: skip
    for nearest in sorted(people + runs, key=lambda span: span.end, reverse=True):
        if nearest.label_:  # an entity, not a run of proper nouns
            name = canonical_name(doc, nearest, full_names=full_names)[0]
        else:
            full = (person_full_names(doc) if full_names is None else full_names).get(nearest.text, set())
            name = next(iter(full)) if len(full) == 1 else nearest.text
        if keep is None or keep(name):
            return name
    return None


#: Lower-case words inside a surname ("Mr de Vabres", "Ms van der Meer").
NAME_PARTICLES = frozenset({"de", "du", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "bin", "al", "el", "ter"})


def honorific_name(span: Span, ctx: MentionContext) -> Resolution | None:
    """ "Ms Okafor", "Mr Houston", "Dr Jane Hill": a name after an honorific is a person,
    whatever the entity model guessed."""
    head = span.root
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return None  # "the lord chancellor": a post the model tagged as a name
    for token in span:
        following = span.doc[token.i + 1] if token.i + 1 < span.end else None
        if token.lower_.rstrip(".") in PERSONAL_HONORIFICS and following is not None and following.pos_ == "PROPN" \
                and (following.text[:1].isupper() or following.lower_ in NAME_PARTICLES):
            if head.i <= token.i:
                return None  # the honorific is not before the head ("Mr Smith's company")
            ent = _entity_at(ctx, head.i)
            name = span.doc[token.i + 1 : head.i + 1].text
            if ent is not None and ent.label_ == "PERSON":
                name = canonical_name(ctx.doc, ent, full_names=ctx.full_names)[0]
            elif name in ctx.full_names and len(ctx.full_names[name]) == 1:
                name = next(iter(ctx.full_names[name]))
            return Resolution(name, "person", "honorific_name", f"'{token.text}' marks {name} as a person [rule: honorific_name]")
    return None


def named_together(span: Span, ctx: MentionContext) -> Resolution | None:
    """ "Lord Justice Rix and Mr Justice Forbes ruled ...", "Clinton and Sen. Bernie
    Sanders have said ...": people named and joined by "and" are the source together, not
    the first of them (each a person by the tagger or an honorific: "Mr Justice Forbes",
    though "Forbes" is also an outlet's name)."""
    head = span.root
    # The conjuncts after the span too: the source phrase is cut at the first name's end.
    members = [head, *(c for c in head.conjuncts if c.i > head.i)]
    if len(members) < 2 or not all(t.pos_ == "PROPN" and _marked_as_person(t, ctx) for t in members):
        return None
    names = []
    for member in members:
        ent = _entity_at(ctx, member.i)
        whole = ent is not None and ent.label_ == "PERSON" and ent.end == member.i + 1
        names.append(_without_titles(canonical_name(ctx.doc, ent, full_names=ctx.full_names)[0]) if whole else _name_of(member))
    group = ", ".join(dict.fromkeys(names[:-1])) + " and " + names[-1]
    written = ctx.doc[span.start : members[-1].i + 1].text
    return Resolution(group, "person", "named_together", f"'{written}' names {group}, together [rule: named_together]")


def _marked_as_person(name: Token, ctx: MentionContext) -> bool:
    """A proper noun the tagger calls a person, or one an honorific opens ("Mr Justice Forbes")."""
    ent = _entity_at(ctx, name.i)
    if ent is not None and ent.label_ == "PERSON":
        return True
    return any(c.dep_ == "compound" and c.lower_.rstrip(".") in PERSONAL_HONORIFICS for c in name.children)


def speaker_surname(span: Span, ctx: MentionContext) -> Resolution | None:
    """ "Sanborn said" after "Jeff Sanborn, president of Chapter & Verse, said", '"...,"
    says Early' where the article names Chris Early: a lone capitalised word the model did
    not take for a person (a body, or an adverb) is the surname of the one person the
    article names in full with it, or of the one such person who spoke before it."""
    token = span[0]
    if len(span) != 1 or not token.is_title or not token.is_alpha or token.ent_type_ == "PERSON" or token.pos_ == "PRON":
        return None
    people = {name for _, _, source_type, name in ctx.sources if source_type == "person" and len(name.split()) >= 2
              and name.split()[-1] == span.text}  # fmt: skip
    named = {name for name in ctx.full_names.get(span.text, set()) if len(name.split()) >= 2}
    people = people or named
    if len(people) != 1:
        return None
    name = next(iter(people))
    return Resolution(name, "person", "speaker_surname", f"'{span.text}' is the surname of {name}, whom the article names "
                      "in full [rule: speaker_surname]")  # fmt: skip


def spokesperson(span: Span, ctx: MentionContext) -> Resolution | None:
    """ "A Tesco spokeswoman said", "a spokesperson for the Riverside Residents'
    Association said": nobody is named, but the words are the named body's official line."""
    head = span.root
    if head.lower_ not in SPOKESPERSON_NOUNS:
        return None
    if any(t.ent_type_ == "PERSON" for t in span) or any(w in head.sent.text.lower() for w in ANONYMITY_WORDS):
        return None  # "a spokesman for Mr Blair" speaks for a person; "who asked not to be named" is anonymous
    body = _spoken_for(span)
    if body is None:
        return None
    ent = next((e for e in ctx.ents if e.start == body.start and e.end == body.end), None)
    if ent is not None and ent.label_ == "PERSON":
        return None
    name = canonical_name(ctx.doc, ent, full_names=ctx.full_names)[0] if ent is not None else body.text
    return Resolution(name, "organization", "spokesperson",
                      f"'{span.text}' is not named but speaks for {name}, so the words are {name}'s official line [rule: spokesperson]")  # fmt: skip


def _named(token: Token) -> bool:
    if token.dep_ == "det" or token.lower_ in ("a", "an", "the"):
        return False  # a capital "A" opening a sentence is sometimes tagged a proper noun
    return token.pos_ == "PROPN" or token.ent_type_ in ("NORP", "GPE", "ORG")


def _spoken_for(span: Span) -> Span | None:
    """The named body a spokesperson phrase speaks for: the words before the noun from
    the first name on ("A *Downing Street* spokesman", "An *All England club*
    spokesperson"), else the object of "for"/"of"/"at" up to its own noun ("a spokesman
    for *the Albanian embassy* in London"), when a name is among them."""
    doc, head = span.doc, span.root
    before = [t for t in span if t.i < head.i]
    first = next((t.i for t in before if _named(t)), None)
    if first is not None:
        return doc[first : head.i]
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")):
        body = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if body is None:
            continue
        start = min(t.i for t in body.subtree)
        while start < body.i and doc[start].dep_ == "det":
            start += 1
        words = doc[start : body.i + 1]
        if any(_named(t) for t in words):
            return words
    return None


def personal_pronoun(span: Span, ctx: MentionContext) -> Resolution | None:
    head = span.root
    if head.lower_ not in PERSON_PRONOUNS:
        return None
    # '"The changes proposed by Lord Dubs were ...", he said': a "he" after the clause it
    # reports is not someone named in that clause.
    verb = head.head
    after_clause = (head.dep_ == "nsubj" and verb.lemma_.lower() in reporting_cues() and head.i > head.sent.start
                    and ctx.doc[head.i - 1].text in (",", '"', "\u201d", "'")
                    # what is said comes before; "If Holmes runs, she has indicated that ..." says it after
                    and not any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children))  # fmt: skip
    female = head.lower_ in ("she", "her")

    def fits(person: str | None) -> bool:
        return person is not None and ctx.may_be(person, female=female)

    def subject_before() -> str | None:
        person = _subject_person_before(ctx, span.start, female=female)
        return person if fits(person) else None

    named_before = dict(ents=ctx.ents, full_names=ctx.full_names, outside_quotes=True, keep=fits)
    in_sentence = None
    if not after_clause:
        lead_in = _named_in_lead_in(span, ctx)
        in_sentence = nearest_person_before(ctx.doc, span.start, same_sentence=True,
                                            **{**named_before, "keep": lambda name: fits(name) and name.split()[-1] not in lead_in})  # fmt: skip
    if in_sentence is not None:
        ctx.read_in_sentence.add(head.i)
    person = (
        in_sentence
        or _carried_on(span, ctx, fits)
        or _introduced_since_last_speaker(span, ctx)
        or ctx.last_speaker(female=female)
        or subject_before()
        or nearest_person_before(ctx.doc, span.start, **named_before)
        # Nobody named fits (the model took "Carly Fiorina" for a body): the speaker
        # last, as when the article shows no one's sex, rather than no one at all.
        or ctx.last_person
        or nearest_person_before(ctx.doc, span.start, ents=ctx.ents, full_names=ctx.full_names, outside_quotes=True)
    )
    if person is None:
        return None  # the type rules: a he/she with nobody named before is anonymous
    # A spokesperson read before speaks for the body (or for no one named) as before.
    return Resolution(person, ctx.speaker_types.get(person, "person"), "personal_pronoun",
                      f"'{head.text}' refers to {person} [rule: personal_pronoun]")


def _carried_on(span: Span, ctx: MentionContext, fits) -> str | None:
    """ "He added", "she continued": whoever the sentence before had speak, however it
    was read ('When I emailed Brafman, he replied, "..." He added, "..."')."""
    if span.root.head.lemma_.lower() not in CONTINUING_VERBS or ctx.last_mention is None:
        return None
    before = _sentence_before_quotation(ctx.doc, span.root.sent)
    sentence_start, person = ctx.last_mention
    return person if before is not None and sentence_start == before.start and fits(person) else None


def _named_in_lead_in(span: Span, ctx: MentionContext) -> set[str]:
    """The proper nouns (surnames among them) of a phrase with no subject of its own
    that leads into the verb of a subject "he" or "she": nobody the pronoun can be.
    "After meeting Gordon Brown on Friday, he said ..." (he is who met Brown, BBC
    business/008), "Asked about her vote if Clinton faces Trump, she replied". A clause
    with its own subject may name him ("When I emailed Brafman to thank him, he
    replied ...")."""
    head = span.root
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return set()
    named = set()
    for child in head.head.children:
        if child.dep_ in ("advcl", "prep", "npadvmod") and child.i < head.i:
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                continue  # the phrase's own subject, not one of a clause inside it
            words = list(child.subtree)
            named |= {t.text for t in words if t.pos_ == "PROPN"}
    return named


#: Verbs that carry on what the last speaker said ("he added"): their "he" stays that speaker.
CONTINUING_VERBS = frozenset({"add", "continue", "conclude"})


def _introduced_since_last_speaker(span: Span, ctx: MentionContext) -> str | None:
    """ '"We will keep fighting," said Bob Crow. The firm's chief executive, Tom Hale,
    disagreed. "The strike is pointless," he said.': a person the sentence before brings
    in as its subject, after the last person who spoke, is who "he" or "she" is; not
    with a verb that carries on the last speaker ("he added")."""
    head = span.root
    if ctx.last_person is None or head.head.lemma_.lower() in CONTINUING_VERBS:
        return None
    before = _sentence_before_quotation(ctx.doc, head.sent)
    if before is None:
        return None
    # Who spoke in the sentence before or since: the person it brings in may be one of
    # them ("Sanders ... rallied young people against a system he says is rigged").
    spoke_since = {p for i, _, source_type, p in ctx.sources if source_type == "person" and i >= before.start}
    female = head.lower_ in ("she", "her")
    for ent in ctx.ents:
        if ent.label_ != "PERSON" or not (before.start <= ent.start and ent.end <= before.end):
            continue
        if _inside_quotation(ctx.doc, ent.start):
            continue  # '"Ruud is the best striker in Europe. ..." he said': a name the speaker uses
        root = ent.root
        subject = root if root.dep_ in ("nsubj", "nsubjpass") else root.head if root.dep_ == "appos" else None
        title = ctx.doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
        if (subject is None or subject.dep_ not in ("nsubj", "nsubjpass") or subject.head.dep_ != "ROOT"
                or title in (MALE_TITLES if female else FEMALE_TITLES)):
            continue
        person = canonical_name(ctx.doc, ent, full_names=ctx.full_names)[0]
        if spoke_since - {person} or not ctx.may_be(person, female=female):
            return None
        return person if person != ctx.last_person else None
    return None


def _sentence_before_quotation(doc: Doc, sentence: Span) -> Span | None:
    """The sentence before ``sentence``, or, when it carries on a quotation, the one
    before the quotation began ('His wife Sharon agreed. "Now everybody's doing reality
    shows. He's done it," she said.': Sharon's sentence); None at the start."""
    while sentence.start > 0:
        before = doc[sentence.start - 1].sent
        if not (doc[before.start].text in QUOTE_MARKS or _inside_quotation(doc, before.start)) or before.start == 0:
            return before
        sentence = before
    return None


def _inside_quotation(doc: Doc, i: int) -> bool:
    """Whether token ``i`` lies inside a quotation opened since its paragraph began."""
    start = i
    while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    return i in _quoted_tokens(doc[start : i + 1])


#: Titles that say whether a person is a man or a woman ("Mr Blunkett" is no "she").
MALE_TITLES, FEMALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince"}), frozenset({"mrs", "ms", "miss", "lady", "dame", "queen", "princess"})


def _subject_person_before(ctx: MentionContext, i: int, *, female: bool) -> str | None:
    """The person who is the subject of the sentence before token ``i``'s ("Attorney
    General Loretta Lynch took the last step ... '"I met with ...," she said'): a
    sentence's subject is what "he" or "she" most often continues, more than the
    nearest name (which may sit in a possessive or a quotation)."""
    doc = ctx.doc
    start = doc[i].sent.start
    if start == 0:
        return None
    before = doc[start - 1].sent
    for ent in ctx.ents:
        if ent.label_ == "PERSON" and before.start <= ent.start and ent.end <= before.end:
            head = ent.root
            title = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
            if title in (MALE_TITLES if female else FEMALE_TITLES):
                continue
            if head.dep_ in ("nsubj", "nsubjpass") and (head.head.dep_ == "ROOT" or head.head.head.dep_ == "ROOT" and head.head.dep_ == "conj"):
                return canonical_name(doc, ent, full_names=ctx.full_names)[0]
    return None


def it_pronoun(span: Span, ctx: MentionContext) -> Resolution | None:
    """ "it warned", "it said": the last organisation, outlet or document that spoke, or
    the nearest organisation named before it (as :func:`institution_noun` finds one)."""
    head = span.root
    if head.lower_ != "it" or len(span) != 1:
        return None
    for i, _, source_type, canonical in reversed(ctx.sources):
        # The last body, outlet or document that spoke, within a few sentences ("The report
        # ... It says ...", "The Telegraph ... It claims ..."): its type too.
        if i < head.i and source_type in BODY_SOURCE_TYPES and head.sent.start - i < 80:
            return Resolution(canonical, source_type, "it_pronoun",
                              f"'it' refers to {canonical}, which spoke before [rule: it_pronoun]")  # fmt: skip
    found = _nearest_organisation(span, ctx)
    if found is None:
        return None
    return Resolution(found, "organization", "it_pronoun", f"'it' refers to {found}, the organisation named before it [rule: it_pronoun]")


def epithet(span: Span, ctx: MentionContext) -> Resolution | None:
    """ "the presumptive Republican presidential nominee wrote": a definite description
    with a noun that is no anonymous role ("nominee", "tycoon", not "spokesman" or
    "official": those are other people) and no name is the person who spoke in this or
    the two sentences before."""
    head = span.root
    lemma = head.lemma_.lower()
    if (head.pos_ != "NOUN" or head.tag_ != "NN" or span[0].lower_ != "the" or lemma in source_noun_categories()
            or lemma in INSTITUTION_NOUNS or any(t.pos_ == "PROPN" for t in span)
            or not any(t.dep_ in ("amod", "compound") for t in head.children)):
        return None  # "the spokesman", "the company", "the chip maker", "the Tories", "the report": other rules
    if not person_noun(head):
        return None  # "The games industry", "the second project", "the obvious response": no person
    floor = _sentences_back(head, 2)
    for i, _, source_type, canonical in reversed(ctx.sources):
        if floor <= i < head.i and source_type == "person":
            return Resolution(canonical, "person", "epithet",
                              f"'{span.text}' describes {canonical}, who spoke just before [rule: epithet]")  # fmt: skip
    return None


#: Descriptions that usually bring in someone other than the person just named ("X was
#: charged. The victim said ...").
OTHER_PERSON_NOUNS = lexicon_words("context_words", "other_person_nouns")


#: "the 67-year-old", "The 14-year-old actress": a person described by their age.
AGE_DESCRIPTION = re.compile(r"^the\s+\d{1,3}-year-old\b", re.I)


def age_description(span: Span, ctx: MentionContext) -> Resolution | None:
    """ "The 67-year-old also said ...", "the 24-year-old striker said": a person the
    article describes by their age, never a source kept secret: the person a pronoun in
    its place would be (see :func:`personal_pronoun`). On nine BBC sentences with "the
    N-year-old said", six are the right person; a pronoun's order beats the person
    named last (three of nine)."""
    if not AGE_DESCRIPTION.match(span.text) or any(t.pos_ == "PROPN" for t in span):
        return None
    # As a pronoun would be: someone the sentence before brings in after the last
    # speaker, else the last speaker, else the person named last. (The person named
    # last alone does worse: the model names films and clubs as people.)
    person = (_introduced_since_last_speaker(span, ctx) or ctx.last_person
              or nearest_person_before(ctx.doc, span.start, ents=ctx.ents, full_names=ctx.full_names, outside_quotes=True))  # fmt: skip
    if person is None:
        return None
    return Resolution(person, "person", "age_description",
                      f"'{span.text}' describes a person by age; read as {person}, as 'he' or 'she' would be "
                      "[rule: age_description]")  # fmt: skip


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """ "Scot", "Welshman": a people's name the model may tag as a person."""
    return frozenset(d.lower() for d in load_lexicon("demonyms")["demonym"])


@lru_cache(maxsize=1)
def _described_people() -> frozenset[str]:
    return frozenset(load_lexicon("described_people")["word"])


#: How many sentences back a description looks for the story's subject, through
#: sentences whose subject is "he" or "she".
DESCRIBED_LOOKBACK = 3


def described_person(span: Span, ctx: MentionContext) -> Resolution | None:
    """ "the actor said", "the 'Pose' actor", "the 23-year-old": a definite description of
    the kind of person a story is about (``lexicons/described_people.csv``; not a newcomer
    such as "the victim") is the named person who is the subject of the sentence before;
    sentences inside the quotation it closes do not count."""
    head = span.root
    if not _describes_the_story_person(span) or head.lemma_.lower() in OTHER_PERSON_NOUNS:
        return None  # other rules, or someone else
    # The story's subject: the person who is the subject of the sentence before (a story
    # keeps its subject; the person named nearest, or the last to speak, is often someone
    # else: "She will now meet Venus Williams. 'Bring it on,' said the 23-year-old").
    # A sentence whose subject is "he", "she" or such a description keeps the story's
    # subject: look one further back ("Richard Dunne is ready ... He was once threatened
    # ... the defender said"). So does a sentence of a quotation: whose words they are is
    # what is asked ('"You never know why ... my kids. All you know ...," said the actor').
    doc, end, counted, seen = ctx.doc, head.sent.start, 0, 0
    while counted < DESCRIBED_LOOKBACK and end > 0 and seen < QUOTED_LOOKBACK:
        previous = doc[end - 1].sent
        seen += 1
        for entity in ctx.ents:
            if (entity.label_ == "PERSON" and previous.start <= entity.start < previous.end and entity.text.lower() not in _demonyms()
                    and entity.root.dep_ in ("nsubj", "nsubjpass") and entity.root.head.dep_ == "ROOT"):  # fmt: skip
                name = canonical_name(doc, entity, full_names=ctx.full_names)[0]
                return Resolution(name, "person", "described_person",
                                  f"'{span.text}' describes {name}, the subject of the sentence before [rule: described_person]")  # fmt: skip
        quoted = doc[previous.start].text in QUOTE_MARKS or _inside_quotation(doc, previous.start)
        subjects = [t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
        if not quoted:
            keeps = subjects and (subjects[0].lower_ in ("he", "she")
                                  or _describes_the_story_person(doc[subjects[0].left_edge.i : subjects[0].i + 1]))  # fmt: skip
            if not keeps:
                return None
            counted += 1
        end = previous.start
    return None


#: The most sentences a description looks back through, those of a quotation included.
QUOTED_LOOKBACK = 8


def _describes_the_story_person(span: Span) -> bool:
    """ "the actor", "the 2003 champion", "the 23-year-old": "the" and a word for the person
    a story is about (``lexicons/described_people.csv``), or an age."""
    head = span.root
    lemma = head.lemma_.lower()
    described = lemma in _described_people() or head.lower_.endswith("year-old") or head.lower_ == "old" and "year" in span.text
    return described and span[0].lower_ == "the" and head.tag_ in ("NN", "JJ")


GROUP_PRONOUNS = frozenset({"they", "them"})

#: Nouns for a share of the people a poll asked ("67 percent of voters", "a majority",
#: "six in 10", "the 30 percent"), and for a poll itself.
SHARE_NOUNS = lexicon_words("context_words", "share_nouns")
POLL_NOUNS = frozenset({"poll", "survey"})


def poll_share(span: Span, ctx: MentionContext) -> Resolution | None:
    """ "67 percent of voters say", "a majority of voters", "six in 10": the answers to
    a poll, whose words rest on the poll, not a source kept secret. The poll is the last
    poll or survey the article named before ("the latest New York Times/CBS News poll"),
    a document; with none named, the share is a group the article does not name."""
    words = [t for t in span if t.pos_ != "DET"]
    share = span.root.lemma_.lower() in SHARE_NOUNS or any(
        t.lower_ == "in" and t.i > span.start and t.nbor(-1).like_num and t.i + 1 < span.end and t.nbor(1).like_num for t in span)
    if not words or not share or span.root.pos_ == "PRON":
        return None
    # "Former world number one Juan Carlos Ferrero insists": a rank before a person's name.
    if any(e.label_ == "PERSON" and (e.start == span.end or (e.end == span.end and e.start > span.start)) for e in ctx.ents):
        return None  # (not "40 percent of Clinton voters", whose name only says which voters)

    def one_poll(t: Token) -> bool:  # "the poll", not "many other polls"
        return t.lemma_.lower() in POLL_NOUNS and t.pos_ == "NOUN" and t.tag_ != "NNS"

    sentence = span.root.sent
    # The poll the sentence names ("..., according to the latest Times/CBS News poll"),
    # else the last one the article named as a source, else the last it mentioned.
    mentioned = ([t for t in sentence if one_poll(t)]
                 or [t for i, _, source_type, _ in ctx.sources if i < span.start and source_type == "document"
                     for t in [ctx.doc[i]] if one_poll(t)]
                 or [t for t in ctx.doc[: span.start] if one_poll(t)])  # fmt: skip
    poll = None
    if mentioned:
        head = mentioned[-1]
        source = next((c for i, _, _, c in ctx.sources if i == head.i), None)
        poll = source or ctx.doc[head.left_edge.i : head.i + 1].text
    if poll is None:
        return Resolution(span.text, "unnamed", "poll_share",
                          f"'{span.text}' is a share of a group, named by no one [rule: poll_share]")  # fmt: skip
    return Resolution(poll, "document", "poll_share",
                      f"'{span.text}' are the answers to {poll}, on which the claim rests [rule: poll_share]")  # fmt: skip


def group_pronoun(span: Span, ctx: MentionContext) -> Resolution | None:
    """ "They say ...": the last source of the previous sentences that can be a "they" (a
    body, or a plural phrase such as "The Tories" or "officials"), with its type."""
    head = span.root
    if head.lower_ not in GROUP_PRONOUNS or len(span) != 1:
        return None
    floor = _sentences_back(head, 2)  # this sentence and the two before it
    # "pensioners, who they say have been hardest hit": "they" is not the noun its clause describes.
    described = {a.head.i for a in head.ancestors if a.dep_ == "relcl"}
    for i, _, source_type, canonical in reversed(ctx.sources):
        earlier = ctx.doc[i]
        plural = earlier.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in earlier.children)
        if i in described:
            continue
        if floor <= i < head.i and (source_type == "organization" or plural) and earlier.lower_ not in GROUP_PRONOUNS:
            # A body named as a subject since, or a party anywhere in the window when the
            # last speaker is a common noun ("pensioners, who they say ..."), is who "they" are.
            named_speaker = earlier.pos_ == "PROPN" or source_type == "organization"
            turned = _group_turned_to(head, ctx, i) if named_speaker else _group_turned_to(head, ctx, floor - 1, parties_only=True)
            if turned is not None:
                return Resolution(turned, "organization", "group_pronoun",
                                  f"'{head.text}' refers to {turned}, what the story turned to since [rule: group_pronoun]")  # fmt: skip
            return Resolution(canonical, source_type, "group_pronoun",
                              f"'{head.text}' refers to {canonical}, who spoke before [rule: group_pronoun]")  # fmt: skip
    turned = _group_turned_to(head, ctx, floor - 1, parties_only=True)
    if turned is not None:
        return Resolution(turned, "organization", "group_pronoun",
                          f"'{head.text}' refers to {turned}, what the story turned to [rule: group_pronoun]")  # fmt: skip
    return _named_group_before(head, ctx)


def _group_turned_to(head: Token, ctx: MentionContext, since: int, *, parties_only: bool = False) -> str | None:
    """A body named as a subject after the last speaker and before "they" ("The Tories
    say ... . The Liberal Democrats want to ... , which they say would save £300m"): a
    plural name or a party (``lexicons/parties.csv``), which "they" now means."""
    for token in reversed(ctx.doc[since + 1 : head.i]):
        if token.dep_ not in ("nsubj", "nsubjpass") or token.ent_type_ != "ORG" or token.lower_ in GROUP_PRONOUNS:
            continue
        ent = _entity_at(ctx, token.i)
        words = tuple(t.text for t in ent if t.lower_ != "the") if ent is not None else ()
        if (token.tag_ == "NNPS" and not parties_only) or words in party_names():
            return _organisation_name(token, ctx)
    return None


def _name_of(token: Token) -> str:
    """A proper noun with the names compounded into it ("Ana Ruiz" of "Senators Ana Ruiz"),
    titles and roles left out."""
    parts, stack = [token], [token]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in ("compound", "flat") and child.pos_ == "PROPN":
                parts.append(child)
                stack.append(child)
    words = [t.text for t in sorted(parts, key=lambda t: t.i)
             if t.i == token.i or (t.lower_.rstrip(".") not in HONORIFICS and t.lower_.rstrip("s") not in _role_words())]
    return " ".join(words)


def _named_group_before(head: Token, ctx: MentionContext) -> Resolution | None:
    """ "Senators Ana Ruiz, Tom Hale and Jim Cole wrote to the agency. They asked ...": with
    no earlier source to be "they", the subject of the sentence before, when it names two
    or more people (or bodies) joined by "and", are the people "they" speaks for."""
    if head.sent.start == 0:
        return None
    before = ctx.doc[head.sent.start - 1].sent
    subject = next((t for t in before.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    members = [subject, *subject.conjuncts]
    if len(members) < 2 or not all(t.pos_ == "PROPN" for t in members):
        return None
    group = _group_of_names(members, ctx)
    if group is None:
        return None
    canonical, source_type = group
    return Resolution(canonical, source_type, "group_pronoun",
                      f"'{head.text}' refers to {canonical}, named together in the sentence before [rule: group_pronoun]")  # fmt: skip


def _group_of_names(members: list[Token], ctx: MentionContext) -> tuple[str, str] | None:
    """Names joined by "and" as one group: ("Ana Ruiz, Tom Hale and Jim Cole", "person"),
    when the model tags them all people or all bodies. The small model often tags only
    some of the names: what it does tag decides."""
    labels = {e.label_ for t in members if (e := _entity_at(ctx, t.i)) is not None}
    if labels not in ({"PERSON"}, {"ORG"}):
        return None
    names = [_name_of(t) for t in members]
    return ", ".join(names[:-1]) + " and " + names[-1], "person" if labels == {"PERSON"} else "organization"


def both_named(span: Span, ctx: MentionContext) -> Resolution | None:
    """ "Both companies declined to comment", "the two men said": the two people or
    bodies the sentence before names joined by "and" ("talks between McClatchy and
    Tribune"), as one group of named sources."""
    head = span.root
    words = [t.lower_ for t in span if t.i < head.i]
    if head.tag_ != "NNS" or head.sent.start == 0 or not ("both" in words or words[-2:] == ["the", "two"]):
        return None
    before = ctx.doc[head.sent.start - 1].sent
    for first in before:
        pair = [first, *first.conjuncts]
        if first.pos_ != "PROPN" or len(pair) != 2 or pair[1].i < first.i or pair[1].pos_ != "PROPN":
            continue
        group = _group_of_names(pair, ctx)
        if group is not None:
            canonical, source_type = group
            return Resolution(canonical, source_type, "both_named",
                              f"'{span.text}' are {canonical}, named together in the sentence before [rule: both_named]")  # fmt: skip
    return None


def _sentences_back(token: Token, n: int) -> int:
    """Where the sentence ``n`` sentences before ``token``'s starts (the Doc's start at most)."""
    floor = token.sent.start
    for _ in range(n):
        if floor == 0:
            break
        floor = token.doc[floor - 1].sent.start
    return floor


def capitalised_role(span: Span) -> bool:
    """ "the Mayor", "The President": a role written with a capital after "the", which
    the model takes for a name (often an organisation's). It is the role, as "the mayor"
    is, not a body named Mayor."""
    head = span.root
    return len(span) == 2 and span[0].lower_ == "the" and head.i == span.end - 1 and head.pos_ == "PROPN" \
        and head.is_title and head.lower_ in _role_words()


def _definite(span: Span) -> bool:
    head = span.root
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


def same_head(span: Span, ctx: MentionContext) -> Resolution | None:
    head = span.root
    if head.pos_ != "NOUN" or not _definite(span) or head.tag_ in ("NNS", "NNPS"):
        return None
    if any(t.pos_ == "PROPN" for t in span):
        return None  # "The Hefce report" names itself
    lemma = head.lemma_.lower()
    for i, earlier_lemma, source_type, canonical in reversed(ctx.sources):
        if i < head.i and earlier_lemma == lemma and ctx.doc[i].tag_ not in ("NNS", "NNPS"):
            if lemma in FIRM_NOUNS | {"party"} and _turned_to_another_firm(span, ctx, i, canonical):
                return None  # a firm (or party) the story has turned to since is what "the company" now means
            return Resolution(canonical, source_type, "same_head",
                              f"'{span.text}' is the {lemma} mentioned before: {canonical} [rule: same_head]")  # fmt: skip
    return None


#: Nouns for a business that the story's latest firm takes over ("The company published ...").
FIRM_NOUNS = frozenset({"company", "firm"})


def _turned_to_another_firm(span: Span, ctx: MentionContext, earlier: int, canonical: str) -> bool:
    """Since the source at token ``earlier``, the story names another body as what it is
    about (a subject: "Amazon is now letting you listen ..."), neither a news outlet nor
    another name of the same body ("Cairn" after "Cairn Energy")."""
    since = _nearest_organisation_token(span, ctx)
    if since is None or since.i <= earlier:
        return False
    name = _organisation_name(since, ctx) or ""
    same = name.lower() in canonical.lower() or canonical.lower() in name.lower()
    return not same and outlet(name) is None


#: Nouns for whoever heads a body ("the Warriors chief", "the club's boss").
BODY_HEAD_NOUNS = frozenset({"chief", "boss", "head"})
#: The posts such a noun may stand for (BBC News sport/399: "Wigan chairman Maurice
#: Lindsay" ... "said the Warriors chief").
BODY_HEAD_ROLES = frozenset({"chief", "boss", "head", "chairman", "chairwoman", "chair", "president", "manager", "director",
                             "executive", "coach", "governor", "leader"})  # fmt: skip


def introduced_role(span: Span, ctx: MentionContext) -> Resolution | None:
    """ "the prime minister", "the senator": the nearest person the article introduced
    with that role, as a title before the name ("Prime Minister Tony Blair") or in
    apposition ("Tim Collins, the shadow education secretary")."""
    head = span.root
    # "the Warriors chief": the head of a body the article names by a nickname; "chief",
    # "boss" and "head" stand for whoever the article introduced as heading one.
    heads_a_body = head.lemma_.lower() in BODY_HEAD_NOUNS and _definite(span) and head.tag_ == "NN"
    if capitalised_role(span):
        lemma = head.lower_
    elif not heads_a_body and (head.pos_ != "NOUN" or head.tag_ != "NN" or not _definite(span)
                               or head.lemma_.lower() not in _role_words() or any(t.pos_ == "PROPN" for t in span)):  # fmt: skip
        return None
    else:
        lemma = head.lemma_.lower()
    roles = BODY_HEAD_ROLES if heads_a_body else {lemma}
    found = [(start, name) for role, start, name in _introduced_people(ctx) if role in roles and start < span.start]
    if not found:
        return None
    _, name = max(found)
    return Resolution(name, "person", "introduced_role",
                      f"'{span.text}' is {name}, introduced before as {lemma} [rule: introduced_role]")  # fmt: skip


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns for a person: a role, a description of the person a story is about, or
    someone else in it ("attendant", "minister", "witness")."""
    return _role_words() | _described_people() | OTHER_PERSON_NOUNS


def role_named_next(span: Span, ctx: MentionContext) -> Resolution | None:
    """ "... needs to be exploded, the work and pensions minister has said." then "...,
    Alan Johnson said.": a news lead gives the post first and the name in the next
    sentence. A definite post with no name ("the minister", "the home secretary"),
    in the article's first two sentences, that nobody was introduced as before, is the
    person who speaks first in the next sentence. So is a lead's "a"-description of a
    person ("A US airline attendant ... says she has been fired.", "..., a Home Office
    minister has said.") when the next sentence opens with a full name as its subject
    ("Ellen Simonetti, known as ...", "Hazel Blears said ..."): 5 BBC leads in 646
    articles, all right."""
    head = span.root
    person_noun = head.lemma_.lower() in _person_nouns()
    definite = _definite(span) and head.lemma_.lower() in _role_words() and not any(t.pos_ == "PROPN" for t in span)
    indefinite = (span[0].lower_ in ("a", "an") and person_noun and head.tag_ == "NN"
                  and not any(e.label_ == "PERSON" and span.start <= e.start < span.end for e in ctx.ents))  # fmt: skip
    if head.pos_ != "NOUN" or not (definite or indefinite):
        return None
    sentences = list(ctx.doc.sents)
    index = next((k for k, sent in enumerate(sentences) if sent.start <= head.i < sent.end), None)
    if index is None or index + 1 >= len(sentences) or index > 2:
        return None  # the lead only (the headline is sentence 0)
    after = sentences[index + 1]
    for ent in ctx.ents:
        if ent.label_ != "PERSON" or not after.start <= ent.start < after.end or ent.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        opens = ent.start == after.start and len(ent) >= 2 and ent[0].lower_ != "the"
        if (definite and ent.root.head.lemma_.lower() in reporting_cues()) or (indefinite and opens):
            name = canonical_name(ctx.doc, ent, full_names=ctx.full_names)[0]
            return Resolution(name, "person", "role_named_next",
                              f"'{span.text}' is {name}, named in the next sentence [rule: role_named_next]")  # fmt: skip
    return None


def _introduced_people(ctx: MentionContext) -> list[tuple[str, int, str]]:
    """(role noun, start, canonical name) of each person introduced with a role: the
    title word right before the name, the head of an apposition to it, or the role the
    name is in apposition to ("The Bishop of Durham, the Rt Rev Dr Tom Wright"). Found once."""
    if ctx.introduced is None:
        doc, found = ctx.doc, []
        for ent in ctx.ents:
            if ent.label_ != "PERSON":
                continue
            name = canonical_name(doc, ent, full_names=ctx.full_names)[0]
            if ent.start > 0 and doc[ent.start - 1].lower_ in _role_words():
                found.append((doc[ent.start - 1].lower_, ent.start, name))
            for child in ent.root.children:
                if child.dep_ == "appos" and child.pos_ == "NOUN" and child.lemma_.lower() in _role_words():
                    found.append((child.lemma_.lower(), ent.start, name))
            # "The Bishop of Durham, the Rt Rev Dr Tom Wright, ...": the name in apposition to the role.
            role = ent.root.head
            if ent.root.dep_ == "appos" and role.pos_ in ("NOUN", "PROPN") and role.lower_ in _role_words() and role.i < ent.start:
                found.append((role.lower_, ent.start, name))
        ctx.introduced = found
    return ctx.introduced


def named_later(span: Span, ctx: MentionContext) -> Resolution | None:
    """ "China's ambassador to Britain accused the UK ..." then, later, "China's ambassador
    to Britain Liu Xiaming has said ...": a post with no name (two words or more, a role
    among them) that the article writes again, word for word, right before a person's
    name is that person."""
    head = span.root
    if len(span) < 2 or head.lemma_.lower() not in _role_words() or any(e.label_ == "PERSON" and span.start <= e.start < span.end
                                                                      for e in ctx.ents):  # fmt: skip
        return None
    doc, phrase = ctx.doc, span.text
    later = [e for e in ctx.ents if e.label_ == "PERSON" and e.start > span.end and len(e) >= 2]
    text = doc.text if later else ""  # spaCy builds Doc.text anew on each read: once here
    for ent in later:
        before = text[: ent.start_char].rstrip(" ,")
        if before.lower().endswith(phrase.lower()) and (len(before) == len(phrase) or not before[-len(phrase) - 1].isalnum()):
            name = canonical_name(doc, ent, full_names=ctx.full_names)[0]
            return Resolution(name, "person", "named_later",
                              f"'{phrase}' is {name}, whom the article names later as '{phrase} {ent.text}' [rule: named_later]")
    return None


def institution_noun(span: Span, ctx: MentionContext) -> Resolution | None:
    head = span.root
    ranked = _place_superlative(span)  # "the UK's biggest mortgage lender", "India's biggest carmaker"
    if head.pos_ != "NOUN" or head.lemma_.lower() not in INSTITUTION_NOUNS or head.tag_ == "NNS" or not (_definite(span) or ranked):
        return None
    if any(t.pos_ == "PROPN" and t.i not in ranked for t in span):
        return None  # "the Opera company": named in the phrase itself
    name = _nearest_organisation(span, ctx)
    if name is None:
        return None
    country = next((t for t in head.children if t.dep_ in ("amod", "compound") and t.ent_type_ in ("NORP", "GPE")), None)
    if country is not None and country.lower_ not in name.lower():
        # "the German regulator" after "US banking giant Citigroup": a country's body, not
        # the company the story is about.
        return None
    noun = head.lemma_.lower()
    if noun in NAMED_KINDS and noun not in name.lower():
        # "the council" is a council: not the "Harbour Bridge" named before it, though "the
        # company" may well be "Tesco".
        return None
    return Resolution(name, "organization", "institution_noun",
                      f"'{span.text}' refers to {name}, the organisation named before it [rule: institution_noun]")  # fmt: skip


def _place_superlative(span: Span) -> set[int]:
    """The tokens of the place in "[the] UK's biggest lender", "India's second-largest
    carmaker" (a place's possessive and a superlative before the noun), or an empty set."""
    head = span.root
    owner = next((c for c in head.children if c.dep_ == "poss" and c.ent_type_ in ("GPE", "LOC", "NORP")), None)
    superlative = any(c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_.endswith(("-biggest", "-largest"))) for c in head.children)
    return {t.i for t in owner.subtree} if owner is not None and superlative else set()


def _speakers_body(token: Token) -> bool:
    """The token names the body a sentence's speaker speaks for: "A spokesman for UKIP called on ..."."""
    prep = token.head
    return (token.dep_ == "pobj" and prep.lower_ == "for" and prep.head.dep_ in ("nsubj", "nsubjpass")
            and prep.head.lower_ in SPOKESPERSON_NOUNS)  # fmt: skip


def _nearest_organisation_token(span: Span, ctx: MentionContext) -> Token | None:
    """The word naming the organisation a phrase refers back to, within
    :data:`INSTITUTION_LOOKBACK` sentences: the nearest body that was what a sentence was
    about (its subject, or the subject's owner: "Electrolux's brands include ..."), else
    the nearest one named."""
    floor = _sentences_back(span.root, INSTITUTION_LOOKBACK)
    candidates = [t for t in ctx.doc[floor : span.start] if _could_be_organisation(t, ctx)]
    subjects = [t for t in candidates if t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "poss" and t.head.dep_ in ("nsubj", "nsubjpass"))
                or _speakers_body(t)]  # fmt: skip
    return (subjects or [t for t in candidates if t.ent_type_ in ("ORG", "PRODUCT")] or [None])[-1]


def _nearest_organisation(span: Span, ctx: MentionContext) -> str | None:
    """The name of the organisation a phrase refers back to (:func:`_nearest_organisation_token`)."""
    return _organisation_name(_nearest_organisation_token(span, ctx), ctx)


def _organisation_name(token: Token | None, ctx: MentionContext) -> str | None:
    """The name a word naming an organisation stands for: its entity's canonical name."""
    if token is None:
        return None
    ent = _entity_at(ctx, token.i)
    return canonical_name(ctx.doc, ent, full_names=ctx.full_names)[0] if ent is not None else token.text


def _could_be_organisation(token: Token, ctx: MentionContext) -> bool:
    """A proper noun that can name a body: an ORG or place entity (a country acts as one),
    a product the article elsewhere tags a body, or a one-word name the small model took
    for a person ("GlaxoSmithKline") that is not a known person's surname, has no title
    before it and no first name."""
    # A name the tagger read as a common noun counts when it is an entity ("WeWork", NN).
    named = token.pos_ == "PROPN" or (token.ent_type_ in ("ORG", "PRODUCT") and token.text[:1].isupper())
    if not named or token.i + 1 < len(ctx.doc) and ctx.doc[token.i + 1].dep_ == "compound" and ctx.doc[token.i + 1].pos_ == "PROPN":
        return False  # only the last word of a name stands for it
    ent = _entity_at(ctx, token.i)
    if ent is None:
        return False
    if ent.label_ == "ORG":
        return True
    if ent.label_ == "PRODUCT":
        # "investigating WeWork" tagged a product where the article elsewhere tags WeWork a body.
        return any(other.label_ == "ORG" and other.text == ent.text for other in ctx.ents)
    if ent.label_ == "GPE":  # a real place is no company; a company the model took for one is
        return listed_place(ent.text) is None
    if ent.label_ != "PERSON" or len(ent) > 1 or token.text in ctx.full_names:
        return False
    before = ctx.doc[ent.start - 1].lower_.rstrip(".") if ent.start else ""
    return before not in HONORIFICS and before not in _role_words()


#: The rules in the order they are tried, keyed by the ``rule`` value they set.
def speaker_label(span: Span, ctx: MentionContext) -> Resolution | None:
    """A name in capitals that opens its paragraph before a colon labels a transcript's
    turn with its speaker ("JAKE TAPPER: Donald Trump released a video ..."): that person,
    named in ordinary case. Only a transcript's turn has such a source
    (:func:`analysis.rules.interviews.transcript_turns`)."""
    doc = ctx.doc
    opens_paragraph = span.start == 0 or "\n" in doc[span.start - 1].text + doc[span.start - 1].whitespace_
    if not (opens_paragraph and span.end < len(doc) and doc[span.end].text == ":" and span.text.isupper()):
        return None
    name = " ".join(word.capitalize() for word in span.text.split())
    return Resolution(name, "person", "speaker_label",
                      f"'{span.text}:' labels a turn of the transcript with its speaker's name [rule: speaker_label]")


RULES: dict[str, Callable[[Span, MentionContext], Resolution | None]] = {
    "speaker_label": speaker_label,
    "apposed_name": apposed_name,
    "described_then_named": described_then_named,
    "apposed_body": apposed_body,
    "apposed_role": apposed_role,
    "news_outlet": news_outlet,
    "named_together": named_together,
    "honorific_name": honorific_name,
    "speaker_surname": speaker_surname,
    "spokesperson": spokesperson,
    "personal_pronoun": personal_pronoun,
    "poll_share": poll_share,
    "same_head": same_head,
    "introduced_role": introduced_role,
    "role_named_next": role_named_next,
    "named_later": named_later,
    "institution_noun": institution_noun,
    "it_pronoun": it_pronoun,
    "epithet": epithet,
    "described_person": described_person,
    "age_description": age_description,
    "both_named": both_named,
    "group_pronoun": group_pronoun,
}


def resolve(span: Span, ctx: MentionContext) -> Resolution | None:
    """The first rule's resolution of a source phrase, or None (the phrase stands for itself)."""
    for rule in RULES.values():
        found = rule(span, ctx)
        if found is not None:
            return found
    return None
