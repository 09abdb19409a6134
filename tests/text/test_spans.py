"""The analysis on the spaCy Doc: span groups from the tables, sentence statuses as
extensions, and displaCy drawing them."""

import pickle

import pytest
from spacy import displacy

from analysis.text.spans import SPAN_GROUPS


def _articles(seed, bbc_analyses):
    return [seed, bbc_analyses["business_071.txt"], bbc_analyses["politics_001.txt"]]


def test_every_span_group_is_on_the_doc(seed, bbc_analyses):
    for result in _articles(seed, bbc_analyses):
        assert set(SPAN_GROUPS) <= set(result.doc.spans)


def test_hedge_and_booster_spans_are_the_cues_tables_words(seed, bbc_analyses):
    for result in _articles(seed, bbc_analyses):
        for key, kind in (("hedges", "hedge"), ("boosters", "booster")):
            cues = result.cues[result.cues["kind"] == kind]
            spans = result.doc.spans[key]
            assert sorted(s.start_char for s in spans) == sorted(set(cues["start"]))
            assert {(s.text, s.label_) for s in spans} <= set(zip(cues["text"], cues["category"]))


def test_sources_carry_their_type_and_claims_their_status(seed):
    sources = {(s.text, s.label_) for s in seed.doc.spans["sources"]}
    assert ("Moscow", "organization") in sources
    body = seed.body_sentences
    claims = seed.doc.spans["claims"]
    assert len(claims) == body["status"].notna().sum()
    assert [s.label_ for s in claims] == body["status"].dropna().tolist()
    assert seed.doc._.sentence_status == dict(zip(body["sent_id"], body["status"]))


def test_a_span_and_a_token_know_the_status_of_their_sentence(seed):
    hedged = seed.body_sentences[seed.body_sentences["status"] == "hedged"].iloc[0]
    token = next(t for t in seed.doc if t.idx >= hedged["start"])
    assert token._.status == "hedged"
    span = seed.doc.char_span(hedged["start"], hedged["end"], alignment_mode="expand")
    assert span._.status == "hedged"
    headline = seed.sentences[~seed.sentences["in_body"]].iloc[0]
    assert next(t for t in seed.doc if t.idx >= headline["start"])._.status is None


@pytest.mark.parametrize("key", ["hedges", "sources", "quotes", "claims"])
def test_displacy_draws_a_span_group(seed, key):
    page = displacy.render(seed.doc, style="span", options={"spans_key": key}, jupyter=False)
    first = seed.doc.spans[key][0]
    assert first.label_.upper() in page.upper() and "span" in page


def test_an_analysis_pickles_with_its_doc_spans_and_statuses(seed):
    again = pickle.loads(pickle.dumps(seed))
    assert again.sentences.equals(seed.sentences) and again.tokens.equals(seed.tokens)
    for key in SPAN_GROUPS:
        assert [(s.text, s.label_) for s in again.doc.spans[key]] == [(s.text, s.label_) for s in seed.doc.spans[key]]
    assert again.doc._.sentence_status == seed.doc._.sentence_status
    assert [t.lemma_ for t in again.doc] == [t.lemma_ for t in seed.doc]
