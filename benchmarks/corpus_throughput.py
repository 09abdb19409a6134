"""Corpus throughput and memory on the BBC articles: the full analysis against a bare parse.

For the first N articles (default: all 2,225) it times, in one run: a bare spaCy
``nlp.pipe`` parse of the same texts; ``python -m analysis corpus`` with 1 process and
with 2 processes (fresh processes, fresh output folders). It prints articles and words
per second, the ratio of the full analysis (1 process, everything written) to the bare
parse (goal at most 1.3x), the peak resident memory of any one process of each run
(goal flat: the same at 200 articles as at 2,225, under 1.5 GB per process), and where
the time goes (parse, rules, writing) measured apart on a sample of at most 300 articles.

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


def run_measured(command: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of the largest process the command started."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", CHILD_PEAK, *command], check=True, capture_output=True, text=True)
    return time.perf_counter() - started, int(result.stdout.strip()) / 1024


def bare_parse(files: list[Path]) -> float:
    code = (
        "import sys, time\nfrom analysis.nlp import load_nlp\nnlp = load_nlp()\n"
        "texts = [open(p, encoding='utf-8', errors='replace').read() for p in sys.argv[1:]]\n"
        "t = time.perf_counter()\nfor _ in nlp.pipe(texts, batch_size=32): pass\nprint(time.perf_counter() - t)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, *map(str, files)], check=True, capture_output=True, text=True)
    return float(result.stdout.strip())


BREAKDOWN = """
import sys, tempfile, time
from pathlib import Path
from analysis.core import analyze_article, prepare
from analysis.corpus import _assemble, _store, article_row
from analysis.ingest import read_path
from analysis.nlp import load_nlp, make_doc
from analysis.structure import split_paragraphs
nlp = load_nlp()
prepare(nlp)
paths = sys.argv[1:]
articles = [read_path(p) for p in paths]
t = time.perf_counter()
docs = list(nlp.pipe([make_doc(a.text, [s for s, _ in split_paragraphs(a.text)], nlp) for a in articles], batch_size=8))
parse = time.perf_counter() - t
t = time.perf_counter()
results = [analyze_article(a, nlp=nlp, doc=d) for a, d in zip(articles, docs)]
rules = time.perf_counter() - t
t = time.perf_counter()
outcomes = [(p, {**r.tables, "articles": article_row(p, p, r)}, None) for p, r in zip(paths, results)]
with tempfile.TemporaryDirectory() as out:
    for i in range(0, len(outcomes), 32):
        _store(Path(out), outcomes[i : i + 32])
    _assemble(Path(out))
print(parse, rules, time.perf_counter() - t)
"""


def breakdown(files: list[Path]) -> tuple[float, float, float]:
    """Seconds to parse, to run the rules (every table built) and to write the tables
    (Parquet parts, then the assembled Parquet and CSV), measured apart in one process."""
    result = subprocess.run([sys.executable, "-c", BREAKDOWN, *map(str, files)], check=True, capture_output=True, text=True)
    parse, rules, write = map(float, result.stdout.split())
    return parse, rules, write


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
        parse_seconds = bare_parse(files)
        print(f"{len(files)} articles, {words:,} words; bare nlp.pipe parse {parse_seconds:.1f} s")
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}"
            seconds, peak = run_measured([sys.executable, "-m", "analysis", "corpus", str(corpus), "--out", str(out),
                                          "--jobs", str(jobs), "--no-progress"])  # fmt: skip
            figures[f"jobs {jobs}"] = {"seconds": round(seconds, 1), "articles_per_second": round(len(files) / seconds, 2),
                                       "words_per_second": round(words / seconds), "peak_rss_mb": round(peak)}  # fmt: skip
            print(f"--jobs {jobs}: {seconds:.1f} s, {len(files) / seconds:.1f} articles/s, {words / seconds:,.0f} words/s, "
                  f"peak RSS of one process {peak:.0f} MB")  # fmt: skip
    # Where the time goes, on an even sample of at most 300 of the same articles.
    sample = files[:: max(1, len(files) // 300)][:300]
    parse, rules, write = breakdown(sample)
    figures["breakdown"] = {"articles": len(sample), "parse_seconds": round(parse, 1), "rules_seconds": round(rules, 1),
                            "write_seconds": round(write, 1), "rules_over_parse": round(rules / parse, 2),
                            "write_over_parse": round(write / parse, 2)}  # fmt: skip
    print(f"in one process, {len(sample)} of the articles: parse {parse:.1f} s; rules and tables {rules:.1f} s "
          f"({rules / parse:.0%} of the parse); writing Parquet and CSV {write:.1f} s ({write / parse:.0%})")  # fmt: skip
    ratio = figures["jobs 1"]["seconds"] / parse_seconds
    figures["bare_parse_seconds"] = round(parse_seconds, 1)
    figures["full_over_parse"] = round(ratio, 2)
    print(f"full analysis (1 process, start-up and writing included) / bare parse: {ratio:.2f}x (goal at most 1.3x)")
    record_results(f"corpus_throughput_{len(files)}", figures, command=f"python benchmarks/corpus_throughput.py --limit {len(files)}")


if __name__ == "__main__":
    main()
