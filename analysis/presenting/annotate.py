"""The annotated article: the text as HTML with every label marked and explained.

What it builds: one self-contained HTML fragment (its own ``<style>``, no script) in
which hedges, boosters, sources, reporting cues, quotes (by kind) and named entities are
marked, each mark carrying the reason behind it as a hover title, each body sentence
ends with a badge giving its number and status, and non-body paragraphs are greyed with
their role.
Marks come from the tables' offsets into the original text. All article text, and every
reason built from it, is HTML-escaped: an article containing ``<script>`` renders as text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from analysis.presenting.tables import split_reason
from analysis.rules.entities import NAME_LABELS
from analysis.vocabulary import CUE_STANCE, ENTITY_LABEL, NAMELESS_SOURCE_TYPES, NOBODY_NAMED, PARAGRAPH_ROLE, QUOTE_KIND, SOURCE_TYPE, STATUS

STATUS_COLOURS = STATUS.colours

__all__ = ["Mark", "marks", "annotated_html", "LEGEND"]

#: Mark classes, their legend text and their style.
LEGEND = {
    "hedge": ("hedge (softens a claim)", "background:#fde7b0;"),
    "booster": ("booster (firms a claim)", "background:#bfe6d8;"),
    "source": ("source (who says so)", "font-weight:bold;"),
    "cue": ("reporting cue (says, warned, confirmed...)", "text-decoration:underline dotted #0072B2 2px;"),
    "quote-direct": ("direct quote", "background:#d6e9f8;"),
    "quote-scare": ("scare quote (held at arm's length)", "background:#f7d4e6;"),
    "quote-term": ("quoted name or term", "background:#ececec;"),
    "entity": ("named entity", "border-bottom:1px dashed #0072B2;"),
}


@dataclass(frozen=True)
class Mark:
    """One labelled span: character offsets into the article, a class and its reason."""

    start: int
    end: int
    kind: str
    reason: str


def _details(text: str) -> str:
    """The technical part of a tooltip, after the plain words."""
    return f"\nDetails: {text}" if text else ""


def _cue_reason(row) -> str:
    effect = "makes the claim less certain" if row.kind == "hedge" else "makes the claim sound more certain"
    negated = " (negated here)" if row.negated else ""
    return f"{row.kind}: \u201c{row.text}\u201d {effect}{negated}" + _details(f"category {row.category}; rule {row.rule}; lexicon entry \u201c{row.cue}\u201d")


def _source_reason(row, who: str) -> str:
    plain, technical = split_reason(str(row.source_type_reason))
    kind = SOURCE_TYPE.describe(row.source_type) if row.source_type in SOURCE_TYPE else row.source_type
    reason = "; no reason given for not naming them" if row.source_type in NAMELESS_SOURCE_TYPES and not isinstance(row.anonymity_reason, str) else ""
    return f"{row.source_type} source: {who}{reason}. {kind}" + _details(f"{plain}; {technical}".strip("; "))


def _cue_word_reason(row, who: str) -> str:
    stance = CUE_STANCE.describe(row.cue_stance) if row.cue_stance in CUE_STANCE else row.cue_stance
    said = f"{who} says it" if who != NOBODY_NAMED else "nobody is named as saying it"
    return f"reporting words \u201c{row.cue}\u201d: {said}. {stance}" + _details(f"stance {row.cue_stance}; lemma {row.cue_lemma}")


def _quote_reason(row) -> str:
    kind = QUOTE_KIND.describe(row.kind) if row.kind in QUOTE_KIND else row.kind
    speaker = f" Speaker: {row.speaker}." if isinstance(row.speaker, str) else ""
    return f"{row.kind} quote: {kind}{speaker}" + _details(str(row.reason))


def _entity_reason(row) -> str:
    kind = ENTITY_LABEL.describe(row.label) if row.label in ENTITY_LABEL else row.label
    refers = f" It stands for {row.canonical}." if isinstance(row.canonical, str) and row.canonical != row.text else ""
    return f"\u201c{row.text}\u201d, a name. {kind}{refers}" + _details(f"label {row.label} ({row.label_rule}); name: {row.canonical_rule}")


def marks(result) -> list[Mark]:
    """Every mark the annotated view shows, from the analysis tables, in text order. Each
    reason says in plain words why the mark is there; the rule, category or dependency
    path follows on a line of its own ("Details: ...")."""
    found: list[Mark] = []
    for row in result.cues.itertuples():
        found.append(Mark(row.start, row.end, row.kind, _cue_reason(row)))
    for row in result.attributions.itertuples():
        who = row.canonical_source if isinstance(row.canonical_source, str) else NOBODY_NAMED
        if pd.notna(row.source_start) and row.source:
            found.append(Mark(int(row.source_start), int(row.source_end), "source", _source_reason(row, who)))
        found.append(Mark(int(row.cue_start), int(row.cue_end), "cue", _cue_word_reason(row, who)))
    for row in result.quotes.itertuples():
        found.append(Mark(row.start, row.end, f"quote-{row.kind}", _quote_reason(row)))
    for row in result.entities.itertuples():
        if row.label not in NAME_LABELS:
            continue  # numbers and dates have their own tables
        found.append(Mark(row.start, row.end, "entity", _entity_reason(row)))
    return sorted(found, key=lambda m: (m.start, -m.end, m.kind))


def _style() -> str:
    rules = [f".an .m-{kind} {{{style}}}" for kind, (_, style) in LEGEND.items()]
    rules += [f".an .st-{status} {{background: {colour};}}" for status, colour in STATUS_COLOURS.items()]
    rules += [
        ".an {font-family: Georgia, serif; font-size: 15px; line-height: 1.7; max-width: 46em;}",
        ".an p {margin: 0 0 0.9em 0;}",
        ".an .nonbody {color: #888; font-style: italic;}",
        ".an .role {font: 11px sans-serif; color: #fff; background: #999; border-radius: 3px; padding: 0 4px; margin-right: 6px; font-style: normal;}",
        ".an .legend {font: 12px sans-serif; margin-bottom: 1em; line-height: 2;}",
        ".an .legend span {margin-right: 10px; padding: 1px 4px;}",
        ".an .legend ul.statuses {margin: .3em 0 0; padding-left: 1.2em; line-height: 1.5;}",
        ".an [title] {cursor: help;}",
        ".an .st {white-space: nowrap; font: bold 10px sans-serif; color: #fff; border-radius: 3px; padding: 0 3px; margin: 0 2px; vertical-align: super;}",
    ]
    return "<style>\n" + "\n".join(rules) + "\n</style>"


def _legend() -> str:
    items = [f'<span class="m-{kind}">{html.escape(text)}</span>' for kind, (text, _) in LEGEND.items()]
    items += [f'<span class="st st-{status}" title="{html.escape(STATUS.describe(status), quote=True)}">{status}</span>'
              for status in STATUS_COLOURS]  # fmt: skip
    statuses = "".join(f"<li><b>{html.escape(status)}</b>: {html.escape(STATUS.describe(status))}</li>" for status in STATUS_COLOURS)
    return ('<div class="legend">' + " ".join(items) + "<br>A badge after each sentence of the article gives its number "
            "and how sure the article is about it; hover over any mark to read why it is there."
            f"<ul class='statuses'>{statuses}</ul></div>")  # fmt: skip


def annotated_html(result) -> str:
    """The article as an HTML fragment with every mark, a legend and hover reasons.

    Args:
        result: An :class:`~analysis.core.Analysis`.

    Returns:
        HTML (a ``<div class="an">`` with its own ``<style>``); safe to embed: every piece
        of article text and every reason is escaped.
    """
    text = result.text
    all_marks = marks(result)
    sentences = result.sentences
    parts = [_style(), '<div class="an">', _legend()]
    for para in result.paragraphs.itertuples():
        inside = [m for m in all_marks if para.start <= m.start and m.end <= para.end]
        sents = sentences[(sentences["start"] >= para.start) & (sentences["end"] <= para.end)]
        cuts = {para.start, para.end}
        for m in inside:
            cuts.update((m.start, m.end))
        for s in sents.itertuples():
            cuts.update((s.start, s.end))
        points = sorted(cuts)
        ends = {s.end: s for s in sents.itertuples() if isinstance(s.status, str)}
        pieces = []
        for a, b in zip(points, points[1:]):
            covering = [m for m in inside if m.start <= a and b <= m.end]
            classes = sorted({f"m-{m.kind}" for m in covering})
            # Line breaks inside a paragraph become <br>; in titles they stay newlines.
            chunk = html.escape(text[a:b]).replace("\n", "<br>")
            if classes:
                title = html.escape("\n".join(dict.fromkeys(m.reason for m in covering)), quote=True)
                chunk = f'<span class="{" ".join(classes)}" title="{title}">{chunk}</span>'
            pieces.append(chunk)
            if b in ends:
                # A badge after each body sentence: its number and status, the reason on hover.
                s = ends[b]
                # Plain words first (what the status means), the rule's reason second.
                plain, technical = split_reason(str(s.status_reason))
                reason = html.escape(f"sentence {s.sent_id}: {s.status}. {STATUS.describe(s.status)}\nWhy: {plain}"
                                     + _details(technical), quote=True)  # fmt: skip
                pieces.append(f'<span class="st st-{s.status}" id="s{s.sent_id}" title="{reason}">{s.sent_id} {s.status}</span>')
        body = "".join(pieces)
        if para.role == "body":
            parts.append(f'<p data-para="{para.para_id}">{body}</p>')
        else:
            role = html.escape(para.role.replace("_", " "))
            plain_role = PARAGRAPH_ROLE.describe(para.role) if para.role in PARAGRAPH_ROLE else ""
            reason = html.escape(f"{para.role.replace('_', ' ')}: {plain_role} Not counted as the article's claims."
                                 + _details(para.reason), quote=True)  # fmt: skip
            parts.append(f'<p class="nonbody" data-para="{para.para_id}"><span class="role" title="{reason}">{role}</span>{body}</p>')
    parts.append("</div>")
    return "\n".join(parts)
