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


#: A short article every test here can analyse quickly.
SHORT = "The minister said taxes would rise next year. Officials denied it on Monday."


def test_a_jsonl_line_nested_fifty_thousand_deep_is_one_errors_row_and_the_run_goes_on(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(json.dumps({"id": "ok", "text": SHORT}) + "\n" + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    # run_corpus, not the command: the command freezes this process's garbage collector.
    counts = run_corpus(jsonl, tmp_path / "out", progress=False)
    assert counts["articles"] == 1 and counts["errors"] == 1
    errors = pd.read_parquet(tmp_path / "out" / "errors.parquet")
    assert errors["article_id"].tolist() == ["line-2"] and "nested too deeply" in errors["error"].iloc[0]


def test_a_jsonl_file_starting_with_a_byte_order_mark_reads_its_first_record(tmp_path):
    jsonl = tmp_path / "bom.jsonl"
    lines = [json.dumps({"id": f"doc{i}", "text": SHORT}) for i in range(2)]
    jsonl.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8") + b"\n")
    items = list(iter_items(jsonl))
    assert [item.article_id for item in items] == ["doc0", "doc1"] and all(item.error is None for item in items)


def test_a_bad_lines_made_id_that_a_record_also_has_does_not_refuse_the_corpus(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("\n".join([json.dumps({"id": "a", "text": SHORT}), "{bad json", json.dumps({"id": "line-2", "text": SHORT}),
                                json.dumps({"id": "line-2-2", "text": SHORT})]) + "\n", encoding="utf-8")  # fmt: skip
    counts = run_corpus(jsonl, tmp_path / "out", progress=False)
    assert counts["articles"] == 3 and counts["errors"] == 1
    errors = pd.read_parquet(tmp_path / "out" / "errors.parquet")
    assert errors["article_id"].tolist() == ["line-2-3"] and errors["source"].iloc[0].endswith(":2")
    # The same ids on a rerun, so it resumes with nothing left to do.
    assert run_corpus(jsonl, tmp_path / "out", progress=False)["analysed"] == 0


def test_a_link_leading_outside_the_folder_is_an_errors_row_and_not_followed(tmp_path):
    folder, outside = tmp_path / "corpus", tmp_path / "outside"
    (folder / "sub").mkdir(parents=True)
    outside.mkdir()
    (folder / "one.txt").write_text(SHORT, encoding="utf-8")
    (outside / "secret.txt").write_text("The secret ledger said the vault code was 4417. Nobody denied it.", encoding="utf-8")
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "sub" / "again.txt").symlink_to(folder / "one.txt")  # a link that stays inside is read
    items = {item.article_id: item for item in iter_items(folder)}
    assert set(items) == {"one", "secret", "sub/again"}
    assert items["secret"].path is None and "link leading outside the folder" in items["secret"].error
    counts = run_corpus(folder, tmp_path / "out", progress=False)
    assert counts["articles"] == 2 and counts["errors"] == 1
    errors = pd.read_parquet(tmp_path / "out" / "errors.parquet")
    assert errors["article_id"].tolist() == ["secret"] and "link leading outside the folder" in errors["error"].iloc[0]
    for table in ("sentences.csv", "articles.csv"):
        assert "vault" not in (tmp_path / "out" / table).read_text(encoding="utf-8")
