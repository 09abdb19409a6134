"""Source-type accuracy on a blind, hand-labelled set of attributions.

The gold set (``benchmarks/gold/source_types.csv``, see its README) holds PolNeAR dev
attributions labelled with the project's source-type rule (person, organization,
anonymous, unnamed, media, document, author) without looking at the tool's output,
with a defensible alternative where there is one. Each gold article is analysed as
plain text; a gold relation is *found* when an ``attributions`` row's source overlaps
the gold source and its content overlaps the gold content (the row of largest content
overlap). On found relations the script prints strict accuracy (the tool's
``source_type`` equals the gold type), lenient accuracy (equals the gold type or its
alternative), the confusion matrix and the wrong rows with the tool's reason.

    .venv/bin/python benchmarks/source_types.py [POLNEAR_DIR] [--gold CSV] [--show N]
"""

from __future__ import annotations

import argparse
import csv
import sys
import warnings
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis import analyze, load_nlp  # noqa: E402
from lib.benchmarking import data_path, record_results  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold" / "source_types.csv"
GOAL = "goal: strict accuracy >= 0.85 on attributions the tool finds"


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def match(gold: dict, rows: list[dict]) -> dict | None:
    """The attribution row whose source and content overlap the gold relation's, the
    largest content overlap first (ties: the earlier cue)."""
    source = (int(gold["source_start"]), int(gold["source_end"]))
    content = (int(gold["content_start"]), int(gold["content_end"]))
    found = [r for r in rows if r["source_start"] is not None and r["content_start"] is not None
             and overlap(source, (r["source_start"], r["source_end"])) > 0
             and overlap(content, (r["content_start"], r["content_end"])) > 0]  # fmt: skip
    return max(found, key=lambda r: (overlap(content, (r["content_start"], r["content_end"])), -r["cue_start"]), default=None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", help="the PolNeAR folder (holding dev/)")
    parser.add_argument("--gold", type=Path, default=GOLD, help="the gold CSV (default: benchmarks/gold/source_types.csv)")
    parser.add_argument("--show", type=int, default=0, help="print up to N wrong rows")
    args = parser.parse_args()
    root = data_path(args.data, "polnear")
    with args.gold.open(encoding="utf-8", newline="") as handle:
        gold = list(csv.DictReader(handle))
    nlp = load_nlp()
    by_article: dict[str, list[dict]] = {}
    for row in gold:
        by_article.setdefault(row["article"], []).append(row)
    found, strict, lenient, confusion, wrong = 0, 0, 0, Counter(), []
    for article, rows in sorted(by_article.items()):
        text = (root / "dev" / "text" / f"{article}.txt").read_text(encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = analyze(text, nlp=nlp)
        predicted = result.attributions.to_dict("records")
        for row in rows:
            hit = match(row, predicted)
            if hit is None:
                continue
            found += 1
            given, accepted = hit["source_type"], {row["gold_type"], row["alternative"]} - {""}
            strict += given == row["gold_type"]
            lenient += given in accepted
            confusion[(row["gold_type"], given)] += 1
            if given != row["gold_type"]:
                wrong.append((article[:28], row["source_text"][:50], row["gold_type"], row["alternative"], given, hit["source_type_reason"]))
    total = len(gold)
    figures = {
        "gold relations": total, "articles": len(by_article), "found": found,
        "strict accuracy": round(strict / found, 3) if found else 0.0,
        "lenient accuracy": round(lenient / found, 3) if found else 0.0,
        "strict accuracy %": round(100 * strict / found, 1) if found else 0.0,
    }  # fmt: skip
    print(f"Source types: {total} blind-labelled PolNeAR dev attributions in {len(by_article)} articles")
    print(f"  found by the tool (source and content overlap): {found} of {total} ({found / total:.0%})")
    print(f"  strict accuracy {figures['strict accuracy']:.3f} ({strict} of {found}); "
          f"lenient (gold or its alternative) {figures['lenient accuracy']:.3f} ({lenient} of {found})")  # fmt: skip
    print(f"  {GOAL}")
    types = sorted({g for g, _ in confusion} | {p for _, p in confusion})
    print("  confusion (rows gold, columns tool): " + " ".join(f"{t[:6]:>6}" for t in types))
    for g in types:
        print(f"    {g:<12}" + " ".join(f"{confusion[(g, p)]:>6}" for p in types))
    for row in wrong[: args.show]:
        print("  wrong: " + " | ".join(row))
    figures["confusion"] = {f"{g} -> {p}": n for (g, p), n in sorted(confusion.items())}
    record_results("source_types", figures, command="python benchmarks/source_types.py")


if __name__ == "__main__":
    main()
