"""Learn reporting-cue lemmas from PolNeAR train: which words open an attribution, and how
reliably.

For every gold cue of the 840 training articles, the head word of the cue span is
counted by its lemma and its *frame*: ``clause`` when the verb governs a clause (a
``ccomp`` or ``xcomp``: "said that ...", "wants to ..."), else ``other``; so is every
verb of the same texts. A lemma's *precision* in a frame is the share of its
occurrences in that frame that are cues. Verbs seen as a cue with a clause at least
``--min-count`` times with precision at least ``--min-precision`` there are written to
``analysis/lexicons/reporting_cues_learned.csv`` with their counts (the provenance of
every row) and a category: the project lexicon's, else ``cognition`` for verbs of
thought and intention, else ``speech``. The attribution finder reads the rows the
project lexicon lacks, as cues that need a clause. Left out, whatever the counts:
:data:`NOT_CUES` (verbs the claim rules read otherwise).

    .venv/bin/python benchmarks/learn_cues.py [POLNEAR_DIR] [--min-count 8] [--min-precision 0.5]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis import config, load_nlp  # noqa: E402
from analysis.lexicon import load_lexicon  # noqa: E402
from lib.benchmarking import data_path  # noqa: E402
from analysis.reading.textnorm import normalize  # noqa: E402

OUT = config.PACKAGE_DIR / "lexicons" / "reporting_cues_learned.csv"
#: Verbs of thought, intention and feeling: PolNeAR annotates them as attributions (a
#: source's belief or plan), and the claim step reads their stance as belief.
COGNITION = frozenset({
    "think", "believe", "want", "hope", "plan", "fear", "expect", "know", "feel", "intend", "wish", "worry",
    "seek", "aim", "consider", "doubt", "suspect", "assume", "understand", "realize", "realise", "see", "view",
    "predict", "estimate", "agree", "disagree", "support", "oppose", "promise", "vow", "pledge", "threaten",
    "hop",  # the small model's lemma of "hoped"
})  # fmt: skip


#: Verbs PolNeAR marks as cues that this project reads otherwise: appearance verbs are
#: hedges of the author's claim ("appears to show"); "declined"/"refused" report a
#: refusal only in the lexicon's phrases ("declined to comment"), not before any verb
#: ("refused to resign" is an act); "voted to", "offered to", "ordered X to" are acts.
NOT_CUES = {"seem": "a hedge", "appear": "a hedge", "decline": "phrases only", "refuse": "phrases only",
            "vote": "an act", "offer": "an act", "order": "an act"}


def frame(token) -> str:
    """``clause`` when the verb governs a clause ("said that ...", "wants to ..."), else ``other``."""
    return "clause" if any(c.dep_ in ("ccomp", "xcomp") for c in token.children) else "other"


def cue_heads(doc, spans: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """(lemma, frame) of each gold cue whose head word is a verb."""
    heads = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span) or span.root.pos_ != "VERB":
            continue
        heads.append((span.root.lemma_.lower(), frame(span.root)))
    return heads


def gold_cues(ann: Path) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2 and fields[1].startswith("Cue "):
            numbers = [int(x) for x in fields[1][4:].replace(";", " ").split()]
            spans.append((min(numbers), max(numbers)))
    return spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", help="the PolNeAR folder (holding train/)")
    parser.add_argument("--min-count", type=int, default=8, help="times seen as a cue (default: 8)")
    parser.add_argument("--min-precision", type=float, default=0.5, help="share of occurrences that are cues (default: 0.5)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    root = data_path(args.data, "polnear")
    nlp = load_nlp()
    first_ann: dict[str, Path] = {}
    for ann in sorted((root / "train" / "attributions").glob("*.ann")):
        first_ann.setdefault(ann.name.rsplit("_", 1)[0], ann)
    names = sorted(first_ann)
    texts = [(root / "train" / "text" / f"{name}.txt").read_text(encoding="utf-8") for name in names]
    started = time.perf_counter()
    as_cue, seen = Counter(), Counter()
    docs = nlp.pipe((normalize(t) for t in texts), batch_size=16)
    for name, doc in zip(names, docs):
        as_cue.update(cue_heads(doc, gold_cues(first_ann[name])))
        seen.update((t.lemma_.lower(), frame(t)) for t in doc if t.pos_ == "VERB" and t.is_alpha)
    lexicon = load_lexicon("reporting_verbs")  # the project's own, not the learned rows
    known = dict(zip(lexicon["cue"], lexicon["category"]))
    rows = []
    for (lemma, kind), count in as_cue.most_common():
        precision = count / seen[(lemma, kind)] if seen[(lemma, kind)] else 0.0
        if count < args.min_count or precision < args.min_precision or kind != "clause" or not lemma.isalpha() or lemma in NOT_CUES:
            continue
        category = known.get(lemma) or ("cognition" if lemma in COGNITION else "speech")
        rows.append({
            "cue": lemma, "frame": kind, "category": category, "as_cue": count, "occurrences": seen[(lemma, kind)],
            "precision": round(precision, 3), "in_project_lexicon": lemma in known,
            "provenance": f"PolNeAR train ({len(names)} articles): {count} of the {seen[(lemma, kind)]} times it "
                          "governs a clause, it is a gold cue's head; benchmarks/learn_cues.py",
        })  # fmt: skip
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["cue"])
        writer.writeheader()
        writer.writerows(rows)
    total = sum(as_cue.values())
    covered = sum(as_cue[(r["cue"], r["frame"])] for r in rows)
    print(f"PolNeAR train: {len(names)} articles, {total} gold cues headed by a verb, parsed in {time.perf_counter() - started:.0f} s")
    print(f"  {len(rows)} lemmas kept (seen as a cue >= {args.min_count} times, precision >= {args.min_precision}); "
          f"they head {covered} gold cues ({covered / total:.0%}); new to the project's lexicon: "
          f"{sum(not r['in_project_lexicon'] for r in rows)}")  # fmt: skip
    print(f"  wrote {args.out}")
    for row in rows[:40]:
        print(f"    {row['cue']:<14} {row['as_cue']:>5} / {row['occurrences']:<6} {row['precision']:.2f} {row['category']}"
              + ("" if row["in_project_lexicon"] else "  (new)"))


if __name__ == "__main__":
    main()
