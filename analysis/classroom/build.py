"""Building an exercise for one article: two folders, written all together or not at all.

``student/`` holds only what a student needs, made from the student material
(:func:`student_material`: the article's sentences with their numbers, the lines found
at the top of the page, the claim cards' sentences and the tasks), never from the key:

- ``worksheet.html``: print it, or fill it in on screen and save the answers as a file;
- ``student.ipynb``: the same tasks as a notebook that imports nothing but ``json``;
  running its last cell saves ``answers.json``;
- ``exercise.json``: the student material itself; ``article.txt``: the numbered article.

``teacher/`` holds the key and everything made from it: ``key.json`` (what ``python -m
analysis grade`` marks against), ``answer_key.html``, ``lesson_plan.html``,
``teacher.ipynb`` (the tool's evidence for every answer, run it in Jupyter) and a copy of
the article it reads. The article is analysed once, here.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import nbformat

from analysis import config
from analysis.classroom.glossary import hard_words
from analysis.classroom.notes import article_notes
from analysis.classroom.pages import WORD_PREFIX
from analysis.errors import InputError
from analysis.presenting.narrate import inert_markdown, page_identity
from analysis.reading.ingest import inert_copy_name
from analysis.presenting.export import output_folder, print_progress, publish, staged_output
from analysis.presenting.report import with_parameters
from analysis.vocabulary import ARTICLE_ROLES, SOURCE_TYPE, STATUS

__all__ = [
    "EXERCISE_NOTEBOOK",
    "EXERCISE_FORMAT",
    "KEY_FORMAT",
    "numbered_paragraphs",
    "student_material",
    "student_notebook",
    "open_answer_cells",
    "finished_notebook",
    "teacher_notebook",
    "build_exercise",
    "load_key",
]

#: The teacher's notebook (a template in the package's notebooks).
EXERCISE_NOTEBOOK = config.NOTEBOOKS_DIR / "exercise_source_criticism.ipynb"
#: ``format`` values of the student material and of the key.
EXERCISE_FORMAT = "analysis-exercise"
KEY_FORMAT = "analysis-exercise-key"
def numbered_paragraphs(result) -> list[dict]:
    """The article as a reader sees it (``vocabulary.ARTICLE_ROLES``): each paragraph's
    role and its sentences with their numbers."""
    sentences = result.sentences
    paragraphs = result.paragraphs
    shown = []
    for paragraph in paragraphs[paragraphs["role"].isin(ARTICLE_ROLES)].itertuples():
        rows = sentences[sentences["para_id"] == paragraph.para_id]
        if len(rows):
            shown.append({"role": paragraph.role, "sentences": [{"number": int(s.sent_id), "text": s.text} for s in rows.itertuples()]})
    return shown


def student_material(result, cards, tasks: list[dict], *, title: str) -> dict:
    """Everything a student's copy shows, and nothing else: the title, the lines found at
    the top of the page, the article's paragraphs as numbered sentences, each card's
    sentence, the tasks as a student reads them, the rarest words to look up
    (:func:`analysis.classroom.glossary.hard_words`), and the label choices with their
    plain meanings. It reads the article's text, tokens and structure only, never a
    label the tool gave a sentence; ``exercise`` is a fingerprint of what answers refer
    to (the numbered article, the cards, the task ids), which a saved answers file
    carries back."""
    from analysis.classroom.tasks import student_tasks

    shown = numbered_paragraphs(result)
    material = {
        "format": EXERCISE_FORMAT,
        "version": 1,
        "title": title,
        "found": page_identity(result),
        "paragraphs": shown,
        # The sentence only: whether a neighbour names the speaker is part of the answer.
        "cards": [{"card": int(c["card"]), "number": int(c["sent_id"]), "text": str(c["text"])}
                  for c in cards.to_dict("records")],  # fmt: skip
        "tasks": student_tasks(tasks),
        "words": [{"word": w["word"], "sentence": int(w["sent_id"])}
                  for w in hard_words(result.tokens, {s["number"] for p in shown for s in p["sentences"]}).to_dict("records")],
        "choices": {"status": STATUS.descriptions, "source_type": SOURCE_TYPE.descriptions},
    }
    # What saved answers refer to: the article as numbered, the cards and the task ids. A
    # rebuild that keeps them (a teacher's key, a newer tool with new wording) takes the
    # same answers; one that changes a card does not.
    answered = {"paragraphs": shown, "cards": material["cards"], "tasks": [t["id"] for t in material["tasks"]]}
    fingerprint = hashlib.sha256(json.dumps(answered, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
    return {**material, "exercise": fingerprint[:16]}


def _article_text(material: dict) -> str:
    """The article as the student reads it, sentences numbered: the lines found at the top
    of the page, then the headline ([0]) and the body. No title of the tool's own: the
    first line a student reads is the article's."""
    lines = [f"{f['what']}: {f['text']}" for f in material["found"]]
    for paragraph in material["paragraphs"]:
        lines += ["", " ".join(f"[{s['number']}] {s['text']}" for s in paragraph["sentences"])]
    return "\n".join(lines).lstrip("\n") + "\n"


def _article_markdown(material: dict) -> str:
    parts = ["## The article", ""]
    if material["found"]:
        parts += ["**At the top of the page, as found:**", ""] + [f"- {inert_markdown(f['what'])}: {inert_markdown(f['text'])}" for f in material["found"]] + [""]
    for paragraph in material["paragraphs"]:
        text = " ".join(f"<sup>{s['number']}</sup>{inert_markdown(s['text'])}" for s in paragraph["sentences"])
        parts += [("### " if paragraph["role"] == "headline" else "") + text, ""]
    if material.get("words"):
        parts += ["**Words you may need to look up** (find what each means before the tasks):", ""]
        parts += [f"- {inert_markdown(w['word'])} (sentence {w['sentence']})" for w in material["words"]] + [""]
    return "\n".join(parts)


def _labels_markdown(material: dict) -> str:
    statuses = "\n".join(f"- **{name}**: {inert_markdown(text)}" for name, text in material["choices"]["status"].items())
    types = "\n".join(f"- **{name}**: {inert_markdown(text)}" for name, text in material["choices"]["source_type"].items())
    return f"## Words you will use\n\n**Status**: how sure is the article?\n\n{statuses}\n\n**Source type**: who does the claim come from?\n\n{types}"


def student_notebook(material: dict) -> nbformat.NotebookNode:
    """The student's notebook: the article and tasks as Markdown, one code cell per answer,
    and a last cell that saves ``answers.json``. It imports only ``json``: no analysis,
    no label, no answer."""
    new_md, new_code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    statuses, types = ", ".join(material["choices"]["status"]), ", ".join(material["choices"]["source_type"])
    cells = [
        new_md(f"# Exercise: {inert_markdown(material['title'])}\n\n**The question:** How sure is each claim in this article, who "
               "says so, and what would you need to check outside it?\n\nWrite your answers between the quotation marks "
               "in the code cells, then run the last cell: it saves `answers-<your name>.json` for your teacher."),
        new_code("answers_file: str = \"answers.json\"  # where your answers are saved", metadata={"tags": ["parameters"]}),
        new_code("import json"),
        new_md(_article_markdown(material)),
        new_md(_labels_markdown(material)),
        new_code("answers = {\"format\": \"analysis-exercise-answers\", \"version\": 1, "
                 f"\"exercise\": {material['exercise']!r}, \"cards\": {{}}, \"questions\": {{}}, \"urls\": {{}}}}\n"
                 'answers["name"] = ""  # your name\nanswers["class"] = ""  # your class\nanswers["date"] = ""  # today\'s date'),
    ]  # fmt: skip
    if material.get("words"):
        # What each word to look up means, as the worksheet asks (the word as a JSON string:
        # article text never becomes code).
        cells.append(new_md("### Words you may need to look up\n\nWrite what each word means between the quotation marks."))
        cells.append(new_code("\n".join(f'answers["questions"][{json.dumps(WORD_PREFIX + str(w["word"]))}] = ""'
                                        for w in material["words"])))
    for number, task in enumerate(material["tasks"], start=1):
        cells.append(new_md(f"## Task {number}: {inert_markdown(task['title'])}\n\n*{inert_markdown(task['step'])}*\n\n{inert_markdown(task['prompt'])}"))
        if task["auto_marked"]:
            for card in material["cards"]:
                cells.append(new_md(f"### Card {card['card']} (sentence {card['number']})\n\n> {inert_markdown(card['text'])}"))
                cells.append(new_code(
                    f'answers["cards"]["{card["card"]}"] = {{\n'
                    f'    "status": "",  # one of: {statuses}\n'
                    '    "source": "",  # who the claim comes from ("the writer" if nobody)\n'
                    f'    "source_type": "",  # one of: {types}\n'
                    '    "cues": "",  # the words that tell you how sure it is, separated by ;\n}'))  # fmt: skip
            continue
        cells += open_answer_cells(task)
    return finished_notebook(cells)


def open_answer_cells(task: dict) -> list[nbformat.NotebookNode]:
    """The code cells a student writes an open task's answer in (and the web addresses
    used, when the task asks for them)."""
    new_code = nbformat.v4.new_code_cell
    cells = [new_code(f'answers["questions"]["{task["id"]}"] = """\n\n"""')]
    if task["urls"]:
        cells.append(new_code(f'answers["urls"]["{task["id"]}"] = """\n\n"""  # the web addresses you used'))
    return cells


def finished_notebook(cells: list) -> nbformat.NotebookNode:
    """A student's notebook from its cells: the cells that save ``answers-<name>.json``
    (``answers.json`` when no name is given) added at
    the end, fixed cell ids (the same notebook for the same material, build after build)
    and a Python kernel."""
    new_md, new_code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    cells = [*cells, new_md("## Save your answers\n\nRun the next cell, then hand in the file it names."), new_code(
        "# Each student's own file name, so a class's files do not overwrite each other.\n"
        "own = \"\".join(c if c.isalnum() else \"-\" for c in str(answers.get(\"name\") or \"\").strip().lower()).strip(\"-\")\n"
        "if answers_file == \"answers.json\" and own:\n"
        "    answers_file = f\"answers-{own}.json\"\n"
        "with open(answers_file, \"w\", encoding=\"utf-8\") as file:\n"
        "    json.dump(answers, file, ensure_ascii=False, indent=2)\n"
        "answered = sum(1 for card in answers[\"cards\"].values() if any(str(v).strip() for v in card.values()))\n"
        "print(f\"Saved {answers_file}: {answered} of {len(answers['cards'])} cards answered. Hand this file to your teacher.\")")]  # fmt: skip
    for number, cell in enumerate(cells):
        cell["id"] = f"cell-{number:02d}"
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return notebook


def teacher_notebook(template: Path, **parameters) -> nbformat.NotebookNode:
    """A package notebook with the teacher's parameters injected, the injected cell's id
    fixed (not a new random one on every build)."""
    notebook = with_parameters(nbformat.read(template, as_version=4), **parameters)
    for cell in notebook.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
    return notebook


def load_key(path: str | Path) -> dict:
    """A ``teacher/key.json`` as written by ``exercise``.

    Raises:
        InputError: The file cannot be read or is not an exercise key (one line).
    """
    name = str(path)
    try:
        # utf-8-sig: a key a teacher saved again in an editor may start with a BOM.
        key = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except RecursionError:  # "[[[[...": the JSON parser gives up on deep nesting
        raise InputError(f"{name}: not an exercise key (its JSON is nested too deeply)") from None
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise InputError(f"{name}: cannot read the exercise key: {' '.join(str(error).split())}") from None
    if not isinstance(key, dict) or key.get("format") != KEY_FORMAT or not isinstance(key.get("cards"), list):
        raise InputError(f"{name}: not an exercise key (teacher/key.json, as written by 'python -m analysis exercise')")
    return key


def write_pack(staging: Path, material: dict, key: dict, *, worksheet: str, notebook, article_file: str, article_text: str,
               answer_key: str, lesson_plan: str) -> tuple[Path, Path]:
    """The files an exercise's two folders share, written into ``staging``: the student's
    worksheet, notebook, ``exercise.json`` and article text; the teacher's ``key.json``,
    answer key and lesson plan. Returns the student and teacher folders (one article's
    exercise and the comparison's add their own files to the teacher's)."""
    student, teacher = staging / "student", staging / "teacher"
    student.mkdir()
    teacher.mkdir()
    (student / "worksheet.html").write_text(worksheet, encoding="utf-8")
    nbformat.write(notebook, student / "student.ipynb")
    (student / "exercise.json").write_text(json.dumps(material, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (student / article_file).write_text(article_text, encoding="utf-8")
    (teacher / "key.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (teacher / "answer_key.html").write_text(answer_key, encoding="utf-8")
    (teacher / "lesson_plan.html").write_text(lesson_plan, encoding="utf-8")
    return student, teacher


def build_exercise(
    article: str | Path,
    out_dir: str | Path,
    *,
    teacher_key: str | Path | None = None,
    progress: Callable[[str], None] = print_progress,
) -> list[Path]:
    """Write the exercise for one article into ``out_dir/student`` and
    ``out_dir/teacher`` (see the module docstring); returns the files written.

    Raises:
        InputError: The article or the teacher's key cannot be read.
    """
    from analysis.classroom.exercises import claim_cards, exercise_key, read_key_table, read_teacher_key
    from analysis.classroom.pages import answer_key_html, lesson_plan_html, worksheet_html
    from analysis.classroom.tasks import RUBRIC, exercise_tasks
    from analysis.core import analyze

    path = Path(article).absolute()
    if str(article) == "-" or not path.is_file():
        raise InputError(f"{article}: the exercise needs an article file (.txt, .html or .htm)")
    # The key's file is read first (a file that cannot be read stops the run at once);
    # its rows are checked against the article after the analysis, every problem in one
    # message (columns, numbers, duplicates, labels, sentences the article lacks).
    if teacher_key is not None:
        read_key_table(teacher_key)
    out = output_folder(out_dir)
    if teacher_key is None:
        progress(f"[1/2] analysing {path}")
        result, key_rows = analyze(path), None
    else:
        result = analyze(path)
        key_rows = read_teacher_key(teacher_key, result=result)
        # Said once the key is known to fit: a bad key's message is then the one line.
        progress(f"[1/2] analysed {path}; the teacher's key fits it")
    cards = claim_cards(result)
    if cards.empty:
        raise InputError(f"{article}: no sentence in the article's body makes a claim card (is it an article?)")
    if key_rows is not None:
        # A key row for a sentence that is on no card is not used: say so, do not drop it silently.
        unused = sorted(set(int(i) for i in key_rows["sent_id"]) - set(int(i) for i in cards["sent_id"]))
        if unused:
            on_cards = ", ".join(str(int(i)) for i in cards["sent_id"])
            progress(f"note: {teacher_key}: the rows for sentence{'s' if len(unused) > 1 else ''} "
                     f"{', '.join(map(str, unused))} match no claim card and were not used (the cards are sentences {on_cards})")  # fmt: skip
    tasks = exercise_tasks(result)
    title = f"Source criticism: {result.headline or path.name}"
    material = student_material(result, cards, tasks, title=title)
    key = {"format": KEY_FORMAT, "version": 1, "exercise": material["exercise"], "title": title, "article": path.name,
           "article_sha256": hashlib.sha256(path.read_bytes()).hexdigest(), **exercise_key(result, cards, teacher_key=key_rows),
           "tasks": tasks, "rubric": [list(r) for r in RUBRIC], "notes": article_notes(result, material)}  # fmt: skip
    progress(f"[2/2] writing the student and teacher folders to {out}")
    with staged_output(out, prefix=".exercise-") as staging:
        _student, teacher = write_pack(staging, material, key, worksheet=worksheet_html(material), notebook=student_notebook(material),
                                       article_file="article.txt", article_text=_article_text(material),
                                       answer_key=answer_key_html(key), lesson_plan=lesson_plan_html(key))  # fmt: skip
        # The teacher's notebook reads this copy, beside it, under a fixed name: the
        # article's own file name is the user's and could be any of the other files'.
        # A page is kept as inert text (article.html.txt): opened in a browser, a saved
        # news page's scripts and javascript: links would run on the teacher's machine.
        copy = inert_copy_name(path, "article")
        shutil.copyfile(path, teacher / copy)
        parameters = {"article_path": copy, "key_path": "key.json"}
        if teacher_key is not None:
            shutil.copyfile(teacher_key, teacher / "teacher_key.csv")
        nbformat.write(teacher_notebook(EXERCISE_NOTEBOOK, **parameters), teacher / "teacher.ipynb")
        return publish(staging, out)
