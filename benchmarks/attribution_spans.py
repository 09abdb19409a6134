"""Attribution span F1 on PolNeAR dev: source, cue and content, exact and overlap match.

Each dev article is analysed as plain text (its first line is the headline); every
attribution row gives a predicted source, cue and content span. A predicted span
matches exactly when its offsets equal a gold span's of the same role (after trimming
whitespace and edge punctuation on both), and by overlap when they share a character.
Precision counts matched predictions, recall matched gold spans. Where an article was
annotated more than once, the first annotation (by file name) is used.

PolNeAR also annotates thoughts and intentions; the "speech" lines keep only gold
relations whose cue is a speech verb of our lexicon (category speech, confirmation,
denial or non_commitment) and our relations with such cues.

Who says so, relation by relation (PolNeAR's event lines link each content to its
source):

- **speaker accuracy**: for every predicted relation whose content overlaps a gold
  content (the gold relation of largest overlap, among those that name a source), is
  the predicted source span overlapping that gold relation's source? Over all such
  relations, and over those the tool calls direct quotes (``quote_type`` direct).
  PolNeAR marks the words in the text that name the source ("I" in "I think" inside
  Lynch's quotation; PolNeAR rarely annotates such a nested relation and then counts
  the outer speaker). A second figure, **resolved**, also counts a relation as right
  when its ``canonical_source`` (what the tool resolved "I", "he" or "the company" to)
  shares a capitalised word with the gold source ("Loretta Lynch" for gold "Lynch").
- **relation F1**: a predicted and a gold relation match when their contents overlap
  and their sources overlap (or neither names one).

    .venv/bin/python benchmarks/attribution_spans.py [POLNEAR_DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections import defaultdict

from analysis import analyze, load_nlp
from analysis.lexicon import load_lexicon
from lib.benchmarking import data_path, record_results, rules_alone

ANCHORS = "published exact F1 on PolNeAR test (source/cue/content): BERT-Cofe 83.2/75.3/72.9; rule-based 10.7/22.8/5.6; CoreNLP quotes 13.9/-/17.5"
GOALS = "goal on dev: exact F1 >= 60 source, 60 cue, 45 content; overlap F1 >= 75 source and cue"
ROLES = ("source", "cue", "content")
EDGE = " \t\n\"'“”‘’,.;:"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def read_brat(path, text: str) -> list[dict[str, tuple[int, int]]]:
    """Gold relations: {role: (start, end)} from the BRAT events of one .ann file."""
    spans, relations = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, *offsets = fields[1].replace(";", " ").split()
            numbers = [int(x) for x in offsets]
            spans[fields[0]] = (label, min(numbers), max(numbers))
        elif line.startswith("E") and len(fields) >= 2:
            relation = {}
            for part in fields[1].split():
                role, _, ref = part.partition(":")
                if role.lower() in ROLES and ref in spans:
                    relation[role.lower()] = trim(text, spans[ref][1], spans[ref][2])
            relations.append(relation)
    return relations


def predicted(result) -> list[dict[str, tuple[int, int]]]:
    relations = []
    for row in result.attributions.to_dict("records"):
        relation = {"cue": trim(result.text, row["cue_start"], row["cue_end"])}
        if row["source_start"] is not None:
            relation["source"] = trim(result.text, row["source_start"], row["source_end"])
        if row["content_start"] is not None:
            relation["content"] = trim(result.text, row["content_start"], row["content_end"])
        relation["lemma"] = row["cue_lemma"]
        relation["canonical"] = row["canonical_source"] or ""
        relation["quote_type"] = row["quote_type"]
        relations.append(relation)
    return relations


def overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _names_agree(canonical: str, gold_source: str) -> bool:
    """The resolved name and the gold source share a capitalised word ("Loretta Lynch",
    "Lynch"); titles and function words are not capitalised inside a name."""
    words = {w.strip(".,'’") for w in gold_source.split() if w[:1].isupper()}
    return bool(words & {w.strip(".,'’") for w in canonical.split() if w[:1].isupper()} - {"The", "A", "I", "We", "He", "She", "It", "They"})


def speaker_counts(gold: list[dict], pred: list[dict], counts: dict, text: str = "") -> None:
    """Add one article's speaker-accuracy and relation-match counts to ``counts``."""
    sourced = [g for g in gold if "content" in g and "source" in g]
    for p in pred:
        content = p.get("content")
        candidates = [g for g in sourced if overlaps(content, g["content"])]
        if not candidates:
            continue
        best = max(candidates, key=lambda g: min(content[1], g["content"][1]) - max(content[0], g["content"][0]))
        right = overlaps(p.get("source"), best["source"])
        resolved = right or _names_agree(p.get("canonical", ""), text[best["source"][0] : best["source"][1]])
        for subset in ("all", "direct") if p["quote_type"] == "direct" else ("all",):
            counts[f"speaker_{subset}_n"] += 1
            counts[f"speaker_{subset}_right"] += right
            counts[f"speaker_{subset}_resolved"] += resolved

    def same(p: dict, g: dict) -> bool:
        sources = overlaps(p.get("source"), g.get("source")) or ("source" not in p and "source" not in g)
        return overlaps(p.get("content"), g.get("content")) and sources

    counts["relation_pred"] += len(pred)
    counts["relation_gold"] += len(gold)
    counts["relation_tp_pred"] += sum(any(same(p, g) for g in gold) for p in pred)
    counts["relation_tp_gold"] += sum(any(same(p, g) for p in pred) for g in gold)


def f1(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return {"precision": round(100 * p, 1), "recall": round(100 * r, 1), "f1": round(200 * p * r / (p + r), 1) if p + r else 0.0}


def measure(items, root, nlp, speech_lemmas, *, quiet: bool = False) -> dict:
    """Every figure of the module docstring over ``items`` (one run of the package)."""
    counts = {subset: {m: defaultdict(int) for m in ("exact", "overlap")} for subset in ("all", "speech")}
    speakers: dict = defaultdict(int)
    for name, ann in items:
        text = (root / "dev" / "text" / f"{name}.txt").read_text(encoding="utf-8")
        gold = read_brat(ann, text)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = analyze(text, nlp=nlp)
        pred = predicted(result)
        speaker_counts(gold, pred, speakers, text)
        for subset in ("all", "speech"):
            if subset == "speech":
                g_rel = [g for g in gold if "cue" in g and any(w in speech_lemmas for w in _lemmas(nlp, text, g["cue"]))]
                p_rel = [p for p in pred if p["lemma"] in speech_lemmas]
            else:
                g_rel, p_rel = gold, pred
            for role in ROLES:
                g_spans = [g[role] for g in g_rel if role in g]
                p_spans = [p[role] for p in p_rel if role in p]
                for mode in ("exact", "overlap"):
                    same = (lambda a, b: a == b) if mode == "exact" else (lambda a, b: a[0] < b[1] and b[0] < a[1])
                    c = counts[subset][mode]
                    c[f"{role}_pred"] += len(p_spans)
                    c[f"{role}_gold"] += len(g_spans)
                    c[f"{role}_tp_pred"] += sum(any(same(p, g) for g in g_spans) for p in p_spans)
                    c[f"{role}_tp_gold"] += sum(any(same(p, g) for p in p_spans) for g in g_spans)
    figures: dict = {"articles": len(items)}
    for subset in ("all", "speech"):
        for mode in ("exact", "overlap"):
            c = counts[subset][mode]
            line = []
            for role in ROLES:
                fig = f1(c[f"{role}_tp_pred"], c[f"{role}_pred"], c[f"{role}_tp_gold"], c[f"{role}_gold"])
                figures[f"{subset} {mode} {role}"] = fig
                line.append(f"{role} P {fig['precision']:5.1f} R {fig['recall']:5.1f} F1 {fig['f1']:5.1f}")
            if not quiet:
                print(f"  {subset:<6} {mode:<7} " + " | ".join(line))
    for subset, label in (("all", "all relations"), ("direct", "direct quotes")):
        n, right = speakers[f"speaker_{subset}_n"], speakers[f"speaker_{subset}_right"]
        figures[f"speaker accuracy {subset}"] = {"accuracy": round(100 * right / n, 1) if n else 0.0, "right": right, "relations": n}
        resolved = speakers[f"speaker_{subset}_resolved"]
        figures[f"speaker accuracy {subset} resolved"] = {"accuracy": round(100 * resolved / n, 1) if n else 0.0, "right": resolved, "relations": n}
        if not quiet:
            print(f"  speaker accuracy, {label}: {figures[f'speaker accuracy {subset}']['accuracy']:.1f}% ({right} of {n} "
                  "predicted relations whose content overlaps a gold content name an overlapping source)")  # fmt: skip
            print(f"  speaker accuracy, {label}, resolved: {figures[f'speaker accuracy {subset} resolved']['accuracy']:.1f}% "
                  f"({resolved} of {n}: the span overlaps, or the name it resolves to is the gold source's)")
    relation = f1(speakers["relation_tp_pred"], speakers["relation_pred"], speakers["relation_tp_gold"], speakers["relation_gold"])
    figures["relation overlap"] = relation
    if not quiet:
        print(f"  relations (content and source both overlap): P {relation['precision']:.1f} R {relation['recall']:.1f} F1 {relation['f1']:.1f}")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", help="the PolNeAR folder (holding dev/)")
    parser.add_argument("--limit", type=int, default=None, help="first N dev articles only")
    args = parser.parse_args()
    root = data_path(args.data, "polnear")
    nlp = load_nlp()
    # The project's own lexicon (not the learned cues), so the "speech" subset stays the same set.
    lexicon = load_lexicon("reporting_verbs")
    speech_lemmas = set(lexicon.loc[lexicon["category"] != "cognition", "cue"])
    first_ann = {}
    for ann in sorted((root / "dev" / "attributions").glob("*.ann")):
        first_ann.setdefault(ann.name.rsplit("_", 1)[0], ann)
    items = sorted(first_ann.items())[: args.limit]
    started = time.perf_counter()
    print(f"PolNeAR dev: {len(items)} articles")
    print(f"  anchors: {ANCHORS}")
    print(f"  {GOALS}")
    print("  the package as it runs (rules and the learned tagger):")
    figures = measure(items, root, nlp, speech_lemmas)
    # The same articles with the learned tagger off: what the model adds to the rules.
    with rules_alone():
        rules = measure(items, root, nlp, speech_lemmas, quiet=True)
    figures["rules only"] = {key: rules[key] for key in ("all exact source", "all exact cue", "all exact content",
                                                          "speaker accuracy all", "speaker accuracy direct", "relation overlap")}
    print("  the rules alone: exact F1 source / cue / content "
          + " / ".join(str(rules[f"all exact {role}"]["f1"]) for role in ROLES)
          + f"; speaker accuracy {rules['speaker accuracy all']['accuracy']}%, direct quotes "
          f"{rules['speaker accuracy direct']['accuracy']}%")
    print(f"  ({time.perf_counter() - started:.0f} s)")
    print("  goal: speaker accuracy >= 90% over all relations, >= 97% on direct quotes")
    record_results("attribution_spans", figures, command="python benchmarks/attribution_spans.py")


def _lemmas(nlp, text: str, span: tuple[int, int]) -> list[str]:
    """Lemmas of a gold cue, for sorting gold relations into speech and thought."""
    words = text[span[0] : span[1]]
    return [t.lemma_.lower() for t in nlp(words)] + [words.lower()]


if __name__ == "__main__":
    main()
