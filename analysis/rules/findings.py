"""What a careful reader would question: missing provenance, unplaceable dates, and a
headline that claims more than its body.

What it extracts: the ``findings`` table, one row per finding, each with its
``category``, a ``finding`` code, a plain-language ``detail``, the evidence sentences
(``sent_ids`` and ``evidence``) and the ``rule`` that fired. No finding means the check
passed; :data:`CHECKS` lists every check, so a report can say what was looked for.

Provenance (the first questions of every source-criticism checklist: who wrote it, who
published it, when):

- ``no_byline``: no author in the page metadata and no "By ..." line near the top.
- ``no_outlet``: no site name in the page metadata and no wire credit ("(Reuters)") or
  copyright line in the text.
- ``no_dateline``: no publication date in the page metadata, no dateline ("LONDON
  (Reuters) -") and no date with a year in the opening paragraphs.
- ``paid_or_promotional``: the page says it is an advert ("#ad"), sponsored, paid for,
  earns from sales it links to, or is a press release, anywhere in its text, page
  furniture included (``lexicons/disclosures.csv``).
- ``relative_dates``: no dateline, and the body leans on relative dates ("on
  Wednesday", "this week") that a reader therefore cannot place.

Headline against body (each headline and standfirst sentence against the body
sentences on the same topic: sharing a named entity and a content noun with it):

- ``headline_entity_absent``: the headline names someone or somewhere the body never does.
- ``headline_place_unsupported`` (:data:`PLACE_RULES`): the headline puts its topic in a
  place, and the body links the topic to that place only in weak sentences (hedged,
  unconfirmed, or attributed to media, anonymous or unnamed sources, or with a
  distancing or non-committal cue) while its firm sentences on the topic, if any, name
  other places; or the body names the headline's place only in what is hedged, kept
  secret or another outlet's report.
- ``headline_flat`` (:data:`FLAT_RULES`): the headline has no hedge ("may", "set to"),
  no quotation marks, no attribution, no verb of speech ("hails") and no noun that
  reports a claim ("threat", "row") (``lexicons/headline_reporting.csv``), and either
  the lead (a news story's first sentence restates its headline) gives the headline's
  claim words only on the word of another outlet, an unnamed or secret source, as a
  claim, belief or forecast, or under a hedge, and no other body sentence states them
  firmly; or every body sentence on its topic is weak. A lead in which the party the
  headline is about speaks (a firm announcing its own cuts, "its authors", a spokesman),
  a record ("official figures", "a report shows"), a ruling, a denial or a request ("are
  asking Clinton to repudiate" backs "Clinton under pressure to repudiate") answers the
  headline.
- ``headline_denied``: the body reports that someone named denies what the headline
  states ("Hollis Bank has denied that any job cuts are planned").
- ``headline_number``: the headline's figure for something ("500 jobs", "15%") differs
  from every figure the body gives for the same thing.

A headline in title case ("Omar Mateen Worked With Department Of Homeland Security
Contractor") is read again in sentence case with the article's own pipeline: the tagger
takes every capitalised word for a name, so its verbs and nouns would go unseen and runs of
capitals would pass for names ("U.S. Flexes Muscles As"). A word keeps its capital when the
body writes it so.

A name is in the body however the body writes it: "Fed" for "Federal Reserve", "MS"
for "multiple sclerosis", "Worldcom" for "WorldCom", "Korean" for "South Korea", a
surname for a full name, a word the model took for a name ("Tsunami") in lower case.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from spacy.tokens import Doc, Span

from analysis.rules.entities import PLACE_LABELS, listed_place
from analysis.lexicon import load_lexicon
from analysis.schema import TableColumns, column_records
from analysis.rules.attribution import source_noun_categories
from analysis.rules.phrases import title_case
from analysis.rules.sources import ContentIndex
from analysis.vocabulary import (
    FINDING, HEADLINE_ROLES, IDENTIFIED_SOURCE_TYPES, NOBODY_NAMED, SOURCE_TYPE_IN_WORDS, TOPIC_ENTITY_LABELS, WEAK_SOURCE_TYPES, WEAK_STANCE_AS_NOUN, WEAK_STANCES,
    WEAK_STATUSES,
)

__all__ = ["CHECKS", "provenance_findings", "headline_findings", "findings_table", "finding_columns"]

#: Every check (finding code -> category), in order: :data:`analysis.vocabulary.FINDING`.
CHECKS = FINDING.groups()
WEAK_SOURCES = WEAK_SOURCE_TYPES
#: Sources whose denial of the headline is a finding: someone a reader can hold to it.
IDENTIFIED = IDENTIFIED_SOURCE_TYPES
#: Verbs that deny a fact; "rejected" and "dismissed" more often turn down a proposal
#: ("the Tories dismissed the plan") than deny that it exists.
DENIAL_LEMMAS = frozenset({"deny", "refute", "contradict"})
#: Nouns with which a headline reports a claim rather than making it ("... claim denied").
CLAIM_NOUNS = frozenset(load_lexicon("headline_reporting").query("pos == 'noun'")["word"])
#: How many paragraphs from the top a byline or dateline may sit in.
TOP_PARAGRAPHS = 6

BYLINE = re.compile(r"^\s*(?:By|BY|Written by|Words by|Reporting by|Author:?)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\b")
WIRE_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'-]{2,40}(?:\([A-Za-z .]+\))?\s*[-–—]")
WIRE_CREDIT = re.compile(r"\((?:Reuters|AP|AFP|Bloomberg|PA|UPI|dpa|Xinhua|CNN|BBC)\)")
COPYRIGHT = re.compile(r"(?:©|\(c\)|Copyright)\s*(?:\d{4}\s*)?[A-Z][\w&.' -]{2,60}", re.I)
PUBLISHED = re.compile(r"\b(?:Published|Updated|Posted|First published)\b", re.I)


def _row(finding: str, detail: str, sent_ids: list[int], evidence: str, rule: str) -> dict:
    return {
        "category": CHECKS[finding],
        "finding": finding,
        "detail": detail,
        "sent_ids": sent_ids,
        "evidence": evidence,
        "rule": rule,
    }


@lru_cache(maxsize=1)
def _disclosure_rules() -> list[tuple[re.Pattern, str]]:
    # The notes' example in brackets stays in the lexicon; the finding says what it means.
    return [(re.compile(row.pattern, re.I | re.M), re.sub(r"\s*\(.*\)$", "", row.notes))
            for row in load_lexicon("disclosures").itertuples(index=False)]


def _disclosures(paragraphs: pd.DataFrame) -> list[tuple[str, str]]:
    """Lines of the page that say it is paid for or promotional, with what each says (one
    line per kind), as (the words around the match, what it means)."""
    found: dict[str, tuple[str, str]] = {}
    for text in paragraphs["text"].tolist():
        for regex, what in _disclosure_rules():
            match = regex.search(text)
            if match and what not in found:
                start, end = max(0, match.start() - 40), min(len(text), match.end() + 40)
                # Whole words only: widen to the word boundaries on both sides.
                while start > 0 and not text[start - 1].isspace():
                    start -= 1
                while end < len(text) and not text[end].isspace():
                    end += 1
                words = " ".join(text[start:end].split())
                found[what] = (("..." if start else "") + words + ("..." if end < len(text) else ""), what)
    return list(found.values())


def wire_credit(paragraphs: list[str]) -> str | None:
    """The news agency a wire dateline credits ("SANTA FE, N.M. (AP) \u2014 A cat ..."): the
    story is the agency's, though no writer is named. None without one."""
    for text in paragraphs:
        if WIRE_DATELINE.match(text) and (credit := WIRE_CREDIT.search(text[:80])) is not None:
            return credit.group(0).strip("()")
    return None


def provenance_findings(paragraphs: pd.DataFrame, dates: pd.DataFrame, metadata: dict) -> list[dict]:
    """Missing byline, outlet and dateline, and relative dates nobody can place.

    Args:
        paragraphs: The ``paragraphs`` table.
        dates: The ``dates`` table.
        metadata: Page metadata from ingest (``author``, ``date``, ``sitename``,
            ``byline_shown`` when the input was an HTML page).
    """
    top = paragraphs["text"].head(TOP_PARAGRAPHS).tolist()
    whole = "\n".join(paragraphs["text"].tolist())
    rows = []
    # A saved page's own "By ..." line (metadata byline_shown) is a byline the reader sees.
    if not metadata.get("author") and not metadata.get("byline_shown") and not any(BYLINE.match(p) for p in top) \
            and wire_credit(top) is None:
        rows.append(_row("no_byline", "No byline: the text does not say who wrote it.", [], "",
                         "no author in page metadata; no 'By ...' line on the page or in the first paragraphs"))  # fmt: skip
    if not metadata.get("sitename") and not WIRE_CREDIT.search(whole) and not COPYRIGHT.search(whole):
        rows.append(_row("no_outlet", "No outlet: the text does not say who published it.", [], "",
                         "no site name in page metadata; no wire credit or copyright line"))  # fmt: skip
    disclosed = _disclosures(paragraphs)
    if disclosed:
        lines = "; ".join(f"\u201c{line}\u201d ({what})" for line, what in disclosed[:3])
        rows.append(_row("paid_or_promotional", f"The page says it is paid for or promotional: {lines}.", [], " | ".join(line for line, _ in disclosed),
                         "a disclosure on the page (lexicons/disclosures.csv)"))  # fmt: skip
    date_rows = column_records(dates, ["sent_id", "text", "start", "end", "kind", "in_body"])
    date_spans = [(d["start"], d["end"]) for d in date_rows if d["kind"] == "absolute"]
    top_spans = zip(top, paragraphs["start"].head(TOP_PARAGRAPHS).tolist(), paragraphs["end"].head(TOP_PARAGRAPHS).tolist())
    dated_top = any(
        any(start <= s and e <= end for s, e in date_spans) and (len(para.split()) <= 12 or PUBLISHED.search(para))
        for para, start, end in top_spans
    )
    dateline = bool(metadata.get("date")) or dated_top or any(WIRE_DATELINE.match(p) for p in top)
    if not dateline:
        rows.append(_row("no_dateline", "No dateline: the text does not say when it was written or published.", [], "",
                         "no date in page metadata; no dateline or dated line in the first paragraphs"))  # fmt: skip
        relative = [d for d in date_rows if d["in_body"] and d["kind"] == "relative"]
        if relative:
            different = list(dict.fromkeys(d["text"] for d in relative))
            listed = "; ".join(f"'{t}'" for t in different)
            counted = (f"{len(relative)} relative dates ({len(different)} different)" if len(different) != len(relative)
                       else f"{len(relative)} relative date{'s' if len(relative) != 1 else ''}")  # fmt: skip
            # "the top 10 gadgets for 2004": a year the text names may place "this Christmas".
            years = list(dict.fromkeys(y for d in date_rows if d["kind"] == "absolute" for y in re.findall(r"\b(?:1[89]|20)\d\d\b", str(d["text"]))))
            shown = " and ".join(years[:3]) if len(years) <= 2 else ", ".join(years[:2]) + " and " + years[2]
            them = "some of them" if len(relative) > 1 else "it"
            named = f" The text names {shown}, which may place {them}." if years else ""
            rows.append(
                _row(
                    "relative_dates",
                    f"{counted} in the body cannot be placed without a dateline: {listed}.{named}",
                    sorted(set(int(d["sent_id"]) for d in relative)),
                    listed,
                    "no dateline, and relative date expressions in body sentences",
                )
            )
    return rows


@dataclass
class _Support:
    sent_id: int
    weak: bool
    reason: str
    places: set[str]


def _firmness(start: int, end: int, sent: dict, contents: ContentIndex) -> tuple[bool, str]:
    """Is the claim at ``[start:end]`` weak, and why: its innermost attribution's source
    and stance, else its sentence's status."""
    best = contents.innermost(start, end)
    if best is not None:
        who = best["canonical_source"] if isinstance(best["canonical_source"], str) else NOBODY_NAMED
        if best["source_type"] in WEAK_SOURCES:
            return True, f"attributed to {best['source_type']} source '{who}' ('{best['cue']}')"
        if best["cue_stance"] in WEAK_STANCES:
            return True, f"'{who}' {best['cue']} ({best['cue_stance']})"
        return False, f"{best['cue']} by {best['source_type']} source '{who}'"
    status = sent["status"]
    if status in WEAK_STATUSES:
        return True, f"{status}: {sent['status_reason']}"
    if sent["claim_source_type"] in WEAK_SOURCES:
        return True, f"{status} by {sent['claim_source_type']} source '{sent['claim_source']}'"
    return False, f"{status}: {sent['status_reason']}"


#: How many body claims open a story: a news story's headline restates its opening.
OPENING_CLAIMS = 3
#: A flat headline is a finding when at least this many body sentences on its topic are
#: all weak (or the whole body is): one weak sentence among firm ones is too thin to
#: say the body only half-supports it.
MIN_WEAK_SUPPORT = 2


def _opening_is_weak(head_lemmas: set[str], row_of: dict[int, dict], sentences: list, support: list) -> bool:
    """Whether the story's opening claims on the headline's subject are all weak: of the
    first :data:`OPENING_CLAIMS` body claims, those sharing a content word with the
    headline (else the first alone). A firm opening ("General Motors is recalling ...,
    the NHTSA said") states what the headline says."""
    opening = sorted(row_of)[:OPENING_CLAIMS]
    if not opening:
        return True
    # The lead, and the next claims that share two of the headline's words (one shared
    # word, "engine", is background: "The factory has built engines since 1964").
    on_topic = opening[:1] + [i for i in opening[1:] if len(head_lemmas & _content_lemmas(sentences[i])) >= 2]
    weak_support = {s.sent_id for s in support if s.weak}
    return all(_sentence_is_weak(row_of[i]) or i in weak_support for i in on_topic)


def _sentence_is_weak(sent: dict) -> bool:
    """A sentence is weak when hedged or unconfirmed, or resting on a weak source."""
    return sent["status"] in WEAK_STATUSES or sent["claim_source_type"] in WEAK_SOURCES


def _same_place(a: str, b: str) -> bool:
    """ "Guantanamo" and "Guantanamo Bay" are one place for this check."""
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def _inside_source(start: int, end: int, source_spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in source_spans)


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: Words that never make two names the same ("the", "of", "new"...).
_NAME_FILLERS = frozenset({"the", "of", "and", "for", "in", "on", "at", "a", "an", "to", "new"})
#: Relative difference under which two figures are the same figure told twice
#: ("about 12,000" and "12,500"); "500" against "350" is not.
SAME_FIGURE = 0.1


@lru_cache(maxsize=1)
def _demonym_places() -> dict[str, str]:
    table = load_lexicon("demonyms")
    return {_stem(d.lower()): p for d, p in zip(table["demonym"], table["place"])}


@lru_cache(maxsize=1)
def _place_demonyms() -> dict[str, set[str]]:
    table = load_lexicon("demonyms")
    found: dict[str, set[str]] = {}
    for demonym, place in zip(table["demonym"], table["place"]):
        found.setdefault(_stem(place.lower()), set()).add(_stem(demonym.lower()))
    return found


def _stem(word: str) -> str:
    """A plural's singular, roughly: "Tories" and "Tory", "Blackberries" and "Blackberry",
    "Italians" and "Italian" compare equal."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    return [_stem(w.lower().removesuffix("'s").removesuffix("’s")) for w in _WORD.findall(text)]


def _in_body(name: str, body_words: set[str], body_text: str, body_sequence: list[str]) -> bool:
    """Whether the body mentions ``name`` in any form a reader would recognise: one of
    its words (any case, plural or possessive), its place for a demonym and a demonym
    for its place ("Italians": "Italy"; "Mexico": "Mexican"), its initials ("MS":
    "multiple sclerosis"), or a longer word it shortens ("Fed": "Federal")."""
    words = [w for w in _words(name) if w not in _NAME_FILLERS]
    if any(w in body_words for w in words if len(w) >= 3 or w.isdigit()):
        return True
    if name.strip().isupper() and re.search(rf"(?<!\w){re.escape(name.strip())}(?!\w)", body_text):
        return True  # "US", "UN", "EU": short capitals, written the same in the body
    demonyms = _demonym_places()
    if any(w in demonyms and set(_words(demonyms[w])) & body_words for w in words):
        return True
    if _place_demonyms().get(" ".join(words), set()) & body_words:
        return True
    if any(w.endswith("an") and len(w) > 5 and w[:-1] in body_words for w in words):
        return True  # "Korean": "(South) Korea", "American": "America", beyond the demonym list
    letters = "".join(words) if len(words) == 1 or all(len(w) == 1 for w in words) else ""
    if 2 <= len(letters) <= 6 and letters.isalpha() and name.replace("&", "").strip().isupper():
        # Initials of consecutive words ("MS": "multiple sclerosis", "J&J": "Johnson &
        # Johnson") or the capitals of one word ("GSK": "GlaxoSmithKline").
        sequence = [w for w in body_sequence if w not in _NAME_FILLERS]
        if letters in "".join(w[0] for w in sequence):
            return True
        if any(len(word) > len(letters) and "".join(c for c in word if c.isupper()).lower() == letters
               for word in _WORD.findall(body_text)):  # fmt: skip
            return True
    if len(words) == 1 and len(words[0]) >= 3:
        word = words[0]
        if any(w.startswith(word) and len(w) > len(word) + 2 for w in body_words):
            return True  # "Fed": "Federal"
        if any(w.startswith(word[:-1]) and w.endswith("an") and len(w) > len(word) for w in body_words):
            return True  # "Europe": "European", "India": "Indian"
        return _blend_of(word, body_sequence)
    return False


def _blend_of(word: str, sequence: list[str]) -> bool:
    """Whether ``word`` joins the beginnings of two consecutive words of ``sequence``
    ("Amex": "American Express", "Interpol": "International Police")."""
    for first, second in zip(sequence, sequence[1:]):
        for cut in range(2, len(word) - 1):
            if first.startswith(word[:cut]) and second.startswith(word[cut:]) and len(first) > cut:
                return True
    return False


@lru_cache(maxsize=1)
def _one_word_titles() -> frozenset[str]:
    return frozenset(t.lower() for t in load_lexicon("titles")["title"] if " " not in t)


def _checkable_name(surface: str, canonical: str, before: str) -> bool:
    """Whether a headline name is one whose absence from the body means something: a
    name of two words or more ("Harbour Watch", "Hebden Bridge"), a single name after a
    title ("Mayor Patel"), or a country ("France", "UK"). A headline's other single
    words are too often a nickname ("Reds", "Spurs"), a metonym ("Hollywood", "Labour")
    or a common word the model took for a name ("Standoff") for their absence to say
    anything; a fixture ("Ireland v USA") is two names, not one."""
    words = [w for w in surface.split() if w[:1].isalnum()]
    if " v " in f" {surface} " or " vs " in f" {surface} ":
        return False
    if len(words) >= 2:
        return True
    previous = before.split()[-1:] if before.split() else []
    if previous and previous[0].lower().strip(".") in _one_word_titles():
        return True
    place = listed_place(canonical) or listed_place(surface)
    return place is not None and place[2] in ("country", "country_alias")


def _content_lemmas(span) -> set[str]:
    return {t.lemma_.lower() for t in span if t.pos_ in ("NOUN", "VERB", "PROPN", "NUM") and not t.is_stop}


def same_figure(a: float, b: float) -> bool:
    """Two figures for the same thing, as one sentence and another round them (within :data:`SAME_FIGURE`)."""
    return a == b or abs(a - b) <= SAME_FIGURE * max(abs(a), abs(b))


_MONEY = re.compile(r"[$£€¥]|\d\s*(?:m|bn|k)\b|million|billion|trillion", re.I)
MONEY_UNITS = frozenset({"dollars", "pounds", "euros", "yen", "yuan", "rupees"})


def _is_money(number: dict) -> bool:
    return number["unit"] in MONEY_UNITS or number["counted"] in MONEY_UNITS or bool(_MONEY.search(str(number["text"])))


def _number_findings(head_id: int, head_text: str, numbers: list[dict]) -> list[dict]:
    """``headline_number``: a headline figure that no body figure for the same thing matches."""
    rows = []
    in_head = [n for n in numbers if n["sent_id"] == head_id]
    body = [n for n in numbers if n["in_body"]]
    for figure in in_head:
        thing = figure["counted"] or (figure["unit"] if figure["unit"] == "percent" else None)
        if thing is None or figure["value"] is None or _is_money(figure):
            continue  # sums of money are written too many ways ("$1.8bn", "£350m", "194m") to compare
        same_thing = [n for n in body if (n["counted"] or (n["unit"] if n["unit"] == "percent" else None)) == thing
                      and n["value"] is not None and not _is_money(n)]  # fmt: skip
        if str(figure["text"]).strip().isalpha():
            continue  # "Half of UK's mobiles": a share in words, not a figure to check
        # The same value anywhere in the body is the headline's figure told again, whatever
        # the body calls it ("2,850 staff" in the headline, "2,850 jobs" in the body).
        if not same_thing or any(same_figure(float(figure["value"]), float(n["value"])) for n in same_thing) or any(
                n["value"] is not None and float(n["value"]) == float(figure["value"]) for n in body):  # fmt: skip
            continue
        first = same_thing[0]
        what = "per cent" if thing == "percent" else thing
        rows.append(_row("headline_number",
                         f"The headline says {figure['text']} {'' if thing == 'percent' else what}".rstrip()
                         + f"; the body gives {', '.join(n['text'] for n in same_thing[:3])} for {what}.",
                         [head_id, int(first["sent_id"])], f"[{head_id}] {head_text} | [{int(first['sent_id'])}] {first['text']}",
                         "a headline figure with no equal among the body's figures for the same thing"))  # fmt: skip
    return rows


@dataclass
class _Body:
    """What every headline check reads of the article, computed once."""

    sentences: list[Span]
    row_of: dict[int, dict]  # body sentences with a status, by sent_id
    named_in: dict[int, list[dict]]  # named-entity mentions by sent_id
    body_names: set[str]
    body_text: str
    body_sequence: list[str]
    body_words: set[str]
    source_spans: list[tuple[int, int]]
    hedged_sents: set[int]
    hedge_starts: dict[int, tuple[str, str]]  # each hedge cue's (cue, category) by where it starts
    attributed_sents: set[int]
    contents: ContentIndex
    denials: list[dict]
    numbers: list[dict]


@dataclass
class _Headline:
    """One headline or standfirst sentence and the body claims on its topic."""

    sent_id: int
    text: str
    lemmas: set[str]  # its content words
    common: set[str]  # its nouns and verbs
    holds_back: bool  # hedged, quoted or attributed already
    mentions: list[dict]
    places: set[str]
    topic: set[str]
    nouns: set[str]
    support: list[_Support]  # body claims naming its topic and sharing a noun
    named_support: list[_Support]  # body claims naming its topic


@lru_cache(maxsize=1)
def _reporting_lemmas() -> frozenset[str]:
    """Verbs with which a headline reports what someone says or stands for ("Berlin hails
    ...", "Howard attacks ...", "Firm warns ..."): ``reporting_verbs.csv`` (one-word cues)
    and the verbs of ``headline_reporting.csv``."""
    cues = {c for c in load_lexicon("reporting_verbs")["cue"] if " " not in c}
    return frozenset(cues | set(load_lexicon("headline_reporting").query("pos == 'verb'")["word"]))


@lru_cache(maxsize=1)
def _headline_hedge() -> re.Pattern:
    """Phrases with which a headline says its event is expected, not done ("set to",
    "poised to"): the phrases of ``headline_reporting.csv``."""
    phrases = load_lexicon("headline_reporting").query("pos == 'phrase'")["word"]
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")\b", re.I)


def _reports_speech(span: Span) -> bool:
    """The headline's main verb reports someone's words or stance."""
    return any(t.pos_ == "VERB" and t.lemma_.lower() in _reporting_lemmas() and (t.dep_ == "ROOT" or t.head.dep_ == "ROOT")
               for t in span)  # fmt: skip


#: A headline is in title case when more than this share of its longer words are
#: capitalised: a headline in sentence case crowded with names ("Fire destroys Victorian
#: mill in Hebden Bridge": two words in three) is not.
TITLE_CASE_SHARE = 0.8
#: Parses a short text with the article's own pipeline: a title-case headline is read
#: again as a sentence would write it.
Reparse = Callable[[str], Doc]


def sentence_cased(span: Span, body: list[Span]) -> str:
    """A title-case headline as a sentence would write it ("Omar Mateen worked with
    Department of Homeland Security contractor"): a word keeps its capital when it opens
    the headline, is all capitals ("FEC"), or is a name: the body writes it capitalised
    after a sentence's first word more often than in lower case. The tagger reads a
    title-case headline's every word as a name, so its verbs and nouns go unseen."""
    capitalised: dict[str, int] = {}
    lower: dict[str, int] = {}
    for sentence in body:
        for token in sentence[1:]:
            key = token.lower_
            if token.text[:1].isupper():
                capitalised[key] = capitalised.get(key, 0) + 1
            elif token.is_alpha:
                lower[key] = lower.get(key, 0) + 1
    words = []
    for token in span:
        keep = token.i == span.start or token.is_upper or capitalised.get(token.lower_, 0) > lower.get(token.lower_, 0)
        words.append((token.text if keep else token.lower_) + token.whitespace_)
    return "".join(words).strip()


def _sentence_case_names(mentions: list[dict], words: Doc, span: Span) -> list[dict]:
    """A title-case headline's names as its sentence-case reading ``words`` finds them. In
    title case the model takes runs of capitalised words for names ("U.S. Flexes Muscles
    As", "Apple Arcade: So"): a name keeps the part that the sentence-case reading also
    calls a name, with the same label ("U.S."), and is dropped when that reading finds
    none or several."""
    kept = []
    for m in mentions:
        start, end = int(m["start"]) - span.start_char, int(m["end"]) - span.start_char
        inside = [e for e in words.ents if e.start_char < end and e.end_char > start and e.label_ == m["label"]]
        if len(inside) != 1:
            continue
        name = inside[0]
        same = (name.start_char, name.end_char) == (start, end)
        kept.append(m if same else {**m, "start": name.start_char + span.start_char, "end": name.end_char + span.start_char,
                                    "canonical": name.text})  # fmt: skip
    return kept


def _headline(head: dict, body: _Body, reparse: Reparse | None = None) -> _Headline:
    head_id, head_text = int(head["sent_id"]), head["text"]
    span = body.sentences[head_id]
    # The headline's words and verbs from a sentence-case reading when it is in title case.
    words = (reparse(sentence_cased(span, [body.sentences[i] for i in body.row_of]))
             if reparse and title_case(span, share=TITLE_CASE_SHARE) else span)  # fmt: skip
    quoted = head_text.count('"') + head_text.count("“") + head_text.count("'") >= 2
    mentions = body.named_in.get(head_id, [])
    if isinstance(words, Doc) and len(words.text) == len(span.text):
        mentions = _sentence_case_names(mentions, words, span)
    places = {m["canonical"] for m in mentions if m["label"] in PLACE_LABELS}
    topic = {m["canonical"] for m in mentions} - places
    nouns = {t.lemma_.lower() for t in words if t.pos_ == "NOUN" and not t.is_stop}
    support: list[_Support] = []
    named_support: list[_Support] = []
    for sent_id, row in body.row_of.items() if topic and nouns else ():
        here = body.named_in.get(sent_id, [])
        if not topic & {m["canonical"] for m in here}:
            continue
        # Where the sentence puts things: place names (not nationalities), outside
        # the phrases naming its sources ("South Korea's spy agency", "the US").
        where = [m for m in here if m["label"] in PLACE_LABELS and not _inside_source(int(m["start"]), int(m["end"]), body.source_spans)]
        linked = [m for m in where if m["canonical"] in places]
        first = linked[0] if linked else next(m for m in here if m["canonical"] in topic)
        weak, reason = _firmness(int(first["start"]), int(first["end"]), row, body.contents)
        named_support.append(_Support(sent_id, weak, reason, {m["canonical"] for m in where}))
        if nouns & {t.lemma_.lower() for t in body.sentences[sent_id] if t.pos_ == "NOUN"}:
            support.append(named_support[-1])
    return _Headline(
        head_id, head_text, _content_lemmas(words),
        {t.lemma_.lower() for t in words if t.pos_ in ("NOUN", "VERB") and not t.is_stop},
        # A headline quoting its claim ("Tautou 'to star in film'") already holds it at
        # arm's length. So does one that says who claims it ("Bortolami predicts dour contest").
        # So does one whose verb reports what someone says ("Berlin hails European cinema").
        # And one that says its event is expected ("Orange colour clash set for court").
        # And one that gives its claim to a speaker before a colon ("Judicial Watch: ...").
        head_id in body.hedged_sents or quoted or head_id in body.attributed_sents or _reports_speech(words)
        or bool(_headline_hedge().search(head_text)) or _speaker_colon(span),
        mentions, places, topic, nouns, support, named_support,
    )  # fmt: skip


#: Entity labels of a speaker a headline names before a colon ("Trump: ...").
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: The most words a speaker before a headline's colon runs to.
SPEAKER_COLON_WORDS = 4


def _speaker_colon(span: Span) -> bool:
    """The headline opens with who says it and a colon: a name ("Judicial Watch: State
    Department Hid ...", "Trump: ...") or a source noun ("Report: ...", "Poll: ...")."""
    colon = next((t for t in span if t.text == ":"), None)
    if colon is None or colon.i - span.start == 0 or colon.i - span.start > SPEAKER_COLON_WORDS:
        return False
    before = span.doc[span.start : colon.i]
    named = any(t.ent_type_ in SPEAKER_LABELS for t in before)
    return named or (len(before) == 1 and before[0].lemma_.lower() in source_noun_categories())


def _check_number(h: _Headline, body: _Body) -> list[dict]:
    """``headline_number``: a headline figure no body figure for the same thing matches."""
    return _number_findings(h.sent_id, h.text, body.numbers)


def _check_denied(h: _Headline, body: _Body) -> list[dict]:
    """``headline_denied``: a named source in the body denies what the headline states."""
    # A headline that itself reports a claim or a denial ("O'Connell rejects Lions
    # rumours", "Blair adviser claim denied") is not contradicted by the denial.
    if h.holds_back or h.common & CLAIM_NOUNS:
        return []
    root = body.sentences[h.sent_id].root.lemma_.lower()
    for denial in body.denials:
        said = body.sentences[int(denial["sent_id"])]
        start, end = denial["content_start"], denial["content_end"]
        denied = ({t.lemma_.lower() for t in said if start <= t.idx < end and t.pos_ in ("NOUN", "VERB", "PROPN", "NUM")
                   and not t.is_stop} if pd.notna(start) else _content_lemmas(said))  # fmt: skip
        shared = sorted(h.lemmas & denied)
        # The one who denies is who the headline is about ("Marin resigns ...": Marin denies it).
        about = bool(set(_words(str(denial["canonical_source"]))) & set(_words(h.text)) - _NAME_FILLERS)
        # The shared words must hold what is claimed (a noun or verb: "job", "cut",
        # "resign"), not only names ("Premier League"); with one shared word, it must be
        # the headline's own verb ("Marin resigns ..."), not a word on the side ("... over
        # Chelsea form").
        claimed = h.common & set(shared)
        if len(claimed) >= 2 or (claimed and root in claimed and (pd.isna(start) or about)):
            return [_row("headline_denied",
                         f"The body reports that {denial['canonical_source']} denies it ('{denial['cue']}'), on "
                         f"{', '.join(shared)}.", [h.sent_id, int(denial['sent_id'])],
                         f"[{h.sent_id}] {h.text} | [{int(denial['sent_id'])}] {said.text.strip()}",
                         "a named source's denial sharing the headline's words")]  # fmt: skip
    return []


def _check_entity_absent(h: _Headline, body: _Body) -> list[dict]:
    """``headline_entity_absent``: a name worth checking that the body never gives, in any form."""
    doc_text = body.sentences[h.sent_id].doc.text
    surfaces: dict[str, set[str]] = {}
    checkable: set[str] = set()
    for m in h.mentions:
        surface = doc_text[int(m["start"]) : int(m["end"])]
        surfaces.setdefault(m["canonical"], set()).add(surface)
        if _checkable_name(surface, m["canonical"], doc_text[: int(m["start"])]):
            checkable.add(m["canonical"])
    # Absent only when neither its canonical name nor the headline's own words for it
    # ("Little Britain", read as the United Kingdom) are in the body in any form.
    absent = sorted(name for name in checkable - body.body_names
                    if not any(_in_body(form, body.body_words, body.body_text, body.body_sequence) for form in {name} | surfaces[name])
                    and all(form.strip()[:1].isupper() or form.strip()[:1].isdigit() for form in surfaces[name]))  # fmt: skip
    return [_row("headline_entity_absent", f"The headline names '{name}'; the body never does.", [h.sent_id], h.text,
                 "a headline entity with no body mention") for name in absent]  # fmt: skip


def _place_on_topic(h: _Headline, body: _Body) -> list[dict]:
    """The body puts the topic in the headline's place only in weak sentences (two at
    least), and its firm ones, if any, elsewhere."""
    rows = []
    firm = [s for s in h.support if not s.weak]
    for place in sorted(h.places):
        if listed_place(place) is None:
            continue  # "Verizon" tagged as a place
        with_place = [s for s in h.support if any(_same_place(place, p) for p in s.places)]
        # One weak sentence is too thin to say the body only half-places it; and only
        # where every sentence that does put the topic there is weak.
        if len(with_place) < MIN_WEAK_SUPPORT or any(not s.weak for s in with_place):
            continue
        elsewhere = sorted({p for s in firm for p in s.places if not _same_place(place, p)})
        weak = "is hedged, left open, or rests on a source without a name"
        if not firm:
            detail = f"The headline puts its topic in {place}; every sentence of the article that does so {weak}."
        elif elsewhere:
            detail = (f"The headline puts its topic in {place}; the article's well-sourced sentences place it in "
                      f"{', '.join(elsewhere)}, and every sentence that puts it in {place} {weak}.")  # fmt: skip
        else:
            continue
        evidence = [s for s in h.support if s in with_place or not s.weak]
        rows.append(_row("headline_place_unsupported", detail, [s.sent_id for s in evidence],
                         " | ".join(f"[{s.sent_id}] {'weak' if s.weak else 'firm'}: {s.reason}" for s in evidence),
                         "headline place vs firmness of body sentences sharing its entity and noun"))  # fmt: skip
    return rows


#: What makes a sentence too weak to place an event: a hedge, a question left open, or a
#: source a reader cannot hold to it (kept secret, or another outlet's report). An
#: unnamed group ("police said") is how news places most events, so it places them.
PLACING_WEAK_SOURCES = frozenset({"anonymous", "media"}) & WEAK_SOURCES
#: Prepositions with which a headline puts its event somewhere ("... in Doncaster").
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside"})


def _headline_places(h: _Headline, body: _Body) -> list[str]:
    """The headline's places: listed countries, and names it puts its event in ("fire in
    Doncaster") that the body tags as a place (a headline's capitals mislead the tagger:
    "in Doncaster" read as a firm), not a firm read as a place ("Verizon")."""
    span = body.sentences[h.sent_id]
    body_places = {m["canonical"] for i, here in body.named_in.items() if i in body.row_of for m in here if m["label"] in PLACE_LABELS}
    places = set()
    for m in h.mentions:
        name = span.doc.char_span(int(m["start"]), int(m["end"]), alignment_mode="expand")
        after_preposition = name is not None and name.root.dep_ == "pobj" and name.root.head.lower_ in PLACE_PREPOSITIONS
        # A country that names a team or owner ("England injury list", "Ukraine's army") is not where the event is.
        modifier = name is not None and name.root.dep_ in ("compound", "poss", "amod", "nmod")
        if (m["label"] in PLACE_LABELS and listed_place(m["canonical"]) is not None and not modifier) or (
            after_preposition and m["canonical"] in body_places
        ):
            places.add(m["canonical"])
    return sorted(places)


def _place_named_only_weakly(h: _Headline, body: _Body) -> list[dict]:
    """The body names the headline's place only in what is hedged, left open, kept secret
    or another outlet's report: never once in its own voice or on a source's name."""
    rows = []
    for place in _headline_places(h, body):
        naming = [(i, m) for i, here in sorted(body.named_in.items()) if i in body.row_of
                  for m in here if m["label"] in PLACE_LABELS and _same_place(place, m["canonical"])
                  and not _inside_source(int(m["start"]), int(m["end"]), body.source_spans)]  # fmt: skip
        if not naming:
            continue
        reasons = []
        for i, m in naming:
            why = _placing_weakness(i, m, body)
            if why is None:
                break
            reasons.append((i, why))
        else:
            ids = sorted({i for i, _ in reasons})
            rows.append(_row("headline_place_unsupported",
                             f"The headline puts it in {place}; the article names {place} only in what is hedged, left open, "
                             "kept secret or reported by another outlet.", ids,
                             " | ".join(f"[{i}] weak: {why}" for i, why in reasons),
                             "headline place named in the body only in weak sentences"))  # fmt: skip
    return rows


def _placing_weakness(sent_id: int, mention: dict, body: _Body) -> str | None:
    """Why a sentence cannot place an event, or None when it can."""
    row = body.row_of[sent_id]
    claim = body.contents.innermost(int(mention["start"]), int(mention["end"]))
    if claim is not None:
        who = claim["canonical_source"] if isinstance(claim["canonical_source"], str) else NOBODY_NAMED
        if claim["source_type"] in PLACING_WEAK_SOURCES:
            return f"attributed to {claim['source_type']} source '{who}' ('{claim['cue']}')"
        if claim["cue_stance"] in WEAK_STANCES:
            return f"'{who}' {claim['cue']} ({claim['cue_stance']})"
        return None
    if row["status"] in WEAK_STATUSES:
        return f"{row['status']}: {row['status_reason']}"
    return None


#: The ways a headline's place goes unsupported, in order: the first that fires is the finding.
#: (A lead that puts the event in another town is not a rule: without a gazetteer,
#: "Sundance" against "Utah" looks the same as "Bewdley" against "Stourport".)
PLACE_RULES = {"place_on_topic": _place_on_topic, "place_named_only_weakly": _place_named_only_weakly}


def _check_place(h: _Headline, body: _Body) -> list[dict]:
    """``headline_place_unsupported``: by the first of :data:`PLACE_RULES` that fires."""
    for rule in PLACE_RULES.values():
        rows = rule(h, body)
        if rows:
            return rows
    return []


def _flat_on_topic(h: _Headline, body: _Body) -> list[dict]:
    """Every body claim on the headline's topic is weak, its opening included, two at
    least (or the whole body is weak)."""
    if not h.mentions:
        # No name to find the topic by: the body claims sharing two of its words.
        support = [_Support(i, _sentence_is_weak(row), f"{row['status']}: {row['status_reason']}", set())
                   for i, row in body.row_of.items() if len(h.lemmas & _content_lemmas(body.sentences[i])) >= 2]  # fmt: skip
        rule = "no hedge in the headline; no firm body sentence sharing two of its words"
        enough = len(support) >= MIN_WEAK_SUPPORT
    else:
        # Every body claim naming the topic: a firm one anywhere answers the headline.
        support = h.named_support
        rule = "no hedge in the headline; no firm body sentence naming its topic"
        enough = len(support) >= MIN_WEAK_SUPPORT or all(_sentence_is_weak(r) for r in body.row_of.values())
    if not (support and enough and all(s.weak for s in support) and _opening_is_weak(h.lemmas, body.row_of, body.sentences, support)):
        return []
    return [_row("headline_flat", "The headline states flatly what every body sentence on its topic hedges or leaves to weak sources.",
                 [s.sent_id for s in support], " | ".join(f"[{s.sent_id}] {s.reason}" for s in support), rule)]  # fmt: skip


#: The lead restates the headline when it shares this many of its content words.
LEAD_SHARED_WORDS = 2


def _claim_words(h: _Headline, span: Span) -> list:
    """The tokens of ``span`` that repeat the headline's claim words (its nouns and verbs)."""
    return [t for t in span if t.lemma_.lower() in h.common and t.pos_ in ("NOUN", "VERB") and t.is_alpha]


@lru_cache(maxsize=1)
def _distancing_lemmas() -> frozenset[str]:
    """Verbs that hold what they govern as someone's claim, belief or accusation ("has
    accused the firm of dumping", "believes"): the weak-stance cues of
    ``reporting_verbs.csv`` and the accusation verbs of ``headline_reporting.csv``."""
    verbs = load_lexicon("reporting_verbs")
    headline = load_lexicon("headline_reporting")
    return frozenset(set(verbs[verbs["stance"].isin(WEAK_STANCES) & ~verbs["cue"].str.contains(" ")]["cue"])
                     | set(headline[(headline["pos"] == "verb") & (headline["category"] == "accusation")]["word"]))  # fmt: skip


@lru_cache(maxsize=1)
def _request_lemmas() -> frozenset[str]:
    """Verbs that ask for an act ("are asking Clinton to repudiate", "calls for"): the
    demand verbs of ``headline_reporting.csv``. What they govern is a request, which the
    writer reports as made, not a claim someone holds."""
    headline = load_lexicon("headline_reporting")
    return frozenset(headline[(headline["pos"] == "verb") & (headline["category"] == "demand")]["word"])


def _distancing_verb(words: list):
    """The verb above a claim word that holds it as someone's claim, belief or
    accusation, or None."""
    return next((a for w in words for a in w.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in _distancing_lemmas()), None)


#: Words that open a source phrase belonging to the party the headline is about ("its
#: authors", "their spokesman"): the party speaking for itself.
_OWN_SOURCE = frozenset({"its", "their", "his", "her"})
#: People whose job is to speak for the party the story is about.
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "organisers", "organizers"})
#: Sources that are published records, which establish what they count ("official
#: figures suggest" is a statistic, not a rumour); a study's tentative finding is not.
_RECORD_NOUNS = frozenset({"figures", "statistics", "data"})
#: Hedges that soften a lead's claim: modal verbs of possibility, epistemic verbs and
#: adverbs, reportive words. Not "would" (reported speech: "said it would cut"), not
#: approximators ("about 500"), not a status noun ("an injury doubt").
LEAD_HEDGE_CATEGORIES = frozenset({"modal", "epistemic_verb", "epistemic_adverb", "reportive"})
LEAD_HEDGE_EXCLUDED = frozenset({"would", "doubt"})


def _governs(cue, words: list) -> bool:
    """A hedge governs the claim when its head is one of the claim words or above one
    ("could" on "be listed" above "market"), not when it sits in a side phrase ("after a
    week of speculation")."""
    return any(cue.head == w or cue.head in w.ancestors for w in words)


@lru_cache(maxsize=1)
def _evidence_lemmas() -> frozenset[str]:
    """Verbs with which a document shows what it holds ("a report shows"): the
    ``evidence`` cues of ``reporting_verbs.csv``."""
    verbs = load_lexicon("reporting_verbs")
    return frozenset(verbs[verbs["category"] == "evidence"]["cue"])


def _side_clause(cue, word) -> bool:
    """The cue's clause is about something else: a passive cue with a subject of its own
    that is not the claim ("... after its release date was announced"), unlike "the
    Gazette reported" or "it has been confirmed"."""
    subject = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and subject.lower_ != "it" and word.i not in {t.i for t in subject.subtree}


def _lead_weakness(h: _Headline, body: _Body, sent_id: int) -> str | None:
    """Why the lead holds the headline's claim at a distance, in plain words, or None: the
    claim words sit in what a news outlet, an unnamed or a secret source says, in what
    someone claims, believes or will not confirm, in someone's forecast, or under a hedge.
    A source the headline names itself, or one of its own people ("its authors"), does not
    hold it at a distance: that is the party announcing its own plan or figures."""
    row, span = body.row_of[sent_id], body.sentences[sent_id]
    words = _claim_words(h, span)
    if not words:
        return None
    claim = body.contents.innermost(words[0].idx, words[0].idx + len(words[0]))
    cue = next((t for t in span if claim is not None and t.idx == int(claim["cue_start"])), None)
    # A cue whose clause is about something else ("has topped the chart ... after its date
    # was announced") does not attribute the claim, though the parse may put it there.
    if cue is not None and _side_clause(cue, words[0]):
        claim = None
    if claim is not None:
        who = claim["canonical_source"] if isinstance(claim["canonical_source"], str) else NOBODY_NAMED
        # A denial or a ruling is an act the body reports (headline_denied reads denials);
        # so is a request ("are asking Clinton to repudiate" backs "under pressure to repudiate").
        if _speaks_for_itself(h, who) or claim["cue_stance"] in ("confirming", "denying") or (
                cue is not None and cue.lemma_.lower() in _request_lemmas()):
            return None
        # A record, or a report that shows or reveals it, establishes what it counts.
        if set(who.lower().split()) & _RECORD_NOUNS or (cue is not None and cue.lemma_.lower() in _evidence_lemmas()):
            return None
        kind = SOURCE_TYPE_IN_WORDS[claim["source_type"]]
        if claim["cue_stance"] in WEAK_STANCES:
            if who == NOBODY_NAMED:
                return f"the article's opening gives it only as {WEAK_STANCE_AS_NOUN[claim['cue_stance']]} ('{claim['cue']}'), with nobody saying it"
            return f"the article's opening gives it only as {WEAK_STANCE_AS_NOUN[claim['cue_stance']]} of '{who}' ('{claim['cue']}')"
        if claim["source_type"] in WEAK_SOURCES:
            if who == NOBODY_NAMED:
                return f"the article's opening gives it only with '{claim['cue']}', with nobody saying it"
            return f"the article's opening gives it only on the word of {kind}: '{who}' ('{claim['cue']}')"
        if row.get("claim_type") == "prediction":
            return f"the article's opening gives it only as a forecast by '{who}' ('{claim['cue']}')"
    verb = _distancing_verb(words)
    if verb is not None:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        who = " ".join(t.text for t in subject.subtree) if subject is not None else "someone"
        if not _speaks_for_itself(h, who):
            return f"the article's opening gives it only as a claim or accusation by {who} ('{verb.text}')"
    hedges = [t for t in span if t.idx in body.hedge_starts and body.hedge_starts[t.idx][1] in LEAD_HEDGE_CATEGORIES
              and body.hedge_starts[t.idx][0] not in LEAD_HEDGE_EXCLUDED]  # fmt: skip
    # The hedge softens the claim when it governs most of the claim words: one
    # inside a side clause ("experts say it may be years before anyone can detect the
    # tunnels") softens that clause, not "smugglers build tunnels".
    softening = next((t for t in hedges if 2 * sum(_governs(t, [w]) for w in words) > len(words)), None)
    if row["status"] in WEAK_STATUSES | {"reported"} and softening is not None:
        return f"the article's opening softens it ('{softening.text}')"
    return None


def _speaks_for_itself(h: _Headline, who: str) -> bool:
    """The source is the party the headline is about: named in the headline, or one of
    its own people ("its authors")."""
    words = who.lower().split()
    return bool(set(_words(who)) & set(_words(h.text)) - _NAME_FILLERS) or (words[:1] != [] and words[0] in _OWN_SOURCE) or bool(set(words) & _SPOKESPEOPLE)


def _states_firmly(h: _Headline, body: _Body, sent_id: int, lead_words: set[str]) -> bool:
    """A body sentence establishes the headline's claim: it repeats two of the headline's
    claim words (nouns and verbs), or every one the lead repeats, in the writer's own
    voice or as confirmed, or in the words of the party the headline is about; and it is
    not hedged and not a forecast."""
    row, span = body.row_of[sent_id], body.sentences[sent_id]
    shared = {t.lemma_.lower() for t in _claim_words(h, span)}
    if not (len(shared) >= LEAD_SHARED_WORDS or (lead_words and lead_words <= shared)):
        return False
    if sent_id in body.hedged_sents or row.get("claim_type") == "prediction":
        return False
    who = row["claim_source"] if isinstance(row["claim_source"], str) else ""
    return row["status"] in ("asserted", "confirmed") or (row["status"] == "reported" and bool(who) and _speaks_for_itself(h, who))


def _lead_sentence(h: _Headline, body: _Body) -> int | None:
    """The lead: the first of the first two body claims that shares two of the headline's
    content words (a news story's opening restates its headline)."""
    opening = sorted(body.row_of)[:2]
    negated = _negated(body.sentences[h.sent_id])
    # A sentence of the other polarity answers the headline rather than restating it
    # ("Israel not all doom and gloom" against "Israel seems to be in a period of gloom").
    return next((i for i in opening if len(h.lemmas & _content_lemmas(body.sentences[i])) >= LEAD_SHARED_WORDS
                 and _negated(body.sentences[i]) == negated), None)  # fmt: skip


#: Dependencies that open a side clause: a negation under one is not the sentence's
#: (a reported clause is: "said it would not cut jobs" says no).
_CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "csubj", "pcomp"})


def _negated(span: Span) -> bool:
    """The sentence says no: a negation ("not", "never", "no") outside a side clause."""
    return any((t.dep_ == "neg" or t.lower_ in ("not", "no", "never"))
               and not any(a.dep_ in _CLAUSE_DEPS for a in [t.head, *t.head.ancestors] if a.i >= span.start)
               for t in span)  # fmt: skip


def _flat_lead(h: _Headline, body: _Body) -> list[dict]:
    """The lead (the first body claim sharing two of the headline's words, among the first
    two) gives the headline's claim only as someone's word or with a hedge, and no later
    body sentence states it firmly."""
    lead = _lead_sentence(h, body)
    if lead is None:
        return []
    why = _lead_weakness(h, body, lead)
    lead_words = {t.lemma_.lower() for t in _claim_words(h, body.sentences[lead])}
    if why is None or any(_states_firmly(h, body, i, lead_words) for i in body.row_of if i != lead):
        return []
    return [_row("headline_flat", f"The headline states it as fact; {why}, and the article never states it itself.",
                 [lead], f"[{lead}] {body.sentences[lead].text.strip()}",
                 "no hedge in the headline; the lead gives its claim to a weak source or a hedge; no firm body sentence repeats it")]  # fmt: skip


#: The ways a headline states flatly what the body does not, in order: the first that fires is the finding.
FLAT_RULES = {"flat_on_topic": _flat_on_topic, "flat_lead": _flat_lead}


def _check_flat(h: _Headline, body: _Body) -> list[dict]:
    """``headline_flat``: no hedge in the headline, and the body gives its claim only weakly
    (by the first of :data:`FLAT_RULES` that fires)."""
    # A headline that reports a claim, a threat or a row ("Strike threat over pension
    # plans") states that someone claims it, not the claim.
    if h.holds_back or h.common & CLAIM_NOUNS:
        return []
    # A lead that restates the headline firmly, or in the words of the party it is about,
    # answers it, whatever else the body says.
    lead = _lead_sentence(h, body)
    if lead is not None and _lead_weakness(h, body, lead) is None:
        return []
    for rule in FLAT_RULES.values():
        rows = rule(h, body)
        if rows:
            return rows
    return []


#: The headline checks, in order, keyed by the ``finding`` each sets.
HEADLINE_RULES = {
    "headline_entity_absent": _check_entity_absent,
    "headline_place_unsupported": _check_place,
    "headline_flat": _check_flat,
    "headline_denied": _check_denied,
    "headline_number": _check_number,
}


def headline_findings(
    sentences: list[Span],
    sentence_rows: pd.DataFrame,
    paragraphs: pd.DataFrame,
    entities: pd.DataFrame,
    cues: pd.DataFrame,
    attributions: pd.DataFrame,
    *,
    contents: ContentIndex | None = None,
    numbers: list[dict] | None = None,
    reparse: Reparse | None = None,
) -> list[dict]:
    """Compare each headline and standfirst sentence with the body, by every rule of
    :data:`HEADLINE_RULES`.

    ``contents`` is the attributions' :class:`~analysis.rules.sources.ContentIndex`, when the
    caller has built it already; ``numbers`` the ``numbers`` table's rows (sent_id, text,
    value, unit, counted, in_body), for ``headline_number``; ``reparse`` the article's
    pipeline, with which a title-case headline is read again in sentence case.
    """
    heads = {p for p, role in zip(paragraphs["para_id"].tolist(), paragraphs["role"].tolist()) if role in HEADLINE_ROLES}
    # Plain per-sentence lookups: the checks visit every body sentence per headline.
    sents = column_records(sentence_rows, ["sent_id", "para_id", "text", "in_body", "status", "status_reason",
                                           "claim_type", "claim_source", "claim_source_type"])  # fmt: skip
    head_sents = [r for r in sents if r["para_id"] in heads]
    if not head_sents:
        return []
    named = [m for m in column_records(entities, ["sent_id", "label", "canonical", "in_body", "start", "end"])
             if m["label"] in TOPIC_ENTITY_LABELS]  # fmt: skip
    named_in: dict[int, list[dict]] = {}
    for mention in named:
        named_in.setdefault(int(mention["sent_id"]), []).append(mention)
    body_text = " ".join(r["text"] for r in sents if r["in_body"])
    body_sequence = _words(body_text)  # the body's words in order, read once for every name checked
    body = _Body(
        sentences=sentences,
        row_of={int(r["sent_id"]): r for r in sents if r["in_body"] and pd.notna(r["status"])},
        named_in=named_in,
        body_names={m["canonical"] for m in named if m["in_body"]},
        body_text=body_text,
        body_sequence=body_sequence,
        body_words=set(body_sequence),
        source_spans=[(int(s), int(e)) for s, e in zip(attributions["source_start"].tolist(), attributions["source_end"].tolist())
                      if pd.notna(s)],
        hedged_sents={int(i) for i, kind in zip(cues["sent_id"].tolist(), cues["kind"].tolist()) if kind == "hedge"},
        hedge_starts={int(start): (cue, category) for start, kind, cue, category
                      in zip(cues["start"].tolist(), cues["kind"].tolist(), cues["cue"].tolist(), cues["category"].tolist()) if kind == "hedge"},
        attributed_sents={int(i) for i in attributions["sent_id"].tolist()},
        contents=contents or ContentIndex(attributions),
        denials=[r for r in column_records(attributions, ["sent_id", "cue_stance", "source_type", "canonical_source", "content",
                                                          "content_start", "content_end", "cue", "cue_lemma"])
                 if r["cue_stance"] == "denying" and r["source_type"] in IDENTIFIED and r["cue_lemma"] in DENIAL_LEMMAS],
        numbers=numbers or [],
    )  # fmt: skip
    rows: list[dict] = []
    for head in head_sents:
        headline = _headline(head, body, reparse)
        for check in HEADLINE_RULES.values():
            rows.extend(check(headline, body))
    return rows


def findings_table(rows: list[dict]) -> pd.DataFrame:
    """The ``findings`` table, in check order then by first evidence sentence."""
    return finding_columns(rows).frame()


def finding_columns(rows: list[dict]) -> TableColumns:
    """:func:`findings_table` as columns, before a DataFrame is built."""
    order = {name: i for i, name in enumerate(CHECKS)}
    rows = sorted(rows, key=lambda r: (order[r["finding"]], r["sent_ids"][:1], r["detail"]))
    return TableColumns.from_rows("findings", rows)
