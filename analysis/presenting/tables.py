"""Tables a reader can read: folded under a one-line summary, with no index, readable
column names, text wrapped rather than cut, lists as lists, missing values blank, and
each reason in plain words first with its technical part (dependency path, rule name)
set apart in smaller type.

What it builds: :func:`folded_table` returns an object that JupyterLab and the report
both show as the same HTML (``_repr_html_``); the DataFrame itself is untouched and
stays available as ``.frame``. All cell text is HTML-escaped.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

__all__ = ["folded_table", "FoldedTable", "split_reason", "HEADERS", "TABLE_STYLE"]

#: Readable names for the columns the notebooks show; any other column reads as its
#: name with spaces ("first_sent_id" -> "first sent id").
HEADERS: dict[str, str] = {
    "sent_id": "sentence",
    "status_reason": "why this status",
    "status_rule": "status rule",
    "claim_type": "kind of claim",
    "claim_source": "rests on",
    "claim_source_type": "source type",
    "canonical": "name",
    "canonical_source": "source (full name)",
    "source_type": "source type",
    "source_type_reason": "why this type",
    "cue": "reporting words",
    "cue_stance": "stance",
    "quote_type": "quoted how",
    "anonymity_reason": "reason given for no name",
    "content": "what is attributed",
    "label": "kind",
    "label_rule": "why this kind",
    "canonical_rule": "why this name",
    "governs_main_claim": "decides the status",
    "scope": "how it reaches the main claim",
    "demonym_mentions": "as a nationality word",
    "as_source": "times cited as a source",
    "first_sent_id": "first sentence",
    "forms": "written as",
    "text": "words",
    "flags": "worth questioning",
    "bound": "exact or rough",
    "counted": "counts what",
}

#: Columns whose values are reasons: plain part first, technical part in smaller type.
REASON_COLUMNS = frozenset({"status_reason", "source_type_reason", "label_rule", "canonical_rule", "scope", "reason",
                            "claim_type_reason", "flag_reason"})  # fmt: skip

#: The tables' look, shared by the report and JupyterLab (the page may hold it twice).
TABLE_STYLE = """<style>
details.sc-fold {margin: .8em 0; border: 1px solid #ddd; border-radius: 4px; padding: .3em .8em;}
details.sc-fold > summary {cursor: pointer; font-weight: 600;}
details.sc-fold .sc-wrap {max-width: 100%; overflow-x: auto;}
table.sc-table {border-collapse: collapse; width: 100%; font-size: 13px; table-layout: auto !important;}
table.sc-table th {text-align: left !important; border-bottom: 2px solid #444; padding: 4px 6px; vertical-align: bottom;
  white-space: normal; word-break: normal; overflow-wrap: normal;}
table.sc-table td {text-align: left !important; border-bottom: 1px solid #ddd; padding: 4px 6px; vertical-align: top;
  white-space: normal; word-break: normal; overflow-wrap: break-word; max-width: 28em; min-width: 4em;}
table.sc-table td.num {text-align: right !important; white-space: nowrap; min-width: 0;}
table.sc-table small {display: block; color: #666; font-size: 11px;}
table.sc-table ul {margin: 0; padding-left: 1.1em;}
@media print {details.sc-fold {border: 0; padding: 0;} table.sc-table {font-size: 10px;}}
</style>"""

# A technical aside inside a reason: a parenthesis holding a dependency path ("nsubj of
# 'growing' > 'growing'"), a rule or category name ("speculation_noun"), or "[rule: x]".
_BRACKETED = re.compile(r"\s*\[rule: [^\]]+\]|\s*\((?:[^()]|\([^()]*\))*\)")
_TECHNICAL = re.compile(r">|\b[a-z]+_[a-z_]+\b|\brule\b|\bof '|\blabel:|lexicons/|\.csv")


def split_reason(reason: str) -> tuple[str, str]:
    """A reason's plain words and its technical asides, apart.

    >>> split_reason("hedge 'Speculation' (speculation_noun) governs the main claim (nsubj of 'growing' > 'growing')")
    ("hedge 'Speculation' governs the main claim", "speculation_noun; nsubj of 'growing' > 'growing'")
    """
    technical: list[str] = []

    def aside(match: re.Match) -> str:
        text = match.group(0).strip()
        if _TECHNICAL.search(text):
            technical.append(text.strip("()[] ").removeprefix("rule: ").strip())
            return ""
        return match.group(0)

    plain = _BRACKETED.sub(aside, reason)
    plain = re.sub(r"\s{2,}", " ", plain).strip(" ;,")
    return plain or reason, "; ".join(technical)


def _blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return value is pd.NA or value is pd.NaT


def _cell(column: str, value) -> tuple[str, bool]:
    """A cell's HTML and whether it is a number (right-aligned)."""
    if isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and not isinstance(value, str)):
        items = [v for v in (value.tolist() if hasattr(value, "tolist") else value) if not _blank(v)]
        if not items:
            return "", False
        if len(items) == 1:
            return html.escape(str(items[0])), False
        if all(isinstance(v, (int, np.integer)) for v in items):  # sentence numbers: one line
            return html.escape(", ".join(str(v) for v in items)), False
        return "<ul>" + "".join(f"<li>{html.escape(str(v))}</li>" for v in items) + "</ul>", False
    if _blank(value):
        return "", False
    if isinstance(value, (bool, np.bool_)):
        return ("yes" if value else "no"), False
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        text = f"{number:.0f}" if number.is_integer() else f"{number:.4g}"
        if abs(number) >= 10_000 and number.is_integer():
            text = f"{number:,.0f}"  # 12,000,000; a year (2026) stays as written
        return text, True
    text = str(value)
    if column in REASON_COLUMNS:
        plain, technical = split_reason(text)
        small = f"<small>{html.escape(technical)}</small>" if technical else ""
        return html.escape(plain) + small, False
    return html.escape(text), False


class FoldedTable:
    """A DataFrame shown folded under a summary line; ``.frame`` is the DataFrame."""

    def __init__(self, frame: pd.DataFrame, summary: str, *, headers: Mapping[str, str] | None = None, open_: bool = False):
        self.frame = frame
        self.summary = summary
        self.headers = {**HEADERS, **(headers or {})}
        self.open = open_

    def _repr_html_(self) -> str:
        columns = list(self.frame.columns)
        head = "".join(f"<th title='{html.escape(c, quote=True)}'>{html.escape(self.headers.get(c, c.replace('_', ' ')))}</th>"
                       for c in columns)  # fmt: skip
        rows = []
        for record in self.frame.itertuples(index=False, name=None):
            cells = []
            for column, value in zip(columns, record):
                content, number = _cell(column, value)
                cells.append(f"<td class='num'>{content}</td>" if number else f"<td>{content}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        count = len(self.frame)
        summary = f"{html.escape(self.summary)} <span style='font-weight:normal;color:#666'>({count} row{'s' if count != 1 else ''})</span>"
        body = (f"<div class='sc-wrap'><table class='sc-table'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
                if count else "<p>Nothing to show.</p>")  # fmt: skip
        return f"{TABLE_STYLE}<details class='sc-fold'{' open' if self.open else ''}><summary>{summary}</summary>{body}</details>"

    def __repr__(self) -> str:
        return f"{self.summary}\n{self.frame!r}"


def folded_table(frame: pd.DataFrame, summary: str, *, headers: Mapping[str, str] | None = None, open_: bool = False) -> FoldedTable:
    """``frame`` folded under ``summary`` (one line saying what the table shows).

    Args:
        frame: The table to show; its index is not shown.
        summary: What the table shows, in plain words.
        headers: Column names to show instead of :data:`HEADERS`' or the column's own.
        open_: Show it unfolded.
    """
    return FoldedTable(frame, summary, headers=headers, open_=open_)
