"""Export: JSON exact, CSV safe for spreadsheets, writes all or nothing."""

import json

from analysis.presenting.export import atomic_write_text, spreadsheet_safe, to_json, write_csv


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_quoted():
    assert spreadsheet_safe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert spreadsheet_safe("+44 20 7946 0000") == "'+44 20 7946 0000"
    assert spreadsheet_safe("plain words") == "plain words"
    assert spreadsheet_safe(12) == 12


def test_json_holds_every_table_and_the_offsets_point_into_the_text(seed, seed_path):
    data = json.loads(to_json(seed))
    text = seed_path.read_text(encoding="utf-8")
    for row in data["entities"]:
        assert text[row["start"] : row["end"]] == row["text"]


def test_csv_writes_one_file_per_table(seed, tmp_path):
    paths = write_csv(seed, tmp_path)
    assert {p.stem for p in paths} >= {"sentences", "attributions", "findings"}


def test_an_atomic_write_leaves_the_old_file_when_it_fails(tmp_path, monkeypatch):
    target = tmp_path / "t.txt"
    target.write_text("old", encoding="utf-8")
    import os

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    try:
        atomic_write_text(target, "new")
    except OSError:
        pass
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.txt"]  # no temporary file left behind
