"""Claim cards and the exercise key for any article.

What it builds:

- :func:`claim_cards`: body sentences that teach, chosen by the ordered rules in
  :data:`CARD_RULES` (never a dateline, byline or fragment) to cover the statuses, each
  with a clear cue where its status has one, and each with the sentence that names its
  speaker when that is a neighbour (a quotation whose "he said" comes next).
- :func:`exercise_key`: the teacher's key (``teacher/key.json``): for each card the best
  answer to each field, the accepted alternatives with their reason and points, every
  form the article uses for the source, the cue words the worksheet's definitions
  teach, one plain sentence per field explaining the answer, and the tool's trace (rule
  names, character offsets) for the teacher alone. A teacher's own key (CSV) overrides
  the tool where it gives an answer.
- :func:`read_teacher_key` checks a teacher's CSV before it is used.

Marking against the key is :mod:`analysis.classroom.marking`; the open questions are
:mod:`analysis.classroom.tasks`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis.classroom.marking import FIELDS, NO_CUE_WORDS, NOBODY_FORMS, POINTS, compared_form, same_source
from analysis.classroom.notes import first_person_sentences, speaks_as_i
from analysis.errors import InputError
from analysis.lexicon import lexicon_words
from analysis.rules.attribution import OPENING_MARKS, phrase_names_people, reporting_cues, source_noun_categories
from analysis.rules.mentions import SPOKESPERSON_NOUNS
from analysis.vocabulary import (
    CARD_STATUS_ORDER,
    CUE_KIND_BY_STATUS,
    DECIDING_STANCES,
    DEFENSIBLE_ANSWERS,
    IDENTIFIED_SOURCE_TYPES,
    NAMELESS_SOURCE_TYPES,
    NOBODY_NAMED,
    PLACE_ENTITY_LABELS,
    SOURCE_TYPE,
    SOURCED_STATUSES,
    STATUS,
)

__all__ = [
    "FIELDS",
    "STATUSES",
    "SOURCE_TYPES",
    "CARD_RULES",
    "claim_cards",
    "exercise_key",
    "read_teacher_key",
    "read_key_table",
    "sentence_problems",
    "key_table",
    "tasks_table",
    "card_evidence",
]

STATUSES = tuple(STATUS)
SOURCE_TYPES = tuple(SOURCE_TYPE)
#: Pronouns: a source written as one is named in another sentence.
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we"})
#: Cues that never count as the words deciding how sure a claim is: a rough number
#: ("thousands", "around 12,000") is not a hedge on the claim.
NEVER_REQUIRED_CATEGORIES = frozenset({"approximator"})
#: Longest and shortest card, in words.
CARD_WORDS = (6, 60)


# --- Which sentences can be cards ------------------------------------------------------

def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][\w'’-]*", text)


def _not_a_fragment(sentence: dict, tokens: pd.DataFrame) -> bool:
    """A whole sentence: 6 to 60 words, a verb, and an end (a full stop, question mark,
    exclamation or closing quotation mark)."""
    words = len(_words(sentence["text"]))
    ends = sentence["text"].rstrip().endswith((".", "?", "!", '"', "”", "’", "'"))
    has_verb = bool(tokens["pos"].isin(["VERB", "AUX"]).any())
    return CARD_WORDS[0] <= words <= CARD_WORDS[1] and ends and has_verb


_BYLINE_OR_DATELINE = re.compile(
    r"^\s*(?:By\s+[A-Z]|Published\b|Updated\b|Posted\b|[A-Z][A-Z .,'-]{2,40}(?:\([A-Za-z .]+\))?\s*[-–—]\s*$)"
)


def _not_page_furniture(sentence: dict, tokens: pd.DataFrame) -> bool:
    """Not a byline ("By Jane Smith"), a "Published ..." line or a bare dateline."""
    return not _BYLINE_OR_DATELINE.match(sentence["text"])


def _no_open_question(sentence: dict, tokens: pd.DataFrame) -> bool:
    """A statement, not a question: a card asks how sure a claim is."""
    return not sentence["text"].rstrip().rstrip("\"'”’").endswith("?")


def _not_a_request(sentence: dict, tokens: pd.DataFrame) -> bool:
    """A statement, not a request or a wish: the main verb is not in the base form with no
    subject of its own ("Oh and send us over those hard-working immigrants", "Let's hope
    this is the start ..."), which tells the reader to do something and claims nothing."""
    roots = tokens[tokens["dep"] == "ROOT"]
    for _, root in roots.iterrows():
        children = tokens[(tokens["head_i"] == root["i"]) & (tokens["i"] != root["i"])]
        if root["tag"] == "VB" and not children["dep"].isin(["nsubj", "nsubjpass", "aux", "auxpass", "expl"]).any():
            return False
    return True


def _not_first_person(sentence: dict, tokens: pd.DataFrame) -> bool:
    """Not the writer speaking for themselves: no "I", "we", "my" or "our" outside
    quotation marks ("I think his views are shared by many", "what we describe as
    urban"). In a column or a readers' comment that is an opinion, and in a text whose
    contributors' names are missing the tool cannot tell whose (the lesson plan's "Whose
    voice?" note counts the same sentences)."""
    return not speaks_as_i(tokens["text"], tokens["pos"])


def _source_is_known(sentence: dict, tokens: pd.DataFrame) -> bool:
    """A source a student can name: someone the article names or describes, or the
    writer; "nobody named" only on a hedged claim ("The scam is believed to have begun in
    1994", "staff are said to have lied": the hedge is the lesson, and "nobody" or "the
    writer" both fit), not a reported one ("it is alleged that ...", which no answer fits)."""
    return str(sentence.get("claim_source") or "").lower() != NOBODY_NAMED or sentence.get("status") == "hedged"


def _not_only_a_conditional(sentence: dict, tokens: pd.DataFrame) -> bool:
    """Not a claim hedged only by a conditional "would" ("The move ... would be the
    sector's biggest foreign takeover", of a deal not yet done): many readers take it as
    stated, so the card would have two fair answers (business/409 review)."""
    hedges = [str(h).lower() for h in (sentence.get("hedges") or []) if isinstance(h, str)]
    return not (sentence.get("status") == "hedged" and hedges and all(h in WEAK_HEDGE_WORDS for h in hedges))


#: The rules a sentence must pass to be a card, in order; each keyed by the name a
#: rejected sentence records.
CARD_RULES: dict[str, Callable[[dict, pd.DataFrame], bool]] = {
    "not_a_fragment": _not_a_fragment,
    "not_page_furniture": _not_page_furniture,
    "no_open_question": _no_open_question,
    "not_a_request": _not_a_request,
    "not_first_person": _not_first_person,
    "not_only_a_conditional": _not_only_a_conditional,
    "source_is_known": _source_is_known,
}


def deciding_cues(result, sent_id: int, status: str, source: str | None) -> tuple[str, list[dict]]:
    """The words the worksheet's definitions teach for a claim's status, as dicts with
    text, lemma, start, end and what they are: for a claim someone reported, confirmed
    or would not confirm, the reporting verb of its source; for a hedged claim, the
    hedges on it; for one the writer states, the words that make it sound sure. Rough
    numbers never count."""
    cues = result.cues[(result.cues["sent_id"] == sent_id) & ~result.cues["category"].isin(NEVER_REQUIRED_CATEGORIES)]
    verbs = result.attributions[result.attributions["sent_id"] == sent_id]
    def as_cue(text, lemma, start, end, what, category=""):
        return {"text": str(text), "lemma": str(lemma or text), "start": int(start), "end": int(end), "what": what,
                "category": str(category)}  # fmt: skip

    if status not in ("hedged", "asserted"):  # what a source says, confirms or will not say
        own = verbs[verbs["canonical_source"] == source] if source else verbs.iloc[0:0]
        if status == "unconfirmed":
            deciding = verbs[verbs["cue_stance"].isin(DECIDING_STANCES)]
            own = deciding if len(deciding) else own
            held = cues[(cues["kind"] == "hedge") & cues["category"].isin(["non_commitment"])]
            if len(held):
                return CUE_KIND_BY_STATUS["unconfirmed"], [as_cue(c.text, c.text, c.start, c.end, "words that leave it open") for c in held.itertuples()]
        if status == "confirmed":
            confirming = verbs[verbs["cue_stance"] == "confirming"]
            own = confirming if len(confirming) else own
        picked = [as_cue(*_with_negation(result, v), v.cue_end, "reporting verb") for v in own.itertuples() if isinstance(v.cue, str) and v.cue]
        return CUE_KIND_BY_STATUS[status] if status != "unconfirmed" else CUE_KIND_BY_STATUS["reported"], picked
    if status == "hedged":
        hedges = cues[(cues["kind"] == "hedge")]
        main = hedges[hedges["governs_main_claim"]]
        chosen = main if len(main) else hedges
        if chosen.empty:
            # "staff are said to have lied": the impersonal verb is what softens it.
            impersonal = verbs[verbs["pattern"] == "impersonal"]
            return CUE_KIND_BY_STATUS["hedged"], [as_cue(v.cue, v.cue_lemma, v.cue_start, v.cue_end, "hedge") for v in impersonal.itertuples()]
        return CUE_KIND_BY_STATUS["hedged"], [as_cue(c.text, c.text, c.start, c.end, "hedge", c.category) for c in chosen.itertuples()]
    boosters = cues[(cues["kind"] == "booster") & cues["governs_main_claim"]]
    return CUE_KIND_BY_STATUS["asserted"], [as_cue(c.text, c.text, c.start, c.end, "booster") for c in boosters.itertuples()]


#: The auxiliary and negation before a verb a source will not use ("would not comment").
_NEGATION_BEFORE = re.compile(r"\b(?:would|will|did|does|do|could|can|has|have|had|is|was|were|are)\s*(?:not|n't)\s+$|\b(?:won't|can't|cannot)\s+$", re.I)


def _with_negation(result, verb) -> tuple[str, str, int]:
    """A reporting verb's words, lemma and start, with the negation before it when its
    source will not say something ("would not comment", not "comment"): the verb alone
    means the opposite."""
    start = int(verb.cue_start)
    if verb.cue_stance == "non_committal":
        found = _NEGATION_BEFORE.search(result.text[max(0, start - 20) : start])
        if found:
            text = result.text[start - len(found.group(0)) : int(verb.cue_end)]
            return text, text, start - len(found.group(0))
    return verb.cue, verb.cue_lemma, start


def _speaker_context(result, sent_id: int, source: str | None) -> int | None:
    """The neighbouring sentence that names the speaker of a claim whose own sentence
    does not (a quotation followed by "he said"); None when the sentence names them."""
    if not source:
        return None
    attributions = result.attributions
    here = attributions[(attributions["sent_id"] == sent_id) & (attributions["canonical_source"] == source)]
    named_here = here["source"].map(lambda s: isinstance(s, str) and s.lower() not in PRONOUNS).any()
    if named_here:
        return None
    for other in (sent_id + 1, sent_id - 1, sent_id + 2, sent_id - 2):
        rows = attributions[(attributions["sent_id"] == other) & (attributions["canonical_source"] == source)]
        # A neighbour that only says "he" again names nobody.
        if rows["source"].map(lambda s: isinstance(s, str) and s.lower() not in PRONOUNS).any():
            return other
    return None


def _speaker_unfindable(result, sent_id: int, source: str | None) -> bool:
    """Whether a claim's speaker is only a pronoun in its sentence ("But he stressed ...")
    and no sentence next to it names them: a student could not find who it is."""
    if not source:
        return False
    attributions = result.attributions
    here = attributions[(attributions["sent_id"] == sent_id) & (attributions["canonical_source"] == source)]
    quoted = here.empty  # a quotation running on: the naming sentence is found as context
    pronoun_only = not quoted and not here["source"].map(lambda s: isinstance(s, str) and s.lower() not in PRONOUNS).any()
    return (pronoun_only or quoted) and _speaker_context(result, sent_id, source) is None


def _between_one_speaker(result, sent_id: int) -> bool:
    """Whether a claim the tool gives the writer sits between two sentences that rest on
    one source ("Tony Blair said he would ... . But changes to the bill must not overturn
    the law ... . '...,' he said."): news often carries a speaker's words on without a
    reporting verb, so the card would have two fair answers. On 300 BBC articles about
    half such sentences were the speaker's."""
    body = result.body_sentences.reset_index(drop=True)
    at = body.index[body["sent_id"] == sent_id]
    if not len(at) or at[0] == 0 or at[0] == len(body) - 1:
        return False
    before, after = body.iloc[at[0] - 1], body.iloc[at[0] + 1]
    return (before["claim_source_type"] not in ("author", None) and before["claim_source"] == after["claim_source"]
            and str(before["claim_source"]).lower() != NOBODY_NAMED)  # fmt: skip


def _teachable(result) -> pd.DataFrame:
    """Body claims that pass every card rule, with their status, source, deciding cues
    and the neighbour that names their speaker."""
    body = result.body_sentences
    body = body[body["status"].notna()]
    voices = first_person_sentences(result)
    if voices["warn"]:
        # A text of many first-person voices (readers' comments, a panel whose names the
        # text lost, a column): from the first paragraph where someone says "I" or "we"
        # on, the tool cannot tell whose words they are; the reporter's lead-in before it
        # is the writer's. A text with no such lead-in (a column from its first line) is
        # read whole, its "I" sentences aside.
        first = body.loc[body["sent_id"].isin(voices["sentences"]), "para_id"].min()
        lead_in = _teachable_among(result, body[body["para_id"] < first])
        if not lead_in.empty:
            return lead_in
    return _teachable_among(result, body)


def _teachable_among(result, body: pd.DataFrame) -> pd.DataFrame:
    """The sentences of ``body`` that pass every card rule (see :func:`_teachable`)."""
    tokens = result.tokens
    rows = []
    for sentence in body.to_dict("records"):
        own = tokens[tokens["sent_id"] == sentence["sent_id"]]
        if not all(rule(sentence, own) for rule in CARD_RULES.values()):
            continue
        source = sentence["claim_source"] if sentence["claim_source_type"] != "author" else None
        nobody = str(source).lower() == NOBODY_NAMED  # "is believed to": no speaker to find
        if not nobody and _speaker_unfindable(result, int(sentence["sent_id"]), source):
            continue  # "But he stressed ..." with the name three sentences back: no fair card
        if source is None and _between_one_speaker(result, int(sentence["sent_id"])):
            continue  # the writer's, or the speaker's words carried on: no fair card
        kind, cues = deciding_cues(result, int(sentence["sent_id"]), sentence["status"], source)
        voices = result.attributions.loc[result.attributions["sent_id"] == sentence["sent_id"], "canonical_source"]
        one_voice = all(v == source for v in voices) if source else voices.empty
        rows.append({**sentence, "cue_kind": kind, "deciding_cues": cues, "one_voice": bool(one_voice),
                     "context_sent_id": _speaker_context(result, int(sentence["sent_id"]), source)})  # fmt: skip
    return pd.DataFrame(rows, columns=[*body.columns, "cue_kind", "deciding_cues", "one_voice", "context_sent_id"])


#: Hedges that are nouns ("speculation", "possibility"): a student finds a hedge on the
#: verb ("may", "appear to") more easily.
NOUN_HEDGE_CATEGORIES = frozenset({"speculation_noun"})


def _clarity(row) -> int:
    """How clearly a sentence teaches its status: 2 when a deciding word is a verb, a
    modal or an adverb (a reporting verb, "may", "appear to", "certainly", "refused to
    confirm"), 1 when it is only a noun ("speculation"), 0 with no deciding word (a
    plain statement)."""
    cues = row["deciding_cues"]
    if not cues:
        return 0
    return 2 if any(c.get("category") not in NOUN_HEDGE_CATEGORIES for c in cues) else 1


#: The most claim cards with the same answer (status, source type and source).
MAX_ALIKE = 3


def _farthest(sent_ids: pd.Series, chosen: list[int]):
    """The index of the sentence farthest from every card chosen so far (the first in
    reading order among equals, and the first of all when none is chosen): cards spread
    over the article, not five from its first paragraphs."""
    if not chosen:
        return sent_ids.index[0]
    distance = sent_ids.map(lambda i: min(abs(int(i) - c) for c in chosen))
    return distance.idxmax()


def _apart(rows: pd.DataFrame, pool: pd.DataFrame, chosen: list[int]) -> pd.DataFrame:
    """``rows`` without the next sentence of a card with the same answer: two halves of
    one quotation teach one thing (sport/296 review); fewer cards are better."""
    taken = pool[pool["sent_id"].isin(chosen)]
    answers = dict(zip(taken["sent_id"], taken["answer"]))
    return rows[[not any(abs(int(i) - c) == 1 and answers[c] == a for c in answers) for i, a in zip(rows["sent_id"], rows["answer"])]]


def claim_cards(result, *, n: int = 6, side_by_side: bool = False) -> pd.DataFrame:
    """Body sentences for the claim-card task, chosen to teach.

    Rule: only sentences that pass :data:`CARD_RULES`. For each status in the order of
    ``vocabulary.CARD_STATUS_ORDER`` (rarest first), take the sentence farthest from the
    cards chosen so far (the first in reading order among equals) whose sentence cites nobody else (one voice: "Reports that ..." inside a
    writer's claim is two, and so is "... as the police said ..."), then whose deciding
    word is clearest (:func:`_clarity`), then a source type not on a card yet, then a
    source not on a card yet; then fill up to ``n`` cards the same
    way, from the statuses on fewest cards first; never more than :data:`MAX_ALIKE` with
    one answer, status, source type and source (the first in reading order), so an article that cites
    nobody gets three cards, not six alike, and never two next to each other with one
    answer (two halves of a quotation). Cards are numbered in reading order, so
    their order says nothing about their answers.

    With ``side_by_side``, two cards next to each other may have one answer (to see
    every teachable sentence as a card).

    Returns:
        Columns: card, sent_id, text, context_sent_id (the neighbour naming the speaker,
        or None), context (its text, or "").
    """
    pool = _teachable(result)
    if pool.empty:
        return pd.DataFrame(columns=["card", "sent_id", "text", "context_sent_id", "context"])
    pool = pool.assign(clarity=pool.apply(_clarity, axis=1))
    # At most MAX_ALIKE cards with one answer: six "asserted, the writer" cards in a
    # match report teach nothing the third did not.
    pool = pool.assign(answer=pool["status"].astype(str) + "|" + pool["claim_source_type"].astype(str) + "|"
                       + pool["claim_source"].astype(str))  # fmt: skip
    chosen: list[int] = []
    types: set[str] = set()
    sources: set[str] = set()

    def take(rows: pd.DataFrame) -> bool:
        answers = pool.loc[pool["sent_id"].isin(chosen), "answer"].value_counts()
        rows = rows[~rows["sent_id"].isin(chosen) & rows["answer"].map(lambda a: answers.get(a, 0) < MAX_ALIKE).astype(bool)]
        if rows.empty:
            return False
        rows = rows if side_by_side else _apart(rows, pool, chosen)
        if rows.empty:
            return False
        new = ~rows["claim_source_type"].isin(types)
        fresh = ~rows["claim_source"].isin(sources)
        clear, one = rows["clarity"] == 2, rows["one_voice"]
        some = rows["clarity"] >= 1
        # One voice first at every level: a sentence that cites a second voice ("... as
        # the police said ...") has two fair answers, and a card should have one.
        for candidates in (rows[clear & one & new], rows[clear & one & fresh], rows[clear & one], rows[some & one & new],
                           rows[some & one], rows[one & new], rows[one], rows[clear & new], rows[clear], rows[some & new],
                           rows[some], rows[new], rows):  # fmt: skip
            if len(candidates):
                row = candidates.loc[_farthest(candidates["sent_id"], chosen)]
                chosen.append(int(row["sent_id"]))
                types.add(row["claim_source_type"])
                sources.add(row["claim_source"])
                return True
        return False

    for status in CARD_STATUS_ORDER:
        if len(chosen) < n:
            take(pool[pool["status"] == status])
    while len(chosen) < min(n, len(pool)):
        # Fill up from the statuses on fewest cards first, so six cards are not six of one.
        left = pool[~pool["sent_id"].isin(chosen)]
        used = pool[pool["sent_id"].isin(chosen)]["status"].value_counts()
        fewest = min((used.get(status, 0) for status in left["status"]), default=0)
        if not take(left[left["status"].map(lambda status: used.get(status, 0) == fewest)]) and not take(pool):
            break  # every answer left has its MAX_ALIKE cards
    cards = pool[pool["sent_id"].isin(chosen)].sort_values("sent_id")
    texts = result.sentences.set_index("sent_id")["text"]
    context = [int(c) if pd.notna(c) else None for c in cards["context_sent_id"]]
    return pd.DataFrame({
        "card": range(1, len(cards) + 1),
        "sent_id": cards["sent_id"].astype(int).to_numpy(),
        "text": cards["text"].to_numpy(),
        "context_sent_id": pd.array(context, dtype="Int64"),
        "context": [texts.get(c, "") if c is not None else "" for c in context],
    })  # fmt: skip


# --- The key -----------------------------------------------------------------------------

_APPOSITION_GAP = re.compile(r"\s*,\s*")
_APPOSITION = re.compile(r"\s*,\s*((?:[A-Z][\w'’-]+\s){1,3}[A-Z][\w'’-]+)\s*,")
#: A post in lower case after a name, "of" or "at" a body ("..., chief operating officer of TNT").
_POST_AFTER = re.compile(r"\s*,\s*((?:the\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}\s+(?:of|at)\s+(?:the\s+)?"
                         r"(?:[a-z][\w'’-]*\s+){0,3}[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4})")


def _names_the_person(source: str, name: str) -> bool:
    """Whether ``name`` is who the source phrase is: it ends the phrase, or what follows
    it describes them ("..., chief scientist at 2d3", "of MiraLab", "from the FDA")."""
    # The name may run on by a hyphen the parse cut ("Nadia Magnenat" of "Nadia Magnenat-Thalman").
    return re.search(rf"(?:^|\s){re.escape(name)}(?:-[\w'’]+)?(?:$|, | of | from | at )", source) is not None


def _source_forms(result, source: str | None) -> list[str]:
    """Every form the article uses for a source: its canonical name, each mention in an
    attribution and in the entities table, and a person's surname."""
    if not source:
        return []
    forms = {source}
    attributions = result.attributions
    same = attributions[attributions["canonical_source"] == source]
    forms |= {s for s in same["source"] if isinstance(s, str) and s and s.lower() not in PRONOUNS}
    entities = result.entities
    forms |= {t for t in entities.loc[entities["canonical"] == source, "text"] if isinstance(t, str)}
    # A name in apposition ("the Shadow Secretary for the Family, Theresa May, said")
    # is the same person.
    people = entities[entities["label"] == "PERSON"]
    for row in same.itertuples():
        if pd.notna(row.source_end):
            near = people[(people["start"] >= row.source_end) & (people["start"] - row.source_end <= 3)]
            # Only after a comma, in the same sentence: '... said founder Mikhail
            # Khodorkovsky. "Yuganskneftegas has ...' names no one beside him.
            comma = [_APPOSITION_GAP.fullmatch(result.span(int(row.source_end), int(start))) is not None for start in near["start"]]
            beside = near.loc[pd.Series(comma, index=near.index, dtype=bool)]
            forms |= set(beside["text"]) | set(beside["canonical"].dropna())
            # The parser does not always tag the name ("Theresa May"): a capitalised name
            # between commas right after the description counts too.
            after = _APPOSITION.match(result.span(int(row.source_end), int(row.source_end) + 60))
            if after:
                forms.add(after.group(1))
            # A person's post after the name ("said Olivier Gerolami, chief operating
            # officer of TNT"): a post for its holder.
            post = _POST_AFTER.match(result.span(int(row.source_end), int(row.source_end) + 80))
            if post and row.source_type == "person":
                forms.add(post.group(1))
    # A name inside the source ("Maria Lopez" in "Councillor Maria Lopez") brings every
    # form the article uses for it ("Lopez", "Ms Lopez").
    # Who made a document or report the claim rests on ("Gartner" of "a recent report
    # from analysts Gartner", "MDA" of "The figures collected by the Mobile Data
    # Association (MDA)") is a fair answer for it.
    made = same[same["source_type"].isin(["document", "media"]) & same["source_start"].notna()]
    for row in made.itertuples():
        inside = entities[(entities["start"] >= row.source_start) & (entities["end"] <= row.source_end)
                          & entities["label"].isin(["ORG", "PERSON"])]  # fmt: skip
        forms |= {t for t in inside["text"] if isinstance(t, str) and len(t) > 1}
        # "research by message analysts the Radicati Group up to 45%": the maker named right
        # after the phrase, where the parser left it out.
        after = entities[(entities["label"] == "ORG") & (entities["start"] > row.source_end)
                         & (entities["start"] <= row.source_end + 5)]  # fmt: skip
        forms |= {t for t, start in zip(after["text"], after["start"]) if re.fullmatch(r"\s*(?:the\s+)?", result.span(int(row.source_end), int(start)), re.I)}
    summary = result.entity_summary
    # Only a person's name that ends a description, or that what follows describes,
    # brings its forms ("Councillor Maria Lopez", "Professor Nadia Magnenat of the Swiss
    # research group MiraLab"): "Lib Dem" in "the Lib Dem leader" is a party, not the leader.
    inside = [isinstance(name, str) and len(name) > 2 and (name == source or (kind == "PERSON" and _names_the_person(str(source), name)))
              for name, kind in zip(summary["canonical"], summary["type"])]  # fmt: skip
    for joined in summary.loc[pd.Series(inside, index=summary.index, dtype=bool), "forms"]:
        forms |= {f for f in str(joined).split(";") if f}
    # A post the article puts before the person's name anywhere ("IOC president Jacques
    # Rogge" in a sentence that quotes no one): a fair way to say who.
    names = [f for f in forms if " " in f and f[:1].isupper() and f.split()[-1][:1].isupper()]
    for name in names:
        for m in re.finditer(r"((?:[A-Z][\w'’-]*\s+){0,3}(?:[a-z][\w-]*\s+){1,2})" + re.escape(name) + r"\b", result.text):
            words = m.group(1).split()
            if words[-1].lower() in _POST_WORDS:
                forms.add(m.group(0))
    # A phrase the parse ran across a paragraph break ("Lindsay\n\nWigan chairman Maurice
    # Lindsay", from the headline): each paragraph's part is a form of its own.
    forms = {part.strip() for f in forms for part in re.split(r"\s*\n\s*", f) if part.strip()}
    return sorted(forms, key=lambda f: (-len(f), f))


#: Nouns for a post that may stand before a name in lower case ("IOC president", "WADA chief").
_POST_WORDS = frozenset({"president", "chief", "chairman", "chairwoman", "leader", "minister", "secretary", "spokesman",
                         "spokeswoman", "director", "head", "boss", "coach", "manager", "captain", "governor", "editor",
                         "executive", "founder", "analyst", "economist", "commissioner", "general", "officer"})  # fmt: skip


def _plain_status(status: str, source: str, cue_kind: str, cues: list[dict], *, writers: bool = True) -> str:
    """One sentence a student understands: why the claim has its status (``writers``:
    the claim rests on the writer, who then does the softening)."""
    words = [c["text"] for c in cues]
    quoted = " and ".join(f"“{w}”" for w in words[:2])
    if status == "confirmed":
        return (f"The article says {source} {quoted or 'confirmed'} it: a named source confirming it is stronger "
                "than someone just saying it.")  # fmt: skip
    if status == "reported":
        return f"The article tells you who says it: {source}" + (f" ({quoted})." if quoted else ".")
    if status == "hedged":
        who = "The writer softens the claim" if writers else "The claim is softened"
        return f"{who} with {quoted or 'a hedge'}, so it is not stated as sure."
    if status == "unconfirmed":
        return f"The article leaves it open: {quoted or 'nobody confirms it'}."
    return ("The writer states it without saying where it comes from" + (f", and {quoted} makes it sound sure." if quoted else "."))


def _plain_source(source: str | None, source_type: str, context_sent_id) -> str:
    if not source:
        return "The article gives no source for this claim: it rests on the writer alone (write “the writer” or “nobody”)."
    if source.lower() == NOBODY_NAMED:
        return "The article names nobody for this claim (write “nobody” or “the writer”): it only says that it is said or believed."
    where = f" (sentence {context_sent_id} says who)" if context_sent_id is not None else ""
    first, _, rest = source.partition(" ")
    if first in {"A", "An", "The"} and rest:
        source = f"{first.lower()} {rest}"
    return f"The claim comes from {source}{where}."


def _plain_source_type(source_type: str, source: str | None) -> str:
    return f"*{source_type.capitalize()}*: {SOURCE_TYPE.describe(source_type)}"


def _plain_cues(cue_kind: str, cues: list[dict]) -> str:
    """What to look for, as "Look for the hedge: “may”."; a teacher's words of two kinds
    are named as each: "Look for the reporting verb “forecast” and the hedge “likely”."."""
    groups: dict[str, list[str]] = {}
    for c in cues:
        groups.setdefault(c.get("kind") or cue_kind, []).append(f"“{c['text']}”")
    if len(groups) <= 1:
        return f"Look for {next(iter(groups), cue_kind)}: " + "; ".join(f"“{c['text']}”" for c in cues) + "."
    return "Look for " + " and ".join(f"{kind} {' and '.join(words)}" for kind, words in groups.items()) + "."


def _cue_word_kind(result, sent_id: int, word: str) -> str | None:
    """What a teacher's cue word is in its sentence: the reporting verb of an attribution
    there, a hedge, or a word that makes it sound sure; None if the tool cannot tell."""
    lower = word.strip().lower()
    verbs = result.attributions[result.attributions["sent_id"] == sent_id]
    if any(lower in (str(cue).lower(), str(lemma).lower()) for cue, lemma in zip(verbs["cue"], verbs["cue_lemma"])):
        return CUE_KIND_BY_STATUS["reported"]
    cues = result.cues[result.cues["sent_id"] == sent_id]
    kinds = cues.loc[cues["text"].str.lower() == lower, "kind"].tolist()
    if kinds:
        return CUE_KIND_BY_STATUS["hedged"] if kinds[0] == "hedge" else CUE_KIND_BY_STATUS["asserted"]
    return None


#: Hedges a careful reader may read past: a conditional "would" ("It would allow ...").
WEAK_HEDGE_WORDS = frozenset({"would"})


def _status_alternatives(result, sentence, status: str, sourced: bool) -> tuple[dict[str, str], set[str]]:
    """Statuses a teacher would also accept, with the words that show them: for a
    reported claim, "hedged" when the source's words carry a hedge ("according to Dr
    Graham, Vioxx may be linked ..."), "confirmed" when the source says it confirms
    ('"I can confirm that ...," a spokeswoman said'); for a claim hedged only by a
    conditional "would", "asserted".
    """
    hedges = [h for h in (sentence["hedges"] or []) if isinstance(h, str)]
    if status == "hedged" and hedges and all(h.lower() in WEAK_HEDGE_WORDS for h in hedges):
        # "It would allow visitors to ...": a conditional many readers take as stated.
        return {"asserted": f"“{hedges[0]}” says what would happen; read as stated, it is the writer's claim"}, set()
    if status == "hedged" and hedges and _claim_noun_subject(result, sentence.name, hedges):
        # "Other allegations involving British soldiers included ...": the writer states
        # that there are such claims, though not that they are true.
        return {"asserted": f"the writer states that there are “{hedges[0]}”, though not that they are true"}, set()
    tokens = result.tokens[result.tokens["sent_id"] == sentence.name]
    declined = _declined_to_say(tokens)
    if status == "asserted" and not sourced:
        accused = _accused_by_nobody_named(tokens)
        if accused:
            # "Ministers have been accused of panic": the writer states that someone accuses.
            return {"reported": f"“{accused}” passes on an accusation, though the article does not say whose"}, {accused.lower()}
        if declined:
            # "He refused to answer further questions": the writer states it, and someone would not say.
            return {"unconfirmed": f"someone would not say (“{declined}”)"}, set()
    if status != "reported" or not sourced:
        return {}, set()
    extra: dict[str, str] = {}
    words: set[str] = set()
    if declined:
        # "Rogge said it was too early to speculate": what the source will not say.
        extra["unconfirmed"] = f"the source will not say (“{declined}”)"
    # Not a rough number ("up to 45%") nor a conditional "would" ("we felt if we played
    # well we would win"): neither softens what the source says.
    cues = result.cues[(result.cues["sent_id"] == sentence.name) & (result.cues["kind"] == "hedge")]
    rough = {str(t).lower() for t in cues.loc[cues["category"].isin(NEVER_REQUIRED_CATEGORIES), "text"]}
    weighed = _inside_claim_noun_subject(tokens, hedges) | (set(declined.lower().split()) if declined else set())
    softening = [h for h in hedges if h.lower() not in rough | weighed and h.lower() not in WEAK_HEDGE_WORDS]
    if softening:
        extra["hedged"] = f"what the source says is softened (“{softening[0]}”)"
        words |= {h.lower() for h in softening}
    # "others certainly did," he said: the source's own word of how sure counts as a cue too.
    boosters = result.cues[(result.cues["sent_id"] == sentence.name) & (result.cues["kind"] == "booster")]
    words |= {str(t).lower() for t in boosters["text"]}
    confirming = [t for t, lemma in zip(tokens["text"], tokens["lemma"]) if str(lemma).lower() in reporting_cues("confirming")]
    if confirming:
        extra["confirmed"] = f"the source says it confirms it (“{confirming[0]}”)"
        words |= {c.lower() for c in confirming}
    return extra, words


#: Verbs of not saying that take an infinitive ("refused to answer", "declined to say").
_DECLINING = frozenset({"refuse", "decline"})


def _declined_to_say(tokens: pd.DataFrame) -> str | None:
    """The words that say someone would not say, as written: "too early to speculate"
    ("too" and an adjective before an infinitive) or "refused to answer" (a verb of
    declining and its infinitive); None when there are none."""
    rows = list(tokens.itertuples())
    for k, token in enumerate(rows[:-1]):
        nxt = rows[k + 1]
        if str(token.lemma).lower() in _DECLINING and str(token.pos) == "VERB" and str(nxt.text).lower() == "to" and k + 2 < len(rows):
            return f"{token.text} to {rows[k + 2].text}"
        if str(token.text).lower() == "too" and k + 3 < len(rows) and str(nxt.pos) == "ADJ" and str(rows[k + 2].text).lower() == "to" \
                and str(rows[k + 3].pos) == "VERB":
            return f"too {nxt.text} to {rows[k + 3].text}"
    return None


def _inside_claim_noun_subject(tokens: pd.DataFrame, hedges: list[str]) -> set[str]:
    """The hedge words (lower case) that are a claim noun as a subject, or inside its
    clause: in "Suggestions that it could be a gaming Christmas are unlikely to come
    true, said Mr Irish", "Suggestions" and "could" are the idea he weighs, and only
    "unlikely" softens what he says."""
    words = {h.lower() for h in hedges}
    nouns = {t.i for t in tokens.itertuples() if str(t.text).lower() in words and str(t.tag).startswith("NN")
             and t.dep in ("nsubj", "nsubjpass")}  # fmt: skip
    inside = {str(text).lower() for text, under in zip(tokens["text"], _under(tokens, nouns)) if under}
    return inside & words


def _under(tokens: pd.DataFrame, roots: set[int]) -> list[bool]:
    """For each token of one sentence (a tokens table), whether it is one of ``roots`` or
    hangs from one (following ``head_i`` up to the sentence's root)."""
    heads = dict(zip(tokens["i"], tokens["head_i"]))
    found = []
    for at in tokens["i"]:
        seen: set[int] = set()
        while at not in roots and at not in seen and at in heads:
            seen.add(at)
            at = heads[at]
        found.append(at in roots)
    return found


def _claim_noun_subject(result, sent_id: int, hedges: list[str]) -> bool:
    """Whether the sentence's hedge is a noun for claims that is its main verb's subject
    ("Other allegations ... included"), so the sentence states that the claims exist."""
    tokens = result.tokens[result.tokens["sent_id"] == sent_id]
    words = {h.lower() for h in hedges}
    return any(str(t.text).lower() in words and str(t.tag).startswith("NN") and t.dep in ("nsubj", "nsubjpass")
               and tokens.loc[tokens["i"] == t.head_i, "dep"].eq("ROOT").any() for t in tokens.itertuples())  # fmt: skip


#: Verbs whose passive with nobody named passes on a charge ("have been accused of",
#: "was criticised for", "were blamed for").
CHARGING_VERBS = frozenset({"accuse", "criticise", "criticize", "blame", "allege"})


def _accused_by_nobody_named(tokens: pd.DataFrame) -> str | None:
    """The passive charging verb of a sentence that names no one making the charge
    ("have been accused"), or None."""
    for token in tokens.itertuples():
        if str(token.lemma).lower() in CHARGING_VERBS and token.tag == "VBN":
            children = tokens[tokens["head_i"] == token.i]
            if (children["dep"] == "auxpass").any() and not (children["dep"] == "agent").any():
                return str(token.text)
    return None


def _accepted(field: str, best: str, extra: dict[str, str] | None = None) -> dict[str, str]:
    found = {given: reason for (f, b, given), reason in DEFENSIBLE_ANSWERS.items() if f == field and b == best}
    return {**found, **(extra or {})}


def _same_answer(field: str, a, b) -> bool:
    """Whether a teacher's answer is the tool's: cue words compared as sets, in any order
    and case ("speculation;possibility" is the tool's ['possibility', 'speculation'])."""
    if field == "cues":
        return {str(w).strip().lower() for w in a} == {str(w).strip().lower() for w in b}
    return str(a).strip().lower() == str(b).strip().lower()


def _teacher_value(teacher: pd.DataFrame | None, sent_id: int, field: str):
    if teacher is None or sent_id not in teacher.index or field not in teacher.columns:
        return None
    value = teacher.at[sent_id, field]
    if value is None or (isinstance(value, float) and pd.isna(value)) or value == "":
        return None
    return value


#: A body speaking through a document ("said in a statement"; not "declined to comment
#: on the report").
SPOKE_THROUGH = re.compile(r"\b(?:in|through|by) (?:a|an|its|their|the|his|her) (?:\w+ )?(?:statement|letter|report|filing|press release|memo)s?\b"
                           r"|\b(?:research|report|study|survey|figures|findings) (?:by|from)\b", re.I)
#: A source that may be a news outlet's report as well as a document.
REPORT_WORD = re.compile(r"\breports?\b", re.I)


def exercise_key(result, cards: pd.DataFrame | None = None, *, teacher_key: pd.DataFrame | None = None) -> dict:
    """The exercise key for ``cards`` (default :func:`claim_cards`), as written to
    ``teacher/key.json``.

    Each card holds ``answers`` (per field: the best answer; for status and source type
    the accepted alternatives with their reason; for the source every form the article
    uses; for cues the words and their forms, or None when no word decides the claim),
    ``explain`` (one plain sentence per field, for students' feedback), ``by`` (per
    field: ``tool`` or ``teacher``), ``tool`` (the tool's answers where a teacher's key
    overrides them) and ``trace`` (the status rule and cue offsets, for the teacher).
    """
    cards = claim_cards(result) if cards is None else cards
    sentences = result.sentences.set_index("sent_id")
    teacher = teacher_key.set_index("sent_id") if teacher_key is not None else None
    out = [_key_card(result, card, sentences.loc[int(card["sent_id"])], teacher) for card in cards.to_dict("records")]
    return {"points": dict(POINTS), "cards": out}


#: The quoting words of "X was quoted as saying", which a student may give as the cue.
QUOTED_AS_FORMS = frozenset({"quoted", "quote", "was quoted", "quoted as saying"})


def _with_teacher(teacher: pd.DataFrame | None, sent_id: int, tool: dict) -> tuple[dict, dict, list[str], dict[str, list[str]]]:
    """A card's answers with a teacher's key over the tool's: the best answers, who set
    each (``tool`` or ``teacher``), more forms of the teacher's source ("Microsoft; Mike
    Nash") and more labels the teacher takes alike ("hedged; unconfirmed")."""
    by = dict.fromkeys(FIELDS, "tool")
    best = dict(tool)
    also: list[str] = []
    alike: dict[str, list[str]] = {}
    for field in FIELDS:
        value = _teacher_value(teacher, sent_id, field)
        if field in ("source", "status", "source_type") and isinstance(value, str) and ";" in value:
            value, *more = [part.strip() for part in value.split(";") if part.strip()] or [None]
            if field == "source":
                also = more
            else:
                alike[field] = more
        if value is not None and not _same_answer(field, value, tool[field]):
            best[field], by[field] = value, "teacher"
    return best, by, also, alike


def _key_card(result, card: dict, sentence: pd.Series, teacher: pd.DataFrame | None) -> dict:
    """One card of :func:`exercise_key`."""
    sent_id = int(card["sent_id"])
    status, source_type = sentence["status"], sentence["claim_source_type"]
    source = sentence["claim_source"] if source_type != "author" else None
    cue_kind, cues = deciding_cues(result, sent_id, status, source)
    context = card.get("context_sent_id")
    context = int(context) if context is not None and not pd.isna(context) else None
    tool = {"status": status, "source": source or "the writer", "source_type": source_type, "cues": [c["text"] for c in cues]}
    best, by, also, alike = _with_teacher(teacher, sent_id, tool)
    # The card's source as the attributions of its sentence (and the one naming its speaker) give it.
    own = result.attributions[
        result.attributions["sent_id"].isin([sent_id, context if context is not None else -1])
        & (result.attributions["canonical_source"] == source)
    ]
    places = set(result.entities.loc[result.entities["label"].isin(PLACE_ENTITY_LABELS), "canonical"].dropna())
    extra_types = _alternative_types(str(card["text"]), source, best, by, own, places=places)
    forms, person = _answer_forms(result, str(card["text"]), sent_id, source, best, by)
    forms = [*forms, *(f for f in also if f not in forms)]
    if any(str(f).strip().lower() in NOBODY_FORMS for f in also):
        # "the writer" among a teacher's forms: the other ways of saying nobody is cited count too.
        forms = [*forms, *(f for f in NOBODY_FORMS if f not in forms)]
    if person:
        extra_types.setdefault("person", person)
    within = _voices_within(result, sent_id, best) if by["source"] == "tool" else result.attributions.iloc[0:0]
    for row in within.itertuples():
        # "... as experts predict a gadget shortage": the writer's advice rests on them.
        extra_types.setdefault(row.source_type, f"the sentence itself also cites {row.source.strip()} (“{row.cue}”)")
    written = source_as_written(result, [sent_id] + ([context] if context is not None else []), source) or str(best["source"])
    if by["status"] == "teacher" and by["cues"] == "tool" and _teacher_value(teacher, sent_id, "cues") is None:
        # Your status, no cue words of yours: the words that teach your status in this
        # sentence ("could" for hedged), not the tool's words for its own ("said").
        cue_kind, cues = deciding_cues(result, sent_id, best["status"], source if by["source"] == "tool" else None)
    cue_words = list(best["cues"]) if by["cues"] == "teacher" else [c["text"] for c in cues]
    if by["status"] == "teacher":
        cue_kind = CUE_KIND_BY_STATUS.get(best["status"], cue_kind)
    cue_forms, passed_on = _cue_forms(result, sent_id, cues, cue_words, best, by, own, extra_types, source=source)
    extra_statuses, extra_cues = _status_alternatives(result, sentence, best["status"], by["status"] == "tool" and bool(source))
    if by["cues"] == "tool" and cue_words:
        cue_forms = sorted(set(cue_forms) | extra_cues)
    # Part credit for a speaker nearby, or the outlet a quotation is taken from, is the
    # tool's reading; a teacher's source replaces it.
    nearby = {**_nearby_speakers(result, sent_id, best).get("nearby", {}), **passed_on} if by["source"] == "tool" else {}
    if best["status"] == "unconfirmed" and source and by["source"] == "tool":
        extra_statuses["reported"] = f"{written} does say something about it, though what they say leaves it open"
    # A cell the teacher filled in is the whole answer for that field, even when it says what
    # the tool says: the tool's extra credit for it goes (sport/036 review).
    written_cells = {field for field in FIELDS if _teacher_value(teacher, sent_id, field) is not None}
    extra_statuses = {} if "status" in written_cells else extra_statuses
    extra_types = {} if "source_type" in written_cells else extra_types
    nearby = {} if "source" in written_cells else nearby
    if "cues" in written_cells:
        cue_forms = sorted({w.lower() for w in cue_words} | {c["lemma"].lower() for c in cues if c["text"] in cue_words})
    if str(best["source"]).lower() == NOBODY_NAMED and by["source_type"] == "tool" and "source_type" not in alike:
        # "is believed to": nobody is named, so the claim rests on the writer too; both types are right.
        alike["source_type"] = [best["source_type"], "author"]
    elif (best["source_type"] in NAMELESS_SOURCE_TYPES and by["source_type"] == "tool" and "source_type" not in alike
          and re.match(r"(?i)an?\s", written)):  # fmt: skip
        # "A critic once said": one person with no name; whether the reporter spoke to them
        # the article does not say, so anonymous and unnamed are both right (entertainment/021 review).
        alike["source_type"] = sorted(NAMELESS_SOURCE_TYPES)
    answers = {
        "status": _choice_answer("status", best["status"], extra_statuses, alike.get("status")),
        "source": {"best": best["source"], "forms": forms, **({"nearby": nearby} if nearby else {})},
        "source_type": _choice_answer("source_type", best["source_type"], extra_types, alike.get("source_type")),
        "cues": {"words": cue_words, "forms": cue_forms, "kind": cue_kind} if cue_words else None,
    }
    named = written if by["source"] == "tool" else str(best["source"])
    explain = _explanations(result, sent_id, best, by, cue_kind=cue_kind, cue_words=cue_words, named=named, context=context, source=source)
    spans = "; ".join(f"'{c['text']}' [{c['start']}:{c['end']}] ({c['what']})" for c in cues)
    return {
        "card": int(card["card"]), "sent_id": sent_id, "text": str(card["text"]),
        "context_sent_id": context, "context": str(card.get("context") or ""),
        "answers": answers, "explain": explain, "by": by,
        "tool": {f: tool[f] for f in FIELDS if by[f] == "teacher"},
        "trace": f"status rule: {sentence['status_reason']}" + (f"; deciding words: {spans}" if spans else "")
                 + f"; source type rule: {_source_type_reason(result, sent_id, source)}",
    }  # fmt: skip


def _cue_forms(result, sent_id: int, cues: list[dict], cue_words: list[str], best: dict, by: dict, own: pd.DataFrame,
               extra_types: dict[str, str], *, source: str | None) -> tuple[list[str], dict[str, str]]:
    """The cue words a card accepts, and the outlet a quotation is taken from (with its
    part credit; "media" joins ``extra_types``)."""
    passed_on: dict[str, str] = {}
    # Your words, and the tool's too, unless you named another source: then the tool's
    # words were about someone else's claim.
    tools_words = by["cues"] == "tool" or by["source"] == "tool"
    cue_forms = sorted({w.lower() for w in cue_words} | ({c["lemma"].lower() for c in cues} if tools_words else set())
                       | ({c["text"].lower() for c in cues} if by["cues"] == "teacher" and tools_words else set()))
    if by["cues"] == "tool" and cue_words and source and best["status"] in SOURCED_STATUSES:
        # Every reporting word the sentence gives the same source counts ("the claim was
        # denied by a UKIP spokesman, who said: ...": "denied" as well as "said").
        # Not the verb of a refusal alone: "comment" of "declined to comment" says the opposite.
        same_speaker = own[(own["sent_id"] == sent_id) & (own["cue_stance"] != "non_committal")]
        cue_forms = sorted(set(cue_forms) | {str(w).lower() for column in ("cue", "cue_lemma") for w in same_speaker[column].dropna()})
        if (same_speaker["pattern"] == "quoted_as").any():
            # "Dixon was quoted by The Australian as saying ...": "quoted" tells it too.
            cue_forms = sorted(set(cue_forms) | QUOTED_AS_FORMS)
            passed_on = _second_hand(result, sent_id, extra_types)
    return cue_forms, passed_on


def _explanations(result, sent_id: int, best: dict, by: dict, *, cue_kind: str, cue_words: list[str], named: str,
                  context: int | None, source: str | None) -> dict[str, str]:
    """What a student reads for each field of a card (the ``explain`` of :func:`_key_card`)."""
    # A teacher's words, each named as what it is ("forecast" a reporting verb, "likely" a hedge).
    named_kinds = by["cues"] == "teacher" or by["status"] == "teacher"
    plain_cues = [{"text": w, "kind": _cue_word_kind(result, sent_id, w) if named_kinds else None} for w in cue_words]
    # The status line names only the words of its own kind ("would" does not make an asserted claim sure).
    status_cues = [c for c in plain_cues if c["kind"] in (None, cue_kind)]
    return {
        "status": _plain_status(best["status"], named, cue_kind, status_cues, writers=best["source_type"] == "author"),
        "source": _plain_source(None if best["source_type"] == "author" else named, best["source_type"], context),
        "source_type": _plain_source_type(best["source_type"], source),
        "cues": _plain_cues(cue_kind, plain_cues) if cue_words else "",
    }


def _choice_answer(field: str, best: str, extra: dict[str, str], alike: list[str] | None) -> dict:
    """A status or source type as the key gives it: the best answer, the accepted
    alternatives (part credit) and, from a teacher's key, the labels taken alike (``also``,
    full credit: "hedged; unconfirmed")."""
    answer = {"best": best, "accepted": {k: v for k, v in _accepted(field, best, extra).items() if k not in (alike or [])}}
    if alike:
        answer["also"] = [label for label in alike if label != best]
    return answer


def _alternative_types(text: str, source: str | None, best: dict, by: dict, own: pd.DataFrame, *, places: set[str]) -> dict[str, str]:
    """Source types a card also accepts, with why: a person who speaks for a body, a
    body's unnamed spokesperson, nameless people who speak for a government, a body
    speaking through a statement."""
    speaks_for = own["speaks_for"].dropna()
    through_spokesperson = own["source_type_reason"].str.contains("[rule: spokesperson]", regex=False).any()
    # Not a former one: "Former France fly-half Thomas Castaignede" speaks for nobody now.
    former = own["source"].fillna("").str.contains(r"(?i)\b(?:former|ex-)", regex=True).any()
    # "France coach Bernard Laporte speaks for France": the team or government, not the country.
    for_whom = (f"{speaks_for.iloc[0]} (the team or government they work for)" if len(speaks_for) and speaks_for.iloc[0] in places
                else speaks_for.iloc[0] if len(speaks_for) else "")  # fmt: skip
    extra = {"organization": f"{source} speaks for {for_whom}"} if (
        best["source_type"] == "person" and len(speaks_for) and speaks_for.iloc[0] != source and not former) else {}  # fmt: skip
    if best["source_type"] == "organization" and by["source_type"] == "tool" and through_spokesperson:
        extra["anonymous"] = f"the spokesperson is not named, though they speak on the record for {source}"
    if (best["source_type"] in NAMELESS_SOURCE_TYPES and by["source_type"] == "tool" and len(speaks_for) and _officials(own)
            and str(speaks_for.iloc[0]) in places):
        # "Officials in Moscow": nameless people, but they speak for a government (not
        # "A US airline attendant", whose country only says where she works, nor "Tory
        # sources", insiders of a party).
        extra["organization"] = f"they speak for the authorities of {speaks_for.iloc[0]}"
    if best["source_type"] == "document" and by["source_type"] == "tool" and REPORT_WORD.search(str(source)):
        # "a report in the Sun": a report may be a news outlet's, not "figures from Ofcom".
        extra["media"] = "a report may be read as a document or as a news report"
    spokesperson = any(w.lower() in SPOKESPERSON_NOUNS for phrase in own["source"].dropna() for w in re.findall(r"\w+", str(phrase)))
    if best["source_type"] == "anonymous" and by["source_type"] == "tool" and spokesperson:
        # "Prime Minister Tony Blair's official spokesman": unnamed, but on the record for
        # an office; the worksheet's organisation covers "an unnamed spokesperson".
        extra["organization"] = "a spokesperson speaks on the record for the person or office they work for"
    example = next((m.group(1).strip() for phrase in own["source"].dropna() for m in [_NAMED_EXAMPLE.search(str(phrase))] if m), None)
    if best["source_type"] in NAMELESS_SOURCE_TYPES and by["source_type"] == "tool" and example:
        # "Some, such as 83-year-old Elizabeth Winkfield": the group is nameless, but a named person speaks for it.
        extra["person"] = f"the source's words name a person, {example}"
    if best["source_type"] == "anonymous" and by["source_type"] == "tool" and _one_post_holder(own):
        # "The deputy speaker said ...": one person holds the post, so a reader can find out who.
        extra["person"] = "one person holds this post, so a reader can find out who it is"
    if best["source_type"] == "organization" and by["source_type"] == "tool" and SPOKE_THROUGH.search(text):
        extra["document"] = "the organisation speaks here through a statement, letter or report"
    return extra


#: A person named as an example of a nameless group ("Some, such as 83-year-old Elizabeth Winkfield").
_NAMED_EXAMPLE = re.compile(r"\b(?:such as|including|like)\s+(?:[\w-]+\s+){0,3}?((?:[A-Z][\w'’-]+\s?){2,3})$")


def _officials(own: pd.DataFrame) -> bool:
    """Whether a nameless source is people in office ("officials", "a spokesman", "US
    diplomats": ``lexicons/source_nouns.csv``, person roles), who speak for a government."""
    nouns = source_noun_categories()
    words = {w.lower() for s in own["source"].dropna() for w in re.findall(r"[A-Za-z]+", str(s))}
    return any(nouns.get(w) == "person_role" or nouns.get(w.rstrip("s")) == "person_role" for w in words)


#: Posts one person holds at a time, which "the ..." names as surely as a name would.
SINGLE_POSTS = frozenset({"speaker", "chancellor", "president", "premier", "governor", "mayor", "chairman", "general",
                          "chairwoman", "chair", "leader", "secretary", "minister", "ambassador", "commissioner",
                          "director", "executive", "manager", "coach", "captain", "editor", "judge", "archbishop"})  # fmt: skip


def _one_post_holder(own: pd.DataFrame) -> bool:
    """Whether a source is "the" and a post one person holds ("The deputy speaker", "the
    club's manager"), not a plural or "a" one ("a minister", "officials")."""
    for source in own["source"].dropna():
        words = re.findall(r"[A-Za-z']+", str(source).lower())
        if len(words) >= 2 and words[0] == "the" and words[-1] in SINGLE_POSTS:
            return True
    return False


def _answer_forms(result, text: str, sent_id: int, source: str | None, best: dict, by: dict) -> tuple[list[str], str | None]:
    """The forms a card's source answer may take, and why a named person in the sentence
    may also be called the source's type ("person"), or None."""
    person = None
    forms = _source_forms(result, source) if by["source"] == "tool" else [str(best["source"])]
    if by["source"] == "teacher" and source:
        # Your source wins. Where it names the tool's source another way ("the Lord
        # Chancellor" for "Lord Falconer" is not; "Ms Lomax" for "Rachel Lomax" is),
        # the words the sentence itself uses for it still count; another person's do not.
        tool_forms = _source_forms(result, source)
        if same_source(str(best["source"]), tool_forms) or same_source(str(source), [str(best["source"])]):
            forms = [*forms, *(f for f in tool_forms if f in text)]
    if by["source"] == "tool" and source:
        # Someone in the sentence who speaks for the source ("Defence Secretary Lloyd
        # Austin" for the US) is a fair answer too, and so is calling them a person.
        here = result.attributions[(result.attributions["sent_id"] == sent_id) & (result.attributions["speaks_for"] == source)]
        for other in dict.fromkeys(here["canonical_source"].dropna()):
            forms = sorted(set(forms) | set(_source_forms(result, other)), key=lambda f: (-len(f), f))
        people = here[(here["source_type"] == "person") & (here["canonical_source"] != source)]["canonical_source"].dropna()
        if len(people) and best["source_type"] != "person" and by["source_type"] == "tool":
            person = f"{people.iloc[0]}, a named person in the sentence, speaks for {source}"
    if best["source_type"] == "author" or str(best["source"]).lower() == NOBODY_NAMED or not forms:
        # Nobody is cited, or only "it is alleged"; or the teacher changed only the type
        # of a claim the tool gives the writer: the source is still "the writer".
        forms = [*forms, *(f for f in NOBODY_FORMS if f not in forms)]
    return forms, person


def _voices_within(result, sent_id: int, best: dict) -> pd.DataFrame:
    """For a claim the writer makes alone: the other voices its sentence cites in a
    clause of its own ("... may want to get their presents in early as experts predict a
    gadget shortage"), named or not; not one that denies or will not comment. A student
    who names them has read the sentence, not guessed."""
    if best["source_type"] != "author" or result.attributions.empty:
        return result.attributions.iloc[0:0]
    here = result.attributions[(result.attributions["sent_id"] == sent_id)
                               & ~result.attributions["cue_stance"].isin(["denying", "non_committal"])]  # fmt: skip
    here = here[here["source_type"].isin([*IDENTIFIED_SOURCE_TYPES, *NAMELESS_SOURCE_TYPES]) & here["source"].notna()]
    here = here[~here["source"].map(lambda s: str(s).strip().lower() in PRONOUNS).astype(bool)]
    # Not a thing that "states" ("a rule stating that ..."): nameless voices are people.
    return here[here["source_type"].isin(IDENTIFIED_SOURCE_TYPES) | here["source"].map(phrase_names_people).astype(bool)]


def _second_hand(result, sent_id: int, extra_types: dict[str, str]) -> dict[str, str]:
    """The outlet a quotation is taken from ("the Financial Times newspaper quoted an
    insider ... as saying"), as a source earning part credit, and "media" as a type
    that does; {} when no outlet is named."""
    outlet = _quoting_outlet(result, sent_id)
    if outlet is None:
        return {}
    extra_types.setdefault("media", f"the quotation comes second-hand, from {outlet}")
    return {outlet: f"the article takes the quotation from {outlet}"}


def _quoting_outlet(result, sent_id: int) -> str | None:
    """Who passes a quotation on ("the Financial Times newspaper" of "..., the Financial
    Times newspaper quoted an insider in the talks as saying"): the subject of "quoted"
    in the sentence, in the article's words, or None."""
    tokens = result.tokens[result.tokens["sent_id"] == sent_id]
    quoted = tokens[(tokens["lemma"].str.lower() == "quote") & tokens["pos"].isin(["VERB", "AUX"])]
    for verb in quoted.itertuples():
        subject = tokens[(tokens["head_i"] == verb.i) & (tokens["dep"] == "nsubj")]
        if subject.empty:
            continue
        phrase = tokens[_under(tokens, {int(subject["i"].iloc[0])})]
        start, end = int(phrase["start"].min()), int(phrase["end"].max())
        # "the Financial Times newspaper": the name, without the kind of outlet after it.
        text = re.sub(r"(?:\s+[a-z][\w-]*)+$", "", result.text[start:end].strip())
        return text if re.search(r"\b[A-Z]", text) else None
    return None


def _nearby_speakers(result, sent_id: int, best: dict) -> dict:
    """For a claim the writer makes alone: the speaker of the sentence next to it in its
    paragraph (``nearby``: each form the article uses, with why it earns part credit).
    The worksheet tells students to read around a sentence for its speaker, so naming
    that speaker is a fair misreading, not a wrong guess: the speaker of the sentence
    before, whose words the writer may be carrying on, or of a quotation right after
    ('"It is not a big thing," said Eddie Wong'). Not a source that denies or will not
    comment, nor someone the sentence only mentions ("his front bench team")."""
    if best["source_type"] != "author":
        return {}
    sentences = result.sentences.set_index("sent_id")
    if sent_id not in sentences.index:
        return {}
    nearby: dict[str, str] = {}
    for row in _voices_within(result, sent_id, best).itertuples():
        reason = f"the sentence itself also cites {row.source.strip()} (“{row.cue}”)"
        for form in (row.canonical_source, row.source):
            nearby.setdefault(str(form).strip(), reason)
    # "Meanwhile, ...": a sentence that turns to another subject carries no one's words on.
    first_word = re.match(r"\W*(\w+)", str(sentences.at[sent_id, "text"]))
    turns = first_word is not None and first_word.group(1).lower() in lexicon_words("context_words", "topic_shift")
    for other, where in ((sent_id - 1, "before"), (sent_id + 1, "after")):
        if other not in sentences.index or sentences.at[other, "para_id"] != sentences.at[sent_id, "para_id"]:
            continue
        if where == "before" and turns:
            continue
        speaker = sentences.at[other, "claim_source"]
        if sentences.at[other, "status"] not in ("reported", "confirmed") or not isinstance(speaker, str):
            continue
        if where == "after" and sentences.at[other, "status_rule"] != "direct_quotation" and not str(sentences.at[other, "text"]).lstrip().startswith(tuple(OPENING_MARKS)):
            continue  # a report after the claim is its own news, not the claim's source
        rows = result.attributions[(result.attributions["sent_id"] == other) & (result.attributions["canonical_source"] == speaker)
                                   & ~result.attributions["cue_stance"].isin(["denying", "non_committal"])]  # fmt: skip
        for row in rows.itertuples():
            if row.source_type not in (*IDENTIFIED_SOURCE_TYPES, *NAMELESS_SOURCE_TYPES) or not isinstance(row.source, str):
                continue
            # Named there only as "he" ('He said ministers had not delivered ...'): the
            # person the pronoun stands for, in the article's words.
            pronoun = row.source.strip().lower() in PRONOUNS
            shown = row.canonical_source if pronoun else row.source.strip()
            reason = f"the sentence {where} it rests on {shown}"
            for form in ((row.canonical_source,) if pronoun else (row.canonical_source, row.source)):
                nearby.setdefault(form.strip(), reason)
            if pronoun:
                for form in _source_forms(result, row.canonical_source):
                    nearby.setdefault(form, reason)
    return {"nearby": nearby} if nearby else {}


def source_as_written(result, sent_ids: list[int], source: str | None) -> str | None:
    """The source as the card's sentence (or its neighbour) writes it ("the US" for
    United States), not a pronoun."""
    rows = result.attributions[result.attributions["sent_id"].isin(sent_ids) & (result.attributions["canonical_source"] == source)]
    for text in rows["source"]:
        if isinstance(text, str) and text and text.lower() not in PRONOUNS:
            return text
    return None


def _source_type_reason(result, sent_id: int, source: str | None) -> str:
    rows = result.attributions[(result.attributions["sent_id"] == sent_id) & (result.attributions["canonical_source"] == source)]
    reasons = [r for r in rows["source_type_reason"] if isinstance(r, str) and r]
    return reasons[0] if reasons else ("no attribution: the writer's own claim" if not source else "from a neighbouring sentence")


#: The columns a teacher's key may have.
KEY_COLUMNS = ("sent_id", *FIELDS)


def read_key_table(path: str | Path) -> pd.DataFrame:
    """A teacher's key CSV as text cells (blank cells empty), column names stripped; for
    :func:`read_teacher_key` and the comparison's key.

    Raises:
        InputError: The file cannot be read (one line).
    """
    try:
        key = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read the teacher's key: {' '.join(str(error).split())}") from None
    key.columns = [str(c).strip() for c in key.columns]
    return key


def _label(value: str) -> str:
    """A label as the key compares it: trimmed, lower case, in the spelling marking
    compares ("Organisation" is "organization")."""
    return compared_form(str(value).strip().lower())


def _labels(value: str) -> list[str]:
    """The labels of one key cell, in order: "hedged; unconfirmed", "hedged or
    unconfirmed" and "hedged/unconfirmed" are two answers the teacher takes alike."""
    return list(dict.fromkeys(_label(part) for part in re.split(r"\s*(?:;|/|\bor\b)\s*", str(value)) if part.strip()))


def read_teacher_key(path: str | Path, *, result=None) -> pd.DataFrame:
    """A teacher's answer key: a CSV with ``sent_id`` and any of status, source,
    source_type, cues (cues separated by ``;``; a source's other accepted forms after the
    answer, separated by ``;``; two statuses or source types the teacher takes alike,
    "hedged; unconfirmed", both full marks). Blank cells leave the tool's answer.

    The key is checked before it is used, each problem named by its line in the file:
    unknown columns, a ``sent_id`` that is not a whole number or appears twice, a status
    or source type outside the vocabulary. With ``result`` (the article's analysis) each
    ``sent_id`` must also be one of its body claims (see :func:`sentence_problems`); every
    problem is named in one message.

    Raises:
        InputError: The file cannot be read, or the key is not valid (one line).
    """
    name = str(path)
    key = read_key_table(path)
    unknown = [c for c in key.columns if c not in KEY_COLUMNS]
    if unknown:
        raise InputError(f"{name}: unknown column{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))} "
                         f"(a teacher's key has: {', '.join(KEY_COLUMNS)})")  # fmt: skip
    if "sent_id" not in key.columns:
        raise InputError(f"{name}: a teacher's key needs a sent_id column")
    seen: dict[int, int] = {}
    ids = []
    problems = []  # every bad row at once, so one run shows the teacher all of them
    for row, value in enumerate(key["sent_id"].tolist()):
        line = row + 2  # the header is line 1, as a spreadsheet numbers rows
        if not re.fullmatch(r"\s*\d+\s*", value):
            problems.append(f"line {line}: sent_id {value!r} is not a sentence number (a whole number, 0 or more)")
            ids.append(-1)
            continue
        sent_id = int(value)
        if sent_id in seen:
            problems.append(f"line {line}: sentence {sent_id} is already in the key (line {seen[sent_id]})")
        seen.setdefault(sent_id, line)
        ids.append(sent_id)
        for field, allowed in (("status", STATUSES), ("source_type", SOURCE_TYPES)):
            cell = key.at[row, field] if field in key.columns else ""
            # The teacher's own word in the message: "company", not the "firm" it is compared as.
            written = {_label(part): part.strip() for part in re.split(r"\s*(?:;|/|\bor\b)\s*", str(cell)) if part.strip()}
            for given in _labels(cell):
                if given not in allowed:
                    problems.append(f"line {line}: {field} {written.get(given, given)!r} is not one of {', '.join(allowed)}")
        problems += _row_contradictions(key, row, line)
    key["sent_id"] = ids
    key.attrs["lines"] = seen  # sent_id -> line in the file, for later messages
    if result is not None:
        problems += sentence_problems(key[key["sent_id"] >= 0], result)
        problems += _type_without_source(key[key["sent_id"] >= 0], result)
    if problems:
        raise InputError(_problems_line(name, problems))
    for field in ("status", "source_type"):
        if field in key.columns:
            key[field] = key[field].map(lambda value: "; ".join(_labels(value)))
    if "cues" in key.columns:
        key["cues"] = key["cues"].map(_teacher_cues)
    return key


#: What a teacher writes in the cues column for a sentence with no cue words (the
#: worksheet's own word is "none"): the card then marks no cue.
NO_CUE_CELLS = NO_CUE_WORDS


def _teacher_cues(cell: str | None) -> list[str] | None:
    """A key's cues cell as cue words: blank leaves the tool's (None); "none" says there
    are none (an empty list)."""
    if not cell:
        return None
    if cell.strip().lower() in NO_CUE_CELLS:
        return []
    return [c.strip().lower() for c in cell.split(";") if c.strip()]


def _problems_line(name: str, problems: list[str]) -> str:
    """Every problem of a key in one line: "key.csv, line 6: ..." or "key.csv: 2 problems: line 6: ...; line 7: ..."."""
    problems = sorted(problems, key=lambda p: int(m.group(1)) if (m := re.match(r"line (\d+):", p)) else 0)
    if len(problems) == 1:
        return f"{name}, {problems[0]}" if problems[0].startswith("line ") else f"{name}: {problems[0]}"
    return f"{name}: {len(problems)} problems: " + "; ".join(problems)


def _row_contradictions(key: pd.DataFrame, row: int, line: int) -> list[str]:
    """A row that says two things at once: "none" beside cue words ("would; none"), or
    the writer as the source with another source type (or the other way round)."""
    problems = []
    cell = str(key.at[row, "cues"]) if "cues" in key.columns else ""
    words = [w.strip().lower() for w in re.split(r"[;,]", cell) if w.strip()]
    if len(words) > 1 and any(w in NO_CUE_CELLS for w in words):
        problems.append(f"line {line}: cues {cell.strip()!r} gives cue words and says there are none; write one or the other")
    source = str(key.at[row, "source"]).split(";")[0].strip() if "source" in key.columns else ""
    types = _labels(key.at[row, "source_type"]) if "source_type" in key.columns else []
    if source.lower() in NOBODY_FORMS and types and "author" not in types:
        problems.append(f"line {line}: the source is {source!r} but the source type is {types[0]!r}; the writer's own claim is 'author'")
    if source and source.lower() not in NOBODY_FORMS and types == ["author"]:
        problems.append(f"line {line}: source type 'author' is the writer's own claim, but the source is {source!r}")
    return problems


def _type_without_source(key: pd.DataFrame, result) -> list[str]:
    """Rows that give a claim the tool gives the writer another source type and no
    source: whose would it be?"""
    lines = key.attrs.get("lines", {})
    writers = set(result.sentences.loc[result.sentences["claim_source_type"] == "author", "sent_id"].tolist())
    problems = []
    for row in key.itertuples():
        source = str(getattr(row, "source", "") or "").strip()
        types = _labels(getattr(row, "source_type", "") or "")
        if row.sent_id in writers and types and "author" not in types and not source:
            problems.append(f"line {lines.get(row.sent_id, '?')}: sentence {row.sent_id} is the writer's own claim in the tool's key; "
                            f"a source type of {types[0]!r} needs a source too (write it in the source column)")  # fmt: skip
    return problems


def sentence_problems(key: pd.DataFrame, result) -> list[str]:
    """The key's rows whose ``sent_id`` is not one of the article's body claims (the
    sentences with a status: the only ones a card can show), each as "line N: ..."."""
    sentences = result.sentences
    claims = set(sentences.loc[sentences["status"].notna(), "sent_id"].tolist())
    lines = key.attrs.get("lines", {})
    problems = []
    for sent_id in key["sent_id"].tolist():
        if sent_id in claims:
            continue
        where = f"line {lines[sent_id]}: " if sent_id in lines else ""
        if sent_id not in set(sentences["sent_id"].tolist()):
            last = int(sentences["sent_id"].max()) if len(sentences) else -1
            problems.append(f"{where}the article has no sentence {sent_id} (its sentences are 0-{last})")
        else:
            problems.append(f"{where}sentence {sent_id} is not a body claim (a headline, caption or set-aside "
                            "paragraph), so no card asks about it")  # fmt: skip
    return problems





# --- The key as tables, for the teacher's notebook ---------------------------------------

def key_table(key: dict) -> pd.DataFrame:
    """The key's claim cards as a tidy table: one row per card and field, with the
    answer, what else is accepted, who set the answer (tool or teacher) and what a
    student reads about it."""
    rows = []
    for card in key["cards"]:
        for field in FIELDS:
            answer = card["answers"][field]
            if field == "cues":
                best = "; ".join(answer["words"]) if answer else ""
                also = f"any form of these ({answer['kind']})" if answer else "not marked"
            elif field == "source":
                nearby = [f"{form} (part credit: {reason})" for form, reason in (answer.get("nearby") or {}).items()]
                best, also = answer["best"], "; ".join([*answer["forms"], *nearby])
            else:
                best, also = answer["best"], "; ".join([f"{k} (the key takes it alike)" for k in answer.get("also", [])]
                                                       + [f"{k} ({v})" for k, v in sorted(answer["accepted"].items())])
            rows.append({"card": card["card"], "sent_id": card["sent_id"], "field": field, "answer": best,
                         "also_accepted": also, "by": card["by"][field], "student_reads": card["explain"][field]})  # fmt: skip
    return pd.DataFrame(rows, columns=["card", "sent_id", "field", "answer", "also_accepted", "by", "student_reads"])


def tasks_table(key: dict) -> pd.DataFrame:
    """The key's tasks in order: step, title, whether ``grade`` marks it, the model
    answer and what a good answer mentions."""
    return pd.DataFrame(
        [{"task": t["id"], "step": t["step"], "title": t["title"], "marked_by": "grade" if t["auto_marked"] else "teacher",
          "model_answer": " ".join(t["model_answer"]), "look_for": "; ".join(t["look_for"])} for t in key["tasks"]],
        columns=["task", "step", "title", "marked_by", "model_answer", "look_for"],
    )  # fmt: skip


def card_evidence(result, key: dict) -> pd.DataFrame:
    """The tool's evidence behind each card: its cue words and reporting verbs with
    their character offsets and rules (the trace students do not see)."""
    rows = []
    for card in key["cards"]:
        sent_id = card["sent_id"]
        for cue in result.cues[result.cues["sent_id"] == sent_id].itertuples():
            rows.append({"card": card["card"], "sent_id": sent_id, "words": cue.text, "start": cue.start, "end": cue.end,
                         "what": cue.kind, "rule": cue.rule, "on_main_claim": bool(cue.governs_main_claim)})  # fmt: skip
        for verb in result.attributions[result.attributions["sent_id"] == sent_id].itertuples():
            rows.append({"card": card["card"], "sent_id": sent_id, "words": verb.cue, "start": verb.cue_start, "end": verb.cue_end,
                         "what": f"reporting verb ({verb.cue_stance}) of {verb.source or NOBODY_NAMED}", "rule": verb.pattern,
                         "on_main_claim": True})  # fmt: skip
    return pd.DataFrame(rows, columns=["card", "sent_id", "words", "start", "end", "what", "rule", "on_main_claim"])
