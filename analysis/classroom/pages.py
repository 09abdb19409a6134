"""The exercise's pages: the student's worksheet, and the teacher's answer key, lesson plan
and feedback pages.

Every page is one self-contained HTML file that works offline. Article text, student
answers and every value taken from the key (which a teacher may edit by hand: card
numbers and points too) are escaped wherever they appear and never reach a script: the worksheet's only
script is :data:`WORKSHEET_SCRIPT`, fixed and small, allowed by its hash in the page's
Content-Security-Policy; the other pages have none.

The worksheet is made from the student material alone (:func:`worksheet_html` takes no
analysis and no key), so it cannot hold an answer.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

from analysis.classroom.marking import NOBODY_FORMS
from analysis.classroom.notes import listed_topics
from analysis.classroom.tasks import RUBRIC, SIFT_STEPS
from analysis.presenting.narrate import joined_with_and, load_results, measured_figure
from analysis.vocabulary import SOURCE_TYPE, STATUS

__all__ = [
    "WORKSHEET_SCRIPT",
    "ANSWERS_FORMAT",
    "MIN_ANSWER_CM",
    "SOURCE_ROOM_CM",
    "writing_room_cm",
    "answer_box",
    "task_head",
    "worksheet_html",
    "answer_key_html",
    "lesson_plan_html",
    "feedback_html",
    "class_html",
]

#: The saved answers' key for a word's meaning ("word-escalation"), and the open-answers
#: row that gathers a student's meanings for the class view.
WORD_PREFIX = "word-"
WORDS_TASK = "words"
#: Room to write, in centimetres: an open answer's box at the least, and a two-line field
#: (a card's source, the web addresses used).
MIN_ANSWER_CM = 4.0
SOURCE_ROOM_CM = 1.6
#: The ``format`` value of a saved answers file.
ANSWERS_FORMAT = "analysis-exercise-answers"

_STYLE = """<style>
body {font-family: Georgia, serif; max-width: 48em; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #111;}
h1, h2, h3, legend, .who, button {font-family: system-ui, sans-serif;}
h2, h3, .step, .task-head {break-after: avoid; page-break-after: avoid;}
.who {display: flex; gap: 1em; flex-wrap: wrap; border-bottom: 2px solid #111; padding-bottom: .5em;}
.who label {flex: 1; min-width: 12em;} .who input {width: 100%;}
input[type=text], textarea {font: inherit; border: 0; border-bottom: 1px solid #777; background: #fafafa; width: 100%; box-sizing: border-box;}
/* Ruled like paper, one line every 8 mm, printed too: room to write by hand. */
textarea {display: block; border: 1px solid #999; resize: vertical; line-height: .8cm; padding: 0 .3em; margin: .2em 0;
  background: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='8' height='8'%3E%3Cpath d='M0 7.8H8' stroke='%23aaa' stroke-width='.4'/%3E%3C/svg%3E") 0 0 / .8cm .8cm repeat;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;}
.card, .task {border: 1px solid #999; border-radius: 4px; padding: .6em 1em; margin: 1em 0; break-inside: avoid; page-break-inside: avoid;}
.task.flows {break-inside: auto; page-break-inside: auto;} .lead-in {break-after: avoid; page-break-after: avoid;}
.field {display: flex; flex-wrap: wrap; align-items: baseline; gap: .2em .6em; margin: .3em 0;}
.field input[type=text], .field textarea {flex: 1 1 14em; width: auto;} .field .hint {font-size: 90%; color: #333;}
.choices {display: flex; flex-wrap: wrap; gap: .2em 1em; margin: .2em 0 .6em;} .choices label {white-space: nowrap;}
.field .choices {flex: 1 1 24em; margin: 0;}
.word-rows {display: grid; grid-template-columns: repeat(auto-fit, minmax(18em, 1fr)); gap: .2em 1.5em;}
.word-rows label {display: flex; gap: .4em; align-items: baseline; break-inside: avoid;} .word-rows input {flex: 1; min-width: 6em;}
.sent {font-size: 75%; color: #555; vertical-align: super; font-family: system-ui, sans-serif;}
.found {background: #f3f3f3; padding: .5em 1em; border-left: 4px solid #999;}
.context {color: #444; font-style: italic;} blockquote {margin: .4em 0 .8em; padding-left: .8em; border-left: 3px solid #0072B2;} .step {font-size: 80%; text-transform: uppercase; letter-spacing: .05em; color: #555;} h3 .step {font-weight: normal; margin-left: .6em; white-space: nowrap;}
dl.labels dt {font-weight: bold; font-family: system-ui, sans-serif;} dl.labels dd {margin: 0 0 .4em 1.2em;}
table {border-collapse: collapse; font-size: 14px; width: 100%;} td, th {border: 1px solid #bbb; padding: 4px 6px; vertical-align: top; text-align: left;}
.best {color: #006b4f;} .accepted {color: #7a5500;} .wrong, .missing {color: #a3320b;}
details.trace {font-size: 12px; color: #444;} .note {font-size: 90%; color: #333;}
button {font-size: 1.05em; padding: .5em 1.2em; margin: 1em 0;}
@media print {button, .screen-only {display: none;} textarea {resize: none; overflow: hidden;} body {margin: 0; max-width: none; font-size: 10.5pt; line-height: 1.35;}
  h1 {font-size: 17pt; margin: .4em 0;} .article {font-size: 10pt; line-height: 1.3;} .choices {gap: .1em .8em;}
  .card .choices {gap: .1em .6em; font-size: 95%;} .card legend {font-size: 95%;} h2 + .note {break-after: avoid;}
  input[type=text] {background: none; height: .8cm;} a {color: inherit;}
  .article {column-count: 2; column-gap: 1.6em;} .article h3 {column-span: all;} .article p {margin: .4em 0;}
  .glossary {column-count: 2; column-gap: 1.6em; font-size: 9.5pt;} .glossary h3 {margin: 0 0 .2em; break-after: avoid;}
  .glossary dl.labels dt {break-after: avoid;} .glossary dl.labels dd {break-inside: avoid;} .glossary .group {break-inside: avoid;}
  .card, .task {margin: .5em 0; padding: .3em .8em .4em;} .card p, .task p {margin: .25em 0;} blockquote {margin: .3em 0 .4em;}
  .task h3 {margin: .1em 0 .2em;} .step {margin: .2em 0 0;} dl.labels dd {margin-bottom: .2em;} h2 {margin: .6em 0 .3em;}
  h2, h3 {break-after: avoid; page-break-after: avoid;} tr, li {break-inside: avoid; page-break-inside: avoid;}
  thead {display: table-header-group;}}
@page {size: A4; margin: 1.5cm;}
</style>"""

#: The worksheet's one script: it reads the form and saves the answers as a JSON file
#: for the teacher. It never reads article text into code, and it is the same for every
#: worksheet, so the page's Content-Security-Policy allows exactly it by its hash.
WORKSHEET_SCRIPT = """(function () {
  var form = document.getElementById("worksheet");
  function collect() {
    var data = {format: "%s", version: 1, exercise: form.getAttribute("data-exercise"),
                name: "", "class": "", date: "", cards: {}, questions: {}, urls: {}};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || (el.type === "radio" && !el.checked)) { return; }
      var parts = el.name.split(":");
      if (parts[0] === "card") {
        var card = data.cards[parts[1]] || (data.cards[parts[1]] = {});
        card[parts[2]] = el.value;
      } else if (parts[0] === "q") { data.questions[parts[1]] = el.value; }
      else if (parts[0] === "u") { data.urls[parts[1]] = el.value; }
      else if (parts[0] === "who") { data[parts[1]] = el.value; }
    });
    return data;
  }
  document.getElementById("save").addEventListener("click", function () {
    var data = collect();
    var blob = new Blob([JSON.stringify(data, null, 2)], {type: "application/json"});
    var link = document.createElement("a");
    link.download = "answers-" + ((data.name || "student").replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 40)) + ".json";
    link.href = URL.createObjectURL(blob);
    document.body.appendChild(link);
    link.click();
    link.remove();
    document.getElementById("saved").textContent = "Saved " + link.download + ". Hand this file to your teacher.";
  });
})();""" % ANSWERS_FORMAT


def _esc(value) -> str:
    return html.escape(str(value), quote=True)


def _items(lines) -> str:
    """Lines of text as escaped HTML list items."""
    return "".join(f"<li>{_esc(line)}</li>" for line in lines)


def _emphasis(text: str) -> str:
    """Plain feedback with *emphasis* as HTML, everything else escaped."""
    return re.sub(r"\*([^*<>]+)\*", r"<em>\1</em>", _esc(text))


#: The open tasks' rubric as HTML list items (answer key, lesson plan, class view).
_RUBRIC_ITEMS = "".join(f"<li><b>{_esc(points)}</b>: {_esc(text)}</li>" for points, text in RUBRIC)


def _page(title: str, body: list[str], *, script: str | None = None) -> str:
    if script is None:
        policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    else:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        policy = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{digest}'"
    head = ["<!doctype html>", "<html lang='en'><head><meta charset='utf-8'>",
            f"<meta http-equiv='Content-Security-Policy' content=\"{policy}\">",
            "<meta name='viewport' content='width=device-width, initial-scale=1'>",
            f"<title>{_esc(title)}</title>", _STYLE, "</head><body>"]  # fmt: skip
    tail = [f"<script>{script}</script>"] if script else []
    return "\n".join(head + body + tail + ["</body></html>"]) + "\n"


def _labels_help() -> str:
    statuses = "".join(f"<dt>{_esc(n)}</dt><dd>{_esc(STATUS.describe(n))}</dd>" for n in STATUS)
    types = "".join(f"<dt>{_esc(n)}</dt><dd>{_esc(SOURCE_TYPE.describe(n))}</dd>" for n in SOURCE_TYPE)
    # Each list prints whole, on one page: a list split over two is hard to look things up in.
    return (f"<div class='glossary'><div class='group'><h3>Status: how sure is the article?</h3><dl class='labels'>{statuses}</dl></div>"
            f"<div class='group'><h3>Source type: who does the claim come from?</h3><dl class='labels'>{types}</dl></div></div>")  # fmt: skip


def article_html(found: list[dict], paragraphs: list[dict]) -> list[str]:
    """An article as a student reads it: the lines found at the top of its page, then its
    paragraphs with each sentence's number (the headline as a heading), all escaped."""
    parts = []
    if found:
        items = "".join(f"<li>{_esc(f['what'])}: {_esc(f['text'])}</li>" for f in found)
        parts.append(f"<div class='found'><p><b>At the top of the page, as found</b></p><ul>{items}</ul></div>")
    parts.append("<div class='article'>")
    for paragraph in paragraphs:
        sentences = " ".join(f"<span class='sent'>{_esc(s['number'])}</span>{_esc(s['text'])}" for s in paragraph["sentences"])
        tag = "h3" if paragraph["role"] == "headline" else "p"
        parts.append(f"<{tag}>{sentences}</{tag}>")
    parts.append("</div>")
    return parts


def _article(material: dict) -> list[str]:
    parts = ["<h2>The article</h2>", "<p class='note'>Small numbers mark the sentences. They skip lines of the page that "
             "are not part of the article (a repeated headline, links, captions).</p>"]
    return parts + article_html(material.get("found") or [], material["paragraphs"])


def _hard_words(material: dict) -> list[str]:
    """The article's rarest ordinary words, each with its sentence and a line to write
    what it means."""
    words = material.get("words") or []
    if not words:
        return []
    rows = "".join(f"<label><span><b>{_esc(w['word'])}</b> <span class='note'>(sentence {_esc(w['sentence'])})</span></span>"
                   f"<input type='text' name='q:{WORD_PREFIX}{_esc(w['word'])}' aria-label='What {_esc(w['word'])} means'></label>"
                   for w in words)  # fmt: skip
    return ["<section class='task words flows'><h2>Words you may need to look up</h2><p class='note'>Find what each word "
            "means (a dictionary, or ask) before the tasks, and write it on its line.</p>"
            f"<div class='word-rows'>{rows}</div></section>"]  # fmt: skip


def _choices(name: str, labels) -> str:
    return "<div class='choices'>" + "".join(
        f"<label><input type='radio' name='{_esc(name)}' value='{_esc(label)}'> {_esc(label)}</label>" for label in labels
    ) + "</div>"


def _card_form(card: dict) -> str:
    key = f"card:{card['card']}"  # escaped where it is written, once
    return (f"<fieldset class='card'><legend>Card {_esc(card['card'])} (sentence {_esc(card['number'])})</legend>"
            f"<blockquote>{_esc(card['text'])}</blockquote>"
            f"<div class='field'><b>Status</b>{_choices(key + ':status', STATUS)}</div>"
            f"<label class='field'><b>Source</b> <span class='hint'>(who it comes from; “the writer” if nobody else)</span>"
            f"<textarea name='{_esc(key)}:source' rows='2' style='height: {SOURCE_ROOM_CM}cm'></textarea></label>"
            f"<div class='field'><b>Source type</b>{_choices(key + ':source_type', SOURCE_TYPE)}</div>"
            f"<label class='field'><b>Cue words</b> <span class='hint'>(the words that show how sure; “none” if no word does)</span>"
            f"<input type='text' name='{_esc(key)}:cues'></label>"
            "</fieldset>")  # fmt: skip


def writing_room_cm(lines: int) -> float:
    """The height of an open answer's box, in centimetres: a ruled line (8 mm) for each
    line the task asks for and one to spare, and never less than :data:`MIN_ANSWER_CM`."""
    return max(MIN_ANSWER_CM, round(0.8 * (int(lines) + 1), 1))


def answer_box(task: dict) -> str:
    """An open task's ruled writing box, and a two-line box for web addresses where the
    task asks for them."""
    name = _esc(task["id"])
    box = (f"<textarea name='q:{name}' rows='{max(2, int(task['lines']) + 1)}' style='height: {writing_room_cm(task['lines'])}cm'"
           " aria-label='Your answer'></textarea>")  # fmt: skip
    if task["urls"]:
        box += (f"<label class='field'>Web addresses you used<textarea name='u:{name}' rows='2' "
                f"style='height: {SOURCE_ROOM_CM}cm'></textarea></label>")  # fmt: skip
    return box


def task_head(number: int, task: dict) -> str:
    """A task's SIFT move, number, title and prompt, kept with what follows it on paper."""
    return (f"<div class='task-head'><h3>Task {number}: {_esc(task['title'])} <span class='step'>{_esc(task['step'])}</span></h3>"
            f"<p>{_esc(task['prompt'])}</p></div>")  # fmt: skip


def _task_form(number: int, task: dict, cards: list[dict]) -> str:
    head = task_head(number, task)
    if task["auto_marked"]:
        return f"<section class='task lead-in'>{head}</section>" + "".join(_card_form(card) for card in cards)
    return f"<section class='task'>{head}{answer_box(task)}</section>"


def worksheet_html(material: dict) -> str:
    """The student's worksheet: printable (name, class and date line; the article with
    sentence numbers; numbered tasks in SIFT order with room to write; no page break
    inside a card) and, on screen, a form whose "Save my answers" button saves a JSON
    file for ``python -m analysis grade``. Made from the student material alone."""
    body = [f"<form id='worksheet' data-exercise='{_esc(material['exercise'])}' autocomplete='off'>",
            "<div class='who'><label>Name <input type='text' name='who:name'></label>"
            "<label>Class <input type='text' name='who:class'></label><label>Date <input type='text' name='who:date'></label></div>",
            f"<h1>{_esc(material['title'])}</h1>"]  # fmt: skip
    numbered = list(enumerate(material["tasks"], start=1))
    stops = [str(number) for number, task in numbered if task["step"] == "Stop"]
    first = (f"Task{'s' if len(stops) > 1 else ''} {' and '.join(stops)} come{'' if len(stops) > 1 else 's'} before you read "
             "the article: cover it until you have done them. ") if stops else ""  # fmt: skip
    body.append(f"<p class='note'>Do the tasks your teacher sets, in the order given: they follow SIFT (Stop, Investigate "
                f"the source, Find better coverage, Trace claims). {first}<span class='screen-only'>Fill this in on screen "
                "and press <b>Save my answers</b> at the end, or print it and write on paper.</span></p>")  # fmt: skip
    # Stop comes before the article: what you think, and the headline alone.
    body.append("<h2>Before you read</h2>")
    body += [_task_form(number, task, material["cards"]) for number, task in numbered if task["step"] == "Stop"]
    body += _article(material)
    body += _hard_words(material)
    # The labels' meanings come right before the tasks that use them (the claim cards).
    body.append("<h2>Tasks</h2>")
    body += [_task_form(number, task, material["cards"]) for number, task in numbered if task["step"] not in ("Stop", "Trace claims")]
    body += ["<h2>Words you will use for the claims</h2>", _labels_help()]
    body += [_task_form(number, task, material["cards"]) for number, task in numbered if task["step"] == "Trace claims"]
    body += ["<button type='button' id='save'>Save my answers</button>", "<p id='saved' role='status' class='note'></p>", "</form>"]
    return _page(material["title"], body, script=WORKSHEET_SCRIPT)


def _forms_shown(forms: list[str]) -> str:
    """A card's source forms for the teacher: the ways of saying "nobody is cited" in
    brief, since the list is long and the same on every such card."""
    nobody = [f for f in forms if f in NOBODY_FORMS]
    named = [f for f in forms if f not in NOBODY_FORMS]
    shown = [_esc(f) for f in named]
    if nobody:
        shown.append("the writer, the journalist, nobody, no source given (and other ways of saying nobody is cited)")
    return "; ".join(shown)


def _alternatives(answer: dict, points: dict) -> str:
    accepted = answer.get("accepted") or {}
    alike = [f"<em>{_esc(k)}</em> ({_esc(points['best'])} points: the key takes it alike)" for k in answer.get("also") or []]
    if not accepted and not alike:
        return "none"
    return "; ".join(alike + [f"<em>{_esc(k)}</em> ({_esc(points['accepted'])} point{'s' if points['accepted'] != 1 else ''}: {_esc(v)})"
                              for k, v in sorted(accepted.items())])  # fmt: skip


def _nearby(answer: dict, points: dict) -> str:
    """The speakers of the next sentences that earn part credit for a writer's claim."""
    nearby = answer.get("nearby") or {}
    reasons = list(dict.fromkeys(nearby.values()))
    if not reasons:
        return ""
    return (f"; part credit ({_esc(points['accepted'])} point{'s' if points['accepted'] != 1 else ''}) for "
            + "; ".join(_esc(r) for r in reasons))


def _many_voices(key: dict) -> bool:
    """The article is written largely in the first person (``notes.first_person``)."""
    return bool(((key.get("notes") or {}).get("first_person") or {}).get("warn"))


def answer_key_html(key: dict) -> str:
    """The teacher's answer key: for each card the answers and points, the accepted
    alternatives and why, the forms of the source that count, the cue words, the plain
    explanation students get, and (folded) the tool's trace; then each open task's
    model answer, what to look for and the rubric."""
    points = key["points"]
    body = [f"<h1>{_esc(key['title'])}: answer key</h1>",
            f"<p class='note'>Points per field: {_esc(points['best'])} for the answer, {_esc(points['accepted'])} for an accepted "
            "alternative, 0 otherwise. The cue field is marked only where a word decides how sure the claim is.</p>",
            *(["<p class='note'><b>Whose voice?</b> Much of this text is written in the first person (“I”, “we”) "
               "outside quotation marks: it may be a column, readers' comments or a panel whose names the text does not "
               "give. The cards come from the reporter's opening where it has one; where a card's answer is “the "
               "writer”, check that the words are the reporter's, and change the key if not.</p>"] if _many_voices(key) else []),
            "<h2>Claim cards</h2>"]  # fmt: skip
    for card in key["cards"]:
        a, by = card["answers"], card["by"]
        mark = lambda field: " <span class='note'>(your key)</span>" if by[field] == "teacher" else ""  # noqa: E731
        tool = "".join(f"<li>The tool says {_esc(f)}: <em>{_esc(v if not isinstance(v, list) else '; '.join(v))}</em></li>"
                       for f, v in card["tool"].items())  # fmt: skip
        cues = a["cues"]
        rows = [
            ("Status", f"<b>{_esc(a['status']['best'])}</b>{mark('status')}", _alternatives(a["status"], points), card["explain"]["status"]),
            ("Source", f"<b>{_esc(a['source']['best'])}</b>{mark('source')}", "any of: " + _forms_shown(a["source"]["forms"])
             + _nearby(a["source"], points), card["explain"]["source"]),
            ("Source type", f"<b>{_esc(a['source_type']['best'])}</b>{mark('source_type')}", _alternatives(a["source_type"], points), card["explain"]["source_type"]),
            ("Cue words", (f"<b>{_esc('; '.join(cues['words']))}</b>{mark('cues')}" if cues else "not marked"),
             ("any one of them, in any form (" + _esc(cues["kind"]) + ")") if cues else "no word decides this claim", card["explain"]["cues"]),
        ]  # fmt: skip
        table = "".join(f"<tr><th>{_esc(f)}</th><td>{best}</td><td>{alt}</td><td>{_emphasis(why)}</td></tr>" for f, best, alt, why in rows)
        # Students see the sentence alone (a hint on some cards would tell which have a
        # speaker elsewhere); the key says where the speaker is named.
        # The sentence as a block quote, not in marks of its own ("“"It's incredible," ...”).
        context = (f"<p class='context'>Sentence {_esc(card['context_sent_id'])} says who is speaking (in the article, "
                   f"not on the card):</p><blockquote class='context'>{_esc(card['context'])}</blockquote>") if card["context"] else ""  # fmt: skip
        body.append(f"<div class='card'><p><b>Card {_esc(card['card'])}</b> (sentence {_esc(card['sent_id'])})</p><blockquote>{_esc(card['text'])}</blockquote>{context}"
                    "<table><tr><th></th><th>Answer</th><th>Also accepted</th><th>What the student reads</th></tr>"
                    f"{table}</table>" + (f"<ul class='note'>{tool}</ul>" if tool else "")
                    + f"<details class='trace'><summary>How the tool decided</summary><p>{_esc(card['trace'])}</p></details></div>")  # fmt: skip
    body.append("<h2>Open tasks</h2>")
    rubric = _RUBRIC_ITEMS
    body.append(f"<p>Mark each open task out of 2:</p><ul>{rubric}</ul>")
    changed = [str(card["card"]) for card in key["cards"] if "teacher" in card["by"].values()]
    if changed:
        # The open tasks' model answers and the lesson plan's notes come from the tool's
        # reading of the whole article; a teacher's key changes only its cards.
        body.append(f"<p class='note'>Your key changed card{'s' if len(changed) > 1 else ''} {_esc(', '.join(changed))}. "
                    "The model answers below, and the notes on the article in the lesson plan, are still the tool's "
                    "reading: where they name a source or a status your key corrects, go by your key.</p>")  # fmt: skip
    for number, task in enumerate(key["tasks"], start=1):
        if task["auto_marked"]:
            continue
        model = _items(task["model_answer"])
        look = _items(task["look_for"])
        body.append(f"<div class='task'><p class='step'>{_esc(task['step'])}</p><h3>Task {number}: {_esc(task['title'])}</h3>"
                    f"<p>{_esc(task['prompt'])}</p><p><b>Model answer</b></p><ul>{model}</ul>"
                    f"<p><b>A good answer mentions</b></p><ul>{look}</ul></div>")  # fmt: skip
    return _page(f"{key['title']}: answer key", body)


#: The lesson's minutes for the claim cards when there are six of them.
CARDS_MINUTES = 15


def _varied_cards(cards: list[dict], n: int = 3) -> str:
    """Which cards a shorter lesson does: up to ``n`` with different answers (status and
    source type), in card order ("cards 1, 3 and 5"), so three cards are not three alike."""
    picked, seen = [], set()
    for card in cards:
        answers = card.get("answers") or {}
        kind = ((answers.get("status") or {}).get("best"), (answers.get("source_type") or {}).get("best"))
        if kind not in seen:
            picked.append(card)
            seen.add(kind)
    picked += [c for c in cards if c not in picked]
    numbers = [str(c["card"]) for c in cards if any(c is p for p in picked[:n])]  # in card order
    if not numbers:
        return "the first three"
    return ("card " if len(numbers) == 1 else "cards ") + joined_with_and(numbers)


def lesson_plan_html(key: dict) -> str:
    """A 55-minute lesson around the exercise: objectives, timings, discussion prompts,
    the rubric, and one way to adapt it for younger and for advanced students."""
    cards = len(key["cards"])
    steps = "".join(f"<li><b>{_esc(step)}</b>: {_esc(what)}</li>" for step, what in SIFT_STEPS.items())
    rubric = _RUBRIC_ITEMS
    # About two and a half minutes a card; with few cards the time goes to lateral reading.
    card_minutes = min(CARDS_MINUTES, 3 + round(2.5 * cards))
    steps_in_order = [
        (5, "Warm-up (Stop)", "Show only the headline. Students write tasks 1 and 2 alone: what they already think, "
                              "and how the headline makes them feel. Two or three share aloud; do not correct yet."),
        (5, "Words we will use", "Read the status and source-type definitions on the worksheet together. Model one "
                                 "sentence that is not on a card aloud: point to the verb or hedge that decides it."),
        (card_minutes, "Claim cards in pairs (Trace)", f"Pairs read the article and fill in the {cards} claim card"
                                                       f"{'s' if cards != 1 else ''}. Ask each pair to underline the cue "
                                                       "words in the article itself."),
        (7, "The headline against the body", "Pairs answer the headline task with sentence numbers. Collect two answers "
                                             "that disagree and let the class decide with the text."),
        (13 + CARDS_MINUTES - card_minutes, "Lateral reading (Investigate, Find)",
         "Students leave the article: search the names in the lateral-reading task and the headline's claim, and write "
         "down what they find and the web addresses."),
        (5, "Going over the cards", "Take one card at a time: a pair gives its answer and the words that decided it; "
                                    "use the answer key to settle it, and note any card where the class disagrees "
                                    "with the key (a good argument earns the marks)."),
        (5, "Exit ticket and saving", "Each student writes one sentence: a claim from the article they would check "
                                      "before sharing, and how. Students save the worksheet (or hand in paper)."),
    ]  # fmt: skip
    plan, start = [], 0
    for minutes, what, how in steps_in_order:
        plan.append((f"{start}-{start + minutes}", what, how))
        start += minutes
    rows = "".join(f"<tr><td>{t}</td><td><b>{_esc(what)}</b></td><td>{_esc(how)}</td></tr>" for t, what, how in plan)
    sourced = [c for c in key["cards"] if (c.get("answers") or {}).get("source_type", {}).get("best") not in (None, "author")]
    prompts = [
        *(["Every card here is the writer's own claim: where could the writer have got this information, and how "
           "would you find out?"] if key["cards"] and not sourced else []),
        "Which card was hardest to label, and what would the article need to say to make it clear?",
        "Did the headline promise more than the article delivered? Which sentence shows it?",
        # An article that names every source asks the other question (sport/096, tech/203 reviews).
        ("Who are the sources without names, and would you trust them? What would change your mind?"
         if ((key.get("notes") or {}).get("story") or {}).get("claims", {}).get("nameless", 1) else
         "Every source here is named: who is missing, and what does each source stand to gain from the story?"),
        "What did lateral reading tell you that the article did not?",
        "Would you share this article? With what comment?",
    ]
    body = [
        f"<h1>{_esc(key['title'])}: lesson plan</h1>",
        "<h2>Learning objectives</h2><p>By the end of the lesson students can:</p><ul>"
        "<li>tell a claim the article states as fact from one it hedges, reports or leaves unconfirmed, and point to the words that show it;</li>"
        "<li>say who a claim comes from and whether that source is named, anonymous or an unnamed group;</li>"
        "<li>check a headline against the article's own sentences;</li>"
        "<li>read laterally: leave the article to find out who is behind a source and what other outlets say.</li></ul>",
        f"<h2>The method: SIFT</h2><ul>{steps}</ul>",
        *_article_notes(key.get("notes")),
        "<h2>Before the lesson</h2><ul><li>Print the worksheet (student folder) or share the folder; it works in any "
        "browser with no install.</li><li>Lateral reading needs devices with internet access, one per pair.</li>"
        "<li>Pick a sentence that is not on a card to model aloud at the start.</li><li>Read the answer key. Where you "
        "disagree with an answer, write your own key (a CSV with sent_id, status, source, source_type, cues) and "
        "rebuild the exercise with <code>--teacher-key</code>.</li></ul>",
        f"<h2>Plan (55 minutes)</h2><table><tr><th>Minutes</th><th>Activity</th><th>How</th></tr>{rows}</table>",
        "<p>The tasks not in this plan (who wrote it, sources without names, scare quotes, numbers, whether the "
        "other side is heard) make good homework or a second lesson.</p>",
        "<h2>Discussion prompts</h2><ul>" + "".join(f"<li>{_esc(p)}</li>" for p in prompts) + "</ul>",
        f"<h2>Marking</h2><p>The claim cards are marked by <code>python -m analysis grade</code>, which writes a "
        f"feedback page per student and a class summary. Mark each open task out of 2:</p><ul>{rubric}</ul>",
        "<h2>Adapting it</h2><ul><li><b>Younger students</b>: use the printed worksheet only, do three cards "
        f"({_esc(_varied_cards(key['cards']))}), and skip the numbers and scare-quote tasks.</li><li><b>Advanced students</b>: find the tool's own "
        "mistakes. Show them the answer key after marking: every answer comes with its evidence, so they can argue "
        "with it, and a good argument is worth the marks.</li></ul>",
        "<h2>What you still do by hand</h2><ul><li>Mark the open tasks, above all lateral reading: the tool reads only "
        "the article.</li><li>Check the cards before class: " + _how_often_wrong()
        + (", and more often in a text of many voices like this one" if _many_voices(key) else "") + ".</li>"
        "<li>Students who have this package installed can run the analysis on the article themselves. For graded "
        "work, hand out the student folder on machines without it, or use the printed worksheet.</li></ul>",
    ]  # fmt: skip
    return _page(f"{key['title']}: lesson plan", body)


#: The benchmark figures behind the lesson plan's warning: how sure a claim is, and who says it.
_WRONG_HOW_OFTEN = (("how sure a claim is", ("claim_status", "strict accuracy %")),
                    ("who says it", ("attribution_spans", "speaker accuracy all", "accuracy")))  # fmt: skip


def _how_often_wrong() -> str:
    """How often the tool errs, from the project's benchmarks (``benchmarks/results.json``):
    "the tool gets how sure a claim is wrong about once in 11 claims, and who says it
    about once in 4"; a fixed sentence when the figures are missing."""
    results = load_results()
    parts = []
    for what, path in _WRONG_HOW_OFTEN:
        accuracy = measured_figure(results, path)
        if accuracy is not None and 0 < accuracy < 100:
            parts.append((what, max(2, round(100 / (100 - accuracy)))))
    if len(parts) < 2:
        return "the tool is sometimes wrong on how sure a claim is and on who says it"
    (first, n), (second, m) = parts
    return f"in the project's own tests the tool gets {first} wrong about once in {n} claims, and {second} about once in {m}"


def _sentences(ids: list) -> str:
    """ "sentence 22", "sentences 3, 7 and 9 ..." """
    shown = ", ".join(_esc(n) for n in ids[:8]) + (" ..." if len(ids) > 8 else "")
    return ("sentence " if len(ids) == 1 else "sentences ") + shown


def topic_items(topics: list[dict], *, prefix: str = "") -> list[str]:
    """The lesson plan's lines on sensitive topics (:func:`analysis.classroom.notes.sensitive_topics`
    as records): a topic found in its usual sense, with words and sentences; a topic
    whose words appear only in a name or a set phrase, as one to check."""
    items = []
    for topic in topics:
        others = topic.get("other_uses") or []
        if topic["words"]:
            words = ", ".join(f"“{_esc(w)}”" for w in topic["words"][:6])
            also = (f" Its words also appear in a name or set phrase ({', '.join(f'“{_esc(o)}”' for o in others[:4])})."
                    if others else "")  # fmt: skip
            items.append(f"<li>{prefix}<b>Sensitive topic: {_esc(topic['topic'])}</b> ({words}; "
                         f"{_sentences(topic['sent_ids'])}). Decide whether it suits your class, and prepare students "
                         f"for it.{also}</li>")  # fmt: skip
        elif others:
            shown = ", ".join(f"“{_esc(o)}”" for o in others[:4])
            items.append(f"<li>{prefix}<b>Probably not a sensitive topic: {_esc(topic['topic'])}</b>. Its words appear "
                         f"only in a name or a set phrase ({shown}; {_sentences(topic['other_sent_ids'])}). "
                         "Check the sentences.</li>")  # fmt: skip
    return items


def _story_items(story: dict | None) -> list[str]:
    """The story in brief: how it opens, whom it names most, whom its claims rest on."""
    if not story or not story.get("lead"):
        return []
    lead = story["lead"] if story["lead"][-1:] in ".?!\"”’'" else story["lead"] + "."
    said = [f"<li><b>The story</b> opens: “{_esc(lead)}”"]
    if story.get("named"):
        said.append("It names most often " + joined_with_and([f"{_esc(n)} ({c} times)" for n, c in story["named"]]) + ".")
    claims = story.get("claims") or {}
    if claims.get("total"):
        parts = [f"{words} ({claims[kind]})" for kind, words in (("named", "named sources"), ("writer", "the writer alone"),
                 ("nameless", "sources without a name"), ("media", "other news reports")) if claims.get(kind)]  # fmt: skip
        said.append(f"Its {claims['total']} claims rest on " + joined_with_and(parts) + ".")
    if story.get("resting"):
        said.append("It relies most on " + joined_with_and([f"{_esc(n)} ({c} claim{'s' if c != 1 else ''})" for n, c in story["resting"]]) + ".")
    said.append("Read the whole article before class: this is where it starts, not what happened.</li>")
    return [" ".join(said)]


def _article_notes(notes: dict | None) -> list[str]:
    """This article's notes for the teacher: its date, the dates that depend on it, the
    sensitive topics it touches, and the words to teach first."""
    if not notes:
        return []
    items = _story_items(notes.get("story"))
    voices = notes.get("first_person") or {}
    if voices.get("warn"):
        shown = ", ".join(str(n) for n in voices["sentences"][:8]) + (", ..." if len(voices["sentences"]) > 8 else "")
        items.append(f"<li><b>Whose voice?</b> {len(voices['sentences'])} of its {voices['claims']} claims are written in the "
                     f"first person (“I”, “we”) outside quotation marks (sentences {_esc(shown)}). It may be a column, "
                     "readers' comments or a panel of voices whose names the text does not give; the tool gives every "
                     "such sentence to the writer. Read it before class and tell students whose words they are.</li>")  # fmt: skip
    if notes.get("published"):
        items.append(f"<li><b>Published</b>: {_esc(notes['published'])} (as the page gives it). Tell students what was "
                     "happening then.</li>")  # fmt: skip
    else:
        items.append("<li><b>No publication date</b> was found in the article. Find it before class and tell students: "
                     "without it they cannot judge how current it is.</li>")  # fmt: skip
    relative = notes.get("relative_dates") or []
    if relative:
        shown = ", ".join(f"“{_esc(d)}”" for d in relative[:6])
        items.append(f"<li><b>Dates that depend on it</b>: {shown}. Ask students when each one was (which day, week or "
                     "year), and how they could tell without the date of publication.</li>")  # fmt: skip
    items += topic_items(notes.get("topics") or [])
    if not any(topic["words"] for topic in notes.get("topics") or []):
        items.append(f"<li>No listed topic words were found ({listed_topics()}) in their usual sense; that does not "
                     "mean there are none. Read the article before class.</li>")  # fmt: skip
    words = notes.get("words") or []
    if words:
        shown = ", ".join(f"{_esc(w['word'])} ({_esc(w['sentence'])})" for w in words)
        items.append(f"<li><b>Words to teach first</b> (sentence numbers in brackets; the worksheet asks students to look "
                     f"them up): {shown}.</li>")  # fmt: skip
    return ["<h2>This article</h2>", f"<ul>{''.join(items)}</ul>"]


def _accuracy_sentence() -> str:
    """How often the tool's statuses were right, from the shipped benchmark figures."""
    from analysis.presenting.narrate import load_results

    figures = load_results().get("claim_status", {}).get("figures", {})
    accuracy = figures.get("strict accuracy")
    if not isinstance(accuracy, (int, float)):
        return "the tool's labels are not always right."
    return (f"on {figures.get('sentences', 'a set of')} sentences labelled by hand, the tool gave the right status to "
            f"{accuracy:.0%} of them, so expect some cards to need your correction.")  # fmt: skip


_VERDICT_WORDS = {"best": "Right", "accepted": "Accepted", "wrong": "Not quite", "missing": "Empty"}
_FIELD_NAMES = {"status": "Status", "source": "Source", "source_type": "Source type", "cues": "Cue words",
                "surer": "Which is surer", "evidence": "Which words", "cite": "Which to cite"}  # fmt: skip


def _field_name(field: str) -> str:
    """How a page names a card field ("Source type")."""
    return _FIELD_NAMES.get(field, str(field))


def _where(card: dict) -> str:
    """Where a card's sentence is: its number, or a comparison card's article letters and numbers."""
    return card.get("where") or f"sentence {card['sent_id']}"


def feedback_html(key: dict, student: dict, marks: list[dict], *, open_marks: dict[str, int] | None = None) -> str:
    """One student's feedback page: the score on the claim cards, one or two plain
    sentences per field, and for the open tasks their answer beside what a good answer
    mentions and the teacher's mark, once given (``open_marks``: task id -> 0, 1 or 2).
    The tool's own model answers stay on the teacher's answer key: the tool can be
    wrong, and the teacher marks these. No rule names or character offsets."""
    open_marks = open_marks or {}
    got = sum(m["points"] for m in marks)
    out_of = sum(m["out_of"] for m in marks)
    name = student.get("name") or "(no name)"
    body = [f"<h1>Feedback: {_esc(key['title'])}</h1>",
            f"<p><b>{_esc(name)}</b>{(' · ' + _esc(student['class'])) if student.get('class') else ''}</p>",
            f"<p>Claim cards: <b>{_esc(got)} of {_esc(out_of)} points</b>. Right answers get {_esc(key['points']['best'])} points, answers "
            f"that can be argued {_esc(key['points']['accepted'])}.</p>"]  # fmt: skip
    by_card: dict[int, list[dict]] = {}
    for mark in marks:
        by_card.setdefault(mark["card"], []).append(mark)
    for card in key["cards"]:
        rows = "".join(
            f"<tr><th>{_esc(_field_name(m['field']))}</th><td>{_esc(m['given']) or '—'}</td>"
            f"<td class='{_esc(m['verdict'])}'>{_esc(_VERDICT_WORDS.get(m['verdict'], m['verdict']))} ({_esc(m['points'])}/{_esc(m['out_of'])})</td>"
            f"<td>{_emphasis(m['feedback'])}</td></tr>"
            for m in by_card.get(card["card"], [])
        )  # fmt: skip
        quoted = "".join(f"<blockquote><b>{_esc(s['letter'])}</b> (sentence {_esc(s['sent_id'])}): {_esc(s['text'])}</blockquote>"
                         for s in card["sides"]) if card.get("sides") else f"<blockquote>{_esc(card['text'])}</blockquote>"  # fmt: skip
        body.append(f"<div class='card'><p><b>Card {_esc(card['card'])}</b> ({_esc(_where(card))})</p>{quoted}"
                    f"<table><tr><th></th><th>You wrote</th><th></th><th>Why</th></tr>{rows}</table></div>")  # fmt: skip
    answers = student.get("questions") or {}
    urls = student.get("urls") or {}
    open_tasks = [(number, task) for number, task in enumerate(key["tasks"], start=1) if not task["auto_marked"]]
    marked = [open_marks[t["id"]] for _, t in open_tasks if t["id"] in open_marks]
    total = (f" Your teacher's marks so far: <b>{sum(marked)} of {2 * len(marked)} points</b>"
             + (f" ({len(marked)} of {len(open_tasks)} tasks marked)." if len(marked) < len(open_tasks) else ".")) if marked else ""
    body.append(f"<h2>Your other answers</h2><p class='note'>Your teacher marks these, 0 to 2 each.{total} Beside each: "
                "what a good answer mentions.</p>")  # fmt: skip
    for number, task in open_tasks:
        given = answers.get(task["id"], "") or ""
        links = urls.get(task["id"], "") or ""
        look = _items(task.get("look_for") or [])
        mark = (f"<p><b>Your teacher's mark:</b> {_esc(open_marks[task['id']])} of 2</p>" if task["id"] in open_marks
                else "<p class='note'>Not marked yet.</p>")  # fmt: skip
        body.append(f"<div class='task'><h3>Task {number}: {_esc(task['title'])}</h3><p>{_esc(task['prompt'])}</p>"
                    f"<p><b>You wrote:</b> {_esc(given) or '—'}</p>" + (f"<p><b>Web addresses:</b> {_esc(links)}</p>" if links else "")
                    + mark + (f"<p><b>A good answer mentions:</b></p><ul>{look}</ul>" if look else "") + "</div>")  # fmt: skip
    return _page(f"Feedback for {name}", body)


def class_html(key: dict, summary, hardest, *, chart: str | None, errors: list[dict], open_answers) -> str:
    """The teacher's class view: each student's card points with a link to their
    feedback, the chart of the questions the class found hard, the open answers to mark
    with the rubric, and the answer files that could not be read."""
    body = [f"<h1>{_esc(key['title'])}: class summary</h1>"]
    def open_cell(r) -> str:
        marked, tasks = int(getattr(r, "open_marked", 0)), int(getattr(r, "open_tasks", 0))
        if not tasks:
            return "—"
        if not marked:
            return "not marked yet"
        return f"{int(r.open_points)} / {2 * marked}" + (f" ({marked} of {tasks} marked)" if marked < tasks else "")

    rows = "".join(f"<tr><td><a href='{_esc(r.feedback)}'>{_esc(r.name or '(no name)')}</a></td><td>{_esc(r.file)}</td>"
                   f"<td>{_esc(r.points)} / {_esc(r.out_of)}</td><td>{_esc(open_cell(r))}</td></tr>" for r in summary.itertuples())  # fmt: skip
    body.append(f"<table><tr><th>Student</th><th>Answers file</th><th>Claim cards (points)</th><th>Open tasks (your marks)</th></tr>"
                f"{rows}</table>"
                "<p>Claim cards: 2 points for the key's answer, 1 for an accepted alternative. Open tasks: your marks by the "
                "rubric (0, 1 or 2 each); write them in the <code>mark</code> column of <code>open_marks.csv</code> and run "
                "<code>grade</code> again with <code>--open-marks open_marks.csv</code> to add them here.</p>")  # fmt: skip
    if chart:
        body.append(f"<h2>Which questions the class found hard</h2><img alt='Share of the class with each card field right' "
                    f"src='data:image/png;base64,{chart}' style='max-width:100%'>")  # fmt: skip
    if len(hardest):
        items = "".join(f"<li>Card {_esc(r.card)}, {_esc(_field_name(r.field).lower())}: {r.full:.0%} full credit"
                        + (f", {r.part:.0%} part credit" if r.part else "") + "</li>" for r in hardest.itertuples())  # fmt: skip
        body.append(f"<p>Hardest for the class:</p><ul>{items}</ul>")
        if (hardest["full"] + hardest["part"] < 0.5).any():
            # The tool's key is wrong on some cards: a field most of a class misses is
            # as likely a wrong key as a hard question.
            body.append("<p>Where most of the class missed a field, check the key before you mark them down: read the "
                        "card's sentence and the ones around it, and if the students are right, put your answer in a "
                        "teacher's key (<code>--teacher-key</code>), build the exercise again and grade again.</p>")  # fmt: skip
    rubric = _RUBRIC_ITEMS
    body.append(f"<h2>Open answers to mark</h2><ul>{rubric}</ul>")
    for task in key["tasks"]:
        if task["auto_marked"]:
            continue
        given = open_answers[open_answers["task"] == task["id"]]
        items = "".join(f"<tr><td>{_esc(r.name or '(no name)')}</td><td>{_esc(r.answer) or '—'}</td><td>{_esc(r.urls)}</td></tr>"
                        for r in given.itertuples())  # fmt: skip
        body.append(f"<h3>{_esc(task['title'])}</h3><table><tr><th>Student</th><th>Answer</th><th>Web addresses</th></tr>{items}</table>")
    meanings = open_answers[open_answers["task"] == WORDS_TASK]
    if len(meanings):
        items = "".join(f"<tr><td>{_esc(r.name or '(no name)')}</td><td>{_esc(r.answer)}</td></tr>" for r in meanings.itertuples())
        body.append(f"<h3>Words looked up (not marked)</h3><table><tr><th>Student</th><th>Meanings given</th></tr>{items}</table>")
    if errors:
        items = "".join(f"<li>{_esc(e['file'])}: {_esc(e['error'])}</li>" for e in errors)
        body.append(f"<h2>Files not marked</h2><ul>{items}</ul>")
    return _page(f"{key['title']}: class summary", body)
