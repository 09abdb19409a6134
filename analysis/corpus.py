"""Corpus runs: the same analysis over many articles, streamed, resumable, in parallel.

What it produces, in the output folder: every contract table for every article with an
``article_id`` column first, plus an ``articles`` table (one row per article: headline,
words, body sentences, shares by status and by source type, anonymous and unnamed
sources, hedge density) and an ``errors`` table (articles that could not be analysed,
with the reason), each as Parquet and CSV.

How it stays safe and flat:

- Articles are read lazily and parsed with ``nlp.pipe`` (a few articles, a bounded
  number of characters at a time); with ``jobs > 1`` batches go to worker processes,
  each loading spaCy once. Each batch runs in ``nlp.memory_zone()``, so the strings
  and lexemes its words add to the vocabulary are freed after it.
- Each finished batch is written as one Parquet part per table (to a temporary name,
  then renamed) and only then are its article ids appended to ``done.jsonl``. A rerun
  skips ids listed there, so a crash or Ctrl-C loses at most the batch in flight.
- Whatever goes wrong with one article (reading its file or record, decoding it,
  extracting an HTML page, parsing, any rule, building or writing its rows) becomes one
  row of ``errors`` (article id, source, stage, exception type, one-line message) and
  the run goes on; a rerun does not try it again.
- Ids must be unique (``7`` and ``"7"`` are one id): a corpus with duplicates is
  refused before anything runs, naming them. Done ids are stored one JSON string a
  line (``done.jsonl``), so any id, newlines included, round-trips.
- One run at a time per output folder: a lock file (``OUT/.lock``, held with
  ``filelock``: a run that dies leaves no lock behind) makes a second run refuse at once.
- A full disk stops the run with one line saying what to free; its temporary files are
  removed, the final tables are replaced all together or not at all, and a rerun resumes.
- The final tables are assembled part by part, so memory does not grow with the corpus.
"""

from __future__ import annotations

import csv
import errno
import json
import functools
import os
import re
import time
import uuid
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from analysis import config
from analysis.errors import AnalysisError, InputError
from analysis.schema import NUMPY_DTYPES, TABLES, TableColumns, column_array, empty_table
from analysis.vocabulary import NAMELESS_SOURCE_TYPES, SOURCE_TYPE, STATUS

__all__ = [
    "CorpusItem", "iter_items", "article_row", "analyze_batch", "run_corpus", "group_of", "compare_groups", "extremes",
    "CORPUS_TABLES",
]  # fmt: skip

CORPUS_TABLES = (*TABLES, "articles", "errors")
STATUSES = tuple(STATUS)
SOURCE_TYPES = tuple(SOURCE_TYPE)
ARTICLE_SUFFIXES = config.TEXT_SUFFIXES | config.HTML_SUFFIXES


@dataclass(frozen=True)
class CorpusItem:
    """One article of a corpus: a file, or a text from a JSONL line or a CSV row.

    ``error`` is set when the record itself cannot be an article (invalid JSON, not an
    object, no text field, bytes that are not UTF-8): it becomes a row of ``errors``.
    """

    article_id: str
    source: str
    path: str | None = None
    text: str | None = None
    error: str | None = None


#: Characters that ``surrogateescape`` decoding makes of bytes that are not UTF-8.
_UNDECODABLE = re.compile("[\udc80-\udcff]")


def _printable(text: str) -> str:
    """``text`` as valid Unicode, for ids, sources and messages, which every table and
    ``done.jsonl`` must be able to write: a file name's bytes that are not UTF-8, or a
    lone surrogate from a JSON escape, are written as ``\\xe9``-style escapes."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")  # bytes a file name held
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogatepass")  # lone surrogates from JSON escapes
    return raw.decode("utf-8", "backslashreplace")


def _record_id(value, fallback: str) -> tuple[str, str | None]:
    """A record's id as text (a whole number and its digits are one id: ``7`` is ``"7"``),
    else the fallback and why the given one could not be used."""
    if value is None or value == "":
        return fallback, None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return fallback, f"its id is a JSON {type(value).__name__}, not a string or a whole number"
    return _printable(str(value)), None


def _json_items(path: Path, *, text_column: str, id_column: str | None) -> Iterator[CorpusItem]:
    """One item per non-blank line of a JSON Lines file (UTF-8, one object a line)."""
    kinds = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true or false"}
    name = _printable(str(path))
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            fallback, source = f"line-{number}", f"{name}:{number}"
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as error:
                yield CorpusItem(fallback, source, error=f"line {number} is not valid UTF-8 (byte {error.start}): JSON Lines must be UTF-8")
                continue
            except ValueError as error:
                yield CorpusItem(fallback, source, error=f"line {number} is not valid JSON: {error}")
                continue
            if not isinstance(record, dict):
                kind = "null" if record is None else kinds.get(type(record), type(record).__name__)
                yield CorpusItem(fallback, source, error=f"line {number} is {kind}, not an object with a {text_column!r} field")
                continue
            key, bad_id = _record_id(record.get(id_column or "id"), fallback)
            text = record.get(text_column)
            if bad_id:
                yield CorpusItem(key, source, error=f"line {number}: {bad_id}")
            elif not isinstance(text, str):
                given = "no" if text is None else f"a non-text ({type(text).__name__})"
                yield CorpusItem(key, source, error=f"line {number} has {given} {text_column!r} field")
            else:
                yield CorpusItem(key, source, text=text)


def _csv_items(path: Path, source: str | Path, *, text_column: str, id_column: str | None) -> Iterator[CorpusItem]:
    """One item per row of a CSV file with a header (UTF-8; a BOM is dropped)."""
    csv.field_size_limit(max(csv.field_size_limit(), 4 * config.MAX_TEXT_CHARS))
    name = _printable(str(path))
    # Bytes that are not UTF-8 are kept as escapes, so only their own row is refused.
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = reader.fieldnames or []
        if text_column not in columns:
            raise InputError(f"{source}: no column {text_column!r} (have: {', '.join(columns) or 'no header'})")
        row = 0
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as error:  # a field past the size limit, say: this row only
                row += 1
                yield CorpusItem(f"row-{row}", f"{name}:row {row}", error=f"row {row} cannot be read as CSV: {error}")
                continue
            row += 1
            fallback, where = f"row-{row}", f"{name}:row {row}"
            key = record.get(id_column or "id") or fallback
            values = [v for v in record.values() if isinstance(v, str)]
            if any(_UNDECODABLE.search(v) for v in values):
                yield CorpusItem(fallback, where, error=f"row {row} is not valid UTF-8: CSV input must be UTF-8")
            elif None in record:  # more fields than the header names
                yield CorpusItem(key, where, error=f"row {row} has {len(columns) + len(record[None])} fields; the header names {len(columns)}")
            elif record.get(text_column) is None:
                yield CorpusItem(key, where, error=f"row {row} has fewer fields than the header: no {text_column!r}")
            else:
                yield CorpusItem(key, where, text=record[text_column])


def iter_items(source: str | Path, *, text_column: str = "text", id_column: str | None = None) -> Iterator[CorpusItem]:
    """The articles of a corpus, lazily: a folder of .txt/.html files (searched
    recursively, in sorted order; the id is the path inside the folder without its
    suffix; hidden files and a corpus's own documentation, README or LICENSE files,
    are left out), a JSONL file (one object per line with a text field), or a CSV with a text
    column (streamed row by row). Ids come from ``id_column`` when given, else ``id``, else
    the line or row number. A record that cannot be an article is an item with ``error``
    set, not an exception: one bad line does not stop the corpus.

    Raises:
        InputError: The corpus is missing, of an unknown kind, or lacks the text column.
    """
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES - {""}
                       and not any(part.startswith(".") for part in p.relative_to(path).parts)
                       and p.stem.lower() not in config.CORPUS_DOCUMENTATION_STEMS)  # fmt: skip
        for file in files:
            article_id = _printable(file.relative_to(path).with_suffix("").as_posix())
            yield CorpusItem(article_id, _printable(str(file)), path=str(file))
        return
    if not path.is_file():
        raise InputError(f"{source}: no such folder or file")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _json_items(path, text_column=text_column, id_column=id_column)
        return
    if suffix == ".csv":
        yield from _csv_items(path, source, text_column=text_column, id_column=id_column)
        return
    raise InputError(f"{source}: a corpus is a folder of .txt/.html files, a .jsonl file or a .csv file")


ARTICLE_COLUMNS = (
    "article_id", "source", "headline", "words", "body_sentences", *(f"share_{s}" for s in STATUSES),
    *(f"share_source_{t}" for t in SOURCE_TYPES), "anonymous_sources", "hedges_per_100_words", "warnings",
)  # fmt: skip
#: ``stage``: where the article failed (see :data:`ERROR_STAGES`); ``error_type``: the
#: exception's class name; ``error``: its one-line message.
ERROR_COLUMNS = ("article_id", "source", "stage", "error_type", "error")
#: Where an article can fail, in the order a run meets them: the file or record, bytes to
#: text, HTML to article text, the text's checks (empty, too long), the spaCy parse, the
#: rules, the article's tables and ``articles`` row, writing them.
ERROR_STAGES = ("read", "decode", "extract", "check", "parse", "rules", "tables", "write")


def article_row(article_id: str, source: str, result) -> dict:
    """The ``articles`` row of one analysed article."""
    sentences = result.sentences
    # Plain column lists: this runs once per article of corpora of thousands.
    body = [(text, status, source_type) for text, status, source_type, in_body in zip(
        sentences["text"].tolist(), sentences["status"].tolist(), sentences["claim_source_type"].tolist(),
        sentences["in_body"].tolist()) if in_body]  # fmt: skip
    body_ids = {i for i, in_body in zip(sentences["sent_id"].tolist(), sentences["in_body"].tolist()) if in_body}
    words = sum(len(text.split()) for text, _, _ in body)
    statuses = Counter(status for _, status, _ in body)
    types = Counter(source_type for _, _, source_type in body)
    total = max(len(body), 1)
    attributions = result.attributions
    anonymous = sum(1 for i, kind in zip(attributions["sent_id"].tolist(), attributions["source_type"].tolist())
                    if i in body_ids and kind in NAMELESS_SOURCE_TYPES)  # fmt: skip
    cues = result.cues
    hedges = sum(1 for kind, in_body in zip(cues["kind"].tolist(), cues["in_body"].tolist()) if in_body and kind == "hedge")
    row = {"article_id": article_id, "source": source, "headline": result.headline, "words": words, "body_sentences": len(body)}
    row.update({f"share_{s}": statuses.get(s, 0) / total for s in STATUSES})
    row.update({f"share_source_{t}": types.get(t, 0) / total for t in SOURCE_TYPES})
    row["anonymous_sources"] = anonymous
    row["hedges_per_100_words"] = 100 * hedges / max(words, 1)
    row["warnings"] = _printable("; ".join(result.warnings)) or None  # e.g. decoded as cp1252
    return row


def _read(item: CorpusItem):
    from analysis.reading.ingest import read_path, read_text

    if item.error is not None:
        raise InputError(item.error)
    if item.path is not None:
        return read_path(item.path)
    return read_text(item.text or "", source=item.source)


def error_row(item: CorpusItem, stage: str, error: BaseException) -> dict:
    """The ``errors`` row of an article that failed at ``stage``: its message on one line."""
    message = _printable(" ".join(str(error).split())) or type(error).__name__
    return {"article_id": item.article_id, "source": item.source, "stage": stage,
            "error_type": type(error).__name__, "error": message}  # fmt: skip


_NLP = None
#: Characters each pipeline has analysed outside a memory zone in this process.
_WARMED: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_FROZEN = False  # whether this process has frozen what was alive after loading


def _freeze_loaded(nlp) -> None:
    """In a process the corpus run owns (the CLI, a pool worker): build the lexicon
    matchers, then move everything alive (the pipeline, lexicons, matchers) out of the
    garbage collector's sight with ``gc.freeze()``. A corpus run makes many short-lived
    objects, so full collections come every few batches, and each would walk the whole
    loaded model again (about 2% of a run's time). Not done in a caller's own process
    (a notebook kernel), where freezing would keep its cyclic garbage for good."""
    import gc

    from analysis.core import prepare

    global _FROZEN
    if _FROZEN:
        return
    prepare(nlp)
    gc.collect()
    gc.freeze()
    _FROZEN = True


def _init_worker(model: str | None) -> None:
    global _NLP
    from analysis.parse.nlp import load_nlp

    _NLP = load_nlp(model)
    _freeze_loaded(_NLP)


def analyze_batch(
    items: list[CorpusItem], *, nlp=None, batch_size: int = 8, on_article: Callable[[], None] | None = None,
    hedge_domain: str | None = None,
) -> list[tuple[str, dict | None, dict | None]]:
    """Analyse a batch: ``(article_id, tables, error)`` per item, in order.

    ``tables`` maps each contract table to the article's DataFrame (for the tables no
    rule reads back, :data:`~analysis.core.Analysis.LAZY_TABLES`, its
    :class:`~analysis.schema.TableColumns`, whose ``frame()`` is the DataFrame), and
    ``articles`` to its row (a dict); ``error`` is the ``errors`` row of an article that
    failed, at whatever stage (see :data:`ERROR_STAGES`): the others are analysed all
    the same. ``on_article`` is called once per article analysed or failed (progress).
    The ``article_id`` column is added when the batch is written (see :func:`_store`).
    ``hedge_domain`` is :func:`analysis.analyze`'s.
    """
    from analysis.core import prepare
    from analysis.parse.nlp import load_nlp

    nlp = nlp or _NLP or load_nlp()
    prepare(nlp)
    done = on_article or (lambda: None)
    outcomes: dict[int, tuple[str, dict | None, dict | None]] = {}
    readable = []
    for index, item in enumerate(items):
        try:
            readable.append((index, item, _read(item)))
        except Exception as error:  # noqa: BLE001 - any failure to read is this article's alone
            outcomes[index] = (item.article_id, None, error_row(item, getattr(error, "stage", "read"), error))
            done()
    warmed = _WARMED.get(nlp, 0)
    if warmed < config.CORPUS_WARM_CHARS:
        # One of this process's first batches: its words are kept (see CORPUS_WARM_CHARS).
        _WARMED[nlp] = warmed + sum(len(article.text) for _, _, article in readable)
        outcomes.update(_analyze_readable(readable, nlp=nlp, batch_size=batch_size, done=done, hedge_domain=hedge_domain))
    else:
        with nlp.memory_zone():  # strings and lexemes of this batch's words are freed after it
            outcomes.update(_analyze_readable(readable, nlp=nlp, batch_size=batch_size, done=done, hedge_domain=hedge_domain))
    return [outcomes[i] for i in range(len(items))]


def _analyze_readable(readable: list, *, nlp, batch_size: int, done: Callable[[], None], hedge_domain: str | None = None) -> dict[int, tuple]:
    from analysis.core import ArticleFailure, analyze_articles

    results = analyze_articles([article for _, _, article in readable], nlp=nlp, batch_size=batch_size, keep_going=True,
                               hedge_domain=hedge_domain)  # fmt: skip
    # Consumed here, inside the caller's memory zone: the tables hold plain strings only.
    outcomes = {}
    for (index, item, _), result in zip(readable, results):
        if isinstance(result, ArticleFailure):
            outcomes[index] = (item.article_id, None, error_row(item, result.stage, result.error))
        else:
            try:
                tables = {**{name: result.table_source(name) for name in TABLES},
                          "articles": article_row(item.article_id, item.source, result)}  # fmt: skip
                outcomes[index] = (item.article_id, tables, None)
            except Exception as error:  # noqa: BLE001 - this article's failure alone
                outcomes[index] = (item.article_id, None, error_row(item, "tables", error))
        done()
    return outcomes


def _arrow_column(parts: list[pd.Series]):
    """One Arrow column from the same column of one or more frames, in order. Lists and
    None stay lists and nulls (object columns, through their plain values); NumPy columns
    (integers, floats with NaN as null, booleans) are joined into one array first; Arrow
    strings and nullable integers are taken as pandas holds them, without copying (each
    conversion has a fixed cost, and a batch has many short parts)."""
    from analysis.presenting.export import _plain

    dtype = parts[0].dtype
    if dtype == object:
        return pa.array([_plain(v) for part in parts for v in part.tolist()], from_pandas=True)
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
    from analysis.presenting.export import _plain

    if dtype in NUMPY_DTYPES:
        return pa.array(np.concatenate([column_array(part, dtype) for part in parts]), from_pandas=True)
    values = [v for part in parts for v in (part.tolist() if isinstance(part, np.ndarray) else part)]
    if dtype == "object":
        return pa.array([_plain(v) for v in values], from_pandas=True)
    return pa.array(column_array(values, dtype))  # the DataFrames' own column (Arrow strings, nullable integers)


#: The ids of finished articles: one JSON string a line, so any id (a newline in it, say)
#: round-trips. ``done.txt``, one id a line, is what earlier versions wrote: still read.
DONE_FILE, LEGACY_DONE_FILE = "done.jsonl", "done.txt"


def _done_ids(out: Path) -> set[str]:
    done: set[str] = set()
    legacy = out / LEGACY_DONE_FILE
    if legacy.exists():
        done.update(legacy.read_text(encoding="utf-8").splitlines())
    path = out / DONE_FILE
    if path.exists():
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                try:
                    done.add(json.loads(line))
                except ValueError:  # a last line cut short by a crash: that batch runs again
                    continue
    return done


def _batches(items: Iterable[CorpusItem], size: int) -> Iterator[list[CorpusItem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


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


def group_of(article_id: str) -> str:
    """An article's group: the first folder of its id ("business/001" -> business), or
    "all" for ids without a folder."""
    return article_id.split("/", 1)[0] if "/" in article_id else "all"


def _first_per_group(items: Iterable[CorpusItem], n: int) -> Iterator[CorpusItem]:
    seen: dict[str, int] = {}
    for item in items:
        group = group_of(item.article_id)
        if seen.get(group, 0) < n:
            seen[group] = seen.get(group, 0) + 1
            yield item


def compare_groups(articles: pd.DataFrame) -> pd.DataFrame:
    """Sourcing and certainty by group (e.g. BBC section), from the ``articles`` table.

    Columns: group, articles, words (mean), share_named (body sentences resting on named
    people, organisations or documents), share_anonymous_unnamed, share_media,
    share_author, share_hedged_unconfirmed (status hedged or unconfirmed),
    hedges_per_100_words, anonymous_sources (mean per article). Shares are means over
    the group's articles. Sorted by group.
    """
    frame = articles.assign(
        group=articles["article_id"].map(group_of),
        share_named=articles[["share_source_person", "share_source_organization", "share_source_document"]].sum(axis=1),
        share_anonymous_unnamed=articles["share_source_anonymous"] + articles["share_source_unnamed"],
        share_hedged_unconfirmed=articles["share_hedged"] + articles["share_unconfirmed"],
    )
    summary = frame.groupby("group", sort=True).agg(
        articles=("article_id", "size"),
        words=("words", "mean"),
        share_named=("share_named", "mean"),
        share_anonymous_unnamed=("share_anonymous_unnamed", "mean"),
        share_media=("share_source_media", "mean"),
        share_author=("share_source_author", "mean"),
        share_hedged_unconfirmed=("share_hedged_unconfirmed", "mean"),
        hedges_per_100_words=("hedges_per_100_words", "mean"),
        anonymous_sources=("anonymous_sources", "mean"),
    )
    return summary.reset_index()


def extremes(articles: pd.DataFrame, column: str, *, n: int = 3) -> pd.DataFrame:
    """The ``n`` articles highest and lowest on ``column`` (ties: article_id), with their headlines."""
    ordered = articles.sort_values([column, "article_id"], ascending=[False, True])
    rows = pd.concat([ordered.head(n).assign(end="highest"), ordered.tail(n).iloc[::-1].assign(end="lowest")])
    return rows[["end", "article_id", "headline", column, "body_sentences"]].drop_duplicates("article_id").reset_index(drop=True)


def _analyze_batch_with_model(items: list[CorpusItem], model: str | None, hedge_domain: str | None = None) -> list:
    """The per-batch function as a Dask task: each worker process loads spaCy once."""
    from analysis.parse.nlp import load_nlp

    return analyze_batch(items, nlp=load_nlp(model), hedge_domain=hedge_domain)


def _dask_batches(batches: Iterator[list[CorpusItem]], *, jobs: int, scheduler: str | None, model: str | None,
                  hedge_domain: str | None = None):
    """Run batches on Dask, a few in flight per worker, yielding results in input order."""
    from collections import deque

    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise AnalysisError("the dask engine needs dask and distributed: pip install 'dask[distributed]'") from None
    cluster = None if scheduler else LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1, processes=True,
                                                  dashboard_address=None)  # fmt: skip
    client = Client(scheduler or cluster)
    window = 2 * max(jobs, 1)  # bounded: memory stays flat however long the corpus
    pending: deque = deque()
    try:
        for batch in batches:
            pending.append(client.submit(_analyze_batch_with_model, batch, model, hedge_domain, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_corpus(
    source: str | Path,
    out_dir: str | Path,
    *,
    jobs: int = 1,
    batch_size: int = 32,
    model: str | None = None,
    text_column: str = "text",
    id_column: str | None = None,
    progress: bool = True,
    engine: str = "local",
    scheduler: str | None = None,
    per_group: int | None = None,
    freeze_gc: bool = False,
    hedge_domain: str | None = None,
) -> dict[str, int]:
    """Analyse every article of a corpus into ``out_dir``; resumes where a previous run stopped.

    Args:
        source: A folder, a .jsonl or a .csv file (see :func:`iter_items`).
        out_dir: The output folder (created).
        jobs: Worker processes (each loads spaCy once).
        batch_size: Articles per batch: the unit of parsing, of writing and of resuming
            (smaller when the corpus is small, so that each of ``jobs`` gets a share).
        model: A spaCy model name (default: the usual search).
        text_column, id_column: For JSONL and CSV corpora.
        progress: Show a tqdm progress bar (on stderr).
        engine: ``local`` (this machine's processes) or ``dask`` (the same per-batch
            function on Dask workers: a ``distributed.LocalCluster`` of ``jobs`` workers,
            or the cluster at ``scheduler``). Results are written here, in input order,
            so both engines give identical tables.
        scheduler: A Dask scheduler address (``tcp://host:8786``) for ``engine="dask"``.
        per_group: At most this many articles from each group (see :func:`group_of`).
        freeze_gc: Freeze the garbage collector's view of this process once the model
            is loaded (``gc.freeze()``; worker processes always do): for a process that
            only runs the corpus, such as the CLI's. Leave it off in a notebook kernel.
        hedge_domain: ``news`` (default), ``bio`` or ``wiki`` (see :func:`analysis.analyze`).

    Returns:
        Rows per output table, and ``analysed``: the articles this run did (0 when an
        earlier run had done them all; the tables are assembled again all the same).

    Raises:
        InputError: The corpus cannot be read, has duplicate ids, ``out_dir`` is a file,
            or another run holds ``out_dir``.
        AnalysisError: The tables cannot be written (a full disk); a rerun resumes.
    """
    from filelock import FileLock, Timeout

    from analysis.presenting.export import output_folder

    out = output_folder(out_dir, hint=" (new or from an earlier run)")

    def chosen() -> Iterator[CorpusItem]:
        items = iter_items(source, text_column=text_column, id_column=id_column)
        return _first_per_group(items, per_group) if per_group is not None else items

    _refuse_duplicate_ids(iter_items(source, text_column=text_column, id_column=id_column), source)
    out.mkdir(parents=True, exist_ok=True)
    # One run per output folder: the lock is the kernel's (flock), so a run that dies
    # leaves nothing stuck; a second run refuses at once rather than redo the first's work.
    lock = FileLock(out / ".lock", timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise InputError(f"{out} is in use by another corpus run (it holds {out / '.lock'}); "
                         "wait for that run to finish, or give another --out") from None  # fmt: skip
    try:
        done = _done_ids(out)
        total = sum(1 for item in chosen() if item.article_id not in done)
        todo = (item for item in chosen() if item.article_id not in done)
        # Every worker gets work even when the corpus is small: at most an equal share per batch.
        size = max(1, min(batch_size, -(-total // max(jobs, 1))))
        _run_batches(todo, out, total=total, size=size, jobs=jobs, model=model, engine=engine, scheduler=scheduler,
                     progress=progress, freeze_gc=freeze_gc, hedge_domain=hedge_domain)  # fmt: skip
        counts = _assemble(out)
    finally:
        lock.release()
    counts["analysed"] = total
    return counts


def _refuse_duplicate_ids(items: Iterable[CorpusItem], source: str | Path) -> None:
    """Refuse a corpus in which two records share an id (``7`` and ``"7"`` are one id):
    their rows would merge, or one would be skipped as done."""
    first: dict[str, str] = {}
    repeated: dict[str, list[str]] = {}
    for item in items:
        if item.article_id in first:
            repeated.setdefault(item.article_id, [first[item.article_id]]).append(item.source)
        else:
            first[item.article_id] = item.source
    if repeated:
        shown = "; ".join(f"{key!r} ({', '.join(where)})" for key, where in list(repeated.items())[:5])
        more = f" and {len(repeated) - 5} more" if len(repeated) > 5 else ""
        raise InputError(f"{source}: {len(repeated)} id{'s are' if len(repeated) > 1 else ' is'} used more than once: "
                         f"{shown}{more}; every article needs an id of its own")  # fmt: skip


def _run_batches(todo: Iterator[CorpusItem], out: Path, *, total: int, size: int, jobs: int, model: str | None,
                 engine: str, scheduler: str | None, progress: bool, freeze_gc: bool, hedge_domain: str | None = None) -> None:  # fmt: skip
    """Analyse ``todo`` in batches of ``size`` on the chosen engine, storing each batch as it comes."""
    from tqdm import tqdm

    bar = tqdm(total=total, unit="article", disable=not progress, desc="corpus", smoothing=0.1)
    try:
        if engine == "dask":
            for outcomes in _dask_batches(_batches(todo, size), jobs=jobs, scheduler=scheduler, model=model, hedge_domain=hedge_domain):
                _store(out, outcomes)
                bar.update(len(outcomes))
        elif jobs <= 1:
            from analysis.parse.nlp import load_nlp

            nlp = load_nlp(model)
            if freeze_gc:
                _freeze_loaded(nlp)
            for batch in _batches(todo, size):
                # The bar moves article by article, even when the corpus is one batch.
                _store(out, analyze_batch(batch, nlp=nlp, on_article=lambda: bar.update(1), hedge_domain=hedge_domain))
        else:
            import multiprocessing

            context = multiprocessing.get_context("spawn")  # no fork of a loaded pipeline
            with context.Pool(jobs, initializer=_init_worker, initargs=(model,)) as pool:
                for outcomes in pool.imap(functools.partial(analyze_batch, hedge_domain=hedge_domain), _batches(todo, size)):
                    _store(out, outcomes)
                    bar.update(len(outcomes))
    finally:
        bar.close()
