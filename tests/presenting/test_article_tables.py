"""One article's or many articles' tables with ``article_id`` first, for the word tools."""

from analysis.corpus.many import ManyAnalyses
from analysis.presenting.article_tables import article_id_of, article_table, article_texts, is_many, with_roles


def test_one_analysis_gets_its_files_name_as_id(seed, bbc_analyses):
    assert article_id_of(seed) == seed_path_stem(seed)
    table = article_table(seed, "sentences")
    assert list(table.columns)[0] == "article_id" and set(table["article_id"]) == {article_id_of(seed)}
    assert "article_id" not in seed.sentences.columns  # the analysis's own table is untouched
    assert article_texts(seed) == {article_id_of(seed): seed.text} and not is_many(seed)


def test_many_analyses_keep_their_own_ids(seed, bbc_analyses):
    many = ManyAnalyses({"s": seed, "b": bbc_analyses["business_071.txt"]})
    assert is_many(many) and set(article_table(many, "tokens")["article_id"]) == {"s", "b"}
    roles = with_roles(many, article_table(many, "sentences"))
    assert roles.loc[roles["in_body"], "role"].eq("body").all() and "headline" in set(roles["role"])


def test_a_text_is_called_text(nlp):
    from analysis import analyze

    result = analyze("Officials said on Monday that the bridge would stay closed for a month while engineers "
                     "repair the crack that was found in its main span last week.", nlp=nlp)  # fmt: skip
    assert article_id_of(result) == "text"


def seed_path_stem(result) -> str:
    from pathlib import Path

    return Path(result.article.source).stem
