"""Corpus throughput and memory on the BBC articles: the full analysis against a bare parse.

For the first N articles (default: all 2,225) it prints:

- a bare spaCy ``nlp.pipe`` parse of the same texts in a fresh process (spaCy's own
  pipeline, as ``spacy.load`` gives it: ``load_nlp(array_pipes=False)``), timed before and
  after the one-process corpus run (this machine's speed drifts by 10-15% over minutes,
  so the ratio divides by the mean of the two);
- ``python -m analysis corpus`` with 1 and with 2 processes (fresh processes, fresh
  output folders, start-up and writing included): seconds, articles and words per
  second, and the peak resident memory of any one process (goal flat: the same at 200
  articles as at 2,225, under 1.5 GB per process), with the largest seen by the time
  200, 500, 1,000 and all articles were analysed, and during the final assembly
  (sampled twice a second during the same run);
- the ratio of the one-process run to the bare parse, end to end (goal at most 1.3x);
- the same ratio measured interleaved, on an even sample of at most 900 of the
  articles (enough to cover both each process's first 1,000,000 characters, analysed
  outside a memory zone, and the batches after them): two processes, one doing the bare parse of a batch's texts, the other the
  corpus command's own work on the same batch (reading, parsing, rules and every table,
  its Parquet parts written), taking turns batch by batch, then the final Parquet and
  CSV assembly. Taking turns puts both under the same machine speed, so this figure is
  steady from run to run; it leaves out only process start-up.

    .venv/bin/python benchmarks/corpus_throughput.py [BBC_DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lib.benchmarking import data_path, record_results

CHILD_PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""
CHECKPOINTS = (200, 500, 1000)
INTERLEAVED_ARTICLES = 900


def _largest_rss_mb(wrapper) -> float:
    """The resident memory (MB) of the largest process under ``wrapper`` right now."""
    import psutil  # installed with dask's distributed

    largest = 0
    for process in wrapper.children(recursive=True):
        try:
            largest = max(largest, process.memory_info().rss)
        except psutil.Error:  # a process that ended meanwhile
            continue
    return largest / 2**20


def run_measured(command: list[str], done_file: Path) -> tuple[float, float, float, list[tuple[int | str, float]]]:
    """Seconds, CPU seconds (user and system, of every process the command started),
    peak RSS (MB) of the largest process it started, and how
    memory went as the run went on: ``(articles done, largest RSS now)`` sampled twice a
    second (articles done: the lines of the run's ``done.jsonl``; ``"assembly"`` once the
    final tables are being written, seen by their temporary files in the output folder)."""
    import psutil

    started = time.perf_counter()
    wrapper = subprocess.Popen([sys.executable, "-c", CHILD_PEAK, *command], stdout=subprocess.PIPE, text=True)
    watched, curve = psutil.Process(wrapper.pid), []
    assembling = False
    while wrapper.poll() is None:
        rss = _largest_rss_mb(watched)
        assembling = assembling or any(done_file.parent.glob(".*.tmp"))
        done = done_file.read_bytes().count(b"\n") if done_file.exists() else 0
        curve.append(("assembly" if assembling else done, rss))
        time.sleep(0.5)
    output = wrapper.stdout.read()
    if wrapper.returncode:
        raise SystemExit(f"the corpus run failed (exit {wrapper.returncode}): {' '.join(command)}")
    peak_kb, cpu = output.split()
    return time.perf_counter() - started, float(cpu), int(peak_kb) / 1024, curve


def memory_by_articles(curve: list[tuple[int | str, float]], total: int) -> dict[str, int]:
    """The largest RSS seen by the time 200, 500, 1,000 and all articles were analysed,
    and during the final assembly of the tables."""
    marks = [n for n in CHECKPOINTS if n < total] + [total]
    analysing = [(done, rss) for done, rss in curve if done != "assembly"]
    by_articles = {str(n): round(max((rss for done, rss in analysing if done <= n), default=0)) for n in marks}
    by_articles["assembly"] = round(max((rss for done, rss in curve if done == "assembly"), default=0))
    return by_articles


def bare_parse(files: list[Path]) -> tuple[float, float]:
    """Seconds and CPU seconds of a bare ``nlp.pipe`` parse of the files' texts by
    spaCy's own pipeline, in a fresh process, after the model is loaded and the texts are read."""
    code = (
        "import sys, time\nfrom analysis.parse.nlp import load_nlp\nnlp = load_nlp(array_pipes=False)\n"
        "texts = [open(p, encoding='utf-8', errors='replace').read() for p in sys.argv[1:]]\n"
        "t, c = time.perf_counter(), time.process_time()\nfor _ in nlp.pipe(texts, batch_size=32): pass\n"
        "print(time.perf_counter() - t, time.process_time() - c)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, *map(str, files)], check=True, capture_output=True, text=True)
    seconds, cpu = result.stdout.split()
    return float(seconds), float(cpu)


def _bare_side(conn, paths: list[str]) -> None:
    """One process: a bare ``nlp.pipe`` parse of each batch it is sent, timed."""
    from analysis.parse.nlp import load_nlp

    nlp = load_nlp(array_pipes=False)  # spaCy's own pipeline, as spacy.load gives it
    texts = [open(p, encoding="utf-8", errors="replace").read() for p in paths]
    conn.send("ready")
    while (batch := conn.recv()) is not None:
        started = time.perf_counter()
        for _ in nlp.pipe([texts[i] for i in batch], batch_size=32):
            pass
        conn.send(time.perf_counter() - started)


def _corpus_side(conn, paths: list[str], out: str) -> None:
    """One process: the corpus command's work on each batch it is sent (read, parse,
    rules, every table, Parquet parts written), timed; at the end, the assembly."""
    from analysis.corpus import CorpusItem, analyze_batch
    from analysis.corpus.store import _assemble, _store
    from analysis.corpus.workers import _freeze_loaded
    from analysis.parse.nlp import load_nlp

    nlp = load_nlp()
    _freeze_loaded(nlp)  # as the corpus command does
    items = [CorpusItem(str(n), p, path=p) for n, p in enumerate(paths)]
    conn.send("ready")
    while (batch := conn.recv()) is not None:
        started = time.perf_counter()
        _store(Path(out), analyze_batch([items[i] for i in batch], nlp=nlp))
        conn.send(time.perf_counter() - started)
    started = time.perf_counter()
    _assemble(Path(out))
    conn.send(time.perf_counter() - started)


def interleaved(files: list[Path], *, batch_size: int = 32) -> tuple[float, float, float]:
    """Seconds of the bare parse, of the corpus work per batch, and of the assembly, with
    the two sides in two processes of their own taking turns batch by batch (which goes
    first alternates), so both run at the same machine speed and neither warms the
    other's vocabulary or tokenizer cache."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    paths = list(map(str, files))
    with tempfile.TemporaryDirectory() as out:
        sides = {}
        for name, target, args in (("bare", _bare_side, (paths,)), ("corpus", _corpus_side, (paths, out))):
            parent, child = context.Pipe()
            process = context.Process(target=target, args=(child, *args))
            process.start()
            sides[name] = (parent, process)
        for parent, _ in sides.values():
            parent.recv()  # loaded
        totals = {"bare": 0.0, "corpus": 0.0}
        for n, start in enumerate(range(0, len(paths), batch_size)):
            batch = list(range(start, min(start + batch_size, len(paths))))
            for name in ("bare", "corpus") if n % 2 == 0 else ("corpus", "bare"):
                sides[name][0].send(batch)
                totals[name] += sides[name][0].recv()
        for parent, _ in sides.values():
            parent.send(None)
        assemble = sides["corpus"][0].recv()
        for _, process in sides.values():
            process.join()
    return totals["bare"], totals["corpus"], assemble


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", help="the BBC folder (section folders of .txt files)")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args(argv)
    folder = data_path(args.data, "bbc")
    files = sorted(folder.rglob("*.txt"))
    files = [f for f in files if f.name.lower() != "readme.txt"][: args.limit]
    words = sum(len(f.read_bytes().split()) for f in files)
    figures = {"articles": len(files), "words": words}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        for f in files:
            target = corpus / f.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, target)
        before, before_cpu = bare_parse(files)
        print(f"{len(files)} articles, {words:,} words; bare nlp.pipe parse {before:.1f} s ({before_cpu:.1f} s CPU)")
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}"
            seconds, cpu, peak, curve = run_measured([sys.executable, "-m", "analysis", "corpus", str(corpus), "--out", str(out),
                                                 "--jobs", str(jobs), "--no-progress"], out / "done.jsonl")  # fmt: skip
            by_articles = memory_by_articles(curve, len(files))
            figures[f"jobs {jobs}"] = {"seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1), "articles_per_second": round(len(files) / seconds, 2),
                                       "words_per_second": round(words / seconds), "peak_rss_mb": round(peak),
                                       "rss_mb_by_articles_done": by_articles}  # fmt: skip
            print(f"--jobs {jobs}: {seconds:.1f} s ({cpu:.1f} s CPU, all processes), {len(files) / seconds:.1f} articles/s, {words / seconds:,.0f} words/s, "
                  f"peak RSS of one process {peak:.0f} MB")  # fmt: skip
            print("  largest RSS of one process by articles done (sampled): "
                  + ", ".join(f"{n}: {mb} MB" for n, mb in by_articles.items()))  # fmt: skip
            if jobs == 1:
                after, after_cpu = bare_parse(files)
                print(f"bare nlp.pipe parse again, after the one-process run: {after:.1f} s ({after_cpu:.1f} s CPU)")
    parse_seconds, parse_cpu = (before + after) / 2, (before_cpu + after_cpu) / 2
    ratio = figures["jobs 1"]["seconds"] / parse_seconds
    cpu_ratio = figures["jobs 1"]["cpu_seconds"] / parse_cpu
    figures["bare_parse_seconds"] = {"before": round(before, 1), "after": round(after, 1), "mean": round(parse_seconds, 1)}
    figures["bare_parse_cpu_seconds"] = {"before": round(before_cpu, 1), "after": round(after_cpu, 1), "mean": round(parse_cpu, 1)}
    figures["end_to_end_over_parse"] = round(ratio, 2)
    figures["end_to_end_cpu_over_parse_cpu"] = round(cpu_ratio, 2)
    print(f"end to end: one-process corpus run (start-up, reading, writing Parquet and CSV included) / bare parse: "
          f"{ratio:.2f}x in seconds, {cpu_ratio:.2f}x in CPU seconds (goal at most 1.3x)")  # fmt: skip
    # Evenly over the whole corpus (its first batches run outside a memory zone, the rest inside).
    n = min(INTERLEAVED_ARTICLES, len(files))
    sample = [files[k * len(files) // n] for k in range(n)]
    bare, work, assemble = interleaved(sample)
    figures["interleaved"] = {"articles": len(sample), "bare_parse_seconds": round(bare, 1), "corpus_seconds": round(work, 1),
                              "assemble_seconds": round(assemble, 1), "ratio": round((work + assemble) / bare, 2)}  # fmt: skip
    print(f"interleaved (two processes taking turns), {len(sample)} of the articles: bare parse {bare:.1f} s; corpus batches "
          f"(read, parse, rules, tables, parts written) {work:.1f} s; assembly {assemble:.1f} s; "
          f"ratio {(work + assemble) / bare:.2f}x (goal at most 1.3x)")  # fmt: skip
    record_results(f"corpus_throughput_{len(files)}", figures, command=f"python benchmarks/corpus_throughput.py --limit {len(files)}")


if __name__ == "__main__":
    main()
