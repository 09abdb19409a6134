"""What each analysis stage costs next to the spaCy parse of the same texts, in one run.

For each article: read, split paragraphs, parse (timed: the floor), then time the
stages that run on the parse: sentences and roles, sourcing (attributions, quotes and
their tables), claims (cues, scope, status, claim type).
Prints each stage's total time and its ratio to the parse time.

    .venv/bin/python benchmarks/stage_cost.py [DATA_DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections import defaultdict

from analysis import load_nlp
from lib.benchmarking import data_path, record_results
from analysis.rules.claims import claims_tables
from analysis.rules.attribution import find_attributions
from analysis.core import structure_tables
from analysis.rules.quotes import find_quotes
from analysis.rules.sources import attribution_table, quote_table
from analysis.errors import InputError
from analysis.reading.ingest import read_path
from analysis.parse.nlp import parse
from analysis.text.structure import split_paragraphs

#: Goals from the issues, as ratios to the parse time.
GOALS = {"claims": 0.10, "sourcing": 0.15}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", help="folder of .txt articles (default: the BBC dataset)")
    parser.add_argument("--limit", type=int, default=400, help="articles to use, in sorted path order")
    args = parser.parse_args()
    root = data_path(args.data, "bbc")
    nlp = load_nlp()
    paths = sorted(root.rglob("*.txt"))[: args.limit]
    seconds: dict[str, float] = defaultdict(float)
    words = 0
    for path in paths:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                article = read_path(path)
            except InputError:
                continue
        text = article.text
        words += len(text.split())
        spans = split_paragraphs(text)
        starts = [s for s, _ in spans]

        started = time.perf_counter()
        doc = parse(text, starts, nlp=nlp)
        seconds["parse"] += time.perf_counter() - started

        started = time.perf_counter()
        sentences, _, rows = structure_tables(text, doc, spans)
        seconds["sentences and roles"] += time.perf_counter() - started

        started = time.perf_counter()
        relations = find_attributions(doc)
        quotes = find_quotes(text, doc, spans, sentences, relations)
        attribution_table(text, doc, sentences, relations, quotes)
        quote_table(text, sentences, quotes)
        seconds["sourcing"] += time.perf_counter() - started

        started = time.perf_counter()
        claims_tables(doc, sentences, rows["in_body"].tolist(), attributions=relations, quotes=quotes)
        seconds["claims"] += time.perf_counter() - started

    floor = seconds["parse"]
    print(f"articles: {len(paths)}  words: {words}  parse: {floor:.1f} s ({words / floor:.0f} words/s)")
    figures = {"articles": len(paths), "words": words, "parse_seconds": round(floor, 2)}
    for stage, total in seconds.items():
        if stage == "parse":
            continue
        ratio = total / floor
        goal = f"  (goal at most {GOALS[stage]:.0%})" if stage in GOALS else ""
        print(f"  {stage:<22} {total:6.2f} s  = {ratio:6.1%} of the parse{goal}")
        figures[f"{stage} / parse"] = round(ratio, 4)
    record_results("stage_cost", figures, command="python benchmarks/stage_cost.py")


if __name__ == "__main__":
    main()
