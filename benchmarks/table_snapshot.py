"""Fingerprints of every table for the seed and a spread of BBC articles, to prove that
a change which should not alter behaviour does not.

    python benchmarks/table_snapshot.py --out before.json [--limit 300] [BBC_DIR]
    python benchmarks/table_snapshot.py --out after.json --compare before.json [--without sentences.status_rule]

Each article's tables are taken in their JSON form (exact values, as
``python -m analysis tables`` prints them) and hashed table by table; ``--compare``
prints every article and table whose fingerprint differs and exits 1 when any does.
Articles are taken evenly from every section of the BBC set (sorted, every k-th), plus
the seed, so the same command picks the same articles on any machine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis import analyze, config, load_nlp  # noqa: E402
from lib.benchmarking import data_path  # noqa: E402
from analysis.presenting.export import to_json_dict  # noqa: E402


def chosen_articles(bbc: Path, limit: int) -> list[Path]:
    """``limit`` BBC articles spread evenly over the sorted list of all of them."""
    files = sorted(bbc.glob("*/*.txt"))
    step = max(1, len(files) // max(limit, 1))
    return files[::step][:limit]


def fingerprints(path: Path, nlp, *, without: tuple[str, ...] = ()) -> dict[str, str]:
    """One SHA-256 per table and view of the article's JSON form, leaving out the
    ``without`` columns ("sentences.status_rule": a column a change adds)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # encoding fallbacks warn; the tables are what counts
        data = to_json_dict(analyze(path, nlp=nlp))
    data.pop("meta", None)  # the package version and model name are not behaviour
    for table, _, column in (w.partition(".") for w in without):
        for row in data.get(table) or []:
            if isinstance(row, dict):
                row.pop(column, None)
    return {name: hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
            for name, value in data.items()}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bbc", nargs="?", default=None, help="the BBC data folder (default: ../shared/data/bbc)")
    parser.add_argument("--limit", type=int, default=300, help="BBC articles to take (default: 300)")
    parser.add_argument("--out", type=Path, required=True, help="where to write the fingerprints (JSON)")
    parser.add_argument("--compare", type=Path, default=None, help="fingerprints to compare with")
    parser.add_argument("--without", action="append", default=[], metavar="TABLE.COLUMN",
                        help="leave a column out of the fingerprints (a column the change adds), e.g. sentences.status_rule")
    args = parser.parse_args(argv)
    bbc = data_path(args.bbc, "bbc")
    nlp = load_nlp()
    articles = [config.SEED_ARTICLE, *chosen_articles(bbc, args.limit)]
    snapshot = {str(path.relative_to(path.parent.parent)): fingerprints(path, nlp, without=tuple(args.without))
                for path in articles}  # fmt: skip
    args.out.write_text(json.dumps(snapshot, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(snapshot)} articles fingerprinted to {args.out}")
    if args.compare is None:
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    differ = [(name, table) for name, tables in snapshot.items() for table, digest in tables.items()
              if before.get(name, {}).get(table) != digest]  # fmt: skip
    missing = sorted(set(before) - set(snapshot))
    for name, table in differ:
        print(f"differs: {name} {table}")
    for name in missing:
        print(f"not in this run: {name}")
    same = len(snapshot) - len({name for name, _ in differ})
    print(f"same tables: {same} of {len(snapshot)} articles")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main())
