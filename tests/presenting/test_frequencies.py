"""Word frequencies and keyness over one article or many."""

import math

import pytest

from analysis.presenting.frequencies import keyness, terms, word_frequencies


def test_the_seeds_most_frequent_terms_count_names_as_one(seed):
    table = word_frequencies(seed)
    assert list(table.columns) == ["term", "kind", "count", "per_1000", "articles"]
    top = table.head(5)
    assert "Ukraine" in set(top["term"]) and (top["kind"] == "entity").any()
    assert "north" not in set(table["term"])  # "North Korea" is one term
    assert not {"the", "of", "and"} & set(table["term"])
    assert (table["count"].diff().dropna() <= 0).all()  # most frequent first
    words = table.attrs["words"]
    assert math.isclose(table["per_1000"].iloc[0], 1000 * table["count"].iloc[0] / words)


def test_lemma_joins_forms_and_text_keeps_them_apart(bbc_analyses):
    result = bbc_analyses["politics_001.txt"]
    by_lemma = dict(zip(*word_frequencies(result)[["term", "count"]].T.values))
    by_text = dict(zip(*word_frequencies(result, by="text")[["term", "count"]].T.values))
    assert by_lemma.get("say", 0) >= by_text.get("said", 0) + by_text.get("says", 0) > 0
    with_stops = word_frequencies(result, stop_words=True)
    assert "the" in set(with_stops["term"]) and with_stops.attrs["words"] == word_frequencies(result).attrs["words"]
    assert word_frequencies(result, min_count=2)["count"].min() >= 2


def test_parts_of_the_article_and_the_terms_behind_the_counts(seed):
    headline = word_frequencies(seed, roles=("headline",))
    assert headline.attrs["words"] == len(seed.headline.split())
    found = terms(seed)
    assert list(found.columns) == ["article_id", "sent_id", "term", "kind", "start", "end"]
    body = set(seed.body_sentences["sent_id"])
    assert set(found["sent_id"]) <= body
    with pytest.raises(ValueError, match="roles must be among"):
        word_frequencies(seed, roles=("footer",))


def test_articles_counts_how_many_use_a_term(bbc_analyses, seed):
    from analysis.corpus.many import ManyAnalyses

    many = ManyAnalyses({"seed": seed, "a": bbc_analyses["business_071.txt"], "b": bbc_analyses["politics_001.txt"]})
    table = word_frequencies(many)
    assert table["articles"].max() <= 3 and (table["articles"] >= 1).all()
    one = word_frequencies(seed)
    assert table.attrs["words"] == sum(word_frequencies(r).attrs["words"] for r in many)
    assert dict(zip(one["term"], one["count"]))["Ukraine"] == dict(zip(table["term"], table["count"]))["Ukraine"]


def test_keyness_of_a_headline_against_its_body(seed):
    table = keyness(word_frequencies(seed, roles=("headline", "standfirst")), word_frequencies(seed))
    assert list(table.columns) == ["term", "kind", "count_a", "count_b", "per_1000_a", "per_1000_b", "g2", "p_value",
                                   "log_ratio", "more_in"]  # fmt: skip
    assert (table["g2"].diff().dropna() <= 1e-9).all() and (table["g2"] >= 0).all()
    top = table.iloc[0]
    assert top["more_in"] == "a" and top["log_ratio"] > 0


def test_keyness_matches_the_textbook_figures():
    import pandas as pd

    # Rayson and Garside's worked form: a word 10 times in 1,000 words against 2 in 2,000.
    a = pd.DataFrame({"term": ["x"], "kind": ["word"], "count": [10]})
    a.attrs["words"] = 1000
    b = pd.DataFrame({"term": ["x"], "kind": ["word"], "count": [2]})
    b.attrs["words"] = 2000
    row = keyness(a, b).iloc[0]
    e1, e2 = 1000 * 12 / 3000, 2000 * 12 / 3000
    assert math.isclose(row["g2"], 2 * (10 * math.log(10 / e1) + 2 * math.log(2 / e2)), rel_tol=1e-6)
    assert math.isclose(row["log_ratio"], math.log2((10 / 1000) / (2 / 2000)))
    assert row["more_in"] == "a" and row["p_value"] < 0.01
    bare = pd.DataFrame({"term": ["x"], "kind": ["word"], "count": [10]})
    with pytest.raises(ValueError, match="word total"):
        keyness(bare, b)
