"""Building an exercise: a student folder with nothing that reveals or computes an answer,
a teacher folder with the key, and notebooks that run top to bottom."""

import json
import types

import nbformat
import pytest

from analysis.classroom.build import build_exercise, student_material
from analysis.classroom.exercises import claim_cards
from analysis.classroom.tasks import exercise_tasks
from analysis.cli import main
from analysis.presenting.report import execute, start_kernel, stop_kernel

from ..conftest import DATA_DIR

ARTICLE = DATA_DIR / "bbc" / "politics_001.txt"


@pytest.fixture(scope="module")
def exercise(tmp_path_factory):
    out = tmp_path_factory.mktemp("exercise")
    files = build_exercise(ARTICLE, out, progress=lambda line: None)
    return out, files


def test_two_folders_are_written(exercise):
    out, files = exercise
    assert {str(p.relative_to(out)) for p in files} == {
        "student/worksheet.html", "student/student.ipynb", "student/exercise.json", "student/article.txt",
        "teacher/key.json", "teacher/answer_key.html", "teacher/lesson_plan.html", "teacher/teacher.ipynb", "teacher/article.txt",
    }  # fmt: skip
    assert (out / "teacher" / "article.txt").read_bytes() == ARTICLE.read_bytes()


def _strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def test_nothing_in_the_student_folder_reveals_or_computes_an_answer(exercise):
    out, _ = exercise
    key = json.loads((out / "teacher" / "key.json").read_text(encoding="utf-8"))
    texts = {p.name: p.read_text(encoding="utf-8") for p in (out / "student").iterdir()}
    # What only the key holds: explanations, traces and the tool's reasons.
    secrets = [card["trace"] for card in key["cards"]] + [t for card in key["cards"] for t in card["explain"].values() if t]
    secrets += [line for task in key["tasks"] for line in task["model_answer"]]
    for name, text in texts.items():
        assert "analysis" not in text.replace("analysis-exercise", ""), name  # no import, no package name
        for secret in secrets:
            assert json.dumps(secret)[1:-1] not in text and secret not in text, (name, secret)
        assert "key.json" not in text and "solution" not in text
    notebook = nbformat.reads(texts["student.ipynb"], as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert not any(c.get("outputs") for c in code)
    imports = [line for c in code for line in c.source.splitlines() if line.startswith(("import ", "from "))]
    assert imports == ["import json"]


def test_the_student_material_does_not_depend_on_the_tools_labels(nlp):
    from analysis import analyze

    result = analyze(ARTICLE, nlp=nlp)
    cards = claim_cards(result)
    tasks = exercise_tasks(result)
    real = student_material(result, cards, tasks, title="t")
    sentences = result.sentences.copy()
    for column in ("status", "status_reason", "claim_source", "claim_source_type", "claim_type", "hedges", "boosters"):
        sentences[column] = sentences[column].iloc[::-1].to_numpy()  # every label moved to another sentence
    scrambled = types.SimpleNamespace(sentences=sentences, paragraphs=result.paragraphs, tokens=result.tokens, article=result.article)
    assert student_material(scrambled, cards, tasks, title="t") == real


@pytest.mark.slow
def test_the_student_notebook_runs_and_saves_answers_that_grade(exercise, tmp_path):
    import shutil

    out, _ = exercise
    folder = tmp_path / "student"
    shutil.copytree(out / "student", folder)
    notebook = nbformat.read(folder / "student.ipynb", as_version=4)
    card = next(c for c in notebook.cells if c.cell_type == "code" and c.source.startswith('answers["cards"]["1"]'))
    card.source = card.source.replace('"status": ""', '"status": "asserted"', 1)
    # The words to look up, as on the worksheet (politics_001 has some).
    words = next(c for c in notebook.cells if c.cell_type == "code" and c.source.startswith('answers["questions"]["word-'))
    words.source = words.source.replace('] = ""', '] = "a meaning"', 1)
    kernel = start_kernel(cwd=folder)
    try:
        ran = execute(notebook, timeout=120, kernel=kernel)
    finally:
        stop_kernel(kernel)
    assert not [o for c in ran.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    saved = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
    assert saved["cards"]["1"]["status"] == "asserted"
    assert "a meaning" in [v for k, v in saved["questions"].items() if k.startswith("word-")]
    assert main(["grade", str(folder / "answers.json"), "--key", str(out / "teacher" / "key.json"), "--out", str(tmp_path / "fb")]) == 0
    assert (tmp_path / "fb" / "answers.html").is_file()


@pytest.mark.slow
def test_the_teacher_notebook_runs_top_to_bottom(exercise):
    out, _ = exercise
    kernel = start_kernel(cwd=out / "teacher")
    try:
        ran = execute(nbformat.read(out / "teacher" / "teacher.ipynb", as_version=4), timeout=300, kernel=kernel)
    finally:
        stop_kernel(kernel)
    assert not [o for c in ran.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert "0 of" in json.dumps(nbformat.writes(ran))  # a blank sheet scores nothing


def test_exercise_command_refuses_bad_input(tmp_path, capsys):
    assert main(["exercise", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_the_key_records_the_exercise_it_belongs_to(exercise):
    out, _ = exercise
    key = json.loads((out / "teacher" / "key.json").read_text(encoding="utf-8"))
    material = json.loads((out / "student" / "exercise.json").read_text(encoding="utf-8"))
    assert key["exercise"] == material["exercise"] and key["format"] == "analysis-exercise-key"
    assert [c["card"] for c in key["cards"]] == [c["card"] for c in material["cards"]]


def test_the_same_article_builds_the_same_folders(exercise, tmp_path):
    out, files = exercise
    again = build_exercise(ARTICLE, tmp_path / "again", progress=lambda line: None)
    for first, second in zip(files, again):
        assert first.read_bytes() == second.read_bytes(), first.name


@pytest.mark.slow
def test_a_saved_page_is_kept_in_the_teacher_folder_as_inert_text_the_notebook_reads(tmp_path):
    from ..conftest import HTML_PAGE

    out = tmp_path / "page-exercise"
    files = build_exercise(HTML_PAGE, out, progress=lambda line: None)
    teacher = out / "teacher"
    # A browser shows article.html.txt as text: the page's scripts and links never run.
    assert (teacher / "article.html.txt").read_bytes() == HTML_PAGE.read_bytes()
    assert not [p for p in files if p.suffix == ".html" and p.name not in ("worksheet.html", "answer_key.html", "lesson_plan.html")]
    kernel = start_kernel(cwd=teacher)
    try:
        ran = execute(nbformat.read(teacher / "teacher.ipynb", as_version=4), timeout=300, kernel=kernel)
    finally:
        stop_kernel(kernel)
    assert not [o for c in ran.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert "article.html.txt" in nbformat.writes(ran)


def test_the_notebook_saves_each_students_answers_under_their_name(exercise, tmp_path, monkeypatch):
    out, _ = exercise
    notebook = nbformat.read(str(next((out / "student").glob("*.ipynb"))), as_version=4)
    save = notebook.cells[-1].source
    monkeypatch.chdir(tmp_path)
    for name, expected in (("Ada Lovelace", "answers-ada-lovelace.json"), ("", "answers.json")):
        scope = {"json": json, "answers_file": "answers.json", "answers": {"name": name, "cards": {"1": {"status": ""}}}}
        exec(save, scope)  # the cell as the student runs it
        assert (tmp_path / expected).exists()


def test_key_rows_that_match_no_card_are_reported(tmp_path):
    from analysis import analyze

    result = analyze(ARTICLE)
    cards = claim_cards(result)
    body = set(int(i) for i in result.body_sentences["sent_id"])
    off_card = next(i for i in sorted(body) if i not in set(int(c) for c in cards["sent_id"]))
    key = tmp_path / "key.csv"
    key.write_text(f"sent_id,status\n{int(cards['sent_id'].iloc[0])},reported\n{off_card},reported\n", encoding="utf-8")
    lines: list[str] = []
    build_exercise(ARTICLE, tmp_path / "out", teacher_key=key, progress=lines.append)
    note = next(line for line in lines if "match no claim card" in line)
    assert f"sentence {off_card} match" in note


def test_a_rebuild_with_new_wording_keeps_the_exercise_so_saved_answers_still_mark(nlp):
    # A blind teacher review: answers saved from a pack could not be marked after a rebuild with a newer tool.
    from analysis import analyze
    from analysis.classroom.build import student_material
    from analysis.classroom.exercises import claim_cards
    from analysis.classroom.tasks import exercise_tasks

    result = analyze("Talks resume\n\nThe talks will resume on Monday, officials said. The plan may fail, critics warned. "
                     "The minister denied that the talks had stalled.", nlp=nlp)  # fmt: skip
    cards, tasks = claim_cards(result), exercise_tasks(result)
    first = student_material(result, cards, tasks, title="t")
    reworded = [{**t, "prompt": t["prompt"] + " (reworded)"} for t in tasks]
    assert student_material(result, cards, reworded, title="t")["exercise"] == first["exercise"]
    assert student_material(result, cards.iloc[:1], tasks, title="t")["exercise"] != first["exercise"]
