"""Prose about one analysis, computed from its tables: what the notebooks and report say.

What it writes: Markdown paragraphs and lists for each notebook section (the article at
a glance, provenance and headline findings, entities, certainty, sources, numbers) and
the "how far to trust these labels" table read from ``benchmarks/results.json``. Every
sentence is built from the data, so it is true for any article; nothing here mentions
the seed.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.vocabulary import NAMELESS_SOURCE_TYPES

__all__ = [
    "overview",
    "findings_text",
    "entities_text",
    "certainty_text",
    "sources_text",
    "numbers_text",
    "trust_table",
    "trust_text",
]


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#|~!])")


def _md(value) -> str:
    """Article text made inert in Markdown: HTML escaped (a ``<script>`` in an article
    stays text) and Markdown syntax characters backslash-escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=False))


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _names(values, limit: int = 5) -> str:
    values = [_md(v) for v in values][:limit]
    if not values:
        return "none"
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " and " + values[-1]


def overview(result) -> str:
    """Structure and size: roles found, what was set aside and why, length, main entities."""
    paragraphs = result.paragraphs
    roles = paragraphs["role"].value_counts()
    body = result.body_sentences
    words = int(sum(len(t.split()) for t in body["text"]))
    set_aside = paragraphs[~paragraphs["role"].isin(["body", "headline"])]
    lines = [
        f"**Headline:** {_md(result.headline) if result.headline else '(none found)'}",
        "",
        f"The text has {_plural(len(paragraphs), 'paragraph')}: {_plural(int(roles.get('body', 0)), 'body paragraph')} "
        f"holding {_plural(len(body), 'sentence')} and {words:,} words. The body is what the analysis counts.",
    ]
    if len(set_aside):
        lines += ["", "Set aside from the body (still shown, greyed, in the annotated article):", ""]
        for row in set_aside.itertuples():
            snippet = row.text if len(row.text) <= 70 else row.text[:67] + "..."
            lines.append(f"- *{row.role.replace('_', ' ')}*: \u201c{_md(snippet)}\u201d ({_md(row.reason)})")
    summary = result.entity_summary
    if len(summary):
        top = summary.head(3)
        lines += ["", f"It is mostly about {_names(f'{r.canonical} ({r.mentions})' for r in top.itertuples())} "
                  "(mentions in the body)."]  # fmt: skip
    return "\n".join(lines)


def findings_text(result, *, category: str | None = None) -> str:
    """The findings as a Markdown list (one category, or all), or a sentence saying none."""
    findings = result.findings if category is None else result.findings[result.findings["category"] == category]
    if findings.empty:
        what = {"headline": "The headline's places and certainty match the body", "provenance": "Byline, outlet and dateline are all given"}
        return f"{what.get(category, 'Nothing to flag')}: no finding."
    lines = []
    for row in findings.itertuples():
        evidence = f" Evidence: {_md(row.evidence)}." if row.evidence and category == "headline" else ""
        sentences = f" (sentences {', '.join(map(str, row.sent_ids))})" if row.sent_ids and category != "headline" else ""
        lines.append(f"- **{row.finding.replace('_', ' ')}**: {_md(row.detail)}{sentences}{evidence}")
    return "\n".join(lines)


def entities_text(result) -> str:
    """Who and where: counts by type, the most mentioned, names that resolved."""
    summary = result.entity_summary
    if summary.empty:
        return "No people, places or organisations are named in the body."
    kinds = summary["type"].value_counts()
    people = summary[summary["type"] == "PERSON"]
    places = summary[summary["type"].isin(["GPE", "LOC", "FAC"])]
    orgs = summary[summary["type"] == "ORG"]
    merged = summary[summary["forms"].str.contains(";")]
    lines = [
        f"The body names {_plural(int(kinds.get('PERSON', 0)), 'person', 'people')}, "
        f"{_plural(len(places), 'place')} and {_plural(len(orgs), 'organisation')} "
        f"({_plural(len(summary), 'entity', 'entities')} in all).",
        "",
        f"- Most mentioned people: {_names(f'{r.canonical} ({r.mentions})' for r in people.itertuples())}.",
        f"- Most mentioned places: {_names(f'{r.canonical} ({r.mentions})' for r in places.itertuples())}.",
    ]
    if len(merged):
        lines.append(f"- {_plural(len(merged), 'entity', 'entities')} appear under several forms, counted once: "
                     + "; ".join(f"{_md(r.canonical)} ({_md(r.forms.replace(';', ', '))})" for r in merged.head(6).itertuples()) + ".")  # fmt: skip
    pairs = result.entity_pairs
    if len(pairs):
        top = pairs.iloc[0]
        lines.append(f"- Most often together: {_md(top['entity_a'])} and {_md(top['entity_b'])}, in {_plural(int(top['sentences']), 'sentence')}.")
    return "\n".join(lines)


def certainty_text(result) -> str:
    """How sure the body is: statuses, hedges and boosters, and what the firmest claims rest on."""
    body = result.body_sentences
    if body.empty:
        return "The text has no body sentences to assess."
    counts = body["status"].value_counts()
    total = len(body)
    share = lambda s: 100 * counts.get(s, 0) / total  # noqa: E731
    hedges = result.cues[result.cues["in_body"] & (result.cues["kind"] == "hedge")]
    boosters = result.cues[result.cues["in_body"] & (result.cues["kind"] == "booster")]
    lines = [
        f"{_plural(total, 'body sentence')}: {counts.get('confirmed', 0)} confirmed ({share('confirmed'):.0f}%), "
        f"{counts.get('reported', 0)} reported by a source ({share('reported'):.0f}%), "
        f"{counts.get('asserted', 0)} asserted by the author ({share('asserted'):.0f}%), "
        f"{counts.get('hedged', 0)} hedged ({share('hedged'):.0f}%), {counts.get('unconfirmed', 0)} unconfirmed "
        f"({share('unconfirmed'):.0f}%).",
        "",
        f"- {_plural(len(hedges), 'hedge')} in the body; most common kinds: "
        f"{_names(f'{k} ({v})' for k, v in hedges['category'].value_counts().head(4).items())}.",
        f"- {_plural(len(boosters), 'booster')}: {_names(dict.fromkeys(boosters['text'].str.lower()), limit=8)}.",
    ]
    confirmed = body[body["status"] == "confirmed"]
    for row in confirmed.head(3).itertuples():
        lines.append(f"- Confirmed, sentence {row.sent_id}, resting on {_md(row.claim_source)} ({row.claim_source_type}): \u201c{_md(row.text)}\u201d")
    weak = body[body["status"].isin(["hedged", "unconfirmed"])]
    if len(weak):
        lines.append(f"- The softest stretch: sentences {', '.join(map(str, weak['sent_id'].head(8)))} are hedged or unconfirmed.")
    return "\n".join(lines)


def sources_text(result) -> str:
    """Who says so: named, anonymous and unnamed sources, stances, and what claims rest on."""
    sources = result.sources
    shares = result.claim_shares.set_index("claim_source_type")
    if sources.empty:
        return "Nobody is cited in the body: every claim is the author's own."
    by_type = sources["source_type"].value_counts()
    named = int(by_type.get("person", 0) + by_type.get("organization", 0) + by_type.get("document", 0))
    faceless = int(by_type.get("anonymous", 0) + by_type.get("unnamed", 0) + by_type.get("media", 0))
    unexplained = result.attributions[
        result.attributions["source_type"].isin(NAMELESS_SOURCE_TYPES) & result.attributions["anonymity_reason"].isna()
    ]
    rest = lambda t: 100 * float(shares.at[t, "share"])  # noqa: E731
    lines = [
        f"The body cites {_plural(len(sources), 'source')}: {named} named (people, organisations, documents) and "
        f"{faceless} without a name (anonymous, unnamed groups, media).",
        "",
        f"- Claims resting on named people or organisations: {rest('person') + rest('organization') + rest('document'):.0f}%; "
        f"on anonymous or unnamed sources or media: {rest('anonymous') + rest('unnamed') + rest('media'):.0f}%; "
        f"on the author alone: {rest('author'):.0f}%.",
        f"- Most cited: {_names(f'{r.canonical_source} ({r.attributions})' for r in sources.head(4).itertuples())}.",
        f"- Direct quotes: {int(sources['direct_quotes'].sum())}, "
        f"{int(sources['quoted_words'].sum())} words; paraphrase: {int(sources['paraphrased_words'].sum())} words.",
    ]
    if len(unexplained):
        lines.append(f"- {_plural(len(unexplained), 'attribution')} to an anonymous or unnamed source give no reason "
                     "for the anonymity (newsrooms ask for one).")  # fmt: skip
    stances = result.attributions["cue_stance"].value_counts()
    if len(stances):
        lines.append(f"- Reporting verbs by stance: {_names(f'{k.replace(chr(95), chr(32))} ({v})' for k, v in stances.items())}.")
    return "\n".join(lines)


def numbers_text(result) -> str:
    """The numbers, who gave them, and which a careful reader would question."""
    numbers = result.numbers[result.numbers["in_body"]]
    if numbers.empty:
        return "The body gives no numbers."
    approximate = numbers[numbers["approximate"]]
    flagged = numbers[numbers["flags"].map(bool)]
    lines = [
        f"The body gives {_plural(len(numbers), 'number')}, {len(approximate)} of them approximate.",
        "",
    ]
    for row in flagged.itertuples():
        lines.append(f"- Question \u201c{_md(row.text)}\u201d {_md(row.counted or '')} (sentence {row.sent_id}, from {_md(row.source)}): {_md(row.flag_reason)}.")
    if flagged.empty:
        lines.append("- No number is flagged.")
    return "\n".join(lines)


#: What the report's trust section shows: (label family, data set, measure, path into results.json).
TRUST_ROWS = [
    ("Uncertain sentence (hedged or not)", "CoNLL-2010 BioScope full papers (validation)", "F1, news lexicon", ("hedge_detection", "bio", "news lexicon", "f1")),
    ("Uncertain sentence (hedged or not)", "CoNLL-2010 Wikipedia (held-out fifth)", "F1, news lexicon", ("hedge_detection", "wiki", "news lexicon", "f1")),
    ("Who says so: source span", "PolNeAR dev, speech verbs", "exact F1", ("attribution_spans", "speech exact source", "f1")),
    ("Who says so: reporting cue", "PolNeAR dev, speech verbs", "exact F1", ("attribution_spans", "speech exact cue", "f1")),
    ("Who says so: what is attributed", "PolNeAR dev, speech verbs", "exact F1", ("attribution_spans", "speech exact content", "f1")),
    ("Who says so: source span", "PolNeAR dev, all relations", "exact F1", ("attribution_spans", "all exact source", "f1")),
    ("Who says so: the right speaker", "PolNeAR dev, all relations", "accuracy %", ("attribution_spans", "speaker accuracy all", "accuracy")),
    ("Who says so: the right speaker of a quotation", "PolNeAR dev, direct quotes", "accuracy %", ("attribution_spans", "speaker accuracy direct", "accuracy")),
    ("Kind of source (person, anonymous, media...)", "8 PolNeAR dev articles, labelled by hand", "accuracy %", ("source_types", "strict accuracy %")),
    ("How sure a claim is (status)", "287 sentences of 11 articles, labelled by hand", "accuracy %", ("claim_status", "strict accuracy %")),
    ("Headline against body", "12 made-up headline mismatches", "% found", ("headline_findings", "pairs", "recall %")),
    ("Named entities", "CoNLL-2003 dev", "F1, with corrections", ("entity_recognition", "with corrections", "f1")),
]  # fmt: skip


def load_results(path: Path | None = None) -> dict:
    """The benchmark figures the package ships (``benchmarks/results.json``, written by
    the benchmark scripts), keyed by benchmark name ({} when none)."""
    import json

    try:
        return json.loads(Path(path or config.RESULTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def trust_table(results: dict | None = None) -> pd.DataFrame:
    """How far to trust the labels: the accuracy each benchmark measured, read from
    ``benchmarks/results.json`` (never typed by hand). Rows whose benchmark has not run
    say "not measured"."""
    results = load_results() if results is None else results
    rows = []
    for label, data, measure, path in TRUST_ROWS:
        entry = results.get(path[0], {})
        value = entry.get("figures", {})
        for key in path[1:]:
            value = value.get(key, {}) if isinstance(value, dict) else {}
        figure = f"{value:.1f}" if isinstance(value, (int, float)) else "not measured"
        rows.append({"label": label, "data": data, "measure": measure, "figure": figure,
                     "measured": entry.get("date", ""), "command": entry.get("command", "")})  # fmt: skip
    return pd.DataFrame(rows)


def trust_text(results: dict | None = None) -> str:
    """The trust section as Markdown: a table and how to read it."""
    table = trust_table(results)
    lines = [
        "The labels come from rules, not from an editor. These are the accuracies the project's benchmarks "
        "measured on annotated corpora (F1 or accuracy, from 0 to 100; higher is better). Read the labels as a first pass "
        "to check, not as a verdict.",
        "",
        "| label | data | measure | figure | measured |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| {r.label} | {r.data} | {r.measure} | {r.figure} | {r.measured} |" for r in table.itertuples()]
    commands = sorted(set(c for c in table["command"] if c))
    if commands:
        lines += ["", "Measured with: " + "; ".join(f"`{c}`" for c in commands) + "."]
    return "\n".join(lines)


def glossary_markdown() -> str:
    """Every label a student meets, with its plain-English meaning, as Markdown: the
    teaching guide's glossary (read from :mod:`analysis.vocabulary`)."""
    from analysis import vocabulary

    sections = [
        ("How sure is the claim (status)", vocabulary.STATUS),
        ("Who says so (source type)", vocabulary.SOURCE_TYPE),
        ("How the source says it (stance of the reporting verb)", vocabulary.CUE_STANCE),
        ("Words that change how sure a claim is (cues)", vocabulary.CUE_KIND),
        ("What kind of claim", vocabulary.CLAIM_TYPE),
        ("What a careful reader would question (findings)", vocabulary.FINDING),
    ]
    lines: list[str] = []
    for title, labels in sections:
        lines += [f"### {title}", "", "| label | what it means |", "|---|---|"]
        lines += [f"| `{name}` | {labels.describe(name)} |" for name in labels]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def status_meanings() -> str:
    """What each status means, in plain words, as a Markdown list (from
    :mod:`analysis.vocabulary`): the notebooks' legend for the statuses."""
    from analysis.vocabulary import STATUS

    return "Each body sentence gets one **status**:\n\n" + "\n".join(f"- *{name}*: {STATUS.describe(name)}" for name in STATUS)
