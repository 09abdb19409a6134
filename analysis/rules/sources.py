"""Who says so: the ``attributions`` and ``quotes`` tables, source types and canonical names.

What it extracts: one row per attribution relation (source, cue, content with offsets,
``source_type``, ``canonical_source``, ``cue_stance``, ``quote_type``,
``anonymity_reason``, ``relayed``) and one row per quotation (``kind``, ``speaker``).

Source types. First, what the phrase stands for (:mod:`analysis.rules.mentions`): a role
with a name in apposition is that person, a name with a role in apposition is a person,
a news outlet or programme is ``media``, he/she is the person named before, and a
definite noun phrase ("the official", "the company") is the earlier source with the same
head noun or the organisation named before it. Otherwise the phrase's head word decides
(rules in order):

- ``media``: a report, story, video, post... (``lexicons/source_nouns.csv``, media)
  with no name, or by a news outlet;
- ``document``: a statement, study, filing, letter... (document nouns), or a report by
  a named body that is not an outlet ("the FBI's report");
- ``person``: a proper-noun head tagged PERSON, or a run of proper names;
- ``organization``: a proper-noun head (a country, government, agency: "the US",
  "Moscow"), or an institution noun owned by one ("South Korea's spy agency");
- ``anonymous``: a singular person noun with no name ("a senior US military official",
  "a journalist"), or he/she with no named person to resolve to;
- ``anonymous`` too: the plural of a role whose holders a reporter relies on unnamed
  ("officials said", "sources said", "aides"; ``lexicons/anonymous_plurals.csv``);
- ``unnamed``: any other plural person noun ("experts", "critics", "residents"), or "they".

``canonical_source`` is the fullest name the article gives: a surname resolves to the
PERSON entity it ends ("Austin" -> "Lloyd Austin"), a pronoun or a definite noun phrase
to the mention it refers to.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from spacy.tokens import Doc, Span, Token

from analysis.rules.attribution import Attribution, source_noun_categories, title_last_words
from analysis.rules.entities import NAME_LABELS, canonical_name, person_full_names
from analysis.lexicon import lexicon_words, load_lexicon
from analysis.rules.mentions import PERSON_PRONOUNS, MentionContext, capitalised_role, entity_at, outlet_name, resolve, role_words
from analysis.rules.phrases import LexiconMatcher
from analysis.rules.quotes import Quote
from analysis.schema import TableColumns, column_records, conform
from analysis.text.structure import paragraph_index
from analysis.vocabulary import ATTRIBUTION_PATTERN, NAMELESS_SOURCE_TYPES, NOBODY_NAMED, SILENT_ENTITY_LABELS, SOURCE_TYPE, SPEAKING_ENTITY_LABELS

#: First-person pronouns: inside a quotation, the quoted speaker.
FIRST_PERSON = frozenset({"i", "we", "me", "us"})

__all__ = ["SourceLabel", "source_type", "label_sources", "attribution_table", "quote_table", "quote_columns"]





#: Bodies of a state that "the" alone identifies ("the government", "the police").
#: Words that make an agency or service a news outlet: "news agency", "press service".
NEWS_MODIFIERS = frozenset({"news", "press", "wire"})
STATE_BODIES = lexicon_words("context_words", "state_bodies")


@lru_cache(maxsize=4)
def _anonymity_matcher(vocab) -> LexiconMatcher:
    return LexiconMatcher(vocab, load_lexicon("anonymity_reasons")["cue"].tolist())


def _head(span: Span) -> Token:
    """The phrase's head word. Where the parse hangs several of its words on a word
    outside it ("local press reports." with "reports" read as a noun), the last noun
    among them."""
    root = span.root
    if root.pos_ in ("NOUN", "PROPN", "PRON"):
        return root
    tied = [t for t in span if t.head == root.head and t.pos_ in ("NOUN", "PROPN") and not (span.start <= t.head.i < span.end)]
    return tied[-1] if tied else root


def _full_name(doc: Doc, name: str, full_names: dict[str, set[str]] | None = None) -> str:
    """The one PERSON name in the article that ends with ``name``, else ``name`` (the
    rule entities use for surnames; a surname two people share stays as written)."""
    full = (person_full_names(doc) if full_names is None else full_names).get(name, set())
    return next(iter(full)) if len(full) == 1 else name


def _plural_name(doc: Doc, head: Token) -> bool:
    """A plural name after "the" ("the Lib Dems", "the Greens", "the Tories"), a group even
    where the model tagged it as a person; not a person's name that ends in s ("Ed Balls",
    "the Reverend Adrian Rodgers", "the LCF's Andrea Williams")."""
    first = head.i
    while first > 0 and doc[first - 1].pos_ == "PROPN":
        first -= 1
    return (head.text.endswith("s") and head.i - first <= 1 and first > 0 and doc[first - 1].lower_ == "the")


def _plural_title(head: Token) -> bool:
    """A political title in the plural ("angry Labour MPs", "MPs urged ..."), which the
    tagger took for a name: a group of people the article does not name. Not "the Lords",
    a house of parliament."""
    political = lexicon_words("titles", "political", column="title")
    return head.text.endswith("s") and head.text[:-1].lower() in political and head.ent_type_ != "PERSON"


def _noun_category(doc: Doc, span: Span, head: Token, category: str | None) -> str | None:
    """The source-noun category of a phrase's head, in context: none for a firm's or a
    person's name that ends in a document word ("Jupiter Research", "Referee Graham
    Poll", "Jack Law"; "the Beige Book" is a document's name); people for "senior
    Labour figures"."""
    if (category == "document" and head.pos_ == "PROPN" and head.i > span.start and doc[head.i - 1].pos_ == "PROPN"
            and span[0].lower_ != "the"):
        return None
    if category == "media" and head.lower_ == "press" and head.text[:1].isupper() and not head.is_sent_start:
        return None  # "Burlington Free Press": a newspaper's name, read as a named body
    # "senior Labour figures" are people, not numbers (lexicons/context_words.csv).
    if head.lemma_.lower() == "figure" and any(c.lower_ in lexicon_words("context_words", "people_figure_modifier") for c in head.children):
        return "person_role"
    return category


def _noun_taken_for_a_name(head: Token, singular: str, nouns: dict) -> bool:
    """A source noun the tagger took for a name: capitalised as the first word of its
    sentence ("Officials said ...", "Councils have warned ..."), or in lower case ("the
    lord chancellor")."""
    if head.pos_ != "PROPN" or head.ent_type_:
        return False
    return (head.is_sent_start and singular in nouns) or head.is_lower


def _noun_opening_sentence(token: Token, nouns: dict) -> bool:
    """A word the tagger took for a name only because it opens the sentence: no entity,
    and a kind of body or a word of the source-noun lexicon in lower case ("Security
    firms", "Budget airline"), or a common word before a kind noun."""
    if not token.is_sent_start or token.ent_type_ in SPEAKING_ENTITY_LABELS:
        return False
    return token.lower_ in nouns or (token.head.pos_ == "NOUN" and nouns.get(token.head.lemma_.lower()) is not None and token.is_title)


def source_type(doc: Doc, span: Span | None, *, ents: tuple[Span, ...] | None = None) -> tuple[str, str]:
    """The source type of a source phrase and the rule that decided it (``ents``: the
    Doc's entities, when the caller has read them already: ``doc.ents`` builds them anew)."""
    if span is None:
        return "unnamed", "no source named"
    nouns = source_noun_categories()
    head = _head(span)
    lemma = head.lemma_.lower()
    singular = head.lower_[:-1] if head.lower_.endswith("s") else head.lower_
    role_title = capitalised_role(span)  # "the Mayor said": a role the model takes for a body's name
    capitalised_noun = _noun_taken_for_a_name(head, singular, nouns) or role_title
    if capitalised_noun:
        lemma = singular
    # Not a common noun capitalised to open its sentence ("Security firms are warning").
    has_name = any(t.pos_ == "PROPN" and t.i != head.i and not _noun_opening_sentence(t, nouns) for t in span) or (head.pos_ == "PROPN" and not capitalised_noun)
    category = _noun_category(doc, span, head, nouns.get(lemma))
    if category == "media":
        if has_name and outlet_name(span) is None:
            return "document", f"'{head.text}' by a named body [rule: document_noun]"
        return "media", f"'{head.text}' " + ("by a news outlet" if has_name else "with no named outlet") + " [rule: media_noun]"
    if category == "document":
        return "document", f"'{head.text}' " + ("by a named body" if has_name else "(a document)") + " [rule: document_noun]"
    press = next((c for c in head.children if c.dep_ in ("compound", "amod") and c.lower_ in NEWS_MODIFIERS), None)
    if category == "institution" and press is not None:
        # "the Interfax news agency", "the state press agency", "a wire service": an outlet.
        return "media", f"'{press.text} {head.text}' is a news outlet [rule: news_agency]"
    if head.pos_ == "PRON":
        if head.lower_ in PERSON_PRONOUNS:
            # A he/she that refers to someone named was resolved before (analysis.rules.mentions).
            return "anonymous", f"'{head.text}' with no named person before it"
        return "unnamed", f"'{head.text}': a group"
    named = _surname_of_named_person(head, ents if ents is not None else doc.ents)
    if named is not None:
        return "person", f"'{head.text}' is the surname of {named.text}, named in the article"
    # A name the tagger read as an adjective ("..., Telewest predicts."), not a nationality.
    name_as_adjective = head.pos_ == "ADJ" and head.is_title and not head.is_sent_start and not head.ent_type_
    if ((head.pos_ == "PROPN" and not capitalised_noun) or head.ent_type_ in SPEAKING_ENTITY_LABELS or name_as_adjective) and not role_title:
        if _plural_title(head):
            return "unnamed", f"plural '{head.text}' with no names"
        ent = entity_at(doc, head.i, ents)
        plural = _plural_name(doc, head)
        if ent is not None and ent.label_ == "PERSON" and not plural:
            return "person", f"named person '{ent.text}'"
        # A work, product or event does not speak: a two-word proper name the model gave
        # such a label ("Digby Jones" as WORK_OF_ART) is a person's name.
        unlabelled = ent is None or ent.label_ in SILENT_ENTITY_LABELS
        body = any(nouns.get(t.lemma_.lower()) == "institution" for t in span)  # "security firm F-Secure"
        if unlabelled and not body and not plural and any(t.is_title for t in span) and len([t for t in span if t.pos_ == "PROPN"]) >= 2:
            return "person", "a proper name"
        return "organization", f"named body '{head.text}'" + (f" ({ent.label_})" if ent is not None else "")
    kind = next((t for t in span if t.i < head.i and nouns.get(t.lemma_.lower()) == "institution"), None)
    if kind is not None and not head.is_lower and (not head.is_alpha or any(c.isupper() for c in head.text[1:])):
        # "consultancy 4Cast said": a name the tagger took for a common noun (a digit or a
        # capital inside the word), after the kind of body it is.
        return "organization", f"named body '{head.text}' (a {kind.text} by name)"
    if category == "institution" and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children):
        return "organization", f"'{head.text}' of a named body"
    if category == "institution" and has_name:
        return "organization", f"named '{head.text}'"
    country = next((t for t in span if t.i != head.i and t.ent_type_ in ("NORP", "GPE") and t.dep_ in ("amod", "compound", "nmod")), None)
    if category == "institution" and country is not None and head.tag_ == "NN":
        # "the French economy ministry", "the US Treasury department": one body a reader
        # can identify by its country.
        return "organization", f"the {country.text} '{head.text}': one body a reader can identify by its country"
    if category == "institution" and head.tag_ == "NN" and head.lemma_.lower() in STATE_BODIES and any(
            t.lower_ == "the" for t in span if t.i < head.i):
        # "the government said", "the police said": one body the reader can identify (the
        # country's or the place's), speaking on the record.
        return "organization", f"'the {head.text}': one body a reader can identify, speaking on the record"
    return _office_of_a_post(head) or _nameless(head, category, capitalised_noun, singular)


def _office_of_a_post(head: Token) -> tuple[str, str] | None:
    """ "The prime minister's office said": the office of one post, a body a reader can
    identify, speaking on the record (BBC News business/133, a blind teacher review)."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if head.lemma_.lower() in POST_OFFICES and head.tag_ == "NN" and owner is not None and owner.lemma_.lower() in title_last_words():
        return "organization", f"'{owner.text}'s {head.text}': the office of one post, speaking on the record"
    return None


def _nameless(head: Token, category: str | None, capitalised_noun: bool, singular: str) -> tuple[str, str]:
    """The type of a source with no name: particular people kept secret (anonymous) or a
    vague group (unnamed)."""
    # "MPs urged ...": a capitalised plural opening its sentence, which the tagger took for a name.
    plural = head.tag_ in ("NNS", "NNPS") or (capitalised_noun and head.lower_ != singular)
    if category == "person_role" or category is None:
        if plural and _singular_forms(head) & _anonymous_plurals():
            # "officials said", "sources said": particular people the reporter relies on
            # and keeps secret (lexicons/anonymous_plurals.csv), not a vague crowd.
            return "anonymous", f"'{head.text}': particular people the reporter relies on without naming them"
        if plural:
            return "unnamed", f"plural '{head.text}' with no names"
        return "anonymous", f"'{head.text}' with no name"
    return "unnamed", f"'{head.text}' with no names"


#: Nouns for the staff of one post ("the prime minister's office").
POST_OFFICES = frozenset({"office", "department", "ministry", "team"})


def _surname_of_named_person(head: Token, ents) -> Span | None:
    """The person named in full elsewhere in the article whose surname is ``head``, when
    the tagger read it as a common noun ("Petrides said" as the plural of a noun: "John
    Petrides")."""
    if head.ent_type_ or head.pos_ not in ("NOUN", "PROPN") or not head.is_title or head.is_sent_start and head.pos_ == "PROPN":
        return None
    return next((e for e in ents if e.label_ == "PERSON" and len(e) >= 2 and e[-1].text == head.text and e[-1].i != head.i), None)


def _singular_forms(token: Token) -> set[str]:
    """The token's lemma and its word without a plural ending: the small model leaves a
    capitalised plural ("Sources" opening a sentence, tagged NNPS) unlemmatised."""
    lower = token.lower_
    return {token.lemma_.lower(), lower, lower[:-1] if lower.endswith("s") else lower, lower[:-2] if lower.endswith("es") else lower}


@lru_cache(maxsize=1)
def _anonymous_plurals() -> frozenset[str]:
    """Role nouns whose plural is anonymous, not unnamed (``lexicons/anonymous_plurals.csv``)."""
    return frozenset(load_lexicon("anonymous_plurals")["cue"])


def speaks_for(doc: Doc, span: Span | None, *, ents: tuple[Span, ...] | None = None) -> str | None:
    """The country or place a source speaks for, where its own phrase says so: the
    canonical name of a GPE or NORP entity inside it ("South Korea's spy agency" -> South
    Korea, "Ukrainian intelligence officials" -> Ukraine, "Officials in Moscow" -> Moscow)."""
    if span is None:
        return None
    places = [e for e in (doc.ents if ents is None else ents) if e.label_ in ("GPE", "NORP") and span.start <= e.start and e.end <= span.end]
    if not places:
        return None
    # The place's canonical name: "Ukrainian intelligence officials" speak for Ukraine.
    return canonical_name(doc, places[0])[0]


def _anonymity_reason(doc: Doc, sentence: Span) -> str | None:
    matches = _anonymity_matcher(doc.vocab)(sentence)
    if not matches:
        return None
    _, start, _ = min(matches, key=lambda m: m[1])
    end = start
    while end < sentence.end and doc[end].text not in (",", ".", ";", '"'):
        end += 1
    return doc[start:end].text


def _relayed(doc: Doc, relation: Attribution, all_relations: list[Attribution]) -> bool:
    """True when the source passes on what another source said."""
    if relation.content is None:
        return False
    if any(other is not relation and relation.contains(other.anchor) and other.source for other in all_relations):
        return True
    content = doc[relation.content[0] : relation.content[1]]
    root = content.root
    if root.lemma_.lower() in ("remark", "comment", "statement", "claim", "report", "story", "word") and any(c.dep_ == "poss" for c in root.children):
        return True
    verb = doc[relation.anchor]
    return verb.dep_ in ("acl", "advcl") and verb.head.lemma_.lower() in ("publish", "post", "write", "air", "broadcast", "run", "quote", "cite")


#: The canonical source of what the writer says in the first person.
WRITER = "the writer"
#: Pronouns with which a writer speaks in their own voice ("we" of an outlet's team).
WRITER_PRONOUNS = frozenset({"i", "we"})


def _in_writers_voice(source: Span) -> str | None:
    """Why a source phrase outside quotation marks is the writer's own voice, or None: "I"
    or "we" (rule ``first_person_writer``); "you", the reader addressed, or "most of us",
    people in general (rule ``reader_addressed``)."""
    root = source.root
    if root.lower_ in WRITER_PRONOUNS:
        return f"'{source.text}' outside quotation marks is the writer [rule: first_person_writer]"
    of_us = any(child.lower_ == "of" and any(g.lower_ == "us" for g in child.children) for child in root.children)
    if root.lower_ == "you" or of_us:
        return (f"'{source.text}' outside quotation marks is the reader the writer addresses, or people in general: "
                "no source of its own, so the claim is the writer's [rule: reader_addressed]")  # fmt: skip
    return None


@dataclass(frozen=True)
class SourceLabel:
    """A relation's source as the tables name it."""

    source_type: str
    reason: str
    canonical: str | None


def _never_referred_back(source: Span, ents: tuple[Span, ...]) -> bool:
    """A source a later "he", "they" or "the cardinal" does not refer back to: figures
    that show something, or a title alone with no name (a headline's "Cardinal
    criticises ...": the body names the person, and that name is who the mentions are)."""
    root = source.root
    if root.lemma_.lower() in lexicon_words("context_words", "evidence_noun"):
        return True
    return len(source) == 1 and root.lower_ in role_words() and entity_at(source.doc, root.i, ents) is None


def _closing_name(doc: Doc, relation: Attribution, source: Span, ents: tuple[Span, ...]) -> Span | None:
    """ "Only Fools and Horses star David Jason": a title before the name can make the
    parse's head a word of the title; a full name closing the phrase (the learned
    tagger's fuller one, where it has one) right after a title word is who it is, not
    one after "for" or "and" ("the Tory MP for Sleaford and North Hykeham")."""
    phrase = doc[slice(*relation.shown_source)] if relation.shown_source else source
    return next((e for e in ents if e.label_ == "PERSON" and e.end == phrase.end and len(e) >= 2 and e.start > phrase.start
                 and not e.start <= source.root.i < e.end and doc[e.start - 1].pos_ in ("NOUN", "PROPN")), None)  # fmt: skip


def label_sources(
    text: str, doc: Doc, relations: list[Attribution], *, quotes: list[Quote] = ()
) -> dict[Attribution, SourceLabel]:
    """Source type and canonical name of every relation, in reading order: first what the
    phrase stands for (:mod:`analysis.rules.mentions`: a name in apposition, a news outlet, a
    pronoun or a definite noun phrase referring back), then the type rules on the phrase.
    Last, "I" or "we" inside a direct quotation is its speaker (``quotes``, from
    :func:`analysis.rules.quotes.find_quotes`): rule ``quoted_first_person``; outside any
    quotation, the writer (:data:`WRITER`): rule ``first_person_writer``."""
    labels: dict[Attribution, SourceLabel] = {}
    context = MentionContext.of(doc)
    ents, full_names = context.ents, context.full_names  # read once: both are rebuilt on each call
    for relation in sorted(relations, key=lambda r: r.cue):
        source = doc[relation.source[0] : relation.source[1]] if relation.source else None
        if source is None:
            stype, reason = source_type(doc, None)
            labels[relation] = SourceLabel(stype, reason, None)
            continue
        resolution = resolve(source, context)
        if resolution is not None:
            stype = resolution.source_type or source_type(doc, source, ents=ents)[0]
            label = SourceLabel(stype, resolution.reason, resolution.canonical)
        else:
            stype, reason = source_type(doc, source, ents=ents)
            entity = entity_at(doc, source.root.i, ents)
            closing = _closing_name(doc, relation, source, ents) if stype in ("person", "organization") else None
            if closing is not None and stype == "organization":
                # "Treasury Under Secretary John Taylor": a body's post, then the person who holds it.
                if doc[closing.start - 1].lower_ in role_words():
                    stype, reason = "person", f"named person '{closing.text}' after the post '{doc[closing.start - 1].text}'"
                else:
                    closing = None
            if closing is not None and (entity is None or len(entity) == 1 or stype == "person" and entity.label_ != "PERSON"):
                entity = closing
            if stype == "person":
                canonical = (canonical_name(doc, entity, full_names=full_names)[0] if entity is not None
                             else _full_name(doc, source.text, full_names))  # fmt: skip
            elif stype == "organization" and _body_name(doc, entity, source):
                canonical = canonical_name(doc, entity)[0]  # "the US" and "U.S." are one source
            else:
                canonical = text[source.start_char : source.end_char]
            label = SourceLabel(stype, reason, canonical)
        # The rules' phrase names nobody who speaks ("Argentine Economic Minister", "BBC Scotland's
        # political correspondent"), but the fuller one does.
        inside = {e.label_ for e in ents if source.start <= e.start < source.end}
        unnamed_phrase = "PERSON" not in inside and ("ORG" not in inside or label.source_type in NAMELESS_SOURCE_TYPES)
        # Only where no mention rule resolved the phrase (an apposed name is theirs already).
        named = _name_right_after(doc, relation, ents) if unnamed_phrase and resolution is None else None
        if named is not None:
            # A person's role before the name ("Holyrood leader, Nicola Sturgeon", tagged ORG
            # by the small model) makes the name a person's; else the name's own kind decides.
            person = named.label_ == "PERSON" or source.root.lemma_.lower() in role_words()
            where = ("in the phrase a model trained on PolNeAR marks as the source [rule: learned_name]"
                     if relation.shown_source is not None else "[rule: name_right_after]")
            label = SourceLabel("person" if person else "organization", f"'{source.text}' is {named.text}, named right after it {where}",
                                canonical_name(doc, named, full_names=full_names)[0] if person else canonical_name(doc, named)[0])  # fmt: skip
        if not _never_referred_back(source, ents):
            context.remember(source.root, label.source_type, label.canonical,
                             resolved_by=resolution.rule if resolution is not None else None)  # fmt: skip
        labels[relation] = label
    quoted = quoted_first_person(doc, relations, quotes)
    for relation in relations:
        if relation.source is None or relation in quoted:
            continue
        source = doc[relation.source[0] : relation.source[1]]
        at = source.start_char
        voice = _in_writers_voice(source)
        if voice is not None and not any(q.start <= at < q.end for q in quotes):
            # "We confirmed that ...", "I truly believe ...", "If you are hoping ...":
            # outside quotation marks, the writer (or the outlet's team) speaks; the claim
            # rests on the writer's word.
            labels[relation] = SourceLabel(labels[relation].source_type, voice, WRITER)
    for relation, speaker in quoted.items():
        if speaker in labels:
            said = labels[speaker]
            pronoun = doc[relation.source[0] : relation.source[1]].text
            labels[relation] = SourceLabel(said.source_type, f"'{pronoun}' is the quoted speaker, {said.canonical} "
                                           "[rule: quoted_first_person]", said.canonical)  # fmt: skip
    return labels


def _body_name(doc: Doc, entity: Span | None, source: Span) -> bool:
    """The source's entity names the body it is: a name, and not one the model ran into
    a web address before the source ("pic.twitter.com/4p7SXk7JPW - Digital Foundry")."""
    return entity is not None and entity.label_ in NAME_LABELS and not any(t.like_url for t in doc[entity.start : source.start])


def _name_right_after(doc: Doc, relation: Attribution, ents: tuple[Span, ...]) -> Span | None:
    """A person's or body's name that directly follows the rules' source phrase inside the
    fuller phrase the learned tagger marks ("Spanish teenager Nadal", "media watchdog
    Ofcom", "Argentine Economic Minister, Roberto Lavagna"): the role the rules read is
    that named source. Only a comma may stand between them."""
    if relation.source is None:
        return None
    end = relation.source[1]
    if relation.shown_source is None:
        # Without the tagger's phrase: only a person's name right after a description, no
        # comma between ("Former world number one Juan Carlos Ferrero insists").
        named = next((e for e in ents if e.start == end and e.label_ == "PERSON"), None)
        return named if named is not None and doc[end - 1].pos_ in ("NOUN", "NUM") else None
    while end < relation.shown_source[1] and doc[end].text == ",":
        end += 1
    named = next((e for e in ents if e.start == end and e.end <= relation.shown_source[1]), None)
    return named if named is not None and named.label_ in ("PERSON", "ORG") else None


def quoted_first_person(doc: Doc, relations: list[Attribution], quotes: list[Quote]) -> dict[Attribution, Attribution]:
    """Relations whose source is "I", "we", "me" or "us" inside a direct quotation that
    another relation attributes: that relation, whose source is the speaker ("'I think the
    system is rigged,' Trump said": "I" is Trump)."""
    found = {}
    for relation in relations:
        if relation.source is None or doc[relation.source[0] : relation.source[1]].root.lower_ not in FIRST_PERSON:
            continue
        at = doc[relation.source[0]].idx
        for quote in quotes:
            said = quote.attribution
            if quote.kind == "direct" and quote.start <= at < quote.end and said is not None and said is not relation and said.source:
                found[relation] = said
                break
    return found


def attribution_reason(text: str, relation: Attribution, shown: Span | None, cue: Span, speaker: Span | None) -> str:
    """What linked this source to what it says, in plain words: the pattern
    (``vocabulary.ATTRIBUTION_PATTERN``), this relation's words, and what the learned
    tagger decided, with how sure it was."""
    words = f"'{text[cue.start_char : cue.end_char]}'"
    if shown is not None:
        here = f"Here the reporting words are {words} and who says it is '{text[shown.start_char : shown.end_char]}'."
    else:
        here = f"Here the reporting words are {words}; nobody is named."
    reason = f"{ATTRIBUTION_PATTERN.describe(relation.pattern)} {here}"
    sure = f"{relation.confidence:.0%} sure" if relation.confidence is not None else ""
    if relation.pattern == "learned":
        reason += f" The model is {sure}."
    elif relation.shown_source is not None and speaker is not None:
        reason += (f" The source is shown as the whole phrase, as a model trained on 840 news articles marked by hand "
                   f"(PolNeAR) marks sources ({sure}); the rules read '{text[speaker.start_char : speaker.end_char]}'.")
    return reason


def attribution_table(
    text: str,
    doc: Doc,
    sentences: list[Span],
    relations: list[Attribution],
    quotes: list[Quote],
    *,
    labels: dict[Attribution, SourceLabel] | None = None,
) -> pd.DataFrame:
    """The ``attributions`` table (one row per relation, sorted by cue position).

    ``text`` is the original article text; every span column is an offset into it.
    ``labels`` are the relations' :func:`label_sources` (computed when not given).
    Direct quotes' speakers are set to their attribution's canonical name.
    """
    labels = label_sources(text, doc, relations) if labels is None else labels
    sentence_of = {i: sent_id for sent_id, sent in enumerate(sentences) for i in range(sent.start, sent.end)}
    ents = doc.ents
    rows = []
    for relation, label in labels.items():
        speaker = doc[relation.source[0] : relation.source[1]] if relation.source else None
        # The edges the tables show: the learned tagger's where it moved them.
        shown = relation.shown_source or relation.source
        source = doc[shown[0] : shown[1]] if shown else None
        cue = doc[slice(*(relation.shown_cue or relation.cue))]
        content = doc[relation.content[0] : relation.content[1]] if relation.content else None
        sent_id = sentence_of.get(relation.anchor, 0)
        direct_inside = [q for q in quotes if q.kind == "direct" and q.attribution is relation]
        if not direct_inside or content is None:
            quote_type = "indirect"
        else:
            quoted = sum(q.end - q.start for q in direct_inside)
            quote_type = "direct" if quoted >= 0.6 * (content.end_char - content.start_char) else "mixed"
        anonymous = label.source_type in NAMELESS_SOURCE_TYPES
        rows.append(
            {
                "sent_id": sent_id,
                "source": text[source.start_char : source.end_char] if source is not None else "",
                "source_type": label.source_type,
                "cue": text[cue.start_char : cue.end_char],
                "cue_stance": relation.stance,
                "content": text[content.start_char : content.end_char] if content is not None else "",
                "quote_type": quote_type,
                "source_start": source.start_char if source is not None else None,
                "source_end": source.end_char if source is not None else None,
                "canonical_source": label.canonical,
                "source_type_reason": label.reason,
                "cue_start": cue.start_char,
                "cue_end": cue.end_char,
                "cue_lemma": relation.lemma,
                "content_start": content.start_char if content is not None else None,
                "content_end": content.end_char if content is not None else None,
                "anonymity_reason": _anonymity_reason(doc, sentences[sent_id]) if anonymous and sentences else None,
                "relayed": _relayed(doc, relation, relations),
                "pattern": relation.pattern,
                "speaks_for": speaks_for(doc, speaker, ents=ents),
                "reason": attribution_reason(text, relation, source, cue, speaker),
            }
        )
    for quote in quotes:
        # Quotes name their speaker as the attribution table does: by canonical name.
        if quote.attribution in labels:
            quote.speaker = labels[quote.attribution].canonical or quote.speaker
    return conform("attributions", rows)


class ContentIndex:
    """Which attribution's content holds a span: who a figure or a claim inside reported
    content rests on. Built once per article for many lookups."""

    #: The ``attributions`` columns each looked-up row holds.
    COLUMNS = ("content_start", "content_end", "cue_start", "cue", "cue_stance", "source_type", "canonical_source")

    def __init__(self, attributions: pd.DataFrame):
        # Plain column lists of the columns lookups read, not a filtered frame's to_dict:
        # built for every article of a corpus.
        self.records = [row for row in column_records(attributions, list(self.COLUMNS))
                        if row["content_start"] is not None and row["content_start"] is not pd.NA]  # fmt: skip
        # Narrowest content first, then the earlier cue: the first that holds a span wins.
        self.spans = sorted(
            (int(r["content_end"]) - int(r["content_start"]), int(r["cue_start"]), int(r["content_start"]), int(r["content_end"]), n)
            for n, r in enumerate(self.records)
        )

    def innermost(self, start: int, end: int) -> dict | None:
        """The ``attributions`` row (as a dict of :attr:`COLUMNS`) whose content holds
        ``[start:end]`` most narrowly, or None."""
        for _, _, content_start, content_end, n in self.spans:
            if content_start <= start and end <= content_end:
                return self.records[n]
        return None


def quote_table(text: str, sentences: list[Span], quotes: list[Quote]) -> pd.DataFrame:
    """The ``quotes`` table (``text`` is the original article text)."""
    return quote_columns(text, sentences, quotes).frame()


def quote_columns(text: str, sentences: list[Span], quotes: list[Quote]) -> TableColumns:
    """:func:`quote_table` as columns, before a DataFrame is built."""
    starts = [s.start_char for s in sentences]
    rows = []
    for quote in quotes:
        sent_id = paragraph_index(quote.start, starts)  # the same sorted-starts lookup
        rows.append(
            {
                "sent_id": sent_id,
                "text": text[quote.start : quote.end],
                "start": quote.start,
                "end": quote.end,
                "kind": quote.kind,
                "speaker": quote.speaker,
                "reason": quote.reason,
            }
        )
    return TableColumns.from_rows("quotes", rows)


def _words(text: str) -> int:
    return len(text.split()) if isinstance(text, str) else 0


def source_summary(attributions: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """The ``sources`` view: one row per canonical source.

    Columns: canonical_source, source_type, speaks_for (the first country or place its
    phrase names), attributions (relations credited to it),
    direct_quotes, quoted_words (words inside its direct quotes), paraphrased_words
    (words of its indirect content), first_sent_id, stances (sorted, ';'-joined).
    Rows are sorted by attributions (descending), then first_sent_id, then name.
    """
    columns = ["canonical_source", "source_type", "speaks_for", "attributions", "direct_quotes", "quoted_words",
               "paraphrased_words", "first_sent_id", "stances"]  # fmt: skip
    named = attributions.assign(canonical_source=attributions["canonical_source"].fillna(NOBODY_NAMED))
    rows = []
    for name, group in named.groupby("canonical_source", sort=True):
        said = quotes[(quotes["kind"] == "direct") & (quotes["speaker"] == name)]
        indirect = group[group["quote_type"] == "indirect"]
        rows.append(
            {
                "canonical_source": name,
                "source_type": group["source_type"].mode().sort_values().iloc[0],
                "speaks_for": next((v for v in group["speaks_for"] if isinstance(v, str)), None),
                "attributions": len(group),
                "direct_quotes": len(said),
                "quoted_words": int(sum(_words(t) for t in said["text"])),
                "paraphrased_words": int(sum(_words(t) for t in indirect["content"])),
                "first_sent_id": int(group["sent_id"].min()),
                "stances": ";".join(sorted(set(group["cue_stance"]))),
            }
        )
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["attributions", "first_sent_id", "canonical_source"], ascending=[False, True, True]).reset_index(drop=True)


def claim_shares(sentences: pd.DataFrame) -> pd.DataFrame:
    """Share of body claims resting on each kind of source (``author`` = nobody but the writer).

    Columns: claim_source_type, claims, share. Every type is listed, zero counts included,
    in a fixed order.
    """
    order = list(SOURCE_TYPE)
    body = sentences[sentences["in_body"]]
    counts = body["claim_source_type"].value_counts()
    total = max(len(body), 1)
    return pd.DataFrame(
        {"claim_source_type": order, "claims": [int(counts.get(t, 0)) for t in order], "share": [counts.get(t, 0) / total for t in order]}
    )
