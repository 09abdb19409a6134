"""Marking a class on the teacher's side: three made-up students get the verdicts a
teacher would give, a bad file is one row of errors, and the summary is spreadsheet-safe."""

import json

import pandas as pd
import pytest

from analysis.classroom.build import build_exercise
from analysis.classroom.grade import grade_class, read_answers
from analysis.cli import main
from analysis.errors import InputError

from ..conftest import HTML_PAGE


@pytest.fixture(scope="module")
def key_path(tmp_path_factory):
    out = tmp_path_factory.mktemp("exercise")
    build_exercise(HTML_PAGE, out, progress=lambda line: None)
    return out / "teacher" / "key.json"


def _answers(key: dict, name: str, pick) -> dict:
    return {"format": "analysis-exercise-answers", "version": 1, "exercise": key["exercise"], "name": name, "class": "10B",
            "cards": {str(c["card"]): pick(c) for c in key["cards"]}, "questions": {"trace-5": f"{name} answered"}, "urls": {}}  # fmt: skip


def _best(card):
    a = card["answers"]
    return {"status": a["status"]["best"], "source": a["source"]["forms"][-1], "source_type": a["source_type"]["best"],
            "cues": a["cues"]["words"] if a["cues"] else ""}  # fmt: skip


def _defensible(card):
    a = card["answers"]
    given = _best(card)
    for field in ("status", "source_type"):
        if a[field]["accepted"]:
            given[field] = sorted(a[field]["accepted"])[0]
    return given


def _confused(card):
    return {"status": "asserted" if card["answers"]["status"]["best"] != "asserted" else "confirmed",
            "source": "the river", "source_type": "media", "cues": "bridge"}  # fmt: skip


@pytest.fixture(scope="module")
def graded(key_path, tmp_path_factory):
    key = json.loads(key_path.read_text(encoding="utf-8"))
    folder = tmp_path_factory.mktemp("answers")
    for name, pick in (("ada", _best), ("ben", _defensible), ("cas", _confused)):
        (folder / f"answers-{name}.json").write_text(json.dumps(_answers(key, name, pick)), encoding="utf-8")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    out = tmp_path_factory.mktemp("feedback")
    lines = []
    grade_class([folder], key_path, out, progress=lines.append)
    return key, out, lines


def test_three_students_get_the_verdicts_a_teacher_would(graded):
    key, out, _ = graded
    detail = pd.read_csv(out / "class.csv", keep_default_na=False)
    points = detail.groupby("name")["points"].sum()
    full = detail.groupby("name")["out_of"].sum()
    assert points["ada"] == full["ada"]  # the key's answers, sources in another form
    assert 0 < points["cas"] < full["cas"] / 2 or points["cas"] == 0
    ben = detail[detail["name"] == "ben"]
    accepted = ben[ben["verdict"] == "accepted"]
    assert len(accepted) and set(accepted["points"]) == {1}
    assert points["cas"] < points["ben"] < points["ada"]


def test_every_student_gets_a_feedback_page_and_the_teacher_a_summary(graded):
    _, out, lines = graded
    assert {p.name for p in out.glob("answers-*.html")} == {"answers-ada.html", "answers-ben.html", "answers-cas.html"}
    page = (out / "class.html").read_text(encoding="utf-8")
    assert "ben answered" in page and "class found hard" in page and "broken.json" in page
    summary = pd.read_csv(out / "class_summary.csv")
    assert list(summary.columns) == ["card", "field", "share_right"] and summary["share_right"].is_monotonic_increasing
    assert (out / "class_summary.png").stat().st_size > 1000


def test_a_bad_file_is_one_row_of_errors_and_the_others_are_marked(graded):
    _, out, lines = graded
    errors = pd.read_csv(out / "errors.csv")
    assert errors["file"].tolist() == ["broken.json"]
    assert any(line.startswith("skipped broken.json") for line in lines)


def test_answers_for_another_exercise_are_refused(key_path, tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"format": "analysis-exercise-answers", "exercise": "0" * 16, "cards": {}}), encoding="utf-8")
    with pytest.raises(InputError, match="another exercise"):
        read_answers(path, exercise=json.loads(key_path.read_text())["exercise"])


def test_student_text_is_spreadsheet_safe_in_the_class_table(key_path, tmp_path):
    key = json.loads(key_path.read_text(encoding="utf-8"))
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(_answers(key, "=HYPERLINK(\"http://x\")", lambda c: {"source": "=1+1"})), encoding="utf-8")
    grade_class([path], key_path, tmp_path / "out", progress=lambda line: None)
    text = (tmp_path / "out" / "class.csv").read_text(encoding="utf-8")
    assert "\n=" not in text and ",=" not in text and "'=1+1" in text


def test_the_grade_command_refuses_a_bad_key_or_no_readable_answers_in_one_line(key_path, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    assert main(["grade", str(bad), "--key", str(bad), "--out", str(tmp_path / "out")]) == 2
    assert main(["grade", str(bad), "--key", str(key_path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len([line for line in err if ": error: " in line]) == 2 and "Traceback" not in "".join(err)
    assert not (tmp_path / "out").exists()


def test_word_meanings_reach_the_class_view_unmarked(key_path, tmp_path):
    key = json.loads(key_path.read_text(encoding="utf-8"))
    answers = _answers(key, "Dee", _best)
    answers["questions"]["word-belligerents"] = "the sides fighting a war"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "dee.json").write_text(json.dumps(answers), encoding="utf-8")
    grade_class([tmp_path / "in"], key_path, tmp_path / "out", progress=lambda line: None)
    page = (tmp_path / "out" / "class.html").read_text(encoding="utf-8")
    assert "Words looked up" in page and "belligerents: the sides fighting a war" in page
    detail = pd.read_csv(tmp_path / "out" / "class.csv")
    assert not detail["field"].astype(str).str.contains("word").any()
