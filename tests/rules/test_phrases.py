"""Lexicon cues as phrase patterns: optional words, alternatives, lemma and word matches."""

from analysis.rules.phrases import LexiconMatcher, cue_variants


def test_optional_and_alternative_words_expand_to_every_variant():
    assert cue_variants("could not be (independently) verify") == [
        ["could", "not", "be", "independently", "verify"], ["could", "not", "be", "verify"]]  # fmt: skip
    assert cue_variants("refuse|decline to comment") == [["refuse", "to", "comment"], ["decline", "to", "comment"]]


def test_the_matcher_finds_lemmas_and_keeps_the_longest(nlp):
    doc = nlp("The ministry refused to confirm or deny the report, and officials declined to comment.")
    matcher = LexiconMatcher(nlp.vocab, ["confirm", "refuse to confirm or deny", "decline to comment"])
    found = {(row, doc[i:j].text) for row, i, j in matcher(doc)}
    assert (1, "refused to confirm or deny") in found and (2, "declined to comment") in found
