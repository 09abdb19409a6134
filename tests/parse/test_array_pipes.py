"""The array attribute ruler and lemmatizer set every token attribute as spaCy's own do."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from analysis import config
from analysis.parse.array_pipes import ArrayAttributeRuler, ArrayLemmatizer, use_array_pipes
from analysis.parse.nlp import load_nlp

from ..conftest import BBC_FILES

ATTRS = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START"]


@pytest.fixture(scope="module")
def stock():
    return load_nlp(array_pipes=False)


def token_attributes(doc: Doc) -> tuple:
    return doc.to_array(ATTRS).tolist(), [(t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_the_loaded_pipeline_uses_the_array_components(nlp, stock):
    assert type(nlp.get_pipe("attribute_ruler")) is ArrayAttributeRuler
    assert type(nlp.get_pipe("lemmatizer")) is ArrayLemmatizer
    assert type(stock.get_pipe("attribute_ruler")) is AttributeRuler
    assert nlp.pipe_names == stock.pipe_names


def test_real_articles_get_the_same_attributes_as_from_spacy(nlp, stock):
    texts = [config.SEED_ARTICLE.read_text(encoding="utf-8")] + [p.read_text(encoding="utf-8", errors="replace") for p in BBC_FILES]
    for ours, theirs in zip(nlp.pipe(texts), stock.pipe(texts)):
        assert token_attributes(ours) == token_attributes(theirs)


# Words the English model's ruler has exceptions for, several of them over two tokens
# ("gon na", "let 's", "y' all", "ai n't", "there is"), and ordinary words between.
TRICKY = (
    "We're gonna win, ain't we? Let's go, y'all. C'mon! You gotta see it. There is a cat and there were dogs. "
    "I'd say that he and she could have said so, but this is something nobody knew. Her book is hers; its cover "
    "is theirs. It was n't what they said whether or not they'd come. Prices rose 5% to $3.2bn in 2004."
)


def test_exceptions_over_several_tokens_match_spacy(nlp, stock):
    ours, theirs = nlp(TRICKY), stock(TRICKY)
    assert token_attributes(ours) == token_attributes(theirs)
    lemmas = {(t.lower_, t.lemma_) for t in ours}
    assert ("gon", "go") in lemmas and ("na", "to") in lemmas  # the two-token rules did apply


WORDS = TRICKY.replace(",", " ,").replace(".", " .").split() + ["'s", "'re", "n't", "all", "y'", "ai", "on", "c'm", "na", "gon"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_any_word_sequence_gets_the_same_attributes(nlp, stock, words):
    text = " ".join(words)
    assert token_attributes(nlp(text)) == token_attributes(stock(text))


def tagged_doc(vocab) -> Doc:
    words = ["An", "unusual", "trip", "to", "New", "York", "and", "new", "plans", "unveiled", "!", "A", "York", "ham"]
    tags = ["DT", "JJ", "NN", "IN", "NNP", "NNP", "CC", "JJ", "NNS", "VBD", ".", "DT", "NNP", "NN"]
    return Doc(vocab, words=words, tags=tags)


RULES = [
    ([[{"TAG": "NN"}]], {"POS": "NOUN", "MORPH": "Number=Sing"}, 0),
    ([[{"TAG": {"IN": ["NNP", "NNPS"]}}]], {"POS": "PROPN"}, 0),
    ([[{"LOWER": {"IN": ["a", "an"]}}, {"TAG": {"NOT_IN": ["NN"]}}]], {"POS": "ADJ", "LEMMA": "after-article"}, 1),
    ([[{"LOWER": {"REGEX": "^un"}}]], {"LEMMA": "un-word"}, 0),
    ([[{"LOWER": "new"}, {"LOWER": "york", "OP": "?"}]], {"MORPH": "Place=Yes"}, -1),  # an operator: the Matcher's
    ([[{"TEXT": "York"}]], {"LEMMA": "York!"}, 0),  # a later rule wins
    ([[{"IS_PUNCT": True}], [{"ORTH": "and"}]], {"POS": "PUNCT", "TAG": "."}, 0),
]


def both_rulers(vocab, rules):
    stock_ruler, array_ruler = AttributeRuler(vocab), ArrayAttributeRuler(vocab)
    for patterns, attrs, index in rules:
        stock_ruler.add(patterns, attrs, index=index)
        array_ruler.add(patterns, attrs, index=index)
    return stock_ruler, array_ruler


def test_patterns_of_every_shape_match_as_spacy_s_ruler(nlp):
    stock_ruler, array_ruler = both_rulers(nlp.vocab, RULES)
    theirs, ours = stock_ruler(tagged_doc(nlp.vocab)), array_ruler(tagged_doc(nlp.vocab))
    assert token_attributes(ours) == token_attributes(theirs)
    # Later rules win: "unusual" is an ADJ after "An", then a regex's "un-word"; "A York"
    # is PROPN, then ADJ, then lemma "York!".
    assert (ours[1].pos_, ours[1].lemma_, ours[9].lemma_) == ("ADJ", "un-word", "un-word")
    assert (ours[12].pos_, ours[12].lemma_) == ("ADJ", "York!")
    assert [str(ours[i].morph) for i in (4, 5, 7)] == ["Place=Yes"] * 3  # "New", "New York", lone "new"
    assert (ours[6].pos_, ours[6].tag_, ours[10].pos_) == ("PUNCT", ".", "PUNCT")
    # Rules added after the first call are used (the compiled rules are rebuilt).
    more = [([[{"LOWER": "ham"}]], {"LEMMA": "hams"}, 0)]
    for ruler in (stock_ruler, array_ruler):
        for patterns, attrs, index in more:
            ruler.add(patterns, attrs, index=index)
    theirs, ours = stock_ruler(tagged_doc(nlp.vocab)), array_ruler(tagged_doc(nlp.vocab))
    assert token_attributes(ours) == token_attributes(theirs) and ours[-1].lemma_ == "hams"


def test_an_index_outside_the_match_fails_as_in_spacy(nlp):
    rules = [([[{"LOWER": "an"}, {"LOWER": "unusual"}]], {"POS": "ADJ"}, 2)]
    messages = []
    for ruler in both_rulers(nlp.vocab, rules):
        with pytest.raises(ValueError, match="E1001") as raised:
            ruler(tagged_doc(nlp.vocab))
        messages.append(str(raised.value))
    assert messages[0] == messages[1]


@pytest.mark.parametrize("rules", [
    [([[{}]], {"LEMMA": "any"}, 0)],  # a pattern matching every token, and no attribute tested
    [([[{}]], {"LEMMA": "any"}, 0), ([[{"LOWER": "an"}, {}]], {"POS": "DET"}, -1)],
    [([[{"LOWER": {"in": ["an", "a"]}, "TAG": "DT"}]], {"MORPH": "Definite=Ind"}, 0)],  # predicate names in lower case
    [([[{"LOWER": {"IN": []}}]], {"POS": "X"}, 0), ([[{"TAG": {"NOT_IN": []}}]], {"MORPH": "Any=Yes"}, 0)],  # empty lists
])
def test_patterns_without_tests_or_in_other_spellings_match_as_spacy_s(nlp, rules):
    stock_ruler, array_ruler = both_rulers(nlp.vocab, rules)
    assert token_attributes(array_ruler(tagged_doc(nlp.vocab))) == token_attributes(stock_ruler(tagged_doc(nlp.vocab)))


def test_a_rule_setting_a_lexical_attribute_runs_through_spacy(nlp):
    rules = [([[{"LOWER": "trip"}]], {"NORM": "journey"}, 0)]
    stock_ruler, array_ruler = both_rulers(nlp.vocab, rules)
    ours = array_ruler(tagged_doc(nlp.vocab))
    assert ours[2].norm_ == "journey" == stock_ruler(tagged_doc(nlp.vocab))[2].norm_


def test_empty_docs_pass_through(nlp, stock):
    assert len(nlp("")) == 0 and len(stock("")) == 0


def test_lemmatizer_overwriting_matches_spacy(nlp, stock):
    text = "I'd say they were running faster than us."
    ours_lemmatizer, stock_lemmatizer = nlp.get_pipe("lemmatizer"), stock.get_pipe("lemmatizer")
    try:
        ours_lemmatizer.overwrite = stock_lemmatizer.overwrite = True  # also replaces the ruler's lemmas ("I", "would")
        assert token_attributes(nlp(text)) == token_attributes(stock(text))
    finally:
        ours_lemmatizer.overwrite = stock_lemmatizer.overwrite = False


def test_only_spacy_s_own_classes_are_switched(nlp):
    class OwnRuler(AttributeRuler):
        pass

    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("attribute_ruler")
    blank.add_pipe("attribute_ruler", name="own_ruler").__class__ = OwnRuler  # a subclass, in the pipeline
    use_array_pipes(blank)
    assert type(blank.get_pipe("attribute_ruler")) is ArrayAttributeRuler
    assert type(blank.get_pipe("own_ruler")) is OwnRuler  # may behave differently: left alone
    np.testing.assert_array_equal(blank("a b").to_array(["POS"]), [0, 0])


def test_the_lemmatizer_serialises_as_spacy_s(nlp, stock):
    nlp("Several unusual nouns were lemmatised here.")  # its word index has been switched to sets
    ours, theirs = nlp.get_pipe("lemmatizer"), stock.get_pipe("lemmatizer")
    assert ours.to_bytes(exclude=["vocab"]) == theirs.to_bytes(exclude=["vocab"])
    index = ours.lookups.get_table("lemma_index")
    assert all(type(words).__name__ == "_WordIndex" for words in index.values())
    assert [list(words) for words in index.values()] == [list(words) for words in theirs.lookups.get_table("lemma_index").values()]
    # Tables loaded into it later are used (and searched through sets) from then on.
    ours.from_bytes(theirs.to_bytes(exclude=["vocab"]), exclude=["vocab"])
    text = "The oxen were grazing; geese flew over the lemmatised meadows."
    assert token_attributes(nlp(text)) == token_attributes(stock(text))
    assert all(type(words).__name__ == "_WordIndex" for words in ours.lookups.get_table("lemma_index").values())


def test_caches_start_again_past_their_size_and_results_stay_the_same(nlp, stock, monkeypatch):
    monkeypatch.setattr(config, "ARRAY_LEMMA_CACHE", 5)
    monkeypatch.setattr(config, "ARRAY_REGEX_CACHE", 5)
    lemmatizer, ruler = nlp.get_pipe("lemmatizer"), nlp.get_pipe("attribute_ruler")
    nlp("Warm it up.")  # the ruler's compiled rules exist from here on
    for word in WORDS:
        text = f"{word} y'all"
        assert token_attributes(nlp(text)) == token_attributes(stock(text))
        # Each store is cleared, when past its size, before the next Doc adds its few entries.
        assert len(lemmatizer._first_lemmas) <= 5 + 3
        assert all(len(results) <= 5 + 3 for results in ruler._compiled.regex_results.values())
