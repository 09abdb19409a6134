"""Charts of one analysis: matplotlib figures, labelled, legible at report size.

What it draws: the certainty strip (one mark per body sentence in reading order,
coloured by status), claims by status, claims by source type, sources by stance,
entity mentions, and the numbers with their approximation and source. Every function
takes an :class:`~analysis.core.Analysis`, returns a ``matplotlib.figure.Figure`` and
draws a labelled empty chart when there is nothing to show. Figures are built without
pyplot, so no backend or display is needed (Jupyter shows them inline; ``fig.savefig``
writes them) and none is left open. Colours are the Okabe-Ito
palette, which stays distinct under the common colour-vision deficiencies; status is
also written on the strip's legend, not carried by colour alone.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator, NullLocator

from analysis.vocabulary import ENTITY_LABEL, OKABE_ITO, SOURCE_TYPE, STATUS

__all__ = [
    "literal",
    "STATUS_COLOURS",
    "SOURCE_COLOURS",
    "certainty_strip",
    "claims_by_status",
    "claims_by_source_type",
    "sources_by_stance",
    "entity_mentions",
    "numbers_chart",
    "group_comparison",
    "captioned",
    "Captioned",
]

STATUS_ORDER = list(STATUS)
STATUS_COLOURS = STATUS.colours
SOURCE_ORDER = list(SOURCE_TYPE)
SOURCE_COLOURS = SOURCE_TYPE.colours
ENTITY_COLOURS = ENTITY_LABEL.colours
#: Short legend names for entity kinds (the vocabulary's description, cut at its colon or full stop).
ENTITY_LABEL_NAMES = {name: ENTITY_LABEL.describe(name).split(":")[0].split(".")[0].lower().removeprefix("a ").removeprefix("an ")
                      for name in ENTITY_LABEL}  # fmt: skip
WIDTH = 8.0  # inches: about the width of a report column at 100 dpi


def literal(text: str) -> str:
    """Article text as a chart shows it, character for character: matplotlib reads a
    pair of ``$`` as mathtext ("$$x^2$$ Holdings" would be typeset, or fail to parse), and
    an escaped ``\\$`` is a plain dollar sign. Every label drawn from the data goes through this."""
    return str(text).replace("$", r"\$")


def _empty(fig: Figure, ax, message: str) -> Figure:
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, transform=ax.transAxes)
    return fig


def certainty_strip(result) -> Figure:
    """One mark per body sentence, in reading order, coloured by its status."""
    body = result.body_sentences
    fig = Figure(figsize=(WIDTH, 1.9), layout="constrained")
    ax = fig.subplots()
    ax.set_title("Certainty strip: each body sentence in reading order, coloured by status", fontsize=11, loc="left")
    if body.empty:
        return _empty(fig, ax, "No body sentences")
    statuses = body["status"].tolist()
    for x, status in enumerate(statuses):
        ax.add_patch(Rectangle((x, 0), 0.92, 1, color=STATUS_COLOURS.get(status, "#dddddd")))
    ax.set_xlim(0, len(statuses))
    ax.set_ylim(0, 1)
    ax.set_yticks([])
    step = max(1, len(statuses) // 20)
    ax.set_xticks([x + 0.46 for x in range(0, len(statuses), step)])
    ax.set_xticklabels([str(s) for s in body["sent_id"].tolist()[::step]], fontsize=8)
    ax.set_xlabel("sentence number", fontsize=9)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    present = [s for s in STATUS_ORDER if s in statuses]
    fig.legend(handles=[Patch(color=STATUS_COLOURS[s], label=s) for s in present], ncols=len(present),
               loc="outside lower left", frameon=False, fontsize=9)  # fmt: skip
    return fig


def _barh(ax, labels: list[str], values: list[float], colours: list[str], *, fmt: str = "{:g}", counts: bool = True) -> None:
    y = np.arange(len(labels))
    ax.barh(y, values, color=colours)
    if counts:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # whole sentences, mentions: no 2.5
    ax.set_yticks(y, [literal(label) for label in labels])
    ax.invert_yaxis()
    for yi, value in zip(y, values):
        ax.text(value, yi, " " + fmt.format(value), va="center", fontsize=9)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def claims_by_status(result) -> Figure:
    """How many body claims have each status (every status listed, zeros included)."""
    counts = result.body_sentences["status"].value_counts()
    fig = Figure(figsize=(WIDTH, 2.6), layout="constrained")
    ax = fig.subplots()
    ax.set_title("Body claims by status", fontsize=11, loc="left")
    values = [int(counts.get(s, 0)) for s in STATUS_ORDER]
    if not sum(values):
        return _empty(fig, ax, "No body claims")
    _barh(ax, STATUS_ORDER, values, [STATUS_COLOURS[s] for s in STATUS_ORDER])
    ax.set_xlabel("sentences", fontsize=9)
    return fig


def claims_by_source_type(result) -> Figure:
    """What body claims rest on: named people, organisations, documents, anonymous or
    unnamed sources, media, or the author alone."""
    shares = result.claim_shares.set_index("claim_source_type")
    fig = Figure(figsize=(WIDTH, 2.9), layout="constrained")
    ax = fig.subplots()
    ax.set_title("What body claims rest on (share of body sentences)", fontsize=11, loc="left")
    if shares["claims"].sum() == 0:
        return _empty(fig, ax, "No body claims")
    values = [100 * float(shares.at[t, "share"]) for t in SOURCE_ORDER]
    _barh(ax, SOURCE_ORDER, values, [SOURCE_COLOURS[t] for t in SOURCE_ORDER], fmt="{:.0f}%", counts=False)
    ax.set_xlabel("% of body sentences", fontsize=9)
    ax.set_xlim(0, max(values) * 1.15 + 1)
    return fig


def sources_by_stance(result) -> Figure:
    """Body attributions counted by source type (rows) and cue stance (columns)."""
    body = result.attributions[result.attributions["sent_id"].isin(set(result.body_sentences["sent_id"]))]
    fig = Figure(figsize=(WIDTH, 3.0), layout="constrained")
    ax = fig.subplots()
    ax.set_title("Every attribution in the body, by source type and reporting verb", fontsize=11, loc="left")
    if body.empty:
        return _empty(fig, ax, "No attributions in the body")
    table = pd.crosstab(body["source_type"], body["cue_stance"])
    table = table.reindex([t for t in SOURCE_ORDER if t in table.index])
    image = ax.imshow(table.to_numpy(), cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(len(table.columns)), [c.replace("_", " ") for c in table.columns], fontsize=9)
    ax.set_yticks(range(len(table.index)), table.index, fontsize=9)
    top = table.to_numpy().max()
    for (i, j), value in np.ndenumerate(table.to_numpy()):
        if value:
            ax.text(j, i, str(value), ha="center", va="center", fontsize=10, color="white" if value > top / 2 else "black")
    fig.colorbar(image, ax=ax, label="attributions", shrink=0.8)
    return fig


def entity_mentions(result, *, top: int = 12) -> Figure:
    """The most mentioned people, places and organisations (body mentions, demonyms counted
    toward their place), coloured by type; ties broken by first appearance."""
    summary = result.entity_summary.head(top)
    fig = Figure(figsize=(WIDTH, 0.6 + 0.3 * max(len(summary), 3)), layout="constrained")
    ax = fig.subplots()
    ax.set_title(f"Most mentioned entities (top {top}, body only)", fontsize=11, loc="left")
    if summary.empty:
        return _empty(fig, ax, "No named entities in the body")
    colours = [ENTITY_COLOURS.get(t, OKABE_ITO["grey"]) for t in summary["type"]]
    _barh(ax, summary["canonical"].tolist(), summary["mentions"].astype(int).tolist(), colours)
    types = list(dict.fromkeys(summary["type"]))
    fig.legend(handles=[Patch(color=ENTITY_COLOURS.get(t, OKABE_ITO["grey"]), label=ENTITY_LABEL_NAMES.get(t, t)) for t in types],
               loc="outside lower left", ncols=len(types), frameon=False, fontsize=9)  # fmt: skip
    ax.set_xlabel("mentions", fontsize=9)
    return fig


def numbers_chart(result) -> Figure:
    """Every body number on a log scale: filled when exact, hollow when approximate,
    coloured by who gave it."""
    numbers = result.numbers[result.numbers["in_body"] & (result.numbers["value"] > 0)]
    fig = Figure(figsize=(WIDTH, 0.8 + 0.32 * max(len(numbers), 3)), layout="constrained")
    ax = fig.subplots()
    ax.set_title("Numbers in the body: value, approximation and source", fontsize=11, loc="left")
    if numbers.empty:
        return _empty(fig, ax, "No numbers in the body")
    y = np.arange(len(numbers))
    colours = np.array([SOURCE_COLOURS.get(t, OKABE_ITO["grey"]) for t in numbers["source_type"]])
    approximate = numbers["approximate"].to_numpy(dtype=bool)
    faces = np.where(approximate, "white", colours)
    ax.scatter(numbers["value"], y, s=70, c=faces, edgecolors=colours, linewidths=2)
    labels = [f"{r.text} {r.counted or ''}  (sent {r.sent_id}, {r.source})" for r in numbers.itertuples()]
    ax.set_yticks(y, [literal(label if len(label) < 60 else label[:57] + "...") for label in labels], fontsize=8)
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.xaxis.set_minor_locator(NullLocator())  # decades are enough, and minor labels are slow to lay out
    ax.set_xlabel("value (log scale); hollow = approximate", fontsize=9)
    types = [t for t in SOURCE_ORDER if t in set(numbers["source_type"])]
    fig.legend(handles=[Patch(color=SOURCE_COLOURS[t], label=t) for t in types], loc="outside lower left", ncols=len(types),
               frameon=False, fontsize=8)  # fmt: skip
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig


def group_comparison(summary: pd.DataFrame) -> Figure:
    """Per group (e.g. BBC section): what body claims rest on, and how much is hedged.

    ``summary`` is :func:`analysis.corpus.compare_groups` output.
    """
    fig = Figure(figsize=(WIDTH, 0.9 + 0.45 * max(len(summary), 3)), layout="constrained")
    ax = fig.subplots()
    ax.set_title("By group: what body claims rest on, and how many are hedged (mean share per article)", fontsize=11, loc="left")
    if summary.empty:
        return _empty(fig, ax, "No articles")
    series = [("share_named", "named sources", SOURCE_COLOURS["person"]),
              ("share_anonymous_unnamed", "anonymous or unnamed", SOURCE_COLOURS["unnamed"]),
              ("share_media", "media", SOURCE_COLOURS["media"]),
              ("share_hedged_unconfirmed", "hedged or unconfirmed", STATUS_COLOURS["hedged"])]  # fmt: skip
    y = np.arange(len(summary))
    height = 0.8 / len(series)
    for k, (column, label, colour) in enumerate(series):
        ax.barh(y + k * height, 100 * summary[column], height=height, color=colour, label=label)
    ax.set_yticks(y + 0.4 - height / 2, [literal(f"{g} ({n})") for g, n in zip(summary["group"], summary["articles"])])
    ax.invert_yaxis()
    ax.set_xlabel("% of body sentences (mean over the group's articles; articles in brackets)", fontsize=9)
    fig.legend(loc="outside lower left", ncols=len(series), frameon=False, fontsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig


class Captioned:
    """A chart with a one-line caption saying what to look at: JupyterLab and the report
    show it as one ``<figure>`` (the PNG embedded, nothing loaded from the web)."""

    def __init__(self, figure: Figure, caption: str):
        self.figure = figure
        self.caption = caption

    def _repr_html_(self) -> str:
        import base64
        import html
        import io

        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=100)
        data = base64.b64encode(buffer.getvalue()).decode("ascii")
        caption = html.escape(self.caption)
        return (f"<figure style='margin:1em 0'><img src='data:image/png;base64,{data}' alt='{caption}' "
                f"style='max-width:100%;height:auto'><figcaption style='font-size:13px;color:#333'>{caption}</figcaption></figure>")  # fmt: skip


def captioned(figure: Figure, caption: str) -> Captioned:
    """``figure`` with ``caption`` under it (what to look at, in one sentence)."""
    return Captioned(figure, caption)
