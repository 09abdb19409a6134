"""Corpus runs: every table with article_id, errors kept apart, resumable, same tables with 1 or 2 processes."""

import json
import shutil
import warnings
import weakref

import pandas as pd
import pytest

from analysis import analyze, config
from analysis import corpus as corpus_module
from analysis.corpus import store as corpus_store
from analysis.corpus import summary as corpus_summary
from analysis.corpus import workers as corpus_workers
from analysis.schema import TABLES as CONTRACT_TABLES
from analysis.cli import main
from analysis.corpus import CORPUS_TABLES, iter_items, run_corpus
from analysis.schema import TableColumns

from .conftest import BBC_FILES


@pytest.fixture()
def corpus_dir(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "bbc").mkdir(parents=True)
    for path in BBC_FILES:
        shutil.copyfile(path, folder / "bbc" / path.name)
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")  # must land in errors
    (folder / ".hidden.txt").write_text("ignored", encoding="utf-8")
    return folder


def _tables(out):
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in CORPUS_TABLES}


def test_corpus_run_writes_every_table_and_keeps_errors_apart(corpus_dir, tmp_path, nlp):
    out = tmp_path / "out"
    counts = run_corpus(corpus_dir, out, batch_size=3, progress=False)
    assert counts["articles"] == len(BBC_FILES) and counts["errors"] == 1
    tables = _tables(out)
    assert tables["errors"]["article_id"].tolist() == ["empty"]
    assert "is empty" in tables["errors"]["error"].iloc[0]
    assert tables["articles"]["article_id"].is_unique
    for name in CORPUS_TABLES:
        assert (out / f"{name}.csv").exists()
        assert tables[name].columns[0] == "article_id"
    # List columns read back from the CSV as JSON, equal to the Parquet lists.
    csv_sentences = pd.read_csv(out / "sentences.csv", keep_default_na=False)
    for column in ("hedges", "boosters"):
        assert [json.loads(v) for v in csv_sentences[column]] == [list(v) for v in tables["sentences"][column]]
    assert any(json.loads(v) for v in csv_sentences["hedges"])  # some sentence is hedged
    # One article's rows equal a single-article analysis (the cp1252 file included).
    for stem in ("politics_001", "sport_199"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # sport_199 is cp1252, on purpose
            single = analyze(corpus_dir / "bbc" / f"{stem}.txt", nlp=nlp).sentences
        rows = tables["sentences"][tables["sentences"]["article_id"] == f"bbc/{stem}"]
        assert rows["text"].tolist() == single["text"].tolist()
        assert rows["status"].fillna("-").tolist() == single["status"].fillna("-").tolist()
    decoded = tables["articles"].set_index("article_id").loc["bbc/sport_199", "warnings"]
    assert "cp1252" in decoded  # not valid UTF-8: decoded with a warning, and the run said so
    article = tables["articles"].set_index("article_id").loc["bbc/politics_001"]
    assert article["body_sentences"] > 0 and 0 <= article["share_hedged"] <= 1


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


def test_two_processes_give_the_same_tables_as_one(corpus_dir, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    run_corpus(corpus_dir, one, jobs=1, batch_size=3, progress=False)
    run_corpus(corpus_dir, two, jobs=2, batch_size=3, progress=False)
    for name in CORPUS_TABLES:
        pd.testing.assert_frame_equal(pd.read_csv(one / f"{name}.csv"), pd.read_csv(two / f"{name}.csv"))


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


def test_the_dask_engine_gives_the_same_tables_as_the_local_one(corpus_dir, tmp_path):
    pytest.importorskip("distributed")
    local, dask = tmp_path / "local", tmp_path / "dask"
    run_corpus(corpus_dir, local, batch_size=3, progress=False)
    run_corpus(corpus_dir, dask, jobs=2, batch_size=3, progress=False, engine="dask")
    for name in CORPUS_TABLES:
        pd.testing.assert_frame_equal(pd.read_csv(local / f"{name}.csv"), pd.read_csv(dask / f"{name}.csv"))


def test_corpus_notebook_compares_groups(tmp_path):
    import nbformat

    from analysis import config
    from analysis.presenting.report import execute, with_parameters

    source = tmp_path / "sections"
    for path in BBC_FILES:
        section, _ = path.stem.split("_")
        (source / section).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, source / section / path.name)
    notebook = nbformat.read(config.NOTEBOOKS_DIR / "corpus_comparison.ipynb", as_version=4)
    ran = execute(with_parameters(notebook, corpus_input=str(source), corpus_out=str(tmp_path / "out")), timeout=300)
    outputs = [o for c in ran.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)
    summary = corpus_module.compare_groups(pd.read_parquet(tmp_path / "out" / "articles.parquet"))
    assert summary["group"].tolist() == ["business", "entertainment", "politics", "sport", "tech"]
    assert summary["articles"].sum() == len(BBC_FILES)


def _articles(texts):
    from analysis.reading.ingest import read_bytes

    return [read_bytes(t.encode("utf-8"), source=f"t{i}", format="text") for i, t in enumerate(texts)]


def test_parse_batches_are_bounded_by_count_and_characters():
    from analysis.core import _parse_batches

    texts = ["Short one. " * 5, "A long article. " * 400, "Short two. " * 5, "Short three. " * 5, "Short four. " * 5]
    articles = _articles(texts)
    batches = list(_parse_batches(articles, 2, 1_000))
    assert [a for batch in batches for a in batch] == articles  # every article once, in order
    assert all(len(batch) <= 2 for batch in batches)
    # Beyond its first article, no batch goes over the character budget.
    assert all(sum(len(a.text) for a in batch[1:]) <= 1_000 for batch in batches)
    assert [len(batch) for batch in batches] == [1, 1, 2, 1]


def _as_frame(table):
    return table.frame() if isinstance(table, TableColumns) else table


def _coined_article(tag: str) -> corpus_module.CorpusItem:
    """An article of words no other test uses, so whether the vocabulary kept them shows."""
    words = " ".join(f"{tag}word{n}" for n in range(3))
    return corpus_module.CorpusItem(tag, tag, text=f"The minister said {words} would rise. Officials denied it.")


def test_the_first_batches_keep_their_words_and_later_ones_free_theirs(corpus_dir, nlp, monkeypatch):
    monkeypatch.setattr(config, "CORPUS_WARM_CHARS", 1)  # one batch outside a memory zone, then zones
    monkeypatch.setattr(corpus_workers, "_WARMED", weakref.WeakKeyDictionary())
    items = list(iter_items(corpus_dir))[:3]
    warm = corpus_module.analyze_batch([_coined_article("kept"), *items], nlp=nlp)
    assert "keptword1" in nlp.vocab.strings  # analysed outside a zone: its words stay
    zoned = corpus_module.analyze_batch([_coined_article("freed"), *items], nlp=nlp)
    # The memory zone freed the strings of this batch's words: a long run stays flat.
    assert "freedword1" not in nlp.vocab.strings
    # Inside a zone or not, the same tables.
    for (id_a, tables_a, error_a), (id_b, tables_b, error_b) in zip(warm[1:], zoned[1:]):
        assert id_a == id_b and error_a == error_b
        if tables_a is None:
            continue
        for name in CONTRACT_TABLES:
            pd.testing.assert_frame_equal(_as_frame(tables_a[name]), _as_frame(tables_b[name]))
        assert tables_a["articles"] == tables_b["articles"]


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


def _concatenated_then_converted(frames, ids):
    """A batch table the plain way: the articles' frames concatenated by pandas, then
    converted to Arrow (the reference ``_batch_table`` must match)."""
    import numpy as np

    frame = pd.concat(frames, ignore_index=True)
    frame.insert(0, "article_id", pd.array(np.repeat(ids, [len(f) for f in frames]), dtype="str"))
    return corpus_store._to_arrow(frame)


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


def test_a_corpus_run_in_the_callers_process_leaves_its_garbage_collector_alone(corpus_dir, tmp_path):
    import gc

    frozen = gc.get_freeze_count()
    run_corpus(corpus_dir, tmp_path / "out", batch_size=4, progress=False)
    assert gc.get_freeze_count() == frozen  # only processes the run owns are frozen
