"""Every closed set of labels the tables use, in one place: each label's order, colour
and a plain-English description a 16-year-old can read.

Schema checks, charts, corpus summaries, exercises, the annotated article and the
notebooks all read these sets; nothing else writes a label list out (a test checks).
A :class:`LabelSet` iterates over its names in order::

    >>> from analysis.vocabulary import STATUS
    >>> list(STATUS)
    ['confirmed', 'reported', 'asserted', 'hedged', 'unconfirmed']
    >>> STATUS.describe("hedged")
    'The writer softens it with a word such as "may", "could" or "reportedly".'

Colours are Okabe and Ito's (2008) palette for colour-blind readers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "Label", "LabelSet", "OKABE_ITO", "STATUS", "CLAIM_TYPE", "SOURCE_TYPE", "CLAIM_SOURCE_TYPE", "CUE_KIND", "CUE_STANCE",
    "QUOTE_TYPE", "QUOTE_KIND", "PARAGRAPH_ROLE", "FINDING", "FINDING_CATEGORY", "NUMBER_BOUND", "COUNTED_RULE",
    "DATE_KIND", "COVERAGE_DIFFERENCE", "ENTITY_LABEL", "SPEAKING_ENTITY_LABELS", "SILENT_ENTITY_LABELS", "TOPIC_ENTITY_LABELS", "PLACE_ENTITY_LABELS", "ENTITY_ROLE", "ENTITY_LABEL_RULE", "ATTRIBUTION_PATTERN", "HEDGE_DOMAIN", "ALL", "NOBODY_NAMED", "WEAK_STATUSES", "FIRM_STATUSES", "WEAK_SOURCE_TYPES",
    "IDENTIFIED_SOURCE_TYPES", "NAMELESS_SOURCE_TYPES", "WEAK_STANCES", "HEADLINE_ROLES", "DECIDING_STANCES",
    "BODY_SOURCE_TYPES", "CARD_STATUS_ORDER", "DEFENSIBLE_ANSWERS", "CUE_KIND_BY_STATUS", "ARTICLE_ROLES",
    "STATUS_FIRMNESS", "SOURCE_CHECKABILITY", "SOURCED_STATUSES", "SOURCE_TYPE_IN_WORDS", "WEAK_STANCE_AS_NOUN",
]  # fmt: skip

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "grey": "#999999", "black": "#000000",
}  # fmt: skip


@dataclass(frozen=True)
class Label:
    """One label: its value in the tables, a colour (or None) and what it means."""

    name: str
    description: str
    colour: str | None = None
    group: str | None = None  # a finding's category


@dataclass(frozen=True)
class LabelSet:
    """An ordered, closed set of labels for one column."""

    column: str
    labels: tuple[Label, ...]

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __len__(self) -> int:
        return len(self.labels)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(label.name for label in self.labels)

    @property
    def colours(self) -> dict[str, str]:
        return {label.name: label.colour for label in self.labels if label.colour}

    @property
    def descriptions(self) -> dict[str, str]:
        return {label.name: label.description for label in self.labels}

    def describe(self, name: str) -> str:
        """The plain-English description of ``name`` (KeyError when it is not in the set)."""
        return self.descriptions[name]

    def groups(self) -> dict[str, str]:
        return {label.name: label.group for label in self.labels if label.group}


def _set(column: str, *labels: tuple) -> LabelSet:
    return LabelSet(column, tuple(Label(*label) for label in labels))


STATUS = _set(
    "status",
    ("confirmed", 'A named person, organisation or document confirms it, with a word such as "confirmed", "admitted" or '
     '"acknowledged": stronger than just saying it, though it does not mean anyone checked it.', OKABE_ITO["green"]),
    ("reported", 'Someone the article points to says it ("said", "told", "warned", "claimed") without confirming it: you '
     "know who claims it, not whether it is true.", OKABE_ITO["blue"]),
    ("asserted", "The writer states it without saying where it comes from; stating it as fact does not make it a fact.",
     OKABE_ITO["grey"]),
    ("hedged", 'The writer softens it with a word such as "may", "could" or "reportedly".', OKABE_ITO["orange"]),
    ("unconfirmed", "The article says it is not known or not confirmed, or a source would not say.", OKABE_ITO["vermillion"]),
)
CLAIM_TYPE = _set(
    "claim_type",
    ("event", "Something that happened or is the case."),
    ("prediction", 'Something that will or may happen ("will", "is expected to").'),
    ("conditional", 'Something that holds only if something else does ("if", "unless").'),
    ("evaluation", 'A judgement, such as "it is clear that" or "a major escalation".'),
)
SOURCE_TYPE = _set(
    "source_type",
    ("person", "A person the article names, such as Tony Blair or the spokesman Mark Croucher.", OKABE_ITO["blue"]),
    ("organization", 'A company, council, government, country or other group the article names, speaking itself or '
     'through an unnamed spokesperson ("a Tesco spokeswoman").', OKABE_ITO["sky"]),
    ("document", "A report, letter, filing or statement by a named organisation.", OKABE_ITO["green"]),
    ("anonymous", 'Particular people the reporter spoke to or relies on but keeps secret: "a senior official", "sources".',
     OKABE_ITO["orange"]),
    ("unnamed", "A vague group such as \"critics say\" or \"experts\", with no sign the reporter spoke to anyone.",
     OKABE_ITO["vermillion"]),
    ("media", 'Another outlet or its report, a video or a post: "reports say", "the Herald".', OKABE_ITO["purple"]),
    ("author", "Nobody but the writer: the article gives no source for it.", OKABE_ITO["grey"]),
)
#: The source types an attribution's source can take (the writer is never one).
CLAIM_SOURCE_TYPE = SOURCE_TYPE
CUE_KIND = _set(
    "kind",
    ("hedge", 'A word that makes a claim less certain: "may", "reportedly", "around".'),
    ("booster", 'A word that makes a claim more certain: "clearly", "no doubt".'),
)
CUE_STANCE = _set(
    "cue_stance",
    ("neutral", 'Plain reporting: "said", "told".'),
    ("assertive", 'The source insists: "stressed", "insisted", "announced".'),
    ("confirming", 'The source confirms: "confirmed", "admitted", "acknowledged".'),
    ("distancing", 'A verb that keeps the writer at arm\'s length from it: "claimed", "alleged".'),
    ("non_committal", 'The source will not say either way: "declined to say", "would not confirm".'),
    ("belief", 'A belief or expectation, not a statement of fact: "believes", "thinks", "expects".'),
    ("denying", 'The source denies it: "denied", "rejected".'),
)
QUOTE_TYPE = _set(
    "quote_type",
    ("direct", "The source's own words, in quotation marks."),
    ("indirect", "The source's point in the writer's words."),
    ("mixed", "The writer's words with a few of the source's words quoted."),
)
QUOTE_KIND = _set(
    "kind",
    ("direct", "Someone's own words, in quotation marks."),
    ("scare", "A word or two in quotation marks to keep a distance from them."),
    ("term", 'A name in quotation marks, such as a pact\'s or the title of a film, series or book ("Parasite"): '
     "nobody is quoted."),
)
PARAGRAPH_ROLE = _set(
    "role",
    ("headline", "The title at the top of the article."),
    ("standfirst", "The short summary under the headline."),
    ("subheading", "A short heading between paragraphs of the article."),
    ("body", "The article's own text: every claim it makes is here."),
    ("pull_quote", "A quotation repeated in large type from the article."),
    ("duplicate", "A paragraph that repeats one already in the article."),
    ("related_link", 'A link to another story ("Read more: ...").'),
    ("artifact", "Page furniture: a byline, dateline, credit, advert, button or cookie notice."),
)
FINDING_CATEGORY = _set(
    "category",
    ("provenance", "Who wrote it, who published it, and when."),
    ("time", "Whether a reader can tell when things happened."),
    ("headline", "Whether the headline says more than the article supports."),
)
FINDING = _set(
    "finding",
    ("no_byline", "The article does not say who wrote it.", None, "provenance"),
    ("no_outlet", "The article does not say who published it.", None, "provenance"),
    ("no_dateline", "The article does not say when it was published.", None, "provenance"),
    ("paid_or_promotional", "The page says it is an advert, sponsored, paid for, earns from sales it links to, or is a "
     "press release: someone with an interest made or paid for it.", None, "provenance"),
    ("relative_dates", 'The article says "on Tuesday" or "last week", but not when it was written.', None, "time"),
    ("headline_entity_absent", "The headline names someone or somewhere the article never mentions.", None, "headline"),
    ("headline_place_unsupported", "The headline says where it happened, but the article backs that place only with hedged or poorly sourced sentences.", None,
     "headline"),
    ("headline_flat", "The headline states as fact what the article only hedges or leaves to unnamed or second-hand sources.", None,
     "headline"),
    ("headline_denied", "The article reports that someone named denies what the headline states.", None, "headline"),
    ("headline_number", "The headline's figure differs from the article's figure for the same thing.", None, "headline"),
)
NUMBER_BOUND = _set(
    "bound",
    ("exact", "An exact figure: 350 jobs."),
    ("approx", 'A rough figure: "about 12,000", "thousands".'),
    ("lower", 'A floor: "more than 200", "at least 10".'),
    ("upper", 'A ceiling: "up to $1m", "fewer than 50".'),
)
COUNTED_RULE = _set(
    "counted_rule",
    ("of_phrase", 'What is counted comes after "of": "thousands of troops".'),
    ("modifies_noun", 'The figure is on the noun it counts: "350 jobs".'),
    ("currency", "The figure is a sum of money."),
    ("unit_in_span", 'The unit is part of the figure: "85mph", "12%".'),
    ("elliptical", "What is counted was named just before."),
    ("none", "The text does not say what is counted."),
)
DATE_KIND = _set(
    "kind",
    ("absolute", 'A date a reader can place: "14 March 2024".'),
    ("relative", 'A date that depends on when it was written: "on Tuesday", "last week".'),
    ("duration", 'A length of time: "three months".'),
)
ENTITY_LABEL = _set(
    "label",
    ("PERSON", "A person, named by the article.", OKABE_ITO["blue"]),
    ("GPE", "A country, state or city: a place with a government.", OKABE_ITO["green"]),
    ("LOC", 'Another place: a region, a sea, a mountain, or "the West".', OKABE_ITO["sky"]),
    ("FAC", "A building, airport, road or bridge.", OKABE_ITO["yellow"]),
    ("ORG", "An organisation: a company, party, agency, team or army.", OKABE_ITO["orange"]),
    ("NORP", "A nationality, religious or political group: \"Ukrainian\", \"Muslim\", \"Republicans\".", OKABE_ITO["purple"]),
    ("EVENT", "A named event: a war, a summit, a storm, a match.", OKABE_ITO["vermillion"]),
    ("WORK_OF_ART", "A title of a book, film, song or programme.", OKABE_ITO["grey"]),
    ("LAW", "A named law or treaty.", OKABE_ITO["grey"]),
    ("PRODUCT", "A product: a car, a phone, a weapon.", OKABE_ITO["grey"]),
    ("LANGUAGE", "The name of a language.", OKABE_ITO["grey"]),
)
ENTITY_ROLE = _set(
    "role",
    ("source", "Someone the article cites as saying something."),
    ("mentioned", "Someone or something the article only mentions."),
)
ENTITY_LABEL_RULE = _set(
    "label_rule",
    ("model", "The language model's own label."),
    ("possessive", "The name without its possessive 's."),
    ("title_before_name", 'A title such as "President" shows a person follows.'),
    ("kind_noun", 'A noun after the name says what it is: "Grand Prix sedans" are products.'),
    ("kind_before_name", 'A noun before the name says it is a body: "budget airline Ryanair", "security firm Sophos".'),
    ("opening_word", 'Never set: a capitalised first word before a kind of body and its name ("Budget airline Ryanair") is dropped, not labelled.'),
    ("product_list", "A list of models after their maker's name: products."),
    ("news_outlet", "A newspaper, broadcaster or programme from the outlet list."),
    ("age", 'An age after a name ("John Houston, 54,"), not a date.'),
    ("pronoun_antecedent", 'A name that "he" or "she" refers back to is a person.'),
    ("party_name", 'A political party from the party list ("Labour", "the Liberal Democrats"): an organisation.'),
    ("known_surname", "The surname of a person named in full elsewhere in the article."),
    ("place_list", "A country, region or capital from the place list."),
    ("demonym_list", 'A nationality word from the list: "French", "Korean".'),
    ("initials_of_name", 'The initials of a name the article gives in full: "Bat" for British American Tobacco.'),
    ("same_text", "The same words labelled elsewhere in the article."),
    ("description", 'A description such as "the Russian leader" of one person the article names.'),
)
COVERAGE_DIFFERENCE = _set(
    "difference",
    ("fact_vs_attributed", "One outlet states as fact what another reports as someone's claim or softens."),
    ("surer_vs_hedged", "One outlet is surer of the same claim than another (confirmed or stated, against hedged or left open)."),
    ("named_vs_nameless", "One outlet rests the same claim on a named source, another on a source without a name."),
    ("source_differs", "The outlets credit the same claim to different sources."),
    ("number_differs", "The outlets give different figures for the same thing."),
    ("rough_vs_exact", "One outlet gives a figure as exact, another as rough (\"about\", \"thousands\")."),
    ("source_only_here", "A source only one outlet quotes or cites."),
    ("claim_only_here", "A claim only one outlet makes."),
    ("headline_surer", "A headline sounds surer than its own article, or than the other outlets' articles."),
)
ATTRIBUTION_PATTERN = _set(
    "pattern",
    ("subject_verb", "The reporting verb's subject is who says it (\"the minister said that ...\")."),
    ("passive_agent", "The verb is passive; who says it follows \"by\" (\"it was confirmed by the police\")."),
    ("participle", "A reporting word ending in -ing takes the speaker of the clause it hangs from (\"..., adding that ...\")."),
    ("according_to", 'The words "according to" name who says it.'),
    ("that_according_to", 'A short sentence of its own, "That\'s according to X", names who says the sentence before it '
     '("Teens love AirPods. That\'s according to a new survey").'),
    ("quoted_as", "Someone else passes the words on; the one they quote said them (\"Reuters quoted the minister as saying ...\")."),
    ("impersonal", "The verb names nobody who says it (\"it is believed that ...\")."),
    ("parenthetical", 'The speaker and the verb interrupt or follow the words they report (\'"...," she said\').'),
    ("colon", "The speaker and the verb introduce the words after a colon."),
    ("as_reported", 'An "as" clause names who reports the sentence it belongs to ("As the BBC reported, the talks collapsed").'),
    ("announced_by", "The claim rests on a plan or publication; who made it follows \"by\" (\"plans unveiled by the council\")."),
    ("introduced", "The speaker and the verb end their sentence and introduce the quotation that follows."),
    ("nominal", "A report or document says what follows \"that\" (\"reports that ...\")."),
    ("learned", "A model trained on 840 news articles that people marked by hand (PolNeAR) found the reporting word and "
     "who says it, where the sentence's grammar gives no speaker."),
    ("embedded_post", "A post from another site shown in the article, such as a tweet; who posted it signs it at its end "
     "(\"— Rep. Ilhan Omar (@Ilhan) November 19, 2019\")."),
    ("interview_answer", "An answer in an interview printed as questions and answers (\"Q: ... A: ...\"); it is the words of "
     "the person interviewed, whom the headline or the introduction names."),
    ("transcript_turn", "A turn in a transcript, labelled with its speaker's name in capitals (\"FALLIN: I think ...\"); "
     "it is the words of the person the label names."),
)
HEDGE_DOMAIN = _set(
    "hedge_domain",
    ("news", "The hedge words of news writing."),
    ("bio", "News words plus those of scientific papers in biology and medicine."),
    ("wiki", 'News words plus the vague words of encyclopaedia writing ("some", "many").'),
)

#: Every label set, keyed by (table, column) for the schema's checks.
ALL: dict[tuple[str, str], LabelSet] = {
    ("paragraphs", "role"): PARAGRAPH_ROLE,
    ("sentences", "status"): STATUS,
    ("sentences", "claim_type"): CLAIM_TYPE,
    ("sentences", "claim_source_type"): SOURCE_TYPE,
    ("cues", "kind"): CUE_KIND,
    ("attributions", "source_type"): LabelSet("source_type", tuple(label for label in SOURCE_TYPE.labels if label.name != "author")),
    ("attributions", "cue_stance"): CUE_STANCE,
    ("attributions", "quote_type"): QUOTE_TYPE,
    ("attributions", "pattern"): ATTRIBUTION_PATTERN,
    ("quotes", "kind"): QUOTE_KIND,
    ("numbers", "bound"): NUMBER_BOUND,
    ("numbers", "counted_rule"): COUNTED_RULE,
    ("numbers", "source_type"): SOURCE_TYPE,
    ("dates", "kind"): DATE_KIND,
    ("findings", "category"): FINDING_CATEGORY,
    ("findings", "finding"): FINDING,
    ("entities", "role"): ENTITY_ROLE,
    ("entities", "label_rule"): ENTITY_LABEL_RULE,
}


def _group(labels: set[str], vocabulary) -> frozenset[str]:
    """A group of a vocabulary's labels; a label the vocabulary lacks (a misspelling) is
    an error when the package is imported, never a label silently left out."""
    unknown = set(labels) - set(vocabulary)
    if unknown:
        raise ValueError(f"labels not in the vocabulary: {sorted(unknown)}")
    return frozenset(labels)


#: The ``claim_source`` of a claim its sentence reports from no one named ("it is
#: alleged that ...", a quotation with no speaker).
NOBODY_NAMED = "nobody named"
#: Words that stand for a source without naming it ("they said"): no list a reader sees
#: shows one alone.
BARE_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "this", "that"})

# Groups the rules reason with, named once.
#: Statuses that leave a claim weak: softened, or left open.
WEAK_STATUSES = _group({"hedged", "unconfirmed"}, STATUS)
#: Statuses that put a claim firmly: stated as fact, or confirmed by its source.
FIRM_STATUSES = _group({"asserted", "confirmed"}, STATUS)
#: Sources a reader cannot hold to account by name.
WEAK_SOURCE_TYPES = _group({"anonymous", "unnamed", "media"}, SOURCE_TYPE)
#: Sources a reader can hold to account: who confirms, who denies.
IDENTIFIED_SOURCE_TYPES = _group({"person", "organization", "document"}, SOURCE_TYPE)
#: Sources that withhold a name (one person or a group).
NAMELESS_SOURCE_TYPES = _group({"anonymous", "unnamed"}, SOURCE_TYPE)
#: Statuses that rest on a source (someone confirms, says, or will not say), not on the writer.
SOURCED_STATUSES = frozenset({"confirmed", "reported", "unconfirmed"})
#: Each source type in a few plain words, for lines that set two sources side by side.
SOURCE_TYPE_IN_WORDS: dict[str, str] = {
    "person": "a named person", "organization": "a named organisation", "document": "a document",
    "anonymous": "a source kept secret", "unnamed": "an unnamed group", "media": "a news outlet or its report",
    "author": "the writer alone",
}  # fmt: skip
#: What a weak stance makes of a claim, as a noun phrase ("only as a claim of ...").
WEAK_STANCE_AS_NOUN: dict[str, str] = {
    "distancing": "a claim", "belief": "a belief or expectation", "non_committal": "what will not be confirmed",
    "denying": "what is denied",
}  # fmt: skip
if not set(WEAK_STANCE_AS_NOUN) <= frozenset(CUE_STANCE):
    raise ValueError("WEAK_STANCE_AS_NOUN must use the labels of CUE_STANCE")
if not SOURCED_STATUSES <= frozenset(STATUS) or set(SOURCE_TYPE_IN_WORDS) != set(SOURCE_TYPE):
    raise ValueError("SOURCED_STATUSES and SOURCE_TYPE_IN_WORDS must use the labels of STATUS and SOURCE_TYPE")
#: Stances that keep a claim at a distance.
WEAK_STANCES = _group({"distancing", "non_committal", "belief", "denying"}, CUE_STANCE)
#: Stances that decide a claim's status ("confirmed", "refused to confirm", "claimed", "denied").
DECIDING_STANCES = _group({"confirming", "non_committal", "distancing", "denying"}, CUE_STANCE)
#: Sources that are bodies rather than people: what "it said" can refer to.
BODY_SOURCE_TYPES = _group({"organization", "media", "document"}, SOURCE_TYPE)
#: The order in which a set of claim cards covers statuses: the rarest first, so that a
#: short set still shows a confirmation or an open question when the article has one.
CARD_STATUS_ORDER = ("confirmed", "unconfirmed", "hedged", "reported", "asserted")
#: Entity kinds that can speak as a source: people and bodies ("the US said", "Ukrainians say").
SPEAKING_ENTITY_LABELS = _group({"PERSON", "ORG", "GPE", "NORP", "FAC"}, ENTITY_LABEL)
#: Entity kinds that never speak: a work, product, event, law or language.
SILENT_ENTITY_LABELS = _group({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"}, ENTITY_LABEL)
#: Entity kinds a headline's topic is found by (names a reader would look for in the body).
TOPIC_ENTITY_LABELS = _group({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT"}, ENTITY_LABEL)
#: Entity kinds that are places.
PLACE_ENTITY_LABELS = _group({"GPE", "LOC", "FAC"}, ENTITY_LABEL)
#: Paragraph roles a headline check compares with the body.
HEADLINE_ROLES = _group({"headline", "standfirst"}, PARAGRAPH_ROLE)

#: Answers an exercise accepts beside the key's own, as (field, the key's answer, the
#: student's answer) -> the reason a teacher would give. One way only: "reported" is
#: accepted for a claim a named source confirmed (confirming is also saying it), but
#: "confirmed" is not accepted for a claim someone only reported.
DEFENSIBLE_ANSWERS: dict[tuple[str, str, str], str] = {
    ("status", "confirmed", "reported"): "a named source who confirms something is also saying it",
    ("status", "unconfirmed", "hedged"): "an article that says nobody will confirm it also leaves it uncertain",
    ("source_type", "unnamed", "anonymous"): "both keep the source's name from you",
    ("source_type", "anonymous", "unnamed"): "both keep the source's name from you",
    ("source_type", "document", "organization"): "a statement or report speaks for the organisation behind it",
    ("source_type", "media", "document"): "a report whose outlet the article does not name may be a news report or a document",
    ("source_type", "media", "organization"): "a news outlet is an organisation too",
}

#: What an exercise asks students to find as a claim's cue words, for each status, in
#: the words of the worksheet's definitions.
CUE_KIND_BY_STATUS: dict[str, str] = {
    "confirmed": "the reporting verb",
    "reported": "the reporting verb",
    "asserted": "the words that make it sound sure",
    "hedged": "the hedge",
    "unconfirmed": "the words that leave it open",
}

#: Paragraph roles a reader sees as the article itself (an exercise's numbered text):
#: duplicates, pull quotes, links and page furniture are left out.
ARTICLE_ROLES = _group({"headline", "standfirst", "subheading", "body"}, PARAGRAPH_ROLE)

#: How firmly an outlet puts a claim, for comparing two outlets' versions of it: stated
#: or confirmed, then told as someone's claim, then softened or left open.
STATUS_FIRMNESS: dict[str, int] = {"asserted": 3, "confirmed": 3, "reported": 2, "hedged": 1, "unconfirmed": 1}
#: How far a reader can check whom a claim rests on: a named person, body or document,
#: then a source without a name or another outlet, then nobody (the writer alone).
SOURCE_CHECKABILITY: dict[str, int] = {"person": 2, "organization": 2, "document": 2, "anonymous": 1, "unnamed": 1,
                                       "media": 1, "author": 0}  # fmt: skip
