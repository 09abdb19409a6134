"""Tests for analysis.corpus.summary."""

import shutil

import pandas as pd
import pytest

from analysis import corpus as corpus_module

from ..conftest import BBC_FILES


@pytest.mark.slow
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


def _articles_table():
    base = {f"share_source_{kind}": 0.0 for kind in ("person", "organization", "document", "anonymous", "unnamed", "media", "author")}
    rows = [
        {"article_id": "politics/001", "headline": "A", "words": 300, "body_sentences": 10, "share_hedged": 0.1, "share_unconfirmed": 0.1,
         "hedges_per_100_words": 1.0, "anonymous_sources": 2, **base, "share_source_person": 0.5, "share_source_anonymous": 0.2},
        {"article_id": "politics/002", "headline": "B", "words": 500, "body_sentences": 20, "share_hedged": 0.3, "share_unconfirmed": 0.0,
         "hedges_per_100_words": 3.0, "anonymous_sources": 0, **base, "share_source_organization": 0.25},
        {"article_id": "sport/001", "headline": "C", "words": 200, "body_sentences": 8, "share_hedged": 0.0, "share_unconfirmed": 0.0,
         "hedges_per_100_words": 0.0, "anonymous_sources": 0, **base, "share_source_author": 1.0},
    ]  # fmt: skip
    return pd.DataFrame(rows)


def test_groups_are_compared_by_their_mean_shares():
    from analysis.corpus.summary import compare_groups

    summary = compare_groups(_articles_table()).set_index("group")
    assert summary.index.tolist() == ["politics", "sport"]
    assert summary.loc["politics", "articles"] == 2
    assert summary.loc["politics", "words"] == 400
    assert summary.loc["politics", "share_named"] == pytest.approx(0.375)
    assert summary.loc["politics", "share_anonymous_unnamed"] == pytest.approx(0.1)
    assert summary.loc["politics", "share_hedged_unconfirmed"] == pytest.approx(0.25)
    assert summary.loc["sport", "share_author"] == 1.0


def test_extremes_list_each_article_once_with_ties_broken_by_id():
    from analysis.corpus.summary import extremes

    table = extremes(_articles_table().assign(hedges_per_100_words=[1.0, 1.0, 0.0]), "hedges_per_100_words", n=1)
    assert table[["end", "article_id"]].values.tolist() == [["highest", "politics/001"], ["lowest", "sport/001"]]
