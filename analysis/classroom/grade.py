"""Marking a class on the teacher's side: ``python -m analysis grade ANSWERS... --key
teacher/key.json --out feedback/``.

Reads each student's saved answers (the worksheet's "Save my answers" file or the
student notebook's ``answers.json``), marks the claim cards against the key
(:mod:`analysis.classroom.marking`) and writes, all together or not at all:

- ``<student>.html``: one feedback page per student, in plain words, to hand back;
- ``class.html``: the teacher's view: scores, the chart, the open answers to mark;
- ``class.csv``: one row per student, card and field (spreadsheet-safe);
- ``class_summary.csv`` and ``class_summary.png``: the share of the class with each
  card field right, the hardest first;
- ``errors.csv``: answer files that could not be read, one row each. A bad file never
  stops the others from being marked.
"""

from __future__ import annotations

import base64
import io
import json
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from analysis.classroom.build import load_key
from analysis.classroom.marking import mark_student
from analysis.classroom.pages import ANSWERS_FORMAT, WORD_PREFIX, WORDS_TASK, class_html, feedback_html
from analysis.errors import InputError
from analysis.presenting.report import _output_folder, _publish, _stderr

__all__ = ["read_answers", "answer_files", "grade_class", "MAX_ANSWERS_BYTES"]

#: Largest answers file read: a full worksheet is a few kB.
MAX_ANSWERS_BYTES = 1_000_000
#: Longest text kept from any one answer field.
MAX_FIELD_CHARS = 5_000


def _text(value, what: str, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)) and what.endswith("cues"):
        return "; ".join(_text(v, what, name) for v in value)
    if not isinstance(value, (str, int, float)):
        raise InputError(f"{name}: {what} should be text")
    return str(value)[:MAX_FIELD_CHARS]


def read_answers(path: str | Path, *, exercise: str | None = None) -> dict:
    """One student's saved answers, checked: a JSON object of the answers format, for
    this exercise (``exercise``, the key's fingerprint), with text answers.

    Raises:
        InputError: The file cannot be read or is not a student's answers (one line).
    """
    name = Path(path).name
    try:
        if Path(path).stat().st_size > MAX_ANSWERS_BYTES:
            raise InputError(f"{name}: too large for an answers file ({MAX_ANSWERS_BYTES:,} bytes at most)")
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        if isinstance(error, InputError):
            raise
        raise InputError(f"{name}: cannot read the answers: {' '.join(str(error).split())[:200]}") from None
    if not isinstance(data, dict) or data.get("format") != ANSWERS_FORMAT:
        raise InputError(f"{name}: not a saved answers file (from the worksheet's Save button or the student notebook)")
    if exercise is not None and data.get("exercise") != exercise:
        raise InputError(f"{name}: these answers are for another exercise (another article or another build of it)")
    cards = data.get("cards") or {}
    if not isinstance(cards, dict) or not all(isinstance(v, dict) for v in cards.values()):
        raise InputError(f"{name}: 'cards' should map each card number to its answers")
    clean = {"name": _text(data.get("name"), "name", name), "class": _text(data.get("class"), "class", name),
             "date": _text(data.get("date"), "date", name),
             "cards": {str(k): {f: _text(v, f"card {k} {f}", name) for f, v in fields.items()} for k, fields in cards.items()},
             "questions": {}, "urls": {}}  # fmt: skip
    for part in ("questions", "urls"):
        given = data.get(part) or {}
        if not isinstance(given, dict):
            raise InputError(f"{name}: '{part}' should map each task to its answer")
        clean[part] = {str(k): _text(v, f"{part} {k}", name) for k, v in given.items()}
    return clean


def answer_files(paths: Iterable[str | Path]) -> list[Path]:
    """The answer files named, a folder standing for the ``.json`` files in it (sorted)."""
    files: list[Path] = []
    for item in paths:
        item = Path(item)
        files += sorted(p for p in item.glob("*.json") if p.is_file()) if item.is_dir() else [item]
    return files


def _safe_stem(path: Path, taken: set[str]) -> str:
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", path.stem).strip("-")[:60] or "student"
    if stem in {"class", "class_summary", "errors"}:
        stem = f"student-{stem}"
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _chart(summary: pd.DataFrame) -> str | None:
    """A bar chart of the share of the class right on each card field, as base64 PNG."""
    if summary.empty:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ordered = summary.sort_values(["card", "field"], kind="stable")
    labels = [f"card {r.card} {r.field.replace('_', ' ')}" for r in ordered.itertuples()]
    fig, ax = plt.subplots(figsize=(7, 0.28 * len(labels) + 1.2))
    ax.barh(range(len(labels)), ordered["right"], color="#0072B2")
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the class with it right (accepted answers count)")
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    from analysis.presenting.export import spreadsheet_safe

    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or str(safe[column].dtype).startswith("str"):
            safe[column] = safe[column].map(spreadsheet_safe)
    safe.to_csv(path, index=False)


def grade_class(
    answers: Iterable[str | Path],
    key_path: str | Path,
    out_dir: str | Path,
    *,
    progress: Callable[[str], None] = _stderr,
) -> list[Path]:
    """Mark every answers file against the key and write the feedback folder (see the
    module docstring); returns the files written.

    Raises:
        InputError: The key cannot be read, or no answers file could be marked.
    """
    key = load_key(key_path)
    files = answer_files(answers)
    if not files:
        raise InputError("no answers files given (the .json files students saved)")
    out = _output_folder(out_dir)
    taken: set[str] = set()
    marked, errors, rows, open_rows = [], [], [], []
    for path in files:
        try:
            student = read_answers(path, exercise=key.get("exercise"))
        except InputError as error:
            errors.append({"file": path.name, "error": str(error)})
            progress(f"skipped {error}")
            continue
        marks = mark_student(key, student)
        stem = _safe_stem(path, taken)
        marked.append((stem, path, student, marks))
        rows += [{"file": path.name, "name": student["name"], "class": student["class"], **m} for m in marks]
        for task in key["tasks"]:
            if not task["auto_marked"]:
                open_rows.append({"file": path.name, "name": student["name"], "task": task["id"],
                                  "answer": student["questions"].get(task["id"], ""), "urls": student["urls"].get(task["id"], "")})  # fmt: skip
        meanings = [f"{k.removeprefix(WORD_PREFIX)}: {v}" for k, v in sorted(student["questions"].items()) if k.startswith(WORD_PREFIX) and v.strip()]
        if meanings:
            open_rows.append({"file": path.name, "name": student["name"], "task": WORDS_TASK, "answer": "; ".join(meanings), "urls": ""})
    if not marked:
        raise InputError(f"none of the {len(files)} answers file(s) could be marked: {errors[0]['error']}")
    detail = pd.DataFrame(rows, columns=["file", "name", "class", "card", "field", "given", "verdict", "points", "out_of", "feedback"])
    summary = (detail.assign(right=detail["verdict"].isin(["best", "accepted"]))
               .groupby(["card", "field"], sort=True, as_index=False)["right"].mean()
               .sort_values(["right", "card", "field"], kind="stable"))  # fmt: skip
    students = pd.DataFrame(
        [{"name": s["name"], "file": p.name, "feedback": f"{stem}.html", "points": sum(m["points"] for m in marks),
          "out_of": sum(m["out_of"] for m in marks)} for stem, p, s, marks in marked]
    )  # fmt: skip
    chart = _chart(summary)
    progress(f"marked {len(marked)} of {len(files)} answers file(s); writing {out}")
    with tempfile.TemporaryDirectory(prefix=".grade-", dir=out.parent) as staging:
        staging = Path(staging)
        for stem, _, student, marks in marked:
            (staging / f"{stem}.html").write_text(feedback_html(key, student, marks), encoding="utf-8")
        _write_csv(detail, staging / "class.csv")
        _write_csv(summary.rename(columns={"right": "share_right"}), staging / "class_summary.csv")
        if chart:
            (staging / "class_summary.png").write_bytes(base64.b64decode(chart))
        _write_csv(pd.DataFrame(errors, columns=["file", "error"]), staging / "errors.csv")
        hardest = summary[summary["right"] < 1].head(3)
        (staging / "class.html").write_text(
            class_html(key, students, hardest, chart=chart, errors=errors, open_answers=pd.DataFrame(open_rows, columns=["file", "name", "task", "answer", "urls"])),
            encoding="utf-8",
        )  # fmt: skip
        return _publish(staging, out)
