"""Tests for analysis.corpus.store."""

import json
import shutil
import warnings

import pandas as pd
import pytest

from analysis import analyze
from analysis.corpus import store as corpus_store
from analysis.corpus import summary as corpus_summary
from analysis.corpus import workers as corpus_workers
from analysis.corpus import CORPUS_TABLES, iter_items, run_corpus
from analysis.schema import TableColumns

from ..conftest import BBC_FILES
from .conftest import _concatenated_then_converted


def test_an_interrupted_run_resumes_without_loss_or_duplicates(corpus_dir, tmp_path, monkeypatch):
    clean = tmp_path / "clean"
    run_corpus(corpus_dir, clean, batch_size=2, progress=False)
    out = tmp_path / "resumed"
    store = corpus_workers._store
    calls = {"n": 0}

    def interrupted(out_dir, outcomes):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # Ctrl-C in the middle of the run
        store(out_dir, outcomes)

    monkeypatch.setattr(corpus_workers, "_store", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_corpus(corpus_dir, out, batch_size=2, progress=False)
    written = [json.loads(line) for line in (out / "done.jsonl").read_text().splitlines()]
    assert len(written) == 4  # two batches finished before the interruption
    monkeypatch.setattr(corpus_workers, "_store", store)
    run_corpus(corpus_dir, out, batch_size=2, progress=False)
    for name in CORPUS_TABLES:
        resumed, fresh = pd.read_csv(out / f"{name}.csv"), pd.read_csv(clean / f"{name}.csv")
        key = ["article_id"] + [c for c in ("sent_id", "i", "start") if c in fresh.columns]
        pd.testing.assert_frame_equal(
            resumed.sort_values(key).reset_index(drop=True), fresh.sort_values(key).reset_index(drop=True), check_dtype=False
        )



def test_a_clean_run_writes_an_empty_errors_table_and_skips_corpus_documentation(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copyfile(BBC_FILES[0], folder / "one.txt")
    (folder / "README.TXT").write_text("About this corpus: 2,225 articles in five sections.", encoding="utf-8")
    (folder / "LICENSE.txt").write_text("For research use only.", encoding="utf-8")
    assert [item.article_id for item in iter_items(folder)] == ["one"]
    out = tmp_path / "out"
    counts = run_corpus(folder, out, progress=False)
    assert counts["articles"] == 1 and counts["errors"] == 0
    errors = pd.read_parquet(out / "errors.parquet")
    assert errors.empty and tuple(errors.columns) == corpus_summary.ERROR_COLUMNS
    assert (out / "errors.csv").read_text(encoding="utf-8").strip() == ",".join(corpus_summary.ERROR_COLUMNS)
    articles = pd.read_parquet(out / "articles.parquet")
    assert tuple(articles.columns) == corpus_summary.ARTICLE_COLUMNS



def test_batch_tables_are_built_as_pandas_would_concatenate_them(bbc_analyses):
    from analysis.schema import TABLES

    ids = list(bbc_analyses)
    # A whole batch, and each table's batch of just the articles where it is empty
    # (entertainment_001 has no cues, attributions or numbers).
    batches = [(table, ids) for table in TABLES]
    batches += [(table, [i for i in ids if getattr(bbc_analyses[i], table).empty]) for table in TABLES]
    empty_batches = 0
    for table, batch_ids in batches:
        if not batch_ids:
            continue
        frames = [getattr(bbc_analyses[i], table) for i in batch_ids]
        empty_batches += all(f.empty for f in frames)
        built = corpus_store._batch_table(frames, batch_ids)
        expected = _concatenated_then_converted(frames, batch_ids)
        assert built.schema == expected.schema, table
        assert built.combine_chunks().equals(expected.combine_chunks()), table
    assert empty_batches >= 3



def test_tables_still_held_as_columns_give_the_arrow_of_their_dataframes(nlp):
    from analysis.core import Analysis

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sport_199 is cp1252, on purpose
        fresh = {path.name: analyze(path, nlp=nlp) for path in BBC_FILES}  # lazy tables not read yet
    ids = list(fresh)
    checked = 0
    for table in Analysis.LAZY_TABLES:
        held = [fresh[i].table_source(table) for i in ids]
        assert all(isinstance(t, TableColumns) for t in held), table
        frames = [t.frame() for t in held]
        expected = _concatenated_then_converted(frames, ids)
        # All as columns (straight to Arrow), and mixed with DataFrames (through them).
        for tables in (held, [frames[0], *held[1:]]):
            built = corpus_store._batch_table(tables, ids)
            assert built.schema == expected.schema, table
            assert built.combine_chunks().equals(expected.combine_chunks()), table
        checked += sum(len(t) for t in held)
        # Reading the table builds its DataFrame once; from then on that is what is held.
        frame = getattr(fresh[ids[0]], table)
        assert fresh[ids[0]].table_source(table) is frame and getattr(fresh[ids[0]], table) is frame
    assert checked > 1000  # tokens, quotes, numbers and findings of real articles


def test_a_torn_last_line_of_the_done_log_is_cut_and_its_article_redone(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    texts = ["The minister said taxes would rise. Officials denied it.", "The council said the bridge would close. Engineers agreed."]
    jsonl.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    out = tmp_path / "out"
    run_corpus(jsonl, out, batch_size=1, progress=False)
    log = out / corpus_store.DONE_FILE
    log.write_text('"d0"\n"d1', encoding="utf-8")  # a run killed while it appended d1
    assert corpus_store._done_ids(out) == {"d0"}  # the torn line is not trusted
    assert run_corpus(jsonl, out, batch_size=1, progress=False)["analysed"] == 1
    assert log.read_text(encoding="utf-8") == '"d0"\n"d1"\n'  # d1 on a line of its own, not glued on
    assert run_corpus(jsonl, out, batch_size=1, progress=False)["analysed"] == 0
    assert pd.read_parquet(out / "articles.parquet")["article_id"].tolist() == ["d0", "d1"]


def test_reading_the_done_log_skips_lines_that_are_not_one_id(tmp_path):
    (tmp_path / corpus_store.DONE_FILE).write_text('"a"\n["list"]\n{"x"\n' + "[" * 50_000 + "]" * 50_000 + '\n"b"\n"c', encoding="utf-8")
    assert corpus_store._done_ids(tmp_path) == {"a", "b"}
