"""The exercise's tasks in SIFT order, with the teacher's model answers.

The tasks follow SIFT (Caulfield 2019): **Stop** (notice what you already think and how
the headline makes you feel), **Investigate** the source (who wrote and published it;
lateral reading about the people and bodies it names), **Find** better coverage (did
other outlets report and confirm the main claim), **Trace** claims (the claim cards,
the headline against the body, anonymous sources, scare quotes, numbers, whether the
other side is heard). The Stanford History Education Group's Civic Online Reasoning
questions (Who is behind the information? What is the evidence? What do other sources
say?) run through them.

:func:`exercise_tasks` returns each task with what a student sees (``prompt``, room to
write in ``lines``, whether it asks for web addresses) and what only the teacher sees
(``model_answer``, ``look_for``, ``rubric``); :func:`student_tasks` keeps the first part
only. Prompts name the article's own people and organisations, so lateral reading is a
concrete search; lateral reading itself is always the student's work.
"""

from __future__ import annotations

import re

from analysis.lexicon import lexicon_words
from analysis.rules.loaded import QUOTED, WRITER, loaded_words
from analysis.rules.quotes import enclosing_quote
from analysis.classroom.marking import normalise_words, same_source, title_and_place_words
from analysis.rules.attribution import phrase_names_people, source_noun_categories
from analysis.rules.entities import first_name_sexes
from analysis.vocabulary import BARE_PRONOUNS, IDENTIFIED_SOURCE_TYPES, NAMELESS_SOURCE_TYPES, NOBODY_NAMED, WEAK_STANCES

__all__ = ["SIFT_STEPS", "RUBRIC", "exercise_tasks", "student_tasks", "STUDENT_FIELDS"]

#: The SIFT moves, in order, with what each asks of a reader.
SIFT_STEPS = {
    "Stop": "Pause before you believe or share: what do you already think, and how does the headline make you feel?",
    "Investigate the source": "Who wrote and published this, and who are the people it relies on?",
    "Find better coverage": "What do other outlets say about the same story?",
    "Trace claims": "Where does each claim come from, and how sure is the article about it?",
}
#: How the teacher marks an open question (points out of 2).
RUBRIC = (
    (2, "Answers the question with evidence: sentence numbers or quoted words from the article, or for "
        "lateral reading, what was found and where (web addresses)."),
    (1, "A relevant answer without evidence, or evidence for only part of the question."),
    (0, "Blank, or does not answer the question."),
)  # fmt: skip
#: What a student's copy holds of each task.
STUDENT_FIELDS = ("id", "step", "title", "prompt", "lines", "urls", "auto_marked")


#: What the claim-card task tells every student about finding the speaker. The same on
#: every card: a hint on some cards only would say which ones have a source elsewhere.
CONTEXT_HINT = "Read around each sentence: who says it may be named in the sentence next to it."


def _names(result, *, limit: int = 6) -> list[str]:
    """Whom to search for in lateral reading: the named sources the body's claims rest
    on, the firmest first (confirmed, then reported), then the organisations named inside
    source phrases ("an IMF official"), then the other named sources, most cited first,
    then the people and organisations it mentions most."""
    sources = result.sources
    body = result.body_sentences
    resting = body[body["claim_source_type"].isin(IDENTIFIED_SOURCE_TYPES)]
    resting = resting.assign(firm=resting["status"] != "confirmed").sort_values(["firm", "sent_id"], kind="stable")
    names = resting["claim_source"].tolist()
    names += _bodies_in_source_phrases(result)
    names += sources.loc[sources["source_type"].isin(IDENTIFIED_SOURCE_TYPES), "canonical_source"].tolist()
    summary = result.entity_summary
    if not summary.empty:
        names += summary.loc[summary["type"].isin(["PERSON", "ORG"]), "canonical"].tolist()
    # Names a search engine can use: proper names ("a council statement" is not), and
    # the fuller of two forms ("European Commission", not also "Commission").
    names = [_name_inside(result, n) for n in dict.fromkeys(_members(result, names))
             if isinstance(n, str) and n and not _only_inside_other_names(result, n)]
    # Not a common noun capitalised at a sentence's start ("Surveys", "Officials").
    nouns = source_noun_categories()
    # Nor a first name alone ("Jim" of "Jim and Margaret Cuthbert"): a search finds nobody.
    firsts = first_name_sexes()
    names = [n for n in dict.fromkeys(names) if n[0].isupper() and n.split()[0] not in ("A", "An", "The")
             and not (" " not in n and (n.lower() in nouns or n.lower().rstrip("s") in nouns or n in firsts))]  # fmt: skip
    # The fuller of two forms: "Delta Airlines", not also "Delta".
    names = [n for n in names if not any(other != n and (other.endswith(" " + n) or other.startswith(n + " ")) for other in names)]
    # The article's own words: a name the tool worked out ("United States" for the
    # article's "the US") can be a card's answer, so the list gives what the text says.
    written = list(dict.fromkeys(_widened(result, _as_written(result, n)) for n in names))
    # One search per body: "UKIP" and "UK Independence Party" are one.
    kept: list[str] = []
    for name in written:
        if not any(same_source(name, [other]) and same_source(other, [name]) for other in kept):
            kept.append(name)
    return kept[:limit]


def _members(result, names: list) -> list:
    """``names`` with a group the tool joined ("Michael Howard and John Redwood", whom
    "They say" stands for) given as its members, when the article names each: one search
    each, in the article's words."""
    found = []
    for name in names:
        members = re.split(r", | and ", name) if isinstance(name, str) and name not in result.text else []
        found += members if len(members) > 1 and all(m in result.text for m in members) else [name]
    return found


#: Words that join a longer name around a shorter one ("Queen of the Sky").
_NAME_JOINERS = frozenset({"of", "the", "and", "for", "on"})


def _only_inside_other_names(result, name: str) -> bool:
    """Whether every mention of a name the model tagged is a piece of something longer
    or no body at all: inside a longer capitalised name ("Mental Capacity" of "the Mental
    Capacity Bill", "Sky" of "Queen of the Sky") or after a figure ("1300 GMT")."""
    entities = result.entities
    mentions = entities[entities["canonical"] == name]
    if mentions.empty:
        return False
    text = result.text
    for mention in mentions.itertuples():
        before = re.findall(r"[\w']+|[^\w\s]", text[max(0, mention.start - 40) : mention.start])
        after = re.findall(r"[\w']+|[^\w\s]", text[mention.end : mention.end + 20])
        joined = False
        while before and before[-1].lower() in _NAME_JOINERS:
            before.pop()
            joined = True
        # "Queen of the Sky", "1300 GMT"; not a title before a name ("Minister David Lammy").
        glued_before = bool(before) and ((joined and before[-1][:1].isupper()) or before[-1][:1].isdigit())
        glued_after = bool(after) and after[0][:1].isupper() and after[0] not in ("I",)
        if not glued_before and not glued_after:
            return False
    return True


def _bodies_in_source_phrases(result) -> list[str]:
    """Organisations named inside a source phrase, in the article's order: "ABN Amro" of
    "ABN Amro's Eddie Wong", "IMF" of "an IMF official", "World Bank" of "many experts,
    including the World Bank". A body behind a source is what lateral reading checks,
    even when the source itself has no name."""
    entities, attributions = result.entities, result.attributions
    if entities.empty or attributions.empty:
        return []
    organisations = entities[entities["label"] == "ORG"]
    found = [str(entity.canonical) for entity in organisations.itertuples()
             if ((attributions["source_start"] <= entity.start) & (attributions["source_end"] >= entity.end)).any()]  # fmt: skip
    # "Oliver Irish, editor of gadget magazine Stuff": the name closing a post "of" a body,
    # which the model may not tag.
    for phrase in attributions["source"].dropna():
        employer = _EMPLOYER_AT_END.search(str(phrase))
        if employer:
            found.append(employer.group(1).strip())
    return list(dict.fromkeys(found))


#: A post "of" or "at" a body that closes a source phrase, the body's name capitalised
#: after at most three lower-case words ("editor of gadget magazine Stuff").
_EMPLOYER_AT_END = re.compile(r",\s+(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+(?:of|at)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}"
                              r"((?:[A-Z][\w'’&.?!-]*\s?){1,4})$")


def _name_inside(result, phrase: str) -> str:
    """The name a source phrase ends with, for a search: "Panlogic" of "Market analysts
    Panlogic" (words that describe before a name the article tags); the maker of a
    document ("Mr Peston" of "Mr Peston's book": the book is not what one looks up);
    else the phrase."""
    maker = re.fullmatch(r"(.+?)['’]s? ([a-z]+)", phrase)
    if maker and source_noun_categories().get(maker.group(2)) in ("document", "media") and maker.group(1)[:1].isupper():
        return maker.group(1)
    names = {t for t in result.entities["text"] if isinstance(t, str) and len(t) > 2 and t != phrase and phrase.endswith(" " + t)}
    nouns = source_noun_categories()
    # "Recent figures from the UK's regulator Ofcom": a document ending with its maker's name.
    document = any(nouns.get(w.lower()) == "document" or nouns.get(w.lower().rstrip("s")) == "document" for w in phrase.split()[:3])
    for name in sorted(names, key=len, reverse=True):
        before = phrase[: -len(name)].split()
        if before and (document or all(word.lower() in _DESCRIBING or word.islower() for word in before)):
            return name
    # "Perpignan centre Jean-Philippe Granclaude", tagged whole as a person: the name after
    # a club and a post written in lower case.
    described = _DESCRIBED_NAME.fullmatch(phrase)
    return described.group(1) if described else phrase


#: A name of two to four capitalised words after a description ending in a lower-case
#: word ("Perpignan centre", "Wales physio").
_DESCRIBED_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,3}[a-z][\w-]*\s+((?:[A-Z][\w'’.-]*\s?){2,4})")


#: Words that open a description before a name ("Market analysts Panlogic", "Consultancy 4Cast").
_DESCRIBING = frozenset({"market", "analysts", "analyst", "consultancy", "consultants", "firm", "group", "company",
                         "broker", "brokers", "research", "think-tank"})  # fmt: skip


#: Titles that are part of how a person is known ("Lord Goldsmith", "Sir Elton John").
_STYLE_TITLES = ("Lord", "Lady", "Sir", "Dame", "Baroness", "Baron")


def _widened(result, name: str) -> str:
    """The fuller form the article writes a name in, for a search: a title of rank before
    it ("Lord Goldsmith" of "Goldsmith"), or capitalised words the model cut off ("World
    Anti-Doping Agency" of "Anti-Doping Agency"), when every mention has them."""
    text = result.text
    mentions = [m.start() for m in re.finditer(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w'’-])", text)]
    if not mentions:
        return name
    fuller = []
    for start in mentions:
        before = re.search(r"((?:[A-Z][\w'’-]*\s+)+)$", text[max(0, start - 60) : start])
        words = before.group(1).split() if before else []
        while words and words[0] in ("The", "A", "An", "In", "On", "But", "And", "At", "For", "By"):
            words = words[1:]
        fuller.append(" ".join(words))
    # A title of rank on any mention belongs to a person's name; a post does not ("US
    # Defence Secretary Lloyd Austin" is searched as "Lloyd Austin").
    rank = next((f.split()[-1] for f in fuller if f and f.split()[-1] in _STYLE_TITLES), None)
    entities = result.entities
    if name in set(entities.loc[entities["label"] == "PERSON", "text"]) or rank:
        return f"{rank} {name}" if rank else name
    common = fuller[0]
    plain = common and all(f == common for f in fuller) and not re.search(r"['’]", common)
    if plain and not set(normalise_words(common)) & title_and_place_words():
        return f"{common} {name}"  # "World" cut off "Anti-Doping Agency"
    return name


def _as_written(result, name: str) -> str:
    """``name`` as the article writes it: itself when the text has it, else the first
    mention the tool resolved to it (a source phrase or a named entity), without "the"."""
    if name in result.text:
        return name
    mentions = [*result.attributions.loc[result.attributions["canonical_source"] == name, "source"].tolist(),
                *result.entities.loc[result.entities["canonical"] == name, "text"].tolist()]  # fmt: skip
    for mention in mentions:
        if isinstance(mention, str) and mention.strip() and mention.strip().lower() not in BARE_PRONOUNS:
            return re.sub(r"^(?i:the)\s+", "", " ".join(mention.split()))
    return name


def _outlet(result) -> str | None:
    metadata = dict(getattr(result.article, "metadata", {}) or {})
    return metadata.get("sitename") or None


#: The most words of a lead sentence a search prompt quotes.
LEAD_WORDS = 20


def _lead(result, *, limit: int | None = LEAD_WORDS) -> str | None:
    """The story's main claim, to search for: the standfirst (the summary under the
    headline), else the body's first sentence, cut to ``limit`` words (whole with None);
    None for an article with neither."""
    sentences = result.sentences.merge(result.paragraphs[["para_id", "role"]], on="para_id")
    standfirst = sentences[sentences["role"] == "standfirst"]
    body = result.body_sentences
    first = standfirst if len(standfirst) else body
    if first.empty:
        return None
    words = str(first["text"].iloc[0]).split()
    if limit is None:
        return " ".join(words)
    kept = words[:limit]
    if len(words) > limit:
        # Not "... the biggest film for a ...": the cut falls after a word that carries meaning.
        while len(kept) > 1 and kept[-1].lower().strip(",;:") in lexicon_words("function_words", "function_word"):
            kept.pop()
    # No full stop of its own: the prompt closes the quotation ('... shortage”.', not '.”.').
    return " ".join(kept).rstrip(".,;:") + (" ..." if len(words) > limit else "")



def story_lead(result) -> str | None:
    """The story's main claim as the article opens with it, whole: the standfirst, else
    the body's first sentence (None for an article with neither)."""
    return _lead(result, limit=None)


def _lines(items: list[str], empty: str) -> list[str]:
    return items if items else [empty]


def _headline_answer(result) -> list[str]:
    rows = result.findings[result.findings["category"] == "headline"]
    if rows.empty:
        return ["The tool found no gap, but it misses many. Check whether the first sentences state the headline's claim "
                "themselves or only report someone saying it, and whether its names, places and figures are in the body."]
    return [str(row.detail) for row in rows.itertuples()]  # the plain finding; its parse evidence is the report's


def _provenance_answer(result) -> list[str]:
    rows = result.findings[result.findings["category"].isin(["provenance", "time"])]
    if rows.empty:
        return ["The tool found a byline, an outlet and a dateline: check them on the page."]
    lines = [str(row.detail) for row in rows.itertuples()]
    if getattr(result.article, "format", None) == "text":
        # A text file keeps only what was copied into it: the page may have had them.
        lines.insert(0, "This article came as plain text, which keeps no byline, outlet or date unless they were copied "
                        "in: find them on the original page before class, and accept answers that say what is missing "
                        "from the copy students have.")  # fmt: skip
    return lines


#: Words that stand for a group of people ("Some, such as ...", "Many believe ...").
_GROUP_WORD = re.compile(r"(?i)^\s*(?:some|many|most|others|few|several|all|both)\b")


def _anonymous_answer(result) -> list[str]:
    attributions = result.attributions
    unnamed_media = (attributions["source_type"] == "media") & attributions["source_type_reason"].str.contains("no named outlet", regex=False)
    # "Surveys suggest ...", "research suggests": a document nobody is named as making
    # ("a council statement", "government research" have a maker).
    institutions = {w for w, c in source_noun_categories().items() if c == "institution"}
    makerless = attributions["source"].fillna("").map(lambda s: not any(w.lower() in institutions for w in re.findall(r"[\w'-]+", s))).astype(bool)
    unnamed_document = ((attributions["source_type"] == "document") & makerless
                        & attributions["source_type_reason"].str.contains("(a document)", regex=False))  # fmt: skip
    # A nameless source is people ("experts", "Some, such as ...", or nobody named at all),
    # not a thing the parse made a speaker ("the current system", "Lord Goldsmith's admission").
    people = attributions["source"].fillna("").map(lambda s: not s or phrase_names_people(s) or bool(_GROUP_WORD.match(s))).astype(bool)
    rows = attributions[(attributions["source_type"].isin(NAMELESS_SOURCE_TYPES) & people) | unnamed_media | unnamed_document]
    # "many residents" inside a councillor's quotation is the councillor's word, not a source.
    quotes = result.quotes
    rows = rows[rows["cue_start"].map(lambda c: enclosing_quote(quotes, int(c), kinds=("direct",)) is None).astype(bool)]
    # An impersonal "is expected" beside a named source ("according to a council statement") is that source's.
    named_claims = set(result.sentences.loc[result.sentences["claim_source_type"].isin(IDENTIFIED_SOURCE_TYPES), "sent_id"])
    rows = rows[~(rows["source"].fillna("").eq("") & rows["sent_id"].isin(named_claims))]
    rows = rows.drop_duplicates(["sent_id", "canonical_source"])
    spokespeople = attributions[attributions["source_type_reason"].str.contains("[rule: spokesperson]", regex=False)]
    spokespeople = spokespeople.drop_duplicates(["canonical_source"])
    out = [f"Sentence {row.sent_id}: {row.source} is not named, but speaks on the record for {row.canonical_source}: the "
           f"organisation's official line (a name would still help)." for row in spokespeople.itertuples()]  # fmt: skip
    for row in rows.itertuples():
        cue = f" (“{row.cue}”)" if isinstance(row.cue, str) and row.cue else ""
        who = row.source if isinstance(row.source, str) and row.source else f"nobody is named{cue}"
        reason = f"reason given: “{row.anonymity_reason}”" if isinstance(row.anonymity_reason, str) and row.anonymity_reason else "no reason given"
        if row.source_type == "document":
            out.append(f"Sentence {row.sent_id}: {who} (document): nobody is named as having made it.")
            continue
        out.append(f"Sentence {row.sent_id}: {who} ({row.source_type}); {reason}.")
    # An article that cites nobody has no named sources either; one that does may still
    # have groups the tool did not read as sources.
    return _lines(out, "The tool found no source without a name; it misses groups it does not read as sources "
                       "(“welcomed by analysts”, “what some economists call ...”), so read for them."
                  if len(attributions) else "The article cites no source at all, named or not.")


def _scare_answer(result) -> list[str]:
    rows = result.quotes[result.quotes["kind"] == "scare"]
    out = [f"Sentence {row.sent_id}: {row.text}, the writer keeping a distance from the words, not a source speaking."
           for row in rows.itertuples()]  # fmt: skip
    body = set(result.sentences.loc[result.sentences["in_body"], "sent_id"])
    for row in loaded_words(result.tokens, result.quotes, body_sentences=body).itertuples():
        if row.whose == WRITER:
            out.append(f"Sentence {row.sent_id}: “{row.text}” is the writer's own loaded word: it colours the story.")
        elif row.whose == QUOTED:
            out.append(f"Sentence {row.sent_id}: “{row.text}” is a loaded word in quotation marks: whose judgement is it?")
        else:
            out.append(f"Sentence {row.sent_id}: “{row.text}” is a loaded word in a quotation by {row.whose}: "
                       "their judgement, reported, not the writer's.")
    return _lines(out, "The tool found no scare quotes and none of the loaded words on its list; its list is short, so "
                       "read for others (words that judge or stir feeling, such as “frantic” or “slammed”).")


def _numbers_answer(result) -> list[str]:
    rows = result.numbers[result.numbers["in_body"]]
    # "the two leaders", "two companies": a small count is not a figure to check.
    rows = rows[~((rows["value"] < 10) & rows["unit"].isna() & ~rows["text"].str.contains(r"\d", regex=True))]
    text = result.text
    # "the top 12 films", "No. 1": a rank, not a figure to check.
    rows = rows[~rows["start"].map(lambda start: bool(RANK_BEFORE.search(text[max(0, int(start) - 8) : int(start)]))).astype(bool)]
    out: list[str] = []
    previous_start = previous_end = -1
    for row in rows.itertuples():
        # "$163m (£90m)": a conversion in brackets goes with the figure it converts.
        if out and text[previous_end : int(row.start)].strip() == "(" and row.unit is not None:
            out[-1] = out[-1][:-1] + f", {row.text} in another currency."
            previous_end = int(row.end)
            continue
        if out and previous_end >= 0 and text[previous_end : int(row.start)] in ("-", "–") and SCORE.fullmatch(text[previous_start : int(row.end)]):
            # "a 16-9 win": one score, not two figures.
            out[-1] = f"Sentence {row.sent_id}: {text[previous_start : int(row.end)]} (a score; {out[-1].rsplit('; ', 1)[-1]}"
            previous_end = int(row.end)
            continue
        previous_start = int(row.start)
        rough = "rough" if row.approximate else "exact"
        named = isinstance(row.source, str) and row.source_type != "author" and row.source != NOBODY_NAMED
        source = f"from {row.source}" if named else "no source named"
        out.append(f"Sentence {row.sent_id}: {row.text} ({rough}; {source}).")
        previous_end = int(row.end)
    return _lines(out, "The tool found no figure worth checking (it leaves out small counts such as “two studies” "
                       "and ranks); check any the students find.")


#: A score or result written as two small whole numbers and a dash ("16-9", "3–1").
SCORE = re.compile(r"\d{1,3}[-–]\d{1,3}")
#: Words before a number that make it a rank: "the top 12 films", "No. 1", "number one".
RANK_BEFORE = re.compile(r"\b(top|no\.|number)\s*$", re.I)


def _other_side_answer(result) -> list[str]:
    sources = result.sources
    if sources.empty:
        return ["Nobody is quoted or cited: the article speaks only in the writer's voice, so no side is heard."]
    named = sources[sources["source_type"].isin(IDENTIFIED_SOURCE_TYPES)]["canonical_source"].tolist()
    against = result.attributions[result.attributions["cue_stance"].isin(WEAK_STANCES - {"belief", "distancing"})]
    # Every source counted in words: "3 sources; named: A, B" left a reader to find the third.
    nobody = sources["canonical_source"].fillna(NOBODY_NAMED).eq(NOBODY_NAMED)
    nameless = [n for n in sources[sources["source_type"].isin(NAMELESS_SOURCE_TYPES) & ~nobody]["canonical_source"]
                if phrase_names_people(n) or _GROUP_WORD.match(str(n))]  # not "The answer", "Lord Goldsmith's admission"
    media = sources[sources["source_type"].eq("media") & ~nobody]["canonical_source"].tolist()
    # People and bodies by name; documents ("figures compiled by Chart-Track") on their own.
    documents = sources[sources["source_type"].eq("document") & ~nobody]["canonical_source"].tolist()
    named = [n for n in named if n not in documents]
    # One name a person: "Tony Blair" and "Blair" are one source.
    kept: list[str] = []
    for name in sorted(named, key=len, reverse=True):
        if not any(same_source(name, [other]) for other in kept):
            kept.append(name)
    named = [n for n in named if n in kept]
    groups = [(named, "named"), (documents, "documents or figures"), (nameless, "without a name"), (media, "news reports or outlets")]
    parts = [f"{len(names)} {what} ({', '.join(names)})" for names, what in groups if names]
    parts += ["claims nobody is named for"] if nobody.any() else []
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1] if parts else ""
    total = sum(len(names) for names, _ in groups)
    count = f"{total} source" + ("s" if total != 1 else "")
    lines = [f"The article cites {count}: {listed}." if parts else "The article names no source."]
    if len(against):
        # One line a source, however often it denies ("Michael Howard" and "He" are one).
        who = against.assign(who=against["canonical_source"].fillna(against["source"]).fillna(NOBODY_NAMED).replace("", NOBODY_NAMED))
        lines.append("Sources who deny or will not confirm: " + "; ".join(
            f"{name} (“{'”, “'.join(dict.fromkeys(rows['cue']))}”, sentence{'s' if len(rows) > 1 else ''} "
            f"{', '.join(str(i) for i in dict.fromkeys(rows['sent_id']))})"
            for name, rows in who.groupby("who", sort=False)) + ".")  # fmt: skip
    else:
        lines.append("The tool found no source who denies the main claim or will not confirm it; it misses disagreement "
                     "that is not worded as a denial. Ask who would disagree, and whether they were asked.")
    return lines


def _stop_tasks(headline: str) -> list[dict]:
    """The two Stop tasks: the student's starting point, then the headline alone."""
    return [
        {"id": "stop-1", "step": "Stop", "title": "What do you already think?",
         "prompt": "Before you read the article: what do you already know or believe about this topic? Where did that come from?",
         "lines": 3, "urls": False,
         "model_answer": ["There is no right answer: the point is to notice your own starting point before you read."],
         "look_for": ["An honest starting point", "Where the belief came from (a post, a friend, the news)"]},
        {"id": "stop-2", "step": "Stop", "title": "Your reaction to the headline",
         "prompt": f"Read only the headline: “{headline}”. How does it make you feel, and what does it want you to believe? "
                   "Would you share it on the headline alone?",
         "lines": 3, "urls": False,
         "model_answer": ["There is no right answer: the point is to notice the reaction before reading on. Ask what "
                          f"the headline states as fact (“{headline}”) and come back to it in the headline task."],
         "look_for": ["The feeling the headline aims for", "What the headline states as fact"]},
    ]  # fmt: skip


def exercise_tasks(result) -> list[dict]:
    """Every task of the exercise in SIFT order (see the module docstring).

    Each task: id, step (the SIFT move), title, prompt (what the student reads), lines
    (room to write), urls (whether it asks for web addresses), auto_marked (the claim
    cards, marked by ``grade``; the rest the teacher marks with :data:`RUBRIC`),
    model_answer (lines, for the teacher), look_for (what a good answer mentions).
    """
    headline = result.headline or "(the article has no headline: use its first sentence)"
    names = _names(result)
    outlet = _outlet(result)
    search = ", ".join(f"“{n}”" for n in names) or "the people and organisations the article names"
    lead = _lead(result) or headline
    tasks = [
        *_stop_tasks(headline),
        {"id": "investigate-1", "step": "Investigate the source", "title": "Who wrote it, who published it, when?",
         "prompt": "Look at the top and bottom of the article: is there a byline (who wrote it), an outlet (who published "
                   "it) and a date? What is missing, and why does it matter?",
         "lines": 3, "urls": False, "model_answer": _provenance_answer(result),
         "look_for": ["Byline, outlet and date, or that they are missing", "Why a missing date or author matters"]},
        {"id": "investigate-2", "step": "Investigate the source", "title": "Lateral reading: who are they?",
         "prompt": f"Leave the article. Open a new tab and search for {search}"
                   + (f" and the outlet, {outlet}" if outlet else "") + ". Who is each, and what is their part in the "
                   "story? If the article quotes them: why would they know, and why might they say it? Write what you "
                   "found and the web addresses.",
         # About a line a name, and room for why they might say it.
         "lines": max(5, len(names) + 2), "urls": True,
         "model_answer": ["The tool cannot answer this: it reads only the article. Professional fact-checkers read "
                          "laterally, leaving the page to see what others say about a source."],
         "look_for": ["A description of each person or body from another site (not from the article)",
                      "Web addresses of the pages used", "Any reason a source might be biased"]},
        {"id": "find-1", "step": "Find better coverage", "title": "What do other outlets say?",
         "prompt": f"Search for the story's main claim, as the article sums it up: “{lead}”. Do other "
                   "outlets report it? Did any confirm it with their own sources, or do they all repeat one report? "
                   "Write the web addresses.",
         "lines": 5, "urls": True,
         "model_answer": ["The tool cannot answer this. A good answer names two or more other outlets, says whether they "
                          "had their own sources, and notes any outlet that reports it differently."],
         "look_for": ["Two or more other outlets", "Whether they had their own sources or repeated one",
                      "Differences in how sure they are"]},
        {"id": "trace-cards", "step": "Trace claims", "title": "Claim cards",
         "prompt": "For each claim card: how sure is the article (status), who does the claim come from (source), what "
                   f"kind of source is it (source type), and which words tell you (cue words)? {CONTEXT_HINT}",
         "lines": 0, "urls": False, "auto_marked": True,
         "model_answer": ["See the claim cards above."], "look_for": []},
        {"id": "trace-1", "step": "Trace claims", "title": "The headline against the body",
         "prompt": "Is the headline's claim supported by the article itself? Which sentences hedge it, or rest it on "
                   "sources without names? Give sentence numbers.",
         "lines": 4, "urls": False, "model_answer": _headline_answer(result),
         "look_for": ["Sentence numbers", "Hedges or weak sources under the headline's claim"]},
        {"id": "trace-2", "step": "Trace claims", "title": "Sources without names",
         "prompt": "Which sources are not named? Does the article say why each one is kept secret? What would you need "
                   "to know to trust them?",
         "lines": 4, "urls": False, "model_answer": _anonymous_answer(result),
         "look_for": ["Each unnamed source with its sentence", "Whether a reason is given", "What would make them trustworthy"]},
        {"id": "trace-3", "step": "Trace claims", "title": "Scare quotes and loaded words",
         "prompt": "Which words are in quotation marks without anyone speaking them, or marked “so-called”? Which words "
                   "carry a feeling or a judgement (such as “desperate” or “slammed”)? For each, whose word is it: the "
                   "writer's, or a source's?",
         "lines": 4, "urls": False, "model_answer": _scare_answer(result),
         "look_for": ["The quoted words", "That the quotation marks keep the writer's distance",
                      "Loaded words, and whether the writer or a source uses them"]},
        {"id": "trace-4", "step": "Trace claims", "title": "Numbers",
         "prompt": "Which numbers come with a source? Which are rough (“thousands”, “around”)? Which would you check?",
         "lines": 3, "urls": False, "model_answer": _numbers_answer(result),
         "look_for": ["Numbers with and without a source", "Rough numbers"]},
        {"id": "trace-5", "step": "Trace claims", "title": "Is the other side heard?",
         "prompt": "Who might disagree with the main claim? Does the article let them speak, or only describe them?",
         "lines": 3, "urls": False, "model_answer": _other_side_answer(result),
         "look_for": ["Who would disagree", "Whether they are quoted or only described"]},
    ]  # fmt: skip
    for task in tasks:
        task.setdefault("auto_marked", False)
    return tasks


def student_tasks(tasks: list[dict]) -> list[dict]:
    """The tasks as a student's copy holds them: no model answer, nothing to look for."""
    return [{field: task[field] for field in STUDENT_FIELDS} for task in tasks]
