"""``analyze_many``: many articles in memory, their tables together with ``article_id``
first, bad inputs as rows of ``errors``; the same analysis a corpus run writes."""

import pandas as pd
import pytest

from analysis import analyze, analyze_many
from analysis.corpus.many import ManyAnalyses
from analysis.corpus.summary import ERROR_COLUMNS
from analysis.errors import InputError
from analysis.schema import TABLES

from ..conftest import BBC_FILES


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    return analyze_many(BBC_FILES[:3], progress=False)


def test_each_table_holds_every_article_with_its_id_first(many, nlp):
    assert many.ids == [p.stem for p in BBC_FILES[:3]]
    for name in TABLES:
        table = getattr(many, name)
        assert list(table.columns)[0] == "article_id", name
    one = analyze(BBC_FILES[1], nlp=nlp)
    rows = many.sentences[many.sentences["article_id"] == BBC_FILES[1].stem].drop(columns="article_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(rows, one.sentences.reset_index(drop=True))
    assert len(many.attributions) == sum(len(r.attributions) for r in many)


def test_body_sentences_and_the_views_come_together_too(many):
    assert many.body_sentences["in_body"].all() and many.body_sentences["status"].notna().all()
    assert set(many.body_sentences["article_id"]) == set(many.ids)
    for view in ("sources", "claim_shares", "entity_summary", "entity_pairs"):
        assert list(getattr(many, view).columns)[0] == "article_id"
    assert list(many.articles["article_id"]) == many.ids and many.errors.empty


def test_it_is_iterable_indexable_and_completes_on_tab(many):
    assert len(many) == 3 and [r.article.source for r in many] == [str(p) for p in BBC_FILES[:3]]
    assert many[0] is many[many.ids[0]] and many.ids[2] in many
    assert {"sentences", "attributions", "body_sentences", "sources"} <= set(dir(many))
    assert repr(many) == "<ManyAnalyses of 3 articles>"


def test_bad_inputs_are_rows_of_errors_not_the_end_of_the_run(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    text = BBC_FILES[0].read_text(encoding="utf-8")
    many = analyze_many([tmp_path / "missing.txt", empty, text, 42], progress=False)
    assert many.ids == ["text-3"]
    assert list(many.errors.columns) == list(ERROR_COLUMNS)
    assert list(many.errors["article_id"]) == ["missing", "empty", "item-4"]
    assert list(many.errors["stage"]) == ["read", "check", "read"]
    assert "not a path or an article's text" in many.errors["error"].iloc[2]
    assert "failed" in repr(many)


def test_ids_from_a_dict_a_folder_and_files_that_share_a_name(tmp_path, corpus_dir):
    a, b = tmp_path / "a" / "001.txt", tmp_path / "b" / "001.txt"
    for path in (a, b):
        path.parent.mkdir()
        path.write_text(BBC_FILES[0].read_text(encoding="utf-8"), encoding="utf-8")
    assert analyze_many([a, b], progress=False).ids == ["a/001", "b/001"]
    assert analyze_many({"first": a}, progress=False).ids == ["first"]
    folder = analyze_many(corpus_dir, progress=False)
    assert folder.ids == [f"bbc/{p.stem}" for p in BBC_FILES]
    assert list(folder.errors["article_id"]) == ["empty"]
    with pytest.raises(InputError, match="no such folder or file"):
        analyze_many(tmp_path / "no_such_folder", progress=False)
    with pytest.raises(InputError, match="no column 'body'"):
        (tmp_path / "corpus.csv").write_text("id,text\n1,Some text\n", encoding="utf-8")
        analyze_many(tmp_path / "corpus.csv", text_column="body", progress=False)


def test_nothing_analysed_still_gives_every_table(tmp_path):
    many = analyze_many([tmp_path / "missing.txt"], progress=False)
    assert isinstance(many, ManyAnalyses) and len(many) == 0 and len(many.errors) == 1
    for name in TABLES:
        assert list(getattr(many, name).columns)[0] == "article_id" and getattr(many, name).empty


@pytest.mark.slow
def test_worker_processes_give_the_same_tables_and_docs(many):
    parallel = analyze_many(BBC_FILES[:3], jobs=2, progress=False)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(parallel, name), getattr(many, name), obj=name)
    first = parallel[0].doc
    assert [(s.text, s.label_) for s in first.spans["sources"]] == [(s.text, s.label_) for s in many[0].doc.spans["sources"]]
