"""``run_corpus``: one locked run over a corpus, resuming where the last stopped."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from analysis.corpus.inputs import CorpusItem, _first_per_group, _unique_ids, _with_ids, iter_items
from analysis.corpus.store import _assemble, _done_ids, _mend_done_log
from analysis.corpus.workers import _run_batches
from analysis.errors import InputError


@contextmanager
def _only_run(out: Path) -> Iterator[None]:
    """Hold ``out`` for this run: one run per output folder. The lock is the kernel's
    (flock), so a run that dies leaves nothing stuck; a second run refuses at once
    rather than redo the first's work.

    Raises:
        InputError: Another run holds ``out``.
    """
    from filelock import FileLock, Timeout

    lock = FileLock(out / ".lock", timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise InputError(f"{out} is in use by another corpus run (it holds {out / '.lock'}); "
                         "wait for that run to finish, or give another --out") from None  # fmt: skip
    try:
        yield
    finally:
        lock.release()


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
    from analysis.presenting.export import output_folder

    out = output_folder(out_dir, hint=" (new or from an earlier run)")

    # Made ids (``line-2`` of a bad line) that a record's own id also is get another.
    renamed = _unique_ids(iter_items(source, text_column=text_column, id_column=id_column), source)

    def chosen() -> Iterator[CorpusItem]:
        items = _with_ids(iter_items(source, text_column=text_column, id_column=id_column), renamed)
        return _first_per_group(items, per_group) if per_group is not None else items

    out.mkdir(parents=True, exist_ok=True)
    with _only_run(out):
        _mend_done_log(out)  # a run killed mid-write left a torn last line: its articles run again
        done = _done_ids(out)
        total = sum(1 for item in chosen() if item.article_id not in done)
        todo = (item for item in chosen() if item.article_id not in done)
        # Every worker gets work even when the corpus is small: at most an equal share per batch.
        size = max(1, min(batch_size, -(-total // max(jobs, 1))))
        _run_batches(todo, out, total=total, size=size, jobs=jobs, model=model, engine=engine, scheduler=scheduler,
                     progress=progress, freeze_gc=freeze_gc, hedge_domain=hedge_domain)  # fmt: skip
        counts = _assemble(out)
    counts["analysed"] = total
    return counts
