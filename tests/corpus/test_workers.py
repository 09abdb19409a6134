"""Tests for analysis.corpus.workers."""

import weakref

import pandas as pd
import pytest

from analysis import config
from analysis import corpus as corpus_module
from analysis.corpus import workers as corpus_workers
from analysis.schema import TABLES as CONTRACT_TABLES
from analysis.corpus import CORPUS_TABLES, iter_items, run_corpus

from .conftest import _articles, _as_frame, _coined_article

pytestmark = pytest.mark.slow


def test_two_processes_give_the_same_tables_as_one(corpus_dir, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    run_corpus(corpus_dir, one, jobs=1, batch_size=3, progress=False)
    run_corpus(corpus_dir, two, jobs=2, batch_size=3, progress=False)
    for name in CORPUS_TABLES:
        pd.testing.assert_frame_equal(pd.read_csv(one / f"{name}.csv"), pd.read_csv(two / f"{name}.csv"))



def test_the_dask_engine_gives_the_same_tables_as_the_local_one(corpus_dir, tmp_path):
    pytest.importorskip("distributed")
    local, dask = tmp_path / "local", tmp_path / "dask"
    run_corpus(corpus_dir, local, batch_size=3, progress=False)
    run_corpus(corpus_dir, dask, jobs=2, batch_size=3, progress=False, engine="dask")
    for name in CORPUS_TABLES:
        pd.testing.assert_frame_equal(pd.read_csv(local / f"{name}.csv"), pd.read_csv(dask / f"{name}.csv"))



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
