import json
import os
import subprocess
import sys

import pytest

from analysis import config
from analysis.cli import main
from analysis.core import Analysis
from analysis.schema import TABLES

from .conftest import DATA_DIR

GERMAN = (
    "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen. Die Regierung will damit die Wirtschaft "
    "staerken und Arbeitsplaetze schaffen. Kritiker sagen, das Gesetz gehe nicht weit genug und komme zu spaet.\n"
)


def test_tables_json_to_stdout(capsys, seed_path, nlp):
    assert main(["tables", str(seed_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(TABLES) <= set(data)
    assert len(data["paragraphs"]) == 26
    text = seed_path.read_text(encoding="utf-8")
    for row in data["sentences"]:
        assert text[row["start"] : row["end"]] == row["text"]


def test_default_article_is_the_seed(capsys, nlp):
    assert main(["tables"]) == 0
    assert json.loads(capsys.readouterr().out)["meta"]["source"] == str(config.SEED_ARTICLE)


def test_tables_csv_writes_one_file_per_table(tmp_path, capsys, seed_path, nlp):
    import pandas as pd

    out = tmp_path / "out"
    assert main(["tables", str(seed_path), "--format", "csv", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in (*TABLES, *Analysis.VIEW_NAMES))
    paragraphs = pd.read_csv(out / "paragraphs.csv")
    assert len(paragraphs) == 26
    sentences = pd.read_csv(out / "sentences.csv")
    assert json.loads(sentences["hedges"][0]) == []


def test_json_out_folder(tmp_path, capsys, seed_path, nlp):
    assert main(["tables", str(seed_path), "--out", str(tmp_path)]) == 0
    assert json.loads((tmp_path / "tables.json").read_text(encoding="utf-8"))["paragraphs"]


def _bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "article.docx").write_text("Headline\n\nBody text.")
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (tmp_path / "german.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "folder").mkdir()
    return {
        "missing": (tmp_path / "missing.txt", "no such file"),
        "directory": (tmp_path / "folder", "is a directory"),
        "empty": (tmp_path / "empty.txt", "is empty"),
        "binary": (tmp_path / "binary.txt", "binary file"),
        "extension": (tmp_path / "article.docx", "unsupported file type"),
        "huge": (tmp_path / "huge.txt", "the limit is 10 MB"),
        "not English": (tmp_path / "german.txt", "does not look like English"),
    }


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "binary", "extension", "huge", "not English"])
def test_bad_input_is_one_line_exit_2_and_nothing_written(case, tmp_path, capsys, nlp):
    path, message = _bad_inputs(tmp_path)[case]
    out = tmp_path / "out"
    assert main(["tables", str(path), "--format", "csv", "--out", str(out)]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("analysis: error:")
    assert captured.out == ""
    assert not out.exists()


def test_non_english_can_be_forced(tmp_path, capsys, nlp):
    path = tmp_path / "german.txt"
    path.write_text(GERMAN, encoding="utf-8")
    assert main(["tables", str(path), "--allow-non-english"]) == 0
    assert "does not look like English" in capsys.readouterr().err


def test_encoding_fallback_warns_and_succeeds(capsys, nlp):
    assert main(["tables", str(DATA_DIR / "bbc" / "sport_199.txt")]) == 0
    captured = capsys.readouterr()
    assert "analysis: warning:" in captured.err and "cp1252" in captured.err
    assert json.loads(captured.out)["meta"]["encoding"] == "cp1252"


def _run(*args, stdin=None):
    env = {k: v for k, v in os.environ.items() if k != "ANALYSIS_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args], input=stdin, capture_output=True, env=env, timeout=300
    )


def test_real_process_bad_input_has_no_traceback(tmp_path):
    done = _run("tables", str(tmp_path / "missing.txt"))
    assert done.returncode == 2
    assert done.stderr.decode().strip().count("\n") == 0 and b"Traceback" not in done.stderr
    assert done.stdout == b""


def test_real_process_reads_stdin():
    done = _run("tables", "-", stdin="Headline here\n\nThe council said the bridge would open in May.\n".encode())
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["meta"]["source"] == "<stdin>" and data["paragraphs"][1]["role"] == "body"


def test_seed_is_not_modified_by_a_run(seed_path, capsys, nlp):
    before = seed_path.read_bytes()
    main(["tables", str(seed_path), "--format", "json"])
    assert seed_path.read_bytes() == before


@pytest.mark.parametrize("argv0, usage, prefix", [
    ("/usr/local/bin/source-criticism", "usage: source-criticism", "source-criticism: error:"),
    ("/work/analysis/__main__.py", "usage: python -m analysis", "analysis: error:"),
])  # fmt: skip
def test_the_program_names_itself_as_it_was_called(monkeypatch, capsys, argv0, usage, prefix):
    from analysis import cli

    monkeypatch.setattr(sys, "argv", [argv0, "tables", "/no/such/article.txt"])
    assert cli.build_parser().format_usage().startswith(usage)
    assert cli.main(["tables", "/no/such/article.txt"]) == 2
    assert capsys.readouterr().err.startswith(prefix)


def test_the_version_is_the_installed_packages():
    from importlib.metadata import version

    import analysis

    assert analysis.__version__ == version("source-criticism-analysis")
