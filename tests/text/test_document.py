from analysis import analyze


def test_sentences_never_cross_paragraphs(seed, bbc_analyses):
    for analysis in [seed, *bbc_analyses.values()]:
        paragraphs = analysis.paragraphs.set_index("para_id")
        for row in analysis.sentences.itertuples():
            para = paragraphs.loc[row.para_id]
            assert para.start <= row.start and row.end <= para.end


def test_in_body_follows_the_paragraph_role(seed):
    roles = seed.paragraphs.set_index("para_id")["role"]
    for row in seed.sentences.itertuples():
        assert row.in_body == (roles[row.para_id] == "body")


def test_a_closing_quote_is_not_a_sentence_of_its_own(seed):
    texts = seed.sentences["text"].tolist()
    assert all(any(ch.isalnum() for ch in t) for t in texts)
    assert any(t.endswith('a very, very serious issue."') for t in texts)


def test_a_closing_quote_the_parser_put_on_the_next_line_ends_its_own_sentence(nlp):
    # PolNeAR dev (HuffPost, 2016-09-20): 'intolerable.”' then, on the next line, '“Maybe I can ...'
    text = ("Clinton\n\n\u201cIn Tulsa, an unarmed man with his hands in the air. And it needs to be intolerable.\u201d\n"
            "\u201cMaybe I can, by speaking directly to white people, say, look, this is not who we are,\u201d she continued.")  # fmt: skip
    texts = analyze(text, nlp=nlp).sentences["text"].tolist()
    assert "And it needs to be intolerable.\u201d" in texts
    assert any(t.startswith("\u201cMaybe I can") for t in texts)


def test_a_clause_split_by_the_parser_is_joined(seed):
    # The pull quote repeats the standfirst; both are one sentence, not two.
    standfirst = seed.sentences[seed.sentences.para_id == 1]
    pull_quote = seed.sentences[seed.sentences.para_id == 17]
    assert len(standfirst) == 1 and len(pull_quote) == 1


def test_status_is_null_outside_the_body_and_cue_columns_are_lists(seed):
    outside = seed.sentences[~seed.sentences["in_body"]]
    assert len(outside) > 0 and outside["status"].isna().all()
    assert all(isinstance(v, list) for v in seed.sentences["hedges"])
    assert all(isinstance(v, list) for v in seed.sentences["boosters"])


def test_tokens_have_offsets_lemmas_and_tags(seed):
    tokens = seed.tokens
    assert len(tokens) > 900
    assert not tokens["text"].str.isspace().any()
    row = tokens[tokens["text"] == "invaded"].iloc[0]
    assert row["lemma"] == "invade" and row["pos"] == "VERB"
    assert tokens["sent_id"].is_monotonic_increasing


def test_the_seed_has_one_sentence_per_body_claim(seed):
    body = seed.body_sentences
    assert len(body) == 28  # counted by hand: 16 body paragraphs, 28 sentences
    assert body["text"].iloc[0].startswith("Ever since Russia invaded Ukraine")


def test_text_input_and_file_input_agree(seed, seed_path, nlp):
    from_text = analyze(seed_path.read_text(encoding="utf-8"), nlp=nlp)
    assert from_text.paragraphs["role"].tolist() == seed.paragraphs["role"].tolist()
    assert from_text.sentences["start"].tolist() == seed.sentences["start"].tolist()


def _token_table_token_by_token(text, sentences):
    """The tokens table built the plain way, one spaCy Token at a time (the reference
    the array-based ``token_table`` must match)."""
    from analysis.schema import conform

    rows = [
        {"sent_id": sent_id, "i": t.i, "text": text[t.idx : t.idx + len(t)], "lemma": t.lemma_, "pos": t.pos_,
         "tag": t.tag_, "dep": t.dep_, "head_i": t.head.i, "start": t.idx, "end": t.idx + len(t),
         "is_stop": t.is_stop, "is_punct": t.is_punct}
        for sent_id, span in enumerate(sentences) for t in span if not t.is_space
    ]  # fmt: skip
    return conform("tokens", rows)


def test_token_table_matches_a_token_by_token_build(seed, bbc_analyses):
    import pandas as pd

    from analysis.text.document import sentence_spans, token_table

    for analysis in [seed, *bbc_analyses.values()]:
        sentences = sentence_spans(analysis.doc, analysis.paragraphs["start"].tolist())
        expected = _token_table_token_by_token(analysis.text, sentences)
        pd.testing.assert_frame_equal(token_table(analysis.text, sentences), expected)
        # Heads before and after the token (negative and positive offsets) both occur.
        assert (expected["head_i"] < expected["i"]).any() and (expected["head_i"] > expected["i"]).any()


def test_token_strings_are_the_tokens_attributes(seed):
    from analysis.parse.nlp import token_strings

    doc = seed.doc
    assert token_strings(doc) == [t.text for t in doc]
    assert token_strings(doc, "LOWER") == [t.lower_ for t in doc]
    assert token_strings(doc, "LEMMA") == [t.lemma_ for t in doc]
