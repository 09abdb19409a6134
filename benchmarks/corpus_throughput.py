"""Corpus throughput and memory on the BBC articles: the full analysis against a bare parse.

For the first N articles (default: all 2,225) it prints:

- a bare spaCy ``nlp.pipe`` parse of the same texts in a fresh process, timed before and
  after the one-process corpus run (this machine's speed drifts by 10-15% over minutes,
  so the ratio divides by the mean of the two);
- ``python -m analysis corpus`` with 1 and with 2 processes (fresh processes, fresh
  output folders, start-up and writing included): seconds, articles and words per
  second, and the peak resident memory of any one process (goal flat: the same at 200
  articles as at 2,225, under 1.5 GB per process), with the largest seen by the time
  200, 500 and 1,000 articles were done (sampled twice a second during the same run);
- the ratio of the one-process run to the bare parse, end to end (goal at most 1.3x);
- the same ratio measured interleaved in one process on an even sample of at most 300
  of the articles: batch by batch, the bare parse of a batch's texts, then the corpus's
  own work on the same batch (reading, parsing, rules and every table, its Parquet parts
  written), the two in turn first, then the final Parquet and CSV assembly. Alternating batch by batch puts
  both sides under the same machine speed, so this figure is steady from run to run;
  it leaves out only process start-up.

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

from analysis.benchmarking import data_path, record_results

CHILD_PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
CHECKPOINTS = (200, 500, 1000)


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


def run_measured(command: list[str], done_file: Path) -> tuple[float, float, list[tuple[int, float]]]:
    """Seconds and peak RSS (MB) of the largest process the command started, and how
    memory went as the run went on: ``(articles done, largest RSS so far)`` sampled
    twice a second (articles done: the lines of the run's ``done.txt``)."""
    import psutil

    started = time.perf_counter()
    wrapper = subprocess.Popen([sys.executable, "-c", CHILD_PEAK, *command], stdout=subprocess.PIPE, text=True)
    watched, highest, curve = psutil.Process(wrapper.pid), 0.0, []
    while wrapper.poll() is None:
        highest = max(highest, _largest_rss_mb(watched))
        done = done_file.read_bytes().count(b"\n") if done_file.exists() else 0
        curve.append((done, highest))
        time.sleep(0.5)
    output = wrapper.stdout.read()
    if wrapper.returncode:
        raise SystemExit(f"the corpus run failed (exit {wrapper.returncode}): {' '.join(command)}")
    return time.perf_counter() - started, int(output.strip()) / 1024, curve


def memory_by_articles(curve: list[tuple[int, float]], total: int) -> dict[str, int]:
    """The largest RSS seen by the time 200, 500, 1,000 and all articles were done."""
    marks = [n for n in CHECKPOINTS if n < total] + [total]
    return {str(n): round(max((rss for done, rss in curve if done <= n), default=0)) for n in marks}


def bare_parse(files: list[Path]) -> float:
    code = (
        "import sys, time\nfrom analysis.nlp import load_nlp\nnlp = load_nlp()\n"
        "texts = [open(p, encoding='utf-8', errors='replace').read() for p in sys.argv[1:]]\n"
        "t = time.perf_counter()\nfor _ in nlp.pipe(texts, batch_size=32): pass\nprint(time.perf_counter() - t)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, *map(str, files)], check=True, capture_output=True, text=True)
    return float(result.stdout.strip())


INTERLEAVED = """
import sys, tempfile, time
from pathlib import Path
from analysis.corpus import CorpusItem, _assemble, _store, analyze_batch
from analysis.nlp import load_nlp
nlp = load_nlp()
paths = sys.argv[1:]
items = [CorpusItem(str(n), p, path=p) for n, p in enumerate(paths)]
texts = [open(p, encoding="utf-8", errors="replace").read() for p in paths]
analyze_batch(items[:2], nlp=nlp)  # matchers and lexicons built, as at a run's start
bare = corpus = 0.0
with tempfile.TemporaryDirectory() as out:
    for n, i in enumerate(range(0, len(items), 32)):  # the corpus command's batch
        # Which side goes first alternates: the first warms the tokenizer's cache for the second.
        for side in ("bare", "corpus") if n % 2 == 0 else ("corpus", "bare"):
            t = time.perf_counter()
            if side == "bare":
                for _ in nlp.pipe(texts[i : i + 32], batch_size=32):
                    pass
                bare += time.perf_counter() - t
            else:
                _store(Path(out), analyze_batch(items[i : i + 32], nlp=nlp))
                corpus += time.perf_counter() - t
    t = time.perf_counter()
    _assemble(Path(out))
    assemble = time.perf_counter() - t
print(bare, corpus, assemble)
"""


def interleaved(files: list[Path]) -> tuple[float, float, float]:
    """Seconds of the bare parse, of the corpus work per batch, and of the final assembly,
    alternating batch by batch in one process (see the module docstring)."""
    result = subprocess.run([sys.executable, "-c", INTERLEAVED, *map(str, files)], check=True, capture_output=True, text=True)
    bare, corpus, assemble = map(float, result.stdout.split())
    return bare, corpus, assemble


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
        before = bare_parse(files)
        print(f"{len(files)} articles, {words:,} words; bare nlp.pipe parse {before:.1f} s")
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}"
            seconds, peak, curve = run_measured([sys.executable, "-m", "analysis", "corpus", str(corpus), "--out", str(out),
                                                 "--jobs", str(jobs), "--no-progress"], out / "done.txt")  # fmt: skip
            by_articles = memory_by_articles(curve, len(files))
            figures[f"jobs {jobs}"] = {"seconds": round(seconds, 1), "articles_per_second": round(len(files) / seconds, 2),
                                       "words_per_second": round(words / seconds), "peak_rss_mb": round(peak),
                                       "rss_mb_by_articles_done": by_articles}  # fmt: skip
            print(f"--jobs {jobs}: {seconds:.1f} s, {len(files) / seconds:.1f} articles/s, {words / seconds:,.0f} words/s, "
                  f"peak RSS of one process {peak:.0f} MB")  # fmt: skip
            print("  largest RSS of one process by articles done (sampled): "
                  + ", ".join(f"{n}: {mb} MB" for n, mb in by_articles.items()))  # fmt: skip
            if jobs == 1:
                after = bare_parse(files)
                print(f"bare nlp.pipe parse again, after the one-process run: {after:.1f} s")
    parse_seconds = (before + after) / 2
    ratio = figures["jobs 1"]["seconds"] / parse_seconds
    figures["bare_parse_seconds"] = {"before": round(before, 1), "after": round(after, 1), "mean": round(parse_seconds, 1)}
    figures["end_to_end_over_parse"] = round(ratio, 2)
    print(f"end to end: one-process corpus run (start-up, reading, writing Parquet and CSV included) / bare parse: "
          f"{ratio:.2f}x (goal at most 1.3x)")  # fmt: skip
    sample = files[:: max(1, len(files) // 300)][:300]
    bare, work, assemble = interleaved(sample)
    figures["interleaved"] = {"articles": len(sample), "bare_parse_seconds": round(bare, 1), "corpus_seconds": round(work, 1),
                              "assemble_seconds": round(assemble, 1), "ratio": round((work + assemble) / bare, 2)}  # fmt: skip
    print(f"interleaved in one process, {len(sample)} of the articles: bare parse {bare:.1f} s; corpus batches "
          f"(read, parse, rules, tables, parts written) {work:.1f} s; assembly {assemble:.1f} s; "
          f"ratio {(work + assemble) / bare:.2f}x (goal at most 1.3x)")  # fmt: skip
    record_results(f"corpus_throughput_{len(files)}", figures, command=f"python benchmarks/corpus_throughput.py --limit {len(files)}")


if __name__ == "__main__":
    main()
