"""Building an exercise for one article: the student copy (no solutions, no outputs),
the teacher copy (run, with the answers and the check), the printable worksheet and the
answer key, written all together or not at all."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import nbformat

from analysis import config
from analysis.errors import InputError
from analysis.presenting.report import _output_folder, _publish, _stderr, execute, start_kernel, stop_kernel, with_parameters

__all__ = ["build_exercise", "student_copy", "with_instructions", "EXERCISE_NOTEBOOK"]

EXERCISE_NOTEBOOK = config.NOTEBOOKS_DIR / "exercise_source_criticism.ipynb"


def with_instructions(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook with each cell tagged ``instructions`` written out as Markdown, so a
    student reads the claim-card instructions before running anything."""
    from analysis.classroom.exercises import card_instructions

    for number, cell in enumerate(notebook.cells):
        if "instructions" in cell.get("metadata", {}).get("tags", []):
            notebook.cells[number] = nbformat.v4.new_markdown_cell(card_instructions(), id=cell.get("id"))
    return notebook


def student_copy(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook without cells tagged ``solution`` and without outputs."""
    from nbconvert.preprocessors import ClearOutputPreprocessor, TagRemovePreprocessor

    # Enabled explicitly: TagRemovePreprocessor is off by default outside HTML export.
    remove = TagRemovePreprocessor(enabled=True, remove_cell_tags={"solution"})
    notebook, _ = remove.preprocess(notebook, {})
    notebook, _ = ClearOutputPreprocessor(enabled=True).preprocess(notebook, {})
    return notebook


def build_exercise(
    article: str | Path,
    out_dir: str | Path,
    *,
    teacher_key: str | Path | None = None,
    progress: Callable[[str], None] = _stderr,
    timeout: int = 600,
) -> list[Path]:
    """Write the exercise for one article into ``out_dir``: ``student.ipynb`` (solutions
    removed, outputs cleared), ``teacher.ipynb`` (run, with answers), ``worksheet.html``
    (printable, no answers), ``answer_key.html`` (answers with their evidence), and a
    copy of the article (and of the teacher's key) that the notebooks read.

    Raises:
        InputError: The article or the teacher's key cannot be read.
        AnalysisError: The teacher copy failed to run.
    """
    import shutil

    from analysis.core import analyze
    from analysis.classroom.exercises import answer_key_html, check_key_sentences, read_teacher_key, worksheet_html

    path = Path(article).absolute()
    if str(article) == "-" or not path.is_file():
        raise InputError(f"{article}: the exercise needs an article file (.txt, .html or .htm)")
    # The key is checked before the analysis (columns, numbers, duplicates, vocabulary),
    # and its sentences against the article's right after it, before any notebook runs.
    key = read_teacher_key(teacher_key) if teacher_key is not None else None
    out = _output_folder(out_dir)
    with tempfile.TemporaryDirectory(prefix=".exercise-", dir=out.parent) as staging:
        staging = Path(staging)
        progress(f"[1/3] analysing {path}")
        result = analyze(path)
        if key is not None:
            check_key_sentences(key, result, name=str(teacher_key))
        shutil.copyfile(path, staging / path.name)  # the notebooks read this copy, beside them
        parameters = {"article_path": path.name, "teacher_key_path": ""}
        if teacher_key is not None:
            shutil.copyfile(teacher_key, staging / "teacher_key.csv")
            parameters["teacher_key_path"] = "teacher_key.csv"
        progress("[2/3] running the teacher copy")
        notebook = with_instructions(with_parameters(nbformat.read(EXERCISE_NOTEBOOK, as_version=4), **parameters))
        student = student_copy(nbformat.from_dict(notebook))
        kernel = start_kernel(cwd=staging)
        try:
            teacher = execute(notebook, timeout=timeout, kernel=kernel)
        finally:
            stop_kernel(kernel)
        progress(f"[3/3] writing the student and teacher copies, worksheet and answer key to {out}")
        nbformat.write(student, staging / "student.ipynb")
        nbformat.write(teacher, staging / "teacher.ipynb")
        title = f"Source criticism: {result.headline or path.name}"
        (staging / "worksheet.html").write_text(worksheet_html(result, title=title + " (worksheet)"), encoding="utf-8")
        (staging / "answer_key.html").write_text(answer_key_html(result, key=key, title=title + " (answer key)"), encoding="utf-8")
        return _publish(staging, out)
