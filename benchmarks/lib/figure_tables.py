"""The measured tables of ``docs/benchmarks.md``, written from ``benchmarks/results.json``.

Each function takes the whole results mapping and returns one Markdown table (or a short
block of them); ``benchmarks/render_docs.py`` puts each between its
``<!-- generated: NAME -->`` markers, and ``tests/test_docs.py`` fails when a page no
longer matches the results file. Prose around the tables explains the figures; the
figures themselves live only here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from analysis.vocabulary import STATUS

Results = Mapping[str, Any]


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def _table(header: list[str], rows: list[list[object]]) -> str:
    lines = [_row(*header), _row(*["---"] * len(header))]
    lines += [_row(*row) for row in rows]
    return "\n".join(lines)


def _bold(value: object) -> str:
    return f"**{value}**"


def _thousands(number: int | float) -> str:
    return f"{number:,}"


def _measured(entry: Mapping[str, Any]) -> str:
    return f"*Measured {entry['date']} by `{entry['command']}`.*"


def hedge_table(results: Results) -> str:
    """CoNLL-2010 Task 1: precision, recall and F1 of uncertain sentences, with the anchors."""
    entry = results["hedge_detection"]
    figures = entry["figures"]
    anchors = {
        "bio": "best 2010 system 86.4; cue-word baseline 82.0; goal 85",
        "wiki": "best 2010 system 60.2; cue-word baseline 62.8; goal 65",
    }
    names = {
        "bio": ("BioScope full papers (validation)", "BioScope, all training", "abstracts"),
        "wiki": ("Wikipedia weasel (validation)", "Wikipedia, all training", "the rest"),
    }
    rows: list[list[object]] = []
    for corpus in ("bio", "wiki"):
        validation, seen, learned_on = names[corpus]
        parts = figures[corpus]
        news = parts["news lexicon"]
        domain = parts["+ domain lexicon, validation"]
        shipped = parts["+ shipped domain lexicon (seen data)"]
        rows.append([validation, f"news lexicon only ({_thousands(news['n'])} sentences)",
                     news["precision"], news["recall"], news["f1"], anchors[corpus]])
        rows.append(["", f"+ domain lexicon learned on {learned_on}",
                     domain["precision"], domain["recall"], _bold(domain["f1"]), ""])
        rows.append([seen, f"+ shipped domain lexicon (seen data, {_thousands(shipped['n'])} sentences)",
                     shipped["precision"], shipped["recall"], shipped["f1"], ""])
    table = _table(["corpus", "setting", "P", "R", "F1", "anchors"], rows)
    return f"{table}\n\n{_measured(entry)}"


def claim_status_tables(results: Results) -> str:
    """Accuracy of the claim status on the blind gold set, overall and status by status."""
    entry = results["claim_status"]
    figures = entry["figures"]
    overall = _table(
        ["", "strict", "lenient", "goal"],
        [[f"accuracy ({figures['sentences']} sentences of {figures['articles']} articles)",
          _bold(f"{figures['strict accuracy']:.3f}"), _bold(f"{figures['lenient accuracy']:.3f}"),
          "0.85 / 0.93"]],
    )
    names = {"none": "no status (headline, byline, dateline)"}
    per = figures["per status"]
    order = [status for status in STATUS if status in per] + sorted(set(per) - set(STATUS))
    rows = []
    for status in order:
        counts = per[status]
        rows.append([
            names.get(status, status), counts["gold"], counts["tool"],
            f"{counts['precision']:.2f}", f"{counts['recall']:.2f}", f"{counts['lenient precision']:.2f}",
        ])
    per_status = _table(["status", "labelled", "given", "precision", "recall", "lenient precision"], rows)
    return f"{overall}\n\n{per_status}\n\n{_measured(entry)}"


def headline_table(results: Results) -> str:
    """Headline findings: the labelled BBC findings still made, and the made-up pairs."""
    entry = results["headline_findings"]
    labelled = entry["figures"]["labelled"]
    pairs = entry["figures"]["pairs"]
    firing = {code: counts for code, counts in sorted(labelled.items()) if counts["fires"]}
    fires = sum(counts["fires"] for counts in firing.values())
    true = sum(counts["true"] for counts in firing.values())
    by_code = ", ".join(f"`{code}` {counts['fires']} ({counts['true']} true)" for code, counts in firing.items())
    kinds = ", ".join(f"{kind} {counts['found']} of {counts['pairs']}" for kind, counts in sorted(pairs["per_kind"].items()))
    rows = [
        ["labelled findings still made", f"{fires} ({true} true): {by_code}" if firing else "0"],
        ["made-up pairs: recall", f"{_bold(format(pairs['recall'], '.2f'))} ({pairs['found']} of {pairs['mismatches']}: {kinds})"],
        ["made-up controls: false alarms", f"{pairs['control_false_alarms']} of {pairs['controls']}"],
    ]
    summary = _table(["", "now"], rows)
    blind = entry["figures"].get("blind")
    if not blind:
        return f"{summary}\n\n{_measured(entry)}"

    def share(part: int, whole: int) -> str:
        return f"{part / whole:.2f} ({part} of {whole})" if whole else "-"

    per_code = []
    for code in sorted({c for half in ("tuning", "held_out") for c in blind.get(half, {})}):
        cells: list[object] = [f"`{code}`"]
        for half in ("tuning", "held_out"):
            counts = blind.get(half, {}).get(code, {"fires": 0, "right": 0, "gold": 0, "found": 0})
            cells += [share(counts["right"], counts["fires"]), share(counts["found"], counts["gold"])]
        per_code.append(cells)
    every = blind["all"]
    table = _table(["finding", "tuning: precision", "tuning: recall", "held out: precision", "held out: recall"], per_code)
    overall = (f"Both halves, every kind: {share(every['right'], every['fires'])} of the warnings right; "
               f"{share(every['found'], every['gold'])} of the readers' findings caught.")
    return f"{summary}\n\nBlind gold, {blind['articles']} articles:\n\n{table}\n\n{overall}\n\n{_measured(entry)}"


def attribution_table(results: Results) -> str:
    """PolNeAR dev: exact and overlap F1 (precision/recall) of source, cue and content spans."""
    entry = results["attribution_spans"]
    figures = entry["figures"]
    rows = []
    for relations, name in (("all", "all"), ("speech", "speech verbs")):
        for match in ("exact", "overlap"):
            cells: list[object] = [name, match]
            for part in ("source", "cue", "content"):
                scores = figures[f"{relations} {match} {part}"]
                f1 = _bold(scores["f1"]) if relations == "speech" else scores["f1"]
                cells.append(f"{f1} ({scores['precision']}/{scores['recall']})")
            rows.append(cells)
    rules = figures.get("rules only")
    if rules:
        rows.append(["all, the rules alone", "exact"] + [f"{rules[f'all exact {part}']['f1']} "
                     f"({rules[f'all exact {part}']['precision']}/{rules[f'all exact {part}']['recall']})" for part in ("source", "cue", "content")])  # fmt: skip
    table = _table(["relations", "match", "source F1 (P/R)", "cue F1 (P/R)", "content F1 (P/R)"], rows)
    return f"{table}\n\n{_measured(entry)}"


def speaker_table(results: Results) -> str:
    """PolNeAR dev: how often a relation whose content matches has the right speaker."""
    entry = results["attribution_spans"]
    figures = entry["figures"]
    rows = []
    for kind, name, goal in (("all", "all relations", "90%"), ("direct", "the tool's direct quotes", "97%")):
        plain = figures[f"speaker accuracy {kind}"]
        resolved = figures[f"speaker accuracy {kind} resolved"]
        rows.append([
            name, _thousands(plain["relations"]),
            f"{_bold(plain['accuracy'])}% ({_thousands(plain['right'])})",
            f"{resolved['accuracy']}% ({_thousands(resolved['right'])})", goal,
        ])
    rules = figures.get("rules only")
    if rules:
        for kind, name in (("all", "all relations, the rules alone"), ("direct", "direct quotes, the rules alone")):
            plain = rules[f"speaker accuracy {kind}"]
            rows.append([name, _thousands(plain["relations"]), f"{plain['accuracy']}% ({_thousands(plain['right'])})", "", ""])
    relation = figures["relation overlap"]
    table = _table(["relations", "content matched", "right speaker", "counting a resolved name", "goal"], rows)
    both = (f"Relations matched on both content and source: F1 {relation['f1']} "
            f"(P {relation['precision']}, R {relation['recall']}).")
    return f"{table}\n\n{both}\n\n{_measured(entry)}"


def speakers_real_pages_table(results: Results) -> str:
    """The blind check on real pages: speaker and source type right, with and without the tagger."""
    entry = results["speakers_real_pages"]
    figures = entry["figures"]
    n = figures["rows"]
    rows = [["the package (rules and the learned tagger)", f"{figures['speaker']} of {n}", f"{figures['type']} of {n}",
             _bold(f"{figures['both']} of {n} ({figures['both'] / n:.0%})"), f"{figures['both_lenient']} of {n}"]]  # fmt: skip
    rules = figures.get("rules only")
    if rules:
        rows.append(["the rules alone", f"{rules['speaker']} of {n}", f"{rules['type']} of {n}",
                     f"{rules['both']} of {n} ({rules['both'] / n:.0%})", f"{rules['both_lenient']} of {n}"])  # fmt: skip
    table = _table(["", "right speaker", "right source type", "both (goal 90%)", "both, or the gold's alternative type"], rows)
    return f"{table}\n\n{_measured(entry)}"


def speaker_linking_table(results: Results) -> str:
    """Who a speaking pronoun points to, against the last person named before it."""
    entry = results["speaker_linking"]
    figures = entry["figures"]
    n = figures["rows"]
    by_corpus = figures["by_corpus"]
    rows = [["the package (rules and the learned tagger)", _bold(f"{figures['right']} of {n} ({figures['right_share']:.0%})"),
             *(f"{by_corpus[c]['right']} of {by_corpus[c]['rows']}" for c in ("polnear_dev", "bbc"))]]  # fmt: skip
    rules = figures.get("rules only")
    if rules:
        rows.append(["the rules alone", f"{rules['right']} of {n} ({rules['right_share']:.0%})", "", ""])
    rows.append(["the last person named before the sentence",
                 f"{figures['last_person_right']} of {n} ({figures['last_person_right_share']:.0%})", "", ""])  # fmt: skip
    table = _table(["", "right person", "PolNeAR dev", "BBC"], rows)
    return f"{table}\n\n{_measured(entry)}"


def source_types_table(results: Results) -> str:
    """Accuracy of the source type on the hand-labelled PolNeAR dev attributions."""
    entry = results["source_types"]
    figures = entry["figures"]
    right = sum(n for pair, n in figures["confusion"].items() if pair.split(" -> ")[0] == pair.split(" -> ")[1])
    rows = [[
        figures["gold relations"], figures["articles"], figures["found"],
        f"{_bold(figures['strict accuracy %'])}% ({right})", f"{figures['lenient accuracy'] * 100:.1f}%", "85%",
    ]]
    table = _table(["labelled attributions", "articles", "found by the tool", "type right", "counting a defensible alternative", "goal"], rows)
    mistakes = sorted(
        ((n, pair) for pair, n in figures["confusion"].items() if pair.split(" -> ")[0] != pair.split(" -> ")[1]),
        key=lambda item: (-item[0], item[1]),
    )
    listed = ", ".join(f"{pair.replace(' -> ', ' read as ')} {n}" for n, pair in mistakes)
    return f"{table}\n\nWrong types (labelled read as given): {listed}.\n\n{_measured(entry)}"


def stage_cost_table(results: Results) -> str:
    """Time of the stages after the parse, as shares of the parse time."""
    entry = results["stage_cost"]
    figures = entry["figures"]
    words_per_second = round(figures["words"] / figures["parse_seconds"], -2)
    rows = [
        ["parse", f"{figures['parse_seconds']:.1f} s (about {_thousands(int(words_per_second))} words/s)", ""],
        ["sentences and paragraph roles", f"{figures['sentences and roles / parse'] * 100:.1f}%", ""],
        ["sourcing (attributions, quotes, what each source stands for, their tables)",
         _bold(f"{figures['sourcing / parse'] * 100:.1f}%"), "at most 15%"],
        ["claims (cues, scope, status, claim type)", _bold(f"{figures['claims / parse'] * 100:.1f}%"), "at most 10%"],
    ]
    table = _table([f"stage ({figures['articles']} BBC articles, {_thousands(figures['words'])} words)", "time, share of the parse", "goal"], rows)
    return f"{table}\n\n{_measured(entry)}"


def entity_table(results: Results) -> str:
    """CoNLL-2003 dev: entity F1 of the bare model and with the corrections, and each rule's effect."""
    entry = results["entity_recognition"]
    figures = entry["figures"]
    rows = []
    for key, name in (("bare model", "bare `en_core_web_sm` 3.8"), ("with corrections", "with our corrections")):
        scores = figures[key]
        f1 = _bold(scores["f1"]) if key == "with corrections" else scores["f1"]
        rows.append([name, scores["precision"], scores["recall"], f1]
                    + [scores["per_type_f1"][label] for label in ("PER", "LOC", "ORG", "MISC")])
    table = _table(["", "P", "R", "F1", "PER", "LOC", "ORG", "MISC"], rows)
    rules = sorted(figures["rules"].items(), key=lambda item: (-item[1]["right"], item[0]))
    effect = ", ".join(f"`{rule}` {counts['right']} / {counts['wrong']}" for rule, counts in rules)
    return (f"{table}\n\nWhat each rule adds or loses (entities it changed that are right / wrong "
            f"against gold): {effect}.\n\n{_measured(entry)}")


def report_render_table(results: Results) -> str:
    """Seconds to render the report against the floor of an empty notebook run."""
    entry = results["report_render"]
    figures = entry["figures"]
    rows = [[figures["runs"], f"{figures['floor_seconds']:.1f} s", f"{figures['report_seconds']:.1f} s",
             _bold(f"{figures['ratio']:.2f}x"), "at most 2.5x"]]
    table = _table(["runs (medians)", "floor", "report", "ratio", "goal"], rows)
    return f"{table}\n\n{_measured(entry)}"


def _throughput_row(entry: Mapping[str, Any]) -> list[object]:
    figures = entry["figures"]
    bare = figures["bare_parse_seconds"]
    one, two = figures["jobs 1"], figures["jobs 2"]
    interleaved = figures["interleaved"]
    interleaved_note = f"{interleaved['ratio']}x"
    if interleaved["articles"] != figures["articles"]:
        interleaved_note += f" (on {_thousands(interleaved['articles'])} of them)"
    return [
        f"{_thousands(figures['articles'])} ({_thousands(figures['words'])} words)",
        f"{bare['before']} / {bare['after']} s",
        f"{one['seconds']} s ({one['cpu_seconds']} s CPU), {one['articles_per_second']:.1f} articles/s, "
        f"{_thousands(one['words_per_second'])} words/s",
        f"{two['seconds']} s, {two['articles_per_second']:.1f} articles/s, {_thousands(two['words_per_second'])} words/s",
        f"{_bold(format(figures['end_to_end_over_parse'], '.2f') + 'x')} ({figures['end_to_end_cpu_over_parse_cpu']:.2f}x in CPU seconds)",
        interleaved_note,
    ]


def throughput_table(results: Results) -> str:
    """BBC corpus runs: seconds with one and two processes against a bare spaCy parse."""
    entries = [results[key] for key in ("corpus_throughput_200", "corpus_throughput_2225") if key in results]
    table = _table(
        ["articles", "bare parse (before / after)", "`--jobs 1`", "`--jobs 2`",
         "end to end / parse (goal at most 1.3x)", "interleaved / parse"],
        [_throughput_row(entry) for entry in entries],
    )
    measured = "\n".join(_measured(entry) for entry in entries)
    return f"{table}\n\n{measured}"


def memory_table(results: Results) -> str:
    """Largest resident memory of one process by articles done, in the full BBC run."""
    entry = results["corpus_throughput_2225"]
    figures = entry["figures"]
    marks = [key for key in figures["jobs 1"]["rss_mb_by_articles_done"] if key != "assembly"]
    marks.sort(key=int)
    rows = []
    for jobs, name in (("jobs 1", "`--jobs 1`"), ("jobs 2", "`--jobs 2` (each worker; assembly in the main process)")):
        memory = figures[jobs]["rss_mb_by_articles_done"]
        rows.append([name] + [f"{memory[mark]} MB" for mark in marks] + [f"{memory['assembly']} MB"])
    table = _table(["run"] + [_thousands(int(mark)) for mark in marks] + ["final assembly"], rows)
    return f"{table}\n\n{_measured(entry)}"


def long_article_table(results: Results) -> str:
    """Largest process's peak memory (and time) on the longest article the package accepts."""
    entry = results["long_article"]
    figures = entry["figures"]
    rows = [[f"`{command}`", f"{figures[command]['peak_mb']:,} MB", f"{figures[command]['seconds']} s"]
            for command in ("tables", "report")]  # fmt: skip
    table = _table([f"{_thousands(figures['characters'])} characters ({_thousands(figures['words'])} words)",
                    f"largest process (goal under {_thousands(figures['goal_mb'])} MB)", "wall clock"], rows)  # fmt: skip
    return f"{table}\n\n{_measured(entry)}"


def parse_variants_table(results: Results) -> str:
    """CPU time of the parse variants against spaCy's own pipeline, taking turns batch by batch."""
    entry = results["parse_variants"]
    figures = entry["figures"]
    names = {
        "bare": "spaCy's own pipeline (the reference)",
        "bare_again": "spaCy's own pipeline again (the noise between identical sides)",
        "array_bare": "the pipeline `load_nlp()` gives",
        "ours_8": "the corpus command's parse (paragraph sentence starts, batches of 8, memory zones)",
    }
    rows = [[name, f"{figures[key]['cpu_seconds']} s", _bold(f"{figures[key]['over_bare']:.3f}x")]
            for key, name in names.items()]
    table = _table([f"parse of {figures['articles']} BBC articles", "CPU seconds", "over spaCy's own"], rows)
    return f"{table}\n\n{_measured(entry)}"


def coverage_table(results: Results) -> str:
    """Claim alignment of same-story pairs: matched pairs right, shared claims found,
    certainty and source differences, held out and tuning, and the cost."""
    entry = results["coverage_alignment"]
    figures = entry["figures"]
    rows = []
    for key, name in (("held out", "held-out pairs (4-6, 11-14)"), ("tuning", "pairs the matcher was fitted on (1-3, 7-10)")):
        s = figures[key]
        rows.append([name, f"{_bold(format(s['precision'], '.2f')) if key == 'held out' else format(s['precision'], '.2f')} "
                     f"({s['right']} of {s['predicted']})", f"{s['recall']:.2f} (of {s['gold']})",
                     f"{s['claim recall']:.2f} ({s['claims found']} of {s['claims']})",
                     f"{s['surer right']} of {s['surer']}", f"{s['sources differ found']} of {s['sources differ']}"])  # fmt: skip
    table = _table(["", "matched pairs right (goal 0.85)", "sentence pairs found", "shared claims found (goal 0.6)",
                    "surer side found and right (goal 0.7)", "differing sources found"], rows)  # fmt: skip
    cost = (f"Recall of the high-confidence labelled pairs, all fourteen pairs: {figures['high recall']:.2f} (of "
            f"{figures['high gold']}). Same story found for {figures['same story found']} of {figures['pairs']} pairs"
            + (f"; {figures['told apart']} of {figures['different stories']} pairs of other stories of the same campaign told apart"
               if "told apart" in figures else "") + ". Comparing costs "
            f"{_bold(format(figures['ratio'], '.2f') + 'x')} the time of analysing the articles (goal at most 1.5x)"
            + (f", and {_bold(format(figures['five ratio'], '.2f') + 'x')} for five articles at once."
               if "five ratio" in figures else "."))  # fmt: skip
    cards = figures.get("cards")
    if cards:
        cost += (f" Of the {cards['chosen']} claim pairs the comparison exercise made cards of on all fourteen pairs, "
                 f"{cards['right']} tell the same claim ({_bold(format(cards['precision'], '.2f'))}).")  # fmt: skip
    checks = figures.get("differences check") or {}
    if checks:
        def said(c: dict) -> str:
            total = sum(c.values())
            return f"{c.get('right', 0)} of {total} right, {c.get('half', 0)} half right"

        parts = [f"{name}: {said(p['all'])}" + (f" (of the lines on matched pairs, {said(p['matched pairs'])})"
                                                 if p["matched pairs"] != p["all"] else "") for name, p in sorted(checks.items())]  # fmt: skip
        cost += (" \u201cWhere they differ\u201d lines judged by readers who did not write the matcher (goal 85% right): "
                 + "; ".join(parts) + ".")  # fmt: skip
    for name, counts in sorted((figures.get("matches check") or {}).items()):
        total = sum(counts.values())
        cost += (f" Matched pairs on {name}: {_bold(str(counts.get('yes', 0)))} of {total} tell the same claim "
                 f"({counts.get('yes', 0) / total:.2f}), {counts.get('partly', 0)} partly, {counts.get('no', 0)} not.")
    return f"{table}\n\n{cost}\n\n{_measured(entry)}"


def body_extraction_table(results: Results) -> str:
    """The article body on the public extraction benchmark, the project against trafilatura."""
    entry = results["body_extraction"]
    figures = entry["figures"]
    rows = [[name, _bold(format(figures[key]["f1"], ".3f")) if key == "project" else format(figures[key]["f1"], ".3f"),
             f"{figures[key]['precision']:.3f}", f"{figures[key]['recall']:.3f}", f"{figures[key]['accuracy']:.3f}"]
            for key, name in (("project", "the package (body and subheading paragraphs)"), ("trafilatura", "trafilatura 2, defaults"))]  # fmt: skip
    table = _table(["", "F1 (goal 0.975)", "precision", "recall", "pages exactly right"], rows)
    return f"{table}\n\n{_measured(entry)}"


def identity_table(results: Results) -> str:
    """Who wrote it, who published it and when, against the blind identity gold."""
    entry = results["identity"]
    f = entry["figures"]
    n = f["pages"]
    rows = [[field, f"{f[field]} of {n} ({f[field] / n:.0%})"] for field in ("byline", "outlet", "date")]
    return f"{_table(['', 'right (goal 95%)'], rows)}\n\n{_measured(entry)}"


def analyst_bench_table(results: Results) -> str:
    """analyze_many against a corpus run on the same articles, and the word tools' seconds."""
    entry = results["analyst_bench"]
    figures = entry["figures"]
    corpus, many = figures["corpus_run"], figures["analyze_many"]
    peak = max(corpus["before"]["peak_rss_mb"], corpus["after"]["peak_rss_mb"])
    rows = [
        ["`python -m analysis corpus` (tables to disk)", f"{corpus['before']['seconds']} / {corpus['after']['seconds']} s (before / after)",
         f"{_thousands(peak)} MB", ""],
        ["`analyze_many` (in memory)", f"{many['seconds']} s", f"{_thousands(many['peak_rss_mb'])} MB",
         f"{_bold(format(figures['analyze_many_over_corpus_run'], '.2f') + 'x')} the corpus run (goal at most 1.1x)"],
        [f"`kwic(many, \"say\")`: {_thousands(figures['kwic_say']['hits'])} lines",
         f"{figures['kwic_say']['first_seconds']} s the first time, {figures['kwic_say']['again_seconds']} s again", "",
         "goal under 1 s"],
        [f"`word_frequencies(many)`: {_thousands(figures['word_frequencies']['terms'])} terms", f"{figures['word_frequencies']['seconds']} s", "", ""],
    ]  # fmt: skip
    table = _table([f"{_thousands(figures['articles'])} BBC articles, one process", "seconds", "peak memory", ""], rows)
    return f"{table}\n\n{_measured(entry)}"


TABLES: dict[str, Callable[[Results], str]] = {
    "hedge-table": hedge_table,
    "claim-status-table": claim_status_tables,
    "headline-table": headline_table,
    "attribution-table": attribution_table,
    "speaker-table": speaker_table,
    "speakers-real-pages-table": speakers_real_pages_table,
    "speaker-linking-table": speaker_linking_table,
    "source-types-table": source_types_table,
    "stage-cost-table": stage_cost_table,
    "entity-table": entity_table,
    "report-render-table": report_render_table,
    "throughput-table": throughput_table,
    "memory-table": memory_table,
    "long-article-table": long_article_table,
    "parse-variants-table": parse_variants_table,
    "coverage-table": coverage_table,
    "body-extraction-table": body_extraction_table,
    "identity-table": identity_table,
    "analyst-bench-table": analyst_bench_table,
}
