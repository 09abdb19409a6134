"""Speaker linking on its own: who a "he said", "she added" or "they told" points to.

The gold (``benchmarks/gold/speaker_links.csv``) holds sentences in which a pronoun stands
near a verb of speaking, sampled by ``benchmarks/gold/pick_speaker_links.py`` from PolNeAR
dev (never used to train or tune) and from BBC articles no behaviour-preservation run
reads, and labelled by a reader who saw the article, never the tool: whether the pronoun
speaks there (``speaks``) and who it is (``speaker``, the fullest name the article gives).

For each row where the pronoun speaks and the reader could tell who it is, the article is
analysed as a user would (``analyze(path)``), the sentence is found in the tool's text,
and the attribution whose source phrase holds the pronoun gives the tool's answer, its
``canonical_source``. It is right when it and the gold share a capitalised word other than
a title, or one holds the other once lower-cased (as ``speakers_real_pages.py`` judges).
A pronoun the tool links to nothing counts as wrong ("no attribution").

Two baselines in the same run: the **last person named** before the sentence (the
``entities`` table's last ``PERSON`` mention, a common default of quotation tools), and
the tool with its learned tagger off.

    .venv/bin/python benchmarks/speaker_linking.py [SHARED_DATA_DIR] [--show]
"""

from __future__ import annotations

import argparse
import csv
import re
import warnings
from collections import Counter
from pathlib import Path

from analysis import analyze, config, load_nlp
from lib.benchmarking import data_path, record_results, rules_alone
from speakers_real_pages import speaker_right

GOLD = config.PROJECT_DIR / "benchmarks" / "gold" / "speaker_links.csv"
QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "`": "'"})


def _squash(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, quotation marks made plain ('' as "), and each kept
    character's offset in the original."""
    kept, i = [], 0
    while i < len(text):
        if text.startswith("''", i):
            kept.append(('"', i))
            i += 2
            continue
        if not text[i].isspace():
            kept.append((text[i].translate(QUOTE_MARKS), i))
        i += 1
    return "".join(c for c, _ in kept), [i for _, i in kept]


def pronoun_offset(text: str, sentence: str, pronoun: str, index: int) -> int | None:
    """Where the ``index``-th whole-word ``pronoun`` of ``sentence`` sits in ``text``."""
    hits = [m.start() for m in re.finditer(rf"\b{re.escape(pronoun)}\b", sentence)]
    if index >= len(hits):
        return None
    haystack, offsets = _squash(text)
    needle, _ = _squash(sentence)
    before, _ = _squash(sentence[: hits[index]])
    at = haystack.find(needle)
    if at < 0:
        return None
    return offsets[at + len(before)]


def last_person_before(result, offset: int) -> str | None:
    people = result.entities[(result.entities["label"] == "PERSON") & (result.entities["end"] <= offset)]
    sentence_start = result.sentences.loc[result.sentences["start"] <= offset, "start"].max()
    people = people[people["end"] <= sentence_start]
    return None if people.empty else str(people.iloc[-1]["canonical"])


def measure(gold: list[dict], data: Path, nlp) -> tuple[dict, list]:
    counts = Counter()
    per_corpus: dict[str, Counter] = {}
    wrong = []
    cache: dict[str, object] = {}
    for row in gold:
        if row["speaks"] != "yes" or row["speaker"] in ("", "unclear"):
            continue
        root = data / ("polnear/dev/text" if row["corpus"] == "polnear_dev" else "bbc")
        path = root / row["file"]
        if str(path) not in cache:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                cache[str(path)] = analyze(path, nlp=nlp)
        result = cache[str(path)]
        tally = per_corpus.setdefault(row["corpus"], Counter())
        counts["rows"] += 1
        tally["rows"] += 1
        offset = pronoun_offset(result.text, row["sentence"], row["pronoun"], int(row["pronoun_index"]))
        if offset is None:
            counts["not_found"] += 1
            wrong.append((row, "(sentence not found)"))
            continue
        table = result.attributions
        holding = table[(table["source_start"] <= offset) & (table["source_end"] > offset)]
        tool = None if holding.empty else holding.iloc[0]["canonical_source"]
        tool = tool if isinstance(tool, str) and tool else None
        gold_row = {"speaker": row["speaker"]}
        right = tool is not None and speaker_right(gold_row, tool, "person")
        baseline = last_person_before(result, offset)
        counts["linked"] += tool is not None
        counts["right"] += right
        counts["last_person_right"] += baseline is not None and speaker_right(gold_row, baseline, "person")
        tally["right"] += right
        if not right:
            wrong.append((row, tool or "(no attribution)"))
    figures = {key: counts[key] for key in ("rows", "linked", "right", "last_person_right", "not_found")}
    figures["articles"] = len(cache)
    for key in ("right", "last_person_right", "linked"):
        figures[f"{key}_share"] = round(counts[key] / max(counts["rows"], 1), 3)
    figures["by_corpus"] = {
        corpus: {"rows": tally["rows"], "right": tally["right"], "right_share": round(tally["right"] / tally["rows"], 3)}
        for corpus, tally in sorted(per_corpus.items())
    }
    return figures, wrong


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", help="the shared data folder (holding polnear/ and bbc/)")
    parser.add_argument("--show", action="store_true", help="print every row the tool gets wrong")
    args = parser.parse_args(argv)
    data = data_path(args.data, "")
    if not (data / "polnear" / "dev").is_dir() or not (data / "bbc").is_dir():
        print(f"skipped: {data} holds no polnear/dev and bbc folders (pass the shared data folder)")
        return
    gold = list(csv.DictReader(GOLD.open(encoding="utf-8")))
    nlp = load_nlp()
    figures, wrong = measure(gold, data, nlp)
    with rules_alone():
        rules, _ = measure(gold, data, nlp)
    figures["rules only"] = {key: rules[key] for key in ("right", "right_share")}
    n = figures["rows"]
    print(f"speaker linking: {n} pronouns that speak, from {figures['articles']} articles (PolNeAR dev and unread BBC)")
    print(f"  right {figures['right']} ({figures['right_share']:.1%}); linked to any source {figures['linked']} "
          f"({figures['linked_share']:.1%}); sentence not found {figures['not_found']}")
    for corpus, tally in figures["by_corpus"].items():
        print(f"    {corpus}: {tally['right']} of {tally['rows']} ({tally['right_share']:.1%})")
    print(f"  the last person named before the sentence: {figures['last_person_right']} ({figures['last_person_right_share']:.1%})")
    print(f"  the rules alone (tagger off): {rules['right']} ({rules['right_share']:.1%})")
    if args.show:
        for row, tool in wrong:
            print(f"  - [{row['corpus']} {row['file'][:40]}] gold {row['speaker']!r}, tool {tool!r}: {row['sentence'][:100]}")
    record_results("speaker_linking", figures, command="python benchmarks/speaker_linking.py")


if __name__ == "__main__":
    main()
