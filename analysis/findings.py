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
- ``relative_dates``: no dateline, and the body leans on relative dates ("on
  Wednesday", "this week") that a reader therefore cannot place.

Headline against body (each headline and standfirst sentence against the body
sentences on the same topic: sharing a named entity and a content noun with it):

- ``headline_entity_absent``: the headline names someone or somewhere the body never does.
- ``headline_place_unsupported``: the headline puts its topic in a place, the body links
  the topic to that place only in weak sentences (hedged, unconfirmed, or attributed to
  media, anonymous or unnamed sources, or with a distancing or non-committal cue), and
  its firm sentences on the topic, if any, name other places.
- ``headline_flat``: the headline has no hedge, no quotation marks and no attribution of
  its own, but every body sentence on its topic is weak.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Span

from .entities import PLACE_LABELS
from .schema import TableColumns, column_records
from .sources import ContentIndex

__all__ = ["CHECKS", "provenance_findings", "headline_findings", "findings_table", "finding_columns"]

CHECKS = {
    "no_byline": "provenance",
    "no_outlet": "provenance",
    "no_dateline": "provenance",
    "relative_dates": "time",
    "headline_entity_absent": "headline",
    "headline_place_unsupported": "headline",
    "headline_flat": "headline",
}
WEAK_SOURCES = frozenset({"anonymous", "unnamed", "media"})
WEAK_STANCES = frozenset({"distancing", "non_committal", "belief", "denying"})
WEAK_STATUSES = frozenset({"hedged", "unconfirmed"})
#: How many paragraphs from the top a byline or dateline may sit in.
TOP_PARAGRAPHS = 6

BYLINE = re.compile(r"^\s*(?:By|BY|Written by|Words by|Reporting by)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\b")
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


def provenance_findings(paragraphs: pd.DataFrame, dates: pd.DataFrame, metadata: dict) -> list[dict]:
    """Missing byline, outlet and dateline, and relative dates nobody can place.

    Args:
        paragraphs: The ``paragraphs`` table.
        dates: The ``dates`` table.
        metadata: Page metadata from ingest (``author``, ``date``, ``sitename`` when the
            input was an HTML page).
    """
    top = paragraphs["text"].head(TOP_PARAGRAPHS).tolist()
    whole = "\n".join(paragraphs["text"].tolist())
    rows = []
    if not metadata.get("author") and not any(BYLINE.match(p) for p in top):
        rows.append(_row("no_byline", "No byline: the text does not say who wrote it.", [], "",
                         "no author in page metadata; no 'By ...' line in the first paragraphs"))  # fmt: skip
    if not metadata.get("sitename") and not WIRE_CREDIT.search(whole) and not COPYRIGHT.search(whole):
        rows.append(_row("no_outlet", "No outlet: the text does not say who published it.", [], "",
                         "no site name in page metadata; no wire credit or copyright line"))  # fmt: skip
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
            listed = "; ".join(f"'{t}'" for t in dict.fromkeys(d["text"] for d in relative))
            rows.append(
                _row(
                    "relative_dates",
                    f"{len(relative)} relative date(s) in the body cannot be placed without a dateline: {listed}.",
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
        who = best["canonical_source"] if isinstance(best["canonical_source"], str) else "nobody named"
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


def _same_place(a: str, b: str) -> bool:
    """ "Guantanamo" and "Guantanamo Bay" are one place for this check."""
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def _inside_source(start: int, end: int, source_spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in source_spans)


def headline_findings(
    sentences: list[Span],
    sentence_rows: pd.DataFrame,
    paragraphs: pd.DataFrame,
    entities: pd.DataFrame,
    cues: pd.DataFrame,
    attributions: pd.DataFrame,
    *,
    contents: ContentIndex | None = None,
) -> list[dict]:
    """Compare each headline and standfirst sentence with the body sentences on its topic.

    ``contents`` is the attributions' :class:`~analysis.sources.ContentIndex`, when the
    caller has built it already.
    """
    heads = {p for p, role in zip(paragraphs["para_id"].tolist(), paragraphs["role"].tolist()) if role in ("headline", "standfirst")}
    # Plain per-sentence lookups: the loop below visits every body sentence per headline.
    sents = column_records(sentence_rows, ["sent_id", "para_id", "text", "in_body", "status", "status_reason",
                                           "claim_source", "claim_source_type"])  # fmt: skip
    head_sents = [r for r in sents if r["para_id"] in heads]
    rows: list[dict] = []
    if not head_sents:
        return rows
    row_of = {int(r["sent_id"]): r for r in sents if r["in_body"] and pd.notna(r["status"])}
    named = [m for m in column_records(entities, ["sent_id", "label", "canonical", "in_body", "start", "end"])
             if m["label"] in ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT")]  # fmt: skip
    body_names = {m["canonical"] for m in named if m["in_body"]}
    named_in: dict[int, list[dict]] = {}
    for mention in named:
        named_in.setdefault(int(mention["sent_id"]), []).append(mention)
    source_spans = [(int(s), int(e)) for s, e in zip(attributions["source_start"].tolist(), attributions["source_end"].tolist())
                    if pd.notna(s)]  # fmt: skip
    hedged_sents = {int(i) for i, kind in zip(cues["sent_id"].tolist(), cues["kind"].tolist()) if kind == "hedge"}
    attributed_sents = {int(i) for i in attributions["sent_id"].tolist()}
    contents = contents or ContentIndex(attributions)
    for head in head_sents:
        head_id, head_text = int(head["sent_id"]), head["text"]
        mentions = named_in.get(head_id, [])
        if not mentions:
            continue
        places = {m["canonical"] for m in mentions if m["label"] in PLACE_LABELS}
        topic = {m["canonical"] for m in mentions} - places
        nouns = {t.lemma_.lower() for t in sentences[head_id] if t.pos_ == "NOUN" and not t.is_stop}
        absent = sorted({m["canonical"] for m in mentions} - body_names)
        for name in absent:
            rows.append(_row("headline_entity_absent", f"The headline names '{name}'; the body never does.", [head_id],
                             head_text, "a headline entity with no body mention"))  # fmt: skip
        if not topic or not nouns:
            continue
        support: list[_Support] = []
        for sent_id, row in row_of.items():
            here = named_in.get(sent_id, [])
            if not topic & {m["canonical"] for m in here}:
                continue
            if not nouns & {t.lemma_.lower() for t in sentences[sent_id] if t.pos_ == "NOUN"}:
                continue
            # Where the sentence puts things: place names (not nationalities), outside
            # the phrases naming its sources ("South Korea's spy agency", "the US").
            where = [m for m in here if m["label"] in PLACE_LABELS and not _inside_source(int(m["start"]), int(m["end"]), source_spans)]
            linked = [m for m in where if m["canonical"] in places]
            first = linked[0] if linked else next(m for m in here if m["canonical"] in topic)
            weak, reason = _firmness(int(first["start"]), int(first["end"]), row, contents)
            support.append(_Support(sent_id, weak, reason, {m["canonical"] for m in where}))
        if not support:
            continue
        firm = [s for s in support if not s.weak]
        for place in sorted(places):
            with_place = [s for s in support if any(_same_place(place, p) for p in s.places)]
            # Only where the body does put the topic in that place, and only weakly.
            if not with_place or any(not s.weak for s in with_place):
                continue
            elsewhere = sorted({p for s in firm for p in s.places if not _same_place(place, p)})
            if not firm:
                detail = f"The headline puts its topic in {place}; every body sentence that does so is weak."
            elif elsewhere:
                detail = (f"The headline puts its topic in {place}; the body's firmer sentences place it in "
                          f"{', '.join(elsewhere)}, and every sentence naming {place} is weak.")  # fmt: skip
            else:
                continue
            evidence = [s for s in support if s in with_place or not s.weak]
            rows.append(
                _row(
                    "headline_place_unsupported",
                    detail,
                    [s.sent_id for s in evidence],
                    " | ".join(f"[{s.sent_id}] {'weak' if s.weak else 'firm'}: {s.reason}" for s in evidence),
                    "headline place vs firmness of body sentences sharing its entity and noun",
                )
            )
        quoted = head_text.count('"') + head_text.count("“") + head_text.count("'") >= 2
        # A headline quoting its claim ("Tautou 'to star in film'") already holds it at arm's length.
        # So does one that says who claims it ("Bortolami predicts dour contest").
        if head_id not in hedged_sents and not quoted and head_id not in attributed_sents and not firm:
            rows.append(
                _row(
                    "headline_flat",
                    "The headline states flatly what every body sentence on its topic hedges or leaves to weak sources.",
                    [s.sent_id for s in support],
                    " | ".join(f"[{s.sent_id}] {s.reason}" for s in support),
                    "no hedge in the headline; no firm body sentence on its topic",
                )
            )
    return rows


def findings_table(rows: list[dict]) -> pd.DataFrame:
    """The ``findings`` table, in check order then by first evidence sentence."""
    return finding_columns(rows).frame()


def finding_columns(rows: list[dict]) -> TableColumns:
    """:func:`findings_table` as columns, before a DataFrame is built."""
    order = {name: i for i, name in enumerate(CHECKS)}
    rows = sorted(rows, key=lambda r: (order[r["finding"]], r["sent_ids"][:1], r["detail"]))
    return TableColumns.from_rows("findings", rows)
