"""Building an exercise: the files written, the student copy without solutions, both copies run."""

import json

import nbformat
import pytest

from analysis import config
from analysis.cli import main
from analysis.classroom.build import build_exercise
from analysis.classroom.exercises import answer_key
from analysis.presenting.report import execute

from ..conftest import DATA_DIR


@pytest.fixture(scope="module")
def exercise(tmp_path_factory):
    out = tmp_path_factory.mktemp("exercise")
    files = build_exercise(DATA_DIR / "bbc" / "politics_001.txt", out, progress=lambda line: None)
    return out, files


def test_exercise_command_writes_every_copy(exercise):
    out, files = exercise
    assert {p.name for p in files} == {"student.ipynb", "teacher.ipynb", "worksheet.html", "answer_key.html", "politics_001.txt"}
    assert (out / "politics_001.txt").read_bytes() == (DATA_DIR / "bbc" / "politics_001.txt").read_bytes()


def test_student_copy_holds_no_solution(exercise, nlp):
    out, _ = exercise
    student = nbformat.read(out / "student.ipynb", as_version=4)
    raw = (out / "student.ipynb").read_text(encoding="utf-8")
    assert not any("solution" in c.metadata.get("tags", []) for c in student.cells)
    assert '"solution"' not in raw
    # No answer string survives: the solution cells' code and the key's evidence.
    source = nbformat.read(config.NOTEBOOKS_DIR / "exercise_source_criticism.ipynb", as_version=4)
    for cell in source.cells:
        if "solution" in cell.metadata.get("tags", []):
            assert cell.source not in raw
    from analysis import analyze

    for evidence in answer_key(analyze(out / "politics_001.txt", nlp=nlp))["evidence"]:
        assert json.dumps(evidence)[1:-1] not in raw
    assert not any(c.get("outputs") for c in student.cells if c.cell_type == "code")


def test_both_copies_execute(exercise):
    out, _ = exercise
    teacher = nbformat.read(out / "teacher.ipynb", as_version=4)
    errors = [c for c in teacher.cells if c.cell_type == "code" and any(o.output_type == "error" for o in c.outputs)]
    assert all("raises-exception" in c.metadata.get("tags", []) for c in errors)
    assert "Score:** 100%" in json.dumps(nbformat.writes(teacher))
    from analysis.presenting.report import start_kernel, stop_kernel

    kernel = start_kernel(cwd=out)
    try:
        ran = execute(nbformat.read(out / "student.ipynb", as_version=4), timeout=300, kernel=kernel)
    finally:
        stop_kernel(kernel)
    errors = [c for c in ran.cells if c.cell_type == "code" and any(o.output_type == "error" for o in c.outputs)]
    assert errors and all("raises-exception" in c.metadata.get("tags", []) for c in errors)


def test_exercise_command_refuses_bad_input(tmp_path, capsys):
    assert main(["exercise", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_the_student_reads_the_card_instructions_before_running_anything(exercise):
    import nbformat

    from analysis.classroom.exercises import card_instructions

    out, _ = exercise
    student = nbformat.read(out / "student.ipynb", as_version=4)
    markdown = [c.source for c in student.cells if c.cell_type == "markdown"]
    assert card_instructions() in markdown
