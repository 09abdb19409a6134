"""The analyst's bench on BBC articles: ``analyze_many`` against a corpus run, and the
word tools on the result.

For N articles (default 400, spread evenly over the sorted BBC set and copied to one
folder) it prints and records:

- ``python -m analysis corpus FOLDER --out OUT`` in a fresh process (one process, its
  tables written to disk), run before and after the next item (this machine's speed
  drifts over minutes, so the ratio divides by the mean of the two);
- ``analysis.analyze_many(FOLDER)`` in a fresh process (one process, everything kept in
  memory), from start-up to the result;
- the ratio of the two (goal: ``analyze_many`` at most 1.1x the corpus run), and the
  peak resident memory of each process;
- in the ``analyze_many`` process, the seconds ``kwic(many, "say")`` takes the first time
  (which builds the joined tokens and sentences tables) and again (goal under a second),
  and ``word_frequencies(many)``.

    .venv/bin/python benchmarks/analyst_bench.py [BBC_DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lib.benchmarking import data_path, record_results

#: Run in a child: the command, then its peak memory (KB) and CPU seconds.
CHILD_PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""

#: Run in a child: analyze_many on the folder, then the word tools; prints JSON.
MANY = """
import json, resource, sys, time
started = time.perf_counter()
from analysis import analyze_many, kwic, word_frequencies
many = analyze_many(sys.argv[1], progress=False)
analysed = time.perf_counter() - started
t = time.perf_counter(); lines = kwic(many, "say"); first = time.perf_counter() - t
t = time.perf_counter(); again = kwic(many, "say"); second = time.perf_counter() - t
t = time.perf_counter(); table = word_frequencies(many); frequencies = time.perf_counter() - t
print(json.dumps({"seconds": analysed, "articles": len(many), "errors": len(many.errors), "kwic_first_seconds": first,
                  "kwic_again_seconds": second, "kwic_hits": len(lines), "word_frequencies_seconds": frequencies,
                  "terms": len(table), "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def chosen(bbc: Path, limit: int) -> list[Path]:
    files = sorted(bbc.glob("*/*.txt"))
    step = max(1, len(files) // max(limit, 1))
    return files[::step][:limit]


def corpus_run(folder: Path, out: Path) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD_PEAK, sys.executable, "-m", "analysis", "corpus", str(folder),
                           "--out", str(out), "--no-progress"], capture_output=True, text=True, check=True)  # fmt: skip
    seconds = time.perf_counter() - started
    peak_kb, cpu = done.stdout.split()
    return {"seconds": round(seconds, 1), "cpu_seconds": round(float(cpu), 1), "peak_rss_mb": round(int(peak_kb) / 1024)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bbc", nargs="?", default=None)
    parser.add_argument("--limit", type=int, default=400)
    args = parser.parse_args(argv)
    bbc = data_path(args.bbc, "bbc")
    project = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        for path in chosen(bbc, args.limit):
            target = folder / path.parent.name / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        before = corpus_run(folder, Path(tmp) / "out")
        started = time.perf_counter()
        many = subprocess.run([sys.executable, "-c", MANY, str(folder)], capture_output=True, text=True, check=True, cwd=project)
        many_seconds = time.perf_counter() - started
        after = corpus_run(folder, Path(tmp) / "out")
    inside = json.loads(many.stdout.strip().splitlines()[-1])
    corpus_mean = (before["seconds"] + after["seconds"]) / 2
    figures = {
        "articles": inside["articles"],
        "corpus_run": {"before": before, "after": after, "mean_seconds": round(corpus_mean, 1)},
        "analyze_many": {"seconds": round(many_seconds, 1), "seconds_inside": round(inside["seconds"], 1),
                         "peak_rss_mb": round(inside["peak_rss_mb"]), "errors": inside["errors"]},
        "analyze_many_over_corpus_run": round(many_seconds / corpus_mean, 2),
        "kwic_say": {"hits": inside["kwic_hits"], "first_seconds": round(inside["kwic_first_seconds"], 2),
                     "again_seconds": round(inside["kwic_again_seconds"], 2)},
        "word_frequencies": {"terms": inside["terms"], "seconds": round(inside["word_frequencies_seconds"], 2)},
    }  # fmt: skip
    print(f"{figures['articles']} BBC articles, one process each:")
    print(f"  corpus run (tables to disk): {before['seconds']} s before, {after['seconds']} s after; "
          f"peak memory {max(before['peak_rss_mb'], after['peak_rss_mb'])} MB")
    print(f"  analyze_many (in memory):    {figures['analyze_many']['seconds']} s; peak memory {figures['analyze_many']['peak_rss_mb']} MB")
    print(f"  analyze_many / corpus run:   {figures['analyze_many_over_corpus_run']}x (goal at most 1.1x)")
    print(f"  kwic(many, 'say'): {inside['kwic_hits']} lines in {figures['kwic_say']['first_seconds']} s the first time, "
          f"{figures['kwic_say']['again_seconds']} s again (goal under 1 s)")
    print(f"  word_frequencies(many): {inside['terms']} terms in {figures['word_frequencies']['seconds']} s")
    record_results("analyst_bench", figures, command=f"python benchmarks/analyst_bench.py --limit {args.limit}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
