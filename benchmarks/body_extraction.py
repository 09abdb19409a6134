"""Article body extraction on the public benchmark: the project's body against the true
body of 91 saved pages, with trafilatura's defaults in the same run.

The pages are half of Scrapinghub's article-extraction benchmark (MIT; ``../shared/data/
extraction``: ``html/<key>.html.gz`` and ``ground-truth.json``). Each page is analysed
as a user gives it, the saved HTML (``analyze(bytes)``); the project's body is the text
of its paragraphs whose role is ``body`` or ``subheading``, in reading order. The metric
is the benchmark's own (its README): split both texts into words (``\\w+``), count every
run of four consecutive words (a shingle) in each, add true positives (the smaller
count), false positives and false negatives over all shingles, divide the three by
their sum so every page weighs the same, and compute precision, recall and F1 from the
mean of those per-page shares; accuracy is the share of pages whose word sequence is
exactly the true one.

    .venv/bin/python benchmarks/body_extraction.py [EXTRACTION_DIR] [--show N]

``--show`` lists the N pages the project does worst on, with the words it adds and the
words it misses, for reading.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
import warnings
from collections import Counter

from lib.benchmarking import data_path, record_results

WORD = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter:
    words = WORD.findall(text or "")
    return Counter(tuple(words[i : i + size]) for i in range(max(len(words) - size + 1, 0)))


def page_counts(predicted: str, truth: str) -> tuple[float, float, float]:
    """The page's true positives, false positives and false negatives, as shares of their sum."""
    p, t = shingles(predicted), shingles(truth)
    tp = sum((p & t).values())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (1.0, 0.0, 0.0)


def scores(per_page: list[tuple[float, float, float]], exact: list[bool]) -> dict:
    n = len(per_page)
    tp, fp, fn = (sum(c[k] for c in per_page) / n for k in range(3))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 3), "precision": round(precision, 3), "recall": round(recall, 3),
            "accuracy": round(sum(exact) / n, 3), "pages": n}  # fmt: skip


def project_body(html: bytes, nlp) -> str:
    from analysis import analyze

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = analyze(html, nlp=nlp)
    paragraphs = result.paragraphs
    body = paragraphs[paragraphs["role"].isin(["body", "subheading"])]
    return "\n".join(result.text[int(r.start) : int(r.end)] for r in body.itertuples())


def trafilatura_body(html: bytes) -> str:
    import trafilatura

    return trafilatura.extract(html.decode("utf-8", errors="replace")) or ""


def main(argv=None) -> None:
    from analysis import load_nlp

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", help="the extraction benchmark folder (holding html/ and ground-truth.json)")
    parser.add_argument("--show", type=int, default=0, help="list the N pages the project does worst on")
    args = parser.parse_args(argv)
    root = data_path(args.data, "extraction")
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    nlp = load_nlp()
    ours, theirs, exact_ours, exact_theirs, worst = [], [], [], [], []
    seconds = {"project": 0.0, "trafilatura": 0.0}
    for key in sorted(truth):
        path = root / "html" / f"{key}.html.gz"
        if not path.exists():
            continue
        html = gzip.decompress(path.read_bytes())
        gold = truth[key]["articleBody"]
        started = time.perf_counter()
        body = project_body(html, nlp)
        seconds["project"] += time.perf_counter() - started
        started = time.perf_counter()
        other = trafilatura_body(html)
        seconds["trafilatura"] += time.perf_counter() - started
        ours.append(page_counts(body, gold))
        theirs.append(page_counts(other, gold))
        exact_ours.append(WORD.findall(body) == WORD.findall(gold))
        exact_theirs.append(WORD.findall(other) == WORD.findall(gold))
        worst.append((ours[-1][0], key, body, gold))
    figures = {"project": scores(ours, exact_ours), "trafilatura": scores(theirs, exact_theirs),
               "seconds": {k: round(v, 1) for k, v in seconds.items()}}  # fmt: skip
    print(f"body extraction on {figures['project']['pages']} saved pages (4-word shingles, the benchmark's metric)")
    for name in ("project", "trafilatura"):
        s = figures[name]
        print(f"  {name:12} F1 {s['f1']:.3f}  P {s['precision']:.3f}  R {s['recall']:.3f}  exact {s['accuracy']:.3f}")
    print("  published on all 181 pages: trafilatura 2.0 F1 0.958; the best 0.970; goal 0.975")
    for share, key, body, gold in sorted(worst)[: args.show]:
        added = Counter(WORD.findall(body)) - Counter(WORD.findall(gold))
        missed = Counter(WORD.findall(gold)) - Counter(WORD.findall(body))
        print(f"\n- {key} (true positives {share:.2f}): added {sum(added.values())} words, missed {sum(missed.values())}")
        extra = [line for line in body.split("\n") if line.strip() and line.strip()[:60] not in gold]
        for line in extra[:8]:
            print(f"    + {line[:140]}")
    record_results("body_extraction", figures, command="python benchmarks/body_extraction.py")


if __name__ == "__main__":
    main()
