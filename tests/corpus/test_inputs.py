"""Tests for analysis.corpus.inputs."""

import json

import pandas as pd

from analysis.cli import main
from analysis.corpus import iter_items, run_corpus

from ..conftest import BBC_FILES


def test_jsonl_and_csv_corpora(tmp_path):
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in BBC_FILES[:2]]
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("\n".join(json.dumps({"id": f"doc{i}", "text": t}) for i, t in enumerate(texts)) + "\n{bad json\n", encoding="utf-8")
    assert [item.article_id for item in iter_items(jsonl)] == ["doc0", "doc1", "line-3"]
    counts = run_corpus(jsonl, tmp_path / "j", progress=False)
    assert counts["articles"] == 2 and counts["errors"] == 1
    table = tmp_path / "a.csv"
    pd.DataFrame({"body": texts}).to_csv(table, index=False)
    counts = run_corpus(table, tmp_path / "c", text_column="body", progress=False)
    assert counts["articles"] == 2
    assert pd.read_csv(tmp_path / "c" / "articles.csv")["article_id"].tolist() == ["row-1", "row-2"]



def test_corpus_command_refuses_bad_input_in_one_line(tmp_path, capsys):
    assert main(["corpus", str(tmp_path / "missing"), "--out", str(tmp_path / "out")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()
    table = tmp_path / "a.csv"
    pd.DataFrame({"body": ["x"]}).to_csv(table, index=False)
    assert main(["corpus", str(table), "--out", str(tmp_path / "out")]) == 2
    assert "no column 'text'" in capsys.readouterr().err
