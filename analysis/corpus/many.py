"""``analyze_many``: many articles analysed in memory, their tables in one place.

What it gives: a :class:`ManyAnalyses` holding each article's
:class:`~analysis.core.Analysis` and, as pandas DataFrames, every table of one analysis
(``sentences``, ``attributions``, ``entities`` ...) for all the articles together with
``article_id`` as the first column; the ``articles`` table of a corpus run (one row
per article) and its ``errors`` table (one row per article that could not be
analysed, with the stage and the reason).

How: the same reading, batching and per-batch analysis as a corpus run
(:func:`~analysis.corpus.workers.batch_outcomes`), keeping each analysis instead of
writing its tables to disk. For thousands of articles, or a Dask cluster, a corpus run
(``python -m analysis corpus``) keeps memory flat; this is for the tens or hundreds an
analyst explores in JupyterLab.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.core import Analysis
from analysis.corpus.inputs import CorpusItem, _printable, _unique_ids, _with_ids, iter_items
from analysis.corpus.summary import ARTICLE_COLUMNS, ERROR_COLUMNS
from analysis.corpus.workers import batch_outcomes
from analysis.errors import InputError
from analysis.schema import TABLES, empty_table

__all__ = ["ManyAnalyses", "analyze_many"]

#: Folder, JSON Lines or CSV corpora, as a corpus run reads them.
_CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".csv")


class ManyAnalyses:
    """Many articles' analyses, and their tables together.

    Attributes:
        analyses: ``{article_id: Analysis}``, in input order.
        articles: One row per analysed article (headline, words, shares by status and
            source type...), as a corpus run's ``articles`` table.
        errors: One row per article that could not be analysed: ``article_id``,
            ``source``, ``stage``, ``error_type``, ``error``.

    Every table of :class:`~analysis.core.Analysis` (``sentences``, ``tokens``,
    ``cues``, ``entities``, ``attributions``, ``quotes``, ``numbers``, ``dates``,
    ``findings``, ``paragraphs``) and its views (``body_sentences``, ``sources``,
    ``claim_shares``, ``entity_summary``, ``entity_pairs``) is an attribute here too:
    one DataFrame for all the articles, ``article_id`` first, built when first read.
    Iterating gives the single analyses; ``many["bbc/001"]`` is one of them.
    """

    TABLE_NAMES = Analysis.TABLE_NAMES
    VIEW_NAMES = ("body_sentences", *Analysis.VIEW_NAMES)

    def __init__(self, analyses: Mapping[str, Analysis], *, articles: pd.DataFrame | None = None,
                 errors: pd.DataFrame | None = None) -> None:  # fmt: skip
        self.analyses: dict[str, Analysis] = dict(analyses)
        self.articles = articles if articles is not None else pd.DataFrame(columns=list(ARTICLE_COLUMNS))
        self.errors = errors if errors is not None else pd.DataFrame(columns=list(ERROR_COLUMNS))
        self._combined: dict[str, pd.DataFrame] = {}

    def _table(self, name: str) -> pd.DataFrame:
        if name not in self._combined:
            self._combined[name] = _combine(name, self.analyses)
        return self._combined[name]

    def _property(name: str):  # noqa: N805 -- builds the properties below
        def read(self) -> pd.DataFrame:
            return self._table(name)

        return property(read, doc=f"The ``{name}`` table of every article, ``article_id`` first.")

    for _name in (*TABLES, "body_sentences", *Analysis.VIEW_NAMES):
        locals()[_name] = _property(_name)
    del _name, _property

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The contract's tables by name, each for all the articles."""
        return {name: self._table(name) for name in TABLES}

    @property
    def ids(self) -> list[str]:
        """The analysed articles' ids, in input order."""
        return list(self.analyses)

    def subset(self, article_ids: Iterable[str]) -> ManyAnalyses:
        """These articles only, in the order given (say, all but one, to compare one
        outlet's words against the others' with :func:`analysis.keyness`)."""
        chosen = [article_id for article_id in article_ids]
        missing = [article_id for article_id in chosen if article_id not in self.analyses]
        if missing:
            raise KeyError(f"no article with the id {missing[0]!r} (have: {', '.join(self.ids[:5])}{'...' if len(self) > 5 else ''})")
        return ManyAnalyses({article_id: self.analyses[article_id] for article_id in chosen},
                            articles=self.articles[self.articles["article_id"].isin(chosen)].reset_index(drop=True),
                            errors=self.errors.iloc[0:0])  # fmt: skip

    def __iter__(self) -> Iterator[Analysis]:
        return iter(self.analyses.values())

    def __len__(self) -> int:
        return len(self.analyses)

    def __getitem__(self, key: str | int) -> Analysis:
        """One article's analysis, by id or by position."""
        if isinstance(key, int):
            return list(self.analyses.values())[key]
        return self.analyses[key]

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.analyses

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(TABLES) | set(self.VIEW_NAMES))

    def __repr__(self) -> str:
        failed = f", {len(self.errors)} failed (see .errors)" if len(self.errors) else ""
        return f"<ManyAnalyses of {len(self)} article{'s' if len(self) != 1 else ''}{failed}>"


def _combine(name: str, analyses: Mapping[str, Analysis]) -> pd.DataFrame:
    """Table or view ``name`` of every analysis in one DataFrame, ``article_id`` first."""
    ids, frames = [], []
    template = None
    for article_id, result in analyses.items():
        frame = getattr(result, name)
        template = frame if template is None else template
        if len(frame):
            ids.append(article_id)
            frames.append(frame)
    if not frames:
        empty = (template if template is not None else empty_table(name) if name in TABLES else pd.DataFrame()).iloc[0:0].copy()
        empty.insert(0, "article_id", pd.Series([], dtype=object))
        return empty
    combined = pd.concat(frames, ignore_index=True)
    combined.insert(0, "article_id", np.repeat(np.array(ids, dtype=object), [len(f) for f in frames]))
    return combined


def _unique(names: list[str]) -> list[str]:
    """``names`` made unique in order: a repeat takes ``-2``, ``-3`` ..."""
    taken: set[str] = set()
    out = []
    for name in names:
        candidate, n = name, 2
        while candidate in taken:
            candidate, n = f"{name}-{n}", n + 1
        taken.add(candidate)
        out.append(candidate)
    return out


def _items(sources, *, text_column: str, id_column: str | None) -> list[CorpusItem]:
    """The articles ``sources`` names, as corpus items with unique ids."""
    from analysis.reading.ingest import names_a_file

    if isinstance(sources, (str, Path)):
        path = Path(sources)
        is_path = isinstance(sources, Path) or names_a_file(str(sources)) or _is_dir(path)
        if is_path and (_is_dir(path) or path.suffix.lower() in _CORPUS_SUFFIXES):
            items = list(iter_items(path, text_column=text_column, id_column=id_column))
            return list(_with_ids(items, _unique_ids(items, path)))
        if isinstance(sources, Path) and not path.suffix and not path.exists():
            raise InputError(f"{sources}: no such folder or file")
        sources = [sources]
    pairs = list(sources.items()) if isinstance(sources, Mapping) else [(None, s) for s in sources]
    # Each source once: a file, a text, or neither (a file check reads the disk).
    kinds = ["file" if isinstance(source, Path) or (isinstance(source, str) and names_a_file(source))
             else "text" if isinstance(source, str) else "other" for _, source in pairs]  # fmt: skip
    stems = []
    for n, ((given, source), kind) in enumerate(zip(pairs, kinds), 1):
        if given is not None:
            stems.append(str(given))
        elif kind == "file":
            parent = Path(source).parent.name
            stems.append(f"{parent}/{Path(source).stem}" if parent else Path(source).stem)
        else:
            stems.append(f"{'text' if kind == 'text' else 'item'}-{n}")
    if isinstance(sources, Mapping):
        ids = stems
    else:
        # A file's id is its stem; its folder only where two files share a stem.
        short = [s.rsplit("/", 1)[-1] for s in stems]
        repeated = {s for s in short if short.count(s) > 1}
        ids = _unique([s if s.rsplit("/", 1)[-1] in repeated else s.rsplit("/", 1)[-1] for s in stems])
    items = []
    for n, ((_, source), kind, article_id) in enumerate(zip(pairs, kinds, ids), 1):
        article_id = _printable(article_id)
        if kind == "file":
            items.append(CorpusItem(article_id, _printable(str(source)), path=str(source)))
        elif kind == "text":
            items.append(CorpusItem(article_id, f"<text {n}>", text=source))
        else:
            items.append(CorpusItem(article_id, f"<item {n}>",
                                    error=f"item {n} is {type(source).__name__}, not a path or an article's text"))  # fmt: skip
    return list(_with_ids(items, _unique_ids(items, "the articles given")))


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def analyze_many(
    sources: str | Path | Iterable[str | Path] | Mapping[str, str | Path],
    *,
    jobs: int = 1,
    progress: bool = True,
    batch_size: int = 32,
    model: str | None = None,
    hedge_domain: str | None = None,
    text_column: str = "text",
    id_column: str | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> ManyAnalyses:
    """Analyse many articles in memory; their tables come together, ``article_id`` first.

    Args:
        sources: A folder of .txt/.html files, a .jsonl or .csv corpus (as
            ``python -m analysis corpus`` reads them), or a list of paths and texts, or
            a dict ``{article_id: path or text}``. A file's id is its name without the
            suffix (with its folder where two share a name; inside a folder, its path
            there); a text's is ``text-1``, ``text-2``...
        jobs: Worker processes (each loads spaCy once; 1 analyses here).
        progress: Show a progress bar (on stderr).
        batch_size: Articles parsed together.
        model: A spaCy model name (default: the usual search).
        hedge_domain: ``news`` (default), ``bio`` or ``wiki`` (see :func:`analysis.analyze`).
        text_column, id_column: For JSONL and CSV corpora.
        engine, scheduler: ``local`` or ``dask``, as for a corpus run.

    Returns:
        A :class:`ManyAnalyses`. An article that cannot be analysed (a missing file, an
        empty text, a record with no text) is a row of its ``errors``, never an
        exception: the others are analysed all the same.

    Raises:
        InputError: The corpus cannot be read at all (a missing folder, a CSV without
            the text column) or two articles share an id.
    """
    items = _items(sources, text_column=text_column, id_column=id_column)
    size = max(1, min(batch_size, -(-len(items) // max(jobs, 1))))
    analyses: dict[str, Analysis] = {}
    rows, errors = [], []
    for outcomes in batch_outcomes(iter(items), total=len(items), size=size, jobs=jobs, model=model, engine=engine,
                                   scheduler=scheduler, progress=progress, freeze_gc=False, hedge_domain=hedge_domain,
                                   keep="analysis", desc="analyse"):  # fmt: skip
        for article_id, kept, error in outcomes:
            if error is not None:
                errors.append(error)
            else:
                analyses[article_id] = kept["analysis"]
                rows.append(kept["articles"])
    return ManyAnalyses(
        analyses,
        articles=pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS)),
        errors=pd.DataFrame(errors, columns=list(ERROR_COLUMNS)),
    )
