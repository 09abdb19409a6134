"""Headline against body: precision and recall of each headline finding.

Three gold sets (see ``benchmarks/gold/headline_findings.md``):

- ``headline_gold.csv``, the blind gold: 361 articles (280 BBC, 81 saved pages) whose
  headline a reader compared with the body before the tool ran on them, writing every
  finding of the five kinds or ``none``. Precision and recall per finding code, on the
  tuning half and on the held-out half, counted per article (and, for a name absent from
  the body, per name).
- ``headline_findings.csv`` and ``headline_findings_2.csv``: findings the tool made
  on BBC articles (75 on 72 articles, then 27 from a later version of the rules on
  1,112 others), each judged true or false from the article text. The articles are analysed again; a gold
  finding *still fires* when a finding of the same code names the same thing (the same
  ``detail``). Precision per finding code is over the labelled findings that still fire;
  findings the tool now makes that nobody labelled are counted and listed, to be
  labelled before they are trusted.
- ``headline_pairs.csv``: 16 made-up headline/body pairs, 12 with one known mismatch
  (flat headline, absent entity, a denial in the body, a different number) and 4
  controls with none. Recall is the share of the 12 whose expected code fires; a
  control with any headline finding is a false alarm.

    .venv/bin/python benchmarks/headline_findings.py [BBC_DIR] [--show]
"""

from __future__ import annotations

import argparse
import csv
import sys
import warnings
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis import analyze, config, load_nlp  # noqa: E402
from lib.benchmarking import record_results  # noqa: E402

GOLD_DIR = Path(__file__).resolve().parent / "gold"
GOAL = "goal: precision >= 0.8 for every finding code that fires at least 5 times; recall >= 0.8 on the made-up pairs"


def headline_findings(result) -> list[dict]:
    findings = result.tables["findings"]
    return findings[findings["category"] == "headline"][["finding", "detail"]].to_dict("records")


def _same_name(a: str, b: str) -> bool:
    a, b = a.lower().strip(" '\""), b.lower().strip(" '\"")
    return bool(a) and bool(b) and (a in b or b in a)


def _matches(code: str, gold_detail: str, tool_detail: str) -> bool:
    """A tool finding is the gold's when the codes agree and, for a name absent from the
    body, the names overlap ("Google" in "The headline names 'Google Stadia'")."""
    if code != "headline_entity_absent":
        return True
    named = tool_detail.split("'")[1] if tool_detail.count("'") >= 2 else tool_detail
    return _same_name(gold_detail, named)


def blind_gold(bbc: Path, pages: Path, *, run, show: bool = False, only: str | None = None, polnear: Path | None = None) -> dict:
    """Precision and recall per finding code on ``headline_gold.csv``, per split; ``run``
    analyses one article (a path, or a saved page's bytes). Round 3's PolNeAR articles
    are read when ``polnear`` (the corpus folder) is given and exists, else left out."""
    import gzip

    with (GOLD_DIR / "headline_gold.csv").open(encoding="utf-8", newline="") as handle:
        gold = list(csv.DictReader(handle))
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in gold:
        by_article[row["article"]].append(row)
    # counts[split][code] = [tool fires, of which right, gold findings, of which found]
    counts: dict[str, dict[str, list[int]]] = {"tuning": defaultdict(lambda: [0, 0, 0, 0]), "held_out": defaultdict(lambda: [0, 0, 0, 0])}
    skipped = 0
    counts_read: Counter = Counter()
    for article, rows in by_article.items():
        if any(r["finding"] == "no_headline" for r in rows):
            skipped += 1
            continue
        if only and rows[0]["split"] != only:
            continue
        corpus, rest = article.split("/", 1)
        if corpus == "polnear" and not (polnear and polnear.exists()):
            skipped += 1
            continue
        if corpus == "bbc":
            result = run(bbc / f"{rest}.txt")
        elif corpus == "polnear":
            result = run(polnear / "train" / "text" / f"{rest}.txt")
        else:
            result = run(gzip.decompress(next((pages / "html").glob(f"{rest}*.html.gz")).read_bytes()))
        now = headline_findings(result)
        counts_read[corpus] += 1
        split = rows[0]["split"]
        wanted = [r for r in rows if r["finding"] != "none"]
        for finding in now:
            right = any(r["finding"] == finding["finding"] and _matches(r["finding"], r["detail"], finding["detail"]) for r in wanted)
            counts[split][finding["finding"]][0] += 1
            counts[split][finding["finding"]][1] += right
            if show:
                print(f"  [{article}] tool {finding['finding']} {'RIGHT' if right else 'wrong'}: {finding['detail'][:100]!r}")
        for r in wanted:
            found = any(f["finding"] == r["finding"] and _matches(r["finding"], r["detail"], f["detail"]) for f in now)
            counts[split][r["finding"]][2] += 1
            counts[split][r["finding"]][3] += found
            if show and not found:
                print(f"  [{article}] MISSED {r['finding']}: {r['detail'][:60]!r} ({r['why'][:80]})")
    read = sum(counts_read.values())
    print(f"Blind gold: {read} articles ({', '.join(f'{n} {c}' for c, n in sorted(counts_read.items()))}; "
          f"{skipped} left out: pages without a usable headline, or a corpus not found)")
    figures: dict = {"articles": read, "by_corpus": dict(sorted(counts_read.items()))}
    for split in ("tuning", "held_out"):
        figures[split] = {}
        for code in sorted(counts[split]):
            fires, right, wanted, found = counts[split][code]
            precision = right / fires if fires else None
            recall = found / wanted if wanted else None
            figures[split][code] = {"fires": fires, "right": right, "gold": wanted, "found": found,
                                    "precision": None if precision is None else round(precision, 3),
                                    "recall": None if recall is None else round(recall, 3)}  # fmt: skip
            print(f"  {split:<9} {code:<28} fires {fires:>3} (right {right:>2})  gold {wanted:>2} (found {found:>2})"
                  f"  precision {'-' if precision is None else f'{precision:.2f}'}  recall {'-' if recall is None else f'{recall:.2f}'}")  # fmt: skip
    totals = [sum(counts[split][code][k] for split in counts for code in counts[split]) for k in range(4)]
    fires, right, wanted, found = totals
    figures["all"] = {"fires": fires, "right": right, "gold": wanted, "found": found,
                      "precision": round(right / fires, 3) if fires else None, "recall": round(found / wanted, 3) if wanted else None,
                      "precision %": round(100 * right / fires, 1) if fires else None}  # fmt: skip
    print(f"  all codes, both halves: {right} of {fires} warnings right; {found} of {wanted} labelled findings caught")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bbc", nargs="?", default=None, help="the BBC data folder (default: ../shared/data/bbc)")
    parser.add_argument("--pages", default=None, help="the saved-page folder (default: ../shared/data/extraction)")
    parser.add_argument("--polnear", default=None, help="the PolNeAR folder, for the blind gold's rounds 3 and 4 (default: ../shared/data/polnear)")
    parser.add_argument("--show", action="store_true", help="list every finding with its verdict")
    parser.add_argument("--only", choices=("tuning", "held_out"), default=None,
                        help="blind gold: read only this split (tune on 'tuning'; 'held_out' is for the final figures)")
    args = parser.parse_args(argv)
    bbc = Path(args.bbc) if args.bbc else config.SHARED_DATA_DIR / "bbc"
    nlp = load_nlp()
    figures: dict = {}

    def run(source: Path | bytes):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return analyze(source, nlp=nlp)

    pages = Path(args.pages) if args.pages else config.SHARED_DATA_DIR / "extraction"
    if bbc.exists() and pages.exists():
        polnear = Path(args.polnear) if args.polnear else config.SHARED_DATA_DIR / "polnear"
        figures["blind"] = blind_gold(bbc, pages, run=run, show=args.show, only=args.only, polnear=polnear)
    else:
        print(f"skipped the blind gold: {bbc} or {pages} not found (pass them as arguments)")

    if args.only:
        return 0

    # Part 1: labelled findings on BBC articles.
    gold = []
    for path in sorted(GOLD_DIR.glob("headline_findings*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            gold.extend(csv.DictReader(handle))
    if bbc.exists():
        by_article: dict[str, list[dict]] = defaultdict(list)
        for row in gold:
            by_article[row["article"]].append(row)
        fired: Counter = Counter()
        true_fired: Counter = Counter()
        unlabelled: list[tuple[str, str, str]] = []
        for article, rows in sorted(by_article.items()):
            now = headline_findings(run(bbc / f"{article.split('/', 1)[1]}.txt"))
            labelled = {(r["finding"], r["detail"]): r["verdict"] == "true" for r in rows}
            for finding in now:
                key = (finding["finding"], finding["detail"])
                if key in labelled:
                    fired[key[0]] += 1
                    true_fired[key[0]] += labelled[key]
                else:
                    unlabelled.append((article, *key))
            if args.show:
                for (code, detail), verdict in labelled.items():
                    state = "fires" if any((f["finding"], f["detail"]) == (code, detail) for f in now) else "silent"
                    print(f"  [{article}] {code} {'TRUE ' if verdict else 'false'} {state}: {detail[:90]!r}")
        labelled_true = Counter(r["finding"] for r in gold if r["verdict"] == "true")
        print(f"Labelled headline findings on {len(by_article)} BBC articles ({len(gold)} findings, {sum(labelled_true.values())} true)")
        print("  (a finding the rules no longer make counts nowhere: precision is over those still made)")
        figures["labelled"] = {}
        for code in sorted({r["finding"] for r in gold}):
            n, tp = fired[code], true_fired[code]
            precision = tp / n if n else None
            kept = f"{tp} of {labelled_true[code]} true ones still fire" if labelled_true[code] else "none was true"
            print(f"  {code:<28} still fires {n:>3}; precision {'-' if precision is None else f'{precision:.2f}'} ({kept})")
            figures["labelled"][code] = {"fires": n, "true": tp, "precision": None if precision is None else round(precision, 3),
                                         "labelled": sum(r["finding"] == code for r in gold), "labelled_true": labelled_true[code]}  # fmt: skip
        print(f"  new findings nobody labelled: {len(unlabelled)}")
        for article, code, detail in unlabelled:
            print(f"    [{article}] {code}: {detail[:110]!r}")
        figures["unlabelled"] = len(unlabelled)
    else:
        print(f"skipped the labelled BBC findings: {bbc} not found (pass the BBC folder as the first argument)")

    # Part 2: made-up pairs.
    with (GOLD_DIR / "headline_pairs.csv").open(encoding="utf-8", newline="") as handle:
        pairs = list(csv.DictReader(handle))
    found, alarms, mismatches = 0, 0, 0
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for pair in pairs:
        codes = {f["finding"] for f in headline_findings(run(GOLD_DIR / "headline_pairs" / pair["file"]))}
        if pair["expected"] == "none":
            alarms += bool(codes)
            state = f"false alarm {sorted(codes)}" if codes else "quiet"
        else:
            mismatches += 1
            hit = pair["expected"] in codes
            found += hit
            per_kind[pair["expected"]][0] += hit
            per_kind[pair["expected"]][1] += 1
            state = "found" if hit else f"missed (fired: {sorted(codes) or 'nothing'})"
        print(f"  {pair['file']:<34} {pair['expected']:<24} {state}")
    recall = found / mismatches if mismatches else 0.0
    controls = sum(p["expected"] == "none" for p in pairs)
    print(f"Made-up pairs: recall {recall:.2f} ({found} of {mismatches}); false alarms on controls: {alarms} of {controls}")
    print(f"  {GOAL}")
    figures["pairs"] = {"recall": round(recall, 3), "recall %": round(100 * recall, 1), "found": found, "mismatches": mismatches, "control_false_alarms": alarms,
                        "controls": controls, "per_kind": {k: {"found": v[0], "pairs": v[1]} for k, v in sorted(per_kind.items())}}  # fmt: skip
    if bbc.exists() and not args.only:
        record_results("headline_findings", figures, command="python benchmarks/headline_findings.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
