"""Paragraph roles over a folder of plain-text articles (default: the BBC dataset).

Counts the roles the structure rules give, and lists every paragraph that is not body
or headline, so a reader can check that no body paragraph is lost as boilerplate.

    .venv/bin/python benchmarks/paragraph_roles.py [DATA_DIR] [--show N]
"""

from __future__ import annotations

import argparse
import collections
import time
import warnings

from lib.benchmarking import data_path, record_results
from analysis.errors import InputError
from analysis.reading.ingest import read_path
from analysis.text.structure import assign_roles, split_paragraphs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", help="folder of .txt articles (searched recursively)")
    parser.add_argument("--show", type=int, default=30, help="how many non-body paragraphs to list")
    args = parser.parse_args()
    root = data_path(args.data, "bbc")

    counts: collections.Counter[str] = collections.Counter()
    flagged = []
    files = sorted(root.rglob("*.txt"))
    started = time.perf_counter()
    for path in files:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                article = read_path(path)
            except InputError as exc:
                print(f"unreadable: {exc}")
                continue
        spans = split_paragraphs(article.text)
        texts = [article.text[s:e] for s, e in spans]
        for i, (role, reason) in enumerate(assign_roles(texts)):
            counts[role] += 1
            if role not in ("body", "headline"):
                flagged.append((path.relative_to(root), i, role, texts[i][:60], reason))
    elapsed = time.perf_counter() - started

    print(f"articles: {len(files)}  paragraphs: {sum(counts.values())}  time: {elapsed:.1f} s")
    for role, n in counts.most_common():
        print(f"  {role:<13} {n}")
    print(f"non-body paragraphs (first {args.show} of {len(flagged)}):")
    for path, i, role, text, reason in flagged[: args.show]:
        print(f"  {path} #{i} {role}: {text!r} ({reason})")
    record_results(
        "paragraph_roles",
        {"articles": len(files), "paragraphs": sum(counts.values()), "roles": dict(counts)},
        command="python benchmarks/paragraph_roles.py",
    )


if __name__ == "__main__":
    main()
