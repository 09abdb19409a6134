"""An embedded post (a tweet a saved page shows) is its poster's words, not the writer's."""

from analysis import analyze

# thehill.com, 2019-11-19: the post closes its paragraph with its signature.
ARTICLE = (
    "New York man pleads guilty to threatening to kill Omar\n\n"
    "A New York man pleaded guilty on Monday to charges that he threatened to kill Rep. Ilhan Omar.\n\n"
    "Sharing my full letter on the sentencing of Patrick W. Carlineo, a man convicted of threatening my life. "
    "We must apply a system of compassion to criminal justice. "
    "pic.twitter.com/s96jjh8AlD\u2014 Rep. Ilhan Omar (@Ilhan) November 19, 2019\n\n"
    "The sentencing is set for February."
)


def test_every_sentence_of_an_embedded_post_rests_on_its_poster(nlp):
    result = analyze(ARTICLE, nlp=nlp)
    posts = result.attributions[result.attributions["pattern"] == "embedded_post"]
    assert posts[["source", "canonical_source", "cue"]].values.tolist() == [["Rep. Ilhan Omar", "Ilhan Omar", "(@Ilhan)"]]
    sentences = result.sentences.set_index("sent_id")
    in_post = sentences[sentences["text"].str.contains("letter|compassion|pic.twitter")]
    assert len(in_post) == 3
    assert (in_post["status"] == "reported").all() and (in_post["claim_source"] == "Ilhan Omar").all()
    quote = result.quotes[result.quotes["reason"].str.contains("embedded post")]
    assert quote["speaker"].tolist() == ["Ilhan Omar"] or quote["speaker"].tolist() == ["Rep. Ilhan Omar"]
    # The writer's own sentences stay the writer's.
    assert sentences.loc[sentences["text"].str.startswith("The sentencing"), "claim_source"].tolist() == ["author"]


def test_a_dash_and_a_name_in_brackets_without_a_handle_and_date_is_no_post(nlp):
    result = analyze("Headline here\n\nThe plan was approved \u2014 the council (Labour) said so on Monday.", nlp=nlp)
    assert "embedded_post" not in set(result.attributions["pattern"])
