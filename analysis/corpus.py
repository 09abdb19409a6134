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
  then renamed) and only then are its article ids appended to ``done.txt``. A rerun
  skips ids listed there, so a crash or Ctrl-C loses at most the batch in flight.
- An article that fails (empty, binary, too long, undecodable) becomes a row of
  ``errors`` and the run goes on.
- The final tables are assembled part by part, so memory does not grow with the corpus.
"""

from __future__ import annotations

import json
import os
import time
import uuid
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from . import config
from .errors import AnalysisError, InputError
from .schema import NUMPY_DTYPES, TABLES, TableColumns, column_array, empty_table

__all__ = [
    "CorpusItem", "iter_items", "article_row", "analyze_batch", "run_corpus", "group_of", "compare_groups", "extremes",
    "CORPUS_TABLES",
]  # fmt: skip

CORPUS_TABLES = (*TABLES, "articles", "errors")
STATUSES = ("confirmed", "reported", "asserted", "hedged", "unconfirmed")
SOURCE_TYPES = ("person", "organization", "document", "anonymous", "unnamed", "media", "author")
ARTICLE_SUFFIXES = config.TEXT_SUFFIXES | config.HTML_SUFFIXES


@dataclass(frozen=True)
class CorpusItem:
    """One article of a corpus: a file, or a text from a JSONL line or a CSV row."""

    article_id: str
    source: str
    path: str | None = None
    text: str | None = None


def iter_items(source: str | Path, *, text_column: str = "text", id_column: str | None = None) -> Iterator[CorpusItem]:
    """The articles of a corpus, lazily: a folder of .txt/.html files (searched
    recursively, in sorted order; the id is the path inside the folder without its
    suffix; hidden files and a corpus's own documentation, README or LICENSE files,
    are left out), a JSONL file (one object per line with a text field), or a CSV with a text
    column (read in chunks). Ids come from ``id_column`` when given, else ``id``, else
    the line or row number.

    Raises:
        InputError: The corpus is missing, of an unknown kind, or lacks the text column.
    """
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES - {""}
                       and not any(part.startswith(".") for part in p.relative_to(path).parts)
                       and p.stem.lower() not in config.CORPUS_DOCUMENTATION_STEMS)  # fmt: skip
        for file in files:
            yield CorpusItem(file.relative_to(path).with_suffix("").as_posix(), str(file), path=str(file))
        return
    if not path.is_file():
        raise InputError(f"{source}: no such folder or file")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError:
                    yield CorpusItem(f"line-{number}", f"{path}:{number}", text="")  # lands in errors
                    continue
                key = record.get(id_column or "id", f"line-{number}")
                yield CorpusItem(str(key), f"{path}:{number}", text=str(record.get(text_column) or ""))
        return
    if suffix == ".csv":
        row = 0
        for chunk in pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=500):
            if text_column not in chunk.columns:
                raise InputError(f"{source}: no column {text_column!r} (have: {', '.join(chunk.columns)})")
            for record in chunk.to_dict("records"):
                row += 1
                key = record.get(id_column or "id") or f"row-{row}"
                yield CorpusItem(str(key), f"{path}:row {row}", text=record[text_column])
        return
    raise InputError(f"{source}: a corpus is a folder of .txt/.html files, a .jsonl file or a .csv file")


ARTICLE_COLUMNS = (
    "article_id", "source", "headline", "words", "body_sentences", *(f"share_{s}" for s in STATUSES),
    *(f"share_source_{t}" for t in SOURCE_TYPES), "anonymous_sources", "hedges_per_100_words", "warnings",
)  # fmt: skip
ERROR_COLUMNS = ("article_id", "source", "error")


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
                    if i in body_ids and kind in ("anonymous", "unnamed"))  # fmt: skip
    cues = result.cues
    hedges = sum(1 for kind, in_body in zip(cues["kind"].tolist(), cues["in_body"].tolist()) if in_body and kind == "hedge")
    row = {"article_id": article_id, "source": source, "headline": result.headline, "words": words, "body_sentences": len(body)}
    row.update({f"share_{s}": statuses.get(s, 0) / total for s in STATUSES})
    row.update({f"share_source_{t}": types.get(t, 0) / total for t in SOURCE_TYPES})
    row["anonymous_sources"] = anonymous
    row["hedges_per_100_words"] = 100 * hedges / max(words, 1)
    row["warnings"] = "; ".join(result.warnings) or None  # e.g. decoded as cp1252
    return row


def _read(item: CorpusItem):
    from .ingest import read_bytes, read_path

    if item.path is not None:
        return read_path(item.path)
    return read_bytes((item.text or "").encode("utf-8"), source=item.source, format="text")


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

    from .core import prepare

    global _FROZEN
    if _FROZEN:
        return
    prepare(nlp)
    gc.collect()
    gc.freeze()
    _FROZEN = True


def _init_worker(model: str | None) -> None:
    global _NLP
    from .nlp import load_nlp

    _NLP = load_nlp(model)
    _freeze_loaded(_NLP)


def analyze_batch(items: list[CorpusItem], *, nlp=None, batch_size: int = 8) -> list[tuple[str, dict | None, dict | None]]:
    """Analyse a batch: ``(article_id, tables, error)`` per item, in order.

    ``tables`` maps each contract table to the article's DataFrame (for the tables no
    rule reads back, :data:`~analysis.core.Analysis.LAZY_TABLES`, its
    :class:`~analysis.schema.TableColumns`, whose ``frame()`` is the DataFrame), and
    ``articles`` to its row (a dict); ``error`` is the ``errors`` row of an article that
    failed. The ``article_id`` column is added when the batch is written (see :func:`_store`).
    """
    from .core import prepare
    from .nlp import load_nlp

    nlp = nlp or _NLP or load_nlp()
    prepare(nlp)
    outcomes: dict[int, tuple[str, dict | None, dict | None]] = {}
    readable = []
    for index, item in enumerate(items):
        try:
            readable.append((index, item, _read(item)))
        except InputError as error:
            outcomes[index] = (item.article_id, None, {"article_id": item.article_id, "source": item.source, "error": str(error)})
    warmed = _WARMED.get(nlp, 0)
    if warmed < config.CORPUS_WARM_CHARS:
        # One of this process's first batches: its words are kept (see CORPUS_WARM_CHARS).
        _WARMED[nlp] = warmed + sum(len(article.text) for _, _, article in readable)
        outcomes.update(_analyze_readable(readable, nlp=nlp, batch_size=batch_size))
    else:
        with nlp.memory_zone():  # strings and lexemes of this batch's words are freed after it
            outcomes.update(_analyze_readable(readable, nlp=nlp, batch_size=batch_size))
    return [outcomes[i] for i in range(len(items))]


def _analyze_readable(readable: list, *, nlp, batch_size: int) -> dict[int, tuple[str, dict, None]]:
    from .core import analyze_articles

    results = analyze_articles([article for _, _, article in readable], nlp=nlp, batch_size=batch_size)
    # Consumed here, inside the caller's memory zone: the tables hold plain strings only.
    return {index: (item.article_id, {**{name: result.table_source(name) for name in TABLES},
                                      "articles": article_row(item.article_id, item.source, result)}, None)
            for (index, item, _), result in zip(readable, results)}  # fmt: skip


def _arrow_column(parts: list[pd.Series]):
    """One Arrow column from the same column of one or more frames, in order. Lists and
    None stay lists and nulls (object columns, through their plain values); NumPy columns
    (integers, floats with NaN as null, booleans) are joined into one array first; Arrow
    strings and nullable integers are taken as pandas holds them, without copying (each
    conversion has a fixed cost, and a batch has many short parts)."""
    from .export import _plain

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
    # No column statistics: parts are read back whole at assembly, which writes them.
    pq.write_table(_to_arrow(frame) if isinstance(frame, pd.DataFrame) else frame, tmp, write_statistics=False)
    os.replace(tmp, folder / name)


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
    from .export import _plain

    if dtype in NUMPY_DTYPES:
        return pa.array(np.concatenate([column_array(part, dtype) for part in parts]), from_pandas=True)
    values = [v for part in parts for v in (part.tolist() if isinstance(part, np.ndarray) else part)]
    if dtype == "object":
        return pa.array([_plain(v) for v in values], from_pandas=True)
    return pa.array(column_array(values, dtype))  # the DataFrames' own column (Arrow strings, nullable integers)


def _done_ids(out: Path) -> set[str]:
    done = out / "done.txt"
    return set(done.read_text(encoding="utf-8").splitlines()) if done.exists() else set()


def _batches(items: Iterable[CorpusItem], size: int) -> Iterator[list[CorpusItem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _store(out: Path, outcomes: list[tuple[str, dict | None, dict | None]]) -> None:
    """Write one batch's parts, then mark its ids done (in that order: a crash between
    the two only makes the batch run again; its parts are then replaced at assembly)."""
    analysed = [(article_id, tables) for article_id, tables, _ in outcomes if tables is not None]
    if analysed:
        ids = [article_id for article_id, _ in analysed]
        for table in TABLES:
            _write_part(out, table, _batch_table([tables[table] for _, tables in analysed], ids))
        _write_part(out, "articles", pd.DataFrame([tables["articles"] for _, tables in analysed]))
    _write_part(out, "errors", pd.DataFrame([error for _, _, error in outcomes if error is not None]))
    with (out / "done.txt").open("a", encoding="utf-8") as done:
        done.write("".join(f"{article_id}\n" for article_id, _, _ in outcomes))
        done.flush()
        os.fsync(done.fileno())


def _assemble(out: Path) -> dict[str, int]:
    """Join each table's parts into ``OUT/<table>.parquet`` and ``.csv``, part by part.
    Rows of an article written twice (a batch rerun after a crash) are kept once."""
    counts = {}
    for table in CORPUS_TABLES:
        parts = sorted((out / "parts" / table).glob("part-*.parquet")) if (out / "parts" / table).exists() else []
        schemas = [pq.read_schema(p) for p in parts]
        # No parts (no errors, say): the table is still written, empty, with its columns.
        schema = pa.unify_schemas(schemas, promote_options="permissive") if schemas else _empty_schema(table)
        csv_schema = pa.schema([(f.name, pa.large_string()) if _is_list(f.type) else f for f in schema])
        seen: set[str] = set()
        rows = 0
        parquet_tmp, csv_tmp = out / f".{table}.parquet.tmp", out / f".{table}.csv.tmp"
        csv_writer = pacsv.CSVWriter(csv_tmp, csv_schema, write_options=CSV_OPTIONS)
        with pq.ParquetWriter(parquet_tmp, schema) as writer, csv_writer as csv:
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
                csv.write_table(_lists_as_json(data, csv_schema))
                rows += data.num_rows
        os.replace(parquet_tmp, out / f"{table}.parquet")
        os.replace(csv_tmp, out / f"{table}.csv")
        counts[table] = rows
    return counts


#: The corpus CSVs, written by Arrow: a header of bare column names, then every text
#: value quoted, so an empty text ("") and a missing one (an empty cell) differ.
CSV_OPTIONS = pacsv.WriteOptions(quoting_header="none")


def _is_list(arrow_type) -> bool:
    return pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type)


def _lists_as_json(data, csv_schema):
    """A part as its CSV holds it: list columns as JSON text (``["may", "could"]``, a
    missing list as ``null``), as in the single-article CSVs, so they read back unambiguously."""
    columns = []
    for name, column in zip(data.column_names, data.columns):
        if _is_list(column.type):
            column = pa.array([json.dumps(v, ensure_ascii=False) for v in column.to_pylist()], pa.large_string())
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=csv_schema)


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


def _analyze_batch_with_model(items: list[CorpusItem], model: str | None) -> list:
    """The per-batch function as a Dask task: each worker process loads spaCy once."""
    from .nlp import load_nlp

    return analyze_batch(items, nlp=load_nlp(model))


def _dask_batches(batches: Iterator[list[CorpusItem]], *, jobs: int, scheduler: str | None, model: str | None):
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
            pending.append(client.submit(_analyze_batch_with_model, batch, model, pure=False))
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
) -> dict[str, int]:
    """Analyse every article of a corpus into ``out_dir``; resumes where a previous run stopped.

    Args:
        source: A folder, a .jsonl or a .csv file (see :func:`iter_items`).
        out_dir: The output folder (created).
        jobs: Worker processes (each loads spaCy once).
        batch_size: Articles per batch: the unit of parsing, of writing and of resuming.
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

    Returns:
        Rows per output table.
    """
    from tqdm import tqdm

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    done = _done_ids(out)

    def items() -> Iterator[CorpusItem]:
        chosen = iter_items(source, text_column=text_column, id_column=id_column)
        if per_group is not None:
            chosen = _first_per_group(chosen, per_group)
        return (item for item in chosen if item.article_id not in done)

    total = sum(1 for _ in items())
    todo = items()
    bar = tqdm(total=total, unit="article", disable=not progress, desc="corpus", smoothing=0.1)
    try:
        if engine == "dask":
            for outcomes in _dask_batches(_batches(todo, batch_size), jobs=jobs, scheduler=scheduler, model=model):
                _store(out, outcomes)
                bar.update(len(outcomes))
        elif jobs <= 1:
            from .nlp import load_nlp

            nlp = load_nlp(model)
            if freeze_gc:
                _freeze_loaded(nlp)
            for batch in _batches(todo, batch_size):
                _store(out, analyze_batch(batch, nlp=nlp))
                bar.update(len(batch))
        else:
            import multiprocessing

            context = multiprocessing.get_context("spawn")  # no fork of a loaded pipeline
            with context.Pool(jobs, initializer=_init_worker, initargs=(model,)) as pool:
                for outcomes in pool.imap(analyze_batch, _batches(todo, batch_size)):
                    _store(out, outcomes)
                    bar.update(len(outcomes))
    finally:
        bar.close()
    try:
        return _assemble(out)
    except OSError as error:
        raise AnalysisError(f"cannot write the corpus tables to {out}: {error}") from None
