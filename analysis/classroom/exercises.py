"""Classroom exercises from any article: claim cards, questions, and answers checked with evidence.

What it builds: the ``claim cards`` (body sentences chosen by a stated rule to cover
different statuses and source types), the questions of each task with what the tool can
do for them, the answer key, a blank answer sheet for students, and
:func:`check_answers`, which compares a student's answers with the key and explains each
difference with the evidence (cue words, character offsets, the rule), accepting
defensible alternatives. A teacher's own key (CSV) overrides the tool's where they
disagree; the tool's evidence is still shown.

The tasks follow established practice: SIFT (Stop, Investigate the source, Find better
coverage, Trace claims; Caulfield 2019), the Stanford History Education Group's Civic
Online Reasoning questions (Who is behind the information? What is the evidence? What
do other sources say?), and newsroom rules on anonymous sources (AP, Reuters). Lateral
reading, leaving the article to check who is behind it, is always the student's step:
the tool marks it ``none``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.errors import InputError
from analysis.vocabulary import CARD_STATUS_ORDER, DECIDING_STANCES, NAMELESS_SOURCE_TYPES, SOURCE_TYPE, STATUS

__all__ = [
    "FIELDS",
    "STATUSES",
    "SOURCE_TYPES",
    "claim_cards",
    "questions",
    "answer_key",
    "blank_answers",
    "read_teacher_key",
    "check_key_sentences",
    "check_answers",
    "score",
    "worksheet_html",
    "answer_key_html",
]

STATUSES = tuple(STATUS)
SOURCE_TYPES = tuple(SOURCE_TYPE)
#: What students fill in for each claim card.
FIELDS = ("status", "source", "source_type", "cues")
#: Answers the key accepts beside its own, and why (labels a careful reader could defend).
DEFENSIBLE = {
    ("status", "reported", "confirmed"): "a source confirming is also reporting",
    ("status", "hedged", "unconfirmed"): "an unconfirmed claim is also hedged",
    ("status", "unconfirmed", "hedged"): "a hedge on an attributed claim leaves it unconfirmed",
    ("source_type", "anonymous", "unnamed"): "one unnamed person or an unnamed group: both withhold the name",
    ("source_type", "unnamed", "anonymous"): "one unnamed person or an unnamed group: both withhold the name",
    ("source_type", "organization", "document"): "a named body and its statement",
}


def claim_cards(result, *, n: int = 6) -> pd.DataFrame:
    """Body sentences for the claim-card task, chosen to cover statuses and source types.

    Rule: for each status in the order confirmed, unconfirmed, hedged, reported,
    asserted, take the first body sentence (in reading order) with that status whose
    source type is not yet on a card, else the first with that status; then fill up to
    ``n`` cards with the earliest unused body sentences whose source type is new, then
    in reading order. Cards are numbered in reading order.

    Returns:
        Columns: card, sent_id, text.
    """
    body = result.body_sentences
    chosen: list[int] = []
    types: set[str] = set()

    def take(rows: pd.DataFrame) -> None:
        fresh = rows[~rows["claim_source_type"].isin(types)]
        row = (fresh if len(fresh) else rows).iloc[0]
        chosen.append(int(row["sent_id"]))
        types.add(row["claim_source_type"])

    for status in CARD_STATUS_ORDER:
        rows = body[(body["status"] == status) & ~body["sent_id"].isin(chosen)]
        if len(rows) and len(chosen) < n:
            take(rows)
    while len(chosen) < min(n, len(body)):
        take(body[~body["sent_id"].isin(chosen)])
    cards = body[body["sent_id"].isin(chosen)].sort_values("sent_id")
    return pd.DataFrame({"card": range(1, len(cards) + 1), "sent_id": cards["sent_id"].to_numpy(), "text": cards["text"].to_numpy()})


def questions() -> pd.DataFrame:
    """Every task's questions, the framework step each comes from, and what the tool can do:
    ``answer`` (it answers from the text), ``evidence`` (it surfaces the evidence, the
    student judges) or ``none`` (it needs reading outside the text)."""
    rows = [
        ("claim cards", "For each card: what is its status, who is its source, and what type of source?", "answer", "SIFT: Trace claims; COR: What is the evidence?"),
        ("claim cards", "Which words tell you how sure the claim is?", "answer", "SIFT: Trace claims"),
        ("headline", "Is the headline's claim supported by the body? Where does the body hedge it?", "evidence", "SIFT: Trace claims to the original context"),
        ("anonymous sources", "Which sources are not named? Is a reason given for each?", "answer", "AP and Reuters rules on anonymous sources"),
        ("anonymous sources", "What would you need to know to trust them?", "none", "COR: Who is behind the information?"),
        ("scare quotes", "Which words are in scare quotes or marked 'so-called', and whose words are they?", "evidence", "SIFT: Stop (notice loaded language)"),
        ("numbers", "Which numbers come with a source? Which are approximate?", "answer", "COR: What is the evidence?"),
        ("what is missing", "Is there a byline, an outlet and a dateline? Does the key claim rest on a named source? Is the other side heard?", "evidence", "SIFT: Investigate the source"),
        ("lateral reading", "Leave the article: who is behind the outlet, and what do other sources say about the key claim?", "none", "SIFT: Find better coverage; COR: What do other sources say?"),
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["task", "question", "tool_support", "framework"])




def _cues(result, sent_id: int) -> list[str]:
    """The words that decide how sure a claim is: hedges and boosters on its main claim,
    and reporting verbs that confirm, deny, distance or refuse."""
    cues = result.cues[(result.cues["sent_id"] == sent_id) & result.cues["governs_main_claim"]]
    verbs = result.attributions[(result.attributions["sent_id"] == sent_id) & result.attributions["cue_stance"].isin(DECIDING_STANCES)]
    return sorted(set(cues["text"].str.lower()) | set(verbs["cue"].str.lower()))


def answer_key(result, cards: pd.DataFrame | None = None) -> pd.DataFrame:
    """The tool's answers for the claim cards, with their evidence.

    Columns: card, sent_id, status, source, source_type, cues (words deciding how sure
    the claim is), evidence (the status rule, with cue offsets).
    """
    cards = claim_cards(result) if cards is None else cards
    sentences = result.sentences.set_index("sent_id")
    rows = []
    for card in cards.itertuples():
        sentence = sentences.loc[card.sent_id]
        cues = result.cues[(result.cues["sent_id"] == card.sent_id) & result.cues["governs_main_claim"]]
        verbs = result.attributions[
            (result.attributions["sent_id"] == card.sent_id) & result.attributions["cue_stance"].isin(DECIDING_STANCES)
        ]
        spans = "; ".join(
            [f"'{c.text}' [{c.start}:{c.end}] ({c.kind}, {c.category}, rule {c.rule})" for c in cues.itertuples()]
            + [f"'{v.cue}' [{v.cue_start}:{v.cue_end}] (reporting verb, {v.cue_stance})" for v in verbs.itertuples()]
        )
        rows.append(
            {
                "card": card.card,
                "sent_id": card.sent_id,
                "status": sentence["status"],
                "source": sentence["claim_source"],
                "source_type": sentence["claim_source_type"],
                "cues": _cues(result, card.sent_id),
                "evidence": f"{sentence['status_reason']}" + (f"; cues: {spans}" if spans else ""),
            }
        )
    return pd.DataFrame(rows)


def blank_answers(cards: pd.DataFrame) -> pd.DataFrame:
    """The students' answer sheet: one row per card, each field to fill in (cues as a list)."""
    return pd.DataFrame(
        {"card": cards["card"], "sent_id": cards["sent_id"], "status": None, "source": None, "source_type": None,
         "cues": [[] for _ in range(len(cards))]}  # fmt: skip
    )


#: The columns a teacher's key may have.
KEY_COLUMNS = ("sent_id", *FIELDS)


def read_teacher_key(path: str | Path, *, result=None) -> pd.DataFrame:
    """A teacher's answer key: a CSV with ``sent_id`` and any of status, source,
    source_type, cues (cues separated by ``;``). Blank cells leave the tool's answer.

    The key is checked before it is used, each problem named by its line in the file:
    unknown columns, a ``sent_id`` that is not a whole number or appears twice, a status
    or source type outside the vocabulary. With ``result`` (the article's analysis) each
    ``sent_id`` must also be one of its body claims (see :func:`check_key_sentences`).

    Raises:
        InputError: The file cannot be read, or the key is not valid (one line).
    """
    name = str(path)
    try:
        key = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise InputError(f"{name}: cannot read the teacher's key: {' '.join(str(error).split())}") from None
    key.columns = [str(c).strip() for c in key.columns]
    unknown = [c for c in key.columns if c not in KEY_COLUMNS]
    if unknown:
        raise InputError(f"{name}: unknown column{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))} "
                         f"(a teacher's key has: {', '.join(KEY_COLUMNS)})")  # fmt: skip
    if "sent_id" not in key.columns:
        raise InputError(f"{name}: a teacher's key needs a sent_id column")
    seen: dict[int, int] = {}
    ids = []
    for row, value in enumerate(key["sent_id"].tolist()):
        line = row + 2  # the header is line 1, as a spreadsheet numbers rows
        if not re.fullmatch(r"\s*\d+\s*", value):
            raise InputError(f"{name}, line {line}: sent_id {value!r} is not a sentence number (a whole number, 0 or more)")
        sent_id = int(value)
        if sent_id in seen:
            raise InputError(f"{name}, line {line}: sentence {sent_id} is already in the key (line {seen[sent_id]})")
        seen[sent_id] = line
        ids.append(sent_id)
        for field, allowed in (("status", STATUSES), ("source_type", SOURCE_TYPES)):
            given = key.at[row, field].strip().lower() if field in key.columns else ""
            if given and given not in allowed:
                raise InputError(f"{name}, line {line}: {field} {given!r} is not one of {', '.join(allowed)}")
    key["sent_id"] = ids
    for field in ("status", "source_type"):
        if field in key.columns:
            key[field] = key[field].str.strip().str.lower()
    if "cues" in key.columns:
        key["cues"] = key["cues"].map(lambda v: [c.strip().lower() for c in v.split(";") if c.strip()] if v else None)
    key.attrs["lines"] = seen  # sent_id -> line in the file, for later messages
    if result is not None:
        check_key_sentences(key, result, name=name)
    return key


def check_key_sentences(key: pd.DataFrame, result, *, name: str = "teacher key") -> None:
    """Refuse a key whose ``sent_id`` is not one of the article's body claims (the
    sentences with a status: the only ones a card can show).

    Raises:
        InputError: Naming the key's line and the sentences the article has.
    """
    sentences = result.sentences
    claims = set(sentences.loc[sentences["status"].notna(), "sent_id"].tolist())
    lines = key.attrs.get("lines", {})
    for sent_id in key["sent_id"].tolist():
        if sent_id in claims:
            continue
        where = f"{name}, line {lines[sent_id]}" if sent_id in lines else name
        if sent_id not in set(sentences["sent_id"].tolist()):
            last = int(sentences["sent_id"].max()) if len(sentences) else -1
            raise InputError(f"{where}: the article has no sentence {sent_id} (its sentences are 0-{last})")
        raise InputError(f"{where}: sentence {sent_id} is not a body claim (a headline, caption or set-aside "
                         "paragraph), so no card asks about it")  # fmt: skip


def _same_source(given: str, expected: str, result, sent_id: int) -> bool:
    """A source answer matches its canonical name, the words the article uses for it, or
    its last name; case and a leading "the" do not matter."""
    def norm(text: str) -> str:
        text = str(text).strip().lower()
        return text[4:] if text.startswith("the ") else text

    given_n, expected_n = norm(given), norm(expected)
    if not given_n:
        return False
    forms = {expected_n, expected_n.split()[-1] if expected_n else ""}
    rows = result.attributions[result.attributions["sent_id"] == sent_id]
    forms |= {norm(t) for t in rows["source"] if isinstance(t, str) and t}
    return given_n in forms


def check_answers(answers: pd.DataFrame, result, *, key: pd.DataFrame | None = None) -> pd.DataFrame:
    """Compare a student's claim-card answers with the key and explain every verdict.

    Args:
        answers: Rows with card or sent_id, and the :data:`FIELDS` (as from
            :func:`blank_answers`).
        result: The article's :class:`~analysis.core.Analysis`.
        key: A teacher's key (:func:`read_teacher_key`); where it gives an answer, it is
            the one graded against, and the tool's evidence is still shown.

    Returns:
        One row per card and field: card, sent_id, field, given, expected, verdict
        (``correct``, ``defensible``, ``wrong``, ``missing``), explanation.
    """
    tool = answer_key(result, claim_cards(result) if "card" not in answers else answers[["card", "sent_id"]].assign(text=""))
    tool = tool.set_index("sent_id")
    teacher = key.set_index("sent_id") if key is not None else None
    rows = []
    for answer in answers.to_dict("records"):
        sent_id = int(answer["sent_id"])
        if sent_id not in tool.index:
            continue
        truth = tool.loc[sent_id]
        for field in FIELDS:
            given = answer.get(field)
            expected = truth[field]
            by = "the tool"
            if teacher is not None and sent_id in teacher.index and field in teacher.columns:
                value = teacher.at[sent_id, field]
                if value not in ("", None) and not (isinstance(value, float) and pd.isna(value)):
                    by = "the teacher's key"
                    expected = value
            disagreement = "" if by == "the tool" or expected == truth[field] else f" (the tool says {truth[field]!r})"
            evidence = f"Evidence: {truth['evidence']}"
            empty_cues_expected = field == "cues" and isinstance(given, list) and not given and not expected
            if given is None or (isinstance(given, (list, str)) and not given and not empty_cues_expected):
                verdict, why = "missing", f"No answer. {by.capitalize()} says {expected!r}{disagreement}. {evidence}"
            elif field == "cues":
                given_set = {str(c).strip().lower() for c in given}
                expected_set = set(expected or [])
                if given_set == expected_set:
                    verdict, why = "correct", (f"These are the words that decide how sure the claim is. {evidence}" if expected_set
                                               else f"No word hedges or firms this claim. {evidence}")  # fmt: skip
                elif expected_set and given_set & expected_set:
                    verdict, why = "defensible", (f"Some of the deciding words: {sorted(expected_set)} per {by}; "
                                                  f"you gave {sorted(given_set)}. {evidence}")  # fmt: skip
                else:
                    verdict, why = "wrong", f"{by.capitalize()} marks {sorted(expected_set) or 'no cue words'}{disagreement}. {evidence}"
            elif field == "source":
                if _same_source(given, str(expected), result, sent_id):
                    verdict, why = "correct", f"The claim rests on {expected}. {evidence}"
                else:
                    verdict, why = "wrong", f"The claim rests on {expected!r} per {by}{disagreement}, not {given!r}. {evidence}"
            else:
                given_n = str(given).strip().lower()
                if given_n == str(expected):
                    verdict, why = "correct", f"{evidence}"
                elif (field, str(expected), given_n) in DEFENSIBLE:
                    verdict, why = "defensible", (f"{by.capitalize()} says {expected!r}, but {given_n!r} can be defended: "
                                                  f"{DEFENSIBLE[(field, str(expected), given_n)]}. {evidence}")  # fmt: skip
                else:
                    verdict, why = "wrong", f"{by.capitalize()} says {expected!r}{disagreement}, not {given_n!r}. {evidence}"
            rows.append({"card": int(answer.get("card", 0) or 0), "sent_id": sent_id, "field": field, "given": given,
                         "expected": expected, "verdict": verdict, "explanation": why})  # fmt: skip
    return pd.DataFrame(rows, columns=["card", "sent_id", "field", "given", "expected", "verdict", "explanation"])


def score(checked: pd.DataFrame) -> float:
    """Marks out of 1: correct counts 1, defensible 1, wrong and missing 0."""
    if checked.empty:
        return 0.0
    return float(checked["verdict"].isin(["correct", "defensible"]).mean())


# --- Printable pages -----------------------------------------------------------------

_PAGE_STYLE = """<style>
body {font-family: Georgia, serif; max-width: 46em; margin: 2em auto; line-height: 1.5; color: #111;}
h1, h2, h3 {font-family: sans-serif;} .card {border: 1px solid #999; padding: 0.6em 1em; margin: 1em 0; page-break-inside: avoid;}
.line {border-bottom: 1px solid #999; height: 1.8em;} .support {font: 11px sans-serif; color: #555;}
table {border-collapse: collapse; font-size: 13px;} td, th {border: 1px solid #bbb; padding: 3px 6px; vertical-align: top;}
.evidence {font-size: 12px; color: #333;} @media print {a {color: inherit;}}
</style>"""

STATUS_HELP = STATUS.descriptions
SOURCE_HELP = SOURCE_TYPE.descriptions


def _esc(value) -> str:
    import html

    return html.escape(str(value), quote=True)


def _labels_help() -> str:
    status = "".join(f"<li><b>{s}</b>: {_esc(h)}</li>" for s, h in STATUS_HELP.items())
    sources = "".join(f"<li><b>{s}</b>: {_esc(h)}</li>" for s, h in SOURCE_HELP.items())
    return f"<h3>Status</h3><ul>{status}</ul><h3>Source type</h3><ul>{sources}</ul>"


def _article_html(result) -> str:
    """The body paragraphs (what the tasks ask about), each as printed text."""
    body = result.paragraphs[result.paragraphs["role"] == "body"]
    return "".join(f"<p>{_esc(text)}</p>" for text in body["text"])


def worksheet_html(result, *, title: str | None = None) -> str:
    """A printable worksheet for classes without Jupyter: the article's body, the labels
    explained, the claim cards with blank fields and every question with room to
    answer. No answers."""
    cards = claim_cards(result)
    parts = ["<!doctype html><html><head><meta charset='utf-8'>", f"<title>{_esc(title or 'Source criticism worksheet')}</title>",
             _PAGE_STYLE, "</head><body>", f"<h1>{_esc(title or 'Source criticism worksheet')}</h1>",
             f"<p><b>Headline:</b> {_esc(result.headline or '(none)')}</p>",
             "<p>Work through the article with SIFT: <b>Stop</b>, <b>Investigate</b> the source, <b>Find</b> better "
             "coverage, <b>Trace</b> claims to their origin.</p>", "<h2>The article</h2>", _article_html(result),
             "<h2>Labels</h2>", _labels_help(),
             "<h2>Task 1: claim cards</h2><p>For each sentence: its status, its source, the source type, and the words "
             "that tell you how sure it is (underline them).</p>"]  # fmt: skip
    for card in cards.itertuples():
        parts.append(f"<div class='card'><p><b>Card {card.card}</b> (sentence {card.sent_id}): {_esc(card.text)}</p>"
                     + "".join(f"<p>{field}:</p><div class='line'></div>" for field in ("Status", "Source", "Source type", "Cue words"))
                     + "</div>")  # fmt: skip
    for task, group in questions().groupby("task", sort=False):
        if task == "claim cards":
            continue
        parts.append(f"<h2>{_esc(task.capitalize())}</h2>")
        for q in group.itertuples():
            note = {"answer": "", "evidence": "", "none": " (needs reading outside the article)"}[q.tool_support]
            parts.append(f"<p>{_esc(q.question)}<span class='support'>{_esc(note)}</span></p><div class='line'></div><div class='line'></div>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _findings_list(result, category: str) -> str:
    rows = result.findings[result.findings["category"] == category]
    if rows.empty:
        return "<p>No finding: the check passed.</p>"
    items = "".join(
        f"<li>{_esc(r.detail)}" + (f"<br><span class='evidence'>Evidence: {_esc(r.evidence)}</span>" if r.evidence else "") + "</li>"
        for r in rows.itertuples()
    )
    return f"<ul>{items}</ul>"


def answer_key_html(result, *, key: pd.DataFrame | None = None, title: str | None = None) -> str:
    """The teacher's answer key: each card's answers with the evidence (cue words, offsets,
    rule), the teacher's own answers where a key overrides the tool, and the tool's
    evidence for every other task."""
    cards = claim_cards(result)
    tool = answer_key(result, cards)
    teacher = key.set_index("sent_id") if key is not None else None
    heading = title or "Source criticism: answer key"
    parts = ["<!doctype html><html><head><meta charset='utf-8'>", f"<title>{_esc(heading)}</title>", _PAGE_STYLE,
             "</head><body>", f"<h1>{_esc(heading)}</h1>", f"<p><b>Headline:</b> {_esc(result.headline or '(none)')}</p>",
             "<h2>Task 1: claim cards</h2>"]  # fmt: skip
    for card, row in zip(cards.itertuples(), tool.itertuples()):
        answers = {field: getattr(row, field) for field in FIELDS}
        overridden = []
        if teacher is not None and row.sent_id in teacher.index:
            for field in FIELDS:
                if field in teacher.columns and teacher.at[row.sent_id, field] not in ("", None):
                    if teacher.at[row.sent_id, field] != answers[field]:
                        overridden.append(f"{field}: the tool says {answers[field]!r}")
                    answers[field] = teacher.at[row.sent_id, field]
        cells = "".join(f"<tr><th>{f}</th><td>{_esc(', '.join(v) if isinstance(v, list) else v)}</td></tr>" for f, v in answers.items())
        note = f"<p class='evidence'>Your key differs from the tool's: {_esc('; '.join(overridden))}</p>" if overridden else ""
        parts.append(f"<div class='card'><p><b>Card {card.card}</b> (sentence {card.sent_id}): {_esc(card.text)}</p>"
                     f"<table>{cells}</table><p class='evidence'>Evidence: {_esc(row.evidence)}</p>{note}</div>")  # fmt: skip
    anonymous = result.attributions[result.attributions["source_type"].isin(NAMELESS_SOURCE_TYPES)]
    scare = result.quotes[result.quotes["kind"] == "scare"]
    numbers = result.numbers[result.numbers["in_body"]]
    parts += ["<h2>The headline against the body</h2>", _findings_list(result, "headline"),
              "<h2>Anonymous and unnamed sources</h2><table><tr><th>sentence</th><th>source</th><th>type</th><th>reason given</th></tr>"]  # fmt: skip
    parts += [f"<tr><td>{r.sent_id}</td><td>{_esc(r.source or '(nobody named)')}</td><td>{r.source_type}</td>"
              f"<td>{_esc(r.anonymity_reason or 'none given')}</td></tr>" for r in anonymous.itertuples()]  # fmt: skip
    parts += ["</table>", "<h2>Scare quotes</h2><ul>"]
    parts += [f"<li>{_esc(r.text)} (sentence {r.sent_id}): {_esc(r.reason)}; the author's distance, not a source's words</li>" for r in scare.itertuples()]
    parts += ["</ul>", "<h2>Numbers</h2><table><tr><th>sentence</th><th>number</th><th>approximate</th><th>source</th><th>question it</th></tr>"]
    parts += [f"<tr><td>{r.sent_id}</td><td>{_esc(r.text)} {_esc(r.counted or '')}</td><td>{'yes' if r.approximate else 'no'}</td>"
              f"<td>{_esc(r.source)}</td><td>{_esc(r.flag_reason or '')}</td></tr>" for r in numbers.itertuples()]  # fmt: skip
    parts += ["</table>", "<h2>What is missing</h2>", _findings_list(result, "provenance"), _findings_list(result, "time"),
              "<h2>Lateral reading</h2><p>Not answered by the tool: students leave the article to check who is behind "
              "it and what other sources say.</p>", "</body></html>"]  # fmt: skip
    return "\n".join(parts)


def card_instructions() -> str:
    """What a student fills in on each claim card, with every status and source type in
    plain words (from :mod:`analysis.vocabulary`), as Markdown."""
    statuses = "\n".join(f"    - **{name}**: {STATUS.describe(name)}" for name in STATUS)
    sources = "\n".join(f"    - **{name}**: {SOURCE_TYPE.describe(name)}" for name in SOURCE_TYPE)
    return (
        "For each card, fill in:\n\n"
        f"- `status`, one of:\n{statuses}\n"
        '- `source`: who the claim rests on (a name, a description such as "a senior official", or `author`);\n'
        f"- `source_type`, one of:\n{sources}\n"
        "- `cues`: the words that tell you how sure the claim is (a list, possibly empty)."
    )
