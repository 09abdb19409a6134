"""Claim units: the pieces of a sentence a reader would match across outlets.

A sentence often carries several claims, and what two outlets share is usually one of
them. Each body sentence gives:

- one ``content`` unit per attribution with a content of :data:`MIN_UNIT_WORDS` words or
  more ("Comey said [the FBI would not recommend charges]"), with that attribution's
  source, as the article gives it, and its type;
- one ``clause`` unit per coordinated clause with a subject of its own ("[Trump won
  Nevada], and [Rubio came second]"), when the sentence has two or more;
- the ``sentence`` itself, for claims that span the whole of it.

Each unit keeps what a match can rest on: its content lemmas, its predicates (the
lemmas of its verbs, nominal events like "resignation" not included), the names it
mentions (canonical) and its numbers; and how sure it is and who says it: a content has
its attribution's source and a status of its own, a clause the sentence's source and
its own status where the writer speaks (:func:`_clause_status`).
"""

from __future__ import annotations

import pandas as pd

from analysis.comparing.claims import CONTENT_POS, LIGHT_VERBS, surname
from analysis.rules.quotes import FIRST_PERSON
from analysis.vocabulary import NOBODY_NAMED, SOURCED_STATUSES, TOPIC_ENTITY_LABELS

__all__ = ["claim_units", "UNIT_KINDS", "MIN_UNIT_WORDS", "UNIT_COLUMNS", "STANCE_STATUS"]

#: The kinds of unit, in the order a sentence gives them.
UNIT_KINDS = ("sentence", "content", "clause")
#: The fewest words a content or clause unit needs to stand as a claim of its own.
MIN_UNIT_WORDS = 4
UNIT_COLUMNS = ["article", "unit_id", "sent_id", "kind", "start", "end", "text", "status", "claim_source",
                "claim_source_type", "source", "lemmas", "predicates", "entities", "numbers", "agents", "events", "places", "hedged_verbs"]  # fmt: skip
#: Names whose being the doer of an event tells two claims apart ("Trump won Georgia" /
#: "Clinton won Georgia"): people and places. Not organisations: "the FBI recommended" and
#: "Comey recommended" can tell one decision, the body's and its head's.
AGENT_LABELS = frozenset({"PERSON", "GPE"})
#: Names of places a verb is about ("won [Ohio]", "won the [Missouri] primary").
PLACE_LABELS = frozenset({"GPE", "LOC"})
#: Dependencies that open a clause of its own, where a verb's phrases end.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})
#: The status a reporting verb's stance gives what it reports; any other stance: ``reported``.
STANCE_STATUS = {"confirming": "confirmed", "non_committal": "unconfirmed"}


def _tree(tokens: list[dict]) -> tuple[dict[int, dict], dict[int, list[int]]]:
    """A sentence's tokens by index, and each token's dependents (indices, in order)."""
    by_i = {t["i"]: t for t in tokens}
    children: dict[int, list[int]] = {}
    for t in tokens:
        if t["head_i"] != t["i"]:
            children.setdefault(t["head_i"], []).append(t["i"])
    return by_i, children


def _clause_spans(tokens: list[dict]) -> list[tuple[int, int]]:
    """Character spans of a sentence's coordinated clauses, when it has two or more: the
    root verb's clause and each ``conj`` verb with a subject of its own."""
    by_i, children = _tree(tokens)
    roots = [t for t in tokens if t["dep"] == "ROOT"]
    if len(roots) != 1 or roots[0]["pos"] not in ("VERB", "AUX"):
        return []
    root = roots[0]["i"]
    heads = [root] + [
        c for c in children.get(root, [])
        if c in by_i and by_i[c]["dep"] == "conj" and by_i[c]["pos"] in ("VERB", "AUX")
        and any(by_i[g]["dep"] in ("nsubj", "nsubjpass", "expl") for g in children.get(c, []) if g in by_i)
    ]  # fmt: skip
    if len(heads) < 2:
        return []
    spans = []
    for head in heads:
        stop = set(heads) - {head}
        own, todo = set(), [head]
        while todo:
            k = todo.pop()
            own.add(k)
            todo += [c for c in children.get(k, []) if c not in stop and c in by_i]
        words = [by_i[k] for k in sorted(own) if by_i[k]["dep"] not in ("cc", "punct")]
        if words:
            spans.append((words[0]["start"], words[-1]["end"]))
    return spans


class _SentenceTree:
    """A sentence's dependency tree over its token rows (``i``, ``dep``, ``head_i``...)."""

    def __init__(self, tokens: list[dict]) -> None:
        self.by_i, self.dependents = _tree(tokens)

    def children(self, i: int) -> list[dict]:
        return [self.by_i[c] for c in self.dependents.get(i, [])]

    def with_conjuncts(self, found: list[dict]) -> list[dict]:
        todo = list(found)
        while todo:  # "Trump and Clinton", "Oklahoma and Texas"
            extra = [c for c in self.children(todo.pop()["i"]) if c["dep"] == "conj"]
            found = found + extra
            todo += extra
        return found

    def doers(self, verb: int) -> list[dict]:
        found = [c for c in self.children(verb) if c["dep"] in ("nsubj", "nsubjpass")]
        found = [c for c in found if c["dep"] == "nsubj"] or [
            g for c in self.children(verb) if c["dep"] == "agent" for g in self.children(c["i"]) if g["dep"] == "pobj"]
        # "her rival, Bernie Sanders, won": the name in apposition stands for the description
        found = [next((c for c in self.children(d["i"]) if c["dep"] == "appos"), d) for d in found]
        return self.with_conjuncts(found)

    def objects(self, verb: int) -> list[dict]:
        found = [c for c in self.children(verb) if c["dep"] in ("dobj", "attr", "oprd", "dative", "nsubjpass")]
        found += [g for c in self.children(verb) if c["dep"] in ("prep", "agent")
                  for g in self.children(c["i"]) if g["dep"] == "pobj"]  # fmt: skip
        return self.with_conjuncts(found)

    def phrase_words(self, verb: int) -> list[dict]:
        """The words of the verb's objects and prepositional phrases, down through the
        phrases inside them but not into a clause ("won [the Missouri primary]", "won
        [in Oklahoma] and [in his home state of Vermont]")."""
        todo = [c for c in self.children(verb) if c["dep"] in ("dobj", "attr", "oprd", "dative", "nsubjpass", "prep", "agent")]
        found = []
        while todo:
            token = todo.pop()
            found.append(token)
            todo += [c for c in self.children(token["i"]) if c["dep"] not in CLAUSE_DEPS and c["pos"] not in ("VERB", "AUX")]
        return found

    def doers_or_hosts(self, verb: dict) -> list[dict]:
        """The verb's doers, or, for a verb with no subject of its own, those of the verb it
        hangs on ("Clinton was sweeping the South, winning Alabama": winning's doer is
        Clinton); not through "xcomp" ("called on her to resign" is her resigning)."""
        found = self.doers(verb["i"])
        for _ in range(3):
            if found or verb["dep"] not in ("advcl", "conj") or verb["head_i"] not in self.by_i:
                break
            verb = self.by_i[verb["head_i"]]
            found = self.doers(verb["i"])
        return found


def _verb_roles(tokens: list[dict], names: list[dict]) -> tuple[dict[int, frozenset], dict[int, frozenset], dict[int, frozenset]]:
    """Who does each verb of a sentence and what it is about, by the verb's token index.

    - Doers: the names doing the verb (:data:`AGENT_LABELS`): its subject (or a passive's
      "by" agent), the subject's conjuncts ("Trump and Clinton won") and a name in
      apposition ("her rival, Bernie Sanders, won"); a verb with no subject of its own
      ("..., winning Alabama") takes the one of the verb it hangs on. Verbs whose doer is
      no name (a pronoun, a description) are left out.
    - Arguments: the words of its subject, objects and the objects of its prepositions
      ("won [the primary] in [Oklahoma]"), each a name's last word or a noun's lemma:
      what two claims must share, beside the verb, to tell one event.
    - Places: the places named in its objects, or in the words that make an object up
      ("won [Ohio]", "won in [Ohio]", "won the [Missouri] Democratic primary", "won the
      primary in [North Carolina]"): two claims of one verb about different places tell
      two events.
    """
    tree = _SentenceTree(tokens)

    def word(token: dict) -> str | None:
        name = next((n for n in names if n["start"] <= token["start"] < n["end"]), None)
        if name is not None:
            return surname(str(name["canonical"]))
        if token["pos"] in ("NOUN", "PROPN", "NUM") and not token["is_stop"]:
            return str(token["lemma"]).lower()
        return None

    def named(labels: frozenset, words: list[dict]) -> frozenset:
        return frozenset(n["canonical"] for n in names if n["label"] in labels for w in words if n["start"] <= w["start"] < n["end"])

    agents: dict[int, frozenset] = {}
    arguments: dict[int, frozenset] = {}
    places: dict[int, frozenset] = {}
    for t in (t for t in tokens if t["pos"] == "VERB"):
        found = tree.doers_or_hosts(t)
        held = named(AGENT_LABELS, found)
        if found and len(held) == len(found):  # every doer a name: "Trump and his aides" is no named doer
            agents[t["i"]] = held
        words = frozenset(w for w in map(word, found + tree.objects(t["i"])) if w)
        if words:
            arguments[t["i"]] = words
        if where := named(PLACE_LABELS, tree.phrase_words(t["i"])):
            places[t["i"]] = where
    return agents, arguments, places


def _hedged_verbs(tokens: list[dict], hedges: list[tuple[int, int]]) -> frozenset:
    """The lemmas of the verbs a sentence's hedges bear on: the verb each hedge hangs on
    (or the hedge itself, "appears"), and the clauses that verb takes ("it appears [that
    Cruz won]", "is likely [to win]"). "Racking up victories, they solidified their claims
    as likely nominees" hedges the nomination, not the victories."""
    by_i, children = _tree(tokens)
    found: set[str] = set()
    for start, end in hedges:
        cue = next((t for t in tokens if start <= t["start"] < end), None)
        for _ in range(6):  # up to the verb the hedge hangs on
            if cue is None or cue["head_i"] == cue["i"] or cue["pos"] == "VERB" or (cue["pos"] == "AUX" and cue["dep"] not in ("aux", "auxpass")):
                break  # "may have won": the modal hangs on "won"
            cue = by_i.get(cue["head_i"])
        todo = [cue["i"]] if cue is not None else []
        while todo:
            verb = by_i[todo.pop()]
            found.add(str(verb["lemma"]).lower())
            todo += [c for c in children.get(verb["i"], []) if by_i[c]["dep"] in ("ccomp", "xcomp", "aux", "auxpass")]
    return frozenset(found)


def _speech_within_speech(attribution: dict, spoken: list[tuple[int, int]]) -> bool:
    """An attribution inside someone's quotation, or with "I", "we" or "you" as its
    source ("'I cannot believe how civil it's been,' Trump said"): what it reports is the
    quoted speaker's own words, the whole sentence's claim, not a claim of its own."""
    source = str(attribution["source"] or "").strip().lower()
    cue = attribution["cue_start"]
    inside = cue is not None and not pd.isna(cue) and any(start <= int(cue) < end for start, end in spoken)
    return source in FIRST_PERSON or inside


def _clause_status(sentence_status: str, hedges: list[tuple[int, int]], start: int, end: int) -> str:
    """A coordinated clause's own status where the writer speaks: ``hedged`` when a
    hedge ("could", not an approximator like "about") stands inside it, else
    ``asserted`` ("The bridge was closed on Tuesday, and it could stay shut for a month":
    the first clause is stated, the second hedged). Other statuses (reported, confirmed,
    unconfirmed) rest on a source and hold for the whole sentence."""
    if sentence_status in SOURCED_STATUSES:
        return sentence_status
    return "hedged" if any(start <= s and e <= end for s, e in hedges) else "asserted"


def _content_status(sentence: dict, source: str | None, stance: object) -> str:
    """An attribution's content: the sentence's status when the sentence rests on this
    source; else what the reporting words make it (confirming: ``confirmed``;
    non-committal: ``unconfirmed``; otherwise ``reported``)."""
    if source and source == sentence["claim_source"] and sentence["status"] in SOURCED_STATUSES:
        return sentence["status"]
    return STANCE_STATUS.get(str(stance), "reported")


def claim_units(result, article: str) -> pd.DataFrame:
    """The claim units of one analysis's body sentences (see the module docstring).

    Args:
        result: An :class:`~analysis.core.Analysis`.
        article: The name the comparison gives this article.

    Returns:
        One row per unit, columns :data:`UNIT_COLUMNS`; ``unit_id`` counts from 0 in
        reading order; ``lemmas`` is a space-joined string (for TF-IDF), ``predicates``
        and ``entities`` frozensets, ``numbers`` a list of (value, approximate,
        counted, text).
    """
    body = result.body_sentences
    text = result.text
    wanted = set(body["sent_id"])

    def by_sentence(frame: pd.DataFrame, columns: list[str]) -> dict[int, list[dict]]:
        grouped: dict[int, list[dict]] = {}
        for record in frame.loc[frame["sent_id"].isin(wanted), ["sent_id", *columns]].to_dict("records"):
            grouped.setdefault(int(record["sent_id"]), []).append(record)
        return grouped

    tokens = by_sentence(result.tokens, ["i", "lemma", "pos", "dep", "head_i", "start", "end", "is_stop", "is_punct"])
    entities = by_sentence(result.entities[result.entities["label"].isin(TOPIC_ENTITY_LABELS)], ["canonical", "label", "start", "end"])
    numbers = by_sentence(result.numbers, ["value", "approximate", "counted", "text", "start", "end"])
    cues = result.cues
    hedges = by_sentence(cues[(cues["kind"] == "hedge") & (cues["category"] != "approximator")], ["start", "end"])
    attributions = by_sentence(result.attributions.dropna(subset=["content_start", "content_end"]),
                               ["content_start", "content_end", "canonical_source", "source_type", "source", "cue_stance",
                                "cue_start"])  # fmt: skip
    spoken = [(int(q["start"]), int(q["end"])) for q in result.quotes.to_dict("records") if isinstance(q["speaker"], str)]
    rows: list[dict] = []
    for sentence in body.to_dict("records"):
        sid = int(sentence["sent_id"])
        own_tokens = tokens.get(sid, [])
        spans = [("sentence", int(sentence["start"]), int(sentence["end"]), sentence["claim_source"],
                  sentence["claim_source_type"], None, sentence["status"])]  # fmt: skip
        for a in attributions.get(sid, []):
            if _speech_within_speech(a, spoken):
                continue
            # A quotation that runs over sentences is told, on a card, in this sentence's part.
            start, end = max(int(a["content_start"]), int(sentence["start"])), min(int(a["content_end"]), int(sentence["end"]))
            if len(text[start:end].split()) >= MIN_UNIT_WORDS and (start, end) != (spans[0][1], spans[0][2]):
                source = a["canonical_source"] if isinstance(a["canonical_source"], str) and a["canonical_source"] else None
                spans.append(("content", start, end, source or NOBODY_NAMED, a["source_type"], a["source"],
                              _content_status(sentence, source, a["cue_stance"])))  # fmt: skip
        doers, arguments, named_places = _verb_roles(own_tokens, [e for e in entities.get(sid, []) if isinstance(e["canonical"], str)])
        hedge_spans = [(h["start"], h["end"]) for h in hedges.get(sid, [])]
        hedged_verbs = _hedged_verbs(own_tokens, hedge_spans)
        for start, end in _clause_spans(own_tokens):
            if len(text[start:end].split()) >= MIN_UNIT_WORDS and not any(s[1] <= start and end <= s[2] for s in spans[1:]):
                status = _clause_status(sentence["status"], hedge_spans, start, end)
                spans.append(("clause", start, end, sentence["claim_source"], sentence["claim_source_type"], None, status))
        seen: set[tuple[int, int]] = set()
        for kind, start, end, claim_source, claim_source_type, source, status in spans:
            if (start, end) in seen:  # two attributions of one content ("said and wrote")
                continue
            seen.add((start, end))
            inside = [t for t in own_tokens if t["start"] >= start and t["end"] <= end]
            lemmas = [str(t["lemma"]).lower() for t in inside if t["pos"] in CONTENT_POS and not t["is_stop"] and not t["is_punct"]]
            predicates = frozenset(str(t["lemma"]).lower() for t in inside if t["pos"] == "VERB") - LIGHT_VERBS
            names = frozenset(e["canonical"] for e in entities.get(sid, [])
                              if isinstance(e["canonical"], str) and e["start"] >= start and e["end"] <= end)  # fmt: skip
            figures = [(float(n["value"]), bool(n["approximate"]), n["counted"] if isinstance(n["counted"], str) else None, n["text"])
                       for n in numbers.get(sid, []) if n["start"] >= start and n["end"] <= end]  # fmt: skip
            agents = tuple(sorted((str(t["lemma"]).lower(), doers[t["i"]]) for t in inside
                                  if t["i"] in doers and str(t["lemma"]).lower() in predicates))  # fmt: skip
            events = tuple(sorted((str(t["lemma"]).lower(), arguments[t["i"]]) for t in inside
                                  if t["i"] in arguments and str(t["lemma"]).lower() in predicates))  # fmt: skip
            places = tuple(sorted((str(t["lemma"]).lower(), named_places[t["i"]]) for t in inside
                                  if t["i"] in named_places and str(t["lemma"]).lower() in predicates))  # fmt: skip
            rows.append({
                "article": article, "unit_id": len(rows), "sent_id": sid, "kind": kind, "start": start, "end": end,
                "text": text[start:end], "status": status, "claim_source": claim_source, "claim_source_type": claim_source_type,
                "source": source, "lemmas": " ".join(lemmas), "predicates": predicates, "entities": names, "numbers": figures,
                "agents": agents, "events": events, "places": places, "hedged_verbs": hedged_verbs & predicates,
            })  # fmt: skip
    return pd.DataFrame(rows, columns=UNIT_COLUMNS)
