"""The comparison as one offline page, and its tables as CSV and JSON.

What it writes: ``compare.html`` (no script, nothing loaded from the web, every piece of
article text escaped): the articles and whether they look like one story, what they
share, where they differ in plain words (``vocabulary.COVERAGE_DIFFERENCE``), the claims
side by side with the evidence of each match, and the claims only one outlet makes,
each table folded; and one CSV (spreadsheet-safe) and one JSON per table.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pandas as pd

from analysis.comparing.story import story_verdict
from analysis.presenting.tables import folded_table
from analysis.vocabulary import COVERAGE_DIFFERENCE, STATUS

__all__ = ["compare_html", "side_by_side", "write_comparison", "summary_markdown", "status_chart"]

_STYLE = """<style>
body {font-family: system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #111;}
h1, h2 {line-height: 1.25;} .note {color: #444; font-size: 90%;}
.diff {margin: .4em 0;} .kind {font-weight: 600;}
table.articles {border-collapse: collapse; width: 100%; font-size: 14px;} table.articles td, table.articles th {border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left;}
@media print {details > summary {break-inside: avoid;}}
</style>"""


def _esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def side_by_side(comparison) -> pd.DataFrame:
    """The matched claims as pairs: each claim as matched (the part of its sentence the
    comparison paired, ``claim``), with its own status and source, the sentence it is in,
    the score and what the match rests on."""
    claims = comparison.claims.set_index(["article", "sent_id"])
    rows = []
    for m in comparison.alignment[comparison.alignment["matched"]].itertuples():
        if (m.other, m.article) < (m.article, m.other):
            continue  # each pair once, from the first article's side
        a, b = claims.loc[(m.article, m.sent_id)], claims.loc[(m.other, int(m.other_sent_id))]
        evidence = [*m.shared_events, *m.shared_names, *([m.shared_number] if m.shared_number else []),
                    *(w for w in m.shared_lemmas if w not in " ".join(m.shared_names).lower())]  # fmt: skip
        rows.append({"article": m.article, "sent_id": m.sent_id, "claim": m.claim, "text": a["text"], "status": m.status,
                     "source": m.source, "other": m.other, "other_sent_id": int(m.other_sent_id), "other_claim": m.other_claim,
                     "other_text": b["text"], "other_status": m.other_status, "other_source": m.other_source, "score": m.score,
                     "evidence": ", ".join(dict.fromkeys(map(str, evidence)))})  # fmt: skip
    return pd.DataFrame(rows, columns=["article", "sent_id", "claim", "text", "status", "source", "other", "other_sent_id",
                                       "other_claim", "other_text", "other_status", "other_source", "score", "evidence"])  # fmt: skip


def compare_html(comparison) -> str:
    """The comparison as a self-contained HTML page (see the module docstring)."""
    articles = comparison.articles
    apart = not comparison.same_story and not comparison.same_texts
    body = ["<h1>These articles look like different stories</h1><p>Their bodies share too little to be one story told "
            "twice, so the page does not list claims or sources only one of them has: that would compare different "
            "news. Claims they do share are still matched below.</p>" if apart else
            "<h1>Find better coverage: how the outlets report the same story</h1>"]  # fmt: skip
    rows = "".join(f"<tr><td>{_esc(r.article)}</td><td>{_esc(r.headline)}</td><td>{r.body_claims}</td>"
                   f"<td>{r.confirmed}</td><td>{r.reported}</td><td>{r.asserted}</td><td>{r.hedged}</td><td>{r.unconfirmed}</td></tr>"
                   for r in articles.itertuples())  # fmt: skip
    heads = "".join(f"<th title='{_esc(STATUS.describe(s))}'>{s}</th>" for s in STATUS)
    body.append(f"<table class='articles'><tr><th>article</th><th>headline</th><th>claims</th>{heads}</tr>{rows}</table>")
    body.append("<h2>Same story?</h2>")
    for r in comparison.similarity.itertuples():
        verdict = ("They are the same text: an article compared with itself shows no difference." if r.same_text else
                   f"They {story_verdict(r.similarity)}." if r.same_story else
                   "They look like different stories (or different parts of one); what they share is still shown.")  # fmt: skip
        shared = comparison.shared[(comparison.shared["article"] == r.article) & (comparison.shared["other"] == r.other)]
        items = "; ".join(f"{_esc(k)}: {', '.join(_esc(i) for i in g['item'])}" for k, g in shared.groupby("kind", sort=False))
        body.append(f"<p><b>{_esc(r.article)}</b> and <b>{_esc(r.other)}</b>: similarity {r.similarity:.2f} (0 to 1). "
                    f"{verdict}</p><p class='note'>Shared: {items or 'no names, dates or figures'}.</p>")  # fmt: skip
    body.append("<h2>Where they may differ: questions to check</h2><p class='note'>What a reader should look at: the same claim told with "
                "different certainty or sources, different figures, sources or claims only one outlet has. Each line "
                "rests on a match the tool made and on its reading of who says each claim and how surely, and both "
                "can be wrong: on real news it was not fitted to, most lines that set two claims side by side were. "
                "Treat each line as a question, and read both sentences before drawing a conclusion.</p>")  # fmt: skip
    differences = comparison.differences
    if apart:  # what only one of two different stories has is no finding about coverage
        differences = differences[~differences["difference"].isin(["claim_only_here", "source_only_here"])]
    main = differences[~differences["difference"].isin(["claim_only_here"])]
    if main.empty:
        body.append("<p>No difference in how sure they are, whom they cite or their figures was found on the claims "
                    "they share.</p>")  # fmt: skip
    for kind in COVERAGE_DIFFERENCE:
        rows = main[main["difference"] == kind]
        if rows.empty:
            continue
        items = "".join(f"<li>{_esc(d)}</li>" for d in rows["detail"])
        body.append(f"<p class='diff'><span class='kind'>{_esc(COVERAGE_DIFFERENCE.describe(kind))}</span></p><ul>{items}</ul>")
    pairs = side_by_side(comparison).drop(columns=["text", "other_text"])
    body.append(folded_table(pairs, "Claims side by side: every matched pair of claims, with how sure each article is of "
                             "its claim, whom it credits, and what the match rests on")._repr_html_())  # fmt: skip
    if not apart:
        only = differences[differences["difference"] == "claim_only_here"][["article", "sent_id", "detail"]]
        body.append(folded_table(only, "Claims with names or figures that only one outlet makes")._repr_html_())
    body.append("<p class='note'>A match needs a name, word or figure and an event in common, and a score from how "
                "close the claims are in meaning and words: two outlets can tell the same thing in other words and not be "
                "matched (a missing match is only \u201cno match\u201d), so read the articles too.</p>")  # fmt: skip
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'><meta name='viewport' content='width=device-width, "
            "initial-scale=1'><meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'; "
            "img-src data:\"><title>" + ("Different stories" if apart else "Comparing coverage") + "</title>" + _STYLE + "</head><body>" + "\n".join(body) + "</body></html>\n")  # fmt: skip


def write_comparison(comparison, folder: Path) -> list[Path]:
    """Write ``compare.html``, one CSV and one JSON per table into ``folder`` (which exists)."""
    from analysis.presenting.export import atomic_write_text, csv_text

    written = [folder / "compare.html"]
    atomic_write_text(written[0], compare_html(comparison))
    tables = {name: getattr(comparison, name) for name in comparison.TABLES}
    tables["side_by_side"] = side_by_side(comparison)
    for name, table in tables.items():
        flat = table.map(lambda v: "; ".join(sorted(map(str, v))) if isinstance(v, (list, tuple, frozenset, set)) else v)
        atomic_write_text(folder / f"{name}.csv", csv_text(flat))
        atomic_write_text(folder / f"{name}.json", json.dumps(json.loads(flat.to_json(orient="records")), indent=1) + "\n")
        written += [folder / f"{name}.csv", folder / f"{name}.json"]
    return written


def summary_markdown(comparison) -> str:
    """What the comparison found, in plain words, as Markdown: whether the articles look
    like one story, how many claims match, and how many differences of each kind."""
    lines = []
    for r in comparison.similarity.itertuples():
        verdict = ("are the same text (an article compared with itself)" if r.same_text else
                   story_verdict(r.similarity) if r.same_story else "look like different stories (or different parts of one)")  # fmt: skip
        lines.append(f"- **{r.article}** and **{r.other}** {verdict} (similarity {r.similarity:.2f}).")
    matched = comparison.alignment[comparison.alignment["matched"]]
    pairs = len(side_by_side(comparison))
    lines.append(f"- {pairs} pair{'s' if pairs != 1 else ''} of claims match across the articles "
                 f"({matched[['article', 'sent_id']].drop_duplicates().shape[0]} of {len(comparison.claims)} claims have a match).")  # fmt: skip
    counts = comparison.differences["difference"].value_counts()
    for kind in COVERAGE_DIFFERENCE:
        if counts.get(kind, 0):
            lines.append(f"- {COVERAGE_DIFFERENCE.describe(kind)} {counts[kind]} time{'s' if counts[kind] != 1 else ''}.")
    return "\n".join(lines)


def status_chart(comparison):
    """Each article's body claims by status, side by side (shares of its claims)."""
    import numpy as np
    from matplotlib.figure import Figure

    from analysis.presenting.charts import WIDTH, literal

    articles = comparison.articles
    fig = Figure(figsize=(WIDTH, 0.9 + 0.5 * max(len(articles), 2)), layout="constrained")
    ax = fig.subplots()
    ax.set_title("How sure each article is: its body claims by status (% of its claims)", fontsize=11, loc="left")
    y = np.arange(len(articles))
    left = np.zeros(len(articles))
    totals = articles["body_claims"].clip(lower=1).to_numpy()
    for status in STATUS:
        share = 100 * articles[status].to_numpy() / totals
        ax.barh(y, share, left=left, color=STATUS.colours[status], label=status)
        left += share
    ax.set_yticks(y, [literal(a) for a in articles["article"]], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of the article's body claims", fontsize=9)
    fig.legend(loc="outside lower left", ncols=len(STATUS), frameon=False, fontsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig
