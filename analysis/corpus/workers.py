"""Where a corpus is analysed: in this process, a pool of worker processes each loading spaCy once, or Dask workers."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

from analysis import config
from analysis.corpus.inputs import CorpusItem, _batches, _read
from analysis.corpus.store import _store
from analysis.corpus.summary import article_row, error_row
from analysis.errors import AnalysisError
from analysis.schema import TABLES


_NLP = None

#: What :func:`analyze_batch` keeps of each article: its tables (a corpus run, written to
#: disk) or its whole analysis (:func:`~analysis.corpus.many.analyze_many`, in memory).
KEEP = ("tables", "analysis")


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
    hedge_domain: str | None = None, keep: str = "tables",
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

    With ``keep="analysis"`` (:func:`~analysis.corpus.many.analyze_many`, which keeps
    the articles in memory) ``tables`` holds the whole
    :class:`~analysis.core.Analysis` under ``analysis`` beside the ``articles`` row, and
    the batch is not run in a memory zone: its Docs outlive it.
    """
    if keep not in KEEP:
        raise ValueError(f"keep must be one of {', '.join(KEEP)}, not {keep!r}")
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
    if keep == "analysis":
        outcomes.update(_analyze_readable(readable, nlp=nlp, batch_size=batch_size, done=done, hedge_domain=hedge_domain, keep=keep))
    elif warmed < config.CORPUS_WARM_CHARS:
        # One of this process's first batches: its words are kept (see CORPUS_WARM_CHARS).
        _WARMED[nlp] = warmed + sum(len(article.text) for _, _, article in readable)
        outcomes.update(_analyze_readable(readable, nlp=nlp, batch_size=batch_size, done=done, hedge_domain=hedge_domain))
    else:
        with nlp.memory_zone():  # strings and lexemes of this batch's words are freed after it
            outcomes.update(_analyze_readable(readable, nlp=nlp, batch_size=batch_size, done=done, hedge_domain=hedge_domain))
    return [outcomes[i] for i in range(len(items))]


def _analyze_readable(readable: list, *, nlp, batch_size: int, done: Callable[[], None], hedge_domain: str | None = None,
                      keep: str = "tables") -> dict[int, tuple]:
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
                kept = {"analysis": result} if keep == "analysis" else {name: result.table_source(name) for name in TABLES}
                tables = {**kept, "articles": article_row(item.article_id, item.source, result)}
                outcomes[index] = (item.article_id, tables, None)
            except Exception as error:  # noqa: BLE001 - this article's failure alone
                outcomes[index] = (item.article_id, None, error_row(item, "tables", error))
        done()
    return outcomes


def _analyze_batch_with_model(items: list[CorpusItem], model: str | None, hedge_domain: str | None = None,
                              keep: str = "tables") -> list:
    """The per-batch function as a Dask task: each worker process loads spaCy once."""
    from analysis.parse.nlp import load_nlp

    return analyze_batch(items, nlp=load_nlp(model), hedge_domain=hedge_domain, keep=keep)


def _dask_batches(batches: Iterator[list[CorpusItem]], *, jobs: int, scheduler: str | None, model: str | None,
                  hedge_domain: str | None = None, keep: str = "tables"):
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
            pending.append(client.submit(_analyze_batch_with_model, batch, model, hedge_domain, keep, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def batch_outcomes(todo: Iterator[CorpusItem], *, total: int, size: int, jobs: int, model: str | None, engine: str,
                   scheduler: str | None, progress: bool, freeze_gc: bool, hedge_domain: str | None = None,
                   keep: str = "tables", desc: str = "corpus") -> Iterator[list[tuple[str, dict | None, dict | None]]]:
    """Analyse ``todo`` in batches of ``size`` on the chosen engine (this process, a
    pool of ``jobs`` processes, or Dask), yielding each batch's outcomes (see
    :func:`analyze_batch`) in input order, with a progress bar on stderr. What a corpus
    run writes to disk and what :func:`~analysis.corpus.many.analyze_many` keeps in
    memory both come from here."""
    from tqdm import tqdm

    bar = tqdm(total=total, unit="article", disable=not progress, desc=desc, smoothing=0.1)
    try:
        if engine == "dask":
            for outcomes in _dask_batches(_batches(todo, size), jobs=jobs, scheduler=scheduler, model=model,
                                          hedge_domain=hedge_domain, keep=keep):  # fmt: skip
                bar.update(len(outcomes))
                yield outcomes
        elif jobs <= 1:
            from analysis.parse.nlp import load_nlp

            nlp = load_nlp(model)
            if freeze_gc:
                _freeze_loaded(nlp)
            for batch in _batches(todo, size):
                # The bar moves article by article, even when the corpus is one batch.
                yield analyze_batch(batch, nlp=nlp, on_article=lambda: bar.update(1), hedge_domain=hedge_domain, keep=keep)
        else:
            import multiprocessing

            context = multiprocessing.get_context("spawn")  # no fork of a loaded pipeline
            with context.Pool(jobs, initializer=_init_worker, initargs=(model,)) as pool:
                for outcomes in pool.imap(functools.partial(analyze_batch, hedge_domain=hedge_domain, keep=keep), _batches(todo, size)):
                    bar.update(len(outcomes))
                    yield outcomes
    finally:
        bar.close()


def _run_batches(todo: Iterator[CorpusItem], out: Path, *, total: int, size: int, jobs: int, model: str | None,
                 engine: str, scheduler: str | None, progress: bool, freeze_gc: bool, hedge_domain: str | None = None) -> None:  # fmt: skip
    """Analyse ``todo`` in batches of ``size`` on the chosen engine, storing each batch as it comes."""
    for outcomes in batch_outcomes(todo, total=total, size=size, jobs=jobs, model=model, engine=engine, scheduler=scheduler,
                                   progress=progress, freeze_gc=freeze_gc, hedge_domain=hedge_domain):  # fmt: skip
        _store(out, outcomes)
