"""How does the corpus command's parse compare with a bare ``nlp.pipe``, setting the rules aside?

For N BBC articles spread over the corpus (default 400), four processes each load spaCy
and take turns, batch by batch of 32 articles (the corpus batch), each timing its own CPU
seconds:

- ``bare``: spaCy's own pipeline (``load_nlp(array_pipes=False)``, as ``spacy.load``
  gives it), ``nlp.pipe(texts, batch_size=32)``: the corpus benchmark's bare parse;
- ``array_bare``: the same texts and batches through the pipeline ``load_nlp()`` gives,
  whose attribute ruler and lemmatizer run over arrays (:mod:`analysis.parse.array_pipes`);
- ``ours_8``: what the corpus command parses: that pipeline, on Docs from ``make_doc``
  (normalised text, paragraph starts marked as sentence starts), ``nlp.pipe`` batches
  of 8, inside ``nlp.memory_zone()``;
- ``bare_again``: the bare parse in a second process, to show how far two identical sides
  drift apart.

Which side goes first rotates from batch to batch. Each ratio is to ``bare``.

    .venv/bin/python benchmarks/parse_variants.py [BBC_DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import multiprocessing
import time

from lib.benchmarking import data_path, record_results

SIDES = ("bare", "array_bare", "ours_8", "bare_again")
BATCH = 32


def _side(conn, paths: list[str], side: str) -> None:
    from analysis.core import prepare
    from analysis.parse.nlp import load_nlp, make_doc
    from analysis.text.structure import split_paragraphs

    nlp = load_nlp(array_pipes=not side.startswith("bare"))
    prepare(nlp)
    texts = [open(p, encoding="utf-8", errors="replace").read() for p in paths]
    conn.send("ready")
    while (batch := conn.recv()) is not None:
        started = time.process_time()
        chosen = [texts[i] for i in batch]
        if side.endswith(("bare", "again")):
            for _ in nlp.pipe(chosen, batch_size=BATCH):
                pass
        else:
            with nlp.memory_zone():
                docs = [make_doc(text, [start for start, _ in split_paragraphs(text)], nlp) for text in chosen]
                for _ in nlp.pipe(docs, batch_size=int(side.split("_")[1])):
                    pass
        conn.send(time.process_time() - started)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", help="the BBC folder (section folders of .txt files)")
    parser.add_argument("--limit", type=int, default=400, help="articles, spread over the corpus")
    args = parser.parse_args(argv)
    files = sorted(f for f in data_path(args.data, "bbc").rglob("*.txt") if f.name.lower() != "readme.txt")
    n = min(args.limit, len(files))
    paths = [str(files[k * len(files) // n]) for k in range(n)]
    context = multiprocessing.get_context("spawn")
    sides = {}
    for side in SIDES:
        parent, child = context.Pipe()
        process = context.Process(target=_side, args=(child, paths, side))
        process.start()
        sides[side] = (parent, process)
    for parent, _ in sides.values():
        parent.recv()  # loaded
    totals = dict.fromkeys(SIDES, 0.0)
    for k, start in enumerate(range(0, n, BATCH)):
        batch = list(range(start, min(start + BATCH, n)))
        for side in SIDES[k % len(SIDES) :] + SIDES[: k % len(SIDES)]:
            sides[side][0].send(batch)
            totals[side] += sides[side][0].recv()
    for parent, process in sides.values():
        parent.send(None)
        process.join()
    figures = {"articles": n, **{side: {"cpu_seconds": round(totals[side], 1),
                                        "over_bare": round(totals[side] / totals["bare"], 3)} for side in SIDES}}  # fmt: skip
    for side in SIDES:
        print(f"{side:11s} {totals[side]:6.1f} s CPU  {totals[side] / totals['bare']:.3f}x the bare parse")
    record_results("parse_variants", figures, command=f"python benchmarks/parse_variants.py --limit {n}")


if __name__ == "__main__":
    main()
