"""The comparison exercise's pages: the student's worksheet, the teacher's answer key and
lesson plan (:mod:`analysis.classroom.coverage`).

They share the single exercise's look and safety (:mod:`analysis.classroom.pages`): one
offline HTML file each, every piece of article text escaped, and on the worksheet only
the fixed script that saves the answers. The worksheet is made from the student
material alone, so it cannot hold an answer.
"""

from __future__ import annotations

from analysis.classroom.pages import (
    _RUBRIC_ITEMS,
    WORKSHEET_SCRIPT,
    _emphasis,
    _esc,
    _items,
    _page,
    answer_box,
    article_html,
    task_head,
    topic_items,
)
from analysis.classroom.notes import listed_topics
from analysis.classroom.tasks import SIFT_STEPS
from analysis.vocabulary import STATUS, STATUS_FIRMNESS

__all__ = ["coverage_worksheet_html", "coverage_answer_key_html", "coverage_lesson_plan_html"]

_FIRMNESS_WORDS = {3: "more surely", 2: "in between", 1: "less surely"}


def _firmness_help() -> str:
    """How sure an article can put a claim, surest first, in the worksheet's words."""
    items = []
    for level in sorted(set(STATUS_FIRMNESS.values()), reverse=True):
        names = [s for s in STATUS if STATUS_FIRMNESS[s] == level]
        meanings = "".join(f"<li><b>{_esc(s)}</b>: {_esc(STATUS.describe(s))}</li>" for s in names)
        items.append(f"<li><i>{_FIRMNESS_WORDS.get(level, '')}</i><ul>{meanings}</ul></li>")
    return ("<h2>Words you will use</h2><p>How sure an article puts a claim, from the surest down:</p>"
            f"<ol class='labels'>{''.join(items)}</ol><p>A claim you would <b>cite</b> is one whose source a reader "
            "can check: a named person, organisation or document beats a source without a name, and that beats no "
            "source at all. When neither article gives a source, choose <b>neither until I check it</b>: find where "
            "the claim comes from before you cite it.</p>")  # fmt: skip


#: The articles side by side where the screen or page is wide enough.
_SIDE_BY_SIDE = ("<style>.outlets {display: grid; grid-template-columns: repeat(auto-fit, minmax(20em, 1fr)); gap: 0 1em;}"
                 " .outlets .task {margin: .5em 0;} @media print {.outlets {display: block;}}</style>")  # fmt: skip


def _articles(material: dict) -> list[str]:
    parts = [_SIDE_BY_SIDE, "<h2>The articles</h2>", "<p class='note'>Small numbers mark the sentences of each article.</p>",
             "<div class='outlets'>"]  # fmt: skip
    for article in material["articles"]:
        parts.append(f"<section class='task flows'><h2>Article {_esc(article['letter'])}</h2>")
        parts += article_html(article["found"], article["paragraphs"])
        parts[-1] += "</section>"
    parts.append("</div>")
    return parts


def _radio(name: str, options: list[str], words: dict[str, str]) -> str:
    return "<div class='choices'>" + "".join(
        f"<label><input type='radio' name='{_esc(name)}' value='{_esc(o)}'> {_esc(words.get(o, o))}</label>" for o in options
    ) + "</div>"


#: How the worksheet names the options that are not an article.
_OPTION_WORDS = {"same": "both the same", "either": "either", "neither": "neither until I check it",
                 "different": "they do not tell the same claim"}  # fmt: skip


def _claim_line(side: dict) -> str:
    """Which part of a sentence the card is about, when it is not the whole sentence."""
    claim = side.get("claim")
    return f"<p class='note'>The claim on this card: “{_esc(claim)}”</p>" if claim else ""


def _card_form(card: dict) -> str:
    key = f"card:{card['card']}"  # escaped where it is written, once
    x, y = card["sides"]
    named = {o: _OPTION_WORDS.get(o, f"article {o}") for o in card["options"]["surer"] + card["options"]["cite"]}
    surer = _radio(f"{key}:surer", card["options"]["surer"], named)
    cite = _radio(f"{key}:cite", card["options"]["cite"], named)
    return (f"<fieldset class='card'><legend>Card {_esc(card['card'])}</legend>"
            f"<p><b>Article {_esc(x['letter'])}</b>, sentence {_esc(x['number'])}</p><blockquote>{_esc(x['text'])}</blockquote>{_claim_line(x)}"
            f"<p><b>Article {_esc(y['letter'])}</b>, sentence {_esc(y['number'])}</p><blockquote>{_esc(y['text'])}</blockquote>{_claim_line(y)}"
            f"<p><b>Which puts it more surely?</b></p>{surer}"
            f"<label class='field'><b>Which words show it?</b> (from either sentence) <input type='text' name='{_esc(key)}:evidence'></label>"
            f"<p><b>Which would you rather cite?</b></p>{cite}</fieldset>")  # fmt: skip


def _task_form(number: int, task: dict, material: dict) -> str:
    head = task_head(number, task)
    if task["auto_marked"]:
        return f"<section class='task lead-in'>{head}</section>" + "".join(_card_form(c) for c in material["cards"])
    return f"<section class='task'>{head}{answer_box(task)}</section>"


def coverage_worksheet_html(material: dict) -> str:
    """The student's worksheet for a comparison: the headlines task first, the articles
    with numbered sentences, then the tasks and cards, and a "Save my answers" button
    for ``python -m analysis grade``. Made from the student material alone."""
    body = [f"<form id='worksheet' data-exercise='{_esc(material['exercise'])}' autocomplete='off'>",
            "<div class='who'><label>Name <input type='text' name='who:name'></label>"
            "<label>Class <input type='text' name='who:class'></label><label>Date <input type='text' name='who:date'></label></div>",
            f"<h1>{_esc(material['title'])}</h1>",
            "<p class='screen-only note'>Fill this in on screen and press <b>Save my answers</b> at the end, or print it "
            "and write on paper. The tasks follow SIFT (Stop, Investigate the source, Find better coverage, Trace "
            "claims): here you compare how different outlets tell one story.</p>"]  # fmt: skip
    numbered = list(enumerate(material["tasks"], start=1))
    body.append("<h2>Before you read</h2>")
    body += [_task_form(number, task, material) for number, task in numbered if task["step"] == "Stop"]
    body += _articles(material)
    body += [_firmness_help(), "<h2>Tasks</h2>"]
    body += [_task_form(number, task, material) for number, task in numbered if task["step"] != "Stop"]
    body += ["<button type='button' id='save'>Save my answers</button>", "<p id='saved' role='status' class='note'></p>", "</form>"]
    return _page(material["title"], body, script=WORKSHEET_SCRIPT)


def _choice_word(value: str) -> str:
    return _OPTION_WORDS.get(value, f"article {value}")


def _accepted(answer: dict, points: dict) -> str:
    accepted = answer.get("accepted") or {}
    if not accepted:
        return "none"
    return "; ".join(f"<em>{_esc(_choice_word(k))}</em> ({_esc(points['accepted'])} point: {_esc(v)})" for k, v in sorted(accepted.items()))


def _match_precision() -> str:
    """How often a card's two sentences tell the same claim, from the shipped figures."""
    from analysis.presenting.narrate import load_results

    figures = load_results().get("coverage_alignment", {}).get("figures", {})
    cards = figures.get("cards") or {}
    # How sure and from whom each side is: the same readings the "What differs" notes
    # rest on, which readers found mostly wrong on real news (benchmarks page).
    readings = (" Check each side's reading too (read as, source): the tool can give a quotation to the wrong "
                "speaker or miss who says it, and the \u201cWhat differs\u201d notes rest on those readings.")  # fmt: skip
    if isinstance(cards.get("right"), int) and cards.get("chosen"):
        return (f"On hand-aligned news pairs, {cards['right']} of the {cards['chosen']} pairs the exercise chose as cards "
                f"told the same claim ({cards['right'] / cards['chosen']:.0%}). Articles less alike than those get fewer cards, "
                f"and teachers reading such cards found more of them wrong.{readings}")  # fmt: skip
    return "The tool matches claims that share a name, word or figure and an event, and come close in meaning." + readings


def coverage_answer_key_html(key: dict) -> str:
    """The teacher's answer key: for each card both sentences with how the tool read them
    (status, source), the answers and points with what else is accepted and why, what
    the student reads, and (folded) the evidence for the match; then each open task's
    model answer, what to look for and the rubric."""
    points = key["points"]
    body = [f"<h1>{_esc(key['title'])}: answer key</h1>",
            "<p>" + "; ".join(f"<b>{_esc(a['letter'])}</b>: {_esc(a['headline'] or a['file'])} ({_esc(a['file'])})"
                             for a in key["articles"]) + "</p>",
            f"<p class='note'>Points per field: {_esc(points['best'])} for the answer, {_esc(points['accepted'])} for an accepted "
            "alternative, 0 otherwise. The words field is marked only where a word decides how sure a sentence is.</p>",
            f"<p><b>Check each card before class</b>: do both sentences tell the same claim? {_esc(_match_precision())} "
            "To drop cards whose sentences do not, build the exercise again with <code>--drop-cards</code> and their "
            "numbers (for example <code>--drop-cards 2,4</code>): they leave both folders, the other cards keep their "
            "numbers and answers already saved still grade. Or keep such a card as a question: a teacher's key "
            "(<code>--teacher-key</code>, a CSV with <code>card,surer,cite</code>) with <code>surer</code> "
            "<code>different</code> makes \u201cthey do not tell the same claim\u201d the answer.</p>",
            "<h2>Claim pairs</h2>"]  # fmt: skip
    for card in key["cards"]:
        sides = "".join(
            f"<p><b>Article {_esc(s['letter'])}</b>, sentence {_esc(s['sent_id'])}: <span class='note'>read as {_esc(s.get('read_as', s['status']))}"
            + (f"; the card takes it as told by {_esc(s['source'])}, whom the sentence names" if s.get("read_as", s["status"]) != s["status"] else "")
            + f"; source: {_esc(s['source'] or 'the writer')} ({_esc(s['source_type'])})</span></p><blockquote>{_esc(s['text'])}</blockquote>"
            + _claim_line(s)
            for s in card["sides"])  # fmt: skip
        a = card["answers"]
        evidence = a["evidence"]
        rows = [
            ("Which is surer", f"<b>{_esc(_choice_word(a['surer']['best']))}</b>", _accepted(a["surer"], points), card["explain"]["surer"]),
            ("Which words", f"<b>{_esc('; '.join(evidence['words']))}</b>" if evidence else "not marked",
             "any one of them, in any form" if evidence else "no word decides either sentence", card["explain"]["evidence"]),
            ("Which to cite", f"<b>{_esc(_choice_word(a['cite']['best']))}</b>", _accepted(a["cite"], points), card["explain"]["cite"])
            if a["cite"] else ("Which to cite", "not marked", "", "Not marked: the two sentences tell different claims."),
        ]  # fmt: skip
        table = "".join(f"<tr><th>{_esc(f)}</th><td>{best}</td><td>{alt}</td><td>{_emphasis(why)}</td></tr>" for f, best, alt, why in rows)
        notes = f"<p><b>What differs</b></p><ul>{_items(card['notes'])}</ul>" if card.get("notes") else ""
        body.append(f"<div class='card'><p><b>Card {_esc(card['card'])}</b></p>{sides}{notes}"
                    "<table><tr><th></th><th>Answer</th><th>Also accepted</th><th>What the student reads</th></tr>"
                    f"{table}</table><details class='trace'><summary>How the tool decided</summary><p>{_esc(card['trace'])}</p>"
                    "</details></div>")  # fmt: skip
    body.append(f"<h2>Open tasks</h2><p>Mark each open task out of 2:</p><ul>{_RUBRIC_ITEMS}</ul>")
    for number, task in enumerate(key["tasks"], start=1):
        if task["auto_marked"]:
            continue
        body.append(f"<div class='task'><p class='step'>{_esc(task['step'])}</p><h3>Task {number}: {_esc(task['title'])}</h3>"
                    f"<p>{_esc(task['prompt'])}</p><p><b>Model answer</b></p><ul>{_items(task['model_answer'])}</ul>"
                    f"<p><b>A good answer mentions</b></p><ul>{_items(task['look_for'])}</ul></div>")  # fmt: skip
    body.append("<p class='note'>The whole comparison, every matched pair and every difference, is in "
                "<code>comparison/compare.html</code> beside this page; <code>compare.ipynb</code> runs it in Jupyter.</p>")  # fmt: skip
    return _page(f"{key['title']}: answer key", body)


def _topics(key: dict) -> list[str]:
    """Each article's sensitive topics, for the teacher to prepare (``lexicons/sensitive_topics.csv``)."""
    items = [item for article in key["articles"]
             for item in topic_items(article.get("topics") or [], prefix=f"Article {_esc(article['letter'])}: ")]
    usual = any(topic["words"] for article in key["articles"] for topic in article.get("topics") or [])
    if not usual:
        return [f"<h2>These articles</h2><p>No listed topic words were found ({listed_topics()}) in their usual sense; "
                f"that does not mean there are none. Read the articles before class.</p>" + (f"<ul>{''.join(items)}</ul>" if items else "")]  # fmt: skip
    return ["<h2>These articles</h2><p>Sensitive topics, found by word: decide whether they suit your class, and prepare "
            f"students for them.</p><ul>{''.join(items)}</ul>"]  # fmt: skip


#: The lesson's minutes for the claim cards when there are enough of them.
CARDS_MINUTES = 14


def coverage_lesson_plan_html(key: dict) -> str:
    """A lesson of about an hour around the comparison: objectives, the articles' sensitive
    topics, timings (reading time from the articles' length), prompts, marking."""
    cards = len(key["cards"])
    n = len(key["articles"])
    words = sum(a.get("words", 0) for a in key["articles"])
    reading = max(5, min(20, round(words / 150)))  # about 150 words a minute, read with care
    # About three minutes a card; with few cards the time left goes to finding a pair
    # the tool did not (its cards are few and miss many shared claims).
    card_minutes = min(CARDS_MINUTES, 4 + 3 * cards)
    spare = CARDS_MINUTES - card_minutes
    steps = "".join(f"<li><b>{_esc(step)}</b>: {_esc(what)}</li>" for step, what in SIFT_STEPS.items())
    plan = [
        ("Headlines (Stop)", 5, f"Write the {n} headlines on the board (the worksheet prints them with the articles). "
                                "Students answer the first task alone: which sounds surer, and what each wants them to believe."),
        ("Reading", reading, f"Students read the {n} articles ({words:,} words in all), marking sentences that tell the same thing."),
        ("Who published each (Investigate)", 8, "Pairs fill in who wrote and published each article and when, and search "
                                                "any outlet they do not know."),
        ("Same story?", 4, "The class agrees whether the articles tell one story, from the names, places, dates and figures "
                           "they share."),
        ("Claim pairs in pairs (Trace)", card_minutes, f"Pairs do the {cards} card{'s' if cards != 1 else ''}: whether the two sentences "
                                             "tell the same claim at all, then which article is surer, which words show it, "
                                             "and which they would cite. "
                                             + ("Model the first question aloud on a sentence pair of your own choosing, so "
                                                "the card stays the students' to answer." if cards == 1 else
                                                "Model one card aloud first.")),
        ("Sources, figures and what only one tells", 8 + spare, "Each pair takes one of the three tasks and reports back: sources only "
                                                                "one outlet uses, figures that differ, a claim only one makes."
                                                                + (" With few cards, pairs also find one more claim both articles "
                                                                   "tell and say which puts it more surely, and why."
                                                                   if spare else "")),
        ("Which would you share? and saving", 6, "Each student answers the last task; a few read theirs aloud. Students save "
                                                 "the worksheet (or hand in paper)."),
    ]  # fmt: skip
    total, start, timed = sum(m for _, m, _ in plan), 0, []
    for what, minutes, how in plan:
        timed.append((f"{start}-{start + minutes}", what, how))
        start += minutes
    plan = timed
    rows = "".join(f"<tr><td>{t}</td><td><b>{_esc(what)}</b></td><td>{_esc(how)}</td></tr>" for t, what, how in plan)
    prompts = [
        "Where one outlet states as fact what another attributes to someone, which is the better guide to what is known?",
        "Did an outlet have its own source, or repeat another's?",
        "Which differences matter for what a reader believes, and which are only style?",
        "What would you search to settle a figure the outlets disagree on?",
    ]
    body = [
        f"<h1>{_esc(key['title'])}: lesson plan</h1>",
        "<h2>Learning objectives</h2><p>By the end of the lesson students can:</p><ul>"
        "<li>find the same claim in two outlets' reports and say which puts it more surely, pointing to the words;</li>"
        "<li>tell a source a reader can check from one without a name, and prefer the first when citing;</li>"
        "<li>notice sources, figures and claims only one outlet has, and say how they would check them;</li>"
        "<li>choose which coverage to share, with reasons.</li></ul>",
        f"<h2>The method: SIFT</h2><ul>{steps}</ul>",
        "<h2>Before the lesson</h2><ul><li>Print the worksheet (student folder) or share the folder; it works in any "
        "browser with no install.</li><li>Read the answer key and check each card: the tool pairs claims by shared "
        "words, names and figures, and can pair two sentences that do not tell the same thing.</li>"
        "<li>Skim <code>comparison/compare.html</code> for the differences the tool found.</li></ul>",
        *_topics(key),
        f"<h2>Plan ({total} minutes)</h2><table><tr><th>Minutes</th><th>Activity</th><th>How</th></tr>{rows}</table>",
        ("<p><b>The articles are long</b>: set the reading as homework before the lesson.</p>" if words > 1200 else
         "<p>Short of time? Set the reading as homework before the lesson, or keep the open tasks for a second lesson.</p>"),
        "<h2>Discussion prompts</h2><ul>" + "".join(f"<li>{_esc(p)}</li>" for p in prompts) + "</ul>",
        f"<h2>Marking</h2><p>The cards are marked by <code>python -m analysis grade</code>, which writes a feedback page "
        f"per student and a class summary. Mark each open task out of 2:</p><ul>{_RUBRIC_ITEMS}</ul>",
        "<h2>Adapting it</h2><ul><li><b>Younger students</b>: " + ("the first three cards, " if cards > 3 else "the cards, ")
        + "and the headline and share tasks only; set the reading the lesson before.</li><li><b>Advanced students</b>: add a third outlet of their own finding and compare it the same "
        "way; or argue with the answer key where the tool read a sentence wrongly.</li></ul>",
    ]  # fmt: skip
    return _page(f"{key['title']}: lesson plan", body)
