"""Words to look up (analysis.classroom.glossary): the article's rarest ordinary words,
never names, numbers or common words; and they reach the worksheet and the class view."""

from analysis import analyze
from analysis.classroom.glossary import hard_words


def test_rare_ordinary_words_are_listed_and_names_and_common_words_are_not(nlp):
    # seed shape (shortened): rare words among common ones and names
    text = ("Troops deployed\n\nThe belligerents agreed to a ceasefire after the conscripts refused to advance. "
            "Volodymyr Zelensky said the troops would stay in Kursk for 12 more days.")  # fmt: skip
    result = analyze(text, nlp=nlp)
    words = hard_words(result.tokens)["word"].tolist()
    assert {"belligerents", "conscripts"} <= set(words)
    assert not {"troops", "said", "days", "zelensky", "kursk", "volodymyr"} & set(words)


def test_the_rarest_are_kept_in_reading_order(nlp):
    result = analyze("Story\n\nThe conscripts saw belligerents and a stalemate near the escarpment.", nlp=nlp)
    all_words = hard_words(result.tokens)
    two = hard_words(result.tokens, limit=2)
    assert len(two) == 2 and set(two["word"]) <= set(all_words["word"])
    assert two["zipf"].max() <= all_words["zipf"].sort_values().iloc[1]
    assert two["sent_id"].is_monotonic_increasing


def test_only_the_sentences_asked_for(nlp):
    result = analyze("The belligerents meet\n\nThe talks went well.", nlp=nlp)
    body = set(result.sentences.loc[result.sentences["in_body"], "sent_id"])
    assert hard_words(result.tokens, body).empty


def test_a_name_is_no_word_to_look_up_and_a_word_is_listed_once(nlp):
    # BBC News tech/115 and sport/348, shortened: "Pompeii" and "Ruddock" are never written in lower case.
    from analysis import analyze

    text = ("Pompeii gets digital make-over\n\nPompeii will be shown with augmented reality, and the augmented frescos "
            "will look as they did. Ruddock praised the skipper, who wore the armband with pride.")  # fmt: skip
    words = list(hard_words(analyze(text, nlp=nlp).tokens)["word"])
    assert "pompeii" not in words and "ruddock" not in words
    assert words.count("augmented") <= 1 and "armband" in words


def test_a_hyphenated_word_is_listed_whole_and_a_typo_or_a_british_spelling_is_not(nlp):
    # BBC News entertainment/311 ("dumbed-down", "good-natured", "criticise") and business/455 ("willmean").
    text = ("Corbett attacks TV\n\nHe attacked dumbed-down programmes with a good-natured smile, and went on to criticise "
            "the channels. That willmean trouble for the fractious producers.")  # fmt: skip
    words = hard_words(analyze(text, nlp=nlp).tokens)["word"].tolist()
    assert "dumbed-down" in words and "good-natured" in words and "fractious" in words
    assert not {"dumbed", "natured", "willmean", "criticise"} & set(words)


def test_two_rare_words_of_one_noun_are_one_phrase_to_look_up(nlp):
    # A blind teacher review (BBC News tech/172): "stocking" and "filler" were listed apart.
    result = analyze("Gadgets\n\nMP3 players remain the most popular stocking filler, said Mr Irish. The filler "
                     "was ubiquitously bewildering.", nlp=nlp)
    words = hard_words(result.tokens)["word"].tolist()
    assert "stocking filler" in words and "stocking" not in words, words
