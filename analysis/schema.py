"""The data contract: every table, its columns and dtypes, and the allowed label values.

What it defines: :data:`TABLES` (table -> ordered columns with pandas dtypes),
:data:`LABELS` (column -> allowed values), :func:`empty_table` and
:func:`check_tables`, which checks shape, labels and that every span's text equals
the article text at ``[start:end]``. The README's data dictionary documents the same
names; ``tests/test_schema.py`` keeps the two in step.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.arrays import ArrowStringArray

from analysis import vocabulary

__all__ = ["TABLES", "LABELS", "SPAN_TABLES", "empty_table", "conform", "from_columns", "TableColumns", "column_records", "check_tables"]

# pandas 3 infers its own string dtype ("str"); lists and nullable labels stay "object"
# so that JSON gets real nulls and lists, not NaN or strings.
TABLES: dict[str, dict[str, str]] = {
    "paragraphs": {
        "para_id": "int64",
        "role": "str",
        "reason": "str",
        "text": "str",
        "start": "int64",
        "end": "int64",
    },
    "tokens": {
        "sent_id": "int64",
        "i": "int64",
        "text": "str",
        "lemma": "str",
        "pos": "str",
        "tag": "str",
        "dep": "str",
        "head_i": "int64",
        "start": "int64",
        "end": "int64",
        "is_stop": "bool",
        "is_punct": "bool",
    },
    "sentences": {
        "sent_id": "int64",
        "para_id": "int64",
        "start": "int64",
        "end": "int64",
        "text": "str",
        "in_body": "bool",
        "status": "object",
        "status_reason": "object",
        "status_rule": "object",
        "hedges": "object",
        "boosters": "object",
        "claim_type": "object",
        "claim_type_reason": "object",
        "claim_source": "object",
        "claim_source_type": "object",
    },
    "cues": {
        "sent_id": "int64",
        "text": "str",
        "start": "int64",
        "end": "int64",
        "kind": "str",
        "category": "str",
        "cue": "str",
        "rule": "str",
        "negated": "bool",
        "governs_main_claim": "bool",
        "scope": "str",
        "owner": "str",
        "in_body": "bool",
        "provenance": "str",
    },
    "entities": {
        "text": "str",
        "label": "str",
        "canonical": "str",
        "sent_id": "int64",
        "start": "int64",
        "end": "int64",
        "role": "str",
        "in_body": "bool",
        "label_rule": "str",
        "canonical_rule": "str",
    },
    "attributions": {
        "sent_id": "int64",
        "source": "str",
        "source_type": "str",
        "cue": "str",
        "cue_stance": "str",
        "content": "str",
        "quote_type": "str",
        "source_start": "Int64",
        "source_end": "Int64",
        "canonical_source": "object",
        "source_type_reason": "str",
        "cue_start": "int64",
        "cue_end": "int64",
        "cue_lemma": "str",
        "content_start": "Int64",
        "content_end": "Int64",
        "anonymity_reason": "object",
        "relayed": "bool",
        "pattern": "str",
        "speaks_for": "object",
        "reason": "str",
    },
    "quotes": {
        "sent_id": "int64",
        "text": "str",
        "start": "int64",
        "end": "int64",
        "kind": "str",
        "speaker": "object",
        "reason": "str",
    },
    "numbers": {
        "sent_id": "int64",
        "text": "str",
        "value": "float64",
        "approximate": "bool",
        "start": "int64",
        "end": "int64",
        "bound": "str",
        "approximator": "object",
        "unit": "object",
        "counted": "object",
        "counted_phrase": "object",
        "counted_rule": "str",
        "source": "str",
        "source_type": "str",
        "source_rule": "str",
        "in_body": "bool",
        "flags": "object",
        "flag_reason": "object",
    },
}

# Tables beyond the shared contract: date expressions and findings.
TABLES["dates"] = {
    "sent_id": "int64",
    "text": "str",
    "start": "int64",
    "end": "int64",
    "kind": "str",
    "rule": "str",
    "in_body": "bool",
}
TABLES["findings"] = {
    "category": "str",
    "finding": "str",
    "detail": "str",
    "sent_ids": "object",
    "evidence": "str",
    "rule": "str",
}

#: Columns that may be empty (a sentence outside the body has no status).
NULLABLE_LABELS = frozenset({("sentences", "status"), ("sentences", "claim_type"), ("sentences", "claim_source_type")})
#: Allowed values per (table, column), from :mod:`analysis.vocabulary`.
LABELS: dict[tuple[str, str], frozenset] = {
    key: frozenset(labels) | ({None} if key in NULLABLE_LABELS else set()) for key, labels in vocabulary.ALL.items()
}

#: Tables whose rows are spans of the article text (``text == article[start:end]``).
SPAN_TABLES = ("paragraphs", "tokens", "sentences", "cues", "entities", "quotes", "numbers", "dates")


def empty_table(name: str) -> pd.DataFrame:
    """An empty DataFrame with the contract's columns and dtypes for table ``name``
    (a new copy each call: callers may add to it)."""
    return _empty_template(name).copy()


@lru_cache(maxsize=None)
def _empty_template(name: str) -> pd.DataFrame:
    # Built once per table: most articles have some empty table, and building a frame
    # from a Series per column costs far more than copying an empty one.
    return pd.DataFrame({col: pd.Series(dtype=dtype) for col, dtype in TABLES[name].items()})


def conform(name: str, rows: list[dict] | pd.DataFrame) -> pd.DataFrame:
    """Build table ``name`` from rows: contract columns first, in order, with their dtypes.

    Extra columns a producer adds are kept after the contract's.
    """
    if not isinstance(rows, pd.DataFrame):
        return _from_records(name, rows)
    frame = rows
    if frame.empty and not len(frame.columns):
        return empty_table(name)
    columns = TABLES[name]
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name}: rows lack contract columns {missing}")
    extra = [c for c in frame.columns if c not in columns]
    frame = frame[list(columns) + extra].copy()
    for col, dtype in columns.items():
        if dtype != "object":
            if str(frame[col].dtype) != dtype:
                frame[col] = frame[col].astype(dtype)
        elif frame[col].dtype != object:
            # pandas 3 infers "str" for text with gaps, turning None into NaN: keep None.
            values = frame[col].astype(object)
            frame[col] = values.where(values.notna(), None)
    return frame.reset_index(drop=True)


def _from_records(name: str, rows: list[dict]) -> pd.DataFrame:
    """:func:`conform` for rows as dicts, built column by column with each dtype at once
    (a corpus run builds every table of every article, so a DataFrame of dicts followed
    by a cast per column would cost more than the rules that made the rows)."""
    return TableColumns.from_rows(name, rows).frame()


@dataclass(frozen=True)
class TableColumns:
    """Table ``name`` as columns (lists or NumPy arrays of equal length; none when it has
    no rows), before any DataFrame is built. :meth:`frame` gives the DataFrame
    :func:`conform` would. A corpus run writes the tables no rule reads back (tokens,
    quotes, numbers, findings) from their columns straight to Arrow."""

    name: str
    values: dict = field(default_factory=dict)

    @classmethod
    def from_rows(cls, name: str, rows: list[dict]) -> TableColumns:
        """The columns of rows given as dicts (keys in first-seen order)."""
        if not rows:
            return cls(name)
        first = tuple(rows[0])
        if all(tuple(row) == first for row in rows):
            # The usual case, every row with the same keys in the same order: transposed in C.
            return cls(name, dict(zip(first, map(list, zip(*map(dict.values, rows))))))
        seen: dict[str, None] = {}  # every key of any row, in first-seen order
        for row in rows:
            seen.update(dict.fromkeys(row))
        return cls(name, {key: [row.get(key) for row in rows] for key in seen})

    def __len__(self) -> int:
        return len(next(iter(self.values.values()))) if self.values else 0

    def frame(self) -> pd.DataFrame:
        """The table as a DataFrame (see :func:`from_columns`)."""
        return from_columns(self.name, self.values) if self.values else empty_table(self.name)


def from_columns(name: str, values: dict[str, list]) -> pd.DataFrame:
    """Table ``name`` from columns of equal length (lists or NumPy arrays): contract
    columns first, in order, with their dtypes; extra columns after them, as pandas
    infers. The same table :func:`conform` builds from the same rows.

    Raises:
        ValueError: A contract column is missing.
    """
    columns = TABLES[name]
    missing = [c for c in columns if c not in values]
    if missing:
        raise ValueError(f"{name}: rows lack contract columns {missing}")
    if not len(next(iter(values.values()))):
        return empty_table(name)
    names = list(columns) + [key for key in values if key not in columns]
    # One index for the frame and its Series columns: pandas then neither aligns nor
    # reindexes them (a third of the cost of building a table with object columns).
    index = pd.RangeIndex(len(next(iter(values.values()))))
    data = {}
    for col in names:
        dtype = columns.get(col)
        # Extra columns: as pandas infers.
        data[col] = pd.Series(values[col], index=index) if dtype is None else column_array(values[col], dtype, index)
    return pd.DataFrame(data, index=index, copy=False)


NUMPY_DTYPES = {"int64": np.int64, "float64": np.float64, "bool": np.bool_}
_OBJECT = np.dtype(object)
_STR = pd.StringDtype("pyarrow", na_value=np.nan)  # what pandas 3 means by "str"


def column_array(values: list, dtype: str, index: pd.Index | None = None):
    """One column of contract ``dtype`` from Python values, by the cheapest constructor
    that gives what ``pd.array(values, dtype=dtype)`` would (that call costs ~50 µs per
    column however short, mostly in reading the dtype's name). Object columns are a
    Series on ``index``."""
    if dtype in NUMPY_DTYPES:
        return np.asarray(values, dtype=NUMPY_DTYPES[dtype])
    if dtype == "object":
        return pd.Series(values, dtype=_OBJECT, index=index)  # a bare object array would be inferred as "str"
    if dtype == "str" and all(v is None or type(v) is str for v in values):
        return ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=_STR)
    if dtype == "Int64" and all(v is None or type(v) is int for v in values):
        mask = np.array([v is None for v in values], dtype=bool)
        return pd.arrays.IntegerArray(np.array([0 if v is None else v for v in values], dtype=np.int64), mask)
    return pd.array(values, dtype=dtype)


def column_records(frame: pd.DataFrame, columns: list[str]) -> list[dict]:
    """The rows of ``frame`` as dicts of just ``columns``, in order.

    Far cheaper than filtering a wide table with a mask and then calling ``to_dict``:
    the rules look rows up many times per article, across thousands of articles.
    """
    values = [frame[column].tolist() for column in columns]
    return [dict(zip(columns, row)) for row in zip(*values)]


def _is_null(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def check_tables(tables: dict[str, pd.DataFrame], text: str) -> list[str]:
    """Check tables against the contract; return one line per problem (empty when fine).

    Checks that every table is present with its columns, that labelled columns hold
    allowed values, that list columns hold lists, and that spans match the text.
    """
    problems: list[str] = []
    for name, columns in TABLES.items():
        frame = tables.get(name)
        if frame is None:
            problems.append(f"{name}: missing")
            continue
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            problems.append(f"{name}: missing columns {missing}")
            continue
        for (table, col), allowed in LABELS.items():
            if table != name:
                continue
            values = {None if _is_null(v) else v for v in frame[col]}
            bad = values - allowed
            if bad:
                problems.append(f"{name}.{col}: values {sorted(map(str, bad))} not allowed")
        if name == "sentences":
            for col in ("hedges", "boosters"):
                if not all(isinstance(v, list) for v in frame[col]):
                    problems.append(f"sentences.{col}: not all lists")
        if name in SPAN_TABLES:
            for row in frame[["text", "start", "end"]].itertuples(index=False):
                if text[row.start:row.end] != row.text:
                    problems.append(f"{name}: span [{row.start}:{row.end}] is {text[row.start:row.end]!r}, not {row.text!r}")
                    break
    return problems
