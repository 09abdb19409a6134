"""Keyword in context: every hit with its context in the sentence, the sentence's
status and source, over one article or many."""

import re

import pytest

import analysis
from analysis.presenting.kwic import KWIC_COLUMNS, Concordance, kwic


def test_every_mention_of_a_word_with_its_sentences_status(seed):
    lines = kwic(seed, "Ukraine")
    assert list(lines.columns) == list(KWIC_COLUMNS)
    expected = sum(len(re.findall(r"\bUkraine\b", text)) for text in seed.sentences["text"])
    assert len(lines) == expected and set(lines["match"]) == {"Ukraine"}
    body = lines[lines["role"] == "body"]
    statuses = dict(zip(seed.sentences["sent_id"], seed.sentences["status"]))
    assert all(statuses[i] == s for i, s in zip(body["sent_id"], body["status"]))
    assert lines[lines["role"] == "headline"]["status"].isna().all()  # a headline makes no claim
    assert {"hedged", "asserted"} <= set(body["status"])  # at a glance: which mentions are hedged


def test_context_is_whole_words_from_the_hits_sentence(seed):
    for row in kwic(seed, "Ukraine", window=4).itertuples():
        sentence = seed.sentences.loc[seed.sentences["sent_id"] == row.sent_id, "text"].iloc[0]
        sentence = " ".join(sentence.split())
        assert row.left in sentence and row.right in sentence
        assert seed.text[row.start : row.end] == row.match
        assert len([w for w in row.left.split() if re.search(r"\w", w)]) <= 4 + 1  # a hyphenated word may count twice
    assert not kwic(seed, "Ukraine", window=0)[["left", "right"]].to_numpy().any()


def test_lemma_text_and_regex_queries(bbc_analyses):
    result = bbc_analyses["politics_001.txt"]
    said = kwic(result, "say")
    assert len(said) and set(said["match"].str.lower()) <= {"say", "said", "says", "saying"}
    assert len(kwic(result, "say", by="text")) <= len(said)
    assert kwic(result, "said", by="text")["match"].str.lower().eq("said").all()
    pattern = kwic(result, r"(?i)\bsa(id|ys)\b", by="regex")
    assert set(pattern["match"].str.lower()) <= {"said", "says"} and len(pattern) >= len(kwic(result, "said", by="text"))
    with pytest.raises(ValueError, match="by must be one of"):
        kwic(result, "say", by="stem")
    with pytest.raises(ValueError, match="query"):
        kwic(result, "  ")


def test_several_words_in_a_row(seed):
    lines = kwic(seed, "North Korea")
    assert len(lines) and set(lines["match"]) == {"North Korea"}


def test_many_articles_in_one_concordance_in_article_order(bbc_analyses, seed):
    from analysis.corpus.many import ManyAnalyses

    many = ManyAnalyses({"seed": seed, "business": bbc_analyses["business_071.txt"], "politics": bbc_analyses["politics_001.txt"]})
    lines = kwic(many, "say")
    assert list(dict.fromkeys(lines["article_id"])) == [a for a in many.ids if a in set(lines["article_id"])]
    assert len(lines) == sum(len(kwic(r, "say")) for r in many)


def test_the_notebook_display_highlights_and_colours_and_escapes(seed):
    lines = kwic(seed, "Ukraine")
    assert isinstance(lines, Concordance) and isinstance(lines[lines["status"] == "hedged"], Concordance)
    page = lines._repr_html_()
    assert "<mark><b>Ukraine</b></mark>" in page
    assert analysis.vocabulary.STATUS.colours["hedged"] in page
    hostile = analysis.analyze("The <b>minister</b> said the <script>plan</script> may fail, officials said on Monday "
                               "in a statement to reporters gathered outside the ministry in the capital city.")
    assert "<script>" not in kwic(hostile, "plan")._repr_html_()
