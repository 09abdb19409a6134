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
  stops the others from being marked;
- ``open_marks.csv``: one row per student and open task, with an empty ``mark`` column
  for the teacher (0, 1 or 2 by the rubric). Given back with ``--open-marks``, its marks
  are added to the class page beside the card points (the rows already marked are kept
  when the file is written again).
"""

from __future__ import annotations

import base64
import io
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from analysis.classroom.build import load_key
from analysis.classroom.marking import FIELDS, MARKED_FIELDS, OPTION_FIELDS, POINTS, WORD_FIELDS, mark_student
from analysis.classroom.pages import ANSWERS_FORMAT, WORD_PREFIX, WORDS_TASK, class_html, feedback_html
from analysis.classroom.tasks import RUBRIC
from analysis.errors import InputError
from analysis.presenting.export import csv_text, output_folder, print_progress, publish, staged_output
from analysis.vocabulary import SOURCE_TYPE, STATUS

__all__ = ["read_answers", "read_key", "check_key", "answer_files", "read_open_marks", "grade_class", "MAX_ANSWERS_BYTES"]

#: Largest answers file read: a full worksheet is a few kB.
MAX_ANSWERS_BYTES = 1_000_000
#: Longest text kept from any one answer field.
MAX_FIELD_CHARS = 5_000


def _text(value, what: str, name: str, *, words: bool = False) -> str:
    """One answer as text. ``words``: a field answered with words from the text (cues,
    evidence), which may also be a list of them; one level only, so no answers file can
    make this recurse however deeply it nests lists."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)) and words:
        if not all(v is None or isinstance(v, (str, int, float)) for v in value):
            raise InputError(f"{name}: {what} should be text or a list of words")
        return "; ".join(_text(v, what, name) for v in value)
    if not isinstance(value, (str, int, float)):
        raise InputError(f"{name}: {what} should be text" + (" or a list of words" if words else ""))
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
    except RecursionError:  # "[[[[...": the JSON parser gives up on deep nesting
        raise InputError(f"{name}: not a saved answers file (its JSON is nested too deeply)") from None
    if not isinstance(data, dict) or data.get("format") != ANSWERS_FORMAT:
        raise InputError(f"{name}: not a saved answers file (from the worksheet's Save button or the student notebook)")
    if exercise is not None and data.get("exercise") != exercise:
        raise InputError(f"{name}: these answers are for another exercise (another article or another build of it)")
    cards = data.get("cards") or {}
    if not isinstance(cards, dict) or not all(isinstance(v, dict) for v in cards.values()):
        raise InputError(f"{name}: 'cards' should map each card number to its answers")
    clean = {"name": _text(data.get("name"), "name", name), "class": _text(data.get("class"), "class", name),
             "date": _text(data.get("date"), "date", name),
             "cards": {str(k): {f: _text(v, f"card {k} {f}", name, words=f in WORD_FIELDS) for f, v in fields.items()}
                       for k, fields in cards.items()},
             "questions": {}, "urls": {}}  # fmt: skip
    for part in ("questions", "urls"):
        given = data.get(part) or {}
        if not isinstance(given, dict):
            raise InputError(f"{name}: '{part}' should map each task to its answer")
        clean[part] = {str(k): _text(v, f"{part} {k}", name) for k, v in given.items()}
    return clean


# --- The key, checked before anything is marked ------------------------------------------

#: The labels a status or source-type answer can be (the worksheet's choices), with
#: what the messages call one and several of them.
_LABELS = {"status": ("status", "statuses", tuple(STATUS)),
           "source_type": ("source type", "source types", tuple(SOURCE_TYPE))}  # fmt: skip


def _shown(value) -> str:
    """A wrong value as a message shows it: short text or a number as it is, anything
    else by its kind (never the whole of a nested value)."""
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list) and not value:
        return "an empty list"
    return {dict: "an object", list: "a list"}.get(type(value), type(value).__name__)


def _wrong(name: str, where: str, what: str, value=...) -> InputError:
    """The one line for a key that is not as ``exercise`` writes it: which field, what it
    must be, and what it holds instead."""
    held = "" if value is ... else ", but it is missing or null" if value is None else f", not {_shown(value)}"
    return InputError(f"{name}: {where} must be {what}{held}; correct it, or build the exercise again for a new key")


def _object(value, name: str, where: str, what: str) -> dict:
    if not isinstance(value, dict):
        raise _wrong(name, where, what, value)
    return value


def _texts(value, name: str, where: str, *, empty: bool = True) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or (not value and not empty):
        raise _wrong(name, where, "a list of texts" if empty else "a list of at least one text", value)
    return value


def _whole(value, name: str, where: str, *, least: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise _wrong(name, where, f"a whole number{' from 1 up' if least == 1 else ''}", value)
    return value


def _text_field(value, name: str, where: str) -> str:
    if not isinstance(value, str):
        raise _wrong(name, where, "text", value)
    return value


def _reasons(value, name: str, where: str, allowed: tuple[str, ...], one: str, several: str) -> None:
    """An answer's ``accepted`` alternatives: each one of ``allowed``, with its reason."""
    if value is None:
        return
    _object(value, name, where, f"an object giving each accepted {one} its reason")
    for choice, reason in value.items():
        if choice not in allowed:
            raise InputError(f"{name}: {where} accepts {_shown(choice)}, which is not one of the {several} "
                             f"({', '.join(allowed)}); correct it, or build the exercise again for a new key")  # fmt: skip
        _text_field(reason, name, f"{where}[{choice!r}]")


def _check_answer(field: str, answer, name: str, where: str) -> None:
    """One field's answer, as :mod:`analysis.classroom.marking` marks it."""
    if field in _LABELS:
        one, several, labels = _LABELS[field]
        answer = _object(answer, name, where, "an object with the best answer ('best') and the accepted ones ('accepted')")
        if answer.get("best") not in labels:
            raise _wrong(name, f"{where}.best", f"one of the {several} ({', '.join(labels)})", answer.get("best"))
        _reasons(answer.get("accepted"), name, f"{where}.accepted", labels, one, several)
        for label in _texts(answer.get("also"), name, f"{where}.also", empty=True) if answer.get("also") is not None else []:
            if label not in labels:
                raise _wrong(name, f"{where}.also", f"a list of the {several} ({', '.join(labels)})", label)
    elif field == "source":
        answer = _object(answer, name, where, "an object with the source ('best') and the forms that count ('forms')")
        _text_field(answer.get("best"), name, f"{where}.best")
        _texts(answer.get("forms"), name, f"{where}.forms", empty=False)
        if answer.get("nearby") is not None:
            _object(answer["nearby"], name, f"{where}.nearby", "an object giving each nearby speaker why it earns part credit")
            for form, reason in answer["nearby"].items():
                _text_field(reason, name, f"{where}.nearby[{form!r}]")
    elif field in WORD_FIELDS:
        if answer is None:
            return  # no word decides the claim: the field is not marked
        answer = _object(answer, name, where, "null (not marked) or an object with the words that count ('forms')")
        _texts(answer.get("forms"), name, f"{where}.forms", empty=False)
        if "words" in answer:
            _texts(answer["words"], name, f"{where}.words")
    elif field in OPTION_FIELDS:
        answer = _object(answer, name, where, "an object with the choices ('choices'), the best one ('best') and the accepted ones")
        choices = _texts(answer.get("choices"), name, f"{where}.choices", empty=False)
        if answer.get("best") not in choices:
            raise _wrong(name, f"{where}.best", f"one of its choices ({', '.join(choices)})", answer.get("best"))
        _reasons(answer.get("accepted"), name, f"{where}.accepted", tuple(choices), "choice", "card's choices")


def _check_card(card, name: str, where: str, numbers: dict[int, str]) -> None:
    """One card of the key: its number (its own), what the feedback page quotes, and an
    answer and an explanation for every field it marks."""
    card = _object(card, name, where, "an object with the card's number ('card'), its text, answers and explain")
    number = _whole(card.get("card"), name, f"{where}.card", least=1)
    if number in numbers:
        raise InputError(f"{name}: {where} and {numbers[number]} are both card {number}; each card needs its own "
                         "number (remove the copy, or build the exercise again for a new key)")  # fmt: skip
    numbers[number] = where
    _text_field(card.get("text"), name, f"{where}.text")
    if card.get("where") is not None:
        _text_field(card["where"], name, f"{where}.where")
    else:
        _whole(card.get("sent_id"), name, f"{where}.sent_id")
    if card.get("sides") is not None:
        sides = card["sides"]
        if not isinstance(sides, list):
            raise _wrong(name, f"{where}.sides", "a list of the card's sentences", sides)
        for i, side in enumerate(sides):
            side = _object(side, name, f"{where}.sides[{i}]", "an object with the article's letter, sentence number and text")
            _text_field(side.get("letter"), name, f"{where}.sides[{i}].letter")
            _whole(side.get("sent_id"), name, f"{where}.sides[{i}].sent_id")
            _text_field(side.get("text"), name, f"{where}.sides[{i}].text")
    fields = card.get("fields")
    if fields is None:
        fields = list(FIELDS)
    elif not isinstance(fields, list) or not fields:
        raise _wrong(name, f"{where}.fields", f"a list of the fields to mark ({', '.join(MARKED_FIELDS)})", fields)
    for i, field in enumerate(fields):
        if field not in MARKED_FIELDS:
            raise _wrong(name, f"{where}.fields[{i}]", f"one of the fields grade marks ({', '.join(MARKED_FIELDS)})", field)
        if fields.index(field) != i:
            raise _wrong(name, f"{where}.fields[{i}]", "a field not already listed", field)
    listed = ", ".join(fields)
    answers = _object(card.get("answers"), name, f"{where}.answers", f"an object with an answer for each field ({listed})")
    explain = _object(card.get("explain"), name, f"{where}.explain", f"an object with a plain explanation for each field ({listed})")
    for field in fields:
        if field not in answers:
            raise _wrong(name, f"{where}.answers", f"an object with an answer for each field ({listed}); {field!r} is missing")
        _check_answer(field, answers[field], name, f"{where}.answers.{field}")
        _text_field(explain.get(field), name, f"{where}.explain.{field}")


def _check_task(task, name: str, where: str) -> None:
    """One task of the key, as the feedback pages and the class view show it."""
    task = _object(task, name, where, "an object with the task's id, title, prompt and whether it is auto_marked")
    for part in ("id", "title", "prompt"):
        _text_field(task.get(part), name, f"{where}.{part}")
    if not isinstance(task.get("auto_marked"), bool):
        raise _wrong(name, f"{where}.auto_marked", "true or false", task.get("auto_marked"))
    if not task["auto_marked"]:
        _texts(task.get("model_answer"), name, f"{where}.model_answer")


def check_key(key: dict, name: str = "key.json") -> dict:
    """``key`` (a loaded ``teacher/key.json``, of a one-article or a comparison exercise)
    checked against what marking and the feedback pages read from it, before any
    student is marked: a hand-edited key that is wrong stops grading with one line
    naming the field, rather than failing half-way or marking wrongly. Returns ``key``.

    Raises:
        InputError: The first thing wrong: a field missing or of the wrong kind, a card
            number used twice, a field grade does not mark, a status or source type that
            is not on the worksheet, a best answer that is not one of its choices.
    """
    _text_field(key.get("exercise"), name, "exercise")
    _text_field(key.get("title"), name, "title")
    points = _object(key.get("points"), name, "points",
                     "an object with the points for the answer ('best') and for an accepted one ('accepted')")  # fmt: skip
    for part in ("best", "accepted"):
        # The pages say these points, and marking gives marking.POINTS: they must agree.
        if _whole(points.get(part), name, f"points.{part}") != POINTS[part]:
            raise InputError(f"{name}: points.{part} must be {POINTS[part]} (marking gives {POINTS['best']} points for the "
                             f"best answer and {POINTS['accepted']} for an accepted one), not {points[part]}; correct it, "
                             "or build the exercise again for a new key")  # fmt: skip
    tasks = key.get("tasks")
    if not isinstance(tasks, list):
        raise _wrong(name, "tasks", "a list of the exercise's tasks", tasks)
    for i, task in enumerate(tasks):
        _check_task(task, name, f"tasks[{i}]")
    cards = key.get("cards")
    if not isinstance(cards, list) or not cards:
        raise _wrong(name, "cards", "a list of at least one card", cards)
    numbers: dict[int, str] = {}
    for i, card in enumerate(cards):
        _check_card(card, name, f"cards[{i}]", numbers)
    return key


def read_key(path: str | Path) -> dict:
    """The exercise key at ``path``, read and checked (:func:`check_key`).

    Raises:
        InputError: The file cannot be read, is not an exercise key, or is one with a
            field that is wrong (one line naming it).
    """
    return check_key(load_key(path), Path(path).name)


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
    """A bar chart of each card field: the share of the class with full credit, then with
    part credit (an accepted alternative), as base64 PNG."""
    if summary.empty:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ordered = summary.sort_values(["card", "field"], kind="stable")
    labels = [f"card {r.card} {r.field.replace('_', ' ')}" for r in ordered.itertuples()]
    fig, ax = plt.subplots(figsize=(7, 0.28 * len(labels) + 1.2))
    ax.barh(range(len(labels)), ordered["full"], color="#0072B2", label="full credit (the key's answer)")
    ax.barh(range(len(labels)), ordered["part"], left=ordered["full"], color="#E69F00", hatch="//", edgecolor="white",
            label="part credit (an accepted alternative)")  # fmt: skip
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the class")
    ax.legend(loc="lower right", fontsize=7)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


#: The marks the rubric gives an open task.
OPEN_MARKS = tuple(points for points, _ in RUBRIC)


def read_open_marks(path: str | Path) -> dict[tuple[str, str], int]:
    """The teacher's marks for the open tasks: ``open_marks.csv`` as ``grade`` wrote it,
    with the ``mark`` column filled in (blank rows are not marked yet).

    Returns:
        ``{(answers file, task id): mark}``.

    Raises:
        InputError: The file cannot be read, lacks a column, or a mark is not one the
            rubric gives (one line, naming the row).
    """
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read the open-task marks: {' '.join(str(error).split())}") from None
    missing = {"file", "task", "mark"} - set(table.columns)
    if missing:
        raise InputError(f"{path}: the open-task marks need the columns file, task and mark (missing: {', '.join(sorted(missing))})")
    marks = {}
    for row, (file, task, mark) in enumerate(zip(table["file"], table["task"], table["mark"]), start=2):
        mark = mark.strip()
        if not mark:
            continue
        if mark not in {str(m) for m in OPEN_MARKS}:
            raise InputError(f"{path}, line {row}: mark {mark!r} is not one the rubric gives ({', '.join(map(str, OPEN_MARKS))})")
        marks[(file.strip(), task.strip())] = int(mark)
    return marks


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    """A class table as the package writes every CSV (spreadsheet-safe, line breaks quoted)."""
    path.write_text(csv_text(frame), encoding="utf-8", newline="")


def _open_answers(key: dict, path: Path, student: dict) -> list[dict]:
    """One student's answers to the tasks the teacher marks, and the word meanings they
    wrote, as rows of the open answers table."""
    rows = [{"file": path.name, "name": student["name"], "task": task["id"],
             "answer": student["questions"].get(task["id"], ""), "urls": student["urls"].get(task["id"], "")}
            for task in key["tasks"] if not task["auto_marked"]]  # fmt: skip
    meanings = [f"{k.removeprefix(WORD_PREFIX)}: {v}" for k, v in sorted(student["questions"].items()) if k.startswith(WORD_PREFIX) and v.strip()]
    if meanings:
        rows.append({"file": path.name, "name": student["name"], "task": WORDS_TASK, "answer": "; ".join(meanings), "urls": ""})
    return rows


def _credit_shares(detail: pd.DataFrame) -> pd.DataFrame:
    """Per card and field, the shares of the class with full credit (the key's answer),
    part credit (an accepted alternative) and none, kept apart: a class that chose the
    weaker answer is not "right". The hardest first."""
    summary = (detail.assign(full=detail["verdict"].eq("best"), part=detail["verdict"].eq("accepted"))
               .groupby(["card", "field"], sort=True, as_index=False)[["full", "part"]].mean()
               .sort_values(["full", "card", "field"], kind="stable"))  # fmt: skip
    # Shares to two decimals (0.33, not 0.33333333333333337; 0, not 5.5e-17), summing to 1.
    summary[["full", "part"]] = summary[["full", "part"]].round(2)
    summary["none"] = (1 - summary["full"] - summary["part"]).round(2).abs()
    return summary


def grade_class(
    answers: Iterable[str | Path],
    key_path: str | Path,
    out_dir: str | Path,
    *,
    open_marks: str | Path | None = None,
    progress: Callable[[str], None] = print_progress,
) -> list[Path]:
    """Mark every answers file against the key and write the feedback folder (see the
    module docstring); returns the files written. ``open_marks``: the teacher's
    ``open_marks.csv`` with marks filled in (:func:`read_open_marks`); without it, the
    ``open_marks.csv`` already in ``out_dir``, if any, so marking again keeps the marks.

    Raises:
        InputError: The key cannot be read or is wrong (:func:`check_key`), or no
            answers file could be marked.
    """
    key = read_key(key_path)
    # Marking again (a late file) without --open-marks keeps the marks already written
    # into the folder's open_marks.csv: a re-run never wipes a teacher's marking.
    earlier = Path(out_dir) / "open_marks.csv"
    if open_marks is None and earlier.is_file():
        open_marks = earlier
        progress(f"keeping the marks already in {earlier}")
    given_marks = read_open_marks(open_marks) if open_marks is not None else {}
    files = answer_files(answers)
    if not files:
        raise InputError("no answers files given (the .json files students saved)")
    out = output_folder(out_dir)
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
        open_rows += _open_answers(key, path, student)
    if not marked:
        raise InputError(f"none of the {len(files)} answers file(s) could be marked: {errors[0]['error']}")
    detail = pd.DataFrame(rows, columns=["file", "name", "class", "card", "field", "given", "verdict", "points", "out_of", "feedback"])
    summary = _credit_shares(detail)
    open_tasks = [t["id"] for t in key["tasks"] if not t["auto_marked"]]
    students = pd.DataFrame(
        [{"name": s["name"], "file": p.name, "feedback": f"{stem}.html", "points": sum(m["points"] for m in marks),
          "out_of": sum(m["out_of"] for m in marks),
          "open_points": sum(given_marks.get((p.name, t), 0) for t in open_tasks),
          "open_marked": sum((p.name, t) in given_marks for t in open_tasks), "open_tasks": len(open_tasks)}
         for stem, p, s, marks in marked]
    )  # fmt: skip
    marks_sheet = pd.DataFrame(
        [{"file": r["file"], "name": r["name"], "task": r["task"], "answer": r["answer"],
          "mark": given_marks.get((r["file"], r["task"]), ""), "out_of": max(OPEN_MARKS)}
         for r in open_rows if r["task"] != WORDS_TASK],
        columns=["file", "name", "task", "answer", "mark", "out_of"],
    )  # fmt: skip
    chart = _chart(summary)
    progress(f"marked {len(marked)} of {len(files)} answers file(s); writing {out}")
    with staged_output(out, prefix=".grade-") as staging:
        for stem, p, student, marks in marked:
            given = {t: given_marks[(p.name, t)] for t in open_tasks if (p.name, t) in given_marks}
            (staging / f"{stem}.html").write_text(feedback_html(key, student, marks, open_marks=given), encoding="utf-8")
        _write_csv(detail, staging / "class.csv")
        _write_csv(summary.rename(columns={"full": "share_full_credit", "part": "share_part_credit", "none": "share_no_credit"}),
                   staging / "class_summary.csv")  # fmt: skip
        if chart:
            (staging / "class_summary.png").write_bytes(base64.b64decode(chart))
        _write_csv(pd.DataFrame(errors, columns=["file", "error"]), staging / "errors.csv")
        _write_csv(marks_sheet, staging / "open_marks.csv")
        hardest = summary[summary["full"] < 1].head(3)
        (staging / "class.html").write_text(
            class_html(key, students, hardest, chart=chart, errors=errors, open_answers=pd.DataFrame(open_rows, columns=["file", "name", "task", "answer", "urls"])),
            encoding="utf-8",
        )  # fmt: skip
        return publish(staging, out)
