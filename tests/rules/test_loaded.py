"""Loaded words (analysis.rules.loaded): found by lemma and part of speech, and each
one's owner: the writer, a quoted speaker, or words in quotation marks."""

from analysis import analyze
from analysis.rules.loaded import QUOTED, WRITER, loaded_words


def _loaded(nlp, text):
    result = analyze(text, nlp=nlp)
    body = set(result.sentences.loc[result.sentences["in_body"], "sent_id"])
    return loaded_words(result.tokens, result.quotes, body_sentences=body)


def test_a_word_in_a_quotation_is_the_speakers(nlp):
    # bbc politics/001
    text = ("Maternity pay to rise\n\nThe Shadow Secretary of State for the Family, Theresa May, said: \"These plans were "
            "announced by Gordon Brown in his pre-budget review in December and Tony Blair is now recycling it in his "
            "desperate bid to win back women voters.\"")  # fmt: skip
    rows = _loaded(nlp, text)
    assert rows["text"].tolist() == ["desperate"]
    assert rows["whose"].iloc[0] not in (WRITER, QUOTED)


def test_a_word_in_the_writers_voice_is_the_writers(nlp):
    # bbc sport/263 (shortened)
    rows = _loaded(nlp, "Rangers exit\n\nRangers manager Alex McLeish accepts he will be criticised after their disastrous Uefa Cup exit.")
    assert rows[["text", "whose"]].values.tolist() == [["disastrous", WRITER]]


def test_a_quoted_term_with_no_speaker_is_in_quotation_marks(nlp):
    # bbc politics/105 (shortened)
    text = 'Comments row\n\nHer comments have been described as "irresponsible" and "outrageous" by the Islamic Human Rights Commission.'
    rows = _loaded(nlp, text)
    assert rows[["text", "whose"]].values.tolist() == [["outrageous", QUOTED]]


def test_names_and_plain_words_are_not_loaded(nlp):
    # bbc entertainment/316: a film title; a neutral report
    text = ("Actor profile\n\nIn 1984 he started his film career in horror film Nightmare On Elm Street. "
            "The council said the road would close for repairs in May.")  # fmt: skip
    assert _loaded(nlp, text).empty


def test_a_loaded_word_is_found_as_written_when_its_dictionary_form_is_wrong(nlp):
    # A fifth blind teacher review (bbc politics/180): "a shambles" (the model's lemma is
    # "shamble"), "bombarded", "a barrage" and a quoted "charade" were missed.
    from analysis import analyze

    text = ("Bill row\n\nMPs bombarded the minister with a barrage of questions, prompting claims of a shambles. "
            "Iain Duncan Smith condemned the debate as a \"charade\".")  # fmt: skip
    result = analyze(text, nlp=nlp)
    found = loaded_words(result.tokens, result.quotes).set_index("text")["whose"].to_dict()
    assert {"bombarded", "barrage", "shambles", "charade"} <= set(found), found
    assert found["charade"].endswith("Duncan Smith")  # his words, not the writer's
