"""The corpus store: one Parquet part per table and batch, the done list a rerun resumes from, and the final tables assembled part by part (CSV cells made safe for spreadsheets)."""

from __future__ import annotations

import errno
import json
import os
import time
import uuid
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from analysis.corpus.inputs import CorpusItem
from analysis.corpus.summary import ARTICLE_COLUMNS, ERROR_COLUMNS, error_row
from analysis.errors import AnalysisError
from analysis.schema import NUMPY_DTYPES, TABLES, TableColumns, column_array, empty_table

#: The list of analysed ids a rerun skips (one JSON string a line), and its older form.
DONE_FILE, LEGACY_DONE_FILE = "done.jsonl", "done.txt"


CORPUS_TABLES = (*TABLES, "articles", "errors")


def _arrow_column(parts: list[pd.Series]):
    """One Arrow column from the same column of one or more frames, in order. Lists and
    None stay lists and nulls (object columns, through their plain values); NumPy columns
    (integers, floats with NaN as null, booleans) are joined into one array first; Arrow
    strings and nullable integers are taken as pandas holds them, without copying (each
    conversion has a fixed cost, and a batch has many short parts)."""
    from analysis.presenting.export import json_ready

    dtype = parts[0].dtype
    if dtype == np.dtype(object):
        return pa.array([json_ready(v) for part in parts for v in part.tolist()], from_pandas=True)
    if isinstance(dtype, np.dtype):
        return pa.array(np.concatenate([part.to_numpy() for part in parts]), from_pandas=True)
    chunks = [pa.array(part.array) for part in parts]
    return chunks[0] if len(chunks) == 1 else pa.chunked_array(chunks, type=chunks[0].type)


def _to_arrow(frame: pd.DataFrame):
    return pa.table({name: _arrow_column([frame[name]]) for name in frame.columns})


def _write_part(out: Path, table: str, frame) -> None:
    """Write one Parquet part (a DataFrame, or an Arrow table already built) atomically."""
    if not len(frame) and table in ("articles", "errors"):
        return
    folder = out / "parts" / table
    folder.mkdir(parents=True, exist_ok=True)
    # Named by time, so parts (and the assembled tables) keep the order articles ran in.
    name = f"part-{time.time_ns():020d}-{uuid.uuid4().hex[:8]}.parquet"
    tmp = folder / f".{name}.tmp"
    try:
        # No column statistics: parts are read back whole at assembly, which writes them.
        pq.write_table(_to_arrow(frame) if isinstance(frame, pd.DataFrame) else frame, tmp, write_statistics=False)
        os.replace(tmp, folder / name)
    finally:
        tmp.unlink(missing_ok=True)  # gone already when the rename succeeded


def _batch_table(tables: list[pd.DataFrame | TableColumns], ids: list[str]):
    """One table of a batch as Arrow: ``article_id`` first, then the articles' tables
    one after another, each column as :func:`_to_arrow` would give it for the
    concatenation of their DataFrames (built column by column: ``pd.concat`` of many
    small frames with Arrow-backed strings costs more than writing them). Tables still
    held as columns go straight to Arrow when they all are, without DataFrames."""
    columns = {"article_id": pa.array(np.repeat(ids, [len(t) for t in tables]).tolist(), type=pa.large_string())}
    if all(isinstance(t, TableColumns) for t in tables):
        contract = TABLES[tables[0].name]
        filled = [t.values for t in tables if len(t)]
        if filled and all(values.keys() == contract.keys() for values in filled):
            for name, dtype in contract.items():
                columns[name] = _arrow_values([values[name] for values in filled], dtype)
            return pa.table(columns)
    frames = [t.frame() if isinstance(t, TableColumns) else t for t in tables]
    for name in frames[0].columns:
        columns[name] = _arrow_column([frame[name] for frame in frames])
    return pa.table(columns)


def _arrow_values(parts: list, dtype: str):
    """One Arrow column from the same column of one or more tables' columns (lists or
    NumPy arrays) of contract ``dtype``: the Arrow :func:`_arrow_column` gives for the
    column of their DataFrames."""
    from analysis.presenting.export import json_ready

    if dtype in NUMPY_DTYPES:
        return pa.array(np.concatenate([column_array(part, dtype) for part in parts]), from_pandas=True)
    values = [v for part in parts for v in (part.tolist() if isinstance(part, np.ndarray) else part)]
    if dtype == "object":
        return pa.array([json_ready(v) for v in values], from_pandas=True)
    return pa.array(column_array(values, dtype))  # the DataFrames' own column (Arrow strings, nullable integers)


def _done_ids(out: Path) -> set[str]:
    """The ids earlier runs finished. A line that is not one whole JSON string ending
    with a new line (cut short by a crash, or glued to the next by an older version) is
    skipped: its articles run again, and their rows are kept once at assembly."""
    done: set[str] = set()
    legacy = out / LEGACY_DONE_FILE
    if legacy.exists():
        done.update(legacy.read_text(encoding="utf-8").splitlines())
    path = out / DONE_FILE
    if path.exists():
        with path.open(encoding="utf-8", errors="replace", newline="\n") as lines:
            for line in lines:
                if not line.endswith("\n"):
                    continue  # the torn last line of a run killed mid-write
                try:
                    article_id = json.loads(line)
                except (ValueError, RecursionError):
                    continue
                if isinstance(article_id, str):
                    done.add(article_id)
    return done


def _mend_done_log(out: Path) -> None:
    """Cut a torn last line (no new line at its end: a run killed while appending) from
    ``done.jsonl``, so the next append starts on a line of its own instead of gluing its
    first id to the torn one. The torn line's articles are simply analysed again."""
    path = out / DONE_FILE
    try:
        with path.open("r+b") as log:
            end = log.seek(0, os.SEEK_END)
            if end == 0:
                return
            log.seek(end - 1)
            if log.read(1) == b"\n":
                return
            # Back to the last whole line, a block at a time: the log can hold many ids.
            position = end
            while position > 0:
                start = max(0, position - 65536)
                log.seek(start)
                block = log.read(position - start)
                newline = block.rfind(b"\n")
                if newline >= 0:
                    log.truncate(start + newline + 1)
                    return
                position = start
            log.truncate(0)
    except FileNotFoundError:
        return
    except OSError as error:
        raise _write_failed(out, error, "the list of finished articles") from None


def _no_space(error: OSError) -> bool:
    return error.errno in (errno.ENOSPC, errno.EDQUOT)


def _write_failed(out: Path, error: OSError, what: str) -> AnalysisError:
    """The one line for a write that failed (a full disk, above all): what to free, and
    that a rerun resumes."""
    parts = out / "parts"
    held = sum(p.stat().st_size for p in parts.rglob("*.parquet")) / 2**20 if parts.exists() else 0.0
    reason = "no space left on the disk" if _no_space(error) else (error.strerror or str(error))
    return AnalysisError(
        f"cannot write {what} in {out}: {reason}; free some space (the analysed parts take {held:.1f} MB, "
        "the final tables need about as much again and their CSVs) and run the same command again: "
        "it resumes without analysing finished articles again"
    )


def _batch_tables(analysed: list[tuple[str, dict]]) -> dict:
    """The batch's Arrow tables, built before anything is written."""
    ids = [article_id for article_id, _ in analysed]
    arrow = {table: _batch_table([tables[table] for _, tables in analysed], ids) for table in TABLES}
    arrow["articles"] = _to_arrow(pd.DataFrame([tables["articles"] for _, tables in analysed]))
    return arrow


def _store(out: Path, outcomes: list[tuple[str, dict | None, dict | None]]) -> None:
    """Write one batch's parts, then mark its ids done (in that order: a crash between
    the two only makes the batch run again; its parts are then replaced at assembly).

    An article whose rows cannot be built as the tables' columns becomes an ``errors``
    row (stage ``write``) and the others are written. A write that fails (a full disk)
    stops the run with :class:`~analysis.errors.AnalysisError`: the batch is not marked
    done, so a rerun does it again.
    """
    analysed = [(article_id, tables) for article_id, tables, _ in outcomes if tables is not None]
    errors = [error for _, _, error in outcomes if error is not None]
    try:
        arrow = _batch_tables(analysed) if analysed else {}
    except Exception:  # noqa: BLE001 - find the article whose rows cannot be written
        kept = []
        for article_id, tables in analysed:
            try:
                _batch_tables([(article_id, tables)])
                kept.append((article_id, tables))
            except Exception as error:  # noqa: BLE001 - this article's failure alone
                item = CorpusItem(article_id, tables["articles"]["source"])
                errors.append(error_row(item, "write", error))
        arrow = _batch_tables(kept) if kept else {}
    try:
        for table, data in arrow.items():
            _write_part(out, table, data)
        _write_part(out, "errors", pd.DataFrame(errors, columns=list(ERROR_COLUMNS)))
        with (out / DONE_FILE).open("a", encoding="utf-8") as done:
            done.write("".join(json.dumps(article_id, ensure_ascii=False) + "\n" for article_id, _, _ in outcomes))
            done.flush()
            os.fsync(done.fileno())
    except OSError as error:
        raise _write_failed(out, error, "the analysed articles") from None


def _assemble(out: Path) -> dict[str, int]:
    """Join each table's parts into ``OUT/<table>.parquet`` and ``.csv``, part by part.
    Rows of an article written twice (a batch rerun after a crash) are kept once.

    Every table is written to a temporary file first and the final tables replaced only
    when all are written, so a failure (a full disk) leaves the previous tables whole and
    no temporary file behind (:class:`~analysis.errors.AnalysisError` says what to free)."""
    counts, made = {}, []
    try:
        for table in CORPUS_TABLES:
            parquet_tmp, csv_tmp = out / f".{table}.parquet.tmp", out / f".{table}.csv.tmp"
            made += [(parquet_tmp, out / f"{table}.parquet"), (csv_tmp, out / f"{table}.csv")]
            counts[table] = _assemble_table(out, table, parquet_tmp, csv_tmp)
        for tmp, final in made:
            os.replace(tmp, final)
    except OSError as error:
        raise _write_failed(out, error, "the corpus tables") from None
    finally:
        for tmp, _ in made:
            tmp.unlink(missing_ok=True)
    return counts


def _assemble_table(out: Path, table: str, parquet_tmp: Path, csv_tmp: Path) -> int:
    """Write one table's parts to ``parquet_tmp`` and ``csv_tmp``; returns its rows."""
    parts = sorted((out / "parts" / table).glob("part-*.parquet")) if (out / "parts" / table).exists() else []
    schemas = [pq.read_schema(p) for p in parts]
    # No parts (no errors, say): the table is still written, empty, with its columns.
    schema = pa.unify_schemas(schemas, promote_options="permissive") if schemas else _empty_schema(table)
    csv_schema = pa.schema([(f.name, pa.large_string()) if _is_list(f.type) else f for f in schema])
    seen: set[str] = set()
    rows = 0
    csv_writer = pacsv.CSVWriter(csv_tmp, csv_schema, write_options=CSV_OPTIONS)
    with pq.ParquetWriter(parquet_tmp, schema) as writer, csv_writer as csv_out:
        for part in parts:
            data = pq.ParquetFile(part).read().cast(schema)
            ids = set(pc.unique(data.column("article_id")).to_pylist())
            if ids & seen:  # only after a rerun of a batch: keep each article's first rows
                done_before = pa.array(sorted(seen), pa.large_string())
                data = data.filter(pc.invert(pc.is_in(data.column("article_id"), value_set=done_before)))
            seen |= ids
            if not data.num_rows:
                continue
            writer.write_table(data)
            csv_out.write_table(_csv_columns(data, csv_schema))
            rows += data.num_rows
    return rows


#: The corpus CSVs, written by Arrow: a header of bare column names, then every text
#: value quoted, so an empty text ("") and a missing one (an empty cell) differ.
CSV_OPTIONS = pacsv.WriteOptions(quoting_header="none")


def _is_list(arrow_type) -> bool:
    return pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type)


def _csv_columns(data, csv_schema):
    """A part as its CSV holds it: list columns as JSON text (``["may", "could"]``, a
    missing list as ``null``), as in the single-article CSVs, so they read back
    unambiguously; text columns guarded against spreadsheet formulas as
    :func:`~analysis.presenting.export.spreadsheet_safe` guards them (numbers stay numbers)."""
    columns = []
    for name, column in zip(data.column_names, data.columns):
        if _is_list(column.type):
            column = pa.array([json.dumps(v, ensure_ascii=False) for v in column.to_pylist()], pa.large_string())
        elif pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            column = _spreadsheet_safe(column)
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=csv_schema)


def _spreadsheet_safe(column):
    """An Arrow text column with :data:`~analysis.presenting.export.FORMULA_GUARD` before each value
    that starts like a formula and is not a plain number (RE2, the same patterns)."""
    from analysis.presenting.export import FORMULA_GUARD, FORMULA_START, PLAIN_NUMBER

    starts = "[" + "".join(f"\\x{{{ord(c):x}}}" for c in FORMULA_START) + "]"
    risky = pc.and_(pc.match_substring_regex(column, "^" + starts), pc.invert(pc.match_substring_regex(column, f"^{PLAIN_NUMBER}$")))
    risky = pc.fill_null(risky, False)
    if not pc.any(risky).as_py():
        return column
    guarded = pc.binary_join_element_wise(pa.scalar(FORMULA_GUARD, column.type), column, pa.scalar("", column.type))
    return pc.if_else(risky, guarded, column)


def _empty_schema(table: str):
    """The Arrow schema of a corpus table no batch wrote a part of."""
    if table in TABLES:
        frame = empty_table(table)
        frame.insert(0, "article_id", pd.Series(dtype="str"))
        return _to_arrow(frame).schema
    types = {"words": pa.int64(), "body_sentences": pa.int64(), "anonymous_sources": pa.int64(),
             "hedges_per_100_words": pa.float64()}  # fmt: skip
    columns = ERROR_COLUMNS if table == "errors" else ARTICLE_COLUMNS
    return pa.schema([(c, types.get(c, pa.float64() if c.startswith("share_") else pa.string())) for c in columns])
