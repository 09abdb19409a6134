"""Claim-status accuracy on blind, hand-labelled sentences from news the rules were not tuned on.

Two gold files (see ``benchmarks/gold/claim_status.md``), labelled from the article text
alone before the tool was run on them:

- ``claim_status.csv``: 189 sentences of 3 BBC articles and 4 PolNeAR train articles
  (4 outlets); their texts come from the shared data folder.
- ``claim_status_pages.csv``: 98 sentences of 4 made-up news pages in 4 house styles,
  kept in ``benchmarks/gold/pages/``.

Each gold sentence is matched to the tool's sentence that overlaps it most (ties: the
earlier). A gold ``none`` (headline, byline, dateline, credit) is right when the tool
gives the sentence no status. The script prints strict accuracy (the tool's status is
the gold status), lenient accuracy (or one of the gold alternatives), precision and
recall per status, the confusion matrix and, with ``--show N``, the first N wrong rows
with the tool's reason.

    .venv/bin/python benchmarks/claim_status.py [DATA_DIR] [--show N] [--only pages|news]
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
from analysis import config  # noqa: E402
from lib.benchmarking import record_results  # noqa: E402
from analysis.rules.claims import STATUSES  # noqa: E402

GOLD_DIR = Path(__file__).resolve().parent / "gold"
GOLD_FILES = {"news": GOLD_DIR / "claim_status.csv", "pages": GOLD_DIR / "claim_status_pages.csv"}
LABELS = (*STATUSES, "none")
GOAL = "goal: strict >= 0.85, lenient >= 0.93, precision >= 0.7 for every status given at least 5 times"


def article_path(article: str, data: Path) -> Path:
    """Where a gold ``article`` key's text lives."""
    kind, _, rest = article.partition("/")
    if kind == "bbc":
        return data / "bbc" / f"{rest}.txt"
    if kind == "polnear":
        split, _, stem = rest.partition("/")
        return data / "polnear" / split / "text" / f"{stem}.txt"
    if kind == "pages":
        return GOLD_DIR / "pages" / f"{rest}.txt"
    raise ValueError(f"unknown article key {article!r}")


def read_gold(files: list[Path]) -> dict[str, list[dict]]:
    """Gold rows grouped by article, in file order."""
    by_article: dict[str, list[dict]] = {}
    for path in files:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                row["start"], row["end"] = int(row["start"]), int(row["end"])
                row["alternatives"] = [a for a in row["alternatives"].split("|") if a]
                by_article.setdefault(row["article"], []).append(row)
    return by_article


def tool_status(gold: dict, sentences: list[dict]) -> dict:
    """The tool's sentence overlapping the gold sentence most (ties: the earlier)."""
    def overlap(s: dict) -> int:
        return min(s["end"], gold["end"]) - max(s["start"], gold["start"])

    best = max(sentences, key=lambda s: (overlap(s), -s["start"]))
    return best if overlap(best) > 0 else {"status": None, "status_reason": "no sentence", "text": ""}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", default=None, help="the shared data folder holding bbc/ and polnear/ (default: ../shared/data)")
    parser.add_argument("--show", type=int, default=0, help="print the first N wrong rows")
    parser.add_argument("--only", choices=sorted(GOLD_FILES), help="one gold file only")
    args = parser.parse_args(argv)
    files = [GOLD_FILES[args.only]] if args.only else list(GOLD_FILES.values())
    gold = read_gold(files)
    # Without the shared data (not redistributed) only the made-up pages are scored.
    data = Path(args.data) if args.data else config.SHARED_DATA_DIR
    nlp = load_nlp()
    pairs: list[tuple[dict, dict]] = []
    for article, rows in gold.items():
        path = article_path(article, data)
        if not path.exists():
            print(f"skipped {article}: {path} not found")
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = analyze(path, nlp=nlp)
        sentences = result.sentences[["start", "end", "status", "status_reason", "text"]].to_dict("records")
        pairs.extend((row | {"tool": tool_status(row, sentences)}, row) for row in rows)
    n = len(pairs)
    predicted = [p["tool"]["status"] or "none" for p, _ in pairs]
    golden = [g["status"] for _, g in pairs]
    strict = sum(p == g for p, g in zip(predicted, golden))
    lenient = sum(p == g["status"] or p in g["alternatives"] for p, (_, g) in zip(predicted, pairs))
    print(f"Claim status on {n} hand-labelled sentences of {len(gold)} articles")
    print(f"  strict accuracy  {strict / n:.3f} ({strict} of {n})")
    print(f"  lenient accuracy {lenient / n:.3f} ({lenient} of {n}; the gold status or a defensible alternative)")
    print(f"  {GOAL}")
    figures: dict = {"sentences": n, "articles": len(gold), "strict accuracy": round(strict / n, 3),
                     "lenient accuracy": round(lenient / n, 3), "strict accuracy %": round(100 * strict / n, 1),
                     "lenient accuracy %": round(100 * lenient / n, 1), "per status": {}}  # fmt: skip
    print(f"  {'status':<12} {'gold':>5} {'tool':>5} {'right':>6} {'precision':>10} {'recall':>7} {'lenient precision':>18}")
    for label in LABELS:
        g_n, p_n = golden.count(label), predicted.count(label)
        right = sum(p == g == label for p, g in zip(predicted, golden))
        defensible = sum(p == label and (g["status"] == label or label in g["alternatives"]) for p, (_, g) in zip(predicted, pairs))
        precision = right / p_n if p_n else None
        recall = right / g_n if g_n else None
        lenient_precision = defensible / p_n if p_n else None
        figures["per status"][label] = {"gold": g_n, "tool": p_n, "right": right,
                                        "precision": None if precision is None else round(precision, 3),
                                        "recall": None if recall is None else round(recall, 3),
                                        "lenient precision": None if lenient_precision is None else round(lenient_precision, 3)}  # fmt: skip
        show = lambda x: "-" if x is None else f"{x:.2f}"  # noqa: E731
        print(f"  {label:<12} {g_n:>5} {p_n:>5} {right:>6} {show(precision):>10} {show(recall):>7} {show(lenient_precision):>18}")
    confusion = Counter(zip(golden, predicted))
    figures["confusion"] = {f"{g} -> {p}": c for (g, p), c in sorted(confusion.items())}
    print("  confusion (rows gold, columns tool):")
    print("  " + " " * 12 + "".join(f"{label[:6]:>8}" for label in LABELS))
    for g in LABELS:
        print(f"  {g:<12}" + "".join(f"{confusion.get((g, p), 0):>8}" for p in LABELS))
    wrong = [(p, g) for p, g in pairs if (p["tool"]["status"] or "none") != g["status"]]
    for p, g in wrong[: args.show]:
        print(f"\n  [{g['article']}] gold {g['status']}{'|' + '|'.join(g['alternatives']) if g['alternatives'] else ''}"
              f" tool {p['tool']['status']}: {g['sentence'][:160]}\n    tool: {p['tool']['status_reason']}\n    note: {g['note']}")  # fmt: skip
    if not args.only and len({g["article"] for _, g in pairs}) == len(gold):
        record_results("claim_status", figures, command="python benchmarks/claim_status.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
