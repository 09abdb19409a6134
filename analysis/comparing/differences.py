"""Where outlets differ on the same story: what a student should look at.

Rules, in order (:data:`RULES`, keyed by the ``difference`` they set; the labels and
their plain meanings are ``vocabulary.COVERAGE_DIFFERENCE``):

- ``fact_vs_attributed``: one outlet's writer states a claim with no source, another
  attributes the matched claim to someone or softens it;
- ``surer_vs_hedged``: one outlet states or confirms a claim, another hedges it or
  leaves it open;
- ``named_vs_nameless``: one outlet rests the claim on a named person, body or document,
  another on a source without a name (a news outlet is a named source);
- ``source_differs``: both credit the claim to someone, and not to the same one
  ("officials" against "NBC and ABC"), each as its article gives it; two of one kind where
  one is a description only ("the survey" / "the PPIC poll") may be one source, and are
  not listed;
- ``number_differs``: matched claims give different figures for the same counted thing;
- ``rough_vs_exact``: the same figure, exact in one and rough in the other;
- ``source_only_here``: a named source (a person or body the article names) only one
  outlet cites, and the others do not mention at all;
- ``claim_only_here``: a claim with names or numbers that no other outlet matches;
- ``headline_surer``: a headline the article's own checks find surer than its body, or
  one that states flatly what another outlet's body attributes, hedges or leaves open
  (:func:`headline_against_others`).

Each row says which articles and sentences, and why, in plain words.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from analysis.comparing.align import same_name, shared_event_verbs
from analysis.comparing.claims import MIN_FIGURE, surname
from analysis.rules.findings import same_figure
from analysis.vocabulary import (IDENTIFIED_SOURCE_TYPES, NAMELESS_SOURCE_TYPES, NOBODY_NAMED, SOURCE_TYPE_IN_WORDS, SPEAKING_ENTITY_LABELS,
                                 FIRM_STATUSES, WEAK_STATUSES)  # fmt: skip

__all__ = ["RULES", "find_differences", "headline_against_others", "COLUMNS"]

COLUMNS = ["difference", "article", "sent_id", "other", "other_sent_id", "detail"]


def _row(difference: str, a: dict, b: dict | None, detail: str) -> dict:
    return {"difference": difference, "article": a["article"], "sent_id": a["sent_id"],
            "other": b["article"] if b else None, "other_sent_id": b["sent_id"] if b else None, "detail": detail}  # fmt: skip


def _who(claim: dict) -> str:
    source = claim["claim_source"]
    return source if isinstance(source, str) and source not in ("author", NOBODY_NAMED) else "no one named"


def fact_vs_attributed(a: dict, b: dict) -> str | None:
    if a["status"] == "asserted" and a["claim_source_type"] == "author" and b["claim_source_type"] != "author":
        return (f"{a['article']} states it as fact (sentence {a['sent_id']}); {b['article']} gives it as "
                f"{b['status']}, from {_who(b)} (sentence {b['sent_id']}).")  # fmt: skip
    return None


def surer_vs_hedged(a: dict, b: dict) -> str | None:
    # A hedge elsewhere in the sentence is no hedge on the matched event: "Racking up
    # victories, Trump and Clinton solidified their claims as likely nominees" does not
    # soften the victories another outlet states.
    if b["status"] == "hedged" and b.get("event_verbs") and not b["event_verbs"] & b.get("hedged_verbs", frozenset()):
        return None
    if a["status"] in FIRM_STATUSES and b["status"] in WEAK_STATUSES:
        return f"{a['article']}: {a['status']} (sentence {a['sent_id']}); {b['article']}: {b['status']} (sentence {b['sent_id']})."
    return None


def _credited(claim: dict) -> str:
    """Who a claim is credited to, as the article gives it, with its type in words."""
    kind = SOURCE_TYPE_IN_WORDS.get(claim["claim_source_type"])
    return f"{_who(claim)} ({kind})" if kind else _who(claim)


#: The status rule of a sentence inside a quotation whose speaker the article does not
#: name nearby (``rules/claims.py``): its source is unknown to the tool, not kept secret by
#: the article ("It has been returned to me", a listing quoted a paragraph after it is
#: introduced), so it shows no difference of sources.
UNATTRIBUTED_QUOTE = "rule: unattributed_quote"


def named_vs_nameless(a: dict, b: dict) -> str | None:
    # A news outlet is a source with a name ("a newspaper reported" is a media source,
    # checkable by finding the report), so it is no nameless one here.
    if a.get("unattributed_quote") or b.get("unattributed_quote"):
        return None
    if a["claim_source_type"] in IDENTIFIED_SOURCE_TYPES and b["claim_source_type"] in NAMELESS_SOURCE_TYPES:
        return (f"{a['article']} names its source, {_who(a)} (sentence {a['sent_id']}); {b['article']} rests it on "
                f"{_who(b)}, {'an' if b['claim_source_type'][:1] in 'aeiou' else 'a'} {b['claim_source_type']} source "
                f"(sentence {b['sent_id']}).")  # fmt: skip
    return None


def _unnamed(source: str) -> bool:
    """A source given by a description alone, with no name in it ("The survey", "a new
    statewide poll"): it may be the very source the other outlet names."""
    return not any(word[:1].isupper() for word in source.split()[1:])


def source_differs(a: dict, b: dict) -> str | None:
    """Both outlets credit the claim to someone, and not to the same one (by name or
    surname): "officials" against "NBC and ABC". Left to ``named_vs_nameless`` when that
    is the difference."""
    ta, tb = a["claim_source_type"], b["claim_source_type"]
    if a.get("unattributed_quote") or b.get("unattributed_quote"):
        return None
    if ta in (None, "author") or tb in (None, "author") or not isinstance(ta, str) or not isinstance(tb, str):
        return None
    if (ta in IDENTIFIED_SOURCE_TYPES and tb in NAMELESS_SOURCE_TYPES) or (tb in IDENTIFIED_SOURCE_TYPES and ta in NAMELESS_SOURCE_TYPES):
        return None
    who_a, who_b = _who(a), _who(b)
    if ta == tb and (_unnamed(who_a) or _unnamed(who_b)):
        return None  # "The survey" and "The poll by the Public Policy Institute of California" may be one poll
    if who_a.lower() == who_b.lower() or surname(who_a) == surname(who_b) or (a["article"], a["sent_id"]) > (b["article"], b["sent_id"]):
        return None  # the same source; or the pair seen from its other side (one line per pair)
    return (f"{a['article']} credits it to {_credited(a)} (sentence {a['sent_id']}); {b['article']} to {_credited(b)} "
            f"(sentence {b['sent_id']}).")  # fmt: skip


def number_differs(a: dict, b: dict) -> str | None:
    """Two figures for one counted thing, in sentences about one name: "Sanders needs
    836 delegates" / "Clinton is 71 delegates short" count for two people."""
    if not same_name(frozenset(a.get("entities") or ()), frozenset(b.get("entities") or ())):
        return None
    for va, _, ca, ta in a["numbers"]:
        for vb, _, cb, tb in b["numbers"]:
            if ca and ca == cb and va >= MIN_FIGURE and vb >= MIN_FIGURE and not same_figure(va, vb):
                return f"{a['article']} gives {ta} {ca} (sentence {a['sent_id']}); {b['article']} gives {tb} (sentence {b['sent_id']})."
    return None


def rough_vs_exact(a: dict, b: dict) -> str | None:
    for va, rough_a, _, ta in a["numbers"]:
        for vb, rough_b, _, tb in b["numbers"]:
            if va >= MIN_FIGURE and same_figure(va, vb) and not rough_a and rough_b:
                return f"{a['article']} gives {ta} as exact (sentence {a['sent_id']}); {b['article']} as rough: {tb} (sentence {b['sent_id']})."
    return None


#: The rules on a matched pair of claims, in order, keyed by the ``difference`` they set.
RULES: dict[str, Callable[[dict, dict], str | None]] = {
    "fact_vs_attributed": fact_vs_attributed,
    "surer_vs_hedged": surer_vs_hedged,
    "named_vs_nameless": named_vs_nameless,
    "source_differs": source_differs,
    "number_differs": number_differs,
    "rough_vs_exact": rough_vs_exact,
}


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + "..."


#: Differences that read the same from either article: listed once per pair of claims.
SYMMETRIC = frozenset({"number_differs"})


def _matched_side(sentence: dict, text: str, status: str, source, source_type, unattributed_sentence: bool,
                  *, hedged_verbs: frozenset = frozenset(), event_verbs: frozenset = frozenset()) -> dict:
    """One side of a matched pair as the rules read it: the sentence's row with the matched
    claim's own text, status and source ("Comey said [the FBI ...]" is Comey's claim even
    where the sentence as a whole rests on someone else), whether it is a quotation whose
    speaker the article does not name nearby (:data:`UNATTRIBUTED_QUOTE`), the verbs its
    hedges bear on and the verbs of the event the two claims share."""
    side = {**sentence, "text": text, "status": status, "claim_source": source, "claim_source_type": source_type,
            "hedged_verbs": hedged_verbs, "event_verbs": event_verbs}  # fmt: skip
    side["unattributed_quote"] = unattributed_sentence and _who(side) == "no one named"
    return side


def find_differences(claims: pd.DataFrame, alignment: pd.DataFrame, analyses: dict, *,
                     headlines: pd.DataFrame | None = None, units: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every difference between the compared articles (see the module docstring).

    Args:
        claims: The claim rows of every article (:func:`analysis.comparing.claims.claim_rows`).
        alignment: :func:`analysis.comparing.align.align_claims` of those claims.
        analyses: Article name -> :class:`~analysis.core.Analysis`, for sources and headlines.
        headlines: The headline rows of every article
            (:func:`analysis.comparing.claims.headline_rows`), when the caller has them.
        units: The claim units of every article (:func:`analysis.comparing.units.claim_units`):
            a headline is then matched to the other bodies' units, not whole sentences.
    """
    by_key = {(r["article"], r["sent_id"]): r for r in claims.to_dict("records")}
    unattributed = {(name, int(sid)) for name, result in analyses.items()
                    for sid, reason in zip(result.sentences["sent_id"], result.sentences["status_reason"])
                    if isinstance(reason, str) and UNATTRIBUTED_QUOTE in reason}  # fmt: skip
    hedged = {} if units is None or "hedged_verbs" not in units else {
        (u["article"], int(u["sent_id"]), u["text"]): u["hedged_verbs"] for u in units.to_dict("records")}
    rows: list[dict] = []
    seen: set[tuple] = set()
    # Only where the matched claims tell one event about one thing (a verb of each, the
    # same or near, with a doer, object or place in common; or the same figure): a pair
    # that shares only a topic's words ("Cruz won Oklahoma" / "the only way to stop Trump
    # may be to rally behind Ted Cruz") differs in everything, which shows nothing.
    for match in alignment[alignment["matched"] & alignment["event_in_common"].astype(bool)].itertuples():
        ends = ((match.article, match.sent_id), (match.other, int(match.other_sent_id)))
        verbs = shared_event_verbs(match.shared_events)
        a = _matched_side(by_key[ends[0]], match.claim, match.status, match.source, match.source_type, ends[0] in unattributed,
                          hedged_verbs=hedged.get((*ends[0], match.claim), frozenset()), event_verbs=verbs)  # fmt: skip
        b = _matched_side(by_key[ends[1]], match.other_claim, match.other_status, match.other_source, match.other_source_type,
                          ends[1] in unattributed, hedged_verbs=hedged.get((*ends[1], match.other_claim), frozenset()),
                          event_verbs=verbs)  # fmt: skip
        for name, rule in RULES.items():
            detail = rule(a, b)
            if detail:
                detail += f" \u201c{_short(a['text'])}\u201d / \u201c{_short(b['text'])}\u201d"
            # A figure that differs differs both ways: one row for the pair.
            key = (name, frozenset(ends)) if name in SYMMETRIC else (name, *ends)
            if detail and key not in seen:
                seen.add(key)
                rows.append(_row(name, a, b, detail))
    rows += _sources_only_here(analyses)
    # Claims no other outlet matches, when they carry a name or a number to check.
    matched = set(zip(alignment.loc[alignment["matched"], "article"], alignment.loc[alignment["matched"], "sent_id"]))
    for claim in claims.to_dict("records"):
        if (claim["article"], claim["sent_id"]) not in matched and (claim["entities"] or claim["numbers"]):
            rows.append(_row("claim_only_here", claim, None,
                             f"Only {claim['article']} says this (sentence {claim['sent_id']}, {claim['status']})."))  # fmt: skip
    for name, result in analyses.items():
        headline = result.findings[result.findings["category"] == "headline"]
        for finding in headline.itertuples():
            rows.append({"difference": "headline_surer", "article": name, "sent_id": None, "other": None, "other_sent_id": None,
                         "detail": f"{name}: {finding.detail}"})  # fmt: skip
    rows += headline_against_others(claims if units is None else units, analyses, headlines)
    return pd.DataFrame(rows, columns=COLUMNS)


def _sources_only_here(analyses: dict) -> list[dict]:
    """Named sources only one outlet cites (same canonical name, or the same surname), and
    the others do not mention at all: ``source_only_here`` rows."""
    rows: list[dict] = []
    sources, cited = {}, {}
    for name, result in analyses.items():
        table = result.attributions  # the same names as the sources view, without building it
        # A name inside someone's quotation ("Bernie thinks ...," his aide said) is what the
        # speaker cites, not the article: only relations outside a quotation with a speaker.
        spoken = [(q.start, q.end) for q in result.quotes.itertuples() if isinstance(q.speaker, str)]
        outside = [not any(s <= c < e for s, e in spoken) for c in table["cue_start"].fillna(-1).astype(int)]
        own = table.loc[pd.Series(outside, index=table.index, dtype=bool)]
        sources[name] = set(own.loc[own["source_type"].isin(IDENTIFIED_SOURCE_TYPES), "canonical_source"].dropna())
        cited[name] = set(table["canonical_source"].dropna())  # any source, named or not ("The council")
    for name, own in sources.items():
        others = set().union(*(s for n, s in cited.items() if n != name))
        # A name the other outlet mentions at all: it may cite it where the tool reads no
        # attribution ("the New York Times report" in a sentence of its own), so "only" is
        # not safe to say.
        others |= set().union(*(set(r.entities["canonical"].dropna()) for n, r in analyses.items() if n != name))
        other_surnames = {surname(s) for s in others}
        # Only a source the article also names as a person or body ("A statement" or a
        # bare role typed as a named source is no name a reader could look for).
        entities = analyses[name].entities
        named = set(entities.loc[entities["label"].isin(SPEAKING_ENTITY_LABELS), "canonical"].dropna())
        for source in sorted(own & named):
            if source not in others and surname(source) not in other_surnames:
                first = analyses[name].attributions
                sent = first.loc[first["canonical_source"] == source, "sent_id"]
                rows.append({"difference": "source_only_here", "article": name, "sent_id": int(sent.iloc[0]) if len(sent) else None,
                             "other": None, "other_sent_id": None, "detail": f"Only {name} cites {source}."})  # fmt: skip
    return rows


def headline_against_others(claims: pd.DataFrame, analyses: dict, headlines: pd.DataFrame | None = None) -> list[dict]:
    """A headline that states flatly what another outlet's body reports as someone's
    claim, hedges or leaves open: the headline matched to that body's claims (or claim
    units) as claims are matched (:func:`analysis.comparing.align.align_claims`), its
    best match read."""
    from analysis.comparing.align import align_claims
    from analysis.comparing.claims import headline_rows

    rows = []
    for name, result in analyses.items():
        heads = headline_rows(result, name) if headlines is None else headlines[headlines["article"] == name]
        heads = heads[heads["status"] == "asserted"]
        if heads.empty:
            continue
        for other in analyses:
            if other == name:
                continue
            body = claims[claims["article"] == other]
            matches = align_claims(pd.concat([heads, body], ignore_index=True))
            for head in heads.to_dict("records"):
                found = matches[(matches["article"] == name) & (matches["sent_id"] == head["sent_id"]) & matches["matched"]]
                if found.empty:
                    continue
                top = found.iloc[0]
                best = body[body["sent_id"] == int(top["other_sent_id"])].iloc[0].to_dict()
                # The matched claim's own reading, not the whole sentence's.
                best.update(text=top["other_claim"], status=top["other_status"], claim_source=top["other_source"],
                            claim_source_type=top["other_source_type"])
                if best["status"] in WEAK_STATUSES or best["claim_source_type"] not in ("author", None):
                    rows.append({"difference": "headline_surer", "article": name, "sent_id": int(head["sent_id"]), "other": other,
                                 "other_sent_id": int(best["sent_id"]),
                                 "detail": (f"{name}'s headline states it flatly (\u201c{_short(head['text'])}\u201d); {other} gives "
                                            f"it as {best['status']}, from {_who(best)} (sentence {int(best['sent_id'])}: "
                                            f"\u201c{_short(best['text'])}\u201d).")})  # fmt: skip
    return rows
