"""Tests for analysis.corpus.run."""

import json
import warnings

import pandas as pd

from analysis import analyze
from analysis.corpus import CORPUS_TABLES, run_corpus

from ..conftest import BBC_FILES
from .conftest import _tables


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



def test_a_corpus_run_in_the_callers_process_leaves_its_garbage_collector_alone(corpus_dir, tmp_path):
    import gc

    frozen = gc.get_freeze_count()
    run_corpus(corpus_dir, tmp_path / "out", batch_size=4, progress=False)
    assert gc.get_freeze_count() == frozen  # only processes the run owns are frozen
