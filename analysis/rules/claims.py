"""How sure is each claim: status, claim type and cue ownership for every sentence.

What it extracts: the ``cues`` table (every hedge and booster with its category, rule,
owner and whether it governs the sentence's main claim) and, for each body sentence,
``status`` (confirmed / reported / asserted / hedged / unconfirmed) and ``claim_type``
(event / prediction / conditional / evaluation), each with a reason naming the cue and
the rule.

The main claim is the sentence's root predicate (and predicates coordinated with it;
for "there were indications that ...", the noun after "there were" and its clauses).
A cue *governs* the main claim when the dependency path from the cue up to a main
predicate passes only through links that keep it inside the claim: auxiliaries and
adverbs ("could prove", "reportedly"), complements ("appear to show", "said that"), the
subject or predicate noun ("speculation ... has been growing") and phrases inside that
noun ("speculation about the possibility"). A cue inside an adverbial or relative
clause, or in a phrase hanging off a verb ("keen to restrict weaponry for fear that it
could provoke"), is listed but does not decide the status.

Status rules: :data:`STATUS_RULES`, small named functions in order, first decision wins;
each sets ``status_rule`` to its name and ``status_reason`` to what it found. In short:
a non-commitment or an open question leaves the claim ``unconfirmed``, as does a source
that will not say or refuses; an identified source's confirming verb makes it
``confirmed``; a reporting verb with a source, or a quotation, ``reported``; a reporting
verb with nobody named, or a hedge of the writer's, ``hedged``; anything else
``asserted``. Approximators ("around 12,000") make a number vague, not the claim
uncertain: they never decide status.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from spacy.attrs import HEAD, IS_PUNCT, IS_SPACE
from spacy.tokens import Doc, Span, Token

from analysis.rules.attribution import OPEN_QUESTION_WORDS, REFUSAL_VERBS, Attribution, find_attributions, left_undone, negation_of
from analysis.rules.cues import Cue, find_cues
from analysis.lexicon import load_lexicon, lexicon_words
from analysis.schema import conform
from analysis.vocabulary import CLAIM_TYPE, IDENTIFIED_SOURCE_TYPES, SPEAKING_ENTITY_LABELS, STATUS

__all__ = ["SentenceClaim", "StatusContext", "StatusDecision", "STATUS_RULES", "sentence_roots", "main_predicates", "governs",
           "cue_scopes", "assess_sentence", "claims_tables", "STATUSES", "CLAIM_TYPES"]  # fmt: skip

STATUSES = tuple(STATUS)
CLAIM_TYPES = tuple(CLAIM_TYPE)

#: Links that keep a cue inside the claim of the predicate above it.
CLAIM_LINKS = frozenset(
    {"aux", "auxpass", "advmod", "neg", "xcomp", "ccomp", "acomp", "attr", "oprd", "prt", "nsubj",
     "nsubjpass", "csubj", "csubjpass", "expl", "npadvmod", "conj", "dobj", "preconj", "mark", "det"}
)  # fmt: skip
#: Links allowed only inside a noun phrase ("speculation about the possibility of ...").
NOUN_PHRASE_LINKS = frozenset({"prep", "pobj", "pcomp", "amod", "compound", "poss", "nmod", "quantmod", "nummod"})
PREDICTION_AUX = frozenset({"will", "shall", "would", "could", "may", "might", "'ll", "wo", "ca"})
PREDICTION_XCOMP_HEADS = lexicon_words("context_words", "prediction_xcomp_heads")
CONDITIONAL_MARKS = frozenset({"if", "unless", "provided", "providing"})


@dataclass
class SentenceClaim:
    """The claim analysis of one sentence."""

    status: str
    status_reason: str
    claim_type: str
    claim_type_reason: str
    source: Attribution | None = None  # the attribution the main claim rests on, if any
    status_rule: str = ""  # the :data:`STATUS_RULES` key that decided the status


# --- main claim and scope ------------------------------------------------------------


def sentence_roots(doc: Doc, sentences: list[Span]) -> list[list[int]]:
    """For each sentence (in order, not overlapping), the indices of the tokens
    :func:`main_predicates` starts from: those whose head is themselves or lies outside
    the sentence, bar spaces and punctuation. One array pass over the whole Doc, where
    reading each sentence's array costs more than the rules that use it."""
    if not sentences:
        return []
    array = doc.to_array([HEAD, IS_SPACE, IS_PUNCT]).astype(np.int64)  # HEAD: relative offset
    bounds = np.array([(sent.start, sent.end) for sent in sentences], dtype=np.int64)
    lengths = bounds[:, 1] - bounds[:, 0]
    tokens = np.repeat(bounds[:, 0] - (np.cumsum(lengths) - lengths), lengths) + np.arange(lengths.sum())
    start, end = np.repeat(bounds[:, 0], lengths), np.repeat(bounds[:, 1], lengths)
    head = tokens + array[tokens, 0]
    keep = ((head == tokens) | (head < start) | (head >= end)) & (array[tokens, 1] == 0) & (array[tokens, 2] == 0)
    roots = tokens[keep]
    firsts, lasts = np.searchsorted(roots, bounds[:, 0]), np.searchsorted(roots, bounds[:, 1])
    return [roots[a:b].tolist() for a, b in zip(firsts.tolist(), lasts.tolist())]


def main_predicates(sent: Span, *, roots: list[int] | None = None) -> list[Token]:
    """The sentence's main predicates: roots, their coordinated verbs, and for existential
    "there is/were X", the noun X and the clauses on it ("videos which appear to show").

    ``roots`` are the sentence's :func:`sentence_roots`, when the caller has them already.
    """
    doc = sent.doc
    roots = sentence_roots(doc, [sent])[0] if roots is None else roots
    mains: list[Token] = []
    for root in (doc[i] for i in roots):
        mains.append(root)
        mains.extend(c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
        if any(c.dep_ == "expl" for c in root.children):
            for attr in (c for c in root.children if c.dep_ in ("attr", "nsubj")):
                mains.append(attr)
                mains.extend(c for c in attr.children if c.dep_ in ("relcl", "acl"))
    return mains


def _is_participial_report(token: Token, reporting: set[int]) -> bool:
    return token.i in reporting and token.tag_ == "VBG"


def _after_comma(participle: Token) -> bool:
    """A participle set off by a comma ("Sales fell, suggesting that ...") hangs from the
    clause; without one ("after a study published on Monday suggesting that ...") it
    describes the noun before it, whatever the parse says."""
    start = participle.left_edge.i
    return start > 0 and participle.doc[start - 1].text in (",", ";", "-", "--", "—")


def governs(token: Token, mains: list[Token], *, reporting_anchors: set[int] = frozenset()) -> tuple[bool, str]:
    """Whether a cue at ``token`` scopes over the main claim, and the path that says so.

    Returns:
        (True, "aux of 'prove'") style evidence, or (False, "inside advcl 'provoke'").
    """
    main_ids = {t.i for t in mains}
    current, path = token, []
    for _ in range(64):  # bounded: a dependency path is never longer than the sentence
        if current.i in main_ids:
            return True, (" > ".join(path) + f" > '{current.text}'") if path else "is the main predicate"
        dep, head = current.dep_, current.head
        if head.i == current.i:
            return False, "outside the main clause"
        if dep == "dobj" and not path and current.pos_ == "NOUN" and head.lemma_ not in ("have", "raise", "express", "voice"):
            # "quashes speculation that ...": the sentence says what was done to the
            # speculation; "raised the possibility that ..." still voices it.
            return False, f"object of '{head.text}'"
        if dep in CLAIM_LINKS:
            pass
        elif dep == "amod" and not path and head.i not in main_ids:
            # "Police questioned the alleged gunman's neighbours": an adjective hedges the
            # noun it describes, not what the sentence says about it.
            return False, f"inside the noun phrase '{head.text}'"
        elif dep in NOUN_PHRASE_LINKS and head.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADP"):
            pass  # a noun phrase's modifier: the cue scopes over what the phrase heads
        elif dep == "advcl" and _is_participial_report(current, reporting_anchors) and _after_comma(current):
            pass  # "..., explaining that ...": the participle reports the main claim
        elif dep == "parataxis" and not path and _set_off_by_commas(current) and any(c.lower_ == "it" for c in current.children):
            pass  # "Tinseltown, it seems, likes ...": the writer's aside hedges the whole claim
        else:
            return False, f"inside {dep} '{current.text}'"
        path.append(f"{dep} of '{head.text}'")
        current = head
    return False, "path too long"  # pragma: no cover


def _set_off_by_commas(token: Token) -> bool:
    """A clause between commas ("Tinseltown, it seems, likes ...")."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i  # the commas may be the clause's own tokens
    opens = doc[left].text == "," or (left > 0 and doc[left - 1].text == ",")
    closes = doc[right].text == "," or (right + 1 < len(doc) and doc[right + 1].text == ",")
    return opens and closes


def cue_scopes(
    doc: Doc, sent: Span, cues: list[Cue], attributions: list[Attribution], *, mains: list[Token] | None = None
) -> dict[int, tuple[bool, str]]:
    """For each cue (keyed by its first token), whether it governs the sentence's main claim and why.

    ``mains`` are the sentence's :func:`main_predicates`, when the caller has them already.
    """
    mains = main_predicates(sent) if mains is None else mains
    reporting = {a.anchor for a in attributions}
    return {cue.i: governs(_cue_anchor(doc, cue), mains, reporting_anchors=reporting) for cue in cues}


def _cue_anchor(doc: Doc, cue: Cue) -> Token:
    """The cue token whose head lies outside the cue (the cue's syntactic head)."""
    tokens = list(doc[cue.i : cue.j])
    for token in tokens:
        if not (cue.i <= token.head.i < cue.j) or token.head.i == token.i:
            return token
    return tokens[0]


# --- sources -------------------------------------------------------------------------


def _identified(doc: Doc, span: tuple[int, int] | None) -> bool:
    """A source is identified when it names someone: a proper noun heads it or owns it
    ("South Korea's spy agency"), or it is a named entity."""
    if span is None:
        return False
    tokens = doc[span[0] : span[1]]
    head = tokens.root
    if head.pos_ == "PROPN" or head.ent_type_ in SPEAKING_ENTITY_LABELS:
        return True
    if head.pos_ == "PRON" and head.lower_ in ("he", "she", "they", "we", "i"):
        return True
    return any(child.dep_ == "poss" and child.pos_ == "PROPN" for child in head.children)


def _owner(doc: Doc, cue: Cue, attributions: list[Attribution]) -> tuple[str, Attribution | None]:
    """Who holds the cue: the source of the innermost attribution containing it, else the author."""
    holding = [
        a
        for a in attributions
        if (a.contains(cue.i) or a.cue[0] <= cue.i < a.cue[1]) and a.source is not None
    ]
    if not holding:
        return "author", None
    innermost = min(holding, key=lambda a: (a.content[1] - a.content[0]) if a.content else 10**9)
    return innermost.source_text(doc) or "author", innermost


# --- claim type ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _evaluative() -> dict[str, str]:
    table = load_lexicon("evaluative")
    return dict(zip(table["cue"], table["category"]))


def _claim_targets(doc: Doc, mains: list[Token], main_attr: Attribution | None) -> list[Token]:
    if main_attr is not None and main_attr.content is not None:
        content = doc[main_attr.content[0] : main_attr.content[1]]
        return [t for t in content if not (content.start <= t.head.i < content.end) or t.head.i == t.i]
    return mains


def _claim_type(doc: Doc, sent: Span, mains: list[Token], main_attr: Attribution | None, cues: list[Cue]) -> tuple[str, str]:
    targets = _claim_targets(doc, mains, main_attr)
    for target in targets:
        for clause in target.children:
            if clause.dep_ == "advcl":
                mark = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS), None)
                if mark is not None:
                    return "conditional", f"'{mark.text}'-clause on the main claim ('{clause.text}')"
    for target in targets:
        for aux in target.children:
            if aux.dep_ in ("aux", "auxpass") and aux.lower_ in PREDICTION_AUX:
                return "prediction", f"modal '{aux.text}' on the main predicate '{target.text}'"
        if target.dep_ == "xcomp" and target.head.lower_ in PREDICTION_XCOMP_HEADS:
            return "prediction", f"'{target.head.text} to' before the main predicate"
        if any(c.dep_ == "xcomp" and target.lower_ in PREDICTION_XCOMP_HEADS for c in target.children):
            return "prediction", f"'{target.text} to' on the main predicate"
        if target.lower_ == "going" and any(c.dep_ == "xcomp" for c in target.children):
            return "prediction", "'going to' on the main predicate"
    evaluative = _evaluative()
    for cue in cues:
        if cue.kind == "booster" and cue.category in ("certainty_phrase", "certainty_adjective"):
            return "evaluation", f"the author's certainty phrase '{cue.text}'"
    for target in targets:
        if target.lemma_ in ("be", "seem", "become", "remain", "prove"):
            for child in target.children:
                if child.dep_ in ("acomp", "attr") and child.lemma_.lower() in evaluative:
                    expl = any(c.dep_ in ("expl", "nsubj") and c.lower_ == "it" for c in target.children)
                    what = "it is ... that" if expl else "a judgement as predicate"
                    return "evaluation", f"evaluative '{child.text}' ({evaluative[child.lemma_.lower()]}): {what}"
    return "event", "no modal, condition or evaluation on the main claim"


# --- status --------------------------------------------------------------------------


#: Reporting verbs that, left undone ("failed to deny", "has yet to confirm", "refused
#: to comment"), leave a claim open; "say" only before an open question ("refused to say
#: whether"). Not "failed to tell investors that ..." nor "refuses to publish his
#: advice" nor "refused to say the words", which tell the claim as true, nor "are yet to
#: concede a goal".
UNDONE_OPEN_CUES = frozenset({"confirm", "deny", "rule out", "comment"})


def _left_open_by(relation: Attribution, doc: Doc, main_ids: set[int]) -> bool:
    """Whether ``relation`` is a reporting verb the main verb leaves undone, so that the
    source leaves the claim open: "The club has yet to confirm the deal", "The Justice
    Department refused to say if it would appeal"."""
    verb = doc[relation.anchor]
    if verb.head.i not in main_ids or left_undone(verb) is None:
        return False
    open_question = bool(relation.content) and doc[relation.content[0]].lower_ in OPEN_QUESTION_WORDS
    return open_question or relation.lemma in UNDONE_OPEN_CUES


def _main_attribution(mains: list[Token], attributions: list[Attribution]) -> Attribution | None:
    main_ids = {t.i for t in mains}
    subject_ids = {c.i for t in mains for c in t.children if c.dep_ in ("nsubj", "nsubjpass")}
    candidates = []
    for relation in attributions:
        if relation.anchor in main_ids:
            candidates.append(relation)
        elif relation.pattern in FRAMING_PATTERNS and relation.content and any(relation.contains(i) for i in main_ids):
            candidates.append(relation)  # "according to X, ...", "As X admits: ...", "As X reports, ...": the main clause is what X says
        elif mains and _left_open_by(relation, mains[0].doc, main_ids):
            candidates.append(relation)  # "The firm has yet to confirm the deal", "refused to say whether ...": the source leaves it open
        elif relation.pattern in POINTING_BACK_PATTERNS and mains and mains[0].doc[relation.anchor].head.i in main_ids:
            candidates.append(relation)  # "That's according to a survey.": the sentence only says whose the claim before is
        elif relation.pattern == "quoted_as" and mains and mains[0].doc[relation.anchor].head.head.i in main_ids:
            candidates.append(relation)  # "Reuters quoted the minister as saying ...": the sentence is the minister's word
        elif relation.pattern == "nominal" and relation.stance == "confirming" and relation.anchor in subject_ids:
            candidates.append(relation)  # "Confirmation from the ministry that ... came on Tuesday": the sentence is the confirmation
        elif mains and _who_is_reported(mains[0].doc, relation, main_ids):
            candidates.append(relation)  # "Among those reported to have doubts were X and Y": who is reported is the claim
    if not candidates:
        return None
    first = candidates[0]
    # "Construction is expected to begin, according to a council statement": a relation
    # that names a source and covers the sourceless "is expected" decides; a sourceless
    # relation beside another claim ("It is reported that ..., but he denied this") stays.
    if first.source is None:
        covering = next((r for r in candidates[1:] if r.source is not None and r.contains(first.anchor)), None)
        return covering or first
    # "Tony Blair promised Gordon Brown he would stand down, a new book claims": a speaker
    # who closes the sentence tells everything before, the other speaker's words included.
    closing = next((r for r in candidates[1:] if r.pattern == "parenthetical" and r.source is not None and r.content
                    and r.contains(first.anchor) and r.anchor >= r.content[1]), None)  # fmt: skip
    return closing or first


def _who_is_reported(doc: Doc, relation: Attribution, main_ids: set[int]) -> bool:
    """ "Among those reported to have serious reservations were Davis and Letwin", "The
    only one said to have seen it is the driver": the main verb is "be", and a participle
    with nobody named as its source describes its subject or its "among" phrase, so what
    the sentence tells is who is said to be so."""
    verb = doc[relation.anchor]
    if relation.source is not None or verb.dep_ != "acl" or verb.tag_ != "VBN":
        return False
    noun = verb.head
    holder = noun.head.head if noun.dep_ == "pobj" else noun.head
    return holder.i in main_ids and holder.lemma_ == "be" and noun.dep_ in ("nsubj", "pobj", "attr")


def _refusal_inside(doc: Doc, main_attr: Attribution, attributions: list[Attribution]) -> Attribution | None:
    """A non-committal relation ("could not comment", "would not confirm") heading what
    the main attribution reports ("X said he could not comment on ...")."""
    if main_attr.stance == "non_committal":
        return None
    return next((r for r in attributions if r is not main_attr and r.stance == "non_committal"
                 and doc[r.anchor].lemma_.lower() in REFUSAL_VERBS and doc[r.anchor].head.i == main_attr.anchor and doc[r.anchor].dep_ == "ccomp"
                 and main_attr.contains(r.anchor)), None)  # fmt: skip


#: Patterns whose content, not their cue, covers the main clause they attribute.
FRAMING_PATTERNS = frozenset({"according_to", "colon", "parenthetical", "announced_by", "as_reported", "that_according_to"})
#: Patterns whose content is the sentence before their cue's ("That's according to ...").
POINTING_BACK_PATTERNS = frozenset({"that_according_to"})

#: Source types that identify who confirms: a named person, body or document.
IDENTIFIED_TYPES = IDENTIFIED_SOURCE_TYPES


def _inside_quotation(sent: Span, i: int) -> bool:
    """Whether token ``i`` lies between quotation marks of its sentence, or before the
    closing mark of a quotation opened in an earlier sentence."""
    marks = [t.i for t in sent if t.text in ('"', "''", "``") or (t.text == "'" and t.is_punct)]
    before = sum(1 for m in marks if m < i)
    return before % 2 == 1 or (before == 0 and len(marks) % 2 == 1)


def _is_open_question(doc: Doc, cue: Cue) -> bool:
    """A negated certainty word before an open question: "It is not clear whether ...",
    "It is not known if ...", "It remains unclear who ..."."""
    if cue.category != "negated_booster" and cue.cue not in ("unclear", "unknown"):
        return False
    anchor = _cue_anchor(doc, cue)
    predicate = anchor.head if anchor.dep_ in ("acomp", "attr", "neg") else anchor
    for clause in (c for c in [*predicate.children, *anchor.children] if c.dep_ in ("ccomp", "csubj", "advcl")):
        opener = doc[clause.left_edge.i].lower_
        # "not clear when they ..." as a time clause is no question; "whether"/"if" always is.
        if opener in ("whether", "if") or (opener in OPEN_QUESTION_WORDS and clause.dep_ != "advcl"):
            return True
    return False


@dataclass(frozen=True)
class StatusDecision:
    """What a status rule decides: the status, its reason in words, and the attribution
    the main claim rests on (None for the writer's own claims)."""

    status: str
    reason: str
    source: Attribution | None = None


@dataclass
class StatusContext:
    """What the status rules read about one body sentence."""

    doc: Doc
    sent: Span
    attributions: list[Attribution]
    quoted: object | None  # a direct quotation with a speaker that fills most of the sentence
    unattributed: bool  # a direct quotation whose speaker the article does not say fills most of it
    source_types: dict | None
    scope: dict[int, tuple[bool, str]]
    main_attr: Attribution | None
    governing: list[Cue]

    def cue_text(self) -> str:
        return self.doc[self.main_attr.cue[0] : self.main_attr.cue[1]].text

    def source(self) -> str | None:
        return self.main_attr.source_text(self.doc)


def non_commitment(s: StatusContext) -> StatusDecision | None:
    """``unconfirmed``: a non-commitment cue governs the main claim ("refused to confirm
    or deny", "we don't know"). Not one inside what a source states ("GM stressed that
    it did not know of any injuries" is reported)."""
    found = [c for c in s.governing if c.category == "non_commitment"
             and not (s.main_attr is not None and s.main_attr.stance != "non_committal" and s.main_attr.contains(c.i))]  # fmt: skip
    if not found:
        return None
    cue = found[0]
    if s.main_attr is None and s.quoted is not None:
        # '"We don't know if this company is linked to Gazprom."' in a quotation that runs
        # on from "..., said Oleg Maximov": the speaker leaves it open, not the writer.
        return StatusDecision("unconfirmed", f"non-commitment '{cue.text}' inside a direct quotation by '{s.quoted.speaker}': "
                                             "the speaker leaves it open", s.quoted.attribution)  # fmt: skip
    # "He refused to comment on the new book": the one who will not say is the source
    # whose reporting verb lies inside the cue, when no attribution governs the claim.
    owner = s.main_attr or next((a for a in s.attributions if a.source is not None and cue.i <= a.cue[0] < cue.j), None)
    return StatusDecision("unconfirmed", f"non-commitment '{cue.text}' governs the main claim ({s.scope[cue.i][1]})", owner)


def open_question(s: StatusContext) -> StatusDecision | None:
    """``unconfirmed``: the writer's words before an open question ("It is unclear
    whether ..."): the text says it is not known."""
    cue = next((c for c in s.governing if _is_open_question(s.doc, c)), None)
    if cue is None or s.main_attr is not None or s.quoted is not None or _inside_quotation(s.sent, cue.i):
        return None
    return StatusDecision("unconfirmed", f"'{cue.text}' before an open question: the text says it is not known (rule: open_question)")


def reporting_inside_quotation(s: StatusContext) -> StatusDecision | None:
    """``reported``: a reporting verb inside someone's quotation is part of what that
    speaker says ('"They did not tell me which pictures ...," she said')."""
    q, main = s.quoted, s.main_attr
    if main is None or q is None or main is q.attribution or not q.speaker or not (q.start <= s.doc[main.cue[0]].idx < q.end):
        return None
    if _cannot_say_in_own_words(s.doc, main):
        return None  # '"I can't say anything further," the spokesman said': the speaker leaves it open
    return StatusDecision("reported", f"inside a direct quotation by '{q.speaker}' (who says '{s.cue_text()}')", q.attribution)


#: Modal verbs with which a speaker says they cannot or will not say ("I can't say").
CANNOT_MODALS = frozenset({"can", "could", "will", "would"})


def _cannot_say_in_own_words(doc: Doc, main: Attribution) -> bool:
    """ "I can't say anything further", "We will not comment": the quoted speaker, in the
    first person, says they cannot or will not say; not "I'm not saying ..., but" (a
    speaker's hedge before their claim) nor a question ("How could I not say that?")."""
    if main.stance != "non_committal" or not main.source or doc[main.source[0] : main.source[1]].text.lower() not in ("i", "we"):
        return False
    verb = doc[main.anchor]
    modal = any(c.dep_ == "aux" and c.lemma_.lower() in CANNOT_MODALS for c in verb.children)
    return modal and any(c.dep_ == "neg" for c in verb.children) and not verb.sent.text.rstrip(' "\u201d\'').endswith("?")


def non_committal_source(s: StatusContext) -> StatusDecision | None:
    """``unconfirmed``: the source will not say either way ("declined to say", "did not
    confirm")."""
    main = s.main_attr
    if main is None or main.stance != "non_committal":
        return None
    source = s.source()
    negation = negation_of(s.doc[main.anchor])
    if negation is not None and main.category == "non_commitment" and negation.i < main.cue[0]:
        said = f"'{s.doc[negation.i : main.cue[1]].text}'"
        return StatusDecision("unconfirmed", f"{said}: '{source or 'the source'}' leaves it open (a negated reporting verb)", main)
    return StatusDecision("unconfirmed", f"'{s.cue_text()}' ({main.stance}) by '{source}'", main)


def refusal_reported(s: StatusContext) -> StatusDecision | None:
    """``unconfirmed``: what the source says is that it will not say ("A Foreign Office
    spokesman said he could not comment on ...", "The company said it would not confirm
    the figures")."""
    if s.main_attr is None:
        return None
    refusal = _refusal_inside(s.doc, s.main_attr, s.attributions)
    if refusal is None:
        return None
    helpers = [c.i for c in s.doc[refusal.anchor].children if c.dep_ in ("aux", "neg") and c.i < refusal.cue[0]]
    refused = s.doc[min([*helpers, refusal.cue[0]]) : refusal.cue[1]].text  # "could not comment"
    return StatusDecision("unconfirmed", f"what '{s.source() or 'the source'}' {s.cue_text()} is a refusal ('{refused}'): "
                                         "the claim is left open (rule: refusal_reported)", s.main_attr)  # fmt: skip


def confirmed(s: StatusContext) -> StatusDecision | None:
    """``confirmed``: the main predicate is a confirming reporting verb (confirm,
    acknowledge, admit, verify) whose source is identified: a person, organisation or
    document as the sourcing step typed it, or a proper name heading it."""
    main = s.main_attr
    if main is None or main.stance != "confirming":
        return None
    typed = (s.source_types or {}).get(main)
    identified = typed in IDENTIFIED_TYPES if typed is not None else _identified(s.doc, main.source)
    return StatusDecision("confirmed", f"'{s.source()}' {s.cue_text()} it (confirming verb, identified source)", main) if identified else None


def nobody_named(s: StatusContext) -> StatusDecision | None:
    """``hedged``: the main claim is attributed to nobody in particular ("is alleged to",
    "it is believed that")."""
    if s.main_attr is None or s.source() is not None:
        return None
    return StatusDecision("hedged", f"'{s.cue_text()}' with nobody named as source ({s.main_attr.pattern})", s.main_attr)


def writers_own_view(s: StatusContext) -> StatusDecision | None:
    """``hedged`` or ``asserted``: the main reporting verb's source is the writer, "I" or
    "we" outside any quotation ("I think we will be successful", "we expect it to fall in
    election time"). It is the writer's own claim: a belief ("I think") softens it, any
    other verb states it. Not "reported", which would say someone else is cited."""
    a = s.main_attr
    # The source type "author" marks the writer's own "I" (analysis.rules.sources.label_sources).
    if a is None or s.quoted is not None or (s.source_types or {}).get(a) != "author":
        return None
    if a.stance == "belief":
        return StatusDecision("hedged", f"the writer's own view in the first person ('{s.source()} {s.cue_text()}'): a belief, not stated as sure", a)
    return StatusDecision("asserted", f"the writer's own words in the first person ('{s.source()} {s.cue_text()}')", a)


def attributed(s: StatusContext) -> StatusDecision | None:
    """``reported``: the main predicate is a reporting verb with a source, or "according
    to" modifies it (a confirming verb from a source nobody identified is reported)."""
    if s.main_attr is None:
        return None
    unnamed = " (by an unidentified source, so not confirmed)" if s.main_attr.stance == "confirming" else ""
    return StatusDecision("reported", f"attributed to '{s.source()}' by '{s.cue_text()}' ({s.main_attr.stance}){unnamed}", s.main_attr)


def direct_quotation(s: StatusContext) -> StatusDecision | None:
    """``reported``: a direct quotation with a speaker fills most of the sentence ('"We
    will ...," she said' running on)."""
    if s.quoted is None:
        return None
    return StatusDecision("reported", f"inside a direct quotation by '{s.quoted.speaker}'", s.quoted.attribution)


def writer_hedge(s: StatusContext) -> StatusDecision | None:
    """``hedged``: a hedge of the writer's governs the main claim. Approximators ("around
    12,000") make a number vague, not the claim uncertain; a hedge inside what a
    participle reports is the source's ("defended the plan, saying it would cut costs")."""
    spoken = [a for a in s.attributions if a.source is not None and a.stance != "non_committal" and a.pattern == "participle"]
    hedges = [c for c in s.governing if c.kind == "hedge" and c.category != "approximator" and not any(a.contains(c.i) for a in spoken)]
    if not hedges:
        return None
    cue = hedges[0]
    return StatusDecision("hedged", f"hedge '{cue.text}' ({cue.category}) governs the main claim ({s.scope[cue.i][1]})")


def unattributed_quote(s: StatusContext) -> StatusDecision | None:
    """``reported``: a quotation the article gives nobody fills most of the sentence ('"It
    has recently been returned to me by the Department of Justice. ..."'): someone's
    words, not the writer's statement."""
    if not s.unattributed:
        return None
    return StatusDecision("reported", "inside a quotation whose speaker the article does not name (rule: unattributed_quote)")


def stated(s: StatusContext) -> StatusDecision:
    """``asserted``: none of the above; boosters on the claim are named in the reason."""
    boosters = [c.text for c in s.governing if c.kind == "booster"]
    with_boosters = f"; boosters: {', '.join(boosters)}" if boosters else ""
    return StatusDecision("asserted", f"stated by the author, no attribution or hedge on the main claim{with_boosters}")


#: The status rules, first decision wins; each key is the ``status_rule`` it sets. The
#: last always decides.
STATUS_RULES: dict[str, Callable[[StatusContext], StatusDecision | None]] = {
    "non_commitment": non_commitment,
    "open_question": open_question,
    "reporting_inside_quotation": reporting_inside_quotation,
    "non_committal_source": non_committal_source,
    "refusal_reported": refusal_reported,
    "confirmed": confirmed,
    "nobody_named": nobody_named,
    "writers_own_view": writers_own_view,
    "attributed": attributed,
    "direct_quotation": direct_quotation,
    "writer_hedge": writer_hedge,
    "unattributed_quote": unattributed_quote,
    "stated": stated,
}


def assess_sentence(
    doc: Doc, sent: Span, cues: list[Cue], attributions: list[Attribution], *, quoted=None, unattributed: bool = False,
    roots: list[int] | None = None, source_types: dict | None = None,
) -> tuple[SentenceClaim, dict[int, tuple[bool, str]]]:
    """Status and claim type of one sentence (:data:`STATUS_RULES` in order), and for
    each cue (by index) whether it governs.

    Args:
        doc: The parsed Doc.
        sent: The sentence.
        cues: Cues inside the sentence.
        attributions: Attribution relations whose cue lies in the sentence.
        quoted: The direct quotation (:class:`analysis.rules.quotes.Quote`) filling most of the
            sentence, when it runs on from an earlier sentence ("...," she said. "We will ...").
        unattributed: A direct quotation with no speaker fills most of the sentence.
        roots: The sentence's :func:`sentence_roots`, when the caller has them already.
        source_types: Each attribution's source type (:func:`analysis.rules.sources.label_sources`):
            a confirming verb confirms only from a person, organisation or document, as
            the sourcing step typed it ("The company admitted" after the company was
            named); "author" marks the writer's own "I" or "we". Without it, a source is
            identified when a proper name heads it.
    """
    mains = main_predicates(sent, roots=roots)
    scope = cue_scopes(doc, sent, cues, attributions, mains=mains)
    main_attr = _main_attribution(mains, attributions)
    claim_type, type_reason = _claim_type(doc, sent, mains, main_attr, cues)
    context = StatusContext(doc, sent, attributions, quoted, unattributed, source_types, scope, main_attr,
                            [c for c in cues if scope[c.i][0]])  # fmt: skip
    for name, rule in STATUS_RULES.items():
        decision = rule(context)
        if decision is not None:
            return SentenceClaim(decision.status, decision.reason, claim_type, type_reason, decision.source, name), scope
    raise AssertionError("the last status rule always decides")  # pragma: no cover


# --- tables --------------------------------------------------------------------------


def claims_tables(
    doc: Doc,
    sentences: list[Span],
    in_body: list[bool],
    *,
    attributions: list[Attribution] | None = None,
    quotes: list = (),
    source_types: dict | None = None,
    domains: tuple[str, ...] = ("general",),
) -> tuple[pd.DataFrame, list[dict]]:
    """The ``cues`` table and per-sentence claim columns.

    Args:
        doc: The parsed Doc.
        sentences: The article's sentences (their index is ``sent_id``).
        in_body: Whether each sentence belongs to the body (only those get a status).
        attributions: Attribution relations (found here when not given).
        quotes: Quotations (:class:`analysis.rules.quotes.Quote`); a sentence mostly made of a
            direct quotation with a speaker is reported.
        source_types: Each attribution's source type, for confirmations (see
            :func:`assess_sentence`).
        domains: Hedge lexicon domains (:func:`analysis.rules.cues.hedge_domains`).

    Returns:
        The cues table and, per sentence, a dict of status, status_reason, hedges,
        boosters, claim_type, claim_type_reason and claim_attribution (the
        :class:`Attribution` the main claim rests on, or None).
    """
    all_cues = find_cues(doc, domains=domains)
    all_attributions = find_attributions(doc) if attributions is None else attributions
    cue_rows: list[dict] = []
    per_sentence: list[dict] = []
    cue_index = 0
    roots = sentence_roots(doc, sentences)
    for sent_id, sent in enumerate(sentences):
        cues = []
        while cue_index < len(all_cues) and all_cues[cue_index].start < sent.end_char:
            if all_cues[cue_index].start >= sent.start_char:
                cues.append(all_cues[cue_index])
            cue_index += 1
        attributions = [a for a in all_attributions if sent.start <= a.anchor < sent.end
                        or (a.pattern in POINTING_BACK_PATTERNS and sent.start <= a.content[0] < sent.end)]  # fmt: skip
        if in_body[sent_id]:
            half = 0.5 * (sent.end_char - sent.start_char)
            filling = [q for q in quotes if q.kind == "direct" and min(q.end, sent.end_char) - max(q.start, sent.start_char) >= half]
            quoted = [q for q in filling if q.speaker]
            result, scope = assess_sentence(doc, sent, cues, attributions, quoted=quoted[0] if quoted else None,
                                            unattributed=bool(filling) and not quoted, roots=roots[sent_id],
                                            source_types=source_types)  # fmt: skip
            columns = {
                "claim_attribution": result.source,
                "status": result.status,
                "status_reason": result.status_reason,
                "status_rule": result.status_rule,
                "claim_type": result.claim_type,
                "claim_type_reason": result.claim_type_reason,
            }
        else:
            mains = main_predicates(sent, roots=roots[sent_id]) if cues else []
            scope = cue_scopes(doc, sent, cues, attributions, mains=mains)
            columns = dict.fromkeys(("claim_attribution", "status", "status_reason", "status_rule", "claim_type", "claim_type_reason"))
        columns["hedges"] = [c.text for c in cues if c.kind == "hedge"]
        columns["boosters"] = [c.text for c in cues if c.kind == "booster"]
        per_sentence.append(columns)
        cue_rows += _cue_rows(doc, sent_id, cues, attributions, scope, in_body=in_body[sent_id])
    return conform("cues", cue_rows), per_sentence


def _cue_rows(doc: Doc, sent_id: int, cues: list[Cue], attributions: list[Attribution], scope: dict, *, in_body: bool) -> list[dict]:
    """The ``cues`` table's rows for one sentence: each cue with whether it governs the
    main claim, its path there and whose it is."""
    rows = []
    for cue in cues:
        owner, _ = _owner(doc, cue, attributions)
        governs_main, path = scope[cue.i]
        rows.append({
            "sent_id": sent_id, "text": cue.text, "start": cue.start, "end": cue.end, "kind": cue.kind,
            "category": cue.category, "cue": cue.cue, "rule": cue.rule, "negated": cue.negated,
            "governs_main_claim": governs_main, "scope": path, "owner": owner, "in_body": in_body,
            "provenance": cue.provenance,
        })  # fmt: skip
    return rows
